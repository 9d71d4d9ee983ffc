//! Moving and scrolling in whatever has the keyboard or the mouse, and keeping every position valid
//! when the screen or the data changes.

use super::{App, DetailPane, Focus, Overlay, kind_index, list};
use crate::model::Kind;
use crate::tui::action::{Action, Pane};
use crate::tui::layout;

impl App {
    /// Moves in whatever has the keyboard.
    pub(super) fn move_by(&mut self, action: Action) {
        match (self.overlay, self.focus) {
            (Some(Overlay::Search), _) => {
                let rows = self.search_rows();
                self.search.apply(action, rows);
            }
            (Some(Overlay::Help), _) => {
                let (rows, len) = self.help_view();
                let max = len.saturating_sub(rows);
                self.help_scroll = list::step(self.help_scroll, max + 1, action, rows);
            }
            (None, Focus::List(k)) => {
                let (len, rows) = (self.data.count(k), self.list_rows());
                if self.lists[kind_index(k)].apply(action, len, rows) {
                    self.detail = DetailPane::default();
                }
            }
            (None, Focus::Detail(_)) => {
                let (doc, rows) = self.detail_view();
                self.detail.apply(action, &doc, rows);
            }
            (None, Focus::Compare) => {
                let len = self.compare.comparison.as_ref().map_or(0, |c| c.rows.len());
                let page = usize::from(layout::inner(self.areas().compare).height / 2);
                self.compare.row = list::step(self.compare.row, len, action, page);
            }
        }
    }

    /// Scrolls the pane under the mouse pointer.
    pub(super) fn wheel(&mut self, pane: Pane, down: bool) {
        let action = if down { Action::Down } else { Action::Up };
        match pane {
            Pane::Detail if self.focus.kind().is_some() => {
                let (doc, rows) = self.detail_view();
                self.detail.wheel(down, &doc, rows);
            }
            Pane::List if self.overlay.is_none() => {
                if let Some(k) = self.focus.kind() {
                    let (len, rows) = (self.data.count(k), self.list_rows());
                    if self.lists[kind_index(k)].apply(action, len, rows) {
                        self.detail = DetailPane::default();
                    }
                }
            }
            Pane::Compare if self.overlay.is_none() => self.move_by(action),
            Pane::Search if self.overlay == Some(Overlay::Search) => self.move_by(action),
            Pane::Help if self.overlay == Some(Overlay::Help) => self.move_by(action),
            _ => {}
        }
    }

    /// Keeps every position valid for the current size and data.
    pub(super) fn clamp_all(&mut self) {
        let rows = self.list_rows();
        for kind in Kind::ALL {
            self.lists[kind_index(kind)].clamp(self.data.count(kind), rows);
        }
        let (doc, rows) = self.detail_view();
        self.detail.clamp(&doc, rows);
        let search_rows = self.search_rows();
        self.search.clamp(search_rows);
        let (rows, len) = self.help_view();
        self.help_scroll = self.help_scroll.min(len.saturating_sub(rows));
        self.clamp_compare();
    }

    /// Keeps the compare view's scroll inside the comparison.
    pub(super) fn clamp_compare(&mut self) {
        let Some(c) = &self.compare.comparison else {
            self.compare.row = 0;
            self.compare.column = 0;
            return;
        };
        let width = layout::inner(self.areas().compare).width;
        let (_, _, shown) = layout::compare_columns(width, c.columns.len());
        self.compare.column = self
            .compare
            .column
            .min(c.columns.len().saturating_sub(shown));
        self.compare.row = self.compare.row.min(c.rows.len().saturating_sub(1));
    }
}
