//! AWX's copy permission rules (`CopyAPIView` with `awx/main/access.py`): the user must be able
//! to read the original, to add an object with the original's values (`can_add` with the
//! create dict) and, for job templates, to use every attached credential (`can_copy_related`).
//! Workflow copies additionally lose the node references the user may not use
//! (`deep_copy_permission_check_func`), listed by [`workflow_unusable`].
//!
//! AWX's `POST …/copy/` forgets the read check its `GET` makes; awxm checks it for both.

use crate::db::Tx;
use crate::error::Result;
use crate::rbac::Access;
use crate::resources::{name_by_id, types};

/// AWX's default 403 message.
pub const DENIED: &str = "You do not have permission to perform this action.";
/// AWX's 403 message when a job template's credentials may not be used.
pub const JT_CREDENTIALS: &str = "Insufficient access to Job Template credentials.";

/// Why a copy is refused: AWX's message and the missing permission.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Denial {
    pub message: String,
    pub detail: String,
}

fn deny(message: &str, detail: String) -> Option<Denial> {
    Some(Denial { message: message.to_string(), detail })
}

fn name_of(tx: &mut Tx<'_>, kind: &str, id: i64) -> Result<String> {
    Ok(match types::find(kind) {
        Some(rt) => name_by_id(tx, rt, id)?.unwrap_or_else(|| format!("#{id}")),
        None => format!("#{id}"),
    })
}

/// The organization, inventory, project and credential of the original (NULL when absent or
/// when the type has no such column).
fn refs(tx: &mut Tx<'_>, kind: &str, id: i64) -> Result<[Option<i64>; 4]> {
    let cols = match kind {
        "inventory" => "organization_id AS org, NULL AS inv, NULL AS proj, NULL AS cred",
        "project" => "organization_id AS org, NULL AS inv, NULL AS proj, credential_id AS cred",
        "credential" | "notification_template" => "organization_id AS org, NULL AS inv, NULL AS proj, NULL AS cred",
        "job_template" => "organization_id AS org, inventory_id AS inv, project_id AS proj, NULL AS cred",
        "workflow_job_template" => "organization_id AS org, inventory_id AS inv, NULL AS proj, NULL AS cred",
        _ => "NULL AS org, NULL AS inv, NULL AS proj, NULL AS cred",
    };
    let r = tx.query_one(&format!("SELECT {cols} FROM {kind} WHERE id = $1"), crate::params![id])?;
    Ok([r.col("org")?, r.col("inv")?, r.col("proj")?, r.col("cred")?])
}

/// AWX's `can_copy` for `kind` object `id` named `name`: `None` when the actor may copy it.
pub fn check(tx: &mut Tx<'_>, access: &mut Access, kind: &str, id: i64, name: &str) -> Result<Option<Denial>> {
    if access.is_superuser() {
        return Ok(None);
    }
    let who = format!("user {:?}", access.username().unwrap_or_default());
    let what = kind.replace('_', " ");
    if !access.can_read(tx, kind, id)? {
        return Ok(deny(DENIED, format!("{who} cannot read {what} {name:?}")));
    }
    let [org, inventory, project, credential] = refs(tx, kind, id)?;
    // The organization role that allows adding this type, and whether an organization is
    // mandatory (AWX's check_related(..., mandatory=True)).
    let (org_roles, mandatory): (&[&str], bool) = match kind {
        "inventory" => (&["inventory_admin"], false),
        "project" => (&["project_admin"], true),
        "credential" => (&["admin", "credential_admin"], true),
        "notification_template" => (&["notification_admin"], true),
        "workflow_job_template" => (&["workflow_admin"], true),
        _ => (&[], false),
    };
    if !org_roles.is_empty() {
        match org {
            None if mandatory => {
                return Ok(deny(DENIED, format!("{what} {name:?} has no organization: only a superuser may add a {what} without one")));
            }
            None => {}
            Some(o) => {
                let mut ok = false;
                for r in org_roles {
                    ok = ok || access.has_role(tx, "organization", o, r)?;
                }
                if !ok {
                    let org_name = name_of(tx, "organization", o)?;
                    return Ok(deny(
                        DENIED,
                        format!("{who} needs the {} role on organization {org_name:?} to add a {what} there", org_roles.join(" or ")),
                    ));
                }
            }
        }
    }
    if let Some(c) = credential
        && !access.can_use(tx, "credential", c)?
    {
        let c = name_of(tx, "credential", c)?;
        return Ok(deny(DENIED, format!("{who} needs the use role on credential {c:?} of {what} {name:?}")));
    }
    if let Some(i) = inventory
        && !access.can_use(tx, "inventory", i)?
    {
        let i = name_of(tx, "inventory", i)?;
        return Ok(deny(DENIED, format!("{who} needs the use role on inventory {i:?} of {what} {name:?}")));
    }
    if kind == "job_template" {
        let Some(p) = project else {
            return Ok(deny(DENIED, format!("job template {name:?} has no project: only a superuser may copy it")));
        };
        if !access.can_use(tx, "project", p)? {
            let p = name_of(tx, "project", p)?;
            return Ok(deny(DENIED, format!("{who} needs the use role on project {p:?} of job template {name:?}")));
        }
        // can_copy_related: use on every credential of the template.
        let mut missing = Vec::new();
        for r in tx.query(
            "SELECT c.id, c.name FROM job_template_credential x JOIN credential c ON c.id = x.credential_id
             WHERE x.job_template_id = $1 ORDER BY x.position, c.name",
            crate::params![id],
        )? {
            if !access.can_use(tx, "credential", r.col("id")?)? {
                missing.push(format!("{:?}", r.col::<String>("name")?));
            }
        }
        if !missing.is_empty() {
            return Ok(deny(JT_CREDENTIALS, format!("{who} needs the use role on credential {}", missing.join(", "))));
        }
    }
    Ok(None)
}

