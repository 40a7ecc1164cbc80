//! AWX's DependencyManager (reference §2.5): the project and inventory updates a pending task
//! needs before it may start, created or reused, and linked in `unified_job_dependency`.
//!
//! - A job whose project is a git project that updates on launch (or has no checkout yet)
//!   depends on the project's latest `check` update, or a new one; each `update_on_launch`
//!   source of its inventory on the source's latest update, or a new one.
//! - An inventory update of an `scm` source depends likewise on its project, when that project
//!   updates on launch.
//! - [`should_update_again`] decides between reuse and a new update. Each task gets only its
//!   own dependencies (AWX's shared batch list, which could make a task depend on itself, is
//!   not repeated). New updates are `launch_type=dependency`; new inventory updates are
//!   processed in a second pass (job → inventory update → project update).

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::{Task, type_name};
use crate::db::Tx;
use crate::error::Result;
use crate::jobs::{JobKind, JobStatus};
use crate::time::Timestamp;

/// An update created for a task.
#[derive(Debug, Clone, Serialize)]
pub struct Created {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: i64,
    pub name: String,
    /// The task that needs it.
    pub for_id: i64,
}

/// The latest update of a project or source, as the rule needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub id: i64,
    pub status: JobStatus,
    pub finished: Option<Timestamp>,
}

/// AWX's `should_update_again`: a new update when there is none, or the latest failed, errored
/// or was canceled, or it succeeded longer than `cache_timeout` seconds ago; otherwise the
/// latest is reused (an active one is waited for).
pub fn should_update_again(latest: Option<&Latest>, cache_timeout: i64, now: Timestamp) -> bool {
    let Some(l) = latest else { return true };
    match l.status {
        JobStatus::Failed | JobStatus::Error | JobStatus::Canceled => true,
        JobStatus::New | JobStatus::Pending | JobStatus::Waiting | JobStatus::Running => false,
        JobStatus::Successful => match l.finished {
            Some(f) => (f + chrono::Duration::seconds(cache_timeout.max(0))) < now,
            None => true,
        },
    }
}

fn latest(tx: &mut Tx<'_>, kind: JobKind, owner: i64) -> Result<Option<Latest>> {
    let sql = match kind {
        JobKind::ProjectUpdate => {
            "SELECT id, status, finished FROM project_update WHERE project_id = $1 AND job_type = 'check' AND launch_type <> 'sync'
             ORDER BY created DESC, id DESC LIMIT 1"
        }
        _ => "SELECT id, status, finished FROM inventory_update WHERE inventory_source_id = $1 ORDER BY created DESC, id DESC LIMIT 1",
    };
    tx.query_opt(sql, crate::params![owner])?
        .map(|r| Ok(Latest { id: r.col("id")?, status: r.col("status")?, finished: r.col("finished")? }))
        .transpose()
}

/// The updates of one cycle: what was looked up or created, so tasks of one batch share them.
struct Batch<'a> {
    projects_root: &'a Path,
    latest_project: HashMap<i64, Option<Latest>>,
    latest_source: HashMap<i64, Option<Latest>>,
    created: Vec<Created>,
}

