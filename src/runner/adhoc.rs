//! Ad hoc commands (AWX's `AdHocCommand`, reference §6): `ansible -m MODULE -a ARGS PATTERN`
//! over an inventory. An ad hoc command is a `job` row with `module_name` set (migration 1021):
//! it is queued, placed (impact as a job: min(hosts, forks or 5) + 1), run under a pty with the
//! machine credential's prompts, and its events, host summaries, redaction, timeout and cancel
//! are a job's. What differs is checked here when it is created (AWX's rules and messages) and
//! in `private_dir::build` (the command line: AWX's ad hoc options, then `-m`, `-a` and the
//! host pattern) — and it has no project and no dependencies (no inventory-source sync first).

use serde_json::{Map, Value as Json};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::jobs::{self, JobKind, JobStatus};
use crate::settings::{self, Kind, Setting};

/// AWX's `AD_HOC_COMMANDS` ("Ansible Modules Allowed for Ad Hoc Jobs").
pub static AD_HOC_COMMANDS: Setting<Json> = Setting::new(
    "ad_hoc_commands",
    r#"["command", "shell", "yum", "apt", "apt_key", "apt_repository", "apt_rpm", "service", "group", "user", "mount", "ping", "selinux", "setup", "win_ping", "win_service", "win_updates", "win_group", "win_user"]"#,
    Kind::Any,
    "The modules ad hoc commands may run (AWX's AD_HOC_COMMANDS): a list of module names.",
);

/// What to run.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub inventory_id: i64,
    pub module_name: String,
    pub module_args: String,
    pub limit: String,
    pub credential_id: Option<i64>,
    pub become_enabled: bool,
    pub forks: i64,
    pub verbosity: i64,
    pub extra_vars: Map<String, Json>,
    pub check: bool,
    pub diff: bool,
    pub timeout: i64,
}

/// The allowed modules (the setting; a malformed value is a configuration error).
fn allowed(tx: &mut Tx<'_>, secrets: &crate::crypto::Secrets) -> Result<Vec<String>> {
    match settings::get(tx, secrets, &AD_HOC_COMMANDS)? {
        Json::Array(v) => Ok(v.into_iter().filter_map(|m| m.as_str().map(str::to_string)).collect()),
        other => Err(Error::config(format!("setting ad_hoc_commands must be a list of module names, not {other}"))),
    }
}

/// AWX's checks (reference §6.1), with its messages. Returns the module name to run (a blank
/// one becomes `command`).
pub fn check(tx: &mut Tx<'_>, secrets: &crate::crypto::Secrets, r: &Request, jinja_always: bool) -> Result<String> {
    let module = if r.module_name.trim().is_empty() { "command".to_string() } else { r.module_name.trim().to_string() };
    let allowed = allowed(tx, secrets)?;
    if !allowed.contains(&module) {
        return Err(Error::data(format!(
            "Unsupported module for ad hoc commands. ({module:?} is not in the setting ad_hoc_commands: {})",
            allowed.join(", ")
        )));
    }
    if (module == "command" || module == "shell") && r.module_args.trim().is_empty() {
        return Err(Error::data(format!("No argument passed to {module} module.")));
    }
    let mut prohibited: Vec<&String> = r.extra_vars.keys().filter(|k| k.starts_with("ansible_")).collect();
    if !prohibited.is_empty() {
        prohibited.sort_by(|a, b| b.cmp(a));
        let list: Vec<&str> = prohibited.iter().map(|s| s.as_str()).collect();
        return Err(Error::data(format!("{} are prohibited from use in ad hoc commands.", list.join(", "))));
    }
    if !jinja_always && (r.module_args.contains("{{") || r.module_args.contains("{%")) {
        return Err(Error::data(
            "module arguments must not contain Jinja templates (set allow_jinja_in_extra_vars to always to allow them)",
        ));
    }
    if let Some(c) = r.credential_id {
        let kind: String = tx.scalar("SELECT kind FROM credential WHERE id = $1", crate::params![c])?;
        if kind != "machine" {
            return Err(Error::data("You must provide a machine / SSH credential."));
        }
    }
    Ok(module)
}

