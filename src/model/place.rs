//! Places: a neighbourhood lies in its district, a district in its city, a city in its country. A
//! clinic's district is matched against these, so "Gangnam" finds the clinics in Sinsa-dong. Places
//! are facts with their own sources, never a clinic's own words.

use super::common::{Id, SourceRef};
use serde::{Deserialize, Serialize};

/// How large a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlaceLevel {
    /// A country.
    Country,
    /// A city (Seoul).
    City,
    /// A district of a city (a gu: Gangnam-gu).
    District,
    /// A neighbourhood of a district (a dong: Sinsa-dong).
    Neighbourhood,
    /// A named street or area within a neighbourhood (Garosu-gil).
    Area,
}

impl PlaceLevel {
    /// A lowercase label for messages and facets.
    pub fn label(self) -> &'static str {
        match self {
            PlaceLevel::Country => "country",
            PlaceLevel::City => "city",
            PlaceLevel::District => "district",
            PlaceLevel::Neighbourhood => "neighbourhood",
            PlaceLevel::Area => "area",
        }
    }
}

/// One place, with the place it lies in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Stable slug.
    pub id: Id,
    /// The English name as the sources spell it ("Sinsa-dong").
    pub name: String,
    /// Its name in Korean, where the sources give it.
    #[serde(default)]
    pub korean: Option<String>,
    /// Other spellings a record or a person may use ("Sinsa", "Gangnam District").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// How large it is.
    pub level: PlaceLevel,
    /// The id of the place it lies in.
    #[serde(default)]
    pub within: Option<Id>,
    /// Where the sources leave a doubt (a name shared by two places), said in our own words.
    #[serde(default)]
    pub ambiguity: Option<String>,
    /// Where these facts come from.
    pub sources: Vec<SourceRef>,
}
