//! Where each pane goes for a terminal size: one pure function shared by drawing, by scrolling (how many
//! rows a pane shows) and by mouse hit-testing, so the three always agree.

use super::action::Tab;
use super::app::{Focus, Overlay};
use super::doc;
use crate::text;
use ratatui::layout::Rect;

/// Below this many columns or rows the explorer shows only a "terminal too small" notice.
pub const MIN_WIDTH: u16 = 20;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 6;
/// From this many columns on, the list and the detail are shown side by side.
pub const WIDE: u16 = 80;
/// The narrowest a compare column gets before the columns scroll sideways.
pub const MIN_COMPARE_COLUMN: u16 = 24;

/// The screen's regions; a hidden one is an empty rectangle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// True when the terminal is below [`MIN_WIDTH`] x [`MIN_HEIGHT`]: nothing else is drawn.
    pub too_small: bool,
    /// The tab bar (top row).
    pub tabs: Rect,
    /// The list pane, border included.
    pub list: Rect,
    /// The detail pane, border included.
    pub detail: Rect,
    /// The compare view, border included.
    pub compare: Rect,
    /// The shortlist view, border included.
    pub shortlist: Rect,
    /// The status bar (bottom row).
    pub status: Rect,
    /// In presenter mode, the disclaimer's own row above the status bar (the detail panes then have
    /// no disclaimer footer); empty otherwise.
    pub disclaimer: Rect,
    /// The open overlay (search, help, trip budget, note, question), border included.
    pub overlay: Rect,
}

/// What besides the size, focus and overlay shapes the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// The columns the list's rows want, borders included (0: no preference).
    pub list_content: u16,
    /// Steps the user widened (positive) or narrowed (negative) the list pane with `>` and `<`.
    pub list_steps: i16,
    /// Presenter mode: the disclaimer gets a row of its own.
    pub presenter: bool,
}

/// Columns one `<` or `>` moves the list pane's edge.
pub const LIST_STEP: i16 = 4;
/// The narrowest list pane beside the detail.
pub const MIN_LIST: u16 = 20;
/// The narrowest detail pane beside the list.
pub const MIN_DETAIL: u16 = 30;

/// The list pane's width beside the detail in `width` columns: as wide as its rows want, up to half
/// the screen (never under 24 columns), then moved by the user's steps, keeping both panes usable.
pub fn list_width(width: u16, shape: Shape) -> u16 {
    let cap = (width / 2).max(24);
    let wanted = if shape.list_content == 0 {
        (width * 35 / 100).clamp(24, 48)
    } else {
        shape.list_content.clamp(24, cap)
    };
    let stepped = i32::from(wanted) + i32::from(shape.list_steps) * i32::from(LIST_STEP);
    let max = i32::from(width.saturating_sub(MIN_DETAIL).max(MIN_LIST));
    u16::try_from(stepped.clamp(i32::from(MIN_LIST), max)).unwrap_or(MIN_LIST)
}

/// Lays out the screen for a terminal area, the focus and the open overlay, with the list as wide as
/// it was before content widths (see [`areas_with`]).
pub fn areas(size: Rect, focus: Focus, overlay: Option<&Overlay>) -> Areas {
    areas_with(size, focus, overlay, Shape::default())
}

/// Lays out the screen for a terminal area, the focus, the open overlay and the [`Shape`].
pub fn areas_with(size: Rect, focus: Focus, overlay: Option<&Overlay>, shape: Shape) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let tabs = Rect::new(size.x, size.y, size.width, 1);
    let status = Rect::new(size.x, size.bottom() - 1, size.width, 1);
    let mut body = Rect::new(size.x, size.y + 1, size.width, size.height - 2);
    let mut disclaimer = Rect::default();
    if shape.presenter && body.height > 3 {
        body.height -= 1;
        disclaimer = Rect::new(size.x, body.bottom(), size.width, 1);
    }
    let mut a = Areas {
        tabs,
        status,
        disclaimer,
        ..Areas::default()
    };
    match focus {
        Focus::Compare => a.compare = body,
        Focus::Shortlist => a.shortlist = body,
        _ if size.width >= WIDE => {
            let list_w = list_width(size.width, shape);
            a.list = Rect::new(body.x, body.y, list_w, body.height);
            a.detail = Rect::new(body.x + list_w, body.y, body.width - list_w, body.height);
        }
        Focus::List(_) => a.list = body,
        Focus::Detail(_) => a.detail = body,
    }
    a.overlay = match overlay {
        None => Rect::default(),
        // A one-line question or text input sits at the bottom, over the panes.
        Some(o) if o.is_prompt() && body.height >= PROMPT_HEIGHT => Rect::new(
            body.x,
            body.bottom() - PROMPT_HEIGHT,
            body.width,
            PROMPT_HEIGHT,
        ),
        // The others cover the panes: nothing half-hidden shows around them.
        Some(_) => body,
    };
    a
}

