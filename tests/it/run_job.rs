//! run_job, project_update and `job …`: real ansible-playbook runs (connection local, and SSH
//! against a private sshd on loopback), real git over file:// and smart HTTP with basic auth.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::*;

// ---- helpers ---------------------------------------------------------------------------------

/// A config file keeping the data dir (projects, job output) inside the test dir, even as root.
fn config(env: &TestEnv) -> PathBuf {
    let p = env.path().join("awxm.yaml");
    if !p.exists() {
        std::fs::write(&p, format!("data_dir: {}\n", env.path().join("data/awxm").display())).unwrap();
    }
    p
}

fn awxm(env: &TestEnv) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("AWXM_ANSIBLE_BIN_DIR", venv_bin()).env("AWXM_CONFIG", config(env));
    c
}

/// Whether a process exists and is not a zombie.
fn alive(pid: i64) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| s.rfind(')').map(|i| !s[i + 1..].trim_start().starts_with('Z')).unwrap_or(false))
        .unwrap_or(false)
}

fn run(env: &TestEnv, args: &[&str]) -> std::process::Output {
    awxm(env).args(args).output().expect("run awxm")
}

/// `awxm --format json ARGS` → (exit code, document).
fn run_json(env: &TestEnv, args: &[&str]) -> (i32, Value) {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let out = run(env, &a);
    let v = json_stdout(&a, &out.stdout);
    (out.status.code().unwrap_or(-1), v)
}

fn python() -> String {
    venv_bin().join("python").display().to_string()
}

/// Write the project's files under `<test dir>/project` and return the directory.
fn project(env: &TestEnv, files: &[(&str, &str)]) -> PathBuf {
    for (name, text) in files {
        env.write(&format!("project/{name}"), text);
    }
    env.path().join("project")
}

/// Apply a manual project at `<test dir>/project`, an inventory of local hosts and template `t`.
/// `hosts` is the YAML list of hosts; `extra` is appended to the job template.
fn resources(env: &TestEnv, hosts: &str, template_extra: &str, more: &str) {
    let dir = env.path().join("project");
    let yaml = format!(
        "projects:\n  - name: p\n    local_path: {dir}\ninventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {py}}}\n    hosts:\n{hosts}\njob_templates:\n  - name: t\n    project: p\n    playbook: site.yml\n    inventory: inv\n{template_extra}\n{more}",
        dir = dir.display(),
        py = python(),
    );
    env.apply(&yaml);
}

fn hosts(names: &[&str]) -> String {
    names.iter().map(|n| format!("      - name: {n}\n")).collect()
}

/// A `sleep` command line unique to this test and backend: the SQLite and PostgreSQL variants of a
/// test run at the same time, and must not see each other's processes.
fn sleeper(env: &TestEnv, base: u32) -> String {
    let frac = match env.backend {
        Backend::Sqlite => "25",
        Backend::Postgres => "75",
    };
    format!("sleep {base}.{frac}")
}

fn job(env: &TestEnv, id: i64) -> Value {
    run_json(env, &["job", "show", &id.to_string()]).1
}

fn events(env: &TestEnv, id: i64) -> Vec<Value> {
    let out = run(env, &["--format", "jsonl", "job", "events", &id.to_string()]);
    jsonl_stdout(&["job", "events"], &out.stdout)
}

fn job_stdout(env: &TestEnv, id: i64) -> String {
    stdout(&run(env, &["job", "stdout", &id.to_string(), "--no-color"]))
}

/// Host counters from Ansible's PLAY RECAP.
fn play_recap(text: &str) -> BTreeMap<String, Value> {
    let re = regex::Regex::new(
        r"(?m)^(\S+)\s+: ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)\s+skipped=(\d+)\s+rescued=(\d+)\s+ignored=(\d+)",
    )
    .unwrap();
    let recap = &text[text.find("PLAY RECAP").expect("PLAY RECAP in the output")..];
    re.captures_iter(recap)
        .map(|c| {
            let n = |i: usize| c[i].parse::<i64>().unwrap();
            (
                c[1].to_string(),
                json!({"ok": n(2), "changed": n(3), "dark": n(4), "failures": n(5), "skipped": n(6), "rescued": n(7), "ignored": n(8)}),
            )
        })
        .collect()
}

