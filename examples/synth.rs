//! Writes a synthetic dataset of about N records, for benchmarks and load tests.
//!
//! ```sh
//! cargo run --release --example synth -- --records 100000 --out synth-100k [--check]
//! clinic-explorer check --data synth-100k
//! ```
//!
//! The six files (`sources.ron`, `conditions.ron`, `therapies.ron`, `clinics.ron`, `costs.ron`,
//! `travel.ron`) pass the same validation as the bundled data: unique slug ids, links that resolve,
//! sources that exist, `min <= max`, clean text. N counts the searchable records (conditions, therapies,
//! clinics, cost ranges, travel facts); sources, cost groups, exchange rates and percentages come on top,
//! in proportion. Clinics take the largest share, as in a national registry. The output depends only on
//! N (a fixed xorshift generator), so two runs with the same N write the same bytes.
//! At the default shares `clinics.ron` reaches the loader's 64 MiB per-file limit at about 135,000
//! records; the generator warns when a file is over it.
//!
//! The benches include this file as a module (`#[path]`) to generate their data, so everything but
//! `main` is usable as a library.

use clinic_explorer::model::{
    Attribute, CellOrigin, Claim, ClaimBy, Clinic, Condition, CostGroup, CostRange, Costs,
    Currency, Doctor, Evidence, ExchangeRate, Id, Milestone, Note, Percentage, PercentageKind,
    Qualifier, SideEffect, Source, SourceRef, Therapy, TherapyCategory, Tier, Topic, TravelFact,
    Unit,
};
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A small, fast, deterministic generator (xorshift64*): no dependency, same output on every platform.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded from a number; any seed works (zero is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng((seed ^ 0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Between `lo` and `hi` distinct elements of a slice (fewer if the slice is shorter), in random
    /// order.
    pub fn pick_distinct<T: Clone>(&mut self, items: &[T], lo: usize, hi: usize) -> Vec<T> {
        let count = self.range(lo, hi).min(items.len());
        let mut chosen: Vec<usize> = Vec::with_capacity(count);
        while chosen.len() < count {
            let i = self.below(items.len());
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.into_iter().map(|i| items[i].clone()).collect()
    }
}

/// How many records of each kind a dataset of `n` searchable records holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Source documents.
    pub sources: usize,
    /// Conditions.
    pub conditions: usize,
    /// Therapy methods.
    pub therapies: usize,
    /// Clinics.
    pub clinics: usize,
    /// Cost ranges.
    pub costs: usize,
    /// Cost groups.
    pub groups: usize,
    /// Exchange rates.
    pub rates: usize,
    /// Percentages.
    pub percentages: usize,
    /// Travel facts.
    pub travel: usize,
}

impl Counts {
    /// Shares of N: conditions 12%, therapies 12%, clinics 40%, costs 16%, travel 20% (the bundled data
    /// has 19/21/5/13/42; a national registry would be dominated by clinics). Every kind gets at least one.
    pub fn for_records(n: usize) -> Counts {
        let n = n.max(5);
        let share = |pct: usize| (n * pct / 100).max(1);
        let conditions = share(12);
        let therapies = share(12);
        let costs = share(16);
        let travel = share(20);
        let clinics = n
            .saturating_sub(conditions + therapies + costs + travel)
            .max(1);
        Counts {
            sources: (n / 100).max(5),
            conditions,
            therapies,
            clinics,
            costs,
            groups: (costs / 8).max(1) + 3,
            rates: 2 + n / 25_000,
            percentages: (n / 500).max(3),
            travel,
        }
    }

    /// The number of searchable records.
    pub fn records(&self) -> usize {
        self.conditions + self.therapies + self.clinics + self.costs + self.travel
    }
}

/// The six files' text, in the loader's order.
pub struct Files {
    /// `(file name, RON text)`.
    pub files: Vec<(&'static str, String)>,
    /// What was generated.
    pub counts: Counts,
}

/// Generates the dataset for `n` records in memory.
pub fn generate(n: usize) -> Files {
    let counts = Counts::for_records(n);
    let mut g = Gen {
        rng: Rng::new(n as u64),
        ids: HashSet::new(),
        sources: Vec::new(),
    };
    let sources = g.sources(counts.sources);
    g.sources = sources.iter().map(|s| s.id.clone()).collect();
    let therapies = g.therapies(counts.therapies);
    let therapy_ids: Vec<Id> = therapies.iter().map(|t| t.id.clone()).collect();
    let therapy_names: Vec<String> = therapies.iter().map(|t| t.name.clone()).collect();
    let conditions = g.conditions(counts.conditions, &therapy_ids);
    let clinics = g.clinics(counts.clinics, &therapy_ids);
    let costs = g.costs(&counts, &therapy_ids, &therapy_names);
    let travel = g.travel(counts.travel, &therapy_names);

    let header = |what: &str| {
        format!(
            "// Synthetic {what}: generated by the synth example for {} records; not real data.\n\
             // Field meanings are as in the bundled data's files.\n",
            counts.records()
        )
    };
    let files = vec![
        ("sources.ron", header("sources") + &to_ron(&sources, 2)),
        (
            "conditions.ron",
            header("conditions") + &to_ron(&conditions, 2),
        ),
        (
            "therapies.ron",
            header("therapies") + &to_ron(&therapies, 2),
        ),
        ("clinics.ron", header("clinics") + &to_ron(&clinics, 2)),
        ("costs.ron", header("costs") + &to_ron(&costs, 3)),
        ("travel.ron", header("travel facts") + &to_ron(&travel, 2)),
    ];
    Files { files, counts }
}

/// Generates the dataset for `n` records and writes its six files into `dir` (created if missing).
pub fn write(n: usize, dir: &Path) -> std::io::Result<Counts> {
    std::fs::create_dir_all(dir)?;
    let Files { files, counts } = generate(n);
    for (name, text) in files {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(counts)
}

/// Serialises like the hand-written files: four-space indents, one field per line down to `depth` (2 for
/// a list of records, 3 for the records inside `costs.ron`'s struct of lists) and lists on one line below, optional fields written bare
/// (`district: "Gangnam"`), and absent ones (`None`, empty lists, `false`) left out.
fn to_ron<T: serde::Serialize>(value: &T, depth: usize) -> String {
    let config = PrettyConfig::new()
        .depth_limit(depth)
        .indentor("    ")
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME);
    let text = ron::ser::to_string_pretty(value, config).expect("the model serialises to RON");
    // The serialiser announces the extension it used; the loader enables it anyway.
    let text = text
        .strip_prefix("#![enable(implicit_some)]\n")
        .unwrap_or(&text);
    let mut out = String::with_capacity(text.len() + 1);
    for line in text.lines() {
        // Strings hold no line breaks, so a line ending in one of these is a whole field.
        let absent = [
            ": None,",
            ": [],",
            "research_only: false,",
            "external: false,",
        ];
        if absent.iter().any(|a| line.ends_with(a)) {
            continue;
        }
        // Absent optional fields inside one-line items: `(effect: "...", rate: None)`.
        if line.contains(": None)") {
            let mut line = line.to_owned();
            for field in [", role: None)", ", rate: None)", ", to_weeks: None)"] {
                line = line.replace(field, ")");
            }
            out.push_str(&line);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Vocabulary for names and text.
mod words {
    use clinic_explorer::model::TherapyCategory;

    pub const CONDITION_BASES: &[&str] = &[
        "scarring alopecia",
        "lichen planopilaris",
        "frontal fibrosing alopecia",
        "folliculitis decalvans",
        "central centrifugal cicatricial alopecia",
        "alopecia areata",
        "androgenetic alopecia",
        "hair thinning",
        "hypertrophic scars",
        "keloids",
        "acne scars",
        "surgical scars",
        "burn scars",
        "stretch marks",
        "skin ageing",
        "melasma",
        "rosacea",
        "vitiligo",
        "psoriasis",
        "atopic dermatitis",
        "osteoarthritis",
        "rheumatoid arthritis",
        "cartilage defects",
        "meniscus tears",
        "tendonitis",
        "rotator cuff tears",
        "ligament injuries",
        "plantar fasciitis",
        "tennis elbow",
        "muscle strains",
        "disc herniation",
        "degenerative disc disease",
        "spinal stenosis",
        "avascular necrosis",
        "erectile dysfunction",
        "chronic fatigue",
        "diabetic foot ulcers",
        "discoid lupus erythematosus",
        "pseudopelade",
        "chronic back pain",
    ];
    pub const CONDITION_MODIFIERS: &[&str] = &[
        "Knee",
        "Hip",
        "Shoulder",
        "Ankle",
        "Wrist",
        "Elbow",
        "Lumbar",
        "Cervical",
        "Facial",
        "Scalp",
        "Frontal",
        "Chronic",
        "Early-onset",
        "Late-stage",
        "Post-traumatic",
        "Post-surgical",
        "Juvenile",
        "Recurrent",
        "Severe",
        "Mild",
        "Diffuse",
        "Localized",
        "Traction",
        "Inflammatory",
        "Atrophic",
        "Familial",
        "Secondary",
        "Refractory",
    ];
    pub const CONDITION_CATEGORIES: &[&str] = &[
        "Hair loss",
        "Scars",
        "Skin",
        "Joints",
        "Tendons and ligaments",
        "Muscles",
        "Spine",
        "Sexual health",
        "Systemic",
        "Research direction",
    ];
    pub const SYMPTOMS: &[&str] = &[
        "Bald patches that may spread",
        "Burning",
        "Itching",
        "Tenderness",
        "Redness",
        "Crusting",
        "Pustules",
        "Discoloration of the skin",
        "Raised, firm tissue",
        "Pain on movement",
        "Stiffness in the morning",
        "Swelling around the joint",
        "Reduced range of motion",
        "Thinning hair at the crown",
        "Receding hairline",
        "Numbness or tingling",
        "Fatigue",
        "Scar grows beyond the original wound",
    ];
    pub const CAUSES: &[&str] = &[
        "Autoimmune or inflammatory conditions",
        "Genetics and family history",
        "Hormonal changes",
        "Physical injury or trauma, such as burns",
        "Wear and tear with age",
        "Severe infections",
        "Surgery in the area",
        "Repeated strain from sport or work",
        "Medical treatment such as radiation",
        "Excess collagen during wound healing",
    ];
    pub const CELL_SOURCES: &[&str] = &[
        "Adipose",
        "Bone marrow",
        "Umbilical cord",
        "Placenta",
        "Peripheral blood",
        "Scalp tissue",
        "Dental pulp",
        "Wharton's jelly",
        "Amniotic membrane",
        "Rose stem cell",
    ];
    pub const CELL_PRODUCTS: &[&str] = &[
        "stem cells",
        "mesenchymal stem cells",
        "stem cell injections",
        "exosomes",
        "stromal vascular fraction",
        "conditioned medium",
        "fibroblasts",
        "growth factor concentrate",
        "secretome therapy",
        "stem cell therapy",
    ];
    pub const PLAIN_THERAPIES: &[(&str, TherapyCategory)] = &[
        ("Platelet-rich plasma", TherapyCategory::CellFreeBiologic),
        (
            "Scalp micropigmentation",
            TherapyCategory::CosmeticProcedure,
        ),
        ("Hair transplant", TherapyCategory::Surgery),
        ("Follicular unit extraction", TherapyCategory::Surgery),
        (
            "Hyaluronic acid injection",
            TherapyCategory::CosmeticProcedure,
        ),
        ("Fractional CO2 laser", TherapyCategory::Device),
        ("Microneedling", TherapyCategory::Device),
        ("Botulinum toxin injection", TherapyCategory::Drug),
        ("Corticosteroid injections", TherapyCategory::Drug),
        ("Hydroxychloroquine", TherapyCategory::Drug),
        ("Oral minoxidil", TherapyCategory::Drug),
        ("Finasteride", TherapyCategory::Drug),
        ("Radiofrequency microneedling", TherapyCategory::Device),
        ("Subcision", TherapyCategory::Surgery),
        ("Blood purification", TherapyCategory::Processing),
        ("Ozone therapy", TherapyCategory::Drug),
        ("Prolotherapy", TherapyCategory::Drug),
        ("Extracorporeal shockwave therapy", TherapyCategory::Device),
        ("Arthroscopic debridement", TherapyCategory::Surgery),
        (
            "Polynucleotide injection",
            TherapyCategory::CosmeticProcedure,
        ),
    ];
    pub const BRAND_SUFFIXES: &[&str] = &["Kit", "Protocol", "Program", "System", "Booster"];
    pub const DELIVERY: &[&str] = &[
        "Intradermal injection into the scalp",
        "Injection into scars or skin",
        "Intra-articular injection",
        "Injection into a spinal disc",
        "Intravenous infusion",
        "Topical application after microneedling",
        "Ultrasound-guided injection",
        "Needle-free jet injection",
    ];
    pub const SIDE_EFFECTS: &[&str] = &[
        "Skin redness",
        "Mild pain",
        "Swelling or soreness",
        "Bruising",
        "Infection at the injection site",
        "Scarring at the harvest site",
        "Temporary shedding",
        "Headache",
        "Fever after infusion",
    ];
    pub const RATES: &[&str] = &["rare", "2–4%", "about 1 in 10,000", "sometimes", "common"];
    pub const MILESTONES: &[(&str, f64, f64)] = &[
        ("Cell culture", 0.0, 4.0),
        ("Recovery", 0.0, 2.0),
        ("First visible results", 4.0, 12.0),
        ("Peak results", 13.0, 52.0),
        ("Results last", 52.0, 104.0),
    ];
    pub const SYLLABLES: &[&str] = &[
        "ga", "na", "da", "ra", "ma", "ba", "sa", "ah", "ja", "cha", "ka", "ta", "pa", "ha",
        "yeon", "min", "ji", "seo", "hyun", "woo", "jin", "soo", "hee", "eun", "young", "sung",
        "jae", "dong", "kyung", "mi", "rae", "han", "bit", "nu", "ri", "on", "se", "dam", "lu",
        "vi",
    ];
    pub const BRANDS: &[&str] = &[
        "Cellinique",
        "Lydian",
        "Monara",
        "Pureen",
        "Dana",
        "Theplus",
        "Mirae",
        "Hana",
        "Oracle",
        "Banobagi",
        "Wonjin",
        "Grand",
        "Renew",
        "Nova",
        "Lienjang",
        "Jewelry",
    ];
    pub const SPECIALTIES: &[&str] = &[
        "Dermatology",
        "Plastic Surgery",
        "Hair",
        "Stem Cell",
        "Regenerative Medicine",
        "Orthopaedic",
        "Joint and Spine",
        "Skin",
        "Aesthetic",
        "Pain",
        "Anti-aging",
        "Men's Health",
    ];
    pub const INSTITUTIONS: &[(&str, &str)] = &[
        ("Clinic", "clinic"),
        ("Clinic", "clinic"),
        ("Clinic", "clinic"),
        ("Hospital", "hospital"),
        ("Medical Center", "university hospital"),
        ("Center", "medical practice"),
        ("Institute", "research clinic"),
    ];
    pub const HANGUL: &[char] = &[
        '강', '남', '서', '울', '미', '래', '하', '나', '연', '세', '우', '리', '밝', '은', '새',
        '봄', '빛', '온', '누', '다', '인', '진', '성', '현', '수', '정', '민', '지', '아', '름',
        '참', '좋', '예', '피', '부', '모', '발', '관', '절', '청', '담', '신', '사', '드', '림',
        '바', '른', '튼',
    ];
    pub const HANGUL_SUFFIXES: &[&str] = &["피부과", "성형외과", "의원", "병원", "정형외과"];
    pub const SEOUL_DISTRICTS: &[&str] = &[
        "Gangnam",
        "Gangnam",
        "Gangnam",
        "Sinsa",
        "Cheongdam, Gangnam",
        "Apgujeong",
        "Sinsa, Gangnam",
        "Garosu-gil",
        "Seocho",
        "Jamsil",
        "Songpa",
        "Myeongdong",
        "Jongno",
        "Hongdae",
        "Mapo",
        "Itaewon",
        "Yeouido",
        "Seongsu",
    ];
    pub const OTHER_CITIES: &[(&str, &[&str])] = &[
        ("Busan", &["Haeundae", "Seomyeon", "Nampo"]),
        ("Incheon", &["Songdo", "Bupyeong"]),
        ("Daegu", &["Suseong", "Jung-gu"]),
        ("Daejeon", &["Yuseong", "Dunsan"]),
        ("Gwangju", &["Sangmu"]),
        ("Suwon", &["Yeongtong"]),
        ("Seongnam", &["Bundang", "Pangyo"]),
        ("Jeju", &["Jeju City", "Seogwipo"]),
    ];
    pub const SURNAMES: &[&str] = &[
        "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
        "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong",
    ];
    pub const GIVEN: &[&str] = &[
        "Chris Gunwoo",
        "Jae-Hyun",
        "Daewoo",
        "Hee Jin",
        "Min-seo",
        "Ji-hoon",
        "Seo-yeon",
        "Kyung-soo",
        "Eun-ji",
        "Sung-min",
        "Young-ho",
        "Ha-eun",
        "Do-yun",
        "Soo-ah",
    ];
    pub const ROLES: &[&str] = &[
        "medical director",
        "lead doctor",
        "plastic surgeon",
        "dermatologist",
        "orthopaedic surgeon",
        "hair restoration specialist",
    ];
    pub const FACILITIES: &[&str] = &[
        "clean room (Clean Class 10,000)",
        "in-house cell processing laboratory",
        "recovery rooms",
        "international patient lounge",
        "cryopreservation bank",
    ];
    pub const CERTIFICATIONS: &[&str] = &[
        "KAHF accreditation",
        "registered for international patients (Ministry of Health and Welfare)",
        "JCI accreditation",
        "MFDS-approved cell processing facility",
    ];
    pub const CLAIMS: &[&str] = &[
        "Korea's premier destination for stem-cell hair restoration",
        "the best clinic for scars in Seoul",
        "state-of-the-art regenerative medicine",
        "renowned leadership in anti-aging treatment",
        "100% personalized protocols",
        "Top 100 doctors in Korea",
        "thousands of satisfied international patients",
    ];
    pub const COUNTRIES: &[&str] = &[
        "South Korea",
        "South Korea",
        "South Korea",
        "United States",
        "Mexico/Turkey/Thailand",
        "Japan",
        "Thailand",
        "Singapore",
        "United Kingdom",
    ];
    pub const PUBLISHERS: &[&str] = &[
        "Medical Tourism Blog",
        "Korea Experience",
        "Visit Medical Korea (KHIDI)",
        "The Korea Herald",
        "Korea JoongAng Daily",
        "Korea Biomedical Review",
        "Nature",
        "Korea Legislation Research Institute",
        "The New York Post (syndicated copy)",
    ];
    pub const SECTIONS: &[&str] = &[
        "Introduction",
        "Typical Costs",
        "Table 1: Common Types",
        "Table 2: Comparison",
        "Table 3: Required Documents",
        "Diagnosis and Conventional Treatments",
        "Best Clinics in Korea",
        "Medical Tourism Logistics",
        "Frequently Asked Questions",
        "Conclusion",
    ];
    pub const FILLERS: &[&str] = &[
        "The sources describe it in general terms and give no figures for how often it occurs.",
        "Results vary between patients, and the documents advise a consultation before any decision.",
        "Several Korean clinics mention it on their pages for international patients.",
        "The articles stress realistic expectations and an early diagnosis.",
        "Evidence comes mostly from small studies and clinical experience.",
        "It is often combined with other treatments in a course of several sessions.",
        "The documents note that prices depend on the clinic, the technique and the case.",
        "Follow-up visits are usually planned over the following months.",
    ];
    pub const ATTRIBUTE_NAMES: &[&str] = &[
        "Regression over time",
        "Size relative to wound",
        "Typical location",
        "Who is affected",
        "Treatment response",
    ];
    pub const ATTRIBUTE_VALUES: &[&str] = &[
        "Often improves over months",
        "Stays within the original borders",
        "Scalp and face",
        "Adults of any age",
        "Responds to injections in most cases",
        "Varies; no figures given",
    ];
    pub const TRAVEL_STEPS: &[&str] = &[
        "Online consultation",
        "Arrival and first visit",
        "Stem cell collection",
        "Cell processing",
        "Treatment day",
        "Rest and recovery",
        "Check-up before flying home",
        "Remote follow-up",
    ];
    pub const QUESTIONS: &[&str] = &[
        "Ask who performs the procedure",
        "Ask how the cells are processed",
        "Ask what the price includes",
        "Ask about complications and aftercare",
        "Ask whether the clinic is registered for foreign patients",
    ];
    pub const HELP_LINES: &[(&str, &str)] = &[
        ("KDCA call centre", "1339"),
        ("Tourism hotline", "1330"),
        ("Emergency", "119"),
        ("Police", "112"),
        ("Medical Korea Support Center", "+82-2-3393-5555"),
    ];
    pub const COST_FACTORS: &[&str] = &[
        "Clinic reputation",
        "Number of sessions",
        "Source of cells",
        "Size of the treated area",
        "Cell culture and expansion",
        "Anaesthesia and facility fees",
    ];
    pub const PRACTICAL: &[&str] = &[
        "Getting around",
        "Interpreters",
        "Travel insurance",
        "Paying by card",
        "Mobile data",
        "Pharmacies",
    ];
}

/// A whole number with comma separators: 1,450,000.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Capitalises the first letter.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The initials of a name's words, as an abbreviation ("Lichen planopilaris" -> "LP").
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

struct Gen {
    rng: Rng,
    /// Ids used so far, per file kind prefix (`kind:id`), to keep them unique.
    ids: HashSet<String>,
    /// Source ids, for references.
    sources: Vec<Id>,
}

impl Gen {
    /// A unique slug id for a name within one kind; a number is appended to a repeated name, and the
    /// name gets the same number so names stay distinct too.
    fn unique(&mut self, kind: &str, name: &str) -> (Id, String) {
        let base = clinic_explorer::text::slug(name);
        if self.ids.insert(format!("{kind}:{base}")) {
            return (Id(base), name.to_owned());
        }
        for k in 2.. {
            let id = format!("{base}-{k}");
            if self.ids.insert(format!("{kind}:{id}")) {
                return (Id(id), format!("{name} ({k})"));
            }
        }
        unreachable!()
    }

    fn source_ref(&mut self) -> SourceRef {
        SourceRef {
            source: self.rng.pick(&self.sources).clone(),
            section: (*self.rng.pick(words::SECTIONS)).to_owned(),
        }
    }

    fn source_refs(&mut self) -> Vec<SourceRef> {
        let n = self.rng.range(1, 2);
        (0..n).map(|_| self.source_ref()).collect()
    }

    fn note(&mut self) -> Note {
        Note {
            text: (*self.rng.pick(words::FILLERS)).to_owned(),
            source: self.source_ref(),
        }
    }

    fn claims(&mut self, max: usize) -> Vec<Claim> {
        let n = self.rng.range(0, max);
        (0..n)
            .map(|_| Claim {
                text: (*self.rng.pick(words::CLAIMS)).to_owned(),
                by: if self.rng.chance(50) {
                    ClaimBy::Article
                } else {
                    ClaimBy::Clinic
                },
                who: None,
                source: self.source_ref(),
            })
            .collect()
    }

    /// A summary: one sentence about the record and one or two neutral fillers (150 to 400 characters).
    fn summary(&mut self, first: String) -> String {
        let mut s = first;
        for _ in 0..self.rng.range(1, 2) {
            s.push(' ');
            let filler = self.rng.pick::<&str>(words::FILLERS);
            s.push_str(filler);
        }
        s
    }

    /// A Korean name of a few common Hangul syllables.
    fn hangul(&mut self, syllables: usize) -> String {
        (0..syllables)
            .map(|_| *self.rng.pick(words::HANGUL))
            .collect()
    }

    fn brand(&mut self) -> String {
        if self.rng.chance(30) {
            (*self.rng.pick(words::BRANDS)).to_owned()
        } else {
            let a = self.rng.pick(words::SYLLABLES);
            let b = self.rng.pick(words::SYLLABLES);
            capitalise(&format!("{a}{b}"))
        }
    }

    fn sources(&mut self, n: usize) -> Vec<Source> {
        (0..n)
            .map(|i| {
                let publisher = *self.rng.pick(words::PUBLISHERS);
                let base = words::CONDITION_BASES[i % words::CONDITION_BASES.len()];
                let title = format!(
                    "{} in Korea: {} and What It Costs ({})",
                    capitalise(base),
                    self.rng.pick(words::CELL_PRODUCTS),
                    i + 1
                );
                let id = Id(format!(
                    "{}-{}",
                    clinic_explorer::text::slug(publisher),
                    i + 1
                ));
                let external = self.rng.chance(40);
                let date = self.rng.chance(70).then(|| {
                    format!(
                        "{}-{:02}-{:02}",
                        self.rng.range(2016, 2026),
                        self.rng.range(1, 12),
                        self.rng.range(1, 28)
                    )
                });
                Source {
                    id: id.clone(),
                    title,
                    publisher: publisher.to_owned(),
                    author: self.rng.chance(30).then(|| {
                        format!(
                            "{} {}",
                            self.rng.pick(words::GIVEN),
                            self.rng.pick(words::SURNAMES)
                        )
                    }),
                    date,
                    url: self.rng.chance(50).then(|| format!("example.org/{id}")),
                    retrieved: external.then(|| "2026-11".to_owned()),
                    external,
                    note: self.rng.chance(50).then(|| {
                        "Medical-tourism article; its praise is recorded as claims.".into()
                    }),
                }
            })
            .collect()
    }

    fn therapies(&mut self, n: usize) -> Vec<Therapy> {
        (0..n)
            .map(|i| {
                let (name, category, cell_based) = if i < words::PLAIN_THERAPIES.len() {
                    let (name, category) = words::PLAIN_THERAPIES[i];
                    (name.to_owned(), category, false)
                } else if self.rng.chance(75) {
                    let name = format!(
                        "{}-derived {}",
                        self.rng.pick(words::CELL_SOURCES),
                        self.rng.pick(words::CELL_PRODUCTS)
                    );
                    let cat = if name.contains("exosomes")
                        || name.contains("medium")
                        || name.contains("concentrate")
                        || name.contains("secretome")
                    {
                        TherapyCategory::CellFreeBiologic
                    } else {
                        TherapyCategory::CellTherapy
                    };
                    (name, cat, true)
                } else {
                    let name = format!(
                        "{}{} {}",
                        self.brand(),
                        *self.rng.pick(&["Stem", "Cell", "Gen", "Regen", "Hair"]),
                        self.rng.pick(words::BRAND_SUFFIXES)
                    );
                    (name, TherapyCategory::Processing, true)
                };
                let (id, name) = self.unique("therapy", &name);
                let mut aliases = Vec::new();
                if name.split_whitespace().count() >= 2 && self.rng.chance(60) {
                    aliases.push(initials(&name));
                }
                if self.rng.chance(40) {
                    aliases.push(format!("{} treatment", name.to_lowercase()));
                }
                let origin = cell_based.then(|| {
                    *self.rng.pick(&[
                        CellOrigin::Autologous,
                        CellOrigin::Autologous,
                        CellOrigin::Allogeneic,
                        CellOrigin::Either,
                        CellOrigin::Plant,
                    ])
                });
                let mut timeline = Vec::new();
                for &(label, from, to) in words::MILESTONES {
                    if (cell_based || label != "Cell culture") && self.rng.chance(40) {
                        let open = self.rng.chance(10);
                        timeline.push(Milestone {
                            label: label.to_owned(),
                            text: format!("{from}–{to} weeks"),
                            from_weeks: from,
                            to_weeks: (!open).then_some(to),
                        });
                    }
                }
                let side_effects = (0..self.rng.range(0, 4))
                    .map(|_| SideEffect {
                        effect: (*self.rng.pick(words::SIDE_EFFECTS)).to_owned(),
                        rate: self
                            .rng
                            .chance(40)
                            .then(|| (*self.rng.pick(words::RATES)).to_owned()),
                    })
                    .collect();
                let first = format!(
                    "{name} is a {} the sources name for several conditions.",
                    category.label()
                );
                Therapy {
                    id,
                    name,
                    aliases,
                    summary: self.summary(first),
                    category,
                    cell_source: cell_based.then(|| {
                        format!("{} tissue", self.rng.pick(words::CELL_SOURCES).to_lowercase())
                    }),
                    origin,
                    mechanism: self.rng.chance(60).then(|| {
                        "Releases growth factors that calm inflammation and support repair (a paracrine effect).".to_owned()
                    }),
                    delivery: self
                        .rng
                        .pick_distinct(words::DELIVERY, 0, 3)
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                    procedure_time: self
                        .rng
                        .chance(50)
                        .then(|| format!("about {} hours", self.rng.range(1, 4))),
                    sessions: self.rng.chance(50).then(|| {
                        format!(
                            "{} sessions, {} weeks apart",
                            self.rng.range(1, 6),
                            self.rng.range(2, 8)
                        )
                    }),
                    recovery: self
                        .rng
                        .chance(40)
                        .then(|| "Mild swelling settles within days.".to_owned()),
                    timeline,
                    side_effects,
                    evidence: *self.rng.pick(&[
                        Evidence::Established,
                        Evidence::Emerging,
                        Evidence::Investigational,
                        Evidence::Investigational,
                        Evidence::ResearchOnly,
                    ]),
                    evidence_note: self
                        .rng
                        .chance(40)
                        .then(|| "Described as promising but not standardised.".to_owned()),
                    regulatory: (0..self.rng.range(0, 1)).map(|_| self.note()).collect(),
                    notes: (0..self.rng.range(0, 2)).map(|_| self.note()).collect(),
                    attributes: Vec::new(),
                    claims: self.claims(1),
                    sources: self.source_refs(),
                }
            })
            .collect()
    }

    fn conditions(&mut self, n: usize, therapies: &[Id]) -> Vec<Condition> {
        let mut out: Vec<Condition> = Vec::with_capacity(n);
        for i in 0..n {
            let base = words::CONDITION_BASES[i % words::CONDITION_BASES.len()];
            let name = if i < words::CONDITION_BASES.len() {
                capitalise(base)
            } else {
                format!("{} {}", self.rng.pick(words::CONDITION_MODIFIERS), base)
            };
            let (id, name) = self.unique("condition", &name);
            let mut aliases = Vec::new();
            if name.split_whitespace().count() >= 2 && self.rng.chance(50) {
                aliases.push(initials(&name));
            }
            if self.rng.chance(30) {
                let syl = self.rng.range(2, 4);
                aliases.push(self.hangul(syl));
            }
            // A parent earlier in the file that has no parent itself: shallow, never a cycle.
            let parent = if i > 0 && self.rng.chance(30) {
                let p = &out[self.rng.below(i)];
                p.parent.is_none().then(|| p.id.clone())
            } else {
                None
            };
            let attributes = self
                .rng
                .pick_distinct(words::ATTRIBUTE_NAMES, 0, 3)
                .into_iter()
                .map(|a| {
                    Attribute(
                        a.to_owned(),
                        (*self.rng.pick(words::ATTRIBUTE_VALUES)).to_owned(),
                    )
                })
                .collect();
            let first = format!(
                "{name} is a condition the sources discuss together with its treatment options in Korea."
            );
            out.push(Condition {
                id,
                name,
                aliases,
                summary: self.summary(first),
                category: (*self.rng.pick(words::CONDITION_CATEGORIES)).to_owned(),
                parent,
                symptoms: self
                    .rng
                    .pick_distinct(words::SYMPTOMS, 0, 6)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                causes: self
                    .rng
                    .pick_distinct(words::CAUSES, 0, 4)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                therapies: self.rng.pick_distinct(therapies, 1, 8),
                research_only: self.rng.chance(5),
                notes: (0..self.rng.range(0, 3)).map(|_| self.note()).collect(),
                attributes,
                sources: self.source_refs(),
            });
        }
        out
    }

    fn clinics(&mut self, n: usize, therapies: &[Id]) -> Vec<Clinic> {
        (0..n)
            .map(|_| {
                let brand = self.brand();
                let specialty = *self.rng.pick(words::SPECIALTIES);
                let (inst_word, institution) = *self.rng.pick(words::INSTITUTIONS);
                let (city, district) = if self.rng.chance(75) {
                    ("Seoul", *self.rng.pick(words::SEOUL_DISTRICTS))
                } else {
                    let (c, ds) = *self.rng.pick(words::OTHER_CITIES);
                    (c, *self.rng.pick(ds))
                };
                let name = if self.rng.chance(20) {
                    let place = district.split(',').next().unwrap_or(district);
                    format!("{place} {brand} {specialty} {inst_word}")
                } else {
                    format!("{brand} {specialty} {inst_word}")
                };
                let (id, name) = self.unique("clinic", &name);
                let mut aliases = vec![brand.clone()];
                if self.rng.chance(60) {
                    let syl = self.rng.range(2, 3);
                    let suffix = self.rng.pick(words::HANGUL_SUFFIXES);
                    aliases.push(format!("{}{suffix}", self.hangul(syl)));
                }
                let doctors = (0..self.rng.range(0, 3))
                    .map(|_| Doctor {
                        name: format!(
                            "Dr. {} {}",
                            self.rng.pick(words::GIVEN),
                            self.rng.pick(words::SURNAMES)
                        ),
                        role: self
                            .rng
                            .chance(70)
                            .then(|| (*self.rng.pick(words::ROLES)).to_owned()),
                    })
                    .collect();
                let techniques = (0..self.rng.range(0, 3))
                    .map(|_| {
                        format!(
                            "{}{} {}",
                            self.brand(),
                            self.rng.pick(&["Stem", "Cell", "Hair", "Skin"]),
                            self.rng.pick(words::BRAND_SUFFIXES)
                        )
                    })
                    .collect();
                let first = format!(
                    "A {institution} in {district}, {city}, listed under {specialty}; the sources name it for its regenerative treatments."
                );
                Clinic {
                    website: self.rng.chance(40).then(|| format!("www.{id}.co.kr")),
                    id,
                    name,
                    aliases,
                    summary: self.summary(first),
                    institution: institution.to_owned(),
                    city: self.rng.chance(95).then(|| city.to_owned()),
                    district: self.rng.chance(85).then(|| district.to_owned()),
                    doctors,
                    therapies: self.rng.pick_distinct(therapies, 1, 6),
                    techniques,
                    facilities: self
                        .rng
                        .pick_distinct(words::FACILITIES, 0, 2)
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                    certifications: self
                        .rng
                        .pick_distinct(words::CERTIFICATIONS, 0, 1)
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                    attributes: vec![
                        Attribute("Focus".into(), format!("{specialty} and regenerative treatments")),
                        Attribute("Mentioned as".into(), "Clinic named by a medical-tourism article".into()),
                    ],
                    claims: self.claims(1),
                    sources: self.source_refs(),
                }
            })
            .collect()
    }

    fn costs(&mut self, counts: &Counts, therapy_ids: &[Id], therapy_names: &[String]) -> Costs {
        let exchange_rates = (0..counts.rates)
            .map(|i| {
                let rate = 1300.0 + self.rng.below(18_000) as f64 / 100.0;
                ExchangeRate {
                    id: Id(format!("krw-per-usd-{}", i + 1)),
                    krw_per_usd: rate,
                    date: format!(
                        "{}-{:02}-01",
                        self.rng.range(2023, 2026),
                        self.rng.range(1, 12)
                    ),
                    derivation: format!(
                        "The source gives ₩{} for $1,000.",
                        thousands((rate * 1000.0).round() as u64)
                    ),
                    sources: self.source_refs(),
                }
            })
            .collect();
        // Three groups for daily expenses, the rest one per priced therapy.
        let mut groups = vec![
            CostGroup {
                id: "accommodation".into(),
                name: "Accommodation".into(),
            },
            CostGroup {
                id: "local-transport".into(),
                name: "Local transport".into(),
            },
            CostGroup {
                id: "food".into(),
                name: "Food".into(),
            },
        ];
        let mut group_therapy = Vec::new();
        while groups.len() < counts.groups {
            let t = self.rng.below(therapy_ids.len());
            let name = format!("{}, per session", therapy_names[t]);
            let (id, name) = self.unique("group", &name);
            groups.push(CostGroup { id, name });
            group_therapy.push(t);
        }
        let mut ranges = Vec::with_capacity(counts.costs);
        for _ in 0..counts.costs {
            let expense = group_therapy.is_empty() || self.rng.chance(10);
            let (gi, what, unit, tier, therapies, base) = if expense {
                let gi = self.rng.below(3);
                let (what, unit, base) = [
                    ("Hotel", Unit::PerNight, 120),
                    ("Taxi", Unit::PerRide, 8),
                    ("Meal", Unit::PerMeal, 15),
                ][gi];
                let tier = *self.rng.pick(&[Tier::Budget, Tier::Mid, Tier::Luxury]);
                let mult = match tier {
                    Tier::Budget => 1,
                    Tier::Mid => 2,
                    Tier::Luxury => 5,
                };
                (
                    gi,
                    format!("{what}, {}", tier.label()),
                    unit,
                    Some(tier),
                    Vec::new(),
                    base * mult,
                )
            } else {
                let k = self.rng.below(group_therapy.len());
                let t = group_therapy[k];
                let unit = *self.rng.pick(&[
                    Unit::PerSession,
                    Unit::PerSession,
                    Unit::FullCourse,
                    Unit::PerTreatment,
                    Unit::PerJointPerSession,
                ]);
                let base = self.rng.range(2, 300) * 100;
                (
                    k + 3,
                    therapy_names[t].clone(),
                    unit,
                    None,
                    vec![therapy_ids[t].clone()],
                    base,
                )
            };
            let country = if expense {
                "South Korea"
            } else {
                *self.rng.pick(words::COUNTRIES)
            };
            let name = format!("{what}, {country}, {}", unit.label());
            let (id, name) = self.unique("cost", &name);
            let krw = self.rng.chance(20);
            let scale = |usd: usize| -> u64 {
                if krw {
                    (usd as u64 * 1450).div_ceil(10_000) * 10_000
                } else {
                    usd as u64
                }
            };
            let lo = scale(base);
            let hi = scale(base + base * self.rng.range(0, 200) / 100);
            let (min, max, qualifier) = match self.rng.below(20) {
                0 => (Some(lo), None, Some(Qualifier::From)),
                1 => (Some(lo), None, Some(Qualifier::Plus)),
                2 => (Some(lo), None, Some(Qualifier::AsLowAs)),
                3 => (None, Some(hi), Some(Qualifier::UpTo)),
                4 => (Some(lo), Some(lo), Some(Qualifier::Average)),
                _ => (Some(lo), Some(hi), None),
            };
            let first = format!(
                "Price the sources give for {what} in {country}, {}.",
                unit.label()
            );
            ranges.push(CostRange {
                id,
                name,
                aliases: Vec::new(),
                summary: self.summary(first),
                group: groups[gi].id.clone(),
                therapies,
                country: country.to_owned(),
                min,
                max,
                qualifier,
                currency: if krw { Currency::KRW } else { Currency::USD },
                unit,
                year: self.rng.range(2023, 2026) as u16,
                tier,
                disagrees_with: Vec::new(),
                sources: self.source_refs(),
            });
        }
        let percentages = (0..counts.percentages)
            .map(|i| {
                let (kind, name, min, max) = match i % 3 {
                    0 => {
                        let lo = self.rng.range(30, 70) as f64;
                        (
                            PercentageKind::Savings,
                            format!(
                                "Saving in South Korea compared with {}",
                                self.rng.pick(&["the US", "the UK", "Japan", "Germany"])
                            ),
                            lo,
                            Some(lo + self.rng.range(0, 20) as f64),
                        )
                    }
                    1 => (
                        PercentageKind::Deposit,
                        "Deposit due up front".to_owned(),
                        10.0,
                        None,
                    ),
                    _ => (
                        PercentageKind::Tax,
                        "VAT refund on cosmetic procedures".to_owned(),
                        7.7,
                        Some(10.0),
                    ),
                };
                Percentage {
                    id: Id(format!("{}-{}", clinic_explorer::text::slug(&name), i + 1)),
                    name,
                    kind,
                    min,
                    max,
                    note: "As the source states it.".to_owned(),
                    costs: Vec::new(),
                    sources: self.source_refs(),
                }
            })
            .collect();
        Costs {
            exchange_rates,
            groups,
            ranges,
            percentages,
        }
    }

    fn travel(&mut self, n: usize, therapy_names: &[String]) -> Vec<TravelFact> {
        let mut out: Vec<TravelFact> = Vec::with_capacity(n);
        let mut journey = 0;
        for i in 0..n {
            let therapy = self.rng.pick(therapy_names).clone();
            let topic = *self.rng.pick(&[
                Topic::Visa,
                Topic::Stay,
                Topic::Stay,
                Topic::Journey,
                Topic::Journey,
                Topic::BeforeTreatment,
                Topic::AfterTreatment,
                Topic::FollowUp,
                Topic::Question,
                Topic::Question,
                Topic::Help,
                Topic::CostFactor,
                Topic::Regulation,
                Topic::Practical,
            ]);
            let mut order = None;
            let mut value = None;
            let mut max_days = None;
            let mut items = Vec::new();
            let mut aliases = Vec::new();
            let name = match topic {
                Topic::Visa => {
                    let code = format!("C-3-{}", self.rng.range(1, 9));
                    let days = *self.rng.pick(&[30, 90, 365]);
                    value = Some(format!("up to {days} days"));
                    max_days = Some(days);
                    aliases.push(code.clone());
                    items = vec![
                        "Passport".into(),
                        "Invitation from the hospital".into(),
                        "Proof of funds".into(),
                    ];
                    format!("{code} medical visa")
                }
                Topic::Stay => {
                    value = Some(format!("about {} days", self.rng.range(3, 14)));
                    format!("Stay for {}", therapy.to_lowercase())
                }
                Topic::Journey => {
                    journey += 1;
                    order = Some(journey);
                    format!("Phase {journey}: {}", self.rng.pick(words::TRAVEL_STEPS))
                }
                Topic::BeforeTreatment => {
                    items = vec![
                        "Stop blood thinners if the doctor agrees".into(),
                        "No alcohol for 48 hours".into(),
                    ];
                    format!("Before {}", therapy.to_lowercase())
                }
                Topic::AfterTreatment => {
                    items = vec![
                        "Keep the area clean and dry".into(),
                        "Avoid saunas for a week".into(),
                    ];
                    format!("After {}", therapy.to_lowercase())
                }
                Topic::FollowUp => {
                    let k = self.rng.range(1, 6);
                    order = Some(k as u32);
                    format!("Follow-up visit {k} after {}", therapy.to_lowercase())
                }
                Topic::Question => format!(
                    "{} ({})",
                    self.rng.pick(words::QUESTIONS),
                    therapy.to_lowercase()
                ),
                Topic::Help => {
                    let (line, number) = *self.rng.pick(words::HELP_LINES);
                    value = Some(number.to_owned());
                    line.to_owned()
                }
                Topic::CostFactor => format!(
                    "{} and the price of {}",
                    self.rng.pick(words::COST_FACTORS),
                    therapy.to_lowercase()
                ),
                Topic::Regulation => format!(
                    "Advanced Regenerative Bio Act, article {}",
                    self.rng.range(1, 60)
                ),
                Topic::Practical => format!(
                    "{} in {}",
                    self.rng.pick(words::PRACTICAL),
                    self.rng.pick(words::SEOUL_DISTRICTS)
                ),
            };
            let (id, name) = self.unique("travel", &name);
            let disagrees_with = if i > 0 && self.rng.chance(3) {
                vec![out[self.rng.below(i)].id.clone()]
            } else {
                Vec::new()
            };
            let first = format!("{name}: what the sources say, in brief.");
            out.push(TravelFact {
                id,
                name,
                aliases,
                summary: self.summary(first),
                topic,
                order,
                value,
                max_days,
                items,
                disagrees_with,
                sources: self.source_refs(),
            });
        }
        out
    }
}

/// Command-line options.
struct Args {
    records: usize,
    out: PathBuf,
    check: bool,
}

const USAGE: &str = "usage: synth --records N --out DIR [--check]\n\
    Writes a synthetic dataset of about N records (conditions, therapies, clinics, costs, travel)\n\
    into DIR. --check loads it back with the explorer's loader and prints the counts.";

fn parse_args() -> Result<Args, String> {
    let mut records = None;
    let mut out = None;
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--records" | "-n" => {
                let v = args.next().ok_or("--records needs a number")?;
                let v = v.replace(['_', ','], "");
                let n = match v.strip_suffix(['k', 'K']) {
                    Some(k) => k.parse::<usize>().map(|k| k * 1000),
                    None => v.parse::<usize>(),
                };
                records = Some(n.map_err(|_| format!("--records: `{v}` is not a number"))?);
            }
            "--out" | "-o" => {
                out = Some(PathBuf::from(args.next().ok_or("--out needs a directory")?))
            }
            "--check" => check = true,
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Args {
        records: records.ok_or("--records N is required")?,
        out: out.ok_or("--out DIR is required")?,
        check,
    })
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if e.is_empty() {
                println!("{USAGE}");
                return;
            }
            eprintln!("synth: {e}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let start = std::time::Instant::now();
    let counts = match write(args.records, &args.out) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("synth: cannot write to {}: {e}", args.out.display());
            std::process::exit(1);
        }
    };
    let mut bytes = 0;
    for name in clinic_explorer::dataset::FILES {
        let len = std::fs::metadata(args.out.join(name)).map_or(0, |m| m.len());
        if len > clinic_explorer::dataset::MAX_FILE_BYTES {
            eprintln!(
                "synth: warning: {name} is {len} bytes, over the loader's limit of {} bytes \
                 per file, so the explorer will refuse it; about 135,000 records is the most \
                 that loads",
                clinic_explorer::dataset::MAX_FILE_BYTES
            );
        }
        bytes += len;
    }
    println!(
        "wrote {} records ({} conditions, {} therapies, {} clinics, {} costs, {} travel; {} sources) to {}: {:.1} MB in {:.2} s",
        counts.records(),
        counts.conditions,
        counts.therapies,
        counts.clinics,
        counts.costs,
        counts.travel,
        counts.sources,
        args.out.display(),
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    if args.check {
        let start = std::time::Instant::now();
        let source = clinic_explorer::dataset::DataSource::Dir(args.out.clone());
        match clinic_explorer::Dataset::load(&source) {
            Ok(d) => println!(
                "loaded back: {} records valid in {:.2} s",
                clinic_explorer::model::Kind::ALL
                    .iter()
                    .map(|k| d.count(*k))
                    .sum::<usize>(),
                start.elapsed().as_secs_f64()
            ),
            Err(e) => {
                eprintln!("synth: the generated data does not load:\n{e}");
                std::process::exit(1);
            }
        }
    }
}
