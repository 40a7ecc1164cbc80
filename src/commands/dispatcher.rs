//! `awxm dispatcher`: the long-running service that runs the queue on this node.

use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report};
use crate::taskmanager::dispatcher::{self, NodeStatus, Served};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm dispatcher                              # in the foreground, logging to stderr
  AWXM_NODE_NAME=node2 awxm dispatcher -v      # as another node of a PostgreSQL cluster
  systemctl enable --now awxm-dispatcher       # contrib/systemd/awxm-dispatcher.service
  awxm dispatcher status                       # every node: dispatcher alive?, capacity, running

One dispatcher per node (--node-name / AWXM_NODE_NAME / node_name, default the host name). It
wakes on every launch, end of a task and cancel that concerns it (PostgreSQL LISTEN/NOTIFY; on
SQLite a Unix socket next to the database), and at least every dispatcher_poll_interval
seconds, and runs a task-manager cycle: tasks this node runs get a supervisor process at once.
Every schedule_tick_seconds (30) it runs the scheduler tick (`awxm scheduler --once`): due
schedules launch once each, on whichever node ticks first. It sends this node's heartbeat
every cluster_node_heartbeat_period seconds (registering the
node, reaping the jobs of lost nodes). Several control nodes, each with its dispatcher, share
one PostgreSQL: cycles are serialised by an advisory lock and each node runs what was placed
on it. A lost PostgreSQL connection is retried with backoff.

Stopping (SIGTERM, SIGINT): no new starts. Tasks already running are separate processes and
finish (the systemd unit keeps them: KillMode=process); with the setting
dispatcher_stop_cancels_jobs they are canceled and waited for. After a restart, running tasks
whose supervisor died are failed with an explanation and pending ones start.

With systemd (Type=notify), READY=1 is sent once it listens, WATCHDOG=1 after every pass,
STOPPING=1 when it stops. It logs to stderr without time stamps; under systemd (JOURNAL_STREAM
set) every line starts with its syslog priority (<6>INFO …), so `journalctl -p warning` works.
-v logs each task it starts.

Settings: dispatcher_poll_interval, dispatcher_stop_cancels_jobs, cluster_node_heartbeat_period,
schedule_tick_seconds, start_task_limit, task_manager_timeout.

On SQLite (one node) one dispatcher serves the database; a dispatcher for another node name is
refused (78): a cluster needs PostgreSQL.

EXIT STATUS:
  143 stopped by SIGTERM (130 SIGINT): its normal end (the unit lists 143 as success);
  75 a dispatcher for this node is already running (its pid is named);
  78 SQLite, and a dispatcher for another node already serves it.
  status: 0.

JSON OUTPUT (--format json, printed when it stops):
  {\"format_version\": 1, \"node\": \"node1\", \"cycles\": 120, \"started\": 14, \"heartbeats\": 3,
   \"scheduled\": 2, \"canceled_on_stop\": []}
  status: {\"format_version\": 1, \"nodes\": [{\"hostname\", \"node_type\", \"enabled\", \"dispatcher_alive\",
   \"dispatcher_pid\", \"dispatcher_started\", \"last_cycle\", \"last_seen\", \"capacity\",
   \"consumed_capacity\", \"jobs_running\"}]}  (alive: a cycle within 3 poll intervals, at least 30 s)")]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum Action {
    /// Each node's dispatcher (alive, pid, last cycle), capacity and running tasks
    Status,
}

#[derive(Debug, serde::Serialize)]
pub struct DispatcherReport(pub Served);

#[derive(Debug, serde::Serialize)]
pub struct StatusReport {
    pub nodes: Vec<NodeStatus>,
}

impl Report for StatusReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        out.table(
            &["NODE", "TYPE", "DISPATCHER", "PID", "LAST CYCLE", "CAPACITY", "USED", "RUNNING"],
            self.nodes.iter().map(|n| {
                vec![
                    n.hostname.clone(),
                    n.node_type.clone(),
                    if n.dispatcher_alive {
                        "alive".into()
                    } else if n.dispatcher_pid.is_some() {
                        "silent".into()
                    } else {
                        "none".into()
                    },
                    n.dispatcher_pid.map(|p| p.to_string()).unwrap_or_default(),
                    n.last_cycle.clone().unwrap_or_default(),
                    n.capacity.to_string(),
                    n.consumed_capacity.to_string(),
                    n.jobs_running.to_string(),
                ]
            }),
        )
    }
}

impl Report for DispatcherReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let s = &self.0;
        out.line(format!(
            "dispatcher for node {} stopped: {} cycles, {} tasks started, {} scheduled launches, {} heartbeats",
            s.node, s.cycles, s.started, s.scheduled, s.heartbeats
        ))
    }
    /// It only ends on a signal: 128 + that signal.
    fn exit_code(&self) -> u8 {
        crate::signals::interrupted_exit_code()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Box<dyn Report>> {
    let mut db = ctx.db()?;
    match args.action {
        Some(Action::Status) => Ok(Box::new(StatusReport { nodes: dispatcher::status(ctx, &mut db)? })),
        None => Ok(Box::new(DispatcherReport(dispatcher::serve(ctx, &mut db)?))),
    }
}
