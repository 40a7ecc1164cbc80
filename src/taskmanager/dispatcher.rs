//! `awxm dispatcher`: the service that runs the queue on one node (AWX's `run_dispatcher`,
//! without its 20 s wait for the next tick).
//!
//! - One per node: a session lock `dispatcher:<node>` (lock file / advisory lock); a second one
//!   exits 75 naming the first one's pid (from `<data_dir>/dispatcher-<node>.pid`).
//! - Wakes on every launch, end and cancel that concerns it — `Db::notify("awxm_queue")`:
//!   PostgreSQL `NOTIFY`, on SQLite a datagram to the dispatchers' sockets — and at least every
//!   `dispatcher_poll_interval` seconds, and runs [`super::run::kick`]: this node's dead
//!   supervisors reaped, one cycle, a supervisor for every task it must run.
//! - Sends this node's heartbeat every `cluster_node_heartbeat_period` seconds (registering it,
//!   reaping lost peers' jobs, as `awxm heartbeat`).
//! - Survives lost PostgreSQL connections (`Db::with_reconnect`).
//! - Tells systemd (`Type=notify`): READY once listening, WATCHDOG after each pass, STOPPING.
//! - SIGTERM/SIGINT: no new starts. Running tasks are separate processes: they finish (the unit
//!   uses `KillMode=process`), or with `dispatcher_stop_cancels_jobs` they are canceled and
//!   waited for. Either way none is left `running` without a supervisor. Exit 143 / 130.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::context::Ctx;
use crate::db::{Backoff, Db, DbKind, Listener};
use crate::error::{Error, ErrorKind, Result};
use crate::jobs;
use crate::settings::{self, Kind, Setting};

pub static DISPATCHER_POLL_INTERVAL: Setting<f64> = Setting::new(
    "dispatcher_poll_interval",
    "5",
    Kind::Seconds { min: 0.1, max: 3600.0, whole: false },
    "Seconds between the dispatcher's task-manager cycles when nothing wakes it sooner",
);
pub static DISPATCHER_STOP_CANCELS_JOBS: Setting<bool> = Setting::new(
    "dispatcher_stop_cancels_jobs",
    "false",
    Kind::Bool,
    "On SIGTERM the dispatcher cancels the tasks this node runs (else they finish on their own)",
);

/// The wake-up channel of dispatchers.
pub const CHANNEL: &str = "awxm_queue";

/// What a dispatcher did before it stopped.
#[derive(Debug, Default, Serialize)]
pub struct Served {
    pub node: String,
    pub cycles: u64,
    pub started: u64,
    pub heartbeats: u64,
    pub canceled_on_stop: Vec<i64>,
}

/// Tell systemd (`NOTIFY_SOCKET`), if it is listening.
pub fn sd_notify(msg: &str) {
    let Some(path) = crate::config::env_var("NOTIFY_SOCKET") else { return };
    let Ok(sock) = std::os::unix::net::UnixDatagram::unbound() else { return };
    let sent = if let Some(name) = path.strip_prefix('@') {
        use std::os::linux::net::SocketAddrExt;
        std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes()).and_then(|a| sock.send_to_addr(msg.as_bytes(), &a))
    } else {
        sock.send_to(msg.as_bytes(), &path)
    };
    if let Err(e) = sent {
        tracing::debug!("sd_notify {msg:?}: {e}");
    }
}

fn pid_file(ctx: &Ctx) -> PathBuf {
    let safe: String =
        ctx.config.node_name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).collect();
    ctx.config.data_dir.join(format!("dispatcher-{safe}.pid"))
}

/// Wake the dispatchers (after a change a cycle elsewhere must see); best effort.
pub fn wake(db: &mut Db) {
    if let Err(e) = db.notify(CHANNEL) {
        tracing::debug!("waking the dispatchers: {}", e.message);
    }
}

