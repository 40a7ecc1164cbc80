//! The task manager (AWX's `DependencyManager` + `TaskManager`, reference §2): one cycle decides
//! what of the queue runs, when, where and after what.
//!
//! The queue is every unified job (job, project update, inventory update, system job; one id
//! space) in status pending, waiting or running. One cycle, in one transaction under a
//! cluster-wide lock (an advisory lock on PostgreSQL; SQLite's write lock on SQLite; a cycle
//! that finds the lock held does nothing, as the holder decides for everyone):
//!
//! 1. **Dependencies** (`deps.rs`): a pending job whose project updates on launch (or has no
//!    checkout) gets a project update, and each `update_on_launch` source of its inventory an
//!    inventory update, unless a recent enough one exists (`should_update_again`); an SCM
//!    inventory update its project's update. New updates have `launch_type=dependency` and are
//!    linked in `unified_job_dependency` (AWX's `dependent_jobs`).
//! 2. **Running pass**: waiting and running tasks consume capacity on their nodes and register
//!    in the blocking graph (`graph.rs`); those on nodes that are no longer registered are
//!    reaped.
//! 3. **Pending pass**, system jobs first (an awxm extension: AWX's docs promise it, its code
//!    does not), then by creation: a failed dependency fails the task (`Previous Task Failed`),
//!    a canceled one cancels it (`Previous Task Canceled`); a blocked task waits ("waiting for
//!    job-7 to finish"); otherwise it goes where `cluster::placement` finds room in its instance
//!    groups (AWX's order), or waits for capacity. Started tasks become `waiting` with their
//!    execution and controller nodes.
//! 4. At most `start_task_limit` starts and `task_manager_timeout` seconds per cycle.
//!
//! After the commit, [`spawn_started`] starts a supervisor process for each task this node
//! controls, unless a foreground `run_job`/`launch --wait` (the task's waiter) runs it itself.

pub mod deps;
pub mod dispatcher;
pub mod graph;
pub mod run;

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::cluster::placement::{Cluster, Fit, Group, Node, NodeType};
use crate::context::Ctx;
use crate::crypto::Secrets;
use crate::db::{Db, FromRow, Row, Tx};
use crate::error::Result;
use crate::jobs::{self, JobKind, JobStatus};
use crate::settings::{self, Kind, Setting};

pub use graph::model_name;

pub static START_TASK_LIMIT: Setting<i64> = Setting::new(
    "start_task_limit",
    "100",
    Kind::Int { min: 1, max: settings::INT_MAX },
    "Most tasks one task-manager cycle starts (AWX's START_TASK_LIMIT)",
);
pub static TASK_MANAGER_TIMEOUT: Setting<i64> = Setting::new(
    "task_manager_timeout",
    "300",
    Kind::Seconds { min: 1.0, max: 86_400.0, whole: true },
    "Seconds after which a task-manager cycle stops deciding and commits what it decided",
);
pub static AWX_CONTROL_NODE_TASK_IMPACT: Setting<i64> =
    Setting::new("awx_control_node_task_impact", "1", settings::COUNT, "Capacity a control node spends per task it controls");

pub const NO_CAPACITY: &str = "This job is not ready to start because there is not enough available capacity.";

/// The kinds the task manager schedules (workflow jobs, ad hoc commands and approvals join with
/// their issues: the queue already has their columns).
pub const KINDS: [JobKind; 4] = jobs::QUEUE_KINDS;

/// AWX's type name of a kind (`project_update`), as `Previous Task Failed` texts spell it.
pub fn type_name(kind: JobKind) -> &'static str {
    kind.table()
}

/// A unified job in the queue, as one cycle sees it.
#[derive(Debug, Clone)]
pub struct Task {
    pub kind: JobKind,
    pub id: i64,
    pub name: String,
    pub status: JobStatus,
    pub created: String,
    pub task_impact: i64,
    pub dependencies_processed: bool,
    pub execution_node: String,
    pub controller_node: String,
    pub instance_group_id: Option<i64>,
    pub job_explanation: String,
    pub template: Option<i64>,
    pub project: Option<i64>,
    pub inventory: Option<i64>,
    pub organization: Option<i64>,
    pub allow_simultaneous: bool,
    /// A job row with a module: an ad hoc command.
    pub ad_hoc: bool,
    pub launch_type: String,
}

