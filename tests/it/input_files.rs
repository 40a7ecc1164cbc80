//! Hostile and broken input files: YAML alias bombs (bounded expansion, bounded memory, nothing
//! written, the inventory update recorded as failed) and bytes that are not UTF-8 (exit 65 or,
//! for the config file, 78, naming `file:line`).

use std::process::Output;

use crate::support::*;

/// Nine levels of nine aliases: 9^9 (387 million) nodes from 300 bytes, `indent` spaces deep.
fn alias_bomb(indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut text = format!("{pad}a: &a [x,x,x,x,x,x,x,x,x]\n");
    for (prev, cur) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        text.push_str(&format!("{pad}{cur}: &{cur} [{}]\n", vec![format!("*{prev}"); 9].join(",")));
    }
    text
}

const MAX_RSS_KIB: i64 = 200 * 1024;

/// Create the schema and one row, so that "nothing written" compares real tables.
fn seed(env: &TestEnv) -> Vec<(String, i64)> {
    env.apply("organizations:\n  - name: seed\n");
    let counts = env.row_counts();
    assert!(counts.iter().any(|(t, n)| t == "organization" && *n == 1), "{counts:?}");
    counts
}

#[track_caller]
fn assert_bounded(out: &Output, rss_kib: i64, what: &[&str]) {
    assert_status(out, 65, what);
    assert!(stderr(out).contains("(alias bomb?)"), "{}", stderr(out));
    assert!(rss_kib < MAX_RSS_KIB, "peak memory {rss_kib} KiB for {what:?}");
}

db_test!(apply_alias_bomb_is_refused, |env| {
    let before = seed(&env);
    let f = env.write("bomb.yaml", &format!("organizations:\n  - name: o\n    description: x\nlabels:\n{}", alias_bomb(2)));
    let args = ["apply", "-f", f.to_str().unwrap()];
    let (out, rss) = env.run_measured(&args);
    assert_bounded(&out, rss, &args);
    // a..e expand to 74718 nodes; `f` (line 10) crosses the 200000 floor.
    assert!(stderr(&out).contains("bomb.yaml:10: YAML aliases expand to more than 200000 nodes"), "{}", stderr(&out));
    assert_eq!(env.row_counts(), before, "nothing written");
});

db_test!(inventory_import_alias_bomb_fails_the_update, |env| {
    let ok = env.write("ok.yml", "all:\n  hosts:\n    h0:\n");
    env.json(&["inventory_import", "--inventory-name", "inv", "--create", "--source", ok.to_str().unwrap()]);
    let bomb = env.write("inv.yml", &format!("all:\n  vars:\n{}  hosts:\n    h1:\n    h2:\n", alias_bomb(4)));
    let args = ["inventory_import", "--inventory-name", "inv", "--source", bomb.to_str().unwrap()];
    let (out, rss) = env.run_measured(&args);
    assert_bounded(&out, rss, &args);
    assert!(stderr(&out).contains("inv.yml:8: "), "{}", stderr(&out));
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'running'"), 0, "no update left running");
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'failed'"), 1, "the bomb's update is failed");
    assert_eq!(env.sql_count("SELECT count(*) FROM host"), 1, "no host written");
});

db_test!(group_vars_alias_bomb_is_refused, |env| {
    env.write("inv/hosts", "[web]\nw1\n");
    let gv = env.write("inv/group_vars/web.yml", &alias_bomb(0));
    let before = seed(&env);
    let dir = env.path().join("inv");
    let args = ["inventory_import", "--inventory-name", "inv", "--create", "--source", dir.to_str().unwrap()];
    let (out, rss) = env.run_measured(&args);
    assert_bounded(&out, rss, &args);
    assert!(stderr(&out).contains(&format!("{}:6: ", gv.display())), "{}", stderr(&out));
    assert_eq!(env.row_counts(), before, "nothing written");
});

