//! The fuzzy index over every kind: a query becomes ranked hits with the matched character positions.
//!
//! Ranking, best first: an exact name or alias; a name or alias that starts with the query; one with a
//! word that starts with it; a fuzzy match of a name or alias (SkimMatcherV2); a name or alias within one
//! typo per word (edit distance, for what fuzzy matching cannot forgive: "keliod", "planopilarsi"); then
//! the same for secondary fields (districts, doctors, techniques, cell sources, symptoms, countries...).
//! Ties go to the shorter name, then the id, so results are stable. Text is compared lowercased and in
//! Unicode NFC, so composed and decomposed Hangul match alike.
//!
//! Only records that can match are scored. The vocabulary (every distinct word, sorted, with the
//! records it occurs in) gives the records with a word that starts the query and those with a word
//! within the query's typos; cheap tests on each record's joined text give those that may match
//! fuzzily. As a query grows letter by letter, [`SearchState`] keeps the records whose text holds the
//! previous query, and only those are tested again. Large sets are scored on every core, and a search
//! can be abandoned part way when a newer query supersedes it ([`SearchIndex::search_with`]);
//! [`worker::Searcher`] runs searches on a thread of their own so typing never waits for one.

mod field;
mod filter;
mod links;
mod pairs;
mod raw;
mod resolve;
mod run;
mod score;
mod terms;
mod texts;
mod typo;
mod vocab;
mod why;
mod words;
pub mod worker;

pub use resolve::Resolved;
pub use run::Options;

use crate::dataset::Dataset;
use crate::model::Kind;
use crate::text;
use field::{FieldText, fold_aligned, raw_field, secondary};
use filter::max_span;
use fuzzy_matcher::skim::SkimMatcherV2;
use pairs::{NEAR, PairIndex};
use score::{EXACT_BAND, May, Plan, Query, ceiling, score_fields};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use vocab::{NO_MATCH, Role, Vocab, VocabBuilder};

#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// Why it matched, one line per field, link, place or qualifier: "offers Stem cell-derived
    /// exosomes", "district: Cheongdam, Gangnam", "place: Sinsa-dong (신사동) is in Gangnam-gu...".
    pub why: Vec<String>,
    /// The words of the query it did not match (shown only when no record matched them all).
    pub missed: Vec<String>,
}

/// The search index, built once at load (or decoded from the data cache, see [`crate::cache`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Kept in the cache in parts of their own, decoded side by side (see [`SearchIndex::encode`]).
    #[serde(skip)]
    entries: Vec<Entry>,
    vocab: Vocab,
    /// Pairs of letters close together in a field.
    near: PairIndex,
    /// The same, in names, aliases and ids only: a record outside it can match fuzzily only in a
    /// secondary field, which ranks low enough to be scored last.
    near_primary: PairIndex,
    /// The fields' folded texts, side by side (`None` when too long to number).
    texts: Option<texts::Texts>,
    /// Each record's place in the order hits tie in: shorter name first, then by id (then by
    /// record), so that ranking compares two numbers rather than two records.
    #[serde(with = "raw")]
    tie: Vec<u32>,
    /// Pairs of word initials, in order, in a field.
    initials: PairIndex,
    /// Threads to score large sets on (this machine's, so not kept in the cache).
    #[serde(skip, default = "threads")]
    threads: usize,
    /// Every record's facet values, for qualifiers, the facet panel and sorting (shared with the
    /// explorer's lists, so they need not build their own).
    #[serde(with = "shared")]
    facets: std::sync::Arc<crate::query::facet::FacetTable>,
    /// The records each record links to.
    links: links::Links,
}

/// What one search leaves for the next, so a query that grows is tested only against the records
/// that held the shorter one. Keep one per search box; any query may follow any other.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// A folded query of four letters or more and the records holding all its pairs of letters.
    near: Option<(String, Vec<u64>)>,
    /// The previous query's words and each one's quality in every record (a word already typed is
    /// not worked out again).
    words: Vec<(String, std::sync::Arc<Vec<u8>>)>,
    /// The previous query's qualifiers, the currency they compared in, and the records passing them
    /// (typing words after `district:gangnam` does not test every record again).
    filters: Option<FiltersPassed>,
}

/// Qualifiers and the records that pass them.
type FiltersPassed = (
    Vec<crate::query::Filter>,
    Option<crate::model::Currency>,
    std::sync::Arc<Vec<bool>>,
);

