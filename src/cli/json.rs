//! Typed JSON for `show`, `list` and `compare`: each record with the data's own field names
//! (`"district": "Gangnam"`, `"doctors": [...]`), a cost's figure as `"range": {"min", "max",
//! "currency", ...}`, attributes as an object keyed by name; what the text output prints (labels and
//! values) only under `display`.

use crate::dataset::Dataset;
use crate::model::{Currency, Kind};
use crate::money;
use serde::Serialize;
use serde_json::{Map, Value, json};

/// The record of `kind` with `id` for typed JSON, `display` holding `display` when given.
pub fn record(
    data: &Dataset,
    kind: Kind,
    id: &str,
    currency: Option<Currency>,
    display: Option<Value>,
) -> Option<Typed> {
    let mut v = match kind {
        Kind::Condition => to_object(data.condition(id)?),
        Kind::Therapy => to_object(data.therapy(id)?),
        Kind::Clinic => to_object(data.clinic(id)?),
        Kind::Travel => to_object(data.travel_fact(id)?),
        Kind::Cost => cost(data, id, currency)?,
    };
    if let Some(Value::Array(pairs)) = v.remove("attributes") {
        v.insert("attributes".into(), Value::Object(attributes(pairs)));
    }
    if let Some((layer, replaced)) = data.layer_of(kind, id) {
        v.insert(
            "layer".into(),
            json!({ "name": layer.name, "replaces": replaced.map(|r| r.name.clone()) }),
        );
    }
    let typed = Typed {
        kind,
        id: v.remove("id").unwrap_or(Value::Null),
        name: v.remove("name").unwrap_or(Value::Null),
        fields: v,
        display,
    };
    Some(typed)
}

/// A typed record in the order a reader scans it: kind, id and name, the data's fields, then the
/// printed form.
#[derive(Serialize)]
pub struct Typed {
    kind: Kind,
    id: Value,
    name: Value,
    #[serde(flatten)]
    fields: Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<Value>,
}

/// Serialises a model record into its JSON object.
fn to_object<T: Serialize>(r: &T) -> Map<String, Value> {
    match serde_json::to_value(r).expect("model records serialise") {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// `[["Scarring", "yes"], ...]` as `{"Scarring": "yes", ...}`.
fn attributes(pairs: Vec<Value>) -> Map<String, Value> {
    pairs
        .into_iter()
        .filter_map(|p| match p {
            Value::Array(mut kv) if kv.len() == 2 => {
                let value = kv.pop()?;
                let Value::String(key) = kv.pop()? else {
                    return None;
                };
                Some((key, value))
            }
            _ => None,
        })
        .collect()
}

/// A cost range with its figure grouped as `range`, and `converted` when another currency is asked
/// for (at the dated rate in the data, rounded to whole units as the text shows it).
fn cost(data: &Dataset, id: &str, currency: Option<Currency>) -> Option<Map<String, Value>> {
    let c = data.cost(id)?;
    let mut v = to_object(c);
    for k in ["min", "max", "qualifier", "currency", "unit", "year"] {
        v.remove(k);
    }
    v.insert(
        "range".into(),
        json!({
            "min": c.min,
            "max": c.max,
            "currency": c.currency,
            "qualifier": c.qualifier,
            "unit": c.unit,
            "year": c.year,
            "text": money::range_text(c),
        }),
    );
    let rate = crate::estimate::conversion_rate(data);
    if let (Some(to), Some(r)) = (currency, rate)
        && to != c.currency
    {
        let conv = |x: Option<u64>| x.map(|x| money::convert(x, c.currency, to, r.krw_per_usd));
        v.insert(
            "converted".into(),
            json!({
                "min": conv(c.min),
                "max": conv(c.max),
                "currency": to,
                "krw_per_usd": r.krw_per_usd,
                "rate": r.id,
                "dated": r.date,
            }),
        );
    }
    Some(v)
}
