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
    cmd: CommandBuilder,
) -> (
    Box<dyn MasterPty + Send>,
    Box<dyn Child + Send + Sync>,
    tempfile::TempDir,
) {
    spawn_with_term(cmd, "xterm-256color")
}

/// [`spawn`] with another `TERM`.
fn spawn_with_term(
    cmd: CommandBuilder,
    term: &str,
) -> (
    Box<dyn MasterPty + Send>,
    Box<dyn Child + Send + Sync>,
    tempfile::TempDir,
) {
    spawn_in(
        cmd,
        term,
        tempfile::tempdir().expect("a temporary directory"),
    )
}

/// [`spawn_with_term`] in a home directory made beforehand (files planted where the explorer keeps
/// its own).
fn spawn_in(
    mut cmd: CommandBuilder,
    term: &str,
    home: tempfile::TempDir,
) -> (
    Box<dyn MasterPty + Send>,
    Box<dyn Child + Send + Sync>,
    tempfile::TempDir,
) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", term);
    cmd.env_remove("CLINIC_EXPLORER_DATA");
    cmd.env("XDG_DATA_HOME", home.path().join("data"));
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    cmd.env("HOME", home.path());
    let child = pty.slave.spawn_command(cmd).expect("the command starts");
    (pty.master, child, home)
}

/// Reads the explorer's output until the end of its first frame (the close of a synchronized update),
/// after which it is idle; returns the reader, still open.
fn after_first_frame(master: &dyn portable_pty::MasterPty) -> Box<dyn Read + Send> {
    let mut reader = master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 8192];
    while !String::from_utf8_lossy(&seen).contains("\x1b[?2026l") {
        let n = reader.read(&mut buf).expect("the explorer draws");
        assert!(n > 0, "the output ended before the first frame");
        seen.extend_from_slice(&buf[..n]);
    }
    reader
}

