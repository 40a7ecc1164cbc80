//! Test harness: a temp dir per test, the `awxm` binary with a clean environment, and a fresh
//! database on the chosen backend. `db_test!(name, |env| { ... })` expands to `name::sqlite`
//! and `name::postgres`.
//!
//! PostgreSQL tests use the server named by `AWXM_TEST_POSTGRES_URL` (test.sh starts a
//! throwaway one) and create a database per test. Without that variable they fail, unless
//! `AWXM_TEST_SKIP_PG=1` says to skip them.

#![allow(dead_code)]

pub mod schema;
pub mod sshd;

pub use schema::{json_stdout, json_stdout_or_null, jsonl_stdout};

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestEnv {
    pub dir: tempfile::TempDir,
    pub backend: Backend,
    pub url: String,
    pg_db: Option<(String, String)>, // (admin url, database name)
}

/// Root of the repository (for fixtures and scripts).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    repo().join("fixtures").join(rel)
}

/// The virtualenv with ansible-core that runs playbooks (scripts/venv.sh makes it).
pub fn venv_bin() -> PathBuf {
    let dir = std::env::var_os("AWXM_TEST_VENV").map(PathBuf::from).unwrap_or_else(|| repo().join(".venv"));
    let bin = dir.join("bin");
    assert!(
        bin.join("ansible-playbook").exists(),
        "no ansible-playbook in {} — run scripts/venv.sh (test.sh does) or set AWXM_TEST_VENV",
        bin.display()
    );
    bin
}

/// The Python of the test-only virtualenv (aiosmtpd for tests/scripts/smtp_sink.py), kept out of
/// the playbook venv: `AWXM_TEST_PYTHON`, else `.venv-test/bin/python` (scripts/venv.sh --test).
pub fn test_python() -> PathBuf {
    let py = std::env::var_os("AWXM_TEST_PYTHON").map(PathBuf::from).unwrap_or_else(|| repo().join(".venv-test/bin/python"));
    assert!(py.exists(), "no test Python at {} — run scripts/venv.sh --test (test.sh does) or set AWXM_TEST_PYTHON", py.display());
    py
}

fn pg_admin_url() -> Option<String> {
    match std::env::var("AWXM_TEST_POSTGRES_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            if std::env::var("AWXM_TEST_SKIP_PG").as_deref() == Ok("1") {
                None
            } else {
                panic!(
                    "AWXM_TEST_POSTGRES_URL is not set: run ./test.sh (it starts a throwaway PostgreSQL) or set AWXM_TEST_SKIP_PG=1 to skip the PostgreSQL variants"
                )
            }
        }
    }
}

fn replace_db(url: &str, db: &str) -> String {
    match url.rfind('/') {
        Some(i) if url[..i].contains("://") && url[..i].matches('/').count() >= 2 => {
            let (base, rest) = url.split_at(i);
            let query = rest.find('?').map(|q| &rest[q..]).unwrap_or("");
            format!("{base}/{db}{query}")
        }
        _ => format!("{url}/{db}"),
    }
}

impl TestEnv {
    pub fn new(backend: Backend) -> Option<TestEnv> {
        let dir = tempfile::Builder::new().prefix("awxm-test-").tempdir().expect("tempdir");
        match backend {
            Backend::Sqlite => {
                let url = format!("sqlite://{}", dir.path().join("awxm.db").display());
                Some(TestEnv { dir, backend, url, pg_db: None })
            }
            Backend::Postgres => {
                let admin = pg_admin_url()?;
                let name = format!("awxm_t_{}", uuid::Uuid::new_v4().simple());
                let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("connect to the test PostgreSQL");
                // A locale whose order is not byte order (ICU's en-US: a A b B), as most servers
                // have, so that every test proves awxm sorts the same on both backends; a server
                // without ICU gets its default.
                if c.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"))
                    .is_err()
                {
                    c.batch_execute(&format!("CREATE DATABASE {name}")).expect("create test database");
                }
                let url = replace_db(&admin, &name);
                Some(TestEnv { dir, backend, url, pg_db: Some((admin, name)) })
            }
        }
    }

