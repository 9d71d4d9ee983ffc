//! Every thing a user of the explorer can do, as a typed value.
//!
//! Keys become actions in [`super::keymap`], mouse events in [`super::mouse`]; [`super::app::App::update`]
//! is the only place an action changes state, so tests drive the explorer by sending actions. Each
//! action a key can be bound to has a stable name ([`Action::name`], [`Action::from_name`]), which the
//! `keys` setting uses.

mod names;

pub use names::BINDABLE;

use crate::model::Kind;

/// A tab along the top of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    /// The records of one kind: a list and the selected record's detail.
    Records(Kind),
    /// The marked records side by side.
    Compare,
    /// The records kept on the shortlist, with notes.
    Shortlist,
}

impl Tab {
    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Records(kind) => kind.plural(),
            Tab::Compare => "Compare",
            Tab::Shortlist => "Shortlist",
        }
    }
}

/// A region of the screen that mouse wheel events scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The list of records.
    List,
    /// The selected record's detail.
    Detail,
    /// The compare view.
    Compare,
    /// The shortlist view.
    Shortlist,
    /// The search results.
    Search,
    /// The help overlay.
    Help,
    /// The trip-budget form.
    Form,
}

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Show the next tab.
    NextTab,
    /// Show the previous tab.
    PrevTab,
    /// Show one tab.
    ShowTab(Tab),
    /// Move the focus to the list.
    FocusList,
    /// Move the focus to the detail pane.
    FocusDetail,
    /// Move up one row (a list, search results) or scroll up (detail, compare, help).
    Up,
    /// Move down one row or scroll down.
    Down,
    /// Move or scroll up one page.
    PageUp,
    /// Move or scroll down one page.
    PageDown,
    /// Go to the first row or the top.
    Top,
    /// Go to the last row or the bottom.
    Bottom,
    /// Compare view: scroll the record columns left.
    ColumnLeft,
    /// Compare view: scroll the record columns right.
    ColumnRight,
    /// Detail pane: open the selected link.
    FollowLink,
    /// Go back to where the last followed link or opened search hit was left.
    Back,
    /// Open the search overlay.
    OpenSearch,
    /// Search: add a character to the query.
    SearchInput(char),
    /// Search: delete the last character of the query.
    SearchDelete,
    /// Search: open the selected hit in its tab.
    OpenHit,
    /// Search: results for the query arrived from the search thread.
    SearchDone,
    /// Mark or unmark the selected record for comparison.
    ToggleMark,
    /// Open the compare view of the marked records.
    OpenCompare,
    /// Clear every mark.
    ClearMarks,
    /// Show or hide the help overlay.
    Help,
    /// Close whatever is open: an overlay, the compare view, the detail focus.
    Close,
    /// Show every figure in the other currency (US dollars or Korean won).
    ToggleCurrency,
    /// Open the trip-budget form for the selected cost range.
    Estimate,
    /// Add the selected record to the shortlist, or remove it.
    ToggleShortlist,
    /// Write a note on the selected record's shortlist entry.
    EditNote,
    /// Write a handout: the shortlist from its view, the comparison from the compare view.
    Export,
    /// Enter or leave presenter mode (no ids, high contrast, read-only).
    TogglePresenter,
    /// Trip-budget form: the next field.
    NextField,
    /// Trip-budget form: the previous field.
    PrevField,
    /// Trip-budget form: raise the field's value.
    Increase,
    /// Trip-budget form: lower the field's value.
    Decrease,
    /// Trip-budget form: type a digit into a number field.
    FormDigit(u8),
    /// Trip-budget form: delete the last digit of a number field.
    FormDelete,
    /// Note: add a character.
    NoteInput(char),
    /// Note: delete the last character.
    NoteDelete,
    /// Note: save it.
    SaveNote,
    /// Answer yes to the question asked (replace the file).
    Confirm,
    /// Shortlist view: open the selected entry's record in its tab.
    OpenEntry,
    /// Shortlist view: remove the selected entry.
    RemoveEntry,
    /// Shortlist view: move the selected entry up.
    MoveEntryUp,
    /// Shortlist view: move the selected entry down.
    MoveEntryDown,
    /// Mouse: select a row of the list (an index into the whole list).
    SelectRow(usize),
    /// Mouse: select a search hit (an index into the results).
    SelectHit(usize),
    /// Mouse wheel over a pane: scroll it.
    Wheel {
        /// The pane under the pointer.
        pane: Pane,
        /// True for towards the user (down).
        down: bool,
    },
    /// The terminal now has this many columns and rows.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

