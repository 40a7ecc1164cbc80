//! `instance register/deregister`, `isolated_heartbeat`, `test_isolated_connection`,
//! `heartbeat` and `ping` through the binary, against real sshd nodes on loopback whose
//! ansible-playbook is the test virtualenv's.

use std::path::PathBuf;
use std::process::Output;

use serde_json::{Value, json};

use crate::support::sshd::*;
use crate::support::*;

/// CPUs and memory of this machine, as the probe and the local heartbeat see them.
fn machine() -> (i64, i64) {
    let cpu = String::from_utf8(std::process::Command::new("getconf").arg("_NPROCESSORS_ONLN").output().unwrap().stdout).unwrap();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap();
    let kb: i64 = meminfo.lines().find(|l| l.starts_with("MemTotal:")).unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    (cpu.trim().parse().unwrap(), kb * 1024)
}

/// AWX's formulas, written out independently of the code under test.
fn expected_caps(cpu: i64, mem: i64) -> (i64, i64) {
    let mem_cap = std::cmp::max(1, ((mem / 1024 / 1024) - 2048).div_euclid(100));
    (cpu * 4, mem_cap)
}

struct Cluster<'a> {
    env: &'a TestEnv,
    known_hosts: PathBuf,
}

impl<'a> Cluster<'a> {
    fn new(env: &'a TestEnv) -> Cluster<'a> {
        let key = client_key_text();
        let doc = json!({"credentials": [
            {"name": "node-key", "kind": "machine", "inputs": {"username": "root", "ssh_key_data": key}},
            {"name": "git", "kind": "scm", "inputs": {"username": "x"}},
        ]});
        env.apply(&doc.to_string());
        let known_hosts = env.path().join("known_hosts");
        std::fs::write(&known_hosts, "").unwrap();
        Cluster { env, known_hosts }
    }

    fn trust(&self, s: &Sshd) {
        let mut text = std::fs::read_to_string(&self.known_hosts).unwrap();
        text.push_str(&s.known_hosts_line());
        std::fs::write(&self.known_hosts, text).unwrap();
    }

    /// Register an isolated node; `extra` options replace the defaults of the same name.
    fn register(&self, name: &str, addr: &str, port: u16, extra: &[&str]) {
        let work = self.env.path().join("work").join(name);
        let bin = venv_bin();
        let port = port.to_string();
        let defaults = [
            ("--ssh-host", addr),
            ("--ssh-port", port.as_str()),
            ("--credential", "node-key"),
            ("--ansible-bin-dir", bin.to_str().unwrap()),
            ("--work-dir", work.to_str().unwrap()),
        ];
        let mut args = vec!["instance", "register", name, "--node-type", "isolated"];
        for (flag, value) in defaults {
            if !extra.contains(&flag) {
                args.extend([flag, value]);
            }
        }
        args.extend_from_slice(extra);
        self.env.ok(&args);
    }

    fn node(&self, name: &str, s: &Sshd) {
        self.trust(s);
        self.register(name, &s.addr, s.port, &[]);
    }

    /// Run awxm with the cluster's known_hosts.
    fn run(&self, args: &[&str]) -> Output {
        let mut a = vec!["--known-hosts", self.known_hosts.to_str().unwrap()];
        a.extend_from_slice(args);
        self.env.run(&a)
    }

    fn json(&self, args: &[&str], code: i32) -> Value {
        let mut a = vec!["--format", "json"];
        a.extend_from_slice(args);
        let out = self.run(&a);
        assert_status(&out, code, &a);
        json_stdout(&a, &out.stdout)
    }
}

fn by_host<'v>(report: &'v Value, host: &str) -> &'v Value {
    report["instances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["hostname"] == host || i["node"] == host)
        .unwrap_or_else(|| panic!("{host} in {report}"))
}

