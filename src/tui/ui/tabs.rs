//! The tab bar: one tab per kind, Compare once records are marked, and the shortlist; at the right the
//! program's name, or in presenter mode a badge saying so.

use crate::tui::app::App;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

/// The program's name, shown at the right of the tab bar when there is room.
const NAME: &str = " clinic-explorer ";

/// The badge at the right of the tab bar in presenter mode.
const PRESENTER: &str = " PRESENTER ";

/// Draws the tab bar.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let tabs = app.tabs();
    let marked = app.marks().len();
    let name = if app.view().presenter {
        PRESENTER
    } else {
        NAME
    };
    let labels = layout::tab_labels(&tabs, marked, area.width);
    let ranges = layout::tab_ranges(&tabs, marked, area);
    let current = app.focus().tab();
    let mut end = area.x;
    for ((tab, label), (_, rect)) in labels.into_iter().zip(ranges) {
        if rect.is_empty() {
            break;
        }
        let style = if tab == current {
            theme.tab_active()
        } else {
            Style::new()
        };
        frame.render_widget(Span::styled(label, style), rect);
        end = rect.right();
        if end < area.right() {
            frame.render_widget(Span::styled("│", theme.dim()), Rect::new(end, area.y, 1, 1));
            end += 1;
        }
    }
    let name_w = crate::text::width(name) as u16;
    if area.right().saturating_sub(end) > name_w {
        let x = area.right() - name_w;
        let style = if app.view().presenter {
            theme.tab_active()
        } else {
            theme.dim()
        };
        frame.render_widget(Span::styled(name, style), Rect::new(x, area.y, name_w, 1));
    }
}
