//! Text -> [`Query`]: tokens split on spaces (a double-quoted run is one token), each a word, a term
//! (`'x`, `^x`, `!x`, `"x y"`), a qualifier (`name:value`, `!name:value`) or a comparison
//! (`price<5000`, `year>=2026`).

use super::words::{is_stop_word, kind_word};
use super::{Cmp, Field, Filter, Query, QueryError, Term, TermMode, Test};
use crate::model::Kind;
use unicode_normalization::UnicodeNormalization;

/// Folds text for matching: NFC, lowercase, trimmed.
pub(super) fn fold(s: &str) -> String {
    s.trim().nfc().flat_map(char::to_lowercase).collect()
}

/// The qualifiers as typed, for messages: `kind: (k:), evidence:, ..., price<, min>, max<=`.
pub fn qualifier_list() -> String {
    let mut names = vec!["kind: (k:)".to_owned()];
    names.extend(
        super::Field::ALL
            .iter()
            .filter(|f| !f.money())
            .map(|f| format!("{}:", f.name())),
    );
    names.extend(["price<", "min>", "max<="].map(String::from));
    names.join(", ")
}

/// Splits on whitespace, keeping a double-quoted run (with its quotes and any leading `!`) as one
/// token; an unclosed quote runs to the end.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
            cur.push(c);
        } else if c.is_whitespace() && !quoted {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A qualifier's field by the name typed (`k` is `kind`, returned as `None`).
fn field(name: &str) -> Option<Option<Field>> {
    if name == "kind" || name == "k" {
        return Some(None);
    }
    Field::ALL.into_iter().find(|f| f.name() == name).map(Some)
}

/// The error for a name that is not a qualifier.
fn unknown(name: &str) -> QueryError {
    let names: Vec<&str> = std::iter::once("kind")
        .chain(Field::ALL.iter().map(|f| f.name()))
        .collect();
    let hint = crate::text::closest(name, names.iter().copied(), 1)
        .first()
        .map(|h| format!("did you mean `{h}:`? "))
        .unwrap_or_default();
    QueryError(format!(
        "unknown qualifier `{}:`; {hint}qualifiers are: {}",
        crate::text::sanitize(name),
        qualifier_list()
    ))
}

/// Kinds whose name starts with `value` (`c` is ambiguous; `cl` is clinic).
fn kinds(value: &str) -> Result<Kind, QueryError> {
    if let Some(k) = Kind::parse(value) {
        return Ok(k);
    }
    let starting: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| k.as_str().starts_with(value))
        .collect();
    match starting[..] {
        [k] => Ok(k),
        _ => {
            let names = Kind::ALL.map(Kind::as_str);
            let hint = crate::text::closest(value, names, 1)
                .first()
                .map(|h| format!("did you mean `kind:{h}`? "))
                .unwrap_or_default();
            Err(QueryError(format!(
                "unknown kind `{}`; {hint}kinds are: {}",
                crate::text::sanitize(value),
                names.join(", ")
            )))
        }
    }
}

/// A number as people type prices: `5000`, `5,000`, `$5000`, `₩400000`, `5k`.
fn number(s: &str) -> Option<f64> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | '$' | '₩'))
        .collect();
    let (digits, times) = match s.strip_suffix(['k', 'K']) {
        Some(d) => (d, 1_000.0),
        None => match s.strip_suffix(['m', 'M']) {
            Some(d) => (d, 1_000_000.0),
            None => (s.as_str(), 1.0),
        },
    };
    let n: f64 = digits.parse().ok()?;
    (n.is_finite() && n >= 0.0).then_some(n * times)
}

/// Splits `name<op>value` at the first comparison operator, if `name` is a word.
fn comparison(token: &str) -> Option<(&str, Cmp, &str)> {
    let at = token.find(['<', '>', '='])?;
    let (name, rest) = token.split_at(at);
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let (cmp, len) = match rest.as_bytes() {
        [b'<', b'=', ..] => (Cmp::Le, 2),
        [b'>', b'=', ..] => (Cmp::Ge, 2),
        [b'<', ..] => (Cmp::Lt, 1),
        [b'>', ..] => (Cmp::Gt, 1),
        _ => (Cmp::Eq, 1),
    };
    Some((name, cmp, &rest[len..]))
}

