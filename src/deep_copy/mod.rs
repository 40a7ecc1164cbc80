//! Deep copy of job templates, inventories, projects, credentials, workflow job templates and
//! notification templates, as AWX's `/copy/` endpoints and `deep_copy_model_obj` do it, but in
//! one transaction and set-based.
//!
//! What is copied follows AWX's per-model `FIELDS_TO_PRESERVE_AT_COPY` /
//! `FIELDS_TO_DISCARD_AT_COPY` (reference §5.2): the object's writable fields; many-to-many
//! links (labels, instance groups, credentials) point at the *same* related objects; one-to-many
//! sub-objects (an inventory's hosts and groups, a workflow's nodes) are duplicated and the
//! relations among them rebuilt inside the copy (memberships, group nesting, node edges).
//! Never copied: computed fields and job history (status, last job, host facts), inventory
//! sources, notification attachments, schedules, role assignments (except that the copying
//! user becomes admin of the copy).
//!
//! Sub-objects are copied with `INSERT … SELECT` statements, never row by row: new hosts are
//! selected from the old inventory's hosts, old and new rows are paired by joining them on
//! their names (unique within an inventory; identifiers within a workflow), and the
//! memberships, nesting, node credentials and edges are rebuilt from those pairs (for
//! inventories through temporary old id → new id tables, so that each name is matched once,
//! not once per membership).

pub mod access;
pub mod naming;

use serde_json::{Map, Value as Json};

use crate::crypto::Secrets;
use crate::db::{Tx, Value};
use crate::error::{Error, Result};
use crate::rbac::Access;
use crate::resources::{self, roles, types};
use access::Unusable;

/// The types that can be copied (singular names).
pub const TYPES: &[&str] = &["job_template", "inventory", "project", "credential", "workflow_job_template", "notification_template"];

/// Columns copied as they are, per type (besides the name, which the copy gets anew, and the
/// created/modified stamps, which are the time of the copy).
const JOB_TEMPLATE_COLUMNS: &[&str] = &[
    "description",
    "organization_id",
    "job_type",
    "inventory_id",
    "project_id",
    "playbook",
    "scm_branch",
    "forks",
    "job_limit",
    "verbosity",
    "extra_vars",
    "job_tags",
    "skip_tags",
    "start_at_task",
    "force_handlers",
    "become_enabled",
    "diff_mode",
    "allow_simultaneous",
    "timeout",
    "use_fact_cache",
    "host_config_key",
    "survey_enabled",
    "survey_spec",
    "job_slice_count",
    "ask_variables_on_launch",
    "ask_limit_on_launch",
    "ask_tags_on_launch",
    "ask_skip_tags_on_launch",
    "ask_job_type_on_launch",
    "ask_verbosity_on_launch",
    "ask_inventory_on_launch",
    "ask_credential_on_launch",
    "ask_scm_branch_on_launch",
    "ask_diff_mode_on_launch",
    "ask_forks_on_launch",
    "ask_timeout_on_launch",
    "ask_instance_groups_on_launch",
    "prevent_instance_group_fallback",
];
const INVENTORY_COLUMNS: &[&str] =
    &["description", "organization_id", "variables", "kind", "host_filter", "prevent_instance_group_fallback"];
const PROJECT_COLUMNS: &[&str] = &[
    "description",
    "organization_id",
    "scm_type",
    "scm_url",
    "scm_branch",
    "scm_refspec",
    "scm_clean",
    "scm_delete_on_update",
    "scm_update_on_launch",
    "scm_update_cache_timeout",
    "credential_id",
    "allow_override",
    "timeout",
];
const WORKFLOW_COLUMNS: &[&str] = &[
    "description",
    "organization_id",
    "inventory_id",
    "extra_vars",
    "job_limit",
    "scm_branch",
    "allow_simultaneous",
    "survey_enabled",
    "survey_spec",
    "ask_variables_on_launch",
    "ask_limit_on_launch",
    "ask_inventory_on_launch",
    "ask_scm_branch_on_launch",
    "ask_tags_on_launch",
    "ask_skip_tags_on_launch",
];
const HOST_COLUMNS: &[&str] = &["name", "description", "enabled", "instance_id", "variables"];
const GROUP_COLUMNS: &[&str] = &["name", "description", "variables"];
const NODE_COLUMNS: &[&str] = &[
    "identifier",
    "job_template_id",
    "project_id",
    "inventory_source_id",
    "workflow_template_id",
    "system_job_template_id",
    "approval_template_id",
    "inventory_id",
    "extra_data",
    "job_type",
    "job_limit",
    "job_tags",
    "skip_tags",
    "scm_branch",
    "verbosity",
    "diff_mode",
    "all_parents_must_converge",
];

