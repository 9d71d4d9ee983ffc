//! How figures and records are shown: the currency (toggled with `$`) and presenter mode (toggled with
//! `p`: no ids, the high-contrast theme, the disclaimer in the status bar, and read-only).

use super::App;
use crate::model::Currency;
use crate::tui::action::Action;
use crate::tui::doc;

/// How figures and records are shown: the currency, and presenter mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct View {
    /// The currency every figure is shown in.
    pub currency: Currency,
    /// Presenter mode: no ids, high contrast, the disclaimer in the status bar, read-only.
    pub presenter: bool,
    /// A visitor session of `serve`: presenter mode, which cannot be left.
    pub visitor: bool,
    /// The mouse is left to the terminal (its own selection works); the explorer gets no clicks.
    pub mouse_released: bool,
    /// Steps the list pane was made wider (positive) or narrower (negative) with `>` and `<`.
    pub list_steps: i16,
}

/// What a visitor session says when asked to keep or change anything.
const VISITOR: &str = "Read-only visitor session: your key is not on the list";

impl App {
    /// Shows figures in the other currency.
    pub(super) fn toggle_currency(&mut self) {
        self.view.currency = match self.view.currency {
            Currency::USD => Currency::KRW,
            Currency::KRW => Currency::USD,
        };
        let rate = crate::estimate::conversion_rate(&self.data)
            .map(|r| format!(", converted at {}", doc::rate_text(r.krw_per_usd, &r.date)))
            .unwrap_or_default();
        self.status = Some(format!("Figures in {}{rate}", self.view.currency));
        self.clamp_all();
        self.remember_choices();
    }

    /// Enters or leaves presenter mode.
    pub(super) fn toggle_presenter(&mut self) {
        if self.view.visitor {
            self.status = Some(VISITOR.into());
            return;
        }
        self.view.presenter = !self.view.presenter;
        self.status = Some(if self.view.presenter {
            "Presenter mode: no ids, high contrast, read-only".into()
        } else {
            "Presenter mode off".into()
        });
        self.clamp_all();
    }

    /// The message for what presenter mode refuses.
    pub(super) fn read_only(&mut self) {
        if self.view.visitor {
            self.status = Some(VISITOR.into());
            return;
        }
        let key = self
            .keymap
            .key_name(Action::TogglePresenter)
            .unwrap_or_else(|| "presenter".into());
        self.status = Some(format!("Presenter mode is read-only: {key} leaves it"));
    }
}
