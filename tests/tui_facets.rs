//! The facet panel, sorting and the tree, driven by keys through the real keymap, and drawn at 80x24
//! and 120x40 on the fixture data (whose places put Sinsa-dong in Gangnam-gu).

#[path = "common/lib.rs"]
mod common;

use clinic_explorer::model::Kind;
use clinic_explorer::query::facet::FacetTable;
use common::{app_sized, fixture, press, screen, screen_text};

/// The bundled data: more facet values and cost groups than the fixture has.
fn bundled() -> clinic_explorer::Dataset {
    clinic_explorer::Dataset::load(&clinic_explorer::dataset::DataSource::Bundled)
        .expect("bundled data")
}

/// An explorer on the bundled data at 80x24 with the Clinics facet panel open, and its lines.
fn clinics_panel() -> (
    clinic_explorer::tui::app::App,
    std::sync::Arc<[clinic_explorer::tui::app::FacetEntry]>,
) {
    let mut app = bundled_app(80, 24);
    press(&mut app, "3 f");
    let entries = app.facet_entries(Kind::Clinic);
    (app, entries)
}

/// An explorer on the bundled data at a size.
fn bundled_app(width: u16, height: u16) -> clinic_explorer::tui::app::App {
    let app = clinic_explorer::tui::app::App::with_setup(bundled(), common::plain());
    common::sized(app, width, height)
}

#[test]
fn two_facets_narrow_the_clinics_and_the_title_says_so() {
    let mut app = app_sized(120, 40);
    press(&mut app, "3 f");
    let entries = app.facet_entries(Kind::Clinic);
    let gangnam = entries
        .iter()
        .find(|e| e.value == "Gangnam-gu")
        .expect("district facet");
    assert_eq!(
        gangnam.count, 2,
        "both clinics lie in Gangnam-gu, one through Sinsa-dong"
    );
    let sinsa = entries
        .iter()
        .position(|e| e.value == "Sinsa-dong")
        .expect("Sinsa-dong");
    for _ in 0..sinsa {
        press(&mut app, "j");
    }
    press(&mut app, "space");
    assert_eq!(app.list_len(Kind::Clinic), 1);
    // The cursor stays on Sinsa-dong; the offers facet now counts only what is left.
    let entries = app.facet_entries(Kind::Clinic);
    let hair = entries
        .iter()
        .position(|e| e.value == "Hair transplant")
        .expect("offers facet");
    assert!(
        entries
            .iter()
            .all(|e| e.value != "Adipose-derived stem cells")
    );
    let at = entries
        .iter()
        .position(|e| e.value == "Sinsa-dong")
        .unwrap();
    for _ in at..hair {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    // The panel's title says it whole.
    let s = screen_text(&app);
    assert!(
        s.contains("Clinics 1 of 2 · district Sinsa-dong · offers Hair transplant"),
        "{s}"
    );
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
    assert_eq!(
        app.list_title(Kind::Clinic),
        "Clinics 1 of 2 · district Sinsa-dong · offers Hair transplant"
    );
    assert_eq!(app.selected_id(Kind::Clinic), Some("test-sinsa-hospital"));
    // The pane is as wide as its short title at 120 columns (the status bar says it whole).
    let s = screen_text(&app);
    assert!(
        s.contains("Clinics 1/2 · Sinsa-dong · Hair transplant "),
        "{s}"
    );
    press(&mut app, "F");
    assert_eq!(app.list_len(Kind::Clinic), 2);
    assert_eq!(app.list_title(Kind::Clinic), "Clinics (2)");
}

#[test]
fn the_costs_tab_sorts_by_price_and_says_so() {
    let mut app = app_sized(80, 24);
    press(&mut app, "4 o o");
    let title = app.list_title(Kind::Cost);
    assert!(title.ends_with("sorted by price (low end)"), "{title}");
    // Each group's lowest low end, in the currency shown, never falls down the list.
    let data = fixture();
    let table = FacetTable::build(&data);
    let currency = Some(app.view().currency);
    let low = |group: &str| {
        data.ranges_in_group(group)
            .filter_map(|c| table.number(Kind::Cost, c.id.as_str()))
            .filter_map(|r| table.bounds(r, currency).and_then(|b| b.0.or(b.1)))
            .fold(f64::INFINITY, f64::min)
    };
    let lows: Vec<f64> = (0..app.list_len(Kind::Cost))
        .map(|row| {
            let g = app.row_target(Kind::Cost, row).unwrap();
            low(clinic_explorer::chart::group_at(&data, g)
                .unwrap()
                .id
                .as_str())
        })
        .collect();
    assert!(lows.len() > 1);
    assert!(lows.windows(2).all(|w| w[0] <= w[1]), "{lows:?}");
    press(&mut app, "O");
    assert!(app.list_title(Kind::Cost).ends_with("descending"));
}

#[test]
fn conditions_fold_and_unfold_in_the_tree() {
    let mut app = app_sized(80, 24);
    press(&mut app, "1 t");
    let n = app.list_len(Kind::Condition);
    assert!(screen_text(&app).contains("└ Lichen planopilaris"));
    assert_eq!(app.row_depth(Kind::Condition, 1), 1);
    press(&mut app, "g z");
    assert_eq!(
        app.list_len(Kind::Condition),
        n - 1,
        "the subtype folds under its parent"
    );
    let s = screen_text(&app);
    assert!(!s.contains("└ Lichen planopilaris"), "{s}");
    press(&mut app, "z");
    assert_eq!(app.list_len(Kind::Condition), n);
    press(&mut app, "t");
    assert_eq!(app.row_depth(Kind::Condition, 1), 0);
}

#[test]
fn therapies_group_by_category() {
    let mut app = app_sized(80, 24);
    press(&mut app, "2 t");
    assert!(app.list_title(Kind::Therapy).ends_with("by category"));
    let data = fixture();
    let cats: Vec<&str> = (0..app.list_len(Kind::Therapy))
        .map(|r| {
            data.therapies[app.row_target(Kind::Therapy, r).unwrap()]
                .category
                .label()
        })
        .collect();
    // Each category's therapies stand together.
    for (i, c) in cats.iter().enumerate() {
        assert!(
            !cats[i + 1..].iter().skip_while(|x| *x == c).any(|x| x == c),
            "{cats:?}"
        );
    }
}

#[test]
fn snapshots_of_the_facet_panel_sorted_costs_and_the_tree() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_sized(w, h);
        press(&mut app, "3 f j space");
        insta::assert_snapshot!(format!("facets_clinics_{w}x{h}"), screen(&app).backend());
        press(&mut app, "esc");
        insta::assert_snapshot!(
            format!("facets_clinics_narrowed_{w}x{h}"),
            screen(&app).backend()
        );
        let mut app = app_sized(w, h);
        press(&mut app, "4 o o");
        insta::assert_snapshot!(format!("costs_by_price_{w}x{h}"), screen(&app).backend());
        let mut app = app_sized(w, h);
        press(&mut app, "1 t");
        insta::assert_snapshot!(format!("conditions_tree_{w}x{h}"), screen(&app).backend());
    }
}

