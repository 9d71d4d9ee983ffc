//! How far a load has got, for a progress gauge: the step under way and the share of the whole done.
//! Reading, parsing (by the files' sizes), checking and indexing the dataset take the first 60%; the
//! front end's own work (building the search index) the rest.

/// What a load is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Reading the files.
    Reading,
    /// Parsing one file.
    Parsing(&'static str),
    /// Checking links, sources and figures.
    Checking,
    /// Indexing ids and links.
    Indexing,
    /// Building the search index.
    Searching,
}

impl Step {
    /// What the step is, for a person watching.
    pub fn describe(self) -> String {
        match self {
            Step::Reading => "Reading the files".into(),
            Step::Parsing(file) => format!("Reading {file}"),
            Step::Checking => "Checking links, sources and figures".into(),
            Step::Indexing => "Indexing records".into(),
            Step::Searching => "Building the search index".into(),
        }
    }
}

/// A step and the share of the whole load done, in thousandths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What is under way.
    pub step: Step,
    /// Thousandths of the whole done (0 to 1000).
    pub permille: u16,
}

/// Where each step starts, in thousandths of the whole.
pub(crate) const READ_START: u16 = 0;
pub(crate) const PARSE_START: u16 = 50;
pub(crate) const CHECK_START: u16 = 400;
pub(crate) const INDEX_START: u16 = 550;
/// Where the dataset's own work ends and the search index's begins.
pub const SEARCH_START: u16 = 600;

/// The point `done` of `total` along the stretch from `from` to `to`.
pub(crate) fn along(from: u16, to: u16, done: u64, total: u64) -> u16 {
    let share = if total == 0 {
        1.0
    } else {
        done.min(total) as f64 / total as f64
    };
    from + (f64::from(to - from) * share) as u16
}

impl Progress {
    /// Progress of `step` at `permille`.
    pub fn at(step: Step, permille: u16) -> Progress {
        Progress {
            step,
            permille: permille.min(1000),
        }
    }

    /// The share done, from 0 to 1.
    pub fn ratio(self) -> f64 {
        f64::from(self.permille.min(1000)) / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn along_runs_from_start_to_end() {
        assert_eq!(along(50, 400, 0, 10), 50);
        assert_eq!(along(50, 400, 5, 10), 225);
        assert_eq!(along(50, 400, 10, 10), 400);
        assert_eq!(along(50, 400, 20, 10), 400);
        assert_eq!(along(50, 400, 0, 0), 400);
    }
}
