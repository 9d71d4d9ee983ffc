//! One SSH connection: public-key login (listed keys, or any key as an anonymous visitor when
//! allowed), one session channel with a pty and a shell, which becomes the explorer on a thread of
//! its own. Exec requests, subsystems (sftp), X11, agent and port forwarding are refused.

use super::keys::{dir_name, fingerprint};
use super::log;
use super::options::{clamp_size, clean_term, term_has_colours};
use super::screen::{Flow, QUEUE_FRAMES};
use super::server::{Shared, Slot};
use super::session::{self, End, Incoming, Start, human};
use super::stream::Cut;
use crate::shortlist::{FILE_NAME, Store};
use crate::tui::Setup;
use crate::tui::theme::Theme;
use russh::server::{
    Auth, ChannelOpenHandle, Handle, Msg, PublicKeyOffer, Session, VerifiedPublicKey,
};
use russh::{Channel, ChannelId};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError};
use std::time::{Duration, Instant};
use tokio::sync::OwnedSemaphorePermit;

/// Who logged in.
#[derive(Debug, Clone)]
enum Who {
    /// A listed key.
    Key { fingerprint: String, dir: String },
    /// An unlisted key, let in read-only.
    Anonymous { fingerprint: String },
}

impl Who {
    fn fingerprint(&self) -> &str {
        match self {
            Who::Key { fingerprint, .. } | Who::Anonymous { fingerprint } => fingerprint,
        }
    }

    fn describe(&self) -> String {
        match self {
            Who::Key { fingerprint, .. } => format!("key {fingerprint}"),
            Who::Anonymous { fingerprint } => format!("anonymous (unlisted key {fingerprint})"),
        }
    }
}

/// The terminal the client asked for.
#[derive(Debug, Clone)]
struct Pty {
    term: String,
    size: (u16, u16),
}

/// The connection's handler.
pub struct Conn {
    shared: Arc<Shared>,
    addr: SocketAddr,
    cut: Arc<Cut>,
    permit: Option<OwnedSemaphorePermit>,
    authed: Arc<AtomicBool>,
    who: Option<Who>,
    channel: Option<ChannelId>,
    pty: Option<Pty>,
    no_color: bool,
    /// The session's queue, once its shell started.
    tx: Option<SyncSender<Incoming>>,
}

impl Conn {
    /// A connection from `addr`, holding a permit for not having logged in yet.
    pub fn new(
        shared: Arc<Shared>,
        addr: SocketAddr,
        cut: Arc<Cut>,
        permit: OwnedSemaphorePermit,
        authed: Arc<AtomicBool>,
    ) -> Conn {
        Conn {
            shared,
            addr,
            cut,
            permit: Some(permit),
            authed,
            who: None,
            channel: None,
            pty: None,
            no_color: false,
            tx: None,
        }
    }

    fn listed(&self, key: &russh::keys::PublicKey) -> bool {
        self.shared
            .keys
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .allows(key)
    }

