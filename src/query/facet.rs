//! Each record's facet values (district, offers, evidence...), in the search index's record order:
//! what qualifiers test, what the facet panel counts, and what sorting reads. A clinic's district
//! values include the places its neighbourhood lies in, so `district:gangnam` finds Sinsa-dong.

use super::{Cmp, Field, Filter, Test};
use crate::dataset::Dataset;
use crate::model::{Currency, Kind, Qualifier};
use crate::places::{Gazetteer, PlaceFact};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A distinct value of a facet: as shown, and the folded names it answers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    /// As shown ("Gangnam-gu").
    pub shown: String,
    /// Folded names matched by a qualifier (the shown text, a place's aliases and Korean name).
    pub names: Vec<String>,
}

/// A cost's figures, for price qualifiers and sorting.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Price {
    /// Its currency.
    pub currency: Currency,
    /// Low end.
    pub min: Option<u64>,
    /// High end; `None` is open above (or not given).
    pub max: Option<u64>,
    /// The source's own qualifier.
    pub qualifier: Option<Qualifier>,
}

/// One record's facets.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Row {
    values: Vec<(Field, u32)>,
    price: Option<Price>,
    evidence: Option<crate::model::Evidence>,
    place: Option<PlaceFact>,
}

/// A kind's facet values numbered for counting in a flat vector: facet after facet (the kind's
/// facets as [`facets_of`] gives them, then any other field its records have), each facet's distinct
/// values (as shown) in the order of their text. Built with the table, with how many of the kind's
/// records have each: the counts with nothing chosen never change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Slots {
    /// Each facet and where its slots start; facet `i`'s slots end where facet `i + 1`'s start
    /// (the last, at `shown.len()`).
    facets: Vec<(Field, u32)>,
    /// Each slot's shown number.
    shown: Vec<u32>,
    /// How many of the kind's records have each slot.
    all: Vec<u32>,
}

impl Slots {
    /// The slots of a facet.
    fn of(&self, field: Field) -> std::ops::Range<usize> {
        match self.facets.iter().position(|&(f, _)| f == field) {
            Some(i) => self.facet_range(i),
            None => 0..0,
        }
    }

    /// The slots of the `i`th facet.
    fn facet_range(&self, i: usize) -> std::ops::Range<usize> {
        let start = self.facets[i].1 as usize;
        let end = self
            .facets
            .get(i + 1)
            .map_or(self.shown.len(), |&(_, s)| s as usize);
        start..end
    }

    /// The facet of each slot.
    fn fields(&self) -> Vec<Field> {
        let mut out = Vec::with_capacity(self.shown.len());
        for (i, &(f, _)) in self.facets.iter().enumerate() {
            out.extend(self.facet_range(i).map(|_| f));
        }
        out
    }
}

/// The place of a kind among [`Kind::ALL`].
fn kind_number(kind: Kind) -> usize {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// The facet values of every record, in [`Kind::ALL`] then file order (the search index's order).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FacetTable {
    kinds: Vec<Kind>,
    ids: Vec<String>,
    /// Each record's name, folded, for sorting by name.
    names: Vec<Box<str>>,
    rows: Vec<Row>,
    values: Vec<Value>,
    /// For each value, the number of its shown text among `shown` (values that differ only in the
    /// names they answer to are counted as one).
    shown_of: Vec<u32>,
    /// The distinct shown texts, in byte order (so a value's number orders it as its text does).
    shown: Vec<Box<str>>,
    /// Each record's name's place among the distinct folded names (equal names, equal places), so a
    /// sort by name compares numbers.
    name_rank: Vec<u32>,
    /// Each value's place among the distinct first folded names of the values (for sorting by a
    /// facet's text).
    value_rank: Vec<u32>,
    /// Each record's name's width in terminal columns as shown (sanitised), for a list's width.
    name_widths: Vec<u16>,
    /// Each record's label number: records with the same number have the same [`label_key`].
    labels: Vec<u32>,
    /// Each kind's facet values as slots, in [`Kind::ALL`] order (see [`Slots`]).
    kind_slots: Vec<Slots>,
    /// Each record's slots: `slots[starts[r]..starts[r + 1]]`, ascending (so facet after facet),
    /// each once (two values shown alike are one slot).
    starts: Vec<u32>,
    slots: Vec<u32>,
    /// The rate figures are converted at (won per dollar).
    rate: Option<f64>,
    /// The places, for explaining a district match.
    pub places: Gazetteer,
}

