//! `E`: a handout of the shortlist (from its view) or of the comparison (from the compare view),
//! written as HTML to `clinic-explorer-handout-YYYY-MM-DD.html` in the explorer's directory. An
//! existing file is replaced only after a yes to "overwrite? y/n"; the file is written atomically.

use super::{App, Focus, Overlay};
use crate::export::{Format, Handout};
use crate::shortlist::Timestamp;
use crate::shortlist::atomic::{self, SystemWriter};
use crate::text::sanitize;
use std::io;
use std::path::{Path, PathBuf};

/// A handout waiting for the answer to "overwrite?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// Where it would go.
    pub path: PathBuf,
    /// The document.
    doc: String,
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

/// Writes a document; replaces an existing file only when `overwrite`.
fn write(path: &Path, doc: &str, overwrite: bool) -> io::Result<()> {
    let opts = atomic::Options {
        overwrite,
        private: false,
    };
    atomic::write(path, doc.as_bytes(), opts, &mut SystemWriter)
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

    pub(super) fn start_export(&mut self) {
        if self.view.presenter {
            return self.read_only();
        }
        let date = Timestamp::now().date();
        let handout = match self.handout(&date) {
            Ok(h) => h,
            Err(why) => {
                self.status = Some(why);
                return;
            }
        };
        let path = self.export.dir.join(file_name(&date));
        let doc = handout.render(Format::Html);
        if path.exists() {
            self.status = Some(format!("{} exists: overwrite? y/n", shown(&path)));
            self.overlay = Some(Overlay::Confirm(Pending { path, doc }));
            return;
        }
        self.finish_export(&path, &doc, false);
    }

    pub(super) fn confirm_export(&mut self) {
        if let Some(Overlay::Confirm(p)) = self.overlay.take() {
            self.finish_export(&p.path, &p.doc, true);
        }
    }

    fn finish_export(&mut self, path: &Path, doc: &str, overwrite: bool) {
        let shown = shown(path);
        self.status = Some(match write(path, doc, overwrite) {
            Ok(()) => format!("Handout written: {shown}"),
            Err(e) => format!("The handout could not be written ({e}): {shown}"),
        });
    }
}
