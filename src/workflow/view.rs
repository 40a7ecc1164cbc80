//! How a workflow job is shown: its nodes with their jobs and statuses, its edges (JSON), and a
//! tree for people (`job show`, `run_workflow`).

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::db::Tx;
use crate::error::{Error, Result};

/// One node of a workflow job as shown.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct NodeView {
    pub id: i64,
    pub identifier: String,
    /// job_template, project, inventory_source, workflow_job_template, workflow_approval_template,
    /// system_job_template, or null (no template).
    pub template_type: Option<String>,
    pub template: Option<String>,
    pub all_parents_must_converge: bool,
    pub do_not_run: bool,
    /// The spawned job's type (job, project_update, …) and id.
    pub job_type: Option<String>,
    pub job_id: Option<i64>,
    /// The job's status; else `do_not_run`, `no_template` or `not_started` (shown with spaces).
    pub status: String,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct EdgeView {
    pub from: i64,
    pub to: i64,
    pub kind: String,
}

/// The nodes (by id) and edges of workflow job `wf`.
pub fn load(tx: &mut Tx<'_>, wf: i64) -> Result<(Vec<NodeView>, Vec<EdgeView>)> {
    let rows = tx.query(
        "SELECT id, identifier, unified_job_template_type, unified_job_template_id, all_parents_must_converge, do_not_run, job_type, job_id
         FROM workflow_job_node WHERE workflow_job_id = $1 ORDER BY id",
        crate::params![wf],
    )?;
    let mut nodes = Vec::with_capacity(rows.len());
    for r in rows {
        let ttype: String = r.col("unified_job_template_type")?;
        let tid: Option<i64> = r.col("unified_job_template_id")?;
        let template = match (super::TEMPLATE_TYPES.iter().find(|(t, _)| *t == ttype), tid) {
            (Some((_, table)), Some(t)) => {
                tx.scalar_opt::<String>(&format!("SELECT name FROM {table} WHERE id = $1"), crate::params![t])?
            }
            _ => None,
        };
        let job_type: String = r.col("job_type")?;
        let job_id: Option<i64> = r.col("job_id")?;
        let do_not_run: bool = r.col("do_not_run")?;
        let job_status = match (crate::jobs::ALL_KINDS.iter().find(|k| k.table() == job_type), job_id) {
            (Some(k), Some(j)) => Some(
                tx.scalar_opt::<String>(&format!("SELECT status FROM {} WHERE id = $1", k.table()), crate::params![j])?
                    .unwrap_or_else(|| "deleted".into()),
            ),
            _ => None,
        };
        let status = match job_status {
            Some(s) => s,
            None if do_not_run => "do_not_run".into(),
            None if template.is_none() => "no_template".into(),
            None => "not_started".into(),
        };
        nodes.push(NodeView {
            id: r.col("id")?,
            identifier: r.col("identifier")?,
            template_type: template.as_ref().map(|_| ttype.clone()),
            template,
            all_parents_must_converge: r.col("all_parents_must_converge")?,
            do_not_run,
            job_type: job_id.map(|_| job_type.clone()),
            job_id,
            status,
        });
    }
    let edges = tx
        .query(
            "SELECT e.from_node_id, e.to_node_id, e.kind FROM workflow_job_node_edge e JOIN workflow_job_node n ON n.id = e.from_node_id
             WHERE n.workflow_job_id = $1 ORDER BY e.from_node_id, e.to_node_id, e.kind",
            crate::params![wf],
        )?
        .iter()
        .map(|r| Ok(EdgeView { from: r.col("from_node_id")?, to: r.col("to_node_id")?, kind: r.col("kind")? }))
        .collect::<Result<Vec<_>>>()?;
    Ok((nodes, edges))
}

/// One line describing a node.
pub fn node_line(n: &NodeView) -> String {
    let what = match (&n.template_type, &n.template) {
        (Some(t), Some(name)) => format!("{t} {name:?}"),
        _ => "no template".into(),
    };
    let job = match (&n.job_type, n.job_id) {
        (Some(t), Some(id)) => format!(" → {} {id}", t.replace('_', " ")),
        _ => String::new(),
    };
    let all = if n.all_parents_must_converge { " [all parents]" } else { "" };
    format!("{} ({what}){all}{job}: {}", n.identifier, n.status.replace('_', " "))
}

/// The graph as an indented tree from its roots: each child under its parent with the edge's
/// label; a node reached again is named with "(above)" instead of repeating its subtree.
pub fn tree(nodes: &[NodeView], edges: &[EdgeView]) -> Vec<String> {
    struct Walk<'a> {
        nodes: &'a [NodeView],
        edges: &'a [EdgeView],
        shown: std::collections::HashSet<i64>,
        out: Vec<String>,
    }
    impl Walk<'_> {
        /// `lead`: this line's prefix and connector; `under`: the prefix of its children.
        fn node(&mut self, n: &NodeView, lead: &str, under: &str) {
            if !self.shown.insert(n.id) {
                self.out.push(format!("{lead}{} (above)", n.identifier));
                return;
            }
            self.out.push(format!("{lead}{}", node_line(n)));
            let kids: Vec<(String, &NodeView)> = self
                .edges
                .iter()
                .filter(|e| e.from == n.id)
                .filter_map(|e| self.nodes.iter().find(|c| c.id == e.to).map(|c| (e.kind.clone(), c)))
                .collect();
            let last = kids.len().saturating_sub(1);
            for (i, (kind, c)) in kids.into_iter().enumerate() {
                let (branch, cont) = if i == last { ("└─", "   ") } else { ("├─", "│  ") };
                self.node(c, &format!("{under}{branch} on {kind}: "), &format!("{under}{cont}"));
            }
        }
    }
    let mut w = Walk { nodes, edges, shown: std::collections::HashSet::new(), out: Vec::new() };
    for r in nodes.iter().filter(|n| !edges.iter().any(|e| e.to == n.id)) {
        w.node(r, "", "");
    }
    // Nodes only on a cycle (editing refuses them) still show.
    for n in nodes {
        if !w.shown.contains(&n.id) {
            w.node(n, "", "");
        }
    }
    w.out
}

