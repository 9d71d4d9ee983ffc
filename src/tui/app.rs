//! The explorer's state, grouped by pane, and [`App::update`]: the only place it changes.
//!
//! No terminal code lives here: the app knows the terminal's size only as the last
//! [`Action::Resize`] told it, and asks the pure [`layout`] how many rows each pane shows.

mod clipboard;
mod compare;
mod costs;
mod detail;
mod effect;
mod export;
mod facets;
mod focus;
mod form;
mod list;
mod marks;
mod moves;
mod nav;
mod overlay;
mod remember;
mod search;
mod shortlist;
mod unbound;
mod undo;
mod view;
mod width;

pub use compare::ComparePane;
pub use costs::CostsPane;
pub use detail::DetailPane;
pub use effect::{Effect, Message, Outcome, Saved};
pub use export::{ExportState, NameEdit, Pending};
pub use facets::{FacetEntry, FacetPanel, ListView};
pub use focus::Focus;
pub use form::{EstimateForm, FormField};
pub use list::ListPane;
pub use marks::{Marks, Toggle};
pub use overlay::Overlay;
pub use search::{MAX_HITS, SearchPane};
pub use shortlist::{NoteEdit, ShortlistState};
pub use view::View;

use super::action::{Action, Tab};
use super::doc::{self, DetailOptions, Doc};
use super::keymap::{Context, Keymap};
use super::layout::{self, Areas};
use super::setup::Setup;
use super::theme::Theme;
use crate::dataset::Dataset;
use crate::describe::Description;
use crate::model::Kind;
use crate::search::SearchIndex;
use crate::search::worker::Searcher;
use crate::tui::line_edit::History;
use ratatui::layout::Rect;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// A place to go back to: the record shown, the focus and the detail's position.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    focus: Focus,
    kind: Kind,
    id: Option<String>,
    detail: DetailPane,
}

/// The explorer's whole state.
#[derive(Debug)]
pub struct App {
    /// The dataset, shared: sessions of a server front end show one dataset loaded once.
    data: Arc<Dataset>,
    /// The search index; `None` until built when a search thread builds its own (see
    /// [`App::without_index`]).
    index: Option<Arc<SearchIndex>>,
    /// The thread searches run on, when they do not run in [`App::update`] itself.
    searcher: Option<Searcher>,
    keymap: Keymap,
    theme: Theme,
    view: View,
    focus: Focus,
    /// The kind tab to return to from the compare and shortlist views.
    last_kind: Kind,
    /// What is open on top of the panes, with its state.
    overlay: Option<Overlay>,
    lists: [ListPane; Kind::ALL.len()],
    /// Each tab's chosen facet values, sort and tree, and the rows they give.
    views: [ListView; Kind::ALL.len()],
    /// Every record's facet values, built the first time a list is narrowed or sorted.
    facets: Option<Arc<crate::query::facet::FacetTable>>,
    detail: DetailPane,
    costs: CostsPane,
    /// The number of the newest query sent to the search, across openings of the search overlay, so
    /// that late results for a search already closed are never shown.
    searches: u64,
    /// Past searches, kept from one opening of the search to the next.
    search_history: History,
    marks: Marks,
    compare: ComparePane,
    shortlist: ShortlistState,
    export: ExportState,
    history: Vec<Place>,
    /// What the last updates asked of the world outside, not yet taken ([`App::take_effects`]).
    effects: Vec<Effect>,
    status: Option<String>,
    size: Rect,
    quit: bool,
    /// The list last measured ([`App::list_measure`]) and its columns ([`App::list_columns`]), with
    /// what they were measured for, as measuring walks every row.
    list_measure_cache: std::cell::RefCell<Option<(u64, Arc<crate::tui::columns::ListMeasure>)>>,
    list_columns_cache: std::cell::RefCell<Option<(u64, Arc<crate::tui::columns::ListColumns>)>>,
    /// What each row of each tab's plain list wants, and the currency it was measured in.
    #[allow(clippy::type_complexity)]
    row_wants_cache: std::cell::RefCell<
        [Option<(
            crate::model::Currency,
            Arc<Vec<crate::tui::columns::RowWants>>,
        )>; Kind::ALL.len()],
    >,
    /// The facet panel's lines last worked out, and the tab and choices they are for: drawing and
    /// moving the cursor ask for them at every frame and key.
    facet_entries_cache: std::cell::RefCell<Option<facets::EntriesFor>>,
    /// The record's detail document last laid out ([`App::detail_doc`]): its kind, width and
    /// presenter mode, its id, and the document.
    detail_cache: std::cell::RefCell<Option<DetailMemo>>,
    /// The cost chart last laid out ([`App::detail_doc`] on the Costs tab) and what for.
    costs_doc_cache: std::cell::RefCell<Option<(costs::CostsDocKey, Arc<Doc>)>>,
    /// The savings part of every cost chart, laid out for a width.
    savings_cache: std::cell::RefCell<Option<(usize, Arc<Vec<crate::tui::doc::DocLine>>)>>,
    /// Each cost range's group and each group's South Korean range, once worked out.
    cost_places_cache: std::cell::RefCell<Option<Arc<costs::CostPlaces>>>,
}

