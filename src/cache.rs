//! The cache of data directories: after a data directory loads and validates, its dataset is kept
//! in the user's cache directory in the compact form, named by a hash of the files' contents and of
//! this binary's form; the next run with the same files decodes it instead of parsing and checking.
//!
//! A cache file is never trusted blindly: a header names the form and the key, a checksum covers the
//! records, and anything that does not match (damaged, truncated, written by another build, or
//! something else at that name) is ignored and replaced. The key is the files' contents, so a file
//! changed to the same size and time is still noticed. Entries are written to a temporary file and
//! renamed into place, so two runs writing at once each leave a whole entry; the directory is kept
//! under a size cap, oldest entries out first. `check` never reads it.

mod entry;

use crate::dataset::progress::Progress;
use crate::dataset::{DataSource, Dataset, read_dir, read_layers};
use crate::error::Result;
use std::path::{Path, PathBuf};

pub use entry::MAGIC;

/// The default cap on the cache directory's size.
pub const DEFAULT_CAP: u64 = 512 * 1024 * 1024;

/// Whether, and where, validated datasets are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: Option<PathBuf>,
    cap: u64,
}

impl Cache {
    /// No cache: every load parses and validates.
    pub fn off() -> Cache {
        Cache {
            dir: None,
            cap: DEFAULT_CAP,
        }
    }

    /// A cache in `dir` (created when first written).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: Some(dir.into()),
            cap: DEFAULT_CAP,
        }
    }

    /// The user's cache: `clinic-explorer` in `$XDG_CACHE_HOME`, else `~/.cache` (the platform's
    /// cache directory on macOS and Windows); off when neither can be found.
    pub fn user() -> Cache {
        crate::config::dirs::cache_home()
            .map_or_else(Cache::off, |d| Cache::at(d.join("clinic-explorer")))
    }

    /// The same cache with another cap on its total size, in bytes.
    pub fn with_cap(mut self, bytes: u64) -> Cache {
        self.cap = bytes;
        self
    }

    /// The directory, when the cache is on.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}

/// A dataset and how it was got.
#[derive(Debug)]
pub struct Loaded {
    /// The dataset, validated (now or when it was cached).
    pub data: Dataset,
    /// True when it was decoded from the cache.
    pub from_cache: bool,
    /// A line for the person when the cache could not be used as it should (it could not be
    /// written); the load itself succeeded.
    pub note: Option<String>,
}

/// Loads `from` as [`Dataset::load`] does, through `cache` for a data directory.
pub fn load(from: &DataSource, cache: &Cache) -> Result<Loaded> {
    load_layers_reporting(from, &[], cache, &mut |_| {})
}

/// Loads `from` with `layers` on top as [`Dataset::load_layers`] does, through `cache` for a data
/// directory or any layers.
pub fn load_layers(from: &DataSource, layers: &[PathBuf], cache: &Cache) -> Result<Loaded> {
    load_layers_reporting(from, layers, cache, &mut |_| {})
}

/// The parse and validation a cache miss runs.
type Parse = dyn FnOnce(&mut dyn FnMut(Progress)) -> Result<Dataset>;

/// [`load_layers`], telling `report` how far it has got.
pub fn load_layers_reporting(
    from: &DataSource,
    layers: &[PathBuf],
    cache: &Cache,
    report: &mut dyn FnMut(Progress),
) -> Result<Loaded> {
    let fresh = |data| Loaded {
        data,
        from_cache: false,
        note: None,
    };
    let Some(cache_dir) = cache.dir() else {
        return Dataset::load_layers_reporting(from, layers, report).map(fresh);
    };
    let (key, parse): (_, Box<Parse>) = match (from, layers.is_empty()) {
        (DataSource::Bundled, true) => {
            return Dataset::load_reporting(from, report).map(fresh);
        }
        (DataSource::Dir(dir), true) => {
            let texts = read_dir(dir, report)?;
            let key = entry::key(&[("", &texts, None)]);
            (key, Box::new(move |r| Dataset::from_texts(texts, r)))
        }
        _ => {
            let inputs = read_layers(from, layers, report)?;
            let key = entry::key(
                &(inputs.iter())
                    .map(|i| (i.layer.name.as_str(), &i.texts, i.removals.as_ref()))
                    .collect::<Vec<_>>(),
            );
            (key, Box::new(move |r| Dataset::from_layers(inputs, r)))
        }
    };
    let Some(key) = key else {
        return parse(report).map(fresh);
    };
    let path = cache_dir.join(entry::file_name(&key));
    if let Some(data) = entry::read(&path, &key, cache.cap) {
        entry::touch(&path);
        return Ok(Loaded {
            data,
            from_cache: true,
            note: None,
        });
    }
    let data = parse(report)?;
    let note = entry::store(cache_dir, &path, &key, &data, cache.cap, &mut |w, b| {
        w.write_all(b)
    })
    .err()
    .map(|e| {
        format!(
            "note: the cache in {} could not be written ({e}); the data loaded in full (--no-cache turns the cache off)",
            crate::text::sanitize(&cache_dir.display().to_string())
        )
    });
    Ok(Loaded {
        data,
        from_cache: false,
        note,
    })
}

/// The total size of the cache entries in `dir`, in bytes (0 when it does not exist).
pub fn size(dir: &Path) -> u64 {
    entry::entries(dir).iter().map(|e| e.1).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_leaves_no_entry_and_no_temporary_file() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
        let data = Dataset::load(&DataSource::Dir(fixture)).expect("the fixture loads");
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join(entry::file_name(&7));
        // The disk fills up part way through the records.
        let mut written = 0usize;
        let err = entry::store(dir.path(), &path, &7, &data, DEFAULT_CAP, &mut |w, b| {
            let room = 100usize.saturating_sub(written).min(b.len());
            w.write_all(&b[..room])?;
            written += room;
            if room < b.len() {
                return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
            }
            Ok(())
        })
        .expect_err("the write fails");
        assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "nothing is left behind: {left:?}");
        assert!(entry::read(&path, &7, DEFAULT_CAP).is_none());
    }
}