/// Records to score, and the best score any of them can reach that an earlier tier did not score.
struct Tier {
    records: Records,
    ceiling: i64,
    /// For the tiers of name matches: the band their records reach at most, before the tie-break
    /// of the record's best name (so they can be scored best first, and no further than needed),
    /// and the records that may reach the exact band instead (a name that is the phrase).
    band: Option<(i64, Option<Vec<u64>>)>,
}

/// A tier's records: worked out, or (for the fuzzy tiers, often never reached) when reached.
enum Records {
    Set(Vec<u64>),
    /// Those that may match fuzzily in their names.
    FuzzyNames,
    /// Those that may match fuzzily only in another field.
    FuzzyRest,
}

/// The records worth scoring for a phrase: in tiers, and per record what ways of matching may
/// succeed (each a superset: the scoring decides).
struct Candidates {
    tiers: Vec<Tier>,
    /// The field text may hold the phrase fuzzily.
    fuzzy: Vec<u64>,
    /// A word of the record starts the phrase's first word (or is it).
    starts: Vec<u64>,
    /// A word of the record is within typos of the phrase's first word.
    typos: Vec<u64>,
    /// The fuzzy candidates split by where they may match (see [`SearchIndex::split_fuzzy`]), worked
    /// out when a fuzzy tier is first reached.
    split: std::sync::OnceLock<(Vec<u64>, Vec<u64>)>,
}

impl Candidates {
    /// What record `i` may match by.
    fn may(&self, i: u32) -> May {
        May {
            fuzzy: get(&self.fuzzy, i),
            start: get(&self.starts, i),
            typo: get(&self.typos, i),
        }
    }
}

/// Records scored at a time in a tier of name matches, between looks at whether the rest can still
/// enter the best.
const BOUNDED_CHUNK: usize = 32;

/// A phrase of more words than this is not matched fuzzily (its words are matched one by one).
const FUZZY_WORDS: usize = 2;

/// A phrase match: record, score, field and matched positions.
type Ranked = (u32, i64, usize, Vec<usize>);

/// The parts the records' entries are kept in, in the cache, to be decoded side by side.
const ENTRY_PARTS: usize = 8;

/// Records at or above which the work is shared among threads.
const PARALLEL_FROM: usize = 4096;

/// How many records are handled between two looks at whether the search was superseded.
const CANCEL_EVERY: usize = 512;

impl SearchIndex {
    /// Builds the index over every record of every kind.
    pub fn build(data: &Dataset) -> SearchIndex {
        Self::build_reporting(data, &mut |_| {})
    }

