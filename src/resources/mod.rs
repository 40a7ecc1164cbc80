//! Resources: create/update (`apply`), write back (`export`), `list`, `show`, `delete`.
//!
//! A resource file is a YAML (or JSON) mapping from plural type name to a list of objects,
//! related objects named by `name` (awxkit's export shape). Apply is idempotent: an object is
//! matched by name, only the fields the file gives are set, and a row is written only when a
//! value differs, so `export | apply` changes nothing. The caller runs the whole apply in one
//! transaction.

pub mod children;
pub mod roles;
pub mod types;

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use crate::crypto::{REDACTED, Secrets};
use crate::db::{Row, Tx, Value};
use crate::error::{Error, Result};
use crate::yaml::Node;
pub use types::{Def, Field, Kind, ResourceType};

/// One object of a resource file, with where it came from.
pub struct Item<'a> {
    pub file: &'a str,
    pub node: &'a Node,
    pub data: Map<String, Json>,
    /// `inventories[2]`
    pub label: String,
}

impl Item<'_> {
    /// An input error located at `path` inside this item.
    pub fn err(&self, path: &[&str], problem: impl std::fmt::Display) -> Error {
        let line = self.node.line_at(path.iter().copied());
        let what = if path.is_empty() { self.label.clone() } else { format!("{}.{}", self.label, path.join(".")) };
        Error::at(self.file, line, format!("{what}: {problem}"))
    }

    /// Value at a dotted key (`ssh.host`).
    pub fn get(&self, key: &str) -> Option<&Json> {
        let mut parts = key.split('.');
        let first = parts.next()?;
        let mut v = self.data.get(first)?;
        for p in parts {
            v = v.as_object()?.get(p)?;
        }
        Some(v)
    }

    pub fn name(&self, rt: &ResourceType) -> Result<String> {
        let alias = if rt.singular == "user" { self.data.get("username") } else { None };
        if let (Some(a), Some(b)) = (self.data.get(rt.key_field), alias)
            && a != b
        {
            return Err(self.err(&["username"], format!("says {b} but name says {a}: give one of them")));
        }
        let v = self.data.get(rt.key_field).or(alias);
        match v {
            Some(Json::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
            Some(Json::Number(n)) => Ok(n.to_string()),
            Some(_) => Err(self.err(&[rt.key_field], "must be a non-empty string")),
            None => Err(self.err(&[], format!("missing required field {:?}", rt.key_field))),
        }
    }
}

/// What apply did to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Created,
    Updated,
    Unchanged,
    Removed,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Change {
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub action: Action,
}

/// Look up an object's id by name.
pub fn id_by_name(tx: &mut Tx<'_>, rt: &ResourceType, name: &str) -> Result<Option<i64>> {
    tx.scalar_opt(&format!("SELECT id FROM {} WHERE {} = $1", rt.table, rt.key_column), crate::params![name])
}

/// Look up an object by name, or by id when no object has that name.
pub fn resolve(tx: &mut Tx<'_>, rt: &ResourceType, name_or_id: &str) -> Result<(i64, String)> {
    if let Some(id) = id_by_name(tx, rt, name_or_id)? {
        return Ok((id, name_or_id.to_string()));
    }
    if let Ok(id) = name_or_id.parse::<i64>()
        && let Some(name) =
            tx.scalar_opt::<String>(&format!("SELECT {} FROM {} WHERE id = $1", rt.key_column, rt.table), crate::params![id])?
    {
        return Ok((id, name));
    }
    Err(Error::not_found(format!("no {} named {name_or_id:?}", rt.singular.replace('_', " "))))
}

pub fn name_by_id(tx: &mut Tx<'_>, rt: &ResourceType, id: i64) -> Result<Option<String>> {
    tx.scalar_opt(&format!("SELECT {} FROM {} WHERE id = $1", rt.key_column, rt.table), crate::params![id])
}

fn def_json(d: &Def) -> Json {
    match d {
        Def::Text(s) => Json::String((*s).to_string()),
        Def::Int(i) => Json::from(*i),
        Def::Bool(b) => Json::Bool(*b),
        Def::Float(f) => serde_json::Number::from_f64(*f).map(Json::Number).unwrap_or(Json::Null),
        Def::Null => Json::Null,
        Def::Json(s) => serde_json::from_str(s).unwrap_or(Json::Null),
    }
}

