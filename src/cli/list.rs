//! `clinic-explorer list`.

use super::ListFormat;
use super::output::{columns, table};
use crate::dataset::Dataset;
use crate::model::{Currency, Kind};
use crate::money;
use serde::Serialize;

/// One row of a listing.
#[derive(Serialize)]
struct Item<'a> {
    kind: Kind,
    id: &'a str,
    name: &'a str,
    detail: String,
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

/// Prints every record of a kind.
pub fn run(data: &Dataset, kind: Kind, format: ListFormat, currency: Option<Currency>) {
    let items: Vec<Item> = data
        .records(kind)
        .into_iter()
        .map(|r| Item {
            kind,
            id: r.id().as_str(),
            name: r.name(),
            detail: detail(data, kind, r.id().as_str(), currency),
        })
        .collect();
    match format {
        ListFormat::Json => {
            let typed: Vec<_> = items
                .iter()
                .filter_map(|i| {
                    let display = serde_json::json!({ "detail": i.detail });
                    super::json::record(data, kind, i.id, currency, Some(display))
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
                .map(|i| (i.id, i.name, i.detail.clone()))
                .collect();
            out!("{}", super::tsv::list(data, kind, &rows));
        }
        ListFormat::Text => {
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|i| vec![i.id.to_owned(), i.name.to_owned(), i.detail.clone()])
                .collect();
            let header = ["id", "name", "detail"].map(String::from);
            for line in table(&header, &rows, &[], columns()) {
                outln!("{line}");
            }
        }
    }
}