/// The facets the panel offers for a kind, in order.
pub fn facets_of(kind: Kind) -> &'static [Field] {
    // The layer comes last; it has values (and so shows in the panel) only when layers are loaded.
    match kind {
        Kind::Condition => &[Field::Category, Field::Layer],
        Kind::Therapy => &[Field::Category, Field::Evidence, Field::For, Field::Layer],
        Kind::Clinic => &[
            Field::District,
            Field::City,
            Field::Country,
            Field::Offers,
            Field::Layer,
        ],
        Kind::Cost => &[
            Field::Country,
            Field::Unit,
            Field::Currency,
            Field::Year,
            Field::For,
            Field::Layer,
        ],
        Kind::Travel => &[Field::Category, Field::Layer],
    }
}

fn fold(s: &str) -> String {
    crate::text::fold(s.trim())
}

/// Builds rows of values, sharing one copy of each distinct value.
struct Builder {
    values: Vec<Value>,
    ids: HashMap<(String, Vec<String>), u32>,
}

impl Builder {
    fn value(&mut self, shown: &str, extra: Vec<String>) -> u32 {
        let mut names = vec![fold(shown)];
        names.extend(extra);
        let key = (shown.to_owned(), names.clone());
        let next = self.values.len() as u32;
        *self.ids.entry(key).or_insert_with(|| {
            self.values.push(Value {
                shown: shown.to_owned(),
                names,
            });
            next
        })
    }
}

