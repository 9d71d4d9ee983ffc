//! The explorer's key and event handling on arbitrary input: every four bytes become a key, a mouse
//! event or a resize (0 and 1 rows and columns included), handled and drawn on a test backend.
#![no_main]

use clinic_explorer::dataset::{Dataset, FILES};
use clinic_explorer::tui::{self, Setup, app::App, event::Event};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

const FIXTURE: [&[u8]; 6] = [
    include_bytes!("../../tests/fixtures/data/sources.ron"),
    include_bytes!("../../tests/fixtures/data/conditions.ron"),
    include_bytes!("../../tests/fixtures/data/therapies.ron"),
    include_bytes!("../../tests/fixtures/data/clinics.ron"),
    include_bytes!("../../tests/fixtures/data/costs.ron"),
    include_bytes!("../../tests/fixtures/data/travel.ron"),
];

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        assert_eq!(FILES.len(), FIXTURE.len());
        Dataset::from_bytes(FIXTURE.iter().map(|f| f.to_vec()).collect()).expect("fixture loads")
    })
}

const CODES: [KeyCode; 16] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Backspace,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Delete,
    KeyCode::F(1),
    KeyCode::Null,
];

fn modifiers(b: u8) -> KeyModifiers {
    let mut m = KeyModifiers::NONE;
    if b & 1 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    if b & 2 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if b & 4 != 0 {
        m |= KeyModifiers::ALT;
    }
    m
}

fn event(chunk: &[u8]) -> Event {
    let (t, a, b, c) = (chunk[0], chunk[1], chunk[2], chunk[3]);
    match t % 8 {
        0..=3 => Event::Key(KeyEvent::new(
            // Mostly printable ASCII (the keymap's letters), sometimes any char, including Hangul.
            KeyCode::Char(match b % 4 {
                0 => char::from_u32(0xAC00 + u32::from(a)).unwrap_or('x'),
                _ => char::from(a % 95 + 32),
            }),
            modifiers(c),
        )),
        4 | 5 => Event::Key(KeyEvent::new(CODES[usize::from(a) % CODES.len()], modifiers(c))),
        6 => Event::Mouse(MouseEvent {
            kind: match c % 6 {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::Up(MouseButton::Left),
                2 => MouseEventKind::ScrollDown,
                3 => MouseEventKind::ScrollUp,
                4 => MouseEventKind::Drag(MouseButton::Left),
                _ => MouseEventKind::Moved,
            },
            column: u16::from(a),
            row: u16::from(b),
            modifiers: KeyModifiers::NONE,
        }),
        _ => Event::Resize(u16::from(a % 200), u16::from(b % 70)),
    }
}

fuzz_target!(|input: &[u8]| {
    let dir = std::env::temp_dir().join("clinic-explorer-fuzz");
    let setup = Setup { store: None, export_dir: dir, ..Setup::default() };
    let mut app = App::with_setup(data().clone(), setup);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    for chunk in input.chunks_exact(4).take(2000) {
        let e = event(chunk);
        if let Event::Resize(w, h) = e {
            terminal.backend_mut().resize(w, h);
        }
        if tui::handle_event(&mut app, e) || matches!(e, Event::Resize(..)) {
            tui::draw(&mut terminal, &app).expect("drawing on a test backend");
        }
        if app.should_quit() {
            break;
        }
    }
});