db_test!(isolated_heartbeat_probes_nodes_in_parallel_with_two_down_then_recovers, |env| {
    let c = Cluster::new(&env);
    let mut nodes: Vec<Sshd> = (0..8).map(|_| Sshd::start()).collect();
    for (i, s) in nodes.iter().enumerate() {
        c.node(&format!("iso{}", i + 1), s);
    }
    nodes[2].stop();
    nodes[5].stop();
    let (cpu, mem) = machine();
    let (cpu_cap, mem_cap) = expected_caps(cpu, mem);

    let r = c.json(&["isolated_heartbeat", "--timeout", "5"], 1);
    assert_eq!((r["probed"].as_u64(), r["failed"].as_u64()), (Some(8), Some(2)), "{r}");
    let mut serial = 0.0;
    for i in 1..=8 {
        let n = by_host(&r, &format!("iso{i}"));
        serial += n["elapsed"].as_f64().unwrap();
        if i == 3 || i == 6 {
            assert_eq!(n["reachable"], false, "{n}");
            assert_eq!(n["capacity"], 0);
            assert!(n["errors"][0].as_str().unwrap().contains("refused"), "{n}");
        } else {
            assert_eq!(n["errors"], json!([]), "{n}");
            assert_eq!((n["cpu"].as_i64(), n["memory"].as_i64()), (Some(cpu), Some(mem)), "{n}");
            assert_eq!((n["cpu_capacity"].as_i64(), n["mem_capacity"].as_i64()), (Some(cpu_cap), Some(mem_cap)), "{n}");
            assert_eq!(n["capacity"].as_i64(), Some(cpu_cap.max(mem_cap)), "{n}");
            assert!(n["version"].as_str().unwrap().starts_with("ansible-core-2."), "{n}");
            assert!(n["ansible_playbook"].as_str().unwrap().ends_with("/ansible-playbook"));
            assert!(n["work_dir_usage"].as_i64().unwrap() > 0 && n["work_dir_free"].as_i64().unwrap() > 0, "{n}");
        }
    }
    // Parallel, not serial: the whole run took much less than the sum of the probes.
    let wall = r["elapsed"].as_f64().unwrap();
    assert!(wall < serial * 0.75, "wall {wall}s vs serial {serial}s");
    // Stored.
    let down = env.json(&["show", "instance", "iso3"]);
    assert_eq!(down["capacity"], 0);
    assert!(down["errors"].as_str().unwrap().contains("refused"), "{down}");
    assert!(down["last_isolated_check"].is_string());
    let up = env.json(&["show", "instance", "iso1"]);
    assert_eq!(up["capacity"].as_i64(), Some(cpu_cap.max(mem_cap)));
    assert_eq!(up["errors"], "");
    assert!(up["last_seen"].is_string() && up["last_isolated_check"].is_string(), "{up}");
    assert!(env.path().join("work/iso1").is_dir(), "work dir created on the node");

    // The two come back; one node asks for the smaller capacity.
    nodes[2].restart();
    nodes[5].restart();
    c.register("iso8", &nodes[7].addr, nodes[7].port, &["--capacity-adjustment", "0"]);
    let out = c.run(&["isolated_heartbeat", "--timeout", "5"]);
    assert_status(&out, 0, &["isolated_heartbeat"]);
    let table = stdout(&out);
    assert!(table.contains("HOSTNAME") && table.contains("iso6"), "{table}");
    let r = c.json(&["isolated_heartbeat", "--instance", "iso3", "--instance", "iso8"], 0);
    assert_eq!(r["probed"], 2);
    assert_eq!(by_host(&r, "iso8")["capacity"].as_i64(), Some(cpu_cap.min(mem_cap)));
    let back = env.json(&["show", "instance", "iso3"]);
    assert_eq!((back["capacity"].as_i64(), back["errors"].as_str()), (Some(cpu_cap.max(mem_cap)), Some("")), "{back}");
    let ping = env.json(&["ping"]);
    assert_eq!(by_host(&ping, "iso6")["capacity"].as_i64(), Some(cpu_cap.max(mem_cap)));
});

