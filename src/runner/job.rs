//! A job's life (AWX §7.1): launch (a job record from a template plus launch-time overrides),
//! then `run`: waiting → project sync if needed → private data directory → running under a pty
//! with events and stdout ingested as they come → final status, host summaries, cleanup.
//!
//! The process running [`run`] is the job's supervisor: its pid is the job's `pid` and the
//! job's `execution_node` is this node, so `jobs::reap_local_orphans` can fail the job if the
//! supervisor dies.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Map, Value as Json, json};

use super::agent::Agent;
use super::extravars::JinjaPolicy;
use super::hooks;
use super::ingest::{EventIngester, HostCounts, StdoutCapture, tail_file};
use super::inventory::InventoryFormat;
use super::private_dir::{self, BuildOptions, Prepared};
use super::process::{self, Limits, Observer, PtyChild, Stop};
use super::project::{self, Project};
use super::remote::{self, Remote, State};
use super::spec::JobSpec;
use crate::cluster::placement::{self, Decision};
use crate::context::Ctx;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::jobs::{self, JobKind};
use crate::settings::{self, Setting};
use crate::ssh::Conn;

pub const TIMEOUT_EXPLANATION: &str = "Job terminated due to timeout";
pub const NO_INVENTORY: &str = "Job could not start because it does not have a valid inventory.";
pub const NO_PROJECT: &str = "Job could not start because it does not have a valid project.";
pub const PROJECT_FAILED: &str = "The project revision for this job template is unknown due to a failed update.";

/// Launch-time overrides of the template's options.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub limit: Option<String>,
    pub extra_vars: Map<String, Json>,
    pub job_tags: Option<String>,
    pub skip_tags: Option<String>,
    pub job_type: Option<String>,
    pub verbosity: Option<i64>,
    pub forks: Option<i64>,
    pub diff_mode: Option<bool>,
    pub timeout: Option<i64>,
    pub launch_type: Option<String>,
    /// Run in this instance group instead of the template's.
    pub instance_group_id: Option<i64>,
}

/// Create a `pending` job from a template (one transaction with the caller's).
pub fn create_job(tx: &mut Tx<'_>, template_id: i64, o: &Overrides, node: &str) -> Result<i64> {
    let t = tx
        .query_opt(
            "SELECT name, organization_id, job_type, inventory_id, project_id, playbook, scm_branch, forks, job_limit, verbosity,
                    extra_vars, job_tags, skip_tags, start_at_task, force_handlers, become_enabled, diff_mode, timeout, use_fact_cache
             FROM job_template WHERE id = $1",
            crate::params![template_id],
        )?
        .ok_or_else(|| Error::not_found(format!("no job template with id {template_id}")))?;
    let mut extra: Map<String, Json> = match serde_json::from_str::<Json>(&t.get::<String>(10)?) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    };
    for (k, v) in &o.extra_vars {
        extra.insert(k.clone(), v.clone());
    }
    let job_type = o.job_type.clone().unwrap_or(t.get::<String>(2)?);
    if job_type != "run" && job_type != "check" {
        return Err(Error::usage(format!("job type must be run or check, not {job_type:?}")));
    }
    let now = crate::time::now_str();
    let id = tx.insert(
        "INSERT INTO job (name, job_template_id, organization_id, launch_type, status, job_type, inventory_id, project_id, playbook,
            scm_branch, forks, job_limit, verbosity, extra_vars, job_tags, skip_tags, start_at_task, force_handlers, become_enabled,
            diff_mode, timeout, use_fact_cache, execution_node, pid, created, modified)
         VALUES ($1, $2, $3, $4, 'new', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $24)
         RETURNING id",
        crate::params![
            t.get::<String>(0)?,
            template_id,
            t.get::<Option<i64>>(1)?,
            o.launch_type.clone().unwrap_or_else(|| "manual".into()),
            job_type,
            t.get::<Option<i64>>(3)?,
            t.get::<Option<i64>>(4)?,
            t.get::<String>(5)?,
            t.get::<String>(6)?,
            o.forks.unwrap_or(t.get::<i64>(7)?),
            o.limit.clone().unwrap_or(t.get::<String>(8)?),
            o.verbosity.unwrap_or(t.get::<i64>(9)?),
            Json::Object(extra).to_string(),
            o.job_tags.clone().unwrap_or(t.get::<String>(11)?),
            o.skip_tags.clone().unwrap_or(t.get::<String>(12)?),
            t.get::<String>(13)?,
            t.get::<bool>(14)?,
            t.get::<bool>(15)?,
            o.diff_mode.unwrap_or(t.get::<bool>(16)?),
            o.timeout.unwrap_or(t.get::<i64>(17)?),
            t.get::<bool>(18)?,
            node,
            std::process::id() as i64,
            now.as_str()
        ],
    )?;
    if let Some(g) = o.instance_group_id {
        tx.execute("UPDATE job SET instance_group_id = $1 WHERE id = $2", crate::params![g, id])?;
    }
    tx.execute(
        "INSERT INTO job_credential (job_id, credential_id) SELECT $1, credential_id FROM job_template_credential WHERE job_template_id = $2",
        crate::params![id, template_id],
    )?;
    // AWX's task impact (capacity used while it runs): min(hosts, forks or 5) + 1.
    let (hosts, forks): (Option<i64>, i64) = {
        let r = tx.query_one(
            "SELECT i.total_hosts, j.forks FROM job j LEFT JOIN inventory i ON i.id = j.inventory_id WHERE j.id = $1",
            crate::params![id],
        )?;
        (r.get(0)?, r.get(1)?)
    };
    tx.execute("UPDATE job SET task_impact = $1 WHERE id = $2", crate::params![crate::cluster::capacity::job_impact(hosts, forks), id])?;
    jobs::set_status(tx, JobKind::Job, id, "pending", None)?;
    Ok(id)
}

