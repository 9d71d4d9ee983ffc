//! The shortlist in the explorer: `b` adds or removes the selected record, `n` writes a note, the
//! shortlist view opens, removes and reorders entries. The list comes loaded with the setup; after
//! every change the app asks for it to be saved ([`Effect::SaveShortlist`]), and the outcome (the
//! list merged with others' changes, or why saving failed) comes back as [`Outcome::Saved`]; a
//! failure is said in the status bar, never a panic.

use super::effect::{Effect, Saved};
use super::list::ListPane;
use super::{App, Focus, Overlay};
use crate::model::Kind;
use crate::shortlist::{Entry, Shortlist};
use crate::text::sanitize;
use crate::tui::action::Action;
use crate::tui::layout;
use std::hash::{Hash, Hasher};

/// The longest note kept, in characters.
pub const MAX_NOTE: usize = 200;

/// A note being written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NoteEdit {
    /// The record's kind.
    pub kind: Kind,
    /// The record's id.
    pub id: String,
    /// The record's name, for the prompt.
    pub name: String,
    /// The text so far.
    pub text: String,
}

/// The shortlist and the view's position.
#[derive(Debug, Default)]
pub struct ShortlistState {
    pub(super) list: Shortlist,
    pane: ListPane,
    /// Why the last save failed: the app holds changes the file does not. Cleared by a save that
    /// works (every change saves the whole list, so the next one tries again).
    unsaved: Option<String>,
    /// Quit once a save asked for from the quit question has worked.
    quit_after_save: bool,
    /// Entries removed here, newest last, to be put back with `u`.
    pub(super) removed: Vec<super::undo::Removed>,
}

impl ShortlistState {
    /// The view of a list, from its first entry.
    pub(super) fn new(list: Shortlist) -> ShortlistState {
        ShortlistState {
            list,
            pane: ListPane::default(),
            unsaved: None,
            quit_after_save: false,
            removed: Vec::new(),
        }
    }

    /// The list.
    pub fn list(&self) -> &Shortlist {
        &self.list
    }

    /// Why the last save failed, while the app holds changes the file does not have.
    pub fn unsaved(&self) -> Option<&str> {
        self.unsaved.as_deref()
    }

    /// The view's selected entry and first entry shown.
    pub fn pane(&self) -> ListPane {
        self.pane
    }

    /// The selected entry.
    pub fn selected(&self) -> Option<&Entry> {
        self.list.entries().get(self.pane.selected)
    }

    pub(super) fn apply(&mut self, action: Action, rows: usize) {
        self.pane.apply(action, self.list.len(), rows);
    }

    pub(super) fn select(&mut self, index: usize, rows: usize) {
        self.pane.select(index, self.list.len(), rows);
    }

    pub(super) fn clamp(&mut self, rows: usize) {
        self.pane.clamp(self.list.len(), rows);
    }

    /// Hashes what the view shows, for the app's redraw check.
    pub(super) fn fingerprint(&self, h: &mut impl Hasher) {
        for e in self.list.entries() {
            (e.kind, e.id.as_str(), &e.note).hash(h);
        }
        self.pane.hash(h);
    }
}

impl App {
    /// Rows shown by the shortlist view.
    pub(super) fn shortlist_rows(&self) -> usize {
        layout::list_capacity(layout::inner(self.areas().shortlist))
    }

    /// The record `b` and `n` act on: the shortlist view's selected entry, else the selected record.
    fn shortlist_target(&self) -> Option<(Kind, String)> {
        match self.focus {
            Focus::Shortlist => self
                .shortlist
                .selected()
                .map(|e| (e.kind, e.id.as_str().to_owned())),
            _ => {
                let kind = self.focus.kind()?;
                Some((kind, self.selected_id(kind)?.to_owned()))
            }
        }
    }

    pub(super) fn record_name(&self, kind: Kind, id: &str) -> String {
        self.data
            .get(kind, id)
            .map_or_else(|| format!("{kind} {id}"), |r| r.name().to_owned())
    }

    /// Says `done` and asks for the list to be saved.
    pub(super) fn saved(&mut self, done: String) {
        let rows = self.shortlist_rows();
        self.shortlist.clamp(rows);
        self.status = Some(sanitize(&done));
        self.ask(Effect::SaveShortlist(self.shortlist.list.clone()));
    }

    /// Takes the list as saved (merged with others' changes), and adds to the status bar what
    /// saving had to say.
    pub(super) fn shortlist_saved(&mut self, result: Result<Saved, String>) {
        let quit_after_save = std::mem::take(&mut self.shortlist.quit_after_save);
        // What was done is only in memory when saving failed: the message says so.
        let mut join = "; ";
        let extra = match result {
            Ok(saved) => {
                self.shortlist.unsaved = None;
                if matches!(self.overlay, Some(Overlay::Unsaved { .. })) {
                    self.overlay = None;
                }
                if quit_after_save {
                    self.quit = true;
                }
                if let Some(list) = saved.list {
                    // Keep the selected entry selected, wherever others' changes put it.
                    let selected = self.shortlist.selected().map(|e| (e.kind, e.id.clone()));
                    self.shortlist.list = list;
                    let rows = self.shortlist_rows();
                    match selected.and_then(|(k, id)| self.shortlist.list.position(k, id.as_str()))
                    {
                        Some(i) => self.shortlist.select(i, rows),
                        None => self.shortlist.clamp(rows),
                    }
                }
                saved
                    .moved_aside
                    .map(|to| format!("an unreadable shortlist file was kept as {}", to.display()))
            }
            Err(e) => {
                // Kept in memory, said in full until dismissed, asked about on quit.
                let error = sanitize(&e);
                self.shortlist.unsaved = Some(error.clone());
                self.overlay = Some(Overlay::Unsaved {
                    error,
                    quitting: quit_after_save,
                });
                join = ", in memory only; ";
                Some(format!("the shortlist could not be saved: {e}"))
            }
        };
        if let Some(extra) = extra {
            let done = self.status.take().unwrap_or_default();
            let message = if done.is_empty() {
                extra
            } else {
                format!("{done}{join}{extra}")
            };
            self.status = Some(sanitize(&message));
        }
    }

