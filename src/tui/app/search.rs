//! The search overlay's query, its hits and the selected hit.

use super::list::step;
use crate::search::{Hit, SearchIndex};
use crate::tui::action::Action;
use crate::tui::layout::visible_offset;

/// The most hits shown for a query.
pub const MAX_HITS: usize = 50;

/// The longest query kept, in characters.
const MAX_QUERY: usize = 200;

/// The query, its hits (best first), the selected hit and the first one shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchPane {
    /// What has been typed.
    pub query: String,
    /// The hits for the query.
    pub hits: Vec<Hit>,
    /// Index of the selected hit.
    pub selected: usize,
    /// Index of the first hit shown.
    pub offset: usize,
}

impl SearchPane {
    /// Adds a typed character and searches again.
    pub(super) fn input(&mut self, c: char, index: &SearchIndex) {
        if c.is_control() || self.query.chars().count() >= MAX_QUERY {
            return;
        }
        self.query.push(c);
        self.refresh(index);
    }

    /// Deletes the last character and searches again.
    pub(super) fn delete(&mut self, index: &SearchIndex) {
        if self.query.pop().is_some() {
            self.refresh(index);
        }
    }

    fn refresh(&mut self, index: &SearchIndex) {
        self.hits = index.search(&self.query, None, MAX_HITS);
        self.selected = 0;
        self.offset = 0;
    }

    /// Moves the selection among the hits, `rows` of which are shown.
    pub(super) fn apply(&mut self, action: Action, rows: usize) {
        self.selected = step(self.selected, self.hits.len(), action, rows);
        self.offset = visible_offset(self.offset, self.selected, self.hits.len(), rows);
    }

    /// Keeps the selection inside the hits and visible in `rows` rows.
    pub(super) fn clamp(&mut self, rows: usize) {
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        self.offset = visible_offset(self.offset, self.selected, self.hits.len(), rows);
    }

    /// The selected hit, if any.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }
}