impl FacetTable {
    /// Reads every record's facets.
    pub fn build(data: &Dataset) -> FacetTable {
        let places = Gazetteer::new(&data.places);
        let mut b = Builder {
            values: Vec::new(),
            ids: HashMap::new(),
        };
        let mut t = FacetTable {
            rate: crate::estimate::conversion_rate(data).map(|r| r.krw_per_usd),
            ..FacetTable::default()
        };
        let names_of = |kind: Kind, id: &str| -> Vec<String> {
            data.get(kind, id)
                .map(|r| {
                    std::iter::once(r.name())
                        .chain(r.aliases().iter().map(String::as_str))
                        .map(fold)
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut labels: HashMap<Option<LabelKey<'_>>, u32> = HashMap::new();
        for kind in Kind::ALL {
            let start = t.labels.len();
            for r in data.records(kind) {
                let id = r.id().as_str();
                let mut row = Row::default();
                let mut push = |row: &mut Row, f: Field, shown: &str, extra: Vec<String>| {
                    let v = b.value(shown, extra);
                    if !row.values.contains(&(f, v)) {
                        row.values.push((f, v));
                    }
                };
                match kind {
                    Kind::Condition => {
                        if let Some(c) = data.condition(id) {
                            push(&mut row, Field::Category, &c.category, vec![]);
                        }
                    }
                    Kind::Therapy => {
                        if let Some(th) = data.therapy(id) {
                            push(&mut row, Field::Category, th.category.label(), vec![]);
                            push(&mut row, Field::Evidence, th.evidence.label(), vec![]);
                            row.evidence = Some(th.evidence);
                            for c in data.conditions_for(id) {
                                if let Some(cond) = data.condition(c.as_str()) {
                                    push(
                                        &mut row,
                                        Field::For,
                                        &cond.name,
                                        names_of(Kind::Condition, c.as_str()),
                                    );
                                }
                            }
                        }
                    }
                    Kind::Clinic => {
                        if let Some(c) = data.clinic(id) {
                            let fact = places.fact(c.district.as_deref(), c.city.as_deref());
                            for part in c.district.iter().flat_map(|d| d.split(',')) {
                                let part = part.trim();
                                if places.resolve(part).is_none() && !part.is_empty() {
                                    push(&mut row, Field::District, part, vec![]);
                                }
                            }
                            let mut country = None;
                            if let Some(f) = &fact {
                                for &i in &f.chain {
                                    let p = places.place(i);
                                    let field = match p.level {
                                        crate::model::PlaceLevel::Country => Field::Country,
                                        crate::model::PlaceLevel::City => Field::City,
                                        _ => Field::District,
                                    };
                                    if field == Field::Country {
                                        country = Some(p.name.clone());
                                    }
                                    push(&mut row, field, &p.name, places.names_of(i));
                                }
                            }
                            if !row.values.iter().any(|(f, _)| *f == Field::City)
                                && let Some(city) = &c.city
                            {
                                let mut parts = city.split(',').map(str::trim);
                                if let Some(first) = parts.next() {
                                    push(&mut row, Field::City, first, vec![]);
                                }
                                if country.is_none()
                                    && let Some(last) = parts.next_back()
                                {
                                    push(&mut row, Field::Country, last, vec![]);
                                }
                            }
                            row.place = fact;
                            for th in &c.therapies {
                                if let Some(therapy) = data.therapy(th.as_str()) {
                                    push(
                                        &mut row,
                                        Field::Offers,
                                        &therapy.name,
                                        names_of(Kind::Therapy, th.as_str()),
                                    );
                                }
                            }
                        }
                    }
                    Kind::Cost => {
                        if let Some(c) = data.cost(id) {
                            push(&mut row, Field::Country, &c.country, vec![]);
                            push(&mut row, Field::Unit, c.unit.label(), vec![]);
                            push(&mut row, Field::Currency, c.currency.code(), vec![]);
                            push(&mut row, Field::Year, &c.year.to_string(), vec![]);
                            for th in &c.therapies {
                                if let Some(therapy) = data.therapy(th.as_str()) {
                                    push(
                                        &mut row,
                                        Field::For,
                                        &therapy.name,
                                        names_of(Kind::Therapy, th.as_str()),
                                    );
                                }
                            }
                            for cond in cost_conditions(data, c) {
                                if let Some(x) = data.condition(cond.as_str()) {
                                    push(
                                        &mut row,
                                        Field::For,
                                        &x.name,
                                        names_of(Kind::Condition, cond.as_str()),
                                    );
                                }
                            }
                            row.price = Some(Price {
                                currency: c.currency,
                                min: c.min,
                                max: c.max,
                                qualifier: c.qualifier,
                            });
                        }
                    }
                    Kind::Travel => {
                        if let Some(f) = data.travel_fact(id) {
                            push(&mut row, Field::Category, f.topic.label(), vec![]);
                        }
                    }
                }
                // With data layers, the layer the record came from (`layer:team`).
                if let Some((layer, _)) = data.layer_of(kind, id) {
                    push(&mut row, Field::Layer, &layer.name, vec![]);
                }
                t.kinds.push(kind);
                t.ids.push(id.to_owned());
                t.names.push(fold(r.name()).into_boxed_str());
                t.name_widths.push(name_width(r.name()));
                let next = labels.len() as u32;
                let key = label_key(data, kind, t.labels.len() - start);
                t.labels.push(*labels.entry(key).or_insert(next));
                t.rows.push(row);
            }
        }
        t.values = b.values;
        let mut distinct: Vec<&str> = t.values.iter().map(|v| v.shown.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        t.shown_of = t
            .values
            .iter()
            .map(|v| distinct.binary_search(&v.shown.as_str()).unwrap_or(0) as u32)
            .collect();
        t.shown = distinct.into_iter().map(Into::into).collect();
        t.name_rank = dense_ranks(t.names.iter().map(|n| &**n));
        t.value_rank = dense_ranks(t.values.iter().map(|v| v.names[0].as_str()));
        t.places = places;
        t.number_slots();
        t
    }

    /// Numbers every kind's facet values as slots and counts them (see [`Slots`]).
    fn number_slots(&mut self) {
        self.starts = Vec::with_capacity(self.rows.len() + 1);
        self.starts.push(0);
        for kind in Kind::ALL {
            let range = self.range(kind);
            let mut fields: Vec<Field> = facets_of(kind).to_vec();
            for r in range.clone() {
                for &(f, _) in &self.rows[r].values {
                    if !fields.contains(&f) {
                        fields.push(f);
                    }
                }
            }
            // Which shown values each facet has among the kind's records, then their slots.
            let mut slot_at: Vec<Vec<u32>> = vec![vec![u32::MAX; self.shown.len()]; fields.len()];
            for r in range.clone() {
                for &(f, v) in &self.rows[r].values {
                    let i = fields.iter().position(|&x| x == f).unwrap_or(0);
                    slot_at[i][self.shown_of[v as usize] as usize] = 0;
                }
            }
            let mut s = Slots::default();
            for (i, &f) in fields.iter().enumerate() {
                s.facets.push((f, s.shown.len() as u32));
                for (shown, at) in slot_at[i].iter_mut().enumerate() {
                    if *at == 0 {
                        *at = s.shown.len() as u32;
                        s.shown.push(shown as u32);
                    }
                }
            }
            s.all = vec![0; s.shown.len()];
            let mut own: Vec<u32> = Vec::new();
            for r in range {
                own.clear();
                for &(f, v) in &self.rows[r].values {
                    let i = fields.iter().position(|&x| x == f).unwrap_or(0);
                    own.push(slot_at[i][self.shown_of[v as usize] as usize]);
                }
                own.sort_unstable();
                own.dedup();
                for &slot in &own {
                    s.all[slot as usize] += 1;
                }
                self.slots.extend_from_slice(&own);
                self.starts.push(self.slots.len() as u32);
            }
            self.kind_slots.push(s);
        }
    }

    /// The width of record `r`'s name in terminal columns, as shown (sanitised).
    pub fn name_width(&self, r: usize) -> usize {
        usize::from(self.name_widths[r])
    }

    /// Record `r`'s label number: records with the same number have the same [`label_key`], so
    /// a list shows the same beside their names. Numbers run from 0 up, without gaps.
    pub fn label(&self, r: usize) -> usize {
        self.labels[r] as usize
    }

    /// Record `r`'s slots (in its kind's [`Slots`]).
    fn slots_of(&self, r: usize) -> &[u32] {
        &self.slots[self.starts[r] as usize..self.starts[r + 1] as usize]
    }

    /// The place of record `r`'s folded name among the distinct folded names (equal names have
    /// equal places; a lower place sorts first).
    pub fn name_rank(&self, r: usize) -> u32 {
        self.name_rank[r]
    }

    /// The places of the values record `r` has for a field, among the values' folded texts (as
    /// [`FacetTable::folded_values`] orders them).
    pub fn folded_value_ranks(&self, r: usize, field: Field) -> impl Iterator<Item = u32> + '_ {
        self.rows[r]
            .values
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|&(_, v)| self.value_rank[v as usize])
    }

    /// The number of records.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no records.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The kind of record `r`.
    pub fn kind(&self, r: usize) -> Kind {
        self.kinds[r]
    }

    /// The numbers of a kind's records.
    pub fn range(&self, kind: Kind) -> std::ops::Range<usize> {
        self.kinds.partition_point(|&k| k < kind)..self.kinds.partition_point(|&k| k <= kind)
    }

    /// The number of a record, by kind and id.
    pub fn number(&self, kind: Kind, id: &str) -> Option<usize> {
        let start = self.kinds.partition_point(|&k| k < kind);
        let end = self.kinds.partition_point(|&k| k <= kind);
        (start..end).find(|&r| self.ids[r] == id)
    }

    /// The id of record `r`.
    pub fn id(&self, r: usize) -> &str {
        &self.ids[r]
    }

    /// The name of record `r`, folded (lowercase, NFC).
    pub fn folded_name(&self, r: usize) -> &str {
        &self.names[r]
    }

    /// True when record `r` has, for `field`, one of the values `wanted` (as shown).
    pub fn has_any(&self, r: usize, field: Field, wanted: &[u32]) -> bool {
        self.rows[r]
            .values
            .iter()
            .any(|&(f, v)| f == field && wanted.contains(&self.shown_of[v as usize]))
    }

    /// Choices given as (facet, shown value) turned into numbers, per facet of `facets` that has
    /// any (what [`FacetTable::panel_numbers`] takes); a value no record has is left out.
    pub fn chosen_numbers(
        &self,
        facets: &[Field],
        chosen: &[(Field, String)],
    ) -> Vec<(Field, Vec<u32>)> {
        facets
            .iter()
            .filter_map(|&f| {
                let texts: Vec<&str> = chosen
                    .iter()
                    .filter(|c| c.0 == f)
                    .map(|c| c.1.as_str())
                    .collect();
                (!texts.is_empty()).then(|| (f, self.shown_numbers(texts)))
            })
            .collect()
    }

    /// The numbers of shown values (for [`FacetTable::has_any`]); a text no record has is left out.
    pub fn shown_numbers<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
        texts
            .into_iter()
            .filter_map(|t| self.shown.binary_search_by(|s| (**s).cmp(t)).ok())
            .map(|n| n as u32)
            .collect()
    }

    /// The values record `r` has for a field, as shown.
    pub fn values(&self, r: usize, field: Field) -> impl Iterator<Item = &str> + '_ {
        self.rows[r]
            .values
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|&(_, v)| self.values[v as usize].shown.as_str())
    }

    /// The values record `r` has for a field, folded (lowercase, NFC), for sorting.
    pub fn folded_values(&self, r: usize, field: Field) -> impl Iterator<Item = &str> + '_ {
        self.rows[r]
            .values
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|&(_, v)| self.values[v as usize].names[0].as_str())
    }

    /// Record `r`'s place fact (clinics whose district or city names a known place).
    pub fn place(&self, r: usize) -> Option<&PlaceFact> {
        self.rows[r].place.as_ref()
    }

    /// A therapy's evidence level.
    pub fn evidence(&self, r: usize) -> Option<crate::model::Evidence> {
        self.rows[r].evidence
    }

    /// A cost's figures.
    pub fn price(&self, r: usize) -> Option<Price> {
        self.rows[r].price
    }

    /// A cost's low and high ends in `to` (or its own currency when `to` is `None` or no rate is
    /// known); the high end is `None` when open above.
    pub fn bounds(&self, r: usize, to: Option<Currency>) -> Option<(Option<f64>, Option<f64>)> {
        let p = self.rows[r].price?;
        let conv = |v: u64| match (to, self.rate) {
            (Some(to), Some(rate)) => crate::money::convert(v, p.currency, to, rate) as f64,
            _ => v as f64,
        };
        Some((p.min.map(conv), p.max.map(conv)))
    }

    /// Does record `r` pass the filter? When it does, the value that made it pass (for explaining).
    pub fn test(&self, r: usize, f: &Filter, currency: Option<Currency>) -> Option<String> {
        let passed = self.test_raw(r, f, currency);
        match (passed, f.negated) {
            (Some(v), false) => Some(v),
            (None, true) => Some(format!("not {}", f.describe().trim_start_matches("not "))),
            _ => None,
        }
    }

    fn test_raw(&self, r: usize, f: &Filter, currency: Option<Currency>) -> Option<String> {
        let row = &self.rows[r];
        match (&f.test, f.field) {
            (Test::Number(cmp, n), field) if field.money() => {
                let (lo, hi) = self.bounds(r, currency)?;
                let ok = match (field, cmp) {
                    (Field::Price, Cmp::Lt | Cmp::Le) | (Field::Min, _) => {
                        lo.or(hi).is_some_and(|v| cmp.holds(v, *n))
                    }
                    (Field::Price, Cmp::Gt | Cmp::Ge) => match hi {
                        Some(h) => cmp.holds(h, *n),
                        None => lo.is_some(), // open above: it can exceed any figure
                    },
                    (Field::Price, Cmp::Eq) => {
                        lo.is_none_or(|l| l <= *n) && hi.is_none_or(|h| *n <= h)
                    }
                    (_, _) => match hi {
                        Some(h) => cmp.holds(h, *n),
                        None => matches!(cmp, Cmp::Gt | Cmp::Ge) && lo.is_some(),
                    },
                };
                ok.then(|| format!("{} {}", field.name(), price_words(self, r, currency)))
            }
            (Test::Number(cmp, n), field) => row
                .values
                .iter()
                .filter(|(ff, _)| *ff == field)
                .map(|&(_, v)| &self.values[v as usize])
                .find(|v| v.shown.parse::<f64>().is_ok_and(|x| cmp.holds(x, *n)))
                .map(|v| format!("{} {}", field.name(), v.shown)),
            (Test::Text(t), field) => row
                .values
                .iter()
                .filter(|(ff, _)| *ff == field)
                .map(|&(_, v)| &self.values[v as usize])
                .find(|v| v.names.iter().any(|n| at_word_start(n, t)))
                .map(|v| format!("{} {}", field.name(), v.shown)),
        }
    }

    /// Every value of a field among `records`, with how many of them have it, most first (ties by
    /// value). A record with a value twice, or two values shown alike, counts once.
    pub fn counts(
        &self,
        records: impl IntoIterator<Item = usize>,
        field: Field,
    ) -> Vec<(String, usize)> {
        let mut counts = vec![0u32; self.shown.len()];
        // Each kind's slots of the field, looked up when the kind changes.
        let mut kind = None;
        let mut of = 0..0;
        let mut s = &self.kind_slots[0];
        for r in records {
            let k = self.kinds[r];
            if kind != Some(k) {
                kind = Some(k);
                s = &self.kind_slots[kind_number(k)];
                of = s.of(field);
            }
            let (start, end) = (of.start as u32, of.end as u32);
            for &slot in self.slots_of(r) {
                // A record's slots ascend: past the field's, no more of it.
                if slot >= end {
                    break;
                }
                if slot >= start {
                    counts[s.shown[slot as usize] as usize] += 1;
                }
            }
        }
        let counts = most_first(counts.into_iter().enumerate().map(|(s, n)| (s as u32, n)));
        self.texts(counts)
    }

    /// A value's text as shown, by its number ([`FacetTable::shown_numbers`]).
    pub fn shown_text(&self, n: u32) -> &str {
        &self.shown[n as usize]
    }

    /// Counts by shown number with the texts in their place.
    fn texts(&self, counts: Vec<(u32, usize)>) -> Vec<(String, usize)> {
        counts
            .into_iter()
            .map(|(s, n)| (self.shown_text(s).to_owned(), n))
            .collect()
    }

    /// The records of `records` that have, for each facet of `chosen`, one of its values
    /// ([`FacetTable::shown_numbers`]), as [`FacetTable::has_any`] tells it for each.
    pub fn keep(
        &self,
        records: std::ops::Range<usize>,
        chosen: &[(Field, Vec<u32>)],
    ) -> Vec<usize> {
        if chosen.is_empty() {
            return records.collect();
        }
        let all = if chosen.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << chosen.len()) - 1
        };
        let mut out = Vec::new();
        for (kind, part) in self.by_kind(records) {
            let s = &self.kind_slots[kind_number(kind)];
            let bits = chosen_bits(
                s,
                chosen
                    .iter()
                    .enumerate()
                    .map(|(i, (f, w))| (i, *f, w.as_slice())),
            );
            out.extend(part.filter(|&r| {
                let has = self
                    .slots_of(r)
                    .iter()
                    .fold(0u64, |has, &slot| has | bits[slot as usize]);
                has & all == all
            }));
        }
        out
    }

    /// A range of records cut where the kind changes.
    fn by_kind(
        &self,
        records: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (Kind, std::ops::Range<usize>)> + '_ {
        Kind::ALL.into_iter().filter_map(move |k| {
            let r = self.range(k);
            let part = r.start.max(records.start)..r.end.min(records.end);
            (!part.is_empty()).then_some((k, part))
        })
    }
}

