//! `awxm metrics`: AWX's `/api/v2/metrics` as Prometheus text, on stdout or atomically into
//! node_exporter's textfile-collector directory.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::metrics::{self, Family};
use crate::output::{Human, Report};

/// The file `--textfile DIR` writes (node_exporter reads `*.prom`).
pub const TEXTFILE_NAME: &str = "awxm.prom";

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
What AWX's /api/v2/metrics gives, in the Prometheus text format (0.0.4), read from the database
in one transaction (read-only). AWX's names and labels where AWX has the metric:
  awx_system_info{install_uuid, insights_analytics, tower_url_base, tower_version, license_type,
    license_expiry, pendo_tracking, external_logger_enabled, external_logger_type} 1
  awx_organizations_total, awx_users_total, awx_teams_total, awx_inventories_total,
  awx_projects_total, awx_job_templates_total, awx_workflow_job_templates_total,
  awx_hosts_total{type=all|active}, awx_schedules_total, awx_database_connections_total
  awx_running_jobs_total (running and waiting), awx_pending_jobs_total
  awx_status_total{status}: unified jobs of every kind by status (all but new)
  awx_instance_capacity, awx_instance_consumed_capacity, awx_instance_remaining_capacity
    {hostname, instance_uuid, node_type}; awx_instance_cpu, awx_instance_memory
    {hostname, instance_uuid}; awx_instance_info{..., enabled, managed_by_policy, version} 1
  awx_instance_launch_type_total{node, launch_type}, awx_instance_status_total{node, status}
  awx_license_instance_total, awx_license_instance_free
and awxm's own:
  awxm_instance_last_heartbeat_timestamp_seconds, awxm_instance_last_heartbeat_age_seconds
    {hostname, instance_uuid, node_type} (nodes that have sent one)
  awxm_license_hosts_used, awxm_license_time_remaining_seconds (with a license that expires)

--textfile DIR writes DIR/awxm.prom for node_exporter's textfile collector
(--collector.textfile.directory): a temporary file in DIR, flushed to disk, renamed over the
old one, so the collector never reads half a file; it prints nothing. contrib/systemd has a
service and timer that do this every minute.

EXAMPLES:
  awxm metrics
  awxm metrics --textfile /var/lib/prometheus/node-exporter
  awxm metrics --format json | jq '.metrics[] | select(.name == \"awx_status_total\")'

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"metrics\": [{\"name\", \"help\", \"type\": \"gauge\",
    \"samples\": [{\"labels\": [[name, value]], \"value\": number}]}]}
  (--textfile: {\"format_version\": 1, \"path\": \"DIR/awxm.prom\", \"samples\": N})")]
pub struct Args {
    /// Write DIR/awxm.prom atomically (for node_exporter's textfile collector) instead of stdout
    #[arg(long, value_name = "DIR")]
    pub textfile: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum MetricsReport {
    Text { metrics: Vec<Family> },
    Written { path: String, samples: usize },
}

impl Report for MetricsReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            MetricsReport::Text { metrics: m } => out.write_raw(metrics::render(m).as_bytes()),
            MetricsReport::Written { .. } => Ok(()),
        }
    }
}

/// Write `text` as `dir/name` so that a reader sees the old file or the new one, never a part:
/// a temporary file in the same directory (a name node_exporter ignores), synced, renamed.
pub fn write_atomically(dir: &Path, name: &str, text: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o644).open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io_at(&path, &e));
    }
    Ok(path)
}

pub fn run(ctx: &Ctx, args: Args) -> Result<MetricsReport> {
    if let Some(dir) = &args.textfile
        && !dir.is_dir()
    {
        return Err(Error::not_found(format!("--textfile {}: no such directory", dir.display())));
    }
    let mut db = ctx.db()?;
    let node = ctx.config.node_name.clone();
    let fams = db.read(|tx| metrics::collect(tx, &ctx.secrets, &node, ctx.now()))?;
    match args.textfile {
        Some(dir) => {
            let path = write_atomically(&dir, TEXTFILE_NAME, &metrics::render(&fams))?;
            Ok(MetricsReport::Written { path: path.display().to_string(), samples: fams.iter().map(|f| f.samples.len()).sum() })
        }
        None => Ok(MetricsReport::Text { metrics: fams }),
    }
}
