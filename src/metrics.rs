//! `awxm metrics`: what AWX's `/api/v2/metrics` gives, as Prometheus text exposition (format
//! 0.0.4), with AWX's metric names and labels where AWX has the metric (`awx_*`) and `awxm_*`
//! names for what AWX does not export (heartbeat ages, license hosts used and time left).
//!
//! [`collect`] reads everything in one read transaction; [`render`] is pure.

use serde::Serialize;
use serde_json::Value as Json;

use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::Result;

/// One sample: label pairs and a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sample {
    pub labels: Vec<(String, String)>,
    pub value: f64,
}

/// A metric family: every sample of one name (all gauges: these are instantaneous readings).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Family {
    pub name: &'static str,
    pub help: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub samples: Vec<Sample>,
}

impl Family {
    fn gauge(name: &'static str, help: &'static str) -> Family {
        Family { name, help, kind: "gauge", samples: Vec::new() }
    }

    fn set(mut self, value: f64) -> Family {
        self.samples.push(Sample { labels: Vec::new(), value });
        self
    }

    fn add(&mut self, labels: &[(&str, &str)], value: f64) {
        self.samples.push(Sample { labels: labels.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), value });
    }
}

/// A label value as the text format wants it: `\`, `"` and newlines escaped.
fn label_value(v: &str) -> String {
    v.replace('\\', r"\\").replace('"', "\\\"").replace('\n', r"\n")
}

/// A HELP text: `\` and newlines escaped.
fn help_text(v: &str) -> String {
    v.replace('\\', r"\\").replace('\n', r"\n")
}

/// A sample value: integers without a fraction, `NaN`, `+Inf`, `-Inf` as the format spells them.
fn value_text(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "+Inf".into() } else { "-Inf".into() }
    } else {
        format!("{v}")
    }
}

/// The text exposition of `families`: `# HELP`, `# TYPE`, then one line per sample. A family
/// without samples is left out (a gauge without a reading is no reading).
pub fn render(families: &[Family]) -> String {
    let mut out = String::new();
    for f in families.iter().filter(|f| !f.samples.is_empty()) {
        out.push_str(&format!("# HELP {} {}\n# TYPE {} {}\n", f.name, help_text(f.help), f.name, f.kind));
        for s in &f.samples {
            out.push_str(f.name);
            if !s.labels.is_empty() {
                let labels: Vec<String> = s.labels.iter().map(|(k, v)| format!("{k}=\"{}\"", label_value(v))).collect();
                out.push_str(&format!("{{{}}}", labels.join(",")));
            }
            out.push(' ');
            out.push_str(&value_text(s.value));
            out.push('\n');
        }
    }
    out
}

/// AWX's unified job statuses reported by `awx_status_total` (every one but `new`).
pub const STATUSES: [&str; 7] = ["pending", "waiting", "running", "successful", "failed", "error", "canceled"];

/// The unified job tables that have an execution node (workflow jobs run nowhere).
const NODE_KINDS: [&str; 4] = ["job", "project_update", "inventory_update", "system_job"];

fn int(v: &Json, key: &str) -> f64 {
    v.get(key).and_then(Json::as_f64).unwrap_or(0.0)
}

