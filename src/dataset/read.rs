//! Reading and parsing one data file: size limit, UTF-8, byte-order mark, RON with positions.

use crate::error::Problem;
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;
use std::path::Path;

/// The largest data file accepted, so a wrong file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Nesting deeper than this is refused with an error instead of risking the stack.
pub const MAX_NESTING: usize = 64;

/// Reads a file into bytes, refusing anything larger than [`MAX_FILE_BYTES`] and anything but a
/// regular file (see [`crate::safe_file`]).
pub fn read_bytes(path: &Path, label: &Path) -> Result<Vec<u8>, Problem> {
    crate::safe_file::read_capped(path, MAX_FILE_BYTES, "a data file (RON)")
        .map_err(|e| Problem::in_file(label, e.to_string()))
}

/// Checks that bytes are UTF-8 text without a byte-order mark, and not empty.
pub fn decode(bytes: Vec<u8>, label: &Path) -> Result<String, Problem> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(Problem::at(
            label,
            1,
            1,
            "the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        // Safe: the prefix up to `valid` is valid UTF-8 by definition.
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let (line, col) = line_col(&prefix, prefix.len());
        Problem::at(
            label,
            line,
            col,
            format!(
                "invalid UTF-8 (byte 0x{:02X}); the file must be saved as UTF-8 text",
                bytes[valid]
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(Problem::at(
            label,
            1,
            1,
            "the file is empty; expected RON data, e.g. a list of records `[ (...), ]`",
        ));
    }
    Ok(text)
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Parses RON text into `T`, turning the parser's error into a [`Problem`] in plain words.
pub fn parse<T: DeserializeOwned>(text: &str, label: &Path) -> Result<T, Problem> {
    let (deep, _) = scan(text);
    parse_with(label, deep, |options| options.from_str::<T>(text))
}

/// Parses a RON list of records, telling `report` the share of the records parsed (against the
/// number of records the text appears to hold) every so many records.
pub fn parse_list<T: DeserializeOwned>(
    text: &str,
    label: &Path,
    report: &mut dyn FnMut(f64),
) -> Result<Vec<T>, Problem> {
    let (deep, items) = scan(text);
    let expected = items.max(1);
    parse_with(label, deep, |options| {
        options.from_str_seed(
            text,
            ListSeed::<T> {
                report,
                expected,
                records: std::marker::PhantomData,
            },
        )
    })
}

/// Reads a list of `T`, reporting as it goes.
struct ListSeed<'r, T> {
    report: &'r mut dyn FnMut(f64),
    expected: usize,
    records: std::marker::PhantomData<T>,
}

impl<'de, T: DeserializeOwned> serde::de::DeserializeSeed<'de> for ListSeed<'_, T> {
    type Value = Vec<T>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: DeserializeOwned> serde::de::Visitor<'de> for ListSeed<'_, T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(self.expected.min(1 << 20));
        while let Some(record) = seq.next_element::<T>()? {
            out.push(record);
            if out.len() % 512 == 0 {
                (self.report)(out.len() as f64 / self.expected as f64);
            }
        }
        Ok(out)
    }
}

/// Runs a RON parse after the nesting check, with the loader's options, and puts its error in plain
/// words.
fn parse_with<T>(
    label: &Path,
    too_deep: Option<(usize, usize)>,
    run: impl FnOnce(&ron::Options) -> ron::error::SpannedResult<T>,
) -> Result<T, Problem> {
    if let Some((line, col)) = too_deep {
        return Err(Problem::at(
            label,
            line,
            col,
            format!(
                "brackets are nested more than {MAX_NESTING} levels deep; expected records of a few levels"
            ),
        ));
    }
    run(&options()).map_err(|e| {
        Problem::at(
            label,
            e.span.start.line.max(1),
            e.span.start.col.max(1),
            plain_words(&e.code),
        )
    })
}

/// The RON options every data file is parsed with.
pub(crate) fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING * 2)
}

/// One pass over the brackets, skipping strings and comments: the first place where they nest
/// deeper than [`MAX_NESTING`], if any, and how many items a top-level list seems to hold (brackets
/// opened directly inside it).
fn scan(text: &str) -> (Option<(usize, usize)>, usize) {
    let mut at = None;
    let mut items = 0;
    brackets(text, |depth, i| {
        items += usize::from(depth == 2);
        if depth > MAX_NESTING {
            at = Some(line_col(text, i));
            false
        } else {
            true
        }
    });
    (at, items)
}

/// Calls `open(depth, offset)` at each opening bracket outside strings and comments, until it
/// returns false.
fn brackets(text: &str, mut open: impl FnMut(usize, usize) -> bool) {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if !open(depth, i) {
                    return;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
}

/// Rewrites the RON parser's error in words for someone editing the file by hand.
fn plain_words(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early: a bracket, parenthesis or string is not closed".into(),
        E::ExpectedComma => "expected a comma `,` between two items or fields".into(),
        E::ExpectedArray => "expected a list in square brackets `[ ... ]`".into(),
        E::ExpectedArrayEnd => {
            "expected `]` to close the list (or a comma before the next item)".into()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected a record in parentheses `( field: value, ... )`".into()
        }
        E::ExpectedStructLikeEnd => {
            "expected `)` to close the record (or a comma before the next field)".into()
        }
        E::ExpectedString => "expected a string in double quotes".into(),
        E::ExpectedStringEnd => "the string is not closed: expected a closing `\"`".into(),
        E::ExpectedInteger => "expected a whole number".into(),
        E::ExpectedFloat => "expected a number".into(),
        E::ExpectedBoolean => "expected `true` or `false`".into(),
        E::IntegerOutOfBounds => {
            "the number is out of range (amounts are whole numbers, zero or more)".into()
        }
        E::TrailingCharacters => {
            "unexpected text after the end of the data; expected only one top-level value".into()
        }
        E::UnclosedBlockComment => "a `/*` comment is not closed with `*/`".into(),
        E::ExceededRecursionLimit => format!("nested more than {MAX_NESTING} levels deep"),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; expected one of: {}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default(),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => format!(
            "missing required field `{field}`{}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default()
        ),
        E::DuplicateStructField { field, outer } => format!(
            "field `{field}` is given twice{}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default()
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown value `{found}`{}; expected one of: {}",
            outer
                .as_ref()
                .map(|o| format!(" for {o}"))
                .unwrap_or_default(),
            expected.join(", ")
        ),
        E::InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        E::Message(m) => m.clone(),
        other => format!("{other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\n가나x";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, t.find('x').unwrap()), (2, 3));
    }

    #[test]
    fn deep_nesting_is_found_without_recursion() {
        let deep = "[".repeat(10_000);
        assert_eq!(scan(&deep).0, Some((1, MAX_NESTING + 1)));
        assert_eq!(scan("\"[[[[\" [ ]").0, None);
        assert_eq!(scan("[ (a: \"(\"), // (\n (b: [1]), ]").1, 2, "two items");
    }
}
