//! The list pane: each record's name and one telling attribute (a condition's category, a therapy's
//! evidence level, a clinic's district, a travel fact's topic); on the Costs tab, the costs view's
//! groups (`super::costs`). A "●" marks a record marked for comparison, a "★" one on the shortlist.

use super::{pane_block, truncate};
use crate::dataset::Dataset;
use crate::model::Kind;
use crate::text;
use crate::tui::app::{App, Focus};
use crate::tui::columns::{GAP, MARKS};
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
        Kind::Travel => data.travel.get(index).map(|t| match &t.value {
            Some(v) => format!("{} · {v}", t.topic.label()),
            None => t.topic.label().to_owned(),
        }),
        // The Costs tab lists cost groups, not records (the costs view, `super::costs`).
        _ => None,
    };
    text::sanitize(&s.unwrap_or_default())
}

/// One list row: the name, its telling attribute, and the record it stands for (the costs view
/// lists groups, which stand for no record).
pub fn row(app: &App, kind: Kind, index: usize) -> Option<(String, String, Option<String>)> {
    if app.shows_costs(kind) {
        return super::costs::group_row(app, index);
    }
    let position = app.row_target(kind, index)?;
    let record = app.data().record_at(kind, position)?;
    Some((
        app.row_name(kind, index)?,
        telling_attribute(app.data(), kind, position),
        Some(record.id().as_str().to_owned()),
    ))
}

/// Draws the list of the kind shown: one line per row, the name, then the attribute dimmed in what
/// room is left, both cut by display width.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(kind) = app.focus().kind() else {
        return;
    };
    let theme = app.theme();
    let focused = matches!(app.focus(), Focus::List(_)) && app.overlay().is_none();
    let len = app.list_len(kind);
    // The whole title when it fits, else its short form (the status bar said it in full).
    let room = usize::from(area.width).saturating_sub(4);
    let full = app.list_title(kind);
    let title = if text::width(&full) <= room {
        full
    } else {
        truncate(&app.list_title_short(kind), room)
    };
    let title = format!(" {title} ");
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
    let pane = app.list(kind);
    let selected = pane.selected.min(len - 1);
    let offset = visible_offset(pane.offset, selected, len, rows);
    let width = usize::from(layout::gutter(inner.width));
    let room = width.saturating_sub(MARKS);
    let columns = app.list_columns(kind, room);
    let mut lines = Vec::new();
    for i in offset..len.min(offset + rows) {
        let Some((name, _, id)) = row(app, kind, i) else {
            continue;
        };
        let marked = id
            .as_deref()
            .is_some_and(|id| app.marks().contains(kind, id));
        let kept = id
            .as_deref()
            .is_some_and(|id| app.shortlist().list().contains(kind, id));
        let row_style = match (i == selected, focused) {
            (true, true) => theme.selected(),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new(),
        };
        let pointer = if i == selected { "▸" } else { " " };
        let mark = if marked { "●" } else { " " };
        let star = if kept { "★ " } else { "  " };
        let badge = if columns.badge_width == 0 {
            String::new()
        } else {
            app.row_badge(kind, i).fit(columns.badge_width)
        };
        let name_room = if badge.is_empty() {
            room
        } else {
            room.saturating_sub(columns.badge_width + GAP)
        };
        let name = columns.name(&name, name_room);
        let pad = name_room.saturating_sub(text::width(&name));
        let attr = if badge.is_empty() {
            String::new()
        } else {
            format!("{}{badge}", " ".repeat(pad + GAP))
        };
        let used = text::width(&name) + text::width(&attr);
        lines.push(Line::from(vec![
            Span::styled(pointer, row_style),
            Span::styled(mark, theme.mark().patch(row_style)),
            Span::styled(star, theme.mark().patch(row_style)),
            Span::styled(name, row_style),
            Span::styled(attr, theme.dim().patch(row_style)),
            Span::styled(" ".repeat(room.saturating_sub(used)), row_style),
        ]));
    }
    frame.render_widget(ratatui::widgets::Paragraph::new(lines), inner);
}
