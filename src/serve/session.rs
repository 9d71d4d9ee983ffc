//! One visitor's explorer, on a thread of its own (the app is synchronous; the SSH side stays
//! async): bytes from the channel become events through [`Input`], the app updates and draws on an
//! [`SshScreen`], and the session ends on q, when the client goes, after the idle time (with a
//! warning on screen before), at the session time limit, or when the server shuts down.
//!
//! The thread blocks on its queue with a timeout set to the next thing due (a held Esc, the idle
//! warning, the end): an idle session wakes only for those, never on a tick.

use super::input::{ESC_WAIT, Input};
use super::screen::{ENTER, Flow, LEAVE, MOUSE_OFF, MOUSE_ON, SshScreen};
use crate::dataset::Dataset;
use crate::search::SearchIndex;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Outcome};
use crate::tui::event::Event;
use crate::tui::osc52;
use crate::tui::perform::Performer;
use crate::tui::{Setup, action_for, draw};
use ratatui::Terminal;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::Sender;

/// What reaches a session's thread.
#[derive(Debug)]
pub enum Incoming {
    /// Bytes the client typed (keys, mouse, paste).
    Bytes(Vec<u8>),
    /// The client's window, already clamped.
    Resize(u16, u16),
    /// The output queue drained after frames were dropped: send the whole screen.
    Repaint,
    /// Search results are waiting.
    SearchReady,
    /// The server is shutting down.
    Shutdown,
    /// The client closed the channel or went away.
    Closed,
    /// Makes the app's thread panic, as a bug would.
    #[cfg(test)]
    Panic,
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The visitor quit.
    Quit,
    /// No keystroke for the idle time.
    Idle,
    /// The session time limit passed.
    TimeLimit,
    /// The server shut down.
    Shutdown,
    /// The client closed the channel or went away.
    ClientGone,
    /// The app panicked; the session was ended, the server goes on.
    Panicked,
}

impl End {
    /// A word for the log.
    pub fn as_str(self) -> &'static str {
        match self {
            End::Quit => "quit",
            End::Idle => "idle timeout",
            End::TimeLimit => "session time limit",
            End::Shutdown => "server shutdown",
            End::ClientGone => "client gone",
            End::Panicked => "panic",
        }
    }

    /// What the visitor reads on their normal screen after the explorer closes.
    fn farewell(self, idle: Duration) -> Option<String> {
        match self {
            End::Idle => Some(format!(
                "clinic-explorer: the session closed after {} without a keystroke.\r\n",
                human(idle)
            )),
            End::TimeLimit => {
                Some("clinic-explorer: the session reached its time limit.\r\n".into())
            }
            End::Shutdown => Some("clinic-explorer: the server is shutting down.\r\n".into()),
            End::Panicked => {
                Some("clinic-explorer: something went wrong; the session ended.\r\n".into())
            }
            End::Quit | End::ClientGone => None,
        }
    }
}

/// `90 s`, `30 min`, `2 h`.
pub fn human(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 && s.is_multiple_of(3600) {
        format!("{} h", s / 3600)
    } else if s >= 60 && s.is_multiple_of(60) {
        format!("{} min", s / 60)
    } else if s >= 1 {
        format!("{s} s")
    } else {
        format!("{} ms", d.as_millis())
    }
}

/// The session's timings.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// No keystroke for this long ends the session.
    pub idle: Duration,
    /// The warning shows this long before the idle end.
    pub warn: Duration,
    /// No session lasts longer.
    pub max: Duration,
}

impl Timing {
    /// The warning a minute before the idle end, or halfway for idle times under two minutes.
    pub fn new(idle: Duration, max: Duration) -> Timing {
        let warn = Duration::from_secs(60).min(idle / 2);
        Timing { idle, warn, max }
    }
}

