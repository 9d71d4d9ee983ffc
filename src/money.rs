//! Money as people read it: `$10,000`, `₩14,500,000`, `₩14.5M`, and ranges with open ends.

use crate::model::{CostRange, Currency, Qualifier};

/// Formats a whole amount with thousands separators: `$10,000`, `₩14,500,000`.
pub fn amount(value: u64, currency: Currency) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    out.push_str(currency.symbol());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Formats an amount compactly for tight spaces: `$10k`, `₩14.5M`, `$950`. Only a shortening that
/// names the same figure is taken (`$19.2k` is 19,200); any other amount is written whole
/// (`$14,413`, never `$14.4k`), so no figure is rounded into a different one.
pub fn short(value: u64, currency: Currency) -> String {
    let (div, suffix) = match value {
        v if v >= 1_000_000_000 => (1_000_000_000, "B"),
        v if v >= 1_000_000 => (1_000_000, "M"),
        v if v >= 10_000 => (1_000, "k"),
        _ => return amount(value, currency),
    };
    short_exact(value, div, suffix, currency).unwrap_or_else(|| amount(value, currency))
}

/// `value` as a whole or one-decimal multiple of `div` with `suffix`, when that is exactly it.
pub fn short_exact(value: u64, div: u64, suffix: &str, currency: Currency) -> Option<String> {
    let tenth = div / 10;
    if tenth == 0 || !value.is_multiple_of(tenth) {
        return None;
    }
    let (whole, tenths) = (value / div, (value % div) / tenth);
    let text = if tenths == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{tenths}")
    };
    Some(format!("{}{text}{suffix}", currency.symbol()))
}

/// Converts an amount between currencies at `krw_per_usd`, rounded to the nearest whole unit.
pub fn convert(value: u64, from: Currency, to: Currency, krw_per_usd: f64) -> u64 {
    match (from, to) {
        (Currency::USD, Currency::KRW) => (value as f64 * krw_per_usd).round() as u64,
        (Currency::KRW, Currency::USD) => (value as f64 / krw_per_usd).round() as u64,
        _ => value,
    }
}

pub use crate::model::{open_above, shape_problem};

/// The bounds of a range, as people read them, given a formatter for one amount: "$10–$20",
/// "$15,000–$40,000+", "near $7,500", "over $15,000", "as low as $67", "$14,413 on average".
pub fn bounds_text(
    min: Option<u64>,
    max: Option<u64>,
    qualifier: Option<Qualifier>,
    fmt: impl Fn(u64) -> String,
) -> String {
    let span = |lo: u64, hi: u64| {
        if lo == hi {
            fmt(lo)
        } else {
            format!("{}–{}", fmt(lo), fmt(hi))
        }
    };
    match (min, max, qualifier) {
        (Some(lo), Some(hi), Some(Qualifier::Plus)) => format!("{}+", span(lo, hi)),
        (Some(lo), None, Some(Qualifier::Plus)) => format!("{}+", fmt(lo)),
        (Some(lo), None, Some(Qualifier::AsLowAs)) => format!("as low as {}", fmt(lo)),
        (Some(lo), None, Some(Qualifier::Over)) => format!("over {}", fmt(lo)),
        (Some(lo), None, Some(Qualifier::FromAbout)) => format!("from about {}", fmt(lo)),
        (Some(lo), None, _) => format!("from {}", fmt(lo)),
        (None, Some(hi), _) => format!("up to {}", fmt(hi)),
        (Some(lo), Some(hi), Some(Qualifier::Average)) => format!("{} on average", span(lo, hi)),
        (Some(lo), Some(hi), Some(Qualifier::Near)) => format!("near {}", span(lo, hi)),
        (Some(lo), Some(hi), Some(Qualifier::About)) => format!("about {}", span(lo, hi)),
        (Some(lo), Some(hi), _) => span(lo, hi),
        (None, None, _) => "—".to_owned(),
    }
}

/// A cost range in its own currency: `$10,000–$20,000`, `from ₩869,000`, `$200+`.
pub fn range_text(c: &CostRange) -> String {
    bounds_text(c.min, c.max, c.qualifier, |v| amount(v, c.currency))
}

