//! `y` copies what is selected to the terminal's clipboard (OSC 52, asked of the loop as an effect):
//! a record as plain text with its sources, or on the cost chart the figure of the selected bar with
//! its year and source. `m` lets the terminal have the mouse, so its own selection and copy work,
//! and takes it back.

use super::{App, Effect, Focus, Overlay};
use crate::model::Kind;
use crate::tui::yank::{self, Yank};

impl App {
    /// What `y` copies here, or why nothing.
    fn yank_target(&self) -> Result<Yank, &'static str> {
        let record = |kind: Kind, id: &str| self.data.describe(kind, id).map(|d| yank::record(&d));
        match (&self.overlay, self.focus) {
            (Some(Overlay::Search(s)), _) => s
                .selected_hit()
                .and_then(|h| record(h.kind, &h.id))
                .ok_or("No hit selected to copy"),
            (Some(_), _) => Err("Nothing to copy here: close this first (Esc)"),
            (None, Focus::List(kind) | Focus::Detail(kind)) => {
                if let Some(figure) = self.costs_yank() {
                    return figure;
                }
                self.selected_id(kind)
                    .and_then(|id| record(kind, id))
                    .ok_or("Nothing selected to copy")
            }
            (None, Focus::Compare) => {
                let kind = self.marks.kind().ok_or("Mark records to compare first")?;
                let id = self
                    .marks
                    .ids()
                    .get(self.compare.focused)
                    .ok_or("No column to copy")?;
                record(kind, id).ok_or("Nothing to copy")
            }
            (None, Focus::Shortlist) => {
                let e = self.shortlist.selected().ok_or("The shortlist is empty")?;
                let mut y =
                    record(e.kind, e.id.as_str()).ok_or("That record is no longer in the data")?;
                if let Some(note) = &e.note {
                    y.text
                        .push_str(&format!("\nYour note: {}\n", crate::text::sanitize(note)));
                }
                Ok(y)
            }
        }
    }

    /// Copies the selected record or figure.
    pub(super) fn yank(&mut self) {
        match self.yank_target() {
            Ok(y) => {
                let lines = y.text.lines().count();
                let s = if lines == 1 { "" } else { "s" };
                self.status = Some(crate::text::sanitize(&format!(
                    "Copied {} to the clipboard ({lines} line{s})",
                    y.what
                )));
                self.ask(Effect::Copy(y.text));
            }
            Err(why) => self.status = Some(why.to_owned()),
        }
    }

    /// Releases the mouse to the terminal, or takes it back.
    pub(super) fn toggle_mouse(&mut self) {
        self.view.mouse_released = !self.view.mouse_released;
        self.status = Some(if self.view.mouse_released {
            "Mouse left to the terminal: select and copy as usual; m takes it back".into()
        } else {
            "Mouse back in the explorer: click and scroll; m leaves it to the terminal".into()
        });
        self.ask(Effect::Mouse(!self.view.mouse_released));
    }

    /// Says what went wrong when the terminal could not be told.
    pub(super) fn terminal_answered(&mut self, result: Result<(), String>) {
        if let Err(e) = result {
            self.status = Some(crate::text::sanitize(&format!("Could not do that: {e}")));
        }
    }
}
