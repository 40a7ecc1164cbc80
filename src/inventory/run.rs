//! One import run, shared by `inventory_import` and `inventory_update`: resolve the inventory,
//! take the per-inventory lock, record the inventory source and a `running` inventory update
//! (committed on their own, so the record survives a failed import), read the source, then
//! write everything in ONE transaction, and finally record the truthful outcome — successful,
//! failed (bad source), error (anything else) or canceled (SIGINT/SIGTERM) — with counts,
//! warnings and the reason. AWX left the update `running` when ansible-inventory failed or on
//! Ctrl-C, shared one lock among all imports by name, and stored the whole process
//! environment; awxm does none of that.

use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Map, Value as Json};

use super::checks;
use super::import::{self, Counts, LinkCounts, Monitor};
use super::loader::{self, LoadOptions};
use super::model::Vars;
use super::process::RunOpts;
use super::source::{self, NewUpdate, SourceConfig, UpdateEnd, Violation};
use crate::context::Ctx;
use crate::db::{Db, SessionLock, Tx};
use crate::error::{Error, ErrorKind, Result};
use crate::jobs::{self, Ending, JobKind, JobStatus};
use crate::license::enforce::Verdict;

/// Settings of the inventory subsystem.
pub static DEFAULT_INVENTORY_UPDATE_TIMEOUT: crate::settings::Setting<i64> = crate::settings::Setting::new(
    "default_inventory_update_timeout",
    "0",
    crate::settings::SECONDS,
    "Seconds an inventory source (script, ansible-inventory) may take before it is stopped (0: no limit)",
);
pub static INVENTORY_SOURCE_MAX_OUTPUT: crate::settings::Setting<i64> = crate::settings::Setting::new(
    "inventory_source_max_output",
    "1073741824",
    crate::settings::Kind::Int { min: 0, max: i64::MAX },
    "Most bytes awxm reads from one run of an inventory script or ansible-inventory, or from one inventory file or stdin; more fails the import (0: the default, 1 GiB)",
);

#[derive(Debug, Clone)]
pub enum Target {
    Name(String),
    Id(i64),
}

pub use super::source::StoredOptions;

pub struct Request {
    pub target: Target,
    pub create: bool,
    pub organization: Option<String>,
    /// The source as given (path, `-`, or a host list).
    pub source: String,
    /// Name for the inventory source record (default: derived from inventory and path).
    pub source_name: Option<String>,
    /// An existing inventory source to run (inventory_update).
    pub source_id: Option<i64>,
    pub options: StoredOptions,
    /// Extra environment for scripts and ansible-inventory (the source's `source_vars`).
    pub source_vars: Vars,
    pub ansible_inventory: Option<PathBuf>,
    pub dry_run: bool,
    pub launch_type: &'static str,
    /// Run this existing update (created `pending` by the task manager or `launch`) instead of
    /// recording a new one.
    pub update_id: Option<i64>,
}

#[derive(Debug, Serialize, Clone)]
pub struct ObjRef {
    /// None for an object a dry run would create.
    pub id: Option<i64>,
    pub name: String,
    pub created: bool,
}

#[derive(Debug, Serialize, Clone)]
pub struct UpdateRef {
    pub id: i64,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct ImportReport {
    pub dry_run: bool,
    pub inventory: ObjRef,
    pub inventory_source: ObjRef,
    /// None in a dry run.
    pub inventory_update: Option<UpdateRef>,
    pub source: String,
    /// How the source was read: ini, yaml, json, script, directory, host-list, stdin, ansible-inventory.
    pub method: String,
    pub hosts: Counts,
    pub groups: Counts,
    pub memberships: LinkCounts,
    pub children: LinkCounts,
    pub hosts_renamed: u64,
    pub inventory_variables_updated: bool,
    pub warnings: Vec<String>,
    /// Seconds: reading the source, writing the database, total.
    pub load_elapsed: f64,
    pub write_elapsed: f64,
    pub elapsed: f64,
}

/// Make a path absolute and normal without resolving symlinks (AWX: abspath + normpath).
pub fn absolute(source: &str) -> Result<String> {
    if source == "-" || (source.contains(',') && !Path::new(source).exists()) {
        return Ok(source.to_string());
    }
    let p = Path::new(source);
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir()?.join(p) };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    Ok(out.display().to_string())
}