/// A pane's content width less the column kept clear before its right border (none when too narrow
/// to spare it), so a figure never runs into the border.
pub fn gutter(width: u16) -> u16 {
    if width > 10 { width - 1 } else { width }
}

/// Rows of the note and question boxes, borders included.
pub const PROMPT_HEIGHT: u16 = 3;

/// The inside of a pane drawn with a border on every side.
pub fn inner(r: Rect) -> Rect {
    if r.width < 2 || r.height < 2 {
        return Rect::new(r.x, r.y, 0, 0);
    }
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

/// How many list items fit in a list pane's inside: one line each (the name, then the telling
/// attribute dimmed where there is room).
pub fn list_capacity(list_inner: Rect) -> usize {
    usize::from(list_inner.height)
}

/// The detail pane's inside split into the scrolling content and the disclaimer footer (one or two
/// lines; none when the disclaimer has a row of its own, in presenter mode: see [`Areas::disclaimer`]).
pub fn detail_parts(detail: Rect, footer: bool) -> (Rect, Rect) {
    let i = inner(detail);
    let wanted = if footer {
        u16::try_from(doc::disclaimer(usize::from(i.width)).len()).unwrap_or(2)
    } else {
        0
    };
    let footer_h = wanted.min(i.height / 2);
    // One column is kept clear on the right, so nothing written runs into the border.
    let content = Rect::new(i.x, i.y, gutter(i.width), i.height - footer_h);
    let footer = Rect::new(i.x, i.y + content.height, i.width, footer_h);
    (content, footer)
}

/// The search overlay's inside split into the query line and the results.
pub fn search_parts(overlay: Rect) -> (Rect, Rect) {
    let i = inner(overlay);
    let input = Rect::new(i.x, i.y, i.width, i.height.min(1));
    let results_y = (i.y + 2).min(i.bottom());
    let results = Rect::new(i.x, results_y, i.width, i.bottom() - results_y);
    (input, results)
}

/// The narrowest search results that get a preview of the selected hit beside them.
pub const PREVIEW_MIN_WIDTH: u16 = 96;

/// The search results split into the hits and, when wide enough, a preview of the selected hit on
/// the right (its first column a rule); the preview is empty when too narrow.
pub fn search_preview(results: Rect) -> (Rect, Rect) {
    if results.width < PREVIEW_MIN_WIDTH {
        return (results, Rect::default());
    }
    let hits_w = results.width * 45 / 100;
    let hits = Rect::new(results.x, results.y, hits_w, results.height);
    let preview = Rect::new(
        results.x + hits_w + 1,
        results.y,
        results.width - hits_w - 1,
        results.height,
    );
    (hits, preview)
}

/// The trip-budget form's inside split into its fields (the values, a key hint and a rule: three
/// rows) and the budget below them.
pub fn form_parts(overlay: Rect) -> (Rect, Rect) {
    let i = inner(overlay);
    let head = Rect::new(i.x, i.y, i.width, i.height.min(FORM_HEAD));
    let results = Rect::new(
        i.x,
        head.bottom(),
        gutter(i.width),
        i.bottom() - head.bottom(),
    );
    (head, results)
}

/// Rows of the form's fields, key hint and rule.
const FORM_HEAD: u16 = 3;

/// The compare view's column geometry for an inside width and a number of records:
/// `(attribute column width, record column width, record columns shown at once)`.
pub fn compare_columns(width: u16, records: usize) -> (u16, u16, usize) {
    let attr = (width / 4).clamp(12, 28).min(width);
    let rest = width.saturating_sub(attr + 1);
    let records_u16 = u16::try_from(records.max(1)).unwrap_or(u16::MAX);
    let fit = usize::from((rest / MIN_COMPARE_COLUMN).max(1)).min(records.max(1));
    let fit_u16 = u16::try_from(fit).unwrap_or(1);
    let col = if fit >= records {
        rest / records_u16
    } else {
        rest / fit_u16
    };
    (attr, col, fit)
}

/// The tab bar's labels, from the widest form that fits: "1 Conditions", "1 Cond", "1".
pub fn tab_labels(tabs: &[Tab], marked: usize, width: u16) -> Vec<(Tab, String)> {
    let key = |i: usize, t: Tab| match t {
        Tab::Shortlist => "s".to_owned(),
        _ => (i + 1).to_string(),
    };
    let full = |i: usize, t: Tab| match t {
        Tab::Compare => format!(" {} {} ({marked}) ", key(i, t), t.title()),
        _ => format!(" {} {} ", key(i, t), t.title()),
    };
    let short = |i: usize, t: Tab| format!(" {} {} ", key(i, t), &t.title()[..4]);
    let number = |i: usize, t: Tab| format!(" {} ", key(i, t));
    let forms: [&dyn Fn(usize, Tab) -> String; 3] = [&full, &short, &number];
    let mut labels = Vec::new();
    for form in forms {
        labels = tabs
            .iter()
            .enumerate()
            .map(|(i, t)| (*t, form(i, *t)))
            .collect::<Vec<_>>();
        let total: usize = labels.iter().map(|(_, l)| text::width(l) + 1).sum();
        if total <= usize::from(width) {
            break;
        }
    }
    labels
}

/// Where each tab label sits on the tab bar (one column of separator between labels).
pub fn tab_ranges(tabs: &[Tab], marked: usize, bar: Rect) -> Vec<(Tab, Rect)> {
    let mut x = bar.x;
    let mut out = Vec::new();
    for (tab, label) in tab_labels(tabs, marked, bar.width) {
        let w = u16::try_from(text::width(&label)).unwrap_or(u16::MAX);
        let w = w.min(bar.right().saturating_sub(x));
        out.push((tab, Rect::new(x, bar.y, w, 1)));
        x = x.saturating_add(w + 1).min(bar.right());
    }
    out
}

/// The first row to show so that `selected` is visible in `rows` rows, starting from `offset` and
/// moving it as little as possible; never leaves blank rows at the end of a list of `len`.
pub fn visible_offset(offset: usize, selected: usize, len: usize, rows: usize) -> usize {
    if rows == 0 || len == 0 {
        return 0;
    }
    let mut offset = offset.min(len.saturating_sub(rows));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + rows {
        offset = selected + 1 - rows;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::tui::app::{NoteEdit, SearchPane};

    #[test]
    fn every_size_lays_out_without_overflow() {
        let note = NoteEdit {
            kind: Kind::Therapy,
            id: "t".into(),
            name: "T".into(),
            text: String::new(),
        };
        let overlays = [
            None,
            Some(Overlay::Search(SearchPane::default())),
            Some(Overlay::Note(note)),
        ];
        for w in 0..130u16 {
            for h in 0..45u16 {
                let size = Rect::new(0, 0, w, h);
                for focus in [
                    Focus::List(Kind::Condition),
                    Focus::Detail(Kind::Clinic),
                    Focus::Compare,
                    Focus::Shortlist,
                ] {
                    for (overlay, presenter) in
                        overlays.iter().flat_map(|o| [(o, false), (o, true)])
                    {
                        let shape = Shape {
                            list_content: w / 2,
                            list_steps: i16::try_from(h % 7).unwrap_or(0) - 3,
                            presenter,
                        };
                        let a = areas_with(size, focus, overlay.as_ref(), shape);
                        let all = [
                            a.tabs,
                            a.list,
                            a.detail,
                            a.compare,
                            a.shortlist,
                            a.status,
                            a.overlay,
                            a.disclaimer,
                        ];
                        for r in all {
                            assert!(
                                r.is_empty() || size.contains(r.as_position()),
                                "{r:?} in {size:?}"
                            );
                            assert!(r.right() <= size.right() && r.bottom() <= size.bottom());
                        }
                        let (c, f) = detail_parts(a.detail, !presenter);
                        assert!(c.bottom() <= f.bottom().max(c.bottom()));
                        let _ = search_parts(a.overlay);
                    }
                }
            }
        }
    }

    #[test]
    fn the_list_is_as_wide_as_its_rows_within_bounds_and_moves_by_steps() {
        let shape = |list_content, list_steps| Shape {
            list_content,
            list_steps,
            presenter: false,
        };
        assert_eq!(list_width(80, shape(30, 0)), 30, "what the rows want");
        assert_eq!(
            list_width(80, shape(60, 0)),
            40,
            "at most half of 80 columns"
        );
        assert_eq!(list_width(80, shape(10, 0)), 24, "never under 24 by itself");
        assert_eq!(list_width(80, shape(30, 2)), 38, "two steps wider");
        assert_eq!(
            list_width(80, shape(40, 4)),
            50,
            "up to the detail's 30 columns"
        );
        assert_eq!(
            list_width(80, shape(30, 9)),
            50,
            "the detail keeps 30 columns"
        );
        assert_eq!(
            list_width(80, shape(30, -9)),
            20,
            "the list keeps 20 columns"
        );
        assert_eq!(list_width(120, shape(70, 0)), 60);
    }

    #[test]
    fn presenter_mode_gives_the_disclaimer_a_row_above_the_status_bar() {
        let shape = Shape {
            presenter: true,
            ..Shape::default()
        };
        let a = areas_with(
            Rect::new(0, 0, 80, 24),
            Focus::List(Kind::Therapy),
            None,
            shape,
        );
        assert_eq!(a.disclaimer, Rect::new(0, 22, 80, 1));
        assert_eq!(a.list.bottom(), 22);
        assert_eq!(detail_parts(a.detail, false).1.height, 0, "no footer then");
    }

    #[test]
    fn offsets_keep_the_selection_visible() {
        assert_eq!(visible_offset(0, 12, 20, 10), 3);
        assert_eq!(visible_offset(5, 2, 20, 10), 2);
        assert_eq!(visible_offset(15, 19, 20, 10), 10);
        assert_eq!(visible_offset(3, 3, 5, 0), 0);
    }
}
