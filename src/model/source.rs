//! Source documents: every fact in the dataset points at one of these.

use super::Id;
use serde::{Deserialize, Serialize};

/// A document the dataset's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, referred to by `SourceRef::source`.
    pub id: Id,
    /// The document's title as published.
    pub title: String,
    /// Who published it (site, newspaper, agency).
    pub publisher: String,
    /// Author, where named.
    #[serde(default)]
    pub author: Option<String>,
    /// Publication date as given (`2025-07-17`, `2026-02`), where given.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it can be found (a web address), where known.
    #[serde(default)]
    pub url: Option<String>,
    /// When it was read, for web sources outside the seed documents (`2026-11`).
    #[serde(default)]
    pub retrieved: Option<String>,
    /// True for sources outside the five seed documents (the reference facts).
    #[serde(default)]
    pub external: bool,
    /// What kind of document it is, in a few words ("clinic marketing blog", "newspaper feature").
    #[serde(default)]
    pub note: Option<String>,
}
