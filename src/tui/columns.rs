//! What a list row shows beside a record's name, in a short form that fits: a therapy's evidence
//! badge, a cost group's Korean price range, a clinic's district. A row never cuts a figure, a date
//! or a count inside its token: it shortens a part to a form declared for it, drops the least
//! important part, or cuts a wordy part between words, and anything shortened ends in `…` (the
//! whole value is in the detail). Pure, so the list and the layout (how wide the list wants to be)
//! measure the same thing.

use crate::dataset::Dataset;
use crate::model::{Currency, Evidence, Kind};
use crate::text;

/// Columns before a row's name: the pointer, the compare mark, the shortlist star and a space.
pub const MARKS: usize = 4;
/// Columns between a name and its badge.
pub const GAP: usize = 2;

/// One part of a row's badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Its forms, widest first; a shorter one is used when the wider does not fit.
    pub forms: Vec<String>,
    /// Lower is kept longer: the part with the highest number is shortened or dropped first.
    pub priority: u8,
    /// True for words that may be cut between words (a place, a topic); figures never are.
    pub cuttable: bool,
}

impl Part {
    fn fixed(forms: &[&str], priority: u8) -> Part {
        Part {
            forms: forms.iter().map(|f| text::sanitize(f)).collect(),
            priority,
            cuttable: false,
        }
    }

    fn words(s: &str, priority: u8) -> Part {
        Part {
            forms: vec![text::sanitize(s)],
            priority,
            cuttable: true,
        }
    }
}

/// A row's badge: its parts in the order shown, and what goes between two of them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Badge {
    /// The parts, left to right.
    pub parts: Vec<Part>,
    /// Put between two parts shown.
    pub separator: &'static str,
    /// Shown when no part fits (a travel fact's topic when its value does not fit).
    pub fallback: Option<String>,
}

impl Badge {
    /// Every part in its widest form.
    pub fn full(&self) -> String {
        let all: Vec<Option<String>> = self
            .parts
            .iter()
            .map(|p| p.forms.first().cloned())
            .collect();
        self.join(&all)
    }

    fn join(&self, shown: &[Option<String>]) -> String {
        shown
            .iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(self.separator)
    }

    /// The widest rendering that fits in `width` columns: the least important part is shortened to
    /// its next form, cut between words (when it may be), or dropped, until the rest fits; empty
    /// when nothing fits.
    pub fn fit(&self, width: usize) -> String {
        let s = self.fit_parts(width);
        match &self.fallback {
            Some(f) if s.is_empty() && text::width(f) <= width => f.clone(),
            _ => s,
        }
    }

    /// The fewest columns in which the badge shows something: its most important part's shortest
    /// form (or first word, when it may be cut).
    pub fn least(&self) -> usize {
        let Some(p) = self.parts.iter().min_by_key(|p| p.priority) else {
            return 0;
        };
        let last = p.forms.last().map_or(0, |f| text::width(f));
        let first_word = p
            .forms
            .first()
            .and_then(|f| cut_between_words(f, last.saturating_sub(1)));
        let cut = first_word.map_or(last, |c| text::width(&c));
        let fallback = self.fallback.as_deref().map_or(usize::MAX, text::width);
        last.min(cut).min(fallback)
    }

    fn fit_parts(&self, width: usize) -> String {
        let mut form: Vec<Option<usize>> = self.parts.iter().map(|_| Some(0)).collect();
        loop {
            let shown: Vec<Option<String>> = form
                .iter()
                .zip(&self.parts)
                .map(|(f, p)| f.and_then(|i| p.forms.get(i).cloned()))
                .collect();
            let s = self.join(&shown);
            if text::width(&s) <= width {
                return s;
            }
            // The least important part still shown (the later one among equals).
            let Some(i) = (0..self.parts.len())
                .filter(|&i| form[i].is_some())
                .max_by_key(|&i| (self.parts[i].priority, i))
            else {
                return String::new();
            };
            let part = &self.parts[i];
            let f = form[i].unwrap_or(0);
            if f + 1 < part.forms.len() {
                form[i] = Some(f + 1);
                continue;
            }
            if part.cuttable {
                let mut without = shown.clone();
                without[i] = None;
                let rest = self.join(&without);
                let others = without.iter().flatten().count();
                let sep = if others > 0 {
                    text::width(self.separator)
                } else {
                    0
                };
                let room = width.saturating_sub(text::width(&rest) + sep);
                if let Some(cut) = cut_between_words(&part.forms[0], room) {
                    let mut with = without;
                    with[i] = Some(cut);
                    let s = self.join(&with);
                    if text::width(&s) <= width {
                        return s;
                    }
                }
            }
            form[i] = None;
        }
    }
}

