//! `serve` over loopback, with the real OpenSSH client in pseudo-terminals and the release binary:
//!
//! - `ssh` started to the end of the explorer's first frame (key exchange and login included);
//! - a keystroke (`j`, `k` in turn) to the end of the frame that shows it, over SSH and in the local
//!   explorer in a pseudo-terminal, and their difference at each quantile;
//! - with many sessions open and idle: the server's CPU time over a quiet spell, and its resident
//!   memory per session.
//!
//! ```sh
//! cargo bench --bench serve
//! SERVE_RUNS=20 SERVE_KEYS=400 SERVE_SESSIONS=50 cargo bench --bench serve
//! ```
//!
//! Needs `ssh` and `ssh-keygen` (openssh-client).

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The end of a frame (the close of a synchronized update).
const FRAME_END: &[u8] = b"\x1b[?2026l";

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A program in a pseudo-terminal of 120x40; each chunk it writes arrives on `chunks` with the
/// moment it was read.
struct Term {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    chunks: mpsc::Receiver<(Instant, Vec<u8>)>,
    started: Instant,
}

impl Term {
    fn spawn(cmd: CommandBuilder) -> Term {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let (tx, chunks) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        let child = pty.slave.spawn_command(cmd).expect("it starts");
        Term {
            _master: pty.master,
            writer,
            child,
            chunks,
            started,
        }
    }

    /// Waits until the output so far holds `text`, then for the end of that frame; the moment.
    fn until_frame_with(&self, text: &str) -> Instant {
        let mut seen = Vec::new();
        loop {
            let (at, chunk) = self
                .chunks
                .recv_timeout(Duration::from_secs(60))
                .expect("a frame");
            seen.extend_from_slice(&chunk);
            if String::from_utf8_lossy(&seen).contains(text)
                && seen.windows(FRAME_END.len()).any(|w| w == FRAME_END)
            {
                return at;
            }
        }
    }

    /// Types `key`; the time until the end of the next frame.
    fn keystroke(&mut self, key: u8) -> Duration {
        while self.chunks.try_recv().is_ok() {}
        let sent = Instant::now();
        self.writer.write_all(&[key]).expect("typed");
        self.writer.flush().expect("flushed");
        let mut seen = Vec::new();
        loop {
            let (at, chunk) = self
                .chunks
                .recv_timeout(Duration::from_secs(10))
                .expect("a frame after the key");
            seen.extend_from_slice(&chunk);
            if seen.windows(FRAME_END.len()).any(|w| w == FRAME_END) {
                return at - sent;
            }
        }
    }

    fn quit(mut self) {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let _ = self.child.wait();
    }
}

/// The server, on a free port of 127.0.0.1.
struct Server {
    child: std::process::Child,
    port: u16,
}

impl Server {
    fn start(dir: &Path, sessions: usize) -> Server {
        let n = (sessions + 8).to_string();
        let mut child = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
            .args(["serve", "--no-config", "--listen", "127.0.0.1:0"])
            .args(["--max-sessions", &n, "--max-per-key", &n])
            .args(["--max-unauthenticated", &n])
            .arg("--authorized-keys")
            .arg(dir.join("authorized_keys"))
            .arg("--state-dir")
            .arg(dir.join("state"))
            .env("HOME", dir)
            .env_remove("CLINIC_EXPLORER_DATA")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let stderr = child.stderr.take().expect("its log");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("listening on 127.0.0.1:")
                    && let Some(tx) = tx.take()
                {
                    let port: u16 = line[at + 23..].trim().parse().expect("a port");
                    let _ = tx.send(port);
                }
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the server listens");
        Server { child, port }
    }

