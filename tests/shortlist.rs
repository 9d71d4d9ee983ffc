//! The shortlist file: survives a restart, survives a save interrupted at any step, keeps the work of
//! two explorers open at once, moves a corrupt file aside, and keeps entries whose record is gone.

use clinic_explorer::Dataset;
use clinic_explorer::dataset::DataSource;
use clinic_explorer::model::Kind;
use clinic_explorer::shortlist::atomic::{SystemWriter, Writer};
use clinic_explorer::shortlist::{Shortlist, Store};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic-explorer").join("shortlist.ron");
    (dir, path)
}

fn ids(list: &Shortlist) -> Vec<String> {
    list.entries()
        .iter()
        .map(|e| format!("{}:{}", e.kind, e.id))
        .collect()
}

fn load(path: &Path) -> Shortlist {
    let outcome = Store::open(path).load().unwrap();
    assert_eq!(outcome.moved_aside, None);
    outcome.shortlist
}

/// Files in the shortlist's directory other than the shortlist and its lock file.
fn leftovers(path: &Path) -> Vec<String> {
    fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "shortlist.ron" && n != "shortlist.ron.lock")
        .collect()
}

#[test]
fn survives_a_restart() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path);
    let loaded = store.load().unwrap();
    assert!(loaded.shortlist.is_empty());
    assert_eq!(loaded.moved_aside, None);
    let mut list = loaded.shortlist;
    list.add(Kind::Therapy, "hair-transplant");
    list.add(Kind::Clinic, "test-sinsa-hospital");
    list.add(Kind::Condition, "keloids");
    list.set_note(
        Kind::Clinic,
        "test-sinsa-hospital",
        Some("ask about \"after-care\" & price".into()),
    );
    list.move_up(Kind::Condition, "keloids");
    store.save(&mut list).unwrap();
    assert!(!list.is_dirty());

    let again = load(&path);
    assert_eq!(
        ids(&again),
        [
            "therapy:hair-transplant",
            "condition:keloids",
            "clinic:test-sinsa-hospital"
        ]
    );
    assert_eq!(again.entries(), list.entries());
    assert_eq!(
        again
            .get(Kind::Clinic, "test-sinsa-hospital")
            .unwrap()
            .note
            .as_deref(),
        Some("ask about \"after-care\" & price")
    );
    assert!(leftovers(&path).is_empty(), "{:?}", leftovers(&path));
}

/// Where the failing writer gives up.
#[derive(Debug, Clone, Copy)]
enum FailAt {
    /// Writes this many bytes, then fails.
    Write(usize),
    /// Fails to flush the file to disk.
    Sync,
    /// Fails to rename the temporary file over the old one.
    Rename,
    /// Fails to flush the directory after the rename.
    SyncDir,
}

struct Failing(FailAt);

fn failed() -> io::Error {
    io::Error::other("simulated failure")
}

impl Writer for Failing {
    fn write(&mut self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if let FailAt::Write(n) = self.0 {
            file.write_all(&bytes[..n.min(bytes.len())])?;
            return Err(failed());
        }
        file.write_all(bytes)
    }
    fn sync(&mut self, file: &File) -> io::Result<()> {
        match self.0 {
            FailAt::Sync => Err(failed()),
            _ => file.sync_all(),
        }
    }
    fn persist(&mut self, tmp: NamedTempFile, to: &Path, overwrite: bool) -> io::Result<()> {
        match self.0 {
            FailAt::Rename => Err(failed()),
            _ => SystemWriter.persist(tmp, to, overwrite),
        }
    }
    fn sync_dir(&mut self, _dir: &Path) -> io::Result<()> {
        match self.0 {
            FailAt::SyncDir => Err(failed()),
            _ => Ok(()),
        }
    }
}

