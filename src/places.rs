//! Where places lie: a neighbourhood in its district, a district in its city. Built from
//! `places.ron`, it turns a clinic's district as its source gives it ("Sinsa", "Cheongdam, Gangnam")
//! into a place fact ("Sinsa-dong (신사동) is in Gangnam-gu (강남구), Seoul (서울)") that search and
//! the facets match, said as a fact of its own, with any doubt the sources leave (two Sinsa-dongs).

use crate::dataset::read;
use crate::error::Problem;
use crate::model::{Place, PlaceLevel};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The places, looked up by any of their names.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Folded name, Korean name or alias -> position.
    by_name: HashMap<String, usize>,
}

/// What a record's own place text resolves to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlaceFact {
    /// "Sinsa-dong (신사동) is in Gangnam-gu (강남구), Seoul (서울), South Korea".
    pub text: String,
    /// Positions of the place and of every place it lies in, smallest first.
    pub chain: Vec<usize>,
    /// What the sources leave in doubt about one of these places.
    pub ambiguity: Option<String>,
}

fn fold(s: &str) -> String {
    crate::text::fold(s.trim())
}

impl Gazetteer {
    /// Indexes validated places.
    pub fn new(places: &[Place]) -> Gazetteer {
        let mut by_name = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            let names = std::iter::once(&p.name)
                .chain(p.korean.iter())
                .chain(p.aliases.iter());
            for n in names {
                by_name.entry(fold(n)).or_insert(i);
            }
        }
        Gazetteer {
            places: places.to_vec(),
            by_name,
        }
    }

    /// The place at a position.
    pub fn place(&self, i: usize) -> &Place {
        &self.places[i]
    }

    /// Every place, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place a name (or alias, or Korean name) names.
    pub fn resolve(&self, name: &str) -> Option<usize> {
        self.by_name.get(&fold(name)).copied()
    }

    /// The place and the places it lies in, smallest first (bounded, though validation rules out loops).
    pub fn chain(&self, mut i: usize) -> Vec<usize> {
        let mut out = vec![i];
        while let Some(up) = &self.places[i].within {
            match self.places.iter().position(|p| &p.id == up) {
                Some(j) if !out.contains(&j) => {
                    out.push(j);
                    i = j;
                }
                _ => break,
            }
        }
        out
    }

    /// The place fact for a record's district and city as its source gives them: the most specific
    /// part that names a known place, and everything it lies in. `None` when no part is known.
    pub fn fact(&self, district: Option<&str>, city: Option<&str>) -> Option<PlaceFact> {
        let parts = district
            .into_iter()
            .flat_map(|d| d.split(','))
            .chain(city.into_iter().flat_map(|c| c.split(',')));
        let best = parts
            .filter_map(|p| self.resolve(p))
            .max_by_key(|&i| self.places[i].level)?;
        let chain = self.chain(best);
        let label = |i: usize| {
            let p = &self.places[i];
            match &p.korean {
                Some(k) => format!("{} ({k})", p.name),
                None => p.name.clone(),
            }
        };
        let text = match chain.split_first() {
            Some((&first, rest)) if !rest.is_empty() => format!(
                "{} is in {}",
                label(first),
                rest.iter()
                    .map(|&i| label(i))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => label(best),
        };
        let ambiguity = chain.iter().find_map(|&i| self.places[i].ambiguity.clone());
        Some(PlaceFact {
            text,
            chain,
            ambiguity,
        })
    }

    /// The names of the places of a level in a fact's chain ("Gangnam-gu" for the district).
    pub fn at_level(&self, fact: &PlaceFact, level: PlaceLevel) -> Vec<&str> {
        fact.chain
            .iter()
            .map(|&i| &self.places[i])
            .filter(|p| p.level == level)
            .map(|p| p.name.as_str())
            .collect()
    }

    /// Every name a place answers to, folded (for matching a facet value).
    pub fn names_of(&self, i: usize) -> Vec<String> {
        let p = &self.places[i];
        std::iter::once(&p.name)
            .chain(p.korean.iter())
            .chain(p.aliases.iter())
            .map(|n| fold(n))
            .collect()
    }
}

/// Parses `places.ron` (when the data has one) and checks it (see [`check`]); the loader parses and
/// checks in two steps, so that places from layers are checked together.
#[cfg(test)]
pub(crate) fn load(
    text: Option<(&Path, &str)>,
    sources: &HashSet<&str>,
) -> Result<Vec<Place>, Vec<Problem>> {
    let Some((label, text)) = text else {
        return Ok(Vec::new());
    };
    let places: Vec<Place> = read::parse_list(text, label, &mut |_| {}).map_err(|p| vec![p])?;
    let problems = check(&places, sources, &|id, message| {
        locate(label, text, id, message)
    });
    if problems.is_empty() {
        Ok(places)
    } else {
        Err(problems)
    }
}

