//! The session's screen: a ratatui backend whose bytes go, one frame at a time, into a bounded queue
//! that a task sends down the SSH channel. When a client stops reading and the queue is full, frames
//! are dropped rather than held (memory stays bounded whatever the client does); the backend keeps
//! a copy of what the app last drew, and once the queue drains it sends that whole screen again
//! ([`SshScreen::repaint`]) so the client catches up in one frame.

use crate::tui::FrameSync;
use crate::tui::thrifty::Thrifty;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::mpsc::Sender;
use tokio::sync::mpsc::error::TrySendError;

/// Frames queued for the channel at most; past that, frames are dropped.
pub const QUEUE_FRAMES: usize = 4;

/// Entering the explorer: the alternate screen, no cursor, clicks and the wheel in SGR encoding,
/// bracketed paste.
pub const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[?1006h\x1b[?2004h";

/// Leaving it: everything [`ENTER`] turned on, turned off (and every other mouse mode, in case),
/// and the normal screen back.
pub const LEAVE: &[u8] = b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[0m\x1b[?25h\x1b[?1049l";

/// The mouse given back to the client's terminal (`m`).
pub const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1000l";

/// The mouse taken again, as [`ENTER`] takes it: clicks and the wheel, no motion.
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";

/// State the backend shares with the task that sends its frames.
#[derive(Debug, Default)]
pub struct Flow {
    /// A frame was dropped: the client's screen is behind the app's.
    pub behind: AtomicBool,
    /// A repaint has been asked for and not yet done.
    pub repaint_asked: AtomicBool,
}

/// The backend; see the module documentation.
#[derive(Debug)]
pub struct SshScreen {
    /// Renders cells into bytes (and writes fewer of them, see [`Thrifty`]).
    inner: Thrifty<CrosstermBackend<Sink>>,
    /// What `inner` wrote since the last frame was sent.
    bytes: Rc<RefCell<Vec<u8>>>,
    /// What the app last drew, whether or not the client got it.
    shown: Buffer,
    size: Size,
    cursor: Position,
    cursor_shown: bool,
    out: Sender<Vec<u8>>,
    flow: Arc<Flow>,
    dropped: u64,
}

impl SshScreen {
    /// A screen of `width` x `height` sending its frames to `out`.
    pub fn new(width: u16, height: u16, out: Sender<Vec<u8>>, flow: Arc<Flow>) -> SshScreen {
        let bytes = Rc::new(RefCell::new(Vec::new()));
        SshScreen {
            inner: Thrifty::new(CrosstermBackend::new(Sink(Rc::clone(&bytes)))),
            bytes,
            shown: Buffer::empty(Rect::new(0, 0, width, height)),
            size: Size::new(width, height),
            cursor: Position::ORIGIN,
            cursor_shown: false,
            out,
            flow,
            dropped: 0,
        }
    }

    /// The client's window changed; the next draw is of this size.
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = Size::new(width, height);
    }

    /// How many frames were dropped because the client was not reading.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    fn behind(&self) -> bool {
        self.flow.behind.load(Ordering::SeqCst)
    }

    fn writer(&mut self) -> &mut CrosstermBackend<Sink> {
        self.inner.inner_mut()
    }

    /// Queues bytes outside a frame (entering or leaving the explorer, a notice), unless the client
    /// is behind; false when they could not be queued.
    pub fn send_raw(&mut self, bytes: &[u8]) -> bool {
        !self.behind() && self.send(bytes.to_vec()).is_ok_and(|sent| sent)
    }

    /// Queues the last bytes of a session (leaving the explorer, a farewell) even if a notice made
    /// the copy differ from the client's screen; dropped only if the queue is full.
    pub fn send_last(&mut self, bytes: &[u8]) -> bool {
        self.send(bytes.to_vec()).is_ok_and(|sent| sent)
    }

    /// Writes `text` over the bottom line, reversed, outside the app's frame; the next repaint
    /// puts the app's line back.
    pub fn notice(&mut self, text: &str) -> bool {
        let width = usize::from(self.size.width);
        let text: String = crate::text::sanitize(text).chars().take(width).collect();
        let line = format!(
            "\x1b7\x1b[{};1H\x1b[0;7m{text:<width$}\x1b[0m\x1b8",
            self.size.height
        );
        let sent = self.send_raw(line.as_bytes());
        // The bottom line now differs from the copy: repaint it all on the next key.
        self.flow.behind.store(true, Ordering::SeqCst);
        sent
    }

    /// Sends the whole screen again if the client is behind and the queue has room.
    pub fn repaint(&mut self) -> io::Result<()> {
        self.flow.repaint_asked.store(false, Ordering::SeqCst);
        if !self.behind() || self.out.capacity() == 0 {
            return Ok(());
        }
        self.flow.behind.store(false, Ordering::SeqCst);
        self.bytes.borrow_mut().clear();
        crossterm::queue!(self.writer(), crossterm::terminal::BeginSynchronizedUpdate)?;
        self.inner.clear()?;
        let blank = Buffer::empty(self.shown.area);
        let cells: Vec<(u16, u16, Cell)> = blank
            .diff(&self.shown)
            .into_iter()
            .map(|(x, y, c)| (x, y, c.clone()))
            .collect();
        self.inner.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))?;
        self.inner.set_cursor_position(self.cursor)?;
        if self.cursor_shown {
            self.inner.show_cursor()?;
        } else {
            self.inner.hide_cursor()?;
        }
        crossterm::queue!(self.writer(), crossterm::terminal::EndSynchronizedUpdate)?;
        self.flush_frame()
    }

    /// Sends what the renderer wrote; drops it if the client is behind or the queue is full.
    fn flush_frame(&mut self) -> io::Result<()> {
        let bytes = std::mem::take(&mut *self.bytes.borrow_mut());
        if bytes.is_empty() || self.behind() {
            return Ok(());
        }
        if !self.send(bytes)? {
            self.flow.behind.store(true, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Ok(false) when the queue is full (the frame is dropped), an error when the channel is gone.
    fn send(&mut self, bytes: Vec<u8>) -> io::Result<bool> {
        match self.out.try_send(bytes) {
            Ok(()) => Ok(true),
            Err(TrySendError::Full(_)) => {
                self.dropped += 1;
                Ok(false)
            }
            Err(TrySendError::Closed(_)) => Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the client is gone",
            )),
        }
    }
}

impl FrameSync for SshScreen {
    fn begin_frame(&mut self) -> io::Result<()> {
        crossterm::queue!(self.writer(), crossterm::terminal::BeginSynchronizedUpdate)
    }

    fn end_frame(&mut self) -> io::Result<()> {
        crossterm::queue!(self.writer(), crossterm::terminal::EndSynchronizedUpdate)?;
        self.flush_frame()
    }
}

impl Backend for SshScreen {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let area = Rect::new(0, 0, self.size.width, self.size.height);
        if self.shown.area != area {
            self.shown.resize(area);
        }
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        for (x, y, cell) in &cells {
            if let Some(c) = self.shown.cell_mut((*x, *y)) {
                *c = (*cell).clone();
            }
        }
        if self.behind() {
            return Ok(());
        }
        self.inner.draw(cells.into_iter())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.cursor_shown = false;
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_shown = true;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.inner.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.shown.reset();
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if clear_type == ClearType::All {
            self.shown.reset();
        }
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::new(0, 0),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(self.writer())
    }
}

/// Where the renderer writes: the bytes of the frame being drawn.
#[derive(Debug)]
pub struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::widgets::Paragraph;
    use tokio::sync::mpsc;

    fn draw_text(terminal: &mut Terminal<SshScreen>, text: &str) {
        terminal.backend_mut().begin_frame().unwrap();
        terminal
            .draw(|f| f.render_widget(Paragraph::new(text.to_owned()), f.area()))
            .unwrap();
        terminal.backend_mut().end_frame().unwrap();
    }

    /// The screen a terminal shows after these bytes.
    fn screen_of(chunks: &[Vec<u8>]) -> String {
        let mut parser = vt100::Parser::new(
            std::num::NonZeroU16::new(4).unwrap(),
            std::num::NonZeroU16::new(20).unwrap(),
            0,
        );
        for c in chunks {
            parser.process(c);
        }
        parser.screen().contents()
    }

    #[test]
    fn a_full_queue_drops_frames_and_a_repaint_catches_up() {
        let (tx, mut rx) = mpsc::channel(QUEUE_FRAMES);
        let flow = Arc::new(Flow::default());
        let mut terminal = Terminal::new(SshScreen::new(20, 4, tx, flow.clone())).unwrap();
        let mut received = Vec::new();
        draw_text(&mut terminal, "first");
        while let Ok(b) = rx.try_recv() {
            received.push(b);
        }
        assert!(screen_of(&received).contains("first"));
        // The client stops reading: frames pile up to the bound, then are dropped.
        for i in 0..50 {
            draw_text(&mut terminal, &format!("frame {i}"));
        }
        assert!(terminal.backend().dropped() > 0);
        assert!(flow.behind.load(Ordering::SeqCst));
        let mut queued = 0;
        while let Ok(b) = rx.try_recv() {
            received.push(b);
            queued += 1;
        }
        assert!(queued <= QUEUE_FRAMES, "bounded: {queued}");
        assert!(
            !screen_of(&received).contains("frame 49"),
            "the last frame was dropped"
        );
        // The client reads again: one repaint brings it to the app's screen.
        terminal.backend_mut().repaint().unwrap();
        while let Ok(b) = rx.try_recv() {
            received.push(b);
        }
        assert!(
            screen_of(&received).contains("frame 49"),
            "{}",
            screen_of(&received)
        );
        assert!(!flow.behind.load(Ordering::SeqCst));
        // And ordinary frames flow again.
        draw_text(&mut terminal, "after");
        while let Ok(b) = rx.try_recv() {
            received.push(b);
        }
        assert!(screen_of(&received).contains("after"));
    }

    #[test]
    fn a_gone_client_is_an_error() {
        let (tx, rx) = mpsc::channel(QUEUE_FRAMES);
        drop(rx);
        let mut terminal =
            Terminal::new(SshScreen::new(20, 4, tx, Arc::new(Flow::default()))).unwrap();
        terminal.backend_mut().begin_frame().unwrap();
        terminal.draw(|_| {}).unwrap();
        let e = terminal.backend_mut().end_frame().unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
    }
}
