//! Foundation: apply/export/list/show/delete, settings, exit codes, secrets, config layering.

use serde_json::{Value, json};

use crate::support::*;

const SENTINEL: &str = "S3cr3t-Sentinel-9f8e";

fn demo() -> String {
    std::fs::read_to_string(fixture("demo.yaml")).expect("demo fixture")
}

/// `show --format json` of every object, for comparing `modified` stamps.
fn snapshot(env: &TestEnv) -> Vec<Value> {
    let mut all = Vec::new();
    for t in ["organization", "user", "credential", "project", "inventory", "instance", "instance_group", "job_template"] {
        let list = env.json(&["list", t]);
        for item in list["items"].as_array().expect("items") {
            let id = item["id"].to_string();
            all.push(env.json(&["show", t, &id]));
        }
    }
    all
}

db_test!(demo_applies_and_export_round_trips_unchanged, |env| {
    let r = env.apply(&demo());
    assert_eq!(r["created"], 8, "{r}");
    let first_export = env.ok(&["export"]);
    let before = snapshot(&env);
    let counts = env.row_counts();

    let out = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &first_export);
    assert_status(&out, 0, &["apply", "-f", "-"]);
    let r: Value = json_stdout(&["apply"], &out.stdout);
    assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(0)), "{r}");
    assert_eq!(r["unchanged"], 8);

    assert_eq!(env.ok(&["export"]), first_export);
    assert_eq!(snapshot(&env), before, "apply of the export touched rows");
    assert_eq!(env.row_counts(), counts);
});

