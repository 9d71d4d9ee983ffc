//! The index only spares work: searching through it finds exactly what scoring every record finds, for
//! every prefix of a query as it is typed (with the state a search box keeps between keystrokes), on
//! the bundled data, the small fixture with Korean records, and a generated dataset of 1,500 records.

#[allow(dead_code)] // the generator's command-line parts are not used here
#[path = "../examples/synth.rs"]
mod synth;

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::Kind;
use clinic_explorer::search::{SearchIndex, SearchState};
use std::sync::atomic::{AtomicUsize, Ordering};

const QUERIES: &[&str] = &[
    "stem cell",
    "gangnam",
    "lichen planopilaris",
    "keliod",
    "keloids",
    "alopcia areata",
    "planopilarsi",
    "hypertrophik scars",
    "microneedlng",
    "zq",
    "lpp",
    "smp",
    "hot comb",
    "prp",
    "c-3-3",
    "₩1,450",
    "$10,000",
    "-stem",
    "  cheongdam  ",
    "Sinsa-dong",
    "fue",
    "adipose derived",
    "exo",
    "s c",
    "a",
    "정",
    "강남",
    "ㄱ",
    "탈모",
    "dr. kim",
    "2025",
    "xyzzy",
    "kind",
    "sesion",
];

/// Questions of several words, terms and qualifiers: typed a letter at a time.
const QUESTIONS: &[&str] = &[
    "exosomes cheongdam",
    "frontal fibrosing alopecia treatment options",
    "acne scar price seoul",
    "shoulder stem cell cost",
    "is microneedling proven",
    "sinsa clinic",
    "stem cell gangnam keloid",
    "prp offers:prp district:gangnam",
    "k:clinic 'prp !laser",
    "^lich \"hot comb\"",
    "price<5000 stem cel",
    "evidence:established scar",
    "강남 줄기세포",
    "hair lss kim",
];

/// Every prefix of a query, as typed, then deleted back to one letter.
fn keystrokes(query: &str) -> Vec<String> {
    let typed: Vec<String> = query
        .char_indices()
        .map(|(i, c)| query[..i + c.len_utf8()].to_owned())
        .collect();
    let mut all = typed.clone();
    all.extend(typed.iter().rev().skip(1).cloned());
    all
}

fn check(index: &SearchIndex, label: &str) {
    let mut compared = 0;
    let mut nonempty = 0;
    for query in QUERIES {
        let mut state = SearchState::default();
        for q in keystrokes(query) {
            let expected = index.search_every_record(&q, None, 50);
            let stateless = index.search(&q, None, 50);
            let typed = index
                .search_with(&q, None, 50, &mut state, &|| false)
                .expect("not superseded");
            assert_eq!(stateless, expected, "{label}: {q:?} through the index");
            assert_eq!(typed, expected, "{label}: {q:?} typed after its prefix");
            compared += 1;
            nonempty += usize::from(!expected.is_empty());
        }
        // Fewer hits wanted: the index stops scoring sooner, where a wrong bound would show.
        for q in keystrokes(query).iter().take(query.chars().count()) {
            for limit in [1, 3, 8] {
                assert_eq!(
                    index.search(q, None, limit),
                    index.search_every_record(q, None, limit),
                    "{label}: {q:?}, {limit} hits"
                );
            }
        }
        for kind in [Kind::Clinic, Kind::Therapy] {
            assert_eq!(
                index.search(query, Some(kind), 10),
                index.search_every_record(query, Some(kind), 10),
                "{label}: {query:?} in one kind"
            );
        }
    }
    assert!(
        nonempty * 2 > compared,
        "{label}: most keystrokes find something ({nonempty} of {compared})"
    );
    let mut found = 0;
    for question in QUESTIONS {
        let mut state = SearchState::default();
        for q in keystrokes(question).iter().take(question.chars().count()) {
            let expected = index.search_every_record(q, None, 20);
            let typed = index
                .search_with(q, None, 20, &mut state, &|| false)
                .expect("not superseded");
            assert_eq!(
                typed, expected,
                "{label}: question {q:?} typed after its prefix"
            );
            found += usize::from(!expected.is_empty());
        }
        assert_eq!(
            index.search(question, None, 3),
            index.search_every_record(question, None, 3),
            "{label}: {question:?}, 3 hits"
        );
    }
    assert!(found > 0, "{label}: the questions find something");
}

#[test]
fn the_index_finds_what_scoring_every_record_finds_in_the_bundled_data() {
    let data = Dataset::load(&DataSource::Bundled).expect("bundled data");
    check(&SearchIndex::build(&data), "bundled");
}

#[test]
fn the_index_finds_what_scoring_every_record_finds_in_korean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
    let data = Dataset::load(&DataSource::Dir(dir)).expect("fixture data");
    check(&SearchIndex::build(&data), "fixture");
}

/// The index of 1,500 generated records.
fn generated() -> SearchIndex {
    let dir = tempfile::tempdir().expect("a temporary directory");
    synth::write(1_500, dir.path()).expect("generated");
    let data = Dataset::load(&DataSource::Dir(dir.path().to_path_buf())).expect("generated data");
    SearchIndex::build(&data)
}

#[test]
fn the_index_finds_what_scoring_every_record_finds_in_1500_generated_records() {
    let index = generated();
    assert!(index.len() >= 1_450, "{} records", index.len());
    check(&index, "generated");
}

#[test]
fn a_superseded_search_stops_and_leaves_its_state_usable() {
    let index = generated();
    let mut state = SearchState::default();
    index
        .search_with("ste", None, 50, &mut state, &|| false)
        .expect("not superseded");
    // Superseded at the first look.
    assert_eq!(
        index.search_with("stem", None, 50, &mut state, &|| true),
        None
    );
    // Superseded part way: at the last of its looks, after the work before it was done.
    let looks = AtomicUsize::new(0);
    let whole = index.search_with("stem c", None, 50, &mut state.clone(), &|| {
        looks.fetch_add(1, Ordering::Relaxed);
        false
    });
    assert!(whole.is_some_and(|h| !h.is_empty()));
    let looks = looks.load(Ordering::Relaxed);
    assert!(looks >= 2, "a search looks more than once ({looks})");
    let seen = AtomicUsize::new(0);
    let part_way = index.search_with("stem c", None, 50, &mut state, &|| {
        seen.fetch_add(1, Ordering::Relaxed) + 1 >= looks
    });
    assert_eq!(part_way, None);
    // The state still gives the right answer afterwards.
    assert_eq!(
        index.search_with("stem ce", None, 50, &mut state, &|| false),
        Some(index.search_every_record("stem ce", None, 50))
    );
}
