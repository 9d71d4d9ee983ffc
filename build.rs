//! Checks the bundled data when the crate is built and writes it in the compact form the binary
//! carries, so start-up decodes records instead of parsing and validating RON.
//!
//! A build script cannot depend on the crate it builds, so it mounts the crate's own pure modules
//! (the model, the loader and its validation, the error and text helpers, the safe file reader) from `src/` with `#[path]`:
//! the build runs exactly the code `check` runs, and the form follows every change to the model
//! through serde's derives. A module those files start to `use` needs one line here.
//!
//! A bad bundled file fails the build with the message `check` gives, `FILE:LINE:COLUMN: message`.

// Only the loading path of the mounted modules is used here, and their public items are private to
// this script, so lints that spare exported names (`USD`) would fire.
#![allow(dead_code, unused_imports, unused_macros, clippy::upper_case_acronyms)]

#[path = "src"]
mod mounted {
    pub mod dataset;
    pub mod error;
    pub mod model;
    pub mod places;
    pub mod safe_file;
    pub mod text;
}
use mounted::{dataset, error, model, places, safe_file, text};

use std::hash::Hasher;
use std::path::Path;

fn main() {
    // The mounted modules are rebuilt (and this rerun) when they change; the form id reads these.
    for watched in [
        "data",
        "src/model",
        "src/model.rs",
        "src/dataset",
        "src/dataset.rs",
        "src/places.rs",
        "Cargo.lock",
        // The search index's form id reads every source file.
        "src",
    ] {
        println!("cargo::rerun-if-changed={watched}");
    }
    let data = match dataset::Dataset::check(&dataset::DataSource::Bundled) {
        Ok(d) => d,
        Err(error::Error::Invalid(problems)) => {
            for p in &problems {
                println!("cargo::error={p}");
            }
            println!(
                "cargo::error=the bundled data has {} problem(s); an installed `clinic-explorer check --data data` reports the same",
                problems.len()
            );
            return;
        }
        Err(e) => {
            println!("cargo::error={e}");
            return;
        }
    };
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let form = dataset::form::encode(&data);
    std::fs::write(Path::new(&out).join("bundled.form"), &form).expect("OUT_DIR is writable");
    println!("cargo::rustc-env=CLINIC_EXPLORER_FORM_ID={}", form_id());
    println!("cargo::rustc-env=CLINIC_EXPLORER_INDEX_ID={}", index_id());
    println!("cargo::rustc-cfg=bundled_form");
}

/// Names the layout of the compact form: a hash of the crate's version, the lock file and every
/// source file under `src/model` and `src/dataset`, so a cache written by another build is never read.
fn form_id() -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    let mut files = vec![
        "Cargo.lock".into(),
        "src/model.rs".into(),
        "src/dataset.rs".into(),
    ];
    for dir in ["src/model", "src/dataset"] {
        walk(Path::new(dir), &mut files);
    }
    files.sort();
    for f in &files {
        h.update(f.to_string_lossy().as_bytes());
        h.update(&std::fs::read(f).unwrap_or_default());
        h.write_u8(0);
    }
    format!("{:032x}", h.digest128())
}

/// Names the layout and the contents of the search index the cache keeps beside a dataset: a hash of
/// the crate's version, the lock file and every source file under `src`, since what the index holds
/// follows the search, the facets, the places and the text folding, not only the model.
fn index_id() -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    let mut files = vec!["Cargo.lock".into()];
    walk(Path::new("src"), &mut files);
    files.sort();
    for f in &files {
        h.update(f.to_string_lossy().as_bytes());
        h.update(&std::fs::read(f).unwrap_or_default());
        h.write_u8(0);
    }
    format!("{:032x}", h.digest128())
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}
