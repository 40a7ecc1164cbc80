//! `awxm ping`: AWX's `/api/v2/ping` — version, this node, every instance with its capacity,
//! consumed capacity (task impact of its running and waiting jobs) and last heartbeat, and the
//! instance groups with their summed capacity. Read-only.

use std::collections::HashMap;

use serde::Serialize;

use super::capacity;
use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::Result;

#[derive(Debug, Clone, Serialize)]
pub struct PingInstance {
    pub node: String,
    pub uuid: String,
    pub node_type: String,
    pub enabled: bool,
    /// Last heartbeat (RFC 3339), null if none yet.
    pub heartbeat: Option<String>,
    pub capacity: i64,
    pub consumed_capacity: i64,
    pub remaining_capacity: i64,
    /// Jobs running or waiting on it.
    pub jobs_running: i64,
    pub cpu: i64,
    pub memory: i64,
    pub cpu_capacity: i64,
    pub mem_capacity: i64,
    pub version: String,
    pub errors: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PingGroup {
    pub name: String,
    pub capacity: i64,
    pub consumed_capacity: i64,
    pub is_isolated: bool,
    pub controller: Option<String>,
    pub instances: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ping {
    pub ha: bool,
    pub version: String,
    pub active_node: String,
    /// Whether this node (`active_node`) is a registered instance.
    pub active_node_registered: bool,
    pub install_uuid: String,
    pub database: String,
    pub capacity: i64,
    pub consumed_capacity: i64,
    pub instances: Vec<PingInstance>,
    pub instance_groups: Vec<PingGroup>,
}

/// Consumed capacity and running-job count per execution node.
pub fn consumed_by_node(tx: &mut Tx<'_>) -> Result<HashMap<String, (i64, i64)>> {
    let mut m: HashMap<String, (i64, i64)> = HashMap::new();
    let mut add = |node: String, impact: i64| {
        let e = m.entry(node).or_default();
        e.0 += impact;
        e.1 += 1;
    };
    for r in tx.query(
        "SELECT j.execution_node, j.task_impact, j.forks, i.total_hosts FROM job j LEFT JOIN inventory i ON i.id = j.inventory_id
         WHERE j.status IN ('running', 'waiting') AND j.execution_node <> ''",
        &[],
    )? {
        let stored: i64 = r.col("task_impact")?;
        let impact = if stored > 0 { stored } else { capacity::job_impact(r.col("total_hosts")?, r.col("forks")?) };
        add(r.col("execution_node")?, impact);
    }
    for r in tx
        .query("SELECT execution_node, job_type FROM project_update WHERE status IN ('running', 'waiting') AND execution_node <> ''", &[])?
    {
        let jt: String = r.col("job_type")?;
        add(r.col("execution_node")?, capacity::project_update_impact(&jt));
    }
    for r in tx.query("SELECT execution_node FROM inventory_update WHERE status IN ('running', 'waiting') AND execution_node <> ''", &[])? {
        add(r.col("execution_node")?, capacity::INVENTORY_UPDATE_IMPACT);
    }
    Ok(m)
}

pub fn ping(tx: &mut Tx<'_>, secrets: &Secrets, node: &str, database: String) -> Result<Ping> {
    let consumed = consumed_by_node(tx)?;
    let mut instances = Vec::new();
    for r in tx.query(
        "SELECT hostname, uuid, node_type, enabled, last_seen, capacity, cpu, memory, cpu_capacity, mem_capacity, version, errors
         FROM instance ORDER BY hostname",
        &[],
    )? {
        let node: String = r.col("hostname")?;
        let (used, running) = consumed.get(&node).copied().unwrap_or((0, 0));
        let cap: i64 = r.col("capacity")?;
        let cpu: f64 = r.col("cpu")?;
        instances.push(PingInstance {
            uuid: r.col("uuid")?,
            node_type: r.col("node_type")?,
            enabled: r.col("enabled")?,
            heartbeat: r.col("last_seen")?,
            capacity: cap,
            consumed_capacity: used,
            remaining_capacity: cap - used,
            jobs_running: running,
            cpu: cpu as i64,
            memory: r.col("memory")?,
            cpu_capacity: r.col("cpu_capacity")?,
            mem_capacity: r.col("mem_capacity")?,
            version: r.col("version")?,
            errors: r.col("errors")?,
            node,
        });
    }
    let by_name: HashMap<&str, &PingInstance> = instances.iter().map(|i| (i.node.as_str(), i)).collect();
    let mut groups = Vec::new();
    for r in tx.query(
        "SELECT g.id, g.name, g.is_isolated, c.name AS controller FROM instance_group g LEFT JOIN instance_group c ON c.id = g.controller_id",
        &[],
    )? {
        let gid: i64 = r.col("id")?;
        let members: Vec<String> = tx
            .query(
                "SELECT i.hostname FROM instance_group_instance m JOIN instance i ON i.id = m.instance_id
                 WHERE m.instance_group_id = $1 ORDER BY i.hostname",
                crate::params![gid],
            )?
            .iter()
            .map(|m| m.col("hostname"))
            .collect::<Result<_>>()?;
        let capacity = members.iter().filter_map(|h| by_name.get(h.as_str())).map(|i| i.capacity).sum();
        let consumed_capacity = members.iter().filter_map(|h| by_name.get(h.as_str())).map(|i| i.consumed_capacity).sum();
        groups.push(PingGroup {
            name: r.col("name")?,
            capacity,
            consumed_capacity,
            is_isolated: r.col("is_isolated")?,
            controller: r.col("controller")?,
            instances: members,
        });
    }
    groups.sort_by_key(|g| g.name.to_lowercase());
    let install_uuid = crate::settings::get(tx, secrets, &crate::settings::INSTALL_UUID)?;
    Ok(Ping {
        ha: instances.len() > 1,
        version: super::VERSION.to_string(),
        active_node: node.to_string(),
        active_node_registered: by_name.contains_key(node),
        install_uuid,
        database,
        capacity: instances.iter().map(|i| i.capacity).sum(),
        consumed_capacity: instances.iter().map(|i| i.consumed_capacity).sum(),
        instances,
        instance_groups: groups,
    })
}
