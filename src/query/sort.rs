//! Sorting records by a column: name, evidence level, price (low or high end, in the display
//! currency), country or district. An end the source does not give is not invented: "from ₩869,000"
//! and "as low as $67" have no high end, so by high end they sort after every range that has one
//! (among themselves by their low end), in either direction; a figure missing altogether sorts last.

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

/// Sorts record numbers (the table's order) by a key. Stable: records that tie keep their order.
/// `desc` reverses the key, but records missing one end of a price sort after those with both (by
/// the end they have), and records without the value at all sort last, in either direction.
pub fn sort(
    table: &FacetTable,
    records: &mut [usize],
    key: SortKey,
    desc: bool,
    currency: Option<Currency>,
) {
    // Each record's key once: (group, number, text's place); group 0 has the value, 1 has only part
    // of it (a price open at the end sorted by), 2 has none. A text sorts by its place among the
    // table's texts, which orders as the texts do.
    let mut keyed: Vec<(usize, (u8, f64, u32))> = records
        .iter()
        .map(|&r| {
            let k = match key {
                SortKey::Name => (0, 0.0, table.name_rank(r)),
                SortKey::Evidence => match table.evidence(r) {
                    Some(e) => (0, e as u8 as f64, 0),
                    None => (2, 0.0, 0),
                },
                SortKey::PriceLow => match table.bounds(r, currency) {
                    Some((Some(lo), _)) => (0, lo, 0),
                    // "Up to $500": no low end given; after those that give one, by the high end.
                    Some((None, Some(hi))) => (1, hi, 0),
                    _ => (2, 0.0, 0),
                },
                SortKey::PriceHigh => match table.bounds(r, currency) {
                    Some((_, Some(hi))) => (0, hi, 0),
                    // "From ₩869,000", "as low as $67": the source gives no high end, so it is not
                    // placed as the highest price; after those that give one, by the low end.
                    Some((Some(lo), None)) => (1, lo, 0),
                    _ => (2, 0.0, 0),
                },
                SortKey::Country => text_key(table, r, Field::Country),
                SortKey::District => text_key(table, r, Field::District),
            };
            (r, k)
        })
        .collect();
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

fn text_key(table: &FacetTable, r: usize, field: Field) -> (u8, f64, u32) {
    // The largest place first would be the country; for districts the last listed is the widest.
    match table.folded_value_ranks(r, field).last() {
        Some(s) => (0, 0.0, s),
        None => (2, 0.0, 0),
    }
}
