//! The list pane: each record's name and one telling attribute (a condition's category, a therapy's
//! evidence level, a clinic's district, a cost range's span and country, a travel fact's topic).

use super::{pane_block, truncate};
use crate::dataset::Dataset;
use crate::model::Kind;
use crate::money;
use crate::text;
use crate::tui::app::{App, Focus};
use crate::tui::layout::{self, visible_offset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The attribute shown under a record's name in the list.
pub fn telling_attribute(data: &Dataset, kind: Kind, index: usize) -> String {
    let s = match kind {
        Kind::Condition => data.conditions.get(index).map(|c| {
            if c.research_only {
                format!("{} · research only", c.category)
            } else {
                c.category.clone()
            }
        }),
        Kind::Therapy => data
            .therapies
            .get(index)
            .map(|t| format!("evidence: {}", t.evidence.label())),
        Kind::Clinic => data.clinics.get(index).map(|c| {
            c.district
                .clone()
                .or_else(|| c.city.clone())
                .unwrap_or_else(|| c.institution.clone())
        }),
        Kind::Cost => data
            .costs
            .ranges
            .get(index)
            .map(|c| format!("{} · {}", money::range_text(c), c.country)),
        Kind::Travel => data.travel.get(index).map(|t| match &t.value {
            Some(v) => format!("{} · {v}", t.topic.label()),
            None => t.topic.label().to_owned(),
        }),
    };
    text::sanitize(&s.unwrap_or_default())
}

/// Draws the list of the kind shown.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(kind) = app.focus().kind() else {
        return;
    };
    let theme = app.theme();
    let focused = matches!(app.focus(), Focus::List(_)) && app.overlay().is_none();
    let data = app.data();
    let len = data.count(kind);
    let title = format!(" {} ({len}) ", kind.plural());
    frame.render_widget(pane_block(title, focused, theme), area);
    let inner = layout::inner(area);
    if inner.is_empty() {
        return;
    }
    if len == 0 {
        frame.render_widget(Span::styled("No records", theme.dim()), inner);
        return;
    }
    let rows = layout::list_capacity(inner);
    let row_h = layout::list_row_height(inner);
    let pane = app.list(kind);
    let selected = pane.selected.min(len - 1);
    let offset = visible_offset(pane.offset, selected, len, rows);
    let width = usize::from(inner.width);
    for (slot, i) in (offset..len.min(offset + rows)).enumerate() {
        let Some(record) = data.record_at(kind, i) else {
            continue;
        };
        let marked = app.marks().contains(kind, record.id().as_str());
        let row_style = match (i == selected, focused) {
            (true, true) => theme.selected(),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new(),
        };
        let pointer = if i == selected { "▸" } else { " " };
        let mark = if marked { "● " } else { "  " };
        let name = truncate(&text::sanitize(record.name()), width.saturating_sub(3));
        let mut lines = vec![Line::from(vec![
            Span::styled(pointer, row_style),
            Span::styled(mark, theme.mark().patch(row_style)),
            Span::styled(text::pad(&name, width.saturating_sub(3)), row_style),
        ])];
        if row_h > 1 {
            let attr = truncate(&telling_attribute(data, kind, i), width.saturating_sub(3));
            lines.push(Line::from(vec![
                Span::styled("   ", row_style),
                Span::styled(
                    text::pad(&attr, width.saturating_sub(3)),
                    theme.dim().patch(row_style),
                ),
            ]));
        }
        let y = inner.y + slot as u16 * row_h;
        let rect = Rect::new(inner.x, y, inner.width, row_h.min(inner.bottom() - y));
        frame.render_widget(ratatui::widgets::Paragraph::new(lines), rect);
    }
}
