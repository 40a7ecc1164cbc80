//! AWX's blocking rules (`DependencyGraph`, reference §2.7): which running or just-started
//! task keeps a pending one from starting. Pure: the cycle registers tasks and asks.
//!
//! | kind | registers under | is blocked by |
//! |---|---|---|
//! | project update | its project's updates | an update of the same project |
//! | inventory update | its inventory's and its source's updates | an update of the same source |
//! | job | its template's jobs | its project's update, its inventory's update, and (unless `allow_simultaneous`) its template's job |
//! | ad hoc command | its inventory's updates | its inventory's update or ad hoc command |
//! | system job | the one system-job key | any system job |
//!
//! The first task registered under a key is the one named ("waiting for job-7 to finish").

use std::collections::HashMap;

use crate::jobs::JobKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    ProjectUpdates(i64),
    InventoryUpdates(i64),
    SourceUpdates(i64),
    TemplateJobs(i64),
    SystemJob,
}

/// What the graph needs to know of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub kind: JobKind,
    pub id: i64,
    /// job: job template; project update: project; inventory update: source; system job: template.
    pub template: Option<i64>,
    pub project: Option<i64>,
    pub inventory: Option<i64>,
    pub allow_simultaneous: bool,
    /// An ad hoc command (a job row with a module): it holds its inventory as an update does.
    pub ad_hoc: bool,
}

impl Node {
    /// AWX's model name, as "waiting for …" texts spell it.
    fn model(&self) -> &'static str {
        if self.ad_hoc { "adhoccommand" } else { model_name(self.kind) }
    }
}

#[derive(Debug, Default)]
pub struct Graph {
    map: HashMap<Key, (&'static str, JobKind, i64)>,
}

impl Graph {
    fn keys(n: &Node) -> Vec<Key> {
        match n.kind {
            JobKind::ProjectUpdate => n.project.map(Key::ProjectUpdates).into_iter().collect(),
            JobKind::InventoryUpdate => {
                n.inventory.map(Key::InventoryUpdates).into_iter().chain(n.template.map(Key::SourceUpdates)).collect()
            }
            JobKind::Job if n.ad_hoc => n.inventory.map(Key::InventoryUpdates).into_iter().collect(),
            JobKind::Job => n.template.map(Key::TemplateJobs).into_iter().collect(),
            JobKind::SystemJob => vec![Key::SystemJob],
            JobKind::WorkflowJob | JobKind::WorkflowApproval => Vec::new(),
        }
    }

    /// Record a running (or just started) task; the first under each key stays.
    pub fn add(&mut self, n: &Node) {
        for k in Self::keys(n) {
            self.map.entry(k).or_insert((n.model(), n.kind, n.id));
        }
    }

    /// The task that blocks `n`, if any: its model name (`adhoccommand`, `job`, …) and id.
    pub fn blocker(&self, n: &Node) -> Option<(&'static str, i64)> {
        let looks: Vec<Key> = match n.kind {
            JobKind::ProjectUpdate => n.project.map(Key::ProjectUpdates).into_iter().collect(),
            JobKind::InventoryUpdate => n.template.map(Key::SourceUpdates).into_iter().collect(),
            JobKind::Job if n.ad_hoc => n.inventory.map(Key::InventoryUpdates).into_iter().collect(),
            JobKind::Job => {
                let mut v: Vec<Key> = n.project.map(Key::ProjectUpdates).into_iter().collect();
                v.extend(n.inventory.map(Key::InventoryUpdates));
                if !n.allow_simultaneous {
                    v.extend(n.template.map(Key::TemplateJobs));
                }
                v
            }
            JobKind::SystemJob => vec![Key::SystemJob],
            JobKind::WorkflowJob | JobKind::WorkflowApproval => Vec::new(),
        };
        looks
            .iter()
            .find_map(|k| self.map.get(k).copied().filter(|(_, kind, id)| !(*kind == n.kind && *id == n.id)))
            .map(|(model, _, id)| (model, id))
    }
}

/// AWX's model name of a kind, as its "waiting for …" texts spell it.
pub fn model_name(kind: JobKind) -> &'static str {
    match kind {
        JobKind::Job => "job",
        JobKind::ProjectUpdate => "projectupdate",
        JobKind::InventoryUpdate => "inventoryupdate",
        JobKind::SystemJob => "systemjob",
        JobKind::WorkflowJob => "workflowjob",
        JobKind::WorkflowApproval => "workflowapproval",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: i64, template: i64, project: i64, inventory: i64, sim: bool) -> Node {
        Node {
            kind: JobKind::Job,
            id,
            template: Some(template),
            project: Some(project),
            inventory: Some(inventory),
            allow_simultaneous: sim,
            ad_hoc: false,
        }
    }
    fn adhoc(id: i64, inventory: i64) -> Node {
        Node { kind: JobKind::Job, id, template: None, project: None, inventory: Some(inventory), allow_simultaneous: false, ad_hoc: true }
    }
    fn pu(id: i64, project: i64) -> Node {
        Node {
            kind: JobKind::ProjectUpdate,
            id,
            template: Some(project),
            project: Some(project),
            inventory: None,
            allow_simultaneous: false,
            ad_hoc: false,
        }
    }
    fn iu(id: i64, source: i64, inventory: i64) -> Node {
        Node {
            kind: JobKind::InventoryUpdate,
            id,
            template: Some(source),
            project: None,
            inventory: Some(inventory),
            allow_simultaneous: false,
            ad_hoc: false,
        }
    }
    fn sj(id: i64, template: i64) -> Node {
        Node {
            kind: JobKind::SystemJob,
            id,
            template: Some(template),
            project: None,
            inventory: None,
            allow_simultaneous: false,
            ad_hoc: false,
        }
    }

