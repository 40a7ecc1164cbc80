//! A job's life (AWX §7.1): launch (a job record from a template plus launch-time overrides),
//! then `run`: waiting → project sync if needed → private data directory → running under a pty
//! with events and stdout ingested as they come → final status, host summaries, cleanup.
//!
//! The process running [`run`] is the job's supervisor: its pid is the job's `pid` and the
//! job's `execution_node` is this node, so `jobs::reap_local_orphans` can fail the job if the
//! supervisor dies.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Map, Value as Json, json};

use super::agent::Agent;
use super::extravars::JinjaPolicy;
use super::ingest::{EventIngester, StdoutCapture, tail_file};
use super::inventory::InventoryFormat;
use super::private_dir::{self, BuildOptions, Prepared};
use super::process::{self, Limits, Observer, PtyChild, Stop};
use super::project::{self, Project};
use super::remote::{self, Remote, State};
use super::spec::JobSpec;
use crate::context::Ctx;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::jobs::{self, Ending, JobKind, JobResult, JobStatus, hooks};
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
    /// Another inventory (a launch prompt).
    pub inventory_id: Option<i64>,
    /// These credentials instead of the template's (a launch prompt).
    pub credential_ids: Option<Vec<i64>>,
    /// Another branch (a launch prompt).
    pub scm_branch: Option<String>,
    /// Survey password answers, encrypted (`job.start_args`); `extra_vars` holds `$encrypted$`
    /// for them.
    pub start_args: Option<String>,
}

/// Create a `pending` job from a template (one transaction with the caller's).
pub fn create_job(tx: &mut Tx<'_>, template_id: i64, o: &Overrides) -> Result<i64> {
    let t = tx
        .query_opt(
            "SELECT name, organization_id, job_type, inventory_id, project_id, playbook, scm_branch, forks, job_limit, verbosity,
                    extra_vars, job_tags, skip_tags, start_at_task, force_handlers, become_enabled, diff_mode, timeout, use_fact_cache,
                    allow_simultaneous
             FROM job_template WHERE id = $1",
            crate::params![template_id],
        )?
        .ok_or_else(|| Error::not_found(format!("no job template with id {template_id}")))?;
    let mut extra: Map<String, Json> = match serde_json::from_str::<Json>(&t.col::<String>("extra_vars")?) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    };
    for (k, v) in &o.extra_vars {
        extra.insert(k.clone(), v.clone());
    }
    let job_type = o.job_type.clone().unwrap_or(t.col::<String>("job_type")?);
    if job_type != "run" && job_type != "check" {
        return Err(Error::usage(format!("job type must be run or check, not {job_type:?}")));
    }
    let now = crate::time::now_str();
    let id = tx.insert(
        "INSERT INTO job (name, job_template_id, organization_id, launch_type, status, job_type, inventory_id, project_id, playbook,
            scm_branch, forks, job_limit, verbosity, extra_vars, job_tags, skip_tags, start_at_task, force_handlers, become_enabled,
            diff_mode, timeout, use_fact_cache, allow_simultaneous, dependencies_processed, created, modified)
         VALUES ($1, $2, $3, $4, 'new', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, FALSE, $23, $23)
         RETURNING id",
        crate::params![
            t.col::<String>("name")?,
            template_id,
            t.col::<Option<i64>>("organization_id")?,
            o.launch_type.clone().unwrap_or_else(|| "manual".into()),
            job_type,
            o.inventory_id.or(t.col::<Option<i64>>("inventory_id")?),
            t.col::<Option<i64>>("project_id")?,
            t.col::<String>("playbook")?,
            o.scm_branch.clone().unwrap_or(t.col::<String>("scm_branch")?),
            o.forks.unwrap_or(t.col::<i64>("forks")?),
            o.limit.clone().unwrap_or(t.col::<String>("job_limit")?),
            o.verbosity.unwrap_or(t.col::<i64>("verbosity")?),
            Json::Object(extra).to_string(),
            o.job_tags.clone().unwrap_or(t.col::<String>("job_tags")?),
            o.skip_tags.clone().unwrap_or(t.col::<String>("skip_tags")?),
            t.col::<String>("start_at_task")?,
            t.col::<bool>("force_handlers")?,
            t.col::<bool>("become_enabled")?,
            o.diff_mode.unwrap_or(t.col::<bool>("diff_mode")?),
            o.timeout.unwrap_or(t.col::<i64>("timeout")?),
            t.col::<bool>("use_fact_cache")?,
            t.col::<bool>("allow_simultaneous")?,
            now.as_str()
        ],
    )?;
    if let Some(g) = o.instance_group_id {
        tx.execute("UPDATE job SET instance_group_id = $1 WHERE id = $2", crate::params![g, id])?;
    }
    if let Some(a) = &o.start_args {
        tx.execute("UPDATE job SET start_args = $1 WHERE id = $2", crate::params![a.as_str(), id])?;
    }
    match &o.credential_ids {
        Some(ids) => {
            for c in ids {
                tx.execute("INSERT INTO job_credential (job_id, credential_id) VALUES ($1, $2)", crate::params![id, *c])?;
            }
        }
        None => {
            tx.execute(
                "INSERT INTO job_credential (job_id, credential_id) SELECT $1, credential_id FROM job_template_credential WHERE job_template_id = $2",
                crate::params![id, template_id],
            )?;
        }
    }
    // AWX's task impact (capacity used while it runs): min(hosts, forks or 5) + 1.
    let (hosts, forks): (Option<i64>, i64) = {
        let r = tx.query_one(
            "SELECT i.total_hosts AS total_hosts, j.forks AS forks FROM job j LEFT JOIN inventory i ON i.id = j.inventory_id WHERE j.id = $1",
            crate::params![id],
        )?;
        (r.col("total_hosts")?, r.col("forks")?)
    };
    tx.execute("UPDATE job SET task_impact = $1 WHERE id = $2", crate::params![crate::cluster::capacity::job_impact(hosts, forks), id])?;
    jobs::set_status(tx, JobKind::Job, id, JobStatus::Pending, None)?;
    Ok(id)
}

