//! Spawning one workflow node's job (AWX §4.6): the node's and the workflow's prompts as AWX
//! combines them, the parents' `set_stats` artifacts, the recursion check for nested
//! workflows, the resources check for job templates; every spawned job has
//! `launch_type=workflow`. A job that cannot start is created and failed at once with AWX's
//! text, so the workflow follows the node's failure path.

use std::collections::HashSet;
use std::path::Path;

use serde_json::{Map, Value as Json};

use super::{Prompts, json_map};
use crate::crypto::Secrets;
use crate::db::{Row, Tx};
use crate::error::{ErrorKind, Result};
use crate::jobs::{self, JobKind, JobStatus};
use crate::runner::job::Overrides;

pub const MISSING_RESOURCE: &str =
    "Job spawned from workflow could not start because it was missing a related resource such as project or inventory";

/// The job a node spawned.
#[derive(Debug, Clone)]
pub struct Spawned {
    pub kind: JobKind,
    pub id: i64,
    /// Its status right after spawning (failed when it could not start).
    pub status: JobStatus,
}

/// The workflow job's side of a spawn.
struct Workflow {
    id: i64,
    extra_vars: Map<String, Json>,
    inventory_id: Option<i64>,
    limit: String,
    scm_branch: String,
    job_tags: String,
    skip_tags: String,
}

fn load_workflow(tx: &mut Tx<'_>, id: i64) -> Result<Workflow> {
    let r = tx.query_one(
        "SELECT id, extra_vars, inventory_id, job_limit, scm_branch, job_tags, skip_tags FROM workflow_job WHERE id = $1",
        crate::params![id],
    )?;
    Ok(Workflow {
        id: r.col("id")?,
        extra_vars: json_map(&r.col::<String>("extra_vars")?),
        inventory_id: r.col("inventory_id")?,
        limit: r.col("job_limit")?,
        scm_branch: r.col("scm_branch")?,
        job_tags: r.col("job_tags")?,
        skip_tags: r.col("skip_tags")?,
    })
}

fn nonempty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// The effective artifacts of a finished job (AWX `get_effective_artifacts`): a job's
/// `set_stats` artifacts; a workflow's, the merge of its nodes' jobs' that ended successful or
/// failed, by finish time then id.
fn effective_artifacts(tx: &mut Tx<'_>, kind: &str, id: i64, depth: usize) -> Result<Map<String, Json>> {
    match kind {
        "job" => Ok(json_map(&tx.scalar::<String>("SELECT artifacts FROM job WHERE id = $1", crate::params![id])?)),
        "workflow_job" if depth < 32 => {
            let mut parts: Vec<(Option<String>, i64, String)> = Vec::new();
            for (table, _) in [("job", ()), ("workflow_job", ())] {
                tx.query_each(
                    &format!(
                        "SELECT j.id, j.finished FROM workflow_job_node n JOIN {table} j ON j.id = n.job_id
                         WHERE n.workflow_job_id = $1 AND n.job_type = '{table}' AND j.status IN ('successful', 'failed')"
                    ),
                    crate::params![id],
                    |r| {
                        parts.push((r.col("finished")?, r.col("id")?, table.to_string()));
                        Ok(())
                    },
                )?;
            }
            parts.sort();
            let mut out = Map::new();
            for (_, jid, table) in parts {
                out.extend(effective_artifacts(tx, &table, jid, depth + 1)?);
            }
            Ok(out)
        }
        _ => Ok(Map::new()),
    }
}