/// A detail document and what it was laid out for (see [`App::detail_doc`]).
type DetailMemo = ((Kind, u16, bool), String, Arc<Doc>);

/// The most places remembered for going back.
const MAX_HISTORY: usize = 100;

fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

impl App {
    /// A new explorer on a dataset, showing the conditions, with the default keymap, the theme the
    /// environment asks for, and a shortlist kept in memory only. Its size is 80x24 until an
    /// [`Action::Resize`] says otherwise.
    pub fn new(data: Dataset) -> App {
        App::with_setup(data, Setup::default())
    }

    /// A new explorer with a given keymap and theme (and a shortlist kept in memory only).
    pub fn with(data: Dataset, keymap: Keymap, theme: Theme) -> App {
        App::with_setup(
            data,
            Setup {
                keymap,
                theme,
                ..Setup::default()
            },
        )
    }

    /// A new explorer as set up: loads the shortlist from the setup's store, if any, and says in the
    /// status bar what needs saying at start (a shortlist file moved aside, key binding problems).
    pub fn with_setup(data: Dataset, setup: Setup) -> App {
        let index = SearchIndex::build(&data);
        App::with_index(data, index, setup)
    }

    /// [`App::with_setup`] with the search index already built (by whoever loaded the data).
    pub fn with_index(data: Dataset, index: SearchIndex, setup: Setup) -> App {
        let mut app = App::without_index(data, setup);
        app.index = Some(Arc::new(index));
        app
    }

    /// An explorer on a dataset and search index shared with others (the sessions of a server
    /// front end), as set up. Nothing is copied: each session keeps its own state over the same data.
    pub fn shared(data: Arc<Dataset>, index: Arc<SearchIndex>, setup: Setup) -> App {
        let mut app = App::on(data, setup);
        app.index = Some(index);
        app
    }

    /// [`App::with_setup`] without building the search index: [`App::search_in_background`] builds
    /// it on the search thread, after the first frame; a search before that builds it in place.
    pub fn without_index(data: Dataset, setup: Setup) -> App {
        App::on(Arc::new(data), setup)
    }

    /// The app at start, without a search index.
    fn on(data: Arc<Dataset>, setup: Setup) -> App {
        let mut notices = setup.notices;
        let shortlist = ShortlistState::new(setup.shortlist);
        let problems = setup.keymap.problems();
        if let Some(first) = problems.first() {
            let n = problems.len();
            let s = if n == 1 { "" } else { "s" };
            notices.push(format!(
                "Key bindings: {n} problem{s}, ? lists them. {first}"
            ));
        }
        App {
            index: None,
            searcher: None,
            data,
            keymap: setup.keymap,
            theme: setup.theme,
            view: View {
                currency: setup.currency,
                presenter: setup.presenter || setup.visitor,
                visitor: setup.visitor,
                mouse_released: false,
                list_steps: 0,
            },
            focus: Focus::List(Kind::Condition),
            last_kind: Kind::Condition,
            overlay: None,
            lists: [ListPane::default(); Kind::ALL.len()],
            views: Default::default(),
            facets: None,
            detail: DetailPane::default(),
            costs: CostsPane::default(),
            searches: 0,
            search_history: search::new_history(),
            marks: Marks::default(),
            compare: ComparePane::default(),
            shortlist,
            export: ExportState::new(setup.export_dir),
            history: Vec::new(),
            effects: Vec::new(),
            status: (!notices.is_empty()).then(|| crate::text::sanitize(&notices.join(" · "))),
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            list_measure_cache: std::cell::RefCell::new(None),
            list_columns_cache: std::cell::RefCell::new(None),
            row_wants_cache: std::cell::RefCell::new(Default::default()),
            facet_entries_cache: std::cell::RefCell::new(None),
            detail_cache: std::cell::RefCell::new(None),
            costs_doc_cache: std::cell::RefCell::new(None),
            savings_cache: std::cell::RefCell::new(None),
            cost_places_cache: std::cell::RefCell::new(None),
        }
    }

