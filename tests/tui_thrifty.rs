//! The short backend changes the bytes, never the screen: the explorer driven through a few hundred
//! keystrokes (moves, tabs, search, compare, help, a resize) is drawn twice, through the plain
//! crossterm backend and through `Thrifty` around it, each into a terminal emulator; after every
//! frame both emulators show the same character in every cell (a blank where nothing was written)
//! with the same colours and attributes, and the short backend has written fewer bytes in all.

use clinic_explorer::dataset::{DataSource, Dataset};
use clinic_explorer::model::Kind;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::App;
use clinic_explorer::tui::thrifty::Thrifty;
use clinic_explorer::tui::ui;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// A writer whose bytes can be taken while a backend owns it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Shared {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

/// Every cell as seen: its character (a blank for one never written) and how it looks.
fn cells(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    (0..rows.get())
        .flat_map(|r| (0..cols.get()).map(move |c| (r, c)))
        .map(|(r, c)| match screen.cell(r, c) {
            Some(cell) => {
                let text = if cell.has_contents() {
                    cell.contents()
                } else {
                    " "
                };
                format!(
                    "{text}|{:?}|{:?}|{}{}{}{}",
                    cell.fgcolor(),
                    cell.bgcolor(),
                    u8::from(cell.bold()),
                    u8::from(cell.italic()),
                    u8::from(cell.underline()),
                    u8::from(cell.inverse())
                )
            }
            None => String::new(),
        })
        .collect()
}

fn terminal<B: ratatui::backend::Backend>(backend: B, w: u16, h: u16) -> Terminal<B> {
    Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .expect("a terminal")
}

/// The keystrokes: every kind of move the explorer makes, and a resize in the middle.
fn script() -> Vec<Action> {
    let mut a = Vec::new();
    for kind in Kind::ALL {
        a.push(Action::ShowTab(Tab::Records(kind)));
        a.extend([Action::Down; 12]);
        a.extend([Action::PageDown, Action::Up, Action::Bottom, Action::Top]);
        a.push(Action::FocusDetail);
        a.extend([Action::Down; 6]);
        a.push(Action::FocusList);
    }
    a.push(Action::ShowTab(Tab::Records(Kind::Condition)));
    a.push(Action::OpenSearch);
    a.extend("lichen planopilaris".chars().map(Action::SearchInput));
    a.extend([Action::SearchDelete; 8]);
    a.extend("keliod".chars().map(Action::SearchInput));
    a.extend([Action::Down, Action::Down, Action::OpenHit]);
    a.push(Action::Resize {
        width: 90,
        height: 30,
    });
    a.extend([
        Action::ToggleMark,
        Action::Up,
        Action::ToggleMark,
        Action::OpenCompare,
    ]);
    a.extend([Action::Down; 8]);
    a.extend([Action::ColumnRight, Action::Close, Action::Help]);
    a.extend([Action::PageDown; 3]);
    a.extend([
        Action::Help,
        Action::ToggleCurrency,
        Action::TogglePresenter,
    ]);
    a.extend([Action::NextTab; 7]);
    a
}

#[test]
fn the_short_backend_shows_the_same_screen_with_fewer_bytes() {
    let data = Dataset::load(&DataSource::Bundled).expect("bundled data");
    let (mut w, mut h) = (120u16, 40u16);
    let mut app = App::new(data);
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    let (plain_out, short_out) = (Shared::default(), Shared::default());
    let mut plain = terminal(CrosstermBackend::new(plain_out.clone()), w, h);
    let mut short = terminal(Thrifty::new(CrosstermBackend::new(short_out.clone())), w, h);
    let mut plain_screen = vt100::Parser::new(h.try_into().unwrap(), w.try_into().unwrap(), 0);
    let mut short_screen = vt100::Parser::new(h.try_into().unwrap(), w.try_into().unwrap(), 0);
    let (mut plain_bytes, mut short_bytes) = (0, 0);
    let mut frames = 0;
    for (step, action) in std::iter::once(None)
        .chain(script().into_iter().map(Some))
        .enumerate()
    {
        if let Some(action) = action {
            if let Action::Resize { width, height } = action {
                (w, h) = (width, height);
                let area = Rect::new(0, 0, w, h);
                plain.resize(area).expect("resized");
                short.resize(area).expect("resized");
                plain_screen
                    .screen_mut()
                    .set_size(h.try_into().unwrap(), w.try_into().unwrap());
                short_screen
                    .screen_mut()
                    .set_size(h.try_into().unwrap(), w.try_into().unwrap());
            }
            if !app.update(action) {
                continue;
            }
        }
        plain.draw(|f| ui::draw(f, &app)).expect("drawn");
        short.draw(|f| ui::draw(f, &app)).expect("drawn");
        let p = plain_out.take();
        let s = short_out.take();
        plain_bytes += p.len();
        short_bytes += s.len();
        plain_screen.process(&p);
        short_screen.process(&s);
        assert_eq!(
            cells(short_screen.screen()),
            cells(plain_screen.screen()),
            "step {step}: {action:?}\n{}",
            plain_screen.screen().contents()
        );
        frames += 1;
    }
    assert!(frames > 100, "{frames} frames drawn");
    assert!(
        short_bytes * 10 < plain_bytes * 9,
        "at least 10% fewer bytes: {short_bytes} against {plain_bytes}"
    );
}
