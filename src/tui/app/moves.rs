//! Moving and scrolling in whatever has the keyboard or the mouse, and keeping every position valid
//! when the screen or the data changes.

use super::{App, DetailPane, Focus, Overlay, kind_index, list};
use crate::model::Kind;
use crate::tui::action::{Action, Pane};

impl App {
    /// Moves in whatever has the keyboard.
    pub(super) fn move_by(&mut self, action: Action) {
        match (&self.overlay, self.focus) {
            (Some(Overlay::Search(_)), _) => {
                let rows = self.search_rows();
                if let Some(Overlay::Search(s)) = &mut self.overlay {
                    s.apply(action, rows);
                }
            }
            (Some(Overlay::Help { .. }), _) => {
                let (rows, len) = self.help_view();
                let max = len.saturating_sub(rows);
                if let Some(Overlay::Help { scroll }) = &mut self.overlay {
                    *scroll = list::step(*scroll, max + 1, action, rows);
                }
            }
            (Some(Overlay::Estimate(_)), _) => self.scroll_form(action),
            (Some(Overlay::Facets(_)), _) => self.move_facet(action),
            (
                Some(
                    Overlay::Note(_)
                    | Overlay::Name(_)
                    | Overlay::Confirm(_)
                    | Overlay::Unsaved { .. },
                ),
                _,
            ) => {}
            (None, Focus::List(k)) => self.move_in_list(k, action),
            (None, Focus::Detail(_)) => {
                let (doc, rows) = self.detail_view();
                self.detail.apply(action, &doc, rows);
                self.sync_bar();
            }
            (None, Focus::Shortlist) => {
                let rows = self.shortlist_rows();
                self.shortlist.apply(action, rows);
            }
            (None, Focus::Compare) => self.compare_move(action),
        }
    }

    /// Moves in a kind's list; a new row shows its detail from the top.
    fn move_in_list(&mut self, kind: Kind, action: Action) {
        let (len, rows) = (self.list_len(kind), self.list_rows());
        if self.lists[kind_index(kind)].apply(action, len, rows) {
            self.detail = DetailPane::default();
            self.costs_list_moved(kind);
        }
    }

    /// Scrolls the pane under the mouse pointer.
    pub(super) fn wheel(&mut self, pane: Pane, down: bool) {
        let action = if down { Action::Down } else { Action::Up };
        let open = self.overlay.as_ref().map(Overlay::pane);
        match pane {
            Pane::Detail if self.focus.kind().is_some() => {
                let (doc, rows) = self.detail_view();
                self.detail.wheel(down, &doc, rows);
            }
            Pane::List if open.is_none() => {
                if let Some(k) = self.focus.kind() {
                    self.move_in_list(k, action);
                }
            }
            Pane::Compare | Pane::Shortlist if open.is_none() => self.move_by(action),
            Pane::Form | Pane::Search | Pane::Help if open == Some(Some(pane)) => {
                self.move_by(action);
            }
            _ => {}
        }
    }

    /// Keeps every position valid for the current size and data.
    pub(super) fn clamp_all(&mut self) {
        let rows = self.list_rows();
        for kind in Kind::ALL {
            let len = self.list_len(kind);
            self.lists[kind_index(kind)].clamp(len, rows);
        }
        let rows = self.shortlist_rows();
        self.shortlist.clamp(rows);
        self.clamp_form();
        let (doc, rows) = self.detail_view();
        self.detail.clamp(&doc, rows);
        match &self.overlay {
            Some(Overlay::Search(_)) => {
                let rows = self.search_rows();
                if let Some(Overlay::Search(s)) = &mut self.overlay {
                    s.clamp(rows);
                }
            }
            Some(Overlay::Help { .. }) => {
                let (rows, len) = self.help_view();
                if let Some(Overlay::Help { scroll }) = &mut self.overlay {
                    *scroll = (*scroll).min(len.saturating_sub(rows));
                }
            }
            _ => {}
        }
        self.clamp_compare();
    }
}
