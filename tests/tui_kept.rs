//! What the explorer keeps rather than work out again, against working it out afresh: what list
//! rows want, measured the fast way (each distinct badge once, names' widths and badge
//! labels from the facet table, or ASCII names by their length), against measuring every row from
//! scratch, on the bundled data, the Korean fixture and
//! generated records; the cost chart, laid out once per group, bar, currency and width with its
//! savings part kept, against a chart laid out from nothing after each key.

#[allow(dead_code)] // the generator's command-line parts are not used here
#[path = "../examples/synth.rs"]
mod synth;

#[path = "common/lib.rs"]
mod common;

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::Kind;
use clinic_explorer::query::facet::FacetTable;
use clinic_explorer::text;
use clinic_explorer::tui::columns::{RowWants, badge, record_wants};

#[test]
fn every_rows_wants_are_those_measured_from_scratch() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    synth::write(2_000, dir.path()).expect("generated");
    let generated = Dataset::load(&DataSource::Dir(dir.path().to_path_buf())).expect("loads");
    let bundled = Dataset::load(&DataSource::Bundled).expect("bundled");
    for (name, data) in [
        ("bundled", bundled),
        ("fixture", common::fixture()),
        ("generated", generated),
    ] {
        let table = FacetTable::build(&data);
        for kind in [Kind::Condition, Kind::Therapy, Kind::Clinic, Kind::Travel] {
            let slow: Vec<RowWants> = data
                .records(kind)
                .iter()
                .enumerate()
                .map(|(p, r)| RowWants::of(&text::sanitize(r.name()), &badge(&data, kind, p)))
                .collect();
            assert!(!slow.is_empty(), "{name} {kind:?}");
            assert_eq!(record_wants(&data, kind, None), slow, "{name} {kind:?}");
            // Through the facet table's name widths and labels.
            assert_eq!(
                record_wants(&data, kind, Some(&table)),
                slow,
                "{name} {kind:?} (table)"
            );
        }
    }
}

#[test]
fn the_cost_chart_kept_is_the_one_laid_out_afresh() {
    use clinic_explorer::tui::action::Action;
    let data = Dataset::load(&DataSource::Bundled).expect("bundled");
    let app = clinic_explorer::tui::app::App::with_setup(data.clone(), common::plain());
    let mut app = common::sized(app, 120, 40);
    common::press(&mut app, "4");
    let mut groups = std::collections::HashSet::new();
    let mut bars = std::collections::HashSet::new();
    // Each step: keys, or the currency changed.
    let steps = [
        "l", "j", "$", "j", "h", "j", "j", "o", "o", "O", "$", "l", "j", "h", "k", "o", "j", "l",
        "j",
    ];
    for step in steps {
        if step == "$" {
            app.update(Action::ToggleCurrency);
        } else {
            common::press(&mut app, step);
        }
        let group = app.selected_group().expect("a group is selected");
        groups.insert(group.clone());
        let bar = app
            .selected_cost()
            .and_then(|c| data.ranges_in_group(&group).position(|r| r.id == c.id))
            .expect("a bar is selected");
        bars.insert(bar);
        let view = app.view();
        for width in [60u16, 44, 60] {
            let fresh = clinic_explorer::tui::doc::costs(
                &data,
                &group,
                view.currency,
                bar,
                usize::from(width),
                view.presenter,
            );
            assert_eq!(
                *app.detail_doc(width),
                fresh.doc,
                "after {step}: group {group}, bar {bar}, width {width}"
            );
        }
    }
    assert!(groups.len() > 2, "the steps moved among groups: {groups:?}");
    assert!(bars.len() > 1, "the steps moved among bars: {bars:?}");
}