/// Runs a command until the explorer has drawn its first frame and waits for input, then closes the
/// terminal's side as a terminal window closing does; returns the command's exit status.
fn hang_up_when_idle(cmd: CommandBuilder) -> portable_pty::ExitStatus {
    let (master, mut child, _home) = spawn(cmd);
    let reader = after_first_frame(master.as_ref());
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
/// Sessions run side by side, except the job-control ones (a shell, Ctrl-Z, `fg`), which run alone:
/// on a machine of two cores, the others' start-ups made their shell miss keys typed at its prompt.
static TURNS: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// A session's turn on the machine, held while it lives.
enum Turn {
    Shared(#[allow(dead_code)] std::sync::RwLockReadGuard<'static, ()>),
    Alone(#[allow(dead_code)] std::sync::RwLockWriteGuard<'static, ()>),
}

impl Turn {
    fn shared() -> Turn {
        Turn::Shared(TURNS.read().unwrap_or_else(|e| e.into_inner()))
    }

    fn alone() -> Turn {
        Turn::Alone(TURNS.write().unwrap_or_else(|e| e.into_inner()))
    }
}

struct Session {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
    raw: Vec<u8>,
    home: tempfile::TempDir,
    _turn: Turn,
}

impl Session {
    fn start() -> Session {
        Session::start_with(explorer())
    }

    fn start_with(cmd: CommandBuilder) -> Session {
        Session::start_in(cmd, tempfile::tempdir().expect("a temporary directory"))
    }

    /// Starts `cmd` with `home` as its home directory, prepared beforehand.
    fn start_in(cmd: CommandBuilder, home: tempfile::TempDir) -> Session {
        Session::start_taking(cmd, home, Turn::shared())
    }

    /// [`Session::start_in`], holding `turn` while the session lives.
    fn start_taking(cmd: CommandBuilder, home: tempfile::TempDir, turn: Turn) -> Session {
        let (master, child, home) = spawn_in(cmd, "xterm-256color", home);
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
            _turn: turn,
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

    /// Reads until the screen no longer contains `text`.
    fn wait_gone(&mut self, text: &str) {
        let end = Instant::now() + DEADLINE;
        while self.contents().contains(text) {
            assert!(
                Instant::now() < end && self.pump(Duration::from_millis(100)),
                "the screen still shows {text:?}:\n{}",
                self.contents()
            );
        }
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

/// Keys typed the moment the explorer starts, before its first frame and before the search thread
/// (which starts after that frame) has built the index, are read once it is up and search as keys
/// typed later do. (Enter waits for the first frame: typed before raw mode, the terminal would turn
/// it into a line feed.)
#[test]
fn a_search_typed_before_the_first_frame_finds_its_hit() {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.arg("--no-config");
    let mut s = Session::start_with(cmd);
    s.keys("/lichen");
    s.wait_for("[condition] Lichen planopilaris");
    s.keys("\r");
    s.wait_for("condition · lichen-planopilaris");
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
    assert_eq!(status.exit_code(), 129, "{status:?}");
}

/// Kills a process with SIGKILL when dropped, should it still be there: a test that fails leaves
/// no explorer behind without its terminal.
struct KillOnDrop(String);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if std::path::Path::new(&format!("/proc/{}", self.0)).exists() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &self.0])
                .status();
        }
    }
}

/// The process ids of a process's children.
fn children(pid: u32) -> Vec<String> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_terminal_going_away_while_suspended_ends_the_explorer_once_continued() {
    // A shell that ignores the hang-up leads the session, as in a terminal window whose shell
    // outlives it: the explorer, stopped by SIGTSTP, gets no SIGHUP when the terminal goes; when
    // it is continued it finds its terminal hung up (reading it gives end of file forever). It
    // must end, with the hang-up's status, not run on without a terminal.
    let mut cmd = CommandBuilder::new("/bin/sh");
    cmd.args([
        "-c",
        "trap '' HUP; \"$0\" --data tests/fixtures/data; exit $?",
        env!("CARGO_BIN_EXE_clinic-explorer"),
    ]);
    let (master, mut child, _home) = spawn(cmd);
    let reader = after_first_frame(master.as_ref());
    let shell = child.process_id().expect("a process id");
    let explorer = children(shell)
        .pop()
        .expect("the explorer runs under the shell");
    let _cleanup = KillOnDrop(explorer.clone());
    signal(&explorer, "TSTP");
    wait_stopped(&explorer);
    // The terminal goes away: its last descriptor on this side closed.
    drop(reader);
    drop(master);
    signal(&explorer, "CONT");
    // Generous: a loaded machine may take a while to schedule it; a spinning explorer never ends.
    let end = Instant::now() + 3 * DEADLINE;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= end {
            let stat =
                std::fs::read_to_string(format!("/proc/{explorer}/stat")).unwrap_or_default();
            drop(_cleanup);
            let _ = child.kill();
            panic!("the explorer did not exit after its terminal went away: {stat}");
        }
        // Polling the exit status: nothing to read any more, so look again shortly.
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.exit_code(), 129, "{status:?}");
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

/// The terminal's line settings as `stty -a` prints them, for the pseudo-terminal's slave side.
fn stty(s: &Session) -> String {
    let tty = s._master.tty_name().expect("the terminal's name");
    let out = std::process::Command::new("stty")
        .arg("-a")
        .arg("-F")
        .arg(&tty)
        .output()
        .expect("stty runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Checks the terminal as the shell needs it: the normal screen, the cursor shown, no mouse
/// reporting, and the line discipline back to echoing, line-by-line input.
fn assert_terminal_is_the_shells(s: &Session, when: &str) {
    assert_screen_is_the_shells(s, when);
    let modes = format!(
        " {} ",
        stty(s).split_whitespace().collect::<Vec<_>>().join(" ")
    );
    assert!(
        modes.contains(" echo ") && modes.contains(" icanon "),
        "{when}: the terminal is still raw: {modes}"
    );
}

/// The screen part of [`assert_terminal_is_the_shells`], for when an interactive shell has the
/// terminal (its line editor sets its own modes while it waits for a line).
fn assert_screen_is_the_shells(s: &Session, when: &str) {
    let screen = s.screen.screen();
    assert!(
        !screen.alternate_screen(),
        "{when}: still in the alternate screen"
    );
    assert!(!screen.hide_cursor(), "{when}: the cursor is hidden");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "{when}: mouse reporting is on"
    );
}

/// Checks the explorer holds the terminal: alternate screen, cursor hidden, mouse reported, raw.
fn assert_terminal_is_the_explorers(s: &Session, when: &str) {
    let screen = s.screen.screen();
    assert!(
        screen.alternate_screen(),
        "{when}: not in the alternate screen"
    );
    assert!(screen.hide_cursor(), "{when}: the cursor is shown");
    assert_ne!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "{when}: mouse reporting is off"
    );
    let modes = format!(
        " {} ",
        stty(s).split_whitespace().collect::<Vec<_>>().join(" ")
    );
    assert!(
        modes.contains(" -echo ") && modes.contains(" -icanon "),
        "{when}: the terminal is not raw: {modes}"
    );
}

/// How many shell prompts the screen shows.
fn prompts(s: &Session) -> usize {
    s.contents().matches("shell$ ").count()
}

/// An interactive shell with job control in the pseudo-terminal, started on the explorer.
fn shell_with_explorer() -> Session {
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env("PS1", "shell$ ");
    let home = tempfile::tempdir().expect("a temporary directory");
    let mut s = Session::start_taking(cmd, home, Turn::alone());
    s.wait_for("shell$ ");
    let bin = env!("CARGO_BIN_EXE_clinic-explorer");
    s.keys(&format!("'{bin}' --data tests/fixtures/data\r"));
    s.wait_for("Conditions (5)");
    s
}

/// The explorer's process id: the terminal's foreground process group is the explorer's.
fn explorer_pid(s: &Session) -> String {
    s._master
        .process_group_leader()
        .expect("a foreground process")
        .to_string()
}

fn signal(pid: &str, name: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{name}"), pid])
        .status()
        .expect("kill runs")
        .success();
    assert!(ok, "kill -{name} {pid}");
}

/// Waits until the process is stopped (state `T` in `/proc/PID/stat`).
fn wait_stopped(pid: &str) {
    let end = Instant::now() + DEADLINE;
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // The state follows the command name, which is in parentheses.
        let state = stat.rsplit_once(") ").map(|(_, rest)| rest.chars().next());
        if state == Some(Some('T')) || !std::path::Path::new("/proc/self/stat").exists() {
            return;
        }
        assert!(Instant::now() < end, "process {pid} did not stop: {stat}");
        // Polling the process's state: nothing to read meanwhile.
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// After a suspend: the shell's prompt, the terminal as the shell needs it, keys echoed; then fg
/// brings the explorer back, whole, reading keys.
fn back_at_the_shell_then_fg(s: &mut Session, what: &str) {
    s.wait_for("Stopped");
    s.wait_for("shell$ ");
    assert_screen_is_the_shells(s, what);
    // What a command run from the prompt finds: echo and line input.
    s.keys("stty -a | tr ' ' '\\n' | grep -xE 'echo|icanon' | tr '\\n' ' '; echo\r");
    s.wait_for("icanon echo ");
    s.keys("echo typed-$((40+2))\r");
    s.wait_for("echo typed-$((40+2))");
    s.wait_for("typed-42");
    let before = s.raw.len();
    let prompts_before_fg = prompts(s);
    s.keys("fg\r");
    s.wait_for("Conditions (5)");
    let end = Instant::now() + DEADLINE;
    while !String::from_utf8_lossy(&s.raw[before..]).contains("\x1b[?2026l") {
        assert!(Instant::now() < end && s.pump(Duration::from_millis(50)));
    }
    assert_terminal_is_the_explorers(s, &format!("{what}, then fg"));
    assert!(
        s.contents().contains("not medical advice"),
        "{}",
        s.contents()
    );
    s.keys("/lichen");
    s.wait_for("[condition] Lichen planopilaris");
    s.keys("\x1b");
    s.wait_for("Conditions (5)");
    s.keys("q");
    // The main screen comes back with its old prompts; wait for the new one after them.
    let end = Instant::now() + DEADLINE;
    while s.screen.screen().alternate_screen() || prompts(s) <= prompts_before_fg {
        assert!(
            Instant::now() < end && s.pump(Duration::from_millis(50)),
            "no prompt:\n{}",
            s.contents()
        );
    }
    assert_screen_is_the_shells(s, &format!("{what}, fg, then q"));
    s.keys("echo status-$?\r");
    s.wait_for("status-0");
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    let mut s = shell_with_explorer();
    assert_terminal_is_the_explorers(&s, "started");
    s.keys("\x1a");
    back_at_the_shell_then_fg(&mut s, "Ctrl-Z");
}

#[test]
fn sigtstp_from_outside_suspends_and_fg_resumes() {
    let mut s = shell_with_explorer();
    let pid = explorer_pid(&s);
    signal(&pid, "TSTP");
    back_at_the_shell_then_fg(&mut s, "SIGTSTP");
}

#[test]
fn sigstop_then_sigcont_redraws_the_whole_screen() {
    let mut s = Session::start();
    s.wait_for("Conditions (5)");
    // The whole first frame, so what follows the signals is the redraw alone.
    let end = Instant::now() + DEADLINE;
    while !String::from_utf8_lossy(&s.raw).contains("\x1b[?2026l") {
        assert!(Instant::now() < end && s.pump(Duration::from_millis(50)));
    }
    let pid = s.child.process_id().expect("a process id").to_string();
    signal(&pid, "STOP");
    let before = s.raw.len();
    signal(&pid, "CONT");
    // A full redraw: the alternate screen entered again and every line of the frame written.
    let end = Instant::now() + DEADLINE;
    loop {
        let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
        if let Some(i) = after.find("\x1b[?1049h")
            && after[i..].contains("\x1b[?2026l")
        {
            let frame = &after[i..];
            assert!(
                frame.contains("Conditions (5)") && frame.contains("not medical advice"),
                "not a whole frame: {frame:?}"
            );
            break;
        }
        assert!(
            Instant::now() < end && s.pump(Duration::from_millis(50)),
            "no redraw"
        );
    }
    assert_terminal_is_the_explorers(&s, "SIGCONT");
    s.keys("j");
    s.wait_for("Hypertrophic");
    quit_cleanly(&mut s);
}

#[test]
fn sigtstp_without_a_shell_gives_the_terminal_back_and_sigcont_takes_it_again() {
    let mut s = Session::start();
    s.wait_for("Conditions (5)");
    let pid = s.child.process_id().expect("a process id").to_string();
    let before = s.raw.len();
    signal(&pid, "TSTP");
    let end = Instant::now() + DEADLINE;
    while !String::from_utf8_lossy(&s.raw[before..]).contains("\x1b[?1049l") {
        assert!(
            Instant::now() < end && s.pump(Duration::from_millis(50)),
            "not restored"
        );
    }
    // The terminal is given back just before the process stops itself: look at it once stopped
    // (its line modes are set back after the screen), and a SIGCONT sent before the stop would be
    // spent on nothing, as no shell would send it.
    wait_stopped(&pid);
    // Everything written before the stop, read.
    while !["\x1b[?25h", "\x1b[?1000l"]
        .iter()
        .all(|seq| String::from_utf8_lossy(&s.raw[before..]).contains(seq))
    {
        assert!(
            Instant::now() < end && s.pump(Duration::from_millis(50)),
            "not restored"
        );
    }
    // Nobody else touches the terminal here: what it shows and its modes are the explorer's doing.
    assert_terminal_is_the_shells(&s, "SIGTSTP");
    let before = s.raw.len();
    signal(&pid, "CONT");
    let end = Instant::now() + DEADLINE;
    while !String::from_utf8_lossy(&s.raw[before..]).contains("\x1b[?2026l") {
        assert!(
            Instant::now() < end && s.pump(Duration::from_millis(50)),
            "no redraw"
        );
    }
    assert_terminal_is_the_explorers(&s, "SIGTSTP, then SIGCONT");
    s.keys("j");
    s.wait_for("Hypertrophic");
    quit_cleanly(&mut s);
}

#[test]
fn sigquit_sigusr1_and_sigusr2_restore_the_terminal_first() {
    for (name, status) in [("QUIT", 131), ("USR1", 138), ("USR2", 140), ("ALRM", 142)] {
        let mut s = Session::start();
        s.wait_for("Conditions (5)");
        let pid = s.child.process_id().expect("a process id").to_string();
        signal(&pid, name);
        let got = s.wait_exit(DEADLINE);
        assert_eq!(got.exit_code(), status, "SIG{name}");
        assert_restored(&s);
        assert_terminal_is_the_shells(&s, &format!("SIG{name}"));
    }
}

#[test]
fn without_a_terminal_or_with_term_dumb_the_explorer_refuses() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(["--data", "tests/fixtures/data"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "nothing drawn into the file");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("standard output is not one") && err.contains("clinic-explorer --help"));

    let mut cmd = explorer();
    cmd.env("TERM", "dumb");
    let (master, mut child, _home) = spawn_with_term(cmd, "dumb");
    let mut reader = master.try_clone_reader().unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        if seen.contains('\n') {
            break;
        }
    }
    let status = child.wait().expect("exits");
    assert_eq!(status.exit_code(), 2, "{seen:?}");
    assert!(seen.contains("TERM is \"dumb\""), "{seen:?}");
    assert!(
        !seen.contains("\x1b[?1049h") && !seen.contains("\x1b[?1000h"),
        "{seen:?}"
    );
}

