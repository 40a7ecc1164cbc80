//! Sub-objects of resources: inventory hosts and groups (with memberships and nesting), team
//! members, job template links, instance group members, workflow nodes and their edges.
//!
//! Lists given in a file are declarative: when a list key is present, the set becomes exactly
//! that list; when it is absent, the stored set is left alone. Nothing is written when the
//! stored set already matches, so re-applying an exported file changes no row.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde_json::{Map, Value as Json};

use super::{Item, Names, ResourceType, id_by_name, parse_vars, types};
use crate::crypto::Secrets;
use crate::db::{FromRow, Row, Tx, Value};
use crate::error::{Error, Result};

/// AWX: an inventory's kind is chosen when it is created (HTTP 405 there); exit 65 here,
/// before anything is written.
pub fn check_inventory_kind(tx: &mut Tx<'_>, item: &Item<'_>, name: &str) -> Result<()> {
    let Some(old) = tx.scalar_opt::<String>("SELECT kind FROM inventory WHERE name = $1", crate::params![name])? else { return Ok(()) };
    let new = item.get("kind").and_then(Json::as_str).unwrap_or("");
    if old == new {
        return Ok(());
    }
    let msg = if old.is_empty() {
        format!("You cannot turn a regular inventory into a {new:?} inventory.")
    } else {
        format!(
            "You cannot turn a {old:?} inventory into a {}.",
            if new.is_empty() { "regular inventory".to_string() } else { format!("{new:?} one") }
        )
    };
    Err(item.err(&["kind"], msg))
}

/// AWX's rules for a smart inventory: it needs a `host_filter` that parses (exit 65 with the
/// file:line and the position in the filter) and owns no hosts or groups.
fn check_smart(tx: &mut Tx<'_>, item: &Item<'_>, id: i64) -> Result<()> {
    let row = tx.query_one("SELECT kind, host_filter FROM inventory WHERE id = $1", crate::params![id])?;
    let (kind, filter): (String, String) = (row.col("kind")?, row.col("host_filter")?);
    if kind != "smart" {
        return Ok(());
    }
    if filter.trim().is_empty() {
        return Err(item.err(&["host_filter"], "Smart inventories must specify host_filter"));
    }
    if let Err(e) = crate::inventory::smart::parse(&filter) {
        return Err(crate::inventory::smart::with_pointer(item.err(&["host_filter"], &e), &filter, e.pos));
    }
    for (key, what) in [("hosts", "Host"), ("groups", "Group")] {
        if item
            .get(key)
            .is_some_and(|v| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()) && v.as_object().is_none_or(|m| !m.is_empty()))
        {
            return Err(item.err(&[key], format!("Cannot create {what} for Smart or Constructed Inventories")));
        }
    }
    Ok(())
}

/// Apply the sub-object keys of `item` to object `id`. Returns whether anything changed.
pub fn apply(tx: &mut Tx<'_>, _secrets: &Secrets, rt: &ResourceType, id: i64, item: &Item<'_>) -> Result<bool> {
    let mut changed = false;
    match rt.singular {
        "inventory" => {
            check_smart(tx, item, id)?;
            changed |= apply_hosts(tx, item, id)?;
            changed |= apply_groups(tx, item, id)?;
            if changed {
                crate::inventory::counts::refresh(tx, id)?;
            }
        }
        "team" => {
            if let Some(ids) = ref_list(tx, item, "members", &types::USER)? {
                changed |= sync_links(tx, "team_member", "team_id", id, "user_id", &ids, None, None)?;
            }
        }
        "job_template" | "workflow_job_template" => {
            let jt = rt.singular == "job_template";
            if jt {
                // A template without an organization takes its project's, as AWX does (before the
                // labels, which belong to the template's organization).
                let n = tx.execute(
                    "UPDATE job_template SET organization_id = (SELECT organization_id FROM project WHERE project.id = job_template.project_id)
                     WHERE id = $1 AND organization_id IS NULL AND project_id IS NOT NULL
                       AND (SELECT organization_id FROM project WHERE project.id = job_template.project_id) IS NOT NULL",
                    crate::params![id],
                )?;
                changed |= n > 0;
            }
            if jt {
                if let Some(ids) = ref_list(tx, item, "credentials", &types::CREDENTIAL)? {
                    changed |=
                        sync_links(tx, "job_template_credential", "job_template_id", id, "credential_id", &ids, Some("position"), None)?;
                }
                if let Some(ids) = ref_list(tx, item, "instance_groups", &types::INSTANCE_GROUP)? {
                    changed |= sync_links(
                        tx,
                        "job_template_instance_group",
                        "job_template_id",
                        id,
                        "instance_group_id",
                        &ids,
                        Some("position"),
                        None,
                    )?;
                }
            }
            if let Some(names) = string_list(item, "labels")? {
                let org: Option<i64> = tx.scalar(&format!("SELECT organization_id FROM {} WHERE id = $1", rt.table), crate::params![id])?;
                let mut ids = Vec::new();
                for (name, _) in names {
                    ids.push(label_id(tx, &name, org)?);
                }
                let (table, owner) = if jt {
                    ("job_template_label", "job_template_id")
                } else {
                    ("workflow_job_template_label", "workflow_job_template_id")
                };
                changed |= sync_links(tx, table, owner, id, "label_id", &ids, None, None)?;
            }
            let events: &[&str] = if jt { &["started", "success", "error"] } else { &["started", "success", "error", "approvals"] };
            for &event in events {
                let key = format!("notification_templates_{event}");
                if let Some(ids) = ref_list(tx, item, &key, &types::NOTIFICATION_TEMPLATE)? {
                    let (table, owner) = if jt {
                        ("job_template_notification", "job_template_id")
                    } else {
                        ("workflow_job_template_notification", "workflow_job_template_id")
                    };
                    changed |= sync_links(tx, table, owner, id, "notification_template_id", &ids, None, Some(("event", event)))?;
                }
            }
            if !jt {
                changed |= apply_nodes(tx, item, id)?;
            }
        }
        "instance_group" => {
            if let Some(ids) = ref_list(tx, item, "instances", &types::INSTANCE)? {
                changed |= sync_links(tx, "instance_group_instance", "instance_group_id", id, "instance_id", &ids, None, None)?;
            }
            if let Some(v) = item.data.get("controller") {
                let want = match v {
                    Json::Null => None,
                    Json::String(name) => match id_by_name(tx, &types::INSTANCE_GROUP, name)? {
                        Some(cid) if cid == id => return Err(item.err(&["controller"], "an instance group cannot control itself")),
                        Some(cid) => Some(cid),
                        None => return Err(item.err(&["controller"], format!("no instance group named {name:?}"))),
                    },
                    _ => return Err(item.err(&["controller"], "must be the name of an instance group")),
                };
                let have: Option<i64> = tx.scalar("SELECT controller_id FROM instance_group WHERE id = $1", crate::params![id])?;
                if have != want {
                    tx.execute(
                        "UPDATE instance_group SET controller_id = $1, modified = $2 WHERE id = $3",
                        crate::params![want, crate::time::now_str(), id],
                    )?;
                    changed = true;
                }
            }
        }
        _ => {}
    }
    Ok(changed)
}

/// The ordered instance group links of an inventory or an organization (AWX's
/// `instance_groups`, tried in this order after a template's own): link table and owner column.
fn instance_group_links(rt: &ResourceType) -> Option<(&'static str, &'static str)> {
    match rt.singular {
        "inventory" => Some(("inventory_instance_group", "inventory_id")),
        "organization" => Some(("organization_instance_group", "organization_id")),
        _ => None,
    }
}

/// Apply the sub-object keys that name objects of a type later in `types::ALL` than `rt`
/// (an inventory's or organization's `instance_groups`): the caller runs this for every item
/// after every type's own rows and sub-objects exist, so one file may define an instance group
/// and reference it. Returns whether anything changed.
pub fn apply_late(tx: &mut Tx<'_>, rt: &ResourceType, id: i64, item: &Item<'_>) -> Result<bool> {
    let mut changed = false;
    if let Some((table, owner)) = instance_group_links(rt)
        && let Some(ids) = ref_list(tx, item, "instance_groups", &types::INSTANCE_GROUP)?
    {
        changed |= sync_links(tx, table, owner, id, "instance_group_id", &ids, Some("position"), None)?;
    }
    if let Some((table, owner, events)) = notification_links(rt) {
        for event in events {
            let key = format!("notification_templates_{event}");
            if let Some(ids) = ref_list(tx, item, &key, &types::NOTIFICATION_TEMPLATE)? {
                changed |= sync_links(tx, table, owner, id, "notification_template_id", &ids, None, Some(("event", event)))?;
            }
        }
    }
    Ok(changed)
}

/// Where the notification templates of an organization, project, inventory source or system
/// job template are linked (table, owner column, events). Job and workflow templates keep
/// theirs with their other links (`apply`).
pub fn notification_links(rt: &ResourceType) -> Option<(&'static str, &'static str, &'static [&'static str])> {
    const EVENTS: &[&str] = &["started", "success", "error"];
    match rt.singular {
        "organization" => Some(("organization_notification", "organization_id", &["started", "success", "error", "approvals"])),
        "project" => Some(("project_notification", "project_id", EVENTS)),
        "inventory_source" => Some(("inventory_source_notification", "inventory_source_id", EVENTS)),
        "system_job_template" => Some(("system_job_template_notification", "system_job_template_id", EVENTS)),
        _ => None,
    }
}

