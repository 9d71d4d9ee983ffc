//! The real binary in a pseudo-terminal: keys in, the screen read back with a terminal emulator.
//! Every wait polls with a deadline; nothing waits a fixed time, except to show that nothing is
//! written while the explorer is idle.
#![cfg(unix)]

#[allow(dead_code)] // the generator's command-line parts are not used here
#[path = "../examples/synth.rs"]
mod synth;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const COLS: u16 = 100;
const ROWS: u16 = 30;
/// How long any one expected screen may take to appear.
const DEADLINE: Duration = Duration::from_secs(10);

/// The explorer's command line.
fn explorer() -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.args(["--data", "tests/fixtures/data"]);
    cmd
}

/// Starts a command in a new pseudo-terminal of [`COLS`] x [`ROWS`], with its data and configuration
/// directories (the shortlist's file) in a temporary directory, never the real home directory.
fn spawn(
    mut cmd: CommandBuilder,
) -> (
    Box<dyn MasterPty + Send>,
    Box<dyn Child + Send + Sync>,
    tempfile::TempDir,
) {
    let home = tempfile::tempdir().expect("a temporary directory");
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("CLINIC_EXPLORER_DATA");
    cmd.env("XDG_DATA_HOME", home.path().join("data"));
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    cmd.env("HOME", home.path());
    let child = pty.slave.spawn_command(cmd).expect("the command starts");
    (pty.master, child, home)
}

/// Runs a command until the explorer has drawn its first frame and waits for input, then closes the
/// terminal's side as a terminal window closing does; returns the command's exit status.
fn hang_up_when_idle(cmd: CommandBuilder) -> portable_pty::ExitStatus {
    let (master, mut child, _home) = spawn(cmd);
    let mut reader = master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 8192];
    // The end of a synchronized update closes each frame; after the first the explorer is idle.
    while !String::from_utf8_lossy(&seen).contains("\x1b[?2026l") {
        let n = reader.read(&mut buf).expect("the explorer draws");
        assert!(n > 0, "the output ended before the first frame");
        seen.extend_from_slice(&buf[..n]);
    }
    drop(reader);
    drop(master);
    let end = Instant::now() + DEADLINE;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() >= end {
            let _ = child.kill();
            panic!("the explorer did not exit after its terminal went away");
        }
        // Polling the exit status: nothing to read any more, so look again shortly.
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The explorer running in a pseudo-terminal.
struct Session {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
    raw: Vec<u8>,
    home: tempfile::TempDir,
}

impl Session {
    fn start() -> Session {
        Session::start_with(explorer())
    }

