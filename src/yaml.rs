//! YAML reading with line numbers and PyYAML's YAML 1.1 scalar typing.
//!
//! Ansible reads YAML with PyYAML, whose implicit resolver is YAML 1.1: `yes`/`no`/`on`/`off` are
//! booleans, `0755` is octal, `1_000` is 1000, `1:20` is sexagesimal (80), `1e3` is a string (a
//! float needs a dot). No Rust YAML crate types scalars that way, so we build our own node tree
//! from `saphyr-parser` events (which carry positions) and resolve plain scalars here. The tree
//! keeps the line of every node so callers can report `file:line: problem`.

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_json::{Map, Number, Value};

use crate::error::Error;

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Scalar { value: String, plain: bool, tag: Option<String> },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// 1-based line of the node's first character.
    pub line: usize,
    pub kind: NodeKind,
    /// Tag on a collection (`!!map`, `!vault` …), if any.
    pub tag: Option<String>,
}

fn tag_string(tag: &saphyr_parser::Tag) -> String {
    if tag.handle == "tag:yaml.org,2002:" {
        format!("!!{}", tag.suffix)
    } else if tag.handle == "!" {
        format!("!{}", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

/// Alias expansion limits. Every alias is copied into the tree (callers walk plain trees), so
/// nested aliases multiply: nine levels of nine aliases would make 9^9 nodes from a few hundred
/// bytes. Like hardened parsers we count the nodes that alias expansion produces and refuse a
/// stream once they exceed `ALIAS_RATIO` times the nodes written out in the text so far, with an
/// absolute floor of `ALIAS_FLOOR` so ordinary files with many aliases still load. The floor is
/// about 30 MB of expanded nodes; the ratio lets a large inventory repeat a block of defaults
/// per host.
pub const ALIAS_FLOOR: usize = 200_000;
pub const ALIAS_RATIO: usize = 10;

/// An input's bytes as UTF-8 text, or a data error naming the line of the first invalid byte.
pub fn utf8_text(bytes: Vec<u8>, file: &str) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| utf8_error(e.as_bytes(), e.utf8_error(), file))
}

/// `file:line: invalid UTF-8` for the first invalid byte of `bytes`.
pub fn utf8_error(bytes: &[u8], e: std::str::Utf8Error, file: &str) -> Error {
    let at = e.valid_up_to();
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    match bytes.get(at) {
        Some(b) => Error::at(file, line, format!("invalid UTF-8 (byte 0x{b:02X})")),
        None => Error::at(file, line, "invalid UTF-8"),
    }
}

/// Parse every document of a YAML stream into node trees. An empty document is a null scalar.
pub fn parse_documents(text: &str, file: &str) -> Result<Vec<Node>, Error> {
    let mut docs = Vec::new();
    // (collection, anchor, pending key, nodes in the collection's subtree)
    let mut stack: Vec<(Node, Option<usize>, Option<Node>, usize)> = Vec::new();
    // anchor id -> (node, nodes in its subtree)
    let mut anchors: std::collections::HashMap<usize, (Node, usize)> = std::collections::HashMap::new();
    let mut current: Option<Node> = None;
    let mut in_doc = false;
    // Nodes written in the text, and nodes produced by copying anchored subtrees for aliases.
    let (mut own, mut expanded) = (0usize, 0usize);

    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| Error::at(file, e.marker().line(), format!("YAML syntax error: {}", e.info())))?;
        let line = span.start.line();
        let finished: Option<(Node, usize, usize)> = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => None,
            Event::DocumentStart(_) => {
                in_doc = true;
                current = None;
                anchors.clear();
                None
            }
            Event::DocumentEnd => {
                if in_doc {
                    docs.push(current.take().unwrap_or(Node {
                        line,
                        kind: NodeKind::Scalar { value: String::new(), plain: true, tag: None },
                        tag: None,
                    }));
                }
                in_doc = false;
                None
            }
            Event::Alias(id) => match anchors.get(&id) {
                Some((n, size)) => {
                    let limit = ALIAS_FLOOR.max(own.saturating_mul(ALIAS_RATIO));
                    expanded = expanded.saturating_add(*size);
                    if expanded > limit {
                        return Err(Error::at(file, line, format!("YAML aliases expand to more than {limit} nodes (alias bomb?)")));
                    }
                    Some((n.clone(), 0, *size))
                }
                None => return Err(Error::at(file, line, "YAML alias refers to an unknown anchor")),
            },
            Event::Scalar(value, style, anchor, tag) => {
                own += 1;
                let node = Node {
                    line,
                    kind: NodeKind::Scalar {
                        value: value.into_owned(),
                        plain: matches!(style, ScalarStyle::Plain),
                        tag: tag.as_deref().map(tag_string),
                    },
                    tag: None,
                };
                Some((node, anchor, 1))
            }
            Event::SequenceStart(anchor, tag) => {
                own += 1;
                let node = Node { line, kind: NodeKind::Seq(Vec::new()), tag: tag.as_deref().map(tag_string) };
                stack.push((node, Some(anchor), None, 1));
                None
            }
            Event::MappingStart(anchor, tag) => {
                own += 1;
                let node = Node { line, kind: NodeKind::Map(Vec::new()), tag: tag.as_deref().map(tag_string) };
                stack.push((node, Some(anchor), None, 1));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor, _, size) = stack.pop().ok_or_else(|| Error::at(file, line, "unbalanced YAML collection"))?;
                Some((node, anchor.unwrap_or(0), size))
            }
        };
        if let Some((node, anchor, size)) = finished {
            if anchor != 0 {
                anchors.insert(anchor, (node.clone(), size));
            }
            match stack.last_mut() {
                None => current = Some(node),
                Some((parent, _, pending, parent_size)) => {
                    *parent_size = parent_size.saturating_add(size);
                    match &mut parent.kind {
                        NodeKind::Seq(items) => items.push(node),
                        NodeKind::Map(pairs) => match pending.take() {
                            None => *pending = Some(node),
                            Some(key) => pairs.push((key, node)),
                        },
                        NodeKind::Scalar { .. } => return Err(Error::internal("scalar on the YAML stack")),
                    }
                }
            }
        }
    }
    Ok(docs)
}

/// Parse a single-document YAML (or JSON) text into JSON with PyYAML typing. JSON text is read
/// as JSON, as Ansible's loader does (`1e3` is then the float 1000.0, not YAML 1.1's string).
pub fn parse_one(text: &str, file: &str) -> Result<Value, Error> {
    if let Ok(mut v) = serde_json::from_str::<Value>(text) {
        crate::pynum::normalize(&mut v);
        return Ok(v);
    }
    let docs = parse_documents(text, file)?;
    match docs.len() {
        0 => Ok(Value::Null),
        1 => docs[0].to_json(file),
        _ => Err(Error::at(file, docs[1].line, "expected a single YAML document, found several")),
    }
}

/// For a document that is JSON: tag its plain scalars that are JSON floats `!!float`, so they are
/// read as JSON reads them (YAML 1.1 would take `1e+308` for a string: its floats need a dot).
pub fn mark_json_floats(n: &mut Node) {
    match &mut n.kind {
        NodeKind::Scalar { value, plain: true, tag } if tag.is_none() && value.contains(['.', 'e', 'E']) => {
            if serde_json::from_str::<Number>(value).is_ok() {
                *tag = Some("!!float".into());
            }
        }
        NodeKind::Scalar { .. } => {}
        NodeKind::Seq(items) => items.iter_mut().for_each(mark_json_floats),
        NodeKind::Map(pairs) => pairs.iter_mut().for_each(|(k, v)| {
            mark_json_floats(k);
            mark_json_floats(v);
        }),
    }
}

