//! The command line over the fixture dataset: every subcommand and format, and the error cases.

use std::path::Path;
use std::process::{Command, Output};

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/data")
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(args)
        .arg("--data")
        .arg(fixture())
        .env_remove("CLINIC_EXPLORER_DATA")
        .env("COLUMNS", "80")
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn fails(args: &[&str], code: i32) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(code), "{args:?}");
    assert!(o.stdout.is_empty(), "{args:?} printed to stdout");
    String::from_utf8(o.stderr).unwrap()
}

#[test]
fn search_text_and_json() {
    insta::assert_snapshot!("search_text", ok(&["search", "alopecia"]));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["search", "LPP", "--format", "json"])).unwrap();
    let first = &json[0];
    assert_eq!(first["kind"], "condition");
    assert_eq!(first["id"], "lichen-planopilaris");
    assert_eq!(first["field"], "alias");
    for key in ["kind", "id", "name", "score", "field"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn search_kind_and_limit() {
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "search", "s", "--kind", "clinic", "--limit", "1", "--format", "json",
    ]))
    .unwrap();
    let hits = json.as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["kind"], "clinic");
}

#[test]
fn search_without_match_is_empty_and_succeeds() {
    assert_eq!(ok(&["search", "zzzzqqqq", "--format", "json"]).trim(), "[]");
    assert_eq!(ok(&["search", "zzzzqqqq"]), "");
}

#[test]
fn show_in_every_format() {
    insta::assert_snapshot!(
        "show_therapy_text",
        ok(&["show", "therapy", "adipose-derived-stem-cells"])
    );
    insta::assert_snapshot!(
        "show_clinic_markdown",
        ok(&[
            "show",
            "clinic",
            "test-gangnam-clinic",
            "--format",
            "markdown"
        ])
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "show",
        "clinic",
        "test-gangnam-clinic",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["claims"][0]["by"], "the article");
    assert_eq!(json["claims"][0]["text"], "the best clinic in Seoul");
    assert_eq!(
        json["links"][0]["items"][0]["id"],
        "adipose-derived-stem-cells"
    );
}

#[test]
fn show_marks_claims_as_claims() {
    let out = ok(&["show", "clinic", "test-gangnam-clinic"]);
    assert!(
        out.contains("Claims (their words, not verified facts)"),
        "{out}"
    );
    assert!(
        out.contains("Claim by the article: \"the best clinic in Seoul\""),
        "{out}"
    );
    assert!(out.contains("not medical advice"), "{out}");
}

#[test]
fn list_in_both_formats() {
    insta::assert_snapshot!("list_costs_text", ok(&["list", "cost"]));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["list", "conditions", "--format", "json"])).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "scarring-alopecia",
            "lichen-planopilaris",
            "hypertrophic-scars",
            "keloids",
            "alopecia-areata"
        ]
    );
}

#[test]
fn compare_in_every_format() {
    insta::assert_snapshot!(
        "compare_text",
        ok(&["compare", "condition", "hypertrophic-scars", "keloids"])
    );
    insta::assert_snapshot!(
        "compare_markdown",
        ok(&[
            "compare",
            "therapy",
            "scalp-micropigmentation",
            "hair-transplant",
            "--format",
            "markdown"
        ])
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "compare",
        "condition",
        "hypertrophic-scars",
        "keloids",
        "alopecia-areata",
        "--format",
        "json",
    ]))
    .unwrap();
    let rows = json["rows"].as_array().unwrap();
    let size = rows
        .iter()
        .find(|r| r["attribute"] == "Size relative to wound")
        .unwrap();
    assert_eq!(size["values"][2], serde_json::Value::Null);
    assert_eq!(size["differs"], true);
    let myo = rows
        .iter()
        .find(|r| r["attribute"] == "Myofibroblasts")
        .unwrap();
    assert_eq!(
        myo["differs"], true,
        "a missing value differs from a present one"
    );
}