/// Parse variables given as a mapping, or as YAML/JSON text of one.
pub fn parse_vars(v: &Json, file: &str) -> std::result::Result<Map<String, Json>, String> {
    match v {
        Json::Null => Ok(Map::new()),
        Json::Object(m) => Ok(m.clone()),
        Json::String(s) if s.trim().is_empty() => Ok(Map::new()),
        Json::String(s) => match crate::yaml::parse_one(s, file) {
            Ok(Json::Object(m)) => Ok(m),
            Ok(Json::Null) => Ok(Map::new()),
            Ok(_) => Err("must be a mapping".into()),
            Err(e) => Err(format!("is not valid YAML or JSON: {}", e.message)),
        },
        _ => Err("must be a mapping".into()),
    }
}

/// The stored form of a field value given in a file (Refs resolved to ids, secrets encrypted).
/// `old` is the stored value, used to keep secrets given as `$encrypted$`.
fn store_value(tx: &mut Tx<'_>, secrets: &Secrets, item: &Item<'_>, f: &Field, v: &Json, old: Option<&Value>) -> Result<Value> {
    let path: Vec<&str> = f.key.split('.').collect();
    let bad = |m: &str| item.err(&path, m);
    Ok(match f.kind {
        Kind::Text => match v {
            Json::Null => def_json(&f.default).as_str().map(Value::from).unwrap_or(Value::Null),
            Json::String(s) => Value::from(s.as_str()),
            Json::Number(n) => Value::from(n.to_string()),
            _ => return Err(bad("must be a string")),
        },
        Kind::SecretUrl => match v {
            Json::Null => Value::from(""),
            Json::String(url) => {
                let stored = match old {
                    Some(Value::Text(t)) => Some(t.as_str()),
                    _ => None,
                };
                Value::from(crate::crypto::url::store(secrets, f.column, url, stored)?.map_err(|m| bad(&m))?)
            }
            _ => return Err(bad("must be a string")),
        },
        Kind::Choice(options) => match v {
            Json::String(s) if options.contains(&s.as_str()) => Value::from(s.as_str()),
            Json::Null if options.contains(&"") => Value::from(""),
            _ => {
                return Err(bad(&format!(
                    "must be one of: {}",
                    options.iter().filter(|o| !o.is_empty()).cloned().collect::<Vec<_>>().join(", ")
                )));
            }
        },
        Kind::Int { min, max } => {
            let given = match v {
                Json::Null => {
                    return Ok(match f.default {
                        Def::Int(i) => Value::Int(i),
                        _ => Value::Null,
                    });
                }
                Json::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|x| x.fract() == 0.0 && x.abs() < 1e18).map(|x| x as i64)),
                Json::String(s) => s.trim().parse::<i64>().ok(),
                _ => None,
            };
            match given {
                Some(i) if (min..=max).contains(&i) => Value::Int(i),
                _ => return Err(bad(&format!("must be a whole number from {min} to {max}, not {v}"))),
            }
        }
        Kind::Float { min, max } => match v {
            Json::Number(n) if n.as_f64().is_some_and(|x| x.is_finite() && x >= min && x <= max) => {
                Value::Float(n.as_f64().unwrap_or_default())
            }
            _ => return Err(bad(&format!("must be a number from {min} to {max}, not {v}"))),
        },
        Kind::Bool => match v {
            Json::Bool(b) => Value::Bool(*b),
            _ => return Err(bad("must be true or false")),
        },
        Kind::Json => Value::Text(v.to_string()),
        Kind::Survey => {
            if let Err(e) = crate::launch::survey::check_spec(v).and_then(|()| crate::launch::survey::no_password_defaults(v)) {
                let at: Vec<&str> = path.iter().copied().chain(e.path.iter().map(String::as_str)).collect();
                return Err(item.err(&at, e.message));
            }
            Value::Text(v.to_string())
        }
        Kind::Vars => Value::Text(Json::Object(parse_vars(v, item.file).map_err(|m| bad(&m))?).to_string()),
        Kind::Secret => {
            let given = match v {
                Json::Null => Map::new(),
                Json::Object(m) => m.clone(),
                _ => return Err(bad("must be a mapping")),
            };
            let old_map: Map<String, Json> = match old {
                Some(Value::Text(t)) => serde_json::from_str(t).unwrap_or_default(),
                _ => Map::new(),
            };
            let mut out = Map::new();
            for (k, val) in given {
                // A password inside a URL (a webhook's `url`) is encrypted in place.
                if let (true, Json::String(u)) = (crate::crypto::url::is_url_key(&k), &val) {
                    let kept = old_map.get(&k).and_then(Json::as_str);
                    let stored = crate::crypto::url::store(secrets, &k, u, kept)?.map_err(|m| item.err(&[f.key, &k], m))?;
                    out.insert(k, Json::String(stored));
                    continue;
                }
                if !types::is_secret_key(&k) {
                    out.insert(k, val);
                    continue;
                }
                let plain = match &val {
                    Json::String(s) => s.clone(),
                    Json::Null => continue,
                    other => other.to_string(),
                };
                if plain == REDACTED {
                    match old_map.get(&k) {
                        Some(stored) => {
                            out.insert(k, stored.clone());
                        }
                        None => return Err(item.err(&[f.key, &k], "is $encrypted$ but no secret is stored to keep")),
                    }
                    continue;
                }
                // Unchanged secret: keep the stored ciphertext so the row does not change.
                if let Some(Json::String(stored)) = old_map.get(&k)
                    && secrets.decrypt(stored, &k).ok().as_deref() == Some(plain.as_str())
                {
                    out.insert(k, Json::String(stored.clone()));
                    continue;
                }
                out.insert(k.clone(), Json::String(secrets.encrypt(&plain, &k)?));
            }
            Value::Text(Json::Object(out).to_string())
        }
        Kind::Ref(target) => match v {
            Json::Null => Value::Null,
            Json::String(name) => {
                let rt = types::find(target).ok_or_else(|| Error::internal(format!("unknown type {target}")))?;
                match id_by_name(tx, rt, name)? {
                    Some(id) => Value::Int(id),
                    None => return Err(bad(&format!("no {} named {name:?}", target.replace('_', " ")))),
                }
            }
            _ => return Err(bad("must be the name of an object")),
        },
    })
}

