//! Unified jobs: the one owner of the job tables' lifecycle (job, project_update,
//! inventory_update, workflow_job — and the kinds to come, system_job and ad_hoc_command, which
//! share the same statuses and rules).
//!
//! - [`JobStatus`] (`status.rs`): AWX's statuses and the transitions allowed between them.
//! - [`set_status`]: the only writer of a job's status, with AWX's `UnifiedJob.save` rules:
//!   `failed` ⇔ status ∈ {failed, error, canceled}; `started` is set when the job first runs;
//!   `finished` and `elapsed` when it reaches a final state; the template's `current_job`/
//!   `status` follow running jobs and `last_job`/`last_job_failed`/`last_job_run` follow
//!   finished ones.
//! - [`finish`]: how a supervised job ends — its last writes, the final status (cancel and
//!   traceback bookkeeping included) in one transaction, then the `job_finished` hook.
//! - [`cancel`] (`cancel.rs`): the cancel protocol, returning a [`CancelOutcome`].
//! - `row.rs`: typed rows read by column name ([`JobResult`], [`JobDetail`], [`JobSummary`]).
//! - `hooks.rs`: where licensing and notifications plug into a job's life.
//! - the reapers' helpers: [`reap_local_orphans`], [`leftovers`], [`clean_leftovers`].

pub mod cancel;
pub mod hooks;
pub mod row;
pub mod status;

pub use cancel::{CancelOutcome, cancel};
pub use row::{JobDetail, JobResult, JobSummary, load_result};
pub use status::{IntoStatus, JobStatus};

use crate::context::Ctx;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};

/// The job tables and the template each one points at: (job table, template fk, template table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Job,
    ProjectUpdate,
    InventoryUpdate,
    SystemJob,
    WorkflowJob,
    /// A workflow's approval step (AWX's WorkflowApproval): waits for a person, never placed.
    WorkflowApproval,
}

impl JobKind {
    pub fn table(self) -> &'static str {
        match self {
            JobKind::Job => "job",
            JobKind::ProjectUpdate => "project_update",
            JobKind::InventoryUpdate => "inventory_update",
            JobKind::SystemJob => "system_job",
            JobKind::WorkflowJob => "workflow_job",
            JobKind::WorkflowApproval => "workflow_approval",
        }
    }
    /// (foreign key column on the job, template table, template column for "last update")
    fn template(self) -> (&'static str, &'static str, &'static str) {
        match self {
            JobKind::Job => ("job_template_id", "job_template", "last_job_id"),
            JobKind::ProjectUpdate => ("project_id", "project", "last_update_id"),
            JobKind::InventoryUpdate => ("inventory_source_id", "inventory_source", "last_update_id"),
            JobKind::SystemJob => ("system_job_template_id", "system_job_template", "last_job_id"),
            JobKind::WorkflowJob => ("workflow_job_template_id", "workflow_job_template", "last_job_id"),
            // Approval templates keep no status (see `set_status`).
            JobKind::WorkflowApproval => ("workflow_approval_template_id", "workflow_approval_template", ""),
        }
    }
}

/// The kinds of the queue (workflow jobs, ad hoc commands and approvals join with their issues).
pub const QUEUE_KINDS: [JobKind; 4] = [JobKind::Job, JobKind::ProjectUpdate, JobKind::InventoryUpdate, JobKind::SystemJob];

/// Every kind of unified job (one id space).
pub const ALL_KINDS: [JobKind; 6] =
    [JobKind::Job, JobKind::ProjectUpdate, JobKind::InventoryUpdate, JobKind::SystemJob, JobKind::WorkflowJob, JobKind::WorkflowApproval];

/// The kind of unified job `id` (one id space: at most one table has it).
pub fn kind_of(tx: &mut Tx<'_>, id: i64) -> Result<Option<JobKind>> {
    for kind in ALL_KINDS {
        if tx.query_opt(&format!("SELECT 1 FROM {} WHERE id = $1", kind.table()), crate::params![id])?.is_some() {
            return Ok(Some(kind));
        }
    }
    Ok(None)
}

