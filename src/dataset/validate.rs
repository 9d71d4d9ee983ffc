//! Checks a parsed dataset: unique ids, links that resolve, sources that exist, sane figures, clean text.
//! Every problem is collected, so one run of `check` reports them all.

use super::{Dataset, FileText};
use crate::error::Problem;
use crate::model::{Id, Record, SourceRef};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Finds where things are in a file's text, so problems found after parsing still get a line and
/// column; with layers, in the file of the layer each record came from.
struct Locator<'a> {
    /// The file of this name in each layer, in load order.
    files: Vec<&'a FileText>,
    /// The layer of each record id of the lists this file holds (none: all from the first).
    layer_of: HashMap<&'a str, usize>,
    /// The file of the layer a record is being checked from.
    file: &'a FileText,
}

impl<'a> Locator<'a> {
    /// A locator for the file `name` of every layer.
    fn new(data: &'a Dataset, layers: &'a [Vec<FileText>], name: &str) -> Locator<'a> {
        let files: Vec<&FileText> = layers
            .iter()
            .filter_map(|files| {
                files
                    .iter()
                    .find(|f| f.label.file_name().is_some_and(|n| n == name))
            })
            .collect();
        Locator {
            file: files[0],
            layer_of: data.provenance.layers_of_file(data, name),
            files,
        }
    }

    /// The same locator, pointed at the file of the layer record `id` came from.
    fn of(&self, id: &Id) -> Locator<'a> {
        let layer = self.layer_of.get(id.as_str()).copied().unwrap_or(0);
        Locator {
            files: self.files.clone(),
            layer_of: HashMap::new(),
            file: self.files.get(layer).copied().unwrap_or(self.files[0]),
        }
    }

    /// A problem located at the `nth` record whose `id` is `id` (or the file, if not found).
    fn at_record(&self, id: &str, nth: usize, message: String) -> Problem {
        self.at_value_in_record(id, nth, None, message)
    }

    /// A problem located at a quoted `value` inside the record `id` (falling back to the record).
    fn at_value_in_record(
        &self,
        id: &str,
        nth: usize,
        value: Option<&str>,
        message: String,
    ) -> Problem {
        let text = &self.file.text;
        let record = find_id(text, id, nth);
        let offset = match (record, value) {
            (Some(start), Some(v)) => find_quoted(text, start, v).or(Some(start)),
            (start, _) => start,
        };
        match offset {
            Some(o) => {
                let (line, col) = super::read::line_col(text, o);
                Problem::at(&self.file.label, line, col, message)
            }
            None => Problem::in_file(&self.file.label, message),
        }
    }
}

/// A problem at the `nth` (0-based) record `id` of one file.
pub(super) fn locate(file: &FileText, id: &str, nth: usize, message: String) -> Problem {
    Locator {
        files: vec![file],
        layer_of: HashMap::new(),
        file,
    }
    .at_record(id, nth, message)
}

/// Byte offset of the `nth` (0-based) `id: "ID"` in the text.
fn find_id(text: &str, id: &str, nth: usize) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    text.match_indices(&quoted)
        .filter(|(i, _)| {
            let before = text[..*i].trim_end();
            before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("id")
        })
        .nth(nth)
        .map(|(i, _)| i)
}

/// Byte offset of the first `"value"` at or after `from`.
fn find_quoted(text: &str, from: usize, value: &str) -> Option<usize> {
    let quoted = format!("\"{value}\"");
    text[from..].find(&quoted).map(|i| i + from)
}

