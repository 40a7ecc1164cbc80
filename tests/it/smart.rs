//! Smart inventories and the fact cache: the host_filter language through the CLI, bad filters,
//! memberships kept by import, and facts gathered by one real ansible run, seen by the next run
//! and by a smart inventory that a third run targets.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::*;

fn config(env: &TestEnv) -> PathBuf {
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

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let out = run(env, &a);
    assert_status(&out, 0, &a);
    json_stdout(&a, &out.stdout)
}

/// `inventory hosts INV [--filter F]` as (name, inventory) pairs.
fn members(env: &TestEnv, inv: &str, filter: Option<&str>) -> Vec<(String, String)> {
    let mut args = vec!["inventory", "hosts", inv];
    if let Some(f) = filter {
        args.extend(["--filter", f]);
    }
    let v = json(env, &args);
    v["hosts"]
        .as_array()
        .expect("hosts")
        .iter()
        .map(|h| (h["name"].as_str().expect("name").to_string(), h["inventory"].as_str().expect("inventory").to_string()))
        .collect()
}

fn names(env: &TestEnv, inv: &str) -> Vec<String> {
    members(env, inv, None).into_iter().map(|(n, _)| n).collect()
}

/// The stored membership of smart inventory `inv`: host names.
fn stored(env: &TestEnv, inv: &str) -> i64 {
    env.sql_count(&format!(
        "SELECT count(*) FROM smart_inventory_membership m JOIN inventory i ON i.id = m.inventory_id WHERE i.name = '{inv}'"
    ))
}

fn total_hosts(env: &TestEnv, inv: &str) -> i64 {
    json(env, &["show", "inventory", inv])["total_hosts"].as_i64().expect("total_hosts")
}

const WORLD: &str = "\
organizations:
  - name: Eng
  - name: Ops
inventories:
  - name: prod
    organization: Eng
    hosts:
      - name: web1
        description: Front end
        variables: {role: frontend}
      - name: db1
        description: Database
      - name: off1
        enabled: false
    groups:
      - name: web
        hosts: [web1]
      - name: prod
        hosts: [web1, db1]
  - name: ops
    organization: Ops
    hosts:
      - name: web1
      - name: web9
  - name: loose
    hosts:
      - name: cache1
  - name: eng_smart
    organization: Eng
    kind: smart
    host_filter: name__startswith=web
  - name: everything
    kind: smart
    host_filter: name__startswith=web
";

