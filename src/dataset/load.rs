//! Loading: the files of a directory (or the bundled text, or bytes handed over) read, parsed on every
//! core, validated and indexed; or the bundled data decoded from the form the build checked.

use super::layer::{self, Layer, LayerInput, Provenance, Removal};
use super::{
    BUNDLED, BUNDLED_PLACES, DataSource, Dataset, FILES, Index, MAX_FILE_BYTES, PLACES, parse,
    progress, read, validate,
};
use crate::error::{Error, Problem, Result};
use crate::model::{Clinic, Condition, Costs, Source, Therapy, TravelFact};
use std::path::{Path, PathBuf};

/// One file's name (as shown in messages) and text.
pub(crate) struct FileText {
    pub label: PathBuf,
    pub text: String,
}

impl Dataset {
    /// The dataset, validated and indexed; on failure every problem found. The bundled data is
    /// decoded from the form checked at build time; a directory is read, parsed and validated.
    pub fn load(from: &DataSource) -> Result<Dataset> {
        Self::load_reporting(from, &mut |_| {})
    }

    /// [`Dataset::load`], telling `report` how far it has got (up to
    /// [`progress::SEARCH_START`]; the rest is the caller's).
    pub fn load_reporting(
        from: &DataSource,
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<Dataset> {
        match from {
            #[cfg(bundled_form)]
            DataSource::Bundled => Ok(super::bundled::dataset()),
            _ => Self::check_reporting(from, report),
        }
    }

    /// The base dataset with `layers` (directories, in order) on top, validated as one dataset;
    /// every problem names its layer and file. Without layers, [`Dataset::load`].
    pub fn load_layers(from: &DataSource, layers: &[PathBuf]) -> Result<Dataset> {
        Self::load_layers_reporting(from, layers, &mut |_| {})
    }

    /// [`Dataset::load_layers`], telling `report` how far it has got.
    pub fn load_layers_reporting(
        from: &DataSource,
        layers: &[PathBuf],
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<Dataset> {
        if layers.is_empty() {
            return Self::load_reporting(from, report);
        }
        Self::from_layers(read_layers(from, layers, report)?, report)
    }

    /// [`Dataset::load_layers`] always from the files' text: what `check` runs.
    pub fn check_layers(from: &DataSource, layers: &[PathBuf]) -> Result<Dataset> {
        if layers.is_empty() {
            return Self::check(from);
        }
        Self::from_layers(read_layers(from, layers, &mut |_| {})?, &mut |_| {})
    }

    /// Parses every layer, merges them in order, and validates the result as one dataset.
    pub(crate) fn from_layers(
        inputs: Vec<LayerInput>,
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<Dataset> {
        let mut prov = Provenance::default();
        prov.layers = inputs.iter().map(|i| i.layer.clone()).collect();
        let mut problems = Vec::new();
        let mut all_files = Vec::new();
        let mut merged: Option<Dataset> = None;
        for (i, input) in inputs.into_iter().enumerate() {
            let parsed = match Self::parse_texts(input.texts, report) {
                Ok(p) => p,
                Err(Error::Invalid(p)) => {
                    problems.extend(p);
                    continue;
                }
                Err(e) => return Err(e),
            };
            let (add, files) = parsed;
            match &mut merged {
                None => merged = Some(add),
                Some(data) => {
                    match input.removals {
                        Some(Ok(f)) => match read::parse::<Vec<Removal>>(&f.text, &f.label) {
                            Ok(list) => layer::remove(data, &mut prov, &list, &f, &mut problems),
                            Err(p) => problems.push(p),
                        },
                        Some(Err(p)) => problems.push(p),
                        None => {}
                    }
                    let n = u16::try_from(i).unwrap_or(u16::MAX);
                    layer::merge(data, &mut prov, n, add, &files, &mut problems);
                }
            }
            all_files.push(files);
        }
        match merged {
            Some(mut data) if problems.is_empty() => {
                data.provenance = prov;
                Self::finish(data, &all_files, report)
            }
            _ => {
                layer::name_layers(&mut problems, &prov.layers);
                Err(Error::Invalid(problems))
            }
        }
    }

    /// Reads, parses, validates and indexes the files, the bundled ones included (from their text,
    /// not the build's form): what `check` runs, so it stays the one truth about the files.
    pub fn check(from: &DataSource) -> Result<Dataset> {
        Self::check_reporting(from, &mut |_| {})
    }

    /// [`Dataset::check`], telling `report` how far it has got.
    pub fn check_reporting(
        from: &DataSource,
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<Dataset> {
        report(progress::Progress::at(
            progress::Step::Reading,
            progress::READ_START,
        ));
        let texts = match from {
            DataSource::Bundled => bundled_texts(),
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
    pub(crate) fn from_texts(
        texts: Vec<Result<FileText, Problem>>,
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<Dataset> {
        let (data, files) = Self::parse_texts(texts, report)?;
        Self::finish(data, &[files], report)
    }

    /// Parses files already in memory into records, without validating them.
    pub(crate) fn parse_texts(
        texts: Vec<Result<FileText, Problem>>,
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<(Dataset, Vec<FileText>)> {
        use progress::{CHECK_START, PARSE_START, Progress, Step, along};
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
        let sources = parse_file!(0, parse::list::<Source>);
        let conditions = parse_file!(1, parse::list::<Condition>);
        let therapies = parse_file!(2, parse::list::<Therapy>);
        let clinics = parse_file!(3, parse::list::<Clinic>);
        let costs = parse_file!(4, whole::<Costs>);
        let travel = parse_file!(5, parse::list::<TravelFact>);
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
        // The six parsed; a problem left is the places file's.
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let files: Vec<FileText> = files.into_iter().flatten().collect();
        let mut data = Dataset {
            sources,
            conditions,
            therapies,
            clinics,
            costs,
            travel,
            places: Vec::new(),
            provenance: super::layer::Provenance::default(),
            index: Index::default(),
        };
        // The optional places file, after the six; checked with the rest in `finish`.
        if let Some(f) = files.get(FILES.len()) {
            data.places = read::parse_list(&f.text, &f.label, &mut |_| {})
                .map_err(|p| Error::Invalid(vec![p]))?;
        }
        Ok((data, files))
    }

    /// Validates parsed records against the files of each layer they came from, and indexes them.
    pub(crate) fn finish(
        mut data: Dataset,
        layers: &[Vec<FileText>],
        report: &mut dyn FnMut(progress::Progress),
    ) -> Result<Dataset> {
        use progress::{CHECK_START, INDEX_START, Progress, SEARCH_START, Step};
        report(Progress::at(Step::Checking, CHECK_START));
        let mut problems = validate::validate(&data, layers);
        problems.extend(check_places(&data, layers));
        if !problems.is_empty() {
            if data.provenance.layered() {
                super::layer::name_layers(&mut problems, &data.provenance.layers);
            }
            return Err(Error::Invalid(problems));
        }
        report(Progress::at(Step::Indexing, INDEX_START));
        data.index = Index::build(&data);
        report(Progress::at(Step::Indexing, SEARCH_START));
        Ok(data)
    }
}

/// Checks the places of every layer together, each problem in the `places.ron` of the layer the
/// place came from.
fn check_places(data: &Dataset, layers: &[Vec<FileText>]) -> Vec<Problem> {
    if data.places.is_empty() {
        return Vec::new();
    }
    let layer_of = data.provenance.layers_of_file(data, PLACES);
    let file_of = |layer: usize| {
        layers.get(layer).and_then(|files| {
            files
                .iter()
                .find(|f| f.label.file_name().is_some_and(|n| n == PLACES))
        })
    };
    let sources = data.sources.iter().map(|s| s.id.as_str()).collect();
    crate::places::check(&data.places, &sources, &|id, message| match file_of(
        layer_of.get(id).copied().unwrap_or(0),
    ) {
        Some(f) => crate::places::locate(&f.label, &f.text, id, message),
        None => Problem::in_file(Path::new(PLACES), message),
    })
}

/// The base and each layer's files, read.
pub(crate) fn read_layers(
    from: &DataSource,
    layers: &[PathBuf],
    report: &mut dyn FnMut(progress::Progress),
) -> Result<Vec<LayerInput>> {
    let (layer, texts) = match from {
        DataSource::Bundled => (
            Layer {
                name: layer::BUNDLED.to_owned(),
                dir: None,
            },
            bundled_texts(),
        ),
        DataSource::Dir(dir) => (Layer::of_dir(dir), read_dir(dir, report)?),
    };
    let mut inputs = vec![LayerInput {
        layer,
        texts,
        removals: None,
    }];
    let mut problems = Vec::new();
    for dir in layers {
        match layer::read_layer(dir) {
            Ok(l) => inputs.push(l),
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(inputs)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The bundled files' text, labelled `data/NAME.ron` as `check` and the build name them.
fn bundled_texts() -> Vec<Result<FileText, Problem>> {
    BUNDLED
        .iter()
        .chain(std::iter::once(&(PLACES, BUNDLED_PLACES)))
        .map(|(name, text)| {
            Ok(FileText {
                label: Path::new("data").join(name),
                text: (*text).to_owned(),
            })
        })
        .collect()
}

/// Reads the six files of a directory, each as its text or the problem met.
pub(crate) fn read_dir(
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
    // The places file is optional: read when there.
    let places = dir.join(PLACES).exists().then_some(&PLACES);
    Ok(FILES
        .iter()
        .chain(places)
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
