//! The trip-budget form: its three fields (the focused one highlighted) above the budget they give,
//! worked out live in the currency shown.

use super::{doc_window, pane_block};
use crate::model::Unit;
use crate::text;
use crate::tui::app::{App, EstimateForm, FormField};
use crate::tui::doc::Role;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// Draws the form.
pub fn draw(frame: &mut Frame, app: &App, form: &EstimateForm, area: Rect) {
    let theme = app.theme();
    frame.render_widget(Clear, area);
    let (head, results) = layout::form_parts(area);
    let doc = app.form_doc(results.width);
    let rows = usize::from(results.height);
    let len = doc.lines.len();
    let scroll = form.scroll.min(len.saturating_sub(rows));
    let mut title = format!(" Trip budget in {} ", app.view().currency);
    if len > rows && rows > 0 {
        title.push_str(&format!(
            "· lines {}-{} of {len} ",
            scroll + 1,
            (scroll + rows).min(len)
        ));
    }
    frame.render_widget(pane_block(title, true, theme), area);
    if head.is_empty() {
        return;
    }
    let value = |field: FormField, text: String| {
        let style = if form.field == field {
            theme
                .selected()
                .add_modifier(ratatui::style::Modifier::BOLD)
        } else {
            theme.role(Role::Figure)
        };
        Span::styled(format!("‹ {text} ›"), style)
    };
    let label = |s: &'static str| Span::styled(s, theme.role(Role::Label));
    let mut fields = vec![
        label("Sessions "),
        value(FormField::Sessions, form.sessions.to_string()),
    ];
    let rest = vec![
        Span::raw("  "),
        label("Nights "),
        value(FormField::Nights, form.nights.to_string()),
        Span::raw("  "),
        label("Tier "),
        value(FormField::Tier, form.tier.label().to_owned()),
    ];
    let width = usize::from(head.width);
    let spans_width = |spans: &[Span]| spans.iter().map(|s| text::width(&s.content)).sum::<usize>();
    if !form.per_session {
        // What the price covers, where there is room: in full, shorter, or not at all (the
        // budget below says it too).
        let unit = app
            .data()
            .cost(&form.cost)
            .map_or(Unit::FullCourse, |c| c.unit);
        let room = width.saturating_sub(spans_width(&fields) + spans_width(&rest));
        let note = [
            format!(" (price is {})", unit.label()),
            format!(" ({})", unit.label()),
        ]
        .into_iter()
        .find(|n| text::width(n) <= room);
        if let Some(note) = note {
            fields.push(Span::styled(note, theme.dim()));
        }
    }
    fields.extend(rest);
    let hint = [
        "Tab/↑↓ field · ←→ -/+ 0-9 change · PgUp/PgDn scroll · $ currency · Esc closes",
        "Tab field · ←→ 0-9 change · PgDn scroll · $ currency · Esc",
        "Tab field · ←→ change · $ currency · Esc",
        "Tab field · ←→ change",
    ]
    .into_iter()
    .find(|h| text::width(h) <= width)
    .unwrap_or("");
    let lines = vec![
        Line::from(fields),
        Line::styled(hint, theme.dim()),
        Line::styled("─".repeat(usize::from(head.width)), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines), head);
    if results.is_empty() {
        return;
    }
    match app.form_estimate() {
        Some(Err(e)) => frame.render_widget(
            Paragraph::new(text::sanitize(&e.to_string()))
                .style(theme.message())
                .wrap(Wrap { trim: true }),
            results,
        ),
        _ => {
            frame.render_widget(doc_window(&doc.lines, scroll, rows, theme), results);
        }
    }
}
