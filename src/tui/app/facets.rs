//! Narrowing and ordering a tab's list: facet values chosen in the facet panel (`f`), a sort (`o`,
//! `O` reverses), and the conditions as a tree or the therapies by category (`t`, `z` folds). The
//! list shows [`ListView::rows`]; with nothing chosen it is every record in file order. Values of one
//! facet combine with "or", facets with "and"; counts are taken among the records the other facets
//! keep, as a frequency table does.

use super::{App, kind_index};
use crate::model::Kind;
use crate::query::Field;
use crate::query::facet::{FacetTable, facets_of};
use crate::query::sort::{SortKey, sort};
use std::sync::Arc;

/// How one tab's list is narrowed and ordered, and the rows that gives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ListView {
    /// Chosen facet values: (facet, value as shown).
    pub chosen: Vec<(Field, String)>,
    /// The sort, and whether it is reversed.
    pub sort: Option<(SortKey, bool)>,
    /// Conditions as a tree (subtypes under parents), therapies grouped by category.
    pub tree: bool,
    /// Ids of the parents (or category names) folded.
    pub folded: Vec<String>,
    /// The rows shown: positions (records in file order; on the Costs tab, cost groups), each with
    /// its depth in the tree.
    pub rows: Vec<(usize, u8)>,
    /// Rows of a tree that hold folded rows: (row, how many are folded into it).
    pub hidden: Vec<(usize, usize)>,
    /// How many rows there are with nothing chosen.
    pub total: usize,
}

impl ListView {
    /// True when the list is not simply every record in file order.
    pub fn active(&self) -> bool {
        !self.chosen.is_empty() || self.sort.is_some() || self.tree
    }
}

/// The facet panel: the values of the tab's facets with their counts, and the one under the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FacetPanel {
    /// The tab's kind.
    pub kind: Option<Kind>,
    /// Index of the selected value among [`App::facet_entries`].
    pub cursor: usize,
}

/// One line of the facet panel: a value of a facet, how many records have it, whether it is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetEntry {
    /// The facet.
    pub field: Field,
    /// The value as shown.
    pub value: String,
    /// Records (among those the other facets keep) that have it.
    pub count: usize,
    /// True when chosen.
    pub chosen: bool,
}

/// The facet panel's lines and what they were worked out for.
#[derive(Debug)]
pub(super) struct EntriesFor {
    kind: Kind,
    chosen: Vec<(Field, String)>,
    table: Arc<FacetTable>,
    entries: Arc<[FacetEntry]>,
    /// Each line's value by its number in the table ([`FacetTable::shown_text`]).
    numbers: Vec<u32>,
}

impl App {
    /// Every record's facet values: the search index's, or built once when the index is not ready.
    pub(super) fn facet_table(&mut self) -> Arc<FacetTable> {
        if let Some(t) = &self.facets {
            return Arc::clone(t);
        }
        let t = match &self.index {
            Some(index) => index.shared_facets(),
            None => Arc::new(FacetTable::build(&self.data)),
        };
        self.facets = Some(Arc::clone(&t));
        t
    }

    /// The facet table when it is at hand (kept, or the search index's), without building one.
    pub(super) fn facets_ready(&self) -> Option<Arc<FacetTable>> {
        self.facets
            .clone()
            .or_else(|| self.index.as_ref().map(|i| i.shared_facets()))
    }

    /// A tab's list view.
    pub fn list_view(&self, kind: Kind) -> &ListView {
        &self.views[kind_index(kind)]
    }

    /// The position (record, or cost group) a list row shows.
    pub fn row_target(&self, kind: Kind, row: usize) -> Option<usize> {
        let v = self.list_view(kind);
        if v.active() {
            v.rows.get(row).map(|r| r.0)
        } else {
            (row < self.plain_len(kind)).then_some(row)
        }
    }

    /// The row showing a position, if it is shown.
    pub fn row_of(&self, kind: Kind, position: usize) -> Option<usize> {
        let v = self.list_view(kind);
        if v.active() {
            v.rows.iter().position(|r| r.0 == position)
        } else {
            Some(position)
        }
    }

