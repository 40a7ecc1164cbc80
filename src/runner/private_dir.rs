//! (a) Building a job's private data directory (AWX §7.2, ansible-runner's input layout), and
//! from it the command, environment and prompt table of the run.
//!
//! ```text
//! awx_<job id>_<random>/          mode 0700, removed afterwards unless kept
//!   inventory/hosts               executable inventory script (or hosts.json)
//!   env/extravars                 extra vars (YAML, strings !unsafe), mode 0400
//!   env/cmdline                   the ansible-playbook options, shell-quoted, mode 0400
//!   env/ssh_key                   private key (0600), only until ssh-add has read it
//!   callback/awxm_display.py      the events callback plugin
//!   cp/                           SSH ControlPath sockets (ANSIBLE_SSH_CONTROL_PATH_DIR)
//!   artifacts/<job id>/           stdout, job_events.jsonl, command, status, rc
//!   artifacts/<job id>/fact_cache/ the hosts' facts (use_fact_cache; Ansible's jsonfile cache)
//! ```
//!
//! Nothing here touches the database or starts the job, so a remote flow can build the same
//! directory, copy it to a node and start it there.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Map, Value as Json};

use super::extravars::{self, JinjaPolicy};
use super::inventory::InventoryFormat;
use super::process::{Prompts, PtyCommand};
use super::redact::{self, Redactor};
use super::spec::JobSpec;
use crate::error::{Error, Result};
use crate::ssh::shell_quote;

/// The callback plugin, shipped inside the binary.
pub const CALLBACK_PLUGIN: &str = include_str!("awxm_display.py");
pub const CALLBACK_NAME: &str = "awxm_display";

/// A private data directory; removed on drop unless [`keep`](Self::keep) was called.
#[derive(Debug)]
pub struct PrivateDir {
    pub root: PathBuf,
    pub artifacts: PathBuf,
    keep: bool,
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::io_at(path, &e)
}

impl PrivateDir {
    /// `<base>/awx_<job id>_<random>`, mode 0700, with its sub-directories.
    pub fn create(base: &Path, job_id: i64, ident: &str) -> Result<PrivateDir> {
        fs_err::create_dir_all(base)?;
        let mut root = None;
        for _ in 0..16 {
            let suffix: String = uuid::Uuid::new_v4().simple().to_string()[..8].to_string();
            let p = base.join(format!("awx_{job_id}_{suffix}"));
            match std::fs::DirBuilder::new().mode(0o700).create(&p) {
                Ok(()) => {
                    root = Some(p);
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io(&p, e)),
            }
        }
        let root = root.ok_or_else(|| Error::io(format!("cannot create a private data directory in {}", base.display())))?;
        let dir = PrivateDir { artifacts: root.join("artifacts").join(ident), root, keep: false };
        for sub in ["env", "inventory", "callback", "cp", "artifacts"] {
            let p = dir.root.join(sub);
            std::fs::DirBuilder::new().mode(0o700).create(&p).map_err(|e| io(&p, e))?;
        }
        std::fs::DirBuilder::new().mode(0o700).create(&dir.artifacts).map_err(|e| io(&dir.artifacts, e))?;
        Ok(dir)
    }

    /// Write `rel` with `mode` (created exclusively; the directory is ours alone).
    pub fn write(&self, rel: &str, content: &[u8], mode: u32) -> Result<PathBuf> {
        let p = self.root.join(rel);
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&p).map_err(|e| io(&p, e))?;
        f.write_all(content).map_err(|e| io(&p, e))?;
        drop(f);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).map_err(|e| io(&p, e))?;
        Ok(p)
    }

    pub fn events_file(&self) -> PathBuf {
        self.artifacts.join("job_events.jsonl")
    }

    pub fn stdout_file(&self) -> PathBuf {
        self.artifacts.join("stdout")
    }

    /// Keep the directory after the run (`--keep-artifacts`).
    pub fn keep(&mut self) {
        self.keep = true;
    }

    pub fn is_kept(&self) -> bool {
        self.keep
    }

    /// Make a kept directory safe to keep: key material ([`KEY_FILES`]) and sockets are
    /// removed, and every other file (stdout, job_events.jsonl, the inventory, …) is redacted
    /// like stored events.
    pub fn scrub(&self, redactor: &Redactor) -> Result<()> {
        self.remove_key_material();
        scrub_tree(&self.root, redactor)
    }

    fn remove_key_material(&self) {
        for rel in KEY_FILES {
            let p = self.root.join(rel);
            if let Err(e) = std::fs::remove_file(&p)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                tracing::warn!("could not remove {}: {e}", p.display());
            }
        }
    }
}

