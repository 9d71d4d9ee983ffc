//! The habits of the best terminal tools, driven by keys: q and Esc close what is open before they
//! quit; the search line edits like a shell's and keeps a history; the search shows its hit count and
//! a preview; an unknown key says so; y copies; m releases the mouse; d and u in the shortlist; the
//! currency and theme chosen are asked to be remembered.

#[path = "common/lib.rs"]
mod common;

use clinic_explorer::config::Theme as Scheme;
use clinic_explorer::model::{Currency, Kind};
use clinic_explorer::state::Remembered;
use clinic_explorer::tui::app::{App, Effect};
use common::{app, app_sized, press, screen, screen_text, select, type_text};

fn query(app: &App) -> String {
    app.search().expect("the search is open").query().to_owned()
}

fn status(app: &App) -> String {
    app.status().unwrap_or_default().to_owned()
}

#[test]
fn q_and_esc_close_what_is_open_before_q_quits() {
    let mut a = app();
    press(&mut a, "?");
    assert!(a.overlay().is_some());
    press(&mut a, "q");
    assert!(a.overlay().is_none(), "q closes the help");
    assert!(!a.should_quit(), "and does not quit");

    select(&mut a, Kind::Cost, "hair-korea");
    press(&mut a, "e");
    assert!(a.estimate_form().is_some());
    press(&mut a, "q");
    assert!(
        a.estimate_form().is_none() && !a.should_quit(),
        "q closes the budget form"
    );

    press(&mut a, "/");
    type_text(&mut a, "q");
    assert_eq!(query(&a), "q", "in the search q is a letter");
    press(&mut a, "esc");
    assert!(
        a.search().is_none() && !a.should_quit(),
        "Esc closes the search"
    );

    press(&mut a, "esc");
    assert!(!a.should_quit(), "Esc never quits");
    press(&mut a, "q");
    assert!(a.should_quit(), "q quits once nothing is open");
}

#[test]
fn the_search_line_edits_like_a_shell() {
    let mut a = app();
    press(&mut a, "/");
    type_text(&mut a, "stem-cell hair loss");
    press(&mut a, "ctrl-w");
    assert_eq!(query(&a), "stem-cell hair ");
    press(&mut a, "ctrl-w ctrl-w");
    assert_eq!(query(&a), "");
    type_text(&mut a, "stem-cell");
    press(&mut a, "alt-backspace");
    assert_eq!(query(&a), "stem-", "Alt-Backspace cuts back to the hyphen");
    press(&mut a, "ctrl-u");
    assert_eq!(query(&a), "");

    type_text(&mut a, "keloid");
    press(&mut a, "ctrl-a");
    type_text(&mut a, "x");
    assert_eq!(query(&a), "xkeloid", "Ctrl-A goes to the start");
    press(&mut a, "delete");
    assert_eq!(query(&a), "xeloid");
    press(&mut a, "backspace");
    assert_eq!(query(&a), "eloid", "Backspace deletes before the cursor");
    type_text(&mut a, "k");
    press(&mut a, "ctrl-e");
    type_text(&mut a, "s");
    assert_eq!(query(&a), "keloids");
    press(&mut a, "left left right");
    assert_eq!(a.search().unwrap().line.cursor(), 6);

    // The cursor is drawn where the next letter goes: after "/ " and six letters.
    let mut t = screen(&a);
    let input = clinic_explorer::tui::layout::search_parts(a.areas().overlay).0;
    assert_eq!(
        t.get_cursor_position().unwrap(),
        ratatui::layout::Position::new(input.x + 2 + 6, input.y)
    );
    assert!(screen_text(&a).contains("/ keloids"), "{}", screen_text(&a));
}

#[test]
fn the_search_keeps_a_history_walked_with_ctrl_p_and_ctrl_n() {
    let mut a = app();
    press(&mut a, "/");
    press(&mut a, "ctrl-p");
    assert!(
        status(&a).contains("No past searches yet"),
        "{}",
        status(&a)
    );
    type_text(&mut a, "keloids");
    press(&mut a, "enter");
    assert!(a.search().is_none(), "Enter opened the hit");
    press(&mut a, "/");
    type_text(&mut a, "lichen");
    press(&mut a, "esc");

    press(&mut a, "/");
    type_text(&mut a, "sc");
    press(&mut a, "ctrl-p");
    assert_eq!(query(&a), "lichen", "closing kept the search too");
    press(&mut a, "ctrl-p");
    assert_eq!(query(&a), "keloids");
    press(&mut a, "ctrl-p");
    assert_eq!(query(&a), "keloids", "the oldest stays");
    assert!(status(&a).contains("oldest"), "{}", status(&a));
    assert!(
        !a.search().unwrap().hits.is_empty(),
        "a search from the history is searched"
    );
    press(&mut a, "ctrl-n ctrl-n");
    assert_eq!(query(&a), "sc", "back to what was being typed");

    // Up and Down move among the hits; with no hits they go through past searches.
    press(&mut a, "ctrl-u");
    assert!(a.search().unwrap().hits.is_empty());
    press(&mut a, "up");
    assert_eq!(query(&a), "lichen");
    let hits = a.search().unwrap().hits.len();
    assert!(hits >= 1);
    let before = a.search().unwrap().selected;
    press(&mut a, "down");
    assert_eq!(query(&a), "lichen", "with hits, Down moves among them");
    assert!(hits == 1 || a.search().unwrap().selected == before + 1);
}