/// Fails if the explorer's output holds any character from the hostile corpus raw: bidirectional
/// and invisible characters, C1 controls, or the corpus's own escape sequences (OSC 52, OSC 8,
/// a title change). The explorer's own sequences (CSI, its synchronized updates) are fine.
fn assert_no_hostile_output(raw: &[u8], when: &str) {
    let text = String::from_utf8_lossy(raw);
    for bad in ["\x1b]52;", "\x1b]8;;https://evil", "\x1b]0;", "\u{9b}"] {
        assert!(!text.contains(bad), "{when}: {bad:?} reached the terminal");
    }
    if let Some(c) = text
        .chars()
        .find(|&c| clinic_explorer::text::is_unsafe(c) && !c.is_ascii_control())
    {
        panic!("{when}: raw U+{:04X} reached the terminal", u32::from(c));
    }
}

#[test]
fn the_hostile_corpus_never_reaches_the_terminal_raw() {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.args(["--data", "tests/fixtures/hostile/bidi"]);
    let mut s = Session::start_with(cmd);
    s.wait_for("Conditions (5)");
    // Every tab, a detail, the search, the help, compare, a shortlist entry with a typed note
    // carrying a bidirectional override, and the shortlist view.
    for (keys, shows) in [
        ("2", "Therapies ("),
        ("3", "Clinics ("),
        ("l", "Test Gangnam Clinic"),
        ("4", "Costs"),
        ("5", "Travel"),
        ("1", "Conditions ("),
        ("/hair", "[therapy]   Hair transplant"),
    ] {
        s.keys(keys);
        s.wait_for(shows);
    }
    s.keys("\x1b");
    s.wait_gone("Search every kind");
    s.keys("?");
    s.wait_for("Keys (Esc or ? closes");
    s.keys("?");
    s.wait_for("Conditions (5)");
    s.keys("2 j c");
    s.wait_for("Compare 2 therapies");
    s.keys("\x1b");
    s.wait_gone("Compare 2 therapies");
    s.keys("2");
    s.wait_for("Therapies (");
    s.keys("b");
    s.wait_for("Added");
    s.keys("n");
    s.wait_for("Note on");
    s.keys("ask \u{202E}about\u{202C} \u{200B}price\r");
    s.wait_for("Note saved");
    s.keys("s");
    s.wait_for("Shortlist (1)");
    s.wait_for("ask");
    assert_no_hostile_output(&s.raw, "the explorer on the bidi corpus");
    quit_cleanly(&mut s);
    assert_no_hostile_output(&s.raw, "the explorer on the bidi corpus, quitting");

    // The escape-sequence corpus is refused at start; the message quotes the values escaped.
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.args(["--data", "tests/fixtures/hostile/escapes"]);
    let mut s = Session::start_with(cmd);
    let status = s.wait_exit(DEADLINE);
    assert_eq!(status.exit_code(), 1);
    assert_no_hostile_output(&s.raw, "the explorer's start-up errors");
    assert!(
        String::from_utf8_lossy(&s.raw).contains("control character (U+001B)"),
        "the problems are said"
    );
}