/// `s` cut after its last whole word that fits in `width` with a `…`; `None` when not even one word
/// fits. A cut never ends on a bare number (its unit would be lost: "up to 90…"), and a text holding
/// a figure is not cut to one holding none.
pub fn cut_between_words(s: &str, width: usize) -> Option<String> {
    if text::width(s) <= width {
        return Some(s.to_owned());
    }
    let has_figure = |t: &str| t.chars().any(is_figure_char);
    let bare_number = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && !w.chars().any(|c| matches!(c, '$' | '₩' | '€' | '£' | '¥'))
    };
    let mut best = None;
    let mut prefix = String::new();
    for word in s.split(' ') {
        if !prefix.is_empty() {
            prefix.push(' ');
        }
        prefix.push_str(word);
        let kept = prefix.trim_end_matches([',', ';', ':', '·', ' ', '(', '-', '–']);
        if kept.is_empty() {
            continue;
        }
        if text::width(kept) + 1 > width {
            break;
        }
        let last = kept.rsplit(' ').next().unwrap_or(kept);
        if bare_number(last) || (has_figure(s) && !has_figure(kept)) {
            continue;
        }
        best = Some(format!("{kept}…"));
    }
    best
}

/// True for a character that makes a word a figure, a date or a count: a digit or a currency sign.
fn is_figure_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '$' | '₩' | '€' | '£' | '¥' | '%')
}

/// A name cut to `width` columns, ending in `…` when cut; never inside a word holding a figure, a
/// date or a count (such a word goes whole or not at all).
pub fn cut_name(s: &str, width: usize) -> String {
    if text::width(s) <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let kept = cut_kept(s, width);
    let mut out = String::with_capacity(kept.len() + '…'.len_utf8());
    out.push_str(kept);
    out.push('…');
    out
}

/// What a cut of `s` to `width` columns (at least 1; `s` being wider) keeps before its `…`.
fn cut_kept(s: &str, width: usize) -> &str {
    // The characters that fit with room for the `…` (in place: a list cuts thousands of names).
    let mut w = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        w += cw;
        end = i + c.len_utf8();
    }
    // Cut inside a word? Back off to its start if the word holds a figure.
    let inside = end > 0 && end < s.len() && !s[end..].starts_with(' ') && !s[..end].ends_with(' ');
    if inside {
        let start = s[..end].rfind(' ').map_or(0, |p| p + 1);
        let word_end = s[end..].find(' ').map_or(s.len(), |p| end + p);
        if s[start..word_end].chars().any(is_figure_char) {
            end = start;
        }
    }
    s[..end].trim_end()
}

/// How many whole words every name of a group begins with alike (a word holding a figure or a code,
/// "C-3-3", is never counted: it must stay).
pub fn shared_words(names: &[&str]) -> usize {
    let split: Vec<Vec<&str>> = names.iter().map(|n| n.split(' ').collect()).collect();
    let Some(first) = split.first() else {
        return 0;
    };
    (0..first.len())
        .take_while(|&i| {
            !first[i].chars().any(is_figure_char)
                && split.iter().all(|w| w.len() > i + 1 && w[i] == first[i])
        })
        .count()
}

/// A name with its first `words` words left out and `…` in their place: "…hair loss, per session",
/// for names that begin alike.
pub fn without_first_words(name: &str, words: usize) -> String {
    let rest: Vec<&str> = name.split(' ').skip(words).collect();
    format!("…{}", rest.join(" "))
}