db_test!(isolated_heartbeat_reports_each_kind_of_node_failure, |env| {
    let c = Cluster::new(&env);
    let ok = Sshd::start();
    let no_ansible = Sshd::start();
    let unknown = Sshd::start();
    let mut changed = Sshd::start();
    let bad_dir = Sshd::start();
    c.node("ok", &ok);
    c.trust(&no_ansible);
    c.register("no-ansible", &no_ansible.addr, no_ansible.port, &["--ansible-bin-dir", "/nonexistent/bin"]);
    c.register("unknown", &unknown.addr, unknown.port, &[]);
    c.node("changed", &changed);
    let old_fp = changed.fingerprint();
    changed.change_host_key();
    c.trust(&bad_dir);
    c.register("bad-dir", &bad_dir.addr, bad_dir.port, &["--work-dir", "/proc/awxm-cannot-exist"]);
    let hole = BlackHole::start();
    c.register("hung", &hole.addr, hole.port, &[]);
    // A disabled node is left alone unless named.
    c.register("off", &hole.addr, hole.port, &["--enabled", "false"]);
    env.ok(&["instance", "register", "ctl", "--node-type", "control"]);

    let r = c.json(&["isolated_heartbeat", "--timeout", "2"], 1);
    assert_eq!((r["probed"].as_u64(), r["failed"].as_u64()), (Some(6), Some(5)), "{r}");
    assert_eq!(by_host(&r, "ok")["errors"], json!([]));
    let n = by_host(&r, "no-ansible");
    assert_eq!((n["reachable"].as_bool(), n["capacity"].as_i64()), (Some(true), Some(0)), "{n}");
    assert!(n["cpu"].as_i64().unwrap() > 0, "measured even when it cannot run jobs: {n}");
    assert!(n["errors"][0].as_str().unwrap().contains("no executable ansible-playbook in ansible_bin_dir /nonexistent/bin"), "{n}");
    let n = by_host(&r, "unknown");
    assert!(n["errors"][0].as_str().unwrap().contains("is not known"), "{n}");
    assert!(n["errors"][0].as_str().unwrap().contains(&unknown.fingerprint()), "{n}");
    let n = by_host(&r, "changed");
    let e = n["errors"][0].as_str().unwrap();
    assert!(e.contains("HOST KEY CHANGED") && e.contains(&old_fp) && e.contains(&changed.fingerprint()), "{n}");
    assert!(e.contains(&format!("[{}]:{}", changed.addr, changed.port)), "{e}");
    let n = by_host(&r, "bad-dir");
    assert!(n["errors"][0].as_str().unwrap().contains("cannot create work directory /proc/awxm-cannot-exist"), "{n}");
    let n = by_host(&r, "hung");
    assert!(n["errors"][0].as_str().unwrap().contains("timed out"), "{n}");
    assert!(n["elapsed"].as_f64().unwrap() < 4.0, "{n}");
    assert!(r["instances"].as_array().unwrap().iter().all(|i| i["hostname"] != "off" && i["hostname"] != "ctl"));
    let stored = env.json(&["show", "instance", "changed"]);
    assert!(stored["errors"].as_str().unwrap().contains("HOST KEY CHANGED"));

    // accept-new records the unknown key (and still refuses the changed one).
    let r = c.json(&["--host-key-policy", "accept-new", "isolated_heartbeat", "--instance", "unknown", "--instance", "changed"], 1);
    assert_eq!(by_host(&r, "unknown")["errors"], json!([]), "{r}");
    assert_eq!(by_host(&r, "unknown")["host_key_added"], true);
    assert!(by_host(&r, "changed")["errors"][0].as_str().unwrap().contains("HOST KEY CHANGED"));
    assert!(std::fs::read_to_string(&c.known_hosts).unwrap().contains(&unknown.known_hosts_line()));
    // Naming a control node is refused: it sends its own heartbeat.
    let out = c.run(&["isolated_heartbeat", "--instance", "ctl"]);
    assert_status(&out, 65, &["isolated_heartbeat", "--instance", "ctl"]);
    let out = c.run(&["isolated_heartbeat", "--instance", "nope"]);
    assert_status(&out, 66, &["isolated_heartbeat", "--instance", "nope"]);
});

