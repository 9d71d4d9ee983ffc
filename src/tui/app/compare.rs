//! The compare view's state and what its keys do: rows scroll (all of them, or only those that
//! differ), one record column has the focus (Enter opens its record in its tab, the columns scroll
//! to keep it shown, and it can be moved left and right), and the sources are folded to one line
//! per record until opened. The comparison itself is built by [`crate::compare`], in the currency
//! shown, with the cost ranges of compared therapies; this module only keeps the place in it.

use super::{App, Focus, list};
use crate::compare::{Comparison, SOURCES};
use crate::model::{Currency, Kind};
use crate::text::sanitize;
use crate::tui::action::Action;
use crate::tui::layout;
use std::hash::{Hash, Hasher};

/// The comparison shown and the place in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComparePane {
    /// The comparison of the marked records (none while fewer than two are marked).
    pub comparison: Option<Comparison>,
    /// The currency its figures were built in.
    pub currency: Option<Currency>,
    /// The first row shown, counted among the rows shown (every row, or those that differ).
    pub row: usize,
    /// The first record column shown (the attribute column always is).
    pub column: usize,
    /// The record column with the focus: Enter opens its record.
    pub focused: usize,
    /// True when only the rows whose values differ are shown.
    pub only_differing: bool,
    /// True when the sources are shown in full; folded, each record's take one line.
    pub sources_open: bool,
}

impl ComparePane {
    /// The indices (into the comparison's rows) of the rows shown.
    pub fn rows(&self) -> Vec<usize> {
        self.comparison
            .as_ref()
            .map(|c| c.shown_rows(self.only_differing))
            .unwrap_or_default()
    }

    /// Where the view is among the rows: "row 3 of 17".
    pub fn position(&self) -> Option<String> {
        let c = self.comparison.as_ref()?;
        Some(c.position(self.row, self.only_differing))
    }

    /// Hashes what it shows, for the app's redraw check.
    pub(super) fn fingerprint(&self, h: &mut impl Hasher) {
        (
            self.row,
            self.column,
            self.focused,
            self.only_differing,
            self.sources_open,
            self.currency,
        )
            .hash(h);
        match &self.comparison {
            Some(c) => {
                c.columns.iter().for_each(|col| col.id.hash(h));
                c.rows.len().hash(h);
            }
            None => 0usize.hash(h),
        }
    }
}

impl App {
    /// Shows the compare view of the marked records. The same records in the same currency keep
    /// their place (so Back from a record opened here finds the view as it was left); others get a
    /// new comparison from the top.
    pub(super) fn open_compare(&mut self) {
        let ids: Vec<String> = self.marks.ids().to_vec();
        let Some(kind) = self.marks.kind().filter(|_| ids.len() >= 2) else {
            self.status =
                Some("Mark 2 to 4 records of one kind with Space, then press c to compare".into());
            if !self.marks.is_empty() {
                self.compare.comparison = None;
                self.focus = Focus::Compare;
            }
            return;
        };
        let same =
            self.compare.comparison.as_ref().is_some_and(|c| {
                c.kind == kind && c.columns.iter().map(|col| &col.id).eq(ids.iter())
            }) && self.compare.currency == Some(self.view.currency);
        if !same {
            self.compare = ComparePane::default();
            self.build_comparison(kind, &ids);
        }
        self.focus = Focus::Compare;
    }

    /// Builds the comparison of records, in the currency shown.
    fn build_comparison(&mut self, kind: Kind, ids: &[String]) {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let currency = self.view.currency;
        self.compare.comparison = Comparison::build_in(&self.data, kind, &ids, Some(currency))
            .ok()
            .map(|c| c.for_view(&self.data, currency));
        self.compare.currency = Some(currency);
    }

    /// Keeps the compare view's place inside the comparison, with the focused column shown; after
    /// the currency changed, builds the comparison again in the new one, keeping the place.
    pub(super) fn clamp_compare(&mut self) {
        if let Some(c) = &self.compare.comparison
            && self.compare.currency != Some(self.view.currency)
        {
            let (kind, ids): (Kind, Vec<String>) =
                (c.kind, c.columns.iter().map(|col| col.id.clone()).collect());
            self.build_comparison(kind, &ids);
        }
        let Some(c) = &self.compare.comparison else {
            self.compare.row = 0;
            self.compare.column = 0;
            self.compare.focused = 0;
            return;
        };
        let n = c.columns.len();
        let rows = c.shown_rows(self.compare.only_differing).len();
        let width = layout::inner(self.areas().compare).width;
        let p = &mut self.compare;
        p.focused = p.focused.min(n.saturating_sub(1));
        p.row = p.row.min(rows.saturating_sub(1));
        if width == 0 {
            // Not shown: the columns are placed when the view is shown again.
            return;
        }
        let (_, _, shown) = layout::compare_columns(width, n);
        if p.focused < p.column {
            p.column = p.focused;
        }
        if p.focused >= p.column + shown {
            p.column = p.focused + 1 - shown;
        }
        p.column = p.column.min(n.saturating_sub(shown));
    }

