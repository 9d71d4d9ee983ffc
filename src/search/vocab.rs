//! The index's vocabulary: every distinct word of every field, sorted, each with the records it occurs
//! in. Sorted, the words that start with a prefix are one run of numbers, and the records they occur in
//! one run of postings; a query's words are compared with each distinct word once, not once per field.

use super::field::{FieldText, RawField, Word, char_bit};
use super::score;
use super::typo::{allowed_typos, osa};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;

/// No match, in a table of edits per word.
pub(super) const NO_MATCH: u8 = u8::MAX;

/// One distinct word.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct VocabWord {
    /// The folded word.
    pub text: Box<str>,
    /// Its letters.
    pub chars: Box<[char]>,
    /// Its character classes.
    pub mask: u64,
}

/// Where in a record a word occurs, for deciding which records can reach the top bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// First word of a name, alias or id.
    PrimaryStart = 0,
    /// Any word of a name, alias or id.
    Primary = 1,
    /// Any word of another field.
    Secondary = 2,
}

/// For each word, the records it occurs in (ascending): `records[offsets[w]..offsets[w + 1]]`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Postings {
    #[serde(with = "super::raw")]
    offsets: Vec<u32>,
    #[serde(with = "super::raw")]
    records: Vec<u32>,
}

impl Postings {
    /// Lays out per-record word lists (provisional numbers) as postings of the final numbers.
    fn new(per_record: &[Vec<u32>], renumber: &[u32]) -> Postings {
        let mut offsets = vec![0u32; renumber.len() + 1];
        for words in per_record {
            for &w in words {
                offsets[renumber[w as usize] as usize + 1] += 1;
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut records = vec![0u32; *offsets.last().unwrap_or(&0) as usize];
        for (record, words) in per_record.iter().enumerate() {
            for &w in words {
                let slot = &mut fill[renumber[w as usize] as usize];
                records[*slot as usize] = record as u32;
                *slot += 1;
            }
        }
        Postings { offsets, records }
    }
}

/// The distinct words, sorted, and the records each occurs in, by [`Role`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Vocab {
    words: Vec<VocabWord>,
    postings: [Postings; 3],
}

/// Numbers words as records' fields arrive, then sorts them into a [`Vocab`].
#[derive(Debug, Default)]
pub(super) struct VocabBuilder {
    ids: HashMap<String, u32>,
    /// For each role, for each record, the (provisional) numbers of its distinct words.
    records: [Vec<Vec<u32>>; 3],
}

impl VocabBuilder {
    /// Adds the fields of the next record; returns them with provisional word numbers.
    pub fn add(&mut self, fields: Vec<RawField>) -> Vec<FieldText> {
        let mut seen: [Vec<u32>; 3] = Default::default();
        let out = fields
            .into_iter()
            .map(|f| {
                let words = f
                    .words
                    .iter()
                    .enumerate()
                    .map(|(k, w)| {
                        let next = self.ids.len() as u32;
                        let id = *self.ids.entry(w.text.clone()).or_insert(next);
                        if !f.primary {
                            seen[Role::Secondary as usize].push(id);
                        } else {
                            seen[Role::Primary as usize].push(id);
                            if k == 0 {
                                seen[Role::PrimaryStart as usize].push(id);
                            }
                        }
                        Word {
                            start: w.start as u32,
                            byte: w.byte as u32,
                            len: w.text.chars().count() as u32,
                            id,
                        }
                    })
                    .collect();
                FieldText {
                    field: f.field,
                    primary: f.primary,
                    mask: super::field::char_mask(&f.folded),
                    weight: score::weight(f.field),
                    brevity: score::brevity(f.field, &f.folded),
                    shown: f.shown,
                    folded: f.folded,
                    words,
                }
            })
            .collect();
        for (role, mut words) in seen.into_iter().enumerate() {
            words.sort_unstable();
            words.dedup();
            self.records[role].push(words);
        }
        out
    }

    /// Sorts the words; returns the vocabulary and the map from provisional to final numbers.
    pub fn finish(self) -> (Vocab, Vec<u32>) {
        let mut by_text: Vec<(String, u32)> = self.ids.into_iter().collect();
        by_text.sort_unstable();
        let mut renumber = vec![0u32; by_text.len()];
        for (new, (_, old)) in by_text.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        let postings = self
            .records
            .map(|per_record| Postings::new(&per_record, &renumber));
        let words = by_text
            .into_iter()
            .map(|(text, _)| VocabWord {
                chars: text.chars().collect(),
                mask: text.chars().fold(0, |m, c| m | char_bit(c)),
                text: text.into_boxed_str(),
            })
            .collect();
        (Vocab { words, postings }, renumber)
    }
}

impl Vocab {
    /// The number of distinct words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The numbers of the words that start with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let lo = self.words.partition_point(|w| &*w.text < prefix);
        let hi = lo + self.words[lo..].partition_point(|w| w.text.starts_with(prefix));
        lo as u32..hi as u32
    }

    /// The number of the word that is exactly `word`, as a range of zero or one.
    pub fn exact_range(&self, word: &str) -> Range<u32> {
        let r = self.prefix_range(word);
        let exact = r.start < r.end && &*self.words[r.start as usize].text == word;
        r.start..if exact { r.start + 1 } else { r.start }
    }

    /// The records the words in `range` occur in, in the role given (a record appears once per word).
    pub fn postings(&self, role: Role, range: Range<u32>) -> &[u32] {
        let p = &self.postings[role as usize];
        &p.records[p.offsets[range.start as usize] as usize..p.offsets[range.end as usize] as usize]
    }

    /// For each word, the edits that turn `query` (a word of a query) into it, or into its head when
    /// it is being typed: 0 for a word it starts, up to [`allowed_typos`] otherwise, [`NO_MATCH`] when
    /// more are needed (see [`edits_within`]).
    pub fn typo_table(&self, query: &[char], q_mask: u64) -> Vec<u8> {
        self.typo_table_within(query, q_mask, allowed_typos(query.len()))
    }

    /// [`Vocab::typo_table`] forgiving at most `allowed` edits.
    pub fn typo_table_within(&self, query: &[char], q_mask: u64, allowed: usize) -> Vec<u8> {
        self.words
            .iter()
            .map(|w| edits_within(query, q_mask, &w.chars, w.mask, allowed))
            .collect()
    }

    /// The text of word number `w`.
    pub fn text(&self, w: u32) -> &str {
        &self.words[w as usize].text
    }
}

/// The edits that turn `query` into `word`, or into its head when it is being typed: 0 when the word
/// starts with it, up to `allowed` otherwise, [`NO_MATCH`] when more are needed. `q_mask` and
/// `w_mask` are their character classes.
pub(super) fn edits_within(
    query: &[char],
    q_mask: u64,
    word: &[char],
    w_mask: u64,
    allowed: usize,
) -> u8 {
    // Each edit brings in at most one letter the word lacks, and changes the length by one.
    if (q_mask & !w_mask).count_ones() as usize > allowed || word.len() + allowed < query.len() {
        return NO_MATCH;
    }
    let edits = if word.starts_with(query) {
        0
    } else {
        // The whole word, or (for long queries) its head of the query's length plus one: a typo in
        // a word still being typed.
        let whole = osa(query, word, allowed);
        if whole > allowed && allowed > 1 && word.len() > query.len() {
            osa(query, &word[..query.len()], allowed - 1) + 1
        } else {
            whole
        }
    };
    if edits <= allowed {
        edits as u8
    } else {
        NO_MATCH
    }
}