impl Batch<'_> {
    /// The project update task `for_id` depends on, if its project needs one.
    fn project(&mut self, tx: &mut Tx<'_>, project_id: i64, for_id: i64, scm_inventory: bool) -> Result<Option<i64>> {
        let Some(r) = tx.query_opt(
            "SELECT scm_type, scm_update_on_launch, scm_update_cache_timeout, name FROM project WHERE id = $1",
            crate::params![project_id],
        )?
        else {
            return Ok(None);
        };
        if r.col::<String>("scm_type")? != "git" {
            return Ok(None);
        }
        let on_launch: bool = r.col("scm_update_on_launch")?;
        let missing = !scm_inventory && {
            let p = crate::runner::project::Project::load(tx, self.projects_root, project_id)?;
            !p.dir.join(".git").exists()
        };
        if !on_launch && !missing {
            return Ok(None);
        }
        let timeout: i64 = if missing { 0 } else { r.col("scm_update_cache_timeout")? };
        let now = crate::time::now();
        if let std::collections::hash_map::Entry::Vacant(e) = self.latest_project.entry(project_id) {
            e.insert(latest(tx, JobKind::ProjectUpdate, project_id)?);
        }
        let l = self.latest_project.get(&project_id).cloned().flatten();
        let stale_checkout = missing && l.as_ref().is_some_and(|l| l.status.is_final());
        if !should_update_again(l.as_ref(), timeout, now) && !stale_checkout {
            return Ok(l.map(|l| l.id));
        }
        let id = crate::runner::project::create_update(tx, self.projects_root, project_id, "dependency")?;
        self.latest_project.insert(project_id, Some(Latest { id, status: JobStatus::Pending, finished: None }));
        self.created.push(Created { kind: type_name(JobKind::ProjectUpdate), id, name: r.col("name")?, for_id });
        Ok(Some(id))
    }

    /// The inventory update task `for_id` depends on for source `source_id`.
    fn source(&mut self, tx: &mut Tx<'_>, source_id: i64, cache_timeout: i64, for_id: i64) -> Result<i64> {
        if let std::collections::hash_map::Entry::Vacant(e) = self.latest_source.entry(source_id) {
            e.insert(latest(tx, JobKind::InventoryUpdate, source_id)?);
        }
        let l = self.latest_source.get(&source_id).cloned().flatten();
        if let Some(l) = l.filter(|l| !should_update_again(Some(l), cache_timeout, crate::time::now())) {
            return Ok(l.id);
        }
        let id = crate::inventory::source::create_update(tx, source_id, "dependency")?;
        let name: String = tx.scalar("SELECT name FROM inventory_update WHERE id = $1", crate::params![id])?;
        self.latest_source.insert(source_id, Some(Latest { id, status: JobStatus::Pending, finished: None }));
        self.created.push(Created { kind: type_name(JobKind::InventoryUpdate), id, name, for_id });
        Ok(id)
    }

    fn task(&mut self, tx: &mut Tx<'_>, t: &Task) -> Result<Vec<i64>> {
        let mut deps = Vec::new();
        match t.kind {
            JobKind::Job => {
                if let Some(p) = t.project
                    && let Some(u) = self.project(tx, p, t.id, false)?
                {
                    tx.execute("UPDATE job SET project_update_id = $1 WHERE id = $2", crate::params![u, t.id])?;
                    deps.push(u);
                }
                if let Some(inv) = t.inventory {
                    let sources: Vec<(i64, i64)> = tx
                        .query(
                            "SELECT id, update_cache_timeout FROM inventory_source WHERE inventory_id = $1 AND update_on_launch ORDER BY id",
                            crate::params![inv],
                        )?
                        .iter()
                        .map(|r| Ok((r.col("id")?, r.col("update_cache_timeout")?)))
                        .collect::<Result<_>>()?;
                    for (s, timeout) in sources {
                        deps.push(self.source(tx, s, timeout, t.id)?);
                    }
                }
            }
            JobKind::InventoryUpdate => {
                let project: Option<i64> = tx
                    .query_opt(
                        "SELECT s.source_project_id AS project FROM inventory_source s WHERE s.id = $1 AND s.source = 'scm'",
                        crate::params![t.template],
                    )?
                    .map(|r| r.col("project"))
                    .transpose()?
                    .flatten();
                if let Some(p) = project {
                    deps.extend(self.project(tx, p, t.id, true)?);
                }
            }
            _ => {}
        }
        deps.retain(|d| *d != t.id);
        deps.sort_unstable();
        deps.dedup();
        Ok(deps)
    }
}

/// Process every pending task whose dependencies were not looked at yet (two passes: the
/// inventory updates created in the first may need a project update).
pub fn process(tx: &mut Tx<'_>, projects_root: &Path) -> Result<Vec<Created>> {
    let mut batch = Batch { projects_root, latest_project: HashMap::new(), latest_source: HashMap::new(), created: Vec::new() };
    for _pass in 0..2 {
        let tasks = super::load(tx, &["pending"], "AND NOT dependencies_processed")?;
        if tasks.is_empty() {
            break;
        }
        for t in &tasks {
            for d in batch.task(tx, t)? {
                tx.execute(
                    "INSERT INTO unified_job_dependency (job_id, depends_on_id) SELECT $1, $2
                     WHERE NOT EXISTS (SELECT 1 FROM unified_job_dependency WHERE job_id = $1 AND depends_on_id = $2)",
                    crate::params![t.id, d],
                )?;
            }
            tx.execute(&format!("UPDATE {} SET dependencies_processed = TRUE WHERE id = $1", t.kind.table()), crate::params![t.id])?;
        }
    }
    Ok(batch.created)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        crate::time::parse(s).expect("time")
    }

    #[test]
    fn should_update_again_follows_awx() {
        let now = at("2026-01-01T12:00:00Z");
        assert!(should_update_again(None, 0, now), "no update yet");
        for s in [JobStatus::Failed, JobStatus::Error, JobStatus::Canceled] {
            assert!(should_update_again(Some(&Latest { id: 1, status: s, finished: Some(now) }), 3600, now), "{s}");
        }
        for s in [JobStatus::New, JobStatus::Pending, JobStatus::Waiting, JobStatus::Running] {
            assert!(!should_update_again(Some(&Latest { id: 1, status: s, finished: None }), 0, now), "{s}: wait for it");
        }
        let ok = |finished: &str| Latest { id: 1, status: JobStatus::Successful, finished: Some(at(finished)) };
        assert!(!should_update_again(Some(&ok("2026-01-01T11:00:00Z")), 3600, now), "exactly at the timeout: still fresh");
        assert!(should_update_again(Some(&ok("2026-01-01T10:59:59Z")), 3600, now), "older than the timeout");
        assert!(should_update_again(Some(&ok("2026-01-01T11:59:59Z")), 0, now), "timeout 0: every launch updates");
        assert!(!should_update_again(Some(&ok("2026-01-01T12:00:00Z")), 0, now), "finished this very instant");
    }
}