impl FromRow for Task {
    fn from_row(r: &Row) -> Result<Task> {
        let kind = match r.col::<String>("kind")?.as_str() {
            "job" => JobKind::Job,
            "project_update" => JobKind::ProjectUpdate,
            "inventory_update" => JobKind::InventoryUpdate,
            "system_job" => JobKind::SystemJob,
            other => return Err(crate::error::Error::internal(format!("unknown unified job kind {other:?}"))),
        };
        Ok(Task {
            kind,
            id: r.col("id")?,
            name: r.col("name")?,
            status: r.col("status")?,
            created: r.col("created")?,
            task_impact: r.col("task_impact")?,
            dependencies_processed: r.col("dependencies_processed")?,
            execution_node: r.col("execution_node")?,
            controller_node: r.col("controller_node")?,
            instance_group_id: r.col("instance_group_id")?,
            job_explanation: r.col("job_explanation")?,
            template: r.col("template")?,
            project: r.col("project")?,
            inventory: r.col("inventory")?,
            organization: r.col("organization")?,
            allow_simultaneous: r.col("allow_simultaneous")?,
            ad_hoc: r.col("ad_hoc")?,
            launch_type: r.col("launch_type")?,
        })
    }
}

impl Task {
    fn node(&self) -> graph::Node {
        graph::Node {
            kind: self.kind,
            id: self.id,
            template: self.template,
            project: self.project,
            inventory: self.inventory,
            allow_simultaneous: self.allow_simultaneous,
            ad_hoc: self.ad_hoc,
        }
    }
    /// Control tasks run on the control plane (project updates, system jobs).
    fn is_control(&self) -> bool {
        matches!(self.kind, JobKind::ProjectUpdate | JobKind::SystemJob)
    }
}

/// The columns every kind gives the queue, by the same names.
fn select(kind: JobKind) -> String {
    let common = "id, name, status, created, task_impact, dependencies_processed, execution_node, controller_node, \
                  instance_group_id, job_explanation, launch_type";
    let (t, specific) = match kind {
        JobKind::Job => (
            "job",
            "job_template_id AS template, project_id AS project, inventory_id AS inventory, organization_id AS organization, allow_simultaneous, \
             module_name <> '' AS ad_hoc",
        ),
        JobKind::ProjectUpdate => (
            "project_update",
            "project_id AS template, project_id AS project, NULL AS inventory, NULL AS organization, FALSE AS allow_simultaneous, FALSE AS ad_hoc",
        ),
        JobKind::InventoryUpdate => (
            "inventory_update",
            "inventory_source_id AS template, NULL AS project, inventory_id AS inventory, NULL AS organization, FALSE AS allow_simultaneous, FALSE AS ad_hoc",
        ),
        JobKind::SystemJob => (
            "system_job",
            "system_job_template_id AS template, NULL AS project, NULL AS inventory, organization_id AS organization, FALSE AS allow_simultaneous, FALSE AS ad_hoc",
        ),
        JobKind::WorkflowJob => (
            "workflow_job",
            "workflow_job_template_id AS template, NULL AS project, NULL AS inventory, organization_id AS organization, allow_simultaneous, FALSE AS ad_hoc",
        ),
        JobKind::WorkflowApproval => (
            "workflow_approval",
            "workflow_approval_template_id AS template, NULL AS project, NULL AS inventory, NULL AS organization, FALSE AS allow_simultaneous, FALSE AS ad_hoc",
        ),
    };
    format!("SELECT '{t}' AS kind, {common}, {specific} FROM {t}")
}

