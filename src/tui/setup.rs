//! What the explorer starts with: key bindings, theme, currency, presenter mode, the shortlist and
//! where it is kept, and where handouts go. Built from the [`Settings`] by [`Setup::from_settings`];
//! tests build their own (a shortlist store in a temporary directory, never the real home directory).
//! The app itself reads no file: [`crate::tui::perform::Performer::open`] loads the shortlist from
//! the store into the setup and keeps the store for saving.

use super::keymap::Keymap;
use super::theme::Theme;
use crate::config::Settings;
use crate::model::Currency;
use crate::shortlist::{Shortlist, Store};
use std::path::PathBuf;

/// How the explorer starts.
#[derive(Debug)]
pub struct Setup {
    /// The key bindings (the default table with the user's bindings laid over it).
    pub keymap: Keymap,
    /// The styles.
    pub theme: Theme,
    /// The currency figures are shown in at start.
    pub currency: Currency,
    /// Start in presenter mode.
    pub presenter: bool,
    /// A visitor of `serve` whose key is not listed: presenter mode, which cannot be left.
    pub visitor: bool,
    /// Where the shortlist is kept; `None` keeps it in memory only. Taken by
    /// [`crate::tui::perform::Performer::open`], which loads [`Setup::shortlist`] from it.
    pub store: Option<Store>,
    /// The shortlist at start.
    pub shortlist: Shortlist,
    /// Where handouts are written.
    pub export_dir: PathBuf,
    /// Anything to say in the status bar at start.
    pub notices: Vec<String>,
    /// Where the currency and theme chosen are kept for the next start; `None` keeps them for this
    /// run only. Taken by [`crate::tui::perform::Performer::open`].
    pub state_file: Option<PathBuf>,
}

impl Default for Setup {
    /// The default keys, the theme the environment asks for, US dollars, no store, handouts in the
    /// current directory.
    fn default() -> Setup {
        Setup {
            keymap: Keymap::default(),
            theme: Theme::from_env(),
            currency: Currency::USD,
            presenter: false,
            visitor: false,
            store: None,
            shortlist: Shortlist::new(),
            export_dir: PathBuf::from("."),
            notices: Vec::new(),
            state_file: None,
        }
    }
}

impl Setup {
    /// The theme (`NO_COLOR` wins over it), the currency if one was chosen, and the key bindings with
    /// every problem the settings found with them; no store (see [`Setup::store`]).
    pub fn from_settings(settings: &Settings) -> Setup {
        let mut keymap = Keymap::default();
        for w in &settings.warnings {
            keymap.add_problem(w.clone());
        }
        keymap.apply_overrides(&settings.keys);
        Setup {
            keymap,
            theme: Theme::new(settings.theme.value, settings.no_color),
            currency: settings.chosen_currency().unwrap_or(Currency::USD),
            state_file: settings.state_file.clone(),
            ..Setup::default()
        }
    }
}
