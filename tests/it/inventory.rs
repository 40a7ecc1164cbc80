//! inventory_import / inventory_update / inventory_export: re-imports, --overwrite and
//! --overwrite-vars, instance ids, enabled flags, filters, empty groups, atomicity, locking,
//! cancellation, bad input, the stored-source records and the script contract.

use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::*;

fn import(env: &TestEnv, src: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec!["inventory_import", "--inventory-name", "inv", "--create", "--source", src.to_str().expect("path")];
    args.extend_from_slice(extra);
    env.json(&args)
}

fn export(env: &TestEnv) -> Value {
    json_stdout(&["inventory_export"], env.ok(&["inventory_export", "inv"]).as_bytes())
}

fn hosts_of(doc: &Value, group: &str) -> Vec<String> {
    let mut v: Vec<String> =
        doc[group]["hosts"].as_array().map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect()).unwrap_or_default();
    v.sort();
    v
}

fn counts(r: &Value, what: &str) -> (u64, u64, u64, u64) {
    let c = &r[what];
    (c["added"].as_u64().unwrap(), c["updated"].as_u64().unwrap(), c["removed"].as_u64().unwrap(), c["unchanged"].as_u64().unwrap())
}

/// A host added by hand (owned by no source) as a member of `group`.
fn add_manual_host(env: &TestEnv, name: &str, group: &str) {
    env.sql_exec(&format!(
        "INSERT INTO host (inventory_id, name, created, modified) SELECT id, '{name}', 'now', 'now' FROM inventory WHERE name = 'inv';
         INSERT INTO group_host (group_id, host_id) SELECT g.id, h.id FROM inv_group g, host h WHERE g.name = '{group}' AND h.name = '{name}';"
    ));
}

/// Host names of the inventory, sorted.
fn host_names(env: &TestEnv) -> Vec<String> {
    let inv = env.json(&["show", "inventory", "inv"]);
    let mut v: Vec<String> = inv["hosts"].as_array().unwrap().iter().map(|h| h["name"].as_str().unwrap().to_string()).collect();
    v.sort();
    v
}

