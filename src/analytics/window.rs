//! The collection window and its slices (AWX HEAD's `calculate_collection_interval`,
//! `trivial_slicing` and `four_hour_slicing`), as pure functions of the requested bounds, the
//! clock and the bookkeeping.
//!
//! Windows are half-open `(start, end]`: a row belongs to a slice when `start < t <= end`, so
//! consecutive slices and consecutive runs never send a row twice nor skip one.

use std::collections::BTreeMap;

use chrono::Duration;

use crate::time::Timestamp;

/// How far back any gather looks: AWX's four-week horizon.
pub fn horizon_span() -> Duration {
    Duration::weeks(4)
}

/// Length of one slice of an expensive collector.
pub fn slice_span() -> Duration {
    Duration::hours(4)
}

/// The resolved window of one gather.
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    /// The start asked for on the command line (clamped); `None` means "from the bookkeeping".
    pub since: Option<Timestamp>,
    pub until: Timestamp,
    /// The last gather time to fall back on (never older than the horizon).
    pub last_gather: Timestamp,
}

/// Outcome of [`compute`]: the interval (or none when the request is empty) and the warnings
/// AWX logs while clamping.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub interval: Option<Interval>,
    pub warnings: Vec<String>,
}

/// AWX HEAD's rules:
/// 1. bounds in the future are clamped to now;
/// 2. with `since`, `until` is capped at `since` + 4 weeks (or, when absent, min(since + 4 weeks, now));
///    without either, `until` = now;
/// 3. `since >= until` is an empty request;
/// 4. a `since` older than `until` − 4 weeks is raised to that horizon;
/// 5. the stored last-gather time (or the horizon when unset) is raised to the horizon.
pub fn compute(since: Option<Timestamp>, until: Option<Timestamp>, now: Timestamp, stored_last_gather: Option<Timestamp>) -> Computed {
    let mut warnings = Vec::new();
    let mut since = since;
    let mut until = until;
    if let Some(u) = until
        && u > now
    {
        until = Some(now);
        warnings.push(format!("the end of the collection interval ({}) is in the future; using now ({})", show(&u), show(&now)));
    }
    if let Some(s) = since
        && s > now
    {
        since = Some(now);
        warnings.push(format!("the start of the collection interval ({}) is in the future; using now ({})", show(&s), show(&now)));
    }
    let until = match (since, until) {
        (Some(s), Some(u)) => {
            let cap = s + horizon_span();
            if u > cap {
                warnings.push(format!("the end of the collection interval is more than 4 weeks after its start; using {}", show(&cap)));
                cap
            } else {
                u
            }
        }
        (Some(s), None) => std::cmp::min(s + horizon_span(), now),
        (None, Some(u)) => u,
        (None, None) => now,
    };
    if let Some(s) = since
        && s >= until
    {
        warnings.push(format!(
            "the start of the collection interval ({}) is not before its end ({}); nothing to gather",
            show(&s),
            show(&until)
        ));
        return Computed { interval: None, warnings };
    }
    let horizon = until - horizon_span();
    if let Some(s) = since
        && s < horizon
    {
        since = Some(horizon);
        warnings.push(format!(
            "the start of the collection interval is more than 4 weeks before its end ({}); using {}",
            show(&until),
            show(&horizon)
        ));
    }
    let last_gather = match stored_last_gather {
        None => horizon,
        Some(t) if t < horizon => {
            warnings.push(format!(
                "the last gather ({}) was more than 4 weeks before {}; using {}",
                show(&t),
                show(&until),
                show(&horizon)
            ));
            horizon
        }
        Some(t) => t,
    };
    Computed { interval: Some(Interval { since, until, last_gather }), warnings }
}

impl Interval {
    /// Where collector `key` starts: the given `since`, else max(its last entry or the last
    /// gather, horizon).
    pub fn start_for(&self, key: &str, last_entries: &BTreeMap<String, Timestamp>) -> Timestamp {
        if let Some(s) = self.since {
            return s;
        }
        let horizon = self.until - horizon_span();
        let from = last_entries.get(key).copied().unwrap_or(self.last_gather);
        std::cmp::max(from, horizon)
    }
}

/// How a collector's window is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slicing {
    /// One slice `(start, until]`.
    Trivial,
    /// Consecutive four-hour slices from start to until (the last one shorter).
    FourHour,
}

/// The slices of `(start, until]`. A start at or after `until` gives no slices for
/// [`Slicing::FourHour`] and one (empty-window) slice for [`Slicing::Trivial`] — full-dump
/// collectors still run then, as in AWX.
pub fn slices(slicing: Slicing, start: Timestamp, until: Timestamp) -> Vec<(Timestamp, Timestamp)> {
    match slicing {
        Slicing::Trivial => vec![(start, until)],
        Slicing::FourHour => {
            let mut out = Vec::new();
            let mut s = start;
            while s < until {
                let e = std::cmp::min(s + slice_span(), until);
                out.push((s, e));
                s = e;
            }
            out
        }
    }
}

