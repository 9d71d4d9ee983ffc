//! The costs view: the Costs tab's list holds the cost groups (not records), its detail the selected
//! group's chart, in which one bar (one cost range) is selected. The bars are the chart document's
//! first links, so the detail pane's link selection picks the bar.
//!
//! Everything the Costs tab does differently from the record lists is here: the list, the detail,
//! movement and navigation ask this view first (the `costs_*` hooks), and it answers only for the
//! Costs tab, so the record-list code knows nothing of groups and bars.

use super::{App, Focus, kind_index};
use crate::chart;
use crate::describe::Link;
use crate::model::{CostRange, Kind};
use crate::money;
use crate::tui::doc::{self, CostView, Doc};
use crate::tui::yank::{self, Yank};
use std::sync::Arc;

/// Each cost range's group (its place among the charted groups; `usize::MAX`: none) and each
/// charted group's first South Korean range (`usize::MAX`: none), by position.
#[derive(Debug)]
pub(super) struct CostPlaces {
    group_of: Vec<usize>,
    korea: Vec<usize>,
}

/// What a cost chart document is laid out for: the group (its place among the charted groups),
/// the selected bar, the currency, the width and presenter mode.
pub(super) type CostsDocKey = (Option<usize>, usize, crate::model::Currency, usize, bool);

/// The selected bar of the cost chart shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct CostsPane {
    /// Index of the selected bar among the group's cost ranges (file order).
    pub bar: usize,
}

impl App {
    /// The id of the selected cost group.
    pub fn selected_group(&self) -> Option<String> {
        let group = self.row_target(Kind::Cost, self.list(Kind::Cost).selected)?;
        chart::group_at(&self.data, group).map(|g| g.id.0.clone())
    }

    /// The cost ranges of the selected group, in file order (the chart's bars).
    fn group_ranges(&self) -> Vec<&CostRange> {
        let Some(group) = self.selected_group() else {
            return Vec::new();
        };
        self.data.ranges_in_group(&group).collect()
    }

    /// The selected bar's cost range.
    pub fn selected_cost(&self) -> Option<&CostRange> {
        let ranges = self.group_ranges();
        let last = ranges.len().checked_sub(1)?;
        Some(ranges[self.costs.bar.min(last)])
    }

    /// The cost chart of the selected group, for a content width, in the currency shown.
    pub fn cost_view(&self, width: usize) -> CostView {
        let Some(group) = self
            .row_target(Kind::Cost, self.list(Kind::Cost).selected)
            .and_then(|g| chart::group_at(&self.data, g))
        else {
            return CostView::default();
        };
        // The savings part is the same in every group's chart: laid out once per width.
        let savings = {
            let mut memo = self.savings_cache.borrow_mut();
            match &*memo {
                Some((w, lines)) if *w == width => Arc::clone(lines),
                _ => {
                    let lines = Arc::new(doc::savings(&self.data, width));
                    *memo = Some((width, Arc::clone(&lines)));
                    lines
                }
            }
        };
        doc::costs_of(
            &self.data,
            group,
            self.view.currency,
            self.costs.bar,
            width,
            self.view.presenter,
            &savings,
        )
    }

    /// The group (list row) and bar of a cost range.
    pub(super) fn cost_place(&self, id: &str) -> Option<(usize, usize)> {
        let range = self.data.cost(id)?;
        let group = self
            .data
            .charted_groups()
            .position(|g| g.id == range.group)?;
        let bar = self
            .data
            .ranges_in_group(range.group.as_str())
            .position(|r| r.id.as_str() == id)?;
        Some((group, bar))
    }

    /// Selects a cost range: its group in the list and its bar in the chart.
    pub(super) fn select_cost(&mut self, id: &str) {
        if let Some((group, bar)) = self.cost_place(id) {
            let (len, rows) = (self.list_len(Kind::Cost), self.list_rows());
            // A group the filters hide stays unselected.
            let Some(row) = self.row_of(Kind::Cost, group) else {
                return;
            };
            self.lists[kind_index(Kind::Cost)].select(row, len, rows);
            self.costs.bar = bar;
        }
    }

    /// After the detail's link selection moved on the Costs tab: a bar link selects that bar.
    pub(super) fn sync_bar(&mut self) {
        if self.focus != Focus::Detail(Kind::Cost) {
            return;
        }
        let bars = self.group_ranges().len();
        if let Some(i) = self.detail.link.filter(|i| *i < bars) {
            self.costs.bar = i;
        }
    }

