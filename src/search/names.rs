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
    /// Per record, the best tie-break any of these fields has (see `score::brevity`): a match in the
    /// names of record `r` scores at most its band plus `best[r]`.
    best: Vec<u16>,
}

impl NameText {
    /// Each record's names, aliases and id, in order, as (folded text, tie-break) (`None` when they
    /// are too long to number in 32 bits).
    pub fn build<'a, R, F>(records: R) -> Option<NameText>
    where
        R: IntoIterator<Item = F>,
        F: IntoIterator<Item = (&'a str, i64)>,
    {
        let mut t = NameText {
            records: vec![0],
            ..NameText::default()
        };
        for fields in records {
            let mut best = 0;
            for (f, brevity) in fields {
                t.text.push_str(f);
                t.ends.push(u32::try_from(t.text.len()).ok()?);
                best = best.max(u16::try_from(brevity.max(0)).ok()?);
            }
            t.records.push(u32::try_from(t.ends.len()).ok()?);
            t.best.push(best);
        }
        Some(t)
    }

    /// The best tie-break among record `r`'s names (0 when it has none).
    pub fn best(&self, r: u32) -> i64 {
        self.best.get(r as usize).map_or(0, |&b| i64::from(b))
    }

    /// True when a name, alias or id of record `r` is `text` (folded).
    pub fn has_field(&self, r: u32, text: &str) -> bool {
        self.fields(r).any(|f| f == text)
    }

    /// Record `r`'s names, aliases and id, folded (none beyond the records).
    fn fields(&self, r: u32) -> impl Iterator<Item = &str> {
        let (from, to) = match (
            self.records.get(r as usize),
            self.records.get(r as usize + 1),
        ) {
            (Some(&f), Some(&t)) => (f as usize, t as usize),
            _ => (0, 0),
        };
        (from..to).map(move |k| {
            let start = match k {
                0 => 0,
                k => self.ends[k - 1] as usize,
            };
            &self.text[start..self.ends[k] as usize]
        })
    }

    /// False only when no name, alias or id of record `r` holds `chars` in order within `span`
    /// characters (the test [`super::score`] makes of each field before matching it fuzzily).
    pub fn may_hold(&self, r: u32, chars: &[char], span: usize) -> bool {
        if self.records.get(r as usize + 1).is_none() {
            return true;
        }
        self.fields(r)
            .any(|field| within(field, chars, span, field.is_ascii()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_ruled_out_only_when_none_of_its_names_holds_the_letters_close() {
        let t = NameText::build(
            [
                vec!["microneedling", "mn"],
                vec!["medical clinic", "mi-cr"],
                vec!["m  i  c  r"],
                vec![],
                vec!["강남 클리닉"],
            ]
            .map(|fields| fields.into_iter().map(|f| (f, 7))),
        )
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
        assert!(t.has_field(1, "mi-cr") && !t.has_field(1, "mi-c") && !t.has_field(3, ""));
    }

    #[test]
    fn the_best_tie_break_is_each_records_own() {
        let t = NameText::build([vec![("a", 2990), ("b", 1999)], vec![("c", 12)]]).expect("short");
        assert_eq!((t.best(0), t.best(1), t.best(2)), (2990, 12, 0));
    }
}
