//! The screen shown while a large dataset loads: what is being loaded, a gauge, the step under way,
//! and how to cancel. Drawn from the progress alone: there is no app yet.

use super::pane_block;
use crate::dataset::progress::Progress;
use crate::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Gauge, Paragraph};

/// Draws the loading screen: `what` is being loaded, `progress` says how far it has got.
pub fn draw(frame: &mut Frame, what: &str, progress: Progress, theme: Theme) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    let width = area.width.min(72);
    let height = area.height.min(7);
    if width < 10 || height < 3 {
        frame.render_widget(Paragraph::new(format!("{}%", progress.permille / 10)), area);
        return;
    }
    let outer = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = pane_block(" clinic-explorer ", true, theme);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .split(inner);
    let what = text::sanitize(what);
    let room = usize::from(inner.width);
    frame.render_widget(
        Line::from(super::truncate(&format!("Loading {what}"), room)),
        rows[0],
    );
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.selected())
            .use_unicode(true)
            .ratio(progress.ratio())
            .label(format!("{}%", progress.permille / 10)),
        rows[1],
    );
    frame.render_widget(
        Line::styled(
            super::truncate(&progress.step.describe(), room),
            theme.dim(),
        ),
        rows[2],
    );
    frame.render_widget(
        Line::styled(super::truncate("q or Esc cancels", room), theme.dim()),
        rows[3],
    );
}
