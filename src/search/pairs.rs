//! Which records hold which pairs of characters close together: for each pair of character classes
//! (a letter, a digit, a space, anything else), a bit per record. A fuzzy match may skip only a few
//! letters, so most pairs of consecutive query letters lie within [`NEAR`] characters of each other in
//! the matched field; the records that hold enough of the query's pairs are the only ones worth
//! matching. A second table holds the pairs of word initials, for short queries that match initials.

/// How far apart (in characters) two letters of a field may be and still count as a pair.
pub(super) const NEAR: usize = 5;

/// Character classes: a-z, 0-9, space, anything else.
const CLASSES: usize = 38;

/// The class of a folded character.
fn class(c: char) -> usize {
    match c {
        'a'..='z' => c as usize - 'a' as usize,
        '0'..='9' => 26 + (c as usize - '0' as usize),
        ' ' => 36,
        _ => 37,
    }
}

/// A bit set over records for each pair of classes.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct PairIndex {
    /// Words of 64 bits per set.
    width: usize,
    #[serde(with = "sets")]
    sets: Vec<Option<Box<[u64]>>>,
}

/// The sets in the data cache: which pairs have one, then all of them as one run of bytes.
mod sets {
    use super::super::raw::{Bytes, Owned};
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

    type Sets = Vec<Option<Box<[u64]>>>;

    #[allow(clippy::ptr_arg)] // serde hands the field itself
    pub fn serialize<S: Serializer>(sets: &Sets, s: S) -> Result<S::Ok, S::Error> {
        let present: Vec<bool> = sets.iter().map(Option::is_some).collect();
        let all: Vec<u64> = sets
            .iter()
            .flatten()
            .flat_map(|b| b.iter().copied())
            .collect();
        (present, Bytes(&all)).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Sets, D::Error> {
        let (present, Owned(all)) = <(Vec<bool>, Owned<u64>)>::deserialize(d)?;
        let count = present.iter().filter(|&&p| p).count();
        if count == 0 {
            return Ok(vec![None; present.len()]);
        }
        if !all.len().is_multiple_of(count) {
            return Err(de::Error::custom("pair sets of unequal widths"));
        }
        let width = all.len() / count;
        let mut runs = all.chunks(width.max(1));
        Ok(present
            .iter()
            .map(|&p| p.then(|| runs.next().map_or_else(|| Box::from([]), Box::from)))
            .collect())
    }
}

impl PairIndex {
    /// An empty table for `records` records.
    pub fn new(records: usize) -> PairIndex {
        PairIndex {
            width: records.div_ceil(64),
            sets: vec![None; CLASSES * CLASSES],
        }
    }

    /// Notes that `record` holds `a` followed by `b`.
    pub fn add(&mut self, record: u32, a: char, b: char) {
        let width = self.width;
        let set = self.sets[class(a) * CLASSES + class(b)]
            .get_or_insert_with(|| vec![0; width].into_boxed_slice());
        set[record as usize / 64] |= 1 << (record % 64);
    }

    /// Notes every pair of a folded field's characters at most [`NEAR`] apart.
    pub fn add_near(&mut self, record: u32, chars: &[char]) {
        for (i, &a) in chars.iter().enumerate() {
            for &b in chars.iter().skip(i + 1).take(NEAR) {
                self.add(record, a, b);
            }
        }
    }

    /// Notes every pair of initials in order: `initials` are the first letters of a field's words.
    pub fn add_in_order(&mut self, record: u32, initials: &[char]) {
        for (i, &a) in initials.iter().enumerate() {
            for &b in &initials[i + 1..] {
                self.add(record, a, b);
            }
        }
    }

    /// `bits` keeps only the records that hold `a` followed by `b`.
    pub fn and(&self, bits: &mut [u64], a: char, b: char) {
        match &self.sets[class(a) * CLASSES + class(b)] {
            Some(set) => bits.iter_mut().zip(set.iter()).for_each(|(x, y)| *x &= y),
            None => bits.fill(0),
        }
    }

    /// The records that hold every consecutive pair of `chars`, starting from `bits`.
    pub fn all_pairs(&self, mut bits: Vec<u64>, chars: &[char]) -> Vec<u64> {
        for p in chars.windows(2) {
            self.and(&mut bits, p[0], p[1]);
        }
        bits
    }

    /// The records that hold all but at most `missing` of the consecutive pairs of `chars`.
    pub fn most_pairs(&self, chars: &[char], missing: usize) -> Vec<u64> {
        let pairs = chars.len().saturating_sub(1);
        if missing == 0 {
            return self.all_pairs(vec![u64::MAX; self.width], chars);
        }
        if missing >= pairs {
            return vec![u64::MAX; self.width];
        }
        // Count, per record, the pairs it holds.
        let mut counts = vec![0u8; self.width * 64];
        for p in chars.windows(2) {
            if let Some(set) = &self.sets[class(p[0]) * CLASSES + class(p[1])] {
                for r in super::ones(set, counts.len()) {
                    counts[r as usize] = counts[r as usize].saturating_add(1);
                }
            }
        }
        let need = (pairs - missing).min(usize::from(u8::MAX)) as u8;
        let mut bits = vec![0u64; self.width];
        for (r, &c) in counts.iter().enumerate() {
            if c >= need {
                bits[r / 64] |= 1 << (r % 64);
            }
        }
        bits
    }

    /// An all-records set of the right width.
    pub fn everything(&self) -> Vec<u64> {
        vec![u64::MAX; self.width]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(bits: &[u64]) -> Vec<usize> {
        (0..bits.len() * 64)
            .filter(|&r| bits[r / 64] & (1 << (r % 64)) != 0)
            .collect()
    }

    #[test]
    fn near_pairs_find_records_with_the_letters_close_together() {
        let mut p = PairIndex::new(3);
        p.add_near(0, &"stem cell".chars().collect::<Vec<_>>());
        p.add_near(1, &"s.....tem".chars().collect::<Vec<_>>());
        p.add_near(2, &"mets".chars().collect::<Vec<_>>());
        let q: Vec<char> = "stem".chars().collect();
        assert_eq!(ids(&p.most_pairs(&q, 0)), [0]);
        assert_eq!(ids(&p.most_pairs(&q, 1)), [0, 1]);
        assert_eq!(ids(&p.most_pairs(&q, 3)).len(), 64, "nothing required");
    }

    #[test]
    fn initials_pairs_keep_their_order() {
        let mut p = PairIndex::new(2);
        p.add_in_order(0, &['l', 'p', 'p']);
        p.add_in_order(1, &['p', 'l']);
        let mut bits = p.everything();
        p.and(&mut bits, 'l', 'p');
        assert_eq!(ids(&bits)[..1], [0]);
        assert!(!ids(&bits).contains(&1));
    }
}
