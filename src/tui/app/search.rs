//! The search overlay's query, its hits and the selected hit; and how a query reaches the index:
//! searched at once, or handed to a worker thread whose results arrive as [`Action::SearchDone`].

use super::list::step;
use super::{App, Overlay};
use crate::dataset::Dataset;
use crate::search::Hit;
use crate::search::SearchIndex;
use crate::tui::action::Action;
use crate::tui::layout::visible_offset;
use crate::tui::line_edit::{Edit, History, LineEdit};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// The most hits shown for a query.
pub const MAX_HITS: usize = 50;

/// The longest query kept, in characters.
const MAX_QUERY: usize = 200;

/// The most past searches kept.
const MAX_HISTORY: usize = 100;

/// The search overlay's state: the query line, its hits (best first), the selected hit and the first
/// one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPane {
    /// What has been typed, with its cursor.
    pub line: LineEdit,
    /// The hits for the query.
    pub hits: Vec<Hit>,
    /// Index of the selected hit.
    pub selected: usize,
    /// Index of the first hit shown.
    pub offset: usize,
    /// The number of the newest query: grows with every change, never goes back (it goes on from
    /// one opening of the search to the next).
    pub generation: u64,
    /// The number of the query the hits are for.
    pub shown: u64,
    /// Enter was pressed before the hits of the newest query arrived: open the first when they do.
    pub open_when_found: bool,
}

impl Default for SearchPane {
    fn default() -> SearchPane {
        SearchPane {
            line: LineEdit::with_max(MAX_QUERY),
            hits: Vec::new(),
            selected: 0,
            offset: 0,
            generation: 0,
            shown: 0,
            open_when_found: false,
        }
    }
}

/// Past searches, for Ctrl-P and Ctrl-N in the search line.
pub fn new_history() -> History {
    History::with_max(MAX_HISTORY)
}

impl SearchPane {
    /// What has been typed.
    pub fn query(&self) -> &str {
        self.line.text()
    }

    /// True while the hits shown are for an older query than the one typed.
    pub fn searching(&self) -> bool {
        self.shown != self.generation
    }

    /// Shows the hits of query number `generation`, from the first.
    fn show(&mut self, generation: u64, hits: Vec<Hit>) {
        self.hits = hits;
        self.shown = generation;
        self.selected = 0;
        self.offset = 0;
    }

    /// An empty search, opened after query number `generation`.
    pub(super) fn after(generation: u64) -> SearchPane {
        SearchPane {
            generation,
            shown: generation,
            ..SearchPane::default()
        }
    }

    /// Hashes what it shows, for the app's redraw check (the hits follow from `shown`).
    pub(super) fn fingerprint(&self, h: &mut impl Hasher) {
        (
            &self.line,
            self.selected,
            self.offset,
            self.generation,
            self.shown,
            self.open_when_found,
        )
            .hash(h);
    }

    /// Moves the selection among the hits, `rows` of which are shown.
    pub(super) fn apply(&mut self, action: Action, rows: usize) {
        self.selected = step(self.selected, self.hits.len(), action, rows);
        self.offset = visible_offset(self.offset, self.selected, self.hits.len(), rows);
    }

    /// Keeps the selection inside the hits and visible in `rows` rows.
    pub(super) fn clamp(&mut self, rows: usize) {
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        self.offset = visible_offset(self.offset, self.selected, self.hits.len(), rows);
    }

    /// The selected hit, if any.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }
}

impl App {
    /// From now on, searches run on a thread of their own, so typing never waits for one: `ready`
    /// is called (from that thread) whenever results wait to be shown by [`Action::SearchDone`].
    /// Without an index yet, the thread builds it first, from a copy of the data.
    pub fn search_in_background(
        &mut self,
        ready: impl Fn() + Send + 'static,
    ) -> std::io::Result<()> {
        use crate::search::worker::{Searcher, Source};
        let source = match &self.index {
            Some(index) => Source::Built(Arc::clone(index)),
            None => Source::Build(Box::new(Dataset::clone(&self.data))),
        };
        self.searcher = Some(Searcher::start(source, MAX_HITS, ready)?);
        Ok(())
    }