#[test]
fn a_search_made_while_filters_are_on_searches_within_them_and_says_so() {
    let mut app = app_sized(120, 40);
    press(&mut app, "3 f");
    let sinsa = app
        .facet_entries(Kind::Clinic)
        .iter()
        .position(|e| e.value == "Sinsa-dong")
        .unwrap();
    for _ in 0..sinsa {
        press(&mut app, "j");
    }
    press(&mut app, "space esc /");
    common::type_text(&mut app, "hair");
    let hits = app.search().expect("the search is open").hits.clone();
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h.kind == Kind::Clinic && h.id == "test-sinsa-hospital"),
        "{hits:?}"
    );
    let s = screen_text(&app);
    assert!(s.contains("Search within Clinics 1 of 2"), "{s}");
    // Without filters the same words find every kind again.
    press(&mut app, "esc F /");
    common::type_text(&mut app, "hair");
    let s = screen_text(&app);
    assert!(s.contains("Search every kind"), "{s}");
    assert!(
        app.search()
            .unwrap()
            .hits
            .iter()
            .any(|h| h.kind != Kind::Clinic)
    );
}

#[test]
fn folding_says_what_it_folded_and_a_leaf_has_nothing_to_fold() {
    let mut app = app_sized(80, 24);
    press(&mut app, "1 t g z");
    assert!(
        screen_text(&app).contains("+ Scarring alopecia ("),
        "{}",
        screen_text(&app)
    );
    assert!(
        app.status()
            .unwrap_or_default()
            .contains("Folded 1 under Scarring alopecia")
    );
    press(&mut app, "j z");
    assert!(
        app.status()
            .unwrap_or_default()
            .contains("nothing under it to fold")
    );
    // Therapies by category fold too: the category's first therapy holds the rest (the bundled data
    // has categories of several therapies).
    let data =
        clinic_explorer::dataset::Dataset::load(&clinic_explorer::dataset::DataSource::Bundled)
            .unwrap();
    let mut app = common::sized(
        clinic_explorer::tui::app::App::with_setup(data, common::plain()),
        80,
        24,
    );
    press(&mut app, "2 t");
    let n = app.list_len(Kind::Therapy);
    let under = (0..n)
        .find(|&r| app.row_depth(Kind::Therapy, r) == 1)
        .expect("a category with two therapies");
    press(&mut app, "g");
    for _ in 0..under {
        press(&mut app, "j");
    }
    press(&mut app, "z");
    assert!(app.list_len(Kind::Therapy) < n);
    assert_eq!(
        app.row_depth(Kind::Therapy, app.list(Kind::Therapy).selected),
        0
    );
    press(&mut app, "z");
    assert_eq!(app.list_len(Kind::Therapy), n);
}