db_test!(isolated_heartbeat_respects_controller_groups_and_claims, |env| {
    let c = Cluster::new(&env);
    let s = Sshd::start();
    c.trust(&s);
    env.ok(&["instance", "register", "ctl-a", "--node-type", "control", "--group", "east"]);
    env.ok(&["instance", "register", "ctl-b", "--node-type", "control", "--group", "west"]);
    c.register("iso-east", &s.addr, s.port, &["--controller-group", "east"]);
    c.register("iso-west", &s.addr, s.port, &["--controller-group", "west"]);
    c.register("iso-free", &s.addr, s.port, &[]);
    let groups = env.json(&["show", "instance_group", "east-isolated"]);
    assert_eq!(groups["controller"], "east");

    let a = ["--known-hosts", c.known_hosts.to_str().unwrap(), "--format", "json", "isolated_heartbeat", "--claim"];
    let out = env.cmd().env("AWXM_NODE_NAME", "ctl-a").args(a).output().unwrap();
    assert_status(&out, 0, &a);
    let r: Value = json_stdout(&a, &out.stdout);
    let probed: Vec<&str> = r["instances"].as_array().unwrap().iter().map(|i| i["hostname"].as_str().unwrap()).collect();
    assert_eq!(probed, vec!["iso-east", "iso-free"], "{r}");
    assert!(r["skipped"][0]["reason"].as_str().unwrap().contains("west"), "{r}");
    // A second controller right after: what ctl-a checked is skipped as recently checked.
    let out = env.cmd().env("AWXM_NODE_NAME", "ctl-b").args(a).output().unwrap();
    let r: Value = json_stdout(&a, &out.stdout);
    let probed: Vec<&str> = r["instances"].as_array().unwrap().iter().map(|i| i["hostname"].as_str().unwrap()).collect();
    assert_eq!(probed, vec!["iso-west"], "{r}");
    let reasons: Vec<&str> = r["skipped"].as_array().unwrap().iter().map(|s| s["reason"].as_str().unwrap()).collect();
    assert!(reasons.iter().any(|x| x.contains("checked at")), "{r}");
});

db_test!(test_isolated_connection_exit_codes, |env| {
    let c = Cluster::new(&env);
    let s = Sshd::start();
    c.register("n1", &s.addr, s.port, &[]);
    let out = c.run(&["test_isolated_connection", "--hostname", "n1"]);
    assert_status(&out, 78, &["test_isolated_connection"]);
    assert!(stderr(&out).contains("ssh-keyscan"), "{}", stderr(&out));
    let r = c.json(&["--host-key-policy", "accept-new", "test_isolated_connection", "--hostname", "n1"], 0);
    assert_eq!((r["rc"].as_i64(), r["host_key_added"].as_bool()), (Some(0), Some(true)), "{r}");
    assert!(r["stdout"].as_str().unwrap().contains("[core 2."), "{r}");
    assert_eq!(r["host_key_fingerprint"], s.fingerprint());

    // Wrong key: 77, naming the node.
    let other = std::fs::read_to_string(new_key(env.path(), "other", "")).unwrap();
    env.apply(&json!({"credentials": [{"name": "wrong", "kind": "machine", "inputs": {"ssh_key_data": other}}]}).to_string());
    c.register("n1", &s.addr, s.port, &["--credential", "wrong"]);
    let out = c.run(&["test_isolated_connection", "--hostname", "n1"]);
    assert_status(&out, 77, &["test_isolated_connection"]);
    assert!(stderr(&out).contains("authentication failed"), "{}", stderr(&out));

    // Password from a machine credential (user with a password, sshd accepting passwords).
    let (user, password) = password_user();
    let pw = Sshd::start_with(true);
    c.trust(&pw);
    env.apply(&json!({"credentials": [{"name": "pw", "kind": "machine", "inputs": {"username": user, "password": password}}]}).to_string());
    c.register("n2", &pw.addr, pw.port, &["--credential", "pw"]);
    let r = c.json(&["test_isolated_connection", "--hostname", "n2"], 0);
    assert!(r["address"].as_str().unwrap().starts_with(&format!("{user}@")), "{r}");
    assert!(!env.ok(&["export"]).contains(password), "password in export");

    // Down: 69. Missing: 66. A non-machine credential is refused at registration (65).
    let (addr, port) = refused_port();
    c.register("n3", &addr, port, &[]);
    assert_status(&c.run(&["test_isolated_connection", "--hostname", "n3"]), 69, &["n3"]);
    assert_status(&c.run(&["test_isolated_connection", "--hostname", "nope"]), 66, &["nope"]);
    assert_status(&env.run(&["instance", "register", "n4", "--node-type", "isolated", "--credential", "git"]), 65, &["git"]);
});

