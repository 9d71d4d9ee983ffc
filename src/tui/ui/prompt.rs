//! The one-line boxes at the bottom of the screen (writing a note, "overwrite? y/n"), and the box
//! that says in full why the shortlist could not be saved.

use super::{pane_block, truncate};
use crate::text;
use crate::tui::app::{App, NameEdit, NoteEdit, Pending};
use crate::tui::doc::Role;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

/// Draws the note being written, with the cursor at its end.
pub fn note(frame: &mut Frame, app: &App, n: &NoteEdit, area: Rect) {
    let theme = app.theme();
    let inner = layout::inner(area);
    let title = format!(
        " Note on {} · Enter saves, Esc cancels ",
        truncate(
            &text::sanitize(&n.name),
            usize::from(area.width).saturating_sub(40).max(8)
        )
    );
    frame.render_widget(Clear, area);
    frame.render_widget(pane_block(title, true, theme), area);
    if inner.is_empty() {
        return;
    }
    let typed = text::sanitize(&n.text);
    // Show the end of a note longer than the box.
    let room = usize::from(inner.width).saturating_sub(3);
    let mut shown: String = typed.clone();
    while text::width(&shown) > room {
        shown.remove(0);
    }
    let prompt = Line::from(vec![
        Span::styled("> ", theme.role(Role::Key)),
        Span::raw(shown.clone()),
    ]);
    frame.render_widget(prompt, inner);
    let x = usize::from(inner.x) + 2 + text::width(&shown);
    if x < usize::from(inner.right()) {
        frame.set_cursor_position(Position::new(x as u16, inner.y));
    }
}

/// Draws the handout's file name being typed, with the cursor at its end.
pub fn name(frame: &mut Frame, app: &App, n: &NameEdit, area: Rect) {
    let title = if area.width >= 50 {
        " Handout file name · Enter writes, Esc cancels "
    } else {
        " File name · Enter writes "
    };
    line_input(frame, app, title, &n.text, area);
}

/// A one-line text box: a title, `> ` and the end of the text typed, the cursor after it.
fn line_input(frame: &mut Frame, app: &App, title: &str, typed: &str, area: Rect) {
    let theme = app.theme();
    let inner = layout::inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(pane_block(title.to_owned(), true, theme), area);
    if inner.is_empty() {
        return;
    }
    let typed = text::sanitize(typed);
    let room = usize::from(inner.width).saturating_sub(3);
    let mut shown: String = typed;
    let mut cut = false;
    while text::width(&shown) > room {
        shown.remove(0);
        cut = true;
    }
    if cut {
        shown.remove(0);
        shown.insert(0, '…');
    }
    let prompt = Line::from(vec![
        Span::styled("> ", theme.role(Role::Key)),
        Span::raw(shown.clone()),
    ]);
    frame.render_widget(prompt, inner);
    let x = usize::from(inner.x) + 2 + text::width(&shown);
    if x < usize::from(inner.right()) {
        frame.set_cursor_position(Position::new(x as u16, inner.y));
    }
}

/// Draws the question asked before replacing a file.
pub fn confirm(frame: &mut Frame, app: &App, p: &Pending, area: Rect) {
    let theme = app.theme();
    let inner = layout::inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(pane_block(" Replace the file? ", true, theme), area);
    let name = p
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let line = Line::from(vec![
        Span::raw(truncate(
            &format!("{} exists: overwrite? ", text::sanitize(&name)),
            usize::from(inner.width).saturating_sub(4),
        )),
        Span::styled("y/n", theme.role(Role::Key)),
    ]);
    frame.render_widget(line, inner);
}

/// Draws why the shortlist could not be saved, in full, and what can be done: save again, quit
/// without saving (when quitting), or stay with the changes kept.
pub fn unsaved(frame: &mut Frame, app: &App, error: &str, quitting: bool, area: Rect) {
    use ratatui::widgets::{Paragraph, Wrap};
    let theme = app.theme();
    let title = if quitting {
        " Quit with the shortlist not saved? "
    } else {
        " The shortlist could not be saved "
    };
    frame.render_widget(Clear, area);
    frame.render_widget(pane_block(title, true, theme), area);
    let inner = layout::inner(area);
    if inner.is_empty() {
        return;
    }
    let key = |k: &'static str| Span::styled(k, theme.role(Role::Key));
    let mut lines = vec![
        Line::from("Your latest shortlist changes are kept here, but saving them failed:"),
        Line::from(""),
        Line::from(text::sanitize(error)),
        Line::from(""),
    ];
    let mut keys = vec![key("s"), Span::raw(" save again   ")];
    if quitting {
        keys.extend([key("q"), Span::raw(" quit without saving   ")]);
    }
    keys.extend([key("Esc"), Span::raw(" stay (the next change tries again)")]);
    lines.push(Line::from(keys));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
