//! Text helpers shared by every front end: the one way out to a terminal (safe display, escaped
//! quoting for error messages, Markdown and JSON escaping), normalisation, display width, slugs.
//!
//! Everything that reaches a terminal passes [`sanitize`] (display text), [`escape`] / [`message`]
//! (a value quoted in an error, with its controls shown as `\u{1b}`), [`markdown`] (Markdown output)
//! or [`json_safe`] (JSON output); [`output`] is the last net on the way to standard output.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// True for a character that must never reach a terminal as it is: C0 and C1 controls (ESC
/// included), DEL, the bidirectional controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C), the
/// line and paragraph separators, and the other invisible format characters that hide or move
/// text (U+200B, U+2060–2064, U+206A–206F, U+FEFF, U+FFF9–FFFB, U+180E, U+00AD). The zero-width
/// joiner and non-joiner (U+200C/D) stay: scripts and emoji sequences need them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{00AD}'
                | '\u{180E}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Replaces every [unsafe](is_unsafe) character with U+FFFD so a string from data can never drive
/// the terminal, and returns the string in NFC. For display text: a line break is replaced too.
pub fn sanitize(s: &str) -> String {
    let clean = |c: char| if is_unsafe(c) { '\u{FFFD}' } else { c };
    if is_nfc(s) {
        // Most text: already composed, so only the unsafe characters need looking at.
        return s.chars().map(clean).collect();
    }
    s.nfc().map(clean).collect()
}

/// A value as an error message quotes it: every [unsafe](is_unsafe) character written as an escape
/// (`\n`, `\t`, `\u{1b}`, `\u{202e}`), everything else as it is, so the reader sees exactly what
/// the file holds and the terminal is never driven by it.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A whole message of one or more lines (several problems, one per line): each line [escaped](escape),
/// the line breaks between them kept.
pub fn message(s: &str) -> String {
    s.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}

/// The last net before standard output: text already made safe passes unchanged; any unsafe
/// character left (other than line breaks and tabs) is written `\uXXXX`, which is also how JSON
/// escapes a character inside a string, so JSON output stays valid JSON.
pub fn output(s: &str) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) && c != '\n' && c != '\t';
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text with the characters serde_json leaves raw (DEL, C1 controls, bidirectional and
/// invisible format characters) written as `\uXXXX` escapes: the same data, safe in a terminal.
/// JSON's structure is ASCII, so every such character is inside a string.
pub fn json_safe(json: String) -> String {
    match output(&json) {
        Cow::Borrowed(_) => json,
        Cow::Owned(s) => s,
    }
}

/// Escapes text for Markdown: [sanitised](sanitize) (line breaks become spaces first), then a
/// backslash before every character Markdown or HTML could read as markup, so `|` stays inside its
/// table cell, `[x](javascript:...)` is no link and `<img onerror=...>` stays text. The one Markdown
/// escaper: `show`, `compare` and `export` all use it.
pub fn markdown(s: &str) -> String {
    let s = sanitize(&s.replace(['\r', '\n'], " "));
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let markup = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#' | '~' | '!'
        );
        // A list marker or a setext underline at the start of a paragraph.
        let leading = i == 0 && matches!(c, '-' | '+' | '=');
        if markup || leading {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. text" or "1) text" would become a numbered list.
    if let Some(pos) = out.find(['.', ')'])
        && pos > 0
        && out[..pos].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(pos, '\\');
    }
    out
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
    fn sanitize_replaces_bidi_and_invisible_characters() {
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
            '\u{200B}', '\u{2028}', '\u{2060}', '\u{FEFF}', '\u{7f}', '\u{85}',
        ] {
            assert_eq!(
                sanitize(&format!("a{c}b")),
                "a\u{FFFD}b",
                "{:x}",
                u32::from(c)
            );
        }
        // Joiners stay: Hangul, Indic scripts and emoji sequences need them.
        assert_eq!(sanitize("👩\u{200D}🔬"), "👩\u{200D}🔬");
        assert_eq!(sanitize("가나 café"), "가나 café");
    }

    #[test]
    fn escape_shows_controls_as_escapes() {
        assert_eq!(escape("plain 가"), "plain 가");
        assert_eq!(
            escape("a\x1b]52;c;cm0gLXJmIH4=\x07\u{202E}\n"),
            "a\\u{1b}]52;c;cm0gLXJmIH4=\\u{7}\\u{202e}\\n"
        );
        assert_eq!(message("one \x1b\ntwo"), "one \\u{1b}\ntwo");
    }

    #[test]
    fn output_and_json_escape_what_is_left() {
        assert_eq!(output("ok\n\tline"), "ok\n\tline");
        assert_eq!(output("\u{202E}x\u{9b}"), "\\u202ex\\u009b");
        let json = serde_json::to_string(&"a\u{202E}b\u{85}\x1b").unwrap();
        let safe = json_safe(json);
        assert_eq!(safe, "\"a\\u202eb\\u0085\\u001b\"");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{202E}b\u{85}\x1b", "the same data");
    }

    #[test]
    fn markdown_escapes_links_images_and_html() {
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(markdown("<script>&"), "\\<script\\>\\&");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("1. first"), "1\\. first");
        assert_eq!(markdown("3–6 months"), "3–6 months");
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(
            markdown("![i](http://e/x.png)<img onerror=alert(1)>"),
            "\\!\\[i\\](http://e/x.png)\\<img onerror=alert(1)\\>"
        );
        assert_eq!(markdown("two\nlines\x1b"), "two lines\u{FFFD}");
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
/// word longer than a line, inside the word. Runs of whitespace (newlines too) count as one space.
/// Always returns at least one line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .break_words(true);
    let lines: Vec<String> = textwrap::wrap(&words, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
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
        assert_eq!(wrap("one  two\nthree", 8), vec!["one two", "three"]);
        assert_eq!(wrap("ab 가나다", 4), vec!["ab", "가나", "다"]);
        assert_eq!(wrap("stem-cell therapy", 10), vec!["stem-cell", "therapy"]);
    }

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("가", 4), "가  ");
        assert_eq!(pad("abc", 2), "abc");
    }
}
