//! Data layers: directories on top of the base data, adding and replacing records, links from a
//! layer to bundled records, problems named by layer and file, removal by an explicit list, the
//! order of configuration files, environment and flags, and the cache on the merged dataset.

use clinic_explorer::Dataset;
use clinic_explorer::cache::{self, Cache};
use clinic_explorer::config::{ConfigPaths, Flags, Settings};
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::Kind;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A partner clinic in Gangnam offering the bundled PRP, sourced from a bundled document.
const PARTNER: &str = r#"[
    (
        id: "partner-gangnam-clinic",
        name: "Partner Gangnam Clinic",
        summary: "A partner clinic the team works with, offering PRP.",
        institution: "clinic",
        city: "Seoul",
        district: "Gangnam",
        therapies: ["platelet-rich-plasma"],
        sources: [(source: "mtb-scarring-alopecia", section: "Clinics")],
    ),
]
"#;

fn layer(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("written");
    }
    dir
}

/// The first bundled clinic, renamed, as a replacement record.
fn replacement_of_first_clinic() -> (String, String) {
    let text = include_str!("../data/clinics.ron");
    let data = Dataset::load(&DataSource::Bundled).unwrap();
    let c = &data.clinics[0];
    let start = text.find(&format!("id: \"{}\"", c.id)).unwrap();
    let open = text[..start].rfind('(').unwrap();
    // The record runs to the `),` that closes it at its own indentation.
    let indent = &text[text[..open].rfind('\n').unwrap() + 1..open];
    let close = text[open..].find(&format!("\n{indent}),")).unwrap() + open;
    let record = text[open..close].to_owned() + "\n" + indent + "),";
    let renamed = record.replacen(&c.name, "Renamed In A Layer", 1);
    (c.id.0.clone(), format!("[\n{renamed}\n]\n"))
}

#[test]
fn two_layers_add_and_replace_records_and_link_to_bundled_ones() {
    let first = layer(&[("clinics.ron", PARTNER)]);
    let (id, replacement) = replacement_of_first_clinic();
    let second = layer(&[("clinics.ron", &replacement)]);
    let layers = [first.path().to_path_buf(), second.path().to_path_buf()];
    let bundled = Dataset::load(&DataSource::Bundled).unwrap();
    let data = Dataset::load_layers(&DataSource::Bundled, &layers).expect("the layers load");
    assert_eq!(data.clinics.len(), bundled.clinics.len() + 1, "one added");
    assert_eq!(data.therapies.len(), bundled.therapies.len());
    // The added clinic links to the bundled PRP, both ways.
    let partner = data.clinic("partner-gangnam-clinic").expect("added");
    assert_eq!(partner.therapies[0].as_str(), "platelet-rich-plasma");
    assert!(
        data.clinics_offering("platelet-rich-plasma")
            .iter()
            .any(|c| c.as_str() == "partner-gangnam-clinic")
    );
    // The replaced clinic keeps its place, with the layer's fields.
    assert_eq!(data.clinics[0].id.as_str(), id);
    assert_eq!(data.clinics[0].name, "Renamed In A Layer");
    let name = |d: &Path| d.file_name().unwrap().to_string_lossy().into_owned();
    let (l, replaced) = data.layer_of(Kind::Clinic, &id).unwrap();
    assert_eq!(l.name, name(second.path()));
    assert_eq!(replaced.unwrap().name, "bundled");
    assert_eq!(
        data.layer_line(Kind::Clinic, &id).unwrap(),
        format!("{} (replaces the bundled record)", name(second.path()))
    );
    let (l, replaced) = data
        .layer_of(Kind::Clinic, "partner-gangnam-clinic")
        .unwrap();
    assert_eq!((l.name.clone(), replaced), (name(first.path()), None));
    let therapy = data
        .layer_of(Kind::Therapy, "platelet-rich-plasma")
        .unwrap();
    assert_eq!(therapy.0.name, "bundled");
    // Without layers nothing is said.
    assert!(bundled.layer_of(Kind::Clinic, &id).is_none());
    let d = data
        .describe(Kind::Clinic, "partner-gangnam-clinic")
        .unwrap();
    assert!(
        d.fields.iter().any(|f| f.label == "Layer"),
        "{:?}",
        d.fields
    );
}

