//! Reading files that may come from other hands: only regular files, opened without blocking, with a
//! size cap. A FIFO planted where a data file, the configuration or the shortlist should be would
//! otherwise block the reader forever, a device such as `/dev/zero` would fill memory, and a
//! directory gives a confusing error. Every file the project reads from a path goes through here.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Nothing at the path.
    #[error("file not found")]
    NotFound,
    /// The file exists but may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// A FIFO, a device, a socket or a directory.
    #[error("is {0}, not a regular file; expected {1}")]
    NotRegular(&'static str, &'static str),
    /// A symbolic link where none may be followed.
    #[error("is a symbolic link, which is not followed here; expected {0}")]
    Symlink(&'static str),
    /// Larger than the cap for this kind of file.
    #[error("the file is larger than the {limit} limit for {what}; is it the right file?")]
    TooLarge {
        /// The cap, in words (`64 MiB`).
        limit: String,
        /// What kind of file was expected (`a data file`).
        what: &'static str,
    },
    /// Any other failure, as the system said it.
    #[error("cannot read the file ({0})")]
    Io(io::Error),
}

impl ReadError {
    fn from_open(e: io::Error, follow: bool, what: &'static str) -> ReadError {
        match e.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            _ if !follow && is_loop(&e) => ReadError::Symlink(what),
            _ => ReadError::Io(e),
        }
    }
}

/// True when opening failed because `O_NOFOLLOW` met a symbolic link (ELOOP).
fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Opens `path` for reading without blocking (`O_NONBLOCK`, so a FIFO with no writer cannot hang
/// the caller; `O_NOCTTY`; with `follow` false also `O_NOFOLLOW`), then checks with `fstat` on the
/// open file that it is a regular file. Anything else is refused with an `InvalidInput` error saying
/// what it is.
pub fn open_regular(path: &Path, follow: bool) -> io::Result<File> {
    open_checked(path, follow).map_err(|e| match e {
        Opened::Failed(e) => e,
        Opened::NotRegular(kind) => io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("is {kind}, not a regular file"),
        ),
    })
}

/// Why [`open_checked`] gave no file.
enum Opened {
    Failed(io::Error),
    NotRegular(&'static str),
}

fn open_checked(path: &Path, follow: bool) -> Result<File, Opened> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = OFlags::NONBLOCK | OFlags::NOCTTY;
        if !follow {
            flags |= OFlags::NOFOLLOW;
        }
        opts.custom_flags(flags.bits() as i32);
    }
    let file = opts.open(path).map_err(Opened::Failed)?;
    let ft = file.metadata().map_err(Opened::Failed)?.file_type();
    if ft.is_file() {
        Ok(file)
    } else if ft.is_dir() {
        Err(Opened::NotRegular("a directory"))
    } else {
        Err(Opened::NotRegular(special_kind(&ft)))
    }
}

/// "a FIFO", "a character device"... for a file type that is neither a file, a directory nor a link.
pub fn special_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    let _ = ft;
    "a special file"
}

/// Reads a whole regular file, refusing more than `cap` bytes; `what` names the kind of file
/// expected, for the messages ("a data file", "a configuration file", "a shortlist").
pub fn read_capped(path: &Path, cap: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
    read_with(path, cap, what, true)
}

/// [`read_capped`] that also refuses a symbolic link at `path`.
pub fn read_capped_nofollow(
    path: &Path,
    cap: u64,
    what: &'static str,
) -> Result<Vec<u8>, ReadError> {
    read_with(path, cap, what, false)
}

fn read_with(
    path: &Path,
    cap: u64,
    what: &'static str,
    follow: bool,
) -> Result<Vec<u8>, ReadError> {
    let file = match open_checked(path, follow) {
        Ok(f) => f,
        Err(Opened::NotRegular(kind)) => return Err(ReadError::NotRegular(kind, what)),
        Err(Opened::Failed(e)) => return Err(ReadError::from_open(e, follow, what)),
    };
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge {
            limit: size_words(cap),
            what,
        });
    }
    Ok(bytes)
}

/// A byte count in words: `64 MiB`, `512 KiB`, `100 bytes`.
pub fn size_words(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KiB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_within_its_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        std::fs::write(&p, "12345").unwrap();
        assert_eq!(read_capped(&p, 5, "a data file").unwrap(), b"12345");
        let e = read_capped(&p, 4, "a data file").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the file is larger than the 4 bytes limit for a data file; is it the right file?"
        );
        assert!(matches!(
            read_capped(&dir.path().join("none"), 5, "a data file"),
            Err(ReadError::NotFound)
        ));
        let e = read_capped(dir.path(), 5, "a data file").unwrap_err();
        assert_eq!(
            e.to_string(),
            "is a directory, not a regular file; expected a data file"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking_and_a_device() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, rustix::fs::Mode::from(0o600)).unwrap();
        let e = read_capped(&fifo, 5, "a shortlist").unwrap_err();
        assert!(e.to_string().starts_with("is a FIFO"), "{e}");
        let e = read_capped(Path::new("/dev/zero"), 5, "a shortlist").unwrap_err();
        assert!(e.to_string().starts_with("is a character device"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn nofollow_refuses_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::write(&real, "x").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(read_capped(&link, 5, "a file").unwrap(), b"x");
        let e = read_capped_nofollow(&link, 5, "a file").unwrap_err();
        assert!(matches!(e, ReadError::Symlink(_)), "{e}");
    }

    #[test]
    fn sizes_in_words() {
        assert_eq!(size_words(64 * 1024 * 1024), "64 MiB");
        assert_eq!(size_words(8 * 1024), "8 KiB");
        assert_eq!(size_words(100), "100 bytes");
    }
}
