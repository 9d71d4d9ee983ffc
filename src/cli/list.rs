//! `clinic-explorer list`: every record of a kind, or those a query keeps (`--where`), in file
//! order, by relevance when the query has words, or sorted by a column (`--sort`).

use super::ListFormat;
use super::output::{columns, table};
use crate::dataset::Dataset;
use crate::model::{Currency, Kind};
use crate::money;
use crate::query::sort::{SortKey, sort};
use crate::search::{Options, SearchIndex, SearchState};
use serde::Serialize;

/// One row of a listing.
#[derive(Serialize)]
struct Item {
    kind: Kind,
    id: String,
    name: String,
    detail: String,
    /// Why it passed the query (empty without `--where`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    why: Vec<String>,
    /// Words of the query it did not match.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    missed: Vec<String>,
}

/// What to list: a query (may be empty) and a sort.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The `--where` query, in the search syntax.
    pub query: String,
    /// The `--sort` key, as typed.
    pub sort: Option<String>,
    /// `--desc`.
    pub desc: bool,
}

/// The one telling attribute shown beside a record's name.
pub fn detail(data: &Dataset, kind: Kind, id: &str, currency: Option<Currency>) -> String {
    match kind {
        Kind::Condition => data.condition(id).map(|c| c.category.clone()),
        Kind::Therapy => data.therapy(id).map(|t| t.evidence.label().to_owned()),
        Kind::Clinic => data.clinic(id).map(|c| {
            [c.district.as_deref(), c.city.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        }),
        Kind::Cost => data.cost(id).map(|c| {
            let rate = crate::estimate::conversion_rate(data);
            let figure = match (currency, rate) {
                (Some(to), Some(r)) if to != c.currency => {
                    let conv = |v| {
                        format!(
                            "≈{}",
                            money::amount(money::convert(v, c.currency, to, r.krw_per_usd), to)
                        )
                    };
                    money::bounds_text(c.min, c.max, c.qualifier, conv)
                }
                _ => money::range_text(c),
            };
            format!("{}: {figure} {}", c.country, c.unit.label())
        }),
        Kind::Travel => data.travel_fact(id).map(|t| t.topic.label().to_owned()),
    }
    .unwrap_or_default()
}

/// A row to list: id, why it passed, words it missed.
type Row = (String, Vec<String>, Vec<String>);

/// The rows to list, in order.
fn rows<'a>(
    data: &Dataset,
    index: impl FnOnce() -> &'a SearchIndex,
    kind: Kind,
    currency: Option<Currency>,
    view: &View,
) -> Result<Vec<Row>, String> {
    let key = view
        .sort
        .as_deref()
        .map(SortKey::parse)
        .transpose()
        .map_err(|e| e.to_string())?;
    if view.query.trim().is_empty() && key.is_none() {
        return Ok(data
            .records(kind)
            .iter()
            .map(|r| (r.id().0.clone(), Vec::new(), Vec::new()))
            .collect());
    }
    let q = crate::query::parse(&view.query).map_err(|e| e.to_string())?;
    // Prices are compared and sorted in one currency: the one chosen, else the explorer's default
    // (US dollars), so won and dollar figures are never weighed as the same numbers.
    let currency = Some(currency.unwrap_or(Currency::USD));
    let index = index();
    let hits = if q.is_empty() {
        data.records(kind)
            .iter()
            .map(|r| (r.id().0.clone(), Vec::new(), Vec::new()))
            .collect()
    } else {
        let o = Options {
            kind: Some(kind),
            limit: usize::MAX,
            currency,
        };
        index
            .find(&q, &o, &mut SearchState::default(), &|| false)
            .unwrap_or_default()
            .into_iter()
            .map(|h| (h.id, h.why, h.missed))
            .collect::<Vec<_>>()
    };
    let Some(key) = key else {
        return Ok(hits);
    };
    let facets = index.facets();
    let mut numbers: Vec<usize> = hits
        .iter()
        .filter_map(|(id, _, _)| facets.number(kind, id))
        .collect();
    sort(facets, &mut numbers, key, view.desc, currency);
    let mut by_id: std::collections::HashMap<String, (Vec<String>, Vec<String>)> = hits
        .into_iter()
        .map(|(id, why, missed)| (id, (why, missed)))
        .collect();
    Ok(numbers
        .into_iter()
        .map(|r| {
            let id = facets.id(r).to_owned();
            let (why, missed) = by_id.remove(&id).unwrap_or_default();
            (id, why, missed)
        })
        .collect())
}

/// Prints the records of a kind a view keeps, in its order.
pub fn run<'a>(
    data: &Dataset,
    index: impl FnOnce() -> &'a SearchIndex,
    kind: Kind,
    format: ListFormat,
    currency: Option<Currency>,
    view: &View,
) -> Result<(), String> {
    let items: Vec<Item> = rows(data, index, kind, currency, view)?
        .into_iter()
        .filter_map(|(id, why, missed)| {
            let r = data.get(kind, &id)?;
            Some(Item {
                kind,
                name: r.name().to_owned(),
                detail: detail(data, kind, &id, currency),
                id,
                why,
                missed,
            })
        })
        .collect();
    match format {
        ListFormat::Json => {
            let typed: Vec<_> = items
                .iter()
                .filter_map(|i| {
                    let mut display = serde_json::json!({ "detail": i.detail });
                    if !i.why.is_empty() {
                        display["why"] = serde_json::json!(i.why);
                        display["missed"] = serde_json::json!(i.missed);
                    }
                    super::json::record(data, kind, &i.id, currency, Some(display))
                })
                .collect();
            outln!(
                "{}",
                serde_json::to_string_pretty(&typed).expect("serialises")
            );
        }
        ListFormat::Tsv => {
            let rows: Vec<_> = items
                .iter()
                .map(|i| (i.id.as_str(), i.name.as_str(), i.detail.clone()))
                .collect();
            out!("{}", super::tsv::list(data, kind, &rows));
        }
        ListFormat::Text => {
            if items.is_empty() {
                eprintln!("no {} match", kind.plural().to_lowercase());
                return Ok(());
            }
            let explain = items.iter().any(|i| !i.why.is_empty());
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|i| {
                    let mut row = vec![i.id.clone(), i.name.clone(), i.detail.clone()];
                    if explain {
                        let mut why = i.why.join(" · ");
                        if !i.missed.is_empty() {
                            why.push_str(&format!(" · missed: {}", i.missed.join(", ")));
                        }
                        row.push(why);
                    }
                    row
                })
                .collect();
            let mut header = vec!["id".to_owned(), "name".into(), "detail".into()];
            if explain {
                header.push("why".into());
            }
            for line in table(&header, &rows, &[], columns()) {
                outln!("{line}");
            }
        }
    }
    Ok(())
}
