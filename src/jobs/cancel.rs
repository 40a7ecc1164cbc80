//! The cancel protocol. Canceling sets the job's `cancel_flag`; the job's supervisor (the awxm
//! process whose pid the job records, on its `execution_node`, or on its `controller_node` for
//! a job run on an isolated node) sees the flag, stops ansible-playbook and ends the job as
//! canceled. A job nobody supervises — not started yet (`new`), or whose supervisor on this node
//! is gone — is marked canceled at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::{Ending, JobKind, JobStatus, pid_alive, record_end};
use crate::db::{Db, FromRow, Row, Tx};
use crate::error::{Error, Result};

/// How a cancel ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelOutcome {
    /// The job had finished already; nothing was changed.
    AlreadyFinished(JobStatus),
    /// The job is canceled.
    Canceled,
    /// The cancel is requested (flag set) on a job in this status; its supervisor stops it (not
    /// waited for).
    Requested(JobStatus),
    /// The job ended otherwise before its supervisor saw the cancel.
    FinishedFirst(JobStatus),
}

impl CancelOutcome {
    /// Whether the cancel took (or is taking) effect.
    pub fn canceled(self) -> bool {
        matches!(self, CancelOutcome::Canceled | CancelOutcome::Requested(_))
    }
}

/// Who supervises a job.
struct Supervision {
    kind: JobKind,
    status: JobStatus,
    pid: Option<i64>,
    execution_node: String,
    controller_node: String,
}

impl FromRow for Supervision {
    fn from_row(r: &Row) -> Result<Self> {
        Ok(Supervision {
            kind: JobKind::Job,
            status: r.col("status")?,
            pid: r.col("pid")?,
            execution_node: r.col("execution_node")?,
            controller_node: r.col("controller_node")?,
        })
    }
}

impl Supervision {
    fn load(tx: &mut Tx<'_>, id: i64) -> Result<Supervision> {
        let kind = super::kind_of(tx, id)?.ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
        let mut s = tx
            .query_opt_as::<Supervision>(
                &format!("SELECT status, pid, execution_node, controller_node FROM {} WHERE id = $1", kind.table()),
                crate::params![id],
            )?
            .ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
        s.kind = kind;
        Ok(s)
    }

    /// Nobody runs it yet: not started, or started by the task manager but not yet taken by a
    /// supervisor.
    fn unsupervised(&self) -> bool {
        matches!(self.status, JobStatus::New | JobStatus::Pending) || (self.status == JobStatus::Waiting && self.pid.is_none())
    }

    /// The node of the supervising awxm: the controller of a job run on (or waiting for) an
    /// isolated node, else the node that runs it.
    fn supervisor_node(&self) -> &str {
        if self.controller_node.is_empty() { &self.execution_node } else { &self.controller_node }
    }

    /// The supervisor runs on `node` and its process is gone.
    fn gone_from(&self, node: &str) -> bool {
        self.supervisor_node() == node && !self.pid.is_some_and(pid_alive)
    }
}

/// Step one, in the caller's transaction: set the cancel flag of a job that has not finished,
/// and end as canceled a job that nobody supervises. Returns `AlreadyFinished`, `Canceled`, or
/// `Requested` (the supervisor has to stop it).
pub fn request(tx: &mut Tx<'_>, id: i64, node: &str) -> Result<CancelOutcome> {
    let s = Supervision::load(tx, id)?;
    if s.status.is_final() {
        return Ok(CancelOutcome::AlreadyFinished(s.status));
    }
    tx.execute(
        &format!("UPDATE {} SET cancel_flag = TRUE, modified = $1 WHERE id = $2", s.kind.table()),
        crate::params![crate::time::now_str(), id],
    )?;
    if s.kind == JobKind::ProjectUpdate {
        cancel_scm_updates(tx, id, node)?;
    }
    if s.unsupervised() || s.gone_from(node) {
        record_end(tx, s.kind, id, &Ending::new(JobStatus::Canceled))?;
        return Ok(CancelOutcome::Canceled);
    }
    Ok(CancelOutcome::Requested(s.status))
}

