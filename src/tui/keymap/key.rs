//! A key with its modifiers, as the keymap binds it, and its name for the help and the status bar.

use crate::config::{KeyCode as ConfigCode, KeySpec};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key with its modifiers, as bound in the keymap. Shift is folded into character keys (`G`, `$`);
/// it is kept for other keys (`Shift-Up`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt, if held; Shift too for keys other than characters.
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

    /// A key other than a character with Shift held (`Shift-Up`).
    pub const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::SHIFT,
        }
    }

    /// The key of a key press, or `None` for a release (sent by some terminals).
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let mut keep = KeyModifiers::CONTROL | KeyModifiers::ALT;
        if !matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            keep |= KeyModifiers::SHIFT;
        }
        Some(Key {
            code: event.code,
            modifiers: event.modifiers & keep,
        })
    }

    /// The same key without Shift (a Shift-arrow nobody bound works as the arrow).
    pub fn without_shift(self) -> Key {
        Key {
            code: self.code,
            modifiers: self.modifiers - KeyModifiers::SHIFT,
        }
    }

    /// The key a configuration file's key name stands for; `None` for one the explorer never gets.
    pub fn from_spec(spec: KeySpec) -> Option<Key> {
        let code = match spec.code {
            ConfigCode::Char(c) => KeyCode::Char(c),
            ConfigCode::F(n) => KeyCode::F(n),
            ConfigCode::Enter => KeyCode::Enter,
            ConfigCode::Esc => KeyCode::Esc,
            ConfigCode::Tab => KeyCode::Tab,
            ConfigCode::BackTab => KeyCode::BackTab,
            ConfigCode::Backspace => KeyCode::Backspace,
            ConfigCode::Delete => KeyCode::Delete,
            ConfigCode::Insert => KeyCode::Insert,
            ConfigCode::Home => KeyCode::Home,
            ConfigCode::End => KeyCode::End,
            ConfigCode::PageUp => KeyCode::PageUp,
            ConfigCode::PageDown => KeyCode::PageDown,
            ConfigCode::Up => KeyCode::Up,
            ConfigCode::Down => KeyCode::Down,
            ConfigCode::Left => KeyCode::Left,
            ConfigCode::Right => KeyCode::Right,
        };
        let m = spec.modifiers;
        if m.shift && matches!(code, KeyCode::Char(_)) {
            // Shift with a character that has no shifted form: terminals send the character alone.
            return None;
        }
        let mut modifiers = KeyModifiers::NONE;
        modifiers.set(KeyModifiers::CONTROL, m.ctrl);
        modifiers.set(KeyModifiers::ALT, m.alt);
        modifiers.set(KeyModifiers::SHIFT, m.shift);
        Some(Key { code, modifiers })
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
            KeyCode::Delete => "Delete".to_owned(),
            KeyCode::Insert => "Insert".to_owned(),
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
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            name.push_str("Shift-");
        }
        name.push_str(&base);
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_key;

    #[test]
    fn shift_is_kept_only_for_keys_other_than_characters() {
        let up = KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(up), Some(Key::shift(KeyCode::Up)));
        let dollar = KeyEvent::new(KeyCode::Char('$'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(dollar), Some(Key::char('$')));
        assert_eq!(Key::shift(KeyCode::Up).name(), "Shift-Up");
    }

    #[test]
    fn configuration_key_names_become_keys() {
        let key = |s: &str| Key::from_spec(parse_key(s).unwrap());
        assert_eq!(key("ctrl-n"), Some(Key::ctrl('n')));
        assert_eq!(key("F1"), Some(Key::plain(KeyCode::F(1))));
        assert_eq!(key("shift-tab"), Some(Key::plain(KeyCode::BackTab)));
        assert_eq!(key("shift-up"), Some(Key::shift(KeyCode::Up)));
        assert_eq!(key("G"), Some(Key::char('G')));
        assert_eq!(key("space"), Some(Key::char(' ')));
        assert_eq!(key("shift-1"), None);
    }
}
