//! A backend that writes fewer bytes for the same screen. ratatui sends only the cells that changed,
//! and the terminal backend moves the cursor before each run of them; between two runs a few cells
//! apart on one line, writing the unchanged cells again is shorter than the cursor move. Over a
//! slow SSH link that is most of what moving the selection costs. The backend keeps a copy of the
//! screen to know what the unchanged cells hold.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

/// Wraps a backend; see the module documentation.
#[derive(Debug)]
pub struct Thrifty<B> {
    inner: B,
    /// What the screen shows, as far as this backend has drawn it.
    shown: Buffer,
    /// False once part of the screen was cleared behind the copy's back: no gap is filled again
    /// until the whole screen is cleared.
    trusted: bool,
}

impl<B> Thrifty<B> {
    /// Wraps `inner`, whose screen is blank.
    pub fn new(inner: B) -> Thrifty<B> {
        Thrifty {
            inner,
            shown: Buffer::empty(Rect::ZERO),
            trusted: true,
        }
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The wrapped backend, to write to it directly.
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

/// The bytes of the cursor move to `(x, y)`: ESC [ row ; column H.
fn move_cost(x: u16, y: u16) -> usize {
    let digits = |n: u32| n.checked_ilog10().unwrap_or(0) as usize + 1;
    4 + digits(u32::from(y) + 1) + digits(u32::from(x) + 1)
}

/// The form of a cell's symbol every terminal draws at the width ratatui counted, or `None` when
/// the symbol is fine as it is. The last net before the terminal: a symbol holding a control, a
/// bidirectional or an invisible format character (see [`crate::text::is_unsafe`]) becomes U+FFFD;
/// a cluster of several characters whose width terminals disagree on (a zero-width joiner
/// sequence, a variation selector, a skin tone, a flag, a keycap) keeps its first character and the
/// combining marks after it, so that a joined emoji never pushes the rest of the line aside.
fn terminal_symbol(symbol: &str) -> Option<String> {
    use unicode_width::UnicodeWidthChar;
    if symbol.chars().any(crate::text::is_unsafe) {
        return Some("\u{FFFD}".to_owned());
    }
    let mut chars = symbol.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    if rest.is_empty() {
        return None;
    }
    let joins = |c: char| matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}' | '\u{1F1E6}'..='\u{1F1FF}');
    let marks: String = rest
        .chars()
        .take_while(|&c| !joins(c) && c.width() == Some(0))
        .collect();
    if marks.len() == rest.len() {
        return None;
    }
    Some(format!("{first}{marks}"))
}

/// True for a cell whose width every terminal agrees on: one character, or nothing. A cluster of
/// several (a zero-width joiner sequence, a flag, a variation selector, a combining mark) may be
/// drawn one, two or four columns wide depending on the terminal, so where the cursor stands after
/// it is not known.
fn plain(cell: &Cell) -> bool {
    cell.symbol().chars().nth(1).is_none()
}

/// The cells to write for `updates` (the positions of changed cells, in screen order, already
/// written into `shown`) with the gaps between runs on one line filled from `shown` where that is
/// shorter than moving the cursor: only gaps of plain single-width cells styled as the cell before
/// them (so no style change is added either), and only after a plain cell, so the cursor is where
/// the gap starts on every terminal.
fn fill_gaps(updates: &[(u16, u16)], shown: &Buffer) -> Vec<(u16, u16)> {
    let mut out: Vec<(u16, u16)> = Vec::with_capacity(updates.len());
    for &(x, y) in updates {
        if let Some(&(px, py)) = out.last()
            && py == y
            && let Some(prev) = shown.cell((px, py))
            && plain(prev)
        {
            let end = px.saturating_add(prev.symbol().width().max(1) as u16);
            let fits = |gx: u16| {
                shown.cell((gx, y)).is_some_and(|c| {
                    c.diff_option == CellDiffOption::None
                        && plain(c)
                        && c.symbol().width() == 1
                        && c.style() == prev.style()
                })
            };
            if x > end && (end..x).all(fits) {
                let bytes: usize = (end..x)
                    .filter_map(|gx| shown.cell((gx, y)))
                    .map(|c| c.symbol().len())
                    .sum();
                if bytes <= move_cost(x, y) {
                    out.extend((end..x).map(|gx| (gx, y)));
                }
            }
        }
        out.push((x, y));
    }
    out
}

/// A cell to write: the frame's own, or one made for the terminal (a shorter form of its symbol,
/// or a blank where the shorter form leaves room).
enum Update<'a> {
    Frame(&'a Cell),
    Made(Box<Cell>),
}

impl Update<'_> {
    fn cell(&self) -> &Cell {
        match self {
            Update::Frame(c) => c,
            Update::Made(c) => c,
        }
    }
}

/// True for a symbol of one printable ASCII character: one column on every terminal, and safe as
/// it is (most cells).
fn printable_ascii(symbol: &str) -> bool {
    matches!(symbol.as_bytes(), [b' '..=b'~'])
}

