//! Time per keystroke in the search pane, every keystroke recorded: median, p99 and max at 1k, 10k and
//! 100k records. Criterion reports means and confidence intervals; a frame budget needs the tail, so
//! this bench keeps every sample.
//!
//! ```sh
//! cargo bench --bench keystrokes
//! BENCH_SIZES=100000 KEYSTROKE_REPS=50 cargo bench --bench keystrokes
//! BENCH_SIZES=100000 BENCH_PARTS=actions cargo bench --bench keystrokes     # only the explorer's actions
//! BENCH_SIZES=100000 KEYSTROKE_QUERIES='shoulder,kind:' cargo bench --bench keystrokes
//! ```
//!
//! `BENCH_PARTS` picks among `facets`, `keys` and `actions` (comma-separated; all three by default);
//! `KEYSTROKE_QUERIES` keeps the queries holding one of its comma-separated parts, `BENCH_ACTIONS`
//! the explorer actions (`BENCH_ACTIONS='sort Costs'`).
//! `KEYSTROKE_EACH=20` adds the twenty slowest keystrokes by their median.
//! `KEYSTROKE_THREADS=1` searches on one thread (by default, on every core up to eight): its times
//! change less when other work keeps the machine busy, for comparing two versions.
//!
//! The single phrases of the other benches come first, then questions of three to six words and
//! queries with qualifiers (`kind:clinic district:gangnam prp`, `price<5000 stem cell`).
//!
//! Each query is typed one letter at a time, `KEYSTROKE_REPS` times (default: 200 at 1k, 50 at 10k,
//! 15 at 100k), and each prefix is searched as the explorer does (every kind, at most 50 hits, with the
//! search box's state carried from one keystroke to the next, starting fresh for each repetition). It also
//! prints the time to load the dataset and build the index, once, for context.

#[path = "support/common.rs"]
mod common;

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::search::{SearchIndex, SearchState};
use common::{LIMIT, QUERIES, prefixes, quantile};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Questions of three to six words and queries with qualifiers, typed a letter at a time like the
/// single phrases.
const QUESTIONS: [&str; 7] = [
    "acne scar price seoul",
    "frontal fibrosing alopecia treatment options",
    "shoulder stem cell cost",
    "is microneedling proven for scars",
    "kind:clinic district:gangnam prp",
    "price<5000 stem cell",
    "evidence:established scar treatment",
];

/// The frame budget a keystroke should fit in.
const BUDGET: Duration = Duration::from_millis(16);

fn reps(n: usize) -> usize {
    std::env::var("KEYSTROKE_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(match n {
            0..=5_000 => 200,
            5_001..=50_000 => 50,
            _ => 15,
        })
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

/// One summary row: label, keystrokes, median, p99, max, and whether p99 is within the budget.
fn row(label: &str, samples: &mut [Duration]) {
    samples.sort_unstable();
    let p99 = quantile(samples, 0.99);
    println!(
        "| {label} | {} | {} | {} | {} | {} |",
        samples.len(),
        ms(quantile(samples, 0.5)),
        ms(p99),
        ms(*samples.last().expect("samples")),
        if p99 <= BUDGET { "yes" } else { "no" }
    );
}