// On PostgreSQL the foreign keys of hosts, groups and their links are statement-level
// triggers (migrations 0310, 1050, 1051): they must refuse what the foreign keys refused and
// cascade what they cascaded, whichever way the check goes (a range of the transaction's own
// new rows, or one probe per id and a lock on rows others wrote).
db_test!(links_refuse_missing_rows_and_follow_deletes, |env| {
    let src = env.write("hosts.ini", "[web]\nw1\nw2\n[db]\nd1\nw1\n");
    import(&env, &src, &[]);
    let n = |t: &str| env.sql_count(&format!("SELECT count(*) FROM {t}"));
    assert_eq!((n("host"), n("group_host"), n("host_inventory_source")), (3, 4, 3));
    for bad in [
        "INSERT INTO group_host (group_id, host_id) SELECT min(id), 999999 FROM inv_group",
        "INSERT INTO group_host (group_id, host_id) SELECT 999999, min(id) FROM host",
        "INSERT INTO host_inventory_source (host_id, inventory_source_id) SELECT min(id), 999999 FROM host",
        "INSERT INTO host_inventory_source (host_id, inventory_source_id) SELECT 999999, min(id) FROM inventory_source",
        "INSERT INTO host (inventory_id, name, created, modified) VALUES (999999, 'x', 'now', 'now')",
        "UPDATE group_host SET host_id = 999999 WHERE host_id = (SELECT min(host_id) FROM group_host)",
        "UPDATE host SET inventory_id = 999999 WHERE name = 'w2'",
        "UPDATE host SET last_job_id = 999999 WHERE name = 'w2'",
        "INSERT INTO inv_group (inventory_id, name, created, modified) VALUES (999999, 'x', 'now', 'now')",
        "INSERT INTO group_child (parent_id, child_id) SELECT min(id), 999999 FROM inv_group",
        "INSERT INTO group_child (parent_id, child_id) SELECT 999999, min(id) FROM inv_group",
        "INSERT INTO group_inventory_source (group_id, inventory_source_id) SELECT min(id), 999999 FROM inv_group",
        "INSERT INTO group_inventory_source (group_id, inventory_source_id) SELECT 999999, min(id) FROM inventory_source",
        "INSERT INTO host (inventory_id, name, last_job_id, created, modified) SELECT min(inventory_id), 'x', 999999, 'now', 'now' FROM host",
        // The last stored host (d1, not in web) and the id after it, which is missing.
        "INSERT INTO group_host (group_id, host_id) SELECT (SELECT id FROM inv_group WHERE name = 'web'), h.id \
         FROM (SELECT max(id) AS id FROM host UNION ALL SELECT max(id) + 1 FROM host) h",
        // A host of this transaction and a missing one right after it: a dense range, not all there.
        "BEGIN; INSERT INTO host (id, inventory_id, name, created, modified) SELECT max(id) + 1, min(inventory_id), 'n1', 'now', 'now' FROM host; \
         INSERT INTO group_host (group_id, host_id) SELECT (SELECT min(id) FROM inv_group), id FROM host WHERE name = 'n1' \
         UNION ALL SELECT (SELECT min(id) FROM inv_group), max(id) + 1 FROM host; COMMIT;",
    ] {
        let err = env.sql_try(bad).expect_err(bad);
        assert!(err.contains("23503") || err.contains("FOREIGN KEY"), "{bad}: {err}");
    }
    // The hosts a transaction inserted in one dense range need no lookup when linked (1070),
    // until it deletes one, changes an id or rolls the insert back: then the links to the
    // missing host are refused as before.
    let two_hosts = "INSERT INTO host (id, inventory_id, name, created, modified) \
                     SELECT max(id) + 1, min(inventory_id), 'n1', 'now', 'now' FROM host \
                     UNION ALL SELECT max(id) + 2, min(inventory_id), 'n2', 'now', 'now' FROM host";
    let link = |ids: &str| format!("INSERT INTO group_host (group_id, host_id) SELECT (SELECT min(id) FROM inv_group), h FROM ({ids}) x");
    let mut after_insert = vec![
        format!(
            "BEGIN; {two_hosts}; DELETE FROM host WHERE name = 'n1'; {}; COMMIT;",
            link("SELECT max(id) - 1 AS h FROM host UNION ALL SELECT max(id) FROM host")
        ),
        format!(
            "BEGIN; {two_hosts}; UPDATE host SET id = id + 1000 WHERE name = 'n1'; {}; COMMIT;",
            link("SELECT id - 1 AS h FROM host WHERE name = 'n2' UNION ALL SELECT id FROM host WHERE name = 'n2'")
        ),
        format!(
            "BEGIN; SAVEPOINT s; {two_hosts}; ROLLBACK TO SAVEPOINT s; {}; COMMIT;",
            link("SELECT max(id) + 1 AS h FROM host UNION ALL SELECT max(id) + 2 FROM host")
        ),
    ];
    if env.backend == Backend::Postgres {
        // A range noted by another transaction (or planted in the session) proves nothing.
        after_insert.push(format!("SET awxm.fresh_host = '1:1:99999999'; {}", link("SELECT 999999 AS h")));
        after_insert.push(format!(
            "BEGIN; {two_hosts}; CREATE TEMP TABLE gone AS SELECT id FROM host WHERE name LIKE 'n_'; TRUNCATE host CASCADE; {}; COMMIT;",
            link("SELECT id AS h FROM gone")
        ));
    }
    for bad in &after_insert {
        let err = env.sql_try(bad).expect_err(bad);
        assert!(err.contains("23503") || err.contains("FOREIGN KEY"), "{bad}: {err}");
    }
    assert_eq!((n("host"), n("group_host"), n("host_inventory_source")), (3, 4, 3));
    // Good rows pass both ways: new hosts with their links in one transaction, and a link to
    // a host stored before.
    env.sql_try(
        "BEGIN; INSERT INTO host (id, inventory_id, name, created, modified) SELECT max(id) + 1, min(inventory_id), 'n1', 'now', 'now' FROM host; \
         INSERT INTO host (id, inventory_id, name, created, modified) SELECT max(id) + 1, min(inventory_id), 'n2', 'now', 'now' FROM host; \
         INSERT INTO group_host (group_id, host_id) SELECT (SELECT min(id) FROM inv_group), id FROM host WHERE name IN ('n1', 'n2'); \
         INSERT INTO host_inventory_source (host_id, inventory_source_id) SELECT id, (SELECT min(id) FROM inventory_source) FROM host WHERE name IN ('n1', 'n2'); \
         INSERT INTO group_host (group_id, host_id) SELECT (SELECT id FROM inv_group WHERE name = 'db'), id FROM host WHERE name = 'w2'; COMMIT;",
    )
    .unwrap();
    assert_eq!((n("host"), n("group_host"), n("host_inventory_source")), (5, 7, 5));
    env.sql_try("DELETE FROM host WHERE name IN ('n1', 'n2'); DELETE FROM group_host WHERE host_id = (SELECT id FROM host WHERE name = 'w2') AND group_id = (SELECT id FROM inv_group WHERE name = 'db')").unwrap();
    assert_eq!((n("host"), n("group_host"), n("host_inventory_source")), (3, 4, 3));
    if env.backend == Backend::Postgres {
        // A link to a row another transaction wrote locks that row as the foreign key did: a
        // delete of it waits for the linking transaction.
        let mut a = postgres::Client::connect(&env.url, postgres::NoTls).expect("connect");
        let mut b = postgres::Client::connect(&env.url, postgres::NoTls).expect("connect");
        let mut tx = a.transaction().expect("begin");
        tx.batch_execute("INSERT INTO group_host (group_id, host_id) SELECT (SELECT id FROM inv_group WHERE name = 'db'), id FROM host WHERE name = 'w2'")
            .expect("link");
        let err = b.batch_execute("SET lock_timeout = '300ms'; DELETE FROM host WHERE name = 'w2'").expect_err("the delete must wait");
        assert_eq!(err.code(), Some(&postgres::error::SqlState::LOCK_NOT_AVAILABLE), "{err}");
        tx.rollback().expect("rollback");
    }
    env.sql_try("DELETE FROM host WHERE name = 'w1'").unwrap();
    assert_eq!((n("host"), n("group_host"), n("host_inventory_source")), (2, 2, 2));
    env.sql_try("INSERT INTO group_child (parent_id, child_id) SELECT p.id, c.id FROM inv_group p, inv_group c WHERE p.name = 'web' AND c.name = 'db'")
        .unwrap();
    assert_eq!((n("group_child"), n("group_inventory_source")), (1, 2));
    env.sql_try("DELETE FROM inv_group WHERE name = 'db'").unwrap();
    assert_eq!((n("group_host"), n("group_child"), n("group_inventory_source")), (1, 0, 1));
    env.sql_try("DELETE FROM inventory_source").unwrap();
    assert_eq!((n("host_inventory_source"), n("group_inventory_source")), (0, 0));
    env.json(&["delete", "inventory", "inv", "--yes"]);
    assert_eq!((n("host"), n("group_host"), n("inv_group")), (0, 0, 0));
});