/// Everything a session starts with.
pub struct Start {
    /// The dataset, shared.
    pub data: Arc<Dataset>,
    /// The search index, shared.
    pub index: Arc<SearchIndex>,
    /// Keys, theme, currency, the shortlist store (none for an anonymous visitor).
    pub setup: Setup,
    /// A visitor without a listed key: presenter mode, which cannot be left.
    pub read_only: bool,
    /// The window, clamped.
    pub size: (u16, u16),
    /// Timings.
    pub timing: Timing,
    /// The session's own queue, for the search thread to say results are ready.
    pub notify: SyncSender<Incoming>,
    /// Who and from where, for the log.
    pub label: String,
}

/// Runs a session until it ends; returns how, and how many frames were dropped. A panic in the app
/// ends this session only.
pub fn run(
    start: Start,
    incoming: Receiver<Incoming>,
    out: Sender<Vec<u8>>,
    flow: Arc<Flow>,
) -> (End, u64) {
    let idle = start.timing.idle;
    let (width, height) = start.size;
    let mut screen = SshScreen::new(width, height, out, flow);
    screen.send_raw(ENTER);
    let terminal = match Terminal::new(screen) {
        Ok(t) => t,
        Err(_) => return (End::ClientGone, 0),
    };
    let mut terminal = std::panic::AssertUnwindSafe(terminal);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        drive(start, &incoming, &mut terminal)
    }));
    let end = result.unwrap_or(End::Panicked);
    let screen = terminal.backend_mut();
    if end != End::ClientGone {
        let mut last = LEAVE.to_vec();
        if let Some(words) = end.farewell(idle) {
            last.extend_from_slice(words.as_bytes());
        }
        screen.send_last(&last);
    }
    (end, screen.dropped())
}

/// The session's loop.
fn drive(start: Start, incoming: &Receiver<Incoming>, terminal: &mut Terminal<SshScreen>) -> End {
    let Start {
        data,
        index,
        setup,
        read_only,
        size,
        timing,
        notify,
        label,
    } = start;
    let mut setup = setup;
    let mut performer = Performer::open(&mut setup);
    let mut app = App::shared(data, index, setup);
    let _ = app.search_in_background(move || {
        let _ = notify.send(Incoming::SearchReady);
    });
    app.update(Action::Resize {
        width: size.0,
        height: size.1,
    });
    settle(&mut app, &mut performer, terminal.backend_mut(), read_only);
    if draw(terminal, &app).is_err() {
        return End::ClientGone;
    }
    let began = Instant::now();
    let mut input = Input::new();
    let mut last_key = began;
    let mut held_since: Option<Instant> = None;
    let mut warned = false;
    let mut dropping = false;
    let mut held: Option<Incoming> = None;
    loop {
        let now = Instant::now();
        let idle_end = last_key + timing.idle;
        let warn_at = idle_end.checked_sub(timing.warn).unwrap_or(now);
        let limit = began + timing.max;
        let mut due = idle_end.min(limit);
        if !warned {
            due = due.min(warn_at);
        }
        if let Some(t) = held_since {
            due = due.min(t + ESC_WAIT);
        }
        let next = match held.take() {
            Some(item) => Ok(item),
            None => incoming.recv_timeout(due.saturating_duration_since(now)),
        };
        // A burst of window changes (a client resizing, or flooding) is drawn once, at the last.
        let next = match next {
            Ok(Incoming::Resize(mut w, mut h)) => {
                while let Ok(item) = incoming.try_recv() {
                    match item {
                        Incoming::Resize(w2, h2) => (w, h) = (w2, h2),
                        other => {
                            held = Some(other);
                            break;
                        }
                    }
                }
                Ok(Incoming::Resize(w, h))
            }
            other => other,
        };
        let events = match next {
            Ok(Incoming::Bytes(bytes)) => {
                last_key = Instant::now();
                if warned {
                    warned = false;
                    let _ = terminal.backend_mut().repaint();
                }
                held_since = Some(last_key);
                input.feed(&bytes)
            }
            Ok(Incoming::Resize(w, h)) => {
                terminal.backend_mut().set_size(w, h);
                vec![Event::Resize(w, h)]
            }
            Ok(Incoming::Repaint) => {
                if !warned {
                    let _ = terminal.backend_mut().repaint();
                }
                Vec::new()
            }
            Ok(Incoming::SearchReady) => vec![Event::SearchReady],
            Ok(Incoming::Shutdown) => return End::Shutdown,
            #[cfg(test)]
            Ok(Incoming::Panic) => panic!("a bug in the app"),
            Ok(Incoming::Closed) | Err(RecvTimeoutError::Disconnected) => return End::ClientGone,
            Err(RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                if now >= limit {
                    return End::TimeLimit;
                }
                if now >= idle_end {
                    return End::Idle;
                }
                if !warned && now >= warn_at {
                    warned = true;
                    terminal.backend_mut().notice(&format!(
                        " This session closes in {} without a keystroke: press any key to stay.",
                        human(idle_end.saturating_duration_since(now))
                    ));
                }
                match held_since {
                    Some(t) if now >= t + ESC_WAIT => {
                        held_since = None;
                        input.flush()
                    }
                    _ => Vec::new(),
                }
            }
        };
        let mut changed = false;
        for event in events {
            let Some(action) = action_for(&app, event) else {
                continue;
            };
            changed |= app.update(action);
            changed |= settle(&mut app, &mut performer, terminal.backend_mut(), read_only);
            if app.should_quit() {
                return End::Quit;
            }
        }
        if changed && draw(terminal, &app).is_err() {
            return End::ClientGone;
        }
        if !dropping && terminal.backend().dropped() > 0 {
            dropping = true;
            super::log::line(&format!(
                "{label}: the client is not reading; frames are dropped until it catches up"
            ));
        }
    }
}