/// The short forms of an evidence level, widest first.
fn evidence_forms(e: Evidence) -> &'static [&'static str] {
    match e {
        Evidence::Established => &["established", "estab…"],
        Evidence::Emerging => &["emerging", "emerg…"],
        Evidence::Investigational => &["investigational", "investig…"],
        Evidence::ResearchOnly => &["research only", "research…"],
        Evidence::NotStated => &["not stated", "unstated"],
    }
}

/// The badge of the record at a position in a kind's list (the Costs tab lists groups: see
/// [`group_badge`]).
pub fn badge(data: &Dataset, kind: Kind, index: usize) -> Badge {
    let parts = match kind {
        Kind::Condition => data.conditions.get(index).map(|c| {
            let mut v = vec![Part::words(&c.category, 1)];
            if c.research_only {
                v.push(Part::fixed(&["research only", "research…"], 0));
            }
            v
        }),
        Kind::Therapy => data
            .therapies
            .get(index)
            .map(|t| vec![Part::fixed(evidence_forms(t.evidence), 0)]),
        Kind::Clinic => data.clinics.get(index).map(|c| {
            let place = c
                .district
                .clone()
                .or_else(|| c.city.clone())
                .unwrap_or_else(|| c.institution.clone());
            vec![Part::words(&place, 0)]
        }),
        Kind::Travel => data.travel.get(index).map(|t| {
            let mut v = vec![Part::fixed(&[t.topic.label()], 1)];
            if let Some(value) = &t.value {
                v.push(Part::words(value, 0));
            }
            v
        }),
        _ => None,
    };
    let fallback = match kind {
        Kind::Travel => data.travel.get(index).map(|t| t.topic.label().to_owned()),
        _ => None,
    };
    Badge {
        parts: parts.unwrap_or_default(),
        separator: " · ",
        fallback,
    }
}

/// What every record of a kind wants as a list row, in file order ([`RowWants::of`] its name and
/// its [`badge`]): each distinct badge measured once (records with the same
/// [`label_key`](crate::query::facet::label_key) have the same badge). With the facet table, the
/// names' widths and the labels come from it, so no record's text is read again.
pub fn record_wants(
    data: &Dataset,
    kind: Kind,
    table: Option<&crate::query::facet::FacetTable>,
) -> Vec<RowWants> {
    use crate::query::facet::{label_key, name_width};
    let measure = |p: usize| {
        let b = badge(data, kind, p);
        (text::width(&b.full()), b.least())
    };
    let count = data.count(kind);
    if let Some(t) = table.filter(|t| t.range(kind).len() == count && kind != Kind::Cost) {
        let start = t.range(kind).start;
        let mut badges: Vec<Option<(usize, usize)>> = Vec::new();
        return (0..count)
            .map(|p| {
                let label = t.label(start + p);
                if badges.len() <= label {
                    badges.resize(label + 1, None);
                }
                let (badge, least) = *badges[label].get_or_insert_with(|| measure(p));
                RowWants {
                    name: t.name_width(start + p),
                    badge,
                    least,
                }
            })
            .collect();
    }
    let mut badges: std::collections::HashMap<_, (usize, usize)> = Default::default();
    data.records(kind)
        .iter()
        .enumerate()
        .map(|(p, r)| {
            let (badge, least) = match label_key(data, kind, p) {
                Some(k) => *badges.entry(k).or_insert_with(|| measure(p)),
                None => measure(p),
            };
            RowWants {
                name: usize::from(name_width(r.name())),
                badge,
                least,
            }
        })
        .collect()
}

