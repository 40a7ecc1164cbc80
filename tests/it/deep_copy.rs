//! deep_copy: each copyable type copies what AWX copies (compared through `show`), secrets
//! survive re-encryption, the original is untouched, AWX's permission rules and workflow node
//! pruning, naming, and atomicity.

use serde_json::{Value, json};

use crate::support::*;

const FIXTURE: &str = r#"
organizations:
  - name: Ops
  - name: Dev
users:
  - name: root
    is_superuser: true
  - name: bob
  - name: carol
  - name: dave
  - name: erin
  - name: frank
  - name: gina
    is_system_auditor: true
teams:
  - name: inv-admins
    organization: Ops
    members: [dave]
credentials:
  - name: key1
    organization: Ops
    kind: machine
    inputs: {username: deploy, password: S3cr3t-pw-1, ssh_key_data: KEYDATA-1, become_password: B3come-1}
  - name: vault1
    organization: Ops
    kind: vault
    inputs: {vault_password: V4ult-pw-1, vault_id: prod}
  - name: git-cred
    organization: Ops
    kind: scm
    inputs: {username: git, password: G1t-pw-1}
  - name: loose
    kind: machine
    inputs: {username: nobody}
projects:
  - name: demo
    organization: Ops
    scm_type: manual
    local_path: /srv/playbooks/demo
  - name: gitproj
    organization: Ops
    description: from git
    scm_type: git
    scm_url: https://git.example.test/repo.git
    scm_branch: main
    scm_clean: true
    scm_update_on_launch: true
    scm_update_cache_timeout: 60
    credential: git-cred
    local_path: /var/lib/awxm/projects/_2__gitproj
    timeout: 90
inventories:
  - name: web
    organization: Ops
    description: the web tier
    variables: {env: prod, ntp: [a, b]}
    instance_groups: [ig2, ig1]
    hosts:
      - name: web1
        variables: {ansible_host: 10.0.0.1}
      - name: web2
        enabled: false
        instance_id: i-2
        description: second
      - name: db1
    groups:
      - name: all_web
        variables: {tier: web}
        children: [frontends, backends]
      - name: frontends
        hosts: [web1, web2]
      - name: backends
        description: back
        hosts: [db1, web2]
  - name: staging
    organization: Ops
  - name: devinv
    organization: Dev
inventory_sources:
  - name: web-src
    inventory: web
    source: file
    source_path: /tmp/inv.ini
instance_groups:
  - name: ig1
  - name: ig2
notification_templates:
  - name: mail
    organization: Ops
    notification_type: email
    notification_configuration: {host: smtp.example.test, port: 25, username: u, password: M41l-pw-1, recipients: [a@example.test]}
    messages: {started: {message: "go {{ job.id }}"}}
job_templates:
  - name: deploy
    description: ship it
    project: demo
    playbook: site.yml
    inventory: web
    credentials: [key1, vault1]
    labels: [blue, green]
    instance_groups: [ig2, ig1]
    extra_vars: {version: 1}
    survey_enabled: true
    survey_spec: {name: s, description: '', spec: [{variable: x, type: text, question_name: X, required: false}]}
    forks: 5
    limit: web
    verbosity: 2
    job_tags: a,b
    timeout: 30
    become_enabled: true
    host_config_key: hck
    notification_templates_started: [mail]
  - name: other
    project: demo
    playbook: other.yml
workflow_job_templates:
  - name: release
    organization: Ops
    inventory: web
    labels: [blue]
    extra_vars: {a: 1}
    notification_templates_success: [mail]
    nodes:
      - identifier: build
        job_template: deploy
        inventory: web
        credentials: [key1]
        limit: web1
        verbosity: 1
        extra_data: {x: 1}
        success_nodes: [approve]
        failure_nodes: [cleanup]
      - identifier: approve
        approval: {name: Go live?, description: ok?, timeout: 600}
        success_nodes: [ship]
      - identifier: ship
        job_template: other
        inventory: staging
        credentials: [vault1]
        all_parents_must_converge: true
        always_nodes: [sync]
      - identifier: cleanup
        project: gitproj
      - identifier: sync
        inventory_source: web-src
