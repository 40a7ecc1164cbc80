//! `--jq EXPR`: a jq filter over the JSON output of any command, as `gh --jq` (strings raw,
//! other values compact, one per line), checked before the command runs.

use crate::support::*;

const ORGS: &str = "organizations:\n  - name: Alpha\n  - name: Beta Org\n    description: \"the \\\"second\\\" one\"\n";

db_test!(jq_filters_lists_and_shows, |env| {
    env.apply(ORGS);
    // A list: names raw, one per line (--format json implied).
    assert_eq!(env.ok(&["list", "organizations", "--jq", ".items[].name"]), "Alpha\nBeta Org\n");
    // Other values compact; a string with quotes is still raw.
    assert_eq!(
        env.ok(&["list", "organizations", "--jq", ".items[] | {name, n: (.name | length)}"]),
        "{\"name\":\"Alpha\",\"n\":5}\n{\"name\":\"Beta Org\",\"n\":8}\n"
    );
    assert_eq!(env.ok(&["show", "organization", "Beta Org", "--jq", ".description"]), "the \"second\" one\n");
    // The input is the document --format json prints (format_version and all).
    assert_eq!(env.ok(&["--jq", ".format_version, .count", "list", "organizations"]), "1\n2\n");
    // With -o jsonl each line (a list's item) is filtered.
    assert_eq!(env.ok(&["list", "organizations", "-o", "jsonl", "--jq", ".name"]), "Alpha\nBeta Org\n");
    // A format from the environment gives way to --jq; one typed with it is a usage error.
    let out = env.cmd().env("AWXM_FORMAT", "yaml").args(["list", "organizations", "--jq", ".count"]).output().unwrap();
    assert_status(&out, 0, &["AWXM_FORMAT=yaml", "--jq"]);
    assert_eq!(stdout(&out), "2\n");
    for format in ["yaml", "human"] {
        let out = env.run(&["list", "organizations", "--format", format, "--jq", ".count"]);
        assert_status(&out, 2, &["--format", format, "--jq"]);
        assert!(stderr(&out).contains(&format!("cannot be used with --format {format}")), "{}", stderr(&out));
        assert_eq!(stdout(&out), "");
    }
    assert_eq!(env.ok(&["list", "organizations", "-o", "json", "--jq", ".count"]), "2\n");
    // A runtime error: what came before is printed, the error goes to stderr, exit 1.
    let out = env.run(&["list", "organizations", "--jq", ".items[] | .name | ascii_downcase, .x"]);
    assert_status(&out, 1, &["--jq", "runtime error"]);
    assert_eq!(stdout(&out), "alpha\n");
    assert!(stderr(&out).contains("awxm: error: --jq: cannot index \"Alpha\""), "{}", stderr(&out));
    // A filter that recurses without end is a filter error too (exit 1, a message), not a crash.
    let out = env.run(&["list", "organizations", "--jq", "def f: 1 + f; f"]);
    assert_status(&out, 1, &["--jq", "endless recursion"]);
    assert!(stderr(&out).contains("awxm: error: --jq: the filter recursed too deep"), "{}", stderr(&out));
    // The command's own error object is printed as it is, not filtered.
    let out = env.run(&["show", "organization", "Nope", "--jq", ".name"]);
    assert_status(&out, 66, &["show", "missing", "--jq"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["error"]["exit_code"], 66, "{v}");
    // Output that ends early (a closed pipe) is no error; an endless filter stops with it.
    let mut child =
        env.std_cmd().args(["list", "organizations", "--jq", "repeat(.count)"]).stdout(std::process::Stdio::piped()).spawn().unwrap();
    let mut first = [0u8; 2];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    assert_eq!(&first, b"2\n");
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
});

db_test!(a_bad_filter_is_refused_before_the_command_runs, |env| {
    env.apply(ORGS);
    let before = env.row_counts();
    let file = env.write("more.yaml", "organizations:\n  - name: Gamma\n");
    for (filter, want) in
        [(".items[", "expected \"]\" to close \"[\""), ("nosuchfilter", "undefined filter nosuchfilter/0"), ("$nope", "undefined variable")]
    {
        let out = env.run(&["apply", "-f", file.to_str().unwrap(), "--jq", filter]);
        assert_status(&out, 2, &["apply", "--jq", filter]);
        assert!(stderr(&out).contains(&format!("awxm: error: --jq: {want}")), "{filter}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{filter}");
    }
    assert_eq!(env.row_counts(), before, "a bad filter let apply write");
    // The same on a command that would create the database: nothing is created.
    let fresh = TestEnv::sqlite();
    let file = fresh.write("more.yaml", "organizations:\n  - name: Gamma\n");
    let out = fresh.run(&["apply", "-f", file.to_str().unwrap(), "--jq", "if"]);
    assert_status(&out, 2, &["apply", "--jq", "if"]);
    assert!(!fresh.path().join("awxm.db").exists(), "a bad filter created the database");
    // Commands that print text refuse --jq (`completions` has a JSON form now: see completion.rs).
    for args in [&["check_license", "--nagios"][..], &["inventory_export", "--script", "x"]] {
        let mut a = args.to_vec();
        a.extend(["--jq", "."]);
        let out = env.run(&a);
        assert_status(&out, 2, &a);
        assert!(stderr(&out).contains("--jq cannot be used here"), "{a:?}: {}", stderr(&out));
    }
});

db_test!(jq_filters_inventory_export_json, |env| {
    env.apply("inventories:\n  - name: inv\n    hosts:\n      - name: web1\n        variables: {port: 8080}\n");
    assert_eq!(env.ok(&["inventory_export", "inv", "--jq", "._meta.hostvars.web1.port"]), "8080\n");
    let out = env.run(&["inventory_export", "inv", "--script", "--jq", "."]);
    assert_status(&out, 2, &["inventory_export", "--script", "--jq"]);
});
