//! Every record's names, aliases and id, folded, side by side in one text: whether a record's names
//! may hold a query fuzzily is then a look at a few bytes in one place, not at the record's fields,
//! which lie all over memory (at 100,000 records that reading was most of a fuzzy search).

use super::filter::within;
use serde::{Deserialize, Serialize};

/// The folded names, aliases and ids of every record, in the index's order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct NameText {
    /// Every primary field's folded text, one after another.
    text: String,
    /// Where each field ends in `text`.
    #[serde(with = "super::raw")]
    ends: Vec<u32>,
    /// Where each record's fields end in `ends` (record `r`'s are `ends[records[r]..records[r + 1]]`).
    #[serde(with = "super::raw")]
    records: Vec<u32>,
}

impl NameText {
    /// Each record's folded names, aliases and id, in order (`None` when they are too long to
    /// number in 32 bits).
    pub fn build<'a, R, F>(records: R) -> Option<NameText>
    where
        R: IntoIterator<Item = F>,
        F: IntoIterator<Item = &'a str>,
    {
        let mut t = NameText {
            records: vec![0],
            ..NameText::default()
        };
        for fields in records {
            for f in fields {
                t.text.push_str(f);
                t.ends.push(u32::try_from(t.text.len()).ok()?);
            }
            t.records.push(u32::try_from(t.ends.len()).ok()?);
        }
        Some(t)
    }

    /// False only when no name, alias or id of record `r` holds `chars` in order within `span`
    /// characters (the test [`super::score`] makes of each field before matching it fuzzily).
    pub fn may_hold(&self, r: u32, chars: &[char], span: usize) -> bool {
        let (Some(&from), Some(&to)) = (
            self.records.get(r as usize),
            self.records.get(r as usize + 1),
        ) else {
            return true;
        };
        let mut start = match from {
            0 => 0,
            f => self.ends[f as usize - 1] as usize,
        };
        for &end in &self.ends[from as usize..to as usize] {
            let field = &self.text[start..end as usize];
            if within(field, chars, span, field.is_ascii()) {
                return true;
            }
            start = end as usize;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_ruled_out_only_when_none_of_its_names_holds_the_letters_close() {
        let t = NameText::build([
            vec!["microneedling", "mn"],
            vec!["medical clinic", "mi-cr"],
            vec!["m  i  c  r"],
            vec![],
            vec!["강남 클리닉"],
        ])
        .expect("short");
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(t.may_hold(0, &c("micr"), 7));
        assert!(t.may_hold(1, &c("micr"), 7), "the alias of the second");
        assert!(!t.may_hold(2, &c("micr"), 7), "too far apart");
        assert!(t.may_hold(2, &c("micr"), 10));
        assert!(!t.may_hold(3, &c("micr"), 7), "no names at all");
        assert!(t.may_hold(4, &c("강클"), 4));
        assert!(!t.may_hold(4, &c("클강"), 9), "in order only");
        assert!(
            !t.may_hold(1, &c("medical clinicx"), 20),
            "each field on its own"
        );
        assert!(
            t.may_hold(9, &c("anything"), 1),
            "beyond the records: never ruled out"
        );
    }
}
