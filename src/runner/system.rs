//! System jobs (AWX's `SystemJob`, reference §5): awxm's own maintenance commands run through
//! the queue — recorded with their output, impact 5, one at a time cluster-wide, on the
//! control plane. Calling the command directly (`awxm cleanup_jobs …`) stays as it is, as with
//! `awx-manage`.
//!
//! | job_type | command |
//! |---|---|
//! | `cleanup_jobs` | `awxm cleanup_jobs --days N` (AWX's default 90) |
//! | `cleanup_stdout` | `awxm cleanup_stdout [--days N]` |
//! | `gather_analytics` | `awxm gather_analytics --ship` |
//! | `check_license` | `awxm check_license --notify` |
//!
//! Launch-time variables follow AWX: only `days`, `older_than` and `granularity` are accepted
//! (the last two are ignored, as in AWX); `days` is a non-negative integer (an integral float or
//! a numeric string too).

use std::io::Read;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::jobs::{self, Ending, JobKind, JobStatus};

pub const JOB_TYPES: &[&str] = &["cleanup_jobs", "cleanup_stdout", "gather_analytics", "check_license"];

/// The most output a system job keeps (the rest is dropped with a note).
const MAX_OUTPUT: usize = 4 << 20;

/// AWX's launch-time variable rules; returns the accepted variables.
pub fn check_vars(vars: &Map<String, Json>) -> std::result::Result<Map<String, Json>, String> {
    let mut bad: Vec<&str> = vars.keys().map(String::as_str).filter(|k| !["days", "older_than", "granularity"].contains(k)).collect();
    if !bad.is_empty() {
        bad.sort_unstable();
        return Err(format!("Variables {} are not allowed for system jobs.", bad.join(", ")));
    }
    if let Some(d) = vars.get("days")
        && days(d).is_none()
    {
        return Err("days must be a positive integer.".into());
    }
    Ok(vars.clone())
}

/// `days` as AWX accepts it: a non-negative integer, an integral float, or a numeric string.
fn days(v: &Json) -> Option<i64> {
    let n = match v {
        Json::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map(|f| f as i64))?,
        Json::String(s) => s.trim().parse::<i64>().ok()?,
        _ => return None,
    };
    (0..=crate::time::MAX_DAYS).contains(&n).then_some(n)
}

/// The awxm command line of a system job.
pub fn argv(job_type: &str, vars: &Map<String, Json>) -> Result<Vec<String>> {
    let d = vars.get("days").and_then(days);
    let mut a = vec![job_type.to_string()];
    match job_type {
        "cleanup_jobs" => a.extend(["--days".into(), d.unwrap_or(90).to_string()]),
        "cleanup_stdout" => {
            if let Some(d) = d {
                a.extend(["--days".into(), d.to_string()]);
            }
        }
        "gather_analytics" => a.push("--ship".into()),
        "check_license" => a.push("--notify".into()),
        other => return Err(Error::data(format!("unknown system job type {other:?} (one of {})", JOB_TYPES.join(", ")))),
    }
    Ok(a)
}

/// Queue a system job from template `template_id` with launch-time `vars` over the template's.
pub fn create(tx: &mut Tx<'_>, template_id: i64, vars: &Map<String, Json>, launch_type: &str) -> Result<i64> {
    let t = tx.query_one(
        "SELECT name, organization_id, job_type, extra_vars FROM system_job_template WHERE id = $1",
        crate::params![template_id],
    )?;
    let mut extra = match serde_json::from_str::<Json>(&t.col::<String>("extra_vars")?) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    };
    extra.extend(check_vars(vars).map_err(Error::data)?);
    let job_type: String = t.col("job_type")?;
    argv(&job_type, &extra)?;
    let id = tx.insert(
        "INSERT INTO system_job (name, system_job_template_id, organization_id, job_type, extra_vars, launch_type, status, task_impact,
            dependencies_processed, created, modified)
         VALUES ($1, $2, $3, $4, $5, $6, 'new', 5, TRUE, $7, $7) RETURNING id",
        crate::params![
            t.col::<String>("name")?,
            template_id,
            t.col::<Option<i64>>("organization_id")?,
            job_type.as_str(),
            Json::Object(extra).to_string(),
            launch_type,
            crate::time::now_str()
        ],
    )?;
    jobs::set_status(tx, JobKind::SystemJob, id, JobStatus::Pending, None)?;
    Ok(id)
}

/// Read a pipe into a bounded buffer.
fn drain(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        let mut dropped = false;
        while let Ok(n) = r.read(&mut buf) {
            if n == 0 {
                break;
            }
            let room = MAX_OUTPUT.saturating_sub(kept.len());
            kept.extend_from_slice(&buf[..n.min(room)]);
            dropped |= n > room;
        }
        if dropped {
            kept.extend_from_slice(b"\n[output truncated]\n");
        }
        kept
    })
}