/// Files of a private data directory that hold key material: never kept.
pub const KEY_FILES: &[&str] = &["env/ssh_key"];

/// Redact every regular file under `dir` (symbolic links are not followed); remove sockets.
fn scrub_tree(dir: &Path, redactor: &Redactor) -> Result<()> {
    use std::os::unix::fs::FileTypeExt;
    let entries = std::fs::read_dir(dir).map_err(|e| io(dir, e))?;
    for e in entries {
        let e = e.map_err(|e| io(dir, e))?;
        let p = e.path();
        let ft = e.file_type().map_err(|e| io(&p, e))?;
        if ft.is_dir() {
            scrub_tree(&p, redactor)?;
        } else if ft.is_socket() {
            let _ = std::fs::remove_file(&p);
        } else if ft.is_file() {
            redact::redact_file(&p, redactor)?;
        }
    }
    Ok(())
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        if self.keep {
            // Whatever happened, a kept directory holds no key.
            self.remove_key_material();
        } else if let Err(e) = std::fs::remove_dir_all(&self.root)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!("could not remove {}: {e}", self.root.display());
        }
    }
}

/// Inputs to [`build`] that do not come from the job record.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Where private data directories are created.
    pub base_dir: PathBuf,
    /// The `ansible-playbook` to run.
    pub ansible_playbook: PathBuf,
    /// The project checkout (the working directory of the run).
    pub project_dir: PathBuf,
    pub project_revision: String,
    pub inventory_format: InventoryFormat,
    pub max_forks: i64,
    pub jinja: JinjaPolicy,
    /// `AWX_TASK_ENV`: extra environment for every job.
    pub task_env: Map<String, Json>,
    pub tower_url_base: String,
    /// `DEFAULT_JOB_TIMEOUT` (seconds; 0 = none).
    pub default_timeout: i64,
    /// The environment inherited by the job (awxm's own, without AWXM_* variables).
    pub base_env: Vec<(String, String)>,
    /// Whether an ssh-agent will hold the key (else `--private-key` on a 0600 file).
    pub use_agent: bool,
}

/// Everything needed to start the run.
#[derive(Debug)]
pub struct Prepared {
    pub dir: PrivateDir,
    pub command: PtyCommand,
    pub prompts: Prompts,
    pub redactor: Redactor,
    /// The environment as stored with the job (sensitive values masked).
    pub safe_env: Map<String, Json>,
    /// argv as stored with the job (contains no secrets).
    pub job_args: Vec<String>,
    pub timeout: Option<Duration>,
    /// Messages for the job output (capped forks, credentials not injected …).
    pub warnings: Vec<String>,
    /// A private key to load into the job's ssh-agent before starting: (file, passphrase).
    pub ssh_key: Option<(PathBuf, String)>,
    /// The fact cache given to the run (`use_fact_cache`).
    pub fact_cache: Option<super::facts::FactCache>,
}

fn prepend_path(existing: Option<&String>, dir: &str) -> String {
    match existing {
        Some(e) if !e.is_empty() => format!("{dir}:{e}"),
        _ => dir.to_string(),
    }
}

