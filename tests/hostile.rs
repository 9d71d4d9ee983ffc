//! The hostile corpus (tests/fixtures/hostile/): data whose every text field carries bidirectional
//! and invisible characters (it loads) or terminal escape sequences (OSC 52 clipboard writes, OSC 8
//! links, screen clears: the check refuses it, and every error quotes the values), and
//! configuration files with escapes in values, key names and action names. Every subcommand in
//! every format runs over it, and `check`; FIFOs, devices, directories and symlinks are made here
//! at run time. A test fails if any raw control, bidirectional or invisible character reaches
//! standard output, standard error or a written file.

use clinic_explorer::dataset::FILES;
use clinic_explorer::text::is_unsafe;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// How long one run of the command line may take: far more than any needs, so a run that blocks
/// (on a FIFO, a device) fails the test instead of hanging it.
const DEADLINE: Duration = Duration::from_secs(60);

/// Runs the command line with a clean environment: no configuration but the one given.
fn run(args: &[&str], config_home: Option<&Path>) -> Output {
    let home = tempfile::tempdir().unwrap();
    let config = config_home.map_or_else(|| home.path().join("config"), Path::to_path_buf);
    run_in(args, home.path(), &config)
}

/// Runs the command line with `home` as its home (the shortlist under `home/data`) and `config` as
/// its configuration directory; fails if it takes longer than [`DEADLINE`].
fn run_in(args: &[&str], home: &Path, config: &Path) -> Output {
    let out = tempfile::tempdir().unwrap();
    let (stdout, stderr) = (out.path().join("stdout"), out.path().join("stderr"));
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    c.args(args)
        .env_remove("CLINIC_EXPLORER_DATA")
        .env_remove("CLINIC_EXPLORER_THEME")
        .env_remove("CLINIC_EXPLORER_CURRENCY")
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", config)
        .env("HOME", home)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout).unwrap())
        .stderr(File::create(&stderr).unwrap());
    let mut child = c.spawn().unwrap();
    let end = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= end {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} did not finish within {DEADLINE:?}: it blocks");
        }
        // Polling the exit status of a child that writes to files: look again shortly.
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: fs::read(&stdout).unwrap(),
        stderr: fs::read(&stderr).unwrap(),
    }
}

/// Fails, saying where, if `bytes` hold any character that must never reach a terminal raw
/// (line breaks and tabs are text).
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| is_unsafe(c) && c != '\n' && c != '\t')
    {
        let start = text.floor_char_boundary(i.saturating_sub(60));
        let end = text.ceil_char_boundary((i + 60).min(text.len()));
        panic!(
            "{what}: raw U+{:04X} reached the output: …{}…",
            u32::from(c),
            clinic_explorer::text::escape(&text[start..end])
        );
    }
}

fn assert_output_clean(what: &str, o: &Output) {
    assert_clean(&format!("{what} (stdout)"), &o.stdout);
    assert_clean(&format!("{what} (stderr)"), &o.stderr);
}

/// Every subcommand in every format over one data directory; returns how many runs were checked.
fn every_subcommand(data: &Path) -> usize {
    let data = data.to_str().unwrap();
    let mut runs: Vec<Vec<String>> = vec![vec!["check".into()]];
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    for kind in ["condition", "therapy", "clinic", "cost", "travel"] {
        for format in ["text", "json", "tsv"] {
            runs.push(v(&["list", kind, "--format", format]));
        }
    }
    for format in ["text", "json", "tsv"] {
        runs.push(v(&["search", "hair", "--format", format]));
        runs.push(v(&["search", "clinic seoul", "--format", format]));
        // A hostile query typed on the command line.
        runs.push(v(&[
            "search",
            "\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{202E}x",
            "--format",
            format,
        ]));
        runs.push(v(&[
            "estimate",
            "--cost",
            "hair-korea",
            "--nights",
            "3",
            "--format",
            format,
        ]));
    }
    for format in ["text", "markdown", "json"] {
        for (kind, id) in [
            ("condition", "lichen-planopilaris"),
            ("therapy", "hair-transplant"),
            ("clinic", "test-gangnam-clinic"),
            ("cost", "hair-korea"),
            ("travel", "c-3-3-visa"),
        ] {
            runs.push(v(&["show", kind, id, "--format", format]));
        }
        // An unknown id typed on the command line, echoed in the error.
        runs.push(v(&[
            "show",
            "therapy",
            "no-\u{1b}[2J\u{202E}such",
            "--format",
            format,
        ]));
        runs.push(v(&[
            "compare",
            "therapy",
            "hair-transplant",
            "scalp-micropigmentation",
            "--format",
            format,
        ]));
        runs.push(v(&[
            "compare",
            "clinic",
            "test-gangnam-clinic",
            "test-sinsa-hospital",
            "--format",
            format,
        ]));
    }
    for format in ["markdown", "html", "json"] {
        runs.push(v(&[
            "export",
            "--compare",
            "therapy",
            "hair-transplant",
            "scalp-micropigmentation",
            "--format",
            format,
        ]));
    }
    runs.push(v(&["config", "--print"]));
    runs.push(v(&["show", "\u{1b}]0;kind\u{7}", "x"]));
    for args in &runs {
        let mut full: Vec<&str> = args.iter().map(String::as_str).collect();
        full.extend(["--data", data]);
        let o = run(&full, None);
        assert_output_clean(&format!("{full:?}"), &o);
    }
    runs.len()
}

