//! `awxm instance register` / `deregister` (AWX's `provision_instance` / `register_queue` /
//! `deprovision_instance`), idempotent.
//!
//! Registering creates the instance or updates the fields given; `--group` adds it to instance
//! groups (created when missing; isolated groups for isolated nodes). `--controller-group G`
//! makes those groups controlled by G (which must exist, with the control nodes in it); without
//! `--group` the node joins the group `<G>-<node type>` (e.g. `tower-isolated`).
//! Deregistering refuses while jobs run on (or are controlled by) the node, unless forced, in
//! which case those jobs are failed with an explanation naming the node.

use serde::Serialize;

use super::JobRef;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::jobs::{self, JobKind};

#[derive(Debug, Clone, Default)]
pub struct Registration {
    pub hostname: String,
    pub node_type: String,
    /// `Some("")` clears a field.
    pub ssh_host: Option<String>,
    pub ssh_user: Option<String>,
    pub ssh_port: Option<u16>,
    pub credential: Option<String>,
    pub ansible_bin_dir: Option<String>,
    pub work_dir: Option<String>,
    pub capacity_adjustment: Option<f64>,
    pub enabled: Option<bool>,
    pub groups: Vec<String>,
    pub controller_group: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Registered {
    pub hostname: String,
    pub id: i64,
    pub created: bool,
    /// Fields that changed (empty when the instance was already as asked).
    pub changed: Vec<String>,
    pub node_type: String,
    /// Groups the instance was added to by this run.
    pub joined: Vec<String>,
    pub groups_created: Vec<String>,
    pub groups: Vec<String>,
    pub controller_group: Option<String>,
}

fn group_id(tx: &mut Tx<'_>, name: &str) -> Result<Option<i64>> {
    tx.scalar_opt("SELECT id FROM instance_group WHERE name = $1", crate::params![name])
}

pub fn groups_of(tx: &mut Tx<'_>, instance_id: i64) -> Result<Vec<String>> {
    tx.query(
        "SELECT g.name FROM instance_group g JOIN instance_group_instance m ON m.instance_group_id = g.id WHERE m.instance_id = $1 ORDER BY g.name",
        crate::params![instance_id],
    )?
    .iter()
    .map(|r| r.col("name"))
    .collect()
}

/// Register instance `r.hostname` or bring it to what `r` asks (fields not given stay), and
/// add it to `r.groups` (created if missing) under `r.controller_group`.
pub fn register(tx: &mut Tx<'_>, r: &Registration, now: &str) -> Result<Registered> {
    validate(r)?;
    let credential_id = credential_of(tx, r.credential.as_deref())?;
    let controller_id = match &r.controller_group {
        None => None,
        Some(g) => Some(group_id(tx, g)?.ok_or_else(|| {
            Error::not_found(format!("no instance group named {g:?}"))
                .detail(format!("create it with its control nodes first: awxm instance register NODE --node-type control --group {g}"))
        })?),
    };
    let (id, created, mut changed) = match super::find_instance(tx, &r.hostname)? {
        None => (insert(tx, r, credential_id.flatten(), now)?, true, Vec::new()),
        Some(cur) => (cur.id, false, update(tx, &cur, r, credential_id, now)?),
    };
    let (joined, groups_created) = join_groups(tx, r, id, controller_id, &mut changed, now)?;
    Ok(Registered {
        hostname: r.hostname.clone(),
        id,
        created,
        changed,
        node_type: r.node_type.clone(),
        joined,
        groups_created,
        groups: groups_of(tx, id)?,
        controller_group: r.controller_group.clone(),
    })
}

/// The checks of a registration that need no database.
fn validate(r: &Registration) -> Result<()> {
    if r.hostname.trim().is_empty() {
        return Err(Error::usage("the instance hostname must not be empty"));
    }
    if !crate::resources::types::NODE_TYPES.contains(&r.node_type.as_str()) {
        return Err(Error::usage(format!("node type must be one of {}", crate::resources::types::NODE_TYPES.join(", "))));
    }
    if let Some(a) = r.capacity_adjustment
        && !(0.0..=1.0).contains(&a)
    {
        return Err(Error::usage(format!("--capacity-adjustment must be between 0 and 1, not {a}")));
    }
    if r.controller_group.is_some() && !super::PROBED_TYPES.contains(&r.node_type.as_str()) {
        return Err(Error::usage(format!(
            "--controller-group applies to isolated and execution nodes, not {} nodes (use --group to add a control node to a group)",
            r.node_type
        )));
    }
    if r.ssh_port == Some(0) {
        return Err(Error::usage("--ssh-port must be between 1 and 65535"));
    }
    Ok(())
}

/// The machine credential named (None: not given; `Some(None)`: `""`, clear it).
fn credential_of(tx: &mut Tx<'_>, name: Option<&str>) -> Result<Option<Option<i64>>> {
    Ok(match name {
        None => None,
        Some("") => Some(None),
        Some(name) => {
            let row = tx
                .query_opt("SELECT id, kind FROM credential WHERE name = $1", crate::params![name])?
                .ok_or_else(|| Error::not_found(format!("no credential named {name:?}")))?;
            let kind: String = row.col("kind")?;
            if kind != "machine" {
                return Err(Error::data(format!(
                    "credential {name:?} is a {kind} credential; nodes are reached with a machine credential"
                )));
            }
            Some(Some(row.col("id")?))
        }
    })
}

/// A new instance as `r` asks (defaults for what it does not give); its id.
fn insert(tx: &mut Tx<'_>, r: &Registration, credential_id: Option<i64>, now: &str) -> Result<i64> {
    tx.insert(
        "INSERT INTO instance (hostname, node_type, uuid, enabled, capacity_adjustment, ssh_host, ssh_port, ssh_user,
                    ssh_credential_id, ansible_bin_dir, work_dir, created, modified)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
        crate::params![
            r.hostname.as_str(),
            r.node_type.as_str(),
            uuid::Uuid::new_v4().to_string(),
            r.enabled.unwrap_or(true),
            r.capacity_adjustment.unwrap_or(1.0),
            r.ssh_host.clone().unwrap_or_default(),
            i64::from(r.ssh_port.unwrap_or(22)),
            r.ssh_user.clone().unwrap_or_default(),
            credential_id,
            r.ansible_bin_dir.clone().unwrap_or_default(),
            r.work_dir.clone().unwrap_or_default(),
            now
        ],
    )
}

