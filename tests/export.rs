//! Handouts in Markdown, HTML and JSON, from a comparison and from a shortlist, with data that tries
//! to inject markup; and the `export` subcommand's output to stdout and to files.

use clinic_explorer::Dataset;
use clinic_explorer::dataset::{DataSource, FILES};
use clinic_explorer::describe::DISCLAIMER;
use clinic_explorer::export::{Format, Handout};
use clinic_explorer::model::Kind;
use clinic_explorer::shortlist::{Shortlist, Store};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DATE: &str = "2026-05-01";
/// A summary that tries to break out of every format.
const HOSTILE: &str = r#"Moving follicles <script>alert("x")</script> & 'more' | a pipe"#;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data")
}

/// A copy of the fixture data in which hair-transplant's summary is [`HOSTILE`].
fn hostile_data() -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    for name in FILES {
        fs::copy(fixture().join(name), dir.path().join(name)).unwrap();
    }
    let path = dir.path().join("therapies.ron");
    let text = fs::read_to_string(&path).unwrap();
    let old = r#"summary: "Moving follicles from a donor area.","#;
    assert!(text.contains(old), "the fixture changed");
    let escaped = HOSTILE.replace('"', "\\\"");
    fs::write(
        &path,
        text.replace(old, &format!("summary: \"{escaped}\",")),
    )
    .unwrap();
    let data = Dataset::load(&DataSource::Dir(dir.path().to_path_buf())).unwrap();
    (dir, data)
}

fn comparison(data: &Dataset) -> Handout {
    Handout::from_comparison(
        data,
        Kind::Therapy,
        &["hair-transplant", "adipose-derived-stem-cells"],
        DATE,
    )
    .unwrap()
}

fn shortlist() -> Shortlist {
    let mut list = Shortlist::new();
    list.add(Kind::Therapy, "hair-transplant");
    list.add(Kind::Clinic, "test-sinsa-hospital");
    list.add(Kind::Therapy, "adipose-derived-stem-cells");
    list.add(Kind::Therapy, "gone-from-the-data");
    list.set_note(
        Kind::Therapy,
        "hair-transplant",
        Some("ask <b>price</b> & \"aftercare\"".into()),
    );
    list.set_note(Kind::Therapy, "gone-from-the-data", Some("keep me".into()));
    list
}

/// Checks what every HTML handout must be: self-contained, no script, everything escaped.
fn assert_safe_html(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    for forbidden in [
        "<script", "<img", "<link", "<iframe", "src=", "href=", "url(", "@import",
    ] {
        assert!(!lower.contains(forbidden), "found {forbidden}");
    }
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains(
        "Moving follicles &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39; | a pipe"
    ));
    assert!(html.contains(&DISCLAIMER.replace('\'', "&#39;")));
    assert!(html.contains(DATE));
}