    fn ssh(&self, dir: &Path) -> Term {
        let mut cmd = CommandBuilder::new("ssh");
        for o in [
            "-t",
            "-F",
            "/dev/null",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "IdentityAgent=none",
            "-o",
            "LogLevel=ERROR",
        ] {
            cmd.arg(o);
        }
        cmd.arg("-p");
        cmd.arg(self.port.to_string());
        cmd.arg("-i");
        cmd.arg(dir.join("key"));
        cmd.arg("visitor@127.0.0.1");
        cmd.env("HOME", dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("SSH_AUTH_SOCK");
        Term::spawn(cmd)
    }

    fn stat(&self) -> (Duration, u64) {
        let pid = self.child.id();
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("its stat");
        // After the command name in parentheses: state is field 3, utime 14, stime 15.
        let rest = &stat[stat.rfind(')').expect("a name") + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        // Clock ticks are 100 a second on Linux.
        let cpu = Duration::from_millis(ticks * 10);
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("its status");
        let rss = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0);
        (cpu, rss)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn local(dir: &Path) -> Term {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.arg("--no-config");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("CLINIC_EXPLORER_DATA");
    cmd.env("HOME", dir);
    cmd.env("XDG_DATA_HOME", dir.join("data"));
    cmd.env("XDG_STATE_HOME", dir.join("local-state"));
    Term::spawn(cmd)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn row(what: &str, mut samples: Vec<Duration>) -> Vec<Duration> {
    samples.sort_unstable();
    println!(
        "| {what} | {} | {:.2} | {:.2} | {:.2} |",
        samples.len(),
        ms(quantile(&samples, 0.5)),
        ms(quantile(&samples, 0.95)),
        ms(*samples.last().expect("samples"))
    );
    samples
}

/// Types `keys` keystrokes, `j` and `k` in turn, a little apart; each one's time to its frame.
fn keystrokes(term: &mut Term, keys: usize) -> Vec<Duration> {
    (0..keys)
        .map(|i| {
            std::thread::sleep(Duration::from_millis(15));
            term.keystroke(if i % 2 == 0 { b'j' } else { b'k' })
        })
        .collect()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "bench", "-f"])
        .arg(dir.path().join("key"))
        .status()
        .expect("ssh-keygen runs (install openssh-client)");
    assert!(status.success());
    std::fs::copy(
        dir.path().join("key.pub"),
        dir.path().join("authorized_keys"),
    )
    .unwrap();
    let runs = env_or("SERVE_RUNS", 10);
    let keys = env_or("SERVE_KEYS", 200);
    let sessions = env_or("SERVE_SESSIONS", 50);
    let server = Server::start(dir.path(), sessions);

    println!("| what | samples | median ms | p95 ms | max ms |");
    println!("|---|---:|---:|---:|---:|");
    let first: Vec<Duration> = (0..runs)
        .map(|_| {
            let term = server.ssh(dir.path());
            let at = term.until_frame_with("Conditions (");
            let took = at - term.started;
            term.quit();
            took
        })
        .collect();
    row("`ssh` to the first frame (loopback)", first);
    let local_first: Vec<Duration> = (0..runs)
        .map(|_| {
            let term = local(dir.path());
            let at = term.until_frame_with("Conditions (");
            let took = at - term.started;
            term.quit();
            took
        })
        .collect();
    row("local explorer to the first frame", local_first);

    let mut remote = server.ssh(dir.path());
    remote.until_frame_with("Conditions (");
    let over_ssh = row(
        "keystroke to frame, over SSH",
        keystrokes(&mut remote, keys),
    );
    remote.quit();
    let mut here = local(dir.path());
    here.until_frame_with("Conditions (");
    let locally = row("keystroke to frame, local", keystrokes(&mut here, keys));
    here.quit();
    for q in [0.5, 0.95] {
        println!(
            "| keystroke: SSH minus local at p{} | | {:.2} | | |",
            (q * 100.0) as u32,
            ms(quantile(&over_ssh, q).saturating_sub(quantile(&locally, q)))
        );
    }

    // Idle sessions: memory and CPU.
    std::thread::sleep(Duration::from_millis(500));
    let (_, rss0) = server.stat();
    let mut open = Vec::new();
    let mut rss_one = 0;
    for i in 0..sessions {
        let term = server.ssh(dir.path());
        term.until_frame_with("Conditions (");
        open.push(term);
        if i == 0 {
            std::thread::sleep(Duration::from_millis(300));
            rss_one = server.stat().1;
        }
    }
    // Every session's output is read in the background (there should be none while idle).
    std::thread::sleep(Duration::from_secs(2));
    let (cpu0, rss_n) = server.stat();
    let quiet = Duration::from_secs(env_or("SERVE_QUIET_SECS", 10) as u64);
    std::thread::sleep(quiet);
    let (cpu1, rss_after) = server.stat();
    let mut bytes_idle = 0;
    for term in &open {
        while let Ok((_, chunk)) = term.chunks.try_recv() {
            bytes_idle += chunk.len();
        }
    }
    println!();
    println!("| idle sessions | measure | value |");
    println!("|---|---|---:|");
    println!(
        "| 0 | server resident memory | {:.1} MB |",
        rss0 as f64 / 1024.0
    );
    println!(
        "| 1 | server resident memory | {:.1} MB |",
        rss_one as f64 / 1024.0
    );
    println!(
        "| {sessions} | server resident memory | {:.1} MB |",
        rss_n as f64 / 1024.0
    );
    println!(
        "| {sessions} | per session after the first ((RSS{sessions} - RSS1) / {}) | {:.2} MB |",
        sessions - 1,
        (rss_n.saturating_sub(rss_one)) as f64 / 1024.0 / (sessions - 1).max(1) as f64
    );
    println!(
        "| {sessions} | server CPU time over {} s idle | {} ms |",
        quiet.as_secs(),
        ms(cpu1.saturating_sub(cpu0))
    );
    println!("| {sessions} | bytes sent to the clients in that time | {bytes_idle} |");
    println!(
        "| {sessions} | resident memory after it | {:.1} MB |",
        rss_after as f64 / 1024.0
    );
    for term in open {
        term.quit();
    }
}