    /// Puts something on the session's queue, waiting while it is full (the client is typing
    /// faster than the explorer reads: holding its bytes here holds the connection back).
    async fn push(&self, item: Incoming) {
        let Some(tx) = &self.tx else { return };
        let mut item = item;
        for _ in 0..6000 {
            match tx.try_send(item) {
                Ok(()) | Err(TrySendError::Disconnected(_)) => return,
                Err(TrySendError::Full(back)) => {
                    item = back;
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
            }
        }
    }

    /// The setup for this visitor's explorer: the server's settings, colours unless the client
    /// sent NO_COLOR or its TERM has none, and for a listed key its own shortlist and remembered
    /// choices (currency, theme) in its own directory; an anonymous visitor gets neither.
    fn setup(&self, who: &Who, term: &str) -> Setup {
        let mut settings = self.shared.settings.clone();
        let mut notices = Vec::new();
        let key_dir = match who {
            Who::Key { dir, .. } => {
                let dir = self.shared.state_dir.join("keys").join(dir);
                match std::fs::create_dir_all(&dir) {
                    Ok(()) => Some(dir),
                    Err(e) => {
                        notices.push(format!("Nothing is kept after you leave: {e}"));
                        None
                    }
                }
            }
            Who::Anonymous { .. } => None,
        };
        let state_file = key_dir.as_ref().map(|d| d.join(crate::state::FILE_NAME));
        if let Some(path) = &state_file {
            match crate::state::Remembered::load(path) {
                Ok(r) => r.apply(&mut settings, path),
                Err(w) => notices.push(w),
            }
        }
        let mut setup = Setup::from_settings(&settings);
        setup.notices.extend(notices);
        setup.theme = Theme::new(
            settings.theme.value,
            self.no_color || !term_has_colours(term),
        );
        setup.state_file = state_file;
        match (who, key_dir) {
            (Who::Key { .. }, Some(dir)) => {
                setup.store = Some(Store::open(dir.join(FILE_NAME)));
                setup.export_dir = dir.join("handouts");
            }
            (Who::Key { .. }, None) => {}
            (Who::Anonymous { .. }, _) => {
                setup.visitor = true;
                setup
                    .notices
                    .push("Visitor session, read-only: nothing is kept. ? lists keys".into());
            }
        }
        setup
    }

    /// Refuses the shell with a message and closes the channel.
    fn refuse(channel: ChannelId, session: &mut Session, why: &str) -> Result<(), russh::Error> {
        let text = format!("clinic-explorer: {}\r\n", crate::text::sanitize(why));
        session.data(channel, text.into_bytes())?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)
    }

    /// Starts the explorer for this channel.
    fn start(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), russh::Error> {
        let Some(who) = self.who.clone() else {
            return Self::refuse(channel, session, "not logged in");
        };
        let Some(pty) = self.pty.clone() else {
            return Self::refuse(
                channel,
                session,
                "the explorer needs a terminal: connect with `ssh -t`",
            );
        };
        let (tx, rx) = std::sync::mpsc::sync_channel(64);
        let slot = match self.shared.take_slot(who.fingerprint(), tx.clone()) {
            Ok(slot) => slot,
            Err(why) => {
                log::line(&format!(
                    "refused a session for {} from {}: {why}",
                    who.describe(),
                    self.addr
                ));
                return Self::refuse(channel, session, &why);
            }
        };
        let (out_tx, out_rx) = tokio::sync::mpsc::channel(QUEUE_FRAMES);
        let flow = Arc::new(Flow::default());
        let start = Start {
            data: Arc::clone(&self.shared.data),
            index: Arc::clone(&self.shared.index),
            setup: self.setup(&who, &pty.term),
            read_only: matches!(who, Who::Anonymous { .. }),
            size: pty.size,
            timing: self.shared.timing(),
            notify: tx.clone(),
            label: format!("session of {} from {}", who.describe(), self.addr),
        };
        let (done_tx, done_rx) = tokio::sync::oneshot::channel();
        let thread_flow = Arc::clone(&flow);
        let spawned = std::thread::Builder::new()
            .name("ssh session".into())
            .spawn(move || {
                let _ = done_tx.send(session::run(start, rx, out_tx, thread_flow));
            });
        if let Err(e) = spawned {
            return Self::refuse(channel, session, &format!("cannot start a session: {e}"));
        }
        log::line(&format!(
            "session start: {} from {}, TERM={}, {}x{}",
            who.describe(),
            self.addr,
            if pty.term.is_empty() { "-" } else { &pty.term },
            pty.size.0,
            pty.size.1
        ));
        tokio::spawn(supervise(Supervised {
            handle: session.handle(),
            channel,
            out: out_rx,
            done: done_rx,
            flow,
            tx: tx.clone(),
            cut: Arc::clone(&self.cut),
            slot,
            who: who.describe(),
            addr: self.addr,
        }));
        self.tx = Some(tx);
        Ok(())
    }
}

/// What the task watching a session holds.
struct Supervised {
    handle: Handle,
    channel: ChannelId,
    out: tokio::sync::mpsc::Receiver<Vec<u8>>,
    done: tokio::sync::oneshot::Receiver<(End, u64)>,
    flow: Arc<Flow>,
    tx: SyncSender<Incoming>,
    cut: Arc<Cut>,
    slot: Slot,
    who: String,
    addr: SocketAddr,
}

