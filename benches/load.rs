//! Start-up cost at 1k, 10k and 100k records: reading, parsing, validating and indexing the RON files
//! (`Dataset::load`), building the search index, and, for scale, serde_json parsing the same records.
//!
//! ```sh
//! cargo bench --bench load                       # all sizes
//! BENCH_SIZES=1000,10000 cargo bench --bench load
//! ```
//!
//! Groups, each with one benchmark per size:
//! - `load/dataset`: `Dataset::load` from a directory (read, parse, validate, index);
//! - `load/search_index`: `SearchIndex::build` on the loaded dataset;
//! - `load/dataset+search_index`: both, what the explorer does before its first frame;
//! - `load/ron_parse_only`: the six files parsed with the loader's RON options, without validation;
//! - `load/serde_json`: the same records parsed from JSON (serialised once, up front).
//!
//! The ratio `load/dataset` over `load/serde_json` is the price of RON plus validation.

#[path = "support/common.rs"]
mod common;

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::{Clinic, Condition, Costs, Source, Therapy, TravelFact};
use clinic_explorer::search::SearchIndex;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::time::Duration;

/// Fewer, longer samples for the big sizes, so a run stays within a few minutes on two cores.
fn tune(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, n: usize) {
    if n >= 50_000 {
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(30));
        group.warm_up_time(Duration::from_secs(1));
    } else if n >= 5_000 {
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(10));
    } else {
        group.sample_size(50);
        group.measurement_time(Duration::from_secs(5));
    }
}

/// The loaded records as JSON, one string per file.
struct Json {
    sources: String,
    conditions: String,
    therapies: String,
    clinics: String,
    costs: String,
    travel: String,
}

fn to_json(d: &Dataset) -> Json {
    fn j<T: serde::Serialize>(v: &T) -> String {
        serde_json::to_string(v).expect("the model serialises to JSON")
    }
    Json {
        sources: j(&d.sources),
        conditions: j(&d.conditions),
        therapies: j(&d.therapies),
        clinics: j(&d.clinics),
        costs: j(&d.costs),
        travel: j(&d.travel),
    }
}

fn parse_json(j: &Json) -> usize {
    let sources: Vec<Source> = serde_json::from_str(&j.sources).expect("sources");
    let conditions: Vec<Condition> = serde_json::from_str(&j.conditions).expect("conditions");
    let therapies: Vec<Therapy> = serde_json::from_str(&j.therapies).expect("therapies");
    let clinics: Vec<Clinic> = serde_json::from_str(&j.clinics).expect("clinics");
    let costs: Costs = serde_json::from_str(&j.costs).expect("costs");
    let travel: Vec<TravelFact> = serde_json::from_str(&j.travel).expect("travel");
    sources.len()
        + conditions.len()
        + therapies.len()
        + clinics.len()
        + costs.ranges.len()
        + travel.len()
}

/// The six files parsed as the loader parses them, without validation or indexes.
fn parse_ron(texts: &[String]) -> usize {
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(128);
    let sources: Vec<Source> = options.from_str(&texts[0]).expect("sources");
    let conditions: Vec<Condition> = options.from_str(&texts[1]).expect("conditions");
    let therapies: Vec<Therapy> = options.from_str(&texts[2]).expect("therapies");
    let clinics: Vec<Clinic> = options.from_str(&texts[3]).expect("clinics");
    let costs: Costs = options.from_str(&texts[4]).expect("costs");
    let travel: Vec<TravelFact> = options.from_str(&texts[5]).expect("travel");
    sources.len()
        + conditions.len()
        + therapies.len()
        + clinics.len()
        + costs.ranges.len()
        + travel.len()
}

fn load(c: &mut Criterion) {
    for n in common::sizes(&[1_000, 10_000, 100_000]) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        common::synth::write(n, dir.path()).expect("the synthetic data is written");
        let source = DataSource::Dir(dir.path().to_path_buf());
        let data = Dataset::load(&source).expect("the synthetic data loads");
        let json = to_json(&data);
        let texts: Vec<String> = clinic_explorer::dataset::FILES
            .iter()
            .map(|f| std::fs::read_to_string(dir.path().join(f)).expect("a data file"))
            .collect();
        let ron_bytes: usize = texts.iter().map(String::len).sum();
        let json_bytes = [
            &json.sources,
            &json.conditions,
            &json.therapies,
            &json.clinics,
            &json.costs,
            &json.travel,
        ]
        .iter()
        .map(|s| s.len())
        .sum::<usize>();
        eprintln!(
            "{n} records: RON {:.1} MB, JSON {:.1} MB",
            ron_bytes as f64 / 1e6,
            json_bytes as f64 / 1e6
        );

        let mut group = c.benchmark_group("load");
        tune(&mut group, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("dataset", n), &source, |b, s| {
            b.iter(|| Dataset::load(black_box(s)).expect("loads"));
        });
        group.bench_with_input(BenchmarkId::new("search_index", n), &data, |b, d| {
            b.iter(|| SearchIndex::build(black_box(d)));
        });
        group.bench_with_input(
            BenchmarkId::new("dataset+search_index", n),
            &source,
            |b, s| {
                b.iter(|| {
                    let d = Dataset::load(black_box(s)).expect("loads");
                    SearchIndex::build(&d).len()
                });
            },
        );
        group.bench_with_input(BenchmarkId::new("ron_parse_only", n), &texts, |b, t| {
            b.iter(|| parse_ron(black_box(t)));
        });
        group.bench_with_input(BenchmarkId::new("serde_json", n), &json, |b, j| {
            b.iter(|| parse_json(black_box(j)));
        });
        group.finish();
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
