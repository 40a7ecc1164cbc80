//! `awxm dispatcher` (issue 16): one per node, woken by launches on other nodes, stops on
//! SIGTERM.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::*;

fn config(env: &TestEnv) -> std::path::PathBuf {
    let p = env.path().join("awxm.yaml");
    if !p.exists() {
        std::fs::write(&p, format!("data_dir: {}\nansible_bin_dir: {}\n", env.path().join("data/awxm").display(), venv_bin().display()))
            .unwrap();
    }
    p
}

fn as_node(env: &TestEnv, node: &str, args: &[&str]) -> std::process::Output {
    env.cmd().env("AWXM_CONFIG", config(env)).env("AWXM_NODE_NAME", node).args(args).output().expect("run awxm")
}

fn json_as(env: &TestEnv, node: &str, args: &[&str]) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let out = as_node(env, node, &a);
    assert_status(&out, 0, &a);
    json_stdout(&a, &out.stdout)
}

fn start_dispatcher(env: &TestEnv, node: &str) -> Child {
    env.std_cmd()
        .env("AWXM_CONFIG", config(env))
        .env("AWXM_NODE_NAME", node)
        // As under systemd: stderr is the journal.
        .env("JOURNAL_STREAM", "8:12345")
        .args(["--format", "json", "-v", "dispatcher"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the dispatcher")
}

/// The dispatcher of `node` has recorded itself (pid) and run a cycle.
fn serving(env: &TestEnv, node: &str) -> bool {
    env.sql_count(&format!(
        "SELECT count(*) FROM instance WHERE hostname = '{node}' AND dispatcher_pid IS NOT NULL AND dispatcher_last_cycle IS NOT NULL"
    )) == 1
}

fn stop(mut child: Child) -> (i32, String, String) {
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            let mut out = String::new();
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut out).unwrap();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            return (st.code().unwrap_or(-1), out, err);
        }
        assert!(Instant::now() < deadline, "the dispatcher did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(100));
    }
}

db_test!(one_dispatcher_per_node_that_stops_on_sigterm, |env| {
    env.init();
    let first = start_dispatcher(&env, "n1");
    wait_until("the dispatcher to start", Duration::from_secs(30), || serving(&env, "n1"));
    wait_until("its heartbeat", Duration::from_secs(30), || {
        env.sql_count("SELECT count(*) FROM instance WHERE hostname = 'n1' AND last_seen IS NOT NULL") == 1
    });
    let out = as_node(&env, "n1", &["dispatcher"]);
    assert_status(&out, 75, &["a second dispatcher"]);
    assert!(stderr(&out).contains(&format!("a dispatcher for node n1 is already running (pid {})", first.id())), "{}", stderr(&out));
    let status = json_as(&env, "n1", &["dispatcher", "status"]);
    let n1 = status["nodes"].as_array().unwrap().iter().find(|n| n["hostname"] == "n1").cloned().expect("n1 listed");
    assert_eq!((n1["dispatcher_alive"].as_bool(), n1["dispatcher_pid"].as_i64()), (Some(true), Some(first.id() as i64)), "{status}");
    let other = match env.backend {
        // SQLite is single-node: another node's dispatcher is refused, pointing to PostgreSQL.
        Backend::Sqlite => {
            let out = as_node(&env, "n2", &["dispatcher"]);
            assert_status(&out, 78, &["a second node on SQLite"]);
            assert!(stderr(&out).contains("SQLite is single-node") && stderr(&out).contains("PostgreSQL"), "{}", stderr(&out));
            None
        }
        // PostgreSQL: another node's dispatcher runs beside it.
        Backend::Postgres => {
            let other = start_dispatcher(&env, "n2");
            wait_until("the second node's dispatcher", Duration::from_secs(30), || serving(&env, "n2"));
            Some(other)
        }
    };
    let (code, out, err) = stop(first);
    assert_eq!(code, 143, "{out}{err}");
    // Journald reads each line's priority.
    assert!(
        err.lines().any(|l| l == "<6>INFO dispatcher for node n1 started (SQLite database)"
            || l == "<6>INFO dispatcher for node n1 started (PostgreSQL database)"),
        "{err}"
    );
    assert!(err.lines().all(|l| l.starts_with('<')), "{err}");
    let report: Value = json_stdout(&["dispatcher"], out.as_bytes());
    assert_eq!(report["node"], "n1");
    assert!(report["cycles"].as_u64().unwrap() >= 1 && report["heartbeats"].as_u64().unwrap() >= 1, "{report}");
    assert_eq!(env.sql_count("SELECT count(*) FROM instance WHERE hostname = 'n1' AND dispatcher_pid IS NULL"), 1, "it signed off");
    if let Some(other) = other {
        assert_eq!(stop(other).0, 143);
    }
});

