//! AWX's schedule rules: `DTSTART[;TZID=Zone]:YYYYMMDDTHHMMSS[Z]` followed by one or more
//! `RRULE:` and `EXRULE:` parts, validated with AWX's messages and expanded as python-dateutil
//! expands them (what AWX uses).
//!
//! dateutil does its arithmetic on wall-clock times in DTSTART's zone: a daily 09:00
//! Europe/Berlin rule stays at 09:00 local across DST changes. We do the same by expanding
//! each rule with the `rrule` crate over *naive* wall-clock times (handed to the crate as UTC,
//! where no DST exists) and only then placing each wall time in the zone:
//! - a wall time that does not exist (inside the spring-forward gap) is kept with
//!   `exists = false` — it counts for COUNT, as in dateutil — and is never run or previewed;
//! - an ambiguous wall time (the repeated autumn hour) is its first instant (dateutil's
//!   `fold=0`), so it runs once.
//!
//! UNTIL is compared as dateutil compares it, as an instant; each RRULE is expanded on its
//! own and the streams merged without duplicates, minus every EXRULE occurrence (dateutil's
//! `rruleset`). Long-running MINUTELY/HOURLY/DAILY/WEEKLY rules without COUNT are
//! fast-forwarded in whole intervals (AWX shifted DTSTART by whole days, which moved odd
//! intervals' phase; see the reference §11.8), so a rule started years ago costs the same as
//! a new one. Expansion is bounded: the crate stops after 100 000 empty periods, and we
//! never look more than [`MAX_SCAN`] occurrences ahead.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use rrule::{Frequency, RRule, RRuleSet, Unvalidated};

/// The most occurrences examined for one question (dtend of a long UNTIL rule, preview).
pub const MAX_SCAN: usize = 200_000;

/// The last year an occurrence may fall in.
pub const MAX_YEAR: i32 = 9999;

/// The zone DTSTART names: UTC (a `Z` time, or a UTC-like TZID) or an IANA zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    Utc,
    Iana(chrono_tz::Tz),
}

impl Zone {
    pub fn name(&self) -> String {
        match self {
            Zone::Utc => "UTC".into(),
            Zone::Iana(tz) => tz.name().to_string(),
        }
    }

    /// The instant of a wall time: the first one when it is ambiguous, and for a time in a
    /// gap, the one dateutil gives (read with the offset in force after the gap).
    fn instant(&self, wall: NaiveDateTime) -> (DateTime<FixedOffset>, bool) {
        match self {
            Zone::Utc => (Utc.from_utc_datetime(&wall).fixed_offset(), true),
            Zone::Iana(tz) => match tz.from_local_datetime(&wall) {
                chrono::LocalResult::Single(t) => (t.fixed_offset(), true),
                chrono::LocalResult::Ambiguous(first, _) => (first.fixed_offset(), true),
                chrono::LocalResult::None => {
                    // The offset after the transition: that of a time safely past the gap.
                    let after = tz.from_local_datetime(&(wall + Duration::hours(3))).earliest();
                    let off = after.map(|t| t.offset().fix()).unwrap_or_else(|| FixedOffset::east_opt(0).unwrap_or(Utc.fix()));
                    let utc = wall - Duration::seconds(i64::from(off.local_minus_utc()));
                    (Utc.from_utc_datetime(&utc).with_timezone(&off), false)
                }
            },
        }
    }

    /// The wall time of an instant.
    fn wall(&self, t: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Utc => t.naive_utc(),
            Zone::Iana(tz) => t.with_timezone(tz).naive_local(),
        }
    }
}

/// One rule part (`RRULE:` or `EXRULE:`), its UNTIL kept apart (an instant).
#[derive(Debug, Clone)]
struct Part {
    until: Option<DateTime<Utc>>,
    rule: RRule<Unvalidated>,
}

/// A parsed and validated schedule rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The rule as stored: UNTIL without `Z` rewritten to UTC (AWX's coercion).
    pub text: String,
    pub zone: Zone,
    /// DTSTART's wall time in [`Rule::zone`].
    dtstart: NaiveDateTime,
    rrules: Vec<Part>,
    exrules: Vec<Part>,
}