/// Bring instance `cur` to what `r` gives; the columns that changed.
fn update(tx: &mut Tx<'_>, cur: &super::Instance, r: &Registration, credential_id: Option<Option<i64>>, now: &str) -> Result<Vec<String>> {
    let mut changed = Vec::new();
    let mut sets: Vec<(&str, crate::db::Value)> = Vec::new();
    if cur.node_type != r.node_type {
        sets.push(("node_type", r.node_type.as_str().into()));
    }
    if let Some(e) = r.enabled
        && e != cur.enabled
    {
        sets.push(("enabled", e.into()));
    }
    if let Some(a) = r.capacity_adjustment
        && (a - cur.capacity_adjustment).abs() > 1e-9
    {
        sets.push(("capacity_adjustment", a.into()));
    }
    for (col, given, have) in [
        ("ssh_host", &r.ssh_host, &cur.ssh_host),
        ("ssh_user", &r.ssh_user, &cur.ssh_user),
        ("ansible_bin_dir", &r.ansible_bin_dir, &cur.ansible_bin_dir),
        ("work_dir", &r.work_dir, &cur.work_dir),
    ] {
        if let Some(v) = given
            && v != have
        {
            sets.push((col, v.as_str().into()));
        }
    }
    if let Some(p) = r.ssh_port
        && i64::from(p) != cur.ssh_port
    {
        sets.push(("ssh_port", i64::from(p).into()));
    }
    if let Some(c) = credential_id
        && c != cur.ssh_credential_id
    {
        sets.push(("ssh_credential_id", c.into()));
    }
    if !sets.is_empty() {
        let mut sql = String::from("UPDATE instance SET ");
        let mut params: Vec<crate::db::Value> = Vec::new();
        for (i, (col, v)) in sets.iter().enumerate() {
            sql.push_str(&format!("{col} = ${}, ", i + 1));
            params.push(v.clone());
            changed.push(col.to_string());
        }
        sql.push_str(&format!("modified = ${} WHERE id = ${}", sets.len() + 1, sets.len() + 2));
        params.push(now.into());
        params.push(cur.id.into());
        tx.execute(&sql, &params)?;
    }
    Ok(changed)
}

