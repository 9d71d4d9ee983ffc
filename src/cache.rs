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
use crate::search::SearchIndex;
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
    /// The search index, decoded or built when first asked for.
    index: std::cell::OnceCell<SearchIndex>,
    /// The entry the dataset is kept in, for the index.
    entry: Option<Kept>,
}

/// A dataset's cache entry, as a load left it: where it is, and the dataset's compact form (with the
/// index's when the entry was read and holds a good one).
struct Kept {
    slot: Slot,
    data: Vec<u8>,
    /// The entry's bytes when it was read (`data` is then empty and the dataset lies in them).
    raw: Option<entry::Raw>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("path", &self.slot.path)
            .finish()
    }
}

impl Kept {
    fn data_bytes(&self) -> &[u8] {
        self.raw.as_ref().map_or(&self.data, |r| r.data_bytes())
    }

    fn index_bytes(&self) -> Option<&[u8]> {
        self.raw.as_ref().and_then(|r| r.index_bytes())
    }
}

impl Loaded {
    fn fresh(data: Dataset) -> Loaded {
        Loaded {
            data,
            from_cache: false,
            note: None,
            index: std::cell::OnceCell::new(),
            entry: None,
        }
    }

    /// The search index over the dataset: decoded from the cache entry when it holds one of this
    /// build's, else built; one built for an entry is added to it, for the next run. (An entry that
    /// cannot be rewritten only means the next run builds the index again.)
    pub fn index(&self) -> &SearchIndex {
        self.index
            .get_or_init(|| index_for(&self.data, self.entry.as_ref(), SearchIndex::build))
    }

    /// The dataset and its search index, owned, as [`Loaded::index`] gives it, but made by `build`
    /// (which may report progress) when the entry holds none.
    pub fn into_parts(self, build: impl FnOnce(&Dataset) -> SearchIndex) -> (Dataset, SearchIndex) {
        let index = match self.index.into_inner() {
            Some(index) => index,
            None => index_for(&self.data, self.entry.as_ref(), build),
        };
        (self.data, index)
    }
}

/// The index kept in `entry`, or else the one `build` makes, then added to the entry.
fn index_for(
    data: &Dataset,
    entry: Option<&Kept>,
    build: impl FnOnce(&Dataset) -> SearchIndex,
) -> SearchIndex {
    let Some(kept) = entry else {
        return build(data);
    };
    if let Some(index) = kept.index_bytes().and_then(SearchIndex::decode) {
        return index;
    }
    let index = build(data);
    if let Some(bytes) = index.encode() {
        let _ = kept.slot.store(kept.data_bytes(), Some(&bytes));
    }
    index
}

/// A search index and how it was got, for a one-off search that needs no dataset.
#[derive(Debug)]
pub struct Indexed {
    /// The index over the dataset.
    pub index: SearchIndex,
    /// True when the index was decoded from the cache (the dataset was then not decoded at all).
    pub from_cache: bool,
    /// As [`Loaded::note`].
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

/// The parse and validation a cache miss runs, with the key of the files it parsed (which may differ
/// from the key a warm run looked up, if a file changed in between; `None`: do not keep it).
type Parse<'a> = dyn FnOnce(&mut dyn FnMut(Progress)) -> Result<(Dataset, Option<u128>)> + 'a;

/// Where one load's cache entry is.
struct Slot {
    dir: PathBuf,
    path: PathBuf,
    key: u128,
    cap: u64,
}

impl Slot {
    /// The slot for the key of the files a miss parsed: this one, another, or none.
    fn rekey(self, key: Option<u128>) -> Option<Slot> {
        let key = key?;
        Some(if key == self.key {
            self
        } else {
            Slot {
                path: self.dir.join(entry::file_name(&key)),
                key,
                ..self
            }
        })
    }

