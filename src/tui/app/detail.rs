//! The detail pane's scroll position and selected link.
//!
//! Moving down selects the next link while it is on screen and scrolls otherwise (moving up likewise),
//! so one pair of keys both reads the text and picks a link to follow.

use crate::tui::action::Action;
use crate::tui::doc::Doc;

/// How far the detail is scrolled and which link is selected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DetailPane {
    /// The first line shown.
    pub scroll: usize,
    /// The selected link, as an index into [`Doc::links`].
    pub link: Option<usize>,
}

/// Lines scrolled by one turn of the mouse wheel.
const WHEEL_LINES: usize = 3;

impl DetailPane {
    fn visible(&self, line: usize, rows: usize) -> bool {
        line >= self.scroll && line < self.scroll + rows
    }

    fn max_scroll(doc: &Doc, rows: usize) -> usize {
        doc.lines.len().saturating_sub(rows)
    }

    /// Selects the first link on screen (none if no link is).
    pub(super) fn select_first_visible(&mut self, doc: &Doc, rows: usize) {
        self.link = doc.links.iter().position(|(l, _)| self.visible(*l, rows));
    }

    fn select_last_visible(&mut self, doc: &Doc, rows: usize) {
        self.link = doc.links.iter().rposition(|(l, _)| self.visible(*l, rows));
    }

    /// Keeps the scroll in range and drops a selected link that is no longer on screen.
    pub(super) fn clamp(&mut self, doc: &Doc, rows: usize) {
        self.scroll = self.scroll.min(Self::max_scroll(doc, rows));
        if let Some(i) = self.link
            && doc
                .links
                .get(i)
                .is_none_or(|(l, _)| !self.visible(*l, rows))
        {
            self.link = None;
        }
    }

    /// Applies a movement to a document of which `rows` lines are shown.
    pub(super) fn apply(&mut self, action: Action, doc: &Doc, rows: usize) {
        let max = Self::max_scroll(doc, rows);
        let links = &doc.links;
        match action {
            Action::Down => {
                let next = match self.link {
                    Some(i) => i + 1,
                    None => links
                        .iter()
                        .position(|(l, _)| *l >= self.scroll)
                        .unwrap_or(links.len()),
                };
                if links.get(next).is_some_and(|(l, _)| self.visible(*l, rows)) {
                    self.link = Some(next);
                } else if self.scroll < max {
                    self.scroll += 1;
                    self.clamp(doc, rows);
                }
            }
            Action::Up => {
                let prev = match self.link {
                    Some(i) => i.checked_sub(1),
                    None => links.iter().rposition(|(l, _)| *l < self.scroll + rows),
                };
                if let Some(p) = prev
                    && self.visible(links[p].0, rows)
                {
                    self.link = Some(p);
                } else if self.scroll > 0 {
                    self.scroll -= 1;
                    self.clamp(doc, rows);
                }
            }
            Action::PageDown => {
                self.scroll = (self.scroll + rows.max(1)).min(max);
                self.select_first_visible(doc, rows);
            }
            Action::PageUp => {
                self.scroll = self.scroll.saturating_sub(rows.max(1));
                self.select_first_visible(doc, rows);
            }
            Action::Top => {
                self.scroll = 0;
                self.select_first_visible(doc, rows);
            }
            Action::Bottom => {
                self.scroll = max;
                self.select_last_visible(doc, rows);
            }
            _ => {}
        }
    }

    /// Scrolls for a turn of the mouse wheel.
    pub(super) fn wheel(&mut self, down: bool, doc: &Doc, rows: usize) {
        self.scroll = if down {
            (self.scroll + WHEEL_LINES).min(Self::max_scroll(doc, rows))
        } else {
            self.scroll.saturating_sub(WHEEL_LINES)
        };
        self.clamp(doc, rows);
    }
}
