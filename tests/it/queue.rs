//! The unified job queue (issue 15): one id space for every kind of job, the migration of a
//! database written by the previous release, launching, the task manager's dependencies,
//! blocking, capacity and cascades.

use std::time::Duration;

use serde_json::Value;

use crate::support::*;

/// Put the previous release's database (fixtures/previous-release, written by awxm at 9e7eaa9
/// with make.sh there) in place of this test's database.
fn load_previous_release(env: &TestEnv) {
    match env.backend {
        Backend::Sqlite => {
            let path = env.url.trim_start_matches("sqlite://");
            std::fs::copy(fixture("previous-release/awxm.db"), path).expect("copy the fixture database");
        }
        Backend::Postgres => {
            let sql = std::fs::read_to_string(fixture("previous-release/postgres.sql")).expect("read the fixture dump");
            env.sql_exec(&sql);
        }
    }
}

db_test!(a_database_of_the_previous_release_migrates_with_its_history, |env| {
    load_previous_release(&env);
    // Before: ids overlap between kinds (jobs 1-2, project updates 1-3, inventory update 1).
    assert_eq!(env.sql_count("SELECT count(*) FROM job WHERE id IN (1, 2)"), 2);
    assert_eq!(env.sql_count("SELECT count(*) FROM project_update WHERE id IN (1, 2, 3)"), 3);
    let events = env.sql_count("SELECT count(*) FROM job_event");
    assert!(events > 10, "the fixture has the jobs' events ({events})");

    // Any command migrates it (a read-only one too: the schema exists).
    let list = env.json(&["job", "list"]);
    let jobs = list["items"].as_array().expect("job list");
    // Every kind is listed, in one id order: the two jobs, three project updates, one inventory update.
    assert_eq!(jobs.len(), 6, "{list}");
    let kinds: Vec<&str> = jobs.iter().map(|j| j["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["inventory_update", "project_update", "project_update", "project_update", "job", "job"], "{list}");

    // One id space: no id is used by two kinds.
    let union = "SELECT id FROM job UNION ALL SELECT id FROM project_update UNION ALL SELECT id FROM inventory_update \
                 UNION ALL SELECT id FROM system_job UNION ALL SELECT id FROM workflow_job";
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM ({union}) u")), 6);
    assert_eq!(env.sql_count(&format!("SELECT count(DISTINCT id) FROM ({union}) u")), 6);
    // Jobs kept their ids, so their events, host summaries and credentials still belong to them.
    assert_eq!(env.sql_count("SELECT count(*) FROM job_event WHERE job_id IN (1, 2)"), events);
    assert_eq!(env.sql_count("SELECT count(*) FROM job_host_summary WHERE job_id IN (1, 2)"), 2);
    // References follow the moved updates: each job's dependency is a project update of its project.
    assert_eq!(
        env.sql_count(
            "SELECT count(*) FROM job j JOIN project_update p ON p.id = j.project_update_id \
             WHERE p.launch_type = 'dependency' AND p.project_id = j.project_id"
        ),
        2
    );
    assert_eq!(
        env.sql_count("SELECT count(*) FROM project pr JOIN project_update p ON p.id = pr.last_update_id WHERE p.launch_type = 'manual'"),
        1
    );
    assert_eq!(
        env.sql_count(
            "SELECT count(*) FROM inventory_source s JOIN inventory_update u ON u.id = s.last_update_id WHERE u.inventory_source_id = s.id"
        ),
        1
    );
    // New rows of any kind take ids above every old id.
    let max_before = env.sql_count(&format!("SELECT max(id) FROM ({union}) u"));
    env.sql_exec("INSERT INTO project_update (status, created, modified) VALUES ('new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    env.sql_exec("INSERT INTO job (status, created, modified) VALUES ('new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    env.sql_exec("INSERT INTO system_job (status, created, modified) VALUES ('new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM ({union}) u WHERE id > {max_before}")), 3);
    assert_eq!(env.sql_count(&format!("SELECT count(DISTINCT id) FROM ({union}) u")), 9);
    // The history reads as before.
    let shown = env.json(&["job", "show", "1"]);
    assert_eq!(shown["status"], "successful", "{shown}");
});

/// Keep the data dir (projects, job output) in the test dir and use the test venv's Ansible.
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

fn qjson(env: &TestEnv, args: &[&str]) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let out = q(env, &a);
    assert_status(&out, 0, &a);
    json_stdout(&a, &out.stdout)
}

fn python() -> String {
    venv_bin().join("python").display().to_string()
}

/// A git repository in the test dir with a playbook that sleeps `secs` seconds; its file:// URL.
fn git_repo(env: &TestEnv, secs: f64) -> String {
    let repo = env.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::write(
        repo.join("site.yml"),
        format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: sleep {secs}\n      changed_when: false\n"),
    )
    .unwrap();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(["-c", "user.email=t@t", "-c", "user.name=t"])
            .args(args)
            .current_dir(&repo)
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "init"]);
    format!("file://{}", repo.display())
}

/// A git project `app`, an inventory `inv` of one local host, and templates `t1`, `t2` on them.
fn setup(env: &TestEnv, secs: f64, project_extra: &str, template_extra: &str) {
    let url = git_repo(env, secs);
    let inv = format!(
        "inventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {}}}\n    hosts:\n      - name: h1\n",
        python()
    );
    let templates: String = ["t1", "t2"]
        .iter()
        .map(|t| format!("  - name: {t}\n    project: app\n    playbook: site.yml\n    inventory: inv\n{template_extra}"))
        .collect();
    env.apply(&format!(
        "projects:\n  - name: app\n    scm_type: git\n    scm_url: {url}\n    scm_branch: main\n{project_extra}{inv}job_templates:\n{templates}"
    ));
}

fn launch(env: &TestEnv, args: &[&str]) -> Value {
    let mut a = vec!["launch"];
    a.extend_from_slice(args);
    qjson(env, &a)
}

fn job_times(env: &TestEnv, id: i64) -> (String, String) {
    let s = qjson(env, &["job", "show", &id.to_string()]);
    (s["started"].as_str().expect("started").to_string(), s["finished"].as_str().expect("finished").to_string())
}

fn wait_all(env: &TestEnv, ids: &[i64]) -> Value {
    let mut a = vec!["job".to_string(), "wait".to_string(), "--timeout".to_string(), "120".to_string()];
    a.extend(ids.iter().map(|i| i.to_string()));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(&a);
    let out = q(env, &args);
    json_stdout(&args, &out.stdout)
}

db_test!(jobs_of_one_template_never_overlap_unless_allow_simultaneous, |env| {
    setup(&env, 1.5, "", "");
    let a = launch(&env, &["job_template", "t1"])["id"].as_i64().unwrap();
    let b = launch(&env, &["job_template", "t1"])["id"].as_i64().unwrap();
    let waited = wait_all(&env, &[a, b]);
    for j in waited["jobs"].as_array().unwrap() {
        assert_eq!(j["status"], "successful", "{waited}");
    }
    let (sa, fa) = job_times(&env, a);
    let (sb, _) = job_times(&env, b);
    assert!(sb >= fa, "the second job started ({sb}) after the first finished ({fa}); first started {sa}");
    // Exactly one project update ran before them: the second job reused it (it was pending
    // or running when the second job's dependencies were processed) or got its own after.
    assert!(env.sql_count("SELECT count(*) FROM project_update WHERE launch_type = 'dependency'") >= 1);

    // allow_simultaneous: both run at once.
    env.apply("job_templates:\n  - name: t1\n    allow_simultaneous: true\n");
    let c = launch(&env, &["job_template", "t1"])["id"].as_i64().unwrap();
    let d = launch(&env, &["job_template", "t1"])["id"].as_i64().unwrap();
    wait_all(&env, &[c, d]);
    let (sc, fc) = job_times(&env, c);
    let (sd, fd) = job_times(&env, d);
    assert!(sd < fc && sc < fd, "they overlap: {sc}..{fc} and {sd}..{fd}");
});

db_test!(a_failed_project_update_fails_its_job_with_awxs_text, |env| {
    setup(&env, 0.0, "    scm_update_on_launch: true\n", "");
    env.apply("projects:\n  - name: app\n    scm_url: file:///nonexistent/repo.git\n");
    let out = q(&env, &["--format", "json", "launch", "job_template", "t1", "--wait"]);
    assert_status(&out, 1, &["launch --wait"]);
    let r: Value = json_stdout(&["launch"], &out.stdout);
    assert_eq!(r["status"], "failed", "{r}");
    let pu = env.sql_count("SELECT max(id) FROM project_update");
    assert_eq!(
        r["job_explanation"],
        format!("Previous Task Failed: {{\"job_type\": \"project_update\", \"job_name\": \"app\", \"job_id\": \"{pu}\"}}"),
        "{r}"
    );
    assert_eq!(
        env.sql_count(&format!("SELECT count(*) FROM project_update WHERE id = {pu} AND status = 'failed' AND launch_type = 'dependency'")),
        1
    );
    // The update's own record says why, and names the job it failed.
    let shown = qjson(&env, &["job", "show", &pu.to_string()]);
    assert_eq!((shown["type"].as_str(), shown["status"].as_str()), (Some("project_update"), Some("failed")), "{shown}");
    assert_eq!(shown["dependents"][0]["id"], r["id"], "{shown}");
    let out = q(&env, &["job", "stdout", &pu.to_string()]);
    assert!(stdout(&out).contains("nonexistent"), "{}", stdout(&out));
});

db_test!(project_updates_are_reused_within_the_cache_timeout, |env| {
    setup(&env, 0.0, "    scm_update_on_launch: true\n    scm_update_cache_timeout: 3600\n", "");
    for _ in 0..2 {
        let r = launch(&env, &["job_template", "t1", "--wait"]);
        assert_eq!(r["status"], "successful", "{r}");
    }
    assert_eq!(env.sql_count("SELECT count(*) FROM project_update"), 1, "the second job reused the fresh update");
    assert_eq!(env.sql_count("SELECT count(DISTINCT depends_on_id) FROM unified_job_dependency"), 1);
    // Cache timeout 0: every launch gets its own update.
    env.apply("projects:\n  - name: app\n    scm_update_cache_timeout: 0\n");
    let r = launch(&env, &["job_template", "t1", "--wait"]);
    assert_eq!(r["status"], "successful", "{r}");
    assert_eq!(env.sql_count("SELECT count(*) FROM project_update"), 2);
});

db_test!(capacity_waits_with_awxs_explanation_then_starts, |env| {
    let hb = qjson(&env, &["heartbeat"]);
    let node = hb["node"].as_str().expect("node name").to_string();
    env.apply(&format!("instance_groups:\n  - name: tiny\n    instances: [{node}]\n    max_concurrent_jobs: 1\n"));
    setup(&env, 2.0, "", "    instance_groups: [tiny]\n");
    let a = launch(&env, &["job_template", "t1"])["id"].as_i64().unwrap();
    wait_until("the first job runs", Duration::from_secs(60), || qjson(&env, &["job", "show", &a.to_string()])["status"] == "running");
    let b = launch(&env, &["job_template", "t2"]);
    let bid = b["id"].as_i64().unwrap();
    assert_eq!(b["status"], "pending", "{b}");
    assert_eq!(b["job_explanation"], "This job is not ready to start because there is not enough available capacity.", "{b}");
    let cycle = qjson(&env, &["task_manager"]);
    let waiting = cycle["waiting"].as_array().unwrap();
    assert!(waiting.iter().any(|w| w["id"] == bid && w["reason"].as_str().unwrap().contains("not enough available capacity")), "{cycle}");
    let waited = wait_all(&env, &[a, bid]);
    assert_eq!(waited["jobs"][1]["status"], "successful", "{waited}");
    let (_, fa) = job_times(&env, a);
    let (sb, _) = job_times(&env, bid);
    assert!(sb >= fa, "t2 started when t1's slot freed: {sb} vs {fa}");
});

db_test!(launch_refuses_prompts_the_template_does_not_ask_for, |env| {
    setup(&env, 0.0, "", "");
    let before = env.row_counts();
    let out = q(&env, &["launch", "job_template", "t1", "--limit", "h1", "-e", "x=1"]);
    assert_status(&out, 65, &["launch with prompts"]);
    let err = stderr(&out);
    assert!(
        err.contains("--limit (ask_limit_on_launch is false)") && err.contains("--extra-vars (ask_variables_on_launch is false)"),
        "{err}"
    );
    assert_eq!(env.row_counts(), before, "nothing was created");
    // Allowed once the template asks.
    env.apply("job_templates:\n  - name: t1\n    ask_limit_on_launch: true\n");
    let r = launch(&env, &["job_template", "t1", "--limit", "h1", "--wait"]);
    assert_eq!(r["status"], "successful", "{r}");
    // A relaunch repeats the prompts.
    let again = qjson(&env, &["job", "relaunch", &r["id"].to_string(), "--wait"]);
    assert_eq!(again["status"], "successful", "{again}");
    let shown = qjson(&env, &["job", "show", &again["id"].to_string()]);
    assert_eq!((shown["launch_type"].as_str(), shown["limit"].as_str()), (Some("relaunch"), Some("h1")), "{shown}");
    // Waiting in the human format shows the job's output as it runs, then the result.
    let out = q(&env, &["job", "relaunch", &r["id"].to_string(), "--wait"]);
    assert_status(&out, 0, &["job relaunch --wait"]);
    assert!(stdout(&out).contains("PLAY RECAP") && stdout(&out).contains("successful"), "{}", stdout(&out));
    // A template without inventory: 65, nothing created; an unknown one: 66.
    env.apply("job_templates:\n  - name: t2\n    inventory: null\n");
    let before = env.row_counts();
    let out = q(&env, &["launch", "job_template", "t2"]);
    assert_status(&out, 65, &["launch without inventory"]);
    assert!(stderr(&out).contains("cannot be launched: it has no inventory"), "{}", stderr(&out));
    assert_eq!(env.row_counts(), before);
    assert_status(&q(&env, &["launch", "job_template", "nope"]), 66, &["launch unknown"]);

    // A survey's answers are validated by AWX's rules; its variables need no ask flag.
    env.apply(
        "job_templates:\n  - name: t1\n    survey_enabled: true\n    survey_spec: {name: s, description: '', spec: [{type: integer, question_name: N, variable: n, required: true, min: 1, max: 5}]}\n",
    );
    let before = env.row_counts();
    let out = q(&env, &["launch", "job_template", "t1", "-e", r#"{"n": 9}"#]);
    assert_status(&out, 65, &["launch with a bad survey answer"]);
    assert!(stderr(&out).contains("survey refuses the answers"), "{}", stderr(&out));
    assert_eq!(env.row_counts(), before);
    let r = launch(&env, &["job_template", "t1", "-e", r#"{"n": 3}"#, "--wait"]);
    assert_eq!(r["status"], "successful", "{r}");
});

/// A job row a test puts in the queue as `running` on `node` under this (live) test process.
fn fake_running(env: &TestEnv, table: &str, extra_cols: &str, extra_vals: &str, node: &str) -> i64 {
    env.sql_exec(&format!(
        "INSERT INTO {table} (name, status, execution_node, controller_node, pid, started, created, modified{extra_cols})
         VALUES ('fake', 'running', '{node}', '{node}', {pid}, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z',
                 '2026-01-01T00:00:00.000000Z'{extra_vals})",
        pid = std::process::id()
    ));
    env.sql_count(&format!("SELECT max(id) FROM {table}"))
}

db_test!(system_jobs_run_one_at_a_time_with_their_output, |env| {
    let node = qjson(&env, &["heartbeat"])["node"].as_str().unwrap().to_string();
    env.apply("system_job_templates:\n  - name: purge\n    job_type: cleanup_stdout\n    extra_vars: {days: 30}\n");
    // Bad launch variables: AWX's message, nothing queued.
    let out = q(&env, &["launch", "system_job_template", "purge", "-e", "x=1"]);
    assert_status(&out, 65, &["launch with a variable system jobs refuse"]);
    assert!(stderr(&out).contains("Variables x are not allowed for system jobs."), "{}", stderr(&out));
    assert_eq!(env.sql_count("SELECT count(*) FROM system_job"), 0);
    // Another system job runs: this one waits for it, whatever its type.
    let other = fake_running(&env, "system_job", ", job_type, task_impact", ", 'cleanup_jobs', 5", &node);
    let r = launch(&env, &["system_job_template", "purge", "-e", "days=7"]);
    let id = r["id"].as_i64().unwrap();
    assert_eq!((r["type"].as_str(), r["status"].as_str()), (Some("system_job"), Some("pending")), "{r}");
    assert_eq!(r["job_explanation"], format!("waiting for systemjob-{other} to finish"), "{r}");
    let listed = qjson(&env, &["job", "list", "--status", "pending,waiting"]);
    let items = listed["items"].as_array().unwrap().clone();
    assert!(items.iter().any(|j| j["id"] == id && j["type"] == "system_job" && j["job_explanation"] == r["job_explanation"]), "{listed}");
    // It ends: the next cycle starts the waiting one, which runs `awxm cleanup_stdout --days 7`.
    env.sql_exec(&format!("UPDATE system_job SET status = 'successful', finished = '2026-01-01T00:00:01.000000Z' WHERE id = {other}"));
    qjson(&env, &["task_manager"]);
    let waited = wait_all(&env, &[id]);
    assert_eq!(waited["jobs"][0]["status"], "successful", "{waited}");
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM system_job WHERE id = {id} AND job_args LIKE '%\"--days\",\"7\"%' AND rc = 0 AND stdout <> ''"
        )),
        1
    );
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM system_job WHERE id = {id} AND task_impact = 5")), 1);
    // Shown as a system job (checked against its shape in schemas/job.show.json).
    let shown = qjson(&env, &["job", "show", &id.to_string()]);
    assert_eq!((shown["type"].as_str(), shown["rc"].as_i64()), (Some("system_job"), Some(0)), "{shown}");
});

db_test!(a_running_ad_hoc_command_holds_its_inventory, |env| {
    let node = qjson(&env, &["heartbeat"])["node"].as_str().unwrap().to_string();
    setup(&env, 0.0, "", "");
    let inv = env.sql_count("SELECT id FROM inventory WHERE name = 'inv'");
    // AWX: an ad hoc command registers under its inventory's updates, so new jobs there wait.
    let adhoc = fake_running(&env, "job", ", module_name, inventory_id", &format!(", 'ping', {inv}"), &node);
    let r = launch(&env, &["job_template", "t1"]);
    assert_eq!(r["status"], "pending", "{r}");
    assert_eq!(r["job_explanation"], format!("waiting for adhoccommand-{adhoc} to finish"), "{r}");
    env.sql_exec(&format!("UPDATE job SET status = 'successful', finished = '2026-01-01T00:00:01.000000Z' WHERE id = {adhoc}"));
    qjson(&env, &["task_manager"]);
    let waited = wait_all(&env, &[r["id"].as_i64().unwrap()]);
    assert_eq!(waited["jobs"][0]["status"], "successful", "{waited}");
    // Only jobs and ad hoc commands are relaunched; another kind is told how, an unknown id 66.
    let project = env.sql_count("SELECT id FROM project WHERE name = 'app'");
    let pu = fake_running(&env, "project_update", ", project_id, job_type", &format!(", {project}, 'check'"), &node);
    let before = env.row_counts();
    let out = q(&env, &["job", "relaunch", &pu.to_string()]);
    assert_status(&out, 65, &["relaunch of a project update"]);
    assert!(stderr(&out).contains(&format!("project_update {pu} cannot be relaunched")), "{}", stderr(&out));
    assert_eq!(env.row_counts(), before);
    assert_status(&q(&env, &["job", "relaunch", "987654"]), 66, &["relaunch of no job"]);
});

db_test!(a_canceled_dependency_cancels_its_dependents, |env| {
    let node = qjson(&env, &["heartbeat"])["node"].as_str().unwrap().to_string();
    setup(&env, 0.0, "    scm_update_on_launch: true\n", "");
    let project = env.sql_count("SELECT id FROM project WHERE name = 'app'");
    // A running update of the project, and a newer pending one (which the job will reuse).
    let a = fake_running(&env, "project_update", ", project_id, job_type", &format!(", {project}, 'check'"), &node);
    env.sql_exec(&format!(
        "INSERT INTO project_update (name, project_id, job_type, status, dependencies_processed, created, modified)
         VALUES ('app', {project}, 'check', 'pending', TRUE, '2026-01-01T00:00:01.000000Z', '2026-01-01T00:00:01.000000Z')"
    ));
    let b = env.sql_count("SELECT max(id) FROM project_update");
    let r = launch(&env, &["job_template", "t1"]);
    let job = r["id"].as_i64().unwrap();
    assert_eq!(r["status"], "pending", "{r}");
    assert_eq!(r["job_explanation"], format!("waiting for projectupdate-{a} to finish"), "{r}");
    let shown = qjson(&env, &["job", "show", &job.to_string()]);
    assert_eq!(shown["dependencies"][0]["id"], b, "{shown}");
    assert_eq!(shown["dependencies"].as_array().unwrap().len(), 1, "{shown}");
    // Canceling the pending update cancels the job that waits for it, with AWX's text.
    let c = qjson(&env, &["job", "cancel", &b.to_string()]);
    assert_eq!(c["status"], "canceled", "{c}");
    qjson(&env, &["task_manager"]);
    let shown = qjson(&env, &["job", "show", &job.to_string()]);
    assert_eq!(shown["status"], "canceled", "{shown}");
    assert_eq!(
        shown["job_explanation"],
        format!("Previous Task Canceled: {{\"job_type\": \"project_update\", \"job_name\": \"app\", \"job_id\": \"{b}\"}}")
    );
    assert_eq!(shown["dependencies"][0]["status"], "canceled", "{shown}");
});

db_test!(canceling_a_project_update_cancels_the_scm_inventory_updates_of_its_project, |env| {
    let node = qjson(&env, &["heartbeat"])["node"].as_str().unwrap().to_string();
    setup(&env, 0.0, "", "");
    env.apply("inventory_sources:\n  - name: scm\n    inventory: inv\n    source: scm\n    source_project: app\n    source_path: hosts\n");
    let project = env.sql_count("SELECT id FROM project WHERE name = 'app'");
    let source = env.sql_count("SELECT id FROM inventory_source WHERE name = 'scm'");
    // Running on another node (their supervisors are elsewhere): the cancel sets the flags.
    let running = |table: &str, cols: &str, vals: &str| fake_running(&env, table, cols, vals, "elsewhere");
    let update = running("inventory_update", ", inventory_source_id", &format!(", {source}"));
    let sync = running("project_update", ", project_id, launch_type", &format!(", {project}, 'sync'"));
    let c = qjson(&env, &["job", "cancel", &sync.to_string(), "--no-wait"]);
    assert_eq!(c["status"], "running", "{c}");
    // A job's inline sync does not reach the inventory updates.
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM inventory_update WHERE id = {update} AND NOT cancel_flag")), 1);
    let manual = running("project_update", ", project_id", &format!(", {project}"));
    qjson(&env, &["job", "cancel", &manual.to_string(), "--no-wait"]);
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM inventory_update WHERE id = {update} AND cancel_flag AND status = 'running'
             AND job_explanation = 'Source project update `fake` was canceled.'"
        )),
        1
    );
    // One this node supervises whose process is gone is canceled at once, keeping AWX's text.
    let mine = fake_running(&env, "inventory_update", ", inventory_source_id", &format!(", {source}"), &node);
    env.sql_exec(&format!("UPDATE inventory_update SET pid = 999999999 WHERE id = {mine}"));
    let again = running("project_update", ", project_id", &format!(", {project}"));
    qjson(&env, &["job", "cancel", &again.to_string(), "--no-wait"]);
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM inventory_update WHERE id = {mine} AND status = 'canceled' AND canceled_on IS NOT NULL
             AND job_explanation = 'Source project update `fake` was canceled.'"
        )),
        1
    );
});

