//! Searching off the caller's thread: a search box hands each query to a worker and carries on; the
//! worker searches the newest query only, abandons a search as soon as a newer query arrives, and
//! says when results are ready. Nothing here knows about terminals: the caller says how to be told.

use super::{Hit, SearchIndex, SearchState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

/// Results for one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The number the caller gave the query.
    pub generation: u64,
    /// The hits, best first.
    pub hits: Vec<Hit>,
}

/// A query for the worker.
struct Request {
    generation: u64,
    query: String,
}

#[derive(Default)]
struct Shared {
    /// The newest query's number: a search for an older one stops.
    latest: AtomicU64,
    /// The newest results not yet taken.
    found: Mutex<Option<Found>>,
}

/// Where the worker's index comes from.
pub enum Source {
    /// An index already built.
    Built(Arc<SearchIndex>),
    /// A dataset to build it from, on the worker's thread, before the first search.
    Build(Box<crate::dataset::Dataset>),
}

/// The handle on a search worker. Dropping it ends the worker.
pub struct Searcher {
    shared: Arc<Shared>,
    tx: Sender<Request>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("latest", &self.shared.latest.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl Searcher {
    /// Starts a worker over an index (built, or built first on the worker's thread) that returns at
    /// most `limit` hits and calls `ready` each time results are waiting in [`Searcher::take`].
    pub fn start(
        source: Source,
        limit: usize,
        ready: impl Fn() + Send + 'static,
    ) -> std::io::Result<Searcher> {
        let shared = Arc::new(Shared::default());
        let (tx, rx) = mpsc::channel();
        let worker = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                let index = match source {
                    Source::Built(index) => index,
                    Source::Build(data) => Arc::new(SearchIndex::build(&data)),
                };
                work(&index, limit, &worker, &rx, &ready)
            })?;
        Ok(Searcher { shared, tx })
    }

    /// Asks for a search; `generation` must grow with every query. Any search for an older query
    /// stops at its next look.
    pub fn request(&self, generation: u64, query: &str) {
        self.shared.latest.store(generation, Ordering::SeqCst);
        let _ = self.tx.send(Request {
            generation,
            query: query.to_owned(),
        });
    }

    /// The newest results, if any arrived since the last call.
    pub fn take(&self) -> Option<Found> {
        self.shared
            .found
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

/// The worker: waits for a query, skips to the newest waiting, searches it unless superseded, and
/// leaves the results for the caller.
fn work(
    index: &SearchIndex,
    limit: usize,
    shared: &Shared,
    rx: &Receiver<Request>,
    ready: &dyn Fn(),
) {
    let mut state = SearchState::default();
    while let Ok(mut request) = rx.recv() {
        while let Ok(newer) = rx.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let superseded = || shared.latest.load(Ordering::SeqCst) != generation;
        if superseded() {
            continue;
        }
        let Some(hits) = index.search_with(&request.query, None, limit, &mut state, &superseded)
        else {
            continue;
        };
        *shared.found.lock().unwrap_or_else(PoisonError::into_inner) =
            Some(Found { generation, hits });
        ready();
    }
}
