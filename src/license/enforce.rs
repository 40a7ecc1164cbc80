//! License enforcement where AWX enforces it: inventory import (before loading and again inside
//! the import's transaction, so a violation rolls the import back) and job launch.
//!
//! Each check returns a [`Verdict`]: warnings to log (soft violations) and at most one hard
//! [`Violation`], which callers turn into an error with [`Verdict::into_result`] (exit 1, AWX's
//! message). Hard violations are AWX's: trial licenses (and the import's "no license").
//! Deliberate differences: the old "instance_count == 10 is hard" rule of the closed Tower
//! licenser is not kept, and the host count check uses the raw (possibly negative) free count,
//! so it can fire (AWX's clamped `free_instances` made it dead code).

use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::license::{self, Status, Validation};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViolationKind {
    /// The stored license is not valid (inventory_import: "No license found!").
    NoLicense,
    /// Expired (trial).
    Expired,
    /// More hosts than licensed (trial).
    CountExceeded,
    /// The organization's max_hosts is exceeded.
    OrgHostLimit,
}

impl ViolationKind {
    /// Whether an inventory update marks `license_error` (else `org_host_limit_error`).
    pub fn is_license_error(self) -> bool {
        self != ViolationKind::OrgHostLimit
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub kind: ViolationKind,
    /// AWX's exception text, e.g. `License has expired!`.
    pub message: String,
    /// AWX's log text with the numbers.
    pub detail: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    /// Soft violations: log them as warnings and go on.
    pub warnings: Vec<String>,
    pub violation: Option<Violation>,
}

impl Verdict {
    /// The violation as an error (exit 1; the message first, AWX's detail under it).
    pub fn error(&self) -> Option<Error> {
        self.violation.as_ref().map(|v| Error::failure(v.message.clone()).detail(v.detail.clone()))
    }

