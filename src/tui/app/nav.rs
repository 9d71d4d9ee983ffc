//! Going places: tabs, focus, links and search hits, the history Back walks, marks and the compare view.

use super::{App, CostsPane, DetailPane, Focus, MAX_HISTORY, Place, Toggle, kind_index};
use crate::model::Kind;
use crate::tui::action::Tab;

impl App {
    /// Shows a record: its kind's tab, the record selected, the given focus, the detail at the top.
    pub(super) fn go_to(&mut self, kind: Kind, id: Option<&str>, focus: Focus) {
        self.overlay = None;
        self.focus = focus;
        self.last_kind = kind;
        self.detail = DetailPane::default();
        if self.costs_go_to(kind, id, focus) {
            return;
        }
        let position = id
            .and_then(|id| self.data.position(kind, id))
            .and_then(|p| self.row_of(kind, p));
        let len = self.list_len(kind);
        let rows = self.list_rows();
        let list = &mut self.lists[kind_index(kind)];
        if let Some(p) = position {
            list.select(p, len, rows);
        }
        if matches!(focus, Focus::Detail(_)) {
            let (doc, rows) = self.detail_view();
            self.detail.select_first_visible(&doc, rows);
        }
    }

    /// Remembers where the user is, for Back.
    pub(super) fn push_place(&mut self) {
        let kind = self.focus.kind().unwrap_or(self.last_kind);
        let place = Place {
            focus: self.focus,
            kind,
            id: self.selected_id(kind).map(str::to_owned),
            detail: self.detail,
        };
        if self.history.len() >= MAX_HISTORY {
            self.history.remove(0);
        }
        self.history.push(place);
    }

    pub(super) fn open_hit(&mut self) {
        let Some(hit) = self.search().and_then(|s| s.selected_hit()).cloned() else {
            self.status =
                Some("No hit to open: type part of a name, an alias or a district".into());
            return;
        };
        self.remember_query();
        self.push_place();
        self.go_to(hit.kind, Some(&hit.id), Focus::List(hit.kind));
    }

    pub(super) fn follow_link(&mut self) {
        let (doc, _) = self.detail_view();
        let Some((_, link)) = self.detail.link.and_then(|i| doc.links.get(i)).cloned() else {
            self.status = Some("No link selected: j/k select the links of the detail".into());
            return;
        };
        if let Some(note) = self.costs_follow(&link) {
            self.status = Some(note);
            return;
        }
        self.push_place();
        self.go_to(link.kind, Some(&link.id), Focus::Detail(link.kind));
    }

    pub(super) fn back(&mut self) {
        let Some(place) = self.history.pop() else {
            self.status = Some("Nothing to go back to".into());
            return;
        };
        match place.focus {
            Focus::Compare | Focus::Shortlist => {
                self.go_to(place.kind, place.id.as_deref(), Focus::List(place.kind));
                self.show_tab(place.focus.tab());
            }
            focus => {
                self.go_to(place.kind, place.id.as_deref(), focus);
                self.detail = place.detail;
                let (doc, rows) = self.detail_view();
                self.detail.clamp(&doc, rows);
            }
        }
    }

    pub(super) fn close(&mut self) {
        self.remember_query();
        if let Some(overlay) = self.overlay.take() {
            self.status = overlay.closed();
            return;
        }
        match self.focus {
            Focus::Compare | Focus::Shortlist => self.focus = Focus::List(self.last_kind),
            Focus::Detail(k) => self.focus = Focus::List(k),
            Focus::List(_) => {}
        }
    }

    pub(super) fn cycle_tab(&mut self, by: isize) {
        let tabs = self.tabs();
        let current = tabs
            .iter()
            .position(|t| *t == self.focus.tab())
            .unwrap_or(0);
        let next = (current as isize + by).rem_euclid(tabs.len() as isize) as usize;
        self.show_tab(tabs[next]);
    }

    pub(super) fn show_tab(&mut self, tab: Tab) {
        self.overlay = None;
        match tab {
            Tab::Records(kind) => {
                if self.focus.kind() != Some(kind) {
                    self.detail = DetailPane::default();
                }
                self.focus = Focus::List(kind);
                self.last_kind = kind;
            }
            Tab::Shortlist => self.focus = Focus::Shortlist,
            Tab::Compare => self.open_compare(),
        }
        self.clamp_all();
    }

    pub(super) fn focus_detail(&mut self) {
        if let Focus::List(k) = self.focus {
            self.focus = Focus::Detail(k);
            self.costs_enter_chart(k);
            let (doc, rows) = self.detail_view();
            self.detail.clamp(&doc, rows);
            if self.detail.link.is_none() {
                self.detail.select_first_visible(&doc, rows);
            }
            self.sync_bar();
        }
    }

    pub(super) fn select_row(&mut self, index: usize) {
        if self.focus == Focus::Shortlist {
            self.overlay = None;
            self.shortlist.select(index, self.shortlist_rows());
            return;
        }
        let Some(kind) = self.focus.kind() else {
            return;
        };
        self.overlay = None;
        self.focus = Focus::List(kind);
        let (len, rows) = (self.list_len(kind), self.list_rows());
        if self.lists[kind_index(kind)].select(index, len, rows) {
            self.detail = DetailPane::default();
            self.costs = CostsPane::default();
        }
    }

    pub(super) fn toggle_mark(&mut self) {
        let Some(kind) = self.focus.kind() else {
            self.status = Some("Space marks the selected record of a list".into());
            return;
        };
        let Some(record) = self
            .selected_id(kind)
            .and_then(|id| self.data.get(kind, id))
        else {
            return;
        };
        let (id, name) = (record.id().as_str().to_owned(), record.name().to_owned());
        let plural = |k: Kind| k.plural().to_lowercase();
        let message = match self.marks.toggle(kind, &id) {
            Toggle::Marked => {
                let n = self.marks.len();
                let hint = if n >= 2 { ": c compares" } else { "" };
                format!("Marked {name} ({n} {} marked{hint})", plural(kind))
            }
            Toggle::Unmarked => format!("Unmarked {name}"),
            Toggle::OtherKind(k) => format!(
                "Only one kind is compared at a time: {} {} marked; press x to clear them first",
                self.marks.len(),
                plural(k)
            ),
            Toggle::Full => {
                "At most 4 records are compared; Space on a marked one unmarks it".into()
            }
        };
        self.status = Some(crate::text::sanitize(&message));
    }

    pub(super) fn clear_marks(&mut self) {
        self.marks.clear();
        self.compare.comparison = None;
        if self.focus == Focus::Compare {
            self.focus = Focus::List(self.last_kind);
        }
        self.status = Some("Marks cleared".into());
    }
}