db_test!(names_sort_in_byte_order_on_both_backends, |env| {
    // The test databases on PostgreSQL use ICU's en-US order (a A b B); awxm's text is in byte
    // order on both backends, as SQLite's: A B a b.
    env.apply("organizations:\n  - {name: b}\n  - {name: A}\n  - {name: a}\n  - {name: B}\n");
    let names = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["list", "organizations"];
        a.extend_from_slice(args);
        let v = env.json(&a);
        v["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names(&["--order-by", "name"]), ["A", "B", "a", "b"]);
    let export = env.ok(&["export"]);
    let order: Vec<usize> = ["name: A", "name: B", "name: a", "name: b"].iter().map(|n| export.find(n).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{export}");
    if env.backend == Backend::Postgres {
        assert_eq!(
            env.sql_count(
                "SELECT count(*) FROM information_schema.columns c JOIN information_schema.tables t
                   ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type = 'text'
                   AND c.collation_name IS DISTINCT FROM 'C'"
            ),
            0,
            "every text column compares in byte order"
        );
    }
});

db_test!(apply_updates_only_what_changed, |env| {
    env.apply(&demo());
    let r = env.apply("inventories:\n  - name: web\n    description: changed\n");
    assert_eq!(r["updated"], 1);
    let inv = env.json(&["show", "inventory", "web"]);
    assert_eq!(inv["description"], "changed");
    // Fields not given are kept.
    assert_eq!(inv["variables"], json!({"env": "prod"}));
    assert_eq!(inv["hosts"][0]["name"], "web1.example.test");
    // A list given replaces the set: the group loses its host, a new host appears.
    env.apply(
        "inventories:\n  - name: web\n    hosts: [web2.example.test]\n    groups:\n      - name: frontends\n        hosts: [web2.example.test]\n",
    );
    let inv = env.json(&["show", "inventory", "web"]);
    assert_eq!(inv["hosts"], json!([{"name": "web2.example.test"}]));
    assert_eq!(inv["total_hosts"], 1);
    assert_eq!(inv["groups"][0]["hosts"], json!(["web2.example.test"]));
});

db_test!(malformed_files_exit_65_name_the_line_and_write_nothing, |env| {
    env.apply(&demo());
    let counts = env.row_counts();
    let cases: &[(&str, &str)] = &[
        ("organizations:\n  - name: A\n  - name: B: C\n", "bad.yaml:3"),
        ("organizations:\n  - name: NewOrg\ninventories:\n  - name: x\n    organisation: Ops\n", "bad.yaml:5"),
        ("organizations:\n  - name: NewOrg\njob_templates:\n  - name: j\n    project: nope\n    playbook: a.yml\n", "bad.yaml:5"),
        ("inventories:\n  - name: web\n    hosts:\n      - name: h1\n        enabled: maybe\n", "bad.yaml:5"),
        ("teams:\n  - name: t\n", "bad.yaml:2"),
        ("widgets:\n  - name: w\n", "bad.yaml:1"),
        (
            "inventories:\n  - name: web\n    groups:\n      - name: a\n        children: [b]\n      - name: b\n        children: [a]\n",
            "bad.yaml:4",
        ),
        // A key twice in one object (the first would be dropped), a format this awxm does not
        // read, and a user named two ways.
        (
            "inventories:\n  - name: web\n    variables: {a: 1}\n    description: d\n    variables: {b: 2}\n",
            "bad.yaml:5: \"variables\" is given twice in one mapping (first at line 3)",
        ),
        ("format_version: 2\norganizations:\n  - name: NewOrg\n", "bad.yaml:1: format_version"),
        ("users:\n  - name: carol\n    username: caro1\n", "bad.yaml:3: users[0].username: says \"caro1\" but name says \"carol\""),
    ];
    for (text, loc) in cases {
        let p = env.write("bad.yaml", text);
        let out = env.run(&["apply", "-f", p.to_str().unwrap()]);
        assert_status(&out, 65, &["apply", text]);
        let err = stderr(&out);
        assert!(err.contains(loc), "expected {loc} in: {err}");
        assert!(err.starts_with("awxm: error: "), "{err}");
        assert_eq!(env.row_counts(), counts, "something was written for {text}");
    }
});

db_test!(bad_survey_specs_exit_65_name_the_line_and_write_nothing, |env| {
    env.apply(&demo());
    let good = "job_templates:\n  - name: deploy\n    survey_enabled: true\n    survey_spec:\n      name: s\n      description: ''\n      spec:\n        - {variable: n, question_name: N, type: integer, required: false, default: 3, min: 1}\n";
    assert_eq!(env.apply(good)["updated"], 1);
    let counts = env.row_counts();
    let jt = env.json(&["show", "job_template", "deploy"]);
    assert_eq!(jt["survey_spec"]["spec"][0]["default"], 3);
    let cases: &[(&str, &str, &str)] = &[
        // An existing template: its stored spec is kept.
        (
            "job_templates:\n  - name: deploy\n    survey_spec:\n      name: s\n      description: ''\n      spec:\n        - {variable: n, question_name: N, type: integer, required: false}\n        - variable: t\n          question_name: T\n          type: text\n          required: false\n          default: 5\n",
            "bad.yaml:12",
            "job_templates[0].survey_spec.spec.1.default: Default value 5 in survey question 1 expected to be string.",
        ),
        // A new template is not created.
        (
            "job_templates:\n  - name: other\n    project: demo\n    playbook: site.yml\n    survey_spec:\n      name: s\n      description: ''\n      spec: []\n",
            "bad.yaml:8",
            "'spec' doesn't contain any items.",
        ),
        (
            "workflow_job_templates:\n  - name: wf\n    survey_spec:\n      name: s\n      description: ''\n      spec:\n        - {variable: c, question_name: C, type: multiplechoice, required: true, choices: [a, b], default: z}\n",
            "bad.yaml:7",
            "Default choice must be answered from the choices listed.",
        ),
        (
            "workflow_job_templates:\n  - name: wf\n    survey_spec: {description: '', spec: [{variable: c}]}\n",
            "bad.yaml:3",
            "Field 'name' is missing from survey spec.",
        ),
    ];
    for (text, loc, message) in cases {
        let p = env.write("bad.yaml", text);
        let out = env.run(&["apply", "-f", p.to_str().unwrap()]);
        assert_status(&out, 65, &["apply", text]);
        let err = stderr(&out);
        assert!(err.contains(&format!("{loc}: ")), "expected {loc} in: {err}");
        assert!(err.contains(message), "expected {message:?} in: {err}");
        assert_eq!(env.row_counts(), counts, "something was written for {text}");
        assert_eq!(env.json(&["show", "job_template", "deploy"]), jt, "the template changed for {text}");
    }
    // `{}` is no survey; an export of a template with a survey applies unchanged.
    assert_eq!(env.apply("workflow_job_templates:\n  - name: wf\n    survey_spec: {}\n")["created"], 1);
    let out = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &env.ok(&["export"]));
    assert_status(&out, 0, &["apply", "-f", "-"]);
    let r: Value = json_stdout(&["apply"], &out.stdout);
    assert_eq!(r["updated"], 0, "{r}");
});

db_test!(secrets_are_encrypted_and_never_shown, |env| {
    let file = format!(
        "credentials:\n  - name: c\n    kind: machine\n    inputs: {{username: u, password: {SENTINEL}, ssh_key_data: {SENTINEL}-key}}\n"
    );
    let p = env.write("c.yaml", &file);
    let out = env.run(&["-vvv", "--profile-sql", "apply", "-f", p.to_str().unwrap()]);
    assert_status(&out, 0, &["apply"]);
    assert!(!stderr(&out).contains(SENTINEL), "secret in logs");
    let export = env.ok(&["export"]);
    assert!(!export.contains(SENTINEL) && export.contains("$encrypted$"), "{export}");
    let show = env.ok(&["--format", "json", "show", "credential", "c"]);
    assert!(!show.contains(SENTINEL));
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM credential WHERE inputs LIKE '%{SENTINEL}%'")), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM credential WHERE inputs LIKE '%$encrypted$AESGCM$%'"), 1);
    if env.backend == Backend::Sqlite {
        for f in ["awxm.db", "awxm.db-wal"] {
            if let Ok(bytes) = std::fs::read(env.path().join(f)) {
                assert!(!bytes.windows(SENTINEL.len()).any(|w| w == SENTINEL.as_bytes()), "plaintext secret in {f}");
            }
        }
    }
    // $encrypted$ keeps the stored secret; applying the export changes nothing.
    let out = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &export);
    let r: Value = json_stdout(&["apply"], &out.stdout);
    assert_eq!(r["unchanged"], 1, "{r}");
    // $encrypted$ with nothing stored is an error.
    let p = env.write("n.yaml", "credentials:\n  - name: n\n    kind: vault\n    inputs: {vault_password: $encrypted$}\n");
    assert_status(&env.run(&["apply", "-f", p.to_str().unwrap()]), 65, &["apply"]);
    // The key file was created 0600.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(env.secret_key()).unwrap().permissions().mode() & 0o777, 0o600);
});

