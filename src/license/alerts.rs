//! Administrator e-mail alerts (AWX's old "Run Administrative Checks", repaired): when host
//! usage is over 90% of the licensed count (strictly greater, as AWX), or the license expires
//! within 30 days or has expired, every active superuser with an e-mail address gets a mail
//! from `default_from_email` through the SMTP server in settings.
//!
//! De-duplication: the last alert sent of each kind (`usage`, `expiry`) is remembered in the
//! internal setting `license_alert_state` with its state (`over_90`/`exceeded`,
//! `expiring`/`expired`), the license it was about and when it was sent. The same alert is not
//! sent again until its state changes (including the license being replaced, or the condition
//! clearing and coming back) or `license_alert_interval` has passed.

use serde::Serialize;
use serde_json::{Map, Value as Json, json};
use sha2::Digest;

use super::Validation;
use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::notifications::email::{self, Mail, SmtpConfig};
use crate::settings;

pub const STATE_KEY: &str = "license_alert_state";
const DAY: i64 = 86_400;

/// An alert due under the current validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    /// `usage` or `expiry`.
    pub kind: &'static str,
    /// `over_90`, `exceeded`, `expiring` or `expired`.
    pub state: &'static str,
    pub subject: String,
    pub body: String,
}

fn date_text(epoch: i64) -> String {
    chrono::DateTime::from_timestamp(epoch, 0).map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_else(|| epoch.to_string())
}

fn days(secs: i64) -> i64 {
    // Whole days, rounded towards zero but never showing "0 days" for a positive remainder.
    if secs > 0 { (secs + DAY - 1) / DAY } else { secs / DAY }
}

/// The alerts the validation calls for (before de-duplication).
pub fn due(v: &Validation) -> Vec<Alert> {
    let mut out = Vec::new();
    if !v.valid_key || v.license_type == "open" {
        return out;
    }
    let name = v.passthrough.get("subscription_name").and_then(|s| s.as_str()).unwrap_or("").to_string();
    let count = v.instance_count.unwrap_or(0);
    let expiry = v.license_date.map(date_text).unwrap_or_default();
    let facts = format!(
        "Subscription:     {}\nLicense type:     {}\nLicensed hosts:   {}\nHosts in use:     {}{}\nExpires:          {}\n\nRun `awxm check_license` for details.\n",
        if name.is_empty() { "-" } else { &name },
        v.license_type,
        count,
        v.current_instances,
        v.usage_percent.map(|p| format!(" ({p}%)")).unwrap_or_default(),
        expiry
    );
    if v.usage_alert {
        let (state, subject, lead) = if v.free_raw.unwrap_or(0) < 0 {
            (
                "exceeded",
                format!("awxm: licensed host count exceeded ({} of {count} hosts)", v.current_instances),
                format!("{} hosts are in use, more than the {count} this license covers.", v.current_instances),
            )
        } else {
            (
                "over_90",
                format!("awxm: host usage over 90% ({} of {count} licensed hosts)", v.current_instances),
                format!("{} of the {count} licensed hosts are in use ({}%).", v.current_instances, v.usage_percent.unwrap_or(0.0)),
            )
        };
        out.push(Alert { kind: "usage", state, subject, body: format!("{lead}\n\n{facts}") });
    }
    if v.date_expired {
        let grace = v.grace_period_remaining.unwrap_or(0);
        let lead = if grace > 0 {
            format!("The license expired on {expiry}. It keeps working for a grace period of {} more days.", days(grace))
        } else {
            format!("The license expired on {expiry}.")
        };
        out.push(Alert {
            kind: "expiry",
            state: "expired",
            subject: format!("awxm: license has expired ({expiry})"),
            body: format!("{lead}\n\n{facts}"),
        });
    } else if v.date_warning {
        let left = days(v.time_remaining.unwrap_or(0));
        out.push(Alert {
            kind: "expiry",
            state: "expiring",
            subject: format!("awxm: license will expire soon (in {left} days, {expiry})"),
            body: format!("The license expires on {expiry}, in {left} days.\n\n{facts}"),
        });
    }
    out
}