/// Build the private data directory and the command for `spec`.
pub fn build(spec: &JobSpec, o: &BuildOptions) -> Result<Prepared> {
    spec.validate()?;
    let ident = spec.id.to_string();
    let dir = PrivateDir::create(&o.base_dir, spec.id, &ident)?;
    let mut warnings = Vec::new();
    let redactor = Redactor::new(spec.secrets());

    // Inventory.
    let inv = spec.inventory.as_ref().ok_or_else(|| Error::data("Job could not start because it does not have a valid inventory."))?;
    let (inv_name, inv_text, exec) = inv.render(o.inventory_format);
    let inv_path = dir.write(&format!("inventory/{inv_name}"), inv_text.as_bytes(), if exec { 0o700 } else { 0o600 })?;

    // Extra vars.
    let ev = spec.extra_vars_with_meta(&o.project_revision);
    let ev_path = dir.write("env/extravars", extravars::to_yaml(&ev, &spec.template_extra_vars, o.jinja).as_bytes(), 0o400)?;

    // Callback plugin.
    dir.write(&format!("callback/{CALLBACK_NAME}.py"), CALLBACK_PLUGIN.as_bytes(), 0o600)?;

    // Options and argv.
    let mut options = if spec.is_ad_hoc() { spec.ad_hoc_options() } else { spec.options(o.max_forks, &mut warnings) };
    let ssh_key = machine_key(spec, o, &dir, &mut options)?;
    for other in &spec.others {
        warnings.push(format!("credential {:?} of kind {} is not injected into the job by awxm", other.name, other.kind));
    }
    let cmdline: Vec<String> = options.iter().map(|s| shell_quote(s)).collect();
    dir.write("env/cmdline", format!("{}\n", cmdline.join(" ")).as_bytes(), 0o400)?;
    let (program, cwd, argv) = command_line(spec, o, &dir, &inv_path, &ev_path, options)?;

    let mut env = job_env(spec, o, &dir, inv.id, &ident);
    // The fact cache (AWX: runner's fact_cache with the jsonfile plugin).
    let fact_cache = if spec.use_fact_cache {
        let cache = super::facts::FactCache::write(&dir.artifacts.join("fact_cache"), &spec.facts)?;
        env.insert("ANSIBLE_CACHE_PLUGIN".into(), "jsonfile".into());
        env.insert("ANSIBLE_CACHE_PLUGIN_CONNECTION".into(), cache.dir.display().to_string());
        Some(cache)
    } else {
        None
    };

    let safe_env = redact::safe_env(env.iter(), &redactor);
    // A secret typed into an argument (an ad hoc module's arguments, a limit) is stored redacted.
    let job_args: Vec<String> = argv.iter().map(|a| redactor.redact(a).into_owned()).collect();
    let command_json = serde_json::json!({"command": job_args, "cwd": cwd.display().to_string(), "env": safe_env});
    dir.write(&format!("artifacts/{ident}/command"), command_json.to_string().as_bytes(), 0o600)?;

    let command = PtyCommand { program, args: argv[1..].to_vec(), cwd, env: env.into_iter().collect() };
    Ok(Prepared {
        prompts: spec.prompts()?,
        redactor,
        safe_env,
        job_args,
        timeout: job_timeout(spec.timeout, o.default_timeout),
        warnings,
        ssh_key,
        command,
        dir,
        fact_cache,
    })
}

/// The machine credential's private key, written to a 0600 file: loaded into the job's
/// ssh-agent (returned with its passphrase), or passed as `--private-key` when no agent runs.
fn machine_key(spec: &JobSpec, o: &BuildOptions, dir: &PrivateDir, options: &mut Vec<String>) -> Result<Option<(PathBuf, String)>> {
    let mut ssh_key = None;
    if let Some(m) = &spec.machine
        && !m.ssh_key_data.trim().is_empty()
    {
        let mut key = m.ssh_key_data.replace("\r\n", "\n");
        if !key.ends_with('\n') {
            key.push('\n');
        }
        let path = dir.write("env/ssh_key", key.as_bytes(), 0o600)?;
        if o.use_agent {
            ssh_key = Some((path, m.ssh_key_unlock.clone()));
        } else {
            if !m.ssh_key_unlock.is_empty() {
                return Err(Error::unavailable(format!(
                    "credential {:?}: a passphrase-protected key needs ssh-agent, which is not installed",
                    m.name
                )));
            }
            options.push("--private-key".into());
            options.push(path.display().to_string());
        }
    }
    Ok(ssh_key)
}

