//! Licensing: the stored license, AWX's `validate()` fields, enforcement and admin alerts.
//!
//! A license is a JSON document with AWX's fields (`subscription_name`, `sku`, `support_level`,
//! `instance_count`, `license_date` (epoch seconds), `license_type` (enterprise | trial |
//! developer | open), `trial`, …) plus an optional Ed25519 `signature` (see [`signature`]).
//! It is stored as the internal setting `license`. No license installed means `open`:
//! everything is allowed, as in AWX itself.
//!
//! - [`validate`] computes AWX's fields from a document, the host count and the time (pure);
//!   [`current`] does it for the stored license.
//! - [`enforce`] holds the checks other commands call (inventory import, job launch).
//! - [`alerts`] the e-mail alerts of `check_license --notify`.

pub mod alerts;
pub mod enforce;
pub mod signature;

use ed25519_dalek::VerifyingKey;
use serde::Serialize;
use serde_json::{Map, Value as Json, json};

use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::settings::{self, Setting};

/// Internal setting key holding the installed license document.
pub const STORE_KEY: &str = "license";

/// AWX's SUBSCRIPTION_TIMEOUT: warning window and default grace period (30 days).
pub const THIRTY_DAYS: i64 = 2_592_000;
/// AWX's MAX_INSTANCES, used for `instance_count: -1` (unlimited).
pub const MAX_INSTANCES: i64 = 9_999_999;
/// Usage (percent of licensed hosts) from which check_license reports a warning.
pub const USAGE_WARNING_PERCENT: i64 = 90;
/// The last license date taken: 9999-12-31T23:59:59Z in epoch seconds.
pub const LAST_LICENSE_DATE: i64 = 253_402_300_799;

pub const LICENSE_TYPES: &[&str] = &["enterprise", "trial", "developer", "open"];

pub static LICENSE_PUBLIC_KEY: Setting<Json> = Setting::new(
    "license_public_key",
    "\"\"",
    settings::Kind::Any,
    "Ed25519 public key licenses must be signed with (base64, hex or PEM; a list during key rotation); empty: signatures are not checked",
);
pub static LICENSE_ALLOW_UNSIGNED: Setting<bool> = Setting::new(
    "license_allow_unsigned",
    "false",
    settings::Kind::Bool,
    "Accept a license without signature although license_public_key is set",
);
pub static TOWER_ADMIN_ALERTS: Setting<bool> = Setting::new(
    "tower_admin_alerts",
    "true",
    settings::Kind::Bool,
    "Email superusers when host usage is over 90% or the license expires within 30 days (check_license --notify)",
);
pub static LICENSE_ALERT_INTERVAL: Setting<i64> = Setting::new(
    "license_alert_interval",
    "\"7d\"",
    settings::SECONDS,
    "How long an unchanged license alert stays quiet before it is sent again (seconds, or 12h, 7d, ...)",
);

/// Where a license comes from and how it was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SigStatus {
    /// No license is installed.
    None,
    /// Verified against a configured public key.
    Verified,
    /// Unsigned, accepted (no key configured, or license_allow_unsigned).
    Unsigned,
    /// Signed, but no public key is configured to check it.
    NotChecked,
    /// Refused: bad signature, or unsigned while signatures are required.
    Invalid,
}

/// The configured public keys (empty: signatures are not checked).
pub fn public_keys(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<Vec<VerifyingKey>> {
    let v = settings::get(tx, secrets, &LICENSE_PUBLIC_KEY)?;
    let texts: Vec<String> = match v {
        Json::Null => vec![],
        Json::String(s) => vec![s],
        Json::Array(a) => a.into_iter().map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string())).collect(),
        other => vec![other.to_string()],
    };
    texts
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| signature::parse_public_key(t).map_err(|e| Error::config(format!("setting license_public_key: {e}"))))
        .collect()
}

/// The outcome of the signature policy: the status, or why the document is refused.
pub type SigCheck = std::result::Result<SigStatus, String>;

/// Apply the signature policy. `Err` is the reason the document is refused.
pub fn check_signature(doc: &Map<String, Json>, keys: &[VerifyingKey], allow_unsigned: bool) -> SigCheck {
    if keys.is_empty() {
        return Ok(if doc.get(signature::FIELD).is_some_and(|s| !s.is_null()) { SigStatus::NotChecked } else { SigStatus::Unsigned });
    }
    match signature::verify(doc, keys) {
        signature::Check::Valid(_) => Ok(SigStatus::Verified),
        signature::Check::Unsigned if allow_unsigned => Ok(SigStatus::Unsigned),
        signature::Check::Unsigned => Err("the license is not signed, and signatures are required (license_public_key is set; \
             set license_allow_unsigned to true to accept unsigned licenses)"
            .into()),
        signature::Check::Invalid(why) => Err(format!("bad license signature: {why}")),
    }
}

