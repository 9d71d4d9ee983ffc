//! The fuzzy index over every kind: a query becomes ranked hits with the matched character positions.
//!
//! Ranking, best first: an exact name or alias; a name or alias that starts with the query; one with a
//! word that starts with it; a fuzzy match of a name or alias (SkimMatcherV2); a name or alias within one
//! typo per word (edit distance, for what fuzzy matching cannot forgive: "keliod", "planopilarsi"); then
//! the same for secondary fields (districts, doctors, techniques, cell sources, symptoms, countries...).
//! Ties go to the shorter name, then the id, so results are stable. Text is compared lowercased and in
//! Unicode NFC, so composed and decomposed Hangul match alike.

use crate::dataset::Dataset;
use crate::model::Kind;
use crate::text;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// One field of one record, ready for matching.
#[derive(Debug, Clone)]
struct FieldText {
    /// What the field is ("name", "alias", "district"...).
    field: &'static str,
    /// True for names and aliases.
    primary: bool,
    /// The text as displayed (NFC, control characters replaced).
    shown: String,
    /// The text folded for matching: one char per char of `shown`.
    folded: String,
    /// The folded words: runs of letters and digits.
    words: Vec<Word>,
    /// Which characters occur, for a cheap test before fuzzy scoring (see [`char_mask`]).
    mask: u64,
}

/// A bit per character class: a-z, 0-9, space, Hangul, anything else. A query can only match a field
/// fuzzily if every class it uses occurs in the field.
fn char_mask(folded: &str) -> u64 {
    folded.chars().fold(0u64, |m, c| m | char_bit(c))
}

/// The [`char_mask`] bit of one character.
fn char_bit(c: char) -> u64 {
    1u64 << match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        ' ' => 36,
        '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => 37,
        _ => 38,
    }
}

#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
    id: String,
    name: String,
    /// Display width of the name, for breaking ties.
    name_width: usize,
    fields: Vec<FieldText>,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// Kind of the record.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Higher is better; comparable within one search.
    pub score: i64,
    /// The field that matched: "name", "alias", "district", "doctor"...
    pub field: String,
    /// The text of that field (NFC).
    pub matched: String,
    /// Char indices in `matched` of the letters that matched.
    pub positions: Vec<usize>,
}

