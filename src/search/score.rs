//! How well a query matches a record: the score bands, and the best match over the record's fields.

use super::field::{FieldText, Word, char_mask, words};
use super::filter::{max_span, subsequence, within};
use super::typo::allowed_typos;
use super::vocab::{NO_MATCH, Vocab};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::ops::Range;

// Score bands: every match of a better band outranks every match of a worse one.
// A whole word of a secondary field (a clinic's district "Sinsa") outranks a fuzzy match of a name
// that skips letters ("Booster SessIoNS After"); a secondary prefix outranks a one-typo match of a
// name, which in turn outranks a loose fuzzy match in a secondary field.
const EXACT: i64 = 90_000_000;
/// The band of a name, alias or id that is the query, before its tie-break.
pub(super) const EXACT_BAND: i64 = EXACT;
const PREFIX: i64 = 80_000_000;
const WORD_PREFIX: i64 = 70_000_000;
const FUZZY: i64 = 60_000_000;
const SECONDARY_WORD: i64 = 56_000_000;
const FUZZY_GAPPED: i64 = 52_000_000;
const SECONDARY_PREFIX: i64 = 50_000_000;
const TYPO: i64 = 40_000_000;
const SECONDARY_FUZZY: i64 = 30_000_000;
const SECONDARY_TYPO: i64 = 20_000_000;

/// Extra weight, within a band, of the more telling secondary fields.
pub(super) fn weight(field: &str) -> i64 {
    1_000_000
        * match field {
            "district" | "doctor" | "technique" | "city" => 3,
            "cell source" | "delivery" | "symptom" | "cause" | "country" | "covers" | "value"
            | "place" => 2,
            "item" => 1,
            _ => 0,
        }
}

/// The tie-break inside a band: a name before an alias before an id, then shorter (more specific)
/// fields.
pub(super) fn brevity(field: &str, folded: &str) -> i64 {
    let rank = match field {
        "name" => 2000,
        "alias" => 1000,
        _ => 0,
    };
    rank + 1000 - (folded.len() as i64).min(999)
}

/// The best score a record can reach through each way of matching, for deciding when the records
/// left cannot enter the top results.
pub(super) mod ceiling {
    use super::*;
    /// A name, alias or id starts with the query (or is it).
    pub const PRIMARY_START: i64 = PRIMARY_START_BAND + 3000;
    /// The same, before the field's tie-break (`brevity`, at most 3000), when no name is the
    /// query itself (see [`EXACT_BAND`]).
    pub const PRIMARY_START_BAND: i64 = PREFIX;
    /// A word of a name, alias or id starts with it.
    pub const PRIMARY_WORD: i64 = PRIMARY_WORD_BAND + 3000;
    /// The same, before the field's tie-break.
    pub const PRIMARY_WORD_BAND: i64 = WORD_PREFIX;
    /// A fuzzy match anywhere.
    pub const FUZZY_ANY: i64 = FUZZY + 999_999;
    /// A word of a secondary field starts with it.
    pub const SECONDARY: i64 = SECONDARY_WORD + 3_000_000 + 1000;
    /// Typos only.
    pub const TYPOS: i64 = TYPO;
    /// A fuzzy match in a secondary field only.
    pub const SECONDARY_FUZZY: i64 = super::SECONDARY_FUZZY + 3_000_000 + 999_999;
}

/// A query, folded and split once.
pub(super) struct Query {
    /// The folded query.
    pub text: String,
    /// Its characters.
    pub chars: Vec<char>,
    /// Its words, with their character classes.
    pub words: Vec<(Vec<char>, u64)>,
    /// Its length in characters.
    pub len: usize,
    /// Its character classes.
    pub mask: u64,
}

impl Query {
    /// Splits a folded, trimmed query.
    pub fn new(text: String) -> Query {
        let chars: Vec<char> = text.chars().collect();
        Query {
            words: words(&text)
                .into_iter()
                .map(|w| {
                    let mask = char_mask(&w.text);
                    (w.text.chars().collect(), mask)
                })
                .collect(),
            len: chars.len(),
            mask: char_mask(&text),
            chars,
            text,
        }
    }

    /// True when a match may be a typo match: some word is long enough to forgive one.
    pub fn typo_worthy(&self) -> bool {
        self.words.iter().any(|(w, _)| w.len() >= 4)
    }

    /// True when the vocabulary can find every word-start match: the query starts with a letter or
    /// digit.
    pub fn indexable(&self) -> bool {
        self.chars.first().is_some_and(|c| c.is_alphanumeric())
    }
}

