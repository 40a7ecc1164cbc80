//! YAML (and JSON) inventories, read as Ansible's `yaml` inventory plugin reads them: root keys
//! are groups, each with `hosts` (a mapping of host patterns to vars), `vars` and `children`;
//! other keys are skipped with a warning. Files are loaded as Ansible's loader does: as JSON
//! first, then as YAML 1.1 with PyYAML's typing (see `crate::yaml`).

use serde_json::Value as Json;

use super::model::{Inventory, Origin};
use super::pattern;
use crate::error::Error;
use crate::yaml::{self, Node, NodeKind};

/// A loaded document: YAML nodes (with lines and typed keys) or JSON.
#[derive(Clone, Copy)]
pub enum Doc<'a> {
    Y(&'a Node),
    J(&'a Json),
}

/// One mapping key.
pub struct Key {
    pub text: String,
    /// The key is a string (host patterns and group names must be).
    pub is_str: bool,
    pub line: usize,
}

/// A parsed file: JSON when it is valid JSON, else the YAML node tree.
pub enum Loaded {
    Json(Json),
    Yaml(Node),
    Empty,
}

/// `DataLoader.load_from_file`: JSON first, then YAML (single document).
pub fn load(text: &str, file: &str) -> Result<Loaded, Error> {
    if let Ok(mut v) = serde_json::from_str::<Json>(text) {
        crate::pynum::normalize(&mut v);
        return Ok(Loaded::Json(v));
    }
    let mut docs = yaml::parse_documents(text, file)?;
    match docs.len() {
        0 => Ok(Loaded::Empty),
        1 => Ok(Loaded::Yaml(docs.remove(0))),
        _ => Err(loc(file, docs[1].line, "expected a single document in the stream but found another document")),
    }
}

/// `file:line: msg`, or `file: msg` when the line is unknown (JSON).
pub fn loc(file: &str, line: usize, msg: impl std::fmt::Display) -> Error {
    if line == 0 { Error::data(format!("{file}: {msg}")) } else { Error::at(file, line, msg) }
}

impl<'a> Doc<'a> {
    pub fn line(&self) -> usize {
        match self {
            Doc::Y(n) => n.line,
            Doc::J(_) => 0,
        }
    }

    pub fn is_null(&self) -> bool {
        match self {
            Doc::Y(n) => n.is_null(),
            Doc::J(v) => v.is_null(),
        }
    }

    pub fn is_map(&self) -> bool {
        match self {
            Doc::Y(n) => matches!(n.kind, NodeKind::Map(_)) && !matches!(n.tag.as_deref(), Some("!!set" | "!vault")),
            Doc::J(v) => v.is_object(),
        }
    }

    /// A string scalar (not a number or boolean that happens to be text).
    pub fn as_string(&self, file: &str) -> Result<Option<String>, Error> {
        match self {
            Doc::Y(n) if matches!(n.kind, NodeKind::Scalar { .. }) => match n.to_json_ansible(file)? {
                Json::String(s) => Ok(Some(s)),
                _ => Ok(None),
            },
            Doc::J(Json::String(s)) => Ok(Some(s.clone())),
            _ => Ok(None),
        }
    }

    pub fn to_json(&self, file: &str) -> Result<Json, Error> {
        match self {
            Doc::Y(n) => n.to_json_ansible(file),
            Doc::J(v) => Ok((*v).clone()),
        }
    }

    /// Python truthiness of the value.
    pub fn truthy(&self, file: &str) -> Result<bool, Error> {
        Ok(match self.to_json(file)? {
            Json::Null => false,
            Json::Bool(b) => b,
            Json::Number(n) => n.as_f64() != Some(0.0),
            Json::String(s) => !s.is_empty(),
            Json::Array(a) => !a.is_empty(),
            Json::Object(m) => !m.is_empty(),
        })
    }

    /// Python's type name of the value, for messages.
    pub fn type_name(&self, file: &str) -> String {
        match self.to_json(file) {
            Ok(Json::Null) => "NoneType",
            Ok(Json::Bool(_)) => "bool",
            Ok(Json::Number(n)) if n.is_f64() => "float",
            Ok(Json::Number(_)) => "int",
            Ok(Json::String(_)) => "str",
            Ok(Json::Array(_)) => "list",
            Ok(Json::Object(_)) => "dict",
            Err(_) => "object",
        }
        .to_string()
    }

    /// The entries of a mapping as Python's dict would hold them: `<<` merges applied, later
    /// duplicates overriding earlier ones in the first one's position.
    pub fn entries(&self, file: &str) -> Result<Vec<(Key, Doc<'a>)>, Error> {
        match self {
            Doc::J(Json::Object(m)) => Ok(m.iter().map(|(k, v)| (Key { text: k.clone(), is_str: true, line: 0 }, Doc::J(v))).collect()),
            Doc::Y(n) => {
                let mut out: Vec<(Key, Doc<'a>)> = Vec::new();
                let mut index: std::collections::HashMap<(String, bool), usize> = std::collections::HashMap::new();
                for (k, v) in yaml::flatten_pairs(n, file)? {
                    let kv = k.to_json_ansible(file)?;
                    let is_str = kv.is_string();
                    let text = match &kv {
                        Json::String(s) => s.clone(),
                        Json::Null => "None".into(),
                        Json::Bool(b) => if *b { "True" } else { "False" }.into(),
                        other => other.to_string(),
                    };
                    let key = Key { text: text.clone(), is_str, line: k.line };
                    match index.get(&(text.clone(), is_str)) {
                        Some(&i) => out[i].1 = Doc::Y(v),
                        None => {
                            index.insert((text, is_str), out.len());
                            out.push((key, Doc::Y(v)));
                        }
                    }
                }
                Ok(out)
            }
            _ => Ok(Vec::new()),
        }
    }

    /// Look up a string key.
    pub fn get(&self, key: &str, file: &str) -> Result<Option<Doc<'a>>, Error> {
        Ok(self.entries(file)?.into_iter().find(|(k, _)| k.is_str && k.text == key).map(|(_, v)| v))
    }
}

/// The YAML inventory plugin over a loaded document.
pub fn parse(inv: &mut Inventory, loaded: &Loaded, file: &str) -> Result<(), Error> {
    let doc = match loaded {
        Loaded::Json(v) => Doc::J(v),
        Loaded::Yaml(n) => Doc::Y(n),
        Loaded::Empty => return Err(loc(file, 0, "Parsed empty YAML file")),
    };
    if !doc.truthy(file)? {
        return Err(loc(file, doc.line(), "Parsed empty YAML file"));
    }
    if !doc.is_map() {
        return Err(loc(
            file,
            doc.line(),
            format!("YAML inventory has invalid structure, it should be a dictionary, got: {}", doc.type_name(file)),
        ));
    }
    if let Some(p) = doc.get("plugin", file)?
        && p.truthy(file)?
    {
        return Err(loc(file, p.line(), "Plugin configuration YAML file, not YAML inventory"));
    }
    let fid = inv.file_id(file);
    let mut ranged = 0;
    for (k, v) in doc.entries(file)? {
        parse_group(inv, &k, v, file, fid, &mut ranged)?;
    }
    Ok(())
}

/// Returns the group's name (which may not have been added, as in Ansible). `ranged`: the hosts
/// host ranges of the file expanded to so far (more than [`pattern::MAX_EXPANSION`] in all are
/// refused, like one range).
fn parse_group(inv: &mut Inventory, key: &Key, data: Doc<'_>, file: &str, fid: u32, ranged: &mut usize) -> Result<String, Error> {
    let name = key.text.clone();
    if !(data.is_map() || data.is_null()) {
        inv.warn(format!("{}: Skipping '{name}' as this is not a valid group definition", place(file, key.line)));
        return Ok(name);
    }
    if !key.is_str {
        return Err(loc(file, key.line, format!("Unable to add group {name}: Invalid group name supplied, expected a string")));
    }
    if name.is_empty() {
        return Err(loc(file, key.line, "Unable to add group : Invalid empty/false group name provided"));
    }
    let g = inv.add_group(&name);
    if data.is_null() {
        return Ok(name);
    }
    let entries = data.entries(file)?;
    // Sections given as a string mean {string: None}; other non-mappings are errors.
    for (k, v) in &entries {
        if k.is_str && matches!(k.text.as_str(), "vars" | "children" | "hosts") && !(v.is_map() || v.is_null()) {
            if let Some(s) = v.as_string(file)? {
                let _ = s;
                continue;
            }
            return Err(loc(
                file,
                v.line().max(k.line),
                format!(
                    "Invalid \"{}\" entry for \"{name}\" group, requires a dictionary, found \"{}\" instead.",
                    k.text,
                    v.type_name(file)
                ),
            ));
        }
    }
    for (k, v) in entries {
        let section = if k.is_str { k.text.as_str() } else { "" };
        let as_string = if matches!(section, "vars" | "children" | "hosts") { v.as_string(file)? } else { None };
        if as_string.is_none() && !(v.is_map() || v.is_null()) {
            inv.warn(format!(
                "{}: Skipping key ({}) in group ({name}) as it is not a mapping, it is a {}",
                place(file, k.line),
                k.text,
                v.type_name(file)
            ));
            continue;
        }
        if v.is_null() {
            continue;
        }
        // A string section: one entry with no data.
        let items: Vec<(Key, Option<Doc<'_>>)> = match &as_string {
            Some(s) => vec![(Key { text: s.clone(), is_str: true, line: v.line() }, None)],
            None => v.entries(file)?.into_iter().map(|(k, v)| (k, Some(v))).collect(),
        };
        match section {
            "vars" => {
                for (vk, vv) in items {
                    let val = match vv {
                        Some(d) => d.to_json(file)?,
                        None => Json::Null,
                    };
                    inv.set_group_var(g, &vk.text, val).map_err(|m| loc(file, vk.line, m))?;
                }
            }
            "children" => {
                for (ck, cv) in items {
                    let child = match cv {
                        Some(d) => parse_group(inv, &ck, d, file, fid, ranged)?,
                        None => {
                            let null = Json::Null;
                            parse_group(inv, &ck, Doc::J(&null), file, fid, ranged)?
                        }
                    };
                    inv.add_child(&name, &child).map_err(|m| loc(file, ck.line, m))?;
                }
            }
            "hosts" => {
                for (hk, hv) in items {
                    if !hk.is_str {
                        return Err(loc(
                            file,
                            hk.line,
                            format!("Host pattern {} must be a string. Enclose integers/floats in quotation marks.", hk.text),
                        ));
                    }
                    let (names, port) = pattern::expand_hostpattern(&hk.text).map_err(|m| loc(file, hk.line, m))?;
                    if names.len() > 1 {
                        *ranged += names.len();
                        if *ranged > pattern::MAX_EXPANSION {
                            let m = format!("the host ranges of this file expand to more than {} hosts", pattern::MAX_EXPANSION);
                            return Err(loc(file, hk.line, m));
                        }
                    }
                    let vars: Vec<(String, Json, usize)> = match hv {
                        Some(d) if d.truthy(file)? => {
                            if !d.is_map() {
                                return Err(loc(
                                    file,
                                    d.line().max(hk.line),
                                    format!("Invalid data from file, expected dictionary and got: {}", d.to_json(file)?),
                                ));
                            }
                            d.entries(file)?
                                .into_iter()
                                .map(|(k, v)| Ok((k.text, v.to_json(file)?, k.line)))
                                .collect::<Result<_, Error>>()?
                        }
                        _ => Vec::new(),
                    };
                    for n in &names {
                        if n.is_empty() {
                            return Err(loc(file, hk.line, "Invalid empty host name provided: "));
                        }
                        inv.add_host(n, Some(g), port, Origin { file: fid, line: hk.line as u32 });
                        for (vk, vv, line) in &vars {
                            inv.set_variable(n, vk, vv.clone()).map_err(|m| loc(file, (*line).max(hk.line), m))?;
                        }
                    }
                }
            }
            _ => {
                inv.warn(format!(
                    "{}: Skipping unexpected key ({}) in group ({name}), only \"vars\", \"children\" and \"hosts\" are valid",
                    place(file, k.line),
                    k.text
                ));
            }
        }
    }
    Ok(name)
}

fn place(file: &str, line: usize) -> String {
    if line == 0 { file.to_string() } else { format!("{file}:{line}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::model::UNGROUPED;
    use serde_json::json;

    fn load_str(text: &str) -> Result<Inventory, Error> {
        let mut inv = Inventory::new();
        let l = load(text, "inv.yml")?;
        parse(&mut inv, &l, "inv.yml")?;
        inv.reconcile();
        Ok(inv)
    }

    #[test]
    fn groups_hosts_vars_children() {
        let inv = load_str(
            "all:\n  hosts:\n    solo:\n  vars:\n    a: yes\n  children:\n    web:\n      hosts:\n        web[1:2]:2222: {x: 0755}\n      children:\n        eu:\n          hosts: eu1\n    empty:\n",
        )
        .unwrap();
        let web = inv.group("web").unwrap();
        assert_eq!(inv.groups[web].hosts.len(), 2);
        assert_eq!(inv.hosts[1].vars["ansible_port"], json!(2222));
        assert_eq!(inv.hosts[1].vars["x"], json!(493));
        assert_eq!(inv.groups[0].vars["a"], json!(true));
        assert!(inv.group("eu").is_some() && inv.group("empty").is_some());
        assert_eq!(inv.groups[UNGROUPED].hosts, vec![0]);
    }

    #[test]
    fn the_host_ranges_of_a_file_are_capped_together() {
        // Each range alone is within the cap; together they are one host over it.
        let e = load_str("a:\n  hosts:\n    a[1:2]:\nb:\n  hosts:\n    b[1:1999999]:\n").unwrap_err();
        assert!(e.message.starts_with("inv.yml:6: the host ranges of this file expand to more than 2000000 hosts"), "{}", e.message);
    }

    #[test]
    fn bad_structures() {
        assert!(load_str("all:\n  hosts: [a, b]\n").unwrap_err().message.starts_with("inv.yml:2:"));
        assert!(load_str("all:\n  hosts:\n    1: {}\n").unwrap_err().message.contains("must be a string"));
        assert!(load_str("- a\n").unwrap_err().message.contains("invalid structure"));
        assert!(load_str("plugin: aws_ec2\n").unwrap_err().message.contains("Plugin configuration"));
        let inv = load_str("web:\n  hosts: {h: }\n  bogus: {}\n").unwrap();
        assert_eq!(inv.warnings.len(), 1, "{:?}", inv.warnings);
    }

    #[test]
    fn json_is_read_as_json() {
        let inv = load_str("{\"g\": {\"hosts\": {\"h\": {\"f\": 1e3}}}}").unwrap();
        assert_eq!(inv.hosts[0].vars["f"], json!(1000.0));
    }

    #[test]
    fn duplicate_keys_keep_the_last_definition() {
        let inv = load_str("all:\n  children:\n    web:\n      hosts: {a: }\n    web:\n      hosts: {b: }\n").unwrap();
        assert_eq!(inv.hosts.len(), 1);
        assert_eq!(inv.hosts[0].name, "b");
    }
}
