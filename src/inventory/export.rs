//! A stored inventory as `ansible-inventory --list --export` JSON (the inventory script
//! contract: groups with `hosts`/`children`/`vars`, `all` with its children and the
//! inventory's variables, `ungrouped`, `_meta.hostvars`), printed the way Python's
//! `json.dumps(sort_keys=True, indent=4)` prints it, so the two can be diffed.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value as Json};

use super::model::Vars;
use crate::db::Tx;
use crate::error::{Error, Result};

/// Parse a stored variables document (JSON, or YAML from older writers).
pub fn parse_vars_text(text: &str) -> Vars {
    if text.trim().is_empty() {
        return Vars::new();
    }
    if let Ok(Json::Object(m)) = serde_json::from_str::<Json>(text) {
        return m;
    }
    match crate::yaml::parse_one(text, "<variables>") {
        Ok(Json::Object(m)) => m,
        _ => Vars::new(),
    }
}

pub struct ExportOptions {
    /// Include disabled hosts (AWX's script export leaves them out).
    pub include_disabled: bool,
}

/// The `--list` document of inventory `inv`.
pub fn list_json(tx: &mut Tx<'_>, inv: i64, opts: &ExportOptions) -> Result<Json> {
    let inv_vars: String = tx
        .scalar_opt("SELECT variables FROM inventory WHERE id = $1", crate::params![inv])?
        .ok_or_else(|| Error::not_found(format!("no inventory with id {inv}")))?;
    let mut all_vars = parse_vars_text(&inv_vars);

    // Hosts (by id: the order they were created, i.e. the source's order on a first import).
    let mut host_name: HashMap<i64, String> = HashMap::new();
    let mut host_order: Vec<i64> = Vec::new();
    let mut hostvars = Map::new();
    // A smart inventory's hosts are its members (AWX §7.1), ungrouped.
    let host_sql = if super::smart::is_smart(tx, inv)? {
        "SELECT h.id AS id, h.name AS name, h.variables AS variables, h.enabled AS enabled FROM smart_inventory_membership m
         JOIN host h ON h.id = m.host_id WHERE m.inventory_id = $1 ORDER BY h.name, h.id"
    } else {
        "SELECT id, name, variables, enabled FROM host WHERE inventory_id = $1 ORDER BY id"
    };
    tx.query_each(host_sql, crate::params![inv], |r| {
        let enabled: bool = r.col("enabled")?;
        if !enabled && !opts.include_disabled {
            return Ok(());
        }
        let id: i64 = r.col("id")?;
        let name: String = r.col("name")?;
        let text: String = r.col("variables")?;
        let vars = parse_vars_text(&text);
        if !vars.is_empty() {
            hostvars.insert(name.clone(), Json::Object(vars));
        }
        host_name.insert(id, name);
        host_order.push(id);
        Ok(())
    })?;

    let mut groups: Vec<(i64, String, Vars)> = Vec::new();
    tx.query_each("SELECT id, name, variables FROM inv_group WHERE inventory_id = $1 ORDER BY id", crate::params![inv], |r| {
        groups.push((r.col("id")?, r.col("name")?, parse_vars_text(&r.col::<String>("variables")?)));
        Ok(())
    })?;
    let gname: HashMap<i64, String> = groups.iter().map(|(id, n, _)| (*id, n.clone())).collect();

    let mut children: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut has_parent: HashSet<i64> = HashSet::new();
    tx.query_each(
        "SELECT gc.parent_id AS parent_id, gc.child_id AS child_id FROM group_child gc JOIN inv_group g ON g.id = gc.parent_id
         WHERE g.inventory_id = $1 ORDER BY gc.parent_id, gc.child_id",
        crate::params![inv],
        |r| {
            let (p, c): (i64, i64) = (r.col("parent_id")?, r.col("child_id")?);
            children.entry(p).or_default().push(c);
            has_parent.insert(c);
            Ok(())
        },
    )?;
    let mut members: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut grouped: HashSet<i64> = HashSet::new();
    tx.query_each(
        "SELECT gh.group_id AS group_id, gh.host_id AS host_id FROM group_host gh JOIN inv_group g ON g.id = gh.group_id
         WHERE g.inventory_id = $1 ORDER BY gh.group_id, gh.host_id",
        crate::params![inv],
        |r| {
            let (g, h): (i64, i64) = (r.col("group_id")?, r.col("host_id")?);
            if host_name.contains_key(&h) {
                members.entry(g).or_default().push(h);
                grouped.insert(h);
            }
            Ok(())
        },
    )?;

    let mut out = Map::new();
    let mut all_children = vec![Json::String("ungrouped".into())];
    let mut ungrouped_vars = Vars::new();
    let mut ungrouped_hosts: Vec<Json> = Vec::new();
    for (id, name, vars) in &groups {
        // A stored group named like an implicit one lends it its variables and members.
        if name == "all" {
            for (k, v) in vars {
                all_vars.insert(k.clone(), v.clone());
            }
            continue;
        }
        if name == "ungrouped" {
            ungrouped_vars = vars.clone();
            for h in members.get(id).into_iter().flatten() {
                ungrouped_hosts.push(Json::String(host_name[h].clone()));
            }
            continue;
        }
        if !has_parent.contains(id) {
            all_children.push(Json::String(name.clone()));
        }
        let mut g = Map::new();
        let hosts: Vec<Json> = members.get(id).into_iter().flatten().map(|h| Json::String(host_name[h].clone())).collect();
        if !hosts.is_empty() {
            g.insert("hosts".into(), Json::Array(hosts));
        }
        let kids: Vec<Json> = children
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|c| gname.get(c))
            .filter(|n| n.as_str() != "all" && n.as_str() != "ungrouped")
            .map(|n| Json::String(n.clone()))
            .collect();
        if !kids.is_empty() {
            g.insert("children".into(), Json::Array(kids));
        }
        if !vars.is_empty() {
            g.insert("vars".into(), Json::Object(vars.clone()));
        }
        if !g.is_empty() {
            out.insert(name.clone(), Json::Object(g));
        }
    }
    for h in &host_order {
        if !grouped.contains(h) {
            let n = Json::String(host_name[h].clone());
            if !ungrouped_hosts.contains(&n) {
                ungrouped_hosts.push(n);
            }
        }
    }
    let mut all = Map::new();
    all.insert("children".into(), Json::Array(all_children));
    if !all_vars.is_empty() {
        all.insert("vars".into(), Json::Object(all_vars));
    }
    out.insert("all".into(), Json::Object(all));
    let mut ug = Map::new();
    if !ungrouped_hosts.is_empty() {
        ug.insert("hosts".into(), Json::Array(ungrouped_hosts));
    }
    if !ungrouped_vars.is_empty() {
        ug.insert("vars".into(), Json::Object(ungrouped_vars));
    }
    if !ug.is_empty() {
        out.insert("ungrouped".into(), Json::Object(ug));
    }
    let mut meta = Map::new();
    meta.insert("hostvars".into(), Json::Object(hostvars));
    meta.insert("profile".into(), Json::String("inventory_legacy".into()));
    out.insert("_meta".into(), Json::Object(meta));
    Ok(Json::Object(out))
}