/// The job report (`run_job --format json`, `job show`).
#[derive(Debug, Clone, Serialize)]
pub struct JobResult {
    pub id: i64,
    pub status: String,
    pub rc: Option<i64>,
    pub started: Option<String>,
    pub finished: Option<String>,
    pub elapsed: f64,
    pub execution_node: String,
    pub job_explanation: String,
    pub host_summaries: BTreeMap<String, HostCounts>,
    pub event_count: i64,
}

fn rfc3339(s: Option<String>) -> Option<String> {
    s.and_then(|s| crate::time::parse(&s)).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
}

pub fn load_result(tx: &mut Tx<'_>, id: i64) -> Result<JobResult> {
    let r = tx
        .query_opt(
            "SELECT status, rc, started, finished, elapsed, execution_node, job_explanation FROM job WHERE id = $1",
            crate::params![id],
        )?
        .ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
    let mut host_summaries = BTreeMap::new();
    tx.query_each(
        "SELECT host_name, ok, changed, failures, dark, skipped, rescued, ignored FROM job_host_summary WHERE job_id = $1 ORDER BY host_name",
        crate::params![id],
        |h| {
            host_summaries.insert(
                h.get::<String>(0)?,
                HostCounts {
                    ok: h.get(1)?,
                    changed: h.get(2)?,
                    failures: h.get(3)?,
                    dark: h.get(4)?,
                    skipped: h.get(5)?,
                    rescued: h.get(6)?,
                    ignored: h.get(7)?,
                },
            );
            Ok(())
        },
    )?;
    Ok(JobResult {
        id,
        status: r.get(0)?,
        rc: r.get(1)?,
        started: rfc3339(r.get(2)?),
        finished: rfc3339(r.get(3)?),
        elapsed: r.get(4)?,
        execution_node: r.get(5)?,
        job_explanation: r.get(6)?,
        host_summaries,
        event_count: tx.scalar("SELECT count(*) FROM job_event WHERE job_id = $1", crate::params![id])?,
    })
}

/// Receives a job's output as it comes.
pub type LiveSink<'a> = dyn FnMut(&[u8]) + 'a;

/// How to run.
pub struct RunOptions<'a> {
    pub keep_artifacts: bool,
    pub inventory_format: InventoryFormat,
    /// Receives the (redacted) output as it comes, for a terminal.
    pub live: Option<&'a mut LiveSink<'a>>,
    /// Fail the job instead of waiting when no isolated node has capacity for it.
    pub no_wait: bool,
}

/// Runner settings (cluster-wide, in the database).
pub static DEFAULT_JOB_TIMEOUT: Setting<i64> =
    Setting::new("default_job_timeout", "0", settings::SECONDS, "Seconds a job may run when its template sets no timeout (0: no limit)");
pub static MAX_FORKS: Setting<i64> = Setting::new("max_forks", "200", settings::COUNT, "Upper limit for a job's forks (0: no limit)");
pub static ALLOW_JINJA_IN_EXTRA_VARS: Setting<String> = Setting::new(
    "allow_jinja_in_extra_vars",
    "\"template\"",
    settings::Kind::Choice(&["always", "never", "template"]),
    "Whether extra vars may contain Jinja: always, never, or template (only the template's own)",
);
pub static AWX_TASK_ENV: Setting<Map<String, Json>> =
    Setting::new("awx_task_env", "{}", settings::Kind::Map, "Extra environment variables for every job (a mapping)");
pub static AWX_ISOLATION_BASE_PATH: Setting<String> = Setting::new(
    "awx_isolation_base_path",
    "\"\"",
    settings::Kind::Text,
    "Where job private data directories are created (empty: the system temp dir)",
);
pub static AWX_CLEANUP_PATHS: Setting<bool> =
    Setting::new("awx_cleanup_paths", "true", settings::Kind::Bool, "Remove job private data directories after the run");
pub static JOB_TERMINATION_GRACE_PERIOD: Setting<f64> = Setting::new(
    "job_termination_grace_period",
    "5",
    settings::Kind::Seconds { min: 0.0, max: 3600.0, whole: false },
    "Seconds between SIGTERM and SIGKILL when a job is canceled or times out",
);

enum Early {
    /// The job fails before ansible runs (AWX's pre-run checks).
    Failed(String),
    /// Preparation broke (status error, with a traceback).
    Error(Error),
}

impl From<Error> for Early {
    fn from(e: Error) -> Early {
        Early::Error(e)
    }
}

/// Record the final status; returns the result.
fn finish_early(ctx: &Ctx, db: &mut Db, id: i64, early: Early) -> Result<JobResult> {
    let (status, explanation, traceback) = match early {
        Early::Failed(m) => ("failed", m, String::new()),
        Early::Error(e) => {
            let mut tb = e.message.clone();
            for d in &e.details {
                tb.push('\n');
                tb.push_str(d);
            }
            ("error", e.message, tb)
        }
    };
    db.write(|tx| {
        tx.execute("UPDATE job SET result_traceback = $1 WHERE id = $2", crate::params![traceback.as_str(), id])?;
        jobs::set_status(tx, JobKind::Job, id, status, Some(&explanation))
    })?;
    hooks::job_finished(ctx, db, id, status);
    db.read(|tx| load_result(tx, id))
}