/// Every task of the queue in `statuses`, system jobs first, then by creation (and id).
pub fn load(tx: &mut Tx<'_>, statuses: &[&str], extra: &str) -> Result<Vec<Task>> {
    let list = statuses.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    for kind in KINDS {
        out.extend(tx.query_as::<Task>(&format!("{} WHERE status IN ({list}) {extra}", select(kind)), &[])?);
    }
    out.sort_by(|a, b| {
        (a.kind != JobKind::SystemJob, a.created.as_str(), a.id).cmp(&(b.kind != JobKind::SystemJob, b.created.as_str(), b.id))
    });
    Ok(out)
}

/// What one cycle decided.
#[cfg(test)]
mod tests {
    use super::*;

    fn g(id: i64) -> Group {
        Group { id: Some(id), name: format!("g{id}"), members: Vec::new(), max_concurrent_jobs: 0, max_forks: 0 }
    }

    fn task(kind: JobKind) -> Task {
        Task {
            kind,
            id: 1,
            name: "t".into(),
            status: JobStatus::Pending,
            created: String::new(),
            task_impact: 1,
            dependencies_processed: true,
            execution_node: String::new(),
            controller_node: String::new(),
            instance_group_id: None,
            job_explanation: String::new(),
            template: Some(10),
            project: None,
            inventory: Some(20),
            organization: Some(30),
            allow_simultaneous: false,
            ad_hoc: false,
            launch_type: "manual".into(),
        }
    }

    fn ids(groups: Vec<Group>) -> Vec<Option<i64>> {
        groups.into_iter().map(|g| g.id).collect()
    }

    #[test]
    fn instance_groups_in_awxs_order() {
        let mut gs = Groups {
            by_id: (1..=6).map(|i| (i, g(i))).collect(),
            control_plane: Group { id: None, name: "controlplane".into(), members: Vec::new(), max_concurrent_jobs: 0, max_forks: 0 },
            global: vec![g(6)],
            template_groups: HashMap::from([(10, vec![1, 2])]),
            inventory_groups: HashMap::from([(20, vec![3, 1])]),
            organization_groups: HashMap::from([(30, vec![4]), (31, vec![5])]),
            template_prevent: HashSet::new(),
            inventory_prevent: HashSet::new(),
            inventory_org: HashMap::from([(20, 31)]),
        };
        let job = task(JobKind::Job);
        assert_eq!(
            ids(gs.preferred(&job)),
            [Some(1), Some(2), Some(3), Some(4)],
            "template, inventory, the job's organization; no repeats"
        );
        let mut prompted = job.clone();
        prompted.instance_group_id = Some(5);
        assert_eq!(ids(gs.preferred(&prompted)), [Some(5)], "a prompted group alone");
        let mut no_org = job.clone();
        no_org.organization = None;
        assert_eq!(ids(gs.preferred(&no_org)), [Some(1), Some(2), Some(3), Some(5)], "else the inventory's organization");
        gs.inventory_prevent.insert(20);
        assert_eq!(ids(gs.preferred(&job)), [Some(1), Some(2), Some(3)], "the inventory stops the fallback");
        gs.template_prevent.insert(10);
        assert_eq!(ids(gs.preferred(&job)), [Some(1), Some(2)], "the template stops it");
        gs.template_groups.clear();
        assert_eq!(ids(gs.preferred(&job)), [Some(6)], "nothing left: the global groups");
        gs.template_prevent.clear();
        gs.inventory_prevent.clear();
        assert_eq!(
            ids(gs.preferred(&task(JobKind::InventoryUpdate))),
            [Some(3), Some(1), Some(5)],
            "an update: inventory, its organization"
        );
        assert_eq!(ids(gs.preferred(&task(JobKind::ProjectUpdate))), [None], "control tasks: the control plane");
        assert_eq!(ids(gs.preferred(&task(JobKind::SystemJob))), [None]);
        let mut unknown = job.clone();
        unknown.instance_group_id = Some(99);
        assert_eq!(ids(gs.preferred(&unknown)), [Some(6)], "a deleted group: the global list");
    }

