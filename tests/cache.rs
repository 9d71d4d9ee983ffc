//! Every way the cache of data directories can go wrong ends with a correct load: a damaged,
//! truncated or foreign entry, a data file changed to the same size and time, two writers at once,
//! a cache that cannot be written, a cap too small; and `check`, `--no-cache` and `cache = false`
//! leave it alone.

use clinic_explorer::Dataset;
use clinic_explorer::cache::{self, Cache};
use clinic_explorer::dataset::DataSource;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data")
}

/// A copy of the fixture data in a directory of its own.
fn data_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for e in std::fs::read_dir(fixture()).expect("the fixture") {
        let e = e.expect("an entry");
        std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copied");
    }
    dir
}

/// The cache entries in a directory.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|x| x == "form"));
    v
}

/// Loads through the cache and checks the dataset is the fresh one.
fn load_ok(source: &DataSource, cache: &Cache) -> cache::Loaded {
    let fresh = Dataset::check(source).expect("valid data");
    let got = cache::load(source, cache).expect("loads");
    assert_eq!(
        serde_json::to_value(&fresh).unwrap(),
        serde_json::to_value(&got.data).unwrap(),
        "the dataset is the fresh one"
    );
    got
}

/// A warm cache (one entry) for a copy of the fixture.
fn warm() -> (
    tempfile::TempDir,
    tempfile::TempDir,
    DataSource,
    Cache,
    PathBuf,
) {
    let data = data_copy();
    let cache_dir = tempfile::tempdir().expect("a temporary directory");
    let source = DataSource::Dir(data.path().to_path_buf());
    let cache = Cache::at(cache_dir.path());
    assert!(!load_ok(&source, &cache).from_cache);
    let list = entries(cache_dir.path());
    assert_eq!(list.len(), 1, "one entry written");
    let entry = list[0].clone();
    assert!(
        load_ok(&source, &cache).from_cache,
        "the second load reads it"
    );
    (data, cache_dir, source, cache, entry)
}

/// After the entry was spoiled: the next load is fresh and correct, with no note, and writes a
/// good entry again, which the load after that reads.
fn recovers(source: &DataSource, cache: &Cache, entry: &Path) {
    let got = load_ok(source, cache);
    assert!(!got.from_cache, "a spoiled entry is not used");
    assert_eq!(got.note, None, "nothing to tell the person");
    assert!(entry.exists(), "the entry is replaced");
    assert!(load_ok(source, cache).from_cache, "and the new one is read");
}

#[test]
fn a_damaged_entry_is_ignored_and_replaced() {
    let (_d, _c, source, cache, entry) = warm();
    let mut bytes = std::fs::read(&entry).unwrap();
    let last = bytes.len() - 10;
    bytes[last] ^= 0x55;
    std::fs::write(&entry, &bytes).unwrap();
    recovers(&source, &cache, &entry);
}

#[test]
fn a_truncated_entry_is_ignored_and_replaced() {
    let (_d, _c, source, cache, entry) = warm();
    for keep in [0usize, 7, 60, 200] {
        let bytes = std::fs::read(&entry).unwrap();
        std::fs::write(&entry, &bytes[..keep.min(bytes.len() - 1)]).unwrap();
        recovers(&source, &cache, &entry);
    }
}

#[test]
fn an_entry_from_another_build_or_of_another_kind_is_ignored_and_replaced() {
    let (_d, _c, source, cache, entry) = warm();
    // Another build's form id (the 32 bytes after the magic).
    let mut bytes = std::fs::read(&entry).unwrap();
    assert_eq!(&bytes[..8], cache::MAGIC);
    bytes[8..40].copy_from_slice(b"00000000000000000000000000000000");
    std::fs::write(&entry, &bytes).unwrap();
    recovers(&source, &cache, &entry);
    // Something else entirely at that name.
    std::fs::write(
        &entry,
        "not a cache entry at all, but long enough to hold a header ...........",
    )
    .unwrap();
    recovers(&source, &cache, &entry);
}

