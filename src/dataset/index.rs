//! Lookups by id and the reverse links derived from the one-directional links in the files.

use super::Dataset;
use crate::model::{Id, Kind};
use std::collections::HashMap;

/// Positions by id for every kind, and derived reverse links.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    positions: HashMap<(Kind, String), usize>,
    subtypes: HashMap<String, Vec<Id>>,
    conditions_for: HashMap<String, Vec<Id>>,
    clinics_offering: HashMap<String, Vec<Id>>,
    costs_for: HashMap<String, Vec<Id>>,
    /// Positions of the cost ranges of each cost group, in file order.
    ranges_in_group: HashMap<String, Vec<usize>>,
    /// Positions of the cost groups that have cost ranges, in file order.
    groups_in_use: Vec<usize>,
}

fn push(map: &mut HashMap<String, Vec<Id>>, key: &Id, value: &Id) {
    map.entry(key.0.clone()).or_default().push(value.clone());
}

impl Index {
    /// Builds the index of a validated dataset.
    pub fn build(data: &Dataset) -> Index {
        let mut index = Index::default();
        for kind in Kind::ALL {
            for (i, r) in data.records(kind).into_iter().enumerate() {
                index.positions.insert((kind, r.id().0.clone()), i);
            }
        }
        for c in &data.conditions {
            if let Some(p) = &c.parent {
                push(&mut index.subtypes, p, &c.id);
            }
            for t in &c.therapies {
                push(&mut index.conditions_for, t, &c.id);
            }
        }
        for c in &data.clinics {
            for t in &c.therapies {
                push(&mut index.clinics_offering, t, &c.id);
            }
        }
        for (i, c) in data.costs.ranges.iter().enumerate() {
            for t in &c.therapies {
                push(&mut index.costs_for, t, &c.id);
            }
            index
                .ranges_in_group
                .entry(c.group.0.clone())
                .or_default()
                .push(i);
        }
        index.groups_in_use = (data.costs.groups.iter().enumerate())
            .filter(|(_, g)| index.ranges_in_group.contains_key(g.id.as_str()))
            .map(|(i, _)| i)
            .collect();
        index
    }

    pub fn position(&self, kind: Kind, id: &str) -> Option<usize> {
        self.positions.get(&(kind, id.to_owned())).copied()
    }

    pub fn subtypes(&self, id: &str) -> &[Id] {
        self.subtypes.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn conditions_for(&self, id: &str) -> &[Id] {
        self.conditions_for.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn clinics_offering(&self, id: &str) -> &[Id] {
        self.clinics_offering.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn groups_in_use(&self) -> &[usize] {
        &self.groups_in_use
    }

    pub fn ranges_in_group(&self, group: &str) -> &[usize] {
        self.ranges_in_group.get(group).map_or(&[], Vec::as_slice)
    }

    pub fn costs_for(&self, id: &str) -> &[Id] {
        self.costs_for.get(id).map_or(&[], Vec::as_slice)
    }
}