/// One occurrence: its wall time in the rule's zone (with the offset), its instant, and
/// whether that wall time exists (false inside a spring-forward gap).
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    pub local: DateTime<FixedOffset>,
    pub utc: DateTime<Utc>,
    pub exists: bool,
    wall: NaiveDateTime,
}

fn ci_find(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase().find(&needle.to_ascii_lowercase())
}

/// `YYYYMMDDTHHMMSS` → a naive time.
fn naive(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").ok()
}

/// The DTSTART token: zone text (None for a `Z` time) and the wall time text; `None` when the
/// string has no `DTSTART…:digitsTdigits`.
fn dtstart_token(s: &str) -> Option<(Option<String>, String, bool)> {
    let at = ci_find(s, "DTSTART")?;
    let rest = &s[at + "DTSTART".len()..];
    let token = rest.split_whitespace().next().unwrap_or("");
    let (params, value) = token.split_once(':')?;
    let digits = value.trim_end_matches(['Z', 'z']);
    let (d, t) = digits.split_once(['T', 't'])?;
    if d.is_empty() || t.is_empty() || !d.bytes().all(|b| b.is_ascii_digit()) || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let tzid = params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.eq_ignore_ascii_case("TZID").then(|| v.to_string())
    });
    Some((tzid, format!("{d}T{t}"), value.ends_with(['Z', 'z'])))
}

/// Zone names dateutil reads as UTC.
fn utc_like(name: &str) -> bool {
    matches!(name.to_ascii_uppercase().as_str(), "UTC" | "GMT" | "Z" | "UTC0" | "GMT0" | "ETC/UTC" | "ETC/GMT" | "UNIVERSAL" | "ZULU")
}

