//! `awxm heartbeat`: this node's heartbeat and capacity, lost peers, reaping (AWX's
//! cluster_node_heartbeat).

use crate::cluster::capacity;
use crate::cluster::heartbeat::{self, Outcome};
use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Run it every minute on every control node (systemd timer or cron; see contrib/systemd/). In one
transaction it:
  - records this node's heartbeat (this node = AWXM_NODE_NAME / node_name, default the machine's
    hostname; registered as a hybrid instance if missing) with its CPUs, memory and capacity
    (AWX's formulas; 0 when the instance is disabled; settings system_task_forks_cpu/_mem,
    system_task_abs_cpu/_mem and system_task_forks_capacity, or the SYSTEM_TASK_* environment
    variables, override as in AWX);
  - marks control/hybrid peers whose last heartbeat is older than the grace period
    (cluster_node_heartbeat_period x cluster_node_missed_heartbeat_tolerance = 60 x 2 s) as lost:
    capacity 0 and an error, or deleted with awx_auto_deprovision_instances; their running jobs
    (and jobs waiting for over a minute) fail with an explanation naming the lost node;
  - fails this node's own running jobs whose process is gone.
Isolated and execution nodes are checked by `awxm isolated_heartbeat` instead. With -q a routine
beat prints nothing; only peers marked lost or deprovisioned now and the jobs failed or reaped
are printed (warnings go to stderr, which -q silences).

EXAMPLES:
  awxm heartbeat
  AWXM_NODE_NAME=ctl1.example.com awxm heartbeat --format json
  * * * * * awxm awxm heartbeat -q                  # crontab line: silent unless peers were lost

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"node\", \"node_type\", \"registered\": bool, \"rejoined\": bool, \"enabled\",
   \"cpu\", \"memory\", \"cpu_capacity\", \"mem_capacity\", \"capacity\", \"capacity_adjustment\",
   \"version\", \"heartbeat\" (time), \"grace_period\" (seconds),
   \"lost\": [{\"hostname\", \"node_type\", \"last_seen\", \"newly_lost\", \"deprovisioned\",
             \"reaped\": [{\"type\": \"job\"|\"project_update\"|\"inventory_update\", \"id\"}]}],
   \"reaped_local\": [{\"type\", \"id\"}], \"warnings\": [text...]}")]
pub struct Args {
    /// Compute and report everything, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// The heartbeat's outcome and how much of it to say: with `-q` only what happened to others
/// (peers marked lost or deprovisioned now, jobs failed or reaped), so a routine beat from cron
/// or a timer prints nothing.
#[derive(Debug, serde::Serialize)]
pub struct HeartbeatReport {
    #[serde(flatten)]
    pub outcome: Outcome,
    #[serde(skip)]
    pub quiet: bool,
}

impl Report for HeartbeatReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let o = &self.outcome;
        let state = if o.registered {
            " (registered now)"
        } else if o.rejoined {
            " (rejoined the cluster)"
        } else {
            ""
        };
        if !self.quiet {
            out.line(format!(
                "{}{state}: capacity {} (cpu {} -> {}, memory {} -> {}), awxm {}",
                o.node,
                o.capacity.capacity,
                o.capacity.cpu,
                o.capacity.cpu_capacity,
                crate::output::human_bytes(u64::try_from(o.capacity.memory).unwrap_or(0)),
                o.capacity.mem_capacity,
                o.version
            ))?;
        }
        for l in &o.lost {
            if self.quiet && !l.newly_lost && !l.deprovisioned && l.reaped.is_empty() {
                continue;
            }
            let what = if l.deprovisioned {
                "deprovisioned"
            } else if l.newly_lost {
                "marked lost"
            } else {
                "lost"
            };
            let jobs: Vec<String> = l.reaped.iter().map(|j| format!("{} {}", j.kind, j.id)).collect();
            out.line(format!(
                "{}: {what} (last heartbeat {}){}",
                l.hostname,
                l.last_seen.as_deref().unwrap_or("never"),
                if jobs.is_empty() { String::new() } else { format!("; failed {}", jobs.join(", ")) }
            ))?;
        }
        for j in &o.reaped_local {
            out.line(format!("reaped orphaned {} {}", j.kind, j.id))?;
        }
        // Warnings are on stderr already (dropped by -q).
        if !self.quiet {
            for w in &o.warnings {
                out.line(format!("warning: {w}"))?;
            }
        }
        Ok(())
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<HeartbeatReport> {
    let mut db = ctx.db()?;
    let (cpu, mem) = capacity::measure_local();
    let now = ctx.now();
    let node = ctx.config.node_name.clone();
    let out = db.write_maybe(!args.dry_run, |tx| heartbeat::run(tx, &ctx.secrets, &node, &now, cpu, mem))?;
    if !args.dry_run {
        crate::jobs::clean_leftovers(&out.leftovers);
    }
    for w in &out.warnings {
        ctx.out.warn(w);
    }
    Ok(HeartbeatReport { outcome: out, quiet: ctx.out.quiet })
}
