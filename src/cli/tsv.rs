//! `--format tsv`: a header line, then one record a line, for `cut`, `awk` and spreadsheets.
//!
//! A value's backslash, tab, newline and carriage return are written `\\`, `\t`, `\n` and `\r`, so a
//! line is always one record and a tab always ends a field; other controls go through the one
//! sanitiser like every other output.

use crate::dataset::Dataset;
use crate::estimate::Estimate;
use crate::model::Kind;
use crate::search::Hit;

/// One value, escaped for a TSV field.
pub fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    crate::text::sanitize(&out)
}

/// The header and rows as TSV text, each line ending in a newline.
pub fn render<R: AsRef<[String]>>(header: &[&str], rows: &[R]) -> String {
    let mut out = header.join("\t");
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.as_ref().iter().map(|c| field(c)).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// An optional number as a field: empty when absent.
pub fn number(n: Option<u64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// `list --format tsv`: id, name and the telling detail; a cost adds its figure as numbers.
pub fn list(data: &Dataset, kind: Kind, rows: &[(&str, &str, String)]) -> String {
    let mut header = vec!["kind", "id", "name", "detail"];
    if kind == Kind::Cost {
        header.extend(["min", "max", "currency", "qualifier", "unit", "year"]);
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|(id, name, detail)| {
            let mut line = vec![
                kind.as_str().to_owned(),
                (*id).to_owned(),
                (*name).to_owned(),
                detail.clone(),
            ];
            if let Some(c) = data.cost(id).filter(|_| kind == Kind::Cost) {
                line.extend([
                    number(c.min),
                    number(c.max),
                    c.currency.code().to_owned(),
                    c.qualifier.map(|q| format!("{q:?}")).unwrap_or_default(),
                    format!("{:?}", c.unit),
                    c.year.to_string(),
                ]);
            }
            line
        })
        .collect();
    render(&header, &lines)
}

/// `search --format tsv`: the hits, best first.
pub fn hits(hits: &[Hit]) -> String {
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|h| {
            vec![
                h.kind.as_str().to_owned(),
                h.id.clone(),
                h.name.clone(),
                h.score.to_string(),
                h.field.clone(),
                h.matched.clone(),
            ]
        })
        .collect();
    render(&["kind", "id", "name", "score", "field", "matched"], &rows)
}

/// `estimate --format tsv`: one budget line a line (the deposit and the total last), figures as
/// whole units of the budget's currency; an empty `max` is open-ended.
pub fn estimate(e: &Estimate) -> String {
    let code = e.currency.code().to_owned();
    let mut rows: Vec<Vec<String>> = e
        .lines
        .iter()
        .chain(e.deposit.iter())
        .map(|l| {
            vec![
                l.item.clone(),
                l.min.to_string(),
                number(l.max),
                code.clone(),
                l.converted.to_string(),
                l.basis.clone(),
                l.source.clone(),
            ]
        })
        .collect();
    rows.push(vec![
        "Total".into(),
        e.total_min.to_string(),
        number(e.total_max),
        code,
        String::new(),
        String::new(),
        String::new(),
    ]);
    render(
        &[
            "item",
            "min",
            "max",
            "currency",
            "converted",
            "basis",
            "source",
        ],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_newlines_and_backslashes_are_escaped() {
        assert_eq!(field("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(field("\u{1b}[31m"), "\u{FFFD}[31m");
    }

    #[test]
    fn one_record_a_line_under_a_header() {
        let rows = vec![vec!["x".to_owned(), "two\nlines".to_owned()]];
        assert_eq!(render(&["id", "name"], &rows), "id\tname\nx\ttwo\\nlines\n");
        assert_eq!(number(None), "");
        assert_eq!(number(Some(8000)), "8000");
    }
}
