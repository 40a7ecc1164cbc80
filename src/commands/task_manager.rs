//! `awxm task_manager`: one task-manager cycle, for cron and for debugging; and (hidden) the
//! supervisor a cycle starts for a task this node runs.

use serde::Serialize;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::jobs::{self, Ending, JobKind, JobStatus};
use crate::output::{Human, Report};
use crate::taskmanager::{self, CycleReport};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm task_manager                      # one cycle: start what may start, explain what waits
  awxm task_manager --format json | jq '.waiting[] | {id, reason}'
  */1 * * * * awxm task_manager -q       # cron, where no dispatcher runs

One cycle (AWX's dependency manager and task manager, under a cluster-wide lock) looks at every
pending, waiting and running job, project update and inventory update: it creates the updates a
pending job depends on (projects and inventory sources that update on launch), fails jobs whose
dependency failed (\"Previous Task Failed: {...}\"), keeps blocked ones waiting (\"waiting for
job-7 to finish\"), and starts the others where their instance groups have capacity. What it
starts on this node it hands to a supervisor process at once. Launching and the end of every
task run a cycle too, so this command is needed only to restart what nothing else restarts.

Settings: start_task_limit, task_manager_timeout, awx_control_node_task_impact.

EXIT STATUS:
  0 the cycle ran (or another cycle held the lock: skipped is true).

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"skipped\": false,
   \"started\": [{\"type\": \"job\", \"id\": 12, \"name\": \"deploy\", \"execution_node\": \"node1\",
                 \"controller_node\": \"node1\", \"instance_group\": \"default\"}],
   \"waiting\": [{\"type\": \"job\", \"id\": 13, \"name\": \"deploy\", \"reason\": \"waiting for job-12 to finish\"}],
   \"failed\": [{\"type\": \"job\", \"id\": 14, \"name\": \"x\", \"job_explanation\": \"Previous Task Failed: {...}\"}],
   \"canceled\": [...], \"reaped\": [...],
   \"dependencies\": [{\"type\": \"project_update\", \"id\": 15, \"name\": \"app\", \"for_id\": 13}],
   \"workflows\": {\"advanced\", \"started\", \"spawned\", \"ended\", \"expired\", \"do_not_run\",
   \"canceled\", \"elapsed\"} (what the workflow manager step did; omitted when nothing),
   \"deferred\": 0, \"elapsed\": 0.004}")]
pub struct Args {
    /// Run one cycle and report what it decided (the default: awxm has no other mode yet)
    #[arg(long)]
    pub once: bool,
    /// Internal: supervise task ID, started by a cycle
    #[arg(long, hide = true, value_name = "ID")]
    pub run: Option<i64>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum TaskManagerReport {
    Cycle {
        format_version: u32,
        #[serde(flatten)]
        report: Box<CycleReport>,
    },
    Ran {
        format_version: u32,
        id: i64,
        #[serde(rename = "type")]
        kind: &'static str,
        status: JobStatus,
    },
}

impl Report for TaskManagerReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            TaskManagerReport::Ran { id, kind, status, .. } => out.line(format!("{} {id} {status}", kind.replace('_', " "))),
            TaskManagerReport::Cycle { report: r, .. } => {
                if r.skipped {
                    return out.line("another task-manager cycle holds the lock; nothing decided");
                }
                for d in &r.dependencies {
                    out.line(format!("created {} {} ({}) for {}", d.kind.replace('_', " "), d.id, d.name, d.for_id))?;
                }
                for s in &r.started {
                    let group = s.instance_group.as_deref().map(|g| format!(", group {g}")).unwrap_or_default();
                    out.line(format!(
                        "started {} {} ({}) on {} (controller {}{group})",
                        s.kind.replace('_', " "),
                        s.id,
                        s.name,
                        s.execution_node,
                        s.controller_node
                    ))?;
                }
                for w in &r.waiting {
                    out.line(format!("waiting {} {} ({}): {}", w.kind.replace('_', " "), w.id, w.name, w.reason))?;
                }
                for (what, list) in [("failed", &r.failed), ("canceled", &r.canceled), ("reaped", &r.reaped)] {
                    for e in list {
                        out.line(format!("{what} {} {} ({}): {}", e.kind.replace('_', " "), e.id, e.name, e.job_explanation))?;
                    }
                }
                out.line(format!(
                    "cycle: {} started, {} waiting, {} failed, {} canceled, {} deferred, {} dependencies created in {:.3}s",
                    r.started.len(),
                    r.waiting.len(),
                    r.failed.len() + r.reaped.len(),
                    r.canceled.len(),
                    r.deferred,
                    r.dependencies.len(),
                    r.elapsed
                ))
            }
        }
    }
    fn exit_code(&self) -> u8 {
        match self {
            TaskManagerReport::Ran { status, .. } => u8::from(*status != JobStatus::Successful),
            TaskManagerReport::Cycle { .. } => 0,
        }
    }
}

/// Run unified job `id` in this process: claim it, then the kind's runner.
pub fn run_task(ctx: &Ctx, db: &mut crate::db::Db, kind: JobKind, id: i64) -> Result<JobStatus> {
    match kind {
        JobKind::Job => {
            let opts =
                crate::runner::job::RunOptions { keep_artifacts: false, inventory_format: Default::default(), live: None, no_wait: false };
            Ok(crate::runner::job::run(ctx, db, id, opts)?.status)
        }
        JobKind::ProjectUpdate => Ok(crate::runner::project::run_update(ctx, db, id)?.status),
        JobKind::InventoryUpdate => {
            crate::inventory::source::run_stored_update(ctx, id)?;
            db.read(|tx| tx.scalar("SELECT status FROM inventory_update WHERE id = $1", crate::params![id]))
        }
        JobKind::SystemJob => crate::runner::system::run(ctx, db, id),
        // Workflows are advanced by the workflow manager in the cycle, approvals by people:
        // neither is ever placed, so neither reaches a supervisor.
        JobKind::WorkflowJob | JobKind::WorkflowApproval => {
            let why = format!("awxm cannot run a {} yet", kind.table().replace('_', " "));
            db.write(|tx| jobs::record_end(tx, kind, id, &Ending::explained(JobStatus::Error, why.as_str())))
        }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<TaskManagerReport> {
    let mut db = ctx.db()?;
    if let Some(id) = args.run {
        ctx.cancel_on_signals()?;
        let node = ctx.config.node_name.clone();
        let kind = db.read(|tx| jobs::kind_of(tx, id))?.ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
        if !db.write(|tx| taskmanager::run::claim(tx, kind, id, &node))? {
            // Another supervisor (or its waiter) has it.
            let status = db.read(|tx| tx.scalar(&format!("SELECT status FROM {} WHERE id = $1", kind.table()), crate::params![id]))?;
            return Ok(TaskManagerReport::Ran { format_version: 1, id, kind: kind.table(), status });
        }
        let status = run_task(ctx, &mut db, kind, id)?;
        return Ok(TaskManagerReport::Ran { format_version: 1, id, kind: kind.table(), status });
    }
    let report = taskmanager::run::kick(ctx, &mut db)?;
    Ok(TaskManagerReport::Cycle { format_version: 1, report: Box::new(report) })
}
