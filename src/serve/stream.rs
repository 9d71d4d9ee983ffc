//! A TCP stream the server can cut: once [`Cut::cut`] is called, every read ends and every write
//! fails, waking whatever waits on them. It is how a connection that never logs in, or whose client
//! stopped reading while the session ends, is let go: the SSH library's own writes would otherwise
//! wait on that client for ever.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// The switch that cuts a [`CuttableStream`].
#[derive(Debug, Default)]
pub struct Cut {
    cut: AtomicBool,
    wakers: Mutex<Vec<Waker>>,
}

impl Cut {
    /// Cuts the stream and wakes its reader and writer.
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        let wakers = std::mem::take(&mut *self.wakers.lock().unwrap_or_else(|e| e.into_inner()));
        for w in wakers {
            w.wake();
        }
    }

    /// True once cut.
    pub fn is_cut(&self) -> bool {
        self.cut.load(Ordering::SeqCst)
    }

    /// Ready with an error once cut; else remembers who to wake.
    fn check(&self, cx: &Context<'_>) -> Poll<io::Error> {
        if self.is_cut() {
            return Poll::Ready(io::Error::new(io::ErrorKind::ConnectionAborted, "cut"));
        }
        let mut wakers = self.wakers.lock().unwrap_or_else(|e| e.into_inner());
        if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
            // A reader and a writer wait at most; older wakers are stale.
            if wakers.len() >= 4 {
                wakers.remove(0);
            }
            wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

/// A TCP stream with a [`Cut`].
#[derive(Debug)]
pub struct CuttableStream {
    inner: TcpStream,
    cut: Arc<Cut>,
}

impl CuttableStream {
    /// Wraps `inner`; `cut` cuts it.
    pub fn new(inner: TcpStream, cut: Arc<Cut>) -> CuttableStream {
        CuttableStream { inner, cut }
    }
}

impl AsyncRead for CuttableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if let Poll::Ready(e) = self.cut.check(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for CuttableStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Poll::Ready(e) = self.cut.check(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Poll::Ready(e) = self.cut.check(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
