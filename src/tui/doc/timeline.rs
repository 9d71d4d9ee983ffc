//! A therapy's timeline on a time axis ([`chart::timeline`]): each milestone as its words, then its bar;
//! tick marks and labels (1w, 1m, 3m, 6m, 1y, 2y) below. An open end runs to the axis end in "▸".

use super::{Doc, DocLine, Role};
use crate::chart;
use crate::model::Milestone;
use crate::text;

/// Cells to the left of the axis.
const INDENT: usize = 2;

/// The timeline as lines for a content width (the heading included).
pub fn timeline(milestones: &[Milestone], width: usize) -> Vec<DocLine> {
    let mut doc = Doc::default();
    append(&mut doc, milestones, width);
    doc.lines
}

/// Appends the timeline section to a document.
pub(super) fn append(doc: &mut Doc, milestones: &[Milestone], width: usize) {
    doc.heading("Timeline (early weeks drawn wider)");
    let axis = width.saturating_sub(INDENT + 1).max(8);
    let t = chart::timeline(milestones, axis);
    let pad = " ".repeat(INDENT);
    for (label, words, span) in &t.rows {
        doc.labelled(&pad, label, words, width);
        let mut bar = " ".repeat(span.start);
        let cells = span.end.saturating_sub(span.start).max(1);
        if span.open {
            bar.push_str(&"█".repeat(cells.saturating_sub(1)));
            bar.push('▸');
        } else {
            bar.push_str(&"█".repeat(cells));
        }
        doc.push(vec![(pad.clone(), Role::Text), (bar, Role::Bar)]);
    }
    let mut ruler: Vec<char> = vec!['─'; axis];
    let mut labels: Vec<char> = vec![' '; axis];
    let mut free_from = 0;
    for (cell, label) in &t.ticks {
        if let Some(c) = ruler.get_mut(*cell) {
            *c = '┴';
        }
        let w = text::width(label);
        let start = (*cell).min(axis.saturating_sub(w));
        if start < free_from {
            continue;
        }
        for (i, ch) in label.chars().enumerate() {
            if let Some(c) = labels.get_mut(start + i) {
                *c = ch;
            }
        }
        free_from = start + w + 1;
    }
    doc.push(vec![
        (pad.clone(), Role::Text),
        (ruler.into_iter().collect(), Role::Meta),
    ]);
    doc.push(vec![
        (pad, Role::Text),
        (
            labels.into_iter().collect::<String>().trim_end().to_owned(),
            Role::Meta,
        ),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[DocLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|(s, _)| s.as_str()).collect())
            .collect()
    }

    #[test]
    fn milestones_become_words_then_bars_with_ticks_below() {
        let m = |label: &str, from: f64, to: Option<f64>| Milestone {
            label: label.into(),
            text: format!("{label} words"),
            from_weeks: from,
            to_weeks: to,
        };
        let lines = text(&timeline(
            &[m("Recovery", 0.0, Some(1.0)), m("Lasts", 26.0, None)],
            40,
        ));
        assert!(lines[0].starts_with("Timeline"));
        assert_eq!(lines[1], "  Recovery: Recovery words");
        assert!(lines[2].trim_start().starts_with('█'));
        assert!(lines[4].ends_with('▸'), "an open end: {:?}", lines[4]);
        assert!(lines[5].contains('┴'));
        for tick in ["1w", "1m", "6m", "1y"] {
            assert!(lines[6].contains(tick), "{tick} in {:?}", lines[6]);
        }
        assert!(lines.iter().all(|l| crate::text::width(l) <= 40));
    }
}
