//! The shipped data: it covers what the documents list, and their side-by-side tables can be rebuilt.

use clinic_explorer::compare::Comparison;
use clinic_explorer::dataset::{DataSource, Dataset};
use clinic_explorer::model::{Evidence, Kind, Record};

fn data() -> Dataset {
    Dataset::load(&DataSource::Bundled).expect("bundled data is valid")
}

/// The comparison's row for an attribute; a missing row fails the test.
fn row<'a>(c: &'a Comparison, attr: &str) -> &'a clinic_explorer::compare::Row {
    c.rows
        .iter()
        .find(|r| r.attribute == attr)
        .unwrap_or_else(|| panic!("no row {attr}"))
}

fn assert_all(data: &Dataset, kind: Kind, ids: &str) {
    let missing: Vec<&str> = ids
        .split_whitespace()
        .filter(|id| data.get(kind, id).is_none())
        .collect();
    assert!(missing.is_empty(), "missing {kind} records: {missing:?}");
}

#[test]
fn every_condition_the_documents_list_is_there() {
    assert_all(
        &data(),
        Kind::Condition,
        "scarring-alopecia central-centrifugal-cicatricial-alopecia chronic-cutaneous-lupus-erythematosus
         folliculitis-decalvans lichen-planopilaris frontal-fibrosing-alopecia brocq-pseudopelade
         androgenetic-alopecia alopecia-areata hair-loss-after-chemotherapy-or-radiation hypertrophic-scars
         keloids acne-scars surgical-scars stretch-marks skin-ageing osteoarthritis knee-osteoarthritis
         hip-osteoarthritis shoulder-osteoarthritis ankle-osteoarthritis meniscus-tears tendonitis
         achilles-tendonitis rotator-cuff-tendonitis ligament-injuries acl-tear mcl-tear muscle-strains
         degenerative-disc-disease facet-joint-arthritis erectile-dysfunction female-sexual-dysfunction
         systemic-ageing chronic-inflammation neurodegenerative-diseases autoimmune-diseases
         spinal-cord-injury cardiac-repair",
    );
}

#[test]
fn every_therapy_the_documents_list_is_there() {
    assert_all(
        &data(),
        Kind::Therapy,
        "autologous-stem-cell-therapy allogeneic-stem-cell-therapy scalp-derived-fibroblasts
         adipose-derived-stem-cells bone-marrow-derived-stem-cells peripheral-blood-stem-cells
         stem-cell-education-therapy mesenchymal-stem-cells intravenous-mesenchymal-stem-cells
         allogeneic-cord-blood-stem-cells stromal-vascular-fraction stem-cell-derived-exosomes
         damask-rose-exosomes platelet-rich-plasma fat-transfer microneedling needle-free-jet-delivery
         cosmerna autologous-dermal-papilla-cell-therapy scalp-botox hair-transplant
         follicular-unit-extraction follicular-unit-transplantation scalp-micropigmentation
         scalp-micropigmentation-with-hair-transplant fractional-co2-laser radiofrequency-treatment
         intense-pulsed-light subcision corticosteroid-injections hydroxychloroquine oral-antibiotics
         biologics-and-immunosuppressants hyaluronic-acid-injections arthroscopic-delivery
         ultrasound-guided-injection novastem-kit sdf-1-alpha-injections buffy-coat-isolation radiesse
         blood-purification regenera-activa stem-cell-facial testosterone-replacement-therapy
         induced-pluripotent-stem-cells embryonic-stem-cells",
    );
}

#[test]
fn every_clinic_the_documents_name_is_there() {
    assert_all(
        &data(),
        Kind::Clinic,
        "cellinique-clinic sh-clinic lydian-plastic-surgery-clinic theplus-plastic-surgery
         dana-plastic-surgery-clinic monara-dermatology-clinic pureenmd-skin asan-medical-center
         severance-hospital samsung-medical-center",
    );
}

#[test]
fn research_directions_are_marked_and_research_cells_are_research_only() {
    let d = data();
    for id in [
        "neurodegenerative-diseases",
        "autoimmune-diseases",
        "spinal-cord-injury",
        "cardiac-repair",
    ] {
        assert!(
            d.condition(id).unwrap().research_only,
            "{id} should be research only"
        );
    }
    for id in ["induced-pluripotent-stem-cells", "embryonic-stem-cells"] {
        assert_eq!(
            d.therapy(id).unwrap().evidence,
            Evidence::ResearchOnly,
            "{id}"
        );
    }
}

