//! Drawing each view at 120x40 into ratatui's TestBackend, on the bundled data and on 1k, 10k and
//! 100k generated records; and a keystroke of scrolling a list (update plus draw), which should not
//! depend on the list's length because only the visible rows are laid out.
//!
//! ```sh
//! cargo bench --bench draw
//! BENCH_SIZES=0,100000 cargo bench --bench draw      # 0 is the bundled data
//! ```

#[path = "support/common.rs"]
mod common;
#[path = "support/views.rs"]
mod views;

use clinic_explorer::model::Kind;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::ui;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::Duration;
use views::{HEIGHT, WIDTH};

fn draw(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw");
    group
        .sample_size(50)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500));
    for n in views::sizes() {
        let data = views::data(n);
        let mut app = views::app(data);
        for (view, actions) in views::views() {
            // Each view from the start: the default tab, nothing marked, no overlay.
            app.update(Action::ShowTab(Tab::Records(Kind::Condition)));
            app.update(Action::ClearMarks);
            app.update(Action::Close);
            app.update(Action::Close);
            for a in actions {
                app.update(a);
            }
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
            group.bench_function(BenchmarkId::new(view, views::label(n)), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| ui::draw(frame, black_box(&app)))
                        .expect("drawn");
                })
            });
            app.update(Action::Close);
        }
        // Scrolling: a keystroke moves the selection down, the next back up, each drawn.
        for kind in [Kind::Condition, Kind::Clinic] {
            app.update(Action::Close);
            app.update(Action::ShowTab(Tab::Records(kind)));
            for _ in 0..25 {
                app.update(Action::Down);
            }
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
            let mut down = true;
            let name = format!("scroll {}", kind.plural().to_lowercase());
            group.bench_function(BenchmarkId::new(name, views::label(n)), |b| {
                b.iter(|| {
                    app.update(if down { Action::Down } else { Action::Up });
                    down = !down;
                    terminal
                        .draw(|frame| ui::draw(frame, black_box(&app)))
                        .expect("drawn");
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, draw);
criterion_main!(benches);
