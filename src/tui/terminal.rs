//! The local terminal: raw mode, the alternate screen and mouse capture on the way in, all undone on
//! the way out, whatever the way out is: q, a panic (the terminal is restored before the message
//! prints), SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2 and the other signals that end a
//! process, or the terminal going away. Ctrl-Z and SIGTSTP give the terminal back and stop the
//! process ([`suspend`]); SIGCONT takes it again ([`resume`]). [`usable`] says whether the explorer
//! can run here at all.

use super::event::{Event, Stop};
use super::thrifty::Thrifty;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

/// The terminal the explorer draws on: output buffered, flushed once per frame, and short (see
/// [`Thrifty`]).
pub type Tui = Terminal<Thrifty<CrosstermBackend<BufWriter<Stdout>>>>;

/// True between [`init`] and [`restore`].
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Whether the explorer can run here: standard output must be a terminal, and one that can show a
/// full screen (`TERM` not `dumb`). The error is one line for the user, pointing to the command line.
pub fn usable(stdout_is_terminal: bool, term: Option<&str>) -> Result<(), String> {
    const INSTEAD: &str =
        "the command line answers the same questions: try `clinic-explorer --help`";
    if !stdout_is_terminal {
        return Err(format!(
            "the explorer needs a terminal, and standard output is not one; {INSTEAD}"
        ));
    }
    if term == Some("dumb") {
        return Err(format!(
            "TERM is \"dumb\", which cannot show the explorer; {INSTEAD}"
        ));
    }
    Ok(())
}

/// [`usable`] for this process.
pub fn usable_here() -> Result<(), String> {
    use std::io::IsTerminal;
    let term = std::env::var("TERM").ok();
    usable(io::stdout().is_terminal(), term.as_deref())
}

/// Installs the panic hook, enters raw mode and the alternate screen, and captures the mouse.
pub fn init() -> io::Result<Tui> {
    install_panic_hook();
    take_terminal()?;
    Terminal::new(Thrifty::new(CrosstermBackend::new(BufWriter::new(
        io::stdout(),
    ))))
}

/// Raw mode, the alternate screen, mouse capture, the cursor hidden.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// True between [`init`] (or [`resume`]) and [`restore`] (or [`suspend`]): the explorer holds the
/// local terminal. Front ends without one (tests, a remote session) never set it.
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// Set when [`suspend`] has taken the terminal back itself, so the SIGCONT that woke it needs no
/// second redraw.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// Gives the terminal back as [`restore`] does, then stops the process (SIGSTOP) until it is
/// continued; returns once it runs again, with the terminal taken back (see [`resume`]). Does
/// nothing when the explorer does not hold the local terminal.
pub fn suspend() -> io::Result<()> {
    if !is_active() {
        return Ok(());
    }
    restore()?;
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    RESUMED.store(true, Ordering::SeqCst);
    resume()
}

/// What the loop does with [`Event::Suspend`] (also Ctrl-Z) and [`Event::Resume`]: suspends, or
/// takes the terminal again after an outside SIGSTOP. True when the whole screen must be drawn
/// again. Without the local terminal, nothing happens.
pub fn on_suspend_or_resume(event: Event) -> io::Result<bool> {
    match event {
        Event::Suspend if is_active() => suspend().map(|()| true),
        // The SIGCONT that ended this process's own suspend: already taken back and redrawn.
        Event::Resume if RESUMED.swap(false, Ordering::SeqCst) => Ok(false),
        Event::Resume if is_active() => resume().map(|()| true),
        _ => Ok(false),
    }
}

/// Takes the terminal again after the process was stopped and continued: raw mode (set afresh,
/// as the shell may have reset the terminal's modes meanwhile), the alternate screen, mouse
/// capture, the cursor hidden. The caller then draws the whole screen.
pub fn resume() -> io::Result<()> {
    let _ = disable_raw_mode();
    take_terminal()
}

/// Leaves the alternate screen, releases the mouse, shows the cursor and leaves raw mode. Safe to
/// call more than once and from the panic hook; only the first call after [`init`] does anything.
pub fn restore() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let mut out = io::stdout();
    let screen = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let raw = disable_raw_mode();
    screen.and(raw)
}

/// Chains a hook before the current panic hook that restores the terminal first, so the panic
/// message is printed on the normal screen.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = restore();
            previous(info);
        }));
    });
}

/// The signals whose default is to end the process that can be caught: each ends the explorer
/// with the terminal restored, with status 128 + its number.
#[cfg(unix)]
const ENDING: [i32; 11] = {
    use signal_hook::consts::*;
    [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ]
};

/// The signals caught (see [`catch`]), and the threads that turn them and the terminal hanging up
/// into events not started yet: a signal that comes meanwhile waits for them.
pub struct Watch {
    tx: Sender<Event>,
    #[cfg(unix)]
    signals: signal_hook::iterator::Signals,
    /// The terminal to watch for the hang-up, if there is one.
    #[cfg(unix)]
    tty: Option<std::os::fd::OwnedFd>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch").finish_non_exhaustive()
    }
}

/// Catches the signals that end a process, SIGTSTP and SIGCONT, from now on; [`Watch::start`]
/// starts the threads that act on them.
#[cfg(unix)]
pub fn catch(tx: Sender<Event>) -> io::Result<Watch> {
    use signal_hook::consts::{SIGCONT, SIGTSTP};
    let mut wanted = ENDING.to_vec();
    wanted.extend([SIGTSTP, SIGCONT]);
    let signals = signal_hook::iterator::Signals::new(wanted)?;
    let tty = the_terminal();
    if let Some(copy) = tty.as_ref().and_then(|t| t.try_clone().ok()) {
        let _ = WATCHED.set(copy);
    }
    Ok(Watch { tx, signals, tty })
}