/// Parses a query. Never panics; an unknown qualifier, an unknown kind or a bad number is an error
/// naming what is valid.
pub fn parse(text: &str) -> Result<Query, QueryError> {
    let mut q = Query::default();
    let mut plain: Vec<String> = Vec::new();
    for raw in tokens(text) {
        let (negated, body) = match raw.strip_prefix('!') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, raw.as_str()),
        };
        // A quoted phrase.
        if let Some(inner) = body.strip_prefix('"') {
            let inner = fold(inner.strip_suffix('"').unwrap_or(inner));
            if inner.is_empty() {
                continue;
            }
            let mode = if negated {
                TermMode::Not
            } else {
                TermMode::Phrase
            };
            q.terms.push(Term { mode, text: inner });
            continue;
        }
        // A qualifier: `name:value`.
        if let Some((name, value)) = body.split_once(':')
            && !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphabetic())
        {
            let name = name.to_ascii_lowercase();
            let f = field(&name).ok_or_else(|| unknown(&name))?;
            let value = fold(value.trim_matches('"'));
            if value.is_empty() {
                return Err(QueryError(format!(
                    "`{name}:` needs a value, e.g. {}",
                    example(f)
                )));
            }
            match f {
                None => {
                    let k = kinds(&value)?;
                    if !negated {
                        q.kinds.push(k);
                    } else {
                        q.kinds.extend(Kind::ALL.into_iter().filter(|&o| o != k));
                    }
                }
                Some(field) if field.money() => {
                    let n = number(&value).ok_or_else(|| bad_number(&name, ":", &value))?;
                    q.filters.push(Filter {
                        field,
                        test: Test::Number(Cmp::Eq, n),
                        negated,
                    });
                }
                Some(field) => q.filters.push(Filter {
                    field,
                    test: match number(&value) {
                        Some(n) if field == Field::Year => Test::Number(Cmp::Eq, n),
                        _ => Test::Text(value),
                    },
                    negated,
                }),
            }
            continue;
        }
        // A comparison: `price<5000`.
        if let Some((name, cmp, value)) = comparison(body) {
            let name = name.to_ascii_lowercase();
            let field = match field(&name) {
                Some(Some(f)) if f.numeric() => f,
                Some(_) => {
                    return Err(QueryError(format!(
                        "`{name}` is not a number; compare only price, min, max or year (price<5000, year>=2026)"
                    )));
                }
                None => return Err(unknown(&name)),
            };
            let n = number(value).ok_or_else(|| bad_number(&name, cmp.symbol(), value))?;
            q.filters.push(Filter {
                field,
                test: Test::Number(cmp, n),
                negated,
            });
            continue;
        }
        let (mode, word) = if negated {
            (Some(TermMode::Not), body)
        } else if let Some(w) = body.strip_prefix('\'') {
            (Some(TermMode::Exact), w)
        } else if let Some(w) = body.strip_prefix('^') {
            (Some(TermMode::Prefix), w)
        } else {
            (None, body)
        };
        let word = fold(word);
        if word.is_empty() || !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        match mode {
            Some(mode) => q.terms.push(Term { mode, text: word }),
            None => plain.push(word),
        }
    }
    q.phrase = plain.join(" ");
    let mut content = Vec::new();
    let mut previous = "";
    for w in &plain {
        if previous == "how" && w == "much" {
            q.steer.get_or_insert(Kind::Cost);
        }
        previous = w;
        // "dr." is "dr": the doctor's title.
        let bare = w.trim_end_matches('.');
        if let Some(k) = kind_word(bare) {
            q.steer.get_or_insert(k);
            q.ignored.push(w.clone());
            q.soft.push(bare.to_owned());
        } else if is_stop_word(bare) {
            q.ignored.push(w.clone());
        } else {
            content.push(w.clone());
        }
    }
    // Nothing but stop-words and kind words: they are what is being looked for.
    if content.is_empty() && q.terms.iter().all(|t| t.mode == TermMode::Not) {
        content = plain
            .iter()
            .filter(|w| kind_word(w.trim_end_matches('.')).is_some() || is_stop_word(w))
            .cloned()
            .collect();
        if !content.is_empty() {
            q.ignored.clear();
            q.soft.clear();
            if content.iter().all(|w| is_stop_word(w)) {
                q.steer = None;
            }
        }
    }
    // Quoted, exact and prefix terms are also words to rank by.
    content.extend(
        q.terms
            .iter()
            .filter(|t| t.mode != TermMode::Not)
            .map(|t| t.text.clone()),
    );
    q.words = content;
    Ok(q)
}

