//! Writing a file so that a crash, a full disk or `kill -9` at any moment leaves either the old file
//! or the new one, never a half-written one: a temporary file in the same directory (tempfile's
//! `NamedTempFile`: created with `O_EXCL`, so a symlink planted at its name is never followed), flushed
//! to disk, put in place of the target (`persist`, or `persist_noclobber` when the target must not
//! exist), then the directory flushed.
//!
//! What this module adds around tempfile: only a regular file is ever replaced (never a FIFO, a
//! device, a directory, a symbolic link, or a file with other hard links); a replaced file keeps its
//! permissions; temporary files of earlier runs that died mid-write are removed; and each step goes
//! through a [`Writer`], so tests can make any step fail and check what is left.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use tempfile::NamedTempFile;

/// A temporary file older than this, and not locked by a writer, is a leftover of an earlier run.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// The steps of an atomic write. The default methods do the real thing; a test implements the trait
/// to fail at a chosen step.
pub trait Writer {
    /// Writes all of `bytes` to the temporary file.
    fn write(&mut self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
    /// Flushes the temporary file's contents to disk.
    fn sync(&mut self, file: &File) -> io::Result<()> {
        file.sync_all()
    }
    /// Puts the temporary file in place of the target: replacing it when `overwrite`, else failing
    /// with `AlreadyExists` if it exists. On failure the temporary file is dropped, which removes it.
    fn persist(&mut self, tmp: NamedTempFile, to: &Path, overwrite: bool) -> io::Result<()> {
        let placed = if overwrite {
            tmp.persist(to)
        } else {
            tmp.persist_noclobber(to)
        };
        placed.map(drop).map_err(|e| e.error)
    }
    /// Flushes the directory, so the rename itself survives a power cut.
    fn sync_dir(&mut self, dir: &Path) -> io::Result<()> {
        sync_dir(dir)
    }
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemWriter;

impl Writer for SystemWriter {}

/// How to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Replace the target if it exists; otherwise fail with `AlreadyExists` and leave it alone.
    pub overwrite: bool,
    /// A new file is readable by the owner only (mode 0600 on Unix): for files holding a person's
    /// notes. A file that is replaced keeps its own permissions either way.
    pub private: bool,
}

/// Flushes a directory's entries to disk. A no-op where directories cannot be opened as files.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// The directory a path's file lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The start of the names of `target`'s temporary files: `.NAME.tmp-`.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.tmp-")
}

/// What an existing target is, when it is not something this module may replace.
fn refusal(meta: &fs::Metadata) -> Option<String> {
    let ft = meta.file_type();
    let what = if ft.is_symlink() {
        "a symbolic link"
    } else if ft.is_dir() {
        "a directory"
    } else if !ft.is_file() {
        crate::safe_file::special_kind(&ft)
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if meta.nlink() > 1 {
                return Some(format!(
                    "has {} hard links, and replacing it would break them; remove the other links or choose another path",
                    meta.nlink()
                ));
            }
        }
        return None;
    };
    Some(format!(
        "is {what}, not a regular file; refusing to replace it"
    ))
}

/// Removes `target`'s temporary files left by earlier runs: regular files named `.NAME.tmp-*`,
/// older than [`STALE_AFTER`], that no writer holds locked. Returns how many were removed; failures
/// are ignored (a leftover is untidy, not harmful).
pub fn remove_stale(target: &Path) -> usize {
    let dir = parent_dir(target);
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !meta.file_type().is_file() || !old {
            continue;
        }
        // A writer holds its temporary file locked until it is in place.
        let Ok(file) = crate::safe_file::open_regular(&path, false) else {
            continue;
        };
        if file.try_lock().is_ok() && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Writes `bytes` to `target` atomically (see the module docs). On failure the temporary file is
/// removed and the target is as it was; the error is the failed step's.
pub fn write(
    target: &Path,
    bytes: &[u8],
    opts: Options,
    writer: &mut dyn Writer,
) -> io::Result<()> {
    let existing = match fs::symlink_metadata(target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing {
        if !opts.overwrite {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "the file already exists",
            ));
        }
        if let Some(why) = refusal(meta) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, why));
        }
    }
    remove_stale(target);
    let dir = parent_dir(target);
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(target);
    builder.prefix(&prefix).rand_bytes(8);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with this mode less the umask; a file being replaced lends its own mode below.
        let mode = if opts.private { 0o600 } else { 0o666 };
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    // Held until the file is in place, so no other run takes it for a leftover.
    tmp.as_file().lock()?;
    if let Some(meta) = &existing {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    writer.write(tmp.as_file_mut(), bytes)?;
    writer.sync(tmp.as_file())?;
    writer.persist(tmp, target, opts.overwrite)?;
    // The new file is in place: a failure to flush the directory is reported, the file stays.
    writer.sync_dir(&dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        let mut w = SystemWriter;
        let new_private = Options {
            overwrite: false,
            private: true,
        };
        write(&p, b"one", new_private, &mut w).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"one");
        let e = write(&p, b"two", Options::default(), &mut w).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"one");
        // Replacing a private file without asking for privacy does not widen it.
        let o = Options {
            overwrite: true,
            private: false,
        };
        write(&p, b"three", o, &mut w).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&p).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_to_replace_anything_but_a_regular_file() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let o = Options {
            overwrite: true,
            private: false,
        };
        let mut w = SystemWriter;
        let fifo = dir.path().join("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let e = write(&fifo, b"x", o, &mut w).unwrap_err();
        assert!(e.to_string().contains("is a FIFO"), "{e}");
        let real = dir.path().join("real");
        fs::write(&real, "keep").unwrap();
        let link = dir.path().join("link");
        symlink(&real, &link).unwrap();
        let e = write(&link, b"x", o, &mut w).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        let hard = dir.path().join("hard");
        fs::hard_link(&real, &hard).unwrap();
        let e = write(&hard, b"x", o, &mut w).unwrap_err();
        assert!(e.to_string().contains("2 hard links"), "{e}");
        assert_eq!(fs::read(&real).unwrap(), b"keep");
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        // A replaced file keeps its permissions, private or not.
        let p = dir.path().join("shared.txt");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        let private = Options {
            overwrite: true,
            private: true,
        };
        write(&p, b"new", private, &mut w).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read(&p).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn stale_removal_never_follows_a_link() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "mine").unwrap();
        let old = std::time::SystemTime::now() - STALE_AFTER * 2;
        File::options()
            .write(true)
            .open(&victim)
            .unwrap()
            .set_modified(old)
            .unwrap();
        symlink(&victim, dir.path().join(".out.txt.tmp-planted")).unwrap();
        assert_eq!(remove_stale(&dir.path().join("out.txt")), 0);
        assert_eq!(fs::read(&victim).unwrap(), b"mine");
    }
}