/// A home directory whose shortlist directory holds what `plant` puts there.
fn home_with(plant: impl FnOnce(&std::path::Path)) -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("a temporary directory");
    let dir = home.path().join("data/clinic-explorer");
    std::fs::create_dir_all(&dir).unwrap();
    plant(&dir);
    home
}

fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Keeps the first therapy in the shortlist, then waits for what the explorer says about it.
fn keep_a_therapy(s: &mut Session, says: &str) {
    s.keys("2");
    s.wait_for("Therapies (");
    s.keys("b");
    s.wait_for(says);
}

/// Quits with the shortlist unsaved: q asks, q again quits without saving.
fn quit_without_saving(s: &mut Session) {
    s.keys("\x1b");
    s.wait_gone("could not be saved");
    s.keys("q");
    s.wait_for("Quit with the shortlist not saved?");
    s.keys("q");
    let status = s.wait_exit(DEADLINE);
    assert_eq!(status.exit_code(), 0);
    assert_restored(s);
}

#[test]
fn a_symlink_at_the_lock_is_never_followed() {
    let victim = tempfile::tempdir().unwrap();
    let target = victim.path().join("created-through-the-link");
    let home = home_with(|dir| {
        std::os::unix::fs::symlink(&target, dir.join("shortlist.ron.lock")).unwrap();
    });
    let mut s = Session::start_in(explorer(), home);
    s.wait_for("Conditions (5)");
    keep_a_therapy(&mut s, "The shortlist could not be saved");
    s.wait_for("symbolic link");
    assert!(!target.exists(), "the link was followed");
    assert_no_hostile_output(&s.raw, "the lock refused");
    quit_without_saving(&mut s);
    assert!(!target.exists(), "the link was followed");
    let dir = s.home.path().join("data/clinic-explorer");
    assert!(!dir.join("shortlist.ron").exists());
    assert!(
        std::fs::symlink_metadata(dir.join("shortlist.ron.lock"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn symlinks_at_temporary_names_are_neither_followed_nor_removed_and_stale_files_go() {
    use std::time::SystemTime;
    let victim = tempfile::tempdir().unwrap();
    let precious = victim.path().join("precious");
    std::fs::write(&precious, "mine").unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&precious)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let home = home_with(|dir| {
        // Links where an earlier run's temporary files would be, and one real leftover of an
        // interrupted save an hour old, and one just made (another explorer's, still writing).
        for name in [".shortlist.ron.tmp-AAAAAAAA", ".shortlist.ron.tmp-planted"] {
            std::os::unix::fs::symlink(&precious, dir.join(name)).unwrap();
        }
        let stale = dir.join(".shortlist.ron.tmp-leftover");
        std::fs::write(&stale, "half a shortlist").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        std::fs::write(dir.join(".shortlist.ron.tmp-fresh1"), "being written").unwrap();
    });
    let mut s = Session::start_in(explorer(), home);
    s.wait_for("Conditions (5)");
    keep_a_therapy(&mut s, "to the shortlist");
    let dir = s.home.path().join("data/clinic-explorer");
    let end = Instant::now() + DEADLINE;
    while !dir.join("shortlist.ron").exists() {
        assert!(
            Instant::now() < end && s.pump(Duration::from_millis(50)),
            "not saved"
        );
    }
    quit_cleanly(&mut s);
    assert_eq!(std::fs::read(&precious).unwrap(), b"mine");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".shortlist.ron.tmp-AAAAAAAA",
            ".shortlist.ron.tmp-fresh1",
            ".shortlist.ron.tmp-planted",
            "shortlist.ron",
            "shortlist.ron.lock"
        ],
        "the stale leftover is removed, the links and the fresh file are left"
    );
    for name in [".shortlist.ron.tmp-AAAAAAAA", ".shortlist.ron.tmp-planted"] {
        assert!(
            std::fs::symlink_metadata(dir.join(name))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    assert!(
        std::fs::read_to_string(dir.join("shortlist.ron"))
            .unwrap()
            .contains("kind: therapy")
    );
}

#[test]
fn a_fifo_or_device_as_the_shortlist_or_config_neither_hangs_nor_is_replaced() {
    // The shortlist: said at start, the explorer runs, a save is refused, nothing replaced.
    for (what, plant) in [
        (
            "FIFO",
            (|p: &std::path::Path| mkfifo(p)) as fn(&std::path::Path),
        ),
        ("device", |p| {
            std::os::unix::fs::symlink("/dev/zero", p).unwrap()
        }),
    ] {
        let home = home_with(|dir| plant(&dir.join("shortlist.ron")));
        let mut s = Session::start_in(explorer(), home);
        s.wait_for("The shortlist could not be loaded");
        keep_a_therapy(&mut s, "The shortlist could not be saved");
        s.wait_for("not a regular file");
        quit_without_saving(&mut s);
        let left =
            std::fs::symlink_metadata(s.home.path().join("data/clinic-explorer/shortlist.ron"))
                .unwrap()
                .file_type();
        assert!(!left.is_file(), "{what}: replaced by a file");
    }
    // The configuration: the explorer does not start, says why, and leaves the terminal alone.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/clinic-explorer")).unwrap();
    mkfifo(&home.path().join("config/clinic-explorer/config.ron"));
    let mut s = Session::start_in(explorer(), home);
    let status = s.wait_exit(DEADLINE);
    assert_eq!(status.exit_code(), 1);
    let said = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(
        said.contains("config.ron: is a FIFO (named pipe), not a regular file"),
        "{said}"
    );
    assert_screen_is_the_shells(&s, "a FIFO configuration");
}

/// Every cell of a screen as seen: its character (a blank for one never written), whether it is
/// wide, and how it looks (what shows of it on a blank).
fn cells(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            let Some(cell) = screen.cell(r, c) else {
                out.push(String::new());
                continue;
            };
            let text = if cell.has_contents() {
                cell.contents()
            } else {
                " "
            };
            // On a blank the colour of the letters and boldness do not show (ratatui leaves them
            // behind on the columns a wide character covered, on purpose); the rest does.
            let blank = text == " ";
            let (fg, bold) = if blank {
                (vt100::Color::Default, false)
            } else {
                (cell.fgcolor(), cell.bold())
            };
            out.push(format!(
                "{text}|{}{}|{fg:?}|{:?}|{}{}{}",
                u8::from(cell.is_wide()),
                u8::from(cell.is_wide_continuation()),
                cell.bgcolor(),
                u8::from(bold),
                u8::from(cell.underline()),
                u8::from(cell.inverse())
            ));
        }
    }
    out
}

/// Stops and continues the explorer, which then draws its whole screen afresh, and compares every
/// cell of what the byte-saving writer had left on the terminal with that full redraw.
fn assert_same_as_a_full_redraw(s: &mut Session, step: &str) {
    let pid = s.child.process_id().expect("a process id").to_string();
    signal(&pid, "STOP");
    wait_stopped(&pid);
    let before = s.raw.len();
    signal(&pid, "CONT");
    let end = Instant::now() + DEADLINE;
    let start = loop {
        let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
        if let Some(i) = after.find("\x1b[?1049h")
            && after[i..].contains("\x1b[?2026l")
        {
            break before + after[..i].len();
        }
        assert!(
            Instant::now() < end && s.pump(Duration::from_millis(50)),
            "{step}: no redraw"
        );
    };
    let mut kept = vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0);
    kept.process(&s.raw[..start]);
    let mut fresh = vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0);
    fresh.process(&s.raw[start..]);
    let (got, want) = (cells(kept.screen()), cells(fresh.screen()));
    let differs: Vec<String> = (0..want.len())
        .filter(|&k| got[k] != want[k])
        .map(|k| {
            format!(
                "row {} col {}: {:?} not {:?}",
                k / usize::from(COLS),
                k % usize::from(COLS),
                got[k],
                want[k]
            )
        })
        .collect();
    assert!(
        differs.is_empty(),
        "{step}: the screen differs from a full redraw:\n{}\nshown:\n{}\nredrawn:\n{}",
        differs.join("\n"),
        kept.screen().contents(),
        fresh.screen().contents()
    );
}

