//! The currency and theme chosen in the explorer are kept for the next start: each change asks for
//! them to be remembered (an effect; the state file is written outside the app). `T` goes through
//! the colour schemes.

use super::{App, Effect};
use crate::config::Theme as Scheme;
use crate::state::Remembered;

impl App {
    /// Asks for the currency and theme shown now to be kept for the next start.
    pub(super) fn remember_choices(&mut self) {
        self.ask(Effect::Remember(Remembered {
            currency: Some(self.view.currency),
            theme: Some(self.theme.scheme),
        }));
    }

    /// The next colour scheme: dark, light, high contrast.
    pub(super) fn cycle_theme(&mut self) {
        let all = Scheme::ALL;
        let i = all
            .iter()
            .position(|s| *s == self.theme.scheme)
            .unwrap_or(0);
        self.theme.scheme = all[(i + 1) % all.len()];
        let note = if !self.theme.color {
            " (NO_COLOR is set: no colours whatever the theme)"
        } else if self.view.presenter {
            " (presenter mode shows high contrast until p leaves it)"
        } else {
            ""
        };
        self.status = Some(format!("Theme {}{note}", self.theme.scheme.as_str()));
        self.remember_choices();
    }

    /// Says when the choices could not be kept.
    pub(super) fn remembered(&mut self, result: Result<(), String>) {
        if let Err(e) = result {
            let now = self
                .status
                .take()
                .map(|s| format!("{s}; "))
                .unwrap_or_default();
            self.status = Some(crate::text::sanitize(&format!(
                "{now}not kept for next time: {e}"
            )));
        }
    }
}