enum Placed {
    /// Already finished or canceled (`true`: canceled by this call): nothing to run.
    Done(bool),
    /// Run here (`None`) or on this isolated node.
    Go(Option<String>),
    Wait(String),
}

/// Place the job (this node, or an isolated node with capacity) and move it to `waiting`;
/// while no node has capacity, it stays `pending` with the reason as its explanation.
fn place(ctx: &Ctx, db: &mut Db, id: i64, no_wait: bool) -> Result<Placed> {
    let node = ctx.config.node_name.clone();
    let me = std::process::id() as i64;
    let mut announced = String::new();
    loop {
        let step = db.write(|tx| {
            let row = tx.query_opt("SELECT status, cancel_flag FROM job WHERE id = $1", crate::params![id])?;
            let Some(row) = row else { return Err(Error::not_found(format!("no job with id {id}"))) };
            let (status, cancel): (String, bool) = (row.get(0)?, row.get(1)?);
            if !matches!(status.as_str(), "new" | "pending") {
                // Canceled while pending (or already run): nothing to do.
                return Ok(Placed::Done(false));
            }
            if cancel {
                tx.execute("UPDATE job SET canceled_on = $1 WHERE id = $2", crate::params![crate::time::now_str(), id])?;
                jobs::set_status(tx, JobKind::Job, id, "canceled", None)?;
                return Ok(Placed::Done(true));
            }
            tx.lock("awxm-job-placement")?;
            let now = crate::time::now_str();
            match placement::place(tx, id)? {
                Decision::Local { group_id } => {
                    tx.execute(
                        "UPDATE job SET pid = $1, execution_node = $2, controller_node = '', instance_group_id = COALESCE($3, instance_group_id),
                            job_explanation = '', modified = $4 WHERE id = $5",
                        crate::params![me, node.as_str(), group_id, now.as_str(), id],
                    )?;
                    jobs::set_status(tx, JobKind::Job, id, "waiting", None)?;
                    Ok(Placed::Go(None))
                }
                Decision::Remote(p) => {
                    tx.execute(
                        "UPDATE job SET pid = $1, execution_node = $2, controller_node = $3, instance_group_id = $4, job_explanation = '',
                            modified = $5 WHERE id = $6",
                        crate::params![me, p.instance.as_str(), node.as_str(), p.group_id, now.as_str(), id],
                    )?;
                    jobs::set_status(tx, JobKind::Job, id, "waiting", None)?;
                    Ok(Placed::Go(Some(p.instance)))
                }
                Decision::Wait(why) => {
                    tx.execute(
                        "UPDATE job SET pid = $1, execution_node = '', controller_node = $2, job_explanation = $3, modified = $4 WHERE id = $5",
                        crate::params![me, node.as_str(), why.as_str(), now.as_str(), id],
                    )?;
                    Ok(Placed::Wait(why))
                }
            }
        })?;
        let Placed::Wait(why) = step else { return Ok(step) };
        if no_wait {
            return Ok(Placed::Wait(why));
        }
        if why != announced {
            ctx.out.status(format!("job {id} is pending: {why}"));
            announced = why;
        }
        let interval = db.read(|tx| check_interval(ctx, tx))?;
        let until = Instant::now() + interval;
        while Instant::now() < until {
            if ctx.cancelled() {
                db.write(|tx| {
                    tx.execute("UPDATE job SET cancel_flag = TRUE WHERE id = $1", crate::params![id])?;
                    Ok(())
                })?;
                break;
            }
            std::thread::sleep(Duration::from_millis(100).min(interval));
        }
    }
}

/// Seconds between polls of isolated nodes (`awx_isolated_check_interval`).
fn check_interval(ctx: &Ctx, tx: &mut Tx<'_>) -> Result<Duration> {
    let s = settings::get(tx, &ctx.secrets, &AWX_ISOLATED_CHECK_INTERVAL)?;
    Ok(Duration::from_secs_f64(if s.is_finite() { s.clamp(0.05, 3600.0) } else { 30.0 }))
}

/// Supervise job `id` (created by [`create_job`]) from `pending` to its final status.
pub fn run(ctx: &Ctx, db: &mut Db, id: i64, opts: RunOptions<'_>) -> Result<JobResult> {
    process::become_subreaper();
    let remote = match place(ctx, db, id, opts.no_wait)? {
        Placed::Done(canceled_here) => {
            if canceled_here {
                hooks::job_finished(ctx, db, id, "canceled");
            }
            return db.read(|tx| load_result(tx, id));
        }
        Placed::Wait(why) => return finish_early(ctx, db, id, Early::Failed(why)),
        Placed::Go(remote) => remote,
    };
    match execute(ctx, db, id, opts, remote) {
        Ok(r) => Ok(r),
        Err(early) => {
            let msg = match &early {
                Early::Failed(m) => m.clone(),
                Early::Error(e) => e.message.clone(),
            };
            finish_early(ctx, db, id, early)
                .map_err(|e2| Error::new(e2.kind, format!("job {id}: {msg}; recording that failed too: {}", e2.message)))
        }
    }
}

