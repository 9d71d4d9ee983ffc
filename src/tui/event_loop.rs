//! The loop, on any terminal: a source of events, a ratatui [`Terminal`] over any backend (its size
//! is the app's), and something to perform the app's effects. The local terminal (raw mode, the
//! alternate screen, signals, the hang-up watcher: [`super::terminal`], [`super::event`]) is one
//! driver of it ([`super::run`]); the tests drive it headless on a `TestBackend` with a list of
//! events; a server front end drives it with the bytes of a remote session parsed into events.
//!
//! A key's path: the [`EventSource`] yields an [`Event`]; [`action_for`] turns it into an
//! [`Action`] through the keymap (or the mouse's hit-testing); [`App::update`] changes the state and
//! says whether anything shown changed; [`settle`] performs the effects the update asked for and
//! feeds their outcomes back; [`draw`] draws the frame from `&App` when something changed.

use super::action::Action;
use super::app::App;
use super::event::{Event, EventSource, Stop};
use super::perform::{Performer, settle};
use super::{mouse, thrifty, ui};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use std::io::{self, Write};

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal or the terminal going away stopped it.
    Stopped(Stop),
}

/// A backend that can bracket each frame so the terminal shows it at once (synchronized update).
pub trait FrameSync {
    /// Before a frame is drawn.
    fn begin_frame(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// After a frame is drawn: ends the bracket and flushes.
    fn end_frame(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl FrameSync for TestBackend {}

impl<B: FrameSync> FrameSync for thrifty::Thrifty<B> {
    fn begin_frame(&mut self) -> io::Result<()> {
        self.inner_mut().begin_frame()
    }
    fn end_frame(&mut self) -> io::Result<()> {
        self.inner_mut().end_frame()
    }
}

impl<W: Write> FrameSync for CrosstermBackend<W> {
    fn begin_frame(&mut self) -> io::Result<()> {
        crossterm::queue!(self, crossterm::terminal::BeginSynchronizedUpdate)
    }
    fn end_frame(&mut self) -> io::Result<()> {
        crossterm::queue!(self, crossterm::terminal::EndSynchronizedUpdate)?;
        Write::flush(self)
    }
}

/// Runs one app on a terminal until the user quits, a stop event arrives or the events end: lays
/// the app out for the terminal's size and draws it, then for each event updates the app, performs
/// the effects it asked for, and redraws only when something shown changed. Nothing runs between
/// events (no timer), so an idle explorer writes nothing.
pub fn run_app<B: Backend + FrameSync>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    performer: &mut Performer,
    events: impl EventSource,
) -> io::Result<Exit> {
    run_app_then(terminal, app, performer, events, |_| {})
}

/// [`run_app`], calling `after_first_frame` once the first frame is out and before the first
/// event is read: what the first frame does not need (the search thread, which builds the search
/// index) starts after it. Events that arrive meanwhile wait in the source.
pub fn run_app_then<B: Backend + FrameSync>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    performer: &mut Performer,
    mut events: impl EventSource,
    after_first_frame: impl FnOnce(&mut App),
) -> io::Result<Exit> {
    let size = terminal
        .size()
        .map_err(|e| io::Error::other(e.to_string()))?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    settle(app, performer);
    draw(terminal, app)?;
    after_first_frame(app);
    while let Some(event) = events.next_event() {
        if let Event::Stop(stop) = event {
            return Ok(Exit::Stopped(stop));
        }
        let action = action_for(app, event);
        // Ctrl-Z and SIGTSTP/SIGCONT concern the local terminal alone, never the app.
        let suspend = match event {
            Event::Suspend | Event::Resume => Some(event),
            _ if action == Some(Action::Suspend) => Some(Event::Suspend),
            _ => None,
        };
        if let Some(event) = suspend {
            if super::terminal::on_suspend_or_resume(event)? {
                redraw_all(terminal, app)?;
            }
            continue;
        }
        let changed = action.is_some_and(|action| app.update(action));
        if settle(app, performer) || changed {
            draw(terminal, app)?;
        }
        if app.should_quit() {
            return Ok(Exit::Quit);
        }
    }
    Ok(Exit::Stopped(Stop::InputClosed))
}

/// The action an event means for the app as it is now, if any.
pub fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keymap().action_or_unbound(app.context(), key),
        Event::Mouse(mouse) => mouse::action(app, mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::SearchReady => Some(Action::SearchDone),
        Event::Loading(_) | Event::Loaded | Event::Suspend | Event::Resume => None,
        Event::Stop(_) => Some(Action::Quit),
    }
}

/// Applies an event to the app; true when the screen needs a redraw. The effects it asks for wait
/// in the app until [`settle`] performs them (the loop does so after every event).
pub fn handle_event(app: &mut App, event: Event) -> bool {
    action_for(app, event).is_some_and(|action| app.update(action))
}

/// Clears the screen and draws the whole frame (after the terminal was given back and taken
/// again). Not `Terminal::clear`, which asks the terminal where its cursor is.
pub fn redraw_all<B: Backend + FrameSync>(terminal: &mut Terminal<B>, app: &App) -> io::Result<()> {
    terminal
        .backend_mut()
        .clear()
        .map_err(|e| io::Error::other(e.to_string()))?;
    terminal.swap_buffers();
    draw(terminal, app)
}

/// Draws one frame, bracketed as a synchronized update.
pub fn draw<B: Backend + FrameSync>(terminal: &mut Terminal<B>, app: &App) -> io::Result<()> {
    terminal.backend_mut().begin_frame()?;
    terminal
        .draw(|frame| ui::draw(frame, app))
        .map_err(|e| io::Error::other(e.to_string()))?;
    terminal.backend_mut().end_frame()
}
