//! `clinic-explorer serve` end to end: the real OpenSSH client, in a pseudo-terminal, against the
//! server on 127.0.0.1 with keys made in a temporary directory.
#![cfg(unix)]

#[path = "serve/harness.rs"]
mod harness;

use harness::{Client, DEADLINE, Place, Server, ssh_plain};

/// The fixture's first two conditions, as the detail pane's first line shows them.
const FIRST: &str = "Scarring alopecia";
const SECOND: &str = "Lichen planopilaris";

/// The detail pane's first line (the record's name), on the screen's third row.
fn detail_title(screen: &vt100::Screen) -> String {
    let row = screen
        .rows(0, screen.size().1.get())
        .nth(2)
        .unwrap_or_default();
    row.split('│')
        .filter(|s| !s.trim().is_empty())
        .nth(1)
        .unwrap_or("")
        .trim()
        .to_owned()
}

#[test]
fn a_listed_key_logs_in_moves_searches_resizes_and_quits_cleanly() {
    let place = Place::new();
    let server = Server::start(&place, &[]);
    let mut client = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    client.wait_text("Conditions (5)");
    client.wait_screen("the first record", |s| detail_title(s).starts_with(FIRST));
    client.send(b"j");
    client.wait_screen("the second record", |s| detail_title(s).starts_with(SECOND));
    // Search: / opens it, the letters go in, Esc alone closes it.
    client.send(b"/");
    client.wait_text("Search every kind");
    client.send(b"kelo");
    client.wait_text("[condition] Keloids");
    client.send(b"\x1b");
    client.wait_screen("the search closed", |s| {
        !s.contents().contains("Search every kind")
    });
    // The arrow keys in the application encoding some terminals send.
    client.send(b"\x1bOA");
    client.wait_screen("back on the first", |s| detail_title(s).starts_with(FIRST));
    // A smaller window: the frame is laid out again for it, its bottom border on row 23.
    client.resize(80, 24);
    client.wait_screen("the frame at 80x24", |s| {
        s.cell(22, 0).is_some_and(|c| c.contents() == "└")
            && s.cell(29, 0).is_none()
            && s.contents()
                .lines()
                .next()
                .is_some_and(|l| l.contains("Conditions"))
    });
    client.send(b"q");
    assert_eq!(client.wait_exit(), 0, "q ends the session with status 0");
    client.wait_screen("a clean screen", |s| {
        !s.alternate_screen()
            && !s.hide_cursor()
            && !s.bracketed_paste()
            && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            && s.contents().trim().is_empty()
    });
    server.wait_log("session end: key SHA256:", 1);
    let log = server.log();
    assert!(log.contains(", quit"), "{log}");
    assert!(!log.contains("kelo"), "keystrokes are never logged: {log}");
}

#[test]
fn a_foreign_key_and_anonymous_visitors_are_refused_without_allow_anonymous() {
    let place = Place::new();
    let server = Server::start(&place, &[]);
    let (code, said) = ssh_plain(&place, server.port, &place.path("eve"), &["-t", "-t"]);
    assert_eq!(code, 255, "{said}");
    assert!(said.contains("Permission denied"), "{said}");
    // Exec requests are refused, even for a listed key.
    let (code, said) = ssh_plain(&place, server.port, &place.path("alice"), &["ls", "/"]);
    assert_ne!(code, 0, "{said}");
    assert!(!said.contains("bin"), "{said}");
    // And sftp.
    let (code, said) = ssh_plain(&place, server.port, &place.path("alice"), &["-s", "sftp"]);
    assert_ne!(code, 0, "{said}");
}

#[test]
fn anonymous_visitors_get_a_read_only_presenter_session() {
    let place = Place::new();
    let server = Server::start(&place, &["--allow-anonymous"]);
    let mut client = Client::connect(&place, server.port, "eve", (100, 30), &[]);
    client.wait_text("Read-only visitor session");
    client.wait_text("Conditions (5)");
    // Keep (b) and leaving presenter mode (p) do nothing that lasts: the shortlist stays empty.
    client.send(b"b");
    client.send(b"p");
    client.send(b"s");
    client.wait_text("Shortlist");
    client.wait_screen("an empty shortlist", |s| !s.contents().contains(FIRST));
    client.send(b"q");
    assert_eq!(client.wait_exit(), 0);
    server.wait_log("session end: anonymous", 1);
    let keys = place.path("state/keys");
    let kept: Vec<_> = std::fs::read_dir(&keys)
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(
        kept.is_empty(),
        "an anonymous visitor leaves no files: {kept:?}"
    );
}

#[test]
fn each_key_has_its_own_shortlist_kept_across_sessions() {
    let place = Place::new();
    let server = Server::start(&place, &[]);
    let mut alice = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    let mut bob = Client::connect(&place, server.port, "bob", (100, 30), &[]);
    alice.wait_text("Conditions (5)");
    bob.wait_text("Conditions (5)");
    alice.send(b"b");
    bob.send(b"jb");
    for c in [&mut alice, &mut bob] {
        c.wait_text("★");
        c.send(b"q");
        assert_eq!(c.wait_exit(), 0);
    }
    server.wait_log("session end", 2);
    let mut alice = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    let mut bob = Client::connect(&place, server.port, "bob", (100, 30), &[]);
    alice.wait_text("Conditions (5)");
    bob.wait_text("Conditions (5)");
    alice.send(b"s");
    bob.send(b"s");
    // The lists behind show both names: wait for the shortlist itself (it shows only its entries).
    alice.wait_text("Shortlist (1)");
    bob.wait_text("Shortlist (1)");
    alice.wait_text(FIRST);
    bob.wait_text(SECOND);
    assert!(!alice.text().contains(SECOND), "{}", alice.text());
    assert!(!bob.text().contains(FIRST), "{}", bob.text());
}