/// AWX's artifacts of a node: for each parent in id order, its ancestor artifacts then its
/// job's effective artifacts, later ones winning. `None` for a root node.
fn ancestor_artifacts(tx: &mut Tx<'_>, node_id: i64) -> Result<Option<Map<String, Json>>> {
    let parents = tx.query(
        "SELECT DISTINCT p.id, p.ancestor_artifacts, p.job_type, p.job_id FROM workflow_job_node_edge e
         JOIN workflow_job_node p ON p.id = e.from_node_id WHERE e.to_node_id = $1 ORDER BY p.id",
        crate::params![node_id],
    )?;
    if parents.is_empty() {
        return Ok(None);
    }
    let mut out = Map::new();
    for p in parents {
        out.extend(json_map(&p.col::<String>("ancestor_artifacts")?));
        if let Some(jid) = p.col::<Option<i64>>("job_id")? {
            out.extend(effective_artifacts(tx, &p.col::<String>("job_type")?, jid, 0)?);
        }
    }
    Ok(Some(out))
}

/// The chain of workflow templates above workflow job `wf` (its own template first, then its
/// parent workflow's, …) as (id, name).
fn ancestor_templates(tx: &mut Tx<'_>, wf: i64) -> Result<Vec<(i64, String)>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut cur = Some(wf);
    while let Some(w) = cur {
        if !seen.insert(w) {
            tracing::error!("cycles detected in the workflow jobs graph at workflow job {w}");
            break;
        }
        let r = tx.query_opt(
            "SELECT w.workflow_job_template_id AS tid, t.name AS tname FROM workflow_job w
             LEFT JOIN workflow_job_template t ON t.id = w.workflow_job_template_id WHERE w.id = $1",
            crate::params![w],
        )?;
        let Some(r) = r else { break };
        let Some(tid) = r.col::<Option<i64>>("tid")? else { break };
        out.push((tid, r.col::<Option<String>>("tname")?.unwrap_or_default()));
        cur = super::parent_workflow(tx, JobKind::WorkflowJob, w)?;
    }
    Ok(out)
}

/// A job of `kind` that could not even be created (the template refuses, e.g. a manual
/// project): a failed record with the reason, so the node has a failed job.
fn failed_record(tx: &mut Tx<'_>, kind: JobKind, template: i64, name: &str, why: &str) -> Result<i64> {
    let fk = match kind {
        JobKind::ProjectUpdate => "project_id",
        JobKind::InventoryUpdate => "inventory_source_id",
        JobKind::SystemJob => "system_job_template_id",
        JobKind::Job => "job_template_id",
        JobKind::WorkflowJob => "workflow_job_template_id",
        JobKind::WorkflowApproval => "workflow_approval_template_id",
    };
    let now = crate::time::now_str();
    let id = tx.insert(
        &format!(
            "INSERT INTO {} (name, {fk}, launch_type, status, created, modified) VALUES ($1, $2, 'workflow', 'new', $3, $3) RETURNING id",
            kind.table()
        ),
        crate::params![name, template, now.as_str()],
    )?;
    jobs::set_status(tx, kind, id, JobStatus::Failed, Some(why))?;
    Ok(id)
}

/// A data error from a template's own launch checks (nothing was written) becomes a failed
/// record; anything else is the caller's error.
fn or_failed(tx: &mut Tx<'_>, kind: JobKind, template: i64, name: &str, r: Result<i64>) -> Result<i64> {
    match r {
        Ok(id) => Ok(id),
        Err(e) if matches!(e.kind, ErrorKind::Data | ErrorKind::NotFound) => failed_record(tx, kind, template, name, &e.message),
        Err(e) => Err(e),
    }
}

fn template_name(tx: &mut Tx<'_>, table: &str, id: i64) -> Result<String> {
    Ok(tx.scalar_opt::<String>(&format!("SELECT name FROM {table} WHERE id = $1"), crate::params![id])?.unwrap_or_default())
}

