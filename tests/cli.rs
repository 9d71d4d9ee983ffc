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
    run_at(args, 80)
}

/// Runs a subcommand over the fixture data with text fitted to `columns`.
fn run_at(args: &[&str], columns: usize) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(args)
        .arg("--data")
        .arg(fixture())
        .env_remove("CLINIC_EXPLORER_DATA")
        .env_remove("CLINIC_EXPLORER_THEME")
        .env_remove("CLINIC_EXPLORER_CURRENCY")
        .env_remove("COMPLETE")
        .env("COLUMNS", columns.to_string())
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
    let shown = &json["display"];
    assert_eq!(shown["claims"][0]["by"], "the article");
    assert_eq!(shown["claims"][0]["text"], "the best clinic in Seoul");
    assert_eq!(
        shown["links"][0]["items"][0]["id"],
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
    // An alias names the record; a name several records share gets a did-you-mean.
    assert!(ok(&["show", "condition", "keloid"]).starts_with("Keloids"));
    let err = fails(&["show", "condition", "hair"], 1);
    assert!(
        err.contains("no condition named `hair`; did you mean Alopecia areata (alopecia-areata)"),
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

/// Runs a command that reads no data (`completions`, `man`) and returns its output.
fn bare(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(args)
        .env_remove("COMPLETE")
        .output()
        .unwrap()
}

fn bare_ok(args: &[&str]) -> String {
    let o = bare(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn help(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{args:?}");
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn options_appear_only_on_the_commands_that_use_them() {
    let top = help(&[]);
    for want in [
        "--theme",
        "--present",
        "--currency",
        "--data",
        "--no-config",
    ] {
        assert!(top.contains(want), "the explorer takes {want}:\n{top}");
    }
    for sub in [
        "check", "search", "show", "list", "compare", "estimate", "export",
    ] {
        let h = help(&[sub]);
        assert!(!h.contains("--theme"), "{sub} lists --theme:\n{h}");
        assert!(!h.contains("--present"), "{sub} lists --present:\n{h}");
        assert!(h.contains("--data"), "{sub} reads the data:\n{h}");
    }
    for sub in ["check", "search", "export"] {
        assert!(
            !help(&[sub]).contains("--currency"),
            "{sub} shows no figures"
        );
    }
    for sub in ["show", "list", "compare", "estimate"] {
        assert!(help(&[sub]).contains("--currency"), "{sub} shows figures");
    }
    for sub in ["completions", "man"] {
        let h = help(&[sub]);
        assert!(!h.contains("--data") && !h.contains("--currency"), "{h}");
    }
    let err = fails(&["list", "cost", "--theme", "dark"], 2);
    assert!(err.contains("--theme"), "{err}");
    fails(&["show", "clinic", "test-gangnam-clinic", "--present"], 2);
    fails(&["search", "x", "--currency", "KRW"], 2);
    // The theme still shows where it comes from when asked for by flag.
    let out = ok(&["config", "--no-config", "--theme", "light"]);
    assert!(out.contains("theme = light  (from flag --theme)"), "{out}");
}

#[test]
fn data_options_given_before_the_subcommand_still_apply() {
    let o = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args([
            "--data",
            &fixture(),
            "--no-config",
            "list",
            "clinic",
            "--format",
            "tsv",
        ])
        .env_remove("CLINIC_EXPLORER_DATA")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("test-gangnam-clinic"), "{out}");
    let o = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args([
            "--currency",
            "KRW",
            "--data",
            &fixture(),
            "show",
            "cost",
            "hair-us",
        ])
        .env_remove("CLINIC_EXPLORER_DATA")
        .env_remove("CLINIC_EXPLORER_CURRENCY")
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("≈₩21,750,000–≈₩43,500,000"), "{out}");
}

#[test]
fn tier_takes_the_words_the_explorer_shows() {
    let budget = |tier: &str| {
        let json: serde_json::Value = serde_json::from_str(&ok(&[
            "estimate",
            "--cost",
            "hair-korea",
            "--tier",
            tier,
            "--format",
            "json",
        ]))
        .unwrap();
        json["tier"].clone()
    };
    assert_eq!(budget("mid-range"), budget("mid"));
    assert_eq!(budget("Mid-Range"), budget("mid"));
    assert_ne!(budget("budget"), budget("luxury"));
    let text = ok(&["estimate", "--cost", "hair-korea", "--tier", "mid-range"]);
    assert!(
        text.contains("mid-range"),
        "the budget names the tier as typed: {text}"
    );
    let err = fails(&["estimate", "--cost", "hair-korea", "--tier", "cheap"], 2);
    for word in ["budget", "mid-range", "luxury"] {
        assert!(err.contains(word), "{err}");
    }
    let h = help(&["estimate"]);
    assert!(h.contains("default: mid-range"), "{h}");
}

/// Money figures as the text output writes them: `$10,000`, `₩2,500,000`, `$200+`.
fn figures(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '│' || c == '–')
        .filter(|w| w.starts_with(['$', '₩', '≈']))
        .map(|w| w.trim_end_matches([',', ';', ')']).to_owned())
        .collect()
}

#[test]
fn text_tables_never_split_an_id_or_a_figure() {
    for args in [
        &["list", "cost"][..],
        &["search", "hair"],
        &["list", "clinic"],
    ] {
        // The same records one a line: their ids and whole figures to look for in the table.
        let whole = ok(&[args, &["--format", "tsv"]].concat());
        let ids: Vec<&str> = whole
            .lines()
            .skip(1)
            .map(|l| l.split('\t').nth(1).unwrap())
            .collect();
        assert!(!ids.is_empty());
        for columns in [40, 60, 80] {
            let o = run_at(args, columns);
            assert_eq!(o.status.code(), Some(0));
            let out = String::from_utf8(o.stdout).unwrap();
            for id in &ids {
                assert!(
                    out.lines().any(|l| l.split_whitespace().any(|w| w == *id)),
                    "{args:?} at {columns}: `{id}` is not whole on a line:\n{out}"
                );
            }
            // Every figure on screen is one the data gives whole (none cut into a smaller number).
            for f in figures(&out) {
                assert!(
                    whole.contains(f.trim_start_matches('≈')),
                    "{args:?} at {columns}: `{f}` is not a whole figure:\n{out}"
                );
            }
        }
    }
}

#[test]
fn tsv_gives_one_record_a_line_under_a_header() {
    let out = ok(&["list", "cost", "--format", "tsv"]);
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        lines[0],
        [
            "kind",
            "id",
            "name",
            "detail",
            "min",
            "max",
            "currency",
            "qualifier",
            "unit",
            "year"
        ]
    );
    assert_eq!(
        lines.len(),
        1 + 7,
        "a header and the fixture's seven costs:\n{out}"
    );
    assert!(lines.iter().all(|l| l.len() == lines[0].len()), "{out}");
    let luxury = lines.iter().find(|l| l[1] == "hotel-luxury").unwrap();
    assert_eq!((luxury[4], luxury[5], luxury[6]), ("200", "", "USD"));
    assert_eq!(
        luxury[7], "Plus",
        "an open-ended figure keeps its qualifier"
    );

    let out = ok(&["search", "alopecia", "--format", "tsv"]);
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        lines[0],
        ["kind", "id", "name", "score", "field", "matched"]
    );
    // The two names first, then the records linked to them.
    assert_eq!(
        (lines[1][1], lines[2][1]),
        ("alopecia-areata", "scarring-alopecia"),
        "{out}"
    );
    assert!(
        lines[1..].iter().all(|l| l[3].parse::<i64>().is_ok()),
        "{out}"
    );

    let out = ok(&["estimate", "--cost", "hair-korea", "--format", "tsv"]);
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines[0][..4], ["item", "min", "max", "currency"]);
    assert!(lines.iter().all(|l| l.len() == lines[0].len()), "{out}");
    let total = lines.iter().find(|l| l[0] == "Total").unwrap();
    assert!(total[1].parse::<u64>().unwrap() >= 10_000, "{out}");
}

