//! `awxm metrics`: the Prometheus text read back by the reference parser
//! (`prometheus_client.parser`, in the test venv), values checked against a known database;
//! `--textfile` written atomically; `--format json`.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

use crate::sinks::inventory_yaml;
use crate::support::*;

/// name → [(labels, value)].
type Samples = BTreeMap<String, Vec<(BTreeMap<String, String>, f64)>>;

/// Samples by metric name as the reference parser reads them: name → [(labels, value)], the
/// labels sorted. A text the parser refuses fails the test.
fn parse(text: &str) -> Samples {
    let script = r#"
import json, sys
from prometheus_client.parser import text_string_to_metric_families
out = {}
for fam in text_string_to_metric_families(sys.stdin.read()):
    assert fam.type == "gauge", (fam.name, fam.type)
    assert fam.documentation, fam.name
    for s in fam.samples:
        out.setdefault(s.name, []).append([s.labels, s.value])
print(json.dumps(out))
"#;
    let mut child = Command::new(test_python())
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the test Python");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "prometheus_client refused the text: {}\n{text}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("parser output")
}

/// The one value of `name` whose labels include `want`.
fn value(m: &Samples, name: &str, want: &[(&str, &str)]) -> f64 {
    let samples = m.get(name).unwrap_or_else(|| panic!("no metric {name}"));
    let hits: Vec<f64> =
        samples.iter().filter(|(l, _)| want.iter().all(|(k, v)| l.get(*k).map(String::as_str) == Some(*v))).map(|(_, v)| *v).collect();
    assert_eq!(hits.len(), 1, "{name}{want:?}: {samples:?}");
    hits[0]
}

const NOW: &str = "2029-06-01T00:00:00Z";
const LATER: &str = "2029-06-01T00:01:30Z";

