//! A key that does nothing where it was pressed is said, briefly, with the way to the help, instead
//! of being ignored in silence.

use super::App;
use crate::tui::keymap::{Context, Key};

impl App {
    /// Says that `key` does nothing here and how to find what does.
    pub(super) fn unbound(&mut self, key: Key) {
        let name = crate::text::sanitize(&key.name());
        self.status = Some(match self.context() {
            Context::Help => {
                format!("{name} does nothing in the help · j/k scroll, q or Esc closes it")
            }
            Context::Confirm => {
                format!("{name} is not an answer · y replaces the file, n or Esc keeps it")
            }
            // Where letters are typed, ? is a letter too: the help is one step away.
            c @ (Context::Search | Context::Note | Context::Form) => format!(
                "{name} does nothing in the {} · Esc closes it, then ? lists the keys",
                c.title().to_lowercase()
            ),
            _ => format!("{name} does nothing here · ? lists the keys"),
        });
    }
}