fn example(f: Option<Field>) -> &'static str {
    match f {
        None => "kind:clinic",
        Some(Field::Evidence) => "evidence:established",
        Some(Field::Category) => "category:scars",
        Some(Field::District) => "district:gangnam",
        Some(Field::City) => "city:seoul",
        Some(Field::Country) => "country:korea",
        Some(Field::Unit) => "unit:session",
        Some(Field::Offers) => "offers:prp",
        Some(Field::For) => "for:keloids",
        Some(Field::Year) => "year:2026",
        Some(Field::Currency) => "currency:usd",
        Some(Field::Layer) => "layer:notes",
        Some(Field::Price) => "price<5000",
        Some(Field::Min) => "min>1000",
        Some(Field::Max) => "max<=20000",
    }
}

fn bad_number(name: &str, op: &str, value: &str) -> QueryError {
    QueryError(format!(
        "`{name}{op}{}`: expected a number after `{op}` (like price<5000, min>1,000, max<=20k), in the display currency",
        crate::text::sanitize(value)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_terms_and_qualifiers() {
        let q =
            parse("exosomes 'PRP ^lich !laser \"hot comb\" k:clinic district:Gangnam price<5,000")
                .unwrap();
        assert_eq!(q.words, ["exosomes", "prp", "lich", "hot comb"]);
        assert_eq!(q.phrase, "exosomes");
        assert_eq!(q.kinds, [Kind::Clinic]);
        assert_eq!(q.terms.len(), 4);
        assert_eq!(
            q.terms[2],
            Term {
                mode: TermMode::Not,
                text: "laser".into()
            }
        );
        assert_eq!(q.filters[0].test, Test::Text("gangnam".into()));
        assert_eq!(q.filters[1].test, Test::Number(Cmp::Lt, 5000.0));
        assert_eq!(
            parse("max<=20k").unwrap().filters[0].test,
            Test::Number(Cmp::Le, 20000.0)
        );
        assert_eq!(
            parse("year:2026").unwrap().filters[0].test,
            Test::Number(Cmp::Eq, 2026.0)
        );
        assert!(parse("!offers:prp").unwrap().filters[0].negated);
    }

    #[test]
    fn stop_words_drop_and_kind_words_steer() {
        let q = parse("is microneedling proven").unwrap();
        assert_eq!(q.words, ["microneedling"]);
        assert_eq!(q.steer, Some(Kind::Therapy));
        assert_eq!(q.phrase, "is microneedling proven");
        let q = parse("how much for a keloid").unwrap();
        assert_eq!(
            (q.words.clone(), q.steer),
            (vec!["keloid".to_owned()], Some(Kind::Cost))
        );
        let q = parse("Dr. Kim").unwrap();
        assert_eq!(
            (q.words.clone(), q.steer),
            (vec!["kim".to_owned()], Some(Kind::Clinic))
        );
        // Only kind words: they are the words.
        assert_eq!(parse("visa").unwrap().words, ["visa"]);
        // Quoted stop-words count.
        assert_eq!(parse("\"the\"").unwrap().words, ["the"]);
    }

    #[test]
    fn errors_are_one_line_with_a_did_you_mean() {
        let e = parse("distrcit:gangnam").unwrap_err().0;
        assert!(e.contains("did you mean `district:`"), "{e}");
        assert!(
            e.contains("offers:") && e.contains("price<") && !e.contains('\n'),
            "{e}"
        );
        let e = parse("price<cheap").unwrap_err().0;
        assert!(e.contains("expected a number"), "{e}");
        assert!(
            parse("kind:clinc")
                .unwrap_err()
                .0
                .contains("did you mean `kind:clinic`")
        );
        assert!(parse("kind:c").is_err(), "ambiguous");
        assert_eq!(parse("k:cl").unwrap().kinds, [Kind::Clinic]);
        assert!(parse("evidence:").unwrap_err().0.contains("needs a value"));
        assert!(parse("district<3").is_err());
        // Odd input never panics.
        for s in [
            "\"", "!", "'", "^", ":x", "a:\"", "<5", "price<", "!\"\"", "k:", "\u{1b}:x",
        ] {
            let _ = parse(s);
        }
    }
}
