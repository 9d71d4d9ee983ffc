//! Snapshots of every view of the explorer on the fixture dataset, at 80x24, 60x20 and 120x40 (and
//! the narrow and too-small layouts), drawn with ratatui's test backend.

use clinic_explorer::model::Kind;
use clinic_explorer::shortlist::{Shortlist, Store};
use clinic_explorer::tui::{Setup, action::Action, action::Tab, app::App, perform::Performer};

#[path = "common/lib.rs"]
mod common;

use common::{app_sized, fixture, plain, screen, select_actions, sized};

const SIZES: [(u16, u16); 3] = [(80, 24), (60, 20), (120, 40)];

/// An app at a size, after a sequence of actions.
fn app_after(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = app_sized(width, height);
    for a in actions {
        app.update(*a);
    }
    app
}

fn typed(s: &str) -> Vec<Action> {
    let mut v = vec![Action::OpenSearch];
    v.extend(s.chars().map(Action::SearchInput));
    v
}

fn check(name: &str, actions: &[Action]) {
    for (w, h) in SIZES {
        let app = app_after(w, h, actions);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app).backend());
    }
}

#[test]
fn conditions_tab() {
    check(
        "conditions",
        &select_actions(Kind::Condition, "lichen-planopilaris"),
    );
}

#[test]
fn conditions_detail_focus_selects_a_link() {
    let mut actions = select_actions(Kind::Condition, "scarring-alopecia");
    actions.push(Action::FocusDetail);
    check("conditions_detail", &actions);
}

#[test]
fn therapies_tab() {
    check(
        "therapies",
        &select_actions(Kind::Therapy, "adipose-derived-stem-cells"),
    );
}

#[test]
fn clinics_tab() {
    check(
        "clinics",
        &select_actions(Kind::Clinic, "test-gangnam-clinic"),
    );
}

/// The Costs tab: the chart of the first group with its second bar (US) selected.
fn costs_chart() -> Vec<Action> {
    vec![
        Action::ShowTab(Tab::Records(Kind::Cost)),
        Action::FocusDetail,
        Action::Down,
    ]
}

#[test]
fn costs_tab_in_both_currencies() {
    check("costs", &costs_chart());
    let mut krw = vec![Action::ToggleCurrency];
    krw.extend(costs_chart());
    check("costs_krw", &krw);
}

#[test]
fn costs_open_ended_figures() {
    let actions = [
        Action::ShowTab(Tab::Records(Kind::Cost)),
        Action::Down,
        Action::FocusDetail,
    ];
    for (w, h) in [(80, 24), (60, 20)] {
        let app = app_after(w, h, &actions);
        insta::assert_snapshot!(format!("costs_open_ended_{w}x{h}"), screen(&app).backend());
    }
}

#[test]
fn therapy_timeline() {
    let app = app_after(
        100,
        40,
        &select_actions(Kind::Therapy, "adipose-derived-stem-cells"),
    );
    insta::assert_snapshot!("therapy_timeline_100x40", screen(&app).backend());
}

#[test]
fn estimate_form() {
    check(
        "estimate",
        &[
            Action::ShowTab(Tab::Records(Kind::Cost)),
            Action::Estimate,
            Action::NextField,
            Action::Increase,
        ],
    );
}

#[test]
fn shortlist_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    let mut list = Shortlist::new();
    list.add(Kind::Therapy, "adipose-derived-stem-cells");
    list.set_note(
        Kind::Therapy,
        "adipose-derived-stem-cells",
        Some("ask how many sessions".into()),
    );
    list.add(Kind::Cost, "hair-korea");
    list.add(Kind::Condition, "no-longer-in-the-data");
    list.set_note(
        Kind::Condition,
        "no-longer-in-the-data",
        Some("kept".into()),
    );
    Store::open(&path).save(&mut list).unwrap();
    for (w, h) in SIZES {
        let mut setup = Setup {
            store: Some(Store::open(&path)),
            ..plain()
        };
        Performer::open(&mut setup);
        let mut app = sized(App::with_setup(fixture(), setup), w, h);
        app.update(Action::ShowTab(Tab::Shortlist));
        app.update(Action::Down);
        insta::assert_snapshot!(format!("shortlist_{w}x{h}"), screen(&app).backend());
    }
}

#[test]
fn presenter_mode() {
    for (w, h) in [(80, 24), (60, 20)] {
        let mut actions = vec![Action::TogglePresenter];
        actions.extend(select_actions(Kind::Condition, "lichen-planopilaris"));
        let app = app_after(w, h, &actions);
        insta::assert_snapshot!(format!("presenter_{w}x{h}"), screen(&app).backend());
        let mut chart = vec![Action::TogglePresenter];
        chart.extend(costs_chart());
        let app = app_after(w, h, &chart);
        insta::assert_snapshot!(format!("presenter_costs_{w}x{h}"), screen(&app).backend());
    }
}

#[test]
fn handout_name_prompt() {
    use clinic_explorer::shortlist::Timestamp;
    use clinic_explorer::tui::app::{Effect, Outcome};
    for (w, h) in SIZES {
        let mut app = app_after(
            w,
            h,
            &[Action::ToggleShortlist, Action::ShowTab(Tab::Shortlist)],
        );
        app.take_effects();
        app.update(Action::Export);
        app.take_effects();
        app.update(Outcome::Now(
            Timestamp::parse("2026-05-01T09:30:00Z").unwrap(),
        ));
        let effects = app.take_effects();
        let [Effect::FreeName { stem, handout, .. }] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        app.update(Outcome::Named {
            name: format!("{stem}.html"),
            handout: handout.clone(),
        });
        insta::assert_snapshot!(format!("handout_name_{w}x{h}"), screen(&app).backend());
    }
}

#[test]
fn travel_tab() {
    check("travel", &select_actions(Kind::Travel, "c-3-3-visa"));
}

#[test]
fn search_with_results() {
    check("search_scar", &typed("scar"));
    check("search_lpp", &typed("lpp"));
}

#[test]
fn help_overlay() {
    check("help", &[Action::Help]);
}

#[test]
fn compare_view() {
    let mut actions = select_actions(Kind::Condition, "hypertrophic-scars");
    actions.push(Action::ToggleMark);
    actions.extend(select_actions(Kind::Condition, "keloids"));
    actions.push(Action::ToggleMark);
    actions.push(Action::OpenCompare);
    check("compare", &actions);
}

#[test]
fn narrow_layout_shows_one_pane_at_a_time() {
    let list = app_after(
        60,
        24,
        &select_actions(Kind::Condition, "lichen-planopilaris"),
    );
    insta::assert_snapshot!("narrow_list_60x24", screen(&list).backend());
    let mut actions = select_actions(Kind::Condition, "lichen-planopilaris");
    actions.push(Action::FocusDetail);
    let detail = app_after(60, 24, &actions);
    insta::assert_snapshot!("narrow_detail_60x24", screen(&detail).backend());
}

#[test]
fn too_small_notice() {
    insta::assert_snapshot!("too_small_19x6", screen(&app_after(19, 6, &[])).backend());
    insta::assert_snapshot!("too_small_40x5", screen(&app_after(40, 5, &[])).backend());
    insta::assert_snapshot!("smallest_20x6", screen(&app_after(20, 6, &[])).backend());
}
