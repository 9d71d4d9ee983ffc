//! Handouts: a shortlist or a comparison as a document to print or send, in Markdown, HTML or JSON.
//!
//! A [`Handout`] is built once from the dataset (every record laid out by [`Dataset::describe`],
//! comparison tables, cost ranges with their currency, unit, year and source, the person's notes, the
//! sources cited, the date and the disclaimer), with all text from the data made safe by
//! [`sanitize`]; the three formats only lay it out. The date is passed in, so output is reproducible.

mod html;
mod markdown;

use crate::compare::{Comparison, MAX_COLUMNS};
use crate::dataset::Dataset;
use crate::describe::{DISCLAIMER, Description, Field, SourceLine};
use crate::error::Result;
use crate::model::Kind;
use crate::shortlist::Shortlist;
use crate::text::sanitize;
use serde::Serialize;
use std::collections::BTreeSet;

pub use html::html;
pub use markdown::markdown;

/// A document format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown (table cells escaped).
    Markdown,
    /// One self-contained, printable HTML file: inline styles, no scripts, nothing fetched.
    Html,
    /// JSON: the [`Handout`] as it is.
    Json,
}

/// One chosen record, laid out, with the person's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The record.
    #[serde(flatten)]
    pub record: Description,
    /// The person's note from the shortlist.
    pub note: Option<String>,
}

/// A shortlist entry whose record is no longer in the data: kept in the handout, marked missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// Its kind.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// The person's note.
    pub note: Option<String>,
}

/// A cost range as the handout lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostLine {
    /// The cost range's id.
    pub id: String,
    /// What it prices and where.
    pub name: String,
    /// Country or region.
    pub country: String,
    /// The range as people read it: `$10,000–$20,000`, `from ₩869,000`.
    pub range: String,
    /// Lower bound, in whole units of the currency.
    pub min: Option<u64>,
    /// Upper bound; `None` for an open-ended figure.
    pub max: Option<u64>,
    /// ISO currency code, as the source gives it.
    pub currency: String,
    /// What one figure pays for: "per session", "full course".
    pub unit: String,
    /// The year the figure applies to.
    pub year: u16,
    /// Where it comes from: "Title — Publisher, date (section)".
    pub sources: Vec<String>,
}

/// What a handout was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The person's shortlist: the records (with notes) come first.
    Shortlist,
    /// A comparison: the table comes first, then each record in full.
    Comparison,
}

/// A document holding the chosen records and everything needed to read them on paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Handout {
    /// What it was made from.
    pub from: Origin,
    /// The document's title.
    pub title: String,
    /// The date it was made (`YYYY-MM-DD`), as passed in.
    pub date: String,
    /// The medical disclaimer.
    pub disclaimer: String,
    /// The chosen records, in order.
    pub records: Vec<Item>,
    /// Shortlist entries whose records are no longer in the data.
    pub missing: Vec<Missing>,
    /// Side-by-side tables: one per kind with 2 to 4 chosen records.
    pub comparisons: Vec<Comparison>,
    /// Cost ranges: the chosen ones and those that price a chosen therapy.
    pub costs: Vec<CostLine>,
    /// Every source cited by the records and cost ranges, once each.
    pub sources: Vec<SourceLine>,
}

/// Text from the data or the person, made safe: line breaks become spaces, then [`sanitize`].
fn clean(s: &str) -> String {
    sanitize(&s.replace(['\r', '\n', '\t'], " "))
}

fn clean_field(f: &Field) -> Field {
    Field {
        label: clean(&f.label),
        value: clean(&f.value),
    }
}

fn clean_source(s: &SourceLine) -> SourceLine {
    SourceLine {
        id: clean(&s.id),
        citation: clean(&s.citation),
        section: clean(&s.section),
        external: s.external,
    }
}

/// A description with every string made safe.
fn clean_description(d: Description) -> Description {
    Description {
        kind: d.kind,
        id: clean(&d.id),
        name: clean(&d.name),
        aliases: d.aliases.iter().map(|a| clean(a)).collect(),
        summary: clean(&d.summary),
        fields: d.fields.iter().map(clean_field).collect(),
        attributes: d.attributes.iter().map(clean_field).collect(),
        links: d
            .links
            .into_iter()
            .map(|mut l| {
                l.label = clean(&l.label);
                for i in &mut l.items {
                    i.id = clean(&i.id);
                    i.name = clean(&i.name);
                }
                l
            })
            .collect(),
        claims: d
            .claims
            .into_iter()
            .map(|mut c| {
                c.by = clean(&c.by);
                c.text = clean(&c.text);
                c.source = clean(&c.source);
                c
            })
            .collect(),
        notes: d.notes.iter().map(clean_field).collect(),
        sources: d.sources.iter().map(clean_source).collect(),
    }
}

fn clean_comparison(mut c: Comparison) -> Comparison {
    for col in &mut c.columns {
        col.id = clean(&col.id);
        col.name = clean(&col.name);
    }
    for row in &mut c.rows {
        row.attribute = clean(&row.attribute);
        for v in row.values.iter_mut().flatten() {
            *v = clean(v);
        }
    }
    c
}

/// Builds a handout from parts, adding the cost ranges and the sources.
struct Builder<'a> {
    data: &'a Dataset,
    handout: Handout,
}

