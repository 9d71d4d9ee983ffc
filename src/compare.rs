//! Two to four records of one kind lined up attribute by attribute. Built once here; the command line
//! prints it and the explorer's compare view draws it.
//!
//! What the compare view needs to read well is worked out here too, without any terminal: which rows
//! differ and the legend that says so, the rows shown when only those that differ are, the sources
//! folded to one line per record, the cost ranges of compared therapies (formatted by
//! [`crate::money`] as everywhere else), and cells wrapped without cutting a figure or a date.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::{CostRange, Currency, Kind};
use crate::money;
use crate::text;
use serde::Serialize;

/// The most records one comparison holds.
pub const MAX_COLUMNS: usize = 4;

/// One compared record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its sources, one citation each ("Title — Publisher, date (section)"); also in the Sources row.
    #[serde(skip)]
    pub sources: Vec<String>,
}

/// One row: an attribute and each record's value (`None` where a record has none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The attribute's name.
    pub attribute: String,
    /// One value per column.
    pub values: Vec<Option<String>>,
    /// True when the values are not all the same.
    pub differs: bool,
}

/// A side-by-side comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Kind of the records.
    pub kind: Kind,
    /// The records, one per column.
    pub columns: Vec<Column>,
    /// The rows: the records' comparable attributes first, then their other fields, claims and sources.
    pub rows: Vec<Row>,
}

/// What a missing value is shown as.
pub const MISSING: &str = "—";

/// The mark of a row whose values are not all the same.
pub const DIFFERS: &str = "≠";

/// The last row: each record's sources.
pub const SOURCES: &str = "Sources";

/// The row of a therapy comparison giving each therapy's cost ranges.
pub const COST_RANGES: &str = "Cost ranges";

impl Comparison {
    /// Builds the comparison of 2 to 4 records of one kind; an unknown id is an error naming the closest.
    pub fn build(data: &Dataset, kind: Kind, ids: &[&str]) -> Result<Comparison> {
        Self::build_in(data, kind, ids, None)
    }

