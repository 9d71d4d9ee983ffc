//! Relevance for questions: what patients and coordinators type at a consultation, written from the
//! five source documents (several words, links, places, prices, Korean, the search syntax). Each
//! question names the records that must be among its first three hits. The hit rate is printed
//! (`cargo test --test relevance_questions -- --nocapture`) and reported in BENCHMARKS.md.

use clinic_explorer::dataset::{DataSource, Dataset};
use clinic_explorer::model::Kind;
use clinic_explorer::search::SearchIndex;

use Kind::{Clinic, Condition, Cost, Therapy, Travel};

/// (question, records that must be in the top three).
const QUESTIONS: &[(&str, &[(Kind, &str)])] = &[
    // The eight questions of the issue.
    (
        "exosomes cheongdam",
        &[(Clinic, "lydian-plastic-surgery-clinic")],
    ),
    (
        "frontal fibrosing alopecia treatment options",
        &[(Condition, "frontal-fibrosing-alopecia")],
    ),
    (
        "acne scar price seoul",
        &[(Cost, "scar-stem-cell-therapy-seoul-per-session")],
    ),
    (
        "shoulder stem cell cost",
        &[(Therapy, "mesenchymal-stem-cells")],
    ),
    ("is microneedling proven", &[(Therapy, "microneedling")]),
    ("sinsa clinic", &[(Clinic, "sh-clinic")]),
    ("강남", &[(Clinic, "cellinique-clinic")]),
    ("탈모", &[(Condition, "hair-loss")]),
    // Scarring alopecia (Medical Tourism Blog).
    (
        "scarring alopecia clinic gangnam",
        &[(Clinic, "cellinique-clinic")],
    ),
    ("lpp treatment", &[(Condition, "lichen-planopilaris")]),
    (
        "lichen planopilaris prp",
        &[(Therapy, "platelet-rich-plasma")],
    ),
    (
        "ccca hot comb alopecia",
        &[(Condition, "central-centrifugal-cicatricial-alopecia")],
    ),
    ("dr chris kim clinic", &[(Clinic, "cellinique-clinic")]),
    (
        "one doctor stem cell clinic",
        &[(Clinic, "cellinique-clinic")],
    ),
    ("novastem kit", &[(Therapy, "novastem-kit")]),
    (
        "sdf-1 alpha injection",
        &[(Therapy, "sdf-1-alpha-injections")],
    ),
    ("wa program hair loss", &[(Clinic, "sh-clinic")]),
    (
        "hair loss stem cell cost korea",
        &[(
            Cost,
            "stem-cell-therapy-for-hair-loss-south-korea-full-course",
        )],
    ),
    (
        "stem cell hair loss price united states",
        &[(Cost, "stem-cell-therapy-for-hair-loss-united-states")],
    ),
    (
        "what to eat before scalp stem cell therapy",
        &[(Travel, "pre-treatment-tests-scalp-stem-cell-therapy")],
    ),
    (
        "recovery after scalp stem cell therapy",
        &[(Travel, "after-scalp-stem-cell-therapy")],
    ),
    (
        "bone marrow stem cells hair",
        &[(Therapy, "autologous-stem-cell-therapy")],
    ),
    (
        "bone marrow stem cells",
        &[(Therapy, "bone-marrow-derived-stem-cells")],
    ),
    // Hypertrophic acne scars (Medical Tourism Blog).
    (
        "hypertrophic scar stem cell treatment",
        &[(Therapy, "stem-cell-derived-exosomes")],
    ),
    (
        "keloid vs hypertrophic scar",
        &[(Condition, "keloids"), (Condition, "hypertrophic-scars")],
    ),
    (
        "stem cell facial price korea",
        &[(Cost, "stem-cell-facial-south-korea")],
    ),
    (
        "stem cell facial cost united states",
        &[(Cost, "stem-cell-facial-united-states")],
    ),
    (
        "adipose stem cells for scars",
        &[(Therapy, "adipose-derived-stem-cells")],
    ),
    (
        "exosome microneedling scars",
        &[(Therapy, "stem-cell-derived-exosomes")],
    ),
    (
        "garosu-gil plastic surgery",
        &[(Clinic, "theplus-plastic-surgery")],
    ),
    (
        "scar clinic in gangnam",
        &[(Clinic, "theplus-plastic-surgery")],
    ),
    (
        "acne treatment mexico price",
        &[(Cost, "acne-treatment-mexico")],
    ),
    (
        "booster sessions after scar treatment",
        &[(Travel, "follow-up-boosters-after-scar-treatment")],
    ),
    ("stretch marks stem cells", &[(Condition, "stretch-marks")]),
    // SMP vs hair transplant (clinic booking site).
    (
        "smp vs hair transplant",
        &[(Travel, "choosing-between-smp-and-hair-transplant")],
    ),
    (
        "scalp micropigmentation cost",
        &[(Therapy, "scalp-micropigmentation")],
    ),
    (
        "fue hair transplant recovery time",
        &[(Travel, "stay-hair-transplant")],
    ),
    ("smp touch ups", &[(Travel, "follow-up-smp-touch-ups")]),
    (
        "tattoo law scalp micropigmentation",
        &[(Travel, "tattooist-act-scalp-micropigmentation")],
    ),
    // Hair loss in Korea (New York Post feature).
    (
        "hair loss national health insurance",
        &[(Travel, "hair-loss-national-health-insurance-proposal")],
    ),
    (
        "needle free scalp delivery",
        &[(Therapy, "needle-free-jet-delivery")],
    ),
    ("cosmerna gene silencing", &[(Therapy, "cosmerna")]),
    (
        "exosome hair loss korea",
        &[(Travel, "us-regulatory-status-of-hair-treatments")],
    ),
    (
        "fda status of korean hair treatments",
        &[(Travel, "us-regulatory-status-of-hair-treatments")],
    ),
    (
        "male pattern baldness treatment",
        &[(Condition, "androgenetic-alopecia")],
    ),
    (
        "jane yoo new york",
        &[(Clinic, "clinical-research-center-of-new-york")],
    ),
    // Anti-aging and joints, 2026 (Korea Experience).
    (
        "knee osteoarthritis stem cell injection",
        &[(Therapy, "mesenchymal-stem-cells")],
    ),
    ("knee oa", &[(Condition, "knee-osteoarthritis")]),
    (
        "joint stem cell therapy price 2026",
        &[(
            Cost,
            "joint-stem-cell-therapy-south-korea-per-joint-per-session-2026",
        )],
    ),
    (
        "iv stem cell anti aging cost",
        &[(
            Cost,
            "systemic-iv-stem-cell-therapy-south-korea-per-session-2026",
        )],
    ),
    (
        "spine stem cell cost",
        &[(
            Cost,
            "complex-orthopaedic-stem-cell-therapy-south-korea-per-session-2026",
        )],
    ),
    (
        "rotator cuff stem cells",
        &[(Condition, "rotator-cuff-tendonitis")],
    ),
    (
        "stem cells for erectile dysfunction",
        &[(Condition, "erectile-dysfunction")],
    ),
    (
        "mfds approved stem cell products",
        &[(Travel, "mfds-approved-cell-therapy-products")],
    ),
    (
        "is the clinic registered for foreign patients",
        &[(Travel, "question-registered-for-foreign-patients")],
    ),
    (
        "what are the risks and side effects",
        &[(Travel, "question-risks-and-side-effects")],
    ),
    (
        "how many sessions will i need",
        &[(Travel, "question-number-of-sessions")],
    ),
    (
        "total cost with all fees",
        &[(Travel, "question-total-cost")],
    ),
    ("installment plan", &[(Travel, "installment-plans")]),
    (
        "hostel price",
        &[(Cost, "accommodation-south-korea-budget")],
    ),
    ("taxi cost", &[(Cost, "local-transport-south-korea-taxi")]),
    (
        "street food price",
        &[(Cost, "food-south-korea-street-food")],
    ),
    (
        "general stem cell therapy cost united states",
        &[(Cost, "general-stem-cell-therapy-united-states")],
    ),
    (
        "university hospital seoul",
        &[(Clinic, "severance-hospital")],
    ),
    // Travel and rules (outside facts).
    (
        "medical visa documents",
        &[(Travel, "medical-visa-required-documents")],
    ),
    (
        "visa for treatment over 90 days",
        &[(Travel, "g-1-10-medical-treatment-visa")],
    ),
    ("emergency number", &[(Travel, "help-119-emergency")]),
    ("tourism hotline", &[(Travel, "help-1330-tourism-hotline")]),
    (
        "vat refund cosmetic surgery",
        &[(Travel, "vat-refund-ended")],
    ),
    (
        "advanced regenerative bio act",
        &[(Travel, "advanced-regenerative-bio-act")],
    ),
    ("kahf accreditation", &[(Travel, "kahf-accreditation")]),
    (
        "interpreter at the hospital",
        &[(Travel, "interpreters-and-language")],
    ),
    // Korean names.
    ("흉터", &[(Condition, "hypertrophic-scars")]),
    ("켈로이드", &[(Condition, "keloids")]),
    ("튼살", &[(Condition, "stretch-marks")]),
    (
        "줄기세포 흉터치료",
        &[(Cost, "scar-stem-cell-therapy-seoul-per-session")],
    ),
    ("서울아산병원", &[(Clinic, "asan-medical-center")]),
    ("삼성서울병원", &[(Clinic, "samsung-medical-center")]),
    ("세브란스병원", &[(Clinic, "severance-hospital")]),
    ("신사동 clinic", &[(Clinic, "sh-clinic")]),
    // The search syntax.
    (
        "kind:clinic offers:prp gangnam",
        &[(Clinic, "cellinique-clinic")],
    ),
    (
        "price<1000000 scar",
        &[(Cost, "scar-stem-cell-therapy-seoul-per-session")],
    ),
    (
        "k:therapy evidence:established scar",
        &[(Therapy, "subcision")],
    ),
    ("'keloids !acne", &[(Condition, "keloids")]),
];

#[test]
fn questions_find_their_records_in_the_top_three() {
    let data = Dataset::load(&DataSource::Bundled).expect("bundled data");
    let index = SearchIndex::build(&data);
    let mut failures = Vec::new();
    for &(question, wanted) in QUESTIONS {
        let hits = index.search(question, None, 3);
        let missing: Vec<String> = wanted
            .iter()
            .filter(|(k, id)| !hits.iter().any(|h| h.kind == *k && h.id == *id))
            .map(|(k, id)| format!("{k}:{id}"))
            .collect();
        if !missing.is_empty() {
            let got: Vec<String> = hits
                .iter()
                .map(|h| format!("{}:{}", h.kind, h.id))
                .collect();
            failures.push(format!("{question:?}: missing {missing:?}, got {got:?}"));
        }
    }
    let passed = QUESTIONS.len() - failures.len();
    println!(
        "relevance: {passed} of {} questions ({:.0}%) have their records in the top three",
        QUESTIONS.len(),
        100.0 * passed as f64 / QUESTIONS.len() as f64
    );
    assert!(QUESTIONS.len() >= 60);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