/// Sends keys (each step's keys change the screen), waits for `shows` and for the frames they
/// caused to end.
fn step(s: &mut Session, keys: &str, shows: &str) {
    let before = s.raw.len();
    s.keys(keys);
    s.wait_for(shows);
    let end = Instant::now() + DEADLINE;
    loop {
        let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
        let open = after.rfind("\x1b[?2026h");
        let closed = after.rfind("\x1b[?2026l");
        let drawn = match open {
            None => keys.is_empty(),
            Some(o) => closed.is_some_and(|c| c > o),
        };
        if drawn {
            break;
        }
        assert!(
            Instant::now() < end && s.pump(Duration::from_millis(50)),
            "{keys:?}: the frame never ended"
        );
    }
}

#[test]
fn wide_and_joined_characters_in_names_and_status_leave_the_screen_a_full_redraw_would_draw() {
    let data = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
    for entry in std::fs::read_dir(&fixture).unwrap() {
        let entry = entry.unwrap();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let text = text
            .replace(
                "\"Scarring alopecia\"",
                "\"반흔성 탈모 👩\\u{200D}⚕\\u{FE0F} scarring\"",
            )
            .replace(
                "\"Lichen planopilaris\"",
                "\"편평태선 👨\\u{200D}👩\\u{200D}👧 LPP 🇰🇷\"",
            )
            .replace("\"Keloids\"", "\"켈로이드 👍🏽 cafe\\u{301}\"");
        std::fs::write(data.path().join(entry.file_name()), text).unwrap();
    }
    // In colour and without: the plain scheme styles status messages and hints alike, which is
    // where the byte-saving writer fills most gaps.
    for no_color in [false, true] {
        wide_and_joined_in(data.path(), no_color);
    }
}