/// Create the ad hoc command (`pending`), in the caller's transaction.
pub fn create(tx: &mut Tx<'_>, secrets: &crate::crypto::Secrets, r: &Request) -> Result<i64> {
    let jinja = settings::get(tx, secrets, &super::job::ALLOW_JINJA_IN_EXTRA_VARS)?;
    let module = check(tx, secrets, r, jinja == "always")?;
    let inv = tx
        .query_opt("SELECT organization_id, total_hosts FROM inventory WHERE id = $1", crate::params![r.inventory_id])?
        .ok_or_else(|| Error::data("No valid inventory."))?;
    let mut name = format!("{module}: {}", r.module_args);
    if name.chars().count() > 512 {
        name = name.chars().take(512).collect();
    }
    let now = crate::time::now_str();
    let id = tx.insert(
        "INSERT INTO job (name, organization_id, launch_type, status, job_type, inventory_id, job_limit, forks, verbosity, extra_vars,
            become_enabled, diff_mode, timeout, module_name, module_args, playbook, dependencies_processed, created, modified)
         VALUES ($1, $2, 'manual', 'new', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '', TRUE, $14, $14) RETURNING id",
        crate::params![
            name.as_str(),
            inv.col::<Option<i64>>("organization_id")?,
            if r.check { "check" } else { "run" },
            r.inventory_id,
            r.limit.as_str(),
            r.forks,
            r.verbosity,
            Json::Object(r.extra_vars.clone()).to_string(),
            r.become_enabled,
            r.diff,
            r.timeout,
            module.as_str(),
            r.module_args.as_str(),
            now.as_str()
        ],
    )?;
    if let Some(c) = r.credential_id {
        tx.execute("INSERT INTO job_credential (job_id, credential_id) VALUES ($1, $2)", crate::params![id, c])?;
    }
    let impact = crate::cluster::capacity::job_impact(inv.col::<Option<i64>>("total_hosts")?, r.forks);
    tx.execute("UPDATE job SET task_impact = $1 WHERE id = $2", crate::params![impact, id])?;
    jobs::set_status(tx, JobKind::Job, id, JobStatus::Pending, None)?;
    Ok(id)
}

/// AWX's relaunch of an ad hoc command: a new one with the same inventory, module, arguments,
/// limit, credential and options, checked again by today's rules, `launch_type` relaunch.
pub fn relaunch(tx: &mut Tx<'_>, secrets: &crate::crypto::Secrets, id: i64) -> Result<i64> {
    let j = tx
        .query_opt("SELECT * FROM job WHERE id = $1 AND module_name <> ''", crate::params![id])?
        .ok_or_else(|| Error::not_found(format!("no ad hoc command with id {id}")))?;
    let inventory_id: Option<i64> = j.col("inventory_id")?;
    let inventory_id =
        inventory_id.ok_or_else(|| Error::data(format!("ad hoc command {id} has no inventory any more; it cannot be relaunched")))?;
    let credential_id: Option<i64> =
        tx.scalar_opt("SELECT min(credential_id) FROM job_credential WHERE job_id = $1", crate::params![id])?.flatten();
    let extra_vars = match serde_json::from_str::<Json>(&j.col::<String>("extra_vars")?) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    };
    let r = Request {
        inventory_id,
        module_name: j.col("module_name")?,
        module_args: j.col("module_args")?,
        limit: j.col("job_limit")?,
        credential_id,
        become_enabled: j.col("become_enabled")?,
        forks: j.col("forks")?,
        verbosity: j.col("verbosity")?,
        extra_vars,
        check: j.col::<String>("job_type")? == "check",
        diff: j.col("diff_mode")?,
        timeout: j.col("timeout")?,
    };
    let new = create(tx, secrets, &r)?;
    tx.execute("UPDATE job SET launch_type = 'relaunch' WHERE id = $1", crate::params![new])?;
    Ok(new)
}