/// Performs the effects the app asked for, as the local explorer does (the key's shortlist and
/// remembered choices saved in its own directory), except that what is asked of the terminal goes
/// down the channel to the client's (the clipboard through OSC 52, never wrapped for a tmux the
/// server may run in; the mouse switched in the same modes [`ENTER`] turned on), and a read-only
/// session writes no file whatever it asks. True when an outcome changed the screen.
fn settle(
    app: &mut App,
    performer: &mut Performer,
    screen: &mut SshScreen,
    read_only: bool,
) -> bool {
    let mut changed = false;
    for _ in 0..16 {
        let effects = app.take_effects();
        if effects.is_empty() {
            break;
        }
        for effect in effects {
            let outcome = match effect {
                Effect::WriteHandout { path, .. } if read_only => Outcome::Written {
                    path,
                    result: Err("a visitor session writes no files".into()),
                },
                Effect::Copy(text) => Outcome::Terminal(match osc52::sequence(&text, false) {
                    None => Err(format!(
                        "too long for the clipboard ({} bytes; terminals take about {})",
                        text.len(),
                        osc52::MAX_BYTES
                    )),
                    Some(seq) => to_client(screen, seq.as_bytes()),
                }),
                Effect::Mouse(capture) => Outcome::Terminal(to_client(
                    screen,
                    if capture { MOUSE_ON } else { MOUSE_OFF },
                )),
                effect => performer.perform(effect),
            };
            changed |= app.update(outcome);
        }
    }
    changed
}