    pub fn sqlite() -> TestEnv {
        Self::new(Backend::Sqlite).expect("sqlite env")
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn secret_key(&self) -> PathBuf {
        self.path().join("secret.key")
    }

    /// `awxm` with a clean environment pointing at this test's database.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same as a std `Command` (for runs in the background: `spawn`, signals, pipes).
    pub fn std_cmd(&self) -> std::process::Command {
        self.std_cmd_of(Path::new(env!("CARGO_BIN_EXE_awxm")))
    }

    /// Run awxm (stdin empty) and return its output and its peak resident memory in KiB.
    ///
    /// Measured by GNU time, a small process of its own: awxm's `ru_maxrss` would otherwise
    /// include the memory of this (large, multi-threaded) test process it was forked from.
    /// The run's address space is capped at 2 GiB (`prlimit`), so a regression fails fast on
    /// allocation instead of taking the machine's memory.
    pub fn run_measured(&self, args: &[&str]) -> (Output, i64) {
        let report = tempfile::NamedTempFile::new().expect("temp file");
        let out = self
            .std_cmd_of(Path::new("/usr/bin/time"))
            .args(["-f", "%M", "-o"])
            .arg(report.path())
            .args(["prlimit", "--as=2147483648", "--"])
            .arg(env!("CARGO_BIN_EXE_awxm"))
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run awxm under /usr/bin/time (apt-get install time)");
        let text = std::fs::read_to_string(report.path()).expect("time's report");
        // The last line is the figure (time prints "Command exited with non-zero status N" first).
        let kib = text.lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or_else(|| panic!("time's report: {text:?}"));
        (out, kib)
    }

    fn std_cmd_of(&self, program: &Path) -> std::process::Command {
        let mut c = std::process::Command::new(program);
        for (k, _) in std::env::vars() {
            // libpq's PG* variables would change how awxm reaches PostgreSQL.
            if k.starts_with("AWXM_") || k.starts_with("PG") {
                c.env_remove(k);
            }
        }
        c.env("AWXM_DATABASE_URL", &self.url)
            .env("AWXM_SECRET_KEY_FILE", self.secret_key())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("NO_COLOR", "1")
            .env("TERM", "dumb")
            .env("LC_ALL", "C")
            .current_dir(self.path());
        c
    }

    /// Run awxm with `args`, returning the raw output.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run awxm")
    }

    /// Run awxm with stdin.
    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Output {
        self.cmd().args(args).write_stdin(stdin.to_string()).output().expect("run awxm")
    }

