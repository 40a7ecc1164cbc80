//! Projects: where a project's playbooks are, and syncing git projects (AWX's project update).
//!
//! Manual projects point at a local directory (absolute, or relative to `projects_root`). Git
//! projects are checked out into their `local_path`, by default `<projects_root>/_<id>__<name>`.
//! A sync clones or fetches, then checks out the branch (or tag, or commit), records the
//! revision and the whole output as a `project_update` job. The SCM password never reaches
//! argv, the environment or the stored output: git asks for it through `GIT_ASKPASS`, a script
//! that reads it from a 0600 file in a 0700 directory removed afterwards; a password embedded
//! in the URL is taken out of the URL the same way (and so never lands in `.git/config`).

use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::json;

use super::redact::{self, Redactor};
use crate::context::Ctx;
use crate::db::{Db, FromRow, Row, Tx};
use crate::error::{Error, Result};
use crate::jobs::{self, Ending, JobKind, JobStatus};

#[derive(Debug, Clone, Default)]
pub struct Project {
    pub id: i64,
    pub name: String,
    pub scm_type: String,
    pub scm_url: String,
    pub scm_branch: String,
    pub scm_refspec: String,
    pub scm_clean: bool,
    pub scm_delete_on_update: bool,
    pub scm_update_on_launch: bool,
    pub scm_update_cache_timeout: i64,
    pub credential_id: Option<i64>,
    pub local_path: String,
    pub scm_revision: String,
    pub status: String,
    pub timeout: i64,
    /// When the last successful update finished.
    pub last_update: Option<crate::time::Timestamp>,
    /// The resolved checkout / playbook directory.
    pub dir: PathBuf,
}

/// The project's own columns (`id`, `last_update` and `dir` are filled in by [`Project::load`]).
impl FromRow for Project {
    fn from_row(r: &Row) -> Result<Self> {
        Ok(Project {
            name: r.col("name")?,
            scm_type: r.col("scm_type")?,
            scm_url: r.col("scm_url")?,
            scm_branch: r.col("scm_branch")?,
            scm_refspec: r.col("scm_refspec")?,
            scm_clean: r.col("scm_clean")?,
            scm_delete_on_update: r.col("scm_delete_on_update")?,
            scm_update_on_launch: r.col("scm_update_on_launch")?,
            scm_update_cache_timeout: r.col("scm_update_cache_timeout")?,
            credential_id: r.col("credential_id")?,
            local_path: r.col("local_path")?,
            scm_revision: r.col("scm_revision")?,
            status: r.col("status")?,
            timeout: r.col("timeout")?,
            ..Default::default()
        })
    }
}

/// AWX's directory name for a project: `_<id>__<name with non-word characters as _>`.
pub fn default_dir_name(id: i64, name: &str) -> String {
    let slug: String = name.chars().map(|c| if c.is_alphanumeric() || c == '_' { c.to_ascii_lowercase() } else { '_' }).collect();
    format!("_{id}__{slug}")
}

impl Project {
    pub fn load(tx: &mut Tx<'_>, projects_root: &Path, id: i64) -> Result<Project> {
        let r = tx
            .query_opt_as::<Project>(
                "SELECT name, scm_type, scm_url, scm_branch, scm_refspec, scm_clean, scm_delete_on_update, scm_update_on_launch,
                        scm_update_cache_timeout, credential_id, local_path, scm_revision, status, timeout
                 FROM project WHERE id = $1",
                crate::params![id],
            )?
            .ok_or_else(|| Error::not_found(format!("no project with id {id}")))?;
        let mut p = Project { id, ..r };
        p.last_update = tx.scalar_opt(
            "SELECT finished FROM project_update WHERE project_id = $1 AND status = 'successful' ORDER BY id DESC LIMIT 1",
            crate::params![id],
        )?;
        p.dir = if p.local_path.is_empty() {
            projects_root.join(default_dir_name(id, &p.name))
        } else if Path::new(&p.local_path).is_absolute() {
            PathBuf::from(&p.local_path)
        } else {
            projects_root.join(&p.local_path)
        };
        Ok(p)
    }

    pub fn is_scm(&self) -> bool {
        self.scm_type == "git"
    }

    /// Whether a job should sync this project before it runs: a git project whose checkout is
    /// missing, or that updates on launch and whose last update is older than the cache timeout.
    pub fn needs_update_on_launch(&self) -> bool {
        if !self.is_scm() {
            return false;
        }
        if !self.dir.join(".git").exists() {
            return true;
        }
        if !self.scm_update_on_launch {
            return false;
        }
        match self.last_update {
            Some(t) if self.scm_update_cache_timeout > 0 => (crate::time::now() - t).num_seconds() >= self.scm_update_cache_timeout,
            _ => true,
        }
    }

