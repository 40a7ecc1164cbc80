//! Ad hoc commands (issue 19, part 1): `awxm ad_hoc` runs real `ansible` over local hosts,
//! recorded like a job (events, host summaries, output, exit code), with AWX's refusals and
//! permission rule.

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

fn run(env: &TestEnv, args: &[&str]) -> std::process::Output {
    env.cmd().env("AWXM_CONFIG", config(env)).args(args).output().expect("run awxm")
}

fn json(env: &TestEnv, args: &[&str], code: i32) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let out = run(env, &a);
    assert_status(&out, code, &a);
    json_stdout(&a, &out.stdout)
}

const SETUP: &str = "
organizations: [{name: ops}]
users:
  - {name: bob}
  - {name: carol}
credentials:
  - {name: ssh, kind: machine, organization: ops, inputs: {username: deploy, password: s3cr3t-pw}}
  - {name: git, kind: scm, organization: ops}
inventories:
  - name: local
    organization: ops
    hosts:
      - {name: h1, variables: {ansible_connection: local, ansible_python_interpreter: /usr/bin/python3}}
      - {name: h2, variables: {ansible_connection: local, ansible_python_interpreter: /usr/bin/python3}}
roles:
  - {user: bob, role: adhoc, inventory: local}
";

db_test!(ad_hoc_ping_and_command_run_and_are_recorded_like_jobs, |env| {
    env.apply(SETUP);
    let r = json(&env, &["ad_hoc", "local", "-m", "ping"], 0);
    assert_eq!(r["status"], "successful", "{r}");
    assert_eq!(r["host_summaries"]["h1"]["ok"], 1, "{r}");
    assert_eq!(r["host_summaries"]["h2"]["ok"], 1, "{r}");
    // A command with arguments, on one host by pattern; its output is stored.
    let r = json(&env, &["ad_hoc", "local", "-m", "command", "-a", "echo awxm-ad-hoc-$((6*7))", "--limit", "h2", "--verbosity", "1"], 0);
    let id = r["id"].to_string();
    assert!(r["host_summaries"].get("h1").is_none(), "{r}");
    assert_eq!(r["host_summaries"]["h2"]["changed"], 1, "{r}");
    let out = run(&env, &["job", "stdout", &id]);
    assert_status(&out, 0, &["job", "stdout"]);
    // `command` does not use a shell: the text comes back as given (shown at verbosity 1).
    assert!(stdout(&out).contains("awxm-ad-hoc-$((6*7))"), "{}", stdout(&out));
    let shown = json(&env, &["job", "show", &id], 0);
    assert_eq!(shown["type"], "ad_hoc_command", "{shown}");
    assert_eq!(shown["module_name"], "command");
    assert_eq!(shown["name"], "command: echo awxm-ad-hoc-$((6*7))");
    let args = shown["job_args"].as_array().unwrap();
    assert!(args[0].as_str().unwrap().ends_with("/ansible"), "{shown}");
    assert_eq!(args.last().unwrap(), "h2", "the host pattern comes last: {shown}");
    // A relaunch repeats it (AWX's relaunch of an ad hoc command), and runs it through the queue.
    let again = json(&env, &["job", "relaunch", &id, "--wait"], 0);
    assert_eq!((again["type"].as_str(), again["status"].as_str()), (Some("job"), Some("successful")), "{again}");
    let re = json(&env, &["job", "show", &again["id"].to_string()], 0);
    assert_eq!(
        (re["type"].as_str(), re["launch_type"].as_str(), re["module_name"].as_str(), re["limit"].as_str()),
        (Some("ad_hoc_command"), Some("relaunch"), Some("command"), Some("h2")),
        "{re}"
    );
    assert_eq!(re["name"], shown["name"], "{re}");
    let events = json(&env, &["job", "events", &id], 0);
    let n = events["items"].as_array().map(Vec::len).unwrap_or(0);
    assert!(n >= 3, "{events}");
    let list = json(&env, &["job", "list"], 0);
    let items = list["items"].as_array().unwrap().clone();
    assert!(items.iter().all(|j| j["type"] == "ad_hoc_command"), "{list}");
    // A known secret typed into the arguments is stored redacted in the command line.
    let out =
        run(&env, &["--format", "json", "ad_hoc", "local", "-m", "shell", "-a", "echo s3cr3t-pw", "--credential", "ssh", "--limit", "h1"]);
    let r: Value = json_stdout(&["ad_hoc"], &out.stdout);
    let shown = json(&env, &["job", "show", &r["id"].to_string()], 0);
    let args = shown["job_args"].to_string();
    assert!(!args.contains("s3cr3t-pw") && args.contains("echo $encrypted$"), "{args}");
    // A failing command fails the ad hoc command: exit 1.
    let r = json(&env, &["ad_hoc", "local", "-m", "shell", "-a", "exit 3"], 1);
    assert_eq!(r["status"], "failed", "{r}");
    assert_eq!(r["host_summaries"]["h1"]["failures"], 1, "{r}");
});

db_test!(ad_hoc_refusals_follow_awx_and_write_nothing, |env| {
    env.apply(SETUP);
    let before = env.row_counts();
    let cases: &[(&[&str], i32, &str)] = &[
        (&["ad_hoc", "local", "-m", "file", "-a", "path=/tmp"], 65, "Unsupported module for ad hoc commands."),
        (&["ad_hoc", "local", "-m", "command"], 65, "No argument passed to command module."),
        (&["ad_hoc", "local", "-m", "shell", "-a", " "], 65, "No argument passed to shell module."),
        (
            &["ad_hoc", "local", "-m", "ping", "-e", "ansible_user=x", "-e", "ansible_become=1", "-e", "ok=1"],
            65,
            "ansible_user, ansible_become are prohibited from use in ad hoc commands.",
        ),
        (&["ad_hoc", "local", "-m", "ping", "--credential", "git"], 65, "You must provide a machine / SSH credential."),
        (&["ad_hoc", "local", "-m", "command", "-a", "echo {{ x }}"], 65, "must not contain Jinja"),
        (&["ad_hoc", "nowhere", "-m", "ping"], 66, "no inventory named"),
        (&["ad_hoc", "local", "-m", "ping", "--as", "carol"], 77, "needs its adhoc role"),
        (&["ad_hoc", "local", "-m", "ping", "--as", "bob", "--credential", "ssh"], 77, "may not use credential"),
    ];
    for (args, code, msg) in cases {
        let out = run(&env, args);
        assert_status(&out, *code, args);
        assert!(stderr(&out).contains(msg), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(env.row_counts(), before, "nothing written");
    // The module list is a setting.
    assert_status(&run(&env, &["settings", "set", "ad_hoc_commands", "[\"ping\"]"]), 0, &["settings", "set"]);
    let out = run(&env, &["ad_hoc", "local", "-m", "command", "-a", "true"]);
    assert_status(&out, 65, &["ad_hoc", "command"]);
    // bob holds the adhoc role on the inventory: allowed.
    let r = json(&env, &["ad_hoc", "local", "-m", "ping", "--as", "bob"], 0);
    assert_eq!(r["status"], "successful", "{r}");
});
