//! Numbers at the edges: every numeric option, config value, setting and resource field is
//! range-checked where it is written (exit 2 on the command line, 78 in the config file and for
//! stored settings, 65 for `settings set` and resource files) — never a panic (exit 101) or a hang.

use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::*;

/// The values every option and setting is tried with.
const EXTREMES: &[&str] =
    &["0", "-1", "9223372036854775808", "1e20", "NaN", "inf", "abc", "18446744073709551615", "99999999999999999999", "1.5"];
/// Of those, the ones no numeric option accepts.
const NEVER_VALID: &[&str] = &["9223372036854775808", "1e20", "NaN", "inf", "abc", "18446744073709551615", "99999999999999999999"];

/// Value names that mark an option as numeric (besides a numeric default value).
const NUMERIC_VALUE_NAMES: &[&str] = &["N", "SECONDS", "PORT", "FRACTION", "DURATION", "SIZE", "ID", "JOB_ID"];

/// Run awxm with a deadline; a run that outlives it is killed and fails the test.
fn run_bounded(env: &TestEnv, args: &[String], limit: Duration) -> (Option<i32>, String) {
    let mut child = env
        .std_cmd()
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn awxm");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            return (status.code(), err);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("awxm {args:?} still ran after {limit:?} (hang)");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Placeholder for a required argument that lets the command fail fast (nothing by that name).
fn placeholder(arg: &clap::Arg) -> String {
    match arg.get_value_names().and_then(|v| v.first()).map(|s| s.as_str()) {
        Some("FILE") | Some("PATH") | Some("DIR") => "does-not-exist".into(),
        _ => match arg.get_possible_values().first() {
            Some(p) => p.get_name().to_string(),
            None => "1".into(),
        },
    }
}

fn is_numeric(arg: &clap::Arg) -> bool {
    let by_name = arg.get_value_names().is_some_and(|v| v.iter().any(|n| NUMERIC_VALUE_NAMES.contains(&n.as_str())));
    let by_default = arg.get_default_values().iter().any(|d| d.to_str().is_some_and(|s| s.parse::<f64>().is_ok()));
    by_name || by_default
}

/// Every runnable (leaf) subcommand path with its command.
fn leaves(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
    let subs: Vec<&clap::Command> = cmd.get_subcommands().collect();
    if subs.is_empty() {
        out.push((path, cmd.clone()));
        return;
    }
    for s in subs {
        let mut p = path.clone();
        p.push(s.get_name().to_string());
        leaves(s, p, out);
    }
}

/// Walks the whole clap tree: every option that takes a value, on every subcommand, with
/// extreme values (the subcommand's required arguments filled so it fails fast). No run may
/// panic or hang; numeric options refuse what is out of range with a usage error naming the
/// value and the allowed range.
#[test]
fn every_option_survives_extreme_values() {
    let env = TestEnv::sqlite();
    env.init();
    env.ok(&["settings", "list"]); // the schema exists, so each run below is quick
    let mut cmd = awxm::cli::command();
    cmd.build();
    let mut all = Vec::new();
    leaves(&cmd, Vec::new(), &mut all);
    let limit = Duration::from_secs(30);
    let mut numeric_seen = Vec::new();
    let mut runs = 0;
    // Global options: on a quick command.
    let globals: Vec<clap::Arg> = cmd.get_arguments().filter(|a| a.is_global_set() && a.get_action().takes_values()).cloned().collect();
    let mut cases: Vec<(Vec<String>, clap::Command, clap::Arg)> = Vec::new();
    let settings_list = all.iter().find(|(p, _)| p == &["settings", "list"]).expect("settings list").clone();
    for g in &globals {
        cases.push((settings_list.0.clone(), settings_list.1.clone(), g.clone()));
    }
    for (path, sub) in &all {
        for a in sub.get_arguments().filter(|a| !a.is_global_set() && a.get_action().takes_values() && a.get_long().is_some()) {
            cases.push((path.clone(), sub.clone(), a.clone()));
        }
    }
    for (path, sub, arg) in &cases {
        let long = arg.get_long().expect("long option");
        let numeric = is_numeric(arg);
        if numeric {
            numeric_seen.push(long.to_string());
        }
        for value in EXTREMES {
            let mut args: Vec<String> = path.clone();
            // Required arguments other than the one under test get a fast-failing placeholder.
            for r in sub.get_arguments().filter(|r| r.is_required_set() && r.get_id() != arg.get_id()) {
                let v = placeholder(r);
                if r.is_positional() {
                    if r.is_last_set() {
                        continue;
                    }
                    args.push(v);
                } else if let Some(l) = r.get_long() {
                    args.push(format!("--{l}={v}"));
                }
            }
            args.push(format!("--{long}={value}"));
            if let Some(last) = sub.get_arguments().find(|r| r.is_last_set()) {
                let _ = last;
                args.extend(["--".to_string(), "true".to_string()]);
            }
            let (code, err) = run_bounded(&env, &args, limit);
            runs += 1;
            assert_ne!(code, Some(101), "awxm {args:?} panicked:\n{err}");
            assert!(!err.contains("panicked"), "awxm {args:?} panicked:\n{err}");
            assert!(code.is_some(), "awxm {args:?} died of a signal:\n{err}");
            if numeric && NEVER_VALID.contains(value) {
                assert_eq!(code, Some(2), "awxm {args:?}: {value} must be a usage error:\n{err}");
                assert!(err.contains(value), "awxm {args:?}: the message must name {value}:\n{err}");
            }
        }
    }
    // The detection is not vacuous: the options of the issue are among the numeric ones.
    for must in ["lock-timeout", "older-than", "timeout", "probe-timeout", "days", "batch-size", "parallel", "forks", "verbosity"] {
        assert!(numeric_seen.iter().any(|n| n == must), "--{must} not detected as numeric: {numeric_seen:?}");
    }
    assert!(runs > 300, "only {runs} runs");
}

/// The examples of the issue, with the range named in the message.
#[test]
fn out_of_range_options_are_usage_errors_naming_the_range() {
    let env = TestEnv::sqlite();
    env.init();
    let cases: &[(&[&str], &str)] = &[
        (&["--lock-timeout", "2147484", "settings", "list"], "0 to 86400"),
        (&["--lock-timeout", "1e20", "settings", "list"], "0 to 86400"),
        (&["cleanup_stdout", "--older-than", "99999999999999999999"], "0 to 2147483647"),
        (&["isolated_heartbeat", "--timeout", "1e20"], "0.1 to 3600"),
        (&["isolated_heartbeat", "--probe-timeout", "18446744073709551615"], "0.1 to 86400"),
        (&["cleanup_jobs", "--days", "99999999999999999999"], "0 to 9223372036854775807"),
        (&["cleanup_stdout", "--days", "99999999999999999999"], "0 to 24855"),
        (&["run_job", "x", "--forks", "9223372036854775808"], "0 to 2147483647"),
    ];
    for (args, range) in cases {
        let out = env.run(args);
        assert_status(&out, 2, args);
        let err = stderr(&out);
        assert!(err.contains(range), "awxm {args:?}: the message must name the range {range}: {err}");
    }
    // Through the environment as well (clap reads AWXM_LOCK_TIMEOUT).
    let out = env.cmd().env("AWXM_LOCK_TIMEOUT", "2147484").args(["settings", "list"]).output().expect("run");
    assert_status(&out, 2, &["AWXM_LOCK_TIMEOUT=2147484"]);
}

/// `lock_timeout` in the config file: out of range is a configuration error (78) naming the
/// value, the file and the range; the largest allowed value works on SQLite.
#[test]
fn config_file_numbers_are_range_checked() {
    let env = TestEnv::sqlite();
    env.init();
    for bad in ["2592000", "-1", ".nan", ".inf", "1.0e+20", "1e20", "abc", "18446744073709551615"] {
        let cfg = env.write("awxm.yaml", &format!("lock_timeout: {bad}\n"));
        let cfg = cfg.to_str().unwrap();
        let out = env.run(&["--config", cfg, "settings", "list"]);
        assert_status(&out, 78, &["lock_timeout:", bad]);
        let err = stderr(&out);
        assert!(err.contains("lock_timeout") && err.contains("awxm.yaml"), "{err}");
    }
    let cfg = env.write("awxm.yaml", "lock_timeout: 2592000\n");
    let err = stderr(&env.run(&["--config", cfg.to_str().unwrap(), "settings", "list"]));
    assert!(err.contains("2592000") && err.contains("0 to 86400"), "{err}");
    let cfg = env.write("awxm.yaml", "lock_timeout: 86400\n");
    env.ok(&["--config", cfg.to_str().unwrap(), "settings", "list"]);
}

fn setting_value(env: &TestEnv, key: &str) -> (Value, bool) {
    let v = env.json(&["settings", "get", key]);
    (v["value"].clone(), v["is_set"].as_bool().unwrap())
}

db_test!(settings_set_checks_type_and_range, |env| {
    env.init();
    let cases: &[(&str, &str, &str)] = &[
        ("max_forks", "abc", "0 to 2147483647"),
        ("insights_tracking_state", "maybe", "true or false"),
        ("default_job_timeout", "1e23", "0 to 2147483647"),
        ("job_termination_grace_period", "-5", "0 to 3600"),
        ("isolated_node_grace_period", "-1", "0 to 2592000"),
        ("email_port", "70000", "1 to 65535"),
        ("allow_jinja_in_extra_vars", "sometimes", "\"template\""),
    ];
    env.ok(&["settings", "list"]);
    let counts = env.row_counts();
    for (key, value, allowed) in cases {
        let before = setting_value(&env, key);
        let out = env.run(&["settings", "set", key, value]);
        assert_status(&out, 65, &["settings", "set", key, value]);
        let err = stderr(&out);
        // A number is named as Python writes it (1e23 as 1e+23).
        let shown = if *value == "1e23" { "1e+23" } else { value.trim_start_matches('-') };
        assert!(err.contains(key) && err.contains(shown) && err.contains(allowed), "{err}");
        assert_eq!(setting_value(&env, key), before, "{key} changed");
    }
    assert_eq!(env.row_counts(), counts, "something was written");
    // The forms that fit are stored normalised: AWX's boolean words, durations as seconds.
    env.ok(&["settings", "set", "insights_tracking_state", "on"]);
    assert_eq!(setting_value(&env, "insights_tracking_state").0, Value::Bool(true));
    env.ok(&["settings", "set", "default_job_timeout", "2h"]);
    assert_eq!(setting_value(&env, "default_job_timeout").0, serde_json::json!(7200));
});

db_test!(every_numeric_setting_refuses_extreme_values, |env| {
    env.init();
    let list = env.json(&["settings", "list"]);
    let mut checked = 0;
    for s in list["items"].as_array().unwrap() {
        let key = s["key"].as_str().unwrap();
        let allowed = s["allowed"].as_str().unwrap();
        if s["secret"].as_bool().unwrap() || !(allowed.contains("whole number") || allowed.contains("seconds")) {
            continue;
        }
        checked += 1;
        let before = setting_value(&env, key);
        for value in ["-1", "9223372036854775808", "1e20", ".nan", "NaN", "abc", "18446744073709551615", "99999999999999999999"] {
            let out = env.run(&["settings", "set", key, value]);
            let code = out.status.code();
            assert_ne!(code, Some(101), "settings set {key} {value} panicked: {}", stderr(&out));
            assert_status(&out, 65, &["settings", "set", key, value]);
            assert_eq!(setting_value(&env, key), before, "{key} changed by {value}");
        }
    }
    assert!(checked >= 20, "only {checked} numeric settings");
});

db_test!(stored_out_of_range_setting_is_a_config_error_at_use, |env| {
    env.init();
    // A value written before the checks existed (or by hand): read at use, exit 78.
    env.ok(&["settings", "list"]);
    env.sql_exec(
        "INSERT INTO setting (key, value, encrypted, modified) VALUES ('local_stdout_expire_time', '1e23', FALSE, '2026-01-01T00:00:00.000000Z')",
    );
    let out = env.run(&["cleanup_stdout", "--dry-run"]);
    assert_status(&out, 78, &["cleanup_stdout"]);
    let err = stderr(&out);
    assert!(err.contains("local_stdout_expire_time") && err.contains("0 to 2147483647"), "{err}");
    // It can be fixed with settings set.
    env.ok(&["settings", "set", "local_stdout_expire_time", "30d"]);
    env.ok(&["cleanup_stdout", "--dry-run"]);
});

db_test!(apply_checks_field_ranges_and_host_names, |env| {
    env.apply("organizations:\n  - name: Ops\nprojects:\n  - name: p\n    organization: Ops\n");
    let counts = env.row_counts();
    let cases: &[(&str, &str)] = &[
        (
            "organizations:\n  - name: Big\n    max_hosts: -1\n",
            "bad.yaml:3: organizations[0].max_hosts: must be a whole number from 0 to 2147483647, not -1",
        ),
        ("job_templates:\n  - name: j\n    project: p\n    playbook: a.yml\n    forks: -5\n", "bad.yaml:5: job_templates[0].forks"),
        (
            "job_templates:\n  - name: j\n    project: p\n    playbook: a.yml\n    verbosity: 9223372036854775807\n",
            "bad.yaml:5: job_templates[0].verbosity: must be a whole number from 0 to 5",
        ),
        (
            "job_templates:\n  - name: j\n    project: p\n    playbook: a.yml\n    job_slice_count: 0\n",
            "bad.yaml:5: job_templates[0].job_slice_count",
        ),
        (
            "job_templates:\n  - name: j\n    project: p\n    playbook: a.yml\n    timeout: 1.0e+20\n",
            "bad.yaml:5: job_templates[0].timeout",
        ),
        (
            "instance_groups:\n  - name: g\n    policy_instance_percentage: 101\n",
            "bad.yaml:3: instance_groups[0].policy_instance_percentage",
        ),
        ("instances:\n  - hostname: n1\n    capacity_adjustment: 2\n", "bad.yaml:3: instances[0].capacity_adjustment"),
        ("instances:\n  - hostname: n1\n    ssh:\n      port: 70000\n", "bad.yaml:4: instances[0].ssh.port"),
        (
            "inventories:\n  - name: i\n    organization: Ops\n    hosts:\n      - name: ok\n      - name: 'web{{ n }}'\n",
            "bad.yaml:6: inventories[0].hosts.1: Inline Jinja variables are not allowed in host names: web{{ n }}",
        ),
        (
            "inventories:\n  - name: i\n    organization: Ops\n    hosts:\n      - 'db{% if x %}1{% endif %}'\n",
            "bad.yaml:5: inventories[0].hosts.0: Inline Jinja",
        ),
    ];
    for (text, want) in cases {
        let p = env.write("bad.yaml", text);
        let out = env.run(&["apply", "-f", p.to_str().unwrap()]);
        assert_status(&out, 65, &["apply", text]);
        let err = stderr(&out);
        assert!(err.contains(want), "expected {want:?} in: {err}");
        assert_eq!(env.row_counts(), counts, "something was written for {text}");
    }
    // The edges themselves are accepted.
    env.apply("job_templates:\n  - name: j\n    project: p\n    playbook: a.yml\n    forks: 0\n    verbosity: 5\n    job_slice_count: 1\n");
});
