//! What the line-by-line audit of the data against the documents (data/AUDIT.md) found and fixed:
//! each corrected figure, attribution and evidence level, the linked disagreements, and the facts
//! that must be reachable from the command line.

use clinic_explorer::dataset::{DataSource, Dataset};
use clinic_explorer::model::{ClaimBy, Evidence, Kind, Qualifier, Unit};
use std::process::Command;

fn data() -> Dataset {
    Dataset::load(&DataSource::Bundled).expect("bundled data is valid")
}

fn cli(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(args)
        .arg("--no-config")
        .env_remove("CLINIC_EXPLORER_DATA")
        .env_remove("CLINIC_EXPLORER_CURRENCY")
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{args:?}");
    String::from_utf8(o.stdout).unwrap()
}

/// Every therapy's evidence level as the documents state it, with the words that state it. A level
/// the documents do not state is `NotStated`; any other level here is a defect (an upgrade).
const EVIDENCE: &[(&str, Evidence, &str)] = &[
    (
        "autologous-stem-cell-therapy",
        Evidence::Investigational,
        "currently considered investigational",
    ),
    (
        "allogeneic-stem-cell-therapy",
        Evidence::Investigational,
        "stem cell therapy for acne scars is still experimental",
    ),
    (
        "scalp-derived-fibroblasts",
        Evidence::Investigational,
        "stem cell-based hair loss therapies ... investigational",
    ),
    (
        "adipose-derived-stem-cells",
        Evidence::Investigational,
        "stem cell-based hair loss therapies ... investigational",
    ),
    (
        "bone-marrow-derived-stem-cells",
        Evidence::Investigational,
        "stem cell-based hair loss therapies ... investigational",
    ),
    (
        "peripheral-blood-stem-cells",
        Evidence::Investigational,
        "stem cell-based hair loss therapies ... investigational",
    ),
    (
        "stem-cell-education-therapy",
        Evidence::Investigational,
        "stem cell-based hair loss therapies ... investigational",
    ),
    (
        "adult-stem-cells",
        Evidence::Investigational,
        "investigational (hair) / experimental (acne scars)",
    ),
    (
        "mesenchymal-stem-cells",
        Evidence::Investigational,
        "investigational (hair) / experimental (acne scars)",
    ),
    (
        "intravenous-mesenchymal-stem-cells",
        Evidence::Investigational,
        "largely in the realm of advanced research",
    ),
    (
        "allogeneic-cord-blood-stem-cells",
        Evidence::Investigational,
        "part of an investigational hair treatment",
    ),
    (
        "stromal-vascular-fraction",
        Evidence::Investigational,
        "currently being studied (NCT03078686)",
    ),
    (
        "autologous-dermal-papilla-cell-therapy",
        Evidence::Investigational,
        "still investigational",
    ),
    (
        "induced-pluripotent-stem-cells",
        Evidence::ResearchOnly,
        "primarily in research and early-stage trials",
    ),
    (
        "embryonic-stem-cells",
        Evidence::ResearchOnly,
        "primarily research-focused",
    ),
    (
        "stem-cell-derived-exosomes",
        Evidence::Investigational,
        "being explored; acne-scar stem cell therapy still experimental",
    ),
    (
        "damask-rose-exosomes",
        Evidence::NotStated,
        "sometimes explored, reported helpful in some studies: no level",
    ),
    (
        "platelet-rich-plasma",
        Evidence::Established,
        "paired with established treatments ... PRP and Fat Transfer",
    ),
    (
        "sdf-1-alpha-injections",
        Evidence::NotStated,
        "a clinic profile only",
    ),
    (
        "cosmerna",
        Evidence::Investigational,
        "an early-stage treatment rather than a proven therapy",
    ),
    (
        "corticosteroid-injections",
        Evidence::Established,
        "Conventional Treatments",
    ),
    (
        "hydroxychloroquine",
        Evidence::Established,
        "Conventional Treatments",
    ),
    (
        "oral-antibiotics",
        Evidence::Established,
        "Conventional Treatments",
    ),
    (
        "biologics-and-immunosuppressants",
        Evidence::Established,
        "Conventional Treatments",
    ),
    (
        "topical-medications",
        Evidence::Established,
        "Conventional Treatments",
    ),
    (
        "hyaluronic-acid-injections",
        Evidence::NotStated,
        "named as a companion only",
    ),
    (
        "testosterone-replacement-therapy",
        Evidence::NotStated,
        "teasers only",
    ),
    ("acetaminophen", Evidence::NotStated, "aftercare only"),
    (
        "hair-transplant",
        Evidence::Established,
        "Conventional Treatments",
    ),
    (
        "follicular-unit-extraction",
        Evidence::Established,
        "Conventional Treatments",
    ),
    (
        "follicular-unit-transplantation",
        Evidence::Established,
        "a common transplant technique",
    ),
    (
        "scalp-micropigmentation",
        Evidence::NotStated,
        "no document states a level",
    ),
    (
        "scalp-micropigmentation-with-hair-transplant",
        Evidence::NotStated,
        "an innovative approach",
    ),
    (
        "scalp-botox",
        Evidence::NotStated,
        "widely used, no evidence cited",
    ),
    (
        "fat-transfer",
        Evidence::Established,
        "paired with established treatments",
    ),
    (
        "subcision",
        Evidence::Established,
        "paired with established treatments",
    ),
    ("radiesse", Evidence::NotStated, "an adjunct only"),
    ("stem-cell-facial", Evidence::NotStated, "a price only"),
    (
        "laser-therapy",
        Evidence::Established,
        "paired with established treatments",
    ),
    (
        "fractional-co2-laser",
        Evidence::Established,
        "paired with established treatments",
    ),
    (
        "radiofrequency-treatment",
        Evidence::Established,
        "paired with established treatments",
    ),
    (
        "intense-pulsed-light",
        Evidence::Established,
        "paired with established treatments",
    ),
    (
        "microneedling",
        Evidence::Established,
        "paired with established treatments",
    ),
    (
        "needle-free-jet-delivery",
        Evidence::NotStated,
        "no studies cited",
    ),
    (
        "arthroscopic-delivery",
        Evidence::NotStated,
        "a current trend",
    ),
    (
        "ultrasound-guided-injection",
        Evidence::Established,
        "standard practice",
    ),
    ("liposuction", Evidence::NotStated, "a harvesting step"),
    (
        "bone-marrow-aspiration",
        Evidence::NotStated,
        "a harvesting step",
    ),
    (
        "scalp-biopsy",
        Evidence::Established,
        "Diagnosis usually includes",
    ),
    (
        "regenera-activa",
        Evidence::NotStated,
        "an example device only",
    ),
    ("novastem-kit", Evidence::NotStated, "a clinic profile only"),
    (
        "buffy-coat-isolation",
        Evidence::NotStated,
        "a clinic profile only",
    ),
    (
        "blood-purification",
        Evidence::NotStated,
        "clinic profiles only",
    ),
];

