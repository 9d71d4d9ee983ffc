//! `clinic-explorer new KIND "Name" --into DIR`: the scaffold of a record in a layer of one's own.
//!
//! It appends a commented record with every field of its kind to the layer's file (creating the
//! directory and the file if needed), the id made from the name; what is not known yet holds a
//! placeholder (`"FILL IN: ..."` in text, `FILL_IN` where a word from a list or a number goes) that
//! `check` reports until it is written in. Then it runs `check` on the data with the layer on top
//! and says what is left to fill in.

use super::EXIT_FAILURE;
use crate::dataset::{DataSource, Dataset, PLACEHOLDER};
use crate::error::Error;
use clap::ValueEnum;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The kinds of record the scaffold writes: the explorer's five and the sources they cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    /// A condition (conditions.ron).
    Condition,
    /// A therapy (therapies.ron).
    Therapy,
    /// A clinic (clinics.ron).
    Clinic,
    /// A cost range (the `ranges` of costs.ron).
    Cost,
    /// A travel fact (travel.ron).
    Travel,
    /// A source document the others cite (sources.ron).
    Source,
}

impl NewKind {
    /// Every kind, in the order help lists them.
    pub const ALL: [NewKind; 6] = [
        NewKind::Condition,
        NewKind::Therapy,
        NewKind::Clinic,
        NewKind::Cost,
        NewKind::Travel,
        NewKind::Source,
    ];

    /// The word for it.
    pub fn name(self) -> &'static str {
        match self {
            NewKind::Condition => "condition",
            NewKind::Therapy => "therapy",
            NewKind::Clinic => "clinic",
            NewKind::Cost => "cost",
            NewKind::Travel => "travel",
            NewKind::Source => "source",
        }
    }

    /// The data file it goes in.
    pub fn file(self) -> &'static str {
        match self {
            NewKind::Condition => "conditions.ron",
            NewKind::Therapy => "therapies.ron",
            NewKind::Clinic => "clinics.ron",
            NewKind::Cost => "costs.ron",
            NewKind::Travel => "travel.ron",
            NewKind::Source => "sources.ron",
        }
    }

    /// The fields of the record, as the lines of its template (indented by eight spaces in the file).
    fn template(self) -> &'static str {
        match self {
            NewKind::Condition => CONDITION,
            NewKind::Therapy => THERAPY,
            NewKind::Clinic => CLINIC,
            NewKind::Cost => COST,
            NewKind::Travel => TRAVEL,
            NewKind::Source => SOURCE,
        }
    }
}

/// What a source reference looks like before it is filled in.
const SOURCES: &str = r#"// Where every fact comes from: a source id (sources.ron of any layer; `new source` adds one)
// and where in that document. List each document the record draws on.
sources: [(source: "FILL IN: source id", section: "FILL IN: heading or table in that document")],"#;

const CLINIC: &str = r#"// Other spellings and names, the Korean name where known.
aliases: [],
// Two or three neutral sentences in your own words: what it is and why it is listed.
summary: "FILL IN: what this place is and why it is listed",
// The kind of place: "clinic", "university hospital", "medical practice"...
institution: "FILL IN: clinic, university hospital or medical practice",
// City and district or neighbourhood as the source gives them ("Gangnam", "Sinsa").
// city: "Seoul",
// district: "Gangnam",
// Doctors the source names, with the role it gives: [(name: "Dr. ...", role: "...")].
doctors: [],
// Ids of the therapies a source says it offers (`clinic-explorer list therapy`).
therapies: [],
// Named techniques, kits and programmes in the clinic's own terms.
techniques: [],
// Rooms and equipment as stated.
facilities: [],
// Designations and approvals exactly as the source states them.
certifications: [],
// Its web address, only when a source prints one.
// website: "https://...",
// Pairs compared across clinics: [("Focus", "..."), ("Mentioned as", "...")].
attributes: [],
// Praise and marketing, never facts: [(text: "...", by: Clinic, source: (source: "...", section: "..."))].
claims: [],
"#;