/// Run claimed system job `id` to its end.
pub fn run(ctx: &Ctx, db: &mut Db, id: i64) -> Result<JobStatus> {
    let row =
        db.read(|tx| tx.query_one("SELECT job_type, extra_vars, cancel_flag, status FROM system_job WHERE id = $1", crate::params![id]))?;
    let status: JobStatus = row.col("status")?;
    if status.is_final() {
        return Ok(status);
    }
    if row.col::<bool>("cancel_flag")? {
        return db.write(|tx| jobs::record_end(tx, JobKind::SystemJob, id, &Ending::new(JobStatus::Canceled)));
    }
    let vars = match serde_json::from_str::<Json>(&row.col::<String>("extra_vars")?) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    };
    let args = match argv(&row.col::<String>("job_type")?, &vars) {
        Ok(a) => a,
        Err(e) => {
            return db.write(|tx| jobs::record_end(tx, JobKind::SystemJob, id, &Ending::explained(JobStatus::Error, e.message.as_str())));
        }
    };
    let mut cmd = crate::taskmanager::run::awxm_command(ctx)?;
    cmd.args(["--format", "human"]).args(&args).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            let why = format!("cannot start awxm {}: {e}", args[0]);
            return db.write(|tx| jobs::record_end(tx, JobKind::SystemJob, id, &Ending::explained(JobStatus::Error, why.as_str())));
        }
    };
    let pid = i64::from(child.id());
    let out = child.stdout.take().map(drain);
    let err = child.stderr.take().map(drain);
    let argv_json = serde_json::to_string(&args).unwrap_or_default();
    db.write(|tx| {
        tx.execute(
            "UPDATE system_job SET job_args = $1, execution_node = $2 WHERE id = $3",
            crate::params![argv_json.as_str(), ctx.config.node_name.as_str(), id],
        )?;
        jobs::set_status(tx, JobKind::SystemJob, id, JobStatus::Running, None)
    })?;
    jobs::hooks::job_started(ctx, db, JobKind::SystemJob, id);
    let mut canceled = false;
    let mut checked = Instant::now();
    let mut term_sent: Option<Instant> = None;
    let exit = loop {
        if let Some(st) = child.try_wait().map_err(|e| Error::io(format!("waiting for awxm {}: {e}", args[0])))? {
            break st;
        }
        if !canceled && (ctx.cancelled() || checked.elapsed() >= Duration::from_secs(1)) {
            checked = Instant::now();
            canceled = ctx.cancelled()
                || db.read(|tx| tx.scalar::<bool>("SELECT cancel_flag FROM system_job WHERE id = $1", crate::params![id]))?;
            if canceled {
                // SAFETY: signalling the child's own process group (it called setsid).
                unsafe { libc::kill(-(pid as libc::pid_t), libc::SIGTERM) };
                term_sent = Some(Instant::now());
            }
        }
        if term_sent.is_some_and(|t| t.elapsed() >= Duration::from_secs(10)) {
            // SAFETY: as above.
            unsafe { libc::kill(-(pid as libc::pid_t), libc::SIGKILL) };
            term_sent = None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut text = out.and_then(|h| h.join().ok()).unwrap_or_default();
    text.extend(err.and_then(|h| h.join().ok()).unwrap_or_default());
    let stdout = String::from_utf8_lossy(&text).into_owned();
    let rc = exit.code();
    let ending = if canceled {
        Ending::new(JobStatus::Canceled)
    } else if rc == Some(0) {
        Ending::new(JobStatus::Successful)
    } else {
        let how = rc.map(|c| format!("exited with {c}")).unwrap_or_else(|| "was killed by a signal".into());
        Ending::explained(JobStatus::Failed, format!("awxm {} {how}", args[0]))
    };
    jobs::finish(ctx, db, JobKind::SystemJob, id, &ending, |tx| {
        tx.execute("UPDATE system_job SET stdout = $1, rc = $2 WHERE id = $3", crate::params![stdout.as_str(), rc.map(i64::from), id])?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn m(v: Json) -> Map<String, Json> {
        v.as_object().cloned().expect("object")
    }

    #[test]
    fn launch_variables_follow_awx() {
        assert!(check_vars(&m(json!({"days": 7, "older_than": "1d", "granularity": "1w"}))).is_ok());
        assert_eq!(check_vars(&m(json!({"x": 1, "b": 2, "days": 1}))).unwrap_err(), "Variables b, x are not allowed for system jobs.");
        for ok in [json!(0), json!(30), json!(30.0), json!("12")] {
            assert!(check_vars(&m(json!({ "days": ok }))).is_ok(), "{ok}");
        }
        for bad in [json!(-1), json!(1.5), json!("x"), json!(true), json!(null), json!([1])] {
            assert_eq!(check_vars(&m(json!({ "days": bad }))).unwrap_err(), "days must be a positive integer.", "{bad}");
        }
    }

    #[test]
    fn command_lines() {
        assert_eq!(argv("cleanup_jobs", &Map::new()).unwrap(), ["cleanup_jobs", "--days", "90"]);
        assert_eq!(argv("cleanup_jobs", &m(json!({"days": "3"}))).unwrap(), ["cleanup_jobs", "--days", "3"]);
        assert_eq!(argv("cleanup_stdout", &Map::new()).unwrap(), ["cleanup_stdout"]);
        assert_eq!(argv("cleanup_stdout", &m(json!({"days": 2}))).unwrap(), ["cleanup_stdout", "--days", "2"]);
        assert_eq!(argv("gather_analytics", &Map::new()).unwrap(), ["gather_analytics", "--ship"]);
        assert_eq!(argv("check_license", &Map::new()).unwrap(), ["check_license", "--notify"]);
        assert!(argv("cleanup_sessions", &Map::new()).is_err());
    }
}
