//! `clinic-explorer search`: the search syntax (words, `'exact`, `^prefix`, `!not`, `"phrase"`,
//! qualifiers), each hit with why it matched and the words it missed.

use super::ListFormat;
use super::output::{columns, table};
use crate::model::{Currency, Kind};
use crate::search::{Options, SearchIndex, SearchState};

/// Prints the hits for a query, best first; no hits is an empty result, not an error. A query that
/// does not parse is an error naming the valid qualifiers.
pub fn run(
    index: &SearchIndex,
    query: &str,
    kind: Option<Kind>,
    limit: usize,
    format: ListFormat,
    currency: Option<Currency>,
) -> Result<(), String> {
    let q = crate::query::parse(query).map_err(|e| e.to_string())?;
    // Price qualifiers compare in one currency: the one chosen, else US dollars (as in `list`).
    let o = Options {
        kind,
        limit,
        currency: Some(currency.unwrap_or(Currency::USD)),
    };
    let hits = index
        .find(&q, &o, &mut SearchState::default(), &|| false)
        .unwrap_or_default();
    match format {
        ListFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(&hits).expect("hits serialise")
        ),
        ListFormat::Tsv => out!("{}", super::tsv::hits(&hits)),
        ListFormat::Text => {
            if hits.is_empty() {
                eprintln!("no match for \"{}\"", crate::text::sanitize(query));
                return Ok(());
            }
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    let mut why = h.why.join(" · ");
                    if !h.missed.is_empty() {
                        why.push_str(&format!(" · missed: {}", h.missed.join(", ")));
                    }
                    vec![
                        h.kind.as_str().to_owned(),
                        h.name.clone(),
                        why,
                        h.id.clone(),
                    ]
                })
                .collect();
            let header = ["kind", "name", "why", "id"].map(String::from);
            for line in table(&header, &rows, &[], columns()) {
                outln!("{line}");
            }
        }
    }
    Ok(())
}
