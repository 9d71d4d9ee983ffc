//! The help overlay's sections and the status bar's hints, generated from the bindings in force.

use super::{Context, Keymap};
use crate::tui::action::{Action, Tab};

/// One line of the help overlay: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys, e.g. "j, Down".
    pub keys: String,
    /// What they do.
    pub description: String,
}

/// One section of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    /// The context's heading.
    pub title: &'static str,
    /// Its lines, in table order.
    pub lines: Vec<HelpLine>,
}

/// What typed letters do in text input (they are not in the table: any letter types itself).
pub const TEXT_INPUT_KEYS: &str = "letters";

/// What typed digits do in the trip-budget form.
const DIGIT_KEYS: &str = "0-9";

/// The order of the status bar hints, left to right.
const HINT_ORDER: [Action; 26] = [
    Action::Down,
    Action::FocusDetail,
    Action::FocusList,
    Action::FollowLink,
    Action::OpenHit,
    Action::OpenEntry,
    Action::NextField,
    Action::Increase,
    Action::SaveNote,
    Action::Confirm,
    Action::Estimate,
    Action::ToggleCurrency,
    Action::ColumnRight,
    Action::OpenSearch,
    Action::ToggleMark,
    Action::OpenCompare,
    Action::ToggleShortlist,
    Action::EditNote,
    Action::RemoveEntry,
    Action::MoveEntryDown,
    Action::Export,
    Action::ShowTab(Tab::Shortlist),
    Action::Help,
    Action::Quit,
    Action::Back,
    Action::Close,
];

/// The order in which hints are kept when the status bar is too narrow for all: most useful first.
const HINT_PRIORITY: [Action; 26] = [
    Action::Down,
    Action::NextField,
    Action::Increase,
    Action::SaveNote,
    Action::Confirm,
    Action::Close,
    Action::FocusDetail,
    Action::FollowLink,
    Action::OpenHit,
    Action::OpenEntry,
    Action::Estimate,
    Action::ToggleCurrency,
    Action::Help,
    Action::Quit,
    Action::FocusList,
    Action::ColumnRight,
    Action::Export,
    Action::RemoveEntry,
    Action::MoveEntryDown,
    Action::OpenSearch,
    Action::ToggleShortlist,
    Action::ToggleMark,
    Action::OpenCompare,
    Action::ShowTab(Tab::Shortlist),
    Action::EditNote,
    Action::Back,
];

/// One status bar hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The action hinted at.
    pub action: Action,
    /// Its keys, e.g. "j/k".
    pub keys: String,
    /// A word or two.
    pub word: &'static str,
    /// Lower is kept first when space is short.
    pub priority: usize,
}

impl Keymap {
    /// The help overlay's content: one section per context, one line per action with all its keys.
    pub fn help(&self) -> Vec<HelpSection> {
        Context::ALL
            .iter()
            .filter_map(|&context| {
                // One line per action; the tab keys share one line naming each tab.
                let group = |a: Action| match a {
                    Action::ShowTab(_) => Action::ShowTab(Tab::Compare),
                    a => a,
                };
                let mut lines: Vec<(Action, Vec<String>, Vec<String>)> = Vec::new();
                for b in self.bindings.iter().filter(|b| b.context == context) {
                    let what = match b.action {
                        Action::ShowTab(tab) => vec![format!("{} {}", b.key.name(), tab.title())],
                        _ => Vec::new(),
                    };
                    match lines.iter_mut().find(|(a, _, _)| *a == group(b.action)) {
                        Some((_, keys, tabs)) => {
                            keys.push(b.key.name());
                            tabs.extend(what);
                        }
                        None => lines.push((group(b.action), vec![b.key.name()], what)),
                    }
                }
                let mut lines: Vec<HelpLine> = lines
                    .into_iter()
                    .map(|(action, keys, tabs)| HelpLine {
                        keys: keys.join(", "),
                        description: if tabs.is_empty() {
                            action.describe()
                        } else {
                            format!("show a tab: {}", tabs.join(", "))
                        },
                    })
                    .collect();
                let typed = match context {
                    Context::Search => Some((TEXT_INPUT_KEYS, Action::SearchInput('a'))),
                    Context::Note => Some((TEXT_INPUT_KEYS, Action::NoteInput('a'))),
                    Context::Form => Some((DIGIT_KEYS, Action::FormDigit(0))),
                    _ => None,
                };
                if let Some((keys, action)) = typed {
                    lines.insert(
                        0,
                        HelpLine {
                            keys: keys.to_owned(),
                            description: action.describe(),
                        },
                    );
                }
                (!lines.is_empty()).then_some(HelpSection {
                    title: context.title(),
                    lines,
                })
            })
            .collect()
    }

    /// Short hints for the status bar, for the actions that work in a context, left to right.
    pub fn hints(&self, context: Context) -> Vec<Hint> {
        let mut out: Vec<Hint> = Vec::new();
        for ctx in context.chain() {
            for b in self.bindings.iter().filter(|b| b.context == *ctx) {
                let Some(word) = b.action.hint() else {
                    continue;
                };
                if out.iter().any(|h| h.action == b.action) {
                    continue;
                }
                // Hints for a pair of moves name both directions: "j/k", "Right/Left".
                let mut keys = b.key.name();
                let other = match b.action {
                    Action::Down => Some(Action::Up),
                    Action::Increase => Some(Action::Decrease),
                    Action::NextField => Some(Action::PrevField),
                    Action::MoveEntryDown => Some(Action::MoveEntryUp),
                    _ => None,
                };
                if let Some(other) = other
                    && let Some(o) = self
                        .bindings
                        .iter()
                        .find(|u| u.context == *ctx && u.action == other)
                {
                    keys = format!("{keys}/{}", o.key.name());
                }
                let priority = HINT_PRIORITY
                    .iter()
                    .position(|a| *a == b.action)
                    .unwrap_or(HINT_PRIORITY.len());
                out.push(Hint {
                    action: b.action,
                    keys,
                    word,
                    priority,
                });
            }
        }
        out.sort_by_key(|h| {
            HINT_ORDER
                .iter()
                .position(|a| *a == h.action)
                .unwrap_or(HINT_ORDER.len())
        });
        out
    }
}
