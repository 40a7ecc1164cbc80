//! `awxm check_license`: validate the license against the hosts in the database, for humans,
//! scripts and monitoring timers; optionally e-mail the superusers about problems.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::error::Result;
use crate::license::alerts::{self, AlertOutcome};
use crate::license::{self, Status, Validation};
use crate::output::{Human, Report};

/// Exit code of a license in the warning zone, with `--warn-exit`.
pub const WARNING_EXIT: u8 = 3;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm check_license                     # short table; exit 0 compliant, 1 not compliant or expired
  awxm check_license --data              # AWX's validate() dictionary as one line of JSON
  awxm check_license --warn-exit         # exit 3 when >= 90% of hosts used or < 30 days left
  awxm check_license --notify --warn-exit -q   # from a systemd timer (contrib/systemd/)

The host count is AWX's: distinct host names (case-insensitive) across all inventories,
excluding hosts imported from another AWX/Tower. Without an installed license everything is
allowed (license_type open).

ALERTS (--notify): when more than 90% of the licensed hosts are used, or the license expires
within 30 days or has expired, every active superuser with an e-mail address gets a mail from
default_from_email through the SMTP server in settings (email_host, email_port, email_use_tls,
email_use_ssl, email_host_user, email_host_password, email_timeout, email_tls_ca_file). The
same alert is not sent again until its state changes (usage over 90% -> count exceeded,
expiring -> expired, another license installed, the condition clearing and coming back) or
license_alert_interval (default 7d) has passed. tower_admin_alerts=false turns alerts off.
A failed send exits 69 and names the server; it is tried again at the next run.

EXIT STATUS:
  0  compliant (or no license: open); also a warning without --warn-exit
  1  not compliant (more hosts than licensed), expired (also within the grace period), or the
     stored license is not valid (bad or missing signature: UNLICENSED)
  3  warning, with --warn-exit: >= 90% of the licensed hosts used or fewer than 30 days left
 69  an alert could not be sent (SMTP server unreachable or refusing)

JSON OUTPUT (--format json; --data prints the same fields without format_version):
  {\"format_version\": 1, <stored license fields: subscription_name, sku, support_level, ...>,
   \"license_type\": \"enterprise\", \"valid_key\": true, \"trial\": false, \"instance_count\": 100,
   \"license_date\": 1893456000, \"expires\": \"2030-01-01T00:00:00+00:00\", \"current_instances\": 91,
   \"free_instances\": 9, \"time_remaining\": 3600, \"grace_period_remaining\": 2595600,
   \"compliant\": true, \"date_warning\": true, \"date_expired\": false, \"usage_percent\": 91.0,
   \"signature_status\": \"none|verified|unsigned|not_checked|invalid\",
   \"status\": \"open|compliant|warning|not_compliant|expired|unlicensed\",
   \"reason\": \"...\" (only when unlicensed), \"warnings\": [\"...\"],
   \"alerts\": [{\"kind\": \"usage|expiry\", \"state\": \"over_90|exceeded|expiring|expired\",
               \"subject\": \"...\", \"sent\": true, \"recipients\": [\"...\"], \"skipped\": \"why\"}] (with --notify)}")]
pub struct Args {
    /// Print AWX's validate() dictionary (all fields) as one line of JSON
    #[arg(long)]
    pub data: bool,
    /// Exit 3 when the license is in the warning zone (>= 90% of hosts, < 30 days left)
    #[arg(long)]
    pub warn_exit: bool,
    /// E-mail the superusers about host usage over 90% or (nearly) expired licenses
    #[arg(long)]
    pub notify: bool,
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    #[serde(flatten)]
    pub license: Map<String, Json>,
    pub warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alerts: Option<Vec<AlertOutcome>>,
    #[serde(skip)]
    pub status: Status,
    #[serde(skip)]
    pub data: bool,
    #[serde(skip)]
    pub warn_exit: bool,
    #[serde(skip)]
    pub rows: Vec<(String, String)>,
}

fn date(epoch: i64) -> String {
    chrono::DateTime::from_timestamp(epoch, 0).map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default()
}

fn span(secs: i64) -> String {
    let d = secs.abs() / 86_400;
    let h = (secs.abs() % 86_400) / 3600;
    if d > 0 { format!("{d} days") } else { format!("{h} hours") }
}