/// AWX's relaunch: a new job from job `id`'s template with the same prompts (limit, tags,
/// extra vars, inventory, credentials, branch, …), `launch_type` relaunch.
pub fn relaunch(tx: &mut Tx<'_>, id: i64) -> Result<i64> {
    let j = tx
        .query_opt("SELECT * FROM job WHERE id = $1", crate::params![id])?
        .ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
    let template: Option<i64> = j.col("job_template_id")?;
    let template = template.ok_or_else(|| Error::data(format!("job {id} has no job template any more; it cannot be relaunched")))?;
    let extra_vars = match serde_json::from_str::<Json>(&j.col::<String>("extra_vars")?) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    };
    let credential_ids: Vec<i64> = tx
        .query("SELECT credential_id FROM job_credential WHERE job_id = $1 ORDER BY credential_id", crate::params![id])?
        .iter()
        .map(|r| r.col("credential_id"))
        .collect::<Result<_>>()?;
    let o = Overrides {
        limit: Some(j.col("job_limit")?),
        extra_vars,
        job_tags: Some(j.col("job_tags")?),
        skip_tags: Some(j.col("skip_tags")?),
        job_type: Some(j.col("job_type")?),
        verbosity: Some(j.col("verbosity")?),
        forks: Some(j.col("forks")?),
        diff_mode: Some(j.col("diff_mode")?),
        timeout: Some(j.col("timeout")?),
        launch_type: Some("relaunch".into()),
        instance_group_id: None,
        inventory_id: j.col("inventory_id")?,
        credential_ids: Some(credential_ids),
        scm_branch: Some(j.col("scm_branch")?),
        start_args: Some(j.col::<String>("start_args")?).filter(|a| !a.is_empty()),
    };
    create_job(tx, template, &o)
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

/// How a job ends before (or instead of) running ansible.
enum Early {
    /// The job fails before ansible runs (AWX's pre-run checks).
    Failed(String),
    /// Preparation broke (status error, with a traceback).
    Error(Error),
    /// Canceled before ansible ran.
    Canceled,
}

impl From<Error> for Early {
    fn from(e: Error) -> Early {
        Early::Error(e)
    }
}

impl Early {
    fn describe(&self) -> String {
        match self {
            Early::Failed(m) => m.clone(),
            Early::Error(e) => e.message.clone(),
            Early::Canceled => "canceled".into(),
        }
    }

    fn ending(self) -> Ending {
        match self {
            Early::Failed(m) => Ending { status: JobStatus::Failed, explanation: Some(m), traceback: Some(String::new()) },
            Early::Error(e) => {
                let mut tb = e.message.clone();
                for d in &e.details {
                    tb.push('\n');
                    tb.push_str(d);
                }
                Ending { status: JobStatus::Error, explanation: Some(e.message), traceback: Some(tb) }
            }
            Early::Canceled => Ending::new(JobStatus::Canceled),
        }
    }
}

/// Seconds between polls of isolated nodes (`awx_isolated_check_interval`).
fn check_interval(ctx: &Ctx, tx: &mut Tx<'_>) -> Result<Duration> {
    let s = settings::get(tx, &ctx.secrets, &AWX_ISOLATED_CHECK_INTERVAL)?;
    Ok(Duration::from_secs_f64(if s.is_finite() { s.clamp(0.05, 3600.0) } else { 30.0 }))
}

/// Supervise job `id` (created by [`create_job`]) from `pending` to its final status. Every
/// ending goes through [`jobs::finish`]; the result is read once, at the end.
pub fn run(ctx: &Ctx, db: &mut Db, id: i64, opts: RunOptions<'_>) -> Result<JobResult> {
    process::become_subreaper();
    let ran = match assigned(db, id)? {
        Assigned::Done => Ok(()),
        Assigned::Canceled => Err(Early::Canceled),
        Assigned::Go(remote) => execute(ctx, db, id, opts, remote),
    };
    if let Err(early) = ran {
        let msg = early.describe();
        jobs::finish(ctx, db, JobKind::Job, id, &early.ending(), |_| Ok(()))
            .map_err(|e2| Error::new(e2.kind, format!("job {id}: {msg}; recording that failed too: {}", e2.message)))?;
    }
    db.read(|tx| jobs::load_result(tx, id))
}