impl<'a> Builder<'a> {
    fn new(data: &'a Dataset, from: Origin, title: String, date: &str) -> Builder<'a> {
        Builder {
            data,
            handout: Handout {
                from,
                title: clean(&title),
                date: clean(date),
                disclaimer: DISCLAIMER.to_owned(),
                records: Vec::new(),
                missing: Vec::new(),
                comparisons: Vec::new(),
                costs: Vec::new(),
                sources: Vec::new(),
            },
        }
    }

    fn record(&mut self, kind: Kind, id: &str, note: Option<&str>) -> bool {
        let Some(d) = self.data.describe(kind, id) else {
            return false;
        };
        self.handout.records.push(Item {
            record: clean_description(d),
            note: note.map(clean),
        });
        true
    }

    /// Adds the cost lines (chosen cost ranges, then those of chosen therapies) and the sources.
    fn finish(mut self) -> Handout {
        let mut cost_ids: Vec<String> = Vec::new();
        for item in &self.handout.records {
            let d = &item.record;
            let ids: Vec<String> = match d.kind {
                Kind::Cost => vec![d.id.clone()],
                Kind::Therapy => self
                    .data
                    .costs_for(&d.id)
                    .iter()
                    .map(|i| i.0.clone())
                    .collect(),
                _ => Vec::new(),
            };
            for id in ids {
                if !cost_ids.contains(&id) {
                    cost_ids.push(id);
                }
            }
        }
        let mut seen = BTreeSet::new();
        let mut sources = Vec::new();
        let mut cite = |s: &SourceLine| {
            if seen.insert((s.id.clone(), s.section.clone())) {
                sources.push(s.clone());
            }
        };
        for item in &self.handout.records {
            item.record.sources.iter().for_each(&mut cite);
        }
        for id in &cost_ids {
            let Some(c) = self.data.cost(id) else {
                continue;
            };
            let lines: Vec<SourceLine> = c
                .sources
                .iter()
                .map(|s| clean_source(&self.data.source_line(s)))
                .collect();
            lines.iter().for_each(&mut cite);
            self.handout.costs.push(CostLine {
                id: clean(c.id.as_str()),
                name: clean(&c.name),
                country: clean(&c.country),
                range: clean(&crate::money::range_text(c)),
                min: c.min,
                max: c.max,
                currency: c.currency.code().to_owned(),
                unit: c.unit.label().to_owned(),
                year: c.year,
                sources: lines
                    .iter()
                    .map(|s| format!("{} ({})", s.citation, s.section))
                    .collect(),
            });
        }
        self.handout.sources = sources;
        self.handout
    }
}

impl Handout {
    /// The handout of a shortlist: every entry's record with its note, in the list's order; a
    /// comparison for each kind with 2 to 4 entries; entries no longer in the data listed as missing.
    pub fn from_shortlist(data: &Dataset, list: &Shortlist, date: &str) -> Handout {
        let mut b = Builder::new(data, Origin::Shortlist, "Shortlist".to_owned(), date);
        for e in list.entries() {
            if !b.record(e.kind, e.id.as_str(), e.note.as_deref()) {
                b.handout.missing.push(Missing {
                    kind: e.kind,
                    id: clean(e.id.as_str()),
                    note: e.note.as_deref().map(clean),
                });
            }
        }
        for kind in Kind::ALL {
            let ids: Vec<String> = b
                .handout
                .records
                .iter()
                .filter(|i| i.record.kind == kind)
                .map(|i| i.record.id.clone())
                .collect();
            if (2..=MAX_COLUMNS).contains(&ids.len()) {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                if let Ok(c) = Comparison::build(data, kind, &ids) {
                    b.handout.comparisons.push(clean_comparison(c));
                }
            }
        }
        b.finish()
    }

    /// The handout of a comparison of 2 to 4 records of one kind: the table and every record in
    /// full. An unknown id is an error naming the closest ones.
    pub fn from_comparison(
        data: &Dataset,
        kind: Kind,
        ids: &[&str],
        date: &str,
    ) -> Result<Handout> {
        let c = Comparison::build(data, kind, ids)?;
        let names: Vec<&str> = c.columns.iter().map(|col| col.name.as_str()).collect();
        let title = format!(
            "Comparison of {}: {}",
            kind.plural().to_lowercase(),
            names.join(", ")
        );
        let mut b = Builder::new(data, Origin::Comparison, title, date);
        for col in &c.columns {
            b.record(kind, &col.id, None);
        }
        b.handout.comparisons.push(clean_comparison(c));
        Ok(b.finish())
    }

    /// True when the handout holds any of the person's notes: such a file is written readable by
    /// its owner only, as the shortlist is.
    pub fn has_notes(&self) -> bool {
        self.records.iter().any(|i| i.note.is_some())
            || self.missing.iter().any(|m| m.note.is_some())
    }

    /// Writes the handout in `format` to `path` atomically: an existing file is replaced only when
    /// `overwrite`, and only if it is a regular file (never a FIFO, a device, a link or a file with
    /// other hard links), keeping its permissions; a new file holding notes is made 0600.
    pub fn write_to(
        &self,
        path: &std::path::Path,
        format: Format,
        overwrite: bool,
    ) -> std::io::Result<()> {
        use crate::shortlist::atomic;
        let opts = atomic::Options {
            overwrite,
            private: self.has_notes(),
        };
        atomic::write(
            path,
            self.render(format).as_bytes(),
            opts,
            &mut atomic::SystemWriter,
        )
    }

    /// The handout in a format.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => markdown(self),
            Format::Html => html(self),
            Format::Json => json(self),
        }
    }
}

/// The handout as pretty-printed JSON.
pub fn json(h: &Handout) -> String {
    let mut s = serde_json::to_string_pretty(h).expect("a handout always serialises");
    s.push('\n');
    // Bidirectional and invisible characters as escapes too, so the file is safe to `cat`.
    crate::text::json_safe(s)
}

/// The value of a comparison cell, or the missing-value mark.
fn cell(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or(crate::compare::MISSING)
}

/// Names of linked records, joined.
fn link_names(d: &Description) -> Vec<(String, String)> {
    d.links
        .iter()
        .map(|l| (l.label.clone(), l.names()))
        .collect()
}
