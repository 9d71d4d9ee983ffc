//! What the explorer's tests share: the fixture dataset, an app of a given size, keys pressed through
//! the real keymap (`press(&mut app, "3 j j l")`), and the screen drawn on a test backend.
//!
//! Included by each test file with `#[path = "common/lib.rs"] mod common;`; each uses a part of it.
#![allow(dead_code)] // every test binary includes this module and uses only some of it

use clinic_explorer::config::parse_key;
use clinic_explorer::dataset::{DataSource, Dataset};
use clinic_explorer::model::Kind;
use clinic_explorer::shortlist::Store;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::App;
use clinic_explorer::tui::event::Event;
use clinic_explorer::tui::keymap::Key;
use clinic_explorer::tui::perform::{Performer, settle};
use clinic_explorer::tui::theme::Theme;
use clinic_explorer::tui::{self, Setup};
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};

/// The directory of the small fixture dataset the explorer's tests run on.
pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data")
}

/// The fixture dataset (`tests/fixtures/data`), so editing `data/` does not change these tests.
pub fn fixture() -> Dataset {
    Dataset::load(&DataSource::Dir(fixture_dir())).expect("the fixture dataset loads")
}

/// An explorer on the fixture with the default keys, the plain theme and a shortlist in memory,
/// laid out for a terminal of `width` x `height`.
pub fn app_sized(width: u16, height: u16) -> App {
    sized(App::with_setup(fixture(), plain()), width, height)
}

/// [`app_sized`] at 100x30, the size most behaviour tests use.
pub fn app() -> App {
    app_sized(100, 30)
}

/// An explorer at 100x30 that keeps its shortlist and writes its handouts in `dir`, its effects
/// performed on this machine.
pub fn app_in(dir: &Path) -> Local {
    Local::new(Setup {
        store: Some(Store::open(dir.join("shortlist.ron"))),
        export_dir: dir.to_path_buf(),
        ..plain()
    })
}

/// An app whose effects are performed as the local explorer performs them (the disk, the clock):
/// [`Local::update`] applies an action and then every effect it asked for. Reads as the app.
pub struct Local {
    /// The app.
    pub app: App,
    /// What performs its effects.
    pub performer: Performer,
}

impl Local {
    /// The fixture explorer at 100x30 as set up; the shortlist is loaded from the setup's store.
    pub fn new(mut setup: Setup) -> Local {
        let performer = Performer::open(&mut setup);
        let app = sized(App::with_setup(fixture(), setup), 100, 30);
        Local { app, performer }
    }

    /// Applies an action and performs the effects it asked for; true when the screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        let changed = self.app.update(action);
        settle(&mut self.app, &mut self.performer) || changed
    }
}

impl std::ops::Deref for Local {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

/// The default setup with the plain theme (no colours, so screens compare as text).
pub fn plain() -> Setup {
    Setup {
        theme: Theme::plain(),
        ..Setup::default()
    }
}

/// Tells an app its terminal's size.
pub fn sized(mut app: App, width: u16, height: u16) -> App {
    app.update(Action::Resize { width, height });
    app
}

/// The key event a key name stands for, as a configuration file writes it: `j`, `G`, `enter`,
/// `esc`, `ctrl-c`, `shift-tab`, `space`, `pgdn`, `F1`.
pub fn key(name: &str) -> KeyEvent {
    let spec = parse_key(name).unwrap_or_else(|e| panic!("key name `{name}`: {e}"));
    let key = Key::from_spec(spec).unwrap_or_else(|| panic!("`{name}` is no key a terminal sends"));
    KeyEvent::new(key.code, key.modifiers)
}

/// Presses keys through the real keymap, as the loop does: `press(&mut app, "3 j j l")`. Keys are
/// separated by spaces and named as in [`key`]. Returns true when any of them changed the screen.
pub fn press(app: &mut App, keys: &str) -> bool {
    let mut changed = false;
    for name in keys.split_whitespace() {
        changed |= tui::handle_event(app, Event::Key(key(name)));
    }
    changed
}

/// Types text as key presses, one character at a time (a space is the space key).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let name = if c == ' ' {
            "space".to_owned()
        } else {
            c.to_string()
        };
        tui::handle_event(app, Event::Key(key(&name)));
    }
}

/// Selects a record of a kind by id: shows its tab and moves down its list to it.
pub fn select(app: &mut App, kind: Kind, id: &str) {
    app.update(Action::ShowTab(Tab::Records(kind)));
    app.update(Action::Top);
    let n = app.data().position(kind, id).expect("a fixture id");
    for _ in 0..n {
        app.update(Action::Down);
    }
    assert_eq!(app.selected_id(kind), Some(id));
}

/// The actions that select a record of a kind by id (for tests that replay a list of actions).
pub fn select_actions(kind: Kind, id: &str) -> Vec<Action> {
    let n = fixture().position(kind, id).expect("a fixture id");
    let mut v = vec![Action::ShowTab(Tab::Records(kind)), Action::Top];
    v.extend(std::iter::repeat_n(Action::Down, n));
    v
}

/// The app drawn on a test backend of its size.
pub fn screen(app: &App) -> Terminal<TestBackend> {
    let size = app.size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    tui::draw(&mut terminal, app).unwrap();
    terminal
}

/// The screen as text, one line per row, trailing spaces kept.
pub fn screen_text(app: &App) -> String {
    let terminal = screen(app);
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width.max(1))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect()
}

/// Every line of the detail document at a content width of 70, as text.
pub fn detail_text(app: &App) -> String {
    app.detail_doc(70)
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|(s, _)| s.as_str()).collect::<String>() + "\n")
        .collect()
}
