//! The explorer's costs, trip budget, shortlist, handouts and presenter mode, driven by actions: the
//! currency toggle, the form against `estimate::estimate`, the shortlist saved to a store in a
//! temporary directory and read back, handouts written and an existing one replaced only after a yes,
//! and what presenter mode refuses.

use clinic_explorer::estimate::{self, Request};
use clinic_explorer::model::{Currency, Kind, Tier};
use clinic_explorer::shortlist::Store;
use clinic_explorer::tui::Setup;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::{App, Focus, FormField, Overlay};
use clinic_explorer::tui::theme::Theme;
#[path = "common/lib.rs"]
mod common;

use clinic_explorer::shortlist::Timestamp;
use clinic_explorer::tui::app::{Effect, Outcome};
use common::{Local, app, app_in, detail_text, fixture, press};

#[test]
fn the_costs_tab_lists_groups_and_j_k_on_the_chart_select_bars() {
    let mut app = app();
    app.update(Action::ShowTab(Tab::Records(Kind::Cost)));
    assert_eq!(app.list_len(Kind::Cost), 3, "three cost groups");
    assert_eq!(app.selected_group().as_deref(), Some("hair-course"));
    assert_eq!(app.selected_id(Kind::Cost), Some("hair-korea"));
    app.update(Action::FocusDetail);
    app.update(Action::Down);
    assert_eq!(app.costs().bar, 1);
    assert_eq!(app.selected_id(Kind::Cost), Some("hair-us"));
    assert!(detail_text(&app).contains("Stem-cell therapy for hair loss, US, full course"));
    app.update(Action::Down);
    assert_eq!(app.selected_id(Kind::Cost), Some("scar-korea-krw"));
    // Back in the list, the next group starts at its first bar.
    app.update(Action::FocusList);
    app.update(Action::Down);
    assert_eq!(app.selected_group().as_deref(), Some("stay"));
    assert_eq!(app.selected_id(Kind::Cost), Some("hotel-luxury"));
    // A search hit of a cost range opens its group with its bar selected.
    app.update(Action::OpenSearch);
    for c in "scar therapy".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::OpenHit);
    assert_eq!(app.selected_group().as_deref(), Some("hair-course"));
    assert_eq!(app.selected_id(Kind::Cost), Some("scar-korea-krw"));
}

#[test]
fn dollar_toggles_every_figure_between_usd_and_krw() {
    let mut app = app();
    app.update(Action::ShowTab(Tab::Records(Kind::Cost)));
    assert_eq!(app.view().currency, Currency::USD);
    let usd = detail_text(&app);
    assert!(usd.contains("Figures in USD"), "{usd}");
    assert!(usd.contains("$10,000–$20,000"));
    assert!(app.group_attribute(0).starts_with("Korea $10k"));
    assert!(app.update(Action::ToggleCurrency));
    assert_eq!(app.view().currency, Currency::KRW);
    let krw = detail_text(&app);
    assert!(krw.contains("Figures in KRW"));
    assert!(krw.contains("≈₩14,500,000–₩29,000,000"), "{krw}");
    assert!(krw.contains("₩1,450 per $1, rate dated 2025"));
    assert!(krw.contains("In KRW: ≈₩14,500,000–₩29,000,000"));
    assert!(app.group_attribute(0).starts_with("Korea ≈₩14.5M"));
    assert!(app.status().is_some_and(|s| s.contains("Figures in KRW")));
    app.update(Action::Estimate);
    let e = app.form_estimate().unwrap().unwrap();
    assert_eq!(e.currency, Currency::KRW, "the form follows the currency");
    app.update(Action::ToggleCurrency);
    assert_eq!(
        app.form_estimate().unwrap().unwrap().currency,
        Currency::USD
    );
}

#[test]
fn the_initial_currency_comes_from_the_setup() {
    let setup = Setup {
        currency: Currency::KRW,
        theme: Theme::plain(),
        ..Setup::default()
    };
    let app = App::with_setup(fixture(), setup);
    assert_eq!(app.view().currency, Currency::KRW);
}

