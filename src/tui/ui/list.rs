//! The list pane: each record's name and one telling attribute (a condition's category, a therapy's
//! evidence level, a clinic's district, a travel fact's topic); on the Costs tab, the costs view's
//! groups (`super::costs`). A "●" marks a record marked for comparison, a "★" one on the shortlist.

use super::{pane_block, truncate};
use crate::dataset::Dataset;
use crate::model::Kind;
use crate::text;
use crate::tui::app::{App, Focus};
use crate::tui::columns::{self, GAP, MARKS};
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
    let (before, after) = app.row_decor(kind, index);
    Some((
        format!("{before}{}{after}", text::sanitize(record.name())),
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
    let columns = Columns::measure(app, kind, len, room);
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
        let badge = columns.badge(app, kind, i, id.as_deref());
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

/// The narrowest a name gets to give its badge room.
const MIN_NAME: usize = 12;

/// The most columns a name keeps from its badge.
const NAME_WANT: usize = 24;

/// The list's column of badges: where it starts, and which names share a beginning (those are cut
/// in the middle, so rows stay told apart).
struct Columns {
    /// Columns the badges get (0: no badges).
    badge_width: usize,
    /// Names that would look the same when cut at their end, and how many words they share first.
    shared_starts: std::collections::HashMap<String, usize>,
    /// Columns a name may take when it has a badge beside it.
    name_room: usize,
}

impl Columns {
    fn measure(app: &App, kind: Kind, len: usize, room: usize) -> Columns {
        let mut widest = 0;
        let mut least = 0;
        let mut names = Vec::with_capacity(len);
        for i in 0..len {
            let b = if app.shows_costs(kind) {
                let group = app.row_target(kind, i).unwrap_or(usize::MAX);
                columns::group_badge(app.data(), group, app.view().currency)
            } else {
                let id = row(app, kind, i).and_then(|r| r.2);
                record_badge(app, kind, id.as_deref())
            };
            widest = widest.max(text::width(&b.full()));
            least = least.max(b.least());
            if let Some((name, _, _)) = row(app, kind, i) {
                names.push(name);
            }
        }
        // Badges get what they want while names keep what they want up to 24 columns, and always
        // room for every row's most important part in its shortest form: a name is cut before a
        // figure is dropped.
        let name_want = names
            .iter()
            .map(|n| text::width(n))
            .max()
            .unwrap_or(0)
            .min(NAME_WANT);
        let badge_width = widest.min(room.saturating_sub(name_want + GAP).max(least));
        let badge_width = if room.saturating_sub(badge_width + GAP) < MIN_NAME {
            room.saturating_sub(MIN_NAME + GAP)
        } else {
            badge_width
        };
        let name_room = room.saturating_sub(badge_width + GAP);
        // Names cut alike: the words they share at the start, left out in their place.
        let mut alike: std::collections::HashMap<String, Vec<&str>> = Default::default();
        for n in &names {
            if text::width(n) > name_room {
                alike
                    .entry(columns::cut_name(n, name_room))
                    .or_default()
                    .push(n);
            }
        }
        let shared_starts = alike
            .into_iter()
            .filter(|(_, group)| group.len() > 1)
            .map(|(cut, group)| (cut, columns::shared_words(&group)))
            .collect();
        Columns {
            badge_width,
            shared_starts,
            name_room,
        }
    }

    /// A row's badge in the room the column has.
    fn badge(&self, app: &App, kind: Kind, index: usize, id: Option<&str>) -> String {
        if self.badge_width == 0 {
            return String::new();
        }
        let b = if app.shows_costs(kind) {
            // The group the row shows (sorted or narrowed, the rows are not in file order).
            let group = app.row_target(kind, index).unwrap_or(usize::MAX);
            columns::group_badge(app.data(), group, app.view().currency)
        } else {
            record_badge(app, kind, id)
        };
        b.fit(self.badge_width)
    }

    /// A name in `room` columns: whole, cut at its end, or, when names share that beginning, cut in
    /// the middle.
    fn name(&self, name: &str, room: usize) -> String {
        let end = columns::cut_name(name, room);
        match self.shared_starts.get(&end) {
            Some(&words) if room == self.name_room && words > 0 => {
                columns::cut_name(&columns::without_first_words(name, words), room)
            }
            _ => end,
        }
    }
}

/// The badge of the record a row stands for.
fn record_badge(app: &App, kind: Kind, id: Option<&str>) -> columns::Badge {
    id.and_then(|id| app.data().position(kind, id))
        .map(|p| columns::badge(app.data(), kind, p))
        .unwrap_or_default()
}