fn execute(ctx: &Ctx, db: &mut Db, id: i64, mut opts: RunOptions<'_>, remote: Option<String>) -> Result<JobResult, Early> {
    let spec = db.read(|tx| JobSpec::load(tx, &ctx.secrets, id))?;
    if spec.inventory.is_none() {
        return Err(Early::Failed(NO_INVENTORY.into()));
    }
    let Some(project_id) = spec.project_id else { return Err(Early::Failed(NO_PROJECT.into())) };
    let projects_root = db.read(|tx| super::projects_root(ctx, tx))?;
    let mut proj = db.read(|tx| Project::load(tx, &projects_root, project_id))?;

    // Project sync before the run (update on launch, or a missing checkout).
    if proj.needs_update_on_launch() {
        let up = project::update(ctx, db, project_id, "dependency")?;
        db.write(|tx| {
            tx.execute("UPDATE job SET project_update_id = $1 WHERE id = $2", crate::params![up.id, id])?;
            Ok(())
        })?;
        if up.status == "canceled" || ctx.cancelled() {
            db.write(|tx| {
                tx.execute(
                    "UPDATE job SET cancel_flag = TRUE, canceled_on = $1 WHERE id = $2",
                    crate::params![crate::time::now_str(), id],
                )?;
                jobs::set_status(tx, JobKind::Job, id, "canceled", None)
            })?;
            hooks::job_finished(ctx, db, id, "canceled");
            return Ok(db.read(|tx| load_result(tx, id))?);
        }
        if up.status != "successful" {
            let detail = json!({"job_type": "project_update", "job_name": up.project, "job_id": up.id});
            return Err(Early::Failed(format!("Previous Task Failed: {detail}")));
        }
        proj = db.read(|tx| Project::load(tx, &projects_root, project_id))?;
    } else if proj.is_scm() && matches!(proj.status.as_str(), "failed" | "error") {
        return Err(Early::Failed(PROJECT_FAILED.into()));
    }
    if !proj.dir.is_dir() {
        return Err(Early::Failed(format!("project {:?}: directory {} does not exist", proj.name, proj.dir.display())));
    }
    if let Err(e) = proj.playbook_path(&spec.playbook) {
        return Err(Early::Failed(e.message));
    }

    // Settings and tools.
    let (default_timeout, max_forks, jinja, task_env, base_path, cleanup, grace, url_base) = db.read(|tx| {
        let s = &ctx.secrets;
        let task_env = settings::get(tx, s, &AWX_TASK_ENV)?;
        Ok((
            settings::get(tx, s, &DEFAULT_JOB_TIMEOUT)?,
            settings::get(tx, s, &MAX_FORKS)?,
            JinjaPolicy::parse(&settings::get(tx, s, &ALLOW_JINJA_IN_EXTRA_VARS)?)?,
            task_env,
            settings::get(tx, s, &AWX_ISOLATION_BASE_PATH)?,
            settings::get(tx, s, &AWX_CLEANUP_PATHS)?,
            settings::get(tx, s, &JOB_TERMINATION_GRACE_PERIOD)?,
            settings::get(tx, s, &settings::TOWER_URL_BASE)?,
        ))
    })?;
    let base_dir = if base_path.is_empty() { std::env::temp_dir() } else { PathBuf::from(base_path) };
    // On an isolated node: connect, find its ansible-playbook and Python, take its PATH.
    let mut node = match &remote {
        None => None,
        Some(hostname) => {
            let n = db.read(|tx| remote::Node::load(ctx, tx, hostname))?;
            let mut conn = Conn::connect(&n.target, &n.opts).map_err(Error::from)?;
            let pf = remote::preflight(&mut conn, &n)?;
            Some((n, conn, pf))
        }
    };
    let (base_env, ansible_playbook, ssh_agent, ssh_add) = match &node {
        Some((_, _, pf)) => (pf.base_env.clone(), PathBuf::from(&pf.ansible_playbook), None, None),
        None => {
            let base_env = project::child_base_env();
            let path_env = base_env.iter().find(|(k, _)| k == "PATH").map(|(_, v)| v.clone());
            let bin_dir = ctx.config.ansible_bin_dir.clone();
            let ansible_playbook =
                private_dir::find_program("ansible-playbook", bin_dir.as_deref(), path_env.as_deref()).ok_or_else(|| {
                    Error::unavailable(match &bin_dir {
                        Some(d) => format!("ansible-playbook not found in {} (ansible_bin_dir)", d.display()),
                        None => "ansible-playbook not found on PATH; install ansible-core or set ansible_bin_dir in the config file (or AWXM_ANSIBLE_BIN_DIR)".into(),
                    })
                })?;
            let ssh_agent = private_dir::find_program("ssh-agent", None, path_env.as_deref());
            let ssh_add = private_dir::find_program("ssh-add", None, path_env.as_deref());
            (base_env, ansible_playbook, ssh_agent, ssh_add)
        }
    };
    let build_opts = BuildOptions {
        base_dir,
        ansible_playbook,
        project_dir: proj.dir.clone(),
        project_revision: proj.scm_revision.clone(),
        inventory_format: opts.inventory_format,
        max_forks,
        jinja,
        task_env,
        tower_url_base: url_base,
        default_timeout,
        base_env,
        use_agent: match &node {
            Some((_, _, pf)) => pf.has_agent,
            None => ssh_agent.is_some() && ssh_add.is_some(),
        },
    };
    let mut prepared = private_dir::build(&spec, &build_opts)?;
    if opts.keep_artifacts || !cleanup {
        prepared.dir.keep();
    }
    for w in &prepared.warnings {
        ctx.out.warn(format!("job {id}: {w}"));
    }

    // The machine credential's key goes into a per-job ssh-agent.
    let mut agent = None;
    if let (Some((key, unlock)), Some(agent_bin), Some(add_bin)) = (prepared.ssh_key.clone(), ssh_agent, ssh_add) {
        let a = Agent::start(&agent_bin, &prepared.dir.root, !prepared.dir.is_kept())?;
        let cname = spec.machine.as_ref().map(|m| m.name.clone()).unwrap_or_default();
        a.add_key(&add_bin, &key, &unlock, &cname, &prepared.redactor)?;
        prepared.command.env.retain(|(k, _)| k != "SSH_AUTH_SOCK");
        prepared.command.env.push(("SSH_AUTH_SOCK".into(), a.sock.display().to_string()));
        prepared.safe_env.insert("SSH_AUTH_SOCK".into(), Json::String(a.sock.display().to_string()));
        agent = Some(a);
    }

    // On a node, the command refers to the node's copy of the private data directory (where
    // the runner loads the key into an ssh-agent of the job's).
    let remote_root = match &node {
        Some((n, _, _)) => {
            let root = remote::remote_root(&n.work_dir, &prepared.dir.root);
            if prepared.ssh_key.is_some() {
                let sock = prepared.dir.root.join(remote::AGENT_SOCKET).display().to_string();
                prepared.command.env.retain(|(k, _)| k != "SSH_AUTH_SOCK");
                prepared.command.env.push(("SSH_AUTH_SOCK".into(), sock.clone()));
                prepared.safe_env.insert("SSH_AUTH_SOCK".into(), Json::String(sock));
            }
            remote::relocate(&mut prepared, &root);
            root
        }
        None => String::new(),
    };
    let work_dir = if prepared.dir.is_kept() { prepared.dir.root.display().to_string() } else { String::new() };
    let canceled_meanwhile = db.write(|tx| {
        tx.execute(
            "UPDATE job SET job_args = $1, job_cwd = $2, job_env = $3, work_dir = $4, scm_revision = $5, modified = $6 WHERE id = $7",
            crate::params![
                json!(prepared.job_args).to_string(),
                prepared.command.cwd.display().to_string(),
                Json::Object(prepared.safe_env.clone()).to_string(),
                work_dir.as_str(),
                proj.scm_revision.as_str(),
                crate::time::now_str(),
                id
            ],
        )?;
        let cancel: Option<bool> = tx.scalar_opt("SELECT cancel_flag FROM job WHERE id = $1", crate::params![id])?;
        if cancel != Some(false) {
            return Ok(true);
        }
        jobs::set_status(tx, JobKind::Job, id, "running", None)?;
        Ok(false)
    })?;
    if canceled_meanwhile || ctx.cancelled() {
        db.write(|tx| {
            tx.execute("UPDATE job SET canceled_on = $1 WHERE id = $2", crate::params![crate::time::now_str(), id])?;
            jobs::set_status(tx, JobKind::Job, id, "canceled", None)
        })?;
        hooks::job_finished(ctx, db, id, "canceled");
        return Ok(db.read(|tx| load_result(tx, id))?);
    }
    hooks::job_started(ctx, db, id);

    let outcome = match node.take() {
        Some((n, conn, pf)) => {
            let run = RemoteRun { node: n, conn, python: pf.python, root: remote_root, project_dir: proj.dir.clone() };
            supervise_remote(ctx, db, id, &spec, &mut prepared, grace, &mut opts, run)
        }
        None => supervise(ctx, db, id, &spec, &mut prepared, grace, &mut opts),
    };
    drop(agent);
    process::kill_leftover_children(&[], Duration::from_secs(2));
    if prepared.dir.is_kept()
        && let Err(e) = prepared.dir.scrub(&prepared.redactor)
    {
        // Better no artifacts than unredacted ones.
        ctx.out.warn(format!("job {id}: kept artifacts could not be redacted ({}); removing them", e.message));
        let _ = std::fs::remove_dir_all(&prepared.dir.root);
    }
    let status = outcome?;
    if !prepared.dir.is_kept() {
        // Remove now (not at drop) so the key material is gone before we report.
        let root = prepared.dir.root.clone();
        drop(prepared);
        let _ = std::fs::remove_dir_all(root);
    } else {
        ctx.out.status(format!("job {id}: artifacts kept in {}", prepared.dir.root.display()));
    }
    hooks::job_finished(ctx, db, id, &status);
    Ok(db.read(|tx| load_result(tx, id))?)
}

