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

/// Formats an amount compactly for tight spaces: `$10k`, `₩14.5M`, `$950`.
pub fn short(value: u64, currency: Currency) -> String {
    let (div, suffix) = match value {
        v if v >= 1_000_000_000 => (1_000_000_000.0, "B"),
        v if v >= 1_000_000 => (1_000_000.0, "M"),
        v if v >= 10_000 => (1_000.0, "k"),
        _ => return amount(value, currency),
    };
    let x = value as f64 / div;
    let text =
        if x >= 100.0 || (x.fract() * 10.0).round() == 0.0 || (x.fract() * 10.0).round() == 10.0 {
            format!("{}", x.round() as u64)
        } else {
            format!("{x:.1}")
        };
    format!("{}{text}{suffix}", currency.symbol())
}

/// Converts an amount between currencies at `krw_per_usd`, rounded to the nearest whole unit.
pub fn convert(value: u64, from: Currency, to: Currency, krw_per_usd: f64) -> u64 {
    match (from, to) {
        (Currency::USD, Currency::KRW) => (value as f64 * krw_per_usd).round() as u64,
        (Currency::KRW, Currency::USD) => (value as f64 / krw_per_usd).round() as u64,
        _ => value,
    }
}

/// The bounds of a range, as people read them, given a formatter for one amount.
pub fn bounds_text(
    min: Option<u64>,
    max: Option<u64>,
    qualifier: Option<Qualifier>,
    fmt: impl Fn(u64) -> String,
) -> String {
    match (min, max, qualifier) {
        (Some(lo), None, Some(Qualifier::Plus)) => format!("{}+", fmt(lo)),
        (Some(lo), None, Some(Qualifier::AsLowAs)) => format!("as low as {}", fmt(lo)),
        (Some(lo), None, _) => format!("from {}", fmt(lo)),
        (None, Some(hi), _) => format!("up to {}", fmt(hi)),
        (Some(lo), Some(hi), Some(Qualifier::Average)) if lo == hi => {
            format!("{} on average", fmt(lo))
        }
        (Some(lo), Some(hi), _) if lo == hi => fmt(lo),
        (Some(lo), Some(hi), _) => format!("{}–{}", fmt(lo), fmt(hi)),
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
}
