//! The crate's error type: every failure carries enough context to act on. Displaying an error
//! never writes a value from a file or an argument raw: paths, ids and messages have their controls
//! shown as escapes (`\u{1b}`, see [`crate::text::escape`]), so an error is safe on a terminal.

use crate::text::escape;
use std::fmt;
use std::path::PathBuf;

/// One problem found in a data file, with where it is when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the user named it (or `data/NAME.ron` for the bundled data).
    pub file: PathBuf,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// What is wrong and what was expected, in plain words.
    pub message: String,
}

impl Problem {
    /// A problem at a known position.
    pub fn at(
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.into(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }

    /// A problem with a file as a whole.
    pub fn in_file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// `FILE:LINE:COLUMN: message`, or `FILE: message` when the position is unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", escape(&self.file.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", escape(&self.message))
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The dataset could not be loaded: every problem found, one per line.
    #[error("{}", format_problems(.0))]
    Invalid(Vec<Problem>),
    /// A record id that is not in the dataset.
    #[error("no {kind} with id `{}`{}", escape(.id), did_you_mean(.suggestions))]
    UnknownId {
        /// The kind looked in.
        kind: crate::model::Kind,
        /// The id asked for.
        id: String,
        /// The closest ids that do exist.
        suggestions: Vec<String>,
    },
    /// A request that makes no sense for the data (e.g. comparing one record).
    #[error("{}", crate::text::message(.0))]
    Request(String),
    /// Reading or writing a file failed.
    #[error("{}: {}", escape(&.path.display().to_string()), escape(&.source.to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

fn format_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", escape(&suggestions.join(", ")))
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