#[test]
fn the_search_shows_its_hit_count_and_a_preview_when_wide() {
    let mut a = app_sized(120, 40);
    press(&mut a, "/");
    type_text(&mut a, "alopecia");
    let n = a.search().unwrap().hits.len();
    assert!(n >= 2);
    let text = screen_text(&a);
    assert!(text.contains(&format!("· {n} hits")), "{text}");
    // The preview beside the hits shows the selected hit's record.
    let first = a.search().unwrap().selected_hit().unwrap().clone();
    let summary = a.data().describe(first.kind, &first.id).unwrap().summary;
    let words: String = summary
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&words),
        "preview of {} missing:\n{text}",
        first.id
    );
    press(&mut a, "down");
    let second = a.search().unwrap().selected_hit().unwrap().clone();
    let summary = a.data().describe(second.kind, &second.id).unwrap().summary;
    let words: String = summary
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        screen_text(&a).contains(&words),
        "the preview follows the selection"
    );

    let mut narrow = app_sized(80, 24);
    press(&mut narrow, "/");
    type_text(&mut narrow, "alopecia");
    let text = screen_text(&narrow);
    assert!(text.contains("hits"), "{text}");
    assert!(!text.contains(&words), "no preview at 80 columns:\n{text}");
    type_text(&mut narrow, "zzzqqq");
    assert!(screen_text(&narrow).contains("no hits"));
}

#[test]
fn an_unknown_key_says_it_does_nothing_and_how_to_find_help() {
    let mut a = app();
    press(&mut a, "w");
    assert_eq!(status(&a), "w does nothing here · ? lists the keys");
    press(&mut a, "/");
    press(&mut a, "ctrl-g");
    assert_eq!(
        status(&a),
        "Ctrl-g does nothing in the search · Esc closes it, then ? lists the keys"
    );
    press(&mut a, "esc ?");
    press(&mut a, "w");
    assert!(
        status(&a).starts_with("w does nothing in the help"),
        "{}",
        status(&a)
    );
    press(&mut a, "q j");
    assert!(a.status().is_none(), "a bound key says nothing of the kind");
}

