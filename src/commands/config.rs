//! `awxm config`: the resolved configuration and where each part came from (no database access).

use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm config
  AWXM_DATABASE_URL=postgres://awxm@db/awxm awxm config --format json

Shows the configuration every other command would use, after layering flag > AWXM_* environment
> config file > default. The database URL's password is redacted. The database is not opened.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"database_url\": ..., \"config_files\": [...], \"data_dir\": ...,
   \"database_password_file\": path or null, \"secret_key_file\": ..., \"projects_root\": ..., \"job_output_dir\": ..., \"known_hosts\": ...,
   \"host_key_policy\": ..., \"node_name\": ..., \"lock_timeout\": seconds}")]
pub struct Args {}

#[derive(Debug, Serialize)]
pub struct ConfigReport {
    pub database_url: String,
    pub config_files: Vec<String>,
    /// Where the PostgreSQL password is read from (`database_password_file`), if set.
    pub database_password_file: Option<String>,
    pub data_dir: String,
    pub secret_key_file: String,
    pub projects_root: String,
    pub job_output_dir: String,
    pub known_hosts: Option<String>,
    pub host_key_policy: Option<String>,
    pub node_name: String,
    pub lock_timeout: f64,
}

impl Report for ConfigReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let files = if self.config_files.is_empty() { "(none)".to_string() } else { self.config_files.join(", ") };
        out.pairs([
            ("database", self.database_url.clone()),
            ("config files", files),
            ("database password file", self.database_password_file.clone().unwrap_or_else(|| "(none)".into())),
            ("data dir", self.data_dir.clone()),
            ("secret key file", self.secret_key_file.clone()),
            ("projects root", self.projects_root.clone()),
            ("job output dir", self.job_output_dir.clone()),
            ("known hosts", self.known_hosts.clone().unwrap_or_else(|| "(default)".into())),
            ("host key policy", self.host_key_policy.clone().unwrap_or_else(|| "strict".into())),
            ("node name", self.node_name.clone()),
            ("lock timeout", format!("{}s", self.lock_timeout)),
        ])
    }
}

pub fn run(ctx: &Ctx, _args: Args) -> Result<ConfigReport> {
    let c = &ctx.config;
    let p = |p: &std::path::Path| p.display().to_string();
    Ok(ConfigReport {
        database_url: crate::db::redact_url(&c.database_url),
        config_files: c.sources.iter().map(|s| p(s)).collect(),
        database_password_file: c.database_password_file.as_deref().map(p),
        data_dir: p(&c.data_dir),
        secret_key_file: p(&c.secret_key_file),
        projects_root: p(&c.projects_root),
        job_output_dir: p(&c.job_output_dir),
        known_hosts: c.known_hosts.as_deref().map(p),
        // The policy in effect: strict unless configured (as the human output says).
        host_key_policy: Some(c.host_key_policy.clone().unwrap_or_else(|| "strict".into())),
        node_name: c.node_name.clone(),
        lock_timeout: c.lock_timeout.as_secs_f64(),
    })
}
