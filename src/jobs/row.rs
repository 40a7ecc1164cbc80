//! Typed rows of the `job` table, read by column name.

use std::collections::BTreeMap;

use serde::Serialize;

use super::JobStatus;
use crate::db::{FromRow, Row, Tx};
use crate::error::{Error, Result};
use crate::runner::ingest::HostCounts;

/// The job report (`run_job --format json`, the base of `job show`).
#[derive(Debug, Clone, Serialize)]
pub struct JobResult {
    pub id: i64,
    pub status: JobStatus,
    pub rc: Option<i64>,
    pub started: Option<String>,
    pub finished: Option<String>,
    pub elapsed: f64,
    pub execution_node: String,
    pub job_explanation: String,
    pub host_summaries: BTreeMap<String, HostCounts>,
    pub event_count: i64,
}

/// A stored time as RFC 3339 with microseconds (what the reports show).
pub fn rfc3339(s: Option<String>) -> Option<String> {
    s.and_then(|s| crate::time::parse(&s)).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
}

/// The job's own columns of a [`JobResult`].
struct ResultRow {
    status: JobStatus,
    rc: Option<i64>,
    started: Option<String>,
    finished: Option<String>,
    elapsed: f64,
    execution_node: String,
    job_explanation: String,
}

impl FromRow for ResultRow {
    fn from_row(r: &Row) -> Result<Self> {
        Ok(ResultRow {
            status: r.col("status")?,
            rc: r.col("rc")?,
            started: r.col("started")?,
            finished: r.col("finished")?,
            elapsed: r.col("elapsed")?,
            execution_node: r.col("execution_node")?,
            job_explanation: r.col("job_explanation")?,
        })
    }
}

struct HostSummaryRow {
    host_name: String,
    counts: HostCounts,
}

impl FromRow for HostSummaryRow {
    fn from_row(h: &Row) -> Result<Self> {
        Ok(HostSummaryRow {
            host_name: h.col("host_name")?,
            counts: HostCounts {
                ok: h.col("ok")?,
                changed: h.col("changed")?,
                failures: h.col("failures")?,
                dark: h.col("dark")?,
                skipped: h.col("skipped")?,
                rescued: h.col("rescued")?,
                ignored: h.col("ignored")?,
            },
        })
    }
}

/// Job `id` as [`JobResult`] (not found: exit 66).
pub fn load_result(tx: &mut Tx<'_>, id: i64) -> Result<JobResult> {
    let r = tx
        .query_opt_as::<ResultRow>(
            "SELECT status, rc, started, finished, elapsed, execution_node, job_explanation FROM job WHERE id = $1",
            crate::params![id],
        )?
        .ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
    let host_summaries = tx
        .query_as::<HostSummaryRow>(
            "SELECT host_name, ok, changed, failures, dark, skipped, rescued, ignored FROM job_host_summary WHERE job_id = $1 ORDER BY host_name",
            crate::params![id],
        )?
        .into_iter()
        .map(|h| (h.host_name, h.counts))
        .collect();
    Ok(JobResult {
        id,
        status: r.status,
        rc: r.rc,
        elapsed: live_elapsed(r.elapsed, r.started.as_deref(), r.finished.as_deref()),
        started: rfc3339(r.started),
        finished: rfc3339(r.finished),
        execution_node: r.execution_node,
        job_explanation: r.job_explanation,
        host_summaries,
        event_count: tx.scalar("SELECT count(*) FROM job_event WHERE job_id = $1", crate::params![id])?,
    })
}

/// Everything `job show` adds to the [`JobResult`]: the job's options and records, with the
/// names of what it points at. JSON columns are kept as stored text.
#[derive(Debug, Clone)]
pub struct JobDetail {
    pub name: String,
    pub job_template: Option<String>,
    pub job_type: String,
    pub launch_type: String,
    pub playbook: String,
    pub inventory: Option<String>,
    pub project: Option<String>,
    pub limit: String,
    pub extra_vars: String,
    pub job_tags: String,
    pub skip_tags: String,
    pub forks: i64,
    pub verbosity: i64,
    pub timeout: i64,
    pub diff_mode: bool,
    pub job_args: String,
    pub job_cwd: String,
    pub job_env: String,
    pub result_traceback: String,
    pub scm_revision: String,
    pub project_update_id: Option<i64>,
    pub emitted_events: i64,
    pub cancel_flag: bool,
    pub pid: Option<i64>,
    pub work_dir: String,
    pub artifacts: String,
    pub created: Option<String>,
    pub controller_node: String,
    pub instance_group: Option<String>,
    pub isolated_dir: String,
    /// An ad hoc command's module and arguments (empty for a playbook job).
    pub module_name: String,
    pub module_args: String,
}

impl FromRow for JobDetail {
    fn from_row(r: &Row) -> Result<Self> {
        Ok(JobDetail {
            name: r.col("name")?,
            job_template: r.col("job_template")?,
            job_type: r.col("job_type")?,
            launch_type: r.col("launch_type")?,
            playbook: r.col("playbook")?,
            inventory: r.col("inventory")?,
            project: r.col("project")?,
            limit: r.col("job_limit")?,
            extra_vars: r.col("extra_vars")?,
            job_tags: r.col("job_tags")?,
            skip_tags: r.col("skip_tags")?,
            forks: r.col("forks")?,
            verbosity: r.col("verbosity")?,
            timeout: r.col("timeout")?,
            diff_mode: r.col("diff_mode")?,
            job_args: r.col("job_args")?,
            job_cwd: r.col("job_cwd")?,
            job_env: r.col("job_env")?,
            result_traceback: r.col("result_traceback")?,
            scm_revision: r.col("scm_revision")?,
            project_update_id: r.col("project_update_id")?,
            emitted_events: r.col("emitted_events")?,
            cancel_flag: r.col("cancel_flag")?,
            pid: r.col("pid")?,
            work_dir: r.col("work_dir")?,
            artifacts: r.col("artifacts")?,
            created: r.col("created")?,
            controller_node: r.col("controller_node")?,
            instance_group: r.col("instance_group")?,
            isolated_dir: r.col("isolated_dir")?,
            module_name: r.col("module_name")?,
            module_args: r.col("module_args")?,
        })
    }
}

