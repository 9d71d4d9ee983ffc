//! Every action a key can be bound to, declared once: its name in the `keys` setting, its line in
//! the help, its hint in the status bar (the word, its place left to right, how soon it is dropped
//! when the bar is narrow, and the opposite move named beside it) and its default keys in each
//! context. The keymap, the help overlay, the status bar hints, `config --print` and the reader of
//! the user's bindings all read this table; a test checks that every row is whole.
//!
//! The help lists a context's lines in the order of this table.

use super::{Action, Tab};
use crate::model::Kind;
use crate::tui::keymap::{Context, Key};
use crate::tui::line_edit::Edit;
use crossterm::event::{KeyCode, KeyModifiers};

/// An action's hint in the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HintSpec {
    /// A word or two ("move", "USD/KRW").
    pub word: &'static str,
    /// Its place in the bar, left to right.
    pub order: u8,
    /// Lower is kept first when the bar is too narrow for every hint.
    pub priority: u8,
    /// The opposite move whose key is named beside this one's ("j/k").
    pub pair: Option<Action>,
}

/// One bindable action, whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The action.
    pub action: Action,
    /// Its name in the `keys` setting (kebab-case).
    pub name: &'static str,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// Its status bar hint; `None` for the actions not worth one.
    pub hint: Option<HintSpec>,
    /// Its default keys, per context.
    pub keys: &'static [(Context, &'static [Key])],
}

const fn hint(word: &'static str, order: u8, priority: u8) -> Option<HintSpec> {
    Some(HintSpec {
        word,
        order,
        priority,
        pair: None,
    })
}

const fn paired(word: &'static str, order: u8, priority: u8, pair: Action) -> Option<HintSpec> {
    Some(HintSpec {
        word,
        order,
        priority,
        pair: Some(pair),
    })
}

const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const LEFT: Key = Key::plain(KeyCode::Left);
const RIGHT: Key = Key::plain(KeyCode::Right);
const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);
const HOME: Key = Key::plain(KeyCode::Home);
const END: Key = Key::plain(KeyCode::End);
const PAGE_UP: Key = Key::plain(KeyCode::PageUp);
const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown);
const BACKSPACE: Key = Key::plain(KeyCode::Backspace);
const DELETE: Key = Key::plain(KeyCode::Delete);
const TAB: Key = Key::plain(KeyCode::Tab);
const BACK_TAB: Key = Key::plain(KeyCode::BackTab);
const ALT_BACKSPACE: Key = Key {
    code: KeyCode::Backspace,
    modifiers: KeyModifiers::ALT,
};

const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::ALT,
    }
}

/// A search line edit: its row, bound in the search only.
macro_rules! edit {
    ($edit:expr, $name:literal, $help:literal, $keys:expr) => {
        Spec {
            action: Action::SearchEdit($edit),
            name: $name,
            help: $help,
            hint: None,
            keys: &[(Context::Search, $keys)],
        }
    };
}

