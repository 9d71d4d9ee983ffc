//! Every record's fields, folded, side by side in one text: whether a record may hold a query
//! fuzzily is then a look at a few bytes in one place, not at the record's fields, which lie all over
//! memory (at 100,000 records that reading was most of a fuzzy search).

use super::score::{Query, may_be_tight_in};
use serde::{Deserialize, Serialize};

/// The folded fields of every record, in the index's order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Texts {
    /// Every field's folded text, one after another.
    text: String,
    /// Where each field ends in `text`.
    #[serde(with = "super::raw")]
    ends: Vec<u32>,
    /// Each field's character classes (see `field::char_mask`): a field without one of the query's
    /// cannot hold it.
    #[serde(with = "super::raw")]
    masks: Vec<u64>,
    /// Which fields are names, aliases or ids, a bit each.
    #[serde(with = "super::raw")]
    primary: Vec<u64>,
    /// Where each record's fields end in `ends` (record `r`'s are `ends[records[r]..records[r + 1]]`).
    #[serde(with = "super::raw")]
    records: Vec<u32>,
    /// Per record, the best tie-break its names, aliases and id have (see `score::brevity`): a match
    /// in the names of record `r` scores at most its band plus `best[r]`.
    best: Vec<u16>,
}

/// Which of a record's fields to look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Which {
    /// Names, aliases and the id.
    Names,
    /// Every field.
    All,
}

impl Texts {
    /// Each record's fields, in order, as (folded text, character classes, primary, tie-break) (`None` when they are
    /// too long to number in 32 bits).
    pub fn build<'a, R, F>(records: R) -> Option<Texts>
    where
        R: IntoIterator<Item = F>,
        F: IntoIterator<Item = (&'a str, u64, bool, i64)>,
    {
        let mut t = Texts {
            records: vec![0],
            ..Texts::default()
        };
        for fields in records {
            let mut best = 0;
            for (f, mask, primary, brevity) in fields {
                let k = t.ends.len();
                t.text.push_str(f);
                t.ends.push(u32::try_from(t.text.len()).ok()?);
                t.masks.push(mask);
                if k / 64 >= t.primary.len() {
                    t.primary.push(0);
                }
                if primary {
                    t.primary[k / 64] |= 1 << (k % 64);
                    best = best.max(u16::try_from(brevity.max(0)).ok()?);
                }
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
    pub fn has_name(&self, r: u32, text: &str) -> bool {
        self.fields(r, Which::Names).any(|(f, _)| f == text)
    }

    /// Record `r`'s fields (the names, or all), folded, with their character classes; none beyond
    /// the records.
    fn fields(&self, r: u32, which: Which) -> impl Iterator<Item = (&str, u64)> {
        let (from, to) = match (
            self.records.get(r as usize),
            self.records.get(r as usize + 1),
        ) {
            (Some(&f), Some(&t)) => (f as usize, t as usize),
            _ => (0, 0),
        };
        (from..to)
            .filter(move |&k| which == Which::All || self.primary[k / 64] & (1 << (k % 64)) != 0)
            .map(move |k| {
                let start = match k {
                    0 => 0,
                    k => self.ends[k - 1] as usize,
                };
                (&self.text[start..self.ends[k] as usize], self.masks[k])
            })
    }

    /// False only when no field of record `r` (of those asked for) passes the tests the scoring makes
    /// of a field before matching it fuzzily (its character classes, then `score::may_be_tight_in`);
    /// true beyond the records.
    pub fn may_hold(&self, r: u32, q: &Query, which: Which) -> bool {
        if self.records.get(r as usize + 1).is_none() {
            return true;
        }
        self.fields(r, which)
            .any(|(f, mask)| q.mask & !mask == 0 && may_be_tight_in(f, q))
    }
}

#[cfg(test)]
mod tests {
    use super::super::field::char_mask;
    use super::*;

    fn texts() -> Texts {
        let f = |text, primary, brevity| (text, char_mask(text), primary, brevity);
        Texts::build([
            vec![f("microneedling", true, 7), f("mn", true, 5)],
            vec![f("medical clinic", true, 3), f("mi-cr", true, 9)],
            vec![f("maxi cor", true, 1), f("micro clinic", false, 0)],
            vec![],
            vec![f("강남 클리닉", true, 2)],
        ])
        .expect("short")
    }

    #[test]
    fn a_record_is_ruled_out_only_when_none_of_its_fields_may_hold_the_query() {
        let t = texts();
        let q = |s: &str| Query::new(s.to_owned());
        assert!(t.may_hold(0, &q("micr"), Which::Names));
        assert!(
            t.may_hold(1, &q("micr"), Which::Names),
            "the alias of the second"
        );
        assert!(
            !t.may_hold(2, &q("micr"), Which::Names),
            "too far apart in its name"
        );
        assert!(
            t.may_hold(2, &q("micr"), Which::All),
            "but in its other field"
        );
        assert!(!t.may_hold(3, &q("micr"), Which::All), "no fields at all");
        assert!(t.may_hold(4, &q("강클"), Which::Names));
        assert!(!t.may_hold(4, &q("클강"), Which::Names), "in order only");
        assert!(
            t.may_hold(1, &q("mc"), Which::Names),
            "the initials of Medical Clinic"
        );
        assert!(
            !t.may_hold(1, &q("mcl"), Which::Names),
            "initials are first letters only"
        );
        assert!(
            t.may_hold(2, &q("mic"), Which::All),
            "three letters together"
        );
        assert!(
            !t.may_hold(2, &q("mic"), Which::Names),
            "three letters apart, not initials"
        );
        assert!(
            t.may_hold(9, &q("anything"), Which::All),
            "beyond the records"
        );
    }

    #[test]
    fn names_and_their_best_tie_break_are_each_records_own() {
        let t = texts();
        assert_eq!((t.best(0), t.best(1), t.best(2), t.best(3)), (7, 9, 1, 0));
        assert!(t.has_name(1, "mi-cr") && !t.has_name(1, "mi-c") && !t.has_name(2, "micro clinic"));
    }
}
