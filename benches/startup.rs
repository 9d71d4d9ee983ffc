//! Start-up to first frame: the release binary in a pseudo-terminal, timed from the moment it is
//! started to the end of its first frame (the close of the first synchronized update). With the
//! bundled data that frame is the explorer; with a large data directory it is the loading gauge, and
//! the time until the explorer's own frame is reported beside it.
//!
//! ```sh
//! cargo bench --bench startup
//! STARTUP_RUNS=50 STARTUP_LARGE=100000 cargo bench --bench startup
//! ```
//!
//! `less` on a 200-line file is timed in the same run, for scale. The large directory's first run
//! fills the cache (in the bench's own temporary home), so its later runs show a warm start.

#[path = "support/common.rs"]
mod common;
#[path = "support/views.rs"]
mod views;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The end of a frame.
const FRAME_END: &[u8] = b"\x1b[?2026l";

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Starts the explorer (on `data`, or the bundled data) and returns the time to its first frame and
/// the time until the screen shows `ready`.
fn start_once(data: Option<&Path>, ready: &str, home: &Path) -> (Duration, Duration) {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.arg("--no-config");
    if let Some(dir) = data {
        cmd.arg("--data");
        cmd.arg(dir);
    }
    cmd.env_remove("CLINIC_EXPLORER_DATA");
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    let frame_end = |seen: &[u8]| seen.windows(FRAME_END.len()).any(|w| w == FRAME_END);
    time_in_pty(cmd, home, &frame_end, ready)
}

/// Starts `less` on a file and returns the time until its screen shows `ready` (the file's first
/// line), twice: less draws its first screen in one go.
fn less_once(file: &Path, ready: &str, home: &Path) -> Duration {
    let mut cmd = CommandBuilder::new("less");
    cmd.arg(file);
    cmd.env("LESSHISTFILE", "-");
    let shown = |seen: &[u8]| String::from_utf8_lossy(seen).contains(ready);
    time_in_pty(cmd, home, &shown, ready).0
}

/// Runs `cmd` in a 120x40 pseudo-terminal: the time until `first(output)` holds, and until the
/// output shows `ready`; then types q.
fn time_in_pty(
    mut cmd: CommandBuilder,
    home: &Path,
    first_frame: &dyn Fn(&[u8]) -> bool,
    ready: &str,
) -> (Duration, Duration) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let mut writer = pty.master.take_writer().expect("a writer");
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("the explorer starts");
    let mut seen = Vec::new();
    let mut first = None;
    let deadline = started + Duration::from_secs(120);
    let ready_at = loop {
        let chunk = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the explorer draws");
        seen.extend_from_slice(&chunk);
        if first.is_none() && first_frame(&seen) {
            first = Some(started.elapsed());
        }
        if first.is_some() && String::from_utf8_lossy(&seen).contains(ready) {
            break started.elapsed();
        }
    };
    writer.write_all(b"q").expect("q");
    writer.flush().expect("flushed");
    let _ = child.wait();
    (first.expect("a first frame"), ready_at)
}

/// Median, 95th percentile and maximum of samples, in ms.
fn summary(mut samples: Vec<Duration>) -> String {
    samples.sort_unstable();
    let at = |q: f64| {
        let rank = ((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len());
        samples[rank - 1].as_secs_f64() * 1e3
    };
    format!(
        "{:.1} | {:.1} | {:.1}",
        at(0.5),
        at(0.95),
        samples.last().expect("samples").as_secs_f64() * 1e3
    )
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let home = tempfile::tempdir().expect("a temporary directory");
    let runs = env_or("STARTUP_RUNS", 30);
    println!("| data | runs | what | median ms | p95 ms | max ms |");
    println!("|---|---:|---|---:|---:|---:|");
    let bundled: Vec<_> = (0..runs)
        .map(|_| start_once(None, "Conditions (", home.path()))
        .collect();
    println!(
        "| bundled | {runs} | first frame (the explorer) | {} |",
        summary(bundled.iter().map(|s| s.0).collect())
    );
    // `less` on a file of about the explorer's first screen, in the same run, for scale.
    let page = home.path().join("page.txt");
    let text: String = (1..=200)
        .map(|i| format!("line {i:03} of a plain text file shown by less for comparison\n"))
        .collect();
    std::fs::write(&page, text).expect("written");
    let less: Vec<_> = (0..runs)
        .map(|_| less_once(&page, "line 001 of a plain", home.path()))
        .collect();
    println!(
        "| a 200-line text file | {runs} | `less` showing its first screen | {} |",
        summary(less)
    );
    let large = env_or("STARTUP_LARGE", 100_000);
    if large > 0 {
        let dir = tempfile::tempdir().expect("a temporary directory");
        common::synth::write(large, dir.path()).expect("generated");
        let runs = env_or("STARTUP_LARGE_RUNS", 3);
        let samples: Vec<_> = (0..runs)
            .map(|_| start_once(Some(dir.path()), "Conditions (", home.path()))
            .collect();
        println!(
            "| {large} records | {runs} | first frame (the loading gauge) | {} |",
            summary(samples.iter().map(|s| s.0).collect())
        );
        println!(
            "| {large} records | {runs} | the explorer's first frame | {} |",
            summary(samples.iter().map(|s| s.1).collect())
        );
    }
}