#[test]
fn bidi_and_invisible_characters_in_every_field_never_reach_the_output() {
    let data = hostile("bidi");
    // The corpus loads, so every printer sees its text.
    let o = run(&["check", "--data", data.to_str().unwrap()], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let raw = fs::read_to_string(data.join("clinics.ron")).unwrap();
    assert!(raw.contains("\\u{202E}"), "the corpus holds what it says");
    let n = every_subcommand(&data);
    assert!(n > 50, "{n} runs");
    // What a printer must still show: the text around the characters.
    let o = run(
        &[
            "show",
            "clinic",
            "test-gangnam-clinic",
            "--data",
            data.to_str().unwrap(),
        ],
        None,
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Test Gangnam Clinic") && out.contains("desrever"),
        "{out}"
    );
    // JSON keeps the characters, escaped.
    let o = run(
        &[
            "show",
            "clinic",
            "test-gangnam-clinic",
            "--format",
            "json",
            "--data",
            data.to_str().unwrap(),
        ],
        None,
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\\u202e"), "{out}");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("still JSON");
    assert!(json.to_string().contains('\u{202E}'), "the same data");
}

#[test]
fn escape_sequences_in_every_field_are_refused_and_quoted_escaped() {
    let data = hostile("escapes");
    let o = run(&["check", "--data", data.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    // The id that is no slug, quoted with its controls shown.
    assert!(
        all.contains("test-\\u{1b}]52;c;cm0gLXJmIH4=\\u{7}sinsa")
            || all.contains("test-\u{FFFD}]52"),
        "{all}"
    );
    assert!(all.contains("control character (U+001B)"), "{all}");
    let n = every_subcommand(&data);
    assert!(n > 50, "{n} runs");
}

#[test]
fn hostile_configuration_values_key_and_action_names_are_quoted_escaped() {
    let data = hostile("bidi");
    for name in [
        "theme.ron",
        "keys.ron",
        "unknown-action.ron",
        "bidi-currency.ron",
    ] {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("clinic-explorer");
        fs::create_dir_all(&dir).unwrap();
        fs::copy(hostile("config").join(name), dir.join("config.ron")).unwrap();
        for args in [
            vec!["config", "--print"],
            vec!["list", "clinic"],
            vec!["show", "therapy", "hair-transplant", "--format", "json"],
        ] {
            let mut full = args.clone();
            full.extend(["--data", data.to_str().unwrap()]);
            let o = run(&full, Some(home.path()));
            assert_output_clean(&format!("{name}: {full:?}"), &o);
        }
    }
}

/// Makes a FIFO at `p`.
#[cfg(unix)]
fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
}

/// One kind of file planted where a regular file is expected: its name, how to make it at a path,
/// and what the refusal says.
#[cfg(unix)]
type Special = (&'static str, fn(&Path), &'static str);

/// What a careless or hostile hand may leave where a file is read: a FIFO nobody writes to, a
/// device that never ends, a directory, and a symbolic link to a FIFO. Made at run time.
#[cfg(unix)]
fn specials() -> [Special; 4] {
    use std::os::unix::fs::symlink;
    [
        (
            "FIFO",
            |p| mkfifo(p),
            "is a FIFO (named pipe), not a regular file",
        ),
        (
            "device",
            |p| symlink("/dev/zero", p).unwrap(),
            "is a character device",
        ),
        (
            "directory",
            |p| fs::create_dir(p).unwrap(),
            "is a directory",
        ),
        (
            "link to a FIFO",
            |p| {
                let fifo = p.with_extension("fifo");
                mkfifo(&fifo);
                symlink(&fifo, p).unwrap();
            },
            "is a FIFO",
        ),
    ]
}

fn all_text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[cfg(unix)]
#[test]
fn fifos_devices_directories_and_links_as_data_files_are_refused_without_hanging() {
    for (what, make, says) in specials() {
        let dir = tempfile::tempdir().unwrap();
        for f in FILES {
            fs::copy(hostile("bidi").join(f), dir.path().join(f)).unwrap();
        }
        let target = dir.path().join("clinics.ron");
        fs::remove_file(&target).unwrap();
        make(&target);
        for args in [
            vec!["check"],
            vec!["list", "clinic"],
            vec!["list", "clinic", "--format", "json"],
        ] {
            let mut full = args.clone();
            full.extend(["--data", dir.path().to_str().unwrap()]);
            let o = run(&full, None);
            assert_eq!(o.status.code(), Some(1), "{what}: {full:?}");
            let all = all_text(&o);
            assert!(
                all.contains("clinics.ron") && all.contains(says),
                "{what}: {all}"
            );
            assert_output_clean(what, &o);
        }
        // Every other subcommand and format ends too (within the deadline), saying nothing raw.
        every_subcommand(dir.path());
    }
}

#[cfg(unix)]
#[test]
fn fifos_devices_directories_and_links_as_the_configuration_are_refused_without_hanging() {
    let data = hostile("bidi");
    for (what, make, says) in specials() {
        let home = tempfile::tempdir().unwrap();
        let config = home.path().join("config");
        fs::create_dir_all(config.join("clinic-explorer")).unwrap();
        make(&config.join("clinic-explorer/config.ron"));
        for args in [
            vec!["check"],
            vec!["list", "clinic"],
            vec!["show", "therapy", "hair-transplant"],
            vec!["config", "--print"],
        ] {
            let mut full = args.clone();
            full.extend(["--data", data.to_str().unwrap()]);
            let o = run_in(&full, home.path(), &config);
            assert_eq!(o.status.code(), Some(1), "{what}: {full:?}");
            let all = all_text(&o);
            assert!(
                all.contains("config.ron") && all.contains(says),
                "{what}: {full:?}: {all}"
            );
            assert_output_clean(what, &o);
        }
        // --no-config reads no file, so the same commands work.
        let o = run_in(
            &[
                "list",
                "clinic",
                "--no-config",
                "--data",
                data.to_str().unwrap(),
            ],
            home.path(),
            &config,
        );
        assert_eq!(o.status.code(), Some(0), "{what}: {}", all_text(&o));
    }
}

/// Writes a shortlist under `home` (as the explorer keeps it) whose notes carry escape sequences
/// and bidirectional characters.
fn hostile_shortlist(home: &Path) -> PathBuf {
    use clinic_explorer::model::Kind;
    use clinic_explorer::shortlist::{Shortlist, Store};
    let path = home.join("data/clinic-explorer/shortlist.ron");
    let mut list = Shortlist::new();
    list.add(Kind::Clinic, "test-gangnam-clinic");
    list.set_note(
        Kind::Clinic,
        "test-gangnam-clinic",
        Some(
            "ask \u{1b}]52;c;cm0gLXJmIH4=\u{7}about \u{202E}price\u{202C}\u{1b}[2J\u{9b}31m".into(),
        ),
    );
    list.add(Kind::Therapy, "hair-transplant");
    list.set_note(
        Kind::Therapy,
        "hair-transplant",
        Some("\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\ \u{200B}\u{2066}x\u{2069}".into()),
    );
    Store::open(&path).save(&mut list).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn the_shortlist_export_says_nothing_raw_and_refuses_special_files() {
    use std::os::unix::fs::PermissionsExt;
    let data = hostile("bidi");
    let data = data.to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config");
    let path = hostile_shortlist(home.path());
    assert!(
        !fs::read_to_string(&path).unwrap().contains('\u{1b}'),
        "the shortlist file itself holds no raw escape"
    );
    let out = home.path().join("out");
    fs::create_dir(&out).unwrap();
    for format in ["markdown", "html", "json"] {
        let o = run_in(
            &["export", "--shortlist", "--format", format, "--data", data],
            home.path(),
            &config,
        );
        assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
        assert_output_clean(&format!("export --shortlist {format}"), &o);
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("price"),
            "the note is there"
        );
        let file = out.join(format!("handout.{format}"));
        let o = run_in(
            &[
                "export",
                "--shortlist",
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
                "--data",
                data,
            ],
            home.path(),
            &config,
        );
        assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
        assert_clean(&format!("{format} handout"), &fs::read(&file).unwrap());
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a new handout with notes is the owner's alone");
    }
    // The shortlist itself replaced by what must not be read.
    for (what, make, says) in specials() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("data/clinic-explorer/shortlist.ron");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        make(&path);
        let o = run_in(
            &["export", "--shortlist", "--data", data],
            home.path(),
            &config,
        );
        assert_eq!(o.status.code(), Some(1), "{what}: {}", all_text(&o));
        let all = all_text(&o);
        assert!(
            all.contains("shortlist.ron") && all.contains(says),
            "{what}: {all}"
        );
        assert_output_clean(what, &o);
        assert!(
            !fs::symlink_metadata(&path).unwrap().file_type().is_file(),
            "{what}: left as it was"
        );
    }
}

#[test]
fn config_print_warns_of_bindings_to_unknown_actions() {
    let data = hostile("bidi");
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("clinic-explorer");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(
        hostile("config").join("unknown-action.ron"),
        dir.join("config.ron"),
    )
    .unwrap();
    let o = run(
        &["config", "--print", "--data", data.to_str().unwrap()],
        Some(home.path()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", all_text(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let warnings = &out[out.find("warnings:").expect("a warnings section")..];
    assert!(
        warnings.contains("key `ctrl-n` (from user config")
            && warnings.contains("is bound to `launch-\\u{202e}missiles`, which is no action"),
        "{out}"
    );
    // A binding to a real action is no warning.
    fs::write(dir.join("config.ron"), r#"(keys: { "ctrl-n": "help" })"#).unwrap();
    let o = run(
        &["config", "--print", "--data", data.to_str().unwrap()],
        Some(home.path()),
    );
    assert!(!String::from_utf8_lossy(&o.stdout).contains("warnings:"));
}

#[test]
fn written_handouts_hold_no_raw_characters_either() {
    let data = hostile("bidi");
    let dir = tempfile::tempdir().unwrap();
    for format in ["markdown", "html", "json"] {
        let out = dir.path().join(format!("handout.{format}"));
        let o = run(
            &[
                "export",
                "--compare",
                "clinic",
                "test-gangnam-clinic",
                "test-sinsa-hospital",
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
                "--data",
                data.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_clean(&format!("export {format} file"), &fs::read(&out).unwrap());
    }
}

#[path = "common/lib.rs"]
mod common;

mod explorer {
    use super::common::{fixture, press, screen_text, select, sized, type_text};
    use clinic_explorer::config::{ConfigPaths, Flags, Settings};
    use clinic_explorer::model::Kind;
    use clinic_explorer::tui::Setup;
    use clinic_explorer::tui::action::Action;
    use clinic_explorer::tui::app::App;
    use clinic_explorer::tui::theme::Theme;

    #[test]
    fn a_note_cut_at_its_cap_says_so() {
        let mut app = super::common::app();
        select(&mut app, Kind::Therapy, "hair-transplant");
        press(&mut app, "n");
        type_text(&mut app, &"a".repeat(200));
        assert_eq!(app.note().unwrap().text.chars().count(), 200);
        assert_eq!(app.status(), None, "nothing to say below the cap");
        type_text(&mut app, "bc");
        assert_eq!(app.note().unwrap().text, "a".repeat(200), "the cap holds");
        let said = app.status().expect("a word at the cap");
        assert!(said.contains("200-character limit"), "{said}");
        assert!(
            screen_text(&app).contains("200-character limit"),
            "shown while the note is written:\n{}",
            screen_text(&app)
        );
        press(&mut app, "enter");
        let said = app.status().unwrap();
        assert!(
            said.contains("note saved at its 200-character limit") && said.contains("not kept"),
            "{said}"
        );
        let kept = app.shortlist().list().get(Kind::Therapy, "hair-transplant");
        assert_eq!(kept.unwrap().note.as_deref().map(str::len), Some(200));
        // A short note says nothing of a limit.
        press(&mut app, "n");
        for _ in 0..200 {
            press(&mut app, "backspace");
        }
        type_text(&mut app, "short");
        press(&mut app, "enter");
        assert_eq!(app.status(), Some("Note saved on Hair transplant"));
    }

    /// The status bar's last line with a configuration binding these keys.
    fn bar_with(keys: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(&path, format!("(keys: {{ {keys} }})")).unwrap();
        let paths = ConfigPaths {
            system: None,
            user: Some(path),
        };
        let settings = Settings::load(&Flags::default(), &paths, &|_: &str| None).unwrap();
        let setup = Setup {
            theme: Theme::plain(),
            ..Setup::from_settings(&settings)
        };
        let mut app = sized(App::with_setup(fixture(), setup), 100, 30);
        // Any key ends the notice about the bindings at start; the hints come back.
        app.update(Action::Down);
        assert_eq!(app.status(), None);
        screen_text(&app).lines().last().unwrap().to_owned()
    }

    #[test]
    fn the_help_bar_names_the_key_bound_to_quit() {
        let bar = bar_with("");
        assert!(bar.contains("q quit"), "{bar}");
        let bar = bar_with(r#""q": "help", "x": "quit""#);
        assert!(bar.contains("x quit"), "{bar}");
        assert!(!bar.contains("q quit"), "{bar}");
    }
}