/// Move a job to `status`, maintaining started/finished/elapsed/failed and its template's
/// status fields. `explanation` (when given) replaces `job_explanation`. A finished job stays
/// finished (a late cancel or a reaper racing a normal end changes nothing); any other move
/// that [`JobStatus::can_move_to`] does not allow is an internal error. Returns the job's
/// status afterwards.
pub fn set_status(tx: &mut Tx<'_>, kind: JobKind, id: i64, status: impl IntoStatus, explanation: Option<&str>) -> Result<JobStatus> {
    let status = status.into_status()?;
    let table = kind.table();
    let now = crate::time::now();
    let now_s = crate::time::fmt(&now);
    let row = tx
        .query_opt(
            &format!("SELECT started, status, {fk} AS template_id FROM {table} WHERE id = $1", fk = kind.template().0),
            crate::params![id],
        )?
        .ok_or_else(|| Error::not_found(format!("no {} with id {id}", table.replace('_', " "))))?;
    let started: Option<crate::time::Timestamp> = row.col("started")?;
    let old: JobStatus = row.col("status")?;
    let template: Option<i64> = row.col("template_id")?;
    if old.is_final() {
        return Ok(old);
    }
    // An approval is decided while pending (AWX §4.7): approve → successful.
    let decided = kind == JobKind::WorkflowApproval && old == JobStatus::Pending && status == JobStatus::Successful;
    if !old.can_move_to(status) && !decided {
        return Err(Error::internal(format!("{} {id}: status {status} cannot follow {old}", table.replace('_', " "))));
    }
    let started = match (started, status) {
        (None, JobStatus::Running) => Some(now),
        (s, _) => s,
    };
    let (finished, elapsed) = if status.is_final() {
        let el = started.map(|s| (now - s).num_microseconds().unwrap_or(0) as f64 / 1e6).unwrap_or(0.0);
        (Some(now_s.clone()), el)
    } else {
        (None, 0.0)
    };
    let failed = status.is_failure();
    tx.execute(
        &format!(
            "UPDATE {table} SET status = $1, failed = $2, started = $3, finished = COALESCE($4, finished), elapsed = $5,
                job_explanation = COALESCE($6, job_explanation), modified = $7 WHERE id = $8"
        ),
        crate::params![status.as_str(), failed, started.map(|s| crate::time::fmt(&s)), finished, elapsed, explanation, now_s.as_str(), id],
    )?;
    let (_, ttable, last_col) = kind.template();
    if let Some(t) = template.filter(|_| kind != JobKind::WorkflowApproval) {
        if status.is_final() {
            let current = if ttable == "job_template" {
                ", current_job_id = CASE WHEN current_job_id = $5 THEN NULL ELSE current_job_id END"
            } else {
                ""
            };
            tx.execute(
                &format!(
                    "UPDATE {ttable} SET status = $1, last_job_failed = $2, last_job_run = $3, {last_col} = $5{current} WHERE id = $4"
                ),
                crate::params![status.as_str(), failed, now_s.as_str(), t, id],
            )?;
        } else if ttable == "job_template" {
            tx.execute("UPDATE job_template SET status = $1, current_job_id = $2 WHERE id = $3", crate::params![status.as_str(), id, t])?;
        } else {
            tx.execute(&format!("UPDATE {ttable} SET status = $1 WHERE id = $2"), crate::params![status.as_str(), t])?;
        }
    }
    Ok(status)
}

/// How a job ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Ending {
    /// A final status.
    pub status: JobStatus,
    /// Replaces `job_explanation` when given.
    pub explanation: Option<String>,
    /// Stored as `result_traceback` when given.
    pub traceback: Option<String>,
}

impl Ending {
    pub fn new(status: JobStatus) -> Ending {
        Ending { status, explanation: None, traceback: None }
    }
    pub fn explained(status: JobStatus, explanation: impl Into<String>) -> Ending {
        Ending { status, explanation: Some(explanation.into()), traceback: None }
    }
}

