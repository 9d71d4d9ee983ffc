//! Settings: the data directory, the theme, the display currency and key bindings, merged from (highest
//! first) command-line flags, environment variables, the per-user configuration file, the system-wide
//! one and the bundled defaults. Each merged value remembers where it came from, so `config --print`
//! can say.
//!
//! Configuration files are RON, parsed strictly: an unknown field is an error naming the file, line
//! and column. Key bindings are kept as written (key name -> action name); the explorer checks the
//! action names. A key bound twice in one file, or two keys a terminal cannot tell apart bound to
//! different actions, is reported in [`Settings::warnings`] rather than silently resolved.

pub mod dirs;
mod file;
pub mod keys;

use crate::dataset::{DATA_ENV, DataSource};
use crate::error::{Error, Result};
use crate::model::Currency;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use keys::{KeyCode, KeySpec, Modifiers, parse_key};

/// The directory name used under the data, configuration and system directories.
pub const APP_DIR: &str = "clinic-explorer";
/// The configuration file's name.
pub const FILE_NAME: &str = "config.ron";
/// The environment variable naming a theme.
pub const THEME_ENV: &str = "CLINIC_EXPLORER_THEME";
/// The environment variable naming a display currency.
pub const CURRENCY_ENV: &str = "CLINIC_EXPLORER_CURRENCY";
/// The environment variable that turns colour off when set to anything but an empty string.
pub const NO_COLOR_ENV: &str = "NO_COLOR";
/// The environment variable listing layer directories, separated as `PATH` is.
pub const LAYERS_ENV: &str = "CLINIC_EXPLORER_LAYERS";

/// The explorer's colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Light text on a dark background.
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
    /// Maximum contrast.
    HighContrast,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 3] = [Theme::Dark, Theme::Light, Theme::HighContrast];

    /// The name used in files, flags and the environment.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::HighContrast => "high-contrast",
        }
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Theme {
    type Err = String;
    fn from_str(s: &str) -> Result<Theme, String> {
        let folded = s.trim().to_ascii_lowercase().replace('_', "-");
        Theme::ALL
            .into_iter()
            .find(|t| {
                t.as_str() == folded || (folded == "highcontrast" && *t == Theme::HighContrast)
            })
            .ok_or_else(|| {
                format!("unknown theme `{s}`; expected \"dark\", \"light\" or \"high-contrast\"")
            })
    }
}

/// Parses a currency code, `USD` or `KRW`, in any case.
pub fn parse_currency(s: &str) -> Result<Currency, String> {
    match s.trim().to_ascii_uppercase().as_str() {
        "USD" => Ok(Currency::USD),
        "KRW" => Ok(Currency::KRW),
        _ => Err(format!(
            "unknown currency `{s}`; expected \"USD\" or \"KRW\""
        )),
    }
}

/// Where the configuration files are looked for. Injectable so tests never read `/etc`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConfigPaths {
    /// The system-wide file (`/etc/clinic-explorer/config.ron`).
    pub system: Option<PathBuf>,
    /// The per-user file (`$XDG_CONFIG_HOME/clinic-explorer/config.ron`, else
    /// `~/.config/clinic-explorer/config.ron`).
    pub user: Option<PathBuf>,
}

impl ConfigPaths {
    /// The standard places for this platform.
    pub fn standard() -> ConfigPaths {
        ConfigPaths {
            system: dirs::system_config().map(|d| d.join(APP_DIR).join(FILE_NAME)),
            user: dirs::config_home().map(|d| d.join(APP_DIR).join(FILE_NAME)),
        }
    }

    /// No files at all (`--no-config`).
    pub fn none() -> ConfigPaths {
        ConfigPaths::default()
    }
}

/// Where a setting's value came from, highest precedence first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag (its name, e.g. `--theme`).
    Flag(&'static str),
    /// An environment variable (its name).
    Env(&'static str),
    /// The per-user configuration file.
    User(PathBuf),
    /// The system-wide configuration file.
    System(PathBuf),
    /// The explorer's remembered choices (see [`crate::state`]).
    State(PathBuf),
    /// The bundled default.
    Default,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag(name) => write!(f, "flag {name}"),
            Origin::Env(name) => write!(f, "environment {name}"),
            Origin::User(p) => write!(f, "user config {}", p.display()),
            Origin::System(p) => write!(f, "system config {}", p.display()),
            Origin::State(p) => write!(f, "saved explorer state {}", p.display()),
            Origin::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value in force.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
}

/// One key binding in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    /// The key as written in the file (`Ctrl+N`).
    pub key: String,
    /// What the key name means.
    pub spec: KeySpec,
    /// The action's name, as written; the explorer checks it.
    pub action: String,
    /// The file it came from.
    pub origin: Origin,
}

/// Values given on the command line, which beat every other source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Flags {
    /// `--data DIR`.
    pub data_dir: Option<PathBuf>,
    /// `--theme NAME`.
    pub theme: Option<Theme>,
    /// `--currency CODE`.
    pub currency: Option<Currency>,
    /// `--no-config`: read no configuration file.
    pub no_config: bool,
}