/// `job show` of a workflow job: its fields, nodes and edges.
pub fn show(tx: &mut Tx<'_>, id: i64) -> Result<Map<String, Json>> {
    let r = tx
        .query_opt(
            "SELECT w.id, w.name, w.status, w.launch_type, w.failed, w.cancel_flag, w.created, w.started, w.finished, w.elapsed,
                    w.job_explanation, w.extra_vars, w.job_limit, w.scm_branch, w.job_tags, w.skip_tags, w.allow_simultaneous,
                    t.name AS workflow_job_template, i.name AS inventory
             FROM workflow_job w LEFT JOIN workflow_job_template t ON t.id = w.workflow_job_template_id
                                 LEFT JOIN inventory i ON i.id = w.inventory_id WHERE w.id = $1",
            crate::params![id],
        )?
        .ok_or_else(|| Error::not_found(format!("no workflow job with id {id}")))?;
    let mut m = Map::new();
    let text = |v: Option<String>| v.map(Json::String).unwrap_or(Json::Null);
    m.insert("id".into(), Json::from(id));
    m.insert("type".into(), Json::from("workflow_job"));
    m.insert("name".into(), Json::from(r.col::<String>("name")?));
    m.insert("workflow_job_template".into(), text(r.col("workflow_job_template")?));
    m.insert("status".into(), Json::from(r.col::<String>("status")?));
    m.insert("launch_type".into(), Json::from(r.col::<String>("launch_type")?));
    m.insert("failed".into(), Json::from(r.col::<bool>("failed")?));
    m.insert("cancel_flag".into(), Json::from(r.col::<bool>("cancel_flag")?));
    for c in ["created", "started", "finished"] {
        m.insert(c.into(), text(crate::jobs::row::rfc3339(r.col(c)?)));
    }
    m.insert("elapsed".into(), Json::from(r.col::<f64>("elapsed")?));
    m.insert("job_explanation".into(), Json::from(r.col::<String>("job_explanation")?));
    m.insert("extra_vars".into(), Json::Object(super::json_map(&r.col::<String>("extra_vars")?)));
    m.insert("inventory".into(), text(r.col("inventory")?));
    m.insert("limit".into(), Json::from(r.col::<String>("job_limit")?));
    m.insert("scm_branch".into(), Json::from(r.col::<String>("scm_branch")?));
    m.insert("job_tags".into(), Json::from(r.col::<String>("job_tags")?));
    m.insert("skip_tags".into(), Json::from(r.col::<String>("skip_tags")?));
    m.insert("allow_simultaneous".into(), Json::from(r.col::<bool>("allow_simultaneous")?));
    let parent = super::parent_workflow(tx, crate::jobs::JobKind::WorkflowJob, id)?;
    m.insert("parent_workflow_job".into(), parent.map(Json::from).unwrap_or(Json::Null));
    let (nodes, edges) = load(tx, id)?;
    m.insert("nodes".into(), serde_json::to_value(nodes)?);
    m.insert("edges".into(), serde_json::to_value(edges)?);
    Ok(m)
}

/// `job show` of an approval.
pub fn show_approval(tx: &mut Tx<'_>, id: i64) -> Result<Map<String, Json>> {
    let a = super::approval::load(tx, id)?;
    let mut m = match serde_json::to_value(&a)? {
        Json::Object(m) => m,
        _ => Map::new(),
    };
    m.insert("type".into(), Json::from("workflow_approval"));
    let r = tx.query_one("SELECT started, finished, elapsed, launch_type FROM workflow_approval WHERE id = $1", crate::params![id])?;
    m.insert("launch_type".into(), Json::from(r.col::<String>("launch_type")?));
    for c in ["started", "finished"] {
        m.insert(c.into(), crate::jobs::row::rfc3339(r.col(c)?).map(Json::String).unwrap_or(Json::Null));
    }
    m.insert("elapsed".into(), Json::from(r.col::<f64>("elapsed")?));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(id: i64, ident: &str, status: &str) -> NodeView {
        NodeView {
            id,
            identifier: ident.into(),
            template_type: Some("job_template".into()),
            template: Some(ident.into()),
            all_parents_must_converge: false,
            do_not_run: status == "do_not_run",
            job_type: None,
            job_id: None,
            status: status.into(),
        }
    }

    #[test]
    fn the_tree_shows_edges_and_each_subtree_once() {
        let mut a = n(1, "a", "successful");
        a.job_type = Some("job".into());
        a.job_id = Some(7);
        let nodes = vec![a, n(2, "b", "failed"), n(3, "c", "do_not_run"), n(4, "d", "not_started")];
        let e = |from, to, kind: &str| EdgeView { from, to, kind: kind.into() };
        let edges = vec![e(1, 2, "success"), e(1, 3, "failure"), e(2, 4, "always"), e(3, 4, "success")];
        assert_eq!(
            tree(&nodes, &edges),
            [
                "a (job_template \"a\") → job 7: successful",
                "├─ on success: b (job_template \"b\"): failed",
                "│  └─ on always: d (job_template \"d\"): not started",
                "└─ on failure: c (job_template \"c\"): do not run",
                "   └─ on success: d (above)",
            ]
        );
    }
}