#[test]
fn the_layer_is_a_facet_once_layers_are_loaded() {
    use clinic_explorer::dataset::{DataSource, Dataset};
    use clinic_explorer::tui::app::App;
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("partners");
    std::fs::create_dir(&dir).unwrap();
    // The layer holds the fixture's clinics again, so each of them now comes from it.
    let clinics = std::fs::read_to_string(common::fixture_dir().join("clinics.ron")).unwrap();
    std::fs::write(dir.join("clinics.ron"), clinics).unwrap();
    let data = Dataset::load_layers(&DataSource::Dir(common::fixture_dir()), &[dir]).unwrap();
    let mut app = common::sized(App::with_setup(data, common::plain()), 100, 30);
    press(&mut app, "3 f");
    let panel = screen_text(&app);
    assert!(panel.contains("layer"), "{panel}");
    assert!(panel.contains("partners"), "{panel}");
    let mut plain = app_sized(100, 30);
    press(&mut plain, "3 f");
    let panel = screen_text(&plain);
    assert!(
        !panel.contains("layer"),
        "no layer facet without layers: {panel}"
    );
}

#[test]
fn snapshots_of_a_search_within_filters() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_sized(w, h);
        press(&mut app, "3 f");
        let sinsa = app
            .facet_entries(Kind::Clinic)
            .iter()
            .position(|e| e.value == "Sinsa-dong")
            .unwrap();
        for _ in 0..sinsa {
            press(&mut app, "j");
        }
        press(&mut app, "space esc /");
        common::type_text(&mut app, "hair");
        let s = screen_text(&app);
        assert!(s.contains("Search within Clinics"), "{s}");
        insta::assert_snapshot!(
            format!("search_within_filters_{w}x{h}"),
            screen(&app).backend()
        );
    }
}

#[test]
fn each_cost_group_row_shows_its_own_figures_when_sorted_or_narrowed() {
    // The badge beside a group's name is that group's Korean range, whatever order the rows are in
    // (a sorted list once showed each row with the figures of the group at its place in file order).
    let data = fixture();
    let mut moved = false;
    for keys in ["4 o o", "4 o o O", "4 o o o", "4 f j space esc"] {
        let mut app = app_sized(120, 40);
        press(&mut app, keys);
        let currency = app.view().currency;
        let lines: Vec<String> = screen_text(&app).lines().map(str::to_owned).collect();
        for row in 0..app.list_len(Kind::Cost) {
            let group = app.row_target(Kind::Cost, row).unwrap();
            moved |= group != row;
            let badge = clinic_explorer::tui::columns::group_badge(&data, group, currency).full();
            let line = &lines[2 + row];
            assert!(
                line.contains(&badge),
                "{keys}: row {row} (group {group}) should show {badge:?}:\n{line}"
            );
        }
    }
    assert!(
        moved,
        "no sort or choice moved a row from its place in file order"
    );
}

#[test]
fn the_panel_counts_in_one_pass_what_each_facet_counts_alone() {
    use clinic_explorer::query::facet::facets_of;
    let data = fixture();
    let table = FacetTable::build(&data);
    for kind in [Kind::Clinic, Kind::Cost, Kind::Therapy] {
        let facets = facets_of(kind);
        // Choices: none, the first value of the first facet, and one value of each of two facets.
        let first = |f| {
            table
                .counts(table.range(kind), f)
                .first()
                .map(|v| v.0.clone())
        };
        let mut sets: Vec<Vec<(clinic_explorer::query::Field, String)>> = vec![vec![]];
        if let Some(v) = first(facets[0]) {
            sets.push(vec![(facets[0], v)]);
        }
        if let (Some(a), Some(b)) = (first(facets[0]), first(facets[1])) {
            sets.push(vec![(facets[0], a), (facets[1], b)]);
        }
        sets.push(vec![(facets[0], "no such value".into())]);
        for chosen in sets {
            let numbers = table.chosen_numbers(facets, &chosen);
            let panel = table.panel_counts(table.range(kind), facets, &numbers);
            for (i, &f) in facets.iter().enumerate() {
                let others = table.range(kind).filter(|&r| {
                    chosen.iter().filter(|c| c.0 != f).all(|c| {
                        chosen
                            .iter()
                            .filter(|d| d.0 == c.0)
                            .any(|d| table.values(r, c.0).any(|x| x == d.1))
                    })
                });
                assert_eq!(
                    panel[i],
                    table.counts(others, f),
                    "{kind:?} {f:?} {chosen:?}"
                );
            }
        }
    }
}

