//! Where per-user and system-wide files live. On Linux and the other Unix systems that follow the XDG
//! base directory convention this is read from the environment directly; on macOS and Windows the
//! platform's own convention is followed through the `directories` crate.

use std::path::PathBuf;

/// The per-user data directory: `$XDG_DATA_HOME`, else `~/.local/share` (Application Support on
/// macOS, `%APPDATA%` on Windows).
pub fn data_home() -> Option<PathBuf> {
    platform::data_home()
}

/// The per-user configuration directory: `$XDG_CONFIG_HOME`, else `~/.config` (Application Support
/// on macOS, `%APPDATA%` on Windows).
pub fn config_home() -> Option<PathBuf> {
    platform::config_home()
}

/// The per-user state directory, for what a program remembers between runs: `$XDG_STATE_HOME`,
/// else `~/.local/state` (the local data directory on macOS and Windows).
pub fn state_home() -> Option<PathBuf> {
    platform::state_home()
}

/// The per-user cache directory: `$XDG_CACHE_HOME`, else `~/.cache` (Caches on macOS, the local
/// application data directory on Windows).
pub fn cache_home() -> Option<PathBuf> {
    platform::cache_home()
}

/// The system-wide configuration directory: `/etc` on Unix, `%ProgramData%` on Windows.
pub fn system_config() -> Option<PathBuf> {
    #[cfg(windows)]
    {
        std::env::var_os("ProgramData")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    }
    #[cfg(not(windows))]
    {
        Some(PathBuf::from("/etc"))
    }
}

#[cfg(not(any(target_os = "macos", windows)))]
mod platform {
    use std::path::PathBuf;

    /// An XDG variable if it holds an absolute path (the specification says to ignore relative
    /// ones), else `$HOME/<fallback>`.
    fn xdg(var: &str, fallback: &str) -> Option<PathBuf> {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|h| !h.is_empty())
                    .map(|h| PathBuf::from(h).join(fallback))
            })
    }

    pub fn data_home() -> Option<PathBuf> {
        xdg("XDG_DATA_HOME", ".local/share")
    }

    pub fn config_home() -> Option<PathBuf> {
        xdg("XDG_CONFIG_HOME", ".config")
    }

    pub fn state_home() -> Option<PathBuf> {
        xdg("XDG_STATE_HOME", ".local/state")
    }

    pub fn cache_home() -> Option<PathBuf> {
        xdg("XDG_CACHE_HOME", ".cache")
    }
}

#[cfg(any(target_os = "macos", windows))]
mod platform {
    use std::path::PathBuf;

    pub fn data_home() -> Option<PathBuf> {
        directories::BaseDirs::new().map(|d| d.data_dir().to_path_buf())
    }

    pub fn config_home() -> Option<PathBuf> {
        directories::BaseDirs::new().map(|d| d.config_dir().to_path_buf())
    }

    pub fn state_home() -> Option<PathBuf> {
        directories::BaseDirs::new().map(|d| d.data_local_dir().to_path_buf())
    }

    pub fn cache_home() -> Option<PathBuf> {
        directories::BaseDirs::new().map(|d| d.cache_dir().to_path_buf())
    }
}