#[test]
fn the_estimate_form_matches_estimate_for_its_values() {
    let mut app = app();
    app.update(Action::ShowTab(Tab::Records(Kind::Cost)));
    app.update(Action::FocusDetail);
    app.update(Action::Down);
    app.update(Action::Down); // scar-korea-krw: per session, in won
    app.update(Action::Estimate);
    assert!(matches!(app.overlay(), Some(Overlay::Estimate(_))));
    let form = app.estimate_form().unwrap();
    assert_eq!((form.sessions, form.nights, form.tier), (1, 7, Tier::Mid));
    // Three sessions (typed), nine nights (Increase twice), luxury.
    app.update(Action::FormDigit(3));
    app.update(Action::NextField);
    assert_eq!(app.estimate_form().unwrap().field, FormField::Nights);
    app.update(Action::Increase);
    app.update(Action::Increase);
    app.update(Action::NextField);
    app.update(Action::Increase);
    let form = app.estimate_form().unwrap();
    assert_eq!(
        (form.sessions, form.nights, form.tier),
        (3, 9, Tier::Luxury)
    );
    let shown = app.form_estimate().unwrap().unwrap();
    let expected = estimate::estimate(
        app.data(),
        &Request {
            cost: "scar-korea-krw".into(),
            sessions: Some(3),
            nights: 9,
            tier: Tier::Luxury,
            currency: Some(Currency::USD),
        },
    )
    .unwrap();
    assert_eq!(shown, expected);
    // $828–$5,172 + hotel $200+ x 9 = $1,800 (open-ended, named) + meals $240–$450 + rides $20–$40.
    assert_eq!((shown.total_min, shown.total_max), (2_888, Some(7_462)));
    let doc: String = app
        .form_doc(90)
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|(s, _)| s.as_str()).collect::<String>() + "\n")
        .collect();
    assert!(
        doc.contains("≈$828–$5,172"),
        "the converted treatment: {doc}"
    );
    assert!(
        doc.contains("open-ended: at least $200 a night"),
        "the open-ended hotel named beside the total: {doc}"
    );
    assert!(doc.contains("C-3-3 medical visa"));
    assert!(doc.contains("Assumptions"));
    assert!(doc.contains("Source: Test Guide"));
    app.update(Action::Close);
    assert_eq!(app.overlay(), None);
    assert!(app.estimate_form().is_none());
}

#[test]
fn the_form_opens_only_on_a_treatment_cost_range() {
    let mut app = app();
    app.update(Action::Estimate);
    assert_eq!(app.overlay(), None);
    assert!(app.status().is_some_and(|s| s.contains("Costs tab")));
    app.update(Action::ShowTab(Tab::Records(Kind::Cost)));
    app.update(Action::Down); // the stay group: a daily expense
    app.update(Action::Estimate);
    assert_eq!(app.overlay(), None);
    assert!(app.status().is_some_and(|s| s.contains("daily expense")));
}

#[test]
fn shortlist_changes_are_saved_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    // Add a therapy, a clinic and a cost range (a bar of the chart).
    app.update(Action::ShowTab(Tab::Records(Kind::Therapy)));
    app.update(Action::ToggleShortlist);
    assert!(app.status().is_some_and(|s| s.contains("Added")));
    app.update(Action::ShowTab(Tab::Records(Kind::Clinic)));
    app.update(Action::ToggleShortlist);
    app.update(Action::ShowTab(Tab::Records(Kind::Cost)));
    app.update(Action::FocusDetail);
    app.update(Action::Down);
    app.update(Action::ToggleShortlist);
    // A note on the cost range, typed.
    app.update(Action::EditNote);
    assert!(matches!(app.overlay(), Some(Overlay::Note(_))));
    for c in "compare with Seoul".chars() {
        app.update(Action::NoteInput(c));
    }
    app.update(Action::NoteDelete);
    app.update(Action::NoteInput('l'));
    app.update(Action::SaveNote);
    assert_eq!(app.overlay(), None);
    // The view: reorder, remove.
    app.update(Action::ShowTab(Tab::Shortlist));
    assert_eq!(app.focus(), Focus::Shortlist);
    let ids = |app: &App| -> Vec<String> {
        app.shortlist()
            .list()
            .entries()
            .iter()
            .map(|e| e.id.as_str().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&app),
        [
            "adipose-derived-stem-cells",
            "test-gangnam-clinic",
            "hair-us"
        ]
    );
    app.update(Action::Bottom);
    app.update(Action::MoveEntryUp);
    app.update(Action::MoveEntryUp);
    assert_eq!(
        ids(&app),
        [
            "hair-us",
            "adipose-derived-stem-cells",
            "test-gangnam-clinic"
        ]
    );
    assert_eq!(
        app.shortlist().pane().selected,
        0,
        "the selection moves along"
    );
    app.update(Action::Down);
    app.update(Action::RemoveEntry);
    assert_eq!(ids(&app), ["hair-us", "test-gangnam-clinic"]);
    app.update(Action::MoveEntryDown);
    // Read back by a new explorer.
    let again = app_in(dir.path());
    assert_eq!(ids(&again), ["hair-us", "test-gangnam-clinic"]);
    let note = again.shortlist().list().get(Kind::Cost, "hair-us").unwrap();
    assert_eq!(note.note.as_deref(), Some("compare with Seoul"));
    // Enter opens a record in its tab.
    let mut app = again;
    app.update(Action::ShowTab(Tab::Shortlist));
    app.update(Action::OpenEntry);
    assert_eq!(app.focus(), Focus::List(Kind::Cost));
    assert_eq!(app.selected_id(Kind::Cost), Some("hair-us"));
}