    /// The dataset shown.
    pub fn data(&self) -> &Dataset {
        &self.data
    }
    /// The key bindings.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }
    /// The styles: the configured theme, in high contrast in presenter mode.
    pub fn theme(&self) -> Theme {
        if self.view.presenter {
            self.theme.high_contrast()
        } else {
            self.theme
        }
    }
    /// The currency and presenter mode.
    pub fn view(&self) -> View {
        self.view
    }
    /// The pane with the keyboard.
    pub fn focus(&self) -> Focus {
        self.focus
    }
    /// The overlay open on top, if any, with its state.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }
    /// A kind's list position (for costs, the position among the cost groups).
    pub fn list(&self, kind: Kind) -> ListPane {
        self.lists[kind_index(kind)]
    }
    /// The detail pane's position.
    pub fn detail(&self) -> DetailPane {
        self.detail
    }
    /// The cost chart's selected bar.
    pub fn costs(&self) -> CostsPane {
        self.costs
    }
    /// The search overlay's state, while it is open.
    pub fn search(&self) -> Option<&SearchPane> {
        match &self.overlay {
            Some(Overlay::Search(s)) => Some(s),
            _ => None,
        }
    }
    /// The marked records.
    pub fn marks(&self) -> &Marks {
        &self.marks
    }
    /// The compare view's state.
    pub fn compare(&self) -> &ComparePane {
        &self.compare
    }
    /// The shortlist and its view's position.
    pub fn shortlist(&self) -> &ShortlistState {
        &self.shortlist
    }
    /// The trip-budget form, while open.
    pub fn estimate_form(&self) -> Option<&EstimateForm> {
        match &self.overlay {
            Some(Overlay::Estimate(f)) => Some(f),
            _ => None,
        }
    }
    /// The note being written, while the note prompt is open.
    pub fn note(&self) -> Option<&NoteEdit> {
        match &self.overlay {
            Some(Overlay::Note(n)) => Some(n),
            _ => None,
        }
    }
    /// The handout file name being typed, while the name prompt is open.
    pub fn handout_name(&self) -> Option<&NameEdit> {
        match &self.overlay {
            Some(Overlay::Name(n)) => Some(n),
            _ => None,
        }
    }
    /// The handout waiting for the answer to "overwrite?", while the question is open.
    pub fn pending_export(&self) -> Option<&Pending> {
        match &self.overlay {
            Some(Overlay::Confirm(p)) => Some(p),
            _ => None,
        }
    }
    /// Where handouts are written.
    pub fn export(&self) -> &ExportState {
        &self.export
    }
    /// The answer to the last action, if it had one to give.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref().or_else(|| {
            self.shortlist
                .unsaved()
                .map(|_| "Shortlist changes not saved (the next change tries again; q asks)")
        })
    }
    /// The terminal size the app lays itself out for.
    pub fn size(&self) -> Rect {
        self.size
    }
    /// True once the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }
    /// How many places Back can return to.
    pub fn history_len(&self) -> usize {
        self.history.len()
    }

    /// The tabs along the top: every kind, Compare once something is marked, and the shortlist.
    pub fn tabs(&self) -> Vec<Tab> {
        let mut tabs: Vec<Tab> = Kind::ALL.into_iter().map(Tab::Records).collect();
        if !self.marks.is_empty() {
            tabs.push(Tab::Compare);
        }
        tabs.push(Tab::Shortlist);
        tabs
    }

    /// Where the keys are read.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.focus) {
            (Some(overlay), _) => overlay.context(),
            (None, Focus::List(_)) => Context::List,
            (None, Focus::Detail(_)) => Context::Detail,
            (None, Focus::Compare) => Context::Compare,
            (None, Focus::Shortlist) => Context::Shortlist,
        }
    }

    /// The screen's layout at the current size.
    pub fn areas(&self) -> Areas {
        layout::areas_with(self.size, self.focus, self.overlay.as_ref(), self.shape())
    }

    /// How many rows a kind's list has: its records (the costs view lists its cost groups).
    pub fn list_len(&self, kind: Kind) -> usize {
        let v = self.list_view(kind);
        if v.active() {
            v.rows.len()
        } else {
            self.plain_len(kind)
        }
    }

    /// The id of the selected record of a kind (in the costs view, the selected bar's cost range).
    pub fn selected_id(&self, kind: Kind) -> Option<&str> {
        if let Some(id) = self.costs_selected_id(kind) {
            return id;
        }
        self.data
            .record_at(kind, self.row_target(kind, self.list(kind).selected)?)
            .map(|r| r.id().as_str())
    }

    /// The selected record of the kind shown, laid out for display.
    pub fn description(&self) -> Option<Description> {
        let kind = self.focus.kind()?;
        self.data.describe(kind, self.selected_id(kind)?)
    }

    /// The detail document for a content width: the record (the costs view shows its chart).
    /// A record's document is laid out once for its kind, id, width and presenter mode (what it
    /// depends on besides the data, which does not change): keeping positions valid after each
    /// key and drawing the frame both ask for it.
    pub fn detail_doc(&self, width: u16) -> Arc<Doc> {
        if let Some(chart) = self.costs_doc(usize::from(width)) {
            return chart;
        }
        let Some(kind) = self.focus.kind() else {
            return Arc::default();
        };
        let Some(id) = self.selected_id(kind) else {
            return Arc::default();
        };
        let key = (kind, width, self.view.presenter);
        if let Some((k, i, doc)) = &*self.detail_cache.borrow()
            && *k == key
            && i == id
        {
            return Arc::clone(doc);
        }
        let doc = Arc::new(self.record_doc(kind, id, usize::from(width)));
        *self.detail_cache.borrow_mut() = Some((key, id.to_owned(), Arc::clone(&doc)));
        doc
    }

    /// A record's detail document, laid out for a content width.
    fn record_doc(&self, kind: Kind, id: &str, width: usize) -> Doc {
        let Some(d) = self.data.describe(kind, id) else {
            return Doc::default();
        };
        let timeline = match d.kind {
            Kind::Therapy => self.data.therapy(&d.id).map(|t| t.timeline.as_slice()),
            _ => None,
        };
        let opts = DetailOptions {
            presenter: self.view.presenter,
            timeline,
        };
        doc::detail_with(&d, width, opts)
    }

    /// The detail document at the current size, and how many of its lines are shown.
    fn detail_view(&self) -> (Arc<Doc>, usize) {
        let (content, _) = layout::detail_parts(self.areas().detail, !self.view.presenter);
        (self.detail_doc(content.width), usize::from(content.height))
    }

    /// Rows shown by the list pane.
    fn list_rows(&self) -> usize {
        layout::list_capacity(layout::inner(self.areas().list))
    }

    /// Rows shown by the search results.
    fn search_rows(&self) -> usize {
        usize::from(layout::search_parts(self.areas().overlay).1.height)
    }

    /// Lines shown by the help overlay, and how many there are.
    fn help_view(&self) -> (usize, usize) {
        let inner = layout::inner(self.areas().overlay);
        let doc = self.help_doc(usize::from(inner.width));
        (usize::from(inner.height), doc.lines.len())
    }

    /// Applies an action, or the outcome of an effect asked for; returns true when anything shown
    /// changed (the screen needs a redraw). What must happen outside is queued as effects
    /// ([`App::take_effects`]); nothing here touches the disk or the clock.
    pub fn update(&mut self, message: impl Into<Message>) -> bool {
        let before = self.fingerprint();
        match message.into() {
            Message::Action(action) => self.act(action),
            Message::Outcome(outcome) => self.receive(outcome),
        }
        self.fingerprint() != before
    }

    /// Applies an action.
    fn act(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. } | Action::Wheel { .. }) {
            self.status = None;
        }
        match action {
            Action::Quit => self.quit_or_ask(),
            Action::SaveAgain => self.save_again(),
            // Only as the answer to the quit question: on the notice of a failed save, q asks it.
            Action::QuitWithoutSaving => match self.overlay {
                Some(Overlay::Unsaved { quitting: true, .. }) => self.quit = true,
                _ => self.quit_or_ask(),
            },
            // The loop suspends the terminal; nothing in the app changes.
            Action::Suspend => {}
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.clamp_all();
            }
            Action::Help => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { scroll: 0 }),
                };
            }
            Action::OpenSearch => {
                self.overlay = Some(Overlay::Search(SearchPane::after(self.searches)));
            }
            Action::SearchInput(_)
            | Action::SearchDelete
            | Action::SearchEdit(_)
            | Action::SearchHistory { .. } => self.edit_query(action),
            Action::Unbound(key) => self.unbound(key),
            Action::Yank => self.yank(),
            Action::ToggleMouse => self.toggle_mouse(),
            Action::UndoRemove => self.undo_remove(),
            Action::CycleTheme => self.cycle_theme(),
            Action::SearchDone => self.receive_hits(),
            Action::OpenHit => self.open_hit_when_found(),
            Action::SelectHit(i) => self.select_hit(i),
            Action::Close => self.close(),
            Action::NextTab => self.cycle_tab(1),
            Action::PrevTab => self.cycle_tab(-1),
            Action::ShowTab(tab) => self.show_tab(tab),
            Action::FocusList => {
                if let Focus::Detail(k) = self.focus {
                    self.focus = Focus::List(k);
                    self.clamp_all();
                }
            }
            Action::FocusDetail => self.focus_detail(),
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                if !self.search_move(action) {
                    self.move_by(action);
                }
            }
            Action::ColumnLeft => self.focus_column(false),
            Action::ColumnRight => self.focus_column(true),
            Action::MoveColumnLeft => self.move_column(false),
            Action::MoveColumnRight => self.move_column(true),
            Action::ToggleDiffering => self.toggle_differing(),
            Action::ToggleSources => self.toggle_sources(),
            Action::OpenColumn => self.open_column(),
            Action::FollowLink => self.follow_link(),
            Action::Back => self.back(),
            Action::ToggleMark => self.toggle_mark(),
            Action::OpenFacets => self.open_facets(),
            Action::ToggleFacet => self.toggle_facet(),
            Action::ClearFilters => self.clear_filters(),
            Action::CycleSort => self.cycle_sort(),
            Action::ReverseSort => self.reverse_sort(),
            Action::ToggleTree => self.toggle_tree(),
            Action::ToggleFold => self.toggle_fold(),
            Action::OpenCompare => self.show_tab(Tab::Compare),
            Action::ClearMarks => self.clear_marks(),
            Action::SelectRow(i) => self.select_row(i),
            Action::Wheel { pane, down } => self.wheel(pane, down),
            Action::ToggleCurrency => self.toggle_currency(),
            Action::TogglePresenter => self.toggle_presenter(),
            Action::ListWidth { wider } => self.step_list_width(wider),
            Action::Estimate => self.open_form(),
            Action::NextField
            | Action::PrevField
            | Action::Increase
            | Action::Decrease
            | Action::FormDigit(_)
            | Action::FormDelete => self.edit_form(action),
            Action::ToggleShortlist => self.toggle_shortlist(),
            Action::EditNote => self.edit_note(),
            Action::NoteInput(_) | Action::NoteDelete | Action::SaveNote => {
                if matches!(self.overlay, Some(Overlay::Name(_))) {
                    self.type_name(action);
                } else {
                    self.type_note(action);
                }
            }
            Action::OpenEntry => self.open_entry(),
            Action::RemoveEntry => self.remove_entry(),
            Action::MoveEntryUp => self.move_entry(true),
            Action::MoveEntryDown => self.move_entry(false),
            Action::Export => self.start_export(),
            Action::Confirm => self.confirm_export(),
        }
    }

    /// A summary of everything shown, to tell whether an action changed the screen.
    fn fingerprint(&self) -> u64 {
        let mut h = DefaultHasher::new();
        (
            self.focus,
            self.last_kind,
            self.lists,
            &self.views,
            self.detail,
            self.costs,
            self.view,
        )
            .hash(&mut h);
        self.overlay.is_some().hash(&mut h);
        if let Some(o) = &self.overlay {
            o.fingerprint(&mut h);
        }
        self.marks.hash(&mut h);
        self.compare.fingerprint(&mut h);
        self.shortlist.fingerprint(&mut h);
        (self.history.len(), &self.status).hash(&mut h);
        (self.size, self.quit).hash(&mut h);
        h.finish()
    }
}
