//! The help overlay, generated from the keymap, with the disclaimer at its top.

use super::{doc_window, pane_block};
use crate::tui::app::App;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

/// Draws the help overlay.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize, area: Rect) {
    let theme = app.theme();
    let inner = layout::inner(area);
    let document = app.help_doc(usize::from(inner.width));
    let rows = usize::from(inner.height);
    let len = document.lines.len();
    let scroll = scroll.min(len.saturating_sub(rows));
    let title = if len > rows && rows > 0 {
        format!(
            " Help {}-{} of {len} ",
            scroll + 1,
            (scroll + rows).min(len)
        )
    } else {
        " Help ".to_owned()
    };
    frame.render_widget(Clear, area);
    frame.render_widget(pane_block(title, true, theme), area);
    frame.render_widget(doc_window(&document.lines, scroll, rows, theme), inner);
}
