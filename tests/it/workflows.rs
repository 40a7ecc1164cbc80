//! Workflows that run (issue 18): launching workflow job templates, AWX's success/failure/always
//! paths, convergence, nested workflows and the recursion check, set_stats artifacts, approvals,
//! cancel — with real playbooks, on both backends.

use std::time::Duration;

use serde_json::Value;

use crate::support::*;

/// Keep the data dir in the test dir and use the test venv's Ansible.
fn config(env: &TestEnv) -> std::path::PathBuf {
    let p = env.path().join("awxm.yaml");
    if !p.exists() {
        std::fs::write(&p, format!("data_dir: {}\nansible_bin_dir: {}\n", env.path().join("data/awxm").display(), venv_bin().display()))
            .unwrap();
    }
    p
}

fn q(env: &TestEnv, args: &[&str]) -> std::process::Output {
    env.cmd().env("AWXM_CONFIG", config(env)).args(args).output().expect("run awxm")
}

fn qjson(env: &TestEnv, code: i32, args: &[&str]) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let out = q(env, &a);
    assert_status(&out, code, &a);
    json_stdout(&a, &out.stdout)
}

fn python() -> String {
    venv_bin().join("python").display().to_string()
}

/// A manual project with playbooks `ok` (succeeds), `fail` (fails), `stats` (set_stats
/// greeting=hello), `expect` (fails unless greeting == hello), `sleep` (sleeps `marker`
/// seconds: a command line unique to the test), an inventory of one local host and one job
/// template per playbook (variables asked on launch), then `workflows` (YAML list).
fn setup(env: &TestEnv, sleep_marker: &str, workflows: &str) {
    let play = |tasks: &str| format!("- hosts: all\n  gather_facts: false\n  tasks:\n{tasks}");
    let files = [
        ("ok.yml", play("    - debug: {msg: fine}\n")),
        ("fail.yml", play("    - fail: {msg: boom}\n")),
        ("stats.yml", play("    - set_stats: {data: {greeting: hello}, per_host: false}\n")),
        ("expect.yml", play("    - assert: {that: [\"greeting == 'hello'\"]}\n")),
        ("secret.yml", play("    - set_stats: {data: {_ansible_no_log: true, token: s3cret-77}, per_host: false}\n")),
        ("usesecret.yml", play("    - assert: {that: [\"token == 's3cret-77'\"]}\n")),
        ("sleep.yml", play(&format!("    - command: sleep {sleep_marker}\n"))),
    ];
    for (name, text) in &files {
        env.write(&format!("project/{name}"), text);
    }
    let templates: String = ["ok", "fail", "stats", "expect", "sleep", "secret", "usesecret"]
        .iter()
        .map(|t| format!("  - name: {t}\n    project: p\n    playbook: {t}.yml\n    inventory: inv\n    ask_variables_on_launch: true\n"))
        .collect();
    env.apply(&format!(
        "organizations:\n  - name: Ops\nprojects:\n  - name: p\n    local_path: {dir}\ninventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {py}}}\n    hosts:\n      - name: h1\njob_templates:\n{templates}system_job_templates:\n  - name: purge\n    job_type: cleanup_jobs\n    extra_vars: {{days: 30}}\nworkflow_job_templates:\n{workflows}",
        dir = env.path().join("project").display(),
        py = python(),
    ));
}

/// `run_workflow NAME` with JSON output, expecting exit `code`.
fn run(env: &TestEnv, name: &str, code: i32) -> Value {
    qjson(env, code, &["run_workflow", name])
}

/// The node with this identifier in a report's `nodes`.
fn node<'a>(r: &'a Value, ident: &str) -> &'a Value {
    r["nodes"].as_array().expect("nodes").iter().find(|n| n["identifier"] == ident).unwrap_or_else(|| panic!("no node {ident}: {r}"))
}

