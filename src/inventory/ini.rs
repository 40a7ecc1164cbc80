//! INI inventories, read as Ansible's `ini` inventory plugin reads them: hosts before any
//! section are `ungrouped`; `[g]`, `[g:vars]`, `[g:children]` (forward references allowed, a
//! child must be declared somewhere, `:vars` of an undeclared group is an error); host lines
//! split with shlex (an unquoted `#` ends the line); every value through Python's
//! `literal_eval`; host patterns with ranges and ports.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use regex::Regex;
use serde_json::Value as Json;

use super::model::{Inventory, Origin};
use super::{pattern, pyast};
use crate::error::Error;

struct Res {
    section: Regex,
    groupname: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| Res {
        section: Regex::new(r"^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$").expect("static regex"),
        groupname: Regex::new(r"^([^:\]\s]+)\s*(?:#.*)?$").expect("static regex"),
    })
}

/// Python's `str.splitlines()` separators.
fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = b[i];
        let (is_sep, len) = match c {
            b'\n' | b'\x0b' | b'\x0c' | b'\x1c' | b'\x1d' | b'\x1e' => (true, 1),
            b'\r' => (true, if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 }),
            0xc2 if b.get(i + 1) == Some(&0x85) => (true, 2),
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)) => (true, 3),
            _ => (false, 1),
        };
        if is_sep {
            out.push(&text[start..i]);
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Decode the file as Ansible does: UTF-8, except that comment lines may hold anything.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                if matches!(line.first(), Some(b'#' | b';')) {
                    continue;
                }
                match std::str::from_utf8(line) {
                    Ok(s) => out.push_str(s),
                    Err(e) => return Err(Error::at(file, i + 1, format!("invalid UTF-8 (byte 0x{:02X})", line[e.valid_up_to()]))),
                }
            }
            Ok(out)
        }
    }
}

/// A fast path for the common values (plain words and small decimal numbers), exactly what
/// `literal_eval` would give; everything else goes through the full evaluator.
fn value(text: &str) -> Result<Json, String> {
    let b = text.as_bytes();
    if let Some(first) = b.first() {
        if (first.is_ascii_alphabetic() || *first == b'_')
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
            && !matches!(text, "True" | "False" | "None")
        {
            return Ok(Json::String(text.to_string()));
        }
        if b.len() < 18 && b.iter().all(u8::is_ascii_digit) && (*first != b'0' || b.len() == 1) {
            return Ok(Json::from(text.parse::<i64>().unwrap_or(0)));
        }
        // Made only of characters that cannot start a string, a container or a comment, the
        // text is a literal only as a bare True/False/None or a number; a leading name, two
        // dots or any of `:/@` rule that out (`web server`, `10.0.0.1`, `host-1.example`).
        if b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'/' | b'@' | b' ' | b'-')) {
            let name_led = first.is_ascii_alphabetic() || *first == b'_';
            if (name_led && !matches!(text.trim_end(), "True" | "False" | "None"))
                || b.iter().filter(|c| **c == b'.').count() >= 2
                || b.iter().any(|c| matches!(c, b':' | b'/' | b'@'))
            {
                return Ok(Json::String(text.to_string()));
            }
        }
    }
    pyast::ini_value(text)
}

/// One host line, parsed: the expanded names, the port, the typed variables.
struct HostLine {
    names: Vec<String>,
    port: Option<i64>,
    vars: Vec<(String, Json)>,
}

/// `ranged`: the hosts host ranges of this file expanded to so far, shared by the threads of
/// [`preparse`]; more than [`pattern::MAX_EXPANSION`] in all are refused, like one range.
fn host_line(line: &str, ranged: &AtomicUsize) -> Result<HostLine, String> {
    let tokens = pyast::shlex_split(line).map_err(|e| format!("Error parsing host definition '{line}': {e}"))?;
    let Some(first) = tokens.first() else {
        return Err(format!("Expected a host definition, got: {line}"));
    };
    let (names, port) = pattern::expand_hostpattern(first)?;
    if names.len() > 1 && ranged.fetch_add(names.len(), Ordering::Relaxed) + names.len() > pattern::MAX_EXPANSION {
        return Err(format!("the host ranges of this file expand to more than {} hosts", pattern::MAX_EXPANSION));
    }
    if first.trim().ends_with(':') && port.is_none() {
        return Err(format!(
            "Invalid host pattern '{first}' supplied, ending in ':' is not allowed, this character is reserved to provide a port."
        ));
    }
    if names.iter().any(|n| n.trim() == "---") {
        return Err(format!("Invalid host pattern '{first}' supplied, '---' is normally a sign this is a YAML file."));
    }
    let mut vars: Vec<(String, Json)> = Vec::with_capacity(tokens.len() - 1);
    for t in &tokens[1..] {
        let Some((k, v)) = t.split_once('=') else {
            return Err(format!("Expected key=value host variable assignment, got: {t}"));
        };
        vars.push((k.to_string(), value(v)?));
    }
    Ok(HostLine { names, port, vars })
}