/// Parse and validate a rule as AWX does (reference §3.2–3.3), collecting AWX's messages.
/// Differences from AWX, on purpose: a part is named `RRULE:…` (AWX prints `RULE:…`).
pub fn parse(s: &str) -> Result<Rule, Vec<String>> {
    let lower = s.to_ascii_lowercase();
    if lower.contains("exdate:") {
        return Err(vec!["EXDATE not allowed in rrule.".into()]);
    }
    if lower.contains("rdate:") {
        return Err(vec!["RDATE not allowed in rrule.".into()]);
    }
    let mut errors = Vec::new();
    let start = dtstart_token(s);
    match &start {
        None => errors.push("Valid DTSTART required in rrule. Value should start with: DTSTART:YYYYMMDDTHHMMSSZ".to_string()),
        Some((None, _, false)) => errors.push("DTSTART cannot be a naive datetime.  Specify ;TZINFO= or YYYYMMDDTHHMMSSZZ.".to_string()),
        Some(_) => {}
    }
    if lower.matches("dtstart").count() > 1 {
        errors.push("Multiple DTSTART is not supported.".into());
    }
    if !lower.contains("rrule:") {
        errors.push("One or more rule required in rrule.".into());
    }
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut unknown = None;
    for tok in &tokens {
        let up = tok.to_ascii_uppercase();
        if up.starts_with("DTSTART") {
            continue;
        }
        if let Some(body) = up.strip_prefix("RRULE:").map(|_| &tok["RRULE:".len()..]) {
            parts.push((false, body));
        } else if let Some(body) = up.strip_prefix("EXRULE:").map(|_| &tok["EXRULE:".len()..]) {
            parts.push((true, body));
        } else if unknown.is_none() {
            unknown = Some(tok.split([':', ';']).next().unwrap_or(tok).to_string());
        }
    }
    for (ex, body) in &parts {
        let shown = format!("{}:{body}", if *ex { "EXRULE" } else { "RRULE" });
        let lb = body.to_ascii_lowercase();
        if !lb.contains("interval") {
            errors.push(format!("INTERVAL required in rrule: {shown}"));
        } else if lb.contains("secondly") {
            errors.push(format!("SECONDLY is not supported: {shown}"));
        }
        if let Some(i) = lb.find("byday=")
            && numeric_prefix(&body[i + "byday=".len()..])
        {
            errors.push(format!("BYDAY with numeric prefix not supported: {shown}"));
        }
        if body.contains("COUNT") && body.contains("UNTIL") {
            errors.push(format!("RRULE may not contain both COUNT and UNTIL: {shown}"));
        }
        if let Some(n) = first_count(body)
            && n > 999
        {
            errors.push(format!("COUNT > 999 is unsupported: {shown}"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    build(s, start, &parts, unknown).map_err(|e| vec![format!("rrule parsing failed validation: {e}")])
}

/// AWX's loose check: `BYDAY=` immediately followed by digits and two letters (so `-1MO`,
/// `+1MO` and `MO,2TU` pass, and dateutil then reads them — as AWX does).
fn numeric_prefix(after: &str) -> bool {
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && after[digits..].bytes().take(2).filter(u8::is_ascii_alphabetic).count() == 2
}

fn first_count(body: &str) -> Option<u64> {
    let i = ci_find(body, "COUNT=")?;
    let digits: String = body[i + 6..].chars().take_while(char::is_ascii_digit).collect();
    // An absurdly long number is over the limit too.
    Some(digits.parse::<u64>().unwrap_or(if digits.is_empty() { 0 } else { u64::MAX }))
}

fn build(s: &str, start: Option<(Option<String>, String, bool)>, parts: &[(bool, &str)], unknown: Option<String>) -> Result<Rule, String> {
    if let Some(name) = unknown {
        return Err(format!("unsupported property: {name}"));
    }
    let Some((tzid, wall, is_utc)) = start else { return Err("no DTSTART".into()) };
    let zone = match (&tzid, is_utc) {
        (_, true) => Zone::Utc,
        (Some(name), false) if utc_like(name) => Zone::Utc,
        (Some(name), false) => match name.parse::<chrono_tz::Tz>() {
            Ok(tz) => Zone::Iana(tz),
            Err(_) => return Err("A valid TZID must be provided (e.g., America/New_York)".into()),
        },
        (None, false) => return Err("A valid TZID must be provided (e.g., America/New_York)".into()),
    };
    let dtstart = naive(&wall).ok_or_else(|| format!("invalid DTSTART time {wall:?}"))?;
    let mut rrules = Vec::new();
    let mut exrules = Vec::new();
    let mut text = s.to_string();
    for (ex, body) in parts {
        let (part, coerced) = part(body, &zone)?;
        if let Some(c) = coerced {
            text = text.replacen(body, &c, 1);
        }
        if *ex { exrules.push(part) } else { rrules.push(part) }
    }
    let rule = Rule { text, zone, dtstart, rrules, exrules };
    // Let the crate check each part against DTSTART (ranges, combinations).
    for p in rule.rrules.iter().chain(&rule.exrules) {
        rule.expand(p, rule.dtstart).map_err(|e| e.to_string())?;
    }
    Ok(rule)
}

/// One part: UNTIL taken out (a `Z` time, or a wall time in DTSTART's zone as AWX coerces
/// it), the rest parsed by the crate. Returns the part and, when UNTIL had no `Z`, the
/// rewritten body (AWX stores the coerced rule).
fn part(body: &str, zone: &Zone) -> Result<(Part, Option<String>), String> {
    let mut until = None;
    let mut kept = Vec::new();
    let mut coerced = Vec::new();
    let mut changed = false;
    for kv in body.split(';').filter(|kv| !kv.is_empty()) {
        let Some((k, v)) = kv.split_once('=') else { return Err(format!("invalid rule part {kv:?}")) };
        if k.eq_ignore_ascii_case("UNTIL") {
            let t = until_instant(v, zone).ok_or_else(|| format!("invalid UNTIL value {v:?}"))?;
            if !v.ends_with(['Z', 'z']) {
                changed = true;
                coerced.push(format!("{k}={}", t.format("%Y%m%dT%H%M%SZ")));
            } else {
                coerced.push(kv.to_string());
            }
            until = Some(t);
            continue;
        }
        kept.push(kv.to_string());
        coerced.push(kv.to_string());
    }
    let body_wo = kept.join(";");
    let rule: RRule<Unvalidated> = body_wo.parse().map_err(|e: rrule::RRuleError| e.to_string())?;
    Ok((Part { until, rule }, changed.then(|| coerced.join(";"))))
}

/// UNTIL as an instant: `YYYYMMDD[THHMMSS]Z` is UTC; without `Z` it is wall time in
/// DTSTART's zone (AWX's coercion).
fn until_instant(v: &str, zone: &Zone) -> Option<DateTime<Utc>> {
    let z = v.ends_with(['Z', 'z']);
    let digits = v.trim_end_matches(['Z', 'z']);
    let wall = if digits.len() == 8 {
        NaiveDate::parse_from_str(digits, "%Y%m%d").ok()?.and_hms_opt(0, 0, 0)?
    } else {
        naive(&digits.to_ascii_uppercase())?
    };
    if z { Some(Utc.from_utc_datetime(&wall)) } else { Some(zone.instant(wall).0.with_timezone(&Utc)) }
}

/// A wall time handed to the crate: the same numbers, in UTC.
fn as_crate(t: NaiveDateTime) -> DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&t)
}

impl Rule {
    /// The zone's name as AWX's `timezone` field shows it.
    pub fn timezone(&self) -> String {
        self.zone.name()
    }

    /// The wall-clock stream of one part, from `from` (DTSTART, or a fast-forwarded start).
    fn expand(&self, p: &Part, from: NaiveDateTime) -> Result<rrule::RRuleSetIter, rrule::RRuleError> {
        let set: RRuleSet = p.rule.clone().build(as_crate(from))?.limit();
        Ok((&set).into_iter())
    }

    fn occurrence(&self, wall: NaiveDateTime) -> Occurrence {
        let (local, exists) = self.zone.instant(wall);
        Occurrence { utc: local.with_timezone(&Utc), local, exists, wall }
    }

    /// Where to start expanding `p` so that nothing after `after` is lost: DTSTART, or for
    /// a rule without COUNT whose period is fixed (MINUTELY, HOURLY, DAILY, WEEKLY), the
    /// latest DTSTART + k·period at least a week before `after`.
    fn start_for(&self, p: &Part, after: Option<NaiveDateTime>) -> NaiveDateTime {
        let Some(after) = after else { return self.dtstart };
        if p.rule.get_count().is_some() {
            return self.dtstart;
        }
        let unit = match p.rule.get_freq() {
            Frequency::Minutely => 60,
            Frequency::Hourly => 3600,
            Frequency::Daily => 86_400,
            Frequency::Weekly => 7 * 86_400,
            _ => return self.dtstart,
        };
        let period = unit * i64::from(p.rule.get_interval().max(1));
        let target = after - Duration::days(8);
        let gap = (target - self.dtstart).num_seconds();
        if gap <= period {
            return self.dtstart;
        }
        self.dtstart + Duration::seconds(gap / period * period)
    }

    /// Occurrences of one part (wall times, UNTIL applied) after `after` (wall), lazily.
    fn stream<'a>(&'a self, p: &'a Part, after: Option<NaiveDateTime>) -> impl Iterator<Item = NaiveDateTime> + 'a {
        let it = self.expand(p, self.start_for(p, after)).ok();
        it.into_iter()
            .flatten()
            .map(|t| t.naive_utc())
            .take_while(move |w| match p.until {
                Some(u) => self.occurrence(*w).utc <= u,
                None => true,
            })
            .take(MAX_SCAN * 4)
    }

    /// Every occurrence of the set in order, from the first after `after` (wall) when given.
    fn walk(&self, after: Option<NaiveDateTime>) -> impl Iterator<Item = Occurrence> + '_ {
        let mut streams: Vec<std::iter::Peekable<Box<dyn Iterator<Item = NaiveDateTime> + '_>>> =
            self.rrules.iter().map(|p| (Box::new(self.stream(p, after)) as Box<dyn Iterator<Item = NaiveDateTime>>).peekable()).collect();
        let mut ex: Vec<std::iter::Peekable<Box<dyn Iterator<Item = NaiveDateTime> + '_>>> =
            self.exrules.iter().map(|p| (Box::new(self.stream(p, after)) as Box<dyn Iterator<Item = NaiveDateTime>>).peekable()).collect();
        let mut last: Option<NaiveDateTime> = None;
        std::iter::from_fn(move || {
            loop {
                let (i, next) = streams.iter_mut().enumerate().filter_map(|(i, s)| s.peek().map(|t| (i, *t))).min_by_key(|(_, t)| *t)?;
                streams[i].next();
                if last == Some(next) {
                    continue;
                }
                last = Some(next);
                // Excluded when some EXRULE yields the same time.
                let excluded = ex.iter_mut().any(|e| {
                    while e.peek().is_some_and(|t| *t < next) {
                        e.next();
                    }
                    e.peek() == Some(&next)
                });
                if !excluded {
                    return Some(self.occurrence(next));
                }
            }
        })
        .take(MAX_SCAN)
        // Python's datetime (AWX's) ends with the year 9999, and so does RFC 3339.
        .take_while(|o| o.utc.year() <= MAX_YEAR && o.wall.year() <= MAX_YEAR)
    }

    /// The first occurrence of the set (`dtstart`), existing or not, as AWX stores it.
    pub fn first(&self) -> Option<Occurrence> {
        self.walk(None).next()
    }

    /// The last occurrence (`dtend`): only when every RRULE has COUNT or UNTIL.
    pub fn last(&self) -> Option<Occurrence> {
        if !self.rrules.iter().all(|p| p.until.is_some() || p.rule.get_count().is_some()) {
            return None;
        }
        // UNTIL rules: start near the end (fast-forward), COUNT rules from DTSTART.
        let latest_until = self.rrules.iter().filter_map(|p| p.until).max();
        let from = match (self.rrules.iter().any(|p| p.rule.get_count().is_some()), latest_until) {
            (false, Some(u)) => Some(self.zone.wall(u)),
            _ => None,
        };
        self.walk(from).last()
    }

    /// Occurrences strictly after `t` (at most `n`), existing or not.
    pub fn after(&self, t: DateTime<Utc>, n: usize) -> Vec<Occurrence> {
        self.walk(Some(self.zone.wall(t))).filter(|o| o.utc > t).take(n).collect()
    }

    /// AWX's `next_run`: the first occurrence strictly after `now` whose wall time exists.
    pub fn next_run(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let wall = self.zone.wall(now);
        self.walk(Some(wall)).find(|o| o.utc > now && o.exists).map(|o| o.utc)
    }

    /// The newest occurrence whose wall time exists in `[from, to]`, if any (the one a late
    /// tick may still launch within a schedule's `max_lateness`).
    pub fn latest_in(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let start = self.zone.wall(from - Duration::seconds(1));
        self.walk(Some(start)).skip_while(|o| o.utc < from).take_while(|o| o.utc <= to).filter(|o| o.exists).map(|o| o.utc).last()
    }

    /// The first RRULE's UNTIL as a naive wall time in DTSTART's zone (AWX's `until`), or "".
    pub fn until(&self) -> String {
        self.rrules.first().and_then(|p| p.until).map(|u| self.zone.wall(u).format("%Y-%m-%dT%H:%M:%S").to_string()).unwrap_or_default()
    }
}

/// A year is a leap year (for tests of rule corpora).
pub fn is_leap(y: i32) -> bool {
    NaiveDate::from_ymd_opt(y, 2, 29).is_some_and(|d| d.year() == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        crate::time::parse(s).unwrap()
    }

    fn errs(s: &str) -> Vec<String> {
        parse(s).err().unwrap_or_default()
    }

    #[test]
    fn awx_refusals_with_awx_messages() {
        assert_eq!(
            errs("DTSTART:20300115T120000Z RRULE:FREQ=DAILY;INTERVAL=1 EXDATE:20300116T120000Z"),
            vec!["EXDATE not allowed in rrule."]
        );
        assert_eq!(
            errs("DTSTART:20300115T120000Z RRULE:FREQ=DAILY;INTERVAL=1 RDATE:20300116T120000Z"),
            vec!["RDATE not allowed in rrule."]
        );
        assert_eq!(
            errs("RRULE:FREQ=DAILY;INTERVAL=1"),
            vec!["Valid DTSTART required in rrule. Value should start with: DTSTART:YYYYMMDDTHHMMSSZ"]
        );
        assert_eq!(
            errs("DTSTART:20300115T120000 RRULE:FREQ=DAILY;INTERVAL=1"),
            vec!["DTSTART cannot be a naive datetime.  Specify ;TZINFO= or YYYYMMDDTHHMMSSZZ."]
        );
        assert_eq!(
            errs("DTSTART:20300115T120000Z DTSTART:20300116T120000Z RRULE:FREQ=DAILY;INTERVAL=1"),
            vec!["Multiple DTSTART is not supported."]
        );
        assert_eq!(errs("DTSTART:20300115T120000Z EXRULE:FREQ=DAILY;INTERVAL=1"), vec!["One or more rule required in rrule."]);
        assert_eq!(errs("DTSTART:20300115T120000Z RRULE:FREQ=DAILY"), vec!["INTERVAL required in rrule: RRULE:FREQ=DAILY"]);
        assert_eq!(
            errs("DTSTART:20300115T120000Z RRULE:FREQ=SECONDLY;INTERVAL=1"),
            vec!["SECONDLY is not supported: RRULE:FREQ=SECONDLY;INTERVAL=1"]
        );
        assert_eq!(
            errs("DTSTART:20300115T120000Z RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO"),
            vec!["BYDAY with numeric prefix not supported: RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO"]
        );
        assert_eq!(
            errs("DTSTART:20300115T120000Z RRULE:FREQ=DAILY;INTERVAL=1;COUNT=3;UNTIL=20300120T000000Z"),
            vec!["RRULE may not contain both COUNT and UNTIL: RRULE:FREQ=DAILY;INTERVAL=1;COUNT=3;UNTIL=20300120T000000Z"]
        );
        assert_eq!(
            errs("DTSTART:20300115T120000Z RRULE:FREQ=DAILY;INTERVAL=1;COUNT=1000"),
            vec!["COUNT > 999 is unsupported: RRULE:FREQ=DAILY;INTERVAL=1;COUNT=1000"]
        );
        assert_eq!(
            errs("DTSTART;TZID=Mars/Olympus:20300115T120000 RRULE:FREQ=DAILY;INTERVAL=1"),
            vec!["rrule parsing failed validation: A valid TZID must be provided (e.g., America/New_York)"]
        );
        // Every check runs; the messages are collected.
        assert_eq!(errs("DTSTART:20300115T120000Z RRULE:FREQ=DAILY RRULE:FREQ=SECONDLY;INTERVAL=1").len(), 2);
        // AWX's loose BYDAY check lets these through, and they expand.
        assert!(parse("DTSTART:20300115T120000Z RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR").is_ok());
        assert!(errs("DTSTART:20300115T120000Z RRULE:FREQ=DAILY;INTERVAL=1 FOO:BAR")[0].contains("unsupported property: FOO"));
    }

    #[test]
    fn occurrences_end_with_the_year_9999() {
        let r = parse("DTSTART:20260101T000000Z RRULE:FREQ=YEARLY;INTERVAL=1").unwrap();
        let after = r.after(utc("9997-06-01T00:00:00Z"), 5);
        assert_eq!(after.iter().map(|o| o.utc).collect::<Vec<_>>(), [utc("9998-01-01T00:00:00Z"), utc("9999-01-01T00:00:00Z")]);
        assert_eq!(r.next_run(utc("9999-06-01T00:00:00Z")), None);
        // West of UTC the last local evening of 9999 is already 10000 in UTC: not an occurrence.
        let r = parse("DTSTART;TZID=America/New_York:20261231T230000 RRULE:FREQ=YEARLY;INTERVAL=1").unwrap();
        assert_eq!(r.after(utc("9998-06-01T00:00:00Z"), 5).len(), 1);
    }

    #[test]
    fn naive_until_is_coerced_to_utc_in_the_start_zone() {
        let r = parse("DTSTART;TZID=America/New_York:20200601T120000 RRULE:FREQ=HOURLY;INTERVAL=1;UNTIL=20200601T170000").unwrap();
        assert_eq!(r.text, "DTSTART;TZID=America/New_York:20200601T120000 RRULE:FREQ=HOURLY;INTERVAL=1;UNTIL=20200601T210000Z");
        assert_eq!(r.until(), "2020-06-01T17:00:00");
        assert_eq!(r.last().unwrap().utc, utc("2020-06-01T21:00:00Z"));
        assert_eq!(r.first().unwrap().utc, utc("2020-06-01T16:00:00Z"));
    }

    #[test]
    fn spring_forward_skips_the_missing_time_and_autumn_runs_once() {
        let r = parse("DTSTART;TZID=Europe/Berlin:20260320T023000 RRULE:FREQ=DAILY;INTERVAL=1").unwrap();
        // 2026-03-29 02:30 does not exist in Berlin.
        let next = r.next_run(utc("2026-03-28T02:00:00Z")).unwrap();
        assert_eq!(next, utc("2026-03-30T00:30:00Z"));
        let occ = r.after(utc("2026-03-28T02:00:00Z"), 2);
        assert!(!occ[0].exists);
        // 2026-10-25 02:30 happens twice: the first (CEST) instant, once.
        let next = r.next_run(utc("2026-10-24T01:00:00Z")).unwrap();
        assert_eq!(next, utc("2026-10-25T00:30:00Z"));
        assert_eq!(r.next_run(next).unwrap(), utc("2026-10-26T01:30:00Z"));
    }

    #[test]
    fn fast_forward_keeps_the_phase_of_odd_intervals() {
        let r = parse("DTSTART:20200101T000000Z RRULE:FREQ=MINUTELY;INTERVAL=7").unwrap();
        let now = utc("2026-12-07T06:00:00Z");
        let next = r.next_run(now).unwrap();
        let since = (next - utc("2020-01-01T00:00:00Z")).num_minutes();
        assert_eq!(since % 7, 0);
        assert!(next > now && next <= now + Duration::minutes(7));
        let r = parse("DTSTART:20200101T000000Z RRULE:FREQ=HOURLY;INTERVAL=5;BYMINUTE=0").unwrap();
        let next = r.next_run(now).unwrap();
        assert_eq!((next - utc("2020-01-01T00:00:00Z")).num_hours() % 5, 0);
    }

    #[test]
    fn rruleset_merges_and_excludes() {
        let r = parse(
            "DTSTART:20300101T090000Z RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5 RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3 EXRULE:FREQ=DAILY;INTERVAL=1;BYMONTHDAY=3",
        )
        .unwrap();
        let all: Vec<u32> = r.walk(None).map(|o| o.utc.day()).collect();
        assert_eq!(all, vec![1, 2, 4, 5]);
        assert_eq!(r.last().unwrap().utc.day(), 5);
        assert!(parse("DTSTART:20300101T090000Z RRULE:FREQ=DAILY;INTERVAL=1").unwrap().last().is_none());
    }

    #[test]
    fn a_rule_with_no_occurrence_ends() {
        let r = parse("DTSTART:20300101T090000Z RRULE:FREQ=YEARLY;INTERVAL=1;BYMONTH=2;BYMONTHDAY=30").unwrap();
        assert!(r.first().is_none());
        assert!(r.next_run(utc("2030-01-01T00:00:00Z")).is_none());
        assert!(is_leap(2028) && !is_leap(2030));
    }
}