    /// The telling attribute of a cost group in the list: South Korea's figure (in the currency
    /// shown), else how many places it compares.
    pub fn group_attribute(&self, index: usize) -> String {
        let Some(group) = chart::group_at(&self.data, index) else {
            return String::new();
        };
        let g = crate::tui::columns::group_summary(&self.data, group, self.view.currency);
        let short = |v| crate::money::short(v, self.view.currency);
        match &g.korea {
            Some((b, range)) => {
                let approx = if b.converted { "≈" } else { "" };
                let min = range.min.map(|_| b.min);
                let text = crate::money::bounds_text(min, b.max, range.qualifier, short);
                format!("Korea {approx}{text} {}", b.unit)
            }
            None if g.bars == 1 => format!("1 figure: {}", g.first_country),
            None => format!("{} places", g.bars),
        }
    }

    /// True for the tab the costs view shows (the Costs tab lists cost groups, not records).
    pub fn shows_costs(&self, kind: Kind) -> bool {
        kind == Kind::Cost
    }

    /// True while the Costs tab is shown.
    pub fn on_costs(&self) -> bool {
        self.focus.kind() == Some(Kind::Cost)
    }

    /// The costs view's list length (the cost groups), for the Costs tab.
    pub(super) fn costs_list_len(&self, kind: Kind) -> Option<usize> {
        self.shows_costs(kind)
            .then(|| chart::group_count(&self.data))
    }