impl Node {
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { value, plain: true, tag: None } if is_null_scalar(value))
            || matches!(&self.kind, NodeKind::Scalar { tag: Some(t), .. } if t == "!!null")
    }

    /// The scalar's text, when this node is a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Look up a key in a mapping node (comparing the key's text).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(pairs) => pairs.iter().rev().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Line of the node at `path` (keys and indices) below this node, or the deepest line found.
    pub fn line_at<'a>(&self, path: impl IntoIterator<Item = &'a str>) -> usize {
        let mut node = self;
        for seg in path {
            let next = match &node.kind {
                NodeKind::Map(_) => node.get(seg),
                NodeKind::Seq(items) => seg.parse::<usize>().ok().and_then(|i| items.get(i)),
                NodeKind::Scalar { .. } => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.line
    }

    /// Convert to JSON the way Ansible's loader sees the data: YAML 1.1 scalars, merge keys,
    /// `!unsafe` as its text, `!vault` as `{"__ansible_vault": text}`.
    pub fn to_json(&self, file: &str) -> Result<Value, Error> {
        self.to_json_with(file, Mode::Plain)
    }

    /// As [`Node::to_json`], but exactly what `ansible-inventory --list` prints for the value:
    /// `!unsafe` strings as `{"__ansible_unsafe": text}`, `!!set` as a list, `!!omap`/`!!pairs`
    /// as lists of pairs, and unknown tags or `!!binary` refused (Ansible fails on them too).
    pub fn to_json_ansible(&self, file: &str) -> Result<Value, Error> {
        self.to_json_with(file, Mode::Ansible)
    }

    fn to_json_with(&self, file: &str, mode: Mode) -> Result<Value, Error> {
        match &self.kind {
            NodeKind::Scalar { value, plain, tag } => {
                scalar_to_json(value, *plain, tag.as_deref(), mode).map_err(|m| Error::at(file, self.line, m))
            }
            NodeKind::Seq(items) => {
                if mode == Mode::Ansible && matches!(self.tag.as_deref(), Some("!!omap" | "!!pairs")) {
                    let mut out = Vec::new();
                    for it in items {
                        match &it.kind {
                            NodeKind::Map(pairs) if pairs.len() == 1 => {
                                let (k, v) = &pairs[0];
                                out.push(Value::Array(vec![k.to_json_with(file, mode)?, v.to_json_with(file, mode)?]));
                            }
                            _ => return Err(Error::at(file, it.line, "expected a single mapping item in an ordered map")),
                        }
                    }
                    return Ok(Value::Array(out));
                }
                if mode == Mode::Ansible
                    && let Some(t) = self.tag.as_deref()
                    && t != "!!seq"
                {
                    return Err(Error::at(file, self.line, format!("could not determine a constructor for the tag {t:?}")));
                }
                items.iter().map(|n| n.to_json_with(file, mode)).collect::<Result<Vec<_>, _>>().map(Value::Array)
            }
            NodeKind::Map(pairs) => {
                if mode == Mode::Ansible && self.tag.as_deref() == Some("!!set") {
                    let mut out: Vec<Value> = Vec::new();
                    for (k, _) in pairs {
                        let v = k.to_json_with(file, mode)?;
                        if !out.contains(&v) {
                            out.push(v);
                        }
                    }
                    return Ok(Value::Array(out));
                }
                if mode == Mode::Ansible
                    && let Some(t) = self.tag.as_deref()
                    && t != "!!map"
                    && t != "!vault"
                {
                    return Err(Error::at(file, self.line, format!("could not determine a constructor for the tag {t:?}")));
                }
                let mut out = Map::new();
                for (k, v) in flatten_pairs(self, file)? {
                    let key = match &k.kind {
                        NodeKind::Scalar { .. } => key_string(&k.to_json_with(file, mode)?),
                        _ => return Err(Error::at(file, k.line, "a mapping key must be a scalar")),
                    };
                    out.insert(key, v.to_json_with(file, mode)?);
                }
                if self.tag.as_deref() == Some("!vault") {
                    return Err(Error::at(file, self.line, "!vault must tag a string"));
                }
                Ok(Value::Object(out))
            }
        }
    }
}

/// The pairs of a mapping node with `<<` merge keys expanded the way PyYAML 6.0.4's
/// `flatten_mapping` does it: merged pairs first, in the order the sources are listed (so a
/// later source overrides an earlier one), then the mapping's own pairs (which override
/// everything). A merged key whose Python object is the very same as one already merged is
/// skipped: that happens for the same node merged twice and, through CPython's string cache,
/// for empty and one-character keys — so for those the first source wins.
pub fn flatten_pairs<'a>(n: &'a Node, file: &str) -> Result<Vec<(&'a Node, &'a Node)>, Error> {
    let NodeKind::Map(pairs) = &n.kind else { return Ok(Vec::new()) };
    let mut merge: Vec<(&'a Node, &'a Node)> = Vec::new();
    let mut seen: std::collections::HashSet<(String, usize)> = std::collections::HashSet::new();
    let mut own: Vec<(&'a Node, &'a Node)> = Vec::new();
    let mut add = |merge: &mut Vec<(&'a Node, &'a Node)>, pairs: Vec<(&'a Node, &'a Node)>| {
        for (k, v) in pairs {
            let text = k.as_str().unwrap_or("").to_string();
            let cached = text.chars().count() <= 1 && text.chars().all(|c| (c as u32) < 256);
            let id = if cached { (text, 0) } else { (text, k.line) };
            if seen.insert(id) {
                merge.push((k, v));
            }
        }
    };
    for (k, v) in pairs {
        if !is_merge_key(k) {
            own.push((k, v));
            continue;
        }
        match &v.kind {
            NodeKind::Map(_) => {
                let sub = flatten_pairs(v, file)?;
                add(&mut merge, sub);
            }
            NodeKind::Seq(items) => {
                for it in items {
                    if !matches!(it.kind, NodeKind::Map(_)) {
                        return Err(Error::at(file, it.line, "expected a mapping for merging (<<)"));
                    }
                    let sub = flatten_pairs(it, file)?;
                    add(&mut merge, sub);
                }
            }
            _ => return Err(Error::at(file, v.line, "expected a mapping or list of mappings for merging (<<)")),
        }
    }
    merge.extend(own);
    Ok(merge)
}

/// How tags are turned into JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    Ansible,
}

pub fn is_merge_key(k: &Node) -> bool {
    matches!(&k.kind, NodeKind::Scalar { value, plain: true, tag: None } if value == "<<")
}

/// How Python's json module writes a non-string dict key.
fn key_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