fn looks_secret(k: &str) -> bool {
    let u = k.to_ascii_uppercase();
    ["PASS", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "AUTH"].iter().any(|s| u.contains(s))
}

/// Environment values as strings (source_vars may hold numbers or booleans).
fn env_pairs(vars: &Vars) -> Vec<(String, String)> {
    vars.iter()
        .map(|(k, v)| {
            let s = match v {
                Json::String(s) => s.clone(),
                Json::Null => String::new(),
                other => import::py_str(other),
            };
            (k.clone(), s)
        })
        .collect()
}

/// What is recorded as the update's environment: only what awxm sets for the children, with
/// secret-looking values redacted (AWX stored its whole process environment).
fn recorded_env(env: &[(String, String)]) -> String {
    let mut m = Map::new();
    for (k, v) in env {
        let val = if looks_secret(k) { crate::crypto::REDACTED.to_string() } else { v.clone() };
        m.insert(k.clone(), Json::String(val));
    }
    for (k, v) in loader::ANSIBLE_ENV {
        m.insert(k.to_string(), Json::String(v.to_string()));
    }
    Json::Object(m).to_string()
}

/// The `inventory_source.source` kind expected before reading.
fn guess_kind(source: &str, force_ansible: bool) -> &'static str {
    let p = Path::new(source);
    if force_ansible {
        "ansible-inventory"
    } else if p.is_dir() {
        "directory"
    } else if super::process::is_runnable(p) {
        "script"
    } else {
        "file"
    }
}

/// The final status of a failed run: `failed` when the source is to blame (reading it),
/// `canceled` on a signal, `error` for everything else (the database phase included).
fn status_for(e: &Error, reading: bool) -> JobStatus {
    match e.kind {
        ErrorKind::Interrupted => JobStatus::Canceled,
        ErrorKind::Data | ErrorKind::NotFound | ErrorKind::Failure | ErrorKind::Permission if reading => JobStatus::Failed,
        _ => JobStatus::Error,
    }
}

struct Resolved {
    id: Option<i64>,
    name: String,
}

fn resolve_inventory(tx: &mut Tx<'_>, target: &Target) -> Result<Option<Resolved>> {
    let row = match target {
        Target::Name(n) => tx.query_opt("SELECT id, name, kind FROM inventory WHERE name = $1", crate::params![n.as_str()])?,
        Target::Id(i) => tx.query_opt("SELECT id, name, kind FROM inventory WHERE id = $1", crate::params![*i])?,
    };
    match row {
        None => Ok(None),
        Some(r) => {
            let kind: String = r.col("kind")?;
            let name: String = r.col("name")?;
            if !kind.is_empty() {
                return Err(Error::data(format!("inventory {name:?} is a {kind} inventory; hosts cannot be imported into it")));
            }
            Ok(Some(Resolved { id: Some(r.col("id")?), name }))
        }
    }
}

fn unique_source_name(tx: &mut Tx<'_>, base: &str) -> Result<String> {
    let mut name = base.to_string();
    let mut n = 2;
    while tx.scalar_opt::<i64>("SELECT id FROM inventory_source WHERE name = $1", crate::params![name.as_str()])?.is_some() {
        name = format!("{base} ({n})");
        n += 1;
    }
    Ok(name)
}

/// Find or create the inventory source record; returns (id, name, created).
fn ensure_source(
    tx: &mut Tx<'_>,
    req: &Request,
    inv: i64,
    inv_name: &str,
    path: &str,
    kind: &str,
    verbosity: i64,
) -> Result<(i64, String, bool)> {
    if let Some(id) = req.source_id {
        let name: String = tx.scalar("SELECT name FROM inventory_source WHERE id = $1", crate::params![id])?;
        return Ok((id, name, false));
    }
    let existing = match &req.source_name {
        Some(n) => {
            let r = tx.query_opt("SELECT id, inventory_id FROM inventory_source WHERE name = $1", crate::params![n.as_str()])?;
            match r {
                Some(r) => {
                    let other: i64 = r.col("inventory_id")?;
                    if other != inv {
                        return Err(Error::data(format!("inventory source {n:?} belongs to another inventory")));
                    }
                    Some(r.col::<i64>("id")?)
                }
                None => None,
            }
        }
        None => tx.scalar::<Option<i64>>(
            "SELECT min(id) FROM inventory_source WHERE inventory_id = $1 AND source_path = $2 AND source IN ('file', 'script', 'directory', 'ansible-inventory')",
            crate::params![inv, path],
        )?,
    };
    match existing {
        Some(id) => {
            // The run's options become the source's in the import's own transaction
            // (`Place::records_in`): a failed import leaves them as they were.
            let name: String = tx.scalar("SELECT name FROM inventory_source WHERE id = $1", crate::params![id])?;
            Ok((id, name, false))
        }
        None => {
            let name = match &req.source_name {
                Some(n) => n.clone(),
                None => {
                    let base = Path::new(path).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_string());
                    unique_source_name(tx, &format!("{inv_name} - {base}"))?
                }
            };
            let id = source_config(req, path, kind, verbosity).insert(tx, &name, "imported with awxm inventory_import", inv)?;
            crate::inventory::counts::refresh(tx, inv)?;
            Ok((id, name, true))
        }
    }
}