fn summaries(r: &Value) -> BTreeMap<String, Value> {
    r["host_summaries"].as_object().expect("host_summaries").iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// Assert AWX's event structure: counters 1..=n in order, and parent links.
fn check_event_tree(evs: &[Value]) {
    let counters: Vec<i64> = evs.iter().map(|e| e["counter"].as_i64().unwrap()).collect();
    assert_eq!(counters, (1..=evs.len() as i64).collect::<Vec<_>>(), "counters are 1..=n in order");
    let by_uuid: BTreeMap<&str, &Value> =
        evs.iter().filter(|e| e["event"] != "verbose").map(|e| (e["uuid"].as_str().unwrap(), e)).collect();
    let parent = |e: &Value| by_uuid.get(e["parent_uuid"].as_str().unwrap()).map(|p| p["event"].as_str().unwrap().to_string());
    assert_eq!(evs[0]["event"], "playbook_on_start");
    for e in evs {
        let kind = e["event"].as_str().unwrap();
        match kind {
            "playbook_on_play_start" | "playbook_on_stats" => assert_eq!(parent(e).as_deref(), Some("playbook_on_start"), "{e}"),
            "playbook_on_task_start" => assert_eq!(parent(e).as_deref(), Some("playbook_on_play_start"), "{e}"),
            k if k.starts_with("runner_") => {
                assert_eq!(parent(e).as_deref(), Some("playbook_on_task_start"), "{e}");
                let task = by_uuid[e["parent_uuid"].as_str().unwrap()];
                assert_eq!(e["task"], task["task"]);
                assert!(!e["host"].as_str().unwrap().is_empty());
            }
            _ => {}
        }
    }
    assert_eq!(evs.last().unwrap()["event"], "playbook_on_stats");
}

const REPORT_KEYS: &[&str] = &[
    "format_version",
    "id",
    "status",
    "rc",
    "started",
    "finished",
    "elapsed",
    "execution_node",
    "job_explanation",
    "host_summaries",
    "event_count",
];

// ---- tests -----------------------------------------------------------------------------------

db_test!(successful_run_records_events_stdout_and_summaries, |env| {
    project(
        &env,
        &[(
            "site.yml",
            "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: greet\n      debug: msg=\"hello {{ inventory_hostname }}\"\n    - name: change something\n      command: /bin/true\n    - name: only on h2\n      debug: msg=x\n      when: inventory_hostname == 'h2'\n    - name: loop\n      debug: msg={{ item }}\n      loop: [1, 2]\n",
        )],
    );
    resources(&env, &hosts(&["h1", "h2"]), "", "");
    let out = awxm(&env).args(["run_job", "t"]).output().unwrap();
    assert_status(&out, 0, &["run_job", "t"]);
    let live = stdout(&out);
    assert!(live.contains("TASK [greet]") && live.contains("PLAY RECAP"), "live output: {live}");
    assert!(live.contains("job 1 successful, rc 0"), "{live}");
    assert!(!live.contains('\x1b'), "colour is stripped when stdout is not a terminal");
    assert!(stderr(&out).is_empty(), "a successful run prints nothing on stderr: {}", stderr(&out));

    let (code, r) = run_json(&env, &["run_job", "t", "--no-follow"]);
    assert_eq!(code, 0, "{r}");
    let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, REPORT_KEYS);
    assert_eq!((r["id"].as_i64(), r["status"].as_str(), r["rc"].as_i64()), (Some(2), Some("successful"), Some(0)));
    assert!(r["elapsed"].as_f64().unwrap() > 0.0);
    assert!(r["started"].as_str().unwrap() < r["finished"].as_str().unwrap());
    assert_eq!(r["execution_node"], env.json(&["job", "show", "2"])["execution_node"]);

    let text = job_stdout(&env, 2);
    assert_eq!(summaries(&r), play_recap(&text), "host summaries equal the PLAY RECAP");
    assert_eq!(
        r["host_summaries"]["h2"],
        json!({"ok": 4, "changed": 1, "failures": 0, "dark": 0, "skipped": 0, "rescued": 0, "ignored": 0})
    );
    assert_eq!(r["host_summaries"]["h1"]["skipped"], 1);

    let evs = events(&env, 2);
    assert_eq!(r["event_count"].as_u64(), Some(evs.len() as u64));
    check_event_tree(&evs);
    let oks: Vec<&Value> = evs.iter().filter(|e| e["event"] == "runner_on_ok" && e["task"] == "change something").collect();
    assert_eq!(oks.len(), 2);
    assert!(oks.iter().all(|e| e["changed"] == true && e["event_data"]["res"]["changed"] == true));
    // The task and play of a changed result are flagged changed too (AWX's parent rule).
    let task = evs.iter().find(|e| e["event"] == "playbook_on_task_start" && e["task"] == "change something").unwrap();
    assert_eq!(task["changed"], true);
    assert_eq!(evs.iter().filter(|e| e["event"] == "runner_item_on_ok").count(), 4);
    // Event stdout is the output of that event, line numbers consecutive.
    let greet = evs.iter().find(|e| e["event"] == "runner_on_ok" && e["host"] == "h1" && e["task"] == "greet").unwrap();
    assert!(greet["stdout"].as_str().unwrap().contains("hello h1"));
    let mut line = 0;
    for e in &evs {
        assert_eq!(e["start_line"].as_i64(), Some(line), "{e}");
        line = e["end_line"].as_i64().unwrap();
    }

    let show = job(&env, 2);
    assert_eq!(show["emitted_events"].as_u64(), Some(evs.len() as u64));
    assert_eq!(show["job_template"], "t");
    assert!(show["job_args"][0].as_str().unwrap().ends_with("ansible-playbook"));
    assert_eq!(show["job_cwd"], env.path().join("project").display().to_string());
    let list = run_json(&env, &["job", "list"]).1;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(list["items"][0]["id"], 2);
    assert_eq!(run_json(&env, &["show", "job_template", "t"]).1["status"], "successful");
    // Hosts point at their last job and summary.
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE last_job_id = 2 AND last_job_host_summary_id IS NOT NULL"), 2);

    // Events re-ingested from the same bytes are not stored twice.
    let file = env.write("events.jsonl", &evs.iter().map(|e| format!("{e}\n")).collect::<String>());
    let (code, ing) = run_json(&env, &["job", "ingest", "2", "--events", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{ing}");
    assert_eq!((ing["events_read"].as_u64(), ing["events_inserted"].as_u64()), (Some(evs.len() as u64), Some(0)));

    // Full output downloaded as AWX buffers it.
    let (code, dl) = run_json(&env, &["job", "stdout", "2", "--download", "--no-color"]);
    assert_eq!(code, 0);
    let path = PathBuf::from(dl["path"].as_str().unwrap());
    assert!(path.starts_with(env.path().join("data/awxm/job_output")), "{path:?}");
    assert!(path.file_name().unwrap().to_str().unwrap().starts_with("job-2-"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // awxm created the directory, so it carries the marker cleanup_stdout --dir looks for.
    assert!(env.path().join("data/awxm/job_output/.awxm-job-output").is_file());
});

db_test!(bulk_ingest_stores_each_event_once, |env| {
    // A job row to ingest into: a run whose playbook is missing fails at once.
    project(&env, &[("site.yml", "- hosts: all\n  tasks: []\n")]);
    resources(&env, &hosts(&["h1"]), "", "");
    env.apply("job_templates:\n  - name: missing\n    project: p\n    playbook: nope.yml\n    inventory: inv\n");
    let _ = run(&env, &["run_job", "missing"]);
    let id = env.sql_count("SELECT max(id) FROM job");
    // Thousands of events, as a replay brings them: enough for the bulk paths (COPY on PostgreSQL).
    let line = |n: i64| {
        format!(
            "{}\n",
            json!({"event": "runner_on_ok", "counter": 100 + n, "uuid": format!("bulk-{n}"), "parent_uuid": "", "stdout": format!("line {n}\ttab \\ back"),
                "start_line": n, "end_line": n + 1, "created": "2026-01-01T00:00:00.000000Z", "host": "h1", "task": "t",
                "failed": false, "changed": n % 2 == 0, "event_data": {"res": {"msg": format!("m{n}")}}})
        )
    };
    let first: String = (0..1500).map(line).collect();
    let all: String = (0..4000).map(line).collect();
    let before = env.sql_count(&format!("SELECT count(*) FROM job_event WHERE job_id = {id}"));
    for (text, read, inserted) in [(&first, 1500, 1500), (&all, 4000, 2500), (&all, 4000, 0)] {
        let file = env.write("bulk.jsonl", text);
        let (code, ing) = run_json(&env, &["job", "ingest", &id.to_string(), "--events", file.to_str().unwrap()]);
        assert_eq!(code, 0, "{ing}");
        assert_eq!((ing["events_read"].as_i64(), ing["events_inserted"].as_i64()), (Some(read), Some(inserted)), "{ing}");
    }
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM job_event WHERE job_id = {id}")), before + 4000);
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM job_event WHERE job_id = {id} AND changed")), 2000);
    // Text with tabs and backslashes survives COPY's escaping.
    let out = stdout(&run(&env, &["--format", "jsonl", "job", "events", &id.to_string()]));
    assert!(out.contains(r#""stdout":"line 3999\ttab \\ back""#), "{}", &out[out.len().saturating_sub(2000)..]);
});

db_test!(task_failure_and_unreachable_host, |env| {
    project(
        &env,
        &[(
            "site.yml",
            "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: connect\n      ping:\n    - name: maybe fail\n      command: /bin/false\n      when: inventory_hostname == 'bad'\n    - name: after\n      debug: {msg: still here}\n",
        )],
    );
    let hosts = "      - name: good\n      - name: bad\n      - name: dark\n        variables: {ansible_connection: ssh, ansible_host: 127.0.0.1, ansible_port: 9, ansible_ssh_args: '-o ControlMaster=no -o ConnectTimeout=5'}\n";
    resources(&env, hosts, "", "");
    let (code, r) = run_json(&env, &["run_job", "t"]);
    assert_eq!(code, 1, "{r}");
    assert_eq!(r["status"], "failed");
    assert_ne!(r["rc"], 0);
    assert_eq!(r["job_explanation"], "");
    assert_eq!(r["host_summaries"]["bad"]["failures"], 1, "{r}\n{}", job_stdout(&env, 1));
    assert_eq!(r["host_summaries"]["dark"]["dark"], 1);
    assert_eq!(
        (r["host_summaries"]["good"]["ok"].as_i64(), r["host_summaries"]["good"]["skipped"].as_i64()),
        (Some(2), Some(1)),
        "{}",
        job_stdout(&env, 1)
    );
    assert_eq!(summaries(&r), play_recap(&job_stdout(&env, 1)));
    let evs = events(&env, 1);
    check_event_tree(&evs);
    let failed: Vec<&str> = evs.iter().filter(|e| e["failed"] == true).map(|e| e["event"].as_str().unwrap()).collect();
    for want in ["runner_on_failed", "runner_on_unreachable", "playbook_on_task_start", "playbook_on_stats"] {
        assert!(failed.contains(&want), "{want} flagged failed: {failed:?}");
    }
    let show = job(&env, 1);
    assert_eq!(show["status"], "failed");
    assert_eq!(run_json(&env, &["show", "job_template", "t"]).1["last_job_failed"], true);
    assert_eq!(run_json(&env, &["show", "inventory", "inv"]).1["hosts_with_active_failures"], 2);
    // --format human exits 1 too, with the summary line.
    let out = run(&env, &["run_job", "t", "--limit", "bad"]);
    assert_status(&out, 1, &["run_job"]);
    assert!(stdout(&out).contains("job 2 failed"), "{}", stdout(&out));
});

db_test!(check_mode_tags_and_limit, |env| {
    let marker = env.path().join("created-by-play");
    project(
        &env,
        &[(
            "site.yml",
            &format!(
                "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: write file\n      copy: {{content: x, dest: \"{}-{{{{ inventory_hostname }}}}\"}}\n      tags: [a]\n    - name: untagged\n      debug: msg=u\n    - name: tagged b\n      debug: msg=b\n      tags: [b]\n",
                marker.display()
            ),
        )],
    );
    resources(&env, &hosts(&["h1", "h2", "h3"]), "", "");
    let (code, r) = run_json(&env, &["run_job", "t", "--check", "--tags", "a", "--limit", "h1,h3", "--diff"]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(summaries(&r).keys().cloned().collect::<Vec<_>>(), ["h1", "h3"]);
    assert_eq!(r["host_summaries"]["h1"]["changed"], 1, "check mode reports the change");
    assert!(!Path::new(&format!("{}-h1", marker.display())).exists(), "check mode changed nothing");
    let tasks: Vec<String> = events(&env, 1)
        .iter()
        .filter(|e| e["event"] == "playbook_on_task_start")
        .map(|e| e["task"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(tasks, ["write file"]);
    let show = job(&env, 1);
    assert_eq!((show["job_type"].as_str(), show["limit"].as_str(), show["job_tags"].as_str()), (Some("check"), Some("h1,h3"), Some("a")));
    let args: Vec<&str> = show["job_args"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    for want in ["--check", "--diff", "-l", "-t"] {
        assert!(args.contains(&want), "{args:?}");
    }
    // Without --check the file is written; --skip-tags keeps tagged b out.
    let (code, _) = run_json(&env, &["run_job", "t", "--limit", "h2", "--skip-tags", "b"]);
    assert_eq!(code, 0);
    assert!(Path::new(&format!("{}-h2", marker.display())).exists());
    assert!(!events(&env, 2).iter().any(|e| e["task"] == "tagged b"));
});

db_test!(extra_vars_precedence, |env| {
    project(
        &env,
        &[
            (
                "site.yml",
                "- hosts: all\n  gather_facts: false\n  vars: {a: play, b: play, c: play, d: play}\n  tasks:\n    - debug: msg=\"RESULT {{ a }}-{{ b }}-{{ c }}-{{ d }}-{{ from_file }} ID={{ awx_job_id }} T={{ tower_job_template_name }} TPL={{ tmpl }} LAUNCH={{ launch }}\"\n",
            ),
            ("vars.yml", "from_file: file\nc: file\n"),
        ],
    );
    resources(&env, &hosts(&["h1"]), "    extra_vars: {a: template, b: template, tmpl: \"{{ 40 + 2 }}\"}\n", "");
    let vars_file = env.path().join("project/vars.yml");
    let at = format!("@{}", vars_file.display());
    let (code, r) = run_json(&env, &["run_job", "t", "-e", "b=launch", "-e", &at, "-e", "{\"c\": \"json\", \"launch\": \"{{ 1 + 1 }}\"}"]);
    assert_eq!(code, 0, "{r}");
    let text = job_stdout(&env, 1);
    // launch > template > play; later -e over earlier; the template's Jinja is templated,
    // launch-time Jinja is not (AWX's allow_jinja_in_extra_vars=template).
    assert!(text.contains("RESULT template-launch-json-play-file ID=1 T=t TPL=42 LAUNCH={{ 1 + 1 }}"), "{text}");
    assert_eq!(
        job(&env, 1)["extra_vars"],
        json!({"a": "template", "b": "launch", "tmpl": "{{ 40 + 2 }}", "from_file": "file", "c": "json", "launch": "{{ 1 + 1 }}"})
    );
    // Bad input is refused before anything is created.
    let out = run(&env, &["run_job", "t", "-e", "notkv"]);
    assert_status(&out, 65, &["run_job", "-e", "notkv"]);
    let out = run(&env, &["run_job", "nosuch"]);
    assert_status(&out, 66, &["run_job", "nosuch"]);
    assert_eq!(env.sql_count("SELECT count(*) FROM job"), 1);
});

const BECOME_PLUGIN: &str = r#"from __future__ import annotations
DOCUMENTATION = '''
    name: pwcheck
    short_description: test become method that checks the password typed at its prompt
    description: Runs the command only when the password answered at its prompt is right.
    author: awxm tests
    options:
        become_user:
            description: user
            default: root
            vars:
              - name: ansible_become_user
        become_pass:
            description: password
            required: false
            vars:
              - name: ansible_become_password
              - name: ansible_become_pass
            env:
              - name: ANSIBLE_BECOME_PASS
'''
import os
import shlex
from ansible.plugins.become import BecomeBase


class BecomeModule(BecomeBase):
    name = 'pwcheck'

    def build_become_command(self, cmd, shell):
        super().build_become_command(cmd, shell)
        if not cmd:
            return cmd
        self.prompt = 'pwcheck password:'
        with open(os.path.join(os.path.dirname(__file__), 'expected')) as f:
            expected = f.read().strip()
        success = self._build_success_command(cmd, shell)
        script = 'printf "%%s " %s; IFS= read -r pw; if [ "$pw" != %s ]; then echo "pwcheck: wrong password" >&2; exit 1; fi; %s' % (
            shlex.quote(self.prompt), shlex.quote(expected), success)
        return '/bin/sh -c %s' % shlex.quote(script)
"#;

db_test!(big_integers_reach_the_playbook_exactly, |env| {
    // Host, inventory and extra variables beyond 64 bits: Ansible (Python ints) must see every
    // digit, through the job's inventory and env/extravars; an infinite float stays a float.
    project(
        &env,
        &[(
            "site.yml",
            "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=\"BIG {{ hv + 1 }} {{ iv }} {{ ev - 1 }} {{ tv }} {{ inf > 1e308 }} {{ inf | type_debug }}\"\n",
        )],
    );
    resources(
        &env,
        "      - name: h1\n        variables: {hv: 99999999999999999999999999999999, inf: .inf}\n",
        "    extra_vars: {tv: -1234567890123456789012345678901234567890}\n",
        "",
    );
    env.apply(&format!(
        "inventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {}, iv: 123456789012345678901234567890123456789012}}\n",
        python()
    ));
    let (code, r) = run_json(&env, &["run_job", "t", "-e", "{\"ev\": 100000000000000000000000000000000000000000000}"]);
    assert_eq!(code, 0, "{r}");
    let text = job_stdout(&env, 1);
    assert!(
        text.contains(
            "BIG 100000000000000000000000000000000 123456789012345678901234567890123456789012 99999999999999999999999999999999999999999999 -1234567890123456789012345678901234567890 True float"
        ),
        "{text}"
    );
});

db_test!(become_password_is_answered_through_the_pty_and_redacted, |env| {
    let secret = "B3come-S3cret-4711";
    project(
        &env,
        &[
            ("become_plugins/pwcheck.py", BECOME_PLUGIN),
            ("become_plugins/expected", secret),
            (
                "site.yml",
                &format!(
                    "- hosts: all\n  gather_facts: false\n  vars: {{leak: \"{secret}\"}}\n  tasks:\n    - name: needs become\n      command: echo became-ok\n      become: true\n      register: r\n    - name: print a secret\n      debug: msg=\"the password is {{{{ leak }}}} and {{{{ r.stdout }}}}\"\n"
                ),
            ),
        ],
    );
    let creds = format!(
        "credentials:\n  - name: m\n    kind: machine\n    inputs: {{username: root, become_method: pwcheck, become_username: nobody, become_password: \"{secret}\"}}\n"
    );
    resources(&env, &hosts(&["h1"]), "    credentials: [m]\n    become_enabled: true\n", &creds);
    let out = run(&env, &["run_job", "t"]);
    let live = stdout(&out);
    assert_status(&out, 0, &["run_job", "t"]);
    assert!(live.contains("BECOME password:"), "the prompt was answered through the pty: {live}");
    assert!(live.contains("the password is $encrypted$ and became-ok"), "{live}");
    // The secret is nowhere: live output, stored stdout, events, job record, args, env.
    let show = env.ok(&["--format", "json", "job", "show", "1"]);
    let evs = env.ok(&["--format", "jsonl", "job", "events", "1"]);
    for (what, text) in
        [("live output", live.as_str()), ("stdout", &job_stdout(&env, 1)), ("job show", &show), ("events", &evs), ("stderr", &stderr(&out))]
    {
        assert!(!text.contains(secret), "{what} leaks the secret: {text}");
    }
    assert!(evs.contains("$encrypted$"));
    let args = job(&env, 1)["job_args"].to_string();
    assert!(args.contains("--ask-become-pass") && args.contains("--become") && args.contains("pwcheck"), "{args}");
    // A wrong password fails the become task.
    env.apply("credentials:\n  - name: m\n    kind: machine\n    inputs: {username: root, become_method: pwcheck, become_username: nobody, become_password: wrong-one}\n");
    let (code, r) = run_json(&env, &["run_job", "t"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("failed")), "{r}");
});

db_test!(vault_credentials_decrypt_vaulted_files, |env| {
    let dir = project(
        &env,
        &[
            ("plain1.yml", "v1: first-vaulted-value\n"),
            ("plain2.yml", "v2: second-vaulted-value\n"),
            (
                "site.yml",
                "- hosts: all\n  gather_facts: false\n  vars_files: [v1.yml, v2.yml]\n  tasks:\n    - debug: msg=\"VAULT {{ v1 }} {{ v2 }}\"\n",
            ),
        ],
    );
    let pw1 = env.write("pw1", "Vault-One-pass");
    let pw2 = env.write("pw2", "Vault-Two-pass");
    let vault = |plain: &str, out: &str, id: &str, pwfile: &Path| {
        let st = Command::new(venv_bin().join("ansible-vault"))
            .args(["encrypt", "--vault-id", &format!("{id}@{}", pwfile.display()), "--output", out, plain])
            .current_dir(&dir)
            .env("HOME", env.path())
            .output()
            .unwrap();
        assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    };
    vault("plain1.yml", "v1.yml", "default", &pw1);
    vault("plain2.yml", "v2.yml", "prod", &pw2);
    let creds = "credentials:\n  - name: vault1\n    kind: vault\n    inputs: {vault_password: Vault-One-pass}\n  - name: vault2\n    kind: vault\n    inputs: {vault_password: Vault-Two-pass, vault_id: prod}\n";
    resources(&env, &hosts(&["h1"]), "    credentials: [vault1, vault2]\n", creds);
    let (code, r) = run_json(&env, &["run_job", "t"]);
    assert_eq!(code, 0, "{r}\n{}", job_stdout(&env, 1));
    let text = job_stdout(&env, 1);
    assert!(text.contains("VAULT first-vaulted-value second-vaulted-value"), "{text}");
    let args = job(&env, 1)["job_args"].to_string();
    assert!(args.contains("--ask-vault-pass") && args.contains("prod@prompt"), "{args}");
    assert!(!args.contains("Vault-One-pass") && !text.contains("Vault-Two-pass"));
});

db_test!(timeout_terminates_the_job, |env| {
    let sleep = sleeper(&env, 4713);
    project(&env, &[("site.yml", &format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: {sleep}\n"))]);
    resources(&env, &hosts(&["h1"]), "    timeout: 60\n", "");
    let started = Instant::now();
    let (code, r) = run_json(&env, &["run_job", "t", "--timeout", "4"]);
    assert_eq!(code, 1, "{r}");
    assert_eq!(r["status"], "failed");
    assert_eq!(r["job_explanation"], "Job terminated due to timeout");
    assert!(started.elapsed() < Duration::from_secs(40), "took {:?}", started.elapsed());
    wait_until("the sleep to be gone", Duration::from_secs(5), || procs_with(&sleep).is_empty());
    assert_eq!(job(&env, 1)["timeout"], 4);
});

db_test!(cancel_from_another_shell, |env| {
    let sleep = sleeper(&env, 4714);
    project(&env, &[("site.yml", &format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - name: long\n      command: {sleep}\n"))]);
    resources(&env, &hosts(&["h1"]), "", "");
    let (code, r) = run_json(&env, &["run_job", "t", "--detach"]);
    // The detached supervisor may already have taken the job further when it is printed.
    assert_eq!(code, 0, "{r}");
    assert!(["pending", "waiting", "running"].contains(&r["status"].as_str().unwrap_or("")), "{r}");
    let id = r["id"].as_i64().unwrap();
    wait_until("the task to start", Duration::from_secs(60), || {
        events(&env, id).iter().any(|e| e["event"] == "runner_on_start") && !procs_with(&sleep).is_empty()
    });
    assert_eq!(job(&env, id)["status"], "running");
    let (code, c) = run_json(&env, &["job", "cancel", &id.to_string()]);
    assert_eq!(code, 0, "{c}");
    assert_eq!(c, json!({"format_version": 1, "id": id, "status": "canceled", "canceled": true}));
    let show = job(&env, id);
    assert_eq!((show["status"].as_str(), show["cancel_flag"].as_bool()), (Some("canceled"), Some(true)));
    let supervisor = show["pid"].as_i64().unwrap();
    wait_until("nothing left running", Duration::from_secs(10), || procs_with(&sleep).is_empty() && !alive(supervisor));
    // Cancelling a finished job changes nothing and exits 1.
    let (code, c) = run_json(&env, &["job", "cancel", &id.to_string()]);
    assert_eq!((code, c["canceled"].as_bool()), (1, Some(false)));
});

fn spawn_run_job(env: &TestEnv) -> Child {
    env.std_cmd()
        .env("AWXM_ANSIBLE_BIN_DIR", venv_bin())
        .env("AWXM_CONFIG", config(env))
        .args(["--format", "json", "run_job", "t"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn awxm")
}

/// A signal to awxm cancels the job; awxm exits the shell's way (128 + the signal) after
/// printing the job as stored.
fn signal_to_awxm_cancels_the_job(env: &TestEnv, base: u32, sig: nix::sys::signal::Signal, code: i32) {
    let sleep = sleeper(env, base);
    project(env, &[("site.yml", &format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: {sleep}\n"))]);
    resources(env, &hosts(&["h1"]), "", "");
    let child = spawn_run_job(env);
    wait_until("the sleep to start", Duration::from_secs(60), || !procs_with(&sleep).is_empty());
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), sig).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(code), "{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = json_stdout(&["run_job"], &out.stdout);
    assert_eq!(r["status"], "canceled");
    assert!(procs_with(&sleep).is_empty(), "nothing left running");
    assert_eq!(job(env, 1)["status"], "canceled");
}

db_test!(sigterm_to_awxm_cancels_the_job, |env| {
    signal_to_awxm_cancels_the_job(&env, 4715, nix::sys::signal::Signal::SIGTERM, 143);
});

db_test!(sigint_to_awxm_cancels_the_job, |env| {
    signal_to_awxm_cancels_the_job(&env, 4717, nix::sys::signal::Signal::SIGINT, 130);
});

db_test!(jobs_of_a_dead_supervisor_are_reaped, |env| {
    let sleep = sleeper(&env, 4716);
    project(&env, &[("site.yml", &format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: {sleep}\n"))]);
    resources(&env, &hosts(&["h1"]), "", "");
    let (_, r) = run_json(&env, &["run_job", "t", "--detach"]);
    let id = r["id"].as_i64().unwrap();
    wait_until("the sleep to start", Duration::from_secs(60), || !procs_with(&sleep).is_empty());
    let pid = job(&env, id)["pid"].as_i64().unwrap();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), nix::sys::signal::Signal::SIGKILL).unwrap();
    // ansible-playbook dies with its supervisor (parent-death signal, terminal hangup).
    let project_dir = env.path().join("project");
    wait_until("ansible-playbook and its task to die with awxm", Duration::from_secs(20), || {
        procs_with(&sleep).is_empty()
            && procs_with("ansible-playbook").iter().all(|p| std::fs::read_link(format!("/proc/{p}/cwd")).ok() != Some(project_dir.clone()))
    });
    assert_eq!(job(&env, id)["status"], "running");
    // The next run_job reaps it.
    project(&env, &[("site.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=ok\n")]);
    let out = run(&env, &["--format", "json", "run_job", "t"]);
    assert_status(&out, 0, &["run_job"]);
    assert!(stderr(&out).contains("marked 1 job(s) failed"), "{}", stderr(&out));
    let show = job(&env, id);
    assert_eq!(show["status"], "failed");
    assert!(show["job_explanation"].as_str().unwrap().contains("was not present"), "{show}");
});

/// A free TCP port on loopback.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Sshd(PathBuf);
impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = Command::new(repo().join("scripts/sshd-test.sh")).arg("stop").arg(&self.0).status();
    }
}

db_test!(ssh_key_with_passphrase_through_a_per_job_agent, |env| {
    let sshd_dir = env.path().join("sshd");
    let port = free_port();
    let st = Command::new(repo().join("scripts/sshd-test.sh"))
        .arg("start")
        .arg(&sshd_dir)
        .arg(port.to_string())
        .arg("127.0.0.1")
        .output()
        .unwrap();
    assert!(st.status.success(), "sshd: {}", String::from_utf8_lossy(&st.stderr));
    let _guard = Sshd(sshd_dir.clone());
    let key = env.path().join("jobkey");
    let phrase = "Key-Passphrase-9931";
    let st = Command::new("ssh-keygen").args(["-q", "-t", "ed25519", "-N", phrase, "-C", "job", "-f"]).arg(&key).status().unwrap();
    assert!(st.success());
    let pubkey = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(sshd_dir.join("authorized_keys"))
        .and_then(|mut f| std::io::Write::write_all(&mut f, pubkey.as_bytes()))
        .unwrap();
    let private = std::fs::read_to_string(&key).unwrap();
    project(
        &env,
        &[(
            "site.yml",
            "- hosts: all\n  gather_facts: false\n  tasks:\n    - shell: echo over-ssh-$SSH_CONNECTION\n      register: r\n    - debug: var=r.stdout\n",
        )],
    );
    let user = nix::unistd::User::from_uid(nix::unistd::getuid()).unwrap().unwrap().name;
    let cred = serde_json::to_string(&json!({"username": user, "ssh_key_data": private, "ssh_key_unlock": phrase})).unwrap();
    let hosts = format!(
        "      - name: remote\n        variables: {{ansible_connection: ssh, ansible_host: 127.0.0.1, ansible_port: {port}, ansible_ssh_args: '-o ControlMaster=no -o UserKnownHostsFile=/dev/null'}}\n"
    );
    resources(&env, &hosts, "    credentials: [m]\n", &format!("credentials:\n  - name: m\n    kind: machine\n    inputs: {cred}\n"));
    let (code, r) = run_json(&env, &["run_job", "t"]);
    let text = job_stdout(&env, 1);
    assert_eq!(code, 0, "{r}\n{text}");
    assert!(text.contains("over-ssh-127.0.0.1"), "{text}");
    assert_eq!(r["host_summaries"]["remote"]["ok"], 2);
    let show = env.ok(&["--format", "json", "job", "show", "1"]);
    let key_line = private.lines().nth(1).unwrap();
    assert!(!show.contains(key_line) && !show.contains(phrase), "key material stored: {show}");
    assert!(show.contains("SSH_AUTH_SOCK"), "a per-job agent was used");
    // The private data directory (with the agent socket and key file) is gone.
    let sock = job(&env, 1)["job_env"]["SSH_AUTH_SOCK"].as_str().unwrap().to_string();
    assert!(!Path::new(&sock).parent().unwrap().exists(), "{sock}");
});

fn git(dir: &Path, args: &[&str]) {
    let st = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.test")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.test")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(st.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&st.stderr));
}

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

db_test!(git_projects_sync_on_launch_with_secret_credentials, |env| {
    // A repository with a playbook on branch main, served over smart HTTP with basic auth.
    let work = env.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    git(&work, &["init", "-q", "-b", "main"]);
    std::fs::write(work.join("site.yml"), "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=\"from git v1\"\n").unwrap();
    git(&work, &["add", "."]);
    git(&work, &["commit", "-q", "-m", "v1"]);
    let root = env.path().join("srv");
    std::fs::create_dir_all(&root).unwrap();
    git(&root, &["clone", "-q", "--bare", work.to_str().unwrap(), "repo.git"]);
    let mut server = Command::new(python())
        .arg(repo().join("tests/scripts/git_http.py"))
        .arg(&root)
        .args(["gituser", "Git-Pass-5521"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(server.stdout.take().unwrap()), &mut line).unwrap();
    let _server = Server(server);
    let port: u16 = line.trim().parse().unwrap();
    let url = format!("http://127.0.0.1:{port}/repo.git");
    env.apply(&format!(
        "credentials:\n  - name: scm\n    kind: scm\n    inputs: {{username: gituser, password: Git-Pass-5521}}\nprojects:\n  - name: app\n    scm_type: git\n    scm_url: {url}\n    scm_branch: main\n    credential: scm\n    scm_update_on_launch: true\ninventories:\n  - name: inv\n    variables: {{ansible_connection: local, ansible_python_interpreter: {py}}}\n    hosts:\n      - name: h1\njob_templates:\n  - name: t\n    project: app\n    playbook: site.yml\n    inventory: inv\n",
        py = python()
    ));
    // run_job syncs first (update on launch) and runs the playbook from the checkout.
    let (code, r) = run_json(&env, &["run_job", "t"]);
    assert_eq!(code, 0, "{r}\n{}", job_stdout(&env, 1));
    assert!(job_stdout(&env, 1).contains("from git v1"));
    let show = job(&env, 1);
    // Its sync was a dependency the task manager created (the job waited for it).
    let pu = show["project_update_id"].as_i64().expect("the job records its project update");
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM project_update WHERE id = {pu} AND launch_type = 'dependency' AND status = 'successful'"
        )),
        1
    );
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM unified_job_dependency WHERE job_id = 1 AND depends_on_id = {pu}")), 1);
    let checkout = env.path().join("data/awxm/projects/_1__app");
    assert_eq!(show["job_cwd"], checkout.display().to_string());
    assert!(std::fs::read_to_string(env.path().join("auth.log")).unwrap().contains(" ok"), "git authenticated");

    // A new commit, synced by project_update; the password never lands in argv, output, git config.
    std::fs::write(work.join("site.yml"), "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=\"from git v2\"\n").unwrap();
    git(&work, &["commit", "-q", "-am", "v2"]);
    git(&work, &["push", "-q", root.join("repo.git").to_str().unwrap(), "main"]);
    let (code, u) = run_json(&env, &["project_update", "app"]);
    assert_eq!(code, 0, "{u}");
    assert_eq!((u["status"].as_str(), u["local_path"].as_str()), (Some("successful"), Some(checkout.to_str().unwrap())));
    assert_eq!(u["scm_revision"].as_str().unwrap().len(), 40);
    assert_eq!(run_json(&env, &["show", "project", "app"]).1["scm_revision"], u["scm_revision"]);
    let config = std::fs::read_to_string(checkout.join(".git/config")).unwrap();
    assert!(!config.contains("Git-Pass-5521"), "{config}");
    assert_eq!(env.sql_count("SELECT count(*) FROM project_update WHERE stdout LIKE '%Git-Pass-5521%' OR job_args LIKE '%Git-Pass-5521%' OR job_env LIKE '%Git-Pass-5521%'"), 0);

    // A password in the URL is taken out of it, used, and redacted everywhere.
    env.apply(&format!(
        "projects:\n  - name: app\n    scm_url: http://gituser:Git-Pass-5521@127.0.0.1:{port}/repo.git\n    credential: null\n"
    ));
    let (code, u) = run_json(&env, &["project_update", "app"]);
    assert_eq!(code, 0, "{u}");
    let config = std::fs::read_to_string(checkout.join(".git/config")).unwrap();
    assert!(!config.contains("Git-Pass-5521") && config.contains("gituser@127.0.0.1"), "{config}");
    assert_eq!(env.sql_count("SELECT count(*) FROM project_update WHERE stdout LIKE '%Git-Pass-5521%' OR job_args LIKE '%Git-Pass-5521%' OR scm_url LIKE '%Git-Pass-5521%'"), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM project_update WHERE scm_url LIKE '%$encrypted$%'"), 1);
    // ... and it is stored encrypted, shown and exported as $encrypted$, kept by a round trip.
    assert_eq!(env.sql_count("SELECT count(*) FROM project WHERE scm_url LIKE '%Git-Pass-5521%'"), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM project WHERE scm_url LIKE 'http://gituser:$encrypted$AESGCM$%@127.0.0.1:%'"), 1);
    let shown = run_json(&env, &["show", "project", "app"]).1;
    assert_eq!(shown["scm_url"], format!("http://gituser:$encrypted$@127.0.0.1:{port}/repo.git"), "{shown}");
    let exported = env.ok(&["export"]);
    assert!(!exported.contains("Git-Pass-5521") && exported.contains("gituser:$encrypted$@127.0.0.1"), "{exported}");
    let again = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &exported);
    assert_status(&again, 0, &["apply of the export"]);
    let (code, u) = run_json(&env, &["project_update", "app"]);
    assert_eq!(code, 0, "the kept password still works: {u}");

    // A wrong password fails the update, and a job that updates on launch fails with AWX's explanation.
    env.apply(&format!("projects:\n  - name: app\n    scm_url: {url}\n    credential: scm\ncredentials:\n  - name: scm\n    kind: scm\n    inputs: {{username: gituser, password: wrong}}\n"));
    let (code, r) = run_json(&env, &["run_job", "t"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("failed")), "{r}");
    assert!(
        r["job_explanation"]
            .as_str()
            .unwrap()
            .starts_with("Previous Task Failed: {\"job_type\": \"project_update\", \"job_name\": \"app\""),
        "{r}"
    );

    // Deleting the project removes its checkout.
    let (code, d) = run_json(&env, &["delete", "project", "app", "--yes"]);
    assert_eq!(code, 0, "{d}");
    assert_eq!(d["removed_checkout"], checkout.display().to_string());
    assert!(!checkout.exists());
});

db_test!(git_revision_is_read_from_stdout_whatever_git_warns, |env| {
    // A tag named HEAD in the repository makes `git rev-parse HEAD` warn ("refname 'HEAD' is
    // ambiguous") on stderr: the revision is still the commit, not the warning.
    let work = env.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    git(&work, &["init", "-q", "-b", "main"]);
    std::fs::write(work.join("site.yml"), "- hosts: all\n  gather_facts: false\n  tasks: []\n").unwrap();
    git(&work, &["add", "."]);
    git(&work, &["commit", "-q", "-m", "v1"]);
    git(&work, &["tag", "HEAD"]);
    let head = Command::new("git").args(["rev-parse", "refs/heads/main"]).current_dir(&work).output().unwrap();
    let head = String::from_utf8(head.stdout).unwrap().trim().to_string();
    assert_eq!(head.len(), 40, "{head}");
    env.apply(&format!("projects:\n  - name: app\n    scm_type: git\n    scm_url: file://{}\n    scm_branch: main\n", work.display()));
    let (code, u) = run_json(&env, &["project_update", "app"]);
    assert_eq!((code, u["status"].as_str()), (0, Some("successful")), "{u}");
    assert_eq!(u["scm_revision"].as_str(), Some(head.as_str()), "{u}");
    assert_eq!(run_json(&env, &["show", "project", "app"]).1["scm_revision"].as_str(), Some(head.as_str()));
});

db_test!(missing_inventory_and_manual_project_checks, |env| {
    project(&env, &[("site.yml", "- hosts: all\n  gather_facts: false\n  tasks: []\n")]);
    resources(&env, &hosts(&["h1"]), "", "");
    env.apply("job_templates:\n  - name: noinv\n    project: p\n    playbook: site.yml\n  - name: nobook\n    project: p\n    playbook: missing.yml\n    inventory: inv\n");
    let (code, r) = run_json(&env, &["run_job", "noinv"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("failed")));
    assert_eq!(r["job_explanation"], "Job could not start because it does not have a valid inventory.");
    let (code, r) = run_json(&env, &["run_job", "nobook"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("failed")));
    assert!(r["job_explanation"].as_str().unwrap().contains("missing.yml"), "{r}");
    // Deleting a manual project never touches its directory.
    let (code, d) = run_json(&env, &["delete", "project", "p", "--yes"]);
    assert_eq!(code, 0);
    assert!(d.get("removed_checkout").is_none());
    assert!(env.path().join("project/site.yml").exists());
});

db_test!(notifications_fire_when_the_job_starts_and_ends, |env| {
    let http = crate::sinks::HttpSink::start(&env.path().join("http"));
    project(&env, &[("site.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: {msg: hi}\n")]);
    let more = format!(
        "notification_templates:\n  - name: hook\n    notification_type: webhook\n    notification_configuration: {{url: '{}'}}\n",
        http.url("/job")
    );
    resources(
        &env,
        &hosts(&["h1"]),
        "    notification_templates_started: [hook]\n    notification_templates_success: [hook]\n    notification_templates_error: [hook]\n",
        &more,
    );
    let (code, r) = run_json(&env, &["run_job", "t"]);
    assert_eq!(code, 0, "{r}");
    let reqs = http.requests();
    assert_eq!(reqs.len(), 2, "started and success: {reqs:?}");
    assert_eq!(env.sql_count("SELECT count(*) FROM notification WHERE job_id = 1 AND status = 'successful'"), 2);
    // A failed job (its limit matches no host) sends the error notification.
    let (code, r) = run_json(&env, &["run_job", "t", "--limit", "nosuchhost"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("failed")), "{r}");
    assert_eq!(http.requests().len(), 4);
    assert_eq!(env.sql_count("SELECT count(*) FROM notification WHERE job_id = 2"), 2);
});

/// A machine credential with an SSH key (no passphrase), so the job gets a per-job ssh-agent.
fn keyed_credential(env: &TestEnv, password: &str) -> (String, String) {
    let key = env.path().join("jobkey");
    let st = Command::new("ssh-keygen").args(["-q", "-t", "ed25519", "-N", "", "-C", "job", "-f"]).arg(&key).status().unwrap();
    assert!(st.success());
    let private = std::fs::read_to_string(&key).unwrap();
    let cred = serde_json::to_string(&json!({"username": "someone", "password": password, "ssh_key_data": private})).unwrap();
    (format!("credentials:\n  - name: m\n    kind: machine\n    inputs: {cred}\n"), private)
}

db_test!(the_jobs_ssh_agent_dies_with_a_killed_awxm, |env| {
    let sleep = sleeper(&env, 4717);
    project(&env, &[("site.yml", &format!("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: {sleep}\n"))]);
    let (cred, _) = keyed_credential(&env, "");
    resources(&env, &hosts(&["h1"]), "    credentials: [m]\n", &cred);
    let (_, r) = run_json(&env, &["run_job", "t", "--detach"]);
    let id = r["id"].as_i64().unwrap();
    wait_until("the sleep to start", Duration::from_secs(60), || !procs_with(&sleep).is_empty());
    let show = job(&env, id);
    // The agent's socket is in the job's private data directory: unique to this job.
    let sock = show["job_env"]["SSH_AUTH_SOCK"].as_str().expect("a per-job agent").to_string();
    let dir = Path::new(&sock).parent().unwrap().to_path_buf();
    let agent = format!("-a {sock}");
    assert!(!procs_with(&agent).is_empty(), "the agent runs");
    let pid = show["pid"].as_i64().unwrap();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), nix::sys::signal::Signal::SIGKILL).unwrap();
    wait_until("the ssh-agent to die with awxm", Duration::from_secs(10), || procs_with(&agent).is_empty());
    wait_until("the job's processes to die with awxm", Duration::from_secs(20), || procs_with(&sleep).is_empty());
    wait_until("the private data directory to be removed", Duration::from_secs(10), || !dir.exists());
    assert_eq!(job(&env, id)["status"], "running");
    // The next heartbeat reaps the job.
    let (code, hb) = run_json(&env, &["heartbeat"]);
    assert_eq!(code, 0, "{hb}");
    assert_eq!(hb["reaped_local"], json!([{"type": "job", "id": id}]), "{hb}");
    let show = job(&env, id);
    assert_eq!(show["status"], "failed");
    assert!(show["job_explanation"].as_str().unwrap().contains("was not present"), "{show}");
});

/// Every (relative path, line) under `dir` that contains `needle`.
fn grep_tree(dir: &Path, needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let ft = e.file_type().unwrap();
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file() {
                let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                for l in text.lines().filter(|l| l.contains(needle)) {
                    out.push(format!("{}: {}", p.strip_prefix(dir).unwrap().display(), &l[..l.len().min(200)]));
                }
            }
        }
    }
    out
}

db_test!(kept_artifacts_are_redacted_and_hold_no_key, |env| {
    let password = "Kept-Pa55word-8812";
    let (cred, private) = keyed_credential(&env, password);
    let key_line = private.lines().nth(1).unwrap().to_string();
    project(
        &env,
        &[(
            "site.yml",
            &format!(
                "- hosts: all\n  gather_facts: false\n  tasks:\n    - command: echo {password}\n      register: r\n    - debug: var=r.stdout\n    - debug: msg=\"key {key_line}\"\n"
            ),
        )],
    );
    resources(&env, &hosts(&["h1"]), "    credentials: [m]\n", &cred);
    let (code, r) = run_json(&env, &["run_job", "t", "--keep-artifacts"]);
    assert_eq!(code, 0, "{r}\n{}", job_stdout(&env, 1));
    let dir = PathBuf::from(job(&env, 1)["work_dir"].as_str().expect("work_dir"));
    assert!(dir.join("artifacts/1/job_events.jsonl").is_file(), "{}", dir.display());
    let events = std::fs::read_to_string(dir.join("artifacts/1/job_events.jsonl")).unwrap();
    assert!(events.contains("$encrypted$"), "the secrets were in the output, redacted");
    assert_eq!(grep_tree(&dir, password), Vec::<String>::new(), "password in the kept directory");
    assert_eq!(grep_tree(&dir, &key_line), Vec::<String>::new(), "key in the kept directory");
    assert!(!dir.join("env/ssh_key").exists());
    std::fs::remove_dir_all(&dir).unwrap();
});

db_test!(job_stdout_colour_follows_the_terminal_and_the_environment, |env| {
    // A finished job whose stored output carries colour escapes (ansible's, kept as stored).
    project(&env, &[("site.yml", "- hosts: all\n  tasks: []\n")]);
    resources(&env, &hosts(&["h1"]), "", "");
    env.apply("job_templates:\n  - name: missing\n    project: p\n    playbook: nope.yml\n    inventory: inv\n");
    let _ = run(&env, &["run_job", "missing"]);
    let id = env.sql_count("SELECT max(id) FROM job").to_string();
    let coloured = "\x1b[0;32mok: [h1]\x1b[0m\n\x1b[0;33mchanged: [h2]\x1b[0m\n";
    let plain = "ok: [h1]\nchanged: [h2]\n";
    let events = env.write("none.jsonl", "");
    let text = env.write("stdout.txt", coloured);
    let (code, ing) = run_json(&env, &["job", "ingest", &id, "--events", events.to_str().unwrap(), "--stdout", text.to_str().unwrap()]);
    assert_eq!(code, 0, "{ing}");

    // (environment changes, arguments) → whether the escapes are printed. TestEnv sets
    // NO_COLOR=1 and TERM=dumb; stdout is a pipe here.
    type Vars<'a> = &'a [(&'a str, Option<&'a str>)];
    let cases: &[(Vars, &[&str], bool)] = &[
        (&[], &[], false),
        (&[], &["--color", "always"], true),
        (&[], &["--color", "auto"], false),
        (&[("NO_COLOR", None), ("TERM", Some("xterm-256color"))], &[], false),
        (&[("NO_COLOR", None), ("CLICOLOR_FORCE", Some("1"))], &[], true),
        (&[("NO_COLOR", None), ("CLICOLOR_FORCE", Some("0"))], &[], false),
        (&[("CLICOLOR_FORCE", Some("1"))], &[], false),
        (&[("NO_COLOR", None), ("CLICOLOR_FORCE", Some("1"))], &["--color", "never"], false),
        (&[("NO_COLOR", None), ("CLICOLOR_FORCE", Some("1"))], &["--no-color"], false),
    ];
    for (vars, args, escapes) in cases {
        let mut c = awxm(&env);
        for (k, v) in *vars {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        let out = c.args(["job", "stdout", &id]).args(*args).output().unwrap();
        assert_status(&out, 0, &["job stdout"]);
        assert_eq!(stdout(&out), if *escapes { coloured } else { plain }, "{vars:?} {args:?}");
    }
    // JSON (data, not display) keeps the stored escapes unless --color never; so does a download.
    assert_eq!(run_json(&env, &["job", "stdout", &id]).1["stdout"], coloured);
    assert_eq!(run_json(&env, &["--no-color", "job", "stdout", &id]).1["stdout"], plain);
    let (code, dl) = run_json(&env, &["job", "stdout", &id, "--download"]);
    assert_eq!(code, 0, "{dl}");
    assert_eq!(std::fs::read_to_string(dl["path"].as_str().unwrap()).unwrap(), coloured);
    // `--color` takes only its three words; --no-color and --color together are a usage error.
    assert_status(&run(&env, &["--color", "sometimes", "job", "stdout", &id]), 2, &["bad --color"]);
    assert_status(&run(&env, &["--color", "always", "--no-color", "job", "stdout", &id]), 2, &["both"]);
});

db_test!(stdout_and_events_follow_a_running_job_to_its_end, |env| {
    let sleep = sleeper(&env, 3);
    project(
        &env,
        &[(
            "site.yml",
            &format!(
                "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: first\n      debug: msg=before\n    - name: long\n      command: {sleep}\n    - name: last\n      debug: msg=after-the-sleep\n"
            ),
        )],
    );
    resources(&env, &hosts(&["h1"]), "", "");
    let (_, r) = run_json(&env, &["run_job", "t", "--detach"]);
    let id = r["id"].as_i64().unwrap().to_string();
    // Started while the job runs: follows it to the end, exit 0 as the job.
    wait_until("the job to run", Duration::from_secs(60), || job(&env, r["id"].as_i64().unwrap())["status"] == "running");
    let list = run_json(&env, &["job", "list", "--status", "running"]).1;
    let items = list["items"].as_array().unwrap().clone();
    assert!(items[0]["elapsed"].as_f64().unwrap() > 0.0, "a running job's elapsed time is live: {list}");
    let out = run(&env, &["job", "stdout", &id, "--follow", "--color", "never"]);
    assert_status(&out, 0, &["job", "stdout", "--follow"]);
    let text = stdout(&out);
    assert!(text.contains("before") && text.contains("after-the-sleep") && text.contains("PLAY RECAP"), "{text}");
    assert!(!text.contains('\u{1b}'), "no escapes with --color never");
    // Events: one JSON object per line, the last one the stats.
    let out = run(&env, &["-o", "jsonl", "job", "events", &id, "--follow"]);
    assert_status(&out, 0, &["job", "events", "--follow"]);
    let evs: Vec<Value> = jsonl_stdout(&["job", "events"], &out.stdout);
    assert_eq!(evs.last().unwrap()["event"], "playbook_on_stats");
    assert_eq!(evs.len(), events(&env, id.parse().unwrap()).len());
    // run_job -o jsonl streams every event as it is stored, then the summary.
    let out = run(&env, &["-o", "jsonl", "run_job", "t"]);
    assert_status(&out, 0, &["run_job", "-o", "jsonl"]);
    let lines: Vec<Value> = jsonl_stdout(&["run_job"], &out.stdout);
    let summary = lines.last().unwrap();
    assert_eq!(summary["status"], "successful", "{summary}");
    let n = summary["event_count"].as_u64().unwrap() as usize;
    assert_eq!(lines.len(), n + 1, "every event, then the summary");
    assert_eq!(lines[n - 1]["event"], "playbook_on_stats");
    // A failed job's follower exits 1.
    project(&env, &[("site.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n    - fail: msg=no\n")]);
    let (_, r) = run_json(&env, &["run_job", "t", "--detach"]);
    let out = run(&env, &["job", "stdout", &r["id"].to_string(), "--follow"]);
    assert_status(&out, 1, &["job", "stdout", "--follow"]);
});

db_test!(jq_filters_job_lists_events_and_streams, |env| {
    project(&env, &[("site.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=hello\n")]);
    resources(&env, &hosts(&["h1"]), "", "");
    // A streamed run: every event line goes through the filter, and so does the summary.
    let out = run(&env, &["-o", "jsonl", "run_job", "t", "--jq", r#"select(.event=="playbook_on_stats")|.event"#]);
    assert_status(&out, 0, &["-o", "jsonl", "run_job", "--jq"]);
    assert_eq!(stdout(&out), "playbook_on_stats\n");
    // job list and job show: the JSON document, strings raw.
    let out = run(&env, &["job", "list", "--jq", ".items[] | [.id, .status] | @tsv"]);
    assert_status(&out, 0, &["job", "list", "--jq"]);
    assert_eq!(stdout(&out), "1\tsuccessful\n");
    let out = run(&env, &["job", "show", "1", "--jq", ".status"]);
    assert_status(&out, 0, &["job", "show", "--jq"]);
    assert_eq!(stdout(&out), "successful\n");
    // Events, listed and followed, as JSON lines.
    let all = events(&env, 1);
    for args in [&["job", "events", "1"][..], &["-o", "jsonl", "job", "events", "1"], &["-o", "jsonl", "job", "events", "1", "--follow"]] {
        let mut a = args.to_vec();
        a.extend(["--jq", "..|.counter? // empty"]);
        let out = run(&env, &a);
        assert_status(&out, 0, &a);
        let counters: Vec<i64> = stdout(&out).lines().map(|l| l.parse().unwrap()).collect();
        assert_eq!(counters.len(), all.len(), "{a:?}: {}", stdout(&out));
    }
    // Text output is not JSON: refused before it starts.
    let out = run(&env, &["job", "stdout", "1", "--follow", "--jq", "."]);
    assert_status(&out, 2, &["job", "stdout", "--follow", "--jq"]);
    assert!(stderr(&out).contains("job events --follow --jq"), "{}", stderr(&out));
    // A bad filter: nothing launched.
    let out = run(&env, &["run_job", "t", "--jq", "select(.event =="]);
    assert_status(&out, 2, &["run_job", "--jq", "bad"]);
    assert_eq!(stdout(&out), "");
    assert_eq!(run_json(&env, &["job", "list"]).1["count"], 1, "a bad filter launched a job");
});
