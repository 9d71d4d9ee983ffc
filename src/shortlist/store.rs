//! The shortlist file: loading (a file that cannot be read as a shortlist is moved aside, never
//! deleted), and saving under a lock with a merge and an atomic write.

use super::atomic::{self, SystemWriter, Writer};
use super::merge::merge;
use super::{Entry, Shortlist, Timestamp};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The shortlist file's name in the per-user data directory.
pub const FILE_NAME: &str = "shortlist.ron";

/// The largest shortlist file read: thousands of entries with long notes fit many times over, and a
/// wrong file (`/dev/zero`, a huge log) is refused before it fills memory.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// The shortlist file's format version.
const VERSION: u32 = 1;

const HEADER: &str = "\
// The clinic-explorer shortlist: the records you keep in view, in your order, with your notes.
// Written by clinic-explorer. Each entry: kind (condition, therapy, clinic, cost or travel), id,
// an optional note, and when it was added and its note last edited (UTC).
";

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
struct FileData {
    #[serde(default = "version")]
    version: u32,
    #[serde(default)]
    entries: Vec<Entry>,
}

fn version() -> u32 {
    VERSION
}

/// What loading found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOutcome {
    /// The shortlist (empty when there was no file, or it could not be read as a shortlist).
    pub shortlist: Shortlist,
    /// Where a file that could not be read as a shortlist was moved to, so the person can recover it.
    pub moved_aside: Option<PathBuf>,
    /// Why that file could not be read (`FILE:LINE:COLUMN: what is wrong`).
    pub problem: Option<String>,
}

/// What saving did besides writing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaveOutcome {
    /// Where a file found unreadable at save time was moved to before writing.
    pub moved_aside: Option<PathBuf>,
}

/// What the file held when read.
enum Found {
    Missing,
    Entries(Vec<Entry>),
    Unreadable(String),
}