/// The terms of a license, read from its document.
#[derive(Debug, Clone, PartialEq)]
pub struct Terms {
    pub license_type: String,
    pub instance_count: i64,
    pub license_date: i64,
    pub trial: bool,
    /// Seconds after `license_date` during which an expired (non-trial) license still works.
    pub grace_period: i64,
}

/// Read and check the terms. `Err((field, problem))`.
pub fn terms(doc: &Map<String, Json>) -> std::result::Result<Terms, (&'static str, String)> {
    let license_type = match doc.get("license_type") {
        Some(Json::String(s)) if LICENSE_TYPES.contains(&s.as_str()) => s.clone(),
        Some(Json::String(s)) if s == "UNLICENSED" => {
            return Err(("license_type", "UNLICENSED is what awxm reports without a valid license; it cannot be installed".into()));
        }
        Some(other) => return Err(("license_type", format!("must be one of {}, not {other}", LICENSE_TYPES.join(", ")))),
        None => return Err(("license_type", format!("is required (one of {})", LICENSE_TYPES.join(", ")))),
    };
    let open = license_type == "open";
    let instance_count = match doc.get("instance_count") {
        Some(Json::Number(n)) => match n.as_i64() {
            Some(-1) => MAX_INSTANCES,
            Some(i) if i >= 0 => i,
            _ => return Err(("instance_count", format!("must be a whole number of hosts (or -1 for unlimited), not {n}"))),
        },
        None | Some(Json::Null) if open => 0,
        None | Some(Json::Null) => return Err(("instance_count", "is required (the number of licensed hosts; -1 for unlimited)".into())),
        Some(other) => return Err(("instance_count", format!("must be a number, not {other}"))),
    };
    let license_date = match doc.get("license_date") {
        Some(Json::Number(n)) => match n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e18).map(|f| f as i64)) {
            Some(t) if (0..=LAST_LICENSE_DATE).contains(&t) => t,
            _ => return Err(("license_date", format!("must be epoch seconds from 0 to {LAST_LICENSE_DATE} (9999-12-31), not {n}"))),
        },
        Some(Json::String(s)) => match crate::time::parse(s).map(|t| t.timestamp()) {
            Some(t) if (0..=LAST_LICENSE_DATE).contains(&t) => t,
            Some(_) => return Err(("license_date", format!("{s:?} is outside 1970-01-01 .. 9999-12-31"))),
            None => return Err(("license_date", format!("{s:?} is not a date (epoch seconds, 2027-01-31 or RFC 3339)"))),
        },
        None | Some(Json::Null) if open => 0,
        None | Some(Json::Null) => {
            return Err(("license_date", "is required (expiry as epoch seconds or a date such as 2027-01-31)".into()));
        }
        Some(other) => return Err(("license_date", format!("must be epoch seconds or a date, not {other}"))),
    };
    let trial = match doc.get("trial") {
        Some(Json::Bool(b)) => *b,
        None | Some(Json::Null) => license_type == "trial",
        Some(other) => return Err(("trial", format!("must be true or false, not {other}"))),
    };
    let grace_period = match doc.get("grace_period") {
        None | Some(Json::Null) => THIRTY_DAYS,
        Some(Json::Number(n)) => match n.as_i64() {
            Some(i) if (0..=crate::time::MAX_SECONDS as i64).contains(&i) => i,
            _ => return Err(("grace_period", format!("must be seconds from 0 to {}, not {n}", crate::time::MAX_SECONDS))),
        },
        Some(Json::String(s)) => match crate::time::parse_duration(s) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => return Err(("grace_period", e)),
        },
        Some(other) => return Err(("grace_period", format!("must be seconds or a duration such as 30d, not {other}"))),
    };
    Ok(Terms { license_type, instance_count, license_date, trial, grace_period })
}

/// The overall state, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No license (or an `open` one): everything allowed.
    Open,
    /// A stored license that is not valid (bad signature under a configured key).
    Unlicensed,
    /// Past the license date (possibly still within the grace period).
    Expired,
    /// More hosts than licensed.
    NotCompliant,
    /// ≥ 90% of licensed hosts used, or fewer than 30 days left.
    Warning,
    Compliant,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Unlicensed => "unlicensed",
            Status::Expired => "expired",
            Status::NotCompliant => "not_compliant",
            Status::Warning => "warning",
            Status::Compliant => "compliant",
        }
    }
}