    /// The costs view's list name, for the Costs tab's title.
    pub(super) fn costs_list_label(&self, kind: Kind) -> Option<&'static str> {
        self.shows_costs(kind).then_some("Cost groups")
    }

    /// The costs view's rows for the cost ranges a filter keeps, in the order given (a sort's):
    /// each group once, where its first kept range stands; in file order when `keep_order` is false.
    pub(super) fn costs_rows(
        &self,
        kind: Kind,
        ranges: &[usize],
        keep_order: bool,
    ) -> Option<Vec<usize>> {
        if !self.shows_costs(kind) {
            return None;
        }
        let places = self.cost_places();
        let (group_of, charted) = (&places.group_of, places.korea.len());
        let mut seen = vec![false; charted];
        // Each group kept, and the place of its best-placed range.
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for (at, &p) in ranges.iter().enumerate() {
            if let Some(&g) = group_of.get(p)
                && g != usize::MAX
                && !std::mem::replace(&mut seen[g], true)
            {
                groups.push((g, at));
            }
        }
        if keep_order {
            // Sorted, a group stands where the range its badge shows (South Korea's) stands, so the
            // figures beside the names read in order; a group without one, by its best-placed range.
            let mut at = vec![usize::MAX; group_of.len()];
            for (i, &p) in ranges.iter().enumerate() {
                if let Some(slot) = at.get_mut(p) {
                    *slot = i;
                }
            }
            for (g, best) in &mut groups {
                let shown = places.korea[*g];
                if let Some(&i) = at.get(shown).filter(|&&i| i != usize::MAX) {
                    *best = i;
                }
            }
            groups.sort_by_key(|&(_, at)| at);
        } else {
            groups.sort_unstable();
        }
        Some(groups.into_iter().map(|(g, _)| g).collect())
    }

    /// Each cost range's group and each group's South Korean range, by position: worked out once
    /// (the data does not change), as a sorted or narrowed Costs tab places its groups by them.
    fn cost_places(&self) -> Arc<CostPlaces> {
        if let Some(p) = &*self.cost_places_cache.borrow() {
            return Arc::clone(p);
        }
        let total = self.data.costs.ranges.len();
        let mut places = CostPlaces {
            group_of: vec![usize::MAX; total],
            korea: Vec::new(),
        };
        for (g, group) in self.data.charted_groups().enumerate() {
            let ranges = self.data.index_ranges_in_group(group.id.as_str());
            for &p in ranges {
                if let Some(slot) = places.group_of.get_mut(p) {
                    *slot = g;
                }
            }
            let korea = ranges.iter().copied().find(|&p| {
                self.data
                    .costs
                    .ranges
                    .get(p)
                    .is_some_and(|r| chart::is_korea(&r.country))
            });
            places.korea.push(korea.unwrap_or(usize::MAX));
        }
        let places = Arc::new(places);
        *self.cost_places_cache.borrow_mut() = Some(Arc::clone(&places));
        places
    }

    /// Where a record stands in the costs view's list: a cost range's group.
    pub(super) fn costs_position(&self, kind: Kind, id: &str) -> Option<Option<usize>> {
        self.shows_costs(kind)
            .then(|| self.cost_place(id).map(|(g, _)| g))
    }

    /// The record selected on the Costs tab: the selected bar's cost range.
    pub(super) fn costs_selected_id(&self, kind: Kind) -> Option<Option<&str>> {
        self.shows_costs(kind)
            .then(|| self.selected_cost().map(|c| c.id.as_str()))
    }

    /// The detail document on the Costs tab: the selected group's chart.
    /// Laid out once for its group, bar, currency, width and presenter mode (keeping positions
    /// valid after a key and drawing the frame both ask for it).
    pub(super) fn costs_doc(&self, width: usize) -> Option<Arc<Doc>> {
        if !self.on_costs() {
            return None;
        }
        let group = self.row_target(Kind::Cost, self.list(Kind::Cost).selected);
        let key = (
            group,
            self.costs.bar,
            self.view.currency,
            width,
            self.view.presenter,
        );
        if let Some((k, doc)) = &*self.costs_doc_cache.borrow()
            && *k == key
        {
            return Some(Arc::clone(doc));
        }
        let doc = Arc::new(self.cost_view(width).doc);
        *self.costs_doc_cache.borrow_mut() = Some((key, Arc::clone(&doc)));
        Some(doc)
    }

    /// The detail pane's name on the Costs tab.
    pub fn detail_name(&self) -> &'static str {
        if self.on_costs() {
            "Cost chart"
        } else {
            "Detail"
        }
    }

    /// After the list's selection moved: a new group's chart starts at its first bar.
    pub(super) fn costs_list_moved(&mut self, kind: Kind) {
        if self.shows_costs(kind) {
            self.costs = CostsPane::default();
        }
    }

    /// Shows a cost range: its group in the list, its bar selected (in the chart when `focus` is
    /// the detail). True when the costs view did it (the kind is the Costs tab's).
    pub(super) fn costs_go_to(&mut self, kind: Kind, id: Option<&str>, focus: Focus) -> bool {
        if !self.shows_costs(kind) {
            return false;
        }
        if let Some(id) = id {
            self.select_cost(id);
        }
        if matches!(focus, Focus::Detail(_)) {
            // The bars are the chart's first links: select the cost range's bar.
            self.detail.link = Some(self.costs.bar);
            let (doc, rows) = self.detail_view();
            self.detail.clamp(&doc, rows);
        }
        true
    }

    /// Entering the chart keeps the selected bar selected.
    pub(super) fn costs_enter_chart(&mut self, kind: Kind) {
        if self.shows_costs(kind) {
            self.detail.link = Some(self.costs.bar);
        }
    }

    /// Following a bar's link in the chart goes nowhere (the bar is the record): what to say instead.
    pub(super) fn costs_follow(&self, link: &Link) -> Option<String> {
        (self.focus == Focus::Detail(Kind::Cost) && self.shows_costs(link.kind)).then(|| {
            crate::text::sanitize(&format!(
                "{} is selected: e works out a trip budget, b keeps it on the shortlist",
                link.name
            ))
        })
    }

    /// What `y` copies on the Costs tab: the selected bar's figure (None elsewhere).
    pub(super) fn costs_yank(&self) -> Option<Result<Yank, &'static str>> {
        self.on_costs()
            .then(|| self.cost_figure().ok_or("No figure selected to copy"))
    }

    /// The selected bar's figure, as the source gives it and, when another currency is shown,
    /// converted too.
    fn cost_figure(&self) -> Option<Yank> {
        let c = self.selected_cost()?;
        let mut figure = format!("{} {}", money::range_text(c), c.unit.label());
        if let Some(r) = crate::estimate::conversion_rate(&self.data)
            && let Some(conv) = money::converted_text(c, self.view.currency, r.krw_per_usd, &r.date)
        {
            figure.push_str(&format!("; {conv}"));
        }
        let source = self
            .data
            .describe(Kind::Cost, c.id.as_str())
            .and_then(|d| d.sources.first().map(|s| s.citation.clone()))
            .unwrap_or_default();
        let what = format!("{}, {} ({})", c.name, c.country, c.year);
        let mut y = yank::figure(&what, &figure, &source);
        y.what = format!("the figure {}", money::range_text(c));
        Some(y)
    }
}
