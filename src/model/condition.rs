//! Medical conditions.

use super::{Attribute, Id, Kind, Note, SourceRef, impl_record};
use serde::{Deserialize, Serialize};

/// A condition: a disease, an injury, a kind of scar, a direction of research.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Stable id: lowercase slug of the English name.
    pub id: Id,
    /// English name.
    pub name: String,
    /// Abbreviations, pseudonyms and other names the sources use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A short summary in the project's own words.
    pub summary: String,
    /// Broad area: "Hair loss", "Scars", "Skin", "Joints", "Spine", "Sexual health", "Systemic"...
    pub category: String,
    /// The condition this one is a type of (its subtypes are derived from this link).
    #[serde(default)]
    pub parent: Option<Id>,
    /// Symptoms and signs as the sources list them.
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// Causes and risk factors as the sources list them.
    #[serde(default)]
    pub causes: Vec<String>,
    /// Ids of the therapies the sources name for it.
    #[serde(default)]
    pub therapies: Vec<Id>,
    /// True when the sources name it only as a direction of research, with no treatment offered.
    #[serde(default)]
    pub research_only: bool,
    /// Other facts worth knowing (diagnosis, prognosis, who it affects), each with its own source.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Comparable attributes, same names across conditions (e.g. the scar-vs-keloid table).
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    /// Where the facts come from.
    pub sources: Vec<SourceRef>,
}

impl_record!(Condition, Kind::Condition, attributes = attributes);
