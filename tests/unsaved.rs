//! No change lost: when the shortlist cannot be saved (a writer that fails, a read-only directory),
//! the explorer says why in full until dismissed, keeps the changes, tries again with the next
//! change, and asks before q quits with them unsaved (save again / quit without / stay).

#[path = "common/lib.rs"]
mod common;

use clinic_explorer::model::Kind;
use clinic_explorer::shortlist::Store;
use clinic_explorer::shortlist::atomic::{SystemWriter, Writer};
use clinic_explorer::tui::Setup;
use clinic_explorer::tui::action::Action;
use clinic_explorer::tui::app::Overlay;
use common::{Local, plain, press, screen_text, select};
use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A writer that fails to write while its switch is on, as a full disk does.
struct DiskFull(Arc<AtomicBool>);

impl Writer for DiskFull {
    fn write(&mut self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if self.0.load(Ordering::SeqCst) {
            return Err(io::Error::other("No space left on device (os error 28)"));
        }
        SystemWriter.write(file, bytes)
    }
}

fn explorer(path: &Path, full: &Arc<AtomicBool>) -> Local {
    Local::new(Setup {
        store: Some(Store::open(path).with_writer(DiskFull(full.clone()))),
        ..plain()
    })
}

fn keep_first_therapy(x: &mut Local) {
    select(&mut x.app, Kind::Therapy, "hair-transplant");
    x.update(Action::ToggleShortlist);
}

#[test]
fn a_failed_save_is_shown_in_full_kept_and_retried() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    let full = Arc::new(AtomicBool::new(true));
    let mut x = explorer(&path, &full);
    keep_first_therapy(&mut x);
    // The whole message, in a box of its own, until dismissed.
    let Some(Overlay::Unsaved { error, quitting }) = x.overlay() else {
        panic!("no unsaved notice: {:?}", x.overlay());
    };
    assert!(!quitting);
    assert!(
        error.contains("No space left on device (os error 28)"),
        "{error}"
    );
    assert!(error.contains("shortlist.ron"), "{error}");
    let shown = screen_text(&x);
    assert!(
        shown.contains("No space left on device (os error 28)"),
        "{shown}"
    );
    assert!(shown.contains("save again"), "{shown}");
    assert!(!path.exists());
    // Dismissed, it stays known: the status bar says so, and the change is still held.
    x.update(Action::Close);
    assert!(x.overlay().is_none());
    assert!(x.shortlist().unsaved().is_some());
    assert!(
        x.status().unwrap().contains("not saved"),
        "{:?}",
        x.status()
    );
    assert!(
        x.shortlist()
            .list()
            .contains(Kind::Therapy, "hair-transplant")
    );
    // The disk has room again: saving again writes everything held.
    full.store(false, Ordering::SeqCst);
    x.update(Action::Quit);
    assert!(!x.should_quit(), "q asks first");
    x.update(Action::SaveAgain);
    assert!(x.should_quit(), "saved, so the quit goes ahead");
    assert!(x.shortlist().unsaved().is_none());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("hair-transplant"), "{text}");
}

#[test]
fn q_on_the_notice_of_a_failed_save_asks_rather_than_quits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    let full = Arc::new(AtomicBool::new(true));
    for key in ["q", "Q"] {
        let mut x = explorer(&path, &full);
        keep_first_therapy(&mut x);
        assert!(matches!(
            x.overlay(),
            Some(Overlay::Unsaved {
                quitting: false,
                ..
            })
        ));
        let status = x.status().unwrap();
        assert!(
            status.contains(
                "to the shortlist (1); s shows it, in memory only; the shortlist could not be saved"
            ),
            "what was done is said to be held in memory only: {status}"
        );
        // The key that answers "quit without saving" in the question, pressed on the notice.
        press(&mut x.app, key);
        assert!(!x.should_quit(), "{key} on the notice quit without asking");
        assert!(matches!(
            x.overlay(),
            Some(Overlay::Unsaved { quitting: true, .. })
        ));
        assert!(screen_text(&x).contains("quit without saving"));
        press(&mut x.app, key);
        assert!(x.should_quit(), "asked and answered");
    }
}

#[test]
fn the_next_change_retries_and_q_quits_once_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    let full = Arc::new(AtomicBool::new(true));
    let mut x = explorer(&path, &full);
    keep_first_therapy(&mut x);
    x.update(Action::Close);
    full.store(false, Ordering::SeqCst);
    select(&mut x.app, Kind::Clinic, "test-sinsa-hospital");
    x.update(Action::ToggleShortlist);
    assert!(
        x.shortlist().unsaved().is_none(),
        "the next change saved it all"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("hair-transplant") && text.contains("test-sinsa-hospital"));
    x.update(Action::Quit);
    assert!(x.should_quit(), "nothing unsaved: q quits at once");
}

#[test]
fn q_with_unsaved_changes_asks_stay_or_quit_without() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    let full = Arc::new(AtomicBool::new(true));
    let mut x = explorer(&path, &full);
    keep_first_therapy(&mut x);
    x.update(Action::Close);
    x.update(Action::Quit);
    assert!(!x.should_quit());
    assert!(matches!(
        x.overlay(),
        Some(Overlay::Unsaved { quitting: true, .. })
    ));
    let shown = screen_text(&x);
    assert!(
        shown.contains("save again")
            && shown.contains("quit without saving")
            && shown.contains("stay"),
        "{shown}"
    );
    // Saving again while the disk is still full: asked again, with the new failure.
    x.update(Action::SaveAgain);
    assert!(!x.should_quit());
    assert!(matches!(
        x.overlay(),
        Some(Overlay::Unsaved { quitting: true, .. })
    ));
    // Esc stays, with the changes.
    x.update(Action::Close);
    assert!(!x.should_quit() && x.overlay().is_none());
    assert!(
        x.shortlist()
            .list()
            .contains(Kind::Therapy, "hair-transplant")
    );
    // q, then q again: quit without saving, as asked.
    x.update(Action::Quit);
    x.update(Action::QuitWithoutSaving);
    assert!(x.should_quit());
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_a_failed_save_too() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ro");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes anywhere; a read-only bind or mount is what stops it, so stand in with a
    // directory that is not one: the lock file cannot be made under a regular file.
    let blocked = if rustix_is_root() {
        let file = dir.path().join("not-a-directory");
        std::fs::write(&file, "").unwrap();
        file.join("shortlist.ron")
    } else {
        data.join("shortlist.ron")
    };
    let mut x = Local::new(Setup {
        store: Some(Store::open(&blocked)),
        ..plain()
    });
    keep_first_therapy(&mut x);
    let Some(Overlay::Unsaved { error, .. }) = x.overlay() else {
        panic!("no unsaved notice: {:?}", x.overlay());
    };
    let parent = blocked
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy();
    assert!(error.contains(parent.as_ref()), "names where: {error}");
    x.update(Action::Close);
    x.update(Action::Quit);
    assert!(!x.should_quit(), "q asks");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn rustix_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