    /// Writes the entry; the note for the person when it cannot be written.
    fn store(&self, data: &[u8], index: Option<&[u8]>) -> Option<String> {
        entry::store(
            &self.dir,
            &self.path,
            &self.key,
            data,
            index,
            self.cap,
            &mut |w, b| w.write_all(b),
        )
        .err()
        .map(|e| {
            format!(
                "note: the cache in {} could not be written ({e}); the data loaded in full (--no-cache turns the cache off)",
                crate::text::sanitize(&self.dir.display().to_string())
            )
        })
    }
}

/// The files of a load read and keyed: the entry they would be kept in (none when the cache is off,
/// for the bundled data, or when a file could not be read) and the parse a miss runs.
fn route<'a>(
    from: &'a DataSource,
    layers: &'a [PathBuf],
    cache: &Cache,
    report: &mut dyn FnMut(Progress),
) -> Result<(Option<Slot>, Box<Parse<'a>>)> {
    let Some(cache_dir) = cache.dir() else {
        return Ok((
            None,
            Box::new(move |r| Ok((Dataset::load_layers_reporting(from, layers, r)?, None))),
        ));
    };
    let (key, parse): (_, Box<Parse>) = match (from, layers.is_empty()) {
        (DataSource::Bundled, true) => {
            return Ok((
                None,
                Box::new(move |r| Ok((Dataset::load_reporting(from, r)?, None))),
            ));
        }
        (DataSource::Dir(dir), true) => {
            // Hashed as they stream by; read in full (and keyed again) only on a miss.
            let parse = move |r: &mut dyn FnMut(Progress)| {
                let texts = read_dir(dir, r)?;
                let key = entry::key(&[("", &texts, None)]);
                Ok((Dataset::from_texts(texts, r)?, key))
            };
            (entry::key_of_dir(dir), Box::new(parse))
        }
        _ => {
            let inputs = read_layers(from, layers, report)?;
            let key = entry::key(
                &(inputs.iter())
                    .map(|i| (i.layer.name.as_str(), &i.texts, i.removals.as_ref()))
                    .collect::<Vec<_>>(),
            );
            (
                key,
                Box::new(move |r| Ok((Dataset::from_layers(inputs, r)?, key))),
            )
        }
    };
    let slot = key.map(|key| Slot {
        dir: cache_dir.to_path_buf(),
        path: cache_dir.join(entry::file_name(&key)),
        key,
        cap: cache.cap,
    });
    Ok((slot, parse))
}

/// [`load_layers`], telling `report` how far it has got.
pub fn load_layers_reporting(
    from: &DataSource,
    layers: &[PathBuf],
    cache: &Cache,
    report: &mut dyn FnMut(Progress),
) -> Result<Loaded> {
    let (slot, parse) = route(from, layers, cache, report)?;
    let Some(slot) = slot else {
        return parse(report).map(|(data, _)| Loaded::fresh(data));
    };
    if let Some(raw) = entry::read(&slot.path, &slot.key, slot.cap) {
        if let Some(data) = raw.dataset() {
            entry::touch(&slot.path);
            return Ok(Loaded {
                data,
                from_cache: true,
                note: None,
                index: std::cell::OnceCell::new(),
                entry: Some(Kept {
                    slot,
                    data: Vec::new(),
                    raw: Some(raw),
                }),
            });
        }
        let _ = std::fs::remove_file(&slot.path);
    }
    let (data, key) = parse(report)?;
    let Some(slot) = slot.rekey(key) else {
        return Ok(Loaded::fresh(data));
    };
    let bytes = crate::dataset::form::encode(&data);
    let note = slot.store(&bytes, None);
    Ok(Loaded {
        data,
        from_cache: false,
        note,
        index: std::cell::OnceCell::new(),
        entry: Some(Kept {
            slot,
            data: bytes,
            raw: None,
        }),
    })
}

/// The search index over `from` with `layers` on top, through `cache`: a warm entry gives the
/// index without decoding the dataset; an entry without a good index part gives the dataset, and
/// the index built from it is added to the entry; a miss parses, builds and writes both.
pub fn load_index(from: &DataSource, layers: &[PathBuf], cache: &Cache) -> Result<Indexed> {
    let (slot, parse) = route(from, layers, cache, &mut |_| {})?;
    let Some(slot) = slot else {
        let (data, _) = parse(&mut |_| {})?;
        return Ok(Indexed {
            index: SearchIndex::build(&data),
            from_cache: false,
            note: None,
        });
    };
    if let Some(index) = entry::read_index(&slot.path, &slot.key, slot.cap)
        .as_deref()
        .and_then(SearchIndex::decode)
    {
        entry::touch(&slot.path);
        return Ok(Indexed {
            index,
            from_cache: true,
            note: None,
        });
    }
    let raw = entry::read(&slot.path, &slot.key, slot.cap);
    let cached = raw.and_then(|r| r.dataset().map(|d| (d, r)));
    let (data, bytes, slot) = match cached {
        Some((data, raw)) => (data, raw.data_bytes().to_vec(), Some(slot)),
        None => {
            let (data, key) = parse(&mut |_| {})?;
            let bytes = crate::dataset::form::encode(&data);
            (data, bytes, slot.rekey(key))
        }
    };
    let index = SearchIndex::build(&data);
    let Some(slot) = slot else {
        return Ok(Indexed {
            index,
            from_cache: false,
            note: None,
        });
    };
    let note = slot.store(&bytes, index.encode().as_deref());
    Ok(Indexed {
        index,
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
        let bytes = crate::dataset::form::encode(&data);
        let err = entry::store(
            dir.path(),
            &path,
            &7,
            &bytes,
            None,
            DEFAULT_CAP,
            &mut |w, b| {
                let room = 100usize.saturating_sub(written).min(b.len());
                w.write_all(&b[..room])?;
                written += room;
                if room < b.len() {
                    return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
                }
                Ok(())
            },
        )
        .expect_err("the write fails");
        assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "nothing is left behind: {left:?}");
        assert!(entry::read(&path, &7, DEFAULT_CAP).is_none());
    }
}
