//! Settings: precedence of flag > environment > user file > system file > default, key bindings and
//! their conflicts, located errors for bad files, and `config --print`.

use clinic_explorer::config::{ConfigPaths, Flags, Origin, Settings, Theme, parse_key};
use clinic_explorer::model::Currency;
use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Setup {
    dir: tempfile::TempDir,
    env: HashMap<String, String>,
}

impl Setup {
    fn new() -> Setup {
        Setup {
            dir: tempfile::tempdir().unwrap(),
            env: HashMap::new(),
        }
    }

    fn system(&self) -> PathBuf {
        self.dir.path().join("etc/clinic-explorer/config.ron")
    }

    fn user(&self) -> PathBuf {
        self.dir
            .path()
            .join("home/.config/clinic-explorer/config.ron")
    }

    fn paths(&self) -> ConfigPaths {
        ConfigPaths {
            system: Some(self.system()),
            user: Some(self.user()),
        }
    }

    fn write(&self, path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn load(&self, flags: &Flags) -> clinic_explorer::Result<Settings> {
        let env = self.env.clone();
        Settings::load(flags, &self.paths(), &move |name: &str| {
            env.get(name).map(OsString::from)
        })
    }
}

#[test]
fn precedence_of_all_five_levels() {
    let mut s = Setup::new();
    let flags = Flags::default();

    // 5. Bundled default.
    let got = s.load(&flags).unwrap();
    assert_eq!(got.theme.value, Theme::Dark);
    assert_eq!(got.theme.origin, Origin::Default);
    assert_eq!(got.currency.value, Currency::USD);
    assert_eq!(got.data_dir.value, None);
    assert!(got.files.is_empty());

    // 4. System file (a relative data_dir is taken from the file's directory).
    s.write(
        &s.system(),
        "(data_dir: \"system-data\", theme: \"light\", currency: \"KRW\")",
    );
    let got = s.load(&flags).unwrap();
    assert_eq!(got.theme.value, Theme::Light);
    assert_eq!(got.theme.origin, Origin::System(s.system()));
    assert_eq!(got.currency.value, Currency::KRW);
    assert_eq!(
        got.data_dir.value,
        Some(s.system().parent().unwrap().join("system-data"))
    );
    assert_eq!(got.files, [s.system()]);

    // 3. User file beats it, field by field.
    s.write(
        &s.user(),
        "// mine\n(\n    data_dir: \"/srv/user-data\",\n    theme: \"high-contrast\",\n)\n",
    );
    let got = s.load(&flags).unwrap();
    assert_eq!(got.theme.value, Theme::HighContrast);
    assert_eq!(got.theme.origin, Origin::User(s.user()));
    assert_eq!(got.data_dir.value, Some(PathBuf::from("/srv/user-data")));
    assert_eq!(
        got.currency.origin,
        Origin::System(s.system()),
        "not set by the user"
    );

    // 2. The environment beats the files.
    s.env.insert("CLINIC_EXPLORER_THEME".into(), "LIGHT".into());
    s.env
        .insert("CLINIC_EXPLORER_CURRENCY".into(), "usd".into());
    s.env
        .insert("CLINIC_EXPLORER_DATA".into(), "/env/data".into());
    let got = s.load(&flags).unwrap();
    assert_eq!(got.theme.value, Theme::Light);
    assert_eq!(got.theme.origin, Origin::Env("CLINIC_EXPLORER_THEME"));
    assert_eq!(got.currency.value, Currency::USD);
    assert_eq!(got.data_dir.value, Some(PathBuf::from("/env/data")));
    assert_eq!(got.data_dir.origin, Origin::Env("CLINIC_EXPLORER_DATA"));

    // 1. Flags beat everything.
    let flags = Flags {
        data_dir: Some("/flag/data".into()),
        theme: Some(Theme::Dark),
        currency: Some(Currency::KRW),
        no_config: false,
    };
    let got = s.load(&flags).unwrap();
    assert_eq!(got.theme.value, Theme::Dark);
    assert_eq!(got.theme.origin, Origin::Flag("--theme"));
    assert_eq!(got.currency.value, Currency::KRW);
    assert_eq!(got.currency.origin, Origin::Flag("--currency"));
    assert_eq!(got.data_dir.origin, Origin::Flag("--data"));
    assert_eq!(
        got.data_source(),
        clinic_explorer::dataset::DataSource::Dir("/flag/data".into())
    );
}

#[test]
fn no_config_reads_no_file_and_no_color_wins() {
    let mut s = Setup::new();
    s.write(&s.user(), "(theme: \"light\")");
    s.write(&s.system(), "(currency: \"KRW\")");
    let flags = Flags {
        no_config: true,
        ..Flags::default()
    };
    let got = s.load(&flags).unwrap();
    assert_eq!(got.theme.origin, Origin::Default);
    assert_eq!(got.currency.origin, Origin::Default);
    assert!(got.files.is_empty());
    assert!(!got.no_color);

    s.env.insert("NO_COLOR".into(), String::new());
    assert!(
        !s.load(&flags).unwrap().no_color,
        "an empty NO_COLOR is unset"
    );
    s.env.insert("NO_COLOR".into(), "1".into());
    s.env
        .insert("CLINIC_EXPLORER_THEME".into(), "high-contrast".into());
    let got = s.load(&flags).unwrap();
    assert!(got.no_color);
    assert_eq!(
        got.theme.value,
        Theme::HighContrast,
        "the theme is kept; NO_COLOR wins over it"
    );
}

#[test]
fn key_bindings_merge_and_parse() {
    let s = Setup::new();
    s.write(
        &s.system(),
        r#"(keys: { "j": "down", "ctrl-n": "next-tab", "F1": "help" })"#,
    );
    s.write(
        &s.user(),
        r#"(keys: { "Ctrl+N": "previous-tab", "shift-tab": "previous-pane", "alt-x": "quit" })"#,
    );
    let got = s.load(&Flags::default()).unwrap();
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    let map = got.key_map();
    assert_eq!(map.get("j").map(String::as_str), Some("down"));
    assert_eq!(map.get("F1").map(String::as_str), Some("help"));
    assert_eq!(
        map.get("Ctrl+N").map(String::as_str),
        Some("previous-tab"),
        "the user's binding of the same key replaces the system's"
    );
    assert!(!map.contains_key("ctrl-n"));
    let ctrl_n = got.keys.iter().find(|b| b.key == "Ctrl+N").unwrap();
    assert_eq!(ctrl_n.spec, parse_key("ctrl-n").unwrap());
    assert_eq!(ctrl_n.origin, Origin::User(s.user()));
    let back_tab = got.keys.iter().find(|b| b.key == "shift-tab").unwrap();
    assert_eq!(back_tab.spec.to_string(), "shift-tab");
    assert_eq!(got.keys.len(), 5);
}

#[test]
fn conflicting_bindings_are_reported() {
    let s = Setup::new();
    s.write(
        &s.user(),
        "(\n  keys: {\n    \"j\": \"down\",\n    \"j\": \"next\",\n    \"tab\": \"next-pane\",\n  },\n)\n",
    );
    s.write(&s.system(), r#"(keys: { "ctrl-i": "search" })"#);
    let got = s.load(&Flags::default()).unwrap();
    assert_eq!(got.warnings.len(), 2, "{:#?}", got.warnings);
    let twice = &got.warnings[0];
    assert!(twice.contains(&s.user().display().to_string()), "{twice}");
    assert!(twice.contains("`j` is bound twice"), "{twice}");
    assert!(
        twice.contains("`down`") && twice.contains("`next`"),
        "{twice}"
    );
    assert_eq!(got.key_map()["j"], "next", "the later binding is used");
    let clash = &got.warnings[1];
    assert!(
        clash.contains("`ctrl-i`") && clash.contains("`tab`"),
        "{clash}"
    );
    assert!(clash.contains("same key"), "{clash}");
}

fn error_of(s: &Setup, text: &str) -> String {
    s.write(&s.user(), text);
    s.load(&Flags::default()).unwrap_err().to_string()
}

#[test]
fn a_bad_file_is_an_error_with_file_line_and_column() {
    let s = Setup::new();
    let user = s.user().display().to_string();
    let e = error_of(&s, "(\n    theme: \"light\",\n    colour: \"red\",\n)\n");
    assert!(
        e.starts_with(&format!("{user}:3:5: unknown field `colour`")),
        "{e}"
    );
    assert!(e.contains("data_dir, theme, currency, keys"), "{e}");

    let e = error_of(&s, "(\n  theme: \"purple\",\n)");
    // The column is where the word starts, inside the quotes.
    assert!(
        e.starts_with(&format!("{user}:2:11: unknown theme `purple`")),
        "{e}"
    );

    let e = error_of(&s, "(keys: {\n  \"hyper-q\": \"quit\" })");
    assert!(e.starts_with(&format!("{user}:2:")), "{e}");
    assert!(e.contains("`hyper-q` is not a key name"), "{e}");

    let e = error_of(&s, "(theme: \"dark\"");
    assert!(e.starts_with(&format!("{user}:1:")), "{e}");

    // An empty file is an empty configuration; a problem in both files reports both.
    assert!(s.load(&Flags::default()).is_err());
    s.write(&s.user(), "\n");
    assert!(s.load(&Flags::default()).is_ok());
    s.write(&s.user(), "(currency: \"EUR\")");
    s.write(&s.system(), "(bogus: 1)");
    let e = s.load(&Flags::default()).unwrap_err().to_string();
    assert_eq!(e.lines().count(), 2, "{e}");
    assert!(e.contains("unknown currency `EUR`"), "{e}");
}

#[test]
fn a_bad_environment_value_is_an_error() {
    let mut s = Setup::new();
    s.env
        .insert("CLINIC_EXPLORER_CURRENCY".into(), "EUR".into());
    let e = s.load(&Flags::default()).unwrap_err().to_string();
    assert!(
        e.contains("CLINIC_EXPLORER_CURRENCY") && e.contains("EUR"),
        "{e}"
    );
}

// The command line.

fn config_print(s: &Setup, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    c.args(["config", "--print"])
        .args(extra)
        .env_remove("CLINIC_EXPLORER_DATA")
        .env_remove("CLINIC_EXPLORER_THEME")
        .env_remove("CLINIC_EXPLORER_CURRENCY")
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", s.dir.path().join("home/.config"))
        .env("XDG_STATE_HOME", s.dir.path().join("home/.local/state"));
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

#[test]
fn cli_config_print_says_where_each_value_comes_from() {
    let s = Setup::new();
    s.write(
        &s.user(),
        r#"(currency: "KRW", theme: "light", keys: { "ctrl-n": "next-tab" })"#,
    );
    let user = s.user().display().to_string();
    let o = config_print(
        &s,
        &["--data", "/some/data"],
        &[("CLINIC_EXPLORER_THEME", "high-contrast")],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("data_dir = /some/data  (from flag --data)"),
        "{out}"
    );
    assert!(
        out.contains("theme = high-contrast  (from environment CLINIC_EXPLORER_THEME)"),
        "{out}"
    );
    assert!(
        out.contains(&format!("currency = KRW  (from user config {user})")),
        "{out}"
    );
    assert!(
        out.contains(&format!("ctrl-n = next-tab  (from user config {user})")),
        "{out}"
    );
    assert!(out.contains(&format!("user: {user} (read)")), "{out}");

    let o = config_print(
        &s,
        &["--currency", "usd", "--no-config"],
        &[("NO_COLOR", "1")],
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("currency = USD  (from flag --currency)"),
        "{out}"
    );
    assert!(out.contains("theme = dark  (from default)"), "{out}");
    assert!(out.contains("no_color = true"), "{out}");
    assert!(out.contains("config files: none read"), "{out}");
}

#[test]
fn cli_bad_config_file_exits_1_naming_the_place() {
    let s = Setup::new();
    s.write(&s.user(), "(\n  theme: \"light\",\n  colour: 1,\n)\n");
    let o = config_print(&s, &[], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{}:3:3: unknown field `colour`",
            s.user().display()
        )),
        "{err}"
    );
    assert!(err.contains("--no-config"), "{err}");
    let o = config_print(&s, &["--no-config"], &[]);
    assert_eq!(o.status.code(), Some(0));
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn an_unreadable_system_config_is_reported_and_skipped() {
    let s = Setup::new();
    // Root reads any file whatever its mode, so "unreadable" here is a FIFO (which must not block)
    // and then a directory.
    mkfifo(&s.system());
    s.write(&s.user(), r#"(theme: "light")"#);
    let got = s.load(&Flags::default()).unwrap();
    assert_eq!(got.theme.value, Theme::Light);
    assert_eq!(got.files, [s.user()]);
    let w = got.warnings.join("\n");
    assert!(
        w.contains("is a FIFO (named pipe), not a regular file")
            && w.contains("system-wide configuration is skipped"),
        "{w}"
    );
    fs::remove_file(s.system()).unwrap();
    fs::create_dir_all(s.system()).unwrap();
    let got = s.load(&Flags::default()).unwrap();
    assert!(
        got.warnings.join("\n").contains("is a directory"),
        "{:?}",
        got.warnings
    );
    // The user's own file is theirs to fix: the same problem there is an error.
    fs::remove_dir(s.system()).unwrap();
    fs::remove_file(s.user()).unwrap();
    mkfifo(&s.user());
    let e = s.load(&Flags::default()).unwrap_err().to_string();
    assert!(e.contains("is a FIFO"), "{e}");
}

#[cfg(unix)]
#[test]
fn cli_a_fifo_config_does_not_hang_a_command() {
    let s = Setup::new();
    mkfifo(&s.user());
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    c.args(["list", "clinic"])
        .env("XDG_CONFIG_HOME", s.dir.path().join("home/.config"))
        .env_remove("CLINIC_EXPLORER_DATA");
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("config.ron: is a FIFO (named pipe), not a regular file"),
        "{err}"
    );
}

#[test]
fn a_large_config_is_refused_as_a_configuration_file() {
    let s = Setup::new();
    s.write(&s.user(), &" ".repeat(2 * 1024 * 1024));
    let e = s.load(&Flags::default()).unwrap_err().to_string();
    assert!(
        e.contains("larger than the 1 MiB limit for a configuration file"),
        "{e}"
    );
    assert!(!e.contains("data file"), "{e}");
}