/// AWX: canceling a project update (not a job's inline `sync`) cancels every running SCM
/// inventory update of its project too, explaining `Source project update `NAME` was canceled.`
/// (kept when the update ends canceled).
fn cancel_scm_updates(tx: &mut Tx<'_>, project_update: i64, node: &str) -> Result<()> {
    let rows = tx.query(
        "SELECT u.id AS id, pu.name AS name FROM project_update pu
           JOIN inventory_source s ON s.source_project_id = pu.project_id AND s.source = 'scm'
           JOIN inventory_update u ON u.inventory_source_id = s.id
          WHERE pu.id = $1 AND pu.launch_type <> 'sync' AND u.status = 'running' AND NOT u.cancel_flag
          ORDER BY u.id",
        crate::params![project_update],
    )?;
    for r in rows {
        let (update, name): (i64, String) = (r.col("id")?, r.col("name")?);
        tx.execute(
            "UPDATE inventory_update SET job_explanation = $1 WHERE id = $2",
            crate::params![format!("Source project update `{name}` was canceled."), update],
        )?;
        request(tx, update, node)?;
    }
    Ok(())
}

/// The supervisor's side of a cancel for work that stops on a process-wide flag (an inventory
/// script or `ansible-inventory`, git): a thread of its own polls the task's `cancel_flag`
/// (its own connection, twice a second) and raises `stop` once the flag is set or the row is
/// gone. Dropped, it stops polling: the thread ends at its next turn without being waited for
/// (a read stuck on an unreachable server must not hold up the run's end).
pub struct FlagWatch {
    requested: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
}

/// How often [`FlagWatch`] reads the flag.
const WATCH_EVERY: Duration = Duration::from_millis(500);