/// The database side of an ending, inside the caller's transaction: the traceback, the cancel
/// bookkeeping of a cancel (`cancel_flag` and `canceled_on`, on every kind), the final status.
/// Returns the status the job has afterwards (an earlier ending wins).
pub fn record_end(tx: &mut Tx<'_>, kind: JobKind, id: i64, ending: &Ending) -> Result<JobStatus> {
    if !ending.status.is_final() {
        return Err(Error::internal(format!("a job cannot end as {}", ending.status)));
    }
    let table = kind.table();
    let current: Option<JobStatus> = tx.scalar_opt(&format!("SELECT status FROM {table} WHERE id = $1"), crate::params![id])?;
    if let Some(done) = current.filter(|s| s.is_final()) {
        return Ok(done);
    }
    if let Some(tb) = &ending.traceback {
        tx.execute(&format!("UPDATE {table} SET result_traceback = $1 WHERE id = $2"), crate::params![tb.as_str(), id])?;
    }
    if ending.status == JobStatus::Canceled {
        tx.execute(
            &format!("UPDATE {table} SET cancel_flag = TRUE, canceled_on = $1 WHERE id = $2"),
            crate::params![crate::time::now_str(), id],
        )?;
    }
    set_status(tx, kind, id, ending.status, ending.explanation.as_deref())
}

/// Every ending of a supervised job goes through here: `record` (the supervisor's last writes —
/// output, rc, events) and [`record_end`] in one transaction, then, once committed, the
/// `job_finished` hook with the status the job ended with. Returns that status.
pub fn finish(
    ctx: &Ctx,
    db: &mut Db,
    kind: JobKind,
    id: i64,
    ending: &Ending,
    record: impl FnOnce(&mut Tx<'_>) -> Result<()>,
) -> Result<JobStatus> {
    let status = db.write(|tx| {
        record(tx)?;
        record_end(tx, kind, id, ending)
    })?;
    hooks::job_finished(ctx, db, kind, id, status);
    Ok(status)
}

/// Whether a process with this pid exists on this machine.
pub fn pid_alive(pid: i64) -> bool {
    if pid <= 0 {
        return false;
    }
    match nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), None) {
        // A zombie (dead, not yet reaped by its parent — e.g. when init is slow) is dead.
        Ok(()) | Err(nix::errno::Errno::EPERM) => !is_zombie(pid),
        Err(_) => false,
    }
}

fn is_zombie(pid: i64) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat.rfind(')').is_some_and(|i| stat[i + 1..].trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

/// AWX's reaper explanation for a job whose process vanished.
pub const REAPED_EXPLANATION: &str = "Task was marked as running but was not present in the job queue, so it has been marked as failed.";

/// Fail every running/waiting job of `kind` supervised by this node (`execution_node = node`,
/// or `controller_node = node` for jobs run on isolated nodes, whose pid is that of the
/// supervising awxm here) whose recorded pid is no longer alive. Returns the ids reaped.
pub fn reap_local_orphans(tx: &mut Tx<'_>, kind: JobKind, node: &str) -> Result<Vec<i64>> {
    let table = kind.table();
    let which = if kind == JobKind::Job {
        "((execution_node = $1 AND (controller_node = '' OR controller_node = execution_node)) OR controller_node = $1)"
    } else {
        "execution_node = $1"
    };
    let rows = tx.query(
        &format!("SELECT id, pid FROM {table} WHERE status IN ('running', 'waiting') AND pid IS NOT NULL AND {which}"),
        crate::params![node],
    )?;
    let mut reaped = Vec::new();
    for r in rows {
        let id: i64 = r.col("id")?;
        let pid: Option<i64> = r.col("pid")?;
        if pid.is_some_and(pid_alive) {
            continue;
        }
        set_status(tx, kind, id, JobStatus::Failed, Some(REAPED_EXPLANATION))?;
        reaped.push(id);
    }
    Ok(reaped)
}

/// What a reaped local job may have left behind: its private data directory (from the
/// `AWX_PRIVATE_DATA_DIR` of its stored environment) and whether it was kept
/// (`--keep-artifacts`). Only for jobs that ran here (not on an isolated node).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub dir: std::path::PathBuf,
    pub kept: bool,
}