/// The program, its working directory and argv: `ansible-playbook … PLAYBOOK` in the project
/// checkout, or for an ad hoc command `ansible … -m MODULE [-a ARGS] LIMIT` in the private
/// directory.
fn command_line(
    spec: &JobSpec,
    o: &BuildOptions,
    dir: &PrivateDir,
    inv_path: &Path,
    ev_path: &Path,
    options: Vec<String>,
) -> Result<(PathBuf, PathBuf, Vec<String>)> {
    // An ad hoc command runs `ansible` (beside ansible-playbook) in its private directory.
    let (program, cwd) = if spec.is_ad_hoc() {
        (o.ansible_playbook.with_file_name("ansible"), dir.root.join("project"))
    } else {
        (o.ansible_playbook.clone(), o.project_dir.clone())
    };
    if spec.is_ad_hoc() {
        std::fs::create_dir_all(&cwd).map_err(|e| Error::io_at(&cwd, &e))?;
    } else if spec.playbook.is_empty() {
        return Err(Error::data("the job has no playbook"));
    }
    let mut argv = vec![program.display().to_string(), "-i".into(), inv_path.display().to_string()];
    argv.extend(options);
    argv.push("-e".into());
    argv.push(format!("@{}", ev_path.display()));
    if spec.is_ad_hoc() {
        argv.push("-m".into());
        argv.push(spec.module_name.clone());
        if !spec.module_args.is_empty() {
            argv.push("-a".into());
            argv.push(spec.module_args.clone());
        }
        argv.push(if spec.limit.is_empty() { "all".into() } else { spec.limit.clone() });
    } else {
        argv.push(spec.playbook.clone());
    }
    Ok((program, cwd, argv))
}

/// The job's environment: the inherited one, `AWX_TASK_ENV`, the venv's bin directory first
/// on PATH, and the variables AWX sets for a run (callback plugin, private directory, ids),
/// with a UTF-8 locale.
fn job_env(spec: &JobSpec, o: &BuildOptions, dir: &PrivateDir, inventory_id: i64, ident: &str) -> BTreeMap<String, String> {
    let mut env: BTreeMap<String, String> = o.base_env.iter().cloned().collect();
    for (k, v) in &o.task_env {
        env.insert(
            k.clone(),
            match v {
                Json::String(s) => s.clone(),
                other => other.to_string(),
            },
        );
    }
    let bin_dir = o.ansible_playbook.parent().map(|p| p.display().to_string()).unwrap_or_default();
    if !bin_dir.is_empty() {
        let path = prepend_path(env.get("PATH"), &bin_dir);
        env.insert("PATH".into(), path);
        if let Some(venv) = o.ansible_playbook.parent().and_then(Path::parent)
            && venv.join("pyvenv.cfg").is_file()
        {
            env.insert("VIRTUAL_ENV".into(), venv.display().to_string());
        }
    }
    let cb_dir = dir.root.join("callback").display().to_string();
    let callbacks = prepend_path(env.get("ANSIBLE_CALLBACK_PLUGINS"), &cb_dir);
    let fixed: Vec<(&str, String)> = vec![
        ("ANSIBLE_FORCE_COLOR", "True".into()),
        ("ANSIBLE_HOST_KEY_CHECKING", "False".into()),
        ("ANSIBLE_INVENTORY_UNPARSED_FAILED", "True".into()),
        ("ANSIBLE_PARAMIKO_RECORD_HOST_KEYS", "False".into()),
        ("ANSIBLE_RETRY_FILES_ENABLED", "False".into()),
        ("ANSIBLE_STDOUT_CALLBACK", CALLBACK_NAME.into()),
        ("ANSIBLE_CALLBACK_PLUGINS", callbacks),
        ("ANSIBLE_SSH_CONTROL_PATH_DIR", dir.root.join("cp").display().to_string()),
        ("AWX_PRIVATE_DATA_DIR", dir.root.display().to_string()),
        ("AWX_ISOLATED_DATA_DIR", dir.artifacts.display().to_string()),
        ("AWX_HOST", o.tower_url_base.clone()),
        ("JOB_ID", spec.id.to_string()),
        ("INVENTORY_ID", inventory_id.to_string()),
        ("PROJECT_REVISION", o.project_revision.clone()),
        ("MAX_EVENT_RES", "700000".into()),
        ("AWXM_EVENTS_FILE", dir.events_file().display().to_string()),
        ("AWXM_RUNNER_IDENT", ident.to_string()),
        ("PYTHONUNBUFFERED", "1".into()),
    ];
    for (k, v) in fixed {
        env.insert(k.to_string(), v);
    }
    if spec.is_ad_hoc() {
        // AWX's additions for ad hoc commands; callbacks load for `ansible` only with
        // ANSIBLE_LOAD_CALLBACK_PLUGINS.
        for (k, v) in [
            ("AD_HOC_COMMAND_ID", spec.id.to_string()),
            ("INVENTORY_HOSTVARS", "True".into()),
            ("ANSIBLE_LOAD_CALLBACK_PLUGINS", "1".into()),
            ("ANSIBLE_SFTP_BATCH_MODE", "False".into()),
        ] {
            env.insert(k.to_string(), v);
        }
    }
    // Colour is decided by ANSIBLE_FORCE_COLOR; awxm strips it for display where needed.
    env.remove("NO_COLOR");
    // Ansible refuses to run without a UTF-8 locale (cron and systemd often give C/POSIX).
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|k| env.get(*k).filter(|v| !v.is_empty()).cloned()).unwrap_or_default();
    let l = locale.to_ascii_lowercase();
    if !(l.contains("utf-8") || l.contains("utf8")) {
        env.insert("LC_ALL".into(), "C.UTF-8".into());
    }
    env
}