fn python_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// Everything `awxm metrics` reports, read in one transaction; `node` is this node's name (for
/// nothing but completeness of `ping`), `now` the reading's time.
pub fn collect(tx: &mut Tx<'_>, secrets: &Secrets, node: &str, now: crate::time::Timestamp) -> Result<Vec<Family>> {
    let lic = crate::license::current(tx, secrets)?;
    let counts = crate::analytics::collectors::current_counts(tx)?;
    let ping = crate::cluster::ping::ping(tx, secrets, node, String::new())?;
    let tracking = crate::settings::get(tx, secrets, &crate::analytics::INSIGHTS_TRACKING_STATE)?;
    let url_base = crate::settings::get(tx, secrets, &crate::settings::TOWER_URL_BASE)?;
    let mut fams = Vec::new();

    let mut info = Family::gauge("awx_system_info", "AWX System Information");
    let license_expiry = lic.time_remaining.unwrap_or(0).to_string();
    info.add(
        &[
            ("install_uuid", &ping.install_uuid),
            ("insights_analytics", python_bool(tracking)),
            ("tower_url_base", &url_base),
            ("tower_version", crate::cluster::VERSION),
            ("license_type", &lic.license_type),
            ("license_expiry", &license_expiry),
            ("pendo_tracking", "off"),
            ("external_logger_enabled", "False"),
            ("external_logger_type", "None"),
        ],
        1.0,
    );
    fams.push(info);

    for (name, help, key) in [
        ("awx_organizations_total", "Number of organizations", "organization"),
        ("awx_users_total", "Number of users", "user"),
        ("awx_teams_total", "Number of teams", "team"),
        ("awx_inventories_total", "Number of inventories", "inventory"),
        ("awx_projects_total", "Number of projects", "project"),
        ("awx_job_templates_total", "Number of job templates", "job_template"),
        ("awx_workflow_job_templates_total", "Number of workflow job templates", "workflow_job_template"),
    ] {
        fams.push(Family::gauge(name, help).set(int(&counts, key)));
    }
    let mut hosts = Family::gauge("awx_hosts_total", "Number of hosts");
    hosts.add(&[("type", "all")], int(&counts, "host"));
    hosts.add(&[("type", "active")], int(&counts, "active_host_count"));
    fams.push(hosts);
    fams.push(Family::gauge("awx_schedules_total", "Number of schedules").set(int(&counts, "schedule")));
    fams.push(
        Family::gauge("awx_database_connections_total", "Number of connections to database").set(int(&counts, "database_connections")),
    );
    fams.push(Family::gauge("awx_running_jobs_total", "Number of running jobs on the system").set(int(&counts, "running_jobs")));
    fams.push(Family::gauge("awx_pending_jobs_total", "Number of pending jobs on the system").set(int(&counts, "pending_jobs")));

    // Job counts by status (AWX's job_counts: every kind, launches of type sync left out).
    let mut by_status: std::collections::BTreeMap<String, i64> = STATUSES.iter().map(|s| (s.to_string(), 0)).collect();
    for table in ["job", "project_update", "inventory_update", "workflow_job", "system_job"] {
        tx.query_each(&format!("SELECT status, count(*) AS n FROM {table} WHERE launch_type <> 'sync' GROUP BY status"), &[], |r| {
            let status: String = r.col("status")?;
            if let Some(n) = by_status.get_mut(&status) {
                *n += r.col::<i64>("n")?;
            }
            Ok(())
        })?;
    }
    let mut status = Family::gauge("awx_status_total", "Status of Job launched");
    for s in STATUSES {
        status.add(&[("status", s)], by_status.get(s).copied().unwrap_or(0) as f64);
    }
    fams.push(status);

    let mut capacity = Family::gauge("awx_instance_capacity", "Capacity of each node in the system");
    let mut cpu = Family::gauge("awx_instance_cpu", "CPU cores on each node in the system");
    let mut memory = Family::gauge("awx_instance_memory", "RAM (Kb) on each node in the system");
    let mut consumed = Family::gauge("awx_instance_consumed_capacity", "Consumed capacity of each node in the system");
    let mut remaining = Family::gauge("awx_instance_remaining_capacity", "Remaining capacity of each node in the system");
    let mut inst_info = Family::gauge("awx_instance_info", "Info about each node in the system");
    let mut beat_at = Family::gauge("awxm_instance_last_heartbeat_timestamp_seconds", "Time of each node's last heartbeat (Unix seconds)");
    let mut beat_age =
        Family::gauge("awxm_instance_last_heartbeat_age_seconds", "Seconds since each node's last heartbeat, when the metrics were read");
    let policy: std::collections::HashMap<String, bool> = tx
        .query("SELECT hostname, managed_by_policy FROM instance", &[])?
        .iter()
        .map(|r| Ok((r.col::<String>("hostname")?, r.col::<bool>("managed_by_policy")?)))
        .collect::<Result<_>>()?;
    for i in &ping.instances {
        let who = [("hostname", i.node.as_str()), ("instance_uuid", i.uuid.as_str())];
        let typed = [who[0], who[1], ("node_type", i.node_type.as_str())];
        capacity.add(&typed, i.capacity as f64);
        cpu.add(&who, i.cpu as f64);
        memory.add(&who, i.memory as f64);
        consumed.add(&typed, i.consumed_capacity as f64);
        remaining.add(&typed, i.remaining_capacity as f64);
        let managed = python_bool(policy.get(&i.node).copied().unwrap_or(false));
        inst_info.add(
            &[typed[0], typed[1], typed[2], ("enabled", python_bool(i.enabled)), ("managed_by_policy", managed), ("version", &i.version)],
            1.0,
        );
        if let Some(t) = i.heartbeat.as_deref().and_then(crate::time::parse) {
            beat_at.add(&typed, t.timestamp_micros() as f64 / 1e6);
            beat_age.add(&typed, ((now - t).num_milliseconds() as f64 / 1e3).max(0.0));
        }
    }
    fams.extend([capacity, cpu, memory, consumed, remaining, inst_info, beat_at, beat_age]);

    // Per node: jobs by launch type and by status (AWX's job_instance_counts).
    let mut launch = std::collections::BTreeMap::<(String, String), i64>::new();
    let mut node_status = std::collections::BTreeMap::<(String, String), i64>::new();
    for table in NODE_KINDS {
        tx.query_each(
            &format!(
                "SELECT execution_node, launch_type, status, count(*) AS n FROM {table}
                 WHERE launch_type <> 'sync' AND execution_node <> '' GROUP BY execution_node, launch_type, status"
            ),
            &[],
            |r| {
                let (node, n): (String, i64) = (r.col("execution_node")?, r.col("n")?);
                *launch.entry((node.clone(), r.col("launch_type")?)).or_default() += n;
                *node_status.entry((node, r.col("status")?)).or_default() += n;
                Ok(())
            },
        )?;
    }
    let mut lt = Family::gauge("awx_instance_launch_type_total", "Type of Job launched");
    for ((node, t), n) in &launch {
        lt.add(&[("node", node), ("launch_type", t)], *n as f64);
    }
    let mut st = Family::gauge("awx_instance_status_total", "Status of Job launched");
    for ((node, s), n) in &node_status {
        st.add(&[("node", node), ("status", s)], *n as f64);
    }
    fams.extend([lt, st]);

    fams.push(
        Family::gauge("awx_license_instance_total", "Total number of managed hosts provided by your license")
            .set(lic.instance_count.filter(|_| lic.valid_key).unwrap_or(0) as f64),
    );
    fams.push(
        Family::gauge("awx_license_instance_free", "Number of remaining managed hosts provided by your license")
            .set(lic.free_instances().unwrap_or(0) as f64),
    );
    fams.push(Family::gauge("awxm_license_hosts_used", "Managed hosts counted against the license").set(lic.current_instances as f64));
    let mut left = Family::gauge("awxm_license_time_remaining_seconds", "Seconds until the license expires (negative: expired)");
    if let Some(t) = lic.time_remaining.filter(|_| lic.valid_key) {
        left.add(&[], t as f64);
    }
    fams.push(left);
    Ok(fams)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_exposition_escapes_and_skips_empty_families() {
        let mut f = Family::gauge("awx_instance_info", "Info about \\ each\nnode");
        f.add(&[("hostname", "a\"b\\c\nd"), ("version", "1")], 1.0);
        let fams = [
            f,
            Family::gauge("awx_users_total", "Number of users").set(3.0),
            Family::gauge("awxm_empty", "no samples"),
            Family::gauge("awxm_x", "x").set(0.25),
            Family::gauge("awxm_n", "n").set(f64::NAN),
            Family::gauge("awxm_i", "i").set(f64::NEG_INFINITY),
        ];
        assert_eq!(
            render(&fams),
            "# HELP awx_instance_info Info about \\\\ each\\nnode\n# TYPE awx_instance_info gauge\n\
             awx_instance_info{hostname=\"a\\\"b\\\\c\\nd\",version=\"1\"} 1\n\
             # HELP awx_users_total Number of users\n# TYPE awx_users_total gauge\nawx_users_total 3\n\
             # HELP awxm_x x\n# TYPE awxm_x gauge\nawxm_x 0.25\n\
             # HELP awxm_n n\n# TYPE awxm_n gauge\nawxm_n NaN\n\
             # HELP awxm_i i\n# TYPE awxm_i gauge\nawxm_i -Inf\n"
        );
    }
}
