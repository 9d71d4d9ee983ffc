//! The compare view driven by keys on the fixture dataset: the legend for "≠", only the rows that
//! differ, the place among the rows, long names wrapped in the header, the sources folded until
//! opened (o), Enter opening the focused column's record, moving the focused column, and the cost ranges
//! of compared therapies; with snapshots at 120x40, 80x24 and 60x20.

#[path = "common/lib.rs"]
mod common;

use clinic_explorer::model::Kind;
use clinic_explorer::tui::app::{App, Focus};
use clinic_explorer::tui::perform::settle;
use common::{app_in, app_sized, press, screen, screen_text};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 20)];

/// Hypertrophic scars and keloids (the third and fourth conditions), compared.
fn conditions(width: u16, height: u16) -> App {
    let mut app = app_sized(width, height);
    press(&mut app, "1 j j space j space c");
    assert_eq!(app.marks().ids(), ["hypertrophic-scars", "keloids"]);
    assert_eq!(app.focus(), Focus::Compare);
    app
}

/// The first two therapies (adipose-derived stem cells, priced; a hair transplant, not), compared.
fn therapies(width: u16, height: u16) -> App {
    let mut app = app_sized(width, height);
    press(&mut app, "2 space j space c");
    assert_eq!(
        app.marks().ids(),
        ["adipose-derived-stem-cells", "hair-transplant"]
    );
    app
}

/// Two cost ranges with long names (the first two bars of the hair-loss chart), compared.
fn costs(width: u16, height: u16) -> App {
    let mut app = app_sized(width, height);
    press(&mut app, "4 space l j space c");
    assert_eq!(app.marks().ids(), ["hair-korea", "hair-us"]);
    app
}

/// Scrolls until the row named `attribute` is the first shown.
fn scroll_to(app: &mut App, attribute: &str) {
    press(app, "g");
    let c = app.compare().comparison.clone().expect("a comparison");
    let at = app
        .compare()
        .rows()
        .iter()
        .position(|&i| c.rows[i].attribute == attribute)
        .unwrap_or_else(|| panic!("no row {attribute}"));
    for _ in 0..at {
        press(app, "j");
    }
}

/// The lines of the screen between the pane's borders.
fn lines(app: &App) -> Vec<String> {
    screen_text(app).lines().map(str::to_owned).collect()
}

/// Fails when a money figure on screen is cut inside its digits: every "$" or "₩" is followed by a
/// whole amount (1 to 3 digits, then groups of 3) that does not run into a border or the edge.
fn assert_figures_whole(app: &App) {
    for line in lines(app) {
        let chars: Vec<char> = line.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if *c != '$' && *c != '₩' {
                continue;
            }
            let run: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == ',')
                .collect();
            let run = run.trim_end_matches(',');
            if run.is_empty() {
                continue;
            }
            let groups: Vec<&str> = run.split(',').collect();
            let well_formed =
                (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
            assert!(well_formed, "a figure cut inside: {line}");
            let after = chars.get(i + 1 + run.chars().count());
            assert!(
                !matches!(after, None | Some('│')),
                "a figure runs into the edge: {line}"
            );
        }
    }
}

#[test]
fn the_legend_explains_the_difference_mark() {
    let app = conditions(120, 40);
    let c = app.compare().comparison.as_ref().unwrap();
    let (differ, all) = (c.differing(), c.rows.len());
    assert!(differ > 0 && differ < all, "{differ} of {all}");
    let screen = screen_text(&app);
    assert!(
        screen.contains(&format!("≠ the values differ ({differ} of {all} rows)")),
        "{screen}"
    );
    // The legend names the view's own keys.
    for key in ["d only those", "o all sources", "Enter open", "H/L move it"] {
        assert!(screen.contains(key), "{key}: {screen}");
    }
    // Even at 60 columns the mark is explained.
    assert!(screen_text(&conditions(60, 20)).contains("≠ the values differ"));
}