/// For each slot of a kind, the bits of the tests (bit, facet, values wanted) it meets (bits
/// below 64).
fn chosen_bits<'a>(s: &Slots, tests: impl Iterator<Item = (usize, Field, &'a [u32])>) -> Vec<u64> {
    let mut bits = vec![0u64; s.shown.len()];
    for (i, f, wanted) in tests.filter(|t| t.0 < 64) {
        for slot in s.of(f) {
            if wanted.contains(&s.shown[slot]) {
                bits[slot] |= 1 << i;
            }
        }
    }
    bits
}

/// Counts by shown number, in the order of the numbers, as the panel lists them: those not zero,
/// most first, ties by value (the numbers follow the texts' order).
fn most_first(counts: impl Iterator<Item = (u32, u32)>) -> Vec<(u32, usize)> {
    let mut kept: Vec<(u32, u32)> = counts.filter(|&(_, n)| n > 0).collect();
    // Stable: among equal counts the order of the texts stays.
    kept.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    kept.into_iter().map(|(s, n)| (s, n as usize)).collect()
}

/// Each item's place among the distinct items in order (equal items, equal places).
fn dense_ranks<'a>(items: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let items: Vec<&str> = items.collect();
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| items[a as usize].cmp(items[b as usize]));
    let mut rank = vec![0u32; items.len()];
    let mut place = 0u32;
    for (i, &at) in order.iter().enumerate() {
        if i > 0 && items[order[i - 1] as usize] != items[at as usize] {
            place += 1;
        }
        rank[at as usize] = place;
    }
    rank
}