#[test]
fn a_file_changed_to_the_same_size_and_time_is_noticed() {
    let (data, _c, source, cache, _entry) = warm();
    let path = data.path().join("clinics.ron");
    let before = std::fs::metadata(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let name = Dataset::check(&source).unwrap().clinics[0].name.clone();
    let mut renamed: Vec<char> = name.chars().collect();
    renamed[0] = if renamed[0] == 'X' { 'Y' } else { 'X' };
    let renamed: String = renamed.into_iter().collect();
    assert_eq!(renamed.len(), name.len(), "same size");
    std::fs::write(&path, text.replacen(&name, &renamed, 1)).unwrap();
    let f = std::fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(before.modified().unwrap()).unwrap();
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(after.len(), before.len());
    assert_eq!(after.modified().unwrap(), before.modified().unwrap());
    let got = load_ok(&source, &cache);
    assert!(!got.from_cache, "the change is seen");
    assert_eq!(got.data.clinics[0].name, renamed);
}

#[test]
fn two_writers_at_once_leave_one_whole_entry() {
    let data = data_copy();
    let cache_dir = tempfile::tempdir().unwrap();
    let source = DataSource::Dir(data.path().to_path_buf());
    let cache = Cache::at(cache_dir.path());
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| cache::load(&source, &cache).expect("loads")))
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap().note, None);
        }
    });
    let left: Vec<_> = std::fs::read_dir(cache_dir.path())
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(left.len(), 1, "one entry and no temporary files: {left:?}");
    assert!(load_ok(&source, &cache).from_cache);

    // And as whole processes, started together on an empty cache.
    let cold = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..3)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
                .args(["--no-config", "search", "seoul", "--data"])
                .arg(data.path())
                .env("XDG_CACHE_HOME", cold.path())
                .output()
        })
        .collect();
    for c in children {
        let out = c.expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let dir = cold.path().join("clinic-explorer");
    assert_eq!(entries(&dir).len(), 1);
    assert!(load_ok(&source, &Cache::at(&dir)).from_cache);
}