impl<B: Backend> Backend for Thrifty<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut updates: Vec<(u16, u16, Update<'a>)> = Vec::new();
        // The columns the last wide character written covers: ratatui sends the trailing cell of
        // some emoji as well, which would be written where the terminal's cursor is (after the
        // emoji) and push the rest of the line one column to the right.
        let mut covered: Option<(u16, u16)> = None;
        for (x, y, c) in content {
            if covered.is_some_and(|(cy, end)| cy == y && x < end) {
                continue;
            }
            if printable_ascii(c.symbol()) {
                covered = Some((y, x.saturating_add(1)));
                updates.push((x, y, Update::Frame(c)));
                continue;
            }
            let allotted = c.symbol().width();
            let cell = match terminal_symbol(c.symbol()) {
                Some(symbol) => {
                    let mut cell = c.clone();
                    cell.set_symbol(&symbol);
                    Update::Made(Box::new(cell))
                }
                None => Update::Frame(c),
            };
            let drawn = cell.cell().symbol().width().max(1);
            let style = c.style();
            covered = u16::try_from(drawn).ok().map(|d| (y, x.saturating_add(d)));
            updates.push((x, y, cell));
            // What the cluster was allotted and the shorter form does not fill is written blank,
            // so the terminal shows what the buffer says there.
            for dx in drawn..allotted {
                let Ok(dx) = u16::try_from(dx) else { break };
                let mut blank = Cell::default();
                blank.set_style(style);
                updates.push((x.saturating_add(dx), y, Update::Made(Box::new(blank))));
            }
        }
        let (w, h) = updates.iter().fold((0, 0), |(w, h), (x, y, _)| {
            (w.max(x.saturating_add(1)), h.max(y.saturating_add(1)))
        });
        let area = self.shown.area;
        if w > area.width || h > area.height {
            self.shown
                .resize(Rect::new(0, 0, w.max(area.width), h.max(area.height)));
        }
        // Each cell goes into the copy first; what is sent is read back from there.
        let mut written = Vec::with_capacity(updates.len());
        for (x, y, update) in &updates {
            let c = update.cell();
            let Some(cell) = self.shown.cell_mut((*x, *y)) else {
                continue;
            };
            cell.clone_from(c);
            written.push((*x, *y));
            // A wide character covers the cells after it, which ratatui does not send: mark them
            // so no gap is ever filled from what they held before (the ghost letters).
            for dx in 1..c.symbol().width().max(1) {
                let Ok(dx) = u16::try_from(dx) else { break };
                if let Some(cell) = self.shown.cell_mut((x.saturating_add(dx), *y)) {
                    cell.reset();
                    cell.set_diff_option(CellDiffOption::Skip);
                }
            }
        }
        drop(updates);
        let cells = if self.trusted {
            fill_gaps(&written, &self.shown)
        } else {
            written
        };
        let shown = &self.shown;
        self.inner.draw(
            cells
                .iter()
                .filter_map(|&(x, y)| shown.cell((x, y)).map(|c| (x, y, c))),
        )
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.trusted = false;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.shown.reset();
        self.trusted = true;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        // Only a whole clear is tracked; after any other the copy is not trusted.
        self.shown.reset();
        self.trusted = clear_type == ClearType::All;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Style};

    /// Writes the letters of `text` (`_` is left alone) into `shown` at row `y`, as a frame's
    /// changed cells are; returns their positions.
    fn write(shown: &mut Buffer, text: &str, y: u16, style: Style) -> Vec<(u16, u16)> {
        text.chars()
            .enumerate()
            .filter(|(_, c)| *c != '_')
            .map(|(x, c)| {
                let x = x as u16;
                let cell = &mut shown[(x, y)];
                cell.reset();
                cell.set_char(c).set_style(style);
                (x, y)
            })
            .collect()
    }

    #[test]
    fn small_gaps_are_filled_and_large_ones_moved_over() {
        let mut shown = Buffer::empty(Rect::new(0, 0, 40, 2));
        shown.set_string(0, 0, "abcdefghijklmnopqrstuvwxyz", Style::default());
        // Changed: "ab", then "e" (gap of 2), then "z" (gap of 20).
        let updates = write(
            &mut shown,
            "ab__e____________________z",
            0,
            Style::default(),
        );
        let out = fill_gaps(&updates, &shown);
        let xs: Vec<u16> = out.iter().map(|(x, _)| *x).collect();
        assert_eq!(xs, [0, 1, 2, 3, 4, 25]);
        assert_eq!(
            shown[out[2]].symbol(),
            "c",
            "the unchanged cell is written as shown"
        );
    }

    #[test]
    fn gaps_of_another_style_or_line_are_left_alone() {
        let mut shown = Buffer::empty(Rect::new(0, 0, 10, 2));
        shown.set_string(0, 0, "abcdef", Style::default().fg(Color::Red));
        let updates = write(&mut shown, "a__d", 0, Style::default());
        assert_eq!(fill_gaps(&updates, &shown).len(), 2);
        let mut two_lines = write(&mut shown, "a", 0, Style::default());
        two_lines.extend(write(&mut shown, "_b", 1, Style::default()));
        assert_eq!(fill_gaps(&two_lines, &shown).len(), 2);
    }

    #[test]
    fn clusters_terminals_disagree_on_are_shortened() {
        assert_eq!(
            terminal_symbol("👩\u{200D}⚕\u{FE0F}").as_deref(),
            Some("👩")
        );
        assert_eq!(terminal_symbol("🇰🇷").as_deref(), Some("🇰"));
        assert_eq!(terminal_symbol("👍🏽").as_deref(), Some("👍"));
        assert_eq!(terminal_symbol("\u{1b}").as_deref(), Some("\u{FFFD}"));
        assert_eq!(terminal_symbol("\u{202E}").as_deref(), Some("\u{FFFD}"));
        assert_eq!(terminal_symbol("e\u{301}"), None, "a combining mark stays");
        assert_eq!(terminal_symbol("가"), None);
        assert_eq!(terminal_symbol("a"), None);
    }

    #[test]
    fn the_cost_of_a_move_counts_its_digits() {
        assert_eq!(move_cost(0, 0), 6); // ESC [ 1 ; 1 H
        assert_eq!(move_cost(9, 99), 9); // ESC [ 100 ; 10 H
    }
}
