//! The single call sites where other subsystems plug into a job's life: the license check
//! before launch, and notifications when the job starts and when it ends. Each is called
//! exactly once per job, after the state change is committed; the notification hooks never
//! fail the job (failures are recorded on the notification and logged), while `before_launch`
//! may refuse to create the job at all. The end of a job also kicks the task manager
//! (`taskmanager::run::after_end`). Jobs, ad hoc commands, project and inventory updates and
//! system jobs notify here; workflows and approvals from the workflow manager.

use super::{JobKind, JobStatus};
use crate::context::Ctx;
use crate::db::{Db, Tx};
use crate::error::Result;
use crate::notifications::{self, JobEvent};

/// Before a job record is created from `template_id`, in the same transaction: AWX's launch
/// license check (an expired or over-count trial refuses the launch, exit 1, nothing written;
/// soft problems are warnings).
pub fn before_launch(ctx: &Ctx, tx: &mut Tx<'_>, _template_id: i64) -> Result<()> {
    for w in crate::license::enforce::check_job_launch(tx, &ctx.secrets)?.into_result()? {
        ctx.out.warn(w);
    }
    Ok(())
}

/// The job reached `running`: the template's "started" notifications.
pub fn job_started(ctx: &Ctx, db: &mut Db, kind: JobKind, job_id: i64) {
    tracing::debug!("{} {job_id} started", kind.table());
    match kind {
        JobKind::Job => {
            notifications::notify_job(db, &ctx.secrets, job_id, JobEvent::Started);
        }
        JobKind::ProjectUpdate | JobKind::InventoryUpdate | JobKind::SystemJob => {
            notifications::notify_unified(db, &ctx.secrets, kind, job_id, JobEvent::Started);
        }
        // Workflows and approvals notify from the workflow manager (`workflow::notify`).
        _ => {}
    }
}

/// The job reached its final status: "success" notifications for `successful`, "error" ones
/// for `failed`, `error` and `canceled`.
pub fn job_finished(ctx: &Ctx, db: &mut Db, kind: JobKind, job_id: i64, status: JobStatus) {
    tracing::debug!("{} {job_id} finished: {status}", kind.table());
    if let Some(event) = JobEvent::for_status(status.as_str()) {
        match kind {
            JobKind::Job => {
                notifications::notify_job(db, &ctx.secrets, job_id, event);
            }
            JobKind::ProjectUpdate | JobKind::InventoryUpdate | JobKind::SystemJob => {
                notifications::notify_unified(db, &ctx.secrets, kind, job_id, event);
            }
            _ => {}
        }
    }
    // Its dependents and the tasks waiting for capacity may start now (not from unit tests:
    // their executable is not awxm).
    if cfg!(not(test)) {
        crate::taskmanager::run::after_end(ctx, db);
    }
}
