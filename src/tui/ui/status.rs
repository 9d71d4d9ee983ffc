//! The status bar: the answer to the last key, or the keys that work where the focus is, as many as
//! fit, the most useful kept first. In presenter mode the disclaimer has a row of its own above it.

use super::truncate;
use crate::text;
use crate::tui::action::{Action, Tab};
use crate::tui::app::{App, Focus};
use crate::tui::doc::{self, Role};
use crate::tui::keymap::Hint;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// True when a hint is worth its room where the user is.
fn relevant(app: &App, action: Action) -> bool {
    let costs = app.on_costs();
    match action {
        Action::Estimate => costs,
        Action::ToggleCurrency => costs || app.estimate_form().is_some(),
        Action::Export => matches!(app.focus(), Focus::Shortlist | Focus::Compare),
        Action::EditNote => app.focus() == Focus::Shortlist,
        Action::ShowTab(Tab::Shortlist) => app.focus() != Focus::Shortlist,
        Action::ToggleMark | Action::OpenCompare => app.focus() != Focus::Shortlist,
        Action::ToggleShortlist => app.focus().kind().is_some(),
        Action::Close => app.overlay().is_some() || !matches!(app.focus(), Focus::List(_)),
        _ => true,
    }
}

/// The hints that fit in `width` columns: chosen by priority, shown in their order.
pub fn fit(hints: Vec<Hint>, width: usize) -> Vec<Hint> {
    let cost = |h: &Hint| text::width(&h.keys) + 1 + text::width(h.word) + 2;
    let mut by_priority: Vec<usize> = (0..hints.len()).collect();
    by_priority.sort_by_key(|&i| hints[i].priority);
    let mut used = 0;
    let mut keep = vec![false; hints.len()];
    for i in by_priority {
        let c = cost(&hints[i]);
        if used + c <= width + 2 {
            used += c;
            keep[i] = true;
        }
    }
    hints
        .into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// Draws the status bar.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let presenter = app.view().presenter;
    let marks = app.marks();
    let mut right = match marks.kind() {
        Some(kind) if !marks.is_empty() => {
            format!(" {} {} marked ", marks.len(), kind.plural().to_lowercase())
        }
        _ => String::new(),
    };
    if presenter {
        let key = app
            .keymap()
            .key_name(Action::TogglePresenter)
            .unwrap_or_default();
        right = if app.view().visitor {
            " visitor · read-only ".into()
        } else {
            format!(" presenter · {key} leaves ")
        };
    }
    let mut right_w = text::width(&right) as u16;
    if right_w + 10 >= area.width {
        right_w = 0;
    }
    let left_w = usize::from(area.width - right_w);
    let mut spans: Vec<Span> = Vec::new();
    match app.status() {
        Some(message) => spans.push(Span::styled(
            truncate(&text::sanitize(message), left_w),
            theme.message(),
        )),
        None => {
            let hints: Vec<Hint> = app
                .keymap()
                .hints(app.context())
                .into_iter()
                .filter(|h| relevant(app, h.action))
                .collect();
            for (i, h) in fit(hints, left_w).into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw("  "));
                }
                spans.push(Span::styled(h.keys, theme.role(Role::Key)));
                spans.push(Span::styled(format!(" {}", h.word), Style::new()));
            }
        }
    }
    let left = Rect::new(area.x, area.y, area.width - right_w, 1);
    frame.render_widget(Line::from(spans), left);
    if right_w > 0 {
        frame.render_widget(
            Span::styled(right, theme.mark()),
            Rect::new(area.right() - right_w, area.y, right_w, 1),
        );
    }
}

/// Draws the disclaimer on its own row (presenter mode): the fullest wording that fits on one line.
pub fn disclaimer(frame: &mut Frame, app: &App, area: Rect) {
    let width = usize::from(area.width);
    let text = [
        crate::describe::DISCLAIMER,
        doc::SHORT_DISCLAIMER,
        doc::SHORTEST_DISCLAIMER,
    ]
    .into_iter()
    .find(|d| text::width(d) <= width)
    .map_or_else(|| truncate(doc::SHORTEST_DISCLAIMER, width), str::to_owned);
    frame.render_widget(Span::styled(text, app.theme().role(Role::Disclaimer)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(keys: &str, word: &'static str, priority: u8) -> Hint {
        Hint {
            action: Action::Quit,
            keys: keys.into(),
            word,
            priority,
            order: 0,
        }
    }

    #[test]
    fn the_most_useful_hints_are_kept_in_their_order() {
        let hints = vec![
            hint("a", "one", 2),
            hint("b", "two", 0),
            hint("c", "three", 1),
        ];
        let kept: Vec<String> = fit(hints, 14).into_iter().map(|h| h.keys).collect();
        assert_eq!(kept, ["b", "c"]);
    }
}
