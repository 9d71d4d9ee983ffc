//! `clinic-explorer export`: a handout of the shortlist or of a comparison, to stdout or a file.

use super::parse_kind;
use crate::dataset::Dataset;
use crate::export::{Format, Handout};
use crate::shortlist::{Store, Timestamp};
use crate::text::sanitize;
use clap::ValueEnum;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `export` arguments.
#[derive(Debug, Clone, clap::Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["shortlist", "compare"]))]
pub struct Args {
    /// Export your shortlist (the one the explorer keeps), with your notes.
    #[arg(long)]
    pub shortlist: bool,
    /// Export a comparison of 2 to 4 records of one kind: `--compare therapy ID ID [ID [ID]]`.
    #[arg(long, num_args = 3..=5, value_names = ["KIND", "ID"], add = super::complete::compare_values())]
    pub compare: Option<Vec<String>>,
    /// Document format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output (atomically: the file is whole or untouched).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Markdown,
    /// One self-contained, printable HTML file.
    Html,
    /// JSON.
    Json,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Html => Format::Html,
            ExportFormat::Json => Format::Json,
        }
    }
}

/// Builds the handout and writes it.
pub fn run(data: &Dataset, args: &Args) -> Result<(), String> {
    let date = Timestamp::now().date();
    let handout = match &args.compare {
        Some(words) => {
            let (kind, ids) = words.split_first().expect("clap requires 3 to 5 values");
            let kind = parse_kind(kind)?;
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            Handout::from_comparison(data, kind, &ids, &date).map_err(|e| e.to_string())?
        }
        None => shortlist_handout(data, &date)?,
    };
    match &args.output {
        Some(path) => write_file(path, &handout, args.format.into(), args.force),
        None => {
            let doc = handout.render(args.format.into());
            let mut out = io::stdout().lock();
            match out.write_all(doc.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write to standard output: {e}"))
                }
                _ => Ok(()),
            }
        }
    }
}

/// The handout of the user's shortlist; says on stderr what loading found.
fn shortlist_handout(data: &Dataset, date: &str) -> Result<Handout, String> {
    let store = Store::open_default().map_err(|e| e.to_string())?;
    let loaded = store.load().map_err(|e| e.to_string())?;
    if let Some(to) = &loaded.moved_aside {
        eprintln!(
            "clinic-explorer: the shortlist file could not be read ({}); it was kept as {}",
            sanitize(loaded.problem.as_deref().unwrap_or("unknown problem")),
            sanitize(&to.display().to_string())
        );
    }
    if loaded.shortlist.is_empty() {
        return Err(format!(
            "the shortlist ({}) is empty; add records to it in the explorer first",
            sanitize(&store.path().display().to_string())
        ));
    }
    let h = Handout::from_shortlist(data, &loaded.shortlist, date);
    for m in &h.missing {
        eprintln!(
            "clinic-explorer: {} `{}` on the shortlist is no longer in the data; the handout lists it as missing",
            m.kind, m.id
        );
    }
    Ok(h)
}

/// Writes the document atomically; an existing file is replaced only with `--force`, and only if
/// it is a regular file (see [`Handout::write_to`]).
fn write_file(
    path: &Path,
    handout: &Handout,
    format: crate::export::Format,
    force: bool,
) -> Result<(), String> {
    let shown = sanitize(&path.display().to_string());
    handout.write_to(path, format, force).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            format!("{shown} already exists; add --force to replace it")
        } else {
            format!("cannot write {shown}: {e}")
        }
    })
}