/// Where the task manager put a job this process has claimed (`taskmanager::run::claim`).
enum Assigned {
    /// Already finished or canceled elsewhere: nothing to run.
    Done,
    /// Its cancel flag is set: end it as canceled.
    Canceled,
    /// Run here (`None`) or on this isolated/execution node.
    Go(Option<String>),
}

fn assigned(db: &mut Db, id: i64) -> Result<Assigned> {
    let row = db
        .read(|tx| tx.query_opt("SELECT status, cancel_flag, execution_node, controller_node FROM job WHERE id = $1", crate::params![id]))?
        .ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
    let status: JobStatus = row.col("status")?;
    if status != JobStatus::Waiting {
        return Ok(Assigned::Done);
    }
    if row.col::<bool>("cancel_flag")? {
        return Ok(Assigned::Canceled);
    }
    let (exec, ctrl): (String, String) = (row.col("execution_node")?, row.col("controller_node")?);
    Ok(Assigned::Go((exec != ctrl && !exec.is_empty()).then_some(exec)))
}

/// Prepare and run a placed job, and end it (the early endings are left to [`run`]).
fn execute(ctx: &Ctx, db: &mut Db, id: i64, mut opts: RunOptions<'_>, remote: Option<String>) -> Result<(), Early> {
    // A smart inventory's members are recomputed just before the run (AWX's pre-run step).
    db.write(|tx| match tx.scalar_opt::<Option<i64>>("SELECT inventory_id FROM job WHERE id = $1", crate::params![id])?.flatten() {
        Some(inv) if crate::inventory::smart::is_smart(tx, inv)? => crate::inventory::smart::rebuild(tx, Some(inv)).map(drop),
        _ => Ok(()),
    })?;
    let spec = db.read(|tx| JobSpec::load(tx, &ctx.secrets, id))?;
    let proj = ready_project(ctx, db, &spec)?;
    let settings = db.read(|tx| RunSettings::load(ctx, tx))?;
    let host = Host::reach(ctx, db, remote.as_deref())?;
    let mut prepared = private_dir::build(&spec, &host.build_options(&settings, &proj, &opts))?;
    let proj = if spec.is_ad_hoc() { Project { dir: prepared.command.cwd.clone(), ..proj } } else { proj };
    if opts.keep_artifacts || !settings.cleanup {
        prepared.dir.keep();
    }
    for w in &prepared.warnings {
        ctx.out.warn(format!("job {id}: {w}"));
    }
    let agent = start_agent(&host, &spec, &mut prepared)?;
    let remote_root = host.relocate(&mut prepared);
    if !mark_running(ctx, db, id, &prepared, &proj)? {
        return Err(Early::Canceled);
    }
    hooks::job_started(ctx, db, JobKind::Job, id);

    let outcome = match host {
        Host::Remote { node, conn, preflight } => {
            let run = RemoteRun { node, conn, python: preflight.python, root: remote_root, project_dir: proj.dir.clone() };
            supervise_remote(ctx, db, id, &spec, &mut prepared, settings.grace, &mut opts, run)
        }
        Host::Local { .. } => supervise(ctx, db, id, &spec, &mut prepared, settings.grace, &mut opts),
    };
    drop(agent);
    process::kill_leftover_children(&[], Duration::from_secs(2));
    // The facts the run left (read before the directory goes), stored with the job's end.
    let facts = prepared.fact_cache.as_ref().map(|c| c.collect()).unwrap_or_default();
    put_away(ctx, id, prepared, outcome.is_ok());
    let finale = outcome?;
    jobs::finish(ctx, db, JobKind::Job, id, &finale.ending, |tx| {
        finale.record.write(tx, id)?;
        super::facts::store(tx, &facts)
    })?;
    Ok(())
}

/// The job's project, synced first when it must be (update on launch, or a missing checkout),
/// with the pre-run checks (AWX's): a project, a usable checkout, the playbook inside it.
fn ready_project(ctx: &Ctx, db: &mut Db, spec: &JobSpec) -> Result<Project, Early> {
    if spec.inventory.is_none() {
        return Err(Early::Failed(NO_INVENTORY.into()));
    }
    // An ad hoc command has no project: it runs in its private directory (set after build).
    if spec.is_ad_hoc() {
        return Ok(Project::default());
    }
    let Some(project_id) = spec.project_id else { return Err(Early::Failed(NO_PROJECT.into())) };
    let projects_root = db.read(|tx| super::projects_root(ctx, tx))?;
    let proj = db.read(|tx| Project::load(tx, &projects_root, project_id))?;
    // Its update (a dependency the task manager created) has finished before the job started;
    // a project whose last update failed has no known revision.
    if proj.is_scm() && matches!(proj.status.as_str(), "failed" | "error") {
        return Err(Early::Failed(PROJECT_FAILED.into()));
    }
    if !proj.dir.is_dir() {
        return Err(Early::Failed(format!("project {:?}: directory {} does not exist", proj.name, proj.dir.display())));
    }
    if let Err(e) = proj.playbook_path(&spec.playbook) {
        return Err(Early::Failed(e.message));
    }
    Ok(proj)
}

