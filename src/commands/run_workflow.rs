//! `awxm run_workflow NAME`: launch a workflow job and follow it in the foreground, printing
//! each node's progress as it happens; exit 0 when the workflow succeeded.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::jobs::{self, JobKind, JobStatus, hooks};
use crate::output::{Format, Human, Report};
use crate::resources::{self, types};
use crate::runner::extravars;
use crate::workflow::view::{self, EdgeView, NodeView};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm run_workflow release                       # node progress as it happens; exit 0 if successful
  awxm run_workflow release -e version=2 --limit web   # prompts the template asks for
  awxm run_workflow release --format json         # just the result: nodes, their jobs, edges

The workflow job is created from the template (its nodes and edges copied) and queued; this
process then runs task-manager cycles until it ends: each cycle's workflow manager spawns the
nodes whose parents ended (success, failure and always edges; all_parents_must_converge;
AWX's do-not-run marking), and the node jobs run in supervisor processes. A line is printed
(human format) whenever a node's job starts, changes status, or the node is marked do-not-run.
Approval nodes wait for `awxm approval approve|deny ID` (or their timeout).

Prompts follow the workflow template's ask_*_on_launch flags (see `awxm launch --help`); the
workflow's extra vars reach every node's job (AWX's precedence: node prompts < parents'
set_stats artifacts < workflow vars).

Ctrl-C or SIGTERM cancels the workflow: its running node jobs are canceled and nothing more
starts; the command exits once it is canceled.

EXIT STATUS:
  0 the workflow succeeded; 1 it failed or was canceled; 65 a prompt the template does not ask
  for; 66 no such template.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"id\": 40, \"type\": \"workflow_job\", \"name\": \"release\",
   \"status\": \"successful\", \"job_explanation\": \"\",
   \"nodes\": [{\"id\": 41, \"identifier\": \"build\", \"template_type\": \"job_template\",
              \"template\": \"build\", \"all_parents_must_converge\": false, \"do_not_run\": false,
              \"job_type\": \"job\", \"job_id\": 44, \"status\": \"successful\"}, …],
   \"edges\": [{\"from\": 41, \"to\": 42, \"kind\": \"success\"}, …]}")]
pub struct Args {
    /// The workflow job template (name or id)
    #[arg(value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::workflow_job_template))]
    pub name: String,
    /// Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)
    #[arg(short = 'e', long = "extra-vars", value_name = "VARS")]
    pub extra_vars: Vec<String>,
    /// Host pattern for the workflow's jobs
    #[arg(short, long, value_name = "PATTERN")]
    pub limit: Option<String>,
    /// Another inventory for the workflow's jobs
    #[arg(long, value_name = "INVENTORY", add = clap_complete::ArgValueCompleter::new(crate::complete::inventory))]
    pub inventory: Option<String>,
    /// Another branch for the workflow's jobs
    #[arg(long, value_name = "BRANCH")]
    pub scm_branch: Option<String>,
    /// Only tasks with these tags
    #[arg(short, long, value_name = "TAGS")]
    pub tags: Option<String>,
    /// Skip tasks with these tags
    #[arg(long, value_name = "TAGS")]
    pub skip_tags: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RunWorkflowReport {
    pub format_version: u32,
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    pub status: JobStatus,
    pub job_explanation: String,
    pub nodes: Vec<NodeView>,
    pub edges: Vec<EdgeView>,
}

impl Report for RunWorkflowReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let why = if self.job_explanation.is_empty() { String::new() } else { format!(": {}", self.job_explanation) };
        out.line(format!("workflow job {} ({}) {}{why}", self.id, self.name, self.status))
    }
    fn exit_code(&self) -> u8 {
        u8::from(self.status != JobStatus::Successful)
    }
}

/// A node's progress as last printed: (job, status).
type Seen = HashMap<i64, (Option<i64>, String)>;

fn progress(ctx: &Ctx, nodes: &[NodeView], seen: &mut Seen) {
    for n in nodes {
        let now = (n.job_id, n.status.clone());
        if seen.get(&n.id) == Some(&now) {
            continue;
        }
        // Nothing to say about a node that has not started yet.
        if n.job_id.is_none() && n.status == "not_started" {
            continue;
        }
        seen.insert(n.id, now);
        if ctx.out.format == Format::Human {
            let line = format!("node {}", view::node_line(n));
            if let Err(e) = ctx.out.stream(&line) {
                tracing::debug!("writing progress: {e}");
            }
        }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<RunWorkflowReport> {
    let mut db = ctx.db()?;
    let mut extra = serde_json::Map::new();
    for e in &args.extra_vars {
        for (k, v) in extravars::parse_arg(e)? {
            extra.insert(k, v);
        }
    }
    let given = crate::workflow::Given {
        extra_vars: extra,
        limit: args.limit.clone(),
        inventory: args.inventory.clone(),
        scm_branch: args.scm_branch.clone(),
        job_tags: args.tags.clone(),
        skip_tags: args.skip_tags.clone(),
    };
    let id = db.write(|tx| {
        let (tid, name) = resources::resolve(tx, &types::WORKFLOW_JOB_TEMPLATE, &args.name)?;
        let p = crate::workflow::check_prompts(tx, tid, &name, &given)?;
        hooks::before_launch(ctx, tx, tid)?;
        crate::workflow::create(tx, tid, &p, "manual")
    })?;
    ctx.cancel_on_signals()?;
    ctx.out.status(format!("workflow job {id} queued"));
    let node = ctx.config.node_name.clone();
    let mut seen = Seen::new();
    let mut last_kick: Option<Instant> = None;
    let mut cancel_asked = false;
    let mut last_status = None;
    loop {
        if last_kick.is_none_or(|t| t.elapsed() >= Duration::from_millis(500)) {
            crate::taskmanager::run::kick(ctx, &mut db)?;
            last_kick = Some(Instant::now());
        }
        let (status, nodes): (JobStatus, Vec<NodeView>) = db.read(|tx| {
            let st = tx.scalar::<JobStatus>("SELECT status FROM workflow_job WHERE id = $1", crate::params![id])?;
            Ok((st, view::load(tx, id)?.0))
        })?;
        if last_status != Some(status) {
            ctx.out.status(format!("workflow job {id} {status}"));
            last_status = Some(status);
        }
        progress(ctx, &nodes, &mut seen);
        if status.is_final() {
            break;
        }
        if ctx.cancelled() && !cancel_asked {
            jobs::cancel(&mut db, id, &node, None)?;
            cancel_asked = true;
            last_kick = None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let (r, (nodes, edges)) = db.read(|tx| {
        let r = tx.query_one("SELECT name, status, job_explanation FROM workflow_job WHERE id = $1", crate::params![id])?;
        Ok((r, view::load(tx, id)?))
    })?;
    Ok(RunWorkflowReport {
        format_version: 1,
        id,
        kind: JobKind::WorkflowJob.table(),
        name: r.col("name")?,
        status: r.col("status")?,
        job_explanation: r.col("job_explanation")?,
        nodes,
        edges,
    })
}