#[test]
fn comparison_in_every_format() {
    let (_dir, data) = hostile_data();
    let h = comparison(&data);
    assert_eq!(h.comparisons.len(), 1);
    assert_eq!(h.records.len(), 2);
    assert_eq!(h.date, DATE);

    let md = h.render(Format::Markdown);
    assert!(md.contains(DISCLAIMER));
    assert!(md.contains(DATE));
    assert!(!md.contains("<script>"), "raw markup in Markdown");
    assert!(md.contains(r"\<script\>"));
    assert!(md.contains(r"\| a pipe"));
    // Every table row of the comparison has as many cells as its header.
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("## Comparison"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(table.len() > 3);
    let cells = |l: &str| l.replace(r"\|", "").matches('|').count();
    assert!(
        table.iter().all(|l| cells(l) == cells(table[0])),
        "{table:#?}"
    );
    // Cost ranges with currency, unit, year and source.
    assert!(md.contains("| Stem-cell therapy for hair loss, South Korea, full course | South Korea | $10,000–$20,000 | USD | full course | 2025 |"), "{md}");
    assert!(md.contains("## Sources"));

    assert_safe_html(&h.render(Format::Html));

    let json: serde_json::Value = serde_json::from_str(&h.render(Format::Json)).unwrap();
    assert_eq!(json["date"], DATE);
    assert_eq!(json["disclaimer"], DISCLAIMER);
    assert_eq!(json["records"][0]["id"], "hair-transplant");
    assert_eq!(json["records"][0]["summary"], HOSTILE);
    assert_eq!(json["comparisons"][0]["kind"], "therapy");
    assert_eq!(
        json["comparisons"][0]["columns"][1]["id"],
        "adipose-derived-stem-cells"
    );
    let cost = &json["costs"][0];
    assert_eq!(cost["currency"], "USD");
    assert_eq!(cost["unit"], "full course");
    assert_eq!(cost["year"], 2025);
    assert!(cost["sources"][0].as_str().unwrap().contains("Costs"));
    assert!(!json["sources"].as_array().unwrap().is_empty());
}

#[test]
fn shortlist_in_every_format() {
    let (_dir, data) = hostile_data();
    let h = Handout::from_shortlist(&data, &shortlist(), DATE);
    assert_eq!(h.records.len(), 3);
    assert_eq!(h.missing.len(), 1);
    assert_eq!(h.missing[0].id, "gone-from-the-data");
    assert_eq!(
        h.comparisons.len(),
        1,
        "two therapies compared; one clinic is not"
    );
    assert_eq!(h.comparisons[0].kind, Kind::Therapy);
    // Each source is listed once.
    let mut keys: Vec<_> = h.sources.iter().map(|s| (&s.id, &s.section)).collect();
    let n = keys.len();
    keys.dedup();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n);

    let md = h.render(Format::Markdown);
    assert!(
        md.contains(r#"**Your note:** ask \<b\>price\</b\> \& "aftercare""#),
        "{md}"
    );
    assert!(md.contains("## No longer in the data"));
    assert!(md.contains("keep me"));
    assert!(md.contains(DISCLAIMER));

    let html = h.render(Format::Html);
    assert_safe_html(&html);
    assert!(html.contains("ask &lt;b&gt;price&lt;/b&gt; &amp; &quot;aftercare&quot;"));
    assert!(html.contains("gone-from-the-data"));

    let json: serde_json::Value = serde_json::from_str(&h.render(Format::Json)).unwrap();
    assert_eq!(
        json["records"][0]["note"],
        "ask <b>price</b> & \"aftercare\""
    );
    assert_eq!(json["records"][1]["kind"], "clinic");
    assert_eq!(json["records"][1]["note"], serde_json::Value::Null);
    assert_eq!(json["missing"][0]["note"], "keep me");
    assert_eq!(json["comparisons"].as_array().unwrap().len(), 1);
}

#[test]
fn control_characters_never_reach_a_handout() {
    let data = Dataset::load(&DataSource::Dir(fixture())).unwrap();
    let mut list = Shortlist::new();
    list.add(Kind::Therapy, "hair-transplant");
    list.set_note(
        Kind::Therapy,
        "hair-transplant",
        Some("line one\nline two\x1b[31m".into()),
    );
    let h = Handout::from_shortlist(&data, &list, DATE);
    for format in [Format::Markdown, Format::Html, Format::Json] {
        let doc = h.render(format);
        assert!(!doc.contains('\x1b'), "{format:?}");
    }
    assert_eq!(
        h.records[0].note.as_deref(),
        Some("line one line two\u{FFFD}[31m")
    );
}

// The command line.

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn data_home(&self) -> PathBuf {
        self.dir.path().join("data-home")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
            .arg("export")
            .args(args)
            .arg("--data")
            .arg(fixture())
            .arg("--no-config")
            .env_remove("CLINIC_EXPLORER_DATA")
            .env_remove("CLINIC_EXPLORER_THEME")
            .env_remove("CLINIC_EXPLORER_CURRENCY")
            .env("XDG_DATA_HOME", self.data_home())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config-home"))
            .output()
            .unwrap()
    }
}

fn code(o: &Output) -> Option<i32> {
    o.status.code()
}

const COMPARE: [&str; 4] = [
    "--compare",
    "therapy",
    "hair-transplant",
    "scalp-micropigmentation",
];

#[test]
fn cli_export_to_stdout() {
    let env = Env::new();
    let o = env.run(&COMPARE);
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.starts_with("# Comparison of therapies: Hair transplant, Scalp micropigmentation"));
    assert!(md.contains(DISCLAIMER));

    let mut args = COMPARE.to_vec();
    args.extend(["--format", "json"]);
    let o = env.run(&args);
    assert_eq!(code(&o), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["comparisons"][0]["columns"][1]["id"],
        "scalp-micropigmentation"
    );
}

