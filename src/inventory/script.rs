//! `--list` JSON: what executable inventory scripts print and `ansible-inventory --list`
//! writes. Read as Ansible's `script` plugin reads it: groups with `hosts` (a list), `vars`,
//! `children`; the deprecated shapes (a bare list of hosts; a mapping without those keys = a
//! group that is its own single host); `_meta.hostvars`, and without `_meta` one `--host`
//! call per host. Hosts that appear only in `_meta.hostvars` are dropped, as Ansible does.

use std::path::Path;

use serde_json::{Map, Value as Json};

use super::model::{Inventory, Origin};
use super::process::{self, RunOpts};
use crate::error::{Error, ErrorKind};

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "NoneType",
        Json::Bool(_) => "bool",
        Json::Number(n) if n.is_f64() => "float",
        Json::Number(_) => "int",
        Json::String(_) => "str",
        Json::Array(_) => "list",
        Json::Object(_) => "dict",
    }
}

/// Whether a JSON document is in `--list` form rather than a YAML-plugin inventory written as
/// JSON: it has `_meta`, or a group is a list, or some group's `hosts`/`children` is a list.
pub fn is_list_form(v: &Json) -> bool {
    let Json::Object(m) = v else { return false };
    m.contains_key("_meta")
        || m.values().any(|g| match g {
            Json::Array(_) => true,
            Json::Object(gm) => matches!(gm.get("hosts"), Some(Json::Array(_))) || matches!(gm.get("children"), Some(Json::Array(_))),
            _ => false,
        })
}

/// Wrap every string of a value as `{"__ansible_unsafe": text}` (dict keys stay plain).
fn unsafe_strings(v: Json) -> Json {
    match v {
        Json::String(s) => {
            let mut m = Map::new();
            m.insert("__ansible_unsafe".into(), Json::String(s));
            Json::Object(m)
        }
        Json::Array(a) => Json::Array(a.into_iter().map(unsafe_strings).collect()),
        Json::Object(m) => Json::Object(m.into_iter().map(|(k, v)| (k, unsafe_strings(v))).collect()),
        other => other,
    }
}

/// Fetches one host's variables (`SCRIPT --host NAME`), when `_meta` is absent.
pub type HostVarsFn<'a> = &'a dyn Fn(&[String]) -> Result<Vec<Json>, Error>;

