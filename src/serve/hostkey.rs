//! The server's host key: made once (Ed25519), written readable by its owner only, and reused on
//! every start, so visitors' `known_hosts` stay right. A key that cannot be saved stops the server
//! rather than letting it run with a key that changes at the next start.

use russh::keys::ssh_key::{self, LineEnding, private::Ed25519Keypair};
use russh::keys::{HashAlg, PrivateKey};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why the host key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum HostKeyError {
    /// The file could not be read or written.
    #[error("host key {}: {source}", path.display())]
    Io {
        /// The key file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The file is not an OpenSSH private key.
    #[error("host key {}: not an OpenSSH private key ({source})", path.display())]
    Format {
        /// The key file.
        path: PathBuf,
        /// What the parser said.
        source: ssh_key::Error,
    },
    /// Others may read the file.
    #[error(
        "host key {}: readable by others (mode {mode:o}); run `chmod 600` on it",
        path.display()
    )]
    Exposed {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> HostKeyError + '_ {
    move |source| HostKeyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads the host key at `path`, or makes one there if there is no file.
pub fn load_or_create(path: &Path) -> Result<PrivateKey, HostKeyError> {
    match std::fs::read(path) {
        Ok(bytes) => {
            check_mode(path)?;
            PrivateKey::from_openssh(&bytes).map_err(|source| HostKeyError::Format {
                path: path.to_path_buf(),
                source,
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(e) => Err(io(path)(e)),
    }
}

#[cfg(unix)]
fn check_mode(path: &Path) -> Result<(), HostKeyError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(io(path))?
        .permissions()
        .mode()
        & 0o777;
    if mode & 0o077 != 0 {
        return Err(HostKeyError::Exposed {
            path: path.to_path_buf(),
            mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_mode(_: &Path) -> Result<(), HostKeyError> {
    Ok(())
}

/// Makes a new Ed25519 key and writes it: to a temporary file created 0600, synced, then renamed
/// into place, so a crash leaves either no key or a whole one.
fn create(path: &Path) -> Result<PrivateKey, HostKeyError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| io(path)(std::io::Error::other(e.to_string())))?;
    let key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    seed.fill(0);
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|source| HostKeyError::Format {
            path: path.to_path_buf(),
            source,
        })?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".new");
    let tmp = PathBuf::from(tmp);
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp).map_err(io(&tmp))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))?;
    Ok(key)
}

/// The key's SHA-256 fingerprint as `ssh-keygen -l` prints it (`SHA256:...`).
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/host_key");
        let first = load_or_create(&path).unwrap();
        let again = load_or_create(&path).unwrap();
        assert_eq!(fingerprint(&first), fingerprint(&again));
        assert!(fingerprint(&first).starts_with("SHA256:"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_key_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("host_key");
        load_or_create(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = load_or_create(&path).unwrap_err().to_string();
        assert!(e.contains("chmod 600"), "{e}");
    }

    #[test]
    fn a_key_that_cannot_be_saved_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "not a directory").unwrap();
        let e = load_or_create(&blocker.join("host_key")).unwrap_err();
        assert!(matches!(e, HostKeyError::Io { .. }), "{e}");
    }

    #[test]
    fn garbage_is_not_a_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("host_key");
        std::fs::write(&path, "hello").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let e = load_or_create(&path).unwrap_err().to_string();
        assert!(e.contains("not an OpenSSH private key"), "{e}");
    }
}