const CONDITION: &str = r#"// Abbreviations and other names.
aliases: [],
// Two or three neutral sentences in your own words.
summary: "FILL IN: what this condition is",
// One of: "Hair loss", "Scars", "Skin", "Joints", "Tendons and ligaments", "Muscles", "Spine",
// "Sexual health", "Systemic", "Research direction".
category: "FILL IN: category",
// The id of the condition this one is a type of.
// parent: "condition-id",
// Symptoms and signs, causes and risk factors, as the source lists them.
symptoms: [],
causes: [],
// Ids of therapies a source says are used or considered for it.
therapies: [],
// true when the source names it only as a direction of research.
research_only: false,
// Other facts, each with its source: [(text: "...", source: (source: "...", section: "..."))].
notes: [],
// Comparable pairs: [("Name", "value")].
attributes: [],
"#;

const THERAPY: &str = r#"// Abbreviations and other names.
aliases: [],
// One or two neutral sentences saying what it is.
summary: "FILL IN: what this therapy is",
// One of: CellTherapy, CellFreeBiologic, Surgery, CosmeticProcedure, Device, Drug, Processing, Research.
category: FILL_IN,
// Where the cells or material come from; Autologous, Allogeneic, Either or Plant.
// cell_source: "...",
// origin: Autologous,
// How it is thought to work, as the source explains it.
// mechanism: "...",
// Ways it is given (scalp injection, IV, topical...).
delivery: [],
// procedure_time: "...",
// sessions: "...",
// recovery: "...",
// Spans in weeks from the procedure: [(label: "Recovery", text: "...", from_weeks: 0, to_weeks: 2)].
timeline: [],
// [(effect: "...", rate: "...")]; the rate only where the source gives one.
side_effects: [],
// Exactly as the source states it, never upgraded: Established, Emerging, Investigational,
// ResearchOnly, or NotStated.
evidence: FILL_IN,
// evidence_note: "the source's view of the evidence, paraphrased",
// Approval and legal status, and other facts, each with its source:
// [(text: "...", source: (source: "...", section: "..."))].
regulatory: [],
notes: [],
// Comparable pairs: [("Name", "value")].
attributes: [],
// Marketing, never facts: [(text: "...", by: Clinic, source: (source: "...", section: "..."))].
claims: [],
"#;

const COST: &str = r#"// Other names.
aliases: [],
// What the figure covers and any caveat, in your own words.
summary: "FILL IN: what this figure covers",
// The id of a cost group (costs.ron of any layer: `clinic-explorer list cost` shows them charted).
group: "FILL IN: cost group id",
// Ids of the therapies the figure prices, only where it prices a specific one.
therapies: [],
// Country or region as the source groups it.
country: "FILL IN: country",
// Whole units of the currency; min = max for a single figure, max left out when open-ended.
min: FILL_IN,
// max: 0,
// The source's wording: From, FromAbout, Plus, Over, AsLowAs, Average, UpTo, Near, About.
// qualifier: From,
// Ids of ranges giving a different figure for the same thing.
disagrees_with: [],
// USD or KRW, as the source gives it.
currency: FILL_IN,
// PerSession, PerJointPerSession, FullCourse, PerTreatment, PerNight, PerMeal, PerRide or PerDay.
unit: FILL_IN,
// The year the figure applies to.
year: FILL_IN,
// Budget, Mid or Luxury, for accommodation, transport and food only.
// tier: Mid,
"#;

const TRAVEL: &str = r#"// Other names and abbreviations.
aliases: [],
// What the source says, in your own words, neutral.
summary: "FILL IN: what the source says",
// Visa, Stay, Journey, BeforeTreatment, AfterTreatment, FollowUp, Question, Help, CostFactor,
// Regulation or Practical.
topic: FILL_IN,
// Position among records of the same topic.
// order: 1,
// One key value: a phone number, a duration.
// value: "...",
// For a visa: the longest stay it covers, in days.
// max_days: 90,
// The entries of a list: documents, steps, instructions.
items: [],
// Ids of records from another source that say something different.
disagrees_with: [],
"#;

const SOURCE: &str = r#"// The site, newspaper, agency or clinic that published it.
publisher: "FILL IN: publisher",
// author: "...",
// date: "2026-01-01",
// url: "https://...",
// retrieved: "2026-01-01",
// true for facts from outside the five documents the bundled data comes from.
external: true,
// What kind of document it is (a price list, a brochure...), so a reader can weigh it.
// note: "...",
"#;