db_test!(instance_register_is_idempotent_and_deregister_guards_running_jobs, |env| {
    let _c = Cluster::new(&env);
    let r = env.json(&[
        "instance",
        "register",
        "iso1",
        "--node-type",
        "isolated",
        "--ssh-user",
        "awx",
        "--ssh-port",
        "2200",
        "--credential",
        "node-key",
        "--group",
        "remote",
    ]);
    assert_eq!((r["created"].as_bool(), r["groups_created"].clone()), (Some(true), json!(["remote"])), "{r}");
    let shown = env.json(&["show", "instance", "iso1"]);
    assert_eq!((shown["ssh"]["user"].as_str(), shown["ssh"]["port"].as_i64()), (Some("awx"), Some(2200)), "{shown}");
    assert_eq!(shown["ssh"]["credential"], "node-key");
    assert_eq!(env.json(&["show", "instance_group", "remote"])["is_isolated"], true);
    let again = env.json(&["instance", "register", "iso1", "--node-type", "isolated", "--ssh-user", "awx", "--group", "remote"]);
    assert_eq!((again["created"].as_bool(), again["changed"].clone(), again["joined"].clone()), (Some(false), json!([]), json!([])));
    let changed = env.json(&["instance", "register", "iso1", "--node-type", "isolated", "--ssh-port", "22", "--credential", ""]);
    assert_eq!(changed["changed"], json!(["ssh_port", "ssh_credential_id"]));
    // The resource export shows the registered instance, and re-applying it changes nothing.
    let export = env.ok(&["export"]);
    assert!(export.contains("iso1"));
    let out = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &export);
    assert_status(&out, 0, &["apply"]);
    let applied: Value = json_stdout(&["apply"], &out.stdout);
    assert_eq!(applied["updated"], 0, "{applied}");

    assert_status(&env.run(&["instance", "register", "x", "--node-type", "isolated", "--credential", "nope"]), 66, &["nope"]);
    assert_status(&env.run(&["instance", "register", "x", "--node-type", "isolated", "--controller-group", "nope"]), 66, &["cg"]);
    assert_status(&env.run(&["instance", "register", "x", "--node-type", "control", "--controller-group", "remote"]), 2, &["cg"]);
    assert_status(&env.run(&["instance", "register", "x", "--node-type", "isolated", "--capacity-adjustment", "2"]), 2, &["adj"]);
    assert_status(&env.run(&["instance", "register", "x", "--node-type", "bogus"]), 2, &["type"]);

    let now = awxm::time::now_str();
    env.sql_exec(&format!(
        "INSERT INTO job (name, status, execution_node, started, created, modified) VALUES ('j', 'running', 'iso1', '{now}', '{now}', '{now}')"
    ));
    let out = env.run(&["instance", "deregister", "iso1"]);
    assert_status(&out, 1, &["deregister"]);
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    let d = env.json(&["instance", "deregister", "iso1", "--force"]);
    assert_eq!((d["reaped"].clone(), d["groups"].clone()), (json!([{"type": "job", "id": 1}]), json!(["remote"])));
    assert_eq!(env.sql_count("SELECT count(*) FROM job WHERE status = 'failed' AND failed AND finished IS NOT NULL AND job_explanation LIKE '%iso1 was deregistered%'"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM instance"), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM instance_group_instance"), 0);
    assert_status(&env.run(&["instance", "deregister", "iso1"]), 66, &["again"]);
});

fn as_node(env: &TestEnv, node: &str, args: &[&str]) -> Output {
    env.cmd().env("AWXM_NODE_NAME", node).args(args).output().unwrap()
}

fn node_json(env: &TestEnv, node: &str, args: &[&str]) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let out = as_node(env, node, &a);
    assert_status(&out, 0, &a);
    json_stdout(&a, &out.stdout)
}

fn status(env: &TestEnv, table: &str, id: i64) -> String {
    let n = env.sql_count(&format!(
        "SELECT CAST(CASE status WHEN 'running' THEN 1 WHEN 'waiting' THEN 2 WHEN 'failed' THEN 3 WHEN 'successful' THEN 4 ELSE 0 END AS BIGINT) FROM {table} WHERE id = {id}"
    ));
    ["?", "running", "waiting", "failed", "successful"][n as usize].to_string()
}