    /// Like [`Comparison::build`]; cost ranges also get a row with their figures converted to
    /// `currency` where they are in the other one.
    pub fn build_in(
        data: &Dataset,
        kind: Kind,
        ids: &[&str],
        currency: Option<crate::model::Currency>,
    ) -> Result<Comparison> {
        if !(2..=MAX_COLUMNS).contains(&ids.len()) {
            return Err(Error::Request(format!(
                "a comparison takes 2 to {MAX_COLUMNS} records, not {}",
                ids.len()
            )));
        }
        let mut descs = Vec::new();
        for id in ids {
            data.find(kind, id)?;
            descs.push(data.describe_in(kind, id, currency).expect("found above"));
        }
        // Row names in order of first appearance: attributes, then fields, then links, claims, sources.
        let mut names: Vec<String> = Vec::new();
        let mut add = |n: &str| {
            if !names.iter().any(|x| x == n) {
                names.push(n.to_owned());
            }
        };
        for d in &descs {
            d.attributes.iter().for_each(|a| add(&a.label));
        }
        for d in &descs {
            d.fields.iter().for_each(|a| add(&a.label));
        }
        for d in &descs {
            d.links.iter().for_each(|l| add(&l.label));
        }
        if descs.iter().any(|d| !d.claims.is_empty()) {
            add("Claims (not verified)");
        }
        add(SOURCES);
        let value = |d: &crate::describe::Description, name: &str| -> Option<String> {
            if let Some(a) = d.attributes.iter().find(|a| a.label == name) {
                return Some(a.value.clone());
            }
            if let Some(f) = d.fields.iter().find(|f| f.label == name) {
                return Some(f.value.clone());
            }
            if let Some(l) = d.links.iter().find(|l| l.label == name) {
                return Some(l.names());
            }
            match name {
                "Claims (not verified)" if !d.claims.is_empty() => Some(
                    d.claims
                        .iter()
                        .map(|c| format!("{} says: \"{}\"", capitalize(&c.by), c.text))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                SOURCES => Some(citations(d).join("; ")),
                _ => None,
            }
        };
        let rows = names
            .iter()
            .map(|n| {
                let values: Vec<Option<String>> = descs.iter().map(|d| value(d, n)).collect();
                let differs = values.windows(2).any(|w| w[0] != w[1]);
                Row {
                    attribute: n.clone(),
                    values,
                    differs,
                }
            })
            .collect();
        Ok(Comparison {
            kind,
            columns: descs
                .iter()
                .map(|d| Column {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    sources: citations(d),
                })
                .collect(),
            rows,
        })
    }

    /// The comparison as the explorer's compare view shows it, in the currency shown: the cost
    /// ranges of compared therapies in a row of their own ([`Comparison::with_costs`]), and the row of
    /// figures "in" the currency shown only when one of them had to be converted.
    pub fn for_view(self, data: &Dataset, currency: Currency) -> Comparison {
        let mut c = self.with_costs(data, currency);
        let label = format!("Range in {}", currency.code());
        let same = |c: &Comparison| {
            let row = |name: &str| c.rows.iter().find(|r| r.attribute == name);
            matches!((row("Range"), row(&label)), (Some(a), Some(b)) if a.values == b.values)
        };
        if same(&c) {
            c.rows.retain(|r| r.attribute != label);
        }
        c
    }

    /// The comparison with the cost ranges of compared therapies in the place of the "Costs" row
    /// (which names them only), or before the sources: each range as a paragraph of its own, as the
    /// source gives it (with its qualifier, unit, currency and year), converted to `currency` where
    /// it is in the other one, and with its source. Other kinds are returned as they are.
    pub fn with_costs(mut self, data: &Dataset, currency: Currency) -> Comparison {
        if self.kind != Kind::Therapy {
            return self;
        }
        let values: Vec<Option<String>> = self
            .columns
            .iter()
            .map(|col| {
                let lines: Vec<String> = data
                    .costs_for(&col.id)
                    .iter()
                    .filter_map(|id| data.cost(id.as_str()))
                    .map(|c| cost_line(data, c, currency))
                    .collect();
                (!lines.is_empty()).then(|| lines.join("\n"))
            })
            .collect();
        if values.iter().all(Option::is_none) {
            return self;
        }
        let costs = self.rows.iter().position(|r| r.attribute == "Costs");
        if let Some(i) = costs {
            self.rows.remove(i);
        }
        let at = match costs {
            Some(i) => i,
            None => self
                .rows
                .iter()
                .position(|r| r.attribute == SOURCES)
                .unwrap_or(self.rows.len()),
        };
        let differs = values.windows(2).any(|w| w[0] != w[1]);
        self.rows.insert(
            at,
            Row {
                attribute: COST_RANGES.to_owned(),
                values,
                differs,
            },
        );
        self
    }

    /// How many rows differ.
    pub fn differing(&self) -> usize {
        self.rows.iter().filter(|r| r.differs).count()
    }

    /// The indices of the rows shown: every row, or only those that differ.
    pub fn shown_rows(&self, only_differing: bool) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| !only_differing || self.rows[i].differs)
            .collect()
    }

    /// What the difference mark means, with how many rows carry it: "≠ the values differ (5 of 9
    /// rows)".
    pub fn legend(&self) -> String {
        let n = self.rows.len();
        let s = if n == 1 { "" } else { "s" };
        format!(
            "{DIFFERS} the values differ ({} of {n} row{s})",
            self.differing()
        )
    }

    /// Where the first row shown is among the rows shown: "row 3 of 17", or when only the rows that
    /// differ are shown, "row 2 of 5 that differ".
    pub fn position(&self, first: usize, only_differing: bool) -> String {
        let shown = self.shown_rows(only_differing).len();
        if shown == 0 {
            return "no row differs".to_owned();
        }
        let at = first.min(shown - 1) + 1;
        if only_differing {
            format!("row {at} of {shown} that differ")
        } else {
            format!("row {at} of {shown}")
        }
    }

    /// A record's sources folded to one line: its one citation, or "3 sources, first: Title —
    /// Publisher, date (section)".
    pub fn folded_sources(&self, column: usize) -> String {
        let Some(col) = self.columns.get(column) else {
            return String::new();
        };
        match col.sources.as_slice() {
            [] => MISSING.to_owned(),
            [one] => one.clone(),
            [first, rest @ ..] => format!("{} sources, first: {first}", rest.len() + 1),
        }
    }

    /// Moves record column `from` to `to` (each row's values move with it).
    pub fn move_column(&mut self, from: usize, to: usize) {
        let n = self.columns.len();
        if from >= n || to >= n || from == to {
            return;
        }
        let col = self.columns.remove(from);
        self.columns.insert(to, col);
        for row in &mut self.rows {
            let v = row.values.remove(from);
            row.values.insert(to, v);
        }
    }
}

/// Each source of a record as one citation: "Title — Publisher, date (section)".
fn citations(d: &crate::describe::Description) -> Vec<String> {
    d.sources
        .iter()
        .map(|s| format!("{} ({})", s.citation, s.section))
        .collect()
}

