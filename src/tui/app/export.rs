//! `E`: a handout of the shortlist (from its view) or of the comparison (from the compare view),
//! written as HTML to `clinic-explorer-handout-YYYY-MM-DD.html` in the explorer's directory. An
//! existing file is replaced only after a yes to "overwrite? y/n".
//!
//! Each step outside is an effect, and its outcome the next step: `E` asks for the clock; the date
//! gives the handout and its path, whose existence is asked; a free path is written at once, a taken
//! one asks first; the written file (or why not) is said in the status bar.

use super::effect::Effect;
use super::{App, Focus, Overlay};
use crate::export::Handout;
use crate::shortlist::Timestamp;
use crate::text::sanitize;
use std::path::{Path, PathBuf};

/// A handout waiting for the answer to "overwrite?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// Where it would go.
    pub path: PathBuf,
    /// The handout.
    handout: Box<Handout>,
}

/// Where handouts go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportState {
    dir: PathBuf,
}

/// The handout's file name for a date: `clinic-explorer-handout-2026-05-01.html`.
pub fn file_name(date: &str) -> String {
    format!("clinic-explorer-handout-{date}.html")
}

impl ExportState {
    /// Handouts go to `dir`.
    pub fn new(dir: PathBuf) -> ExportState {
        ExportState { dir }
    }

    /// The directory handouts are written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// A path for the status bar, the file name first so a cut keeps it: "NAME (in DIR)".
pub(super) fn shown(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let dir = path
        .parent()
        .map_or_else(String::new, |d| d.display().to_string());
    sanitize(&format!("{name} (in {dir})"))
}

impl App {
    /// The handout for the view shown, or why there is none.
    fn handout(&self, date: &str) -> Result<Handout, String> {
        match self.focus {
            Focus::Shortlist => {
                let list = self.shortlist.list();
                if list.is_empty() {
                    return Err("The shortlist is empty: b in a list keeps a record".into());
                }
                Ok(Handout::from_shortlist(&self.data, list, date))
            }
            Focus::Compare => {
                let ids: Vec<&str> = self.marks.ids().iter().map(String::as_str).collect();
                let kind = self
                    .marks
                    .kind()
                    .filter(|_| ids.len() >= 2)
                    .ok_or("Mark 2 to 4 records of one kind to export a comparison")?;
                Handout::from_comparison(&self.data, kind, &ids, date).map_err(|e| e.to_string())
            }
            _ => Err("E exports from the shortlist view (s) or the compare view (c)".into()),
        }
    }

    /// `E`: checks there is a handout to write here, then asks for the date.
    pub(super) fn start_export(&mut self) {
        if self.view.presenter {
            return self.read_only();
        }
        match self.handout("") {
            Ok(_) => self.ask(Effect::ReadClock),
            Err(why) => self.status = Some(why),
        }
    }

    /// The date came: the handout and where it goes; asks whether that file exists.
    pub(super) fn export_at(&mut self, now: Timestamp) {
        let date = now.date();
        match self.handout(&date) {
            Ok(handout) => {
                let path = self.export.dir.join(file_name(&date));
                self.ask(Effect::CheckFile {
                    path,
                    handout: Box::new(handout),
                });
            }
            Err(why) => self.status = Some(why),
        }
    }

    /// Writes to a free path; asks before replacing a file.
    pub(super) fn export_checked(&mut self, path: PathBuf, handout: Box<Handout>, exists: bool) {
        if exists {
            self.status = Some(format!("{} exists: overwrite? y/n", shown(&path)));
            self.overlay = Some(Overlay::Confirm(Pending { path, handout }));
        } else {
            self.ask(Effect::WriteHandout {
                path,
                handout,
                overwrite: false,
            });
        }
    }

    /// `y` to "overwrite?": writes over the file.
    pub(super) fn confirm_export(&mut self) {
        if let Some(Overlay::Confirm(p)) = self.overlay.take() {
            self.ask(Effect::WriteHandout {
                path: p.path,
                handout: p.handout,
                overwrite: true,
            });
        }
    }

    /// Says where the handout went, or why it could not be written.
    pub(super) fn export_written(&mut self, path: &Path, result: Result<(), String>) {
        let shown = shown(path);
        self.status = Some(match result {
            Ok(()) => format!("Handout written: {shown}"),
            Err(e) => sanitize(&format!("The handout could not be written ({e}): {shown}")),
        });
    }
}
