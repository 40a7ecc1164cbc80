//! Workflows that run (AWX §4): a workflow job template's nodes become a workflow job's nodes,
//! and the workflow manager (a step of every task-manager cycle) walks each running workflow's
//! graph, spawning the nodes' jobs as their parents end.
//!
//! - `mod.rs`: [`create`] — a workflow job and its nodes and edges, copied from the template
//!   (AWX's launch), with the launch prompts ([`Prompts`]).
//! - `dag.rs`: the decisions, pure (which nodes run, do-not-run marking, the end and its
//!   status), unit-tested without a database.
//! - `manager.rs`: the workflow manager step — loads every running workflow's graph in a
//!   handful of queries, applies `dag::advance`, writes the marks, spawns, ends workflows;
//!   starts pending workflows; expires approvals.
//! - `spawn.rs`: one node's job (AWX §4.6): prompts with AWX's precedence, parents' `set_stats`
//!   artifacts, the recursion check, `launch_type=workflow`.
//! - `approval.rs`: approvals (AWX §4.7) — list, approve/deny with AWX's permission rule.
//! - `notify.rs`: workflow and approval notifications, sent after the cycle commits.

pub mod approval;
pub mod dag;
pub mod manager;
pub mod notify;
pub mod spawn;
pub mod view;

use serde_json::{Map, Value as Json};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::jobs::{self, JobKind, JobStatus};

/// A workflow job's launch prompts (already checked against the template's ask flags).
#[derive(Debug, Clone, Default)]
pub struct Prompts {
    /// Merged over the template's extra vars.
    pub extra_vars: Map<String, Json>,
    pub inventory_id: Option<i64>,
    pub limit: Option<String>,
    pub scm_branch: Option<String>,
    pub job_tags: Option<String>,
    pub skip_tags: Option<String>,
}

/// A JSON object stored as text (anything else reads as empty).
pub fn json_map(text: &str) -> Map<String, Json> {
    match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    }
}

/// The template a job node names: (type as stored on the node, table).
pub const TEMPLATE_TYPES: [(&str, &str); 6] = [
    ("job_template", "job_template"),
    ("project", "project"),
    ("inventory_source", "inventory_source"),
    ("workflow_job_template", "workflow_job_template"),
    ("workflow_approval_template", "workflow_approval_template"),
    ("system_job_template", "system_job_template"),
];

/// Create a `pending` workflow job from template `template_id` with its nodes and edges (AWX:
/// every template node is copied into a job node, edges with their labels).
pub fn create(tx: &mut Tx<'_>, template_id: i64, p: &Prompts, launch_type: &str) -> Result<i64> {
    let t = tx
        .query_opt(
            "SELECT name, description, organization_id, inventory_id, extra_vars, job_limit, scm_branch, allow_simultaneous
             FROM workflow_job_template WHERE id = $1",
            crate::params![template_id],
        )?
        .ok_or_else(|| Error::not_found(format!("no workflow job template with id {template_id}")))?;
    let mut extra = json_map(&t.col::<String>("extra_vars")?);
    extra.extend(p.extra_vars.clone());
    let now = crate::time::now_str();
    let id = tx.insert(
        "INSERT INTO workflow_job (name, description, workflow_job_template_id, organization_id, launch_type, status, extra_vars,
            inventory_id, job_limit, scm_branch, job_tags, skip_tags, allow_simultaneous, created, modified)
         VALUES ($1, $2, $3, $4, $5, 'new', $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
        crate::params![
            t.col::<String>("name")?,
            t.col::<String>("description")?,
            template_id,
            t.col::<Option<i64>>("organization_id")?,
            launch_type,
            Json::Object(extra).to_string(),
            p.inventory_id.or(t.col::<Option<i64>>("inventory_id")?),
            p.limit.clone().unwrap_or(t.col::<String>("job_limit")?),
            p.scm_branch.clone().unwrap_or(t.col::<String>("scm_branch")?),
            p.job_tags.clone().unwrap_or_default(),
            p.skip_tags.clone().unwrap_or_default(),
            t.col::<bool>("allow_simultaneous")?,
            now.as_str()
        ],
    )?;
    tx.execute(
        "INSERT INTO workflow_job_node (workflow_job_id, identifier, unified_job_template_type, unified_job_template_id,
            all_parents_must_converge, inventory_id, extra_data, prompt_job_type, job_limit, job_tags, skip_tags, scm_branch,
            verbosity, diff_mode, created, modified)
         SELECT $1, identifier,
                CASE WHEN job_template_id IS NOT NULL THEN 'job_template'
                     WHEN project_id IS NOT NULL THEN 'project'
                     WHEN inventory_source_id IS NOT NULL THEN 'inventory_source'
                     WHEN workflow_template_id IS NOT NULL THEN 'workflow_job_template'
                     WHEN approval_template_id IS NOT NULL THEN 'workflow_approval_template'
                     WHEN system_job_template_id IS NOT NULL THEN 'system_job_template'
                     ELSE '' END,
                COALESCE(job_template_id, project_id, inventory_source_id, workflow_template_id, approval_template_id, system_job_template_id),
                all_parents_must_converge, inventory_id, extra_data, job_type, job_limit, job_tags, skip_tags, scm_branch,
                verbosity, diff_mode, $3, $3
         FROM workflow_job_template_node WHERE workflow_job_template_id = $2 ORDER BY id",
        crate::params![id, template_id, now.as_str()],
    )?;
    tx.execute(
        "INSERT INTO workflow_job_node_edge (from_node_id, to_node_id, kind)
         SELECT fn.id, tn.id, e.kind FROM workflow_node_edge e
           JOIN workflow_job_template_node f ON f.id = e.from_node_id
           JOIN workflow_job_template_node t ON t.id = e.to_node_id
           JOIN workflow_job_node fn ON fn.workflow_job_id = $1 AND fn.identifier = f.identifier
           JOIN workflow_job_node tn ON tn.workflow_job_id = $1 AND tn.identifier = t.identifier
         WHERE f.workflow_job_template_id = $2",
        crate::params![id, template_id],
    )?;
    let mut creds: Vec<(String, Vec<i64>)> = Vec::new();
    tx.query_each(
        "SELECT n.identifier, c.credential_id FROM workflow_node_credential c JOIN workflow_job_template_node n ON n.id = c.node_id
         WHERE n.workflow_job_template_id = $1 ORDER BY n.identifier, c.credential_id",
        crate::params![template_id],
        |r| {
            let ident: String = r.col("identifier")?;
            let c: i64 = r.col("credential_id")?;
            match creds.last_mut() {
                Some((i, l)) if *i == ident => l.push(c),
                _ => creds.push((ident, vec![c])),
            }
            Ok(())
        },
    )?;
    for (ident, ids) in creds {
        tx.execute(
            "UPDATE workflow_job_node SET credentials = $1 WHERE workflow_job_id = $2 AND identifier = $3",
            crate::params![Json::from(ids).to_string(), id, ident.as_str()],
        )?;
    }
    jobs::set_status(tx, JobKind::WorkflowJob, id, JobStatus::Pending, None)?;
    Ok(id)
}

