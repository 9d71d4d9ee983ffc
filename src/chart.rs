//! Cost ranges as bars on one axis, and a therapy's timeline on a time axis: the numbers and the
//! cell layout, free of terminal code, so the explorer and tests draw the same picture.

use crate::dataset::Dataset;
use crate::estimate::conversion_rate;
use crate::model::{CostGroup, Currency, Milestone, PercentageKind};
use crate::money;

/// One bar: a country's range for the group, in the chart's currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// The cost range's id.
    pub cost_id: String,
    /// Country or region.
    pub country: String,
    /// Lower bound (0 when the source gives only an upper one).
    pub min: u64,
    /// Upper bound; `None` for an open-ended figure ("from", "+", "as low as").
    pub max: Option<u64>,
    /// True when the top is open: no upper bound, or a stated one that may be exceeded ("$X–$Y+").
    pub open: bool,
    /// "per session", "full course"...
    pub unit: &'static str,
    /// True when converted from the source's currency.
    pub converted: bool,
    /// True for South Korea, which the chart picks out.
    pub korea: bool,
    /// The figure as people read it, in the chart's currency: "$10,000–$20,000", "from ₩869,000".
    pub text: String,
}

/// The chart of one group.
#[derive(Debug, Clone, PartialEq)]
pub struct CostChart {
    /// The group's id.
    pub group_id: String,
    /// What the group covers.
    pub group_name: String,
    /// Currency of every figure.
    pub currency: Currency,
    /// Won per dollar and its date, when any figure was converted.
    pub rate: Option<(f64, String)>,
    /// One bar per cost range, in file order.
    pub bars: Vec<Bar>,
    /// The axis runs from 0 to this.
    pub axis_max: u64,
}

/// The groups that have at least one cost range, in file order.
pub fn groups(data: &Dataset) -> Vec<&CostGroup> {
    data.charted_groups().collect()
}

/// The `index`th of [`groups`], without listing them all.
pub fn group_at(data: &Dataset, index: usize) -> Option<&CostGroup> {
    data.charted_group(index)
}

/// How many [`groups`] there are.
pub fn group_count(data: &Dataset) -> usize {
    data.charted_groups().len()
}

/// True for a country name that means South Korea.
pub fn is_korea(country: &str) -> bool {
    if country.is_ascii() {
        // Without lowercasing a copy: a sorted Costs tab asks this of every cost range.
        let has = |word: &str| {
            country
                .as_bytes()
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
        };
        return has("korea") || has("seoul");
    }
    let c = country.to_lowercase();
    c.contains("korea") || c.contains("seoul")
}

/// Builds the chart of a group in a currency; `None` for an unknown group.
pub fn chart(data: &Dataset, group_id: &str, currency: Currency) -> Option<CostChart> {
    let group = data
        .costs
        .groups
        .iter()
        .find(|g| g.id.as_str() == group_id)?;
    Some(chart_of(data, group, currency))
}

/// Builds the chart of a group in hand (as [`group_at`] gives it) in a currency, without looking
/// the group up by id among every group.
pub fn chart_of(data: &Dataset, group: &CostGroup, currency: Currency) -> CostChart {
    let rate = conversion_rate(data);
    let krw = rate.map_or(1.0, |r| r.krw_per_usd);
    let bars: Vec<Bar> = data
        .ranges_in_group(group.id.as_str())
        .map(|r| bar(r, currency, krw))
        .collect();
    let converted_any = bars.iter().any(|b| b.converted);
    let top = bars
        .iter()
        .map(|b| b.max.unwrap_or(b.min))
        .max()
        .unwrap_or(0);
    // Leave room past the largest figure so an open end still shows as open.
    let axis_max = nice_ceiling(if bars.iter().any(|b| b.open) {
        top + top / 4
    } else {
        top
    });
    CostChart {
        group_id: group.id.0.clone(),
        group_name: group.name.clone(),
        currency,
        rate: (converted_any && rate.is_some()).then(|| {
            let r = rate.expect("checked");
            (r.krw_per_usd, r.date.clone())
        }),
        bars,
        axis_max,
    }
}