db_test!(heartbeat_marks_lost_peers_and_reaps_their_jobs, |env| {
    for (n, t) in [("ctl1", "control"), ("ctl2", "control"), ("ctl3", "hybrid"), ("iso1", "isolated")] {
        env.ok(&["instance", "register", n, "--node-type", t]);
    }
    let now = awxm::time::now_str();
    let old = "2020-01-01T00:00:00.000000Z";
    env.sql_exec(&format!(
        "UPDATE instance SET last_seen = '{old}', capacity = 50 WHERE hostname IN ('ctl2', 'iso1');
         UPDATE instance SET last_seen = '{now}', capacity = 50 WHERE hostname = 'ctl3';"
    ));
    let dead_pid = 4_000_000;
    let live_pid = std::process::id();
    env.sql_exec(&format!(
        "INSERT INTO job (id, name, status, execution_node, controller_node, pid, started, created, modified) VALUES
           (1, 'on lost', 'running', 'ctl2', '', NULL, '{old}', '{old}', '{old}'),
           (2, 'waiting long', 'waiting', 'ctl2', '', NULL, NULL, '{old}', '{old}'),
           (3, 'waiting now', 'waiting', 'ctl2', '', NULL, NULL, '{now}', '{now}'),
           (4, 'iso via lost controller', 'running', 'iso1', 'ctl2', NULL, '{old}', '{old}', '{old}'),
           (5, 'on healthy peer', 'running', 'ctl3', '', NULL, '{now}', '{now}', '{now}'),
           (6, 'done', 'successful', 'ctl2', '', NULL, '{old}', '{old}', '{old}'),
           (7, 'orphan here', 'running', 'ctl1', '', {dead_pid}, '{now}', '{now}', '{now}'),
           (8, 'alive here', 'running', 'ctl1', '', {live_pid}, '{now}', '{now}', '{now}');
         INSERT INTO project_update (id, name, status, execution_node, created, modified) VALUES (1, 'pu', 'running', 'ctl2', '{old}', '{old}');
         INSERT INTO inventory_update (id, name, status, execution_node, created, modified) VALUES (1, 'iu', 'running', 'ctl2', '{old}', '{old}');"
    ));

    // --dry-run reports and changes nothing.
    let dry = node_json(&env, "ctl1", &["heartbeat", "--dry-run"]);
    assert_eq!(dry["lost"][0]["hostname"], "ctl2", "{dry}");
    assert_eq!(status(&env, "job", 1), "running");

    let r = node_json(&env, "ctl1", &["heartbeat"]);
    let (cpu, mem) = machine();
    let (cpu_cap, mem_cap) = expected_caps(cpu, mem);
    assert_eq!((r["node"].as_str(), r["registered"].as_bool(), r["rejoined"].as_bool()), (Some("ctl1"), Some(false), Some(false)));
    assert_eq!(
        (r["cpu_capacity"].as_i64(), r["mem_capacity"].as_i64(), r["capacity"].as_i64()),
        (Some(cpu_cap), Some(mem_cap), Some(cpu_cap.max(mem_cap)))
    );
    assert_eq!(r["grace_period"], 120);
    let lost = r["lost"].as_array().unwrap();
    assert_eq!(lost.len(), 1, "{r}");
    assert_eq!((lost[0]["hostname"].as_str(), lost[0]["newly_lost"].as_bool()), (Some("ctl2"), Some(true)));
    assert_eq!(
        lost[0]["reaped"],
        json!([{"type": "job", "id": 1}, {"type": "job", "id": 2}, {"type": "job", "id": 4}, {"type": "project_update", "id": 1}, {"type": "inventory_update", "id": 1}])
    );
    assert_eq!(r["reaped_local"], json!([{"type": "job", "id": 7}]));
    for (id, want) in
        [(1, "failed"), (2, "failed"), (3, "waiting"), (4, "failed"), (5, "running"), (6, "successful"), (7, "failed"), (8, "running")]
    {
        assert_eq!(status(&env, "job", id), want, "job {id}");
    }
    assert_eq!(status(&env, "project_update", 1), "failed");
    assert_eq!(status(&env, "inventory_update", 1), "failed");
    assert_eq!(env.sql_count("SELECT count(*) FROM job WHERE id IN (1, 2, 4) AND job_explanation LIKE '%node ctl2 was lost%' AND failed AND finished IS NOT NULL"), 3);
    assert_eq!(env.sql_count("SELECT count(*) FROM project_update WHERE job_explanation LIKE '%ctl2%'"), 1);
    let ctl2 = env.json(&["show", "instance", "ctl2"]);
    assert_eq!(ctl2["capacity"], 0);
    assert!(ctl2["errors"].as_str().unwrap().contains("unresponsive"), "{ctl2}");
    // Healthy peers and isolated nodes are not the cluster heartbeat's business.
    assert_eq!(env.json(&["show", "instance", "ctl3"])["capacity"], 50);
    assert_eq!(env.json(&["show", "instance", "iso1"])["capacity"], 50);
    let me = env.json(&["show", "instance", "ctl1"]);
    assert!(me["last_seen"].is_string());
    assert_eq!(me["version"], env!("CARGO_PKG_VERSION"));

    // Next beat: ctl2 is already lost and has nothing left to reap.
    let r = node_json(&env, "ctl1", &["heartbeat"]);
    assert_eq!(r["lost"], json!([]), "{r}");
    // A peer's own heartbeat brings it back.
    let r = node_json(&env, "ctl2", &["heartbeat"]);
    assert_eq!((r["rejoined"].as_bool(), r["lost"].clone()), (Some(true), json!([])), "{r}");
    assert!(env.json(&["show", "instance", "ctl2"])["capacity"].as_i64().unwrap() > 0);

    // Auto-deprovisioning deletes a lost node instead.
    env.ok(&["settings", "set", "awx_auto_deprovision_instances", "true"]);
    env.sql_exec(&format!("UPDATE instance SET last_seen = '{old}' WHERE hostname = 'ctl3'"));
    let r = node_json(&env, "ctl1", &["heartbeat"]);
    assert_eq!((r["lost"][0]["hostname"].as_str(), r["lost"][0]["deprovisioned"].as_bool()), (Some("ctl3"), Some(true)), "{r}");
    assert_eq!(status(&env, "job", 5), "failed");
    assert_eq!(env.sql_count("SELECT count(*) FROM instance WHERE hostname = 'ctl3'"), 0);
});

