//! Therapy methods.

use super::{Attribute, Claim, Id, Kind, Note, SourceRef, impl_record};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What sort of treatment a therapy is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TherapyCategory {
    /// Living cells given to the patient.
    CellTherapy,
    /// A biologic made from cells but without them (exosomes, PRP, growth factors).
    CellFreeBiologic,
    /// An operation.
    Surgery,
    /// A cosmetic, non-surgical procedure (SMP, fillers).
    CosmeticProcedure,
    /// A device or way of delivering something (jet injector, laser, ultrasound guidance).
    Device,
    /// A medicine (tablets, injections, topicals).
    Drug,
    /// A procedure that prepares or processes cells or blood rather than treating directly.
    Processing,
    /// Research only: not offered as a treatment.
    Research,
}

impl TherapyCategory {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            TherapyCategory::CellTherapy => "cell therapy",
            TherapyCategory::CellFreeBiologic => "cell-free biologic",
            TherapyCategory::Surgery => "surgery",
            TherapyCategory::CosmeticProcedure => "cosmetic procedure",
            TherapyCategory::Device => "device",
            TherapyCategory::Drug => "drug",
            TherapyCategory::Processing => "cell or blood processing",
            TherapyCategory::Research => "research",
        }
    }
}

/// Whose cells a cell-based therapy uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CellOrigin {
    /// The patient's own cells.
    Autologous,
    /// A donor's cells.
    Allogeneic,
    /// Either, depending on the protocol.
    Either,
    /// Plant-derived material (e.g. rose exosomes).
    Plant,
}

impl CellOrigin {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            CellOrigin::Autologous => "autologous (patient's own)",
            CellOrigin::Allogeneic => "allogeneic (donor)",
            CellOrigin::Either => "autologous or allogeneic",
            CellOrigin::Plant => "plant-derived",
        }
    }
}

/// Level of evidence as the source document states it. The explorer never upgrades it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Evidence {
    /// Standard, established care.
    Established,
    /// In use, with growing but incomplete evidence.
    Emerging,
    /// Experimental; not standardised, results not guaranteed.
    Investigational,
    /// Laboratory or early research only; not a treatment.
    ResearchOnly,
    /// The sources name the therapy but do not say how well supported it is.
    NotStated,
}

impl Evidence {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Evidence::Established => "established",
            Evidence::Emerging => "emerging",
            Evidence::Investigational => "investigational",
            Evidence::ResearchOnly => "research only",
            Evidence::NotStated => "not stated by the sources",
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A side effect, with its rate where the source gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideEffect {
    /// The effect.
    pub effect: String,
    /// How often, as the source gives it ("rare", "1 in 10,000"), where given.
    #[serde(default)]
    pub rate: Option<String>,
}

/// One point or span on a therapy's timeline, in weeks from the procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// What happens: "Recovery", "First visible results", "Peak results", "Results last".
    pub label: String,
    /// The span as the source words it ("3–6 months").
    pub text: String,
    /// Start of the span, in weeks after the procedure.
    pub from_weeks: f64,
    /// End of the span, in weeks after the procedure; absent for an open end.
    #[serde(default)]
    pub to_weeks: Option<f64>,
}

/// A therapy method: a cell therapy, a biologic, a procedure, a drug, a device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Therapy {
    /// Stable id: lowercase slug of the English name.
    pub id: Id,
    /// English name.
    pub name: String,
    /// Abbreviations and other names the sources use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A short summary in the project's own words.
    pub summary: String,
    /// What sort of treatment it is.
    pub category: TherapyCategory,
    /// Where the cells or material come from ("abdominal or hip fat").
    #[serde(default)]
    pub cell_source: Option<String>,
    /// Whose cells: autologous or allogeneic, for cell-based therapies.
    #[serde(default)]
    pub origin: Option<CellOrigin>,
    /// How it is thought to work.
    #[serde(default)]
    pub mechanism: Option<String>,
    /// How it is given (scalp injection, IV, intra-articular...).
    #[serde(default)]
    pub delivery: Vec<String>,
    /// How long one procedure takes.
    #[serde(default)]
    pub procedure_time: Option<String>,
    /// Number of sessions and the interval between them.
    #[serde(default)]
    pub sessions: Option<String>,
    /// Recovery and downtime.
    #[serde(default)]
    pub recovery: Option<String>,
    /// When results appear, peak and last, for drawing on a time axis.
    #[serde(default)]
    pub timeline: Vec<Milestone>,
    /// Side effects, with rates where given.
    #[serde(default)]
    pub side_effects: Vec<SideEffect>,
    /// Evidence level as the source states it.
    pub evidence: Evidence,
    /// The source's own words on the evidence, paraphrased.
    #[serde(default)]
    pub evidence_note: Option<String>,
    /// Regulatory status as stated (MFDS, FDA, Korean law), each with its own source.
    #[serde(default)]
    pub regulatory: Vec<Note>,
    /// Other facts worth knowing (limits, contraindications, combinations), each with its own source.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Comparable attributes, same names across therapies (e.g. the SMP-vs-transplant table).
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    /// Claims made for the therapy by a clinic or an article.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Where the facts come from.
    pub sources: Vec<SourceRef>,
}

impl_record!(
    Therapy,
    Kind::Therapy,
    claims = claims,
    attributes = attributes
);