"#;

/// `show TYPE NAME --format json`.
fn show(env: &TestEnv, kind: &str, name: &str) -> Value {
    env.json(&["show", kind, name])
}

/// A JSON object without some keys.
fn without(v: &Value, keys: &[&str]) -> Value {
    let mut m = v.as_object().expect("object").clone();
    for k in keys {
        m.remove(*k);
    }
    Value::Object(m)
}

const IDENTITY: &[&str] = &["id", "name", "created", "modified"];

/// Run a copy (as the operator unless `args` says otherwise), return the JSON report.
fn copy(env: &TestEnv, args: &[&str]) -> Value {
    let mut a = vec!["deep_copy"];
    a.extend_from_slice(args);
    env.json(&a)
}

/// Text values of a one-column query, straight from the database.
fn sql_strings(env: &TestEnv, sql: &str) -> Vec<String> {
    match env.backend {
        Backend::Sqlite => {
            let c = rusqlite::Connection::open(env.url.trim_start_matches("sqlite://")).expect("open");
            let mut st = c.prepare(sql).expect("prepare");
            st.query_map([], |r| r.get::<_, String>(0)).expect("query").map(|r| r.expect("row")).collect()
        }
        Backend::Postgres => {
            let mut c = postgres::Client::connect(&env.url, postgres::NoTls).expect("connect");
            c.query(sql, &[]).expect("query").iter().map(|r| r.get::<_, String>(0)).collect()
        }
    }
}

/// The decrypted secrets of a stored inputs/configuration mapping.
fn decrypted(env: &TestEnv, sql: &str) -> serde_json::Map<String, Value> {
    let stored: Value = serde_json::from_str(&sql_strings(env, sql)[0]).expect("json");
    let secrets = awxm::crypto::Secrets::new(env.secret_key());
    stored
        .as_object()
        .expect("mapping")
        .iter()
        .map(|(k, v)| {
            let v = match v.as_str() {
                Some(s) if awxm::crypto::is_encrypted(s) => Value::String(secrets.decrypt(s, k).expect("decrypt")),
                _ => v.clone(),
            };
            (k.clone(), v)
        })
        .collect()
}

fn run_env(env: &TestEnv, vars: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut c = env.cmd();
    for (k, v) in vars {
        c.env(k, v);
    }
    c.args(args).output().expect("run awxm")
}

db_test!(inventory_copy_has_hosts_groups_vars_and_links_and_leaves_the_original, |env| {
    env.apply(FIXTURE);
    let before = show(&env, "inventory", "web");
    let hosts = env.sql_count("SELECT count(*) FROM host");
    let r = copy(&env, &["inventory", "web", "--name", "web-copy"]);
    assert_eq!(r["type"], "inventory");
    assert_eq!(r["original"], json!({"id": before["id"], "name": "web"}));
    assert_eq!(r["copied"], json!({"hosts": 3, "groups": 3, "group_hosts": 4, "group_children": 2, "instance_groups": 2}), "{r}");
    assert_eq!(r["admin_granted"], false);

    let copied = show(&env, "inventory", "web-copy");
    assert_eq!(copied["id"], r["id"]);
    // Every field, host, group, variable, membership and nesting is the original's; the
    // inventory source is not copied.
    let computed = ["total_inventory_sources"];
    assert_eq!(
        without(&copied, &[IDENTITY, &computed].concat()),
        without(&before, &[IDENTITY, &computed].concat()),
        "copy differs from the original"
    );
    assert_eq!(copied["total_hosts"], 3);
    assert_eq!(copied["total_groups"], 3);
    assert_eq!(copied["total_inventory_sources"], 0);
    // The instance groups are the original's, in its order, shared rather than duplicated.
    assert_eq!(copied["instance_groups"], json!(["ig2", "ig1"]));
    assert_eq!(env.sql_count("SELECT count(*) FROM instance_group"), 2);
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM inventory_instance_group WHERE inventory_id = {}", r["id"])), 2);
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM inventory_source WHERE inventory_id = {}", r["id"])), 0);
    assert_eq!(env.sql_count("SELECT count(*) FROM host"), hosts + 3);
    // New rows, not shared ones.
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM host WHERE inventory_id = {}", r["id"])), 3);
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM group_host gh JOIN host h ON h.id = gh.host_id JOIN inv_group g ON g.id = gh.group_id
             WHERE h.inventory_id = {0} AND g.inventory_id = {0}",
            r["id"]
        )),
        4
    );
    // The original is untouched, down to its modified stamps.
    assert_eq!(show(&env, "inventory", "web"), before);
});

