//! run_job on isolated nodes: real sshd nodes on loopback (this machine, reached as root through
//! a test sshd), whose ansible-playbook is the test virtualenv's. The controller copies the job
//! over SFTP, starts it detached, polls its output and events back, and cleans up.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::sshd::*;
use crate::support::*;

const NODE: &str = "ctl1";

/// A controller (this test's database) with isolated nodes.
struct Cluster<'a> {
    env: &'a TestEnv,
    known_hosts: PathBuf,
}

impl<'a> Cluster<'a> {
    fn new(env: &'a TestEnv) -> Cluster<'a> {
        let doc = json!({"credentials": [{"name": "node-key", "kind": "machine", "inputs": {"username": "root", "ssh_key_data": client_key_text()}}]});
        env.apply(&doc.to_string());
        let known_hosts = env.path().join("known_hosts");
        std::fs::write(&known_hosts, "").unwrap();
        std::fs::write(env.path().join("awxm.yaml"), format!("data_dir: {}\n", env.path().join("data/awxm").display())).unwrap();
        // Fast polling and a short grace period keep the tests quick.
        env.ok(&["settings", "set", "awx_isolated_check_interval", "0.2"]);
        env.ok(&["settings", "set", "isolated_node_grace_period", "3"]);
        env.ok(&["settings", "set", "job_termination_grace_period", "2"]);
        Cluster { env, known_hosts }
    }

    fn work_dir(&self, name: &str) -> PathBuf {
        self.env.path().join("work").join(name)
    }

    /// Register node `name` reached through `s`, in instance group `group`, with `capacity`.
    fn node(&self, name: &str, s: &Sshd, group: &str, capacity: i64) {
        self.node_with_bin(name, s, group, capacity, &venv_bin());
    }

    /// [`node`](Self::node) with `bin` as the node's ansible bin dir.
    fn node_with_bin(&self, name: &str, s: &Sshd, group: &str, capacity: i64, bin: &Path) {
        let mut text = std::fs::read_to_string(&self.known_hosts).unwrap();
        text.push_str(&s.known_hosts_line());
        std::fs::write(&self.known_hosts, text).unwrap();
        let port = s.port.to_string();
        let work = self.work_dir(name);
        self.env.ok(&[
            "instance",
            "register",
            name,
            "--node-type",
            "isolated",
            "--group",
            group,
            "--ssh-host",
            &s.addr,
            "--ssh-port",
            &port,
            "--credential",
            "node-key",
            "--ansible-bin-dir",
            bin.to_str().unwrap(),
            "--work-dir",
            work.to_str().unwrap(),
        ]);
        self.env.sql_exec(&format!("UPDATE instance SET capacity = {capacity} WHERE hostname = '{name}'"));
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut c = self.env.cmd();
        c.env("AWXM_NODE_NAME", NODE)
            .env("AWXM_CONFIG", self.env.path().join("awxm.yaml"))
            .env("AWXM_KNOWN_HOSTS", &self.known_hosts)
            .env("AWXM_ANSIBLE_BIN_DIR", venv_bin());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run awxm")
    }

    /// `awxm --format json ARGS` → (exit code, document).
    fn json(&self, args: &[&str]) -> (i32, Value) {
        let mut a = vec!["--format", "json"];
        a.extend_from_slice(args);
        let out = self.run(&a);
        let v = json_stdout(&a, &out.stdout);
        (out.status.code().unwrap_or(-1), v)
    }

    /// Start `awxm ARGS` in the background (its JSON result on stdout).
    fn spawn(&self, args: &[&str]) -> Child {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("awxm"));
        for (k, _) in std::env::vars() {
            if k.starts_with("AWXM_") {
                c.env_remove(k);
            }
        }
        c.env("AWXM_DATABASE_URL", &self.env.url)
            .env("AWXM_SECRET_KEY_FILE", self.env.secret_key())
            .env("HOME", self.env.path())
            .env("NO_COLOR", "1")
            .env("AWXM_NODE_NAME", NODE)
            .env("AWXM_CONFIG", self.env.path().join("awxm.yaml"))
            .env("AWXM_KNOWN_HOSTS", &self.known_hosts)
            .current_dir(self.env.path())
            .args(["--format", "json"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c.spawn().expect("spawn awxm")
    }

    fn show(&self, id: i64) -> Value {
        self.json(&["job", "show", &id.to_string()]).1
    }

    fn events(&self, id: i64) -> Vec<Value> {
        let out = self.run(&["--format", "jsonl", "job", "events", &id.to_string()]);
        jsonl_stdout(&["job", "events"], &out.stdout)
    }

    fn stdout(&self, id: i64) -> String {
        stdout(&self.run(&["job", "stdout", &id.to_string(), "--no-color"]))
    }
}

/// Project, inventory (one local host) and templates: `t` (in instance group `iso`) and
/// `t-local` (no instance group), both running `site.yml`.
fn resources(env: &TestEnv, playbook: &str) {
    env.write("project/site.yml", playbook);
    let py = venv_bin().join("python");
    let yaml = format!(
        "projects:\n  - name: p\n    local_path: {dir}\ninventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {py}}}\n    hosts:\n      - name: h1\njob_templates:\n  - name: t\n    project: p\n    playbook: site.yml\n    inventory: inv\n    instance_groups: [iso]\n    allow_simultaneous: true\n  - name: t-local\n    project: p\n    playbook: site.yml\n    inventory: inv\n",
        dir = env.path().join("project").display(),
        py = py.display(),
    );
    env.apply(&yaml);
}

fn ppid(pid: i32) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 1..].split_whitespace().nth(1)?.parse().ok()
}