#[test]
fn a_save_interrupted_at_any_step_leaves_the_old_file() {
    let (_dir, path) = temp();
    let mut first = Shortlist::new();
    first.add(Kind::Therapy, "hair-transplant");
    first.set_note(Kind::Therapy, "hair-transplant", Some("old note".into()));
    Store::open(&path).save(&mut first).unwrap();
    let old_bytes = fs::read(&path).unwrap();
    let new_len = old_bytes.len() + 200;

    let mut steps = vec![FailAt::Sync, FailAt::Rename];
    steps.extend(
        [0, 1, 10, old_bytes.len() / 2, new_len - 1]
            .into_iter()
            .map(FailAt::Write),
    );
    for step in steps {
        let mut list = load(&path);
        list.add(Kind::Clinic, "test-sinsa-hospital");
        list.set_note(Kind::Therapy, "hair-transplant", Some("new note".into()));
        let mut store = Store::open(&path).with_writer(Failing(step));
        let err = store.save(&mut list).unwrap_err();
        assert!(
            err.to_string().contains("simulated failure"),
            "{step:?}: {err}"
        );
        assert_eq!(
            fs::read(&path).unwrap(),
            old_bytes,
            "{step:?}: the old file changed"
        );
        let reread = load(&path);
        assert_eq!(reread.entries(), first.entries(), "{step:?}");
        assert!(
            leftovers(&path).is_empty(),
            "{step:?}: {:?}",
            leftovers(&path)
        );
        // Nothing was lost in memory either: the same list saves once the disk works again.
        assert!(list.is_dirty(), "{step:?}");
        assert!(list.contains(Kind::Clinic, "test-sinsa-hospital"));
    }

    // A failure after the rename leaves the new file, whole.
    let mut list = load(&path);
    list.add(Kind::Clinic, "test-sinsa-hospital");
    let mut store = Store::open(&path).with_writer(Failing(FailAt::SyncDir));
    assert!(store.save(&mut list).is_err());
    assert_eq!(
        ids(&load(&path)),
        ["therapy:hair-transplant", "clinic:test-sinsa-hospital"]
    );
}

#[test]
fn a_temporary_file_left_by_a_crash_is_ignored() {
    let (_dir, path) = temp();
    let mut list = Shortlist::new();
    list.add(Kind::Therapy, "hair-transplant");
    Store::open(&path).save(&mut list).unwrap();
    // What `kill -9` in the middle of writing leaves behind: a partial temporary file.
    let stray = path.with_file_name(".shortlist.ron.tmp-99999-0");
    fs::write(&stray, "(version: 1, entries: [(kind: ther").unwrap();
    assert_eq!(ids(&load(&path)), ["therapy:hair-transplant"]);
    Store::open(&path).save(&mut list).unwrap();
    assert_eq!(ids(&load(&path)), ["therapy:hair-transplant"]);
}

#[test]
fn two_explorers_keep_each_others_work() {
    let (_dir, path) = temp();
    let mut setup = Shortlist::new();
    setup.add(Kind::Therapy, "hair-transplant");
    setup.add(Kind::Therapy, "scalp-micropigmentation");
    setup.add(Kind::Condition, "keloids");
    Store::open(&path).save(&mut setup).unwrap();

    // Both open before either saves.
    let mut store_a = Store::open(&path);
    let mut store_b = Store::open(&path);
    let mut a = store_a.load().unwrap().shortlist;
    let mut b = store_b.load().unwrap().shortlist;

    a.add(Kind::Clinic, "test-sinsa-hospital");
    a.remove(Kind::Condition, "keloids");
    a.set_note(Kind::Therapy, "hair-transplant", Some("from A".into()));
    store_a.save(&mut a).unwrap();

    b.add(Kind::Clinic, "test-gangnam-clinic");
    b.set_note(
        Kind::Therapy,
        "hair-transplant",
        Some("from B, later".into()),
    );
    store_b.save(&mut b).unwrap();

    let file = load(&path);
    assert_eq!(
        ids(&file),
        [
            "therapy:hair-transplant",
            "therapy:scalp-micropigmentation",
            "clinic:test-sinsa-hospital",
            "clinic:test-gangnam-clinic",
        ],
        "both additions kept, A's removal honoured"
    );
    assert_eq!(
        file.get(Kind::Therapy, "hair-transplant")
            .unwrap()
            .note
            .as_deref(),
        Some("from B, later"),
        "the later note wins"
    );
    // B now sees A's work too, and A sees B's after its next save.
    assert_eq!(b.entries(), file.entries());
    a.remove(Kind::Therapy, "scalp-micropigmentation");
    store_a.save(&mut a).unwrap();
    assert_eq!(
        ids(&load(&path)),
        [
            "therapy:hair-transplant",
            "clinic:test-sinsa-hospital",
            "clinic:test-gangnam-clinic",
        ]
    );
}

