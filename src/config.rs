//! Configuration layering: flag > `AWXM_*` environment > config file > default.
//!
//! clap already gives flag > env for the global options (`#[arg(env = ...)]`); this module fills
//! what is still unset from the YAML config file (`--config`, `AWXM_CONFIG`, else
//! `/etc/awxm/awxm.yaml` overlaid by `$XDG_CONFIG_HOME/awxm/awxm.yaml`) and then from defaults.
//! It is the only module that reads the process environment (besides clap).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::error::{Error, Result};

/// The config file's shape. Unknown keys are refused (a typo would otherwise be silently ignored).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub database: Option<String>,
    pub database_password_file: Option<PathBuf>,
    pub format: Option<String>,
    pub lock_timeout: Option<f64>,
    pub secret_key_file: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub projects_root: Option<PathBuf>,
    pub job_output_dir: Option<PathBuf>,
    pub known_hosts: Option<PathBuf>,
    pub host_key_policy: Option<String>,
    pub ansible_bin_dir: Option<PathBuf>,
    pub node_name: Option<String>,
}

impl FileConfig {
    fn overlay(self, over: FileConfig) -> FileConfig {
        FileConfig {
            database: over.database.or(self.database),
            database_password_file: over.database_password_file.or(self.database_password_file),
            format: over.format.or(self.format),
            lock_timeout: over.lock_timeout.or(self.lock_timeout),
            secret_key_file: over.secret_key_file.or(self.secret_key_file),
            data_dir: over.data_dir.or(self.data_dir),
            projects_root: over.projects_root.or(self.projects_root),
            job_output_dir: over.job_output_dir.or(self.job_output_dir),
            known_hosts: over.known_hosts.or(self.known_hosts),
            host_key_policy: over.host_key_policy.or(self.host_key_policy),
            ansible_bin_dir: over.ansible_bin_dir.or(self.ansible_bin_dir),
            node_name: over.node_name.or(self.node_name),
        }
    }
}

/// Values given on the command line or through the environment (via clap).
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub database: Option<String>,
    pub format: Option<String>,
    pub lock_timeout: Option<f64>,
    pub known_hosts: Option<PathBuf>,
    pub host_key_policy: Option<String>,
}

/// The resolved configuration every command sees.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    /// A file holding the PostgreSQL password (`database_password_file`,
    /// `AWXM_DATABASE_PASSWORD_FILE`; e.g. a systemd credential).
    pub database_password_file: Option<PathBuf>,
    /// libpq's environment variables (`PGHOST`, `PGSSLMODE`, `PGPASSWORD`, …) and `HOME`, for
    /// PostgreSQL connections.
    pub libpq_env: BTreeMap<String, String>,
    pub format: Option<String>,
    pub lock_timeout: Duration,
    pub secret_key_file: PathBuf,
    pub data_dir: PathBuf,
    pub projects_root: PathBuf,
    pub job_output_dir: PathBuf,
    pub known_hosts: Option<PathBuf>,
    pub host_key_policy: Option<String>,
    pub ansible_bin_dir: Option<PathBuf>,
    /// This node's name in the cluster (instance hostname); defaults to the machine's hostname.
    pub node_name: String,
    /// Where the configuration was read from, for diagnostics.
    pub sources: Vec<PathBuf>,
}

pub fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// The longest `--lock-timeout` (and `lock_timeout` in the config file), in seconds: one day.
pub const MAX_LOCK_TIMEOUT: f64 = 86_400.0;

/// Read an environment variable (the one sanctioned place besides clap).
pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn home() -> PathBuf {
    env_path("HOME").unwrap_or_else(|| PathBuf::from("/"))
}

pub fn user_config_dir() -> PathBuf {
    env_path("XDG_CONFIG_HOME").unwrap_or_else(|| home().join(".config")).join("awxm")
}

pub fn user_data_dir() -> PathBuf {
    env_path("XDG_DATA_HOME").unwrap_or_else(|| home().join(".local/share")).join("awxm")
}

fn default_data_dir() -> PathBuf {
    if is_root() { PathBuf::from("/var/lib/awxm") } else { user_data_dir() }
}

fn default_secret_key_file() -> PathBuf {
    if is_root() { PathBuf::from("/etc/awxm/secret.key") } else { user_config_dir().join("secret.key") }
}