    /// The playbook's path inside the project, refusing paths that leave it.
    pub fn playbook_path(&self, playbook: &str) -> Result<PathBuf> {
        let rel = Path::new(playbook);
        if rel.is_absolute() || rel.components().any(|c| matches!(c, std::path::Component::ParentDir)) {
            return Err(Error::data(format!("playbook {playbook:?} must be a path inside the project")));
        }
        let p = self.dir.join(rel);
        if !p.is_file() {
            return Err(Error::not_found(format!("playbook {playbook:?} not found in project {:?} ({})", self.name, self.dir.display())));
        }
        Ok(p)
    }
}

/// The checkout `awxm delete project` may remove: a git project's directory that awxm
/// created (under `projects_root`, or where a successful update put it). Manual projects'
/// directories are the operator's and are never removed.
pub fn owned_checkout(tx: &mut Tx<'_>, projects_root: &Path, id: i64) -> Result<Option<PathBuf>> {
    let p = Project::load(tx, projects_root, id)?;
    if !p.is_scm() || !p.dir.join(".git").is_dir() {
        return Ok(None);
    }
    let dir_s = p.dir.display().to_string();
    let recorded = tx.scalar_opt::<i64>(
        "SELECT id FROM project_update WHERE project_id = $1 AND local_path = $2 AND status = 'successful' LIMIT 1",
        crate::params![id, dir_s.as_str()],
    )?;
    let under_root = match (p.dir.canonicalize(), projects_root.canonicalize()) {
        (Ok(d), Ok(r)) => d.starts_with(&r) && d != r,
        _ => false,
    };
    Ok((recorded.is_some() || under_root).then_some(p.dir))
}

/// Remove a checkout (after the project row is gone).
pub fn remove_checkout(dir: &Path) -> Result<()> {
    match fs_err::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// A URL without its password: (url for git, user, password).
pub fn split_url_credentials(url: &str) -> (String, String, String) {
    if let Some((scheme, rest)) = url.split_once("://") {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(end);
        if let Some((userinfo, host)) = authority.rsplit_once('@') {
            let (user, pw) = match userinfo.split_once(':') {
                Some((u, p)) => (u.to_string(), p.to_string()),
                None => (userinfo.to_string(), String::new()),
            };
            let cleaned = if user.is_empty() { format!("{scheme}://{host}{path}") } else { format!("{scheme}://{user}@{host}{path}") };
            return (cleaned, redact::percent_decode(&user), redact::percent_decode(&pw));
        }
    }
    (url.to_string(), String::new(), String::new())
}

/// Result of a sync.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UpdateOutcome {
    pub id: i64,
    pub project: String,
    pub status: JobStatus,
    pub scm_revision: String,
    pub local_path: String,
    pub job_explanation: String,
    pub elapsed: f64,
}

struct Git<'a> {
    dir: &'a Path,
    env: Vec<(String, String)>,
    log: String,
    args_log: Vec<Vec<String>>,
    redactor: &'a Redactor,
    deadline: Option<Instant>,
    scratch: PathBuf,
    ctx: &'a Ctx,
}