#[test]
fn the_facet_panel_keeps_the_value_under_the_cursor_on_screen() {
    // The bundled data: more values than the panel has rows.
    let (mut app, entries) = clinics_panel();
    assert!(
        entries.len() > 20,
        "more values than rows: {}",
        entries.len()
    );
    for (i, e) in entries.iter().enumerate() {
        let s = screen_text(&app);
        let shown: String = e.value.chars().take(20).collect();
        assert!(
            s.contains(&shown),
            "value {i} ({}) on screen:\n{s}",
            e.value
        );
        press(&mut app, "j");
    }
    // Back at the top the first facet's heading shows again.
    for _ in 0..entries.len() {
        press(&mut app, "k");
    }
    let s = screen_text(&app);
    assert!(s.contains("district"), "{s}");
}

#[test]
fn a_list_measured_from_kept_wants_measures_what_its_rows_show() {
    use clinic_explorer::tui::columns::{ListMeasure, RowWants};
    // Narrowed, sorted, as a tree, folded, on the Costs tab and in the other currency: the measure
    // the list keeps is the one its rows give when measured one by one.
    for keys in [
        "1",
        "1 t",
        "1 t z",
        "2 t",
        "3 o",
        "3 f space esc",
        "4 o o",
        "4 o o O",
    ] {
        for currency in [false, true] {
            let mut app = app_sized(120, 40);
            press(&mut app, keys);
            if currency {
                press(&mut app, "$");
            }
            let kind = app.focus().kind().unwrap();
            let len = app.list_len(kind);
            let direct = ListMeasure::of(
                (0..len).map(|i| {
                    RowWants::of(&app.row_name(kind, i).unwrap(), &app.row_badge(kind, i))
                }),
                Some((0..len).map(|i| app.row_name(kind, i).unwrap()).collect()),
            );
            // The names in any order: a sort keeps the measure.
            let sorted = |m: &ListMeasure| {
                let mut m = m.clone();
                if let Some(n) = m.names.as_mut() {
                    n.sort();
                }
                m
            };
            assert_eq!(
                sorted(&app.list_measure(kind)),
                sorted(&direct),
                "{keys} (other currency: {currency})"
            );
        }
    }
}

#[test]
fn the_facet_panel_pages_and_jumps_like_a_list() {
    let (mut app, entries) = clinics_panel();
    let cursor = |app: &clinic_explorer::tui::app::App| match app.overlay() {
        Some(clinic_explorer::tui::app::Overlay::Facets(p)) => p.cursor,
        _ => panic!("the facet panel is open"),
    };
    press(&mut app, "G");
    assert_eq!(cursor(&app), entries.len() - 1);
    let last: String = entries.last().unwrap().value.chars().take(20).collect();
    assert!(screen_text(&app).contains(&last));
    press(&mut app, "g");
    assert_eq!(cursor(&app), 0);
    press(&mut app, "pgdn");
    let page = cursor(&app);
    assert!(page > 5 && page < entries.len() - 1, "a page: {page}");
    press(&mut app, "pgup");
    assert_eq!(cursor(&app), 0);
}

#[test]
fn sorted_cost_groups_read_in_the_order_of_the_figures_beside_them() {
    // On the bundled data a group's cheapest range is often abroad (Mexico, Thailand) while the
    // badge shows South Korea's: the order follows what the row shows.
    let data = bundled();
    let table = FacetTable::build(&data);
    for (keys, desc) in [("4 o o", false), ("4 o o O", true)] {
        let mut app = bundled_app(120, 40);
        press(&mut app, keys);
        let currency = Some(app.view().currency);
        let shown: Vec<f64> = (0..app.list_len(Kind::Cost))
            .filter_map(|row| {
                let g = app.row_target(Kind::Cost, row)?;
                let group = clinic_explorer::chart::group_at(&data, g)?;
                let korea = data
                    .ranges_in_group(group.id.as_str())
                    .find(|r| clinic_explorer::chart::is_korea(&r.country))?;
                let r = table.number(Kind::Cost, korea.id.as_str())?;
                table.bounds(r, currency)?.0
            })
            .collect();
        assert!(shown.len() > 5, "{shown:?}");
        let ordered = shown
            .windows(2)
            .all(|w| if desc { w[0] >= w[1] } else { w[0] <= w[1] });
        assert!(ordered, "{keys}: {shown:?}");
    }
}