db_test!(inventory_sources_that_update_on_launch_run_before_the_job, |env| {
    setup(&env, 0.0, "", "");
    let hosts = env.write("hosts.ini", "[web]\nh1\nh2 ansible_connection=local\n");
    env.apply(&format!(
        "inventory_sources:\n  - name: src\n    inventory: inv\n    source: file\n    source_path: {}\n    update_on_launch: true\n",
        hosts.display()
    ));
    let r = launch(&env, &["job_template", "t1", "--wait"]);
    assert_eq!(r["status"], "successful", "{r}");
    let job = r["id"].as_i64().unwrap();
    let iu = env.sql_count("SELECT max(id) FROM inventory_update");
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM inventory_update WHERE id = {iu} AND launch_type = 'dependency' AND status = 'successful'"
        )),
        1
    );
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM unified_job_dependency WHERE job_id = {job} AND depends_on_id = {iu}")), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE name = 'h2'"), 1, "the update imported the source before the job");
    // job show works for every kind, with the dependency both ways.
    let shown = qjson(&env, &["job", "show", &iu.to_string()]);
    assert_eq!(
        (shown["type"].as_str(), shown["status"].as_str(), shown["launch_type"].as_str()),
        (Some("inventory_update"), Some("successful"), Some("dependency")),
        "{shown}"
    );
    assert_eq!(shown["dependents"][0]["id"], job, "{shown}");
    assert_eq!((shown["failed"].as_bool(), shown["overwrite"].as_bool()), (Some(false), Some(false)), "booleans on every backend: {shown}");
    let j = qjson(&env, &["job", "show", &job.to_string()]);
    assert!(j["dependencies"].as_array().unwrap().iter().any(|d| d["id"] == iu && d["type"] == "inventory_update"), "{j}");
});

