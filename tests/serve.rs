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

/// Every colour a cell of the screen is drawn in.
fn colours(screen: &vt100::Screen) -> Vec<vt100::Color> {
    let (rows, cols) = (screen.size().0.get(), screen.size().1.get());
    let mut seen = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if let Some(cell) = screen.cell(r, c) {
                for colour in [cell.fgcolor(), cell.bgcolor()] {
                    if colour != vt100::Color::Default && !seen.contains(&colour) {
                        seen.push(colour);
                    }
                }
            }
        }
    }
    seen
}

#[test]
fn a_listed_key_logs_in_moves_searches_resizes_and_quits_cleanly() {
    let place = Place::new();
    let server = Server::start(&place, &[]);
    let mut client = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    client.wait_text("Conditions (5)");
    client.wait_screen("the first record", |s| detail_title(s).starts_with(FIRST));
    // Colours, of the 16 basic ones only, though the client's TERM says 256.
    let colours = client.with_screen(colours);
    assert!(!colours.is_empty(), "a TERM with colours gets them");
    assert!(
        colours
            .iter()
            .all(|c| matches!(c, vt100::Color::Idx(0..16))),
        "{colours:?}"
    );
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
    client.wait_text("Visitor session, read-only: nothing is kept");
    client.wait_text("Conditions (5)");
    client.wait_text("visitor · read-only");
    // Keep (b), a note (n) and leaving presenter mode (p) are refused, and say why.
    client.send(b"b");
    client.wait_text("Read-only visitor session: your key is not on the list");
    client.send(b"n");
    client.send(b"p");
    client.wait_text("visitor · read-only");
    // A new theme and currency are for this visit only.
    client.send(b"T$");
    client.send(b"s");
    client.wait_text("Shortlist");
    client.wait_screen("an empty shortlist", |s| !s.contents().contains(FIRST));
    client.wait_text("A visitor session keeps nothing");
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
    let mut state: Vec<_> = std::fs::read_dir(place.path("state"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    state.sort();
    assert!(
        state.iter().all(|n| n == "host_key" || n == "keys"),
        "{state:?}"
    );
    assert!(
        !place.path("xdg-state").exists(),
        "nor in the operator's state"
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
    // Alice picks another colour scheme: remembered for her key alone.
    alice.send(b"T");
    for c in [&mut alice, &mut bob] {
        c.wait_text("★");
        c.send(b"q");
        assert_eq!(c.wait_exit(), 0);
    }
    server.wait_log("session end", 2);
    let remembered: Vec<String> = std::fs::read_dir(place.path("state/keys"))
        .unwrap()
        .flatten()
        .filter_map(|d| std::fs::read_to_string(d.path().join("state.ron")).ok())
        .collect();
    assert_eq!(remembered.len(), 1, "{remembered:?}");
    assert!(remembered[0].contains("theme:"), "{remembered:?}");
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

#[test]
fn no_color_sent_by_the_client_is_honoured() {
    let place = Place::new();
    let server = Server::start(&place, &[]);
    let mut client = Client::connect(
        &place,
        server.port,
        "alice",
        (100, 30),
        &["-o", "SetEnv=NO_COLOR=1"],
    );
    client.wait_text("Conditions (5)");
    client.wait_screen("the first record", |s| detail_title(s).starts_with(FIRST));
    assert_eq!(client.with_screen(colours), [], "no colour at all");
    client.send(b"q");
    assert_eq!(client.wait_exit(), 0);
}

#[test]
fn only_public_keys_no_forwarding_and_new_keys_without_a_restart() {
    let place = Place::new();
    let server = Server::start(&place, &[]);
    // Passwords and keyboard-interactive are not offered: the server names public keys alone.
    let (code, said) = ssh_plain(
        &place,
        server.port,
        &place.path("alice"),
        &[
            "-o",
            "PreferredAuthentications=password,keyboard-interactive",
            "-o",
            "PubkeyAuthentication=no",
            "-t",
            "-t",
        ],
    );
    assert_eq!(code, 255, "{said}");
    assert!(said.contains("Permission denied (publickey)"), "{said}");
    // Forwarding: a TCP connection through the server (-W), and a port on the server (-R).
    let (code, said) = ssh_plain(
        &place,
        server.port,
        &place.path("alice"),
        &["-W", "127.0.0.1:9"],
    );
    assert_eq!(code, 255, "{said}");
    assert!(said.contains("stdio forwarding failed"), "{said}");
    let (code, said) = ssh_plain(
        &place,
        server.port,
        &place.path("alice"),
        &[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-R",
            "0:127.0.0.1:9",
        ],
    );
    assert_eq!(code, 255, "{said}");
    assert!(said.contains("forwarding failed"), "{said}");
    // A colleague's key added to the file lets them in at once.
    let (code, _) = ssh_plain(&place, server.port, &place.path("eve"), &["-t", "-t"]);
    assert_eq!(code, 255);
    let mut keys = std::fs::read_to_string(place.path("authorized_keys")).unwrap();
    keys += &std::fs::read_to_string(place.path("eve.pub")).unwrap();
    std::fs::write(place.path("authorized_keys"), keys).unwrap();
    let mut eve = Client::connect(&place, server.port, "eve", (100, 30), &[]);
    eve.wait_text("Conditions (5)");
    assert!(!eve.text().contains("Read-only"), "{}", eve.text());
    eve.send(b"q");
    assert_eq!(eve.wait_exit(), 0);
}

#[test]
fn connections_that_do_not_log_in_are_capped_and_cut_at_the_deadline() {
    use std::io::Read;
    use std::net::TcpStream;
    let place = Place::new();
    let server = Server::start(
        &place,
        &["--max-unauthenticated", "2", "--login-timeout", "2s"],
    );
    let silent: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    // The server greets the two waiting ones.
    for mut s in &silent {
        let mut greeting = [0u8; 8];
        s.read_exact(&mut greeting).unwrap();
        assert_eq!(&greeting, b"SSH-2.0-");
    }
    // A third is closed at once.
    let mut third = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    third
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut buf = [0u8; 64];
    assert!(matches!(third.read(&mut buf), Ok(0) | Err(_)), "refused");
    server.wait_log("connections have not logged in yet", 1);
    // At the deadline the two silent ones are cut.
    let began = std::time::Instant::now();
    for mut s in silent {
        s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        let mut rest = Vec::new();
        let _ = s.read_to_end(&mut rest);
    }
    let waited = began.elapsed();
    assert!(waited < std::time::Duration::from_secs(8), "{waited:?}");
    // And a visitor who logs in is served.
    let mut alice = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    alice.wait_text("Conditions (5)");
    alice.send(b"q");
    assert_eq!(alice.wait_exit(), 0);
}

#[test]
fn one_key_gets_its_few_sessions_and_they_share_its_shortlist() {
    let place = Place::new();
    let server = Server::start(&place, &["--max-per-key", "2"]);
    let mut one = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    let mut two = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    one.wait_text("Conditions (5)");
    two.wait_text("Conditions (5)");
    let mut three = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    three.wait_text("this key already has 2 sessions open");
    assert_eq!(three.wait_exit(), 1);
    // Each session keeps a different record; neither save loses the other's.
    one.send(b"b");
    two.send(b"jb");
    for c in [&mut one, &mut two] {
        c.wait_text("★");
        c.send(b"q");
        assert_eq!(c.wait_exit(), 0);
    }
    server.wait_log("session end", 2);
    let mut again = Client::connect(&place, server.port, "alice", (100, 30), &[]);
    again.wait_text("Conditions (5)");
    again.send(b"s");
    again.wait_text("Shortlist (2)");
    again.wait_text(FIRST);
    again.wait_text(SECOND);
    again.send(b"q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_host_key_that_cannot_be_saved_stops_the_server() {
    let place = Place::new();
    std::fs::write(place.path("blocker"), "a file, not a directory").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["serve", "--no-config", "--data", "tests/fixtures/data"])
        .args(["--listen", "127.0.0.1:0"])
        .arg("--authorized-keys")
        .arg(place.path("authorized_keys"))
        .arg("--state-dir")
        .arg(place.path("blocker/state"))
        .env("HOME", place.dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("host key"), "{said}");
    assert!(said.contains("does not run with a throwaway key"), "{said}");
    assert!(!said.contains("listening"), "{said}");
}
