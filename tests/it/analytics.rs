//! gather_analytics: tarball contents against the database, windowing and bookkeeping across
//! runs, splitting, gating, the lock, and shipping to a real HTTP(S) server on loopback
//! (tests/scripts/upload_sink.py) that accepts, refuses, fails then accepts, or hangs.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::*;

const NOW: &str = "2026-03-10T12:00:00Z";
const MIME: &str = "application/vnd.redhat.tower.tower_payload+tgz";
const PASSWORD: &str = "rh-S3cret-pw";

/// Jobs, events, updates and workflows at known times on 2026-03-10 (with the demo resources).
const SEED: &str = r#"
INSERT INTO job (id, name, job_template_id, organization_id, inventory_id, project_id, launch_type, status, failed,
                 started, finished, elapsed, execution_node, forks, created, modified) VALUES
 (1, 'deploy', (SELECT id FROM job_template WHERE name = 'deploy'), (SELECT id FROM organization WHERE name = 'Ops'),
  (SELECT id FROM inventory WHERE name = 'web'), (SELECT id FROM project WHERE name = 'demo'), 'manual', 'successful', FALSE,
  '2026-03-10T01:00:01.000000Z', '2026-03-10T01:10:00.500000Z', 599.5, 'node1', 5, '2026-03-10T01:00:00.000000Z', '2026-03-10T01:10:00.500000Z'),
 (2, 'deploy, again', (SELECT id FROM job_template WHERE name = 'deploy'), (SELECT id FROM organization WHERE name = 'Ops'),
  (SELECT id FROM inventory WHERE name = 'web'), (SELECT id FROM project WHERE name = 'demo'), 'scheduled', 'failed', TRUE,
  '2026-03-10T09:00:01.000000Z', '2026-03-10T09:05:00.000000Z', 299, 'node1', 0, '2026-03-10T09:00:00.000000Z', '2026-03-10T09:05:00.000000Z');
INSERT INTO job_event (id, job_id, counter, uuid, parent_uuid, event, event_data, failed, changed, host_id, host_name,
                       playbook, play, task, role, created, modified) VALUES
 (101, 1, 1, 'u101', '', 'playbook_on_start', '{}', FALSE, FALSE, NULL, '', 'site.yml', '', '', '',
  '2026-03-10T01:00:01.000000Z', '2026-03-10T01:00:01.000000Z'),
 (102, 1, 2, 'u102', 'u101', 'runner_on_ok',
  '{"task_action": "ansible.builtin.command", "resolved_action": "ansible.builtin.command", "start": "2026-03-10T01:00:02.250000", "end": "2026-03-10T01:00:02.750000", "duration": 0.5, "res": {"changed": true, "warnings": ["w1"], "deprecations": [{"msg": "old"}]}}',
  FALSE, TRUE, (SELECT id FROM host WHERE name = 'web1.example.test'), 'web1.example.test', 'site.yml', 'all', 'run "it", now', '',
  '2026-03-10T01:00:02.000000Z', '2026-03-10T01:00:02.000000Z'),
 (103, 1, 3, 'u103', 'u101', 'playbook_on_stats',
  '{"changed": {"web1.example.test": 1}, "ok": {"web1.example.test": 2}, "artifact_data": {"secret": 1}}',
  FALSE, FALSE, NULL, '', 'site.yml', '', '', '', '2026-03-10T01:00:03.000000Z', '2026-03-10T01:00:03.500000Z'),
 (201, 2, 1, 'u201', '', 'runner_on_failed', '{"task_action": "fail", "resolved_role": null}', TRUE, FALSE,
  (SELECT id FROM host WHERE name = 'web1.example.test'), 'web1.example.test', 'site.yml', 'all', 'boom', 'r1',
  '2026-03-10T09:00:01.000000Z', '2026-03-10T09:00:01.000000Z'),
 (202, 2, 2, 'u202', '', 'playbook_on_stats', '{"failures": {"web1.example.test": 1}}', FALSE, FALSE, NULL, '', 'site.yml', '', '', '',
  '2026-03-10T09:00:02.000000Z', '2026-03-10T09:00:02.000000Z');
INSERT INTO project_update (id, name, project_id, launch_type, status, created, modified, finished) VALUES
 (7, 'demo', (SELECT id FROM project WHERE name = 'demo'), 'manual', 'successful', '2026-03-10T02:00:00.000000Z', '2026-03-10T02:01:00.000000Z', '2026-03-10T02:01:00.000000Z'),
 (8, 'demo', (SELECT id FROM project WHERE name = 'demo'), 'sync', 'successful', '2026-03-10T02:30:00.000000Z', '2026-03-10T02:31:00.000000Z', '2026-03-10T02:31:00.000000Z');
INSERT INTO inventory_source (id, name, inventory_id, source, created, modified) VALUES
 (4, 'web-src', (SELECT id FROM inventory WHERE name = 'web'), 'file', '2026-03-01T00:00:00.000000Z', '2026-03-01T00:00:00.000000Z');
INSERT INTO inventory_update (id, name, inventory_source_id, inventory_id, launch_type, status, created, modified) VALUES
 (3, 'web-src', 4, (SELECT id FROM inventory WHERE name = 'web'), 'manual', 'running', '2026-03-10T03:00:00.000000Z', '2026-03-10T03:00:00.000000Z');
INSERT INTO workflow_job_template (id, name, organization_id, created, modified) VALUES
 (6, 'wf', (SELECT id FROM organization WHERE name = 'Ops'), '2026-03-01T00:00:00.000000Z', '2026-03-01T00:00:00.000000Z');