db_test!(filter_grammar_through_the_cli, |env| {
    env.apply(WORLD);
    // Organization scope and one host per name (the lowest id: prod's web1).
    assert_eq!(members(&env, "eng_smart", None), vec![("web1".into(), "prod".into())]);
    assert_eq!(members(&env, "everything", None), vec![("web1".into(), "prod".into()), ("web9".into(), "ops".into())]);
    assert_eq!((stored(&env, "eng_smart"), stored(&env, "everything")), (1, 2));
    assert_eq!((total_hosts(&env, "eng_smart"), total_hosts(&env, "everything")), (1, 2));

    let cases: &[(&str, &[&str])] = &[
        ("name=db1", &["db1"]),
        ("name__icontains=WEB", &["web1", "web9"]),
        ("name=web1 or name=db1 and enabled=false", &["web1"]),
        ("(name=web1 or name=db1) and enabled=true", &["db1", "web1"]),
        ("enabled=false", &["off1"]),
        ("groups__name=prod", &["db1", "web1"]),
        ("groups__name=web and groups__name=prod", &["web1"]),
        ("groups__name__isnull=true", &["cache1", "off1", "web1", "web9"]),
        ("inventory__organization__name=Ops", &["web1", "web9"]),
        ("inventory__organization=null", &["cache1"]),
        ("inventory__name=\"loose\"", &["cache1"]),
        ("search=base", &["db1"]),
        ("inventory__search=OPS", &["web1", "web9"]),
        ("variables__icontains=frontend", &["web1"]),
        ("id__gt=0 and name__regex=^[a-z]+1$", &["cache1", "db1", "off1", "web1"]),
    ];
    let mut failures = Vec::new();
    for (filter, want) in cases {
        let got: Vec<String> = members(&env, "everything", Some(filter)).into_iter().map(|(n, _)| n).collect();
        if got != *want {
            failures.push(format!("{filter}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A preview stores nothing.
    assert_eq!(stored(&env, "everything"), 2);
    // The members through show and export.
    let h = json(&env, &["show", "host", "everything/web9"]);
    assert_eq!((h["inventory"].as_str(), h["smart_inventories"].clone()), (Some("ops"), serde_json::json!(["everything"])));
    let export: Value = json_stdout(&["inventory_export"], &run(&env, &["inventory_export", "everything"]).stdout);
    assert_eq!(export["ungrouped"]["hosts"], serde_json::json!(["web1", "web9"]));
    assert_eq!(export["_meta"]["hostvars"]["web1"], serde_json::json!({"role": "frontend"}));
    // Changing the filter by apply changes the membership in the same transaction.
    env.apply("inventories:\n  - name: everything\n    kind: smart\n    host_filter: groups__name=prod\n");
    assert_eq!(names(&env, "everything"), vec!["db1", "web1"]);
    assert_eq!((stored(&env, "everything"), total_hosts(&env, "everything")), (2, 2));
    // Deleting an inventory takes its hosts out of the smart inventories.
    let out = run(&env, &["delete", "inventory", "ops", "--yes"]);
    assert_status(&out, 0, &["delete"]);
    assert_eq!(names(&env, "eng_smart"), vec!["web1"]);
    env.apply("inventories:\n  - name: everything\n    kind: smart\n    host_filter: name__startswith=web\n");
    assert_eq!((stored(&env, "everything"), total_hosts(&env, "everything")), (1, 1));
});

db_test!(bad_filters_exit_65_with_the_position, |env| {
    env.apply(WORLD);
    let before = env.row_counts();
    let f =
        env.write("bad.yaml", "inventories:\n  - name: broken\n    kind: smart\n    host_filter: \"name=web1 and (groups__name=web\"\n");
    let out = run(&env, &["apply", "-f", f.to_str().unwrap()]);
    assert_status(&out, 65, &["apply bad filter"]);
    let err = stderr(&out);
    assert!(err.contains("bad.yaml:4: inventories[0].host_filter: invalid host_filter at character 15: unclosed \"(\""), "{err}");
    assert!(err.contains("\n  name=web1 and (groups__name=web\n                ^\n"), "{err}");
    assert_eq!(env.row_counts(), before, "a refused apply wrote nothing");

    let f = env.write("nofilter.yaml", "inventories:\n  - name: broken\n    kind: smart\n");
    let out = run(&env, &["apply", "-f", f.to_str().unwrap()]);
    assert_status(&out, 65, &["apply without filter"]);
    assert!(
        stderr(&out).contains("nofilter.yaml:2: inventories[0].host_filter: Smart inventories must specify host_filter"),
        "{}",
        stderr(&out)
    );

    let f =
        env.write("hosts.yaml", "inventories:\n  - name: broken\n    kind: smart\n    host_filter: name=x\n    hosts:\n      - name: h\n");
    let out = run(&env, &["apply", "-f", f.to_str().unwrap()]);
    assert_status(&out, 65, &["apply smart with hosts"]);
    assert!(
        stderr(&out).contains("hosts.yaml:6: inventories[0].hosts: Cannot create Host for Smart or Constructed Inventories"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.row_counts(), before);

    // The kind is chosen when the inventory is created.
    let f = env.write("kind.yaml", "inventories:\n  - name: prod\n    kind: smart\n    host_filter: name=x\n");
    let out = run(&env, &["apply", "-f", f.to_str().unwrap()]);
    assert_status(&out, 65, &["apply kind change"]);
    assert!(
        stderr(&out).contains("kind.yaml:3: inventories[0].kind: You cannot turn a regular inventory into a \"smart\" inventory."),
        "{}",
        stderr(&out)
    );
    let f = env.write("kind2.yaml", "inventories:\n  - name: everything\n");
    let out = run(&env, &["apply", "-f", f.to_str().unwrap()]);
    assert_status(&out, 65, &["apply kind change back"]);
    assert!(
        stderr(&out).contains("inventories[0].kind: You cannot turn a \"smart\" inventory into a regular inventory."),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.row_counts(), before);

    for (filter, want) in [
        ("name=web1 AND name=db1", "invalid host_filter at character 11: expected \"and\" or \"or\""),
        ("nmae=web1", "invalid host_filter at character 1: unknown field nmae"),
        ("ansible_facts__a__icontains=x", "ansible_facts does not support searching with __icontains"),
        ("enabled=maybe", "invalid host_filter at character 9: enabled must be true or false"),
    ] {
        let out = run(&env, &["inventory", "hosts", "everything", "--filter", filter]);
        assert_status(&out, 65, &[filter]);
        assert!(stderr(&out).contains(want), "{filter}: {}", stderr(&out));
    }
    // JSON errors carry the pointer lines as details.
    let out = run(&env, &["--format", "json", "inventory", "hosts", "everything", "--filter", "name="]);
    assert_status(&out, 65, &["json error"]);
    let v: Value = json_stdout(&["inventory", "hosts"], &out.stdout);
    assert_eq!(v["error"]["details"], serde_json::json!(["name=", "     ^"]));
});

db_test!(membership_follows_imports, |env| {
    env.apply(
        "inventories:\n  - name: imp\n  - name: apps\n    kind: smart\n    host_filter: inventory__name=imp and name__icontains=APP\n",
    );
    assert_eq!(stored(&env, "apps"), 0);
    let src = env.write("hosts.ini", "app1\napp2\ndb1\n[g]\napp3\n");
    json(&env, &["inventory_import", "--inventory-name", "imp", "--source", src.to_str().unwrap()]);
    assert_eq!(names(&env, "apps"), vec!["app1", "app2", "app3"]);
    assert_eq!((stored(&env, "apps"), total_hosts(&env, "apps")), (3, 3));
    let src = env.write("hosts.ini", "app1\ndb1\n");
    json(&env, &["inventory_import", "--inventory-name", "imp", "--source", src.to_str().unwrap(), "--overwrite"]);
    assert_eq!((stored(&env, "apps"), total_hosts(&env, "apps")), (1, 1));
    // A smart inventory takes no import.
    let out = run(&env, &["inventory_import", "--inventory-name", "apps", "--source", src.to_str().unwrap()]);
    assert_status(&out, 65, &["import into smart"]);
    assert!(stderr(&out).contains("inventory \"apps\" is a smart inventory; hosts cannot be imported into it"), "{}", stderr(&out));
    // deep_copy of the source inventory: the copy's app1 joins a smart inventory without the
    // inventory restriction.
    env.apply("inventories:\n  - name: anyapp\n    kind: smart\n    host_filter: name=app1\n");
    assert_eq!(stored(&env, "anyapp"), 1);
    json(&env, &["deep_copy", "inventory", "imp", "--name", "imp2"]);
    assert_eq!(stored(&env, "anyapp"), 1, "one host per name: the copy's app1 has a higher id");
    assert_eq!(members(&env, "anyapp", None), vec![("app1".into(), "imp".into())]);
    let out = run(&env, &["delete", "inventory", "imp", "--yes"]);
    assert_status(&out, 0, &["delete imp"]);
    assert_eq!(members(&env, "anyapp", None), vec![("app1".into(), "imp2".into())]);
    assert_eq!(stored(&env, "anyapp"), 1);
    // A copied smart inventory has its members at once.
    json(&env, &["deep_copy", "inventory", "anyapp", "--name", "anyapp2"]);
    assert_eq!((stored(&env, "anyapp2"), total_hosts(&env, "anyapp2")), (1, 1));
});

const GATHER: &str = "\
- hosts: h1
  gather_facts: true
  gather_subset: ['!all', 'min']
  tasks: []
- hosts: all
  gather_facts: false
  tasks:
    - set_fact:
        app_tier: \"{{ {'h1': 'web', 'h2': 'db'}[inventory_hostname] }}\"
        tier_num: 3
        cacheable: true
";

const CHECK: &str = "\
- hosts: all
  gather_facts: false
  tasks:
    - assert:
        that:
          - \"ansible_facts.get('app_tier') == {'h1': 'web', 'h2': 'db'}[inventory_hostname]\"
          - \"ansible_facts.get('tier_num') == 3\"
";

const CLEAR: &str = "\
- hosts: h2
  gather_facts: false
  tasks:
    - meta: clear_facts
";

const ONLY_WEB: &str = "\
- hosts: all
  gather_facts: false
  tasks:
    - assert:
        that: [\"inventory_hostname == 'h1'\", \"marker == 'h1-own-var'\"]
";

fn job_run(env: &TestEnv, template: &str) -> Value {
    let out = run(env, &["--format", "json", "run_job", template]);
    let v: Value = json_stdout(&["run_job"], &out.stdout);
    assert_eq!(v["status"], "successful", "{template}: {v}\n{}", stderr(&out));
    v
}

db_test!(facts_flow_from_job_to_job_and_into_smart_inventories, |env| {
    for (name, text) in [("gather.yml", GATHER), ("check.yml", CHECK), ("clear.yml", CLEAR), ("only_web.yml", ONLY_WEB)] {
        env.write(&format!("project/{name}"), text);
    }
    let py = venv_bin().join("python");
    let yaml = r#"organizations:
  - name: Eng
projects:
  - name: p
    local_path: DIR
inventories:
  - name: inv
    organization: Eng
    variables: {ansible_connection: local, ansible_python_interpreter: PY}
    hosts:
      - name: h1
        variables: {marker: h1-own-var, ansible_connection: local, ansible_python_interpreter: PY}
      - name: h2
  - name: web_facts
    organization: Eng
    kind: smart
    host_filter: ansible_facts__app_tier=web and ansible_facts__tier_num=3
job_templates:
  - {name: gather, project: p, playbook: gather.yml, inventory: inv, use_fact_cache: true}
  - {name: check, project: p, playbook: check.yml, inventory: inv, use_fact_cache: true}
  - {name: nocache, project: p, playbook: check.yml, inventory: inv}
  - {name: clear, project: p, playbook: clear.yml, inventory: inv, use_fact_cache: true}
  - {name: smart, project: p, playbook: only_web.yml, inventory: web_facts}
"#;
    env.apply(&yaml.replace("DIR", &env.path().join("project").display().to_string()).replace("PY", &py.display().to_string()));
    assert_eq!(stored(&env, "web_facts"), 0);

    job_run(&env, "gather");
    // Stored on the hosts, with the time they were stored.
    let h1 = json(&env, &["show", "host", "inv/h1"]);
    assert_eq!((h1["ansible_facts"]["app_tier"].as_str(), h1["ansible_facts"]["tier_num"].as_i64()), (Some("web"), Some(3)));
    assert!(h1["ansible_facts"]["ansible_system"].is_string(), "gathered facts are stored too: {h1}");
    assert!(h1["ansible_facts_modified"].is_string(), "{h1}");
    assert_eq!(json(&env, &["show", "host", "inv/h2"])["ansible_facts"]["app_tier"], "db");
    // ... and the smart inventory follows in the same transaction.
    assert_eq!(names(&env, "web_facts"), vec!["h1"]);
    assert_eq!((stored(&env, "web_facts"), total_hosts(&env, "web_facts")), (1, 1));
    assert_eq!(json(&env, &["show", "host", "inv/h1"])["smart_inventories"], serde_json::json!(["web_facts"]));

    // The next job sees them (its assertions fail without the cache).
    let modified = h1["ansible_facts_modified"].clone();
    job_run(&env, "check");
    let out = run(&env, &["--format", "json", "run_job", "nocache"]);
    assert_status(&out, 1, &["run_job nocache"]);
    // A run that wrote no facts changes none.
    assert_eq!(json(&env, &["show", "host", "inv/h1"])["ansible_facts_modified"], modified);

    // A job against the smart inventory runs on its member only, with the host's own variables.
    let r = job_run(&env, "smart");
    assert_eq!(r["host_summaries"].as_object().expect("summaries").keys().collect::<Vec<_>>(), vec!["h1"], "{r}");
    // So does an ad hoc command.
    let out = run(&env, &["--format", "json", "ad_hoc", "web_facts", "-m", "ping"]);
    let a: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stderr(&out)));
    assert_eq!(a["status"], "successful", "{a}\n{}", stderr(&out));
    assert_eq!(a["host_summaries"].as_object().expect("summaries").keys().collect::<Vec<_>>(), vec!["h1"], "{a}");

    // Stale facts are not given to a run (ansible_fact_cache_timeout).
    env.sql_exec("UPDATE host SET ansible_facts_modified = '2000-01-01T00:00:00.000000Z'");
    let out = run(&env, &["settings", "set", "ansible_fact_cache_timeout", "3600"]);
    assert_status(&out, 0, &["settings set"]);
    let out = run(&env, &["--format", "json", "run_job", "check"]);
    assert_status(&out, 1, &["run_job check with stale facts"]);
    assert_eq!(json(&env, &["show", "host", "inv/h1"])["ansible_facts"]["app_tier"], "web", "stale facts stay stored");
    let out = run(&env, &["settings", "set", "ansible_fact_cache_timeout", "0"]);
    assert_status(&out, 0, &["settings set"]);

    // clear_facts empties the host's facts.
    job_run(&env, "clear");
    assert_eq!(json(&env, &["show", "host", "inv/h2"])["ansible_facts"], serde_json::json!({}));
    assert_eq!(json(&env, &["show", "host", "inv/h1"])["ansible_facts"]["app_tier"], "web");
});