db_test!(job_template_copy_shares_links_and_keeps_survey_but_not_history_or_notifications, |env| {
    env.apply(FIXTURE);
    env.sql_exec("UPDATE job_template SET status = 'successful', last_job_run = '2026-01-01T00:00:00.000000Z' WHERE name = 'deploy'");
    let before = show(&env, "job_template", "deploy");
    let labels = env.sql_count("SELECT count(*) FROM label");
    let r = copy(&env, &["job_template", "deploy", "--name", "deploy2"]);
    assert_eq!(r["copied"], json!({"credentials": 2, "labels": 2, "instance_groups": 2}), "{r}");
    let copied = show(&env, "job_template", "deploy2");
    let skip = [IDENTITY, &["status", "last_job_run", "notification_templates_started"]].concat();
    assert_eq!(without(&copied, &skip), without(&before, &skip));
    // Ordered links keep their order; survey and options are there.
    assert_eq!(copied["credentials"], json!(["key1", "vault1"]));
    assert_eq!(copied["instance_groups"], json!(["ig2", "ig1"]));
    assert_eq!(copied["survey_spec"]["spec"][0]["variable"], "x");
    assert_eq!(copied["host_config_key"], "hck");
    // Labels are shared, not duplicated; history and notification attachments are not copied.
    assert_eq!(env.sql_count("SELECT count(*) FROM label"), labels);
    assert_eq!(copied["status"], "never updated");
    assert!(copied["last_job_run"].is_null());
    assert!(copied.get("notification_templates_started").is_none(), "{copied}");
    assert_eq!(show(&env, "job_template", "deploy"), before);
});

db_test!(project_copies_get_their_own_checkout_or_keep_the_playbook_dir, |env| {
    env.apply(FIXTURE);
    env.sql_exec("UPDATE project SET status = 'successful', scm_revision = 'abc123' WHERE name = 'gitproj'");
    let before = show(&env, "project", "gitproj");
    let r = copy(&env, &["project", "gitproj", "--name", "Git Proj 2"]);
    let id = r["id"].as_i64().expect("id");
    let expected = format!("/var/lib/awxm/projects/_{id}__git_proj_2");
    assert_eq!(r["local_path"], expected.as_str());
    let copied = show(&env, "project", "Git Proj 2");
    let skip = [IDENTITY, &["local_path", "status", "scm_revision"]].concat();
    assert_eq!(without(&copied, &skip), without(&before, &skip));
    assert_eq!(copied["local_path"], expected.as_str());
    assert_eq!(copied["credential"], "git-cred");
    assert_eq!(copied["status"], "never updated");
    assert_eq!(copied["scm_revision"], "");
    assert_eq!(show(&env, "project", "gitproj"), before);

    let manual = show(&env, "project", "demo");
    copy(&env, &["project", "demo", "--name", "demo2"]);
    assert_eq!(without(&show(&env, "project", "demo2"), IDENTITY), without(&manual, IDENTITY));
});