impl FacetTable {
    /// The facet panel's counts in one pass: for each of `facets`, its values with how many of
    /// `records` have each, among the records that pass the choices of every other facet (as a
    /// frequency table counts: a facet's own choices do not narrow its counts). `chosen` gives, per
    /// facet with choices, the numbers of the values chosen ([`FacetTable::shown_numbers`]). Most
    /// first, ties by value. A choice of a facet not among `facets` narrows nothing.
    pub fn panel_counts(
        &self,
        records: std::ops::Range<usize>,
        facets: &[Field],
        chosen: &[(Field, Vec<u32>)],
    ) -> Vec<Vec<(String, usize)>> {
        self.panel_numbers(records, facets, chosen)
            .into_iter()
            .map(|v| self.texts(v))
            .collect()
    }

    /// [`FacetTable::panel_counts`] with each value by its number ([`FacetTable::shown_text`]
    /// gives its text).
    pub fn panel_numbers(
        &self,
        records: std::ops::Range<usize>,
        facets: &[Field],
        chosen: &[(Field, Vec<u32>)],
    ) -> Vec<Vec<(u32, usize)>> {
        let at = |f: Field| facets.iter().position(|&x| x == f).filter(|&i| i < 64);
        // The tests by the facet's place among `facets` (bit i is facet i's choices).
        let mut tests: Vec<(usize, Field, &[u32])> = chosen
            .iter()
            .filter_map(|(f, w)| at(*f).map(|i| (i, *f, w.as_slice())))
            .collect();
        tests.sort_by_key(|t| t.0);
        tests.dedup_by_key(|t| t.0);
        let chosen_mask = tests.iter().fold(0u64, |m, t| m | 1 << t.0);
        // Each facet's (shown number, count), by kind.
        let mut per_facet: Vec<Vec<(u32, u32)>> = vec![Vec::new(); facets.len()];
        let mut kinds = 0;
        for (kind, part) in self.by_kind(records) {
            kinds += 1;
            let s = &self.kind_slots[kind_number(kind)];
            // Each slot's place among `facets` (usize::MAX: not among them).
            let fields = s.fields();
            let place: Vec<usize> = fields
                .iter()
                .map(|&f| at(f).unwrap_or(usize::MAX))
                .collect();
            let whole = part == self.range(kind);
            let counts: std::borrow::Cow<[u32]> = if chosen_mask == 0 && whole {
                // Nothing chosen: the counts kept from the build.
                std::borrow::Cow::Borrowed(&s.all)
            } else {
                let bits = chosen_bits(s, tests.iter().copied());
                let mut counts = vec![0u32; s.shown.len()];
                for r in part {
                    let own = self.slots_of(r);
                    let has = own.iter().fold(0u64, |h, &slot| h | bits[slot as usize]);
                    // The facets whose choices this record fails.
                    let fails = chosen_mask & !has;
                    match fails.count_ones() {
                        0 => {
                            for &slot in own {
                                counts[slot as usize] += 1;
                            }
                        }
                        1 => {
                            // It counts only for the facet it fails.
                            let i = fails.trailing_zeros() as usize;
                            for &slot in own {
                                if place[slot as usize] == i {
                                    counts[slot as usize] += 1;
                                }
                            }
                        }
                        _ => {}
                    }
                }
                std::borrow::Cow::Owned(counts)
            };
            for (slot, &n) in counts.iter().enumerate() {
                let i = place[slot];
                if i != usize::MAX && n > 0 {
                    per_facet[i].push((s.shown[slot], n));
                }
            }
        }
        per_facet
            .into_iter()
            .map(|mut v| {
                if kinds > 1 {
                    // Values of several kinds: in the texts' order, each once.
                    v.sort_unstable_by_key(|&(shown, _)| shown);
                    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(v.len());
                    for (shown, n) in v {
                        match merged.last_mut() {
                            Some(last) if last.0 == shown => last.1 += n,
                            _ => merged.push((shown, n)),
                        }
                    }
                    v = merged;
                }
                most_first(v.into_iter())
            })
            .collect()
    }
}