db_test!(list_shows_what_show_does_but_sub_objects, |env| {
    // `list` skips reading sub-objects (an inventory's hosts and groups): every other field
    // is there with the value `show` gives, and what only `show` has is a sub-object list.
    env.apply(&demo());
    env.apply(
        "teams:\n- {name: T, organization: Ops, members: [alice]}\nnotification_templates:\n- {name: N, organization: Ops, notification_type: webhook, notification_configuration: {url: 'http://127.0.0.1:9/'}}\njob_templates:\n- {name: deploy, notification_templates_success: [N]}\n",
    );
    let sub_objects = [
        "hosts",
        "groups",
        "instance_groups",
        "members",
        "credentials",
        "labels",
        "instances",
        "controller",
        "notification_templates_started",
        "notification_templates_success",
        "notification_templates_error",
    ];
    let mut checked = 0;
    for t in [
        "organization",
        "user",
        "team",
        "credential",
        "project",
        "inventory",
        "instance",
        "instance_group",
        "job_template",
        "notification_template",
    ] {
        for item in env.json(&["list", t])["items"].as_array().expect("items") {
            let shown = env.json(&["show", t, &item["id"].to_string()]);
            let (listed, shown) = (item.as_object().expect("item"), shown.as_object().expect("show"));
            for (k, v) in listed {
                assert_eq!(shown.get(k), Some(v), "{t} {k}: list and show differ");
            }
            for k in shown.keys().filter(|k| !listed.contains_key(*k) && *k != "format_version") {
                assert!(sub_objects.contains(&k.as_str()), "{t}: {k} is missing from list");
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} objects compared");
    let inv = &env.json(&["list", "inventories"])["items"][0];
    assert!(inv.get("hosts").is_none() && inv["total_hosts"] == 1, "{inv}");
});

db_test!(list_show_delete, |env| {
    env.apply(&demo());
    let l = env.json(&["list", "inventories"]);
    assert_eq!(l["type"], "inventory");
    assert_eq!(l["items"][0]["name"], "web");
    assert_eq!(l["items"][0]["total_hosts"], 1);
    let by_id = env.json(&["show", "inventory", &l["items"][0]["id"].to_string()]);
    assert_eq!(by_id["name"], "web");

    // Unknown object: 66; unknown type: 2.
    assert_status(&env.run(&["show", "inventory", "nope"]), 66, &["show"]);
    assert_status(&env.run(&["show", "gizmo", "x"]), 2, &["show"]);
    // No terminal and no --yes: refuse with a usage error, delete nothing.
    assert_status(&env.run(&["delete", "inventory", "web"]), 2, &["delete"]);
    // An organization still in use is kept.
    let out = env.run(&["delete", "organization", "Ops", "--yes"]);
    assert_status(&out, 65, &["delete", "organization"]);
    assert!(stderr(&out).contains("still used by"), "{}", stderr(&out));
    // Deleting an inventory takes its hosts and groups; the template loses the reference.
    let d = env.json(&["delete", "inventory", "web", "--yes"]);
    assert_eq!(d["deleted"], true);
    assert_eq!(env.sql_count("SELECT count(*) FROM host"), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM inv_group"), 0);
    let jt = env.json(&["show", "job_template", "deploy"]);
    assert_eq!(jt["inventory"], Value::Null);
    // Computed fields have the same JSON types on both backends.
    assert_eq!(jt["last_job_failed"], json!(false));
    assert_eq!(jt["last_job_run"], Value::Null);
    let node = env.json(&["show", "instance", "node1"]);
    assert_eq!((node["capacity"].clone(), node["cpu"].clone()), (json!(0), json!(0.0)));
});

db_test!(workflows_teams_and_roles_round_trip, |env| {
    env.apply(&demo());
    let r = env.apply(
        r#"
users:
  - name: bob
teams:
  - name: devs
    organization: Ops
    members: [alice, bob]
notification_templates:
  - name: mail-ops
    organization: Ops
    notification_type: email
    notification_configuration: {host: smtp.example.test, port: 25, password: pw-sentinel, recipients: [ops@example.test]}
workflow_job_templates:
  - name: pipeline
    organization: Ops
    nodes:
      - identifier: deploy
        job_template: deploy
        success_nodes: [approve]
        failure_nodes: [page]
      - identifier: approve
        approval: {name: Go live?, timeout: 600}
        always_nodes: [sync]
      - identifier: sync
        project: demo
      - identifier: page
        job_template: deploy
        extra_data: {reason: failed}
roles:
  - team: devs
    role: execute
    job_template: deploy
  - user: bob
    role: use
    credential: deploy-key
"#,
    );
    assert_eq!(r["created"], 6, "{r}");
    let export = env.ok(&["export"]);
    assert!(!export.contains("pw-sentinel"));
    let wf = env.json(&["show", "workflow_job_template", "pipeline"]);
    assert_eq!(wf["nodes"].as_array().unwrap().len(), 4);
    assert_eq!(wf["nodes"][1]["identifier"], "deploy");
    assert_eq!(wf["nodes"][1]["success_nodes"], json!(["approve"]));
    assert_eq!(wf["nodes"][0]["approval"]["timeout"], 600);
    let roles = env.json(&["list", "roles"]);
    assert_eq!(roles["items"].as_array().unwrap().len(), 2);
    // Round trip changes nothing.
    let out = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &export);
    let r: Value = json_stdout(&["apply"], &out.stdout);
    assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(0)), "{r}");
    assert_eq!(env.ok(&["export"]), export);
    // Dropping a node removes it and its edges; revoking a role.
    env.apply(
        "workflow_job_templates:\n  - name: pipeline\n    nodes:\n      - identifier: deploy\n        job_template: deploy\nroles:\n  - user: bob\n    role: use\n    credential: deploy-key\n    state: absent\n",
    );
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_job_template_node"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_node_edge"), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_approval_template"), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM role_assignment"), 1);
});

/// Inventories and organizations are listed before instance groups in `types::ALL`: this file
/// names the groups before it defines them.
const IG_LINKS: &str = "organizations:
  - name: Ops
    instance_groups: [east, west]
inventories:
  - name: web
    organization: Ops
    instance_groups: [west]
instance_groups:
  - name: west
  - name: east
";

