//! The Costs tab's detail: a group's ranges as bars on one axis ([`chart::chart`]), in the currency
//! shown, then the selected range in full and the savings the sources give.
//!
//! Each bar is two lines: the country (South Korea picked out with "◆" and its own style), the unit and
//! the figure as the source words it; then the bar on the shared axis with a figure at each end. An
//! open-ended figure runs to the axis end in "▸" (no made-up bound); converted figures carry "≈" and
//! the rate and its date are given above the chart. The bars are the document's first links, so
//! moving through links selects bars.

use super::{DetailOptions, Doc, DocLine, Role, append_detail};
use crate::chart::{self, Bar, CostChart};
use crate::dataset::Dataset;
use crate::describe::{Field, Link};
use crate::model::{CostRange, Currency, Kind};
use crate::money;
use crate::text;

/// Below this content width figures are shown compactly (`₩14.5M`).
pub const COMPACT_WIDTH: usize = 70;

/// Cells left of the bars.
const INDENT: usize = 3;

/// The chart document and how many of its links are bars.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CostView {
    /// The document; its first `bars` links are the bars.
    pub doc: Doc,
    /// How many bars the chart has.
    pub bars: usize,
}

/// A rate as people read it: "₩1,450 per $1, rate dated 2025".
pub fn rate_text(krw_per_usd: f64, date: &str) -> String {
    let whole = money::amount(krw_per_usd.trunc() as u64, Currency::KRW);
    let cents = (krw_per_usd.fract() * 100.0).round() as u64;
    let won = if cents == 0 {
        whole
    } else {
        format!("{whole}.{cents:02}")
    };
    format!("{won} per $1, rate dated {}", text::sanitize(date))
}

fn figure(v: u64, currency: Currency, converted: bool, compact: bool) -> String {
    let s = if compact {
        money::short(v, currency)
    } else {
        money::amount(v, currency)
    };
    if converted { format!("≈{s}") } else { s }
}

/// A bar's figure as the source words it, in the chart's currency; a converted one starts with "≈"
/// ("≈$276–$1,724", "from ≈$15,000").
fn bar_text(range: Option<&CostRange>, bar: &Bar, currency: Currency) -> String {
    let min = range.and_then(|r| r.min).map(|_| bar.min);
    let qualifier = range.and_then(|r| r.qualifier);
    let text = money::bounds_text(min, bar.max, qualifier, |v| money::amount(v, currency));
    if bar.converted {
        approx(&text, currency)
    } else {
        text
    }
}

/// A figure's text marked as converted: "≈" before its first amount ("from ≈$15,000").
pub fn approx(text: &str, currency: Currency) -> String {
    match text.find(currency.symbol()) {
        Some(at) => format!("{}≈{}", &text[..at], &text[at..]),
        None => format!("≈{text}"),
    }
}

/// The figures at a bar's ends: (left, right); empty where there is none.
fn ends(
    range: Option<&CostRange>,
    bar: &Bar,
    currency: Currency,
    compact: bool,
) -> (String, String) {
    let f = |v| figure(v, currency, bar.converted, compact);
    let no_min = range.is_some_and(|c| c.min.is_none());
    let top = |max| {
        if bar.open {
            format!("{}+", f(max))
        } else {
            f(max)
        }
    };
    match bar.max {
        None => (f(bar.min), String::new()),
        Some(max) if max == bar.min || no_min => (String::new(), top(max)),
        Some(max) => (f(bar.min), top(max)),
    }
}

/// The cost chart of a group with bar `selected` chosen, for a content width.
pub fn costs(
    data: &Dataset,
    group_id: &str,
    currency: Currency,
    selected: usize,
    width: usize,
    presenter: bool,
) -> CostView {
    let Some(group) = data.costs.groups.iter().find(|g| g.id.as_str() == group_id) else {
        return CostView::default();
    };
    let savings = savings(data, width);
    costs_of(data, group, currency, selected, width, presenter, &savings)
}

/// The part every group's chart ends with, the same for each: the savings the sources give, laid
/// out for a width (empty when the data gives none).
pub fn savings(data: &Dataset, width: usize) -> Vec<DocLine> {
    let mut doc = Doc::default();
    let savings = chart::savings(data);
    if !savings.is_empty() {
        doc.heading("Savings the sources give");
        for s in savings {
            doc.para("  • ", "    ", &s, Role::Text, width);
        }
    }
    doc.lines
}