#[test]
fn a_bad_file_in_the_second_layer_names_its_layer_file_and_line() {
    let first = layer(&[("clinics.ron", PARTNER)]);
    let bad = PARTNER
        .replace("partner-gangnam-clinic", "second-clinic")
        .replace("platelet-rich-plasma", "platelet-rich-plasm");
    let second = layer(&[("clinics.ron", &bad)]);
    let layers = [first.path().to_path_buf(), second.path().to_path_buf()];
    let err = Dataset::check_layers(&DataSource::Bundled, &layers)
        .unwrap_err()
        .to_string();
    let file = second.path().join("clinics.ron").display().to_string();
    let name = second
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        err.starts_with(&format!(
            "{file}:9:21: layer `{name}`: `platelet-rich-plasm` is not a therapy id"
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    // A syntax error in a layer is located the same way.
    std::fs::write(
        second.path().join("clinics.ron"),
        "[\n  (id: \"x\" name: \"y\"),\n]",
    )
    .unwrap();
    let err = Dataset::check_layers(&DataSource::Bundled, &layers)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&format!("{file}:2:")), "{err}");
    assert!(err.contains(&format!("layer `{name}`")), "{err}");
}

#[test]
fn a_duplicate_within_a_layer_is_an_error_and_removal_is_explicit() {
    let twice = PARTNER.replace("\n]\n", "") + &PARTNER.replacen("[", "", 1);
    let dup = layer(&[("clinics.ron", &twice)]);
    let err = Dataset::check_layers(&DataSource::Bundled, &[dup.path().to_path_buf()])
        .unwrap_err()
        .to_string();
    assert!(err.contains("used twice in this layer"), "{err}");

    let bundled = Dataset::load(&DataSource::Bundled).unwrap();
    // Nothing links to a clinic, so one can go.
    let gone = bundled.clinics[0].id.0.clone();
    let remove = format!("[ (kind: clinic, id: \"{gone}\") ]");
    let l = layer(&[("remove.ron", &remove)]);
    let data = Dataset::load_layers(&DataSource::Bundled, &[l.path().to_path_buf()]).unwrap();
    assert_eq!(data.clinics.len(), bundled.clinics.len() - 1);
    assert!(data.clinic(&gone).is_none());
    // A travel fact others point at cannot go without them: the merged dataset is checked.
    let linked = bundled
        .travel
        .iter()
        .find_map(|t| t.disagrees_with.first())
        .expect("a travel fact that another disagrees with")
        .0
        .clone();
    let remove = format!("[ (kind: travel, id: \"{linked}\") ]");
    let l = layer(&[("remove.ron", &remove)]);
    let err = Dataset::check_layers(&DataSource::Bundled, &[l.path().to_path_buf()])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("`{linked}` is not a travel fact id")),
        "{err}"
    );
    let l = layer(&[("remove.ron", "[ (kind: clinic, id: \"no-such-clinic\") ]")]);
    let err = Dataset::check_layers(&DataSource::Bundled, &[l.path().to_path_buf()])
        .unwrap_err()
        .to_string();
    assert!(err.contains("remove.ron:1:"), "{err}");
    assert!(err.contains("not a clinic id in an earlier layer"), "{err}");
}

#[test]
fn layers_come_from_system_then_user_files_then_environment_then_flags() {
    let home = tempfile::tempdir().unwrap();
    let system = home.path().join("etc/config.ron");
    let user = home.path().join("user/config.ron");
    for (p, l) in [(&system, "sys-layer"), (&user, "user-layer")] {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, format!("(layers: [\"{l}\"])")).unwrap();
    }
    let paths = ConfigPaths {
        system: Some(system.clone()),
        user: Some(user.clone()),
    };
    let joined = std::env::join_paths(["/env/one", "/env/two"]).unwrap();
    let s = Settings::load(&Flags::default(), &paths, &|name| {
        (name == "CLINIC_EXPLORER_LAYERS").then(|| joined.clone())
    })
    .unwrap();
    assert_eq!(
        s.layer_dirs(),
        vec![
            home.path().join("etc/sys-layer"),
            home.path().join("user/user-layer"),
            PathBuf::from("/env/one"),
            PathBuf::from("/env/two"),
        ]
    );
    // And --layer flags come last, in the order given, as `config --print` shows.
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(["config", "--layer", "/flag/a", "--layer", "/flag/b"])
        .env("XDG_CONFIG_HOME", home.path().join("xdg"))
        .env("CLINIC_EXPLORER_LAYERS", "/env/one")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    assert!(
        at("/env/one") < at("/flag/a") && at("/flag/a") < at("/flag/b"),
        "{text}"
    );
}

#[test]
fn the_cache_holds_the_merged_dataset_and_sees_a_layer_change() {
    let l = layer(&[("clinics.ron", PARTNER)]);
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(cache_dir.path());
    let layers = [l.path().to_path_buf()];
    let first = cache::load_layers(&DataSource::Bundled, &layers, &cache).unwrap();
    assert!(!first.from_cache);
    let second = cache::load_layers(&DataSource::Bundled, &layers, &cache).unwrap();
    assert!(second.from_cache);
    assert_eq!(
        second
            .data
            .layer_of(Kind::Clinic, "partner-gangnam-clinic")
            .map(|x| x.0.name.clone()),
        first
            .data
            .layer_of(Kind::Clinic, "partner-gangnam-clinic")
            .map(|x| x.0.name.clone()),
    );
    std::fs::write(
        l.path().join("clinics.ron"),
        PARTNER.replace("PRP.", "PRP!"),
    )
    .unwrap();
    let third = cache::load_layers(&DataSource::Bundled, &layers, &cache).unwrap();
    assert!(!third.from_cache);
    assert!(
        third
            .data
            .clinic("partner-gangnam-clinic")
            .unwrap()
            .summary
            .ends_with("PRP!")
    );
}