/// The per-connection sshd processes of `s` (the listener's sshd descendants, not the shells
/// they run): killing them drops every SSH connection without touching the server, the
/// commands it runs or what it started.
fn connections(s: &Sshd) -> Vec<i32> {
    let cfg = s.dir.join("sshd_config").display().to_string();
    let mut found = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while found.is_empty() && Instant::now() < deadline {
        let listener = procs_with(&cfg);
        for e in std::fs::read_dir("/proc").expect("/proc").flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
            let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if !cmd.starts_with(b"sshd") || listener.contains(&pid) {
                continue;
            }
            let parent = ppid(pid);
            let grandparent = parent.and_then(ppid);
            if parent.is_some_and(|p| listener.contains(&p)) || grandparent.is_some_and(|p| listener.contains(&p)) {
                found.push(pid);
            }
        }
        if found.is_empty() {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    found
}

fn kill(pids: &[i32]) {
    if pids.is_empty() {
        let ps = Command::new("ps").args(["-eo", "pid,ppid,sid,args"]).output().unwrap();
        panic!("no SSH connection to drop:\n{}", String::from_utf8_lossy(&ps.stdout));
    }
    for p in pids {
        let _ = Command::new("kill").args(["-KILL", &p.to_string()]).status();
    }
}

/// A `sleep` unique to this test and backend (the SQLite and PostgreSQL variants run at once).
fn sleeper(env: &TestEnv, base: u32) -> String {
    let frac = match env.backend {
        Backend::Sqlite => "25",
        Backend::Postgres => "75",
    };
    format!("sleep {base}.{frac}")
}

/// Whether the node's work directory `p` exists and holds nothing (the job's directory was
/// removed from it). A missing or unreadable directory fails the test: it would mean the path
/// is wrong or the job never ran there, not that the cleanup worked.
fn is_empty_dir(p: &Path) -> bool {
    let entries: Vec<_> = std::fs::read_dir(p)
        .unwrap_or_else(|e| panic!("the node's work directory {} cannot be read: {e}", p.display()))
        .map(|e| e.expect("directory entry").file_name())
        .collect();
    entries.is_empty()
}

/// (event, host, task, stdout) of each event, in order.
fn event_shape(evs: &[Value]) -> Vec<(String, String, String, String)> {
    evs.iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or("").to_string();
            (s("event"), s("host"), s("task"), s("stdout"))
        })
        .collect()
}

fn counters_once(evs: &[Value]) {
    let counters: Vec<i64> = evs.iter().map(|e| e["counter"].as_i64().unwrap()).collect();
    assert_eq!(counters, (1..=evs.len() as i64).collect::<Vec<_>>(), "every event exactly once, in order");
    assert_eq!(evs.first().unwrap()["event"], "playbook_on_start");
    assert_eq!(evs.last().unwrap()["event"], "playbook_on_stats");
}

// ---- tests -----------------------------------------------------------------------------------