/// What a list shows beside a record's name is made of: a condition's category and whether it is
/// research only, a therapy's evidence level, a clinic's place as its source gives it (district,
/// else city, else institution), a travel fact's topic and value. Records with the same key show
/// the same beside their names, so a list measures that once per key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LabelKey<'a> {
    kind: Kind,
    text: &'a str,
    value: Option<&'a str>,
    flag: bool,
}

/// The [`LabelKey`] of the record at a position in its kind's list; `None` for cost ranges
/// (the Costs tab lists groups) and positions past the end.
pub fn label_key(data: &Dataset, kind: Kind, index: usize) -> Option<LabelKey<'_>> {
    let key = |text, value, flag| LabelKey {
        kind,
        text,
        value,
        flag,
    };
    match kind {
        Kind::Condition => data
            .conditions
            .get(index)
            .map(|c| key(c.category.as_str(), None, c.research_only)),
        Kind::Therapy => data
            .therapies
            .get(index)
            .map(|t| key(t.evidence.label(), None, false)),
        Kind::Clinic => data.clinics.get(index).map(|c| {
            let place = c
                .district
                .as_deref()
                .or(c.city.as_deref())
                .unwrap_or(&c.institution);
            key(place, None, false)
        }),
        Kind::Travel => data
            .travel
            .get(index)
            .map(|t| key(t.topic.label(), t.value.as_deref(), false)),
        Kind::Cost => None,
    }
}