/// AWX's `validate()` result, plus awxm's summary fields.
#[derive(Debug, Clone)]
pub struct Validation {
    pub license_type: String,
    pub valid_key: bool,
    pub trial: bool,
    pub instance_count: Option<i64>,
    pub license_date: Option<i64>,
    pub current_instances: i64,
    /// instance_count − current_instances, possibly negative (AWX clamps the reported
    /// `free_instances` to ≥ 0; enforcement uses this raw value).
    pub free_raw: Option<i64>,
    pub time_remaining: Option<i64>,
    pub grace_period_remaining: Option<i64>,
    pub compliant: bool,
    pub date_warning: bool,
    pub date_expired: bool,
    pub usage_percent: Option<f64>,
    /// Usage ≥ 90% (check_license's warning).
    pub usage_warning: bool,
    /// Usage > 90% (AWX's admin alert threshold: strictly greater).
    pub usage_alert: bool,
    pub signature: SigStatus,
    /// Why the stored license is not valid (Unlicensed).
    pub reason: Option<String>,
    /// The other stored fields (subscription_name, sku, support_level, ...), passed through.
    pub passthrough: Map<String, Json>,
}

impl Validation {
    pub fn status(&self) -> Status {
        if self.license_type == "open" {
            Status::Open
        } else if !self.valid_key {
            Status::Unlicensed
        } else if self.date_expired {
            Status::Expired
        } else if !self.compliant {
            Status::NotCompliant
        } else if self.usage_warning || self.date_warning {
            Status::Warning
        } else {
            Status::Compliant
        }
    }

    /// AWX's `free_instances` (clamped to ≥ 0).
    pub fn free_instances(&self) -> Option<i64> {
        self.free_raw.map(|f| f.max(0))
    }

    /// The validate() dictionary: stored fields, then the computed ones.
    pub fn to_map(&self) -> Map<String, Json> {
        let mut m = self.passthrough.clone();
        let mut put = |k: &str, v: Json| {
            m.insert(k.to_string(), v);
        };
        put("license_type", json!(self.license_type));
        put("valid_key", json!(self.valid_key));
        put("trial", json!(self.trial));
        put("instance_count", json!(self.instance_count));
        put("license_date", json!(self.license_date));
        put(
            "expires",
            json!(
                self.license_date
                    .filter(|d| *d > 0)
                    .and_then(|d| chrono::DateTime::from_timestamp(d, 0))
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            ),
        );
        put("current_instances", json!(self.current_instances));
        put("free_instances", json!(self.free_instances()));
        put("time_remaining", json!(self.time_remaining));
        put("grace_period_remaining", json!(self.grace_period_remaining));
        put("compliant", json!(self.compliant));
        put("date_warning", json!(self.date_warning));
        put("date_expired", json!(self.date_expired));
        put("usage_percent", json!(self.usage_percent));
        put("signature_status", json!(self.signature));
        put("status", json!(self.status().as_str()));
        if let Some(r) = &self.reason {
            put("reason", json!(r));
        }
        m
    }
}

/// AWX's fields that are computed, never taken from the stored document.
const COMPUTED: &[&str] = &[
    "valid_key",
    "current_instances",
    "free_instances",
    "time_remaining",
    "grace_period_remaining",
    "compliant",
    "date_warning",
    "date_expired",
    "usage_percent",
    "status",
    "expires",
    "reason",
    "signature_status",
    "available_instances",
];

