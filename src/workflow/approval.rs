//! Approvals (AWX §4.7): an approval node's job is a `workflow_approval` that stays `pending`
//! until a person approves it (successful) or denies it (failed), or until its `timeout`
//! expires (failed, `timed_out`; checked by every workflow-manager step). Who may decide: the
//! operator and superusers, and users with the workflow template's `approval` role (which its
//! `admin` role, the organization's `approval` and `workflow_admin` roles imply — `rbac.rs`).

use serde::Serialize;

use crate::db::{FromRow, Row, Tx};
use crate::error::{Error, Result};
use crate::jobs::{self, JobKind, JobStatus};
use crate::rbac::Access;

pub const NO_PERMISSION: &str = "User does not have permission to approve or deny this workflow.";
pub const ALREADY_DECIDED: &str = "This workflow step has already been approved or denied.";

/// An approval's notification event (AWX's `workflow_approval` messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalEvent {
    Running,
    Approved,
    Denied,
    TimedOut,
}

impl ApprovalEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalEvent::Running => "running",
            ApprovalEvent::Approved => "approved",
            ApprovalEvent::Denied => "denied",
            ApprovalEvent::TimedOut => "timed_out",
        }
    }
}

/// The expiry text AWX stores.
pub fn expired_text(name: &str, id: i64, timeout: i64) -> String {
    format!("The approval node {name} ({id}) has expired after {timeout} seconds.")
}

/// The approval of an approval node of workflow `wf`, from approval template `template`:
/// `pending` at once (started = created), expiring `timeout` seconds later (0: never).
pub fn create(tx: &mut Tx<'_>, wf: i64, template: i64) -> Result<i64> {
    let t = tx.query_one("SELECT name, description, timeout FROM workflow_approval_template WHERE id = $1", crate::params![template])?;
    let now = crate::time::now();
    let timeout: i64 = t.col("timeout")?;
    let expires = (timeout > 0).then(|| crate::time::fmt(&(now + chrono::Duration::seconds(timeout))));
    let now_s = crate::time::fmt(&now);
    let id = tx.insert(
        "INSERT INTO workflow_approval (name, description, workflow_approval_template_id, workflow_job_id, launch_type, status, timeout,
            expires, started, created, modified)
         VALUES ($1, $2, $3, $4, 'workflow', 'new', $5, $6, $7, $7, $7) RETURNING id",
        crate::params![t.col::<String>("name")?, t.col::<String>("description")?, template, wf, timeout, expires, now_s.as_str()],
    )?;
    jobs::set_status(tx, JobKind::WorkflowApproval, id, JobStatus::Pending, None)?;
    Ok(id)
}

/// Fail every pending approval whose time is up; returns their ids.
pub fn expire(tx: &mut Tx<'_>) -> Result<Vec<i64>> {
    let due = tx.query(
        "SELECT id, name, timeout FROM workflow_approval WHERE status = 'pending' AND timeout > 0 AND expires < $1 ORDER BY id",
        crate::params![crate::time::now_str()],
    )?;
    let mut out = Vec::new();
    for r in due {
        let id: i64 = r.col("id")?;
        let text = expired_text(&r.col::<String>("name")?, id, r.col("timeout")?);
        tx.execute("UPDATE workflow_approval SET timed_out = TRUE WHERE id = $1", crate::params![id])?;
        jobs::set_status(tx, JobKind::WorkflowApproval, id, JobStatus::Failed, Some(&text))?;
        out.push(id);
    }
    Ok(out)
}

/// One line of `approval list`.
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalRow {
    pub id: i64,
    pub name: String,
    pub status: JobStatus,
    pub workflow_job_id: Option<i64>,
    pub workflow_job: Option<String>,
    pub timeout: i64,
    pub expires: Option<String>,
    pub timed_out: bool,
    pub approved_or_denied_by: Option<String>,
    pub created: Option<String>,
    pub job_explanation: String,
}

impl FromRow for ApprovalRow {
    fn from_row(r: &Row) -> Result<Self> {
        Ok(ApprovalRow {
            id: r.col("id")?,
            name: r.col("name")?,
            status: r.col("status")?,
            workflow_job_id: r.col("workflow_job_id")?,
            workflow_job: r.col("workflow_job")?,
            timeout: r.col("timeout")?,
            expires: jobs::row::rfc3339(r.col("expires")?),
            timed_out: r.col("timed_out")?,
            approved_or_denied_by: r.col("approved_or_denied_by")?,
            created: jobs::row::rfc3339(r.col("created")?),
            job_explanation: r.col("job_explanation")?,
        })
    }
}

const SELECT: &str = "SELECT a.id, a.name, a.status, a.workflow_job_id, w.name AS workflow_job, a.timeout, a.expires, a.timed_out,
        a.approved_or_denied_by, a.created, a.job_explanation
 FROM workflow_approval a LEFT JOIN workflow_job w ON w.id = a.workflow_job_id";

/// Approvals, newest first; only `pending` ones unless `all`.
pub fn list(tx: &mut Tx<'_>, all: bool) -> Result<Vec<ApprovalRow>> {
    let filter = if all { "" } else { " WHERE a.status = 'pending'" };
    tx.query_as::<ApprovalRow>(&format!("{SELECT}{filter} ORDER BY a.id DESC"), &[])
}

pub fn load(tx: &mut Tx<'_>, id: i64) -> Result<ApprovalRow> {
    tx.query_opt_as::<ApprovalRow>(&format!("{SELECT} WHERE a.id = $1"), crate::params![id])?
        .ok_or_else(|| Error::not_found(format!("no workflow approval with id {id}")))
}

/// Approve (successful) or deny (failed) pending approval `id` as `who` (AWX's rule: see the
/// module doc; exit 77 without the right, 65 when it is no longer pending).
pub fn decide(tx: &mut Tx<'_>, who: &mut Access, id: i64, approve: bool) -> Result<ApprovalRow> {
    let a = load(tx, id)?;
    let template: Option<i64> = match a.workflow_job_id {
        Some(w) => {
            tx.scalar_opt::<Option<i64>>("SELECT workflow_job_template_id FROM workflow_job WHERE id = $1", crate::params![w])?.flatten()
        }
        None => None,
    };
    let allowed = who.is_superuser()
        || match template {
            Some(t) => who.has_role(tx, "workflow_job_template", t, "approval")?,
            None => false,
        };
    if !allowed {
        return Err(Error::permission(NO_PERMISSION));
    }
    if a.status != JobStatus::Pending {
        return Err(Error::data(ALREADY_DECIDED));
    }
    tx.execute(
        "UPDATE workflow_approval SET approved_or_denied_by = $1 WHERE id = $2",
        crate::params![who.username().unwrap_or("operator"), id],
    )?;
    let status = if approve { JobStatus::Successful } else { JobStatus::Failed };
    jobs::set_status(tx, JobKind::WorkflowApproval, id, status, None)?;
    load(tx, id)
}
