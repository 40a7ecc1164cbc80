//! The JSON output contract: every document a test parses from awxm's stdout is checked against
//! the JSON Schema of the command that printed it (`schemas/<command>[.<action>].json`), so a
//! field added, renamed or retyped without its schema fails the test that saw it.
//!
//! `json_stdout(args, bytes)` parses and checks one document, `jsonl_stdout` each line of
//! `--format jsonl` (a list's items against the list schema's item schema, `run_job`'s events
//! against `job_event.json`, its last line against `run_job.json`). A document whose `error` is an
//! object is the JSON error object and is checked against `error.json`. The schemas are compiled
//! once per test process (`OnceLock`), with every file in one registry so they may `$ref` each
//! other (`defs.json#/$defs/...`).
//!
//! `AWXM_SCHEMA_DUMP=DIR` writes each document to `DIR/<command>/` instead of checking it: samples
//! of every output the suite produces, to draft or review a schema from.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value;

/// Every schema's `$id` is this plus its file name; `$ref`s between files are relative.
pub const BASE: &str = "https://awxm.example.com/schemas/";

/// Leaf commands that print no JSON document of their own (none: `completions` too has one).
pub const NO_JSON: &[&str] = &[];

pub fn dir() -> PathBuf {
    super::repo().join("schemas")
}

/// Every schema file: (file name, parsed contents).
pub fn files() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir()).expect("schemas/") {
        let p = e.expect("schemas/ entry").path();
        let name = p.file_name().and_then(|n| n.to_str()).expect("file name").to_string();
        if !name.ends_with(".json") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", p.display()));
        out.push((name, v));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

struct Compiled {
    docs: BTreeMap<String, Value>,
    validators: BTreeMap<String, jsonschema::Validator>,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let files = files();
        let registry = jsonschema::Registry::new()
            .extend(files.iter().map(|(n, v)| (format!("{BASE}{n}"), v.clone())))
            .expect("schema registry")
            .prepare()
            .expect("schema registry");
        let mut validators = BTreeMap::new();
        for (n, v) in &files {
            let val = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .with_registry(&registry)
                .build(v)
                .unwrap_or_else(|e| panic!("schemas/{n}: does not compile: {e}"));
            validators.insert(n.clone(), val);
        }
        Compiled { docs: files.into_iter().collect(), validators }
    })
}

/// The subcommand path of an awxm argv ("job.list", "run_job", "dispatcher.status"): global
/// options and their values are skipped, aliases resolve to the command's name.
pub fn command_of(args: &[&str]) -> String {
    let root = awxm::cli::command();
    let globals: Vec<clap::Arg> = root.get_arguments().cloned().collect();
    let mut path: Vec<String> = Vec::new();
    let mut cmd = root.clone();
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        i += 1;
        if a == "--" {
            break;
        }
        if let Some(opt) = a.strip_prefix('-') {
            if a.contains('=') || a == "-" {
                continue;
            }
            let takes = |arg: &clap::Arg| arg.get_action().takes_values();
            let found = match opt.strip_prefix('-') {
                Some(long) => globals.iter().chain(cmd.get_arguments()).find(|x| x.get_long() == Some(long)).map(takes),
                // A cluster of short flags takes a value only through its last letter, and only
                // when nothing follows it in the same word.
                None => {
                    let last = opt.chars().last();
                    globals.iter().chain(cmd.get_arguments()).find(|x| x.get_short() == last).map(|x| takes(x) && opt.len() == 1)
                }
            };
            if found == Some(true) {
                i += 1;
            }
            continue;
        }
        match cmd.find_subcommand(a) {
            Some(sub) => {
                path.push(sub.get_name().to_string());
                cmd = sub.clone();
            }
            None => break,
        }
    }
    assert!(!path.is_empty(), "no awxm subcommand in {args:?}");
    path.join(".")
}

fn is_error_doc(v: &Value) -> bool {
    v.get("error").is_some_and(Value::is_object)
}

/// Check `doc` against `schemas/<file>` (at `pointer` inside it: "" for the root); panics with
/// the schema file, the JSON pointer of each mismatch and the document.
pub fn check_at(file: &str, pointer: &str, doc: &Value, what: &str) {
    let c = compiled();
    let errors: Vec<String> = if pointer.is_empty() {
        let v = c.validators.get(file).unwrap_or_else(|| panic!("{what}: no schema schemas/{file} (every command's JSON output has one)"));
        v.iter_errors(doc).map(|e| format!("  at {:?}: {e} (schema {})", e.instance_path().as_str(), e.schema_path().as_str())).collect()
    } else {
        let schema = c.docs.get(file).and_then(|s| s.pointer(pointer)).unwrap_or_else(|| panic!("{what}: no schemas/{file}#{pointer}"));
        item_validator(file, pointer, schema)
            .iter_errors(doc)
            .map(|e| format!("  at {:?}: {e} (schema {pointer}{})", e.instance_path().as_str(), e.schema_path().as_str()))
            .collect()
    };
    assert!(
        errors.is_empty(),
        "{what}: output does not match schemas/{file}{}:\n{}\n--- document ---\n{}",
        if pointer.is_empty() { String::new() } else { format!("#{pointer}") },
        errors.join("\n"),
        serde_json::to_string_pretty(doc).unwrap_or_default()
    );
}