db_test!(a_task_placed_on_another_node_starts_when_its_dispatcher_is_woken, |env| {
    env.init();
    // Node b's dispatcher polls only every 10 minutes: a quick start proves the wake-up.
    json_as(&env, "a", &["settings", "set", "dispatcher_poll_interval", "600"]);
    json_as(&env, "b", &["heartbeat"]);
    let project = env.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(project.join("site.yml"), "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=hi\n").unwrap();
    env.apply(&format!(
        "instance_groups:\n  - name: bonly\n    instances: [b]\nprojects:\n  - name: p\n    local_path: {}\n\
         inventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {}}}\n    hosts:\n      - name: h1\n\
         job_templates:\n  - name: t\n    project: p\n    playbook: site.yml\n    inventory: inv\n    instance_groups: [bonly]\n",
        project.display(),
        venv_bin().join("python").display()
    ));
    let dispatcher = start_dispatcher(&env, "b");
    wait_until("b's dispatcher", Duration::from_secs(30), || serving(&env, "b"));
    // Let its first pass (and poll) go by: from now on only a wake-up starts work quickly.
    std::thread::sleep(Duration::from_secs(2));
    let launched = Instant::now();
    let r = json_as(&env, "a", &["launch", "job_template", "t"]);
    let id = r["id"].as_i64().unwrap();
    assert_eq!(r["status"], "waiting", "placed on b, waiting for b to run it: {r}");
    let w = json_as(&env, "a", &["job", "wait", &id.to_string(), "--timeout", "120"]);
    assert_eq!(w["jobs"][0]["status"], "successful", "{w}");
    let shown = json_as(&env, "a", &["job", "show", &id.to_string()]);
    assert_eq!((shown["execution_node"].as_str(), shown["controller_node"].as_str()), (Some("b"), Some("b")), "{shown}");
    assert!(launched.elapsed() < Duration::from_secs(60), "b started it on the wake-up, not its 600 s poll");
    let (code, out, _) = stop(dispatcher);
    assert_eq!(code, 143);
    let report: Value = json_stdout(&["dispatcher"], out.as_bytes());
    assert!(report["cycles"].as_u64().unwrap() >= 2, "{report}");
});

/// An empty playbook, and a template `t` (jobs side by side) running it in group `g` of `nodes`.
fn empty_jobs(env: &TestEnv, nodes: &[&str], playbook: &str) {
    let project = env.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(project.join("site.yml"), playbook).unwrap();
    env.apply(&format!(
        "instance_groups:\n  - name: g\n    instances: [{}]\nprojects:\n  - name: p\n    local_path: {}\n\
         inventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {}}}\n    hosts:\n      - name: h1\n\
         job_templates:\n  - name: t\n    project: p\n    playbook: site.yml\n    inventory: inv\n    allow_simultaneous: true\n    instance_groups: [g]\n",
        nodes.join(", "),
        project.display(),
        venv_bin().join("python").display()
    ));
}

const EMPTY: &str = "- hosts: all\n  gather_facts: false\n  tasks: []\n";

fn launch_many(env: &TestEnv, node: &str, n: usize) -> Vec<i64> {
    (0..n).map(|_| json_as(env, node, &["launch", "job_template", "t"])["id"].as_i64().unwrap()).collect()
}

/// Every job ran exactly once: one ansible-playbook run each (its final stats event, written by
/// that run's callback), all successful.
fn ran_once_each(env: &TestEnv, ids: &[i64]) {
    let (lo, hi) = (ids[0], ids[ids.len() - 1]);
    for id in ids {
        wait_until(&format!("job {id} to end"), Duration::from_secs(900), || {
            env.sql_count(&format!("SELECT count(*) FROM job WHERE id = {id} AND finished IS NOT NULL")) == 1
        });
    }
    let range = format!("id BETWEEN {lo} AND {hi}");
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM job WHERE {range} AND status = 'successful'")), ids.len() as i64);
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM (SELECT job_id FROM job_event WHERE event = 'playbook_on_stats' AND job_id BETWEEN {lo} AND {hi}
             GROUP BY job_id HAVING count(*) = 1) s"
        )),
        ids.len() as i64,
        "one ansible-playbook run per job"
    );
}

db_test!(two_hundred_jobs_through_one_dispatcher_run_once_each, |env| {
    env.init();
    json_as(&env, "d", &["heartbeat"]);
    empty_jobs(&env, &["d"], EMPTY);
    let d = start_dispatcher(&env, "d");
    wait_until("the dispatcher", Duration::from_secs(30), || serving(&env, "d"));
    // Launched from another node name: only d's dispatcher runs them.
    let ids = launch_many(&env, "launcher", 200);
    ran_once_each(&env, &ids);
    assert_eq!(env.sql_count("SELECT count(*) FROM job WHERE execution_node = 'd' AND controller_node = 'd'"), 200);
    let (code, out, _) = stop(d);
    assert_eq!(code, 143);
    let report: Value = json_stdout(&["dispatcher"], out.as_bytes());
    assert!(report["cycles"].as_u64().unwrap() >= 1, "{report}");
});

