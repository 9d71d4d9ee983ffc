//! Support for the drawing benches: the views of the explorer, each set up by the actions a user
//! would take, on the bundled data or a generated dataset of N records.

#![allow(dead_code)] // each bench uses part of this

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::Kind;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::App;

/// The terminal size the drawing benches use.
pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

/// Record counts: `BENCH_SIZES=1000,10000` (0 stands for the bundled data), or the bundled data,
/// 1k, 10k and 100k.
pub fn sizes() -> Vec<usize> {
    crate::common::sizes(&[0, 1_000, 10_000, 100_000])
}

/// A name for a size: "bundled" or the record count.
pub fn label(n: usize) -> String {
    if n == 0 {
        "bundled".into()
    } else {
        n.to_string()
    }
}

/// The dataset of a size: the bundled data for 0, generated data otherwise.
pub fn data(n: usize) -> Dataset {
    if n == 0 {
        return Dataset::load(&DataSource::Bundled).expect("bundled data");
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    crate::common::synth::write(n, dir.path()).expect("the synthetic data is written");
    Dataset::load(&DataSource::Dir(dir.path().to_path_buf())).expect("the synthetic data loads")
}

/// An explorer on `data` at [`WIDTH`] x [`HEIGHT`], searching inside `update`.
pub fn app(data: Dataset) -> App {
    let mut app = App::new(data);
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app
}

/// The views drawn: a name and the actions that lead there from the start.
pub fn views() -> Vec<(&'static str, Vec<Action>)> {
    let tab = |k| Action::ShowTab(Tab::Records(k));
    let mut search = vec![Action::OpenSearch];
    search.extend("stem cell".chars().map(Action::SearchInput));
    vec![
        ("conditions", vec![]),
        ("therapies", vec![tab(Kind::Therapy)]),
        ("clinics", vec![tab(Kind::Clinic)]),
        ("costs chart", vec![tab(Kind::Cost)]),
        ("travel", vec![tab(Kind::Travel)]),
        ("detail", vec![tab(Kind::Clinic), Action::FocusDetail]),
        ("search", search),
        (
            "compare",
            vec![
                Action::ToggleMark,
                Action::Down,
                Action::ToggleMark,
                Action::OpenCompare,
            ],
        ),
        ("help", vec![Action::Help]),
    ]
}
