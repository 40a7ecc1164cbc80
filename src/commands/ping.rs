//! `awxm ping`: the cluster at a glance (AWX's /api/v2/ping).

use crate::cluster::ping::{self, Ping};
use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Reads the database only. Consumed capacity is the task impact of running and waiting jobs
(AWX's rule: a job uses min(hosts, forks or 5) + 1, an inventory update 1, a project update 1).

EXAMPLES:
  awxm ping
  awxm ping --format json | jq '.instances[] | select(.capacity == 0) | .node'

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"ha\": bool, \"version\", \"active_node\", \"active_node_registered\": bool,
   \"install_uuid\", \"database\", \"capacity\", \"consumed_capacity\",
   \"instances\": [{\"node\", \"uuid\", \"node_type\", \"enabled\", \"heartbeat\" (time or null),
                   \"capacity\", \"consumed_capacity\", \"remaining_capacity\", \"jobs_running\", \"cpu\",
                   \"memory\", \"cpu_capacity\", \"mem_capacity\", \"version\", \"errors\"}],
   \"instance_groups\": [{\"name\", \"capacity\", \"consumed_capacity\", \"is_isolated\", \"controller\",
                         \"instances\": [hostname...]}]}")]
pub struct Args {}

impl Report for Ping {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        out.pairs([
            ("version", self.version.clone()),
            ("active node", format!("{}{}", self.active_node, if self.active_node_registered { "" } else { " (not registered)" })),
            ("ha", self.ha.to_string()),
            ("install uuid", self.install_uuid.clone()),
            ("database", self.database.clone()),
            ("capacity", format!("{} ({} consumed)", self.capacity, self.consumed_capacity)),
        ])?;
        if !self.instances.is_empty() {
            out.line("")?;
            out.table(
                &["NODE", "TYPE", "ENABLED", "CAPACITY", "CONSUMED", "JOBS", "HEARTBEAT", "VERSION", "ERRORS"],
                self.instances.iter().map(|i| {
                    vec![
                        i.node.clone(),
                        i.node_type.clone(),
                        i.enabled.to_string(),
                        i.capacity.to_string(),
                        i.consumed_capacity.to_string(),
                        i.jobs_running.to_string(),
                        i.heartbeat.clone().unwrap_or_else(|| "never".into()),
                        i.version.clone(),
                        i.errors.clone(),
                    ]
                }),
            )?;
        }
        if !self.instance_groups.is_empty() {
            out.line("")?;
            out.table(
                &["GROUP", "CAPACITY", "CONSUMED", "CONTROLLER", "INSTANCES"],
                self.instance_groups.iter().map(|g| {
                    vec![
                        g.name.clone(),
                        g.capacity.to_string(),
                        g.consumed_capacity.to_string(),
                        g.controller.clone().unwrap_or_default(),
                        g.instances.join(", "),
                    ]
                }),
            )?;
        }
        Ok(())
    }
}

pub fn run(ctx: &Ctx, _args: Args) -> Result<Ping> {
    let mut db = ctx.db()?;
    let database = db.url_redacted();
    let node = ctx.config.node_name.clone();
    db.read(|tx| ping::ping(tx, &ctx.secrets, &node, database))
}