/// The cluster settings a run uses.
struct RunSettings {
    default_timeout: i64,
    max_forks: i64,
    jinja: JinjaPolicy,
    task_env: Map<String, Json>,
    /// Where private data directories go.
    base_dir: PathBuf,
    /// Remove the private data directory afterwards.
    cleanup: bool,
    /// Seconds between SIGTERM and SIGKILL.
    grace: f64,
    url_base: String,
}

impl RunSettings {
    fn load(ctx: &Ctx, tx: &mut Tx<'_>) -> Result<RunSettings> {
        let s = &ctx.secrets;
        let base_path = settings::get(tx, s, &AWX_ISOLATION_BASE_PATH)?;
        Ok(RunSettings {
            default_timeout: settings::get(tx, s, &DEFAULT_JOB_TIMEOUT)?,
            max_forks: settings::get(tx, s, &MAX_FORKS)?,
            jinja: JinjaPolicy::parse(&settings::get(tx, s, &ALLOW_JINJA_IN_EXTRA_VARS)?)?,
            task_env: settings::get(tx, s, &AWX_TASK_ENV)?,
            base_dir: if base_path.is_empty() { std::env::temp_dir() } else { PathBuf::from(base_path) },
            cleanup: settings::get(tx, s, &AWX_CLEANUP_PATHS)?,
            grace: settings::get(tx, s, &JOB_TERMINATION_GRACE_PERIOD)?,
            url_base: settings::get(tx, s, &settings::TOWER_URL_BASE)?,
        })
    }
}

/// Where the job runs, with what that place offers (one per run: its size does not matter).
#[allow(clippy::large_enum_variant)]
enum Host {
    /// Here: ansible-playbook, and ssh-agent/ssh-add when found, from this node's PATH.
    Local { base_env: Vec<(String, String)>, ansible_playbook: PathBuf, ssh_agent: Option<PathBuf>, ssh_add: Option<PathBuf> },
    /// On an isolated node: connected, its ansible-playbook, Python and PATH found.
    Remote { node: remote::Node, conn: Conn, preflight: remote::Preflight },
}

impl Host {
    fn reach(ctx: &Ctx, db: &mut Db, remote: Option<&str>) -> Result<Host> {
        if let Some(hostname) = remote {
            let node = db.read(|tx| remote::Node::load(ctx, tx, hostname))?;
            let mut conn = Conn::connect(&node.target, &node.opts).map_err(Error::from)?;
            let preflight = remote::preflight(&mut conn, &node)?;
            return Ok(Host::Remote { node, conn, preflight });
        }
        let base_env = project::child_base_env();
        let path_env = base_env.iter().find(|(k, _)| k == "PATH").map(|(_, v)| v.clone());
        let bin_dir = ctx.config.ansible_bin_dir.clone();
        let ansible_playbook = private_dir::find_program("ansible-playbook", bin_dir.as_deref(), path_env.as_deref()).ok_or_else(|| {
            Error::unavailable(match &bin_dir {
                Some(d) => format!("ansible-playbook not found in {} (ansible_bin_dir)", d.display()),
                None => "ansible-playbook not found on PATH; install ansible-core or set ansible_bin_dir in the config file (or AWXM_ANSIBLE_BIN_DIR)".into(),
            })
        })?;
        let ssh_agent = private_dir::find_program("ssh-agent", None, path_env.as_deref());
        let ssh_add = private_dir::find_program("ssh-add", None, path_env.as_deref());
        Ok(Host::Local { base_env, ansible_playbook, ssh_agent, ssh_add })
    }

    fn build_options(&self, s: &RunSettings, proj: &Project, opts: &RunOptions<'_>) -> BuildOptions {
        let (base_env, ansible_playbook, use_agent) = match self {
            Host::Remote { preflight: pf, .. } => (pf.base_env.clone(), PathBuf::from(&pf.ansible_playbook), pf.has_agent),
            Host::Local { base_env, ansible_playbook, ssh_agent, ssh_add } => {
                (base_env.clone(), ansible_playbook.clone(), ssh_agent.is_some() && ssh_add.is_some())
            }
        };
        BuildOptions {
            base_dir: s.base_dir.clone(),
            ansible_playbook,
            project_dir: proj.dir.clone(),
            project_revision: proj.scm_revision.clone(),
            inventory_format: opts.inventory_format,
            max_forks: s.max_forks,
            jinja: s.jinja,
            task_env: s.task_env.clone(),
            tower_url_base: s.url_base.clone(),
            default_timeout: s.default_timeout,
            base_env,
            use_agent,
        }
    }

    /// On a node, the command refers to the node's copy of the private data directory (where
    /// the runner loads the key into an ssh-agent of the job's). Returns that copy's path.
    fn relocate(&self, prepared: &mut Prepared) -> String {
        let Host::Remote { node, .. } = self else { return String::new() };
        let root = remote::remote_root(&node.work_dir, &prepared.dir.root);
        if prepared.ssh_key.is_some() {
            let sock = prepared.dir.root.join(remote::AGENT_SOCKET);
            use_agent_socket(prepared, &sock);
        }
        remote::relocate(prepared, &root);
        root
    }
}

