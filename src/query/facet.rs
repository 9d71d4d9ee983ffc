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
    /// The distinct shown texts.
    shown: Vec<Box<str>>,
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
        for kind in Kind::ALL {
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
                t.rows.push(row);
            }
        }
        t.values = b.values;
        let mut shown: HashMap<&str, u32> = HashMap::new();
        for v in &t.values {
            let next = shown.len() as u32;
            let n = *shown.entry(v.shown.as_str()).or_insert(next);
            t.shown_of.push(n);
        }
        let mut distinct: Vec<(&str, u32)> = shown.into_iter().collect();
        distinct.sort_unstable_by_key(|&(_, n)| n);
        t.shown = distinct.into_iter().map(|(s, _)| s.into()).collect();
        t.places = places;
        t
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

    /// The numbers of shown values (for [`FacetTable::has_any`]); a text no record has is left out.
    pub fn shown_numbers<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
        texts
            .into_iter()
            .filter_map(|t| self.shown.iter().position(|s| &**s == t))
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
        let mut counts = vec![0usize; self.shown.len()];
        // The last record counted for each value: a value twice in a record counts once.
        let mut stamp = vec![usize::MAX; self.shown.len()];
        for r in records {
            for &(f, v) in &self.rows[r].values {
                if f != field {
                    continue;
                }
                let s = self.shown_of[v as usize] as usize;
                if stamp[s] != r {
                    stamp[s] = r;
                    counts[s] += 1;
                }
            }
        }
        let mut out: Vec<(String, usize)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(s, n)| (self.shown[s].to_string(), n))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

impl FacetTable {
    /// The facet panel's counts in one pass: for each of `facets`, its values with how many of
    /// `records` have each, among the records that pass the choices of every other facet (as a
    /// frequency table counts: a facet's own choices do not narrow its counts). `chosen` gives, per
    /// facet with choices, the numbers of the values chosen ([`FacetTable::shown_numbers`]). Most
    /// first, ties by value.
    pub fn panel_counts(
        &self,
        records: std::ops::Range<usize>,
        facets: &[Field],
        chosen: &[(Field, Vec<u32>)],
    ) -> Vec<Vec<(String, usize)>> {
        let width = self.shown.len();
        let mut counts = vec![0u32; width * facets.len()];
        // The last record counted in each slot: a value twice in a record counts once.
        let mut stamp = vec![usize::MAX; width * facets.len()];
        let at = |f: Field| facets.iter().position(|&x| x == f);
        for r in records {
            // The facets whose choices this record fails, as bits.
            let mut fails = 0u64;
            for (f, wanted) in chosen {
                if let Some(i) = at(*f)
                    && !self.has_any(r, *f, wanted)
                {
                    fails |= 1 << i;
                }
            }
            if fails.count_ones() > 1 {
                continue;
            }
            for &(f, v) in &self.rows[r].values {
                let Some(i) = at(f) else { continue };
                if fails != 0 && fails != 1 << i {
                    continue;
                }
                let slot = i * width + self.shown_of[v as usize] as usize;
                if stamp[slot] != r {
                    stamp[slot] = r;
                    counts[slot] += 1;
                }
            }
        }
        (0..facets.len())
            .map(|i| {
                let mut out: Vec<(String, usize)> = counts[i * width..(i + 1) * width]
                    .iter()
                    .enumerate()
                    .filter(|&(_, &n)| n > 0)
                    .map(|(s, &n)| (self.shown[s].to_string(), n as usize))
                    .collect();
                out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                out
            })
            .collect()
    }
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
