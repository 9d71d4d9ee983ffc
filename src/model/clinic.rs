//! Clinics and hospitals.

use super::{Attribute, Claim, Id, Kind, SourceRef, impl_record};
use serde::{Deserialize, Serialize};

/// A doctor named by a source, with the role the source gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doctor {
    /// Name as written in the source ("Dr. Chris Gunwoo Kim").
    pub name: String,
    /// Role ("lead doctor", "medical director").
    #[serde(default)]
    pub role: Option<String>,
}

/// A clinic, hospital or institution. Its marketing lives in `claims`, never in facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clinic {
    /// Stable id: lowercase slug of the English name.
    pub id: Id,
    /// English name.
    pub name: String,
    /// Other names, including the Korean name where known.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A short, neutral summary in the project's own words.
    pub summary: String,
    /// "clinic", "hospital", "academic medical centre"...
    pub institution: String,
    /// City, where the source gives it.
    #[serde(default)]
    pub city: Option<String>,
    /// District or neighbourhood, where the source gives it.
    #[serde(default)]
    pub district: Option<String>,
    /// Doctors the sources name.
    #[serde(default)]
    pub doctors: Vec<Doctor>,
    /// Ids of therapies the sources say it offers.
    #[serde(default)]
    pub therapies: Vec<Id>,
    /// Named techniques, programmes and kits, in the clinic's own terms.
    #[serde(default)]
    pub techniques: Vec<String>,
    /// Facilities (clean room, in-house cell processing).
    #[serde(default)]
    pub facilities: Vec<String>,
    /// Certifications and designations as stated.
    #[serde(default)]
    pub certifications: Vec<String>,
    /// The clinic's website, where the source gives it.
    #[serde(default)]
    pub website: Option<String>,
    /// Comparable attributes, same names across clinics.
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    /// What the clinic or an article says about it: shown as claims, never as facts or rankings.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Where the facts come from.
    pub sources: Vec<SourceRef>,
}

impl_record!(
    Clinic,
    Kind::Clinic,
    claims = claims,
    attributes = attributes
);
