//! `awxm isolated_heartbeat`: probe isolated/execution nodes over SSH in parallel and store
//! their capacity (AWX's `awx_isolated_heartbeat`, without the playbook: one shell probe per
//! node over awxm's own SSH transport).
//!
//! Candidates: every enabled isolated/execution instance (or those named), except nodes in an
//! instance group controlled by a group this node is not a member of. With `claim`, nodes
//! checked less than `awx_isolated_periodic_check` − 10 s ago are skipped and the rest claimed
//! first (`last_isolated_check = now`), so several controllers share the work as in AWX.
//!
//! No transaction is open while nodes are probed: the plan is read, the probes run, and all
//! results are written in one transaction.

use std::time::{Duration, Instant};

use serde::Serialize;

use super::capacity::{self, Scope, Tuning};
use super::probe::{self, Facts};
use super::{INSTANCE_COLUMNS, Instance, PROBED_TYPES};
use crate::context::Ctx;
use crate::db::Tx;
use crate::error::{Error, ErrorKind, Result};
use crate::ssh::{self, Conn, Options, Target, shell_quote};

#[derive(Debug, Clone)]
pub struct Request {
    /// Instance hostnames to probe (empty: every candidate).
    pub instances: Vec<String>,
    pub parallel: usize,
    /// Connect timeout in seconds (default: setting `awx_isolated_connection_timeout`).
    pub connect_timeout: Option<f64>,
    pub probe_timeout: Duration,
    pub claim: bool,
}

/// One probed node, as reported and stored.
#[derive(Debug, Clone, Serialize)]
pub struct NodeReport {
    pub hostname: String,
    pub node_type: String,
    /// `user@host:port` connected to.
    pub address: String,
    pub enabled: bool,
    /// The node answered over SSH (it may still have failed the probe).
    pub reachable: bool,
    pub capacity: i64,
    pub cpu: i64,
    pub memory: i64,
    pub cpu_capacity: i64,
    pub mem_capacity: i64,
    pub capacity_adjustment: f64,
    /// `ansible-core-<version>` (AWX stored `ansible-runner-<version>`).
    pub version: String,
    pub ansible_version: Option<String>,
    pub ansible_playbook: Option<String>,
    pub work_dir: String,
    /// Bytes used under the work directory (`du`).
    pub work_dir_usage: Option<i64>,
    /// Bytes free on the work directory's file system.
    pub work_dir_free: Option<i64>,
    pub host_key_fingerprint: Option<String>,
    pub host_key_added: bool,
    /// Capacity came back after the node had failed.
    pub rejoined: bool,
    /// Finished jobs whose leftovers (processes, directory) were removed from the node.
    pub reaped_jobs: Vec<i64>,
    pub errors: Vec<String>,
    /// Seconds the connection and probe took.
    pub elapsed: f64,
}

impl NodeReport {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub hostname: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub instances: Vec<NodeReport>,
    pub skipped: Vec<Skipped>,
    pub probed: usize,
    pub failed: usize,
    pub parallel: usize,
    /// Wall time of the whole run, seconds.
    pub elapsed: f64,
}

struct Planned {
    inst: Instance,
    target: std::result::Result<Target, String>,
    work_dir: String,
    /// Finished jobs whose directory is still on the node: (job id, directory).
    leftovers: Vec<(i64, String)>,
}

struct Probed {
    reachable: bool,
    facts: Option<Facts>,
    errors: Vec<String>,
    fingerprint: Option<String>,
    key_added: bool,
    duration: Duration,
    /// Leftover job directories removed (job id, directory).
    reaped: Vec<(i64, String)>,
}

