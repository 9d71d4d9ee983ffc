//! Writing a file so that a crash, a full disk or `kill -9` at any moment leaves either the old file
//! or the new one, never a half-written one: write a temporary file in the same directory, flush it
//! to disk, rename it over the target, then flush the directory.
//!
//! Each step goes through a [`Writer`], so tests can make any step fail and check what is left.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// Puts the temporary file in place of the target, replacing it if it exists.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
    /// Puts the temporary file in place of the target only if the target does not exist (a hard link,
    /// which fails with `AlreadyExists` instead of replacing).
    fn link(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::hard_link(from, to)
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
    /// Readable by the owner only (mode 0600 on Unix): for personal files such as the shortlist.
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

/// Creates a new, empty temporary file beside `target`: `.NAME.tmp-PID-N`.
fn create_temp(target: &Path, private: bool) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = parent_dir(target);
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        match opts.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `bytes` to `target` atomically (see the module docs). On failure the temporary file is
/// removed and the target is as it was; the error is the failed step's.
pub fn write(
    target: &Path,
    bytes: &[u8],
    opts: Options,
    writer: &mut dyn Writer,
) -> io::Result<()> {
    if !opts.overwrite && target.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the file already exists",
        ));
    }
    let (tmp, mut file) = create_temp(target, opts.private)?;
    let result = (|| {
        writer.write(&mut file, bytes)?;
        writer.sync(&file)?;
        drop(file);
        if opts.overwrite {
            writer.rename(&tmp, target)
        } else {
            place_new(writer, &tmp, target)
        }
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    // The new file is in place: a failure to flush the directory is reported, the file stays.
    writer.sync_dir(&parent_dir(target))
}

/// Links the temporary file to a target that must not exist, then removes the temporary name. Where
/// hard links are not supported, falls back to a rename after checking the target is still absent.
fn place_new(writer: &mut dyn Writer, tmp: &Path, target: &Path) -> io::Result<()> {
    match writer.link(tmp, target) {
        Ok(()) => {
            let _ = fs::remove_file(tmp);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if target.exists() => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the file already exists",
        )),
        Err(_) => writer.rename(tmp, target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        let mut w = SystemWriter;
        write(&p, b"one", Options::default(), &mut w).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"one");
        let e = write(&p, b"two", Options::default(), &mut w).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"one");
        let o = Options {
            overwrite: true,
            private: true,
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
}