    /// [`SearchIndex::build`], telling `report` the share done (0 to 1) now and then.
    pub fn build_reporting(data: &Dataset, report: &mut dyn FnMut(f64)) -> SearchIndex {
        let total: usize = Kind::ALL.iter().map(|&k| data.count(k)).sum();
        let every = (total / 50).max(1);
        let facets = crate::query::facet::FacetTable::build(data);
        let mut entries = Vec::new();
        let mut vocab = VocabBuilder::default();
        for kind in Kind::ALL {
            for r in data.records(kind) {
                if entries.len() % every == 0 {
                    report(0.7 * entries.len() as f64 / total as f64);
                }
                let mut raw = vec![raw_field("name", true, r.name())];
                raw.extend(r.aliases().iter().map(|a| raw_field("alias", true, a)));
                raw.push(raw_field("id", true, r.id().as_str()));
                let place = facets.place(entries.len()).map(|p| p.text.as_str());
                for (name, text) in secondary(data, kind, r.id().as_str(), place) {
                    raw.push(raw_field(name, false, &text));
                }
                let fields = vocab.add(raw);
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
        let (vocab, renumber) = vocab.finish();
        report(0.8);
        let mut near = PairIndex::new(entries.len());
        let mut near_primary = PairIndex::new(entries.len());
        let mut initials = PairIndex::new(entries.len());
        for (r, e) in entries.iter().enumerate() {
            if r % every == 0 {
                report(0.8 + 0.2 * r as f64 / total as f64);
            }
            for f in &e.fields {
                let chars: Vec<char> = f.folded.chars().collect();
                near.add_near(r as u32, &chars);
                if f.primary {
                    near_primary.add_near(r as u32, &chars);
                }
                let firsts: Vec<char> = f.words.iter().map(|w| chars[w.start as usize]).collect();
                initials.add_in_order(r as u32, &firsts);
            }
        }
        for f in entries.iter_mut().flat_map(|e| e.fields.iter_mut()) {
            for w in &mut f.words {
                w.id = renumber[w.id as usize];
            }
        }
        let order: Vec<(Kind, String)> = entries.iter().map(|e| (e.kind, e.id.clone())).collect();
        let links = links::Links::build(data, &order);
        let mut by_tie: Vec<u32> = (0..entries.len() as u32).collect();
        by_tie.sort_by(|&a, &b| {
            let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
            (ea.name_width, &ea.id, a).cmp(&(eb.name_width, &eb.id, b))
        });
        let mut tie = vec![0u32; entries.len()];
        for (rank, &r) in by_tie.iter().enumerate() {
            tie[r as usize] = rank as u32;
        }
        let texts = texts::Texts::build(entries.iter().map(|e| {
            e.fields
                .iter()
                .map(|f| (f.folded.as_str(), f.mask, f.primary, f.brevity))
        }));
        report(1.0);
        SearchIndex {
            facets: std::sync::Arc::new(facets),
            links,
            entries,
            vocab,
            texts,
            tie,
            near,
            near_primary,
            initials,
            threads: threads(),
        }
    }

    /// The index in the compact form the data cache keeps; `None` when it cannot be written in it (a
    /// field name missing from the list of names). The records' entries, most of the bytes, are in
    /// parts of their own so that decoding them is shared among the cores: the number of parts, then
    /// the length of the rest and of each part (little-endian `u64`s), then the rest and the parts,
    /// each in postcard.
    pub fn encode(&self) -> Option<Vec<u8>> {
        let size = self.entries.len().div_ceil(ENTRY_PARTS).max(1);
        let mut pieces = vec![postcard::to_allocvec(self).ok()?];
        for part in self.entries.chunks(size) {
            pieces.push(postcard::to_allocvec(part).ok()?);
        }
        let mut out =
            Vec::with_capacity(8 * (pieces.len() + 1) + pieces.iter().map(Vec::len).sum::<usize>());
        out.extend_from_slice(&(pieces.len() as u64 - 1).to_le_bytes());
        for p in &pieces {
            out.extend_from_slice(&(p.len() as u64).to_le_bytes());
        }
        for p in &pieces {
            out.extend_from_slice(p);
        }
        Some(out)
    }

    /// An index from [`SearchIndex::encode`]'s bytes; `None` if they are not one. Like the dataset's
    /// compact form, it is decoded only from bytes this build wrote (a cache entry whose checksum
    /// holds), so it is not checked further.
    pub fn decode(bytes: &[u8]) -> Option<SearchIndex> {
        let word = |i: usize| -> Option<usize> {
            let b = bytes.get(8 * i..8 * i + 8)?;
            usize::try_from(u64::from_le_bytes(b.try_into().ok()?)).ok()
        };
        let parts = word(0)?;
        let mut at = 8usize.checked_mul(parts.checked_add(2)?)?;
        let mut pieces = Vec::with_capacity(parts + 1);
        for i in 0..=parts {
            let len = word(i + 1)?;
            pieces.push(bytes.get(at..at.checked_add(len)?)?);
            at += len;
        }
        if at != bytes.len() {
            return None;
        }
        fn whole<'a, T: Deserialize<'a>>(b: &'a [u8]) -> Option<T> {
            match postcard::take_from_bytes(b) {
                Ok((v, [])) => Some(v),
                _ => None,
            }
        }
        let (head, parts) = pieces.split_first()?;
        let workers = threads().min(parts.len()).max(1);
        let per = parts.len().div_ceil(workers).max(1);
        let (index, entries) = std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .chunks(per)
                .map(|group| {
                    scope.spawn(move || {
                        let mut out: Vec<Entry> = Vec::new();
                        for p in group {
                            out.extend(whole::<Vec<Entry>>(p)?);
                        }
                        Some(out)
                    })
                })
                .collect();
            let index = whole::<SearchIndex>(head);
            let entries: Option<Vec<Vec<Entry>>> = handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect();
            (index, entries)
        });
        let mut index = index?;
        index.entries = entries?.into_iter().flatten().collect();
        Some(index)
    }

    /// Every record's facet values, in the index's order.
    pub fn facets(&self) -> &crate::query::facet::FacetTable {
        &self.facets
    }

