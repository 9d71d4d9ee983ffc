//! Figures as the sources word them, in every output format, over the real data: the 2026 guide's
//! open-topped "$15,000 – $40,000+ per session", the approximations and the open-ended stay lines.

use std::process::Command;

const ORTHO: &str = "complex-orthopaedic-stem-cell-therapy-south-korea-per-session-2026";
const KNEE: &str = "joint-stem-cell-therapy-south-korea-per-joint-per-session-2026";
const OPEN_TOP: &str = "$15,000–$40,000+";

fn ok(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(args)
        .arg("--no-config")
        .env_remove("CLINIC_EXPLORER_DATA")
        .env_remove("CLINIC_EXPLORER_CURRENCY")
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn the_open_topped_range_reads_the_same_in_every_format() {
    for format in ["text", "markdown", "json"] {
        let out = ok(&["show", "cost", ORTHO, "--format", format]);
        assert!(out.contains(OPEN_TOP), "show --format {format}: {out}");
        assert!(!out.contains("$15,000+"), "show --format {format}: {out}");
        let out = ok(&["compare", "cost", ORTHO, KNEE, "--format", format]);
        assert!(out.contains(OPEN_TOP), "compare --format {format}: {out}");
    }
    for format in ["text", "json"] {
        let out = ok(&["list", "cost", "--format", format]);
        assert!(out.contains(OPEN_TOP), "list --format {format}");
    }
    for format in ["markdown", "html", "json"] {
        let out = ok(&[
            "export",
            "--compare",
            "cost",
            ORTHO,
            KNEE,
            "--format",
            format,
        ]);
        assert!(out.contains(OPEN_TOP), "export --format {format}");
    }
    let krw = ok(&["show", "cost", ORTHO, "--currency", "KRW"]);
    assert!(krw.contains("≈₩21,750,000–≈₩58,000,000+"), "{krw}");
}

#[test]
fn the_budget_uses_the_stated_upper_figure_and_says_it_may_be_exceeded() {
    let json = ok(&[
        "estimate", "--cost", ORTHO, "--nights", "7", "--tier", "mid", "--format", "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // $15,000–$40,000 + stay (hotel $490–$1,050, meals $192–$360, taxis $48 open-ended).
    assert_eq!(v["treatment"]["max"], 40_000);
    assert_eq!(v["stay"]["min"], 730);
    assert_eq!(v["stay"]["max"], 1_458);
    assert_eq!(v["total_min"], 15_730);
    assert_eq!(v["total_max"], 41_458);
    assert_eq!(v["lines"][0]["open"], true);
    let exceed = v["may_exceed"][0].as_str().unwrap();
    assert!(exceed.contains("$40,000 a session") && exceed.contains("may be exceeded"));
    assert_eq!(
        v["open_items"][0],
        "Local transport (taxi) open-ended: at least $3 a ride"
    );
    let text = ok(&[
        "estimate", "--cost", ORTHO, "--nights", "7", "--tier", "mid",
    ]);
    assert!(text.contains("$15,730–$41,458"), "{text}");
    assert!(text.contains(OPEN_TOP), "{text}");
    assert!(text.contains("may be exceeded"), "{text}");
}

#[test]
fn one_knee_and_seven_mid_range_nights_add_up() {
    // $8,000–$25,000 + $730–$1,458: the taxi fare is named, not an open total.
    let text = ok(&["estimate", "--cost", KNEE, "--nights", "7", "--tier", "mid"]);
    let total = text.lines().find(|l| l.contains("Total")).unwrap();
    assert!(total.contains("$8,730–$26,458"), "{text}");
    assert!(text.contains("open-ended: at least $3 a ride"), "{text}");
    assert!(!text.contains("from $8,730"), "{text}");
}
