//! A trip budget: a treatment's price, a stay, food and local transport, as a range with every line's
//! source and the assumptions spelled out. Pure: the command line and the explorer both show it.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::{
    CostRange, Currency, ExchangeRate, Kind, PercentageKind, Qualifier, Tier, Topic, Unit,
};
use crate::money;
use serde::Serialize;

mod total;
pub use total::{amount_text, total_text};

/// Meals a day assumed for the food line.
pub const MEALS_PER_DAY: u64 = 3;
/// Rides a day assumed for the local transport line (to the clinic and back).
pub const RIDES_PER_DAY: u64 = 2;

/// What the budget is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Id of the treatment's cost range.
    pub cost: String,
    /// Sessions; multiplies a per-session price. `None` means one.
    pub sessions: Option<u32>,
    /// Nights in Korea.
    pub nights: u32,
    /// Spending tier for stay, food and transport.
    pub tier: Tier,
    /// Currency to show; `None` keeps the treatment's own.
    pub currency: Option<Currency>,
}

/// A part of the budget added up: its lower bound and its upper figure, where there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Subtotal {
    /// Sum of the lower bounds.
    pub min: u64,
    /// Sum of the upper figures; `None` when the part has no upper figure at all.
    pub max: Option<u64>,
}

/// The exchange rate used for converted figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateUsed {
    /// Its id in costs.ron.
    pub id: String,
    /// Won per US dollar.
    pub krw_per_usd: f64,
    /// When it applies.
    pub date: String,
}

/// One line of the budget, in the budget's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// "Treatment", "Accommodation", "Food", "Local transport", "Deposit due up front".
    pub item: String,
    /// Lower bound.
    pub min: u64,
    /// Upper bound: the stated upper figure; `None` when the figure is open-ended ("$200+").
    pub max: Option<u64>,
    /// True when the top is open: no upper figure ("$3+"), or one that may be exceeded
    /// ("$15,000–$40,000+").
    pub open: bool,
    /// The source's own wording of the figure ("+", "from", "near"), carried to the line's amount.
    pub qualifier: Option<Qualifier>,
    /// True when the figure was converted from the source's currency.
    pub converted: bool,
    /// How it was worked out: "$2,500–$6,000 per session × 3 sessions".
    pub basis: String,
    /// The cost range or percentage it comes from.
    pub from_id: String,
    /// Where the figure comes from: "Title — Publisher (section)".
    pub source: String,
}

/// The visa a stay of this length needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Visa {
    /// Travel fact id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it covers.
    pub covers: String,
    /// Where that comes from.
    pub source: String,
}

/// A trip budget as a range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// The treatment's cost range id.
    pub cost: String,
    /// Its name.
    pub cost_name: String,
    /// Sessions counted.
    pub sessions: u32,
    /// Nights.
    pub nights: u32,
    /// Days (nights + 1: arrival to departure).
    pub days: u32,
    /// Tier.
    pub tier: Tier,
    /// Currency of every figure.
    pub currency: Currency,
    /// The rate used, when any figure was converted.
    pub rate: Option<RateUsed>,
    /// Treatment, accommodation, food, local transport.
    pub lines: Vec<Line>,
    /// The share of the treatment due up front, where the data states one (part of the total, not added).
    pub deposit: Option<Line>,
    /// The treatment on its own: the first line's bounds.
    pub treatment: Subtotal,
    /// The stay: accommodation, food and local transport added up. An open-ended line counts with its
    /// stated figure in both bounds and is named in `open_items`.
    pub stay: Subtotal,
    /// Treatment plus stay, lower bounds.
    pub total_min: u64,
    /// Treatment plus stay, upper figures; `None` only when the treatment itself has no upper figure.
    pub total_max: Option<u64>,
    /// Lines whose figure has no upper bound, named beside the total rather than opening it:
    /// "Local transport (taxi) open-ended: at least $3 a ride".
    pub open_items: Vec<String>,
    /// Lines whose stated upper figure may be exceeded ("$15,000–$40,000+"), said beside the total.
    pub may_exceed: Vec<String>,
    /// Every assumption, in words.
    pub assumptions: Vec<String>,
    /// The visa the length of stay needs, where the data says.
    pub visa: Option<Visa>,
}