/// What a query needs from the vocabulary, worked out once per search.
pub(super) struct Plan {
    /// The words a match at a word start must begin with.
    pub starts: Range<u32>,
    /// True when the query is more than its first word, so the rest must be checked in the field.
    pub check_rest: bool,
    /// The query's first word.
    first: String,
    /// Per query word, the edits to each vocabulary word (empty when typos are not looked for).
    pub typos: Vec<Vec<u8>>,
}

impl Plan {
    /// The plan for a query: which words it may start, and its typo tables.
    pub fn new(q: &Query, vocab: &Vocab) -> Plan {
        let first: String = q
            .words
            .first()
            .map(|w| w.0.iter().collect())
            .unwrap_or_default();
        let (starts, check_rest) = if !q.indexable() {
            (0..0, true)
        } else if first == q.text {
            (vocab.prefix_range(&first), false)
        } else {
            // The first word is followed by something that is not a letter: the field's word is it.
            (vocab.exact_range(&first), true)
        };
        let typos = if q.typo_worthy() {
            q.words
                .iter()
                .map(|(w, m)| vocab.typo_table(w, *m))
                .collect()
        } else {
            Vec::new()
        };
        Plan {
            starts,
            check_rest,
            typos,
            first,
        }
    }

    /// The query's first word (its letters and digits).
    pub fn first_word(&self) -> String {
        self.first.clone()
    }

    /// True when the field's word `w` starts a match of the whole query.
    fn starts_word(&self, f: &FieldText, w: &Word, q: &Query) -> bool {
        self.starts.contains(&w.id)
            && (!self.check_rest || f.folded[w.byte as usize..].starts_with(&q.text))
    }
}

/// One or two letters are matched only at word starts (fuzzy matching them finds nearly everything).
/// A fuzzy match is kept only when it is tight: short queries (abbreviations) must match contiguous
/// letters or the initials of words; longer ones may skip a few letters but not wander across a text.
fn tight(positions: &[usize], q_len: usize, folded: &str) -> bool {
    let (Some(first), Some(last)) = (positions.first(), positions.last()) else {
        return false;
    };
    let span = last - first + 1;
    if q_len <= 3 {
        let chars: Vec<char> = folded.chars().collect();
        let initials = positions
            .iter()
            .all(|&p| p == 0 || !chars.get(p - 1).is_some_and(|c| c.is_alphanumeric()));
        return span == q_len || initials;
    }
    span <= max_span(q_len)
}

/// A cheap test that a field may hold a tight fuzzy match (see [`tight`]): never false when it does.
fn may_be_tight(f: &FieldText, q: &Query) -> bool {
    may_be_tight_in(&f.folded, q)
}

/// [`may_be_tight`] on a field's folded text: short queries must occur together or as initials
/// (the first letters of the runs of letters and digits); longer ones within a short stretch.
pub(super) fn may_be_tight_in(folded: &str, q: &Query) -> bool {
    if q.len <= 3 {
        if folded.contains(&q.text) {
            return true;
        }
        if q.chars.iter().all(|c| c.is_alphanumeric()) {
            let mut wanted = q.chars.iter().peekable();
            let mut before = None::<char>;
            for c in folded.chars() {
                let initial = c.is_alphanumeric() && !before.is_some_and(char::is_alphanumeric);
                before = Some(c);
                if initial && wanted.next_if_eq(&&c).is_some() && wanted.peek().is_none() {
                    return true;
                }
            }
            return wanted.peek().is_none();
        }
        return subsequence(folded, &q.chars);
    }
    within(folded, &q.chars, max_span(q.len), folded.is_ascii())
}

/// The best score a fuzzy match in this field can reach: a field that cannot beat the best match so
/// far is not matched at all.
fn fuzzy_ceiling(f: &FieldText) -> i64 {
    let band = if f.primary {
        FUZZY
    } else {
        SECONDARY_FUZZY + f.weight
    };
    band + 999_999
}

/// What a record may match by, from the index (each false only when that way cannot match, so
/// the scoring need not try it).
#[derive(Debug, Clone, Copy)]
pub(super) struct May {
    /// Letters of the query, in order and close together, in some field.
    pub fuzzy: bool,
    /// A word starting with the query's first word.
    pub start: bool,
    /// A word within typos of the query's first word.
    pub typo: bool,
}

/// A record's best match: its score, the field (by index) and, when asked for, the matched positions.
pub(super) type Scored = (i64, usize, Vec<usize>);

