//! The shortlist: records a person wants to keep in view, in their own order, each with an optional
//! note. Kept per user in a RON file (see [`Store`]) that two explorers open at once can both save to
//! without losing each other's additions.
//!
//! A [`Shortlist`] remembers what changed since it was loaded or last saved (additions, removals, a
//! new order), so that [`Store::save`] can merge those changes into whatever the file holds by then.

mod merge;
mod store;

pub mod atomic;
pub mod time;

use crate::dataset::Dataset;
use crate::model::{Id, Kind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub use store::{FILE_NAME, LoadOutcome, MAX_BYTES, SaveOutcome, Store};
pub use time::Timestamp;

/// One record on the shortlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The record's kind.
    pub kind: Kind,
    /// The record's id.
    pub id: Id,
    /// The person's note, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was added.
    pub added: Timestamp,
    /// When its note was last set (or, without edits, when it was added): on a merge the note with
    /// the later time wins.
    #[serde(default)]
    pub edited: Timestamp,
}

impl Entry {
    fn key(&self) -> EntryKey {
        (self.kind, self.id.clone())
    }
}

type EntryKey = (Kind, Id);

/// What this instance did to an entry since the list was loaded or last saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Added,
    Removed,
}

/// An entry with the record's name, or `None` when the record is no longer in the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<'a> {
    /// The shortlist entry.
    pub entry: &'a Entry,
    /// The record's name; `None` when the data no longer holds it (the entry is kept all the same).
    pub name: Option<String>,
}

impl Resolved<'_> {
    /// True when the record is no longer in the dataset.
    pub fn is_missing(&self) -> bool {
        self.name.is_none()
    }
}

/// The ordered list of shortlisted records, with the changes made since it was loaded or saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortlist {
    entries: Vec<Entry>,
    /// The entries' keys as the file held them when loaded or last saved.
    base: BTreeSet<EntryKey>,
    /// Additions and removals made here since then (the last one per entry).
    changes: BTreeMap<EntryKey, Change>,
    /// True when entries were moved here since then: this instance's order wins on a merge.
    reordered: bool,
    /// True when anything changed since then.
    dirty: bool,
}

/// Trims a note; an empty one is no note.
fn clean_note(note: Option<String>) -> Option<String> {
    note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty())
}

impl Shortlist {
    /// An empty shortlist.
    pub fn new() -> Shortlist {
        Shortlist::default()
    }

    /// A shortlist as read from a file: these entries are the base that later changes are made to.
    pub(crate) fn from_entries(entries: Vec<Entry>) -> Shortlist {
        let mut seen = BTreeSet::new();
        let entries: Vec<Entry> = entries
            .into_iter()
            .filter(|e| seen.insert(e.key()))
            .collect();
        Shortlist {
            base: seen,
            entries,
            ..Shortlist::default()
        }
    }