/// One cost range's bar in a currency, its figures converted at `krw` won per dollar.
pub fn bar(r: &crate::model::CostRange, currency: Currency, krw: f64) -> Bar {
    let conv = |v: u64| money::convert(v, r.currency, currency, krw);
    let fmt = |v: u64| money::amount(v, currency);
    let (min, max) = (r.min.map(conv), r.max.map(conv));
    Bar {
        cost_id: r.id.0.clone(),
        country: r.country.clone(),
        min: min.unwrap_or(0),
        max,
        open: r.open_above(),
        unit: r.unit.label(),
        converted: r.currency != currency,
        korea: is_korea(&r.country),
        text: money::bounds_text(min, max, r.qualifier, fmt),
    }
}

/// Rounds up to 1, 2 or 5 times a power of ten, for readable axis ends.
pub fn nice_ceiling(v: u64) -> u64 {
    if v == 0 {
        return 1;
    }
    let mut p = 1u64;
    while p.saturating_mul(10) <= v {
        p *= 10;
    }
    for m in [1, 2, 5, 10] {
        if p.saturating_mul(m) >= v {
            return p.saturating_mul(m);
        }
    }
    v
}

/// The savings figures the documents give, as lines of text: the figure in the source's words
/// ("can reach 60–75%") and what the source says about it.
pub fn savings(data: &Dataset) -> Vec<String> {
    data.costs
        .percentages
        .iter()
        .filter(|p| p.kind == PercentageKind::Savings)
        .map(|p| format!("{}: {}. {}", p.name, percent_text(p), p.note))
        .collect()
}

/// A percentage as text: "60–75%", "10%".
pub fn percent_text(p: &crate::model::Percentage) -> String {
    match p.max {
        Some(m) if m != p.min => format!("{}–{}%", p.min, m),
        _ => format!("{}%", p.min),
    }
}

/// How a bar fills `width` cells on the chart's axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First filled cell.
    pub start: usize,
    /// One past the last filled cell.
    pub end: usize,
    /// True when the bar runs on past `end` (an open-ended figure).
    pub open: bool,
}

/// Places a bar on an axis of `width` cells; a bar is at least one cell wide.
pub fn span(bar: &Bar, axis_max: u64, width: usize) -> Span {
    if width == 0 {
        return Span {
            start: 0,
            end: 0,
            open: bar.open,
        };
    }
    let cell = |v: u64| ((v as f64 / axis_max.max(1) as f64) * width as f64).floor() as usize;
    let start = cell(bar.min).min(width - 1);
    let end = match bar.max {
        Some(m) => cell(m).clamp(start + 1, width),
        None => width,
    };
    Span {
        start,
        end,
        open: bar.open,
    }
}

/// A therapy's timeline on a time axis that stretches the first weeks (square root of time), so a
/// recovery of days and results lasting two years both show.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The axis ends at this many weeks.
    pub max_weeks: f64,
    /// One row per milestone: its label, its words, and its span in cells.
    pub rows: Vec<(String, String, Span)>,
    /// Tick marks: (cell, label).
    pub ticks: Vec<(usize, &'static str)>,
}