/// Keeps a match if it beats the best so far.
fn keep(best: &mut Option<Scored>, score: i64, field: usize, pos: impl FnOnce() -> Vec<usize>) {
    if best.as_ref().is_none_or(|b| score > b.0) {
        *best = Some((score, field, pos()));
    }
}

/// The best match of a query in one record's fields (names, aliases and the id first, then the
/// secondary fields). `may` says which ways of matching the index leaves open (a way it rules out
/// is not tried); positions are worked out only when `positions`.
pub(super) fn score_fields(
    fields: &[FieldText],
    q: &Query,
    plan: &Plan,
    matcher: &SkimMatcherV2,
    may: May,
    positions: bool,
) -> Option<Scored> {
    let fuzzy = may.fuzzy;
    let none = Vec::new;
    let mut best: Option<Scored> = None;
    for (fi, f) in fields.iter().enumerate() {
        // Secondary fields come last; none can beat a match of a name, alias or id that outranks
        // every secondary match.
        if !f.primary && best.as_ref().is_some_and(|b| b.0 > ceiling::SECONDARY) {
            break;
        }
        // Exact, prefix and fuzzy matches all need every character class of the query in the field.
        if q.mask & !f.mask != 0 {
            continue;
        }
        let brevity = f.brevity;
        if f.primary && f.folded == q.text {
            keep(&mut best, EXACT + brevity, fi, || {
                if positions {
                    (0..q.len).collect()
                } else {
                    none()
                }
            });
        } else if let Some(w) = may
            .start
            .then(|| f.words.iter().find(|w| plan.starts_word(f, w, q)))
            .flatten()
        {
            let next = f.folded[w.byte as usize + q.text.len()..].chars().next();
            let whole_word = !next.is_some_and(char::is_alphanumeric);
            let band = match (f.primary, w.start == 0, whole_word) {
                (true, true, _) => PREFIX,
                (true, false, _) => WORD_PREFIX,
                (false, _, true) => SECONDARY_WORD + f.weight,
                (false, _, false) => SECONDARY_PREFIX + f.weight,
            };
            let start = w.start as usize;
            keep(&mut best, band + brevity, fi, || {
                if positions {
                    (start..start + q.len).collect()
                } else {
                    none()
                }
            });
        } else if fuzzy
            && q.len > 2
            && best.as_ref().is_none_or(|b| b.0 < fuzzy_ceiling(f))
            && may_be_tight(f, q)
            && let Some((s, pos)) = matcher.fuzzy_indices(&f.folded, &q.text)
            && tight(&pos, q.len, &f.folded)
        {
            let contiguous = pos.len() == pos[pos.len() - 1] - pos[0] + 1;
            let band = match (f.primary, contiguous) {
                (true, true) => FUZZY,
                (true, false) => FUZZY_GAPPED,
                (false, _) => SECONDARY_FUZZY + f.weight,
            };
            keep(&mut best, band + s.clamp(0, 999_999), fi, || pos);
        }
    }
    // One-typo matches rank below a secondary prefix: look for them only when nothing better matched.
    if may.typo && !plan.typos.is_empty() && best.as_ref().is_none_or(|b| b.0 < SECONDARY_PREFIX) {
        for (fi, f) in fields.iter().enumerate() {
            if let Some((edits, pos)) = typo_match(q, plan, f, positions) {
                let band = if f.primary {
                    TYPO
                } else {
                    SECONDARY_TYPO + f.weight
                };
                keep(
                    &mut best,
                    band - 1000 * edits as i64 - f.words.len() as i64,
                    fi,
                    || pos,
                );
            }
        }
    }
    best
}

/// Matches every query word to a word of the field within its allowed typos (or as a prefix of it).
/// Returns the total edits and, when asked for, the matched char positions.
fn typo_match(
    q: &Query,
    plan: &Plan,
    f: &FieldText,
    positions: bool,
) -> Option<(usize, Vec<usize>)> {
    let mut total = 0;
    let mut pos = Vec::new();
    for ((qw, _), table) in q.words.iter().zip(&plan.typos) {
        let allowed = allowed_typos(qw.len());
        let mut best: Option<(usize, usize, usize)> = None; // (edits, start, len)
        for w in &f.words {
            let edits = table[w.id as usize];
            if edits != NO_MATCH
                && usize::from(edits) <= allowed
                && best.is_none_or(|b| usize::from(edits) < b.0)
            {
                best = Some((
                    usize::from(edits),
                    w.start as usize,
                    (w.len as usize).min(qw.len().max(1)),
                ));
            }
        }
        let (edits, start, len) = best?;
        total += edits;
        if positions {
            pos.extend(start..start + len);
        }
    }
    Some((total, pos))
}
