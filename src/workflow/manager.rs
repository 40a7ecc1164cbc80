//! The workflow manager (AWX's WorkflowManager, §4.3), a step of every task-manager cycle, in
//! the cycle's transaction:
//!
//! 1. approvals whose timeout passed fail (`timed_out`);
//! 2. pending workflow jobs start (`running`; AWX's TM skips `waiting` for them), unless another
//!    workflow of the same template runs and the template does not allow simultaneous runs;
//! 3. every running workflow is advanced: its graph is loaded (all workflows at once, a handful
//!    of queries), `dag::advance` decides, the do-not-run marks are written in bulk, node jobs
//!    are canceled (a cancel request) or spawned (`spawn.rs`), finished workflows end.
//!
//! Step 3 repeats for the workflows something just happened to — a spawned job that failed at
//! once, a nested workflow that started or ended (its parent advances), a cancel that took
//! effect — so one step settles everything that does not wait for a job to run.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use super::approval::{self, ApprovalEvent};
use super::dag::{self, Dag, EdgeKind, End};
use super::notify::Notice;
use super::spawn;
use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::Result;
use crate::jobs::{self, CancelOutcome, Ending, JobKind, JobStatus};
use crate::notifications::JobEvent;

/// At most this many passes per step (each settles what the previous one caused).
const MAX_ROUNDS: usize = 64;

#[derive(Debug, Default, Serialize)]
pub struct StepReport {
    /// Running workflows looked at (each once, however many passes the step made).
    pub advanced: usize,
    /// Workflow jobs started (pending → running).
    pub started: Vec<i64>,
    pub spawned: Vec<SpawnedNode>,
    pub ended: Vec<EndedWorkflow>,
    /// Approvals failed by their timeout.
    pub expired: Vec<i64>,
    /// Nodes marked do-not-run.
    pub do_not_run: usize,
    /// Node jobs asked to cancel.
    pub canceled: Vec<i64>,
    /// Seconds the step took.
    pub elapsed: f64,
    #[serde(skip)]
    pub notices: Vec<Notice>,
}

