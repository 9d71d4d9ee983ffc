//! The shortlist view: the records kept, in the person's order, each with its kind, its name and the
//! note; an entry whose record is no longer in the data shows as "missing: kind id", not dropped.

use super::{pane_block, truncate};
use crate::text;
use crate::tui::app::{App, Focus};
use crate::tui::layout::{self, visible_offset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The width of the widest kind badge, "[condition]".
const BADGE_WIDTH: usize = 11;

/// Draws the shortlist view.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let focused = app.focus() == Focus::Shortlist && app.overlay().is_none();
    let state = app.shortlist();
    let list = state.list();
    let resolved = list.resolve(app.data());
    let title = format!(" Shortlist ({}) ", list.len());
    frame.render_widget(pane_block(title, focused, theme), area);
    let inner = layout::inner(area);
    if inner.is_empty() {
        return;
    }
    if resolved.is_empty() {
        let message = if app.view().visitor {
            "A visitor session keeps nothing. With your key on this server's list, b keeps the \
             selected record here for your next visit."
        } else {
            "Nothing kept yet. In any list, b keeps the selected record here (★ marks it) and n \
             adds a note; here, Enter opens, d removes, K/J reorder, E writes a handout."
        };
        frame.render_widget(
            Paragraph::new(message)
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let rows = layout::list_capacity(inner);
    let len = resolved.len();
    let pane = state.pane();
    let selected = pane.selected.min(len - 1);
    let offset = visible_offset(pane.offset, selected, len, rows);
    let width = usize::from(inner.width);
    let number_w = len.to_string().len() + 2;
    let mut lines = Vec::new();
    for (i, r) in resolved.iter().enumerate().skip(offset).take(rows) {
        let row_style = match (i == selected, focused) {
            (true, true) => theme.selected(),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new(),
        };
        let e = r.entry;
        let pointer = if i == selected { "▸" } else { " " };
        let number = format!("{:>w$} ", format!("{}.", i + 1), w = number_w - 1);
        let badge = text::pad(&format!("[{}]", e.kind), BADGE_WIDTH);
        let name = match &r.name {
            Some(n) => text::sanitize(n),
            None => format!("missing: {} {}", e.kind, text::sanitize(e.id.as_str())),
        };
        let lead = 1 + number_w + BADGE_WIDTH + 1;
        let room = width.saturating_sub(lead);
        // The note is the person's own words: it keeps up to two fifths of the row.
        let note = e.note.as_deref().map(text::sanitize).unwrap_or_default();
        let note_room = if note.is_empty() {
            0
        } else {
            (text::width(&note) + 3).min(room * 2 / 5)
        };
        let name = truncate(&name, room.saturating_sub(note_room));
        let rest = room.saturating_sub(text::width(&name) + 3);
        let note = if !note.is_empty() && rest >= 4 {
            format!(" — {}", truncate(&note, rest))
        } else {
            String::new()
        };
        let used = lead + text::width(&name) + text::width(&note);
        let name_style = if r.is_missing() {
            theme.dim().add_modifier(Modifier::ITALIC)
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(pointer, row_style),
            Span::styled(number, theme.dim().patch(row_style)),
            Span::styled(badge, theme.badge(e.kind).patch(row_style)),
            Span::styled(" ", row_style),
            Span::styled(name, name_style.patch(row_style)),
            Span::styled(
                note,
                theme.role(crate::tui::doc::Role::Claim).patch(row_style),
            ),
            Span::styled(" ".repeat(width.saturating_sub(used)), row_style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