/// Queues bytes for the client's terminal, or says why they could not go.
fn to_client(screen: &mut SshScreen, bytes: &[u8]) -> Result<(), String> {
    if screen.send_last(bytes) {
        Ok(())
    } else {
        Err("the connection is busy; try again".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DataSource;
    use std::sync::OnceLock;

    fn shared() -> (Arc<Dataset>, Arc<SearchIndex>) {
        static DATA: OnceLock<(Arc<Dataset>, Arc<SearchIndex>)> = OnceLock::new();
        DATA.get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
            let data = Dataset::load(&DataSource::Dir(dir)).unwrap();
            let index = SearchIndex::build(&data);
            (Arc::new(data), Arc::new(index))
        })
        .clone()
    }

    /// Runs a session on a thread with `items` queued and the given idle time; returns how it
    /// ended and every byte it sent.
    fn session(items: Vec<Incoming>, idle: Duration) -> (End, Vec<u8>) {
        let (data, index) = shared();
        let (tx, rx) = std::sync::mpsc::sync_channel(64);
        let (out_tx, mut out_rx) = tokio::sync::mpsc::channel(1024);
        let start = Start {
            data,
            index,
            setup: Setup::default(),
            read_only: false,
            size: (80, 24),
            timing: Timing::new(idle, Duration::from_secs(3600)),
            notify: tx.clone(),
            label: "test".into(),
        };
        let thread = std::thread::spawn(move || run(start, rx, out_tx, Arc::new(Flow::default())));
        for item in items {
            // Paced a little, as keys typed: the held Esc and search results get their turn.
            std::thread::sleep(Duration::from_millis(20));
            tx.send(item).unwrap();
        }
        let (end, _) = thread.join().unwrap();
        let mut bytes = Vec::new();
        while let Ok(b) = out_rx.try_recv() {
            bytes.extend(b);
        }
        (end, bytes)
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn q_quits_and_leaves_the_terminal_as_it_was() {
        let (end, bytes) = session(
            vec![Incoming::Bytes(b"q".to_vec())],
            Duration::from_secs(60),
        );
        assert_eq!(end, End::Quit);
        assert!(bytes.starts_with(ENTER));
        assert!(bytes.ends_with(LEAVE), "nothing after leaving on a quit");
    }

    #[test]
    fn a_panic_ends_the_session_with_a_word_and_a_clean_terminal() {
        let (end, bytes) = session(vec![Incoming::Panic], Duration::from_secs(60));
        assert_eq!(end, End::Panicked);
        let tail = [
            LEAVE,
            b"clinic-explorer: something went wrong; the session ended.\r\n",
        ]
        .concat();
        assert!(
            bytes.ends_with(&tail),
            "{:?}",
            String::from_utf8_lossy(&bytes)
        );
    }

    #[test]
    fn idle_sessions_are_warned_then_ended() {
        let (end, bytes) = session(Vec::new(), Duration::from_millis(400));
        assert_eq!(end, End::Idle);
        assert!(contains(&bytes, b"This session closes in"));
        assert!(bytes.ends_with(b"closed after 400 ms without a keystroke.\r\n"));
    }

    #[test]
    fn mouse_and_clipboard_go_to_the_clients_terminal() {
        let (end, bytes) = session(
            vec![
                Incoming::Bytes(b"m".to_vec()),
                Incoming::Bytes(b"m".to_vec()),
                Incoming::Bytes(b"y".to_vec()),
                Incoming::Bytes(b"q".to_vec()),
            ],
            Duration::from_secs(60),
        );
        assert_eq!(end, End::Quit);
        let off = bytes.windows(MOUSE_OFF.len()).position(|w| w == MOUSE_OFF);
        let on = bytes.windows(MOUSE_ON.len()).rposition(|w| w == MOUSE_ON);
        assert!(
            off.is_some() && on > off,
            "m gives the mouse back, m again takes it"
        );
        assert!(contains(&bytes, b"\x1b]52;c;"), "y copies through OSC 52");
        assert!(
            !contains(&bytes, b"\x1bPtmux;"),
            "never wrapped for the server's tmux"
        );
        assert!(!contains(&bytes, b"\x1b[?1003h"), "no motion tracking");
    }

    #[test]
    fn the_server_shutting_down_says_so() {
        let (end, bytes) = session(vec![Incoming::Shutdown], Duration::from_secs(60));
        assert_eq!(end, End::Shutdown);
        assert!(bytes.ends_with(b"the server is shutting down.\r\n"));
    }
}
