//! Proof that the fast paths change nothing: the bundled data through the build's form, a data
//! directory through the cache, and large files parsed in pieces on every core each give the same
//! dataset, record by record and field by field, and the same search results, as a fresh
//! one-thread parse and validation; the search index the cache keeps gives the same hits, field by
//! field, and the same facet counts as one built afresh.

#[allow(dead_code)] // the generator's command-line parts are not used here
#[path = "../examples/synth.rs"]
mod synth;

use clinic_explorer::Dataset;
use clinic_explorer::cache::{self, Cache};
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::Kind;
use clinic_explorer::search::SearchIndex;
use serde_json::Value;
use std::path::{Path, PathBuf};

const QUERIES: [&str; 14] = [
    "stem cell",
    "exosomes cheongdam",
    "district:gangnam",
    "stem !laser",
    "price<5000",
    "k:clinic seoul",
    "gangnam",
    "lichen planopilaris",
    "keliod",
    "prp",
    "줄기세포",
    "강남",
    "visa",
    "zq",
];

/// The first place two JSON values differ, as a path, or `None` when they are equal.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let Some(w) = y.get(k) else {
                    return Some(format!("{path}.{k} (missing on one side)"));
                };
                if let Some(d) = first_difference(v, w, &format!("{path}.{k}")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path} (fields differ)"))
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{path} ({} vs {} items)", x.len(), y.len()));
            }
            (x.iter().zip(y).enumerate())
                .find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}[{i}]")))
        }
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}

/// Asserts two datasets hold the same records, field by field, the same indexes and the same
/// search results.
fn assert_same(label: &str, fresh: &Dataset, other: &Dataset) {
    let a = serde_json::to_value(fresh).expect("serialises");
    let b = serde_json::to_value(other).expect("serialises");
    if let Some(d) = first_difference(&a, &b, label) {
        panic!("{label}: the datasets differ at {d}");
    }
    for kind in Kind::ALL {
        assert_eq!(fresh.count(kind), other.count(kind), "{label}: {kind}");
        for r in fresh.records(kind) {
            let id = r.id().as_str();
            assert_eq!(
                fresh.position(kind, id),
                other.position(kind, id),
                "{label}: {id}"
            );
        }
    }
    for t in &fresh.therapies {
        let id = t.id.as_str();
        assert_eq!(fresh.clinics_offering(id), other.clinics_offering(id));
        assert_eq!(fresh.costs_for(id), other.costs_for(id));
        assert_eq!(fresh.conditions_for(id), other.conditions_for(id));
    }
    let (x, y) = (SearchIndex::build(fresh), SearchIndex::build(other));
    for q in QUERIES {
        assert_eq!(
            x.search(q, None, 50),
            y.search(q, None, 50),
            "{label}: `{q}`"
        );
    }
}

/// Asserts a search index gives the hits a fresh one over `fresh` gives, field by field (score,
/// matched text and positions, why and missed included), and the same facet values and counts.
fn assert_same_index(label: &str, fresh: &Dataset, index: &SearchIndex) {
    let built = SearchIndex::build(fresh);
    assert_eq!(built.len(), index.len(), "{label}: records");
    assert_eq!(built.words(), index.words(), "{label}: words");
    let mut answered = 0;
    for q in QUERIES {
        let a = serde_json::to_value(built.search(q, None, 50)).expect("serialises");
        let b = serde_json::to_value(index.search(q, None, 50)).expect("serialises");
        answered += usize::from(a.as_array().is_some_and(|h| !h.is_empty()));
        if let Some(d) = first_difference(&a, &b, q) {
            panic!("{label}: the hits differ at {d}");
        }
    }
    assert!(
        answered * 2 >= QUERIES.len(),
        "{label}: most queries find something ({answered})"
    );
    let (x, y) = (built.facets(), index.facets());
    assert_eq!(x.len(), y.len(), "{label}: facet rows");
    for field in clinic_explorer::query::Field::ALL {
        assert_eq!(
            x.counts(0..x.len(), field),
            y.counts(0..y.len(), field),
            "{label}: counts of {field:?}"
        );
    }
}

/// The index through the cache: an entry without one gets one from its dataset, which the next
/// search reads without the dataset, and a dataset load reads it too.
fn index_through_cache(label: &str, fresh: &Dataset, source: &DataSource, cache: &Cache) {
    let first = cache::load_index(source, &[], cache).expect("loads");
    assert!(!first.from_cache, "{label}: the entry holds no index yet");
    assert_same_index(label, fresh, &first.index);
    let second = cache::load_index(source, &[], cache).expect("loads");
    assert!(second.from_cache, "{label}: the second search reads it");
    assert_same_index(label, fresh, &second.index);
    let loaded = cache::load(source, cache).expect("loads");
    assert!(loaded.from_cache);
    assert_same_index(label, fresh, loaded.index());
}

/// A fresh load, then the same through a cache: the first load writes it, the second reads it.
fn through_cache(label: &str, dir: &Path) {
    let fresh = Dataset::check(&DataSource::Dir(dir.to_path_buf())).expect("valid data");
    let cache_dir = tempfile::tempdir().expect("a temporary directory");
    let cache = Cache::at(cache_dir.path());
    let source = DataSource::Dir(dir.to_path_buf());
    let first = cache::load(&source, &cache).expect("loads");
    assert!(!first.from_cache, "{label}: nothing cached yet");
    let second = cache::load(&source, &cache).expect("loads");
    assert!(
        second.from_cache,
        "{label}: the second load reads the cache"
    );
    assert_same(label, &fresh, &first.data);
    assert_same(label, &fresh, &second.data);
    index_through_cache(label, &fresh, &source, &cache);
}

#[test]
fn the_bundled_form_is_the_checked_text() {
    let fresh = Dataset::check(&DataSource::Bundled).expect("bundled data is valid");
    let form = Dataset::load(&DataSource::Bundled).expect("the bundled form decodes");
    assert_same("bundled", &fresh, &form);
}

#[test]
fn the_korean_fixture_through_the_cache_is_the_same() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
    through_cache("fixture", &dir);
}

#[test]
fn generated_data_through_the_cache_and_in_pieces_is_the_same() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // Enough records that clinics.ron is parsed in pieces on every core.
    synth::write(4_000, dir.path()).expect("generated");
    let clinics = std::fs::read_to_string(dir.path().join("clinics.ron")).expect("written");
    assert!(clinics.len() > 256 * 1024, "{} bytes", clinics.len());
    through_cache("generated", dir.path());
    // The pieces against one parse of the whole file with the loader's options.
    let one: Vec<clinic_explorer::model::Clinic> = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&clinics)
        .expect("parses");
    let loaded = Dataset::load(&DataSource::Dir(dir.path().to_path_buf())).expect("loads");
    assert_eq!(one, loaded.clinics);
}
