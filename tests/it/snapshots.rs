//! Output snapshots: the human output of the main commands and the JSON shape (keys and value
//! types) of each, so that an accidental change of what operators read or scripts parse shows as
//! a diff in `tests/it/snapshots/`. Both backends compare against the same snapshot, so they must
//! also print the same thing.
//!
//! Values that differ between runs (times, durations, ids of the test directory, ports, the host
//! name) are replaced by placeholders before comparing. To accept an intended change:
//! `INSTA_UPDATE=always ./test.sh snapshots::` (or `cargo insta review`), then read the diff.

use serde_json::{Map, Value, json};

use crate::support::*;

/// Replace what varies between runs by stable placeholders.
fn settings(env: &TestEnv) -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    let dir = regex::escape(&env.path().display().to_string());
    let host = regex::escape(&nix::unistd::gethostname().expect("hostname").to_string_lossy());
    s.add_filter(&dir, "[DIR]");
    s.add_filter(&regex::escape(&venv_bin().display().to_string()), "[VENV]");
    s.add_filter(r"/tmp/awx_\d+_[0-9a-z]+", "[PRIVATE_DATA_DIR]");
    s.add_filter(r"(?m)^(elapsed|pid) +[0-9.]+$", "$1  [N]");
    s.add_filter(r#""-u","[^"]+""#, r#""-u","[USER]""#);
    s.add_filter(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", "[TIME]");
    s.add_filter(r"\b\d+\.\d{2}s\b", "[SECS]");
    s.add_filter(r"127\.0\.0\.2:\d+", "127.0.0.2:[PORT]");
    if !host.is_empty() {
        s.add_filter(&format!(r"\b{host}\b"), "[HOST]");
    }
    s
}

/// Table cells are padded to the widest value; after placeholders replaced values of varying
/// width the padding would vary, so runs of spaces inside a line become two spaces.
fn squeeze(text: &str) -> String {
    let re = regex::Regex::new(r" {2,}").expect("regex");
    text.lines().map(|l| re.replace_all(l.trim_end(), "  ").into_owned()).collect::<Vec<_>>().join("\n")
}

/// The shape of a JSON document: every key with the type of its value; arrays by the shape of
/// their first element; free-form maps (`job_env`) by the shape of one value.
fn shape(v: &Value) -> Value {
    match v {
        Value::Null => json!("null"),
        Value::Bool(_) => json!("bool"),
        Value::Number(n) if n.is_i64() || n.is_u64() => json!("integer"),
        Value::Number(_) => json!("number"),
        Value::String(_) => json!("string"),
        Value::Array(a) => match a.first() {
            Some(first) => json!([shape(first)]),
            None => json!([]),
        },
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    // The job's environment: its keys are the machine's, only its form is ours.
                    ("job_env", Value::Object(env)) => (k.clone(), json!({"*": env.values().next().map(shape)})),
                    _ => (k.clone(), shape(v)),
                })
                .collect::<Map<_, _>>(),
        ),
    }
}

fn human(env: &TestEnv, args: &[&str]) -> String {
    env.ok(args)
}

/// (human output, JSON shape) of one command, both checked against their snapshots.
fn check(env: &TestEnv, name: &str, args: &[&str]) {
    let text = squeeze(&human(env, args));
    let json = env.json(args);
    settings(env).bind(|| {
        insta::assert_snapshot!(format!("{name}.human"), text);
        insta::assert_json_snapshot!(format!("{name}.shape"), shape(&json));
    });
}

fn demo(env: &TestEnv) {
    env.apply(&std::fs::read_to_string(fixture("demo.yaml")).expect("demo fixture"));
}

db_test!(resources_list_and_show, |env| {
    demo(&env);
    check(&env, "list_inventories", &["list", "inventories"]);
    check(&env, "list_job_templates", &["list", "job_templates"]);
    check(&env, "show_inventory", &["show", "inventory", "web"]);
    check(&env, "show_job_template", &["show", "job_template", "deploy"]);
});

db_test!(inventory_import_summary, |env| {
    let src = env.write("h.ini", "[web]\nw1 a=1\nw2\n[db]\nd1\n[all:children]\nweb\n");
    let args = ["inventory_import", "--inventory-name", "imp", "--create", "--source", src.to_str().expect("path")];
    let text = squeeze(&human(&env, &args));
    // A second import of the same source changes nothing: its own summary.
    let again = env.json(&args);
    settings(&env).bind(|| {
        insta::assert_snapshot!("inventory_import.human", text);
        insta::assert_json_snapshot!("inventory_import.shape", shape(&again));
    });
    assert_eq!(again["hosts"]["unchanged"], 3, "{again}");
});

db_test!(check_license_report, |env| {
    demo(&env);
    check(&env, "check_license", &["check_license"]);
});

