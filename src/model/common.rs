//! Types shared by every kind of record.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable record id: the lowercase slug of the record's English name (`lichen-planopilaris`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when the id is a lowercase slug: `a-z`, `0-9` and single hyphens, not starting or ending
    /// with a hyphen.
    pub fn is_slug(&self) -> bool {
        let s = &self.0;
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_owned())
    }
}

/// The kinds of record the explorer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A medical condition.
    Condition,
    /// A therapy method.
    Therapy,
    /// A clinic or hospital.
    Clinic,
    /// A cost range.
    Cost,
    /// A travel fact: visa, stay, journey step, instruction, question, help number, cost factor.
    Travel,
}

impl Kind {
    /// Every kind, in the order the explorer's tabs show them.
    pub const ALL: [Kind; 5] = [
        Kind::Condition,
        Kind::Therapy,
        Kind::Clinic,
        Kind::Cost,
        Kind::Travel,
    ];

    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Condition => "condition",
            Kind::Therapy => "therapy",
            Kind::Clinic => "clinic",
            Kind::Cost => "cost",
            Kind::Travel => "travel",
        }
    }

    /// A plural label for headings and tabs.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Condition => "Conditions",
            Kind::Therapy => "Therapies",
            Kind::Clinic => "Clinics",
            Kind::Cost => "Costs",
            Kind::Travel => "Travel",
        }
    }

    /// Parses a kind name, singular or plural, in any case.
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| s == k.as_str() || s == k.plural().to_ascii_lowercase())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a fact comes from: a source document (by id, see `sources.ron`) and the section in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Id of an entry in `sources.ron`.
    pub source: Id,
    /// The section, table or heading of that document the fact is taken from.
    pub section: String,
}

/// One comparable attribute: a name shared across records of a kind, and this record's value.
///
/// Written in RON as a pair: `("Regression over time", "Often regresses")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute(pub String, pub String);

impl Attribute {
    /// The attribute's name (the row of a comparison).
    pub fn name(&self) -> &str {
        &self.0
    }
    /// This record's value for it.
    pub fn value(&self) -> &str {
        &self.1
    }
}

/// Who makes a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClaimBy {
    /// The clinic or provider says it about itself (its website, its doctors).
    Clinic,
    /// The article that mentions it says it.
    Article,
    /// The maker of a product says it about the product (named in `who`).
    Brand,
    /// A doctor quoted by the article says it (named in `who`).
    Doctor,
}

impl ClaimBy {
    /// Who, as shown: "the clinic", "the article", "the brand", "a doctor".
    pub fn label(self) -> &'static str {
        match self {
            ClaimBy::Clinic => "the clinic",
            ClaimBy::Article => "the article",
            ClaimBy::Brand => "the brand",
            ClaimBy::Doctor => "a doctor",
        }
    }
}

/// A statement that is somebody's claim, not an established fact: shown as a claim, never as a ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The claim in a few words, e.g. "the best clinic for scarring alopecia in Korea".
    pub text: String,
    /// Who makes it.
    pub by: ClaimBy,
    /// The brand or person by name, where the source names them ("CosmeRNA", "Dr. Eunice Park").
    #[serde(default)]
    pub who: Option<String>,
    /// Where it was made.
    pub source: SourceRef,
}

/// A statement with its own source: used where one record gathers facts from several documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The statement, in the project's own words.
    pub text: String,
    /// Where it comes from.
    pub source: SourceRef,
}
