//! Where a task runs: AWX's capacity accounting and placement rules (reference §2.8–2.11), as
//! pure functions over an in-memory picture of the cluster that the task manager builds once
//! per cycle and updates as it starts tasks.
//!
//! - A node consumes, for each task it *executes*, the task's impact and one running job (only
//!   execution-capable nodes: hybrid, execution, isolated); for each task it *controls*, the
//!   control impact (`awx_control_node_task_impact`, only control-capable nodes: control,
//!   hybrid). Remaining capacity is capacity − consumed, floored at 0.
//! - A group's limits: `max_concurrent_jobs` (its members' running jobs + 1 must fit; + 0 for a
//!   control task on the control plane) and `max_forks` (members' consumed + the task's impact
//!   must fit; the control impact for a control task); 0 is unlimited.
//! - The controller is the control-capable node of the control plane that keeps the most
//!   remaining capacity after the control impact (plus the task's impact for a control task);
//!   nothing fits: the task waits.
//! - The execution node is the execution-capable member that keeps the most remaining
//!   capacity after the task (hybrid nodes also pay the control impact, as they control their
//!   own tasks), the first on ties; else the largest idle member, even if the task exceeds it
//!   (one task always runs per group). A hybrid execution node is its own controller.

use serde::Serialize;

/// What a node does (AWX's `node_type`; awxm's `isolated` nodes execute over SSH).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeType {
    Control,
    Hybrid,
    Execution,
    Isolated,
}

impl NodeType {
    pub fn parse(s: &str) -> Option<NodeType> {
        Some(match s {
            "control" => NodeType::Control,
            "hybrid" => NodeType::Hybrid,
            "execution" => NodeType::Execution,
            "isolated" => NodeType::Isolated,
            _ => return None,
        })
    }
    pub fn executes(self) -> bool {
        !matches!(self, NodeType::Control)
    }
    pub fn controls(self) -> bool {
        matches!(self, NodeType::Control | NodeType::Hybrid)
    }
}

/// A node as the task manager sees it during one cycle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub hostname: String,
    pub node_type: NodeType,
    pub capacity: i64,
    pub consumed: i64,
    pub jobs_running: i64,
}

impl Node {
    pub fn new(hostname: &str, node_type: NodeType, capacity: i64) -> Node {
        Node { hostname: hostname.to_string(), node_type, capacity, consumed: 0, jobs_running: 0 }
    }
    pub fn remaining(&self) -> i64 {
        (self.capacity - self.consumed).max(0)
    }
}

/// An instance group: its members (indices into [`Cluster::nodes`], in member order) and limits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub id: Option<i64>,
    pub name: String,
    pub members: Vec<usize>,
    pub max_concurrent_jobs: i64,
    pub max_forks: i64,
}

/// The cluster during one cycle.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    pub nodes: Vec<Node>,
    /// Capacity a controller spends per task it controls.
    pub control_impact: i64,
}

/// Where a task goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub execution: usize,
    pub controller: usize,
}