struct JobObserver<'a, 'b> {
    ctx: &'a Ctx,
    db: &'a mut Db,
    id: i64,
    events: EventIngester,
    events_path: PathBuf,
    events_file_offset: u64,
    stdout: StdoutCapture,
    stdout_file: std::fs::File,
    live: Option<&'a mut LiveSink<'b>>,
    last_flush: Instant,
    canceled: bool,
}

impl JobObserver<'_, '_> {
    fn emit(&mut self, safe: &[u8]) -> Result<()> {
        if safe.is_empty() {
            return Ok(());
        }
        self.stdout_file.write_all(safe).map_err(|e| Error::io(format!("writing the job's stdout file: {e}")))?;
        if let Some(l) = self.live.as_mut() {
            l(safe);
        }
        Ok(())
    }

    fn pull_events(&mut self) -> Result<()> {
        let ev = &mut self.events;
        tail_file(&self.events_path, &mut self.events_file_offset, |b| ev.feed(b))?;
        Ok(())
    }

    /// Store buffered events; returns whether the job was asked to cancel.
    fn flush(&mut self) -> Result<bool> {
        self.last_flush = Instant::now();
        let (events, id) = (&mut self.events, self.id);
        let flag = self.db.write(|tx| {
            events.flush(tx)?;
            tx.scalar_opt::<bool>("SELECT cancel_flag FROM job WHERE id = $1", crate::params![id])
        })?;
        // A deleted job row counts as a cancel (AWX).
        Ok(flag != Some(false))
    }
}

const FLUSH_EVERY: Duration = Duration::from_millis(500);
const FLUSH_EVENTS: usize = 1000;