db_test!(credential_and_notification_secrets_are_reencrypted_to_the_same_values, |env| {
    env.apply(FIXTURE);
    let before = show(&env, "credential", "key1");
    let r = copy(&env, &["credential", "key1", "--name", "key2"]);
    assert_eq!(r["copied"], json!({"secrets_reencrypted": 3}));
    assert_eq!(without(&show(&env, "credential", "key2"), IDENTITY), without(&before, IDENTITY));
    let old = decrypted(&env, "SELECT inputs FROM credential WHERE name = 'key1'");
    let new = decrypted(&env, "SELECT inputs FROM credential WHERE name = 'key2'");
    assert_eq!(new, old);
    assert_eq!(new["password"], "S3cr3t-pw-1");
    assert_eq!(new["ssh_key_data"], "KEYDATA-1");
    // Fresh nonces: no ciphertext is shared, and no plaintext is stored.
    let raw = sql_strings(&env, "SELECT inputs FROM credential WHERE name IN ('key1', 'key2') ORDER BY name");
    let (a, b): (Value, Value) = (serde_json::from_str(&raw[0]).unwrap(), serde_json::from_str(&raw[1]).unwrap());
    for k in ["password", "ssh_key_data", "become_password"] {
        assert_ne!(a[k], b[k], "{k} ciphertext reused");
    }
    assert_eq!(env.sql_count("SELECT count(*) FROM credential WHERE inputs LIKE '%S3cr3t-pw-1%'"), 0);
    assert_eq!(show(&env, "credential", "key1"), before);

    let nt = show(&env, "notification_template", "mail");
    let r = copy(&env, &["notification_template", "mail", "--name", "mail2"]);
    assert_eq!(r["copied"], json!({"secrets_reencrypted": 1}));
    assert_eq!(r["admin_granted"], false);
    assert_eq!(without(&show(&env, "notification_template", "mail2"), IDENTITY), without(&nt, IDENTITY));
    let old = decrypted(&env, "SELECT notification_configuration FROM notification_template WHERE name = 'mail'");
    let new = decrypted(&env, "SELECT notification_configuration FROM notification_template WHERE name = 'mail2'");
    assert_eq!(new, old);
    assert_eq!(new["password"], "M41l-pw-1");
});

db_test!(workflow_copy_has_nodes_edges_and_its_own_approval_templates, |env| {
    env.apply(FIXTURE);
    let before = show(&env, "workflow_job_template", "release");
    let approvals = env.sql_count("SELECT count(*) FROM workflow_approval_template");
    let r = copy(&env, &["workflow_job_template", "release", "--name", "release2"]);
    assert_eq!(r["copied"], json!({"labels": 1, "nodes": 5, "edges": 4, "node_credentials": 2, "approval_templates": 1}), "{r}");
    assert_eq!(r["dropped"], json!({"templates": [], "credentials": [], "inventories": []}));
    let copied = show(&env, "workflow_job_template", "release2");
    // The approval node has a new template named "<name> copy"; all else is the original's,
    // except the notification attachments, which AWX does not copy.
    let mut expected = without(&before, &[IDENTITY, &["notification_templates_success"]].concat());
    for n in expected["nodes"].as_array_mut().unwrap() {
        if n["identifier"] == "approve" {
            n["approval"]["name"] = json!("Go live? copy");
        }
    }
    assert_eq!(without(&copied, IDENTITY), expected);
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_approval_template"), approvals + 1);
    assert_eq!(
        env.sql_count("SELECT count(DISTINCT approval_template_id) FROM workflow_job_template_node WHERE approval_template_id IS NOT NULL"),
        2
    );
    // The new approval template has a real timestamp, not the linking tag.
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_approval_template WHERE created LIKE 'deep-copy%'"), 0);
    assert_eq!(show(&env, "workflow_job_template", "release"), before);
    // The copy round-trips through export and apply.
    let export = env.ok(&["export"]);
    let out = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &export);
    assert_status(&out, 0, &["apply", "-f", "-"]);
    let a: Value = json_stdout(&["apply"], &out.stdout);
    assert_eq!((a["created"].as_u64(), a["updated"].as_u64()), (Some(0), Some(0)), "{a}");
});