fn listen(db: &Db, cancel: &std::sync::atomic::AtomicBool) -> Result<Listener> {
    let mut delay = Duration::from_millis(500);
    loop {
        match db.listen(CHANNEL) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind == ErrorKind::Unavailable => {
                tracing::warn!("cannot listen for wake-ups ({}); retrying in {:.1}s", e.message, delay.as_secs_f64());
                let until = Instant::now() + delay;
                while Instant::now() < until {
                    if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                        return Err(Error::new(ErrorKind::Interrupted, "stopped"));
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
                delay = (delay * 2).min(Duration::from_secs(30));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Serve until a terminating signal; returns what was done (the caller exits 128 + signal).
pub fn serve(ctx: &Ctx, db: &mut Db) -> Result<Served> {
    let node = ctx.config.node_name.clone();
    let cancel = ctx.cancel_on_signals()?;
    let pid_path = pid_file(ctx);
    let Some(_lock) = db.try_session_lock(&format!("dispatcher:{node}"))? else {
        let pid = std::fs::read_to_string(&pid_path).ok().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        return Err(Error::temp(format!(
            "a dispatcher for node {node} is already running (pid {})",
            pid.unwrap_or_else(|| "unknown: it runs on another machine or wrote no pid file".into())
        )));
    };
    if let Some(dir) = pid_path.parent() {
        fs_err::create_dir_all(dir)?;
    }
    fs_err::write(&pid_path, format!("{}\n", std::process::id()))?;
    struct RemovePid(PathBuf);
    impl Drop for RemovePid {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
    let _pid = RemovePid(pid_path);

    let mut listener = listen(db, &cancel)?;
    let backoff = Backoff::default();
    let mut served = Served { node: node.clone(), ..Default::default() };
    let mut next_heartbeat = Instant::now();
    tracing::info!("dispatcher for node {node} started ({} database)", if db.kind() == DbKind::Postgres { "PostgreSQL" } else { "SQLite" });
    sd_notify(&format!("READY=1\nSTATUS=dispatching for node {node}"));
    while !ctx.cancelled() {
        let (interval, period) = db.with_reconnect(&backoff, &cancel, |db| {
            db.read(|tx| {
                Ok((
                    settings::get(tx, &ctx.secrets, &DISPATCHER_POLL_INTERVAL)?,
                    settings::get(tx, &ctx.secrets, &crate::cluster::CLUSTER_NODE_HEARTBEAT_PERIOD)?,
                ))
            })
        })?;
        if Instant::now() >= next_heartbeat {
            let (cpu, mem) = crate::cluster::capacity::measure_local();
            let out = db.with_reconnect(&backoff, &cancel, |db| {
                db.write(|tx| crate::cluster::heartbeat::run(tx, &ctx.secrets, &node, &crate::time::now(), cpu, mem))
            })?;
            jobs::clean_leftovers(&out.leftovers);
            for w in &out.warnings {
                tracing::warn!("{w}");
            }
            served.heartbeats += 1;
            next_heartbeat = Instant::now() + Duration::from_secs(period.max(1) as u64);
        }
        let report = db.with_reconnect(&backoff, &cancel, |db| super::run::kick(ctx, db))?;
        served.cycles += 1;
        for s in &report.started {
            tracing::info!("started {} {} ({}) on {}", s.kind, s.id, s.name, s.execution_node);
        }
        served.started += report.started.len() as u64;
        sd_notify("WATCHDOG=1");
        // Sleep until woken, the poll interval, or the next heartbeat; a signal ends it.
        let until = Instant::now() + Duration::from_secs_f64(interval).min(next_heartbeat.saturating_duration_since(Instant::now()));
        while !ctx.cancelled() {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match listener.wait(left.min(Duration::from_millis(500))) {
                Ok(true) => break,
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!("lost the wake-up channel ({}); listening again", e.message);
                    listener = listen(db, &cancel)?;
                    break;
                }
            }
        }
    }
    sd_notify("STOPPING=1");
    tracing::info!("dispatcher for node {node} stopping");
    if db.read(|tx| settings::get(tx, &ctx.secrets, &DISPATCHER_STOP_CANCELS_JOBS))? {
        served.canceled_on_stop = cancel_running(db, &node)?;
    }
    Ok(served)
}

/// Cancel every task this node controls and wait for each to end.
fn cancel_running(db: &mut Db, node: &str) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for kind in super::KINDS {
        let rows = db.read(|tx| {
            tx.query(
                &format!("SELECT id FROM {} WHERE status IN ('pending', 'waiting', 'running') AND controller_node = $1", kind.table()),
                crate::params![node],
            )
        })?;
        for r in rows {
            ids.push(r.col::<i64>("id")?);
        }
    }
    for id in &ids {
        jobs::cancel(db, *id, node, Some(Duration::from_secs(60)))?;
    }
    Ok(ids)
}