db_test!(isolated_job_runs_on_the_node_like_a_local_one_and_cleans_up, |env| {
    let s = Sshd::start();
    let c = Cluster::new(&env);
    c.node("iso1", &s, "iso", 10);
    resources(
        &env,
        "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: greet\n      debug: msg=\"hello {{ inventory_hostname }}\"\n    - name: change something\n      command: /bin/true\n    - name: loop\n      debug: msg={{ item }}\n      loop: [1, 2]\n",
    );
    let (code, r) = c.json(&["run_job", "t"]);
    assert_eq!((code, r["status"].as_str(), r["rc"].as_i64()), (0, Some("successful"), Some(0)), "{r}");
    assert_eq!(r["execution_node"], "iso1");
    let id = r["id"].as_i64().unwrap();
    let show = c.show(id);
    assert_eq!((show["execution_node"].as_str(), show["controller_node"].as_str()), (Some("iso1"), Some(NODE)), "{show}");
    assert_eq!(show["instance_group"], "iso");
    assert_eq!(show["isolated_dir"], "");
    let work = c.work_dir("iso1").display().to_string();
    assert!(show["job_cwd"].as_str().unwrap().starts_with(&work), "{show}");
    assert!(show["job_args"][0].as_str().unwrap().ends_with("/ansible-playbook"));
    assert!(is_empty_dir(&c.work_dir("iso1")), "the job's directory is removed from the node");
    assert_eq!(r["host_summaries"]["h1"]["changed"], 1);
    let human = stdout(&c.run(&["job", "show", &id.to_string()]));
    assert!(human.contains("controller_node") && human.contains(NODE), "{human}");

    // The same playbook run locally gives the same events and output.
    let (code, l) = c.json(&["run_job", "t-local"]);
    assert_eq!((code, l["execution_node"].as_str()), (0, Some(NODE)), "{l}");
    let lid = l["id"].as_i64().unwrap();
    // A local job's controller is the node that runs it (AWX: a hybrid node controls its own jobs).
    assert_eq!(c.show(lid)["controller_node"], NODE);
    let (remote_evs, local_evs) = (c.events(id), c.events(lid));
    counters_once(&remote_evs);
    assert_eq!(event_shape(&remote_evs), event_shape(&local_evs));
    assert_eq!(c.stdout(id), c.stdout(lid));
    assert!(c.stdout(id).contains("TASK [greet]"));
    assert_eq!(r["host_summaries"], l["host_summaries"]);

    // A failing playbook fails the job, with its output.
    env.write("project/site.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: boom\n      fail: msg=exploded\n");
    let (code, f) = c.json(&["run_job", "t"]);
    assert_eq!((code, f["status"].as_str(), f["rc"].as_i64()), (1, Some("failed"), Some(2)), "{f}");
    assert_eq!(f["host_summaries"]["h1"]["failures"], 1);
    let fid = f["id"].as_i64().unwrap();
    assert!(c.events(fid).iter().any(|e| e["event"] == "runner_on_failed" && e["failed"] == true));
    assert!(c.stdout(fid).contains("exploded"));
    assert!(is_empty_dir(&c.work_dir("iso1")));
});

fn job_row(env: &TestEnv, id: i64, cond: &str) -> bool {
    env.sql_count(&format!("SELECT count(*) FROM job WHERE id = {id} AND {cond}")) == 1
}

fn finish(child: Child) -> (i32, Value) {
    let out = child.wait_with_output().expect("wait for awxm");
    let v = json_stdout(&["run_job"], &out.stdout);
    (out.status.code().unwrap_or(-1), v)
}

db_test!(isolated_job_survives_dropped_connections_with_every_event_once, |env| {
    let s = Sshd::start();
    let c = Cluster::new(&env);
    c.node("iso1", &s, "iso", 10);
    let tasks: String = (1..=8).map(|i| format!("    - name: step {i}\n      command: sleep 0.3\n")).collect();
    resources(&env, &format!("- hosts: all\n  gather_facts: false\n  tasks:\n{tasks}"));
    let child = c.spawn(&["run_job", "t"]);
    // The connection drops twice while the job runs (the job itself is not touched).
    for n in [4, 10] {
        wait_until("events", Duration::from_secs(60), || env.sql_count("SELECT count(*) FROM job_event WHERE job_id = 1") >= n);
        kill(&connections(&s));
    }
    let (code, r) = finish(child);
    assert_eq!((code, r["status"].as_str()), (0, Some("successful")), "{r}");
    let evs = c.events(1);
    counters_once(&evs);
    for i in 1..=8 {
        let task = format!("step {i}");
        let oks = evs.iter().filter(|e| e["event"] == "runner_on_ok" && e["task"] == task.as_str()).count();
        assert_eq!(oks, 1, "{task}");
        assert_eq!(c.stdout(1).matches(&format!("TASK [{task}]")).count(), 1);
    }
    assert_eq!(c.show(1)["emitted_events"].as_i64(), Some(evs.len() as i64));
    assert!(s.log().matches("Accepted publickey").count() >= 3, "the controller reconnected:\n{}", s.log());
    assert!(is_empty_dir(&c.work_dir("iso1")));
});

