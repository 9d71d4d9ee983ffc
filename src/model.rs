//! Plain data types for the dataset: one file per kind, no terminal code.
//!
//! Every record carries a stable [`Id`], a name, aliases, a summary in the project's own words and at
//! least one [`SourceRef`]. Links between records are stored in one direction only (a condition lists the
//! therapies that address it, a clinic lists the therapies it offers); the reverse links are derived by
//! [`crate::dataset::Dataset`] so the two directions can never disagree.

mod clinic;
mod common;
mod condition;
mod cost;
mod place;
mod source;
mod therapy;
mod travel;

pub use clinic::{Clinic, Doctor};
pub use common::{Attribute, Claim, ClaimBy, Id, Kind, Note, SourceRef};
pub use condition::Condition;
pub use cost::{
    CostGroup, CostRange, Costs, Currency, ExchangeRate, Percentage, PercentageKind, Qualifier,
    Tier, Unit, open_above, shape_problem,
};
pub use place::{Place, PlaceLevel};
pub use source::Source;
pub use therapy::{CellOrigin, Evidence, Milestone, SideEffect, Therapy, TherapyCategory};
pub use travel::{Topic, TravelFact};

/// What every record of every kind has in common, so search, `show` and the panes can treat them alike.
pub trait Record {
    /// The kind of record.
    fn kind(&self) -> Kind;
    /// Stable id: the lowercase slug of the English name.
    fn id(&self) -> &Id;
    /// Display name.
    fn name(&self) -> &str;
    /// Abbreviations, pseudonyms and other names the sources use.
    fn aliases(&self) -> &[String];
    /// A short summary in the project's own words.
    fn summary(&self) -> &str;
    /// Where the facts of this record come from.
    fn sources(&self) -> &[SourceRef];
    /// Claims made by or about the record, attributed to their source (empty for most kinds).
    fn claims(&self) -> &[Claim] {
        &[]
    }
    /// Comparable attributes, with names shared across records of a kind.
    fn attributes(&self) -> &[Attribute] {
        &[]
    }
}

/// Implements [`Record`] for a struct with the usual field names.
macro_rules! impl_record {
    ($ty:ty, $kind:expr $(, claims = $claims:ident)? $(, attributes = $attrs:ident)?) => {
        impl $crate::model::Record for $ty {
            fn kind(&self) -> $crate::model::Kind {
                $kind
            }
            fn id(&self) -> &$crate::model::Id {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
            fn aliases(&self) -> &[String] {
                &self.aliases
            }
            fn summary(&self) -> &str {
                &self.summary
            }
            fn sources(&self) -> &[$crate::model::SourceRef] {
                &self.sources
            }
            $(fn claims(&self) -> &[$crate::model::Claim] {
                &self.$claims
            })?
            $(fn attributes(&self) -> &[$crate::model::Attribute] {
                &self.$attrs
            })?
        }
    };
}
pub(crate) use impl_record;