db_test!(reimport_merges_and_overwrite_removes_only_what_this_source_imported, |env| {
    let src = env.write("hosts.ini", "[web]\nw1 a=1 b=1\nw2\n[db]\nd1\n[web:vars]\ng=1\n");
    let r = import(&env, &src, &[]);
    assert_eq!(counts(&r, "hosts"), (3, 0, 0, 0), "{r}");
    assert_eq!(counts(&r, "groups"), (2, 0, 0, 0));
    assert_eq!(r["inventory"]["created"], true);

    // Something added by hand and by another source must survive --overwrite.
    add_manual_host(&env, "manual", "web");
    let other = env.write("other.ini", "[other]\no1\n");
    env.json(&["inventory_import", "--inventory-name", "inv", "--source", other.to_str().unwrap()]);

    // Edit: w2 and group db gone, w1 has new and removed vars.
    env.write("hosts.ini", "[web]\nw1 a=2 c=3\nw3\n[web:vars]\nh=2\n");
    let r = import(&env, &src, &[]);
    assert_eq!(counts(&r, "hosts"), (1, 1, 0, 0), "without --overwrite nothing is removed: {r}");
    let e = export(&env);
    assert_eq!(e["_meta"]["hostvars"]["w1"], json!({"a": 2, "b": 1, "c": 3}), "variables merge");
    assert_eq!(e["web"]["vars"], json!({"g": 1, "h": 2}));
    assert!(hosts_of(&e, "web").contains(&"w2".to_string()));

    let r = import(&env, &src, &["--overwrite", "--overwrite-vars"]);
    assert_eq!(r["hosts"]["removed"], 2, "w2 and d1: {r}");
    assert_eq!(r["groups"]["removed"], 1, "db: {r}");
    let e = export(&env);
    assert_eq!(e["_meta"]["hostvars"]["w1"], json!({"a": 2, "c": 3}), "--overwrite-vars replaces");
    assert_eq!(e["web"]["vars"], json!({"h": 2}));
    assert_eq!(hosts_of(&e, "web"), ["manual", "w1", "w3"], "the manual member stays");
    assert_eq!(host_names(&env), ["manual", "o1", "w1", "w3"], "other source's host stays");
    assert_eq!(hosts_of(&e, "other"), ["o1"]);
    let inv = env.json(&["show", "inventory", "inv"]);
    assert_eq!(inv["total_hosts"], 4);
    assert_eq!(inv["total_groups"], 2);
    assert_eq!(inv["total_inventory_sources"], 2);
});

db_test!(membership_moves_are_synced_with_overwrite, |env| {
    let src = env.write("h.yml", "all:\n  children:\n    a:\n      hosts: {h1: , h2: }\n      children: {sub: }\n    b:\n      hosts: {h3: }\n    sub:\n      hosts: {h4: }\n");
    import(&env, &src, &["--overwrite"]);
    env.write("h.yml", "all:\n  children:\n    a:\n      hosts: {h1: }\n    b:\n      hosts: {h2: , h3: }\n      children: {sub: }\n    sub:\n      hosts: {h4: }\n");
    let r = import(&env, &src, &["--overwrite"]);
    assert_eq!(r["memberships"], json!({"added": 1, "removed": 1}), "{r}");
    assert_eq!(r["children"], json!({"added": 1, "removed": 1}), "{r}");
    let e = export(&env);
    assert_eq!(hosts_of(&e, "a"), ["h1"]);
    assert_eq!(hosts_of(&e, "b"), ["h2", "h3"]);
    assert_eq!(e["b"]["children"], json!(["sub"]));
    assert!(e["a"].get("children").is_none());
});

db_test!(removed_group_hands_manual_members_to_its_parent, |env| {
    let src = env.write("h.ini", "[parent:children]\nmid\n[mid]\nm1\n");
    import(&env, &src, &["--overwrite"]);
    add_manual_host(&env, "manual", "mid");
    env.write("h.ini", "[parent]\nm1\n");
    let r = import(&env, &src, &["--overwrite"]);
    assert_eq!(r["groups"]["removed"], 1, "{r}");
    let e = export(&env);
    assert_eq!(hosts_of(&e, "parent"), ["m1", "manual"], "{e}");
});

db_test!(instance_ids_match_and_rename_hosts, |env| {
    let src = env.write("h.yml", "all:\n  hosts:\n    old-name: {ec2: {id: i-1}, v: 1}\n    keep: {ec2: {id: i-2}}\n");
    import(&env, &src, &["--instance-id-var", "missing,ec2.id"]);
    env.write("h.yml", "all:\n  hosts:\n    new-name: {ec2: {id: i-1}, v: 1}\n    keep: {ec2: {id: i-2}}\n");
    let r = import(&env, &src, &["--instance-id-var", "missing,ec2.id", "--overwrite"]);
    assert_eq!(r["hosts_renamed"], 1, "{r}");
    assert_eq!(counts(&r, "hosts"), (0, 1, 0, 1), "{r}");
    assert_eq!(host_names(&env), ["keep", "new-name"]);
    // A swap of names between two instance ids is fine too.
    env.write("h.yml", "all:\n  hosts:\n    keep: {ec2: {id: i-1}, v: 1}\n    new-name: {ec2: {id: i-2}}\n");
    let r = import(&env, &src, &["--instance-id-var", "ec2.id", "--overwrite"]);
    assert_eq!(r["hosts_renamed"], 2, "{r}");
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE instance_id = 'i-1' AND name = 'keep'"), 1);
});

db_test!(enabled_var_decides_enabled_and_export_skips_disabled, |env| {
    let src = env.write("h.yml", "all:\n  hosts:\n    on1: {status: {power: 'ON'}}\n    off1: {status: {power: 'off'}}\n    unknown: {}\n");
    import(&env, &src, &["--enabled-var", "status.power", "--enabled-value", "on"]);
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE enabled"), 2, "on1 and unknown (default)");
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE name = 'off1' AND NOT enabled"), 1);
    let e = export(&env);
    assert_eq!(hosts_of(&e, "ungrouped"), ["on1", "unknown"]);
    let all: Value = json_stdout(&["inventory_export"], env.ok(&["inventory_export", "inv", "--all-hosts"]).as_bytes());
    assert_eq!(hosts_of(&all, "ungrouped"), ["off1", "on1", "unknown"]);
    // Without --enabled-value: Python truthiness (the string "false" is enabled).
    env.write("h.yml", "all:\n  hosts:\n    on1: {st: 0}\n    off1: {st: 'false'}\n");
    import(&env, &src, &["--enabled-var", "st"]);
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE name = 'off1' AND enabled"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE name = 'on1' AND NOT enabled"), 1);
});