/// The source as this run reads it: its kind, path and the run's options.
fn source_config(req: &Request, path: &str, kind: &str, verbosity: i64) -> SourceConfig {
    SourceConfig { source: kind.to_string(), source_path: path.to_string(), options: StoredOptions { verbosity, ..req.options.clone() } }
}

/// What an update record is about.
struct UpdateOf<'a> {
    inv: i64,
    inv_name: &'a str,
    source: i64,
    source_name: &'a str,
    path: &'a str,
    kind: &'a str,
    env: &'a str,
}

/// Create the `running` inventory update record.
fn start_update(tx: &mut Tx<'_>, req: &Request, ctx: &Ctx, u: UpdateOf<'_>) -> Result<i64> {
    source::start_update(
        tx,
        &NewUpdate {
            inventory_id: u.inv,
            inventory_name: u.inv_name,
            source_id: u.source,
            source_name: u.source_name,
            kind: u.kind,
            path: u.path,
            overwrite: req.options.overwrite,
            overwrite_vars: req.options.overwrite_vars,
            launch_type: req.launch_type,
            execution_node: &ctx.config.node_name,
            env: u.env,
        },
    )
}

/// Take over update `uid` (pending or waiting) for this run: what `start_update` records, then
/// `running`.
fn adopt_update(tx: &mut Tx<'_>, req: &Request, ctx: &Ctx, uid: i64, u: UpdateOf<'_>) -> Result<i64> {
    let argv: Vec<String> = std::env::args().collect();
    tx.execute(
        "UPDATE inventory_update SET source = $1, source_path = $2, overwrite = $3, overwrite_vars = $4, execution_node = $5,
            job_args = $6, job_env = $7, pid = $8 WHERE id = $9",
        crate::params![
            u.kind,
            u.path,
            req.options.overwrite,
            req.options.overwrite_vars,
            ctx.config.node_name.as_str(),
            serde_json::Value::from(argv).to_string(),
            u.env,
            std::process::id() as i64,
            uid
        ],
    )?;
    jobs::set_status(tx, JobKind::InventoryUpdate, uid, crate::jobs::JobStatus::Running, None)?;
    Ok(uid)
}

/// The request that re-runs stored source `s` (`inventory_update`, and updates the task manager
/// starts): its path (inside its project for an `scm` source) and stored options.
pub fn stored_request(tx: &mut Tx<'_>, s: &source::InventorySource, launch_type: &'static str, update_id: Option<i64>) -> Result<Request> {
    let path = match s.config.source.as_str() {
        "file" | "script" | "directory" | "ansible-inventory" => s.config.source_path.clone(),
        "scm" => {
            let pid = s
                .source_project_id
                .ok_or_else(|| Error::data(format!("inventory source {:?} is of type scm but has no project", s.name)))?;
            let local: String = tx.scalar("SELECT local_path FROM project WHERE id = $1", crate::params![pid])?;
            if local.is_empty() {
                return Err(Error::data(format!("the project of inventory source {:?} has no local_path", s.name)));
            }
            std::path::Path::new(&local).join(&s.config.source_path).display().to_string()
        }
        other => return Err(Error::data(format!("inventory source {:?} has type {other:?}, which awxm cannot update", s.name))),
    };
    if path.is_empty() || path == "-" {
        return Err(Error::data(format!("inventory source {:?} was read from stdin; it cannot be re-run", s.name)));
    }
    Ok(Request {
        target: Target::Id(s.inventory_id),
        create: false,
        organization: None,
        source: path,
        source_name: None,
        source_id: Some(s.id),
        options: s.config.options.clone(),
        source_vars: super::export::parse_vars_text(&s.source_vars),
        ansible_inventory: None,
        dry_run: false,
        launch_type,
        update_id,
    })
}