#[test]
fn show_and_json_say_the_layer() {
    let l = layer(&[("clinics.ron", PARTNER)]);
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
            .args([
                "--no-config",
                "--no-cache",
                "show",
                "clinic",
                "partner-gangnam-clinic",
            ])
            .args(["--format", format, "--layer"])
            .arg(l.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let name = l.path().file_name().unwrap().to_string_lossy().into_owned();
    let text = run("text");
    assert!(text.contains("Layer") && text.contains(&name), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["layer"]["name"], name.as_str(), "{json}");
}

#[test]
fn a_layer_adds_places_within_bundled_ones_and_a_bad_place_names_its_layer() {
    let places = r#"[
    (
        id: "yeoksam-dong",
        name: "Yeoksam-dong",
        aliases: ["Yeoksam"],
        level: Neighbourhood,
        within: "gangnam-gu",
        sources: [(source: "wikipedia-gangnam-district", section: "Gangnam District")],
    ),
]
"#;
    let clinic = PARTNER.replace("district: \"Gangnam\"", "district: \"Yeoksam\"");
    let own = layer(&[("clinics.ron", &clinic), ("places.ron", places)]);
    let layers = [own.path().to_path_buf()];
    let bundled = Dataset::load(&DataSource::Bundled).unwrap();
    let data = Dataset::check_layers(&DataSource::Bundled, &layers).expect("the layer loads");
    assert_eq!(
        data.places.len(),
        bundled.places.len() + 1,
        "one place added"
    );
    let gazetteer = clinic_explorer::places::Gazetteer::new(&data.places);
    let fact = gazetteer
        .fact(Some("Yeoksam"), None)
        .expect("the new place is known");
    assert!(
        fact.text.starts_with("Yeoksam-dong is in Gangnam-gu"),
        "{}",
        fact.text
    );
    // A place within a place no layer has is reported in this layer's places.ron, with its line.
    std::fs::write(
        own.path().join("places.ron"),
        places.replace("\"gangnam-gu\"", "\"gangnam-gu-x\""),
    )
    .unwrap();
    let err = Dataset::check_layers(&DataSource::Bundled, &layers)
        .unwrap_err()
        .to_string();
    let file = own.path().join("places.ron").display().to_string();
    assert!(
        err.starts_with(&format!("{file}:3:13: layer `")) && err.contains("`gangnam-gu-x`"),
        "{err}"
    );
}

#[test]
fn the_layer_qualifier_selects_records_by_layer() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("partners");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("clinics.ron"), PARTNER).unwrap();
    let data = Dataset::load_layers(&DataSource::Bundled, std::slice::from_ref(&dir)).unwrap();
    let table = clinic_explorer::query::facet::FacetTable::build(&data);
    let kept = |q: &str| -> Vec<String> {
        let q = clinic_explorer::query::parse(q).unwrap();
        let ok = table.passing(&q.filters, None);
        (0..table.len())
            .filter(|&r| ok[r] && table.kind(r) == Kind::Clinic)
            .map(|r| table.id(r).to_owned())
            .collect()
    };
    assert_eq!(kept("layer:partners"), ["partner-gangnam-clinic"]);
    assert_eq!(kept("layer:bundled").len(), data.clinics.len() - 1);
    assert_eq!(kept("!layer:bundled"), ["partner-gangnam-clinic"]);
    let counts = table.counts(0..table.len(), clinic_explorer::query::Field::Layer);
    assert!(counts.contains(&("partners".to_owned(), 1)), "{counts:?}");
    // The same through `list --where`, with the other qualifiers.
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(["--no-config", "--no-cache", "list", "clinic", "--where"])
        .arg("layer:partners offers:prp")
        .arg("--layer")
        .arg(&dir)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("partner-gangnam-clinic"), "{text}");
    assert!(
        text.contains("layer partners"),
        "the why column says the layer: {text}"
    );
    assert!(
        !text.contains("cellinique-clinic"),
        "a bundled PRP clinic is left out: {text}"
    );
}