/// The id made from a name: lowercase ASCII letters and digits, other runs of characters as one
/// hyphen. Empty when the name has no ASCII letter or digit.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A RON string literal.
fn quoted(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The record as it is written into the file: a comment, then the record, indented for a list.
pub fn record(kind: NewKind, id: &str, name: &str) -> String {
    let mut r = format!(
        "    // A new {} from `clinic-explorer new`: write in every {PLACEHOLDER}, uncomment the optional\n",
        kind.name()
    );
    r.push_str(
        "    // lines you have facts for (remove the rest), then run `clinic-explorer --layer DIR check`.\n",
    );
    r.push_str("    (\n");
    let _ = writeln!(r, "        id: {},", quoted(id));
    let name_field = if kind == NewKind::Source {
        "title"
    } else {
        "name"
    };
    let _ = writeln!(r, "        {name_field}: {},", quoted(name));
    let sources = if kind == NewKind::Source { "" } else { SOURCES };
    for line in kind.template().lines().chain(sources.lines()) {
        let _ = writeln!(r, "        {line}");
    }
    r.push_str("    ),\n");
    r
}

/// The text of a new file holding just `record`.
fn new_file(kind: NewKind, record: &str) -> String {
    match kind {
        NewKind::Cost => format!(
            "// Costs of this layer: its ranges may use the groups and exchange rates of any layer.\n(\n    exchange_rates: [],\n    groups: [],\n    ranges: [\n{}    ],\n)\n",
            indent(record)
        ),
        _ => format!("[\n{record}]\n"),
    }
}

/// Each line four spaces further in.
fn indent(record: &str) -> String {
    record.lines().map(|l| format!("    {l}\n")).collect()
}

/// The bytes of `text` that are code (outside strings and comments), each with its position and
/// the bracket depth before it; a string counts as one code byte, its opening quote.
fn code(text: &str) -> Vec<(usize, u8, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                out.push((i, b'"', depth));
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(b.len(), |j| i + 3 + j);
            }
            c if c.is_ascii_whitespace() => {}
            c @ (b'[' | b'(' | b'{') => {
                out.push((i, c, depth));
                depth += 1;
            }
            c @ (b']' | b')' | b'}') => {
                depth = depth.saturating_sub(1);
                out.push((i, c, depth));
            }
            c => out.push((i, c, depth)),
        }
        i += 1;
    }
    out
}

/// Where a new record goes in a file's text: just after the last element of its list (`comma`
/// when that element has none after it) or after its `[`, and where the list's `]` is.
#[derive(Debug, PartialEq, Eq)]
struct Slot {
    after: usize,
    comma: bool,
    close: usize,
}

/// The slot of the file's list, or of the `ranges` of costs.ron; `None` when the text is not such
/// a list.
fn slot(kind: NewKind, text: &str) -> Option<Slot> {
    let code = code(text);
    let open = if kind == NewKind::Cost {
        let (_, first, _) = code.first()?;
        (*first == b'(').then_some(())?;
        // `ranges` `:` `[` at the struct's own level.
        code.windows(8).find_map(|w| {
            let word: Vec<u8> = w[..6].iter().map(|c| c.1).collect();
            let joined = w[..6].windows(2).all(|p| p[1].0 == p[0].0 + 1);
            let before = text[..w[0].0].chars().next_back();
            (word == b"ranges"
                && joined
                && w[0].2 == 1
                && before.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_')
                && w[6].1 == b':'
                && w[7].1 == b'[')
                .then_some(w[7].0)
        })?
    } else {
        let (at, first, _) = *code.first()?;
        (first == b'[').then_some(at)?
    };
    let start = code.iter().position(|c| c.0 == open)?;
    let depth = code[start].2;
    let end = start + 1 + code[start + 1..].iter().position(|c| c.2 == depth)?;
    (code[end].1 == b']').then_some(())?;
    let (last_at, last, _) = code[end - 1];
    let last_end = if last == b'"' {
        // The end of the string: the quote that closes it.
        let b = text.as_bytes();
        let mut i = last_at + 1;
        while i < b.len() && b[i] != b'"' {
            i += if b[i] == b'\\' { 2 } else { 1 };
        }
        i + 1
    } else {
        last_at + 1
    };
    Some(Slot {
        after: last_end,
        comma: !matches!(last, b'[' | b','),
        close: code[end].0,
    })
}