#[test]
fn compare_costs() {
    let out = ok(&["compare", "cost", "hair-korea", "hair-us"]);
    for want in [
        "Country",
        "South Korea",
        "US",
        "$10,000–$20,000",
        "$15,000–$30,000",
        "full course",
        "2025",
    ] {
        assert!(out.contains(want), "missing {want}:\n{out}");
    }
}

#[test]
fn text_output_fits_80_columns_and_aligns_hangul() {
    for args in [
        &["show", "clinic", "test-gangnam-clinic"][..],
        &["compare", "condition", "hypertrophic-scars", "keloids"],
        &["search", "강남"],
        &["list", "cost"],
    ] {
        let out = ok(args);
        for line in out.lines() {
            let w = unicode_width::UnicodeWidthStr::width(line);
            assert!(w <= 80, "{args:?}: line of {w} columns: {line}");
        }
    }
}

#[test]
fn decomposed_hangul_query_finds_composed_alias() {
    let decomposed = "\u{1100}\u{1161}\u{11BC}\u{1102}\u{1161}\u{11B7}"; // 강남 as jamo
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["search", decomposed, "--format", "json"])).unwrap();
    assert_eq!(json[0]["id"], "test-gangnam-clinic");
}

#[test]
fn unknown_ids_and_kinds_suggest_and_exit_1() {
    let err = fails(&["show", "condition", "keloid"], 1);
    assert!(
        err.contains("no condition with id `keloid`; did you mean keloids?"),
        "{err}"
    );
    let err = fails(&["show", "therapie", "x"], 1);
    assert!(
        err.contains("unknown kind `therapie`; did you mean `therapy`?"),
        "{err}"
    );
    let err = fails(&["compare", "condition", "keloids", "hypertrophic-scar"], 1);
    assert!(err.contains("did you mean hypertrophic-scars?"), "{err}");
    let err = fails(&["search", "x", "--kind", "clinc"], 1);
    assert!(err.contains("did you mean `clinic`?"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    fails(&["compare", "condition", "keloids"], 2);
    fails(&["compare", "condition", "a", "b", "c", "d", "e"], 2);
    fails(&["show", "condition"], 2);
    fails(&["search", "x", "--format", "xml"], 2);
    fails(&["list", "cost", "--limit", "3"], 2);
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["check", "search", "show", "list", "compare"] {
        let o = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
            .args([sub, "--help"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{sub}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("Usage:"),
            "{sub}"
        );
    }
}

#[test]
fn control_characters_in_data_never_reach_the_terminal() {
    // The loader refuses them; the printers sanitise anyway, so a hostile query echoes safely too.
    let o = run(&["search", "\u{1b}[31mzz"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        !o.stderr.contains(&0x1b),
        "escape echoed: {:?}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_closed_pipe_ends_quietly_instead_of_panicking() {
    // `clinic-explorer list travel | head -1`: the reader goes away before the output is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(["list", "travel"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        matches!(out.status.code(), Some(0 | 141)),
        "{:?}",
        out.status
    );
}

#[test]
fn currency_flag_converts_cost_figures_and_marks_them() {
    let out = ok(&["show", "cost", "hair-us", "--currency", "KRW"]);
    assert!(
        out.contains("$15,000–$30,000"),
        "the source's own figure stays: {out}"
    );
    assert!(
        out.contains("≈₩21,750,000–≈₩43,500,000 (converted at ₩1,450 per $1, dated 2025)"),
        "{out}"
    );
    let out = ok(&["list", "cost", "--currency", "USD"]);
    assert!(out.contains("≈$276–≈$1,724"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "compare",
        "cost",
        "hair-korea",
        "scar-korea-krw",
        "--currency",
        "USD",
        "--format",
        "json",
    ]))
    .unwrap();
    let row = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["attribute"] == "Range in USD")
        .unwrap();
    assert_eq!(row["values"][0], "$10,000–$20,000");
    assert!(
        row["values"][1]
            .as_str()
            .unwrap()
            .starts_with("≈$276–≈$1,724")
    );
}