#[test]
fn scarring_alopecia_has_its_six_types() {
    let d = data();
    let subtypes: Vec<&str> = d
        .subtypes("scarring-alopecia")
        .iter()
        .map(|i| i.as_str())
        .collect();
    for id in [
        "central-centrifugal-cicatricial-alopecia",
        "chronic-cutaneous-lupus-erythematosus",
        "folliculitis-decalvans",
        "lichen-planopilaris",
        "frontal-fibrosing-alopecia",
        "brocq-pseudopelade",
    ] {
        assert!(
            subtypes.contains(&id),
            "{id} is not a subtype: {subtypes:?}"
        );
    }
}

#[test]
fn aliases_the_documents_use_are_there() {
    let d = data();
    let has = |kind: Kind, id: &str, alias: &str| {
        let r = d.get(kind, id).unwrap();
        assert!(
            r.aliases().iter().any(|a| a.eq_ignore_ascii_case(alias)),
            "{id} lacks alias {alias}: {:?}",
            r.aliases()
        );
    };
    has(Kind::Condition, "lichen-planopilaris", "LPP");
    has(Kind::Condition, "hypertrophic-scars", "raised scars");
    has(Kind::Therapy, "adipose-derived-stem-cells", "ADSCs");
    has(Kind::Therapy, "scalp-micropigmentation", "SMP");
}

/// All ten characteristics of the hypertrophic-scar-vs-keloid table, each with both values.
#[test]
fn hypertrophic_scars_vs_keloids_rebuilds_the_ten_row_table() {
    let d = data();
    let c = Comparison::build(&d, Kind::Condition, &["hypertrophic-scars", "keloids"]).unwrap();
    let rows = [
        (
            "Size relative to wound",
            "Confined to original wound boundary",
            "Extends beyond wound boundary",
        ),
        ("Growth beyond borders", "No", "Yes"),
        (
            "Regression over time",
            "Often regresses",
            "Rarely regresses",
        ),
        (
            "Collagen pattern",
            "Wavy, thin, regular",
            "Random, thick, whorled",
        ),
        (
            "Primary collagen type",
            "Type III > Type I",
            "Mostly Type I",
        ),
        ("Myofibroblasts", "Present", "Absent"),
        ("Recurrence after excision", "Lower", "High"),
        ("Ease of treatment", "Easier", "Challenging"),
        (
            "Common locations",
            "Any injury site, often extensor areas",
            "Earlobes, shoulders, chest, back, cheeks, knees",
        ),
        ("Skin type predisposition", "All", "More in darker skin"),
    ];
    for (attr, hyp, kel) in rows {
        let row = row(&c, attr);
        assert_eq!(row.values[0].as_deref(), Some(hyp), "{attr}");
        assert_eq!(row.values[1].as_deref(), Some(kel), "{attr}");
        assert!(row.differs);
    }
}

/// The five points of the SMP-vs-hair-transplant comparison, each with both values.
#[test]
fn smp_vs_hair_transplant_rebuilds_the_five_points() {
    let d = data();
    let c = Comparison::build(
        &d,
        Kind::Therapy,
        &["scalp-micropigmentation", "hair-transplant"],
    )
    .unwrap();
    for attr in [
        "Suitability Based on Hair Loss Type",
        "Treatment Duration and Recovery",
        "Risks and Complications",
        "Visual Outcome and Maintenance",
        "Cost Considerations",
    ] {
        let row = row(&c, attr);
        assert!(
            row.values
                .iter()
                .all(|v| v.as_ref().is_some_and(|s| !s.is_empty())),
            "{attr}: {:?}",
            row.values
        );
    }
}

#[test]
fn autologous_vs_allogeneic_rebuilds_the_six_features() {
    let d = data();
    let c = Comparison::build(
        &d,
        Kind::Therapy,
        &[
            "autologous-stem-cell-therapy",
            "allogeneic-stem-cell-therapy",
        ],
    )
    .unwrap();
    for attr in [
        "Source",
        "Preparation",
        "Immune rejection",
        "Availability",
        "Cost",
        "Regulation",
    ] {
        let row = row(&c, attr);
        assert!(row.values.iter().all(Option::is_some), "{attr}");
    }
}

