//! Parsing a list file on every core: the text is cut at record boundaries and the pieces parsed at
//! once on worker threads. Any piece that fails sends the whole file back through the one-thread
//! parser, so a problem is always reported exactly as [`read::parse_list`] reports it.

use super::read;
use crate::error::Problem;
use serde::de::DeserializeOwned;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Below this many bytes a file is parsed on one thread: starting threads would cost more.
const PARALLEL_FROM: usize = 256 * 1024;

/// Pieces per worker, so the share done can be reported as pieces finish.
const PIECES_PER_WORKER: usize = 8;

/// How many threads to parse on: the cores available, at least one.
pub(crate) fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Parses a RON list of records as [`read::parse_list`] does (same records, same problems), on
/// every core when the file is large enough.
pub(crate) fn list<T: DeserializeOwned + Send>(
    text: &str,
    label: &Path,
    report: &mut dyn FnMut(f64),
) -> Result<Vec<T>, Problem> {
    let workers = workers();
    if workers < 2 || text.len() < PARALLEL_FROM {
        return read::parse_list(text, label, report);
    }
    let Some(pieces) = pieces(text, workers * PIECES_PER_WORKER) else {
        return read::parse_list(text, label, report);
    };
    match parse_pieces::<T>(text, &pieces, workers, report) {
        Some(records) => Ok(records),
        None => read::parse_list(text, label, report),
    }
}

/// Parses each piece (a run of whole records) as a list of its own, on `workers` threads; `None`
/// if any piece does not parse.
fn parse_pieces<T: DeserializeOwned + Send>(
    text: &str,
    pieces: &[Range<usize>],
    workers: usize,
    report: &mut dyn FnMut(f64),
) -> Option<Vec<T>> {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Option<Vec<T>>)>();
    let mut parsed: Vec<Option<Vec<T>>> =
        std::iter::repeat_with(|| None).take(pieces.len()).collect();
    let failed = std::thread::scope(|s| {
        for _ in 0..workers.min(pieces.len()) {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(range) = pieces.get(i) else { break };
                    let records = parse_piece::<T>(&text[range.clone()]);
                    let failed = records.is_none();
                    if tx.send((i, records)).is_err() || failed {
                        // Stop the others early: every later piece is skipped.
                        next.store(pieces.len(), Ordering::Relaxed);
                        break;
                    }
                }
            });
        }
        drop(tx);
        let (mut done, mut failed) = (0usize, false);
        for (i, records) in rx {
            failed |= records.is_none();
            done += pieces[i].len();
            parsed[i] = records;
            report(done as f64 / text.len() as f64);
        }
        failed
    });
    if failed {
        return None;
    }
    let mut out = Vec::with_capacity(parsed.iter().flatten().map(Vec::len).sum());
    for p in parsed {
        out.extend(p?);
    }
    Some(out)
}

/// One piece parsed as a list, with the loader's options.
fn parse_piece<T: DeserializeOwned>(piece: &str) -> Option<Vec<T>> {
    let mut list = String::with_capacity(piece.len() + 2);
    list.push('[');
    list.push_str(piece);
    list.push(']');
    read::options().from_str::<Vec<T>>(&list).ok()
}

/// Cuts a list file into about `want` runs of whole records: each run starts at a record's `(` and
/// ends where the next run starts (the last at the list's closing `]`). `None` when the file is not
/// a plain list (text other than `//` comments around it, nesting too deep, unbalanced brackets):
/// the one-thread parser then reports what is wrong.
fn pieces(text: &str, want: usize) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    let (mut open, mut close) = (None, None);
    let mut starts = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += usize::from(bytes[i] == b'\\') + 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => return None,
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > read::MAX_NESTING {
                    return None;
                }
                match depth {
                    1 if bytes[i] == b'[' && open.is_none() => open = Some(i),
                    1 => return None,
                    2 if bytes[i] == b'(' => starts.push(i),
                    2 => return None,
                    _ => {}
                }
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    if bytes[i] != b']' || close.is_some() {
                        return None;
                    }
                    close = Some(i);
                }
            }
            c if depth == 0 && !c.is_ascii_whitespace() => return None,
            _ => {}
        }
        i += 1;
    }
    let close = close?;
    if depth != 0 || starts.is_empty() {
        return None;
    }
    let per = starts.len().div_ceil(want.max(1));
    let mut cuts: Vec<usize> = starts.iter().step_by(per).copied().collect();
    cuts.push(close);
    Some(cuts.windows(2).map(|w| w[0]..w[1]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct R {
        id: Id,
        n: Vec<u32>,
    }

    fn text(n: usize) -> String {
        let mut t = String::from("// a list\n[\n");
        for i in 0..n {
            t.push_str(&format!(
                "    (id: \"r{i}\", n: [{i}]), // \"(\" in a comment\n"
            ));
        }
        t.push_str("]\n");
        t
    }

    #[test]
    fn pieces_cover_every_record_once() {
        let t = text(100);
        let p = pieces(&t, 7).expect("a plain list");
        assert!(p.len() >= 7, "{} pieces", p.len());
        let joined: String = p.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(joined.matches("(id:").count(), 100);
        assert!(t[p[0].start..].starts_with("(id: \"r0\""));
        assert!(t[p.last().unwrap().end..].starts_with(']'));
    }

    #[test]
    fn only_plain_lists_are_cut() {
        assert!(pieces("[ (a: 1), ] x", 4).is_none(), "text after the list");
        assert!(pieces("( a: [ (b: 1) ] )", 4).is_none(), "not a list");
        assert!(
            pieces("[ (a: 1), /* ( */ ]", 4).is_none(),
            "a block comment"
        );
        assert!(pieces("[ (a: 1), ", 4).is_none(), "not closed");
        assert!(pieces("[ [1], ]", 4).is_none(), "records are not structs");
    }

    #[test]
    fn the_pieces_parse_to_the_same_records() {
        let t = text(50);
        let label = Path::new("t.ron");
        let whole: Vec<R> = read::parse_list(&t, label, &mut |_| {}).unwrap();
        let p = pieces(&t, 6).unwrap();
        let mut shares = Vec::new();
        let cut: Vec<R> = parse_pieces(&t, &p, 3, &mut |s| shares.push(s)).unwrap();
        assert_eq!(whole, cut);
        assert_eq!(shares.len(), p.len());
        assert!(shares.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_bad_piece_gives_the_one_thread_problem() {
        let t = text(8000).replace("(id: \"r7000\", n: [7000]", "(id: \"r7000\", n: [7000");
        assert!(t.len() >= PARALLEL_FROM, "{} bytes", t.len());
        let label = Path::new("t.ron");
        let one = read::parse_list::<R>(&t, label, &mut |_| {}).unwrap_err();
        let many = list::<R>(&t, label, &mut |_| {}).unwrap_err();
        assert_eq!(one, many);
        assert!(one.line.is_some_and(|l| l > 7000), "{one}");
    }
}