/// Without Unix signals there is nothing to catch.
#[cfg(not(unix))]
pub fn catch(tx: Sender<Event>) -> io::Result<Watch> {
    Ok(Watch { tx })
}

impl Watch {
    /// Starts the threads that turn the signals that end a process, and the terminal hanging up,
    /// into [`Event::Stop`], SIGTSTP into [`Event::Suspend`] and SIGCONT into [`Event::Resume`]. A
    /// second ending signal, should the first not end the explorer, exits at once.
    #[cfg(unix)]
    pub fn start(self) -> io::Result<()> {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
        let Watch {
            tx,
            mut signals,
            tty,
        } = self;
        let signal_tx = tx.clone();
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                let mut sent: Option<Stop> = None;
                for signal in signals.forever() {
                    let stop = match signal {
                        SIGTSTP | SIGCONT => {
                            let event = if signal == SIGTSTP {
                                Event::Suspend
                            } else {
                                Event::Resume
                            };
                            let _ = signal_tx.send(event);
                            continue;
                        }
                        SIGHUP => Stop::Hangup,
                        SIGINT => Stop::Interrupt,
                        SIGTERM => Stop::Terminate,
                        n => Stop::Signal(n),
                    };
                    if let Some(first) = sent {
                        let _ = restore();
                        std::process::exit(i32::from(first.exit_code()));
                    }
                    sent = Some(stop);
                    let _ = signal_tx.send(Event::Stop(stop));
                }
            })?;
        if let Some(tty) = tty {
            std::thread::Builder::new()
                .name("hang-up watch".into())
                .spawn(move || watch_hangup(&tty, &tx))?;
        }
        Ok(())
    }

    /// Without Unix signals, only the input ending stops the explorer.
    #[cfg(not(unix))]
    pub fn start(self) -> io::Result<()> {
        Ok(())
    }
}

/// Set once the terminal has hung up: a failure of the terminal after that is the hang-up.
static HUNG_UP: AtomicBool = AtomicBool::new(false);

/// The terminal [`watch_hangup`] watches, kept to ask whether it has hung up.
#[cfg(unix)]
static WATCHED: std::sync::OnceLock<std::os::fd::OwnedFd> = std::sync::OnceLock::new();

/// Whether the terminal has hung up: [`watch_hangup`] saw it, or the terminal says so now (the
/// main thread may find its terminal failing before that thread has run).
pub fn hung_up() -> bool {
    if HUNG_UP.load(Ordering::SeqCst) {
        return true;
    }
    #[cfg(unix)]
    if let Some(tty) = WATCHED.get() {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let mut fds = [PollFd::new(tty, PollFlags::empty())];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        if poll(&mut fds, Some(&now)).is_ok() {
            let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
            return fds[0].revents().intersects(gone);
        }
    }
    false
}

/// How long the main thread has to end the explorer after the hang-up before [`watch_hangup`]
/// ends it itself.
#[cfg(unix)]
const HANGUP_GRACE_SECS: u64 = 3;

/// Waits, without using the CPU, until the terminal hangs up (the input reports end of file or an
/// error), then says so ([`Stop::Hangup`]), and ends the process itself if it is still there a few
/// seconds later. crossterm's reader does not return on end of file (it reads again at once,
/// forever), so this is how the explorer learns that its terminal is gone when no SIGHUP comes.
#[cfg(unix)]
fn watch_hangup(tty: &std::os::fd::OwnedFd, tx: &Sender<Event>) {
    use rustix::event::{PollFd, PollFlags, poll};
    loop {
        let mut fds = [PollFd::new(tty, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) => {
                let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                if fds[0].revents().intersects(gone) {
                    HUNG_UP.store(true, Ordering::SeqCst);
                    let _ = tx.send(Event::Stop(Stop::Hangup));
                    // The main thread normally ends the explorer at once. Should it be stuck (in
                    // crossterm, which reads a hung-up terminal's end of file again and again),
                    // end it from here rather than leave a process spinning without a terminal.
                    std::thread::sleep(std::time::Duration::from_secs(HANGUP_GRACE_SECS));
                    let _ = restore();
                    std::process::exit(i32::from(Stop::Hangup.exit_code()));
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return,
        }
    }
}

/// The terminal to watch for the hang-up: standard input when it is one, else `/dev/tty`. Taken
/// when the signals are caught, while the terminal is surely there: once it has hung up, neither
/// is a terminal any more.
#[cfg(unix)]
fn the_terminal() -> Option<std::os::fd::OwnedFd> {
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    if io::stdin().is_terminal() {
        io::stdin().as_fd().try_clone_to_owned().ok()
    } else {
        std::fs::File::open("/dev/tty").ok().map(Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_without_a_terminal_or_with_a_dumb_one() {
        assert_eq!(usable(true, Some("xterm-256color")), Ok(()));
        assert_eq!(usable(true, None), Ok(()));
        let e = usable(false, Some("xterm")).unwrap_err();
        assert!(
            e.contains("standard output is not one") && e.contains("--help"),
            "{e}"
        );
        let e = usable(true, Some("dumb")).unwrap_err();
        assert!(e.contains("TERM is \"dumb\""), "{e}");
        assert!(!e.contains('\n'), "one line");
    }

    #[test]
    fn without_the_local_terminal_suspending_does_nothing() {
        assert!(!is_active());
        assert!(!on_suspend_or_resume(Event::Suspend).unwrap());
        assert!(!on_suspend_or_resume(Event::Resume).unwrap());
    }
}
