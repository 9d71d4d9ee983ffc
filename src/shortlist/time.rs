//! Wall-clock timestamps without a date library: milliseconds since the Unix epoch, written as
//! RFC 3339 in UTC (`2026-05-01T09:30:00.000Z`), so the shortlist file stays readable by people.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A moment in UTC, to the millisecond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(u64);

/// The last timestamp handed out by [`Timestamp::now`], so later calls are strictly later.
static LAST: AtomicU64 = AtomicU64::new(0);

impl Timestamp {
    /// The current time; strictly later than any earlier call in this process, so two edits made one
    /// after the other are ordered even when the clock has not moved (or moved back).
    pub fn now() -> Timestamp {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        let mut prev = LAST.load(Ordering::Relaxed);
        loop {
            let next = wall.max(prev + 1);
            match LAST.compare_exchange_weak(prev, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return Timestamp(next),
                Err(p) => prev = p,
            }
        }
    }

    /// A timestamp from milliseconds since 1970-01-01T00:00:00Z.
    pub const fn from_millis(ms: u64) -> Timestamp {
        Timestamp(ms)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub const fn millis(self) -> u64 {
        self.0
    }

    fn parts(self) -> (i64, u32, u32, u64, u64, u64, u64) {
        let secs = self.0 / 1000;
        let (y, m, d) = civil_from_days(i64::try_from(secs / 86_400).unwrap_or(i64::MAX));
        let rem = secs % 86_400;
        (
            y,
            m,
            d,
            rem / 3600,
            rem % 3600 / 60,
            rem % 60,
            self.0 % 1000,
        )
    }

    /// The date in UTC: `2026-05-01`.
    pub fn date(self) -> String {
        let (y, m, d, ..) = self.parts();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// RFC 3339 in UTC with milliseconds: `2026-05-01T09:30:00.000Z`.
    pub fn rfc3339(self) -> String {
        let (y, mo, d, h, mi, s, ms) = self.parts();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z")
    }

    /// A compact form for file names: `20260501T093000Z`.
    pub fn compact(self) -> String {
        let (y, mo, d, h, mi, s, _) = self.parts();
        format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (UTC only), as [`Timestamp::rfc3339`] writes it.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.strip_suffix('Z').or_else(|| s.strip_suffix('z'))?;
        let (date, time) = s.split_once(['T', 't'])?;
        let mut d = date.split('-');
        let (y, mo, dd) = (d.next()?, d.next()?, d.next()?);
        if d.next().is_some() || y.len() != 4 || mo.len() != 2 || dd.len() != 2 {
            return None;
        }
        let (y, mo, dd): (i64, u32, u32) = (num(y)?, num(mo)?, num(dd)?);
        let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
        let mut t = hms.split(':');
        let (h, mi, sec) = (t.next()?, t.next()?, t.next()?);
        if t.next().is_some() || [h, mi, sec].iter().any(|p| p.len() != 2) {
            return None;
        }
        let (h, mi, sec): (u64, u64, u64) = (num(h)?, num(mi)?, num(sec)?);
        if !(1970..=9999).contains(&y)
            || !(1..=12).contains(&mo)
            || dd == 0
            || dd > days_in_month(y, mo)
            || h > 23
            || mi > 59
            || sec > 59
        {
            return None;
        }
        let ms = if frac.is_empty() {
            0
        } else {
            if !frac.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let digits: String = frac.chars().chain("000".chars()).take(3).collect();
            digits.parse::<u64>().ok()?
        };
        let days = u64::try_from(days_from_civil(y, mo, dd)).ok()?;
        Some(Timestamp(
            ((days * 86_400) + h * 3600 + mi * 60 + sec) * 1000 + ms,
        ))
    }
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Year, month, day of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as u32, d as u32)
}

/// Days since 1970-01-01 of a date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a time like \"2026-05-01T09:30:00.000Z\""
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        let t = Timestamp::from_millis(1_777_627_800_123);
        assert_eq!(t.rfc3339(), "2026-05-01T09:30:00.123Z");
        assert_eq!(t.date(), "2026-05-01");
        assert_eq!(t.compact(), "20260501T093000Z");
        assert_eq!(Timestamp::parse(&t.rfc3339()), Some(t));
        assert_eq!(
            Timestamp::parse("2026-05-01T09:30:00Z"),
            Some(Timestamp::from_millis(1_777_627_800_000))
        );
        assert_eq!(Timestamp::parse("1970-01-01T00:00:00Z"), Some(Timestamp(0)));
        assert_eq!(
            Timestamp::parse("2024-02-29T23:59:59.9Z").map(Timestamp::rfc3339),
            Some("2024-02-29T23:59:59.900Z".to_owned())
        );
    }

    #[test]
    fn refuses_bad_times() {
        for s in [
            "",
            "2026-05-01",
            "2026-05-01T09:30:00",
            "2026-13-01T09:30:00Z",
            "2025-02-29T09:30:00Z",
            "2026-05-01T24:00:00Z",
            "2026-5-01T09:30:00Z",
            "2026-05-01T09:30:00.x1Z",
            "+026-05-01T09:30:00Z",
        ] {
            assert_eq!(Timestamp::parse(s), None, "{s}");
        }
    }

    #[test]
    fn now_is_strictly_increasing() {
        let a = Timestamp::now();
        let b = Timestamp::now();
        assert!(b > a);
    }
}