db_test!(survey_password_answers_are_never_stored_or_shown, |env| {
    setup(&env, 0.0, "", "");
    let secret = "Survey-Pw-7741";
    std::fs::write(
        env.path().join("repo/site.yml"),
        "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=\"the answer is {{ pw }}\"\n",
    )
    .unwrap();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(["-c", "user.email=t@t", "-c", "user.name=t"])
            .args(args)
            .current_dir(env.path().join("repo"))
            .output()
            .expect("git");
        assert!(out.status.success());
    };
    git(&["commit", "-qam", "pw"]);
    env.apply(
        "job_templates:\n  - name: t1\n    survey_enabled: true\n    survey_spec: {name: s, description: '', spec: [{type: password, question_name: P, variable: pw, required: true}]}\n",
    );
    let answer = format!(r#"{{"pw": "{secret}"}}"#);
    let r = launch(&env, &["job_template", "t1", "-e", &answer, "--wait"]);
    assert_eq!(r["status"], "successful", "{r}");
    let id = r["id"].to_string();
    // The playbook got the real value (its output shows it redacted), nothing stores it.
    let out = q(&env, &["job", "stdout", &id]);
    let text = stdout(&out);
    assert!(text.contains("the answer is $encrypted$") && !text.contains(secret), "{text}");
    let shown = qjson(&env, &["job", "show", &id]);
    assert_eq!(shown["extra_vars"]["pw"], "$encrypted$", "{shown}");
    assert!(!shown.to_string().contains(secret));
    for (table, column) in
        [("job", "extra_vars"), ("job", "stdout"), ("job", "start_args"), ("job_event", "stdout"), ("job_event", "event_data")]
    {
        assert_eq!(env.sql_count(&format!("SELECT count(*) FROM {table} WHERE {column} LIKE '%{secret}%'")), 0, "{table}.{column}");
    }
    // A relaunch answers the same, still encrypted.
    let again = qjson(&env, &["job", "relaunch", &id, "--wait"]);
    assert_eq!(again["status"], "successful", "{again}");
    assert!(stdout(&q(&env, &["job", "stdout", &again["id"].to_string()])).contains("the answer is $encrypted$"));
});

