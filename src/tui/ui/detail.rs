//! The detail pane: the selected record from [`crate::describe`] (a therapy with its timeline), links
//! selectable, or on the Costs tab the selected group's cost chart; the disclaimer in its footer.

use super::{doc_line, pane_block};
use crate::tui::app::{App, Focus};
use crate::tui::doc::{self, Role};
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the detail of the selected record.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let focused = matches!(app.focus(), Focus::Detail(_)) && app.overlay().is_none();
    let (content, footer) = layout::detail_parts(area, !app.view().presenter);
    let document = app.detail_doc(content.width);
    let rows = usize::from(content.height);
    let len = document.lines.len();
    let pane = app.detail();
    let scroll = pane.scroll.min(len.saturating_sub(rows));
    let name = app.detail_name();
    let title = if len > rows && rows > 0 {
        format!(
            " {name} {}-{} of {len} ",
            scroll + 1,
            (scroll + rows).min(len)
        )
    } else {
        format!(" {name} ")
    };
    frame.render_widget(pane_block(title, focused, theme), area);
    if content.is_empty() {
        return;
    }
    if len == 0 {
        frame.render_widget(Span::styled("Nothing selected", theme.dim()), content);
    }
    let lines: Vec<Line> = document
        .lines
        .iter()
        .skip(scroll)
        .take(rows)
        .map(|l| {
            let selected = focused && l.link.is_some() && l.link == pane.link;
            let extra = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            doc_line(l, theme, extra)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), content);
    if footer.is_empty() {
        return;
    }
    let foot: Vec<Line> = doc::disclaimer(usize::from(footer.width))
        .into_iter()
        .map(|l| Line::styled(l, theme.role(Role::Disclaimer)))
        .collect();
    frame.render_widget(Paragraph::new(foot), footer);
}