INSERT INTO workflow_job_template_node (id, workflow_job_template_id, identifier, job_template_id, project_id, created, modified) VALUES
 (11, 6, 'a', (SELECT id FROM job_template WHERE name = 'deploy'), NULL, '2026-03-01T00:00:00.000000Z', '2026-03-01T00:00:00.000000Z'),
 (12, 6, 'b', NULL, (SELECT id FROM project WHERE name = 'demo'), '2026-03-01T00:00:00.000000Z', '2026-03-01T00:00:00.000000Z');
INSERT INTO workflow_node_edge (from_node_id, to_node_id, kind) VALUES (11, 12, 'success'), (11, 12, 'always');
INSERT INTO workflow_job (id, name, workflow_job_template_id, organization_id, launch_type, status, created, modified) VALUES
 (5, 'wf', 6, (SELECT id FROM organization WHERE name = 'Ops'), 'manual', 'running', '2026-03-10T04:00:00.000000Z', '2026-03-10T04:00:00.000000Z');
INSERT INTO workflow_job_node (id, workflow_job_id, identifier, unified_job_template_type, unified_job_template_id, job_type, job_id, created, modified) VALUES
 (21, 5, 'a', 'job_template', (SELECT id FROM job_template WHERE name = 'deploy'), 'job', 1, '2026-03-10T04:00:01.000000Z', '2026-03-10T04:00:01.000000Z'),
 (22, 5, 'b', 'project', (SELECT id FROM project WHERE name = 'demo'), 'project_update', 7, '2026-03-10T04:00:02.000000Z', '2026-03-10T04:00:02.000000Z');
INSERT INTO workflow_job_node_edge (from_node_id, to_node_id, kind) VALUES (21, 22, 'success');
"#;

fn demo() -> String {
    std::fs::read_to_string(fixture("demo.yaml")).expect("demo fixture")
}

fn seed(env: &TestEnv) {
    env.apply(&demo());
    env.sql_exec(SEED);
}

fn id_of(env: &TestEnv, table: &str, name: &str) -> i64 {
    env.sql_count(&format!("SELECT id FROM {table} WHERE name = '{name}'"))
}

/// The upload sink, killed on drop.
struct Sink {
    child: Child,
    url: String,
    dir: PathBuf,
}

impl Sink {
    fn start(env: &TestEnv, args: &[&str]) -> Sink {
        Self::start_with(env, args, None)
    }

    fn start_with(env: &TestEnv, args: &[&str], tls: Option<(&Path, &Path)>) -> Sink {
        let dir = env.path().join(format!("sink-{}", uuid::Uuid::new_v4().simple()));
        let mut cmd = Command::new("python3");
        cmd.arg(repo().join("tests/scripts/upload_sink.py"))
            .args(["--host", "127.0.0.1", "--port", "0", "--dir"])
            .arg(&dir)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some((cert, key)) = tls {
            cmd.arg("--tls-cert").arg(cert).arg("--tls-key").arg(key);
        }
        let mut child = cmd.spawn().expect("start upload_sink.py");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("sink banner");
        let port = line.trim().rsplit(':').next().expect("port").to_string();
        let scheme = if tls.is_some() { "https" } else { "http" };
        Sink { child, url: format!("{scheme}://127.0.0.1:{port}/api/ingress/v1/upload"), dir }
    }

    fn requests(&self) -> Vec<Value> {
        match std::fs::read_to_string(self.dir.join("index.jsonl")) {
            Ok(t) => t.lines().map(|l| serde_json::from_str(l).expect("index line")).collect(),
            Err(_) => Vec::new(),
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn set(env: &TestEnv, key: &str, value: &str) {
    env.ok(&["settings", "set", key, value]);
}

/// Tracking on, URL, credentials, fast retries.
fn configure(env: &TestEnv, url: &str) {
    set(env, "insights_tracking_state", "true");
    set(env, "automation_analytics_url", url);
    set(env, "redhat_username", "rhuser");
    let out = env.run_stdin(&["settings", "set", "redhat_password", "-"], PASSWORD);
    assert_status(&out, 0, &["settings", "set", "redhat_password", "-"]);
    set(env, "automation_analytics_retry_backoff", "0.1");
}

fn gather_cmd(env: &TestEnv, now: &str, args: &[&str]) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("AWXM_FAKE_NOW", now);
    for v in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"] {
        c.env_remove(v);
    }
    c.args(["--format", "json", "gather_analytics"]).args(args);
    c
}

/// `env.std_cmd()` without proxy variables (the upload sink is on loopback).
fn std_cmd(env: &TestEnv) -> Command {
    let mut c = env.std_cmd();
    for (k, _) in std::env::vars() {
        if k.to_lowercase().ends_with("_proxy") {
            c.env_remove(k);
        }
    }
    c
}

/// Run a gather at `now`; returns the output and the JSON report.
fn gather(env: &TestEnv, now: &str, args: &[&str]) -> (Output, Value) {
    let out = gather_cmd(env, now, args).output().expect("run awxm");
    let v = json_stdout_or_null(&["gather_analytics"], &out.stdout);
    (out, v)
}

fn out_dir(env: &TestEnv) -> String {
    env.path().join("analytics-out").display().to_string()
}

/// Members of a tarball: name → bytes, in archive order.
fn read_tar(path: &Path) -> Vec<(String, Vec<u8>)> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut ar = tar::Archive::new(flate2::read::GzDecoder::new(f));
    let mut out = Vec::new();
    for e in ar.entries().expect("tar entries") {
        let mut e = e.expect("entry");
        let name = String::from_utf8_lossy(&e.path_bytes()).into_owned();
        let mut b = Vec::new();
        e.read_to_end(&mut b).expect("member");
        out.push((name, b));
    }
    out
}