/// Validates the dataset against the files it was parsed from (those of each layer, in load order);
/// returns every problem.
pub(crate) fn validate(data: &Dataset, layers: &[Vec<FileText>]) -> Vec<Problem> {
    let mut v = Validator {
        problems: Vec::new(),
        sources: data.sources.iter().map(|s| s.id.0.clone()).collect(),
    };

    let files = Locator::new(data, layers, "sources.ron");
    let mut seen = HashSet::new();
    for s in &data.sources {
        let loc = files.of(&s.id);
        let nth = v.unique(&loc, &mut seen, &s.id);
        v.text_fields(&loc, &s.id, nth, s);
        if s.title.trim().is_empty() || s.publisher.trim().is_empty() {
            v.problems.push(loc.at_record(
                &s.id.0,
                nth,
                "a source needs a title and a publisher".into(),
            ));
        }
    }

    let conditions: HashSet<&str> = data.conditions.iter().map(|c| c.id.as_str()).collect();
    let therapies: HashSet<&str> = data.therapies.iter().map(|c| c.id.as_str()).collect();

    let files = Locator::new(data, layers, "conditions.ron");
    let mut seen = HashSet::new();
    for c in &data.conditions {
        let loc = files.of(&c.id);
        let nth = v.record(&loc, &mut seen, c);
        if let Some(p) = &c.parent {
            v.link(
                &loc,
                c.id(),
                nth,
                p,
                &conditions,
                "condition",
                "conditions.ron",
            );
            if p == &c.id {
                v.problems.push(loc.at_record(
                    &c.id.0,
                    nth,
                    "a condition cannot be its own parent".into(),
                ));
            }
        }
        for t in &c.therapies {
            v.link(&loc, c.id(), nth, t, &therapies, "therapy", "therapies.ron");
        }
        for n in &c.notes {
            v.source_ref(&loc, c.id(), nth, &n.source);
        }
    }
    v.parent_cycles(data, &files);

    let files = Locator::new(data, layers, "therapies.ron");
    let mut seen = HashSet::new();
    for t in &data.therapies {
        let loc = files.of(&t.id);
        let nth = v.record(&loc, &mut seen, t);
        for n in t.regulatory.iter().chain(&t.notes) {
            v.source_ref(&loc, t.id(), nth, &n.source);
        }
        for m in &t.timeline {
            let bad = !m.from_weeks.is_finite()
                || m.from_weeks < 0.0
                || m.to_weeks
                    .is_some_and(|to| !to.is_finite() || to < m.from_weeks);
            if bad {
                v.problems.push(loc.at_value_in_record(
                    &t.id.0,
                    nth,
                    Some(&m.label),
                    format!("timeline `{}`: weeks must be zero or more, and `to_weeks` no less than `from_weeks`", m.label),
                ));
            }
        }
    }

    let files = Locator::new(data, layers, "clinics.ron");
    let mut seen = HashSet::new();
    for c in &data.clinics {
        let loc = files.of(&c.id);
        let nth = v.record(&loc, &mut seen, c);
        for t in &c.therapies {
            v.link(&loc, c.id(), nth, t, &therapies, "therapy", "therapies.ron");
        }
        if c.institution.trim().is_empty() {
            v.problems.push(loc.at_record(
                &c.id.0,
                nth,
                "`institution` is empty; say what it is (clinic, hospital...)".into(),
            ));
        }
    }

    let files = Locator::new(data, layers, "costs.ron");
    let groups: HashSet<&str> = data.costs.groups.iter().map(|g| g.id.as_str()).collect();
    let mut seen = HashSet::new();
    for g in &data.costs.groups {
        let loc = files.of(&g.id);
        let nth = v.unique(&loc, &mut seen, &g.id);
        v.text_fields(&loc, &g.id, nth, g);
    }
    let mut seen = HashSet::new();
    for r in &data.costs.exchange_rates {
        let loc = files.of(&r.id);
        let nth = v.unique(&loc, &mut seen, &r.id);
        v.text_fields(&loc, &r.id, nth, r);
        v.sources_of(&loc, &r.id, nth, &r.sources);
        if !(r.krw_per_usd.is_finite() && r.krw_per_usd > 0.0) {
            v.problems.push(loc.at_record(
                &r.id.0,
                nth,
                "`krw_per_usd` must be a positive number".into(),
            ));
        }
    }
    if data.costs.exchange_rates.is_empty() {
        v.problems.push(Problem::in_file(
            &files.file.label,
            "`exchange_rates` is empty; at least one dated rate is needed to convert figures",
        ));
    }
    for p in &data.costs.percentages {
        let loc = files.of(&p.id);
        let nth = v.unique(&loc, &mut seen, &p.id);
        v.text_fields(&loc, &p.id, nth, p);
        v.sources_of(&loc, &p.id, nth, &p.sources);
        let ok =
            p.min.is_finite() && p.min >= 0.0 && p.max.is_none_or(|m| m.is_finite() && m >= p.min);
        if !ok {
            v.problems.push(loc.at_record(
                &p.id.0,
                nth,
                "percentages must be zero or more, and `max` no less than `min`".into(),
            ));
        }
    }
    let mut seen = HashSet::new();
    for c in &data.costs.ranges {
        let loc = files.of(&c.id);
        let nth = v.record(&loc, &mut seen, c);
        for t in &c.therapies {
            v.link(&loc, c.id(), nth, t, &therapies, "therapy", "therapies.ron");
        }
        if !groups.contains(c.group.as_str()) {
            v.problems.push(loc.at_value_in_record(
                &c.id.0,
                nth,
                Some(c.group.as_str()),
                format!("`group: \"{}\"` is not a group id in `groups`", c.group),
            ));
        }
        match (c.min, c.max) {
            (None, None) => v.problems.push(loc.at_record(
                &c.id.0,
                nth,
                "a cost range needs `min`, `max` or both".into(),
            )),
            (Some(lo), Some(hi)) if lo > hi => v.problems.push(loc.at_record(
                &c.id.0,
                nth,
                format!("`min` ({lo}) is greater than `max` ({hi})"),
            )),
            _ => {}
        }
        if !(1900..=2100).contains(&c.year) {
            v.problems.push(loc.at_record(
                &c.id.0,
                nth,
                format!("`year` {} is not a plausible year", c.year),
            ));
        }
        if let Some(p) = crate::model::shape_problem(c.min, c.max, c.qualifier) {
            v.problems.push(loc.at_record(&c.id.0, nth, p));
        }
    }
    let costs: HashSet<&str> = data.costs.ranges.iter().map(|c| c.id.as_str()).collect();
    let mut seen = HashSet::new();
    for c in &data.costs.ranges {
        let loc = files.of(&c.id);
        let nth = usize::from(!seen.insert(c.id.as_str()));
        for d in &c.disagrees_with {
            v.link(&loc, c.id(), nth, d, &costs, "cost range", "costs.ron");
        }
    }
    let mut seen = HashSet::new();
    for p in &data.costs.percentages {
        let loc = files.of(&p.id);
        let nth = usize::from(!seen.insert(p.id.as_str()));
        for d in &p.costs {
            v.link(&loc, &p.id, nth, d, &costs, "cost range", "costs.ron");
        }
    }

    let files = Locator::new(data, layers, "travel.ron");
    let travel: HashSet<&str> = data.travel.iter().map(|t| t.id.as_str()).collect();
    let mut seen = HashSet::new();
    for t in &data.travel {
        let loc = files.of(&t.id);
        let nth = v.record(&loc, &mut seen, t);
        for d in &t.disagrees_with {
            v.link(&loc, t.id(), nth, d, &travel, "travel fact", "travel.ron");
        }
    }
    v.problems
}

