//! The scheduler tick (AWX's `awx_periodic_scheduler`, reference §3.5–3.7), run by
//! `awxm scheduler` (from a timer or cron) and inside the dispatcher.
//!
//! One write transaction under the lock `awxm:scheduler` (a PostgreSQL advisory lock; the
//! SQLite write lock): a tick that finds another running does nothing. Within it:
//! 1. the previous tick's time is read from `scheduler_state` (created as "now" on first
//!    use, so nothing older is launched on a fresh database) and now is stored;
//! 2. schedules whose `next_run` is not after the previous tick (missed while no tick ran
//!    at the right time) get a new `next_run` and a recorded skip — AWX advances them
//!    silently;
//! 3. due schedules (`previous < next_run <= now`) each launch once: `next_run` is advanced
//!    first by a conditional update (a schedule taken by another tick is left alone), then
//!    `max_lateness`, AWX's skip rules (SCHEDULE_MAX_JOBS, cache timeouts) and the launch;
//!    whatever is not launched is recorded in `schedule_skip` with its reason. A launch that
//!    fails is rolled back to a savepoint and recorded, and the tick goes on.
//!
//! Because each schedule fires at most once per tick and only for an occurrence after the
//! previous tick, an outage makes each schedule fire once (late) on recovery, as AWX does —
//! unless the occurrence is later than the schedule's `max_lateness`: then the newest
//! occurrence up to now launches if it is within `max_lateness` (ticks further apart than the
//! schedule's period), else the occurrence is skipped.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{SCHEDULE_MAX_JOBS, Schedule, Target, record_skip, rule};
use crate::context::Ctx;
use crate::db::{Db, Tx};
use crate::error::Result;
use crate::jobs::{self, JobKind, JobStatus};

