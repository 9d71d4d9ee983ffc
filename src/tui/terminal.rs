//! The local terminal: raw mode, the alternate screen and mouse capture on the way in, all undone on
//! the way out, whatever the way out is: q, a panic (the terminal is restored before the message
//! prints), SIGTERM, SIGHUP, or the terminal going away.

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

/// Installs the panic hook, enters raw mode and the alternate screen, and captures the mouse.
pub fn init() -> io::Result<Tui> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = BufWriter::new(io::stdout());
    execute!(out, EnterAlternateScreen, EnableMouseCapture, cursor::Hide)?;
    Terminal::new(Thrifty::new(CrosstermBackend::new(out)))
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

/// Starts the threads that turn SIGTERM, SIGHUP and SIGINT, and the terminal hanging up, into
/// [`Event::Stop`]. A second signal, should the first not end the explorer, exits at once.
#[cfg(unix)]
pub fn watch(tx: Sender<Event>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let signal_tx = tx.clone();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let mut sent: Option<Stop> = None;
            for signal in signals.forever() {
                let stop = match signal {
                    SIGHUP => Stop::Hangup,
                    SIGINT => Stop::Interrupt,
                    _ => Stop::Terminate,
                };
                if let Some(first) = sent {
                    let _ = restore();
                    std::process::exit(i32::from(first.exit_code()));
                }
                sent = Some(stop);
                let _ = signal_tx.send(Event::Stop(stop));
            }
        })?;
    std::thread::Builder::new()
        .name("hang-up watch".into())
        .spawn(move || watch_hangup(&tx))?;
    Ok(())
}

/// Without Unix signals, only the input ending stops the explorer.
#[cfg(not(unix))]
pub fn watch(_tx: Sender<Event>) -> io::Result<()> {
    Ok(())
}

/// Waits, without using the CPU, until the terminal hangs up (the input reports end of file or an
/// error), then says so. crossterm's reader does not return on end of file, so this is how the
/// explorer learns that its terminal is gone when no SIGHUP comes.
#[cfg(unix)]
fn watch_hangup(tx: &Sender<Event>) {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::IsTerminal;
    use std::os::fd::{AsFd, OwnedFd};
    let tty: OwnedFd = if io::stdin().is_terminal() {
        match io::stdin().as_fd().try_clone_to_owned() {
            Ok(fd) => fd,
            Err(_) => return,
        }
    } else {
        match std::fs::File::open("/dev/tty") {
            Ok(f) => f.into(),
            Err(_) => return,
        }
    };
    loop {
        let mut fds = [PollFd::new(&tty, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) => {
                let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                if fds[0].revents().intersects(gone) {
                    let _ = tx.send(Event::Stop(Stop::InputClosed));
                    return;
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return,
        }
    }
}