fn wide_and_joined_in(data: &std::path::Path, no_color: bool) {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.args(["--data", data.to_str().unwrap()]);
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut s = Session::start_with(cmd);
    s.wait_for("Conditions (5)");
    step(&mut s, "", "not medical advice");
    assert_same_as_a_full_redraw(&mut s, "start");
    // Long Hangul status messages, then shorter ones and the hint bar over them; names with
    // emoji, joiners, a flag and a combining accent in the list, the detail and the prompts.
    for (keys, shows, what) in [
        // The hint bar, a wide status over it, then other hints: what the status covered must
        // not come back from the list's hints (the ghost letters).
        ("j", "quit", "the list's hints"),
        ("b", "the shortlist", "a wide status over them"),
        ("l", "quit", "the detail's hints over that"),
        ("h", "quit", "the list's hints"),
        ("b", "the shortlist", "a wide status again"),
        ("s", "Shortlist (", "the shortlist's hints over that"),
        ("1", "quit", "the list's hints"),
        ("b", "the shortlist", "a wide status again"),
        ("/", "Search", "the search's hints over that"),
        ("\x1b", "quit", "the list's hints"),
        ("%", "does nothing", "a message of letters"),
        (
            "b",
            "the shortlist",
            "a status message with a wide name over it",
        ),
        ("j", "quit", "the hint bar over that"),
        ("%", "does nothing", "letters again"),
        ("b", "the shortlist", "another wide name"),
        ("l", "quit", "the detail's hints over it"),
        ("h", "quit", "the list's hints"),
        ("b", "the shortlist", "removed"),
        ("l", "quit", "the detail's hints over that"),
        ("h", "quit", "the list's hints again"),
        ("%", "does nothing", "letters a third time"),
        (
            "j",
            "quit",
            "to a name with an emoji and a combining accent",
        ),
        ("j", "quit", "and on"),
        ("b", "the shortlist", "its status message"),
        ("s", "Shortlist (", "the shortlist's hints over it"),
        ("%", "does nothing", "a short message over a long one"),
        ("1", "quit", "back"),
        ("g", "quit", "the top"),
        ("%", "does nothing", "before the detail"),
        ("l", "Sources", "the detail"),
        ("n", "Note on", "the note prompt"),
        (
            "메모 👩\u{200D}🔬 가나다\r",
            "ote saved",
            "a Hangul note saved",
        ),
        ("k", "quit", "the hint bar again"),
        ("/탈모", "[condition]", "a Hangul search"),
        ("\x1b", "quit", "the search closed"),
        ("s", "Shortlist (", "the shortlist"),
    ] {
        step(&mut s, keys, shows);
        assert_same_as_a_full_redraw(&mut s, what);
    }
    assert_no_hostile_output(&s.raw, "wide names");
    quit_cleanly(&mut s);
}