fn read_file_config(path: &Path) -> Result<FileConfig> {
    let bytes = fs_err::read(path).map_err(|e| Error::config(e.to_string()))?;
    let text = crate::yaml::utf8_text(bytes, &path.display().to_string()).map_err(|e| Error::config(e.message))?;
    if text.trim().is_empty() {
        return Ok(FileConfig::default());
    }
    let value = crate::yaml::parse_one(&text, &path.display().to_string()).map_err(|e| Error::config(e.message))?;
    if let Some(v) = value.get("lock_timeout")
        && !v.is_number()
    {
        let max = MAX_LOCK_TIMEOUT;
        return Err(Error::config(format!("{}: lock_timeout: {v} is not a number of seconds (allowed: 0 to {max})", path.display())));
    }
    serde_json::from_value(value).map_err(|e| Error::config(format!("{}: {e}", path.display())))
}

fn sources_text(sources: &[PathBuf]) -> String {
    sources.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" / ")
}

pub fn hostname() -> String {
    nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok()).unwrap_or_else(|| "localhost".to_string())
}

impl Config {
    /// What PostgreSQL connections take from the environment and the configuration.
    pub fn pg_options(&self) -> crate::db::PgOptions {
        crate::db::PgOptions { env: self.libpq_env.clone(), password_file: self.database_password_file.clone() }
    }

    pub fn resolve(ov: &Overrides) -> Result<Config> {
        let mut sources = Vec::new();
        let file = match &ov.config {
            Some(path) => {
                if !path.exists() {
                    return Err(Error::config(format!("config file {} does not exist", path.display())));
                }
                sources.push(path.clone());
                read_file_config(path)?
            }
            None => {
                let mut merged = FileConfig::default();
                for path in [PathBuf::from("/etc/awxm/awxm.yaml"), user_config_dir().join("awxm.yaml")] {
                    if path.is_file() {
                        merged = merged.overlay(read_file_config(&path)?);
                        sources.push(path);
                    }
                }
                merged
            }
        };
        let data_dir = file.data_dir.clone().unwrap_or_else(default_data_dir);
        let database_url = match ov.database.clone().or(file.database.clone()) {
            Some(url) => url,
            None => format!("sqlite://{}", data_dir.join("awxm.db").display()),
        };
        let lock_timeout = ov.lock_timeout.or(file.lock_timeout).unwrap_or(30.0);
        let max = MAX_LOCK_TIMEOUT;
        let Some(lock_timeout) = crate::time::seconds_in(lock_timeout, 0.0, max) else {
            let from = if ov.lock_timeout.is_some() {
                "--lock-timeout".to_string()
            } else {
                format!("lock_timeout in {}", sources_text(&sources))
            };
            return Err(Error::config(format!("{from}: {lock_timeout} is out of range (allowed: 0 to {max} seconds)")));
        };
        let host_key_policy = ov.host_key_policy.clone().or(file.host_key_policy.clone());
        if let Some(p) = &host_key_policy
            && p != "strict"
            && p != "accept-new"
        {
            return Err(Error::config(format!("host_key_policy must be strict or accept-new, not {p:?}")));
        }
        let mut libpq_env = BTreeMap::new();
        for var in crate::db::pgconn::ENV_VARS.iter().map(|(_, v)| *v).chain(["HOME"]) {
            if let Some(v) = env_var(var) {
                libpq_env.insert(var.to_string(), v);
            }
        }
        Ok(Config {
            database_url,
            database_password_file: env_path("AWXM_DATABASE_PASSWORD_FILE").or(file.database_password_file.clone()),
            libpq_env,
            format: ov.format.clone().or(file.format.clone()),
            lock_timeout,
            secret_key_file: env_path("AWXM_SECRET_KEY_FILE").or(file.secret_key_file.clone()).unwrap_or_else(default_secret_key_file),
            projects_root: file.projects_root.clone().unwrap_or_else(|| data_dir.join("projects")),
            job_output_dir: file.job_output_dir.clone().unwrap_or_else(|| data_dir.join("job_output")),
            known_hosts: ov.known_hosts.clone().or(file.known_hosts.clone()),
            host_key_policy,
            ansible_bin_dir: env_path("AWXM_ANSIBLE_BIN_DIR").or(file.ansible_bin_dir.clone()),
            node_name: env_var("AWXM_NODE_NAME").or(file.node_name.clone()).unwrap_or_else(hostname),
            data_dir,
            sources,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_prefers_the_later_file() {
        let a = FileConfig { database: Some("a".into()), format: Some("json".into()), ..Default::default() };
        let b = FileConfig { database: Some("b".into()), ..Default::default() };
        let m = a.overlay(b);
        assert_eq!(m.database.as_deref(), Some("b"));
        assert_eq!(m.format.as_deref(), Some("json"));
    }
}