/// A list of names given under `key` (absent → None).
fn string_list(item: &Item<'_>, key: &str) -> Result<Option<Vec<(String, usize)>>> {
    let Some(v) = item.data.get(key) else { return Ok(None) };
    let list = match v {
        Json::Null => return Ok(Some(Vec::new())),
        Json::Array(a) => a,
        _ => return Err(item.err(&[key], "must be a list of names")),
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, x) in list.iter().enumerate() {
        let name = match x {
            Json::String(s) => s.clone(),
            Json::Number(n) => n.to_string(),
            _ => return Err(item.err(&[key, &i.to_string()], "must be a name")),
        };
        if !seen.insert(name.clone()) {
            return Err(item.err(&[key, &i.to_string()], format!("{name:?} is listed twice")));
        }
        out.push((name, i));
    }
    Ok(Some(out))
}

/// Names under `key` resolved to ids of `rt`, in order.
fn ref_list(tx: &mut Tx<'_>, item: &Item<'_>, key: &str, rt: &ResourceType) -> Result<Option<Vec<i64>>> {
    let Some(names) = string_list(item, key)? else { return Ok(None) };
    let mut ids = Vec::with_capacity(names.len());
    for (name, i) in names {
        match id_by_name(tx, rt, &name)? {
            Some(id) => ids.push(id),
            None => return Err(item.err(&[key, &i.to_string()], format!("no {} named {name:?}", rt.singular.replace('_', " ")))),
        }
    }
    Ok(Some(ids))
}

fn label_id(tx: &mut Tx<'_>, name: &str, org: Option<i64>) -> Result<i64> {
    let found: Option<i64> = tx.scalar_opt(
        "SELECT id FROM label WHERE name = $1 AND (organization_id = $2 OR (organization_id IS NULL AND $3))",
        crate::params![name, org, org.is_none()],
    )?;
    if let Some(id) = found {
        return Ok(id);
    }
    let now = crate::time::now_str();
    tx.insert(
        "INSERT INTO label (name, organization_id, created, modified) VALUES ($1, $2, $3, $3) RETURNING id",
        crate::params![name, org, now],
    )
}

/// Make the link table rows of `owner` exactly `targets` (in order when `position` is given).
#[allow(clippy::too_many_arguments)]
pub fn sync_links(
    tx: &mut Tx<'_>,
    table: &str,
    owner_col: &str,
    owner: i64,
    target_col: &str,
    targets: &[i64],
    position: Option<&str>,
    extra: Option<(&str, &str)>,
) -> Result<bool> {
    let (extra_where, mut params): (String, Vec<Value>) = match extra {
        Some((c, v)) => (format!(" AND {c} = $2"), vec![Value::Int(owner), Value::from(v)]),
        None => (String::new(), vec![Value::Int(owner)]),
    };
    let order = position.map(|p| format!(" ORDER BY {p}")).unwrap_or_else(|| format!(" ORDER BY {target_col}"));
    let have: Vec<i64> = tx
        .query(&format!("SELECT {target_col} FROM {table} WHERE {owner_col} = $1{extra_where}{order}"), &params)?
        .iter()
        .map(|r| r.col(target_col))
        .collect::<Result<_>>()?;
    let same =
        if position.is_some() { have == targets } else { have.iter().collect::<BTreeSet<_>>() == targets.iter().collect::<BTreeSet<_>>() };
    if same {
        return Ok(false);
    }
    tx.execute(&format!("DELETE FROM {table} WHERE {owner_col} = $1{extra_where}"), &params)?;
    for (i, t) in targets.iter().enumerate() {
        let mut cols = vec![owner_col, target_col];
        params = vec![Value::Int(owner), Value::Int(*t)];
        if let Some(p) = position {
            cols.push(p);
            params.push(Value::from(i));
        }
        if let Some((c, v)) = extra {
            cols.push(c);
            params.push(Value::from(v));
        }
        let ph: Vec<String> = (1..=cols.len()).map(|i| format!("${i}")).collect();
        tx.execute(&format!("INSERT INTO {table} ({}) VALUES ({})", cols.join(", "), ph.join(", ")), &params)?;
    }
    Ok(true)
}

/// Keys allowed in a host or group entry.
fn check_entry(item: &Item<'_>, path: &[&str], m: &Map<String, Json>, allowed: &[&str]) -> Result<()> {
    for k in m.keys() {
        if !allowed.contains(&k.as_str()) {
            let mut p = path.to_vec();
            p.push(k);
            return Err(item.err(&p, format!("unknown field (expected one of: {})", allowed.join(", "))));
        }
    }
    Ok(())
}

struct Entry {
    name: String,
    data: Map<String, Json>,
    idx: usize,
}

/// Entries of a host/group list: each a name or a mapping with `name`.
fn entries(item: &Item<'_>, key: &str, allowed: &[&str]) -> Result<Option<Vec<Entry>>> {
    let Some(v) = item.data.get(key) else { return Ok(None) };
    let list = match v {
        Json::Null => return Ok(Some(Vec::new())),
        Json::Array(a) => a,
        _ => return Err(item.err(&[key], "must be a list")),
    };
    let mut out = Vec::with_capacity(list.len());
    let mut seen = HashSet::new();
    for (i, x) in list.iter().enumerate() {
        let idx = i.to_string();
        let (name, data) = match x {
            Json::String(s) => (s.clone(), Map::new()),
            Json::Object(m) => {
                check_entry(item, &[key, &idx], m, allowed)?;
                match m.get("name") {
                    Some(Json::String(s)) if !s.is_empty() => (s.clone(), m.clone()),
                    _ => return Err(item.err(&[key, &idx], "needs a name")),
                }
            }
            _ => return Err(item.err(&[key, &idx], "must be a name or a mapping")),
        };
        if !seen.insert(name.clone()) {
            return Err(item.err(&[key, &idx], format!("{name:?} is listed twice")));
        }
        out.push(Entry { name, data, idx: i });
    }
    Ok(Some(out))
}

fn text_of(item: &Item<'_>, path: &[&str], v: Option<&Json>) -> Result<Option<String>> {
    match v {
        None => Ok(None),
        Some(Json::Null) => Ok(Some(String::new())),
        Some(Json::String(s)) => Ok(Some(s.clone())),
        Some(Json::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(item.err(path, "must be a string")),
    }
}

fn apply_hosts(tx: &mut Tx<'_>, item: &Item<'_>, inv: i64) -> Result<bool> {
    let Some(list) = entries(item, "hosts", &["name", "description", "enabled", "instance_id", "variables"])? else { return Ok(false) };
    let mut existing: HashMap<String, (i64, String, bool, String, Json)> = HashMap::new();
    tx.query_each(
        "SELECT id, name, description, enabled, instance_id, variables FROM host WHERE inventory_id = $1",
        crate::params![inv],
        |r| {
            existing.insert(
                r.col("name")?,
                (r.col("id")?, r.col("description")?, r.col("enabled")?, r.col("instance_id")?, r.col("variables")?),
            );
            Ok(())
        },
    )?;
    let now = crate::time::now_str();
    let mut changed = false;
    let mut keep = HashSet::new();
    for e in &list {
        let idx = e.idx.to_string();
        if crate::inventory::import::has_jinja(&e.name) {
            return Err(item.err(&["hosts", &idx], format!("Inline Jinja variables are not allowed in host names: {}", e.name)));
        }
        let desc = text_of(item, &["hosts", &idx, "description"], e.data.get("description"))?;
        let inst = text_of(item, &["hosts", &idx, "instance_id"], e.data.get("instance_id"))?;
        let enabled = match e.data.get("enabled") {
            None => None,
            Some(Json::Bool(b)) => Some(*b),
            Some(_) => return Err(item.err(&["hosts", &idx, "enabled"], "must be true or false")),
        };
        let vars = match e.data.get("variables") {
            None => None,
            Some(v) => Some(Json::Object(parse_vars(v, item.file).map_err(|m| item.err(&["hosts", &idx, "variables"], m))?)),
        };
        match existing.get(&e.name) {
            Some((id, d0, en0, i0, v0)) => {
                keep.insert(*id);
                let d = desc.unwrap_or_else(|| d0.clone());
                let en = enabled.unwrap_or(*en0);
                let i = inst.unwrap_or_else(|| i0.clone());
                let v = vars.unwrap_or_else(|| if v0.is_null() { Json::Object(Map::new()) } else { v0.clone() });
                let v0n = if v0.is_null() { Json::Object(Map::new()) } else { v0.clone() };
                if d != *d0 || en != *en0 || i != *i0 || v != v0n {
                    tx.execute(
                        "UPDATE host SET description = $1, enabled = $2, instance_id = $3, variables = $4, modified = $5 WHERE id = $6",
                        crate::params![d, en, i, v.to_string(), now.as_str(), *id],
                    )?;
                    changed = true;
                }
            }
            None => {
                let id = tx.insert(
                    "INSERT INTO host (inventory_id, name, description, enabled, instance_id, variables, created, modified)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                    crate::params![
                        inv,
                        e.name.as_str(),
                        desc.unwrap_or_default(),
                        enabled.unwrap_or(true),
                        inst.unwrap_or_default(),
                        vars.unwrap_or_else(|| Json::Object(Map::new())).to_string(),
                        now.as_str()
                    ],
                )?;
                keep.insert(id);
                changed = true;
            }
        }
    }
    for (id, ..) in existing.values() {
        if !keep.contains(id) {
            tx.execute("DELETE FROM host WHERE id = $1", crate::params![*id])?;
            changed = true;
        }
    }
    Ok(changed)
}