#[test]
fn d_shows_only_the_rows_that_differ_and_every_row_again() {
    let mut app = conditions(120, 40);
    assert!(
        screen_text(&app).contains("Myofibroblasts"),
        "the same in both"
    );
    press(&mut app, "d");
    assert!(app.compare().only_differing);
    let c = app.compare().comparison.clone().unwrap();
    let rows = app.compare().rows();
    assert_eq!(rows.len(), c.differing());
    assert!(rows.iter().all(|&i| c.rows[i].differs));
    let screen = screen_text(&app);
    assert!(!screen.contains("Myofibroblasts"), "{screen}");
    assert!(screen.contains("Size relative to wound"), "{screen}");
    assert!(screen.contains("that differ"), "{screen}");
    assert!(app.status().is_some_and(|s| s.contains("Only the")));
    press(&mut app, "d");
    assert!(!app.compare().only_differing);
    assert!(screen_text(&app).contains("Myofibroblasts"));
}

#[test]
fn the_title_gives_the_place_among_the_rows() {
    let mut app = conditions(120, 40);
    let all = app.compare().comparison.as_ref().unwrap().rows.len();
    assert!(screen_text(&app).contains(&format!("row 1 of {all}")));
    press(&mut app, "j j");
    assert!(screen_text(&app).contains(&format!("row 3 of {all}")));
    press(&mut app, "G");
    assert!(screen_text(&app).contains(&format!("row {all} of {all}")));
    // Among the rows that differ, the place is counted among them.
    press(&mut app, "g d j");
    let differ = app.compare().comparison.as_ref().unwrap().differing();
    assert!(screen_text(&app).contains(&format!("row 2 of {differ} that differ")));
}

#[test]
fn long_names_wrap_in_the_header_and_are_never_cut_silently() {
    for (w, h) in SIZES {
        let app = costs(w, h);
        let screen = screen_text(&app);
        // Every word of the first name is on screen, over several header lines.
        for word in "Stem-cell therapy for hair loss, South Korea, full course".split(' ') {
            assert!(screen.contains(word), "{w}x{h}: {word}\n{screen}");
        }
        let header: Vec<String> = lines(&app)
            .into_iter()
            .skip(2)
            .take_while(|l| !l.contains('━'))
            .collect();
        assert!(header.len() >= 2, "{w}x{h}: the name wraps\n{screen}");
    }
    // Moving the focus names the focused record in full.
    let mut app = costs(80, 24);
    press(&mut app, "l");
    assert_eq!(app.compare().focused, 1);
    assert!(
        app.status().is_some_and(
            |s| s.contains("Column 2 of 2: Stem-cell therapy for hair loss, US, full course")
        ),
        "{:?}",
        app.status()
    );
}

#[test]
fn sources_take_one_line_per_record_until_opened() {
    let mut app = conditions(80, 24);
    let folded = screen_text(&app);
    let line = folded
        .lines()
        .find(|l| l.contains("Sources"))
        .expect("the sources row");
    assert!(line.contains('…'), "folded and shortened: {line}");
    assert!(!folded.contains("(Scars)"), "{folded}");
    press(&mut app, "o");
    assert!(app.compare().sources_open);
    let open = screen_text(&app);
    assert!(open.contains("• Test Guide to Treatments"), "{open}");
    assert!(open.contains("(Scars)"), "{open}");
    assert!(open.contains("o fold sources"), "{open}");
    press(&mut app, "o");
    assert!(!screen_text(&app).contains("(Scars)"));
}

#[test]
fn enter_opens_the_focused_columns_record_and_backspace_comes_back() {
    let mut app = conditions(120, 40);
    press(&mut app, "j l");
    assert_eq!(app.compare().focused, 1);
    press(&mut app, "enter");
    assert_eq!(app.focus(), Focus::List(Kind::Condition));
    assert_eq!(app.selected_id(Kind::Condition), Some("keloids"));
    assert!(app.status().is_some_and(|s| s.contains("Backspace")));
    press(&mut app, "backspace");
    assert_eq!(app.focus(), Focus::Compare);
    assert_eq!(app.compare().focused, 1, "the place is kept");
    assert_eq!(app.compare().row, 1);
    // h focuses the first again; Enter opens it.
    press(&mut app, "h enter");
    assert_eq!(app.selected_id(Kind::Condition), Some("hypertrophic-scars"));
}

