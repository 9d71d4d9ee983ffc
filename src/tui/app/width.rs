//! How wide the list pane is: as wide as its rows want (the names and their badges, see
//! [`crate::tui::columns`]), changed a step at a time with `<` and `>`.

use super::App;
use crate::model::Kind;
use crate::text;
use crate::tui::columns::{self, Badge, GAP, ListColumns, ListMeasure, MARKS, RowWants};
use crate::tui::layout::{self, Shape};
use std::sync::Arc;

/// The widest a name makes the list want to be; a longer one is cut, its whole in the detail.
pub const NAME_CAP: usize = 28;

impl App {
    /// The columns a kind's list rows want, borders included: the widest name (up to [`NAME_CAP`])
    /// and the widest badge beside it.
    pub fn list_content(&self, kind: Kind) -> u16 {
        let m = self.list_measure(kind);
        let name = m.widest_name.min(NAME_CAP);
        let badge = m.widest_badge;
        let gap = if badge > 0 { GAP } else { 0 };
        // Borders, marks, the name, the gap, the badge and the column kept clear before the border;
        // and room for the list's title in its short form.
        let rows = 2 + MARKS + name + gap + badge + 1;
        let title = text::width(&self.list_title_short(kind)) + 4;
        u16::try_from(rows.max(title)).unwrap_or(u16::MAX)
    }

    /// A list row's name as drawn: a cost group's name, or the record's name with its tree marks.
    pub fn row_name(&self, kind: Kind, row: usize) -> Option<String> {
        let position = self.row_target(kind, row)?;
        if self.shows_costs(kind) {
            return crate::chart::group_at(&self.data, position).map(|g| text::sanitize(&g.name));
        }
        let record = self.data.record_at(kind, position)?;
        let (before, after) = self.row_decor(kind, row);
        Some(format!("{before}{}{after}", text::sanitize(record.name())))
    }

    /// A list row's badge: the record's telling attributes, or a cost group's Korean range.
    pub fn row_badge(&self, kind: Kind, row: usize) -> Badge {
        match self.row_target(kind, row) {
            Some(group) if self.shows_costs(kind) => {
                columns::group_badge(&self.data, group, self.view.currency)
            }
            Some(position) => columns::badge(&self.data, kind, position),
            None => Badge::default(),
        }
    }

    /// What identifies the set of rows a list shows and how they are drawn, but not their order
    /// (a sort keeps every measure, except in a tree, where the order places the marks).
    fn rows_key(&self, kind: Kind) -> u64 {
        use std::hash::{Hash, Hasher};
        let v = self.list_view(kind);
        let mut h = std::hash::DefaultHasher::new();
        (kind, self.view.currency, self.list_len(kind)).hash(&mut h);
        (&v.chosen, v.tree, &v.folded, v.tree.then_some(v.sort)).hash(&mut h);
        h.finish()
    }

    /// What each row of a kind's plain list wants (records in file order; on the Costs tab, the cost
    /// groups), worked out once per kind and currency: a narrowed or sorted list takes its rows'
    /// wants from here.
    fn row_wants(&self, kind: Kind) -> Arc<Vec<RowWants>> {
        let slot = super::kind_index(kind);
        let currency = self.view.currency;
        if let Some((c, w)) = &self.row_wants_cache.borrow()[slot]
            && *c == currency
        {
            return Arc::clone(w);
        }
        let wants: Vec<RowWants> = if self.shows_costs(kind) {
            (0..crate::chart::group_count(&self.data))
                .map(|g| {
                    let name = crate::chart::group_at(&self.data, g)
                        .map(|g| text::sanitize(&g.name))
                        .unwrap_or_default();
                    RowWants::of(&name, &columns::group_badge(&self.data, g, currency))
                })
                .collect()
        } else {
            columns::record_wants(&self.data, kind, self.facets_ready().as_deref())
        };
        let wants = Arc::new(wants);
        self.row_wants_cache.borrow_mut()[slot] = Some((currency, Arc::clone(&wants)));
        wants
    }

    /// A kind's rows measured (see [`ListMeasure`]), once per set of rows.
    pub fn list_measure(&self, kind: Kind) -> Arc<ListMeasure> {
        let key = self.rows_key(kind);
        if let Some((k, m)) = &*self.list_measure_cache.borrow()
            && *k == key
        {
            return Arc::clone(m);
        }
        let wants = self.row_wants(kind);
        let tree = self.list_view(kind).tree;
        let len = self.list_len(kind);
        let rows = (0..len).filter_map(|i| {
            let mut w = *wants.get(self.row_target(kind, i)?)?;
            if tree {
                let (before, after) = self.row_decor(kind, i);
                w.name += text::width(&before) + text::width(&after);
            }
            Some(w)
        });
        let names = (len <= columns::ALIKE_ROWS)
            .then(|| (0..len).filter_map(|i| self.row_name(kind, i)).collect());
        let m = Arc::new(ListMeasure::of(rows, names));
        *self.list_measure_cache.borrow_mut() = Some((key, Arc::clone(&m)));
        m
    }

    /// The list's column of badges in `room` columns (see [`ListColumns`]), worked out once per set
    /// of rows and room.
    pub fn list_columns(&self, kind: Kind, room: usize) -> Arc<ListColumns> {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (self.rows_key(kind), room).hash(&mut h);
        let key = h.finish();
        if let Some((k, c)) = &*self.list_columns_cache.borrow()
            && *k == key
        {
            return Arc::clone(c);
        }
        let c = Arc::new(ListColumns::new(&self.list_measure(kind), room));
        *self.list_columns_cache.borrow_mut() = Some((key, Arc::clone(&c)));
        c
    }

    /// What shapes the screen besides its size, focus and overlay: the list's wanted width, the
    /// user's steps, presenter mode.
    pub fn shape(&self) -> Shape {
        Shape {
            list_content: self.focus.kind().map_or(0, |k| self.list_content(k)),
            list_steps: self.view.list_steps,
            presenter: self.view.presenter,
        }
    }

    /// The help document for a width; in presenter mode without its disclaimer, which has a row of
    /// its own there.
    pub fn help_doc(&self, width: usize) -> crate::tui::doc::Doc {
        let mut d = crate::tui::doc::help(&self.keymap, width);
        if self.view.presenter {
            d.lines.retain(|l| {
                !l.spans
                    .iter()
                    .any(|(_, role)| *role == crate::tui::doc::Role::Disclaimer)
            });
        }
        d
    }

    /// `>` (wider) and `<` (narrower): moves the list pane's right edge a step and says how wide it
    /// is now.
    pub(super) fn step_list_width(&mut self, wider: bool) {
        let Some(kind) = self.focus.kind() else {
            self.status = Some("< and > change the list's width where a list is shown".into());
            return;
        };
        if self.size.width < layout::WIDE {
            self.status = Some(format!(
                "The list fills the screen below {} columns; < and > work beside the detail",
                layout::WIDE
            ));
            return;
        }
        let before = layout::list_width(self.size.width, self.shape());
        let step = if wider { 1 } else { -1 };
        self.view.list_steps = self.view.list_steps.saturating_add(step);
        let after = layout::list_width(self.size.width, self.shape());
        if after == before {
            // At the edge already: the step is not kept, so the other key works at once.
            self.view.list_steps -= step;
        }
        let edge = match (after == before, wider) {
            (true, true) => " (the widest it goes here)",
            (true, false) => " (the narrowest it goes here)",
            _ => "",
        };
        self.status = Some(format!(
            "{} list {after} columns wide{edge}: < narrower, > wider",
            kind.plural()
        ));
        self.clamp_all();
    }
}