fn apply_groups(tx: &mut Tx<'_>, item: &Item<'_>, inv: i64) -> Result<bool> {
    let Some(list) = entries(item, "groups", &["name", "description", "variables", "hosts", "children"])? else { return Ok(false) };
    let mut existing: HashMap<String, (i64, String, Json)> = HashMap::new();
    tx.query_each("SELECT id, name, description, variables FROM inv_group WHERE inventory_id = $1", crate::params![inv], |r| {
        existing.insert(r.col("name")?, (r.col("id")?, r.col("description")?, r.col("variables")?));
        Ok(())
    })?;
    let now = crate::time::now_str();
    let mut changed = false;
    let mut ids: HashMap<String, i64> = HashMap::new();
    for e in &list {
        let idx = e.idx.to_string();
        if e.name == "all" || e.name == "ungrouped" {
            return Err(item.err(&["groups", &idx, "name"], format!("{:?} is implicit in Ansible and cannot be a group here", e.name)));
        }
        let desc = text_of(item, &["groups", &idx, "description"], e.data.get("description"))?;
        let vars = match e.data.get("variables") {
            None => None,
            Some(v) => Some(Json::Object(parse_vars(v, item.file).map_err(|m| item.err(&["groups", &idx, "variables"], m))?)),
        };
        match existing.get(&e.name) {
            Some((id, d0, v0)) => {
                let d = desc.unwrap_or_else(|| d0.clone());
                let v0n = if v0.is_null() { Json::Object(Map::new()) } else { v0.clone() };
                let v = vars.unwrap_or_else(|| v0n.clone());
                if d != *d0 || v != v0n {
                    tx.execute(
                        "UPDATE inv_group SET description = $1, variables = $2, modified = $3 WHERE id = $4",
                        crate::params![d, v.to_string(), now.as_str(), *id],
                    )?;
                    changed = true;
                }
                ids.insert(e.name.clone(), *id);
            }
            None => {
                let id = tx.insert(
                    "INSERT INTO inv_group (inventory_id, name, description, variables, created, modified) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                    crate::params![inv, e.name.as_str(), desc.unwrap_or_default(), vars.unwrap_or_else(|| Json::Object(Map::new())).to_string(), now.as_str()],
                )?;
                ids.insert(e.name.clone(), id);
                changed = true;
            }
        }
    }
    for (name, (id, ..)) in &existing {
        if !ids.contains_key(name) {
            tx.execute("DELETE FROM inv_group WHERE id = $1", crate::params![*id])?;
            changed = true;
        }
    }
    let host_ids = tx.id_map("SELECT id, name FROM host WHERE inventory_id = $1", crate::params![inv])?;
    for e in &list {
        let idx = e.idx.to_string();
        let gid = ids[&e.name];
        for (key, pool, table, col) in [("hosts", &host_ids, "group_host", "host_id"), ("children", &ids, "group_child", "child_id")] {
            let Some(v) = e.data.get(key) else { continue };
            let names: Vec<&Json> = match v {
                Json::Null => Vec::new(),
                Json::Array(a) => a.iter().collect(),
                _ => return Err(item.err(&["groups", &idx, key], "must be a list of names")),
            };
            let mut targets = Vec::new();
            for (j, n) in names.iter().enumerate() {
                let jdx = j.to_string();
                let name = match n {
                    Json::String(s) => s.clone(),
                    Json::Number(x) => x.to_string(),
                    _ => return Err(item.err(&["groups", &idx, key, &jdx], "must be a name")),
                };
                let Some(t) = pool.get(&name) else {
                    let what = if key == "hosts" { "host" } else { "group" };
                    return Err(item.err(&["groups", &idx, key, &jdx], format!("no {what} named {name:?} in this inventory")));
                };
                if key == "children" && *t == gid {
                    return Err(item.err(&["groups", &idx, key, &jdx], format!("group {name:?} cannot be its own child")));
                }
                if !targets.contains(t) {
                    targets.push(*t);
                }
            }
            let owner = if key == "hosts" { "group_id" } else { "parent_id" };
            changed |= sync_links(tx, table, owner, gid, col, &targets, None, None)?;
        }
    }
    if changed {
        check_no_cycles(tx, inv)
            .map_err(|name| item.err(&["groups"], format!("group {name:?} is its own ancestor (a cycle of children)")))?;
    }
    Ok(changed)
}

/// Fails with the name of a group on a cycle of parent/child links.
fn check_no_cycles(tx: &mut Tx<'_>, inv: i64) -> std::result::Result<(), String> {
    let mut edges: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut names: HashMap<i64, String> = HashMap::new();
    let ok = tx.query_each(
        "SELECT c.parent_id, c.child_id, g.name FROM group_child c JOIN inv_group g ON g.id = c.parent_id WHERE g.inventory_id = $1",
        crate::params![inv],
        |r| {
            let p: i64 = r.col("parent_id")?;
            edges.entry(p).or_default().push(r.col("child_id")?);
            names.insert(p, r.col("name")?);
            Ok(())
        },
    );
    if ok.is_err() {
        return Err("?".into());
    }
    // Iterative DFS with colours: 1 = on stack, 2 = done.
    let mut colour: HashMap<i64, u8> = HashMap::new();
    for &start in edges.keys() {
        if colour.contains_key(&start) {
            continue;
        }
        let mut stack: Vec<(i64, usize)> = vec![(start, 0)];
        colour.insert(start, 1);
        while let Some((node, i)) = stack.pop() {
            let kids = edges.get(&node).map(|v| v.as_slice()).unwrap_or(&[]);
            if i < kids.len() {
                stack.push((node, i + 1));
                let k = kids[i];
                match colour.get(&k) {
                    Some(1) => return Err(names.get(&k).cloned().unwrap_or_default()),
                    Some(_) => {}
                    None => {
                        colour.insert(k, 1);
                        stack.push((k, 0));
                    }
                }
            } else {
                colour.insert(node, 2);
            }
        }
    }
    Ok(())
}

// ---- workflow nodes ----
//
// `apply_nodes` makes a workflow's nodes and edges exactly its `nodes` list, in steps:
// `wanted_nodes` validates the list and resolves its references (`node_identifier`,
// `node_template`, `node_settings`, `node_edges`, `check_edge_targets`), `stored_nodes` reads
// what is stored, `plan_nodes` diffs the two, `write_node`/`delete_node` write the nodes, and
// `sync_edges` the edges (`edge_ids`, `edge_changes`).

const UJT_KEYS: &[(&str, &str)] = &[
    ("job_template", "job_template_id"),
    ("project", "project_id"),
    ("inventory_source", "inventory_source_id"),
    ("workflow_job_template", "workflow_template_id"),
    ("system_job_template", "system_job_template_id"),
];
const NODE_TEXT: &[(&str, &str)] =
    &[("job_type", "job_type"), ("limit", "job_limit"), ("job_tags", "job_tags"), ("skip_tags", "skip_tags"), ("scm_branch", "scm_branch")];
const EDGE_KINDS: &[(&str, &str)] = &[("success_nodes", "success"), ("failure_nodes", "failure"), ("always_nodes", "always")];

/// The settings of one node, as given or as stored (compared to decide whether to write).
#[derive(Debug, PartialEq, Clone, Default)]
struct NodeRow {
    ujt: [Option<i64>; 5],
    approval: Option<(String, String, i64)>,
    inventory: Option<i64>,
    extra_data: Json,
    text: [String; 5],
    verbosity: Option<i64>,
    diff_mode: Option<bool>,
    converge: bool,
    credentials: BTreeSet<i64>,
}