db_test!(heartbeat_registers_itself_and_honours_capacity_settings, |env| {
    let (cpu, mem) = machine();
    let (cpu_cap, mem_cap) = expected_caps(cpu, mem);
    let r = node_json(&env, "new-node", &["heartbeat"]);
    assert_eq!((r["registered"].as_bool(), r["node_type"].as_str()), (Some(true), Some("hybrid")), "{r}");
    assert_eq!(r["capacity"].as_i64(), Some(cpu_cap.max(mem_cap)));
    assert!(!env.json(&["settings", "get", "install_uuid"])["value"].as_str().unwrap().is_empty());

    env.ok(&["settings", "set", "system_task_forks_capacity", "7"]);
    assert_eq!(node_json(&env, "new-node", &["heartbeat"])["capacity"], 7);
    env.ok(&["settings", "unset", "system_task_forks_capacity"]);
    env.ok(&["settings", "set", "system_task_abs_cpu", "3"]);
    let r = node_json(&env, "new-node", &["heartbeat"]);
    assert_eq!((r["cpu"].as_i64(), r["cpu_capacity"].as_i64()), (Some(0), Some(3)));
    env.ok(&["settings", "unset", "system_task_abs_cpu"]);
    // The environment variable wins over the setting, as in AWX.
    env.ok(&["settings", "set", "system_task_forks_cpu", "8"]);
    let out = env
        .cmd()
        .env("AWXM_NODE_NAME", "new-node")
        .env("SYSTEM_TASK_FORKS_CPU", "1")
        .args(["--format", "json", "heartbeat"])
        .output()
        .unwrap();
    let r: Value = json_stdout(&["heartbeat"], &out.stdout);
    assert_eq!(r["cpu_capacity"].as_i64(), Some(cpu), "{r}");
    assert_eq!(node_json(&env, "new-node", &["heartbeat"])["cpu_capacity"].as_i64(), Some(cpu * 8));
    env.ok(&["settings", "unset", "system_task_forks_cpu"]);
    // Adjustment 0 takes the smaller value; a disabled node has none.
    env.ok(&["instance", "register", "new-node", "--node-type", "hybrid", "--capacity-adjustment", "0"]);
    assert_eq!(node_json(&env, "new-node", &["heartbeat"])["capacity"].as_i64(), Some(cpu_cap.min(mem_cap)));
    env.ok(&["instance", "register", "new-node", "--node-type", "hybrid", "--enabled", "false"]);
    assert_eq!(node_json(&env, "new-node", &["heartbeat"])["capacity"], 0);
    // An isolated node cannot send a cluster heartbeat.
    env.ok(&["instance", "register", "iso", "--node-type", "isolated"]);
    assert_status(&as_node(&env, "iso", &["heartbeat"]), 78, &["heartbeat"]);
});