/// Runs `clinic-explorer new KIND NAME --into DIR` (no configuration), returning stdout.
fn new_record(kind: &str, name: &str, dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(["--no-config", "--no-cache", "new", kind, name, "--into"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Writes in the scaffold's placeholders the way a person would.
fn fill_in(text: &str, group: &str) -> String {
    let mut t = text
        .replace("\"FILL IN: source id\"", "\"mtb-scarring-alopecia\"")
        .replace("\"FILL IN: cost group id\"", &format!("\"{group}\""))
        .replace("\"FILL IN: category\"", "\"Hair loss\"")
        .replace("category: FILL_IN", "category: CellFreeBiologic")
        .replace("evidence: FILL_IN", "evidence: NotStated")
        .replace("min: FILL_IN", "min: 300")
        .replace("currency: FILL_IN", "currency: USD")
        .replace("unit: FILL_IN", "unit: PerSession")
        .replace("year: FILL_IN", "year: 2026")
        .replace("topic: FILL_IN", "topic: Practical");
    // Every other text placeholder, whatever it asks for.
    while let Some(at) = t.find("\"FILL IN") {
        let end = at + 1 + t[at + 1..].find('"').unwrap();
        t.replace_range(at..=end, "\"Written in by the coordinator\"");
    }
    t
}

#[test]
fn the_scaffold_writes_every_kind_and_passes_check_once_filled_in() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("mine");
    let bundled = Dataset::load(&DataSource::Bundled).unwrap();
    let group = bundled.costs.groups[0].id.0.clone();
    let kinds = [
        ("condition", "conditions.ron", "Partner Scar Type"),
        ("therapy", "therapies.ron", "Partner PRP Plus"),
        ("clinic", "clinics.ron", "Partner Gangnam Clinic"),
        ("cost", "costs.ron", "Partner PRP price, Seoul"),
        ("travel", "travel.ron", "Partner pickup service"),
        ("source", "sources.ron", "Partner price list 2026"),
    ];
    for (kind, file, name) in kinds {
        let said = new_record(kind, name, &dir);
        let path = dir.join(file);
        let id = name
            .to_lowercase()
            .replace([',', ' '], "-")
            .replace("--", "-");
        assert!(
            said.starts_with(&format!("Added {kind} `{id}` to {}", path.display())),
            "{said}"
        );
        // What is left is said with the layer, file and line, the placeholders among it.
        assert!(said.contains("Left to fill in"), "{said}");
        assert!(
            said.contains(&format!("{}:", path.display())) && said.contains("layer `mine`"),
            "{said}"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("// A new") && text.contains("FILL"), "{text}");
        std::fs::write(&path, fill_in(&text, &group)).unwrap();
        let data = Dataset::check_layers(&DataSource::Bundled, std::slice::from_ref(&dir))
            .unwrap_or_else(|e| panic!("{kind} once filled in: {e}"));
        let k = match kind {
            "source" => None,
            k => Some(Kind::parse(k).unwrap()),
        };
        match k {
            Some(k) => assert!(data.get(k, &id).is_some(), "{kind} {id}"),
            None => assert!(data.sources.iter().any(|s| s.id.as_str() == id)),
        }
    }
    // A second record goes after the first; once filled in, both load.
    let said = new_record("clinic", "Second Partner", &dir);
    assert!(said.contains("`second-partner`"), "{said}");
    let path = dir.join("clinics.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, fill_in(&text, &group)).unwrap();
    let data = Dataset::check_layers(&DataSource::Bundled, std::slice::from_ref(&dir)).unwrap();
    assert!(
        data.clinic("partner-gangnam-clinic").is_some() && data.clinic("second-partner").is_some()
    );
    // A repeated id is refused and the file is left as it was.
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(["--no-config", "new", "clinic", "Second Partner", "--into"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("already has a record `second-partner`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        fill_in(&text, &group)
    );
}

#[test]
fn a_scaffolded_record_with_a_bundled_id_says_it_replaces_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("mine");
    let bundled = Dataset::load(&DataSource::Bundled).unwrap();
    let c = &bundled.clinics[0];
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args([
            "--no-config",
            "--no-cache",
            "new",
            "clinic",
            "Any name",
            "--id",
        ])
        .arg(c.id.as_str())
        .arg("--into")
        .arg(&dir)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("record of the bundled data: this one replaces it whole"),
        "{said}"
    ); // With a layer below, the one whose record it replaces is named, the bundled data included.
    let below = root.path().join("partners");
    std::fs::create_dir(&below).unwrap();
    std::fs::write(below.join("clinics.ron"), PARTNER).unwrap();
    let said_for = |id: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
            .args(["--no-config", "--no-cache", "--layer"])
            .arg(&below)
            .args(["new", "clinic", "Any name", "--id", id, "--into"])
            .arg(root.path().join("top"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let said = said_for("partner-gangnam-clinic");
    assert!(
        said.contains("record of layer `partners`: this one replaces it whole"),
        "{said}"
    );
    let said = said_for(c.id.as_str());
    assert!(
        said.contains("record of the bundled data: this one"),
        "{said}"
    );
}