/// The job's own timeout (seconds; negative = none), else `DEFAULT_JOB_TIMEOUT` (0 = none).
fn job_timeout(own: i64, default: i64) -> Option<Duration> {
    match own {
        t if t > 0 => Some(Duration::from_secs(t as u64)),
        t if t < 0 => None,
        _ if default > 0 => Some(Duration::from_secs(default as u64)),
        _ => None,
    }
}

/// Find an executable: in `dir` when given, else on `PATH`.
pub fn find_program(name: &str, dir: Option<&Path>, path_env: Option<&str>) -> Option<PathBuf> {
    let is_exec = |p: &Path| p.metadata().map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false);
    if let Some(d) = dir {
        let p = d.join(name);
        return is_exec(&p).then_some(p);
    }
    for d in path_env.unwrap_or("/usr/local/bin:/usr/bin:/bin").split(':').filter(|d| !d.is_empty()) {
        let p = Path::new(d).join(name);
        if is_exec(&p) {
            return Some(p);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::inventory::Inventory;
    use crate::runner::spec::Machine;

    #[test]
    fn build_writes_a_private_layout_without_secrets_in_argv() {
        let base = tempfile::tempdir().unwrap();
        let mut spec = JobSpec {
            id: 42,
            playbook: "site.yml".into(),
            inventory: Some(Inventory { id: 3, name: "inv".into(), ..Default::default() }),
            machine: Some(Machine {
                name: "m".into(),
                password: "sup3r-secret".into(),
                ssh_key_data: "KEYDATA-xyz".into(),
                ..Default::default()
            }),
            timeout: 0,
            ..Default::default()
        };
        spec.extra_vars.insert("token".into(), Json::from("{{ lookup('env', 'HOME') }}"));
        let o = BuildOptions {
            base_dir: base.path().to_path_buf(),
            ansible_playbook: "/opt/venv/bin/ansible-playbook".into(),
            project_dir: base.path().to_path_buf(),
            project_revision: String::new(),
            inventory_format: InventoryFormat::Script,
            max_forks: 200,
            jinja: JinjaPolicy::Template,
            task_env: Map::new(),
            tower_url_base: "https://x".into(),
            default_timeout: 60,
            base_env: vec![("PATH".into(), "/usr/bin".into()), ("DB_PASSWORD".into(), "sup3r-secret".into())],
            use_agent: true,
        };
        let p = build(&spec, &o).unwrap();
        let mode = |rel: &str| std::fs::metadata(p.dir.root.join(rel)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(""), 0o700);
        assert_eq!(mode("env/extravars"), 0o400);
        assert_eq!(mode("env/ssh_key"), 0o600);
        assert_eq!(mode("inventory/hosts"), 0o700);
        assert!(p.job_args.iter().all(|a| !a.contains("sup3r-secret") && !a.contains("KEYDATA")));
        assert!(p.job_args.contains(&"--ask-pass".to_string()));
        assert_eq!(p.safe_env["DB_PASSWORD"], redact::SAFE_ENV_MASK);
        assert_eq!(p.command.env.iter().find(|(k, _)| k == "PATH").unwrap().1, "/opt/venv/bin:/usr/bin");
        assert_eq!(p.timeout, Some(Duration::from_secs(60)));
        let ev = std::fs::read_to_string(p.dir.root.join("env/extravars")).unwrap();
        assert!(ev.contains("\"token\": !unsafe \"{{ lookup('env', 'HOME') }}\""), "{ev}");
        let root = p.dir.root.clone();
        drop(p);
        assert!(!root.exists(), "removed on drop");
    }
}
