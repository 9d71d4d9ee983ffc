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

/// A table: a header row and rows of cells, columns sized to fit `total`, cells wrapped, aligned by
/// display width. `marks` puts a one-character marker before each row (e.g. `*` for rows that differ).
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
    let sep = 3; // " │ "
    let avail = total.saturating_sub(2 + sep * (n - 1)).max(n * 6);
    let mut widths = natural.clone();
    if widths.iter().sum::<usize>() > avail {
        // Give the first column up to a quarter, share the rest evenly, and hand back what a narrow
        // column does not use.
        let first = natural[0].min(avail / 4).max(6);
        widths[0] = first;
        let mut rest = avail - first;
        let mut open: Vec<usize> = (1..n).collect();
        open.sort_by_key(|&c| natural[c]);
        while let Some(&c) = open.first() {
            let share = rest / open.len();
            if natural[c] <= share {
                widths[c] = natural[c];
                rest -= natural[c];
                open.remove(0);
            } else {
                for &c in &open {
                    widths[c] = share.max(4);
                }
                break;
            }
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

/// Escapes a value for a Markdown table cell.
pub fn md_cell(s: &str) -> String {
    sanitize(s).replace('\\', "\\\\").replace('|', "\\|")
}

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