#[test]
fn a_cache_that_cannot_be_written_leaves_a_one_line_note() {
    let data = data_copy();
    let source = DataSource::Dir(data.path().to_path_buf());
    let blocker = tempfile::NamedTempFile::new().unwrap();
    // A directory inside a plain file cannot be created, whoever runs the test.
    let cache = Cache::at(blocker.path().join("cache"));
    let got = load_ok(&source, &cache);
    assert!(!got.from_cache);
    let note = got.note.expect("a note");
    assert_eq!(note.lines().count(), 1, "{note}");
    assert!(note.contains("--no-cache"), "{note}");

    let out = Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(["--no-config", "search", "seoul", "--data"])
        .arg(data.path())
        .env("XDG_CACHE_HOME", blocker.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.is_empty(), "the search answered");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("clinic-explorer: note: the cache"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_read_only_cache_directory_still_loads() {
    use std::os::unix::fs::PermissionsExt;
    let data = data_copy();
    let source = DataSource::Dir(data.path().to_path_buf());
    let cache_dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(cache_dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let got = load_ok(&source, &Cache::at(cache_dir.path()));
    // Root may write anyway; either way the load is right and says at most one line.
    assert!(got.note.is_none_or(|n| n.lines().count() == 1));
    std::fs::set_permissions(cache_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn the_cap_keeps_the_directory_small() {
    let cache_dir = tempfile::tempdir().unwrap();
    let (a, b) = (data_copy(), data_copy());
    // b differs from a, so it has an entry of its own.
    let p = b.path().join("sources.ron");
    let t = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, format!("// another copy\n{t}")).unwrap();
    let (sa, sb) = (
        DataSource::Dir(a.path().to_path_buf()),
        DataSource::Dir(b.path().to_path_buf()),
    );
    load_ok(&sa, &Cache::at(cache_dir.path()));
    let one = cache::size(cache_dir.path());
    assert!(one > 0);
    // Room for one entry: the second pushes the first out.
    let cache = Cache::at(cache_dir.path()).with_cap(one + one / 2);
    std::thread::sleep(std::time::Duration::from_millis(20)); // distinct modification times
    load_ok(&sb, &cache);
    assert_eq!(entries(cache_dir.path()).len(), 1);
    assert!(cache::size(cache_dir.path()) <= one + one / 2);
    assert!(load_ok(&sb, &cache).from_cache, "the newer entry stays");
    // An entry larger than the cap is not written, and that is no error.
    let tiny = tempfile::tempdir().unwrap();
    let got = load_ok(&sa, &Cache::at(tiny.path()).with_cap(100));
    assert_eq!(got.note, None);
    assert!(entries(tiny.path()).is_empty());
}

/// Runs the binary with its cache in `cache_home`.
fn run(cache_home: &Path, args: &[&str], data: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_clinic-explorer"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env("XDG_CACHE_HOME", cache_home)
        .env("XDG_CONFIG_HOME", cache_home.join("config"))
        .output()
        .expect("runs")
}

#[test]
fn check_no_cache_and_the_setting_leave_the_cache_alone() {
    let data = data_copy();
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("clinic-explorer");
    assert!(
        run(home.path(), &["--no-config", "check"], data.path())
            .status
            .success()
    );
    assert!(entries(&dir).is_empty(), "check writes no cache");
    let out = run(
        home.path(),
        &["--no-config", "--no-cache", "search", "seoul"],
        data.path(),
    );
    assert!(out.status.success());
    assert!(entries(&dir).is_empty(), "--no-cache writes none");
    let config = home.path().join("config/clinic-explorer");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.ron"), "(cache: false)").unwrap();
    let out = run(home.path(), &["search", "seoul"], data.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(entries(&dir).is_empty(), "cache = false writes none");
    let out = run(
        home.path(),
        &["--no-config", "search", "seoul"],
        data.path(),
    );
    assert!(out.status.success());
    assert_eq!(entries(&dir).len(), 1, "by default the cache is written");
}

/// The hits of a few queries, as JSON, for comparing an index with a fresh one field by field.
fn hits(index: &clinic_explorer::search::SearchIndex) -> serde_json::Value {
    let all: Vec<_> = ["seoul", "stem cell", "district:gangnam", "keliod", "강남"]
        .iter()
        .map(|q| index.search(q, None, 50))
        .collect();
    serde_json::to_value(all).unwrap()
}

/// A warm cache whose one entry holds the index too: a search wrote it.
fn warm_index() -> (
    tempfile::TempDir,
    tempfile::TempDir,
    DataSource,
    Cache,
    PathBuf,
) {
    let (data, cache_dir, source, cache, entry) = warm();
    let before = std::fs::metadata(&entry).unwrap().len();
    let got = cache::load_index(&source, &[], &cache).expect("loads");
    assert!(!got.from_cache, "the entry held only the dataset");
    assert!(
        std::fs::metadata(&entry).unwrap().len() > before,
        "the index is added"
    );
    assert!(cache::load_index(&source, &[], &cache).unwrap().from_cache);
    (data, cache_dir, source, cache, entry)
}

/// After the index part was spoiled: the next search builds the index afresh (the same hits as a
/// fresh one), says nothing, and writes the entry whole again, which the search after reads.
fn index_recovers(source: &DataSource, cache: &Cache, entry: &Path) {
    let fresh = hits(&clinic_explorer::search::SearchIndex::build(
        &Dataset::check(source).unwrap(),
    ));
    let got = cache::load_index(source, &[], cache).expect("loads");
    assert!(!got.from_cache, "a spoiled index is not used");
    assert_eq!(got.note, None, "nothing to tell the person");
    assert_eq!(hits(&got.index), fresh);
    assert!(entry.exists(), "the entry is replaced");
    let again = cache::load_index(source, &[], cache).expect("loads");
    assert!(again.from_cache, "and the new index is read");
    assert_eq!(hits(&again.index), fresh);
}

#[test]
fn a_cached_index_gives_the_hits_a_fresh_one_gives() {
    let (_d, _c, source, cache, _entry) = warm_index();
    let fresh = hits(&clinic_explorer::search::SearchIndex::build(
        &Dataset::check(&source).unwrap(),
    ));
    let got = cache::load_index(&source, &[], &cache).unwrap();
    assert!(got.from_cache);
    assert_eq!(hits(&got.index), fresh);
    // A dataset load reads the index beside it when asked.
    let loaded = load_ok(&source, &cache);
    assert!(loaded.from_cache);
    assert_eq!(hits(loaded.index()), fresh);
}

#[test]
fn a_damaged_index_part_is_ignored_and_replaced() {
    let (_d, _c, source, cache, entry) = warm_index();
    let mut bytes = std::fs::read(&entry).unwrap();
    let last = bytes.len() - 10;
    bytes[last] ^= 0x55;
    std::fs::write(&entry, &bytes).unwrap();
    // The dataset beside it is still good and still read.
    assert!(load_ok(&source, &cache).from_cache);
    index_recovers(&source, &cache, &entry);
}

#[test]
fn an_index_part_of_another_build_is_ignored_and_replaced() {
    let (_d, _c, source, cache, entry) = warm_index();
    // The index's form id: after magic, form id, key, and the dataset's length and checksum.
    let mut bytes = std::fs::read(&entry).unwrap();
    bytes[80..112].copy_from_slice(b"00000000000000000000000000000000");
    std::fs::write(&entry, &bytes).unwrap();
    assert!(load_ok(&source, &cache).from_cache);
    index_recovers(&source, &cache, &entry);
}

#[test]
fn a_truncated_or_damaged_entry_is_ignored_by_a_search_too() {
    let (_d, _c, source, cache, entry) = warm_index();
    let bytes = std::fs::read(&entry).unwrap();
    for keep in [0usize, 7, 60, 200, bytes.len() - 1] {
        std::fs::write(&entry, &bytes[..keep]).unwrap();
        index_recovers(&source, &cache, &entry);
    }
    // The dataset part damaged: the search rebuilds everything, and a dataset load is right.
    let mut bad = std::fs::read(&entry).unwrap();
    bad[200] ^= 0x55;
    std::fs::write(&entry, &bad).unwrap();
    let fresh = hits(&clinic_explorer::search::SearchIndex::build(
        &Dataset::check(&source).unwrap(),
    ));
    // The index part alone is whole, so a search may still use it; its hits are the fresh ones.
    assert_eq!(
        hits(&cache::load_index(&source, &[], &cache).unwrap().index),
        fresh
    );
    let got = load_ok(&source, &cache);
    assert!(!got.from_cache, "the damaged dataset is not used");
    assert!(load_ok(&source, &cache).from_cache);
}

#[test]
fn a_changed_file_is_noticed_by_a_search() {
    let (data, _c, source, cache, _entry) = warm_index();
    let path = data.path().join("clinics.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let name = Dataset::check(&source).unwrap().clinics[0].name.clone();
    std::fs::write(&path, text.replacen(&name, "Zyxwv Clinic", 1)).unwrap();
    let got = cache::load_index(&source, &[], &cache).unwrap();
    assert!(!got.from_cache, "the change is seen");
    let top = got.index.search("zyxwv", None, 1);
    assert_eq!(top.first().map(|h| h.name.as_str()), Some("Zyxwv Clinic"));
}

#[test]
fn an_index_built_for_a_loaded_dataset_is_kept_for_the_next_search() {
    let (_d, _c, source, cache, _entry) = warm();
    let loaded = load_ok(&source, &cache);
    assert!(loaded.from_cache);
    let built = hits(loaded.index());
    let got = cache::load_index(&source, &[], &cache).unwrap();
    assert!(
        got.from_cache,
        "the index built for the dataset was added to its entry"
    );
    assert_eq!(hits(&got.index), built);
}

#[test]
fn the_explorer_takes_the_kept_index_and_keeps_the_one_it_builds() {
    // An entry without an index: the explorer's builder runs, and what it built is kept.
    let (_d, _c, source, cache, _entry) = warm();
    let mut built = false;
    let (_, index) = load_ok(&source, &cache).into_parts(|data| {
        built = true;
        clinic_explorer::search::SearchIndex::build(data)
    });
    assert!(built, "nothing to decode yet");
    let kept = hits(&index);
    // Now the entry holds it: the builder is not called, and the hits are the same.
    let (_, again) = load_ok(&source, &cache).into_parts(|_| panic!("the index is in the cache"));
    assert_eq!(hits(&again), kept);
    assert!(cache::load_index(&source, &[], &cache).unwrap().from_cache);
}