/// AWX's launch types, as the static strings a [`Request`] holds.
pub fn launch_type_static(s: &str) -> &'static str {
    match s {
        "relaunch" => "relaunch",
        "callback" => "callback",
        "scheduled" => "scheduled",
        "dependency" => "dependency",
        "workflow" => "workflow",
        "sync" => "sync",
        _ => "manual",
    }
}

fn counts_json(o: &import::Outcome, method: &str) -> String {
    serde_json::json!({
        "method": method,
        "hosts": o.hosts, "groups": o.groups, "memberships": o.memberships, "children": o.children,
        "hosts_renamed": o.hosts_renamed, "inventory_variables_updated": o.inventory_variables_updated,
    })
    .to_string()
}

/// The error of a run its update's cancel flag stopped.
const CANCEL_REQUESTED: &str = "the inventory update was canceled (awxm job cancel); nothing was imported";

/// Record a failed run on its update (in a transaction of its own). `violation` is the flag
/// a license or host-limit violation sets; `queued` (a task of the queue) runs the end hook.
fn finish_failed(
    queued: Option<&Ctx>,
    db: &mut Db,
    update: i64,
    err: &Error,
    warnings: &[String],
    reading: bool,
    violation: Option<Violation>,
) -> Result<JobStatus> {
    let status = status_for(err, reading);
    let mut trace = err.message.clone();
    for d in &err.details {
        trace.push('\n');
        trace.push_str(d);
    }
    let explanation = match status {
        // A cancel that came with its reason (its source project update was canceled) keeps it.
        JobStatus::Canceled
            if !db
                .read(|tx| tx.scalar::<String>("SELECT job_explanation FROM inventory_update WHERE id = $1", crate::params![update]))?
                .is_empty() =>
        {
            None
        }
        JobStatus::Canceled if err.message == CANCEL_REQUESTED => Some("Canceled (awxm job cancel); nothing was imported".to_string()),
        JobStatus::Canceled => Some("Canceled by a signal (SIGINT/SIGTERM); nothing was imported".to_string()),
        _ => Some(format!("Import failed; nothing was changed: {}", err.message)),
    };
    let end =
        UpdateEnd { ending: Ending { status, explanation, traceback: Some(trace) }, stdout: warnings.join("\n"), counts: None, violation };
    let status = db.write(|tx| source::finish(tx, update, &end))?;
    // A queued update ends like every task (notifications, the next tasks); a direct import
    // (`inventory_import`) is not a task of the queue.
    if let Some(ctx) = queued {
        jobs::hooks::job_finished(ctx, db, JobKind::InventoryUpdate, update, status);
    }
    Ok(status)
}

/// The inventory to import into (None: to be created) and its name, under the session locks
/// that serialise imports into it (and the creation of one by that name).
fn lock_inventory(db: &mut Db, req: &Request) -> Result<(Vec<SessionLock>, Option<Resolved>, String)> {
    let found = db.read(|tx| resolve_inventory(tx, &req.target))?;
    let (locks, resolved) = match found {
        Some(r) => {
            let lock = db.session_lock(&format!("inventory_{}_import", r.id.unwrap_or_default()))?;
            (vec![lock], Some(r))
        }
        None => {
            let name = match &req.target {
                Target::Name(n) => n,
                Target::Id(id) => return Err(Error::not_found(format!("Inventory with id = {id} cannot be found"))),
            };
            if !req.create {
                return Err(Error::not_found(format!("Inventory with name = {name} cannot be found (use --create to create it)")));
            }
            let l1 = db.session_lock(&format!("inventory_create_{name}"))?;
            // Someone may have created it while we waited.
            match db.read(|tx| resolve_inventory(tx, &req.target))? {
                Some(r) => {
                    let l2 = db.session_lock(&format!("inventory_{}_import", r.id.unwrap_or_default()))?;
                    (vec![l1, l2], Some(r))
                }
                None => (vec![l1], None),
            }
        }
    };
    let inv_name = match (&resolved, &req.target) {
        (Some(r), _) => r.name.clone(),
        (None, Target::Name(n)) => n.clone(),
        (None, Target::Id(i)) => i.to_string(),
    };
    Ok((locks, resolved, inv_name))
}