/// Compare two stored values of a field.
fn same(f: &Field, a: &Value, b: &Value) -> bool {
    match f.kind {
        Kind::Bool => {
            let pa: Option<bool> = crate::db::FromValue::from_value(a).ok();
            let pb: Option<bool> = crate::db::FromValue::from_value(b).ok();
            pa == pb
        }
        Kind::Json | Kind::Survey | Kind::Vars | Kind::Secret => {
            let pa: Option<Json> = crate::db::FromValue::from_value(a).ok();
            let pb: Option<Json> = crate::db::FromValue::from_value(b).ok();
            pa == pb
        }
        Kind::Float { .. } => match (a, b) {
            (Value::Null, Value::Null) => true,
            _ => {
                let fa: Option<f64> = crate::db::FromValue::from_value(a).ok();
                let fb: Option<f64> = crate::db::FromValue::from_value(b).ok();
                fa == fb
            }
        },
        _ => a == b,
    }
}

/// Check an item's keys: everything must be a field, a child key or the name.
fn check_keys(rt: &ResourceType, item: &Item<'_>) -> Result<()> {
    let mut top: Vec<&str> = vec![rt.key_field];
    if rt.singular == "user" {
        top.push("username");
    }
    for f in rt.fields {
        top.push(f.key.split('.').next().unwrap_or(f.key));
    }
    top.extend_from_slice(rt.children);
    for (k, v) in &item.data {
        if !top.contains(&k.as_str()) {
            let mut expected: Vec<&str> = top.clone();
            expected.dedup();
            return Err(item.err(&[k], format!("unknown field (expected one of: {})", expected.join(", "))));
        }
        // Nested mapping fields (`ssh: {host, port, …}`).
        let nested: Vec<&str> = rt.fields.iter().filter_map(|f| f.key.strip_prefix(&format!("{k}."))).collect();
        if !nested.is_empty() {
            match v {
                Json::Object(m) => {
                    for sub in m.keys() {
                        if !nested.contains(&sub.as_str()) {
                            return Err(item.err(&[k, sub], format!("unknown field (expected one of: {})", nested.join(", "))));
                        }
                    }
                }
                Json::Null => {}
                _ => return Err(item.err(&[k], "must be a mapping")),
            }
        }
    }
    Ok(())
}