/// [`costs`] for a group in hand, ending with its [`savings`] part laid out already.
pub fn costs_of(
    data: &Dataset,
    group: &crate::model::CostGroup,
    currency: Currency,
    selected: usize,
    width: usize,
    presenter: bool,
    savings: &[DocLine],
) -> CostView {
    let mut doc = Doc::default();
    let c = chart::chart_of(data, group, currency);
    let compact = width < COMPACT_WIDTH;
    doc.para("", "", &c.group_name, Role::Title, width);
    let mut legend = format!("Figures in {currency}. ◆ marks South Korea.");
    if let Some((rate, date)) = &c.rate {
        legend.push_str(&format!(" ≈ converted at {}.", rate_text(*rate, date)));
    }
    doc.para("", "", &legend, Role::Meta, width);
    doc.blank();
    // The bars' cost ranges, in the bars' order (no range is looked up by id).
    let mut in_group = data.ranges_in_group(group.id.as_str());
    let ranges: Vec<Option<&CostRange>> = c
        .bars
        .iter()
        .map(|bar| {
            in_group
                .next()
                .filter(|r| r.id.as_str() == bar.cost_id)
                .or_else(|| data.cost(&bar.cost_id))
        })
        .collect();
    draw_bars(&mut doc, &ranges, &c, selected, width, compact);
    let bars = c.bars.len();
    let sel = selected.min(bars.saturating_sub(1));
    if let Some(bar) = c.bars.get(sel) {
        doc.heading("Selected range");
        if let Some(mut d) = data.describe(Kind::Cost, &bar.cost_id) {
            let original = data.cost(&bar.cost_id).map(|r| r.currency);
            if original.is_some_and(|o| o != currency) {
                let at = c
                    .rate
                    .as_ref()
                    .map(|(r, date)| format!(" at {}", rate_text(*r, date)))
                    .unwrap_or_default();
                let field = Field {
                    label: format!("In {currency}"),
                    value: format!("{}{at}", bar_text(ranges[sel], bar, currency)),
                };
                let at = d.fields.iter().position(|f| f.label == "Range");
                d.fields.insert(at.map_or(0, |i| i + 1), field);
            }
            let opts = DetailOptions {
                presenter,
                timeline: None,
            };
            append_detail(&mut doc, &d, width, opts);
        }
    }
    if !savings.is_empty() {
        // As a heading begins: after a blank line.
        doc.blank();
        doc.lines.extend_from_slice(savings);
    }
    CostView { doc, bars }
}

