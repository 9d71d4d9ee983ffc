//! `clinic-explorer compare`.

use super::Format;
use super::output::{columns, md_cell, table};
use crate::compare::{Comparison, MISSING};
use crate::dataset::Dataset;
use crate::describe::DISCLAIMER;
use crate::model::Kind;

/// Prints the comparison of 2 to 4 records.
pub fn run(
    data: &Dataset,
    kind: Kind,
    ids: &[String],
    format: Format,
    currency: Option<crate::model::Currency>,
) -> Result<(), String> {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let c = Comparison::build_in(data, kind, &ids, currency).map_err(|e| e.to_string())?;
    match format {
        Format::Json => outln!("{}", json(data, kind, &c, currency)),
        Format::Markdown => out!("{}", markdown(&c)),
        Format::Text => out!("{}", text(&c, columns())),
    }
    Ok(())
}

/// The comparison as JSON: its columns and rows as before, and each record typed under `records`.
fn json(
    data: &Dataset,
    kind: Kind,
    c: &Comparison,
    currency: Option<crate::model::Currency>,
) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        #[serde(flatten)]
        comparison: &'a Comparison,
        records: Vec<super::json::Typed>,
    }
    let records = c
        .columns
        .iter()
        .filter_map(|col| super::json::record(data, kind, &col.id, currency, None))
        .collect();
    let out = Out {
        comparison: c,
        records,
    };
    serde_json::to_string_pretty(&out).expect("serialises")
}

fn cells(c: &Comparison) -> Vec<Vec<String>> {
    c.rows
        .iter()
        .map(|r| {
            std::iter::once(r.attribute.clone())
                .chain(
                    r.values
                        .iter()
                        .map(|v| v.clone().unwrap_or_else(|| MISSING.to_owned())),
                )
                .collect()
        })
        .collect()
}

/// The comparison as an aligned table; rows that differ are marked `*`.
pub fn text(c: &Comparison, width: usize) -> String {
    let header: Vec<String> = std::iter::once("Attribute".to_owned())
        .chain(c.columns.iter().map(|col| col.name.clone()))
        .collect();
    let marks: Vec<char> = c
        .rows
        .iter()
        .map(|r| if r.differs { '*' } else { ' ' })
        .collect();
    let mut out = table(&header, &cells(c), &marks, width).join("\n");
    out.push_str("\n\n* the values differ\n");
    for l in crate::text::wrap(DISCLAIMER, width) {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// The comparison as a Markdown table; rows that differ are marked in the last column.
pub fn markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let names: Vec<String> = c.columns.iter().map(|col| md_cell(&col.name)).collect();
    out.push_str(&format!(
        "| Attribute | {} | Differs |\n",
        names.join(" | ")
    ));
    out.push_str(&format!("|---|{}---|\n", "---|".repeat(names.len())));
    for (row, cells) in c.rows.iter().zip(cells(c)) {
        let values: Vec<String> = cells[1..].iter().map(|v| md_cell(v)).collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            md_cell(&row.attribute),
            values.join(" | "),
            if row.differs { "yes" } else { "" }
        ));
    }
    out.push_str(&format!("\n> {DISCLAIMER}\n"));
    out
}