#[test]
fn a_note_on_a_record_not_kept_adds_it_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.update(Action::EditNote);
    app.update(Action::NoteInput('x'));
    app.update(Action::Close);
    assert!(app.shortlist().list().is_empty(), "Esc keeps nothing");
    app.update(Action::EditNote);
    for c in "ask".chars() {
        app.update(Action::NoteInput(c));
    }
    app.update(Action::SaveNote);
    let e = &app.shortlist().list().entries()[0];
    assert_eq!(
        (e.id.as_str(), e.note.as_deref()),
        ("scarring-alopecia", Some("ask"))
    );
}

#[test]
fn a_corrupt_shortlist_is_moved_aside_and_said_at_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("shortlist.ron"), "(entries: [oops").unwrap();
    let app = app_in(dir.path());
    let status = app.status().expect("a notice");
    assert!(status.contains("could not be read"), "{status}");
    assert!(status.contains("shortlist.ron.corrupt-"), "{status}");
    assert!(app.shortlist().list().is_empty());
}

#[test]
fn a_failing_save_is_reported_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    // The store's directory is a file: saving cannot create it.
    let blocker = dir.path().join("not-a-directory");
    std::fs::write(&blocker, "").unwrap();
    let mut app = Local::new(Setup {
        theme: Theme::plain(),
        store: Some(Store::open(blocker.join("shortlist.ron"))),
        ..Setup::default()
    });
    app.update(Action::ToggleShortlist);
    let status = app.status().unwrap();
    assert!(status.contains("could not be saved"), "{status}");
    assert_eq!(app.shortlist().list().len(), 1, "kept in memory");
}

/// Replaces the name offered in the open name prompt with `name`.
fn retype_name(app: &mut Local, name: &str) {
    let len = app
        .handout_name()
        .expect("the name prompt is open")
        .text
        .len();
    for _ in 0..len {
        app.update(Action::NoteDelete);
    }
    for c in name.chars() {
        app.update(Action::NoteInput(c));
    }
}

#[test]
fn export_offers_a_free_name_and_asks_before_replacing_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.update(Action::Export);
    assert!(app.status().is_some_and(|s| s.contains("shortlist view")));
    app.update(Action::ToggleShortlist);
    app.update(Action::ShowTab(Tab::Shortlist));
    app.update(Action::Export);
    let date = clinic_explorer::shortlist::Timestamp::now().date();
    let offered = format!("shortlist-scarring-alopecia-{date}.html");
    assert_eq!(
        app.handout_name().map(|n| n.text.as_str()),
        Some(offered.as_str())
    );
    let html_files = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "html")
            })
            .count()
    };
    assert_eq!(
        html_files(),
        0,
        "nothing written before the name is confirmed"
    );
    app.update(Action::SaveNote);
    let path = dir.path().join(&offered);
    let html = std::fs::read_to_string(&path).expect("the handout was written");
    assert!(html.contains("Scarring alopecia"));
    assert!(
        app.status()
            .is_some_and(|s| s.contains(&format!("Handout written: {offered}")))
    );
    // Again: the name offered is numbered, so nothing is replaced.
    app.update(Action::Export);
    let second = format!("shortlist-scarring-alopecia-{date}-2.html");
    assert_eq!(
        app.handout_name().map(|n| n.text.as_str()),
        Some(second.as_str())
    );
    // A name typed that exists: the explorer asks; n leaves it, y replaces it.
    std::fs::write(&path, "old").unwrap();
    retype_name(&mut app, &offered);
    app.update(Action::SaveNote);
    assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
    app.update(Action::Close);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert!(app.status().is_some_and(|s| s.contains("left as it was")));
    app.update(Action::Export);
    retype_name(&mut app, &offered);
    app.update(Action::SaveNote);
    app.update(Action::Confirm);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Scarring alopecia")
    );
    // A name of one's own gets .html; a path is refused and the prompt stays.
    app.update(Action::Export);
    retype_name(&mut app, "../elsewhere");
    app.update(Action::SaveNote);
    assert!(app.handout_name().is_some(), "still asking");
    assert!(app.status().is_some_and(|s| s.contains("A file name only")));
    retype_name(&mut app, "for the patient");
    app.update(Action::SaveNote);
    assert!(dir.path().join("for the patient.html").exists());
    // From the compare view, the comparison, named after what it compares.
    app.update(Action::ShowTab(Tab::Records(Kind::Condition)));
    app.update(Action::ToggleMark);
    app.update(Action::Down);
    app.update(Action::ToggleMark);
    app.update(Action::OpenCompare);
    app.update(Action::Export);
    let name = app.handout_name().unwrap().text.clone();
    assert_eq!(
        name,
        format!("compare-scarring-alopecia-lichen-planopilaris-{date}.html")
    );
    app.update(Action::SaveNote);
    let html = std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert!(html.contains("Comparison of conditions"), "{html}");
    // Esc in the prompt writes nothing.
    app.update(Action::Export);
    app.update(Action::Close);
    assert_eq!(app.status(), Some("No handout written"));
}

