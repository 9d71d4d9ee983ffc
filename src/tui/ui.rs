//! Drawing: every pane is drawn from `&App` and changes nothing. Where each pane goes comes from the
//! same pure [`layout::areas`] the app and the mouse use.

mod compare;
mod costs;
mod detail;
mod facets;
mod form;
mod help;
mod list;
pub mod loading;
mod prompt;
mod search;
mod shortlist;
mod status;
mod tabs;

use super::app::{App, Overlay};
use super::doc::{DocLine, Role};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let a = layout::areas_with(area, app.focus(), app.overlay(), app.shape());
    if a.too_small {
        too_small(frame, area);
        return;
    }
    tabs::draw(frame, app, a.tabs);
    if !a.compare.is_empty() {
        compare::draw(frame, app, a.compare);
    }
    if !a.list.is_empty() {
        list::draw(frame, app, a.list);
    }
    if !a.detail.is_empty() {
        detail::draw(frame, app, a.detail);
    }
    if !a.shortlist.is_empty() {
        shortlist::draw(frame, app, a.shortlist);
    }
    status::draw(frame, app, a.status);
    if !a.disclaimer.is_empty() {
        status::disclaimer(frame, app, a.disclaimer);
    }
    match app.overlay() {
        Some(Overlay::Search(s)) => search::draw(frame, app, s, a.overlay),
        Some(Overlay::Help { scroll }) => help::draw(frame, app, *scroll, a.overlay),
        Some(Overlay::Estimate(f)) => form::draw(frame, app, f, a.overlay),
        Some(Overlay::Note(n)) => prompt::note(frame, app, n, a.overlay),
        Some(Overlay::Name(n)) => prompt::name(frame, app, n, a.overlay),
        Some(Overlay::Confirm(p)) => prompt::confirm(frame, app, p, a.overlay),
        Some(Overlay::Facets(p)) => facets::draw(frame, app, p, a.overlay),
        Some(Overlay::Unsaved { error, quitting }) => {
            prompt::unsaved(frame, app, error, *quitting, a.overlay);
        }
        None => {}
    }
}

/// The notice shown instead of the explorer when the terminal is too small to be useful.
fn too_small(frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let notice = format!("Terminal too small: needs {MIN_WIDTH}x{MIN_HEIGHT}. q quits.");
    frame.render_widget(Paragraph::new(notice).wrap(Wrap { trim: true }), area);
}

/// A bordered pane with a title; the border is highlighted when the pane has the focus.
fn pane_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: Theme) -> Block<'a> {
    Block::bordered()
        .title(title)
        .border_style(theme.border(focused))
}

/// A string cut to a display width, ending in "…" when cut.
fn truncate(s: &str, width: usize) -> String {
    if text::width(s) <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A line cut to `width` columns, ending in `…` when cut, with one column kept clear at its end;
/// never cut inside a word that holds a figure, a date or a count
/// ([`crate::tui::columns::cut_name`]).
fn fit_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() < width {
        return line;
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = text::width(&span.content);
        if used + w <= room {
            used += w;
            spans.push(span);
            continue;
        }
        let cut = crate::tui::columns::cut_name(&span.content, room - used);
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(spans)
}

/// The `rows` document lines visible from `scroll` on, styled, with nothing selected.
fn doc_window(lines: &[DocLine], scroll: usize, rows: usize, theme: Theme) -> Paragraph<'static> {
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(rows)
        .map(|l| doc_line(l, theme, Style::new()))
        .collect();
    Paragraph::new(shown)
}

/// A document line as a styled line; `extra` is patched over every span (a selection).
fn doc_line(line: &DocLine, theme: Theme, extra: Style) -> Line<'static> {
    Line::from(
        line.spans
            .iter()
            .map(|(s, role)| {
                let style = if *role == Role::Text && s.trim().is_empty() {
                    Style::new()
                } else {
                    theme.role(*role).patch(extra)
                };
                Span::styled(s.clone(), style)
            })
            .collect::<Vec<_>>(),
    )
}

/// Spans of `text` with the chars at `positions` (char indices) highlighted.
fn highlighted(text: &str, positions: &[usize], base: Style, hit: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in text.chars().enumerate() {
        let is_hit = positions.contains(&i);
        if is_hit != run_hit && !run.is_empty() {
            let style = if run_hit { base.patch(hit) } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_hit { base.patch(hit) } else { base };
        spans.push(Span::styled(run, style));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("가나다", 4), "가…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn highlights_runs_of_matched_chars() {
        let s = highlighted("lichen", &[0, 1, 2], Style::new(), Style::new());
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].content, "lic");
    }
}
