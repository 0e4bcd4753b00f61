//! Calendar dates (`YYYY-MM-DD`) and timestamps (RFC 3339 in UTC), validated without a
//! date library: the app only stores and compares them, it never does date arithmetic.

use std::fmt;

/// A valid calendar date such as `2026-03-31`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// 1 January 1970, a stand-in where a clock gives nothing usable.
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// Parses `YYYY-MM-DD` (years 1900–9999), checking that the day exists in that month.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])? as u16;
        let month = digits(&b[5..7])? as u8;
        let day = digits(&b[8..10])? as u8;
        if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A moment in UTC, kept exactly as written (`2026-11-29T06:21:29Z`, optionally with a
/// fraction of a second such as `.123`), so that export → import → export is identical.
/// Ordered by the moment it names (`…29Z` before `…29.5Z`), then by its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    /// The date and time to the second, and the fraction in nanoseconds.
    fn instant(&self) -> (&str, u32) {
        let (whole, fraction) = self.0.trim_end_matches('Z').split_at(19.min(self.0.len()));
        let digits = fraction.trim_start_matches('.');
        let nanos = format!("{digits:0<9}").parse().unwrap_or(0);
        (whole, nanos)
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.instant(), &self.0).cmp(&(other.instant(), &other.0))
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Timestamp {
    /// Parses an RFC 3339 UTC timestamp ending in `Z`.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let (date, rest) = text.split_once('T')?;
        Date::parse(date)?;
        let time = rest.strip_suffix('Z')?;
        let (hms, fraction) = match time.split_once('.') {
            Some((hms, fraction)) => (hms, Some(fraction)),
            None => (time, None),
        };
        let b = hms.as_bytes();
        if b.len() != 8 || b[2] != b':' || b[5] != b':' {
            return None;
        }
        let (h, m, s) = (digits(&b[0..2])?, digits(&b[3..5])?, digits(&b[6..8])?);
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
        if let Some(fraction) = fraction {
            if fraction.is_empty() || fraction.len() > 9 || digits(fraction.as_bytes()).is_none() {
                return None;
            }
        }
        Some(Timestamp(text.to_owned()))
    }

    /// The timestamp for a count of seconds since 1970-01-01T00:00:00Z.
    pub fn from_unix_seconds(seconds: u64) -> Timestamp {
        let days = seconds / 86_400;
        let rem = seconds % 86_400;
        let (y, m, d) = civil_from_days(days);
        Timestamp(format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        ))
    }

    /// The timestamp as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its calendar date in UTC.
    pub fn date(&self) -> Date {
        // Every timestamp starts with a valid date ([`Timestamp::parse`]).
        self.0
            .get(..10)
            .and_then(Date::parse)
            .unwrap_or(Date::EPOCH)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Converts days since 1970-01-01 to a (year, month, day) in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`, restricted to dates after 1970).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0u32, |n, d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    }))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_check_the_calendar() {
        assert_eq!(
            Date::parse("2026-03-31").map(|d| d.to_string()),
            Some("2026-03-31".into())
        );
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2026-04-31").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert!(Date::parse("26-01-01xx").is_none());
        assert!(Date::parse("").is_none());
    }

    #[test]
    fn unix_seconds_format_as_utc() {
        assert_eq!(
            Timestamp::from_unix_seconds(0).as_str(),
            "1970-01-01T00:00:00Z"
        );
        assert_eq!(
            Timestamp::from_unix_seconds(951_782_400).as_str(),
            "2000-02-29T00:00:00Z"
        );
        assert_eq!(
            Timestamp::from_unix_seconds(1_795_936_889).as_str(),
            "2026-11-29T07:21:29Z"
        );
    }

    #[test]
    fn timestamps_are_utc_rfc3339() {
        assert!(Timestamp::parse("2026-11-29T06:21:29Z").is_some());
        assert!(Timestamp::parse("2026-11-29T06:21:29.123Z").is_some());
        assert!(Timestamp::parse("2026-11-29T06:21:29+01:00").is_none());
        assert!(Timestamp::parse("2026-11-29T24:00:00Z").is_none());
        assert!(Timestamp::parse("2026-11-29 06:21:29Z").is_none());
        assert!(Timestamp::parse("2026-11-29T06:21:29.Z").is_none());
    }

    #[test]
    fn timestamps_order_by_the_moment() {
        let t = |s| Timestamp::parse(s).expect("valid");
        assert!(t("2026-11-29T08:15:42Z") < t("2026-11-29T08:15:42.507Z"));
        assert!(t("2026-11-29T08:15:42.5Z") < t("2026-11-29T08:15:42.51Z"));
        assert!(t("2026-11-29T08:15:41.9Z") < t("2026-11-29T08:15:42Z"));
        assert_ne!(t("2026-11-29T08:15:42.5Z"), t("2026-11-29T08:15:42.50Z"));
    }
}
