//! Key names as written in a configuration file (`ctrl-n`, `j`, `F1`, `shift-tab`, `pgdn`) and the
//! small [`KeySpec`] they stand for. No terminal library here: the explorer turns its own key events
//! into the same shape to look them up.
//!
//! Shift is folded into the key where a terminal does so: `shift-a` is `A`, `shift-tab` is the
//! back-tab key. It stays a modifier only for keys that have no shifted form (`shift-up`). With
//! Ctrl, a capital letter is the letter's key (`Ctrl-N` is `ctrl-n`; `ctrl-shift-n` is `ctrl-N`).

use std::fmt;

/// A key, without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyCode {
    /// A character key, as typed (`j`, `G`, `?`, a space).
    Char(char),
    /// A function key, F1 to F24.
    F(u8),
    /// Enter (Return).
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Home.
    Home,
    /// End.
    End,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
}

/// Modifier keys held with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Modifiers {
    /// Control.
    pub ctrl: bool,
    /// Alt (Meta, Option).
    pub alt: bool,
    /// Shift, only for keys without a shifted form (see the module docs).
    pub shift: bool,
}

/// A key with its modifiers, as named in a key binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeySpec {
    /// The key.
    pub code: KeyCode,
    /// The modifiers held.
    pub modifiers: Modifiers,
}

/// Named keys and the names they may be written with (case does not matter).
const NAMES: [(KeyCode, &[&str]); 16] = [
    (KeyCode::Enter, &["enter", "return", "ret", "cr"]),
    (KeyCode::Esc, &["esc", "escape"]),
    (KeyCode::Tab, &["tab"]),
    (KeyCode::BackTab, &["backtab"]),
    (KeyCode::Backspace, &["backspace", "bs"]),
    (KeyCode::Delete, &["delete", "del"]),
    (KeyCode::Insert, &["insert", "ins"]),
    (KeyCode::Home, &["home"]),
    (KeyCode::End, &["end"]),
    (KeyCode::PageUp, &["pgup", "pageup", "page-up"]),
    (KeyCode::PageDown, &["pgdn", "pagedown", "page-down"]),
    (KeyCode::Up, &["up"]),
    (KeyCode::Down, &["down"]),
    (KeyCode::Left, &["left"]),
    (KeyCode::Right, &["right"]),
    (KeyCode::Char(' '), &["space", "spc"]),
];

/// What a key name may look like, for error messages.
pub const KEY_HELP: &str = "expected a single character or a key name (enter, esc, tab, space, \
backspace, delete, insert, home, end, pgup, pgdn, up, down, left, right, f1 to f24), \
optionally after ctrl-, alt- or shift-";

/// Parses a key name: `j`, `G`, `ctrl-n`, `Ctrl+N`, `alt-x`, `F1`, `shift-tab`, `pgdn`, `space`,
/// `ctrl--` (Ctrl and the minus key). Modifiers are `ctrl`/`control`/`c`, `alt`/`meta`/`m`/`option`
/// and `shift`/`s`, joined with `-` or `+`, in any case; the key's own letter keeps its case.
pub fn parse_key(s: &str) -> Result<KeySpec, String> {
    let text = s.trim();
    if text.is_empty() {
        return Err(format!("an empty key name; {KEY_HELP}"));
    }
    let mut mods = Modifiers::default();
    let mut rest = text;
    while let Some(pos) = rest.find(['-', '+']) {
        let after = &rest[pos + 1..];
        if pos == 0 || after.is_empty() {
            break;
        }
        let flag = match rest[..pos].to_ascii_lowercase().as_str() {
            "ctrl" | "control" | "c" => &mut mods.ctrl,
            "alt" | "meta" | "m" | "option" => &mut mods.alt,
            "shift" | "s" => &mut mods.shift,
            _ => break,
        };
        if *flag {
            return Err(format!("`{text}` names the same modifier twice"));
        }
        *flag = true;
        rest = after;
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ => {
            let lower = rest.to_ascii_lowercase();
            let named = NAMES
                .iter()
                .find(|(_, names)| names.contains(&lower.as_str()))
                .map(|(code, _)| *code);
            let function = lower
                .strip_prefix('f')
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=24).contains(n))
                .map(KeyCode::F);
            named
                .or(function)
                .ok_or_else(|| format!("`{text}` is not a key name; {KEY_HELP}"))?
        }
    };
    Ok(KeySpec {
        code,
        modifiers: mods,
    }
    .folded())
}