/// The source and a running update of an existing inventory, committed on their own (so that
/// a failed import still leaves its update, failed): (source id, source name, source created,
/// update id). `source` is the source's path, kind and recorded environment.
fn open_records(ctx: &Ctx, db: &mut Db, req: &Request, r: &Resolved, source: (&str, &str, &str)) -> Result<Records> {
    let (path, kind, env) = source;
    let inv = r.id.unwrap_or_default();
    let records = db.write(|tx| {
        // Updates of this node whose process died (SIGKILL, power loss) are failed now.
        jobs::reap_local_orphans(tx, JobKind::InventoryUpdate, &ctx.config.node_name)?;
        let (sid, sname, created) = ensure_source(tx, req, inv, &r.name, path, kind, i64::from(ctx.verbosity))?;
        let of = UpdateOf { inv, inv_name: &r.name, source: sid, source_name: &sname, path, kind, env };
        let uid = match req.update_id {
            Some(uid) => adopt_update(tx, req, ctx, uid, of)?,
            None => start_update(tx, req, ctx, of)?,
        };
        Ok((sid, sname, created, uid))
    })?;
    if req.update_id.is_some() {
        jobs::hooks::job_started(ctx, db, JobKind::InventoryUpdate, records.3);
    }
    Ok(records)
}

/// Read the source and prepare it for the import (a spinner on a terminal meanwhile): the
/// prepared inventory, how it was read and why through `ansible-inventory` if so; and, either
/// way, the seconds it took.
fn read_source(
    ctx: &Ctx,
    req: &Request,
    path: &str,
    import_opts: &import::ImportOptions,
    run: RunOpts,
) -> (Result<(import::Prepared, loader::Method, Option<String>)>, f64) {
    let started = Instant::now();
    let spinner = ctx.out.spinner("reading inventory");
    let lopts = LoadOptions {
        run,
        ansible_inventory: req.ansible_inventory.clone(),
        force_ansible: req.options.use_ansible_inventory,
        verbosity: ctx.verbosity,
    };
    let loaded = loader::load(path, &lopts).and_then(|l| {
        let method = l.method;
        let why = l.delegated_because.clone();
        import::prepare(l.inventory, import_opts).map(|p| (p, method, why))
    });
    spinner.finish_and_clear();
    (loaded, started.elapsed().as_secs_f64())
}

/// AWX's first checks (license, organization host limit), before the source is read; their
/// warnings are shown. A violation, or a failure to check, fails the update (committed
/// already: it must not stay `running`).
fn first_checks(ctx: &Ctx, db: &mut Db, req: &Request, resolved: Option<&Resolved>, update: Option<i64>) -> Result<Verdict> {
    let queued = req.update_id.map(|_| ctx);
    let pre = match db.read(|tx| checks::run(tx, &ctx.secrets, resolved.and_then(|r| r.id))) {
        Ok(p) => p,
        Err(e) => {
            if let Some(uid) = update {
                let _ = finish_failed(queued, db, uid, &e, &[], false, None);
            }
            return Err(e);
        }
    };
    for w in &pre.warnings {
        ctx.out.warn(w);
    }
    if let Some(e) = pre.error() {
        if let Some(uid) = update {
            finish_failed(queued, db, uid, &e, &pre.warnings, false, checks::flag(&pre))?;
        }
        return Err(e);
    }
    Ok(pre)
}

/// The records of a run: (source id, source name, source created, update id).
type Records = (i64, String, bool, i64);

/// Where an import writes: the inventory (None: to be created), the source and update recorded
/// before reading (None: a new inventory, or a dry run), and what a new source records.
struct Place<'a> {
    req: &'a Request,
    resolved: Option<&'a Resolved>,
    records: Option<&'a Records>,
    inv_name: &'a str,
    path: &'a str,
    /// The source kind guessed before reading.
    kind: &'static str,
    env: &'a str,
}