    #[test]
    fn task_refs_are_written_as_awx_writes_them() {
        assert_eq!(
            task_ref(JobKind::ProjectUpdate, "app \"x\"", 12),
            r#"{"job_type": "project_update", "job_name": "app \"x\"", "job_id": "12"}"#
        );
    }
}

#[derive(Debug, Default, Serialize)]
pub struct CycleReport {
    /// The lock was held by another cycle: this one decided nothing.
    pub skipped: bool,
    pub started: Vec<Started>,
    pub waiting: Vec<Waiting>,
    pub failed: Vec<Ended>,
    pub canceled: Vec<Ended>,
    pub reaped: Vec<Ended>,
    pub dependencies: Vec<deps::Created>,
    /// What the workflow manager step did (omitted when nothing).
    #[serde(skip_serializing_if = "crate::workflow::manager::StepReport::is_empty")]
    pub workflows: crate::workflow::manager::StepReport,
    /// Pending tasks left for the next cycle (start limit or time limit reached).
    pub deferred: usize,
    pub elapsed: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Started {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: i64,
    pub name: String,
    pub execution_node: String,
    pub controller_node: String,
    pub instance_group: Option<String>,
    #[serde(skip)]
    pub job_kind: JobKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: i64,
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ended {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: i64,
    pub name: String,
    pub job_explanation: String,
}

/// The settings a cycle reads.
struct Limits {
    start: i64,
    time: Duration,
    control_impact: i64,
}

impl Limits {
    fn load(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<Limits> {
        Ok(Limits {
            start: settings::get(tx, secrets, &START_TASK_LIMIT)?,
            time: Duration::from_secs(settings::get(tx, secrets, &TASK_MANAGER_TIMEOUT)?.max(1) as u64),
            control_impact: settings::get(tx, secrets, &AWX_CONTROL_NODE_TASK_IMPACT)?,
        })
    }
}

/// The instance groups as the cycle sees them, and the preference lists of templates,
/// inventories and organizations.
struct Groups {
    by_id: HashMap<i64, Group>,
    control_plane: Group,
    global: Vec<Group>,
    template_groups: HashMap<i64, Vec<i64>>,
    inventory_groups: HashMap<i64, Vec<i64>>,
    organization_groups: HashMap<i64, Vec<i64>>,
    template_prevent: HashSet<i64>,
    inventory_prevent: HashSet<i64>,
    inventory_org: HashMap<i64, i64>,
}

fn links(tx: &mut Tx<'_>, table: &str, owner: &str) -> Result<HashMap<i64, Vec<i64>>> {
    let mut m: HashMap<i64, Vec<i64>> = HashMap::new();
    tx.query_each(
        &format!("SELECT {owner} AS owner, instance_group_id FROM {table} ORDER BY {owner}, position, instance_group_id"),
        &[],
        |r| {
            m.entry(r.col("owner")?).or_default().push(r.col("instance_group_id")?);
            Ok(())
        },
    )?;
    Ok(m)
}

fn load_cluster(tx: &mut Tx<'_>, control_impact: i64) -> Result<(Cluster, Groups)> {
    let mut cluster = Cluster { nodes: Vec::new(), control_impact };
    let mut instance_index: HashMap<i64, usize> = HashMap::new();
    tx.query_each("SELECT id, hostname, node_type, capacity, enabled FROM instance ORDER BY hostname", &[], |r| {
        let Some(t) = NodeType::parse(&r.col::<String>("node_type")?) else { return Ok(()) };
        let enabled: bool = r.col("enabled")?;
        let capacity: i64 = r.col("capacity")?;
        instance_index.insert(r.col("id")?, cluster.nodes.len());
        cluster.nodes.push(Node::new(&r.col::<String>("hostname")?, t, if enabled { capacity.max(0) } else { 0 }));
        Ok(())
    })?;
    let mut by_id: HashMap<i64, Group> = HashMap::new();
    let mut by_name = HashMap::new();
    tx.query_each("SELECT id, name, max_concurrent_jobs, max_forks FROM instance_group ORDER BY id", &[], |r| {
        let id: i64 = r.col("id")?;
        let name: String = r.col("name")?;
        by_name.insert(name.clone(), id);
        by_id.insert(
            id,
            Group {
                id: Some(id),
                name,
                members: Vec::new(),
                max_concurrent_jobs: r.col("max_concurrent_jobs")?,
                max_forks: r.col("max_forks")?,
            },
        );
        Ok(())
    })?;
    tx.query_each(
        "SELECT instance_group_id, instance_id FROM instance_group_instance ORDER BY instance_group_id, instance_id",
        &[],
        |r| {
            if let (Some(g), Some(&i)) =
                (by_id.get_mut(&r.col::<i64>("instance_group_id")?), instance_index.get(&r.col::<i64>("instance_id")?))
            {
                g.members.push(i);
            }
            Ok(())
        },
    )?;
    // Members in hostname order (AWX: member order), ties go to the first.
    for g in by_id.values_mut() {
        g.members.sort_by(|a, b| cluster.nodes[*a].hostname.cmp(&cluster.nodes[*b].hostname));
    }
    let virtual_group = |name: &str, pick: &dyn Fn(NodeType) -> bool| Group {
        id: None,
        name: name.to_string(),
        members: (0..cluster.nodes.len()).filter(|&i| pick(cluster.nodes[i].node_type)).collect(),
        max_concurrent_jobs: 0,
        max_forks: 0,
    };
    let control_plane = match by_name.get("controlplane").and_then(|id| by_id.get(id)) {
        Some(g) => g.clone(),
        None => virtual_group("controlplane", &|t| t.controls()),
    };
    let mut global: Vec<Group> =
        ["default", "controlplane"].iter().filter_map(|n| by_name.get(*n).and_then(|id| by_id.get(id)).cloned()).collect();
    if global.is_empty() {
        global.push(virtual_group("default", &|t| t == NodeType::Hybrid));
    }
    let template_groups = links(tx, "job_template_instance_group", "job_template_id")?;
    let inventory_groups = links(tx, "inventory_instance_group", "inventory_id")?;
    let organization_groups = links(tx, "organization_instance_group", "organization_id")?;
    let mut template_prevent = HashSet::new();
    tx.query_each("SELECT id FROM job_template WHERE prevent_instance_group_fallback", &[], |r| {
        template_prevent.insert(r.col("id")?);
        Ok(())
    })?;
    let mut inventory_prevent = HashSet::new();
    let mut inventory_org = HashMap::new();
    tx.query_each("SELECT id, organization_id, prevent_instance_group_fallback FROM inventory", &[], |r| {
        let id: i64 = r.col("id")?;
        if r.col::<bool>("prevent_instance_group_fallback")? {
            inventory_prevent.insert(id);
        }
        if let Some(o) = r.col::<Option<i64>>("organization_id")? {
            inventory_org.insert(id, o);
        }
        Ok(())
    })?;
    let groups = Groups {
        by_id,
        control_plane,
        global,
        template_groups,
        inventory_groups,
        organization_groups,
        template_prevent,
        inventory_prevent,
        inventory_org,
    };
    Ok((cluster, groups))
}

impl Groups {
    /// AWX's preferred instance groups of an execution task (§2.9).
    fn preferred(&self, t: &Task) -> Vec<Group> {
        let mut ids: Vec<i64> = Vec::new();
        let mut fallback = true;
        match t.kind {
            JobKind::Job => {
                if let Some(g) = t.instance_group_id {
                    ids.push(g);
                    fallback = false;
                } else if let Some(tid) = t.template {
                    ids.extend(self.template_groups.get(&tid).into_iter().flatten());
                    fallback = !self.template_prevent.contains(&tid);
                }
            }
            JobKind::InventoryUpdate => {}
            _ => return vec![self.control_plane.clone()],
        }
        if fallback && let Some(inv) = t.inventory {
            ids.extend(self.inventory_groups.get(&inv).into_iter().flatten());
            if !self.inventory_prevent.contains(&inv) {
                let org = if t.kind == JobKind::Job {
                    t.organization.or(self.inventory_org.get(&inv).copied())
                } else {
                    self.inventory_org.get(&inv).copied()
                };
                if let Some(o) = org {
                    ids.extend(self.organization_groups.get(&o).into_iter().flatten());
                }
            }
        }
        let mut seen = HashSet::new();
        let groups: Vec<Group> = ids.into_iter().filter(|i| seen.insert(*i)).filter_map(|i| self.by_id.get(&i).cloned()).collect();
        if groups.is_empty() { self.global.clone() } else { groups }
    }

    fn name_of(&self, id: Option<i64>) -> Option<String> {
        id.and_then(|i| self.by_id.get(&i)).map(|g| g.name.clone())
    }
}

/// The dependencies of the given tasks: (task id → [(kind, id, status, name)]).
type DepMap = HashMap<i64, Vec<(JobKind, i64, JobStatus, String)>>;

fn dependencies(tx: &mut Tx<'_>, pending: &[i64]) -> Result<DepMap> {
    let mut out: DepMap = HashMap::new();
    if pending.is_empty() {
        return Ok(out);
    }
    let mut targets: HashMap<i64, Vec<i64>> = HashMap::new();
    for chunk in pending.chunks(500) {
        let list = chunk.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
        tx.query_each(&format!("SELECT job_id, depends_on_id FROM unified_job_dependency WHERE job_id IN ({list})"), &[], |r| {
            targets.entry(r.col("depends_on_id")?).or_default().push(r.col("job_id")?);
            Ok(())
        })?;
    }
    let ids: Vec<i64> = targets.keys().copied().collect();
    for kind in KINDS {
        for chunk in ids.chunks(500) {
            let list = chunk.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
            tx.query_each(&format!("SELECT id, status, name FROM {} WHERE id IN ({list})", kind.table()), &[], |r| {
                let id: i64 = r.col("id")?;
                let status: JobStatus = r.col("status")?;
                let name: String = r.col("name")?;
                for waiter in targets.get(&id).into_iter().flatten() {
                    out.entry(*waiter).or_default().push((kind, id, status, name.clone()));
                }
                Ok(())
            })?;
        }
    }
    for v in out.values_mut() {
        v.sort_by_key(|d| d.1);
    }
    Ok(out)
}

/// `{"job_type": …, "job_name": …, "job_id": …}` as AWX writes it in cascade texts.
/// (Python's `json.dumps` spacing: `, ` and `: `.)
pub fn task_ref(kind: JobKind, name: &str, id: i64) -> String {
    let q = |s: &str| serde_json::Value::from(s).to_string();
    format!("{{\"job_type\": {}, \"job_name\": {}, \"job_id\": {}}}", q(type_name(kind)), q(name), q(&id.to_string()))
}

/// Set many explanations at once (one statement per chunk per kind).
fn write_explanations(tx: &mut Tx<'_>, changes: &[(JobKind, i64, String)]) -> Result<()> {
    for kind in KINDS {
        let mine: Vec<&(JobKind, i64, String)> = changes.iter().filter(|c| c.0 == kind).collect();
        for chunk in mine.chunks(400) {
            let mut params = Vec::with_capacity(chunk.len() * 2);
            let mut values = Vec::with_capacity(chunk.len());
            for (i, (_, id, text)) in chunk.iter().enumerate() {
                values.push(format!("(CAST(${} AS BIGINT), CAST(${} AS TEXT))", 2 * i + 1, 2 * i + 2));
                params.push(crate::db::Value::from(*id));
                params.push(crate::db::Value::from(text.clone()));
            }
            tx.execute(
                &format!(
                    "WITH v(i, e) AS (VALUES {}) UPDATE {t} SET job_explanation = (SELECT e FROM v WHERE v.i = {t}.id) WHERE id IN (SELECT i FROM v)",
                    values.join(", "),
                    t = kind.table()
                ),
                &params,
            )?;
        }
    }
    Ok(())
}

/// Run one cycle (see the module doc). `node` is this node's name.
pub fn cycle(ctx: &Ctx, db: &mut Db) -> Result<CycleReport> {
    let began = Instant::now();
    let projects_root = db.read(|tx| crate::runner::projects_root(ctx, tx))?;
    let mut report = db.write(|tx| {
        if !tx.try_lock("awxm:task_manager")? {
            return Ok(CycleReport { skipped: true, ..Default::default() });
        }
        let limits = Limits::load(tx, &ctx.secrets)?;
        // Workflows first: the node jobs they spawn are placed by this same cycle.
        let workflows = crate::workflow::manager::step(tx, &ctx.secrets, &projects_root, &ctx.config.node_name)?;
        let mut report = CycleReport { dependencies: deps::process(tx, &projects_root)?, workflows, ..Default::default() };
        decide(tx, &limits, began, &mut report)?;
        Ok(report)
    })?;
    report.elapsed = began.elapsed().as_secs_f64();
    crate::workflow::notify::send(db, &ctx.secrets, &report.workflows.notices);
    Ok(report)
}

fn decide(tx: &mut Tx<'_>, limits: &Limits, began: Instant, report: &mut CycleReport) -> Result<()> {
    let (mut cluster, groups) = load_cluster(tx, limits.control_impact)?;
    let tasks = load(tx, &["pending", "waiting", "running"], "AND dependencies_processed")?;
    let mut graph = graph::Graph::default();

    // Running pass: what already runs consumes capacity and blocks.
    for t in tasks.iter().filter(|t| t.status != JobStatus::Pending) {
        let exec = cluster.node(&t.execution_node);
        if !t.execution_node.is_empty() && exec.is_none() {
            let text =
                format!("Task was marked as running but its node {} is not registered, so it has been marked as failed.", t.execution_node);
            jobs::set_status(tx, t.kind, t.id, JobStatus::Failed, Some(&text))?;
            report.reaped.push(Ended { kind: type_name(t.kind), id: t.id, name: t.name.clone(), job_explanation: text });
            continue;
        }
        graph.add(&t.node());
        if let Some(e) = exec {
            let controller = if t.controller_node.is_empty() { Some(e) } else { cluster.node(&t.controller_node) };
            cluster.consume(Fit { execution: e, controller: controller.unwrap_or(e) }, t.task_impact);
        }
    }

    // Pending pass.
    let pending: Vec<&Task> = tasks.iter().filter(|t| t.status == JobStatus::Pending).collect();
    let deps = dependencies(tx, &pending.iter().map(|t| t.id).collect::<Vec<_>>())?;
    let mut explanations: Vec<(JobKind, i64, String)> = Vec::new();
    let mut starts = 0i64;
    for (i, t) in pending.iter().enumerate() {
        if starts >= limits.start || began.elapsed() >= limits.time {
            report.deferred = pending.len() - i;
            break;
        }
        let my_deps = deps.get(&t.id).map(Vec::as_slice).unwrap_or(&[]);
        if let Some((k, id, _, name)) = my_deps.iter().find(|d| matches!(d.2, JobStatus::Failed | JobStatus::Error)) {
            let text = format!("Previous Task Failed: {}", task_ref(*k, name, *id));
            jobs::set_status(tx, t.kind, t.id, JobStatus::Failed, Some(&text))?;
            report.failed.push(Ended { kind: type_name(t.kind), id: t.id, name: t.name.clone(), job_explanation: text });
            continue;
        }
        if let Some((k, id, _, name)) = my_deps.iter().find(|d| d.2 == JobStatus::Canceled) {
            let text = format!("Previous Task Canceled: {}", task_ref(*k, name, *id));
            jobs::set_status(tx, t.kind, t.id, JobStatus::Canceled, Some(&text))?;
            report.canceled.push(Ended { kind: type_name(t.kind), id: t.id, name: t.name.clone(), job_explanation: text });
            continue;
        }
        let blocker = graph.blocker(&t.node()).or_else(|| my_deps.iter().find(|d| !d.2.is_final()).map(|d| (model_name(d.0), d.1)));
        let reason = if let Some((model, id)) = blocker {
            Some(format!("waiting for {model}-{id} to finish"))
        } else {
            match place(&cluster, &groups, t) {
                Some((fit, group)) => {
                    cluster.consume(fit, t.task_impact);
                    graph.add(&t.node());
                    starts += 1;
                    let (exec, ctrl) = (cluster.nodes[fit.execution].hostname.clone(), cluster.nodes[fit.controller].hostname.clone());
                    start(tx, t, &exec, &ctrl, group)?;
                    report.started.push(Started {
                        kind: type_name(t.kind),
                        id: t.id,
                        name: t.name.clone(),
                        execution_node: exec,
                        controller_node: ctrl,
                        instance_group: groups.name_of(group),
                        job_kind: t.kind,
                    });
                    None
                }
                None if t.is_control() && groups.control_plane.members.is_empty() => {
                    Some(format!("{NO_CAPACITY} (no control node is registered: run `awxm heartbeat`)"))
                }
                None => Some(NO_CAPACITY.to_string()),
            }
        };
        if let Some(reason) = reason {
            if reason != t.job_explanation {
                explanations.push((t.kind, t.id, reason.clone()));
            }
            report.waiting.push(Waiting { kind: type_name(t.kind), id: t.id, name: t.name.clone(), reason });
        }
    }
    write_explanations(tx, &explanations)
}

/// Where a pending task goes now, if anywhere: the fit and the group.
fn place(cluster: &Cluster, groups: &Groups, t: &Task) -> Option<(Fit, Option<i64>)> {
    let plane = &groups.control_plane;
    if t.is_control() {
        let controller = cluster.pick_controller(plane, t.task_impact)?;
        if !cluster.group_has_room(plane, t.task_impact, true) {
            return None;
        }
        return Some((Fit { execution: controller, controller }, plane.id));
    }
    let controller = cluster.pick_controller(plane, 0)?;
    for g in groups.preferred(t) {
        if !cluster.group_has_room(&g, t.task_impact, false) {
            continue;
        }
        if let Some(e) = cluster.pick_execution(&g, t.task_impact) {
            let controller = if cluster.nodes[e].node_type == NodeType::Hybrid { e } else { controller };
            return Some((Fit { execution: e, controller }, g.id));
        }
    }
    None
}

/// Move a pending task to `waiting` on its nodes (the runner moves it to running).
fn start(tx: &mut Tx<'_>, t: &Task, exec: &str, ctrl: &str, group: Option<i64>) -> Result<()> {
    tx.execute(
        &format!(
            "UPDATE {} SET execution_node = $1, controller_node = $2, instance_group_id = COALESCE($3, instance_group_id),
                job_explanation = '', pid = NULL WHERE id = $4",
            t.kind.table()
        ),
        crate::params![exec, ctrl, group, t.id],
    )?;
    jobs::set_status(tx, t.kind, t.id, JobStatus::Waiting, Some(""))?;
    Ok(())
}

/// Register this node (as `awxm heartbeat` does) when the instance table does not know it yet,
/// so that a fresh installation has the capacity of the machine it runs on.
pub fn ensure_registered(ctx: &Ctx, db: &mut Db) -> Result<()> {
    let node = ctx.config.node_name.clone();
    if db.read(|tx| crate::cluster::find_instance(tx, &node))?.is_some() {
        return Ok(());
    }
    let (cpu, mem) = crate::cluster::capacity::measure_local();
    db.write(|tx| {
        if crate::cluster::find_instance(tx, &node)?.is_none() {
            crate::cluster::heartbeat::run(tx, &ctx.secrets, &node, &crate::time::now(), cpu, mem)?;
        }
        Ok(())
    })
}