/// Job `id` as [`JobDetail`] (not found: exit 66).
pub fn load_detail(tx: &mut Tx<'_>, id: i64) -> Result<JobDetail> {
    tx.query_opt_as::<JobDetail>(
        "SELECT j.name AS name, t.name AS job_template, j.job_type AS job_type, j.launch_type AS launch_type, j.playbook AS playbook,
                i.name AS inventory, p.name AS project, j.job_limit AS job_limit, j.extra_vars AS extra_vars, j.job_tags AS job_tags,
                j.skip_tags AS skip_tags, j.forks AS forks, j.verbosity AS verbosity, j.timeout AS timeout, j.diff_mode AS diff_mode,
                j.job_args AS job_args, j.job_cwd AS job_cwd, j.job_env AS job_env, j.result_traceback AS result_traceback,
                j.scm_revision AS scm_revision, j.project_update_id AS project_update_id, j.emitted_events AS emitted_events,
                j.cancel_flag AS cancel_flag, j.pid AS pid, j.work_dir AS work_dir, j.artifacts AS artifacts, j.created AS created,
                j.controller_node AS controller_node, g.name AS instance_group, j.isolated_dir AS isolated_dir,
                j.module_name AS module_name, j.module_args AS module_args
         FROM job j LEFT JOIN job_template t ON t.id = j.job_template_id LEFT JOIN inventory i ON i.id = j.inventory_id
              LEFT JOIN project p ON p.id = j.project_id LEFT JOIN instance_group g ON g.id = j.instance_group_id WHERE j.id = $1",
        crate::params![id],
    )?
    .ok_or_else(|| Error::not_found(format!("no job with id {id}")))
}

/// One line of `job list`: a unified job of any kind.
#[derive(Debug, Clone, Serialize)]
pub struct JobSummary {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub status: JobStatus,
    pub launch_type: String,
    pub started: Option<String>,
    pub finished: Option<String>,
    pub elapsed: f64,
    pub execution_node: String,
    /// Why it waits (pending), or how it ended.
    pub job_explanation: String,
}

/// Seconds a job has run: its recorded elapsed time once finished, else (while it runs) the
/// time since it started — so a running job does not show 0.
pub fn live_elapsed(elapsed: f64, started: Option<&str>, finished: Option<&str>) -> f64 {
    match (started.and_then(crate::time::parse), finished) {
        (Some(s), None) => ((crate::time::now() - s).num_milliseconds() as f64 / 1000.0).max(0.0),
        _ => elapsed,
    }
}

impl FromRow for JobSummary {
    fn from_row(r: &Row) -> Result<Self> {
        let started: Option<String> = r.col("started")?;
        let finished: Option<String> = r.col("finished")?;
        let elapsed = live_elapsed(r.col("elapsed")?, started.as_deref(), finished.as_deref());
        Ok(JobSummary {
            id: r.col("id")?,
            kind: r.col("kind")?,
            name: r.col("name")?,
            status: r.col("status")?,
            launch_type: r.col("launch_type")?,
            started: rfc3339(started),
            finished: rfc3339(finished),
            elapsed,
            execution_node: r.col("execution_node")?,
            job_explanation: r.col("job_explanation")?,
        })
    }
}

/// The newest unified jobs of every kind (at most `limit`), optionally only those in one of
/// `statuses` or of the template (job template, project, inventory source, system job
/// template) named `template`.
pub fn list(tx: &mut Tx<'_>, statuses: &[JobStatus], template: Option<&str>, limit: i64) -> Result<Vec<JobSummary>> {
    let kinds = [
        ("job", "job_template", "job_template_id"),
        ("project_update", "project", "project_id"),
        ("inventory_update", "inventory_source", "inventory_source_id"),
        ("system_job", "system_job_template", "system_job_template_id"),
        ("workflow_job", "workflow_job_template", "workflow_job_template_id"),
        ("workflow_approval", "workflow_approval_template", "workflow_approval_template_id"),
    ];
    let status_filter = if statuses.is_empty() {
        String::new()
    } else {
        format!(" AND j.status IN ({})", statuses.iter().map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>().join(", "))
    };
    let parts: Vec<String> = kinds
        .iter()
        .map(|(table, ttable, fk)| {
            // An ad hoc command is a job row with a module (runner/adhoc.rs).
            let kind = if *table == "job" {
                "CASE WHEN j.module_name <> '' THEN 'ad_hoc_command' ELSE 'job' END".to_string()
            } else {
                format!("'{table}'")
            };
            format!(
                "SELECT j.id AS id, {kind} AS kind, j.name AS name, j.status AS status, j.launch_type AS launch_type,
                        j.started AS started, j.finished AS finished, j.elapsed AS elapsed, j.execution_node AS execution_node,
                        j.job_explanation AS job_explanation
                 FROM {table} j LEFT JOIN {ttable} t ON t.id = j.{fk}
                 WHERE ($1 = '' OR t.name = $1){status_filter}"
            )
        })
        .collect();
    tx.query_as::<JobSummary>(
        &format!("SELECT * FROM ({}) u ORDER BY id DESC LIMIT $2", parts.join(" UNION ALL ")),
        crate::params![template.unwrap_or_default(), limit.max(0)],
    )
}
