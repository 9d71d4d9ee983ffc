//! Two to four records of one kind lined up attribute by attribute. Built once here; the command line
//! prints it and the explorer's compare view draws it.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::model::Kind;
use serde::Serialize;

/// The most records one comparison holds.
pub const MAX_COLUMNS: usize = 4;

/// One compared record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// One row: an attribute and each record's value (`None` where a record has none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The attribute's name.
    pub attribute: String,
    /// One value per column.
    pub values: Vec<Option<String>>,
    /// True when the values are not all the same.
    pub differs: bool,
}

/// A side-by-side comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Kind of the records.
    pub kind: Kind,
    /// The records, one per column.
    pub columns: Vec<Column>,
    /// The rows: the records' comparable attributes first, then their other fields, claims and sources.
    pub rows: Vec<Row>,
}

/// What a missing value is shown as.
pub const MISSING: &str = "—";

impl Comparison {
    /// Builds the comparison of 2 to 4 records of one kind; an unknown id is an error naming the closest.
    pub fn build(data: &Dataset, kind: Kind, ids: &[&str]) -> Result<Comparison> {
        Self::build_in(data, kind, ids, None)
    }

    /// Like [`Comparison::build`]; cost ranges also get a row with their figures converted to
    /// `currency` where they are in the other one.
    pub fn build_in(
        data: &Dataset,
        kind: Kind,
        ids: &[&str],
        currency: Option<crate::model::Currency>,
    ) -> Result<Comparison> {
        if !(2..=MAX_COLUMNS).contains(&ids.len()) {
            return Err(Error::Request(format!(
                "a comparison takes 2 to {MAX_COLUMNS} records, not {}",
                ids.len()
            )));
        }
        let mut descs = Vec::new();
        for id in ids {
            data.find(kind, id)?;
            descs.push(data.describe_in(kind, id, currency).expect("found above"));
        }
        // Row names in order of first appearance: attributes, then fields, then links, claims, sources.
        let mut names: Vec<String> = Vec::new();
        let mut add = |n: &str| {
            if !names.iter().any(|x| x == n) {
                names.push(n.to_owned());
            }
        };
        for d in &descs {
            d.attributes.iter().for_each(|a| add(&a.label));
        }
        for d in &descs {
            d.fields.iter().for_each(|a| add(&a.label));
        }
        for d in &descs {
            d.links.iter().for_each(|l| add(&l.label));
        }
        if descs.iter().any(|d| !d.claims.is_empty()) {
            add("Claims (not verified)");
        }
        add("Sources");
        let value = |d: &crate::describe::Description, name: &str| -> Option<String> {
            if let Some(a) = d.attributes.iter().find(|a| a.label == name) {
                return Some(a.value.clone());
            }
            if let Some(f) = d.fields.iter().find(|f| f.label == name) {
                return Some(f.value.clone());
            }
            if let Some(l) = d.links.iter().find(|l| l.label == name) {
                return Some(l.names());
            }
            match name {
                "Claims (not verified)" if !d.claims.is_empty() => Some(
                    d.claims
                        .iter()
                        .map(|c| format!("{} says: \"{}\"", capitalize(&c.by), c.text))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                "Sources" => Some(
                    d.sources
                        .iter()
                        .map(|s| format!("{} ({})", s.citation, s.section))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                _ => None,
            }
        };
        let rows = names
            .iter()
            .map(|n| {
                let values: Vec<Option<String>> = descs.iter().map(|d| value(d, n)).collect();
                let differs = values.windows(2).any(|w| w[0] != w[1]);
                Row {
                    attribute: n.clone(),
                    values,
                    differs,
                }
            })
            .collect();
        Ok(Comparison {
            kind,
            columns: descs
                .iter()
                .map(|d| Column {
                    id: d.id.clone(),
                    name: d.name.clone(),
                })
                .collect(),
            rows,
        })
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
