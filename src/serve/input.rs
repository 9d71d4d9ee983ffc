//! Keys and mouse from the bytes an SSH client sends. The bytes come in packets that may cut an
//! escape sequence or a UTF-8 character anywhere, so they go through termina's streaming parser,
//! which holds an incomplete sequence until the rest arrives. A lone Esc is indistinguishable from
//! the start of a sequence until no more bytes come: the session calls [`Input::flush`] after
//! [`ESC_WAIT`] of silence. termina's events are turned into the explorer's (crossterm's types).

use crate::tui::event::Event;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use std::time::Duration;
use termina::event as t;

/// How long the bytes must stop for a held Esc to count as the Esc key.
pub const ESC_WAIT: Duration = Duration::from_millis(60);

/// The most bytes held without an event coming out (an unterminated paste, a sequence that never
/// ends): past it the held bytes are thrown away, so a client cannot make the parser grow.
pub const MAX_HELD: usize = 16 * 1024;

/// The most characters a paste types; the rest is dropped.
pub const MAX_PASTE: usize = 512;

/// The parser for one session's input.
#[derive(Debug, Default)]
pub struct Input {
    parser: termina::Parser,
    /// Bytes fed since an event last came out.
    held: usize,
}

impl Input {
    /// A parser holding nothing.
    pub fn new() -> Input {
        Input::default()
    }

    /// Adds bytes as they arrived; returns the events they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.parser.parse(bytes, true);
        let events = self.drain();
        if events.is_empty() {
            self.held = self.held.saturating_add(bytes.len());
            if self.held > MAX_HELD {
                self.parser = termina::Parser::default();
                self.held = 0;
            }
        } else {
            self.held = 0;
        }
        events
    }

    /// No more bytes came for a while: what is held and complete on its own (a lone Esc) comes
    /// out.
    pub fn flush(&mut self) -> Vec<Event> {
        self.parser.parse(&[], false);
        self.drain()
    }

    fn drain(&mut self) -> Vec<Event> {
        let mut out = Vec::new();
        while let Some(event) = self.parser.pop() {
            convert(event, &mut out);
        }
        out
    }
}

/// Appends the explorer's events for one of termina's.
fn convert(event: termina::Event, out: &mut Vec<Event>) {
    match event {
        termina::Event::Key(k) => {
            if let Some(key) = key(k) {
                out.push(Event::Key(key));
            }
        }
        termina::Event::Mouse(m) => {
            if let Some(mouse) = mouse(m) {
                out.push(Event::Mouse(mouse));
            }
        }
        termina::Event::Paste(text) => out.extend(paste(&text)),
        // Sizes come from the SSH channel; focus and terminal replies mean nothing here.
        _ => {}
    }
}

/// A paste types its characters: line breaks and tabs as spaces, other controls dropped, at most
/// [`MAX_PASTE`] of them.
fn paste(text: &str) -> impl Iterator<Item = Event> + '_ {
    text.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .take(MAX_PASTE)
        .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

fn modifiers(m: t::Modifiers) -> KeyModifiers {
    let pairs = [
        (t::Modifiers::SHIFT, KeyModifiers::SHIFT),
        (t::Modifiers::ALT, KeyModifiers::ALT),
        (t::Modifiers::CONTROL, KeyModifiers::CONTROL),
        (t::Modifiers::SUPER, KeyModifiers::SUPER),
        (t::Modifiers::HYPER, KeyModifiers::HYPER),
        (t::Modifiers::META, KeyModifiers::META),
    ];
    pairs
        .into_iter()
        .filter(|(from, _)| m.contains(*from))
        .fold(KeyModifiers::NONE, |acc, (_, to)| acc | to)
}

fn key(k: t::KeyEvent) -> Option<KeyEvent> {
    use t::KeyCode as T;
    let code = match k.code {
        T::Char(c) => KeyCode::Char(c),
        T::Enter => KeyCode::Enter,
        T::Backspace => KeyCode::Backspace,
        T::Tab => KeyCode::Tab,
        T::Escape => KeyCode::Esc,
        T::Left => KeyCode::Left,
        T::Right => KeyCode::Right,
        T::Up => KeyCode::Up,
        T::Down => KeyCode::Down,
        T::Home => KeyCode::Home,
        T::End => KeyCode::End,
        T::BackTab => KeyCode::BackTab,
        T::PageUp => KeyCode::PageUp,
        T::PageDown => KeyCode::PageDown,
        T::Insert => KeyCode::Insert,
        T::Delete => KeyCode::Delete,
        T::KeypadBegin => KeyCode::KeypadBegin,
        T::Function(n) => KeyCode::F(n),
        T::Null => KeyCode::Null,
        _ => return None,
    };
    let kind = match k.kind {
        t::KeyEventKind::Press => KeyEventKind::Press,
        t::KeyEventKind::Repeat => KeyEventKind::Repeat,
        t::KeyEventKind::Release => KeyEventKind::Release,
    };
    let state = if k.state.contains(t::KeyEventState::KEYPAD) {
        KeyEventState::KEYPAD
    } else {
        KeyEventState::NONE
    };
    Some(KeyEvent::new_with_kind_and_state(
        code,
        modifiers(k.modifiers),
        kind,
        state,
    ))
}

fn button(b: t::MouseButton) -> MouseButton {
    match b {
        t::MouseButton::Left => MouseButton::Left,
        t::MouseButton::Right => MouseButton::Right,
        t::MouseButton::Middle => MouseButton::Middle,
    }
}

fn mouse(m: t::MouseEvent) -> Option<MouseEvent> {
    use t::MouseEventKind as T;
    let kind = match m.kind {
        T::Down(b) => MouseEventKind::Down(button(b)),
        T::Up(b) => MouseEventKind::Up(button(b)),
        T::Drag(b) => MouseEventKind::Drag(button(b)),
        T::Moved => MouseEventKind::Moved,
        T::ScrollDown => MouseEventKind::ScrollDown,
        T::ScrollUp => MouseEventKind::ScrollUp,
        T::ScrollLeft => MouseEventKind::ScrollLeft,
        T::ScrollRight => MouseEventKind::ScrollRight,
    };
    Some(MouseEvent {
        kind,
        column: m.column,
        row: m.row,
        modifiers: modifiers(m.modifiers),
    })
}

#[cfg(test)]
mod tests;