fn column_list(rt: &ResourceType) -> String {
    rt.fields.iter().map(|f| f.column).collect::<Vec<_>>().join(", ")
}

/// Create or update the object's own row. Returns its id and what happened.
pub fn upsert(tx: &mut Tx<'_>, secrets: &Secrets, rt: &ResourceType, item: &Item<'_>) -> Result<(i64, Action)> {
    check_keys(rt, item)?;
    let name = item.name(rt)?;
    let existing = tx.query_opt(
        &format!("SELECT id, {} FROM {} WHERE {} = $1", column_list(rt), rt.table, rt.key_column),
        crate::params![name.as_str()],
    )?;
    let mut sets: Vec<(&str, Value)> = Vec::new();
    for f in rt.fields {
        let old = existing.as_ref().map(|r| r.col_value(f.column).cloned()).transpose()?;
        match item.get(f.key) {
            None => {
                if existing.is_none() && f.required {
                    return Err(item.err(&[], format!("missing required field {:?}", f.key)));
                }
            }
            Some(v) => {
                let new = store_value(tx, secrets, item, f, v, old.as_ref())?;
                if f.required && new.is_null() && !(f.null_ok && v.is_null()) {
                    return Err(item.err(&[f.key], "is required"));
                }
                match &old {
                    Some(o) if same(f, o, &new) => {}
                    _ => sets.push((f.column, new)),
                }
            }
        }
    }
    // An inventory counts its sources: the one a source is in now, and the one it left.
    let source_was_in: Option<i64> = match &existing {
        Some(row) if rt.singular == "inventory_source" => row.col("inventory_id")?,
        _ => None,
    };
    let now = crate::time::now_str();
    let (id, action) = match existing {
        Some(row) => {
            let id: i64 = row.col("id")?;
            if sets.is_empty() {
                return Ok((id, Action::Unchanged));
            }
            let assigns: Vec<String> = sets.iter().enumerate().map(|(i, (c, _))| format!("{c} = ${}", i + 1)).collect();
            let mut params: Vec<Value> = sets.into_iter().map(|(_, v)| v).collect();
            params.push(Value::from(now));
            params.push(Value::Int(id));
            let n = params.len();
            tx.execute(&format!("UPDATE {} SET {}, modified = ${} WHERE id = ${n}", rt.table, assigns.join(", "), n - 1), &params)?;
            (id, Action::Updated)
        }
        None => {
            let mut cols = vec![rt.key_column, "created", "modified"];
            let mut params = vec![Value::from(name), Value::from(now.clone()), Value::from(now)];
            for (c, v) in sets {
                cols.push(c);
                params.push(v);
            }
            let ph: Vec<String> = (1..=params.len()).map(|i| format!("${i}")).collect();
            let id =
                tx.insert(&format!("INSERT INTO {} ({}) VALUES ({}) RETURNING id", rt.table, cols.join(", "), ph.join(", ")), &params)?;
            (id, Action::Created)
        }
    };
    if rt.singular == "inventory_source" {
        let now_in: i64 = tx.scalar("SELECT inventory_id FROM inventory_source WHERE id = $1", crate::params![id])?;
        for inv in std::iter::once(now_in).chain(source_was_in.filter(|i| *i != now_in)) {
            crate::inventory::counts::refresh(tx, inv)?;
        }
    }
    Ok((id, action))
}

/// Names of every object of a type, by id (for exporting references).
pub fn name_map(tx: &mut Tx<'_>, rt: &ResourceType) -> Result<HashMap<i64, String>> {
    let mut m = HashMap::new();
    tx.query_each(&format!("SELECT id, {} FROM {}", rt.key_column, rt.table), &[], |r| {
        m.insert(r.col("id")?, r.col(rt.key_column)?);
        Ok(())
    })?;
    Ok(m)
}

