//! Events the explorer reacts to, and where they come from: a trait any iterator of events meets (so
//! tests feed events), and the terminal's source, which merges keys, mouse and resizes read by
//! crossterm with the signals (those that end, suspend and continue the explorer) and the hang-up.

use crossterm::event::{KeyEvent, MouseEvent};
use std::sync::mpsc::{self, Receiver, Sender};

/// Why the explorer must stop although nobody pressed q.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// SIGHUP, or the terminal hung up (its input at end of file or failing): the terminal went
    /// away.
    Hangup,
    /// SIGTERM.
    Terminate,
    /// SIGINT from outside (Ctrl-c itself arrives as a key in raw mode).
    Interrupt,
    /// crossterm's reader failed (or could not start).
    InputClosed,
    /// Another signal whose default is to end the process (SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM...),
    /// by number.
    Signal(i32),
}

impl Stop {
    /// The exit status for this stop: 128 + the signal's number, or 1 when the input ended.
    pub fn exit_code(self) -> u8 {
        match self {
            Stop::Hangup => 129,
            Stop::Interrupt => 130,
            Stop::Terminate => 143,
            Stop::InputClosed => 1,
            Stop::Signal(n) => u8::try_from(128 + n).unwrap_or(255),
        }
    }
}

/// Something that happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A key was pressed.
    Key(KeyEvent),
    /// The mouse was clicked, moved or scrolled.
    Mouse(MouseEvent),
    /// The terminal was resized to this many columns and rows.
    Resize(u16, u16),
    /// Search results are waiting.
    SearchReady,
    /// The dataset being loaded got this far.
    Loading(crate::dataset::progress::Progress),
    /// The dataset finished loading (or failed to).
    Loaded,
    /// The explorer must stop.
    Stop(Stop),
    /// SIGTSTP from outside: give the terminal back and stop until continued.
    Suspend,
    /// SIGCONT: the explorer was continued (by `fg`, or `kill -CONT`); take the terminal again and
    /// draw the whole screen.
    Resume,
}

/// A blocking source of events: `None` when there will be no more.
pub trait EventSource {
    /// Waits for the next event.
    fn next_event(&mut self) -> Option<Event>;
}

impl<I: Iterator<Item = Event>> EventSource for I {
    fn next_event(&mut self) -> Option<Event> {
        self.next()
    }
}

/// The terminal's events: a thread reads crossterm's, others watch for signals and the hang-up.
/// Reading blocks; nothing runs while nothing happens. The signals are caught from the start; the
/// threads start when the first event is asked for, so the first frame can be drawn before them
/// (keys typed meanwhile wait in the terminal, signals in their pipe).
#[derive(Debug)]
pub struct TerminalEvents {
    rx: Receiver<Event>,
    tx: Sender<Event>,
    /// The signals caught, their threads and the input's not started yet.
    pending: Option<super::terminal::Watch>,
}

impl TerminalEvents {
    /// Catches the signals; the threads start at the first event asked for ([`Self::listen`]).
    pub fn start() -> std::io::Result<TerminalEvents> {
        let (tx, rx) = mpsc::channel();
        let pending = Some(super::terminal::catch(tx.clone())?);
        Ok(TerminalEvents { rx, tx, pending })
    }

    /// Starts the reading and watching threads, unless they run already. The input's thread sets up
    /// crossterm's reader, then reports the terminal's size once: a resize after the first frame was
    /// laid out and before the reader was there is not lost. The main thread never reads the
    /// terminal.
    pub fn listen(&mut self) -> std::io::Result<()> {
        let Some(watch) = self.pending.take() else {
            return Ok(());
        };
        watch.start()?;
        std::thread::Builder::new()
            .name("terminal input".into())
            .spawn({
                let tx = self.tx.clone();
                move || {
                    // Never on the main thread: on a terminal that has hung up, crossterm's reader
                    // reads end of file again and again and does not return (see
                    // `terminal::watch_hangup`, which ends the explorer then).
                    let _ = crossterm::event::poll(std::time::Duration::ZERO);
                    if let Ok((width, height)) = crossterm::terminal::size() {
                        let _ = tx.send(Event::Resize(width, height));
                    }
                    read_input(&tx)
                }
            })?;
        Ok(())
    }

    /// A way for other threads (the search worker) to add events.
    pub fn sender(&self) -> Sender<Event> {
        self.tx.clone()
    }
}

impl Iterator for TerminalEvents {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if self.listen().is_err() {
            // Without its threads the explorer would wait for keys that never come.
            let _ = self.tx.send(Event::Stop(Stop::InputClosed));
        }
        self.rx.recv().ok()
    }
}

/// Forwards crossterm's events until the input fails or nobody listens.
fn read_input(tx: &Sender<Event>) {
    use crossterm::event::Event as C;
    loop {
        let event = match crossterm::event::read() {
            Ok(C::Key(k)) => Event::Key(k),
            Ok(C::Mouse(m)) => Event::Mouse(m),
            Ok(C::Resize(w, h)) => Event::Resize(w, h),
            Ok(_) => continue,
            Err(_) => Event::Stop(Stop::InputClosed),
        };
        let stop = matches!(event, Event::Stop(_));
        if tx.send(event).is_err() || stop {
            return;
        }
    }
}
