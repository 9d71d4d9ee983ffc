//! Keys -> [`Action`]s, per context. The help overlay and the status bar hints are generated from the
//! same table, so they cannot drift from what the keys do.

use super::action::{Action, Tab};
use crate::model::Kind;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

mod table;

/// Where the keys are read: the pane with the focus, or the overlay on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, text input included (Ctrl-c).
    Always,
    /// Everywhere except in text input and the help overlay.
    Global,
    /// The list of records.
    List,
    /// The detail pane.
    Detail,
    /// The compare view.
    Compare,
    /// The search overlay (text input).
    Search,
    /// The help overlay.
    Help,
}

impl Context {
    /// The heading of this context's section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Always",
            Context::Global => "Everywhere",
            Context::List => "List",
            Context::Detail => "Detail",
            Context::Compare => "Compare",
            Context::Search => "Search",
            Context::Help => "Help",
        }
    }

    /// The contexts whose bindings apply here, most specific first.
    fn chain(self) -> &'static [Context] {
        match self {
            Context::Always => &[Context::Always],
            Context::Global => &[Context::Global, Context::Always],
            Context::List => &[Context::List, Context::Global, Context::Always],
            Context::Detail => &[Context::Detail, Context::Global, Context::Always],
            Context::Compare => &[Context::Compare, Context::Global, Context::Always],
            Context::Search => &[Context::Search, Context::Always],
            Context::Help => &[Context::Help, Context::Always],
        }
    }
}

/// A key with its modifiers, as bound in the keymap (Shift is folded into the key itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt, if held.
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character key without modifiers.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// A character key with Ctrl held.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The key of a key press, or `None` for a release (sent by some terminals).
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        Some(Key {
            code: event.code,
            modifiers: event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT),
        })
    }

    /// The key's name as the help and the status bar show it: `j`, `Ctrl-n`, `Shift-Tab`, `PgDn`.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Up => "Up".to_owned(),
            KeyCode::Down => "Down".to_owned(),
            KeyCode::Left => "Left".to_owned(),
            KeyCode::Right => "Right".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("Alt-");
        }
        name.push_str(&base);
        name
    }
}

/// One binding: in this context, this key does this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
}

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

/// What typed letters do in the search overlay (they are not in the table: any letter types itself).
pub const TEXT_INPUT_KEYS: &str = "letters";

/// The order of the help overlay's sections.
const SECTIONS: [Context; 7] = [
    Context::Always,
    Context::Global,
    Context::List,
    Context::Detail,
    Context::Compare,
    Context::Search,
    Context::Help,
];

/// The bindings in force, built from [`Keymap::default`] and open to overrides with [`Keymap::bind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: table::TABLE
                .iter()
                .flat_map(|(context, keys, action)| {
                    keys.iter().map(move |key| Binding {
                        context: *context,
                        key: *key,
                        action: *action,
                    })
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// Every binding, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Binds a key in a context, replacing what it did there before.
    pub fn bind(&mut self, context: Context, key: Key, action: Action) {
        match self
            .bindings
            .iter_mut()
            .find(|b| b.context == context && b.key == key)
        {
            Some(b) => b.action = action,
            None => self.bindings.push(Binding {
                context,
                key,
                action,
            }),
        }
    }

    /// Removes a key's binding in a context.
    pub fn unbind(&mut self, context: Context, key: Key) {
        self.bindings
            .retain(|b| !(b.context == context && b.key == key));
    }

    /// The action a key press means in a context, if any.
    pub fn action(&self, context: Context, event: KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        for ctx in context.chain() {
            if let Some(b) = self
                .bindings
                .iter()
                .find(|b| b.context == *ctx && b.key == key)
            {
                return Some(b.action);
            }
        }
        match (context, key.code) {
            (Context::Search, KeyCode::Char(c)) if key.modifiers.is_empty() => {
                Some(Action::SearchInput(c))
            }
            _ => None,
        }
    }

    /// The names of the keys bound to an action in a context (its own bindings, not inherited ones).
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .map(|b| b.key.name())
            .collect()
    }

    /// The help overlay's content: one section per context, one line per action with all its keys.
    pub fn help(&self) -> Vec<HelpSection> {
        SECTIONS
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
                if context == Context::Search {
                    lines.insert(
                        0,
                        HelpLine {
                            keys: TEXT_INPUT_KEYS.to_owned(),
                            description: Action::SearchInput('a').describe(),
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

    /// Short hints for the status bar: `(keys, hint)` for the actions that work in a context.
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        let mut out: Vec<(Action, String, &'static str)> = Vec::new();
        for ctx in context.chain() {
            for b in self.bindings.iter().filter(|b| b.context == *ctx) {
                let Some(hint) = b.action.hint() else {
                    continue;
                };
                if out.iter().any(|(a, _, _)| *a == b.action) {
                    continue;
                }
                // The move hint names both directions: "j/k".
                let mut keys = b.key.name();
                if b.action == Action::Down
                    && let Some(up) = self
                        .bindings
                        .iter()
                        .find(|u| u.context == *ctx && u.action == Action::Up)
                {
                    keys = format!("{keys}/{}", up.key.name());
                }
                out.push((b.action, keys, hint));
            }
        }
        out.sort_by_key(|(a, _, _)| HINT_ORDER.iter().position(|h| h == a));
        out.into_iter().map(|(_, k, h)| (k, h)).collect()
    }
}

/// The order of the status bar hints, most useful first.
const HINT_ORDER: [Action; 13] = [
    Action::Down,
    Action::FocusDetail,
    Action::FocusList,
    Action::FollowLink,
    Action::OpenHit,
    Action::ColumnRight,
    Action::OpenSearch,
    Action::ToggleMark,
    Action::OpenCompare,
    Action::Help,
    Action::Quit,
    Action::Back,
    Action::Close,
];

/// The tab a number key shows.
pub(super) const fn number_tab(n: usize) -> Tab {
    match n {
        1 => Tab::Records(Kind::Condition),
        2 => Tab::Records(Kind::Therapy),
        3 => Tab::Records(Kind::Clinic),
        4 => Tab::Records(Kind::Cost),
        5 => Tab::Records(Kind::Travel),
        _ => Tab::Compare,
    }
}