impl Cluster {
    pub fn node(&self, hostname: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.hostname == hostname)
    }

    fn consumed(&self, g: &Group) -> i64 {
        g.members.iter().map(|&m| self.nodes[m].consumed).sum()
    }

    fn jobs_running(&self, g: &Group) -> i64 {
        g.members.iter().map(|&m| self.nodes[m].jobs_running).sum()
    }

    /// AWX's `has_remaining_capacity`: the group's limits allow one more task of `impact`.
    /// `control_mode`: a control task (project update, system job) on the control plane.
    pub fn group_has_room(&self, g: &Group, impact: i64, control_mode: bool) -> bool {
        let (job_term, fork_term) = if control_mode { (0, self.control_impact) } else { (1, impact) };
        if g.max_concurrent_jobs > 0 && g.max_concurrent_jobs - self.jobs_running(g) - job_term < 0 {
            return false;
        }
        if g.max_forks > 0 && g.max_forks - self.consumed(g) - fork_term < 0 {
            return false;
        }
        true
    }

    /// The control-capable member of `plane` that keeps the most capacity after
    /// `control impact + extra` (≥ 0), the first on ties.
    pub fn pick_controller(&self, plane: &Group, extra: i64) -> Option<usize> {
        let need = self.control_impact + extra;
        let mut best: Option<(i64, usize)> = None;
        for &m in &plane.members {
            let n = &self.nodes[m];
            if !n.node_type.controls() {
                continue;
            }
            let left = n.remaining() - need;
            if left >= 0 && best.is_none_or(|(b, _)| left > b) {
                best = Some((left, m));
            }
        }
        best.map(|(_, m)| m)
    }

    /// The execution node for a task of `impact` in group `g`: the most remaining capacity
    /// after it, else the largest idle member.
    pub fn pick_execution(&self, g: &Group, impact: i64) -> Option<usize> {
        let mut best: Option<(i64, usize)> = None;
        for &m in &g.members {
            let n = &self.nodes[m];
            if !n.node_type.executes() {
                continue;
            }
            let own_control = if n.node_type == NodeType::Hybrid { self.control_impact } else { 0 };
            let left = n.remaining() - impact - own_control;
            if left >= 0 && best.is_none_or(|(b, _)| left > b) {
                best = Some((left, m));
            }
        }
        if let Some((_, m)) = best {
            return Some(m);
        }
        let mut idle: Option<usize> = None;
        for &m in &g.members {
            let n = &self.nodes[m];
            if n.node_type.executes()
                && n.capacity > 0
                && (n.jobs_running == 0 || n.consumed == 0)
                && idle.is_none_or(|i| n.capacity > self.nodes[i].capacity)
            {
                idle = Some(m);
            }
        }
        idle
    }

    /// Account a task of `impact` executed on `execution` and controlled by `controller`.
    pub fn consume(&mut self, fit: Fit, impact: i64) {
        let e = &mut self.nodes[fit.execution];
        if e.node_type.executes() {
            e.consumed += impact;
            e.jobs_running += 1;
        }
        let c = &mut self.nodes[fit.controller];
        if c.node_type.controls() {
            c.consumed += self.control_impact;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(nodes: &[(&str, NodeType, i64)]) -> Cluster {
        Cluster { nodes: nodes.iter().map(|(h, t, c)| Node::new(h, *t, *c)).collect(), control_impact: 1 }
    }

    fn group(members: &[usize], mcj: i64, forks: i64) -> Group {
        Group { id: Some(1), name: "g".into(), members: members.to_vec(), max_concurrent_jobs: mcj, max_forks: forks }
    }

    #[test]
    fn node_types_parse_and_say_what_they_do() {
        assert_eq!(NodeType::parse("hybrid"), Some(NodeType::Hybrid));
        assert_eq!(NodeType::parse("control"), Some(NodeType::Control));
        assert_eq!(NodeType::parse("execution"), Some(NodeType::Execution));
        assert_eq!(NodeType::parse("isolated"), Some(NodeType::Isolated));
        assert_eq!(NodeType::parse("hop"), None);
        assert!(NodeType::Hybrid.executes() && NodeType::Hybrid.controls());
        assert!(!NodeType::Control.executes() && NodeType::Control.controls());
        assert!(NodeType::Execution.executes() && !NodeType::Execution.controls());
        assert!(NodeType::Isolated.executes() && !NodeType::Isolated.controls());
    }

    #[test]
    fn nodes_are_found_by_hostname() {
        let c = cluster(&[("a", NodeType::Hybrid, 1), ("b", NodeType::Execution, 1), ("c", NodeType::Control, 1)]);
        assert_eq!(c.node("b"), Some(1));
        assert_eq!(c.node("c"), Some(2));
        assert_eq!(c.node("a"), Some(0));
        assert_eq!(c.node("zz"), None);
    }

    #[test]
    fn remaining_is_floored_at_zero() {
        let mut n = Node::new("a", NodeType::Hybrid, 5);
        n.consumed = 3;
        assert_eq!(n.remaining(), 2);
        n.consumed = 9;
        assert_eq!(n.remaining(), 0);
    }

    #[test]
    fn execution_goes_to_most_remaining_then_first_on_ties() {
        let c = cluster(&[("a", NodeType::Execution, 10), ("b", NodeType::Execution, 20), ("c", NodeType::Execution, 20)]);
        assert_eq!(c.pick_execution(&group(&[0, 1, 2], 0, 0), 5), Some(1), "b and c tie: the first wins");
        assert_eq!(c.pick_execution(&group(&[2, 1, 0], 0, 0), 5), Some(2), "member order decides ties");
    }

    #[test]
    fn a_task_that_exactly_fills_a_node_fits() {
        let c = cluster(&[("a", NodeType::Execution, 5)]);
        let mut busy = c.clone();
        busy.nodes[0].consumed = 1;
        busy.nodes[0].jobs_running = 1;
        assert_eq!(c.pick_execution(&group(&[0], 0, 0), 5), Some(0));
        assert_eq!(busy.pick_execution(&group(&[0], 0, 0), 5), None, "4 left, not idle: no fit");
    }

    #[test]
    fn hybrid_nodes_pay_their_own_control_impact() {
        // Both have 10: the hybrid keeps 10-5-1 = 4, the execution node 5.
        let c = cluster(&[("h", NodeType::Hybrid, 10), ("e", NodeType::Execution, 10)]);
        assert_eq!(c.pick_execution(&group(&[0, 1], 0, 0), 5), Some(1));
        // A hybrid node of 6 cannot take 6 (6-6-1 < 0) but is idle: the fallback takes it.
        let c = cluster(&[("h", NodeType::Hybrid, 6)]);
        assert_eq!(c.pick_execution(&group(&[0], 0, 0), 6), Some(0));
    }

    #[test]
    fn control_nodes_never_execute() {
        let c = cluster(&[("c", NodeType::Control, 100)]);
        assert_eq!(c.pick_execution(&group(&[0], 0, 0), 1), None);
        assert_eq!(c.pick_controller(&group(&[0], 0, 0), 0), Some(0));
        let e = cluster(&[("e", NodeType::Execution, 100)]);
        assert_eq!(e.pick_controller(&group(&[0], 0, 0), 0), None, "execution nodes never control");
    }

    #[test]
    fn the_largest_idle_node_takes_what_fits_nowhere() {
        let mut c = cluster(&[("a", NodeType::Execution, 4), ("b", NodeType::Execution, 8), ("z", NodeType::Execution, 0)]);
        let g = group(&[0, 1, 2], 0, 0);
        assert_eq!(c.pick_execution(&g, 50), Some(1), "b is the largest idle node");
        c.nodes[1].consumed = 8;
        c.nodes[1].jobs_running = 1;
        assert_eq!(c.pick_execution(&g, 50), Some(0), "b is busy: a");
        c.nodes[0].consumed = 1;
        c.nodes[0].jobs_running = 1;
        assert_eq!(c.pick_execution(&g, 50), None, "nothing idle, nothing fits; capacity 0 never counts");
        // Idle means no running job or nothing consumed.
        c.nodes[0].consumed = 0;
        assert_eq!(c.pick_execution(&g, 50), Some(0));
        // Equally large idle nodes: the first in member order.
        let twins = cluster(&[("p", NodeType::Execution, 8), ("q", NodeType::Execution, 8)]);
        assert_eq!(twins.pick_execution(&group(&[0, 1], 0, 0), 50), Some(0));
        assert_eq!(twins.pick_execution(&group(&[1, 0], 0, 0), 50), Some(1));
    }

    #[test]
    fn the_controller_keeps_the_most_capacity() {
        let mut c = cluster(&[("c1", NodeType::Control, 3), ("c2", NodeType::Control, 5), ("c3", NodeType::Hybrid, 5)]);
        let plane = group(&[0, 1, 2], 0, 0);
        assert_eq!(c.pick_controller(&plane, 0), Some(1), "c2 and c3 tie: the first");
        assert_eq!(c.pick_controller(&plane, 4), Some(1), "5 - (1 + 4) = 0 still fits");
        assert_eq!(c.pick_controller(&plane, 5), None, "nothing keeps ≥ 0: no idle fallback for control");
        c.nodes[1].consumed = 4;
        assert_eq!(c.pick_controller(&plane, 0), Some(2));
    }

    #[test]
    fn consume_counts_impact_jobs_and_control() {
        let mut c = cluster(&[("c", NodeType::Control, 10), ("e", NodeType::Execution, 10), ("h", NodeType::Hybrid, 10)]);
        c.consume(Fit { execution: 1, controller: 0 }, 4);
        assert_eq!((c.nodes[0].consumed, c.nodes[0].jobs_running), (1, 0));
        assert_eq!((c.nodes[1].consumed, c.nodes[1].jobs_running), (4, 1));
        c.consume(Fit { execution: 2, controller: 2 }, 3);
        assert_eq!((c.nodes[2].consumed, c.nodes[2].jobs_running), (4, 1), "a hybrid pays impact + control");
        // A control task run on a control node: only the control impact counts there.
        c.consume(Fit { execution: 0, controller: 0 }, 5);
        assert_eq!((c.nodes[0].consumed, c.nodes[0].jobs_running), (2, 0));
    }

    #[test]
    fn group_limits() {
        let mut c = cluster(&[("a", NodeType::Execution, 100), ("b", NodeType::Execution, 100)]);
        let g = group(&[0, 1], 2, 0);
        assert!(c.group_has_room(&g, 1, false));
        c.nodes[0].jobs_running = 1;
        assert!(c.group_has_room(&g, 1, false), "1 running + 1 = 2 ≤ 2");
        c.nodes[1].jobs_running = 1;
        assert!(!c.group_has_room(&g, 1, false), "2 running + 1 > 2");
        assert!(c.group_has_room(&g, 1, true), "control mode counts no job");
        let f = group(&[0, 1], 0, 10);
        c.nodes[0].consumed = 4;
        c.nodes[1].consumed = 2;
        assert!(c.group_has_room(&f, 4, false), "6 + 4 = 10 ≤ 10");
        assert!(!c.group_has_room(&f, 5, false), "6 + 5 > 10");
        assert!(c.group_has_room(&f, 50, true), "control mode counts the control impact only");
        c.nodes[0].consumed = 9;
        assert!(!c.group_has_room(&f, 50, true), "11 + 1 > 10");
        assert!(c.group_has_room(&group(&[0, 1], 0, 0), 1000, false), "0 is unlimited");
    }
}
