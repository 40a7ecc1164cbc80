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
use crate::db::{Tx, Value};
use crate::error::{Error, Result};

/// Apply the sub-object keys of `item` to object `id`. Returns whether anything changed.
pub fn apply(tx: &mut Tx<'_>, _secrets: &Secrets, rt: &ResourceType, id: i64, item: &Item<'_>) -> Result<bool> {
    let mut changed = false;
    match rt.singular {
        "inventory" => {
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
            for event in ["started", "success", "error"] {
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
        .map(|r| r.get(0))
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
            existing.insert(r.get(1)?, (r.get(0)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?));
            Ok(())
        },
    )?;
    let now = crate::time::now_str();
    let mut changed = false;
    let mut keep = HashSet::new();
    for e in &list {
        let idx = e.idx.to_string();
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
        existing.insert(r.get(1)?, (r.get(0)?, r.get(2)?, r.get(3)?));
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
            let p: i64 = r.get(0)?;
            edges.entry(p).or_default().push(r.get(1)?);
            names.insert(p, r.get(2)?);
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

const UJT_KEYS: &[(&str, &str)] = &[
    ("job_template", "job_template_id"),
    ("project", "project_id"),
    ("inventory_source", "inventory_source_id"),
    ("workflow_job_template", "workflow_template_id"),
];
const NODE_TEXT: &[(&str, &str)] =
    &[("job_type", "job_type"), ("limit", "job_limit"), ("job_tags", "job_tags"), ("skip_tags", "skip_tags"), ("scm_branch", "scm_branch")];
const EDGE_KINDS: &[(&str, &str)] = &[("success_nodes", "success"), ("failure_nodes", "failure"), ("always_nodes", "always")];

#[derive(Debug, PartialEq, Clone, Default)]
struct NodeRow {
    ujt: [Option<i64>; 4],
    approval: Option<(String, String, i64)>,
    inventory: Option<i64>,
    extra_data: Json,
    text: [String; 5],
    verbosity: Option<i64>,
    diff_mode: Option<bool>,
    converge: bool,
    credentials: BTreeSet<i64>,
}

fn apply_nodes(tx: &mut Tx<'_>, item: &Item<'_>, wf: i64) -> Result<bool> {
    let mut allowed: Vec<&str> =
        vec!["identifier", "approval", "inventory", "credentials", "extra_data", "verbosity", "diff_mode", "all_parents_must_converge"];
    allowed.extend(UJT_KEYS.iter().map(|(k, _)| *k));
    allowed.extend(NODE_TEXT.iter().map(|(k, _)| *k));
    allowed.extend(EDGE_KINDS.iter().map(|(k, _)| *k));
    let Some(v) = item.data.get("nodes") else { return Ok(false) };
    let list = match v {
        Json::Null => Vec::new(),
        Json::Array(a) => a.clone(),
        _ => return Err(item.err(&["nodes"], "must be a list")),
    };
    // Desired nodes.
    let mut want: BTreeMap<String, (NodeRow, usize)> = BTreeMap::new();
    let mut want_edges: BTreeSet<(String, String, &'static str)> = BTreeSet::new();
    for (i, n) in list.iter().enumerate() {
        let idx = i.to_string();
        let p = |k: &str| vec!["nodes".to_string(), idx.clone(), k.to_string()];
        let perr = |k: &str, m: String| {
            let path = p(k);
            let refs: Vec<&str> = path.iter().map(|s| s.as_str()).collect();
            item.err(&refs, m)
        };
        let Json::Object(m) = n else { return Err(item.err(&["nodes", &idx], "must be a mapping")) };
        check_entry(item, &["nodes", &idx], m, &allowed)?;
        let ident = match m.get("identifier") {
            Some(Json::String(s)) if !s.is_empty() => s.clone(),
            Some(Json::Number(x)) => x.to_string(),
            _ => return Err(item.err(&["nodes", &idx], "needs an identifier")),
        };
        if want.contains_key(&ident) {
            return Err(item.err(&["nodes", &idx, "identifier"], format!("identifier {ident:?} is used twice")));
        }
        let mut row = NodeRow { extra_data: Json::Object(Map::new()), ..Default::default() };
        let mut kinds = 0;
        for (k, (key, _)) in UJT_KEYS.iter().enumerate() {
            if let Some(v) = m.get(*key) {
                let Json::String(name) = v else { return Err(perr(key, "must be a name".into())) };
                let rt = types::find(key).ok_or_else(|| Error::internal("node type"))?;
                row.ujt[k] =
                    Some(id_by_name(tx, rt, name)?.ok_or_else(|| perr(key, format!("no {} named {name:?}", key.replace('_', " "))))?);
                kinds += 1;
            }
        }
        if let Some(a) = m.get("approval") {
            let Json::Object(am) = a else { return Err(perr("approval", "must be a mapping with name, description, timeout".into())) };
            let name = am.get("name").and_then(|x| x.as_str()).unwrap_or(&ident).to_string();
            let desc = am.get("description").and_then(|x| x.as_str()).unwrap_or("").to_string();
            let timeout = am.get("timeout").and_then(|x| x.as_i64()).unwrap_or(0);
            row.approval = Some((name, desc, timeout));
            kinds += 1;
        }
        // A node without a template is allowed, as in AWX: a workflow copy blanks the templates
        // the copying user may not start, and the export of such a copy must apply again.
        if kinds > 1 {
            return Err(
                item.err(&["nodes", &idx], "may have only one of job_template, project, inventory_source, workflow_job_template, approval")
            );
        }
        if let Some(v) = m.get("inventory") {
            row.inventory = match v {
                Json::Null => None,
                Json::String(name) => Some(
                    id_by_name(tx, &types::INVENTORY, name)?.ok_or_else(|| perr("inventory", format!("no inventory named {name:?}")))?,
                ),
                _ => return Err(perr("inventory", "must be a name".into())),
            };
        }
        if let Some(v) = m.get("credentials") {
            let Json::Array(a) = v else { return Err(perr("credentials", "must be a list of names".into())) };
            for c in a {
                let name = c.as_str().ok_or_else(|| perr("credentials", "must be a list of names".into()))?;
                row.credentials.insert(
                    id_by_name(tx, &types::CREDENTIAL, name)?
                        .ok_or_else(|| perr("credentials", format!("no credential named {name:?}")))?,
                );
            }
        }
        if let Some(v) = m.get("extra_data") {
            row.extra_data = Json::Object(parse_vars(v, item.file).map_err(|e| perr("extra_data", e))?);
        }
        for (k, (key, _)) in NODE_TEXT.iter().enumerate() {
            if let Some(v) = m.get(*key) {
                row.text[k] = match v {
                    Json::String(s) => s.clone(),
                    Json::Null => String::new(),
                    _ => return Err(perr(key, "must be a string".into())),
                };
            }
        }
        row.verbosity = match m.get("verbosity") {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) if n.is_i64() => n.as_i64(),
            Some(_) => return Err(perr("verbosity", "must be an integer".into())),
        };
        row.diff_mode = match m.get("diff_mode") {
            None | Some(Json::Null) => None,
            Some(Json::Bool(b)) => Some(*b),
            Some(_) => return Err(perr("diff_mode", "must be true or false".into())),
        };
        row.converge = match m.get("all_parents_must_converge") {
            None | Some(Json::Null) => false,
            Some(Json::Bool(b)) => *b,
            Some(_) => return Err(perr("all_parents_must_converge", "must be true or false".into())),
        };
        for (key, kind) in EDGE_KINDS {
            if let Some(v) = m.get(*key) {
                let Json::Array(a) = v else { return Err(perr(key, "must be a list of identifiers".into())) };
                for t in a {
                    let target = match t {
                        Json::String(s) => s.clone(),
                        Json::Number(x) => x.to_string(),
                        _ => return Err(perr(key, "must be a list of identifiers".into())),
                    };
                    want_edges.insert((ident.clone(), target, kind));
                }
            }
        }
        want.insert(ident, (row, i));
    }
    for (from, to, _) in &want_edges {
        if !want.contains_key(to) {
            let i = want.get(from).map(|(_, i)| *i).unwrap_or(0).to_string();
            return Err(item.err(&["nodes", &i], format!("links to node {to:?}, which is not defined")));
        }
    }
    // Stored nodes.
    let mut have: HashMap<String, (i64, NodeRow, Option<i64>)> = HashMap::new();
    for r in tx.query(
        "SELECT n.id, n.identifier, n.job_template_id, n.project_id, n.inventory_source_id, n.workflow_template_id, n.approval_template_id,
                n.inventory_id, n.extra_data, n.job_type, n.job_limit, n.job_tags, n.skip_tags, n.scm_branch, n.verbosity, n.diff_mode,
                n.all_parents_must_converge, a.name, a.description, a.timeout
         FROM workflow_job_template_node n LEFT JOIN workflow_approval_template a ON a.id = n.approval_template_id
         WHERE n.workflow_job_template_id = $1",
        crate::params![wf],
    )? {
        let id: i64 = r.get(0)?;
        let mut row = NodeRow {
            ujt: [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
            inventory: r.get(7)?,
            extra_data: r.get(8)?,
            text: [r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?, r.get(13)?],
            verbosity: r.get(14)?,
            diff_mode: r.get(15)?,
            converge: r.get(16)?,
            ..Default::default()
        };
        if row.extra_data.is_null() {
            row.extra_data = Json::Object(Map::new());
        }
        let approval_id: Option<i64> = r.get(6)?;
        if approval_id.is_some() {
            row.approval = Some((r.get(17)?, r.get(18)?, r.get(19)?));
        }
        for c in tx.query("SELECT credential_id FROM workflow_node_credential WHERE node_id = $1", crate::params![id])? {
            row.credentials.insert(c.get(0)?);
        }
        have.insert(r.get(1)?, (id, row, approval_id));
    }
    let now = crate::time::now_str();
    let mut changed = false;
    let mut ids: HashMap<String, i64> = HashMap::new();
    for (ident, (row, _)) in &want {
        match have.get(ident) {
            Some((id, old, _)) if old == row => {
                ids.insert(ident.clone(), *id);
            }
            existing => {
                let existing_approval = existing.and_then(|(_, _, a)| *a);
                let approval_id = match (&row.approval, existing_approval) {
                    (Some((n, d, t)), Some(aid)) => {
                        tx.execute(
                            "UPDATE workflow_approval_template SET name = $1, description = $2, timeout = $3, modified = $4 WHERE id = $5",
                            crate::params![n.as_str(), d.as_str(), *t, now.as_str(), aid],
                        )?;
                        Some(aid)
                    }
                    (Some((n, d, t)), None) => Some(tx.insert(
                        "INSERT INTO workflow_approval_template (name, description, timeout, created, modified) VALUES ($1, $2, $3, $4, $4) RETURNING id",
                        crate::params![n.as_str(), d.as_str(), *t, now.as_str()],
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
                    now.as_str(),
                    wf,
                    ident.as_str()
                ];
                let id = match existing {
                    Some((id, ..)) => {
                        tx.execute(
                            "UPDATE workflow_job_template_node SET job_template_id = $1, project_id = $2, inventory_source_id = $3,
                                workflow_template_id = $4, approval_template_id = $5, inventory_id = $6, extra_data = $7, job_type = $8,
                                job_limit = $9, job_tags = $10, skip_tags = $11, scm_branch = $12, verbosity = $13, diff_mode = $14,
                                all_parents_must_converge = $15, modified = $16
                             WHERE workflow_job_template_id = $17 AND identifier = $18",
                            params,
                        )?;
                        tx.execute("DELETE FROM workflow_node_credential WHERE node_id = $1", crate::params![*id])?;
                        *id
                    }
                    None => tx.insert(
                        "INSERT INTO workflow_job_template_node (job_template_id, project_id, inventory_source_id, workflow_template_id,
                            approval_template_id, inventory_id, extra_data, job_type, job_limit, job_tags, skip_tags, scm_branch, verbosity,
                            diff_mode, all_parents_must_converge, created, modified, workflow_job_template_id, identifier)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $18) RETURNING id",
                        params,
                    )?,
                };
                for c in &row.credentials {
                    tx.execute("INSERT INTO workflow_node_credential (node_id, credential_id) VALUES ($1, $2)", crate::params![id, *c])?;
                }
                ids.insert(ident.clone(), id);
                changed = true;
            }
        }
    }
    for (ident, (id, _, approval)) in &have {
        if !want.contains_key(ident) {
            tx.execute("DELETE FROM workflow_job_template_node WHERE id = $1", crate::params![*id])?;
            if let Some(aid) = approval {
                tx.execute("DELETE FROM workflow_approval_template WHERE id = $1", crate::params![*aid])?;
            }
            changed = true;
        }
    }
    // Edges.
    let mut have_edges: BTreeSet<(i64, i64, String)> = BTreeSet::new();
    for r in tx.query(
        "SELECT e.from_node_id, e.to_node_id, e.kind FROM workflow_node_edge e
         JOIN workflow_job_template_node n ON n.id = e.from_node_id WHERE n.workflow_job_template_id = $1",
        crate::params![wf],
    )? {
        have_edges.insert((r.get(0)?, r.get(1)?, r.get(2)?));
    }
    let want_ids: BTreeSet<(i64, i64, String)> = want_edges.iter().map(|(f, t, k)| (ids[f], ids[t], k.to_string())).collect();
    if want_ids != have_edges {
        for (f, t, k) in have_edges.difference(&want_ids) {
            tx.execute(
                "DELETE FROM workflow_node_edge WHERE from_node_id = $1 AND to_node_id = $2 AND kind = $3",
                crate::params![*f, *t, k.as_str()],
            )?;
        }
        for (f, t, k) in want_ids.difference(&have_edges) {
            tx.execute(
                "INSERT INTO workflow_node_edge (from_node_id, to_node_id, kind) VALUES ($1, $2, $3)",
                crate::params![*f, *t, k.as_str()],
            )?;
        }
        changed = true;
    }
    Ok(changed)
}

// ---- export ----

fn names_of(tx: &mut Tx<'_>, sql: &str, id: i64) -> Result<Vec<Json>> {
    tx.query(sql, crate::params![id])?.iter().map(|r| Ok(Json::String(r.get(0)?))).collect()
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
                "SELECT u.username FROM team_member m JOIN auth_user u ON u.id = m.user_id WHERE m.team_id = $1 ORDER BY u.username",
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
            for event in ["started", "success", "error"] {
                let rows = tx.query(
                    &format!("SELECT n.name FROM {table} x JOIN notification_template n ON n.id = x.notification_template_id WHERE x.{owner} = $1 AND x.event = $2 ORDER BY n.name"),
                    crate::params![id, event],
                )?;
                let l = rows.iter().map(|r| Ok(Json::String(r.get(0)?))).collect::<Result<Vec<_>>>()?;
                put_list(doc, &format!("notification_templates_{event}"), l);
            }
            if !jt {
                export_nodes(tx, names, id, doc)?;
            }
        }
        "instance_group" => {
            let l = names_of(
                tx,
                "SELECT i.hostname FROM instance_group_instance x JOIN instance i ON i.id = x.instance_id WHERE x.instance_group_id = $1 ORDER BY i.hostname",
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
    Ok(())
}

fn export_inventory(tx: &mut Tx<'_>, inv: i64, doc: &mut Map<String, Json>) -> Result<()> {
    let mut hosts = Vec::new();
    tx.query_each(
        "SELECT name, description, enabled, instance_id, variables FROM host WHERE inventory_id = $1 ORDER BY name",
        crate::params![inv],
        |r| {
            let mut h = Map::new();
            h.insert("name".into(), Json::String(r.get(0)?));
            let d: String = r.get(1)?;
            if !d.is_empty() {
                h.insert("description".into(), Json::String(d));
            }
            if !r.get::<bool>(2)? {
                h.insert("enabled".into(), Json::Bool(false));
            }
            let i: String = r.get(3)?;
            if !i.is_empty() {
                h.insert("instance_id".into(), Json::String(i));
            }
            let v: Json = r.get(4)?;
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
            members.entry(r.get(0)?).or_default().push(Json::String(r.get(1)?));
            Ok(())
        },
    )?;
    let mut kids: HashMap<i64, Vec<Json>> = HashMap::new();
    tx.query_each(
        "SELECT c.parent_id, g.name FROM group_child c JOIN inv_group g ON g.id = c.child_id WHERE g.inventory_id = $1 ORDER BY g.name",
        crate::params![inv],
        |r| {
            kids.entry(r.get(0)?).or_default().push(Json::String(r.get(1)?));
            Ok(())
        },
    )?;
    let mut groups = Vec::new();
    tx.query_each(
        "SELECT id, name, description, variables FROM inv_group WHERE inventory_id = $1 ORDER BY name",
        crate::params![inv],
        |r| {
            let id: i64 = r.get(0)?;
            let mut g = Map::new();
            g.insert("name".into(), Json::String(r.get(1)?));
            let d: String = r.get(2)?;
            if !d.is_empty() {
                g.insert("description".into(), Json::String(d));
            }
            let v: Json = r.get(3)?;
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
    let mut ident: HashMap<i64, String> = HashMap::new();
    let rows = tx.query(
        "SELECT n.id, n.identifier, n.job_template_id, n.project_id, n.inventory_source_id, n.workflow_template_id, n.approval_template_id,
                n.inventory_id, n.extra_data, n.job_type, n.job_limit, n.job_tags, n.skip_tags, n.scm_branch, n.verbosity, n.diff_mode,
                n.all_parents_must_converge, a.name, a.description, a.timeout
         FROM workflow_job_template_node n LEFT JOIN workflow_approval_template a ON a.id = n.approval_template_id
         WHERE n.workflow_job_template_id = $1 ORDER BY n.identifier",
        crate::params![wf],
    )?;
    for r in &rows {
        ident.insert(r.get(0)?, r.get(1)?);
    }
    let mut edges: HashMap<(i64, &str), Vec<Json>> = HashMap::new();
    for r in tx.query(
        "SELECT e.from_node_id, e.to_node_id, e.kind FROM workflow_node_edge e JOIN workflow_job_template_node n ON n.id = e.from_node_id
         WHERE n.workflow_job_template_id = $1",
        crate::params![wf],
    )? {
        let kind: String = r.get(2)?;
        let k = EDGE_KINDS.iter().find(|(_, x)| *x == kind).map(|(key, _)| *key).unwrap_or("always_nodes");
        let to: i64 = r.get(1)?;
        edges.entry((r.get(0)?, k)).or_default().push(Json::String(ident.get(&to).cloned().unwrap_or_default()));
    }
    let mut nodes = Vec::new();
    for r in &rows {
        let id: i64 = r.get(0)?;
        let mut n = Map::new();
        n.insert("identifier".into(), Json::String(r.get(1)?));
        for (k, (key, _)) in UJT_KEYS.iter().enumerate() {
            if let Some(t) = r.get::<Option<i64>>(2 + k)? {
                n.insert((*key).into(), Json::String(names.get(tx, key, t)?));
            }
        }
        if r.get::<Option<i64>>(6)?.is_some() {
            let mut a = Map::new();
            a.insert("name".into(), Json::String(r.get(17)?));
            let d: String = r.get(18)?;
            if !d.is_empty() {
                a.insert("description".into(), Json::String(d));
            }
            let t: i64 = r.get(19)?;
            if t != 0 {
                a.insert("timeout".into(), Json::from(t));
            }
            n.insert("approval".into(), Json::Object(a));
        }
        if let Some(inv) = r.get::<Option<i64>>(7)? {
            n.insert("inventory".into(), Json::String(names.get(tx, "inventory", inv)?));
        }
        let creds = names_of(
            tx,
            "SELECT c.name FROM workflow_node_credential x JOIN credential c ON c.id = x.credential_id WHERE x.node_id = $1 ORDER BY c.name",
            id,
        )?;
        put_list(&mut n, "credentials", creds);
        let extra: Json = r.get(8)?;
        if extra.as_object().is_some_and(|m| !m.is_empty()) {
            n.insert("extra_data".into(), extra);
        }
        for (k, (key, _)) in NODE_TEXT.iter().enumerate() {
            let s: String = r.get(9 + k)?;
            if !s.is_empty() {
                n.insert((*key).into(), Json::String(s));
            }
        }
        if let Some(v) = r.get::<Option<i64>>(14)? {
            n.insert("verbosity".into(), Json::from(v));
        }
        if let Some(v) = r.get::<Option<bool>>(15)? {
            n.insert("diff_mode".into(), Json::Bool(v));
        }
        if r.get::<bool>(16)? {
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
