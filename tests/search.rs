//! Relevance: the words people bring from a consultation or an article land on the right record.

use clinic_explorer::dataset::{DataSource, Dataset};
use clinic_explorer::model::Kind;
use clinic_explorer::search::SearchIndex;
use std::path::Path;

fn index(source: &DataSource) -> SearchIndex {
    SearchIndex::build(&Dataset::load(source).expect("valid data"))
}

/// Asserts that `id` of `kind` is among the first `within` hits for `query`.
fn expect(
    index: &SearchIndex,
    query: &str,
    kind: Kind,
    id: &str,
    within: usize,
) -> Result<(), String> {
    let hits = index.search(query, None, 10);
    let rank = hits.iter().position(|h| h.kind == kind && h.id == id);
    match rank {
        Some(r) if r < within => Ok(()),
        _ => Err(format!(
            "{query:?}: expected {kind} {id} in the top {within}, got {:?}",
            hits.iter()
                .take(5)
                .map(|h| format!("{}:{}", h.kind, h.id))
                .collect::<Vec<_>>()
        )),
    }
}

#[test]
fn relevance_table_over_the_bundled_data() {
    use Kind::*;
    let idx = index(&DataSource::Bundled);
    let table: &[(&str, Kind, &str, usize)] = &[
        // Abbreviations.
        ("LPP", Condition, "lichen-planopilaris", 1),
        (
            "CCCA",
            Condition,
            "central-centrifugal-cicatricial-alopecia",
            1,
        ),
        ("FFA", Condition, "frontal-fibrosing-alopecia", 1),
        ("ADSCs", Therapy, "adipose-derived-stem-cells", 1),
        ("SMP", Therapy, "scalp-micropigmentation", 1),
        ("PRP", Therapy, "platelet-rich-plasma", 1),
        ("FUE", Therapy, "follicular-unit-extraction", 1),
        ("iPSC", Therapy, "induced-pluripotent-stem-cells", 1),
        ("C-3-3", Travel, "c-3-3-medical-visa", 2),
        // Aliases and pseudonyms.
        (
            "hot comb",
            Condition,
            "central-centrifugal-cicatricial-alopecia",
            1,
        ),
        (
            "follicular degeneration syndrome",
            Condition,
            "central-centrifugal-cicatricial-alopecia",
            1,
        ),
        ("raised scars", Condition, "hypertrophic-scars", 1),
        ("CureJet", Therapy, "needle-free-jet-delivery", 1),
        ("doxycycline", Therapy, "oral-antibiotics", 1),
        ("rose exosomes", Therapy, "damask-rose-exosomes", 1),
        ("cicatricial alopecia", Condition, "scarring-alopecia", 1),
        // Names and partial words.
        ("lichen", Condition, "lichen-planopilaris", 1),
        ("buffy coat", Therapy, "buffy-coat-isolation", 1),
        ("Brocq", Condition, "brocq-pseudopelade", 1),
        ("hyaluronic", Therapy, "hyaluronic-acid-injections", 1),
        ("Regenera", Therapy, "regenera-activa", 1),
        ("fibroblasts", Therapy, "scalp-derived-fibroblasts", 1),
        ("stem cell facial", Therapy, "stem-cell-facial", 1),
        ("NovaStem", Therapy, "novastem-kit", 1),
        ("Cellinique", Clinic, "cellinique-clinic", 1),
        // Districts, doctors, techniques.
        ("Cheongdam", Clinic, "lydian-plastic-surgery-clinic", 1),
        ("Sinsa", Clinic, "sh-clinic", 1),
        ("Chris Kim", Clinic, "cellinique-clinic", 1),
        ("An Kyung Chun", Clinic, "lydian-plastic-surgery-clinic", 1),
        ("Jae-Hyun Park", Clinic, "dana-plastic-surgery-clinic", 1),
        ("Hee Jin Kim", Clinic, "pureenmd-skin", 1),
        ("WA Program", Clinic, "sh-clinic", 1),
        // Typos: one wrong, missing, extra or swapped letter.
        ("alopcia areata", Condition, "alopecia-areata", 3),
        ("planopilarsi", Condition, "lichen-planopilaris", 3),
        ("keliod", Condition, "keloids", 3),
        ("hypertrophik scars", Condition, "hypertrophic-scars", 3),
        ("osteoarthritiss", Condition, "osteoarthritis", 3),
        ("microneedlng", Therapy, "microneedling", 3),
        ("cordblood", Therapy, "allogeneic-cord-blood-stem-cells", 1),
        // Numbers.
        ("1339", Travel, "help-1339-kdca-call-centre", 2),
    ];
    let failures: Vec<String> = table
        .iter()
        .filter_map(|&(q, kind, id, within)| expect(&idx, q, kind, id, within).err())
        .collect();
    assert!(table.len() >= 30);
    assert!(
        failures.is_empty(),
        "{} of {} queries failed:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

#[test]
fn korean_text_in_the_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
    let idx = index(&DataSource::Dir(dir));
    let decomposed = "\u{1100}\u{1161}\u{11BC}\u{1102}\u{1161}\u{11B7}"; // 강남 as conjoining jamo
    for (q, kind, id) in [
        ("강남", Kind::Clinic, "test-gangnam-clinic"),
        (decomposed, Kind::Clinic, "test-gangnam-clinic"),
        ("모낭", Kind::Condition, "lichen-planopilaris"),
        ("편평태선", Kind::Condition, "lichen-planopilaris"),
        ("테스트 강남 의원", Kind::Clinic, "test-gangnam-clinic"),
    ] {
        expect(&idx, q, kind, id, 1).unwrap();
    }
}

#[test]
fn hits_report_field_and_positions_of_matched_letters() {
    let idx = index(&DataSource::Bundled);
    let hit = &idx.search("hot comb", None, 1)[0];
    assert_eq!(hit.field, "alias");
    let chars: Vec<char> = hit.matched.chars().collect();
    let matched: String = hit.positions.iter().map(|&p| chars[p]).collect();
    assert_eq!(matched.to_lowercase(), "hot comb");
}

#[test]
fn ranking_is_stable_and_prefers_names() {
    let idx = index(&DataSource::Bundled);
    let a = idx.search("stem", None, 20);
    let b = idx.search("stem", None, 20);
    assert_eq!(a, b);
    for w in a.windows(2) {
        assert!(w[0].score >= w[1].score);
    }
    // An exact alias beats everything else.
    assert_eq!(idx.search("smp", None, 1)[0].id, "scalp-micropigmentation");
}

#[test]
fn kind_filter_and_empty_queries() {
    let idx = index(&DataSource::Bundled);
    assert!(
        idx.search("gangnam", Some(Kind::Clinic), 10)
            .iter()
            .all(|h| h.kind == Kind::Clinic)
    );
    assert!(idx.search("   ", None, 10).is_empty());
    assert!(idx.search("zzzzqqqqxxxx", None, 10).is_empty());
}
