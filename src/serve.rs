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
    state_dir_in(
        std::env::var_os("XDG_STATE_HOME").map(PathBuf::from),
        home(),
    )
}

fn state_dir_in(xdg_state: Option<PathBuf>, home: Option<PathBuf>) -> Option<PathBuf> {
    let base = xdg_state
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| h.join(".local/state")))?;
    Some(base.join("clinic-explorer").join("serve"))
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// Where the server keeps things.
#[derive(Debug, PartialEq, Eq)]
struct Paths {
    state_dir: PathBuf,
    host_key: PathBuf,
    authorized_keys: PathBuf,
}

/// The paths from the options, else the defaults: the state directory, `host_key` in it, and
/// `~/.ssh/authorized_keys`.
fn paths(args: &Args, xdg_state: Option<PathBuf>, home: Option<PathBuf>) -> Result<Paths, String> {
    let state_dir = args
        .state_dir
        .clone()
        .or_else(|| state_dir_in(xdg_state, home.clone()))
        .ok_or("no state directory: set HOME or give --state-dir")?;
    let host_key = args
        .host_key
        .clone()
        .unwrap_or_else(|| state_dir.join("host_key"));
    let authorized_keys = args
        .authorized_keys
        .clone()
        .or_else(|| home.map(|h| h.join(".ssh/authorized_keys")))
        .ok_or("no authorized keys file: set HOME or give --authorized-keys")?;
    Ok(Paths {
        state_dir,
        host_key,
        authorized_keys,
    })
}

/// A panic (a bug) is logged in one line; the session it happened in ends (see
/// [`session::run`]), the server goes on.
fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let thread = std::thread::current();
        log::line(&format!(
            "panic in thread {}{at}: {what}",
            thread.name().unwrap_or("unnamed")
        ));
    }));
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
    let Paths {
        state_dir,
        host_key: host_key_path,
        authorized_keys: keys_path,
    } = paths(
        args,
        std::env::var_os("XDG_STATE_HOME").map(PathBuf::from),
        home(),
    )?;
    log_panics();
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: Args,
    }

    fn args(extra: &[&str]) -> Args {
        Cli::try_parse_from(std::iter::once("serve").chain(extra.iter().copied()))
            .unwrap()
            .args
    }

    #[test]
    fn default_paths_are_the_users_own() {
        let home = PathBuf::from("/home/ana");
        let p = paths(&args(&[]), None, Some(home.clone())).unwrap();
        let state = home.join(".local/state/clinic-explorer/serve");
        assert_eq!(
            p,
            Paths {
                host_key: state.join("host_key"),
                state_dir: state,
                authorized_keys: home.join(".ssh/authorized_keys"),
            }
        );
        // XDG_STATE_HOME when absolute; a relative one is ignored, as the XDG rules say.
        let p = paths(&args(&[]), Some("/var/st".into()), Some(home.clone())).unwrap();
        assert_eq!(
            p.host_key,
            PathBuf::from("/var/st/clinic-explorer/serve/host_key")
        );
        let p = paths(&args(&[]), Some("rel".into()), Some(home.clone())).unwrap();
        assert!(p.state_dir.starts_with(&home));
        // Options win.
        let p = paths(
            &args(&["--state-dir", "/srv/ce", "--authorized-keys", "/srv/keys"]),
            None,
            Some(home),
        )
        .unwrap();
        assert_eq!(p.host_key, PathBuf::from("/srv/ce/host_key"));
        assert_eq!(p.authorized_keys, PathBuf::from("/srv/keys"));
        let p = paths(&args(&["--host-key", "/etc/ce_key"]), None, None);
        assert!(p.unwrap_err().contains("set HOME"));
    }
}