#[test]
fn hostile_configuration_names_never_reach_the_terminal_raw() {
    let config = |name: &str| {
        let home = tempfile::tempdir().expect("a temporary directory");
        let dir = home.path().join("config/clinic-explorer");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/hostile/config")
                .join(name),
            dir.join("config.ron"),
        )
        .unwrap();
        home
    };
    // An action name with a bidi character: the explorer starts, says there are problems, and the
    // help lists them with nothing raw.
    for name in ["unknown-action.ron"] {
        let mut s = Session::start_in(explorer(), config(name));
        s.wait_for("Conditions (5)");
        s.wait_for("Key bindings:");
        s.keys("?");
        s.wait_for("Keys (Esc or ? closes");
        // Down the help until the problems show.
        let end = Instant::now() + DEADLINE;
        while !s.contents().contains("launch-") {
            assert!(
                Instant::now() < end,
                "no problems listed:\n{}",
                s.contents()
            );
            s.keys("\x1b[6~");
            s.pump(Duration::from_millis(100));
        }
        assert_no_hostile_output(&s.raw, name);
        s.keys("\x1b");
        s.wait_gone("┌ Help ");
        quit_cleanly(&mut s);
        assert_no_hostile_output(&s.raw, name);
    }
    // Key and theme names with escape sequences: refused at start, the values quoted escaped.
    for (name, says) in [
        ("keys.ron", "`x\\u{1b}[2J\\u{1b}]52;c;"),
        ("theme.ron", "unknown theme `dark\\u{1b}[2J"),
    ] {
        let mut s = Session::start_in(explorer(), config(name));
        let status = s.wait_exit(DEADLINE);
        assert_eq!(status.exit_code(), 1, "{name}");
        assert_no_hostile_output(&s.raw, name);
        let said = String::from_utf8_lossy(&s.raw).into_owned();
        assert!(said.contains(says), "{name}: {said}");
    }
}
