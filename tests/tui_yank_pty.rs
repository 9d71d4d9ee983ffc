//! `y` in the real binary, in a pseudo-terminal: the bytes it writes hold one well-formed OSC 52
//! sequence (`ESC ] 52 ; c ; BASE64 BEL`) whose text is the selected record's, with its sources.
//! Every wait polls with a deadline; nothing waits a fixed time.
#![cfg(unix)]

use clinic_explorer::tui::osc52;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the explorer may take to draw, or to answer a key.
const DEADLINE: Duration = Duration::from_secs(20);

/// Reads from `rx` into `seen` until `done(seen)` holds; panics after the deadline.
fn read_until(
    rx: &mpsc::Receiver<Vec<u8>>,
    seen: &mut Vec<u8>,
    what: &str,
    done: impl Fn(&[u8]) -> bool,
) {
    let end = Instant::now() + DEADLINE;
    while !done(seen) {
        let left = end.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(bytes) => seen.extend_from_slice(&bytes),
            Err(_) => panic!(
                "no {what} within {DEADLINE:?}; the output so far:\n{}",
                String::from_utf8_lossy(seen)
            ),
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn y_writes_a_well_formed_osc52_sequence_holding_the_records_text() {
    let home = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    cmd.args(["--data", "tests/fixtures/data", "--no-config"]);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("CLINIC_EXPLORER_DATA");
    cmd.env_remove("TMUX");
    cmd.env("HOME", home.path());
    cmd.env("XDG_DATA_HOME", home.path().join("data"));
    cmd.env("XDG_STATE_HOME", home.path().join("state"));
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    // The end of a synchronized update closes the first frame: the explorer waits for keys.
    read_until(&rx, &mut seen, "first frame", |s| {
        contains(s, b"\x1b[?2026l")
    });
    let before = seen.len();
    writer.write_all(b"y").unwrap();
    writer.flush().unwrap();
    read_until(&rx, &mut seen, "OSC 52 sequence", |s| {
        let s = &s[before..];
        s.windows(7)
            .position(|w| w == b"\x1b]52;c;")
            .is_some_and(|i| s[i..].contains(&0x07))
    });
    let after = &seen[before..];
    let start = after.windows(7).position(|w| w == b"\x1b]52;c;").unwrap();
    let end = start + after[start..].iter().position(|&b| b == 0x07).unwrap();
    let payload = &after[start + 7..end];
    assert!(
        payload
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')),
        "the payload is base64 alone: {:?}",
        String::from_utf8_lossy(payload)
    );
    let text = osc52::decode(&after[start..=end]).expect("the payload decodes as UTF-8 text");
    // The first condition of the fixture, selected at start.
    assert!(
        text.starts_with("Scarring alopecia (condition · scarring-alopecia)"),
        "{text}"
    );
    assert!(text.contains("\nSources:\n- "), "{text}");
    assert!(text.contains("not medical advice"), "{text}");
    assert!(!text.contains('\u{1b}'), "no escape inside the copied text");
    // And the status line says what was copied.
    read_until(&rx, &mut seen, "the status line", |s| {
        contains(&s[before..], b"Copied Scarring alopecia")
    });

    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let end = Instant::now() + DEADLINE;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(Instant::now() < end, "the explorer did not quit on q");
        // Polling the exit status: nothing to read, so look again shortly.
        std::thread::sleep(Duration::from_millis(20));
    }
}
