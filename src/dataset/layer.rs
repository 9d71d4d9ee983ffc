//! Data layers: directories loaded on top of the base dataset (the bundled data or a complete
//! `--data` directory), in order, into one dataset. A layer holds any subset of the data files; a
//! record with a new id adds, one with an id an earlier layer has replaces it whole, and
//! `remove.ron` lists records to take out. Each record remembers the layer it came from.

use super::{Dataset, FILES, FileText};
use crate::error::Problem;
use crate::model::{Id, Kind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The file of a layer that lists records of earlier layers to take out.
pub const REMOVE_FILE: &str = "remove.ron";

/// The name of the base layer when it is the bundled data.
pub const BUNDLED: &str = "bundled";

/// One layer: its name (`bundled`, or its directory's name) and directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// `bundled`, or the directory's last component.
    pub name: String,
    /// The directory, for a layer read from one.
    pub dir: Option<PathBuf>,
}

impl Layer {
    /// The layer of a directory, named after it.
    pub fn of_dir(dir: &Path) -> Layer {
        let name = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Layer {
            name,
            dir: Some(dir.to_path_buf()),
        }
    }
}

/// Where one record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// Its layer, as a position in [`Provenance::layers`].
    pub layer: u16,
    /// The layer of the record it replaced, if it replaced one.
    pub replaces: Option<u16>,
}

/// The layers a dataset was loaded from and each record's origin; empty when no layer was given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The layers, base first.
    pub layers: Vec<Layer>,
    /// Per list (`clinics`, `costs.ranges`...), each record's origin, in list order.
    origins: BTreeMap<String, Vec<Origin>>,
}

/// A record of an earlier layer to take out, as written in `remove.ron`: `(kind: clinic, id: "...")`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Removal {
    /// Its kind.
    pub kind: Kind,
    /// Its id.
    pub id: Id,
}

/// The list key of a kind.
fn list_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Condition => "conditions",
        Kind::Therapy => "therapies",
        Kind::Clinic => "clinics",
        Kind::Cost => "costs.ranges",
        Kind::Travel => "travel",
    }
}

/// The lists a data file holds.
fn lists_in(file: &str) -> &'static [&'static str] {
    match file {
        "sources.ron" => &["sources"],
        "conditions.ron" => &["conditions"],
        "therapies.ron" => &["therapies"],
        "clinics.ron" => &["clinics"],
        "costs.ron" => &[
            "costs.exchange_rates",
            "costs.groups",
            "costs.ranges",
            "costs.percentages",
        ],
        "places.ron" => &["places"],
        _ => &["travel"],
    }
}

impl Provenance {
    /// True when the dataset was loaded from more than one layer.
    pub fn layered(&self) -> bool {
        self.layers.len() > 1
    }

    /// The origin of the record at `position` in the list of `kind`.
    pub fn origin(&self, kind: Kind, position: usize) -> Option<Origin> {
        self.origins.get(list_of(kind))?.get(position).copied()
    }

    /// The layer of each record id of the lists file `name` holds (empty without layers).
    pub(crate) fn layers_of_file<'a>(
        &self,
        data: &'a Dataset,
        name: &str,
    ) -> HashMap<&'a str, usize> {
        let mut out = HashMap::new();
        for &list in lists_in(name) {
            let Some(origins) = self.origins.get(list) else {
                continue;
            };
            for (id, o) in ids(data, list).into_iter().zip(origins) {
                out.insert(id, usize::from(o.layer));
            }
        }
        out
    }
}

/// The ids of a list, in order.
fn ids<'a>(data: &'a Dataset, list: &str) -> Vec<&'a str> {
    fn of<T>(v: &[T], id: impl Fn(&T) -> &Id) -> Vec<&str> {
        v.iter().map(|r| id(r).as_str()).collect()
    }
    let c = &data.costs;
    match list {
        "sources" => of(&data.sources, |r| &r.id),
        "conditions" => of(&data.conditions, |r| &r.id),
        "therapies" => of(&data.therapies, |r| &r.id),
        "clinics" => of(&data.clinics, |r| &r.id),
        "costs.exchange_rates" => of(&c.exchange_rates, |r| &r.id),
        "costs.groups" => of(&c.groups, |r| &r.id),
        "costs.ranges" => of(&c.ranges, |r| &r.id),
        "costs.percentages" => of(&c.percentages, |r| &r.id),
        "places" => of(&data.places, |r| &r.id),
        _ => of(&data.travel, |r| &r.id),
    }
}

/// The text a missing file of a layer stands for: nothing to add.
pub(crate) fn empty_text(file: &str) -> &'static str {
    if file == "costs.ron" {
        "(exchange_rates: [], groups: [], ranges: [])"
    } else {
        "[]"
    }
}

/// Merges one list of a layer into the list so far: new ids add, known ids replace in place,
/// a repeated id within the layer is a problem at its second occurrence.
struct Merge<'a> {
    layer: u16,
    file: &'a FileText,
    problems: &'a mut Vec<Problem>,
}

impl Merge<'_> {
    fn list<T>(
        &mut self,
        key: &str,
        into: &mut Vec<T>,
        origins: &mut BTreeMap<String, Vec<Origin>>,
        add: Vec<T>,
        id: impl Fn(&T) -> &Id,
    ) {
        let o = origins.entry(key.to_owned()).or_insert_with(|| {
            vec![
                Origin {
                    layer: 0,
                    replaces: None
                };
                into.len()
            ]
        });
        let mut at: HashMap<String, usize> = (into.iter().enumerate())
            .map(|(i, r)| (id(r).0.clone(), i))
            .collect();
        let mut seen = HashSet::new();
        for r in add {
            let rid = id(&r).0.clone();
            if !seen.insert(rid.clone()) {
                self.problems.push(super::validate::locate(
                    self.file,
                    &rid,
                    1,
                    format!(
                        "id `{rid}` is used twice in this layer; ids must be unique within a layer"
                    ),
                ));
                continue;
            }
            match at.get(&rid) {
                Some(&i) => {
                    o[i] = Origin {
                        layer: self.layer,
                        replaces: Some(o[i].layer),
                    };
                    into[i] = r;
                }
                None => {
                    at.insert(rid, into.len());
                    into.push(r);
                    o.push(Origin {
                        layer: self.layer,
                        replaces: None,
                    });
                }
            }
        }
    }
}

