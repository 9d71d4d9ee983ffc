//! What the explorer keeps rather than work out again, against working it out afresh: what list
//! rows want, measured the fast way (each distinct badge once, names' widths and badge
//! labels from the facet table, or ASCII names by their length), against measuring every row from
//! scratch, on the bundled data, the Korean fixture and
//! generated records; the cost chart, laid out once per group, bar, currency and width with its
//! savings part kept, against a chart laid out from nothing after each key.

#[allow(dead_code)] // the generator's command-line parts are not used here
#[path = "../examples/synth.rs"]
mod synth;

#[path = "common/lib.rs"]
mod common;

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::Kind;
use clinic_explorer::query::facet::FacetTable;
use clinic_explorer::text;
use clinic_explorer::tui::columns::{RowWants, badge, record_wants};

/// 2,000 generated records (written to a temporary directory and loaded back).
fn generated() -> Dataset {
    let dir = tempfile::tempdir().expect("a temporary directory");
    synth::write(2_000, dir.path()).expect("generated");
    Dataset::load(&DataSource::Dir(dir.path().to_path_buf())).expect("loads")
}

#[test]
fn every_rows_wants_are_those_measured_from_scratch() {
    let generated = generated();
    let bundled = Dataset::load(&DataSource::Bundled).expect("bundled");
    for (name, data) in [
        ("bundled", bundled),
        ("fixture", common::fixture()),
        ("generated", generated),
    ] {
        let table = FacetTable::build(&data);
        for kind in [Kind::Condition, Kind::Therapy, Kind::Clinic, Kind::Travel] {
            let slow: Vec<RowWants> = data
                .records(kind)
                .iter()
                .enumerate()
                .map(|(p, r)| RowWants::of(&text::sanitize(r.name()), &badge(&data, kind, p)))
                .collect();
            assert!(!slow.is_empty(), "{name} {kind:?}");
            assert_eq!(record_wants(&data, kind, None), slow, "{name} {kind:?}");
            // Through the facet table's name widths and labels.
            assert_eq!(
                record_wants(&data, kind, Some(&table)),
                slow,
                "{name} {kind:?} (table)"
            );
        }
    }
}

#[test]
fn the_cost_chart_kept_is_the_one_laid_out_afresh() {
    use clinic_explorer::tui::action::Action;
    let data = Dataset::load(&DataSource::Bundled).expect("bundled");
    let app = clinic_explorer::tui::app::App::with_setup(data.clone(), common::plain());
    let mut app = common::sized(app, 120, 40);
    common::press(&mut app, "4");
    let mut groups = std::collections::HashSet::new();
    let mut bars = std::collections::HashSet::new();
    // Each step: keys, or the currency changed.
    let steps = [
        "l", "j", "$", "j", "h", "j", "j", "o", "o", "O", "$", "l", "j", "h", "k", "o", "j", "l",
        "j",
    ];
    for step in steps {
        if step == "$" {
            app.update(Action::ToggleCurrency);
        } else {
            common::press(&mut app, step);
        }
        let group = app.selected_group().expect("a group is selected");
        groups.insert(group.clone());
        let bar = app
            .selected_cost()
            .and_then(|c| data.ranges_in_group(&group).position(|r| r.id == c.id))
            .expect("a bar is selected");
        bars.insert(bar);
        let view = app.view();
        for width in [60u16, 44, 60] {
            let fresh = clinic_explorer::tui::doc::costs(
                &data,
                &group,
                view.currency,
                bar,
                usize::from(width),
                view.presenter,
            );
            assert_eq!(
                *app.detail_doc(width),
                fresh.doc,
                "after {step}: group {group}, bar {bar}, width {width}"
            );
        }
    }
    assert!(groups.len() > 2, "the steps moved among groups: {groups:?}");
    assert!(bars.len() > 1, "the steps moved among bars: {bars:?}");
}

#[test]
fn a_cost_groups_row_tells_what_its_whole_chart_does() {
    use clinic_explorer::chart;
    use clinic_explorer::model::Currency;
    use clinic_explorer::tui::columns::group_summary;
    let generated = generated();
    let bundled = Dataset::load(&DataSource::Bundled).expect("bundled");
    for (name, data) in [("bundled", bundled), ("generated", generated)] {
        let mut korean = 0;
        for i in 0..chart::group_count(&data) {
            let group = chart::group_at(&data, i).expect("a group");
            for currency in [Currency::USD, Currency::KRW] {
                let whole = chart::chart(&data, group.id.as_str(), currency).expect("charted");
                let g = group_summary(&data, group, currency);
                assert_eq!(g.bars, whole.bars.len(), "{name} {i}");
                assert_eq!(g.first_country, whole.bars[0].country, "{name} {i}");
                let korea = whole.bars.iter().find(|b| b.korea);
                assert_eq!(g.korea.as_ref().map(|k| &k.0), korea, "{name} {i}");
                if let Some((bar, range)) = &g.korea {
                    assert_eq!(range.id.as_str(), bar.cost_id, "{name} {i}");
                    korean += 1;
                }
            }
        }
        assert!(korean > 0, "{name}: some group has a Korean figure");
    }
}