/// The merged settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// A data directory, or `None` for the bundled data.
    pub data_dir: Setting<Option<PathBuf>>,
    /// The colour scheme (see also [`Settings::no_color`]).
    pub theme: Setting<Theme>,
    /// The currency figures are shown in where they are converted.
    pub currency: Setting<Currency>,
    /// Whether a data directory's validated dataset is kept in the user's cache (`cache` in a
    /// file, `--no-cache`).
    pub cache: Setting<bool>,
    /// Layer directories on top of the data, in load order: the system file's, the user file's,
    /// `CLINIC_EXPLORER_LAYERS`, then `--layer` flags.
    pub layers: Vec<Setting<PathBuf>>,
    /// Key bindings from the files: system-wide first, then per-user; a key bound in both is the
    /// user's.
    pub keys: Vec<KeyBinding>,
    /// True when `NO_COLOR` is set and not empty: no colour whatever the theme.
    pub no_color: bool,
    /// Bindings that were bound twice or clash, in words, each naming its file.
    pub warnings: Vec<String>,
    /// Where configuration files were looked for.
    pub paths: ConfigPaths,
    /// The files that were found and read.
    pub files: Vec<PathBuf>,
    /// Where the explorer keeps the currency and theme last chosen in it (see [`crate::state`]);
    /// `None` when it keeps them for one run only (`--no-config`, no home directory).
    pub state_file: Option<PathBuf>,
}

impl Default for Settings {
    /// The bundled defaults alone.
    fn default() -> Settings {
        Settings {
            data_dir: Setting {
                value: None,
                origin: Origin::Default,
            },
            theme: Setting {
                value: Theme::default(),
                origin: Origin::Default,
            },
            currency: Setting {
                value: Currency::USD,
                origin: Origin::Default,
            },
            cache: Setting {
                value: true,
                origin: Origin::Default,
            },
            layers: Vec::new(),
            keys: Vec::new(),
            no_color: false,
            warnings: Vec::new(),
            paths: ConfigPaths::none(),
            files: Vec::new(),
            state_file: None,
        }
    }
}

/// A value from the environment, if set and not empty.
fn env_value(env: &dyn Fn(&str) -> Option<OsString>, name: &str) -> Option<OsString> {
    env(name).filter(|v| !v.is_empty())
}

fn env_text(env: &dyn Fn(&str) -> Option<OsString>, name: &str) -> Option<String> {
    env_value(env, name).map(|v| v.to_string_lossy().into_owned())
}