/// Cache of id → name per referenced type, filled on demand.
#[derive(Default)]
pub struct Names(HashMap<&'static str, HashMap<i64, String>>);

impl Names {
    pub fn get(&mut self, tx: &mut Tx<'_>, singular: &'static str, id: i64) -> Result<String> {
        if !self.0.contains_key(singular) {
            let rt = types::find(singular).ok_or_else(|| Error::internal(format!("unknown type {singular}")))?;
            let m = name_map(tx, rt)?;
            self.0.insert(singular, m);
        }
        Ok(self.0.get(singular).and_then(|m| m.get(&id)).cloned().unwrap_or_else(|| format!("#{id}")))
    }
}

/// The exported (file) form of a stored field value.
fn export_value(tx: &mut Tx<'_>, names: &mut Names, f: &Field, v: &Value) -> Result<Json> {
    Ok(match f.kind {
        Kind::Text | Kind::Choice(_) => match v {
            Value::Null => Json::Null,
            other => Json::String(crate::db::FromValue::from_value(other)?),
        },
        Kind::SecretUrl => match v {
            Value::Null => Json::Null,
            other => Json::String(crate::crypto::url::shown(&<String as crate::db::FromValue>::from_value(other)?)),
        },
        Kind::Int { .. } => match v {
            Value::Null => Json::Null,
            other => Json::from(<i64 as crate::db::FromValue>::from_value(other)?),
        },
        Kind::Float { .. } => match v {
            Value::Null => Json::Null,
            other => {
                let f: f64 = crate::db::FromValue::from_value(other)?;
                serde_json::Number::from_f64(f).map(Json::Number).unwrap_or(Json::Null)
            }
        },
        Kind::Bool => Json::Bool(crate::db::FromValue::from_value(v)?),
        Kind::Json | Kind::Survey | Kind::Vars => crate::db::FromValue::from_value(v)?,
        Kind::Secret => {
            let stored: Json = crate::db::FromValue::from_value(v)?;
            match stored {
                Json::Object(m) => Json::Object(
                    m.into_iter()
                        .map(|(k, val)| {
                            let shown = match &val {
                                Json::String(u) if crate::crypto::url::is_url_key(&k) => Json::String(crate::crypto::url::shown(u)),
                                _ if types::is_secret_key(&k) && !val.is_null() => Json::String(REDACTED.into()),
                                _ => val,
                            };
                            (k, shown)
                        })
                        .collect(),
                ),
                other => other,
            }
        }
        Kind::Ref(target) => match v {
            Value::Null => Json::Null,
            other => Json::String(names.get(tx, target, crate::db::FromValue::from_value(other)?)?),
        },
    })
}

fn insert_path(map: &mut Map<String, Json>, key: &str, v: Json) {
    match key.split_once('.') {
        None => {
            map.insert(key.to_string(), v);
        }
        Some((head, rest)) => {
            let entry = map.entry(head.to_string()).or_insert_with(|| Json::Object(Map::new()));
            if let Json::Object(m) = entry {
                insert_path(m, rest, v);
            }
        }
    }
}

/// Build the export document of one row (`SELECT id, key, <fields>`), omitting defaults.
fn export_row(tx: &mut Tx<'_>, names: &mut Names, rt: &ResourceType, row: &Row, all: bool) -> Result<Map<String, Json>> {
    let mut doc = Map::new();
    doc.insert(rt.key_field.to_string(), Json::String(row.col(rt.key_column)?));
    for f in rt.fields {
        let v = export_value(tx, names, f, row.col_value(f.column)?)?;
        if !all && !f.required && v == def_json(&f.default) {
            continue;
        }
        insert_path(&mut doc, f.key, v);
    }
    Ok(doc)
}

/// Export every object of a type (or one, by id), in name order, with sub-objects.
pub fn export(tx: &mut Tx<'_>, rt: &ResourceType, only: Option<i64>, all_fields: bool) -> Result<Vec<(i64, Map<String, Json>)>> {
    export_with(tx, rt, only, all_fields, true)
}

/// [`export`] without the sub-objects (`rt.children`) when `children` is false: `list` shows
/// none, and an inventory's are its hosts and groups (100,000 hosts read for one line).
pub fn export_with(
    tx: &mut Tx<'_>,
    rt: &ResourceType,
    only: Option<i64>,
    all_fields: bool,
    children: bool,
) -> Result<Vec<(i64, Map<String, Json>)>> {
    let mut names = Names::default();
    let filter = if only.is_some() { " WHERE id = $1" } else { "" };
    let params: Vec<Value> = only.map(Value::Int).into_iter().collect();
    let rows = tx.query(
        &format!("SELECT id, {}, {} FROM {}{filter} ORDER BY {}", rt.key_column, column_list(rt), rt.table, rt.key_column),
        &params,
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let id: i64 = row.col("id")?;
        let mut doc = export_row(tx, &mut names, rt, &row, all_fields)?;
        if children {
            children::export(tx, &mut names, rt, id, &mut doc)?;
        }
        out.push((id, doc));
    }
    Ok(out)
}

/// Read-only (computed) values of one object plus id/created/modified.
pub fn computed(tx: &mut Tx<'_>, rt: &ResourceType, id: i64) -> Result<Map<String, Json>> {
    let mut cols = vec!["id", "created", "modified"];
    cols.extend(rt.readonly.iter().map(|f| f.column));
    let row = tx.query_one(&format!("SELECT {} FROM {} WHERE id = $1", cols.join(", "), rt.table), crate::params![id])?;
    let mut names = Names::default();
    let mut m = Map::new();
    m.insert("id".into(), Json::from(id));
    m.insert("created".into(), row.col_value("created")?.to_json());
    m.insert("modified".into(), row.col_value("modified")?.to_json());
    for f in rt.readonly {
        m.insert(f.key.to_string(), export_value(tx, &mut names, f, row.col_value(f.column)?)?);
    }
    Ok(m)
}

/// Delete one object (sub-objects go with it by foreign key). Refuses when others depend on it.
pub fn delete(tx: &mut Tx<'_>, rt: &ResourceType, id: i64, name: &str) -> Result<()> {
    let users = dependents(tx, rt, id)?;
    if !users.is_empty() {
        return Err(Error::data(format!(
            "cannot delete {} {name:?}: still used by {}; delete or change those first",
            rt.singular.replace('_', " "),
            users.join(", ")
        )));
    }
    roles::forget_object(tx, rt.singular, id)?;
    let source_of = match rt.singular {
        "inventory_source" => tx.scalar_opt::<i64>("SELECT inventory_id FROM inventory_source WHERE id = $1", crate::params![id])?,
        _ => None,
    };
    tx.execute(&format!("DELETE FROM {} WHERE id = $1", rt.table), crate::params![id])?;
    if let Some(inv) = source_of {
        crate::inventory::counts::refresh(tx, inv)?;
    }
    if matches!(rt.singular, "inventory" | "organization") {
        // Its hosts left the smart inventories that selected them (by foreign key): recount.
        crate::inventory::smart::rebuild(tx, None)?;
    }
    Ok(())
}

/// Objects that reference this one through a RESTRICT foreign key.
fn dependents(tx: &mut Tx<'_>, rt: &ResourceType, id: i64) -> Result<Vec<String>> {
    let refs: &[(&str, &str, &str, &str)] = match rt.singular {
        "organization" => &[
            ("team", "name", "organization_id", "team"),
            ("credential", "name", "organization_id", "credential"),
            ("project", "name", "organization_id", "project"),
            ("inventory", "name", "organization_id", "inventory"),
            ("notification_template", "name", "organization_id", "notification template"),
        ],
        _ => &[],
    };
    let mut out = Vec::new();
    for (table, key, col, what) in refs {
        for r in tx.query(&format!("SELECT {key} FROM {table} WHERE {col} = $1 ORDER BY {key} LIMIT 5"), crate::params![id])? {
            out.push(format!("{what} {:?}", r.col::<String>(key)?));
        }
    }
    Ok(out)
}
