//! Each word of a question matched on its own, in any order: in the record's own names, in its other
//! fields, or in the names of the records it links to (one step, then two). A word forgives a typo
//! and may be a prefix, as a phrase does. Worked out for every record at once, from the vocabulary's
//! postings; [`own_by_text`] and [`linked_by_text`] find the same by reading every record, which the
//! tests compare.

use super::Entry;
use super::field::{char_mask, words};
use super::links::Links;
use super::vocab::{NO_MATCH, Role, Vocab, edits_within};

/// How well one word matches one record: higher is better, 0 is not at all.
pub(super) mod quality {
    /// Through a record two links away.
    pub const LINK2: u8 = 1;
    /// A linked record's name, within typos.
    pub const LINK1_TYPO: u8 = 2;
    /// A linked record's name, as a word or its start.
    pub const LINK1: u8 = 3;
    /// Another field of the record, within typos.
    pub const SECONDARY_TYPO: u8 = 4;
    /// Another field, a word starting with it.
    pub const SECONDARY_PREFIX: u8 = 5;
    /// Another field, the whole word.
    pub const SECONDARY_EXACT: u8 = 6;
    /// A name or alias, within typos.
    pub const PRIMARY_TYPO: u8 = 7;
    /// A name or alias, a word starting with it.
    pub const PRIMARY_PREFIX: u8 = 8;
    /// A name or alias, the whole word.
    pub const PRIMARY_EXACT: u8 = 9;
}

/// Words shorter than this match only the record's own fields (a letter or two would link to
/// nearly everything).
pub(super) const LINK_FROM: usize = 3;

/// A query word's letters, split where the index splits text ("sinsa-dong" is two).
pub(super) fn parts(word: &str) -> Vec<Vec<char>> {
    words(word)
        .into_iter()
        .map(|w| w.text.chars().collect())
        .collect()
}

/// The edits forgiven in a word of a question: one from four letters, two from ten (a phrase
/// forgives two from eight, but a lone word of eight, "shoulder", is then "should").
pub(super) fn word_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2,
    }
}

/// The typo table for a part, or an empty one when a part that short forgives none.
pub(super) fn typo_table(vocab: &Vocab, part: &[char]) -> Vec<u8> {
    let allowed = word_typos(part.len());
    if allowed == 0 {
        return Vec::new();
    }
    let s: String = part.iter().collect();
    vocab.typo_table_within(part, char_mask(&s), allowed)
}

/// The quality of a part in each record's own fields, from the postings.
pub(super) fn own(vocab: &Vocab, part: &[char], typos: &[u8], n: usize) -> Vec<u8> {
    use quality::*;
    let mut q = vec![0u8; n];
    let text: String = part.iter().collect();
    let prefix = vocab.prefix_range(&text);
    let exact = vocab.exact_range(&text);
    let mut raise = |records: &[u32], v: u8| {
        for &r in records {
            let slot = &mut q[r as usize];
            *slot = (*slot).max(v);
        }
    };
    let levels = [
        (
            Role::Secondary,
            [SECONDARY_EXACT, SECONDARY_PREFIX, SECONDARY_TYPO],
        ),
        (Role::Primary, [PRIMARY_EXACT, PRIMARY_PREFIX, PRIMARY_TYPO]),
    ];
    for (role, [exact_level, prefix_level, typo_level]) in levels {
        if !typos.is_empty() {
            let mut w = 0;
            while w < typos.len() {
                if typos[w] == NO_MATCH || typos[w] == 0 {
                    w += 1;
                    continue;
                }
                let start = w;
                while w < typos.len() && typos[w] != NO_MATCH && typos[w] != 0 {
                    w += 1;
                }
                raise(vocab.postings(role, start as u32..w as u32), typo_level);
            }
        }
        raise(vocab.postings(role, prefix.clone()), prefix_level);
        raise(vocab.postings(role, exact.clone()), exact_level);
    }
    q
}

/// The same as [`own`], read from every record's fields.
pub(super) fn own_by_text(entries: &[Entry], vocab: &Vocab, part: &[char]) -> Vec<u8> {
    use quality::*;
    let s: String = part.iter().collect();
    let mask = char_mask(&s);
    let allowed = word_typos(part.len());
    entries
        .iter()
        .map(|e| {
            let mut best = 0u8;
            for f in &e.fields {
                let base = if f.primary {
                    PRIMARY_EXACT
                } else {
                    SECONDARY_EXACT
                };
                for w in &f.words {
                    let text = vocab.text(w.id);
                    let chars: Vec<char> = text.chars().collect();
                    let v = if chars == part {
                        base
                    } else if chars.starts_with(part) {
                        base - 1
                    } else if allowed > 0
                        && edits_within(part, mask, &chars, char_mask(text), allowed) != NO_MATCH
                    {
                        base - 2
                    } else {
                        0
                    };
                    best = best.max(v);
                }
            }
            best
        })
        .collect()
}

/// Adds the matches through links to a part's own qualities: a record whose linked record's name
/// holds the part.
pub(super) fn linked(own: &[u8], links: &Links, len: usize) -> Vec<u8> {
    use quality::*;
    let mut q = own.to_vec();
    if len < LINK_FROM {
        return q;
    }
    for (y, &o) in own.iter().enumerate() {
        if o < PRIMARY_TYPO {
            continue;
        }
        let l1 = if o >= PRIMARY_PREFIX {
            LINK1
        } else {
            LINK1_TYPO
        };
        for &(x, _) in links.into_one.of(y as u32) {
            let slot = &mut q[x as usize];
            *slot = (*slot).max(l1);
        }
        for &(x, _) in links.into_two.of(y as u32) {
            let slot = &mut q[x as usize];
            *slot = (*slot).max(LINK2);
        }
    }
    q
}

/// The same as [`linked`], following each record's own links.
pub(super) fn linked_by_text(own: &[u8], links: &Links, len: usize) -> Vec<u8> {
    use quality::*;
    (0..own.len())
        .map(|x| {
            let mut best = own[x];
            if len >= LINK_FROM {
                for &(y, _) in links.one.of(x as u32) {
                    let o = own[y as usize];
                    if o >= PRIMARY_TYPO {
                        best = best.max(if o >= PRIMARY_PREFIX {
                            LINK1
                        } else {
                            LINK1_TYPO
                        });
                    }
                }
                for &(y, _) in links.two.of(x as u32) {
                    if own[y as usize] >= PRIMARY_TYPO {
                        best = best.max(LINK2);
                    }
                }
            }
            best
        })
        .collect()
}

/// A query word's quality in every record: the worst of its parts ("sinsa-dong" needs both).
pub(super) fn combine_parts(tables: Vec<Vec<u8>>, n: usize) -> Vec<u8> {
    let mut it = tables.into_iter();
    let Some(mut q) = it.next() else {
        return vec![0; n];
    };
    for t in it {
        q.iter_mut().zip(&t).for_each(|(a, b)| *a = (*a).min(*b));
    }
    q
}