/// `text` with a Latin-1 `é` (0xE9, not UTF-8) at the end of line 3.
fn latin1(text: &str) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = text.lines().map(|l| l.as_bytes().to_vec()).collect();
    lines[2].push(0xE9);
    let mut out = lines.join(&b'\n');
    out.push(b'\n');
    out
}

db_test!(apply_non_utf8_names_the_line, |env| {
    let before = seed(&env);
    let f = env.path().join("bad.yaml");
    std::fs::write(&f, latin1("organizations:\n  - name: o\n    description: caf\n")).unwrap();
    let out = env.run(&["apply", "-f", f.to_str().unwrap()]);
    assert_status(&out, 65, &["apply"]);
    assert!(stderr(&out).contains("bad.yaml:3: invalid UTF-8 (byte 0xE9)"), "{}", stderr(&out));
    assert_eq!(env.row_counts(), before, "nothing written");
});

db_test!(inventory_non_utf8_names_the_line, |env| {
    let before = seed(&env);
    let ini = env.path().join("hosts.ini");
    std::fs::write(&ini, latin1("[web]\nw1\nw2 note=caf\n")).unwrap();
    let yml = env.path().join("hosts.yml");
    std::fs::write(&yml, latin1("all:\n  hosts:\n    w1: {note: caf}\n")).unwrap();
    env.write("dir/hosts", "[web]\nw1\n");
    let gv = env.path().join("dir/group_vars/web.yml");
    std::fs::create_dir_all(gv.parent().unwrap()).unwrap();
    std::fs::write(&gv, latin1("a: 1\nb: 2\nnote: caf\n")).unwrap();
    let hv = env.path().join("dir/host_vars/w1");
    std::fs::create_dir_all(hv.parent().unwrap()).unwrap();
    for (src, bad) in [(ini.clone(), ini), (yml.clone(), yml), (env.path().join("dir"), gv.clone())] {
        let args = ["inventory_import", "--inventory-name", "inv", "--create", "--source", src.to_str().unwrap()];
        let out = env.run(&args);
        assert_status(&out, 65, &args);
        assert!(stderr(&out).contains(&format!("{}:3: invalid UTF-8 (byte 0xE9)", bad.display())), "{}", stderr(&out));
    }
    std::fs::remove_file(&gv).unwrap();
    std::fs::write(&hv, latin1("a: 1\nb: 2\nnote: caf\n")).unwrap();
    let dir = env.path().join("dir");
    let args = ["inventory_import", "--inventory-name", "inv", "--create", "--source", dir.to_str().unwrap()];
    let out = env.run(&args);
    assert_status(&out, 65, &args);
    assert!(stderr(&out).contains(&format!("{}:3: invalid UTF-8", hv.display())), "{}", stderr(&out));
    assert_eq!(env.row_counts(), before, "nothing written");
});

#[test]
fn config_non_utf8_is_a_config_error_with_the_line() {
    let env = TestEnv::sqlite();
    let cfg = env.path().join("awxm.yaml");
    std::fs::write(&cfg, latin1("# awxm\nnode_name: n1\nformat: caf\n")).unwrap();
    let out = env.run(&["--config", cfg.to_str().unwrap(), "list", "organizations"]);
    assert_status(&out, 78, &["--config"]);
    assert!(stderr(&out).contains(&format!("{}:3: invalid UTF-8 (byte 0xE9)", cfg.display())), "{}", stderr(&out));
}

#[test]
fn config_alias_bomb_is_a_config_error() {
    let env = TestEnv::sqlite();
    let cfg = env.write("awxm.yaml", &format!("x:\n{}", alias_bomb(2)));
    let args = ["--config", cfg.to_str().unwrap(), "list", "organizations"];
    let (out, rss) = env.run_measured(&args);
    assert_status(&out, 78, &args);
    assert!(stderr(&out).contains(&format!("{}:7: YAML aliases expand", cfg.display())), "{}", stderr(&out));
    assert!(rss < MAX_RSS_KIB, "peak memory {rss} KiB");
}