#[test]
fn autologous_hair_methods_rebuild_table_2() {
    let d = data();
    let ids = [
        "scalp-derived-fibroblasts",
        "adipose-derived-stem-cells",
        "bone-marrow-derived-stem-cells",
        "peripheral-blood-stem-cells",
    ];
    let c = Comparison::build(&d, Kind::Therapy, &ids).unwrap();
    for attr in [
        "Source of cells",
        "Key characteristics / mechanism",
        "Typical procedure time / frequency",
    ] {
        let row = row(&c, attr);
        assert!(
            row.values.iter().all(Option::is_some),
            "{attr}: {:?}",
            row.values
        );
    }
    let t = d.therapy("stem-cell-education-therapy").unwrap();
    assert!(t.attributes().iter().any(|a| a.name() == "Source of cells"));
}

#[test]
fn stem_cell_types_share_source_key_action_and_application() {
    let d = data();
    let c = Comparison::build(
        &d,
        Kind::Therapy,
        &[
            "mesenchymal-stem-cells",
            "adipose-derived-stem-cells",
            "induced-pluripotent-stem-cells",
        ],
    )
    .unwrap();
    for attr in ["Source", "Key action", "Application methods"] {
        let row = row(&c, attr);
        assert!(
            row.values.iter().all(Option::is_some),
            "{attr}: {:?}",
            row.values
        );
    }
}

#[test]
fn the_implied_exchange_rate_is_a_dated_fact() {
    let d = data();
    let r = d
        .costs
        .exchange_rates
        .iter()
        .find(|r| r.krw_per_usd == 1450.0)
        .expect("₩14,500,000 for $10,000");
    assert!(!r.date.is_empty());
    assert!(!r.sources.is_empty());
}

#[test]
fn cost_figures_carry_currency_unit_year_and_source() {
    let d = data();
    assert!(
        d.costs.ranges.len() >= 25,
        "expected every cost figure, got {}",
        d.costs.ranges.len()
    );
    for c in &d.costs.ranges {
        assert!(c.year >= 2024, "{}: year {}", c.id, c.year);
        assert!(!c.sources.is_empty(), "{}", c.id);
    }
    // Open-ended figures stay open: "$200+" a night and "as low as $67".
    assert!(
        d.costs
            .ranges
            .iter()
            .any(|c| c.min == Some(200) && c.max.is_none())
    );
    assert!(
        d.costs
            .ranges
            .iter()
            .any(|c| c.min == Some(67) && c.max.is_none())
    );
    // The KRW scar figure is kept in won.
    assert!(
        d.costs
            .ranges
            .iter()
            .any(|c| c.min == Some(400_000) && c.max == Some(2_500_000))
    );
}

#[test]
fn clinic_praise_is_a_claim_never_a_fact() {
    let d = data();
    let words = ["best", "premier", "leading", "renowned", "top 100"];
    for c in &d.clinics {
        let facts = [&c.summary]
            .into_iter()
            .chain(c.facilities.iter())
            .chain(c.certifications.iter());
        for f in facts {
            let lower = f.to_lowercase();
            for w in words {
                assert!(
                    !lower.contains(w),
                    "{}: \"{w}\" stated as fact in: {f}",
                    c.id
                );
            }
        }
    }
    let cellinique = d.clinic("cellinique-clinic").unwrap();
    assert!(
        cellinique
            .claims
            .iter()
            .any(|c| c.text.to_lowercase().contains("best"))
    );
}

#[test]
fn reference_facts_are_marked_external() {
    let d = data();
    let external: Vec<&str> = d
        .sources
        .iter()
        .filter(|s| s.external)
        .map(|s| s.id.as_str())
        .collect();
    assert!(external.len() >= 8, "{external:?}");
    let g110 = d.travel_fact("g-1-10-medical-treatment-visa").unwrap();
    assert!(
        g110.sources
            .iter()
            .all(|s| external.contains(&s.source.as_str()))
    );
}