/// The facet panel's work at this size: counting a tab's facet values, applying a filter, sorting a
/// tab, each timed `FACET_REPS` times.
fn facets(index: &SearchIndex) {
    use clinic_explorer::model::Kind;
    use clinic_explorer::query::facet::facets_of;
    use clinic_explorer::query::sort::{SortKey, sort};
    use clinic_explorer::query::{Field, Filter, Test};
    const FACET_REPS: usize = 20;
    let table = index.facets();
    let time = |label: &str, f: &mut dyn FnMut()| {
        let mut samples: Vec<Duration> = (0..FACET_REPS)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        row(label, &mut samples);
    };
    println!("\n| facet work | runs | median ms | p99 ms | max ms | p99 <= 16 ms |");
    println!("|---|---:|---:|---:|---:|:---:|");
    for kind in [Kind::Clinic, Kind::Therapy, Kind::Cost] {
        let records: Vec<usize> = table.range(kind).collect();
        time(
            &format!(
                "counts, every facet of {}, one facet at a time",
                kind.plural()
            ),
            &mut || {
                for &f in facets_of(kind) {
                    black_box(table.counts(records.iter().copied(), f));
                }
            },
        );
        // What the explorer's panel does: every facet in one pass, with nothing chosen and with the
        // first value of the first facet chosen.
        let facets = facets_of(kind);
        time(
            &format!("panel counts of {}, one pass", kind.plural()),
            &mut || {
                black_box(table.panel_numbers(table.range(kind), facets, &[]));
            },
        );
        let first = table.panel_numbers(table.range(kind), facets, &[]);
        if let (Some(&f), Some(&(value, _))) =
            (facets.first(), first.first().and_then(|v| v.first()))
        {
            let chosen = [(f, vec![value])];
            time(
                &format!(
                    "panel counts of {}, one pass, a value chosen",
                    kind.plural()
                ),
                &mut || {
                    black_box(table.panel_numbers(table.range(kind), facets, &chosen));
                },
            );
        }
    }
    let filter = Filter {
        field: Field::District,
        test: Test::Text("gangnam".into()),
        negated: false,
    };
    time("filter: district:gangnam over every record", &mut || {
        black_box(table.passing(std::slice::from_ref(&filter), None));
    });
    let costs: Vec<usize> = table.range(Kind::Cost).collect();
    let clinics: Vec<usize> = table.range(Kind::Clinic).collect();
    time("sort: costs by price (low end)", &mut || {
        let mut v = costs.clone();
        sort(table, &mut v, SortKey::PriceLow, false, None);
        black_box(v);
    });
    time("sort: clinics by name", &mut || {
        let mut v = clinics.clone();
        sort(table, &mut v, SortKey::Name, false, None);
        black_box(v);
    });
    println!();
}

/// The same work as the explorer does it, one action at a time on an explorer holding the records:
/// opening the facet panel on a tab (its counts), choosing values (the list worked out again, and
/// the counts), sorting; each timed from the key to the next frame drawn (update and draw, at
/// 120x40), `FACET_REPS` times on a fresh explorer.
fn explorer_actions(data: Dataset, index: SearchIndex) {
    use clinic_explorer::model::Kind;
    use clinic_explorer::tui::action::{Action, Tab};
    use clinic_explorer::tui::app::App;
    use clinic_explorer::tui::setup::Setup;
    use clinic_explorer::tui::ui;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use std::sync::Arc;
    const FACET_REPS: usize = 10;
    let tab = |k| Action::ShowTab(Tab::Records(k));
    // (label, actions to get there untimed, the action timed)
    let steps: Vec<(&str, Vec<Action>, Action)> = vec![
        (
            "open facets on Clinics",
            vec![tab(Kind::Clinic)],
            Action::OpenFacets,
        ),
        (
            "choose a first Clinics value",
            vec![tab(Kind::Clinic), Action::OpenFacets],
            Action::ToggleFacet,
        ),
        (
            "choose a second Clinics value",
            vec![
                tab(Kind::Clinic),
                Action::OpenFacets,
                Action::ToggleFacet,
                Action::Down,
            ],
            Action::ToggleFacet,
        ),
        (
            "move in the Clinics facet panel",
            vec![tab(Kind::Clinic), Action::OpenFacets],
            Action::Down,
        ),
        ("switch to Clinics (first time)", vec![], tab(Kind::Clinic)),
        (
            "sort Clinics (name)",
            vec![tab(Kind::Clinic)],
            Action::CycleSort,
        ),
        (
            "sort Costs (price, low end)",
            vec![tab(Kind::Cost), Action::CycleSort],
            Action::CycleSort,
        ),
        (
            "open facets on Costs",
            vec![tab(Kind::Cost)],
            Action::OpenFacets,
        ),
    ];
    println!("| explorer action | runs | median ms | p99 ms | max ms | p99 <= 16 ms |");
    println!("|---|---:|---:|---:|---:|:---:|");
    let (data, index) = (Arc::new(data), Arc::new(index));
    // `BENCH_ACTIONS` keeps the actions whose label holds one of its comma-separated parts.
    let wanted = |label: &str| match std::env::var("BENCH_ACTIONS") {
        Ok(v) if !v.is_empty() => v.split(',').any(|p| label.contains(p)),
        _ => true,
    };
    for (label, before, timed) in steps {
        if !wanted(label) {
            continue;
        }
        let mut samples: Vec<Duration> = (0..FACET_REPS)
            .map(|_| {
                let mut app = App::shared(Arc::clone(&data), Arc::clone(&index), Setup::default());
                app.update(Action::Resize {
                    width: 120,
                    height: 40,
                });
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
                for a in &before {
                    app.update(*a);
                }
                terminal.draw(|f| ui::draw(f, &app)).expect("drawn");
                let t = Instant::now();
                black_box(app.update(timed));
                terminal.draw(|f| ui::draw(f, &app)).expect("drawn");
                t.elapsed()
            })
            .collect();
        row(label, &mut samples);
    }
    println!();
}