/// The instance group names linked to `owner` (`inventory`/`organization` named `name`), read
/// from the link table by position (each position holds one link, and every link is counted).
fn ig_links(env: &TestEnv, owner: &str, name: &str) -> Vec<String> {
    let links = format!(
        "FROM {owner}_instance_group x JOIN {owner} o ON o.id = x.{owner}_id
         JOIN instance_group g ON g.id = x.instance_group_id WHERE o.name = '{name}'"
    );
    let mut out = Vec::new();
    for i in 0..3 {
        let at: Vec<&str> = ["east", "west", "north"]
            .into_iter()
            .filter(|g| env.sql_count(&format!("SELECT count(*) {links} AND x.position = {i} AND g.name = '{g}'")) == 1)
            .collect();
        assert!(at.len() <= 1, "{owner} {name}: {at:?} at position {i}");
        out.extend(at.into_iter().map(String::from));
    }
    assert_eq!(env.sql_count(&format!("SELECT count(*) {links}")) as usize, out.len(), "{owner} {name}: links not read");
    out
}

db_test!(instance_groups_of_inventories_and_organizations_apply_in_order_and_round_trip, |env| {
    let r = env.apply(IG_LINKS);
    assert_eq!(r["created"], 4, "{r}");
    assert_eq!(ig_links(&env, "organization", "Ops"), ["east", "west"]);
    assert_eq!(ig_links(&env, "inventory", "web"), ["west"]);
    assert_eq!(env.json(&["show", "organization", "Ops"])["instance_groups"], json!(["east", "west"]));
    assert_eq!(env.json(&["show", "inventory", "web"])["instance_groups"], json!(["west"]));

    // The same file again, and the export, change nothing.
    let export = env.ok(&["export"]);
    let shown = (env.json(&["show", "organization", "Ops"]), env.json(&["show", "inventory", "web"]));
    let counts = env.row_counts();
    for (what, text) in [("the same file", IG_LINKS.to_string()), ("the export", export.clone())] {
        let out = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &text);
        assert_status(&out, 0, &["apply", what]);
        let r: Value = json_stdout(&["apply"], &out.stdout);
        assert_eq!((r["created"].as_u64(), r["updated"].as_u64(), r["unchanged"].as_u64()), (Some(0), Some(0), Some(4)), "{what}: {r}");
        assert_eq!(env.ok(&["export"]), export, "{what}");
        assert_eq!((env.json(&["show", "organization", "Ops"]), env.json(&["show", "inventory", "web"])), shown, "{what}");
        assert_eq!(env.row_counts(), counts, "{what}");
    }

    // A new order is an update of the owner only; an empty list removes the links and the key.
    let r = env.apply("organizations:\n  - name: Ops\n    instance_groups: [west, east]\n");
    assert_eq!((r["updated"].as_u64(), r["changes"][0]["type"].as_str()), (Some(1), Some("organization")), "{r}");
    assert_eq!(ig_links(&env, "organization", "Ops"), ["west", "east"]);
    let r = env.apply("inventories:\n  - name: web\n    instance_groups: []\n");
    assert_eq!(r["updated"], 1, "{r}");
    assert_eq!(ig_links(&env, "inventory", "web"), Vec::<String>::new());
    let inv = env.json(&["show", "inventory", "web"]);
    assert!(inv.get("instance_groups").is_none(), "{inv}");
    // Absent: the stored links are kept.
    env.apply("inventories:\n  - name: web\n    instance_groups: [east]\n");
    assert_eq!(env.apply("inventories:\n  - name: web\n    description: d\n")["updated"], 1);
    assert_eq!(ig_links(&env, "inventory", "web"), ["east"]);

    // Deleting a group or an owner takes its links (the foreign keys cascade).
    env.json(&["delete", "instance_group", "east", "--yes"]);
    assert_eq!(ig_links(&env, "organization", "Ops"), ["west"]);
    assert_eq!(ig_links(&env, "inventory", "web"), Vec::<String>::new());
    env.apply("inventories:\n  - name: web\n    instance_groups: [west]\n");
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_instance_group"), 1);
    env.json(&["delete", "inventory", "web", "--yes"]);
    assert_eq!(env.sql_count("SELECT count(*) FROM inventory_instance_group"), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM organization_instance_group"), 1);
});

db_test!(unknown_instance_group_of_an_inventory_or_organization_exits_65_and_writes_nothing, |env| {
    env.apply(IG_LINKS);
    let counts = env.row_counts();
    let cases: &[(&str, &str)] = &[
        (
            "instance_groups:\n  - name: north\ninventories:\n  - name: new\n    instance_groups: [north, nope]\n",
            "bad.yaml:5: inventories[0].instance_groups.1: no instance group named \"nope\"",
        ),
        (
            "organizations:\n  - name: Ops\n    instance_groups:\n      - west\n      - gone\ninstance_groups:\n  - name: north\n",
            "bad.yaml:5: organizations[0].instance_groups.1: no instance group named \"gone\"",
        ),
        ("inventories:\n  - name: web\n    instance_groups: west\n", "bad.yaml:3: inventories[0].instance_groups: must be a list of names"),
    ];
    for (text, want) in cases {
        let p = env.write("bad.yaml", text);
        let out = env.run(&["apply", "-f", p.to_str().unwrap()]);
        assert_status(&out, 65, &["apply", text]);
        let err = stderr(&out);
        assert!(err.contains(want), "expected {want:?} in: {err}");
        assert_eq!(env.row_counts(), counts, "something was written for {text}");
        assert_eq!(ig_links(&env, "organization", "Ops"), ["east", "west"], "{text}");
        assert_eq!(ig_links(&env, "inventory", "web"), ["west"], "{text}");
    }
});