/// A cost range converted to another currency, marked as converted with the rate and its date:
/// `≈₩14,500,000–₩29,000,000 (converted at ₩1,450 per $1, dated 2025)`. `None` when the range is
/// already in that currency.
pub fn converted_text(c: &CostRange, to: Currency, krw_per_usd: f64, date: &str) -> Option<String> {
    if c.currency == to {
        return None;
    }
    let fmt = |v: u64| format!("≈{}", amount(convert(v, c.currency, to, krw_per_usd), to));
    Some(format!(
        "{} (converted at ₩{} per $1, dated {date})",
        bounds_text(c.min, c.max, c.qualifier, fmt),
        amount(krw_per_usd.round() as u64, Currency::USD).trim_start_matches('$')
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_have_separators() {
        assert_eq!(amount(10_000, Currency::USD), "$10,000");
        assert_eq!(amount(14_500_000, Currency::KRW), "₩14,500,000");
        assert_eq!(amount(598, Currency::USD), "$598");
        assert_eq!(amount(0, Currency::USD), "$0");
    }

    #[test]
    fn short_amounts() {
        assert_eq!(short(14_500_000, Currency::KRW), "₩14.5M");
        assert_eq!(short(10_000, Currency::USD), "$10k");
        assert_eq!(short(2_500, Currency::USD), "$2,500");
        assert_eq!(short(29_000_000, Currency::KRW), "₩29M");
        assert_eq!(short(19_200, Currency::USD), "$19.2k");
        assert_eq!(short(14_413, Currency::USD), "$14,413", "never $14.4k");
        assert_eq!(short(27_840_000, Currency::KRW), "₩27,840,000");
        assert_eq!(short(478_500, Currency::KRW), "₩478.5k");
    }

    #[test]
    fn conversion_rounds() {
        assert_eq!(
            convert(10_000, Currency::USD, Currency::KRW, 1450.0),
            14_500_000
        );
        assert_eq!(convert(869_000, Currency::KRW, Currency::USD, 1450.0), 599);
        assert_eq!(convert(5, Currency::USD, Currency::USD, 1450.0), 5);
    }

    #[test]
    fn converted_ranges_are_marked_with_rate_and_date() {
        let c: CostRange = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(
                r#"(id: "x", name: "x", summary: "x", group: "g", country: "US", min: 10000, max: 20000,
                    currency: USD, unit: FullCourse, year: 2025, sources: [])"#,
            )
            .unwrap();
        assert_eq!(
            converted_text(&c, Currency::KRW, 1450.0, "2025").unwrap(),
            "≈₩14,500,000–≈₩29,000,000 (converted at ₩1,450 per $1, dated 2025)"
        );
        assert_eq!(converted_text(&c, Currency::USD, 1450.0, "2025"), None);
    }

    #[test]
    fn open_ended_ranges_say_so() {
        let f = |v| amount(v, Currency::USD);
        assert_eq!(
            bounds_text(Some(200), None, Some(Qualifier::Plus), f),
            "$200+"
        );
        assert_eq!(
            bounds_text(Some(67), None, Some(Qualifier::AsLowAs), f),
            "as low as $67"
        );
        assert_eq!(bounds_text(Some(10), Some(20), None, f), "$10–$20");
        assert_eq!(
            bounds_text(Some(14_413), Some(14_413), Some(Qualifier::Average), f),
            "$14,413 on average"
        );
    }

    #[test]
    fn open_topped_ranges_and_approximations_keep_their_words() {
        let f = |v| amount(v, Currency::USD);
        let plus = Some(Qualifier::Plus);
        assert_eq!(
            bounds_text(Some(15_000), Some(40_000), plus, f),
            "$15,000–$40,000+"
        );
        assert!(open_above(Some(15_000), Some(40_000), plus));
        assert!(open_above(Some(3), None, plus));
        assert!(!open_above(Some(10), Some(20), None));
        assert!(!open_above(None, Some(20), Some(Qualifier::UpTo)));
        let near = Some(Qualifier::Near);
        assert_eq!(
            bounds_text(Some(7_500), Some(7_500), near, f),
            "near $7,500"
        );
        assert_eq!(
            bounds_text(Some(14_413), Some(14_413), Some(Qualifier::About), f),
            "about $14,413"
        );
        assert_eq!(
            bounds_text(Some(15_000), None, Some(Qualifier::Over), f),
            "over $15,000"
        );
        let krw = |v| amount(v, Currency::KRW);
        assert_eq!(
            bounds_text(Some(869_000), None, Some(Qualifier::FromAbout), krw),
            "from about ₩869,000"
        );
    }

    #[test]
    fn converted_open_topped_range_marks_each_figure() {
        let c: CostRange = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(
                r#"(id: "x", name: "x", summary: "x", group: "g", country: "KR", min: 15000, max: 40000,
                    qualifier: Plus, currency: USD, unit: PerSession, year: 2026, sources: [])"#,
            )
            .unwrap();
        assert_eq!(
            converted_text(&c, Currency::KRW, 1450.0, "2025").unwrap(),
            "≈₩21,750,000–≈₩58,000,000+ (converted at ₩1,450 per $1, dated 2025)"
        );
        assert!(c.open_above());
    }

    #[test]
    fn shapes_that_do_not_fit_their_qualifier_are_named() {
        use Qualifier::*;
        assert!(shape_problem(Some(1), Some(2), Some(AsLowAs)).is_some());
        assert!(shape_problem(Some(1), None, Some(UpTo)).is_some());
        assert!(shape_problem(Some(1), None, Some(Near)).is_some());
        assert!(shape_problem(Some(1), Some(2), Some(Plus)).is_none());
        assert!(shape_problem(Some(1), None, Some(Over)).is_none());
        assert!(shape_problem(Some(7), Some(7), Some(Near)).is_none());
        assert!(shape_problem(None, Some(7), Some(UpTo)).is_none());
    }
}