db_test!(a_password_question_with_a_default_is_refused, |env| {
    setup(&env, 0.0, "", "");
    let before = env.row_counts();
    let f = env.write(
        "pw.yaml",
        "job_templates:\n  - name: t1\n    survey_enabled: true\n    survey_spec:\n      name: s\n      description: ''\n      spec:\n        - {type: password, question_name: P, variable: pw, required: false, default: Tpl-Secret-5}\n",
    );
    let out = q(&env, &["apply", "--file", f.to_str().unwrap()]);
    assert_status(&out, 65, &["apply a password default"]);
    let err = stderr(&out);
    assert!(err.contains("pw.yaml:") && err.contains("stores no secret in a template") && !err.contains("Tpl-Secret-5"), "{err}");
    assert_eq!(env.row_counts(), before);
});

// git runs helpers (git-remote-http for an http URL) that killing git alone orphaned: a
// timed-out update, and one whose awxm is killed, must leave no process of theirs behind.
#[test]
fn a_stopped_project_update_leaves_no_git_behind() {
    let env = TestEnv::sqlite();
    let hole = crate::support::sshd::BlackHole::start();
    let marker = format!("{}:{}/", hole.addr, hole.port);
    env.apply(&format!("projects:\n  - name: stuck\n    scm_type: git\n    scm_url: http://{marker}repo.git\n    timeout: 2\n"));
    let out = env.run(&["project_update", "stuck"]);
    assert_status(&out, 1, &["project_update", "stuck"]);
    assert!(stdout(&out).contains("project update timed out"), "{}", stdout(&out));
    wait_until("the timed-out update's git processes to end", Duration::from_secs(5), || procs_with(&marker).is_empty());

    env.apply(&format!("projects:\n  - name: stuck\n    scm_type: git\n    scm_url: http://{marker}repo.git\n    timeout: 0\n"));
    let mut child = env.std_cmd().args(["project_update", "stuck"]).spawn().expect("spawn");
    wait_until("git to start", Duration::from_secs(20), || !procs_with(&marker).is_empty());
    child.kill().expect("kill");
    child.wait().expect("wait");
    wait_until("the killed update's git processes to end", Duration::from_secs(10), || procs_with(&marker).is_empty());
}

db_test!(task_manager_reports_the_tasks_of_dead_supervisors_it_reaped, |env| {
    let node = qjson(&env, &["heartbeat"])["node"].as_str().unwrap().to_string();
    setup(&env, 0.0, "", "");
    let project = env.sql_count("SELECT id FROM project WHERE name = 'app'");
    let update = fake_running(&env, "project_update", ", project_id", &format!(", {project}"), &node);
    // Its supervisor is gone.
    env.sql_exec(&format!("UPDATE project_update SET pid = 999999999 WHERE id = {update}"));
    let r = qjson(&env, &["task_manager"]);
    assert_eq!(
        r["reaped"],
        serde_json::json!([{"type": "project_update", "id": update, "name": "fake",
            "job_explanation": "Task was marked as running but was not present in the job queue, so it has been marked as failed."}]),
        "{r}"
    );
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM project_update WHERE id = {update} AND status = 'failed'")), 1);
});
