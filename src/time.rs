//! Time helpers. Times are stored in UTC as fixed-width RFC 3339 text
//! (`2026-01-02T03:04:05.123456Z`), which sorts correctly as text on both backends.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

pub type Timestamp = DateTime<Utc>;

/// The current time. `AWXM_FAKE_NOW` (RFC 3339) pins it, for tests of time-dependent rules.
pub fn now() -> Timestamp {
    if let Some(s) = crate::config::env_var("AWXM_FAKE_NOW")
        && let Some(t) = parse(&s)
    {
        return t;
    }
    Utc::now()
}

/// The storage form of a timestamp.
pub fn fmt(t: &Timestamp) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub fn now_str() -> String {
    fmt(&now())
}

/// Parse RFC 3339 and the common forms operators type: `2026-01-02`, `2026-01-02 03:04`,
/// `2026-01-02T03:04:05` (UTC when no offset is given).
pub fn parse(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for f in ["%Y-%m-%d %H:%M:%S%.f%:z", "%Y-%m-%d %H:%M:%S%:z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Utc.from_utc_datetime(&t));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0).map(|t| Utc.from_utc_datetime(&t));
    }
    None
}

/// The longest duration awxm accepts anywhere, in seconds: 2^31 − 1 (about 68 years), the limit
/// of AWX's integer columns. Keeps every `Instant + Duration` and timestamp sum in range.
pub const MAX_SECONDS: u64 = 2_147_483_647;

/// The most days a `--days` option takes ([`MAX_SECONDS`] in days).
pub const MAX_DAYS: i64 = (MAX_SECONDS / 86_400) as i64;

/// `v` seconds as a duration when it is a finite number in `min..=max` (else `None`).
pub fn seconds_in(v: f64, min: f64, max: f64) -> Option<std::time::Duration> {
    (v.is_finite() && v >= min && v <= max).then(|| std::time::Duration::from_secs_f64(v))
}

/// Parse a duration such as `30d`, `12h`, `90m`, `45s`, `2w`, a compound one such as `1h30m`
/// or `1d 12h`, or a bare number of seconds, of at most [`MAX_SECONDS`]. The one parser for
/// durations given on the command line, in settings and in license files.
pub fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let secs =
        duration_secs(s).ok_or_else(|| format!("{:?} is not a duration (examples: 30d, 12h, 1h30m, 90m, 45s, 2w, 3600)", s.trim()))?;
    seconds_in(secs, 0.0, MAX_SECONDS as f64).ok_or_else(|| format!("{} is out of range (0 to {MAX_SECONDS} seconds)", s.trim()))
}

/// The seconds a duration stands for, unchecked; `None` when it is none. A duration is a
/// number (`1.5`, `-3`, `1e20`, even `NaN`: callers check the range), or one or more parts of a
/// number and a unit (`12h`, `1.5d`, `1h30m`, `1d 12h`; units s, m, h, d, w and their spelled-out
/// names).
pub fn duration_secs(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<f64>() {
        return Some(n);
    }
    if s.is_empty() {
        return None;
    }
    let mut rest = s;
    let mut total = 0.0;
    while !rest.is_empty() {
        let i = rest.find(|c: char| !c.is_ascii_digit() && c != '.')?;
        let (num, tail) = rest.split_at(i);
        let tail = tail.trim_start();
        let j = tail.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(j);
        let n: f64 = num.parse().ok()?;
        total += n * match unit {
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "h" | "hour" | "hours" => 3600.0,
            "d" | "day" | "days" => 86400.0,
            "w" | "week" | "weeks" => 7.0 * 86400.0,
            _ => return None,
        };
        rest = tail.trim_start();
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_form_round_trips_and_sorts() {
        let t = parse("2026-03-04T05:06:07.5+01:00").unwrap();
        assert_eq!(fmt(&t), "2026-03-04T04:06:07.500000Z");
        assert_eq!(parse(&fmt(&t)), Some(t));
        assert!(fmt(&parse("2026-03-04").unwrap()) < fmt(&t));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30d").unwrap().as_secs(), 30 * 86400);
        assert_eq!(parse_duration("90").unwrap().as_secs(), 90);
        assert_eq!(parse_duration("2 h").unwrap().as_secs(), 7200);
        assert!(parse_duration("3x").unwrap_err().contains("not a duration"));
        assert!(parse_duration("99999999999999999999").unwrap_err().contains("out of range"));
        assert!(parse_duration("1e20").is_err() && parse_duration("NaN").is_err() && parse_duration("-1").is_err());
        assert_eq!(parse_duration("2147483647").unwrap().as_secs(), MAX_SECONDS);
        assert_eq!(parse_duration("1.5h").unwrap().as_secs(), 5400);
    }

    #[test]
    fn compound_durations() {
        assert_eq!(parse_duration("1h30m").unwrap().as_secs(), 5400);
        assert_eq!(parse_duration("1h 30m").unwrap().as_secs(), 5400);
        assert_eq!(parse_duration("1d12h").unwrap().as_secs(), 36 * 3600);
        assert_eq!(parse_duration("2 weeks 1 day").unwrap().as_secs(), 15 * 86400);
        assert_eq!(duration_secs("1m30.5s"), Some(90.5));
        for bad in ["1h30", "h", "1h-30m", "1x30m", "30m1", "1h,30m", "", "1h 30m x"] {
            assert!(parse_duration(bad).is_err(), "{bad:?} was accepted");
        }
        assert!(parse_duration("68y").is_err() && parse_duration("9999999w").unwrap_err().contains("out of range"));
    }
}