    /// The depth of a row in the tree (0 outside a tree).
    pub fn row_depth(&self, kind: Kind, row: usize) -> u8 {
        self.list_view(kind).rows.get(row).map_or(0, |r| r.1)
    }

    /// What a tree row's name is drawn with: before it (the indent, or a therapy group's category),
    /// and after it (how many rows are folded into it).
    pub fn row_decor(&self, kind: Kind, row: usize) -> (String, String) {
        let v = self.list_view(kind);
        if !v.tree {
            return (String::new(), String::new());
        }
        let folded = v.hidden.iter().find(|(r, _)| *r == row).map(|h| h.1);
        let depth = self.row_depth(kind, row);
        let opens = v.rows.get(row + 1).is_some_and(|next| next.1 > depth);
        // "+" holds folded rows, "-" shows the rows under it; a leaf lines up with them.
        let mark = match (folded, opens) {
            (Some(_), _) => "+ ",
            (None, true) => "- ",
            (None, false) => "  ",
        };
        let after = folded.map(|n| format!(" (+{n})")).unwrap_or_default();
        let before = match (kind, depth) {
            (Kind::Therapy, 0) => {
                let category = self
                    .row_target(kind, row)
                    .and_then(|p| self.data.therapies.get(p))
                    .map(|t| capitalised(t.category.label()))
                    .unwrap_or_default();
                format!("{mark}{category}: ")
            }
            (Kind::Therapy, _) => "  ".to_owned(),
            (_, 0) => mark.to_owned(),
            (_, d) => {
                let mark = if mark == "  " { "" } else { mark };
                format!("{}└ {mark}", "  ".repeat(usize::from(d) - 1))
            }
        };
        (before, after)
    }

    /// The rows with nothing chosen: the records, or the cost groups.
    pub(super) fn plain_len(&self, kind: Kind) -> usize {
        self.costs_list_len(kind)
            .unwrap_or_else(|| self.data.count(kind))
    }

    /// The records (table numbers) of a kind the chosen values keep.
    fn kept(&self, table: &FacetTable, kind: Kind) -> Vec<usize> {
        table.keep(table.range(kind), &self.chosen_numbers(table, kind))
    }

    /// Each facet of a kind with choices, and the numbers of the values chosen in it (a choice no
    /// record has keeps none).
    fn chosen_numbers(&self, table: &FacetTable, kind: Kind) -> Vec<(Field, Vec<u32>)> {
        table.chosen_numbers(facets_of(kind), &self.list_view(kind).chosen)
    }

    /// Works out a tab's rows again after its choices changed.
    pub(super) fn refresh_view(&mut self, kind: Kind) {
        let table = self.facet_table();
        let total = self.plain_len(kind);
        let kept = self.kept(&table, kind);
        let start = table.range(kind).start;
        let view = &self.views[kind_index(kind)];
        let (sort_by, tree) = (view.sort, view.tree);
        let folded = view.folded.clone();
        let data = Arc::clone(&self.data);
        let currency = Some(self.view.currency);
        let mut records = kept;
        if let Some((key, desc)) = sort_by {
            sort(&table, &mut records, key, desc, currency);
        }
        // The costs view lists groups: a group stays when one of its ranges does, placed by its
        // best-placed range.
        let positions: Vec<usize> = records.iter().map(|r| r - start).collect();
        let (rows, hidden) = match self.costs_rows(kind, &positions, sort_by.is_some()) {
            Some(groups) => (groups.into_iter().map(|g| (g, 0)).collect(), Vec::new()),
            None => {
                if tree {
                    tree_rows(&data, kind, &positions, &folded)
                } else {
                    (positions.into_iter().map(|p| (p, 0)).collect(), Vec::new())
                }
            }
        };
        let v = &mut self.views[kind_index(kind)];
        v.rows = rows;
        v.hidden = hidden;
        v.total = total;
        let len = self.list_len(kind);
        let list_rows = self.list_rows();
        self.lists[kind_index(kind)].clamp(len, list_rows);
    }