db_test!(metrics_read_back_by_the_prometheus_parser, |env| {
    env.apply("organizations:\n  - name: ops\n  - name: dev\nusers:\n  - name: alice\n");
    env.apply(&inventory_yaml("inv", "host", 3));
    let lic = env.write(
        "license.json",
        &json!({"license_type": "enterprise", "instance_count": 10, "license_date": 1_893_456_000, "subscription_name": "x"}).to_string(),
    );
    env.ok(&["license", "install", lic.to_str().unwrap()]);
    let beat = env.cmd().env("AWXM_NODE_NAME", "n1").env("AWXM_FAKE_NOW", NOW).args(["heartbeat", "-q"]).output().unwrap();
    assert_status(&beat, 0, &["heartbeat"]);
    let at = "'2029-01-01T00:00:00.000000Z'";
    for (table, status, node, launch, impact) in [
        ("job", "running", "n1", "manual", 4),
        ("job", "failed", "n1", "scheduled", 1),
        ("job", "failed", "n1", "manual", 1),
        ("job", "pending", "", "manual", 1),
        ("job", "successful", "n1", "sync", 1),
        ("project_update", "successful", "n1", "dependency", 1),
        ("system_job", "canceled", "n1", "manual", 1),
    ] {
        env.sql_exec(&format!(
            "INSERT INTO {table} (status, execution_node, launch_type, task_impact, created, modified) VALUES ('{status}', '{node}', '{launch}', {impact}, {at}, {at})"
        ));
    }

    let out = env.cmd().env("AWXM_FAKE_NOW", LATER).arg("metrics").output().unwrap();
    assert_status(&out, 0, &["metrics"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let text = stdout(&out);
    let m = parse(&text);

    let info = &m["awx_system_info"];
    assert_eq!(info.len(), 1);
    assert_eq!(info[0].1, 1.0);
    assert_eq!(info[0].0["license_type"], "enterprise");
    assert_eq!(info[0].0["tower_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info[0].0["license_expiry"], (1_893_456_000 - 1_874_966_490).to_string());
    assert_eq!(info[0].0["install_uuid"].len(), 36, "{info:?}");
    // AWX's counts (the organizations include the default one).
    assert_eq!(value(&m, "awx_organizations_total", &[]), env.sql_count("SELECT count(*) FROM organization") as f64);
    assert!(value(&m, "awx_organizations_total", &[]) >= 2.0);
    assert_eq!(value(&m, "awx_users_total", &[]), 1.0);
    assert_eq!(value(&m, "awx_hosts_total", &[("type", "all")]), 3.0);
    assert_eq!(value(&m, "awx_hosts_total", &[("type", "active")]), 3.0);
    assert_eq!(value(&m, "awx_inventories_total", &[]), 1.0);
    // Jobs by status, every kind, sync launches left out.
    for (status, n) in
        [("running", 1.0), ("failed", 2.0), ("pending", 1.0), ("successful", 1.0), ("canceled", 1.0), ("error", 0.0), ("waiting", 0.0)]
    {
        assert_eq!(value(&m, "awx_status_total", &[("status", status)]), n, "{status}");
    }
    assert_eq!(m["awx_status_total"].len(), 7);
    assert_eq!(value(&m, "awx_running_jobs_total", &[]), 1.0);
    assert_eq!(value(&m, "awx_pending_jobs_total", &[]), 1.0);
    // The node: capacity as ping says, consumed by its running job (task impact 4).
    let ping = env.json(&["ping"]);
    let node = &ping["instances"][0];
    assert_eq!(node["node"], "n1");
    let uuid = node["uuid"].as_str().unwrap();
    let labels = [("hostname", "n1"), ("instance_uuid", uuid), ("node_type", "hybrid")];
    let cap = node["capacity"].as_f64().unwrap();
    assert!(cap > 0.0, "{ping}");
    assert_eq!(value(&m, "awx_instance_capacity", &labels), cap);
    assert_eq!(value(&m, "awx_instance_consumed_capacity", &labels), 4.0);
    assert_eq!(value(&m, "awx_instance_remaining_capacity", &labels), cap - 4.0);
    assert_eq!(value(&m, "awx_instance_cpu", &labels[..2]), node["cpu"].as_f64().unwrap());
    assert_eq!(value(&m, "awx_instance_info", &[("hostname", "n1"), ("enabled", "True"), ("version", env!("CARGO_PKG_VERSION"))]), 1.0);
    assert_eq!(value(&m, "awxm_instance_last_heartbeat_age_seconds", &labels), 90.0);
    assert_eq!(value(&m, "awxm_instance_last_heartbeat_timestamp_seconds", &labels), 1_874_966_400.0);
    // Per node, by launch type and status (the pending job has no node; sync is left out).
    assert_eq!(value(&m, "awx_instance_launch_type_total", &[("node", "n1"), ("launch_type", "manual")]), 3.0);
    assert_eq!(value(&m, "awx_instance_launch_type_total", &[("node", "n1"), ("launch_type", "scheduled")]), 1.0);
    assert_eq!(value(&m, "awx_instance_launch_type_total", &[("node", "n1"), ("launch_type", "dependency")]), 1.0);
    assert!(!m["awx_instance_launch_type_total"].iter().any(|(l, _)| l["launch_type"] == "sync"));
    assert_eq!(value(&m, "awx_instance_status_total", &[("node", "n1"), ("status", "failed")]), 2.0);
    // The license: 3 of 10 hosts.
    assert_eq!(value(&m, "awx_license_instance_total", &[]), 10.0);
    assert_eq!(value(&m, "awx_license_instance_free", &[]), 7.0);
    assert_eq!(value(&m, "awxm_license_hosts_used", &[]), 3.0);
    assert_eq!(value(&m, "awxm_license_time_remaining_seconds", &[]), (1_893_456_000 - 1_874_966_490) as f64);

    // --textfile: the same text in DIR/awxm.prom, nothing printed, no temporary file left.
    let dir = env.path().join("textfile");
    std::fs::create_dir(&dir).unwrap();
    let out = env.cmd().env("AWXM_FAKE_NOW", LATER).args(["metrics", "--textfile", dir.to_str().unwrap()]).output().unwrap();
    assert_status(&out, 0, &["metrics --textfile"]);
    assert_eq!((stdout(&out).as_str(), stderr(&out).as_str()), ("", ""));
    let names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["awxm.prom"]);
    assert_eq!(std::fs::read_to_string(dir.join("awxm.prom")).unwrap(), text);
    // Rewritten in place by the next run (renamed over it).
    env.sql_exec(&format!("INSERT INTO job (status, launch_type, created, modified) VALUES ('pending', 'manual', {at}, {at})"));
    env.ok(&["metrics", "--textfile", dir.to_str().unwrap()]);
    assert_eq!(value(&parse(&std::fs::read_to_string(dir.join("awxm.prom")).unwrap()), "awx_pending_jobs_total", &[]), 2.0);
    assert_status(&env.run(&["metrics", "--textfile", env.path().join("nope").to_str().unwrap()]), 66, &["missing dir"]);

    // --format json: the same families.
    let j: Value = env.json(&["metrics"]);
    let fams = j["metrics"].as_array().unwrap();
    let status = fams.iter().find(|f| f["name"] == "awx_status_total").unwrap();
    assert_eq!(status["type"], "gauge");
    assert_eq!(status["samples"][0], json!({"labels": [["status", "pending"]], "value": 2.0}));
});

#[test]
fn metrics_without_a_database_exit_66() {
    let env = TestEnv::sqlite();
    assert_status(&env.run(&["metrics"]), 66, &["metrics"]);
}

db_test!(counts_over_all_jobs_read_only_indexes, |env| {
    // Many finished jobs (on SQLite each row keeps part of its stdout inline), a few active.
    env.init();
    env.sql_exec(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) \
         INSERT INTO job (name, status, launch_type, execution_node, stdout, created, modified, finished) \
         SELECT 'old', CASE WHEN i % 3 = 0 THEN 'failed' ELSE 'successful' END, 'manual', 'node' || (i % 3), 'output', \
                '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n; \
         INSERT INTO job (name, status, launch_type, execution_node, created, modified) \
         VALUES ('now', 'running', 'manual', 'node1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    );
    if env.backend == Backend::Postgres {
        env.sql_exec("VACUUM ANALYZE job");
    }
    let mut statements = Vec::new();
    for args in [&["metrics"][..], &["cleanup_jobs", "--dry-run", "--days", "30"][..]] {
        let out = env.cmd().arg("--profile-sql").args(args).output().expect("run awxm");
        assert_status(&out, 0, args);
        statements
            .extend(profiled_statements(&stderr(&out)).into_iter().filter(|sql| sql.contains("FROM job ") || sql.ends_with("FROM job")));
    }
    assert!(statements.len() >= 8, "{statements:#?}");
    // Every statement reads job through an index alone, or looks up the active jobs by status.
    // (On PostgreSQL, whose rows keep large values out of line, only the counts over job alone:
    // how it joins job to the related tables depends on their contents, not on job's indexes.)
    let related = ["job_event", "job_host_summary", "job_credential", "notification"];
    for sql in statements.iter().filter(|sql| env.backend == Backend::Sqlite || !related.iter().any(|t| sql.contains(t))) {
        // On PostgreSQL the table was vacuumed, and sequential and bitmap scans are off: an
        // index that holds every column the statement reads shows as an Index Only Scan.
        let plan = env.plan(sql, "2026-06-01T00:00:00Z", "SET enable_seqscan = off; SET enable_bitmapscan = off");
        let mut steps = plan.iter().enumerate().filter(|(_, l)| match env.backend {
            Backend::Sqlite => {
                l.starts_with("SCAN job ") || l.starts_with("SEARCH job ") || l.starts_with("SCAN j ") || l.starts_with("SEARCH j ")
            }
            Backend::Postgres => l.contains(" on job ") || l.ends_with(" on job") || l.contains(" on job j"),
        });
        assert!(steps.clone().next().is_some(), "no step on job in the plan of {sql}: {plan:#?}");
        let by_status = |i: usize| match env.backend {
            Backend::Sqlite => plan[i].contains("(status=?)"),
            Backend::Postgres => plan[i + 1..].iter().take_while(|l| !l.contains("->")).any(|l| l.contains("Index Cond: (status =")),
        };
        assert!(steps.all(|(i, l)| l.contains("COVERING INDEX") || l.contains("Index Only Scan") || by_status(i)), "{sql}: {plan:#?}");
    }
});
