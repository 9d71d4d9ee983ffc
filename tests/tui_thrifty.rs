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

/// Status messages and names with wide (Hangul), emoji and zero-width-joiner text, in the order
/// that once left ghost letters behind (a wide message, then a narrow one).
const LINES: [&str; 10] = [
    "q quit  / search  ? help  b keep  n note",
    "저장하지 못했습니다: 디스크가 가득 찼습니다 (다시 시도: s)",
    "q quit  / search  ? help  b keep  n note",
    "Dr 👩\u{200D}⚕\u{FE0F} Kim · 가나다 Clinic 🦷 Seoul",
    "Family 👨\u{200D}👩\u{200D}👧 room, flag 🇰🇷, café, e\u{301}",
    "qqquit? no: q quit",
    "한국어 이름 👍🏽 and a long tail of ascii text here",
    "a가b나c다d라e마f바g사h아i자j차k카l타m파n하o",
    "ab cd ef gh ij kl mn op qr st uv wx yz 12 34 56",
    "",
];

/// Draws a bordered list of names above a status bar, the way the explorer lays out its screen.
fn frame(f: &mut ratatui::Frame, names: &[&str], status: &str) {
    use ratatui::layout::{Constraint, Layout};
    use ratatui::style::{Color, Style};
    use ratatui::widgets::{Block, Borders, List, Paragraph};
    let [main, bar] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(f.area());
    let items: Vec<&str> = names.to_vec();
    f.render_widget(
        List::new(items).block(Block::default().borders(Borders::ALL).title("Clinics")),
        main,
    );
    f.render_widget(
        Paragraph::new(status).style(Style::default().bg(Color::Blue)),
        bar,
    );
}

#[test]
fn wide_emoji_and_joined_text_leave_no_ghosts() {
    let (w, h) = (48u16, 8u16);
    let out = Shared::default();
    let mut short = terminal(Thrifty::new(CrosstermBackend::new(out.clone())), w, h);
    let mut screen = vt100::Parser::new(h.try_into().unwrap(), w.try_into().unwrap(), 0);
    let n = LINES.len();
    let mut steps = 0;
    for round in 0..3 {
        for i in 0..n {
            let names = [
                LINES[(i + round) % n],
                LINES[(i * 3 + 1) % n],
                LINES[(i * 7 + round + 2) % n],
                LINES[(i + 5) % n],
            ];
            let status = LINES[(i * (round + 1)) % n];
            short.draw(|f| frame(f, &names, status)).expect("drawn");
            screen.process(&out.take());
            // The same frame drawn whole on a fresh terminal.
            let full_out = Shared::default();
            let mut full = terminal(Thrifty::new(CrosstermBackend::new(full_out.clone())), w, h);
            full.draw(|f| frame(f, &names, status)).expect("drawn");
            let mut fresh = vt100::Parser::new(h.try_into().unwrap(), w.try_into().unwrap(), 0);
            fresh.process(&full_out.take());
            let (got, want) = (cells(screen.screen()), cells(fresh.screen()));
            let differs: Vec<String> = (0..want.len())
                .filter(|&k| got[k] != want[k])
                .map(|k| {
                    format!(
                        "row {} col {}: {:?} not {:?}",
                        k / usize::from(w),
                        k % usize::from(w),
                        got[k],
                        want[k]
                    )
                })
                .collect();
            assert!(
                differs.is_empty(),
                "round {round}, step {i}: after drawing {names:?} / {status:?}\n{}\nshown:\n{}\nexpected:\n{}",
                differs.join("\n"),
                screen.screen().contents(),
                fresh.screen().contents()
            );
            steps += 1;
        }
    }
    assert_eq!(steps, 30);
}
