//! The cluster: instances (nodes) and instance groups, their heartbeats and capacity.
//!
//! - [`capacity`]: AWX's capacity formulas and task impact.
//! - [`probe`]: the shell probe run on isolated/execution nodes over SSH.
//! - [`isolated`]: `isolated_heartbeat` — probe nodes in parallel, store capacity or errors.
//! - [`heartbeat`]: `heartbeat` (AWX's cluster_node_heartbeat) — this node's own heartbeat,
//!   lost peers and their jobs, this node's orphaned jobs.
//! - [`instances`]: `instance register` / `deregister`.
//! - [`ping`]: AWX's /api/v2/ping.
//! - [`placement`]: which node runs a job (isolated instance groups, capacity).
//!
//! Node roles: `control` and `hybrid` nodes run awxm and record their own heartbeat with
//! `awxm heartbeat`; `isolated` and `execution` nodes run nothing of awxm and are probed over SSH
//! by `awxm isolated_heartbeat`. [`ssh_target`] and [`ssh_options`] turn an instance row and the
//! configuration into what `crate::ssh` needs; every command that reaches a node uses them.

pub mod capacity;
pub mod heartbeat;
pub mod instances;
pub mod isolated;
pub mod ping;
pub mod placement;
pub mod probe;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value as Json;

use crate::context::Ctx;
use crate::crypto::Secrets;
use crate::db::{Row, Tx};
use crate::error::{Error, ErrorKind, Result};
use crate::settings::{INT_MAX, Kind, SECONDS, Setting};
use crate::ssh::{Auth, HostKeyPolicy, Options, Target};

/// Settings of heartbeats, capacity and isolated nodes (AWX's names in lower case).
pub static SYSTEM_TASK_FORKS_CPU: Setting<i64> = Setting::new(
    "system_task_forks_cpu",
    "4",
    Kind::Int { min: 1, max: 1_000_000 },
    "Forks per CPU in the capacity formula (env SYSTEM_TASK_FORKS_CPU wins)",
);
pub static SYSTEM_TASK_FORKS_MEM: Setting<i64> = Setting::new(
    "system_task_forks_mem",
    "100",
    Kind::Int { min: 1, max: 1_000_000 },
    "MiB of RAM per fork in the capacity formula (env SYSTEM_TASK_FORKS_MEM wins)",
);
pub static SYSTEM_TASK_ABS_CPU: Setting<Option<i64>> = Setting::new(
    "system_task_abs_cpu",
    "null",
    Kind::OptInt { min: 0, max: INT_MAX },
    "Fixed CPU capacity for this node instead of the measured one",
);
pub static SYSTEM_TASK_ABS_MEM: Setting<Option<i64>> = Setting::new(
    "system_task_abs_mem",
    "null",
    Kind::OptInt { min: 0, max: INT_MAX },
    "Fixed memory capacity for this node instead of the measured one",
);
pub static SYSTEM_TASK_FORKS_CAPACITY: Setting<Option<i64>> = Setting::new(
    "system_task_forks_capacity",
    "null",
    Kind::OptInt { min: 0, max: INT_MAX },
    "Fixed capacity for every node instead of the formula",
);
pub static CLUSTER_NODE_HEARTBEAT_PERIOD: Setting<i64> = Setting::new(
    "cluster_node_heartbeat_period",
    "60",
    Kind::Int { min: 1, max: 86400 },
    "Seconds between `awxm heartbeat` runs on each control node",
);
pub static CLUSTER_NODE_MISSED_HEARTBEAT_TOLERANCE: Setting<i64> = Setting::new(
    "cluster_node_missed_heartbeat_tolerance",
    "2",
    Kind::Int { min: 1, max: 1000 },
    "Missed heartbeats before a control node is lost (grace = period x tolerance)",
);
pub static AWX_AUTO_DEPROVISION_INSTANCES: Setting<bool> =
    Setting::new("awx_auto_deprovision_instances", "false", Kind::Bool, "Delete lost control nodes instead of setting their capacity to 0");
pub static AWX_ISOLATED_CONNECTION_TIMEOUT: Setting<f64> = Setting::new(
    "awx_isolated_connection_timeout",
    "10",
    Kind::Seconds { min: 0.1, max: 3600.0, whole: false },
    "Seconds to connect to a node over SSH",
);
pub static AWX_ISOLATED_PERIODIC_CHECK: Setting<i64> = Setting::new(
    "awx_isolated_periodic_check",
    "600",
    SECONDS,
    "Seconds between isolated_heartbeat runs (--claim skips nodes checked sooner)",
);
pub static AWX_ISOLATED_USERNAME: Setting<String> =
    Setting::new("awx_isolated_username", "\"\"", Kind::Text, "SSH user for nodes without one (empty: the user running awxm)");