/// The workflow job that spawned unified job `id` as one of its nodes, if any.
pub fn parent_workflow(tx: &mut Tx<'_>, kind: JobKind, id: i64) -> Result<Option<i64>> {
    tx.scalar_opt::<i64>(
        "SELECT workflow_job_id FROM workflow_job_node WHERE job_type = $1 AND job_id = $2",
        crate::params![kind.table(), id],
    )
}

/// The prompts given at launch, before they are checked.
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub extra_vars: Map<String, Json>,
    pub limit: Option<String>,
    /// An inventory name (or id).
    pub inventory: Option<String>,
    pub scm_branch: Option<String>,
    pub job_tags: Option<String>,
    pub skip_tags: Option<String>,
}

/// Check launch prompts against workflow template `tid` (AWX's ask flags; an enabled survey's
/// answers validated, its defaults filled in). A prompt the template does not ask for is
/// refused (exit 65) naming it.
pub fn check_prompts(tx: &mut Tx<'_>, tid: i64, name: &str, g: &Given) -> Result<Prompts> {
    let t = tx.query_one("SELECT * FROM workflow_job_template WHERE id = $1", crate::params![tid])?;
    let mut refused: Vec<String> = Vec::new();
    for (given, prompt, ask) in [
        (g.limit.is_some(), "--limit", "ask_limit_on_launch"),
        (g.inventory.is_some(), "--inventory", "ask_inventory_on_launch"),
        (g.scm_branch.is_some(), "--scm-branch", "ask_scm_branch_on_launch"),
        (g.job_tags.is_some(), "--tags", "ask_tags_on_launch"),
        (g.skip_tags.is_some(), "--skip-tags", "ask_skip_tags_on_launch"),
    ] {
        if given && !t.col::<bool>(ask)? {
            refused.push(format!("{prompt} ({ask} is false)"));
        }
    }
    let mut extra = g.extra_vars.clone();
    let ask_vars: bool = t.col("ask_variables_on_launch")?;
    let spec: Json = serde_json::from_str(&t.col::<String>("survey_spec")?).unwrap_or(Json::Null);
    let survey = t.col::<bool>("survey_enabled")? && spec.as_object().is_some_and(|m| !m.is_empty());
    if survey {
        if !crate::launch::survey::password_variables(&spec).is_empty() {
            return Err(Error::data(format!(
                "workflow job template {name:?}: surveys with password questions are not supported for workflows"
            )));
        }
        let unknown = crate::launch::survey::unknown_variables(&spec, &extra);
        if !unknown.is_empty() && !ask_vars {
            refused.push(format!("--extra-vars {} (not in the survey, and ask_variables_on_launch is false)", unknown.join(", ")));
        }
        match crate::launch::survey::apply(&spec, &extra) {
            Ok(answers) => extra.extend(answers),
            Err(errors) => {
                return Err(Error::data(format!("workflow job template {name:?}: the survey refuses the answers: {}", errors.join("; "))));
            }
        }
    } else if !extra.is_empty() && !ask_vars {
        refused.push("--extra-vars (ask_variables_on_launch is false)".into());
    }
    if !refused.is_empty() {
        return Err(Error::data(format!("workflow job template {name:?} does not ask for {} on launch", refused.join(", "))));
    }
    let inventory_id = match &g.inventory {
        Some(i) => Some(crate::resources::resolve(tx, &crate::resources::types::INVENTORY, i)?.0),
        None => None,
    };
    Ok(Prompts {
        extra_vars: extra,
        inventory_id,
        limit: g.limit.clone(),
        scm_branch: g.scm_branch.clone(),
        job_tags: g.job_tags.clone(),
        skip_tags: g.skip_tags.clone(),
    })
}