/// Human-readable problems of a validation.
pub fn problems(v: &Validation) -> Vec<String> {
    let mut w = Vec::new();
    match v.status() {
        Status::Open => return w,
        Status::Unlicensed => {
            w.push(format!("the stored license is not valid: {}", v.reason.as_deref().unwrap_or("unknown reason")));
            return w;
        }
        _ => {}
    }
    let n = v.instance_count.unwrap_or(0);
    if v.free_raw.unwrap_or(0) < 0 {
        w.push(format!("{} hosts are in use, the license covers {n}", v.current_instances));
    } else if v.usage_warning {
        w.push(format!("{} of {n} licensed hosts are in use ({}%)", v.current_instances, v.usage_percent.unwrap_or(0.0)));
    }
    let date_of = v.license_date.map(date).unwrap_or_default();
    if v.date_expired {
        let grace = v.grace_period_remaining.unwrap_or(0);
        if grace > 0 {
            w.push(format!("the license expired on {date_of}; grace period: {} left", span(grace)));
        } else {
            w.push(format!("the license expired on {date_of}"));
        }
    } else if v.date_warning {
        w.push(format!("the license expires on {date_of}, in {}", span(v.time_remaining.unwrap_or(0))));
    }
    w
}

/// The rows of the short human table.
pub fn summary_rows(v: &Validation) -> Vec<(String, String)> {
    let mut rows = vec![("status".to_string(), v.status().as_str().to_string()), ("license type".into(), v.license_type.clone())];
    if let Some(s) = v.passthrough.get("subscription_name").and_then(|s| s.as_str()) {
        rows.push(("subscription".into(), s.to_string()));
    }
    match v.instance_count {
        Some(n) if v.valid_key => rows.push((
            "hosts".into(),
            format!(
                "{} of {}{}, {} free",
                v.current_instances,
                if n >= license::MAX_INSTANCES { "unlimited".to_string() } else { n.to_string() },
                v.usage_percent.map(|p| format!(" ({p}%)")).unwrap_or_default(),
                v.free_instances().unwrap_or(0)
            ),
        )),
        _ => rows.push(("hosts".into(), format!("{} (not limited)", v.current_instances))),
    }
    if let (Some(d), Some(t)) = (v.license_date, v.time_remaining)
        && v.valid_key
    {
        let when = if t > 0 { format!("in {}", span(t)) } else { format!("{} ago", span(t)) };
        rows.push(("expires".into(), format!("{} ({when})", date(d))));
        if v.date_expired && !v.trial {
            let g = v.grace_period_remaining.unwrap_or(0);
            rows.push(("grace period".into(), if g > 0 { format!("{} left", span(g)) } else { "over".into() }));
        }
    }
    if v.trial {
        rows.push(("trial".into(), "yes".into()));
    }
    let sig = match v.signature {
        license::SigStatus::None => None,
        license::SigStatus::Verified => Some("verified"),
        license::SigStatus::Unsigned => Some("unsigned"),
        license::SigStatus::NotChecked => Some("not checked (no license_public_key)"),
        license::SigStatus::Invalid => Some("invalid"),
    };
    if let Some(s) = sig {
        rows.push(("signature".into(), s.into()));
    }
    rows
}

impl CheckReport {
    pub fn new(v: &Validation, data: bool, warn_exit: bool, alerts: Option<Vec<AlertOutcome>>) -> CheckReport {
        CheckReport { license: v.to_map(), warnings: problems(v), alerts, status: v.status(), data, warn_exit, rows: summary_rows(v) }
    }
}

impl Report for CheckReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        if self.data {
            return out.line(serde_json::to_string(&self.license).unwrap_or_default());
        }
        out.pairs(self.rows.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        for w in &self.warnings {
            out.line(format!("warning: {w}"))?;
        }
        for a in self.alerts.iter().flatten() {
            if a.sent {
                out.line(format!("alert sent: {} (to {})", a.subject, a.recipients.join(", ")))?;
            } else {
                out.line(format!("alert not sent: {} ({})", a.subject, a.skipped.as_deref().unwrap_or("")))?;
            }
        }
        Ok(())
    }

    fn exit_code(&self) -> u8 {
        match self.status {
            Status::Open | Status::Compliant => 0,
            Status::Warning => {
                if self.warn_exit {
                    WARNING_EXIT
                } else {
                    0
                }
            }
            Status::Expired | Status::NotCompliant | Status::Unlicensed => 1,
        }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<CheckReport> {
    let mut db = ctx.db()?;
    if !args.notify {
        let v = db.read(|tx| license::current(tx, &ctx.secrets))?;
        return Ok(CheckReport::new(&v, args.data, args.warn_exit, None));
    }
    // Serialised across the cluster (a lock held across transactions, not a database write
    // lock), so two nodes' timers never both send; no transaction is open while mailing.
    let _lock = db.session_lock("awxm:license_alerts")?;
    let (v, plan) = db.read(|tx| {
        let v = license::current(tx, &ctx.secrets)?;
        let plan = alerts::plan(tx, &ctx.secrets, &v)?;
        Ok((v, plan))
    })?;
    let sent = plan.send();
    db.write(|tx| alerts::record(tx, &sent))?;
    if let Some(e) = sent.failure {
        return Err(e);
    }
    Ok(CheckReport::new(&v, args.data, args.warn_exit, Some(sent.outcomes)))
}