/// Point the job at its ssh-agent.
fn use_agent_socket(prepared: &mut Prepared, sock: &std::path::Path) {
    let sock = sock.display().to_string();
    prepared.command.env.retain(|(k, _)| k != "SSH_AUTH_SOCK");
    prepared.command.env.push(("SSH_AUTH_SOCK".into(), sock.clone()));
    prepared.safe_env.insert("SSH_AUTH_SOCK".into(), Json::String(sock));
}

/// Here, the machine credential's key goes into a per-job ssh-agent (on a node, the runner
/// starts one there).
fn start_agent(host: &Host, spec: &JobSpec, prepared: &mut Prepared) -> Result<Option<Agent>> {
    let Host::Local { ssh_agent: Some(agent_bin), ssh_add: Some(add_bin), .. } = host else { return Ok(None) };
    let Some((key, unlock)) = prepared.ssh_key.clone() else { return Ok(None) };
    let a = Agent::start(agent_bin, &prepared.dir.root, !prepared.dir.is_kept())?;
    let cname = spec.machine.as_ref().map(|m| m.name.clone()).unwrap_or_default();
    a.add_key(add_bin, &key, &unlock, &cname, &prepared.redactor)?;
    use_agent_socket(prepared, &a.sock);
    Ok(Some(a))
}

/// Record how the job runs and move it to `running` — unless a cancel came meanwhile (false).
fn mark_running(ctx: &Ctx, db: &mut Db, id: i64, prepared: &Prepared, proj: &Project) -> Result<bool> {
    let work_dir = if prepared.dir.is_kept() { prepared.dir.root.display().to_string() } else { String::new() };
    let running = db.write(|tx| {
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
        // A deleted job row counts as a cancel (AWX).
        let cancel: Option<bool> = tx.scalar_opt("SELECT cancel_flag FROM job WHERE id = $1", crate::params![id])?;
        if cancel != Some(false) {
            return Ok(false);
        }
        jobs::set_status(tx, JobKind::Job, id, JobStatus::Running, None)?;
        Ok(true)
    })?;
    Ok(running && !ctx.cancelled())
}

/// After the run: a kept private data directory is redacted (removed when that fails: better
/// no artifacts than unredacted ones), any other is removed now — not at drop, so the key
/// material is gone before the job ends.
fn put_away(ctx: &Ctx, id: i64, prepared: Prepared, ran: bool) {
    if !prepared.dir.is_kept() {
        let root = prepared.dir.root.clone();
        drop(prepared);
        let _ = std::fs::remove_dir_all(root);
        return;
    }
    if let Err(e) = prepared.dir.scrub(&prepared.redactor) {
        ctx.out.warn(format!("job {id}: kept artifacts could not be redacted ({}); removing them", e.message));
        let _ = std::fs::remove_dir_all(&prepared.dir.root);
    }
    if ran {
        ctx.out.status(format!("job {id}: artifacts kept in {}", prepared.dir.root.display()));
    }
}

/// How a run ended, and what is stored with the final status.
struct Finale {
    ending: Ending,
    record: FinalRecord,
}

/// The last events, host summaries, output and rc of a run.
struct FinalRecord {
    events: EventIngester,
    stdout: String,
    rc: Option<i64>,
}

