//! A record named the way people name it: by id, by name or alias (any case, composed or not), or
//! by a search that leaves one clear answer; otherwise the closest names, for a did-you-mean.

use super::SearchIndex;
use crate::model::Kind;

/// What a name resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// The record's id.
    Found(String),
    /// No single record: the closest (name, id) pairs, best first (maybe none).
    Unclear(Vec<(String, String)>),
}

impl SearchIndex {
    /// The record of `kind` that `name` names: its id, a name or alias equal to it (folded), or the
    /// only hit of a search, or a hit whose name or alias starts with it when no other does.
    pub fn resolve(&self, kind: Kind, name: &str) -> Resolved {
        let wanted = crate::text::fold(name.trim());
        let of_kind = || self.entries.iter().filter(|e| e.kind == kind);
        if let Some(e) = of_kind().find(|e| e.id == wanted) {
            return Resolved::Found(e.id.clone());
        }
        let named: Vec<&super::Entry> = of_kind()
            .filter(|e| e.fields.iter().any(|f| f.primary && f.folded == wanted))
            .collect();
        if let [e] = named[..] {
            return Resolved::Found(e.id.clone());
        }
        let hits = self.search(name, Some(kind), 5);
        let starting: Vec<&super::Hit> = hits
            .iter()
            .filter(|h| {
                matches!(h.field.as_str(), "name" | "alias")
                    && crate::text::fold(&h.matched).starts_with(&wanted)
            })
            .collect();
        let single = match (&hits[..], &starting[..]) {
            ([only], _) => Some(only),
            (_, [only]) => Some(*only),
            _ => None,
        };
        match single {
            Some(only) => Resolved::Found(only.id.clone()),
            None => Resolved::Unclear(hits.into_iter().map(|h| (h.name, h.id)).collect()),
        }
    }
}
