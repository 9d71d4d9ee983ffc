//! A list's selection and scroll position, and the movement every list-like pane shares.

use crate::tui::action::Action;
use crate::tui::layout::visible_offset;

/// The selected row of a list and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ListPane {
    /// Index of the selected row.
    pub selected: usize,
    /// Index of the first row shown.
    pub offset: usize,
}

impl ListPane {
    /// Applies a movement for a list of `len` rows of which `rows` are shown; true if the
    /// selection moved.
    pub(super) fn apply(&mut self, action: Action, len: usize, rows: usize) -> bool {
        let before = self.selected;
        self.selected = step(self.selected, len, action, rows);
        self.offset = visible_offset(self.offset, self.selected, len, rows);
        before != self.selected
    }

    /// Selects a row (clamped to the list); true if the selection moved.
    pub(super) fn select(&mut self, index: usize, len: usize, rows: usize) -> bool {
        let before = self.selected;
        self.selected = index.min(len.saturating_sub(1));
        self.offset = visible_offset(self.offset, self.selected, len, rows);
        before != self.selected
    }

    /// Keeps the selection inside the list and visible after the list or the screen changed.
    pub(super) fn clamp(&mut self, len: usize, rows: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = visible_offset(self.offset, self.selected, len, rows);
    }
}

/// Where a movement takes an index in a list of `len` rows with `page` rows on screen.
pub fn step(index: usize, len: usize, action: Action, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    let page = page.max(1);
    match action {
        Action::Up => index.saturating_sub(1),
        Action::Down => (index + 1).min(last),
        Action::PageUp => index.saturating_sub(page),
        Action::PageDown => (index + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => index.min(last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_inside_the_list() {
        assert_eq!(step(0, 5, Action::Up, 3), 0);
        assert_eq!(step(4, 5, Action::Down, 3), 4);
        assert_eq!(step(1, 5, Action::PageDown, 3), 4);
        assert_eq!(step(3, 5, Action::Top, 3), 0);
        assert_eq!(step(0, 0, Action::Bottom, 3), 0);
    }
}
