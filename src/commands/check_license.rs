//! `awxm check_license`: validate the license against the hosts in the database, for humans,
//! scripts and monitoring timers; optionally e-mail the superusers about problems.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::error::Result;
use crate::license::alerts::{self, AlertOutcome};
use crate::license::{self, Status, Validation};
use crate::output::{Human, Report, Streamed};

/// Exit code of a license in the warning zone, with `--warn-exit`.
pub const WARNING_EXIT: u8 = 3;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm check_license                     # short table; exit 0 compliant, 1 not compliant or expired
  awxm check_license --data              # AWX's validate() dictionary as one line of JSON
  awxm check_license --warn-exit         # exit 3 when >= 90% of hosts used or < 30 days left
  awxm check_license --notify --warn-exit -q   # from a systemd timer (contrib/systemd/)
  awxm check_license --nagios            # a monitoring plugin (Nagios, Icinga, Naemon, Zabbix)

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
 With --nagios, the monitoring-plugin convention instead: 0 OK (compliant or open), 1 WARNING
 (the warning zone), 2 CRITICAL (not compliant, expired, unlicensed), 3 UNKNOWN (any error:
 the error on stderr and in the status line).

NAGIOS OUTPUT (--nagios; one line on stdout whatever --format says):
  LICENSE WARNING - warning: 91 of 100 licensed hosts are in use (91%) | hosts=91;89;100;0;100
  free_hosts=9;;;0; usage=91%;;;0;100 time_remaining=18000000s;2592000:;0:;;
  (hosts: warning from 90% of the licensed count, critical above it; time_remaining in seconds,
  warning under 30 days, critical once expired)

JSON OUTPUT (--format json; --data prints the same fields without format_version):
  {\"format_version\": 1, <stored license fields: subscription_name, sku, support_level, ...>,
   \"license_type\": \"enterprise\", \"valid_key\": true, \"trial\": false, \"instance_count\": 100,
   \"license_date\": 1893456000, \"expires\": \"2030-01-01T00:00:00Z\" (RFC 3339 UTC; license_date is AWX's epoch seconds), \"current_instances\": 91,
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
    /// Monitoring-plugin mode (Nagios, Icinga, Naemon): one status line with performance data
    /// on stdout; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (awxm could not tell)
    #[arg(long, conflicts_with_all = ["data", "warn_exit"])]
    pub nagios: bool,
}

/// A monitoring plugin's states (the Nagios plugin API), as exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluginState {
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}

impl PluginState {
    pub fn as_str(self) -> &'static str {
        match self {
            PluginState::Ok => "OK",
            PluginState::Warning => "WARNING",
            PluginState::Critical => "CRITICAL",
            PluginState::Unknown => "UNKNOWN",
        }
    }

    pub fn of(status: Status) -> PluginState {
        match status {
            Status::Open | Status::Compliant => PluginState::Ok,
            Status::Warning => PluginState::Warning,
            Status::Expired | Status::NotCompliant | Status::Unlicensed => PluginState::Critical,
        }
    }
}

/// Text for a plugin's status line: one line, no `|` (it starts the performance data).
fn plugin_text(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "/")
}

/// The plugin's status line for a validation: `LICENSE <STATE> - <summary> | <perfdata>`.
/// Performance data (`label=value[UOM];warn;crit;min;max`, plugin-API thresholds): `hosts` (warn
/// from 90% of the licensed count, critical above it), `free_hosts`, `usage` in percent, and
/// `time_remaining` in seconds (warn under 30 days, critical when expired).
pub fn nagios_line(v: &Validation) -> (PluginState, String) {
    let state = PluginState::of(v.status());
    let problems = problems(v);
    let summary = match v.status() {
        Status::Open => format!("no license installed (open), {} hosts", v.current_instances),
        Status::Compliant => {
            let mut s = match v.instance_count {
                Some(n) if n < license::MAX_INSTANCES => format!("{} of {n} licensed hosts in use", v.current_instances),
                _ => format!("{} hosts in use (not limited)", v.current_instances),
            };
            if let (Some(d), Some(t)) = (v.license_date, v.time_remaining) {
                s.push_str(&format!(", expires {} (in {})", date(d), span(t)));
            }
            format!("compliant: {s}")
        }
        other => format!("{}: {}", other.as_str(), problems.join("; ")),
    };
    let mut perf = Vec::new();
    match v.instance_count.filter(|_| v.valid_key) {
        Some(n) => {
            // A warning from 90% of n hosts: above ceil(0.9 n) - 1; critical above n.
            let warn = (n * 9 + 9) / 10 - 1;
            perf.push(format!("hosts={};{warn};{n};0;{n}", v.current_instances));
            perf.push(format!("free_hosts={};;;0;", v.free_instances().unwrap_or(0)));
            if let Some(p) = v.usage_percent {
                perf.push(format!("usage={p}%;;;0;100"));
            }
        }
        None => perf.push(format!("hosts={};;;0;", v.current_instances)),
    }
    if let Some(t) = v.time_remaining.filter(|_| v.valid_key) {
        perf.push(format!("time_remaining={t}s;{}:;0:;;", license::THIRTY_DAYS));
    }
    (state, format!("LICENSE {} - {} | {}", state.as_str(), plugin_text(&summary), perf.join(" ")))
}

