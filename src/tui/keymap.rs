//! Keys -> [`Action`]s, per context, built from the default keys of the action table
//! ([`crate::tui::action::ACTIONS`]). The help overlay and the status bar hints are generated from the
//! same table, so they cannot drift from what the keys do. User bindings from the settings are laid
//! over the table ([`Keymap::apply_overrides`]); what could not be taken as written is kept in
//! [`Keymap::problems`] and shown.

use super::action::{ACTIONS, Action};
use crossterm::event::{KeyCode, KeyEvent};

mod help;
mod key;
mod overrides;

pub use help::{HelpLine, HelpSection, Hint, TEXT_INPUT_KEYS};
pub use key::Key;

/// Where the keys are read: the pane with the focus, or the overlay on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, text input included (Ctrl-c).
    Always,
    /// Everywhere except in text input, forms and the help overlay.
    Global,
    /// The list of records.
    List,
    /// The detail pane (a cost group's chart on the Costs tab).
    Detail,
    /// The compare view.
    Compare,
    /// The shortlist view.
    Shortlist,
    /// The search overlay (text input).
    Search,
    /// The help overlay.
    Help,
    /// The trip-budget form.
    Form,
    /// Writing a note (text input).
    Note,
    /// A yes-or-no question (replace a file?).
    Confirm,
    /// The shortlist could not be saved: save again, quit without saving, or stay.
    Unsaved,
    /// The facet panel.
    Facets,
}

impl Context {
    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 13] = [
        Context::Always,
        Context::Global,
        Context::List,
        Context::Detail,
        Context::Compare,
        Context::Shortlist,
        Context::Search,
        Context::Form,
        Context::Note,
        Context::Confirm,
        Context::Unsaved,
        Context::Facets,
        Context::Help,
    ];

    /// The heading of this context's section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Always",
            Context::Global => "Everywhere",
            Context::List => "List",
            Context::Detail => "Detail (and the cost chart)",
            Context::Compare => "Compare",
            Context::Shortlist => "Shortlist",
            Context::Search => "Search",
            Context::Help => "Help",
            Context::Form => "Trip budget",
            Context::Note => "Note",
            Context::Confirm => "Replace the file?",
            Context::Unsaved => "Shortlist not saved",
            Context::Facets => "Facet panel (f)",
        }
    }

    /// The contexts whose bindings apply here, most specific first.
    pub fn chain(self) -> &'static [Context] {
        match self {
            Context::Always => &[Context::Always],
            Context::Global => &[Context::Global, Context::Always],
            Context::List => &[Context::List, Context::Global, Context::Always],
            Context::Detail => &[Context::Detail, Context::Global, Context::Always],
            Context::Compare => &[Context::Compare, Context::Global, Context::Always],
            Context::Shortlist => &[Context::Shortlist, Context::Global, Context::Always],
            Context::Search => &[Context::Search, Context::Always],
            Context::Help => &[Context::Help, Context::Always],
            Context::Form => &[Context::Form, Context::Always],
            Context::Note => &[Context::Note, Context::Always],
            Context::Confirm => &[Context::Confirm, Context::Always],
            Context::Unsaved => &[Context::Unsaved, Context::Always],
            Context::Facets => &[Context::Facets, Context::Always],
        }
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

/// The bindings in force, built from [`Keymap::default`] and open to overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
    problems: Vec<String>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: ACTIONS
                .iter()
                .flat_map(|spec| {
                    spec.keys.iter().flat_map(move |(context, keys)| {
                        keys.iter().map(move |key| Binding {
                            context: *context,
                            key: *key,
                            action: spec.action,
                        })
                    })
                })
                .collect(),
            problems: Vec::new(),
        }
    }
}

impl Keymap {
    /// Every binding, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// What could not be taken as written from the user's bindings (and the settings' warnings
    /// about them), in words; shown at start and in the help.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// Records a problem with the key bindings.
    pub fn add_problem(&mut self, problem: String) {
        self.problems.push(problem);
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

    fn lookup(&self, context: Context, key: Key) -> Option<Action> {
        context.chain().iter().find_map(|ctx| {
            self.bindings
                .iter()
                .find(|b| b.context == *ctx && b.key == key)
                .map(|b| b.action)
        })
    }

    /// The action a key press means in a context, if any.
    pub fn action(&self, context: Context, event: KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        if let Some(action) = self
            .lookup(context, key)
            .or_else(|| self.lookup(context, key.without_shift()))
        {
            return Some(action);
        }
        match (context, key.code) {
            (Context::Search, KeyCode::Char(c)) if key.modifiers.is_empty() => {
                Some(Action::SearchInput(c))
            }
            (Context::Note, KeyCode::Char(c)) if key.modifiers.is_empty() => {
                Some(Action::NoteInput(c))
            }
            (Context::Form, KeyCode::Char(c)) if key.modifiers.is_empty() => c
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .map(Action::FormDigit),
            _ => None,
        }
    }

    /// [`Keymap::action`], or for a key that does nothing here [`Action::Unbound`], so the app can
    /// say so; `None` for releases and keys nobody presses on purpose (a modifier alone).
    pub fn action_or_unbound(&self, context: Context, event: KeyEvent) -> Option<Action> {
        self.action(context, event).or_else(|| {
            let key = Key::from_event(event)?;
            match key.code {
                KeyCode::Modifier(_)
                | KeyCode::Media(_)
                | KeyCode::CapsLock
                | KeyCode::NumLock
                | KeyCode::ScrollLock
                | KeyCode::Null
                | KeyCode::KeypadBegin => None,
                _ => Some(Action::Unbound(key)),
            }
        })
    }

    /// The names of the keys bound to an action in a context (its own bindings, not inherited ones).
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .map(|b| b.key.name())
            .collect()
    }

    /// The name of the first key that does an action somewhere, for messages ("press s").
    pub fn key_name(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .map(|b| b.key.name())
    }
}