db_test!(settings_round_trip, |env| {
    env.init();
    let l = env.json(&["settings", "list"]);
    assert!(l["items"].as_array().unwrap().iter().any(|s| s["key"] == "tower_url_base"));
    // In JSON Lines a list is its items, one object per line.
    let jl = env.run(&["settings", "list", "-o", "jsonl"]);
    assert_status(&jl, 0, &["settings", "list", "-o", "jsonl"]);
    let lines: Vec<Value> = jsonl_stdout(&["settings", "list", "-o", "jsonl"], &jl.stdout);
    assert_eq!(lines.len(), l["count"].as_u64().unwrap() as usize);
    assert!(lines.iter().all(|x| x["key"].is_string()), "{lines:?}");
    let s = env.json(&["settings", "set", "tower_url_base", "https://awx.example.test"]);
    assert_eq!(s["changed"], true);
    assert_eq!(env.json(&["settings", "get", "tower_url_base"])["value"], "https://awx.example.test");
    assert_eq!(env.json(&["settings", "set", "tower_url_base", "https://awx.example.test"])["changed"], false);
    assert_eq!(env.json(&["settings", "unset", "tower_url_base"])["is_set"], false);
    let out = env.run(&["settings", "set", "tower_url_bse", "x"]);
    assert_status(&out, 65, &["settings", "set"]);
    assert!(stderr(&out).contains("did you mean: tower_url_base"), "{}", stderr(&out));
});

db_test!(concurrent_conflicting_applies_never_mix, |env| {
    env.apply("organizations:\n  - name: Ops\n");
    let mk = |tag: &str| {
        let mut s = String::from("inventories:\n");
        for i in 0..40 {
            s.push_str(&format!("  - name: inv{i}\n    organization: Ops\n    description: {tag}\n    hosts:\n"));
            for h in 0..25 {
                s.push_str(&format!("      - name: h{h}.{tag}\n"));
            }
        }
        env.write(&format!("{tag}.yaml"), &s)
    };
    let (a, b) = (mk("a"), mk("b"));
    let spawn =
        |p: &std::path::Path| env.cmd().args(["apply", "-f", p.to_str().unwrap()]).timeout(std::time::Duration::from_secs(120)).output();
    let (ra, rb) = std::thread::scope(|s| {
        let ha = s.spawn(|| spawn(&a));
        let hb = s.spawn(|| spawn(&b));
        (ha.join().unwrap().expect("run a"), hb.join().unwrap().expect("run b"))
    });
    for r in [&ra, &rb] {
        assert!(matches!(r.status.code(), Some(0) | Some(75)), "exit {:?}: {}", r.status.code(), stderr(r));
    }
    assert!(ra.status.success() || rb.status.success());
    let descs = env.sql_count("SELECT count(DISTINCT description) FROM inventory WHERE name LIKE 'inv%'");
    assert_eq!(descs, 1, "inventories were written by both runs");
    let mixed = env.sql_count(
        "SELECT count(*) FROM host h JOIN inventory i ON i.id = h.inventory_id WHERE substr(h.name, length(h.name)) <> i.description",
    );
    assert_eq!(mixed, 0, "hosts of one file under the other's inventories");
    assert_eq!(env.sql_count("SELECT count(*) FROM host"), 40 * 25);
});

#[test]
fn lock_held_elsewhere_exits_75() {
    // SQLite: another connection holds the write lock.
    let env = TestEnv::sqlite();
    env.apply("organizations:\n  - name: Ops\n");
    let conn = rusqlite::Connection::open(env.path().join("awxm.db")).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let p = env.write("o.yaml", "organizations:\n  - name: Other\n");
    let started = std::time::Instant::now();
    let out = env.run(&["--lock-timeout", "0.5", "apply", "-f", p.to_str().unwrap()]);
    assert_status(&out, 75, &["apply"]);
    assert!(started.elapsed() >= std::time::Duration::from_millis(400));
    assert!(stderr(&out).contains("lock"), "{}", stderr(&out));
    conn.execute_batch("ROLLBACK").unwrap();
    assert_status(&env.run(&["apply", "-f", p.to_str().unwrap()]), 0, &["apply"]);
}

#[test]
fn lock_held_elsewhere_exits_75_postgres() {
    let Some(env) = TestEnv::new(Backend::Postgres) else { return };
    env.apply("organizations:\n  - name: Ops\n");
    use sha2::Digest;
    let d = sha2::Sha256::digest(b"awxm:apply");
    let key = i64::from_be_bytes(d[..8].try_into().unwrap());
    let mut c = postgres::Client::connect(&env.url, postgres::NoTls).unwrap();
    c.query_one("SELECT pg_advisory_lock($1)", &[&key]).unwrap();
    let p = env.write("o.yaml", "organizations:\n  - name: Other\n");
    let out = env.run(&["--lock-timeout", "0.5", "apply", "-f", p.to_str().unwrap()]);
    assert_status(&out, 75, &["apply"]);
    c.query_one("SELECT pg_advisory_unlock($1)", &[&key]).unwrap();
    assert_status(&env.run(&["apply", "-f", p.to_str().unwrap()]), 0, &["apply"]);
}

db_test!(schema_newer_than_binary_is_refused, |env| {
    env.apply("organizations:\n  - name: Ops\n");
    env.sql_exec(
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999999, 'future', 'x', '2030-01-01T00:00:00.000000Z')",
    );
    let out = env.run(&["list", "organizations"]);
    assert_status(&out, 78, &["list"]);
    assert!(stderr(&out).contains("newer than this awxm"), "{}", stderr(&out));
});