struct Validator {
    problems: Vec<Problem>,
    sources: HashSet<String>,
}

impl Validator {
    /// Checks an id is a slug and not seen before; returns which occurrence of it this is.
    fn unique(&mut self, loc: &Locator, seen: &mut HashSet<String>, id: &Id) -> usize {
        let nth = usize::from(!seen.insert(id.0.clone()));
        if nth > 0 {
            self.problems.push(loc.at_record(
                &id.0,
                nth,
                format!("id `{id}` is used twice; ids must be unique"),
            ));
        }
        if !id.is_slug() {
            self.problems.push(loc.at_record(
                &id.0,
                nth,
                format!("id `{}` is not a lowercase slug; expected letters a-z, digits and single hyphens, like `{}`", crate::text::sanitize(&id.0), crate::text::slug(&id.0)),
            ));
        }
        nth
    }

    /// The checks every record gets: unique slug id, a name, a summary, sources, clean text, claims.
    fn record<R: Record + Serialize>(
        &mut self,
        loc: &Locator,
        seen: &mut HashSet<String>,
        r: &R,
    ) -> usize {
        let id = r.id();
        let nth = self.unique(loc, seen, id);
        if r.name().trim().is_empty() {
            self.problems
                .push(loc.at_record(&id.0, nth, "`name` is empty".into()));
        }
        if r.summary().trim().is_empty() {
            self.problems.push(loc.at_record(
                &id.0,
                nth,
                "`summary` is empty; say in a sentence what it is".into(),
            ));
        }
        self.sources_of(loc, id, nth, r.sources());
        for c in r.claims() {
            self.source_ref(loc, id, nth, &c.source);
        }
        let mut names = HashSet::new();
        for a in r.attributes() {
            if !names.insert(a.name()) {
                self.problems.push(loc.at_value_in_record(
                    &id.0,
                    nth,
                    Some(a.name()),
                    format!("attribute `{}` is given twice", a.name()),
                ));
            }
        }
        self.text_fields(loc, id, nth, r);
        nth
    }

