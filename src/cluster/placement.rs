//! Where a job runs (AWX's task manager, for isolated instance groups).
//!
//! The groups considered are the job's launch-time `--instance-group`, else its template's
//! instance groups in order. No group, or a first group that is not isolated: the job runs on
//! this node. For an isolated group (`is_isolated`, a controller group, or isolated/execution
//! members), the job goes to the enabled isolated/execution instance with the most remaining
//! capacity (capacity minus the task impact of the jobs running or waiting on it) that fits the
//! job's impact; failing that, to the largest idle instance (AWX's `find_largest_idle_instance`).
//! When no group has room, the job waits, with an explanation naming each node's state.

use serde::Serialize;

use super::{INSTANCE_COLUMNS, Instance, PROBED_TYPES};
use crate::db::Tx;
use crate::error::{Error, Result};

/// An isolated node chosen for a job.
#[derive(Debug, Clone, Serialize)]
pub struct Placement {
    pub instance: String,
    pub group_id: i64,
    pub group: String,
    pub remaining: i64,
}

#[derive(Debug, Clone)]
pub enum Decision {
    /// Run on this node.
    Local { group_id: Option<i64> },
    /// Run on an isolated node.
    Remote(Placement),
    /// No capacity anywhere: why.
    Wait(String),
}

struct Group {
    id: i64,
    name: String,
    isolated: bool,
}

fn group_by_id(tx: &mut Tx<'_>, id: i64) -> Result<Group> {
    let r = tx
        .query_opt("SELECT id, name, is_isolated, controller_id FROM instance_group WHERE id = $1", crate::params![id])?
        .ok_or_else(|| Error::not_found(format!("no instance group with id {id}")))?;
    let isolated = r.col::<bool>("is_isolated")? || r.col::<Option<i64>>("controller_id")?.is_some() || {
        let types = PROBED_TYPES.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ");
        tx.scalar::<i64>(
            &format!(
                "SELECT count(*) FROM instance_group_instance m JOIN instance i ON i.id = m.instance_id
                 WHERE m.instance_group_id = $1 AND i.node_type IN ({types})"
            ),
            crate::params![id],
        )? > 0
    };
    Ok(Group { id: r.col("id")?, name: r.col("name")?, isolated })
}

/// The groups a job may run in, in order of preference.
fn job_groups(tx: &mut Tx<'_>, job_id: i64) -> Result<Vec<Group>> {
    let r = tx
        .query_opt("SELECT instance_group_id, job_template_id FROM job WHERE id = $1", crate::params![job_id])?
        .ok_or_else(|| Error::not_found(format!("no job with id {job_id}")))?;
    let (gid, tid): (Option<i64>, Option<i64>) = (r.col("instance_group_id")?, r.col("job_template_id")?);
    let ids: Vec<i64> = match (gid, tid) {
        (Some(g), _) => vec![g],
        (None, Some(t)) => tx
            .query(
                "SELECT instance_group_id FROM job_template_instance_group WHERE job_template_id = $1 ORDER BY position, instance_group_id",
                crate::params![t],
            )?
            .iter()
            .map(|r| r.col("instance_group_id"))
            .collect::<Result<_>>()?,
        (None, None) => Vec::new(),
    };
    ids.into_iter().map(|id| group_by_id(tx, id)).collect()
}

/// Capacity in use on `hostname`: the task impact of its running and waiting jobs.
pub fn used_capacity(tx: &mut Tx<'_>, hostname: &str, except_job: i64) -> Result<i64> {
    tx.scalar(
        "SELECT COALESCE(sum(task_impact), 0) FROM job WHERE execution_node = $1 AND status IN ('waiting', 'running') AND id <> $2",
        crate::params![hostname, except_job],
    )
}