#[test]
fn errors_have_documented_exit_codes() {
    let env = TestEnv::sqlite();
    // Usage.
    assert_status(&env.run(&["apply"]), 2, &["apply"]);
    assert_status(&env.run(&["no-such-command"]), 2, &["no-such-command"]);
    // Unsupported URL: configuration.
    assert_status(&env.run(&["--database", "mysql://x/y", "list", "organizations"]), 78, &["--database"]);
    // Unreachable server: unavailable.
    let out = env.run(&["--database", "postgres://nobody@127.0.0.1:1/x", "list", "organizations"]);
    assert_status(&out, 69, &["--database"]);
    // A missing input file: not found.
    assert_status(&env.run(&["apply", "-f", "/nonexistent/file.yaml"]), 66, &["apply"]);
    // A broken config file: configuration.
    let cfg = env.write("bad.yaml", "databse: sqlite:///tmp/x.db\n");
    let out = env.run(&["--config", cfg.to_str().unwrap(), "list", "organizations"]);
    assert_status(&out, 78, &["--config"]);
    assert!(stderr(&out).contains("databse"), "{}", stderr(&out));
    // JSON mode still writes one error object on stdout.
    let out = env.run(&["--format", "json", "show", "inventory", "nope"]);
    assert_status(&out, 66, &["show"]);
    let v: Value = json_stdout(&["show"], &out.stdout);
    assert_eq!(v["error"]["exit_code"], 66);
    assert_eq!(v["error"]["kind"], "not_found");
}