#[test]
fn evidence_is_as_the_documents_state_it_and_never_upgraded() {
    let data = data();
    let mut wrong = Vec::new();
    for t in &data.therapies {
        match EVIDENCE.iter().find(|(id, ..)| *id == t.id.as_str()) {
            Some((_, stated, _)) if *stated == t.evidence => {}
            Some((_, stated, why)) => wrong.push(format!(
                "{}: data says {:?}, the documents {:?} ({why})",
                t.id, t.evidence, stated
            )),
            None => wrong.push(format!(
                "{}: not in the table of stated levels; add it with the words that state it",
                t.id
            )),
        }
        if t.evidence == Evidence::NotStated {
            let note = t.evidence_note.as_deref().unwrap_or("");
            assert!(
                !note.is_empty(),
                "{}: a level not stated needs a note of what the documents say",
                t.id
            );
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn scalp_micropigmentation_is_not_stated_with_what_the_documents_say() {
    let data = data();
    let smp = data.therapy("scalp-micropigmentation").unwrap();
    assert_eq!(smp.evidence, Evidence::NotStated);
    let note = smp.evidence_note.as_deref().unwrap();
    assert!(note.contains("No document states a level"), "{note}");
    assert!(
        note.contains("low-risk") && note.contains("no real hair"),
        "{note}"
    );
}

#[test]
fn the_open_topped_orthopaedic_price_has_its_upper_figure() {
    let data = data();
    let c = data
        .cost("complex-orthopaedic-stem-cell-therapy-south-korea-per-session-2026")
        .unwrap();
    assert_eq!(
        (c.min, c.max, c.qualifier),
        (Some(15_000), Some(40_000), Some(Qualifier::Plus))
    );
    assert_eq!(clinic_explorer::money::range_text(c), "$15,000–$40,000+");
}

#[test]
fn qualifiers_are_the_documents_own() {
    let data = data();
    let q = |id: &str| {
        let c = data.cost(id).unwrap();
        (clinic_explorer::money::range_text(c), c.qualifier)
    };
    assert_eq!(
        q("stem-cell-therapy-for-hair-loss-australia"),
        ("near $7,500".into(), Some(Qualifier::Near))
    );
    assert_eq!(
        q("stem-cell-therapy-for-hair-loss-uk-canada"),
        ("over $15,000".into(), Some(Qualifier::Over))
    );
    assert_eq!(
        q("stem-cell-facial-south-korea"),
        ("from about ₩869,000".into(), Some(Qualifier::FromAbout))
    );
    assert_eq!(
        q("acne-treatment-mexico"),
        ("as low as $67".into(), Some(Qualifier::AsLowAs))
    );
    assert_eq!(
        q("general-stem-cell-therapy-south-korea-average"),
        ("$14,413 on average".into(), Some(Qualifier::Average))
    );
}

#[test]
fn cosmernas_figure_is_the_brands_claim_and_doctors_are_named() {
    let data = data();
    let t = data.therapy("cosmerna").unwrap();
    let c = t.claims.iter().find(|c| c.text.contains("86%")).unwrap();
    assert_eq!((c.by, c.who.as_deref()), (ClaimBy::Brand, Some("CosmeRNA")));
    let d = data.describe(Kind::Therapy, "cosmerna").unwrap();
    assert!(
        d.claims.iter().any(|l| l.by == "the brand, CosmeRNA"),
        "{:?}",
        d.claims
    );
    let m = data.therapy("microneedling").unwrap();
    let quote = m.claims.iter().find(|c| c.text.contains("future")).unwrap();
    assert_eq!(quote.by, ClaimBy::Doctor);
    assert!(quote.who.as_deref().unwrap().starts_with("Dr. Eunice Park"));
    // Quoted doctors are named, not made into "a Seoul dermatologist".
    let all = format!("{:?}{:?}", data.therapies, data.conditions);
    assert!(!all.contains("Seoul dermatologist") && !all.contains("US dermatologist"));
}

#[test]
fn fat_reabsorption_is_a_share_of_the_fat_not_a_rate_of_patients() {
    let data = data();
    for id in ["adipose-derived-stem-cells", "fat-transfer"] {
        let t = data.therapy(id).unwrap();
        let e = t
            .side_effects
            .iter()
            .find(|s| s.effect.contains("reabsorbed") || s.effect.contains("Reabsorption"))
            .unwrap_or_else(|| panic!("{id}: no reabsorption"));
        assert_eq!(e.rate, None, "{id}: 65% is not a side-effect rate");
        assert!(e.effect.contains("up to 65%") && e.effect.contains("not of patients"));
    }
}

#[test]
fn the_articles_text_and_its_table_disagree_and_each_shows_the_other() {
    let data = data();
    for (text, table, text_fig, table_fig) in [
        (
            "stem-cell-therapy-for-hair-loss-turkey-mexico-thailand-and-others",
            "stem-cell-therapy-mexico-turkey-thailand",
            "$2,000–$10,000",
            "$2,000–$13,000",
        ),
        (
            "stem-cell-therapy-for-hair-loss-uk-canada",
            "general-stem-cell-therapy-uk-canada",
            "over $15,000",
            "$15,000–$25,000",
        ),
        (
            "stem-cell-therapy-for-hair-loss-turkey-mexico-thailand-and-others",
            "stem-cell-therapy-other-countries",
            "$2,000–$10,000",
            "$825–$14,000",
        ),
        (
            "general-stem-cell-therapy-thailand",
            "stem-cell-therapy-mexico-turkey-thailand",
            "$1,900–$31,883",
            "$2,000–$13,000",
        ),
        (
            "general-stem-cell-therapy-turkey",
            "stem-cell-therapy-mexico-turkey-thailand",
            "$4,108–$16,410",
            "$2,000–$13,000",
        ),
        (
            "general-stem-cell-therapy-thailand",
            "stem-cell-therapy-for-hair-loss-turkey-mexico-thailand-and-others",
            "$1,900–$31,883",
            "$2,000–$10,000",
        ),
        (
            "general-stem-cell-therapy-turkey",
            "stem-cell-therapy-for-hair-loss-turkey-mexico-thailand-and-others",
            "$4,108–$16,410",
            "$2,000–$10,000",
        ),
        // Two Korean per-session prices: the 2026 guide's and the scarring-alopecia article's.
        (
            "anti-aging-stem-cell-therapy-south-korea-per-session-2026",
            "stem-cell-therapy-for-hair-loss-south-korea-per-session",
            "$5,000–$15,000",
            "$2,500–$6,000",
        ),
    ] {
        for (id, other, own, theirs) in [
            (text, table, text_fig, table_fig),
            (table, text, table_fig, text_fig),
        ] {
            let c = data.cost(id).unwrap();
            assert_eq!(clinic_explorer::money::range_text(c), own);
            assert!(c.disagrees_with.iter().any(|d| d.as_str() == other), "{id}");
            let d = data.describe(Kind::Cost, id).unwrap();
            let differs: Vec<&str> = d
                .fields
                .iter()
                .filter(|f| f.label == "Differs from")
                .map(|f| f.value.as_str())
                .collect();
            assert!(
                differs
                    .iter()
                    .any(|v| v.contains(theirs) && v.contains(other)),
                "{id}: {differs:#?}"
            );
            assert!(
                d.links
                    .iter()
                    .any(|l| l.items.iter().any(|i| i.id == other))
            );
            // And the command line shows it in every format.
            for format in ["text", "markdown", "json"] {
                let out = cli(&["show", "cost", id, "--format", format]);
                assert!(out.contains(theirs), "show {id} --format {format}");
            }
        }
    }
}

#[test]
fn savings_and_the_germany_row_are_reachable_from_the_command_line() {
    let id = "stem-cell-therapy-for-hair-loss-south-korea-full-course";
    for format in ["text", "markdown", "json"] {
        let out = cli(&["show", "cost", id, "--format", format]);
        for want in ["60–75%", "Western Europe", "Germany", "40–60%", "High"] {
            assert!(out.contains(want), "show {id} --format {format}: no {want}");
        }
    }
    let general = cli(&["show", "cost", "general-stem-cell-therapy-south-korea"]);
    assert!(
        general.contains("compared with the US: 60–75%"),
        "{general}"
    );
}

#[test]
fn savings_are_not_tied_to_a_price_the_article_does_not_name() {
    let data = data();
    for id in [
        "saving-south-korea-vs-united-states",
        "saving-south-korea-vs-western-europe",
        "saving-south-korea-vs-germany",
    ] {
        let p = data
            .costs
            .percentages
            .iter()
            .find(|p| p.id.as_str() == id)
            .unwrap();
        assert!(
            p.costs.is_empty(),
            "{id}: the article names no price it applies to"
        );
        assert!(p.note.contains("does not say which"), "{id}: {}", p.note);
    }
    let id = "stem-cell-therapy-for-hair-loss-south-korea-full-course";
    let d = data.describe(Kind::Cost, id).unwrap();
    let savings: Vec<&str> = d
        .fields
        .iter()
        .filter(|f| f.label == "Saving")
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(savings.len(), 3, "{savings:#?}");
    assert!(
        savings
            .iter()
            .all(|v| v.contains("not tied to this figure")),
        "{savings:#?}"
    );
    for format in ["text", "markdown", "json"] {
        let out = cli(&["show", "cost", id, "--format", format]);
        assert!(out.contains("not tied to this figure"), "{format}");
    }
    // Another country's price is not given a Korean saving.
    let us = data
        .describe(Kind::Cost, "stem-cell-therapy-for-hair-loss-united-states")
        .unwrap();
    assert!(!us.fields.iter().any(|f| f.label == "Saving"));
}

#[test]
fn no_price_carries_a_unit_no_document_uses() {
    let data = data();
    for c in &data.costs.ranges {
        assert_ne!(
            c.unit,
            Unit::FullCourse,
            "{}: no document prices a full course",
            c.id
        );
        assert!(!c.name.contains("full course"), "{}", c.id);
        assert!(!c.summary.contains("full course"), "{}", c.id);
    }
    let c = data
        .cost("stem-cell-therapy-for-hair-loss-south-korea-full-course")
        .unwrap();
    assert_eq!(c.unit, Unit::PerTreatment);
    assert!(c.summary.contains("does not say what the figure covers"));
}

#[test]
fn exosomes_are_investigational_as_the_documents_say() {
    let data = data();
    let t = data.therapy("stem-cell-derived-exosomes").unwrap();
    assert_eq!(t.evidence, Evidence::Investigational);
    let note = t.evidence_note.as_deref().unwrap();
    assert!(
        note.contains("explored") && note.contains("experimental"),
        "{note}"
    );
    assert!(
        note.contains("describes the field, not the evidence"),
        "{note}"
    );
    for id in [
        "novastem-kit",
        "buffy-coat-isolation",
        "damask-rose-exosomes",
        "regenera-activa",
    ] {
        let t = data.therapy(id).unwrap();
        assert_eq!(t.evidence, Evidence::NotStated, "{id}");
        let note = t.evidence_note.as_deref().unwrap();
        assert!(
            note.starts_with("No document states a level"),
            "{id}: {note}"
        );
    }
}

#[test]
fn quotes_belong_to_the_doctors_who_said_them() {
    let data = data();
    let all_text = |c: &clinic_explorer::model::Condition| {
        let mut t = c.summary.clone();
        for n in &c.notes {
            t.push_str(&n.text);
        }
        t
    };
    // CosmeRNA "early-stage": Dr. Hee Jin Kim alone.
    let aga = all_text(data.condition("androgenetic-alopecia").unwrap());
    assert!(!aga.contains("doctors quoted call it early-stage"), "{aga}");
    assert!(aga.contains("Dr. Hee Jin Kim") && aga.contains("early-stage"));
    let hair = data.condition("hair-loss").unwrap();
    assert!(!hair.summary.contains("most are early-stage"));
    assert!(
        hair.summary
            .contains("Dr. Hee Jin Kim calls CosmeRNA early-stage")
    );
    // Dr. Eunice Park's "future" is microneedling, not the needle-free devices.
    let airem = data.clinic("airem").unwrap();
    assert!(
        airem
            .summary
            .contains("calls microneedling the future of getting products into the scalp"),
        "{}",
        airem.summary
    );
    assert!(!airem.summary.contains("calling them the future"));
    let jet = data.therapy("needle-free-jet-delivery").unwrap();
    assert!(jet.claims.iter().all(|c| !c.text.contains("future")));
    // The warning on Korean treatments is Dr. Kopelman's, not the feature's.
    let botox = data.therapy("scalp-botox").unwrap();
    let note = botox.evidence_note.as_deref().unwrap();
    assert!(
        note.contains("Dr. Ross Kopelman") && !note.contains("the feature cautions"),
        "{note}"
    );
    // And Dr. Daewoo Kim's words are his.
    let notes = all_text(hair);
    assert!(notes.contains("Dr. Daewoo Kim names reproducibility, cost and scalability"));
    assert!(
        notes.contains(
            "Dr. Daewoo Kim says Korean protocols treat microneedle delivery as essential"
        )
    );
}

#[test]
fn the_blog_clinics_are_the_blogs_listing_not_our_recommendation() {
    let data = data();
    let sh = data.clinic("sh-clinic").unwrap();
    assert!(
        sh.summary.starts_with("Listed by the Medical Tourism Blog"),
        "{}",
        sh.summary
    );
    assert!(
        sh.summary
            .contains("everything here is the blog's description")
    );
    assert!(sh.claims.iter().all(|c| c.by == ClaimBy::Article));
    for c in &data.clinics {
        for a in &c.attributes {
            assert!(
                !a.value().contains("Recommended"),
                "{}: {}",
                c.id,
                a.value()
            );
        }
        assert!(!c.summary.contains("recommended"), "{}", c.id);
    }
    for id in [
        "cellinique-clinic",
        "sh-clinic",
        "lydian-plastic-surgery-clinic",
        "theplus-plastic-surgery",
    ] {
        let c = data.clinic(id).unwrap();
        let m = c
            .attributes
            .iter()
            .find(|a| a.name() == "Mentioned as")
            .unwrap();
        assert!(
            m.value()
                .starts_with("Named by the article among its \"best clinics in Korea\""),
            "{id}"
        );
    }
}

#[test]
fn sinsa_alone_is_not_placed_in_gangnam_gu() {
    let data = data();
    let g = clinic_explorer::places::Gazetteer::new(&data.places);
    let sh = data.clinic("sh-clinic").unwrap();
    let f = g.fact(sh.district.as_deref(), sh.city.as_deref()).unwrap();
    assert!(!f.text.contains("Gangnam"), "{}", f.text);
    assert!(f.text.contains("Seoul"), "{}", f.text);
    let doubt = f.ambiguity.as_deref().unwrap();
    assert!(
        doubt.contains("more than one Sinsa-dong") && doubt.contains("leaves the district open")
    );
    // Garosu-gil (THE PLUS) is in the Gangnam-gu Sinsa-dong, without doubt.
    let plus = data.clinic("theplus-plastic-surgery").unwrap();
    let f = g
        .fact(plus.district.as_deref(), plus.city.as_deref())
        .unwrap();
    assert_eq!(
        g.at_level(&f, clinic_explorer::model::PlaceLevel::District),
        ["Gangnam-gu"]
    );
    assert_eq!(f.ambiguity, None);
}

#[test]
fn open_figures_keep_the_documents_wording_in_their_text() {
    let data = data();
    for c in &data.costs.ranges {
        let words = match c.qualifier {
            Some(Qualifier::Plus) if c.max.is_none() => "+",
            Some(Qualifier::AsLowAs) => "as low as",
            Some(Qualifier::FromAbout) => "may start around",
            Some(Qualifier::Near) => "near",
            Some(Qualifier::Over) => "above",
            _ => continue,
        };
        assert!(c.summary.contains(words), "{}: {}", c.id, c.summary);
        if c.qualifier != Some(Qualifier::FromAbout) {
            assert!(
                !c.summary.contains("from $") && !c.summary.contains("from as"),
                "{}: {}",
                c.id,
                c.summary
            );
        }
    }
    // Day 7 and day 30 are days, not "about a week" or "about a month".
    for (id, day) in [
        ("follow-up-wound-check-day-7", "day 7"),
        ("follow-up-progress-review-day-30", "day 30"),
    ] {
        let t = data.travel_fact(id).unwrap();
        assert!(
            t.summary.contains(day) && !t.summary.contains("About") && !t.summary.contains("about"),
            "{id}"
        );
    }
    let step = data
        .travel_fact("2026-guide-step-2-pre-arrival-logistics")
        .unwrap();
    assert!(
        step.items
            .iter()
            .any(|i| i.contains("often at preferential rates"))
    );
}

#[test]
fn the_new_reference_numbers_are_there_and_marked_external() {
    let data = data();
    for (id, value) in [
        ("help-112-police", "112"),
        ("help-1345-immigration-contact-centre", "1345"),
        ("help-120-dasan-call-centre", "120"),
    ] {
        let t = data.travel_fact(id).unwrap();
        assert_eq!(t.value.as_deref(), Some(value));
        let s = data.source(&t.sources[0].source).unwrap();
        assert!(s.external && s.retrieved.is_some(), "{id}");
    }
}

#[test]
fn every_record_the_audit_names_exists() {
    let data = data();
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/AUDIT.md"),
    )
    .unwrap();
    let mut rows = 0;
    let mut missing = Vec::new();
    for line in text
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| line"))
    {
        let cells: Vec<&str> = line.split(" | ").collect();
        if cells.len() < 5 || cells[0].trim_start_matches("| ").parse::<u32>().is_err() {
            continue;
        }
        rows += 1;
        for name in cells[2].split(", ").map(|c| c.trim_matches('`')) {
            let found = match name.strip_prefix("source:") {
                Some(s) => data.sources.iter().any(|x| x.id.as_str() == s),
                None => {
                    Kind::ALL.iter().any(|k| data.get(*k, name).is_some())
                        || data.costs.percentages.iter().any(|p| p.id.as_str() == name)
                        || data
                            .costs
                            .exchange_rates
                            .iter()
                            .any(|r| r.id.as_str() == name)
                }
            };
            if !found {
                missing.push(format!("{line}: {name}"));
            }
        }
    }
    assert!(rows > 150, "the audit table has its rows ({rows})");
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_disagreement_is_linked_both_ways() {
    let data = data();
    let mut one_way = Vec::new();
    for c in &data.costs.ranges {
        for d in &c.disagrees_with {
            let back = data
                .cost(d.as_str())
                .is_some_and(|o| o.disagrees_with.contains(&c.id));
            if !back {
                one_way.push(format!("cost {} -> {d}", c.id));
            }
        }
    }
    for t in &data.travel {
        for d in &t.disagrees_with {
            let back = data
                .travel_fact(d.as_str())
                .is_some_and(|o| o.disagrees_with.contains(&t.id));
            if !back {
                one_way.push(format!("travel {} -> {d}", t.id));
            }
        }
    }
    assert!(
        one_way.is_empty(),
        "link back so either shows the other: {one_way:#?}"
    );
}

#[test]
fn the_audits_counts_match_its_rows() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/AUDIT.md"),
    )
    .unwrap();
    let (body, counts) = text.split_once("## Counts").expect("a Counts section");
    let statuses = ["ok", "fixed", "kept both", "external"];
    let mut found: Vec<(String, [u32; 5])> = Vec::new();
    for line in body.lines() {
        if let Some(doc) = line.strip_prefix("## `").and_then(|l| l.strip_suffix('`')) {
            found.push((doc.to_owned(), [0; 5]));
            continue;
        }
        let cells: Vec<&str> = line.split(" | ").map(str::trim).collect();
        if cells.len() < 5 || cells[0].trim_start_matches("| ").parse::<u32>().is_err() {
            continue;
        }
        let status = statuses
            .iter()
            .position(|s| *s == cells[3])
            .unwrap_or_else(|| panic!("unknown status in {line}"));
        let row = &mut found.last_mut().expect("a row under a document").1;
        row[0] += 1;
        row[status + 1] += 1;
    }
    let mut all = [0u32; 5];
    for (doc, n) in &found {
        for (a, b) in all.iter_mut().zip(n) {
            *a += b;
        }
        let want = format!(
            "| `{doc}` | {} | {} | {} | {} | {} |",
            n[0], n[1], n[2], n[3], n[4]
        );
        assert!(counts.contains(&want), "counts say otherwise: {want}");
    }
    let want = format!(
        "| all | {} | {} | {} | {} | {} |",
        all[0], all[1], all[2], all[3], all[4]
    );
    assert!(counts.contains(&want), "{want}");
    assert!(
        counts.contains(&format!("Closing note: {} rows", all[0])),
        "the closing note gives the row count"
    );
}

#[test]
fn a_budget_does_not_say_a_figure_covers_a_whole_course() {
    let out = cli(&[
        "estimate",
        "--cost",
        "stem-cell-therapy-for-hair-loss-south-korea-full-course",
        "--format",
        "json",
    ]);
    assert!(
        !out.contains("whole course") && !out.contains("full course"),
        "{out}"
    );
    assert!(
        out.contains("once (the source does not say how many sessions it covers)"),
        "{out}"
    );
}