/// Large files: find the host lines (a cheap pass over section headers) and parse them on all
/// CPUs; applying them to the inventory stays sequential, in file order.
fn preparse(lines: &[&str], ranged: &AtomicUsize) -> Option<Vec<Option<Result<HostLine, String>>>> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
    if lines.len() < 4000 || threads < 2 {
        return None;
    }
    let r = res();
    let mut is_host = vec![false; lines.len()];
    let mut hosts_state = true;
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with(['#', ';']) {
            continue;
        }
        if line.starts_with('[')
            && let Some(c) = r.section.captures(line)
        {
            hosts_state = c.get(2).is_none_or(|m| m.as_str() == "hosts");
            continue;
        }
        is_host[i] = hosts_state;
    }
    let mut out: Vec<Option<Result<HostLine, String>>> = (0..lines.len()).map(|_| None).collect();
    let chunk = lines.len().div_ceil(threads);
    std::thread::scope(|s| {
        for ((lines, flags), slots) in lines.chunks(chunk).zip(is_host.chunks(chunk)).zip(out.chunks_mut(chunk)) {
            s.spawn(move || {
                for ((line, host), slot) in lines.iter().zip(flags).zip(slots.iter_mut()) {
                    if *host {
                        *slot = Some(host_line(line.trim(), ranged));
                    }
                }
            });
        }
    });
    Some(out)
}

struct Pending {
    line: usize,
    state: &'static str,
    name: String,
    parents: Vec<String>,
}

/// Parse INI text into the inventory.
pub fn parse(inv: &mut Inventory, text: &str, file: &str) -> Result<(), Error> {
    parse_with(inv, text, file, true)
}

