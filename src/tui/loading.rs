//! Loading a large data directory behind a progress gauge: the loader runs on a thread and reports
//! how far it has got; the terminal shows the gauge meanwhile, cancels on q or Esc, and keeps other
//! keys for the explorer.

use super::app::App;
use super::event::{Event, Stop, TerminalEvents};
use super::{Exit, FrameSync, Setup, terminal, ui};
use crate::dataset::DataSource;
use crate::search::SearchIndex;
use std::io;

/// Data directories larger than this (in bytes, the six files together) load behind a progress
/// gauge; smaller ones, and the bundled data, load before the first frame (in milliseconds).
pub const GAUGE_FROM_BYTES: u64 = 4 * 1024 * 1024;

/// True for a data directory big enough to show a gauge while it loads.
pub(super) fn loads_slowly(source: &DataSource) -> bool {
    let DataSource::Dir(dir) = source else {
        return false;
    };
    let bytes: u64 = crate::dataset::FILES
        .iter()
        .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum();
    bytes >= GAUGE_FROM_BYTES
}

/// How loading ended.
pub(super) enum Loaded {
    /// The explorer, ready, the events to drive it, and what was typed while it loaded.
    Ready(Box<App>, TerminalEvents, Vec<Event>),
    /// The data is invalid: the problems, to print once the terminal is restored.
    Failed(String),
    /// The user cancelled, or a signal stopped it.
    Ended(Exit),
}

/// Loads the data on another thread while drawing a gauge of its progress; q, Esc or Ctrl-c cancel.
/// Other keys wait, and reach the explorer once it is up.
pub(super) fn load_behind_gauge(
    terminal: &mut terminal::Tui,
    mut events: TerminalEvents,
    source: &DataSource,
    layers: &[std::path::PathBuf],
    cache: &crate::cache::Cache,
    setup: Setup,
) -> io::Result<Loaded> {
    use crate::dataset::progress::{Progress, SEARCH_START, Step};
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    let what = source.describe();
    let theme = setup.theme;
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let tx = events.sender();
    let from = source.clone();
    let cache = cache.clone();
    let layers = layers.to_vec();
    std::thread::Builder::new()
        .name("load".into())
        .spawn(move || {
            let mut last = Progress::at(Step::Reading, 0);
            let mut report = |p: Progress| {
                // Enough to move the gauge: a new step or another half per cent.
                if p.step != last.step || p.permille >= last.permille + 5 {
                    last = p;
                    let _ = tx.send(Event::Loading(p));
                }
            };
            let loaded = crate::cache::load_layers_reporting(&from, &layers, &cache, &mut report)
                .map(|loaded| {
                    // The index from the cache entry when it holds one; else built (and kept).
                    let span = f64::from(1000 - SEARCH_START);
                    loaded.into_parts(|data| {
                        SearchIndex::build_reporting(data, &mut |share| {
                            let at = SEARCH_START + (span * share) as u16;
                            report(Progress::at(Step::Searching, at));
                        })
                    })
                });
            let _ = done_tx.send(loaded);
            let _ = tx.send(Event::Loaded);
        })?;
    let mut progress = Progress::at(Step::Reading, 0);
    let mut typed = Vec::new();
    let draw_gauge = |terminal: &mut terminal::Tui, progress: Progress| -> io::Result<()> {
        terminal.backend_mut().begin_frame()?;
        terminal
            .draw(|frame| ui::loading::draw(frame, &what, progress, theme))
            .map_err(|e| io::Error::other(e.to_string()))?;
        terminal.backend_mut().end_frame()
    };
    draw_gauge(terminal, progress)?;
    for event in events.by_ref() {
        let ctrl_z = |k: &crossterm::event::KeyEvent| {
            k.code == KeyCode::Char('z') && k.modifiers.contains(KeyModifiers::CONTROL)
        };
        let suspend = match event {
            Event::Suspend | Event::Resume => Some(event),
            Event::Key(k) if ctrl_z(&k) && k.kind != KeyEventKind::Release => Some(Event::Suspend),
            _ => None,
        };
        if let Some(event) = suspend {
            if terminal::on_suspend_or_resume(event)? {
                ratatui::backend::Backend::clear(terminal.backend_mut())
                    .map_err(|e| io::Error::other(e.to_string()))?;
                terminal.swap_buffers();
                draw_gauge(terminal, progress)?;
            }
            continue;
        }
        match event {
            Event::Loading(p) => {
                progress = p;
                draw_gauge(terminal, progress)?;
            }
            Event::Resize(..) => {
                terminal
                    .autoresize()
                    .map_err(|e| io::Error::other(e.to_string()))?;
                draw_gauge(terminal, progress)?;
            }
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let ctrl_c =
                    k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                if matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c {
                    return Ok(Loaded::Ended(Exit::Quit));
                }
                typed.push(event);
            }
            Event::Stop(stop) => return Ok(Loaded::Ended(Exit::Stopped(stop))),
            Event::Loaded => {
                return Ok(match done_rx.recv() {
                    Ok(Ok((data, index))) => {
                        let app = App::with_index(data, index, setup);
                        Loaded::Ready(Box::new(app), events, typed)
                    }
                    Ok(Err(e)) => Loaded::Failed(e.to_string()),
                    Err(_) => Loaded::Failed("the data could not be loaded".into()),
                });
            }
            _ => {}
        }
    }
    Ok(Loaded::Ended(Exit::Stopped(Stop::InputClosed)))
}