    /// The open search's state, to change it.
    fn search_mut(&mut self) -> Option<&mut SearchPane> {
        match &mut self.overlay {
            Some(Overlay::Search(s)) => Some(s),
            _ => None,
        }
    }

    /// Opens the selected hit; while the newest query is still being searched, opens its first
    /// hit when it arrives, so Enter straight after typing opens what was typed.
    pub(super) fn open_hit_when_found(&mut self) {
        match self.search_mut() {
            Some(s) if s.searching() => s.open_when_found = true,
            _ => self.open_hit(),
        }
    }

    /// Selects a hit (a click) and opens it.
    pub(super) fn select_hit(&mut self, index: usize) {
        if let Some(s) = self.search_mut()
            && index < s.hits.len()
        {
            s.selected = index;
            self.open_hit();
        }
    }

    /// Types into the query line, edits it as a shell does, or walks the history; searches again
    /// when the text changed.
    pub(super) fn edit_query(&mut self, action: Action) {
        let Some(Overlay::Search(s)) = &mut self.overlay else {
            return;
        };
        let edit = match action {
            Action::SearchInput(c) => Some(Edit::Insert(c)),
            Action::SearchDelete => Some(Edit::Backspace),
            Action::SearchEdit(e) => Some(e),
            _ => None,
        };
        let changed = match (action, edit) {
            (_, Some(e)) => {
                let changed = s.line.apply(e);
                if changed {
                    self.search_history.stop();
                }
                changed
            }
            (Action::SearchHistory { older: true }, None) => self
                .search_history
                .older(s.line.text())
                .map(|t| s.line.set(&t))
                .is_some(),
            (Action::SearchHistory { older: false }, None) => self
                .search_history
                .newer()
                .map(|t| s.line.set(&t))
                .is_some(),
            _ => false,
        };
        if changed {
            self.refresh_search();
        } else if matches!(action, Action::SearchHistory { older: true }) {
            self.status = Some(if self.search_history.entries().is_empty() {
                "No past searches yet: a search is kept when you open a hit or close it".into()
            } else {
                "That was the oldest search kept".into()
            });
        }
    }

    /// Up or Down in the search: among the hits, or with no hits through past searches.
    pub(super) fn search_move(&mut self, action: Action) -> bool {
        let Some(s) = self.search() else {
            return false;
        };
        if !s.hits.is_empty() || !matches!(action, Action::Up | Action::Down) {
            return false;
        }
        self.edit_query(Action::SearchHistory {
            older: action == Action::Up,
        });
        true
    }

    /// Keeps the query for Ctrl-P, as the search closes or opens a hit.
    pub(super) fn remember_query(&mut self) {
        if let Some(s) = self.search() {
            let q = s.query().to_owned();
            self.search_history.push(&q);
        }
    }

    /// Searches for the query as it now is: at once, or by asking the worker when there is one.
    fn refresh_search(&mut self) {
        // Within the list's filters: only its kind is searched, and hits it hides are dropped.
        let scope = self.search_scope();
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        self.searches += 1;
        search.generation = self.searches;
        let generation = search.generation;
        if search.query().trim().is_empty() {
            search.show(generation, Vec::new());
            return;
        }
        let query = match scope {
            Some(kind) => format!("k:{} {}", kind.as_str(), search.query()),
            None => search.query().to_owned(),
        };
        match &self.searcher {
            Some(worker) => worker.request(generation, &query),
            None => {
                let data = &self.data;
                let index = self
                    .index
                    .get_or_insert_with(|| Arc::new(SearchIndex::build(data)));
                let hits = index.search(&query, None, MAX_HITS);
                let hits = self.within_filters(hits);
                if let Some(Overlay::Search(search)) = &mut self.overlay {
                    search.show(generation, hits);
                }
            }
        }
    }

    /// Shows the worker's results if they are for the newest query; older ones are dropped.
    pub(super) fn receive_hits(&mut self) {
        let Some(mut found) = self.searcher.as_ref().and_then(|w| w.take()) else {
            return;
        };
        found.hits = self.within_filters(found.hits);
        let Some(search) = self.search_mut() else {
            return;
        };
        if found.generation == search.generation {
            search.show(found.generation, found.hits);
            if std::mem::take(&mut search.open_when_found) {
                self.open_hit();
            }
        }
    }
}
