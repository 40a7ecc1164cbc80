//! Workflow and approval notifications (AWX §9): a workflow job sends its template's
//! `started`/`success`/`error` sets, an approval the workflow template's `approvals` set
//! (running = needs review, approved, denied, timed out). Collected by the workflow manager
//! while it decides and sent after the cycle commits; never fails the cycle.

use serde_json::{Value as Json, json};

use super::approval::ApprovalEvent;
use crate::crypto::Secrets;
use crate::db::{Db, Tx};
use crate::error::Result;
use crate::jobs::JobKind;
use crate::notifications::{self, JobEvent, Outgoing, Template};

/// Something to notify about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Workflow(i64, JobEvent),
    Approval(i64, ApprovalEvent),
    /// A spawned job failed before it could start (its own `error` set).
    JobFailed(JobKind, i64),
}

/// AWX's workflow summary body (§4.8).
fn summary(tx: &mut Tx<'_>, wf: i64) -> Result<String> {
    let mut lines = vec!["Workflow job summary:".to_string(), String::new()];
    let nodes =
        tx.query("SELECT id, job_type, job_id FROM workflow_job_node WHERE workflow_job_id = $1 ORDER BY id", crate::params![wf])?;
    for n in nodes {
        let id: i64 = n.col("id")?;
        let job: Option<i64> = n.col("job_id")?;
        let table: String = n.col("job_type")?;
        let spawned = match job {
            Some(j) if crate::jobs::ALL_KINDS.iter().any(|k| k.table() == table) => {
                tx.query_opt(&format!("SELECT name, status FROM {table} WHERE id = $1"), crate::params![j])?.map(|r| (j, r))
            }
            _ => None,
        };
        lines.push(match spawned {
            Some((j, r)) => format!(
                "- node #{id} spawns job #{j}, \"{}\", which finished with status {}.",
                r.col::<String>("name")?,
                r.col::<String>("status")?
            ),
            None => format!("- node #{id} spawns no job."),
        });
    }
    Ok(lines.join("\n"))
}

fn workflow_context(tx: &mut Tx<'_>, wf: i64) -> Result<Json> {
    let r = tx.query_one(
        "SELECT id, name, status, started, finished, elapsed, job_explanation, launch_type, job_limit, extra_vars FROM workflow_job WHERE id = $1",
        crate::params![wf],
    )?;
    let body = summary(tx, wf)?;
    let job = json!({
        "id": r.col::<i64>("id")?,
        "name": r.col::<String>("name")?,
        "status": r.col::<String>("status")?,
        "friendly_name": "Workflow Job",
        "started": r.col::<Option<String>>("started")?,
        "finished": r.col::<Option<String>>("finished")?,
        "elapsed": r.col::<f64>("elapsed")?,
        "job_explanation": r.col::<String>("job_explanation")?,
        "launch_type": r.col::<String>("launch_type")?,
        "limit": r.col::<String>("job_limit")?,
        "summary": body,
    });
    let metadata = serde_json::to_string_pretty(&job).unwrap_or_default();
    Ok(json!({"job": job, "job_friendly_name": "Workflow Job", "job_summary": body, "job_metadata": metadata, "url": ""}))
}

/// The message of an approval event: the template's `workflow_approval` message, or AWX's
/// default sentence (without the URL).
fn approval_message(t: &Template, event: ApprovalEvent, ctx: &Json) -> Outgoing {
    let name = ctx["approval_node_name"].as_str().unwrap_or_default();
    let wf = &ctx["workflow_job_id"];
    let sentence = match event {
        ApprovalEvent::Running => format!("The approval node \"{name}\" needs review. This node can be viewed at: workflow job #{wf}"),
        ApprovalEvent::Approved => format!("The approval node \"{name}\" was approved. workflow job #{wf}"),
        ApprovalEvent::TimedOut => format!("The approval node \"{name}\" has timed out. workflow job #{wf}"),
        ApprovalEvent::Denied => format!("The approval node \"{name}\" was denied. workflow job #{wf}"),
    };
    let custom = t.messages.get("workflow_approval").and_then(|m| m.get(event.as_str()));
    let pick = |key: &str| {
        custom.and_then(|c| c.get(key)).and_then(|v| v.as_str()).filter(|s| !s.trim().is_empty()).map(|s| notifications::render(s, ctx))
    };
    let subject = pick("message").unwrap_or_else(|| sentence.clone());
    let body = pick("body").unwrap_or_else(|| format!("{sentence}\n\n{}\n", ctx["job_metadata"].as_str().unwrap_or_default()));
    Outgoing { subject, body, webhook_body: json!({"body": sentence}) }
}