#[test]
fn two_dispatchers_share_one_postgres_and_take_over_from_a_lost_node() {
    // PostgreSQL only (SQLite is single-node); None only with AWXM_TEST_SKIP_PG=1.
    let Some(env) = TestEnv::new(Backend::Postgres) else { return };
    env.init();
    // A heartbeat every second; a node silent for 2 s is lost.
    json_as(&env, "x", &["settings", "set", "cluster_node_heartbeat_period", "1"]);
    json_as(&env, "x", &["settings", "set", "dispatcher_poll_interval", "0.5"]);
    json_as(&env, "d1", &["heartbeat"]);
    json_as(&env, "d2", &["heartbeat"]);
    empty_jobs(&env, &["d1", "d2"], EMPTY);
    let d1 = start_dispatcher(&env, "d1");
    let d2 = start_dispatcher(&env, "d2");
    wait_until("both dispatchers", Duration::from_secs(30), || serving(&env, "d1") && serving(&env, "d2"));
    let ids = launch_many(&env, "launcher", 200);
    ran_once_each(&env, &ids);
    assert_eq!(
        env.sql_count("SELECT count(DISTINCT execution_node) FROM job WHERE execution_node IN ('d1', 'd2')"),
        2,
        "both nodes ran jobs"
    );

    // Jobs that run for a while; then d1 dies (kill -9 of its dispatcher: no more heartbeats).
    let marker = "59.123";
    std::fs::write(
        env.path().join("project/site.yml"),
        format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: sleep {marker}\n"),
    )
    .unwrap();
    let slow = launch_many(&env, "launcher", 6);
    let range = format!("id BETWEEN {} AND {}", slow[0], slow[5]);
    wait_until("slow jobs running on both nodes", Duration::from_secs(120), || {
        env.sql_count(&format!("SELECT count(DISTINCT execution_node) FROM job WHERE {range} AND status = 'running'")) == 2
    });
    let on_d1 = env.sql_count(&format!("SELECT count(*) FROM job WHERE {range} AND status = 'running' AND execution_node = 'd1'"));
    let mut d1 = d1;
    d1.kill().expect("kill -9 d1's dispatcher");
    let _ = d1.wait();
    // d2 notices after the grace period and reaps d1's running jobs, with AWX's kind of text.
    wait_until("d1's running jobs reaped", Duration::from_secs(60), || {
        env.sql_count(&format!(
            "SELECT count(*) FROM job WHERE {range} AND execution_node = 'd1' AND status = 'failed'
             AND job_explanation LIKE 'Task was marked as running but its node d1 was lost%'"
        )) == on_d1
    });
    // New work goes to d2 only.
    std::fs::write(env.path().join("project/site.yml"), EMPTY).unwrap();
    let after = launch_many(&env, "launcher", 3);
    ran_once_each(&env, &after);
    let later = format!("id BETWEEN {} AND {}", after[0], after[2]);
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM job WHERE {later} AND execution_node = 'd2'")), 3);
    // Clean up: the slow jobs still running on d2, and d1's orphaned ansible runs.
    for id in &slow {
        let _ = as_node(&env, "d2", &["job", "cancel", &id.to_string(), "--no-wait"]);
    }
    assert_eq!(stop(d2).0, 143);
    for pid in procs_with(marker) {
        // SAFETY: test cleanup of our own leftover processes.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    }
}

db_test!(a_dispatcher_restart_loses_no_job_and_starts_none_twice, |env| {
    env.init();
    json_as(&env, "d", &["heartbeat"]);
    // One job at a time on d, each running a few seconds: some run, some wait, across the restart.
    empty_jobs(&env, &["d"], "- hosts: all\n  gather_facts: false\n  tasks:\n    - command: sleep 2\n");
    env.apply("instance_groups:\n  - name: g\n    max_concurrent_jobs: 2\n");
    let d = start_dispatcher(&env, "d");
    wait_until("the dispatcher", Duration::from_secs(30), || serving(&env, "d"));
    let ids = launch_many(&env, "launcher", 6);
    wait_until("jobs running", Duration::from_secs(60), || env.sql_count("SELECT count(*) FROM job WHERE status = 'running'") > 0);
    assert_eq!(stop(d).0, 143, "SIGTERM");
    assert!(env.sql_count("SELECT count(*) FROM job WHERE status = 'pending'") > 0, "work was left pending at the stop");
    let d = start_dispatcher(&env, "d");
    ran_once_each(&env, &ids);
    assert_eq!(stop(d).0, 143);
});
