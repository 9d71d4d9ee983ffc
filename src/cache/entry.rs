//! One cache entry: a header (magic, form id, key, then the length and checksum of each part, and the
//! index's own form id), the dataset's compact form, and the search index's compact form when one was
//! built (none is an index part of length 0).

use crate::dataset::{FILES, FileText, form};
use crate::error::Problem;
use std::io::{self, Read, Seek, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// The first bytes of every cache entry.
pub const MAGIC: &[u8; 8] = b"CLXFORM2";

/// This build's form, as `build.rs` named it: entries of other builds never match.
const FORM_ID: &str = env!("CLINIC_EXPLORER_FORM_ID");

/// This build's search index, as `build.rs` named it: another build's index part is not read (the
/// dataset beside it still is, when the form matches).
const INDEX_ID: &str = env!("CLINIC_EXPLORER_INDEX_ID");

/// Magic, form id, key; the dataset's length and checksum; the index's form id, length and checksum.
const HEADER: usize = 8 + 32 + 16 + 8 + 16 + 32 + 8 + 16;

/// A temporary file older than this was left by a run that stopped while writing.
const STALE: Duration = Duration::from_secs(600);

/// One layer's files for the key: its name, its six files' text (and `places.ron` after them when
/// it has one), and its `remove.ron`.
pub(super) type LayerTexts<'a> = (
    &'a str,
    &'a Vec<Result<FileText, Problem>>,
    Option<&'a Result<FileText, Problem>>,
);

