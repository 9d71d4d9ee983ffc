//! Nothing that carries meaning is cut: every view of the explorer, walked at 80x24 and 60x20 on the
//! real data and on the fixture, never shows a money figure running into a border or the screen's
//! edge without a `…`; list rows keep their badges whole; `<` and `>` change the list's width; the
//! disclaimer shows once in presenter mode; handouts are named before they are written.

use clinic_explorer::dataset::{DataSource, Dataset};
use clinic_explorer::model::Kind;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::{App, Overlay};
use clinic_explorer::tui::columns;

#[path = "common/lib.rs"]
mod common;

use common::{app_in, fixture, plain, press, screen, screen_text, sized, type_text};

const SIZES: [(u16, u16); 2] = [(80, 24), (60, 20)];

/// Characters a pane's border is drawn with.
const BORDER: &[char] = &['│', '┐', '┘', '┤', '┌', '└', '├', '─', '┬', '┴', '┼'];

/// The money figures on a screen that run into a border or the edge: a currency sign and the
/// digits after it, followed directly by a border or the end of the row, with no `…`.
fn cut_figures(app: &App) -> Vec<String> {
    let terminal = screen(app);
    cut_figures_in(terminal.backend().buffer())
}

/// [`cut_figures`] in a drawn buffer.
fn cut_figures_in(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width);
    let mut found = Vec::new();
    for (y, row) in buffer.content.chunks(width).enumerate() {
        let cells: Vec<&str> = row.iter().map(|c| c.symbol()).collect();
        let line: String = cells.concat();
        for (x, cell) in cells.iter().enumerate() {
            if !matches!(*cell, "$" | "₩") {
                continue;
            }
            // The figure: digits, separators and a short suffix after the sign.
            let mut end = x + 1;
            while end < cells.len() {
                let c = cells[end].chars().next().unwrap_or(' ');
                if c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | 'M' | 'B' | '+') {
                    end += 1;
                } else {
                    break;
                }
            }
            let next = cells.get(end).and_then(|c| c.chars().next());
            let runs_out = match next {
                None => true,
                Some(c) => BORDER.contains(&c),
            };
            if runs_out {
                found.push(format!("row {y}: {line}"));
            }
        }
    }
    found
}

/// The real data, as the explorer ships it.
fn real() -> Dataset {
    Dataset::load(&DataSource::Bundled).expect("the bundled data loads")
}

/// An app on a dataset at a size.
fn on(data: Dataset, width: u16, height: u16) -> App {
    sized(App::with_setup(data, plain()), width, height)
}

/// Checks the screen now; the label says where the walk was.
fn check(app: &App, label: &str, problems: &mut Vec<String>) {
    for f in cut_figures(app) {
        problems.push(format!(
            "{label} {}x{}: {f}",
            app.size().width,
            app.size().height
        ));
    }
}

/// Scrolls what has the focus to its end a page at a time, checking each page.
fn page_through(app: &mut App, label: &str, problems: &mut Vec<String>) {
    for _ in 0..40 {
        check(app, label, problems);
        if !app.update(Action::PageDown) {
            break;
        }
    }
}

/// Walks every view: each tab's list and every record's detail (every cost group's chart and its
/// bars, in both currencies), the search, the help, the budget form, the shortlist, the compare
/// view, each in presenter mode too.
fn walk(data: &Dataset, problems: &mut Vec<String>) {
    for (w, h) in SIZES {
        for presenter in [false, true] {
            let mut app = on(data.clone(), w, h);
            if presenter {
                app.update(Action::TogglePresenter);
            }
            let p = if presenter { "presenter " } else { "" };
            for kind in Kind::ALL {
                app.update(Action::ShowTab(Tab::Records(kind)));
                app.update(Action::Top);
                let len = app.list_len(kind);
                for i in 0..len {
                    let label = format!("{p}{kind:?} row {i}");
                    check(&app, &label, problems);
                    app.update(Action::FocusDetail);
                    if kind == Kind::Cost {
                        for _ in 0..12 {
                            check(&app, &format!("{label} bar"), problems);
                            app.update(Action::Down);
                        }
                    } else {
                        page_through(&mut app, &format!("{label} detail"), problems);
                    }
                    app.update(Action::FocusList);
                    app.update(Action::Down);
                }
            }
            // The costs in won, and the budget form on the first treatment's range.
            app.update(Action::ShowTab(Tab::Records(Kind::Cost)));
            app.update(Action::Top);
            for currency in 0..2 {
                if currency == 1 {
                    app.update(Action::ToggleCurrency);
                }
                for i in 0..app.list_len(Kind::Cost) {
                    check(&app, &format!("{p}costs {currency} row {i}"), problems);
                    app.update(Action::FocusDetail);
                    check(&app, &format!("{p}chart {currency} row {i}"), problems);
                    app.update(Action::Estimate);
                    if app.estimate_form().is_some() {
                        page_through(&mut app, &format!("{p}budget {currency} row {i}"), problems);
                        app.update(Action::Close);
                    }
                    app.update(Action::FocusList);
                    app.update(Action::Down);
                }
            }
            // Search, help.
            for q in ["stem", "scar", "korea", "price<5000"] {
                app.update(Action::OpenSearch);
                for c in q.chars() {
                    app.update(Action::SearchInput(c));
                }
                page_through(&mut app, &format!("{p}search {q}"), problems);
                app.update(Action::Close);
            }
            app.update(Action::Help);
            page_through(&mut app, &format!("{p}help"), problems);
            app.update(Action::Close);
        }
    }
}

