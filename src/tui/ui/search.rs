//! The search overlay: the query, and the hits of every kind with their matched letters highlighted.

use super::{highlighted, pane_block};
use crate::search::Hit;
use crate::text;
use crate::tui::app::{App, SearchPane};
use crate::tui::layout::{self, visible_offset};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// The width of the widest kind badge, "[condition]".
const BADGE_WIDTH: usize = 11;

/// One hit as a line: its kind badge, its name, and the field that matched when it is not the name.
fn hit_line(hit: &Hit, theme: Theme, selected: bool) -> Line<'static> {
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let badge = text::pad(&format!("[{}]", hit.kind), BADGE_WIDTH);
    let mut spans = vec![
        Span::styled(badge, theme.badge(hit.kind).patch(base)),
        Span::styled(" ", base),
    ];
    let name = text::sanitize(&hit.name);
    let matched = text::sanitize(&hit.matched);
    if hit.field == "name" {
        spans.extend(highlighted(&matched, &hit.positions, base, theme.matched()));
    } else {
        spans.push(Span::styled(name, base));
        spans.push(Span::styled(
            format!("  {}: ", text::sanitize(&hit.field)),
            theme.dim().patch(base),
        ));
        spans.extend(highlighted(&matched, &hit.positions, base, theme.matched()));
    }
    Line::from(spans)
}

/// Draws the search overlay.
pub fn draw(frame: &mut Frame, app: &App, search: &SearchPane, area: Rect) {
    let theme = app.theme();
    frame.render_widget(Clear, area);
    let title = if search.searching() {
        " Search every kind · searching… "
    } else {
        " Search every kind "
    };
    frame.render_widget(pane_block(title, true, theme), area);
    let (input, results) = layout::search_parts(area);
    if input.is_empty() {
        return;
    }
    let query = text::sanitize(&search.query);
    let prompt = Line::from(vec![
        Span::styled("/ ", theme.role(crate::tui::doc::Role::Key)),
        Span::raw(query.clone()),
    ]);
    frame.render_widget(prompt, input);
    let cursor_x = input.x as usize + 2 + text::width(&query);
    if cursor_x < usize::from(input.right()) {
        frame.set_cursor_position(Position::new(cursor_x as u16, input.y));
    }
    if input.bottom() < results.y {
        let hint = "Enter opens · Up/Down or Ctrl-n/Ctrl-p move · Esc cancels";
        frame.render_widget(
            Span::styled(hint, theme.dim()),
            Rect::new(input.x, input.y + 1, input.width, 1),
        );
    }
    if results.is_empty() {
        return;
    }
    let rows = usize::from(results.height);
    let hits = &search.hits;
    if hits.is_empty() {
        let message = if query.trim().is_empty() {
            "Type a name, an alias, an abbreviation, a district, a doctor... typos are forgiven."
                .to_owned()
        } else {
            format!("No matches for \u{201c}{}\u{201d}", query.trim())
        };
        frame.render_widget(
            Paragraph::new(message)
                .style(theme.dim())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            results,
        );
        return;
    }
    let selected = search.selected.min(hits.len() - 1);
    let offset = visible_offset(search.offset, selected, hits.len(), rows);
    let lines: Vec<Line> = hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, hit)| hit_line(hit, theme, i == selected))
        .collect();
    frame.render_widget(Paragraph::new(lines), results);
}
