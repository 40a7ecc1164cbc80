//! `awxm job list|show|stdout|events|cancel`: jobs run by `run_job`.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Map, Value as Json, json};

use crate::context::Ctx;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::jobs::{self, CancelOutcome, JobDetail, JobKind, JobStatus};
use crate::output::{Format, Human, Report, cell};
use crate::runner::strip_ansi;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm job list --status failed --limit 20
  awxm job show 12
  awxm job stdout 12 > job12.log           # no ANSI escapes into a file (--color always keeps them)
  awxm job stdout 12 --download            # writes job-12-XXXX.out into job_output_dir
  awxm job stdout 12 --follow              # live output of a job started elsewhere, until it ends
  awxm job events 12 --follow -o jsonl     # each event as it is stored (like ansible-runner --json)
  awxm job events 12 --format jsonl | jq -c 'select(.failed)'
  awxm job events 12 --event runner_on_failed
  awxm job cancel 12                       # waits until the job has stopped
  awxm job list --status pending,waiting   # every kind, with why each waits
  awxm job wait 12 13 --timeout 600        # exit 0 all successful, 1 any not, 75 at the timeout
  awxm job relaunch 12 --wait              # the same prompts again
  awxm job ingest 12 --events DIR/artifacts/12/job_events.jsonl --stdout DIR/artifacts/12/stdout

`job stdout` shows the output with its colours on a colour terminal and without ANSI escapes
elsewhere (piped, NO_COLOR, TERM=dumb; --color always|never decides instead; --format json and
--download keep them unless --color never). `job stdout` of a running job prints the output stored so far (from its events). `--download`
buffers the complete output in a file under job_output_dir (the setting, else the config
file's; default <data_dir>/job_output), named job-<id>-<random>.out, as AWX does for downloads (ANSI codes kept
unless --color never); `awxm cleanup_stdout` purges old ones. `job cancel` sets the job's cancel
flag; its supervising awxm stops ansible-playbook (SIGTERM, then SIGKILL), the inventory script
or ansible-inventory of an update, or git, and marks it canceled (an update within a second).
A job that has not started, or whose supervisor is gone, is marked canceled at once. Canceling
a project update also cancels the running SCM inventory updates of its project (AWX's text:
Source project update `NAME` was canceled.).

`--follow` (stdout, events) keeps printing what a running job stores until it ends, then
exits like the job: 0 if it succeeded, 1 otherwise. A running job's `elapsed` is the time since
it started.

EXIT STATUS:
  stdout/events --follow: 0 the job succeeded, 1 it failed, errored or was canceled.
  cancel: 0 when the job is canceled, 1 when it had already finished, 75 when it was still
    running after --wait-timeout (the cancel stays requested).
  wait: 0 when every job succeeded, 1 when any did not, 75 at --timeout.
  relaunch: 0 (with --wait: 0 only if the new job succeeded, else 1); 65 for another kind
    (project, inventory and system updates, workflow jobs: launch their template again).