fn probe_one(p: &Planned, opts: &Options, probe_timeout: Duration) -> Probed {
    let start = Instant::now();
    let mut out = Probed {
        reachable: false,
        facts: None,
        errors: Vec::new(),
        fingerprint: None,
        key_added: false,
        duration: Duration::ZERO,
        reaped: Vec::new(),
    };
    let target = match &p.target {
        Ok(t) => t,
        Err(e) => {
            out.errors.push(e.clone());
            out.duration = start.elapsed();
            return out;
        }
    };
    let mut conn = match Conn::connect(target, opts) {
        Ok(c) => c,
        Err(e) => {
            out.errors.push(e.message);
            out.duration = start.elapsed();
            return out;
        }
    };
    out.reachable = true;
    out.fingerprint = Some(conn.host_key_fingerprint().to_string());
    out.key_added = conn.host_key_added();
    let cmd = format!(
        "/bin/sh -c {} awxm-probe {} {}",
        shell_quote(probe::SCRIPT),
        shell_quote(&p.work_dir),
        shell_quote(&p.inst.ansible_bin_dir)
    );
    match conn.exec_timeout(&cmd, probe_timeout) {
        Err(e) => out.errors.push(e.message),
        Ok(r) if r.timed_out => out.errors.push(format!("the probe did not finish within {:.0}s", probe_timeout.as_secs_f64())),
        Ok(r) if r.status != 0 => out.errors.push(format!("the probe failed (exit {}): {}", r.status, r.last_line())),
        Ok(r) => {
            let facts = probe::parse(&r.stdout_str());
            out.errors.extend(facts.errors.iter().cloned());
            out.facts = Some(facts);
        }
    }
    // What jobs left behind when their controller lost the node: stop it, remove it.
    for (job, dir) in &p.leftovers {
        match crate::runner::remote::reap(&mut conn, dir) {
            Ok(()) => out.reaped.push((*job, dir.clone())),
            Err(e) => tracing::warn!("{}: job {job}: {}", p.inst.hostname, e.message),
        }
    }
    out.duration = start.elapsed();
    out
}

/// Whether this node may probe `inst`: not when all of the instance's controlled groups have
/// controllers this node is not a member of.
fn controller_excludes(tx: &mut Tx<'_>, inst: &Instance, node: &str) -> Result<Option<String>> {
    let rows = tx.query(
        "SELECT c.id, c.name FROM instance_group g
         JOIN instance_group_instance m ON m.instance_group_id = g.id
         JOIN instance_group c ON c.id = g.controller_id
         WHERE m.instance_id = $1 ORDER BY c.name",
        crate::params![inst.id],
    )?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut names = Vec::new();
    for r in &rows {
        let cid: i64 = r.col("id")?;
        let member: Option<i64> = tx.scalar_opt(
            "SELECT m.instance_id FROM instance_group_instance m JOIN instance i ON i.id = m.instance_id
             WHERE m.instance_group_id = $1 AND i.hostname = $2",
            crate::params![cid, node],
        )?;
        if member.is_some() {
            return Ok(None);
        }
        names.push(r.col::<String>("name")?);
    }
    Ok(Some(format!("controlled by instance group {}, which does not include this node ({node})", names.join(", "))))
}

