//! AWX's workflow decisions (`WorkflowDAG`, reference §4.4–§4.5), pure: which nodes run next,
//! which never will (do-not-run), whether the workflow is done and how it ended. No database:
//! `manager.rs` loads a [`Dag`] per running workflow, asks [`advance`], and writes the answer.

use std::collections::{HashMap, VecDeque};

use crate::jobs::JobStatus;

/// An edge's label: AWX's `success_nodes`, `failure_nodes`, `always_nodes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    Success,
    Failure,
    Always,
}

impl EdgeKind {
    pub fn parse(s: &str) -> Option<EdgeKind> {
        match s {
            "success" => Some(EdgeKind::Success),
            "failure" => Some(EdgeKind::Failure),
            "always" => Some(EdgeKind::Always),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Success => "success",
            EdgeKind::Failure => "failure",
            EdgeKind::Always => "always",
        }
    }
}

/// A workflow job node as the decisions see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: i64,
    /// It names a template that still exists (a node without one counts as failed).
    pub has_template: bool,
    /// `all_parents_must_converge` ("ALL"; false is "ANY").
    pub converge_all: bool,
    pub do_not_run: bool,
    /// The status of the job it spawned, if it spawned one.
    pub job: Option<JobStatus>,
}

impl Node {
    fn job_finished(&self) -> bool {
        self.job.is_some_and(JobStatus::is_final)
    }
}

/// One workflow's graph.
#[derive(Debug, Clone)]
pub struct Dag {
    pub nodes: Vec<Node>,
    children: Vec<Vec<(usize, EdgeKind)>>,
    parents: Vec<Vec<(usize, EdgeKind)>>,
}

/// The workflow's end: its status and AWX's stored explanation, with the detail AWX logs.
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    pub status: JobStatus,
    pub explanation: Option<&'static str>,
    pub detail: Option<String>,
}

/// What one pass over a running workflow decided.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Advance {
    /// Nodes newly marked do-not-run.
    pub dnr: Vec<i64>,
    /// Nodes whose job is to be spawned now.
    pub run: Vec<i64>,
    /// Nodes whose (active) job is to be canceled.
    pub cancel: Vec<i64>,
    pub end: Option<End>,
}

pub const NO_ERROR_PATH: &str = "No error handling paths found, marking workflow as failed";

impl Dag {
    /// The graph of `nodes` (in id order, as AWX lists them) and `edges` (from, to, label);
    /// edges naming unknown nodes are ignored.
    pub fn new(mut nodes: Vec<Node>, edges: &[(i64, i64, EdgeKind)]) -> Dag {
        nodes.sort_by_key(|n| n.id);
        let index: HashMap<i64, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
        let mut children = vec![Vec::new(); nodes.len()];
        let mut parents = vec![Vec::new(); nodes.len()];
        for (from, to, kind) in edges {
            if let (Some(&f), Some(&t)) = (index.get(from), index.get(to)) {
                children[f].push((t, *kind));
                parents[t].push((f, *kind));
            }
        }
        for l in children.iter_mut().chain(parents.iter_mut()) {
            l.sort_by_key(|(i, _)| *i);
        }
        Dag { nodes, children, parents }
    }

    fn roots(&self) -> Vec<usize> {
        (0..self.nodes.len()).filter(|&i| self.parents[i].is_empty()).collect()
    }

