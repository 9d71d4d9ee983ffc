//! Search as typed, at 1k, 10k and 100k records: each query entered one letter at a time (`s`, `st`,
//! `ste`, ... `stem cell`), each prefix searched as the explorer's search pane does (every kind, at most
//! 50 hits).
//!
//! ```sh
//! cargo bench --bench search
//! BENCH_SIZES=100000 cargo bench --bench search
//! ```
//!
//! One benchmark per query and size, `search_as_typed/QUERY/N`: an iteration types the whole query, and
//! the throughput is set to its number of keystrokes, so criterion's "elem/s" is keystrokes per second
//! and time / keystrokes is the mean time per keystroke. The per-keystroke median and p99 are measured
//! by the `keystrokes` bench.

#[path = "support/common.rs"]
mod common;

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::search::SearchIndex;
use common::{LIMIT, QUERIES, prefixes};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::time::Duration;

fn search(c: &mut Criterion) {
    for n in common::sizes(&[1_000, 10_000, 100_000]) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        common::synth::write(n, dir.path()).expect("the synthetic data is written");
        let data = Dataset::load(&DataSource::Dir(dir.path().to_path_buf()))
            .expect("the synthetic data loads");
        let index = SearchIndex::build(&data);
        drop(data);

        let mut group = c.benchmark_group("search_as_typed");
        if n >= 50_000 {
            group.sampling_mode(SamplingMode::Flat);
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(15));
            group.warm_up_time(Duration::from_secs(1));
        } else {
            group.sample_size(20);
            group.measurement_time(Duration::from_secs(5));
        }
        for query in QUERIES {
            let typed = prefixes(query);
            group.throughput(Throughput::Elements(typed.len() as u64));
            group.bench_with_input(BenchmarkId::new(query, n), &typed, |b, typed| {
                b.iter(|| {
                    typed
                        .iter()
                        .map(|q| index.search(black_box(q), None, LIMIT).len())
                        .sum::<usize>()
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
