//! Sorting records by a column: name, evidence level, price (low or high end, in the display
//! currency), country or district. Open ends sort as the source implies: "from ₩869,000" has no high
//! end, so it sorts after every closed range by high end; a figure missing altogether sorts last.

use super::facet::FacetTable;
use super::{Field, QueryError};
use crate::model::Currency;
use std::cmp::Ordering;

/// A column to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Name, A to Z.
    Name,
    /// Evidence level as the sources state it, best supported first.
    Evidence,
    /// Price, by the low end.
    PriceLow,
    /// Price, by the high end.
    PriceHigh,
    /// Country.
    Country,
    /// District (for clinics, the district its neighbourhood lies in).
    District,
}

impl SortKey {
    /// Every key, in the order `o` cycles through them.
    pub const ALL: [SortKey; 6] = [
        SortKey::Name,
        SortKey::Evidence,
        SortKey::PriceLow,
        SortKey::PriceHigh,
        SortKey::Country,
        SortKey::District,
    ];

    /// The name typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Evidence => "evidence",
            SortKey::PriceLow => "price",
            SortKey::PriceHigh => "price-high",
            SortKey::Country => "country",
            SortKey::District => "district",
        }
    }

    /// What a list title says: "sorted by price (low end)".
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Evidence => "evidence level",
            SortKey::PriceLow => "price (low end)",
            SortKey::PriceHigh => "price (high end)",
            SortKey::Country => "country",
            SortKey::District => "district",
        }
    }

    /// Parses a key name (`price-low` is `price`), or says which exist.
    pub fn parse(s: &str) -> Result<SortKey, QueryError> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "price-low" | "low" | "min" => "price",
            "high" | "max" => "price-high",
            other => other,
        };
        SortKey::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                let names = SortKey::ALL.map(SortKey::name);
                let hint = crate::text::closest(s, names, 1)
                    .first()
                    .map(|h| format!("did you mean `{h}`? "))
                    .unwrap_or_default();
                QueryError(format!(
                    "unknown sort key `{}`; {hint}keys are: {}",
                    crate::text::sanitize(s),
                    names.join(", ")
                ))
            })
    }

    /// The keys that order records of a kind (price for costs, evidence for therapies...).
    pub fn for_kind(kind: crate::model::Kind) -> Vec<SortKey> {
        use crate::model::Kind::*;
        match kind {
            Condition | Travel => vec![SortKey::Name],
            Therapy => vec![SortKey::Name, SortKey::Evidence],
            Clinic => vec![SortKey::Name, SortKey::District, SortKey::Country],
            Cost => vec![
                SortKey::Name,
                SortKey::PriceLow,
                SortKey::PriceHigh,
                SortKey::Country,
            ],
        }
    }
}

/// Sorts record numbers (the table's order) by a key; `names` gives each record's name. Stable:
/// records that tie keep their order. `desc` reverses the key but still puts missing values last.
pub fn sort(
    table: &FacetTable,
    records: &mut [usize],
    key: SortKey,
    desc: bool,
    currency: Option<Currency>,
    names: &dyn Fn(usize) -> String,
) {
    // Each record's key once: (missing, number, text).
    let keyed: Vec<(usize, (bool, f64, String))> = records
        .iter()
        .map(|&r| {
            let k = match key {
                SortKey::Name => (false, 0.0, crate::text::fold(&names(r))),
                SortKey::Evidence => match table.evidence(r) {
                    Some(e) => (false, e as u8 as f64, String::new()),
                    None => (true, 0.0, String::new()),
                },
                SortKey::PriceLow => match table.bounds(r, currency) {
                    Some((Some(lo), _)) => (false, lo, String::new()),
                    Some((None, Some(hi))) => (false, 0.0_f64.min(hi), String::new()),
                    _ => (true, 0.0, String::new()),
                },
                SortKey::PriceHigh => match table.bounds(r, currency) {
                    Some((_, Some(hi))) => (false, hi, String::new()),
                    // Open above: beyond every closed range.
                    Some((Some(_), None)) => (false, f64::INFINITY, String::new()),
                    _ => (true, 0.0, String::new()),
                },
                SortKey::Country => text_key(table, r, Field::Country),
                SortKey::District => text_key(table, r, Field::District),
            };
            (r, k)
        })
        .collect();
    let mut keyed = keyed;
    keyed.sort_by(|(_, a), (_, b)| {
        a.0.cmp(&b.0).then_with(|| {
            let o =
                a.1.partial_cmp(&b.1)
                    .unwrap_or(Ordering::Equal)
                    .then_with(|| a.2.cmp(&b.2));
            if desc { o.reverse() } else { o }
        })
    });
    for (slot, (r, _)) in records.iter_mut().zip(keyed) {
        *slot = r;
    }
}

fn text_key(table: &FacetTable, r: usize, field: Field) -> (bool, f64, String) {
    // The largest place first would be the country; for districts the last listed is the widest.
    let v: Vec<&str> = table.values(r, field).collect();
    match v.last() {
        Some(s) => (false, 0.0, crate::text::fold(s)),
        None => (true, 0.0, String::new()),
    }
}
