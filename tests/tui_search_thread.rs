//! Searching on a thread of its own, as the explorer does on a terminal: typing never waits for a
//! search, results arrive as an action, results for an older query are dropped, and Enter pressed
//! before the results arrive opens the first hit of what was typed. And the worker under a burst of
//! queries delivers the newest one's results last.

use clinic_explorer::dataset::{DataSource, Dataset};
use clinic_explorer::model::Kind;
use clinic_explorer::search::SearchIndex;
use clinic_explorer::search::worker::{Searcher, Source};
use clinic_explorer::tui::Setup;
use clinic_explorer::tui::action::{Action, Tab};
use clinic_explorer::tui::app::{App, Focus, Overlay, SearchPane};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

fn data() -> Dataset {
    Dataset::load(&DataSource::Bundled).expect("bundled data")
}

/// An explorer searching in the background, and where its "results ready" calls arrive. As on a
/// terminal, the search thread builds the index itself.
fn app() -> (App, Receiver<()>) {
    let mut app = App::without_index(data(), Setup::default());
    let (tx, rx) = mpsc::channel();
    app.search_in_background(move || {
        let _ = tx.send(());
    })
    .expect("the search thread starts");
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    (app, rx)
}

/// The open search's state.
fn search(app: &App) -> &SearchPane {
    app.search().expect("the search is open")
}

/// Applies results as they are announced until the newest query's are shown.
fn settle(app: &mut App, ready: &Receiver<()>) {
    while app.search().is_some_and(|s| s.searching()) {
        ready
            .recv_timeout(Duration::from_secs(30))
            .expect("results arrive");
        app.update(Action::SearchDone);
    }
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::SearchInput(c));
    }
}

#[test]
fn typing_does_not_wait_and_the_results_arrive_as_an_action() {
    let (mut app, ready) = app();
    let index = SearchIndex::build(&data());
    app.update(Action::OpenSearch);
    type_text(&mut app, "lichen");
    assert_eq!(search(&app).query(), "lichen");
    assert!(search(&app).searching(), "nothing shown before the action");
    assert!(search(&app).hits.is_empty());
    settle(&mut app, &ready);
    assert_eq!(search(&app).hits, index.search("lichen", None, 50));
    assert_eq!(search(&app).hits[0].id, "lichen-planopilaris");
}

#[test]
fn results_for_an_older_query_are_never_shown() {
    let (mut app, ready) = app();
    let index = SearchIndex::build(&data());
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput('k'));
    ready
        .recv_timeout(Duration::from_secs(30))
        .expect("results for k");
    // The results for "k" wait; the query moves on before they are applied.
    type_text(&mut app, "eloid");
    app.update(Action::SearchDone);
    let shown = search(&app);
    assert!(
        shown.searching() && shown.hits.is_empty()
            || shown.hits == index.search("keloid", None, 50),
        "either nothing yet or the newest query's hits"
    );
    settle(&mut app, &ready);
    assert_eq!(search(&app).hits, index.search("keloid", None, 50));
    assert_eq!(search(&app).hits[0].id, "keloids");
}

#[test]
fn enter_before_the_results_arrive_opens_the_first_hit_of_what_was_typed() {
    let (mut app, ready) = app();
    app.update(Action::ShowTab(Tab::Records(Kind::Clinic)));
    app.update(Action::OpenSearch);
    type_text(&mut app, "keloid");
    app.update(Action::OpenHit);
    assert!(
        matches!(app.overlay(), Some(Overlay::Search(_))),
        "still waiting"
    );
    settle(&mut app, &ready);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.focus(), Focus::List(Kind::Condition));
    assert_eq!(app.selected_id(Kind::Condition), Some("keloids"));
}

#[test]
fn a_burst_of_queries_ends_with_the_newest_ones_results() {
    let index = Arc::new(SearchIndex::build(&data()));
    let (tx, rx) = mpsc::channel();
    let worker = Searcher::start(Source::Built(Arc::clone(&index)), 50, move || {
        let _ = tx.send(());
    })
    .expect("the search thread starts");
    let queries = [
        "s", "st", "ste", "stem", "stem ", "stem c", "stem ce", "stem cel",
    ];
    let mut generation = 0;
    for _ in 0..20 {
        for q in queries {
            generation += 1;
            worker.request(generation, q);
        }
    }
    let mut delivered = Vec::new();
    loop {
        rx.recv_timeout(Duration::from_secs(30))
            .expect("results arrive");
        if let Some(found) = worker.take() {
            delivered.push(found.generation);
            if found.generation == generation {
                assert_eq!(found.hits, index.search("stem cel", None, 50));
                break;
            }
        }
    }
    assert!(
        delivered.windows(2).all(|w| w[0] < w[1]),
        "never an older query after a newer one: {delivered:?}"
    );
}

#[test]
fn without_a_search_thread_the_index_is_built_at_the_first_search() {
    let mut app = App::without_index(data(), Setup::default());
    app.update(Action::OpenSearch);
    type_text(&mut app, "keloid");
    assert!(!search(&app).searching());
    assert_eq!(search(&app).hits[0].id, "keloids");
}

/// As the explorer starts on a terminal: the first frame is drawn before the search thread starts
/// (it builds the index there), and keys typed before either, a search and Enter, wait in the
/// events; once read they search, and the hit opens when the results arrive.
#[test]
fn keys_typed_before_the_first_frame_and_the_index_search_and_open_the_hit() {
    use clinic_explorer::tui::event::Event;
    use clinic_explorer::tui::perform::Performer;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::cell::Cell;
    use std::rc::Rc;

    let mut app = App::without_index(data(), Setup::default());
    let mut performer = Performer::default();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let (tx, rx) = mpsc::channel();
    for c in "/keloid".chars() {
        tx.send(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )))
        .unwrap();
    }
    tx.send(Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )))
    .unwrap();
    // The search thread, started after the first frame, says when results are ready.
    let started = Rc::new(Cell::new(false));
    let start = {
        let started = Rc::clone(&started);
        move |app: &mut App| {
            assert!(
                app.search().is_none(),
                "no key was read before the first frame"
            );
            app.search_in_background(move || {
                let _ = tx.send(Event::SearchReady);
            })
            .expect("the search thread starts");
            started.set(true);
        }
    };
    // The events end after the first results are taken.
    let mut answered = false;
    let events = std::iter::from_fn(|| {
        assert!(
            started.get(),
            "the search thread starts before any event is read"
        );
        if answered {
            return None;
        }
        let event = rx.recv_timeout(Duration::from_secs(30)).expect("an event");
        answered = event == Event::SearchReady;
        Some(event)
    });
    clinic_explorer::tui::run_app_then(&mut terminal, &mut app, &mut performer, events, start)
        .unwrap();
    assert_eq!(app.overlay(), None, "the hit opened");
    assert_eq!(app.focus(), Focus::List(Kind::Condition));
    assert_eq!(app.selected_id(Kind::Condition), Some("keloids"));
    let screen = terminal.backend().to_string();
    assert!(screen.contains("condition · keloids"), "{screen}");
}