#[test]
fn cli_export_to_a_file_needs_force_to_replace() {
    let env = Env::new();
    let out = env.dir.path().join("handout.html");
    let out_s = out.to_str().unwrap();
    let mut args = COMPARE.to_vec();
    args.extend(["--format", "html", "-o", out_s]);

    let o = env.run(&args);
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let first = fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("<!DOCTYPE html>"));

    fs::write(&out, "keep me").unwrap();
    let o = env.run(&args);
    assert_eq!(code(&o), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");

    args.push("--force");
    let o = env.run(&args);
    assert_eq!(code(&o), Some(0));
    assert_eq!(fs::read_to_string(&out).unwrap(), first);
    let names: Vec<_> = fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["handout.html"], "no temporary file is left");
}

#[test]
fn cli_export_of_the_shortlist() {
    let env = Env::new();
    let o = env.run(&["--shortlist"]);
    assert_eq!(
        code(&o),
        Some(1),
        "an empty shortlist has nothing to export"
    );
    assert!(String::from_utf8(o.stderr).unwrap().contains("empty"));

    let path = env.data_home().join("clinic-explorer/shortlist.ron");
    let mut list = shortlist();
    Store::open(&path).save(&mut list).unwrap();
    let o = env.run(&["--shortlist", "--format", "json"]);
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["records"][0]["id"], "hair-transplant");
    assert_eq!(json["missing"][0]["id"], "gone-from-the-data");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("gone-from-the-data"),
        "the missing record is reported: {err}"
    );
}

#[test]
fn cli_export_usage_errors() {
    let env = Env::new();
    assert_eq!(
        code(&env.run(&[])),
        Some(2),
        "--shortlist or --compare is required"
    );
    assert_eq!(
        code(&env.run(&["--shortlist", "--force"])),
        Some(2),
        "--force needs -o"
    );
    let o = env.run(&["--compare", "therapy", "hair-transplant", "no-such-id"]);
    assert_eq!(code(&o), Some(1));
    assert!(o.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn cli_export_replaces_only_regular_files_and_keeps_their_permissions() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
    let env = Env::new();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let run_to = |p: &Path| {
        let mut args = COMPARE.to_vec();
        args.extend(["-o", p.to_str().unwrap(), "--force"]);
        env.run(&args)
    };
    // A FIFO and a device stay what they are.
    let fifo = env.dir.path().join("fifo.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let o = run_to(&fifo);
    assert_eq!(code(&o), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("is a FIFO (named pipe), not a regular file"),
        "{err}"
    );
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    let o = run_to(Path::new("/dev/full"));
    assert_eq!(code(&o), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("character device"));
    assert!(
        fs::symlink_metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A symbolic link and a file with a second hard link are not replaced either.
    let real = env.dir.path().join("real.md");
    fs::write(&real, "keep").unwrap();
    let link = env.dir.path().join("link.md");
    symlink(&real, &link).unwrap();
    assert_eq!(code(&run_to(&link)), Some(1));
    let hard = env.dir.path().join("hard.md");
    fs::hard_link(&real, &hard).unwrap();
    let o = run_to(&hard);
    assert_eq!(code(&o), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("hard links"));
    assert_eq!(fs::read_to_string(&real).unwrap(), "keep");
    // A private file stays private when replaced; a shared one stays shared.
    let mine = env.dir.path().join("mine.md");
    fs::write(&mine, "old").unwrap();
    fs::set_permissions(&mine, fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(code(&run_to(&mine)), Some(0));
    assert_eq!(mode(&mine), 0o600);
    assert!(
        fs::read_to_string(&mine)
            .unwrap()
            .starts_with("# Comparison")
    );
    let shared = env.dir.path().join("shared.md");
    fs::write(&shared, "old").unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(code(&run_to(&shared)), Some(0));
    assert_eq!(mode(&shared), 0o644);
}

#[cfg(unix)]
#[test]
fn cli_export_writes_a_new_handout_with_notes_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let path = env.data_home().join("clinic-explorer/shortlist.ron");
    let mut list = shortlist();
    assert!(list.entries().iter().any(|e| e.note.is_some()));
    Store::open(&path).save(&mut list).unwrap();
    let out = env.dir.path().join("notes.md");
    let o = env.run(&["--shortlist", "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a handout with notes is the person's");
    // Without notes, the umask decides as for any new file: readable by others here.
    let out = env.dir.path().join("compare.md");
    let mut args = COMPARE.to_vec();
    args.extend(["-o", out.to_str().unwrap()]);
    let o = Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_clinic-explorer"))
        .arg("export")
        .args(&args)
        .arg("--data")
        .arg(fixture())
        .arg("--no-config")
        .output()
        .unwrap();
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o644
    );
}