/// Takes out of `data` the records `removals` name (a problem for each that is not there).
pub(crate) fn remove(
    data: &mut Dataset,
    prov: &mut Provenance,
    removals: &[Removal],
    file: &FileText,
    problems: &mut Vec<Problem>,
) {
    for r in removals {
        let key = list_of(r.kind);
        let ids = ids(data, key);
        let Some(pos) = ids.iter().position(|i| *i == r.id.as_str()) else {
            problems.push(super::validate::locate(
                file,
                r.id.as_str(),
                0,
                format!(
                    "`{}` is not a {} id in an earlier layer, so it cannot be removed",
                    crate::text::sanitize(r.id.as_str()),
                    r.kind
                ),
            ));
            continue;
        };
        let origins = prov.origins.entry(key.to_owned()).or_insert_with(|| {
            vec![
                Origin {
                    layer: 0,
                    replaces: None
                };
                ids.len()
            ]
        });
        origins.remove(pos);
        match r.kind {
            Kind::Condition => drop(data.conditions.remove(pos)),
            Kind::Therapy => drop(data.therapies.remove(pos)),
            Kind::Clinic => drop(data.clinics.remove(pos)),
            Kind::Cost => drop(data.costs.ranges.remove(pos)),
            Kind::Travel => drop(data.travel.remove(pos)),
        }
    }
}

/// Merges the records of layer number `layer` (`add`, parsed from `files`) into `data`.
pub(crate) fn merge(
    data: &mut Dataset,
    prov: &mut Provenance,
    layer: u16,
    add: Dataset,
    files: &[FileText],
    problems: &mut Vec<Problem>,
) {
    let file = |name: &str| {
        files
            .iter()
            .find(|f| f.label.file_name().is_some_and(|n| n == name))
            .unwrap_or(&files[0])
    };
    let o = &mut prov.origins;
    macro_rules! list {
        ($file:expr, $key:expr, $into:expr, $add:expr) => {
            Merge {
                layer,
                file: file($file),
                problems,
            }
            .list($key, &mut $into, o, $add, |r| &r.id)
        };
    }
    list!("sources.ron", "sources", data.sources, add.sources);
    list!(
        "conditions.ron",
        "conditions",
        data.conditions,
        add.conditions
    );
    list!("therapies.ron", "therapies", data.therapies, add.therapies);
    list!("clinics.ron", "clinics", data.clinics, add.clinics);
    let c = add.costs;
    list!(
        "costs.ron",
        "costs.exchange_rates",
        data.costs.exchange_rates,
        c.exchange_rates
    );
    list!("costs.ron", "costs.groups", data.costs.groups, c.groups);
    list!("costs.ron", "costs.ranges", data.costs.ranges, c.ranges);
    list!(
        "costs.ron",
        "costs.percentages",
        data.costs.percentages,
        c.percentages
    );
    list!("travel.ron", "travel", data.travel, add.travel);
    list!(super::PLACES, "places", data.places, add.places);
    debug_assert_eq!(FILES.len(), 6);
}

/// Names the layer of each problem in a layered load: `layer `NAME`: message`.
pub(crate) fn name_layers(problems: &mut [Problem], layers: &[Layer]) {
    for p in problems {
        let layer = layers
            .iter()
            .rev()
            .find(|l| l.dir.as_ref().is_some_and(|d| p.file.starts_with(d)))
            .or_else(|| layers.first().filter(|l| l.dir.is_none()));
        if let Some(l) = layer {
            p.message = format!("layer `{}`: {}", crate::text::sanitize(&l.name), p.message);
        }
    }
}

/// One layer's files as read: the layer, its six files (a missing one stands for nothing) and
/// `places.ron` after them if it has one, and its `remove.ron` if it has one.
pub(crate) struct LayerInput {
    pub layer: Layer,
    pub texts: Vec<Result<FileText, Problem>>,
    pub removals: Option<Result<FileText, Problem>>,
}

/// Reads the files a layer directory has.
pub(crate) fn read_layer(dir: &Path) -> Result<LayerInput, Problem> {
    if !dir.is_dir() {
        return Err(Problem::in_file(
            dir,
            "layer directory not found; expected a directory holding some of the data files",
        ));
    }
    let read = |path: PathBuf| {
        super::read::read_bytes(&path, &path)
            .and_then(|b| super::read::decode(b, &path))
            .map(|text| FileText { label: path, text })
    };
    let mut texts: Vec<_> = FILES
        .iter()
        .map(|name| {
            let path = dir.join(name);
            if path.exists() {
                read(path)
            } else {
                Ok(FileText {
                    label: path,
                    text: empty_text(name).to_owned(),
                })
            }
        })
        .collect();
    // The optional places file, after the six (as a data directory's), only when there.
    let places = dir.join(super::PLACES);
    if places.exists() {
        texts.push(read(places));
    }
    let remove = dir.join(REMOVE_FILE);
    let removals = remove.exists().then(|| read(remove));
    Ok(LayerInput {
        layer: Layer::of_dir(dir),
        texts,
        removals,
    })
}