/// The nodes a file asks for: identifier → (settings, index in the list).
type WantNodes = BTreeMap<String, (NodeRow, usize)>;
/// An edge by node identifiers: (from, to, kind).
type NodeEdge = (String, String, &'static str);
/// An edge by node ids, as stored: (from_node_id, to_node_id, kind).
type IdEdge = (i64, i64, String);

/// A stored node (its credentials are filled in by `stored_nodes`).
struct StoredNode {
    id: i64,
    identifier: String,
    approval_id: Option<i64>,
    row: NodeRow,
}

/// The nodes of workflow `$1` with their approval templates, as `StoredNode` reads them.
const NODE_SELECT: &str =
    "SELECT n.id, n.identifier, n.job_template_id, n.project_id, n.inventory_source_id, n.workflow_template_id, n.system_job_template_id,
        n.approval_template_id, n.inventory_id, n.extra_data, n.job_type, n.job_limit, n.job_tags, n.skip_tags, n.scm_branch,
        n.verbosity, n.diff_mode, n.all_parents_must_converge,
        a.name AS approval_name, a.description AS approval_description, a.timeout AS approval_timeout
 FROM workflow_job_template_node n LEFT JOIN workflow_approval_template a ON a.id = n.approval_template_id
 WHERE n.workflow_job_template_id = $1";

impl FromRow for StoredNode {
    fn from_row(r: &Row) -> Result<Self> {
        let mut ujt = [None; 5];
        for (slot, (_, col)) in ujt.iter_mut().zip(UJT_KEYS) {
            *slot = r.col(col)?;
        }
        let mut text: [String; 5] = Default::default();
        for (slot, (_, col)) in text.iter_mut().zip(NODE_TEXT) {
            *slot = r.col(col)?;
        }
        let extra_data: Json = r.col("extra_data")?;
        let approval_id: Option<i64> = r.col("approval_template_id")?;
        let approval = match approval_id {
            Some(_) => Some((r.col("approval_name")?, r.col("approval_description")?, r.col("approval_timeout")?)),
            None => None,
        };
        Ok(StoredNode {
            id: r.col("id")?,
            identifier: r.col("identifier")?,
            approval_id,
            row: NodeRow {
                ujt,
                approval,
                inventory: r.col("inventory_id")?,
                extra_data: if extra_data.is_null() { Json::Object(Map::new()) } else { extra_data },
                text,
                verbosity: r.col("verbosity")?,
                diff_mode: r.col("diff_mode")?,
                converge: r.col("all_parents_must_converge")?,
                credentials: BTreeSet::new(),
            },
        })
    }
}

/// Make workflow `wf`'s nodes and edges exactly the `nodes` list of `item` (absent: left alone).
fn apply_nodes(tx: &mut Tx<'_>, item: &Item<'_>, wf: i64) -> Result<bool> {
    let list = match item.data.get("nodes") {
        None => return Ok(false),
        Some(Json::Null) => &[][..],
        Some(Json::Array(a)) => a.as_slice(),
        Some(_) => return Err(item.err(&["nodes"], "must be a list")),
    };
    let (want, want_edges) = wanted_nodes(tx, item, list)?;
    let have = stored_nodes(tx, wf)?;
    let plan = plan_nodes(&want, &have);
    let now = crate::time::now_str();
    let mut ids = plan.unchanged;
    for ident in &plan.write {
        let id = write_node(tx, wf, ident, &want[ident].0, have.get(ident), &now)?;
        ids.insert(ident.clone(), id);
    }
    for (id, approval) in &plan.delete {
        delete_node(tx, *id, *approval)?;
    }
    let nodes_changed = !plan.write.is_empty() || !plan.delete.is_empty();
    let edges_changed = sync_edges(tx, wf, &want_edges, &ids)?;
    Ok(nodes_changed || edges_changed)
}

/// The keys a node entry may have.
fn node_keys() -> Vec<&'static str> {
    let mut allowed: Vec<&str> =
        vec!["identifier", "approval", "inventory", "credentials", "extra_data", "verbosity", "diff_mode", "all_parents_must_converge"];
    allowed.extend(UJT_KEYS.iter().map(|(k, _)| *k));
    allowed.extend(NODE_TEXT.iter().map(|(k, _)| *k));
    allowed.extend(EDGE_KINDS.iter().map(|(k, _)| *k));
    allowed
}

/// An input error at key `key` of node `idx`.
fn node_err(item: &Item<'_>, idx: &str, key: &str, problem: impl std::fmt::Display) -> Error {
    item.err(&["nodes", idx, key], problem)
}

/// The nodes and edges `list` asks for: validated, references resolved to ids, every edge
/// leading to a listed node.
fn wanted_nodes(tx: &mut Tx<'_>, item: &Item<'_>, list: &[Json]) -> Result<(WantNodes, BTreeSet<NodeEdge>)> {
    let allowed = node_keys();
    let mut want = WantNodes::new();
    let mut want_edges = BTreeSet::new();
    for (i, n) in list.iter().enumerate() {
        let idx = i.to_string();
        let Json::Object(m) = n else { return Err(item.err(&["nodes", &idx], "must be a mapping")) };
        check_entry(item, &["nodes", &idx], m, &allowed)?;
        let ident = node_identifier(item, &idx, m)?;
        if want.contains_key(&ident) {
            return Err(node_err(item, &idx, "identifier", format!("identifier {ident:?} is used twice")));
        }
        let mut row = node_template(tx, item, &idx, &ident, m)?;
        node_settings(item, &idx, m, &mut row)?;
        for (target, kind) in node_edges(item, &idx, m)? {
            want_edges.insert((ident.clone(), target, kind));
        }
        want.insert(ident, (row, i));
    }
    check_edge_targets(item, &want, &want_edges)?;
    check_edge_cycles(item, &want, &want_edges)?;
    Ok((want, want_edges))
}

/// The node's `identifier` (a non-empty string or a number).
fn node_identifier(item: &Item<'_>, idx: &str, m: &Map<String, Json>) -> Result<String> {
    match m.get("identifier") {
        Some(Json::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(Json::Number(x)) => Ok(x.to_string()),
        _ => Err(item.err(&["nodes", idx], "needs an identifier")),
    }
}

/// What the node runs and with what: its template (or approval), inventory and credentials,
/// resolved to ids. The other settings are left at their defaults.
fn node_template(tx: &mut Tx<'_>, item: &Item<'_>, idx: &str, ident: &str, m: &Map<String, Json>) -> Result<NodeRow> {
    let mut row = NodeRow { extra_data: Json::Object(Map::new()), ..Default::default() };
    let mut kinds = 0;
    for (k, (key, _)) in UJT_KEYS.iter().enumerate() {
        if let Some(v) = m.get(*key) {
            let Json::String(name) = v else { return Err(node_err(item, idx, key, "must be a name")) };
            let rt = types::find(key).ok_or_else(|| Error::internal("node type"))?;
            row.ujt[k] = Some(
                id_by_name(tx, rt, name)?
                    .ok_or_else(|| node_err(item, idx, key, format!("no {} named {name:?}", key.replace('_', " "))))?,
            );
            kinds += 1;
        }
    }
    if let Some(a) = node_approval(item, idx, ident, m)? {
        row.approval = Some(a);
        kinds += 1;
    }
    // A node without a template is allowed, as in AWX: a workflow copy blanks the templates
    // the copying user may not start, and the export of such a copy must apply again.
    if kinds > 1 {
        return Err(item.err(
            &["nodes", idx],
            "may have only one of job_template, project, inventory_source, workflow_job_template, system_job_template, approval",
        ));
    }
    if let Some(v) = m.get("inventory") {
        row.inventory = match v {
            Json::Null => None,
            Json::String(name) => Some(
                id_by_name(tx, &types::INVENTORY, name)?
                    .ok_or_else(|| node_err(item, idx, "inventory", format!("no inventory named {name:?}")))?,
            ),
            _ => return Err(node_err(item, idx, "inventory", "must be a name")),
        };
    }
    if let Some(v) = m.get("credentials") {
        let Json::Array(a) = v else { return Err(node_err(item, idx, "credentials", "must be a list of names")) };
        for c in a {
            let name = c.as_str().ok_or_else(|| node_err(item, idx, "credentials", "must be a list of names"))?;
            row.credentials.insert(
                id_by_name(tx, &types::CREDENTIAL, name)?
                    .ok_or_else(|| node_err(item, idx, "credentials", format!("no credential named {name:?}")))?,
            );
        }
    }
    Ok(row)
}

/// The node's `approval` as (name, description, timeout); the name defaults to the identifier.
fn node_approval(item: &Item<'_>, idx: &str, ident: &str, m: &Map<String, Json>) -> Result<Option<(String, String, i64)>> {
    let Some(a) = m.get("approval") else { return Ok(None) };
    let Json::Object(am) = a else { return Err(node_err(item, idx, "approval", "must be a mapping with name, description, timeout")) };
    let name = am.get("name").and_then(|x| x.as_str()).unwrap_or(ident).to_string();
    let desc = am.get("description").and_then(|x| x.as_str()).unwrap_or("").to_string();
    let timeout = am.get("timeout").and_then(|x| x.as_i64()).unwrap_or(0);
    Ok(Some((name, desc, timeout)))
}

/// The node's plain settings: extra_data, the text fields, verbosity, diff_mode,
/// all_parents_must_converge (absent keys keep their defaults).
fn node_settings(item: &Item<'_>, idx: &str, m: &Map<String, Json>, row: &mut NodeRow) -> Result<()> {
    if let Some(v) = m.get("extra_data") {
        row.extra_data = Json::Object(parse_vars(v, item.file).map_err(|e| node_err(item, idx, "extra_data", e))?);
    }
    for (k, (key, _)) in NODE_TEXT.iter().enumerate() {
        if let Some(v) = m.get(*key) {
            row.text[k] = match v {
                Json::String(s) => s.clone(),
                Json::Null => String::new(),
                _ => return Err(node_err(item, idx, key, "must be a string")),
            };
        }
    }
    row.verbosity = match m.get("verbosity") {
        None | Some(Json::Null) => None,
        Some(Json::Number(n)) if n.is_i64() => n.as_i64(),
        Some(_) => return Err(node_err(item, idx, "verbosity", "must be an integer")),
    };
    row.diff_mode = match m.get("diff_mode") {
        None | Some(Json::Null) => None,
        Some(Json::Bool(b)) => Some(*b),
        Some(_) => return Err(node_err(item, idx, "diff_mode", "must be true or false")),
    };
    row.converge = match m.get("all_parents_must_converge") {
        None | Some(Json::Null) => false,
        Some(Json::Bool(b)) => *b,
        Some(_) => return Err(node_err(item, idx, "all_parents_must_converge", "must be true or false")),
    };
    Ok(())
}

/// The node's outgoing edges: (target identifier, kind).
fn node_edges(item: &Item<'_>, idx: &str, m: &Map<String, Json>) -> Result<Vec<(String, &'static str)>> {
    let mut out = Vec::new();
    for (key, kind) in EDGE_KINDS {
        if let Some(v) = m.get(*key) {
            let Json::Array(a) = v else { return Err(node_err(item, idx, key, "must be a list of identifiers")) };
            for t in a {
                let target = match t {
                    Json::String(s) => s.clone(),
                    Json::Number(x) => x.to_string(),
                    _ => return Err(node_err(item, idx, key, "must be a list of identifiers")),
                };
                out.push((target, *kind));
            }
        }
    }
    Ok(out)
}

/// Every edge leads to a listed node.
fn check_edge_targets(item: &Item<'_>, want: &WantNodes, edges: &BTreeSet<NodeEdge>) -> Result<()> {
    for (from, to, _) in edges {
        if !want.contains_key(to) {
            let i = want.get(from).map(|(_, i)| *i).unwrap_or(0).to_string();
            return Err(item.err(&["nodes", &i], format!("links to node {to:?}, which is not defined")));
        }
    }
    Ok(())
}

/// A workflow is acyclic (AWX refuses a link that closes a cycle): a node that leads back to
/// itself through success, failure or always links would never let its workflow finish.
fn check_edge_cycles(item: &Item<'_>, want: &WantNodes, edges: &BTreeSet<NodeEdge>) -> Result<()> {
    // Kahn's order over the identifiers; what it cannot place lies on or behind a cycle.
    let mut indegree: BTreeMap<&str, usize> = want.keys().map(|k| (k.as_str(), 0)).collect();
    let mut children: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to, _) in edges {
        *indegree.entry(to.as_str()).or_default() += 1;
        children.entry(from.as_str()).or_default().push(to.as_str());
    }
    let mut ready: Vec<&str> = indegree.iter().filter(|(_, d)| **d == 0).map(|(k, _)| *k).collect();
    while let Some(n) = ready.pop() {
        indegree.remove(n);
        for c in children.get(n).into_iter().flatten() {
            if let Some(d) = indegree.get_mut(c) {
                *d -= 1;
                if *d == 0 {
                    ready.push(c);
                }
            }
        }
    }
    // Every node left has a parent left: walking up from one must come round to a node on a
    // cycle (within as many steps as there are nodes).
    let Some(mut cur) = indegree.keys().copied().min_by_key(|n| want.get(*n).map(|(_, i)| *i)) else { return Ok(()) };
    let mut parents: BTreeMap<&str, &str> = BTreeMap::new();
    for (from, to, _) in edges {
        if indegree.contains_key(from.as_str()) {
            parents.entry(to.as_str()).or_insert(from.as_str());
        }
    }
    let mut seen = BTreeSet::new();
    while seen.insert(cur) {
        match parents.get(cur) {
            Some(p) => cur = p,
            None => break,
        }
    }
    let i = want.get(cur).map(|(_, i)| *i).unwrap_or(0).to_string();
    Err(item.err(&["nodes", &i], format!("node {cur:?} leads back to itself (a cycle of links; a workflow must be acyclic)")))
}