#[test]
fn the_focused_column_moves_with_its_mark() {
    let mut app = conditions(120, 40);
    press(&mut app, "L");
    assert_eq!(app.marks().ids(), ["keloids", "hypertrophic-scars"]);
    assert_eq!(app.compare().focused, 1);
    let c = app.compare().comparison.clone().unwrap();
    assert_eq!(c.columns[0].id, "keloids");
    let size = c
        .rows
        .iter()
        .find(|r| r.attribute == "Size relative to wound")
        .unwrap();
    assert_eq!(size.values[0].as_deref(), Some("Beyond the wound"));
    assert!(app.status().is_some_and(|s| s.contains("Moved")));
    let screen = screen_text(&app);
    let header = screen.lines().nth(2).unwrap();
    assert!(
        header.find("Keloids") < header.find("Hypertrophic"),
        "{header}"
    );
    press(&mut app, "L");
    assert!(app.status().is_some_and(|s| s.contains("already the last")));
    press(&mut app, "H");
    assert_eq!(app.marks().ids(), ["hypertrophic-scars", "keloids"]);
}

#[test]
fn compared_therapies_show_their_cost_ranges_as_the_sources_give_them() {
    let mut app = therapies(120, 40);
    scroll_to(&mut app, "Cost ranges");
    let screen = screen_text(&app);
    assert!(
        screen.contains("• South Korea, full course, 2025:"),
        "{screen}"
    );
    assert!(screen.contains("$10,000–$20,000 (USD)"), "{screen}");
    assert!(
        screen.contains("source: Fixture Press, 2025-01-01 (Costs)"),
        "{screen}"
    );
    // In won, the converted figure is given too, marked as converted.
    press(&mut app, "$");
    scroll_to(&mut app, "Cost ranges");
    let screen = screen_text(&app);
    assert!(screen.contains("≈₩14,500,000–≈₩29,000,000"), "{screen}");
    assert!(screen.contains("$10,000–$20,000 (USD)"), "{screen}");
    // Figures are never cut inside, at any size.
    for (w, h) in SIZES {
        let mut app = therapies(w, h);
        press(&mut app, "$");
        scroll_to(&mut app, "Cost ranges");
        assert_figures_whole(&app);
    }
}

#[test]
fn a_handout_of_the_comparison_follows_the_column_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut local = app_in(dir.path());
    press(&mut local.app, "1 j j space j space c L E");
    settle(&mut local.app, &mut local.performer);
    // Whatever is asked before writing (a name, replacing a file) is answered with Enter / y.
    for _ in 0..3 {
        if local.app.overlay().is_none() {
            break;
        }
        press(&mut local.app, "enter");
        settle(&mut local.app, &mut local.performer);
    }
    let html = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .unwrap_or_else(|| panic!("a handout: {:?}", local.app.status()));
    assert!(html.contains("Comparison of conditions"), "{html}");
    let (k, h) = (
        html.find("Keloids").unwrap(),
        html.find("Hypertrophic scars").unwrap(),
    );
    assert!(k < h, "the moved column comes first in the handout");
}

#[test]
fn snapshots() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("therapies_{w}x{h}"),
            screen(&therapies(w, h)).backend()
        );
        let mut app = therapies(w, h);
        scroll_to(&mut app, "Cost ranges");
        insta::assert_snapshot!(format!("therapy_costs_{w}x{h}"), screen(&app).backend());
        let mut app = conditions(w, h);
        press(&mut app, "d l");
        insta::assert_snapshot!(
            format!("conditions_differing_{w}x{h}"),
            screen(&app).backend()
        );
        let mut app = conditions(w, h);
        press(&mut app, "o");
        insta::assert_snapshot!(
            format!("conditions_sources_{w}x{h}"),
            screen(&app).backend()
        );
        insta::assert_snapshot!(format!("costs_{w}x{h}"), screen(&costs(w, h)).backend());
    }
}
