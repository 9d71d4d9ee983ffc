//! The server as a process on 127.0.0.1 (a free port it picks and logs), keys made with
//! `ssh-keygen` in a temporary directory, and the real OpenSSH client in a pseudo-terminal whose
//! screen a terminal emulator reads back. Every wait polls with a deadline.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one expected thing may take (the machine is shared and may be loaded).
pub const DEADLINE: Duration = Duration::from_secs(30);

/// Polls `f` until it holds or the deadline passes.
pub fn wait_until(what: &str, deadline: Duration, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// A temporary directory with keys `alice`, `bob` and `eve`; alice and bob are authorized.
pub struct Place {
    /// The directory.
    pub dir: tempfile::TempDir,
}

impl Place {
    /// Makes the keys and the authorized keys file.
    pub fn new() -> Place {
        let dir = tempfile::tempdir().expect("a temporary directory");
        for name in ["alice", "bob", "eve"] {
            let status = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
                .arg(dir.path().join(name))
                .status()
                .expect("ssh-keygen runs (install openssh-client)");
            assert!(status.success());
        }
        let mut keys = String::new();
        for name in ["alice", "bob"] {
            keys += &std::fs::read_to_string(dir.path().join(format!("{name}.pub"))).unwrap();
        }
        std::fs::write(dir.path().join("authorized_keys"), keys).unwrap();
        Place { dir }
    }

    /// A path in the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// The server process.
pub struct Server {
    child: std::process::Child,
    log: Arc<Mutex<String>>,
    /// The port it listens on.
    pub port: u16,
}

impl Server {
    /// Starts `serve` on a free port with the fixture data, the place's keys and state directory,
    /// and `extra` options.
    pub fn start(place: &Place, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["serve", "--no-config", "--data", "tests/fixtures/data"])
            .args(["--listen", "127.0.0.1:0"])
            .arg("--authorized-keys")
            .arg(place.path("authorized_keys"))
            .arg("--state-dir")
            .arg(place.path("state"))
            .args(extra)
            .env("HOME", place.dir.path())
            .env("XDG_CONFIG_HOME", place.path("config"))
            .env("XDG_STATE_HOME", place.path("xdg-state"))
            .env("XDG_DATA_HOME", place.path("data"))
            .env_remove("CLINIC_EXPLORER_DATA")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let mut port = 0;
        // The last of the lines it logs at start (after the address and the host key's fingerprint).
        wait_until("the server to listen", DEADLINE, || {
            let log = log.lock().unwrap();
            if !log.contains("anonymous visitors:") {
                return false;
            }
            if let Some(at) = log.find("listening on 127.0.0.1:") {
                let rest = &log[at + "listening on 127.0.0.1:".len()..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                port = digits.parse().unwrap_or(0);
            }
            port != 0
        });
        Server { child, log, port }
    }

    /// Everything logged so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until the log holds `needle` `times` times.
    pub fn wait_log(&self, needle: &str, times: usize) {
        wait_until(&format!("{needle:?} in the log"), DEADLINE, || {
            self.log().matches(needle).count() >= times
        });
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The server's resident memory in KiB.
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }

    /// Sends SIGTERM and waits for the exit status.
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status();
        let mut status = None;
        wait_until("the server to exit", DEADLINE, || {
            status = self.child.try_wait().unwrap();
            status.is_some()
        });
        status.unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The OpenSSH client in a pseudo-terminal.
pub struct Client {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// While set, nothing is read from the terminal: the client's output backs up.
    pub paused: Arc<AtomicBool>,
}

/// The options every connection uses: no configuration, no known hosts, no agent, no prompts.
pub fn ssh_options(port: u16) -> Vec<String> {
    [
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
        "-o",
        "ConnectTimeout=20",
        "-p",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .chain([port.to_string()])
    .collect()
}

impl Client {
    /// `ssh -t -i KEY -p PORT visitor@127.0.0.1` in a terminal of `cols` x `rows`, with `more`
    /// options before the host.
    pub fn connect(place: &Place, port: u16, key: &str, size: (u16, u16), more: &[&str]) -> Client {
        let mut cmd = CommandBuilder::new("ssh");
        cmd.arg("-t");
        for o in ssh_options(port) {
            cmd.arg(o);
        }
        cmd.arg("-i");
        cmd.arg(place.path(key));
        for m in more {
            cmd.arg(m);
        }
        cmd.arg("visitor@127.0.0.1");
        cmd.env("HOME", place.dir.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("SSH_AUTH_SOCK");
        Client::spawn(cmd, size)
    }

    fn spawn(cmd: CommandBuilder, (cols, rows): (u16, u16)) -> Client {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pty.slave.spawn_command(cmd).expect("ssh starts");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let paused = Arc::new(AtomicBool::new(false));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        {
            let (screen, paused) = (screen.clone(), paused.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                loop {
                    while paused.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => {
                            screen.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
            });
        }
        Client {
            master: pty.master,
            writer,
            child,
            screen,
            paused,
        }
    }

    /// The screen's text.
    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Runs `f` on the screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.screen.lock().unwrap().screen())
    }

    /// Waits until the screen shows `text`.
    pub fn wait_text(&self, text: &str) {
        let start = Instant::now();
        while !self.text().contains(text) {
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {text:?}; the screen shows:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until `f` holds for the screen.
    pub fn wait_screen(&self, what: &str, f: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while !self.with_screen(&f) {
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; the screen shows:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Types bytes.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the terminal (the client tells the server).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.screen.lock().unwrap().set_size(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
        );
    }

    /// Waits for ssh to exit; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let mut code = None;
        wait_until("ssh to exit", DEADLINE, || {
            code = self.child.try_wait().unwrap().map(|s| s.exit_code());
            code.is_some()
        });
        code.unwrap()
    }

    /// Kills ssh at once, as a closed laptop or a killed terminal would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Runs ssh without a terminal and returns its exit code and standard error.
pub fn ssh_plain(place: &Place, port: u16, key: &Path, more: &[&str]) -> (i32, String) {
    let out = Command::new("ssh")
        .args(ssh_options(port))
        .arg("-i")
        .arg(key)
        .args(more)
        .arg("visitor@127.0.0.1")
        .env("HOME", place.dir.path())
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::null())
        .output()
        .expect("ssh runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout),
    )
}