fn approval_context(tx: &mut Tx<'_>, id: i64) -> Result<(Option<i64>, Json)> {
    let r = tx.query_one(
        "SELECT a.name, a.status, a.workflow_job_id, w.workflow_job_template_id AS template, w.extra_vars
         FROM workflow_approval a LEFT JOIN workflow_job w ON w.id = a.workflow_job_id WHERE a.id = $1",
        crate::params![id],
    )?;
    let name: String = r.col("name")?;
    let status: String = r.col("status")?;
    let wf: Option<i64> = r.col("workflow_job_id")?;
    let meta = json!({"id": id, "name": name, "status": status, "workflow_job_id": wf,
                      "extra_vars": super::json_map(&r.col::<Option<String>>("extra_vars")?.unwrap_or_default())});
    Ok((
        r.col("template")?,
        json!({"approval_status": status, "approval_node_name": name, "workflow_url": "", "workflow_job_id": wf,
               "job_metadata": serde_json::to_string_pretty(&meta).unwrap_or_default()}),
    ))
}

/// Send every notice (each template once per notice); problems are logged and recorded.
pub fn send(db: &mut Db, secrets: &Secrets, notices: &[Notice]) {
    for n in notices {
        match *n {
            Notice::JobFailed(JobKind::Job, id) => {
                notifications::notify_job(db, secrets, id, JobEvent::Error);
            }
            Notice::JobFailed(..) => {}
            Notice::Workflow(id, event) => {
                let prepared = db.read(|tx| {
                    let t: Option<i64> = tx
                        .scalar_opt::<Option<i64>>("SELECT workflow_job_template_id FROM workflow_job WHERE id = $1", crate::params![id])?
                        .flatten();
                    let Some(t) = t else { return Ok((Vec::new(), Json::Null)) };
                    let templates = notifications::workflow_templates(tx, secrets, t, event.as_str())?;
                    if templates.is_empty() {
                        return Ok((templates, Json::Null));
                    }
                    Ok((templates, workflow_context(tx, id)?))
                });
                match prepared {
                    Ok((templates, ctx)) => {
                        for t in &templates {
                            let out = notifications::send_and_record(db, t, None, &notifications::job_message(t, event, &ctx));
                            notifications::link_unified_job(db, out.id, id);
                        }
                    }
                    Err(e) => tracing::warn!("workflow job {id}: cannot prepare {} notifications: {e}", event.as_str()),
                }
            }
            Notice::Approval(id, event) => {
                let prepared = db.read(|tx| {
                    let (t, ctx) = approval_context(tx, id)?;
                    let Some(t) = t else { return Ok((Vec::new(), ctx)) };
                    Ok((notifications::workflow_templates(tx, secrets, t, "approvals")?, ctx))
                });
                match prepared {
                    Ok((templates, ctx)) => {
                        for t in &templates {
                            let out = notifications::send_and_record(db, t, None, &approval_message(t, event, &ctx));
                            notifications::link_unified_job(db, out.id, id);
                        }
                    }
                    Err(e) => tracing::warn!("approval {id}: cannot prepare {} notifications: {e}", event.as_str()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approval_messages_default_and_custom() {
        let ctx = json!({"approval_node_name": "go?", "workflow_job_id": 12, "approval_status": "pending", "job_metadata": "{}"});
        let t = Template {
            id: 1,
            name: "t".into(),
            notification_type: "email".into(),
            config: serde_json::Map::new(),
            messages: json!({"workflow_approval": {"denied": {"message": "NO {{ approval_node_name }}"}}}),
        };
        let m = approval_message(&t, ApprovalEvent::Running, &ctx);
        assert_eq!(m.subject, "The approval node \"go?\" needs review. This node can be viewed at: workflow job #12");
        assert_eq!(m.webhook_body, json!({"body": m.subject}));
        assert_eq!(approval_message(&t, ApprovalEvent::Denied, &ctx).subject, "NO go?");
        assert_eq!(
            approval_message(&t, ApprovalEvent::TimedOut, &ctx).subject,
            "The approval node \"go?\" has timed out. workflow job #12"
        );
    }
}
