//! Text helpers shared by every front end: safe display, normalisation, display width, slugs.

use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// Replaces control characters (C0, DEL, C1) with U+FFFD so a string from data can never drive the
/// terminal, and returns the string in NFC.
pub fn sanitize(s: &str) -> String {
    let clean = |c: char| if c.is_control() { '\u{FFFD}' } else { c };
    if is_nfc(s) {
        // Most text: already composed, so only the control characters need looking at.
        return s.chars().map(clean).collect();
    }
    s.nfc().map(clean).collect()
}

/// Lowercases and NFC-normalises a string for matching.
pub fn fold(s: &str) -> String {
    if is_nfc(s) {
        return s.chars().flat_map(char::to_lowercase).collect();
    }
    s.nfc().flat_map(char::to_lowercase).collect()
}

/// True when a string is certainly in NFC already (the quick check; "maybe" counts as no).
fn is_nfc(s: &str) -> bool {
    s.is_ascii()
        || unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// The number of terminal columns a string takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Turns an English name into an id slug: lowercase ASCII letters and digits, words joined by hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    out
}

/// Levenshtein distance between two strings, by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `n` candidates closest to `wanted` by edit distance, for "did you mean" messages.
pub fn closest<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<String> {
    let wanted = fold(wanted);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| {
            let d = edit_distance(&wanted, c);
            // A candidate that contains the query is as good as a near miss.
            let d = if c.contains(wanted.as_str()) {
                d.min(2)
            } else {
                d
            };
            (d, c)
        })
        .collect();
    scored.sort();
    let limit = (wanted.chars().count() / 2).max(3);
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .take(n)
        .map(|(_, c)| c.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_replaces_escape_and_bell() {
        assert_eq!(sanitize("a\x1b[31mb\x07"), "a\u{FFFD}[31mb\u{FFFD}");
        assert_eq!(sanitize("\u{9b}x"), "\u{FFFD}x");
    }

    #[test]
    fn sanitize_composes_hangul() {
        let decomposed = "\u{1100}\u{1161}"; // ᄀ + ᅡ
        assert_eq!(sanitize(decomposed), "가");
    }

    #[test]
    fn slug_of_names() {
        assert_eq!(slug("Lichen Planopilaris (LPP)"), "lichen-planopilaris-lpp");
        assert_eq!(slug("  SDF-1α injections "), "sdf-1-injections");
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("keloid", "keliod"), 2);
        assert_eq!(edit_distance("alopecia", "alopcia"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn closest_suggests_near_ids() {
        let ids = ["keloids", "hypertrophic-scars", "acne-scars"];
        assert_eq!(closest("keloid", ids, 2)[0], "keloids");
        assert!(closest("zzzzzzzzzzzzzz", ids, 2).is_empty());
    }

    #[test]
    fn width_counts_wide_chars() {
        assert_eq!(width("가나"), 4);
        assert_eq!(width("₩1"), 2);
    }
}

/// Wraps text to lines of at most `width` columns (by display width), breaking at spaces and, for a
/// word longer than a line, inside the word. Always returns at least one line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0;
    for word in s.split_whitespace() {
        let w = self::width(word);
        if line_w > 0 && line_w + 1 + w <= width {
            line.push(' ');
            line.push_str(word);
            line_w += 1 + w;
            continue;
        }
        if line_w > 0 {
            lines.push(std::mem::take(&mut line));
            line_w = 0;
        }
        if w <= width {
            line.push_str(word);
            line_w = w;
            continue;
        }
        for c in word.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if line_w + cw > width && line_w > 0 {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            line.push(c);
            line_w += cw;
        }
    }
    if line_w > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Pads a string with spaces on the right to `width` display columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = self::width(s);
    if w >= width {
        s.to_owned()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn wraps_by_display_width() {
        assert_eq!(wrap("aaa bbb ccc", 7), vec!["aaa bbb", "ccc"]);
        assert_eq!(wrap("가나다라", 4), vec!["가나", "다라"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("가", 4), "가  ");
        assert_eq!(pad("abc", 2), "abc");
    }
}