/// Parse `--list` JSON into the inventory. `what` names the data in messages.
pub fn parse_list(inv: &mut Inventory, data: &Json, what: &str, host_vars: Option<HostVarsFn<'_>>) -> Result<(), Error> {
    let bad = |m: String| Error::data(format!("{what}: {m}"));
    let Json::Object(top) = data else {
        return Err(bad(format!("Value is '{}' instead of 'dict'.", type_name(data))));
    };
    if let Some(meta) = top.get("_meta") {
        let Json::Object(mm) = meta else {
            return Err(bad(format!("Value contains '_meta' which is '{}' instead of 'dict'.", type_name(meta))));
        };
        if let Some(p) = mm.get("profile") {
            match p {
                Json::String(s) if s.starts_with("inventory_") => {}
                Json::String(s) => return Err(bad(format!("Non-inventory profile '{s}' is not allowed."))),
                other => {
                    return Err(bad(format!("Value contains '_meta.profile' which is '{}' instead of 'str'.", type_name(other))));
                }
            }
        }
    }
    let fid = inv.file_id(what);
    let origin = Origin { file: fid, line: 0 };
    let mut seen_hosts: Vec<usize> = Vec::new();
    let mut seen_set = std::collections::HashSet::new();
    let mut meta_hostvars: Option<&Map<String, Json>> = None;
    for (group, gdata) in top {
        if group == "_meta" {
            match gdata.get("hostvars") {
                Some(Json::Object(hv)) => meta_hostvars = Some(hv),
                other => {
                    return Err(bad(format!(
                        "Value contains '_meta.hostvars' which is '{}' instead of 'dict'.",
                        type_name(other.unwrap_or(&Json::Null))
                    )));
                }
            }
            continue;
        }
        if group.is_empty() {
            return Err(bad("Invalid empty/false group name provided".into()));
        }
        let g = inv.add_group(group);
        let owned;
        let data: &Map<String, Json> = match gdata {
            Json::Object(m) if m.contains_key("hosts") || m.contains_key("vars") || m.contains_key("children") => m,
            Json::Object(m) => {
                inv.warn(format!("{what}: Treating malformed group '{group}' as the sole host of that group (deprecated)"));
                let mut d = Map::new();
                d.insert("hosts".into(), Json::Array(vec![Json::String(group.clone())]));
                // Variables given this way are not trusted as templates.
                d.insert("vars".into(), unsafe_strings(Json::Object(m.clone())));
                owned = d;
                &owned
            }
            other => {
                inv.warn(format!("{what}: Group '{group}' was converted to 'dict' from '{}' (deprecated)", type_name(other)));
                let mut d = Map::new();
                d.insert("hosts".into(), other.clone());
                owned = d;
                &owned
            }
        };
        if let Some(hosts) = data.get("hosts") {
            let Json::Array(list) = hosts else {
                return Err(bad(format!("Value contains '{group}.hosts' which is '{}' instead of 'list'.", type_name(hosts))));
            };
            for h in list {
                let Json::String(name) = h else {
                    return Err(bad(format!("Invalid host name supplied, expected a string but got {} for {h}", type_name(h))));
                };
                if name.is_empty() {
                    return Err(bad("Invalid empty host name provided: ".into()));
                }
                let hi = inv.add_host(name, Some(g), None, origin.clone());
                if seen_set.insert(hi) {
                    seen_hosts.push(hi);
                }
            }
        }
        if let Some(vars) = data.get("vars") {
            let Json::Object(vm) = vars else {
                return Err(bad(format!("Value contains '{group}.vars' which is '{}' instead of 'dict'.", type_name(vars))));
            };
            for (k, v) in vm {
                inv.set_variable(group, k, v.clone()).map_err(bad)?;
            }
        }
        if let Some(children) = data.get("children") {
            let names: Vec<Json> = match children {
                Json::Array(a) => a.clone(),
                Json::Object(m) => m.keys().map(|k| Json::String(k.clone())).collect(),
                Json::String(s) => s.chars().map(|c| Json::String(c.to_string())).collect(),
                other => return Err(bad(format!("'{}' object is not iterable ({group}.children)", type_name(other)))),
            };
            for c in names {
                let Json::String(cname) = c else {
                    return Err(bad(format!("Invalid group name supplied, expected a string but got {} for {c}", type_name(&c))));
                };
                if cname.is_empty() {
                    return Err(bad("Invalid empty/false group name provided".into()));
                }
                inv.add_group(&cname);
                inv.add_child(group, &cname).map_err(bad)?;
            }
        }
    }
    let fetched: Vec<Json> = match (meta_hostvars, host_vars) {
        (Some(_), _) => Vec::new(),
        (None, Some(f)) => {
            inv.warn(format!(
                "{what}: Inventory scripts should always provide '_meta.hostvars'; host variables were collected with --host for each host (deprecated)"
            ));
            let names: Vec<String> = seen_hosts.iter().map(|h| inv.hosts[*h].name.clone()).collect();
            f(&names)?
        }
        (None, None) => Vec::new(),
    };
    for (i, h) in seen_hosts.iter().enumerate() {
        let name = inv.hosts[*h].name.clone();
        let got = match meta_hostvars {
            Some(hv) => hv.get(&name).cloned().unwrap_or(Json::Object(Map::new())),
            None => fetched.get(i).cloned().unwrap_or(Json::Object(Map::new())),
        };
        let Json::Object(vars) = got else {
            return Err(bad(format!("Invalid data from file, expected dictionary and got:\n\n{got}")));
        };
        for (k, v) in vars {
            inv.set_variable(&name, &k, v).map_err(bad)?;
        }
    }
    Ok(())
}

/// Parse the `--list` output of a program (script or ansible-inventory).
pub fn parse_output(out: &process::Captured, what: &str) -> Result<Json, Error> {
    let text = std::str::from_utf8(&out.stdout)
        .map_err(|_| Error::data(format!("{what}: output contained characters that cannot be interpreted as UTF-8")))?;
    let mut v = serde_json::from_str(text).map_err(|e| {
        let mut err = Error::data(format!("{what}:{}: output is not valid JSON: {e}", e.line()));
        for l in process::stderr_tail(&out.stderr, 5) {
            err = err.detail(l);
        }
        err
    })?;
    crate::pynum::normalize(&mut v);
    Ok(v)
}

