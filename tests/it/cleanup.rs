//! cleanup_stdout and cleanup_jobs.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant, SystemTime};

use serde_json::{Value, json};

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// helpers

/// Set a file's modification time `secs` seconds into the past (without following symlinks
/// would need utimensat; every aged path here is a regular file or directory).
fn age(path: &Path, secs: u64) {
    let f = std::fs::File::options().read(true).open(path).expect("open to age");
    f.set_modified(SystemTime::now() - Duration::from_secs(secs)).expect("set mtime");
}

const DAY: u64 = 86_400;

/// `TestEnv::std_cmd` with its output captured (for spawning).
fn spawn_cmd(env: &TestEnv) -> std::process::Command {
    let mut c = env.std_cmd();
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    c
}

/// Start awxm so that it pauses at the test hook `point`; returns once it got there.
fn spawn_paused(env: &TestEnv, point: &str, args: &[&str]) -> (Child, PathBuf) {
    let hooks = env.path().join("hooks");
    std::fs::create_dir_all(&hooks).expect("hooks dir");
    let child = spawn_cmd(env).env("AWXM_TEST_PAUSE_AT", point).env("AWXM_TEST_PAUSE_DIR", &hooks).args(args).spawn().expect("spawn awxm");
    let reached = hooks.join(format!("{point}.reached"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while !reached.exists() {
        assert!(Instant::now() < deadline, "awxm never reached {point}");
        std::thread::sleep(Duration::from_millis(10));
    }
    (child, hooks.join(format!("{point}.go")))
}

fn finish(child: Child, go: &Path) -> std::process::Output {
    std::fs::write(go, b"").expect("release the hook");
    child.wait_with_output().expect("wait for awxm")
}

fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter(|e| e.as_ref().map(|e| e.file_name() != MARKER).unwrap_or(true))
        .map(|e| {
            let e = e.expect("entry");
            let p = e.path();
            let content =
                if p.symlink_metadata().expect("lstat").file_type().is_file() { std::fs::read(&p).expect("read") } else { Vec::new() };
            (e.file_name().to_string_lossy().into_owned(), content)
        })
        .collect();
    v.sort();
    v
}

fn names(dir: &Path) -> Vec<String> {
    listing(dir).into_iter().map(|(n, _)| n).collect()
}

/// The buffer directory of the tests: old and new files, links, a sub-directory, a FIFO.
struct Buffer {
    dir: PathBuf,
    outside_file: PathBuf,
    outside_dir: PathBuf,
}

/// The marker awxm writes into a job-output directory it creates (left out of `listing`).
const MARKER: &str = ".awxm-job-output";

fn buffer(env: &TestEnv) -> Buffer {
    let dir = env.path().join("job_output");
    let outside_dir = env.path().join("elsewhere");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join(MARKER), "").expect("marker");
    age(&dir.join(MARKER), 400 * DAY);
    std::fs::create_dir_all(&outside_dir).expect("mkdir");
    for (name, body, days) in [
        ("job-1-abc.out", "old output\n", 40),
        ("project_update-2-def.out", "older\n", 400),
        ("inventory_update-3 with space.out", "x", 31),
        ("job-4-new.out", "recent output\n", 1),
        ("job-5-edge.out", "29 days\n", 29),
        (".hidden-old", "h", 60),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, body).expect("write");
        age(&p, days * DAY);
    }
    // A sub-directory with an old file: neither is touched.
    std::fs::create_dir(dir.join("subdir")).expect("mkdir");
    std::fs::write(dir.join("subdir/job-9-old.out"), "in a subdir").expect("write");
    age(&dir.join("subdir/job-9-old.out"), 100 * DAY);
    age(&dir.join("subdir"), 100 * DAY);
    // Symlinks to an old file and an old directory outside: never followed.
    let outside_file = outside_dir.join("precious.txt");
    std::fs::write(&outside_file, "precious").expect("write");
    age(&outside_file, 100 * DAY);
    std::os::unix::fs::symlink(&outside_file, dir.join("job-6-link.out")).expect("symlink");
    std::os::unix::fs::symlink(&outside_dir, dir.join("dirlink")).expect("symlink");
    std::os::unix::fs::symlink(env.path().join("missing"), dir.join("dangling")).expect("symlink");
    // A FIFO (left alone).
    nix_mkfifo(&dir.join("fifo"));
    Buffer { dir, outside_file, outside_dir }
}

fn nix_mkfifo(p: &Path) {
    let st = std::process::Command::new("mkfifo").arg(p).status().expect("mkfifo");
    assert!(st.success());
}

// ---------------------------------------------------------------------------------------------
// cleanup_stdout