/// The rate used to convert figures: the first in `costs.ron` (its comments say so). The others are
/// kept as facts with their own derivations.
pub fn conversion_rate(data: &Dataset) -> Option<&ExchangeRate> {
    data.costs.exchange_rates.first()
}

/// A figure for `n` units of a range, in `to` (converting at `rate` when the currencies differ).
fn scaled(c: &CostRange, n: u64, to: Currency, rate: f64) -> (u64, Option<u64>) {
    let conv = |v: u64| money::convert(v.saturating_mul(n), c.currency, to, rate);
    (c.min.map_or(0, conv), c.max.map(conv))
}

/// How many units of a range a trip uses, and the words for it.
fn units(unit: Unit, sessions: u32, nights: u32, days: u32) -> (u64, String) {
    match unit {
        Unit::PerSession | Unit::PerJointPerSession => (
            u64::from(sessions),
            format!("× {sessions} session{}", plural(sessions)),
        ),
        Unit::PerNight => (
            u64::from(nights),
            format!("× {nights} night{}", plural(nights)),
        ),
        Unit::PerDay => (u64::from(days), format!("× {days} day{}", plural(days))),
        Unit::PerMeal => (
            MEALS_PER_DAY * u64::from(days),
            format!("× {MEALS_PER_DAY} meals a day × {days} days"),
        ),
        Unit::PerRide => (
            RIDES_PER_DAY * u64::from(days),
            format!("× {RIDES_PER_DAY} rides a day × {days} days"),
        ),
        Unit::FullCourse => (1, "once (the figure covers the whole course)".to_owned()),
        // The source does not say how many sessions such a figure covers: counted once, saying so.
        Unit::PerTreatment => (
            1,
            "once (the source does not say how many sessions it covers)".to_owned(),
        ),
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The range for a tier and unit, or the nearest tier's, saying so.
fn tier_range<'a>(
    data: &'a Dataset,
    tier: Tier,
    unit: Unit,
    notes: &mut Vec<String>,
) -> Option<&'a CostRange> {
    let order: &[Tier] = match tier {
        Tier::Budget => &[Tier::Budget, Tier::Mid, Tier::Luxury],
        Tier::Mid => &[Tier::Mid, Tier::Budget, Tier::Luxury],
        Tier::Luxury => &[Tier::Luxury, Tier::Mid, Tier::Budget],
    };
    for (i, t) in order.iter().enumerate() {
        if let Some(r) = data
            .costs
            .ranges
            .iter()
            .find(|r| r.unit == unit && r.tier == Some(*t))
        {
            if i > 0 {
                notes.push(format!(
                    "The data has no {} figure {}; the {} one is used.",
                    tier.label(),
                    unit.label(),
                    t.label()
                ));
            }
            return Some(r);
        }
    }
    None
}

