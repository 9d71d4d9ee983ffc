//! Data is written in the project's own words: no string of fact text in `data/*.ron` shares 12 or
//! more consecutive words with a source document.
//!
//! The documents themselves are not in the repository; `tests/fixtures/document-shingles.txt` holds a
//! 64-bit FNV-1a hash of every run of 12 words in them (lowercased ASCII letters and digits, anything
//! else a word break). To rebuild it after a document is added, run
//! `OWN_WORDS_DOCS=<dir or file>[:<dir or file>...] cargo test --test own_words -- --ignored`.
//!
//! Exempt, by an explicit list: names and titles (fields in [`EXEMPT_FIELDS`]), table cells
//! (`attributes`, which rebuild the documents' tables cell for cell), and quoted claims in [`QUOTED`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Words in a run that counts as copied.
const RUN: usize = 12;

/// Fields whose strings are names, titles, places in a document or table cells, not fact text.
const EXEMPT_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "title",
    "publisher",
    "author",
    "date",
    "url",
    "retrieved",
    "section",
    "source",
    "who",
    "attributes",
    "derivation",
];

/// Claims quoted word for word from a document, kept in its words because they are its claims.
const QUOTED: &[&str] = &[];

fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn shingles(s: &str) -> Vec<(u64, String)> {
    let w = words(s);
    w.windows(RUN)
        .map(|run| {
            let joined = run.join(" ");
            (fnv(&joined), joined)
        })
        .collect()
}

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/document-shingles.txt")
}

fn document_hashes() -> HashSet<u64> {
    let text = std::fs::read_to_string(fixture_path()).expect("the shingle fixture exists");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| u64::from_str_radix(l.trim(), 16).expect("hex hash"))
        .collect()
}

/// Every string in a RON value with the field it sits under, skipping exempt fields.
fn fact_strings(v: &ron::Value, field: &str, out: &mut Vec<(String, String)>) {
    if EXEMPT_FIELDS.contains(&field) {
        return;
    }
    match v {
        ron::Value::String(s) => out.push((field.to_owned(), s.clone())),
        ron::Value::Seq(items) => items.iter().for_each(|i| fact_strings(i, field, out)),
        ron::Value::Option(Some(inner)) => fact_strings(inner, field, out),
        ron::Value::Map(m) => {
            for (k, val) in m.iter() {
                let key = match k {
                    ron::Value::String(s) => s.as_str(),
                    _ => field,
                };
                fact_strings(val, key, out);
            }
        }
        _ => {}
    }
}

/// Copied runs in `text`: the first 12-word run found in the documents, if any.
fn copied(text: &str, docs: &HashSet<u64>) -> Option<String> {
    shingles(text)
        .into_iter()
        .find(|(h, _)| docs.contains(h))
        .map(|(_, run)| run)
}

#[test]
fn no_fact_text_repeats_a_document_for_twelve_words() {
    let docs = document_hashes();
    assert!(docs.len() > 10_000, "the fixture holds the documents' runs");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut found = Vec::new();
    for file in clinic_explorer::dataset::FILES {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let value: ron::Value = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&text)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut strings = Vec::new();
        fact_strings(&value, "", &mut strings);
        for (field, s) in strings {
            if QUOTED.contains(&s.as_str()) {
                continue;
            }
            if let Some(run) = copied(&s, &docs) {
                found.push(format!("{file} `{field}`: \"{run}\" in \"{s}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "fact text copied from a document (rewrite it in our own words, or list it as an exception \
         if it is a name, title, table cell or quoted claim):\n{}",
        found.join("\n")
    );
}

#[test]
fn a_sentence_copied_from_a_document_is_caught() {
    let docs = document_hashes();
    let copied_text = "Patients say: most stem cell-based hair loss therapies are currently considered \
                       investigational, and while results are encouraging, treatments are not standardized.";
    assert!(copied(copied_text, &docs).is_some());
    let own = "For hair loss most stem cell therapies are called investigational: not standardised \
               and not guaranteed.";
    assert_eq!(copied(own, &docs), None);
}

#[test]
fn exempt_fields_are_skipped_and_fact_fields_are_not() {
    let v: ron::Value = ron::from_str(
        r#"(name: "a b", summary: "c d", attributes: [("e", "f")], notes: [(text: "g", source: (source: "s", section: "h"))])"#,
    )
    .unwrap();
    let mut out = Vec::new();
    fact_strings(&v, "", &mut out);
    let texts: Vec<&str> = out.iter().map(|(_, s)| s.as_str()).collect();
    assert!(texts.contains(&"c d") && texts.contains(&"g"), "{texts:?}");
    assert!(
        !texts
            .iter()
            .any(|t| ["a b", "e", "f", "s", "h"].contains(t)),
        "{texts:?}"
    );
}

/// Rebuilds the fixture from the documents named in `OWN_WORDS_DOCS`.
#[test]
#[ignore = "needs the documents; run with OWN_WORDS_DOCS set"]
fn rebuild_the_shingle_fixture() {
    let list = std::env::var("OWN_WORDS_DOCS").expect("OWN_WORDS_DOCS names the documents");
    let mut files = Vec::new();
    for part in list.split(':') {
        let p = PathBuf::from(part);
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&p)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .collect();
            entries.sort();
            files.extend(entries);
        } else {
            files.push(p);
        }
    }
    let mut hashes: Vec<u64> = files
        .iter()
        .flat_map(|f| shingles(&std::fs::read_to_string(f).unwrap()))
        .map(|(h, _)| h)
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let mut out = format!(
        "# 64-bit FNV-1a hashes of every {RUN}-word run in the source documents ({} documents).\n\
         # Rebuilt by tests/own_words.rs (rebuild_the_shingle_fixture); see that file.\n",
        files.len()
    );
    for h in hashes {
        out.push_str(&format!("{h:016x}\n"));
    }
    std::fs::write(fixture_path(), out).unwrap();
}