fn plan(ctx: &Ctx, tx: &mut Tx<'_>, req: &Request, now: &crate::time::Timestamp) -> Result<(Vec<Planned>, Vec<Skipped>, Options, Tuning)> {
    let node = ctx.config.node_name.clone();
    let opts = super::ssh_options(ctx, tx, req.connect_timeout)?;
    let tuning = Tuning::load(tx, &ctx.secrets)?;
    let mut skipped = Vec::new();
    let candidates: Vec<Instance> = if req.instances.is_empty() {
        let types = PROBED_TYPES.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ");
        let rows =
            tx.query(&format!("SELECT {INSTANCE_COLUMNS} FROM instance WHERE enabled AND node_type IN ({types}) ORDER BY hostname"), &[])?;
        let mut v = Vec::new();
        for r in rows {
            let inst = Instance::from_row(&r)?;
            match controller_excludes(tx, &inst, &node)? {
                Some(reason) => skipped.push(Skipped { hostname: inst.hostname.clone(), reason }),
                None => v.push(inst),
            }
        }
        v
    } else {
        let mut v: Vec<Instance> = Vec::new();
        for h in &req.instances {
            let inst = super::get_instance(tx, h)?;
            if !PROBED_TYPES.contains(&inst.node_type.as_str()) {
                return Err(Error::data(format!(
                    "instance {h:?} is a {} node: it records its own heartbeat with `awxm heartbeat`; isolated_heartbeat probes isolated and execution nodes",
                    inst.node_type
                )));
            }
            if !v.iter().any(|x| x.id == inst.id) {
                v.push(inst);
            }
        }
        v
    };
    let mut planned = Vec::new();
    let period = crate::settings::get(tx, &ctx.secrets, &super::AWX_ISOLATED_PERIODIC_CHECK)?;
    let recent = crate::time::fmt(&(*now - chrono::Duration::seconds((period - 10).max(0))));
    for inst in candidates {
        if req.claim
            && let Some(t) = &inst.last_isolated_check
            && t.as_str() > recent.as_str()
        {
            skipped.push(Skipped { hostname: inst.hostname.clone(), reason: format!("checked at {t}, less than {period}s - 10s ago") });
            continue;
        }
        let target = match super::ssh_target(tx, &ctx.secrets, &inst) {
            Ok(t) => Ok(t),
            // A wrong secret key affects every node: that is the command's error.
            Err(e) if e.kind == ErrorKind::Config => return Err(e),
            Err(e) => Err(e.message),
        };
        let work_dir = super::work_dir(tx, &ctx.secrets, &inst)?;
        let leftovers = tx
            .query(
                "SELECT id, isolated_dir FROM job WHERE execution_node = $1 AND isolated_dir <> ''
                 AND status IN ('successful', 'failed', 'error', 'canceled') ORDER BY id",
                crate::params![inst.hostname.as_str()],
            )?
            .iter()
            .map(|r| Ok((r.col("id")?, r.col("isolated_dir")?)))
            .collect::<Result<Vec<(i64, String)>>>()?;
        planned.push(Planned { inst, target, work_dir, leftovers });
    }
    Ok((planned, skipped, opts, tuning))
}

pub fn run(ctx: &Ctx, req: &Request) -> Result<Outcome> {
    let started = Instant::now();
    let mut db = ctx.db()?;
    let _lock = db.session_lock(&format!("isolated_heartbeat:{}", ctx.config.node_name))?;
    let now = ctx.now();
    let (planned, skipped, opts, tuning) = db.read(|tx| plan(ctx, tx, req, &now))?;
    if req.claim && !planned.is_empty() {
        let now_s = crate::time::fmt(&now);
        db.write(|tx| {
            for p in &planned {
                tx.execute("UPDATE instance SET last_isolated_check = $1 WHERE id = $2", crate::params![now_s.as_str(), p.inst.id])?;
            }
            Ok(())
        })?;
    }

    let parallel = req.parallel.max(1);
    let bar = ctx.out.progress(planned.len() as u64, "probing");
    let results = ssh::fan_out(&planned, parallel, |p| {
        let r = probe_one(p, &opts, req.probe_timeout);
        bar.inc(1);
        r
    });
    bar.finish_and_clear();

    let finished = ctx.now();
    let reports = db.write(|tx| store(tx, &planned, &results, &tuning, &finished))?;
    let failed = reports.iter().filter(|r| !r.ok()).count();
    Ok(Outcome { probed: reports.len(), failed, instances: reports, skipped, parallel, elapsed: started.elapsed().as_secs_f64() })
}

