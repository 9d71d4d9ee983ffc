//! Who may log in: the public keys in an authorized-keys file, read again whenever the file
//! changes (its size or modification time), so adding a colleague needs no restart. Lines that are
//! not keys are skipped and reported with their line number; a file that cannot be read lets no
//! key in until it can.

use russh::keys::{HashAlg, PublicKey};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The authorized keys, as last read.
#[derive(Debug)]
pub struct AuthorizedKeys {
    path: PathBuf,
    stamp: Option<(SystemTime, u64)>,
    keys: Vec<PublicKey>,
}

impl AuthorizedKeys {
    /// Keys from `path`, read at once (problems are logged).
    pub fn new(path: PathBuf) -> AuthorizedKeys {
        let mut keys = AuthorizedKeys {
            path,
            stamp: None,
            keys: Vec::new(),
        };
        keys.refresh();
        keys
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many keys are listed.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no key is listed.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// True when `key` is listed (after reading the file again if it changed).
    pub fn allows(&mut self, key: &PublicKey) -> bool {
        self.refresh();
        self.keys.iter().any(|k| k.key_data() == key.key_data())
    }

    /// Reads the file again if its size or time changed.
    fn refresh(&mut self) {
        let stamp = std::fs::metadata(&self.path)
            .ok()
            .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()));
        if stamp.is_some() && stamp == self.stamp {
            return;
        }
        self.stamp = stamp;
        match std::fs::read_to_string(&self.path) {
            Ok(text) => {
                let (keys, problems) = parse(&text);
                for (line, problem) in problems {
                    super::log::line(&format!(
                        "authorized keys {}:{line}: skipped, {problem}",
                        self.path.display()
                    ));
                }
                self.keys = keys;
            }
            Err(e) => {
                super::log::line(&format!(
                    "authorized keys {}: cannot be read ({e}); no key is let in",
                    self.path.display()
                ));
                self.keys.clear();
            }
        }
    }
}

/// The keys in an authorized-keys text, and each line that is not one (line number, why). Options
/// before the key type (`from=`, `command=`...) are not honoured: such lines are skipped.
pub fn parse(text: &str) -> (Vec<PublicKey>, Vec<(usize, String)>) {
    let mut keys = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match PublicKey::from_openssh(line) {
            Ok(key) => keys.push(key),
            Err(e) => problems.push((
                i + 1,
                format!("expected `TYPE BASE64 [COMMENT]` with no options ({e})"),
            )),
        }
    }
    (keys, problems)
}

/// A key's SHA-256 fingerprint (`SHA256:...`), as `ssh-keygen -l` prints it.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// A directory name for a key's own files: its fingerprint with the characters a path cannot
/// hold replaced (`SHA256-abc_def-...`).
pub fn dir_name(key: &PublicKey) -> String {
    fingerprint(key)
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' => c,
            ':' => '-',
            '/' => '_',
            '+' => '.',
            _ => '~',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An Ed25519 public key line, made from a fixed seed.
    fn ed() -> String {
        use russh::keys::ssh_key::private::Ed25519Keypair;
        let key = russh::keys::PrivateKey::from(Ed25519Keypair::from_seed(&[7; 32]));
        format!("{} alice@laptop", key.public_key().to_openssh().unwrap())
    }

    #[test]
    fn keys_comments_and_bad_lines() {
        let ed = ed();
        let text = format!("# team\n\n{ed}\nnot a key\ncommand=\"ls\" {ed}\n");
        let (keys, problems) = parse(&text);
        assert_eq!(keys.len(), 1);
        let lines: Vec<usize> = problems.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [4, 5]);
        assert!(dir_name(&keys[0]).starts_with("SHA256-"));
        assert!(!dir_name(&keys[0]).contains('/'));
    }

    #[test]
    fn the_file_is_read_again_when_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("authorized_keys");
        let ed = ed();
        let (keys, _) = parse(&ed);
        let mut allowed = AuthorizedKeys::new(path.clone());
        assert!(!allowed.allows(&keys[0]), "no file, no key");
        std::fs::write(&path, format!("{ed}\n")).unwrap();
        assert!(allowed.allows(&keys[0]));
        std::fs::write(&path, "# nobody\n").unwrap();
        assert!(!allowed.allows(&keys[0]), "removed keys are out");
    }
}