    /// Run awxm, assert success, return stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_status(&out, 0, args);
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Run `awxm --format json ARGS`, assert success, parse stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut a = vec!["--format", "json"];
        a.extend_from_slice(args);
        let out = self.run(&a);
        assert_status(&out, 0, &a);
        json_stdout(&a, &out.stdout)
    }

    /// Write a file into the test dir and return its path.
    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path().join(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        std::fs::write(&p, text).expect("write file");
        p
    }

    /// Apply a resource file given as text; asserts success.
    pub fn apply(&self, yaml: &str) -> Value {
        let p = self.write(&format!("apply-{}.yaml", uuid::Uuid::new_v4().simple()), yaml);
        self.json(&["apply", "-f", p.to_str().expect("path")])
    }

    /// Create and migrate the (empty) test database: read-only commands never create it.
    pub fn init(&self) {
        self.apply("{}");
    }

    /// Run SQL directly against the test database (for assertions and setup only).
    pub fn sql_count(&self, sql: &str) -> i64 {
        match self.backend {
            Backend::Sqlite => {
                let path = self.url.trim_start_matches("sqlite://");
                let c = rusqlite::Connection::open(path).expect("open sqlite");
                c.query_row(sql, [], |r| r.get(0)).expect("count query")
            }
            Backend::Postgres => {
                let mut c = postgres::Client::connect(&self.url, postgres::NoTls).expect("connect");
                c.query_one(sql, &[]).expect("count query").get::<_, i64>(0)
            }
        }
    }

    /// Execute SQL directly (test setup of rows no command creates, e.g. old jobs).
    pub fn sql_exec(&self, sql: &str) {
        match self.backend {
            Backend::Sqlite => {
                let path = self.url.trim_start_matches("sqlite://");
                let c = rusqlite::Connection::open(path).expect("open sqlite");
                c.execute_batch(sql).expect("sql exec");
            }
            Backend::Postgres => {
                let mut c = postgres::Client::connect(&self.url, postgres::NoTls).expect("connect");
                c.batch_execute(sql).expect("sql exec");
            }
        }
    }

    /// Execute SQL directly, returning the database's error (to prove a constraint holds).
    pub fn sql_try(&self, sql: &str) -> Result<(), String> {
        match self.backend {
            Backend::Sqlite => {
                let path = self.url.trim_start_matches("sqlite://");
                let c = rusqlite::Connection::open(path).expect("open sqlite");
                c.execute_batch("PRAGMA foreign_keys=ON").expect("pragma");
                c.execute_batch(sql).map_err(|e| e.to_string())
            }
            Backend::Postgres => {
                let mut c = postgres::Client::connect(&self.url, postgres::NoTls).expect("connect");
                c.batch_execute(sql)
                    .map_err(|e| e.as_db_error().map(|d| format!("{} {}", d.code().code(), d.message())).unwrap_or(e.to_string()))
            }
        }
    }

    /// The query plan of `sql` (its `$1`… each bound to `param`), one line per step:
    /// SQLite's `EXPLAIN QUERY PLAN` details, PostgreSQL's `EXPLAIN` lines after `pg_setup`
    /// (e.g. planner settings) on the same connection.
    pub fn plan(&self, sql: &str, param: &str, pg_setup: &str) -> Vec<String> {
        match self.backend {
            Backend::Sqlite => {
                let c = rusqlite::Connection::open(self.url.trim_start_matches("sqlite://")).expect("open sqlite");
                let mut st = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("explain");
                let params = vec![param; st.parameter_count()];
                st.query_map(rusqlite::params_from_iter(params), |r| r.get::<_, String>(3))
                    .expect("plan")
                    .map(|r| r.expect("row"))
                    .collect()
            }
            Backend::Postgres => {
                let mut c = postgres::Client::connect(&self.url, postgres::NoTls).expect("connect");
                c.batch_execute(pg_setup).expect("setup");
                let (prepare, execute) = if sql.contains("$1") {
                    (format!("PREPARE q(text) AS {sql}"), format!("EXPLAIN EXECUTE q('{param}')"))
                } else {
                    (format!("PREPARE q AS {sql}"), "EXPLAIN EXECUTE q".to_string())
                };
                c.batch_execute(&prepare).expect("prepare");
                c.query(&execute, &[]).expect("plan").iter().map(|r| r.get(0)).collect()
            }
        }
    }

    /// Row counts of every table (to prove that nothing was written).
    pub fn row_counts(&self) -> Vec<(String, i64)> {
        let tables: Vec<String> = match self.backend {
            Backend::Sqlite => {
                let path = self.url.trim_start_matches("sqlite://");
                let c = rusqlite::Connection::open(path).expect("open sqlite");
                let mut st = c
                    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                    .expect("prepare");
                st.query_map([], |r| r.get(0)).expect("query").map(|r| r.expect("row")).collect()
            }
            Backend::Postgres => {
                let mut c = postgres::Client::connect(&self.url, postgres::NoTls).expect("connect");
                c.query("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", &[])
                    .expect("tables")
                    .iter()
                    .map(|r| r.get(0))
                    .collect()
            }
        };
        tables.into_iter().map(|t| (t.clone(), self.sql_count(&format!("SELECT count(*) FROM {t}")))).collect()
    }
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.pg_db
            && let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls)
        {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The statements a `--profile-sql` run logged on `stderr`, as awxm ran them.
pub fn profiled_statements(stderr: &str) -> Vec<String> {
    stderr.lines().filter_map(|l| l.split_once(" rows  ").map(|(_, sql)| sql.to_string())).collect()
}

#[track_caller]
pub fn assert_status(out: &Output, code: i32, what: &[&str]) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "awxm {:?}: expected exit {code}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        what,
        stdout(out),
        stderr(out)
    );
}

/// Define a test that runs on SQLite and on PostgreSQL.
macro_rules! db_test {
    ($name:ident, |$env:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use $crate::support::*;

            #[test]
            fn sqlite() {
                let $env = $crate::support::TestEnv::new($crate::support::Backend::Sqlite).expect("sqlite");
                $body
            }

            #[test]
            fn postgres() {
                let Some($env) = $crate::support::TestEnv::new($crate::support::Backend::Postgres) else {
                    eprintln!("skipped: AWXM_TEST_SKIP_PG=1");
                    return;
                };
                $body
            }
        }
    };
}

/// Poll `f` every 100 ms until it holds; fail the test after `timeout`.
pub fn wait_until(what: &str, timeout: Duration, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Live (non-zombie) processes whose command line contains `marker`.
pub fn procs_with(marker: &str) -> Vec<i32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
        let Ok(cmd) = std::fs::read(format!("/proc/{pid}/cmdline")) else { continue };
        let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let zombie = state.rfind(')').map(|i| state[i + 1..].trim_start().starts_with('Z')).unwrap_or(true);
        if !zombie && cmd.contains(marker) {
            out.push(pid);
        }
    }
    out
}