#[test]
fn cleanup_stdout_removes_only_old_regular_files_and_dry_run_changes_nothing() {
    let env = TestEnv::sqlite();
    let b = buffer(&env);
    let dir = b.dir.to_str().unwrap();
    let before = listing(&b.dir);

    let dry = env.json(&["cleanup_stdout", "--dir", dir, "--days", "30", "--dry-run"]);
    assert_eq!(listing(&b.dir), before, "a dry run changed the directory");
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["removed"], json!({"files": 4, "bytes": 11 + 6 + 1 + 1}), "{dry}");

    let r = env.json(&["cleanup_stdout", "--dir", dir, "--days", "30"]);
    assert_eq!(r["removed"], dry["removed"], "dry run and real run disagree: {r}");
    assert_eq!(r["kept"], json!({"files": 2, "bytes": 14 + 8}), "{r}");
    assert_eq!(r["skipped"], json!({"files": 0, "bytes": 0}), "{r}");
    assert_eq!(r["ignored"], json!({"directories": 1, "symlinks": 3, "other": 1}), "{r}");
    assert_eq!(r["exists"], true);
    assert_eq!(r["older_than_seconds"], 30 * DAY);
    assert_eq!(names(&b.dir), ["dangling", "dirlink", "fifo", "job-4-new.out", "job-5-edge.out", "job-6-link.out", "subdir"]);
    // Nothing outside the directory or below it was touched.
    assert_eq!(std::fs::read_to_string(&b.outside_file).unwrap(), "precious");
    assert_eq!(names(&b.outside_dir), ["precious.txt"]);
    assert_eq!(std::fs::read_to_string(b.dir.join("subdir/job-9-old.out")).unwrap(), "in a subdir");

    // A second run finds nothing more; the human report says so.
    let out = env.run(&["cleanup_stdout", "--dir", dir, "--days", "30"]);
    assert_status(&out, 0, &["cleanup_stdout"]);
    let text = stdout(&out);
    assert!(text.starts_with(&format!("removed 0 files (0 B) older than 30 days from {dir}\nkept 2 files (22 B)\n")), "{text}");
    assert!(text.contains("left alone (not regular files): 1 directory, 3 symlinks, 1 other entry"), "{text}");
    assert!(stderr(&out).is_empty(), "a clean run wrote to stderr: {}", stderr(&out));

    // --older-than with a finer unit.
    std::fs::write(b.dir.join("hour-old.out"), "h").unwrap();
    age(&b.dir.join("hour-old.out"), 7200);
    let r = env.json(&["cleanup_stdout", "--dir", dir, "--older-than", "1h"]);
    assert_eq!(r["removed"]["files"], 3, "{r}"); // hour-old, the 1-day and the 29-day files
    assert_eq!(names(&b.dir), ["dangling", "dirlink", "fifo", "job-6-link.out", "subdir"]);
}

#[test]
fn cleanup_stdout_directory_errors() {
    let env = TestEnv::sqlite();
    let missing = env.path().join("nope");
    let out = env.run(&["cleanup_stdout", "--dir", missing.to_str().unwrap(), "--days", "1"]);
    assert_status(&out, 66, &["cleanup_stdout", "--dir", "nope"]);
    let file = env.write("plain", "x");
    let out = env.run(&["cleanup_stdout", "--dir", file.to_str().unwrap(), "--days", "1"]);
    assert_status(&out, 66, &["cleanup_stdout", "--dir", "plain"]);
    assert!(stderr(&out).contains("not a directory"), "{}", stderr(&out));
    let out = env.run(&["cleanup_stdout", "--days", "1", "--older-than", "2h"]);
    assert_status(&out, 2, &["cleanup_stdout", "--days", "--older-than"]);
    let out = env.run(&["cleanup_stdout", "--older-than", "soon"]);
    assert_status(&out, 2, &["cleanup_stdout", "--older-than", "soon"]);
}

