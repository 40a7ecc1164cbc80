//! Who runs what a cycle started, without a daemon.
//!
//! - [`kick`]: this node's tasks whose supervisor died are failed (`jobs::reap_local_orphans`),
//!   then a cycle, then a detached supervisor (`awxm task_manager --run ID`, its own
//!   session) for each task this node controls that no live waiter here will run — including
//!   tasks left `waiting` by a process that died before running them; the dispatchers are woken
//!   when the cycle started tasks on other nodes or could not run. Every launch and every
//!   end of a task kicks, so freed capacity and finished dependencies start the next tasks at
//!   once (AWX waits for its next 20 s tick).
//! - [`wait_turn`]: a foreground `run_job`/`launch --wait` is its task's *waiter*: it kicks until
//!   the task is started, then claims and runs it itself (live output, Ctrl-C cancels it).
//! - [`claim`]: the one way to take a waiting task (pid NULL → this process), so a waiter and
//!   a spawned supervisor never both run it.

use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::CycleReport;
use crate::context::Ctx;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::jobs::{self, JobKind, JobStatus};

/// A child `awxm` with this process's resolved configuration (in the environment, never argv:
/// the database URL may hold a password), detached in its own session.
pub fn awxm_command(ctx: &Ctx) -> Result<Command> {
    let exe = std::env::current_exe().map_err(|e| Error::internal(format!("cannot find the awxm executable: {e}")))?;
    let mut c = Command::new(exe);
    c.env("AWXM_DATABASE_URL", &ctx.config.database_url)
        .env("AWXM_SECRET_KEY_FILE", &ctx.config.secret_key_file)
        .env("AWXM_NODE_NAME", &ctx.config.node_name)
        .env("AWXM_LOCK_TIMEOUT", ctx.config.lock_timeout.as_secs_f64().to_string())
        .env_remove("AWXM_FORMAT");
    if let Some(d) = &ctx.config.ansible_bin_dir {
        c.env("AWXM_ANSIBLE_BIN_DIR", d);
    }
    if let Some(f) = &ctx.config.database_password_file {
        c.env("AWXM_DATABASE_PASSWORD_FILE", f);
    }
    let defaults = [std::path::PathBuf::from("/etc/awxm/awxm.yaml"), crate::config::user_config_dir().join("awxm.yaml")];
    if let [only] = ctx.config.sources.as_slice()
        && !defaults.contains(only)
    {
        c.env("AWXM_CONFIG", only);
    }
    c.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    // SAFETY: setsid is async-signal-safe.
    unsafe {
        c.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    Ok(c)
}

/// Start a detached supervisor for task `id`.
pub fn spawn(ctx: &Ctx, id: i64) -> Result<u32> {
    let mut c = awxm_command(ctx)?;
    c.arg("task_manager").arg("--run").arg(id.to_string());
    let child = c.spawn().map_err(|e| Error::internal(format!("cannot start a supervisor for task {id}: {e}")))?;
    Ok(child.id())
}

/// Take waiting task `id` for this process; false when another process has it (or it is no
/// longer waiting here).
pub fn claim(tx: &mut Tx<'_>, kind: JobKind, id: i64, node: &str) -> Result<bool> {
    let n = tx.execute(
        &format!("UPDATE {} SET pid = $1 WHERE id = $2 AND status = 'waiting' AND controller_node = $3 AND pid IS NULL", kind.table()),
        crate::params![std::process::id() as i64, id, node],
    )?;
    Ok(n == 1)
}

/// Tasks this node controls that are waiting for a supervisor and have no live waiter here.
/// (Two kicks may both spawn one for the same task: [`claim`] lets only one run it.)
fn unclaimed(tx: &mut Tx<'_>, node: &str) -> Result<Vec<i64>> {
    let mut out = Vec::new();
    for kind in super::KINDS {
        let rows = tx.query(
            &format!(
                "SELECT id, waiter_pid, waiter_node FROM {} WHERE status = 'waiting' AND controller_node = $1 AND pid IS NULL",
                kind.table()
            ),
            crate::params![node],
        )?;
        for r in rows {
            let waiter: Option<i64> = r.col("waiter_pid")?;
            let waiter_node: String = r.col("waiter_node")?;
            if !(waiter_node == node && waiter.is_some_and(jobs::pid_alive)) {
                out.push(r.col("id")?);
            }
        }
    }
    Ok(out)
}

/// A cycle, then supervisors for what this node must run. Returns the cycle's report.
pub fn kick(ctx: &Ctx, db: &mut Db) -> Result<CycleReport> {
    super::ensure_registered(ctx, db)?;
    let node = ctx.config.node_name.clone();
    // Tasks whose supervisor here died (SIGKILL, a reboot) end failed, and free their capacity.
    let (leftovers, mut reaped) = db.write(|tx| {
        let (mut jobs_reaped, mut ended) = (Vec::new(), Vec::new());
        for kind in super::KINDS {
            let ids = jobs::reap_local_orphans(tx, kind, &node)?;
            for id in &ids {
                let name: String = tx.scalar(&format!("SELECT name FROM {} WHERE id = $1", kind.table()), crate::params![*id])?;
                let job_explanation = jobs::REAPED_EXPLANATION.to_string();
                ended.push(super::Ended { kind: super::type_name(kind), id: *id, name, job_explanation });
            }
            if kind == JobKind::Job {
                jobs_reaped.extend(ids);
            }
        }
        Ok((jobs::leftovers(tx, &jobs_reaped)?, ended))
    })?;
    jobs::clean_leftovers(&leftovers);
    let mut report = super::cycle(ctx, db)?;
    // What this node reaped before the cycle is reported with what the cycle reaped.
    reaped.append(&mut report.reaped);
    report.reaped = reaped;
    // Another cycle held the lock (it may not have seen what changed here), or tasks were
    // started on other nodes: their dispatchers must look.
    if report.skipped || report.started.iter().any(|s| s.controller_node != node) {
        super::dispatcher::wake(db);
    }
    let todo = db.read(|tx| unclaimed(tx, &node))?;
    for id in todo {
        if let Err(e) = spawn(ctx, id) {
            ctx.out.warn(format!("task {id}: {}", e.message));
        }
    }
    Ok(report)
}

/// Kick after a task ended (its dependents and capacity-starved tasks may start now); a
/// failure is a warning: the task itself is recorded already.
pub fn after_end(ctx: &Ctx, db: &mut Db) {
    if let Err(e) = kick(ctx, db) {
        ctx.out.warn(format!("starting the next tasks: {}", e.message));
    }
}

/// Where a waited-for task stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Turn {
    /// Claimed by this process: run it now.
    Run,
    /// It ended (or was started on another node and ended there).
    Done(JobStatus),
}