/// Decide where job `job_id` runs (call inside the transaction that records the decision).
pub fn place(tx: &mut Tx<'_>, job_id: i64) -> Result<Decision> {
    let groups = job_groups(tx, job_id)?;
    let impact: i64 = tx.scalar("SELECT task_impact FROM job WHERE id = $1", crate::params![job_id])?;
    let mut reasons = Vec::new();
    for g in &groups {
        if !g.isolated {
            return Ok(Decision::Local { group_id: Some(g.id) });
        }
        let types = PROBED_TYPES.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ");
        let rows = tx.query(
            &format!(
                "SELECT {INSTANCE_COLUMNS} FROM instance WHERE node_type IN ({types}) AND id IN
                   (SELECT instance_id FROM instance_group_instance WHERE instance_group_id = $1) ORDER BY hostname"
            ),
            crate::params![g.id],
        )?;
        let mut best: Option<(i64, Instance)> = None;
        let mut idle: Option<Instance> = None;
        let mut states = Vec::new();
        for r in &rows {
            let inst = Instance::from_row(r)?;
            if !inst.enabled {
                states.push(format!("{} is disabled", inst.hostname));
                continue;
            }
            if inst.capacity <= 0 {
                let why = if inst.errors.is_empty() { "no capacity".to_string() } else { format!("no capacity ({})", inst.errors) };
                states.push(format!("{} has {why}", inst.hostname));
                continue;
            }
            let used = used_capacity(tx, &inst.hostname, job_id)?;
            let remaining = inst.capacity - used;
            states.push(format!("{} has {} of {} free", inst.hostname, remaining.max(0), inst.capacity));
            if remaining >= impact && best.as_ref().is_none_or(|(b, _)| remaining > *b) {
                best = Some((remaining, inst.clone()));
            }
            if used == 0 && idle.as_ref().is_none_or(|i| inst.capacity > i.capacity) {
                idle = Some(inst);
            }
        }
        let chosen = best.or_else(|| idle.map(|i| (i.capacity, i)));
        if let Some((remaining, inst)) = chosen {
            return Ok(Decision::Remote(Placement { instance: inst.hostname, group_id: g.id, group: g.name.clone(), remaining }));
        }
        if states.is_empty() {
            states.push("it has no isolated or execution instances".into());
        }
        reasons.push(format!("instance group {}: {}", g.name, states.join(", ")));
    }
    if groups.is_empty() {
        return Ok(Decision::Local { group_id: None });
    }
    Ok(Decision::Wait(format!("waiting for capacity (task impact {impact}): {}", reasons.join("; "))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    fn db() -> (tempfile::TempDir, Db) {
        crate::db::temp_sqlite()
    }

    fn remote(d: Decision) -> String {
        match d {
            Decision::Remote(p) => p.instance,
            other => panic!("expected a remote placement, got {other:?}"),
        }
    }

    #[test]
    fn most_remaining_capacity_then_largest_idle_then_wait() {
        let (_d, mut db) = db();
        db.write(|tx| {
            let now = crate::time::now_str();
            let n = now.as_str();
            let g = tx.insert(
                "INSERT INTO instance_group (name, is_isolated, created, modified) VALUES ('iso', TRUE, $1, $1) RETURNING id",
                crate::params![n],
            )?;
            let local = tx.insert(
                "INSERT INTO instance_group (name, created, modified) VALUES ('tower', $1, $1) RETURNING id",
                crate::params![n],
            )?;
            for (host, cap, enabled) in [("a", 10, true), ("b", 4, true), ("c", 50, false)] {
                let i = tx.insert(
                    "INSERT INTO instance (hostname, node_type, capacity, enabled, created, modified) VALUES ($1, 'isolated', $2, $3, $4, $4) RETURNING id",
                    crate::params![host, cap as i64, enabled, n],
                )?;
                tx.execute("INSERT INTO instance_group_instance (instance_group_id, instance_id) VALUES ($1, $2)", crate::params![g, i])?;
            }
            let t = tx.insert("INSERT INTO job_template (name, created, modified) VALUES ('t', $1, $1) RETURNING id", crate::params![n])?;
            tx.execute(
                "INSERT INTO job_template_instance_group (job_template_id, instance_group_id, position) VALUES ($1, $2, 0)",
                crate::params![t, g],
            )?;
            let job = |tx: &mut Tx<'_>, status: &str, impact: i64, node: &str| {
                tx.insert(
                    "INSERT INTO job (job_template_id, status, task_impact, execution_node, created, modified) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                    crate::params![t, status, impact, node, n],
                )
            };
            let j = job(tx, "pending", 5, "")?;
            assert_eq!(remote(place(tx, j)?), "a", "the most remaining capacity");
            job(tx, "running", 8, "a")?;
            // a has 2 left, b 4: neither fits 5, but b is idle.
            assert_eq!(remote(place(tx, j)?), "b", "the largest idle node");
            job(tx, "waiting", 1, "b")?;
            match place(tx, j)? {
                Decision::Wait(why) => {
                    assert!(why.contains("task impact 5"), "{why}");
                    assert!(why.contains("a has 2 of 10 free") && why.contains("b has 3 of 4 free") && why.contains("c is disabled"), "{why}");
                }
                other => panic!("expected to wait, got {other:?}"),
            }
            // Finished jobs use no capacity.
            tx.execute("UPDATE job SET status = 'successful' WHERE execution_node = 'a'", &[])?;
            assert_eq!(remote(place(tx, j)?), "a");
            // A launch-time group that is not isolated: this node.
            tx.execute("UPDATE job SET instance_group_id = $1 WHERE id = $2", crate::params![local, j])?;
            assert!(matches!(place(tx, j)?, Decision::Local { group_id: Some(x) } if x == local));
            // No group at all: this node.
            let lone = tx.insert("INSERT INTO job (status, created, modified) VALUES ('pending', $1, $1) RETURNING id", crate::params![n])?;
            assert!(matches!(place(tx, lone)?, Decision::Local { group_id: None }));
            Ok(())
        })
        .expect("transaction");
    }
}
