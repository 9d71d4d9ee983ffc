//! Thousands of pseudo-random keys, mouse events and resizes (0 and 1 rows and columns included) fed
//! to the explorer, drawn after each on a test backend resized to match: nothing may panic, and
//! whenever an update says nothing changed, drawing again gives the last frame (the redraw guard). The
//! shortlist and handouts go to a temporary directory.

use clinic_explorer::shortlist::Store;
use clinic_explorer::tui::keymap::Context;
use clinic_explorer::tui::perform::{Performer, settle};
use clinic_explorer::tui::{self, Setup, app::App, event::Event, theme::Theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
#[path = "common/lib.rs"]
mod common;

use common::fixture;

/// A tiny xorshift generator: the same sequence on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const CODES: [KeyCode; 17] = [
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
    KeyCode::Insert,
    KeyCode::Null,
];

const CHARS: &[char] = &[
    'j', 'j', 'k', 'k', 'h', 'l', 'g', 'G', '/', '?', ' ', ' ', 'c', 'x', 'q', '1', '2', '3', '4',
    '4', '5', '6', 'n', 'p', 'a', 'e', 'e', 'o', 's', 's', 'l', '가', '\u{1b}', '\u{7}', 'é', '$',
    'b', 'b', 'E', 'K', 'J', 'd', 'y', '+', '-', '0', '7', '9',
];

const SIZES: [u16; 14] = [0, 1, 2, 5, 6, 19, 20, 21, 40, 59, 60, 79, 80, 120];

fn event(rng: &mut XorShift, size: (u16, u16)) -> Event {
    match rng.below(100) {
        0..=64 => {
            let (code, modifiers) = match rng.below(11) {
                0..=5 => (KeyCode::Char(rng.pick(CHARS)), KeyModifiers::NONE),
                10 => (
                    rng.pick(&[KeyCode::Up, KeyCode::Down, KeyCode::Tab]),
                    KeyModifiers::SHIFT,
                ),
                6 => (
                    KeyCode::Char(rng.pick(&['n', 'p', 'c', 'a'])),
                    KeyModifiers::CONTROL,
                ),
                7 => (KeyCode::Char(rng.pick(CHARS)), KeyModifiers::ALT),
                _ => (rng.pick(&CODES), KeyModifiers::NONE),
            };
            Event::Key(KeyEvent::new(code, modifiers))
        }
        65..=89 => {
            let kind = rng.pick(&[
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::Down(MouseButton::Right),
                MouseEventKind::Up(MouseButton::Left),
                MouseEventKind::ScrollDown,
                MouseEventKind::ScrollUp,
                MouseEventKind::Moved,
                MouseEventKind::Drag(MouseButton::Left),
            ]);
            Event::Mouse(MouseEvent {
                kind,
                column: rng.below(usize::from(size.0) + 3) as u16,
                row: rng.below(usize::from(size.1) + 3) as u16,
                modifiers: KeyModifiers::NONE,
            })
        }
        _ => {
            let w = if rng.below(2) == 0 {
                rng.pick(&SIZES)
            } else {
                rng.below(130) as u16
            };
            let h = if rng.below(2) == 0 {
                rng.pick(&SIZES)
            } else {
                rng.below(45) as u16
            };
            Event::Resize(w, h)
        }
    }
}

/// Draws a frame as the loop does and returns what was drawn: the frame ratatui computed, not the
/// backend's cells (which keep stale letters in the cell behind a wide character).
fn frame(terminal: &mut Terminal<TestBackend>, app: &App) -> Buffer {
    terminal
        .draw(|f| tui::ui::draw(f, app))
        .unwrap()
        .buffer
        .clone()
}

#[test]
fn random_keys_mouse_and_resizes_never_panic() {
    let data = fixture();
    let mut events = 0;
    let mut contexts = std::collections::HashSet::new();
    let dir = tempfile::tempdir().unwrap();
    for seed in [0x9E37_79B9_7F4A_7C15_u64, 42, 7] {
        let mut setup = Setup {
            theme: Theme::colored(),
            store: Some(Store::open(dir.path().join("shortlist.ron"))),
            export_dir: dir.path().to_path_buf(),
            ..Setup::default()
        };
        let mut performer = Performer::open(&mut setup);
        let mut app = App::with_setup(data.clone(), setup);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut rng = XorShift(seed);
        let mut size = (80u16, 24u16);
        let mut last = frame(&mut terminal, &app);
        for n in 0..1200 {
            let e = event(&mut rng, size);
            if let Event::Resize(w, h) = e {
                size = (w, h);
                terminal.backend_mut().resize(w, h);
            }
            // As the real loop does: redraw when the app says the screen changed.
            let changed = tui::handle_event(&mut app, e);
            if settle(&mut app, &mut performer) || changed || matches!(e, Event::Resize(..)) {
                last = frame(&mut terminal, &app);
            } else {
                // The guard on redraws: when the app says nothing changed, a frame drawn now is
                // the last frame drawn, cell for cell.
                let mut again = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
                assert_eq!(
                    frame(&mut again, &app),
                    last,
                    "seed {seed:#x}, event {n} ({e:?}): update said nothing changed, but the \
                     screen did"
                );
            }
            events += 1;
            contexts.insert(app.context());
        }
    }
    assert_eq!(events, 3600);
    for c in [
        Context::List,
        Context::Detail,
        Context::Compare,
        Context::Shortlist,
        Context::Search,
        Context::Help,
        Context::Form,
        Context::Note,
    ] {
        assert!(contexts.contains(&c), "the walk never reached {c:?}");
    }
}