const ROLES: &str = r#"
roles:
  - {user: carol, role: read, inventory: web}
  - {team: inv-admins, role: inventory_admin, organization: Ops}
  - {user: erin, role: use, inventory: web}
  - {user: erin, role: use, project: demo}
  - {user: erin, role: execute, job_template: deploy}
  - {user: erin, role: use, credential: key1}
"#;

db_test!(permissions_follow_awx_and_refusals_exit_77_writing_nothing, |env| {
    env.apply(FIXTURE);
    env.apply(ROLES);
    let counts = env.row_counts();
    for (user, kind, name) in [
        ("bob", "inventory", "web"),
        ("carol", "inventory", "web"),
        ("bob", "credential", "key1"),
        ("bob", "project", "demo"),
        ("bob", "notification_template", "mail"),
        ("bob", "workflow_job_template", "release"),
        ("gina", "inventory", "web"),
        ("dave", "inventory", "devinv"),
    ] {
        let out = env.run(&["deep_copy", kind, name, "--name", "x", "--as", user]);
        assert_status(&out, 77, &[user, kind, name]);
        let err = stderr(&out);
        assert!(err.contains("You do not have permission to perform this action."), "{err}");
        assert!(err.contains(user), "the detail names the user: {err}");
    }
    assert_eq!(env.row_counts(), counts, "a refused copy wrote something");

    // erin may read and use all but one credential of the template.
    let out = env.run(&["deep_copy", "job_template", "deploy", "--as", "erin"]);
    assert_status(&out, 77, &["erin"]);
    assert!(stderr(&out).contains("Insufficient access to Job Template credentials."), "{}", stderr(&out));
    assert!(stderr(&out).contains("vault1"), "{}", stderr(&out));
    let out = env.run(&["--format", "json", "deep_copy", "--check", "job_template", "deploy", "--as", "erin"]);
    assert_status(&out, 1, &["check erin"]);
    let c: Value = json_stdout(&["deep_copy"], &out.stdout);
    assert_eq!(c["can_copy"], false);
    assert_eq!(c["message"], "Insufficient access to Job Template credentials.");
    env.apply("roles:\n  - {user: erin, role: use, credential: vault1}\n");
    let c = env.json(&["deep_copy", "--check", "job_template", "deploy", "--as", "erin"]);
    assert_eq!(c["can_copy"], true, "{c}");
    let r = copy(&env, &["job_template", "deploy", "--name", "erins", "--as", "erin"]);
    assert_eq!(r["as_user"], "erin");
    assert_eq!(r["admin_granted"], true);
    assert_eq!(
        env.sql_count(&format!(
            "SELECT count(*) FROM role_assignment r JOIN auth_user u ON u.id = r.user_id
             WHERE u.username = 'erin' AND r.object_type = 'job_template' AND r.object_id = {} AND r.role = 'admin'",
            r["id"]
        )),
        1
    );

    // dave holds inventory_admin in Ops through his team (which implies read of web).
    let r = copy(&env, &["inventory", "web", "--name", "daves", "--as", "dave"]);
    assert_eq!(r["admin_granted"], true);
    let exported = env.ok(&["export"]);
    assert!(exported.contains("- user: dave\n  role: admin\n  inventory: daves\n"), "{exported}");
    // A superuser user may copy anything and becomes admin of the copy.
    let r = copy(&env, &["credential", "loose", "--name", "loose2", "--as", "root"]);
    assert_eq!(r["admin_granted"], true);

    // --check answers without copying: 0 may, 1 may not, 77 cannot even read.
    let counts = env.row_counts();
    let out = env.run(&["--format", "json", "deep_copy", "--check", "inventory", "web", "--as", "carol"]);
    assert_status(&out, 1, &["check carol"]);
    let c: Value = json_stdout(&["deep_copy"], &out.stdout);
    assert_eq!(c["can_copy"], false);
    assert_eq!(c["message"], "You do not have permission to perform this action.");
    assert!(c["reason"].as_str().unwrap().contains("inventory_admin"), "{c}");
    assert_status(&env.run(&["deep_copy", "--check", "inventory", "web", "--as", "bob"]), 77, &["check bob"]);
    assert_eq!(env.json(&["deep_copy", "--check", "inventory", "web", "--as", "dave"])["can_copy"], true);
    assert_eq!(env.json(&["deep_copy", "--check", "inventory", "web"])["can_copy"], true);
    assert_eq!(env.row_counts(), counts, "--check wrote something");

    assert_status(&env.run(&["deep_copy", "inventory", "web", "--as", "nobody"]), 66, &["unknown user"]);
    assert_status(&env.run(&["deep_copy", "inventory", "nope"]), 66, &["unknown inventory"]);
    assert_status(&env.run(&["deep_copy", "host", "web1"]), 2, &["not a copyable type"]);
});