    /// The facet panel's lines for a kind: each facet's values, most common first, counted among
    /// the records the other facets' choices keep. Worked out once per tab and choices.
    pub fn facet_entries(&self, kind: Kind) -> Arc<[FacetEntry]> {
        let Some(table) = &self.facets else {
            return Arc::from(Vec::new());
        };
        let v = self.list_view(kind);
        if let Some(c) = &*self.facet_entries_cache.borrow()
            && c.kind == kind
            && c.chosen == v.chosen
            && Arc::ptr_eq(&c.table, table)
        {
            return Arc::clone(&c.entries);
        }
        let facets = facets_of(kind);
        let counts =
            table.panel_numbers(table.range(kind), facets, &self.chosen_numbers(table, kind));
        // The texts of the lines last worked out for this tab, to move into the new lines: a choice
        // changes the counts of thousands of values, seldom which values there are.
        let mut last = self.facet_entries_cache.borrow_mut().take().filter(|c| {
            c.kind == kind && Arc::ptr_eq(&c.table, table) && c.numbers.len() == c.entries.len()
        });
        let mut old = last.as_mut().and_then(|c| {
            let numbers = std::mem::take(&mut c.numbers);
            Arc::get_mut(&mut c.entries).map(|e| (numbers, e))
        });
        // Where each value (by number) stood among the old lines of the facet at hand.
        let mut at: Vec<u32> = Vec::new();
        let mut out = Vec::with_capacity(counts.iter().map(Vec::len).sum());
        let mut numbers = Vec::with_capacity(out.capacity());
        for (&f, values) in facets.iter().zip(counts) {
            if let Some((n, e)) = &old {
                at.clear();
                for (i, (&s, entry)) in n.iter().zip(e.iter()).enumerate() {
                    if entry.field == f {
                        let s = s as usize;
                        if at.len() <= s {
                            at.resize(s + 1, u32::MAX);
                        }
                        at[s] = i as u32;
                    }
                }
            }
            for (number, count) in values {
                let reused = old.as_mut().and_then(|(_, e)| {
                    let i = *at.get(number as usize)?;
                    (i != u32::MAX).then(|| std::mem::take(&mut e[i as usize].value))
                });
                let value = reused.unwrap_or_else(|| table.shown_text(number).to_owned());
                let chosen = v.chosen.iter().any(|(cf, s)| *cf == f && *s == value);
                out.push(FacetEntry {
                    field: f,
                    value,
                    count,
                    chosen,
                });
                numbers.push(number);
            }
        }
        drop(old);
        drop(last);
        let entries: Arc<[FacetEntry]> = Arc::from(out);
        *self.facet_entries_cache.borrow_mut() = Some(EntriesFor {
            kind,
            chosen: v.chosen.clone(),
            table: Arc::clone(table),
            entries: Arc::clone(&entries),
            numbers,
        });
        entries
    }

    /// A title's label and count: "Clinics (13)", or with filters on "Clinics 4 of 13" (`of` between).
    fn title_count(&self, kind: Kind, of: &str) -> String {
        let label = self.costs_list_label(kind).unwrap_or(kind.plural());
        let len = self.list_len(kind);
        if self.list_view(kind).chosen.is_empty() {
            format!("{label} ({len})")
        } else {
            format!("{label} {len}{of}{}", self.plain_len(kind))
        }
    }

    /// What a list's title says: "Clinics 4 of 13 · district Gangnam-gu · offers PRP · by name".
    pub fn list_title(&self, kind: Kind) -> String {
        let v = self.list_view(kind);
        let mut title = self.title_count(kind, " of ");
        for (f, value) in &v.chosen {
            title.push_str(&format!(" · {} {value}", f.name()));
        }
        if let Some((key, desc)) = v.sort {
            let dir = if desc { ", descending" } else { "" };
            title.push_str(&format!(" · sorted by {}{dir}", key.label()));
        }
        if v.tree {
            title.push_str(match kind {
                Kind::Therapy => " · by category",
                _ => " · tree",
            });
        }
        crate::text::sanitize(&title)
    }

