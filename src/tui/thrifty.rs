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

/// The cells to write for `updates` (changed cells, in screen order) with the gaps between runs on
/// one line filled from `shown` where that is shorter than moving the cursor: only gaps of
/// single-width cells styled as the cell before them, so no style change is added either.
fn fill_gaps(updates: Vec<(u16, u16, Cell)>, shown: &Buffer) -> Vec<(u16, u16, Cell)> {
    let mut out: Vec<(u16, u16, Cell)> = Vec::with_capacity(updates.len());
    for (x, y, cell) in updates {
        if let Some((px, py, prev)) = out.last()
            && *py == y
        {
            let end = px.saturating_add(prev.symbol().width().max(1) as u16);
            if x > end {
                let gap: Option<Vec<Cell>> = (end..x)
                    .map(|gx| {
                        shown
                            .cell((gx, y))
                            .filter(|c| {
                                c.diff_option == CellDiffOption::None
                                    && c.symbol().width() == 1
                                    && c.style() == prev.style()
                            })
                            .cloned()
                    })
                    .collect();
                if let Some(gap) = gap {
                    let bytes: usize = gap.iter().map(|c| c.symbol().len()).sum();
                    if bytes <= move_cost(x, y) {
                        out.extend((end..x).zip(gap).map(|(gx, c)| (gx, y, c)));
                    }
                }
            }
        }
        out.push((x, y, cell));
    }
    out
}

impl<B: Backend> Backend for Thrifty<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, Cell)> = content.map(|(x, y, c)| (x, y, c.clone())).collect();
        let (w, h) = updates.iter().fold((0, 0), |(w, h), (x, y, _)| {
            (w.max(x.saturating_add(1)), h.max(y.saturating_add(1)))
        });
        let area = self.shown.area;
        if w > area.width || h > area.height {
            self.shown
                .resize(Rect::new(0, 0, w.max(area.width), h.max(area.height)));
        }
        for (x, y, c) in &updates {
            if let Some(cell) = self.shown.cell_mut((*x, *y)) {
                *cell = c.clone();
            }
        }
        let cells = if self.trusted {
            fill_gaps(updates, &self.shown)
        } else {
            updates
        };
        self.inner.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
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

    fn cells(text: &str, y: u16, style: Style) -> Vec<(u16, u16, Cell)> {
        text.chars()
            .enumerate()
            .filter(|(_, c)| *c != '_')
            .map(|(x, c)| {
                let mut cell = Cell::default();
                cell.set_char(c).set_style(style);
                (x as u16, y, cell)
            })
            .collect()
    }

    #[test]
    fn small_gaps_are_filled_and_large_ones_moved_over() {
        let mut shown = Buffer::empty(Rect::new(0, 0, 40, 2));
        shown.set_string(0, 0, "abcdefghijklmnopqrstuvwxyz", Style::default());
        // Changed: "ab", then "e" (gap of 2), then "z" (gap of 20).
        let updates = cells("ab__e____________________z", 0, Style::default());
        let out = fill_gaps(updates, &shown);
        let xs: Vec<u16> = out.iter().map(|(x, _, _)| *x).collect();
        assert_eq!(xs, [0, 1, 2, 3, 4, 25]);
        assert_eq!(
            out[2].2.symbol(),
            "c",
            "the unchanged cell is written as shown"
        );
    }

    #[test]
    fn gaps_of_another_style_or_line_are_left_alone() {
        let mut shown = Buffer::empty(Rect::new(0, 0, 10, 2));
        shown.set_string(0, 0, "abcdef", Style::default().fg(Color::Red));
        let out = fill_gaps(cells("a__d", 0, Style::default()), &shown);
        assert_eq!(out.len(), 2);
        let mut two_lines = cells("a", 0, Style::default());
        two_lines.extend(cells("_b", 1, Style::default()));
        assert_eq!(fill_gaps(two_lines, &shown).len(), 2);
    }

    #[test]
    fn the_cost_of_a_move_counts_its_digits() {
        assert_eq!(move_cost(0, 0), 6); // ESC [ 1 ; 1 H
        assert_eq!(move_cost(9, 99), 9); // ESC [ 100 ; 10 H
    }
}