/// With `KEYSTROKE_EACH=N`, the N keystrokes slowest by their median over the repetitions (the
/// median of one keystroke moves less with other work on the machine than a p99 does).
fn slowest_keystrokes(each: &mut [(String, Vec<Duration>)]) {
    let Some(n) = std::env::var("KEYSTROKE_EACH")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    else {
        return;
    };
    let mut medians: Vec<(Duration, Duration, &str)> = each
        .iter_mut()
        .filter(|(_, s)| !s.is_empty())
        .map(|(q, s)| {
            s.sort_unstable();
            (quantile(s, 0.5), s[0], q.as_str())
        })
        .collect();
    medians.sort_unstable_by(|a, b| b.cmp(a));
    println!("\n| typed so far | median ms | fastest ms |\n|---|---:|---:|");
    for (median, fastest, q) in medians.into_iter().take(n) {
        println!("| `{q}` | {} | {} |", ms(median), ms(fastest));
    }
}

/// Whether `BENCH_PARTS` (default: every part) names this part of the bench.
fn part(name: &str) -> bool {
    match std::env::var("BENCH_PARTS") {
        Ok(v) if !v.is_empty() => v.split(',').any(|p| p.trim() == name),
        _ => true,
    }
}

fn main() {
    // `cargo bench` passes `--bench` (and any filter); a filter, if given, picks sizes by number.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    for n in common::sizes(&[1_000, 10_000, 100_000]) {
        if !filter.is_empty() && !filter.iter().any(|f| n.to_string().contains(f.as_str())) {
            continue;
        }
        let dir = tempfile::tempdir().expect("a temporary directory");
        common::synth::write(n, dir.path()).expect("the synthetic data is written");
        let start = Instant::now();
        let data = Dataset::load(&DataSource::Dir(dir.path().to_path_buf()))
            .expect("the synthetic data loads");
        let loaded = start.elapsed();
        let mut index = SearchIndex::build(&data);
        if let Some(t) = std::env::var("KEYSTROKE_THREADS")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            index.set_threads(t);
        }
        let indexed = start.elapsed() - loaded;
        if part("facets") {
            facets(&index);
        }
        let reps = reps(n);
        println!(
            "\n{n} records: load {} ms, index {} ms; each query typed {reps} times, at most {LIMIT} hits\n",
            ms(loaded),
            ms(indexed)
        );
        println!("| query | keystrokes | median ms | p99 ms | max ms | p99 <= 16 ms |");
        println!("|---|---:|---:|---:|---:|:---:|");
        let mut all = Vec::new();
        // (query typed so far, its samples) for KEYSTROKE_EACH.
        let mut each: Vec<(String, Vec<Duration>)> = Vec::new();
        let chosen = |q: &str| match std::env::var("KEYSTROKE_QUERIES") {
            Ok(v) if !v.is_empty() => v.split(',').any(|p| q.contains(p)),
            _ => true,
        };
        for query in QUERIES.iter().chain(QUESTIONS.iter()) {
            if !part("keys") || !chosen(query) {
                continue;
            }
            let typed = prefixes(query);
            // One untimed pass to warm caches and the allocator.
            let mut state = SearchState::default();
            for q in &typed {
                black_box(index.search_with(q, None, LIMIT, &mut state, &|| false));
            }
            let mut samples = Vec::with_capacity(reps * typed.len());
            let mut slowest = ("", Duration::ZERO);
            let first = each.len();
            each.extend(typed.iter().map(|q| (q.to_string(), Vec::new())));
            for _ in 0..reps {
                // A fresh search box each time: the first letter finds nothing to narrow.
                let mut state = SearchState::default();
                for (k, q) in typed.iter().enumerate() {
                    let t = Instant::now();
                    black_box(index.search_with(black_box(q), None, LIMIT, &mut state, &|| false));
                    let d = t.elapsed();
                    if d > slowest.1 {
                        slowest = (q, d);
                    }
                    samples.push(d);
                    each[first + k].1.push(d);
                }
            }
            all.extend_from_slice(&samples);
            row(
                &format!("`{query}` (slowest: `{}`)", slowest.0),
                &mut samples,
            );
        }
        if !all.is_empty() {
            row("all queries", &mut all);
        }
        slowest_keystrokes(&mut each);
        println!();
        if part("actions") {
            explorer_actions(data, index);
        }
    }
}
