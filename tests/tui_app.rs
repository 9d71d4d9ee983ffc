//! The explorer driven by actions (no keys, no terminal): navigation, search, marks and compare,
//! links and Back; and the keymap's mapping and generated help.

use clinic_explorer::model::Kind;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::{App, Focus, Overlay};
use clinic_explorer::tui::keymap::{Context, Key, Keymap};
use clinic_explorer::tui::theme::Theme;
use clinic_explorer::tui::{self, doc, event::Event};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
#[path = "common/lib.rs"]
mod common;

use clinic_explorer::shortlist::Store;
use clinic_explorer::tui::Setup;
use clinic_explorer::tui::perform::Performer;
use common::{app, fixture, press, select, sized};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn navigation_between_tabs_panes_and_rows() {
    let mut app = app();
    assert_eq!(app.focus(), Focus::List(Kind::Condition));
    assert!(app.update(Action::NextTab));
    assert_eq!(app.focus(), Focus::List(Kind::Therapy));
    app.update(Action::PrevTab);
    app.update(Action::PrevTab);
    assert_eq!(app.focus(), Focus::Shortlist, "tabs wrap around");
    app.update(Action::PrevTab);
    assert_eq!(app.focus(), Focus::List(Kind::Travel));
    app.update(Action::ShowTab(Tab::Records(Kind::Condition)));
    assert!(!app.update(Action::Up), "Up at the top changes nothing");
    app.update(Action::Bottom);
    assert_eq!(app.selected_id(Kind::Condition), Some("alopecia-areata"));
    app.update(Action::PageUp);
    assert_eq!(app.selected_id(Kind::Condition), Some("scarring-alopecia"));
    app.update(Action::FocusDetail);
    assert_eq!(app.focus(), Focus::Detail(Kind::Condition));
    app.update(Action::Close);
    assert_eq!(app.focus(), Focus::List(Kind::Condition));
    assert!(
        app.description()
            .is_some_and(|d| d.id == "scarring-alopecia")
    );
    app.update(Action::ShowTab(Tab::Compare));
    assert_eq!(
        app.focus(),
        Focus::List(Kind::Condition),
        "no compare tab without marks"
    );
    assert!(app.status().is_some());
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn keys_pressed_through_the_keymap_drive_the_explorer() {
    let mut app = app();
    assert!(press(&mut app, "3 j l"));
    assert_eq!(app.focus(), Focus::Detail(Kind::Clinic));
    assert_eq!(app.list(Kind::Clinic).selected, 1);
    press(&mut app, "h / l i c h e n enter");
    assert_eq!(app.focus(), Focus::List(Kind::Condition));
    assert_eq!(
        app.selected_id(Kind::Condition),
        Some("lichen-planopilaris")
    );
    press(&mut app, "backspace");
    assert_eq!(app.focus(), Focus::List(Kind::Clinic), "Back returns");
    press(&mut app, "?");
    assert!(matches!(app.overlay(), Some(Overlay::Help { .. })));
    press(&mut app, "esc");
    assert_eq!(app.overlay(), None);
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn search_opens_the_hit_in_its_tab() {
    let mut app = app();
    app.update(Action::ShowTab(Tab::Records(Kind::Clinic)));
    app.update(Action::OpenSearch);
    assert!(matches!(app.overlay(), Some(Overlay::Search(_))));
    for c in "lichen".chars() {
        app.update(Action::SearchInput(c));
    }
    let hit = app
        .search()
        .and_then(|s| s.selected_hit())
        .expect("a hit")
        .clone();
    assert_eq!(hit.id, "lichen-planopilaris");
    assert!(!hit.positions.is_empty());
    app.update(Action::OpenHit);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.focus(), Focus::List(Kind::Condition));
    assert_eq!(
        app.selected_id(Kind::Condition),
        Some("lichen-planopilaris")
    );
    app.update(Action::Back);
    assert_eq!(
        app.focus(),
        Focus::List(Kind::Clinic),
        "Back returns from a search hit"
    );
}

#[test]
fn search_edits_and_cancels() {
    let mut app = app();
    app.update(Action::OpenSearch);
    for c in "zzzz".chars() {
        app.update(Action::SearchInput(c));
    }
    assert!(app.search().is_some_and(|s| s.hits.is_empty()));
    app.update(Action::OpenHit);
    assert!(
        matches!(app.overlay(), Some(Overlay::Search(_))),
        "nothing to open"
    );
    for _ in 0..4 {
        app.update(Action::SearchDelete);
    }
    app.update(Action::SearchInput('L'));
    app.update(Action::SearchInput('P'));
    app.update(Action::SearchInput('P'));
    let hit = app
        .search()
        .and_then(|s| s.selected_hit())
        .expect("LPP finds its alias");
    assert_eq!(
        (hit.id.as_str(), hit.field.as_str()),
        ("lichen-planopilaris", "alias")
    );
    app.update(Action::Close);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.focus(), Focus::List(Kind::Condition));
}