/// What `--nagios` prints when awxm cannot tell (no database, a connection refused, a bad
/// config): UNKNOWN with the error, exit 3.
pub fn nagios_unknown(message: &str) -> String {
    format!("LICENSE UNKNOWN - {}", plugin_text(message))
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
    #[serde(skip)]
    pub validation: Validation,
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
        CheckReport {
            license: v.to_map(),
            warnings: problems(v),
            alerts,
            status: v.status(),
            data,
            warn_exit,
            rows: summary_rows(v),
            validation: v.clone(),
        }
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

/// `--nagios`: the plugin's line on stdout, its state as the exit code.
pub fn run_nagios(ctx: &Ctx, args: Args) -> Result<Streamed> {
    let (state, line) = match run(ctx, args) {
        Ok(report) => nagios_line(&report.validation),
        Err(e) => {
            ctx.out.error(&e);
            (PluginState::Unknown, nagios_unknown(&e.message))
        }
    };
    ctx.out.stream(&line).map_err(|e| crate::error::Error::io(format!("writing to stdout: {e}")))?;
    Ok(Streamed(state as u8))
}

/// `--data`: AWX's dictionary as one line of JSON in every output format (through `--jq`).
pub fn run_data(ctx: &Ctx, args: Args) -> Result<Streamed> {
    let report = run(ctx, args)?;
    let line = serde_json::to_string(&report.license).map_err(|e| crate::error::Error::internal(format!("license data: {e}")))?;
    ctx.out.stream(&line).map_err(|e| crate::error::Error::io(format!("writing to stdout: {e}")))?;
    Ok(Streamed(report.exit_code()))
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{PluginState, nagios_line, nagios_unknown};
    use crate::license::{SigStatus, validate};

    const NOW: i64 = 1_900_000_000;
    const DAY: i64 = 86_400;

    fn line(count: Option<i64>, days_left: i64, hosts: i64) -> (PluginState, String) {
        let doc = count.map(|n| {
            json!({"license_type": "enterprise", "instance_count": n, "license_date": NOW + days_left * DAY}).as_object().cloned().unwrap()
        });
        let sig = if doc.is_some() { SigStatus::Unsigned } else { SigStatus::None };
        nagios_line(&validate(doc.as_ref(), Ok(sig), hosts, NOW))
    }

    #[test]
    fn plugin_states_and_lines() {
        let (s, l) = line(None, 0, 7);
        assert_eq!((s, l.as_str()), (PluginState::Ok, "LICENSE OK - no license installed (open), 7 hosts | hosts=7;;;0;"));
        let (s, l) = line(Some(100), 300, 89);
        assert_eq!(s, PluginState::Ok);
        assert_eq!(
            l,
            format!(
                "LICENSE OK - compliant: 89 of 100 licensed hosts in use, expires {} (in 300 days) | hosts=89;89;100;0;100 free_hosts=11;;;0; usage=89%;;;0;100 time_remaining={}s;2592000:;0:;;",
                chrono::DateTime::from_timestamp(NOW + 300 * DAY, 0).unwrap().format("%Y-%m-%d %H:%M UTC"),
                300 * DAY
            )
        );
        // 90% is the warning zone: the perfdata's warn threshold (89) is crossed at 90 too.
        let (s, l) = line(Some(100), 300, 90);
        assert_eq!(s, PluginState::Warning);
        assert!(l.starts_with("LICENSE WARNING - warning: 90 of 100 licensed hosts are in use (90%) | hosts=90;89;100;0;100 "), "{l}");
        let (s, l) = line(Some(100), 10, 5);
        assert_eq!(s, PluginState::Warning);
        assert!(l.contains(" | ") && l.contains(&format!("time_remaining={}s;", 10 * DAY)), "{l}");
        let (s, l) = line(Some(100), 300, 101);
        assert_eq!(s, PluginState::Critical);
        assert!(
            l.starts_with(
                "LICENSE CRITICAL - not_compliant: 101 hosts are in use, the license covers 100 | hosts=101;89;100;0;100 free_hosts=0;"
            ),
            "{l}"
        );
        let (s, l) = line(Some(100), -3, 5);
        assert_eq!(s, PluginState::Critical);
        assert!(l.starts_with("LICENSE CRITICAL - expired: the license expired on "), "{l}");
        assert!(l.contains(&format!("time_remaining={}s;", -3 * DAY)), "{l}");
        // Small counts: the warning threshold is 90% rounded up, minus one.
        assert!(line(Some(10), 300, 8).1.contains("hosts=8;8;10;0;10 "));
        assert_eq!(line(Some(10), 300, 9).0, PluginState::Warning);
        assert_eq!(line(Some(10), 300, 8).0, PluginState::Ok);
        for (_, l) in [line(None, 0, 1), line(Some(100), 300, 101), line(Some(100), -3, 5)] {
            assert_eq!(l.lines().count(), 1, "{l}");
            assert_eq!(l.matches('|').count(), 1, "{l}");
        }
        assert_eq!(nagios_unknown("cannot reach a|b\nnow"), "LICENSE UNKNOWN - cannot reach a/b now");
        assert_eq!([PluginState::Ok, PluginState::Warning, PluginState::Critical, PluginState::Unknown].map(|s| s as u8), [0, 1, 2, 3]);
    }
}
