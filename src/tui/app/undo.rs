//! `d` in the shortlist removes an entry with its note; `u` puts the last removed back where it
//! was, note and dates as they were, and again for the one removed before (up to [`MAX_UNDO`]).

use super::App;
use crate::shortlist::Entry;

/// The most removals that can be undone.
pub const MAX_UNDO: usize = 20;

/// An entry taken off the shortlist, and where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Its place on the list when removed.
    pub index: usize,
    /// The entry, note and dates included.
    pub entry: Entry,
}

impl App {
    /// Removes the selected shortlist entry, keeping it to be put back.
    pub(super) fn remove_entry(&mut self) {
        if self.view.presenter {
            return self.read_only();
        }
        let index = self.shortlist.pane().selected;
        let Some(e) = self.shortlist.selected().cloned() else {
            return;
        };
        let Some(entry) = self.shortlist.list.remove(e.kind, e.id.as_str()) else {
            return;
        };
        let name = self.record_name(e.kind, e.id.as_str());
        let note = if entry.note.is_some() {
            " with its note"
        } else {
            ""
        };
        self.shortlist.removed.push(Removed { index, entry });
        let over = self.shortlist.removed.len().saturating_sub(MAX_UNDO);
        self.shortlist.removed.drain(..over);
        self.saved(format!(
            "Removed {name}{note} from the shortlist · u puts it back"
        ));
    }

    /// Puts the last removed entry back in its place.
    pub(super) fn undo_remove(&mut self) {
        if self.view.presenter {
            return self.read_only();
        }
        let Some(Removed { index, entry }) = self.shortlist.removed.pop() else {
            self.status =
                Some("Nothing to undo: no entry was removed since the explorer started".into());
            return;
        };
        let (kind, id) = (entry.kind, entry.id.as_str().to_owned());
        let name = self.record_name(kind, &id);
        if !self.shortlist.list.restore(index, entry) {
            self.status = Some(format!("{name} is on the shortlist already"));
            return;
        }
        let rows = self.shortlist_rows();
        if let Some(i) = self.shortlist.list.position(kind, &id) {
            self.shortlist.select(i, rows);
        }
        let more = match self.shortlist.removed.len() {
            0 => String::new(),
            1 => " · u again for the one removed before".to_owned(),
            n => format!(" · u again for the {n} removed before"),
        };
        self.saved(format!("Put {name} back on the shortlist{more}"));
    }
}