JSON OUTPUT (--format json):
  list:   {\"format_version\": 1, \"count\": N, \"items\": [{\"id\", \"type\" (job, project_update, inventory_update,
           system_job), \"name\", \"status\", \"launch_type\", \"started\", \"finished\", \"elapsed\",
           \"execution_node\", \"job_explanation\"}]}
  show:   one shape per kind, told apart by \"type\" (schemas/job.show.json). A job:
          run_job's document plus \"type\": \"job\", name, job_template, job_type, launch_type, playbook, inventory,
          project, limit, extra_vars, job_tags, skip_tags, forks, verbosity, timeout, diff_mode, job_args,
          job_cwd, job_env, result_traceback, scm_revision, project_update_id, emitted_events,
          cancel_flag, pid, work_dir, artifacts, created, controller_node (the awxm node that
          supervised a job run on an isolated node; execution_node is then that node),
          instance_group, isolated_dir (the job's directory on its isolated node until removed),
          dependencies and dependents ([{\"id\", \"type\", \"name\", \"status\"}]: what it waited for,
          and what waits for it). For a project update, inventory update or system job: \"type\",
          its common fields (id, name, status, launch_type, failed, cancel_flag, created, started,
          finished, elapsed, execution_node, controller_node, instance_group_id, task_impact,
          job_explanation, result_traceback, job_args, pid), its own (project_id, scm_* and
          local_path; inventory_source_id, inventory_id, source, source_path, overwrite,
          overwrite_vars, counts; system_job_template_id, job_type, extra_vars, rc), and
          dependencies/dependents. An ad hoc command adds \"type\": \"ad_hoc_command\", module_name
          and module_args. A workflow job: type, name, workflow_job_template, status, launch_type,
          failed, cancel_flag, times, extra_vars, inventory, limit, scm_branch, job_tags,
          skip_tags, allow_simultaneous, parent_workflow_job and run_workflow's nodes and edges; an
          approval: the `approval list` item. The exact shapes: schemas/job.show.json
  stdout: {\"format_version\": 1, \"id\": 12, \"status\": \"successful\", \"stdout\": \"...\"}
          (--download: {\"id\": 12, \"path\": \"/var/lib/awxm/job_output/job-12-ab12cd.out\", \"bytes\": 1234})
  events: {\"format_version\": 1, \"id\": 12, \"count\": N, \"items\": [{\"counter\", \"event\", \"uuid\", \"parent_uuid\",
           \"host\", \"task\", \"play\", \"role\", \"playbook\", \"stdout\", \"start_line\", \"end_line\",
           \"failed\", \"changed\", \"verbosity\", \"created\", \"event_data\"}]};
          --format jsonl prints one event object per line
  cancel: {\"format_version\": 1, \"id\": 12, \"status\": \"canceled\", \"canceled\": true}
  ingest: {\"format_version\": 1, \"id\": 12, \"events_read\": 27, \"events_inserted\": 0, \"bad_lines\": 0,
           \"bytes\": 41234, \"seconds\": 0.01, \"events_per_second\": 2700.0}
          (events already stored are skipped: ingesting the same file twice stores nothing twice)
  wait:   {\"format_version\": 1, \"jobs\": [{\"id\": 12, \"type\": \"job\", \"status\": \"successful\",
           \"job_explanation\": \"\"}]}
  relaunch: as `awxm launch` ({\"format_version\": 1, \"id\", \"type\", \"name\", \"status\",
           \"job_explanation\"})")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Recent jobs of every kind (jobs, project/inventory updates, system jobs), newest first;
    /// pending ones with the reason they wait
    List {
        /// Only jobs in these statuses (comma-separated, e.g. pending,waiting)
        #[arg(long, value_delimiter = ',', value_parser = ["new", "pending", "waiting", "running", "successful", "failed", "error", "canceled"])]
        status: Vec<String>,
        /// Only jobs of this template (job template, project, inventory source or system job template name)
        #[arg(long, value_name = "TEMPLATE")]
        template: Option<String>,
        /// At most this many jobs
        #[arg(long, default_value_t = 50, value_parser = crate::cli::whole::<i64>(0, crate::resources::types::INT_MAX))]
        limit: i64,
    },
    /// One job with all its fields and host summaries
    Show { id: i64 },
    /// The job's output
    Stdout {
        id: i64,
        /// Write the output to a file in job_output_dir and print its path
        #[arg(long, conflicts_with = "follow")]
        download: bool,
        /// Keep printing the output as it is stored until the job ends (exit 0 if it succeeded, else 1)
        #[arg(short, long)]
        follow: bool,
    },
    /// The job's events, in order
    Events {
        id: i64,
        /// Only events of this type (e.g. runner_on_failed)
        #[arg(long, value_name = "TYPE")]
        event: Option<String>,
        /// Only failed events
        #[arg(long)]
        failed: bool,
        /// Only events of this host
        #[arg(long)]
        host: Option<String>,
        /// Keep printing events as they are stored until the job ends (exit 0 if it succeeded, else 1)
        #[arg(short, long)]
        follow: bool,
    },
    /// Launch a job or ad hoc command again with the same prompts (AWX's relaunch; launch_type relaunch)
    Relaunch {
        id: i64,
        /// Wait for the new job to end (exit 0 only if it succeeded)
        #[arg(long)]
        wait: bool,
    },
    /// Wait until these jobs (of any kind: jobs, project/inventory updates, system jobs) end;
    /// exit 0 if all succeeded, 1 if any did not, 75 at --timeout
    Wait {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        /// Give up after this many seconds (exit 75)
        #[arg(long, value_name = "SECONDS", value_parser = crate::cli::seconds(0.0, crate::time::MAX_SECONDS as f64))]
        timeout: Option<f64>,
    },
    /// Store events (and stdout) from job artifacts: a kept private data directory, or files
    /// copied from elsewhere; idempotent
    Ingest {
        id: i64,
        /// Events file (JSON lines, as written by the awxm_display callback)
        #[arg(long, value_name = "FILE")]
        events: std::path::PathBuf,
        /// The job's raw stdout, stored as its output when given
        #[arg(long, value_name = "FILE")]
        stdout: Option<std::path::PathBuf>,
    },
    /// Cancel a job (from any shell)
    Cancel {
        id: i64,
        /// Return once the cancel is requested, without waiting for the job to stop
        #[arg(long)]
        no_wait: bool,
        /// Seconds to wait for the job to stop
        #[arg(long, default_value_t = 60.0, value_name = "SECONDS", value_parser = crate::cli::seconds(0.0, 86_400.0))]
        wait_timeout: f64,
    },
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum JobReport {
    List {
        count: usize,
        #[serde(rename = "items")]
        jobs: Vec<Map<String, Json>>,
    },
    Show(Box<Map<String, Json>>),
    Stdout {
        id: i64,
        status: String,
        stdout: String,
    },
    Download {
        id: i64,
        path: String,
        bytes: u64,
    },
    Events {
        id: i64,
        count: usize,
        #[serde(rename = "items")]
        events: Vec<Json>,
    },
    Cancel {
        id: i64,
        status: String,
        canceled: bool,
        #[serde(skip)]
        message: String,
    },
    Wait {
        jobs: Vec<WaitedJob>,
    },
    Relaunched(crate::commands::launch::LaunchReport),
    Ingest {
        id: i64,
        events_read: u64,
        events_inserted: u64,
        bad_lines: u64,
        bytes: u64,
        seconds: f64,
        events_per_second: f64,
    },
    /// Already written (streams).
    Streamed(#[serde(skip)] u8),
}

impl Report for JobReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            JobReport::List { jobs, .. } => out.table(
                &["ID", "TYPE", "NAME", "STATUS", "STARTED", "ELAPSED", "NODE", "EXPLANATION"],
                jobs.iter().map(|j| {
                    vec![
                        cell(&j["id"]),
                        cell(&j["type"]),
                        cell(&j["name"]),
                        cell(&j["status"]),
                        cell(&j["started"]),
                        j["elapsed"].as_f64().map(|e| format!("{e:.2}s")).unwrap_or_default(),
                        cell(&j["execution_node"]),
                        cell(&j["job_explanation"]),
                    ]
                }),
            ),
            JobReport::Show(m) => {
                let mut pairs: Vec<(String, String)> = Vec::new();
                for (k, v) in m.iter() {
                    if k == "host_summaries" || k == "job_env" || k == "nodes" || k == "edges" {
                        continue;
                    }
                    let text = match v {
                        Json::Object(_) | Json::Array(_) => v.to_string(),
                        other => cell(other),
                    };
                    pairs.push((k.clone(), text));
                }
                out.pairs(pairs)?;
                if let (Some(nodes), Some(edges)) = (m.get("nodes"), m.get("edges")) {
                    let nodes: Vec<crate::workflow::view::NodeView> = serde_json::from_value(nodes.clone()).unwrap_or_default();
                    let edges: Vec<crate::workflow::view::EdgeView> = serde_json::from_value(edges.clone()).unwrap_or_default();
                    out.line("")?;
                    out.line("nodes:")?;
                    for l in crate::workflow::view::tree(&nodes, &edges) {
                        out.line(format!("  {l}"))?;
                    }
                }
                if let Some(Json::Object(hs)) = m.get("host_summaries")
                    && !hs.is_empty()
                {
                    out.line("")?;
                    out.table(
                        &["HOST", "OK", "CHANGED", "FAILURES", "UNREACHABLE", "SKIPPED", "RESCUED", "IGNORED"],
                        hs.iter().map(|(h, c)| {
                            let mut row = vec![h.clone()];
                            for k in ["ok", "changed", "failures", "dark", "skipped", "rescued", "ignored"] {
                                row.push(cell(&c[k]));
                            }
                            row
                        }),
                    )?;
                }
                Ok(())
            }
            JobReport::Stdout { stdout, .. } => out.write_raw(stdout.as_bytes()),
            JobReport::Download { path, .. } => out.line(path),
            JobReport::Events { events, .. } => out.table(
                &["COUNTER", "EVENT", "HOST", "TASK", "FAILED", "CHANGED"],
                events.iter().map(|e| {
                    vec![
                        cell(&e["counter"]),
                        cell(&e["event"]),
                        cell(&e["host"]),
                        cell(&e["task"]),
                        cell(&e["failed"]),
                        cell(&e["changed"]),
                    ]
                }),
            ),
            JobReport::Cancel { message, .. } => out.line(message),
            JobReport::Relaunched(r) => r.human(out),
            JobReport::Wait { jobs } => out.table(
                &["ID", "TYPE", "STATUS", "EXPLANATION"],
                jobs.iter().map(|j| vec![j.id.to_string(), j.kind.to_string(), j.status.to_string(), j.job_explanation.clone()]),
            ),
            JobReport::Ingest { id, events_read, events_inserted, seconds, events_per_second, .. } => out.line(format!(
                "job {id}: read {events_read} events, stored {events_inserted} new ones in {seconds:.3}s ({events_per_second:.0} events/s)"
            )),
            JobReport::Streamed(_) => Ok(()),
        }
    }
    fn exit_code(&self) -> u8 {
        match self {
            JobReport::Cancel { canceled, .. } => u8::from(!canceled),
            JobReport::Wait { jobs } => u8::from(jobs.iter().any(|j| j.status != JobStatus::Successful)),
            JobReport::Relaunched(r) => r.exit_code(),
            JobReport::Streamed(c) => *c,
            _ => 0,
        }
    }
}

fn rfc(s: Option<String>) -> Json {
    jobs::row::rfc3339(s).map(Json::String).unwrap_or(Json::Null)
}

fn exists(tx: &mut Tx<'_>, id: i64) -> Result<JobStatus> {
    tx.scalar_opt::<JobStatus>("SELECT status FROM job WHERE id = $1", crate::params![id])?
        .ok_or_else(|| Error::not_found(format!("no job with id {id}")))
}

/// `job show` of a project update, inventory update or system job: the queue's common fields,
/// the kind's own, and its dependencies both ways.
fn show_other(tx: &mut Tx<'_>, kind: JobKind, id: i64) -> Result<Map<String, Json>> {
    let specific: &[&str] = match kind {
        JobKind::ProjectUpdate => &["project_id", "job_type", "scm_type", "scm_url", "scm_branch", "scm_revision", "local_path"],
        JobKind::InventoryUpdate => {
            &["inventory_source_id", "inventory_id", "source", "source_path", "overwrite", "overwrite_vars", "counts"]
        }
        JobKind::SystemJob => &["system_job_template_id", "job_type", "extra_vars", "rc"],
        _ => &[],
    };
    let common = [
        "id",
        "name",
        "status",
        "launch_type",
        "failed",
        "cancel_flag",
        "created",
        "started",
        "finished",
        "elapsed",
        "execution_node",
        "controller_node",
        "instance_group_id",
        "task_impact",
        "job_explanation",
        "result_traceback",
        "job_args",
        "pid",
    ];
    let cols: Vec<&str> = common.iter().chain(specific).copied().collect();
    let r = tx.query_one(&format!("SELECT {} FROM {} WHERE id = $1", cols.join(", "), kind.table()), crate::params![id])?;
    let mut m = Map::new();
    m.insert("type".into(), Json::from(kind.table()));
    for c in &cols {
        let v: Json = match *c {
            "created" | "started" | "finished" => rfc(r.col(c)?),
            "job_args" | "counts" | "extra_vars" => serde_json::from_str(&r.col::<String>(c)?).unwrap_or(Json::Null),
            // Booleans read alike on both backends (SQLite stores 0/1).
            "failed" | "cancel_flag" | "overwrite" | "overwrite_vars" => Json::from(r.col::<bool>(c)?),
            "elapsed" => Json::from(r.col::<f64>(c)?),
            _ => match r.col_value(c)? {
                crate::db::Value::Int(i) => Json::from(*i),
                crate::db::Value::Float(f) => Json::from(*f),
                crate::db::Value::Text(t) => Json::from(t.as_str()),
                crate::db::Value::Bool(b) => Json::from(*b),
                crate::db::Value::Null | crate::db::Value::Blob(_) => Json::Null,
            },
        };
        m.insert((*c).to_string(), v);
    }
    let (needs, needed_by) = dependencies(tx, id)?;
    m.insert("dependencies".into(), Json::Array(needs));
    m.insert("dependents".into(), Json::Array(needed_by));
    Ok(m)
}

/// What job `id` waits for (AWX's `dependent_jobs`) and what waits for it, with their status.
fn dependencies(tx: &mut Tx<'_>, id: i64) -> Result<(Vec<Json>, Vec<Json>)> {
    let mut one = |sql: &str| -> Result<Vec<Json>> {
        let ids: Vec<i64> = tx.query(sql, crate::params![id])?.iter().map(|r| r.col("other")).collect::<Result<_>>()?;
        ids.into_iter()
            .map(|o| {
                let kind = jobs::kind_of(tx, o)?;
                Ok(match kind {
                    Some(k) => {
                        let r = tx.query_one(&format!("SELECT name, status FROM {} WHERE id = $1", k.table()), crate::params![o])?;
                        json!({"id": o, "type": k.table(), "name": r.col::<String>("name")?, "status": r.col::<String>("status")?})
                    }
                    None => json!({"id": o, "type": null, "name": null, "status": "deleted"}),
                })
            })
            .collect()
    };
    let needs = one("SELECT depends_on_id AS other FROM unified_job_dependency WHERE job_id = $1 ORDER BY depends_on_id")?;
    let needed_by = one("SELECT job_id AS other FROM unified_job_dependency WHERE depends_on_id = $1 ORDER BY job_id")?;
    Ok((needs, needed_by))
}

fn show(tx: &mut Tx<'_>, id: i64) -> Result<Map<String, Json>> {
    let mut m = match serde_json::to_value(jobs::load_result(tx, id)?)? {
        Json::Object(m) => m,
        _ => Map::new(),
    };
    let d: JobDetail = jobs::row::load_detail(tx, id)?;
    let js = |s: &Option<String>| s.clone().map(Json::String).unwrap_or(Json::Null);
    let text = |s: &str| Json::String(s.to_string());
    let parsed = |s: &str| serde_json::from_str(s).unwrap_or(Json::Null);
    m.insert("name".into(), text(&d.name));
    m.insert("job_template".into(), js(&d.job_template));
    m.insert("job_type".into(), text(&d.job_type));
    m.insert("launch_type".into(), text(&d.launch_type));
    m.insert("playbook".into(), text(&d.playbook));
    m.insert("inventory".into(), js(&d.inventory));
    m.insert("project".into(), js(&d.project));
    m.insert("limit".into(), text(&d.limit));
    m.insert("extra_vars".into(), parsed(&d.extra_vars));
    m.insert("job_tags".into(), text(&d.job_tags));
    m.insert("skip_tags".into(), text(&d.skip_tags));
    m.insert("forks".into(), json!(d.forks));
    m.insert("verbosity".into(), json!(d.verbosity));
    m.insert("timeout".into(), json!(d.timeout));
    m.insert("diff_mode".into(), json!(d.diff_mode));
    m.insert("job_args".into(), parsed(&d.job_args));
    m.insert("job_cwd".into(), text(&d.job_cwd));
    m.insert("job_env".into(), parsed(&d.job_env));
    m.insert("result_traceback".into(), text(&d.result_traceback));
    m.insert("scm_revision".into(), text(&d.scm_revision));
    m.insert("project_update_id".into(), json!(d.project_update_id));
    m.insert("emitted_events".into(), json!(d.emitted_events));
    m.insert("cancel_flag".into(), json!(d.cancel_flag));
    m.insert("pid".into(), json!(d.pid));
    m.insert("work_dir".into(), text(&d.work_dir));
    m.insert("artifacts".into(), parsed(&d.artifacts));
    m.insert("created".into(), rfc(d.created));
    m.insert("controller_node".into(), text(&d.controller_node));
    m.insert("instance_group".into(), js(&d.instance_group));
    m.insert("isolated_dir".into(), text(&d.isolated_dir));
    m.insert("type".into(), text("job"));
    if !d.module_name.is_empty() {
        m.insert("type".into(), text("ad_hoc_command"));
        m.insert("module_name".into(), text(&d.module_name));
        m.insert("module_args".into(), text(&d.module_args));
    }
    let (needs, needed_by) = dependencies(tx, id)?;
    m.insert("dependencies".into(), Json::Array(needs));
    m.insert("dependents".into(), Json::Array(needed_by));
    Ok(m)
}

/// The output of a job that is still running, from its events.
fn stdout_from_events(tx: &mut Tx<'_>, id: i64) -> Result<String> {
    let mut s = String::new();
    tx.query_each("SELECT stdout, start_line, end_line FROM job_event WHERE job_id = $1 ORDER BY counter", crate::params![id], |r| {
        let text: String = r.col("stdout")?;
        let (a, b): (i64, i64) = (r.col("start_line")?, r.col("end_line")?);
        s.push_str(&text);
        if b > a {
            s.push('\n');
        }
        Ok(())
    })?;
    Ok(s)
}

fn event_json(r: &crate::db::Row) -> Result<Json> {
    Ok(json!({
        "counter": r.col::<i64>("counter")?,
        "event": r.col::<String>("event")?,
        "uuid": r.col::<String>("uuid")?,
        "parent_uuid": r.col::<String>("parent_uuid")?,
        "host": r.col::<String>("host_name")?,
        "task": r.col::<String>("task")?,
        "play": r.col::<String>("play")?,
        "role": r.col::<String>("role")?,
        "playbook": r.col::<String>("playbook")?,
        "stdout": r.col::<String>("stdout")?,
        "start_line": r.col::<i64>("start_line")?,
        "end_line": r.col::<i64>("end_line")?,
        "failed": r.col::<bool>("failed")?,
        "changed": r.col::<bool>("changed")?,
        "verbosity": r.col::<i64>("verbosity")?,
        "created": rfc(r.col("created")?),
        "event_data": serde_json::from_str::<Json>(&r.col::<String>("event_data")?).unwrap_or(Json::Null),
    }))
}

fn cancel(ctx: &Ctx, id: i64, no_wait: bool, wait_timeout: f64) -> Result<JobReport> {
    let mut db = ctx.db()?;
    let wait = (!no_wait).then(|| Duration::from_secs_f64(wait_timeout.max(0.0)));
    let node = ctx.config.node_name.clone();
    let outcome = if db.read(|tx| jobs::kind_of(tx, id))? == Some(JobKind::WorkflowJob) {
        // The workflow manager cancels its nodes and then ends it: run a cycle at once.
        let asked = db.write(|tx| jobs::cancel::request(tx, id, &node))?;
        crate::taskmanager::run::kick(ctx, &mut db)?;
        match (asked, wait) {
            (CancelOutcome::Requested(_), Some(t)) => jobs::cancel::wait(&mut db, id, &node, t)?,
            _ => asked,
        }
    } else {
        let outcome = jobs::cancel(&mut db, id, &node, wait)?;
        // A canceled approval is a failed node: its workflow advances now.
        if outcome == CancelOutcome::Canceled && db.read(|tx| jobs::kind_of(tx, id))? == Some(JobKind::WorkflowApproval) {
            crate::taskmanager::run::after_end(ctx, &mut db);
        }
        outcome
    };
    let (status, message) = match outcome {
        CancelOutcome::AlreadyFinished(st) => (st.to_string(), format!("job {id} already finished ({st}); nothing to cancel")),
        CancelOutcome::Canceled => (JobStatus::Canceled.to_string(), format!("job {id} canceled")),
        CancelOutcome::Requested(st) => (st.to_string(), format!("cancel of job {id} requested")),
        CancelOutcome::FinishedFirst(st) => (st.to_string(), format!("job {id} finished ({st}) before the cancel took effect")),
    };
    Ok(JobReport::Cancel { id, status, canceled: outcome.canceled(), message })
}

/// Ingest an events file (and optionally stdout) into job `id`, in one transaction.
fn ingest(ctx: &Ctx, id: i64, events: &std::path::Path, stdout: Option<&std::path::Path>) -> Result<JobReport> {
    use crate::runner::ingest::{EventIngester, StdoutCapture, ingest_file, tail_file};
    use crate::runner::redact::Redactor;
    use crate::runner::spec::JobSpec;
    if !events.is_file() {
        return Err(Error::not_found(format!("{}: no such file", events.display())));
    }
    let mut db = ctx.db()?;
    let started = Instant::now();
    let (read, inserted, bad, bytes) = db.write(|tx| {
        exists(tx, id)?;
        let spec = JobSpec::load(tx, &ctx.secrets, id)?;
        let redactor = Redactor::new(spec.secrets());
        let host_ids = spec.inventory.as_ref().map(|i| i.host_ids()).unwrap_or_default();
        let mut ing = EventIngester::new(id, host_ids, redactor.clone());
        let mut offset = 0u64;
        let inserted = ingest_file(tx, &mut ing, events, &mut offset, true)?;
        ing.finish(tx)?;
        tx.execute(
            "UPDATE job SET emitted_events = CASE WHEN emitted_events > $1 THEN emitted_events ELSE $1 END WHERE id = $2",
            crate::params![ing.max_counter, id],
        )?;
        if let Some(path) = stdout {
            let mut cap = StdoutCapture::new(redactor);
            let mut off = 0u64;
            tail_file(path, &mut off, |b| {
                cap.feed(b);
            })?;
            cap.flush();
            tx.execute("UPDATE job SET stdout = $1 WHERE id = $2", crate::params![cap.text(), id])?;
        }
        Ok((ing.parsed, inserted, ing.bad_lines, offset))
    })?;
    let seconds = started.elapsed().as_secs_f64();
    Ok(JobReport::Ingest {
        id,
        events_read: read,
        events_inserted: inserted,
        bad_lines: bad,
        bytes,
        seconds,
        events_per_second: if seconds > 0.0 { read as f64 / seconds } else { 0.0 },
    })
}

pub fn run(ctx: &Ctx, args: Args) -> Result<JobReport> {
    match args.action {
        Action::List { status, template, limit } => {
            let mut db = ctx.db()?;
            let statuses = status.iter().map(|s| JobStatus::parse(s)).collect::<Result<Vec<_>>>()?;
            let jobs = db.read(|tx| jobs::row::list(tx, &statuses, template.as_deref(), limit))?;
            let jobs = jobs
                .into_iter()
                .map(|j| match serde_json::to_value(j)? {
                    Json::Object(m) => Ok(m),
                    _ => Err(Error::internal("a job summary is not an object")),
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(JobReport::List { count: jobs.len(), jobs })
        }
        Action::Show { id } => {
            let mut db = ctx.db()?;
            Ok(JobReport::Show(Box::new(db.read(|tx| match jobs::kind_of(tx, id)? {
                Some(JobKind::Job) | None => show(tx, id),
                Some(JobKind::WorkflowJob) => crate::workflow::view::show(tx, id),
                Some(JobKind::WorkflowApproval) => crate::workflow::view::show_approval(tx, id),
                Some(kind) => show_other(tx, kind, id),
            })?)))
        }
        Action::Stdout { id, follow: true, .. } => follow_stdout(ctx, id),
        Action::Events { id, event, failed, host, follow: true } => follow_events(ctx, id, event, failed, host),
        Action::Stdout { id, download, .. } => {
            let mut db = ctx.db()?;
            let (status, stdout, out_dir) = db.read(|tx| {
                let kind = jobs::kind_of(tx, id)?.unwrap_or(JobKind::Job);
                if matches!(kind, JobKind::WorkflowJob | JobKind::WorkflowApproval) {
                    return Err(Error::data(format!(
                        "{} {id} has no output of its own; `awxm job show {id}` shows its nodes and their jobs",
                        kind.table().replace('_', " ")
                    )));
                }
                let status = if kind == JobKind::Job {
                    exists(tx, id)?
                } else {
                    tx.scalar::<JobStatus>(&format!("SELECT status FROM {} WHERE id = $1", kind.table()), crate::params![id])?
                };
                let stdout = if status.is_final() || kind != JobKind::Job {
                    tx.scalar::<String>(&format!("SELECT stdout FROM {} WHERE id = $1", kind.table()), crate::params![id])?
                } else {
                    stdout_from_events(tx, id)?
                };
                Ok((status, stdout, crate::runner::job_output_dir(ctx, tx)?))
            })?;
            // The stored output keeps its escapes. Shown to a person it is coloured only where
            // colour is wanted (--color, NO_COLOR, CLICOLOR_FORCE, TERM, a terminal); a file,
            // JSON or YAML keeps them unless --color never (--no-color) asks otherwise.
            let displayed = ctx.out.format == Format::Human && !download;
            let strip = ctx.out.color_choice == crate::output::ColorChoice::Never || (displayed && !ctx.out.color);
            let stdout = if strip { strip_ansi(&stdout) } else { stdout };
            if download {
                let dir = &out_dir;
                crate::cleanup::stdout::create_job_output_dir(dir)?;
                let (path, mut f) = loop {
                    let suffix = &uuid::Uuid::new_v4().simple().to_string()[..8];
                    let p = dir.join(format!("job-{id}-{suffix}.out"));
                    match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&p) {
                        Ok(f) => break (p, f),
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                        Err(e) => return Err(Error::io_at(&p, &e)),
                    }
                };
                f.write_all(stdout.as_bytes()).map_err(|e| Error::io_at(&path, &e))?;
                return Ok(JobReport::Download { id, path: path.display().to_string(), bytes: stdout.len() as u64 });
            }
            Ok(JobReport::Stdout { id, status: status.to_string(), stdout })
        }
        Action::Events { id, event, failed, host, .. } => {
            let mut db = ctx.db()?;
            let jsonl = ctx.out.format == Format::Jsonl;
            let out = ctx.out.clone();
            let mut collected = Vec::new();
            db.read(|tx| {
                exists(tx, id)?;
                tx.query_each(
                    &format!(
                        "SELECT {EVENT_COLUMNS} FROM job_event
                     WHERE job_id = $1 AND ($2 = '' OR event = $2) AND (NOT $3 OR failed) AND ($4 = '' OR host_name = $4)
                     ORDER BY counter"
                    ),
                    crate::params![id, event.clone().unwrap_or_default(), failed, host.clone().unwrap_or_default()],
                    |r| {
                        let e = event_json(r)?;
                        if jsonl {
                            match out.stream(&e.to_string()) {
                                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                                    return Err(Error::io(format!("writing to stdout: {e}")));
                                }
                                _ => {}
                            }
                        } else {
                            collected.push(e);
                        }
                        Ok(())
                    },
                )?;
                Ok(())
            })?;
            if jsonl {
                return Ok(JobReport::Streamed(0));
            }
            Ok(JobReport::Events { id, count: collected.len(), events: collected })
        }
        Action::Cancel { id, no_wait, wait_timeout } => cancel(ctx, id, no_wait, wait_timeout),
        Action::Ingest { id, events, stdout } => ingest(ctx, id, &events, stdout.as_deref()),
        Action::Wait { ids, timeout } => wait(ctx, &ids, timeout),
        Action::Relaunch { id, wait } => relaunch(ctx, id, wait),
    }
}

/// The `job_event` columns [`event_json`] reads.
const EVENT_COLUMNS: &str = "counter, event, uuid, parent_uuid, host_name, task, play, role, playbook, stdout, start_line, end_line, \
                             failed, changed, verbosity, created, event_data";

/// How often a follower looks for new output.
const FOLLOW_POLL: std::time::Duration = std::time::Duration::from_millis(300);

/// A job's status, any kind (None: no such job).
fn any_status(tx: &mut Tx<'_>, id: i64) -> Result<Option<(JobKind, JobStatus)>> {
    let Some(kind) = jobs::kind_of(tx, id)? else { return Ok(None) };
    let st = tx.scalar::<JobStatus>(&format!("SELECT status FROM {} WHERE id = $1", kind.table()), crate::params![id])?;
    Ok(Some((kind, st)))
}

/// The exit code of a followed job's end.
fn end_code(status: JobStatus) -> u8 {
    u8::from(status != JobStatus::Successful)
}

/// `job stdout --follow`: a job's output from its events as they are stored (other kinds: the
/// output stored at their end), until it ends.
fn follow_stdout(ctx: &Ctx, id: i64) -> Result<JobReport> {
    ctx.cancel_on_signals()?;
    let mut db = ctx.db()?;
    let strip = !ctx.out.color;
    let mut last = 0i64;
    loop {
        let (kind, status) = db.read(|tx| any_status(tx, id))?.ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
        if kind == JobKind::Job {
            let mut text = String::new();
            db.read(|tx| {
                tx.query_each(
                    "SELECT counter, stdout, start_line, end_line FROM job_event WHERE job_id = $1 AND counter > $2 ORDER BY counter LIMIT 10000",
                    crate::params![id, last],
                    |r| {
                        last = r.col("counter")?;
                        text.push_str(&r.col::<String>("stdout")?);
                        if r.col::<i64>("end_line")? > r.col::<i64>("start_line")? {
                            text.push('\n');
                        }
                        Ok(())
                    },
                )
                .map(|_| ())
            })?;
            if !text.is_empty() {
                let shown = if strip { strip_ansi(&text) } else { text };
                ctx.out.raw(shown.as_bytes()).map_err(|e| Error::io(format!("writing to stdout: {e}")))?;
                continue;
            }
        } else if status.is_final() {
            let out =
                db.read(|tx| tx.scalar::<String>(&format!("SELECT stdout FROM {} WHERE id = $1", kind.table()), crate::params![id]))?;
            let shown = if strip { strip_ansi(&out) } else { out };
            ctx.out.raw(shown.as_bytes()).map_err(|e| Error::io(format!("writing to stdout: {e}")))?;
        }
        if status.is_final() {
            return Ok(JobReport::Streamed(end_code(status)));
        }
        if ctx.cancelled() {
            return Err(Error::new(crate::error::ErrorKind::Interrupted, "interrupted"));
        }
        std::thread::sleep(FOLLOW_POLL);
    }
}

/// `job events --follow`: a job's events as they are stored (JSON lines with --format jsonl or
/// json, else one line per event), until it ends.
fn follow_events(ctx: &Ctx, id: i64, event: Option<String>, failed: bool, host: Option<String>) -> Result<JobReport> {
    ctx.cancel_on_signals()?;
    let mut db = ctx.db()?;
    let human = ctx.out.format == Format::Human;
    let mut last = 0i64;
    loop {
        let (_, status) = db.read(|tx| any_status(tx, id))?.ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
        let batch = events_after(&mut db, id, &mut last)?;
        let got = !batch.is_empty();
        for e in batch {
            let keep = event.as_deref().is_none_or(|t| e["event"] == t)
                && (!failed || e["failed"] == true)
                && host.as_deref().is_none_or(|h| e["host"] == h);
            if !keep {
                continue;
            }
            let line = if human {
                format!(
                    "{:>5} {:<28} {:<20} {}",
                    e["counter"],
                    e["event"].as_str().unwrap_or_default(),
                    e["host"].as_str().unwrap_or_default(),
                    e["task"].as_str().unwrap_or_default()
                )
            } else {
                e.to_string()
            };
            match ctx.out.stream(&line) {
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => return Ok(JobReport::Streamed(end_code(status))),
                Err(err) => return Err(Error::io(format!("writing to stdout: {err}"))),
                Ok(()) => {}
            }
        }
        if got {
            continue;
        }
        if status.is_final() {
            return Ok(JobReport::Streamed(end_code(status)));
        }
        if ctx.cancelled() {
            return Err(Error::new(crate::error::ErrorKind::Interrupted, "interrupted"));
        }
        std::thread::sleep(FOLLOW_POLL);
    }
}

/// The next events of job `id` after counter `last` (at most 10,000), as `job events` shows
/// them; `last` moves to the newest one read.
fn events_after(db: &mut crate::db::Db, id: i64, last: &mut i64) -> Result<Vec<Json>> {
    let mut batch = Vec::new();
    db.read(|tx| {
        tx.query_each(
            &format!("SELECT {EVENT_COLUMNS} FROM job_event WHERE job_id = $1 AND counter > $2 ORDER BY counter LIMIT 10000"),
            crate::params![id, *last],
            |r| {
                *last = r.col("counter")?;
                batch.push(event_json(r)?);
                Ok(())
            },
        )
        .map(|_| ())
    })?;
    Ok(batch)
}

/// Print job `id`'s events as JSON lines as they are stored, until it ends or `stop` is set
/// (then what is left is printed): `run_job --format jsonl`, on a connection of its own.
pub fn stream_events(mut db: crate::db::Db, out: crate::output::Output, id: i64, stop: &std::sync::atomic::AtomicBool) -> Result<()> {
    let mut last = 0i64;
    loop {
        let done = stop.load(std::sync::atomic::Ordering::SeqCst) || db.read(|tx| any_status(tx, id))?.is_none_or(|(_, s)| s.is_final());
        let batch = events_after(&mut db, id, &mut last)?;
        let got = !batch.is_empty();
        for e in batch {
            match out.stream(&e.to_string()) {
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                Err(err) => return Err(Error::io(format!("writing to stdout: {err}"))),
                Ok(()) => {}
            }
        }
        if !got && done {
            return Ok(());
        }
        if !got {
            std::thread::sleep(FOLLOW_POLL);
        }
    }
}

fn relaunch(ctx: &Ctx, id: i64, wait: bool) -> Result<JobReport> {
    let mut db = ctx.db()?;
    let new = db.write(|tx| {
        match jobs::kind_of(tx, id)? {
            None => return Err(Error::not_found(format!("no job with id {id}"))),
            Some(JobKind::Job) => {}
            Some(kind) => {
                return Err(Error::data(format!(
                    "{} {id} cannot be relaunched: only jobs and ad hoc commands can; launch its template again with `awxm launch`",
                    kind.table()
                )));
            }
        }
        let row = tx.query_one("SELECT job_template_id, module_name FROM job WHERE id = $1", crate::params![id])?;
        if !row.col::<String>("module_name")?.is_empty() {
            jobs::hooks::before_launch(ctx, tx, 0)?;
            return crate::runner::adhoc::relaunch(tx, &ctx.secrets, id);
        }
        if let Some(t) = row.col::<Option<i64>>("job_template_id")? {
            jobs::hooks::before_launch(ctx, tx, t)?;
        }
        crate::runner::job::relaunch(tx, id)
    })?;
    Ok(JobReport::Relaunched(crate::commands::launch::follow(ctx, &mut db, JobKind::Job, new, wait)?))
}

/// A job `job wait` waited for.
#[derive(Debug, Serialize)]
pub struct WaitedJob {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub status: JobStatus,
    pub job_explanation: String,
}

fn wait(ctx: &Ctx, ids: &[i64], timeout: Option<f64>) -> Result<JobReport> {
    ctx.cancel_on_signals()?;
    let mut db = ctx.db()?;
    let deadline = timeout.map(|t| std::time::Instant::now() + std::time::Duration::from_secs_f64(t));
    let kinds = db.read(|tx| {
        ids.iter()
            .map(|&id| jobs::kind_of(tx, id)?.ok_or_else(|| Error::not_found(format!("no job with id {id}"))))
            .collect::<Result<Vec<_>>>()
    })?;
    loop {
        let now = db.read(|tx| {
            ids.iter()
                .zip(&kinds)
                .map(|(&id, &kind)| {
                    let r =
                        tx.query_one(&format!("SELECT status, job_explanation FROM {} WHERE id = $1", kind.table()), crate::params![id])?;
                    Ok(WaitedJob { id, kind: kind.table(), status: r.col("status")?, job_explanation: r.col("job_explanation")? })
                })
                .collect::<Result<Vec<_>>>()
        })?;
        let open: Vec<i64> = now.iter().filter(|j| !j.status.is_final()).map(|j| j.id).collect();
        if open.is_empty() {
            return Ok(JobReport::Wait { jobs: now });
        }
        if ctx.cancelled() {
            return Err(Error::new(crate::error::ErrorKind::Interrupted, "interrupted while waiting"));
        }
        if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            return Err(Error::temp(format!("still not finished after {}s: {open:?}", timeout.unwrap_or_default())));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}