fn parse_with(inv: &mut Inventory, text: &str, file: &str, parallel: bool) -> Result<(), Error> {
    let fid = inv.file_id(file);
    let r = res();
    let mut pending: Vec<Pending> = Vec::new();
    let mut pending_idx: HashMap<String, usize> = HashMap::new();
    let mut group = String::from("ungrouped");
    let mut state: &'static str = "hosts";
    let err = |line: usize, m: String| Error::at(file, line, m);
    let lines = split_lines(text);
    let ranged = AtomicUsize::new(0);
    let mut pre = if parallel { preparse(&lines, &ranged) } else { None };
    for (i, raw) in lines.into_iter().enumerate() {
        let lineno = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with(['#', ';']) {
            continue;
        }
        if line.starts_with('[') {
            if let Some(c) = r.section.captures(line) {
                let name = c.get(1).map(|m| m.as_str()).unwrap_or_default().to_string();
                let kind = c.get(2).map(|m| m.as_str()).unwrap_or("hosts");
                state = match kind {
                    "hosts" => "hosts",
                    "children" => "children",
                    "vars" => "vars",
                    other => return Err(err(lineno, format!("Section [{name}:{other}] has unknown type: {other}"))),
                };
                if inv.group(&name).is_none() {
                    if state == "vars" && !pending_idx.contains_key(&name) {
                        pending_idx.insert(name.clone(), pending.len());
                        pending.push(Pending { line: lineno, state: "vars", name: name.clone(), parents: Vec::new() });
                    }
                    inv.add_group(&name);
                }
                if state != "vars"
                    && let Some(&pi) = pending_idx.get(&name)
                {
                    if pending[pi].state == "children" {
                        add_pending_children(inv, &name, &mut pending, &mut pending_idx).map_err(|m| err(lineno, m))?;
                    } else {
                        pending_idx.remove(&name);
                    }
                }
                group = name;
                continue;
            } else if line.ends_with(']') {
                return Err(err(
                    lineno,
                    format!(
                        "Invalid section entry: '{line}'. Please make sure that there are no spaces in the section entry, and that there are no other invalid characters"
                    ),
                ));
            }
        }
        match state {
            "hosts" => {
                let parsed = match pre.as_mut().and_then(|p| p[i].take()) {
                    Some(r) => r,
                    None => host_line(line, &ranged),
                };
                let HostLine { names, port, mut vars } = parsed.map_err(|m| err(lineno, m))?;
                let g = inv.group(&group);
                let last = names.len().saturating_sub(1);
                for (i, n) in names.iter().enumerate() {
                    if n.is_empty() {
                        return Err(err(lineno, "Invalid empty host name provided: ".to_string()));
                    }
                    let h = inv.add_host(n, g, port, Origin { file: fid, line: lineno as u32 });
                    // Ansible sets these by name, and a group of the same name takes them.
                    let same_name_group = inv.group(n);
                    for (k, slot) in vars.iter_mut() {
                        // The last host of the line takes the values themselves.
                        let v = if i == last { std::mem::take(slot) } else { slot.clone() };
                        match same_name_group {
                            Some(sg) => inv.set_group_var(sg, k, v).map_err(|m| err(lineno, m))?,
                            None => inv.set_host_var(h, k, v),
                        }
                    }
                }
            }
            "vars" => {
                let Some((k, v)) = line.split_once('=') else {
                    return Err(err(lineno, format!("Expected key=value, got: {line}")));
                };
                let v = value(v.trim()).map_err(|m| err(lineno, m))?;
                inv.set_variable(&group, k.trim(), v).map_err(|m| err(lineno, m))?;
            }
            _ => {
                let Some(c) = r.groupname.captures(line) else {
                    return Err(err(lineno, format!("Expected group name, got: {line}")));
                };
                let child = c.get(1).map(|m| m.as_str()).unwrap_or_default().to_string();
                if inv.group(&child).is_none() {
                    match pending_idx.get(&child) {
                        Some(&pi) => pending[pi].parents.push(group.clone()),
                        None => {
                            pending_idx.insert(child.clone(), pending.len());
                            pending.push(Pending { line: lineno, state: "children", name: child, parents: vec![group.clone()] });
                        }
                    }
                } else {
                    inv.add_child(&group, &child).map_err(|m| err(lineno, m))?;
                }
            }
        }
    }
    // The first unresolved reference, in the order they were first seen.
    let first = pending.iter().enumerate().find(|(i, p)| pending_idx.get(&p.name) == Some(i)).map(|(_, p)| p);
    if let Some(p) = first {
        return Err(match p.state {
            "vars" => err(p.line, format!("Section [{}:vars] not valid for undefined group '{}'.", p.name, p.name)),
            _ => err(
                p.line,
                format!("Section [{}:children] includes undefined group '{}'.", p.parents.last().map(String::as_str).unwrap_or(""), p.name),
            ),
        });
    }
    Ok(())
}