    /// [`SearchIndex::facets`], shared.
    pub fn shared_facets(&self) -> std::sync::Arc<crate::query::facet::FacetTable> {
        std::sync::Arc::clone(&self.facets)
    }

    /// Scores large sets on at most `n` threads (benches time one thread's work this way).
    #[doc(hidden)]
    pub fn set_threads(&mut self, n: usize) {
        self.threads = n.max(1);
    }

    /// The number of records indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of distinct words indexed.
    pub fn words(&self) -> usize {
        self.vocab.len()
    }

    /// Ranked hits for a query in the search syntax (see [`crate::query`]), best first; `kind`
    /// restricts to one kind; at most `limit` hits. A query that does not parse finds nothing (use
    /// [`crate::query::parse`] and [`SearchIndex::find`] to show why).
    pub fn search(&self, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        self.search_with(query, kind, limit, &mut SearchState::default(), &|| false)
            .unwrap_or_default()
    }

    /// [`SearchIndex::search`] for a query typed into a search box: `state` carries what the previous
    /// query found, and `superseded` is asked now and then whether a newer query has arrived, in which
    /// case the search stops and returns `None` (leaving `state` as good as before).
    pub fn search_with(
        &self,
        query: &str,
        kind: Option<Kind>,
        limit: usize,
        state: &mut SearchState,
        superseded: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let Ok(q) = crate::query::parse(query) else {
            return Some(Vec::new());
        };
        let o = Options {
            kind,
            limit,
            currency: None,
        };
        self.find(&q, &o, state, superseded)
    }

    /// Every record scored, no index used: what [`SearchIndex::search`] must equal. For tests.
    #[doc(hidden)]
    pub fn search_every_record(&self, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        let Ok(q) = crate::query::parse(query) else {
            return Vec::new();
        };
        let o = Options {
            kind,
            limit,
            currency: None,
        };
        self.run(&q, &o, &mut SearchState::default(), &|| false, true)
            .unwrap_or_default()
    }

    /// The best matches of one phrase (the old single-field search), among the allowed records:
    /// (record, score, field, matched positions), best first. `by_text` scores every record.
    fn phrase(
        &self,
        query: &str,
        parts: &[Vec<bool>],
        limit: usize,
        state: &mut SearchState,
        superseded: &(dyn Fn() -> bool + Sync),
        by_text: bool,
    ) -> Option<Vec<Vec<Ranked>>> {
        let Some(q) = prepare(query) else {
            return Some(vec![Vec::new(); parts.len()]);
        };
        let mut plan = Plan::new(&q, &self.vocab);
        let c = if by_text {
            // Word starts checked by text rather than by vocabulary number.
            if q.indexable() {
                plan.starts = 0..self.vocab.len() as u32;
                plan.check_rest = true;
            }
            self.everything(&q)
        } else if q.indexable() {
            self.tiers(&q, &plan, state, superseded)?
        } else {
            // Nothing to look up: every record may match, at a word start or fuzzily.
            self.everything(&q)
        };
        // The same candidates ranked within each part (the kind steered to, the rest).
        parts
            .iter()
            .map(|allowed| {
                let superseded: &(dyn Fn() -> bool + Sync) =
                    if by_text { &|| false } else { superseded };
                self.rank(&q, &plan, &c, allowed, limit, superseded)
            })
            .collect()
    }

    /// One tier of every record, all of which may match fuzzily (unless the phrase has more than
    /// [`FUZZY_WORDS`] words).
    fn everything(&self, q: &Query) -> Candidates {
        let all = self.near.everything();
        let fuzzy = if q.words.len() > FUZZY_WORDS {
            vec![0u64; all.len()]
        } else {
            all.clone()
        };
        Candidates {
            split: std::sync::OnceLock::new(),
            starts: all.clone(),
            typos: all.clone(),
            tiers: vec![Tier {
                records: Records::Set(all),
                ceiling: i64::MAX,
                band: None,
            }],
            fuzzy,
        }
    }

