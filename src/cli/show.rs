//! `clinic-explorer show`.

use super::Format;
use super::output::{columns, label_lines, md_cell};
use crate::dataset::Dataset;
use crate::describe::{DISCLAIMER, Description};
use crate::model::Kind;
use crate::text::{sanitize, wrap};

/// Prints one record named by id, name, alias or a search with one clear answer; otherwise says
/// which are closest.
pub fn run<'a>(
    data: &Dataset,
    index: impl FnOnce() -> &'a crate::search::SearchIndex,
    kind: Kind,
    name: &str,
    format: Format,
    currency: Option<crate::model::Currency>,
) -> Result<(), String> {
    let id = match data.get(kind, name) {
        Some(r) => r.id().0.clone(),
        None => match index().resolve(kind, name) {
            crate::search::Resolved::Found(id) => id,
            crate::search::Resolved::Unclear(close) => {
                let hint = if close.is_empty() {
                    format!("; see `clinic-explorer list {kind}`")
                } else {
                    let names: Vec<String> = close
                        .iter()
                        .take(3)
                        .map(|(n, id)| format!("{} ({id})", sanitize(n)))
                        .collect();
                    format!("; did you mean {}?", names.join(", "))
                };
                return Err(format!("no {kind} named `{}`{hint}", sanitize(name)));
            }
        },
    };
    let d = data
        .describe_in(kind, &id, currency)
        .expect("resolved above");
    match format {
        Format::Json => {
            let display = serde_json::to_value(&d).expect("serialises");
            let v = super::json::record(data, kind, &d.id, currency, Some(display));
            outln!("{}", serde_json::to_string_pretty(&v).expect("serialises"));
        }
        Format::Markdown => out!("{}", markdown(&d)),
        Format::Text => out!("{}", text(&d, columns())),
    }
    Ok(())
}

/// The record as aligned text, wrapped to `width` columns.
pub fn text(d: &Description, width: usize) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!("{}  ({} · {})", sanitize(&d.name), d.kind, d.id));
    if !d.aliases.is_empty() {
        for l in wrap(
            &format!("Also called: {}", sanitize(&d.aliases.join(", "))),
            width,
        ) {
            line(&l);
        }
    }
    line("");
    for l in wrap(&sanitize(&d.summary), width) {
        line(&l);
    }
    let mut rows: Vec<(String, String)> = d
        .fields
        .iter()
        .map(|f| (f.label.clone(), f.value.clone()))
        .collect();
    rows.extend(d.links.iter().map(|l| (l.label.clone(), l.names())));
    if !rows.is_empty() {
        line("");
        for l in label_lines(&rows, width) {
            line(&l);
        }
    }
    if !d.attributes.is_empty() {
        line("");
        line("Attributes");
        let rows: Vec<_> = d
            .attributes
            .iter()
            .map(|f| (format!("  {}", f.label), f.value.clone()))
            .collect();
        for l in label_lines(&rows, width) {
            line(&l);
        }
    }
    if !d.notes.is_empty() {
        line("");
        for n in &d.notes {
            for (i, l) in wrap(
                &sanitize(&format!("{}: {}", n.label, n.value)),
                width.saturating_sub(2),
            )
            .into_iter()
            .enumerate()
            {
                line(&format!("{}{l}", if i == 0 { "- " } else { "  " }));
            }
        }
    }
    if !d.claims.is_empty() {
        line("");
        line("Claims (their words, not verified facts)");
        for c in &d.claims {
            let s = format!("Claim by {}: \"{}\" [{}]", c.by, c.text, c.source);
            for (i, l) in wrap(&sanitize(&s), width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                line(&format!("{}{l}", if i == 0 { "- " } else { "  " }));
            }
        }
    }
    line("");
    line("Sources");
    for s in &d.sources {
        let ext = if s.external {
            " [outside the seed documents]"
        } else {
            ""
        };
        let text = format!("{} — section: {}{ext}", s.citation, s.section);
        for (i, l) in wrap(&sanitize(&text), width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            line(&format!("{}{l}", if i == 0 { "- " } else { "  " }));
        }
    }
    line("");
    for l in wrap(DISCLAIMER, width) {
        line(&l);
    }
    out
}

/// The record as Markdown.
pub fn markdown(d: &Description) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!("# {}", md_cell(&d.name)));
    line("");
    line(&format!("*{} · `{}`*", d.kind, d.id));
    if !d.aliases.is_empty() {
        line("");
        line(&format!("Also called: {}", md_cell(&d.aliases.join(", "))));
    }
    line("");
    line(&md_cell(&d.summary));
    line("");
    if !d.fields.is_empty() || !d.links.is_empty() {
        line("| Field | Value |");
        line("|---|---|");
        for f in &d.fields {
            line(&format!(
                "| {} | {} |",
                md_cell(&f.label),
                md_cell(&f.value)
            ));
        }
        for l in &d.links {
            line(&format!(
                "| {} | {} |",
                md_cell(&l.label),
                md_cell(&l.names())
            ));
        }
        line("");
    }
    if !d.attributes.is_empty() {
        line("## Attributes");
        line("");
        line("| Attribute | Value |");
        line("|---|---|");
        for f in &d.attributes {
            line(&format!(
                "| {} | {} |",
                md_cell(&f.label),
                md_cell(&f.value)
            ));
        }
        line("");
    }
    if !d.notes.is_empty() {
        line("## Notes");
        line("");
        for n in &d.notes {
            line(&format!(
                "- **{}**: {}",
                md_cell(&n.label),
                md_cell(&n.value)
            ));
        }
        line("");
    }
    if !d.claims.is_empty() {
        line("## Claims (their words, not verified facts)");
        line("");
        for c in &d.claims {
            line(&format!(
                "- Claim by {}: \"{}\" ({})",
                md_cell(&c.by),
                md_cell(&c.text),
                md_cell(&c.source)
            ));
        }
        line("");
    }
    line("## Sources");
    line("");
    for s in &d.sources {
        let ext = if s.external {
            " *(outside the seed documents)*"
        } else {
            ""
        };
        line(&format!(
            "- {} — section: {}{ext}",
            md_cell(&s.citation),
            md_cell(&s.section)
        ));
    }
    line("");
    line(&format!("> {DISCLAIMER}"));
    out
}