impl Git<'_> {
    /// Run git; its stdout and its stderr (read apart: the answer is on stdout, warnings and
    /// progress on stderr) go to the log. Returns whether it succeeded, its stdout and stderr.
    fn run(&mut self, args: &[&str], cwd: Option<&Path>) -> Result<(bool, String, String)> {
        let shown: Vec<String> = std::iter::once("git".to_string())
            .chain(args.iter().map(|a| self.redactor.redact(&redact::redact_url_passwords(a, redact::REDACTED)).into_owned()))
            .collect();
        self.log.push_str(&format!("$ {}\n", shown.join(" ")));
        self.args_log.push(shown);
        let out_path = self.scratch.join("git.out");
        let err_path = self.scratch.join("git.err");
        let open = |p: &Path| {
            std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(p).map_err(|e| Error::io_at(p, &e))
        };
        let (out, err) = (open(&out_path)?, open(&err_path)?);
        // Under the job guard: a canceled, timed-out or killed update leaves no git behind
        // (git runs helpers such as git-remote-http, which killing git alone would orphan).
        let mut cmd = super::process::guarded(Path::new("git"), 2, None);
        cmd.args(args).env_clear().envs(self.env.iter().map(|(k, v)| (k, v))).stdin(Stdio::null()).stdout(out).stderr(err);
        cmd.current_dir(cwd.unwrap_or(self.dir));
        let mut child = cmd.spawn().map_err(|e| Error::unavailable(format!("cannot run git: {e}")))?;
        let status = loop {
            if let Some(st) = child.try_wait().map_err(|e| Error::io(format!("waiting for git: {e}")))? {
                break Some(st);
            }
            if self.deadline.is_some_and(|d| Instant::now() >= d) || self.ctx.cancelled() {
                super::process::stop_guarded(&mut child);
                break None;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let read = |p: &Path| {
            let mut b = Vec::new();
            if let Ok(mut f) = std::fs::File::open(p) {
                let _ = f.read_to_end(&mut b);
            }
            let text = String::from_utf8_lossy(&b).into_owned();
            self.redactor.redact(&redact::redact_url_passwords(&text, redact::REDACTED)).into_owned()
        };
        let (stdout, stderr) = (read(&out_path), read(&err_path));
        for text in [&stdout, &stderr] {
            self.log.push_str(text);
            if !text.is_empty() && !text.ends_with('\n') {
                self.log.push('\n');
            }
        }
        match status {
            None if self.ctx.cancelled() => Err(Error::failure("project update canceled")),
            None => Err(Error::failure("project update timed out")),
            Some(st) => Ok((st.success(), stdout, stderr)),
        }
    }

    /// Run git, which must succeed; returns its stdout.
    fn must(&mut self, args: &[&str], cwd: Option<&Path>) -> Result<String> {
        let (ok, stdout, stderr) = self.run(args, cwd)?;
        if !ok {
            let why = git_failure(&stdout, &stderr);
            return Err(Error::failure(format!(
                "git {} failed{}",
                args.first().copied().unwrap_or(""),
                if why.is_empty() { String::new() } else { format!(": {why}") }
            )));
        }
        Ok(stdout)
    }
}

/// Why git failed, in one line: its `fatal:`, `error:` and `remote:` lines (the last line
/// alone is often advice such as "and the repository exists."), else its last line; at most
/// 1,000 characters (the whole output is in the update's log).
fn git_failure(stdout: &str, stderr: &str) -> String {
    let said: Vec<&str> =
        stderr.lines().map(str::trim).filter(|l| ["fatal:", "error:", "remote:"].iter().any(|p| l.starts_with(p)) && l.len() > 7).collect();
    let text = if said.is_empty() { crate::cluster::probe::failure_line(stdout, stderr) } else { said.join("; ") };
    match text.char_indices().nth(1000) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

fn write_secret(dir: &Path, name: &str, value: &str) -> Result<PathBuf> {
    let p = dir.join(name);
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&p).map_err(|e| Error::io_at(&p, &e))?;
    std::io::Write::write_all(&mut f, value.as_bytes()).map_err(|e| Error::io_at(&p, &e))?;
    Ok(p)
}

/// Base environment for child processes: awxm's own, without awxm's variables.
pub fn child_base_env() -> Vec<(String, String)> {
    std::env::vars().filter(|(k, _)| !k.starts_with("AWXM_")).collect()
}

/// The outcome of project update `update_id` as recorded.
pub fn outcome(db: &mut Db, update_id: i64) -> Result<UpdateOutcome> {
    db.read(|tx| {
        let r = tx.query_one(
            "SELECT u.id AS id, COALESCE(p.name, u.name) AS project, u.status AS status, u.scm_revision AS scm_revision,
                    u.local_path AS local_path, u.job_explanation AS job_explanation, u.elapsed AS elapsed
             FROM project_update u LEFT JOIN project p ON p.id = u.project_id WHERE u.id = $1",
            crate::params![update_id],
        )?;
        Ok(UpdateOutcome {
            id: r.col("id")?,
            project: r.col("project")?,
            status: r.col("status")?,
            scm_revision: r.col("scm_revision")?,
            local_path: r.col("local_path")?,
            job_explanation: r.col("job_explanation")?,
            elapsed: r.col("elapsed")?,
        })
    })
}

/// Queue an update of git project `project_id` (`pending`). A manual project, or one without
/// an scm_url, is refused (exit 65) before anything is written.
pub fn create_update(tx: &mut Tx<'_>, projects_root: &Path, project_id: i64, launch_type: &str) -> Result<i64> {
    let p = Project::load(tx, projects_root, project_id)?;
    if !p.is_scm() {
        return Err(Error::data(format!(
            "project {:?} is a manual project (scm_type {}); only git projects are updated",
            p.name, p.scm_type
        )));
    }
    if p.scm_url.is_empty() {
        return Err(Error::data(format!("project {:?} has no scm_url", p.name)));
    }
    let id = tx.insert(
        "INSERT INTO project_update (name, project_id, launch_type, job_type, status, scm_type, scm_url, scm_branch, local_path,
            task_impact, dependencies_processed, created, modified)
         VALUES ($1, $2, $3, 'check', 'new', $4, $5, $6, $7, 1, TRUE, $8, $8) RETURNING id",
        crate::params![
            p.name.as_str(),
            p.id,
            launch_type,
            p.scm_type.as_str(),
            crate::crypto::url::shown(&p.scm_url),
            p.scm_branch.as_str(),
            p.dir.display().to_string(),
            crate::time::now_str()
        ],
    )?;
    jobs::set_status(tx, JobKind::ProjectUpdate, id, JobStatus::Pending, None)?;
    Ok(id)
}