impl StepReport {
    pub fn is_empty(&self) -> bool {
        self.advanced == 0
            && self.started.is_empty()
            && self.spawned.is_empty()
            && self.ended.is_empty()
            && self.expired.is_empty()
            && self.do_not_run == 0
            && self.canceled.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SpawnedNode {
    pub workflow_job: i64,
    pub node: i64,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: i64,
    pub status: JobStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct EndedWorkflow {
    pub id: i64,
    pub status: JobStatus,
    pub job_explanation: String,
}

/// A loaded node: (its workflow, the node, its job).
type LoadedNode = (i64, dag::Node, Option<(JobKind, i64)>);
/// A workflow's nodes and their jobs (node id → job).
type WorkflowNodes = (Vec<dag::Node>, HashMap<i64, (JobKind, i64)>);

/// One running workflow as loaded for a pass.
struct Graph {
    id: i64,
    cancel_flag: bool,
    dag: Dag,
    /// node id → its job.
    jobs: HashMap<i64, (JobKind, i64)>,
}

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// The graphs of the workflows among `ids` that are still running.
fn load(tx: &mut Tx<'_>, ids: &[i64]) -> Result<Vec<Graph>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        let list = id_list(chunk);
        let mut flags: Vec<(i64, bool)> = Vec::new();
        tx.query_each(
            &format!("SELECT id, cancel_flag FROM workflow_job WHERE id IN ({list}) AND status = 'running' ORDER BY id"),
            &[],
            |r| {
                flags.push((r.col("id")?, r.col("cancel_flag")?));
                Ok(())
            },
        )?;
        if flags.is_empty() {
            continue;
        }
        let list = id_list(&flags.iter().map(|f| f.0).collect::<Vec<_>>());
        // node id → (workflow, node, job)
        let mut nodes: HashMap<i64, LoadedNode> = HashMap::new();
        tx.query_each(
            &format!(
                "SELECT id, workflow_job_id, job_type, job_id, do_not_run, all_parents_must_converge
                 FROM workflow_job_node WHERE workflow_job_id IN ({list})"
            ),
            &[],
            |r| {
                let id: i64 = r.col("id")?;
                let job_type: String = r.col("job_type")?;
                let job = match (jobs::ALL_KINDS.iter().find(|k| k.table() == job_type), r.col::<Option<i64>>("job_id")?) {
                    (Some(k), Some(j)) => Some((*k, j)),
                    _ => None,
                };
                let node = dag::Node {
                    id,
                    has_template: false,
                    converge_all: r.col("all_parents_must_converge")?,
                    do_not_run: r.col("do_not_run")?,
                    // A spawned job that no longer exists (deleted) counts as failed, never re-run.
                    job: job.map(|_| JobStatus::Failed),
                };
                nodes.insert(id, (r.col("workflow_job_id")?, node, job));
                Ok(())
            },
        )?;
        let statuses: Vec<String> = jobs::ALL_KINDS
            .iter()
            .map(|k| {
                format!(
                    "SELECT n.id AS node, j.status AS status FROM workflow_job_node n JOIN {t} j ON j.id = n.job_id
                     WHERE n.job_type = '{t}' AND n.workflow_job_id IN ({list})",
                    t = k.table()
                )
            })
            .collect();
        tx.query_each(&statuses.join(" UNION ALL "), &[], |r| {
            if let Some(n) = nodes.get_mut(&r.col::<i64>("node")?) {
                n.1.job = Some(r.col("status")?);
            }
            Ok(())
        })?;
        let templates: Vec<String> = super::TEMPLATE_TYPES
            .iter()
            .map(|(ty, table)| {
                format!(
                    "SELECT n.id AS node FROM workflow_job_node n JOIN {table} t ON t.id = n.unified_job_template_id
                     WHERE n.unified_job_template_type = '{ty}' AND n.workflow_job_id IN ({list})"
                )
            })
            .collect();
        tx.query_each(&templates.join(" UNION ALL "), &[], |r| {
            if let Some(n) = nodes.get_mut(&r.col::<i64>("node")?) {
                n.1.has_template = true;
            }
            Ok(())
        })?;
        let mut edges: HashMap<i64, Vec<(i64, i64, EdgeKind)>> = HashMap::new();
        tx.query_each(
            &format!(
                "SELECT n.workflow_job_id AS wf, e.from_node_id, e.to_node_id, e.kind FROM workflow_job_node_edge e
                 JOIN workflow_job_node n ON n.id = e.from_node_id WHERE n.workflow_job_id IN ({list})"
            ),
            &[],
            |r| {
                if let Some(k) = EdgeKind::parse(&r.col::<String>("kind")?) {
                    edges.entry(r.col("wf")?).or_default().push((r.col("from_node_id")?, r.col("to_node_id")?, k));
                }
                Ok(())
            },
        )?;
        let mut by_wf: HashMap<i64, WorkflowNodes> = HashMap::new();
        for (id, (wf, node, job)) in nodes {
            let e = by_wf.entry(wf).or_default();
            e.0.push(node);
            if let Some(j) = job {
                e.1.insert(id, j);
            }
        }
        for (id, cancel_flag) in flags {
            let (nodes, jobs) = by_wf.remove(&id).unwrap_or_default();
            let dag = Dag::new(nodes, edges.get(&id).map(Vec::as_slice).unwrap_or(&[]));
            out.push(Graph { id, cancel_flag, dag, jobs });
        }
    }
    Ok(out)
}

/// Start the pending workflow jobs that may start (see the module doc); returns their ids.
fn start_pending(tx: &mut Tx<'_>, rep: &mut StepReport) -> Result<Vec<i64>> {
    let pending = tx.query(
        "SELECT id, workflow_job_template_id, allow_simultaneous, job_explanation FROM workflow_job WHERE status = 'pending' ORDER BY created, id",
        &[],
    )?;
    if pending.is_empty() {
        return Ok(Vec::new());
    }
    let mut running: HashMap<i64, i64> = HashMap::new();
    tx.query_each(
        "SELECT id, workflow_job_template_id FROM workflow_job WHERE status = 'running' AND workflow_job_template_id IS NOT NULL ORDER BY id",
        &[],
        |r| {
            running.entry(r.col("workflow_job_template_id")?).or_insert(r.col("id")?);
            Ok(())
        },
    )?;
    let mut started = Vec::new();
    for r in pending {
        let id: i64 = r.col("id")?;
        let template: Option<i64> = r.col("workflow_job_template_id")?;
        let blocker = template.filter(|_| !r.col::<bool>("allow_simultaneous").unwrap_or(false)).and_then(|t| running.get(&t).copied());
        if let Some(b) = blocker {
            let why = format!("waiting for workflowjob-{b} to finish");
            if r.col::<String>("job_explanation")? != why {
                tx.execute("UPDATE workflow_job SET job_explanation = $1 WHERE id = $2", crate::params![why.as_str(), id])?;
            }
            continue;
        }
        jobs::set_status(tx, JobKind::WorkflowJob, id, JobStatus::Running, Some(""))?;
        if let Some(t) = template {
            running.entry(t).or_insert(id);
        }
        rep.started.push(id);
        rep.notices.push(Notice::Workflow(id, JobEvent::Started));
        started.push(id);
    }
    Ok(started)
}

fn end_workflow(tx: &mut Tx<'_>, id: i64, end: &End, rep: &mut StepReport) -> Result<()> {
    if let Some(d) = &end.detail {
        tracing::info!("workflow job {id}: {d}");
    }
    let status = if end.status == JobStatus::Canceled {
        jobs::record_end(tx, JobKind::WorkflowJob, id, &Ending::new(JobStatus::Canceled))?
    } else {
        jobs::set_status(tx, JobKind::WorkflowJob, id, end.status, end.explanation)?
    };
    rep.ended.push(EndedWorkflow { id, status, job_explanation: end.explanation.unwrap_or_default().to_string() });
    let event = if status == JobStatus::Successful { JobEvent::Success } else { JobEvent::Error };
    rep.notices.push(Notice::Workflow(id, event));
    Ok(())
}

fn mark_dnr(tx: &mut Tx<'_>, ids: &[i64]) -> Result<()> {
    let now = crate::time::now_str();
    for chunk in ids.chunks(500) {
        tx.execute(
            &format!("UPDATE workflow_job_node SET do_not_run = TRUE, modified = $1 WHERE id IN ({})", id_list(chunk)),
            crate::params![now.as_str()],
        )?;
    }
    Ok(())
}

/// One workflow-manager step (see the module doc). `node` is this node's name (for cancels).
pub fn step(tx: &mut Tx<'_>, secrets: &Secrets, projects_root: &Path, node: &str) -> Result<StepReport> {
    let began = std::time::Instant::now();
    let mut rep = StepReport::default();
    for id in approval::expire(tx)? {
        rep.expired.push(id);
        rep.notices.push(Notice::Approval(id, ApprovalEvent::TimedOut));
    }
    let mut todo: Vec<i64> = tx
        .query("SELECT id FROM workflow_job WHERE status = 'running' ORDER BY id", &[])?
        .iter()
        .map(|r| r.col("id"))
        .collect::<Result<_>>()?;
    let mut seen: HashSet<i64> = HashSet::new();
    for _ in 0..MAX_ROUNDS {
        todo.extend(start_pending(tx, &mut rep)?);
        todo.sort_unstable();
        todo.dedup();
        if todo.is_empty() {
            break;
        }
        let mut next: HashSet<i64> = HashSet::new();
        let mut dnr = Vec::new();
        for mut g in load(tx, &todo)? {
            if seen.insert(g.id) {
                rep.advanced += 1;
            }
            let a = dag::advance(&mut g.dag, g.cancel_flag);
            dnr.extend(a.dnr.iter().copied());
            for n in &a.cancel {
                let Some(&(kind, jid)) = g.jobs.get(n) else { continue };
                let outcome = jobs::cancel::request(tx, jid, node)?;
                rep.canceled.push(jid);
                match outcome {
                    CancelOutcome::Requested(_) if kind == JobKind::WorkflowJob => {
                        next.insert(jid);
                    }
                    CancelOutcome::Requested(_) => {}
                    _ => {
                        next.insert(g.id);
                    }
                }
            }
            if let Some(end) = &a.end {
                end_workflow(tx, g.id, end, &mut rep)?;
                if let Some(p) = super::parent_workflow(tx, JobKind::WorkflowJob, g.id)? {
                    next.insert(p);
                }
                continue;
            }
            for n in a.run {
                let s = spawn::spawn(tx, secrets, projects_root, g.id, n)?;
                if s.status.is_final() {
                    next.insert(g.id);
                    rep.notices.push(Notice::JobFailed(s.kind, s.id));
                }
                if s.kind == JobKind::WorkflowApproval {
                    rep.notices.push(Notice::Approval(s.id, ApprovalEvent::Running));
                }
                rep.spawned.push(SpawnedNode { workflow_job: g.id, node: n, kind: s.kind.table(), id: s.id, status: s.status });
            }
        }
        rep.do_not_run += dnr.len();
        mark_dnr(tx, &dnr)?;
        todo = next.into_iter().collect();
    }
    rep.elapsed = began.elapsed().as_secs_f64();
    Ok(rep)
}
