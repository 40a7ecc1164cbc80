//! `awxm heartbeat`: AWX's `cluster_node_heartbeat` plus the local reaper, in one transaction.
//!
//! 1. This node (`node_name`) is registered if missing (as `hybrid`), its cpu/memory measured,
//!    its capacity computed (0 when disabled) and stored with `version` and `last_seen` (the
//!    heartbeat). A node whose previous heartbeat was older than the grace period "rejoins".
//! 2. Peers that send their own heartbeat (control/hybrid) whose last heartbeat (or, never seen,
//!    their registration) is older than the grace period (`cluster_node_heartbeat_period` ×
//!    `cluster_node_missed_heartbeat_tolerance`, 60 × 2 s as AWX) are lost: their running jobs
//!    and those waiting for over a minute (job, project update, inventory update; jobs also
//!    when the lost node is their controller) are failed with an explanation naming the node;
//!    the node's capacity goes to 0 with an error, or the row is deleted with
//!    `awx_auto_deprovision_instances`. Peers with a newer awxm version are reported.
//! 3. This node's own running jobs whose process is gone are reaped (`jobs::reap_local_orphans`).

use serde::Serialize;

use super::capacity::{self, Capacity, Scope, Tuning};
use super::{JobRef, SELF_HEARTBEAT_TYPES, VERSION};
use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::jobs::{self, JobKind};
use crate::time::Timestamp;

#[derive(Debug, Clone, Serialize)]
pub struct LostNode {
    pub hostname: String,
    pub node_type: String,
    /// The last heartbeat (null: never sent one).
    pub last_seen: Option<String>,
    /// Marked lost by this run (false: it was already marked, only its jobs were looked at).
    pub newly_lost: bool,
    pub deprovisioned: bool,
    pub reaped: Vec<JobRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub node: String,
    pub node_type: String,
    pub registered: bool,
    pub rejoined: bool,
    pub enabled: bool,
    #[serde(flatten)]
    pub capacity: Capacity,
    pub capacity_adjustment: f64,
    pub version: String,
    pub heartbeat: String,
    pub grace_period: i64,
    pub lost: Vec<LostNode>,
    pub reaped_local: Vec<JobRef>,
    pub warnings: Vec<String>,
    /// What the reaped local jobs left (cleaned by the caller once committed).
    #[serde(skip)]
    pub leftovers: Vec<jobs::Leftover>,
}

fn parse_version(v: &str) -> Vec<u64> {
    v.split('-').next().unwrap_or("").split('.').map(|p| p.trim().parse::<u64>().unwrap_or(0)).collect()
}