#[test]
fn concurrent_saves_lose_nothing() {
    let (_dir, path) = temp();
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path);
                let mut list = store.load().unwrap().shortlist;
                list.add(Kind::Travel, &format!("fact-{i}"));
                store.save(&mut list).unwrap();
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut got = ids(&load(&path));
    got.sort();
    let want: Vec<String> = (0..8).map(|i| format!("travel:fact-{i}")).collect();
    assert_eq!(got, want);
}

#[test]
fn a_corrupt_file_is_moved_aside_and_reported() {
    let (_dir, path) = temp();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage = "(version: 1, entries: [(kind: therapy, id: \"x\", added: oops\n";
    fs::write(&path, garbage).unwrap();

    let mut store = Store::open(&path);
    let outcome = store.load().unwrap();
    assert!(outcome.shortlist.is_empty());
    let aside = outcome.moved_aside.expect("the file is moved aside");
    let name = aside.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("shortlist.ron.corrupt-"), "{name}");
    assert_eq!(aside.parent(), path.parent());
    assert_eq!(
        fs::read_to_string(&aside).unwrap(),
        garbage,
        "kept, not changed"
    );
    assert!(!path.exists());
    let problem = outcome.problem.unwrap();
    assert!(problem.contains("shortlist.ron:1:"), "{problem}");

    // Loading goes on: the empty list saves, and a second corrupt file gets its own name.
    let mut list = outcome.shortlist;
    list.add(Kind::Therapy, "hair-transplant");
    store.save(&mut list).unwrap();
    assert_eq!(ids(&load(&path)), ["therapy:hair-transplant"]);
    fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
    let second = store.load().unwrap().moved_aside.unwrap();
    assert_ne!(second, aside);
    assert!(aside.exists() && second.exists());
}

#[test]
fn a_file_that_turns_corrupt_before_a_save_is_kept() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path);
    let mut list = Shortlist::new();
    list.add(Kind::Therapy, "hair-transplant");
    store.save(&mut list).unwrap();
    fs::write(&path, "not a shortlist").unwrap();
    list.add(Kind::Clinic, "test-sinsa-hospital");
    let outcome = store.save(&mut list).unwrap();
    let aside = outcome.moved_aside.unwrap();
    assert_eq!(fs::read_to_string(aside).unwrap(), "not a shortlist");
    assert_eq!(
        ids(&load(&path)),
        ["therapy:hair-transplant", "clinic:test-sinsa-hospital"]
    );
}

#[test]
fn records_gone_from_the_data_are_kept_and_reported() {
    let data = Dataset::load(&DataSource::Dir(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data"),
    ))
    .unwrap();
    let (_dir, path) = temp();
    let mut list = Shortlist::new();
    list.add(Kind::Therapy, "hair-transplant");
    list.add(Kind::Therapy, "a-therapy-since-removed");
    list.set_note(
        Kind::Therapy,
        "a-therapy-since-removed",
        Some("still mine".into()),
    );
    Store::open(&path).save(&mut list).unwrap();

    let list = load(&path);
    let resolved = list.resolve(&data);
    assert_eq!(resolved.len(), 2);
    assert_eq!(resolved[0].name.as_deref(), Some("Hair transplant"));
    assert!(!resolved[0].is_missing());
    assert_eq!(resolved[1].name, None);
    assert!(resolved[1].is_missing());
    assert_eq!(resolved[1].entry.note.as_deref(), Some("still mine"));
}

