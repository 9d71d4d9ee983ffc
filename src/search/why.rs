//! Why a record matched, in words: the fields and links each word was found in ("offers Stem
//! cell-derived exosomes", "district: Cheongdam, Gangnam"), a place as a place fact ("place:
//! Sinsa-dong (신사동) is in Gangnam-gu (강남구), Seoul (서울)") with any doubt the sources leave, the
//! qualifiers it passed, and the words it missed.

use super::SearchIndex;
use super::field::{FieldText, char_mask};
use super::vocab::{NO_MATCH, edits_within};
use super::words::{parts, quality, word_typos};
use crate::model::Currency;
use crate::query::{Field, Query};

/// The explanation of one hit.
pub(super) struct Why {
    pub why: Vec<String>,
    pub missed: Vec<String>,
    /// The field to show with its matched letters lit, and those letters' positions.
    pub field: usize,
    pub positions: Vec<usize>,
}

/// Where in a field a part matches (the start and length of the matched letters), if it does.
fn find_part(index: &SearchIndex, f: &FieldText, part: &[char]) -> Option<(usize, usize)> {
    let s: String = part.iter().collect();
    let mask = char_mask(&s);
    let allowed = word_typos(part.len());
    f.words.iter().find_map(|w| {
        let text = index.vocab.text(w.id);
        let chars: Vec<char> = text.chars().collect();
        let ok = chars.starts_with(part)
            || (allowed > 0
                && edits_within(part, mask, &chars, char_mask(text), allowed) != NO_MATCH);
        ok.then(|| (w.start as usize, (w.len as usize).min(part.len().max(1))))
    })
}

/// The field's line in an explanation: "district: Cheongdam, Gangnam"; a place fact with its doubt.
fn field_line(index: &SearchIndex, r: u32, f: &FieldText) -> String {
    let mut line = format!("{}: {}", f.field, f.shown);
    if f.field == "place"
        && let Some(doubt) = index
            .facets
            .place(r as usize)
            .and_then(|p| p.ambiguity.as_ref())
    {
        line.push_str(&format!(" (note: {doubt})"));
    }
    line
}

fn push_once(out: &mut Vec<String>, line: String) {
    if !out.contains(&line) {
        out.push(line);
    }
}

/// Explains record `r`: `tables` holds each query word's quality in every record; `phrase` is the
/// field and positions of a match of the whole phrase, when there was one.
pub(super) fn explain(
    index: &SearchIndex,
    r: u32,
    q: &Query,
    tables: &[&[u8]],
    phrase: Option<(usize, Vec<usize>)>,
    currency: Option<Currency>,
) -> Why {
    let e = &index.entries[r as usize];
    let mut why = Vec::new();
    let mut missed = Vec::new();
    let mut lit: Vec<(usize, Vec<usize>)> = Vec::new(); // per field: positions
    if let Some((fi, _)) = &phrase {
        push_once(&mut why, field_line(index, r, &e.fields[*fi]));
    }
    for (word, table) in q.words.iter().zip(tables) {
        let level = table[r as usize];
        if level == 0 && phrase.is_none() {
            missed.push(word.clone());
            continue;
        }
        if phrase.is_some() {
            continue;
        }
        let ps = parts(word);
        if level >= quality::SECONDARY_TYPO {
            // The own field holding the most of its parts, names first.
            let found = e.fields.iter().enumerate().find_map(|(fi, f)| {
                let spots: Option<Vec<(usize, usize)>> =
                    ps.iter().map(|p| find_part(index, f, p)).collect();
                spots.map(|s| (fi, s))
            });
            if let Some((fi, spots)) = found {
                push_once(&mut why, field_line(index, r, &e.fields[fi]));
                let pos: Vec<usize> = spots.iter().flat_map(|&(s, l)| s..s + l).collect();
                match lit.iter_mut().find(|(f, _)| *f == fi) {
                    Some((_, p)) => p.extend(pos),
                    None => lit.push((fi, pos)),
                }
            }
            continue;
        }
        // Through a link: the linked record whose name or alias holds every part.
        let names_hold = |y: u32| {
            index.entries[y as usize]
                .fields
                .iter()
                .filter(|f| f.primary && f.field != "id")
                .find(|f| ps.iter().all(|p| find_part(index, f, p).is_some()))
                .map(|f| f.shown.clone())
        };
        let step = |rows: &super::links::Rows| {
            rows.of(r).iter().find_map(|&(y, rel)| {
                names_hold(y).map(|name| {
                    let linked = &index.entries[y as usize].name;
                    if name == *linked {
                        format!("{} {linked}", rel.words())
                    } else {
                        format!("{} {linked} ({name})", rel.words())
                    }
                })
            })
        };
        if let Some(line) = step(&index.links.one).or_else(|| step(&index.links.two)) {
            push_once(&mut why, line);
        }
    }
    for f in &q.filters {
        if let Some(line) = index.facets.test(r as usize, f, currency) {
            let line = match (f.field, index.facets.place(r as usize)) {
                (Field::District | Field::City | Field::Country, Some(p)) if !f.negated => {
                    match &p.ambiguity {
                        Some(doubt) => format!("{line} (place: {}; note: {doubt})", p.text),
                        None => format!("{line} (place: {})", p.text),
                    }
                }
                _ => line,
            };
            push_once(&mut why, line);
        }
    }
    let (field, positions) = match phrase {
        Some(p) => p,
        None => {
            let best = lit
                .into_iter()
                .max_by_key(|(fi, p)| (p.len(), usize::MAX - fi));
            match best {
                Some((fi, mut p)) => {
                    p.sort_unstable();
                    p.dedup();
                    (fi, p)
                }
                None => (0, Vec::new()),
            }
        }
    };
    Why {
        why,
        missed,
        field,
        positions,
    }
}