/// Sends the session's frames down the channel (asking for a repaint once a backlog clears),
/// then its exit status, and logs the end. A client that does not take the last bytes within a few
/// seconds is cut off.
async fn supervise(s: Supervised) {
    let Supervised {
        handle,
        channel,
        mut out,
        mut done,
        flow,
        tx,
        cut,
        slot,
        who,
        addr,
    } = s;
    let began = Instant::now();
    let forward = async {
        while let Some(bytes) = out.recv().await {
            if handle.data(channel, bytes).await.is_err() {
                break;
            }
            if out.is_empty()
                && flow.behind.load(Ordering::SeqCst)
                && !flow.repaint_asked.swap(true, Ordering::SeqCst)
            {
                let _ = tx.try_send(Incoming::Repaint);
            }
        }
    };
    tokio::pin!(forward);
    let grace = Duration::from_secs(5);
    let (end, dropped) = tokio::select! {
        () = &mut forward => (&mut done).await.unwrap_or((End::Panicked, 0)),
        ended = &mut done => {
            let ended = ended.unwrap_or((End::Panicked, 0));
            if tokio::time::timeout(grace, &mut forward).await.is_err() {
                cut.cut();
            }
            ended
        }
    };
    if end != End::ClientGone && !cut.is_cut() {
        let status = u32::from(end != End::Quit);
        let bye = async {
            let _ = handle.exit_status_request(channel, status).await;
            let _ = handle.eof(channel).await;
            let _ = handle.close(channel).await;
        };
        if tokio::time::timeout(grace, bye).await.is_err() {
            cut.cut();
        }
    }
    drop(slot);
    let dropped = if dropped > 0 {
        format!(", {dropped} frame(s) dropped while the client was not reading")
    } else {
        String::new()
    };
    log::line(&format!(
        "session end: {who} from {addr}, after {}, {}{dropped}",
        human(Duration::from_secs(began.elapsed().as_secs().max(1))),
        end.as_str()
    ));
}

impl Drop for Conn {
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.try_send(Incoming::Closed);
        }
    }
}

impl russh::server::Handler for Conn {
    type Error = russh::Error;

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.shared.args.allow_anonymous || self.listed(offer.public_key) {
            Ok(Auth::Accept)
        } else {
            Ok(Auth::reject())
        }
    }

    async fn auth_publickey(
        &mut self,
        _user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let fingerprint = fingerprint(key.public_key);
        if self.listed(key.public_key) {
            self.who = Some(Who::Key {
                fingerprint,
                dir: dir_name(key.public_key),
            });
        } else if self.shared.args.allow_anonymous {
            self.who = Some(Who::Anonymous { fingerprint });
        } else {
            return Ok(Auth::reject());
        }
        Ok(Auth::Accept)
    }

    async fn auth_succeeded(&mut self, _session: &mut Session) -> Result<(), Self::Error> {
        self.authed.store(true, Ordering::SeqCst);
        self.permit = None;
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One session per connection; a second channel is refused (dropping the reply does).
        if self.channel.is_none() {
            self.channel = Some(channel.id());
            reply.accept().await;
        }
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) != self.channel || self.tx.is_some() {
            return session.channel_failure(channel);
        }
        self.pty = Some(Pty {
            term: clean_term(term),
            size: clamp_size(col_width, row_height),
        });
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        variable_name: &str,
        variable_value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if variable_name == "NO_COLOR" && Some(channel) == self.channel {
            self.no_color = !variable_value.is_empty();
            return session.channel_success(channel);
        }
        session.channel_failure(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) != self.channel || self.tx.is_some() {
            return session.channel_failure(channel);
        }
        session.channel_success(channel)?;
        self.start(channel, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel {
            self.push(Incoming::Bytes(data.to_vec())).await;
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel {
            let (w, h) = clamp_size(col_width, row_height);
            if let Some(pty) = &mut self.pty {
                pty.size = (w, h);
            }
            self.push(Incoming::Resize(w, h)).await;
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel {
            self.push(Incoming::Closed).await;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel {
            self.push(Incoming::Closed).await;
        }
        Ok(())
    }
}