    /// The list's title in few columns: "Clinics 1/2 · Sinsa-dong · ↑name".
    pub fn list_title_short(&self, kind: Kind) -> String {
        let v = self.list_view(kind);
        let mut title = self.title_count(kind, "/");
        for (_, value) in &v.chosen {
            title.push_str(&format!(" · {value}"));
        }
        if let Some((key, desc)) = v.sort {
            let arrow = if desc { '↓' } else { '↑' };
            title.push_str(&format!(" · {arrow}{}", key.name()));
        }
        if v.tree {
            title.push_str(" · tree");
        }
        crate::text::sanitize(&title)
    }

    /// Opens the facet panel for the tab shown.
    pub(super) fn open_facets(&mut self) {
        let Some(kind) = self.focus.kind() else {
            self.status = Some("Facets are for the record tabs (1-5)".into());
            return;
        };
        self.facet_table();
        self.overlay = Some(super::Overlay::Facets(FacetPanel {
            kind: Some(kind),
            cursor: 0,
        }));
    }

    /// Moves the facet panel's cursor.
    pub(super) fn move_facet(&mut self, action: crate::tui::action::Action) {
        let Some(super::Overlay::Facets(p)) = &self.overlay else {
            return;
        };
        let Some(kind) = p.kind else { return };
        let len = self.facet_entries(kind).len();
        // A page is the panel's rows less its key line.
        let panel = crate::tui::layout::inner(self.areas().overlay);
        let page = usize::from(panel.height).saturating_sub(1);
        let cursor = super::list::step(p.cursor, len, action, page);
        if let Some(super::Overlay::Facets(p)) = &mut self.overlay {
            p.cursor = cursor;
        }
    }

    /// Chooses or drops the value under the facet panel's cursor.
    pub(super) fn toggle_facet(&mut self) {
        let Some(super::Overlay::Facets(p)) = &self.overlay else {
            return;
        };
        let (Some(kind), cursor) = (p.kind, p.cursor) else {
            return;
        };
        let Some(e) = self.facet_entries(kind).get(cursor).cloned() else {
            return;
        };
        let chosen = &mut self.views[kind_index(kind)].chosen;
        match chosen
            .iter()
            .position(|(f, s)| *f == e.field && *s == e.value)
        {
            Some(i) => {
                chosen.remove(i);
            }
            None => chosen.push((e.field, e.value.clone())),
        }
        self.lists[kind_index(kind)].select(0, 1, 1);
        self.refresh_view(kind);
        self.status = Some(self.list_title(kind));
        // The entries move as counts change: keep the cursor on the same value.
        let entries = self.facet_entries(kind);
        if let Some(i) = entries
            .iter()
            .position(|x| x.field == e.field && x.value == e.value)
            && let Some(super::Overlay::Facets(p)) = &mut self.overlay
        {
            p.cursor = i;
        }
    }

    /// Drops every chosen value of the tab shown.
    pub(super) fn clear_filters(&mut self) {
        let kind = match &self.overlay {
            Some(super::Overlay::Facets(p)) => p.kind,
            _ => self.focus.kind(),
        };
        let Some(kind) = kind else { return };
        if self.views[kind_index(kind)].chosen.is_empty() {
            self.status = Some("No filters to clear".into());
            return;
        }
        self.views[kind_index(kind)].chosen.clear();
        self.refresh_view(kind);
        self.status = Some(format!("{}: every record shown", kind.plural()));
    }

    /// Sorts the tab shown by the next key that applies to it (then back to file order).
    pub(super) fn cycle_sort(&mut self) {
        let Some(kind) = self.focus.kind() else {
            return;
        };
        let keys = SortKey::for_kind(kind);
        let v = &mut self.views[kind_index(kind)];
        v.sort = match v.sort {
            None => keys.first().map(|&k| (k, false)),
            Some((k, desc)) => keys
                .iter()
                .position(|&x| x == k)
                .and_then(|i| keys.get(i + 1))
                .map(|&k| (k, desc)),
        };
        let said = match v.sort {
            Some((k, _)) => format!("Sorted by {}; o for the next, O reverses", k.label()),
            None => "In file order".to_owned(),
        };
        self.refresh_view(kind);
        self.status = Some(said);
    }