fn member<'a>(members: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &members.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no member {name}")).1
}

fn json_member(members: &[(String, Vec<u8>)], name: &str) -> Value {
    serde_json::from_slice(member(members, name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// RFC 4180 as PostgreSQL writes it: an unquoted empty field is NULL (None).
fn parse_csv(text: &str) -> Vec<Vec<Option<String>>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut in_quotes, mut any) = (false, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                in_quotes = true;
                quoted = true;
                any = true;
            }
            ',' | '\n' => {
                row.push(if quoted || !field.is_empty() { Some(std::mem::take(&mut field)) } else { None });
                quoted = false;
                if c == '\n' {
                    rows.push(std::mem::take(&mut row));
                    any = false;
                } else {
                    any = true;
                }
            }
            c => {
                field.push(c);
                any = true;
            }
        }
    }
    assert!(!any && row.is_empty(), "CSV does not end with a newline");
    rows
}

/// CSV rows as maps column → value.
fn csv_records(bytes: &[u8]) -> Vec<BTreeMap<String, Option<String>>> {
    let rows = parse_csv(std::str::from_utf8(bytes).expect("utf-8 CSV"));
    let header: Vec<String> = rows[0].iter().map(|h| h.clone().expect("header")).collect();
    rows[1..].iter().map(|r| header.iter().cloned().zip(r.iter().cloned()).collect()).collect()
}

fn col(r: &BTreeMap<String, Option<String>>, k: &str) -> Option<String> {
    r.get(k).unwrap_or_else(|| panic!("no column {k}")).clone()
}

fn ids(records: &[BTreeMap<String, Option<String>>]) -> Vec<i64> {
    records.iter().map(|r| col(r, "id").expect("id").parse().expect("int id")).collect()
}

/// The tarballs of the report that hold collector `key` (the JSON one for "config").
fn tarballs<'a>(report: &'a Value, key: &str) -> Vec<&'a Value> {
    report["tarballs"]
        .as_array()
        .expect("tarballs")
        .iter()
        .filter(|t| t["collectors"].as_array().expect("collectors").iter().any(|c| c == key))
        .collect()
}

/// Rows of a CSV collector's tarballs, in order, read from the files.
fn table_rows(report: &Value, key: &str) -> Vec<Vec<BTreeMap<String, Option<String>>>> {
    tarballs(report, key)
        .iter()
        .map(|t| csv_records(member(&read_tar(Path::new(t["path"].as_str().expect("path"))), &format!("./{key}.csv"))))
        .collect()
}

fn last_entries(env: &TestEnv) -> Value {
    env.json(&["settings", "get", "automation_analytics_last_entries"])["value"].clone()
}

fn last_gather(env: &TestEnv) -> Value {
    env.json(&["settings", "get", "automation_analytics_last_gather"])["value"].clone()
}

const JSON_MANIFEST: &str = r#"{"config.json": "1.6", "counts.json": "1.2", "org_counts.json": "1.0", "cred_type_counts.json": "1.0", "inventory_counts.json": "1.2", "projects_by_scm_type.json": "1.0", "instance_info.json": "1.3", "query_info.json": "1.0"}"#;

