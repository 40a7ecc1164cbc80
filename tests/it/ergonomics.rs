//! The command line as a new user meets it: help (`awxm`, `awxm help CMD`), what help and
//! completion leave out (internal commands and options), and silence on success (`heartbeat -q`).

use crate::support::*;

#[test]
fn bare_awxm_and_help_cmd_print_help() {
    let env = TestEnv::sqlite();
    // Bare: the help on stdout, exit 0, nothing created.
    let out = env.run(&[]);
    assert_status(&out, 0, &[]);
    let help = stdout(&out);
    assert!(help.contains("Usage: awxm [OPTIONS] <COMMAND>") && help.contains("\nCommands:\n") && help.contains("  metrics "), "{help}");
    assert!(!help.contains("job-guard"), "{help}");
    assert_eq!(stderr(&out), "");
    assert!(!env.path().join("data").exists(), "bare awxm created state");
    // Options but no command: a usage error with the help on stderr (internal commands and
    // aliases left out, unlike clap's own list).
    let out = env.run(&["--format", "json"]);
    assert_status(&out, 2, &["--format", "json"]);
    let err = stderr(&out);
    assert!(err.contains("awxm: error: no command given") && err.contains("Usage: awxm [OPTIONS] <COMMAND>"), "{err}");
    assert!(!err.contains("job-guard") && !err.contains("run-job"), "{err}");
    assert_eq!(stdout(&out), "");
    // `awxm help CMD` is `awxm CMD --help`.
    let out = env.run(&["help", "check_license"]);
    assert_status(&out, 0, &["help", "check_license"]);
    let help = stdout(&out);
    assert!(help.contains("Usage: awxm check_license [OPTIONS]") && help.contains("--nagios") && help.contains("EXIT STATUS:"), "{help}");
    assert_eq!(help, stdout(&env.run(&["check_license", "--help"])));
    let out = env.run(&["help", "job", "stdout"]);
    assert_status(&out, 0, &["help", "job", "stdout"]);
    assert!(stdout(&out).contains("Usage: awxm job stdout [OPTIONS] <ID>"), "{}", stdout(&out));
    assert_status(&env.run(&["help", "no_such_command"]), 2, &["help", "no_such_command"]);
}

#[test]
fn internal_commands_and_options_are_not_offered() {
    let env = TestEnv::sqlite();
    let top = stdout(&env.run(&["--help"]));
    assert!(top.contains("\n  run_job ") && top.contains("\nGlobal options:\n"), "{top}");
    // Internal commands and aliases are not listed.
    for word in ["job-guard", "run-job", "deep-copy", "cluster_node_heartbeat"] {
        assert!(!top.contains(word), "{word} in --help:\n{top}");
    }
    let run_job = stdout(&env.run(&["run_job", "--help"]));
    assert!(run_job.contains("--no-follow") && !run_job.contains("--supervise"), "{run_job}");
    let tm = stdout(&env.run(&["task_manager", "--help"]));
    assert!(tm.contains("--once") && !tm.contains("--run "), "{tm}");
    // Nor completed, in any shell: every script asks awxm itself (COMPLETE=SHELL awxm -- WORDS).
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&env.run(&["completions", shell]));
        assert!(script.contains(shell) && script.contains("COMPLETE"), "{shell}: {script}");
    }
    let complete = |words: &[&str]| -> Vec<String> {
        let out = env
            .cmd()
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
            .arg("--")
            .arg("awxm")
            .args(words)
            .output()
            .unwrap();
        assert_status(&out, 0, words);
        stdout(&out).lines().map(str::to_string).collect()
    };
    let commands = complete(&[""]);
    assert!(commands.iter().any(|c| c == "inventory_import") && commands.iter().any(|c| c == "run_job"), "{commands:?}");
    let run_job = complete(&["run_job", "--n"]);
    assert!(run_job.iter().any(|c| c == "--no-follow"), "{run_job:?}");
    let import = complete(&["inventory_import", "--k"]);
    for (words, offered) in [(&commands, "commands"), (&run_job, "run_job"), (&import, "inventory_import")] {
        for word in ["job-guard", "--supervise", "--keep-vars", "run-job", "deep-copy"] {
            assert!(!words.iter().any(|w| w == word), "{offered} completion offers {word}");
        }
    }
    // They still work: an alias runs its command, and run_job without a template is a usage error.
    assert_eq!(stdout(&env.run(&["check-license", "--help"])), stdout(&env.run(&["check_license", "--help"])));
    let out = env.run(&["run_job"]);
    assert_status(&out, 2, &["run_job"]);
    assert!(stderr(&out).contains("a job template is required"), "{}", stderr(&out));
}

db_test!(heartbeat_quiet_prints_nothing_unless_a_peer_was_lost, |env| {
    let beat = |node: &str, now: &str, args: &[&str]| {
        let out = env.cmd().env("AWXM_NODE_NAME", node).env("AWXM_FAKE_NOW", now).arg("heartbeat").args(args).output().unwrap();
        assert_status(&out, 0, &["heartbeat", node]);
        (stdout(&out), stderr(&out))
    };
    let (out, err) = beat("me", "2029-06-01T00:00:00Z", &[]);
    assert!(out.starts_with("me (registered now): capacity "), "{out}");
    assert_eq!(err, "");
    // A routine beat with -q: not a byte.
    assert_eq!(beat("me", "2029-06-01T00:01:00Z", &["-q"]), (String::new(), String::new()));
    assert_eq!(beat("me", "2029-06-01T00:02:00Z", &["--quiet"]), (String::new(), String::new()));
    // A peer that stopped beating: -q says that it was marked lost, once.
    beat("peer", "2029-06-01T00:02:00Z", &["-q"]);
    let (out, _) = beat("me", "2029-06-01T00:10:00Z", &["-q"]);
    assert_eq!(out.lines().collect::<Vec<_>>(), ["peer: marked lost (last heartbeat 2029-06-01T00:02:00.000000Z)"], "{out}");
    assert_eq!(beat("me", "2029-06-01T00:11:00Z", &["-q"]).0, "");
    // Without -q the status line is there again.
    let (out, _) = beat("me", "2029-06-01T00:12:00Z", &[]);
    assert!(out.starts_with("me: capacity "), "{out}");
});