    /// Warnings, or the violation as an error.
    pub fn into_result(self) -> Result<Vec<String>> {
        match self.error() {
            None => Ok(self.warnings),
            Some(e) => Err(e),
        }
    }
}

fn count_message(v: &Validation) -> String {
    format!(
        "Number of licensed instances exceeded, would bring available instances to {}, system is licensed for {}.",
        v.current_instances,
        v.instance_count.unwrap_or(0)
    )
}

/// inventory_import's check (AWX `Command.check_license`), on a computed validation.
pub fn import_verdict(v: &Validation) -> Verdict {
    let mut out = Verdict::default();
    match v.status() {
        Status::Open => return out,
        Status::Unlicensed => {
            out.violation = Some(Violation {
                kind: ViolationKind::NoLicense,
                message: "No license found!".into(),
                detail: format!(
                    "No license: {}. Install a valid one (`awxm license install FILE`) or remove it (`awxm license remove`) to run open.",
                    v.reason.as_deref().unwrap_or("the stored license is not valid")
                ),
            });
            return out;
        }
        _ => {}
    }
    let hard = v.trial;
    if v.time_remaining.unwrap_or(0) <= 0 {
        if hard {
            out.violation =
                Some(Violation { kind: ViolationKind::Expired, message: "License has expired!".into(), detail: "License expired.".into() });
            return out;
        }
        out.warnings.push("License expired.".into());
    }
    if v.free_raw.unwrap_or(0) < 0 {
        if hard {
            out.violation =
                Some(Violation { kind: ViolationKind::CountExceeded, message: "License count exceeded!".into(), detail: count_message(v) });
            return out;
        }
        out.warnings.push(count_message(v));
    }
    out
}

/// Job launch check (AWX `BaseAccess.check_license()` as used by a template's launch).
pub fn launch_verdict(v: &Validation) -> Verdict {
    let mut out = Verdict::default();
    if v.status() == Status::Open {
        return out;
    }
    if v.status() == Status::Unlicensed || v.time_remaining.is_none() {
        out.violation = Some(Violation {
            kind: ViolationKind::NoLicense,
            message: "License is missing.".into(),
            detail: v.reason.clone().unwrap_or_else(|| "the stored license is not valid".into()),
        });
        return out;
    }
    let mut report = |kind, message: &str, detail: String| -> bool {
        if v.trial {
            out.violation = Some(Violation { kind, message: message.into(), detail });
            true
        } else {
            out.warnings.push(message.into());
            false
        }
    };
    if v.grace_period_remaining.unwrap_or(0) <= 0
        && report(ViolationKind::Expired, "License has expired.", "the trial license expired; install a new license to launch jobs".into())
    {
        return out;
    }
    if v.free_raw.unwrap_or(0) < 0 {
        report(ViolationKind::CountExceeded, "Host count exceeds available instances.", count_message(v));
    }
    out
}

/// Organization host limit (AWX `check_org_host_limit`): `count` distinct host names in the
/// organization's inventories against its `max_hosts` (0 = unlimited).
pub fn org_verdict(v: &Validation, org_name: &str, max_hosts: i64, count: i64) -> Verdict {
    let mut out = Verdict::default();
    if v.status() == Status::Open || max_hosts == 0 || count <= max_hosts {
        return out;
    }
    out.violation = Some(Violation {
        kind: ViolationKind::OrgHostLimit,
        message: "Host limit for organization exceeded!".into(),
        detail: format!("Organization {org_name:?} has {count} hosts; its limit (max_hosts) is {max_hosts}."),
    });
    out
}

/// The import check against the database as the transaction `tx` sees it: call it before
/// loading, and again after loading inside the same transaction (then a violation's error
/// rolls the import back).
pub fn check_import(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<Verdict> {
    Ok(import_verdict(&license::current_for_checks(tx, secrets)?))
}

/// The check before launching a job: an expired (or over-count) trial refuses the launch.
pub fn check_job_launch(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<Verdict> {
    Ok(launch_verdict(&license::current_for_checks(tx, secrets)?))
}

/// The organization host limit for the organization of `inventory_id` (nothing when the
/// inventory has no organization or the organization no limit).
pub fn check_org_host_limit(tx: &mut Tx<'_>, secrets: &Secrets, inventory_id: i64) -> Result<Verdict> {
    let Some(row) = tx.query_opt(
        "SELECT o.id, o.name, o.max_hosts FROM inventory i JOIN organization o ON o.id = i.organization_id WHERE i.id = $1",
        crate::params![inventory_id],
    )?
    else {
        return Ok(Verdict::default());
    };
    let (org, name, max_hosts): (i64, String, i64) = (row.col("id")?, row.col("name")?, row.col("max_hosts")?);
    if max_hosts == 0 {
        return Ok(Verdict::default());
    }
    let (doc, sig) = license::load(tx, secrets)?;
    let v = license::validate(doc.as_ref(), sig, 0, crate::time::now().timestamp());
    if v.status() == Status::Open {
        return Ok(Verdict::default());
    }
    let count: i64 = tx.scalar(
        "SELECT COUNT(DISTINCT h.name) FROM host h JOIN inventory i ON i.id = h.inventory_id
         WHERE i.organization_id = $1
           AND NOT EXISTS (SELECT 1 FROM host_inventory_source x JOIN inventory_source s ON s.id = x.inventory_source_id
                           WHERE x.host_id = h.id AND s.source IN ('controller', 'tower'))",
        crate::params![org],
    )?;
    Ok(org_verdict(&v, &name, max_hosts, count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::license::{SigStatus, validate};
    use serde_json::{Map, Value as Json, json};

    const NOW: i64 = 1_900_000_000;
    const DAY: i64 = 86_400;

    fn lic(kind: &str, count: i64, days_left: i64) -> Map<String, Json> {
        json!({"license_type": kind, "instance_count": count, "license_date": NOW + days_left * DAY}).as_object().cloned().unwrap()
    }
    fn v(d: &Map<String, Json>, hosts: i64) -> Validation {
        validate(Some(d), Ok(SigStatus::Unsigned), hosts, NOW)
    }

    #[test]
    fn open_allows_everything() {
        let o = validate(None, Ok(SigStatus::None), 1_000_000, NOW);
        assert_eq!(import_verdict(&o), Verdict::default());
        assert_eq!(launch_verdict(&o), Verdict::default());
        assert_eq!(org_verdict(&o, "Ops", 1, 50), Verdict::default());
    }

    #[test]
    fn trial_is_hard_enterprise_is_soft() {
        let t = v(&lic("trial", 10, -1), 5);
        let e = import_verdict(&t).into_result().unwrap_err();
        assert_eq!((e.message.as_str(), e.exit_code()), ("License has expired!", 1));
        assert_eq!(launch_verdict(&t).violation.unwrap().message, "License has expired.");
        let over = v(&lic("trial", 10, 30), 11);
        let iv = import_verdict(&over).violation.unwrap();
        assert_eq!(iv.message, "License count exceeded!");
        assert_eq!(iv.detail, "Number of licensed instances exceeded, would bring available instances to 11, system is licensed for 10.");
        assert_eq!(launch_verdict(&over).violation.unwrap().message, "Host count exceeds available instances.");

        let ent = v(&lic("enterprise", 10, -1), 11);
        let iv = import_verdict(&ent);
        assert!(iv.violation.is_none());
        assert_eq!(iv.warnings.len(), 2);
        // In the grace period a launch is not even warned about the date.
        let lv = launch_verdict(&ent);
        assert_eq!((lv.violation, lv.warnings), (None, vec!["Host count exceeds available instances.".to_string()]));
        let past_grace = v(&lic("enterprise", 10, -31), 1);
        assert_eq!(launch_verdict(&past_grace).warnings, vec!["License has expired.".to_string()]);
    }

    #[test]
    fn unlicensed_refuses() {
        let u = validate(Some(&lic("enterprise", 10, 30)), Err("bad license signature".into()), 1, NOW);
        assert_eq!(import_verdict(&u).violation.unwrap().message, "No license found!");
        assert_eq!(launch_verdict(&u).violation.unwrap().message, "License is missing.");
    }

    #[test]
    fn org_limit() {
        let ent = v(&lic("enterprise", 100, 300), 1);
        assert!(org_verdict(&ent, "Ops", 0, 50).violation.is_none());
        assert!(org_verdict(&ent, "Ops", 50, 50).violation.is_none());
        let o = org_verdict(&ent, "Ops", 50, 51).violation.unwrap();
        assert_eq!(o.message, "Host limit for organization exceeded!");
        assert!(!o.kind.is_license_error());
    }
}