/// Add instance `id` to the groups `r` asks for (created when missing; by default, for a node
/// under a controller group, `<controller>-<node type>`), setting their controller; returns
/// the groups joined and the groups created, and adds controller changes to `changed`.
fn join_groups(
    tx: &mut Tx<'_>,
    r: &Registration,
    id: i64,
    controller_id: Option<i64>,
    changed: &mut Vec<String>,
    now: &str,
) -> Result<(Vec<String>, Vec<String>)> {
    let mut wanted = r.groups.clone();
    if wanted.is_empty()
        && let Some(g) = &r.controller_group
    {
        wanted.push(format!("{g}-{}", r.node_type));
    }
    let mut joined = Vec::new();
    let mut groups_created = Vec::new();
    for g in &wanted {
        let gid = match group_id(tx, g)? {
            Some(id) => id,
            None => {
                let id = tx.insert(
                    "INSERT INTO instance_group (name, is_isolated, created, modified) VALUES ($1, $2, $3, $3) RETURNING id",
                    crate::params![g.as_str(), r.node_type == "isolated", now],
                )?;
                groups_created.push(g.clone());
                id
            }
        };
        let member: Option<i64> = tx.scalar_opt(
            "SELECT instance_id FROM instance_group_instance WHERE instance_group_id = $1 AND instance_id = $2",
            crate::params![gid, id],
        )?;
        if member.is_none() {
            tx.execute("INSERT INTO instance_group_instance (instance_group_id, instance_id) VALUES ($1, $2)", crate::params![gid, id])?;
            joined.push(g.clone());
        }
        if let Some(cid) = controller_id {
            if cid == gid {
                return Err(Error::usage(format!("instance group {g:?} cannot control itself")));
            }
            let have: Option<i64> = tx.scalar("SELECT controller_id FROM instance_group WHERE id = $1", crate::params![gid])?;
            if have != Some(cid) {
                tx.execute("UPDATE instance_group SET controller_id = $1, modified = $2 WHERE id = $3", crate::params![cid, now, gid])?;
                changed.push(format!("controller of {g}"));
            }
        }
    }
    Ok((joined, groups_created))
}

#[derive(Debug, Clone, Serialize)]
pub struct Deregistered {
    pub hostname: String,
    pub removed: bool,
    /// The groups it was a member of.
    pub groups: Vec<String>,
    /// Jobs failed because the node went away (with `--force`).
    pub reaped: Vec<JobRef>,
}

/// Running or waiting jobs on (or controlled by) `host`.
pub fn active_jobs(tx: &mut Tx<'_>, host: &str) -> Result<Vec<JobRef>> {
    let mut v = Vec::new();
    for kind in [JobKind::Job, JobKind::ProjectUpdate, JobKind::InventoryUpdate] {
        let t = kind.table();
        let node_match = if kind == JobKind::Job { "(execution_node = $1 OR controller_node = $1)" } else { "execution_node = $1" };
        for r in tx.query(
            &format!("SELECT id FROM {t} WHERE {node_match} AND status IN ('running', 'waiting') ORDER BY id"),
            crate::params![host],
        )? {
            v.push(JobRef { kind: t, id: r.col("id")? });
        }
    }
    Ok(v)
}

pub fn deregister(tx: &mut Tx<'_>, hostname: &str, force: bool) -> Result<Deregistered> {
    let inst = super::get_instance(tx, hostname)?;
    let active = active_jobs(tx, hostname)?;
    if !active.is_empty() && !force {
        let list: Vec<String> = active.iter().map(|j| format!("{} {}", j.kind, j.id)).collect();
        return Err(Error::failure(format!("instance {hostname:?} has {} running or waiting job(s): {}", active.len(), list.join(", ")))
            .detail("wait for them to finish, or pass --force to fail them and deregister now"));
    }
    let explanation = format!("Instance {hostname} was deregistered while the job was running, so it has been marked as failed.");
    for j in &active {
        let kind = match j.kind {
            "job" => JobKind::Job,
            "project_update" => JobKind::ProjectUpdate,
            _ => JobKind::InventoryUpdate,
        };
        jobs::set_status(tx, kind, j.id, "failed", Some(&explanation))?;
    }
    let groups = groups_of(tx, inst.id)?;
    tx.execute("DELETE FROM instance WHERE id = $1", crate::params![inst.id])?;
    Ok(Deregistered { hostname: hostname.to_string(), removed: true, groups, reaped: active })
}
