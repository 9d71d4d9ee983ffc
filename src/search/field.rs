//! The searchable text of a record: each field shown and folded, split into words, with the character
//! classes it uses; and the record's fields joined into one text for the cheap tests that come before
//! any matching.

use crate::dataset::Dataset;
use crate::model::Kind;
use crate::text;
use serde::{Deserialize, Serialize};

/// One field of one record, ready for matching.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct FieldText {
    /// What the field is ("name", "alias", "district"...).
    #[serde(with = "field_name")]
    pub field: Name,
    /// True for names and aliases.
    pub primary: bool,
    /// The text as displayed (NFC, control characters replaced).
    pub shown: String,
    /// The text folded for matching: one char per char of `shown`.
    pub folded: String,
    /// The folded words: runs of letters and digits.
    #[serde(with = "super::raw")]
    pub words: Vec<Word>,
    /// Which characters occur, for a cheap test before fuzzy scoring (see [`char_mask`]).
    pub mask: u64,
    /// Its weight within a band (see `score::weight`).
    pub weight: i64,
    /// Its tie-break within a band (see `score::brevity`).
    pub brevity: i64,
}

/// A field's name (an alias, so that serde does not take the field for text borrowed from its input).
pub(super) type Name = &'static str;

/// Every field name a [`FieldText`] may carry. The data cache keeps a field's name as its place in
/// this list, so a decoded index points at the same static names a built one does.
pub(super) const FIELD_NAMES: &[&str] = &[
    "name",
    "alias",
    "id",
    "category",
    "symptom",
    "cause",
    "cell source",
    "delivery",
    "institution",
    "district",
    "city",
    "doctor",
    "technique",
    "place",
    "country",
    "unit",
    "covers",
    "topic",
    "value",
    "item",
];

/// A field name as its place in [`FIELD_NAMES`]: a name not in the list does not serialise (and the
/// index is then not cached), a place beyond it does not deserialise (and the entry is rebuilt).
mod field_name {
    use super::FIELD_NAMES;
    use serde::{Deserialize, Deserializer, Serializer, de, ser};

    pub fn serialize<S: Serializer>(name: &&'static str, s: S) -> Result<S::Ok, S::Error> {
        let at = FIELD_NAMES
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| ser::Error::custom(format!("field name {name:?} is not listed")))?;
        s.serialize_u8(at as u8)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        let at = u8::deserialize(d)?;
        FIELD_NAMES
            .get(usize::from(at))
            .copied()
            .ok_or_else(|| de::Error::custom("unknown field name"))
    }
}

/// A word of a field: where it starts, how long it is and which word of the index's vocabulary it is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) struct Word {
    /// Char index of its first letter in the field.
    pub start: u32,
    /// Byte offset of its first letter in the folded field.
    pub byte: u32,
    /// Its length in chars.
    pub len: u32,
    /// Its number in the vocabulary.
    pub id: u32,
}

impl super::raw::Fixed for Word {
    const SIZE: usize = 16;
    fn put(&self, out: &mut Vec<u8>) {
        for n in [self.start, self.byte, self.len, self.id] {
            out.extend_from_slice(&n.to_le_bytes());
        }
    }
    fn take(b: &[u8]) -> Self {
        let n = |i: usize| u32::from_le_bytes(b[4 * i..4 * i + 4].try_into().expect("4 bytes"));
        Word {
            start: n(0),
            byte: n(1),
            len: n(2),
            id: n(3),
        }
    }
}

/// A word of a text before it has a vocabulary number: its place and its letters.
#[derive(Debug, Clone)]
pub(super) struct RawWord {
    /// Char index of its first letter.
    pub start: usize,
    /// Byte offset of its first letter.
    pub byte: usize,
    /// Its letters.
    pub text: String,
}

/// A bit per character class: a-z, 0-9, space, Hangul, anything else. A query can only match a field
/// fuzzily if every class it uses occurs in the field.
pub(super) fn char_mask(folded: &str) -> u64 {
    folded.chars().fold(0u64, |m, c| m | char_bit(c))
}

/// The [`char_mask`] bit of one character.
pub(super) fn char_bit(c: char) -> u64 {
    1u64 << match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        ' ' => 36,
        '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => 37,
        _ => 38,
    }
}

/// Lowercases char by char (one char out per char in), so positions in the folded text are positions
/// in the shown text. The caller normalises to NFC first.
pub(super) fn fold_aligned(shown: &str) -> String {
    shown
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// The words of a folded text: runs of letters and digits.
pub(super) fn words(folded: &str) -> Vec<RawWord> {
    let mut out = Vec::new();
    let mut cur: Option<RawWord> = None;
    for (i, (b, c)) in folded.char_indices().enumerate() {
        if c.is_alphanumeric() {
            cur.get_or_insert_with(|| RawWord {
                start: i,
                byte: b,
                text: String::new(),
            })
            .text
            .push(c);
        } else if let Some(w) = cur.take() {
            out.push(w);
        }
    }
    out.extend(cur);
    out
}

/// A field before its words have vocabulary numbers.
pub(super) struct RawField {
    pub field: &'static str,
    pub primary: bool,
    pub shown: String,
    pub folded: String,
    pub words: Vec<RawWord>,
}

/// Sanitises and folds one field.
pub(super) fn raw_field(field: &'static str, primary: bool, raw: &str) -> RawField {
    let shown = text::sanitize(raw);
    let folded = fold_aligned(&shown);
    let words = words(&folded);
    RawField {
        field,
        primary,
        shown,
        folded,
        words,
    }
}

/// Secondary fields of a record, with the name reported when they match; `place` is the record's
/// place fact ("Sinsa-dong (신사동) is in Gangnam-gu (강남구), Seoul (서울)"), a field of its own.
pub(super) fn secondary(
    data: &Dataset,
    kind: Kind,
    id: &str,
    place: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    match kind {
        Kind::Condition => {
            if let Some(c) = data.condition(id) {
                out.push(("category", c.category.clone()));
                out.extend(c.symptoms.iter().map(|s| ("symptom", s.clone())));
                out.extend(c.causes.iter().map(|s| ("cause", s.clone())));
            }
        }
        Kind::Therapy => {
            if let Some(t) = data.therapy(id) {
                out.extend(t.cell_source.iter().map(|s| ("cell source", s.clone())));
                out.extend(t.delivery.iter().map(|s| ("delivery", s.clone())));
                out.push(("category", t.category.label().to_owned()));
            }
        }
        Kind::Clinic => {
            if let Some(c) = data.clinic(id) {
                out.push(("institution", c.institution.clone()));
                out.extend(c.district.iter().map(|s| ("district", s.clone())));
                out.extend(c.city.iter().map(|s| ("city", s.clone())));
                out.extend(c.doctors.iter().map(|d| ("doctor", d.name.clone())));
                out.extend(c.techniques.iter().map(|s| ("technique", s.clone())));
            }
            out.extend(place.map(|p| ("place", p.to_owned())));
        }
        Kind::Cost => {
            if let Some(c) = data.cost(id) {
                out.push(("country", c.country.clone()));
                out.push(("unit", c.unit.label().to_owned()));
                if let Some(g) = data.costs.groups.iter().find(|g| g.id == c.group) {
                    out.push(("covers", g.name.clone()));
                }
            }
        }
        Kind::Travel => {
            if let Some(t) = data.travel_fact(id) {
                out.push(("topic", t.topic.label().to_owned()));
                out.extend(t.value.iter().map(|s| ("value", s.clone())));
                out.extend(t.items.iter().map(|s| ("item", s.clone())));
            }
        }
    }
    out
}