/// The shortlist file of one user.
pub struct Store {
    path: PathBuf,
    writer: Box<dyn Writer + Send>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

fn io_error(path: &Path, source: io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Store {
    /// A store for the shortlist file at `path` (it need not exist yet).
    pub fn open(path: impl Into<PathBuf>) -> Store {
        Store {
            path: path.into(),
            writer: Box::new(SystemWriter),
        }
    }

    /// The per-user file: `$XDG_DATA_HOME/clinic-explorer/shortlist.ron` (else
    /// `~/.local/share/clinic-explorer/shortlist.ron`; the platform's data directory on macOS and
    /// Windows). `None` when no home directory is known.
    pub fn default_path() -> Option<PathBuf> {
        crate::config::dirs::data_home().map(|d| d.join(crate::config::APP_DIR).join(FILE_NAME))
    }

    /// The store at [`Store::default_path`], or an error saying what to set.
    pub fn open_default() -> Result<Store> {
        Store::default_path().map(Store::open).ok_or_else(|| {
            Error::Request(
                "cannot find a data directory for the shortlist; set XDG_DATA_HOME or HOME".into(),
            )
        })
    }

    /// Uses `writer` for the steps of saving (tests make a step fail with it).
    pub fn with_writer(mut self, writer: impl Writer + Send + 'static) -> Store {
        self.writer = Box::new(writer);
        self
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Loads the shortlist. No file is an empty list. A file that cannot be read as a shortlist is
    /// renamed to `shortlist.ron.corrupt-TIME` (kept, not deleted), the outcome says where, and the
    /// list starts empty. Only failing to read or rename the file is an error.
    pub fn load(&self) -> Result<LoadOutcome> {
        let outcome = |shortlist, moved_aside, problem| LoadOutcome {
            shortlist,
            moved_aside,
            problem,
        };
        match self.read()? {
            Found::Missing => return Ok(outcome(Shortlist::new(), None, None)),
            Found::Entries(e) => return Ok(outcome(Shortlist::from_entries(e), None, None)),
            Found::Unreadable(_) => {}
        }
        // Look again under the lock: another instance may have just replaced the file.
        let _lock = self.lock()?;
        Ok(match self.read()? {
            Found::Missing => outcome(Shortlist::new(), None, None),
            Found::Entries(e) => outcome(Shortlist::from_entries(e), None, None),
            Found::Unreadable(why) => {
                outcome(Shortlist::new(), Some(self.move_aside()?), Some(why))
            }
        })
    }

    /// Saves the shortlist: under an exclusive lock, reads what the file holds now, merges this
    /// list's changes into it (see the `merge` module), and writes the result atomically. On success
    /// `list` becomes the merged list, now the base for later changes (so others' additions show up);
    /// on failure the file and `list` are as they were.
    pub fn save(&mut self, list: &mut Shortlist) -> Result<SaveOutcome> {
        let dir = atomic::parent_dir(&self.path);
        fs::create_dir_all(&dir).map_err(|e| io_error(&dir, e))?;
        let _lock = self.lock()?;
        let mut outcome = SaveOutcome::default();
        let merged = match self.read()? {
            Found::Entries(theirs) => merge(list, &theirs),
            Found::Missing => list.entries.clone(),
            Found::Unreadable(_) => {
                outcome.moved_aside = Some(self.move_aside()?);
                list.entries.clone()
            }
        };
        let bytes = serialize(&merged);
        let opts = atomic::Options {
            overwrite: true,
            private: true,
        };
        atomic::write(&self.path, bytes.as_bytes(), opts, self.writer.as_mut())
            .map_err(|e| io_error(&self.path, e))?;
        list.settle(merged);
        Ok(outcome)
    }

    fn read(&self) -> Result<Found> {
        use crate::safe_file::{ReadError, read_capped};
        let bytes = match read_capped(&self.path, MAX_BYTES, "a shortlist (RON)") {
            Ok(b) => b,
            Err(ReadError::NotFound) => return Ok(Found::Missing),
            Err(ReadError::Io(e)) => return Err(io_error(&self.path, e)),
            Err(e) => {
                return Err(io_error(
                    &self.path,
                    io::Error::new(io::ErrorKind::InvalidInput, e.to_string()),
                ));
            }
        };
        Ok(match parse(&bytes, &self.path) {
            Ok(entries) => Found::Entries(entries),
            Err(why) => Found::Unreadable(why),
        })
    }

    /// Holds the lock file `shortlist.ron.lock` exclusively until the returned file is dropped.
    fn lock(&self) -> Result<File> {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let path = self.path.with_file_name(name);
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // Never through a symbolic link planted at the lock's name, never blocking on a FIFO.
            let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
            opts.mode(0o600).custom_flags(flags.bits() as i32);
        }
        let file = opts.open(&path).map_err(|e| {
            let symlink = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            if symlink {
                io_error(
                    &path,
                    io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "is a symbolic link; the lock file is never followed, remove the link",
                    ),
                )
            } else {
                io_error(&path, e)
            }
        })?;
        let meta = file.metadata().map_err(|e| io_error(&path, e))?;
        if !meta.is_file() {
            return Err(io_error(
                &path,
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "is {}, not a regular file; remove it",
                        crate::safe_file::special_kind(&meta.file_type())
                    ),
                ),
            ));
        }
        file.lock().map_err(|e| io_error(&path, e))?;
        Ok(file)
    }

    /// Renames the file to `NAME.corrupt-TIME` (with `-2`, `-3`... if taken) and returns the new path.
    fn move_aside(&self) -> Result<PathBuf> {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let stamp = Timestamp::now().compact();
        let mut n = 1;
        let to = loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let to = self
                .path
                .with_file_name(format!("{name}.corrupt-{stamp}{suffix}"));
            if !to.exists() {
                break to;
            }
            n += 1;
        };
        fs::rename(&self.path, &to).map_err(|e| io_error(&self.path, e))?;
        let _ = atomic::sync_dir(&atomic::parent_dir(&self.path));
        Ok(to)
    }
}

/// Reads a shortlist file's bytes, or says why they are not one.
fn parse(bytes: &[u8], path: &Path) -> Result<Vec<Entry>, String> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(32);
    options
        .from_str::<FileData>(text)
        .map(|f| f.entries)
        .map_err(|e| {
            format!(
                "{}:{}:{}: {}",
                path.display(),
                e.span.start.line.max(1),
                e.span.start.col.max(1),
                e.code
            )
        })
}

/// The file's text: a header comment, then the entries.
fn serialize(entries: &[Entry]) -> String {
    let data = FileData {
        version: VERSION,
        entries: entries.to_vec(),
    };
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let pretty = ron::ser::PrettyConfig::default().struct_names(false);
    let body = options
        .to_string_pretty(&data, pretty)
        .expect("a shortlist always serialises");
    format!("{HEADER}{body}\n")
}