#[test]
fn the_session_cap_refuses_one_more_and_a_killed_client_frees_its_slot() {
    let place = Place::new();
    let server = Server::start(&place, &["--max-sessions", "1"]);
    let mut alice = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    alice.wait_text("Conditions (5)");
    let mut bob = Client::connect(&place, server.port, "bob", (100, 30), &[]);
    bob.wait_text("the server is full (1 sessions)");
    assert_eq!(bob.wait_exit(), 1);
    alice.kill();
    server.wait_log("client gone", 1);
    let mut bob = Client::connect(&place, server.port, "bob", (100, 30), &[]);
    bob.wait_text("Conditions (5)");
    bob.send(b"q");
    assert_eq!(bob.wait_exit(), 0);
}

#[test]
fn an_idle_session_is_warned_then_closed() {
    let place = Place::new();
    let server = Server::start(&place, &["--idle-timeout", "4s"]);
    let mut client = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    client.wait_text("Conditions (5)");
    client.wait_text("This session closes in");
    // A key puts the app's own bottom line back and starts the time again.
    client.send(b"j");
    client.wait_screen("the warning gone", |s| {
        !s.contents().contains("This session closes in")
    });
    client.wait_text("This session closes in");
    assert_eq!(client.wait_exit(), 1);
    client.wait_text("closed after 4 s without a keystroke");
    server.wait_log("idle timeout", 1);
}

#[test]
fn the_host_key_is_the_same_after_a_restart() {
    let place = Place::new();
    let known = place.path("known_hosts");
    let opts = |check: &str| {
        vec![
            "-o".to_owned(),
            format!("UserKnownHostsFile={}", known.display()),
            "-o".to_owned(),
            format!("StrictHostKeyChecking={check}"),
            "-o".to_owned(),
            "HostKeyAlias=clinic-explorer-test".to_owned(),
        ]
    };
    let mut server = Server::start(&place, &[]);
    let fingerprint = |log: &str| {
        log.lines()
            .find_map(|l| l.split("host key fingerprint ").nth(1))
            .map(str::to_owned)
            .expect("the fingerprint is logged")
    };
    let first = fingerprint(&server.log());
    let more: Vec<String> = opts("accept-new");
    let more: Vec<&str> = more.iter().map(String::as_str).collect();
    let mut client = Client::connect(&place, server.port, "alice", (80, 24), &more);
    client.wait_text("Conditions (5)");
    client.send(b"q");
    assert_eq!(client.wait_exit(), 0);
    assert!(server.terminate().success(), "SIGTERM exits cleanly");
    let server = Server::start(&place, &[]);
    assert_eq!(fingerprint(&server.log()), first);
    // The client, now strict about the host it knows, logs in again.
    let more: Vec<String> = opts("yes");
    let more: Vec<&str> = more.iter().map(String::as_str).collect();
    let mut client = Client::connect(&place, server.port, "alice", (80, 24), &more);
    client.wait_text("Conditions (5)");
    client.send(b"q");
    assert_eq!(client.wait_exit(), 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(place.path("state/host_key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn sigterm_closes_every_session_with_a_message() {
    let place = Place::new();
    let mut server = Server::start(&place, &[]);
    let mut client = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    client.wait_text("Conditions (5)");
    assert!(server.terminate().success());
    client.wait_text("the server is shutting down");
    client.wait_exit();
    client.wait_screen("the normal screen", |s| !s.alternate_screen());
}

#[test]
fn a_client_that_stops_reading_costs_frames_not_memory_and_catches_up() {
    let place = Place::new();
    let server = Server::start(&place, &[]);
    let mut client = Client::connect(&place, server.port, "alice", (200, 60), &[]);
    client.wait_text("Conditions (5)");
    let before = server.rss_kib();
    client
        .paused
        .store(true, std::sync::atomic::Ordering::SeqCst);
    // Every resize redraws the whole screen; nobody reads it.
    let start = std::time::Instant::now();
    let mut resizes = 0;
    while !server.log().contains("the client is not reading") {
        assert!(
            start.elapsed() < DEADLINE * 4,
            "no frame was dropped after {resizes} resizes"
        );
        let cols = if resizes % 2 == 0 { 199 } else { 200 };
        client.resize(cols, 60);
        resizes += 1;
        std::thread::sleep(std::time::Duration::from_millis(3));
    }
    // Meanwhile another visitor is served as usual.
    let mut bob = Client::connect(&place, server.port, "bob", (80, 24), &[]);
    bob.wait_text("Conditions (5)");
    bob.send(b"q");
    assert_eq!(bob.wait_exit(), 0);
    let grown = server.rss_kib().saturating_sub(before);
    assert!(grown < 64 * 1024, "the server grew by {grown} KiB");
    // Reading again, the client catches up with the app's screen as it is now, in one repaint.
    client.resize(120, 40);
    client
        .paused
        .store(false, std::sync::atomic::Ordering::SeqCst);
    client.send(b"j");
    client.wait_screen("a whole, current frame", |s| {
        s.cell(38, 0).is_some_and(|c| c.contents() == "└")
            && detail_title(s).starts_with(SECOND)
            && s.contents()
                .lines()
                .next()
                .is_some_and(|l| l.contains("Conditions"))
    });
    client.send(b"q");
    assert_eq!(client.wait_exit(), 0);
    server.wait_log("frame(s) dropped while the client was not reading", 1);
}
