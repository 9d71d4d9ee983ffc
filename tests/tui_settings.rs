//! The explorer's settings: key bindings from a configuration file (taking effect, and every problem
//! reported at start and in the help), the theme and currency, and colours: the 16 basic ones in every
//! scheme, none at all with NO_COLOR, presenter mode included.

use clinic_explorer::config::{ConfigPaths, Flags, Settings, Theme as Scheme};
use clinic_explorer::model::{Currency, Kind};
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::App;
use clinic_explorer::tui::keymap::Context;
use clinic_explorer::tui::theme::Theme;
use clinic_explorer::tui::{self, Setup, doc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use std::ffi::OsString;
#[path = "common/lib.rs"]
mod common;

use common::{fixture, key, sized};

/// Settings read from a user configuration file with this text, and this environment.
fn settings(config: &str, env: &[(&str, &str)]) -> Settings {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(&path, config).unwrap();
    let paths = ConfigPaths {
        system: None,
        user: Some(path),
    };
    let env: Vec<(String, OsString)> = env
        .iter()
        .map(|(k, v)| (k.to_string(), OsString::from(v)))
        .collect();
    let lookup = move |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    Settings::load(&Flags::default(), &paths, &lookup).expect("the configuration is valid")
}

const CONFIG: &str = r#"(
    theme: "light",
    currency: "KRW",
    keys: { "ctrl-n": "next-tab", "F1": "halp", "e": "help", "w": "quit", "w": "mark" },
)"#;

#[test]
fn key_overrides_take_effect_and_every_problem_is_reported() {
    let setup = Setup::from_settings(&settings(CONFIG, &[]));
    let km = &setup.keymap;
    let ctrl_n = key("ctrl-n");
    assert_eq!(km.action(Context::List, ctrl_n), Some(Action::NextTab));
    assert_eq!(
        km.action(Context::Detail, key("e")),
        Some(Action::Help),
        "the user's `e` replaces estimate in every pane"
    );
    assert_eq!(
        km.action(Context::List, key("w")),
        Some(Action::ToggleMark),
        "the later of two bindings of one key"
    );
    assert_eq!(km.action(Context::List, key("F1")), None);
    let problems = km.problems().join("\n");
    for expected in [
        "no action named `halp`",
        "bound twice",
        "key `e` now does `help` instead of `estimate`",
        "`estimate` has no key left",
    ] {
        assert!(problems.contains(expected), "{expected:?} in:\n{problems}");
    }
    assert_eq!(setup.theme.scheme, Scheme::Light);
    assert_eq!(setup.currency, Currency::KRW);

    // Said at start, and listed in the help with the action names.
    let app = App::with_setup(fixture(), setup);
    let status = app.status().expect("a notice at start");
    assert!(
        status.starts_with("Key bindings: 4 problems, ? lists them"),
        "{status}"
    );
    let help: String = doc::help(app.keymap(), 100)
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|(s, _)| s.as_str()).collect::<String>() + "\n")
        .collect();
    assert!(help.contains("Key binding problems"), "{help}");
    assert!(help.contains("no action named `halp`"));
    assert!(help.contains("Action names"));
    assert!(help.contains("next-tab, prev-tab"));
    let everywhere = app
        .keymap()
        .help()
        .into_iter()
        .find(|s| s.title == "Everywhere")
        .unwrap();
    assert!(
        everywhere
            .lines
            .iter()
            .any(|l| l.keys == "Tab, Ctrl-n" && l.description == "next tab")
    );
}

#[test]
fn without_a_keys_setting_nothing_is_reported() {
    let setup = Setup::from_settings(&settings("()", &[]));
    assert!(setup.keymap.problems().is_empty());
    assert_eq!(setup.currency, Currency::USD);
    let app = App::with_setup(fixture(), setup);
    assert_eq!(app.status(), None);
}

#[test]
fn no_color_wins_over_the_theme() {
    let setup = Setup::from_settings(&settings(
        r#"(theme: "high-contrast")"#,
        &[("NO_COLOR", "1")],
    ));
    assert!(!setup.theme.color);
    assert_eq!(setup.theme.scheme, Scheme::HighContrast);
}

/// Every cell's colours after drawing the explorer's views, presenter mode included.
fn colours(theme: Theme) -> Vec<Color> {
    let setup = Setup {
        theme,
        ..Setup::default()
    };
    let mut app = sized(App::with_setup(fixture(), setup), 100, 30);
    let mut out = Vec::new();
    let mut draw = |app: &App| {
        let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
        tui::draw(&mut t, app).unwrap();
        for cell in t.backend().buffer().content() {
            out.extend([cell.fg, cell.bg]);
        }
    };
    app.update(Action::ShowTab(Tab::Records(Kind::Cost)));
    app.update(Action::FocusDetail);
    draw(&app);
    app.update(Action::Estimate);
    draw(&app);
    app.update(Action::Close);
    app.update(Action::ToggleShortlist);
    app.update(Action::ShowTab(Tab::Shortlist));
    draw(&app);
    app.update(Action::ShowTab(Tab::Records(Kind::Condition)));
    app.update(Action::ToggleMark);
    app.update(Action::Down);
    app.update(Action::ToggleMark);
    app.update(Action::OpenCompare);
    draw(&app);
    app.update(Action::TogglePresenter);
    draw(&app);
    app.update(Action::ShowTab(Tab::Records(Kind::Therapy)));
    draw(&app);
    out
}

#[test]
fn every_scheme_uses_only_the_16_basic_colours() {
    for scheme in Scheme::ALL {
        let all = colours(Theme::new(scheme, false));
        assert!(all.iter().any(|c| *c != Color::Reset), "{scheme}");
        assert!(
            all.iter()
                .all(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_))),
            "{scheme}"
        );
    }
}

#[test]
fn no_color_means_no_colours_in_any_view_or_mode() {
    for scheme in Scheme::ALL {
        let all = colours(Theme::new(scheme, true));
        assert!(all.iter().all(|c| *c == Color::Reset), "{scheme}");
    }
}
