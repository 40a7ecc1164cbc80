//! Role assignments: a user or a team holds a role on one object (AWX's RBAC, flattened).
//!
//! Resource-file shape (`roles:`): `{user: alice, role: use, credential: deploy-key}` or
//! `{team: ops, role: admin, organization: Ops}`; `state: absent` revokes. How roles imply each
//! other (admin ⊇ execute ⊇ read, organization admin ⊇ everything in it, …) is decided by the
//! commands that check permissions; this module only stores the assignments.

use serde_json::{Map, Value as Json};

use super::{Action, Item, id_by_name, types};
use crate::db::Tx;
use crate::error::{Error, Result};

/// Roles that may be held on each object type.
pub const ROLES: &[(&str, &[&str])] = &[
    (
        "organization",
        &[
            "admin",
            "member",
            "read",
            "auditor",
            "execute",
            "project_admin",
            "inventory_admin",
            "credential_admin",
            "workflow_admin",
            "notification_admin",
            "job_template_admin",
            "approval",
        ],
    ),
    ("team", &["admin", "member", "read"]),
    ("credential", &["admin", "use", "read"]),
    ("project", &["admin", "use", "update", "read"]),
    ("inventory", &["admin", "use", "update", "adhoc", "read"]),
    ("job_template", &["admin", "execute", "read"]),
    ("workflow_job_template", &["admin", "execute", "approval", "read"]),
    ("instance_group", &["admin", "use", "read"]),
];

fn object_keys() -> Vec<&'static str> {
    ROLES.iter().map(|(t, _)| *t).collect()
}

/// Apply one `roles:` entry.
pub fn apply(tx: &mut Tx<'_>, item: &Item<'_>) -> Result<(String, Action)> {
    let mut allowed = vec!["user", "team", "role", "state"];
    allowed.extend(object_keys());
    for k in item.data.keys() {
        if !allowed.contains(&k.as_str()) {
            return Err(item.err(&[k], format!("unknown field (expected one of: {})", allowed.join(", "))));
        }
    }
    let s = |k: &str| -> Result<Option<String>> {
        match item.data.get(k) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(item.err(&[k], "must be a string")),
        }
    };
    // The principal is the user when one is named, else the team; a `team` key next to a
    // `user` names the object (a role on a team).
    let (principal_key, principal_col, principal_id, principal) = match (s("user")?, s("team")?) {
        (Some(u), _) => {
            let id = id_by_name(tx, &types::USER, &u)?.ok_or_else(|| item.err(&["user"], format!("no user named {u:?}")))?;
            ("user", "user_id", id, format!("user {u}"))
        }
        (None, Some(t)) => {
            let id = id_by_name(tx, &types::TEAM, &t)?.ok_or_else(|| item.err(&["team"], format!("no team named {t:?}")))?;
            ("team", "team_id", id, format!("team {t}"))
        }
        _ => return Err(item.err(&[], "needs a user or a team")),
    };
    let present: Vec<&str> = object_keys().into_iter().filter(|k| *k != principal_key && item.data.contains_key(*k)).collect();
    let [otype] = present.as_slice() else {
        return Err(item.err(&[], format!("needs exactly one object: one of {}", object_keys().join(", "))));
    };
    let oname = s(otype)?.ok_or_else(|| item.err(&[otype], "must name an object"))?;
    let rt = types::find(otype).ok_or_else(|| Error::internal("role object type"))?;
    let oid = id_by_name(tx, rt, &oname)?.ok_or_else(|| item.err(&[otype], format!("no {} named {oname:?}", otype.replace('_', " "))))?;
    let role = s("role")?.ok_or_else(|| item.err(&[], "missing required field \"role\""))?;
    let valid = ROLES.iter().find(|(t, _)| t == otype).map(|(_, r)| *r).unwrap_or(&[]);
    if !valid.contains(&role.as_str()) {
        return Err(item.err(&["role"], format!("a {} role must be one of: {}", otype.replace('_', " "), valid.join(", "))));
    }
    let absent = match s("state")?.as_deref() {
        None | Some("present") => false,
        Some("absent") => true,
        Some(_) => return Err(item.err(&["state"], "must be present or absent")),
    };
    let label = format!("{principal} {role} on {otype} {oname}");
    let existing: Option<i64> = tx.scalar_opt(
        &format!("SELECT id FROM role_assignment WHERE {principal_col} = $1 AND object_type = $2 AND object_id = $3 AND role = $4"),
        crate::params![principal_id, *otype, oid, role.as_str()],
    )?;
    match (existing, absent) {
        (Some(_), false) | (None, true) => Ok((label, Action::Unchanged)),
        (None, false) => {
            tx.execute(
                &format!(
                    "INSERT INTO role_assignment ({principal_col}, object_type, object_id, role, created) VALUES ($1, $2, $3, $4, $5)"
                ),
                crate::params![principal_id, *otype, oid, role.as_str(), crate::time::now_str()],
            )?;
            Ok((label, Action::Created))
        }
        (Some(id), true) => {
            tx.execute("DELETE FROM role_assignment WHERE id = $1", crate::params![id])?;
            Ok((label, Action::Removed))
        }
    }
}

/// Grant `role` on an object to a user (idempotent).
pub fn grant_user(tx: &mut Tx<'_>, user_id: i64, object_type: &str, object_id: i64, role: &str) -> Result<()> {
    let have: Option<i64> = tx.scalar_opt(
        "SELECT id FROM role_assignment WHERE user_id = $1 AND object_type = $2 AND object_id = $3 AND role = $4",
        crate::params![user_id, object_type, object_id, role],
    )?;
    if have.is_none() {
        tx.execute(
            "INSERT INTO role_assignment (user_id, object_type, object_id, role, created) VALUES ($1, $2, $3, $4, $5)",
            crate::params![user_id, object_type, object_id, role, crate::time::now_str()],
        )?;
    }
    Ok(())
}

/// Remove the assignments on a deleted object.
pub fn forget_object(tx: &mut Tx<'_>, object_type: &str, id: i64) -> Result<()> {
    tx.execute("DELETE FROM role_assignment WHERE object_type = $1 AND object_id = $2", crate::params![object_type, id])?;
    Ok(())
}

/// Every assignment, in the resource-file shape, in a stable order.
pub fn export(tx: &mut Tx<'_>) -> Result<Vec<Json>> {
    let rows = tx.query(
        "SELECT u.username AS username, t.name AS team_name, r.object_type, r.object_id, r.role FROM role_assignment r
         LEFT JOIN auth_user u ON u.id = r.user_id LEFT JOIN team t ON t.id = r.team_id
         ORDER BY r.object_type, r.object_id, r.role, u.username, t.name",
        &[],
    )?;
    let mut names = super::Names::default();
    let mut out = Vec::new();
    for r in rows {
        let mut m = Map::new();
        if let Some(u) = r.col::<Option<String>>("username")? {
            m.insert("user".into(), Json::String(u));
        }
        if let Some(t) = r.col::<Option<String>>("team_name")? {
            m.insert("team".into(), Json::String(t));
        }
        m.insert("role".into(), Json::String(r.col("role")?));
        let otype: String = r.col("object_type")?;
        let Some(key) = object_keys().into_iter().find(|k| *k == otype) else { continue };
        m.insert(otype.clone(), Json::String(names.get(tx, key, r.col("object_id")?)?));
        out.push(Json::Object(m));
    }
    Ok(out)
}
