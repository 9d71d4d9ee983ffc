//! The compare view: one column per marked record, one row per attribute from
//! [`crate::compare::Comparison`]. The records' names wrap in the header (up to three lines, the
//! rest shortened with "…"; the status line names the focused record in full), and a heavy rule
//! "━" under a name marks the focused column. Rows that differ are marked "≠" and highlighted, and a
//! legend at the foot says what the mark means, how many rows carry it and which keys change the
//! view; the title gives the place among the rows ("row 3 of 17"). Long values wrap without
//! cutting a figure; the sources take one line per record until opened. Rows follow one another
//! without blank lines (every other one on a faint background where the theme has one), and when
//! the columns do not fit they scroll sideways while the attribute column stays.

use super::pane_block;
use crate::compare::{self, Comparison, DIFFERS, MISSING, SOURCES};
use crate::text;
use crate::tui::action::Action;
use crate::tui::app::{App, ComparePane};
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};

/// The most lines a record's name takes in the header.
const HEADER_LINES: usize = 3;

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
    frame.render_widget(
        pane_block(title(c, pane, first, shown, inner.width), focused, theme),
        area,
    );
    if inner.height < 2 || inner.width < 2 {
        return;
    }
    let columns: Vec<usize> = (first..(first + shown).min(n)).collect();
    let col_x = |j: usize| inner.x + attr_w + 1 + j as u16 * col_w;
    let cell_w = usize::from(col_w.saturating_sub(1));
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let put = |frame: &mut Frame, x: u16, y: u16, w: u16, s: String, style: Style| {
        let w = w.min(inner.right().saturating_sub(x));
        if w > 0 && y < inner.bottom() {
            frame.render_widget(Span::styled(s, style), Rect::new(x, y, w, 1));
        }
    };

    // The header: the names, wrapped; the focused one picked out, and "━" under it.
    let names: Vec<Vec<String>> = columns
        .iter()
        .map(|&ci| {
            let name = text::sanitize(&c.columns[ci].name);
            compare::clip_lines(compare::wrap_cell(&name, cell_w), HEADER_LINES, cell_w)
        })
        .collect();
    let header_h = names.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let attribute = compare::shorten("Attribute", usize::from(attr_w));
    put(frame, inner.x, inner.y, attr_w, attribute, bold);
    for (j, lines) in names.iter().enumerate() {
        let style = if columns[j] == pane.focused {
            bold.patch(theme.selected())
        } else {
            bold
        };
        for (k, l) in lines.iter().enumerate() {
            put(
                frame,
                col_x(j),
                inner.y + k as u16,
                col_w.saturating_sub(1),
                l.clone(),
                style,
            );
        }
    }
    let rule_y = inner.y + header_h as u16;
    put(
        frame,
        inner.x,
        rule_y,
        inner.width,
        "─".repeat(usize::from(inner.width)),
        theme.dim(),
    );
    if let Some(j) = columns.iter().position(|&ci| ci == pane.focused) {
        put(
            frame,
            col_x(j),
            rule_y,
            col_w.saturating_sub(1),
            "━".repeat(cell_w),
            Style::new(),
        );
    }

    // The legend at the foot, when there is room for rows above it.
    let legend_h = u16::from(inner.height >= 8);
    let bottom = inner.bottom() - legend_h;
    if legend_h == 1 {
        let line = legend(app, c, pane, inner.width);
        put(frame, inner.x, bottom, inner.width, line, theme.dim());
    }

    // The rows.
    let rows = pane.rows();
    let mut y = rule_y + 1;
    if rows.is_empty() && y < bottom {
        put(
            frame,
            inner.x,
            y,
            inner.width,
            "No row differs: every value is the same".into(),
            Style::new(),
        );
    }
    for (k, &ri) in rows.iter().enumerate().skip(pane.row) {
        if y >= bottom {
            break;
        }
        let row = &c.rows[ri];
        let marker = if row.differs {
            format!("{DIFFERS} ")
        } else {
            "  ".to_owned()
        };
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
            .map(|&ci| cell(c, pane, ri, ci, cell_w))
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
        if k % 2 == 1 {
            let h = (height as u16).min(bottom - y);
            frame
                .buffer_mut()
                .set_style(Rect::new(inner.x, y, inner.width, h), theme.stripe());
        }
        for line in 0..height {
            let yy = y + line as u16;
            if yy >= bottom {
                break;
            }
            if let Some(l) = attr_lines.get(line) {
                put(frame, inner.x, yy, attr_w, l.clone(), attr_style);
            }
            for (j, lines) in value_lines.iter().enumerate() {
                if let Some(l) = lines.get(line) {
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

/// The lines of one cell: its value wrapped (each of its paragraphs on new lines); the sources
/// folded to one line unless opened, and then one bulleted citation a paragraph.
fn cell(
    c: &Comparison,
    pane: &ComparePane,
    row: usize,
    column: usize,
    width: usize,
) -> Vec<String> {
    let r = &c.rows[row];
    let wrap = |paragraphs: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        let clean: Vec<String> = paragraphs.map(text::sanitize).collect();
        compare::wrap_value(&clean.join("\n"), width)
    };
    if r.attribute == SOURCES {
        if !pane.sources_open {
            let folded = text::sanitize(&c.folded_sources(column));
            return vec![compare::shorten(&folded, width)];
        }
        let sources = &c.columns[column].sources;
        if sources.is_empty() {
            return vec![MISSING.to_owned()];
        }
        let bulleted: Vec<String> = sources.iter().map(|s| format!("• {s}")).collect();
        return wrap(&mut bulleted.iter().map(String::as_str));
    }
    let v = r.values[column].as_deref().unwrap_or(MISSING);
    wrap(&mut v.split('\n'))
}

/// The title: the kind, the place among the rows, and the columns shown when they scroll; each
/// part only when it fits whole.
fn title(c: &Comparison, pane: &ComparePane, first: usize, shown: usize, width: u16) -> String {
    let n = c.columns.len();
    let mut parts = vec![format!("Compare {n} {}", c.kind.plural().to_lowercase())];
    parts.push(c.position(pane.row, pane.only_differing));
    if shown < n {
        parts.push(format!("columns {}-{} of {n}", first + 1, first + shown));
    }
    fit(parts, usize::from(width).saturating_sub(2), " ")
}

/// The legend: what "≠" means and how many rows carry it, then the compare view's own keys, as
/// many as fit whole.
fn legend(app: &App, c: &Comparison, pane: &ComparePane, width: u16) -> String {
    let key = |a: Action| app.keymap().key_name(a);
    let mut parts = vec![c.legend()];
    let (_, _, shown) = layout::compare_columns(width, c.columns.len());
    if shown < c.columns.len()
        && let (Some(l), Some(r)) = (key(Action::ColumnLeft), key(Action::ColumnRight))
    {
        parts.push(format!("{l}/{r} other columns"));
    }
    if let Some(k) = key(Action::ToggleDiffering) {
        let what = if pane.only_differing {
            "every row"
        } else {
            "only those"
        };
        parts.push(format!("{k} {what}"));
    }
    if let Some(k) = key(Action::ToggleSources) {
        let what = if pane.sources_open {
            "fold sources"
        } else {
            "all sources"
        };
        parts.push(format!("{k} {what}"));
    }
    if let Some(k) = key(Action::OpenColumn) {
        parts.push(format!("{k} open the ━ record"));
    }
    if let (Some(l), Some(r)) = (key(Action::MoveColumnLeft), key(Action::MoveColumnRight)) {
        parts.push(format!("{l}/{r} move it"));
    }
    let width = usize::from(width);
    let line = fit(parts, width, "");
    compare::shorten(&line, width)
}

/// Parts joined with " · " (the text around them is `pad`), as many as fit whole in `width`; the
/// first always.
fn fit(parts: Vec<String>, width: usize, pad: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.into_iter().enumerate() {
        let next = if i == 0 {
            format!("{pad}{p}{pad}")
        } else {
            format!("{}· {p}{pad}", if pad.is_empty() { " " } else { "" })
        };
        if i > 0 && text::width(&out) + text::width(&next) > width {
            break;
        }
        out.push_str(&next);
    }
    out
}