#[test]
fn presenter_mode_hides_ids_and_refuses_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    assert!(detail_text(&app).contains("condition · scarring-alopecia"));
    app.update(Action::TogglePresenter);
    assert!(app.view().presenter);
    assert_eq!(
        app.theme().scheme,
        clinic_explorer::config::Theme::HighContrast
    );
    assert!(!detail_text(&app).contains("scarring-alopecia"), "no ids");
    for action in [Action::ToggleShortlist, Action::EditNote] {
        app.update(action);
        assert_eq!(
            app.status(),
            Some("Presenter mode is read-only: p leaves it"),
            "{action:?}"
        );
        assert_eq!(app.overlay(), None);
    }
    app.update(Action::ShowTab(Tab::Shortlist));
    app.update(Action::Export);
    assert!(
        app.status()
            .is_some_and(|s| s.contains("The shortlist is empty"))
    );
    assert!(app.shortlist().list().is_empty());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    // Reading still works: tabs, the chart, the currency.
    app.update(Action::ShowTab(Tab::Records(Kind::Cost)));
    app.update(Action::ToggleCurrency);
    assert_eq!(app.view().currency, Currency::KRW);
    app.update(Action::TogglePresenter);
    assert!(!app.view().presenter);
    app.update(Action::ToggleShortlist);
    assert_eq!(app.shortlist().list().len(), 1);
}

#[test]
fn keys_ask_for_effects_and_their_outcomes_come_back_without_a_disk() {
    let mut app = app();
    // b asks for the shortlist to be saved, holding the record kept.
    press(&mut app, "b");
    let effects = app.take_effects();
    let [Effect::SaveShortlist(list)] = effects.as_slice() else {
        panic!("one save asked for: {effects:?}");
    };
    assert!(list.contains(Kind::Condition, "scarring-alopecia"));
    // A failed save comes back and is said; the list stays in memory.
    app.update(Outcome::Saved(Err("disk full".into())));
    assert!(
        app.status()
            .is_some_and(|s| s.contains("could not be saved: disk full"))
    );
    assert_eq!(app.shortlist().list().len(), 1);
    // The failure is shown in full until dismissed.
    assert!(matches!(app.overlay(), Some(Overlay::Unsaved { .. })));
    press(&mut app, "esc");
    // E from the shortlist: the clock first, then a free name, the prompt, whether the file
    // exists, then the write.
    press(&mut app, "s E");
    assert_eq!(app.take_effects(), [Effect::ReadClock]);
    let now = Timestamp::parse("2026-05-01T09:30:00Z").unwrap();
    app.update(Outcome::Now(now));
    let effects = app.take_effects();
    let [Effect::FreeName { stem, handout, .. }] = effects.as_slice() else {
        panic!("a free name asked for: {effects:?}");
    };
    assert_eq!(stem, "shortlist-scarring-alopecia-2026-05-01");
    app.update(Outcome::Named {
        name: format!("{stem}-2.html"),
        handout: handout.clone(),
    });
    assert!(matches!(app.overlay(), Some(Overlay::Name(_))));
    press(&mut app, "enter");
    let effects = app.take_effects();
    let [Effect::CheckFile { path, handout }] = effects.as_slice() else {
        panic!("a file check asked for: {effects:?}");
    };
    assert_eq!(
        path,
        &app.export()
            .dir()
            .join("shortlist-scarring-alopecia-2026-05-01-2.html")
    );
    // The file is there: a question, and y asks for the write over it.
    app.update(Outcome::Checked {
        path: path.clone(),
        handout: handout.clone(),
        exists: true,
    });
    assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
    assert!(
        app.take_effects().is_empty(),
        "nothing written before the answer"
    );
    press(&mut app, "y");
    let effects = app.take_effects();
    let [
        Effect::WriteHandout {
            overwrite: true, ..
        },
    ] = effects.as_slice()
    else {
        panic!("a write over the file asked for: {effects:?}");
    };
    app.update(Outcome::Written {
        path: path.clone(),
        result: Err("permission denied".into()),
    });
    assert!(
        app.status()
            .is_some_and(|s| s.contains("could not be written (permission denied)"))
    );
}
