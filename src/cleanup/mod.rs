//! Purging old data: buffered job-output files (`cleanup_stdout`, AWX's
//! `purge_old_stdout_files`) and old job records (`cleanup_jobs`).
//!
//! - [`stdout`]: deletes old regular files directly inside the job-output directory, working
//!   only through a descriptor of that directory (`fstatat`/`unlinkat` with
//!   `AT_SYMLINK_NOFOLLOW`), in two phases (scan, then delete with a re-check), so it can
//!   never follow a symlink, leave the directory or remove a sub-directory.
//! - [`jobs`]: AWX's `cleanup_jobs` rules applied once per type, deleting in id-ordered
//!   batches, each batch (and each chunk of its events) its own short transaction.

pub mod jobs;
pub mod stdout;

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A test hook: when `AWXM_TEST_PAUSE_AT` names `point`, create `<AWXM_TEST_PAUSE_DIR>/<point>.reached`
/// and wait (up to a minute) until `<point>.go` appears there. Lets integration tests act at a
/// precise moment (a file removed between the scan and the deletes, a second run while the
/// lock is held) without sleeping. Does nothing unless both variables are set.
pub(crate) fn test_pause(point: &str) {
    let (Some(at), Some(dir)) = (crate::config::env_var("AWXM_TEST_PAUSE_AT"), crate::config::env_var("AWXM_TEST_PAUSE_DIR")) else {
        return;
    };
    if at != point {
        return;
    }
    let dir = PathBuf::from(dir);
    let _ = std::fs::write(dir.join(format!("{point}.reached")), b"");
    let go = dir.join(format!("{point}.go"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while !go.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Human-readable age ("30 days", "12 hours", "90 seconds").
pub fn human_age(d: Duration) -> String {
    let s = d.as_secs();
    let plural = |n: u64, unit: &str| if n == 1 { format!("1 {unit}") } else { format!("{n} {unit}s") };
    if s > 0 && s.is_multiple_of(86400) {
        plural(s / 86400, "day")
    } else if s > 0 && s.is_multiple_of(3600) {
        plural(s / 3600, "hour")
    } else if s > 0 && s.is_multiple_of(60) {
        plural(s / 60, "minute")
    } else {
        plural(s, "second")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_and_ages_read_well() {
        assert_eq!(human_age(Duration::from_secs(2_592_000)), "30 days");
        assert_eq!(human_age(Duration::from_secs(7200)), "2 hours");
        assert_eq!(human_age(Duration::from_secs(61)), "61 seconds");
        assert_eq!(human_age(Duration::from_secs(1)), "1 second");
    }
}