/// What a copy made.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: i64,
    pub name: String,
    /// Counts of copied sub-objects and links, in a stable order.
    pub copied: Map<String, Json>,
    /// Workflow node references blanked because the user may not use them.
    pub dropped: Option<Unusable>,
    /// Whether the copying user was made admin of the copy.
    pub admin_granted: bool,
    pub local_path: Option<String>,
}

/// The type of a copyable object, from a singular or plural name.
pub fn copy_type(name: &str) -> Result<&'static resources::ResourceType> {
    match types::find(name) {
        Some(rt) if TYPES.contains(&rt.singular) => Ok(rt),
        _ => Err(Error::usage(format!("cannot copy {name:?}: TYPE must be one of {}", TYPES.join(", ")))),
    }
}

/// The permission error for a refused copy (exit 77, AWX's message, the missing role below).
pub fn refusal(d: access::Denial) -> Error {
    Error::permission(d.message).detail(d.detail)
}

/// Copy object `id` of `rt` (named `original`) as `new_name`, acting as `access`. The caller
/// runs this in one write transaction.
pub fn copy(
    tx: &mut Tx<'_>,
    secrets: &Secrets,
    access: &mut Access,
    rt: &'static resources::ResourceType,
    id: i64,
    original: &str,
    new_name: &str,
) -> Result<Outcome> {
    let kind = rt.singular;
    if let Some(d) = access::check(tx, access, kind, id, original)? {
        return Err(refusal(d));
    }
    naming::validate(new_name, original).map_err(Error::data)?;
    if resources::id_by_name(tx, rt, new_name)?.is_some() {
        return Err(Error::data(format!("a {} named {new_name:?} already exists; choose another --name", kind.replace('_', " "))));
    }
    let now = crate::time::now_str();
    let mut copied = Map::new();
    let mut count = |k: &str, n: u64| {
        copied.insert(k.to_string(), Json::from(n));
    };
    let mut dropped = None;
    let mut local_path = None;
    let new_id = match kind {
        "inventory" => {
            let new = copy_row(tx, "inventory", INVENTORY_COLUMNS, id, new_name, &now)?;
            let (h, g, gh, gc) = copy_inventory_contents(tx, id, new, &now)?;
            crate::inventory::counts::refresh(tx, new)?;
            // New hosts (or a new smart inventory): memberships follow in this transaction.
            crate::inventory::smart::rebuild(tx, None)?;
            count("hosts", h);
            count("groups", g);
            count("group_hosts", gh);
            count("group_children", gc);
            count("instance_groups", copy_links(tx, "inventory_instance_group", "inventory_id", "instance_group_id, position", id, new)?);
            new
        }
        "job_template" => {
            let new = copy_row(tx, "job_template", JOB_TEMPLATE_COLUMNS, id, new_name, &now)?;
            count("credentials", copy_links(tx, "job_template_credential", "job_template_id", "credential_id, position", id, new)?);
            count("labels", copy_links(tx, "job_template_label", "job_template_id", "label_id", id, new)?);
            count(
                "instance_groups",
                copy_links(tx, "job_template_instance_group", "job_template_id", "instance_group_id, position", id, new)?,
            );
            new
        }
        "project" => {
            let new = copy_row(tx, "project", PROJECT_COLUMNS, id, new_name, &now)?;
            let r = tx.query_one("SELECT scm_type, local_path FROM project WHERE id = $1", crate::params![id])?;
            let path = new_local_path(&r.col::<String>("scm_type")?, &r.col::<String>("local_path")?, new, new_name);
            tx.execute("UPDATE project SET local_path = $1 WHERE id = $2", crate::params![path.as_str(), new])?;
            local_path = Some(path);
            new
        }
        "credential" => {
            let r = tx.query_one("SELECT description, organization_id, kind, inputs FROM credential WHERE id = $1", crate::params![id])?;
            let (inputs, n) = reencrypt(secrets, &r.col::<String>("inputs")?)?;
            count("secrets_reencrypted", n);
            tx.insert(
                "INSERT INTO credential (name, description, organization_id, kind, inputs, created, modified)
                 VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                crate::params![
                    new_name,
                    r.col_value("description")?,
                    r.col_value("organization_id")?,
                    r.col_value("kind")?,
                    inputs,
                    now.as_str()
                ],
            )?
        }
        "notification_template" => {
            let r = tx.query_one(
                "SELECT description, organization_id, notification_type, notification_configuration, messages
                 FROM notification_template WHERE id = $1",
                crate::params![id],
            )?;
            let (config, n) = reencrypt(secrets, &r.col::<String>("notification_configuration")?)?;
            count("secrets_reencrypted", n);
            tx.insert(
                "INSERT INTO notification_template (name, description, organization_id, notification_type, notification_configuration,
                    messages, created, modified) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                crate::params![
                    new_name,
                    r.col_value("description")?,
                    r.col_value("organization_id")?,
                    r.col_value("notification_type")?,
                    config,
                    r.col_value("messages")?,
                    now.as_str()
                ],
            )?
        }
        "workflow_job_template" => {
            let unusable = access::workflow_unusable(tx, access, id)?;
            let new = copy_row(tx, "workflow_job_template", WORKFLOW_COLUMNS, id, new_name, &now)?;
            count("labels", copy_links(tx, "workflow_job_template_label", "workflow_job_template_id", "label_id", id, new)?);
            let counts = copy_workflow_nodes(tx, id, new, &now)?;
            let removed = prune_nodes(tx, new, &unusable)?;
            for (k, n) in counts {
                count(k, if k == "node_credentials" { n.saturating_sub(removed) } else { n });
            }
            dropped = Some(unusable);
            new
        }
        other => return Err(Error::internal(format!("no copy rule for {other}"))),
    };
    let mut admin_granted = false;
    if let Some(user) = access.user()
        && roles::ROLES.iter().any(|(t, r)| *t == kind && r.contains(&"admin"))
    {
        roles::grant_user(tx, user.id, kind, new_id, "admin")?;
        admin_granted = true;
    }
    Ok(Outcome { id: new_id, name: new_name.to_string(), copied, dropped, admin_granted, local_path })
}