db_test!(filters_and_exclude_empty_groups, |env| {
    let src = env.write(
        "h.ini",
        "[web_a]\nweb1\ndb9\n[web_b]\nweb2\n[db]\ndb1\n[web_empty]\n[web_parent:children]\nweb_empty\n[web_vars:vars]\nx=1\n[web_vars]\n",
    );
    let r = import(&env, &src, &["--group-filter", "web", "--host-filter", "web", "--exclude-empty-groups"]);
    assert_eq!(host_names(&env), ["web1", "web2"], "{r}");
    let e = export(&env);
    let mut groups: Vec<&String> = e.as_object().unwrap().keys().filter(|k| !k.starts_with('_') && *k != "all").collect();
    groups.sort();
    // web_empty removed, and web_parent with it once it has nothing left (AWX's single pass
    // would keep it).
    assert_eq!(groups, ["web_a", "web_b", "web_vars"], "{e}");
    assert_eq!(env.sql_count("SELECT count(*) FROM inv_group WHERE name LIKE 'web_parent%' OR name = 'web_empty'"), 0);
    let bad = env.run(&["inventory_import", "--inventory-name", "inv", "--source", src.to_str().unwrap(), "--host-filter", "(unclosed"]);
    assert_status(&bad, 2, &["bad regex"]);
    assert!(stderr(&bad).contains("--host-filter"));
});

db_test!(awx_description_and_all_vars_merge_into_inventory, |env| {
    env.apply("organizations:\n  - name: Ops\ninventories:\n  - name: inv\n    organization: Ops\n    variables: {keep: 1, site: old}\n");
    let src = env.write("h.yml", "all:\n  vars: {site: new}\n  hosts:\n    h1: {_awx_description: 'the web box', x: 1}\n  children:\n    g: {vars: {_awx_description: 'group g'}, hosts: {h1: }}\n");
    env.json(&["inventory_import", "--inventory-name", "inv", "--source", src.to_str().unwrap(), "--overwrite-vars"]);
    let inv = env.json(&["show", "inventory", "inv"]);
    assert_eq!(inv["variables"], json!({"keep": 1, "site": "new"}), "all vars always merge");
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE description = 'the web box' AND variables = '{\"x\":1}'"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM inv_group WHERE description = 'group g'"), 1);
});

db_test!(failing_import_changes_nothing_and_is_recorded, |env| {
    let src = env.write("h.ini", "[web]\nw1\nw2\n");
    import(&env, &src, &[]);
    let before = env.row_counts();
    let snapshot = env.ok(&["inventory_export", "inv"]);
    let update_rows = |rows: &[(String, i64)]| rows.iter().find(|(t, _)| t == "inventory_update").map(|r| r.1);

    // Bad input: exit 65 naming file:line, nothing written, the update says failed.
    env.write("h.ini", "[web]\nw1\nw3\n[web\n");
    let out = env.run(&["inventory_import", "--inventory-name", "inv", "--source", src.to_str().unwrap(), "--overwrite"]);
    assert_status(&out, 65, &["bad ini"]);
    assert!(stderr(&out).contains("h.ini:4:"), "{}", stderr(&out));
    assert_eq!(env.ok(&["inventory_export", "inv"]), snapshot);
    let hist = env.json(&["inventory_update", "inv - h.ini", "--history"]);
    assert_eq!(hist["updates"][0]["status"], "failed", "{hist}");
    assert!(hist["updates"][0]["explanation"].as_str().unwrap().contains("h.ini:4"));
    assert_eq!(hist["inventory_source"]["status"], "failed");
    // Only the failed update's own record was added; every other table is as it was.
    let after_bad = env.row_counts();
    for ((t, a), (_, b)) in before.iter().zip(after_bad.iter()) {
        if t != "inventory_update" && t != "inventory_source" {
            assert_eq!(a, b, "table {t} changed");
        }
    }
    assert_eq!(update_rows(&after_bad), update_rows(&before).map(|n| n + 1));

    // A failure in the middle of the writes (a trigger refuses the memberships after the hosts
    // were inserted) rolls everything back.
    match env.backend {
        Backend::Sqlite => env.sql_exec(
            "CREATE TRIGGER refuse BEFORE INSERT ON group_host WHEN (SELECT name FROM host WHERE id = NEW.host_id) = 'w9'
             BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;",
        ),
        Backend::Postgres => env.sql_exec(
            "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN
               IF (SELECT name FROM host WHERE id = NEW.host_id) = 'w9' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
               RETURN NEW; END $$ LANGUAGE plpgsql;
             CREATE TRIGGER refuse BEFORE INSERT ON group_host FOR EACH ROW EXECUTE FUNCTION refuse();",
        ),
    }
    let rows_before = env.row_counts();
    env.write("h.ini", "[web]\nw1\nw9\n[other]\no1\n");
    let out = env.run(&["inventory_import", "--inventory-name", "inv", "--source", src.to_str().unwrap(), "--overwrite"]);
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(env.ok(&["inventory_export", "inv"]), snapshot);
    let after: Vec<(String, i64)> = env.row_counts();
    for ((t, a), (_, b)) in rows_before.iter().zip(after.iter()) {
        if t != "inventory_update" {
            assert_eq!(a, b, "table {t} changed");
        }
    }
    let hist = env.json(&["inventory_update", "inv - h.ini", "--history"]);
    assert_eq!(hist["updates"][0]["status"], "error", "{hist}");
});

db_test!(dry_run_reports_and_writes_nothing, |env| {
    let src = env.write("h.ini", "[web]\nw1\nw2\n");
    env.init();
    let before = env.row_counts();
    let r = env.json(&["inventory_import", "--inventory-name", "inv", "--create", "--source", src.to_str().unwrap(), "--dry-run"]);
    assert_eq!(r["dry_run"], true);
    assert_eq!(counts(&r, "hosts"), (2, 0, 0, 0));
    assert!(r["inventory_update"].is_null());
    assert!(r["inventory"]["id"].is_null());
    assert_eq!(env.row_counts(), before);
    let human = env.ok(&["inventory_import", "--inventory-name", "inv", "--create", "--source", src.to_str().unwrap(), "--dry-run"]);
    assert!(human.contains("Dry run"), "{human}");
    assert!(human.contains("2 added"), "{human}");
});