    /// The entries, in the person's order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True when something changed since the list was loaded or saved: there is something to save.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The position of a record on the list.
    pub fn position(&self, kind: Kind, id: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.kind == kind && e.id.as_str() == id)
    }

    /// True when a record is on the list.
    pub fn contains(&self, kind: Kind, id: &str) -> bool {
        self.position(kind, id).is_some()
    }

    /// A record's entry.
    pub fn get(&self, kind: Kind, id: &str) -> Option<&Entry> {
        self.position(kind, id).map(|i| &self.entries[i])
    }

    /// Adds a record at the end; false (and nothing changes) if it is already on the list.
    pub fn add(&mut self, kind: Kind, id: &str) -> bool {
        if self.contains(kind, id) {
            return false;
        }
        let now = Timestamp::now();
        let entry = Entry {
            kind,
            id: Id::from(id),
            note: None,
            added: now,
            edited: now,
        };
        self.changes.insert(entry.key(), Change::Added);
        self.entries.push(entry);
        self.dirty = true;
        true
    }

    /// Removes a record; returns its entry, or `None` if it was not on the list.
    pub fn remove(&mut self, kind: Kind, id: &str) -> Option<Entry> {
        let i = self.position(kind, id)?;
        let entry = self.entries.remove(i);
        self.changes.insert(entry.key(), Change::Removed);
        self.dirty = true;
        Some(entry)
    }

    /// Puts a removed entry back at `index` (the end when past it), note and dates as they were: the
    /// explorer's undo. False, and nothing changes, when the record is on the list already.
    pub fn restore(&mut self, index: usize, entry: Entry) -> bool {
        if self.contains(entry.kind, entry.id.as_str()) {
            return false;
        }
        let key = entry.key();
        if self.base.contains(&key) {
            self.changes.remove(&key);
        } else {
            self.changes.insert(key, Change::Added);
        }
        let index = index.min(self.entries.len());
        self.reordered |= index < self.entries.len();
        self.entries.insert(index, entry);
        self.dirty = true;
        true
    }

    /// Adds a record if absent, removes it if present; returns true when it is now on the list.
    pub fn toggle(&mut self, kind: Kind, id: &str) -> bool {
        if self.remove(kind, id).is_some() {
            false
        } else {
            self.add(kind, id)
        }
    }

    /// Sets or clears (`None`, or only spaces) a record's note; false if it is not on the list.
    pub fn set_note(&mut self, kind: Kind, id: &str, note: Option<String>) -> bool {
        let Some(i) = self.position(kind, id) else {
            return false;
        };
        let note = clean_note(note);
        let e = &mut self.entries[i];
        if e.note != note {
            e.note = note;
            e.edited = Timestamp::now();
            self.dirty = true;
        }
        true
    }

    /// Moves a record one place up; false if it is first or not on the list.
    pub fn move_up(&mut self, kind: Kind, id: &str) -> bool {
        match self.position(kind, id) {
            Some(i) if i > 0 => {
                self.entries.swap(i - 1, i);
                self.reordered = true;
                self.dirty = true;
                true
            }
            _ => false,
        }
    }

    /// Moves a record one place down; false if it is last or not on the list.
    pub fn move_down(&mut self, kind: Kind, id: &str) -> bool {
        match self.position(kind, id) {
            Some(i) if i + 1 < self.entries.len() => {
                self.entries.swap(i, i + 1);
                self.reordered = true;
                self.dirty = true;
                true
            }
            _ => false,
        }
    }

    /// Every entry with its record's name, or `None` for records no longer in the dataset. Such
    /// entries are never dropped: the data may come back, and the note is the person's.
    pub fn resolve<'a>(&'a self, data: &Dataset) -> Vec<Resolved<'a>> {
        self.entries
            .iter()
            .map(|entry| Resolved {
                entry,
                name: data
                    .get(entry.kind, entry.id.as_str())
                    .map(|r| r.name().to_owned()),
            })
            .collect()
    }

    /// Makes `entries` (what was just written) the new base, with no pending changes.
    fn settle(&mut self, entries: Vec<Entry>) {
        *self = Shortlist::from_entries(entries);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_remove_toggle_and_order() {
        let mut s = Shortlist::new();
        assert!(!s.is_dirty());
        assert!(s.add(Kind::Therapy, "a"));
        assert!(!s.add(Kind::Therapy, "a"));
        assert!(s.add(Kind::Clinic, "a"));
        assert!(s.toggle(Kind::Therapy, "b"));
        assert!(s.is_dirty());
        let ids = |s: &Shortlist| {
            s.entries()
                .iter()
                .map(|e| format!("{}:{}", e.kind, e.id))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&s), ["therapy:a", "clinic:a", "therapy:b"]);
        assert!(s.move_up(Kind::Therapy, "b"));
        assert!(!s.move_up(Kind::Therapy, "a"));
        assert!(!s.move_down(Kind::Clinic, "a"));
        assert_eq!(ids(&s), ["therapy:a", "therapy:b", "clinic:a"]);
        assert!(s.move_down(Kind::Therapy, "a"));
        assert_eq!(ids(&s), ["therapy:b", "therapy:a", "clinic:a"]);
        assert!(!s.toggle(Kind::Therapy, "b"));
        assert_eq!(ids(&s), ["therapy:a", "clinic:a"]);
        assert!(s.remove(Kind::Cost, "zzz").is_none());
    }

    #[test]
    fn notes_are_trimmed_and_cleared() {
        let mut s = Shortlist::new();
        s.add(Kind::Therapy, "a");
        let before = s.get(Kind::Therapy, "a").unwrap().edited;
        assert!(s.set_note(Kind::Therapy, "a", Some("  ask about price ".into())));
        let e = s.get(Kind::Therapy, "a").unwrap();
        assert_eq!(e.note.as_deref(), Some("ask about price"));
        assert!(e.edited > before);
        assert!(s.set_note(Kind::Therapy, "a", Some("   ".into())));
        assert_eq!(s.get(Kind::Therapy, "a").unwrap().note, None);
        assert!(!s.set_note(Kind::Clinic, "a", Some("x".into())));
    }
}