/// Identifies the license an alert was about (so installing another license re-alerts).
pub fn fingerprint(v: &Validation) -> String {
    let doc = json!({"p": v.passthrough, "t": v.license_type, "n": v.instance_count, "d": v.license_date, "trial": v.trial});
    let bytes = match doc {
        Json::Object(m) => super::signature::canonical_bytes(&m),
        _ => vec![],
    };
    hex::encode(&sha2::Sha256::digest(&bytes)[..8])
}

/// What happened to one alert.
#[derive(Debug, Clone, Serialize)]
pub struct AlertOutcome {
    pub kind: String,
    pub state: String,
    pub subject: String,
    pub sent: bool,
    pub recipients: Vec<String>,
    /// Why it was not sent (de-duplicated, disabled, no recipients).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

/// `license_alert_interval` in seconds (a number, or a duration such as `7d`).
pub fn interval(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<i64> {
    settings::get(tx, secrets, &super::LICENSE_ALERT_INTERVAL)
}

/// Superusers' e-mail addresses (active users with a non-empty address).
pub fn recipients(tx: &mut Tx<'_>) -> Result<Vec<String>> {
    let rows =
        tx.query("SELECT email FROM auth_user WHERE is_superuser = TRUE AND is_active = TRUE AND email <> '' ORDER BY username", &[])?;
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        let e: String = r.col("email")?;
        if !out.contains(&e) {
            out.push(e);
        }
    }
    Ok(out)
}

/// What to do with each due alert, decided from the database (see [`plan`]).
#[derive(Debug)]
pub struct Plan {
    items: Vec<(Alert, Option<String>)>,
    recipients: Vec<String>,
    smtp: Option<(SmtpConfig, String)>,
    fingerprint: String,
    now: crate::time::Timestamp,
    state: Map<String, Json>,
    before: Map<String, Json>,
}

/// The result of [`Plan::send`]: outcomes, the de-duplication state to store, and the error of
/// a failed send (exit 69, naming the server).
#[derive(Debug)]
pub struct Sent {
    pub outcomes: Vec<AlertOutcome>,
    pub failure: Option<Error>,
    state: Map<String, Json>,
    changed: bool,
}

/// Decide which due alerts to send (not duplicates, alerts on, someone to send to), reading
/// the settings and the de-duplication state. No network access.
pub fn plan(tx: &mut Tx<'_>, secrets: &Secrets, v: &Validation) -> Result<Plan> {
    let due = due(v);
    let before: Map<String, Json> = match settings::get_internal(tx, STATE_KEY)? {
        Some(Json::Object(m)) => m,
        _ => Map::new(),
    };
    let mut state = before.clone();
    // Conditions that cleared: forget them, so their return alerts again.
    state.retain(|kind, _| due.iter().any(|a| a.kind == kind));
    let now = crate::time::now();
    let fp = fingerprint(v);
    let mut items = Vec::new();
    let mut recipients_list = Vec::new();
    let mut smtp = None;
    if !due.is_empty() {
        let enabled = settings::get(tx, secrets, &super::TOWER_ADMIN_ALERTS)?;
        let every = interval(tx, secrets)?;
        recipients_list = recipients(tx)?;
        for a in due {
            let skip = if !enabled {
                Some("alerts are off (setting tower_admin_alerts is false)".to_string())
            } else if let Some(prev) = state.get(a.kind)
                && prev["state"] == a.state
                && prev["license"] == fp.as_str()
                && let Some(sent_at) = prev["sent_at"].as_str().and_then(crate::time::parse)
                && (now - sent_at).num_seconds() < every
            {
                let next = sent_at + chrono::Duration::seconds(every);
                Some(format!(
                    "already sent at {}; not repeated before {} unless the state changes",
                    crate::time::fmt(&sent_at),
                    crate::time::fmt(&next)
                ))
            } else if recipients_list.is_empty() {
                tracing::warn!("license alert {:?} not sent: no active superuser has an e-mail address", a.subject);
                Some("no active superuser has an e-mail address".to_string())
            } else {
                None
            };
            if skip.is_none() && smtp.is_none() {
                smtp = Some((
                    SmtpConfig::from_settings(tx, secrets)?,
                    settings::get(tx, secrets, &crate::notifications::email::DEFAULT_FROM_EMAIL)?,
                ));
            }
            items.push((a, skip));
        }
    }
    Ok(Plan { items, recipients: recipients_list, smtp, fingerprint: fp, now, state, before })
}

impl Plan {
    /// Send the planned alerts (stopping at the first failure).
    pub fn send(self) -> Sent {
        let Plan { items, recipients, smtp, fingerprint, now, mut state, before } = self;
        let mut outcomes = Vec::new();
        let mut failure: Option<Error> = None;
        for (a, skip) in items {
            let mut outcome = AlertOutcome {
                kind: a.kind.into(),
                state: a.state.into(),
                subject: a.subject.clone(),
                sent: false,
                recipients: vec![],
                skipped: skip.clone(),
            };
            if skip.is_some() {
                outcomes.push(outcome);
                continue;
            }
            if failure.is_some() {
                outcome.skipped = Some("not tried after an earlier alert failed to send".into());
                outcomes.push(outcome);
                continue;
            }
            let Some((cfg, from)) = &smtp else {
                outcomes.push(outcome);
                continue;
            };
            let mail = Mail { from: from.clone(), to: recipients.clone(), subject: a.subject.clone(), body: a.body.clone() };
            match email::send(cfg, &mail) {
                Ok(_) => {
                    state.insert(a.kind.into(), json!({"state": a.state, "license": fingerprint, "sent_at": crate::time::fmt(&now)}));
                    outcome.sent = true;
                    outcome.recipients = recipients.clone();
                }
                Err(e) => {
                    failure = Some(
                        Error::unavailable(format!(
                            "cannot send the license alert through the SMTP server {}: {}",
                            cfg.server(),
                            e.message
                        ))
                        .detail("check the email_* settings (`awxm settings list`); the alert is sent again at the next run"),
                    );
                    outcome.skipped = Some(format!("sending failed: {}", e.message));
                }
            }
            outcomes.push(outcome);
        }
        let changed = state != before;
        Sent { outcomes, failure, state, changed }
    }
}

/// Store the de-duplication state after sending (alerts sent before a failure stay recorded).
pub fn record(tx: &mut Tx<'_>, sent: &Sent) -> Result<()> {
    if sent.changed {
        settings::set_internal(tx, STATE_KEY, &Json::Object(sent.state.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::license::{SigStatus, validate};

    const NOW: i64 = 1_900_000_000;

    fn v(count: i64, hosts: i64, days_left: i64) -> Validation {
        let d = json!({"subscription_name": "Ops", "license_type": "enterprise", "instance_count": count, "license_date": NOW + days_left * DAY});
        validate(Some(d.as_object().unwrap()), Ok(SigStatus::Unsigned), hosts, NOW)
    }

    #[test]
    fn due_alerts() {
        assert!(due(&v(100, 90, 365)).is_empty(), "90% is not over 90%");
        let a = due(&v(100, 91, 365));
        assert_eq!((a.len(), a[0].kind, a[0].state), (1, "usage", "over_90"));
        assert!(a[0].subject.contains("over 90% (91 of 100"), "{}", a[0].subject);
        assert_eq!(due(&v(100, 101, 365))[0].state, "exceeded");
        let e = due(&v(100, 1, 10));
        assert_eq!((e[0].kind, e[0].state), ("expiry", "expiring"));
        assert!(e[0].subject.contains("in 10 days"));
        let x = due(&v(100, 95, -3));
        assert_eq!(x.iter().map(|a| a.state).collect::<Vec<_>>(), vec!["over_90", "expired"]);
        assert!(x[1].body.contains("grace period of 27 more days"), "{}", x[1].body);
        assert!(due(&validate(None, Ok(SigStatus::None), 1000, NOW)).is_empty());
    }

    #[test]
    fn fingerprint_follows_the_license_not_the_usage() {
        assert_eq!(fingerprint(&v(100, 91, 10)), fingerprint(&v(100, 95, 10)));
        assert_ne!(fingerprint(&v(100, 91, 10)), fingerprint(&v(200, 91, 10)));
    }
}