/// Copy one row with `INSERT … SELECT`, giving it a new name and fresh stamps. Returns its id.
fn copy_row(tx: &mut Tx<'_>, table: &str, columns: &[&str], id: i64, name: &str, now: &str) -> Result<i64> {
    let cols = columns.join(", ");
    tx.insert(
        &format!(
            "INSERT INTO {table} (name, created, modified, {cols})
             SELECT CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($2 AS TEXT), {cols} FROM {table} WHERE id = $3 RETURNING id"
        ),
        crate::params![name, now, id],
    )
}

/// Copy the link rows of `old` to `new` (the linked objects are shared, not duplicated).
fn copy_links(tx: &mut Tx<'_>, table: &str, owner: &str, columns: &str, old: i64, new: i64) -> Result<u64> {
    tx.execute(
        &format!("INSERT INTO {table} ({owner}, {columns}) SELECT CAST($1 AS BIGINT), {columns} FROM {table} WHERE {owner} = $2"),
        crate::params![new, old],
    )
}

/// Hosts, groups, memberships and nesting of inventory `old` into `new`; returns the counts.
fn copy_inventory_contents(tx: &mut Tx<'_>, old: i64, new: i64, now: &str) -> Result<(u64, u64, u64, u64)> {
    // In name order, so that the new rows are appended to every index (the name index leads).
    let mut sub = |table: &str, columns: &[&str]| -> Result<u64> {
        let cols = columns.join(", ");
        tx.execute(
            &format!(
                "INSERT INTO {table} (inventory_id, created, modified, {cols})
                 SELECT CAST($1 AS BIGINT), CAST($2 AS TEXT), CAST($2 AS TEXT), {cols} FROM {table} WHERE inventory_id = $3 ORDER BY name"
            ),
            crate::params![new, now, old],
        )
    };
    let hosts = sub("host", HOST_COLUMNS)?;
    let groups = sub("inv_group", GROUP_COLUMNS)?;
    // Old id → new id of every host and group, by joining on the name (unique within an
    // inventory) once per row; the memberships and nesting are then rebuilt through these
    // integer maps rather than by matching names once per membership.
    // (A covering index rather than a primary key: one B-tree search per lookup on SQLite.)
    tx.batch(
        "CREATE TEMP TABLE awxm_copy_host (old_id BIGINT NOT NULL, new_id BIGINT NOT NULL);
         CREATE TEMP TABLE awxm_copy_group (old_id BIGINT NOT NULL, new_id BIGINT NOT NULL)",
    )?;
    for (map, table) in [("awxm_copy_host", "host"), ("awxm_copy_group", "inv_group")] {
        tx.execute(&format!("CREATE INDEX {map}_old ON {map} (old_id, new_id)"), &[])?;
        tx.execute(
            &format!(
                "INSERT INTO {map} (old_id, new_id)
                 SELECT o.id, n.id FROM {table} o JOIN {table} n ON n.inventory_id = $1 AND n.name = o.name WHERE o.inventory_id = $2"
            ),
            crate::params![new, old],
        )?;
    }
    // Driven from the (small) group map, so that only this inventory's memberships are read;
    // CROSS JOIN keeps that order on SQLite, whose planner has no statistics for temp tables.
    let memberships = tx.execute(
        "INSERT INTO group_host (group_id, host_id)
         SELECT g.new_id, h.new_id FROM awxm_copy_group g CROSS JOIN group_host gh CROSS JOIN awxm_copy_host h
         WHERE gh.group_id = g.old_id AND h.old_id = gh.host_id",
        &[],
    )?;
    let nesting = tx.execute(
        "INSERT INTO group_child (parent_id, child_id)
         SELECT p.new_id, c.new_id FROM awxm_copy_group p CROSS JOIN group_child gc CROSS JOIN awxm_copy_group c
         WHERE gc.parent_id = p.old_id AND c.old_id = gc.child_id",
        &[],
    )?;
    tx.batch("DROP TABLE awxm_copy_host; DROP TABLE awxm_copy_group")?;
    Ok((hosts, groups, memberships, nesting))
}