/// The leftovers of jobs `ids` (just reaped by [`reap_local_orphans`]); read inside the
/// transaction, cleaned with [`clean_leftovers`] once it is committed (never on a dry run).
pub fn leftovers(tx: &mut Tx<'_>, ids: &[i64]) -> Result<Vec<Leftover>> {
    let mut out = Vec::new();
    for &id in ids {
        let Some(r) = tx.query_opt(
            "SELECT job_env, work_dir FROM job WHERE id = $1 AND (controller_node = '' OR controller_node = execution_node)",
            crate::params![id],
        )?
        else {
            continue;
        };
        let env: Option<String> = r.col("job_env")?;
        let work_dir: Option<String> = r.col("work_dir")?;
        let env: serde_json::Value = serde_json::from_str(env.as_deref().unwrap_or("{}")).unwrap_or_default();
        let Some(dir) = env.get("AWX_PRIVATE_DATA_DIR").and_then(|v| v.as_str()).map(std::path::PathBuf::from) else { continue };
        // Only a directory awxm creates for this job: <base>/awx_<id>_<random>.
        let ours = dir.is_absolute()
            && dir.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&format!("awx_{id}_")) && !n.contains(".."));
        if ours {
            out.push(Leftover { dir, kept: work_dir.is_some_and(|w| !w.is_empty()) });
        }
    }
    Ok(out)
}