/// A problem at the place `id` in the text of a places file (or the file, if not found).
pub(crate) fn locate(label: &Path, text: &str, id: &str, message: String) -> Problem {
    match text.find(&format!("\"{id}\"")) {
        Some(offset) => {
            let (line, column) = read::line_col(text, offset);
            Problem::at(label, line, column, message)
        }
        None => Problem::in_file(label, message),
    }
}

/// Checks parsed places: unique ids, `within` naming a place, no place inside itself, sources that
/// exist. `at` turns a place id and a message into a problem located in the file the place came
/// from (with layers, that layer's `places.ron`).
pub(crate) fn check(
    places: &[Place],
    sources: &HashSet<&str>,
    at: &dyn Fn(&str, String) -> Problem,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let ids: HashSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
    let mut seen = HashSet::new();
    for p in places {
        let id = p.id.as_str();
        if !seen.insert(id) {
            problems.push(at(
                id,
                format!("place `{id}` appears twice; ids must be unique"),
            ));
        }
        if !p.id.is_slug() {
            problems.push(at(
                id,
                format!("place id `{id}` must be a lowercase slug (a-z, 0-9, single hyphens)"),
            ));
        }
        if let Some(w) = &p.within
            && !ids.contains(w.as_str())
        {
            problems.push(at(
                id,
                format!(
                    "place `{id}` is within `{}`, which is not a place in the data",
                    w.as_str()
                ),
            ));
        }
        if p.sources.is_empty() {
            problems.push(at(id, format!("place `{id}` needs at least one source")));
        }
        for s in &p.sources {
            if !sources.contains(s.source.as_str()) {
                problems.push(at(
                    id,
                    format!(
                        "place `{id}` cites source `{}`, which is not in sources.ron",
                        s.source.as_str()
                    ),
                ));
            }
        }
    }
    if problems.is_empty() {
        let g = Gazetteer::new(places);
        for (i, p) in places.iter().enumerate() {
            let chain = g.chain(i);
            let last = &places[*chain.last().unwrap_or(&i)];
            if last.within.is_some() {
                problems.push(at(
                    p.id.as_str(),
                    format!(
                        "place `{}` lies, through others, within itself",
                        p.id.as_str()
                    ),
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Gazetteer {
        let text = include_str!("../data/places.ron");
        let sources: Vec<crate::model::Source> = read::parse_list(
            include_str!("../data/sources.ron"),
            Path::new("sources.ron"),
            &mut |_| {},
        )
        .expect("sources parse");
        let ids: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        Gazetteer::new(
            &load(Some((Path::new("data/places.ron"), text)), &ids).expect("places load"),
        )
    }

    #[test]
    fn a_neighbourhood_lies_in_its_district_and_city() {
        let g = bundled();
        let f = g.fact(Some("Sinsa"), Some("Seoul")).expect("known");
        assert_eq!(
            f.text,
            "Sinsa-dong (신사동) is in Seoul (서울), South Korea"
        );
        assert_eq!(g.at_level(&f, PlaceLevel::District), Vec::<&str>::new());
        assert!(
            f.ambiguity
                .as_deref()
                .is_some_and(|a| a.contains("more than one Sinsa-dong"))
        );
        let f = g.fact(Some("Cheongdam, Gangnam"), None).expect("known");
        assert!(
            f.text
                .starts_with("Cheongdam-dong (청담동) is in Gangnam-gu"),
            "{}",
            f.text
        );
        assert_eq!(f.ambiguity, None);
        let f = g.fact(Some("Garosu-gil"), None).expect("known");
        assert_eq!(g.at_level(&f, PlaceLevel::District), ["Gangnam-gu"]);
        assert_eq!(g.fact(Some("Nowhere"), None), None);
    }

    #[test]
    fn bad_places_are_reported_with_their_line() {
        let ids: HashSet<&str> = ["s"].into_iter().collect();
        let text = "[\n (id: \"a\", name: \"A\", level: City, within: \"b\", sources: [(source: \"s\", section: \"x\")]),\n (id: \"c\", name: \"C\", level: City, sources: [(source: \"nope\", section: \"x\")]),\n]";
        let problems = load(Some((Path::new("places.ron"), text)), &ids).unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            shown
                .iter()
                .any(|p| p.starts_with("places.ron:2:") && p.contains("within `b`")),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|p| p.starts_with("places.ron:3:") && p.contains("`nope`")),
            "{shown:?}"
        );
        let looped = "[(id: \"a\", name: \"A\", level: City, within: \"a\", sources: [(source: \"s\", section: \"x\")])]";
        assert!(load(Some((Path::new("p.ron"), looped)), &ids).is_err());
    }
}