impl Place<'_> {
    /// Inside the import's transaction: the inventory (created if new) and whether it was
    /// created, and (source id, name, created, update id) — the records made before reading
    /// (their kind corrected to how the source was read), else a source and a running update
    /// made now (no update in a dry run: id 0).
    fn records_in(&self, tx: &mut Tx<'_>, ctx: &Ctx, method: loader::Method) -> Result<(i64, bool, Records)> {
        let (req, read_as) = (self.req, method.source_kind());
        let (inv, inv_created) = match self.resolved {
            Some(r) => (r.id.unwrap_or_default(), false),
            None => (create_inventory(tx, self.inv_name, req.organization.as_deref())?, true),
        };
        let records = match self.records {
            Some(r) => {
                // Made before reading, with the kind guessed then.
                if read_as != self.kind && (r.2 || req.source_id.is_some()) {
                    source::set_kind(tx, r.0, read_as)?;
                }
                r.clone()
            }
            None => {
                let (sid, sname, created) = ensure_source(tx, req, inv, self.inv_name, self.path, read_as, i64::from(ctx.verbosity))?;
                let uid = if req.dry_run {
                    0
                } else {
                    let of = UpdateOf {
                        inv,
                        inv_name: self.inv_name,
                        source: sid,
                        source_name: &sname,
                        path: self.path,
                        kind: read_as,
                        env: self.env,
                    };
                    start_update(tx, req, ctx, of)?
                };
                (sid, sname, created, uid)
            }
        };
        // An existing source named by path or name takes this run's options, and how it was
        // read, only now: a failed import leaves them as they were.
        if req.source_id.is_none() && !records.2 {
            source_config(req, self.path, read_as, i64::from(ctx.verbosity)).save(tx, records.0)?;
        }
        Ok((inv, inv_created, records))
    }
}

