//! One configuration file: read, parsed strictly (unknown fields are errors), every error located.

use super::Theme;
use super::keys::{KeySpec, parse_key};
use crate::dataset::read;
use crate::error::Problem;
use crate::model::Currency;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::path::{Path, PathBuf};

/// The fields of a configuration file; every one may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(rename = "config", deny_unknown_fields)]
pub(super) struct ConfigFile {
    /// A data directory; relative paths are taken from the configuration file's directory.
    #[serde(default)]
    pub data_dir: Option<PathBuf>,
    /// "dark", "light" or "high-contrast".
    #[serde(default)]
    pub theme: Option<Theme>,
    /// "USD" or "KRW".
    #[serde(default)]
    pub currency: Option<CurrencyName>,
    /// Key name -> action name, in file order, duplicates kept so they can be reported.
    #[serde(default)]
    pub keys: KeyList,
    /// `false` turns off the cache of data directories.
    #[serde(default)]
    pub cache: Option<bool>,
    /// Layer directories loaded on top of the data, in order; relative paths are taken from the
    /// configuration file's directory.
    #[serde(default)]
    pub layers: Vec<PathBuf>,
}

/// A currency written as a string, `"USD"` or `"KRW"` (any case).
#[derive(Debug, Clone, Copy)]
pub(super) struct CurrencyName(pub Currency);

impl<'de> Deserialize<'de> for CurrencyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_currency(&s)
            .map(CurrencyName)
            .map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Theme {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// One binding as written: the key's text, what it means, and the action's name.
#[derive(Debug, Clone)]
pub(super) struct KeyEntry {
    pub name: String,
    pub spec: KeySpec,
    pub action: String,
}

/// The `keys` map, in file order, duplicates kept.
#[derive(Debug, Default)]
pub(super) struct KeyList(pub Vec<KeyEntry>);

/// A key name, parsed as it is read so a bad one is reported at its line and column.
struct KeyName(String, KeySpec);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let spec = parse_key(&s).map_err(de::Error::custom)?;
        Ok(KeyName(s, spec))
    }
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = KeyList;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of key names to action names, e.g. { \"ctrl-n\": \"next-tab\" }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyList, A::Error> {
                let mut out = Vec::new();
                while let Some(KeyName(name, spec)) = map.next_key()? {
                    let action: String = map.next_value()?;
                    if action.trim().is_empty() {
                        return Err(de::Error::custom(format!(
                            "key `{name}` is bound to an empty action name"
                        )));
                    }
                    out.push(KeyEntry { name, spec, action });
                }
                Ok(KeyList(out))
            }
        }
        d.deserialize_map(Pairs)
    }
}

/// The largest configuration file accepted: far more than any real one, small enough that a wrong
/// file is refused before it fills memory.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Why a configuration file gave no settings.
#[derive(Debug)]
pub(super) enum Failure {
    /// It could not be read at all (permissions, a FIFO or device, too large).
    Unreadable(Problem),
    /// It was read but is not a valid configuration.
    Invalid(Problem),
}

/// Reads one configuration file: `Ok(None)` when there is none, every other failure a located
/// problem. A file holding nothing but blanks is an empty configuration. Only a regular file is
/// read, without blocking (see [`crate::safe_file`]).
pub(super) fn read_file(path: &Path) -> Result<Option<ConfigFile>, Failure> {
    let bytes =
        match crate::safe_file::read_capped(path, MAX_CONFIG_BYTES, "a configuration file (RON)") {
            Ok(b) => b,
            Err(crate::safe_file::ReadError::NotFound) => return Ok(None),
            Err(e) => return Err(Failure::Unreadable(Problem::in_file(path, e.to_string()))),
        };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Some(ConfigFile::default()));
    }
    let text = read::decode(bytes, path).map_err(Failure::Invalid)?;
    read::parse::<ConfigFile>(&text, path)
        .map(Some)
        .map_err(Failure::Invalid)
}
