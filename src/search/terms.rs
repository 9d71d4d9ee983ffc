//! What a record must satisfy before it is ranked at all: the kinds `kind:` allows, the qualifiers,
//! and the fzf-style terms (`'exact`, `^prefix`, `!not`, `"quoted phrase"`).

use super::SearchIndex;
use super::vocab::Role;
use super::words::parts;
use crate::model::Currency;
use crate::query::{Query, TermMode};

/// The records a part occurs in as a whole word (`exact`) or as a word's start, in own fields.
fn own_set(index: &SearchIndex, part: &[char], exact: bool, by_text: bool) -> Vec<bool> {
    let n = index.entries.len();
    let text: String = part.iter().collect();
    if by_text {
        return index
            .entries
            .iter()
            .map(|e| {
                e.fields.iter().any(|f| {
                    f.words.iter().any(|w| {
                        let t = index.vocab.text(w.id);
                        if exact {
                            t == text
                        } else {
                            t.starts_with(&text)
                        }
                    })
                })
            })
            .collect();
    }
    let range = if exact {
        index.vocab.exact_range(&text)
    } else {
        index.vocab.prefix_range(&text)
    };
    let mut out = vec![false; n];
    for role in [Role::Primary, Role::Secondary] {
        for &r in index.vocab.postings(role, range.clone()) {
            out[r as usize] = true;
        }
    }
    out
}

/// The records whose name or an alias starts with a part.
fn starts_set(index: &SearchIndex, part: &[char], by_text: bool) -> Vec<bool> {
    let text: String = part.iter().collect();
    if by_text {
        return index
            .entries
            .iter()
            .map(|e| {
                e.fields.iter().any(|f| {
                    f.primary
                        && f.words
                            .first()
                            .is_some_and(|w| index.vocab.text(w.id).starts_with(&text))
                })
            })
            .collect();
    }
    let mut out = vec![false; index.entries.len()];
    for &r in index
        .vocab
        .postings(Role::PrimaryStart, index.vocab.prefix_range(&text))
    {
        out[r as usize] = true;
    }
    out
}

/// The records allowed: of the kinds asked for, passing every qualifier and every term.
/// `by_text` reads every record instead of the vocabulary (for the tests' comparison).
pub(super) fn allowed(
    index: &SearchIndex,
    q: &Query,
    currency: Option<Currency>,
    by_text: bool,
    state: &mut super::SearchState,
) -> Vec<bool> {
    let n = index.entries.len();
    let mut ok: Vec<bool> = if q.kinds.is_empty() {
        vec![true; n]
    } else {
        index
            .entries
            .iter()
            .map(|e| q.kinds.contains(&e.kind))
            .collect()
    };
    if !q.filters.is_empty() {
        let pass = match &state.filters {
            Some((f, c, pass)) if *f == q.filters && *c == currency => std::sync::Arc::clone(pass),
            _ => {
                let pass = std::sync::Arc::new(index.facets.passing(&q.filters, currency));
                state.filters = Some((q.filters.clone(), currency, std::sync::Arc::clone(&pass)));
                pass
            }
        };
        ok.iter_mut().zip(pass.iter()).for_each(|(a, b)| *a &= b);
    }
    for t in &q.terms {
        let ps = parts(&t.text);
        if ps.is_empty() {
            continue;
        }
        let sets: Vec<Vec<bool>> = match t.mode {
            TermMode::Exact => ps
                .iter()
                .map(|p| own_set(index, p, true, by_text))
                .collect(),
            TermMode::Prefix => vec![starts_set(index, &ps[0], by_text)],
            TermMode::Not | TermMode::Phrase => ps
                .iter()
                .map(|p| own_set(index, p, false, by_text))
                .collect(),
        };
        let mut hit = vec![true; n];
        for s in sets {
            hit.iter_mut().zip(s).for_each(|(a, b)| *a &= b);
        }
        if matches!(t.mode, TermMode::Phrase | TermMode::Not) && ps.len() > 1 {
            // The words must also stand together, in order, in one field.
            for (r, h) in hit.iter_mut().enumerate() {
                if *h {
                    *h = index.entries[r]
                        .fields
                        .iter()
                        .any(|f| f.folded.contains(t.text.as_str()));
                }
            }
        }
        let negate = t.mode == TermMode::Not;
        ok.iter_mut().zip(hit).for_each(|(a, h)| *a &= h != negate);
    }
    ok
}