fn statuses(r: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = r["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| (n["identifier"].as_str().unwrap().to_string(), n["status"].as_str().unwrap().to_string()))
        .collect();
    v.sort();
    v
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    v.sort();
    v
}

db_test!(a_success_chain_runs_in_order_with_launch_type_workflow, |env| {
    setup(
        &env,
        "0",
        "  - name: chain\n    nodes:\n      - identifier: a\n        job_template: ok\n        success_nodes: [b]\n      - identifier: b\n        job_template: ok\n        success_nodes: [c]\n      - identifier: c\n        system_job_template: purge\n",
    );
    let out = q(&env, &["run_workflow", "chain"]);
    assert_status(&out, 0, &["run_workflow chain"]);
    let text = stdout(&out);
    // Progress as it happens, then the end.
    let a = text.find("node a (job_template \"ok\")").unwrap_or_else(|| panic!("{text}"));
    let b = text.find("node b (job_template \"ok\")").unwrap_or_else(|| panic!("{text}"));
    assert!(a < b, "{text}");
    assert!(text.contains("node c (system_job_template \"purge\") → system job "), "{text}");
    assert!(text.trim_end().ends_with("successful"), "{text}");
    // Not on a terminal: a successful run says nothing on stderr (cron mails only problems).
    assert_eq!(stderr(&out), "", "run_workflow chain");

    let r = run(&env, "chain", 0);
    assert_eq!(r["status"], "successful", "{r}");
    assert_eq!(statuses(&r), pairs(&[("a", "successful"), ("b", "successful"), ("c", "successful")]));
    assert_eq!(node(&r, "c")["job_type"], "system_job");
    // Each node ran after its parent finished.
    let started = |id: &Value| env.sql_count(&format!("SELECT count(*) FROM job WHERE id = {id} AND launch_type = 'workflow'"));
    assert_eq!(started(&node(&r, "a")["job_id"]) + started(&node(&r, "b")["job_id"]), 2, "launch_type=workflow");
    let (ja, jb) = (node(&r, "a")["job_id"].as_i64().unwrap(), node(&r, "b")["job_id"].as_i64().unwrap());
    assert_eq!(
        env.sql_count(&format!("SELECT count(*) FROM job a, job b WHERE a.id = {ja} AND b.id = {jb} AND b.started >= a.finished")),
        1
    );
    let edges = r["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 2, "{r}");

    // job show: the tree for people, nodes + edges in JSON; job list shows both kinds.
    let id = r["id"].as_i64().unwrap().to_string();
    let shown = qjson(&env, 0, &["job", "show", &id]);
    assert_eq!((shown["type"].as_str(), shown["status"].as_str()), (Some("workflow_job"), Some("successful")));
    assert_eq!(shown["nodes"], r["nodes"]);
    assert_eq!(shown["edges"], r["edges"]);
    let human = q(&env, &["job", "show", &id]);
    assert_status(&human, 0, &["job show"]);
    let h = stdout(&human);
    let tree_a = format!("  a (job_template \"ok\") → job {ja}: successful");
    let tree_b = format!("  └─ on success: b (job_template \"ok\") → job {jb}: successful");
    let tree_c = "     └─ on success: c (system_job_template \"purge\") → system job ";
    assert!(h.contains(&tree_a) && h.contains(&tree_b) && h.contains(tree_c), "{h}");
    let list = qjson(&env, 0, &["job", "list"]);
    let jobs = list["items"].as_array().unwrap();
    assert!(jobs.iter().any(|j| j["type"] == "workflow_job" && j["id"] == r["id"]), "{list}");
    assert!(jobs.iter().any(|j| j["id"] == ja && j["launch_type"] == "workflow"), "{list}");
});

db_test!(a_failed_node_takes_its_failure_path_else_the_workflow_fails, |env| {
    setup(
        &env,
        "0",
        "  - name: handled\n    nodes:\n      - identifier: sync\n        project: p\n        failure_nodes: [f]\n      - identifier: f\n        job_template: fail\n        success_nodes: [never]\n        failure_nodes: [fix]\n      - identifier: never\n        job_template: ok\n      - identifier: fix\n        job_template: ok\n\
\x20 - name: unhandled\n    nodes:\n      - identifier: f\n        job_template: fail\n        success_nodes: [never]\n      - identifier: never\n        job_template: ok\n",
    );
    let r = run(&env, "handled", 0);
    assert_eq!((r["status"].as_str(), r["job_explanation"].as_str()), (Some("successful"), Some("")), "{r}");
    assert_eq!(statuses(&r), pairs(&[("sync", "failed"), ("f", "failed"), ("fix", "successful"), ("never", "do_not_run")]));
    // A manual project cannot update: its node's update is created failed, with the reason.
    let pu = node(&r, "sync")["job_id"].as_i64().unwrap();
    let shown = qjson(&env, 0, &["job", "show", &pu.to_string()]);
    assert_eq!((shown["type"].as_str(), shown["launch_type"].as_str()), (Some("project_update"), Some("workflow")), "{shown}");
    assert!(shown["job_explanation"].as_str().unwrap().contains("is a manual project"), "{shown}");

    let out = q(&env, &["--format", "json", "run_workflow", "unhandled"]);
    assert_status(&out, 1, &["run_workflow unhandled"]);
    let r: Value = json_stdout(&["run_workflow"], &out.stdout);
    assert_eq!(r["status"], "failed", "{r}");
    assert_eq!(r["job_explanation"], "No error handling paths found, marking workflow as failed");
    assert_eq!(statuses(&r), pairs(&[("f", "failed"), ("never", "do_not_run")]));
});

db_test!(always_edges_and_convergence, |env| {
    setup(
        &env,
        "0",
        "  - name: always\n    nodes:\n      - identifier: f\n        job_template: fail\n        always_nodes: [cleanup]\n      - identifier: cleanup\n        job_template: ok\n\
\x20 - name: any\n    nodes:\n      - identifier: good\n        job_template: ok\n        success_nodes: [join]\n      - identifier: bad\n        job_template: fail\n        success_nodes: [join]\n        failure_nodes: [handler]\n      - identifier: handler\n        job_template: ok\n      - identifier: join\n        job_template: ok\n\
\x20 - name: all\n    nodes:\n      - identifier: good\n        job_template: ok\n        success_nodes: [join]\n      - identifier: bad\n        job_template: fail\n        success_nodes: [join]\n        failure_nodes: [handler]\n      - identifier: handler\n        job_template: ok\n      - identifier: join\n        job_template: ok\n        all_parents_must_converge: true\n",
    );
    let r = run(&env, "always", 0);
    assert_eq!(statuses(&r), pairs(&[("f", "failed"), ("cleanup", "successful")]), "an always child runs after a failure");
    // ANY: one parent on its path is enough.
    let r = run(&env, "any", 0);
    assert_eq!(statuses(&r), pairs(&[("good", "successful"), ("bad", "failed"), ("handler", "successful"), ("join", "successful")]));
    // ALL: the failed parent links by success only, so the join never runs.
    let r = run(&env, "all", 0);
    assert_eq!(statuses(&r), pairs(&[("good", "successful"), ("bad", "failed"), ("handler", "successful"), ("join", "do_not_run")]));
    assert_eq!(node(&r, "join")["all_parents_must_converge"], true);
});

db_test!(nested_workflows_run_and_recursion_is_refused, |env| {
    setup(
        &env,
        "0",
        "  - name: inner\n    nodes:\n      - identifier: i1\n        job_template: ok\n\
\x20 - name: outer\n    nodes:\n      - identifier: sub\n        workflow_job_template: inner\n        success_nodes: [after]\n      - identifier: after\n        job_template: ok\n\
\x20 - name: loop\n    nodes:\n      - identifier: again\n        workflow_job_template: loop\n",
    );
    let r = run(&env, "outer", 0);
    assert_eq!(statuses(&r), pairs(&[("sub", "successful"), ("after", "successful")]));
    let sub = node(&r, "sub")["job_id"].as_i64().unwrap();
    let inner = qjson(&env, 0, &["job", "show", &sub.to_string()]);
    assert_eq!((inner["type"].as_str(), inner["launch_type"].as_str()), (Some("workflow_job"), Some("workflow")), "{inner}");
    assert_eq!(inner["parent_workflow_job"], r["id"]);
    assert_eq!(statuses(&inner), pairs(&[("i1", "successful")]));

    let r = run(&env, "loop", 1);
    assert_eq!(r["job_explanation"], "No error handling paths found, marking workflow as failed", "{r}");
    let again = node(&r, "again")["job_id"].as_i64().unwrap();
    let refused = qjson(&env, 0, &["job", "show", &again.to_string()]);
    let tid = env.sql_count("SELECT id FROM workflow_job_template WHERE name = 'loop'");
    assert_eq!(refused["status"], "failed");
    assert_eq!(
        refused["job_explanation"].as_str().unwrap(),
        format!(
            "Workflow Job spawned from workflow could not start because it would result in recursion (spawn order, most recent first: <loop-{tid}>, <loop-{tid}>)"
        )
    );
    // The refused workflow never ran a node.
    assert_eq!(statuses(&refused), pairs(&[("again", "not_started")]));
});

db_test!(set_stats_artifacts_reach_the_children, |env| {
    setup(
        &env,
        "0",
        "  - name: pass\n    nodes:\n      - identifier: produce\n        job_template: stats\n        success_nodes: [consume]\n      - identifier: consume\n        job_template: expect\n\
\x20 - name: nopass\n    nodes:\n      - identifier: consume\n        job_template: expect\n\
\x20 - name: hidden\n    nodes:\n      - identifier: produce\n        job_template: secret\n        success_nodes: [consume]\n      - identifier: consume\n        job_template: usesecret\n",
    );
    let r = run(&env, "pass", 0);
    assert_eq!(statuses(&r), pairs(&[("produce", "successful"), ("consume", "successful")]));
    let consume = node(&r, "consume")["job_id"].as_i64().unwrap();
    let job = qjson(&env, 0, &["job", "show", &consume.to_string()]);
    assert_eq!(job["extra_vars"]["greeting"], "hello", "{job}");
    // A no_log parent's artifacts reach the child's playbook but are stored encrypted.
    let r = run(&env, "hidden", 0);
    assert_eq!(statuses(&r), pairs(&[("produce", "successful"), ("consume", "successful")]));
    let consume = node(&r, "consume")["job_id"].as_i64().unwrap();
    let job = qjson(&env, 0, &["job", "show", &consume.to_string()]);
    assert_eq!(job["extra_vars"]["token"], "$encrypted$", "{job}");
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM job WHERE id = {consume} AND extra_vars LIKE '%s3cret-77%'")), 0);
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM job WHERE id = {consume} AND start_args LIKE '%s3cret-77%'")), 0);
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM job WHERE id = {consume} AND start_args <> ''")), 1);
    // Without the parent the same playbook fails: the artifact made the difference.
    let r = run(&env, "nopass", 1);
    assert_eq!(statuses(&r), pairs(&[("consume", "failed")]));
    // Workflow variables win over artifacts (AWX's precedence) and reach the node jobs.
    env.apply("workflow_job_templates:\n  - name: pass\n    ask_variables_on_launch: true\n");
    let r = qjson(&env, 1, &["run_workflow", "pass", "-e", "greeting=bye"]);
    assert_eq!(statuses(&r), pairs(&[("produce", "successful"), ("consume", "failed")]));
    let consume = node(&r, "consume")["job_id"].as_i64().unwrap();
    assert_eq!(qjson(&env, 0, &["job", "show", &consume.to_string()])["extra_vars"]["greeting"], "bye");
    // A prompt the template does not ask for is refused, nothing created.
    let before = env.sql_count("SELECT count(*) FROM workflow_job");
    let out = q(&env, &["run_workflow", "nopass", "-e", "x=1"]);
    assert_status(&out, 65, &["run_workflow with unasked vars"]);
    assert!(stderr(&out).contains("does not ask for --extra-vars"), "{}", stderr(&out));
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_job"), before);
    // A survey's defaults fill what nobody gave (AWX does so for every job of the template).
    env.apply(
        "job_templates:\n  - name: expect\n    survey_enabled: true\n    survey_spec:\n      name: s\n      description: d\n      spec:\n        - {question_name: g, variable: greeting, type: text, required: false, default: hello}\n",
    );
    let r = run(&env, "nopass", 0);
    let consume = node(&r, "consume")["job_id"].as_i64().unwrap();
    assert_eq!(qjson(&env, 0, &["job", "show", &consume.to_string()])["extra_vars"]["greeting"], "hello");
});

/// Wait until workflow `id` has a pending approval; its id.
fn pending_approval(env: &TestEnv, wf: i64) -> i64 {
    let mut found = 0;
    wait_until("a pending approval", Duration::from_secs(60), || {
        q(env, &["task_manager"]);
        found = env
            .sql_count(&format!("SELECT COALESCE(max(id), 0) FROM workflow_approval WHERE workflow_job_id = {wf} AND status = 'pending'"));
        found > 0
    });
    found
}

/// `job wait` for workflow `wf`, expecting exit `code` (1 when it did not succeed).
fn wait_workflow(env: &TestEnv, wf: i64, code: i32) -> Value {
    let w = qjson(env, code, &["job", "wait", "--timeout", "120", &wf.to_string()]);
    w["jobs"][0].clone()
}

db_test!(approvals_approve_deny_and_expire, |env| {
    setup(
        &env,
        "0",
        "  - name: gate\n    organization: Ops\n    nodes:\n      - identifier: ask\n        approval: {name: go?, timeout: 0}\n        success_nodes: [ship]\n      - identifier: ship\n        job_template: ok\n\
\x20 - name: quick\n    nodes:\n      - identifier: ask\n        approval: {name: hurry, timeout: 1}\n        success_nodes: [ship]\n      - identifier: ship\n        job_template: ok\n",
    );
    env.apply("users:\n  - name: alice\n  - name: bob\n");
    env.apply("roles:\n  - user: alice\n    role: approval\n    workflow_job_template: gate\n");

    // Approve (as a user holding the approval role); a user without it is refused.
    let wf = qjson(&env, 0, &["launch", "workflow_job_template", "gate"])["id"].as_i64().unwrap();
    let a = pending_approval(&env, wf);
    let listed = qjson(&env, 0, &["approval", "list"]);
    assert!(listed["items"].as_array().unwrap().iter().any(|x| x["id"] == a && x["workflow_job_id"] == wf), "{listed}");
    let out = q(&env, &["approval", "approve", &a.to_string(), "--as", "bob"]);
    assert_status(&out, 77, &["approve as bob"]);
    assert!(stderr(&out).contains("User does not have permission to approve or deny this workflow."), "{}", stderr(&out));
    let ok = qjson(&env, 0, &["approval", "approve", &a.to_string(), "--as", "alice"]);
    assert_eq!((ok["status"].as_str(), ok["approved_or_denied_by"].as_str()), (Some("successful"), Some("alice")), "{ok}");
    let again = q(&env, &["approval", "deny", &a.to_string()]);
    assert_status(&again, 65, &["deny a decided approval"]);
    assert!(stderr(&again).contains("This workflow step has already been approved or denied."), "{}", stderr(&again));
    let w = wait_workflow(&env, wf, 0);
    assert_eq!(w["status"], "successful", "{w}");
    let shown = qjson(&env, 0, &["job", "show", &wf.to_string()]);
    assert_eq!(statuses(&shown), pairs(&[("ask", "successful"), ("ship", "successful")]));

    // Deny (the operator): a failed node without a failure path fails the workflow.
    let wf = qjson(&env, 0, &["launch", "workflow_job_template", "gate"])["id"].as_i64().unwrap();
    let a = pending_approval(&env, wf);
    let no = qjson(&env, 0, &["approval", "deny", &a.to_string()]);
    assert_eq!(no["status"], "failed");
    let w = wait_workflow(&env, wf, 1);
    assert_eq!(
        (w["status"].as_str(), w["job_explanation"].as_str()),
        (Some("failed"), Some("No error handling paths found, marking workflow as failed"))
    );
    let shown = qjson(&env, 0, &["job", "show", &wf.to_string()]);
    assert_eq!(statuses(&shown), pairs(&[("ask", "failed"), ("ship", "do_not_run")]));

    // Expiry: after its timeout the next cycle fails it with AWX's text.
    let wf = qjson(&env, 0, &["launch", "workflow_job_template", "quick"])["id"].as_i64().unwrap();
    let a = pending_approval(&env, wf);
    std::thread::sleep(Duration::from_millis(1200));
    q(&env, &["task_manager"]);
    let shown = qjson(&env, 0, &["job", "show", &a.to_string()]);
    assert_eq!((shown["status"].as_str(), shown["timed_out"].as_bool()), (Some("failed"), Some(true)), "{shown}");
    assert_eq!(shown["job_explanation"].as_str().unwrap(), format!("The approval node hurry ({a}) has expired after 1 seconds."));
    assert_eq!(wait_workflow(&env, wf, 1)["status"], "failed");
});

db_test!(canceling_a_workflow_cancels_its_running_node_and_starts_nothing_more, |env| {
    let marker = format!("{}.{}", 30 + (std::process::id() % 50), if env.backend == Backend::Sqlite { 1 } else { 2 });
    setup(
        &env,
        &marker,
        "  - name: long\n    nodes:\n      - identifier: slow\n        job_template: sleep\n        always_nodes: [next]\n      - identifier: next\n        job_template: ok\n",
    );
    let wf = qjson(&env, 0, &["launch", "workflow_job_template", "long"])["id"].as_i64().unwrap();
    let cmdline = format!("sleep {marker}");
    wait_until("the node's playbook runs", Duration::from_secs(60), || !procs_with(&cmdline).is_empty());
    // A second run of the template waits for the first (allow_simultaneous is off).
    let second = qjson(&env, 0, &["launch", "workflow_job_template", "long"]);
    assert_eq!(
        (second["status"].as_str(), second["job_explanation"].as_str()),
        (Some("pending"), Some(format!("waiting for workflowjob-{wf} to finish").as_str())),
        "{second}"
    );
    let second = second["id"].as_i64().unwrap();
    let c = qjson(&env, 0, &["job", "cancel", &wf.to_string()]);
    assert_eq!(c["status"], "canceled", "{c}");
    wait_until("the playbook is gone", Duration::from_secs(30), || procs_with(&cmdline).is_empty());
    let shown = qjson(&env, 0, &["job", "show", &wf.to_string()]);
    assert_eq!(shown["status"], "canceled");
    assert_eq!(statuses(&shown), pairs(&[("slow", "canceled"), ("next", "do_not_run")]), "{shown}");
    // Nothing more starts later.
    q(&env, &["task_manager"]);
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM workflow_job_node WHERE workflow_job_id = {wf} AND job_id IS NOT NULL")), 1);
    // The second one started once the first ended; a pending or running workflow cancels alike.
    let shown = qjson(&env, 0, &["job", "show", &second.to_string()]);
    assert_eq!(shown["status"], "running", "{shown}");
    assert_eq!(qjson(&env, 0, &["job", "cancel", &second.to_string()])["status"], "canceled");
    wait_until("the playbook is gone", Duration::from_secs(30), || procs_with(&cmdline).is_empty());
});

db_test!(workflow_and_approval_notifications_reach_the_smtp_server, |env| {
    use crate::sinks::{SmtpSink, body};
    let smtp = SmtpSink::start_with(&env.path().join("mail"), &["--user", "mailer", "--password", "mail-Pw-77"]);
    env.write(
        "mail.yml",
        &format!(
            "notification_templates:\n  - name: mail\n    notification_type: email\n    notification_configuration:\n      host: 127.0.0.1\n      port: {}\n      username: mailer\n      password: mail-Pw-77\n      sender: awxm@example.test\n      recipients: [ops@example.test]\n      timeout: 5\n",
            smtp.port
        ),
    );
    let out = q(&env, &["apply", "-f", env.path().join("mail.yml").to_str().unwrap()]);
    assert_status(&out, 0, &["apply mail.yml"]);
    setup(
        &env,
        "0",
        "  - name: notified\n    notification_templates_started: [mail]\n    notification_templates_success: [mail]\n    notification_templates_error: [mail]\n    notification_templates_approvals: [mail]\n    nodes:\n      - identifier: ask\n        approval: {name: go?}\n        success_nodes: [ship]\n      - identifier: ship\n        job_template: ok\n",
    );
    let subjects = || -> Vec<String> {
        let mut v: Vec<String> = smtp.index().iter().map(|e| smtp.subject(e)).collect();
        v.sort();
        v
    };
    let wf = qjson(&env, 0, &["launch", "workflow_job_template", "notified"])["id"].as_i64().unwrap();
    let a = pending_approval(&env, wf);
    qjson(&env, 0, &["approval", "approve", &a.to_string()]);
    assert_eq!(wait_workflow(&env, wf, 0)["status"], "successful");
    let mut want = vec![
        format!("Workflow Job #{wf} 'notified' running"),
        format!("The approval node \"go?\" needs review. This node can be viewed at: workflow job #{wf}"),
        format!("The approval node \"go?\" was approved. workflow job #{wf}"),
        format!("Workflow Job #{wf} 'notified' successful"),
    ];
    want.sort();
    wait_until("four messages", Duration::from_secs(20), || smtp.index().len() >= 4);
    assert_eq!(subjects(), want);
    // The success body is AWX's workflow summary.
    let shown = qjson(&env, 0, &["job", "show", &wf.to_string()]);
    let ship = node(&shown, "ship");
    let success = smtp.index().into_iter().find(|e| smtp.subject(e).ends_with("successful")).unwrap();
    let text = body(&smtp.text(&success));
    assert!(text.contains("Workflow job summary:"), "{text}");
    let line = format!("- node #{} spawns job #{}, \"ok\", which finished with status successful.", ship["id"], ship["job_id"]);
    assert!(text.contains(&line), "{line} in {text}");
    // Recorded against the workflow job and the approval.
    assert_eq!(
        env.sql_count(&format!("SELECT count(*) FROM notification WHERE unified_job_id IN ({wf}, {a}) AND status = 'successful'")),
        4
    );

    // A denied approval: the approval's denied message and the workflow's error set.
    let wf = qjson(&env, 0, &["launch", "workflow_job_template", "notified"])["id"].as_i64().unwrap();
    let a = pending_approval(&env, wf);
    qjson(&env, 0, &["approval", "deny", &a.to_string()]);
    assert_eq!(wait_workflow(&env, wf, 1)["status"], "failed");
    wait_until("eight messages", Duration::from_secs(20), || smtp.index().len() >= 8);
    let all = subjects();
    assert!(all.contains(&format!("The approval node \"go?\" was denied. workflow job #{wf}")), "{all:?}");
    assert!(all.contains(&format!("Workflow Job #{wf} 'notified' failed")), "{all:?}");
});

db_test!(workflow_prompts_override_node_prompts_through_the_templates_ask_flags, |env| {
    setup(
        &env,
        "0",
        "  - name: prompted\n    ask_limit_on_launch: true\n    ask_variables_on_launch: true\n    nodes:\n      - identifier: asks\n        job_template: ok\n        limit: nomatch\n        extra_data: {from_node: 1, shared: node}\n        always_nodes: [strict]\n      - identifier: strict\n        job_template: fail\n        limit: h1\n        extra_data: {from_node: 2}\n",
    );
    // `ok` asks for its limit (and variables); `fail` asks for variables only.
    env.apply("job_templates:\n  - name: ok\n    ask_limit_on_launch: true\n  - name: fail\n    ask_variables_on_launch: false\n");
    // Without workflow prompts: the node's limit applies where the template asks for it.
    let r = run(&env, "prompted", 1);
    let job = |r: &Value, ident: &str| qjson(&env, 0, &["job", "show", &node(r, ident)["job_id"].to_string()]);
    let asks = job(&r, "asks");
    assert_eq!((asks["limit"].as_str(), asks["extra_vars"]["from_node"].as_i64()), (Some("nomatch"), Some(1)), "{asks}");
    assert_eq!(node(&r, "asks")["status"], "failed", "no host matches the node's limit");
    let strict = job(&r, "strict");
    assert_eq!(strict["limit"], "", "the template does not ask for a limit: the node's is ignored");
    assert!(strict["extra_vars"].get("from_node").is_none(), "nor for variables: {strict}");
    // The workflow's prompts win over the node's; its variables reach every job whatever it asks.
    let r = qjson(&env, 1, &["run_workflow", "prompted", "--limit", "h1", "-e", "shared=workflow"]);
    let asks = job(&r, "asks");
    assert_eq!((asks["limit"].as_str(), asks["extra_vars"]["shared"].as_str()), (Some("h1"), Some("workflow")), "{asks}");
    assert_eq!(node(&r, "asks")["status"], "successful");
    let strict = job(&r, "strict");
    assert_eq!((strict["limit"].as_str(), strict["extra_vars"]["shared"].as_str()), (Some(""), Some("workflow")), "{strict}");
    // A prompt the workflow template does not ask for is refused.
    let out = q(&env, &["run_workflow", "prompted", "--scm-branch", "dev"]);
    assert_status(&out, 65, &["run_workflow --scm-branch"]);
    assert!(stderr(&out).contains("--scm-branch (ask_scm_branch_on_launch is false)"), "{}", stderr(&out));
    // launch --wait follows a workflow to its end: exit 1 when it failed.
    let out = q(&env, &["--format", "json", "launch", "workflow_job_template", "prompted", "--wait"]);
    assert_status(&out, 1, &["launch workflow --wait"]);
    let l: Value = json_stdout(&["launch"], &out.stdout);
    assert_eq!((l["type"].as_str(), l["status"].as_str()), (Some("workflow_job"), Some("failed")), "{l}");
});

db_test!(ctrl_c_on_run_workflow_cancels_the_nested_workflow_and_its_running_node, |env| {
    let marker = format!("{}.{}", 80 + (std::process::id() % 50), if env.backend == Backend::Sqlite { 3 } else { 4 });
    setup(
        &env,
        &marker,
        "  - name: long\n    nodes:\n      - identifier: slow\n        job_template: sleep\n        success_nodes: [next]\n      - identifier: next\n        job_template: ok\n\
\x20 - name: outer\n    nodes:\n      - identifier: sub\n        workflow_job_template: long\n        always_nodes: [after]\n      - identifier: after\n        job_template: ok\n",
    );
    let child = env
        .std_cmd()
        .env("AWXM_CONFIG", config(&env))
        .args(["--format", "json", "run_workflow", "outer"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run_workflow");
    let cmdline = format!("sleep {marker}");
    wait_until("the nested workflow's playbook runs", Duration::from_secs(60), || !procs_with(&cmdline).is_empty());
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().expect("wait run_workflow");
    assert_status(&out, 130, &["run_workflow outer, interrupted"]);
    let r: Value = json_stdout(&["run_workflow"], &out.stdout);
    assert_eq!(r["status"], "canceled", "{r}");
    assert_eq!(statuses(&r), pairs(&[("sub", "canceled"), ("after", "do_not_run")]));
    let inner = qjson(&env, 0, &["job", "show", &node(&r, "sub")["job_id"].to_string()]);
    assert_eq!(inner["status"], "canceled");
    assert_eq!(statuses(&inner), pairs(&[("slow", "canceled"), ("next", "do_not_run")]), "{inner}");
    wait_until("the playbook is gone", Duration::from_secs(30), || procs_with(&cmdline).is_empty());
});

db_test!(a_canceled_approval_is_a_failed_node, |env| {
    setup(
        &env,
        "0",
        "  - name: gate\n    nodes:\n      - identifier: ask\n        approval: {name: go?}\n        success_nodes: [ship]\n        failure_nodes: [giveup]\n      - identifier: ship\n        job_template: ok\n      - identifier: giveup\n        job_template: ok\n",
    );
    let wf = qjson(&env, 0, &["launch", "workflow_job_template", "gate"])["id"].as_i64().unwrap();
    let a = pending_approval(&env, wf);
    assert_eq!(qjson(&env, 0, &["job", "cancel", &a.to_string()])["status"], "canceled");
    assert_eq!(wait_workflow(&env, wf, 0)["status"], "successful");
    let shown = qjson(&env, 0, &["job", "show", &wf.to_string()]);
    assert_eq!(statuses(&shown), pairs(&[("ask", "canceled"), ("ship", "do_not_run"), ("giveup", "successful")]));
});