#[test]
fn cleanup_stdout_refuses_system_and_unmarked_directories() {
    let env = TestEnv::sqlite();
    // A system directory: refused, nothing listed, even with --force.
    for args in [
        &["--dir", "/etc", "--days", "0", "--dry-run"][..],
        &["--dir", "/etc/", "--days", "0", "--dry-run", "--force"],
        &["--dir", "/", "--days", "0", "--dry-run"],
    ] {
        let mut a = vec!["--format", "json", "cleanup_stdout"];
        a.extend_from_slice(args);
        let out = env.run(&a);
        assert_status(&out, 2, &a);
        let text = stdout(&out);
        assert!(!text.contains("\"removed\"") && text.contains("system directory"), "{text}");
    }
    // Through a symlink too.
    let link = env.path().join("etc-link");
    std::os::unix::fs::symlink("/etc", &link).unwrap();
    let out = env.run(&["cleanup_stdout", "--dir", link.to_str().unwrap(), "--days", "0", "--dry-run", "--force"]);
    assert_status(&out, 2, &["symlink to /etc"]);
    // A directory that is not the job output directory and has no marker: refused unless --force.
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("precious.txt"), "x").unwrap();
    age(&other.path().join("precious.txt"), 100 * DAY);
    let d = other.path().to_str().unwrap();
    let out = env.run(&["cleanup_stdout", "--dir", d, "--days", "30"]);
    assert_status(&out, 2, &["unmarked"]);
    assert!(stderr(&out).contains("holds no .awxm-job-output marker"), "{}", stderr(&out));
    assert_eq!(names(other.path()), ["precious.txt"]);
    let r = env.json(&["cleanup_stdout", "--dir", d, "--days", "30", "--force", "--dry-run"]);
    assert_eq!(r["removed"]["files"], 1, "{r}");
    let r = env.json(&["cleanup_stdout", "--dir", d, "--days", "30", "--force"]);
    assert_eq!(r["removed"]["files"], 1, "{r}");
    assert_eq!(names(other.path()), Vec::<String>::new());
    // The configured directory (created before markers existed) works without a marker, by
    // --dir and by default; a directory awxm creates gets the marker.
    let configured = env.path().join("buffered");
    std::fs::create_dir_all(&configured).unwrap();
    env.ok(&["settings", "set", "job_output_dir", configured.to_str().unwrap()]);
    std::fs::write(configured.join("old.out"), "x").unwrap();
    age(&configured.join("old.out"), 100 * DAY);
    let r = env.json(&["cleanup_stdout", "--dir", configured.to_str().unwrap(), "--days", "30", "--dry-run"]);
    assert_eq!(r["removed"]["files"], 1, "{r}");
    let r = env.json(&["cleanup_stdout", "--days", "30"]);
    assert_eq!((r["directory"].as_str(), r["removed"]["files"].as_u64()), (configured.to_str(), Some(1)), "{r}");
    // A configured system directory is a configuration error.
    env.ok(&["settings", "set", "job_output_dir", "/etc"]);
    let out = env.run(&["cleanup_stdout", "--days", "30", "--dry-run"]);
    assert_status(&out, 78, &["configured /etc"]);
    assert!(stdout(&out).is_empty(), "files listed: {}", stdout(&out));
}

db_test!(cleanup_stdout_takes_directory_and_age_from_settings, |env| {
    let dir = env.path().join("buffered");
    env.init();
    // The default directory (from the config) is missing: nothing to do, success.
    let r = env.json(&["cleanup_stdout"]);
    assert_eq!(r["exists"], false, "{r}");
    assert_eq!(r["older_than_seconds"], 30 * DAY);

    std::fs::create_dir(&dir).unwrap();
    for (name, secs) in [("a.out", 7200), ("b.out", 600)] {
        std::fs::write(dir.join(name), "x").unwrap();
        age(&dir.join(name), secs);
    }
    env.ok(&["settings", "set", "job_output_dir", dir.to_str().unwrap()]);
    env.ok(&["settings", "set", "local_stdout_expire_time", "3600"]);
    let r = env.json(&["cleanup_stdout"]);
    assert_eq!(r["directory"], dir.to_str().unwrap());
    assert_eq!(r["older_than_seconds"], 3600);
    assert_eq!(r["removed"]["files"], 1, "{r}");
    assert_eq!(names(&dir), ["b.out"]);
});

