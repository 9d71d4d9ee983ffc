//! A parsed query over the index: the records allowed (kinds, qualifiers, terms), the phrase matched
//! as one (names first), each word matched on its own across the record and its links, and one
//! ranking of the lot. Ranking, best first: more of the words matched; then a phrase match (in a
//! name before other fields, as the single-phrase search ranks), all words in the record's own names,
//! all in its own fields, through one link, through two; a record of the kind the words steer to
//! ("cost", "clinic") moves up one step. When no record has every word, the records with the most
//! are shown, each saying which words it missed.

use super::words::{self, quality};
use super::{Hit, SearchIndex, SearchState};
use crate::model::{Currency, Kind};
use crate::query::Query;
use std::collections::HashMap;
use std::sync::Arc;

/// What to search for besides the query itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Only this kind.
    pub kind: Option<Kind>,
    /// At most this many hits.
    pub limit: usize,
    /// The display currency price qualifiers compare in (`None`: each cost's own currency).
    pub currency: Option<Currency>,
}

/// Steps of the ranking (see the module's words).
mod step {
    pub const TWO_LINKS: i64 = 2;
    pub const ONE_LINK: i64 = 3;
    pub const OWN_FIELDS: i64 = 4;
    pub const OWN_NAMES: i64 = 6;
    pub const PHRASE: i64 = 7;
}

/// The step a record's word qualities reach.
fn step_of(levels: impl Iterator<Item = u8>) -> i64 {
    let worst = levels.min().unwrap_or(0);
    if worst >= quality::PRIMARY_TYPO {
        step::OWN_NAMES
    } else if worst >= quality::SECONDARY_TYPO {
        step::OWN_FIELDS
    } else if worst >= quality::LINK1_TYPO {
        step::ONE_LINK
    } else {
        step::TWO_LINKS
    }
}

impl SearchIndex {
    /// Ranked hits for a parsed query, best first. `state` carries what the previous query found;
    /// `None` when `superseded` said a newer query arrived.
    pub fn find(
        &self,
        q: &Query,
        o: &Options,
        state: &mut SearchState,
        superseded: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        self.run(q, o, state, superseded, false)
    }

    /// A word's quality in every record (its parts' worst, links included), from the state when
    /// the previous query had the same word.
    fn word_table(&self, word: &str, state: &SearchState, by_text: bool) -> Arc<Vec<u8>> {
        if !by_text && let Some((_, t)) = state.words.iter().find(|(w, _)| w == word) {
            return Arc::clone(t);
        }
        let n = self.entries.len();
        let tables = words::parts(word)
            .iter()
            .map(|p| {
                if by_text {
                    let own = words::own_by_text(&self.entries, &self.vocab, p);
                    words::linked_by_text(&own, &self.links, p.len())
                } else {
                    let typos = words::typo_table(&self.vocab, p);
                    let own = words::own(&self.vocab, p, &typos, n);
                    words::linked(&own, &self.links, p.len())
                }
            })
            .collect();
        Arc::new(words::combine_parts(tables, n))
    }