#[test]
fn marking_two_conditions_and_comparing_them() {
    let mut app = app();
    select(&mut app, Kind::Condition, "hypertrophic-scars");
    app.update(Action::ToggleMark);
    select(&mut app, Kind::Condition, "keloids");
    app.update(Action::ToggleMark);
    assert_eq!(app.marks().ids(), ["hypertrophic-scars", "keloids"]);
    assert!(app.tabs().contains(&Tab::Compare));

    select(&mut app, Kind::Therapy, "hair-transplant");
    app.update(Action::ToggleMark);
    assert_eq!(app.marks().len(), 2, "another kind is not mixed in");
    assert!(
        app.status().is_some_and(|s| s.contains("one kind")),
        "{:?}",
        app.status()
    );

    app.update(Action::OpenCompare);
    assert_eq!(app.focus(), Focus::Compare);
    let c = app.compare().comparison.as_ref().expect("a comparison");
    let row = c
        .rows
        .iter()
        .find(|r| r.attribute == "Size relative to wound")
        .expect("the size row");
    assert_eq!(
        row.values,
        [
            Some("Within the wound".to_owned()),
            Some("Beyond the wound".to_owned())
        ]
    );
    assert!(row.differs);
    app.update(Action::Down);
    assert_eq!(app.compare().row, 1);
    app.update(Action::Close);
    assert_eq!(app.focus(), Focus::List(Kind::Therapy));
    app.update(Action::ClearMarks);
    assert!(app.marks().is_empty());
    assert!(!app.tabs().contains(&Tab::Compare));
}

#[test]
fn marks_hold_at_most_four() {
    let mut app = app();
    for id in [
        "scarring-alopecia",
        "lichen-planopilaris",
        "hypertrophic-scars",
        "keloids",
    ] {
        select(&mut app, Kind::Condition, id);
        app.update(Action::ToggleMark);
    }
    select(&mut app, Kind::Condition, "alopecia-areata");
    app.update(Action::ToggleMark);
    assert_eq!(app.marks().len(), 4);
    select(&mut app, Kind::Condition, "keloids");
    app.update(Action::ToggleMark);
    assert_eq!(app.marks().len(), 3, "Space on a marked record unmarks it");
}

#[test]
fn following_links_and_going_back() {
    let mut app = app();
    select(&mut app, Kind::Condition, "lichen-planopilaris");
    app.update(Action::FocusDetail);
    let doc = app.detail_doc(70);
    assert!(
        app.detail().link.is_some(),
        "the first link is selected on entering the detail"
    );
    // Move to the therapy link.
    let therapy = doc
        .links
        .iter()
        .position(|(_, l)| l.id == "adipose-derived-stem-cells")
        .expect("the therapy link");
    while app.detail().link != Some(therapy) {
        assert!(app.update(Action::Down), "Down reaches the therapy link");
    }
    app.update(Action::FollowLink);
    assert_eq!(app.focus(), Focus::Detail(Kind::Therapy));
    assert_eq!(
        app.selected_id(Kind::Therapy),
        Some("adipose-derived-stem-cells")
    );
    // Therapy -> clinic.
    let doc = app.detail_doc(70);
    let clinic = doc
        .links
        .iter()
        .position(|(_, l)| l.id == "test-gangnam-clinic")
        .expect("the clinic link");
    while app.detail().link != Some(clinic) {
        assert!(app.update(Action::Down));
    }
    app.update(Action::FollowLink);
    assert_eq!(app.focus(), Focus::Detail(Kind::Clinic));
    assert_eq!(app.history_len(), 2);
    app.update(Action::Back);
    assert_eq!(app.focus(), Focus::Detail(Kind::Therapy));
    assert_eq!(
        app.detail().link,
        Some(clinic),
        "Back restores the selected link"
    );
    app.update(Action::Back);
    assert_eq!(app.focus(), Focus::Detail(Kind::Condition));
    assert_eq!(
        app.selected_id(Kind::Condition),
        Some("lichen-planopilaris")
    );
    assert_eq!(app.detail().link, Some(therapy));
    app.update(Action::Back);
    assert_eq!(app.status(), Some("Nothing to go back to"));
}