fn draw_bars(
    doc: &mut Doc,
    ranges: &[Option<&CostRange>],
    c: &CostChart,
    selected: usize,
    width: usize,
    compact: bool,
) {
    let ends: Vec<(String, String)> = c
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| ends(ranges[i], b, c.currency, compact))
        .collect();
    let margin = |w: usize| if w > 0 { w + 1 } else { 0 };
    let left = ends.iter().map(|(l, _)| margin(text::width(l))).max();
    let right = ends.iter().map(|(_, r)| margin(text::width(r))).max();
    let (left, right) = (left.unwrap_or(0), right.unwrap_or(0));
    let axis = width.saturating_sub(INDENT + left + right).max(6);
    for (i, (bar, (lo, hi))) in c.bars.iter().zip(&ends).enumerate() {
        let role = if bar.korea { Role::Korea } else { Role::Label };
        let pointer = if i == selected { "▸" } else { " " };
        let marker = if bar.korea { "◆ " } else { "  " };
        let shown = text::sanitize(&bar_text(ranges[i], bar, c.currency));
        let country = text::sanitize(&bar.country);
        let unit = format!(" · {} · ", bar.unit);
        // A figure is never cut: when the line is too narrow it moves to a line of its own.
        let fits = text::width(&country) + text::width(&unit) + text::width(&shown) + 3 <= width;
        let mut head = vec![
            (pointer.to_owned(), Role::Key),
            (marker.to_owned(), Role::Korea),
            (country, role),
        ];
        if fits {
            head.push((unit, Role::Meta));
            head.push((shown.clone(), Role::Text));
        } else {
            head.push((unit.trim_end().trim_end_matches('·').to_owned(), Role::Meta));
        }
        let line = doc.lines.len();
        doc.links.push((
            line,
            Link {
                kind: Kind::Cost,
                id: bar.cost_id.clone(),
                name: bar.country.clone(),
            },
        ));
        doc.lines.push(DocLine {
            spans: head,
            link: Some(doc.links.len() - 1),
        });
        if !fits {
            doc.lines.push(DocLine {
                spans: vec![(format!("     {shown}"), Role::Text)],
                link: Some(doc.links.len() - 1),
            });
        }
        let span = chart::span(bar, c.axis_max, axis);
        let start = INDENT + left + span.start;
        let lead = start.saturating_sub(1 + text::width(lo));
        let cells = span.end.saturating_sub(span.start).max(1);
        let (fill, role) = if bar.korea {
            ("█", Role::Korea)
        } else {
            ("▒", Role::Bar)
        };
        let mut body = fill.repeat(if span.open { cells - 1 } else { cells });
        if span.open {
            body.push('▸');
        }
        let mut spans = vec![(" ".repeat(lead), Role::Text)];
        if !lo.is_empty() {
            spans.push((format!("{lo} "), Role::Figure));
        } else {
            spans.push((" ".repeat(start - lead), Role::Text));
        }
        spans.push((body, role));
        if !hi.is_empty() {
            spans.push((format!(" {hi}"), Role::Figure));
        }
        doc.push(spans);
    }
    // The axis: a ruler under the bars, then 0, the middle and the end.
    let pad = " ".repeat(INDENT + left);
    let mut ruler = vec!['─'; axis];
    ruler[0] = '└';
    ruler[axis / 2] = '┴';
    ruler[axis - 1] = '┘';
    doc.push(vec![
        (pad.clone(), Role::Text),
        (ruler.into_iter().collect(), Role::Meta),
    ]);
    let mid = money::short(c.axis_max / 2, c.currency);
    let end = money::short(c.axis_max, c.currency);
    let mut labels = vec![' '; axis];
    let mut put = |at: usize, s: &str| {
        for (k, ch) in s.chars().enumerate() {
            if let Some(cell) = labels.get_mut(at + k) {
                *cell = ch;
            }
        }
    };
    put(0, "0");
    let mid_at = (axis / 2).saturating_sub(text::width(&mid) / 2);
    if mid_at > 2 && mid_at + text::width(&mid) + 1 < axis.saturating_sub(text::width(&end)) {
        put(mid_at, &mid);
    }
    put(axis.saturating_sub(text::width(&end)), &end);
    doc.push(vec![
        (pad, Role::Text),
        (labels.into_iter().collect::<String>(), Role::Meta),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DataSource;

    fn fixture() -> Dataset {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
        Dataset::load(&DataSource::Dir(dir)).unwrap()
    }

    fn lines(v: &CostView) -> Vec<String> {
        v.doc
            .lines
            .iter()
            .map(|l| l.spans.iter().map(|(s, _)| s.as_str()).collect())
            .collect()
    }

    #[test]
    fn bars_are_links_with_figures_at_both_ends() {
        let data = fixture();
        let v = costs(&data, "hair-course", Currency::USD, 1, 60, false);
        assert_eq!(v.bars, 3);
        assert_eq!(v.doc.links[0].1.id, "hair-korea");
        let l = lines(&v);
        assert!(l.join(" ").contains("≈ converted at ₩1,450 per $1"));
        let korea = l.iter().find(|s| s.contains("◆ South Korea")).unwrap();
        assert!(korea.contains("full course"), "{korea}");
        assert!(
            l.iter()
                .any(|s| s.contains("$10k █") && s.contains("█ $20k"))
        );
        assert!(l.iter().any(|s| s.starts_with("▸  US")), "the selected bar");
        assert!(l.iter().any(|s| s.contains("≈$276")), "converted, marked");
        assert!(l.iter().all(|s| text::width(s) <= 60), "{l:#?}");
    }

    #[test]
    fn a_figure_too_long_for_its_line_moves_to_its_own_line_whole() {
        let data = fixture();
        let v = costs(&data, "hair-course", Currency::KRW, 0, 50, false);
        let l = lines(&v);
        assert!(
            l.iter().any(|s| s.trim() == "≈₩14,500,000–₩29,000,000"),
            "{l:#?}"
        );
        assert!(l.iter().all(|s| text::width(s) <= 50), "{l:#?}");
    }

    #[test]
    fn open_ended_figures_run_to_the_axis_end() {
        let data = fixture();
        let v = costs(&data, "stay", Currency::KRW, 0, 90, false);
        let l = lines(&v);
        let open = l.iter().position(|s| s.contains("₩290,000+")).unwrap();
        assert!(l[open + 1].trim_end().ends_with('▸'), "{:?}", l[open + 1]);
        assert!(l.iter().any(|s| s.contains("In KRW: ≈₩290,000+")));
        assert_eq!(
            rate_text(1453.18, "2025"),
            "₩1,453.18 per $1, rate dated 2025"
        );
    }
}