    /// Reverses the sort of the tab shown.
    pub(super) fn reverse_sort(&mut self) {
        let Some(kind) = self.focus.kind() else {
            return;
        };
        match &mut self.views[kind_index(kind)].sort {
            Some((_, desc)) => *desc = !*desc,
            None => {
                self.status = Some("Not sorted: o sorts first".into());
                return;
            }
        }
        self.refresh_view(kind);
    }

    /// Shows the conditions as a tree, the therapies by category, or the plain list again.
    pub(super) fn toggle_tree(&mut self) {
        let Some(kind) = self.focus.kind() else {
            return;
        };
        if !matches!(kind, Kind::Condition | Kind::Therapy) {
            self.status =
                Some("The tree is for conditions (subtypes) and therapies (categories)".into());
            return;
        }
        let v = &mut self.views[kind_index(kind)];
        v.tree = !v.tree;
        self.refresh_view(kind);
    }

    /// Folds or unfolds the parent (or category) of the selected row of a tree.
    pub(super) fn toggle_fold(&mut self) {
        let Some(kind) = self.focus.kind() else {
            return;
        };
        if !self.list_view(kind).tree {
            self.status = Some("t shows the tree first; z then folds and unfolds".into());
            return;
        }
        let row = self.list(kind).selected;
        let Some(pos) = self.row_target(kind, row) else {
            return;
        };
        let key = fold_key(&self.data, kind, pos, self.row_depth(kind, row));
        let v = &mut self.views[kind_index(kind)];
        let folding = match v.folded.iter().position(|k| *k == key) {
            Some(i) => {
                v.folded.remove(i);
                false
            }
            None => {
                v.folded.push(key.clone());
                true
            }
        };
        self.refresh_view(kind);
        // Stay on the parent.
        let parent_row = self
            .list_view(kind)
            .rows
            .iter()
            .position(|&(p, _)| fold_key(&self.data, kind, p, 0) == key);
        if let Some(r) = parent_row {
            let (len, rows) = (self.list_len(kind), self.list_rows());
            self.lists[kind_index(kind)].select(r, len, rows);
        }
        let row = self.list(kind).selected;
        let folded = self
            .list_view(kind)
            .hidden
            .iter()
            .find(|(r, _)| *r == row)
            .map_or(0, |h| h.1);
        let name = self.label_of_fold(kind, &key);
        self.status = Some(crate::text::sanitize(&match (folding, folded) {
            (true, 0) => {
                // Nothing lies under it: leave it unfolded.
                self.views[kind_index(kind)].folded.retain(|k| *k != key);
                format!("{name} has nothing under it to fold")
            }
            (true, n) => format!("Folded {n} under {name}; z unfolds"),
            (false, _) => format!("Unfolded {name}"),
        }));
    }