/// Spawn the job of node `node_id` of running workflow `wf_id`; the node records it.
pub fn spawn(tx: &mut Tx<'_>, secrets: &Secrets, projects_root: &Path, wf_id: i64, node_id: i64) -> Result<Spawned> {
    let wf = load_workflow(tx, wf_id)?;
    let n = tx.query_one("SELECT * FROM workflow_job_node WHERE id = $1", crate::params![node_id])?;
    let ttype: String = n.col("unified_job_template_type")?;
    let tid: i64 = n.col::<Option<i64>>("unified_job_template_id")?.unwrap_or_default();
    let artifacts = ancestor_artifacts(tx, node_id)?;
    let mut passed = artifacts.clone().unwrap_or_default();
    let no_log = passed.remove("_ansible_no_log").is_some();
    let (kind, id) = match ttype.as_str() {
        "job_template" => (JobKind::Job, job_template(tx, secrets, &wf, &n, tid, passed, no_log)?),
        "project" => {
            let name = template_name(tx, "project", tid)?;
            let r = crate::runner::project::create_update(tx, projects_root, tid, "workflow");
            (JobKind::ProjectUpdate, or_failed(tx, JobKind::ProjectUpdate, tid, &name, r)?)
        }
        "inventory_source" => {
            let name = template_name(tx, "inventory_source", tid)?;
            let r = crate::inventory::source::create_update(tx, tid, "workflow");
            (JobKind::InventoryUpdate, or_failed(tx, JobKind::InventoryUpdate, tid, &name, r)?)
        }
        "system_job_template" => {
            let name = template_name(tx, "system_job_template", tid)?;
            let vars = json_map(&n.col::<String>("extra_data")?);
            let r = crate::runner::system::create(tx, tid, &vars, "workflow");
            (JobKind::SystemJob, or_failed(tx, JobKind::SystemJob, tid, &name, r)?)
        }
        "workflow_job_template" => (JobKind::WorkflowJob, nested_workflow(tx, &wf, &n, tid, passed)?),
        "workflow_approval_template" => (JobKind::WorkflowApproval, super::approval::create(tx, wf.id, tid)?),
        other => return Err(crate::error::Error::internal(format!("workflow node {node_id} has no template to spawn ({other:?})"))),
    };
    tx.execute(
        "UPDATE workflow_job_node SET job_type = $1, job_id = $2, ancestor_artifacts = $3, modified = $4 WHERE id = $5",
        crate::params![kind.table(), id, Json::Object(artifacts.unwrap_or_default()).to_string(), crate::time::now_str(), node_id],
    )?;
    let status = tx.scalar::<JobStatus>(&format!("SELECT status FROM {} WHERE id = $1", kind.table()), crate::params![id])?;
    Ok(Spawned { kind, id, status })
}