impl KeySpec {
    /// Shift folded into the key where it has a shifted form: `shift-a` is `A`, `shift-tab` is
    /// back-tab.
    fn folded(mut self) -> KeySpec {
        match self.code {
            KeyCode::Char(c) if self.modifiers.shift && c.is_lowercase() => {
                let mut up = c.to_uppercase();
                if let (Some(u), None) = (up.next(), up.next()) {
                    self.code = KeyCode::Char(u);
                    self.modifiers.shift = false;
                }
            }
            KeyCode::Char(c) if self.modifiers.shift && c.is_uppercase() => {
                self.modifiers.shift = false;
            }
            // `Ctrl-N` is how people write Ctrl and the N key; Ctrl-Shift-n is written so.
            KeyCode::Char(c) if self.modifiers.ctrl && c.is_ascii_uppercase() => {
                self.code = KeyCode::Char(c.to_ascii_lowercase());
            }
            KeyCode::Tab if self.modifiers.shift => {
                self.code = KeyCode::BackTab;
                self.modifiers.shift = false;
            }
            KeyCode::BackTab => self.modifiers.shift = false,
            _ => {}
        }
        self
    }

    /// The key most terminals actually send for this one: Ctrl-i arrives as Tab, Ctrl-m as Enter,
    /// Ctrl-h as Backspace, Ctrl-[ as Esc and Ctrl-Shift-n as Ctrl-n, so two such bindings cannot
    /// both work.
    pub fn as_sent(self) -> KeySpec {
        let plain = Modifiers::default();
        let ctrl_only = Modifiers {
            ctrl: true,
            ..plain
        };
        if self.modifiers != ctrl_only {
            return self;
        }
        let code = match self.code {
            KeyCode::Char(c) if c.is_ascii_uppercase() => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        let code = match code {
            KeyCode::Char('i') => KeyCode::Tab,
            KeyCode::Char('m') => KeyCode::Enter,
            KeyCode::Char('h') => KeyCode::Backspace,
            KeyCode::Char('[') => KeyCode::Esc,
            other => {
                return KeySpec {
                    code: other,
                    modifiers: ctrl_only,
                };
            }
        };
        KeySpec {
            code,
            modifiers: plain,
        }
    }
}

impl fmt::Display for KeySpec {
    /// The canonical name, which [`parse_key`] reads back: `ctrl-n`, `shift-tab`, `F1`, `space`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.modifiers;
        if m.ctrl {
            f.write_str("ctrl-")?;
        }
        if m.alt {
            f.write_str("alt-")?;
        }
        if m.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            other => {
                let (_, names) = NAMES
                    .iter()
                    .find(|(code, _)| *code == other)
                    .expect("every named key is in NAMES");
                f.write_str(names[0])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, ctrl: bool, alt: bool, shift: bool) -> KeySpec {
        KeySpec {
            code,
            modifiers: Modifiers { ctrl, alt, shift },
        }
    }

    #[test]
    fn parses_common_names() {
        use KeyCode::*;
        let cases = [
            ("j", key(Char('j'), false, false, false)),
            ("G", key(Char('G'), false, false, false)),
            ("shift-g", key(Char('G'), false, false, false)),
            ("ctrl-n", key(Char('n'), true, false, false)),
            ("Ctrl+n", key(Char('n'), true, false, false)),
            ("Ctrl-N", key(Char('n'), true, false, false)),
            ("ctrl-shift-n", key(Char('N'), true, false, false)),
            ("C-x", key(Char('x'), true, false, false)),
            ("alt-ctrl-x", key(Char('x'), true, true, false)),
            ("F1", key(F(1), false, false, false)),
            ("f12", key(F(12), false, false, false)),
            ("shift-tab", key(BackTab, false, false, false)),
            ("backtab", key(BackTab, false, false, false)),
            ("shift-up", key(Up, false, false, true)),
            ("PgDn", key(PageDown, false, false, false)),
            ("space", key(Char(' '), false, false, false)),
            ("-", key(Char('-'), false, false, false)),
            ("ctrl--", key(Char('-'), true, false, false)),
            ("ctrl-+", key(Char('+'), true, false, false)),
            ("?", key(Char('?'), false, false, false)),
            ("가", key(Char('가'), false, false, false)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_key(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_key() {
        for bad in [
            "",
            "  ",
            "ctrl-",
            "hyper-x",
            "f0",
            "f25",
            "ctrl-ctrl-a",
            "enterr",
        ] {
            assert!(parse_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn display_reads_back() {
        for text in [
            "j",
            "G",
            "ctrl-n",
            "alt-x",
            "F5",
            "shift-tab",
            "shift-up",
            "pgdn",
            "space",
            "ctrl--",
            "esc",
            "enter",
        ] {
            let k = parse_key(text).unwrap();
            assert_eq!(k.to_string(), text);
            assert_eq!(parse_key(&k.to_string()), Ok(k));
        }
    }

    #[test]
    fn terminal_aliases() {
        let tab = parse_key("tab").unwrap();
        assert_eq!(parse_key("ctrl-i").unwrap().as_sent(), tab);
        assert_eq!(
            parse_key("ctrl-m").unwrap().as_sent(),
            parse_key("enter").unwrap()
        );
        assert_eq!(
            parse_key("ctrl-n").unwrap().as_sent(),
            parse_key("ctrl-n").unwrap()
        );
        assert_eq!(
            parse_key("ctrl-shift-n").unwrap().as_sent(),
            parse_key("ctrl-n").unwrap()
        );
    }
}