/// Compute the validation of `doc` (None: no license installed) with `current` counted hosts at
/// time `now` (epoch seconds). `sig` is the outcome of [`check_signature`].
pub fn validate(doc: Option<&Map<String, Json>>, sig: SigCheck, current: i64, now: i64) -> Validation {
    let open = |passthrough: Map<String, Json>, signature: SigStatus| Validation {
        license_type: "open".into(),
        valid_key: true,
        trial: false,
        instance_count: None,
        license_date: None,
        current_instances: current,
        free_raw: None,
        time_remaining: None,
        grace_period_remaining: None,
        compliant: true,
        date_warning: false,
        date_expired: false,
        usage_percent: None,
        usage_warning: false,
        usage_alert: false,
        signature,
        reason: None,
        passthrough,
    };
    let unlicensed = |reason: String| {
        let mut p = Map::new();
        for k in ["subscription_name", "sku", "support_level"] {
            p.insert(k.into(), Json::Null);
        }
        p.insert("product_name".into(), json!("awxm"));
        Validation {
            license_type: "UNLICENSED".into(),
            valid_key: false,
            instance_count: Some(0),
            license_date: Some(0),
            compliant: false,
            signature: SigStatus::Invalid,
            reason: Some(reason),
            ..open(p, SigStatus::Invalid)
        }
    };
    let Some(doc) = doc else {
        let mut p = Map::new();
        p.insert("subscription_name".into(), json!("OPEN"));
        p.insert("product_name".into(), json!("awxm"));
        return open(p, SigStatus::None);
    };
    let sig = match sig {
        Ok(s) => s,
        Err(why) => return unlicensed(why),
    };
    let t = match terms(doc) {
        Ok(t) => t,
        Err((field, problem)) => return unlicensed(format!("stored license: {field} {problem}")),
    };
    let mut passthrough: Map<String, Json> = doc.clone();
    passthrough.remove(signature::FIELD);
    for k in COMPUTED {
        passthrough.remove(*k);
    }
    if t.license_type == "open" {
        return open(passthrough, sig);
    }
    // Saturating: stored documents are checked by `terms`, but no value may wrap a sum.
    let free = t.instance_count.saturating_sub(current);
    let time_remaining = t.license_date.saturating_sub(now);
    let grace_period_remaining = if t.trial { time_remaining } else { t.license_date.saturating_add(t.grace_period).saturating_sub(now) };
    let usage_percent = (t.instance_count > 0).then(|| (current as f64 * 1000.0 / t.instance_count as f64).round() / 10.0);
    let n = t.instance_count;
    Validation {
        license_type: t.license_type.clone(),
        valid_key: true,
        trial: t.trial,
        instance_count: Some(n),
        license_date: Some(t.license_date),
        current_instances: current,
        free_raw: Some(free),
        time_remaining: Some(time_remaining),
        grace_period_remaining: Some(grace_period_remaining),
        compliant: time_remaining > 0 && free >= 0,
        date_warning: time_remaining < THIRTY_DAYS,
        date_expired: time_remaining <= 0,
        usage_percent,
        // Integer comparisons: exactly 90% is a warning, and not an alert.
        // In i128, where no host count times 100 overflows.
        usage_warning: n > 0 && i128::from(current) * 100 >= i128::from(USAGE_WARNING_PERCENT) * i128::from(n),
        usage_alert: n > 0 && i128::from(current) * 100 > i128::from(USAGE_WARNING_PERCENT) * i128::from(n),
        signature: sig,
        reason: None,
        passthrough,
    }
}

/// AWX's licensing host count: distinct lower-cased host names across all inventories,
/// excluding hosts imported from another AWX/Tower (`controller`/`tower` sources).
pub fn count_hosts(tx: &mut Tx<'_>) -> Result<i64> {
    tx.scalar(
        "SELECT COUNT(DISTINCT LOWER(h.name)) FROM host h
         WHERE NOT EXISTS (SELECT 1 FROM host_inventory_source x JOIN inventory_source s ON s.id = x.inventory_source_id
                           WHERE x.host_id = h.id AND s.source IN ('controller', 'tower'))",
        &[],
    )
}

/// The stored license document, if any.
pub fn stored(tx: &mut Tx<'_>) -> Result<Option<Map<String, Json>>> {
    match settings::get_internal(tx, STORE_KEY)? {
        Some(Json::Object(m)) => Ok(Some(m)),
        Some(Json::Null) | None => Ok(None),
        Some(other) => {
            Err(Error::data(format!("the stored license is not a JSON object: {other}"))
                .detail("`awxm license remove` and install it again"))
        }
    }
}

