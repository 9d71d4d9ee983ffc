//! A handout as Markdown. Every value is escaped, so text from the data can neither break a table
//! (pipes) nor turn into markup, links or raw HTML when the file is rendered.

use super::{Handout, Item, Origin, cell, link_names};
use crate::describe::SourceLine;

/// Inline text escaped for Markdown: the crate's one Markdown escaper.
use crate::text::markdown as md;

fn table_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn rule(n: usize) -> String {
    format!("|{}\n", "---|".repeat(n))
}

fn source_text(s: &SourceLine) -> String {
    let ext = if s.external {
        " *(outside the seed documents)*"
    } else {
        ""
    };
    format!("{} — section: {}{ext}", md(&s.citation), md(&s.section))
}

fn record(out: &mut String, n: usize, item: &Item) {
    let d = &item.record;
    out.push_str(&format!("### {n}. {}\n\n", md(&d.name)));
    out.push_str(&format!("*{} · {}*\n\n", d.kind, md(&d.id)));
    if let Some(note) = &item.note {
        out.push_str(&format!("**Your note:** {}\n\n", md(note)));
    }
    if !d.aliases.is_empty() {
        out.push_str(&format!("Also called: {}\n\n", md(&d.aliases.join(", "))));
    }
    out.push_str(&format!("{}\n\n", md(&d.summary)));
    let mut rows: Vec<(String, String)> = d
        .fields
        .iter()
        .map(|f| (f.label.clone(), f.value.clone()))
        .collect();
    rows.extend(link_names(d));
    if !rows.is_empty() {
        out.push_str("| Field | Value |\n|---|---|\n");
        for (label, value) in rows {
            out.push_str(&table_row(&[md(&label), md(&value)]));
        }
        out.push('\n');
    }
    if !d.attributes.is_empty() {
        out.push_str("| Attribute | Value |\n|---|---|\n");
        for f in &d.attributes {
            out.push_str(&table_row(&[md(&f.label), md(&f.value)]));
        }
        out.push('\n');
    }
    for f in &d.notes {
        out.push_str(&format!("- **{}:** {}\n", md(&f.label), md(&f.value)));
    }
    if !d.notes.is_empty() {
        out.push('\n');
    }
    if !d.claims.is_empty() {
        out.push_str("Claims (their words, not verified facts):\n\n");
        for c in &d.claims {
            out.push_str(&format!(
                "- Claim by {}: “{}” ({})\n",
                md(&c.by),
                md(&c.text),
                md(&c.source)
            ));
        }
        out.push('\n');
    }
    out.push_str("Sources:\n\n");
    for s in &d.sources {
        out.push_str(&format!("- {}\n", source_text(s)));
    }
    out.push('\n');
}

/// The comparison tables, one per kind; rows that differ are marked.
fn comparisons(out: &mut String, h: &Handout) {
    for c in &h.comparisons {
        out.push_str(&format!("## Comparison: {}\n\n", c.kind.plural()));
        let mut header = vec!["Attribute".to_owned()];
        header.extend(c.columns.iter().map(|col| md(&col.name)));
        header.push("Differs".to_owned());
        out.push_str(&table_row(&header));
        out.push_str(&rule(header.len()));
        for row in &c.rows {
            let mut cells = vec![md(&row.attribute)];
            cells.extend(row.values.iter().map(|v| md(cell(v))));
            cells.push(if row.differs { "yes" } else { "" }.to_owned());
            out.push_str(&table_row(&cells));
        }
        out.push('\n');
    }
}

/// The handout as a Markdown document.
pub fn markdown(h: &Handout) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", md(&h.title)));
    out.push_str(&format!(
        "*Prepared {} with clinic-explorer.*\n\n",
        md(&h.date)
    ));
    out.push_str(&format!("> {}\n\n", h.disclaimer));
    let comparisons_first = h.from == Origin::Comparison;
    if comparisons_first {
        comparisons(&mut out, h);
    }
    if !h.records.is_empty() {
        out.push_str("## Records\n\n");
        for (i, item) in h.records.iter().enumerate() {
            record(&mut out, i + 1, item);
        }
    }
    if !h.missing.is_empty() {
        out.push_str("## No longer in the data\n\n");
        out.push_str("These shortlisted records are not in the data any more; they are kept on the list.\n\n");
        for m in &h.missing {
            let note = m
                .note
                .as_deref()
                .map(|n| format!(" — your note: {}", md(n)))
                .unwrap_or_default();
            out.push_str(&format!("- {} {}{note}\n", m.kind, md(&m.id)));
        }
        out.push('\n');
    }
    if !comparisons_first {
        comparisons(&mut out, h);
    }
    if !h.costs.is_empty() {
        out.push_str("## Costs\n\n");
        out.push_str("Figures as the sources give them, in their own currency.\n\n");
        let header = [
            "Cost", "Country", "Range", "Currency", "Unit", "Year", "Source",
        ];
        out.push_str(&table_row(&header.map(String::from)));
        out.push_str(&rule(header.len()));
        for c in &h.costs {
            out.push_str(&table_row(&[
                md(&c.name),
                md(&c.country),
                md(&c.range),
                md(&c.currency),
                md(&c.unit),
                c.year.to_string(),
                md(&c.sources.join("; ")),
            ]));
        }
        out.push('\n');
    }
    if !h.sources.is_empty() {
        out.push_str("## Sources\n\n");
        for s in &h.sources {
            out.push_str(&format!("- {}\n", source_text(s)));
        }
        out.push('\n');
    }
    out.push_str(&format!("> {}\n", h.disclaimer));
    out
}