impl Observer for JobObserver<'_, '_> {
    fn output(&mut self, bytes: &[u8]) -> Result<()> {
        let safe = self.stdout.feed(bytes);
        self.emit(&safe)
    }

    fn tick(&mut self, idle: bool) -> Result<Option<Stop>> {
        if idle && self.stdout.held() > 0 {
            let safe = self.stdout.flush();
            self.emit(&safe)?;
        }
        self.pull_events()?;
        if self.events.pending() >= FLUSH_EVENTS || self.last_flush.elapsed() >= FLUSH_EVERY {
            self.canceled |= self.flush()?;
        }
        if self.canceled || self.ctx.cancelled() {
            self.canceled = true;
            return Ok(Some(Stop::Canceled));
        }
        Ok(None)
    }
}

/// (b)+(c): run the prepared command and ingest as it goes; record the final state.
fn supervise(
    ctx: &Ctx,
    db: &mut Db,
    id: i64,
    spec: &JobSpec,
    prepared: &mut Prepared,
    grace: f64,
    opts: &mut RunOptions<'_>,
) -> Result<String> {
    let host_ids = spec.inventory.as_ref().map(|i| i.host_ids()).unwrap_or_default();
    let stdout_path = prepared.dir.stdout_file();
    let stdout_file =
        std::fs::OpenOptions::new().create(true).append(true).open(&stdout_path).map_err(|e| Error::io_at(&stdout_path, &e))?;
    // ansible-playbook runs under the job guard (this same binary), which outlives us only to
    // stop everything of the job if we die.
    let mut command = prepared.command.clone();
    if let Ok(exe) = std::env::current_exe() {
        let mut args = vec!["job-guard".to_string(), "--grace".into(), format!("{grace}")];
        if !prepared.dir.is_kept() {
            args.push("--cleanup".into());
            args.push(prepared.dir.root.display().to_string());
        }
        args.push("--".into());
        args.push(command.program.display().to_string());
        args.append(&mut command.args);
        command.args = args;
        command.program = exe;
    }
    let mut child = PtyChild::spawn(&command)?;
    let mut obs = JobObserver {
        ctx,
        db,
        id,
        events: EventIngester::new(id, host_ids, prepared.redactor.clone()),
        events_path: prepared.dir.events_file(),
        events_file_offset: 0,
        stdout: StdoutCapture::new(prepared.redactor.clone()),
        stdout_file,
        live: opts.live.as_deref_mut(),
        last_flush: Instant::now(),
        canceled: false,
    };
    let limits =
        Limits { timeout: prepared.timeout, grace: Duration::from_secs_f64(grace.clamp(0.0, 3600.0)), tick: Duration::from_millis(100) };
    let outcome = process::supervise(&mut child, &mut prepared.prompts, &limits, &mut obs)?;
    let rest = obs.stdout.flush();
    obs.emit(&rest)?;
    obs.pull_events()?;
    let (status, explanation) = match outcome.stopped {
        Some(Stop::Canceled) => ("canceled", None),
        Some(Stop::TimedOut) => ("failed", Some(TIMEOUT_EXPLANATION.to_string())),
        None if outcome.rc == 0 => ("successful", None),
        None => ("failed", None),
    };
    record_final(&mut obs, Some(outcome.rc as i64), status, explanation.as_deref())?;
    let _ = std::fs::write(prepared.dir.artifacts.join("rc"), outcome.rc.to_string());
    let _ = std::fs::write(prepared.dir.artifacts.join("status"), if outcome.stopped == Some(Stop::TimedOut) { "timeout" } else { status });
    Ok(status.to_string())
}

/// Store the last events, host summaries, output and the final status.
fn record_final(obs: &mut JobObserver<'_, '_>, rc: Option<i64>, status: &str, explanation: Option<&str>) -> Result<()> {
    let id = obs.id;
    let stdout_text = obs.stdout.text();
    let artifacts = obs.events.stats.as_ref().map(|s| s.artifact_data.clone()).filter(|v| !v.is_null()).unwrap_or(json!({}));
    let (events, ctx_now) = (&mut obs.events, crate::time::now_str());
    obs.db.write(|tx| {
        events.finish(tx)?;
        tx.execute(
            "UPDATE job SET rc = $1, stdout = $2, emitted_events = $3, artifacts = $4, cancel_flag = (cancel_flag OR $5),
                canceled_on = CASE WHEN $5 THEN $6 ELSE canceled_on END WHERE id = $7",
            crate::params![rc, stdout_text.as_str(), events.max_counter, artifacts.to_string(), status == "canceled", ctx_now.as_str(), id],
        )?;
        jobs::set_status(tx, JobKind::Job, id, status, explanation)
    })
}

/// A job about to run on an isolated node.
struct RemoteRun {
    node: remote::Node,
    conn: Conn,
    python: Vec<String>,
    /// The job's directory on the node.
    root: String,
    project_dir: PathBuf,
}

/// How often a remote job's runner is checked for being alive (a shell on the node; the
/// polls in between read files over SFTP only).
const ALIVE_CHECK_EVERY: Duration = Duration::from_secs(15);

/// How polling a remote job ended.
enum RemoteEnd {
    Exited(i32),
    /// The runner disappeared without an exit code.
    Vanished,
    /// The node could not be reached for longer than the grace period: why.
    Lost(String),
    /// The node refused the reconnection for good (changed host key, credentials): why.
    Refused(String),
}

