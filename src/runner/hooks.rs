//! The single call sites where other subsystems plug into a job's life (notifications and the
//! license check, issue 8). Each is called exactly once per job, after the state change is
//! committed; none of them may fail the job (they log instead), except `before_launch`, which
//! may refuse to create the job at all.

use crate::context::Ctx;
use crate::db::{Db, Tx};
use crate::error::Result;

/// Before a job record is created from `template_id` (license / host-limit checks go here; an
/// error refuses the launch and nothing is written).
pub fn before_launch(_ctx: &Ctx, _tx: &mut Tx<'_>, _template_id: i64) -> Result<()> {
    Ok(())
}

/// The job reached `running` (AWX's "started" notifications).
pub fn job_started(_ctx: &Ctx, _db: &mut Db, job_id: i64) {
    tracing::debug!("job {job_id} started");
}

/// The job reached its final status (`successful` → "success" notifications; `failed`,
/// `error`, `canceled` → "error" notifications).
pub fn job_finished(_ctx: &Ctx, _db: &mut Db, job_id: i64, status: &str) {
    tracing::debug!("job {job_id} finished: {status}");
}
