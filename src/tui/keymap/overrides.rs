//! The user's key bindings (from the settings) laid over the default table.
//!
//! A binding applies in the contexts where its action works by default, and there it replaces what
//! the key did (also in the contexts that inherit from them, so `e` bound to `help` is help in the
//! list and the detail alike). Nothing is taken silently: an unknown action name, a key the terminal
//! cannot send, a key taken from another action and an action left without a key are all reported.

use super::{Context, Key, Keymap};
use crate::config::KeyBinding;
use crate::text::sanitize;
use crate::tui::action::{ACTIONS, Action};

/// The contexts an action is bound in by default, in table order.
fn default_contexts(action: Action) -> Vec<Context> {
    action
        .spec()
        .map(|s| s.keys.iter().map(|(context, _)| *context).collect())
        .unwrap_or_default()
}

fn label(action: Action) -> &'static str {
    action.name().unwrap_or("?")
}

impl Keymap {
    /// Lays the user's bindings over the keymap; what could not be taken as written, and every
    /// default binding a user binding replaced, is added to [`Keymap::problems`].
    pub fn apply_overrides(&mut self, bindings: &[KeyBinding]) {
        for b in bindings {
            let shown = sanitize(&b.key);
            let Some(action) = Action::from_name(&b.action) else {
                self.add_problem(format!(
                    "key `{shown}` ({}): there is no action named `{}`; the help lists the names",
                    b.origin,
                    sanitize(&b.action)
                ));
                continue;
            };
            let Some(key) = Key::from_spec(b.spec) else {
                self.add_problem(format!(
                    "key `{shown}` ({}): terminals send it without Shift, so it cannot be told \
                     apart; not bound",
                    b.origin
                ));
                continue;
            };
            for context in default_contexts(action) {
                let affected: Vec<Context> = Context::ALL
                    .into_iter()
                    .filter(|c| c.chain().contains(&context))
                    .collect();
                let replaced: Vec<Action> = self
                    .bindings
                    .iter()
                    .filter(|x| affected.contains(&x.context) && x.key == key && x.action != action)
                    .map(|x| x.action)
                    .collect();
                self.bindings
                    .retain(|x| !(affected.contains(&x.context) && x.key == key));
                for old in replaced {
                    let note = format!(
                        "key `{}` now does `{}` instead of `{}` ({})",
                        key.name(),
                        label(action),
                        label(old),
                        b.origin
                    );
                    if !self.problems.contains(&note) {
                        self.add_problem(note);
                    }
                }
                self.bind(context, key, action);
            }
        }
        for (spec, context) in ACTIONS
            .iter()
            .flat_map(|s| s.keys.iter().map(move |(c, _)| (s, *c)))
        {
            if self.keys_for(context, spec.action).is_empty() {
                let note = format!("`{}` has no key left in {}", spec.name, context.title());
                if !self.problems.contains(&note) {
                    self.add_problem(note);
                }
            }
        }
    }
}
