//! `clinic-explorer search`.

use super::ListFormat;
use super::output::{columns, table};
use crate::dataset::Dataset;
use crate::model::Kind;
use crate::search::SearchIndex;

/// Prints the hits for a query, best first; no hits is an empty result, not an error.
pub fn run(data: &Dataset, query: &str, kind: Option<Kind>, limit: usize, format: ListFormat) {
    let index = SearchIndex::build(data);
    let hits = index.search(query, kind, limit);
    match format {
        ListFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(&hits).expect("hits serialise")
        ),
        ListFormat::Tsv => out!("{}", super::tsv::hits(&hits)),
        ListFormat::Text => {
            if hits.is_empty() {
                eprintln!("no match for \"{}\"", crate::text::sanitize(query));
                return;
            }
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    let why = if h.field == "name" {
                        String::new()
                    } else {
                        format!("{}: {}", h.field, h.matched)
                    };
                    vec![
                        h.kind.as_str().to_owned(),
                        h.name.clone(),
                        why,
                        h.id.clone(),
                    ]
                })
                .collect();
            let header = ["kind", "name", "matched", "id"].map(String::from);
            for line in table(&header, &rows, &[], columns()) {
                outln!("{line}");
            }
        }
    }
}