    fn children_by(&self, i: usize, kinds: &[EdgeKind]) -> impl Iterator<Item = usize> + '_ {
        let kinds = kinds.to_vec();
        self.children[i].iter().filter(move |(_, k)| kinds.contains(k)).map(|(c, _)| *c)
    }

    /// Whether parent `p` links to `child` by one of `kinds`.
    fn links(&self, p: usize, child: usize, kinds: &[EdgeKind]) -> bool {
        self.children[p].iter().any(|(c, k)| *c == child && kinds.contains(k))
    }

    /// The children a finished node leads to (`failed` also for a node without a template).
    fn followed(&self, i: usize) -> Option<&'static [EdgeKind]> {
        let n = &self.nodes[i];
        match n.job {
            Some(s) if s.is_failure() => Some(&[EdgeKind::Failure, EdgeKind::Always]),
            Some(JobStatus::Successful) => Some(&[EdgeKind::Success, EdgeKind::Always]),
            Some(_) => None,
            None if !n.has_template => Some(&[EdgeKind::Failure, EdgeKind::Always]),
            None => None,
        }
    }

    /// AWX's `_are_relevant_parents_finished`.
    fn relevant_parents_finished(&self, i: usize) -> bool {
        self.parents[i].iter().all(|&(p, _)| {
            let p = &self.nodes[p];
            p.do_not_run || !p.has_template || p.job_finished()
        })
    }

    /// AWX's `_all_parents_met_convergence_criteria`: every parent that ended successful or
    /// failed links here by the matching edge or by `always` (error and canceled are ignored).
    fn convergence_met(&self, i: usize) -> bool {
        self.parents[i].iter().all(|&(p, _)| {
            let want = match self.nodes[p].job {
                Some(JobStatus::Successful) => EdgeKind::Success,
                Some(JobStatus::Failed) => EdgeKind::Failure,
                _ => return true,
            };
            self.links(p, i, &[want, EdgeKind::Always])
        })
    }

    /// AWX's `bfs_nodes_to_run`: the nodes to spawn now.
    pub fn nodes_to_run(&self) -> Vec<i64> {
        let mut queue: VecDeque<usize> = self.roots().into();
        let mut visited = vec![false; self.nodes.len()];
        let mut found = Vec::new();
        while let Some(i) = queue.pop_front() {
            if std::mem::replace(&mut visited[i], true) {
                continue;
            }
            let n = &self.nodes[i];
            if n.do_not_run {
                continue;
            }
            if n.job.is_some() || !n.has_template {
                if let Some(kinds) = self.followed(i) {
                    queue.extend(self.children_by(i, kinds));
                }
                continue;
            }
            if self.relevant_parents_finished(i) && (!n.converge_all || self.convergence_met(i)) {
                found.push(n.id);
            }
        }
        found
    }

    /// Parents before children (Kahn's order; nodes on a cycle, which editing refuses, are left out).
    fn topological(&self) -> Vec<usize> {
        let mut indegree: Vec<usize> = self.parents.iter().map(Vec::len).collect();
        let mut queue: VecDeque<usize> = (0..self.nodes.len()).filter(|&i| indegree[i] == 0).collect();
        let mut out = Vec::with_capacity(self.nodes.len());
        while let Some(i) = queue.pop_front() {
            out.push(i);
            for &(c, _) in &self.children[i] {
                indegree[c] -= 1;
                if indegree[c] == 0 {
                    queue.push_back(c);
                }
            }
        }
        out
    }

    /// AWX's `_should_mark_node_dnr` for an ANY node whose parents are all decided.
    fn no_parent_leads_to(&self, i: usize) -> bool {
        self.parents[i].iter().all(|&(p, _)| {
            let pn = &self.nodes[p];
            if pn.do_not_run {
                return true;
            }
            match self.followed(p) {
                Some(kinds) => !self.links(p, i, kinds),
                // Not decidable yet: a running job.
                None => false,
            }
        })
    }

    /// AWX's `mark_dnr_nodes`: mark (and return) the nodes that will never run.
    pub fn mark_dnr(&mut self) -> Vec<i64> {
        let mut marked = Vec::new();
        for i in self.topological() {
            let n = &self.nodes[i];
            if n.do_not_run || n.job.is_some() || self.parents[i].is_empty() {
                continue;
            }
            let mark = if n.converge_all {
                self.parents[i].iter().any(|&(p, _)| self.nodes[p].do_not_run) || !self.convergence_met(i)
            } else {
                let decided = self.parents[i].iter().all(|&(p, _)| {
                    let p = &self.nodes[p];
                    p.do_not_run || p.job.is_some() || !p.has_template
                });
                decided && self.no_parent_leads_to(i)
            };
            if mark {
                self.nodes[i].do_not_run = true;
                marked.push(self.nodes[i].id);
            }
        }
        marked
    }

    /// AWX's `is_workflow_done`.
    pub fn is_done(&self) -> bool {
        self.nodes.iter().all(|n| {
            let waiting = !n.do_not_run && n.job.is_none() && n.has_template;
            let active = n.job.is_some_and(|s| !s.is_final());
            !waiting && !active
        })
    }

    /// AWX's `has_workflow_failed`: the detail it logs when some failed node has no failure or
    /// always child.
    pub fn failure(&self) -> Option<String> {
        let mut by_status = Vec::new();
        let mut no_template = Vec::new();
        for (i, n) in self.nodes.iter().enumerate() {
            let failed = match n.job {
                Some(s) => s.is_failure(),
                None => !n.do_not_run && !n.has_template,
            };
            if !failed || self.children_by(i, &[EdgeKind::Failure, EdgeKind::Always]).next().is_some() {
                continue;
            }
            match n.job {
                Some(s) => by_status.push(format!("('{}', '{}')", n.id, s)),
                None => no_template.push(format!("'{}'", n.id)),
            }
        }
        if by_status.is_empty() && no_template.is_empty() {
            return None;
        }
        Some(format!(
            "No error handling path for workflow job node(s) [{}]. Workflow job node(s) missing unified job template and error handling path [{}].",
            by_status.join(", "),
            no_template.join(", ")
        ))
    }
}