fn add_pending_children(
    inv: &mut Inventory,
    group: &str,
    pending: &mut Vec<Pending>,
    idx: &mut HashMap<String, usize>,
) -> Result<(), String> {
    let Some(&pi) = idx.get(group) else { return Ok(()) };
    let parents = pending[pi].parents.clone();
    for parent in parents {
        inv.add_child(&parent, group)?;
        if let Some(&pp) = idx.get(&parent)
            && pending[pp].state == "children"
        {
            add_pending_children(inv, &parent, pending, idx)?;
        }
    }
    idx.remove(group);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::model::{ALL, UNGROUPED};
    use serde_json::json;

    #[test]
    fn the_host_ranges_of_a_file_are_capped_together() {
        // Each range alone is within the cap; together they are one host over it.
        let text = "[a]\na[1:2]\nsingle\n[b]\nb[1:1999999]\n";
        let e = parse(&mut Inventory::new(), text, "hosts").unwrap_err();
        assert!(e.message.starts_with("hosts:5: the host ranges of this file expand to more than 2000000 hosts"), "{}", e.message);
    }

    fn load(text: &str) -> Inventory {
        let mut inv = Inventory::new();
        parse(&mut inv, text, "hosts").unwrap();
        inv.reconcile();
        inv
    }

    #[test]
    fn sections_vars_children() {
        let inv = load(
            "lonely a=1\n[web]\nweb[1:2].x:2222 b='0123' c=yes\n[web:vars]\nn = 23 # x\n[top:children]\nweb\nlater\n[later]\n[all:vars]\nz=1\n",
        );
        let web = inv.group("web").unwrap();
        assert_eq!(inv.groups[web].hosts.len(), 2);
        assert_eq!(inv.hosts[1].vars, *json!({"ansible_port": 2222, "b": "0123", "c": "yes"}).as_object().unwrap());
        assert_eq!(inv.groups[web].vars["n"], json!(23));
        let top = inv.group("top").unwrap();
        assert_eq!(inv.groups[top].children.len(), 2);
        assert_eq!(inv.groups[UNGROUPED].hosts, vec![0]);
        assert_eq!(inv.groups[ALL].vars["z"], json!(1));
    }

    #[test]
    fn errors_name_the_line() {
        for (text, line) in [
            ("[web\nh1\n", "hosts:1:"),
            ("[g:bogus]\n", "hosts:1:"),
            ("[x:vars]\na=1\n", "hosts:1:"),
            ("h1\n[p:children]\nnope\n", "hosts:3:"),
            ("h1 a='b\n", "hosts:1:"),
            ("h1 novalue\n", "hosts:1:"),
            ("\n\nh[1:x]\n", "hosts:3:"),
            ("h1:\n", "hosts:1:"),
            ("---\n", "hosts:1:"),
            ("[web]\n[web:vars]\nnoequals\n", "hosts:3:"),
        ] {
            let mut inv = Inventory::new();
            let e = parse(&mut inv, text, "hosts").unwrap_err();
            assert!(e.message.starts_with(line), "{text:?}: {}", e.message);
        }
    }

    #[test]
    fn fast_path_agrees_with_literal_eval() {
        for t in [
            "web server",
            "10.0.0.1",
            "host-01.example",
            "a:b",
            "1/2",
            "x@y",
            "True ",
            "None",
            "-5",
            "1.5",
            "1e3",
            "0x1F",
            "a",
            "- 5",
            "1 2",
            "True-1",
            "_x y",
        ] {
            assert_eq!(value(t).unwrap(), pyast::ini_value(t).unwrap(), "{t:?}");
        }
    }

    #[test]
    fn parallel_parse_gives_the_same_inventory() {
        let mut text = String::from("lonely x=1\n");
        for g in 0..60 {
            text.push_str(&format!("[g{g}]\n"));
            for h in 0..80 {
                text.push_str(&format!("h{g}-{h}.example.com:22{} a={h} b='s {h}' c=\"[1, {g}]\" # c\n", h % 10));
            }
            text.push_str(&format!("r{g}-[1:3]\n[g{g}:vars]\nv={g}\n[p{}:children]\ng{g}\n", g % 5));
        }
        let (mut a, mut b) = (Inventory::new(), Inventory::new());
        parse_with(&mut a, &text, "f", true).unwrap();
        parse_with(&mut b, &text, "f", false).unwrap();
        assert_eq!(a.hosts.len(), b.hosts.len());
        for (x, y) in a.hosts.iter().zip(&b.hosts) {
            assert_eq!((&x.name, &x.vars, &x.groups), (&y.name, &y.vars, &y.groups));
        }
        for (x, y) in a.groups.iter().zip(&b.groups) {
            assert_eq!((&x.name, &x.vars, &x.children, &x.hosts), (&y.name, &y.vars, &y.children, &y.hosts));
        }
        // Errors keep their line on the parallel path.
        let bad = format!("{text}[gx]\nbad x='\n");
        let e = parse_with(&mut Inventory::new(), &bad, "f", true).unwrap_err();
        assert!(e.message.starts_with(&format!("f:{}:", bad.lines().count())), "{}", e.message);
    }

    #[test]
    fn splitlines_like_python() {
        assert_eq!(split_lines("a\r\nb\rc\x0cd\n"), ["a", "b", "c", "d"]);
    }
}