db_test!(workflow_copies_drop_the_node_references_the_user_may_not_use, |env| {
    env.apply(FIXTURE);
    env.apply(
        "roles:
  - {user: frank, role: workflow_admin, organization: Ops}
  - {user: frank, role: use, inventory: web}
  - {user: frank, role: execute, job_template: deploy}
  - {user: frank, role: use, credential: key1}
",
    );
    let c = env.json(&["deep_copy", "--check", "workflow_job_template", "release", "--as", "frank"]);
    assert_eq!(c["can_copy"], true, "{c}");
    assert_eq!(c["can_copy_without_user_input"], false);
    assert_eq!(c["templates_unable_to_copy"], json!(["gitproj", "other", "web-src"]));
    assert_eq!(c["credentials_unable_to_copy"], json!(["vault1"]));
    assert_eq!(c["inventories_unable_to_copy"], json!(["staging"]));

    let before = show(&env, "workflow_job_template", "release");
    let r = copy(&env, &["workflow_job_template", "release", "--name", "franks", "--as", "frank"]);
    assert_eq!(r["dropped"], json!({"templates": ["gitproj", "other", "web-src"], "credentials": ["vault1"], "inventories": ["staging"]}));
    assert_eq!(r["copied"]["nodes"], 5);
    assert_eq!(r["copied"]["node_credentials"], 1);
    let copied = show(&env, "workflow_job_template", "franks");
    let nodes: std::collections::HashMap<String, Value> =
        copied["nodes"].as_array().unwrap().iter().map(|n| (n["identifier"].as_str().unwrap().to_string(), n.clone())).collect();
    // Usable references stay; the others are blanked, the nodes and edges remain.
    assert_eq!(nodes["build"]["job_template"], "deploy");
    assert_eq!(nodes["build"]["inventory"], "web");
    assert_eq!(nodes["build"]["credentials"], json!(["key1"]));
    assert_eq!(nodes["approve"]["approval"]["name"], "Go live? copy");
    for (ident, gone) in
        [("ship", "job_template"), ("ship", "inventory"), ("ship", "credentials"), ("cleanup", "project"), ("sync", "inventory_source")]
    {
        assert!(nodes[ident].get(gone).is_none(), "{ident}.{gone} kept: {}", nodes[ident]);
    }
    assert_eq!(nodes["ship"]["always_nodes"], json!(["sync"]));
    assert_eq!(nodes["ship"]["all_parents_must_converge"], true);
    assert_eq!(nodes["build"]["failure_nodes"], json!(["cleanup"]));
    assert_eq!(show(&env, "workflow_job_template", "release"), before);
    // The operator (a superuser) loses nothing.
    let r = copy(&env, &["workflow_job_template", "release", "--name", "full"]);
    assert_eq!(r["dropped"], json!({"templates": [], "credentials": [], "inventories": []}));
    // A pruned copy still round-trips through export and apply.
    let export = env.ok(&["export"]);
    let out = env.run_stdin(&["--format", "json", "apply", "-f", "-"], &export);
    assert_status(&out, 0, &["apply", "-f", "-"]);
    let a: Value = json_stdout(&["apply"], &out.stdout);
    assert_eq!((a["created"].as_u64(), a["updated"].as_u64()), (Some(0), Some(0)), "{a}");
});

