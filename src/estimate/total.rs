//! Adding a budget up: the treatment subtotal, the stay subtotal and the total, with open-ended and
//! open-topped figures said beside the total instead of turning it open.
//!
//! A stay line with no upper figure ("taxis $3+") counts with its stated figure in both bounds and is
//! named ("Local transport (taxi) open-ended: at least $3 a ride"); a line whose stated upper figure may
//! be exceeded ("$15,000–$40,000+") counts with that figure and says so. The total has an upper figure
//! whenever the treatment has one.

use super::{Line, Subtotal};
use crate::dataset::Dataset;
use crate::model::{Currency, Qualifier, Unit};
use crate::money;

/// What [`add_up`] works out.
pub(super) struct Sums {
    pub treatment: Subtotal,
    pub stay: Subtotal,
    pub total_min: u64,
    pub total_max: Option<u64>,
    pub open_items: Vec<String>,
    pub may_exceed: Vec<String>,
}

/// Adds up `lines` (the treatment first, then the stay) in `currency`.
pub(super) fn add_up(lines: &[Line], currency: Currency, data: &Dataset) -> Sums {
    let (first, stay_lines) = lines
        .split_first()
        .map_or((None, &[][..]), |(t, s)| (Some(t), s));
    let treatment = first.map_or(
        Subtotal {
            min: 0,
            max: Some(0),
        },
        |t| Subtotal {
            min: t.min,
            max: t.max,
        },
    );
    let stay = Subtotal {
        min: stay_lines
            .iter()
            .map(|l| l.min)
            .fold(0, u64::saturating_add),
        max: Some(
            stay_lines
                .iter()
                .map(|l| l.max.unwrap_or(l.min))
                .fold(0, u64::saturating_add),
        ),
    };
    let mut open_items = Vec::new();
    let mut may_exceed = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        // A treatment with no upper figure leaves the total open; that is said with the total.
        if !l.open || (i == 0 && l.max.is_none()) {
            continue;
        }
        let per_unit = data.cost(&l.from_id);
        let label = per_unit.map_or(l.item.clone(), |c| label(&l.item, &c.name, &c.country));
        let each = per_unit.map(|c| each(c.unit)).unwrap_or_default();
        let fig = |v: u64, c: &crate::model::CostRange| {
            let s = money::amount(
                money::convert(v, c.currency, currency, rate(data)),
                currency,
            );
            if c.currency == currency {
                s
            } else {
                format!("≈{s}")
            }
        };
        match (l.max, per_unit) {
            (None, Some(c)) => open_items.push(format!(
                "{label} open-ended: at least {} {each}",
                fig(c.min.unwrap_or(0), c)
            )),
            (None, None) => open_items.push(format!("{label} open-ended")),
            (Some(_), Some(c)) => may_exceed.push(format!(
                "{label} given as {} {}: its upper figure, {} {each}, is used and may be exceeded",
                money::range_text(c),
                c.unit.label(),
                fig(c.max.unwrap_or(0), c)
            )),
            (Some(_), None) => may_exceed.push(format!("{label} may be exceeded")),
        }
    }
    let total_min = treatment.min.saturating_add(stay.min);
    let total_max = treatment
        .max
        .zip(stay.max)
        .map(|(t, s)| t.saturating_add(s));
    Sums {
        treatment,
        stay,
        total_min,
        total_max,
        open_items,
        may_exceed,
    }
}

fn rate(data: &Dataset) -> f64 {
    super::conversion_rate(data).map_or(0.0, |r| r.krw_per_usd)
}

/// "Local transport (taxi)": the line's item and what the range names beyond its item, country and
/// unit ("Local transport, South Korea, taxi, per ride").
fn label(item: &str, name: &str, country: &str) -> String {
    let rest: Vec<&str> = name
        .split(", ")
        .skip(1)
        .filter(|p| *p != country && !p.starts_with("per "))
        .collect();
    if rest.is_empty() || item == "Treatment" {
        item.to_owned()
    } else {
        format!("{item} ({})", rest.join(", "))
    }
}

/// "a ride", "a night": one unit of a figure.
fn each(unit: Unit) -> &'static str {
    match unit {
        Unit::PerSession => "a session",
        Unit::PerJointPerSession => "a joint a session",
        Unit::FullCourse => "for the course",
        Unit::PerTreatment => "a treatment",
        Unit::PerNight => "a night",
        Unit::PerMeal => "a meal",
        Unit::PerRide => "a ride",
        Unit::PerDay => "a day",
    }
}

/// A line's amount in the source's words: "$2,500–$6,000", "$48+", "$30,000–$80,000+", "near $7,500".
pub fn amount_text(l: &Line, currency: Currency) -> String {
    let fmt = |v| money::amount(v, currency);
    match l.qualifier {
        Some(Qualifier::UpTo) => money::bounds_text(None, l.max, l.qualifier, fmt),
        q => money::bounds_text(Some(l.min), l.max, q, fmt),
    }
}

/// The total as a range: "$8,730–$26,458"; "from $X" only when the treatment has no upper figure.
pub fn total_text(min: u64, max: Option<u64>, currency: Currency) -> String {
    super::span_text(min, max, currency)
}