/// The node references of a workflow the actor may not use: they are blanked in its copy.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
pub struct Unusable {
    pub templates: Vec<String>,
    pub credentials: Vec<String>,
    pub inventories: Vec<String>,
    /// (node column, id) of the templates.
    #[serde(skip)]
    pub template_ids: Vec<(&'static str, i64)>,
    #[serde(skip)]
    pub credential_ids: Vec<i64>,
    #[serde(skip)]
    pub inventory_ids: Vec<i64>,
}

impl Unusable {
    pub fn is_empty(&self) -> bool {
        self.templates.is_empty() && self.credentials.is_empty() && self.inventories.is_empty()
    }
}

/// Node columns naming a unified job template, with the type they name. Approval templates
/// are left out: each copy gets its own, run by the copy's admin (AWX's
/// `WorkflowApprovalTemplateAccess.can_start`), so they are never dropped.
pub const NODE_TEMPLATE_COLUMNS: &[(&str, &str)] = &[
    ("job_template_id", "job_template"),
    ("project_id", "project"),
    ("inventory_source_id", "inventory_source"),
    ("workflow_template_id", "workflow_job_template"),
    ("system_job_template_id", "system_job_template"),
];

/// What `deep_copy_permission_check_func` would remove from the copy of workflow `wf`: node
/// inventories without `use`, templates the actor cannot start, credentials without `use`.
pub fn workflow_unusable(tx: &mut Tx<'_>, access: &mut Access, wf: i64) -> Result<Unusable> {
    let mut u = Unusable::default();
    if access.is_superuser() {
        return Ok(u);
    }
    let ids = |tx: &mut Tx<'_>, sql: &str| -> Result<Vec<i64>> { tx.query(sql, crate::params![wf])?.iter().map(|r| r.col("id")).collect() };
    for i in ids(
        tx,
        "SELECT DISTINCT inventory_id AS id FROM workflow_job_template_node WHERE workflow_job_template_id = $1 AND inventory_id IS NOT NULL ORDER BY 1",
    )? {
        if !access.can_use(tx, "inventory", i)? {
            u.inventories.push(name_of(tx, "inventory", i)?);
            u.inventory_ids.push(i);
        }
    }
    for (col, kind) in NODE_TEMPLATE_COLUMNS {
        for t in ids(
            tx,
            &format!(
                "SELECT DISTINCT {col} AS id FROM workflow_job_template_node WHERE workflow_job_template_id = $1 AND {col} IS NOT NULL ORDER BY 1"
            ),
        )? {
            // A node running the workflow itself runs the copy, which the actor administers.
            if *kind == "workflow_job_template" && t == wf {
                continue;
            }
            if !access.can_start(tx, kind, t)? {
                u.templates.push(name_of(tx, kind, t)?);
                u.template_ids.push((col, t));
            }
        }
    }
    for c in ids(
        tx,
        "SELECT DISTINCT x.credential_id AS id FROM workflow_node_credential x JOIN workflow_job_template_node n ON n.id = x.node_id
         WHERE n.workflow_job_template_id = $1 ORDER BY 1",
    )? {
        if !access.can_use(tx, "credential", c)? {
            u.credentials.push(name_of(tx, "credential", c)?);
            u.credential_ids.push(c);
        }
    }
    u.templates.sort();
    u.templates.dedup();
    u.credentials.sort();
    u.inventories.sort();
    Ok(u)
}
