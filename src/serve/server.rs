//! The listening side: what every connection shares (the dataset, loaded once; the keys; the session
//! counts), the accept loop with its caps on connections that have not logged in and their login
//! deadline, and the shutdown on SIGTERM or SIGINT.

use super::handler::Conn;
use super::keys::AuthorizedKeys;
use super::log;
use super::options::Args;
use super::session::{Incoming, Timing};
use super::stream::{Cut, CuttableStream};
use crate::config::Settings;
use crate::dataset::Dataset;
use crate::search::SearchIndex;
use russh::keys::PrivateKey;
use russh::{MethodKind, MethodSet};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// What every connection shares.
pub struct Shared {
    /// The dataset, loaded once.
    pub data: Arc<Dataset>,
    /// Its search index, built once.
    pub index: Arc<SearchIndex>,
    /// Keys, theme and currency for every session.
    pub settings: Settings,
    /// The options.
    pub args: Args,
    /// Where each key's files are kept.
    pub state_dir: PathBuf,
    /// Who may log in.
    pub keys: Mutex<AuthorizedKeys>,
    /// The sessions running.
    pub slots: Mutex<Slots>,
    /// Permits for connections that have not logged in yet.
    pub unauthenticated: Arc<Semaphore>,
    /// Set once the server is shutting down: no new session starts.
    pub stopping: AtomicBool,
}

impl Shared {
    /// The session timings from the options.
    pub fn timing(&self) -> Timing {
        Timing::new(self.args.idle_timeout, self.args.max_session_time)
    }

    fn slots(&self) -> MutexGuard<'_, Slots> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes a session slot for `key` (a fingerprint), or says why not.
    pub fn take_slot(
        self: &Arc<Self>,
        key: &str,
        tx: SyncSender<Incoming>,
    ) -> Result<Slot, String> {
        if self.stopping.load(Ordering::SeqCst) {
            return Err("the server is shutting down".into());
        }
        let mut slots = self.slots();
        if slots.sessions.len() >= self.args.max_sessions {
            return Err(format!(
                "the server is full ({} sessions); try again later",
                self.args.max_sessions
            ));
        }
        let of_key = slots.per_key.get(key).copied().unwrap_or(0);
        if of_key >= self.args.max_per_key {
            return Err(format!(
                "this key already has {of_key} sessions open, the most allowed"
            ));
        }
        slots.next_id += 1;
        let id = slots.next_id;
        *slots.per_key.entry(key.to_owned()).or_insert(0) += 1;
        slots.sessions.insert(id, tx);
        Ok(Slot {
            shared: Arc::clone(self),
            id,
            key: key.to_owned(),
        })
    }

    /// How many sessions are running.
    pub fn running(&self) -> usize {
        self.slots().sessions.len()
    }
}

/// The running sessions and how many each key has.
#[derive(Debug, Default)]
pub struct Slots {
    sessions: HashMap<u64, SyncSender<Incoming>>,
    per_key: HashMap<String, usize>,
    next_id: u64,
}

/// A session's place in the counts, given back when dropped.
pub struct Slot {
    shared: Arc<Shared>,
    id: u64,
    key: String,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut slots = self.shared.slots();
        slots.sessions.remove(&self.id);
        if let Some(n) = slots.per_key.get_mut(&self.key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                slots.per_key.remove(&self.key);
            }
        }
    }
}

/// The SSH configuration: public keys only, the host key, keepalives, a small receive window.
pub fn config(host_key: PrivateKey, args: &Args) -> russh::server::Config {
    russh::server::Config {
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host_key],
        max_auth_attempts: 6,
        // A backstop: the session's own idle timeout comes first.
        inactivity_timeout: Some(args.idle_timeout + Duration::from_secs(120)),
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 3,
        // What a client may send before the server has read it: keystrokes are small.
        window_size: 64 * 1024,
        nodelay: true,
        ..Default::default()
    }
}

/// Accepts connections until SIGTERM or SIGINT, then ends every session with a message and
/// returns.
pub async fn serve(shared: Arc<Shared>, config: Arc<russh::server::Config>, listener: TcpListener) {
    let mut stop = Box::pin(stop_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, addr)) => accept(&shared, &config, socket, addr),
                Err(e) => {
                    log::line(&format!("accept failed: {e}"));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            () = &mut stop => break,
        }
    }
    shutdown(&shared).await;
}

/// Starts one connection, unless too many have not logged in yet.
fn accept(
    shared: &Arc<Shared>,
    config: &Arc<russh::server::Config>,
    socket: tokio::net::TcpStream,
    addr: std::net::SocketAddr,
) {
    let Ok(permit) = Arc::clone(&shared.unauthenticated).try_acquire_owned() else {
        log::line(&format!(
            "refused {addr}: {} connections have not logged in yet",
            shared.args.max_unauthenticated
        ));
        return;
    };
    let _ = socket.set_nodelay(true);
    let cut = Arc::new(Cut::default());
    let authed = Arc::new(AtomicBool::new(false));
    let conn = Conn::new(
        Arc::clone(shared),
        addr,
        Arc::clone(&cut),
        permit,
        Arc::clone(&authed),
    );
    let config = Arc::clone(config);
    let login_timeout = shared.args.login_timeout;
    tokio::spawn(async move {
        let deadline = tokio::spawn({
            let cut = Arc::clone(&cut);
            async move {
                tokio::time::sleep(login_timeout).await;
                if !authed.load(Ordering::SeqCst) {
                    cut.cut();
                }
            }
        });
        let stream = CuttableStream::new(socket, cut);
        if let Ok(session) = russh::server::run_stream(config, stream, conn).await {
            let _ = session.await;
        }
        deadline.abort();
    });
}

/// Resolves on SIGTERM or SIGINT.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => {},
                    _ = int.recv() => {},
                }
            }
            _ => std::future::pending().await,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Tells every session to end, and waits (a few seconds at most) for them to close.
async fn shutdown(shared: &Arc<Shared>) {
    shared.stopping.store(true, Ordering::SeqCst);
    let senders: Vec<SyncSender<Incoming>> = shared.slots().sessions.values().cloned().collect();
    log::line(&format!(
        "shutting down: closing {} session(s)",
        senders.len()
    ));
    for tx in senders {
        let _ = tx.try_send(Incoming::Shutdown);
    }
    for _ in 0..100 {
        if shared.running() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Let the last goodbyes reach the clients.
    tokio::time::sleep(Duration::from_millis(200)).await;
}
