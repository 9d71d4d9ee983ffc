//! Mouse events -> [`Action`]s, hit-tested against the same pure layout the screen is drawn from.

use super::action::{Action, Pane};
use super::app::{App, Overlay};
use super::layout::{self, visible_offset};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

/// The action a mouse event means on the screen as the app lays it out, if any.
pub fn action(app: &App, event: MouseEvent) -> Option<Action> {
    let areas = app.areas();
    if areas.too_small {
        return None;
    }
    let at = Position::new(event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => click(app, at),
        MouseEventKind::ScrollDown => {
            pane_at(app, at).map(|pane| Action::Wheel { pane, down: true })
        }
        MouseEventKind::ScrollUp => {
            pane_at(app, at).map(|pane| Action::Wheel { pane, down: false })
        }
        _ => None,
    }
}

/// The pane under the pointer (an open overlay takes every event).
fn pane_at(app: &App, at: Position) -> Option<Pane> {
    let a = app.areas();
    if let Some(overlay) = app.overlay() {
        return overlay.pane();
    }
    [
        (a.list, Pane::List),
        (a.detail, Pane::Detail),
        (a.compare, Pane::Compare),
        (a.shortlist, Pane::Shortlist),
    ]
    .into_iter()
    .find(|(r, _)| r.contains(at))
    .map(|(_, p)| p)
}

/// The row of `at` inside `r`, if it is inside.
fn row_in(r: Rect, at: Position) -> Option<usize> {
    r.contains(at).then(|| usize::from(at.y - r.y))
}

/// The index into a whole list of `len` rows of the row `slot` of its pane's inside, scrolled as the
/// drawing scrolls it (from `offset`, keeping `selected` in view); `None` past the end.
fn list_index(
    inner: Rect,
    slot: usize,
    len: usize,
    offset: usize,
    selected: usize,
) -> Option<usize> {
    let rows = layout::list_capacity(inner);
    let offset = visible_offset(offset, selected.min(len.saturating_sub(1)), len, rows);
    let index = offset + slot;
    (slot < rows && index < len).then_some(index)
}

fn click(app: &App, at: Position) -> Option<Action> {
    let a = app.areas();
    match app.overlay() {
        Some(Overlay::Search(s)) => {
            let (_, results) = layout::search_parts(a.overlay);
            let row = row_in(results, at)?;
            let selected = s.selected.min(s.hits.len().saturating_sub(1));
            let offset = visible_offset(
                s.offset,
                selected,
                s.hits.len(),
                usize::from(results.height),
            );
            let index = offset + row;
            return (index < s.hits.len()).then_some(Action::SelectHit(index));
        }
        Some(_) => return None,
        None => {}
    }
    if a.tabs.contains(at) {
        return layout::tab_ranges(&app.tabs(), app.marks().len(), a.tabs)
            .into_iter()
            .find(|(_, r)| r.contains(at))
            .map(|(tab, _)| Action::ShowTab(tab));
    }
    let inner = layout::inner(a.list);
    if let (Some(slot), Some(kind)) = (row_in(inner, at), app.focus().kind()) {
        let pane = app.list(kind);
        return list_index(inner, slot, app.list_len(kind), pane.offset, pane.selected)
            .map(Action::SelectRow);
    }
    let inner = layout::inner(a.shortlist);
    if let Some(slot) = row_in(inner, at) {
        let pane = app.shortlist().pane();
        let len = app.shortlist().list().len();
        return list_index(inner, slot, len, pane.offset, pane.selected).map(Action::SelectRow);
    }
    if a.detail.contains(at) {
        return Some(Action::FocusDetail);
    }
    None
}