    /// The records that may match, in tiers by the best score they can reach, and those that may
    /// match fuzzily.
    fn tiers(
        &self,
        q: &Query,
        plan: &Plan,
        state: &mut SearchState,
        superseded: &(dyn Fn() -> bool + Sync),
    ) -> Option<Candidates> {
        let width = self.entries.len().div_ceil(64);
        let from = |role: Role, ranges: &[std::ops::Range<u32>]| {
            let mut bits = vec![0u64; width];
            for r in ranges {
                for &e in self.vocab.postings(role, r.clone()) {
                    set(&mut bits, e);
                }
            }
            bits
        };
        let starts = std::slice::from_ref(&plan.starts);
        // Runs of words the first query word reaches within its typos.
        let mut typo_runs = Vec::new();
        if let Some(first) = plan.typos.first() {
            let mut w = 0;
            while w < first.len() {
                if first[w] == NO_MATCH {
                    w += 1;
                    continue;
                }
                let start = w;
                while w < first.len() && first[w] != NO_MATCH {
                    w += 1;
                }
                typo_runs.push(start as u32..w as u32);
            }
        }
        if superseded() {
            return None;
        }
        let fuzzy = if q.len > 2 && q.words.len() <= FUZZY_WORDS {
            self.may_match_fuzzily(q, state)
        } else {
            vec![0u64; width]
        };
        let mut typos = from(Role::Primary, &typo_runs);
        let secondary_typos = from(Role::Secondary, &typo_runs);
        typos
            .iter_mut()
            .zip(&secondary_typos)
            .for_each(|(a, b)| *a |= b);
        let tier = |records, ceiling| Tier {
            records,
            ceiling,
            band: None,
        };
        // The records with a name, alias or id that is the phrase, for the first tier's bound.
        let exact = self.texts.as_ref().map(|texts| {
            let first: String = plan.first_word();
            let mut bits = vec![0u64; width];
            for &r in self
                .vocab
                .postings(Role::PrimaryStart, self.vocab.exact_range(&first))
            {
                if texts.has_name(r, &q.text) {
                    set(&mut bits, r);
                }
            }
            bits
        });
        let names = |records, ceiling, band, exact| Tier {
            records: Records::Set(records),
            ceiling,
            band: Some((band, exact)),
        };
        let split = q.len > 3 && q.words.len() <= FUZZY_WORDS;
        let primary = from(Role::Primary, starts);
        let secondary = from(Role::Secondary, starts);
        let any_start = primary.iter().zip(&secondary).map(|(a, b)| a | b).collect();
        Some(Candidates {
            split: std::sync::OnceLock::new(),
            starts: any_start,
            typos: typos.clone(),
            tiers: vec![
                names(
                    from(Role::PrimaryStart, starts),
                    ceiling::PRIMARY_START,
                    ceiling::PRIMARY_START_BAND,
                    exact,
                ),
                names(
                    primary,
                    ceiling::PRIMARY_WORD,
                    ceiling::PRIMARY_WORD_BAND,
                    None,
                ),
                // A record whose names cannot hold the phrase fuzzily can match so only in a
                // secondary field: scored after the typos (its ceiling is lower).
                match split {
                    true => tier(Records::FuzzyNames, ceiling::FUZZY_ANY),
                    false => tier(Records::Set(fuzzy.clone()), ceiling::FUZZY_ANY),
                },
                tier(Records::Set(secondary), ceiling::SECONDARY),
                tier(Records::Set(typos), ceiling::TYPOS),
                tier(Records::FuzzyRest, ceiling::SECONDARY_FUZZY),
            ],
            fuzzy,
        })
    }

    /// The records that may match fuzzily split in two: those whose names may hold the phrase, and
    /// the rest (which may hold it only in another field). Both empty when the phrase is not split
    /// so (three letters or fewer, or more than [`FUZZY_WORDS`] words: the first tier holds them).
    fn split_fuzzy(&self, q: &Query, fuzzy: &[u64]) -> (Vec<u64>, Vec<u64>) {
        if q.len <= 3 || q.words.len() > FUZZY_WORDS {
            return (vec![0; fuzzy.len()], vec![0; fuzzy.len()]);
        }
        let mut names = self.near_primary.most_pairs(&q.chars, missing_pairs(q.len));
        names.iter_mut().zip(fuzzy).for_each(|(a, b)| *a &= b);
        if let Some(texts) = &self.texts {
            let out: Vec<u32> = ones(&names, self.entries.len())
                .filter(|&r| !texts.may_hold(r, q, texts::Which::Names))
                .collect();
            for r in out {
                names[r as usize / 64] &= !(1 << (r % 64));
            }
        }
        let rest = fuzzy.iter().zip(&names).map(|(a, b)| a & !b).collect();
        (names, rest)
    }

