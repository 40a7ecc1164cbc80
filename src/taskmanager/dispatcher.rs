//! `awxm dispatcher`: the service that runs the queue on one node (AWX's `run_dispatcher`,
//! without its 20 s wait for the next tick).
//!
//! - One per node: a session lock `dispatcher:<node>` (an advisory lock); a second one exits 75
//!   naming the first one's pid (`instance.dispatcher_pid`). SQLite is single-node: one
//!   dispatcher per database (a lock file), another node's is refused (78, pointing to
//!   PostgreSQL).
//! - Records itself on its instance row (`dispatcher_pid`, `dispatcher_started`,
//!   `dispatcher_last_cycle`) for [`status`].
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
    /// Jobs launched by schedules (the scheduler tick).
    pub scheduled: u64,
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

fn db_is_sqlite(db: &Db) -> bool {
    db.kind() == DbKind::Sqlite
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
    // SQLite is one node: one dispatcher per database. PostgreSQL: one per node.
    let lock_name = if db.kind() == DbKind::Sqlite { "dispatcher".to_string() } else { format!("dispatcher:{node}") };
    let Some(_lock) = db.try_session_lock(&lock_name)? else {
        let which = if db_is_sqlite(db) { String::new() } else { node.clone() };
        let holder = db.read(|tx| {
            tx.query_opt(
                "SELECT hostname, dispatcher_pid FROM instance WHERE dispatcher_pid IS NOT NULL AND ($1 = '' OR hostname = $1)
                 ORDER BY dispatcher_started DESC LIMIT 1",
                crate::params![which.as_str()],
            )
        });
        let (host, pid) = match holder {
            Ok(Some(r)) => (r.col::<String>("hostname")?, r.col::<Option<i64>>("dispatcher_pid")?),
            _ => (node.clone(), None),
        };
        let pid = pid.map(|p| p.to_string()).unwrap_or_else(|| "unknown".into());
        if host != node {
            return Err(Error::config(format!(
                "a dispatcher for node {host} (pid {pid}) already serves this SQLite database, and SQLite is single-node: \
                 use PostgreSQL (database_url: postgres://…) for a cluster of several nodes"
            )));
        }
        return Err(Error::temp(format!("a dispatcher for node {node} is already running (pid {pid})")));
    };
    // Registered (the first heartbeat), with this process as its dispatcher.
    super::ensure_registered(ctx, db)?;
    db.write(|tx| {
        tx.execute(
            "UPDATE instance SET dispatcher_pid = $1, dispatcher_started = $2, dispatcher_last_cycle = NULL WHERE hostname = $3",
            crate::params![std::process::id() as i64, crate::time::now_str(), node.as_str()],
        )?;
        Ok(())
    })?;
    struct Unregister<'a>(&'a mut Db, String);
    impl Drop for Unregister<'_> {
        fn drop(&mut self) {
            let node = self.1.clone();
            let _ = self.0.write(|tx| {
                tx.execute(
                    "UPDATE instance SET dispatcher_pid = NULL WHERE hostname = $1 AND dispatcher_pid = $2",
                    crate::params![node.as_str(), std::process::id() as i64],
                )?;
                Ok(())
            });
        }
    }
    let guard = Unregister(db, node.clone());
    let db = &mut *guard.0;

    let mut listener = listen(db, &cancel)?;
    let backoff = Backoff::default();
    let mut served = Served { node: node.clone(), ..Default::default() };
    let mut next_heartbeat = Instant::now();
    let mut next_tick = Instant::now();
    tracing::info!("dispatcher for node {node} started ({} database)", if db.kind() == DbKind::Postgres { "PostgreSQL" } else { "SQLite" });
    sd_notify(&format!("READY=1\nSTATUS=dispatching for node {node}"));
    while !ctx.cancelled() {
        let (interval, period, tick_every) = db.with_reconnect(&backoff, &cancel, |db| {
            db.read(|tx| {
                Ok((
                    settings::get(tx, &ctx.secrets, &DISPATCHER_POLL_INTERVAL)?,
                    settings::get(tx, &ctx.secrets, &crate::cluster::CLUSTER_NODE_HEARTBEAT_PERIOD)?,
                    settings::get(tx, &ctx.secrets, &crate::schedule::SCHEDULE_TICK_SECONDS)?,
                ))
            })
        })?;
        // The scheduler tick (every schedule_tick_seconds): due schedules launch before the
        // cycle below starts them. Every node ticks; the tick's lock and its conditional
        // updates make each occurrence launch once in the cluster.
        if Instant::now() >= next_tick {
            let t = db.with_reconnect(&backoff, &cancel, |db| crate::schedule::tick::run(ctx, db, false))?;
            for l in &t.launched {
                tracing::info!("schedule {} ({}) launched {} {}", l.schedule_id, l.schedule, l.kind, l.job_id);
            }
            for s in &t.skipped {
                tracing::warn!("schedule {} ({}): occurrence {} skipped: {}", s.schedule_id, s.schedule, s.occurrence, s.reason);
            }
            served.scheduled += t.launched.len() as u64;
            next_tick = Instant::now() + Duration::from_secs(tick_every.max(1) as u64);
        }
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
        let report = db.with_reconnect(&backoff, &cancel, |db| {
            let report = super::run::kick(ctx, db)?;
            db.write(|tx| {
                tx.execute(
                    "UPDATE instance SET dispatcher_last_cycle = $1, dispatcher_pid = $2 WHERE hostname = $3",
                    crate::params![crate::time::now_str(), std::process::id() as i64, node.as_str()],
                )?;
                Ok(())
            })?;
            Ok(report)
        })?;
        served.cycles += 1;
        for s in &report.started {
            tracing::info!("started {} {} ({}) on {}", s.kind, s.id, s.name, s.execution_node);
        }
        served.started += report.started.len() as u64;
        sd_notify("WATCHDOG=1");
        // Sleep until woken, the poll interval, or the next heartbeat; a signal ends it.
        let until = Instant::now()
            + Duration::from_secs_f64(interval)
                .min(next_heartbeat.saturating_duration_since(Instant::now()))
                .min(next_tick.saturating_duration_since(Instant::now()));
        while !ctx.cancelled() {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match listener.wait(left.min(Duration::from_millis(500))) {
                Ok(true) => break,
                Ok(false) => {}
                // The stop signal interrupted the wait (EINTR): nothing was lost.
                Err(_) if ctx.cancelled() => break,
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

/// One node as `awxm dispatcher status` shows it.
#[derive(Debug, Serialize)]
pub struct NodeStatus {
    pub hostname: String,
    pub node_type: String,
    pub enabled: bool,
    /// A dispatcher has run a cycle within three poll intervals (at least 30 s).
    pub dispatcher_alive: bool,
    pub dispatcher_pid: Option<i64>,
    pub dispatcher_started: Option<String>,
    pub last_cycle: Option<String>,
    pub last_seen: Option<String>,
    pub capacity: i64,
    pub consumed_capacity: i64,
    pub jobs_running: i64,
}

/// Every registered node with its dispatcher, capacity and running tasks.
pub fn status(ctx: &Ctx, db: &mut Db) -> Result<Vec<NodeStatus>> {
    db.read(|tx| {
        let interval = settings::get(tx, &ctx.secrets, &DISPATCHER_POLL_INTERVAL)?;
        let fresh = crate::time::now() - chrono::Duration::milliseconds(((3.0 * interval).max(30.0) * 1000.0) as i64);
        let rows = tx.query(
            "SELECT hostname, node_type, enabled, capacity, last_seen, dispatcher_pid, dispatcher_started, dispatcher_last_cycle
             FROM instance ORDER BY hostname",
            &[],
        )?;
        let mut out = Vec::new();
        for r in rows {
            let hostname: String = r.col("hostname")?;
            let (mut consumed, mut running) = (0i64, 0i64);
            for kind in super::KINDS {
                let u = tx.query_one(
                    &format!(
                        "SELECT COALESCE(sum(task_impact), 0) AS impact, count(*) AS n FROM {} WHERE status IN ('waiting', 'running') AND execution_node = $1",
                        kind.table()
                    ),
                    crate::params![hostname.as_str()],
                )?;
                consumed += u.col::<i64>("impact")?;
                running += u.col::<i64>("n")?;
            }
            let last_cycle: Option<crate::time::Timestamp> = r.col("dispatcher_last_cycle")?;
            let pid: Option<i64> = r.col("dispatcher_pid")?;
            out.push(NodeStatus {
                dispatcher_alive: pid.is_some() && last_cycle.is_some_and(|t| t >= fresh),
                hostname,
                node_type: r.col("node_type")?,
                enabled: r.col("enabled")?,
                dispatcher_pid: pid,
                dispatcher_started: crate::jobs::row::rfc3339(r.col("dispatcher_started")?),
                last_cycle: last_cycle.map(|t| crate::time::fmt(&t)),
                last_seen: crate::jobs::row::rfc3339(r.col("last_seen")?),
                capacity: r.col("capacity")?,
                consumed_capacity: consumed,
                jobs_running: running,
            });
        }
        Ok(out)
    })
}