fn copied(a: &mut App) -> String {
    let effects = a.take_effects();
    let texts: Vec<String> = effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::Copy(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(texts.len(), 1, "one copy asked for");
    texts.into_iter().next().unwrap()
}

#[test]
fn y_copies_the_selected_record_with_its_sources_or_the_figure() {
    let mut a = app();
    select(&mut a, Kind::Condition, "keloids");
    a.take_effects();
    press(&mut a, "y");
    assert!(status(&a).starts_with("Copied"), "{}", status(&a));
    let text = copied(&mut a);
    assert!(text.starts_with("Keloids (condition · keloids)"), "{text}");
    assert!(text.contains("\nSources:\n- "), "{text}");
    assert!(text.contains("not medical advice"), "{text}");
    assert!(
        status(&a).starts_with("Copied Keloids (condition) with its sources"),
        "{}",
        status(&a)
    );

    select(&mut a, Kind::Cost, "hair-korea");
    a.take_effects();
    press(&mut a, "y");
    let text = copied(&mut a);
    assert!(text.contains("$10,000–$20,000 full course"), "{text}");
    assert!(text.contains("(source: "), "{text}");
    assert!(
        status(&a).contains("the figure $10,000–$20,000"),
        "{}",
        status(&a)
    );

    // In the search y is a letter; the copy action (bindable elsewhere) takes the selected hit.
    press(&mut a, "/");
    type_text(&mut a, "lichen y");
    assert_eq!(query(&a), "lichen y");
    press(&mut a, "backspace backspace");
    a.take_effects();
    a.update(clinic_explorer::tui::action::Action::Yank);
    assert!(
        copied(&mut a).starts_with("Lichen planopilaris"),
        "the selected hit"
    );
}

#[test]
fn m_leaves_the_mouse_to_the_terminal_and_takes_it_back() {
    let mut a = app();
    a.take_effects();
    press(&mut a, "m");
    assert_eq!(a.take_effects(), vec![Effect::Mouse(false)]);
    assert!(a.view().mouse_released);
    assert!(
        status(&a).contains("select and copy as usual"),
        "{}",
        status(&a)
    );
    press(&mut a, "m");
    assert_eq!(a.take_effects(), vec![Effect::Mouse(true)]);
    assert!(!a.view().mouse_released);
}

#[test]
fn d_removes_from_the_shortlist_and_u_puts_it_back_with_its_note() {
    let mut a = app();
    select(&mut a, Kind::Condition, "keloids");
    press(&mut a, "b");
    select(&mut a, Kind::Condition, "hypertrophic-scars");
    press(&mut a, "b n");
    type_text(&mut a, "ask about steroids");
    press(&mut a, "enter");
    select(&mut a, Kind::Therapy, "hair-transplant");
    press(&mut a, "b s");
    let ids = |a: &App| -> Vec<String> {
        a.shortlist()
            .list()
            .entries()
            .iter()
            .map(|e| e.id.as_str().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&a),
        ["keloids", "hypertrophic-scars", "hair-transplant"]
    );
    press(&mut a, "j d");
    assert_eq!(ids(&a), ["keloids", "hair-transplant"]);
    assert!(
        status(&a).contains("with its note from the shortlist · u puts it back"),
        "{}",
        status(&a)
    );
    press(&mut a, "d");
    assert_eq!(ids(&a), ["keloids"]);
    press(&mut a, "u");
    assert_eq!(ids(&a), ["keloids", "hair-transplant"]);
    assert!(
        status(&a).contains("u again for the one removed before"),
        "{}",
        status(&a)
    );
    press(&mut a, "u");
    assert_eq!(
        ids(&a),
        ["keloids", "hypertrophic-scars", "hair-transplant"],
        "in its place"
    );
    let note = a.shortlist().list().entries()[1].note.clone();
    assert_eq!(note.as_deref(), Some("ask about steroids"), "with its note");
    assert_eq!(
        a.shortlist().pane().selected,
        1,
        "the entry put back is selected"
    );
    press(&mut a, "u");
    assert!(status(&a).starts_with("Nothing to undo"), "{}", status(&a));
    assert!(
        a.take_effects()
            .iter()
            .any(|e| matches!(e, Effect::SaveShortlist(_))),
        "each change is saved"
    );
}

#[test]
fn the_currency_and_theme_chosen_are_asked_to_be_remembered() {
    let mut a = app();
    a.take_effects();
    press(&mut a, "$");
    let scheme = a.theme().scheme;
    assert_eq!(
        a.take_effects(),
        vec![Effect::Remember(Remembered {
            currency: Some(Currency::KRW),
            theme: Some(scheme),
        })]
    );
    press(&mut a, "T");
    let next = a.theme().scheme;
    assert_ne!(next, scheme);
    assert!(
        status(&a).starts_with(&format!("Theme {}", next.as_str())),
        "{}",
        status(&a)
    );
    assert_eq!(
        a.take_effects(),
        vec![Effect::Remember(Remembered {
            currency: Some(Currency::KRW),
            theme: Some(next),
        })]
    );
    press(&mut a, "T T");
    assert_eq!(a.theme().scheme, scheme, "three schemes go round");
    assert!(Scheme::ALL.contains(&next));
}

/// A writer the test can read back after the performer has written to it.
#[derive(Clone, Default)]
struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn the_performer_sends_copies_and_the_mouse_to_the_terminal_and_keeps_the_choices() {
    use clinic_explorer::tui::app::Outcome;
    use clinic_explorer::tui::perform::Performer;
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state/clinic-explorer/state.ron");
    let mut setup = clinic_explorer::tui::Setup {
        state_file: Some(state.clone()),
        ..common::plain()
    };
    let out = Shared::default();
    let mut p = Performer::open(&mut setup).with_terminal(Box::new(out.clone()));
    assert_eq!(
        p.perform(Effect::Copy("Keloids\nSources:".into())),
        Outcome::Terminal(Ok(()))
    );
    let bytes = out.0.lock().unwrap().clone();
    assert_eq!(
        clinic_explorer::tui::osc52::decode(&bytes).as_deref(),
        Some("Keloids\nSources:")
    );
    out.0.lock().unwrap().clear();
    assert_eq!(p.perform(Effect::Mouse(false)), Outcome::Terminal(Ok(())));
    assert!(String::from_utf8_lossy(&out.0.lock().unwrap()).contains("\x1b[?1000l"));
    let choices = Remembered {
        currency: Some(Currency::KRW),
        theme: Some(Scheme::Light),
    };
    assert_eq!(
        p.perform(Effect::Remember(choices)),
        Outcome::Remembered(Ok(()))
    );
    assert_eq!(Remembered::load(&state), Ok(choices));

    // Without a terminal the copy says why it did not happen.
    let mut bare = Performer::default();
    assert!(matches!(
        bare.perform(Effect::Copy("x".into())),
        Outcome::Terminal(Err(_))
    ));
}