/// One pass of the workflow manager over a running workflow (AWX §4.3): on cancel, mark every
/// unstarted node do-not-run and cancel the active jobs (canceled once none is active);
/// otherwise the do-not-run marking, then either the end (successful, or failed with AWX's
/// message) or the nodes to spawn.
pub fn advance(dag: &mut Dag, cancel_requested: bool) -> Advance {
    let mut out = Advance::default();
    if cancel_requested {
        for n in dag.nodes.iter_mut().filter(|n| n.job.is_none() && !n.do_not_run) {
            n.do_not_run = true;
            out.dnr.push(n.id);
        }
        out.cancel = dag.nodes.iter().filter(|n| n.job.is_some_and(|s| !s.is_final())).map(|n| n.id).collect();
        if out.cancel.is_empty() {
            out.end = Some(End { status: JobStatus::Canceled, explanation: None, detail: None });
        }
        return out;
    }
    out.dnr = dag.mark_dnr();
    if dag.is_done() {
        out.end = Some(match dag.failure() {
            Some(detail) => End { status: JobStatus::Failed, explanation: Some(NO_ERROR_PATH), detail: Some(detail) },
            None => End { status: JobStatus::Successful, explanation: None, detail: None },
        });
        return out;
    }
    out.run = dag.nodes_to_run();
    out
}

#[cfg(test)]
mod tests {
    use super::EdgeKind::{Always, Failure, Success};
    use super::*;
    use crate::jobs::JobStatus::*;

    fn node(id: i64) -> Node {
        Node { id, has_template: true, converge_all: false, do_not_run: false, job: None }
    }

    fn dag(nodes: Vec<Node>, edges: &[(i64, i64, EdgeKind)]) -> Dag {
        Dag::new(nodes, edges)
    }

    fn with(mut d: Dag, id: i64, st: JobStatus) -> Dag {
        d.nodes.iter_mut().find(|n| n.id == id).unwrap().job = Some(st);
        d
    }

    #[test]
    fn a_chain_runs_step_by_step_and_succeeds() {
        let edges = [(1, 2, Success), (2, 3, Success)];
        let mut d = dag(vec![node(1), node(2), node(3)], &edges);
        assert_eq!(advance(&mut d, false), Advance { run: vec![1], ..Default::default() });
        d = with(d, 1, Running);
        assert_eq!(advance(&mut d, false), Advance::default(), "nothing while the root runs");
        d = with(d, 1, Successful);
        assert_eq!(advance(&mut d, false).run, [2]);
        d = with(with(d, 2, Successful), 3, Successful);
        assert_eq!(advance(&mut d, false).end, Some(End { status: Successful, explanation: None, detail: None }));
    }