/// The grace period in seconds (period × tolerance).
pub fn grace_period(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<i64> {
    let period = crate::settings::get(tx, secrets, &super::CLUSTER_NODE_HEARTBEAT_PERIOD)?;
    let tolerance = crate::settings::get(tx, secrets, &super::CLUSTER_NODE_MISSED_HEARTBEAT_TOLERANCE)?;
    Ok((period.max(1)) * (tolerance.max(1)))
}

/// Fail the running jobs (and those waiting for over a minute) that ran on, or were controlled
/// by, `host`.
pub fn reap_node_jobs(tx: &mut Tx<'_>, host: &str, now: &Timestamp, explanation: &str) -> Result<Vec<JobRef>> {
    let waiting_cutoff = crate::time::fmt(&(*now - chrono::Duration::seconds(60)));
    let mut reaped = Vec::new();
    for kind in jobs::QUEUE_KINDS {
        let table = kind.table();
        let node_match = "(execution_node = $1 OR controller_node = $1)";
        let ids: Vec<i64> = tx
            .query(
                &format!(
                    "SELECT id FROM {table} WHERE {node_match}
                     AND (status = 'running' OR (status = 'waiting' AND modified <= $2)) ORDER BY id"
                ),
                crate::params![host, waiting_cutoff.as_str()],
            )?
            .iter()
            .map(|r| r.col("id"))
            .collect::<Result<_>>()?;
        for id in ids {
            jobs::set_status(tx, kind, id, "failed", Some(explanation))?;
            reaped.push(JobRef { kind: table, id });
        }
    }
    Ok(reaped)
}

/// Run the heartbeat for `node` at `now` with the measured `cpu` and `mem` (bytes).
pub fn run(tx: &mut Tx<'_>, secrets: &Secrets, node: &str, now: &Timestamp, cpu: i64, mem: i64) -> Result<Outcome> {
    tx.lock("awxm-cluster-heartbeat")?;
    let now_s = crate::time::fmt(now);
    let grace = grace_period(tx, secrets)?;
    let cutoff = crate::time::fmt(&(*now - chrono::Duration::seconds(grace)));
    let tuning = Tuning::load(tx, secrets)?;
    let mut warnings = Vec::new();

    let (me, registered) = match super::find_instance(tx, node)? {
        Some(i) => (i, false),
        None => {
            tx.insert(
                "INSERT INTO instance (hostname, node_type, uuid, created, modified) VALUES ($1, 'hybrid', $2, $3, $3) RETURNING id",
                crate::params![node, uuid::Uuid::new_v4().to_string(), now_s.as_str()],
            )?;
            tracing::info!("registered this node as instance {node} (hybrid)");
            (super::get_instance(tx, node)?, true)
        }
    };
    if !SELF_HEARTBEAT_TYPES.contains(&me.node_type.as_str()) {
        return Err(Error::config(format!(
            "instance {node:?} is registered with node type {}; `awxm heartbeat` runs on control and hybrid nodes",
            me.node_type
        ))
        .detail("set this node's name with AWXM_NODE_NAME or node_name in the config file"));
    }
    // Back after missing heartbeats (a node that never sent one is simply starting).
    let rejoined = me.last_seen.as_deref().is_some_and(|t| t < cutoff.as_str());
    if rejoined {
        tracing::info!("rejoining the cluster as instance {node}");
    }
    let cap = capacity::compute(cpu, mem, me.capacity_adjustment, me.enabled, &tuning, Scope::Local);
    tx.execute(
        "UPDATE instance SET cpu = $1, memory = $2, cpu_capacity = $3, mem_capacity = $4, capacity = $5, version = $6,
            last_seen = $7, last_health_check = $7, errors = '' WHERE id = $8",
        crate::params![cap.cpu, cap.memory, cap.cpu_capacity, cap.mem_capacity, cap.capacity, VERSION, now_s.as_str(), me.id],
    )?;

    // Peers with a newer awxm: AWX shuts the older node down; awxm reports it.
    let mine = parse_version(VERSION);
    for r in tx.query(
        "SELECT hostname, version FROM instance WHERE node_type IN ('control', 'hybrid') AND hostname <> $1 AND version <> ''
         AND last_seen >= $2 ORDER BY hostname",
        crate::params![node, cutoff.as_str()],
    )? {
        let (h, v): (String, String) = (r.col("hostname")?, r.col("version")?);
        if parse_version(&v) > mine {
            warnings.push(format!("instance {h} runs awxm {v}, newer than this node's {VERSION}: upgrade this node"));
        }
    }

    let auto_deprovision = crate::settings::get(tx, secrets, &super::AWX_AUTO_DEPROVISION_INSTANCES)?;
    let types = SELF_HEARTBEAT_TYPES.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ");
    let lost_rows = tx.query(
        &format!(
            "SELECT id, hostname, node_type, last_seen, capacity, errors FROM instance
             WHERE node_type IN ({types}) AND hostname <> $1 AND COALESCE(last_seen, created) < $2 ORDER BY hostname"
        ),
        crate::params![node, cutoff.as_str()],
    )?;
    let mut lost = Vec::new();
    for r in lost_rows {
        let id: i64 = r.col("id")?;
        let host: String = r.col("hostname")?;
        let node_type: String = r.col("node_type")?;
        let last_seen: Option<String> = r.col("last_seen")?;
        let capacity: i64 = r.col("capacity")?;
        let errors: String = r.col("errors")?;
        let when = last_seen.clone().unwrap_or_else(|| "never".into());
        let explanation = format!(
            "Task was marked as running but its node {host} was lost (last heartbeat: {when}; noticed by {node}), so it has been marked as failed."
        );
        let reaped = reap_node_jobs(tx, &host, now, &explanation)?;
        for j in &reaped {
            tracing::error!("{} {} on lost node {host} is no longer running; reaping", j.kind, j.id);
        }
        let (newly_lost, deprovisioned) = if auto_deprovision {
            tx.execute("DELETE FROM instance WHERE id = $1", crate::params![id])?;
            tracing::error!("Host {host} Automatically Deprovisioned.");
            (true, true)
        } else if capacity != 0 || errors.is_empty() {
            let msg = format!("Another cluster node ({node}) has determined this instance to be unresponsive: last heartbeat {when}.");
            tx.execute(
                "UPDATE instance SET capacity = 0, cpu_capacity = 0, mem_capacity = 0, errors = $1 WHERE id = $2",
                crate::params![msg, id],
            )?;
            tracing::error!("Host {host} last checked in at {when}, marked as lost.");
            (true, false)
        } else {
            (false, false)
        };
        if newly_lost || !reaped.is_empty() {
            lost.push(LostNode { hostname: host, node_type, last_seen, newly_lost, deprovisioned, reaped });
        }
    }

    let mut reaped_local = Vec::new();
    let mut leftovers = Vec::new();
    for kind in [JobKind::Job, JobKind::ProjectUpdate, JobKind::InventoryUpdate] {
        let ids = jobs::reap_local_orphans(tx, kind, node)?;
        if kind == JobKind::Job {
            leftovers = jobs::leftovers(tx, &ids)?;
        }
        for id in ids {
            tracing::error!("{} {id} is no longer running; reaping", kind.table());
            reaped_local.push(JobRef { kind: kind.table(), id });
        }
    }

    if crate::settings::get(tx, secrets, &crate::settings::INSTALL_UUID)?.is_empty() {
        crate::settings::set(tx, secrets, &crate::settings::INSTALL_UUID, uuid::Uuid::new_v4().to_string())?;
    }

    Ok(Outcome {
        node: node.to_string(),
        node_type: me.node_type,
        registered,
        rejoined,
        enabled: me.enabled,
        capacity: cap,
        capacity_adjustment: me.capacity_adjustment,
        version: VERSION.to_string(),
        heartbeat: now_s,
        grace_period: grace,
        lost,
        reaped_local,
        warnings,
        leftovers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_before_the_dash() {
        assert!(parse_version("0.10.0") > parse_version("0.9.9"));
        assert!(parse_version("1.0.0-rc1") == parse_version("1.0.0"));
        assert!(parse_version("0.1.0") == parse_version("0.1.0"));
    }
}
