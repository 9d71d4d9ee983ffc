//! The search overlay: the query, and the hits of every kind with their matched letters highlighted.

use super::{highlighted, pane_block};
use crate::search::Hit;
use crate::text;
use crate::tui::app::{App, MAX_HITS, SearchPane};
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
    // Why else it matched (links, places, qualifiers), and the words it lacks.
    let shown = format!("{}: {}", hit.field, hit.matched);
    let mut why: Vec<&str> = hit
        .why
        .iter()
        .map(String::as_str)
        .filter(|w| *w != shown && !(hit.field == "name" && *w == format!("name: {}", hit.name)))
        .collect();
    let missed = format!("missed: {}", hit.missed.join(", "));
    if !hit.missed.is_empty() {
        why.push(&missed);
    }
    if !why.is_empty() {
        spans.push(Span::styled(
            format!("  · {}", text::sanitize(&why.join(" · "))),
            theme.dim().patch(base),
        ));
    }
    Line::from(spans)
}

/// The end of `s` that fits in `room` columns, `…` first when the start is left out.
fn tail(s: &str, room: usize) -> String {
    if text::width(s) <= room {
        return s.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > room {
            break;
        }
        w += cw;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Draws the search overlay.
pub fn draw(frame: &mut Frame, app: &App, search: &SearchPane, area: Rect) {
    let theme = app.theme();
    frame.render_widget(Clear, area);
    let scope = match app.search_scope() {
        Some(kind) => format!("Search within {}", app.list_title(kind)),
        None => "Search every kind".to_owned(),
    };
    let title = if search.searching() {
        format!(" {scope} · searching… ")
    } else {
        match search.hits.len() {
            _ if search.query().trim().is_empty() => format!(" {scope} "),
            0 => format!(" {scope} · no hits "),
            1 => format!(" {scope} · 1 hit "),
            n if n >= MAX_HITS => format!(" {scope} · first {n} hits "),
            n => format!(" {scope} · {n} hits "),
        }
    };
    let title = super::truncate(&title, usize::from(area.width).saturating_sub(2));
    frame.render_widget(pane_block(title, true, theme), area);
    let (input, results) = layout::search_parts(area);
    if input.is_empty() {
        return;
    }
    let query = text::sanitize(search.query());
    let (before, after) = search.line.split();
    let (before, after) = (text::sanitize(before), text::sanitize(after));
    // The part of the line shown: the end of what is before the cursor when the line is too long.
    let room = usize::from(input.width).saturating_sub(3);
    let shown_before = tail(&before, room);
    let mut under = after.chars();
    let at = under.next().map_or_else(|| " ".to_owned(), String::from);
    let prompt = Line::from(vec![
        Span::styled("/ ", theme.role(crate::tui::doc::Role::Key)),
        Span::raw(shown_before.clone()),
        Span::styled(at, theme.selected()),
        Span::raw(under.collect::<String>()),
    ]);
    frame.render_widget(prompt, input);
    let cursor_x = input.x as usize + 2 + text::width(&shown_before);
    if cursor_x < usize::from(input.right()) {
        frame.set_cursor_position(Position::new(cursor_x as u16, input.y));
    }
    if input.bottom() < results.y {
        let hint = "Enter opens · Up/Down move · Ctrl-p/n earlier searches · Esc closes";
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
    let (results, preview) = layout::search_preview(results);
    if !preview.is_empty() {
        draw_preview(frame, app, &hits[selected], preview);
    }
    let lines: Vec<Line> = hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, hit)| {
            super::fit_line(
                hit_line(hit, theme, i == selected),
                usize::from(results.width),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), results);
}

/// The selected hit's record beside the hits, as the detail pane would show it, from the top.
fn draw_preview(frame: &mut Frame, app: &App, hit: &Hit, area: Rect) {
    let theme = app.theme();
    let Some(d) = app.data().describe(hit.kind, &hit.id) else {
        return;
    };
    let (rule, content) = (
        Rect::new(area.x, area.y, 1, area.height),
        Rect::new(
            area.x + 2,
            area.y,
            area.width.saturating_sub(2),
            area.height,
        ),
    );
    let bar: Vec<Line> = (0..area.height)
        .map(|_| Line::styled("│", theme.dim()))
        .collect();
    frame.render_widget(Paragraph::new(bar), rule);
    let opts = crate::tui::doc::DetailOptions {
        presenter: app.view().presenter,
        timeline: None,
    };
    let doc = crate::tui::doc::detail_with(&d, usize::from(content.width), opts);
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .take(usize::from(content.height))
        .map(|l| super::doc_line(l, theme, Style::new()))
        .collect();
    frame.render_widget(Paragraph::new(lines), content);
}
