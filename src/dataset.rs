//! RON files -> a validated [`Dataset`] with indexes by id and by link.
//!
//! One code path serves the explorer, every subcommand and `check`: [`Dataset::load`] reads the bundled
//! files (compiled into the binary) or a directory of the same files, parses them, validates them and
//! builds the indexes. Every problem found is returned at once, each with its file, line and column.

mod index;
pub mod progress;
pub(crate) mod read;
mod validate;

use crate::error::{Error, Problem, Result};
use crate::model::{
    Clinic, Condition, CostRange, Costs, Id, Kind, Record, Source, Therapy, TravelFact,
};
use index::Index;
use std::path::{Path, PathBuf};

pub use read::{MAX_FILE_BYTES, MAX_NESTING};

/// The files a data directory holds, in the order they are read.
pub const FILES: [&str; 6] = [
    "sources.ron",
    "conditions.ron",
    "therapies.ron",
    "clinics.ron",
    "costs.ron",
    "travel.ron",
];

/// The data compiled into the binary, so it runs from any directory.
const BUNDLED: [(&str, &str); 6] = [
    ("sources.ron", include_str!("../data/sources.ron")),
    ("conditions.ron", include_str!("../data/conditions.ron")),
    ("therapies.ron", include_str!("../data/therapies.ron")),
    ("clinics.ron", include_str!("../data/clinics.ron")),
    ("costs.ron", include_str!("../data/costs.ron")),
    ("travel.ron", include_str!("../data/travel.ron")),
];

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
#[derive(Debug, Clone)]
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
    index: Index,
}

/// One file's name (as shown in messages) and text.
pub(crate) struct FileText {
    pub label: PathBuf,
    pub text: String,
}

impl Dataset {
    /// Loads, validates and indexes the dataset; on failure returns every problem found.
    pub fn load(from: &DataSource) -> Result<Dataset> {
        Self::load_reporting(from, &mut |_| {})
    }

