//! The one query the search box, the facet panel and `list --where` share: words, the fzf-style terms
//! (`'exact`, `^prefix`, `!not`, `"quoted phrase"`) and qualifiers named after the fields people see
//! (`kind:clinic`, `district:gangnam`, `offers:prp`, `price<5000`...). Parsing is pure; an unknown
//! qualifier or a bad number is a one-line [`QueryError`] listing what is valid, with a did-you-mean.
//!
//! Words that do not narrow ("is", "the", "for") are dropped unless quoted; words that name a kind
//! ("cost", "clinic", "treatment") steer the ranking towards it without filtering (see [`words`]).
//! [`facet`] holds each record's facet values, which filters test and the facet panel counts;
//! [`sort`] orders records by a column.

pub mod facet;
mod parse;
pub mod sort;
pub mod words;

use crate::model::Kind;
use serde::{Deserialize, Serialize};

pub use parse::parse;

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// The words that must each match the record or a record it links to, folded, in order.
    pub words: Vec<String>,
    /// Every plain word as typed (stop-words and kind words included), folded and joined by single
    /// spaces: matched as one phrase first.
    pub phrase: String,
    /// Exact, prefix, negated and quoted terms.
    pub terms: Vec<Term>,
    /// Qualifiers.
    pub filters: Vec<Filter>,
    /// The kinds `kind:` allows (any of them); empty means every kind.
    pub kinds: Vec<Kind>,
    /// The kind the words steer towards ("cost" -> cost ranges), ranked first without filtering.
    pub steer: Option<Kind>,
    /// Words dropped because they do not narrow (and kind words, which steer instead).
    pub ignored: Vec<String>,
    /// The kind words themselves ("cost", "visa"): not required, but a record whose own fields hold
    /// them ranks higher ("Documents for a Korean medical visa" for "medical visa documents").
    pub soft: Vec<String>,
}

impl Query {
    /// True when the query asks for nothing at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.terms.is_empty()
            && self.filters.is_empty()
            && self.kinds.is_empty()
    }

    /// True when it has words to rank by (not only filters).
    pub fn has_words(&self) -> bool {
        !self.words.is_empty()
    }

    /// The query as one line for titles and messages: `kind:clinic district:gangnam prp`.
    pub fn describe_filters(&self) -> Vec<String> {
        let mut out: Vec<String> = self.kinds.iter().map(|k| format!("kind {k}")).collect();
        out.extend(self.filters.iter().map(Filter::describe));
        out
    }
}

/// How a term must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermMode {
    /// `'word`: the whole word, no typos, no prefix.
    Exact,
    /// `^word`: the record's name (or an alias) starts with it.
    Prefix,
    /// `!word`: no word of the record's own fields starts with it.
    Not,
    /// `"two words"`: the words together, in order, in one field.
    Phrase,
}

/// One fzf-style term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// How it must match.
    pub mode: TermMode,
    /// The text, folded.
    pub text: String,
}

/// A field a qualifier tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// A therapy's evidence level.
    Evidence,
    /// A condition's or therapy's category, a travel fact's topic.
    Category,
    /// A clinic's district, with the districts its neighbourhood lies in.
    District,
    /// A clinic's city.
    City,
    /// A cost's or clinic's country.
    Country,
    /// A cost's unit ("per session").
    Unit,
    /// A therapy a clinic offers.
    Offers,
    /// A condition a therapy or cost is for (or the therapy a cost prices).
    For,
    /// A cost's year.
    Year,
    /// A cost's currency.
    Currency,
    /// The data layer a record comes from (`bundled`, or a layer directory's name), when the data
    /// is loaded with layers.
    Layer,
    /// A cost's price: the low end for `<`, the high end for `>`.
    Price,
    /// A cost's low end.
    Min,
    /// A cost's high end (open-ended above when the source says "+" or gives none).
    Max,
}

impl Field {
    /// Every qualifier, in the order help lists them.
    pub const ALL: [Field; 14] = [
        Field::Evidence,
        Field::Category,
        Field::District,
        Field::City,
        Field::Country,
        Field::Unit,
        Field::Offers,
        Field::For,
        Field::Year,
        Field::Currency,
        Field::Layer,
        Field::Price,
        Field::Min,
        Field::Max,
    ];

    /// The qualifier's name as typed.
    pub fn name(self) -> &'static str {
        match self {
            Field::Evidence => "evidence",
            Field::Category => "category",
            Field::District => "district",
            Field::City => "city",
            Field::Country => "country",
            Field::Unit => "unit",
            Field::Offers => "offers",
            Field::For => "for",
            Field::Year => "year",
            Field::Currency => "currency",
            Field::Layer => "layer",
            Field::Price => "price",
            Field::Min => "min",
            Field::Max => "max",
        }
    }

    /// True for the fields compared as numbers (`price<5000`).
    pub fn numeric(self) -> bool {
        matches!(self, Field::Year | Field::Price | Field::Min | Field::Max)
    }

    /// True for the money fields, compared in the display currency.
    pub fn money(self) -> bool {
        matches!(self, Field::Price | Field::Min | Field::Max)
    }
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Cmp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `=` (or `:` with a number)
    Eq,
}

impl Cmp {
    /// The operator as typed.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Eq => "=",
        }
    }

    /// `a OP b`.
    pub fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Eq => a == b,
        }
    }
}

/// What a qualifier asks of its field.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// A value of the field has a word starting with this (folded) text.
    Text(String),
    /// The field's number compares so.
    Number(Cmp, f64),
}

/// One qualifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// The field tested.
    pub field: Field,
    /// The test.
    pub test: Test,
    /// `!district:gangnam`: records that fail the test.
    pub negated: bool,
}

impl Filter {
    /// "district gangnam", "price < 5000", "not offers prp".
    pub fn describe(&self) -> String {
        let not = if self.negated { "not " } else { "" };
        match &self.test {
            Test::Text(t) => format!("{not}{} {t}", self.field.name()),
            Test::Number(c, n) => {
                format!("{not}{} {} {}", self.field.name(), c.symbol(), number(*n))
            }
        }
    }
}

/// A number as typed: no trailing ".0".
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A query that cannot be parsed, in one line: what was wrong, what is valid, a did-you-mean.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);