#[test]
fn config_layering_flag_over_env_over_file() {
    let env = TestEnv::sqlite();
    env.apply("organizations:\n  - name: Ops\n");
    let other = env.path().join("other.db");
    let cfg = env.write("awxm.yaml", &format!("database: sqlite://{}\nformat: json\n", other.display()));
    // The file picks the database and format (env var for the database removed).
    let empty = env.write("empty.yaml", "{}");
    let out =
        env.cmd().env_remove("AWXM_DATABASE_URL").args(["--config", cfg.to_str().unwrap(), "apply", "-f"]).arg(&empty).output().unwrap();
    assert_status(&out, 0, &["apply"]);
    assert!(other.exists());
    let out =
        env.cmd().env_remove("AWXM_DATABASE_URL").args(["--config", cfg.to_str().unwrap(), "list", "organizations"]).output().unwrap();
    assert_status(&out, 0, &["list"]);
    let v: Value = json_stdout(&["list", "organizations"], &out.stdout);
    assert_eq!(v["items"], json!([]), "used the config file's empty database");
    // The environment overrides the file.
    let out = env.cmd().env("AWXM_FORMAT", "yaml").args(["--config", cfg.to_str().unwrap(), "list", "organizations"]).output().unwrap();
    assert!(stdout(&out).contains("type: organization"), "{}", stdout(&out));
    assert!(stdout(&out).contains("name: Ops"), "env database wins over the file: {}", stdout(&out));
    // A flag overrides the environment.
    let out = env
        .cmd()
        .env("AWXM_FORMAT", "yaml")
        .args(["--config", cfg.to_str().unwrap(), "--format", "human", "list", "organizations"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("NAME"), "{}", stdout(&out));
    // The user config dir is read when no --config is given.
    env.write("config/awxm/awxm.yaml", "format: json\n");
    let v: Value = json_stdout(&["list", "organizations"], &env.run(&["list", "organizations"]).stdout);
    assert_eq!(v["items"][0]["name"], "Ops");
}

#[test]
fn config_shows_where_the_database_password_comes_from() {
    let env = TestEnv::sqlite();
    let v = env.json(&["config"]);
    assert_eq!(v["database_password_file"], Value::Null, "{v}");
    // The host key policy in effect, as the human output shows it.
    assert_eq!(v["host_key_policy"], "strict", "{v}");
    let pw = env.path().join("pgpass-file");
    let out = env.cmd().env("AWXM_DATABASE_PASSWORD_FILE", &pw).args(["--format", "json", "config"]).output().unwrap();
    assert_status(&out, 0, &["config"]);
    let v: Value = json_stdout(&["config"], &out.stdout);
    assert_eq!(v["database_password_file"], pw.to_str().unwrap(), "{v}");
    let out = env.cmd().env("AWXM_DATABASE_PASSWORD_FILE", &pw).arg("config").output().unwrap();
    assert!(stdout(&out).contains(&format!("database password file  {}", pw.display())), "{}", stdout(&out));
}

#[test]
fn profile_sql_logs_statements_with_durations() {
    let env = TestEnv::sqlite();
    env.init();
    let out = env.run(&["--profile-sql", "list", "organizations"]);
    assert_status(&out, 0, &["list"]);
    let err = stderr(&out);
    assert!(err.contains(" ms ") && err.contains("SELECT id, name"), "{err}");
    // Without the flag a successful run prints nothing on stderr (cron mails any output).
    let out = env.run(&["list", "organizations"]);
    assert_eq!(stderr(&out), "");
}

#[test]
fn default_database_lives_in_the_data_dir() {
    let env = TestEnv::sqlite();
    // `awxm config` resolves without opening anything (so the system database is never touched).
    let c =
        env.cmd().env_remove("AWXM_DATABASE_URL").env_remove("AWXM_SECRET_KEY_FILE").args(["--format", "json", "config"]).output().unwrap();
    assert_status(&c, 0, &["config"]);
    let v: Value = json_stdout(&["config"], &c.stdout);
    if nix_is_root() {
        assert_eq!(v["database_url"], "sqlite:///var/lib/awxm/awxm.db");
        assert_eq!(v["secret_key_file"], "/etc/awxm/secret.key");
        // Opening the default as root would use the machine's database: prove the default
        // directory is created for a data dir given in a config file instead.
        let cfg = env.write("c.yaml", &format!("data_dir: {}\n", env.path().join("var").display()));
        let list =
            env.cmd().env_remove("AWXM_DATABASE_URL").args(["--config", cfg.to_str().unwrap(), "list", "organizations"]).output().unwrap();
        assert_status(&list, 66, &["list"]);
        assert!(!env.path().join("var").exists(), "a read-only command created the data dir");
        let out = env
            .cmd()
            .env_remove("AWXM_DATABASE_URL")
            .args(["--config", cfg.to_str().unwrap(), "apply", "-f", "-"])
            .write_stdin("{}")
            .output()
            .unwrap();
        assert_status(&out, 0, &["apply"]);
        assert!(env.path().join("var/awxm.db").exists());
    } else {
        let expected = env.path().join("data/awxm/awxm.db");
        assert_eq!(v["database_url"], format!("sqlite://{}", expected.display()));
        let list = env.cmd().env_remove("AWXM_DATABASE_URL").args(["list", "organizations"]).output().unwrap();
        assert_status(&list, 66, &["list"]);
        assert!(stderr(&list).contains(&format!("no database at {}", expected.display())), "{}", stderr(&list));
        assert!(!expected.parent().unwrap().exists(), "a read-only command created the data dir");
        let out = env.cmd().env_remove("AWXM_DATABASE_URL").args(["apply", "-f", "-"]).write_stdin("{}").output().unwrap();
        assert_status(&out, 0, &["apply"]);
        assert!(expected.exists(), "{} not created", expected.display());
    }
}

#[test]
fn help_shows_exit_codes_and_only_working_commands() {
    let env = TestEnv::sqlite();
    let help = env.ok(&["--help"]);
    assert!(help.contains("EXIT STATUS") && help.contains("75  temporary failure"));
    assert!(help.contains("143 terminated (SIGTERM)"), "{help}");

    // The "Commands:" section lists exactly the visible subcommands of the clap tree.
    let section = help.split("Commands:").nth(1).expect("a Commands: section").split("Options:").next().expect("section");
    let listed: std::collections::BTreeSet<String> = section
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .filter(|n| n != "help")
        .collect();
    let visible: std::collections::BTreeSet<String> =
        awxm::cli::command().get_subcommands().filter(|c| !c.is_hide_set()).map(|c| c.get_name().to_string()).collect();
    assert_eq!(listed, visible, "help lists other subcommands than the CLI has");
    for must in ["apply", "export", "list", "show", "delete", "settings", "config", "run_job", "inventory_import", "isolated_heartbeat"] {
        assert!(listed.contains(must), "{must} missing from help: {listed:?}");
    }

    // Every listed subcommand runs: its help works, and run bare on an empty database it ends
    // with one of the documented exit codes (a usage error for those that need arguments) —
    // never an internal error, a panic or a "not implemented".
    let documented = [0, 1, 2, 3, 65, 66, 69, 74, 75, 77, 78];
    for sub in &listed {
        env.ok(&[sub.as_str(), "--help"]);
        if sub == "dispatcher" || sub == "scheduler" {
            // A service (the scheduler bare loops): it runs until a signal, then exits 128 + SIGTERM.
            let mut child = env.std_cmd().arg(sub).stdin(std::process::Stdio::null()).spawn().expect("start the service");
            std::thread::sleep(std::time::Duration::from_secs(2));
            assert!(child.try_wait().expect("wait").is_none(), "{sub} stopped on its own");
            // SAFETY: signalling our own child.
            unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
            assert_eq!(child.wait().expect("wait").code(), Some(143), "{sub} on SIGTERM");
            continue;
        }
        let out = env.cmd().arg(sub).write_stdin("").timeout(std::time::Duration::from_secs(60)).output().expect("run");
        let code = out.status.code().unwrap_or_else(|| panic!("{sub} was killed: {out:?}"));
        assert!(documented.contains(&code), "awxm {sub} exited {code}: {}", stderr(&out));
        let text = format!("{}{}", stdout(&out), stderr(&out)).to_lowercase();
        assert!(!text.contains("not implemented") && !text.contains("panicked"), "awxm {sub}: {text}");
    }
}

fn nix_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

/// `awxm export` YAML read by the real PyYAML (safe_load, as Ansible reads YAML), as JSON.
fn pyyaml_load(env: &TestEnv, yaml: &str) -> Value {
    let path = env.write("pyyaml-in.yaml", yaml);
    let out = std::process::Command::new(venv_bin().join("python3"))
        .args(["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))"])
        .arg(&path)
        .output()
        .expect("run python3");
    assert!(out.status.success(), "PyYAML cannot read the export: {}\n{yaml}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("PyYAML result as JSON")
}

/// Apply `vars` as an inventory's variables, then: the YAML export applied into a fresh
/// database exports identically, keeps the values, and PyYAML reads the same values.
fn yaml_export_round_trips(env: &TestEnv, vars: &serde_json::Map<String, Value>) {
    let doc = json!({"inventories": [{"name": "strs", "variables": vars}]});
    let r = env.apply(&doc.to_string());
    assert_eq!(r["created"], 1, "{r}");
    let yaml = env.ok(&["export", "inventory"]);
    let fresh = TestEnv::new(env.backend).expect("second database");
    fresh.apply(&yaml);
    assert_eq!(fresh.ok(&["export", "inventory"]), yaml, "export → apply → export changed the document");
    let shown = fresh.json(&["show", "inventory", "strs"]);
    assert_eq!(shown["variables"], Value::Object(vars.clone()), "values changed through the YAML export:\n{yaml}");
    let py = pyyaml_load(env, &yaml);
    assert_eq!(py["inventories"][0]["variables"], Value::Object(vars.clone()), "PyYAML reads other values:\n{yaml}");
}

db_test!(yaml_export_writes_keys_longer_than_yaml_simple_keys_explicitly, |env| {
    // YAML caps simple keys at 1024 characters: longer ones are written as `? key`, which
    // awxm, and PyYAML as Ansible reads an export, read back.
    let long = "k".repeat(1500);
    let vars = json!({ long.as_str(): {"x": 1}, "ok": long.as_str() });
    yaml_export_round_trips(&env, vars.as_object().unwrap());
    assert!(env.ok(&["export", "inventory"]).contains("? \"kkk"));
});

db_test!(yaml_export_quotes_strings_yaml_would_retype, |env| {
    // The strings "yes", "on", "1_000", "1:20" were written plain and came back as
    // true, true, 1000 and 80.
    let vars = json!({"s_yes": "yes", "s_on": "on", "s_us": "1_000", "s_sexa": "1:20"});
    yaml_export_round_trips(&env, vars.as_object().unwrap());
    let yaml = env.ok(&["export", "inventory"]);
    assert!(yaml.contains("s_yes: \"yes\"\n") && yaml.contains("s_sexa: \"1:20\"\n"), "{yaml}");
});

db_test!(yaml_export_round_trips_every_yaml_special_form, |env| {
    let special = awxm::yaml::YAML11_SPECIAL_FORMS;
    let mut vars = serde_json::Map::new();
    for (i, s) in special.iter().enumerate() {
        vars.insert(format!("v{i}"), json!(s));
        vars.insert(s.to_string(), json!([s, {"k": s}]));
    }
    yaml_export_round_trips(&env, &vars);
});

db_test!(yaml_export_round_trips_random_strings, |env| {
    // Strings built at random (a fixed xorshift seed) from YAML's troublemakers.
    let mut strings = awxm::yaml::troublesome_strings(0x2545_f491_4f6c_dd1d);
    let mut vars = serde_json::Map::new();
    for i in 0..400 {
        let s = strings();
        vars.insert(format!("r{i}"), json!(s));
        vars.insert(format!("{s}|{i}"), json!([s]));
    }
    yaml_export_round_trips(&env, &vars);
});

db_test!(list_filters_orders_limits_and_suggests_types, |env| {
    env.apply(
        "organizations: [{name: a}, {name: b}]\ninventories:\n  - {name: web, organization: a}\n  - {name: db, organization: b}\n  - {name: cache, organization: a}\n",
    );
    let l = env.json(&["list", "inventories", "--filter", "organization=a"]);
    let names: Vec<&str> = l["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["cache", "web"], "{l}");
    assert_eq!(l["count"], 2);
    let l = env.json(&["list", "inventory", "--order-by", "-name", "--limit", "2"]);
    let names: Vec<&str> = l["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["web", "db"], "{l}");
    assert_eq!(env.json(&["list", "inventories", "--filter", "organization=a", "--filter", "name=db"])["count"], 0);
    // A typo gets a suggestion; jobs have their own command.
    let out = env.run(&["list", "inventorys"]);
    assert_status(&out, 2, &["list", "inventorys"]);
    assert!(stderr(&out).contains("a similar value exists: 'inventory'"), "{}", stderr(&out));
    let out = env.run(&["list", "jobs"]);
    assert_status(&out, 2, &["list", "jobs"]);
    assert!(stderr(&out).contains("awxm job list"), "{}", stderr(&out));
    let out = env.run(&["list", "inventories", "--filter", "nameweb"]);
    assert_status(&out, 2, &["list", "--filter"]);
});

// Deleting a project leaves its job templates without one (as AWX does); an export of that
// state applies again, here and into a fresh database (a backup must restore).
db_test!(export_applies_again_after_a_referenced_project_is_deleted, |env| {
    env.apply("projects:\n  - name: p\n    local_path: /tmp\njob_templates:\n  - name: jt\n    project: p\n    playbook: a.yml\n");
    env.ok(&["delete", "project", "p", "--yes"]);
    let backup = env.ok(&["export"]);
    assert!(backup.contains("project: null"), "{backup}");
    let again = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &backup);
    assert_status(&again, 0, &["apply of the export"]);
    let r: Value = json_stdout(&["apply"], &again.stdout);
    assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(0)), "{r}");
    let fresh = TestEnv::sqlite();
    let out = fresh.run_stdin(&["apply", "-f", "-"], &backup);
    assert_status(&out, 0, &["apply of the export into a fresh database"]);
    assert_eq!(fresh.sql_count("SELECT count(*) FROM job_template WHERE name = 'jt' AND project_id IS NULL"), 1);
    // Creating a template still needs its project named.
    let out = env.run_stdin(&["apply", "-f", "-"], "job_templates:\n  - name: jt2\n    playbook: a.yml\n");
    assert_status(&out, 65, &["apply of a template without a project"]);
});

// An inventory counts its sources whoever writes them: apply (also moving one to another
// inventory) and delete keep total_inventory_sources right, not only imports.
db_test!(apply_and_delete_keep_an_inventorys_source_count, |env| {
    let count = |inv: &str| env.json(&["show", "inventory", inv])["total_inventory_sources"].clone();
    let source =
        |inv: &str| format!("inventory_sources:\n  - name: src\n    inventory: {inv}\n    source: file\n    source_path: /etc/hosts\n");
    env.apply(&format!("inventories:\n  - name: a\n  - name: b\n{}", source("a")));
    assert_eq!((count("a"), count("b")), (json!(1), json!(0)));
    env.apply(&source("b"));
    assert_eq!((count("a"), count("b")), (json!(0), json!(1)));
    env.ok(&["delete", "inventory_source", "src", "--yes"]);
    assert_eq!((count("a"), count("b")), (json!(0), json!(0)));
});
