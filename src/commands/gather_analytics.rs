//! `awxm gather_analytics [--ship | --dry-run]`: collect usage analytics into tarballs in AWX's
//! format and upload them (see `analytics`).

use std::path::PathBuf;

use crate::analytics::{self, GatherReport};
use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report};

fn parse_time(s: &str) -> std::result::Result<crate::time::Timestamp, String> {
    crate::time::parse(s).ok_or_else(|| {
        format!("{s:?} is not a date or time (use RFC 3339 such as 2026-01-02T03:04:05Z, or 2026-01-02, or \"2026-01-02 03:04\"; UTC unless an offset is given)")
    })
}

fn parse_size(s: &str) -> std::result::Result<u64, String> {
    analytics::parse_size(s).ok_or_else(|| format!("{s:?} is not a size from 1 byte to 1 TiB (bytes, or with a unit: 50M, 1G, 512MiB)"))
}

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Gathers what AWX's Automation Analytics collects — config, counts, org_counts, cred_type_counts,
inventory_counts, projects_by_scm_type, instance_info and query_info as JSON; events_table,
unified_jobs_table, unified_job_template_table, workflow_job_node_table and
workflow_job_template_node_table as CSV — into AWX-format tarballs
(<system_uuid>-<until>-<n>.tar.gz, each with config.json and manifest.json), and with --ship
uploads them. Without --ship nothing leaves the machine (a dry run, as in AWX).

The window ends at --until (default: now) and starts at --since, else, per collector, where the
last shipped data ended (automation_analytics_last_entries), never more than 4 weeks back.
Event, job and workflow-node tables go in 4-hour slices, a tarball per slice; a table larger
than automation_analytics_max_table_size is split. Only uploads that succeed move the
bookkeeping, so a failed slice is sent again next time. Tarballs are removed after a run in
which everything shipped (unless --keep) and kept, with their paths printed, otherwise.

SETTINGS (awxm settings set KEY VALUE):
  insights_tracking_state         must be true for --ship
  automation_analytics_url        upload URL
  redhat_username, redhat_password (secret)   HTTP basic auth (or subscriptions_username/_password)
  insights_agent_mime             content type of the file part
  insights_cert_path              CA bundle for TLS (empty: the system trust store)
  automation_analytics_connect_timeout, automation_analytics_read_timeout   seconds (31)
  automation_analytics_upload_retries (3), automation_analytics_retry_backoff (2 s, doubled)
  automation_analytics_max_table_size   bytes per CSV part (100000000)
  automation_analytics_gather_interval  seconds between --scheduled gathers (14400)
  automation_analytics_last_gather, automation_analytics_last_entries   bookkeeping

Unified job and template ids are written as awxm id × 10 + kind (1 job / job template,
2 project update / project, 3 inventory update / inventory source, 4 workflow job / workflow job
template, 5 approval template), so they are unique across kinds as AWX's are: job 42 is 421.

EXAMPLES:
  awxm gather_analytics --dry-run                      # write tarballs locally, print their paths
  awxm gather_analytics --dry-run --since 2026-01-01 --until 2026-01-02 --output-dir /tmp/aa
  awxm settings set insights_tracking_state true
  awxm settings set automation_analytics_url https://console.redhat.com/api/ingress/v1/upload
  awxm settings set redhat_username me; printf '%s' \"$PW\" | awxm settings set redhat_password -
  awxm gather_analytics --ship
  awxm gather_analytics --ship --scheduled             # from a timer: only when the interval passed
  (contrib/systemd/awxm-gather-analytics.{service,timer} run that hourly)

