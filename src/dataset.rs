//! RON files -> a validated [`Dataset`] with indexes by id and by link.
//!
//! One code path serves the explorer, every subcommand and `check`: the files are read, parsed,
//! validated and indexed, and every problem found is returned at once, each with its file, line and
//! column. The bundled files go through that path when the crate is built (`build.rs` mounts these
//! same modules), and the binary carries the result in a compact form ([`form`]) that start-up only
//! decodes; `check` still runs the whole path on the bundled text. A data directory's validated
//! dataset is kept in the user's cache ([`crate::cache`]) so the next run with the same files skips the work.

#[cfg(bundled_form)]
mod bundled;
pub mod form;
mod index;
pub mod layer;
mod load;
mod parse;
pub mod progress;
pub(crate) mod read;
mod strings;
mod validate;

use crate::error::{Error, Result};
use crate::model::{
    Clinic, Condition, CostRange, Costs, Id, Kind, Record, Source, Therapy, TravelFact,
};
use index::Index;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub(crate) use load::{FileText, read_dir, read_layers};
pub use read::{MAX_FILE_BYTES, MAX_NESTING};
pub use strings::PLACEHOLDER;

/// The files a data directory holds, in the order they are read.
pub const FILES: [&str; 6] = [
    "sources.ron",
    "conditions.ron",
    "therapies.ron",
    "clinics.ron",
    "costs.ron",
    "travel.ron",
];

/// The bundled files' text, compiled into the binary for `check` (start-up uses the checked form).
const BUNDLED: [(&str, &str); 6] = [
    ("sources.ron", include_str!("../data/sources.ron")),
    ("conditions.ron", include_str!("../data/conditions.ron")),
    ("therapies.ron", include_str!("../data/therapies.ron")),
    ("clinics.ron", include_str!("../data/clinics.ron")),
    ("costs.ron", include_str!("../data/costs.ron")),
    ("travel.ron", include_str!("../data/travel.ron")),
];

/// The optional file of places (where neighbourhoods lie), read after [`FILES`]; a directory without
/// it has no place facts.
pub const PLACES: &str = "places.ron";

/// The bundled places' text.
const BUNDLED_PLACES: &str = include_str!("../data/places.ron");

/// The environment variable naming a data directory to use instead of the bundled data.
pub const DATA_ENV: &str = "CLINIC_EXPLORER_DATA";

/// Where to load the dataset from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// The files compiled into the binary.
    Bundled,
    /// A directory holding the six files.
    Dir(PathBuf),
}

impl DataSource {
    /// A `--data` value if given, else `CLINIC_EXPLORER_DATA` if set and not empty, else the bundled data.
    pub fn choose(flag: Option<PathBuf>) -> DataSource {
        flag.or_else(|| {
            std::env::var_os(DATA_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .map_or(DataSource::Bundled, DataSource::Dir)
    }

    /// Says where the data came from, for headers and `check`.
    pub fn describe(&self) -> String {
        match self {
            DataSource::Bundled => "bundled data".to_owned(),
            DataSource::Dir(d) => d.display().to_string(),
        }
    }
}

/// The whole dataset, validated, with indexes by id and by link.
///
/// Serialised (without its indexes, rebuilt on decoding) for the bundled form and the cache; the
/// derives follow the model, so a new field needs no code here.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Dataset {
    /// Source documents.
    pub sources: Vec<Source>,
    /// Conditions.
    pub conditions: Vec<Condition>,
    /// Therapy methods.
    pub therapies: Vec<Therapy>,
    /// Clinics and hospitals.
    pub clinics: Vec<Clinic>,
    /// Cost ranges, exchange rates, groups and percentages.
    pub costs: Costs,
    /// Travel facts.
    pub travel: Vec<TravelFact>,
    /// Places (a neighbourhood in its district), from the optional `places.ron` (see
    /// [`crate::places`]).
    pub places: Vec<crate::model::Place>,
    /// The layers it was loaded from and each record's origin (empty without layers).
    pub provenance: layer::Provenance,
    #[serde(skip)]
    index: Index,
}

impl Dataset {
    /// Every record of a kind, in file order.
    pub fn records(&self, kind: Kind) -> Vec<&dyn Record> {
        fn all<T: Record>(v: &[T]) -> Vec<&dyn Record> {
            v.iter().map(|r| r as &dyn Record).collect()
        }
        match kind {
            Kind::Condition => all(&self.conditions),
            Kind::Therapy => all(&self.therapies),
            Kind::Clinic => all(&self.clinics),
            Kind::Cost => all(&self.costs.ranges),
            Kind::Travel => all(&self.travel),
        }
    }

    /// The number of records of a kind.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Condition => self.conditions.len(),
            Kind::Therapy => self.therapies.len(),
            Kind::Clinic => self.clinics.len(),
            Kind::Cost => self.costs.ranges.len(),
            Kind::Travel => self.travel.len(),
        }
    }