/// A job a tick launched.
#[derive(Debug, Clone, Serialize)]
pub struct Launched {
    pub schedule_id: i64,
    pub schedule: String,
    pub occurrence: String,
    pub job_id: i64,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// An occurrence a tick did not launch.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub schedule_id: i64,
    pub schedule: String,
    pub occurrence: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Tick {
    /// False when another tick held the lock (this one did nothing).
    pub ran: bool,
    pub now: String,
    /// The previous tick's time (None on the first tick of a database).
    pub previous: Option<String>,
    pub launched: Vec<Launched>,
    pub skipped: Vec<Skipped>,
    /// Seconds the tick's transaction took (without the task-manager cycle after it).
    pub elapsed: f64,
}

/// Run one tick at `now` inside `tx`. The caller commits, then kicks the task manager when
/// something was launched.
pub fn tick_in(ctx: &Ctx, tx: &mut Tx<'_>, projects_root: &std::path::Path, now: DateTime<Utc>) -> Result<Tick> {
    let mut t = Tick { now: crate::time::fmt(&now), ..Tick::default() };
    if !tx.try_lock("awxm:scheduler")? {
        return Ok(t);
    }
    t.ran = true;
    let previous: Option<String> = tx.scalar_opt("SELECT last_run FROM scheduler_state WHERE id = 1", &[])?;
    match &previous {
        None => {
            tx.execute("INSERT INTO scheduler_state (id, last_run) VALUES (1, $1)", crate::params![t.now.as_str()])?;
        }
        Some(_) => {
            tx.execute("UPDATE scheduler_state SET last_run = $1 WHERE id = 1", crate::params![t.now.as_str()])?;
        }
    }
    let last = previous.clone().unwrap_or_else(|| t.now.clone());
    t.previous = previous;
    // Missed: next_run at or before the previous tick.
    let stale = tx.query(
        &format!(
            "SELECT {} FROM schedule WHERE enabled = TRUE AND next_run IS NOT NULL AND next_run <= $1 ORDER BY next_run, id",
            super::COLUMNS
        ),
        crate::params![last.as_str()],
    )?;
    for r in stale {
        let s = Schedule::from_row(&r)?;
        let occurrence = s.next_run.clone().unwrap_or_default();
        if advance(tx, &s, now)? {
            let reason = if t.previous.is_none() {
                "due before the scheduler's first tick on this database (nothing older than the first tick is launched)".to_string()
            } else {
                format!("missed: due at or before the previous tick ({last}), which did not launch it")
            };
            skip(tx, &mut t, &s, &occurrence, reason)?;
        }
    }
    let due = tx.query(
        &format!("SELECT {} FROM schedule WHERE enabled = TRUE AND next_run > $1 AND next_run <= $2 ORDER BY next_run, id", super::COLUMNS),
        crate::params![last.as_str(), t.now.as_str()],
    )?;
    for r in due {
        let s = Schedule::from_row(&r)?;
        let mut occurrence = s.next_run.clone().unwrap_or_default();
        // Advance first, so next_run moves even if the launch fails; a schedule another tick
        // advanced meanwhile is left to it.
        if !advance(tx, &s, now)? {
            continue;
        }
        let mut late = crate::time::parse(&occurrence).map(|o| (now - o).num_seconds()).unwrap_or(0);
        if s.max_lateness > 0 && late > s.max_lateness {
            // Ticks further apart than the schedule's period: the oldest occurrence since the
            // previous tick is too late, a newer one may not be; that one launches.
            let window = now - chrono::Duration::seconds(s.max_lateness);
            if let Some(o) = rule::parse(&s.rrule).ok().and_then(|r| r.latest_in(window, now)) {
                occurrence = crate::time::fmt(&o);
                late = (now - o).num_seconds();
            }
        }
        if s.max_lateness > 0 && late > s.max_lateness {
            let reason = format!("found {late} s late, more than its max_lateness of {} s (a tick did not run in time)", s.max_lateness);
            skip(tx, &mut t, &s, &occurrence, reason)?;
            continue;
        }
        if let Some(reason) = blocked(ctx, tx, &s, now)? {
            skip(tx, &mut t, &s, &occurrence, reason)?;
            continue;
        }
        tx.batch("SAVEPOINT awxm_schedule_launch")?;
        match launch(ctx, tx, projects_root, &s) {
            Ok((kind, job_id)) => {
                tx.batch("RELEASE SAVEPOINT awxm_schedule_launch")?;
                tracing::info!("schedule {} ({}) launched {} {job_id}", s.id, s.name, kind.table());
                t.launched.push(Launched { schedule_id: s.id, schedule: s.name.clone(), occurrence, job_id, kind: kind.table() });
            }
            Err(e) => {
                tx.batch("ROLLBACK TO SAVEPOINT awxm_schedule_launch")?;
                skip(tx, &mut t, &s, &occurrence, format!("could not be launched: {}", e.message))?;
            }
        }
    }
    Ok(t)
}

fn skip(tx: &mut Tx<'_>, t: &mut Tick, s: &Schedule, occurrence: &str, reason: String) -> Result<()> {
    record_skip(tx, s.id, occurrence, &reason)?;
    t.skipped.push(Skipped { schedule_id: s.id, schedule: s.name.clone(), occurrence: occurrence.to_string(), reason });
    Ok(())
}

/// Recompute a schedule's `next_run` from `now`, only if nobody changed it meanwhile.
fn advance(tx: &mut Tx<'_>, s: &Schedule, now: DateTime<Utc>) -> Result<bool> {
    let next = match rule::parse(&s.rrule) {
        Ok(r) => r.next_run(now).map(|t| crate::time::fmt(&t)),
        // A stored rule that no longer parses (edited by hand): no more runs.
        Err(e) => {
            tracing::warn!("schedule {} ({}): its rule does not parse ({}); disabled until fixed", s.id, s.name, e.join(" "));
            None
        }
    };
    let n =
        tx.execute("UPDATE schedule SET next_run = $1 WHERE id = $2 AND next_run = $3", crate::params![next, s.id, s.next_run.clone()])?;
    Ok(n == 1)
}

/// AWX's `cache_timeout_blocked` (reference §3.6): why this occurrence must not launch.
fn blocked(ctx: &Ctx, tx: &mut Tx<'_>, s: &Schedule, now: DateTime<Utc>) -> Result<Option<String>> {
    let active = "status IN ('pending', 'waiting', 'running')";
    Ok(match s.target {
        Target::JobTemplate(id) | Target::WorkflowJobTemplate(id) => {
            let (table, col, what) = match s.target {
                Target::JobTemplate(_) => ("job", "job_template_id", "Job template"),
                _ => ("workflow_job", "workflow_job_template_id", "Workflow Job template"),
            };
            let n: i64 = tx.scalar(&format!("SELECT count(*) FROM {table} WHERE {col} = $1 AND {active}"), crate::params![id])?;
            let max = crate::settings::get(tx, &ctx.secrets, &SCHEDULE_MAX_JOBS)?;
            (n >= max).then(|| {
                format!(
                    "{what} {} could not be started because there are more than {max} other jobs from that template waiting to run",
                    s.target.name(tx).unwrap_or_default()
                )
            })
        }
        Target::Project(id) => cache_blocked(tx, "project", "scm_update_cache_timeout", id, now)?,
        Target::InventorySource(id) => cache_blocked(tx, "inventory_source", "update_cache_timeout", id, now)?,
        Target::SystemJobTemplate(_) => None,
    })
}

fn cache_blocked(tx: &mut Tx<'_>, table: &str, timeout_col: &str, id: i64, now: DateTime<Utc>) -> Result<Option<String>> {
    let r = tx.query_one(&format!("SELECT last_job_run, {timeout_col} FROM {table} WHERE id = $1"), crate::params![id])?;
    let timeout: i64 = r.col(timeout_col)?;
    let last: Option<String> = r.col("last_job_run")?;
    let fresh = timeout > 0 && last.as_deref().and_then(crate::time::parse).is_some_and(|l| l + chrono::Duration::seconds(timeout) > now);
    Ok(fresh.then(|| format!("Cache timeout is in the future, bypassing schedule for template {id} ({timeout_col} {timeout} s)")))
}

/// Create the schedule's job, `launch_type = scheduled`, with its prompts.
fn launch(ctx: &Ctx, tx: &mut Tx<'_>, projects_root: &std::path::Path, s: &Schedule) -> Result<(JobKind, i64)> {
    let (kind, id) = match s.target {
        Target::JobTemplate(tid) => {
            let name = s.target.name(tx)?;
            let prompts = s.prompts(tx)?;
            let (mut ov, dropped) =
                crate::launch::job_overrides(tx, &ctx.secrets, &prompts, tid, &name, crate::launch::Unasked::Drop, "scheduled")?;
            if !dropped.is_empty() {
                tracing::info!("Errors creating scheduled job: schedule {} ({}): dropped {}", s.id, s.name, dropped.join(", "));
            }
            // AWX's variables for a job launched by a schedule (no user created it).
            for prefix in ["awx", "tower"] {
                ov.extra_vars.insert(format!("{prefix}_schedule_id"), serde_json::Value::from(s.id));
                ov.extra_vars.insert(format!("{prefix}_schedule_name"), serde_json::Value::from(s.name.clone()));
            }
            let license = crate::license::enforce::check_job_launch(tx, &ctx.secrets)?.into_result();
            let id = crate::runner::job::create_job(tx, tid, &ov)?;
            if let Err(e) = license {
                // AWX: the job exists, failed, with the license error as its explanation.
                jobs::set_status(tx, JobKind::Job, id, JobStatus::Failed, Some(&e.message))?;
            }
            (JobKind::Job, id)
        }
        Target::Project(pid) => (JobKind::ProjectUpdate, crate::runner::project::create_update(tx, projects_root, pid, "scheduled")?),
        Target::InventorySource(sid) => (JobKind::InventoryUpdate, crate::inventory::source::create_update(tx, sid, "scheduled")?),
        Target::SystemJobTemplate(tid) => (JobKind::SystemJob, crate::runner::system::create(tx, tid, &s.extra_data, "scheduled")?),
        Target::WorkflowJobTemplate(tid) => {
            let name = s.target.name(tx)?;
            let g = super::resource::workflow_given(tx, s)?;
            let mut p = crate::workflow::check_prompts(tx, tid, &name, &g)?;
            for prefix in ["awx", "tower"] {
                p.extra_vars.insert(format!("{prefix}_schedule_id"), serde_json::Value::from(s.id));
                p.extra_vars.insert(format!("{prefix}_schedule_name"), serde_json::Value::from(s.name.clone()));
            }
            (JobKind::WorkflowJob, crate::workflow::create(tx, tid, &p, "scheduled")?)
        }
    };
    tx.execute(&format!("UPDATE {} SET schedule_id = $1 WHERE id = $2", kind.table()), crate::params![s.id, id])?;
    Ok((kind, id))
}

/// One tick on `db` at the current time, then a task-manager kick when something launched
/// (`kick`: false inside the dispatcher, which runs its own cycle next).
pub fn run(ctx: &Ctx, db: &mut Db, kick: bool) -> Result<Tick> {
    let projects_root = db.read(|tx| crate::runner::projects_root(ctx, tx))?;
    let now = crate::time::now();
    let started = std::time::Instant::now();
    let mut t = db.write(|tx| tick_in(ctx, tx, &projects_root, now))?;
    t.elapsed = started.elapsed().as_secs_f64();
    if kick && !t.launched.is_empty() {
        crate::taskmanager::run::kick(ctx, db)?;
    }
    Ok(t)
}
