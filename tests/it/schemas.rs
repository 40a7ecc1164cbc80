//! The JSON Schemas under schemas/ (the output contract, see support/schema.rs): one per leaf
//! command, each a valid 2020-12 schema, and the checks themselves catch drift.

use serde_json::json;

use crate::support::schema::{self, BASE, NO_JSON};
use crate::support::*;

/// Shared schemas that belong to no single command.
const SHARED: &[&str] = &["defs.json", "error.json", "job_event.json"];

/// Every visible command that prints a document: leaves, and parents that also run alone
/// (`dispatcher` runs the service, `dispatcher status` reports).
fn leaves(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
    for s in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = if prefix.is_empty() { s.get_name().to_string() } else { format!("{prefix}.{}", s.get_name()) };
        if s.get_subcommands().next().is_none() || !s.is_subcommand_required_set() {
            out.push(name.clone());
        }
        leaves(s, &name, out);
    }
}

#[test]
fn every_command_has_a_schema_and_every_schema_a_command() {
    let mut names = Vec::new();
    // The full tree (hidden commands left out as `cli::visible` does, which keeps no
    // "subcommand required" flag).
    leaves(&awxm::cli::command(), "", &mut names);
    assert!(names.contains(&"job.list".to_string()) && names.contains(&"dispatcher".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("job-guard")), "hidden commands have no contract: {names:?}");
    let files: Vec<String> = schema::files().into_iter().map(|(n, _)| n).collect();
    let missing: Vec<&String> = names.iter().filter(|n| !NO_JSON.contains(&n.as_str()) && !files.contains(&format!("{n}.json"))).collect();
    assert!(missing.is_empty(), "commands without a schema in schemas/: {missing:?}");
    let orphans: Vec<&String> =
        files.iter().filter(|f| !SHARED.contains(&f.as_str()) && !names.iter().any(|n| format!("{n}.json") == **f)).collect();
    assert!(orphans.is_empty(), "schemas of no command: {orphans:?}");
}

#[test]
fn every_schema_is_a_valid_2020_12_schema() {
    for (name, s) in schema::files() {
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema", "schemas/{name}");
        assert_eq!(s["$id"], format!("{BASE}{name}"), "schemas/{name}: $id");
        if let Err(e) = jsonschema::meta::validate(&s) {
            panic!("schemas/{name} is not a valid schema: {e} at {}", e.instance_path().as_str());
        }
        // A document's root is closed and versioned (the shared definitions have no root).
        if !["defs.json", "job_event.json", "inventory_export.json"].contains(&name.as_str()) {
            assert_eq!(s["properties"]["format_version"], json!({"const": 1}), "schemas/{name}");
            // `show` and `schedule show` are resource documents, `check_license` holds the stored
            // license fields.
            if !["show.json", "check_license.json", "schedule.show.json"].contains(&name.as_str()) {
                assert_eq!(s["additionalProperties"], json!(false), "schemas/{name}: the root must be closed");
            }
            assert!(s["required"].as_array().is_some_and(|r| r.contains(&json!("format_version"))), "schemas/{name}");
        }
    }
    // Compiling every schema (with the $refs between files) is part of the first check.
    schema::check_at(
        "error.json",
        "",
        &json!({"format_version": 1, "error": {"kind": "data", "message": "m", "details": [], "exit_code": 65}}),
        "compiles",
    );
}

#[test]
fn argv_maps_to_its_command_skipping_global_options() {
    let cases: &[(&[&str], &str)] = &[
        (&["--format", "json", "job", "list"], "job.list"),
        (&["-o", "jsonl", "--database", "sqlite:///x.db", "run-job", "t"], "run_job"),
        (&["--lock-timeout=3", "-q", "settings", "get", "list"], "settings.get"),
        (&["-vv", "--color", "never", "dispatcher", "status"], "dispatcher.status"),
        (&["dispatcher", "--once"], "dispatcher"),
        (&["--known-hosts", "kh", "--format", "json", "isolated_heartbeat", "--claim"], "isolated_heartbeat"),
        (&["-ojson", "license", "show"], "license.show"),
    ];
    for (args, want) in cases {
        assert_eq!(schema::command_of(args), *want, "{args:?}");
    }
}

/// A document with a field its schema does not know, a missing field or a wrong type fails.
#[test]
fn the_check_catches_drift() {
    let ok = json!({"format_version": 1, "id": 12, "status": "canceled", "canceled": true});
    schema::check(&["job", "cancel", "12"], &ok);
    let drifted = [
        json!({"format_version": 1, "id": 12, "status": "canceled", "canceled": true, "new_field": 1}),
        json!({"format_version": 1, "id": 12, "status": "canceled"}),
        json!({"format_version": 1, "id": "12", "status": "canceled", "canceled": true}),
        json!({"format_version": 2, "id": 12, "status": "canceled", "canceled": true}),
        json!({"format_version": 1, "id": 12, "status": "cancelled", "canceled": true}),
    ];
    for d in drifted {
        let r = std::panic::catch_unwind(|| schema::check(&["job", "cancel", "12"], &d));
        let msg = r.expect_err(&format!("{d} passed")).downcast::<String>().map(|s| *s).unwrap_or_default();
        assert!(msg.contains("schemas/job.cancel.json") && msg.contains("at \""), "{msg}");
    }
}

/// Error documents, from every kind of failure a test can provoke cheaply, match error.json.
#[test]
fn error_documents_and_export_match_their_schemas() {
    let env = TestEnv::sqlite();
    // 66: no database yet for a reader; then 66 no such object, 65 bad input, 2 usage.
    for (args, code) in [(&["--format", "json", "list", "inventories"][..], 66), (&["-o", "jsonl", "job", "show", "1"][..], 66)] {
        let out = env.run(args);
        assert_status(&out, code, args);
        let v = json_stdout(args, &out.stdout);
        assert_eq!(v["error"]["exit_code"], code, "{v}");
    }
    env.init();
    for (args, code) in [
        (&["--format", "json", "show", "inventory", "nope"][..], 66),
        (&["--format", "json", "settings", "set", "awx_task_env", "[1"][..], 65),
        (&["--format", "json", "export", "no_such_type"][..], 2),
        (&["--format", "json", "job", "wait", "999"][..], 66),
    ] {
        let out = env.run(args);
        assert_status(&out, code, args);
        let v = json_stdout(args, &out.stdout);
        assert_eq!(v["error"]["exit_code"], code, "{v}");
    }
    // `export` in JSON (no other test reads it as JSON): the lists `apply` reads.
    env.apply("inventories:\n  - name: web\n");
    let e = env.json(&["export", "inventory", "role"]);
    assert_eq!((e["inventories"][0]["name"].as_str(), e["roles"].as_array().map(Vec::len)), (Some("web"), Some(0)), "{e}");
    // A document that is not an error does not pass as one.
    let r = std::panic::catch_unwind(|| schema::check_at("error.json", "", &json!({"format_version": 1, "error": {"kind": "oops"}}), "t"));
    assert!(r.is_err());
}
