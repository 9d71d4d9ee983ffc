//! What the explorer remembers between runs: the last currency and theme chosen in it. Kept in the
//! user's state directory (`$XDG_STATE_HOME/clinic-explorer/state.ron`, else
//! `~/.local/state/clinic-explorer/state.ron`), never in the configuration file, which stays the
//! person's own. A flag or an environment variable still wins over it; it wins over the
//! configuration files, since it is the newer choice; `--no-config` ignores it.
//!
//! A state file that cannot be read or understood is never an error: it is said once and ignored,
//! and the next choice writes a good one over it.

use crate::config::{Origin, Setting, Settings, Theme, parse_currency};
use crate::model::Currency;
use crate::shortlist::atomic::{self, SystemWriter};
use serde::Deserialize;
use std::io;
use std::path::{Path, PathBuf};

/// The state file's name inside the application's state directory.
pub const FILE_NAME: &str = "state.ron";

/// The remembered choices; `None` where nothing was chosen yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Remembered {
    /// The currency last chosen in the explorer.
    pub currency: Option<Currency>,
    /// The theme last chosen in the explorer.
    pub theme: Option<Theme>,
}

/// The file's form: names as the configuration file writes them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    theme: Option<String>,
}

/// Where the state file is on this machine, if there is a home to put it in.
pub fn standard_path() -> Option<PathBuf> {
    crate::config::dirs::state_home().map(|d| d.join("clinic-explorer").join(FILE_NAME))
}

impl Remembered {
    /// Reads the state file: `Ok` with nothing remembered when there is none, `Err` with a sentence
    /// when it cannot be read or understood (the caller says it and goes on without it).
    pub fn load(path: &Path) -> Result<Remembered, String> {
        let shown = crate::text::sanitize(&path.display().to_string());
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Remembered::default()),
            Err(e) => return Err(format!("{shown}: cannot be read ({e}); it is ignored")),
        };
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let file: File = options.from_str(&text).map_err(|e| {
            let p = e.span.start;
            format!(
                "{shown}:{}:{}: {}; the remembered choices are ignored",
                p.line, p.col, e.code
            )
        })?;
        let currency = file
            .currency
            .map(|c| parse_currency(&c))
            .transpose()
            .map_err(|e| format!("{shown}: {e}; it is ignored"))?;
        let theme = file
            .theme
            .map(|t| t.parse::<Theme>())
            .transpose()
            .map_err(|e| format!("{shown}: {e}; it is ignored"))?;
        Ok(Remembered { currency, theme })
    }

    /// Writes the state file atomically, making its directory if needed.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut text = String::from(
            "// The explorer's last choices. Delete this file to forget them; settings of your own\n\
             // belong in the configuration file.\n(\n",
        );
        if let Some(c) = self.currency {
            text.push_str(&format!("    currency: \"{}\",\n", c.code()));
        }
        if let Some(t) = self.theme {
            text.push_str(&format!("    theme: \"{}\",\n", t.as_str()));
        }
        text.push_str(")\n");
        let opts = atomic::Options {
            overwrite: true,
            private: false,
        };
        atomic::write(path, text.as_bytes(), opts, &mut SystemWriter)
    }

    /// Puts the remembered choices into `settings` where neither a flag nor the environment chose.
    pub fn apply(&self, settings: &mut Settings, path: &Path) {
        let weaker =
            |o: &Origin| matches!(o, Origin::Default | Origin::User(_) | Origin::System(_));
        if let Some(c) = self.currency
            && weaker(&settings.currency.origin)
        {
            settings.currency = Setting {
                value: c,
                origin: Origin::State(path.to_path_buf()),
            };
        }
        if let Some(t) = self.theme
            && weaker(&settings.theme.origin)
        {
            settings.theme = Setting {
                value: t,
                origin: Origin::State(path.to_path_buf()),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_choices_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/clinic-explorer/state.ron");
        assert_eq!(Remembered::load(&path), Ok(Remembered::default()));
        let r = Remembered {
            currency: Some(Currency::KRW),
            theme: Some(Theme::HighContrast),
        };
        r.save(&path).unwrap();
        assert_eq!(Remembered::load(&path), Ok(r));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("\"KRW\"") && text.contains("\"high-contrast\""),
            "{text}"
        );
    }

    #[test]
    fn a_bad_file_is_named_with_its_place_and_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        std::fs::write(&path, "(\n  currency: \"EUR\",\n)").unwrap();
        let err = Remembered::load(&path).unwrap_err();
        assert!(err.contains("unknown currency `EUR`"), "{err}");
        std::fs::write(&path, "(\n  colour: 1,\n)").unwrap();
        let err = Remembered::load(&path).unwrap_err();
        assert!(err.contains("state.ron:2:"), "{err}");
    }

    #[test]
    fn flags_and_environment_win_over_the_state_and_the_state_over_files() {
        let path = PathBuf::from("/s/state.ron");
        let r = Remembered {
            currency: Some(Currency::KRW),
            theme: Some(Theme::Light),
        };
        let mut s = Settings::default();
        s.theme.origin = Origin::User(PathBuf::from("/u/config.ron"));
        s.currency.origin = Origin::Flag("--currency");
        r.apply(&mut s, &path);
        assert_eq!(s.theme.value, Theme::Light);
        assert_eq!(s.theme.origin, Origin::State(path.clone()));
        assert_eq!(s.currency.origin, Origin::Flag("--currency"));
        assert_ne!(s.currency.value, Currency::KRW);
    }
}
