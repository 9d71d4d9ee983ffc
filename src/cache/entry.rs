//! One cache entry: a header (magic, form id, key, length, checksum) and the dataset's compact form.

use crate::dataset::{FILES, FileText, form};
use crate::error::Problem;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// The first bytes of every cache entry.
pub const MAGIC: &[u8; 8] = b"CLXFORM1";

/// This build's form, as `build.rs` named it: entries of other builds never match.
const FORM_ID: &str = env!("CLINIC_EXPLORER_FORM_ID");

/// Magic, form id, key, payload length, payload checksum.
const HEADER: usize = 8 + 32 + 16 + 8 + 16;

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

/// The entry's file name for a key.
pub(super) fn file_name(key: &u128) -> String {
    format!("{key:032x}.form")
}

/// The dataset kept at `path` for `key`, if the entry is whole and this build's; an entry that is
/// not is removed, to be replaced.
pub(super) fn read(path: &Path, key: &u128, cap: u64) -> Option<crate::dataset::Dataset> {
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let data = (len >= HEADER as u64 && len <= cap)
        .then(|| {
            let mut bytes = Vec::with_capacity(len as usize);
            file.read_to_end(&mut bytes).ok()?;
            decode(&bytes, key)
        })
        .flatten();
    if data.is_none() {
        let _ = std::fs::remove_file(path);
    }
    data
}

/// The dataset in an entry's bytes, if the header matches this build and `key` and the checksum
/// holds.
fn decode(bytes: &[u8], key: &u128) -> Option<crate::dataset::Dataset> {
    let (header, payload) = bytes.split_at_checked(HEADER)?;
    let (magic, rest) = header.split_at(8);
    let (form_id, rest) = rest.split_at(32);
    let (entry_key, rest) = rest.split_at(16);
    let (length, checksum) = rest.split_at(8);
    let ok = magic == MAGIC
        && form_id == FORM_ID.as_bytes()
        && entry_key == key.to_le_bytes()
        && length == (payload.len() as u64).to_le_bytes()
        && checksum == xxh3_128(payload).to_le_bytes();
    if !ok {
        return None;
    }
    form::decode(payload)
}

/// Marks an entry as used, so the cap removes the least recently used first.
pub(super) fn touch(path: &Path) {
    if let Ok(f) = std::fs::File::options().append(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

/// How an entry's bytes are written to its temporary file (tests pass one that fails).
pub(super) type WriteFn<'a> = dyn FnMut(&mut dyn Write, &[u8]) -> io::Result<()> + 'a;

/// Writes `data` as the entry `path` of `dir` (through `write`, which tests replace): to a temporary
/// file first, renamed into place once whole; then trims the directory to `cap`. An entry larger
/// than the cap is not written.
pub(super) fn store(
    dir: &Path,
    path: &Path,
    key: &u128,
    data: &crate::dataset::Dataset,
    cap: u64,
    write: &mut WriteFn<'_>,
) -> io::Result<()> {
    let payload = form::encode(data);
    if (HEADER + payload.len()) as u64 > cap {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(FORM_ID.as_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    header.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    header.extend_from_slice(&xxh3_128(&payload).to_le_bytes());
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .suffix(".part")
        .tempfile_in(dir)?;
    write(tmp.as_file_mut(), &header)?;
    write(tmp.as_file_mut(), &payload)?;
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