/// Every bindable action, in the order the help lists them within each context.
pub const ACTIONS: &[Spec] = &[
    Spec {
        action: Action::OpenHit,
        name: "open-hit",
        help: "open the selected hit in its tab",
        hint: hint("open", 4, 8),
        keys: &[(Context::Search, &[ENTER])],
    },
    Spec {
        action: Action::NextField,
        name: "next-field",
        help: "next field",
        hint: paired("field", 6, 1, Action::PrevField),
        keys: &[(Context::Form, &[TAB, DOWN])],
    },
    Spec {
        action: Action::PrevField,
        name: "prev-field",
        help: "previous field",
        hint: None,
        keys: &[(Context::Form, &[BACK_TAB, UP])],
    },
    Spec {
        action: Action::Increase,
        name: "increase",
        help: "raise the value",
        hint: paired("change", 7, 2, Action::Decrease),
        keys: &[(Context::Form, &[RIGHT, Key::char('+')])],
    },
    Spec {
        action: Action::Decrease,
        name: "decrease",
        help: "lower the value",
        hint: None,
        keys: &[(Context::Form, &[LEFT, Key::char('-')])],
    },
    Spec {
        action: Action::FormDelete,
        name: "form-delete",
        help: "delete the last digit",
        hint: None,
        keys: &[(Context::Form, &[BACKSPACE])],
    },
    Spec {
        action: Action::SaveNote,
        name: "save-note",
        help: "save the note",
        hint: hint("save", 8, 3),
        keys: &[(Context::Note, &[ENTER])],
    },
    Spec {
        action: Action::NoteDelete,
        name: "note-delete",
        help: "delete the last letter",
        hint: None,
        keys: &[(Context::Note, &[BACKSPACE])],
    },
    Spec {
        action: Action::Confirm,
        name: "confirm",
        help: "yes, replace the file",
        hint: hint("yes", 9, 4),
        keys: &[(Context::Confirm, &[Key::char('y'), Key::char('Y')])],
    },
    Spec {
        action: Action::Quit,
        name: "quit",
        help: "quit",
        hint: hint("quit", 23, 13),
        keys: &[
            (Context::Always, &[Key::ctrl('c')]),
            (Context::Global, &[Key::char('q')]),
        ],
    },
    Spec {
        action: Action::SaveAgain,
        name: "save-again",
        help: "save the shortlist again",
        hint: hint("save again", 27, 27),
        keys: &[(Context::Unsaved, &[Key::char('s'), Key::char('S')])],
    },
    Spec {
        action: Action::QuitWithoutSaving,
        name: "quit-without-saving",
        help: "quit, losing the changes not saved",
        hint: hint("quit without saving", 28, 28),
        keys: &[(Context::Unsaved, &[Key::char('q'), Key::char('Q')])],
    },
    Spec {
        action: Action::Suspend,
        name: "suspend",
        help: "suspend to the shell (fg comes back)",
        hint: None,
        keys: &[(Context::Always, &[Key::ctrl('z')])],
    },
    Spec {
        action: Action::Help,
        name: "help",
        help: "show or hide this help",
        hint: hint("help", 22, 12),
        keys: &[(Context::Global, &[Key::char('?')])],
    },
    Spec {
        action: Action::Close,
        name: "close",
        help: "close what is open (q too, in the help, the budget form and questions)",
        hint: hint("close", 25, 5),
        keys: &[
            (Context::Global, &[ESC]),
            (Context::Search, &[ESC]),
            (Context::Form, &[ESC, Key::char('q')]),
            (Context::Note, &[ESC]),
            (
                Context::Confirm,
                &[Key::char('n'), Key::char('N'), ESC, Key::char('q')],
            ),
            (Context::Facets, &[ESC, Key::char('f'), Key::char('q')]),
            (Context::Unsaved, &[ESC]),
            (Context::Help, &[Key::char('?'), ESC, Key::char('q')]),
        ],
    },
    Spec {
        action: Action::NextTab,
        name: "next-tab",
        help: "next tab",
        hint: None,
        keys: &[(Context::Global, &[TAB])],
    },
    Spec {
        action: Action::PrevTab,
        name: "prev-tab",
        help: "previous tab",
        hint: None,
        keys: &[(Context::Global, &[BACK_TAB])],
    },
    Spec {
        action: Action::ShowTab(Tab::Records(Kind::Condition)),
        name: "show-conditions",
        help: "show Conditions",
        hint: None,
        keys: &[(Context::Global, &[Key::char('1')])],
    },
    Spec {
        action: Action::ShowTab(Tab::Records(Kind::Therapy)),
        name: "show-therapies",
        help: "show Therapies",
        hint: None,
        keys: &[(Context::Global, &[Key::char('2')])],
    },
    Spec {
        action: Action::ShowTab(Tab::Records(Kind::Clinic)),
        name: "show-clinics",
        help: "show Clinics",
        hint: None,
        keys: &[(Context::Global, &[Key::char('3')])],
    },
    Spec {
        action: Action::ShowTab(Tab::Records(Kind::Cost)),
        name: "show-costs",
        help: "show Costs",
        hint: None,
        keys: &[(Context::Global, &[Key::char('4')])],
    },
    Spec {
        action: Action::ShowTab(Tab::Records(Kind::Travel)),
        name: "show-travel",
        help: "show Travel",
        hint: None,
        keys: &[(Context::Global, &[Key::char('5')])],
    },
    Spec {
        action: Action::ShowTab(Tab::Compare),
        name: "show-compare",
        help: "show Compare",
        hint: None,
        keys: &[(Context::Global, &[Key::char('6')])],
    },
    Spec {
        action: Action::Down,
        name: "down",
        help: "move down / scroll down (detail: select the link or bar below)",
        hint: paired("move", 0, 0, Action::Up),
        keys: &[
            (Context::Global, &[Key::char('j'), DOWN]),
            (Context::Facets, &[Key::char('j'), DOWN]),
            (Context::Search, &[DOWN]),
            (Context::Help, &[Key::char('j'), DOWN]),
        ],
    },
    Spec {
        action: Action::Up,
        name: "up",
        help: "move up / scroll up (detail: select the link or bar above)",
        hint: None,
        keys: &[
            (Context::Global, &[Key::char('k'), UP]),
            (Context::Facets, &[Key::char('k'), UP]),
            (Context::Search, &[UP]),
            (Context::Help, &[Key::char('k'), UP]),
        ],
    },
    Spec {
        action: Action::PageDown,
        name: "page-down",
        help: "page down",
        hint: None,
        keys: &[
            (Context::Global, &[PAGE_DOWN]),
            (Context::Facets, &[PAGE_DOWN]),
            (Context::Search, &[PAGE_DOWN]),
            (Context::Form, &[PAGE_DOWN, Key::char(' ')]),
            (Context::Help, &[PAGE_DOWN, Key::char(' ')]),
        ],
    },
    Spec {
        action: Action::PageUp,
        name: "page-up",
        help: "page up",
        hint: None,
        keys: &[
            (Context::Global, &[PAGE_UP]),
            (Context::Facets, &[PAGE_UP]),
            (Context::Search, &[PAGE_UP]),
            (Context::Form, &[PAGE_UP]),
            (Context::Help, &[PAGE_UP]),
        ],
    },
    Spec {
        action: Action::Top,
        name: "top",
        help: "go to the top",
        hint: None,
        keys: &[
            (Context::Global, &[Key::char('g'), HOME]),
            (Context::Facets, &[Key::char('g'), HOME]),
            (Context::Help, &[Key::char('g'), HOME]),
        ],
    },
    Spec {
        action: Action::Bottom,
        name: "bottom",
        help: "go to the bottom",
        hint: None,
        keys: &[
            (Context::Global, &[Key::char('G'), END]),
            (Context::Facets, &[Key::char('G'), END]),
            (Context::Help, &[Key::char('G'), END]),
        ],
    },
    Spec {
        action: Action::SearchDelete,
        name: "search-delete",
        help: "delete the last letter",
        hint: None,
        keys: &[(Context::Search, &[BACKSPACE])],
    },
    edit!(
        Edit::Left,
        "search-left",
        "cursor one letter left",
        &[LEFT, Key::ctrl('b')]
    ),
    edit!(
        Edit::Right,
        "search-right",
        "cursor one letter right",
        &[RIGHT, Key::ctrl('f')]
    ),
    edit!(
        Edit::Home,
        "search-start",
        "cursor to the start",
        &[Key::ctrl('a'), HOME]
    ),
    edit!(
        Edit::End,
        "search-end",
        "cursor to the end",
        &[Key::ctrl('e'), END]
    ),
    edit!(
        Edit::WordLeft,
        "search-word-left",
        "cursor one word left",
        &[alt('b')]
    ),
    edit!(
        Edit::WordRight,
        "search-word-right",
        "cursor one word right",
        &[alt('f')]
    ),
    edit!(
        Edit::Delete,
        "search-delete-forward",
        "delete the letter under the cursor",
        &[DELETE, Key::ctrl('d')]
    ),
    edit!(
        Edit::KillToStart,
        "search-cut-to-start",
        "cut from the start to the cursor",
        &[Key::ctrl('u')]
    ),
    edit!(
        Edit::KillToEnd,
        "search-cut-to-end",
        "cut from the cursor to the end",
        &[Key::ctrl('k')]
    ),
    edit!(
        Edit::KillWord,
        "search-cut-word",
        "cut the word before the cursor (back to a space)",
        &[Key::ctrl('w')]
    ),
    edit!(
        Edit::KillAlnumWord,
        "search-cut-word-part",
        "cut the word part before the cursor (back to - or .)",
        &[ALT_BACKSPACE]
    ),
    Spec {
        action: Action::SearchHistory { older: true },
        name: "search-history-back",
        help: "the previous search (Up/Down move among the hits, and through past searches when there are none)",
        hint: None,
        keys: &[(Context::Search, &[Key::ctrl('p'), alt('p')])],
    },
    Spec {
        action: Action::SearchHistory { older: false },
        name: "search-history-forward",
        help: "the next search, back to what was being typed",
        hint: None,
        keys: &[(Context::Search, &[Key::ctrl('n'), alt('n')])],
    },
    Spec {
        action: Action::OpenSearch,
        name: "search",
        help: "search every kind",
        hint: hint("search", 13, 19),
        keys: &[(Context::Global, &[Key::char('/')])],
    },
    Spec {
        action: Action::ToggleMark,
        name: "mark",
        help: "mark or unmark for comparison (2-4 of one kind)",
        hint: hint("mark", 14, 21),
        keys: &[(Context::Global, &[Key::char(' ')])],
    },
    Spec {
        action: Action::OpenCompare,
        name: "compare",
        help: "compare the marked records",
        hint: hint("compare", 15, 22),
        keys: &[(Context::Global, &[Key::char('c')])],
    },
    Spec {
        action: Action::ClearMarks,
        name: "clear-marks",
        help: "clear the marks",
        hint: None,
        keys: &[(Context::Global, &[Key::char('x')])],
    },
    Spec {
        action: Action::Back,
        name: "back",
        help: "go back along the followed links",
        hint: hint("back", 24, 25),
        keys: &[(Context::Global, &[BACKSPACE])],
    },
    Spec {
        action: Action::ToggleCurrency,
        name: "currency",
        help: "show figures in US dollars or Korean won",
        hint: hint("USD/KRW", 11, 11),
        keys: &[
            (Context::Global, &[Key::char('$')]),
            (Context::Form, &[Key::char('$')]),
        ],
    },
    Spec {
        action: Action::Estimate,
        name: "estimate",
        help: "trip budget for the selected cost range",
        hint: hint("budget", 10, 10),
        keys: &[(Context::Global, &[Key::char('e')])],
    },
    Spec {
        action: Action::Yank,
        name: "copy",
        help: "copy the selected record with its sources (on the cost chart: the figure) to the clipboard",
        hint: hint("copy", 30, 30),
        keys: &[(Context::Global, &[Key::char('y')])],
    },
    Spec {
        action: Action::ToggleMouse,
        name: "mouse",
        help: "let the terminal have the mouse, so its own selection works (again: take it back)",
        hint: None,
        keys: &[(Context::Global, &[Key::char('m')])],
    },
    Spec {
        action: Action::CycleTheme,
        name: "theme",
        help: "next colour scheme: dark, light, high contrast (kept for next time, like the currency)",
        hint: None,
        keys: &[(Context::Global, &[Key::char('T')])],
    },
    Spec {
        action: Action::ToggleShortlist,
        name: "shortlist",
        help: "add to or remove from the shortlist",
        hint: hint("keep", 16, 20),
        keys: &[(Context::Global, &[Key::char('b')])],
    },
    Spec {
        action: Action::EditNote,
        name: "note",
        help: "write a note on the shortlist entry",
        hint: hint("note", 17, 24),
        keys: &[(Context::Global, &[Key::char('n')])],
    },
    Spec {
        action: Action::ShowTab(Tab::Shortlist),
        name: "show-shortlist",
        help: "show Shortlist",
        hint: hint("shortlist", 21, 23),
        keys: &[(Context::Global, &[Key::char('s')])],
    },
    Spec {
        action: Action::Export,
        name: "export",
        help: "write a handout (HTML) of the shortlist or comparison",
        hint: hint("export", 20, 16),
        keys: &[(Context::Global, &[Key::char('E')])],
    },
    Spec {
        action: Action::TogglePresenter,
        name: "presenter",
        help: "presenter mode: no ids, high contrast, read-only",
        hint: hint("present", 26, 26),
        keys: &[(Context::Global, &[Key::char('p')])],
    },
    Spec {
        action: Action::ListWidth { wider: true },
        name: "wider-list",
        help: "make the list wider (the detail narrower)",
        hint: None,
        keys: &[
            (Context::List, &[Key::char('>')]),
            (Context::Detail, &[Key::char('>')]),
        ],
    },
    Spec {
        action: Action::ListWidth { wider: false },
        name: "narrower-list",
        help: "make the list narrower (the detail wider)",
        hint: None,
        keys: &[
            (Context::List, &[Key::char('<')]),
            (Context::Detail, &[Key::char('<')]),
        ],
    },
    Spec {
        action: Action::FocusDetail,
        name: "focus-detail",
        help: "focus the detail (links or cost bars become selectable)",
        hint: hint("detail", 1, 6),
        keys: &[(Context::List, &[Key::char('l'), RIGHT, ENTER])],
    },
    Spec {
        action: Action::OpenFacets,
        name: "facets",
        help: "filter the list by its facets (district, offers, evidence, country...), with counts",
        hint: hint("filter", 31, 31),
        keys: &[(Context::List, &[Key::char('f')])],
    },
    Spec {
        action: Action::ToggleFacet,
        name: "choose-facet",
        help: "choose or drop the value under the cursor",
        hint: None,
        keys: &[(Context::Facets, &[Key::char(' '), ENTER])],
    },
    Spec {
        action: Action::ClearFilters,
        name: "clear-filters",
        help: "drop every filter of the list",
        hint: None,
        keys: &[
            (Context::List, &[Key::char('F')]),
            (Context::Facets, &[Key::char('c')]),
        ],
    },
    Spec {
        action: Action::CycleSort,
        name: "sort",
        help: "sort by the next column (name, evidence, price low/high, district, country), then file order",
        hint: hint("sort", 32, 32),
        keys: &[(Context::List, &[Key::char('o')])],
    },
    Spec {
        action: Action::ReverseSort,
        name: "reverse-sort",
        help: "reverse the sort",
        hint: None,
        keys: &[(Context::List, &[Key::char('O')])],
    },
    Spec {
        action: Action::ToggleTree,
        name: "tree",
        help: "conditions as a tree of subtypes, therapies by category, or the plain list",
        hint: None,
        keys: &[(Context::List, &[Key::char('t')])],
    },
    Spec {
        action: Action::ToggleFold,
        name: "fold",
        help: "fold or unfold the selected parent (or category) in the tree",
        hint: None,
        keys: &[(Context::List, &[Key::char('z')])],
    },
    Spec {
        action: Action::FocusList,
        name: "focus-list",
        help: "focus the list",
        hint: hint("list", 2, 14),
        keys: &[(Context::Detail, &[Key::char('h'), LEFT])],
    },
    Spec {
        action: Action::FollowLink,
        name: "follow-link",
        help: "follow the selected link",
        hint: hint("follow", 3, 7),
        keys: &[(Context::Detail, &[ENTER])],
    },
    Spec {
        action: Action::ColumnLeft,
        name: "column-left",
        help: "focus the column to the left (the columns scroll to show it)",
        hint: paired("column", 12, 15, Action::ColumnRight),
        keys: &[(Context::Compare, &[Key::char('h'), LEFT])],
    },
    Spec {
        action: Action::ColumnRight,
        name: "column-right",
        help: "focus the column to the right (marked ━ under its name)",
        hint: None,
        keys: &[(Context::Compare, &[Key::char('l'), RIGHT])],
    },
    Spec {
        action: Action::OpenColumn,
        name: "open-column",
        help: "open the focused column's record in its tab (Backspace comes back)",
        hint: None,
        keys: &[(Context::Compare, &[ENTER])],
    },
    Spec {
        action: Action::MoveColumnLeft,
        name: "move-column-left",
        help: "move the focused column left",
        hint: None,
        keys: &[(
            Context::Compare,
            &[Key::char('H'), Key::shift(KeyCode::Left)],
        )],
    },
    Spec {
        action: Action::MoveColumnRight,
        name: "move-column-right",
        help: "move the focused column right",
        hint: None,
        keys: &[(
            Context::Compare,
            &[Key::char('L'), Key::shift(KeyCode::Right)],
        )],
    },
    Spec {
        action: Action::ToggleDiffering,
        name: "only-differing",
        help: "show only the rows whose values differ (≠), again for every row",
        hint: None,
        keys: &[(Context::Compare, &[Key::char('d')])],
    },
    Spec {
        action: Action::ToggleSources,
        name: "sources",
        help: "open the sources in full, again to fold them to one line per record",
        hint: None,
        keys: &[(Context::Compare, &[Key::char('o')])],
    },
    Spec {
        action: Action::OpenEntry,
        name: "open-entry",
        help: "open the record in its tab",
        hint: hint("open", 5, 9),
        keys: &[(Context::Shortlist, &[ENTER])],
    },
    Spec {
        action: Action::RemoveEntry,
        name: "remove-entry",
        help: "remove from the shortlist, note and all (u puts it back)",
        hint: hint("remove", 18, 17),
        keys: &[(Context::Shortlist, &[Key::char('d'), DELETE])],
    },
    Spec {
        action: Action::UndoRemove,
        name: "undo-remove",
        help: "put back the last entry removed, with its note (again for the one before)",
        hint: hint("undo", 29, 29),
        keys: &[(Context::Shortlist, &[Key::char('u')])],
    },
    Spec {
        action: Action::MoveEntryUp,
        name: "move-entry-up",
        help: "move up the list",
        hint: None,
        keys: &[(
            Context::Shortlist,
            &[Key::char('K'), Key::shift(KeyCode::Up)],
        )],
    },
    Spec {
        action: Action::MoveEntryDown,
        name: "move-entry-down",
        help: "move down the list",
        hint: paired("reorder", 19, 18, Action::MoveEntryUp),
        keys: &[(
            Context::Shortlist,
            &[Key::char('J'), Key::shift(KeyCode::Down)],
        )],
    },
];