    pub(super) fn run(
        &self,
        q: &Query,
        o: &Options,
        state: &mut SearchState,
        superseded: &(dyn Fn() -> bool + Sync),
        by_text: bool,
    ) -> Option<Vec<Hit>> {
        if q.is_empty() || o.limit == 0 {
            return Some(Vec::new());
        }
        let n = self.entries.len();
        let mut allowed = super::terms::allowed(self, q, o.currency, by_text, state);
        if let Some(k) = o.kind {
            for (a, e) in allowed.iter_mut().zip(&self.entries) {
                *a &= e.kind == k;
            }
        }
        let tables: Vec<Arc<Vec<u8>>> = q
            .words
            .iter()
            .map(|w| self.word_table(w, state, by_text))
            .collect();
        // Kind words are not required; each one the record's own fields hold moves it up a step.
        let soft: Vec<Arc<Vec<u8>>> = q
            .soft
            .iter()
            .map(|w| self.word_table(w, state, by_text))
            .collect();
        if !by_text {
            state.words = q
                .words
                .iter()
                .chain(&q.soft)
                .cloned()
                .zip(tables.iter().chain(&soft).cloned())
                .collect();
        }
        if superseded() {
            return None;
        }
        // The phrase, matched as one, separately for the kind steered to (which ranks higher, so
        // the best of each part are the best overall).
        let mut phrases: HashMap<u32, (i64, usize, Vec<usize>)> = HashMap::new();
        if !q.words.is_empty() {
            let phrase = q.words.join(" ");
            let parts: Vec<Vec<bool>> = match q.steer {
                Some(s) => [true, false]
                    .map(|want| {
                        allowed
                            .iter()
                            .zip(&self.entries)
                            .map(|(&a, e)| a && (e.kind == s) == want)
                            .collect()
                    })
                    .into(),
                None => vec![allowed.clone()],
            };
            let ranked = self.phrase(&phrase, &parts, o.limit, state, superseded, by_text)?;
            for (r, score, field, pos) in ranked.into_iter().flatten() {
                phrases.insert(r, (score, field, pos));
            }
        }
        // A record of the kind the words steer to moves up two steps (a link's worth and more).
        let steer = |r: usize| {
            2 * i64::from(q.steer == Some(self.entries[r].kind))
                + soft
                    .iter()
                    .filter(|t| t[r] >= quality::SECONDARY_TYPO)
                    .count() as i64
        };
        // How telling each word is: rarer words weigh more, so a record holding the rare word of
        // a question ranks above one holding only its common word.
        let weights: Vec<i64> = tables
            .iter()
            .map(|t| {
                let df = t
                    .iter()
                    .zip(&allowed)
                    .filter(|&(&l, &a)| a && l > 0)
                    .count()
                    .max(1);
                (n as f64 / df as f64).log2().max(0.0) as i64
            })
            .collect();
        // (count, step, phrase, score) as one number, and the record.
        let key = |count: usize, step: i64, phrase: bool, score: i64| {
            (count as i64) * 1_000_000_000_000
                + step * 10_000_000_000
                + i64::from(phrase) * 1_000_000_000
                + score
        };
        // (key, tie-break rank, record)
        let mut found: Vec<(i64, u32, u32)> = Vec::new();
        let mut most = 0usize;
        // The records the phrase matched, to look up without hashing every record.
        let mut in_phrase = vec![false; n];
        for &r in phrases.keys() {
            in_phrase[r as usize] = true;
        }
        for r in 0..n {
            if !allowed[r] {
                continue;
            }
            let count = tables.iter().filter(|t| t[r] > 0).count();
            let phrase = if in_phrase[r] {
                phrases.get(&(r as u32))
            } else {
                None
            };
            let k = if let Some((score, _, _)) = phrase {
                key(q.words.len(), step::PHRASE + steer(r), true, *score)
            } else if q.words.is_empty() {
                0
            } else if count == 0 {
                continue;
            } else {
                let levels = tables.iter().map(|t| t[r]).filter(|&l| l > 0);
                let sum: i64 = tables
                    .iter()
                    .zip(&weights)
                    .filter(|(t, _)| t[r] > 0)
                    .map(|(t, w)| 100 * w + i64::from(t[r]))
                    .sum();
                if count == q.words.len() {
                    key(count, step_of(levels) + steer(r), false, sum)
                } else {
                    // Not every word: the rarer words it holds count first.
                    let telling = (sum / 100).min(90);
                    key(
                        count,
                        telling,
                        false,
                        (step_of(levels) + steer(r)) * 10_000 + sum,
                    )
                }
            };
            let count = if in_phrase[r] { q.words.len() } else { count };
            most = most.max(count);
            found.push((k, self.tie[r], r as u32));
        }
        if !q.words.is_empty() {
            found.retain(|&(k, _, _)| k / 1_000_000_000_000 == most as i64);
        }
        // Best first; ties by the shorter name, then the id (the rank kept in the index).
        let order = |a: &(i64, u32, u32), b: &(i64, u32, u32)| {
            if q.words.is_empty() {
                return a.2.cmp(&b.2);
            }
            b.0.cmp(&a.0).then(a.1.cmp(&b.1))
        };
        if found.len() > o.limit {
            found.select_nth_unstable_by(o.limit - 1, order);
            found.truncate(o.limit);
        }
        found.sort_by(order);
        let tables: Vec<&[u8]> = tables.iter().map(|t| t.as_slice()).collect();
        Some(
            found
                .into_iter()
                .map(|(k, _, r)| {
                    let e = &self.entries[r as usize];
                    let phrase = phrases.get(&r).map(|(_, f, p)| (*f, p.clone()));
                    let w = super::why::explain(self, r, q, &tables, phrase, o.currency);
                    let f = &e.fields[w.field];
                    Hit {
                        kind: e.kind,
                        id: e.id.clone(),
                        name: e.name.clone(),
                        score: k,
                        field: f.field.to_owned(),
                        matched: f.shown.clone(),
                        positions: w.positions,
                        why: w.why,
                        missed: w.missed,
                    }
                })
                .collect(),
        )
    }
}