#[test]
fn cleanup_stdout_reports_a_file_that_vanished_after_the_scan_and_locks_the_directory() {
    let env = TestEnv::sqlite();
    let b = buffer(&env);
    let dir = b.dir.to_str().unwrap().to_string();
    let (child, go) = spawn_paused(&env, "cleanup_stdout.scanned", &["--format", "json", "cleanup_stdout", "--dir", &dir, "--days", "30"]);
    // The scan is done and the deletes have not started: remove one candidate behind its back.
    std::fs::remove_file(b.dir.join("job-1-abc.out")).unwrap();
    // Meanwhile a second purge of the same directory gives up at once (exit 75).
    let out = env.run(&["--lock-timeout", "0", "cleanup_stdout", "--dir", &dir, "--days", "30"]);
    assert_status(&out, 75, &["cleanup_stdout (second run)"]);
    assert!(stderr(&out).contains("another cleanup_stdout run"), "{}", stderr(&out));

    let out = finish(child, &go);
    assert_status(&out, 0, &["cleanup_stdout (paused)"]);
    let r: Value = json_stdout(&["cleanup_stdout"], &out.stdout);
    assert_eq!(r["removed"]["files"], 3, "{r}");
    assert_eq!(r["skipped"], json!({"files": 1, "bytes": 11}), "{r}");
    assert_eq!(r["skipped_reasons"], json!({"vanished": 1}));
    assert_eq!(r["skipped_files"], json!([{"name": "job-1-abc.out", "reason": "vanished", "bytes": 11}]));
    // A vanished file is no problem: no warning.
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn cleanup_stdout_skips_a_file_that_was_replaced_after_the_scan() {
    let env = TestEnv::sqlite();
    let b = buffer(&env);
    let dir = b.dir.to_str().unwrap().to_string();
    let (child, go) = spawn_paused(&env, "cleanup_stdout.scanned", &["--format", "json", "cleanup_stdout", "--dir", &dir, "--days", "30"]);
    // Swap two candidates for a symlink to an outside file and a directory.
    std::fs::remove_file(b.dir.join("job-1-abc.out")).unwrap();
    std::os::unix::fs::symlink(&b.outside_file, b.dir.join("job-1-abc.out")).unwrap();
    std::fs::remove_file(b.dir.join(".hidden-old")).unwrap();
    std::fs::create_dir(b.dir.join(".hidden-old")).unwrap();
    let out = finish(child, &go);
    assert_status(&out, 0, &["cleanup_stdout (paused)"]);
    let r: Value = json_stdout(&["cleanup_stdout"], &out.stdout);
    assert_eq!(r["removed"]["files"], 2, "{r}");
    assert_eq!(r["skipped_reasons"], json!({"changed since the scan": 2}), "{r}");
    assert!(b.dir.join("job-1-abc.out").symlink_metadata().unwrap().file_type().is_symlink());
    assert!(b.dir.join(".hidden-old").is_dir());
    assert_eq!(std::fs::read_to_string(&b.outside_file).unwrap(), "precious");
}

#[test]
fn cleanup_stdout_keeps_working_in_the_directory_it_opened_when_the_path_is_swapped_for_a_symlink() {
    let env = TestEnv::sqlite();
    let b = buffer(&env);
    let dir = b.dir.to_str().unwrap().to_string();
    // A decoy with the same names, old too: it must survive.
    let decoy = env.path().join("decoy");
    std::fs::create_dir(&decoy).unwrap();
    for name in ["job-1-abc.out", "project_update-2-def.out", "inventory_update-3 with space.out", ".hidden-old"] {
        std::fs::write(decoy.join(name), "decoy").unwrap();
        age(&decoy.join(name), 400 * DAY);
    }
    let (child, go) = spawn_paused(&env, "cleanup_stdout.scanned", &["--format", "json", "cleanup_stdout", "--dir", &dir, "--days", "30"]);
    let moved = env.path().join("moved");
    std::fs::rename(&b.dir, &moved).unwrap();
    std::os::unix::fs::symlink(&decoy, &b.dir).unwrap();
    let out = finish(child, &go);
    assert_status(&out, 0, &["cleanup_stdout (paused)"]);
    let r: Value = json_stdout(&["cleanup_stdout"], &out.stdout);
    assert_eq!(r["removed"]["files"], 4, "{r}");
    assert_eq!(names(&decoy).len(), 4, "files in the symlink's target were removed");
    assert_eq!(names(&moved), ["dangling", "dirlink", "fifo", "job-4-new.out", "job-5-edge.out", "job-6-link.out", "subdir"]);
}

/// Makes one file impossible to remove, by the means the machine offers; undone on drop.
enum Denied {
    /// `chattr +i` on the file (root with CAP_LINUX_IMMUTABLE on ext4/xfs/btrfs).
    Immutable(PathBuf),
    /// The directory is read-only for the unprivileged user that runs awxm (runuser/chmod).
    ReadOnlyDir { dir: PathBuf, run_as: Option<&'static str> },
}

impl Drop for Denied {
    fn drop(&mut self) {
        match self {
            Denied::Immutable(p) => {
                let _ = std::process::Command::new("chattr").arg("-i").arg(&*p).status();
            }
            Denied::ReadOnlyDir { dir, .. } => {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(&*dir, std::fs::Permissions::from_mode(0o755));
            }
        }
    }
}

fn deny_removal(root_dir: &Path, dir: &Path, file: &Path) -> Denied {
    use std::os::unix::fs::PermissionsExt;
    let root = nix_is_root();
    if root && std::env::var("AWXM_TEST_NO_CHATTR").is_err() {
        let ok = std::process::Command::new("chattr").arg("+i").arg(file).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
        if ok {
            return Denied::Immutable(file.to_path_buf());
        }
    }
    if root {
        // Run awxm as `nobody`: the directory is root's and not writable by others; the test
        // directory (0700 from tempfile) must be traversable.
        for p in [root_dir, dir] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        return Denied::ReadOnlyDir { dir: dir.to_path_buf(), run_as: Some("nobody") };
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    Denied::ReadOnlyDir { dir: dir.to_path_buf(), run_as: None }
}

fn nix_is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn cleanup_stdout_reports_files_it_cannot_remove_and_goes_on() {
    let env = TestEnv::sqlite();
    let b = buffer(&env);
    let dir = b.dir.to_str().unwrap().to_string();
    let protected = b.dir.join("job-1-abc.out");
    let denied = deny_removal(env.path(), &b.dir, &protected);
    let args = ["--format", "json", "cleanup_stdout", "--dir", dir.as_str(), "--days", "30"];
    let out = match &denied {
        Denied::ReadOnlyDir { run_as: Some(user), .. } => {
            // --dir and --days given: no database, no key file needed.
            std::process::Command::new("runuser")
                .args(["-u", user, "--"])
                .arg(assert_cmd::cargo::cargo_bin("awxm"))
                .args(args)
                .env_clear()
                .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
                .env("HOME", "/nonexistent")
                .env("XDG_CONFIG_HOME", "/nonexistent")
                .env("LC_ALL", "C")
                .current_dir("/")
                .output()
                .expect("runuser")
        }
        _ => env.run(&args),
    };
    assert_status(&out, 0, &args);
    let r: Value = json_stdout(&args, &out.stdout);
    let skipped = r["skipped_files"].as_array().expect("skipped files");
    assert!(skipped.iter().any(|s| s["name"] == "job-1-abc.out" && s["reason"] == "permission denied" && s["bytes"] == 11), "{r}");
    assert_eq!(r["skipped_reasons"]["permission denied"], r["skipped"]["files"], "{r}");
    assert!(protected.exists());
    assert!(stderr(&out).contains("could not be removed"), "no warning: {}", stderr(&out));
    if matches!(denied, Denied::Immutable(_)) {
        // Only that file was protected: the other old files are gone.
        assert_eq!(r["removed"]["files"], 3, "{r}");
        assert_eq!(r["skipped"]["files"], 1, "{r}");
    }
    drop(denied);
}

// ---------------------------------------------------------------------------------------------
// cleanup_jobs

const OLD: &str = "2020-01-01T00:00:00.000000Z";
const RECENT: &str = "2100-01-01T00:00:00.000000Z";

/// Rows of every type: old, recent, active and protected ones (ids chosen for the asserts).
fn seed(env: &TestEnv) {
    env.init();
    let events = |job: i64, n: i64| {
        format!(
            "INSERT INTO job_event (job_id, counter, event, stdout, created, modified)
             SELECT {job}, n, 'runner_on_ok', 'ok: [h]', '{OLD}', '{OLD}' FROM
             (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {n}) SELECT n FROM c) s;"
        )
    };
    let mut sql = format!(
        "INSERT INTO organization (id, name, created, modified) VALUES (1, 'Ops', '{OLD}', '{OLD}');
         INSERT INTO credential (id, name, kind, created, modified) VALUES (1, 'key', 'machine', '{OLD}', '{OLD}');
         INSERT INTO inventory (id, name, created, modified) VALUES (1, 'web', '{OLD}', '{OLD}');
         INSERT INTO project (id, name, scm_type, last_update_id, created, modified) VALUES (1, 'p1', 'git', 11, '{OLD}', '{OLD}');
         INSERT INTO project (id, name, scm_type, created, modified) VALUES (2, 'p2', 'git', '{OLD}', '{OLD}');
         INSERT INTO project_update (id, project_id, status, created, modified) VALUES
           (10, 1, 'successful', '{OLD}', '{OLD}'), (11, 1, 'successful', '{OLD}', '{OLD}'),
           (12, 1, 'running', '{OLD}', '{OLD}'), (20, 2, 'failed', '{OLD}', '{OLD}'), (21, 2, 'successful', '{OLD}', '{OLD}');
         INSERT INTO job_template (id, name, project_id, inventory_id, last_job_id, current_job_id, created, modified)
           VALUES (1, 'deploy', 1, 1, 3, 4, '{OLD}', '{OLD}');
         INSERT INTO job (id, name, job_template_id, status, project_update_id, created, modified) VALUES
           (1, 'deploy', 1, 'successful', 10, '{OLD}', '{OLD}'), (2, 'deploy', 1, 'failed', NULL, '{OLD}', '{OLD}'),
           (3, 'deploy', 1, 'canceled', NULL, '{OLD}', '{OLD}'), (4, 'deploy', 1, 'running', NULL, '{OLD}', '{OLD}'),
           (5, 'deploy', 1, 'pending', NULL, '{OLD}', '{OLD}'), (6, 'deploy', 1, 'waiting', NULL, '{OLD}', '{OLD}'),
           (7, 'deploy', 1, 'new', NULL, '{OLD}', '{OLD}'), (8, 'deploy', 1, 'successful', 10, '{RECENT}', '{RECENT}');
         INSERT INTO host (id, inventory_id, name, last_job_id, last_job_host_summary_id, created, modified)
           VALUES (1, 1, 'h1', 1, 1, '{OLD}', '{OLD}'), (2, 1, 'h2', 8, 3, '{OLD}', '{OLD}');
         INSERT INTO job_host_summary (id, job_id, host_id, host_name, ok, created, modified) VALUES
           (1, 1, 1, 'h1', 1, '{OLD}', '{OLD}'), (2, 2, 1, 'h1', 1, '{OLD}', '{OLD}'), (3, 8, 2, 'h2', 1, '{RECENT}', '{RECENT}');
         INSERT INTO job_credential (job_id, credential_id) VALUES (1, 1), (2, 1), (4, 1), (8, 1);
         INSERT INTO inventory_source (id, name, inventory_id, last_update_id, created, modified) VALUES
           (1, 's1', 1, 31, '{OLD}', '{OLD}'), (2, 's2', 1, NULL, '{OLD}', '{OLD}');
         INSERT INTO inventory_update (id, inventory_source_id, inventory_id, status, created, modified) VALUES
           (30, 1, 1, 'successful', '{OLD}', '{OLD}'), (31, 1, 1, 'successful', '{OLD}', '{OLD}'),
           (32, 1, 1, 'failed', '{OLD}', '{OLD}'), (33, 1, 1, 'successful', '{RECENT}', '{RECENT}'),
           (34, 2, 1, 'successful', '{OLD}', '{OLD}'), (35, 2, 1, 'error', '{OLD}', '{OLD}');
         INSERT INTO workflow_job_template (id, name, last_job_id, created, modified) VALUES (1, 'wf', 40, '{OLD}', '{OLD}');
         INSERT INTO workflow_job (id, workflow_job_template_id, status, created, modified) VALUES
           (40, 1, 'successful', '{OLD}', '{OLD}'), (41, 1, 'running', '{OLD}', '{OLD}'), (42, 1, 'successful', '{RECENT}', '{RECENT}');
         INSERT INTO workflow_job_node (id, workflow_job_id, identifier, job_type, job_id, created, modified) VALUES
           (1, 40, 'a', 'job', 1, '{OLD}', '{OLD}'), (2, 40, 'b', 'project_update', 10, '{OLD}', '{OLD}'),
           (3, 41, 'a', 'job', 2, '{OLD}', '{OLD}'), (4, 41, 'b', 'inventory_update', 30, '{OLD}', '{OLD}'),
           (5, 42, 'a', 'job', 8, '{RECENT}', '{RECENT}');
         INSERT INTO workflow_job_node_edge (from_node_id, to_node_id, kind) VALUES (1, 2, 'success'), (3, 4, 'always');
         INSERT INTO notification_template (id, name, notification_type, created, modified) VALUES (1, 'mail', 'email', '{OLD}', '{OLD}');
         INSERT INTO notification (id, notification_template_id, job_id, status, created, modified) VALUES
           (50, 1, NULL, 'successful', '{OLD}', '{OLD}'), (51, 1, NULL, 'pending', '{OLD}', '{OLD}'),
           (52, 1, NULL, 'failed', '{RECENT}', '{RECENT}'), (53, 1, 1, 'successful', '{OLD}', '{OLD}'),
           (54, 1, 8, 'successful', '{OLD}', '{OLD}');"
    );
    // Job 1 has enough events to need several chunks; the running job 4 keeps its own.
    sql.push_str(&events(1, 12_000));
    sql.push_str(&events(2, 30));
    sql.push_str(&events(3, 30));
    sql.push_str(&events(4, 10));
    sql.push_str(&events(8, 5));
    if env.backend == Backend::Postgres {
        // Explicit ids: move the identity sequences past them.
        for t in ["job", "project_update", "inventory_update", "workflow_job", "workflow_job_node", "notification", "host"] {
            sql.push_str(&format!("SELECT setval(pg_get_serial_sequence('{t}', 'id'), 1000);"));
        }
    }
    env.sql_exec(&sql);
}

fn ids(env: &TestEnv, table: &str) -> Vec<i64> {
    let n = env.sql_count(&format!("SELECT count(*) FROM {table}"));
    (0..n).map(|i| env.sql_count(&format!("SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET {i}"))).collect()
}

fn by_type(r: &Value) -> serde_json::Map<String, Value> {
    r["types"]
        .as_array()
        .expect("types")
        .iter()
        .map(|t| {
            let mut t = t.clone();
            let name = t["type"].as_str().expect("type").to_string();
            let o = t.as_object_mut().expect("object");
            o.remove("elapsed");
            o.remove("batches");
            (name, t)
        })
        .collect()
}

db_test!(cleanup_jobs_applies_awx_rules_in_batches_and_dry_run_agrees, |env| {
    seed(&env);
    let counts = env.row_counts();
    let dry = env.json(&["cleanup_jobs", "--dry-run"]);
    assert_eq!(env.row_counts(), counts, "a dry run changed the database");
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["days"], 90);

    let r = env.json(&["cleanup_jobs", "--batch-size", "1"]);
    assert_eq!(by_type(&r), by_type(&dry), "dry run and real run disagree\n{dry}\n{r}");
    let t = by_type(&r);
    assert_eq!(
        t["jobs"],
        json!({"type": "jobs", "deleted": 3, "skipped": 5, "skipped_recent": 1, "skipped_active": 4, "skipped_protected": 0,
               "related": {"job_credentials": 2, "job_events": 12_060, "job_host_summaries": 2, "notifications": 1}})
    );
    assert_eq!(
        t["project_updates"],
        json!({"type": "project_updates", "deleted": 2, "skipped": 3, "skipped_recent": 0, "skipped_active": 1, "skipped_protected": 2, "related": {}})
    );
    assert_eq!(
        t["inventory_updates"],
        json!({"type": "inventory_updates", "deleted": 3, "skipped": 3, "skipped_recent": 1, "skipped_active": 0, "skipped_protected": 2, "related": {}})
    );
    assert_eq!(
        t["workflow_jobs"],
        json!({"type": "workflow_jobs", "deleted": 1, "skipped": 2, "skipped_recent": 1, "skipped_active": 1, "skipped_protected": 0,
               "related": {"workflow_job_nodes": 2}})
    );
    assert_eq!(
        t["notifications"],
        json!({"type": "notifications", "deleted": 2, "skipped": 2, "skipped_recent": 1, "skipped_active": 1, "skipped_protected": 0, "related": {}})
    );
    assert_eq!(r["deleted"], 11);
    // One batch per job (--batch-size 1), and the events of job 1 took several chunks.
    assert_eq!(r["types"][0]["batches"], 3, "{r}");
    assert!(r["transactions"].as_u64().unwrap() > 3 + 3 + 3, "{r}");
    assert!(r["longest_transaction_seconds"].as_f64().unwrap() > 0.0);

    assert_eq!(ids(&env, "job"), [4, 5, 6, 7, 8]);
    assert_eq!(ids(&env, "project_update"), [11, 12, 21]);
    assert_eq!(ids(&env, "inventory_update"), [31, 33, 35]);
    assert_eq!(ids(&env, "workflow_job"), [41, 42]);
    assert_eq!(ids(&env, "workflow_job_node"), [3, 4, 5]);
    assert_eq!(ids(&env, "notification"), [51, 52]);
    assert_eq!(env.sql_count("SELECT count(*) FROM job_event"), 15);
    assert_eq!(env.sql_count("SELECT count(*) FROM job_event WHERE job_id = 4"), 10);
    assert_eq!(ids(&env, "job_host_summary"), [3]);
    assert_eq!(env.sql_count("SELECT count(*) FROM job_credential"), 2);
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_job_node_edge"), 1);
    // Pointers to deleted records are cleared, the others kept.
    assert_eq!(env.sql_count("SELECT count(*) FROM job_template WHERE last_job_id IS NULL AND current_job_id = 4"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_job_template WHERE last_job_id IS NULL"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_job_node WHERE id IN (3, 4) AND job_id IS NULL"), 2);
    assert_eq!(env.sql_count("SELECT job_id FROM workflow_job_node WHERE id = 5"), 8);
    assert_eq!(env.sql_count("SELECT count(*) FROM job WHERE id = 8 AND project_update_id IS NULL"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE id = 1 AND last_job_id IS NULL AND last_job_host_summary_id IS NULL"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM host WHERE id = 2 AND last_job_id = 8 AND last_job_host_summary_id = 3"), 1);
    assert_eq!(env.sql_count("SELECT last_update_id FROM project WHERE id = 1"), 11);

    // A second run deletes nothing and prints AWX's summary lines.
    let out = env.run(&["cleanup_jobs"]);
    assert_status(&out, 0, &["cleanup_jobs"]);
    assert_eq!(
        stdout(&out),
        "jobs: 0 deleted, 5 skipped.\nproject updates: 0 deleted, 3 skipped.\ninventory updates: 0 deleted, 3 skipped.\n\
         workflow jobs: 0 deleted, 2 skipped.\nnotifications: 0 deleted, 2 skipped.\n"
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
});

db_test!(cleanup_jobs_type_flags_and_days, |env| {
    seed(&env);
    // Only the selected types, AWX's dry-run wording.
    let out = env.run(&["cleanup_jobs", "--dry-run", "--jobs", "--notifications"]);
    assert_status(&out, 0, &["cleanup_jobs", "--dry-run"]);
    assert_eq!(stdout(&out), "jobs: 3 would be deleted, 5 would be skipped.\nnotifications: 2 would be deleted, 2 would be skipped.\n");

    // Old records are younger than the cutoff when --days is large enough.
    let days =
        ((chrono::Utc::now() - chrono::DateTime::parse_from_rfc3339(OLD).unwrap().with_timezone(&chrono::Utc)).num_days() + 10).to_string();
    let r = env.json(&["cleanup_jobs", "--days", &days, "--project-updates"]);
    assert_eq!(r["deleted"], 0, "{r}");
    assert_eq!(r["types"].as_array().unwrap().len(), 1);

    let r = env.json(&["cleanup_jobs", "--days", "0", "--project-updates", "--inventory-updates"]);
    assert_eq!(r["deleted"], 5, "{r}");
    assert_eq!(ids(&env, "job"), [1, 2, 3, 4, 5, 6, 7, 8], "jobs were not selected");

    let out = env.run(&["cleanup_jobs", "--days", "100000"]);
    assert_status(&out, 2, &["cleanup_jobs", "--days", "100000"]);
    assert!(stderr(&out).contains("--days specified is too large. Try something less than 99999 (about 270 years)."), "{}", stderr(&out));
    let out = env.run(&["cleanup_jobs", "--batch-size", "0"]);
    assert_status(&out, 2, &["cleanup_jobs", "--batch-size", "0"]);
});

fn cleanup_jobs_stops_cleanly_between_transactions(env: &TestEnv, signal: &str, code: i32) {
    seed(env);
    let (child, go) = spawn_paused(env, "cleanup_jobs.batch", &["cleanup_jobs", "--jobs", "--batch-size", "1"]);
    let pid = child.id().to_string();
    assert!(std::process::Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap().success());
    let out = finish(child, &go);
    assert_status(&out, code, &["cleanup_jobs", signal]);
    assert!(stderr(&out).contains("interrupted (jobs: 1 deleted so far); run cleanup_jobs again to finish"), "{}", stderr(&out));
    // The first batch is committed, nothing else was touched.
    assert_eq!(ids(env, "job"), [2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(env.sql_count("SELECT count(*) FROM job_event WHERE job_id IN (2, 3)"), 60);
    let r = env.json(&["cleanup_jobs", "--jobs"]);
    assert_eq!(r["deleted"], 2, "{r}");
}

db_test!(cleanup_jobs_stops_cleanly_between_transactions_on_sigterm, |env| {
    cleanup_jobs_stops_cleanly_between_transactions(&env, "TERM", 143);
});

db_test!(cleanup_jobs_stops_cleanly_between_transactions_on_sigint, |env| {
    cleanup_jobs_stops_cleanly_between_transactions(&env, "INT", 130);
});

db_test!(cleanup_jobs_holds_a_lock_but_leaves_the_database_usable_between_batches, |env| {
    seed(&env);
    let (child, go) = spawn_paused(&env, "cleanup_jobs.batch", &["--format", "json", "cleanup_jobs", "--jobs", "--batch-size", "1"]);
    // Paused after its first batch: job 1 and its events are gone, the others not yet.
    assert_eq!(env.sql_count("SELECT count(*) FROM job WHERE id IN (1, 2, 3)"), 2);
    assert_eq!(env.sql_count("SELECT count(*) FROM job_event WHERE job_id = 1"), 0);
    // Another cleanup gives up (exit 75) ...
    let out = env.run(&["--lock-timeout", "0.2", "cleanup_jobs", "--notifications"]);
    assert_status(&out, 75, &["cleanup_jobs (second run)"]);
    // ... but other writers get through.
    env.ok(&["--lock-timeout", "5", "settings", "set", "tower_url_base", "https://awx.example.test"]);
    let out = finish(child, &go);
    assert_status(&out, 0, &["cleanup_jobs (paused)"]);
    let r: Value = json_stdout(&["cleanup_jobs"], &out.stdout);
    assert_eq!(r["deleted"], 3, "{r}");
    assert_eq!(ids(&env, "job"), [4, 5, 6, 7, 8]);
    assert_eq!(env.json(&["settings", "get", "tower_url_base"])["value"], "https://awx.example.test");
});

db_test!(compound_durations_are_read_alike_everywhere, |env| {
    env.init();
    let dir = env.path().join("job_output");
    std::fs::create_dir_all(&dir).unwrap();
    env.ok(&["settings", "set", "job_output_dir", dir.to_str().unwrap()]);
    // One parser: a command-line duration, a duration setting and a seconds option take 1h30m.
    let r = env.json(&["cleanup_stdout", "--older-than", "1h30m", "--dry-run"]);
    assert_eq!(r["older_than_seconds"], 5400, "{r}");
    assert_eq!(env.json(&["settings", "set", "license_alert_interval", "1h30m"])["value"], 5400);
    assert_eq!(env.json(&["settings", "get", "license_alert_interval"])["value"], 5400);
    assert_eq!(env.json(&["settings", "set", "default_job_timeout", "1d 12h"])["value"], 129_600);
    let out = env.run(&["--lock-timeout", "1m30s", "settings", "get", "max_forks"]);
    assert_status(&out, 0, &["--lock-timeout 1m30s"]);
    // A number without its unit after a unit is refused everywhere, and nothing is stored.
    let out = env.run(&["settings", "set", "license_alert_interval", "1h30"]);
    assert_status(&out, 65, &["settings set license_alert_interval 1h30"]);
    assert_eq!(env.json(&["settings", "get", "license_alert_interval"])["value"], 5400);
    let out = env.run(&["cleanup_stdout", "--older-than", "1h30", "--dry-run"]);
    assert_status(&out, 2, &["cleanup_stdout --older-than 1h30"]);
});
