//! `awxm isolated_heartbeat`: probe isolated and execution nodes over SSH, in parallel, and
//! record their capacity (AWX's awx_isolated_heartbeat).

use std::time::Duration;

use crate::cluster::isolated::{self, Outcome, Request};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report, human_bytes};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Every enabled isolated/execution instance (or those given with --instance) is probed over SSH
in parallel: CPU count, memory, a working ansible-playbook (in the instance's ansible_bin_dir,
else on PATH) and its ansible-core version, a writable work directory (created 0700 when
missing) and its disk usage. Capacity follows AWX's formulas:
  cpu_capacity = cpus x system_task_forks_cpu (4)
  mem_capacity = max(1, (MiB - 2048) // system_task_forks_mem (100))
  capacity     = min + (max - min) x capacity_adjustment   (system_task_forks_capacity overrides)
A node that cannot be reached, or fails the probe, gets capacity 0 and its errors recorded; it
is back as soon as it answers again. Nodes in an instance group controlled by a group this node
(AWXM_NODE_NAME) is not a member of are left to their controllers.

Jobs that ran on a node and finished while their controller could not reach it (node lost, or
cleanup failed) leave their directory there: once the node answers, what is left of each such
job is stopped and its directory removed (reported as reaped_jobs).

Host keys are checked against the known_hosts file (--known-hosts, default
/var/lib/awxm/known_hosts as root) under --host-key-policy (strict by default; accept-new
records keys seen for the first time). A changed host key is always refused.

EXAMPLES:
  awxm isolated_heartbeat
  awxm isolated_heartbeat --instance iso1 --instance iso2 --timeout 5
  awxm --host-key-policy accept-new isolated_heartbeat      # first contact with new nodes
  awxm isolated_heartbeat --claim -q                        # from a timer on several controllers

EXIT STATUS:
  0 every probed node answered; 1 some did not (they now have capacity 0).

JSON OUTPUT (--format json):
  {\"format_version\": 1,
   \"instances\": [{\"hostname\", \"node_type\", \"address\", \"enabled\", \"reachable\": bool,
                   \"capacity\", \"cpu\", \"memory\" (bytes), \"cpu_capacity\", \"mem_capacity\",
                   \"capacity_adjustment\", \"version\" (\"ansible-core-X.Y.Z\"), \"ansible_version\",
                   \"ansible_playbook\", \"work_dir\", \"work_dir_usage\" (bytes), \"work_dir_free\"
                   (bytes), \"host_key_fingerprint\", \"host_key_added\": bool, \"rejoined\": bool,
                   \"reaped_jobs\": [job id...], \"errors\": [text...], \"elapsed\" (seconds)}],
   \"skipped\": [{\"hostname\", \"reason\"}], \"probed\", \"failed\", \"parallel\", \"elapsed\"}")]
pub struct Args {
    /// Probe only this instance (repeatable); also disabled ones
    #[arg(long = "instance", value_name = "HOSTNAME")]
    pub instances: Vec<String>,
    /// Seconds to connect to a node [default: setting awx_isolated_connection_timeout (10)]
    #[arg(long, value_name = "SECONDS", value_parser = crate::cli::seconds(0.1, 3600.0))]
    pub timeout: Option<f64>,
    /// Seconds the probe may run on a node once connected
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = crate::cli::seconds(0.1, 86_400.0))]
    pub probe_timeout: f64,
    /// Nodes probed at once
    #[arg(long, value_name = "N", default_value_t = 32, value_parser = crate::cli::whole::<usize>(1, 1024))]
    pub parallel: usize,
    /// Skip nodes another controller checked recently and claim the rest first
    #[arg(long)]
    pub claim: bool,
}

impl Report for Outcome {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        if self.instances.is_empty() {
            out.line("no isolated or execution instances to probe")?;
        } else {
            out.table(
                &["HOSTNAME", "CAPACITY", "CPU", "MEMORY", "CPU_CAP", "MEM_CAP", "VERSION", "WORK_DIR_USED", "TIME", "ERRORS"],
                self.instances.iter().map(|n| {
                    vec![
                        n.hostname.clone(),
                        n.capacity.to_string(),
                        n.cpu.to_string(),
                        human_bytes(u64::try_from(n.memory).unwrap_or(0)),
                        n.cpu_capacity.to_string(),
                        n.mem_capacity.to_string(),
                        n.version.clone(),
                        n.work_dir_usage.map(|b| human_bytes(u64::try_from(b).unwrap_or(0))).unwrap_or_default(),
                        format!("{:.2}s", n.elapsed),
                        n.errors.join("; "),
                    ]
                }),
            )?;
        }
        for s in &self.skipped {
            out.line(format!("skipped {}: {}", s.hostname, s.reason))?;
        }
        if self.failed > 0 {
            out.line(format!("{} of {} nodes failed ({:.2}s)", self.failed, self.probed, self.elapsed))?;
        }
        Ok(())
    }
    fn exit_code(&self) -> u8 {
        if self.failed > 0 { 1 } else { 0 }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Outcome> {
    if args.parallel == 0 {
        return Err(Error::usage("--parallel must be at least 1"));
    }
    if !(args.probe_timeout.is_finite() && args.probe_timeout > 0.0) {
        return Err(Error::usage("--probe-timeout must be a positive number of seconds"));
    }
    let req = Request {
        instances: args.instances,
        parallel: args.parallel,
        connect_timeout: args.timeout,
        probe_timeout: Duration::from_secs_f64(args.probe_timeout),
        claim: args.claim,
    };
    isolated::run(ctx, &req)
}