    /// q: quits, unless the shortlist holds changes a save could not write; then asks.
    pub(super) fn quit_or_ask(&mut self) {
        match &self.shortlist.unsaved {
            None => self.quit = true,
            Some(error) => {
                self.overlay = Some(Overlay::Unsaved {
                    error: error.clone(),
                    quitting: true,
                });
            }
        }
    }

    /// s in the unsaved question: saves the list again (and quits once saved, if quitting).
    pub(super) fn save_again(&mut self) {
        let quitting = matches!(self.overlay, Some(Overlay::Unsaved { quitting: true, .. }));
        self.shortlist.quit_after_save = quitting;
        self.status = Some("Saving the shortlist again…".into());
        self.ask(Effect::SaveShortlist(self.shortlist.list.clone()));
    }

    pub(super) fn toggle_shortlist(&mut self) {
        if self.view.presenter {
            return self.read_only();
        }
        let Some((kind, id)) = self.shortlist_target() else {
            self.status = Some("b keeps the selected record on the shortlist".into());
            return;
        };
        let name = self.record_name(kind, &id);
        let done = if self.shortlist.list.toggle(kind, &id) {
            format!(
                "Added {name} to the shortlist ({}); s shows it",
                self.shortlist.list.len()
            )
        } else {
            format!("Removed {name} from the shortlist")
        };
        self.saved(done);
    }

    pub(super) fn edit_note(&mut self) {
        if self.view.presenter {
            return self.read_only();
        }
        let Some((kind, id)) = self.shortlist_target() else {
            self.status = Some("n writes a note on the selected record".into());
            return;
        };
        let text = self
            .shortlist
            .list
            .get(kind, &id)
            .and_then(|e| e.note.clone())
            .unwrap_or_default();
        let name = self.record_name(kind, &id);
        self.overlay = Some(Overlay::Note(NoteEdit {
            kind,
            id,
            name,
            text,
        }));
    }

    pub(super) fn type_note(&mut self, action: Action) {
        let Some(Overlay::Note(note)) = &mut self.overlay else {
            return;
        };
        match action {
            Action::NoteInput(c) if !c.is_control() => {
                if note.text.chars().count() < MAX_NOTE {
                    note.text.push(c);
                } else {
                    // Said every time, so a note is never cut without a word.
                    self.status = Some(format!(
                        "The note is at its {MAX_NOTE}-character limit: what is typed now is not kept"
                    ));
                }
            }
            Action::NoteDelete => {
                note.text.pop();
            }
            Action::SaveNote => self.save_note(),
            _ => {}
        }
    }

    fn save_note(&mut self) {
        let Some(Overlay::Note(note)) = self.overlay.take() else {
            return;
        };
        if self.view.presenter {
            return self.read_only();
        }
        let list = &mut self.shortlist.list;
        let added = list.add(note.kind, &note.id);
        list.set_note(note.kind, &note.id, Some(note.text.clone()));
        let noted = if note.text.trim().is_empty() {
            "Note cleared".to_owned()
        } else if note.text.chars().count() >= MAX_NOTE {
            format!(
                "Note saved at its {MAX_NOTE}-character limit (what was typed past it is not kept)"
            )
        } else {
            "Note saved".to_owned()
        };
        let done = if added {
            format!(
                "{} added to the shortlist; {}",
                note.name,
                noted.to_lowercase()
            )
        } else {
            format!("{noted} on {}", note.name)
        };
        self.saved(done);
    }

    pub(super) fn open_entry(&mut self) {
        let Some(e) = self.shortlist.selected().cloned() else {
            self.status = Some("The shortlist is empty: b in a list keeps a record".into());
            return;
        };
        if self.data.get(e.kind, e.id.as_str()).is_none() {
            self.status = Some(sanitize(&format!(
                "missing: {} {} is no longer in the data (its entry and note are kept)",
                e.kind, e.id
            )));
            return;
        }
        self.push_place();
        self.go_to(e.kind, Some(e.id.as_str()), Focus::List(e.kind));
    }

    pub(super) fn move_entry(&mut self, up: bool) {
        if self.view.presenter {
            return self.read_only();
        }
        let Some(e) = self.shortlist.selected().cloned() else {
            return;
        };
        let (kind, id) = (e.kind, e.id.as_str());
        let moved = if up {
            self.shortlist.list.move_up(kind, id)
        } else {
            self.shortlist.list.move_down(kind, id)
        };
        if !moved {
            return;
        }
        let rows = self.shortlist_rows();
        if let Some(i) = self.shortlist.list.position(kind, id) {
            self.shortlist.select(i, rows);
        }
        let name = self.record_name(kind, id);
        let place = if up { "up" } else { "down" };
        self.saved(format!("Moved {name} {place}"));
    }
}
