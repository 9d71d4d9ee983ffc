//! `clinic-explorer check`: the shipped data is valid, and every kind of bad input gets a clear,
//! located message and exit status 1, never a panic or a hang.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"));
    c.env_remove("CLINIC_EXPLORER_DATA");
    c
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn check(dir: &Path) -> Output {
    bin().arg("check").arg("--data").arg(dir).output().unwrap()
}

/// A copy of the valid fixture dataset in a fresh temporary directory.
fn valid_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for e in fs::read_dir(fixtures().join("data")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), tmp.path().join(e.file_name())).unwrap();
    }
    tmp
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn shipped_data_is_valid_and_counted() {
    let o = bin().arg("check").output().unwrap();
    let out = stdout(&o);
    assert!(o.status.success(), "bundled data invalid:\n{out}");
    assert!(out.contains("bundled data: valid"), "{out}");
    for kind in [
        "conditions",
        "therapies",
        "clinics",
        "costs",
        "travel",
        "sources",
    ] {
        assert!(out.contains(kind), "no count for {kind}:\n{out}");
    }
}

#[test]
fn shipped_data_directory_is_valid_too() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let o = check(&dir);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
fn valid_fixture_prints_counts() {
    let o = check(&fixtures().join("data"));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("conditions          5"), "{out}");
    assert!(out.contains("clinics             2"), "{out}");
}

#[test]
fn data_directory_can_come_from_the_environment() {
    let o = bin()
        .arg("check")
        .env("CLINIC_EXPLORER_DATA", fixtures().join("data"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("clinics             2"));
}

/// Each folder under `tests/fixtures/bad/` holds files that replace those of the valid fixture (and a
/// `REMOVE` file naming one to delete); `expected.txt` is the exact output of `check`, with `{dir}` for
/// the data directory.
#[test]
fn every_bad_fixture_gets_its_located_message_and_exit_1() {
    let mut cases: Vec<_> = fs::read_dir(fixtures().join("bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 15,
        "expected a fixture per kind of bad input"
    );
    for case in cases {
        let tmp = valid_copy();
        for e in fs::read_dir(&case).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "ron") {
                fs::copy(&p, tmp.path().join(p.file_name().unwrap())).unwrap();
            }
        }
        if let Ok(name) = fs::read_to_string(case.join("REMOVE")) {
            fs::remove_file(tmp.path().join(name.trim())).unwrap();
        }
        let o = check(tmp.path());
        let name = case.file_name().unwrap().to_string_lossy();
        assert_eq!(o.status.code(), Some(1), "{name}: wrong exit status");
        let expected = fs::read_to_string(case.join("expected.txt"))
            .unwrap()
            .replace("{dir}", &tmp.path().display().to_string());
        assert_eq!(stdout(&o), expected, "{name}: wrong output");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(err.contains("found"), "{name}: no summary on stderr: {err}");
    }
}

#[test]
fn every_reference_error_is_reported_in_one_run() {
    let tmp = valid_copy();
    for f in ["conditions.ron", "clinics.ron"] {
        fs::copy(
            fixtures().join("bad/broken-links").join(f),
            tmp.path().join(f),
        )
        .unwrap();
    }
    let out = stdout(&check(tmp.path()));
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(out.lines().all(|l| l.contains(".ron:")), "{out}");
}

#[test]
fn a_100_mb_file_is_refused_quickly() {
    let tmp = valid_copy();
    let f = fs::File::create(tmp.path().join("clinics.ron")).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    let o = check(tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("clinics.ron: the file is larger than the 64 MiB limit"),
        "{out}"
    );
}

#[test]
fn a_missing_directory_is_named() {
    let o = check(Path::new("/nonexistent/clinic-data"));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o).trim(),
        "/nonexistent/clinic-data: directory not found; expected a directory holding the data files"
    );
}

#[test]
fn usage_errors_exit_2() {
    let o = bin().args(["check", "--no-such-flag"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = bin().args(["frobnicate"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn bytes_in_memory_load_like_files_and_garbage_is_an_error() {
    use clinic_explorer::dataset::{Dataset, FILES};
    let files: Vec<Vec<u8>> = FILES
        .iter()
        .map(|f| fs::read(fixtures().join("data").join(f)).unwrap())
        .collect();
    let data = Dataset::from_bytes(files.clone()).unwrap();
    assert_eq!(data.conditions.len(), 5);
    let mut broken = files;
    broken[2] = b"[(id: \"x\", \xff".to_vec();
    let err = Dataset::from_bytes(broken).unwrap_err().to_string();
    assert!(err.starts_with("data/therapies.ron:1:"), "{err}");
    assert!(Dataset::from_bytes(Vec::new()).is_err());
}