db_test!(ping_reports_instances_groups_and_consumed_capacity, |env| {
    node_json(&env, "ctl1", &["heartbeat"]);
    env.ok(&["instance", "register", "ctl1", "--node-type", "hybrid", "--group", "tower"]);
    env.ok(&["instance", "register", "iso1", "--node-type", "isolated", "--controller-group", "tower"]);
    env.sql_exec("UPDATE instance SET capacity = 40 WHERE hostname = 'iso1'");
    env.apply("organizations: [{name: O}]\ninventories:\n  - name: inv\n    organization: O\n    hosts: [a, b, c]\n");
    let now = awxm::time::now_str();
    env.sql_exec(&format!(
        "INSERT INTO job (name, status, execution_node, inventory_id, forks, task_impact, pid, created, modified) VALUES
           ('3 hosts', 'running', 'ctl1', (SELECT id FROM inventory WHERE name = 'inv'), 0, 0, {pid}, '{now}', '{now}'),
           ('stored impact', 'waiting', 'iso1', NULL, 0, 7, NULL, '{now}', '{now}'),
           ('finished', 'successful', 'ctl1', NULL, 0, 9, NULL, '{now}', '{now}');
         INSERT INTO project_update (name, status, execution_node, job_type, created, modified) VALUES ('pu', 'running', 'ctl1', 'check', '{now}', '{now}');",
        pid = std::process::id()
    ));
    let p = node_json(&env, "ctl1", &["ping"]);
    assert_eq!(
        (p["ha"].as_bool(), p["active_node"].as_str(), p["active_node_registered"].as_bool()),
        (Some(true), Some("ctl1"), Some(true))
    );
    assert_eq!(p["version"], env!("CARGO_PKG_VERSION"));
    let ctl1 = by_host(&p, "ctl1");
    let cap = ctl1["capacity"].as_i64().unwrap();
    assert_eq!((ctl1["consumed_capacity"].as_i64(), ctl1["jobs_running"].as_i64()), (Some(4 + 1), Some(2)), "{ctl1}");
    assert_eq!(ctl1["remaining_capacity"].as_i64(), Some(cap - 5));
    assert!(ctl1["heartbeat"].is_string());
    let iso1 = by_host(&p, "iso1");
    assert_eq!((iso1["consumed_capacity"].as_i64(), iso1["heartbeat"].is_null()), (Some(7), true));
    assert_eq!(p["consumed_capacity"], 12);
    assert_eq!(p["capacity"].as_i64(), Some(cap + 40));
    let groups = p["instance_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!((groups[0]["name"].as_str(), groups[0]["capacity"].as_i64()), (Some("tower"), Some(cap)));
    assert_eq!(
        groups[1],
        json!({"name": "tower-isolated", "capacity": 40, "consumed_capacity": 7, "is_isolated": true, "controller": "tower", "instances": ["iso1"]})
    );
    let human = String::from_utf8(as_node(&env, "ctl1", &["ping"]).stdout).unwrap();
    assert!(human.contains("tower-isolated") && human.contains("iso1"), "{human}");
});