/// The stored license with its signature checked under the current settings.
pub fn load(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<(Option<Map<String, Json>>, SigCheck)> {
    let doc = stored(tx)?;
    let sig = match &doc {
        None => Ok(SigStatus::None),
        Some(d) => {
            let keys = public_keys(tx, secrets)?;
            let allow = settings::get(tx, secrets, &LICENSE_ALLOW_UNSIGNED)?;
            check_signature(d, &keys, allow)
        }
    };
    Ok((doc, sig))
}

/// Validate the stored license against the hosts in the database now.
pub fn current(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<Validation> {
    let (doc, sig) = load(tx, secrets)?;
    let hosts = count_hosts(tx)?;
    Ok(validate(doc.as_ref(), sig, hosts, crate::time::now().timestamp()))
}

/// [`current`] for the import and launch checks: without a license, or with an open or invalid
/// one, their verdict does not depend on the host count (AWX returns before counting too), so
/// the hosts are counted only under a license that limits them (`current_instances` is 0
/// otherwise). Counting 100,000 hosts on every import and launch would be wasted.
pub fn current_for_checks(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<Validation> {
    let (doc, sig) = load(tx, secrets)?;
    let now = crate::time::now().timestamp();
    let v = validate(doc.as_ref(), sig.clone(), 0, now);
    if matches!(v.status(), Status::Open | Status::Unlicensed) {
        return Ok(v);
    }
    Ok(validate(doc.as_ref(), sig, count_hosts(tx)?, now))
}

/// 1-based line of the first occurrence of `"key"` in `text` (for `file:line` messages).
pub fn line_of(text: &str, key: &str) -> usize {
    let needle = format!("\"{key}\"");
    text.find(&needle).map(|i| text[..i].matches('\n').count() + 1).unwrap_or(1)
}

/// Parse and check a license file's text; returns the document and its signature status.
/// Errors are exit 65 with `file:line`.
pub fn parse_file(text: &str, file: &str, keys: &[VerifyingKey], allow_unsigned: bool) -> Result<(Map<String, Json>, SigStatus)> {
    let v: Json = serde_json::from_str(text).map_err(|e| Error::at(file, e.line().max(1), format!("not valid JSON: {e}")))?;
    let Json::Object(doc) = v else {
        return Err(Error::at(file, 1, "a license is a JSON object (with license_type, instance_count, license_date, ...)"));
    };
    terms(&doc).map_err(|(field, problem)| Error::at(file, line_of(text, field), format!("{field} {problem}")))?;
    let sig = check_signature(&doc, keys, allow_unsigned).map_err(|why| Error::at(file, line_of(text, signature::FIELD), why))?;
    Ok((doc, sig))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_900_000_000;
    const DAY: i64 = 86_400;

    fn doc(v: Json) -> Map<String, Json> {
        v.as_object().cloned().unwrap()
    }

    fn enterprise(count: i64, days_left: i64) -> Map<String, Json> {
        doc(json!({"subscription_name": "Ops", "sku": "X1", "license_type": "enterprise", "instance_count": count,
                   "license_date": NOW + days_left * DAY}))
    }

    fn v(d: &Map<String, Json>, hosts: i64) -> Validation {
        validate(Some(d), Ok(SigStatus::Unsigned), hosts, NOW)
    }

    #[test]
    fn no_license_is_open() {
        let r = validate(None, Ok(SigStatus::None), 12, NOW);
        assert_eq!(r.status(), Status::Open);
        let m = r.to_map();
        assert_eq!(m["license_type"], "open");
        assert_eq!(m["subscription_name"], "OPEN");
        assert_eq!(m["current_instances"], 12);
        assert_eq!(m["compliant"], true);
    }

    #[test]
    fn usage_thresholds_89_90_91() {
        let d = enterprise(100, 365);
        let (a, b, c) = (v(&d, 89), v(&d, 90), v(&d, 91));
        assert_eq!((a.usage_warning, a.usage_alert, a.status()), (false, false, Status::Compliant));
        assert_eq!((b.usage_warning, b.usage_alert, b.status()), (true, false, Status::Warning));
        assert_eq!((c.usage_warning, c.usage_alert, c.status()), (true, true, Status::Warning));
        assert_eq!(c.usage_percent, Some(91.0));
        assert_eq!(c.free_instances(), Some(9));
        // Over the count: not compliant, AWX's clamped free_instances.
        let o = v(&d, 101);
        assert_eq!((o.compliant, o.status(), o.free_instances(), o.free_raw), (false, Status::NotCompliant, Some(0), Some(-1)));
        // Small counts still compare exactly: 9 of 10 is 90%.
        assert!(v(&enterprise(10, 365), 9).usage_warning && !v(&enterprise(10, 365), 9).usage_alert);
    }

    #[test]
    fn dates_warning_expired_grace() {
        let w = v(&enterprise(100, 29), 1);
        assert_eq!((w.date_warning, w.date_expired, w.compliant, w.status()), (true, false, true, Status::Warning));
        assert_eq!(w.time_remaining, Some(29 * DAY));
        assert_eq!(w.grace_period_remaining, Some(59 * DAY));
        assert!(!v(&enterprise(100, 31), 1).date_warning);
        let e = v(&enterprise(100, -5), 1);
        assert_eq!((e.date_expired, e.compliant, e.status()), (true, false, Status::Expired));
        assert_eq!(e.grace_period_remaining, Some(25 * DAY));
        // Expiring exactly now is expired (time_remaining <= 0).
        assert!(v(&enterprise(100, 0), 1).date_expired);
        // A trial has no grace period.
        let mut t = enterprise(100, -5);
        t.insert("license_type".into(), json!("trial"));
        let tv = v(&t, 1);
        assert!(tv.trial);
        assert_eq!(tv.grace_period_remaining, tv.time_remaining);
        // A custom grace period.
        let mut g = enterprise(100, -5);
        g.insert("grace_period".into(), json!("10d"));
        assert_eq!(v(&g, 1).grace_period_remaining, Some(5 * DAY));
    }

    #[test]
    fn terms_are_checked() {
        assert_eq!(terms(&doc(json!({"license_type": "gold"}))).unwrap_err().0, "license_type");
        assert_eq!(terms(&doc(json!({"license_type": "enterprise", "license_date": 1}))).unwrap_err().0, "instance_count");
        assert_eq!(terms(&doc(json!({"license_type": "enterprise", "instance_count": 5}))).unwrap_err().0, "license_date");
        let t = terms(&doc(json!({"license_type": "enterprise", "instance_count": -1, "license_date": "2030-01-01"}))).unwrap();
        assert_eq!(t.instance_count, MAX_INSTANCES);
        assert_eq!(t.license_date, 1_893_456_000);
        assert!(terms(&doc(json!({"license_type": "open"}))).is_ok());
    }

    #[test]
    fn out_of_range_terms_are_refused_and_nothing_wraps() {
        let lic = |extra: Json| {
            let mut d = doc(json!({"license_type": "trial", "instance_count": 100, "license_date": NOW + 365 * DAY}));
            if let Json::Object(m) = extra {
                d.extend(m);
            }
            terms(&d).map_err(|e| e.0)
        };
        for date in [json!(i64::MIN), json!(-1), json!(-1e19), json!(1e300), json!(253_402_300_800_i64), json!("10000-01-01T00:00:00Z")] {
            assert_eq!(lic(json!({"license_date": date})).unwrap_err(), "license_date", "{date}");
        }
        assert_eq!(lic(json!({"license_date": 253_402_300_799_i64})).unwrap().license_date, LAST_LICENSE_DATE);
        for grace in [json!(-1), json!(i64::MAX), json!(2_147_483_648_i64)] {
            assert_eq!(lic(json!({"grace_period": grace})).unwrap_err(), "grace_period", "{grace}");
        }
        // A huge count is a huge license: 0 % used, no warning (90 × count wrapped before).
        let big = doc(json!({"license_type": "enterprise", "instance_count": i64::MAX, "license_date": NOW + 365 * DAY}));
        let r = v(&big, 1);
        assert!(!r.usage_warning && !r.usage_alert && r.compliant, "{r:?}");
        assert_eq!(r.status(), Status::Compliant);
    }

    #[test]
    fn invalid_signature_is_unlicensed_and_stored_fields_pass_through() {
        let d = enterprise(100, 365);
        let r = validate(Some(&d), Err("bad license signature".into()), 3, NOW);
        assert_eq!(r.status(), Status::Unlicensed);
        assert_eq!(r.to_map()["license_type"], "UNLICENSED");
        assert_eq!(r.to_map()["reason"], "bad license signature");
        let ok = v(&d, 3).to_map();
        assert_eq!(ok["subscription_name"], "Ops");
        assert_eq!(ok["sku"], "X1");
        assert!(!ok.contains_key("signature"));
        assert_eq!(ok["signature_status"], "unsigned");
    }

    #[test]
    fn file_errors_name_the_line() {
        let text = "{\n  \"license_type\": \"enterprise\",\n  \"instance_count\": \"ten\",\n  \"license_date\": 1\n}\n";
        let e = parse_file(text, "l.json", &[], false).unwrap_err();
        assert_eq!(e.exit_code(), 65);
        assert!(e.message.starts_with("l.json:3: instance_count"), "{}", e.message);
        let e = parse_file("{\n  \"a\": 1,,\n}", "l.json", &[], false).unwrap_err();
        assert!(e.message.starts_with("l.json:2:"), "{}", e.message);
    }
}
