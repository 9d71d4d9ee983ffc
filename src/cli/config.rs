//! `clinic-explorer config --print`: the settings in force and where each comes from.

use crate::config::{NO_COLOR_ENV, Origin, Settings};
use crate::dataset::DataSource;
use crate::text::{escape, sanitize};
use std::path::Path;

fn from(origin: &Origin) -> String {
    let only = if matches!(origin, Origin::State(_)) {
        "; the explorer's own, other commands ignore it"
    } else {
        ""
    };
    sanitize(&format!("(from {origin}{only})"))
}

fn file_state(path: &Path, settings: &Settings) -> String {
    let state = if settings.files.iter().any(|f| f == path) {
        "read"
    } else {
        "not found"
    };
    sanitize(&format!("{} ({state})", path.display()))
}

/// The merged settings as lines of `name = value  (from ORIGIN)`, then the key bindings, the files
/// looked at and any warnings.
pub fn print(settings: &Settings) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    let data = match settings.data_source() {
        DataSource::Bundled => "bundled data".to_owned(),
        DataSource::Dir(d) => sanitize(&d.display().to_string()),
    };
    line(format!(
        "data_dir = {data}  {}",
        from(&settings.data_dir.origin)
    ));
    line(format!(
        "theme = {}  {}",
        settings.theme.value,
        from(&settings.theme.origin)
    ));
    line(format!(
        "currency = {}  {}",
        settings.currency.value,
        from(&settings.currency.origin)
    ));
    if settings.layers.is_empty() {
        line("layers = (none)".to_owned());
    } else {
        line("layers:".to_owned());
        for l in &settings.layers {
            line(format!(
                "  {}  {}",
                sanitize(&l.value.display().to_string()),
                from(&l.origin)
            ));
        }
    }
    line(format!(
        "cache = {}  {}",
        match settings.data_cache().dir() {
            Some(d) => format!("on ({})", sanitize(&d.display().to_string())),
            None => "off".to_owned(),
        },
        from(&settings.cache.origin)
    ));
    line(format!(
        "no_color = {}  ({NO_COLOR_ENV} is {}; when set, no colour whatever the theme)",
        settings.no_color,
        if settings.no_color { "set" } else { "not set" }
    ));
    if settings.keys.is_empty() {
        line("keys = (none; the explorer's own key map)".to_owned());
    } else {
        line("keys:".to_owned());
        for k in &settings.keys {
            line(format!(
                "  {} = {}  {} · {}",
                sanitize(&k.key),
                sanitize(&k.action),
                from(&k.origin),
                crate::tui::action::Action::what_name_does(&k.action)
            ));
        }
    }
    let paths = &settings.paths;
    if paths.system.is_none() && paths.user.is_none() {
        line("config files: none read".to_owned());
    } else {
        line("config files:".to_owned());
        if let Some(p) = &paths.user {
            line(format!("  user: {}", file_state(p, settings)));
        }
        if let Some(p) = &paths.system {
            line(format!("  system: {}", file_state(p, settings)));
        }
    }
    let mut warnings: Vec<String> = settings.warnings.clone();
    warnings.extend(unknown_actions(settings));
    if !warnings.is_empty() {
        line("warnings:".to_owned());
        for w in &warnings {
            line(format!("  {}", sanitize(w)));
        }
    }
    out
}

/// A warning for each key bound to an action that does not exist: the explorer leaves such a key
/// unbound, and the list above would otherwise show it as if it did something.
fn unknown_actions(settings: &Settings) -> Vec<String> {
    use crate::tui::action::Action;
    settings
        .keys
        .iter()
        .filter(|k| Action::from_name(&k.action).is_none())
        .map(|k| {
            format!(
                "key `{}` (from {}) is bound to `{}`, which is no action: the explorer leaves the key \
                 as it was (the help lists the action names)",
                escape(&k.key),
                k.origin,
                escape(&k.action)
            )
        })
        .collect()
}