fn failed(what: &str, out: &process::Captured) -> Error {
    let mut e = Error::data(format!("{what}: exited with status {}", out.status));
    for l in process::stderr_tail(&out.stderr, 10) {
        e = e.detail(l);
    }
    e
}

/// Run an executable inventory script (`--list`, then `--host` per host without `_meta`).
pub fn load_script(inv: &mut Inventory, path: &Path, opts: &RunOpts) -> Result<(), Error> {
    let shown = path.display().to_string();
    let what = format!("{shown} --list");
    // Ansible runs scripts in its own working directory; so does awxm.
    let out = process::run(path, &["--list"], None, opts)?;
    if out.status != 0 {
        return Err(failed(&what, &out));
    }
    let data = parse_output(&out, &what)?;
    let fetch = |names: &[String]| -> Result<Vec<Json>, Error> { host_vars_parallel(path, names, opts) };
    parse_list(inv, &data, &shown, Some(&fetch))
}

/// `SCRIPT --host NAME` for each host, four at a time (Ansible runs them one by one).
fn host_vars_parallel(path: &Path, names: &[String], opts: &RunOpts) -> Result<Vec<Json>, Error> {
    let results: std::sync::Mutex<Vec<Option<Result<Json, Error>>>> = std::sync::Mutex::new((0..names.len()).map(|_| None).collect());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        for _ in 0..4.min(names.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= names.len() || stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let name = &names[i];
                    let what = format!("{} --host {name}", path.display());
                    let r = process::run(path, &["--host", name], None, opts).and_then(|out| {
                        if out.status != 0 {
                            return Err(failed(&what, &out));
                        }
                        if out.stdout.iter().all(u8::is_ascii_whitespace) {
                            return Ok(Json::Object(Map::new()));
                        }
                        parse_output(&out, &what)
                    });
                    if r.is_err() {
                        stop.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                    if let Ok(mut g) = results.lock() {
                        g[i] = Some(r);
                    }
                }
            });
        }
    });
    let results = results.into_inner().map_err(|_| Error::internal("host variable worker panicked"))?;
    let mut out = Vec::with_capacity(names.len());
    for r in results {
        match r {
            Some(Ok(v)) => out.push(v),
            Some(Err(e)) => return Err(e),
            None => return Err(Error::new(ErrorKind::Internal, "a --host call did not run")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::model::UNGROUPED;
    use serde_json::json;

    #[test]
    fn list_json_shapes() {
        let mut inv = Inventory::new();
        let data = json!({
            "_meta": {"hostvars": {"a": {"x": 1}, "orphan": {"y": 2}}},
            "web": {"hosts": ["a", "b"], "vars": {"v": true}, "children": ["db"]},
            "old": ["c"],
            "single": {"ansible_host": "10.0.0.1"},
        });
        parse_list(&mut inv, &data, "t", None).unwrap();
        inv.reconcile();
        assert_eq!(inv.hosts.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(), ["a", "b", "c", "single"]);
        assert_eq!(inv.hosts[0].vars["x"], 1);
        assert!(inv.host("orphan").is_none());
        assert!(inv.group("db").is_some());
        let single = inv.group("single").unwrap();
        assert_eq!(inv.groups[single].vars["ansible_host"], json!({"__ansible_unsafe": "10.0.0.1"}));
        assert!(inv.groups[UNGROUPED].hosts.is_empty());
        assert!(is_list_form(&data));
        assert!(!is_list_form(&json!({"web": {"hosts": {"a": {}}}})));
    }

    #[test]
    fn bad_list_json() {
        let mut inv = Inventory::new();
        assert!(parse_list(&mut inv, &json!([1]), "t", None).is_err());
        assert!(parse_list(&mut inv, &json!({"_meta": {}}), "t", None).is_err());
        assert!(parse_list(&mut inv, &json!({"g": {"hosts": "a"}}), "t", None).is_err());
    }
}