db_test!(create_and_missing_inventory, |env| {
    let src = env.write("h.ini", "h1\n");
    let out = env.run(&["inventory_import", "--inventory-name", "nope", "--source", src.to_str().unwrap()]);
    assert_status(&out, 66, &["missing inventory"]);
    let out = env.run(&["inventory_import", "--inventory-id", "999", "--source", src.to_str().unwrap()]);
    assert_status(&out, 66, &["missing id"]);
    let out = env.run(&["inventory_import", "--inventory-name", "x", "--source", "/nonexistent/file"]);
    assert_status(&out, 66, &["missing source"]);
    let r =
        env.json(&["inventory_import", "--inventory-name", "made", "--create", "--organization", "Lab", "--source", src.to_str().unwrap()]);
    assert_eq!(r["inventory"]["created"], true);
    assert_eq!(env.json(&["show", "inventory", "made"])["organization"], "Lab");
    let r = env.json(&["inventory_import", "--inventory-name", "made2", "--create", "--source", src.to_str().unwrap()]);
    assert_eq!(env.json(&["show", "inventory", "made2"])["organization"], "Default", "{r}");
    let id = r["inventory"]["id"].as_i64().unwrap().to_string();
    let r = env.json(&["inventory_import", "--inventory-id", &id, "--source", src.to_str().unwrap()]);
    assert_eq!(counts(&r, "hosts"), (0, 0, 0, 1));
});

db_test!(bad_sources_exit_65_with_location, |env| {
    let cases: &[(&str, &str, &str)] = &[
        ("a.yml", "all:\n  hosts:\n    - h1\n", "a.yml:3"),
        ("b.yml", "all:\n  hosts: {h1: [1]\n", "b.yml:"),
        ("c.ini", "h1 a='unterminated\n", "c.ini:1:"),
        ("d.ini", "h[1:x]\n", "d.ini:1:"),
        ("e.ini", "[g]\nh{{ x }}\n", "e.ini:2:"),
    ];
    for (name, text, loc) in cases {
        let p = env.write(name, text);
        let out = env.run(&["inventory_import", "--inventory-name", "inv", "--create", "--source", p.to_str().unwrap()]);
        assert_status(&out, 65, &[name]);
        assert!(stderr(&out).contains(loc), "{name}: {}", stderr(&out));
    }
    let script = env.write("fail.sh", "#!/bin/sh\necho oops >&2\nexit 3\n");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = env.run(&["inventory_import", "--inventory-name", "inv", "--create", "--source", script.to_str().unwrap()]);
    assert_status(&out, 65, &["failing script"]);
    assert!(stderr(&out).contains("status 3") && stderr(&out).contains("oops"), "{}", stderr(&out));
    let script = env.write("junk.sh", "#!/bin/sh\necho '{not json'\n");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = env.run(&["inventory_import", "--inventory-name", "inv", "--create", "--source", script.to_str().unwrap()]);
    assert_status(&out, 65, &["junk script"]);
    assert!(stderr(&out).contains("not valid JSON"), "{}", stderr(&out));
    // Inside a directory too (Ansible would only warn and import the rest).
    env.write("dir/good.ini", "[g]\nh1\n");
    env.write("dir/bad.yml", "all:\n  hosts: [h2]\n");
    env.write("dir/notes.txt", "ignored\n");
    let out = env.run(&["inventory_import", "--inventory-name", "inv", "--create", "--source", env.path().join("dir").to_str().unwrap()]);
    assert_status(&out, 65, &["bad file in a directory"]);
    assert!(stderr(&out).contains("bad.yml:2"), "{}", stderr(&out));
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory"), 0, "--create made nothing");
});

fn slow_script(env: &TestEnv, name: &str, seconds: f64, host: &str) -> std::path::PathBuf {
    let p = env.write(
        name,
        &format!("#!/bin/sh\nsleep {seconds}\necho '{{\"g\": {{\"hosts\": [\"{host}\"]}}, \"_meta\": {{\"hostvars\": {{}}}}}}'\n"),
    );
    std::fs::set_permissions(&p, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    p
}

db_test!(concurrent_imports_of_one_inventory_serialise, |env| {
    env.apply("inventories:\n  - name: inv\n");
    let a = slow_script(&env, "a.sh", 1.0, "ha");
    let b = slow_script(&env, "b.sh", 0.0, "hb");
    let first = env
        .std_cmd()
        .args(["--format", "json", "inventory_import", "--inventory-name", "inv", "--source", a.to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Wait until the first one holds the lock (its update record exists).
    wait_until("first import to start", Duration::from_secs(20), || env.sql_count("SELECT count(*) FROM inventory_update") != 0);
    let second = env.json(&["inventory_import", "--inventory-name", "inv", "--source", b.to_str().unwrap()]);
    let first = first.wait_with_output().expect("wait");
    assert_status(&first, 0, &["first import"]);
    assert_eq!(second["inventory_update"]["status"], "successful");
    // The second update started only after the first finished.
    assert_eq!(
        env.sql_count("SELECT count(*) FROM inventory_update u1, inventory_update u2 WHERE u1.id < u2.id AND u2.started >= u1.finished"),
        1
    );
    assert_eq!(host_names(&env), ["ha", "hb"]);
    // A run that cannot get the lock in time exits 75.
    let mut holder =
        env.std_cmd().args(["inventory_import", "--inventory-name", "inv", "--source", a.to_str().unwrap()]).spawn().expect("spawn");
    let n = env.sql_count("SELECT count(*) FROM inventory_update");
    while env.sql_count("SELECT count(*) FROM inventory_update") == n {
        std::thread::sleep(Duration::from_millis(20));
    }
    let busy = env.run(&["--lock-timeout", "0.2", "inventory_import", "--inventory-name", "inv", "--source", b.to_str().unwrap()]);
    assert_status(&busy, 75, &["busy"]);
    assert!(holder.wait().expect("wait").success());
});

db_test!(job_cancel_stops_a_running_update, |env| {
    env.apply("inventories:\n  - name: inv\n");
    let slow = slow_script(&env, "slow.sh", 30.0, "h");
    let child = env
        .std_cmd()
        .args(["inventory_import", "--inventory-name", "inv", "--source", slow.to_str().unwrap()])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    wait_until("import to start", Duration::from_secs(20), || {
        env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'running'") != 0
    });
    let id = env.sql_count("SELECT id FROM inventory_update WHERE status = 'running'").to_string();
    let started = Instant::now();
    // The update's supervisor sees the flag, stops the script and ends the update canceled.
    let c = env.json(&["job", "cancel", &id]);
    assert_eq!(c["status"], "canceled", "{c}");
    let out = child.wait_with_output().expect("wait");
    assert!(started.elapsed() < Duration::from_secs(15), "the script was not stopped");
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("canceled (awxm job cancel)"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM inventory_update WHERE id = {id} AND status = 'canceled' AND cancel_flag AND canceled_on IS NOT NULL
             AND job_explanation = 'Canceled (awxm job cancel); nothing was imported'"
        )),
        1
    );
    assert_eq!(env.sql_count("SELECT count(*) FROM host"), 0);
});

db_test!(interrupt_and_timeout_are_recorded, |env| {
    env.apply("inventories:\n  - name: inv\n");
    let slow = slow_script(&env, "slow.sh", 30.0, "h");
    // The shell's convention: 128 + the signal (130 SIGINT, 143 SIGTERM).
    for (n, (sig, code)) in [(nix::sys::signal::Signal::SIGINT, 130), (nix::sys::signal::Signal::SIGTERM, 143)].into_iter().enumerate() {
        let child =
            env.std_cmd().args(["inventory_import", "--inventory-name", "inv", "--source", slow.to_str().unwrap()]).spawn().expect("spawn");
        wait_until("import to start", Duration::from_secs(20), || {
            env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'running'") != 0
        });
        let started = Instant::now();
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), sig).unwrap();
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(code), "{sig}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(started.elapsed() < Duration::from_secs(10), "the script was not stopped");
        assert_eq!(env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'canceled' AND finished IS NOT NULL"), n as i64 + 1);
        assert_eq!(env.sql_count("SELECT count(*) FROM host"), 0);
    }

    let out = env.run(&["inventory_import", "--inventory-name", "inv", "--source", slow.to_str().unwrap(), "--timeout", "1"]);
    assert_status(&out, 1, &["timeout"]);
    assert!(stderr(&out).contains("timed out"), "{}", stderr(&out));
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'failed'"), 1);
    // A failed run leaves the source's stored options as they were; a stored timeout is the
    // one inventory_update uses.
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_source WHERE timeout = 0"), 1);
    env.sql_exec("UPDATE inventory_source SET timeout = 1");
    let out = env.run(&["inventory_update", "inv - slow.sh"]);
    assert_status(&out, 1, &["stored timeout"]);
});