/// Nodes of workflow `old` into `new`, with their credentials, edges and a fresh copy of each
/// approval template. Returns the counts.
fn copy_workflow_nodes(tx: &mut Tx<'_>, old: i64, new: i64, now: &str) -> Result<Vec<(&'static str, u64)>> {
    let cols = NODE_COLUMNS.join(", ");
    let nodes = tx.execute(
        &format!(
            "INSERT INTO workflow_job_template_node (workflow_job_template_id, created, modified, {cols})
             SELECT CAST($1 AS BIGINT), CAST($2 AS TEXT), CAST($2 AS TEXT), {cols} FROM workflow_job_template_node
             WHERE workflow_job_template_id = $3 ORDER BY id"
        ),
        crate::params![new, now, old],
    )?;
    // A node running the workflow itself runs the copy (AWX maps references to the old parent).
    tx.execute(
        "UPDATE workflow_job_template_node SET workflow_template_id = $1 WHERE workflow_job_template_id = $1 AND workflow_template_id = $2",
        crate::params![new, old],
    )?;
    // Approval templates: one new template per approval node, in one statement. Each new row
    // carries a tag naming its node in `created` until it is linked, then gets its real stamp.
    let tag = format!("deep-copy:{}:", uuid::Uuid::new_v4().simple());
    let approvals = tx.execute(
        "INSERT INTO workflow_approval_template (name, description, timeout, created, modified)
         SELECT a.name || CAST($1 AS TEXT), a.description, a.timeout, CAST($2 AS TEXT) || CAST(n.id AS TEXT), CAST($3 AS TEXT)
         FROM workflow_job_template_node n JOIN workflow_approval_template a ON a.id = n.approval_template_id
         WHERE n.workflow_job_template_id = $4",
        crate::params![naming::SUB_OBJECT_SUFFIX, tag.as_str(), now, new],
    )?;
    if approvals > 0 {
        tx.execute(
            "UPDATE workflow_job_template_node SET approval_template_id =
               (SELECT a.id FROM workflow_approval_template a WHERE a.created = CAST($1 AS TEXT) || CAST(workflow_job_template_node.id AS TEXT))
             WHERE workflow_job_template_id = $2 AND approval_template_id IS NOT NULL",
            crate::params![tag.as_str(), new],
        )?;
        tx.execute(
            "UPDATE workflow_approval_template SET created = $1 WHERE id IN
               (SELECT approval_template_id FROM workflow_job_template_node WHERE workflow_job_template_id = $2 AND approval_template_id IS NOT NULL)",
            crate::params![now, new],
        )?;
    }
    let credentials = tx.execute(
        "INSERT INTO workflow_node_credential (node_id, credential_id)
         SELECT nn.id, x.credential_id FROM workflow_node_credential x
           JOIN workflow_job_template_node o ON o.id = x.node_id
           JOIN workflow_job_template_node nn ON nn.workflow_job_template_id = $1 AND nn.identifier = o.identifier
         WHERE o.workflow_job_template_id = $2",
        crate::params![new, old],
    )?;
    let edges = tx.execute(
        "INSERT INTO workflow_node_edge (from_node_id, to_node_id, kind)
         SELECT n1.id, n2.id, e.kind FROM workflow_node_edge e
           JOIN workflow_job_template_node o1 ON o1.id = e.from_node_id
           JOIN workflow_job_template_node o2 ON o2.id = e.to_node_id
           JOIN workflow_job_template_node n1 ON n1.workflow_job_template_id = $1 AND n1.identifier = o1.identifier
           JOIN workflow_job_template_node n2 ON n2.workflow_job_template_id = $1 AND n2.identifier = o2.identifier
         WHERE o1.workflow_job_template_id = $2",
        crate::params![new, old],
    )?;
    Ok(vec![("nodes", nodes), ("edges", edges), ("node_credentials", credentials), ("approval_templates", approvals)])
}