/// The columns a name takes as shown (sanitised).
pub fn name_width(name: &str) -> u16 {
    // A printable ASCII character takes one column and sanitising leaves it as it is.
    let w = if name.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        name.len()
    } else {
        crate::text::width(&crate::text::sanitize(name))
    };
    u16::try_from(w).unwrap_or(u16::MAX)
}

/// A cost's figure as a short phrase for explanations: "$5,000–$15,000".
fn price_words(t: &FacetTable, r: usize, currency: Option<Currency>) -> String {
    let Some(p) = t.rows[r].price else {
        return String::new();
    };
    let to = currency.unwrap_or(p.currency);
    let fmt = |v: u64| match t.rate {
        Some(rate) if to != p.currency => format!(
            "≈{}",
            crate::money::amount(crate::money::convert(v, p.currency, to, rate), to)
        ),
        _ => crate::money::amount(v, p.currency),
    };
    crate::money::bounds_text(p.min, p.max, p.qualifier, fmt)
}

/// The conditions a cost range is for: those its therapies treat that its own name or its group's
/// name names (the scar price's exosomes treat acne scars, not shoulder osteoarthritis).
pub fn cost_conditions<'a>(
    data: &'a Dataset,
    c: &crate::model::CostRange,
) -> Vec<&'a crate::model::Id> {
    let stem = |w: &str| -> String {
        let w = w.trim_end_matches('s');
        w.chars().take(6).collect()
    };
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(stem)
            .collect()
    };
    let mut own = words(&c.name);
    if let Some(g) = data.costs.groups.iter().find(|g| g.id == c.group) {
        own.extend(words(&g.name));
    }
    own.retain(|w| {
        !matches!(
            w.as_str(),
            "stem" | "cell" | "therap" | "sessio" | "south" | "korea"
        )
    });
    let mut out: Vec<&crate::model::Id> = Vec::new();
    for th in &c.therapies {
        for cond in data.conditions_for(th.as_str()) {
            let named = data
                .condition(cond.as_str())
                .is_some_and(|x| words(&x.name).iter().any(|w| own.contains(w)));
            if named && !out.contains(&cond) {
                out.push(cond);
            }
        }
    }
    out
}