db_test!(a_source_that_blocks_is_stopped_by_signals_and_the_timeout, |env| {
    env.apply("inventories:\n  - name: inv\n");
    // A FIFO nobody writes to: --timeout stops the wait.
    let fifo = env.path().join("inv.fifo");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
    let started = Instant::now();
    let out = env.run(&["inventory_import", "--inventory-name", "inv", "--source", fifo.to_str().unwrap(), "--timeout", "1"]);
    assert_status(&out, 1, &["timeout on a FIFO"]);
    assert!(stderr(&out).contains("timed out"), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(10));
    // Stdin held open and silent: SIGTERM stops it (143), recorded as canceled.
    let child = env
        .std_cmd()
        .args(["inventory_import", "--inventory-name", "inv", "--source", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    wait_until("import to start", Duration::from_secs(20), || {
        env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'running'") != 0
    });
    let started = Instant::now();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), nix::sys::signal::Signal::SIGTERM).unwrap();
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(143), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(started.elapsed() < Duration::from_secs(10), "the read was not stopped");
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'canceled'"), 1);
    // A FIFO with a writer is read like a file.
    let path = fifo.clone();
    let writer = std::thread::spawn(move || std::fs::write(path, "[web]\nw1\nw2\n").unwrap());
    let r = env.json(&["inventory_import", "--inventory-name", "inv", "--source", fifo.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(counts(&r, "hosts").0, 2, "{r}");
    assert_eq!(env.sql_count("SELECT count(*) FROM host"), 2);
});

db_test!(inventory_update_reruns_a_stored_source, |env| {
    let src = env.write("h.ini", "[web]\nw1\n");
    import(&env, &src, &["--overwrite", "--source-name", "web-sync", "--host-filter", "w"]);
    env.write("h.ini", "[web]\nw2\nskipped\n");
    let r = env.json(&["inventory_update", "web-sync"]);
    assert_eq!(counts(&r, "hosts"), (1, 0, 1, 0), "stored --overwrite and --host-filter apply: {r}");
    assert_eq!(host_names(&env), ["w2"]);
    let dry = env.json(&["inventory_update", "web-sync", "--dry-run"]);
    assert_eq!(counts(&dry, "hosts"), (0, 0, 0, 1));
    let hist = env.json(&["inventory_update", "web-sync", "--history"]);
    let ups = hist["updates"].as_array().unwrap();
    assert_eq!(ups.len(), 2, "{hist}");
    assert_eq!(ups[0]["counts"]["hosts"]["added"], 1);
    assert_eq!(ups[0]["launch_type"], "manual");
    assert_eq!(hist["inventory_source"]["status"], "successful");
    // Sources made with `apply` run too, with their source_vars in the environment.
    let script = env.write(
        "envscript.sh",
        "#!/bin/sh\necho \"{\\\"g\\\": {\\\"hosts\\\": [\\\"$HOSTNAME_FROM_VARS\\\"]}, \\\"_meta\\\": {\\\"hostvars\\\": {}}}\"\n",
    );
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    env.apply(&format!(
        "inventory_sources:\n  - name: applied\n    inventory: inv\n    source: script\n    source_path: {}\n    source_vars: {{HOSTNAME_FROM_VARS: fromenv}}\n",
        script.display()
    ));
    env.json(&["inventory_update", "applied"]);
    assert!(host_names(&env).contains(&"fromenv".to_string()));
    assert_eq!(env.json(&["inventory_update", "applied", "--history"])["updates"][0]["status"], "successful");
    // The recorded environment holds what awxm passed on, not awxm's own environment.
    assert_eq!(
        env.sql_count(
            "SELECT count(*) FROM inventory_update WHERE job_env LIKE '%HOSTNAME_FROM_VARS%' AND job_env NOT LIKE '%AWXM_DATABASE_URL%'"
        ),
        1
    );
    let out = env.run(&["inventory_update", "nosuch"]);
    assert_status(&out, 66, &["missing source"]);
});

db_test!(export_works_as_an_inventory_script, |env| {
    let src = fixture("inventories/ini/basic.ini");
    env.json(&["inventory_import", "--inventory-name", "inv", "--create", "--source", src.to_str().unwrap()]);
    let script = env.ok(&["inventory_export", "inv", "--script"]);
    let path = env.write("inv-script", &script);
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    // The script must find the database without any AWXM_* variable.
    let out = std::process::Command::new(venv_bin().join("ansible-inventory"))
        .args(["-i", path.to_str().unwrap(), "--list", "--export"])
        .env("ANSIBLE_INVENTORY_UNPARSED_FAILED", "True")
        .env("ANSIBLE_LOCAL_TEMP", env.path())
        .env("ANSIBLE_HOME", env.path())
        .env_remove("AWXM_DATABASE_URL")
        .output()
        .expect("ansible-inventory");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = crate::inventory_diff::ansible_list(&src);
    assert_eq!(got["web"]["vars"], want["web"]["vars"]);
    assert_eq!(got["_meta"]["hostvars"], want["_meta"]["hostvars"]);
    let host: Value =
        json_stdout(&["inventory_export", "--host"], env.ok(&["inventory_export", "inv", "--host", "web2.example.com"]).as_bytes());
    assert_eq!(host, json!({"http_port": 8080}));
    // Whatever --format says, the output is the raw inventory JSON.
    let raw: Value = json_stdout(&["inventory_export"], env.ok(&["--format", "json", "inventory_export", "inv", "--list"]).as_bytes());
    assert!(raw.get("format_version").is_none() && raw.get("_meta").is_some());
    assert_status(&env.run(&["inventory_export", "inv", "--host", "nope"]), 66, &["missing host"]);
});

db_test!(stdin_and_host_list_sources, |env| {
    let list = r#"{"web": {"hosts": ["a", "b"], "vars": {"x": 1}}, "_meta": {"hostvars": {"a": {"y": 2}}}}"#;
    let out = env.run_stdin(&["--format", "json", "inventory_import", "--inventory-name", "inv", "--create", "--source", "-"], list);
    assert_status(&out, 0, &["stdin"]);
    let r: Value = json_stdout(&["inventory_import"], &out.stdout);
    assert_eq!(r["method"], "stdin");
    let e = export(&env);
    assert_eq!(e["_meta"]["hostvars"]["a"], json!({"y": 2}));
    let r = env.json(&["inventory_import", "--inventory-name", "inv", "--source", "h1,h2:2222,"]);
    assert_eq!(r["method"], "host-list");
    assert_eq!(export(&env)["_meta"]["hostvars"]["h2"], json!({"ansible_port": 2222}));
});

db_test!(reimport_of_unchanged_data_writes_no_rows, |env| {
    let mut text = String::from("[all:vars]\nsite=x\n");
    for g in 0..5 {
        text.push_str(&format!("[g{g}]\n"));
        for h in 0..100 {
            text.push_str(&format!("h{g}-{h} a={h} b=\"v{h}\"\n"));
        }
    }
    text.push_str("[parent:children]\ng0\ng1\n");
    let src = env.write("big.ini", &text);
    import(&env, &src, &["--overwrite"]);
    let stamp = |env: &TestEnv| env.sql_count("SELECT count(*) FROM host WHERE modified = created");
    let before_rows = env.row_counts();
    let same = stamp(&env);
    let r = import(&env, &src, &["--overwrite"]);
    assert_eq!(counts(&r, "hosts"), (0, 0, 0, 500), "{r}");
    assert_eq!(r["memberships"], json!({"added": 0, "removed": 0}));
    assert_eq!(r["inventory_variables_updated"], false);
    assert_eq!(stamp(&env), same, "no host row rewritten");
    for ((t, a), (_, b)) in before_rows.iter().zip(env.row_counts().iter()) {
        if t != "inventory_update" {
            assert_eq!(a, b, "{t}");
        }
    }
});

db_test!(big_integers_stay_exact_from_import_to_export, |env| {
    // INI host and group variables beyond 64 bits keep every digit (Python ints are unbounded):
    // in the database, in inventory_export, and in `export` as YAML and JSON.
    let src = fixture("inventories/ini/big_numbers.ini");
    import(&env, &src, &[]);
    let text = env.ok(&["inventory_export", "inv"]);
    for digits in [
        "\"x\": 99999999999999999999999999999999",
        "\"neg\": -99999999999999999999999999999999",
        "\"gbig\": 123456789012345678901234567890123456789012",
        "\"inf\": 1e+999",
    ] {
        assert!(text.contains(digits), "{digits} not in:\n{text}");
    }
    // Stored as JSON text with the exact digits.
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE variables LIKE '%99999999999999999999999999999999%'"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM inv_group WHERE variables LIKE '%123456789012345678901234567890123456789012%'"), 1);
    let yaml = env.ok(&["export", "inventory"]);
    assert!(yaml.contains("x: 99999999999999999999999999999999\n"), "{yaml}");
    assert!(yaml.contains("gbig: 123456789012345678901234567890123456789012\n"), "{yaml}");
    assert!(yaml.contains("inf: .inf\n"), "{yaml}");
    let json = env.ok(&["--format", "json", "export", "inventory"]);
    assert!(json.contains("\"x\": 99999999999999999999999999999999"), "{json}");

    // A resource file with a 40-digit integer: export shows it exactly, and applying the
    // export (YAML or JSON) into a fresh database gives the same export.
    env.apply("inventories:\n  - name: forty\n    variables: {forty: 1234567890123456789012345678901234567890, neg: -1234567890123456789012345678901234567890}\n");
    let yaml = env.ok(&["export", "inventory"]);
    assert!(yaml.contains("forty: 1234567890123456789012345678901234567890\n"), "{yaml}");
    assert!(yaml.contains("neg: -1234567890123456789012345678901234567890\n"), "{yaml}");
    let json = env.ok(&["--format", "json", "export", "inventory"]);
    assert!(json.contains("\"forty\": 1234567890123456789012345678901234567890"), "{json}");
    let (all_yaml, all_json) = (env.ok(&["export"]), env.ok(&["--format", "json", "export"]));
    for doc in [&all_yaml, &all_json] {
        let fresh = TestEnv::new(env.backend).expect("second database");
        fresh.apply(doc);
        assert_eq!(fresh.ok(&["export"]), all_yaml);
    }
});