fn store(
    tx: &mut Tx<'_>,
    planned: &[Planned],
    results: &[Probed],
    tuning: &Tuning,
    now: &crate::time::Timestamp,
) -> Result<Vec<NodeReport>> {
    let now_s = crate::time::fmt(now);
    let mut reports = Vec::new();
    for (p, r) in planned.iter().zip(results) {
        let inst = &p.inst;
        // Re-read: the instance may have been changed (or deleted) while we probed.
        let Some(cur) = super::find_instance(tx, &inst.hostname)? else { continue };
        let facts = r.facts.clone().unwrap_or_default();
        let cap = capacity::compute(facts.cpu, facts.memory, cur.capacity_adjustment, cur.enabled, tuning, Scope::Remote);
        let ok = r.errors.is_empty();
        let version = facts.ansible_version.as_ref().map(|v| format!("ansible-core-{v}")).unwrap_or_default();
        let errors = r.errors.join("; ");
        let rejoined = ok && cur.capacity == 0 && !cur.errors.is_empty();
        if ok {
            tx.execute(
                "UPDATE instance SET cpu = $1, memory = $2, cpu_capacity = $3, mem_capacity = $4, capacity = $5, version = $6,
                    errors = '', last_isolated_check = $7, last_seen = $7, last_health_check = $7 WHERE id = $8",
                crate::params![
                    cap.cpu,
                    cap.memory,
                    cap.cpu_capacity,
                    cap.mem_capacity,
                    cap.capacity,
                    version.as_str(),
                    now_s.as_str(),
                    cur.id
                ],
            )?;
            if rejoined {
                tracing::info!("isolated instance {} has re-joined", inst.hostname);
            }
        } else if let Some(f) = &r.facts {
            // It answered but cannot run jobs: keep what was measured, no capacity.
            let v = if version.is_empty() { cur_version(tx, cur.id)? } else { version.clone() };
            tx.execute(
                "UPDATE instance SET cpu = $1, memory = $2, cpu_capacity = $3, mem_capacity = $4, capacity = 0, version = $5,
                    errors = $6, last_isolated_check = $7, last_seen = $7, last_health_check = $7 WHERE id = $8",
                crate::params![f.cpu, f.memory, cap.cpu_capacity, cap.mem_capacity, v.as_str(), errors.as_str(), now_s.as_str(), cur.id],
            )?;
        } else {
            tx.execute(
                "UPDATE instance SET capacity = 0, errors = $1, last_isolated_check = $2, last_health_check = $2 WHERE id = $3",
                crate::params![errors.as_str(), now_s.as_str(), cur.id],
            )?;
        }
        if !ok {
            tracing::warn!("could not update the status of isolated instance {}: {errors}", inst.hostname);
        }
        for (job, dir) in &r.reaped {
            tx.execute("UPDATE job SET isolated_dir = '' WHERE id = $1 AND isolated_dir = $2", crate::params![*job, dir.as_str()])?;
        }
        let address = match &p.target {
            Ok(t) => format!("{}@{}:{}", t.user, t.host, t.port),
            Err(_) => format!("{}:{}", inst.address(), inst.ssh_port),
        };
        reports.push(NodeReport {
            hostname: inst.hostname.clone(),
            node_type: cur.node_type.clone(),
            address,
            enabled: cur.enabled,
            reachable: r.reachable,
            capacity: if ok { cap.capacity } else { 0 },
            cpu: facts.cpu,
            memory: facts.memory,
            cpu_capacity: if r.facts.is_some() { cap.cpu_capacity } else { 0 },
            mem_capacity: if r.facts.is_some() { cap.mem_capacity } else { 0 },
            capacity_adjustment: cur.capacity_adjustment,
            version,
            ansible_version: facts.ansible_version.clone(),
            ansible_playbook: facts.ansible_playbook.clone(),
            work_dir: p.work_dir.clone(),
            work_dir_usage: facts.work_dir_usage,
            work_dir_free: facts.work_dir_free,
            host_key_fingerprint: r.fingerprint.clone(),
            host_key_added: r.key_added,
            rejoined,
            reaped_jobs: r.reaped.iter().map(|(j, _)| *j).collect(),
            errors: r.errors.clone(),
            elapsed: (r.duration.as_secs_f64() * 1000.0).round() / 1000.0,
        });
    }
    Ok(reports)
}

fn cur_version(tx: &mut Tx<'_>, id: i64) -> Result<String> {
    tx.scalar("SELECT version FROM instance WHERE id = $1", crate::params![id])
}