fn show(t: &Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse;

    fn t(s: &str) -> Timestamp {
        parse(s).unwrap()
    }

    const NOW: &str = "2026-06-30T12:00:00Z";

    #[test]
    fn defaults_to_now_and_horizon() {
        let c = compute(None, None, t(NOW), None);
        let i = c.interval.unwrap();
        assert_eq!(i.until, t(NOW));
        assert_eq!(i.since, None);
        assert_eq!(i.last_gather, t("2026-06-02T12:00:00Z"));
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn future_bounds_are_clamped() {
        let c = compute(Some(t("2026-06-30T10:00:00Z")), Some(t("2026-07-05T00:00:00Z")), t(NOW), None);
        let i = c.interval.unwrap();
        assert_eq!(i.until, t(NOW));
        assert_eq!(i.since, Some(t("2026-06-30T10:00:00Z")));
        assert_eq!(c.warnings.len(), 1);
        // A start in the future becomes now, which is not before the end: empty.
        let c = compute(Some(t("2026-07-01T00:00:00Z")), None, t(NOW), None);
        assert!(c.interval.is_none());
    }

    #[test]
    fn until_is_capped_four_weeks_after_since() {
        let c = compute(Some(t("2026-01-01T00:00:00Z")), Some(t("2026-03-01T00:00:00Z")), t(NOW), None);
        let i = c.interval.unwrap();
        assert_eq!(i.until, t("2026-01-29T00:00:00Z"));
        let c = compute(Some(t("2026-01-01T00:00:00Z")), None, t(NOW), None);
        assert_eq!(c.interval.unwrap().until, t("2026-01-29T00:00:00Z"));
        let c = compute(Some(t("2026-06-29T00:00:00Z")), None, t(NOW), None);
        assert_eq!(c.interval.unwrap().until, t(NOW));
    }

    #[test]
    fn since_before_horizon_is_raised() {
        let c = compute(Some(t("2026-05-01T00:00:00Z")), Some(t("2026-06-30T00:00:00Z")), t(NOW), None);
        // until capped to since + 4 weeks first, so since stays.
        assert_eq!(c.interval.unwrap().since, Some(t("2026-05-01T00:00:00Z")));
        let c = compute(None, Some(t("2026-06-30T00:00:00Z")), t(NOW), Some(t("2026-01-01T00:00:00Z")));
        let i = c.interval.unwrap();
        assert_eq!(i.last_gather, t("2026-06-02T00:00:00Z"));
        assert_eq!(c.warnings.len(), 1);
    }

    #[test]
    fn empty_request() {
        let c = compute(Some(t("2026-06-10T00:00:00Z")), Some(t("2026-06-10T00:00:00Z")), t(NOW), None);
        assert!(c.interval.is_none());
        assert!(c.warnings[0].contains("nothing to gather"));
    }

    #[test]
    fn per_collector_start_uses_last_entry_then_last_gather_then_horizon() {
        let i = compute(None, None, t(NOW), Some(t("2026-06-29T00:00:00Z"))).interval.unwrap();
        let mut entries = BTreeMap::new();
        assert_eq!(i.start_for("events_table", &entries), t("2026-06-29T00:00:00Z"));
        entries.insert("events_table".to_string(), t("2026-06-30T08:00:00Z"));
        assert_eq!(i.start_for("events_table", &entries), t("2026-06-30T08:00:00Z"));
        entries.insert("events_table".to_string(), t("2025-01-01T00:00:00Z"));
        assert_eq!(i.start_for("events_table", &entries), t("2026-06-02T12:00:00Z"));
        let given = compute(Some(t("2026-06-30T00:00:00Z")), None, t(NOW), None).interval.unwrap();
        assert_eq!(given.start_for("events_table", &entries), t("2026-06-30T00:00:00Z"));
    }

    #[test]
    fn four_hour_slices_cover_the_window_exactly() {
        let s = slices(Slicing::FourHour, t("2026-06-30T01:00:00Z"), t("2026-06-30T12:30:00Z"));
        assert_eq!(
            s,
            vec![
                (t("2026-06-30T01:00:00Z"), t("2026-06-30T05:00:00Z")),
                (t("2026-06-30T05:00:00Z"), t("2026-06-30T09:00:00Z")),
                (t("2026-06-30T09:00:00Z"), t("2026-06-30T12:30:00Z")),
            ]
        );
        assert!(slices(Slicing::FourHour, t(NOW), t(NOW)).is_empty());
        assert_eq!(slices(Slicing::Trivial, t(NOW), t(NOW)).len(), 1);
    }
}