/// The badge of a cost group on the Costs tab: South Korea's range in short figures (`$10k–$20k`,
/// `₩14.5M–₩29M`), its unit, and the word "Korea" where there is room; without a Korean figure, how
/// many places have one.
pub fn group_badge(data: &Dataset, index: usize, currency: Currency) -> Badge {
    let mut b = Badge {
        parts: Vec::new(),
        separator: " ",
        fallback: None,
    };
    let Some(group) = crate::chart::group_at(data, index) else {
        return b;
    };
    let g = group_summary(data, group, currency);
    let short = |v| crate::money::short(v, currency);
    match &g.korea {
        Some((bar, range)) => {
            let approx = if bar.converted { "≈" } else { "" };
            let min = range.min.map(|_| bar.min);
            let qualifier = range.qualifier;
            let figures = crate::money::bounds_text(min, bar.max, qualifier, short);
            let tight = |v| tight_amount(v, currency);
            let compact = compact_bounds(min, bar.max, qualifier, tight);
            b.parts = vec![
                Part::fixed(&["Korea"], 2),
                Part::fixed(
                    &[&format!("{approx}{figures}"), &format!("{approx}{compact}")],
                    0,
                ),
                Part::fixed(&[bar.unit], 1),
            ];
        }
        None if g.bars == 1 => {
            let only = format!("{} only", g.first_country);
            b.parts = vec![Part::fixed(&[&only, "1 place"], 0)];
        }
        None => b.parts = vec![Part::fixed(&[&format!("{} places", g.bars)], 0)],
    }
    b
}

/// What a cost group's list row tells of its chart: South Korea's bar (the first whose country
/// means South Korea) with its range, how many bars there are and the first one's country. Only
/// that one bar is built, however many ranges the group holds.
#[derive(Debug, Clone)]
pub struct GroupSummary<'a> {
    /// South Korea's bar and its cost range.
    pub korea: Option<(crate::chart::Bar, &'a crate::model::CostRange)>,
    /// How many bars the group's chart has.
    pub bars: usize,
    /// The country of its first bar.
    pub first_country: &'a str,
}

/// The [`GroupSummary`] of a group in a currency.
pub fn group_summary<'a>(
    data: &'a Dataset,
    group: &crate::model::CostGroup,
    currency: Currency,
) -> GroupSummary<'a> {
    let krw = crate::estimate::conversion_rate(data).map_or(1.0, |r| r.krw_per_usd);
    let mut g = GroupSummary {
        korea: None,
        bars: 0,
        first_country: "",
    };
    for r in data.ranges_in_group(group.id.as_str()) {
        if g.bars == 0 {
            g.first_country = &r.country;
        }
        g.bars += 1;
        if g.korea.is_none() && crate::chart::is_korea(&r.country) {
            g.korea = Some((crate::chart::bar(r, currency, krw), r));
        }
    }
    g
}

/// An amount in the fewest columns that still names the same figure: `$950`, `$2.5k`, `$10k`,
/// `₩14.5M`; an amount that would need rounding is written whole (`$1,724`, never `$1.7k`).
pub fn tight_amount(value: u64, currency: Currency) -> String {
    if (1_000..10_000).contains(&value)
        && let Some(text) = crate::money::short_exact(value, 1_000, "k", currency)
    {
        return text;
    }
    crate::money::short(value, currency)
}