#[test]
fn keys_map_to_actions_by_context() {
    let km = Keymap::default();
    let shift = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let cases = [
        (Context::List, key(KeyCode::Char('j')), Some(Action::Down)),
        (Context::List, key(KeyCode::Down), Some(Action::Down)),
        (Context::List, key(KeyCode::Char('k')), Some(Action::Up)),
        (Context::List, shift('G'), Some(Action::Bottom)),
        (Context::List, key(KeyCode::Home), Some(Action::Top)),
        (
            Context::List,
            key(KeyCode::PageDown),
            Some(Action::PageDown),
        ),
        (
            Context::List,
            key(KeyCode::Char('l')),
            Some(Action::FocusDetail),
        ),
        (
            Context::List,
            key(KeyCode::Enter),
            Some(Action::FocusDetail),
        ),
        (Context::List, key(KeyCode::Tab), Some(Action::NextTab)),
        (
            Context::List,
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::PrevTab),
        ),
        (
            Context::List,
            key(KeyCode::Char('3')),
            Some(Action::ShowTab(Tab::Records(Kind::Clinic))),
        ),
        (
            Context::List,
            key(KeyCode::Char(' ')),
            Some(Action::ToggleMark),
        ),
        (
            Context::List,
            key(KeyCode::Char('c')),
            Some(Action::OpenCompare),
        ),
        (
            Context::List,
            key(KeyCode::Char('x')),
            Some(Action::ClearMarks),
        ),
        (
            Context::List,
            key(KeyCode::Char('/')),
            Some(Action::OpenSearch),
        ),
        (Context::List, key(KeyCode::Char('?')), Some(Action::Help)),
        (Context::List, key(KeyCode::Char('q')), Some(Action::Quit)),
        (Context::List, ctrl('c'), Some(Action::Quit)),
        (Context::List, key(KeyCode::Char('w')), None),
        (
            Context::Detail,
            key(KeyCode::Enter),
            Some(Action::FollowLink),
        ),
        (
            Context::Detail,
            key(KeyCode::Char('h')),
            Some(Action::FocusList),
        ),
        (Context::Detail, key(KeyCode::Backspace), Some(Action::Back)),
        (
            Context::Compare,
            key(KeyCode::Char('h')),
            Some(Action::ColumnLeft),
        ),
        (
            Context::Compare,
            key(KeyCode::Right),
            Some(Action::ColumnRight),
        ),
        (
            Context::Search,
            key(KeyCode::Char('q')),
            Some(Action::SearchInput('q')),
        ),
        (Context::Search, shift('L'), Some(Action::SearchInput('L'))),
        (
            Context::Search,
            key(KeyCode::Char('j')),
            Some(Action::SearchInput('j')),
        ),
        (
            Context::Search,
            ctrl('n'),
            Some(Action::SearchHistory { older: false }),
        ),
        (
            Context::Search,
            ctrl('p'),
            Some(Action::SearchHistory { older: true }),
        ),
        (
            Context::Search,
            key(KeyCode::Backspace),
            Some(Action::SearchDelete),
        ),
        (Context::Search, key(KeyCode::Enter), Some(Action::OpenHit)),
        (Context::Search, key(KeyCode::Esc), Some(Action::Close)),
        (Context::Search, ctrl('c'), Some(Action::Quit)),
        (Context::Help, key(KeyCode::Char('?')), Some(Action::Close)),
        (Context::Help, key(KeyCode::Char('/')), None),
    ];
    for (context, event, expected) in cases {
        assert_eq!(km.action(context, event), expected, "{context:?} {event:?}");
    }
    let release = KeyEvent::new_with_kind(
        KeyCode::Char('q'),
        KeyModifiers::NONE,
        KeyEventKind::Release,
    );
    assert_eq!(
        km.action(Context::List, release),
        None,
        "key releases are ignored"
    );
}