/// `$first, $first+1, …` placeholders for `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Blank the unusable references in the nodes of the copy `wf` (AWX's
/// `deep_copy_permission_check_func`). Returns the number of node credentials removed.
fn prune_nodes(tx: &mut Tx<'_>, wf: i64, u: &Unusable) -> Result<u64> {
    let mut blank = |col: &str, ids: &[i64]| -> Result<u64> {
        if ids.is_empty() {
            return Ok(0);
        }
        let mut params = vec![Value::Int(wf)];
        params.extend(ids.iter().map(|i| Value::Int(*i)));
        tx.execute(
            &format!(
                "UPDATE workflow_job_template_node SET {col} = NULL WHERE workflow_job_template_id = $1 AND {col} IN ({})",
                placeholders(2, ids.len())
            ),
            &params,
        )
    };
    blank("inventory_id", &u.inventory_ids)?;
    for (col, _) in access::NODE_TEMPLATE_COLUMNS {
        let ids: Vec<i64> = u.template_ids.iter().filter(|(c, _)| c == col).map(|(_, i)| *i).collect();
        blank(col, &ids)?;
    }
    if u.credential_ids.is_empty() {
        return Ok(0);
    }
    let mut params = vec![Value::Int(wf)];
    params.extend(u.credential_ids.iter().map(|i| Value::Int(*i)));
    tx.execute(
        &format!(
            "DELETE FROM workflow_node_credential WHERE credential_id IN ({})
               AND node_id IN (SELECT id FROM workflow_job_template_node WHERE workflow_job_template_id = $1)",
            placeholders(2, u.credential_ids.len())
        ),
        &params,
    )
}

/// Decrypt every secret of a stored inputs/configuration mapping and encrypt it again (fresh
/// nonces), as AWX's copy decrypts the create dict and the save re-encrypts. Returns the new
/// text and the number of secrets.
pub fn reencrypt(secrets: &Secrets, stored: &str) -> Result<(String, u64)> {
    let doc: Json = serde_json::from_str(stored).map_err(|e| Error::data(format!("stored secret mapping is not JSON: {e}")))?;
    let Json::Object(map) = doc else { return Ok((stored.to_string(), 0)) };
    let mut out = Map::new();
    let mut n = 0;
    for (k, v) in map {
        match v {
            Json::String(s) if types::is_secret_key(&k) => {
                let plain = secrets.decrypt(&s, &k)?;
                out.insert(k.clone(), Json::String(secrets.encrypt(&plain, &k)?));
                n += 1;
            }
            other => {
                out.insert(k, other);
            }
        }
    }
    Ok((Json::Object(out).to_string(), n))
}

/// AWX's `slugify(name).replace('-', '_')`: lower case, only letters, digits and `_`, runs of
/// spaces and dashes made one `_`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut pending_sep = false;
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' {
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            out.push(c);
        } else if c.is_whitespace() || c == '-' {
            pending_sep = true;
        }
    }
    out
}