/// The stored nodes of workflow `wf`, by identifier, with their credentials.
fn stored_nodes(tx: &mut Tx<'_>, wf: i64) -> Result<HashMap<String, StoredNode>> {
    let mut have = HashMap::new();
    for mut node in tx.query_as::<StoredNode>(NODE_SELECT, crate::params![wf])? {
        for c in tx.query("SELECT credential_id FROM workflow_node_credential WHERE node_id = $1", crate::params![node.id])? {
            node.row.credentials.insert(c.col("credential_id")?);
        }
        have.insert(node.identifier.clone(), node);
    }
    Ok(have)
}

/// What to write to turn the stored nodes into the wanted ones.
#[derive(Debug, Default, PartialEq)]
struct NodePlan {
    /// Nodes already as wanted: identifier → id.
    unchanged: HashMap<String, i64>,
    /// Nodes to create or update, by identifier, in identifier order.
    write: Vec<String>,
    /// Stored nodes no longer wanted: (id, approval template id), in id order.
    delete: Vec<(i64, Option<i64>)>,
}

fn plan_nodes(want: &WantNodes, have: &HashMap<String, StoredNode>) -> NodePlan {
    let mut plan = NodePlan::default();
    for (ident, (row, _)) in want {
        match have.get(ident) {
            Some(old) if old.row == *row => {
                plan.unchanged.insert(ident.clone(), old.id);
            }
            _ => plan.write.push(ident.clone()),
        }
    }
    plan.delete = have.iter().filter(|(ident, _)| !want.contains_key(*ident)).map(|(_, n)| (n.id, n.approval_id)).collect();
    plan.delete.sort();
    plan
}

/// Create or update node `ident` of workflow `wf` (with its approval template and
/// credentials) as `row` says. Returns its id.
fn write_node(tx: &mut Tx<'_>, wf: i64, ident: &str, row: &NodeRow, existing: Option<&StoredNode>, now: &str) -> Result<i64> {
    let approval_id = match (&row.approval, existing.and_then(|n| n.approval_id)) {
        (Some((n, d, t)), Some(aid)) => {
            tx.execute(
                "UPDATE workflow_approval_template SET name = $1, description = $2, timeout = $3, modified = $4 WHERE id = $5",
                crate::params![n.as_str(), d.as_str(), *t, now, aid],
            )?;
            Some(aid)
        }
        (Some((n, d, t)), None) => Some(tx.insert(
            "INSERT INTO workflow_approval_template (name, description, timeout, created, modified) VALUES ($1, $2, $3, $4, $4) RETURNING id",
            crate::params![n.as_str(), d.as_str(), *t, now],
        )?),
        (None, Some(aid)) => {
            tx.execute("UPDATE workflow_job_template_node SET approval_template_id = NULL WHERE approval_template_id = $1", crate::params![aid])?;
            tx.execute("DELETE FROM workflow_approval_template WHERE id = $1", crate::params![aid])?;
            None
        }
        (None, None) => None,
    };
    let params = crate::params![
        row.ujt[0],
        row.ujt[1],
        row.ujt[2],
        row.ujt[3],
        approval_id,
        row.inventory,
        row.extra_data.to_string(),
        row.text[0].as_str(),
        row.text[1].as_str(),
        row.text[2].as_str(),
        row.text[3].as_str(),
        row.text[4].as_str(),
        row.verbosity,
        row.diff_mode,
        row.converge,
        now,
        wf,
        ident,
        row.ujt[4]
    ];
    let id = match existing {
        Some(node) => {
            tx.execute(
                "UPDATE workflow_job_template_node SET job_template_id = $1, project_id = $2, inventory_source_id = $3,
                    workflow_template_id = $4, approval_template_id = $5, inventory_id = $6, extra_data = $7, job_type = $8,
                    job_limit = $9, job_tags = $10, skip_tags = $11, scm_branch = $12, verbosity = $13, diff_mode = $14,
                    all_parents_must_converge = $15, modified = $16, system_job_template_id = $19
                 WHERE workflow_job_template_id = $17 AND identifier = $18",
                params,
            )?;
            tx.execute("DELETE FROM workflow_node_credential WHERE node_id = $1", crate::params![node.id])?;
            node.id
        }
        None => tx.insert(
            "INSERT INTO workflow_job_template_node (job_template_id, project_id, inventory_source_id, workflow_template_id,
                approval_template_id, inventory_id, extra_data, job_type, job_limit, job_tags, skip_tags, scm_branch, verbosity,
                diff_mode, all_parents_must_converge, created, modified, workflow_job_template_id, identifier, system_job_template_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $18, $19) RETURNING id",
            params,
        )?,
    };
    for c in &row.credentials {
        tx.execute("INSERT INTO workflow_node_credential (node_id, credential_id) VALUES ($1, $2)", crate::params![id, *c])?;
    }
    Ok(id)
}

/// Delete node `id` (its edges and credentials go with it by foreign key) and its approval template.
fn delete_node(tx: &mut Tx<'_>, id: i64, approval: Option<i64>) -> Result<()> {
    tx.execute("DELETE FROM workflow_job_template_node WHERE id = $1", crate::params![id])?;
    if let Some(aid) = approval {
        tx.execute("DELETE FROM workflow_approval_template WHERE id = $1", crate::params![aid])?;
    }
    Ok(())
}

