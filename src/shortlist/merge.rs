//! Merging this instance's shortlist into what the file holds at save time, so that two explorers
//! open at once keep each other's work.
//!
//! For each record: if this instance added it since its last load or save, it stays; if this
//! instance removed it, it goes; otherwise the file decides (another instance may have added or
//! removed it). Where both hold a record, the note edited later wins. The order is this instance's
//! when it moved entries, else the file's; records only the other side holds follow in its order.

use super::{Change, Entry, EntryKey, Shortlist};
use std::collections::{BTreeMap, BTreeSet};

/// The merged entries of `ours` and the file's current `theirs`.
pub(super) fn merge(ours: &Shortlist, theirs: &[Entry]) -> Vec<Entry> {
    let their_map: BTreeMap<EntryKey, &Entry> = theirs.iter().map(|e| (e.key(), e)).collect();
    let our_map: BTreeMap<EntryKey, &Entry> = ours.entries.iter().map(|e| (e.key(), e)).collect();
    let keep = |k: &EntryKey| match ours.changes.get(k) {
        Some(Change::Added) => our_map.contains_key(k),
        Some(Change::Removed) => false,
        None => their_map.contains_key(k),
    };
    let (first, second): (&[Entry], &[Entry]) = if ours.reordered {
        (&ours.entries, theirs)
    } else {
        (theirs, &ours.entries)
    };
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for e in first.iter().chain(second) {
        let k = e.key();
        if !keep(&k) || !seen.insert(k.clone()) {
            continue;
        }
        out.push(match (our_map.get(&k), their_map.get(&k)) {
            (Some(a), Some(b)) => combine(a, b),
            (Some(e), None) | (None, Some(e)) => (*e).clone(),
            (None, None) => unreachable!("the key comes from one of the lists"),
        });
    }
    out
}

/// One record held by both: the later note (ours on a tie), the earlier time of adding.
fn combine(ours: &Entry, theirs: &Entry) -> Entry {
    let newer = if theirs.edited > ours.edited {
        theirs
    } else {
        ours
    };
    Entry {
        kind: ours.kind,
        id: ours.id.clone(),
        note: newer.note.clone(),
        added: ours.added.min(theirs.added),
        edited: newer.edited,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn ids(v: &[Entry]) -> Vec<&str> {
        v.iter().map(|e| e.id.as_str()).collect()
    }

    fn loaded(ids: &[&str]) -> Shortlist {
        let mut s = Shortlist::new();
        for id in ids {
            s.add(Kind::Therapy, id);
        }
        let entries = s.entries.clone();
        Shortlist::from_entries(entries)
    }

    #[test]
    fn keeps_both_sides_additions_and_honours_removals() {
        let mut a = loaded(&["x", "y"]);
        let mut b = a.clone();
        a.add(Kind::Therapy, "from-a");
        a.remove(Kind::Therapy, "x");
        b.add(Kind::Therapy, "from-b");
        // a saves first: the file still holds the base.
        let file = merge(&a, &b.clone().base_entries_for_test());
        assert_eq!(ids(&file), ["y", "from-a"]);
        // b saves next: x stays removed, both additions are kept.
        b.remove(Kind::Therapy, "y");
        let file = merge(&b, &file);
        assert_eq!(ids(&file), ["from-a", "from-b"]);
    }

    #[test]
    fn later_note_wins_and_our_order_wins_when_we_moved() {
        let base = loaded(&["x", "y"]);
        let mut a = base.clone();
        let mut b = base.clone();
        b.set_note(Kind::Therapy, "x", Some("old".into()));
        a.set_note(Kind::Therapy, "x", Some("new".into()));
        a.move_down(Kind::Therapy, "x");
        let merged = merge(&a, &b.entries);
        assert_eq!(ids(&merged), ["y", "x"]);
        assert_eq!(merged[1].note.as_deref(), Some("new"));
        b.set_note(Kind::Therapy, "x", Some("newest".into()));
        let merged = merge(&a, &b.entries);
        assert_eq!(merged[1].note.as_deref(), Some("newest"));
    }

    impl Shortlist {
        fn base_entries_for_test(&self) -> Vec<Entry> {
            self.entries
                .iter()
                .filter(|e| self.base.contains(&e.key()))
                .cloned()
                .collect()
        }
    }
}