impl FinalRecord {
    fn write(mut self, tx: &mut Tx<'_>, id: i64) -> Result<()> {
        let artifacts = self.events.stats.as_ref().map(|s| s.artifact_data.clone()).filter(|v| !v.is_null()).unwrap_or(json!({}));
        self.events.finish(tx)?;
        tx.execute(
            "UPDATE job SET rc = $1, stdout = $2, emitted_events = $3, artifacts = $4 WHERE id = $5",
            crate::params![self.rc, self.stdout.as_str(), self.events.max_counter, artifacts.to_string(), id],
        )?;
        Ok(())
    }
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

impl JobObserver<'_, '_> {
    /// What the run leaves to be stored with its ending.
    fn finale(self, ending: Ending, rc: Option<i64>) -> Finale {
        let stdout = self.stdout.text();
        Finale { ending, record: FinalRecord { events: self.events, stdout, rc } }
    }
}

/// The runner's `rc` and `status` files in the job's artifacts (as ansible-runner leaves them).
fn write_status_files(prepared: &Prepared, rc: Option<i64>, status: JobStatus, timed_out: bool) {
    if let Some(rc) = rc {
        let _ = std::fs::write(prepared.dir.artifacts.join("rc"), rc.to_string());
    }
    let _ = std::fs::write(prepared.dir.artifacts.join("status"), if timed_out { "timeout" } else { status.as_str() });
}

/// (b)+(c): run the prepared command and ingest as it goes; returns how it ended.
fn supervise(
    ctx: &Ctx,
    db: &mut Db,
    id: i64,
    spec: &JobSpec,
    prepared: &mut Prepared,
    grace: f64,
    opts: &mut RunOptions<'_>,
) -> Result<Finale> {
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
    let ending = match outcome.stopped {
        Some(Stop::Canceled) => Ending::new(JobStatus::Canceled),
        Some(Stop::TimedOut) => Ending::explained(JobStatus::Failed, TIMEOUT_EXPLANATION),
        None if outcome.rc == 0 => Ending::new(JobStatus::Successful),
        None => Ending::new(JobStatus::Failed),
    };
    let rc = Some(i64::from(outcome.rc));
    write_status_files(prepared, rc, ending.status, outcome.stopped == Some(Stop::TimedOut));
    Ok(obs.finale(ending, rc))
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

/// (d)+(c): copy the job to its node, start it there, follow it over SSH, and remove its
/// directory from the node; returns how it ended.
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
) -> Result<Finale> {
    let RemoteRun { node, mut conn, python, root, project_dir } = run;
    let (interval, lost_grace) = db.read(|tx| {
        Ok((check_interval(ctx, tx)?, settings::get(tx, &ctx.secrets, &ISOLATED_NODE_GRACE_PERIOD)?.clamp(0.0, 30.0 * 86400.0)))
    })?;
    let lost_grace = Duration::from_secs_f64(lost_grace);
    let mut job = start_remote(ctx, db, id, &node, &mut conn, prepared, &project_dir, &root, &python)?;

    let host_ids = spec.inventory.as_ref().map(|i| i.host_ids()).unwrap_or_default();
    let stdout_path = prepared.dir.stdout_file();
    let stdout_file =
        std::fs::OpenOptions::new().create(true).append(true).open(&stdout_path).map_err(|e| Error::io_at(&stdout_path, &e))?;
    let events_path = prepared.dir.events_file();
    let events_copy =
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
    let mut follower = Follower {
        link: Link { conn: Some(conn), lost_since: None, last_error: String::new(), last_alive_check: Instant::now() },
        stopper: Stopper::new(Duration::from_secs_f64(grace.clamp(0.0, 3600.0)), prepared.timeout),
        events_copy,
        events_path,
        interval,
        lost_grace,
    };
    let end = follower.follow(&mut obs, &mut job, &node)?;
    let rest = obs.stdout.flush();
    obs.emit(&rest)?;

    let stop = follower.stopper.stop;
    let (rc, mut ending) = remote_ending(&end, stop, &node.hostname, lost_grace);
    if let Some(m) = start_error(&end, follower.link.conn.as_mut(), &job, &prepared.redactor) {
        let cname = spec.machine.as_ref().map(|m| m.name.clone()).unwrap_or_default();
        ending = Ending::explained(JobStatus::Error, format!("credential {cname:?}: {m}"));
    }
    write_status_files(prepared, rc, ending.status, stop == Some(Stop::TimedOut));
    // The facts the run left on the node come back before its directory goes.
    if let (Some(cache), Some(c)) = (prepared.fact_cache.as_mut(), follower.link.conn.as_mut())
        && !matches!(end, RemoteEnd::Lost(_) | RemoteEnd::Refused(_))
    {
        let local = prepared.dir.artifacts.join("fact_cache.node");
        match c.get_tree(&job.artifact("fact_cache"), &local) {
            Ok(_) => cache.fetched(local),
            Err(e) => ctx.out.warn(format!("job {id}: facts could not be copied back from {}: {e}", node.hostname)),
        }
    }
    if remove_remote_dir(ctx, id, &end, follower.link.conn.as_mut(), &job) {
        clear_isolated_dir(obs.db, id)?;
    }
    Ok(obs.finale(ending, rc))
}

/// Record the job's directory on the node (before anything is copied, so a leftover can
/// always be reaped), copy the job there and start it — a failed start is cleaned up on the
/// node. The key is on the node then (loaded into the job's agent there), so its local copy
/// goes.
#[allow(clippy::too_many_arguments)]
fn start_remote(
    ctx: &Ctx,
    db: &mut Db,
    id: i64,
    node: &remote::Node,
    conn: &mut Conn,
    prepared: &Prepared,
    project_dir: &std::path::Path,
    root: &str,
    python: &[String],
) -> Result<Remote> {
    db.write(|tx| {
        tx.execute("UPDATE job SET isolated_dir = $1 WHERE id = $2", crate::params![root, id])?;
        Ok(())
    })?;
    let job = match remote::launch(conn, prepared, project_dir, root, python) {
        Ok(j) => j,
        Err(e) => {
            if remote::reap(conn, root).is_ok() {
                clear_isolated_dir(db, id)?;
            }
            return Err(Error::new(e.kind, format!("starting the job on instance {}: {}", node.hostname, e.message)));
        }
    };
    if let Some((key, _)) = &prepared.ssh_key {
        let _ = std::fs::remove_file(key);
    }
    ctx.out.status(format!("job {id}: running on instance {} in {root}", node.hostname));
    Ok(job)
}

/// Cancel and timeout of a remote job: SIGTERM first, SIGKILL after the grace period.
struct Stopper {
    stop: Option<Stop>,
    kill_at: Option<Instant>,
    /// The signal to deliver at the next poll.
    pending_signal: Option<&'static str>,
    killed: bool,
    grace: Duration,
    timeout: Option<Duration>,
    started: Instant,
}

impl Stopper {
    fn new(grace: Duration, timeout: Option<Duration>) -> Stopper {
        Stopper { stop: None, kill_at: None, pending_signal: None, killed: false, grace, timeout, started: Instant::now() }
    }

