//! The status of every unified job (job, project_update, inventory_update, workflow_job and the
//! kinds to come: system_job, ad_hoc_command) and the transitions allowed between them — AWX's
//! lifecycle, in one place.

use std::fmt;

use crate::db::{FromValue, Value};
use crate::error::{Error, Result};

/// AWX's unified-job statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobStatus {
    /// Created, not yet submitted.
    New,
    /// Submitted; waiting for a node with capacity.
    Pending,
    /// Placed on a node; preparing (project sync, private data directory).
    Waiting,
    Running,
    Successful,
    Failed,
    /// Could not run (preparation broke, node lost).
    Error,
    Canceled,
}

impl JobStatus {
    pub const ALL: [JobStatus; 8] = [
        JobStatus::New,
        JobStatus::Pending,
        JobStatus::Waiting,
        JobStatus::Running,
        JobStatus::Successful,
        JobStatus::Failed,
        JobStatus::Error,
        JobStatus::Canceled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::New => "new",
            JobStatus::Pending => "pending",
            JobStatus::Waiting => "waiting",
            JobStatus::Running => "running",
            JobStatus::Successful => "successful",
            JobStatus::Failed => "failed",
            JobStatus::Error => "error",
            JobStatus::Canceled => "canceled",
        }
    }

    /// The status stored as `s` (an unknown one is an internal error: only this module writes
    /// statuses).
    pub fn parse(s: &str) -> Result<JobStatus> {
        JobStatus::ALL.into_iter().find(|st| st.as_str() == s).ok_or_else(|| Error::internal(format!("unknown job status {s:?}")))
    }

    /// successful, failed, error or canceled: the job is over.
    pub fn is_final(self) -> bool {
        matches!(self, JobStatus::Successful | JobStatus::Failed | JobStatus::Error | JobStatus::Canceled)
    }

    /// AWX's `failed` flag: failed, error and canceled jobs count as failed.
    pub fn is_failure(self) -> bool {
        matches!(self, JobStatus::Failed | JobStatus::Error | JobStatus::Canceled)
    }

    /// Whether a job in this status may move to `next`:
    ///
    /// - new → pending, and (never started) → failed, error, canceled;
    /// - pending → waiting (placed), running (updates run at once, without placement), failed,
    ///   error, canceled;
    /// - waiting → running, failed, error, canceled;
    /// - running → successful, failed, error, canceled;
    /// - an unfinished status to itself (a refresh); nothing out of a final status.
    ///
    /// Only a running job can succeed.
    pub fn can_move_to(self, next: JobStatus) -> bool {
        use JobStatus::*;
        if self.is_final() {
            return false;
        }
        if self == next {
            return true;
        }
        match next {
            New => false,
            Pending => self == New,
            Waiting => self == Pending,
            Running => matches!(self, Pending | Waiting),
            Successful => self == Running,
            Failed | Error | Canceled => true,
        }
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for JobStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl FromValue for JobStatus {
    fn from_value(v: &Value) -> Result<Self> {
        JobStatus::parse(&String::from_value(v)?)
    }
}

/// What [`super::set_status`] accepts: a [`JobStatus`], or a status name from callers that
/// still carry statuses as text (parsed, an unknown name is an internal error).
pub trait IntoStatus {
    fn into_status(self) -> Result<JobStatus>;
}

impl IntoStatus for JobStatus {
    fn into_status(self) -> Result<JobStatus> {
        Ok(self)
    }
}

impl IntoStatus for &str {
    fn into_status(self) -> Result<JobStatus> {
        JobStatus::parse(self)
    }
}

#[cfg(test)]
mod tests {
    use super::JobStatus::{self, *};

    #[test]
    fn names_round_trip() {
        for s in JobStatus::ALL {
            assert_eq!(JobStatus::parse(s.as_str()).unwrap(), s);
        }
        assert!(JobStatus::parse("cancelled").is_err());
        assert_eq!(
            JobStatus::ALL.map(|s| s.as_str()),
            ["new", "pending", "waiting", "running", "successful", "failed", "error", "canceled"]
        );
    }

    #[test]
    fn final_and_failure() {
        let finals: Vec<_> = JobStatus::ALL.into_iter().filter(|s| s.is_final()).collect();
        assert_eq!(finals, [Successful, Failed, Error, Canceled]);
        let failures: Vec<_> = JobStatus::ALL.into_iter().filter(|s| s.is_failure()).collect();
        assert_eq!(failures, [Failed, Error, Canceled]);
    }

    #[test]
    fn transitions_follow_the_lifecycle() {
        // Every allowed (from, to) pair, exactly.
        let mut allowed = Vec::new();
        for a in JobStatus::ALL {
            for b in JobStatus::ALL {
                if a.can_move_to(b) {
                    allowed.push((a.as_str(), b.as_str()));
                }
            }
        }
        let want = [
            ("new", "new"),
            ("new", "pending"),
            ("new", "failed"),
            ("new", "error"),
            ("new", "canceled"),
            ("pending", "pending"),
            ("pending", "waiting"),
            ("pending", "running"),
            ("pending", "failed"),
            ("pending", "error"),
            ("pending", "canceled"),
            ("waiting", "waiting"),
            ("waiting", "running"),
            ("waiting", "failed"),
            ("waiting", "error"),
            ("waiting", "canceled"),
            ("running", "running"),
            ("running", "successful"),
            ("running", "failed"),
            ("running", "error"),
            ("running", "canceled"),
        ];
        assert_eq!(allowed, want);
    }
}