/// A job template node: AWX's `get_job_kwargs` then the accept-or-ignore filter of the
/// template's ask flags; extra vars by AWX's precedence (accepted node vars < artifacts <
/// the workflow's vars, which bypass the ask flag). Artifacts of a `no_log` parent
/// (`_ansible_no_log` among them) are kept like survey passwords: encrypted in the job's
/// `start_args`, `$encrypted$` in its extra vars.
fn job_template(
    tx: &mut Tx<'_>,
    secrets: &Secrets,
    wf: &Workflow,
    n: &Row,
    tid: i64,
    artifacts: Map<String, Json>,
    no_log: bool,
) -> Result<i64> {
    let t = tx.query_one("SELECT * FROM job_template WHERE id = $1", crate::params![tid])?;
    let ask = |f: &str| -> Result<bool> { t.col::<bool>(f) };
    // The workflow's prompts override the node's.
    let pick =
        |wf_value: &str, node_col: &str| -> Result<Option<String>> { Ok(nonempty(wf_value).or(nonempty(&n.col::<String>(node_col)?))) };
    let mut o = Overrides { launch_type: Some("workflow".into()), ..Default::default() };
    let mut ignored: Vec<&str> = Vec::new();
    let mut accept = |given: bool, flag: &str, what: &'static str| -> Result<bool> {
        if !given {
            return Ok(false);
        }
        if ask(flag)? {
            Ok(true)
        } else {
            ignored.push(what);
            Ok(false)
        }
    };
    let inventory = wf.inventory_id.or(n.col::<Option<i64>>("inventory_id")?);
    if accept(inventory.is_some(), "ask_inventory_on_launch", "inventory")? {
        o.inventory_id = inventory;
    }
    let limit = pick(&wf.limit, "job_limit")?;
    if accept(limit.is_some(), "ask_limit_on_launch", "limit")? {
        o.limit = limit;
    }
    let branch = pick(&wf.scm_branch, "scm_branch")?;
    if accept(branch.is_some(), "ask_scm_branch_on_launch", "scm_branch")? {
        o.scm_branch = branch;
    }
    let tags = pick(&wf.job_tags, "job_tags")?;
    if accept(tags.is_some(), "ask_tags_on_launch", "job_tags")? {
        o.job_tags = tags;
    }
    let skip = pick(&wf.skip_tags, "skip_tags")?;
    if accept(skip.is_some(), "ask_skip_tags_on_launch", "skip_tags")? {
        o.skip_tags = skip;
    }
    let job_type = nonempty(&n.col::<String>("prompt_job_type")?);
    if accept(job_type.is_some(), "ask_job_type_on_launch", "job_type")? {
        o.job_type = job_type;
    }
    let verbosity: Option<i64> = n.col("verbosity")?;
    if accept(verbosity.is_some(), "ask_verbosity_on_launch", "verbosity")? {
        o.verbosity = verbosity;
    }
    let diff: Option<bool> = n.col("diff_mode")?;
    if accept(diff.is_some(), "ask_diff_mode_on_launch", "diff_mode")? {
        o.diff_mode = diff;
    }
    let creds: Vec<i64> = serde_json::from_str(&n.col::<String>("credentials")?).unwrap_or_default();
    if accept(!creds.is_empty(), "ask_credential_on_launch", "credentials")? {
        o.credential_ids = Some(merged_credentials(tx, tid, &creds)?);
    }
    // Node variables: all with ask_variables_on_launch, else the survey's questions only.
    let node_vars = json_map(&n.col::<String>("extra_data")?);
    let mut vars = Map::new();
    if ask("ask_variables_on_launch")? {
        vars = node_vars;
    } else if !node_vars.is_empty() {
        let spec: Json = serde_json::from_str(&t.col::<String>("survey_spec")?).unwrap_or(Json::Null);
        let survey = t.col::<bool>("survey_enabled")?;
        let unknown: HashSet<String> =
            if survey { crate::launch::survey::unknown_variables(&spec, &node_vars).into_iter().collect() } else { HashSet::new() };
        for (k, v) in node_vars {
            if survey && !unknown.contains(&k) {
                vars.insert(k, v);
            } else {
                ignored.push("extra_vars");
            }
        }
    }
    if !ignored.is_empty() {
        ignored.dedup();
        tracing::info!("workflow job {}: job template {tid} does not ask for {} on launch; ignored", wf.id, ignored.join(", "));
    }
    let hidden_keys: Vec<String> =
        if no_log { artifacts.keys().filter(|k| !wf.extra_vars.contains_key(*k)).cloned().collect() } else { Vec::new() };
    vars.extend(artifacts);
    vars.extend(wf.extra_vars.clone());
    let mut hidden = Map::new();
    // An enabled survey fills its defaults (AWX does so for every job of the template); its
    // password answers are kept encrypted, as at launch.
    if t.col::<bool>("survey_enabled")? {
        let spec: Json = serde_json::from_str(&t.col::<String>("survey_spec")?).unwrap_or(Json::Null);
        match crate::launch::survey::apply(&spec, &vars) {
            Ok(answers) => vars.extend(answers),
            Err(errors) => tracing::info!("workflow job {}: job template {tid}'s survey: {}", wf.id, errors.join("; ")),
        }
        for var in crate::launch::survey::password_variables(&spec) {
            if let Some(v) = vars.get_mut(&var)
                && v.as_str() != Some(crate::crypto::REDACTED)
            {
                hidden.insert(var, std::mem::replace(v, Json::from(crate::crypto::REDACTED)));
            }
        }
    }
    for k in hidden_keys {
        if let Some(v) = vars.get_mut(&k) {
            hidden.insert(k, std::mem::replace(v, Json::from(crate::crypto::REDACTED)));
        }
    }
    if !hidden.is_empty() {
        o.start_args = Some(secrets.encrypt(&Json::Object(hidden).to_string(), "start_args")?);
    }
    o.extra_vars = vars;
    let id = crate::runner::job::create_job(tx, tid, &o)?;
    let project: Option<i64> = t.col("project_id")?;
    let inventory: Option<i64> = tx.scalar("SELECT inventory_id FROM job WHERE id = $1", crate::params![id])?;
    if project.is_none() || inventory.is_none() {
        jobs::set_status(tx, JobKind::Job, id, JobStatus::Failed, Some(MISSING_RESOURCE))?;
    }
    Ok(id)
}