/// The cut as it was first written (a vector of characters), to hold the faster one to.
fn cut_name_by_chars(s: &str, width: usize) -> String {
    if text::width(s) <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let figure = |c: char| c.is_ascii_digit() || matches!(c, '$' | '₩' | '€' | '£' | '¥' | '%');
    let chars: Vec<char> = s.chars().collect();
    let (mut w, mut end) = (0, 0);
    for (i, c) in chars.iter().enumerate() {
        let cw = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        w += cw;
        end = i + 1;
    }
    if end > 0 && end < chars.len() && chars[end] != ' ' && chars[end - 1] != ' ' {
        let start = chars[..end]
            .iter()
            .rposition(|c| *c == ' ')
            .map_or(0, |p| p + 1);
        let word_end = chars[end..]
            .iter()
            .position(|c| *c == ' ')
            .map_or(chars.len(), |p| end + p);
        if chars[start..word_end].iter().any(|c| figure(*c)) {
            end = start;
        }
    }
    let out: String = chars[..end].iter().collect();
    format!("{}…", out.trim_end())
}

#[test]
fn names_are_cut_and_countries_told_as_before() {
    use clinic_explorer::tui::columns::cut_name;
    let data = Dataset::load(&DataSource::Bundled).expect("bundled");
    let fixture = common::fixture();
    let mut names: Vec<String> = Vec::new();
    for d in [&data, &fixture] {
        for kind in Kind::ALL {
            names.extend(d.records(kind).iter().map(|r| r.name().to_owned()));
        }
    }
    names.extend(
        [
            "Stay for 90 days",
            "Phase 12345 trial",
            "  spaced  out  ",
            "강남구 신사동 클리닉",
            "Ｗｉｄｅ letters",
            "",
        ]
        .map(String::from),
    );
    for n in &names {
        for width in 0..40 {
            assert_eq!(
                cut_name(n, width),
                cut_name_by_chars(n, width),
                "{n:?} {width}"
            );
        }
    }
    let lowered = |c: &str| {
        let c = c.to_lowercase();
        c.contains("korea") || c.contains("seoul")
    };
    let mut countries: Vec<String> = data
        .costs
        .ranges
        .iter()
        .map(|r| r.country.clone())
        .collect();
    countries.extend(
        [
            "SOUTH KOREA",
            "Seoul (Gangnam)",
            "Korea, Republic of",
            "\u{212A}orea",
            "대한민국 Korea",
            "kore",
            "United States",
            "",
        ]
        .map(String::from),
    );
    for c in &countries {
        assert_eq!(clinic_explorer::chart::is_korea(c), lowered(c), "{c:?}");
    }
}

#[test]
fn the_facet_panels_lines_after_each_choice_are_those_worked_out_afresh() {
    use clinic_explorer::query::facet::facets_of;
    let data = Dataset::load(&DataSource::Bundled).expect("bundled");
    let table = FacetTable::build(&data);
    for (kind, tab) in [(Kind::Clinic, "3"), (Kind::Therapy, "2"), (Kind::Cost, "4")] {
        let app = clinic_explorer::tui::app::App::with_setup(data.clone(), common::plain());
        let mut app = common::sized(app, 120, 40);
        common::press(&mut app, &format!("{tab} f"));
        let mut chosen_most = 0;
        for step in [
            "space", "j", "j", "space", "G", "space", "g", "space", "j", "space", "k", "space",
            "c", "j", "space",
        ] {
            common::press(&mut app, step);
            let chosen = app.list_view(kind).chosen.clone();
            chosen_most = chosen_most.max(chosen.len());
            let facets = facets_of(kind);
            let numbers = table.chosen_numbers(facets, &chosen);
            let fresh: Vec<_> = facets
                .iter()
                .zip(table.panel_counts(table.range(kind), facets, &numbers))
                .flat_map(|(&f, values)| {
                    let chosen = &chosen;
                    values.into_iter().map(move |(value, count)| {
                        let on = chosen.iter().any(|c| c.0 == f && c.1 == value);
                        (f, value, count, on)
                    })
                })
                .collect();
            let got: Vec<_> = app
                .facet_entries(kind)
                .iter()
                .map(|e| (e.field, e.value.clone(), e.count, e.chosen))
                .collect();
            assert_eq!(got, fresh, "{kind:?} after {step}: {chosen:?}");
        }
        assert!(
            chosen_most >= 2,
            "{kind:?}: the steps chose two values at once"
        );
    }
}

#[test]
fn names_cut_alike_are_found_as_by_cutting_each() {
    use clinic_explorer::tui::columns::{ListColumns, ListMeasure, cut_name, shared_words};
    let generated = generated();
    let mut names: Vec<String> = (0..clinic_explorer::chart::group_count(&generated))
        .filter_map(|g| clinic_explorer::chart::group_at(&generated, g).map(|g| g.name.clone()))
        .collect();
    names.extend(generated.therapies.iter().map(|t| t.name.clone()));
    names.extend(common::fixture().clinics.iter().map(|c| c.name.clone()));
    let m = ListMeasure::of(
        names.iter().map(|n| RowWants {
            name: text::width(n),
            badge: 10,
            least: 4,
        }),
        Some(names.clone()),
    );
    let mut sharing = 0;
    for room in 0..60 {
        let c = ListColumns::new(&m, room);
        sharing += usize::from(!c.shared_starts.is_empty());
        let mut alike: std::collections::HashMap<String, Vec<&str>> = Default::default();
        for n in &names {
            if text::width(n) > c.name_room {
                alike.entry(cut_name(n, c.name_room)).or_default().push(n);
            }
        }
        let slow: std::collections::HashMap<String, usize> = alike
            .into_iter()
            .filter(|(_, g)| g.len() > 1)
            .map(|(cut, g)| (cut, shared_words(&g)))
            .collect();
        assert_eq!(c.shared_starts, slow, "room {room}");
    }
    assert!(sharing > 10, "names cut alike at {sharing} rooms");
}