    /// The record of a kind at a position in file order.
    pub fn record_at(&self, kind: Kind, i: usize) -> Option<&dyn Record> {
        match kind {
            Kind::Condition => self.conditions.get(i).map(|r| r as &dyn Record),
            Kind::Therapy => self.therapies.get(i).map(|r| r as &dyn Record),
            Kind::Clinic => self.clinics.get(i).map(|r| r as &dyn Record),
            Kind::Cost => self.costs.ranges.get(i).map(|r| r as &dyn Record),
            Kind::Travel => self.travel.get(i).map(|r| r as &dyn Record),
        }
    }

    /// Position of a record in its kind's list, by id.
    pub fn position(&self, kind: Kind, id: &str) -> Option<usize> {
        self.index.position(kind, id)
    }

    /// The cost groups that have cost ranges (those charted), in file order.
    pub fn charted_groups(&self) -> impl ExactSizeIterator<Item = &crate::model::CostGroup> + '_ {
        self.index
            .groups_in_use()
            .iter()
            .map(|&i| &self.costs.groups[i])
    }

    /// The `i`th of [`Dataset::charted_groups`].
    pub fn charted_group(&self, i: usize) -> Option<&crate::model::CostGroup> {
        self.index
            .groups_in_use()
            .get(i)
            .map(|&g| &self.costs.groups[g])
    }

    /// The cost ranges of a cost group, in file order.
    pub fn ranges_in_group(&self, group: &str) -> impl Iterator<Item = &CostRange> + '_ {
        self.index
            .ranges_in_group(group)
            .iter()
            .filter_map(|&i| self.costs.ranges.get(i))
    }

    /// The positions (in `costs.ranges`) of a group's cost ranges,
    /// in file order.
    pub fn index_ranges_in_group(&self, group: &str) -> &[usize] {
        self.index.ranges_in_group(group)
    }

    /// The layer a record came from and, if it replaced a record of an earlier layer, that
    /// layer; `None` when the dataset has no layers on top of its base.
    pub fn layer_of(&self, kind: Kind, id: &str) -> Option<(&layer::Layer, Option<&layer::Layer>)> {
        if !self.provenance.layered() {
            return None;
        }
        let origin = self.provenance.origin(kind, self.position(kind, id)?)?;
        let layer = |i: u16| self.provenance.layers.get(usize::from(i));
        Some((layer(origin.layer)?, origin.replaces.and_then(layer)))
    }

    /// A record by kind and id.
    pub fn get(&self, kind: Kind, id: &str) -> Option<&dyn Record> {
        self.position(kind, id)
            .and_then(|i| self.record_at(kind, i))
    }

    /// A record by kind and id, or an error naming the closest ids.
    pub fn find(&self, kind: Kind, id: &str) -> Result<&dyn Record> {
        self.get(kind, id).ok_or_else(|| Error::UnknownId {
            kind,
            id: id.to_owned(),
            suggestions: crate::text::closest(
                id,
                self.records(kind).iter().map(|r| r.id().as_str()),
                3,
            ),
        })
    }

    /// A condition by id.
    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.position(Kind::Condition, id)
            .map(|i| &self.conditions[i])
    }

    /// A therapy by id.
    pub fn therapy(&self, id: &str) -> Option<&Therapy> {
        self.position(Kind::Therapy, id).map(|i| &self.therapies[i])
    }

    /// A clinic by id.
    pub fn clinic(&self, id: &str) -> Option<&Clinic> {
        self.position(Kind::Clinic, id).map(|i| &self.clinics[i])
    }

    /// A cost range by id.
    pub fn cost(&self, id: &str) -> Option<&CostRange> {
        self.position(Kind::Cost, id).map(|i| &self.costs.ranges[i])
    }

    /// A travel fact by id.
    pub fn travel_fact(&self, id: &str) -> Option<&TravelFact> {
        self.position(Kind::Travel, id).map(|i| &self.travel[i])
    }

    /// A source document by id.
    pub fn source(&self, id: &Id) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// The subtypes of a condition (conditions whose parent it is).
    pub fn subtypes(&self, condition: &str) -> &[Id] {
        self.index.subtypes(condition)
    }

    /// The conditions a therapy is named for.
    pub fn conditions_for(&self, therapy: &str) -> &[Id] {
        self.index.conditions_for(therapy)
    }

    /// The clinics that offer a therapy.
    pub fn clinics_offering(&self, therapy: &str) -> &[Id] {
        self.index.clinics_offering(therapy)
    }

    /// The cost ranges that price a therapy.
    pub fn costs_for(&self, therapy: &str) -> &[Id] {
        self.index.costs_for(therapy)
    }
}
