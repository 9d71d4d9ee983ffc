//! Shared helpers for text output: the width to fit, safe text, aligned tables.

use crate::text::{pad, sanitize, width, wrap};
use std::io::IsTerminal;

/// Columns to fit: the terminal's width when stdout is a terminal, else `COLUMNS` if set, else 80.
pub fn columns() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
        && w > 0
    {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 20)
        .unwrap_or(80)
}

/// Label-value lines: labels padded to one column, values wrapped beside them.
pub fn label_lines(rows: &[(String, String)], total: usize) -> Vec<String> {
    let label_w = rows
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0)
        .min(22);
    let value_w = total.saturating_sub(label_w + 2).max(20);
    let mut out = Vec::new();
    for (label, value) in rows {
        let label = sanitize(label);
        let lines = wrap(&sanitize(value), value_w);
        if width(&label) > label_w {
            out.push(label);
            for l in lines {
                out.push(format!("{}  {l}", " ".repeat(label_w)));
            }
        } else {
            for (i, l) in lines.into_iter().enumerate() {
                let head = if i == 0 {
                    pad(&label, label_w)
                } else {
                    " ".repeat(label_w)
                };
                out.push(format!("{head}  {l}").trim_end().to_owned());
            }
        }
    }
    out
}

/// A table: a header row and rows of cells, columns sized to fit `total`, cells wrapped between
/// words, aligned by display width. No column is narrower than its longest word, so an id or a figure
/// is never split: where even that does not fit, the row grows past `total`. `marks` puts a
/// one-character marker before each row (e.g. `*` for rows that differ).
pub fn table(header: &[String], rows: &[Vec<String>], marks: &[char], total: usize) -> Vec<String> {
    let n = header.len().max(1);
    let natural: Vec<usize> = (0..n)
        .map(|c| {
            rows.iter()
                .map(|r| r.get(c).map_or(0, |s| width(s)))
                .chain(std::iter::once(width(&header[c])))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // The longest word of each column: the narrowest it may be.
    let least: Vec<usize> = (0..n)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .chain(std::iter::once(&header[c]))
                .flat_map(|s| s.split_whitespace())
                .map(width)
                .max()
                .unwrap_or(0)
        })
        .collect();
    let sep = 3; // " │ "
    let avail = total.saturating_sub(2 + sep * (n - 1)).max(n * 6);
    let mut widths = natural.clone();
    if widths.iter().sum::<usize>() > avail {
        // Give the first column up to a quarter, share the rest evenly, and hand back what a narrow
        // column does not use.
        let first = natural[0].min((avail / 4).max(6)).max(least[0]);
        widths[0] = first;
        let mut rest = avail.saturating_sub(first);
        let mut open: Vec<usize> = (1..n).collect();
        open.sort_by_key(|&c| natural[c]);
        // A column that fits in its share takes what it needs; one whose longest word is wider than
        // its share takes that word's width; the rest share what is left.
        while !open.is_empty() {
            let share = rest / open.len();
            let fits = open.iter().position(|&c| natural[c] <= share);
            let pick = fits.or_else(|| open.iter().position(|&c| least[c] >= share));
            let Some(i) = pick else {
                for &c in &open {
                    widths[c] = share.max(4);
                }
                break;
            };
            let c = open.remove(i);
            widths[c] = if fits.is_some() { natural[c] } else { least[c] };
            rest = rest.saturating_sub(widths[c]);
        }
    }
    let render = |cells: &[String], mark: char| -> Vec<String> {
        let wrapped: Vec<Vec<String>> = (0..n)
            .map(|c| {
                wrap(
                    &sanitize(cells.get(c).map_or("", String::as_str)),
                    widths[c],
                )
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        (0..height)
            .map(|i| {
                let m = if i == 0 { mark } else { ' ' };
                let cells: Vec<String> = (0..n)
                    .map(|c| pad(wrapped[c].get(i).map_or("", String::as_str), widths[c]))
                    .collect();
                format!("{m} {}", cells.join(" │ ")).trim_end().to_owned()
            })
            .collect()
    };
    let mut out = render(header, ' ');
    out.push(format!(
        "──{}",
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("─┼─")
    ));
    for (i, r) in rows.iter().enumerate() {
        out.extend(render(r, marks.get(i).copied().unwrap_or(' ')));
    }
    out
}

/// Escapes a value for Markdown output, a table cell or a line: the one Markdown escaper.
pub use crate::text::markdown as md_cell;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_wide_characters() {
        let t = table(
            &["a".into(), "b".into()],
            &[
                vec!["₩14,500,000".into(), "가나".into()],
                vec!["x".into(), "y".into()],
            ],
            &['*', ' '],
            80,
        );
        let bar = |l: &str| width(&l[..l.find('│').unwrap()]);
        assert_eq!(bar(&t[0]), bar(&t[2]));
        assert_eq!(bar(&t[2]), bar(&t[3]));
        assert!(t[2].starts_with('*'));
    }

    #[test]
    fn table_never_splits_a_word_and_lets_the_row_grow_instead() {
        let id = "stem-cell-therapy-for-hair-loss-south-korea-full-course";
        let t = table(
            &["id".into(), "range".into()],
            &[vec![id.into(), "₩14,500,000–₩29,000,000 per course".into()]],
            &[],
            40,
        );
        assert!(t[2].contains(id), "{t:#?}");
        assert!(
            t.iter().any(|l| l.contains("₩14,500,000–₩29,000,000")),
            "{t:#?}"
        );
    }

    #[test]
    fn table_fits_the_width() {
        let long = "word ".repeat(60);
        let t = table(
            &["k".into(), "v1".into(), "v2".into()],
            &[vec!["name".into(), long.clone(), long]],
            &[],
            60,
        );
        assert!(t.iter().all(|l| width(l) <= 60), "{t:#?}");
    }
}
