//! `clinic-explorer serve`: the explorer as its own SSH server. `ssh -p 2222 host` opens it, each
//! connection in a session of its own, with nothing to install and no account on the machine.
//!
//! The dataset is loaded and indexed once and shared by every session. Each session runs the same
//! app as the local explorer on a thread of its own: the client's bytes are parsed into keys and
//! mouse events ([`input`]), frames go out through a bounded queue ([`screen`]). The async runtime
//! lives only here, started by [`run`]; the local explorer never starts one.

mod handler;
pub mod hostkey;
pub mod input;
pub mod keys;
mod log;
pub mod options;
pub mod screen;
mod server;
pub mod session;
mod stream;

pub use options::Args;

use crate::config::Settings;
use crate::dataset::{DataSource, Dataset};
use crate::search::SearchIndex;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

/// The server's state directory: `$XDG_STATE_HOME/clinic-explorer/serve`, else
/// `~/.local/state/clinic-explorer/serve`.
pub fn default_state_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home().map(|h| h.join(".local/state")))?;
    Some(base.join("clinic-explorer").join("serve"))
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// Runs the server until SIGTERM or SIGINT. Returns 1 when it cannot start: invalid data, no host
/// key, an address it cannot listen on.
pub fn run(source: &DataSource, settings: &Settings, args: &Args) -> ExitCode {
    match start(source, settings, args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clinic-explorer serve: {}", crate::text::sanitize(&message));
            ExitCode::from(1)
        }
    }
}

fn start(source: &DataSource, settings: &Settings, args: &Args) -> Result<(), String> {
    let state_dir = args
        .state_dir
        .clone()
        .or_else(default_state_dir)
        .ok_or("no state directory: set HOME or give --state-dir")?;
    let host_key_path = args
        .host_key
        .clone()
        .unwrap_or_else(|| state_dir.join("host_key"));
    let keys_path = args
        .authorized_keys
        .clone()
        .or_else(|| home().map(|h| h.join(".ssh/authorized_keys")))
        .ok_or("no authorized keys file: set HOME or give --authorized-keys")?;
    let data = Dataset::load(source).map_err(|e| e.to_string())?;
    let index = SearchIndex::build(&data);
    let host_key = hostkey::load_or_create(&host_key_path)
        .map_err(|e| format!("{e}; the server does not run with a throwaway key"))?;
    let fingerprint = hostkey::fingerprint(&host_key);
    let keys = keys::AuthorizedKeys::new(keys_path);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("ssh")
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start: {e}"))?;
    let config = Arc::new(server::config(host_key, args));
    let shared = Arc::new(server::Shared {
        data: Arc::new(data),
        index: Arc::new(index),
        settings: settings.clone(),
        args: args.clone(),
        state_dir,
        keys: Mutex::new(keys),
        slots: Mutex::default(),
        unauthenticated: Arc::new(tokio::sync::Semaphore::new(args.max_unauthenticated)),
        stopping: AtomicBool::new(false),
    });
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        {
            let keys = shared.keys.lock().unwrap_or_else(|e| e.into_inner());
            log::line(&format!("listening on {addr}"));
            log::line(&format!("host key fingerprint {fingerprint}"));
            log::line(&format!(
                "authorized keys: {} ({} key(s)); anonymous visitors: {}",
                keys.path().display(),
                keys.len(),
                if args.allow_anonymous {
                    "let in read-only"
                } else {
                    "refused"
                }
            ));
        }
        server::serve(Arc::clone(&shared), config, listener).await;
        Ok::<(), String>(())
    })?;
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    Ok(())
}