    /// A fold key as people read it: the condition's name, or the category.
    fn label_of_fold(&self, kind: Kind, key: &str) -> String {
        match kind {
            Kind::Therapy => capitalised(key),
            _ => self
                .data
                .get(kind, key)
                .map(|r| r.name().to_owned())
                .unwrap_or_else(|| key.to_owned()),
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What a row folds under: a condition's top parent's id, a therapy's category.
fn fold_key(data: &crate::dataset::Dataset, kind: Kind, pos: usize, depth: u8) -> String {
    match kind {
        Kind::Therapy => data
            .therapies
            .get(pos)
            .map(|t| t.category.label().to_owned())
            .unwrap_or_default(),
        _ => {
            let c = data.conditions.get(pos);
            match (c, depth) {
                (Some(c), 0) => c.id.0.clone(),
                (Some(c), _) => c.parent.as_ref().map(|p| p.0.clone()).unwrap_or_default(),
                _ => String::new(),
            }
        }
    }
}

/// A tree's rows (position, depth), and the rows that hold folded ones (row, how many).
type TreeRows = (Vec<(usize, u8)>, Vec<(usize, usize)>);

/// Rows as a tree: conditions under their parents (depth by parent chain), therapies after the first
/// of their category; the rows under a folded key are left out and counted beside the row they fold
/// into. Keeps the given order within each level.
fn tree_rows(
    data: &crate::dataset::Dataset,
    kind: Kind,
    positions: &[usize],
    folded: &[String],
) -> TreeRows {
    let mut out = Vec::new();
    let mut hidden = Vec::new();
    match kind {
        Kind::Therapy => {
            let mut categories: Vec<&str> = Vec::new();
            for &p in positions {
                let c = data.therapies[p].category.label();
                if !categories.contains(&c) {
                    categories.push(c);
                }
            }
            for c in categories {
                let members: Vec<usize> = positions
                    .iter()
                    .copied()
                    .filter(|&p| data.therapies[p].category.label() == c)
                    .collect();
                out.push((members[0], 0));
                if folded.iter().any(|f| f == c) {
                    if members.len() > 1 {
                        hidden.push((out.len() - 1, members.len() - 1));
                    }
                } else {
                    out.extend(members[1..].iter().map(|&p| (p, 1)));
                }
            }
        }
        _ => {
            let shown: std::collections::HashSet<&str> = positions
                .iter()
                .map(|&p| data.conditions[p].id.as_str())
                .collect();
            let mut children: std::collections::HashMap<&str, Vec<usize>> =
                std::collections::HashMap::new();
            for &p in positions {
                if let Some(parent) = data.conditions[p].parent.as_ref()
                    && shown.contains(parent.as_str())
                {
                    children.entry(parent.as_str()).or_default().push(p);
                }
            }
            struct Walk<'a> {
                data: &'a crate::dataset::Dataset,
                children: &'a std::collections::HashMap<&'a str, Vec<usize>>,
                folded: &'a [String],
                out: Vec<(usize, u8)>,
                hidden: Vec<(usize, usize)>,
            }
            impl Walk<'_> {
                fn below(&self, at: usize, depth: u8) -> usize {
                    let id = self.data.conditions[at].id.as_str();
                    match self.children.get(id) {
                        Some(c) if depth < 8 => {
                            c.iter().map(|&p| 1 + self.below(p, depth + 1)).sum()
                        }
                        _ => 0,
                    }
                }
                fn walk(&mut self, at: usize, depth: u8) {
                    self.out.push((at, depth));
                    let id = self.data.conditions[at].id.as_str();
                    if depth >= 8 {
                        return;
                    }
                    if self.folded.iter().any(|f| f == id) {
                        let n = self.below(at, depth);
                        if n > 0 {
                            self.hidden.push((self.out.len() - 1, n));
                        }
                        return;
                    }
                    let kids = self.children.get(id).cloned().unwrap_or_default();
                    for p in kids {
                        self.walk(p, depth + 1);
                    }
                }
            }
            let mut w = Walk {
                data,
                children: &children,
                folded,
                out: Vec::new(),
                hidden: Vec::new(),
            };
            for &p in positions {
                let parent_shown = data.conditions[p]
                    .parent
                    .as_ref()
                    .is_some_and(|x| shown.contains(x.as_str()));
                if !parent_shown {
                    w.walk(p, 0);
                }
            }
            out = w.out;
            hidden = w.hidden;
        }
    }
    (out, hidden)
}

impl App {
    /// The kind a search is kept within: the tab shown, when its list is filtered.
    pub fn search_scope(&self) -> Option<Kind> {
        let kind = self.focus.kind()?;
        (!self.list_view(kind).chosen.is_empty()).then_some(kind)
    }

    /// Keeps the hits a filtered list shows (all of them when the search is not kept within one).
    pub(super) fn within_filters(&self, hits: Vec<crate::search::Hit>) -> Vec<crate::search::Hit> {
        let Some(kind) = self.search_scope() else {
            return hits;
        };
        hits.into_iter()
            .filter(|h| {
                h.kind == kind
                    && self
                        .costs_position(kind, &h.id)
                        .unwrap_or_else(|| self.data.position(kind, &h.id))
                        .is_some_and(|p| self.row_of(kind, p).is_some())
            })
            .collect()
    }
}
