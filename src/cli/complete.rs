//! Shell completions, generated from the clap definitions: `completions SHELL` prints the script a
//! shell sources; the script calls the binary back (`COMPLETE=SHELL clinic-explorer -- WORDS`), which
//! completes kinds, and ids read from the data the command line names (`--data`, the environment or
//! the configuration file).

use crate::config::{Flags, Settings};
use crate::dataset::Dataset;
use crate::model::Kind;
use clap::ValueEnum;
use clap_complete::engine::{
    ArgValueCandidates, ArgValueCompleter, CompletionCandidate, ValueCompleter,
};
use clap_complete::env::Shells;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::process::ExitCode;

/// The environment variable that turns a run into a completion request.
pub const COMPLETE_ENV: &str = "COMPLETE";

/// The shells a completion script can be printed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash 4.4 or later.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// Elvish.
    Elvish,
    /// PowerShell.
    Powershell,
}

/// Prints the registration script for `shell`.
pub fn print(shell: Shell) -> ExitCode {
    let name = shell
        .to_possible_value()
        .expect("no value is skipped")
        .get_name()
        .to_owned();
    let shells = Shells::builtins();
    let completer = shells
        .completer(&name)
        .expect("clap_complete knows every shell listed");
    let mut buf = Vec::new();
    let program = completer_path();
    let written = completer.write_registration(
        COMPLETE_ENV,
        "clinic-explorer",
        "clinic-explorer",
        &program,
        &mut buf,
    );
    if let Err(e) = written {
        eprintln!("clinic-explorer: cannot write the completion script: {e}");
        return ExitCode::from(super::EXIT_FAILURE);
    }
    super::write_stdout(&String::from_utf8_lossy(&buf));
    ExitCode::SUCCESS
}

/// The program the script calls back: as it was started when that was a path (made absolute), else
/// the name found on `PATH`.
fn completer_path() -> String {
    let Some(arg0) = std::env::args_os().next().map(PathBuf::from) else {
        return "clinic-explorer".to_owned();
    };
    if arg0.components().count() < 2 {
        return "clinic-explorer".to_owned();
    }
    let path = std::env::current_dir()
        .map(|d| d.join(&arg0))
        .unwrap_or(arg0);
    path.to_string_lossy().into_owned()
}

/// Completes a kind name.
pub fn kinds() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        Kind::ALL
            .iter()
            .map(|k| CompletionCandidate::new(k.as_str()).help(Some(k.plural().into())))
            .collect::<Vec<_>>()
    })
}

/// Completes an id of the kind typed before it (`show clinic <TAB>`), or of any kind.
pub fn ids() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let words = request_words();
        let kind = kind_word(&words).and_then(|k| Kind::parse(&k));
        id_candidates(&words, kind, current)
    })
}

/// Completes the id of a cost range (`estimate --cost <TAB>`).
pub fn cost_ids() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        id_candidates(&request_words(), Some(Kind::Cost), current)
    })
}

/// Completes `--compare KIND ID...`: a kind first, then ids of that kind.
pub fn compare_values() -> ArgValueCompleter {
    ArgValueCompleter::new(CompareValues)
}

struct CompareValues;

impl ValueCompleter for CompareValues {
    fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
        self.complete_at(0, current)
    }

    fn complete_at(&self, arg_index: usize, current: &OsStr) -> Vec<CompletionCandidate> {
        if arg_index == 0 {
            return kinds()
                .candidates()
                .into_iter()
                .filter(|c| {
                    c.get_value()
                        .to_string_lossy()
                        .starts_with(&*current.to_string_lossy())
                })
                .collect();
        }
        let words = request_words();
        let kind = words
            .iter()
            .position(|w| w == "--compare")
            .and_then(|i| words.get(i + 1))
            .and_then(|k| Kind::parse(k));
        id_candidates(&words, kind, current)
    }
}

/// The words of the command line being completed: what the shell passes after `--`.
fn request_words() -> Vec<String> {
    words_after_escape(std::env::args_os())
}

/// The words after the first `--`, less the program's name.
fn words_after_escape(args: impl IntoIterator<Item = OsString>) -> Vec<String> {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    match args.iter().position(|a| a == "--") {
        Some(i) => args[i + 1..].iter().skip(1).cloned().collect(),
        None => Vec::new(),
    }
}

/// Options whose value is the next word.
const TAKES_VALUE: [&str; 6] = [
    "--data",
    "--currency",
    "--format",
    "--theme",
    "--kind",
    "--limit",
];

/// The first positional word after `show`, `compare` or `list`: the kind being asked about.
fn kind_word(words: &[String]) -> Option<String> {
    let sub = words
        .iter()
        .position(|w| matches!(w.as_str(), "show" | "compare" | "list"))?;
    let mut rest = words[sub + 1..].iter();
    while let Some(w) = rest.next() {
        if TAKES_VALUE.contains(&w.as_str()) {
            rest.next();
        } else if !w.starts_with('-') {
            return Some(w.clone());
        }
    }
    None
}

/// The `--data` and `--no-config` the command line gives.
fn flags_in(words: &[String]) -> Flags {
    let mut data = None;
    let mut it = words.iter();
    while let Some(w) = it.next() {
        if w == "--data" {
            data = it.next().map(PathBuf::from);
        } else if let Some(v) = w.strip_prefix("--data=") {
            data = Some(PathBuf::from(v));
        }
    }
    Flags {
        data_dir: data,
        theme: None,
        currency: None,
        no_config: words.iter().any(|w| w == "--no-config"),
    }
}

/// Ids of `kind` (or of every kind) that start with what is typed, each with its record's name.
fn id_candidates(
    words: &[String],
    kind: Option<Kind>,
    current: &OsStr,
) -> Vec<CompletionCandidate> {
    let Ok(settings) = Settings::from_process(&flags_in(words)) else {
        return Vec::new();
    };
    let Ok(data) = Dataset::load(&settings.data_source()) else {
        return Vec::new();
    };
    let typed = current.to_string_lossy();
    let kinds: Vec<Kind> = kind.map_or_else(|| Kind::ALL.to_vec(), |k| vec![k]);
    kinds
        .into_iter()
        .flat_map(|k| data.records(k))
        .filter(|r| r.id().as_str().starts_with(&*typed))
        .map(|r| {
            let help = crate::text::sanitize(r.name());
            CompletionCandidate::new(r.id().as_str()).help(Some(help.into()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn the_words_are_those_after_the_escape() {
        let args = ["/bin/ce", "--", "clinic-explorer", "show", "clinic", ""].map(OsString::from);
        assert_eq!(words_after_escape(args), ["show", "clinic", ""]);
        assert!(words_after_escape([OsString::from("ce")]).is_empty());
    }

    #[test]
    fn the_kind_is_the_first_positional_word_after_the_subcommand() {
        assert_eq!(
            kind_word(&words("show clinic te")).as_deref(),
            Some("clinic")
        );
        assert_eq!(
            kind_word(&words("--data d compare --currency KRW cost a")).as_deref(),
            Some("cost")
        );
        assert_eq!(kind_word(&words("search x")), None);
    }

    #[test]
    fn data_and_no_config_are_read_from_the_words() {
        let f = flags_in(&words("show --data /x clinic --no-config"));
        assert_eq!(f.data_dir, Some(PathBuf::from("/x")));
        assert!(f.no_config);
        let f = flags_in(&words("show --data=/y clinic"));
        assert_eq!(f.data_dir, Some(PathBuf::from("/y")));
        assert!(!f.no_config);
    }
}
