//! Every thing a user of the explorer can do, as a typed value.
//!
//! Keys become actions in [`super::keymap`], mouse events in [`super::mouse`]; [`super::app::App::update`]
//! is the only place an action changes state, so tests drive the explorer by sending actions. Each
//! action a key can be bound to is declared once, whole, in [`ACTIONS`]: its stable name
//! ([`Action::name`], [`Action::from_name`], which the `keys` setting uses), its help text, its
//! status bar hint and its default keys.

mod names;
mod table;

pub use table::{ACTIONS, HintSpec, Spec};

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
    /// Open the facet panel of the tab shown.
    OpenFacets,
    /// Choose or drop the facet value under the cursor.
    ToggleFacet,
    /// Drop every chosen facet value of the tab shown.
    ClearFilters,
    /// Sort the list by the next column (name, evidence, price...), then back to file order.
    CycleSort,
    /// Reverse the list's sort.
    ReverseSort,
    /// Show conditions as a tree (therapies by category), or the plain list again.
    ToggleTree,
    /// Fold or unfold the selected row's parent (or category) in the tree.
    ToggleFold,
    /// Leave the explorer.
    Quit,
    /// Give the terminal back and stop until `fg` (Ctrl-Z); the loop does it, not `update`.
    Suspend,
    /// Try saving the shortlist again (after a save failed).
    SaveAgain,
    /// Quit although the shortlist's last changes could not be saved.
    QuitWithoutSaving,
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
    /// Compare view: focus the record column to the left (the columns scroll to show it).
    ColumnLeft,
    /// Compare view: focus the record column to the right.
    ColumnRight,
    /// Compare view: move the focused column one place left.
    MoveColumnLeft,
    /// Compare view: move the focused column one place right.
    MoveColumnRight,
    /// Compare view: show only the rows whose values differ, or every row again.
    ToggleDiffering,
    /// Compare view: open the sources in full, or fold them to one line per record.
    ToggleSources,
    /// Compare view: open the focused column's record in its tab.
    OpenColumn,
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
    /// Search: edit the query line as a shell does (cursor moves, cuts).
    SearchEdit(crate::tui::line_edit::Edit),
    /// Search: the previous search (`true`) or the next one (`false`) from the history.
    SearchHistory {
        /// Older when true, newer when false.
        older: bool,
    },
    /// A key that does nothing where it was pressed: said in the status line.
    Unbound(crate::tui::keymap::Key),
    /// Copy the selected record (or the focused figure) to the clipboard.
    Yank,
    /// Release the mouse to the terminal (its own selection works) or take it back.
    ToggleMouse,
    /// Shortlist: put back the entries removed last, newest first.
    UndoRemove,
    /// The next colour scheme (dark, light, high contrast), kept for the next start.
    CycleTheme,
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
    /// Make the list pane wider (`true`, `>`) or narrower (`false`, `<`) by a step.
    ListWidth {
        /// Wider when true.
        wider: bool,
    },
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
    /// True for the actions a key can be bound to; each has its row in [`ACTIONS`] (a test checks
    /// it). The match has no catch-all, so a new action must be sorted here.
    pub fn is_bindable(self) -> bool {
        match self {
            Action::SearchInput(_)
            | Action::NoteInput(_)
            | Action::FormDigit(_)
            | Action::SelectRow(_)
            | Action::SelectHit(_)
            | Action::Wheel { .. }
            | Action::Resize { .. }
            | Action::SearchDone
            | Action::Unbound(_) => false,
            Action::SearchEdit(edit) => !matches!(edit, crate::tui::line_edit::Edit::Insert(_)),
            Action::OpenFacets
            | Action::ToggleFacet
            | Action::ClearFilters
            | Action::CycleSort
            | Action::ReverseSort
            | Action::ToggleTree
            | Action::ToggleFold
            | Action::Quit
            | Action::NextTab
            | Action::PrevTab
            | Action::ShowTab(_)
            | Action::FocusList
            | Action::FocusDetail
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::ColumnLeft
            | Action::ColumnRight
            | Action::MoveColumnLeft
            | Action::MoveColumnRight
            | Action::ToggleDiffering
            | Action::ToggleSources
            | Action::OpenColumn
            | Action::FollowLink
            | Action::Back
            | Action::OpenSearch
            | Action::SearchDelete
            | Action::OpenHit
            | Action::ToggleMark
            | Action::OpenCompare
            | Action::ClearMarks
            | Action::Help
            | Action::Close
            | Action::ToggleCurrency
            | Action::Estimate
            | Action::ToggleShortlist
            | Action::EditNote
            | Action::Export
            | Action::TogglePresenter
            | Action::ListWidth { .. }
            | Action::NextField
            | Action::PrevField
            | Action::Increase
            | Action::Decrease
            | Action::FormDelete
            | Action::NoteDelete
            | Action::SaveNote
            | Action::Confirm
            | Action::OpenEntry
            | Action::RemoveEntry
            | Action::MoveEntryUp
            | Action::MoveEntryDown
            | Action::Suspend
            | Action::SaveAgain
            | Action::QuitWithoutSaving
            | Action::SearchHistory { .. }
            | Action::Yank
            | Action::ToggleMouse
            | Action::UndoRemove
            | Action::CycleTheme => true,
        }
    }

    /// What the action does, for the help overlay: its row's help text, or for the actions no key
    /// is bound to, a few words.
    pub fn describe(self) -> &'static str {
        if let Some(spec) = self.spec() {
            return spec.help;
        }
        match self {
            Action::SearchInput(_) | Action::NoteInput(_) => "type into the text",
            Action::FormDigit(_) => "type a number",
            Action::SelectRow(_) => "select a row",
            Action::SelectHit(_) => "select a hit",
            Action::Wheel { .. } => "scroll",
            Action::Resize { .. } => "resize",
            Action::SearchDone => "show the search results",
            Action::Unbound(_) => "say that a key does nothing here",
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One action of each kind (see [`Action::is_bindable`], whose match lists every kind).
    const ONE_OF_EACH: &[Action] = &[
        Action::Quit,
        Action::Suspend,
        Action::SaveAgain,
        Action::QuitWithoutSaving,
        Action::NextTab,
        Action::PrevTab,
        Action::ShowTab(Tab::Compare),
        Action::FocusList,
        Action::FocusDetail,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::ColumnLeft,
        Action::ColumnRight,
        Action::MoveColumnLeft,
        Action::MoveColumnRight,
        Action::ToggleDiffering,
        Action::ToggleSources,
        Action::OpenColumn,
        Action::FollowLink,
        Action::Back,
        Action::OpenSearch,
        Action::SearchInput('a'),
        Action::SearchDelete,
        Action::SearchEdit(crate::tui::line_edit::Edit::KillWord),
        Action::SearchHistory { older: true },
        Action::Unbound(crate::tui::keymap::Key::char('z')),
        Action::Yank,
        Action::ToggleMouse,
        Action::UndoRemove,
        Action::CycleTheme,
        Action::OpenHit,
        Action::SearchDone,
        Action::ToggleMark,
        Action::OpenCompare,
        Action::ClearMarks,
        Action::Help,
        Action::Close,
        Action::ToggleCurrency,
        Action::Estimate,
        Action::ToggleShortlist,
        Action::EditNote,
        Action::Export,
        Action::TogglePresenter,
        Action::ListWidth { wider: true },
        Action::NextField,
        Action::PrevField,
        Action::Increase,
        Action::Decrease,
        Action::FormDigit(1),
        Action::FormDelete,
        Action::NoteInput('a'),
        Action::NoteDelete,
        Action::SaveNote,
        Action::Confirm,
        Action::OpenEntry,
        Action::RemoveEntry,
        Action::MoveEntryUp,
        Action::MoveEntryDown,
        Action::SelectRow(0),
        Action::SelectHit(0),
        Action::Wheel {
            pane: Pane::List,
            down: true,
        },
        Action::Resize {
            width: 80,
            height: 24,
        },
    ];

    #[test]
    fn every_bindable_action_has_its_row_and_no_other_does() {
        for a in ONE_OF_EACH {
            assert_eq!(a.is_bindable(), a.spec().is_some(), "{a:?}");
            assert!(!a.describe().is_empty(), "{a:?} has no help text");
        }
        for s in ACTIONS {
            assert!(s.action.is_bindable(), "{:?} has a row", s.action);
        }
    }
}
