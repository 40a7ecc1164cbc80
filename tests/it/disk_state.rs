//! What awxm may create on disk: the secret key only while the database holds no secret, the
//! database 0600, and nothing at all for read-only commands (see `Command::access`).

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::support::*;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).permissions().mode() & 0o777
}

/// Every path under `dir` with its size (files) — to prove nothing was created or grown.
fn tree(dir: &Path) -> BTreeMap<PathBuf, u64> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            let meta = p.symlink_metadata().expect("lstat");
            if meta.is_dir() {
                stack.push(p.clone());
            }
            out.insert(p, if meta.is_file() { meta.len() } else { 0 });
        }
    }
    out
}

const TEMPLATE: &str = "projects:\n  - name: p\n    local_path: /srv/playbooks/p\ninventories:\n  - name: inv\n    hosts:\n      - name: h1\njob_templates:\n  - name: t\n    project: p\n    playbook: site.yml\n    inventory: inv\n";

db_test!(missing_key_file_is_not_replaced_while_secrets_are_stored, |env| {
    // Secrets stored under key K1 (the test's key file).
    env.apply("credentials:\n  - name: c1\n    kind: machine\n    inputs: {username: u, password: pw-one}\n");
    env.apply(TEMPLATE);
    let k1 = std::fs::read(env.secret_key()).expect("key K1");
    let counts = env.row_counts();
    let missing = env.path().join("wrong/secret.key");
    let run = |args: &[&str]| env.cmd().env("AWXM_SECRET_KEY_FILE", &missing).args(args).output().expect("run awxm");

    let p = env.write("c2.yaml", "credentials:\n  - name: c2\n    kind: machine\n    inputs: {username: u, password: pw-two}\n");
    let out = run(&["apply", "-f", p.to_str().unwrap()]);
    assert_status(&out, 78, &["apply with a missing key"]);
    let err = stderr(&out);
    assert!(err.contains(&missing.display().to_string()), "names the key path: {err}");
    assert!(err.contains("awxm config"), "says how to find the right one: {err}");
    // run_job creates no job before refusing.
    let out = run(&["run_job", "t"]);
    assert_status(&out, 78, &["run_job with a missing key"]);
    assert!(stderr(&out).contains(&missing.display().to_string()), "{}", stderr(&out));
    // Other writers refuse as well (a secret setting would go under a new key).
    let out = env
        .cmd()
        .env("AWXM_SECRET_KEY_FILE", &missing)
        .args(["settings", "set", "email_host_password", "-"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_status(&out, 78, &["settings set with a missing key"]);
    assert_eq!(env.row_counts(), counts, "something was written");
    assert!(!missing.exists() && !missing.parent().unwrap().exists(), "a key file was created");
    assert_eq!(env.sql_count("SELECT count(*) FROM job"), 0);
    // Reading what needs no key still works, and creates no key.
    let out = run(&["list", "credentials"]);
    assert_status(&out, 0, &["list with a missing key"]);
    assert!(!missing.exists());
    // The right key still decrypts everything.
    assert_eq!(std::fs::read(env.secret_key()).unwrap(), k1);
    let out = env.run(&["apply", "-f", p.to_str().unwrap()]);
    assert_status(&out, 0, &["apply with K1"]);
});

type StoreSecret = dyn Fn(&TestEnv);

const SURVEY_TEMPLATE: &str = "projects:\n  - name: p\n    local_path: /srv/playbooks/p\ninventories:\n  - name: inv\n    hosts:\n      - name: h1\n\
job_templates:\n  - name: t\n    project: p\n    playbook: site.yml\n    inventory: inv\n    survey_enabled: true\n\
\x20   survey_spec: {name: s, description: '', spec: [{type: password, question_name: P, variable: pw, required: true}]}\n";

db_test!(the_key_check_reads_only_jobs_with_survey_answers, |env| {
    // Many jobs without survey answers, one with.
    env.apply(SURVEY_TEMPLATE);
    env.sql_exec(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) \
         INSERT INTO job (name, stdout, created, modified) SELECT 'old', 'output', 'x', 'x' FROM n",
    );
    let out = env.run(&["launch", "job_template", "t", "-e", r#"{"pw": "x"}"#]);
    assert_status(&out, 0, &["launch"]);
    if env.backend == Backend::Postgres {
        // The statistics autovacuum keeps for a table that grew (awxm never runs ANALYZE on SQLite).
        env.sql_exec("ANALYZE job");
    }
    // The statement the check runs while the key file is missing, as awxm runs it…
    let p = env.write("o.yaml", "organizations:\n  - name: O\n");
    let missing = env.path().join("none.key");
    let out = env.cmd().env("AWXM_SECRET_KEY_FILE", &missing).args(["--profile-sql", "apply", "-f", p.to_str().unwrap()]).output().unwrap();
    assert_status(&out, 78, &["apply with a missing key"]);
    let err = stderr(&out);
    let sql = profiled_statements(&err)
        .into_iter()
        .find(|sql| sql.contains("FROM job WHERE start_args"))
        .unwrap_or_else(|| panic!("no statement on job in the profile: {err}"));
    // …reads the jobs through the partial index that holds only jobs with answers.
    let plan = env.plan(&sql, "%$encrypted$AESGCM$%", "");
    assert!(plan.iter().any(|l| l.contains("job_start_args_set")), "{sql}: {plan:?}");
    assert!(!plan.iter().any(|l| l.contains("Seq Scan")), "{sql}: {plan:?}");
});

db_test!(every_kind_of_stored_secret_protects_the_key, |env| {
    // Each place an encrypted value lives is enough to refuse a new key.
    let missing = env.path().join("none.key");
    let store: &[(&str, &StoreSecret)] = &[
        ("notification template", &|e: &TestEnv| {
            e.apply("notification_templates:\n  - name: n\n    notification_type: webhook\n    notification_configuration: {url: 'http://127.0.0.1:1/x', headers: {X-Token: abc}}\n");
        }),
        ("secret setting", &|e: &TestEnv| {
            let out = e.run_stdin(&["settings", "set", "email_host_password", "-"], "pw");
            assert_status(&out, 0, &["settings set"]);
        }),
        ("credential", &|e: &TestEnv| {
            e.apply("credentials:\n  - name: v\n    kind: vault\n    inputs: {vault_password: vpw}\n");
        }),
        ("project SCM URL with a password", &|e: &TestEnv| {
            e.apply("projects:\n  - name: g\n    scm_type: git\n    scm_url: 'https://u:pw@example.com/r.git'\n");
        }),
        ("job's survey password answer", &|e: &TestEnv| {
            e.apply(SURVEY_TEMPLATE);
            let out = e.run(&["launch", "job_template", "t", "-e", r#"{"pw": "x"}"#]);
            assert_status(&out, 0, &["launch"]);
            assert_eq!(e.sql_count("SELECT count(*) FROM job WHERE start_args <> ''"), 1);
        }),
    ];
    for (what, f) in store {
        // A fresh database per kind (the previous one holds secrets already).
        let fresh = TestEnv::new(env.backend).expect("env");
        fresh.apply("organizations:\n  - name: O\n");
        // No secret yet: a missing key is not needed, and the refusal does not fire.
        let p = fresh.write("o2.yaml", "organizations:\n  - name: O2\n");
        let out = fresh.cmd().env("AWXM_SECRET_KEY_FILE", &missing).args(["apply", "-f", p.to_str().unwrap()]).output().unwrap();
        assert_status(&out, 0, &["apply without secrets", what]);
        f(&fresh);
        let out = fresh.cmd().env("AWXM_SECRET_KEY_FILE", &missing).args(["apply", "-f", p.to_str().unwrap()]).output().unwrap();
        assert_status(&out, 78, &["apply with a missing key after storing a", what]);
        assert!(!missing.exists());
    }
});

db_test!(fresh_database_creates_the_key_0600, |env| {
    let key = env.path().join("keys/secret.key");
    let p = env.write("c.yaml", "credentials:\n  - name: c\n    kind: machine\n    inputs: {password: pw}\n");
    let out = env.cmd().env("AWXM_SECRET_KEY_FILE", &key).args(["apply", "-f", p.to_str().unwrap()]).output().unwrap();
    assert_status(&out, 0, &["apply on a fresh database"]);
    assert_eq!(mode(&key), 0o600);
    assert_eq!(mode(key.parent().unwrap()), 0o700);
});

/// Run awxm under `umask 022` (so a file created without an explicit mode would be 0644).
fn with_umask(env: &TestEnv, args: &[&str]) -> std::process::Command {
    let awxm = env.std_cmd();
    let mut sh = std::process::Command::new("/bin/sh");
    sh.arg("-c").arg("umask 022; exec \"$0\" \"$@\"").arg(awxm.get_program()).args(args).current_dir(env.path());
    for (k, v) in awxm.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    sh
}

#[test]
fn sqlite_database_and_its_wal_files_are_created_0600() {
    let env = TestEnv::sqlite();
    let db = env.path().join("data/sub/awxm.db");
    let url = format!("sqlite://{}", db.display());
    let p = env.write("o.yaml", "organizations:\n  - name: O\n");
    let out = with_umask(&env, &["--database", &url, "apply", "-f", p.to_str().unwrap()]).output().unwrap();
    assert_status(&out, 0, &["apply"]);
    assert_eq!(mode(&db), 0o600, "database file");
    assert_eq!(mode(db.parent().unwrap()), 0o700, "database directory");
    // While awxm holds it open (paused inside cleanup_jobs), its -wal and -shm files exist.
    let hooks = env.path().join("hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let mut child = with_umask(&env, &["--database", &url, "cleanup_jobs", "--dry-run"])
        .env("AWXM_TEST_PAUSE_AT", "cleanup_jobs.locked")
        .env("AWXM_TEST_PAUSE_DIR", &hooks)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_until("cleanup_jobs to hold the database", std::time::Duration::from_secs(60), || {
        hooks.join("cleanup_jobs.locked.reached").exists()
    });
    let wal = env.path().join("data/sub/awxm.db-wal");
    let shm = env.path().join("data/sub/awxm.db-shm");
    let modes = (mode(&wal), mode(&shm));
    std::fs::write(hooks.join("cleanup_jobs.locked.go"), b"").unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(modes, (0o600, 0o600), "-wal and -shm");
    // No warning for a private database; one for a database others can read.
    let out = env.run(&["--database", &url, "list", "organizations"]);
    assert_status(&out, 0, &["list"]);
    assert_eq!(stderr(&out), "");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = env.run(&["--database", &url, "list", "organizations"]);
    assert_status(&out, 0, &["list"]);
    let err = stderr(&out);
    assert!(err.contains("warning") && err.contains(&db.display().to_string()) && err.contains("644"), "{err}");
}

#[test]
fn commands_on_a_missing_database_create_nothing() {
    let env = TestEnv::sqlite();
    let db = env.path().join("nonexistent/dir/x.db");
    let url = format!("sqlite://{}", db.display());
    let f = env.write("o.yaml", "organizations:\n  - name: O\n");
    let f = f.to_str().unwrap();
    let src = env.write("h.ini", "h1\n");
    let src = src.to_str().unwrap();
    let out_dir = env.path().join("analytics");
    let out_dir = out_dir.to_str().unwrap();
    let before = tree(env.path());
    let cases: &[&[&str]] = &[
        // Read.
        &["list", "inventories"],
        &["show", "inventory", "web"],
        &["export"],
        &["job", "list"],
        &["job", "show", "1"],
        &["job", "stdout", "1"],
        &["job", "events", "1"],
        &["settings", "list"],
        &["settings", "get", "email_host"],
        &["inventory_export", "inv"],
        &["check_license"],
        &["license", "show"],
        &["notification", "list"],
        &["gather_analytics", "--dry-run", "--output-dir", out_dir],
        &["cleanup_jobs", "--dry-run"],
        &["cleanup_stdout", "--dry-run"],
        &["ping"],
        &["test_isolated_connection", "--hostname", "n1"],
        &["heartbeat", "--dry-run"],
        &["inventory_update", "src", "--history"],
        &["apply", "--dry-run", "-f", f],
        &["inventory_import", "--dry-run", "--inventory-name", "inv", "--create", "--source", src],
        &["deep_copy", "inventory", "web", "--check"],
        // Write what must exist.
        &["delete", "inventory", "web"],
        &["run_job", "t"],
        &["job", "cancel", "1"],
        &["cleanup_jobs"],
        &["isolated_heartbeat"],
        &["notification", "test", "n"],
        &["license", "remove", "--yes"],
        &["instance", "deregister", "n1"],
        &["check_license", "--notify"],
    ];
    for args in cases {
        let mut a = vec!["--database", url.as_str()];
        a.extend_from_slice(args);
        let out = env.run(&a);
        assert_status(&out, 66, &a);
        let err = stderr(&out);
        assert!(err.contains(&format!("no database at {}", db.display())) && err.contains("awxm config"), "{args:?}: {err}");
        assert_eq!(tree(env.path()), before, "{args:?} created something");
    }
    // `config` needs no database at all.
    assert_status(&env.run(&["--database", &url, "config"]), 0, &["config"]);
    // A command that creates still creates the database.
    assert_status(&env.run(&["--database", &url, "apply", "-f", f]), 0, &["apply"]);
    assert!(db.exists());
    assert_eq!(env.ok(&["--database", &url, "--format", "json", "list", "organizations"]).matches("\"O\"").count(), 1);
}

db_test!(read_only_commands_never_create_a_schema, |env| {
    // An existing database without awxm's schema (an empty PostgreSQL database; an empty file).
    if env.backend == Backend::Sqlite {
        std::fs::write(env.url.trim_start_matches("sqlite://"), b"").unwrap();
    }
    let before = env.row_counts();
    assert!(before.is_empty(), "{before:?}");
    for args in [&["list", "organizations"][..], &["job", "list"], &["settings", "list"], &["run_job", "t"]] {
        let out = env.run(args);
        assert_status(&out, 66, args);
        assert!(stderr(&out).contains("no awxm schema in the database"), "{}", stderr(&out));
        assert_eq!(env.row_counts(), before, "{args:?} created tables");
    }
    assert!(!env.secret_key().exists());
    // A command that creates migrates it.
    env.apply("organizations:\n  - name: O\n");
    assert_eq!(env.json(&["list", "organizations"])["items"][0]["name"], "O");
});

db_test!(read_only_commands_migrate_an_existing_older_schema, |env| {
    // An awxm database one migration behind: reading brings it up to date (it is awxm's).
    env.apply("organizations:\n  - name: O\n");
    env.sql_exec("DROP INDEX cleanup_job_project_update; DROP INDEX cleanup_workflow_job_node_job; DELETE FROM schema_migrations WHERE version = 900");
    assert_eq!(env.json(&["list", "organizations"])["items"][0]["name"], "O");
    assert_eq!(env.sql_count("SELECT count(*) FROM schema_migrations WHERE version = 900"), 1);
});