    /// Decide on the signal to send, if any: `canceled` says a cancel was asked for.
    fn step(&mut self, canceled: bool) {
        if self.stop.is_none() {
            if canceled {
                self.stop = Some(Stop::Canceled);
            } else if self.timeout.is_some_and(|t| self.started.elapsed() >= t) {
                self.stop = Some(Stop::TimedOut);
            }
            if self.stop.is_some() {
                self.pending_signal = Some("TERM");
                self.kill_at = Some(Instant::now() + self.grace);
            }
        } else if self.kill_at.is_some_and(|k| Instant::now() >= k) {
            self.pending_signal = Some("KILL");
            self.kill_at = None;
            self.killed = true;
        }
    }
}

/// The connection to the node, dropped and made again as the network allows.
struct Link {
    conn: Option<Conn>,
    /// Since when the node has not answered.
    lost_since: Option<Instant>,
    last_error: String,
    last_alive_check: Instant,
}

/// Follows a remote job until it ends or its node is lost.
struct Follower {
    link: Link,
    stopper: Stopper,
    /// The local copy of the job's events file.
    events_copy: std::fs::File,
    events_path: PathBuf,
    interval: Duration,
    /// How long the node may stay unreachable.
    lost_grace: Duration,
}

impl Follower {
    /// Poll every `interval`: pass on cancel and timeout, reconnect after a dropped connection,
    /// store output and events as they come.
    fn follow(&mut self, obs: &mut JobObserver<'_, '_>, job: &mut Remote, node: &remote::Node) -> Result<RemoteEnd> {
        let ctx = obs.ctx;
        loop {
            self.stopper.step(obs.canceled || ctx.cancelled());
            if self.link.conn.is_none() {
                match Conn::connect(&node.target, &node.opts) {
                    Ok(c) => {
                        tracing::info!("job {}: reconnected to instance {}", obs.id, node.hostname);
                        self.link.conn = Some(c);
                    }
                    Err(e) if e.is_transient() => self.link.last_error = e.message,
                    // A changed host key or refused credentials will not heal by themselves.
                    Err(e) => return Ok(RemoteEnd::Refused(e.message)),
                }
            }
            let (polled, quiet) = self.poll(obs, job)?;
            match polled {
                Some(State::Finished(rc)) => return Ok(RemoteEnd::Exited(rc)),
                Some(State::Vanished) => return Ok(RemoteEnd::Vanished),
                Some(State::Running) => {}
                None => {
                    let since = *self.link.lost_since.get_or_insert_with(Instant::now);
                    if since.elapsed() >= self.lost_grace {
                        return Ok(RemoteEnd::Lost(self.link.last_error.clone()));
                    }
                }
            }
            // Output held back (it might start a secret) is released once no more came for a poll.
            if quiet && obs.stdout.held() > 0 {
                let safe = obs.stdout.flush();
                obs.emit(&safe)?;
            }
            obs.canceled |= obs.flush()?;
            if polled.is_none() && self.link.conn.is_none() && self.link.lost_since.is_some_and(|s| s.elapsed() < Duration::from_millis(10))
            {
                // Just lost the connection: try again at once.
                continue;
            }
            let until = Instant::now() + self.interval;
            while Instant::now() < until && !(self.stopper.stop.is_none() && ctx.cancelled()) {
                std::thread::sleep(Duration::from_millis(50).min(self.interval));
            }
        }
    }

