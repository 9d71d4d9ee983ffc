//! The hostile corpus (tests/fixtures/hostile/): data whose every text field carries bidirectional
//! and invisible characters (it loads) or terminal escape sequences (OSC 52 clipboard writes, OSC 8
//! links, screen clears: the check refuses it, and every error quotes the values), and
//! configuration files with escapes in values, key names and action names. Every subcommand in
//! every format runs over it, and `check`; FIFOs, devices, directories and symlinks are made here
//! at run time. A test fails if any raw control, bidirectional or invisible character reaches
//! standard output, standard error or a written file.

use clinic_explorer::dataset::FILES;
use clinic_explorer::text::is_unsafe;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Runs the command line with a clean environment: no configuration but the one given.
fn run(args: &[&str], config_home: Option<&Path>) -> Output {
    let home = tempfile::tempdir().unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    c.args(args)
        .env_remove("CLINIC_EXPLORER_DATA")
        .env_remove("CLINIC_EXPLORER_THEME")
        .env_remove("CLINIC_EXPLORER_CURRENCY")
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env(
            "XDG_CONFIG_HOME",
            config_home.unwrap_or(&home.path().join("config")),
        )
        .env("HOME", home.path());
    c.output().unwrap()
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
    let raw = std::fs::read_to_string(data.join("clinics.ron")).unwrap();
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
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(hostile("config").join(name), dir.join("config.ron")).unwrap();
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

#[cfg(unix)]
#[test]
fn fifos_devices_directories_and_links_as_data_files_are_refused_without_hanging() {
    use std::os::unix::fs::symlink;
    let copy = |dir: &Path| {
        for f in FILES {
            std::fs::copy(hostile("bidi").join(f), dir.join(f)).unwrap();
        }
    };
    type Case<'a> = (&'a str, &'a dyn Fn(&Path), &'a str);
    let cases: [Case; 4] = [
        (
            "FIFO",
            &|p: &Path| {
                assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
            },
            "is a FIFO (named pipe), not a regular file",
        ),
        (
            "device",
            &|p: &Path| symlink("/dev/zero", p).unwrap(),
            "is a character device",
        ),
        (
            "directory",
            &|p: &Path| std::fs::create_dir(p).unwrap(),
            "is a directory",
        ),
        (
            "link to a FIFO",
            &|p: &Path| {
                let fifo = p.with_extension("fifo");
                assert!(
                    Command::new("mkfifo")
                        .arg(&fifo)
                        .status()
                        .unwrap()
                        .success()
                );
                symlink(&fifo, p).unwrap();
            },
            "is a FIFO",
        ),
    ];
    for (what, make, says) in cases {
        let dir = tempfile::tempdir().unwrap();
        copy(dir.path());
        let target = dir.path().join("clinics.ron");
        std::fs::remove_file(&target).unwrap();
        make(&target);
        for args in [
            vec!["check"],
            vec!["list", "clinic"],
            vec!["list", "clinic", "--format", "json"],
        ] {
            let mut full = args.clone();
            full.extend(["--data", dir.path().to_str().unwrap()]);
            let started = std::time::Instant::now();
            let o = run(&full, None);
            assert_eq!(o.status.code(), Some(1), "{what}: {full:?}");
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            assert!(
                all.contains("clinics.ron") && all.contains(says),
                "{what}: {all}"
            );
            assert!(
                started.elapsed() < std::time::Duration::from_secs(30),
                "{what}: slow"
            );
            assert_output_clean(what, &o);
        }
    }
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
        assert_clean(
            &format!("export {format} file"),
            &std::fs::read(&out).unwrap(),
        );
    }
}
