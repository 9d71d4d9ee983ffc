//! Bytes written to the terminal per keystroke at 120x40: moving the selection in a list, typing in
//! the search box, switching tabs. The explorer's real drawing path (ratatui's diff, crossterm's
//! escape sequences, the synchronized-update brackets) writes into a counter instead of a terminal.
//! Prints the median, 95th percentile and maximum per scenario and size, and beside them what
//! ratatui's crossterm backend writes for the same frames without the explorer's `Thrifty` wrapper.
//!
//! ```sh
//! cargo bench --bench bytes
//! BENCH_SIZES=0,100000 cargo bench --bench bytes     # 0 is the bundled data
//! ```

#[path = "support/common.rs"]
mod common;
#[path = "support/views.rs"]
mod views;

use clinic_explorer::model::Kind;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::App;
use clinic_explorer::tui::draw;
use clinic_explorer::tui::thrifty::Thrifty;
use common::quantile;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;
use views::{HEIGHT, WIDTH};

/// Counts the bytes written through it.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The keystrokes of each scenario, after the actions that set it up.
fn scenarios() -> Vec<(&'static str, Vec<Action>, Vec<Action>)> {
    let tab = |k| Action::ShowTab(Tab::Records(k));
    let mut typing: Vec<Action> = "lichen planopilaris"
        .chars()
        .map(Action::SearchInput)
        .collect();
    typing.extend("stem cell".chars().map(Action::SearchInput));
    // Down three, up three, over and over: every keystroke moves (a short list has no dead end).
    let moves: Vec<Action> = (0..120)
        .map(|i| if i % 6 < 3 { Action::Down } else { Action::Up })
        .collect();
    vec![
        ("move selection: conditions", vec![], moves.clone()),
        ("move selection: clinics", vec![tab(Kind::Clinic)], moves),
        ("type in search", vec![Action::OpenSearch], typing),
        ("switch tabs", vec![], vec![Action::NextTab; 42]),
    ]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!(
        "| records | scenario | keystrokes | median bytes | p95 bytes | max bytes | p95 <= 4 KB | plain ratatui: median / p95 |"
    );
    println!("|---|---|---:|---:|---:|---:|:---:|---:|");
    for n in views::sizes() {
        let data = views::data(n);
        let mut app: App = views::app(data);
        for (name, setup, keys) in scenarios() {
            app.update(Action::Close);
            app.update(Action::Close);
            app.update(Action::ShowTab(Tab::Records(Kind::Condition)));
            for a in setup {
                app.update(a);
            }
            // The same frames through ratatui's crossterm backend as it is, and as the explorer
            // wraps it.
            let viewport = || TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
            };
            let (plain, short) = (Counter::default(), Counter::default());
            let mut plain_terminal =
                Terminal::with_options(CrosstermBackend::new(plain.clone()), viewport())
                    .expect("terminal");
            let mut terminal = Terminal::with_options(
                Thrifty::new(CrosstermBackend::new(short.clone())),
                viewport(),
            )
            .expect("terminal");
            // The first frame paints the whole screen; what follows is what a keystroke costs.
            draw(&mut plain_terminal, &app).expect("drawn");
            draw(&mut terminal, &app).expect("drawn");
            let (mut samples, mut plain_samples) = (Vec::new(), Vec::new());
            for action in keys {
                let (before, plain_before) = (short.0.get(), plain.0.get());
                if app.update(action) {
                    draw(&mut plain_terminal, &app).expect("drawn");
                    draw(&mut terminal, &app).expect("drawn");
                }
                samples.push(short.0.get() - before);
                plain_samples.push(plain.0.get() - plain_before);
            }
            samples.sort_unstable();
            plain_samples.sort_unstable();
            let p95 = quantile(&samples, 0.95);
            println!(
                "| {} | {name} | {} | {} | {p95} | {} | {} | {} / {} |",
                views::label(n),
                samples.len(),
                quantile(&samples, 0.5),
                samples.last().copied().unwrap_or(0),
                if p95 <= 4096 { "yes" } else { "no" },
                quantile(&plain_samples, 0.5),
                quantile(&plain_samples, 0.95),
            );
        }
    }
}