/// One cost range as the compare view lists it, a bulleted paragraph and its continuations (see
/// [`wrap_value`]): "• South Korea, full course, 2025: $10,000–$20,000 (USD)", then the figure
/// converted ("≈₩14,500,000–≈₩29,000,000 (converted at ₩1,450 per $1, dated 2025)") and "source:
/// Publisher, date (section)". The figure keeps the source's words ("from", "+", "about").
pub fn cost_line(data: &Dataset, c: &CostRange, currency: Currency) -> String {
    let mut line = format!(
        "• {}, {}, {}: {} ({})",
        c.country,
        c.unit.label(),
        c.year,
        money::range_text(c),
        c.currency.code()
    );
    if let Some(rate) = crate::estimate::conversion_rate(data)
        && let Some(converted) = money::converted_text(c, currency, rate.krw_per_usd, &rate.date)
    {
        line.push_str(&format!("\n  {converted}"));
    }
    if let Some(r) = c.sources.first() {
        let who = match data.source(&r.source) {
            Some(s) => match &s.date {
                Some(d) => format!("{}, {d}", s.publisher),
                None => s.publisher.clone(),
            },
            None => r.source.0.clone(),
        };
        line.push_str(&format!("\n  source: {who} ({})", r.section));
    }
    line
}

/// A string cut to a display width, ending in "…" when cut.
pub fn shorten(s: &str, width: usize) -> String {
    if text::width(s) <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Wraps one paragraph of a cell to `width` columns without cutting a figure, a date or a word
/// inside: lines break at spaces, and a range too wide for a line breaks after its dash
/// ("$10,000–" then "$20,000"). A piece still wider than the column is shortened with "…" (the whole
/// value is in the record, which Enter opens).
pub fn wrap_cell(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0;
    for word in s.split_whitespace() {
        let pieces: Vec<&str> = if text::width(word) <= width {
            vec![word]
        } else {
            word.split_inclusive('–').collect()
        };
        for (i, piece) in pieces.into_iter().enumerate() {
            let gap = usize::from(i == 0 && line_w > 0);
            let w = text::width(piece);
            if line_w > 0 && line_w + gap + w <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(piece);
                line_w += gap + w;
                continue;
            }
            if line_w > 0 {
                lines.push(std::mem::take(&mut line));
            }
            line = shorten(piece, width);
            line_w = text::width(&line);
        }
    }
    if line_w > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps a value of several paragraphs (one a line of `s`): a paragraph starting "• " hangs its
/// further lines under its text, and one starting with two spaces continues the bulleted one
/// before it, indented as its lines are.
pub fn wrap_value(s: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for p in s.split('\n') {
        let (first, rest, body) = if let Some(b) = p.strip_prefix("• ") {
            ("• ", "  ", b)
        } else if let Some(b) = p.strip_prefix("  ") {
            ("  ", "  ", b)
        } else {
            ("", "", p)
        };
        let inner = width.saturating_sub(text::width(first)).max(1);
        for (i, l) in wrap_cell(body, inner).into_iter().enumerate() {
            out.push(format!("{}{l}", if i == 0 { first } else { rest }));
        }
    }
    out
}

/// At most `max` lines of wrapped text; when some are left out, the last kept ends in "…".
pub fn clip_lines(mut lines: Vec<String>, max: usize, width: usize) -> Vec<String> {
    if lines.len() <= max || max == 0 {
        return lines;
    }
    let rest = lines.split_off(max - 1).join(" ");
    lines.push(shorten(&rest, width));
    lines
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_wrap_without_cutting_figures() {
        assert_eq!(
            wrap_cell("about $10,000–$20,000 full course", 16),
            ["about", "$10,000–$20,000", "full course"]
        );
        assert_eq!(
            wrap_cell("≈₩14,500,000–≈₩29,000,000", 14),
            ["≈₩14,500,000–", "≈₩29,000,000"]
        );
        assert_eq!(wrap_cell("2025-01-01 x", 6), ["2025-…", "x"]);
        assert_eq!(wrap_cell("", 5), [""]);
    }

    #[test]
    fn bulleted_paragraphs_hang() {
        assert_eq!(
            wrap_value("• aaa bbb ccc\n  ddd eee\nfff", 9),
            ["• aaa bbb", "  ccc", "  ddd eee", "fff"]
        );
    }

    #[test]
    fn clipped_lines_end_in_an_ellipsis() {
        let lines = wrap_cell("one two three four five", 5);
        assert_eq!(lines.len(), 5);
        let clipped = clip_lines(lines, 2, 5);
        assert_eq!(clipped.len(), 2);
        assert!(clipped[1].ends_with('…'), "{clipped:?}");
        assert_eq!(clip_lines(vec!["a".into()], 3, 5), ["a"]);
    }

    #[test]
    fn shortened_strings_end_in_an_ellipsis() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abc", 0), "");
    }
}
