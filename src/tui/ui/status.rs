//! The status bar: the answer to the last key, or the keys that work where the focus is.

use crate::text;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Draws the status bar.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let mut spans: Vec<Span> = Vec::new();
    match app.status() {
        Some(message) => spans.push(Span::styled(text::sanitize(message), theme.message())),
        None => {
            for (i, (keys, hint)) in app.keymap().hints(app.context()).into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw("  "));
                }
                spans.push(Span::styled(keys, theme.role(crate::tui::doc::Role::Key)));
                spans.push(Span::styled(format!(" {hint}"), Style::new()));
            }
        }
    }
    let marks = app.marks();
    let right = match marks.kind() {
        Some(kind) if !marks.is_empty() => {
            format!(" {} {} marked ", marks.len(), kind.plural().to_lowercase())
        }
        _ => String::new(),
    };
    let right_w = text::width(&right) as u16;
    if right_w > 0 && right_w + 10 < area.width {
        let left = Rect::new(area.x, area.y, area.width - right_w, 1);
        frame.render_widget(Line::from(spans), left);
        frame.render_widget(
            Span::styled(right, theme.mark()),
            Rect::new(area.right() - right_w, area.y, right_w, 1),
        );
    } else {
        frame.render_widget(Line::from(spans), area);
    }
}