impl Settings {
    /// Merges the settings: `flags` > `env` (`CLINIC_EXPLORER_DATA`, `CLINIC_EXPLORER_THEME`,
    /// `CLINIC_EXPLORER_CURRENCY`) > the user file > the system file > defaults. With
    /// `flags.no_config`, no file is read. `env` looks up a variable (tests pass their own).
    /// Errors: a file that cannot be read or parsed (every problem, located), or a bad value in
    /// the environment.
    pub fn load(
        flags: &Flags,
        paths: &ConfigPaths,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<Settings> {
        let paths = if flags.no_config {
            ConfigPaths::none()
        } else {
            paths.clone()
        };
        let mut problems = Vec::new();
        let mut skipped = Vec::new();
        let mut files = Vec::new();
        let mut layers = Vec::new();
        for (path, origin, system) in [
            (&paths.system, Origin::System as fn(PathBuf) -> Origin, true),
            (&paths.user, Origin::User, false),
        ] {
            let Some(path) = path else { continue };
            match file::read_file(path) {
                Ok(Some(f)) => {
                    files.push(path.clone());
                    layers.push((f, origin(path.clone()), path.clone()));
                }
                Ok(None) => {}
                // The system file is the administrator's: one nobody can read must not stop every
                // user, so it is reported and skipped.
                Err(file::Failure::Unreadable(p)) if system => {
                    skipped.push(format!("{p}; the system-wide configuration is skipped"));
                }
                Err(file::Failure::Unreadable(p) | file::Failure::Invalid(p)) => problems.push(p),
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let mut s = Settings {
            paths,
            files,
            no_color: env_value(env, NO_COLOR_ENV).is_some(),
            ..Settings::default()
        };
        for (f, origin, path) in &layers {
            let dir = path.parent().unwrap_or(Path::new("."));
            if let Some(d) = &f.data_dir {
                s.data_dir = Setting {
                    value: Some(dir.join(d)),
                    origin: origin.clone(),
                };
            }
            if let Some(t) = f.theme {
                s.theme = Setting {
                    value: t,
                    origin: origin.clone(),
                };
            }
            if let Some(c) = f.currency {
                s.currency = Setting {
                    value: c.0,
                    origin: origin.clone(),
                };
            }
            if let Some(on) = f.cache {
                s.cache = Setting {
                    value: on,
                    origin: origin.clone(),
                };
            }
            for l in &f.layers {
                s.layers.push(Setting {
                    value: dir.join(l),
                    origin: origin.clone(),
                });
            }
        }
        if let Some(list) = env_value(env, LAYERS_ENV) {
            for l in std::env::split_paths(&list).filter(|p| !p.as_os_str().is_empty()) {
                s.layers.push(Setting {
                    value: l,
                    origin: Origin::Env(LAYERS_ENV),
                });
            }
        }
        if let Some(d) = env_value(env, DATA_ENV) {
            s.data_dir = Setting {
                value: Some(PathBuf::from(d)),
                origin: Origin::Env(DATA_ENV),
            };
        }
        if let Some(t) = env_text(env, THEME_ENV) {
            s.theme = Setting {
                value: t
                    .parse()
                    .map_err(|e| Error::Request(format!("{THEME_ENV}: {e}")))?,
                origin: Origin::Env(THEME_ENV),
            };
        }
        if let Some(c) = env_text(env, CURRENCY_ENV) {
            s.currency = Setting {
                value: parse_currency(&c)
                    .map_err(|e| Error::Request(format!("{CURRENCY_ENV}: {e}")))?,
                origin: Origin::Env(CURRENCY_ENV),
            };
        }
        if let Some(d) = &flags.data_dir {
            s.data_dir = Setting {
                value: Some(d.clone()),
                origin: Origin::Flag("--data"),
            };
        }
        if let Some(t) = flags.theme {
            s.theme = Setting {
                value: t,
                origin: Origin::Flag("--theme"),
            };
        }
        if let Some(c) = flags.currency {
            s.currency = Setting {
                value: c,
                origin: Origin::Flag("--currency"),
            };
        }
        let (keys, warnings) = merge_keys(&layers);
        s.keys = keys;
        skipped.extend(warnings);
        s.warnings = skipped;
        Ok(s)
    }

    /// [`Settings::load`] with the standard file places and this process's environment.
    pub fn from_process(flags: &Flags) -> Result<Settings> {
        Settings::load(flags, &ConfigPaths::standard(), &|name| {
            std::env::var_os(name)
        })
    }

    /// Where to load the dataset from.
    pub fn data_source(&self) -> DataSource {
        self.data_dir
            .value
            .clone()
            .map_or(DataSource::Bundled, DataSource::Dir)
    }

    /// The layer directories, in load order.
    pub fn layer_dirs(&self) -> Vec<PathBuf> {
        self.layers.iter().map(|l| l.value.clone()).collect()
    }

    /// The cache of data directories these settings ask for: the user's, or none.
    pub fn data_cache(&self) -> crate::cache::Cache {
        if self.cache.value {
            crate::cache::Cache::user()
        } else {
            crate::cache::Cache::off()
        }
    }

    /// The currency if one was chosen anywhere (not the bundled default).
    pub fn chosen_currency(&self) -> Option<Currency> {
        (self.currency.origin != Origin::Default).then_some(self.currency.value)
    }

    /// The bindings as a plain map, key name as written -> action name.
    pub fn key_map(&self) -> BTreeMap<String, String> {
        self.keys
            .iter()
            .map(|b| (b.key.clone(), b.action.clone()))
            .collect()
    }
}

/// The bindings of the files, later files overriding earlier ones key by key, with warnings for a
/// key bound twice in one file and for keys a terminal sends alike bound to different actions.
fn merge_keys(layers: &[(file::ConfigFile, Origin, PathBuf)]) -> (Vec<KeyBinding>, Vec<String>) {
    let mut merged: Vec<KeyBinding> = Vec::new();
    let mut warnings = Vec::new();
    for (f, origin, path) in layers {
        let mut in_file: BTreeMap<KeySpec, &file::KeyEntry> = BTreeMap::new();
        for entry in &f.keys.0 {
            if let Some(prev) = in_file.insert(entry.spec, entry) {
                let also = if prev.name == entry.name {
                    String::new()
                } else {
                    format!(" (as `{}` and `{}`)", prev.name, entry.name)
                };
                warnings.push(format!(
                    "{}: key `{}` is bound twice{also}, to `{}` and to `{}`; the later one, `{}`, is used",
                    path.display(),
                    entry.spec,
                    prev.action,
                    entry.action,
                    entry.action
                ));
            }
            merged.retain(|b| b.spec != entry.spec);
            merged.push(KeyBinding {
                key: entry.name.clone(),
                spec: entry.spec,
                action: entry.action.clone(),
                origin: origin.clone(),
            });
        }
    }
    for (i, a) in merged.iter().enumerate() {
        for b in &merged[i + 1..] {
            if a.spec.as_sent() == b.spec.as_sent() && a.action != b.action {
                warnings.push(format!(
                    "keys `{}` ({}) and `{}` ({}) arrive as the same key in most terminals but are \
                     bound to different actions, `{}` and `{}`; bind only one of them",
                    a.key, a.origin, b.key, b.origin, a.action, b.action
                ));
            }
        }
    }
    (merged, warnings)
}