/// The search index, built once at load.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// Lowercases char by char (one char out per char in) and NFC-normalises first, so positions in the
/// folded text are positions in the shown text.
fn fold_aligned(shown: &str) -> String {
    shown
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// A word of a field, with where it starts and which characters it uses.
#[derive(Debug, Clone)]
struct Word {
    /// Char index of its first letter in the field.
    start: usize,
    /// Byte offset of its first letter in the folded field.
    byte: usize,
    /// Its letters.
    chars: Vec<char>,
    /// Its [`char_mask`].
    mask: u64,
}

fn words(folded: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur: Option<Word> = None;
    for (i, (b, c)) in folded.char_indices().enumerate() {
        if c.is_alphanumeric() {
            let w = cur.get_or_insert_with(|| Word {
                start: i,
                byte: b,
                chars: Vec::new(),
                mask: 0,
            });
            w.chars.push(c);
        } else if let Some(w) = cur.take() {
            out.push(w);
        }
    }
    out.extend(cur);
    for w in &mut out {
        w.mask = w.chars.iter().fold(0, |m, &c| m | char_bit(c));
    }
    out
}

fn field(field: &'static str, primary: bool, raw: &str) -> FieldText {
    let shown = text::sanitize(raw);
    let folded = fold_aligned(&shown);
    let words = words(&folded);
    let mask = char_mask(&folded);
    FieldText {
        field,
        primary,
        shown,
        folded,
        words,
        mask,
    }
}

/// Secondary fields of a record, with the name reported when they match.
fn secondary(data: &Dataset, kind: Kind, id: &str) -> Vec<(&'static str, String)> {
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
                out.extend(c.district.iter().map(|s| ("district", s.clone())));
                out.extend(c.city.iter().map(|s| ("city", s.clone())));
                out.extend(c.doctors.iter().map(|d| ("doctor", d.name.clone())));
                out.extend(c.techniques.iter().map(|s| ("technique", s.clone())));
            }
        }
        Kind::Cost => {
            if let Some(c) = data.cost(id) {
                out.push(("country", c.country.clone()));
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

// Score bands: every match of a better band outranks every match of a worse one.
// A whole word of a secondary field (a clinic's district "Sinsa") outranks a fuzzy match of a name
// that skips letters ("Booster SessIoNS After"); a secondary prefix outranks a one-typo match of a
// name, which in turn outranks a loose fuzzy match in a secondary field.
const EXACT: i64 = 90_000_000;
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
fn weight(field: &str) -> i64 {
    1_000_000
        * match field {
            "district" | "doctor" | "technique" | "city" => 3,
            "cell source" | "delivery" | "symptom" | "cause" | "country" | "covers" | "value" => 2,
            "item" => 1,
            _ => 0,
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
    span <= q_len + 2 + q_len / 4
}

/// Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent swaps), or
/// `bound + 1` as soon as it must exceed `bound`. Words longer than 48 letters count as different.
fn osa(a: &[char], b: &[char], bound: usize) -> usize {
    const MAX: usize = 48;
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > bound {
        return bound + 1;
    }
    if n > MAX || m > MAX {
        return if a == b { 0 } else { bound + 1 };
    }
    // Rolling rows: two back (for swaps), previous, current.
    let mut prev2 = [0usize; MAX + 1];
    let mut prev = [0usize; MAX + 1];
    let mut cur = [0usize; MAX + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > bound {
            return bound + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

/// The number of edits forgiven in a word of this many letters.
fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Matches every query word to a word of the field within its allowed typos (or as a prefix of it).
/// Returns the total edits and the matched char positions.
fn typo_match(query: &[(Vec<char>, u64)], f: &FieldText) -> Option<(usize, Vec<usize>)> {
    let mut total = 0;
    let mut positions = Vec::new();
    for (q, q_mask) in query {
        let allowed = allowed_typos(q.len());
        let mut best: Option<(usize, usize, usize)> = None; // (edits, start, len)
        for w in &f.words {
            // Each edit brings in at most one letter the word lacks, and changes the length by one.
            if (q_mask & !w.mask).count_ones() as usize > allowed
                || (w.chars.len() + allowed < q.len())
            {
                continue;
            }
            let edits = if w.chars.starts_with(q) {
                0
            } else {
                // The whole word, or (for long queries) its head of the query's length plus one: a
                // typo in a word still being typed.
                let whole = osa(q, &w.chars, allowed);
                if whole > allowed && allowed > 1 && w.chars.len() > q.len() {
                    osa(q, &w.chars[..q.len()], allowed - 1) + 1
                } else {
                    whole
                }
            };
            if edits <= allowed && best.is_none_or(|b| edits < b.0) {
                best = Some((edits, w.start, w.chars.len().min(q.len().max(1))));
            }
        }
        let (edits, start, len) = best?;
        total += edits;
        positions.extend(start..start + len);
    }
    Some((total, positions))
}

impl SearchIndex {
    /// Builds the index over every record of every kind.
    pub fn build(data: &Dataset) -> SearchIndex {
        let mut entries = Vec::new();
        for kind in Kind::ALL {
            for r in data.records(kind) {
                let mut fields = vec![field("name", true, r.name())];
                fields.extend(r.aliases().iter().map(|a| field("alias", true, a)));
                fields.push(field("id", true, r.id().as_str()));
                for (name, text) in secondary(data, kind, r.id().as_str()) {
                    fields.push(field(name, false, &text));
                }
                let name = text::sanitize(r.name());
                entries.push(Entry {
                    kind,
                    id: r.id().0.clone(),
                    name_width: text::width(&name),
                    name,
                    fields,
                });
            }
        }
        SearchIndex { entries }
    }

    /// The number of records indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Ranked hits for a query, best first; `kind` restricts to one kind; at most `limit` hits.
    pub fn search(&self, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        let q: String = query.nfc().collect::<String>();
        let q = fold_aligned(q.trim());
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query = Query {
            words: words(&q).into_iter().map(|w| (w.chars, w.mask)).collect(),
            len: q.chars().count(),
            mask: char_mask(&q),
            text: q,
        };
        let matcher = SkimMatcherV2::default().ignore_case();
        // Candidates: (score, name width, entry, field, positions); hits are built for the top only.
        type Candidate = (i64, usize, usize, usize, Vec<usize>);
        let score = |(i, e): (usize, &Entry)| -> Option<Candidate> {
            if kind.is_some_and(|k| k != e.kind) {
                return None;
            }
            score_entry(e, &query, &matcher).map(|(s, f, pos)| (s, e.name_width, i, f, pos))
        };
        // Large indexes are scored on every core; small ones are not worth a thread.
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let mut found: Vec<Candidate> = if self.entries.len() < 4096 || threads == 1 {
            self.entries.iter().enumerate().filter_map(score).collect()
        } else {
            let chunk = self.entries.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = self
                    .entries
                    .chunks(chunk)
                    .enumerate()
                    .map(|(c, part)| {
                        scope.spawn(move || {
                            part.iter()
                                .enumerate()
                                .filter_map(|(i, e)| score((c * chunk + i, e)))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().expect("search thread"))
                    .collect()
            })
        };
        let order = |a: &Candidate, b: &Candidate| {
            b.0.cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then_with(|| self.entries[a.2].id.cmp(&self.entries[b.2].id))
        };
        if found.len() > limit {
            found.select_nth_unstable_by(limit - 1, order);
            found.truncate(limit);
        }
        found.sort_by(order);
        found
            .into_iter()
            .map(|(score, _, i, fi, positions)| {
                let e = &self.entries[i];
                let f = &e.fields[fi];
                Hit {
                    kind: e.kind,
                    id: e.id.clone(),
                    name: e.name.clone(),
                    score,
                    field: f.field.to_owned(),
                    matched: f.shown.clone(),
                    positions,
                }
            })
            .collect()
    }
}

/// A query, folded and split once.
struct Query {
    text: String,
    words: Vec<(Vec<char>, u64)>,
    len: usize,
    mask: u64,
}

/// Keeps a match if it beats the best so far.
fn keep(best: &mut Option<(i64, usize, Vec<usize>)>, score: i64, field: usize, pos: Vec<usize>) {
    if best.as_ref().is_none_or(|b| score > b.0) {
        *best = Some((score, field, pos));
    }
}

/// The best match of a query in one record: its score, the field and the matched positions.
fn score_entry(e: &Entry, q: &Query, matcher: &SkimMatcherV2) -> Option<(i64, usize, Vec<usize>)> {
    let mut best: Option<(i64, usize, Vec<usize>)> = None;
    for (fi, f) in e.fields.iter().enumerate() {
        // Exact, prefix and fuzzy matches all need every character class of the query in the field.
        if q.mask & !f.mask != 0 {
            continue;
        }
        // Inside a band: a name before an alias before an id, then shorter (more specific) fields.
        let rank = match f.field {
            "name" => 2000,
            "alias" => 1000,
            _ => 0,
        };
        let brevity = rank + 1000 - (f.folded.len() as i64).min(999);
        if f.folded == q.text && f.primary {
            keep(&mut best, EXACT + brevity, fi, (0..q.len).collect());
        } else if let Some(w) = f
            .words
            .iter()
            .find(|w| f.folded[w.byte..].starts_with(&q.text))
        {
            let next = f.folded[w.byte + q.text.len()..].chars().next();
            let whole_word = !next.is_some_and(char::is_alphanumeric);
            let band = match (f.primary, w.start == 0, whole_word) {
                (true, true, _) => PREFIX,
                (true, false, _) => WORD_PREFIX,
                (false, _, true) => SECONDARY_WORD + weight(f.field),
                (false, _, false) => SECONDARY_PREFIX + weight(f.field),
            };
            keep(
                &mut best,
                band + brevity,
                fi,
                (w.start..w.start + q.len).collect(),
            );
        } else if q.len > 2
            && let Some((s, pos)) = matcher.fuzzy_indices(&f.folded, &q.text)
            && tight(&pos, q.len, &f.folded)
        {
            let contiguous = pos.len() == pos[pos.len() - 1] - pos[0] + 1;
            let band = match (f.primary, contiguous) {
                (true, true) => FUZZY,
                (true, false) => FUZZY_GAPPED,
                (false, _) => SECONDARY_FUZZY + weight(f.field),
            };
            keep(&mut best, band + s.clamp(0, 999_999), fi, pos);
        }
    }
    // One-typo matches rank below a secondary prefix: look for them only when nothing better matched.
    let typo_worthy = q.words.iter().any(|(w, _)| w.len() >= 4);
    if typo_worthy && best.as_ref().is_none_or(|b| b.0 < SECONDARY_PREFIX) {
        for (fi, f) in e.fields.iter().enumerate() {
            if let Some((edits, pos)) = typo_match(&q.words, f) {
                let band = if f.primary {
                    TYPO
                } else {
                    SECONDARY_TYPO + weight(f.field)
                };
                keep(
                    &mut best,
                    band - 1000 * edits as i64 - f.words.len() as i64,
                    fi,
                    pos,
                );
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osa_counts_a_swap_as_one_edit() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(osa(&c("keliod"), &c("keloid"), 5), 1);
        assert_eq!(osa(&c("alopcia"), &c("alopecia"), 5), 1);
        assert_eq!(osa(&c("planopilarsi"), &c("planopilaris"), 5), 1);
        assert_eq!(osa(&c("abc"), &c("xyz"), 5), 3);
        assert_eq!(
            osa(&c("abcdef"), &c("uvwxyz"), 1),
            2,
            "stops early past the bound"
        );
        assert_eq!(osa(&c("ca"), &c("abc"), 5), 3);
        assert_eq!(osa(&c("kitten"), &c("sitting"), 9), 3);
    }

    #[test]
    fn fold_keeps_one_char_per_char() {
        let s = "İLPP 가";
        assert_eq!(fold_aligned(s).chars().count(), s.chars().count());
    }
}