pub fn is_null_scalar(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

pub fn is_bool_scalar(s: &str) -> Option<bool> {
    match s {
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => Some(true),
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

fn scalar_to_json(value: &str, plain: bool, tag: Option<&str>, mode: Mode) -> Result<Value, String> {
    match tag {
        None => {}
        Some("!unsafe") if mode == Mode::Ansible => {
            let mut m = Map::new();
            m.insert("__ansible_unsafe".to_string(), Value::String(value.to_string()));
            return Ok(Value::Object(m));
        }
        Some("!unsafe") => return Ok(Value::String(value.to_string())),
        Some("!vault") | Some("!vault-encrypted") => {
            let mut m = Map::new();
            m.insert("__ansible_vault".to_string(), Value::String(value.to_string()));
            return Ok(Value::Object(m));
        }
        Some("!!str") => return Ok(Value::String(value.to_string())),
        Some("!!null") => return Ok(Value::Null),
        Some("!!bool") => {
            return is_bool_scalar(value).map(Value::Bool).ok_or_else(|| format!("{value:?} is not a boolean"));
        }
        Some("!!int") => return resolve_int(value).ok_or_else(|| format!("{value:?} is not an integer")),
        Some("!!float") => {
            // PyYAML's `float()` of the text also takes JSON's forms (`1e+308`).
            return resolve_float(value)
                .or_else(|| resolve_int(value).and_then(|v| v.as_f64()).map(float_value))
                .or_else(|| serde_json::from_str::<Number>(value).ok().map(|n| float_value(crate::pynum::to_f64(&n))))
                .ok_or_else(|| format!("{value:?} is not a float"));
        }
        Some("!!timestamp") => return resolve_timestamp(value).unwrap_or_else(|| Err(format!("{value:?} is not a timestamp"))),
        Some(t) if mode == Mode::Ansible => {
            return Err(if t == "!!binary" {
                "binary values (!!binary) cannot be represented in an inventory".to_string()
            } else {
                format!("could not determine a constructor for the tag {t:?}")
            });
        }
        Some(_) => return Ok(Value::String(value.to_string())),
    }
    if !plain {
        return Ok(Value::String(value.to_string()));
    }
    // YAML 1.1 resolves a plain `=` to the value tag, which PyYAML (so Ansible) cannot build.
    if mode == Mode::Ansible && value == "=" {
        return Err("could not determine a constructor for the tag 'tag:yaml.org,2002:value'".to_string());
    }
    match resolve_timestamp(value) {
        Some(Ok(v)) => return Ok(v),
        Some(Err(e)) if mode == Mode::Ansible => return Err(e),
        _ => {}
    }
    Ok(resolve_plain(value))
}

/// PyYAML's implicit resolution of a plain scalar (timestamps excepted, see
/// [`resolve_timestamp`]).
pub fn resolve_plain(value: &str) -> Value {
    if is_null_scalar(value) {
        return Value::Null;
    }
    if let Some(b) = is_bool_scalar(value) {
        return Value::Bool(b);
    }
    if let Some(v) = resolve_int(value) {
        return v;
    }
    if let Some(v) = resolve_float(value) {
        return v;
    }
    Value::String(value.to_string())
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// A YAML 1.1 timestamp as PyYAML constructs it (a `date` or `datetime`), rendered the way
/// Ansible's JSON encoder writes it (Python's `isoformat()`). `None`: not a timestamp;
/// `Some(Err)`: looks like one but is not a valid date (PyYAML fails to load such a file).
pub fn resolve_timestamp(s: &str) -> Option<Result<Value, String>> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if b.len() < 8 || !digits(0..4) || b[4] != b'-' {
        return None;
    }
    // Resolver: YYYY-MM-DD exactly, or YYYY-M[M]-D[D] followed by a time.
    let num = |t: &str| t.parse::<i64>().ok();
    let year = num(&s[0..4])?;
    let mut i = 5;
    let take = |i: &mut usize, max: usize| -> Option<&str> {
        let start = *i;
        while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == start { None } else { Some(&s[start..*i]) }
    };
    let month_s = take(&mut i, 2)?;
    if b.get(i) != Some(&b'-') {
        return None;
    }
    i += 1;
    let day_s = take(&mut i, 2)?;
    let (month, day) = (num(month_s)?, num(day_s)?);
    let check_date = || -> Result<(), String> {
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) || year < 1 {
            Err(format!("{s:?} is not a valid date"))
        } else {
            Ok(())
        }
    };
    if i == b.len() {
        if month_s.len() != 2 || day_s.len() != 2 {
            return None;
        }
        return Some(check_date().map(|_| Value::String(format!("{year:04}-{month:02}-{day:02}"))));
    }
    // Time part: [Tt] or [ \t]+
    if matches!(b[i], b'T' | b't') {
        i += 1;
    } else if matches!(b[i], b' ' | b'\t') {
        while i < b.len() && matches!(b[i], b' ' | b'\t') {
            i += 1;
        }
    } else {
        return None;
    }
    let hour_s = take(&mut i, 2)?;
    if b.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    if !digits(i..i + 2) {
        return None;
    }
    let minute = num(&s[i..i + 2])?;
    i += 2;
    if b.get(i) != Some(&b':') || !digits(i + 1..i + 3) {
        return None;
    }
    let second = num(&s[i + 1..i + 3])?;
    i += 3;
    let mut micros = 0i64;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let mut frac: String = s[start..i].chars().take(6).collect();
        while frac.len() < 6 {
            frac.push('0');
        }
        micros = num(&frac)?;
    }
    let save = i;
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    let mut tz: Option<i64> = None; // offset in minutes
    if i < b.len() {
        if b[i] == b'Z' {
            tz = Some(0);
            i += 1;
        } else if matches!(b[i], b'+' | b'-') {
            let neg = b[i] == b'-';
            i += 1;
            let h = num(take(&mut i, 2)?)?;
            let mut m = 0;
            if b.get(i) == Some(&b':') {
                i += 1;
                if !digits(i..i + 2) {
                    return None;
                }
                m = num(&s[i..i + 2])?;
                i += 2;
            }
            let off = h * 60 + m;
            tz = Some(if neg { -off } else { off });
        } else {
            return None;
        }
    } else if i != save {
        return None;
    }
    if i != b.len() {
        return None;
    }
    let hour = num(hour_s)?;
    Some((|| {
        check_date()?;
        if hour > 23 || minute > 59 || second > 59 {
            return Err(format!("{s:?} is not a valid time"));
        }
        let mut out = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}");
        if micros != 0 {
            out.push_str(&format!(".{micros:06}"));
        }
        if let Some(off) = tz {
            if off.abs() >= 24 * 60 {
                return Err(format!("{s:?}: offset must be less than 24 hours"));
            }
            let sign = if off < 0 { '-' } else { '+' };
            out.push_str(&format!("{sign}{:02}:{:02}", off.abs() / 60, off.abs() % 60));
        }
        Ok(Value::String(out))
    })())
}

fn split_sign(s: &str) -> (bool, &str) {
    if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    }
}

/// An int of any size from digits in `radix` (`_` separators dropped), exactly as PyYAML keeps it.
fn radix_value(neg: bool, digits: &str, radix: u32) -> Option<Value> {
    let cleaned: String = digits.chars().filter(|c| *c != '_').collect();
    // PyYAML would fail on `0b_`: an empty number is not an int.
    crate::pynum::int(neg, radix, &cleaned).map(Value::Number)
}

fn zero() -> Value {
    Value::Number(Number::from(0))
}