/// A range's bounds with signs for its words: `$599+` (from, over, as low as: that or more),
/// `≤$50` (up to), `~$7.5k` (near, about), `$10k–$40k+`, `$14k avg`.
pub fn compact_bounds(
    min: Option<u64>,
    max: Option<u64>,
    qualifier: Option<crate::model::Qualifier>,
    fmt: impl Fn(u64) -> String,
) -> String {
    use crate::model::Qualifier as Q;
    let span = |lo: u64, hi: u64| {
        if lo == hi {
            fmt(lo)
        } else {
            format!("{}–{}", fmt(lo), fmt(hi))
        }
    };
    match (min, max, qualifier) {
        (Some(lo), Some(hi), Some(Q::Plus)) => format!("{}+", span(lo, hi)),
        (Some(lo), None, _) => format!("{}+", fmt(lo)),
        (None, Some(hi), _) => format!("≤{}", fmt(hi)),
        (Some(lo), Some(hi), Some(Q::Average)) => format!("{} avg", span(lo, hi)),
        (Some(lo), Some(hi), Some(Q::Near | Q::About)) => format!("~{}", span(lo, hi)),
        (Some(lo), Some(hi), _) => span(lo, hi),
        (None, None, _) => "—".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn costs_like() -> Badge {
        Badge {
            parts: vec![
                Part::fixed(&["Korea"], 2),
                Part::fixed(&["≈$276–$1,724"], 0),
                Part::fixed(&["per session"], 1),
            ],
            separator: " ",
            fallback: None,
        }
    }

    #[test]
    fn the_least_important_part_goes_first_and_figures_are_never_cut() {
        let b = costs_like();
        assert_eq!(b.fit(40), "Korea ≈$276–$1,724 per session");
        assert_eq!(b.fit(25), "≈$276–$1,724 per session");
        assert_eq!(b.fit(15), "≈$276–$1,724");
        assert_eq!(
            b.fit(11),
            "",
            "a figure that does not fit is not shown at all"
        );
    }

    #[test]
    fn a_part_shortens_to_its_declared_form() {
        let b = Badge {
            parts: vec![Part::fixed(evidence_forms(Evidence::Investigational), 0)],
            separator: " · ",
            fallback: None,
        };
        assert_eq!(b.least(), 9);
        assert_eq!(b.fit(20), "investigational");
        assert_eq!(b.fit(10), "investig…");
        assert_eq!(b.fit(5), "");
    }

    #[test]
    fn words_are_cut_between_words() {
        let b = Badge {
            parts: vec![
                Part::fixed(&["stay"], 1),
                Part::words("$70–$150 per night", 0),
            ],
            separator: " · ",
            fallback: Some("stay".into()),
        };
        assert_eq!(b.fit(30), "stay · $70–$150 per night");
        assert_eq!(b.fit(18), "$70–$150 per night");
        assert_eq!(b.fit(14), "$70–$150 per…");
        assert_eq!(b.fit(9), "$70–$150…");
        assert_eq!(b.fit(8), "stay", "the fallback when nothing else fits");
        assert_eq!(b.fit(3), "");
        assert_eq!(
            cut_between_words("up to 90 days", 10),
            None,
            "never \"up to 90…\""
        );
        assert_eq!(
            cut_between_words("3-4 hours per session", 12).as_deref(),
            Some("3-4 hours…")
        );
        assert_eq!(
            cut_between_words("New York, United States", 12).as_deref(),
            Some("New York…")
        );
    }

    #[test]
    fn compact_figures_keep_their_meaning_in_signs() {
        let usd = |v| tight_amount(v, Currency::USD);
        assert_eq!(usd(2_500), "$2.5k");
        assert_eq!(usd(6_000), "$6k");
        assert_eq!(usd(950), "$950");
        assert_eq!(usd(1_724), "$1,724", "never rounded into another figure");
        assert_eq!(
            compact_bounds(Some(2_500), Some(6_000), None, usd),
            "$2.5k–$6k"
        );
        assert_eq!(compact_bounds(Some(599), None, None, usd), "$599+");
        assert_eq!(compact_bounds(None, Some(50), None, usd), "≤$50");
        assert_eq!(
            compact_bounds(
                Some(15_000),
                Some(40_000),
                Some(crate::model::Qualifier::Plus),
                usd
            ),
            "$15k–$40k+"
        );
    }

    #[test]
    fn names_are_not_cut_inside_a_figure() {
        assert_eq!(cut_name("Hair transplant", 20), "Hair transplant");
        assert_eq!(cut_name("Stay for 90 days", 11), "Stay for…");
        assert_eq!(cut_name("Phase 12345 trial", 9), "Phase…");
        assert_eq!(cut_name("Autologous stem cells", 12), "Autologous…");
        assert_eq!(cut_name("Autologous stem cells", 14), "Autologous st…");
        let alike = [
            "Stem-cell therapy for hair loss",
            "Stem-cell therapy for scars, per session",
        ];
        assert_eq!(shared_words(&alike), 3);
        assert_eq!(without_first_words(alike[1], 3), "…scars, per session");
        assert_eq!(shared_words(&["Same", "Same"]), 0, "a word must be left");
        assert_eq!(shared_words(&["C-3-3 visa", "C-3-3 stay"]), 0, "codes stay");
    }
}

/// The narrowest a name gets to give its badge room.
pub const MIN_NAME: usize = 12;

/// The most columns a name keeps from its badge.
pub const NAME_WANT: usize = 24;

/// One row's wants, in columns: its name (without tree marks), its badge in its widest form, and
/// the least its badge needs (see [`Badge::least`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowWants {
    /// The name's width.
    pub name: usize,
    /// The badge's widest form's width.
    pub badge: usize,
    /// The room the badge's most important part needs.
    pub least: usize,
}