/// The key of the files of a directory (or of a base and its layers, each with its name): a hash of
/// this build's form and every file's name and bytes; `None` when a file could not be read (the
/// load will fail and nothing is cached).
pub(super) fn key(layers: &[LayerTexts<'_>]) -> Option<u128> {
    let mut h = Xxh3::new();
    h.update(FORM_ID.as_bytes());
    let text = |h: &mut Xxh3, name: &str, t: &Result<FileText, Problem>| -> Option<()> {
        let t = t.as_ref().ok()?;
        h.update(name.as_bytes());
        h.update(&(t.text.len() as u64).to_le_bytes());
        h.update(t.text.as_bytes());
        Some(())
    };
    for (layer, texts, removals) in layers {
        h.update(&(layer.len() as u64).to_le_bytes());
        h.update(layer.as_bytes());
        for (name, t) in FILES
            .iter()
            .chain([&crate::dataset::PLACES])
            .zip(texts.iter())
        {
            text(&mut h, name, t)?;
        }
        if let Some(r) = removals {
            text(&mut h, "remove.ron", r)?;
        }
    }
    Some(h.digest128())
}

/// [`key`] of a data directory's files without keeping them: each is read in small pieces and
/// hashed as it streams by (no copy of the whole directory in memory, no UTF-8 check), which is
/// all a warm run needs. The same bytes give the same key as their texts do; `None` when a file
/// cannot be opened as a regular file, is too large, or changes size while it is read (the full
/// read decides). Bytes that are not valid text cannot be cached, so they never find an entry.
pub(super) fn key_of_dir(dir: &Path) -> Option<u128> {
    let mut h = Xxh3::new();
    h.update(FORM_ID.as_bytes());
    h.update(&0u64.to_le_bytes());
    let places = dir.join(crate::dataset::PLACES).exists();
    let names = FILES
        .iter()
        .chain(places.then_some(&crate::dataset::PLACES));
    let mut buf = vec![0u8; 256 * 1024];
    for name in names {
        let mut file = crate::safe_file::open_regular(&dir.join(name), true).ok()?;
        let len = file.metadata().ok()?.len();
        if len > crate::dataset::MAX_FILE_BYTES {
            return None;
        }
        h.update(name.as_bytes());
        h.update(&len.to_le_bytes());
        let mut seen = 0u64;
        loop {
            match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    h.update(&buf[..n]);
                    seen += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        if seen != len {
            return None;
        }
    }
    Some(h.digest128())
}

/// The entry's file name for a key.
pub(super) fn file_name(key: &u128) -> String {
    format!("{key:032x}.form")
}

/// An entry read whole and checked: its bytes, where the dataset's compact form lies in them, and
/// where the search index lies when the entry holds one of this build's whose checksum holds.
pub(super) struct Raw {
    bytes: Vec<u8>,
    data: Range<usize>,
    index: Option<Range<usize>>,
}

impl Raw {
    /// The dataset's compact form.
    pub fn data_bytes(&self) -> &[u8] {
        &self.bytes[self.data.clone()]
    }

    /// The search index's compact form, when the entry holds a good one.
    pub fn index_bytes(&self) -> Option<&[u8]> {
        self.index.clone().map(|r| &self.bytes[r])
    }

    /// The dataset, decoded.
    pub fn dataset(&self) -> Option<crate::dataset::Dataset> {
        form::decode(self.data_bytes())
    }
}

/// The entry at `path` for `key`, if it is whole and this build's; an entry that is not is removed,
/// to be replaced. Its index part is checked on its own: one that is missing, another build's or
/// damaged leaves the dataset usable and the index to be built again.
pub(super) fn read(path: &Path, key: &u128, cap: u64) -> Option<Raw> {
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let raw = (len >= HEADER as u64 && len <= cap)
        .then(|| {
            let mut bytes = Vec::with_capacity(len as usize);
            file.read_to_end(&mut bytes).ok()?;
            check(bytes, key)
        })
        .flatten();
    if raw.is_none() {
        let _ = std::fs::remove_file(path);
    }
    raw
}

/// Reads a little-endian `u64` length.
fn length(b: &[u8]) -> usize {
    u64::from_le_bytes(b.try_into().expect("8 bytes")) as usize
}

/// An entry's header, read.
struct Header {
    /// Where the dataset's compact form lies in the entry.
    data: Range<usize>,
    data_sum: [u8; 16],
    /// Where the index's lies (empty when there is none).
    index: Range<usize>,
    index_sum: [u8; 16],
    /// True when the index part is this build's.
    index_ours: bool,
}

/// The header at the start of an entry of `len` bytes, if it is this build's for `key` and its
/// lengths add up to `len`.
fn header(bytes: &[u8], key: &u128, len: u64) -> Option<Header> {
    let header = bytes.get(..HEADER)?;
    let (magic, rest) = header.split_at(8);
    let (form_id, rest) = rest.split_at(32);
    let (entry_key, rest) = rest.split_at(16);
    let (data_len, rest) = rest.split_at(8);
    let (data_sum, rest) = rest.split_at(16);
    let (index_id, rest) = rest.split_at(32);
    let (index_len, index_sum) = rest.split_at(8);
    let data = HEADER..HEADER.checked_add(length(data_len))?;
    let index = data.end..data.end.checked_add(length(index_len))?;
    let ok = magic == MAGIC
        && form_id == FORM_ID.as_bytes()
        && entry_key == key.to_le_bytes()
        && index.end as u64 == len;
    ok.then(|| Header {
        data,
        data_sum: data_sum.try_into().expect("16 bytes"),
        index,
        index_sum: index_sum.try_into().expect("16 bytes"),
        index_ours: index_id == INDEX_ID.as_bytes(),
    })
}

/// The entry in `bytes`, if the header matches this build and `key`, the lengths add up and the
/// dataset's checksum holds.
fn check(bytes: Vec<u8>, key: &u128) -> Option<Raw> {
    let h = header(&bytes, key, bytes.len() as u64)?;
    if h.data_sum != xxh3_128(&bytes[h.data.clone()]).to_le_bytes() {
        return None;
    }
    let index = (!h.index.is_empty()
        && h.index_ours
        && h.index_sum == xxh3_128(&bytes[h.index.clone()]).to_le_bytes())
    .then_some(h.index);
    Some(Raw {
        bytes,
        data: h.data,
        index,
    })
}

/// Only the index part of the entry at `path` for `key`, when it holds a good one of this build's
/// (the dataset part is neither read nor checked: a search does not need it). An entry whose header
/// is not this build's is removed; one without a good index part is left for [`read`] to judge.
pub(super) fn read_index(path: &Path, key: &u128, cap: u64) -> Option<Vec<u8>> {
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut head = [0u8; HEADER];
    let h = (len <= cap)
        .then(|| file.read_exact(&mut head).ok())
        .flatten()
        .and_then(|_| header(&head, key, len));
    let Some(h) = h else {
        let _ = std::fs::remove_file(path);
        return None;
    };
    if h.index.is_empty() || !h.index_ours {
        return None;
    }
    file.seek(io::SeekFrom::Start(h.index.start as u64)).ok()?;
    let mut bytes = vec![0u8; h.index.len()];
    file.read_exact(&mut bytes).ok()?;
    (xxh3_128(&bytes).to_le_bytes() == h.index_sum).then_some(bytes)
}

/// Marks an entry as used, so the cap removes the least recently used first.
pub(super) fn touch(path: &Path) {
    if let Ok(f) = std::fs::File::options().append(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

/// How an entry's bytes are written to its temporary file (tests pass one that fails).
pub(super) type WriteFn<'a> = dyn FnMut(&mut dyn Write, &[u8]) -> io::Result<()> + 'a;

/// Writes a dataset's compact form `data`, and a search index's `index` when there is one, as the
/// entry `path` of `dir` (through `write`, which tests replace): to a temporary file first, renamed
/// into place once whole; then trims the directory to `cap`. An entry larger than the cap is written
/// without its index, or not at all when the dataset alone is larger.
pub(super) fn store(
    dir: &Path,
    path: &Path,
    key: &u128,
    data: &[u8],
    index: Option<&[u8]>,
    cap: u64,
    write: &mut WriteFn<'_>,
) -> io::Result<()> {
    let fits = |n: usize| (HEADER + data.len() + n) as u64 <= cap;
    let index = index.filter(|i| fits(i.len())).unwrap_or_default();
    if !fits(index.len()) {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(FORM_ID.as_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    header.extend_from_slice(&(data.len() as u64).to_le_bytes());
    header.extend_from_slice(&xxh3_128(data).to_le_bytes());
    header.extend_from_slice(INDEX_ID.as_bytes());
    header.extend_from_slice(&(index.len() as u64).to_le_bytes());
    header.extend_from_slice(&xxh3_128(index).to_le_bytes());
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .suffix(".part")
        .tempfile_in(dir)?;
    write(tmp.as_file_mut(), &header)?;
    write(tmp.as_file_mut(), data)?;
    write(tmp.as_file_mut(), index)?;
    tmp.as_file_mut().flush()?;
    tmp.persist(path).map_err(|e| e.error)?;
    trim(dir, cap, path);
    Ok(())
}

/// The entries of a cache directory: path, size and last use.
pub(super) fn entries(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let Ok(list) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    list.flatten()
        .filter_map(|e| {
            let path = e.path();
            let meta = e.metadata().ok()?;
            (meta.is_file() && path.extension().is_some_and(|x| x == "form")).then(|| {
                let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                (path, meta.len(), used)
            })
        })
        .collect()
}

/// Removes the least recently used entries until the directory is within `cap` (never `keep`), and
/// temporary files a stopped run left behind.
fn trim(dir: &Path, cap: u64, keep: &Path) {
    let mut all = entries(dir);
    all.sort_by_key(|e| e.2);
    let mut total: u64 = all.iter().map(|e| e.1).sum();
    for (path, size, _) in &all {
        if total <= cap {
            break;
        }
        if path != keep && std::fs::remove_file(path).is_ok() {
            total -= size;
        }
    }
    let now = SystemTime::now();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE));
        let name = e.file_name();
        let name = name.to_string_lossy();
        if stale && name.starts_with(".tmp-") && name.ends_with(".part") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
