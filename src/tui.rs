//! The terminal explorer: tabs of conditions, therapies, clinics, costs and travel facts, each a list
//! and the selected record's detail; search across every kind; marked records compared side by side;
//! cost ranges charted per group with a trip-budget form; a shortlist with notes, and handouts.
//!
//! The shape: keys and mouse events become [`action::Action`]s ([`keymap`], [`mouse`]);
//! [`app::App::update`] alone changes state, and asks for what must happen outside as effects
//! ([`app::Effect`], performed by [`perform`]); [`ui::draw`] draws from `&App`. The loop
//! ([`run_app`]) runs on any terminal: [`run`] drives it on the local one, where [`terminal`] owns raw
//! mode, signals and restoring the terminal. The loop blocks on the next event (no timer, nothing runs
//! while idle) and redraws only when an update changed something.

pub mod action;
pub mod app;
pub mod columns;
pub mod doc;
pub mod event;
mod event_loop;
pub mod keymap;
pub mod layout;
pub mod line_edit;
mod loading;
pub mod mouse;
pub mod osc52;
pub mod perform;
pub mod setup;
pub mod terminal;
pub mod theme;
pub mod thrifty;
pub mod ui;
pub mod yank;

use crate::config::Settings;
use crate::dataset::DataSource;
use crate::shortlist::Store;
use app::App;
use event::{Event, TerminalEvents};
pub use event_loop::{Exit, FrameSync, action_for, draw, handle_event, run_app, run_app_then};
pub use loading::GAUGE_FROM_BYTES;
use loading::{Loaded, load_behind_gauge, loads_slowly};
use perform::Performer;
pub use setup::Setup;
use std::io::{self, Write};
use std::process::ExitCode;

/// Loads the data and runs the explorer on the local terminal until the user quits; restores the
/// terminal on every way out. Takes the theme, currency and key bindings from the settings, keeps the
/// shortlist in the user's data directory, writes handouts to the current directory, and starts in
/// presenter mode when `present`. A large data directory loads behind a progress gauge, which q or
/// Esc cancels. Returns the process exit status: 0 on quit, 1 when the data is invalid, 2 when
/// standard output is not a terminal or `TERM` is `dumb`, 128 + the signal on a signal that ends it.
pub fn run(source: &DataSource, settings: &Settings, present: bool) -> ExitCode {
    if let Err(why) = terminal::usable_here() {
        complain(&why);
        return ExitCode::from(2);
    }
    let mut setup = setup(settings, present);
    let performer = Performer::open(&mut setup).with_terminal(Box::new(io::stdout()));
    let cache = settings.data_cache();
    let layers = settings.layer_dirs();
    if !loads_slowly(source) {
        return match crate::cache::load_layers(source, &layers, &cache) {
            // The search thread builds the index after the first frame.
            Ok(crate::cache::Loaded { data, note, .. }) => session(performer, |_, events| {
                setup.notices.extend(note);
                Ok(Loaded::Ready(
                    Box::new(App::without_index(data, setup)),
                    events,
                    Vec::new(),
                ))
            }),
            Err(e) => {
                complain_plain(&e.to_string());
                ExitCode::from(1)
            }
        };
    }
    let source = source.clone();
    session(performer, move |terminal, events| {
        load_behind_gauge(terminal, events, &source, &layers, &cache, setup)
    })
}

/// What the explorer starts with, from the settings.
fn setup(settings: &Settings, present: bool) -> Setup {
    let mut setup = Setup::from_settings(settings);
    setup.presenter = present;
    match Store::open_default() {
        Ok(store) => setup.store = Some(store),
        Err(e) => setup
            .notices
            .push(format!("The shortlist is kept only until you quit: {e}")),
    }
    if let Ok(dir) = std::env::current_dir() {
        setup.export_dir = dir;
    }
    setup
}

/// Opens the terminal, gets the app from `start` (which may draw while it loads), runs it with
/// `performer` doing its effects, and restores the terminal whatever happens.
fn session(
    mut performer: Performer,
    start: impl FnOnce(&mut terminal::Tui, TerminalEvents) -> io::Result<Loaded>,
) -> ExitCode {
    let mut terminal = match terminal::init() {
        Ok(t) => t,
        Err(e) => {
            let _ = terminal::restore();
            complain(&format!("cannot open the explorer on this terminal: {e}"));
            return ExitCode::from(1);
        }
    };
    let mut failure = None;
    let result = TerminalEvents::start()
        .and_then(|events| start(&mut terminal, events))
        .and_then(|loaded| match loaded {
            Loaded::Ready(mut app, events, typed) => {
                let tx = events.sender();
                // Should no thread start, searches run in update as the tests run them: slower with
                // a large dataset, never wrong.
                let start_search = move |app: &mut App| {
                    let _ = app.search_in_background(move || {
                        let _ = tx.send(Event::SearchReady);
                    });
                };
                if typed.is_empty() {
                    // The first frame first: the search thread copies the data and builds the
                    // index, which the first frame does not need, and on two cores it would take
                    // time from it. Keys typed meanwhile wait in the events.
                    return run_app_then(
                        &mut terminal,
                        &mut app,
                        &mut performer,
                        events,
                        start_search,
                    );
                }
                // Keys typed behind the loading gauge are applied before the explorer's first
                // frame, with the search thread (over the index the loader built) already there.
                start_search(&mut app);
                if let Ok(size) = terminal.size() {
                    app.update(action::Action::Resize {
                        width: size.width,
                        height: size.height,
                    });
                }
                for event in typed {
                    handle_event(&mut app, event);
                    perform::settle(&mut app, &mut performer);
                }
                run_app(&mut terminal, &mut app, &mut performer, events)
            }
            Loaded::Failed(problems) => {
                failure = Some(problems);
                Ok(Exit::Quit)
            }
            Loaded::Ended(exit) => Ok(exit),
        });
    // ratatui's Terminal shows the cursor when dropped and, if that fails because the terminal is
    // gone, prints with eprintln!, which panics; restore() shows the cursor itself instead.
    let _ = Write::flush(terminal.backend_mut().inner_mut());
    std::mem::forget(terminal);
    let _ = terminal::restore();
    if let Some(problems) = failure {
        complain_plain(&problems);
        return ExitCode::from(1);
    }
    match result {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Stopped(stop)) => ExitCode::from(stop.exit_code()),
        // The terminal failed because it went away (a write, or taking it again after a suspend).
        Err(_) if terminal::hung_up() => ExitCode::from(event::Stop::Hangup.exit_code()),
        Err(e) => {
            complain(&format!("the terminal failed: {e}"));
            ExitCode::from(1)
        }
    }
}

/// Prints what went wrong on standard error, as it is (it names its own files).
fn complain_plain(message: &str) {
    let _ = writeln!(io::stderr(), "{message}");
}

/// Prints an error on standard error, if it is still there (a gone terminal is not worth a panic).
fn complain(message: &str) {
    let _ = writeln!(io::stderr(), "clinic-explorer: {message}");
}