db_test!(dry_run_writes_awx_tarballs_that_match_the_database_and_sends_nothing, |env| {
    seed(&env);
    let sink = Sink::start(&env, &[]);
    configure(&env, &sink.url); // fully configured: a dry run must still stay off the network
    let dir = out_dir(&env);
    let (out, r) = gather(&env, NOW, &["--dry-run", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics", "--dry-run"]);
    assert!(stderr(&out).is_empty(), "a successful run is silent on stderr: {}", stderr(&out));
    assert_eq!(r["mode"], "dry_run");
    assert_eq!(r["until"], "2026-03-10T12:00:00.000000Z");
    assert!(sink.requests().is_empty(), "dry run contacted the server");
    let jt = id_of(&env, "job_template", "deploy");
    let proj = id_of(&env, "project", "demo");
    let host = env.sql_count("SELECT id FROM host WHERE name = 'web1.example.test'");

    // One JSON tarball + 2 event slices + 2 job slices + 3 single tarballs, all kept.
    let all = r["tarballs"].as_array().unwrap();
    assert_eq!(all.len(), 8, "{r:#}");
    let uuid = env.json(&["settings", "get", "install_uuid"])["value"].as_str().unwrap().to_string();
    for (i, t) in all.iter().enumerate() {
        let p = t["path"].as_str().unwrap();
        assert!(Path::new(p).is_file() && t["kept"] == true && t["shipped"] == false);
        assert_eq!(Path::new(p).file_name().unwrap().to_str().unwrap(), format!("{uuid}-2026-03-10-120000+0000-{i}.tar.gz"));
    }

    // The JSON tarball: every JSON collector with AWX's versions.
    let json_tar = read_tar(Path::new(tarballs(&r, "config")[0]["path"].as_str().unwrap()));
    let names: Vec<&str> = json_tar.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "./config.json",
            "./counts.json",
            "./org_counts.json",
            "./cred_type_counts.json",
            "./inventory_counts.json",
            "./projects_by_scm_type.json",
            "./instance_info.json",
            "./query_info.json",
            "./manifest.json"
        ]
    );
    assert_eq!(std::str::from_utf8(member(&json_tar, "./manifest.json")).unwrap(), JSON_MANIFEST);
    let config = json_member(&json_tar, "./config.json");
    assert_eq!(config["install_uuid"], uuid.as_str());
    assert_eq!(config["platform"]["type"], "traditional");
    assert_eq!(config["tower_version"], env!("CARGO_PKG_VERSION"));
    let counts = json_member(&json_tar, "./counts.json");
    assert_eq!(counts["job_template"], 1);
    assert_eq!(counts["host"], 1);
    assert_eq!(counts["unified_job"], 5, "2 jobs + 1 project update (not the sync one) + 1 inventory update + 1 workflow job");
    assert_eq!(counts["running_jobs"], 2);
    assert_eq!(counts["inventories"], json!({"normal": 1, "smart": 0}));
    let inv = json_member(&json_tar, "./inventory_counts.json");
    let inv_id = id_of(&env, "inventory", "web").to_string();
    assert_eq!(inv[&inv_id]["sources"], 1);
    assert_eq!(inv[&inv_id]["source_list"][0]["name"], "web-src");
    assert_eq!(json_member(&json_tar, "./projects_by_scm_type.json")["manual"], 1);
    assert_eq!(
        json_member(&json_tar, "./query_info.json"),
        json!({"last_run": "2026-02-10 12:00:00+00:00", "current_time": "2026-03-10 12:00:00+00:00", "collection_type": "dry-run"})
    );

    // Every CSV tarball: the table, the same config.json, a manifest naming both.
    for key in
        ["events_table", "unified_jobs_table", "unified_job_template_table", "workflow_job_node_table", "workflow_job_template_node_table"]
    {
        for t in tarballs(&r, key) {
            let m = read_tar(Path::new(t["path"].as_str().unwrap()));
            let names: Vec<&str> = m.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(names, [format!("./{key}.csv").as_str(), "./config.json", "./manifest.json"]);
            assert_eq!(member(&m, "./config.json"), member(&json_tar, "./config.json"));
            let version = if key == "events_table" {
                "1.5"
            } else if key == "unified_jobs_table" {
                "1.4"
            } else if key == "unified_job_template_table" {
                "1.1"
            } else {
                "1.0"
            };
            assert_eq!(json_member(&m, "./manifest.json"), json!({format!("{key}.csv"): version, "config.json": "1.6"}));
        }
    }

    // events_table: one tarball per 4-hour slice holding events; rows against the database.
    let events = table_rows(&r, "events_table");
    assert_eq!(events.iter().map(|s| ids(s)).collect::<Vec<_>>(), vec![vec![101, 102, 103], vec![201, 202]]);
    assert_eq!(
        env.sql_count("SELECT count(*) FROM job_event WHERE modified > '2026-02-10T12:00:00.000000Z'"),
        events.iter().map(|s| s.len() as i64).sum::<i64>()
    );
    let e = &events[0][1];
    let expect = |k: &str, v: Option<&str>| assert_eq!(col(e, k).as_deref(), v, "events_table.{k}");
    expect("created", Some("2026-03-10 01:00:02+00"));
    expect("job_created", Some("2026-03-10 01:00:00+00"));
    expect("uuid", Some("u102"));
    expect("parent_uuid", Some("u101"));
    expect("event", Some("runner_on_ok"));
    expect("task_action", Some("ansible.builtin.command"));
    expect("resolved_action", Some("ansible.builtin.command"));
    expect("resolved_role", None);
    expect("playbook_on_stats", None);
    expect("failed", Some("f"));
    expect("changed", Some("t"));
    expect("task", Some("run \"it\", now"));
    expect("role", Some(""));
    expect("job_id", Some("11"));
    expect("host_id", Some(host.to_string().as_str()));
    expect("host_name", Some("web1.example.test"));
    expect("start", Some("2026-03-10 01:00:02.25+00"));
    expect("end", Some("2026-03-10 01:00:02.75+00"));
    expect("duration", Some("0.5"));
    expect("warnings", Some(r#"["w1"]"#));
    expect("deprecations", Some(r#"[{"msg": "old"}]"#));
    let stats: Value = serde_json::from_str(&col(&events[0][2], "playbook_on_stats").unwrap()).unwrap();
    assert_eq!(stats, json!({"changed": {"web1.example.test": 1}, "ok": {"web1.example.test": 2}}), "artifact_data is dropped");
    assert_eq!(col(&events[0][2], "modified").as_deref(), Some("2026-03-10 01:00:03.5+00"));
    assert_eq!(col(&events[1][0], "failed").as_deref(), Some("t"));
    assert_eq!(col(&events[1][0], "resolved_role"), None);

    // unified_jobs_table: the four job tables as one, ids = awxm id * 10 + kind; sync excluded.
    let jobs = table_rows(&r, "unified_jobs_table");
    assert_eq!(jobs.iter().map(|s| ids(s)).collect::<Vec<_>>(), vec![vec![11, 33, 54, 72], vec![21]]);
    let models: Vec<String> = jobs[0].iter().map(|j| col(j, "model").unwrap()).collect();
    assert_eq!(models, ["job", "inventoryupdate", "workflowjob", "projectupdate"]);
    let j1 = &jobs[0][0];
    assert_eq!(col(j1, "unified_job_template_id"), Some((jt * 10 + 1).to_string()));
    assert_eq!(col(j1, "organization_name").as_deref(), Some("Ops"));
    assert_eq!(col(j1, "inventory_name").as_deref(), Some("web"));
    assert_eq!(col(j1, "elapsed").as_deref(), Some("599.500"));
    assert_eq!(col(j1, "finished").as_deref(), Some("2026-03-10 01:10:00.5+00"));
    assert_eq!(col(j1, "forks").as_deref(), Some("5"));
    assert_eq!(col(&jobs[0][1], "unified_job_template_id").as_deref(), Some("43"));
    let j2 = &jobs[1][0];
    assert_eq!(
        (col(j2, "name").as_deref(), col(j2, "failed").as_deref(), col(j2, "launch_type").as_deref()),
        (Some("deploy, again"), Some("t"), Some("scheduled"))
    );

    // Full dumps of templates and workflow template nodes (with their edges as arrays).
    let ujt = &table_rows(&r, "unified_job_template_table")[0];
    let mut want = vec![jt * 10 + 1, proj * 10 + 2, 43, 64];
    want.sort_unstable();
    assert_eq!(ids(ujt), want);
    let wjtn = &table_rows(&r, "workflow_job_template_node_table")[0];
    assert_eq!(ids(wjtn), vec![11, 12]);
    assert_eq!(col(&wjtn[0], "unified_job_template_id"), Some((jt * 10 + 1).to_string()));
    assert_eq!(col(&wjtn[0], "workflow_job_template_id").as_deref(), Some("64"));
    assert_eq!(
        (col(&wjtn[0], "success_nodes"), col(&wjtn[0], "failure_nodes"), col(&wjtn[0], "always_nodes")),
        (Some("{12}".into()), None, Some("{12}".into()))
    );
    assert_eq!(col(&wjtn[1], "unified_job_template_id"), Some((proj * 10 + 2).to_string()));
    let wjn = &table_rows(&r, "workflow_job_node_table")[0];
    assert_eq!(ids(wjn), vec![21, 22]);
    assert_eq!((col(&wjn[0], "job_id").as_deref(), col(&wjn[0], "workflow_job_id").as_deref()), (Some("11"), Some("54")));
    assert_eq!(col(&wjn[0], "success_nodes").as_deref(), Some("{22}"));
    assert_eq!(col(&wjn[1], "job_id").as_deref(), Some("72"));

    // Dry runs keep no bookkeeping; a run without --ship is a dry run too, and says so.
    assert_eq!(last_entries(&env), json!({}));
    assert_eq!(last_gather(&env), Value::Null);
    let out = env.cmd().env("AWXM_FAKE_NOW", NOW).args(["gather_analytics", "--output-dir", &dir]).output().unwrap();
    assert_status(&out, 0, &["gather_analytics"]);
    assert!(stdout(&out).contains("dry run:") && stdout(&out).contains("nothing sent"), "{}", stdout(&out));
    assert!(sink.requests().is_empty());
});

db_test!(ship_uploads_each_tarball_and_the_next_run_sends_only_what_is_new, |env| {
    seed(&env);
    let sink = Sink::start(&env, &[]);
    configure(&env, &sink.url);
    let dir = out_dir(&env);
    let (out, r) = gather(&env, NOW, &["--ship", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics", "--ship"]);
    assert_eq!((r["mode"].as_str(), r["collection_type"].as_str()), (Some("ship"), Some("manual")));
    let all = r["tarballs"].as_array().unwrap();
    assert_eq!(all.len(), 8);
    assert_eq!(r["shipped"], 8);
    let reqs = sink.requests();
    assert_eq!(reqs.len(), 8);
    use base64::Engine;
    let auth = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("rhuser:{PASSWORD}")));
    for (t, q) in all.iter().zip(&reqs) {
        assert_eq!(t["upload"]["status"], 201);
        assert_eq!(q["method"], "POST");
        assert_eq!(q["path"], "/api/ingress/v1/upload");
        assert_eq!(q["auth"], auth.as_str());
        assert_eq!(q["user_agent"], format!("awxm/{}", env!("CARGO_PKG_VERSION")).as_str());
        assert!(q["content_type"].as_str().unwrap().starts_with("multipart/form-data; boundary="));
        let name = Path::new(t["path"].as_str().unwrap()).file_name().unwrap().to_str().unwrap().to_string();
        assert_eq!(
            q["parts"],
            json!([{"name": "file", "filename": name, "content_type": MIME, "size": t["size"], "sha256": q["parts"][0]["sha256"]}])
        );
        // Deleted after the fully successful run; what the server got is the whole tarball.
        assert!(!Path::new(t["path"].as_str().unwrap()).exists() && t["kept"] == false);
        let received = read_tar(&sink.dir.join(&name));
        assert!(received.iter().any(|(n, _)| n == "./manifest.json"));
    }
    // The secret never shows in the report.
    assert!(!stdout(&out).contains(PASSWORD));
    let until = "2026-03-10T12:00:00.000000Z";
    let entries = last_entries(&env);
    for key in
        ["config", "counts", "query_info", "events_table", "unified_jobs_table", "unified_job_template_table", "workflow_job_node_table"]
    {
        assert_eq!(entries[key], until, "{key}: {entries}");
    }
    assert_eq!(last_gather(&env), until);

    // New data after the first run: the second run sends only that.
    env.sql_exec(
        "INSERT INTO job_event (id, job_id, counter, uuid, event, event_data, created, modified) VALUES
            (301, 2, 3, 'u301', 'runner_on_ok', '{}', '2026-03-10T12:30:00.000000Z', '2026-03-10T12:30:00.000000Z');
         INSERT INTO job (id, name, status, created, modified) VALUES (9, 'later', 'pending', '2026-03-10T12:20:00.000000Z', '2026-03-10T12:20:00.000000Z');",
    );
    let (out, r2) = gather(&env, "2026-03-10T13:00:00Z", &["--ship", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics", "--ship"]);
    let ev: Vec<Vec<i64>> = r2["tarballs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["collectors"] == json!(["events_table"]))
        .map(|t| {
            let name = Path::new(t["path"].as_str().unwrap()).file_name().unwrap().to_str().unwrap().to_string();
            ids(&csv_records(member(&read_tar(&sink.dir.join(name)), "./events_table.csv")))
        })
        .collect();
    assert_eq!(ev, vec![vec![301]]);
    let c = r2["collectors"].as_array().unwrap().iter().find(|c| c["key"] == "events_table").unwrap().clone();
    assert_eq!((c["start"].as_str(), c["end"].as_str(), c["slices"].as_u64()), (Some(until), Some("2026-03-10T13:00:00.000000Z"), Some(1)));
    let uj = r2["tarballs"].as_array().unwrap().iter().filter(|t| t["collectors"] == json!(["unified_jobs_table"])).count();
    assert_eq!(uj, 1);
    assert_eq!(last_entries(&env)["events_table"], "2026-03-10T13:00:00.000000Z");
    assert_eq!(last_gather(&env), "2026-03-10T13:00:00.000000Z");
    assert_eq!(sink.requests().len(), 8 + r2["tarballs"].as_array().unwrap().len());
});

db_test!(a_refused_upload_keeps_the_tarballs_and_the_bookkeeping, |env| {
    seed(&env);
    let sink = Sink::start(&env, &["--mode", "reject", "--status", "413"]);
    configure(&env, &sink.url);
    let (out, r) = gather(&env, NOW, &["--ship", "--output-dir", &out_dir(&env)]);
    assert_status(&out, 1, &["gather_analytics", "--ship"]);
    let err = stderr(&out);
    assert!(err.contains("413") && err.contains("refused by test sink"), "{err}");
    let first = &r["tarballs"][0];
    assert_eq!(first["upload"]["status"], 413);
    assert!(first["upload"]["error"].as_str().unwrap().contains("upload failed with status 413"));
    assert!(first["upload"]["body"].as_str().unwrap().contains("refused by test sink"));
    assert_eq!(first["upload"]["attempts"], 1, "a 4xx is not retried");
    // Every tarball is kept; a failed slice stops its collector (the second events slice is
    // not gathered, so the next run resends from the first).
    for t in r["tarballs"].as_array().unwrap() {
        assert!(Path::new(t["path"].as_str().unwrap()).is_file() && t["kept"] == true && t["shipped"] == false);
    }
    assert_eq!(tarballs(&r, "events_table").len(), 1);
    assert_eq!(r["collectors"].as_array().unwrap().iter().find(|c| c["key"] == "events_table").unwrap()["status"], "failed");
    assert_eq!(r["failed"], r["tarballs"].as_array().unwrap().len());
    // Marks stay at the start of each failed slice (empty slices before it did move them);
    // the JSON collectors, whose tarball failed, have none.
    let entries = last_entries(&env);
    assert_eq!(entries["events_table"], "2026-03-10T00:00:00.000000Z", "{entries}");
    assert_eq!(entries["workflow_job_node_table"], "2026-03-10T04:00:00.000000Z", "{entries}");
    assert_eq!(entries.get("counts"), None);
    assert_eq!(entries.get("unified_job_template_table"), None);
    assert_eq!(last_gather(&env), Value::Null);
});

db_test!(server_errors_are_retried_until_the_upload_is_accepted, |env| {
    env.apply(&demo());
    let sink = Sink::start(&env, &["--mode", "fail-then-accept", "--fail-count", "2", "--status", "503"]);
    configure(&env, &sink.url);
    let (out, r) = gather(&env, NOW, &["--ship", "--keep", "--output-dir", &out_dir(&env)]);
    assert_status(&out, 0, &["gather_analytics", "--ship", "--keep"]);
    assert!(r["tarballs"].as_array().unwrap().iter().all(|t| t["kept"] == true && Path::new(t["path"].as_str().unwrap()).is_file()));
    assert_eq!(r["tarballs"][0]["upload"]["attempts"], 3);
    assert_eq!(r["tarballs"][0]["upload"]["status"], 201);
    let statuses: Vec<Value> = sink.requests().iter().map(|q| q["status"].clone()).collect();
    assert_eq!(statuses[..3], [json!(503), json!(503), json!(201)]);
    assert_eq!(r["failed"], 0);
    assert_eq!(last_gather(&env), "2026-03-10T12:00:00.000000Z");
});

db_test!(a_hanging_server_times_out_and_a_second_gather_meanwhile_exits_75, |env| {
    env.apply(&demo());
    let sink = Sink::start(&env, &["--mode", "hang"]);
    configure(&env, &sink.url);
    set(&env, "automation_analytics_read_timeout", "2");
    set(&env, "automation_analytics_upload_retries", "0");
    let dir = out_dir(&env);
    let started = Instant::now();
    let child = std_cmd(&env)
        .env("AWXM_FAKE_NOW", NOW)
        .args(["--format", "json", "gather_analytics", "--ship", "--output-dir", &dir])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("first gather");
    // Once the first gather is waiting on the server, a second one cannot start.
    while sink.requests().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(30), "first gather never reached the server");
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut second = gather_cmd(&env, NOW, &["--dry-run", "--output-dir", &dir]);
    let out2 = second.args(["--lock-timeout", "0.2"]).output().unwrap();
    assert_status(&out2, 75, &["gather_analytics (second)"]);
    assert!(stderr(&out2).contains("gather_analytics"), "{}", stderr(&out2));

    let out = child.wait_with_output().unwrap();
    assert_status(&out, 69, &["gather_analytics", "--ship"]);
    // The server never answers: ending at all proves the read timeout (2 s); the bound is loose
    // for a loaded machine.
    assert!(started.elapsed() < Duration::from_secs(90), "{:?}", started.elapsed());
    let r: Value = json_stdout(&["gather_analytics"], &out.stdout);
    let err = r["tarballs"][0]["upload"]["error"].as_str().unwrap();
    assert!(err.contains("timeout"), "{err}");
    assert!(r["tarballs"].as_array().unwrap().iter().all(|t| Path::new(t["path"].as_str().unwrap()).is_file()));
    assert_eq!(last_gather(&env), Value::Null);
});

/// A CA and a leaf for 127.0.0.1 made with the openssl CLI: (ca.pem, leaf.pem, leaf.key).
fn test_pki(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).current_dir(dir).output().expect("openssl");
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    let mut a = vec!["req", "-x509"];
    a.extend(ec);
    a.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=awxm test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    run(&a);
    let mut a = vec!["req"];
    a.extend(ec);
    a.extend(["-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=127.0.0.1"]);
    run(&a);
    std::fs::write(dir.join("leaf.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n").unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "leaf.pem",
        "-days",
        "2",
        "-extfile",
        "leaf.ext",
    ]);
    (dir.join("ca.pem"), dir.join("leaf.pem"), dir.join("leaf.key"))
}

db_test!(https_uploads_are_verified_against_the_configured_ca, |env| {
    env.apply(&demo());
    let pki = env.path().join("pki");
    std::fs::create_dir_all(&pki).unwrap();
    let (ca, cert, key) = test_pki(&pki);
    let sink = Sink::start_with(&env, &[], Some((&cert, &key)));
    configure(&env, &sink.url);
    let dir = out_dir(&env);
    // The system's trust store does not know the test CA: refused, tarballs kept.
    let (out, r) = gather(&env, NOW, &["--ship", "--output-dir", &dir]);
    assert_status(&out, 69, &["gather_analytics", "--ship"]);
    assert!(r["tarballs"][0]["upload"]["error"].as_str().unwrap().contains("TLS"), "{r:#}");
    assert!(sink.requests().is_empty());
    assert!(r["tarballs"].as_array().unwrap().iter().all(|t| Path::new(t["path"].as_str().unwrap()).is_file()));
    // With the CA bundle configured, the same server is trusted.
    set(&env, "insights_cert_path", ca.to_str().unwrap());
    let (out, r) = gather(&env, NOW, &["--ship", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics", "--ship"]);
    assert_eq!(sink.requests().len(), r["tarballs"].as_array().unwrap().len());
    assert!(sink.requests().iter().all(|q| q["status"] == 201 && q["parts"][0]["name"] == "file"));
});

db_test!(gates_and_usage_errors, |env| {
    env.apply(&demo());
    let dir = out_dir(&env);
    let (out, _) = gather(&env, NOW, &["--ship", "--dry-run"]);
    assert_status(&out, 2, &["gather_analytics", "--ship", "--dry-run"]);
    let (out, _) = gather(&env, NOW, &["--scheduled"]);
    assert_status(&out, 2, &["gather_analytics", "--scheduled"]);
    let (out, _) = gather(&env, NOW, &["--dry-run", "--since", "last tuesday"]);
    assert_status(&out, 2, &["gather_analytics", "--since", "last tuesday"]);
    let (out, _) = gather(&env, NOW, &["--dry-run", "--since", "2026-03-09", "--until", "2026-03-08"]);
    assert_status(&out, 2, &["gather_analytics", "--since", "--until"]);
    assert!(stderr(&out).contains("not before"), "{}", stderr(&out));

    // --ship needs tracking, a URL and credentials (exit 78, nothing written).
    let (out, _) = gather(&env, NOW, &["--ship", "--output-dir", &dir]);
    assert_status(&out, 78, &["gather_analytics", "--ship"]);
    assert!(stderr(&out).contains("insights_tracking_state"), "{}", stderr(&out));
    set(&env, "insights_tracking_state", "true");
    let (out, _) = gather(&env, NOW, &["--ship", "--output-dir", &dir]);
    assert_status(&out, 78, &["gather_analytics", "--ship"]);
    assert!(stderr(&out).contains("automation_analytics_url"), "{}", stderr(&out));
    set(&env, "automation_analytics_url", "http://127.0.0.1:9/upload");
    let (out, _) = gather(&env, NOW, &["--ship", "--output-dir", &dir]);
    assert_status(&out, 78, &["gather_analytics", "--ship"]);
    assert!(stderr(&out).contains("redhat_username"), "{}", stderr(&out));
    assert!(!Path::new(&dir).exists());

    // The password is secret: never taken from argv, shown as $encrypted$.
    let out = env.run(&["settings", "set", "redhat_password", "x"]);
    assert_status(&out, 2, &["settings", "set", "redhat_password", "x"]);
    let out = env.run_stdin(&["settings", "set", "redhat_password", "-"], PASSWORD);
    assert_status(&out, 0, &["settings", "set", "redhat_password", "-"]);
    assert_eq!(env.json(&["settings", "get", "redhat_password"])["value"], "$encrypted$");
    // Nor inside a URL setting, where it would be stored and shown in clear.
    let out = env.run(&["settings", "set", "automation_analytics_url", "https://u:Pw-In-Url@127.0.0.1:9/upload"]);
    assert_status(&out, 65, &["settings", "set", "a URL with a password"]);
    assert!(stderr(&out).contains("holds a password"), "{}", stderr(&out));
    assert_eq!(env.sql_count("SELECT count(*) FROM setting WHERE value LIKE '%Pw-In-Url%'"), 0);
    // One stored by an older awxm is never shown.
    env.sql_exec("UPDATE setting SET value = '\"https://u:Pw-In-Url@127.0.0.1:9/upload\"' WHERE key = 'automation_analytics_url'");
    let shown = env.json(&["settings", "get", "automation_analytics_url"]);
    assert_eq!(shown["value"], "https://u:$encrypted$@127.0.0.1:9/upload", "{shown}");
    assert!(!env.ok(&["settings", "list"]).contains("Pw-In-Url"));
});

db_test!(windows_are_clamped_and_sliced_in_four_hours, |env| {
    seed(&env);
    let dir = out_dir(&env);
    // --since only: until = min(since + 4 weeks, now); slices start at since.
    let (out, r) = gather(&env, NOW, &["--dry-run", "--since", "2026-03-10T08:00:00Z", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics"]);
    assert_eq!((r["since"].as_str(), r["until"].as_str()), (Some("2026-03-10T08:00:00.000000Z"), Some("2026-03-10T12:00:00.000000Z")));
    assert_eq!(table_rows(&r, "events_table").iter().map(|s| ids(s)).collect::<Vec<_>>(), vec![vec![201, 202]]);
    // A window of more than 4 weeks is cut to 4 weeks after --since.
    let (_, r) = gather(&env, NOW, &["--dry-run", "--since", "2026-01-01", "--until", "2026-03-01", "--output-dir", &dir]);
    assert_eq!(r["until"], "2026-01-29T00:00:00.000000Z");
    assert!(r["warnings"][0].as_str().unwrap().contains("4 weeks"));
    // An end in the future is now; one slice per 4 hours of the window.
    let (out, r) = gather(&env, NOW, &["--dry-run", "--since", "2026-03-09T22:00:00Z", "--until", "2026-04-01", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics"]);
    assert_eq!(r["until"], "2026-03-10T12:00:00.000000Z");
    assert!(stderr(&out).contains("in the future"));
    let ev = r["collectors"].as_array().unwrap().iter().find(|c| c["key"] == "events_table").unwrap().clone();
    assert_eq!(ev["slices"], 4); // 22-02, 02-06, 06-10, 10-12
    let slices: Vec<(String, String)> = tarballs(&r, "events_table")
        .iter()
        .map(|t| (t["start"].as_str().unwrap().to_string(), t["end"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        slices,
        vec![
            ("2026-03-09T22:00:00.000000Z".to_string(), "2026-03-10T02:00:00.000000Z".to_string()),
            ("2026-03-10T06:00:00.000000Z".to_string(), "2026-03-10T10:00:00.000000Z".to_string())
        ]
    );
});

db_test!(large_tables_are_split_into_parts_under_the_limit, |env| {
    seed(&env);
    let mut sql = String::from("INSERT INTO job_event (id, job_id, counter, uuid, event, event_data, task, created, modified) VALUES ");
    for i in 0..40 {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(&format!(
            "({}, 1, {}, 'x{i}', 'runner_on_ok', '{{\"task_action\": \"debug\"}}', 'a task with a longish name number {i}', '2026-03-10T01:30:00.000000Z', '2026-03-10T01:30:{:02}.000000Z')",
            1000 + i,
            100 + i,
            i
        ));
    }
    env.sql_exec(&sql);
    let (out, r) = gather(&env, NOW, &["--dry-run", "--max-table-size", "1000", "--output-dir", &out_dir(&env)]);
    assert_status(&out, 0, &["gather_analytics", "--max-table-size", "1000"]);
    let first_slice: Vec<&Value> =
        tarballs(&r, "events_table").into_iter().filter(|t| t["start"] == "2026-03-10T00:00:00.000000Z").collect();
    assert!(first_slice.len() > 3, "{}", first_slice.len());
    let mut all = Vec::new();
    for t in &first_slice {
        let m = read_tar(Path::new(t["path"].as_str().unwrap()));
        let csv = member(&m, "./events_table.csv");
        assert!(csv.len() <= 1000, "a part of {} bytes", csv.len());
        assert!(csv.starts_with(b"id,created,modified,job_created,uuid,"));
        let rows = ids(&csv_records(csv));
        assert_eq!(t["rows"], rows.len());
        all.extend(rows);
    }
    let mut want: Vec<i64> = vec![101, 102, 103];
    want.extend(1000..1040);
    // Rows come in (modified, id) order.
    let mut got = all.clone();
    got.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(all.len(), 43);
});

db_test!(scheduled_gathers_run_only_when_the_interval_has_passed, |env| {
    env.apply(&demo());
    let sink = Sink::start(&env, &[]);
    configure(&env, &sink.url);
    let dir = out_dir(&env);
    let (out, r) = gather(&env, NOW, &["--ship", "--scheduled", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics", "--ship", "--scheduled"]);
    assert_eq!(r["collection_type"], "scheduled");
    let sent = sink.requests().len();
    assert!(sent >= 2);
    let (out, r) = gather(&env, "2026-03-10T13:00:00Z", &["--ship", "--scheduled", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics", "--ship", "--scheduled"]);
    assert!(r["skipped"].as_str().unwrap().contains("not due"), "{r:#}");
    assert_eq!(sink.requests().len(), sent);
    set(&env, "automation_analytics_gather_interval", "1800");
    let (out, r) = gather(&env, "2026-03-10T12:31:00Z", &["--ship", "--scheduled", "--output-dir", &dir]);
    assert_status(&out, 0, &["gather_analytics", "--ship", "--scheduled"]);
    assert_eq!(r["skipped"], Value::Null);
    assert!(sink.requests().len() > sent);
    assert_eq!(last_gather(&env), "2026-03-10T12:31:00.000000Z");
});