/// A validator for a sub-schema (a list's item schema), compiled once per (file, pointer).
fn item_validator(file: &str, pointer: &str, _schema: &Value) -> &'static jsonschema::Validator {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static ITEMS: OnceLock<Mutex<HashMap<String, &'static jsonschema::Validator>>> = OnceLock::new();
    let key = format!("{file}#{pointer}");
    let mut map = ITEMS.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(v) = map.get(&key) {
        return v;
    }
    let registry = jsonschema::Registry::new()
        .extend(compiled().docs.iter().map(|(n, v)| (format!("{BASE}{n}"), v.clone())))
        .expect("schema registry")
        .prepare()
        .expect("schema registry");
    let wrapper = serde_json::json!({"$ref": format!("{BASE}{file}#{pointer}")});
    let v: &'static jsonschema::Validator = Box::leak(Box::new(
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .with_registry(&registry)
            .build(&wrapper)
            .unwrap_or_else(|e| panic!("schemas/{key}: does not compile: {e}")),
    ));
    map.insert(key, v);
    v
}

/// Check one JSON document printed by `awxm ARGS` against its command's schema (or the error
/// schema). `awxm check_license --data` prints the same fields without `format_version`.
pub fn check(args: &[&str], doc: &Value) {
    let what = format!("awxm {}", args.join(" "));
    if let Some(d) = std::env::var_os("AWXM_SCHEMA_DUMP") {
        let name = if is_error_doc(doc) { "error".to_string() } else { command_of(args) };
        let dir = PathBuf::from(d).join(name);
        std::fs::create_dir_all(&dir).expect("dump dir");
        let f = dir.join(format!("{}.json", uuid::Uuid::new_v4().simple()));
        std::fs::write(f, format!("{{\"args\": {}, \"doc\": {doc}}}", serde_json::json!(args))).expect("dump");
        return;
    }
    if is_error_doc(doc) {
        return check_at("error.json", "", doc, &what);
    }
    let name = command_of(args);
    if name == "inventory_export" && args.contains(&"--host") {
        return check_at("inventory_export.json", "/$defs/vars", doc, &what);
    }
    if name == "check_license" && args.contains(&"--data") {
        let mut m = serde_json::Map::new();
        m.insert("format_version".into(), Value::from(1));
        m.extend(doc.as_object().cloned().unwrap_or_default());
        return check_at("check_license.json", "", &Value::Object(m), &what);
    }
    check_at(&format!("{name}.json"), "", doc, &what)
}

/// Parse the stdout of `awxm ARGS` as one JSON document and check it.
#[track_caller]
pub fn json_stdout(args: &[&str], stdout: &[u8]) -> Value {
    let v: Value = serde_json::from_slice(stdout)
        .unwrap_or_else(|e| panic!("awxm {args:?}: stdout is not JSON ({e}): {}", String::from_utf8_lossy(stdout)));
    check(args, &v);
    v
}

/// `json_stdout` for output that may be empty or not JSON (then `Value::Null`, unchecked).
pub fn json_stdout_or_null(args: &[&str], stdout: &[u8]) -> Value {
    match serde_json::from_slice::<Value>(stdout) {
        Ok(v) => {
            check(args, &v);
            v
        }
        Err(_) => Value::Null,
    }
}

/// Parse `--format jsonl` output: a list's items against the list's item schema, `run_job`'s
/// (and `ad_hoc`'s) streamed events against `job_event.json` and its summary line against its
/// own schema; anything else is one document.
#[track_caller]
pub fn jsonl_stdout(args: &[&str], stdout: &[u8]) -> Vec<Value> {
    let text = String::from_utf8_lossy(stdout);
    let what = format!("awxm {}", args.join(" "));
    let lines: Vec<Value> =
        text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{what}: a line is not JSON ({e}): {l}"))).collect();
    let name = command_of(args);
    let file = format!("{name}.json");
    let is_list = match compiled().docs.get(&file) {
        Some(schema) => schema.pointer("/properties/items").is_some() && schema.pointer("/properties/count").is_some(),
        None => {
            std::env::var_os("AWXM_SCHEMA_DUMP").is_some()
                && lines.iter().all(|l| l.get("format_version").is_none())
                && !matches!(name.as_str(), "run_job" | "ad_hoc")
        }
    };
    for (n, line) in lines.iter().enumerate() {
        if std::env::var_os("AWXM_SCHEMA_DUMP").is_some() {
            let kind = if is_list {
                "items"
            } else if line.get("format_version").is_some() {
                "doc"
            } else {
                "event"
            };
            if kind == "doc" {
                check(args, line);
            } else {
                let dir = PathBuf::from(std::env::var_os("AWXM_SCHEMA_DUMP").unwrap_or_default()).join(format!("{name}@{kind}"));
                std::fs::create_dir_all(&dir).expect("dump dir");
                std::fs::write(
                    dir.join(format!("{}.json", uuid::Uuid::new_v4().simple())),
                    format!("{{\"args\": {}, \"doc\": {line}}}", serde_json::json!(args)),
                )
                .expect("dump");
            }
        } else if is_error_doc(line) {
            check_at("error.json", "", line, &what);
        } else if is_list {
            check_at(&file, "/properties/items/items", line, &format!("{what} (line {})", n + 1));
        } else if line.get("format_version").is_some() {
            check(args, line);
        } else if matches!(name.as_str(), "run_job" | "ad_hoc") {
            check_at("job_event.json", "", line, &format!("{what} (line {})", n + 1));
        } else {
            panic!("{what}: line {} is neither an event nor a document: {line}", n + 1);
        }
    }
    lines
}