/// One host's own variables (`--host NAME`).
pub fn host_json(tx: &mut Tx<'_>, inv: i64, host: &str) -> Result<Json> {
    let text: Option<String> = match super::smart::host_by_name(tx, inv, host)? {
        Some(id) => tx.scalar_opt("SELECT variables FROM host WHERE id = $1", crate::params![id])?,
        None => None,
    };
    match text {
        Some(t) => Ok(Json::Object(parse_vars_text(&t))),
        None => Err(Error::not_found(format!("no host {host:?} in this inventory"))),
    }
}

/// `json.dumps(value, sort_keys=True, indent=4, ensure_ascii=False)`, as ansible-inventory
/// (ansible-core 2.19's inventory encoder) prints: UTF-8 text as is, control characters
/// escaped, Python's float formatting.
pub fn py_dumps(v: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, v, 0);
    out
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn indent(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn write_value(out: &mut String, v: &Json, level: usize) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // Ints exactly, floats as Python's repr; infinity stays `1e+999` (see crate::pynum).
        Json::Number(n) => out.push_str(&crate::pynum::json_text(n)),
        Json::String(s) => write_str(out, s),
        Json::Array(a) => {
            if a.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, level + 1);
                write_value(out, item, level + 1);
            }
            indent(out, level);
            out.push(']');
        }
        Json::Object(m) => {
            if m.is_empty() {
                out.push_str("{}");
                return;
            }
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, level + 1);
                write_str(out, k);
                out.push_str(": ");
                write_value(out, &m[k.as_str()], level + 1);
            }
            indent(out, level);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dumps_like_python() {
        let v = json!({"b": [1, 2.5, {"z": null}], "a": "é\n\u{1}Ω", "c": {}, "d": [], "e": 1e16});
        assert_eq!(
            py_dumps(&v),
            "{\n    \"a\": \"é\\n\\u0001Ω\",\n    \"b\": [\n        1,\n        2.5,\n        {\n            \"z\": null\n        }\n    ],\n    \"c\": {},\n    \"d\": [],\n    \"e\": 1e+16\n}"
        );
    }
}