/// This process is the waiter of task `id`.
pub fn become_waiter(tx: &mut Tx<'_>, kind: JobKind, id: i64, node: &str) -> Result<()> {
    tx.execute(
        &format!("UPDATE {} SET waiter_pid = $1, waiter_node = $2 WHERE id = $3", kind.table()),
        crate::params![std::process::id() as i64, node, id],
    )?;
    Ok(())
}

/// Wait, as its waiter, until task `id` may run here, kicking meanwhile; each new reason it is
/// pending for is shown on a terminal. With `no_wait`, a task that cannot start at once fails
/// with that reason. Ctrl-C / SIGTERM (the context's cancel flag) cancels it.
pub fn wait_turn(ctx: &Ctx, db: &mut Db, kind: JobKind, id: i64, no_wait: bool) -> Result<Turn> {
    // Why it waits goes to a person at a terminal (nothing in json/yaml output).
    let human = ctx.out.format == crate::output::Format::Human;
    let on_reason = |why: &str| {
        if human {
            ctx.out.status(format!("{} {id} is pending: {why}", kind.table().replace('_', " ")));
        }
    };
    let node = ctx.config.node_name.clone();
    db.write(|tx| become_waiter(tx, kind, id, &node))?;
    let mut last_kick: Option<Instant> = None;
    let mut announced = String::new();
    let mut cancel_asked = false;
    loop {
        if last_kick.is_none_or(|t| t.elapsed() >= Duration::from_secs(1)) {
            kick(ctx, db)?;
            last_kick = Some(Instant::now());
        }
        let row = db
            .read(|tx| {
                tx.query_opt(
                    &format!("SELECT status, controller_node, job_explanation FROM {} WHERE id = $1", kind.table()),
                    crate::params![id],
                )
            })?
            .ok_or_else(|| Error::not_found(format!("no {} with id {id}", kind.table().replace('_', " "))))?;
        let status: JobStatus = row.col("status")?;
        let controller: String = row.col("controller_node")?;
        let why: String = row.col("job_explanation")?;
        if status.is_final() {
            return Ok(Turn::Done(status));
        }
        if status == JobStatus::Waiting && controller == node && db.write(|tx| claim(tx, kind, id, &node))? {
            return Ok(Turn::Run);
        }
        if ctx.cancelled() && kind == JobKind::WorkflowJob {
            // A workflow ends canceled once the workflow manager (the kicks of this loop) has
            // canceled its running nodes.
            if !cancel_asked {
                jobs::cancel(db, id, &node, None)?;
                cancel_asked = true;
            }
        } else if ctx.cancelled() {
            jobs::cancel(db, id, &node, Some(Duration::from_secs(5)))?;
            let status: JobStatus =
                db.read(|tx| tx.scalar(&format!("SELECT status FROM {} WHERE id = $1", kind.table()), crate::params![id]))?;
            return Ok(Turn::Done(status));
        }
        if status == JobStatus::Pending {
            if no_wait && last_kick.is_some() && !why.is_empty() {
                db.write(|tx| jobs::set_status(tx, kind, id, JobStatus::Failed, Some(&why)))?;
                return Ok(Turn::Done(JobStatus::Failed));
            }
            if !why.is_empty() && why != announced {
                on_reason(&why);
                announced = why;
            }
        } else if controller != node && announced != controller {
            on_reason(&format!("{} {id} runs on {controller}", kind.table().replace('_', " ")));
            announced = controller;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