pub static ISOLATED_WORK_DIR: Setting<String> =
    Setting::new("isolated_work_dir", "\"/tmp/awxm\"", Kind::Text, "Work directory on isolated nodes (an instance's work_dir wins)");

/// Node types that run awxm themselves and send their own heartbeat.
pub const SELF_HEARTBEAT_TYPES: &[&str] = &["control", "hybrid"];
/// Node types that are reached over SSH and probed.
pub const PROBED_TYPES: &[&str] = &["isolated", "execution"];

/// The awxm version recorded as a control node's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One instance row, as the heartbeats need it.
#[derive(Debug, Clone)]
pub struct Instance {
    pub id: i64,
    pub hostname: String,
    pub node_type: String,
    pub enabled: bool,
    pub capacity: i64,
    pub capacity_adjustment: f64,
    pub ssh_host: String,
    pub ssh_port: i64,
    pub ssh_user: String,
    pub ssh_credential_id: Option<i64>,
    pub ansible_bin_dir: String,
    pub work_dir: String,
    pub errors: String,
    pub last_seen: Option<String>,
    pub last_isolated_check: Option<String>,
    pub created: String,
}

pub const INSTANCE_COLUMNS: &str = "id, hostname, node_type, enabled, capacity, capacity_adjustment, ssh_host, ssh_port, ssh_user, \
     ssh_credential_id, ansible_bin_dir, work_dir, errors, last_seen, last_isolated_check, created";

impl Instance {
    pub fn from_row(r: &Row) -> Result<Instance> {
        Ok(Instance {
            id: r.col("id")?,
            hostname: r.col("hostname")?,
            node_type: r.col("node_type")?,
            enabled: r.col("enabled")?,
            capacity: r.col("capacity")?,
            capacity_adjustment: r.col("capacity_adjustment")?,
            ssh_host: r.col("ssh_host")?,
            ssh_port: r.col("ssh_port")?,
            ssh_user: r.col("ssh_user")?,
            ssh_credential_id: r.col("ssh_credential_id")?,
            ansible_bin_dir: r.col("ansible_bin_dir")?,
            work_dir: r.col("work_dir")?,
            errors: r.col("errors")?,
            last_seen: r.col("last_seen")?,
            last_isolated_check: r.col("last_isolated_check")?,
            created: r.col("created")?,
        })
    }

    /// The address SSH connects to.
    pub fn address(&self) -> &str {
        if self.ssh_host.is_empty() { &self.hostname } else { &self.ssh_host }
    }
}

pub fn find_instance(tx: &mut Tx<'_>, hostname: &str) -> Result<Option<Instance>> {
    match tx.query_opt(&format!("SELECT {INSTANCE_COLUMNS} FROM instance WHERE hostname = $1"), crate::params![hostname])? {
        Some(r) => Ok(Some(Instance::from_row(&r)?)),
        None => Ok(None),
    }
}

pub fn get_instance(tx: &mut Tx<'_>, hostname: &str) -> Result<Instance> {
    find_instance(tx, hostname)?.ok_or_else(|| {
        Error::not_found(format!("no instance named {hostname:?}")).detail("`awxm list instances` shows the registered instances")
    })
}

/// The decrypted SSH parts of a machine credential.
pub struct MachineCredential {
    pub name: String,
    pub username: Option<String>,
    pub auth: Auth,
}

fn input_str(inputs: &Json, key: &str, secrets: &Secrets) -> Result<Option<String>> {
    match inputs.get(key) {
        Some(Json::String(s)) if !s.is_empty() => Ok(Some(secrets.decrypt(s, key)?)),
        _ => Ok(None),
    }
}

