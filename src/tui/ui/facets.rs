//! The facet panel: each facet of the tab's kind, its values with how many records have each (among
//! those the other facets keep), a mark on the chosen ones, and the keys that use them.

use super::{pane_block, truncate};
use crate::tui::app::{App, FacetPanel};
use crate::tui::layout::{self, visible_offset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Draws the facet panel over the panes.
pub fn draw(frame: &mut Frame, app: &App, panel: &FacetPanel, area: Rect) {
    let theme = app.theme();
    let Some(kind) = panel.kind else { return };
    let entries = app.facet_entries(kind);
    let title = format!(" Filter {} · {} ", kind.plural(), app.list_title(kind));
    frame.render_widget(Clear, area);
    frame.render_widget(
        pane_block(
            truncate(&title, usize::from(area.width).saturating_sub(4)),
            true,
            theme,
        ),
        area,
    );
    let inner = layout::inner(area);
    if inner.height < 2 {
        return;
    }
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height) - 1;
    // Lines: a heading before each facet's first value. Only the lines on screen are built (a
    // facet of a large dataset has thousands of values).
    let cursor = panel.cursor.min(entries.len().saturating_sub(1));
    let numbered = || {
        let mut last = None;
        let mut line = 0;
        entries.iter().enumerate().map(move |(i, e)| {
            let heading = (last != Some(e.field)).then_some(line);
            last = Some(e.field);
            line += 1 + usize::from(heading.is_some());
            (i, e, heading, line - 1)
        })
    };
    let (at, total) = numbered().fold((0, 0), |(at, _), (i, _, _, line)| {
        (if i == cursor { line } else { at }, line + 1)
    });
    let offset = visible_offset(0, at, total, rows);
    let window = offset..offset + rows;
    let mut shown: Vec<Line> = Vec::new();
    for (i, e, heading, line) in numbered() {
        if line >= window.end {
            break;
        }
        if let Some(h) = heading
            && window.contains(&h)
        {
            shown.push(Line::from(Span::styled(
                e.field.name().to_owned(),
                theme.dim(),
            )));
        }
        if !window.contains(&line) {
            continue;
        }
        let mark = if e.chosen { "[x]" } else { "[ ]" };
        // The counts stand in a column, as in a frequency table.
        let count = e.count.to_string();
        let room = width.saturating_sub(2).min(40);
        let value = truncate(
            &crate::text::sanitize(&e.value),
            room.saturating_sub(count.len() + 6),
        );
        let gap = room.saturating_sub(crate::text::width(&value) + count.len() + 4);
        let text = format!("{mark} {value} {}{count}", " ".repeat(gap));
        let style = if i == cursor {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        shown.push(Line::from(Span::styled(format!("  {text}"), style)));
    }
    let body = Rect {
        height: inner.height - 1,
        ..inner
    };
    if shown.is_empty() {
        frame.render_widget(Span::styled("No values to filter by", theme.dim()), body);
    } else {
        frame.render_widget(Paragraph::new(shown), body);
    }
    let keys = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(
        Span::styled(
            truncate("space/enter choose · c clear all · esc close", width),
            theme.dim(),
        ),
        keys,
    );
}
