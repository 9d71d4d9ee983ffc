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
    /// The folded words with their starting char index.
    words: Vec<(usize, String)>,
}

#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
    id: String,
    name: String,
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

fn words(folded: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in folded.chars().enumerate() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            cur.push(c);
        } else if !cur.is_empty() {
            out.push((start, std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push((start, cur));
    }
    out
}

fn field(field: &'static str, primary: bool, raw: &str) -> FieldText {
    let shown = text::sanitize(raw);
    let folded = fold_aligned(&shown);
    let words = words(&folded);
    FieldText {
        field,
        primary,
        shown,
        folded,
        words,
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

/// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.
fn osa(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
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
fn typo_match(query_words: &[Vec<char>], f: &FieldText) -> Option<(usize, Vec<usize>)> {
    let mut total = 0;
    let mut positions = Vec::new();
    for q in query_words {
        let mut best: Option<(usize, usize, usize)> = None; // (edits, start, len)
        for (start, w) in &f.words {
            let w: Vec<char> = w.chars().collect();
            let edits = if w.starts_with(q) {
                0
            } else {
                // Compare with the word, and with its prefix of the query's length (a typo in a word
                // still being typed).
                let whole = osa(q, &w);
                let head = if w.len() > q.len() {
                    osa(q, &w[..q.len()])
                } else {
                    whole
                };
                whole.min(head + 1)
            };
            if edits <= allowed_typos(q.len()) && best.is_none_or(|b| edits < b.0) {
                best = Some((edits, *start, w.len().min(q.len().max(1))));
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
                entries.push(Entry {
                    kind,
                    id: r.id().0.clone(),
                    name: text::sanitize(r.name()),
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
        let matcher = SkimMatcherV2::default().ignore_case();
        let query_words: Vec<Vec<char>> = words(&q)
            .into_iter()
            .map(|(_, w)| w.chars().collect())
            .collect();
        let q_len = q.chars().count() as i64;
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .filter(|e| kind.is_none_or(|k| k == e.kind))
            .filter_map(|e| {
                let mut best: Option<(i64, usize, Vec<usize>)> = None;
                let mut consider = |score: i64, f: usize, pos: Vec<usize>| {
                    if best.as_ref().is_none_or(|b| score > b.0) {
                        best = Some((score, f, pos));
                    }
                };
                for (fi, f) in e.fields.iter().enumerate() {
                    let fuzzy = matcher.fuzzy_indices(&f.folded, &q);
                    let fuzzy_score = fuzzy.as_ref().map_or(0, |(s, _)| (*s).clamp(0, 999_999));
                    let prefix_positions = || (0..q_len as usize).collect::<Vec<_>>();
                    if f.folded == q && f.primary {
                        consider(EXACT - f.folded.len() as i64, fi, prefix_positions());
                    } else if let Some(start) = word_start(&f.folded, &q) {
                        let next = f.folded.chars().nth(start + q_len as usize);
                        let whole_word = !next.is_some_and(char::is_alphanumeric);
                        let band = match (f.primary, start == 0, whole_word) {
                            (true, true, _) => PREFIX,
                            (true, false, _) => WORD_PREFIX,
                            (false, _, true) => SECONDARY_WORD + weight(f.field),
                            (false, _, false) => SECONDARY_PREFIX + weight(f.field),
                        };
                        let positions = (start..start + q_len as usize).collect();
                        consider(band + fuzzy_score, fi, positions);
                    } else if let Some((s, pos)) = fuzzy
                        && tight(&pos, q_len as usize, &f.folded)
                    {
                        let contiguous = pos.len() == pos[pos.len() - 1] - pos[0] + 1;
                        let band = match (f.primary, contiguous) {
                            (true, true) => FUZZY,
                            (true, false) => FUZZY_GAPPED,
                            (false, _) => SECONDARY_FUZZY + weight(f.field),
                        };
                        consider(band + s, fi, pos);
                    }
                    if !query_words.is_empty()
                        && query_words.iter().any(|w| w.len() >= 4)
                        && let Some((edits, pos)) = typo_match(&query_words, f)
                    {
                        let band = if f.primary {
                            TYPO
                        } else {
                            SECONDARY_TYPO + weight(f.field)
                        };
                        consider(band - 1000 * edits as i64 - f.words.len() as i64, fi, pos);
                    }
                }
                best.map(|(score, fi, positions)| {
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
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(text::width(&a.name).cmp(&text::width(&b.name)))
                .then(a.id.cmp(&b.id))
        });
        hits.truncate(limit);
        hits
    }
}

/// Char index of the first word of `text` that starts with `query`, if any.
fn word_start(text: &str, query: &str) -> Option<usize> {
    let mut prev_alnum = false;
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        if !prev_alnum && c.is_alphanumeric() && text[bi..].starts_with(query) {
            return Some(ci);
        }
        prev_alnum = c.is_alphanumeric();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osa_counts_a_swap_as_one_edit() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(osa(&c("keliod"), &c("keloid")), 1);
        assert_eq!(osa(&c("alopcia"), &c("alopecia")), 1);
        assert_eq!(osa(&c("planopilarsi"), &c("planopilaris")), 1);
        assert_eq!(osa(&c("abc"), &c("xyz")), 3);
    }

    #[test]
    fn word_start_finds_word_boundaries_only() {
        assert_eq!(word_start("hot comb alopecia", "comb"), Some(4));
        assert_eq!(word_start("hot comb alopecia", "omb"), None);
    }

    #[test]
    fn fold_keeps_one_char_per_char() {
        let s = "İLPP 가";
        assert_eq!(fold_aligned(s).chars().count(), s.chars().count());
    }
}