/// The file's text with `record` added at the end of its list; `None` when the scaffold cannot
/// find the list (or the `ranges` of costs.ron).
fn append(kind: NewKind, text: &str, record: &str) -> Option<String> {
    let s = slot(kind, text)?;
    let line_start = text[..s.close].rfind('\n').map_or(0, |i| i + 1);
    let close_indent = &text[line_start..s.close];
    let (head, close_indent) = if close_indent.trim().is_empty() && line_start > s.after {
        (&text[..line_start], close_indent)
    } else {
        (&text[..s.close], "")
    };
    let mut out = String::with_capacity(text.len() + record.len() + 8);
    out.push_str(&head[..s.after]);
    if s.comma {
        out.push(',');
    }
    let between = head[s.after..].trim_end();
    out.push_str(between);
    out.push('\n');
    if kind == NewKind::Cost {
        out.push_str(&indent(record));
    } else {
        out.push_str(record);
    }
    out.push_str(close_indent);
    out.push_str(&text[s.close..]);
    Some(out)
}

/// Runs `new`: writes the record and reports what `check` says of the layer.
pub fn run(
    source: &DataSource,
    layers: &[PathBuf],
    kind: NewKind,
    name: &str,
    id: Option<&str>,
    into: &Path,
) -> ExitCode {
    let name = name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        eprintln!("clinic-explorer: the name must be one line of text, not empty");
        return ExitCode::from(super::EXIT_USAGE);
    }
    let id = id.map_or_else(|| slug(name), str::to_owned);
    if !crate::model::Id(id.clone()).is_slug() {
        eprintln!(
            "clinic-explorer: `{}` cannot be an id; give one with --id (lowercase a-z, 0-9, single hyphens)",
            crate::text::sanitize(&id)
        );
        return ExitCode::from(super::EXIT_USAGE);
    }
    let file = into.join(kind.file());
    let shown = crate::text::sanitize(&file.display().to_string());
    let record = record(kind, &id, name);
    let text = if file.exists() {
        let old =
            match crate::safe_file::read_capped(&file, crate::dataset::MAX_FILE_BYTES, "data file")
                .map_err(|e| e.to_string())
                .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8 text".to_owned()))
            {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("clinic-explorer: {shown}: {}", crate::text::sanitize(&e));
                    return ExitCode::from(EXIT_FAILURE);
                }
            };
        if has_id(&old, &id) {
            eprintln!(
                "clinic-explorer: {shown} already has a record `{id}`; an id appears once in a layer (give another with --id)"
            );
            return ExitCode::from(EXIT_FAILURE);
        }
        match append(kind, &old, &record) {
            Some(t) => t,
            None => {
                eprintln!(
                    "clinic-explorer: {shown}: cannot find where its list ends; add the record by hand:\n{record}"
                );
                return ExitCode::from(EXIT_FAILURE);
            }
        }
    } else {
        new_file(kind, &record)
    };
    if let Err(e) = write(into, &file, &text) {
        eprintln!(
            "clinic-explorer: {shown}: {}",
            crate::text::sanitize(&e.to_string())
        );
        return ExitCode::from(EXIT_FAILURE);
    }
    let line = text[..text.find(&format!("id: {}", quoted(&id))).unwrap_or(0)]
        .lines()
        .count();
    outln!("Added {} `{id}` to {shown} (line {line}).", kind.name());
    let mut layers = layers.to_vec();
    if !layers.iter().any(|l| same_dir(l, into)) {
        layers.push(into.to_path_buf());
    }
    let replaced = replaces(source, &layers, into, kind, &id);
    if let Some(layer) = replaced {
        outln!(
            "It has the id of a record of {layer}: this one replaces it whole (the explorer says so on it). Give it another id with --id to add one instead."
        );
    }
    match Dataset::check_layers(source, &layers) {
        Ok(_) => outln!("check: the data with this layer is valid; nothing is left to fill in."),
        Err(Error::Invalid(mut problems)) => {
            problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            let n = problems.len();
            outln!(
                "Left to fill in: {n} problem{} `check` reports (a run with this layer stops on them until they are fixed):",
                if n == 1 { "" } else { "s" }
            );
            for p in &problems {
                outln!("  {p}");
            }
            outln!(
                "When they are fixed: clinic-explorer --layer {} check",
                crate::text::sanitize(&into.display().to_string())
            );
        }
        Err(e) => outln!("check: {e}"),
    }
    ExitCode::SUCCESS
}

