//! The records each record links to, one step and two steps away, as numbers in the index's order: a
//! clinic to the therapies it offers (and the conditions those are for), a therapy to its conditions
//! and the clinics offering it, a cost to the therapies it prices (and their conditions), a condition
//! to its parent, subtypes and therapies. A word may match a record through the names of these.

use crate::dataset::Dataset;
use crate::model::Kind;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How one record links to another, for saying why it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Rel {
    /// A clinic offers a therapy.
    Offers,
    /// A clinic offers a therapy for a condition.
    OffersFor,
    /// A therapy is used for a condition (or a cost prices a therapy for it).
    UsedFor,
    /// A therapy is offered by a clinic.
    OfferedBy,
    /// A cost prices a therapy.
    Prices,
    /// A condition's parent.
    SubtypeOf,
    /// A condition's subtype.
    HasSubtype,
    /// A condition is treated with a therapy.
    TreatedWith,
}

impl Rel {
    /// The words before the linked record's name: "offers Stem cell-derived exosomes".
    pub fn words(self) -> &'static str {
        match self {
            Rel::Offers => "offers",
            Rel::OffersFor => "offers a treatment for",
            Rel::UsedFor => "for",
            Rel::OfferedBy => "offered by",
            Rel::Prices => "prices",
            Rel::SubtypeOf => "a subtype of",
            Rel::HasSubtype => "has subtype",
            Rel::TreatedWith => "treated with",
        }
    }
}

/// Lists per record, in compressed rows.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Rows {
    #[serde(with = "super::raw")]
    offsets: Vec<u32>,
    items: Vec<(u32, Rel)>,
}

impl Rows {
    fn new(lists: Vec<Vec<(u32, Rel)>>) -> Rows {
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        offsets.push(0);
        let mut items = Vec::new();
        for mut l in lists {
            l.sort_unstable_by_key(|x| x.0);
            l.dedup_by_key(|x| x.0);
            items.extend(l);
            offsets.push(items.len() as u32);
        }
        Rows { offsets, items }
    }

    /// Record `r`'s list.
    pub fn of(&self, r: u32) -> &[(u32, Rel)] {
        &self.items[self.offsets[r as usize] as usize..self.offsets[r as usize + 1] as usize]
    }
}

/// Links one and two steps away, and the same reversed (who links to a record).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Links {
    /// Records `r` links to directly.
    pub one: Rows,
    /// Records `r` links to through one other (only those not linked directly).
    pub two: Rows,
    /// Records that link to `r` directly.
    pub into_one: Rows,
    /// Records that link to `r` in two steps.
    pub into_two: Rows,
}

impl Links {
    /// Reads the links of every record; `order` numbers the records (kind, id) as the index does.
    pub fn build(data: &Dataset, order: &[(Kind, String)]) -> Links {
        let number: HashMap<(Kind, &str), u32> = order
            .iter()
            .enumerate()
            .map(|(i, (k, id))| ((*k, id.as_str()), i as u32))
            .collect();
        let at = |k: Kind, id: &str| number.get(&(k, id)).copied();
        let n = order.len();
        let mut one: Vec<Vec<(u32, Rel)>> = vec![Vec::new(); n];
        let mut two: Vec<Vec<(u32, Rel)>> = vec![Vec::new(); n];
        for (r, (kind, id)) in order.iter().enumerate() {
            let id = id.as_str();
            let mut push1 = |k: Kind, other: &str, rel: Rel| {
                if let Some(o) = at(k, other) {
                    one[r].push((o, rel));
                }
            };
            match kind {
                Kind::Clinic => {
                    if let Some(c) = data.clinic(id) {
                        for t in &c.therapies {
                            push1(Kind::Therapy, t.as_str(), Rel::Offers);
                            for cond in data.conditions_for(t.as_str()) {
                                if let Some(o) = at(Kind::Condition, cond.as_str()) {
                                    two[r].push((o, Rel::OffersFor));
                                }
                            }
                        }
                    }
                }
                Kind::Therapy => {
                    for c in data.conditions_for(id) {
                        push1(Kind::Condition, c.as_str(), Rel::UsedFor);
                    }
                    for c in data.clinics_offering(id) {
                        push1(Kind::Clinic, c.as_str(), Rel::OfferedBy);
                    }
                }
                Kind::Cost => {
                    if let Some(c) = data.cost(id) {
                        for t in &c.therapies {
                            push1(Kind::Therapy, t.as_str(), Rel::Prices);
                        }
                        for cond in crate::query::facet::cost_conditions(data, c) {
                            if let Some(o) = at(Kind::Condition, cond.as_str()) {
                                two[r].push((o, Rel::UsedFor));
                            }
                        }
                    }
                }
                Kind::Condition => {
                    if let Some(c) = data.condition(id) {
                        if let Some(p) = &c.parent {
                            push1(Kind::Condition, p.as_str(), Rel::SubtypeOf);
                        }
                        for s in data.subtypes(id) {
                            push1(Kind::Condition, s.as_str(), Rel::HasSubtype);
                        }
                        for t in &c.therapies {
                            push1(Kind::Therapy, t.as_str(), Rel::TreatedWith);
                        }
                    }
                }
                Kind::Travel => {}
            }
        }
        // Two steps only where not one.
        for r in 0..n {
            let direct: Vec<u32> = one[r].iter().map(|x| x.0).collect();
            two[r].retain(|x| !direct.contains(&x.0) && x.0 as usize != r);
        }
        let reverse = |lists: &[Vec<(u32, Rel)>]| {
            let mut into: Vec<Vec<(u32, Rel)>> = vec![Vec::new(); n];
            for (r, l) in lists.iter().enumerate() {
                for &(o, rel) in l {
                    into[o as usize].push((r as u32, rel));
                }
            }
            Rows::new(into)
        };
        Links {
            into_one: reverse(&one),
            into_two: reverse(&two),
            one: Rows::new(one),
            two: Rows::new(two),
        }
    }
}