/// Make the edges of workflow `wf` exactly `want` (`ids`: identifier → node id). Returns
/// whether anything changed.
fn sync_edges(tx: &mut Tx<'_>, wf: i64, want: &BTreeSet<NodeEdge>, ids: &HashMap<String, i64>) -> Result<bool> {
    let mut have: BTreeSet<IdEdge> = BTreeSet::new();
    for r in tx.query(
        "SELECT e.from_node_id, e.to_node_id, e.kind FROM workflow_node_edge e
         JOIN workflow_job_template_node n ON n.id = e.from_node_id WHERE n.workflow_job_template_id = $1",
        crate::params![wf],
    )? {
        have.insert((r.col("from_node_id")?, r.col("to_node_id")?, r.col("kind")?));
    }
    let (delete, insert) = edge_changes(&edge_ids(want, ids)?, &have);
    for (f, t, k) in &delete {
        tx.execute(
            "DELETE FROM workflow_node_edge WHERE from_node_id = $1 AND to_node_id = $2 AND kind = $3",
            crate::params![*f, *t, k.as_str()],
        )?;
    }
    for (f, t, k) in &insert {
        tx.execute(
            "INSERT INTO workflow_node_edge (from_node_id, to_node_id, kind) VALUES ($1, $2, $3)",
            crate::params![*f, *t, k.as_str()],
        )?;
    }
    Ok(!delete.is_empty() || !insert.is_empty())
}

/// Edges by identifiers → edges by node ids.
fn edge_ids(edges: &BTreeSet<NodeEdge>, ids: &HashMap<String, i64>) -> Result<BTreeSet<IdEdge>> {
    let id = |ident: &String| ids.get(ident).copied().ok_or_else(|| Error::internal(format!("workflow node {ident:?} has no id")));
    edges.iter().map(|(f, t, k)| Ok((id(f)?, id(t)?, k.to_string()))).collect()
}

/// The edges to delete and to insert to turn `have` into `want`.
fn edge_changes(want: &BTreeSet<IdEdge>, have: &BTreeSet<IdEdge>) -> (Vec<IdEdge>, Vec<IdEdge>) {
    (have.difference(want).cloned().collect(), want.difference(have).cloned().collect())
}

// ---- export ----

/// The `name` column of each row of `sql` (run with `id`).
fn names_of(tx: &mut Tx<'_>, sql: &str, id: i64) -> Result<Vec<Json>> {
    tx.query(sql, crate::params![id])?.iter().map(|r| Ok(Json::String(r.col("name")?))).collect()
}

fn put_list(doc: &mut Map<String, Json>, key: &str, list: Vec<Json>) {
    if !list.is_empty() {
        doc.insert(key.to_string(), Json::Array(list));
    }
}

/// Add the sub-objects of object `id` to its export document.
pub fn export(tx: &mut Tx<'_>, names: &mut Names, rt: &ResourceType, id: i64, doc: &mut Map<String, Json>) -> Result<()> {
    match rt.singular {
        "inventory" => export_inventory(tx, id, doc)?,
        "team" => {
            let l = names_of(
                tx,
                "SELECT u.username AS name FROM team_member m JOIN auth_user u ON u.id = m.user_id WHERE m.team_id = $1 ORDER BY u.username",
                id,
            )?;
            put_list(doc, "members", l);
        }
        "job_template" | "workflow_job_template" => {
            let jt = rt.singular == "job_template";
            if jt {
                let l = names_of(
                    tx,
                    "SELECT c.name FROM job_template_credential l JOIN credential c ON c.id = l.credential_id WHERE l.job_template_id = $1 ORDER BY l.position",
                    id,
                )?;
                put_list(doc, "credentials", l);
                let l = names_of(
                    tx,
                    "SELECT l.name FROM job_template_label x JOIN label l ON l.id = x.label_id WHERE x.job_template_id = $1 ORDER BY l.name",
                    id,
                )?;
                put_list(doc, "labels", l);
                let l = names_of(
                    tx,
                    "SELECT g.name FROM job_template_instance_group x JOIN instance_group g ON g.id = x.instance_group_id WHERE x.job_template_id = $1 ORDER BY x.position",
                    id,
                )?;
                put_list(doc, "instance_groups", l);
            } else {
                let l = names_of(
                    tx,
                    "SELECT l.name FROM workflow_job_template_label x JOIN label l ON l.id = x.label_id WHERE x.workflow_job_template_id = $1 ORDER BY l.name",
                    id,
                )?;
                put_list(doc, "labels", l);
            }
            let (table, owner) = if jt {
                ("job_template_notification", "job_template_id")
            } else {
                ("workflow_job_template_notification", "workflow_job_template_id")
            };
            let events: &[&str] = if jt { &["started", "success", "error"] } else { &["started", "success", "error", "approvals"] };
            for &event in events {
                let rows = tx.query(
                    &format!("SELECT n.name FROM {table} x JOIN notification_template n ON n.id = x.notification_template_id WHERE x.{owner} = $1 AND x.event = $2 ORDER BY n.name"),
                    crate::params![id, event],
                )?;
                let l = rows.iter().map(|r| Ok(Json::String(r.col("name")?))).collect::<Result<Vec<_>>>()?;
                put_list(doc, &format!("notification_templates_{event}"), l);
            }
            if !jt {
                export_nodes(tx, names, id, doc)?;
            }
        }
        "instance_group" => {
            let l = names_of(
                tx,
                "SELECT i.hostname AS name FROM instance_group_instance x JOIN instance i ON i.id = x.instance_id WHERE x.instance_group_id = $1 ORDER BY i.hostname",
                id,
            )?;
            put_list(doc, "instances", l);
            let c: Option<i64> = tx.scalar("SELECT controller_id FROM instance_group WHERE id = $1", crate::params![id])?;
            if let Some(c) = c {
                doc.insert("controller".into(), Json::String(names.get(tx, "instance_group", c)?));
            }
        }
        _ => {}
    }
    if let Some((table, owner)) = instance_group_links(rt) {
        let l = names_of(
            tx,
            &format!(
                "SELECT g.name FROM {table} x JOIN instance_group g ON g.id = x.instance_group_id WHERE x.{owner} = $1 ORDER BY x.position"
            ),
            id,
        )?;
        put_list(doc, "instance_groups", l);
    }
    if let Some((table, owner, events)) = notification_links(rt) {
        for event in events {
            let rows = tx.query(
                &format!("SELECT n.name FROM {table} x JOIN notification_template n ON n.id = x.notification_template_id WHERE x.{owner} = $1 AND x.event = $2 ORDER BY n.name"),
                crate::params![id, *event],
            )?;
            let l = rows.iter().map(|r| Ok(Json::String(r.col("name")?))).collect::<Result<Vec<_>>>()?;
            put_list(doc, &format!("notification_templates_{event}"), l);
        }
    }
    Ok(())
}

fn export_inventory(tx: &mut Tx<'_>, inv: i64, doc: &mut Map<String, Json>) -> Result<()> {
    let mut hosts = Vec::new();
    tx.query_each(
        "SELECT name, description, enabled, instance_id, variables FROM host WHERE inventory_id = $1 ORDER BY name",
        crate::params![inv],
        |r| {
            let mut h = Map::new();
            h.insert("name".into(), Json::String(r.col("name")?));
            let d: String = r.col("description")?;
            if !d.is_empty() {
                h.insert("description".into(), Json::String(d));
            }
            if !r.col::<bool>("enabled")? {
                h.insert("enabled".into(), Json::Bool(false));
            }
            let i: String = r.col("instance_id")?;
            if !i.is_empty() {
                h.insert("instance_id".into(), Json::String(i));
            }
            let v: Json = r.col("variables")?;
            if v.as_object().is_some_and(|m| !m.is_empty()) {
                h.insert("variables".into(), v);
            }
            hosts.push(Json::Object(h));
            Ok(())
        },
    )?;
    put_list(doc, "hosts", hosts);
    let mut members: HashMap<i64, Vec<Json>> = HashMap::new();
    tx.query_each(
        "SELECT gh.group_id, h.name FROM group_host gh JOIN host h ON h.id = gh.host_id WHERE h.inventory_id = $1 ORDER BY h.name",
        crate::params![inv],
        |r| {
            members.entry(r.col("group_id")?).or_default().push(Json::String(r.col("name")?));
            Ok(())
        },
    )?;
    let mut kids: HashMap<i64, Vec<Json>> = HashMap::new();
    tx.query_each(
        "SELECT c.parent_id, g.name FROM group_child c JOIN inv_group g ON g.id = c.child_id WHERE g.inventory_id = $1 ORDER BY g.name",
        crate::params![inv],
        |r| {
            kids.entry(r.col("parent_id")?).or_default().push(Json::String(r.col("name")?));
            Ok(())
        },
    )?;
    let mut groups = Vec::new();
    tx.query_each(
        "SELECT id, name, description, variables FROM inv_group WHERE inventory_id = $1 ORDER BY name",
        crate::params![inv],
        |r| {
            let id: i64 = r.col("id")?;
            let mut g = Map::new();
            g.insert("name".into(), Json::String(r.col("name")?));
            let d: String = r.col("description")?;
            if !d.is_empty() {
                g.insert("description".into(), Json::String(d));
            }
            let v: Json = r.col("variables")?;
            if v.as_object().is_some_and(|m| !m.is_empty()) {
                g.insert("variables".into(), v);
            }
            put_list(&mut g, "hosts", members.remove(&id).unwrap_or_default());
            put_list(&mut g, "children", kids.remove(&id).unwrap_or_default());
            groups.push(Json::Object(g));
            Ok(())
        },
    )?;
    put_list(doc, "groups", groups);
    Ok(())
}