/// The template's credentials with the prompted ones replacing those of the same kind.
fn merged_credentials(tx: &mut Tx<'_>, template: i64, prompted: &[i64]) -> Result<Vec<i64>> {
    let kind_of = |tx: &mut Tx<'_>, id: i64| -> Result<Option<String>> {
        tx.scalar_opt::<String>("SELECT kind FROM credential WHERE id = $1", crate::params![id])
    };
    let mut kinds = HashSet::new();
    for c in prompted {
        kinds.extend(kind_of(tx, *c)?);
    }
    let mut out = Vec::new();
    let own: Vec<i64> = tx
        .query(
            "SELECT credential_id FROM job_template_credential WHERE job_template_id = $1 ORDER BY position, credential_id",
            crate::params![template],
        )?
        .iter()
        .map(|r| r.col("credential_id"))
        .collect::<Result<_>>()?;
    for c in own {
        if !kind_of(tx, c)?.is_some_and(|k| kinds.contains(&k)) {
            out.push(c);
        }
    }
    for c in prompted {
        if !out.contains(c) {
            out.push(*c);
        }
    }
    Ok(out)
}

/// A nested workflow node: the workflow's vars over the node's, artifacts over both; refused
/// (created, then failed with AWX's text) when its template is already one of the workflows
/// that lead here.
fn nested_workflow(tx: &mut Tx<'_>, wf: &Workflow, n: &Row, tid: i64, artifacts: Map<String, Json>) -> Result<i64> {
    let mut vars = json_map(&n.col::<String>("extra_data")?);
    vars.extend(wf.extra_vars.clone());
    vars.extend(artifacts);
    let p = Prompts {
        extra_vars: vars,
        inventory_id: wf.inventory_id.or(n.col::<Option<i64>>("inventory_id")?),
        limit: nonempty(&wf.limit).or(nonempty(&n.col::<String>("job_limit")?)),
        scm_branch: nonempty(&wf.scm_branch).or(nonempty(&n.col::<String>("scm_branch")?)),
        job_tags: nonempty(&wf.job_tags).or(nonempty(&n.col::<String>("job_tags")?)),
        skip_tags: nonempty(&wf.skip_tags).or(nonempty(&n.col::<String>("skip_tags")?)),
    };
    let id = super::create(tx, tid, &p, "workflow")?;
    let ancestors = ancestor_templates(tx, wf.id)?;
    if ancestors.iter().any(|(a, _)| *a == tid) {
        let name = template_name(tx, "workflow_job_template", tid)?;
        let chain: Vec<String> = std::iter::once((tid, name)).chain(ancestors).map(|(id, name)| format!("<{name}-{id}>")).collect();
        let why = format!(
            "Workflow Job spawned from workflow could not start because it would result in recursion (spawn order, most recent first: {})",
            chain.join(", ")
        );
        jobs::set_status(tx, JobKind::WorkflowJob, id, JobStatus::Failed, Some(&why))?;
    }
    Ok(id)
}