EXIT STATUS:
  0 everything gathered (and shipped); 1 an upload was refused (status >= 300); 69 the upload
  server could not be reached; 2 --ship with --dry-run, or an empty window; 75 another gather
  holds the lock; 78 --ship without insights_tracking_state, URL or credentials.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"mode\": \"ship\"|\"dry_run\", \"collection_type\": \"manual\"|\"scheduled\"|\"dry_run\",
   \"since\": RFC3339|null, \"until\": RFC3339|null, \"output_dir\": str, \"url\": str|null,
   \"tarballs\": [{\"path\", \"size\", \"collectors\": [key], \"members\": [{\"name\", \"version\", \"size\"}],
                 \"start\", \"end\", \"rows\", \"shipped\": bool, \"kept\": bool,
                 \"upload\": {\"ok\", \"status\", \"body\", \"error\", \"attempts\"}|null}],
   \"collectors\": [{\"key\", \"version\", \"format\": \"json\"|\"csv\", \"start\", \"end\", \"slices\", \"rows\",
                   \"tarballs\", \"last_entry\", \"status\": \"ok\"|\"empty\"|\"failed\"|\"gathered\"}],
   \"shipped\": n, \"failed\": n, \"skipped\": str|null, \"last_gather\": RFC3339|null, \"warnings\": [str]}")]
pub struct Args {
    /// Upload the tarballs (needs insights_tracking_state, automation_analytics_url and credentials)
    #[arg(long, conflicts_with = "dry_run")]
    pub ship: bool,
    /// Gather into local tarballs only; never contacts the network (the default without --ship)
    #[arg(long)]
    pub dry_run: bool,
    /// With --ship: do nothing unless automation_analytics_gather_interval has passed since the last gather
    #[arg(long, requires = "ship")]
    pub scheduled: bool,
    /// Start of the window (RFC 3339 or a common date form; UTC unless an offset is given)
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub since: Option<crate::time::Timestamp>,
    /// End of the window [default: now]
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub until: Option<crate::time::Timestamp>,
    /// Where tarballs are written [default: <data_dir>/analytics]
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Split CSV tables into parts of at most this size [default: setting automation_analytics_max_table_size]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_table_size: Option<u64>,
    /// Keep the tarballs even when everything shipped
    #[arg(long)]
    pub keep: bool,
}

pub struct GatherAnalyticsReport(pub GatherReport);

impl serde::Serialize for GatherAnalyticsReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl Report for GatherAnalyticsReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let r = &self.0;
        if let Some(why) = &r.skipped {
            return out.line(format!("nothing gathered: {why}"));
        }
        if r.tarballs.is_empty() {
            return out.line("No analytics collected");
        }
        out.table(
            &["TARBALL", "SIZE", "MEMBERS", "STATUS"],
            r.tarballs.iter().map(|t| {
                let members: Vec<String> = t
                    .members
                    .iter()
                    .filter(|m| m.name != "manifest.json" && (m.name != "config.json" || t.collectors.len() > 1))
                    .map(|m| m.name.clone())
                    .collect();
                let status = match &t.upload {
                    None => "kept (dry run)".to_string(),
                    Some(u) if u.ok => format!(
                        "shipped ({}){}",
                        u.status.map(|s| s.to_string()).unwrap_or_default(),
                        if t.kept { ", kept" } else { ", removed" }
                    ),
                    Some(u) => format!("FAILED, kept: {}", u.error.as_deref().unwrap_or("upload failed")),
                };
                vec![t.path.clone(), crate::output::human_bytes(t.size), members.join(" "), status]
            }),
        )?;
        let total: u64 = r.tarballs.iter().map(|t| t.size).sum();
        match r.mode.as_str() {
            "ship" if r.failed == 0 => out.line(format!(
                "shipped {} tarball(s), {} in all, to {}",
                r.shipped,
                crate::output::human_bytes(total),
                r.url.as_deref().unwrap_or("?")
            )),
            "ship" => out.line(format!(
                "{} of {} tarball(s) failed to ship; all are kept in {}; the next gather resends what failed",
                r.failed,
                r.tarballs.len(),
                r.output_dir
            )),
            _ => out.line(format!(
                "dry run: {} tarball(s), {} in all, written to {} (nothing sent; --ship uploads)",
                r.tarballs.len(),
                crate::output::human_bytes(total),
                r.output_dir
            )),
        }
    }

    fn exit_code(&self) -> u8 {
        self.0.exit_code()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<GatherAnalyticsReport> {
    let opts = analytics::Options {
        ship: args.ship,
        scheduled: args.scheduled,
        since: args.since,
        until: args.until,
        output_dir: args.output_dir,
        max_table_size: args.max_table_size,
        keep: args.keep,
    };
    analytics::gather(ctx, &opts).map(GatherAnalyticsReport)
}
