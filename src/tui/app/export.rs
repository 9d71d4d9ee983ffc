//! `E`: a handout of the shortlist (from its view) or of the comparison (from the compare view),
//! written as HTML in the explorer's directory under a name the user confirms or types. The name
//! offered is made of what the handout holds and the date (`compare-keloids-hypertrophic-scars-
//! 2026-05-01.html`), numbered when that file exists already. A typed name that exists is replaced
//! only after a yes to "overwrite? y/n". Presenter mode writes handouts too: a handout changes no
//! shortlist entry or note.
//!
//! Each step outside is an effect, and its outcome the next step: `E` asks for the clock; the date
//! gives the handout and the name to offer, for which a free file name is asked; the name prompt
//! opens with it; Enter asks whether the file typed exists; a free path is written at once, a taken
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

/// The handout file name being typed, with the handout it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEdit {
    /// The name as typed (the offered one to begin with).
    pub text: String,
    /// The handout.
    handout: Box<Handout>,
}

/// The most characters a name offered takes from what the handout holds.
const MAX_STEM: usize = 60;

/// The start of the name offered for a handout of `what` (`shortlist`, `compare`) holding records
/// with these ids, and its date: `compare-keloids-hypertrophic-scars-2026-05-01`. Ids past
/// [`MAX_STEM`] characters are counted instead: `shortlist-a-b-and-3-more-2026-05-01`.
pub fn name_stem(what: &str, ids: &[&str], date: &str) -> String {
    let mut stem = what.to_owned();
    for (i, id) in ids.iter().enumerate() {
        let slug: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let more = ids.len() - i;
        if stem.len() + slug.len() + 1 > MAX_STEM {
            stem.push_str(&format!("-and-{more}-more"));
            break;
        }
        stem.push('-');
        stem.push_str(&slug);
    }
    format!("{stem}-{date}")
}

/// A typed file name checked: `.html` added when it has no extension; `Err` says why a name cannot
/// be used (empty, a directory in it, hidden).
pub fn checked_name(typed: &str) -> Result<String, &'static str> {
    let name = typed.trim();
    if name.is_empty() {
        return Err("Type a file name (Esc leaves it)");
    }
    if name.contains(['/', '\\']) || name == ".." {
        return Err("A file name only: the handout goes to the explorer's directory");
    }
    if name.starts_with('.') {
        return Err("A name starting with a dot would hide the file");
    }
    if name.chars().any(char::is_control) {
        return Err("The name has a control character in it");
    }
    let has_ext = std::path::Path::new(name).extension().is_some();
    Ok(if has_ext {
        name.to_owned()
    } else {
        format!("{name}.html")
    })
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
        match self.handout("") {
            Ok(_) => self.ask(Effect::ReadClock),
            Err(why) => self.status = Some(why),
        }
    }

    /// What the handout shown holds, for the name offered: what it is and its records' ids.
    fn handout_contents(&self) -> (&'static str, Vec<&str>) {
        match self.focus {
            Focus::Compare => (
                "compare",
                self.marks.ids().iter().map(String::as_str).collect(),
            ),
            _ => (
                "shortlist",
                self.shortlist
                    .list()
                    .entries()
                    .iter()
                    .map(|e| e.id.as_str())
                    .collect(),
            ),
        }
    }

    /// The date came: the handout, and a free file name to offer for it.
    pub(super) fn export_at(&mut self, now: Timestamp) {
        let date = now.date();
        match self.handout(&date) {
            Ok(handout) => {
                let (what, ids) = self.handout_contents();
                let stem = name_stem(what, &ids, &date);
                self.ask(Effect::FreeName {
                    dir: self.export.dir.clone(),
                    stem,
                    extension: "html",
                    handout: Box::new(handout),
                });
            }
            Err(why) => self.status = Some(why),
        }
    }

    /// A free name came: the prompt opens with it, to confirm or change.
    pub(super) fn export_named(&mut self, name: String, handout: Box<Handout>) {
        let dir = if self.export.dir.as_os_str().is_empty() || self.export.dir == Path::new(".") {
            "the current directory".to_owned()
        } else {
            self.export.dir.display().to_string()
        };
        self.status = Some(sanitize(&format!(
            "The handout goes to {dir}: Enter writes it, Esc leaves it"
        )));
        self.overlay = Some(Overlay::Name(NameEdit {
            text: name,
            handout,
        }));
    }

    /// Typing in the name prompt; Enter asks whether the file named exists.
    pub(super) fn type_name(&mut self, action: crate::tui::action::Action) {
        use crate::tui::action::Action;
        let Some(Overlay::Name(edit)) = &mut self.overlay else {
            return;
        };
        match action {
            Action::NoteInput(c) => edit.text.push(c),
            Action::NoteDelete => {
                edit.text.pop();
            }
            Action::SaveNote => match checked_name(&edit.text) {
                Err(why) => self.status = Some(why.into()),
                Ok(name) => {
                    if let Some(Overlay::Name(edit)) = self.overlay.take() {
                        self.ask(Effect::CheckFile {
                            path: self.export.dir.join(name),
                            handout: edit.handout,
                        });
                    }
                }
            },
            _ => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_offered_says_what_the_handout_holds_and_when() {
        assert_eq!(
            name_stem("compare", &["keloids", "hypertrophic-scars"], "2026-05-01"),
            "compare-keloids-hypertrophic-scars-2026-05-01"
        );
        let many = [
            "adipose-derived-stem-cells",
            "hair-korea",
            "lichen-planopilaris",
            "keloids",
        ];
        assert_eq!(
            name_stem("shortlist", &many, "2026-05-01"),
            "shortlist-adipose-derived-stem-cells-hair-korea-and-2-more-2026-05-01"
        );
        assert_eq!(name_stem("shortlist", &["Ünï/x"], "d"), "shortlist--n--x-d");
    }

    #[test]
    fn a_typed_name_is_a_file_name_in_the_handout_directory() {
        assert_eq!(checked_name("for ann").as_deref(), Ok("for ann.html"));
        assert_eq!(checked_name(" notes.htm ").as_deref(), Ok("notes.htm"));
        assert!(checked_name("").is_err());
        assert!(checked_name("../x").is_err());
        assert!(checked_name("a/b").is_err());
        assert!(checked_name(".hidden").is_err());
    }
}