impl Action {
    /// What the action does, for the help overlay.
    pub fn describe(self) -> String {
        match self {
            Action::Quit => "quit".into(),
            Action::NextTab => "next tab".into(),
            Action::PrevTab => "previous tab".into(),
            Action::ShowTab(tab) => format!("show {}", tab.title()),
            Action::FocusList => "focus the list".into(),
            Action::FocusDetail => "focus the detail (links or cost bars become selectable)".into(),
            Action::Up => "move up / scroll up (detail: select the link or bar above)".into(),
            Action::Down => "move down / scroll down (detail: select the link or bar below)".into(),
            Action::PageUp => "page up".into(),
            Action::PageDown => "page down".into(),
            Action::Top => "go to the top".into(),
            Action::Bottom => "go to the bottom".into(),
            Action::ColumnLeft => "scroll the columns left".into(),
            Action::ColumnRight => "scroll the columns right".into(),
            Action::FollowLink => "follow the selected link".into(),
            Action::Back => "go back along the followed links".into(),
            Action::OpenSearch => "search every kind".into(),
            Action::SearchInput(_) | Action::NoteInput(_) => "type into the text".into(),
            Action::SearchDelete | Action::NoteDelete => "delete the last letter".into(),
            Action::OpenHit => "open the selected hit in its tab".into(),
            Action::ToggleMark => "mark or unmark for comparison (2-4 of one kind)".into(),
            Action::OpenCompare => "compare the marked records".into(),
            Action::ClearMarks => "clear the marks".into(),
            Action::Help => "show or hide this help".into(),
            Action::Close => "close what is open".into(),
            Action::ToggleCurrency => "show figures in US dollars or Korean won".into(),
            Action::Estimate => "trip budget for the selected cost range".into(),
            Action::ToggleShortlist => "add to or remove from the shortlist".into(),
            Action::EditNote => "write a note on the shortlist entry".into(),
            Action::Export => "write a handout (HTML) of the shortlist or comparison".into(),
            Action::TogglePresenter => "presenter mode: no ids, high contrast, read-only".into(),
            Action::NextField => "next field".into(),
            Action::PrevField => "previous field".into(),
            Action::Increase => "raise the value".into(),
            Action::Decrease => "lower the value".into(),
            Action::FormDigit(_) => "type a number".into(),
            Action::FormDelete => "delete the last digit".into(),
            Action::SaveNote => "save the note".into(),
            Action::Confirm => "yes, replace the file".into(),
            Action::OpenEntry => "open the record in its tab".into(),
            Action::RemoveEntry => "remove from the shortlist".into(),
            Action::MoveEntryUp => "move up the list".into(),
            Action::MoveEntryDown => "move down the list".into(),
            Action::SelectRow(_) => "select a row".into(),
            Action::SelectHit(_) => "select a hit".into(),
            Action::Wheel { .. } => "scroll".into(),
            Action::Resize { .. } => "resize".into(),
            Action::SearchDone => "show the search results".into(),
        }
    }

    /// A word or two for the status bar, for the actions worth a hint there.
    pub fn hint(self) -> Option<&'static str> {
        Some(match self {
            Action::Quit => "quit",
            Action::Down => "move",
            Action::FocusList => "list",
            Action::FocusDetail => "detail",
            Action::FollowLink => "follow",
            Action::Back => "back",
            Action::OpenSearch => "search",
            Action::OpenHit => "open",
            Action::ToggleMark => "mark",
            Action::OpenCompare => "compare",
            Action::ColumnRight => "columns",
            Action::Help => "help",
            Action::Close => "close",
            Action::ToggleCurrency => "USD/KRW",
            Action::Estimate => "budget",
            Action::ToggleShortlist => "keep",
            Action::EditNote => "note",
            Action::Export => "export",
            Action::TogglePresenter => "present",
            Action::NextField => "field",
            Action::Increase => "change",
            Action::SaveNote => "save",
            Action::Confirm => "yes",
            Action::OpenEntry => "open",
            Action::RemoveEntry => "remove",
            Action::MoveEntryDown => "reorder",
            Action::ShowTab(Tab::Shortlist) => "shortlist",
            _ => return None,
        })
    }
}