    /// The records where the query may match fuzzily (a superset: the scoring decides). A match
    /// skips few letters, so consecutive letters of the query lie close together in the field, all
    /// but a few pairs of them for long queries; a query of three letters may instead match the
    /// initials of words. When the query extends the previous one, its pairs narrow the previous set.
    fn may_match_fuzzily(&self, q: &Query, state: &mut SearchState) -> Vec<u64> {
        let chars = &q.chars;
        if q.len <= 3 {
            let mut near = self.near.all_pairs(self.near.everything(), chars);
            let letters: Vec<char> = chars
                .iter()
                .copied()
                .filter(|c| c.is_alphanumeric())
                .collect();
            let initials = if letters.len() >= 2 {
                self.initials
                    .all_pairs(self.initials.everything(), &letters)
            } else {
                self.initials.everything()
            };
            near.iter_mut().zip(&initials).for_each(|(a, b)| *a |= b);
            return near;
        }
        let missing = missing_pairs(q.len);
        if missing > 0 {
            return self.near.most_pairs(chars, missing);
        }
        let bits = match state.near.take() {
            Some((previous, bits)) if q.text.starts_with(previous.as_str()) => {
                let from = previous.chars().count() - 1;
                self.near.all_pairs(bits, &chars[from..])
            }
            _ => self.near.all_pairs(self.near.everything(), chars),
        };
        state.near = Some((q.text.clone(), bits.clone()));
        bits
    }

    /// Scores the records tier by tier, stopping when the records left cannot enter the best
    /// `limit`; keeps the best `limit` and works out their matched positions.
    #[allow(clippy::too_many_arguments)]
    fn rank(
        &self,
        q: &Query,
        plan: &Plan,
        c: &Candidates,
        allowed: &[bool],
        limit: usize,
        superseded: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Ranked>> {
        if limit == 0 {
            return Some(Vec::new());
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        // (score, name width, record, field)
        // (score, tie-break rank: shorter name, then id; record, field)
        type Candidate = (i64, u32, u32, usize);
        let order = |a: &Candidate, b: &Candidate| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        let mut scored = vec![0u64; self.entries.len().div_ceil(64)];
        let mut found: Vec<Candidate> = Vec::new();
        let split = &c.split;
        for tier in &c.tiers {
            // Full, and the worst kept beats anything this tier can reach: done.
            if found.len() >= limit && found.iter().all(|c| c.0 > tier.ceiling) {
                break;
            }
            let records = match &tier.records {
                Records::Set(r) => r,
                Records::FuzzyNames => &split.get_or_init(|| self.split_fuzzy(q, &c.fuzzy)).0,
                Records::FuzzyRest => &split.get_or_init(|| self.split_fuzzy(q, &c.fuzzy)).1,
            };
            let mut ids: Vec<u32> = ones(records, self.entries.len())
                .filter(|&i| !get(&scored, i))
                .filter(|&i| allowed[i as usize])
                .collect();
            for &i in &ids {
                set(&mut scored, i);
            }
            let score = |i: u32| {
                let may = c.may(i);
                // A record that may match only fuzzily, and whose texts side by side say it cannot,
                // is not read at all.
                let may_fuzzily = || {
                    may.fuzzy
                        && q.len > 2
                        && self
                            .texts
                            .as_ref()
                            .is_none_or(|t| t.may_hold(i, q, texts::Which::All))
                };
                if !may.start && !may.typo && !may_fuzzily() {
                    return None;
                }
                let e = &self.entries[i as usize];
                score_fields(&e.fields, q, plan, &matcher, may, false)
                    .map(|(s, field, _)| (s, self.tie[i as usize], i, field))
            };
            if let (Some((band, exact)), Some(names)) = (&tier.band, &self.texts) {
                // Best names first; once the best kept beat what the rest can reach, stop.
                let reach = |i: u32| {
                    let band = match exact {
                        Some(e) if get(e, i) => EXACT_BAND,
                        _ => *band,
                    };
                    band + names.best(i)
                };
                ids.sort_unstable_by_key(|&i| (std::cmp::Reverse(reach(i)), i));
                for chunk in ids.chunks(BOUNDED_CHUNK) {
                    if superseded() {
                        return None;
                    }
                    let reach = reach(chunk[0]);
                    if found.len() >= limit && found.iter().all(|c| c.0 > reach) {
                        break;
                    }
                    found.extend(chunk.iter().filter_map(|&i| score(i)));
                    if found.len() > limit {
                        found.select_nth_unstable_by(limit - 1, order);
                        found.truncate(limit);
                    }
                }
                continue;
            }
            found.extend(self.map_parts(&ids, superseded, |part| {
                part.iter().filter_map(|&i| score(i)).collect()
            })?);
            if found.len() > limit {
                found.select_nth_unstable_by(limit - 1, order);
                found.truncate(limit);
            }
        }
        found.sort_by(order);
        Some(
            found
                .into_iter()
                .map(|(score, _, i, fi)| {
                    let e = &self.entries[i as usize];
                    let positions = score_fields(&e.fields, q, plan, &matcher, c.may(i), true)
                        .filter(|s| s.0 == score && s.1 == fi)
                        .map(|s| s.2)
                        .unwrap_or_default();
                    (i, score, fi, positions)
                })
                .collect(),
        )
    }

    /// Applies `f` to parts of `items` and joins the results in order: on every core when there are
    /// many. `None` when the search was superseded.
    fn map_parts<R: Send>(
        &self,
        items: &[u32],
        superseded: &(dyn Fn() -> bool + Sync),
        f: impl Fn(&[u32]) -> Vec<R> + Sync,
    ) -> Option<Vec<R>> {
        let run = |part: &[u32]| -> Option<Vec<R>> {
            let mut out = Vec::new();
            for piece in part.chunks(CANCEL_EVERY) {
                if superseded() {
                    return None;
                }
                out.extend(f(piece));
            }
            Some(out)
        };
        if items.len() < PARALLEL_FROM || self.threads == 1 {
            return run(items);
        }
        let size = items.len().div_ceil(self.threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = items
                .chunks(size)
                .map(|part| scope.spawn(move || run(part)))
                .collect();
            let mut out = Vec::new();
            let mut complete = true;
            for h in handles {
                match h.join().expect("search thread") {
                    Some(v) => out.extend(v),
                    None => complete = false,
                }
            }
            complete.then_some(out)
        })
    }
}

/// A shared table kept in the cache as the table itself (decoded, it is shared afresh).
mod shared {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::sync::Arc;