#[test]
fn json_has_typed_fields_named_after_the_data() {
    let clinic: serde_json::Value = serde_json::from_str(&ok(&[
        "show",
        "clinic",
        "test-gangnam-clinic",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(clinic["kind"], "clinic");
    assert_eq!(clinic["district"], "Gangnam");
    assert_eq!(clinic["city"], "Seoul");
    assert_eq!(clinic["doctors"][0]["name"], "Dr. Minji Park");
    assert_eq!(clinic["doctors"][0]["role"], "lead doctor");
    assert_eq!(clinic["therapies"][0], "adipose-derived-stem-cells");
    assert!(clinic.get("fields").is_none(), "labels only under display");
    assert_eq!(clinic["display"]["fields"][2]["label"], "District");

    let cost: serde_json::Value = serde_json::from_str(&ok(&[
        "show",
        "cost",
        "scar-korea-krw",
        "--format",
        "json",
        "--currency",
        "USD",
    ]))
    .unwrap();
    let range = &cost["range"];
    assert_eq!(range["min"], 400_000);
    assert_eq!(range["max"], 2_500_000);
    assert_eq!(range["currency"], "KRW");
    assert_eq!(range["year"], 2025);
    assert_eq!(cost["converted"]["currency"], "USD");
    assert_eq!(cost["converted"]["min"], 276);
    assert_eq!(cost["converted"]["max"], 1724);

    let open: serde_json::Value =
        serde_json::from_str(&ok(&["show", "cost", "hotel-luxury", "--format", "json"])).unwrap();
    assert_eq!(open["range"]["max"], serde_json::Value::Null);
    assert_eq!(open["range"]["qualifier"], "Plus");

    let list: serde_json::Value =
        serde_json::from_str(&ok(&["list", "clinic", "--format", "json"])).unwrap();
    let first = &list[0];
    assert_eq!(first["id"], "test-gangnam-clinic");
    assert_eq!(first["district"], "Gangnam");
    assert_eq!(first["display"]["detail"], "Gangnam, Seoul");

    let cmp: serde_json::Value = serde_json::from_str(&ok(&[
        "compare",
        "cost",
        "hair-korea",
        "hair-us",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(cmp["records"][1]["range"]["min"], 15_000);
    assert!(cmp["rows"].is_array(), "the rows stay for the table");
}

/// Asks the binary for completions as a shell's script does.
fn complete(shell: &str, words: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .arg("--")
        .arg("clinic-explorer")
        .args(words)
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env_remove("CLINIC_EXPLORER_DATA")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn completion_scripts_come_from_the_definitions_and_complete_kinds_and_ids() {
    let bash = bare_ok(&["completions", "bash"]);
    assert!(bash.contains("complete -o nospace"), "{bash}");
    assert!(bash.contains("COMPLETE=\"bash\""), "{bash}");
    assert!(bare_ok(&["completions", "zsh"]).starts_with("#compdef clinic-explorer"));
    assert!(bare_ok(&["completions", "fish"]).contains("complete --keep-order"));
    assert_eq!(bare(&["completions", "tcsh"]).status.code(), Some(2));

    let data = fixture();
    let kinds = complete("fish", &["show", ""]);
    for k in ["condition\t", "therapy\t", "clinic\t", "cost\t", "travel\t"] {
        assert!(kinds.contains(k), "{kinds}");
    }
    let ids = complete("fish", &["show", "--data", &data, "clinic", "test-g"]);
    assert_eq!(ids.trim(), "test-gangnam-clinic\tTest Gangnam Clinic");
    let ids = complete(
        "fish",
        &["compare", "--data", &data, "cost", "hair-korea", "h"],
    );
    let got: Vec<&str> = ids.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(got, ["hair-korea", "hair-us", "hotel-luxury", "hotel-mid"]);
    let ids = complete("fish", &["estimate", "--data", &data, "--cost", "sc"]);
    assert!(ids.starts_with("scar-korea-krw\t"), "{ids}");
    let ids = complete(
        "fish",
        &["export", "--data", &data, "--compare", "condition", "k"],
    );
    assert!(ids.starts_with("keloids\t"), "{ids}");
    let bash_ids = complete("bash", &["show", "--data", &data, "condition", "ke"]);
    assert_eq!(bash_ids.trim(), "keloids");
    let tiers = complete("fish", &["estimate", "--tier", ""]);
    assert!(tiers.contains("mid-range"), "{tiers}");
}

#[test]
fn the_man_page_is_generated_from_the_definitions() {
    let page = bare_ok(&["man"]);
    assert!(page.contains(".TH clinic-explorer 1"), "{page}");
    for sub in ["search", "estimate", "completions", "man"] {
        assert!(
            page.contains(&format!("clinic\\-explorer\\-{sub}(1)")),
            "{sub}:\n{page}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let dir_s = dir.path().display().to_string();
    bare_ok(&["man", "--dir", &dir_s]);
    let estimate = std::fs::read_to_string(dir.path().join("clinic-explorer-estimate.1")).unwrap();
    assert!(estimate.contains("mid\\-range"), "{estimate}");
    assert!(estimate.contains("\\-\\-tier"), "{estimate}");
    assert!(dir.path().join("clinic-explorer.1").exists());
}

#[test]
fn config_print_shows_the_explorers_remembered_choices_as_coming_from_the_state_directory() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state/clinic-explorer/state.ron");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    std::fs::write(&state, "(currency: \"KRW\", theme: \"light\")\n").unwrap();
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
            .args(args)
            .env("HOME", home.path())
            .env("XDG_STATE_HOME", home.path().join("state"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env_remove("CLINIC_EXPLORER_THEME")
            .env_remove("CLINIC_EXPLORER_CURRENCY")
            .env_remove("CLINIC_EXPLORER_DATA")
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    };
    let out = run(&["config", "--print"]);
    let shown = state.display().to_string();
    assert!(
        out.contains(&format!(
            "currency = KRW  (from saved explorer state {shown}"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "theme = light  (from saved explorer state {shown}"
        )),
        "{out}"
    );
    let out = run(&["config", "--currency", "USD"]);
    assert!(
        out.contains("currency = USD  (from flag --currency)"),
        "{out}"
    );
    let out = run(&["config", "--no-config"]);
    assert!(out.contains("theme = dark  (from default)"), "{out}");
    // Scripts are not changed by what was chosen in the explorer.
    let data = fixture();
    let out = run(&["list", "cost", "--data", &data]);
    assert!(
        out.contains("$15,000–$30,000") && !out.contains('≈'),
        "{out}"
    );
    std::fs::write(&state, "(currency: 7)\n").unwrap();
    let out = run(&["config"]);
    assert!(
        out.contains("state.ron:1:"),
        "a bad state file is a warning naming its place: {out}"
    );
    assert!(out.contains("currency = USD  (from default)"), "{out}");
}

/// The high ends of `list cost --sort price-high` in US dollars, in the order listed (`None`: the
/// source gives no high end).
fn high_ends(extra: &[&str]) -> Vec<Option<u64>> {
    let mut args = vec![
        "list",
        "cost",
        "--sort",
        "price-high",
        "--format",
        "json",
        "--currency",
        "USD",
    ];
    args.extend_from_slice(extra);
    let json: serde_json::Value = serde_json::from_str(&ok(&args)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let usd = r["range"]["currency"] == "USD";
            let figure = if usd { &r["range"] } else { &r["converted"] };
            figure["max"].as_u64()
        })
        .collect()
}

#[test]
fn sorting_by_the_high_end_never_puts_an_open_top_first() {
    // A "$200+" range has no stated top: in neither direction does it pass for the highest price.
    for desc in [false, true] {
        let extra: &[&str] = if desc { &["--desc"] } else { &[] };
        let ends = high_ends(extra);
        let closed: Vec<u64> = ends.iter().map_while(|e| *e).collect();
        assert!(
            closed.len() >= 2 && closed.len() < ends.len(),
            "the fixture has closed and open ranges: {ends:?}"
        );
        assert!(
            ends[closed.len()..].iter().all(Option::is_none),
            "every open top after every closed one ({desc}): {ends:?}"
        );
        let mut sorted = closed.clone();
        sorted.sort_unstable();
        if desc {
            sorted.reverse();
        }
        assert_eq!(closed, sorted, "closed tops in order ({desc})");
    }
}

#[test]
fn price_sort_weighs_won_and_dollars_in_one_currency() {
    // Without --currency the figures are shown as the sources give them, but ordered in dollars.
    let listed = |extra: &[&str]| -> Vec<serde_json::Value> {
        let mut args = vec!["list", "cost", "--sort", "price", "--format", "json"];
        args.extend_from_slice(extra);
        let json: serde_json::Value = serde_json::from_str(&ok(&args)).unwrap();
        json.as_array().unwrap().clone()
    };
    let ids = |v: &[serde_json::Value]| -> Vec<String> {
        v.iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let plain = listed(&[]);
    let usd = listed(&["--currency", "USD"]);
    assert_eq!(ids(&plain), ids(&usd));
    let low = |r: &serde_json::Value| {
        let figure = if r["range"]["currency"] == "USD" {
            &r["range"]
        } else {
            &r["converted"]
        };
        figure["min"].as_u64()
    };
    let lows: Vec<u64> = usd.iter().map_while(low).collect();
    assert!(lows.windows(2).all(|w| w[0] <= w[1]), "{lows:?}");
    // The test can fail: the raw figures, won and dollars alike, are in another order.
    let raw: Vec<u64> = plain
        .iter()
        .filter_map(|r| r["range"]["min"].as_u64())
        .collect();
    assert!(raw.windows(2).any(|w| w[0] > w[1]), "{raw:?}");
}