/// Load a machine credential: username, private key (+ passphrase) or password.
pub fn machine_credential(tx: &mut Tx<'_>, secrets: &Secrets, id: i64) -> Result<MachineCredential> {
    let row = tx
        .query_opt("SELECT name, kind, inputs FROM credential WHERE id = $1", crate::params![id])?
        .ok_or_else(|| Error::not_found(format!("no credential with id {id}")))?;
    let name: String = row.col("name")?;
    let kind: String = row.col("kind")?;
    if kind != "machine" {
        return Err(Error::data(format!("credential {name:?} is a {kind} credential; SSH to a node needs a machine credential")));
    }
    let inputs: Json = row.col("inputs")?;
    let password = input_str(&inputs, "password", secrets)?;
    let passphrase = input_str(&inputs, "ssh_key_unlock", secrets)?;
    for (field, v) in [("password", &password), ("ssh_key_unlock", &passphrase)] {
        if v.as_deref() == Some("ASK") {
            return Err(Error::data(format!(
                "credential {name:?} asks for its {field} at launch (ASK); a node heartbeat cannot prompt: store the secret"
            )));
        }
    }
    let username = match inputs.get("username") {
        Some(Json::String(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    };
    let auth = Auth { private_key: input_str(&inputs, "ssh_key_data", secrets)?, passphrase, password, ..Auth::default() };
    Ok(MachineCredential { name, username, auth })
}

fn local_user() -> String {
    nix::unistd::User::from_uid(nix::unistd::geteuid()).ok().flatten().map(|u| u.name).unwrap_or_else(|| "root".into())
}

/// How to reach an instance over SSH. The credential is the instance's own, else that of the
/// first of its instance groups (by name) that has one, else the agent and key files of the
/// user running awxm. The user is the instance's `ssh.user`, else the credential's username,
/// else the setting `awx_isolated_username`, else the local user.
pub fn ssh_target(tx: &mut Tx<'_>, secrets: &Secrets, inst: &Instance) -> Result<Target> {
    let cred_id = match inst.ssh_credential_id {
        Some(id) => Some(id),
        None => tx.scalar_opt::<i64>(
            "SELECT g.credential_id FROM instance_group g JOIN instance_group_instance m ON m.instance_group_id = g.id
             WHERE m.instance_id = $1 AND g.credential_id IS NOT NULL ORDER BY g.name LIMIT 1",
            crate::params![inst.id],
        )?,
    };
    let (auth, cred_user) = match cred_id {
        Some(id) => {
            let c = machine_credential(tx, secrets, id)?;
            (c.auth, c.username)
        }
        None => (Auth::from_environment(), None),
    };
    let user = if !inst.ssh_user.is_empty() {
        inst.ssh_user.clone()
    } else if let Some(u) = cred_user {
        u
    } else {
        let s = crate::settings::get(tx, secrets, &AWX_ISOLATED_USERNAME)?;
        if s.is_empty() { local_user() } else { s }
    };
    let port = u16::try_from(inst.ssh_port)
        .ok()
        .filter(|p| *p > 0)
        .ok_or_else(|| Error::data(format!("instance {:?} has an invalid SSH port {}", inst.hostname, inst.ssh_port)))?;
    Ok(Target { name: inst.hostname.clone(), host: inst.address().to_string(), port, user, auth })
}

/// The known_hosts file: `--known-hosts`/`AWXM_KNOWN_HOSTS`/config `known_hosts`, else the
/// setting `ssh_known_hosts`, else `<data dir>/known_hosts` (`/var/lib/awxm/known_hosts` as
/// root).
pub fn known_hosts_path(ctx: &Ctx, tx: &mut Tx<'_>) -> Result<PathBuf> {
    if let Some(p) = &ctx.config.known_hosts {
        return Ok(p.clone());
    }
    let s = crate::settings::get(tx, &ctx.secrets, &crate::settings::SSH_KNOWN_HOSTS)?;
    if !s.is_empty() {
        return Ok(PathBuf::from(s));
    }
    Ok(ctx.config.data_dir.join("known_hosts"))
}

/// SSH options from the configuration and settings; `connect_timeout` (seconds) overrides the
/// setting `awx_isolated_connection_timeout`.
pub fn ssh_options(ctx: &Ctx, tx: &mut Tx<'_>, connect_timeout: Option<f64>) -> Result<Options> {
    let policy = match ctx.config.host_key_policy.as_deref() {
        None => HostKeyPolicy::Strict,
        Some(p) => {
            HostKeyPolicy::parse(p).ok_or_else(|| Error::config(format!("host key policy must be strict or accept-new, not {p:?}")))?
        }
    };
    let mut o = Options::new(known_hosts_path(ctx, tx)?, policy);
    let secs = match connect_timeout {
        Some(s) => s,
        None => crate::settings::get(tx, &ctx.secrets, &AWX_ISOLATED_CONNECTION_TIMEOUT)?,
    };
    if !(secs.is_finite() && secs > 0.0) {
        return Err(Error::new(ErrorKind::Usage, format!("the connection timeout must be a positive number of seconds, not {secs}")));
    }
    o.connect_timeout = Duration::from_secs_f64(secs);
    Ok(o)
}

/// The work directory on a node: the instance's `work_dir`, else the setting.
pub fn work_dir(tx: &mut Tx<'_>, secrets: &Secrets, inst: &Instance) -> Result<String> {
    if !inst.work_dir.is_empty() {
        return Ok(inst.work_dir.clone());
    }
    crate::settings::get(tx, secrets, &ISOLATED_WORK_DIR)
}

/// A unified job touched by a reaper or deregistration.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct JobRef {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: i64,
}

pub fn kind_name(k: crate::jobs::JobKind) -> &'static str {
    k.table()
}