    #[test]
    fn a_handled_failure_succeeds_and_marks_the_success_path() {
        let edges = [(1, 2, Success), (1, 3, Failure)];
        let mut d = with(dag(vec![node(1), node(2), node(3)], &edges), 1, Failed);
        let a = advance(&mut d, false);
        assert_eq!((a.dnr, a.run), (vec![2], vec![3]));
        d = with(d, 3, Successful);
        assert_eq!(advance(&mut d, false).end.unwrap().status, Successful, "the failure was handled");
    }

    #[test]
    fn an_unhandled_failure_fails_with_awxs_message() {
        let edges = [(1, 2, Success)];
        let mut d = with(dag(vec![node(1), node(2)], &edges), 1, Failed);
        let a = advance(&mut d, false);
        assert_eq!(a.dnr, [2]);
        let end = a.end.unwrap();
        assert_eq!((end.status, end.explanation), (Failed, Some("No error handling paths found, marking workflow as failed")));
        assert_eq!(
            end.detail.unwrap(),
            "No error handling path for workflow job node(s) [('1', 'failed')]. Workflow job node(s) missing unified job template and error handling path []."
        );
        // Error and canceled count as failed too.
        for st in [Error, Canceled] {
            let mut d = with(dag(vec![node(1)], &[]), 1, st);
            assert_eq!(advance(&mut d, false).end.unwrap().status, Failed, "{st}");
        }
    }

    #[test]
    fn always_edges_run_on_both_outcomes() {
        for st in [Successful, Failed] {
            let mut d = with(dag(vec![node(1), node(2)], &[(1, 2, Always)]), 1, st);
            assert_eq!(advance(&mut d, false).run, [2], "{st}");
            d = with(d, 2, Successful);
            assert_eq!(advance(&mut d, false).end.unwrap().status, Successful, "{st}: an always child handles the failure");
        }
    }

    #[test]
    fn a_node_without_template_counts_as_failed() {
        let mut n1 = node(1);
        n1.has_template = false;
        let mut d = dag(vec![n1.clone(), node(2), node(3)], &[(1, 2, Success), (1, 3, Failure)]);
        let a = advance(&mut d, false);
        assert_eq!((a.dnr, a.run), (vec![2], vec![3]));
        let mut alone = dag(vec![n1], &[]);
        let end = advance(&mut alone, false).end.unwrap();
        assert_eq!(end.status, Failed);
        assert!(end.detail.unwrap().ends_with("error handling path ['1']."));
    }

    #[test]
    fn any_convergence_runs_when_one_parent_leads_there() {
        // 1 -success-> 3, 2 -success-> 3; 1 succeeded, 2 failed.
        let edges = [(1, 3, Success), (2, 3, Success)];
        let mut d = dag(vec![node(1), node(2), node(3)], &edges);
        d = with(d, 1, Successful);
        assert_eq!(advance(&mut d, false).run, [2], "the other root; 3 waits for it");
        d = with(d, 2, Running);
        assert_eq!(advance(&mut d, false).run, Vec::<i64>::new());
        d = with(d, 2, Failed);
        let a = advance(&mut d, false);
        assert_eq!((a.dnr.clone(), a.run.clone()), (vec![], vec![3]), "{a:?}");
        // Both parents fail: marked, and the workflow fails.
        let mut d = with(with(dag(vec![node(1), node(2), node(3)], &edges), 1, Failed), 2, Failed);
        let a = advance(&mut d, false);
        assert_eq!(a.dnr, [3]);
        assert_eq!(a.end.unwrap().status, Failed);
    }