fn export_nodes(tx: &mut Tx<'_>, names: &mut Names, wf: i64, doc: &mut Map<String, Json>) -> Result<()> {
    let stored = tx.query_as::<StoredNode>(&format!("{NODE_SELECT} ORDER BY n.identifier"), crate::params![wf])?;
    let ident: HashMap<i64, String> = stored.iter().map(|s| (s.id, s.identifier.clone())).collect();
    let mut edges: HashMap<(i64, &str), Vec<Json>> = HashMap::new();
    for r in tx.query(
        "SELECT e.from_node_id, e.to_node_id, e.kind FROM workflow_node_edge e JOIN workflow_job_template_node n ON n.id = e.from_node_id
         WHERE n.workflow_job_template_id = $1",
        crate::params![wf],
    )? {
        let kind: String = r.col("kind")?;
        let k = EDGE_KINDS.iter().find(|(_, x)| *x == kind).map(|(key, _)| *key).unwrap_or("always_nodes");
        let to: i64 = r.col("to_node_id")?;
        edges.entry((r.col("from_node_id")?, k)).or_default().push(Json::String(ident.get(&to).cloned().unwrap_or_default()));
    }
    let mut nodes = Vec::new();
    for StoredNode { id, identifier, row, .. } in stored {
        let mut n = Map::new();
        n.insert("identifier".into(), Json::String(identifier));
        for (t, (key, _)) in row.ujt.iter().zip(UJT_KEYS) {
            if let Some(t) = t {
                n.insert((*key).into(), Json::String(names.get(tx, key, *t)?));
            }
        }
        if let Some((name, d, t)) = row.approval {
            let mut a = Map::new();
            a.insert("name".into(), Json::String(name));
            if !d.is_empty() {
                a.insert("description".into(), Json::String(d));
            }
            if t != 0 {
                a.insert("timeout".into(), Json::from(t));
            }
            n.insert("approval".into(), Json::Object(a));
        }
        if let Some(inv) = row.inventory {
            n.insert("inventory".into(), Json::String(names.get(tx, "inventory", inv)?));
        }
        let creds = names_of(
            tx,
            "SELECT c.name FROM workflow_node_credential x JOIN credential c ON c.id = x.credential_id WHERE x.node_id = $1 ORDER BY c.name",
            id,
        )?;
        put_list(&mut n, "credentials", creds);
        if row.extra_data.as_object().is_some_and(|m| !m.is_empty()) {
            n.insert("extra_data".into(), row.extra_data);
        }
        for (s, (key, _)) in row.text.into_iter().zip(NODE_TEXT) {
            if !s.is_empty() {
                n.insert((*key).into(), Json::String(s));
            }
        }
        if let Some(v) = row.verbosity {
            n.insert("verbosity".into(), Json::from(v));
        }
        if let Some(v) = row.diff_mode {
            n.insert("diff_mode".into(), Json::Bool(v));
        }
        if row.converge {
            n.insert("all_parents_must_converge".into(), Json::Bool(true));
        }
        for (key, _) in EDGE_KINDS {
            if let Some(mut l) = edges.remove(&(id, *key)) {
                l.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                n.insert((*key).into(), Json::Array(l));
            }
        }
        nodes.push(Json::Object(n));
    }
    put_list(doc, "nodes", nodes);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Run `f` on the item parsed from the YAML mapping `yaml`.
    fn with_item<T>(yaml: &str, f: impl FnOnce(&Item<'_>) -> T) -> T {
        let docs = crate::yaml::parse_documents(yaml, "wf.yml").unwrap();
        let Json::Object(data) = docs[0].to_json("wf.yml").unwrap() else { panic!("not a mapping") };
        f(&Item { file: "wf.yml", node: &docs[0], data, label: "workflow_job_templates[0]".into() })
    }

    /// The mapping of node `i` of the item's `nodes`.
    fn node(item: &Item<'_>, i: usize) -> Map<String, Json> {
        item.data["nodes"][i].as_object().unwrap().clone()
    }

    #[test]
    fn node_identifier_is_a_string_or_number() {
        let yaml = "nodes:\n  - identifier: a\n  - identifier: 7\n  - identifier: ''\n  - job_template: x\n";
        with_item(yaml, |item| {
            assert_eq!(node_identifier(item, "0", &node(item, 0)).unwrap(), "a");
            assert_eq!(node_identifier(item, "1", &node(item, 1)).unwrap(), "7");
            for i in [2, 3] {
                let e = node_identifier(item, &i.to_string(), &node(item, i)).unwrap_err();
                assert!(e.to_string().contains(&format!("nodes.{i}: needs an identifier")), "{e}");
                assert!(e.to_string().contains(&format!("wf.yml:{}", i + 2)), "{e}");
            }
        });
    }

    #[test]
    fn node_approval_defaults_its_name_to_the_identifier() {
        let yaml = "nodes:\n  - identifier: gate\n    approval: {timeout: 60}\n  - identifier: b\n    approval: {name: ok?, description: d}\n  - identifier: c\n  - identifier: d\n    approval: yes\n";
        with_item(yaml, |item| {
            assert_eq!(node_approval(item, "0", "gate", &node(item, 0)).unwrap(), Some(("gate".into(), String::new(), 60)));
            assert_eq!(node_approval(item, "1", "b", &node(item, 1)).unwrap(), Some(("ok?".into(), "d".into(), 0)));
            assert_eq!(node_approval(item, "2", "c", &node(item, 2)).unwrap(), None);
            let e = node_approval(item, "3", "d", &node(item, 3)).unwrap_err();
            assert!(e.to_string().contains("nodes.3.approval: must be a mapping"), "{e}");
        });
    }

    #[test]
    fn node_settings_reads_each_setting_and_keeps_defaults() {
        let yaml = "nodes:\n  - identifier: a\n    extra_data: {x: 1}\n    limit: web\n    scm_branch: null\n    verbosity: 2\n    diff_mode: false\n    all_parents_must_converge: true\n  - identifier: b\n";
        with_item(yaml, |item| {
            let mut row = NodeRow { extra_data: Json::Object(Map::new()), ..Default::default() };
            row.text[4] = "stale".into();
            node_settings(item, "0", &node(item, 0), &mut row).unwrap();
            assert_eq!(row.extra_data, serde_json::json!({"x": 1}));
            assert_eq!(row.text, [String::new(), "web".into(), String::new(), String::new(), String::new()]);
            assert_eq!((row.verbosity, row.diff_mode, row.converge), (Some(2), Some(false), true));
            let mut row = NodeRow { extra_data: Json::Object(Map::new()), ..Default::default() };
            node_settings(item, "1", &node(item, 1), &mut row).unwrap();
            assert_eq!(row, NodeRow { extra_data: Json::Object(Map::new()), ..Default::default() });
        });
    }

    #[test]
    fn node_settings_names_the_bad_key() {
        for (setting, want) in [
            ("verbosity: loud", "nodes.0.verbosity: must be an integer"),
            ("diff_mode: 1", "nodes.0.diff_mode: must be true or false"),
            ("all_parents_must_converge: x", "nodes.0.all_parents_must_converge: must be true or false"),
            ("job_tags: [a]", "nodes.0.job_tags: must be a string"),
        ] {
            with_item(&format!("nodes:\n  - identifier: a\n    {setting}\n"), |item| {
                let e = node_settings(item, "0", &node(item, 0), &mut NodeRow::default()).unwrap_err();
                assert!(e.to_string().contains(want), "{setting}: {e}");
                assert!(e.to_string().contains("wf.yml:3"), "{setting}: {e}");
            });
        }
    }

    #[test]
    fn node_edges_lists_targets_by_kind() {
        let yaml = "nodes:\n  - identifier: a\n    success_nodes: [b, 3]\n    always_nodes: [c]\n  - identifier: b\n    failure_nodes: c\n";
        with_item(yaml, |item| {
            let edges = node_edges(item, "0", &node(item, 0)).unwrap();
            assert_eq!(edges, [("b".into(), "success"), ("3".into(), "success"), ("c".into(), "always")]);
            let e = node_edges(item, "1", &node(item, 1)).unwrap_err();
            assert!(e.to_string().contains("nodes.1.failure_nodes: must be a list of identifiers"), "{e}");
        });
    }

    #[test]
    fn edges_must_lead_to_listed_nodes() {
        with_item("nodes:\n  - identifier: a\n  - identifier: b\n", |item| {
            let want: WantNodes = [("a".to_string(), (NodeRow::default(), 0)), ("b".to_string(), (NodeRow::default(), 1))].into();
            let ok: BTreeSet<NodeEdge> = [("a".into(), "b".into(), "success")].into();
            check_edge_targets(item, &want, &ok).unwrap();
            let bad: BTreeSet<NodeEdge> = [("b".into(), "zz".into(), "always")].into();
            let e = check_edge_targets(item, &want, &bad).unwrap_err();
            assert!(e.to_string().contains("nodes.1: links to node \"zz\", which is not defined"), "{e}");
        });
    }

    #[test]
    fn edges_must_not_close_a_cycle() {
        with_item("nodes:\n  - identifier: r\n  - identifier: a\n  - identifier: b\n  - identifier: c\n", |item| {
            let want: WantNodes = ["r", "a", "b", "c"].iter().enumerate().map(|(i, n)| (n.to_string(), (NodeRow::default(), i))).collect();
            let edges = |list: &[(&str, &str, &'static str)]| -> BTreeSet<NodeEdge> {
                list.iter().map(|(f, t, k)| (f.to_string(), t.to_string(), *k)).collect()
            };
            // A diamond with a node joining twice is no cycle.
            let dag =
                edges(&[("r", "a", "success"), ("r", "b", "failure"), ("a", "c", "always"), ("b", "c", "success"), ("r", "c", "always")]);
            check_edge_cycles(item, &want, &dag).unwrap();
            // A loop below the root, across edge kinds: named by a node on it, not the root.
            let looped = edges(&[("r", "a", "success"), ("a", "b", "success"), ("b", "a", "failure"), ("c", "r", "always")]);
            let e = check_edge_cycles(item, &want, &looped).unwrap_err();
            assert!(
                e.to_string().contains("nodes.1: node \"a\" leads back to itself")
                    || e.to_string().contains("nodes.2: node \"b\" leads back"),
                "{e}"
            );
            let own = edges(&[("c", "c", "always")]);
            let e = check_edge_cycles(item, &want, &own).unwrap_err();
            assert!(e.to_string().contains("nodes.3: node \"c\" leads back to itself"), "{e}");
        });
    }

    fn stored(id: i64, ident: &str, approval_id: Option<i64>, row: NodeRow) -> (String, StoredNode) {
        (ident.to_string(), StoredNode { id, identifier: ident.to_string(), approval_id, row })
    }

    #[test]
    fn plan_nodes_writes_only_what_differs() {
        let same = NodeRow { verbosity: Some(1), ..Default::default() };
        let changed = NodeRow { verbosity: Some(2), ..Default::default() };
        let want: WantNodes =
            [("keep".to_string(), (same.clone(), 0)), ("edit".to_string(), (changed.clone(), 1)), ("add".to_string(), (same.clone(), 2))]
                .into();
        let have: HashMap<String, StoredNode> = [
            stored(10, "keep", None, same.clone()),
            stored(11, "edit", None, same.clone()),
            stored(13, "old2", None, same.clone()),
            stored(12, "old", Some(5), same.clone()),
        ]
        .into_iter()
        .collect();
        let plan = plan_nodes(&want, &have);
        assert_eq!(plan.unchanged, [("keep".to_string(), 10)].into());
        assert_eq!(plan.write, ["add", "edit"]);
        assert_eq!(plan.delete, [(12, Some(5)), (13, None)]);
        let all_same: WantNodes = [("keep".to_string(), (same.clone(), 0))].into();
        let have: HashMap<String, StoredNode> = [stored(10, "keep", None, same)].into_iter().collect();
        assert_eq!(plan_nodes(&all_same, &have), NodePlan { unchanged: [("keep".to_string(), 10)].into(), ..Default::default() });
    }

    #[test]
    fn edges_are_diffed_by_node_ids() {
        let ids: HashMap<String, i64> = [("a".to_string(), 1), ("b".to_string(), 2), ("c".to_string(), 3)].into();
        let want: BTreeSet<NodeEdge> = [("a".into(), "b".into(), "success"), ("a".into(), "c".into(), "failure")].into();
        let want = edge_ids(&want, &ids).unwrap();
        assert_eq!(want, [(1, 2, "success".to_string()), (1, 3, "failure".to_string())].into());
        let have: BTreeSet<IdEdge> = [(1, 2, "success".to_string()), (2, 3, "always".to_string())].into();
        assert_eq!(edge_changes(&want, &have), (vec![(2, 3, "always".to_string())], vec![(1, 3, "failure".to_string())]));
        assert_eq!(edge_changes(&want, &want), (vec![], vec![]));
        let unknown: BTreeSet<NodeEdge> = [("a".into(), "x".into(), "always")].into();
        assert!(edge_ids(&unknown, &ids).unwrap_err().message.contains("\"x\""));
    }

    #[test]
    fn stored_nodes_are_read_by_column_name() {
        use crate::db::{Db, DbOptions};
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display()), DbOptions::default()).unwrap();
        let (wf, have) = db
            .write(|tx| {
                let wf = tx.insert("INSERT INTO workflow_job_template (name, created, modified) VALUES ('wf', '', '') RETURNING id", &[])?;
                let a = tx.insert(
                    "INSERT INTO workflow_approval_template (name, description, timeout, created, modified) VALUES ('ok?', 'd', 30, '', '') RETURNING id",
                    &[],
                )?;
                tx.execute(
                    "INSERT INTO workflow_job_template_node (workflow_job_template_id, identifier, approval_template_id, extra_data,
                        job_limit, scm_branch, verbosity, diff_mode, all_parents_must_converge, created, modified)
                     VALUES ($1, 'gate', $2, '', 'web', 'main', 3, TRUE, TRUE, '', '')",
                    crate::params![wf, a],
                )?;
                Ok((wf, stored_nodes(tx, wf)?))
            })
            .unwrap();
        assert!(wf > 0);
        let gate = &have["gate"];
        assert!(gate.approval_id.is_some());
        let want = NodeRow {
            approval: Some(("ok?".into(), "d".into(), 30)),
            extra_data: Json::Object(Map::new()),
            text: [String::new(), "web".into(), String::new(), String::new(), "main".into()],
            verbosity: Some(3),
            diff_mode: Some(true),
            converge: true,
            ..Default::default()
        };
        assert_eq!(gate.row, want);
    }

    #[test]
    fn apply_nodes_updates_nodes_in_place_and_only_when_needed() {
        use crate::db::{Db, DbOptions};
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display()), DbOptions::default()).unwrap();
        let wf = db
            .write(|tx| tx.insert("INSERT INTO workflow_job_template (name, created, modified) VALUES ('wf', '', '') RETURNING id", &[]))
            .unwrap();
        let apply = |db: &mut Db, yaml: &str| with_item(yaml, |item| db.write(|tx| apply_nodes(tx, item, wf)).unwrap());
        let state = |db: &mut Db| {
            db.read(|tx| {
                let nodes = tx.query_as::<StoredNode>(&format!("{NODE_SELECT} ORDER BY n.identifier"), crate::params![wf])?;
                let nodes: Vec<_> = nodes.into_iter().map(|n| (n.id, n.identifier, n.row.approval)).collect();
                let edges: Vec<(String, String, String)> = tx
                    .query(
                        "SELECT f.identifier AS src, t.identifier AS dst, e.kind FROM workflow_node_edge e
                         JOIN workflow_job_template_node f ON f.id = e.from_node_id JOIN workflow_job_template_node t ON t.id = e.to_node_id
                         ORDER BY 1, 2",
                        &[],
                    )?
                    .iter()
                    .map(|r| Ok((r.col("src")?, r.col("dst")?, r.col("kind")?)))
                    .collect::<Result<_>>()?;
                let approvals: i64 = tx.scalar("SELECT count(*) FROM workflow_approval_template", &[])?;
                Ok((nodes, edges, approvals))
            })
            .unwrap()
        };
        let first = "nodes:\n  - identifier: a\n    approval: {timeout: 10}\n    success_nodes: [b]\n  - identifier: b\n";
        assert!(apply(&mut db, first));
        assert!(!apply(&mut db, first), "the same list again writes nothing");
        let (nodes, edges, approvals) = state(&mut db);
        let ids: Vec<i64> = nodes.iter().map(|n| n.0).collect();
        assert_eq!(nodes[0].2, Some(("a".into(), String::new(), 10)));
        assert_eq!(edges, [("a".to_string(), "b".to_string(), "success".to_string())]);
        assert_eq!(approvals, 1);
        // Changed in place: the same node ids, the approval edited, the edge retargeted.
        assert!(apply(
            &mut db,
            "nodes:\n  - identifier: a\n    approval: {timeout: 20}\n    always_nodes: [b]\n  - identifier: b\n    approval: {name: two}\n"
        ));
        let (nodes, edges, approvals) = state(&mut db);
        assert_eq!(nodes.iter().map(|n| n.0).collect::<Vec<_>>(), ids);
        assert_eq!(nodes[0].2, Some(("a".into(), String::new(), 20)));
        assert_eq!(nodes[1].2, Some(("two".into(), String::new(), 0)));
        assert_eq!(edges, [("a".to_string(), "b".to_string(), "always".to_string())]);
        assert_eq!(approvals, 2);
        // Dropping an approval deletes its template; dropping a node deletes it and its edges.
        assert!(apply(&mut db, "nodes:\n  - identifier: a\n"));
        let (nodes, edges, approvals) = state(&mut db);
        assert_eq!((nodes, edges, approvals), (vec![(ids[0], "a".to_string(), None)], vec![], 0));
    }
}