/// True when the text has a record with this id.
fn has_id(text: &str, id: &str) -> bool {
    let quoted = quoted(id);
    text.match_indices(&quoted).any(|(i, _)| {
        let before = text[..i].trim_end();
        before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("id")
    })
}

/// Writes the file through a temporary one in the same directory, creating the directory.
fn write(dir: &Path, file: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The layer (or "the bundled data") whose record of this id the new one replaces, if any.
fn replaces(
    source: &DataSource,
    layers: &[PathBuf],
    into: &Path,
    kind: NewKind,
    id: &str,
) -> Option<String> {
    let below: Vec<PathBuf> = layers
        .iter()
        .filter(|l| !same_dir(l, into))
        .cloned()
        .collect();
    let data = Dataset::load_layers(source, &below).ok()?;
    let kind = match kind {
        NewKind::Source => {
            // Sources have no layer of their own on record: say only that one is there.
            return data
                .sources
                .iter()
                .any(|s| s.id.as_str() == id)
                .then(|| "the data below this layer".to_owned());
        }
        NewKind::Condition => crate::model::Kind::Condition,
        NewKind::Therapy => crate::model::Kind::Therapy,
        NewKind::Clinic => crate::model::Kind::Clinic,
        NewKind::Cost => crate::model::Kind::Cost,
        NewKind::Travel => crate::model::Kind::Travel,
    };
    data.get(kind, id)?;
    Some(match data.layer_of(kind, id) {
        Some((l, _)) if l.dir.is_some() => format!("layer `{}`", crate::text::sanitize(&l.name)),
        Some(_) => "the bundled data".to_owned(),
        None => match source {
            DataSource::Bundled => "the bundled data".to_owned(),
            DataSource::Dir(d) => crate::text::sanitize(&d.display().to_string()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_the_name_as_a_slug() {
        assert_eq!(slug("Partner Gangnam Clinic"), "partner-gangnam-clinic");
        assert_eq!(
            slug("  Dr. Kim's  PRP & Hair (Seoul) "),
            "dr-kim-s-prp-hair-seoul"
        );
        assert_eq!(slug("강남 클리닉"), "");
    }

    #[test]
    fn a_record_is_appended_after_the_last_one_whatever_follows_it() {
        let rec = record(NewKind::Clinic, "b", "B");
        // The last element has no comma and a comment after it; the list ends on its own line.
        let text =
            "// head\n[\n    (id: \"a\", name: \"a ] (\"), // note\n    // more\n]\n// tail\n";
        let text = text.replacen("), // note", ") // note", 1);
        let out = append(NewKind::Clinic, &text, &rec).unwrap();
        assert!(
            out.contains("(id: \"a\", name: \"a ] (\"), // note\n    // more\n"),
            "{out}"
        );
        assert!(out.ends_with("    ),\n]\n// tail\n"), "{out}");
        // An empty list, on one line.
        let out = append(NewKind::Clinic, "[]", &rec).unwrap();
        assert!(
            out.starts_with("[\n    // A new clinic") && out.ends_with("    ),\n]"),
            "{out}"
        );
        // Not a list: nothing is written.
        assert_eq!(append(NewKind::Clinic, "(a: 1)", &rec), None);
    }

    #[test]
    fn a_cost_goes_into_the_ranges_of_the_costs_struct() {
        let rec = record(NewKind::Cost, "c", "C");
        let text = "(\n    exchange_rates: [],\n    groups: [(id: \"ranges\", name: \"ranges: [\")],\n    ranges: [\n        (id: \"x\"),\n    ],\n    percentages: [],\n)\n";
        let out = append(NewKind::Cost, text, &rec).unwrap();
        let at = out.find("id: \"c\"").unwrap();
        assert!(out.find("id: \"x\"").unwrap() < at, "{out}");
        assert!(at < out.find("percentages").unwrap(), "{out}");
        assert!(
            out.contains("        ),\n    ],\n    percentages: [],\n)\n"),
            "{out}"
        );
        let fresh = new_file(NewKind::Cost, &rec);
        assert!(slot(NewKind::Cost, &fresh).is_some(), "{fresh}");
    }
}
