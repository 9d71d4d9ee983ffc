//! Travel facts: visa, length of stay, the patient journey, instructions, questions, help numbers.

use super::{Id, Kind, SourceRef, impl_record};
use serde::{Deserialize, Serialize};

/// What a travel fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Topic {
    /// A visa and what it needs.
    Visa,
    /// How long to stay for a kind of treatment.
    Stay,
    /// A phase of the patient journey, in order.
    Journey,
    /// What to do before treatment.
    BeforeTreatment,
    /// What to do after treatment.
    AfterTreatment,
    /// The follow-up schedule.
    FollowUp,
    /// A question to ask a clinic.
    Question,
    /// An emergency or help number.
    Help,
    /// What makes a price go up or down.
    CostFactor,
    /// Law, regulation, accreditation.
    Regulation,
    /// Practical tips: transport, language, insurance.
    Practical,
}

impl Topic {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Topic::Visa => "visa",
            Topic::Stay => "length of stay",
            Topic::Journey => "patient journey",
            Topic::BeforeTreatment => "before treatment",
            Topic::AfterTreatment => "after treatment",
            Topic::FollowUp => "follow-up",
            Topic::Question => "question to ask",
            Topic::Help => "help number",
            Topic::CostFactor => "cost factor",
            Topic::Regulation => "regulation",
            Topic::Practical => "practical",
        }
    }
}

/// One travel fact. Lists (documents needed, steps, instructions) go in `items`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TravelFact {
    /// Stable id: slug of the name.
    pub id: Id,
    /// Short name: "C-3-3 medical visa", "Phase 2: stem cell collection".
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it says, in the project's own words.
    pub summary: String,
    /// What it is about.
    pub topic: Topic,
    /// Position among facts of the same topic (journey phases, follow-up visits).
    #[serde(default)]
    pub order: Option<u32>,
    /// A key value: a phone number, a duration ("up to 90 days").
    #[serde(default)]
    pub value: Option<String>,
    /// For a visa: the longest stay it covers, in days (used to say which visa a trip needs).
    #[serde(default)]
    pub max_days: Option<u32>,
    /// Items of a list: documents, steps, instructions.
    #[serde(default)]
    pub items: Vec<String>,
    /// Ids of travel facts from another source that say something different; both are kept and shown.
    #[serde(default)]
    pub disagrees_with: Vec<Id>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

impl_record!(TravelFact, Kind::Travel);