    #[test]
    fn all_convergence_needs_every_parent_on_its_path() {
        let edges = [(1, 3, Success), (2, 3, Success)];
        let mut all3 = node(3);
        all3.converge_all = true;
        let mut d = with(with(dag(vec![node(1), node(2), all3.clone()], &edges), 1, Successful), 2, Failed);
        let a = advance(&mut d, false);
        assert_eq!(a.dnr, [3], "parent 2 failed and links by success only");
        assert_eq!(a.end.unwrap().status, Failed);
        let mut d = with(with(dag(vec![node(1), node(2), all3.clone()], &edges), 1, Successful), 2, Successful);
        assert_eq!(advance(&mut d, false).run, [3]);
        // Marked early: a finished parent off its path is enough, even while the other runs.
        let mut d = with(with(dag(vec![node(1), node(2), all3.clone()], &edges), 1, Failed), 2, Running);
        assert_eq!(advance(&mut d, false).dnr, [3]);
        // Error and canceled parents are ignored by the ALL test.
        let mut d = with(with(dag(vec![node(1), node(2), all3.clone()], &edges), 1, Successful), 2, Canceled);
        assert_eq!(advance(&mut d, false).run, [3]);
        // A do-not-run parent marks it.
        let edges = [(1, 2, Success), (2, 3, Success), (1, 3, Failure)];
        let mut d = with(dag(vec![node(1), node(2), all3], &edges), 1, Failed);
        let a = advance(&mut d, false);
        assert_eq!(a.dnr, [2, 3], "2 first, then 3 (topological order, one pass)");
    }

    #[test]
    fn do_not_run_propagates_down_a_branch_in_one_pass() {
        let edges = [(1, 2, Success), (2, 3, Success), (3, 4, Always), (1, 5, Failure)];
        let mut d = with(dag((1..=5).map(node).collect(), &edges), 1, Failed);
        let a = advance(&mut d, false);
        assert_eq!(a.dnr, [2, 3, 4]);
        assert_eq!(a.run, [5]);
    }

    #[test]
    fn a_workflow_without_nodes_succeeds_at_once() {
        let mut d = dag(vec![], &[]);
        assert_eq!(advance(&mut d, false).end.unwrap().status, Successful);
    }

    #[test]
    fn cancel_marks_the_rest_and_waits_for_active_jobs() {
        let edges = [(1, 2, Success), (1, 3, Success)];
        let mut d = with(dag(vec![node(1), node(2), node(3)], &edges), 1, Running);
        let a = advance(&mut d, true);
        assert_eq!((a.dnr, a.cancel, a.end), (vec![2, 3], vec![1], None));
        d = with(d, 1, Canceled);
        let a = advance(&mut d, true);
        assert_eq!((a.dnr, a.cancel), (vec![], vec![]));
        assert_eq!(a.end.unwrap().status, Canceled);
    }

    #[test]
    fn parents_are_visited_once_in_a_diamond() {
        let edges = [(1, 2, Success), (1, 3, Success), (2, 4, Success), (3, 4, Success)];
        let d = with(with(with(dag((1..=4).map(node).collect(), &edges), 1, Successful), 2, Successful), 3, Successful);
        assert_eq!(d.nodes_to_run(), [4]);
    }

    #[test]
    fn which_children_a_node_leads_to() {
        let mut no_template = node(2);
        no_template.has_template = false;
        let d = dag(vec![node(1), no_template], &[]);
        assert_eq!(d.followed(0), None, "a node that has not run leads nowhere yet");
        assert_eq!(d.followed(1), Some(&[Failure, Always][..]), "a node without template counts as failed");
        for (st, want) in [
            (Successful, Some(&[Success, Always][..])),
            (Failed, Some(&[Failure, Always][..])),
            (Error, Some(&[Failure, Always][..])),
            (Canceled, Some(&[Failure, Always][..])),
            (Running, None),
            (Pending, None),
        ] {
            assert_eq!(with(dag(vec![node(1)], &[]), 1, st).followed(0), want, "{st}");
        }
    }

    #[test]
    fn edge_kinds_round_trip() {
        for k in [Success, Failure, Always] {
            assert_eq!(EdgeKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(EdgeKind::parse("other"), None);
    }
}