db_test!(isolated_node_lost_for_good_errors_the_job_and_the_heartbeat_reaps_it, |env| {
    let mut s = Sshd::start();
    let c = Cluster::new(&env);
    c.node("iso1", &s, "iso", 10);
    let sleep = sleeper(&env, 30);
    resources(&env, &format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: {sleep}\n"));
    let child = c.spawn(&["run_job", "t"]);
    wait_until("the job to run on the node", Duration::from_secs(60), || !procs_with(&sleep).is_empty());
    // The node goes away: no server, no connections.
    let conns = connections(&s);
    s.stop();
    kill(&conns);
    let (code, r) = finish(child);
    assert_eq!((code, r["status"].as_str()), (1, Some("error")), "{r}");
    assert!(r["job_explanation"].as_str().unwrap().contains("Lost contact with isolated instance iso1"), "{r}");
    let show = c.show(1);
    assert!(show["isolated_dir"].as_str().unwrap().starts_with(c.work_dir("iso1").to_str().unwrap()), "{show}");
    assert!(!procs_with(&sleep).is_empty(), "the node keeps running what it was given");

    // Back again: the heartbeat stops what is left of the job and removes its directory.
    s.restart();
    let (code, hb) = c.json(&["isolated_heartbeat", "--instance", "iso1", "--probe-timeout", "10"]);
    let ps = Command::new("ps").args(["-eo", "pid,ppid,sid,stat,args"]).output().unwrap();
    assert_eq!((code, &hb["instances"][0]["reaped_jobs"]), (0, &json!([1])), "{hb}\n{}", String::from_utf8_lossy(&ps.stdout));
    wait_until("the job's processes to stop", Duration::from_secs(10), || procs_with(&sleep).is_empty());
    assert!(is_empty_dir(&c.work_dir("iso1")));
    assert_eq!(c.show(1)["isolated_dir"], "");
    let (_, hb) = c.json(&["isolated_heartbeat", "--instance", "iso1"]);
    assert_eq!(hb["instances"][0]["reaped_jobs"], json!([]));
});

db_test!(isolated_job_cancel_and_timeout_reach_the_node, |env| {
    let s = Sshd::start();
    let c = Cluster::new(&env);
    c.node("iso1", &s, "iso", 10);
    let sleep = sleeper(&env, 40);
    resources(&env, &format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: {sleep}\n"));
    let child = c.spawn(&["run_job", "t"]);
    wait_until("the job to run on the node", Duration::from_secs(60), || !procs_with(&sleep).is_empty());
    let (code, r) = c.json(&["job", "cancel", "1"]);
    assert_eq!((code, r["status"].as_str()), (0, Some("canceled")), "{r}");
    let (code, r) = finish(child);
    assert_eq!((code, r["status"].as_str()), (1, Some("canceled")), "{r}");
    wait_until("the job's processes to stop", Duration::from_secs(10), || procs_with(&sleep).is_empty());
    assert!(is_empty_dir(&c.work_dir("iso1")));

    let started = Instant::now();
    let (code, r) = c.json(&["run_job", "t", "--timeout", "3"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("failed")), "{r}");
    assert_eq!(r["job_explanation"], "Job terminated due to timeout");
    assert!(started.elapsed() < Duration::from_secs(30));
    wait_until("the job's processes to stop", Duration::from_secs(10), || procs_with(&sleep).is_empty());
    assert!(is_empty_dir(&c.work_dir("iso1")));
});

db_test!(isolated_jobs_go_to_the_node_with_the_most_free_capacity, |env| {
    let (s1, s2) = (Sshd::start(), Sshd::start());
    let c = Cluster::new(&env);
    // One host, forks 0: each job's task impact is min(1, 5) + 1 = 2.
    c.node("iso1", &s1, "iso", 2);
    c.node("iso2", &s2, "iso", 3);
    // A node without a working ansible-playbook: isolated_heartbeat gives it capacity 0 and the error.
    c.node("iso3", &s2, "iso", 0);
    env.sql_exec("UPDATE instance SET errors = 'no executable ansible-playbook in ansible_bin_dir /x' WHERE hostname = 'iso3'");
    let sleep = sleeper(&env, 40);
    resources(&env, &format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: {sleep}\n"));
    let running_on = |id: i64, node: &str| job_row(&env, id, &format!("status = 'running' AND execution_node = '{node}'"));
    let a = c.spawn(&["run_job", "t"]);
    wait_until("job 1 on iso2", Duration::from_secs(60), || running_on(1, "iso2"));
    // --instance-group sends a template without groups to the isolated group: iso1 has more room now.
    let b = c.spawn(&["run_job", "t-local", "--instance-group", "iso"]);
    wait_until("job 2 on iso1", Duration::from_secs(60), || running_on(2, "iso1"));
    assert_eq!(c.show(2)["instance_group"], "iso");

    let (code, r) = c.json(&["run_job", "t", "--no-wait"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("failed")), "{r}");
    // AWX's text; iso1 (0 of 2 left), iso2 (1 of 3) and iso3 (no capacity) cannot take 2.
    assert_eq!(r["job_explanation"], "This job is not ready to start because there is not enough available capacity.", "{r}");

    // Without --no-wait the job stays pending until a node has room.
    let d = c.spawn(&["run_job", "t"]);
    wait_until("job 4 pending", Duration::from_secs(30), || {
        job_row(&env, 4, "status = 'pending' AND job_explanation LIKE 'This job is not ready to start%'")
    });
    assert_eq!(c.json(&["job", "cancel", "1"]).0, 0);
    wait_until("job 4 on iso2", Duration::from_secs(60), || running_on(4, "iso2"));
    assert_eq!(c.show(4)["job_explanation"], "");
    assert_eq!(c.json(&["job", "cancel", "2"]).0, 0);
    assert_eq!(c.json(&["job", "cancel", "4"]).0, 0);
    for (child, id) in [(a, 1), (b, 2), (d, 4)] {
        let (code, r) = finish(child);
        assert_eq!((code, r["status"].as_str(), r["id"].as_i64()), (1, Some("canceled"), Some(id)), "{r}");
    }
    wait_until("the jobs' processes to stop", Duration::from_secs(10), || procs_with(&sleep).is_empty());
    assert!(is_empty_dir(&c.work_dir("iso1")) && is_empty_dir(&c.work_dir("iso2")));
    assert!(!c.work_dir("iso3").exists(), "nothing was ever placed on iso3, which has no capacity");
});

db_test!(isolated_job_loads_the_machine_key_into_an_agent_on_the_node, |env| {
    let s = Sshd::start();
    let c = Cluster::new(&env);
    c.node("iso1", &s, "iso", 10);
    // The job's own target host is reached over SSH with a passphrase-protected key.
    let phrase = "Iso-Key-Passphrase-4471";
    let key = new_key(env.path(), "jobkey", phrase);
    let pubkey = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let mut auth = std::fs::read_to_string(s.dir.join("authorized_keys")).unwrap();
    auth.push_str(&pubkey);
    std::fs::write(s.dir.join("authorized_keys"), auth).unwrap();
    let private = std::fs::read_to_string(&key).unwrap();
    env.write(
        "project/site.yml",
        "- hosts: all\n  gather_facts: false\n  tasks:\n    - shell: echo over-ssh-$SSH_CONNECTION\n      register: r\n    - debug: var=r.stdout\n",
    );
    let doc = json!({
        "credentials": [{"name": "m", "kind": "machine", "inputs": {"username": "root", "ssh_key_data": private, "ssh_key_unlock": phrase}}],
        "projects": [{"name": "p", "local_path": env.path().join("project").display().to_string()}],
        "inventories": [{"name": "inv", "hosts": [{"name": "remote", "variables": {
            "ansible_connection": "ssh", "ansible_host": s.addr, "ansible_port": s.port,
            "ansible_ssh_args": "-o ControlMaster=no -o UserKnownHostsFile=/dev/null",
            "ansible_python_interpreter": venv_bin().join("python").display().to_string()}}]}],
        "job_templates": [{"name": "t", "project": "p", "playbook": "site.yml", "inventory": "inv", "credentials": ["m"], "instance_groups": ["iso"]}],
    });
    env.apply(&doc.to_string());
    let (code, r) = c.json(&["run_job", "t"]);
    let text = c.stdout(1);
    assert_eq!((code, r["status"].as_str()), (0, Some("successful")), "{r}\n{text}");
    assert!(text.contains("over-ssh-") && text.contains(&format!("{} {}\"", s.addr, s.port)), "{text}");
    let show = c.show(1);
    let sock = show["job_env"]["SSH_AUTH_SOCK"].as_str().unwrap();
    assert!(sock.starts_with(c.work_dir("iso1").to_str().unwrap()), "the job's agent on the node: {sock}");
    let doc = show.to_string();
    assert!(!doc.contains(private.lines().nth(1).unwrap()) && !doc.contains(phrase), "key material stored: {doc}");
    assert!(is_empty_dir(&c.work_dir("iso1")));

    // A wrong passphrase: the job errors, naming the credential.
    let doc = json!({"credentials": [{"name": "m", "kind": "machine", "inputs": {"username": "root", "ssh_key_data": private, "ssh_key_unlock": "wrong"}}]});
    env.apply(&doc.to_string());
    let (code, r) = c.json(&["run_job", "t"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("error")), "{r}");
    let why = r["job_explanation"].as_str().unwrap();
    assert!(why.contains("credential \"m\"") && why.contains("could not be loaded into ssh-agent"), "{why}");
    assert!(is_empty_dir(&c.work_dir("iso1")));
});

/// The ansible-core version of the test virtualenv's ansible-playbook.
fn real_core_version() -> String {
    let out = Command::new(venv_bin().join("ansible-playbook")).arg("--version").output().expect("run ansible-playbook --version");
    let text = String::from_utf8_lossy(&out.stdout);
    let at = text.find("[core ").unwrap_or_else(|| panic!("no [core …] in {text}")) + "[core ".len();
    text[at..].split(']').next().unwrap().to_string()
}

/// A bin dir whose `ansible-playbook` (a shell script, like a wrapper or a distribution's
/// launcher) prints warnings on stdout and on stderr before anything else — as Python does for
/// deprecated modules or a broken locale — then runs the test virtualenv's.
fn warning_ansible_bin(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("warnbin");
    std::fs::create_dir_all(&bin).unwrap();
    let real = venv_bin().join("ansible-playbook");
    let script = format!(
        "#!/bin/sh\n\
         echo '[DEPRECATION WARNING]: this node warns on stdout first (version 1.2.3). This feature will be removed in version 2.99.'\n\
         echo '/usr/lib/python3/dist-packages/ansible/_ssh_agent.py:18: CryptographyDeprecationWarning: DSA is deprecated [core 0.0.0]' >&2\n\
         echo 'perl: warning: Setting locale failed.' >&2\n\
         echo 'bash: warning: setlocale: LC_ALL: cannot change locale (xx_XX.UTF-8)' >&2\n\
         exec '{}' \"$@\"\n",
        real.display()
    );
    let ap = bin.join("ansible-playbook");
    std::fs::write(&ap, script).unwrap();
    std::fs::set_permissions(&ap, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

db_test!(isolated_node_whose_ansible_warns_first_is_probed_and_runs_jobs, |env| {
    let s = Sshd::start();
    let c = Cluster::new(&env);
    let bin = warning_ansible_bin(env.path());
    // Capacity 0 until the heartbeat has probed the node: jobs go there only if the probe works.
    c.node_with_bin("iso1", &s, "iso", 0, &bin);
    let (code, r) = c.json(&["isolated_heartbeat", "--timeout", "30"]);
    let n = &r["instances"][0];
    assert_eq!((code, r["failed"].as_u64()), (0, Some(0)), "{r}");
    assert_eq!(n["errors"], json!([]), "{n}");
    let want = real_core_version();
    assert_eq!(n["ansible_version"].as_str(), Some(want.as_str()), "{n}");
    assert_eq!(n["version"].as_str(), Some(format!("ansible-core-{want}").as_str()), "{n}");
    assert!(n["capacity"].as_i64().unwrap() > 0, "{n}");
    assert_eq!(n["ansible_playbook"].as_str(), Some(bin.join("ansible-playbook").to_str().unwrap()), "{n}");
    let stored = c.json(&["show", "instance", "iso1"]).1;
    assert!(stored["capacity"].as_i64().unwrap() > 0, "{stored}");
    assert_eq!(stored["errors"], "", "{stored}");

    resources(
        &env,
        "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: greet\n      debug: msg=\"hello {{ inventory_hostname }}\"\n",
    );
    let (code, j) = c.json(&["run_job", "t"]);
    assert_eq!((code, j["status"].as_str(), j["rc"].as_i64()), (0, Some("successful"), Some(0)), "{j}");
    assert_eq!(j["execution_node"], "iso1");
    let id = j["id"].as_i64().unwrap();
    assert!(c.show(id)["job_args"][0].as_str().unwrap().starts_with(bin.to_str().unwrap()));
    assert!(c.stdout(id).contains("hello h1"), "{}", c.stdout(id));
    assert_eq!(j["host_summaries"]["h1"]["ok"], 1, "{j}");
    assert!(is_empty_dir(&c.work_dir("iso1")), "the job's directory is removed from the node");
});

db_test!(isolated_job_uses_and_keeps_the_fact_cache, |env| {
    let s = Sshd::start();
    let c = Cluster::new(&env);
    c.node("iso1", &s, "iso", 10);
    resources(
        &env,
        "- hosts: all\n  gather_facts: false\n  tasks:\n    - set_fact:\n        tier: \"node-{{ inventory_hostname }}\"\n        cacheable: true\n",
    );
    env.sql_exec("UPDATE job_template SET use_fact_cache = TRUE");
    let (code, r) = c.json(&["run_job", "t"]);
    assert_eq!((code, r["execution_node"].as_str()), (0, Some("iso1")), "{r}");
    let (_, h) = c.json(&["show", "host", "inv/h1"]);
    assert_eq!(h["ansible_facts"]["tier"], "node-h1", "facts written on the node come back: {h}");
    let modified = h["ansible_facts_modified"].clone();
    assert!(modified.is_string(), "{h}");
    assert!(is_empty_dir(&c.work_dir("iso1")));

    // The next run on the node sees them; writing none leaves them as they were.
    env.write(
        "project/site.yml",
        "- hosts: all\n  gather_facts: false\n  tasks:\n    - assert:\n        that: \"ansible_facts.tier == 'node-h1'\"\n",
    );
    let (code, r) = c.json(&["run_job", "t"]);
    assert_eq!((code, r["status"].as_str()), (0, Some("successful")), "{r}");
    let (_, h) = c.json(&["show", "host", "inv/h1"]);
    assert_eq!(h["ansible_facts_modified"], modified, "{h}");
    env.sql_exec("UPDATE job_template SET use_fact_cache = FALSE");
    let (code, _) = c.json(&["run_job", "t"]);
    assert_eq!(code, 1, "without the cache the assertion fails");
});

// An ad hoc command against an inventory in an isolated instance group runs on the node, like a
// job: its events come back, the node's directory is removed.
db_test!(isolated_ad_hoc_command_runs_on_the_node, |env| {
    let s = Sshd::start();
    let c = Cluster::new(&env);
    c.node("iso1", &s, "iso", 10);
    let py = venv_bin().join("python");
    env.apply(&format!(
        "inventories:\n  - name: remote\n    instance_groups: [iso]\n    variables: {{ansible_connection: local, ansible_python_interpreter: {}}}\n    hosts:\n      - name: h1\n      - name: h2\n",
        py.display()
    ));
    let (code, r) = c.json(&["ad_hoc", "remote", "-m", "command", "-a", "echo from-the-node", "--verbosity", "1"]);
    assert_eq!((code, r["status"].as_str()), (0, Some("successful")), "{r}");
    assert_eq!(r["execution_node"], "iso1", "{r}");
    assert_eq!(r["host_summaries"]["h1"]["changed"], 1, "{r}");
    assert_eq!(r["host_summaries"]["h2"]["changed"], 1, "{r}");
    let id = r["id"].as_i64().unwrap();
    let show = c.show(id);
    assert_eq!(show["type"], "ad_hoc_command", "{show}");
    let args = show["job_args"].clone();
    assert!(args[0].as_str().unwrap().ends_with("/ansible"), "ran ansible, not ansible-playbook: {args}");
    let evs = c.events(id);
    counters_once(&evs);
    assert_eq!(evs.iter().filter(|e| e["event"] == "runner_on_ok").count(), 2, "{evs:?}");
    let text = c.stdout(id);
    assert!(text.contains("from-the-node"), "{text}");
    assert!(is_empty_dir(&c.work_dir("iso1")), "the command's directory is removed from the node");
});