/// Run one import.
pub fn run(ctx: &Ctx, req: Request) -> Result<ImportReport> {
    let started = Instant::now();
    let import_opts = req.options.import_options()?;
    let path = absolute(&req.source)?;
    let cancel = ctx.cancel_on_signals()?;
    let mut db = ctx.db()?;

    // ---- inventory and lock ----
    let (_lock, resolved, inv_name) = lock_inventory(&mut db, &req)?;

    // ---- timeout and environment ----
    let timeout = match req.options.timeout {
        Some(t) => t,
        None => db.read(|tx| crate::settings::get(tx, &ctx.secrets, &DEFAULT_INVENTORY_UPDATE_TIMEOUT))?,
    };
    let max_output = u64::try_from(db.read(|tx| crate::settings::get(tx, &ctx.secrets, &INVENTORY_SOURCE_MAX_OUTPUT))?).ok();
    let env = env_pairs(&req.source_vars);
    let env_text = recorded_env(&env);
    let kind = guess_kind(&path, req.options.use_ansible_inventory);

    // ---- records: source and a running update, committed on their own ----
    let records = match (&resolved, req.dry_run) {
        (Some(r), false) => Some(open_records(ctx, &mut db, &req, r, (&path, kind, &env_text))?),
        _ => None,
    };

    // ---- license and organization host limit, before reading (AWX's first check) ----
    let pre = first_checks(ctx, &mut db, &req, resolved.as_ref(), records.as_ref().map(|r| r.3))?;

    // ---- a cancel of the update (`awxm job cancel`) stops the run as a signal does ----
    let watch = records.as_ref().and_then(|r| jobs::cancel::watch(ctx, JobKind::InventoryUpdate, r.3));
    // An interruption the update's cancel flag caused says so.
    let requested = |e: Error| match &watch {
        Some(w) if w.requested() && e.kind == ErrorKind::Interrupted => Error::new(ErrorKind::Interrupted, CANCEL_REQUESTED),
        _ => e,
    };

    // ---- read the source ----
    let run_opts = RunOpts {
        deadline: (timeout > 0).then(|| Instant::now() + Duration::from_secs(timeout as u64)),
        cancel: Some(cancel.clone()),
        env: env.clone(),
        max_output,
    };
    let (loaded, load_elapsed) = read_source(ctx, &req, &path, &import_opts, run_opts);
    let (prepared, method, why) = match loaded {
        Ok(x) => x,
        Err(e) => {
            let e = requested(e);
            if let Some((_, _, _, uid)) = &records {
                finish_failed(req.update_id.map(|_| ctx), &mut db, *uid, &e, &[], true, None)?;
            }
            return Err(e);
        }
    };
    let mut warnings = pre.warnings.clone();
    warnings.extend(prepared.warnings.iter().cloned());
    if let Some(w) = &why {
        warnings.insert(0, format!("read through ansible-inventory: {w}"));
    }

    // ---- write, in one transaction ----
    let write_started = Instant::now();
    let big = prepared.hosts.len() >= 5000;
    let bar = if big { ctx.out.progress(prepared.hosts.len() as u64, "importing") } else { indicatif::ProgressBar::hidden() };
    let cancelled = || cancel.load(std::sync::atomic::Ordering::Relaxed);
    let mon = Monitor { progress: &bar, cancelled: &cancelled };
    let method_s = method.as_str().to_string();
    let violation = std::cell::Cell::new(None::<Violation>);
    let place =
        Place { req: &req, resolved: resolved.as_ref(), records: records.as_ref(), inv_name: &inv_name, path: &path, kind, env: &env_text };
    let result = db.write_maybe(!req.dry_run, |tx| {
        let (inv, inv_created, (sid, sname, s_created, uid)) = place.records_in(tx, ctx, method)?;
        let outcome = import::apply(tx, inv, sid, &prepared, &import_opts, &mon)?;
        // AWX's second check, on the database as the import left it: a violation rolls it all back.
        let post = checks::run(tx, &ctx.secrets, Some(inv))?;
        for w in post.warnings.iter().filter(|w| !pre.warnings.contains(w)) {
            ctx.out.warn(w);
        }
        if let Some(e) = post.error() {
            violation.set(checks::flag(&post));
            return Err(e);
        }
        if !req.dry_run {
            let end = UpdateEnd {
                ending: Ending::new(JobStatus::Successful),
                stdout: warnings.join("\n"),
                counts: Some(counts_json(&outcome, &method_s)),
                violation: None,
            };
            source::finish(tx, uid, &end)?;
        }
        Ok((inv, inv_created, sid, sname, s_created, uid, outcome))
    });
    bar.finish_and_clear();
    // The process ends right after this run: freeing a million small allocations one by one
    // would only cost time (rustc does the same with its big structures).
    std::mem::forget(prepared);
    let write_elapsed = write_started.elapsed().as_secs_f64();
    let (inv, inv_created, sid, sname, s_created, uid, outcome) = match result {
        Ok(x) => x,
        Err(e) => {
            let e = if cancelled() && e.kind != ErrorKind::Interrupted { Error::new(ErrorKind::Interrupted, "interrupted") } else { e };
            let e = requested(e);
            if let Some((_, _, _, uid)) = &records {
                finish_failed(req.update_id.map(|_| ctx), &mut db, *uid, &e, &warnings, false, violation.get())?;
            }
            return Err(e);
        }
    };
    let dry = req.dry_run;
    if records.is_some() && !dry && req.update_id.is_some() {
        jobs::hooks::job_finished(ctx, &mut db, JobKind::InventoryUpdate, uid, JobStatus::Successful);
    }
    Ok(ImportReport {
        dry_run: dry,
        inventory: ObjRef { id: (!(dry && inv_created)).then_some(inv), name: inv_name, created: inv_created },
        inventory_source: ObjRef { id: (!(dry && s_created)).then_some(sid), name: sname, created: s_created },
        inventory_update: (!dry).then(|| UpdateRef { id: uid, status: JobStatus::Successful.as_str().into() }),
        source: path,
        method: method_s,
        hosts: outcome.hosts,
        groups: outcome.groups,
        memberships: outcome.memberships,
        children: outcome.children,
        hosts_renamed: outcome.hosts_renamed,
        inventory_variables_updated: outcome.inventory_variables_updated,
        warnings,
        load_elapsed,
        write_elapsed,
        elapsed: started.elapsed().as_secs_f64(),
    })
}

/// `--create`: the inventory, in ORGANIZATION (default `Default`, created if missing).
fn create_inventory(tx: &mut Tx<'_>, name: &str, organization: Option<&str>) -> Result<i64> {
    let org_name = organization.unwrap_or("Default");
    let now = crate::time::now_str();
    let org = match tx.scalar_opt::<i64>("SELECT id FROM organization WHERE name = $1", crate::params![org_name])? {
        Some(id) => id,
        None => tx.insert(
            "INSERT INTO organization (name, description, created, modified) VALUES ($1, '', $2, $2) RETURNING id",
            crate::params![org_name, now.as_str()],
        )?,
    };
    tx.insert(
        "INSERT INTO inventory (name, description, organization_id, variables, created, modified) VALUES ($1, '', $2, '{}', $3, $3) RETURNING id",
        crate::params![name, org, now.as_str()],
    )
}