/// YAML 1.1 int: `0b1010`, `0755` (octal), `0x1F`, `1_000`, `190:20:30` (sexagesimal).
pub fn resolve_int(s: &str) -> Option<Value> {
    let (neg, body) = split_sign(s);
    if body.is_empty() {
        return None;
    }
    let all = |t: &str, f: fn(char) -> bool| !t.is_empty() && t.chars().all(f);
    if let Some(b) = body.strip_prefix("0b") {
        if all(b, |c| c == '0' || c == '1' || c == '_') {
            return radix_value(neg, b, 2);
        }
        return None;
    }
    if let Some(h) = body.strip_prefix("0x") {
        if all(h, |c| c.is_ascii_hexdigit() || c == '_') {
            return radix_value(neg, h, 16);
        }
        return None;
    }
    if body == "0" {
        return Some(zero());
    }
    if let Some(o) = body.strip_prefix('0') {
        if all(o, |c| c == '_') {
            // `0_` is 0 for PyYAML (underscores are dropped first).
            return Some(zero());
        }
        if all(o, |c| ('0'..='7').contains(&c) || c == '_') {
            return radix_value(neg, o, 8);
        }
        return None;
    }
    let first = body.chars().next()?;
    if !('1'..='9').contains(&first) {
        return None;
    }
    if body.contains(':') {
        // [1-9][0-9_]*(:[0-5]?[0-9])+
        let mut parts = body.split(':');
        let head = parts.next()?;
        if !all(head, |c| c.is_ascii_digit() || c == '_') {
            return None;
        }
        let mut total = crate::pynum::BigUint::default();
        for c in head.chars().filter(|c| *c != '_') {
            total.mul_add(10, c.to_digit(10)?);
        }
        for p in parts {
            if !sexagesimal_part(p) {
                return None;
            }
            total.mul_add(60, p.parse().ok()?);
        }
        return Some(Value::Number(total.into_number(neg)));
    }
    if all(body, |c| c.is_ascii_digit() || c == '_') {
        return radix_value(neg, body, 10);
    }
    None
}

fn sexagesimal_part(p: &str) -> bool {
    let b = p.as_bytes();
    match b.len() {
        1 => b[0].is_ascii_digit(),
        2 => (b'0'..=b'5').contains(&b[0]) && b[1].is_ascii_digit(),
        _ => false,
    }
}

fn float_value(f: f64) -> Value {
    match crate::pynum::float(f) {
        Some(n) => Value::Number(n),
        // JSON has no NaN (Python's json writes NaN). Keep a readable marker.
        None => Value::String(".nan".into()),
    }
}

/// YAML 1.1 float as PyYAML resolves it: a dot is required (`1.5`, `.5`, `1.`, `1.0e+3`), the
/// exponent needs a sign, `_` is ignored, `1:20.5` is sexagesimal, `.inf`/`.nan`.
pub fn resolve_float(s: &str) -> Option<Value> {
    let (neg, body) = split_sign(s);
    match body {
        ".inf" | ".Inf" | ".INF" => return Some(float_value(if neg { f64::NEG_INFINITY } else { f64::INFINITY })),
        ".nan" | ".NaN" | ".NAN" if s == body => return Some(float_value(f64::NAN)),
        _ => {}
    }
    let sign = if neg { -1.0 } else { 1.0 };
    if body.contains(':') {
        // [0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
        let (int_part, frac) = body.split_once('.')?;
        if !frac.chars().all(|c| c.is_ascii_digit() || c == '_') {
            return None;
        }
        let mut parts = int_part.split(':');
        let head = parts.next()?;
        if head.is_empty() || !head.starts_with(|c: char| c.is_ascii_digit()) || !head.chars().all(|c| c.is_ascii_digit() || c == '_') {
            return None;
        }
        let mut total: f64 = head.replace('_', "").parse().ok()?;
        let mut count = 0;
        for p in parts {
            if !sexagesimal_part(p) {
                return None;
            }
            count += 1;
            total = total * 60.0 + p.parse::<f64>().ok()?;
        }
        if count == 0 {
            return None;
        }
        let frac_clean = frac.replace('_', "");
        let frac_val: f64 = if frac_clean.is_empty() { 0.0 } else { format!("0.{frac_clean}").parse().ok()? };
        return Some(float_value(sign * (total + frac_val)));
    }
    // [0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?  |  \.[0-9][0-9_]*([eE][-+][0-9]+)?
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if let Some(exp) = exponent {
        let digits = exp.strip_prefix(['+', '-'])?;
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let (ip, fp) = mantissa.split_once('.')?;
    let ok = if ip.is_empty() {
        // `\.[0-9][0-9_]*`: PyYAML allows no sign on this form.
        s == body && fp.starts_with(|c: char| c.is_ascii_digit()) && fp.chars().all(|c| c.is_ascii_digit() || c == '_')
    } else {
        ip.starts_with(|c: char| c.is_ascii_digit())
            && ip.chars().all(|c| c.is_ascii_digit() || c == '_')
            && fp.chars().all(|c| c.is_ascii_digit() || c == '_')
    };
    if !ok {
        return None;
    }
    let cleaned = body.replace('_', "");
    let v: f64 = cleaned.parse().ok().or_else(|| format!("{cleaned}0").parse().ok())?;
    Some(float_value(sign * v))
}

/// Write a value as block-style YAML that the reader above (YAML 1.1, like PyYAML) reads back
/// as the very same value: a string is written plain only when it would be read back as that
/// string, else as a literal block (multi-line text) or double-quoted.
pub fn to_string(v: &Value) -> String {
    let mut out = String::new();
    match v {
        Value::Object(m) if !m.is_empty() => write_map(&mut out, m, 0),
        Value::Array(a) if !a.is_empty() => write_seq(&mut out, a, 0),
        other => {
            write_scalar(&mut out, other, 0);
            out.push('\n');
        }
    }
    out
}

/// YAML caps an implicit (simple) key at 1024 characters; PyYAML and our reader refuse a
/// longer one. Keys past this are written in the explicit form (`? key` / `: value`).
const SIMPLE_KEY_MAX: usize = 1000;

fn write_map(out: &mut String, m: &Map<String, Value>, indent: usize) {
    for (k, v) in m {
        out.push_str(&" ".repeat(indent));
        if k.chars().count() > SIMPLE_KEY_MAX {
            out.push_str("? ");
            push_double_quoted(out, k);
            out.push('\n');
            out.push_str(&" ".repeat(indent));
        } else if plain_ok(k) {
            out.push_str(k);
        } else {
            push_double_quoted(out, k);
        }
        out.push(':');
        write_value(out, v, indent);
    }
}

fn write_seq(out: &mut String, a: &[Value], indent: usize) {
    for v in a {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match v {
            // A collection starts on the dash's line: write it one level in, then drop the
            // first line's indentation.
            Value::Object(m) if !m.is_empty() => {
                let mut inner = String::new();
                write_map(&mut inner, m, indent + 2);
                out.push(' ');
                out.push_str(&inner[indent + 2..]);
            }
            Value::Array(a) if !a.is_empty() => {
                let mut inner = String::new();
                write_seq(&mut inner, a, indent + 2);
                out.push(' ');
                out.push_str(&inner[indent + 2..]);
            }
            _ => write_value(out, v, indent),
        }
    }
}

/// A value after `key:` or `-` (collections on the following lines: a mapping two spaces in, a
/// sequence at the key's indentation, as libyaml writes it).
fn write_value(out: &mut String, v: &Value, indent: usize) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            write_map(out, m, indent + 2);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            write_seq(out, a, indent);
        }
        _ => {
            out.push(' ');
            write_scalar(out, v, indent + 2);
            out.push('\n');
        }
    }
}

/// A scalar (or empty collection); `indent` is where a literal block's lines go.
fn write_scalar(out: &mut String, v: &Value, indent: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&crate::pynum::yaml_text(n)),
        Value::String(s) if plain_ok(s) => out.push_str(s),
        Value::String(s) => match literal_block(s) {
            Some((header, lines)) => {
                out.push_str(&header);
                for l in lines {
                    out.push('\n');
                    if !l.is_empty() {
                        out.push_str(&" ".repeat(indent));
                        out.push_str(l);
                    }
                }
            }
            None => push_double_quoted(out, s),
        },
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