#[test]
fn keymap_overrides_replace_bindings() {
    let mut km = Keymap::default();
    km.bind(Context::Global, Key::char('w'), Action::Quit);
    km.unbind(Context::Global, Key::char('q'));
    assert_eq!(
        km.action(Context::List, key(KeyCode::Char('w'))),
        Some(Action::Quit)
    );
    assert_eq!(km.action(Context::List, key(KeyCode::Char('q'))), None);
    let help = km.help();
    let everywhere = help.iter().find(|s| s.title == "Everywhere").unwrap();
    assert!(
        everywhere
            .lines
            .iter()
            .any(|l| l.keys == "w" && l.description == "quit")
    );
}

#[test]
fn help_is_generated_from_every_binding() {
    let km = Keymap::default();
    let sections = km.help();
    for b in km.bindings() {
        let section = sections
            .iter()
            .find(|s| s.title == b.context.title())
            .unwrap_or_else(|| panic!("no help section for {:?}", b.context));
        let name = b.key.name();
        assert!(
            section
                .lines
                .iter()
                .any(|l| l.keys.split(", ").any(|k| k == name)),
            "{name} in {:?} is missing from the help",
            b.context
        );
    }
    // And the drawn help overlay shows every line.
    let text: String = doc::help(&km, 200)
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|(s, _)| s.as_str()).collect::<String>() + "\n")
        .collect();
    for s in &sections {
        for l in &s.lines {
            assert!(
                text.contains(&l.keys) && text.contains(&l.description),
                "{l:?}"
            );
        }
    }
    assert!(text.contains(clinic_explorer::describe::DISCLAIMER));
}

#[test]
fn mouse_clicks_select_rows_and_tabs() {
    let mut app = app();
    let list_inner_top = 2; // tab bar, then the list's border
    let click = |column, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Third record: one line each.
    assert!(tui::handle_event(&mut app, click(5, list_inner_top + 2)));
    assert_eq!(app.selected_id(Kind::Condition), Some("hypertrophic-scars"));
    // The second tab.
    let (_, r) = clinic_explorer::tui::layout::tab_ranges(&app.tabs(), 0, app.areas().tabs)[1];
    tui::handle_event(&mut app, click(r.x + 1, r.y));
    assert_eq!(app.focus(), Focus::List(Kind::Therapy));
    // The wheel over the list moves the selection.
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    tui::handle_event(&mut app, wheel);
    assert_eq!(app.selected_id(Kind::Therapy), Some("hair-transplant"));
}

/// Every cell's colours, after drawing every view with a theme.
fn colours(theme: Theme) -> Vec<Color> {
    let mut app = sized(App::with(fixture(), Keymap::default(), theme), 100, 30);
    let mut out = Vec::new();
    let mut draw = |app: &App| {
        let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
        tui::draw(&mut t, app).unwrap();
        for cell in t.backend().buffer().content() {
            out.extend([cell.fg, cell.bg]);
        }
    };
    draw(&app);
    app.update(Action::ToggleMark);
    app.update(Action::Down);
    app.update(Action::ToggleMark);
    app.update(Action::OpenCompare);
    draw(&app);
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput('s'));
    draw(&app);
    app.update(Action::Close);
    app.update(Action::Help);
    draw(&app);
    out
}

#[test]
fn no_color_means_no_colours() {
    assert!(colours(Theme::plain()).iter().all(|c| *c == Color::Reset));
}

#[test]
fn colours_are_the_16_basic_ones() {
    let all = colours(Theme::colored());
    assert!(all.iter().any(|c| *c != Color::Reset));
    assert!(
        all.iter()
            .all(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_)))
    );
}