impl Action {
    /// The action's row in [`ACTIONS`]; `None` for the actions no key can be bound to (typing, mouse
    /// clicks, resizes, search results arriving).
    pub fn spec(self) -> Option<&'static Spec> {
        ACTIONS.iter().find(|s| s.action == self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_row_is_whole_and_names_keys_and_hints_do_not_clash() {
        let mut names = HashSet::new();
        let mut orders = HashSet::new();
        let mut priorities = HashSet::new();
        for s in ACTIONS {
            let what = format!("{:?}", s.action);
            assert!(names.insert(s.name), "{what}: name `{}` twice", s.name);
            assert!(
                !s.name.is_empty() && s.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{what}: a kebab-case name"
            );
            assert!(!s.help.trim().is_empty(), "{what}: no help text");
            assert!(!s.keys.is_empty(), "{what}: no default key");
            for (context, keys) in s.keys {
                assert!(!keys.is_empty(), "{what}: no key in {context:?}");
            }
            if let Some(h) = s.hint {
                assert!(!h.word.is_empty(), "{what}: an empty hint word");
                assert!(
                    orders.insert(h.order),
                    "{what}: hint place {} twice",
                    h.order
                );
                assert!(
                    priorities.insert(h.priority),
                    "{what}: hint priority {} twice",
                    h.priority
                );
                if let Some(p) = h.pair {
                    assert!(p.spec().is_some(), "{what}: its pair {p:?} has no row");
                }
            }
            assert_eq!(s.action.spec(), Some(s), "{what}: one row per action");
        }
    }

    #[test]
    fn a_key_does_one_thing_per_context() {
        let mut seen = HashSet::new();
        for s in ACTIONS {
            for (context, keys) in s.keys {
                for key in *keys {
                    assert!(
                        seen.insert((*context, *key)),
                        "{} in {context:?} is bound twice",
                        key.name()
                    );
                }
            }
        }
    }

    #[test]
    fn every_tab_can_be_shown_by_a_key() {
        let mut tabs: Vec<Tab> = Kind::ALL.into_iter().map(Tab::Records).collect();
        tabs.extend([Tab::Compare, Tab::Shortlist]);
        for tab in tabs {
            assert!(Action::ShowTab(tab).spec().is_some(), "{tab:?}");
        }
    }
}
