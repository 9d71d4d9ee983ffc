//! The compare view: one column per marked record, one row per attribute from
//! [`crate::compare::Comparison`]. Rows that differ are marked "≠" and highlighted, long values wrap,
//! rows follow one another without blank lines (every other one on a faint background where the theme
//! has one), and when the columns do not fit they scroll sideways while the attribute column stays.

use super::{pane_block, truncate};
use crate::compare::MISSING;
use crate::text;
use crate::tui::app::App;
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the compare view.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let focused = app.overlay().is_none();
    let pane = app.compare();
    let Some(c) = &pane.comparison else {
        frame.render_widget(pane_block(" Compare ", focused, theme), area);
        let message = format!(
            "{} marked. Mark 2 to 4 records of one kind with Space in a list, then press c.",
            app.marks().len()
        );
        frame.render_widget(
            Paragraph::new(message).wrap(Wrap { trim: true }),
            layout::inner(area),
        );
        return;
    };
    let inner = layout::inner(area);
    let n = c.columns.len();
    let (attr_w, col_w, shown) = layout::compare_columns(inner.width, n);
    let first = pane.column.min(n.saturating_sub(shown));
    let mut title = format!(" Compare {} {} ", n, c.kind.plural().to_lowercase());
    if shown < n {
        title.push_str(&format!(
            "· columns {}-{} of {n}, h/l scroll ",
            first + 1,
            first + shown
        ));
    }
    frame.render_widget(pane_block(title, focused, theme), area);
    if inner.height < 2 || inner.width < 2 {
        return;
    }
    let columns: Vec<usize> = (first..(first + shown).min(n)).collect();
    let col_x = |j: usize| inner.x + attr_w + 1 + j as u16 * col_w;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let put = |frame: &mut Frame, x: u16, y: u16, w: u16, s: String, style: Style| {
        let w = w.min(inner.right().saturating_sub(x));
        if w > 0 && y < inner.bottom() {
            frame.render_widget(Span::styled(s, style), Rect::new(x, y, w, 1));
        }
    };
    put(
        frame,
        inner.x,
        inner.y,
        attr_w,
        truncate("Attribute", usize::from(attr_w)),
        bold,
    );
    for (j, &ci) in columns.iter().enumerate() {
        let name = truncate(
            &text::sanitize(&c.columns[ci].name),
            usize::from(col_w.saturating_sub(1)),
        );
        put(
            frame,
            col_x(j),
            inner.y,
            col_w.saturating_sub(1),
            name,
            bold,
        );
    }
    put(
        frame,
        inner.x,
        inner.y + 1,
        inner.width,
        "─".repeat(usize::from(inner.width)),
        theme.dim(),
    );
    let mut y = inner.y + 2;
    for (n, row) in c.rows.iter().enumerate().skip(pane.row) {
        if y >= inner.bottom() {
            break;
        }
        let marker = if row.differs { "≠ " } else { "  " };
        let attr_style = if row.differs {
            theme.differs().add_modifier(Modifier::BOLD)
        } else {
            bold
        };
        let attr_lines = text::wrap(
            &format!("{marker}{}", text::sanitize(&row.attribute)),
            usize::from(attr_w),
        );
        let value_lines: Vec<Vec<String>> = columns
            .iter()
            .map(|&ci| {
                let v = row.values[ci].as_deref().unwrap_or(MISSING);
                text::wrap(&text::sanitize(v), usize::from(col_w.saturating_sub(1)))
            })
            .collect();
        let height = value_lines
            .iter()
            .map(Vec::len)
            .chain([attr_lines.len()])
            .max()
            .unwrap_or(1);
        let value_style = if row.differs {
            theme.differs()
        } else {
            Style::new()
        };
        if n % 2 == 1 {
            let h = (height as u16).min(inner.bottom() - y);
            frame
                .buffer_mut()
                .set_style(Rect::new(inner.x, y, inner.width, h), theme.stripe());
        }
        for k in 0..height {
            let yy = y + k as u16;
            if yy >= inner.bottom() {
                break;
            }
            if let Some(l) = attr_lines.get(k) {
                put(frame, inner.x, yy, attr_w, l.clone(), attr_style);
            }
            for (j, lines) in value_lines.iter().enumerate() {
                if let Some(l) = lines.get(k) {
                    put(
                        frame,
                        col_x(j),
                        yy,
                        col_w.saturating_sub(1),
                        l.clone(),
                        value_style,
                    );
                }
            }
        }
        y = y.saturating_add(height as u16);
    }
}
