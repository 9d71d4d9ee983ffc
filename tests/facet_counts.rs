//! The facet table's fast paths against counting from scratch: the counts it keeps from its build
//! (nothing chosen), the counts under choices, the records a choice keeps and the orders of a sort
//! are each worked out again here from the values every record has, the slow way, on the bundled
//! data, the Korean fixture and generated records. A kept count gone stale, or a value numbered
//! wrong, fails here.

#[allow(dead_code)] // the generator's command-line parts are not used here
#[path = "../examples/synth.rs"]
mod synth;

#[path = "common/lib.rs"]
mod common;

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::Kind;
use clinic_explorer::query::Field;
use clinic_explorer::query::facet::{FacetTable, facets_of};
use clinic_explorer::query::sort::{SortKey, sort};
use std::collections::{BTreeSet, HashMap};

/// Every dataset tried: the bundled data, the fixture and 2,000 generated records.
fn datasets() -> Vec<(&'static str, Dataset)> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    synth::write(2_000, dir.path()).expect("generated");
    let generated = Dataset::load(&DataSource::Dir(dir.path().to_path_buf())).expect("loads");
    vec![
        (
            "bundled",
            Dataset::load(&DataSource::Bundled).expect("bundled"),
        ),
        ("fixture", common::fixture()),
        ("generated", generated),
    ]
}

/// Counts the slow way: each record's distinct values of the field, most first, ties by value.
fn naive_counts(
    t: &FacetTable,
    records: impl Iterator<Item = usize>,
    f: Field,
) -> Vec<(String, usize)> {
    let mut n: HashMap<String, usize> = HashMap::new();
    for r in records {
        let own: BTreeSet<&str> = t.values(r, f).collect();
        for v in own {
            *n.entry(v.to_owned()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> = n.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// True when record `r` has one of the texts chosen for each facet with choices.
fn passes(t: &FacetTable, r: usize, chosen: &[(Field, String)], except: Option<Field>) -> bool {
    let mut facets: Vec<Field> = chosen.iter().map(|c| c.0).collect();
    facets.dedup();
    facets.into_iter().filter(|&f| Some(f) != except).all(|f| {
        chosen
            .iter()
            .filter(|c| c.0 == f)
            .any(|c| t.values(r, f).any(|v| v == c.1))
    })
}

/// The choices tried for a kind: none, the commonest value of the first facet, two values of it,
/// one of each of the first two facets, a value of the last facet with values, and a text no
/// record has.
fn choice_sets(t: &FacetTable, kind: Kind) -> Vec<Vec<(Field, String)>> {
    let facets = facets_of(kind);
    let values = |f: Field| naive_counts(t, t.range(kind), f);
    let mut sets = vec![vec![]];
    let first = values(facets[0]);
    if let Some(a) = first.first() {
        sets.push(vec![(facets[0], a.0.clone())]);
        if let Some(b) = first.get(1) {
            sets.push(vec![(facets[0], a.0.clone()), (facets[0], b.0.clone())]);
        }
        if let Some(c) = values(facets[1]).last() {
            sets.push(vec![(facets[0], a.0.clone()), (facets[1], c.0.clone())]);
        }
    }
    if let Some((&f, v)) = facets
        .iter()
        .rev()
        .map(|f| (f, values(*f)))
        .find(|(_, v)| !v.is_empty())
    {
        sets.push(vec![(f, v[v.len() / 2].0.clone())]);
    }
    sets.push(vec![(facets[0], "no such value".into())]);
    sets
}

fn numbers(t: &FacetTable, kind: Kind, chosen: &[(Field, String)]) -> Vec<(Field, Vec<u32>)> {
    t.chosen_numbers(facets_of(kind), chosen)
}

#[test]
fn the_panel_counts_and_the_records_kept_are_those_counted_from_scratch() {
    for (name, data) in datasets() {
        let t = FacetTable::build(&data);
        for kind in Kind::ALL {
            let facets = facets_of(kind);
            for chosen in choice_sets(&t, kind) {
                let wanted = numbers(&t, kind, &chosen);
                // Twice: a count kept or cached from the first must not change the second.
                for _ in 0..2 {
                    let panel = t.panel_counts(t.range(kind), facets, &wanted);
                    for (i, &f) in facets.iter().enumerate() {
                        let others = t.range(kind).filter(|&r| passes(&t, r, &chosen, Some(f)));
                        assert_eq!(
                            panel[i],
                            naive_counts(&t, others, f),
                            "{name} {kind:?} {f:?} {chosen:?}"
                        );
                    }
                }
                let kept: Vec<usize> = t
                    .range(kind)
                    .filter(|&r| passes(&t, r, &chosen, None))
                    .collect();
                assert_eq!(
                    t.keep(t.range(kind), &wanted),
                    kept,
                    "{name} {kind:?} {chosen:?}"
                );
            }
        }
        // Over every record at once (kinds mixed), and over part of a kind.
        for f in [Field::Category, Field::Country, Field::For, Field::Layer] {
            assert_eq!(
                t.counts(0..t.len(), f),
                naive_counts(&t, 0..t.len(), f),
                "{name} {f:?}"
            );
            let panel = t.panel_counts(0..t.len(), &[f], &[]);
            assert_eq!(panel[0], naive_counts(&t, 0..t.len(), f), "{name} {f:?}");
        }
        let clinics = t.range(Kind::Clinic);
        let half = clinics.start..clinics.start + clinics.len() / 2;
        let panel = t.panel_counts(half.clone(), facets_of(Kind::Clinic), &[]);
        for (i, &f) in facets_of(Kind::Clinic).iter().enumerate() {
            assert_eq!(panel[i], naive_counts(&t, half.clone(), f), "{name} {f:?}");
        }
    }
}

#[test]
fn a_sort_orders_as_the_folded_texts_do() {
    for (name, data) in datasets() {
        let t = FacetTable::build(&data);
        for (kind, key, field) in [
            (Kind::Clinic, SortKey::Name, None),
            (Kind::Cost, SortKey::Name, None),
            (Kind::Therapy, SortKey::Name, None),
            (Kind::Clinic, SortKey::District, Some(Field::District)),
            (Kind::Clinic, SortKey::Country, Some(Field::Country)),
            (Kind::Cost, SortKey::Country, Some(Field::Country)),
        ] {
            for desc in [false, true] {
                // A shuffled start: ties keep the order given.
                let mut records: Vec<usize> = t.range(kind).collect();
                records.reverse();
                let third = records.len() / 3;
                records.rotate_left(third);
                let mut slow = records.clone();
                let text = |r: usize| -> Option<String> {
                    match field {
                        None => Some(t.folded_name(r).to_owned()),
                        Some(f) => t.folded_values(r, f).last().map(str::to_owned),
                    }
                };
                slow.sort_by(|&a, &b| match (text(a), text(b)) {
                    (Some(x), Some(y)) if desc => y.cmp(&x),
                    (Some(x), Some(y)) => x.cmp(&y),
                    (x, y) => y.is_some().cmp(&x.is_some()),
                });
                sort(&t, &mut records, key, desc, None);
                assert_eq!(records, slow, "{name} {kind:?} {key:?} desc {desc}");
            }
        }
    }
}