/// A character that must be escaped in YAML (PyYAML refuses it raw, or it is a line break).
fn needs_escape(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7f..=0x9f).contains(&u) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Write a string as a YAML double-quoted scalar PyYAML accepts (it refuses raw non-printable
/// characters, so those are escaped too).
pub fn push_double_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) && (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether `s` can be written as a plain scalar (as a key, a value or a list item) and be read
/// back as the same string — by this reader and by PyYAML.
pub fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else { return false };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.starts_with([' ', '\t'])
        || s.starts_with("...")
        || s.ends_with([' ', '\t', ':'])
        || s.chars().any(|c| c == '\t' || needs_escape(c))
    {
        return false;
    }
    // Anything YAML 1.1 resolves to another type (or to `=`/`<<`, which PyYAML refuses).
    // `y`/`n` too: YAML 1.1 lists them as booleans (PyYAML does not, other readers do).
    if matches!(s, "=" | "<<" | "y" | "Y" | "n" | "N")
        || pyyaml_radix_without_digits(s)
        || resolve_plain(s) != Value::String(s.to_string())
        || resolve_float(s).is_some()
        || resolve_timestamp(s).is_some()
    {
        return false;
    }
    if s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/' | '-' | ' ')) {
        return true;
    }
    // Other characters: ask the reader (`a: b`, ` #`, …).
    let want = Value::String(s.to_string());
    let as_value = parse_one(&format!("k: {s}\n"), "-").ok().and_then(|v| v.get("k").cloned());
    let as_item = parse_one(&format!("- {s}\n"), "-").ok().and_then(|v| v.get(0).cloned());
    let as_key = parse_one(&format!("{s}: v\n"), "-").ok().and_then(|v| v.as_object().map(|m| m.keys().eq([s])));
    as_value.as_ref() == Some(&want) && as_item.as_ref() == Some(&want) && as_key == Some(true)
}

/// `0b_`, `-0x__`: PyYAML's int pattern matches them, then its constructor fails on the empty
/// number, so such a plain scalar makes PyYAML (and Ansible) refuse the whole document.
fn pyyaml_radix_without_digits(s: &str) -> bool {
    let (_, body) = split_sign(s);
    [("0b", 2), ("0x", 16)].iter().any(|(prefix, radix)| {
        body.strip_prefix(prefix).is_some_and(|rest| {
            !rest.is_empty() && rest.chars().all(|c| c == '_' || c.is_digit(*radix)) && !rest.chars().any(|c| c.is_digit(*radix))
        })
    })
}

/// A multi-line string as a literal block: the header (`|`, `|-` or `|+`) and the lines, when
/// the reader reads that back as `s`.
fn literal_block(s: &str) -> Option<(String, Vec<&str>)> {
    if !s.contains('\n') || s.chars().any(|c| c != '\n' && (c == '\t' || needs_escape(c))) {
        return None;
    }
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    // The first line with text sets the indentation: it must not start with a space.
    if body.is_empty() || body.lines().find(|l| !l.is_empty()).is_some_and(|l| l.starts_with(' ')) {
        return None;
    }
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let mut lines: Vec<&str> = body.split('\n').collect();
    if trailing > 1 {
        lines.extend(std::iter::repeat_n("", trailing - 1));
    }
    let header = format!("|{chomp}");
    // Ask the reader, in both places a block can stand.
    let mut doc = format!("k: {header}");
    let mut item = format!("- {header}");
    for l in &lines {
        for d in [&mut doc, &mut item] {
            d.push('\n');
            if !l.is_empty() {
                d.push_str("  ");
                d.push_str(l);
            }
        }
    }
    doc.push('\n');
    item.push('\n');
    let want = Value::String(s.to_string());
    let ok = parse_one(&doc, "-").ok().and_then(|v| v.get("k").cloned()) == Some(want.clone())
        && parse_one(&item, "-").ok().and_then(|v| v.get(0).cloned()) == Some(want);
    ok.then_some((header, lines))
}

/// Pieces of YAML's troublemakers (indicators, YAML 1.1 special forms, control and non-ASCII
/// characters), for property tests of the writer here and of `export` → `apply` in the
/// integration tests.
#[doc(hidden)]
pub const TROUBLESOME_PIECES: &[&str] = &[
    "a",
    "b",
    "Z",
    "0",
    "1",
    "7",
    "9",
    "_",
    ":",
    ": ",
    " ",
    "  ",
    "#",
    " #",
    "-",
    "- ",
    "?",
    ",",
    "[",
    "]",
    "{",
    "}",
    "&",
    "*",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    ".",
    "e",
    "E",
    "+",
    "x",
    "o",
    "\n",
    "\t",
    "\r",
    "\\",
    "\u{0}",
    "\u{85}",
    "\u{a0}",
    "é",
    "€",
    "😀",
    "yes",
    "no",
    "on",
    "off",
    "~",
    "null",
    ".inf",
    "0x",
    "0b",
    "2001-01-01",
    "T",
    "=",
    "<<",
    "---",
    "...",
];

/// A deterministic generator (xorshift from `seed`) of strings of up to five
/// [`TROUBLESOME_PIECES`].
#[doc(hidden)]
pub fn troublesome_strings(seed: u64) -> impl FnMut() -> String {
    let mut state = seed.max(1);
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    move || {
        let len = (next() % 6) as usize;
        (0..len).map(|_| TROUBLESOME_PIECES[(next() % TROUBLESOME_PIECES.len() as u64) as usize]).collect()
    }
}