db_test!(names_follow_awx_ui_and_same_or_taken_names_are_refused, |env| {
    env.apply(FIXTURE);
    let noon = [("TZ", "UTC"), ("AWXM_FAKE_NOW", "2026-05-04T12:00:05Z")];
    let out = run_env(&env, &noon, &["--format", "json", "deep_copy", "inventory", "web"]);
    assert_status(&out, 0, &["default name"]);
    let r: Value = json_stdout(&["deep_copy"], &out.stdout);
    assert_eq!(r["name"], "web @ 12:00:05 PM");
    // The same second again: the name is taken.
    let counts = env.row_counts();
    let out = run_env(&env, &noon, &["deep_copy", "inventory", "web"]);
    assert_status(&out, 65, &["taken default name"]);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    // Local time (POSIX TZ string, no zone files needed).
    let out =
        run_env(&env, &[("TZ", "EST5"), ("AWXM_FAKE_NOW", "2026-05-04T12:00:05Z")], &["--format", "json", "deep_copy", "project", "demo"]);
    assert_status(&out, 0, &["local time"]);
    let r: Value = json_stdout(&["deep_copy"], &out.stdout);
    assert_eq!(r["name"], "demo @ 7:00:05 AM");
    let counts2 = env.row_counts();
    assert_ne!(counts, counts2);

    let out = env.run(&["deep_copy", "job_template", "deploy", "--name", "deploy"]);
    assert_status(&out, 65, &["same name"]);
    assert!(
        stderr(&out).contains("The original object is already named deploy, a copy from it cannot have the same name."),
        "{}",
        stderr(&out)
    );
    assert_status(&env.run(&["deep_copy", "job_template", "deploy", "--name", "other"]), 65, &["taken name"]);
    assert_status(&env.run(&["deep_copy", "inventory", "web", "--name", " "]), 65, &["blank name"]);
    assert_eq!(env.row_counts(), counts2, "a refused name wrote something");
});

db_test!(a_failed_copy_writes_nothing, |env| {
    env.apply(FIXTURE);
    // Make the last step of an inventory copy fail inside the database.
    match env.backend {
        Backend::Sqlite => env.sql_exec("CREATE TRIGGER fail_copy BEFORE INSERT ON group_child BEGIN SELECT RAISE(ABORT, 'boom'); END;"),
        Backend::Postgres => env.sql_exec(
            "CREATE FUNCTION fail_copy() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql;
             CREATE TRIGGER fail_copy BEFORE INSERT ON group_child FOR EACH ROW EXECUTE FUNCTION fail_copy();",
        ),
    }
    let counts = env.row_counts();
    let out = env.run(&["deep_copy", "inventory", "web", "--name", "web-copy", "--as", "root"]);
    assert!(!out.status.success(), "the copy should fail: {}", stdout(&out));
    assert!(stderr(&out).contains("boom"), "{}", stderr(&out));
    assert_eq!(env.row_counts(), counts, "a failed copy left rows behind");

    // A secret that cannot be decrypted (another key) fails before anything is written.
    std::fs::write(env.secret_key(), "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=\n").unwrap();
    let out = env.run(&["deep_copy", "credential", "key1", "--name", "key2"]);
    assert_status(&out, 78, &["wrong key"]);
    assert_eq!(env.row_counts(), counts);

    // --dry-run does the copy, reports it and rolls it back.
    let r = copy(&env, &["job_template", "deploy", "--name", "dry", "--dry-run"]);
    assert_eq!(r["dry_run"], true);
    assert_eq!(r["copied"]["credentials"], 2);
    assert_eq!(env.row_counts(), counts);
});