    /// Scrolls the rows shown.
    pub(super) fn compare_move(&mut self, action: Action) {
        let len = self.compare.rows().len();
        let page = usize::from(layout::inner(self.areas().compare).height / 2);
        self.compare.row = list::step(self.compare.row, len, action, page);
    }

    /// The focused column's place and record name, for the status line: "Column 2 of 3: Keloids".
    fn column_status(&self) -> Option<String> {
        let c = self.compare.comparison.as_ref()?;
        let col = c.columns.get(self.compare.focused)?;
        let enter = self
            .keymap
            .key_name(Action::OpenColumn)
            .unwrap_or_else(|| "Enter".into());
        Some(sanitize(&format!(
            "Column {} of {}: {} ({enter} opens it)",
            self.compare.focused + 1,
            c.columns.len(),
            col.name
        )))
    }

    /// Moves the focus to the next record column right (or left); the columns scroll to show it.
    pub(super) fn focus_column(&mut self, right: bool) {
        let Some(n) = self.compare.comparison.as_ref().map(|c| c.columns.len()) else {
            return;
        };
        let f = self.compare.focused;
        self.compare.focused = if right {
            (f + 1).min(n.saturating_sub(1))
        } else {
            f.saturating_sub(1)
        };
        self.clamp_compare();
        self.status = self.column_status();
    }

    /// Moves the focused column one place right (or left), with its record's mark, so a handout of
    /// the comparison keeps the same order.
    pub(super) fn move_column(&mut self, right: bool) {
        let from = self.compare.focused;
        let Some(c) = self.compare.comparison.as_mut() else {
            return;
        };
        let n = c.columns.len();
        let to = if right {
            from + 1
        } else {
            from.wrapping_sub(1)
        };
        if to >= n {
            let name = c.columns.get(from).map(|col| col.name.clone());
            let end = if right { "last" } else { "first" };
            self.status = name.map(|name| sanitize(&format!("{name} is already the {end} column")));
            return;
        }
        c.move_column(from, to);
        self.marks.move_id(from, to);
        self.compare.focused = to;
        self.clamp_compare();
        self.status = self
            .column_status()
            .map(|s| format!("Moved: {}", s.replacen("Column", "column", 1)));
    }

    /// Shows only the rows that differ, or every row again; the first row shown stays, or the
    /// next one that is shown.
    pub(super) fn toggle_differing(&mut self) {
        let Some(c) = &self.compare.comparison else {
            return;
        };
        let (differing, all) = (c.differing(), c.rows.len());
        if !self.compare.only_differing && differing == 0 {
            self.status = Some(format!(
                "No row differs: the {all} rows hold the same values"
            ));
            return;
        }
        let current = self
            .compare
            .rows()
            .get(self.compare.row)
            .copied()
            .unwrap_or(0);
        self.compare.only_differing = !self.compare.only_differing;
        let rows = self.compare.rows();
        self.compare.row = rows
            .iter()
            .position(|&i| i >= current)
            .unwrap_or(rows.len().saturating_sub(1));
        let key = self
            .keymap
            .key_name(Action::ToggleDiffering)
            .unwrap_or_default();
        self.status = Some(if self.compare.only_differing {
            format!("Only the {differing} rows that differ, of {all}; {key} shows every row")
        } else {
            format!("Every row again: {all}")
        });
    }

    /// Opens the sources in full (and scrolls to them), or folds them to one line per record.
    pub(super) fn toggle_sources(&mut self) {
        if self.compare.comparison.is_none() {
            return;
        }
        self.compare.sources_open = !self.compare.sources_open;
        if self.compare.sources_open {
            let rows = self.compare.rows();
            let c = self.compare.comparison.as_ref().expect("checked above");
            if let Some(at) = rows.iter().position(|&i| c.rows[i].attribute == SOURCES) {
                self.compare.row = at;
            }
            self.status = Some("Sources in full, one a line".into());
        } else {
            self.status = Some("Sources folded to one line per record".into());
        }
    }

    /// Opens the focused column's record in its tab (Back returns to the comparison).
    pub(super) fn open_column(&mut self) {
        let Some(c) = &self.compare.comparison else {
            self.status =
                Some("Mark 2 to 4 records of one kind with Space, then press c to compare".into());
            return;
        };
        let Some(col) = c.columns.get(self.compare.focused) else {
            return;
        };
        let (kind, id, name) = (c.kind, col.id.clone(), col.name.clone());
        self.push_place();
        self.go_to(kind, Some(&id), Focus::List(kind));
        self.clamp_all();
        let back = self.keymap.key_name(Action::Back).unwrap_or_default();
        self.status = Some(sanitize(&format!(
            "{name}: {back} goes back to the comparison"
        )));
    }
}