    /// One poll, when connected: what it found (`None`: not connected, or the connection broke
    /// — what arrived before still counts) and whether no output came.
    fn poll(&mut self, obs: &mut JobObserver<'_, '_>, job: &mut Remote) -> Result<(Option<State>, bool)> {
        let Some(c) = self.link.conn.as_mut() else { return Ok((None, true)) };
        let (mut out, mut evs) = (Vec::new(), Vec::new());
        // After SIGKILL the runner itself is gone: look every time.
        let check_alive = self.stopper.killed || self.link.last_alive_check.elapsed() >= ALIVE_CHECK_EVERY;
        let r = poll_remote(c, job, &mut self.stopper.pending_signal, &mut out, &mut evs, check_alive);
        if check_alive && r.is_ok() {
            self.link.last_alive_check = Instant::now();
        }
        let quiet = out.is_empty();
        obs.output(&out)?;
        if !evs.is_empty() {
            obs.events.feed(&evs);
            self.events_copy.write_all(&evs).map_err(|e| Error::io_at(&self.events_path, &e))?;
        }
        match r {
            Ok(state) => {
                self.link.lost_since = None;
                Ok((Some(state), quiet))
            }
            Err(e) => {
                tracing::warn!("job {}: {e}; reconnecting", obs.id);
                self.link.last_error = e.message;
                self.link.conn = None;
                Ok((None, quiet))
            }
        }
    }
}

/// The rc and ending of a remote job from how following it ended and what stopped it.
fn remote_ending(end: &RemoteEnd, stop: Option<Stop>, hostname: &str, lost_grace: Duration) -> (Option<i64>, Ending) {
    let (rc, status, explanation) = match end {
        RemoteEnd::Lost(why) => (
            None,
            JobStatus::Error,
            Some(format!(
                "Lost contact with isolated instance {hostname} for more than {}s (isolated_node_grace_period): {why}",
                lost_grace.as_secs_f64()
            )),
        ),
        RemoteEnd::Refused(why) => (None, JobStatus::Error, Some(format!("Reconnecting to isolated instance {hostname} failed: {why}"))),
        RemoteEnd::Vanished if stop.is_none() => {
            (None, JobStatus::Error, Some(format!("The job's process on isolated instance {hostname} disappeared without an exit code")))
        }
        RemoteEnd::Vanished => (Some(128 + 9), if stop == Some(Stop::Canceled) { JobStatus::Canceled } else { JobStatus::Failed }, None),
        RemoteEnd::Exited(rc) => (
            Some(i64::from(*rc)),
            match stop {
                Some(Stop::Canceled) => JobStatus::Canceled,
                Some(Stop::TimedOut) => JobStatus::Failed,
                None if *rc == 0 => JobStatus::Successful,
                None => JobStatus::Failed,
            },
            None,
        ),
    };
    let explanation =
        if stop == Some(Stop::TimedOut) && status == JobStatus::Failed { Some(TIMEOUT_EXPLANATION.to_string()) } else { explanation };
    (rc, Ending { status, explanation, traceback: None })
}

/// Why the runner could not start the job (the credential's key did not load), from its
/// `error` artifact.
fn start_error(end: &RemoteEnd, conn: Option<&mut Conn>, job: &Remote, redactor: &super::redact::Redactor) -> Option<String> {
    match (end, conn) {
        (RemoteEnd::Exited(_), Some(c)) => c
            .read_file(&job.artifact("error"))
            .ok()
            .map(|b| redactor.redact(String::from_utf8_lossy(&b).trim()).into_owned())
            .filter(|m| !m.is_empty()),
        _ => None,
    }
}

/// Remove the job's directory from the node (the isolated heartbeat reaps it otherwise);
/// whether it is gone.
fn remove_remote_dir(ctx: &Ctx, id: i64, end: &RemoteEnd, conn: Option<&mut Conn>, job: &Remote) -> bool {
    match (end, conn) {
        (RemoteEnd::Lost(_) | RemoteEnd::Refused(_), _) | (_, None) => false,
        (_, Some(c)) => match job.cleanup(c) {
            Ok(()) => true,
            Err(e) => {
                ctx.out.warn(format!("job {id}: {}; `awxm isolated_heartbeat` removes it later", e.message));
                false
            }
        },
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_endings() {
        let g = Duration::from_secs(120);
        let e = |end: RemoteEnd, stop: Option<Stop>| {
            let (rc, ending) = remote_ending(&end, stop, "iso1", g);
            (rc, ending.status.as_str(), ending.explanation.unwrap_or_default())
        };
        assert_eq!(e(RemoteEnd::Exited(0), None), (Some(0), "successful", String::new()));
        assert_eq!(e(RemoteEnd::Exited(2), None), (Some(2), "failed", String::new()));
        assert_eq!(e(RemoteEnd::Exited(143), Some(Stop::Canceled)), (Some(143), "canceled", String::new()));
        assert_eq!(e(RemoteEnd::Exited(143), Some(Stop::TimedOut)), (Some(143), "failed", TIMEOUT_EXPLANATION.to_string()));
        assert_eq!(e(RemoteEnd::Vanished, Some(Stop::Canceled)), (Some(137), "canceled", String::new()));
        assert_eq!(e(RemoteEnd::Vanished, Some(Stop::TimedOut)), (Some(137), "failed", TIMEOUT_EXPLANATION.to_string()));
        assert_eq!(
            e(RemoteEnd::Vanished, None),
            (None, "error", "The job's process on isolated instance iso1 disappeared without an exit code".to_string())
        );
        assert_eq!(
            e(RemoteEnd::Lost("timed out".into()), None),
            (
                None,
                "error",
                "Lost contact with isolated instance iso1 for more than 120s (isolated_node_grace_period): timed out".to_string()
            )
        );
        assert_eq!(
            e(RemoteEnd::Refused("host key changed".into()), Some(Stop::Canceled)),
            (None, "error", "Reconnecting to isolated instance iso1 failed: host key changed".to_string())
        );
    }

    #[test]
    fn the_stopper_terms_then_kills() {
        let mut s = Stopper::new(Duration::from_millis(50), None);
        s.step(false);
        assert_eq!((s.stop, s.pending_signal), (None, None));
        s.step(true);
        assert_eq!((s.stop, s.pending_signal), (Some(Stop::Canceled), Some("TERM")));
        s.pending_signal = None;
        s.step(true);
        assert_eq!(s.pending_signal, None, "no KILL before the grace period");
        std::thread::sleep(Duration::from_millis(60));
        s.step(true);
        assert_eq!((s.pending_signal, s.killed), (Some("KILL"), true));
        let mut t = Stopper::new(Duration::from_secs(5), Some(Duration::ZERO));
        t.step(false);
        assert_eq!((t.stop, t.pending_signal), (Some(Stop::TimedOut), Some("TERM")));
    }
}
