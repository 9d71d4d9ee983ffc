//! `clinic-explorer check`: the same validation as start-up, with counts or every problem.

use super::EXIT_FAILURE;
use crate::dataset::{DataSource, Dataset};
use crate::error::Error;
use crate::model::Kind;
use std::process::ExitCode;

/// Runs `check`: counts per kind on stdout and exit 0, or every problem on stdout (one per line,
/// `FILE:LINE:COLUMN: message`) with a summary on stderr and exit 1.
pub fn run(source: &DataSource, layers: &[std::path::PathBuf]) -> ExitCode {
    // "bundled data with layers team, mine"
    let mut what = source.describe();
    if !layers.is_empty() {
        let names: Vec<String> = layers
            .iter()
            .map(|l| crate::dataset::layer::Layer::of_dir(l).name)
            .collect();
        what = format!(
            "{what} with layer{} {}",
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        );
    }
    let what = crate::text::sanitize(&what);
    match Dataset::check_layers(source, layers) {
        Ok(data) => {
            outln!("{what}: valid");
            for kind in Kind::ALL {
                outln!(
                    "  {:<16}{:>5}",
                    kind.plural().to_lowercase(),
                    data.count(kind)
                );
            }
            let c = &data.costs;
            for (label, n) in [
                ("sources", data.sources.len()),
                ("cost groups", c.groups.len()),
                ("exchange rates", c.exchange_rates.len()),
                ("percentages", c.percentages.len()),
            ] {
                outln!("  {label:<16}{n:>5}");
            }
            ExitCode::SUCCESS
        }
        Err(Error::Invalid(problems)) => {
            for p in &problems {
                outln!("{p}");
            }
            let n = problems.len();
            eprintln!("{what}: {n} problem{} found", if n == 1 { "" } else { "s" });
            ExitCode::from(EXIT_FAILURE)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}