/// Strings that YAML 1.1 (PyYAML, hence Ansible) reads as something else than plain text, or
/// that need care to write: special forms for the writer's tests here and for `export` →
/// `apply` round trips in the integration tests.
#[doc(hidden)]
pub const YAML11_SPECIAL_FORMS: &[&str] = &[
    "yes",
    "Yes",
    "YES",
    "no",
    "No",
    "NO",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "OFF",
    "y",
    "Y",
    "n",
    "N",
    "true",
    "True",
    "TRUE",
    "false",
    "False",
    "FALSE",
    "null",
    "Null",
    "NULL",
    "~",
    "",
    "1_000",
    "1:20",
    "-1:30",
    "190:20:30",
    "1:20.5",
    "0x1F",
    "0o17",
    "0b101",
    "0755",
    "09",
    "0",
    "-0",
    "+1",
    "1e3",
    "1.0e+3",
    "1.",
    ".5",
    "-.5",
    ".inf",
    "-.Inf",
    ".NaN",
    "3.14",
    "2001-01-01",
    "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 Z",
    "2001-1-1",
    "=",
    "<<",
    "- a",
    "-",
    "? x",
    "?",
    ": x",
    ":",
    "a:",
    "a: b",
    "a:b",
    "a #b",
    "a#b",
    "#c",
    ",",
    "[a]",
    "]",
    "{a: 1}",
    "}",
    "&x",
    "*x",
    "!tag",
    "!!str",
    "| x",
    "> x",
    "'q'",
    "\"q\"",
    "%YAML",
    "@x",
    "`x",
    " lead",
    "trail ",
    "\t",
    "a\tb",
    "two\nlines",
    "end\n",
    "ends\n\n",
    "\nstart",
    "  indented\nx",
    "x\n  indented",
    "a\r\nb",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}x",
    "\u{fffe}",
    "é ü",
    "---",
    "...",
    "--- x",
    "... x",
    "\\",
    "a\\nb",
    "{{ var }}",
    "x: {{ y }}",
    "100%",
    "a,b",
    "a, b",
    "#",
    "a #",
    "1.5.2",
    "12:30:00",
    "0:0",
    "1__0",
    "0b_",
    "0x",
    "+",
    "-.",
    ". ",
    "..inf",
    "é",
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn y(s: &str) -> Value {
        parse_one(s, "t.yml").expect("parse")
    }

    fn ya(s: &str) -> Value {
        let docs = parse_documents(s, "t.yml").expect("parse");
        docs[0].to_json_ansible("t.yml").expect("convert")
    }

    #[test]
    fn timestamps_like_pyyaml() {
        let v = y(
            "d: 2001-01-01\nt: 2001-12-14t21:59:43.10-05:00\nz: 2001-12-14 21:59:43.10 Z\nn: 2002-12-14\ns: 2001-1-1\nx: 2001-02-30x\nf: 2001-12-14T01:02:03\n",
        );
        assert_eq!(v["d"], json!("2001-01-01"));
        assert_eq!(v["t"], json!("2001-12-14T21:59:43.100000-05:00"));
        assert_eq!(v["z"], json!("2001-12-14T21:59:43.100000+00:00"));
        assert_eq!(v["s"], json!("2001-1-1"));
        assert_eq!(v["f"], json!("2001-12-14T01:02:03"));
        assert!(parse_documents("d: 2001-02-30\n", "t").unwrap()[0].to_json_ansible("t").is_err());
    }

    #[test]
    fn merge_lists_like_pyyaml_6() {
        let v = y("a: &a {port: 1, p: 1}\nb: &b {port: 2, p: 2, x: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n");
        // Later sources override earlier ones, except for one-character keys (CPython's
        // string cache makes them the "same" key, so the first stays); own keys win.
        assert_eq!(v["c"], json!({"port": 2, "p": 1, "x": 3}));
    }

    #[test]
    fn ansible_mode_tags() {
        let v = ya("u: !unsafe '{{ x }}'\ns: !!set {a, b}\no: !!omap [a: 1, b: 2]\np: -.5\nq: .5\n");
        assert_eq!(v["u"], json!({"__ansible_unsafe": "{{ x }}"}));
        assert_eq!(v["s"], json!(["a", "b"]));
        assert_eq!(v["o"], json!([["a", 1], ["b", 2]]));
        assert_eq!(v["p"], json!("-.5"));
        assert_eq!(v["q"], json!(0.5));
        assert!(parse_documents("a: !foo x\n", "t").unwrap()[0].to_json_ansible("t").is_err());
    }

    #[test]
    fn pyyaml_scalar_typing() {
        let v = y(
            "a: yes\nb: No\nc: 0755\nf: 1_000\nh: 1:20\nk: 010\nl: 1e3\nm: 1.0e+3\nn: .5\no: 0x1F\np: 0b101\nq: ~\nr: ''\ns: '0755'\nt: 09\nu: 1.\nv: -1:30\nw: 1:20.5\nx: y\n",
        );
        assert_eq!(
            v,
            json!({"a": true, "b": false, "c": 493, "f": 1000, "h": 80, "k": 8, "l": "1e3", "m": 1000.0,
                   "n": 0.5, "o": 31, "p": 5, "q": null, "r": "", "s": "0755", "t": "09", "u": 1.0,
                   "v": -90, "w": 80.5, "x": "y"})
        );
    }

    fn ts(s: &str) -> Option<Result<Value, String>> {
        resolve_timestamp(s)
    }

    #[test]
    fn timestamp_dates_are_checked_like_python() {
        let date = |s: &str| ts(s).map(|r| r.map_err(|_| ()));
        for ok in ["0001-01-01", "2001-01-31", "2001-04-30", "2001-12-31", "2001-02-28", "2004-02-29", "2000-02-29", "9999-12-31"] {
            assert_eq!(date(ok), Some(Ok(json!(ok))), "{ok}");
        }
        for bad in
            ["0000-01-01", "2001-00-10", "2001-13-01", "2001-01-00", "2001-01-32", "2001-04-31", "2001-02-29", "1900-02-29", "2100-02-29"]
        {
            assert_eq!(date(bad), Some(Err(())), "{bad}");
        }
        assert_eq!(ts("2001-02-30"), Some(Err("\"2001-02-30\" is not a valid date".into())));
        // Not timestamps at all: a plain date needs two-digit month and day; no other
        // separator, sign or trailing text.
        for no in [
            "2001-1-01",
            "2001-01-1",
            "2001-1-1",
            "+001-01-01",
            "2001x01-01",
            "2001-01x01",
            "2001-001-01",
            "2001-01-01x",
            "2001-01-01   ",
            "200-01-01",
        ] {
            assert_eq!(ts(no), None, "{no}");
        }
    }

    #[test]
    fn timestamp_times_like_python_isoformat() {
        let t = |s: &str| ts(s).and_then(|r| r.ok()).and_then(|v| v.as_str().map(str::to_string));
        assert_eq!(t("2001-1-1T1:02:03").as_deref(), Some("2001-01-01T01:02:03"));
        assert_eq!(t("2001-12-14 \t 21:59:43").as_deref(), Some("2001-12-14T21:59:43"));
        assert_eq!(t("2001-12-14t23:59:59").as_deref(), Some("2001-12-14T23:59:59"));
        assert_eq!(t("2001-12-14T21:59:43.1").as_deref(), Some("2001-12-14T21:59:43.100000"));
        assert_eq!(t("2001-12-14T21:59:43.1234567").as_deref(), Some("2001-12-14T21:59:43.123456"));
        assert_eq!(t("2001-12-14T21:59:43.0").as_deref(), Some("2001-12-14T21:59:43"));
        assert_eq!(t("2001-12-14T21:59:43Z").as_deref(), Some("2001-12-14T21:59:43+00:00"));
        assert_eq!(t("2001-12-14T21:59:43 +05:30").as_deref(), Some("2001-12-14T21:59:43+05:30"));
        assert_eq!(t("2001-12-14T21:59:43-5").as_deref(), Some("2001-12-14T21:59:43-05:00"));
        assert_eq!(t("2001-12-14T21:59:43-00:30").as_deref(), Some("2001-12-14T21:59:43-00:30"));
        assert_eq!(t("2001-12-14T21:59:43+23:59").as_deref(), Some("2001-12-14T21:59:43+23:59"));
        // A time with a three-digit month is not the timestamp pattern.
        assert_eq!(ts("2001-001-01 00:00:00"), None);
        for bad in ["2001-12-14T24:00:00", "2001-12-14T00:60:00", "2001-12-14T00:00:60", "2001-12-14T00:00:00+24:00", "2001-02-29T00:00:00"]
        {
            assert!(matches!(ts(bad), Some(Err(_))), "{bad}");
        }
        for no in [
            "2001-12-14T",
            "2001-12-14x21:59:43",
            "2001-12-14T21",
            "2001-12-14T21:",
            "2001-12-14T21:5",
            "2001-12-14T21:59:",
            "2001-12-14T21:5:43",
            "2001-12-14T21:59",
            "2001-12-14 1:00x00",
            "2001-12-14T21:59:4",
            "2001-12-14T21:59:43 ",
            "2001-12-14T21:59:43Zx",
            "2001-12-14T21:59:43 x",
            "2001-12-14T21:59:43+05:3",
            "2001-12-14T21:59:43+0530",
            "2001-12-14T21:59:43+",
        ] {
            assert_eq!(ts(no), None, "{no}");
        }
    }

    #[test]
    fn ints_like_pyyaml() {
        let i = |s: &str| resolve_int(s).map(|v| v.to_string());
        for (s, want) in [
            ("0", "0"),
            ("-0", "0"),
            ("+12", "12"),
            ("-12", "-12"),
            ("0_", "0"),
            ("0755", "493"),
            ("07_5", "61"),
            ("-0b1_01", "-5"),
            ("0x_1f", "31"),
            ("1_000", "1000"),
            ("1_0:20", "620"),
            ("1:5", "65"),
            ("1:00:01", "3601"),
            ("-1:30", "-90"),
            ("123456789012345678901234567890", "123456789012345678901234567890"),
        ] {
            assert_eq!(i(s).as_deref(), Some(want), "{s}");
        }
        for s in
            ["", "-", "+", "0b", "0b2", "0x", "0xg", "08", "0_8", "0a", "a1", "_1", "1a", "1:60", "1:005", "1:", "1x:20", "1.5", "1:20.5"]
        {
            assert_eq!(i(s), None, "{s}");
        }
        assert_eq!(split_sign("-x"), (true, "x"));
        assert_eq!(split_sign("+x"), (false, "x"));
        assert_eq!(split_sign("x"), (false, "x"));
        assert!(sexagesimal_part("5") && sexagesimal_part("59") && sexagesimal_part("05"));
        assert!(
            !sexagesimal_part("60")
                && !sexagesimal_part("")
                && !sexagesimal_part("x")
                && !sexagesimal_part("5x")
                && !sexagesimal_part("005")
        );
    }

    #[test]
    fn floats_like_pyyaml() {
        let f = |s: &str| resolve_float(s).map(|v| v.to_string());
        for (s, want) in [
            ("1.5", "1.5"),
            ("-1.5", "-1.5"),
            ("+1.5", "1.5"),
            ("1.", "1.0"),
            ("1_0.2_5", "10.25"),
            (".5", "0.5"),
            (".5_0", "0.5"),
            ("1.0e+3", "1000.0"),
            ("1.0E-1", "0.1"),
            ("1:20.5", "80.5"),
            ("-1:20.5", "-80.5"),
            ("1:20.", "80.0"),
            ("1:20.5_0", "80.5"),
            ("1_0:0:1.5", "36001.5"),
        ] {
            assert_eq!(f(s).as_deref(), Some(want), "{s}");
        }
        assert_eq!(resolve_float(".inf"), Some(float_value(f64::INFINITY)));
        assert_eq!(resolve_float("-.Inf"), Some(float_value(f64::NEG_INFINITY)));
        assert_ne!(float_value(f64::INFINITY), float_value(f64::NEG_INFINITY));
        assert_eq!(resolve_float(".NaN"), Some(json!(".nan")));
        for s in [
            "-.nan", "1", "1e3", "1.0e3", "1.0e+", "1.0e+x", ".e+1", "._5", "-.5", "-._", "_1.5", "1x.5", "1.5x", ":20.5", "_1:20.5",
            "1:20.x", "1:60.5", "1.5:3",
        ] {
            assert_eq!(f(s), None, "{s}");
        }
    }

    #[test]
    fn plain_scalars_and_tags() {
        assert!(is_null_scalar("") && is_null_scalar("~") && is_null_scalar("NULL") && !is_null_scalar("nil"));
        assert_eq!((is_bool_scalar("On"), is_bool_scalar("OFF"), is_bool_scalar("y")), (Some(true), Some(false), None));
        assert_eq!(resolve_plain("~"), Value::Null);
        assert_eq!(resolve_plain("no"), json!(false));
        assert_eq!(resolve_plain("0x10"), json!(16));
        assert_eq!(resolve_plain("2.5"), json!(2.5));
        assert_eq!(resolve_plain("2001-01-01"), json!("2001-01-01"));
        let v = y(
            "a: !!null x\nb: !!bool yes\nc: !!int 0x1F\nd: !!float 1\ne: !!float 1e+3\nf: !!timestamp 2001-1-1 1:02:03\ng: !!float 1.5\nh: !foo x\ni: !!str 1\nd2: 2001-02-30\n",
        );
        assert_eq!(
            v,
            json!({"a": null, "b": true, "c": 31, "d": 1.0, "e": 1000.0, "f": "2001-01-01T01:02:03", "g": 1.5, "h": "x", "i": "1", "d2": "2001-02-30"})
        );
        let err = |text: &str| parse_documents(text, "t").unwrap()[0].to_json("t").unwrap_err().to_string();
        assert!(err("a: !!bool maybe\n").contains("\"maybe\" is not a boolean"));
        assert!(err("a: !!int 1.5\n").contains("\"1.5\" is not an integer"));
        assert!(err("a: !!float x\n").contains("\"x\" is not a float"));
        assert!(err("a: !!timestamp x\n").contains("\"x\" is not a timestamp"));
        let ansible_err = |text: &str| parse_documents(text, "t").unwrap()[0].to_json_ansible("t").unwrap_err().to_string();
        assert!(ansible_err("a: !!binary aGk=\n").contains("binary values (!!binary) cannot be represented"));
        assert!(ansible_err("a: !foo x\n").contains("could not determine a constructor for the tag \"!foo\""));
        assert!(ansible_err("a: =\n").contains("tag:yaml.org,2002:value"), "{}", ansible_err("a: =\n"));
        assert!(ansible_err("a: 2001-02-30\n").contains("is not a valid date"));
        assert_eq!(ya("v: !vault-encrypted x\n"), json!({"v": {"__ansible_vault": "x"}}));
    }

    #[test]
    fn plain_is_only_used_when_it_reads_back_the_same() {
        for s in ["web-01.example.com", "a b", "a#b", "x,y", "a/b_c.d", "é"] {
            assert!(plain_ok(s), "{s}");
        }
        for s in [
            "",
            "-a",
            "?a",
            ":a",
            "#a",
            "&a",
            "*a",
            "!a",
            "|a",
            "%a",
            "@a",
            "`a",
            "'a",
            " a",
            "\ta",
            "...x",
            "a ",
            "a\t",
            "a:",
            "a\tb",
            "a\u{7}",
            // Read back unchanged, but written escaped (needs_escape): never plain.
            "x\u{85}y",
            "a\u{2028}b",
            "=",
            "<<",
            "y",
            "N",
            "0b_",
            "-0x__",
            "yes",
            "~",
            "12",
            "1.5",
            ".nan",
            ".inf",
            "2001-01-01",
            "1:20",
            "a: b",
            "a #b",
        ] {
            assert!(!plain_ok(s), "{s:?}");
        }
        // Past 1024 characters a plain scalar is no longer a simple key: only as a value.
        let long = "é".repeat(1100);
        assert!(!plain_ok(&long));
        assert!(plain_ok(&"é".repeat(1000)));
        assert!(pyyaml_radix_without_digits("0b_") && pyyaml_radix_without_digits("-0x__") && pyyaml_radix_without_digits("+0b__"));
        assert!(!pyyaml_radix_without_digits("0x") && !pyyaml_radix_without_digits("0b_1") && !pyyaml_radix_without_digits("0x_g"));
        assert!(!pyyaml_radix_without_digits("0o_") && !pyyaml_radix_without_digits("x0b_"));
    }

    #[test]
    fn tags_and_merge_keys() {
        let v = y(
            "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\nu: !unsafe '{{ x }}'\nv: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3131\ns: !!str 123\n",
        );
        assert_eq!(v["d"], json!({"x": 1, "y": 3}));
        assert_eq!(v["u"], json!("{{ x }}"));
        assert_eq!(v["v"]["__ansible_vault"], json!("$ANSIBLE_VAULT;1.1;AES256\n3131\n"));
        assert_eq!(v["s"], json!("123"));
    }

    #[test]
    fn non_string_keys_become_strings_and_last_duplicate_wins() {
        let v = y("1: a\ntrue: b\nk: 1\nk: 2\n");
        assert_eq!(v, json!({"1": "a", "true": "b", "k": 2}));
    }

    /// Nine levels of nine aliases: 9^9 nodes from 300 bytes.
    fn alias_bomb() -> String {
        let mut text = "a: &a [x,x,x,x,x,x,x,x,x]\n".to_string();
        for (prev, cur) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            text.push_str(&format!("{cur}: &{cur} [{}]\n", vec![format!("*{prev}"); 9].join(",")));
        }
        text
    }

    #[test]
    fn alias_bomb_is_refused_with_the_line() {
        let text = alias_bomb();
        let e = parse_documents(&text, "bomb.yml").unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Data);
        assert!(e.message.contains("aliases expand to more than"), "{}", e.message);
        // a..e expand to 9*(10+91+820+7381) nodes; line 6 (`f`) crosses 200000.
        assert!(e.message.starts_with("bomb.yml:6: "), "{}", e.message);
        // Merge keys are aliases too.
        let mut merge = "a: &a {k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}\n".to_string();
        for (prev, cur) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            let keys: Vec<String> = (1..10).map(|k| format!("k{k}: *{prev}")).collect();
            merge.push_str(&format!("{cur}: &{cur} {{<<: *{prev}, {}}}\n", keys.join(", ")));
        }
        let e = parse_documents(&merge, "m.yml").unwrap_err();
        assert!(e.message.contains("aliases expand to more than"), "{}", e.message);
    }

    #[test]
    fn many_small_aliases_still_load() {
        let mut text = String::from("defaults: &d {user: admin, port: 22, become: yes}\nhosts:\n");
        for i in 0..1000 {
            text.push_str(&format!("  h{i}: {{<<: *d, id: {i}}}\n  k{i}: *d\n"));
        }
        let v = y(&text);
        assert_eq!(v["hosts"]["h999"], json!({"user": "admin", "port": 22, "become": true, "id": 999}));
        assert_eq!(v["hosts"]["k0"], json!({"user": "admin", "port": 22, "become": true}));
        // Past the floor, a big document may expand to ALIAS_RATIO times its own nodes.
        let mut big = String::from("d: &d [1,2,3,4,5,6,7,8]\nl:\n");
        for _ in 0..30_000 {
            big.push_str("- [x, *d]\n");
        }
        assert!(parse_documents(&big, "big.yml").is_ok(), "270000 expanded nodes for 120000 own ones");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let e = utf8_text(b"a: 1\nb: 2\nc: caf\xe9\n".to_vec(), "bad.yml").unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Data);
        assert_eq!(e.message, "bad.yml:3: invalid UTF-8 (byte 0xE9)");
        assert_eq!(utf8_text(b"ok\n".to_vec(), "f").unwrap(), "ok\n");
        // A truncated multi-byte sequence at the very end.
        assert_eq!(utf8_text(b"x\n\xc3".to_vec(), "t").unwrap_err().message, "t:2: invalid UTF-8 (byte 0xC3)");
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let e = parse_one("a: 1\nb: [1, 2\nc: 3\n", "bad.yml").unwrap_err();
        assert!(e.message.starts_with("bad.yml:"), "{}", e.message);
        assert_eq!(e.kind, crate::error::ErrorKind::Data);
    }

    fn round_trip(v: &Value) {
        let text = to_string(v);
        let back = parse_one(&text, "export.yml").unwrap_or_else(|e| panic!("{v} → {text:?} does not parse: {}", e.message));
        assert_eq!(&back, v, "written as:\n{text}");
        assert_eq!(to_string(&back), text, "a second write differs");
    }

    #[test]
    fn keys_longer_than_a_simple_key_use_the_explicit_form() {
        for k in ["k".repeat(1500), "ü".repeat(1100), "k".repeat(SIMPLE_KEY_MAX)] {
            let v = json!({ k.as_str(): {"x": 1, k.as_str(): [k.as_str()]}, "short": k.as_str() });
            round_trip(&v);
            let text = to_string(&v);
            assert_eq!(text.contains("? \""), k.chars().count() > SIMPLE_KEY_MAX, "{}", &text[..80.min(text.len())]);
        }
        // A long value stays plain: only keys have the limit.
        let long = "v".repeat(1500);
        assert_eq!(to_string(&json!({ "k": long.as_str() })), format!("k: {long}\n"));
    }

    fn nest(s: &str) -> Value {
        json!({"k": s, s: [s, {s: s}, [s]], "n": {s: {"x": s}}})
    }

    #[test]
    fn writer_quotes_what_would_read_back_differently() {
        for s in YAML11_SPECIAL_FORMS {
            round_trip(&nest(s));
        }
        let w = to_string(&json!({"s_yes": "yes", "s_on": "on", "s_us": "1_000", "s_sexa": "1:20", "plain": "web-01.example.com"}));
        assert_eq!(w, "s_yes: \"yes\"\ns_on: \"on\"\ns_us: \"1_000\"\ns_sexa: \"1:20\"\nplain: web-01.example.com\n");
        assert_eq!(to_string(&json!({"t": "line 1\nline 2\n"})), "t: |\n  line 1\n  line 2\n");
        // PyYAML's int pattern takes these, then fails to build the int: quoted, or Ansible
        // could not read the file at all.
        assert_eq!(to_string(&json!(["0b_", "-0x__", "0x"])), "- \"0b_\"\n- \"-0x__\"\n- 0x\n");
    }

    #[test]
    fn writer_keeps_numbers_and_structure() {
        let big: Value =
            serde_json::from_str("[99999999999999999999999999999999, -1234567890123456789012345678901234567890, 1e+999]").unwrap();
        // Floats as the reader keeps them (Python's repr: `1.5e-07`, not `1.5e-7`).
        let mut v = json!({"big": big, "f": 1.5, "e": 1e16, "tiny": 1.5e-7, "i": -3, "b": true, "z": null, "el": [], "em": {},
                           "deep": [[1, [2]], {"a": [{"b": {}}]}]});
        crate::pynum::normalize(&mut v);
        round_trip(&v);
        assert!(to_string(&v).contains("- 99999999999999999999999999999999\n"), "{}", to_string(&v));
        assert!(to_string(&v).contains("- .inf\n"));
    }

    /// Strings built at random from YAML's troublemakers must survive the writer and reader.
    #[test]
    fn writer_round_trips_random_strings() {
        let mut strings = troublesome_strings(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            round_trip(&nest(&strings()));
        }
    }

    #[test]
    fn lines_are_tracked() {
        let docs = parse_documents("a:\n  b:\n    - x\n    - y\n", "f").unwrap();
        assert_eq!(docs[0].line_at(["a", "b", "1"]), 4);
    }
}
