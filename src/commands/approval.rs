//! `awxm approval list|approve|deny`: the approval steps of workflows (AWX §4.7).

use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report, cell};
use crate::rbac::Access;
use crate::workflow::approval::{self, ApprovalEvent, ApprovalRow};
use crate::workflow::notify::{self, Notice};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm approval list                      # approvals waiting for a decision
  awxm approval list --all                # every approval, newest first
  awxm approval approve 57                # the workflow goes on along the success path
  awxm approval deny 57 --as alice        # as a user: AWX's permission rule applies

An approval node of a running workflow creates an approval (a unified job of type
workflow_approval) that stays pending until it is approved (successful) or denied (failed),
or until its approval template's timeout passes (0: never): then it fails with timed_out and
\"The approval node NAME (ID) has expired after N seconds.\" (checked by every task-manager
cycle). A denied or expired approval is a failed node: the workflow follows its failure path,
or fails without one. The workflow template's notification_templates_approvals are sent when
an approval waits, is approved, denied or times out.

Who may decide: the operator (no --as) and superusers; with --as, users holding the workflow
template's approval role — given directly, or implied by its admin role and by the
organization's approval or workflow_admin (or admin) roles. Others get exit 77 \"User does not
have permission to approve or deny this workflow.\"; an approval no longer pending exit 65
\"This workflow step has already been approved or denied.\".

JSON OUTPUT (--format json):
  list: {\"format_version\": 1, \"count\": N, \"items\": [{\"id\": 57, \"name\": \"go?\", \"status\": \"pending\",
         \"workflow_job_id\": 50, \"workflow_job\": \"release\", \"timeout\": 0, \"expires\": null,
         \"timed_out\": false, \"approved_or_denied_by\": null, \"created\": \"…\", \"job_explanation\": \"\"}]}
  approve/deny: the approval, as one list item")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Approvals waiting for a decision (--all: every one)
    List {
        /// Every approval, not only the pending ones
        #[arg(long)]
        all: bool,
    },
    /// Approve a pending approval: its workflow goes on
    Approve {
        /// The approval's id
        #[arg(value_name = "ID")]
        id: i64,
        /// Act as this user (name or id): AWX's permission rule applies
        #[arg(long = "as", value_name = "USER")]
        as_user: Option<String>,
    },
    /// Deny a pending approval: it fails, and its workflow follows the failure path
    Deny {
        /// The approval's id
        #[arg(value_name = "ID")]
        id: i64,
        /// Act as this user (name or id): AWX's permission rule applies
        #[arg(long = "as", value_name = "USER")]
        as_user: Option<String>,
    },
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ApprovalReport {
    List {
        count: usize,
        #[serde(rename = "items")]
        approvals: Vec<ApprovalRow>,
    },
    Decided(ApprovalRow),
}

impl Report for ApprovalReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            ApprovalReport::List { approvals, .. } => out.table(
                &["ID", "NAME", "STATUS", "WORKFLOW JOB", "EXPIRES", "DECIDED BY", "EXPLANATION"],
                approvals.iter().map(|a| {
                    vec![
                        a.id.to_string(),
                        a.name.clone(),
                        a.status.to_string(),
                        match (a.workflow_job_id, &a.workflow_job) {
                            (Some(id), Some(n)) => format!("{id} ({n})"),
                            (Some(id), None) => id.to_string(),
                            _ => String::new(),
                        },
                        cell(&serde_json::to_value(&a.expires).unwrap_or_default()),
                        a.approved_or_denied_by.clone().unwrap_or_default(),
                        a.job_explanation.clone(),
                    ]
                }),
            ),
            ApprovalReport::Decided(a) => out.line(format!(
                "approval {} ({}) {} by {}",
                a.id,
                a.name,
                if a.status == crate::jobs::JobStatus::Successful { "approved" } else { "denied" },
                a.approved_or_denied_by.clone().unwrap_or_default()
            )),
        }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ApprovalReport> {
    let mut db = ctx.db()?;
    let (id, as_user, approve) = match args.action {
        Action::List { all } => {
            let approvals = db.read(|tx| approval::list(tx, all))?;
            return Ok(ApprovalReport::List { count: approvals.len(), approvals });
        }
        Action::Approve { id, as_user } => (id, as_user, true),
        Action::Deny { id, as_user } => (id, as_user, false),
    };
    let row = db.write(|tx| {
        let mut who = match &as_user {
            Some(u) => Access::for_user(tx, u)?,
            None => Access::operator(),
        };
        approval::decide(tx, &mut who, id, approve)
    })?;
    let event = if approve { ApprovalEvent::Approved } else { ApprovalEvent::Denied };
    notify::send(&mut db, &ctx.secrets, &[Notice::Approval(id, event)]);
    // The workflow advances along the approval's path now.
    crate::taskmanager::run::after_end(ctx, &mut db);
    Ok(ApprovalReport::Decided(row))
}