    pub fn serialize<T: Serialize, S: Serializer>(v: &Arc<T>, s: S) -> Result<S::Ok, S::Error> {
        T::serialize(v, s)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Arc<T>, D::Error> {
        T::deserialize(d).map(Arc::new)
    }
}

/// The threads to score large sets on: this machine's cores, at most 8.
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// How many consecutive pairs of a query of `len` characters a fuzzy match may hold further apart
/// than the pair tables do: the letters it may skip, in all, over [`NEAR`].
fn missing_pairs(len: usize) -> usize {
    (max_span(len) - len) / NEAR
}

/// Folds a query (NFC, lowercase, trimmed); `None` when nothing is left.
fn prepare(query: &str) -> Option<Query> {
    let q: String = query.nfc().collect::<String>();
    let q = fold_aligned(q.trim());
    (!q.is_empty()).then(|| Query::new(q))
}

fn set(bits: &mut [u64], i: u32) {
    bits[i as usize / 64] |= 1 << (i % 64);
}

fn get(bits: &[u64], i: u32) -> bool {
    bits[i as usize / 64] & (1 << (i % 64)) != 0
}

/// The set bits, ascending, below `n`.
fn ones(bits: &[u64], n: usize) -> impl Iterator<Item = u32> + '_ {
    bits.iter().enumerate().flat_map(move |(k, &word)| {
        let mut w = word;
        std::iter::from_fn(move || {
            (w != 0).then(|| {
                let b = w.trailing_zeros();
                w &= w - 1;
                (k * 64) as u32 + b
            })
        })
        .filter(move |&i| (i as usize) < n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_one_char_per_char() {
        let s = "İLPP 가";
        assert_eq!(fold_aligned(s).chars().count(), s.chars().count());
    }

    #[test]
    fn ones_lists_set_bits_in_order() {
        let mut bits = vec![0u64; 3];
        for i in [0, 5, 63, 64, 130] {
            set(&mut bits, i);
        }
        assert_eq!(ones(&bits, 131).collect::<Vec<_>>(), [0, 5, 63, 64, 130]);
        assert_eq!(ones(&bits, 100).count(), 4);
    }
}