db_test!(inventory_script_output_is_capped, |env| {
    env.apply("inventories:\n  - name: inv\n");
    env.ok(&["settings", "set", "inventory_source_max_output", "1048576"]);
    let pids = env.path().join("pids");
    // 64 MiB of output (as good as forever against a 1 MiB cap), then it waits.
    let script = env.write(
        "forever.sh",
        &format!("#!/bin/sh\necho $$ > {p}\nsleep 300 &\necho $! >> {p}\nyes '{{\"a\":1}}' | head -c 67108864\nwait\n", p = pids.display()),
    );
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let started = Instant::now();
    let (out, rss_kib) =
        env.run_measured(&["inventory_import", "--inventory-name", "inv", "--source", script.to_str().unwrap(), "--timeout", "20"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(65), "{err}");
    assert!(err.contains(&format!("output of {} --list exceeds 1048576 bytes", script.display())), "{err}");
    assert!(started.elapsed() < Duration::from_secs(15), "stopped at the cap, not by the timeout");
    assert!(rss_kib < 48 * 1024, "awxm's peak RSS stays bounded: {rss_kib} KiB");
    assert_eq!(
        env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'failed' AND result_traceback LIKE '%exceeds 1048576 bytes%'"),
        1
    );
    assert_eq!(env.sql_count("SELECT count(*) FROM host"), 0, "nothing written");
    // The script's process group is gone: the script and its background sleep.
    let listed: Vec<i32> = std::fs::read_to_string(&pids).unwrap().split_whitespace().map(|p| p.parse().unwrap()).collect();
    assert_eq!(listed.len(), 2);
    let alive = |p: &i32| {
        std::fs::read_to_string(format!("/proc/{p}/stat"))
            .is_ok_and(|s| s.rfind(')').is_some_and(|i| !s[i + 1..].trim_start().starts_with('Z')))
    };
    wait_until("the script's processes to be gone", Duration::from_secs(5), || {
        procs_with(script.to_str().unwrap()).is_empty() && !listed.iter().any(alive)
    });
});

// The options of a run become the stored source's only when the import succeeds: a failed run
// (a typo in the file) must not leave `--overwrite --host-filter` behind for the next
// scheduled `inventory_update`, which would then remove hosts.
db_test!(a_failed_import_leaves_the_stored_source_options_alone, |env| {
    let src = env.write("hosts.ini", "[web]\nweb1\nweb2\n");
    import(&env, &src, &[]);
    let options = || env.sql_count("SELECT count(*) FROM inventory_source WHERE NOT overwrite AND host_filter = '' AND enabled_var = ''");
    assert_eq!(options(), 1);
    env.write("hosts.ini", "[web]\nweb1\n[bad\n");
    let path = src.to_str().unwrap();
    let out = env.run(&[
        "inventory_import",
        "--inventory-name",
        "inv",
        "--source",
        path,
        "--overwrite",
        "--host-filter",
        "web1",
        "--enabled-var",
        "foo",
    ]);
    assert_status(&out, 65, &["inventory_import of a broken file"]);
    assert_eq!(options(), 1, "the failed run changed the source's options");
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_update WHERE status = 'failed'"), 1, "the failed run is recorded");
    env.write("hosts.ini", "[web]\nweb1\nweb2\n");
    let name: Value = env.json(&["list", "inventory_source"]);
    let name = name["items"][0]["name"].as_str().unwrap().to_string();
    env.ok(&["inventory_update", &name]);
    assert_eq!(env.sql_count("SELECT count(*) FROM host"), 2);
    // A successful run's options are kept.
    env.ok(&["inventory_import", "--inventory-name", "inv", "--source", path, "--overwrite", "--host-filter", "web1"]);
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_source WHERE overwrite AND host_filter = 'web1'"), 1);
});

// PostgreSQL text refuses NUL (it failed with exit 70 there) and SQLite would keep it: both
// refuse it as bad input, before writing.
db_test!(a_nul_character_in_a_name_is_bad_input_on_both_backends, |env| {
    env.apply("inventories:\n  - name: inv\n");
    let before = env.row_counts();
    for (file, text) in [
        ("host.json", "{\"all\": {\"hosts\": {\"h\\u0000x\": {}}}}\n"),
        ("group.json", "{\"g\\u0000\": {\"hosts\": [\"a\"]}}\n"),
        ("desc.json", "{\"all\": {\"hosts\": {\"h\": {\"_awx_description\": \"a\\u0000b\"}}}}\n"),
    ] {
        let src = env.write(file, text);
        let out = env.run(&["inventory_import", "--inventory-name", "inv", "--source", src.to_str().unwrap(), "--dry-run"]);
        assert_status(&out, 65, &["inventory_import", file]);
        assert!(stderr(&out).contains("NUL character"), "{file}: {}", stderr(&out));
    }
    assert_eq!(env.row_counts(), before);
});

// A source that never ran has AWX's status "never updated", which the schema allows.
db_test!(history_of_a_source_that_never_ran_fits_the_schema, |env| {
    env.apply("inventories:\n  - name: inv\ninventory_sources:\n  - name: web-sync\n    inventory: inv\n    source: file\n    source_path: /etc/hosts\n");
    let h = env.json(&["inventory_update", "web-sync", "--history"]);
    assert_eq!(h["inventory_source"]["status"], "never updated", "{h}");
});
