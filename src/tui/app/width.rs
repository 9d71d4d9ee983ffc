//! How wide the list pane is: as wide as its rows want (the names and their badges, see
//! [`crate::tui::columns`]), changed a step at a time with `<` and `>`.

use super::App;
use crate::model::Kind;
use crate::text;
use crate::tui::columns::{self, GAP, MARKS};
use crate::tui::layout::{self, Shape};

/// The widest a name makes the list want to be; a longer one is cut, its whole in the detail.
pub const NAME_CAP: usize = 28;

impl App {
    /// The columns a kind's list rows want, borders included: the widest name (up to [`NAME_CAP`])
    /// and the widest badge beside it.
    pub fn list_content(&self, kind: Kind) -> u16 {
        use std::hash::{Hash, Hasher};
        let title = self.list_title_short(kind);
        let mut h = std::hash::DefaultHasher::new();
        (kind, self.view.currency, self.list_len(kind), &title).hash(&mut h);
        let key = h.finish();
        if let Some((k, w)) = self.list_width_cache.get()
            && k == key
        {
            return w;
        }
        let w = self.measure_list(kind, &title);
        self.list_width_cache.set(Some((key, w)));
        w
    }

    fn measure_list(&self, kind: Kind, title: &str) -> u16 {
        let n = self.list_len(kind);
        let mut name = 0;
        let mut badge = 0;
        for i in 0..n {
            let (nm, b) = if self.shows_costs(kind) {
                let Some(group) = self.row_target(kind, i) else {
                    continue;
                };
                let nm =
                    crate::chart::group_at(&self.data, group).map_or(0, |g| text::width(&g.name));
                (
                    nm,
                    columns::group_badge(&self.data, group, self.view.currency).full(),
                )
            } else {
                let Some(position) = self.row_target(kind, i) else {
                    continue;
                };
                let (before, after) = self.row_decor(kind, i);
                let nm = self.data.record_at(kind, position).map_or(0, |r| {
                    text::width(&before) + text::width(r.name()) + text::width(&after)
                });
                (nm, columns::badge(&self.data, kind, position).full())
            };
            name = name.max(nm.min(NAME_CAP));
            badge = badge.max(text::width(&b));
        }
        let gap = if badge > 0 { GAP } else { 0 };
        // Borders, marks, the name, the gap, the badge and the column kept clear before the border;
        // and room for the list's title in its short form.
        let rows = 2 + MARKS + name + gap + badge + 1;
        let title = text::width(title) + 4;
        u16::try_from(rows.max(title)).unwrap_or(u16::MAX)
    }

    /// What shapes the screen besides its size, focus and overlay: the list's wanted width, the
    /// user's steps, presenter mode.
    pub fn shape(&self) -> Shape {
        Shape {
            list_content: self.focus.kind().map_or(0, |k| self.list_content(k)),
            list_steps: self.view.list_steps,
            presenter: self.view.presenter,
        }
    }

    /// The help document for a width; in presenter mode without its disclaimer, which has a row of
    /// its own there.
    pub fn help_doc(&self, width: usize) -> crate::tui::doc::Doc {
        let mut d = crate::tui::doc::help(&self.keymap, width);
        if self.view.presenter {
            d.lines.retain(|l| {
                !l.spans
                    .iter()
                    .any(|(_, role)| *role == crate::tui::doc::Role::Disclaimer)
            });
        }
        d
    }

    /// `>` (wider) and `<` (narrower): moves the list pane's right edge a step and says how wide it
    /// is now.
    pub(super) fn step_list_width(&mut self, wider: bool) {
        let Some(kind) = self.focus.kind() else {
            self.status = Some("< and > change the list's width where a list is shown".into());
            return;
        };
        if self.size.width < layout::WIDE {
            self.status = Some(format!(
                "The list fills the screen below {} columns; < and > work beside the detail",
                layout::WIDE
            ));
            return;
        }
        let before = layout::list_width(self.size.width, self.shape());
        let step = if wider { 1 } else { -1 };
        self.view.list_steps = self.view.list_steps.saturating_add(step);
        let after = layout::list_width(self.size.width, self.shape());
        if after == before {
            // At the edge already: the step is not kept, so the other key works at once.
            self.view.list_steps -= step;
        }
        let edge = match (after == before, wider) {
            (true, true) => " (the widest it goes here)",
            (true, false) => " (the narrowest it goes here)",
            _ => "",
        };
        self.status = Some(format!(
            "{} list {after} columns wide{edge}: < narrower, > wider",
            kind.plural()
        ));
        self.clamp_all();
    }
}