#[test]
fn the_loop_runs_on_any_backend_and_event_source() {
    // A headless driver: a test backend of 100x30 (the app takes its size), a list of events, and
    // the shortlist kept in a temporary directory, so the loop really performs the save.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    let mut setup = Setup {
        store: Some(Store::open(&path)),
        ..common::plain()
    };
    let mut performer = Performer::open(&mut setup);
    let mut app = App::with_setup(fixture(), setup);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut events: Vec<Event> = "/lichen"
        .chars()
        .map(|c| Event::Key(key(KeyCode::Char(c))))
        .collect();
    events.push(Event::Key(key(KeyCode::Enter)));
    events.push(Event::Key(key(KeyCode::Char('b'))));
    let exit = tui::run_app(&mut terminal, &mut app, &mut performer, events.into_iter()).unwrap();
    assert_eq!(
        exit,
        tui::Exit::Stopped(clinic_explorer::tui::event::Stop::InputClosed),
        "the events ran out"
    );
    assert_eq!(app.size(), ratatui::layout::Rect::new(0, 0, 100, 30));
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("condition · lichen-planopilaris"),
        "{screen}"
    );
    assert!(screen.contains("Added Lichen planopilaris"), "{screen}");
    let saved = std::fs::read_to_string(&path).expect("the loop saved the shortlist");
    assert!(saved.contains("lichen-planopilaris"), "{saved}");
    assert!(app.take_effects().is_empty(), "every effect was performed");
    let quit = [Event::Key(key(KeyCode::Char('q')))];
    assert_eq!(
        tui::run_app(&mut terminal, &mut app, &mut performer, quit.into_iter()).unwrap(),
        tui::Exit::Quit
    );
}

/// The README's list of keys, as generated from the default key map.
fn readme_keys() -> String {
    let mut out = String::new();
    for section in Keymap::default().help() {
        out.push_str(&format!(
            "**{}**\n\n| keys | what |\n|---|---|\n",
            section.title
        ));
        for line in &section.lines {
            let keys = if line.keys == clinic_explorer::tui::keymap::TEXT_INPUT_KEYS {
                line.keys.clone()
            } else {
                line.keys
                    .split(", ")
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.push_str(&format!("| {keys} | {} |\n", line.description));
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_readme_lists_the_default_keys() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let expected = readme_keys();
    assert!(
        readme.contains(&expected),
        "README.md's Keys section should hold:\n{expected}"
    );
}

#[test]
fn sessions_share_one_dataset_and_keep_their_own_state() {
    let data = std::sync::Arc::new(fixture());
    let index = std::sync::Arc::new(clinic_explorer::search::SearchIndex::build(&data));
    let mut one = App::shared(data.clone(), index.clone(), common::plain());
    let two = App::shared(data.clone(), index, common::plain());
    assert!(
        std::ptr::eq(one.data(), two.data()),
        "one dataset, not a copy"
    );
    press(&mut one, "3 j");
    assert_eq!(one.focus(), Focus::List(Kind::Clinic));
    assert_eq!(two.focus(), Focus::List(Kind::Condition));
    press(&mut one, "/ k e l o i d enter");
    assert_eq!(one.selected_id(Kind::Condition), Some("keloids"));
}

/// The detail document is laid out once per record, width and presenter mode and then reused: it
/// follows each of them, and is what a fresh explorer lays out for the same.
#[test]
fn the_detail_follows_the_selection_the_width_and_presenter_mode() {
    let text = |doc: &doc::Doc| {
        doc.lines
            .iter()
            .map(|l| l.spans.iter().map(|(s, _)| s.as_str()).collect::<String>() + "\n")
            .collect::<String>()
    };
    let mut app = app();
    select(&mut app, Kind::Condition, "keloids");
    let keloids = text(&app.detail_doc(70));
    assert!(keloids.contains("condition · keloids"), "{keloids}");
    select(&mut app, Kind::Condition, "lichen-planopilaris");
    let lichen = text(&app.detail_doc(70));
    assert!(
        lichen.contains("condition · lichen-planopilaris"),
        "{lichen}"
    );
    let mut fresh = common::app();
    select(&mut fresh, Kind::Condition, "lichen-planopilaris");
    assert_eq!(lichen, text(&fresh.detail_doc(70)));
    // Another width wraps it again; back at 70 it is as before.
    let narrow = text(&app.detail_doc(30));
    assert!(narrow.lines().all(|l| l.chars().count() <= 30), "{narrow}");
    assert_ne!(narrow, lichen);
    assert_eq!(text(&app.detail_doc(70)), lichen);
    // Presenter mode leaves out the kind and id.
    app.update(Action::TogglePresenter);
    let presented = text(&app.detail_doc(70));
    assert!(
        !presented.contains("condition · lichen-planopilaris"),
        "{presented}"
    );
    app.update(Action::TogglePresenter);
    assert_eq!(text(&app.detail_doc(70)), lichen);
    // Back to the first record.
    select(&mut app, Kind::Condition, "keloids");
    assert_eq!(text(&app.detail_doc(70)), keloids);
}
