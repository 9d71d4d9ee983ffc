//! `clinic-explorer man`: the manual page, generated from the clap definitions.

use clap::CommandFactory;
use std::path::Path;
use std::process::ExitCode;

/// Prints `clinic-explorer(1)` as roff, or writes it and a page per subcommand
/// (`clinic-explorer-show.1`...) into `dir`.
pub fn run(dir: Option<&Path>) -> ExitCode {
    let cmd = super::Cli::command();
    let result = match dir {
        None => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut buf)
                .map(|()| super::write_stdout(&String::from_utf8_lossy(&buf)))
        }
        Some(dir) => clap_mangen::generate_to(cmd, dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let place = dir.map_or_else(
                || "standard output".to_owned(),
                |d| crate::text::sanitize(&d.display().to_string()),
            );
            eprintln!("clinic-explorer: cannot write the manual page to {place}: {e}");
            ExitCode::from(super::EXIT_FAILURE)
        }
    }
}
