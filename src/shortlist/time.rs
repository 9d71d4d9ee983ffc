//! Wall-clock timestamps: milliseconds since the Unix epoch, written as RFC 3339 in UTC
//! (`2026-05-01T09:30:00.000Z`), so the shortlist file stays readable by people. Formatting and
//! parsing are jiff's; this type adds the strictly increasing clock and the millisecond count the
//! file's merge compares.

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

    /// The moment as jiff sees it (every `u64` millisecond count this type holds fits).
    fn jiff(self) -> jiff::Timestamp {
        i64::try_from(self.0)
            .ok()
            .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
            .unwrap_or(jiff::Timestamp::MAX)
    }

    /// The date in UTC: `2026-05-01`.
    pub fn date(self) -> String {
        self.jiff().strftime("%Y-%m-%d").to_string()
    }

    /// RFC 3339 in UTC with milliseconds: `2026-05-01T09:30:00.000Z`.
    pub fn rfc3339(self) -> String {
        format!("{:.3}", self.jiff())
    }

    /// A compact form for file names: `20260501T093000Z`.
    pub fn compact(self) -> String {
        self.jiff().strftime("%Y%m%dT%H%M%SZ").to_string()
    }

    /// Parses an RFC 3339 time in UTC (`YYYY-MM-DDTHH:MM:SS[.fff]Z`), as [`Timestamp::rfc3339`]
    /// writes it; a time with another offset is refused, as is one before 1970. Digits past the
    /// millisecond are dropped.
    pub fn parse(s: &str) -> Option<Timestamp> {
        if !s.ends_with(['Z', 'z'])
            || s.len() < 20
            || !s.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        let t: jiff::Timestamp = s.parse().ok()?;
        u64::try_from(t.as_millisecond()).ok().map(Timestamp)
    }
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
            "2026-05-01T09:30:00+09:00",
            "1969-12-31T23:59:59Z",
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