    fn start_with(cmd: CommandBuilder) -> Session {
        let (master, child, home) = spawn(cmd);
        let mut reader = master.try_clone_reader().expect("a reader");
        let writer = master.take_writer().expect("a writer");
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            _master: master,
            writer,
            child,
            output,
            screen: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
            raw: Vec::new(),
            home,
        }
    }

    /// Takes what the explorer wrote within `wait`; false once its output has ended.
    fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.screen.process(&bytes);
                self.raw.extend_from_slice(&bytes);
                true
            }
            Err(RecvTimeoutError::Timeout) => true,
            Err(RecvTimeoutError::Disconnected) => false,
        }
    }

    fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads until the screen contains `text`, or fails after the deadline showing the screen.
    fn wait_for(&mut self, text: &str) {
        let end = Instant::now() + DEADLINE;
        while !self.contents().contains(text) {
            assert!(
                Instant::now() < end && self.pump(Duration::from_millis(100)),
                "the screen never showed {text:?}; it shows:\n{}",
                self.contents()
            );
        }
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the explorer to exit, reading its output meanwhile.
    fn wait_exit(&mut self, within: Duration) -> portable_pty::ExitStatus {
        let end = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Take the rest of the output: until it ends, or nothing more comes for a second
                // (a loaded machine may be slow to hand over the last bytes).
                let give_up = Instant::now() + DEADLINE;
                let mut quiet_since = Instant::now();
                while Instant::now() < give_up && quiet_since.elapsed() < Duration::from_secs(1) {
                    match self.output.recv_timeout(Duration::from_millis(50)) {
                        Ok(bytes) => {
                            self.screen.process(&bytes);
                            self.raw.extend_from_slice(&bytes);
                            quiet_since = Instant::now();
                        }
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
                return status;
            }
            assert!(
                Instant::now() < end,
                "the explorer did not exit; screen:\n{}",
                self.contents()
            );
            if !self.pump(Duration::from_millis(50)) {
                // The output has ended: poll the exit status now and then until the deadline.
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    /// The output written after the explorer last entered the alternate screen.
    fn after_start(&self) -> String {
        let raw = String::from_utf8_lossy(&self.raw).into_owned();
        match raw.rfind("\x1b[?1049h") {
            Some(i) => raw[i..].to_owned(),
            None => panic!("the explorer never entered the alternate screen"),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}

fn assert_restored(s: &Session) {
    let tail = s.after_start();
    assert!(
        tail.contains("\x1b[?1049l"),
        "the alternate screen was not left"
    );
    assert!(tail.contains("\x1b[?25h"), "the cursor was not shown again");
    assert!(
        tail.contains("\x1b[?1000l"),
        "mouse capture was not turned off"
    );
}

#[test]
fn search_links_marks_compare_help_and_quit() {
    let mut s = Session::start();
    s.wait_for("Conditions (5)");
    s.wait_for("not medical advice");

    s.keys("/lichen");
    s.wait_for("[condition] Lichen planopilaris");
    s.keys("\r");
    s.wait_for("condition · lichen-planopilaris");

    // The detail: the first link (Type of: Scarring alopecia) is selected; the next is the therapy.
    s.keys("l");
    s.wait_for("h list");
    s.keys("j\r");
    s.wait_for("therapy · adipose-derived-stem-cells");
    s.keys("\x7f");
    s.wait_for("condition · lichen-planopilaris");

    // Mark hypertrophic scars and keloids (the third and fourth conditions), then compare.
    s.keys("h1gjj ");
    s.wait_for("Marked Hypertrophic scars");
    s.keys("j ");
    s.wait_for("Marked Keloids");
    s.keys("c");
    s.wait_for("Size relative to wound");
    s.wait_for("Beyond the wound");

    s.keys("?");
    s.wait_for("Keys (Esc or ? closes");
    s.keys("?");
    s.wait_for("Compare 2 conditions");

    // The cost chart, in won; the trip budget; a shortlist entry saved to the temporary directory.
    s.keys("4l");
    s.wait_for("Cost chart");
    s.wait_for("◆ South Korea");
    s.keys("$");
    s.wait_for("Figures in KRW");
    s.keys("e");
    s.wait_for("Trip budget in KRW");
    s.keys("\x1b");
    s.wait_for("Cost chart");
    s.keys("b");
    s.wait_for("Added Stem-cell therapy for hair loss, South Korea");
    s.keys("s");
    s.wait_for("Shortlist (1)");
    let saved = s.home.path().join("data/clinic-explorer/shortlist.ron");
    let text = std::fs::read_to_string(&saved).expect("the shortlist was saved");
    assert!(text.contains("hair-korea"), "{text}");

    s.keys("q");
    let status = s.wait_exit(DEADLINE);
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&s);
}

#[test]
fn sighup_ends_the_explorer_and_restores_the_terminal() {
    let mut s = Session::start();
    s.wait_for("Conditions (5)");
    s.child.clone_killer().kill().expect("SIGHUP sent");
    s.wait_exit(DEADLINE);
    assert_restored(&s);
}

#[test]
fn the_terminal_going_away_ends_the_explorer() {
    // The explorer leads the terminal's session: the kernel sends it SIGHUP (status 129), and its
    // input ends (status 1); whichever it notices first ends it.
    let status = hang_up_when_idle(explorer());
    assert!(matches!(status.exit_code(), 1 | 129), "{status:?}");
}

#[test]
fn the_input_ending_ends_the_explorer_without_a_sighup() {
    // A shell leads the session and ignores the hang-up: the explorer gets no SIGHUP, only its
    // input ends. The shell exits with the explorer's status.
    let mut cmd = CommandBuilder::new("/bin/sh");
    cmd.args([
        "-c",
        "trap '' HUP; \"$0\" --data tests/fixtures/data; exit $?",
        env!("CARGO_BIN_EXE_clinic-explorer"),
    ]);
    let status = hang_up_when_idle(cmd);
    assert_eq!(status.exit_code(), 1, "{status:?}");
}

/// A generated data directory big enough to load behind the gauge.
fn large_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    synth::write(4_500, dir.path()).expect("generated");
    let bytes: u64 = clinic_explorer::dataset::FILES
        .iter()
        .map(|f| {
            std::fs::metadata(dir.path().join(f))
                .expect("written")
                .len()
        })
        .sum();
    assert!(
        bytes >= clinic_explorer::tui::GAUGE_FROM_BYTES,
        "{bytes} bytes"
    );
    dir
}

fn explorer_on(dir: &std::path::Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.arg("--data");
    cmd.arg(dir);
    cmd
}

#[test]
fn a_large_data_directory_loads_behind_a_gauge_and_keys_typed_meanwhile_wait() {
    let data = large_data();
    let mut s = Session::start_with(explorer_on(data.path()));
    s.wait_for("Loading");
    assert!(
        s.contents().contains("q or Esc cancels"),
        "{}",
        s.contents()
    );
    assert!(s.contents().contains('%'), "{}", s.contents());
    // Typed while it loads (or just after): the search opens once the explorer is up.
    s.keys("/lichen");
    s.wait_for("[condition] Lichen planopilaris");
    s.keys("\x1b");
    s.wait_for("Conditions (540)");
    quit_cleanly(&mut s);
}

/// Presses q and checks the explorer ends with status 0 and the terminal restored.
fn quit_cleanly(s: &mut Session) {
    s.keys("q");
    let status = s.wait_exit(DEADLINE);
    assert_eq!(status.exit_code(), 0);
    assert_restored(s);
}

#[test]
fn q_cancels_loading() {
    let data = large_data();
    let mut s = Session::start_with(explorer_on(data.path()));
    s.wait_for("Loading");
    quit_cleanly(&mut s);
}

#[test]
fn invalid_large_data_is_reported_with_file_line_and_column_after_the_terminal_is_restored() {
    let data = large_data();
    let clinics = data.path().join("clinics.ron");
    let text = std::fs::read_to_string(&clinics).expect("written");
    let lines = text.lines().count();
    // Cut the list's closing bracket off.
    let cut = text.trim_end().trim_end_matches(']');
    std::fs::write(&clinics, cut).expect("rewritten");
    let mut s = Session::start_with(explorer_on(data.path()));
    let status = s.wait_exit(DEADLINE);
    assert_eq!(status.exit_code(), 1);
    assert_restored(&s);
    let tail = s.after_start();
    let left = tail
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    let message = tail[left..].to_owned();
    // FILE:LINE:COLUMN: message, the line at the end of the file where the list stops.
    let after = message
        .split("clinics.ron:")
        .nth(1)
        .unwrap_or_else(|| panic!("names the file: {message:?}"));
    let mut parts = after.splitn(3, ':');
    let line: usize = parts.next().and_then(|l| l.parse().ok()).expect("a line");
    let column: usize = parts.next().and_then(|c| c.parse().ok()).expect("a column");
    assert!(
        line + 2 >= lines && line <= lines && column >= 1,
        "{message:?}"
    );
    assert!(
        parts.next().is_some_and(|m| m.contains("expected")),
        "{message:?}"
    );
}

#[test]
fn nothing_is_written_while_idle() {
    let mut s = Session::start();
    s.wait_for("Conditions (5)");
    s.keys("j");
    // The frame for j ends with the end of a synchronized update; after it, silence.
    let end = Instant::now() + DEADLINE;
    while s.raw.windows(8).filter(|w| w == b"\x1b[?2026l").count() < 2 {
        assert!(Instant::now() < end, "no frame after j");
        s.pump(Duration::from_millis(50));
    }
    let before = s.raw.len();
    let quiet = Instant::now() + Duration::from_millis(1500);
    while Instant::now() < quiet {
        s.pump(Duration::from_millis(100));
    }
    assert_eq!(s.raw.len(), before, "bytes written while idle");
    s.keys("q");
    s.wait_exit(DEADLINE);
}