#[test]
fn no_money_figure_runs_into_a_border_or_the_edge_on_the_real_data() {
    let mut problems = Vec::new();
    walk(&real(), &mut problems);
    assert!(
        problems.is_empty(),
        "{} figures cut:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn no_money_figure_runs_into_a_border_or_the_edge_on_the_fixture() {
    let mut problems = Vec::new();
    walk(&fixture(), &mut problems);
    // The shortlist and compare views, on the fixture's records.
    for (w, h) in SIZES {
        let mut app = on(fixture(), w, h);
        press(&mut app, "4 b 2 b 1 space j space c");
        check(&app, "compare", &mut problems);
        press(&mut app, "s");
        check(&app, "shortlist", &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_detector_sees_a_cut_figure() {
    use ratatui::buffer::Buffer;
    let cut = Buffer::with_lines(["│$10,000–$2│", "│ ≈₩14,500,0", "│$8…  $9 ok│"]);
    assert_eq!(
        cut_figures_in(&cut).len(),
        2,
        "into the border, into the edge"
    );
    let whole = Buffer::with_lines(["│$10,000–$20k │", "│ ≈₩14.5M…    │"]);
    assert!(cut_figures_in(&whole).is_empty());
}

/// Performs the effects the app asked for, as the local explorer does.
fn settle_local(local: &mut common::Local) {
    clinic_explorer::tui::perform::settle(&mut local.app, &mut local.performer);
}

#[test]
fn list_rows_show_each_kinds_telling_column_whole() {
    let mut app = on(real(), 80, 24);
    press(&mut app, "2");
    let text = screen_text(&app);
    assert!(text.contains("investig…"), "an evidence badge:\n{text}");
    assert!(
        text.contains("established") || text.contains("estab…"),
        "{text}"
    );
    assert!(!text.contains("evidence: i…"), "{text}");
    press(&mut app, "4");
    let text = screen_text(&app);
    assert!(text.contains("$10k–$20k"), "Korea's price range:\n{text}");
    assert!(
        text.contains("…hair loss"),
        "names alike are told apart:\n{text}"
    );
    press(&mut app, "3");
    let text = screen_text(&app);
    assert!(text.contains("Gangnam"), "a district:\n{text}");
    // Every badge drawn is one of the badge's own forms, never cut inside.
    let data = real();
    for i in 0..data.count(Kind::Therapy) {
        let b = columns::badge(&data, Kind::Therapy, i);
        for w in 0..20 {
            let s = b.fit(w);
            assert!(
                s.is_empty() || b.parts[0].forms.contains(&s),
                "{s:?} at {w}"
            );
        }
    }
}

#[test]
fn angle_brackets_change_the_list_width_within_bounds() {
    let mut app = on(real(), 80, 24);
    press(&mut app, "2");
    let before = app.areas().list.width;
    press(&mut app, ">");
    assert_eq!(app.areas().list.width, before + 4);
    assert!(
        app.status().is_some_and(|s| s.contains("columns wide")),
        "{:?}",
        app.status()
    );
    press(&mut app, "< <");
    assert_eq!(app.areas().list.width, before - 4);
    // Far to either side: the detail keeps 30 columns, the list 20.
    press(&mut app, "> > > > > > > > > > > >");
    assert_eq!(app.areas().detail.width, 30);
    assert!(app.status().is_some_and(|s| s.contains("widest")));
    press(&mut app, "<");
    assert!(app.areas().detail.width > 30, "a step back at once");
    press(&mut app, "< < < < < < < < < < < < < <");
    assert_eq!(app.areas().list.width, 20);
    // The list's own width follows its rows, up to half the screen.
    let mut app = on(real(), 120, 40);
    for (key, kind) in [
        ("1", Kind::Condition),
        ("2", Kind::Therapy),
        ("3", Kind::Clinic),
    ] {
        press(&mut app, key);
        let wanted = app.list_content(kind).clamp(24, 60);
        assert_eq!(app.areas().list.width, wanted, "{kind:?}");
    }
}

#[test]
fn presenter_mode_shows_the_disclaimer_once_and_keeps_the_hints() {
    for (w, h) in SIZES {
        let mut app = on(real(), w, h);
        press(&mut app, "p 2 esc");
        let text = screen_text(&app);
        let times = text.matches("medical advice").count();
        assert_eq!(times, 1, "once at {w}x{h}:\n{text}");
        let rows: Vec<&str> = text.lines().collect();
        assert!(
            rows[usize::from(h) - 2].contains("Not medical advice"),
            "{text}"
        );
        assert!(
            rows[usize::from(h) - 1].contains("j/k move"),
            "the hints stay:\n{text}"
        );
        // Always there: over the shortlist, the help, a message.
        for keys in ["s", "?", "esc x"] {
            press(&mut app, keys);
            let text = screen_text(&app);
            assert_eq!(text.matches("medical advice").count(), 1, "{keys}:\n{text}");
        }
    }
}

#[test]
fn e_asks_for_the_name_and_presenter_mode_writes_handouts_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut local = app_in(dir.path());
    let date = clinic_explorer::shortlist::Timestamp::now().date();
    // Keep a therapy, then in presenter mode write the shortlist's handout.
    press(&mut local.app, "2 b");
    settle_local(&mut local);
    press(&mut local.app, "p s E");
    settle_local(&mut local);
    let offered = format!("shortlist-adipose-derived-stem-cells-{date}.html");
    assert_eq!(
        local.handout_name().map(|n| n.text.clone()),
        Some(offered.clone())
    );
    let text = screen_text(&local);
    assert!(text.contains("Handout file name"), "{text}");
    assert!(text.contains(&format!("> {offered}")), "{text}");
    press(&mut local.app, "enter");
    settle_local(&mut local);
    assert!(dir.path().join(&offered).exists(), "{:?}", local.status());
    // The second offer does not collide; typing changes it.
    press(&mut local.app, "E");
    settle_local(&mut local);
    assert_eq!(
        local.handout_name().map(|n| n.text.clone()),
        Some(format!(
            "shortlist-adipose-derived-stem-cells-{date}-2.html"
        ))
    );
    for _ in 0..60 {
        press(&mut local.app, "backspace");
    }
    type_text(&mut local.app, "ann");
    press(&mut local.app, "enter");
    settle_local(&mut local);
    assert!(dir.path().join("ann.html").exists());
    // Esc leaves it; nothing in the shortlist changed.
    press(&mut local.app, "E");
    settle_local(&mut local);
    assert!(matches!(local.overlay(), Some(Overlay::Name(_))));
    press(&mut local.app, "esc");
    assert_eq!(local.status(), Some("No handout written"));
    assert_eq!(local.shortlist().list().len(), 1);
}

#[test]
fn the_budget_total_is_on_screen_without_scrolling_for_every_treatment() {
    for (w, h) in SIZES {
        let mut app = on(real(), w, h);
        press(&mut app, "4");
        let mut opened = 0;
        for _ in 0..app.list_len(Kind::Cost) {
            press(&mut app, "l");
            for _ in 0..12 {
                press(&mut app, "e");
                if app.estimate_form().is_some() {
                    opened += 1;
                    let text = screen_text(&app);
                    let total = text.lines().find(|l| l.contains("│Total "));
                    assert!(total.is_some(), "{w}x{h}:\n{text}");
                    press(&mut app, "esc");
                }
                press(&mut app, "j");
            }
            press(&mut app, "h j");
        }
        assert!(opened > 10, "{opened} budgets opened at {w}x{h}");
    }
}