    /// Every string field must be free of control characters (they could drive the terminal).
    fn text_fields(&mut self, loc: &Locator, id: &Id, nth: usize, value: &impl Serialize) {
        super::strings::control_chars(value, &mut |path, c| {
            self.problems.push(loc.at_record(
                &id.0,
                nth,
                format!("`{path}` contains a control character (U+{:04X}); strings must be one line of plain text", c as u32),
            ));
        });
        super::strings::placeholders(value, &mut |path, text| {
            self.problems.push(loc.at_value_in_record(
                &id.0,
                nth,
                Some(text),
                format!(
                    "`{path}` still holds the placeholder `{}`; write the value in",
                    super::strings::PLACEHOLDER
                ),
            ));
        });
    }

    fn sources_of(&mut self, loc: &Locator, id: &Id, nth: usize, sources: &[SourceRef]) {
        if sources.is_empty() {
            self.problems.push(loc.at_record(
                &id.0,
                nth,
                "`sources` is empty; every record needs at least one source".into(),
            ));
        }
        for s in sources {
            self.source_ref(loc, id, nth, s);
        }
    }

    fn source_ref(&mut self, loc: &Locator, id: &Id, nth: usize, s: &SourceRef) {
        // A placeholder left by the scaffold is reported as one (see `text_fields`).
        let placeholder = s.source.as_str().starts_with(super::strings::PLACEHOLDER);
        if !self.sources.contains(s.source.as_str()) && !placeholder {
            self.problems.push(loc.at_value_in_record(
                &id.0,
                nth,
                Some(s.source.as_str()),
                format!(
                    "source `{}` is not an id in sources.ron",
                    crate::text::sanitize(&s.source.0)
                ),
            ));
        }
        if s.section.trim().is_empty() {
            self.problems.push(loc.at_record(
                &id.0,
                nth,
                format!(
                    "source `{}` needs a `section` saying where in the document",
                    s.source
                ),
            ));
        }
    }

    #[allow(clippy::too_many_arguments)] // one call site per link kind; a struct would only rename them
    fn link(
        &mut self,
        loc: &Locator,
        id: &Id,
        nth: usize,
        target: &Id,
        known: &HashSet<&str>,
        what: &str,
        file: &str,
    ) {
        // A placeholder left by the scaffold is reported as one (see `text_fields`).
        let placeholder = target.as_str().starts_with(super::strings::PLACEHOLDER);
        if !known.contains(target.as_str()) && !placeholder {
            let hint = crate::text::closest(target.as_str(), known.iter().copied(), 1);
            let hint = hint
                .first()
                .map(|h| format!("; did you mean `{h}`?"))
                .unwrap_or_default();
            self.problems.push(loc.at_value_in_record(
                &id.0,
                nth,
                Some(target.as_str()),
                format!(
                    "`{}` is not a {what} id in {file}{hint}",
                    crate::text::sanitize(&target.0)
                ),
            ));
        }
    }

    /// A condition's parent chain must end: no condition may be its own ancestor.
    fn parent_cycles(&mut self, data: &Dataset, loc: &Locator) {
        for c in &data.conditions {
            let mut cur = c.parent.as_ref();
            let mut steps = 0;
            while let Some(p) = cur {
                steps += 1;
                if p == &c.id && steps > 1 {
                    self.problems.push(loc.of(&c.id).at_record(
                        &c.id.0,
                        0,
                        format!(
                            "condition `{}` is its own ancestor through `parent` links",
                            c.id
                        ),
                    ));
                    break;
                }
                if steps > data.conditions.len() {
                    break;
                }
                cur = data
                    .conditions
                    .iter()
                    .find(|x| &x.id == p)
                    .and_then(|x| x.parent.as_ref());
            }
        }
    }
}