/// The local path of a copied project. An SCM project gets its own checkout directory, named
/// as AWX names them (`_<id>__<slug of name>`) beside the original's, so that updating or
/// deleting one never touches the other; empty stays empty (the project update chooses).
/// A manual project's path is the operator's playbook directory, not a checkout: the copy
/// uses the same directory (AWX's API leaves it empty, which makes the copy unusable, and its
/// UI refuses to copy manual projects for that reason).
pub fn new_local_path(scm_type: &str, original: &str, new_id: i64, new_name: &str) -> String {
    if scm_type == "manual" || scm_type.is_empty() || original.is_empty() {
        return original.to_string();
    }
    let dir = format!("_{new_id}__{}", slug(new_name));
    match std::path::Path::new(original).parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(dir).to_string_lossy().into_owned(),
        _ => dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_awx() {
        assert_eq!(slug("web @ 3:07:09 PM"), "web_30709_pm");
        assert_eq!(slug("My-Project  copy"), "my_project_copy");
        assert_eq!(slug("  x "), "x");
    }

    #[test]
    fn local_paths() {
        assert_eq!(new_local_path("git", "/var/lib/awxm/projects/_3__demo", 7, "demo 2"), "/var/lib/awxm/projects/_7__demo_2");
        assert_eq!(new_local_path("git", "_3__demo", 7, "d"), "_7__d");
        assert_eq!(new_local_path("git", "", 7, "d"), "");
        assert_eq!(new_local_path("manual", "/srv/playbooks/demo", 7, "d"), "/srv/playbooks/demo");
    }

    #[test]
    fn reencryption_keeps_values_and_changes_ciphertexts() {
        let dir = tempfile::tempdir().unwrap();
        let s = Secrets::new(dir.path().join("k"));
        let stored = serde_json::json!({"username": "u", "password": s.encrypt("pw", "password").unwrap(), "port": 22}).to_string();
        let (out, n) = reencrypt(&s, &stored).unwrap();
        assert_eq!(n, 1);
        let a: Json = serde_json::from_str(&stored).unwrap();
        let b: Json = serde_json::from_str(&out).unwrap();
        assert_eq!(b["username"], "u");
        assert_eq!(b["port"], 22);
        assert_ne!(a["password"], b["password"]);
        assert_eq!(s.decrypt(b["password"].as_str().unwrap(), "password").unwrap(), "pw");
    }

    /// Every column of a copied table is either copied or deliberately left out, so a column
    /// added by a later migration cannot be forgotten silently.
    #[test]
    fn every_column_is_decided() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let mut db = crate::db::Db::connect(&url, crate::db::DbOptions::default()).unwrap();
        let stamps = ["id", "name", "created", "modified"];
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("job_template", JOB_TEMPLATE_COLUMNS, &["status", "current_job_id", "last_job_id", "last_job_run", "last_job_failed"]),
            (
                "inventory",
                INVENTORY_COLUMNS,
                &[
                    "total_hosts",
                    "hosts_with_active_failures",
                    "total_groups",
                    "has_active_failures",
                    "total_inventory_sources",
                    "inventory_sources_with_failures",
                    "has_inventory_sources",
                    "pending_deletion",
                ],
            ),
            (
                "project",
                PROJECT_COLUMNS,
                &["local_path", "scm_revision", "status", "last_job_id", "last_job_run", "last_job_failed", "last_update_id"],
            ),
            ("workflow_job_template", WORKFLOW_COLUMNS, &["status", "last_job_id", "last_job_run", "last_job_failed"]),
            (
                "host",
                HOST_COLUMNS,
                &[
                    "inventory_id",
                    "last_job_id",
                    "last_job_host_summary_id",
                    "has_active_failures",
                    "ansible_facts",
                    "ansible_facts_modified",
                ],
            ),
            ("inv_group", GROUP_COLUMNS, &["inventory_id"]),
            ("workflow_job_template_node", NODE_COLUMNS, &["workflow_job_template_id"]),
            ("credential", &["description", "organization_id", "kind", "inputs"], &[]),
            (
                "notification_template",
                &["description", "organization_id", "notification_type", "notification_configuration", "messages"],
                &[],
            ),
        ];
        db.read(|tx| {
            for (table, copied, left) in cases {
                let rows = tx.query(&format!("SELECT name FROM pragma_table_info('{table}')"), &[])?;
                for r in rows {
                    let c: String = r.col("name")?;
                    assert!(
                        stamps.contains(&c.as_str()) || copied.contains(&c.as_str()) || left.contains(&c.as_str()),
                        "column {table}.{c} is neither copied nor left out deliberately"
                    );
                }
            }
            Ok(())
        })
        .unwrap();
    }
}