impl RowWants {
    /// What a row with this name and badge wants.
    pub fn of(name: &str, badge: &Badge) -> RowWants {
        RowWants {
            name: text::width(name),
            badge: text::width(&badge.full()),
            least: badge.least(),
        }
    }
}

/// Lists up to this many rows look for names that cut alike (to cut them in the middle instead);
/// longer ones cut every name at its end, as comparing every name takes longer than a frame.
pub const ALIKE_ROWS: usize = 5_000;

/// What a list's rows want, measured once over every row (the list's width and its column of
/// badges must not change as it scrolls): the widest name, the widest badge and the room its most
/// important part needs, and the names (for lists of up to [`ALIKE_ROWS`] rows).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListMeasure {
    /// The widest name, in columns.
    pub widest_name: usize,
    /// The widest badge in its widest form.
    pub widest_badge: usize,
    /// The room every badge's most important part needs in its shortest form.
    pub least_badge: usize,
    /// Every row's name as drawn, when the list is short enough to compare them.
    pub names: Option<Vec<String>>,
}

impl ListMeasure {
    /// Measures rows given by what each wants.
    pub fn of(rows: impl IntoIterator<Item = RowWants>, names: Option<Vec<String>>) -> ListMeasure {
        let mut m = ListMeasure {
            names,
            ..ListMeasure::default()
        };
        for w in rows {
            m.widest_name = m.widest_name.max(w.name);
            m.widest_badge = m.widest_badge.max(w.badge);
            m.least_badge = m.least_badge.max(w.least);
        }
        m
    }
}

/// A list's column of badges in a given room: how wide it is, the room left for names, and which
/// names share a beginning when cut (those are cut in the middle, so rows stay told apart).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListColumns {
    /// Columns the badges get (0: no badges).
    pub badge_width: usize,
    /// Columns a name may take when it has a badge beside it.
    pub name_room: usize,
    /// Names that would look the same when cut at their end, and how many words they share first.
    pub shared_starts: std::collections::HashMap<String, usize>,
}

impl ListColumns {
    /// The columns for a measured list in `room` columns. Badges get what they want while names keep
    /// what they want up to [`NAME_WANT`] columns, and always room for every row's most important
    /// part in its shortest form: a name is cut before a figure is dropped.
    pub fn new(m: &ListMeasure, room: usize) -> ListColumns {
        let name_want = m.widest_name.min(NAME_WANT);
        let badge_width = m
            .widest_badge
            .min(room.saturating_sub(name_want + GAP).max(m.least_badge));
        let badge_width = if room.saturating_sub(badge_width + GAP) < MIN_NAME {
            room.saturating_sub(MIN_NAME + GAP)
        } else {
            badge_width
        };
        let name_room = room.saturating_sub(badge_width + GAP);
        // Names by what their cut keeps (the cut is that and `…`; in no columns, nothing).
        let mut alike: std::collections::HashMap<&str, Vec<&str>> = Default::default();
        for n in m.names.iter().flatten() {
            if text::width(n) > name_room {
                let kept = if name_room == 0 {
                    ""
                } else {
                    cut_kept(n, name_room)
                };
                alike.entry(kept).or_default().push(n);
            }
        }
        let shared_starts = alike
            .into_iter()
            .filter(|(_, group)| group.len() > 1)
            .map(|(kept, group)| {
                let cut = if name_room == 0 {
                    String::new()
                } else {
                    format!("{kept}…")
                };
                (cut, shared_words(&group))
            })
            .collect();
        ListColumns {
            badge_width,
            name_room,
            shared_starts,
        }
    }

    /// A name in `room` columns: whole, cut at its end, or, when names share that beginning, cut in
    /// the middle.
    pub fn name(&self, name: &str, room: usize) -> String {
        let end = cut_name(name, room);
        match self.shared_starts.get(&end) {
            Some(&words) if room == self.name_room && words > 0 => {
                cut_name(&without_first_words(name, words), room)
            }
            _ => end,
        }
    }
}