/// Stop every process that still names a reaped job's private data directory on its command
/// line (its ssh-agent, job guards, ansible-playbook: SIGTERM, SIGKILL after 2s) and remove the
/// directory unless it was kept. Returns how many processes were stopped.
pub fn clean_leftovers(list: &[Leftover]) -> usize {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let mut stopped = 0;
    for l in list {
        let pids = crate::runner::process::procs_naming(&l.dir);
        for p in &pids {
            tracing::warn!("stopping process {p} left by a reaped job (it uses {})", l.dir.display());
            let _ = kill(Pid::from_raw(*p), Signal::SIGTERM);
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        while pids.iter().any(|p| pid_alive(i64::from(*p))) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        for p in pids.iter().filter(|p| pid_alive(i64::from(**p))) {
            let _ = kill(Pid::from_raw(*p), Signal::SIGKILL);
        }
        stopped += pids.len();
        let is_dir = std::fs::symlink_metadata(&l.dir).is_ok_and(|m| m.is_dir());
        if !l.kept
            && is_dir
            && let Err(e) = std::fs::remove_dir_all(&l.dir)
        {
            tracing::warn!("could not remove {}: {e}", l.dir.display());
        }
    }
    stopped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    fn db() -> (tempfile::TempDir, Db) {
        crate::db::temp_sqlite()
    }

    #[test]
    fn status_rules_follow_awx() {
        let (_d, mut db) = db();
        db.write(|tx| {
            let now = crate::time::now_str();
            let p =
                tx.insert("INSERT INTO project (name, created, modified) VALUES ('p', $1, $1) RETURNING id", crate::params![now.as_str()])?;
            let t = tx.insert(
                "INSERT INTO job_template (name, project_id, playbook, created, modified) VALUES ('t', $1, 'x.yml', $2, $2) RETURNING id",
                crate::params![p, now.as_str()],
            )?;
            let j = tx.insert(
                "INSERT INTO job (job_template_id, status, created, modified) VALUES ($1, 'pending', $2, $2) RETURNING id",
                crate::params![t, now.as_str()],
            )?;
            set_status(tx, JobKind::Job, j, JobStatus::Running, None)?;
            let r = tx.query_one(
                "SELECT started IS NOT NULL AS started, finished IS NULL AS unfinished, failed FROM job WHERE id = $1",
                crate::params![j],
            )?;
            assert!(r.col::<bool>("started")? && r.col::<bool>("unfinished")? && !r.col::<bool>("failed")?);
            assert_eq!(tx.scalar::<Option<i64>>("SELECT current_job_id FROM job_template WHERE id = $1", crate::params![t])?, Some(j));
            set_status(tx, JobKind::Job, j, JobStatus::Canceled, Some("Canceled by the operator"))?;
            let r = tx.query_one(
                "SELECT finished IS NOT NULL AS finished, failed, elapsed >= 0 AS elapsed, job_explanation FROM job WHERE id = $1",
                crate::params![j],
            )?;
            assert!(r.col::<bool>("finished")? && r.col::<bool>("failed")? && r.col::<bool>("elapsed")?);
            assert_eq!(r.col::<String>("job_explanation")?, "Canceled by the operator");
            let r = tx.query_one(
                "SELECT status, last_job_id, last_job_failed, current_job_id FROM job_template WHERE id = $1",
                crate::params![t],
            )?;
            assert_eq!(r.col::<String>("status")?, "canceled");
            assert_eq!(r.col::<i64>("last_job_id")?, j);
            assert!(r.col::<bool>("last_job_failed")?);
            assert_eq!(r.col::<Option<i64>>("current_job_id")?, None);
            // A finished job stays finished.
            assert_eq!(set_status(tx, JobKind::Job, j, JobStatus::Successful, None)?, JobStatus::Canceled);
            assert_eq!(tx.scalar::<String>("SELECT status FROM job WHERE id = $1", crate::params![j])?, "canceled");
            Ok(())
        })
        .expect("transaction");
    }

    #[test]
    fn moves_the_lifecycle_forbids_are_refused_and_change_nothing() {
        let (_d, mut db) = db();
        db.write(|tx| {
            let now = crate::time::now_str();
            let j = tx.insert(
                "INSERT INTO job (status, created, modified) VALUES ('running', $1, $1) RETURNING id",
                crate::params![now.as_str()],
            )?;
            let p = tx.insert(
                "INSERT INTO job (status, created, modified) VALUES ('pending', $1, $1) RETURNING id",
                crate::params![now.as_str()],
            )?;
            for (id, to) in [(j, JobStatus::Pending), (j, JobStatus::Waiting), (j, JobStatus::New), (p, JobStatus::Successful)] {
                let e = set_status(tx, JobKind::Job, id, to, None).unwrap_err();
                assert_eq!(e.kind, crate::error::ErrorKind::Internal, "{e:?}");
            }
            assert!(set_status(tx, JobKind::Job, j, "cancelled", None).is_err(), "an unknown status name");
            let st: Vec<String> =
                tx.query("SELECT status FROM job ORDER BY id", &[])?.iter().map(|r| r.col("status")).collect::<Result<_>>()?;
            assert_eq!(st, ["running", "pending"]);
            // The allowed ones, by enum or by name.
            assert_eq!(set_status(tx, JobKind::Job, p, "waiting", None)?, JobStatus::Waiting);
            assert_eq!(set_status(tx, JobKind::Job, p, JobStatus::Running, None)?, JobStatus::Running);
            assert_eq!(set_status(tx, JobKind::Job, p, JobStatus::Successful, None)?, JobStatus::Successful);
            Ok(())
        })
        .expect("transaction");
    }

    #[test]
    fn an_ending_records_cancel_and_traceback_once() {
        let (_d, mut db) = db();
        db.write(|tx| {
            let now = crate::time::now_str();
            let mut ids = Vec::new();
            for _ in 0..2 {
                ids.push(tx.insert(
                    "INSERT INTO job (status, created, modified) VALUES ('running', $1, $1) RETURNING id",
                    crate::params![now.as_str()],
                )?);
            }
            let pu = tx.insert(
                "INSERT INTO project_update (status, created, modified) VALUES ('running', $1, $1) RETURNING id",
                crate::params![now.as_str()],
            )?;
            let canceled = Ending::new(JobStatus::Canceled);
            assert_eq!(record_end(tx, JobKind::Job, ids[0], &canceled)?, JobStatus::Canceled);
            assert_eq!(record_end(tx, JobKind::ProjectUpdate, pu, &canceled)?, JobStatus::Canceled);
            let error = Ending { status: JobStatus::Error, explanation: Some("broke".into()), traceback: Some("broke\nat x".into()) };
            assert_eq!(record_end(tx, JobKind::Job, ids[1], &error)?, JobStatus::Error);
            // A second ending changes nothing: the first one stays.
            assert_eq!(record_end(tx, JobKind::Job, ids[1], &canceled)?, JobStatus::Error);
            let rows = tx.query(
                "SELECT status, failed, cancel_flag, canceled_on IS NOT NULL AS on_set, job_explanation, result_traceback FROM job ORDER BY id",
                &[],
            )?;
            let got: Vec<(String, bool, bool, bool, String, String)> = rows
                .iter()
                .map(|r| {
                    Ok((
                        r.col("status")?,
                        r.col("failed")?,
                        r.col("cancel_flag")?,
                        r.col("on_set")?,
                        r.col("job_explanation")?,
                        r.col("result_traceback")?,
                    ))
                })
                .collect::<Result<_>>()?;
            assert_eq!(
                got,
                [
                    ("canceled".into(), true, true, true, String::new(), String::new()),
                    ("error".into(), true, false, false, "broke".into(), "broke\nat x".into()),
                ]
            );
            let r = tx.query_one("SELECT status, cancel_flag, canceled_on IS NOT NULL AS on_set FROM project_update WHERE id = $1", crate::params![pu])?;
            assert_eq!((r.col::<String>("status")?, r.col::<bool>("cancel_flag")?, r.col::<bool>("on_set")?), ("canceled".into(), true, true));
            assert!(record_end(tx, JobKind::Job, ids[0], &Ending::new(JobStatus::Running)).is_err(), "not a final status");
            Ok(())
        })
        .expect("transaction");
    }

    #[test]
    fn orphans_on_this_node_are_reaped() {
        let (_d, mut db) = db();
        db.write(|tx| {
            let now = crate::time::now_str();
            let me = std::process::id() as i64;
            // (pid, execution node, controller node)
            for (pid, node, ctl) in
                [(me, "n1", ""), (999_999_999, "n1", ""), (999_999_999, "n2", ""), (999_999_999, "iso", "n1"), (me, "iso", "n1")]
            {
                tx.execute(
                    "INSERT INTO job (status, pid, execution_node, controller_node, created, modified) VALUES ('running', $1, $2, $3, $4, $4)",
                    crate::params![pid, node, ctl, now.as_str()],
                )?;
            }
            let reaped = reap_local_orphans(tx, JobKind::Job, "n1")?;
            assert_eq!(reaped, vec![2, 4], "a dead local supervisor, and a dead controller of an isolated job");
            assert_eq!(tx.scalar::<i64>("SELECT count(*) FROM job WHERE status = 'failed'", &[])?, 2);
            Ok(())
        })
        .expect("transaction");
    }

    #[test]
    fn leftovers_of_reaped_jobs_are_stopped_and_removed() {
        let (d, mut db) = db();
        let dir = d.path().join("awx_1_0badc0de");
        let kept = d.path().join("awx_2_0badc0de");
        for p in [&dir, &kept] {
            std::fs::create_dir_all(p.join("artifacts")).unwrap();
        }
        // A process naming the directory, as the job's ssh-agent does (`-a DIR/agent.sock`).
        let mut child = std::process::Command::new("/bin/sh")
            .args(["-c", "read x", "sh"])
            .arg(dir.join("agent.sock"))
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Wait for the exec (until then the child's command line is the test binary's).
        let sock = dir.join("agent.sock").display().to_string();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !std::fs::read(format!("/proc/{}/cmdline", child.id())).is_ok_and(|c| String::from_utf8_lossy(&c).contains(&sock)) {
            assert!(std::time::Instant::now() < deadline, "the child did not start");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let list = db
            .write(|tx| {
                let now = crate::time::now_str();
                for (d, w) in [(&dir, ""), (&kept, kept.to_str().unwrap())] {
                    let env = serde_json::json!({"AWX_PRIVATE_DATA_DIR": d}).to_string();
                    tx.execute(
                        "INSERT INTO job (status, pid, execution_node, controller_node, job_env, work_dir, created, modified)
                         VALUES ('running', 999999999, 'n1', '', $1, $2, $3, $3)",
                        crate::params![env.as_str(), w, now.as_str()],
                    )?;
                }
                let ids = reap_local_orphans(tx, JobKind::Job, "n1")?;
                leftovers(tx, &ids)
            })
            .unwrap();
        assert_eq!(list, vec![Leftover { dir: dir.clone(), kept: false }, Leftover { dir: kept.clone(), kept: true }]);
        assert_eq!(clean_leftovers(&list), 1);
        let st = child.wait().unwrap();
        assert!(!st.success(), "the process naming the directory was stopped");
        assert!(!dir.exists(), "the private data directory is removed");
        assert!(kept.exists(), "a kept directory stays");
    }
}