/// True when `needle` occurs in `hay` at the start of a word.
pub fn at_word_start(hay: &str, needle: &str) -> bool {
    // Each word start tried in place (no searcher is built per text: this runs over every value).
    let mut after_word = false;
    for (i, c) in hay.char_indices() {
        if !after_word && hay[i..].starts_with(needle) {
            return true;
        }
        after_word = c.is_alphanumeric();
    }
    needle.is_empty()
}

impl FacetTable {
    /// For every record, whether it passes every filter: each text test is tried once per distinct
    /// value, not once per record.
    pub fn passing(&self, filters: &[Filter], currency: Option<Currency>) -> Vec<bool> {
        let mut ok = vec![true; self.rows.len()];
        for f in filters {
            match &f.test {
                Test::Text(t) => {
                    // Each value tried once, and only when a record has it for this field (most
                    // values belong to other fields): 0 not tried, 1 no, 2 yes.
                    let mut good = vec![0u8; self.values.len()];
                    for (r, slot) in ok.iter_mut().enumerate() {
                        if *slot {
                            let has = self.rows[r].values.iter().any(|&(ff, v)| {
                                ff == f.field && {
                                    let g = &mut good[v as usize];
                                    if *g == 0 {
                                        let names = &self.values[v as usize].names;
                                        *g =
                                            1 + u8::from(names.iter().any(|n| at_word_start(n, t)));
                                    }
                                    *g == 2
                                }
                            });
                            *slot = has != f.negated;
                        }
                    }
                }
                _ => {
                    for (r, slot) in ok.iter_mut().enumerate() {
                        if *slot {
                            *slot = self.test(r, f, currency).is_some();
                        }
                    }
                }
            }
        }
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::at_word_start;

    #[test]
    fn a_needle_counts_only_at_the_start_of_a_word() {
        assert!(at_word_start("gangnam-gu", "gangnam"));
        assert!(at_word_start("sinsa-dong, gangnam-gu", "gangnam"));
        assert!(at_word_start("gangnam-gu", "gu"));
        assert!(!at_word_start("gangnam-gu", "nam"));
        assert!(!at_word_start("seoul", "seoulx"));
        assert!(at_word_start("강남구 신사동", "신사"));
        assert!(!at_word_start("강남구", "남"));
        assert!(at_word_start("", ""));
        assert!(!at_word_start("", "a"));
    }
}