    /// [`Dataset::load`], telling `report` how far it has got (up to
    /// [`progress::SEARCH_START`]; the rest is the caller's).
    pub fn load_reporting(
        from: &DataSource,
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<Dataset> {
        report(progress::Progress::at(
            progress::Step::Reading,
            progress::READ_START,
        ));
        let texts = match from {
            DataSource::Bundled => BUNDLED
                .iter()
                .map(|(name, text)| {
                    Ok(FileText {
                        label: Path::new("data").join(name),
                        text: (*text).to_owned(),
                    })
                })
                .collect::<Vec<_>>(),
            DataSource::Dir(dir) => read_dir(dir, report)?,
        };
        Self::from_texts(texts, report)
    }

    /// Loads a dataset from the bytes of the six files, in [`FILES`] order (missing entries count as
    /// missing files). Used by fuzzing and by front ends that receive files rather than read them.
    pub fn from_bytes(files: Vec<Vec<u8>>) -> Result<Dataset> {
        let mut files = files.into_iter();
        let texts = FILES
            .iter()
            .map(|name| {
                let label = Path::new("data").join(name);
                let bytes = files
                    .next()
                    .ok_or_else(|| Problem::in_file(&label, "file not found"))?;
                if bytes.len() as u64 > MAX_FILE_BYTES {
                    return Err(Problem::in_file(
                        &label,
                        "the file is larger than the limit for a data file",
                    ));
                }
                let text = read::decode(bytes, &label)?;
                Ok(FileText { label, text })
            })
            .collect();
        Self::from_texts(texts, &mut |_| {})
    }

    /// Parses and validates files already in memory (each a label and its text, in [`FILES`] order, or
    /// the problem met reading it).
    fn from_texts(
        texts: Vec<Result<FileText, Problem>>,
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<Dataset> {
        use progress::{
            CHECK_START, INDEX_START, PARSE_START, Progress, SEARCH_START, Step, along,
        };
        let total: u64 = texts.iter().flatten().map(|f| f.text.len() as u64).sum();
        let mut parsed = 0u64;
        let mut problems = Vec::new();
        let mut files = Vec::new();
        for t in texts {
            match t {
                Ok(f) => files.push(Some(f)),
                Err(p) => {
                    problems.push(p);
                    files.push(None);
                }
            }
        }
        // Parses file `$i` with `$parse` (given the text, its label and a share-done callback).
        macro_rules! parse_file {
            ($i:expr, $parse:expr) => {
                match &files[$i] {
                    Some(f) => {
                        let before = parsed;
                        let len = f.text.len() as u64;
                        let mut within = |share: f64| {
                            let done = before + (len as f64 * share.min(1.0)) as u64;
                            let at = along(PARSE_START, CHECK_START, done, total);
                            report(Progress::at(Step::Parsing(FILES[$i]), at));
                        };
                        within(0.0);
                        parsed += len;
                        match $parse(&f.text, &f.label, &mut within) {
                            Ok(v) => Some(v),
                            Err(p) => {
                                problems.push(p);
                                None
                            }
                        }
                    }
                    None => None,
                }
            };
        }
        fn whole<T: serde::de::DeserializeOwned>(
            text: &str,
            label: &Path,
            _: &mut dyn FnMut(f64),
        ) -> std::result::Result<T, Problem> {
            read::parse(text, label)
        }
        let sources = parse_file!(0, read::parse_list::<Source>);
        let conditions = parse_file!(1, read::parse_list::<Condition>);
        let therapies = parse_file!(2, read::parse_list::<Therapy>);
        let clinics = parse_file!(3, read::parse_list::<Clinic>);
        let costs = parse_file!(4, whole::<Costs>);
        let travel = parse_file!(5, read::parse_list::<TravelFact>);
        debug_assert!(parsed <= total);
        let (
            Some(sources),
            Some(conditions),
            Some(therapies),
            Some(clinics),
            Some(costs),
            Some(travel),
        ) = (sources, conditions, therapies, clinics, costs, travel)
        else {
            return Err(Error::Invalid(problems));
        };
        let files: Vec<FileText> = files.into_iter().flatten().collect();
        let mut data = Dataset {
            sources,
            conditions,
            therapies,
            clinics,
            costs,
            travel,
            index: Index::default(),
        };
        report(Progress::at(Step::Checking, CHECK_START));
        let problems = validate::validate(&data, &files);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        report(Progress::at(Step::Indexing, INDEX_START));
        data.index = Index::build(&data);
        report(Progress::at(Step::Indexing, SEARCH_START));
        Ok(data)
    }

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

/// Reads the six files of a directory, each as its text or the problem met.
fn read_dir(
    dir: &Path,
    report: &mut dyn FnMut(progress::Progress),
) -> Result<Vec<Result<FileText, Problem>>> {
    use progress::{PARSE_START, Progress, READ_START, Step, along};
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a directory; expected a directory holding the data files"
        } else {
            "directory not found; expected a directory holding the data files"
        };
        return Err(Error::Invalid(vec![Problem::in_file(dir, why)]));
    }
    let size = |name: &str| std::fs::metadata(dir.join(name)).map_or(0, |m| m.len());
    let total: u64 = FILES.iter().map(|name| size(name)).sum();
    let mut read = 0u64;
    Ok(FILES
        .iter()
        .map(|name| {
            report(Progress::at(
                Step::Reading,
                along(READ_START, PARSE_START, read, total),
            ));
            read += size(name);
            let path = dir.join(name);
            let bytes = read::read_bytes(&path, &path).map_err(|mut p| {
                if p.message == "file not found" {
                    p.message = format!(
                        "file not found; a data directory holds {}",
                        FILES.join(", ")
                    );
                }
                p
            })?;
            let text = read::decode(bytes, &path)?;
            Ok(FileText { label: path, text })
        })
        .collect())
}