#[test]
fn the_default_path_follows_xdg() {
    let path = Store::default_path();
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").filter(|v| Path::new(v).is_absolute()) {
        assert_eq!(
            path,
            Some(PathBuf::from(xdg).join("clinic-explorer/shortlist.ron"))
        );
    } else if let Some(p) = path {
        assert!(
            p.ends_with("clinic-explorer/shortlist.ron"),
            "{}",
            p.display()
        );
    }
}

/// Sets a file's modification time this far in the past.
fn age(path: &Path, by: std::time::Duration) {
    let f = File::options().write(true).open(path).unwrap();
    f.set_modified(std::time::SystemTime::now() - by).unwrap();
}

#[test]
fn stale_temporary_files_are_removed_and_live_ones_kept() {
    let (_dir, path) = temp();
    let mut list = Shortlist::new();
    list.add(Kind::Therapy, "hair-transplant");
    Store::open(&path).save(&mut list).unwrap();
    let stale = path.with_file_name(".shortlist.ron.tmp-old1");
    let fresh = path.with_file_name(".shortlist.ron.tmp-new1");
    let locked = path.with_file_name(".shortlist.ron.tmp-busy");
    for p in [&stale, &fresh, &locked] {
        fs::write(p, "(version: 1, entries: [(kind: ther").unwrap();
    }
    let ten_minutes = std::time::Duration::from_secs(600);
    age(&stale, ten_minutes);
    age(&locked, ten_minutes);
    // Another explorer still writing holds its temporary file locked.
    let holder = File::open(&locked).unwrap();
    holder.lock().unwrap();
    list.add(Kind::Clinic, "test-sinsa-hospital");
    Store::open(&path).save(&mut list).unwrap();
    let mut left = leftovers(&path);
    left.sort();
    assert_eq!(left, [".shortlist.ron.tmp-busy", ".shortlist.ron.tmp-new1"]);
    drop(holder);
    assert_eq!(
        ids(&load(&path)),
        ["therapy:hair-transplant", "clinic:test-sinsa-hospital"]
    );
}

#[cfg(unix)]
#[test]
fn the_lock_file_never_follows_a_symlink() {
    let (dir, path) = temp();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let victim = dir.path().join("victim");
    std::os::unix::fs::symlink(&victim, path.with_file_name("shortlist.ron.lock")).unwrap();
    let mut list = Shortlist::new();
    list.add(Kind::Therapy, "hair-transplant");
    let e = Store::open(&path).save(&mut list).unwrap_err().to_string();
    assert!(
        e.contains("shortlist.ron.lock") && e.contains("symbolic link"),
        "{e}"
    );
    assert!(!victim.exists(), "the link's target was created");
    assert!(list.is_dirty(), "the change is still held");
}

#[cfg(unix)]
#[test]
fn special_and_huge_files_are_refused_without_hanging() {
    let (dir, path) = temp();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    // A FIFO nobody writes to: opened without blocking, refused by type.
    mkfifo(&path);
    let e = Store::open(&path).load().unwrap_err().to_string();
    assert!(
        e.contains("is a FIFO (named pipe), not a regular file"),
        "{e}"
    );
    fs::remove_file(&path).unwrap();
    // A device.
    let e = Store::open("/dev/zero").load().unwrap_err().to_string();
    assert!(e.contains("is a character device"), "{e}");
    // A regular file over the cap (sparse, so the test writes nothing).
    let big = dir.path().join("big.ron");
    File::create(&big)
        .unwrap()
        .set_len(clinic_explorer::shortlist::MAX_BYTES + 1)
        .unwrap();
    let e = Store::open(&big).load().unwrap_err().to_string();
    assert!(
        e.contains("larger than the 8 MiB limit for a shortlist"),
        "{e}"
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}