impl FlagWatch {
    /// Watch task `id` of `kind` through `db` (a connection of its own).
    pub fn start(mut db: Db, kind: JobKind, id: i64, stop: Arc<AtomicBool>) -> FlagWatch {
        let (requested, done) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
        let (req, fin) = (Arc::clone(&requested), Arc::clone(&done));
        let sql = format!("SELECT cancel_flag FROM {} WHERE id = $1", kind.table());
        let _detached = std::thread::Builder::new()
            .name("cancel-watch".into())
            .spawn(move || {
                while !fin.load(Ordering::Relaxed) {
                    // A failed read (the database restarting) is tried again at the next turn.
                    // A watch dropped meanwhile raises nothing: its run is over.
                    if let Ok(flag) = db.read(|tx| tx.scalar_opt::<bool>(&sql, crate::params![id]))
                        && flag != Some(false)
                        && !fin.load(Ordering::Relaxed)
                    {
                        req.store(true, Ordering::Relaxed);
                        stop.store(true, Ordering::Relaxed);
                        return;
                    }
                    let turn = Instant::now();
                    while !fin.load(Ordering::Relaxed) && turn.elapsed() < WATCH_EVERY {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
            })
            .ok();
        FlagWatch { requested, done }
    }

    /// Whether the stop came from the task's cancel flag (not a signal).
    pub fn requested(&self) -> bool {
        self.requested.load(Ordering::Relaxed)
    }
}

impl Drop for FlagWatch {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

/// Watch the cancel flag of task `id` (see [`FlagWatch`]), raising the context's cancel flag
/// when it is set. None, with a warning, when no second connection can be had: a signal still
/// stops the run.
pub fn watch(ctx: &crate::context::Ctx, kind: JobKind, id: i64) -> Option<FlagWatch> {
    match ctx.db() {
        Ok(db) => Some(FlagWatch::start(db, kind, id, ctx.cancel_flag())),
        Err(e) => {
            ctx.out.warn(format!("{} {id} cannot watch its cancel flag: {}", kind.table().replace('_', " "), e.message));
            None
        }
    }
}

/// Step two: wait (polling) until the job has ended, at most `timeout`; a supervisor on this
/// node that dies meanwhile leaves the job canceled. Still running at the deadline: exit 75.
pub fn wait(db: &mut Db, id: i64, node: &str, timeout: Duration) -> Result<CancelOutcome> {
    let deadline = Instant::now() + timeout;
    loop {
        let s = db.read(|tx| Supervision::load(tx, id))?;
        match s.status {
            JobStatus::Canceled => return Ok(CancelOutcome::Canceled),
            st if st.is_final() => return Ok(CancelOutcome::FinishedFirst(st)),
            _ => {}
        }
        if s.gone_from(node) || s.unsupervised() {
            db.write(|tx| record_end(tx, s.kind, id, &Ending::new(JobStatus::Canceled)))?;
            continue;
        }
        if Instant::now() >= deadline {
            return Err(Error::temp(format!("job {id} is still {} after {}s; its cancel flag is set", s.status, timeout.as_secs_f64())));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Cancel job `id` from `node`: [`request`], then (unless `wait_for` is `None`) [`wait`].
pub fn cancel(db: &mut Db, id: i64, node: &str, wait_for: Option<Duration>) -> Result<CancelOutcome> {
    let asked = db.write(|tx| request(tx, id, node))?;
    match (asked, wait_for) {
        (CancelOutcome::Requested(_), Some(t)) => wait(db, id, node, t),
        _ => Ok(asked),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> (tempfile::TempDir, Db) {
        crate::db::temp_sqlite()
    }

    /// A job with `status`, supervised by `pid` on (execution node, controller node).
    fn job(db: &mut Db, status: &str, pid: i64, node: &str, controller: &str) -> i64 {
        db.write(|tx| {
            tx.insert(
                "INSERT INTO job (status, pid, execution_node, controller_node, created, modified) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                crate::params![status, pid, node, controller, crate::time::now_str()],
            )
        })
        .expect("insert")
    }

    fn state(db: &mut Db, id: i64) -> (String, bool, bool) {
        db.read(|tx| {
            let r =
                tx.query_one("SELECT status, cancel_flag, canceled_on IS NOT NULL AS on_set FROM job WHERE id = $1", crate::params![id])?;
            Ok((r.col("status")?, r.col("cancel_flag")?, r.col("on_set")?))
        })
        .expect("read")
    }

    const DEAD: i64 = 999_999_999;

    #[test]
    fn finished_jobs_are_left_alone() {
        let (_d, mut db) = db();
        let id = job(&mut db, "successful", DEAD, "n1", "");
        assert_eq!(cancel(&mut db, id, "n1", None).unwrap(), CancelOutcome::AlreadyFinished(JobStatus::Successful));
        assert_eq!(state(&mut db, id), ("successful".into(), false, false));
        assert!(!CancelOutcome::AlreadyFinished(JobStatus::Successful).canceled());
    }

    #[test]
    fn unsupervised_jobs_are_canceled_at_once() {
        let (_d, mut db) = db();
        let me = std::process::id() as i64;
        // Not started yet, even with a live supervisor.
        let new = job(&mut db, "new", me, "n1", "");
        // Supervised here by a process that is gone: a local job, an isolated job this node controls.
        let local = job(&mut db, "running", DEAD, "n1", "");
        let isolated = job(&mut db, "running", DEAD, "iso", "n1");
        for id in [new, local, isolated] {
            assert_eq!(cancel(&mut db, id, "n1", Some(Duration::ZERO)).unwrap(), CancelOutcome::Canceled, "job {id}");
            assert_eq!(state(&mut db, id), ("canceled".into(), true, true), "job {id}");
        }
    }

    #[test]
    fn supervised_jobs_get_the_flag_and_the_wait_reports_how_they_ended() {
        let (_d, mut db) = db();
        let me = std::process::id() as i64;
        // A live supervisor here, and one on another node (whose pid means nothing here).
        let here = job(&mut db, "running", me, "n1", "");
        let there = job(&mut db, "waiting", DEAD, "n2", "");
        // Run on this node as an isolated node, supervised by n2's awxm.
        let controlled = job(&mut db, "running", DEAD, "n1", "n2");
        for (id, status) in [(here, "running"), (there, "waiting"), (controlled, "running")] {
            assert_eq!(cancel(&mut db, id, "n1", None).unwrap(), CancelOutcome::Requested(JobStatus::parse(status).unwrap()), "job {id}");
            assert_eq!(state(&mut db, id), (status.to_string(), true, false), "job {id}: flag set, status unchanged");
        }
        // Nobody stops it within the wait: exit 75, the flag stays.
        let e = cancel(&mut db, here, "n1", Some(Duration::from_millis(150))).unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::TempFail, "{e:?}");
        assert!(e.message.contains("still running"), "{}", e.message);
        // The job ends before its supervisor saw the flag.
        db.write(|tx| super::super::set_status(tx, JobKind::Job, here, JobStatus::Successful, None)).unwrap();
        assert_eq!(wait(&mut db, here, "n1", Duration::ZERO).unwrap(), CancelOutcome::FinishedFirst(JobStatus::Successful));
        // The supervisor stops it.
        db.write(|tx| record_end(tx, JobKind::Job, there, &Ending::new(JobStatus::Canceled))).unwrap();
        assert_eq!(wait(&mut db, there, "n1", Duration::ZERO).unwrap(), CancelOutcome::Canceled);
    }

    #[test]
    fn the_flag_watch_raises_the_stop_flag_once_the_cancel_flag_is_set() {
        let (dir, mut db) = db();
        let id = job(&mut db, "running", std::process::id() as i64, "n1", "");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let second = || Db::connect(&url, crate::db::DbOptions::default()).expect("second connection");
        let stop = Arc::new(AtomicBool::new(false));
        let watch = FlagWatch::start(second(), JobKind::Job, id, Arc::clone(&stop));
        std::thread::sleep(WATCH_EVERY * 2);
        assert!(!stop.load(Ordering::Relaxed) && !watch.requested(), "raised without a cancel");
        assert_eq!(cancel(&mut db, id, "n1", None).unwrap(), CancelOutcome::Requested(JobStatus::Running));
        let deadline = Instant::now() + Duration::from_secs(10);
        while !stop.load(Ordering::Relaxed) {
            assert!(Instant::now() < deadline, "the watch never saw the flag");
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(watch.requested());
        // A watch dropped before any cancel leaves the flag alone.
        let other = job(&mut db, "running", std::process::id() as i64, "n1", "");
        let quiet = Arc::new(AtomicBool::new(false));
        drop(FlagWatch::start(second(), JobKind::Job, other, Arc::clone(&quiet)));
        cancel(&mut db, other, "n1", None).unwrap();
        std::thread::sleep(WATCH_EVERY * 2);
        assert!(!quiet.load(Ordering::Relaxed));
    }

    #[test]
    fn a_supervisor_dying_during_the_wait_leaves_the_job_canceled() {
        let (_d, mut db) = db();
        let mut child = std::process::Command::new("/bin/sleep").arg("30").spawn().expect("sleep");
        let id = job(&mut db, "running", i64::from(child.id()), "n1", "");
        assert_eq!(cancel(&mut db, id, "n1", None).unwrap(), CancelOutcome::Requested(JobStatus::Running));
        child.kill().expect("kill");
        child.wait().expect("wait");
        assert_eq!(wait(&mut db, id, "n1", Duration::from_secs(10)).unwrap(), CancelOutcome::Canceled);
        assert_eq!(state(&mut db, id), ("canceled".into(), true, true));
    }
}