/// Run queued update `update_id` (claimed by this process) to its end. The session lock `project_update:<project>` keeps two syncs of one project apart.
pub fn run_update(ctx: &Ctx, db: &mut Db, update_id: i64) -> Result<UpdateOutcome> {
    let node = ctx.config.node_name.clone();
    let row = db
        .read(|tx| tx.query_opt("SELECT project_id, status, cancel_flag FROM project_update WHERE id = $1", crate::params![update_id]))?
        .ok_or_else(|| Error::not_found(format!("no project update with id {update_id}")))?;
    let project_id: i64 = row
        .col::<Option<i64>>("project_id")?
        .ok_or_else(|| Error::not_found(format!("project update {update_id} has no project any more")))?;
    let _lock = db.session_lock(&format!("project_update:{project_id}"))?;
    let (p, cred) = db.read(|tx| {
        let projects_root = super::projects_root(ctx, tx)?;
        let p = Project::load(tx, &projects_root, project_id)?;
        let cred = match p.credential_id {
            Some(c) => match tx.query_opt("SELECT name, kind, inputs FROM credential WHERE id = $1", crate::params![c])? {
                Some(r) => Some((
                    r.col::<String>("name")?,
                    r.col::<String>("kind")?,
                    super::spec::decrypt_inputs(&ctx.secrets, &r.col::<String>("inputs")?)?,
                )),
                None => None,
            },
            None => None,
        };
        Ok((p, cred))
    })?;
    // A password in the URL is stored encrypted (crypto::url); one stored in clear by an older
    // awxm comes back as it is.
    let (url, url_user, stored_pw) = split_url_credentials(&p.scm_url);
    let url_pw = match ctx.secrets.decrypt(&stored_pw, "scm_url") {
        Ok(pw) => pw,
        Err(e) => {
            db.write(|tx| {
                jobs::record_end(tx, JobKind::ProjectUpdate, update_id, &Ending::explained(JobStatus::Error, e.message.as_str()))
            })?;
            return Err(e);
        }
    };
    let (mut user, mut password, mut key, mut unlock) = (url_user, url_pw, String::new(), String::new());
    if let Some((cname, kind, inputs)) = &cred {
        if kind != "scm" {
            let why = format!("project {:?}: credential {cname:?} is of kind {kind}, not scm", p.name);
            db.write(|tx| jobs::record_end(tx, JobKind::ProjectUpdate, update_id, &Ending::explained(JobStatus::Error, why.as_str())))?;
            return Err(Error::data(why));
        }
        let i = |k: &str| super::spec::input(inputs, k);
        if user.is_empty() {
            user = i("username");
        }
        if password.is_empty() {
            password = i("password");
        }
        key = i("ssh_key_data");
        unlock = i("ssh_key_unlock");
    }
    let mut secrets = vec![password.clone(), key.clone(), unlock.clone()];
    // The stored form too (ciphertext, or a password stored in clear before encryption).
    if let Some(pw) = redact::url_password(&p.scm_url) {
        secrets.push(pw);
    }
    secrets.retain(|s| !s.is_empty());
    let redactor = Redactor::new(&secrets);
    let dir_s = p.dir.display().to_string();
    let go = db.write(|tx| {
        let st: JobStatus = row.col("status")?;
        if st.is_final() {
            return Ok(false);
        }
        if row.col::<bool>("cancel_flag")? {
            jobs::record_end(tx, JobKind::ProjectUpdate, update_id, &Ending::new(JobStatus::Canceled))?;
            return Ok(false);
        }
        tx.execute(
            "UPDATE project_update SET execution_node = $1, pid = $2 WHERE id = $3",
            crate::params![node.as_str(), std::process::id() as i64, update_id],
        )?;
        jobs::set_status(tx, JobKind::ProjectUpdate, update_id, JobStatus::Running, None)?;
        Ok(true)
    })?;
    if !go {
        return outcome(db, update_id);
    }
    jobs::hooks::job_started(ctx, db, JobKind::ProjectUpdate, update_id);
    // `awxm job cancel` stops git as a signal does.
    let _watch = jobs::cancel::watch(ctx, JobKind::ProjectUpdate, update_id);

    // Private scratch directory for the askpass script and secrets.
    let scratch = std::env::temp_dir().join(format!("awxm_pu_{update_id}_{}", &uuid::Uuid::new_v4().simple().to_string()[..8]));
    std::fs::DirBuilder::new().mode(0o700).create(&scratch).map_err(|e| Error::io_at(&scratch, &e))?;
    struct Cleanup(PathBuf);
    impl Drop for Cleanup {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let _cleanup = Cleanup(scratch.clone());

    let started = Instant::now();
    let deadline = (p.timeout > 0).then(|| Instant::now() + Duration::from_secs(p.timeout as u64));
    let mut git = Git {
        dir: &p.dir,
        env: Vec::new(),
        log: String::new(),
        args_log: Vec::new(),
        redactor: &redactor,
        deadline,
        scratch: scratch.clone(),
        ctx,
    };
    let result = git_env(&scratch, &user, &password, &key, &unlock).and_then(|env| {
        git.env = env;
        sync(&mut git, &p, &url, &dir_s)
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut stdout = std::mem::take(&mut git.log);
    let args = std::mem::take(&mut git.args_log);
    let (status, explanation, revision) = match result {
        Ok(rev) => (JobStatus::Successful, String::new(), rev),
        Err(e) => {
            let msg = redactor.redact(&redact::redact_url_passwords(&e.message, redact::REDACTED)).into_owned();
            stdout.push_str(&format!("{msg}\n"));
            (if ctx.cancelled() { JobStatus::Canceled } else { JobStatus::Failed }, msg, String::new())
        }
    };
    let env_safe = redact::safe_env(child_base_env().iter().map(|(k, v)| (k, v)).collect::<Vec<_>>(), &redactor);
    let ending =
        Ending { status, explanation: (!explanation.is_empty()).then(|| explanation.clone()), traceback: Some(explanation.clone()) };
    let status = jobs::finish(ctx, db, JobKind::ProjectUpdate, update_id, &ending, |tx| {
        tx.execute(
            "UPDATE project_update SET stdout = $1, scm_revision = $2, job_args = $3, job_env = $4 WHERE id = $5",
            crate::params![stdout.as_str(), revision.as_str(), json!(args).to_string(), json!(env_safe).to_string(), update_id],
        )?;
        if status == JobStatus::Successful {
            tx.execute(
                "UPDATE project SET scm_revision = $1, modified = $2 WHERE id = $3",
                crate::params![revision.as_str(), crate::time::now_str(), p.id],
            )?;
        }
        Ok(())
    })?;
    Ok(UpdateOutcome {
        id: update_id,
        project: p.name,
        status,
        scm_revision: revision,
        local_path: dir_s,
        job_explanation: explanation,
        elapsed,
    })
}

/// The environment git runs with: askpass script and secrets files in `scratch`.
fn git_env(scratch: &Path, user: &str, password: &str, key: &str, unlock: &str) -> Result<Vec<(String, String)>> {
    let mut env = child_base_env();
    env.retain(|(k, _)| !k.starts_with("GIT_") && k != "SSH_ASKPASS" && k != "SSH_ASKPASS_REQUIRE");
    let sq = |p: &Path| crate::ssh::shell_quote(&p.display().to_string());
    write_secret(scratch, "username", user)?;
    write_secret(scratch, "password", password)?;
    write_secret(scratch, "ssh_key_unlock", unlock)?;
    let askpass = scratch.join("askpass");
    let script = format!(
        "#!/bin/sh\ncase \"$1\" in\n  Username*|username*) cat {};;\n  *assphrase*) cat {};;\n  *) cat {};;\nesac\n",
        sq(&scratch.join("username")),
        sq(&scratch.join("ssh_key_unlock")),
        sq(&scratch.join("password"))
    );
    write_secret(scratch, "askpass", &script)?;
    std::fs::set_permissions(&askpass, std::fs::Permissions::from_mode(0o700)).map_err(|e| Error::io_at(&askpass, &e))?;
    env.push(("GIT_TERMINAL_PROMPT".into(), "0".into()));
    env.push(("GIT_ASKPASS".into(), askpass.display().to_string()));
    env.push(("SSH_ASKPASS".into(), askpass.display().to_string()));
    env.push(("SSH_ASKPASS_REQUIRE".into(), "force".into()));
    env.push(("LC_ALL".into(), "C".into()));
    let mut ssh = "ssh -o StrictHostKeyChecking=accept-new".to_string();
    if !key.trim().is_empty() {
        let mut k = key.replace("\r\n", "\n");
        if !k.ends_with('\n') {
            k.push('\n');
        }
        let kp = write_secret(scratch, "ssh_key", &k)?;
        ssh.push_str(&format!(" -o IdentitiesOnly=yes -i {}", sq(&kp)));
    }
    env.push(("GIT_SSH_COMMAND".into(), ssh));
    Ok(env)
}

/// Clone or fetch, check out the branch/tag/commit, clean; returns the revision.
fn sync(git: &mut Git<'_>, p: &Project, url: &str, dir_s: &str) -> Result<String> {
    if p.scm_delete_on_update && p.dir.exists() {
        git.log.push_str(&format!("removing {} (scm_delete_on_update)\n", p.dir.display()));
        remove_checkout(&p.dir)?;
    }
    if !p.dir.join(".git").exists() {
        if p.dir.exists() && fs_err::read_dir(&p.dir)?.next().is_some() {
            return Err(Error::data(format!("{} exists, is not empty and is not a git checkout", p.dir.display())));
        }
        if let Some(parent) = p.dir.parent() {
            fs_err::create_dir_all(parent)?;
        }
        let parent = p.dir.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("/"));
        git.must(&["clone", "--no-checkout", url, dir_s], Some(&parent))?;
    } else {
        git.must(&["remote", "set-url", "origin", url], None)?;
        git.must(&["fetch", "--prune", "--force", "--tags", "origin"], None)?;
    }
    if !p.scm_refspec.is_empty() {
        git.must(&["fetch", "--force", "origin", &p.scm_refspec], None)?;
    }
    let branch = p.scm_branch.trim();
    if branch.is_empty() {
        let _ = git.run(&["remote", "set-head", "origin", "--auto"], None)?;
        git.must(&["checkout", "--force", "--detach", "refs/remotes/origin/HEAD"], None)?;
    } else {
        let remote_ref = format!("refs/remotes/origin/{branch}");
        let (is_branch, _, _) = git.run(&["rev-parse", "--verify", "--quiet", &remote_ref], None)?;
        if is_branch {
            git.must(&["checkout", "--force", "-B", branch, &remote_ref], None)?;
        } else {
            let target = format!("{branch}^{{commit}}");
            git.must(&["checkout", "--force", "--detach", &target], None)?;
        }
    }
    if p.scm_clean {
        git.must(&["clean", "-f", "-d"], None)?;
    }
    Ok(git.must(&["rev-parse", "HEAD"], None)?.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_failures_keep_what_git_said() {
        let err = "Cloning into '/p/_1__app'...\nfatal: '/nonexistent' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n";
        assert_eq!(
            git_failure("", err),
            "fatal: '/nonexistent' does not appear to be a git repository; fatal: Could not read from remote repository."
        );
        assert_eq!(git_failure("", "something odd\n"), "something odd");
        assert_eq!(git_failure("", &format!("fatal: {}\n", "x".repeat(2000))).chars().count(), 1001);
    }

    #[test]
    fn url_credentials_are_split_out() {
        assert_eq!(
            split_url_credentials("https://bob:p%40ss@git.example.com/r.git"),
            ("https://bob@git.example.com/r.git".into(), "bob".into(), "p@ss".into())
        );
        assert_eq!(split_url_credentials("https://git.example.com/r.git").0, "https://git.example.com/r.git");
        assert_eq!(split_url_credentials("git@github.com:x/y.git").0, "git@github.com:x/y.git");
    }

    #[test]
    fn dir_names() {
        assert_eq!(default_dir_name(3, "My Demo-1"), "_3__my_demo_1");
    }
}