/// Lays out milestones on `width` cells.
pub fn timeline(milestones: &[Milestone], width: usize) -> Timeline {
    let last = milestones
        .iter()
        .map(|m| m.to_weeks.unwrap_or(m.from_weeks * 1.5))
        .fold(4.0_f64, f64::max);
    let max_weeks = [4.0, 13.0, 26.0, 52.0, 104.0, 156.0, 260.0]
        .into_iter()
        .find(|&w| w >= last)
        .unwrap_or(last);
    let cell = |w: f64| -> usize {
        if width == 0 {
            return 0;
        }
        ((w.max(0.0) / max_weeks).sqrt() * width as f64).floor() as usize
    };
    let rows = milestones
        .iter()
        .map(|m| {
            let start = cell(m.from_weeks).min(width.saturating_sub(1));
            let (end, open) = match m.to_weeks {
                Some(t) => (cell(t).clamp(start + 1, width.max(start + 1)), false),
                None => (width, true),
            };
            (
                m.label.clone(),
                m.text.clone(),
                Span {
                    start,
                    end: end.min(width),
                    open,
                },
            )
        })
        .collect();
    let ticks = [
        (1.0, "1w"),
        (4.3, "1m"),
        (13.0, "3m"),
        (26.0, "6m"),
        (52.0, "1y"),
        (104.0, "2y"),
        (156.0, "3y"),
        (260.0, "5y"),
    ]
    .into_iter()
    .filter(|(w, _)| *w <= max_weeks)
    .map(|(w, l)| (cell(w).min(width.saturating_sub(1)), l))
    .collect();
    Timeline {
        max_weeks,
        rows,
        ticks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DataSource;

    fn fixture() -> Dataset {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
        Dataset::load(&DataSource::Dir(dir)).unwrap()
    }

    #[test]
    fn a_group_charts_every_country_on_one_axis() {
        let c = chart(&fixture(), "hair-course", Currency::USD).unwrap();
        assert_eq!(c.bars.len(), 3);
        assert!(c.bars[0].korea && !c.bars[1].korea);
        assert_eq!(c.bars[1].text, "$15,000–$30,000");
        // The KRW scar figure is converted and marked.
        assert!(c.bars[2].converted);
        assert_eq!(c.bars[2].text, "$276–$1,724");
        assert_eq!(c.axis_max, 50_000);
        assert_eq!(c.rate, Some((1450.0, "2025".into())));
    }

    #[test]
    fn open_ended_bars_run_to_the_end_of_the_axis() {
        let c = chart(&fixture(), "stay", Currency::USD).unwrap();
        let lux = c.bars.iter().find(|b| b.cost_id == "hotel-luxury").unwrap();
        assert_eq!(lux.max, None);
        assert_eq!(lux.text, "$200+");
        let s = span(lux, c.axis_max, 40);
        assert!(s.open && s.end == 40);
        assert!(
            c.axis_max >= 250,
            "room after the open figure: {}",
            c.axis_max
        );
    }

    #[test]
    fn spans_are_at_least_one_cell_and_never_past_the_axis() {
        let b = Bar {
            cost_id: "x".into(),
            country: "x".into(),
            min: 5,
            max: Some(6),
            open: false,
            unit: "",
            converted: false,
            korea: false,
            text: String::new(),
        };
        let s = span(&b, 1_000_000, 30);
        assert_eq!(s.end - s.start, 1);
        assert_eq!(
            span(&b, 10, 0),
            Span {
                start: 0,
                end: 0,
                open: false
            }
        );
        let big = Bar {
            min: 10,
            max: Some(10),
            ..b
        };
        assert!(span(&big, 10, 30).end <= 30);
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(30_000), 50_000);
        assert_eq!(nice_ceiling(20_000), 20_000);
        assert_eq!(nice_ceiling(7), 10);
        assert_eq!(nice_ceiling(0), 1);
    }

    #[test]
    fn timelines_order_milestones_on_a_stretched_axis() {
        let t = fixture()
            .therapy("adipose-derived-stem-cells")
            .unwrap()
            .timeline
            .clone();
        let tl = timeline(&t, 50);
        assert_eq!(tl.max_weeks, 104.0);
        let (recovery, results, lasts) = (tl.rows[0].2, tl.rows[1].2, tl.rows[2].2);
        assert!(recovery.start == 0 && recovery.end >= 1);
        assert!(results.start > recovery.end && results.end <= lasts.start + 1);
        assert_eq!(lasts.end, 50);
        assert!(tl.ticks.iter().any(|(_, l)| *l == "1y"));
    }
}
