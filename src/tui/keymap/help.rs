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
    pub priority: u8,
    /// Its place in the bar, left to right.
    pub order: u8,
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
                            action.describe().to_owned()
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
                            description: action.describe().to_owned(),
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
                let Some(spec) = b.action.spec().and_then(|s| s.hint) else {
                    continue;
                };
                if out.iter().any(|h| h.action == b.action) {
                    continue;
                }
                // Hints for a pair of moves name both directions: "j/k", "Right/Left".
                let mut keys = b.key.name();
                if let Some(other) = spec.pair
                    && let Some(o) = self
                        .bindings
                        .iter()
                        .find(|u| u.context == *ctx && u.action == other)
                {
                    keys = format!("{keys}/{}", o.key.name());
                }
                out.push(Hint {
                    action: b.action,
                    keys,
                    word: spec.word,
                    priority: spec.priority,
                    order: spec.order,
                });
            }
        }
        out.sort_by_key(|h| h.order);
        out
    }
}
