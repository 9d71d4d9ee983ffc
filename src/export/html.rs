//! A handout as one self-contained HTML file to open in a browser or print: inline styles (with print
//! rules), no scripts, no images, nothing loaded from elsewhere (a content security policy says so
//! too), and every value from the data HTML-escaped.

use super::{Handout, Item, Origin, cell, link_names};
use crate::describe::SourceLine;

/// Escapes text for HTML element content and attribute values: `& < > " '`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
body { font-family: system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans KR', sans-serif;
  line-height: 1.45; color: #111; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #999; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: 0.2rem; }
.meta, .kind { color: #444; font-size: 0.9rem; }
.note { background: #fff7d6; border-left: 4px solid #c9a400; padding: 0.4rem 0.6rem; }
.disclaimer { border: 1px solid #999; padding: 0.5rem 0.75rem; font-size: 0.9rem; }
.claim { font-style: italic; }
.missing { color: #8a1c1c; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
tr.differs td:first-child { font-weight: bold; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2, h3 { break-after: avoid-page; }
  tr, .note, .disclaimer { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

fn source_text(s: &SourceLine) -> String {
    let ext = if s.external {
        " <em>(outside the seed documents)</em>"
    } else {
        ""
    };
    format!(
        "{} — section: {}{ext}",
        escape(&s.citation),
        escape(&s.section)
    )
}

fn table(out: &mut String, header: &[String], rows: &[(Vec<String>, bool)]) {
    out.push_str("<table>\n<thead><tr>");
    for h in header {
        out.push_str(&format!("<th>{h}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (cells, differs) in rows {
        out.push_str(if *differs {
            "<tr class=\"differs\">"
        } else {
            "<tr>"
        });
        for c in cells {
            out.push_str(&format!("<td>{c}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn record(out: &mut String, n: usize, item: &Item) {
    let d = &item.record;
    out.push_str("<section class=\"record\">\n");
    out.push_str(&format!("<h3>{n}. {}</h3>\n", escape(&d.name)));
    out.push_str(&format!(
        "<p class=\"kind\">{} · {}</p>\n",
        d.kind,
        escape(&d.id)
    ));
    if let Some(note) = &item.note {
        out.push_str(&format!(
            "<p class=\"note\"><strong>Your note:</strong> {}</p>\n",
            escape(note)
        ));
    }
    if !d.aliases.is_empty() {
        out.push_str(&format!(
            "<p>Also called: {}</p>\n",
            escape(&d.aliases.join(", "))
        ));
    }
    out.push_str(&format!("<p>{}</p>\n", escape(&d.summary)));
    let mut rows: Vec<(Vec<String>, bool)> = d
        .fields
        .iter()
        .map(|f| (vec![escape(&f.label), escape(&f.value)], false))
        .collect();
    rows.extend(
        link_names(d)
            .into_iter()
            .map(|(l, v)| (vec![escape(&l), escape(&v)], false)),
    );
    if !rows.is_empty() {
        table(out, &["Field".into(), "Value".into()], &rows);
    }
    if !d.attributes.is_empty() {
        let rows: Vec<_> = d
            .attributes
            .iter()
            .map(|f| (vec![escape(&f.label), escape(&f.value)], false))
            .collect();
        table(out, &["Attribute".into(), "Value".into()], &rows);
    }
    if !d.notes.is_empty() {
        out.push_str("<ul>\n");
        for f in &d.notes {
            out.push_str(&format!(
                "<li><strong>{}:</strong> {}</li>\n",
                escape(&f.label),
                escape(&f.value)
            ));
        }
        out.push_str("</ul>\n");
    }
    if !d.claims.is_empty() {
        out.push_str("<p>Claims (their words, not verified facts):</p>\n<ul>\n");
        for c in &d.claims {
            out.push_str(&format!(
                "<li class=\"claim\">Claim by {}: “{}” ({})</li>\n",
                escape(&c.by),
                escape(&c.text),
                escape(&c.source)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<p>Sources:</p>\n<ul>\n");
    for s in &d.sources {
        out.push_str(&format!("<li>{}</li>\n", source_text(s)));
    }
    out.push_str("</ul>\n</section>\n");
}

/// The comparison tables, one per kind; rows that differ are marked.
fn comparisons(out: &mut String, h: &Handout) {
    for c in &h.comparisons {
        out.push_str(&format!("<h2>Comparison: {}</h2>\n", c.kind.plural()));
        let mut header = vec!["Attribute".to_owned()];
        header.extend(c.columns.iter().map(|col| escape(&col.name)));
        let rows: Vec<_> = c
            .rows
            .iter()
            .map(|r| {
                let mut cells = vec![escape(&r.attribute)];
                cells.extend(r.values.iter().map(|v| escape(cell(v))));
                (cells, r.differs)
            })
            .collect();
        table(out, &header, &rows);
        out.push_str("<p class=\"meta\">Rows whose values differ are in bold.</p>\n");
    }
}

/// The handout as one self-contained, printable HTML document.
pub fn html(h: &Handout) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&h.title)));
    out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&h.title)));
    out.push_str(&format!(
        "<p class=\"meta\">Prepared {} with clinic-explorer.</p>\n",
        escape(&h.date)
    ));
    let disclaimer = format!(
        "<p class=\"disclaimer\"><strong>Please note:</strong> {}</p>\n",
        escape(&h.disclaimer)
    );
    out.push_str(&disclaimer);
    let comparisons_first = h.from == Origin::Comparison;
    if comparisons_first {
        comparisons(&mut out, h);
    }
    if !h.records.is_empty() {
        out.push_str("<h2>Records</h2>\n");
        for (i, item) in h.records.iter().enumerate() {
            record(&mut out, i + 1, item);
        }
    }
    if !h.missing.is_empty() {
        out.push_str("<h2>No longer in the data</h2>\n");
        out.push_str(
            "<p>These shortlisted records are not in the data any more; they are kept on the \
             list.</p>\n<ul>\n",
        );
        for m in &h.missing {
            let note = m
                .note
                .as_deref()
                .map(|n| format!(" — your note: {}", escape(n)))
                .unwrap_or_default();
            out.push_str(&format!(
                "<li class=\"missing\">{} {}{note}</li>\n",
                m.kind,
                escape(&m.id)
            ));
        }
        out.push_str("</ul>\n");
    }
    if !comparisons_first {
        comparisons(&mut out, h);
    }
    if !h.costs.is_empty() {
        out.push_str("<h2>Costs</h2>\n");
        out.push_str("<p>Figures as the sources give them, in their own currency.</p>\n");
        let header = [
            "Cost", "Country", "Range", "Currency", "Unit", "Year", "Source",
        ]
        .map(String::from);
        let rows: Vec<_> = h
            .costs
            .iter()
            .map(|c| {
                (
                    vec![
                        escape(&c.name),
                        escape(&c.country),
                        escape(&c.range),
                        escape(&c.currency),
                        escape(&c.unit),
                        c.year.to_string(),
                        escape(&c.sources.join("; ")),
                    ],
                    false,
                )
            })
            .collect();
        table(&mut out, &header, &rows);
    }
    if !h.sources.is_empty() {
        out.push_str("<h2>Sources</h2>\n<ul>\n");
        for s in &h.sources {
            out.push_str(&format!("<li>{}</li>\n", source_text(s)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&disclaimer);
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_the_five() {
        assert_eq!(
            escape(r#"<script>alert('x' & "y")</script>"#),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
    }
}