db_test!(cleanup_stdout_dry_run, |env| {
    let dir = env.path().join("job_output");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (name, days) in [("job-1-old.out", 40), ("job-2-new.out", 1)] {
        let p = dir.join(name);
        std::fs::write(&p, "output\n").expect("write");
        let t = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 86_400);
        std::fs::File::options().write(true).open(&p).expect("open").set_modified(t).expect("age the file");
    }
    env.ok(&["settings", "set", "job_output_dir", dir.to_str().expect("path")]);
    check(&env, "cleanup_stdout_dry_run", &["cleanup_stdout", "--dry-run", "--days", "30"]);
    assert!(dir.join("job-1-old.out").exists(), "a dry run deletes nothing");
});

db_test!(isolated_heartbeat_table, |env| {
    // A node that refuses connections: the table and its error column, deterministically.
    let port = std::net::TcpListener::bind("127.0.0.2:0").expect("bind").local_addr().expect("addr").port();
    env.apply(&format!(
        "instances:\n  - hostname: node1\n    node_type: isolated\n    ssh: {{host: 127.0.0.2, port: {port}, user: root}}\n"
    ));
    let args = ["isolated_heartbeat"];
    let out = env.run(&args);
    assert_status(&out, 1, &args);
    let text = squeeze(&stdout(&out));
    let json_out = env.run(&["--format", "json", "isolated_heartbeat"]);
    let json: Value = json_stdout(&["isolated_heartbeat"], &json_out.stdout);
    settings(&env).bind(|| {
        insta::assert_snapshot!("isolated_heartbeat.human", text);
        insta::assert_json_snapshot!("isolated_heartbeat.shape", shape(&json));
    });
});

db_test!(run_job_summary_and_job_show, |env| {
    let project = env.path().join("project");
    env.write("project/site.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=hello\n");
    let cfg = env.write("awxm.yaml", &format!("data_dir: {}\n", env.path().join("data/awxm").display()));
    env.apply(&format!(
        "projects:\n  - name: p\n    local_path: {}\ninventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {}}}\n    hosts:\n      - name: h1\njob_templates:\n  - name: t\n    project: p\n    playbook: site.yml\n    inventory: inv\n",
        project.display(),
        venv_bin().join("python").display()
    ));
    let awxm =
        |args: &[&str]| env.cmd().env("AWXM_ANSIBLE_BIN_DIR", venv_bin()).env("AWXM_CONFIG", &cfg).args(args).output().expect("run awxm");
    // The summary line is the last line of the human output (the playbook's output comes first).
    let out = awxm(&["run_job", "t"]);
    assert_status(&out, 0, &["run_job"]);
    let summary = stdout(&out).lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default().to_string();
    let out = awxm(&["--format", "json", "run_job", "t"]);
    assert_status(&out, 0, &["run_job --format json"]);
    let run: Value = json_stdout(&["run_job"], &out.stdout);
    let show = squeeze(&human(&env, &["job", "show", "1"]));
    let show_json = env.json(&["job", "show", "1"]);
    let list = squeeze(&human(&env, &["job", "list"]));
    settings(&env).bind(|| {
        insta::assert_snapshot!("run_job.human", summary);
        insta::assert_json_snapshot!("run_job.shape", shape(&run));
        insta::assert_snapshot!("job_show.human", show);
        insta::assert_json_snapshot!("job_show.shape", shape(&show_json));
        insta::assert_snapshot!("job_list.human", list);
    });
});

db_test!(run_workflow_summary_and_job_show_of_a_workflow, |env| {
    let project = env.path().join("project");
    env.write("project/site.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=hello\n");
    let cfg = env.write("awxm.yaml", &format!("data_dir: {}\n", env.path().join("data/awxm").display()));
    env.apply(&format!(
        "projects:\n  - name: p\n    local_path: {}\ninventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {}}}\n    hosts:\n      - name: h1\njob_templates:\n  - name: t\n    project: p\n    playbook: site.yml\n    inventory: inv\nworkflow_job_templates:\n  - name: wf\n    nodes:\n      - identifier: first\n        job_template: t\n        success_nodes: [second]\n        failure_nodes: [handler]\n      - identifier: second\n        job_template: t\n      - identifier: handler\n        job_template: t\n",
        project.display(),
        venv_bin().join("python").display()
    ));
    let awxm =
        |args: &[&str]| env.cmd().env("AWXM_ANSIBLE_BIN_DIR", venv_bin()).env("AWXM_CONFIG", &cfg).args(args).output().expect("run awxm");
    // The progress lines depend on timing (a node may be seen waiting or not): the summary only.
    let out = awxm(&["run_workflow", "wf"]);
    assert_status(&out, 0, &["run_workflow"]);
    let summary = stdout(&out).lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default().to_string();
    let out = awxm(&["--format", "json", "run_workflow", "wf"]);
    assert_status(&out, 0, &["run_workflow --format json"]);
    let run: Value = json_stdout(&["run_workflow"], &out.stdout);
    let show = squeeze(&human(&env, &["job", "show", "1"]));
    let show_json = env.json(&["job", "show", "1"]);
    settings(&env).bind(|| {
        insta::assert_snapshot!("run_workflow.human", summary);
        insta::assert_json_snapshot!("run_workflow.shape", shape(&run));
        insta::assert_snapshot!("job_show_workflow.human", show);
        insta::assert_json_snapshot!("job_show_workflow.shape", shape(&show_json));
    });
});