/// Works out the budget for a request.
pub fn estimate(data: &Dataset, req: &Request) -> Result<Estimate> {
    let treatment = data
        .cost(&req.cost)
        .ok_or_else(|| data.find(Kind::Cost, &req.cost).err().expect("not found"))?;
    if req.nights > 3650 || req.sessions.is_some_and(|s| s > 1000) {
        return Err(Error::Request(
            "at most 3650 nights and 1000 sessions".into(),
        ));
    }
    let currency = req.currency.unwrap_or(treatment.currency);
    let rate = conversion_rate(data);
    let krw_per_usd = rate.map_or(0.0, |r| r.krw_per_usd);
    let sessions = req.sessions.unwrap_or(1).max(1);
    let nights = req.nights;
    let days = nights + 1;
    let mut assumptions = vec![
        format!(
            "{nights} night{} in Korea, so {days} days from arrival to departure.",
            plural(nights)
        ),
        format!(
            "Food: {MEALS_PER_DAY} meals a day; local transport: {RIDES_PER_DAY} rides a day (to the clinic and back)."
        ),
        format!(
            "{} accommodation, food and transport.",
            capitalize(req.tier.label())
        ),
        "Flights, insurance, visa fees and medicines are not included.".to_owned(),
    ];
    if req.sessions.is_some() && matches!(treatment.unit, Unit::FullCourse | Unit::PerTreatment) {
        assumptions.push(format!(
            "The treatment price is {}; the number of sessions does not multiply it.",
            treatment.unit.label()
        ));
    }
    let mut notes = Vec::new();
    let mut lines = Vec::new();
    let mut converted_any = false;
    let line = |item: &str, c: &CostRange, n: u64, how: String, converted_any: &mut bool| {
        let (min, max) = scaled(c, n, currency, krw_per_usd);
        let converted = c.currency != currency;
        *converted_any |= converted;
        let src = c.sources.first().map(|s| data.source_line(s));
        Line {
            item: item.to_owned(),
            min,
            max,
            open: c.open_above(),
            qualifier: c.qualifier,
            converted,
            basis: format!("{} {} {how}", money::range_text(c), c.unit.label()),
            from_id: c.id.0.clone(),
            source: src
                .map(|s| format!("{} ({})", s.citation, s.section))
                .unwrap_or_default(),
        }
    };
    let (n, how) = units(treatment.unit, sessions, nights, days);
    lines.push(line("Treatment", treatment, n, how, &mut converted_any));
    for (item, unit) in [
        ("Accommodation", Unit::PerNight),
        ("Food", Unit::PerMeal),
        ("Local transport", Unit::PerRide),
    ] {
        match tier_range(data, req.tier, unit, &mut notes) {
            Some(r) => {
                let (n, how) = units(unit, sessions, nights, days);
                lines.push(line(item, r, n, how, &mut converted_any));
            }
            None => notes.push(format!(
                "The data has no figure {} for {}; it is left out.",
                unit.label(),
                item.to_lowercase()
            )),
        }
    }
    assumptions.extend(notes);
    let deposit = data
        .costs
        .percentages
        .iter()
        .find(|p| p.kind == PercentageKind::Deposit)
        .map(|p| {
            let t = &lines[0];
            let pct = |v: u64| (v as f64 * p.min / 100.0).round() as u64;
            let src = p.sources.first().map(|s| data.source_line(s));
            Line {
                item: "Deposit due up front".into(),
                min: pct(t.min),
                max: t.max.map(pct),
                open: t.open,
                qualifier: t.qualifier,
                converted: t.converted,
                basis: format!("{}% of the treatment; part of it, not added", p.min),
                from_id: p.id.0.clone(),
                source: src
                    .map(|s| format!("{} ({})", s.citation, s.section))
                    .unwrap_or_default(),
            }
        });
    let sums = total::add_up(&lines, currency, data);
    let visa = visa_for(data, days);
    if visa.is_none() {
        assumptions.push("The data names no visa for a stay this long.".into());
    }
    Ok(Estimate {
        cost: treatment.id.0.clone(),
        cost_name: treatment.name.clone(),
        sessions,
        nights,
        days,
        tier: req.tier,
        currency,
        rate: (converted_any && rate.is_some()).then(|| {
            let r = rate.expect("checked");
            RateUsed {
                id: r.id.0.clone(),
                krw_per_usd: r.krw_per_usd,
                date: r.date.clone(),
            }
        }),
        lines,
        deposit,
        treatment: sums.treatment,
        stay: sums.stay,
        total_min: sums.total_min,
        total_max: sums.total_max,
        open_items: sums.open_items,
        may_exceed: sums.may_exceed,
        assumptions,
        visa,
    })
}

/// The visa covering a stay of `days`: the one with the smallest `max_days` that is long enough,
/// preferring an official (external) source when two cover the same length.
pub fn visa_for(data: &Dataset, days: u32) -> Option<Visa> {
    data.travel
        .iter()
        .filter(|t| t.topic == Topic::Visa && t.max_days.is_some_and(|m| m >= days))
        .min_by_key(|t| {
            let official = t
                .sources
                .iter()
                .any(|s| data.source(&s.source).is_some_and(|x| x.external));
            (t.max_days, !official)
        })
        .map(|t| {
            let src = t.sources.first().map(|s| data.source_line(s));
            Visa {
                id: t.id.0.clone(),
                name: t.name.clone(),
                covers: t.value.clone().unwrap_or_default(),
                source: src
                    .map(|s| format!("{} ({})", s.citation, s.section))
                    .unwrap_or_default(),
            }
        })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A figure range as text in a currency.
pub fn span_text(min: u64, max: Option<u64>, currency: Currency) -> String {
    let f = |v| money::amount(v, currency);
    match max {
        Some(m) if m == min => f(min),
        Some(m) => format!("{}–{}", f(min), f(m)),
        None => format!("from {}", f(min)),
    }
}

#[cfg(test)]
mod tests;