    #[test]
    fn jobs_of_one_template_wait_unless_simultaneous() {
        let mut g = Graph::default();
        g.add(&job(1, 10, 20, 30, false));
        assert_eq!(g.blocker(&job(2, 10, 21, 31, false)), Some(("job", 1)));
        assert_eq!(g.blocker(&job(2, 10, 21, 31, true)), None, "allow_simultaneous");
        assert_eq!(g.blocker(&job(3, 11, 20, 30, false)), None, "another template, same project and inventory");
        assert_eq!(g.blocker(&job(1, 10, 20, 30, false)), None, "a task never blocks itself");
    }

    #[test]
    fn updates_block_jobs_of_their_project_and_inventory() {
        let mut g = Graph::default();
        g.add(&pu(5, 20));
        g.add(&iu(6, 40, 30));
        assert_eq!(g.blocker(&job(1, 10, 20, 99, false)), Some(("projectupdate", 5)));
        assert_eq!(g.blocker(&job(1, 10, 98, 30, false)), Some(("inventoryupdate", 6)));
        assert_eq!(g.blocker(&job(1, 10, 98, 99, false)), None);
        // One update per project and per source at a time; another source of the inventory runs.
        assert_eq!(g.blocker(&pu(7, 20)), Some(("projectupdate", 5)));
        assert_eq!(g.blocker(&pu(7, 21)), None);
        assert_eq!(g.blocker(&iu(8, 40, 30)), Some(("inventoryupdate", 6)));
        assert_eq!(g.blocker(&iu(8, 41, 30)), None);
    }

    #[test]
    fn jobs_never_block_updates_and_the_first_registered_is_named() {
        let mut g = Graph::default();
        g.add(&job(1, 10, 20, 30, false));
        assert_eq!(g.blocker(&pu(2, 20)), None);
        assert_eq!(g.blocker(&iu(3, 40, 30)), None);
        g.add(&pu(4, 20));
        g.add(&pu(5, 20));
        assert_eq!(g.blocker(&job(6, 11, 20, 31, true)), Some(("projectupdate", 4)));
    }

    #[test]
    fn one_system_job_at_a_time_whatever_its_type() {
        let mut g = Graph::default();
        assert_eq!(g.blocker(&sj(1, 1)), None);
        g.add(&sj(1, 1));
        assert_eq!(g.blocker(&sj(2, 2)), Some(("systemjob", 1)));
        assert_eq!(g.blocker(&job(3, 1, 1, 1, false)), None, "system jobs do not block other kinds");
    }

    #[test]
    fn ad_hoc_commands_hold_their_inventory_like_an_update() {
        let mut g = Graph::default();
        g.add(&iu(1, 40, 30));
        assert_eq!(g.blocker(&adhoc(2, 30)), Some(("inventoryupdate", 1)), "an update of its inventory");
        assert_eq!(g.blocker(&adhoc(2, 31)), None, "another inventory");
        let mut g = Graph::default();
        g.add(&adhoc(3, 30));
        assert_eq!(g.blocker(&adhoc(4, 30)), Some(("adhoccommand", 3)), "one ad hoc command per inventory at a time");
        assert_eq!(g.blocker(&job(5, 10, 20, 30, true)), Some(("adhoccommand", 3)), "new jobs on its inventory wait");
        assert_eq!(g.blocker(&iu(6, 40, 30)), None, "updates do not wait for it");
        assert_eq!(g.blocker(&adhoc(3, 30)), None, "it never blocks itself");
        let mut g = Graph::default();
        g.add(&job(7, 10, 20, 30, false));
        assert_eq!(g.blocker(&adhoc(8, 30)), None, "jobs never block ad hoc commands");
    }

    #[test]
    fn model_names_are_awxs() {
        assert_eq!(model_name(JobKind::ProjectUpdate), "projectupdate");
        assert_eq!(model_name(JobKind::InventoryUpdate), "inventoryupdate");
        assert_eq!(model_name(JobKind::SystemJob), "systemjob");
        assert_eq!(model_name(JobKind::Job), "job");
        assert_eq!(model_name(JobKind::WorkflowJob), "workflowjob");
    }
}
