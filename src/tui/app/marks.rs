//! Records marked for comparison (2 to 4 of one kind), in the order the compare view shows them.

use crate::compare::MAX_COLUMNS;
use crate::model::Kind;

/// The marked records: all of one kind, at most [`MAX_COLUMNS`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Marks {
    kind: Option<Kind>,
    ids: Vec<String>,
}

/// What a mark toggle did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggle {
    /// The record is now marked.
    Marked,
    /// The record was marked and no longer is.
    Unmarked,
    /// Records of another kind are marked; nothing changed.
    OtherKind(Kind),
    /// As many records as a comparison holds are marked; nothing changed.
    Full,
}

impl Marks {
    /// Marks or unmarks a record.
    pub(super) fn toggle(&mut self, kind: Kind, id: &str) -> Toggle {
        if let Some(k) = self.kind
            && k != kind
            && !self.ids.is_empty()
        {
            return Toggle::OtherKind(k);
        }
        if let Some(i) = self.ids.iter().position(|x| x == id) {
            self.ids.remove(i);
            if self.ids.is_empty() {
                self.kind = None;
            }
            return Toggle::Unmarked;
        }
        if self.ids.len() >= MAX_COLUMNS {
            return Toggle::Full;
        }
        self.kind = Some(kind);
        self.ids.push(id.to_owned());
        Toggle::Marked
    }

    /// Moves the marked record at `from` to `to` (the compare view's columns follow this order).
    pub(super) fn move_id(&mut self, from: usize, to: usize) {
        if from < self.ids.len() && to < self.ids.len() {
            let id = self.ids.remove(from);
            self.ids.insert(to, id);
        }
    }

    /// Unmarks everything.
    pub(super) fn clear(&mut self) {
        self.kind = None;
        self.ids.clear();
    }

    /// True when the record is marked.
    pub fn contains(&self, kind: Kind, id: &str) -> bool {
        self.kind == Some(kind) && self.ids.iter().any(|x| x == id)
    }

    /// The kind of the marked records, if any are marked.
    pub fn kind(&self) -> Option<Kind> {
        self.kind
    }

    /// The marked ids, in the order they were marked.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// How many records are marked.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_hold_one_kind_and_at_most_four() {
        let mut m = Marks::default();
        assert_eq!(m.toggle(Kind::Condition, "a"), Toggle::Marked);
        assert_eq!(
            m.toggle(Kind::Therapy, "t"),
            Toggle::OtherKind(Kind::Condition)
        );
        for id in ["b", "c", "d"] {
            assert_eq!(m.toggle(Kind::Condition, id), Toggle::Marked);
        }
        assert_eq!(m.toggle(Kind::Condition, "e"), Toggle::Full);
        assert_eq!(m.toggle(Kind::Condition, "a"), Toggle::Unmarked);
        assert_eq!(m.len(), 3);
        m.clear();
        assert_eq!(m.toggle(Kind::Therapy, "t"), Toggle::Marked);
    }
}