/// Settings of the isolated flow (cluster-wide, in the database).
pub static AWX_ISOLATED_CHECK_INTERVAL: Setting<f64> = Setting::new(
    "awx_isolated_check_interval",
    "3",
    settings::Kind::Seconds { min: 0.05, max: 3600.0, whole: false },
    "Seconds between polls of a job running on an isolated node (new output, exit code, cancel)",
);
pub static ISOLATED_NODE_GRACE_PERIOD: Setting<f64> = Setting::new(
    "isolated_node_grace_period",
    "120",
    settings::Kind::Seconds { min: 0.0, max: 30.0 * 86400.0, whole: false },
    "Seconds a job's isolated node may stay unreachable before the job ends as error",
);

/// (d)+(c): copy the job to its node, start it there, poll its output and exit code over SSH,
/// pass on cancel and timeout, reconnect after a dropped connection; record the final state
/// and remove the job's directory from the node.
#[allow(clippy::too_many_arguments)]
fn supervise_remote(
    ctx: &Ctx,
    db: &mut Db,
    id: i64,
    spec: &JobSpec,
    prepared: &mut Prepared,
    grace: f64,
    opts: &mut RunOptions<'_>,
    run: RemoteRun,
) -> Result<String> {
    let RemoteRun { node, conn, python, root, project_dir } = run;
    let (interval, lost_grace) = db.read(|tx| {
        Ok((check_interval(ctx, tx)?, settings::get(tx, &ctx.secrets, &ISOLATED_NODE_GRACE_PERIOD)?.clamp(0.0, 30.0 * 86400.0)))
    })?;
    let lost_grace = Duration::from_secs_f64(lost_grace);
    let grace = Duration::from_secs_f64(grace.clamp(0.0, 3600.0));
    // Recorded before anything is copied, so a leftover directory can always be reaped.
    db.write(|tx| {
        tx.execute("UPDATE job SET isolated_dir = $1 WHERE id = $2", crate::params![root.as_str(), id])?;
        Ok(())
    })?;
    let mut conn = Some(conn);
    let mut job = match conn.as_mut().map(|c| remote::launch(c, prepared, &project_dir, &root, &python)) {
        Some(Ok(j)) => j,
        Some(Err(e)) => {
            if let Some(c) = conn.as_mut()
                && remote::reap(c, &root).is_ok()
            {
                clear_isolated_dir(db, id)?;
            }
            return Err(Error::new(e.kind, format!("starting the job on instance {}: {}", node.hostname, e.message)));
        }
        None => return Err(Error::internal("no connection")),
    };
    // The key is on the node now (loaded into the job's agent there, then deleted).
    if let Some((key, _)) = &prepared.ssh_key {
        let _ = std::fs::remove_file(key);
    }
    ctx.out.status(format!("job {id}: running on instance {} in {root}", node.hostname));

    let host_ids = spec.inventory.as_ref().map(|i| i.host_ids()).unwrap_or_default();
    let stdout_path = prepared.dir.stdout_file();
    let stdout_file =
        std::fs::OpenOptions::new().create(true).append(true).open(&stdout_path).map_err(|e| Error::io_at(&stdout_path, &e))?;
    let events_path = prepared.dir.events_file();
    let mut events_copy =
        std::fs::OpenOptions::new().create(true).append(true).open(&events_path).map_err(|e| Error::io_at(&events_path, &e))?;
    let mut obs = JobObserver {
        ctx,
        db,
        id,
        events: EventIngester::new(id, host_ids, prepared.redactor.clone()),
        events_path: events_path.clone(),
        events_file_offset: 0,
        stdout: StdoutCapture::new(prepared.redactor.clone()),
        stdout_file,
        live: opts.live.as_deref_mut(),
        last_flush: Instant::now(),
        canceled: false,
    };

    let started = Instant::now();
    let mut stop: Option<Stop> = None;
    let mut kill_at: Option<Instant> = None;
    let mut pending_signal: Option<&'static str> = None;
    let mut lost_since: Option<Instant> = None;
    let mut last_error = String::new();
    let mut last_alive_check = Instant::now();
    let mut killed = false;
    let end = loop {
        // Cancel and timeout: SIGTERM now, SIGKILL after the grace period.
        if stop.is_none() {
            if obs.canceled || ctx.cancelled() {
                stop = Some(Stop::Canceled);
            } else if prepared.timeout.is_some_and(|t| started.elapsed() >= t) {
                stop = Some(Stop::TimedOut);
            }
            if stop.is_some() {
                pending_signal = Some("TERM");
                kill_at = Some(Instant::now() + grace);
            }
        } else if kill_at.is_some_and(|k| Instant::now() >= k) {
            pending_signal = Some("KILL");
            kill_at = None;
            killed = true;
        }

        if conn.is_none() {
            match Conn::connect(&node.target, &node.opts) {
                Ok(c) => {
                    tracing::info!("job {id}: reconnected to instance {}", node.hostname);
                    conn = Some(c);
                }
                Err(e) if e.is_transient() => last_error = e.message,
                // A changed host key or refused credentials will not heal by themselves.
                Err(e) => break RemoteEnd::Refused(e.message),
            }
        }
        let mut polled = None;
        let mut quiet = true;
        if let Some(c) = conn.as_mut() {
            let (mut out, mut evs) = (Vec::new(), Vec::new());
            // After SIGKILL the runner itself is gone: look every time.
            let check_alive = killed || last_alive_check.elapsed() >= ALIVE_CHECK_EVERY;
            let r = poll_remote(c, &mut job, &mut pending_signal, &mut out, &mut evs, check_alive);
            if check_alive && r.is_ok() {
                last_alive_check = Instant::now();
            }
            // What arrived counts even when the connection broke afterwards.
            quiet = out.is_empty();
            obs.output(&out)?;
            if !evs.is_empty() {
                obs.events.feed(&evs);
                events_copy.write_all(&evs).map_err(|e| Error::io_at(&events_path, &e))?;
            }
            match r {
                Ok(state) => {
                    lost_since = None;
                    polled = Some(state);
                }
                Err(e) => {
                    tracing::warn!("job {id}: {e}; reconnecting");
                    last_error = e.message;
                    conn = None;
                }
            }
        }
        match polled {
            Some(State::Finished(rc)) => break RemoteEnd::Exited(rc),
            Some(State::Vanished) => break RemoteEnd::Vanished,
            Some(State::Running) => {}
            None => {
                let since = *lost_since.get_or_insert_with(Instant::now);
                if since.elapsed() >= lost_grace {
                    break RemoteEnd::Lost(last_error.clone());
                }
            }
        }
        // Output held back (it might start a secret) is released once no more came for a poll.
        if quiet && obs.stdout.held() > 0 {
            let safe = obs.stdout.flush();
            obs.emit(&safe)?;
        }
        obs.canceled |= obs.flush()?;
        if polled.is_none() && conn.is_none() && lost_since.is_some_and(|s| s.elapsed() < Duration::from_millis(10)) {
            // Just lost the connection: try again at once.
            continue;
        }
        let until = Instant::now() + interval;
        while Instant::now() < until && !(stop.is_none() && ctx.cancelled()) {
            std::thread::sleep(Duration::from_millis(50).min(interval));
        }
    };
    let rest = obs.stdout.flush();
    obs.emit(&rest)?;
    let (rc, status, explanation): (Option<i64>, &str, Option<String>) = match &end {
        RemoteEnd::Lost(why) => (
            None,
            "error",
            Some(format!(
                "Lost contact with isolated instance {} for more than {}s (isolated_node_grace_period): {why}",
                node.hostname,
                lost_grace.as_secs_f64()
            )),
        ),
        RemoteEnd::Refused(why) => (None, "error", Some(format!("Reconnecting to isolated instance {} failed: {why}", node.hostname))),
        RemoteEnd::Vanished if stop.is_none() => {
            (None, "error", Some(format!("The job's process on isolated instance {} disappeared without an exit code", node.hostname)))
        }
        RemoteEnd::Vanished => (Some(128 + 9), if stop == Some(Stop::Canceled) { "canceled" } else { "failed" }, None),
        RemoteEnd::Exited(rc) => (
            Some(*rc as i64),
            match stop {
                Some(Stop::Canceled) => "canceled",
                Some(Stop::TimedOut) => "failed",
                None if *rc == 0 => "successful",
                None => "failed",
            },
            None,
        ),
    };
    let explanation = if stop == Some(Stop::TimedOut) && status == "failed" { Some(TIMEOUT_EXPLANATION.to_string()) } else { explanation };
    // The runner could not start the job (the credential's key did not load).
    let start_error = match (&end, conn.as_mut()) {
        (RemoteEnd::Exited(_), Some(c)) => c
            .read_file(&job.artifact("error"))
            .ok()
            .map(|b| prepared.redactor.redact(String::from_utf8_lossy(&b).trim()).into_owned())
            .filter(|m| !m.is_empty()),
        _ => None,
    };
    let (status, explanation) = match start_error {
        Some(m) => {
            let cname = spec.machine.as_ref().map(|m| m.name.clone()).unwrap_or_default();
            ("error", Some(format!("credential {cname:?}: {m}")))
        }
        None => (status, explanation),
    };
    record_final(&mut obs, rc, status, explanation.as_deref())?;
    if let Some(rc) = rc {
        let _ = std::fs::write(prepared.dir.artifacts.join("rc"), rc.to_string());
    }
    let _ = std::fs::write(prepared.dir.artifacts.join("status"), if stop == Some(Stop::TimedOut) { "timeout" } else { status });

    // Remove the job's directory from the node (the isolated heartbeat reaps it otherwise).
    let cleaned = match (&end, conn.as_mut()) {
        (RemoteEnd::Lost(_) | RemoteEnd::Refused(_), _) | (_, None) => false,
        (_, Some(c)) => match job.cleanup(c) {
            Ok(()) => true,
            Err(e) => {
                ctx.out.warn(format!("job {id}: {}; `awxm isolated_heartbeat` removes it later", e.message));
                false
            }
        },
    };
    if cleaned {
        clear_isolated_dir(obs.db, id)?;
    }
    Ok(status.to_string())
}

fn clear_isolated_dir(db: &mut Db, id: i64) -> Result<()> {
    db.write(|tx| {
        tx.execute("UPDATE job SET isolated_dir = '' WHERE id = $1", crate::params![id])?;
        Ok(())
    })
}

/// One poll: deliver a pending signal, check for the exit code (and with `check_alive`, that
/// the runner still exists), fetch new output and events (into `out` and `evs`, which keep
/// what arrived before an error).
fn poll_remote(
    conn: &mut Conn,
    job: &mut Remote,
    signal: &mut Option<&'static str>,
    out: &mut Vec<u8>,
    evs: &mut Vec<u8>,
    check_alive: bool,
) -> crate::ssh::SshResult<State> {
    if let Some(sig) = *signal {
        job.signal(conn, sig)?;
        *signal = None;
    }
    let state = if check_alive {
        job.check_alive(conn)?
    } else {
        match job.check(conn)? {
            Some(rc) => State::Finished(rc),
            None => State::Running,
        }
    };
    *out = Remote::fetch(conn, &job.artifact("stdout"), &mut job.stdout_offset)?;
    *evs = Remote::fetch(conn, &job.artifact("job_events.jsonl"), &mut job.events_offset)?;
    conn.keepalive();
    Ok(state)
}
