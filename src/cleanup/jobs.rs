//! `cleanup_jobs`: delete old job records with AWX's rules, in short transactions.
//!
//! Rules (one rule set, applied once per type, to records *created* before the cutoff):
//! - never delete a record whose status is new, pending, waiting or running;
//! - project updates: keep each project's `last_update_id`/`last_job_id` and its latest update;
//! - inventory updates: keep each source's `last_update_id` and its latest update;
//! - notifications: keep pending ones.
//!
//! (AWX HEAD applies its rules twice — a legacy and a partition pass — which double-counts
//! skipped records and lets the second pass delete the protected last updates; awxm has one
//! predicate per type, used for counting, selecting and deleting alike, so `--dry-run`
//! reports exactly what a real run deletes.)
//!
//! Deleting: candidates are taken in id order, `batch_size` at a time. For each batch the big
//! child tables (job events, host summaries, workflow nodes) are deleted first in chunks, each
//! chunk its own transaction sized to take about a quarter of a second; then one transaction
//! deletes the small children (credential links, notifications), the records themselves and
//! clears pointers to them (template last/current job, workflow nodes, host summaries). Every
//! statement re-applies the rules, so a record that changed since it was selected is left
//! alone. Between transactions the database is free for other work; an interrupted run leaves
//! at most one batch whose records lost some children, and the next run finishes them.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::db::{Db, DbKind, Tx, Value};
use crate::error::{Error, ErrorKind, Result};
use crate::output::Output;

/// AWX's default `--days`.
pub const DEFAULT_DAYS: u64 = 90;
/// AWX's limit for `--days`.
pub const MAX_DAYS: u64 = 99_999;
pub const DEFAULT_BATCH_SIZE: u64 = 1000;

const ACTIVE_SQL: &str = "('new', 'pending', 'waiting', 'running')";

/// Aim for chunk transactions of about this long.
const CHUNK_TARGET: Duration = Duration::from_millis(250);
const CHUNK_MIN: i64 = 500;
const CHUNK_MAX: i64 = 200_000;
const CHUNK_START: i64 = 5_000;
/// A record-deleting transaction longer than this halves the batch.
const BATCH_SLOW: Duration = Duration::from_millis(1000);
/// SQLite has one writer at a time and no queue: a waiting writer polls (every 100 ms once it
/// has waited a while) and would starve if the next transaction began right after a commit.
/// After each write transaction cleanup pauses 40% of its length, at most 100 ms, so every
/// waiting writer's poll lands in a pause. PostgreSQL writers do not contend like this.
const SQLITE_YIELD_MAX: Duration = Duration::from_millis(100);

/// The record types, in AWX's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Jobs,
    ProjectUpdates,
    InventoryUpdates,
    WorkflowJobs,
    Notifications,
}

/// A child table deleted in chunks before its parents: (table, foreign key, report name).
struct Chunked {
    table: &'static str,
    fk: &'static str,
    name: &'static str,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Jobs, Kind::ProjectUpdates, Kind::InventoryUpdates, Kind::WorkflowJobs, Kind::Notifications];

    pub fn table(self) -> &'static str {
        match self {
            Kind::Jobs => "job",
            Kind::ProjectUpdates => "project_update",
            Kind::InventoryUpdates => "inventory_update",
            Kind::WorkflowJobs => "workflow_job",
            Kind::Notifications => "notification",
        }
    }

    /// AWX's name (`jobs`, `project_updates`, …).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Jobs => "jobs",
            Kind::ProjectUpdates => "project_updates",
            Kind::InventoryUpdates => "inventory_updates",
            Kind::WorkflowJobs => "workflow_jobs",
            Kind::Notifications => "notifications",
        }
    }

    /// The records that are never deleted whatever their age (`$1` is the cutoff).
    fn kept_statuses(self) -> &'static str {
        match self {
            Kind::Notifications => "('pending')",
            _ => ACTIVE_SQL,
        }
    }

    /// Extra protection beyond status (the last update of each project / inventory source).
    fn protection(self) -> &'static str {
        match self {
            Kind::ProjectUpdates => {
                " AND id NOT IN (SELECT last_update_id FROM project WHERE last_update_id IS NOT NULL)\
                  AND id NOT IN (SELECT last_job_id FROM project WHERE last_job_id IS NOT NULL)\
                  AND id NOT IN (SELECT max(id) FROM project_update WHERE project_id IS NOT NULL GROUP BY project_id)"
            }
            Kind::InventoryUpdates => {
                " AND id NOT IN (SELECT last_update_id FROM inventory_source WHERE last_update_id IS NOT NULL)\
                  AND id NOT IN (SELECT max(id) FROM inventory_update WHERE inventory_source_id IS NOT NULL GROUP BY inventory_source_id)"
            }
            _ => "",
        }
    }

    /// The deletion predicate over the type's table (`$1` = cutoff). Used to count, select
    /// and delete, so dry runs and real runs agree.
    pub fn rule(self) -> String {
        format!("created < $1 AND status NOT IN {}{}", self.kept_statuses(), self.protection())
    }

    fn chunked(self) -> &'static [Chunked] {
        match self {
            Kind::Jobs => &[
                Chunked { table: "job_event", fk: "job_id", name: "job_events" },
                Chunked { table: "job_host_summary", fk: "job_id", name: "job_host_summaries" },
            ],
            Kind::WorkflowJobs => &[Chunked { table: "workflow_job_node", fk: "workflow_job_id", name: "workflow_job_nodes" }],
            _ => &[],
        }
    }

    /// Small children deleted with the records: (table, foreign key, report name).
    fn small_children(self) -> &'static [(&'static str, &'static str, &'static str)] {
        match self {
            Kind::Jobs => &[("job_credential", "job_id", "job_credentials"), ("notification", "job_id", "notifications")],
            _ => &[],
        }
    }

    /// Names of the related counts reported for this type.
    fn related_names(self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.chunked().iter().map(|c| c.name).collect();
        v.extend(self.small_children().iter().map(|c| c.2));
        v
    }

    /// `job_type` of workflow job nodes that point at records of this type.
    fn workflow_node_type(self) -> Option<&'static str> {
        match self {
            Kind::Jobs => Some("job"),
            Kind::ProjectUpdates => Some("project_update"),
            Kind::InventoryUpdates => Some("inventory_update"),
            Kind::WorkflowJobs => Some("workflow_job"),
            Kind::Notifications => None,
        }
    }

    /// Template columns pointing at records of this type that must not dangle.
    fn template_pointers(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::Jobs => &[("job_template", "last_job_id"), ("job_template", "current_job_id")],
            Kind::WorkflowJobs => &[("workflow_job_template", "last_job_id")],
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TypeReport {
    #[serde(rename = "type")]
    pub kind: Kind,
    /// Deleted (in a dry run: would be deleted).
    pub deleted: u64,
    /// Not deleted: `skipped_recent + skipped_active + skipped_protected` at the start.
    pub skipped: u64,
    pub skipped_recent: u64,
    pub skipped_active: u64,
    pub skipped_protected: u64,
    /// Rows of child tables deleted with the records.
    pub related: BTreeMap<&'static str, u64>,
    pub batches: u64,
    pub elapsed: f64,
}

impl TypeReport {
    /// AWX's summary line.
    pub fn line(&self, dry_run: bool) -> String {
        let label = self.kind.name().replace('_', " ");
        if dry_run {
            format!("{label}: {} would be deleted, {} would be skipped.", self.deleted, self.skipped)
        } else {
            format!("{label}: {} deleted, {} skipped.", self.deleted, self.skipped)
        }
    }
}

#[derive(Debug, Clone)]
pub struct CleanupOptions {
    pub cutoff: crate::time::Timestamp,
    pub dry_run: bool,
    pub batch_size: u64,
}

/// Transaction timing over the whole run.
#[derive(Debug, Default, Clone, Serialize)]
pub struct TxStats {
    pub transactions: u64,
    pub longest_transaction_seconds: f64,
    pub transaction_seconds: f64,
}

struct Runner<'a> {
    db: &'a mut Db,
    stats: TxStats,
    cancelled: &'a dyn Fn() -> bool,
}

impl Runner<'_> {
    /// One write transaction, timed from BEGIN (including waiting for the lock) to COMMIT;
    /// then, on SQLite, a pause that lets waiting writers in.
    fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<(T, Duration)> {
        let started = Instant::now();
        let out = self.db.write(f)?;
        let took = started.elapsed();
        self.stats.transactions += 1;
        self.stats.transaction_seconds += took.as_secs_f64();
        self.stats.longest_transaction_seconds = self.stats.longest_transaction_seconds.max(took.as_secs_f64());
        if self.db.kind() == DbKind::Sqlite {
            std::thread::sleep(sqlite_yield(took));
        }
        Ok((out, took))
    }

    fn check_cancel(&self, kind: Kind, deleted: u64) -> Result<()> {
        if (self.cancelled)() {
            return Err(Error::new(
                ErrorKind::Interrupted,
                format!("interrupted ({}: {deleted} deleted so far); run cleanup_jobs again to finish", kind.name().replace('_', " ")),
            ));
        }
        Ok(())
    }
}

/// Counts at the start: (total, recent, active-but-old, candidates), over the rows that match
/// `scope` (a filter; `1 = 1` for all). Each count is its own subquery so that the indexes on
/// `created` and `status` answer it: one pass computing all three read every row, and on
/// SQLite a job's `created` lies past its inline stdout (0.3 s per 20,000 jobs of 50 KB).
fn census(tx: &mut Tx<'_>, kind: Kind, cutoff: &Value, scope: &str) -> Result<(u64, u64, u64, u64)> {
    let t = kind.table();
    let row = tx.query_one(
        &format!(
            "SELECT (SELECT count(*) FROM {t} WHERE {scope}) AS total,
                    (SELECT count(*) FROM {t} WHERE {scope} AND created >= $1) AS recent,
                    (SELECT count(*) FROM {t} WHERE {scope} AND created < $1 AND status IN {}) AS active_old",
            kind.kept_statuses()
        ),
        std::slice::from_ref(cutoff),
    )?;
    let candidates: u64 =
        tx.scalar(&format!("SELECT count(*) FROM {t} WHERE {scope} AND {}", kind.rule()), std::slice::from_ref(cutoff))?;
    Ok((row.col("total")?, row.col("recent")?, row.col("active_old")?, candidates))
}

/// Run the cleanup for the given types. `cancelled` is polled between transactions.
pub fn cleanup(
    db: &mut Db,
    kinds: &[Kind],
    opts: &CleanupOptions,
    out: &Output,
    cancelled: &dyn Fn() -> bool,
) -> Result<(Vec<TypeReport>, TxStats)> {
    let cutoff = Value::from(&opts.cutoff);
    let mut runner = Runner { db, stats: TxStats::default(), cancelled };
    let mut reports = Vec::new();
    for &kind in kinds {
        let started = Instant::now();
        // A real run deletes the notifications of the jobs it deletes with them (before the
        // notifications pass); a dry run must leave those out to report the same numbers.
        let scope = if opts.dry_run && kind == Kind::Notifications && kinds.contains(&Kind::Jobs) {
            format!("(job_id IS NULL OR job_id NOT IN (SELECT id FROM job WHERE {}))", Kind::Jobs.rule())
        } else {
            "1 = 1".to_string()
        };
        let (total, recent, active, candidates) = runner.db.read(|tx| census(tx, kind, &cutoff, &scope))?;
        let old_inactive = total.saturating_sub(recent).saturating_sub(active);
        let mut report = TypeReport {
            kind,
            deleted: 0,
            skipped: 0,
            skipped_recent: recent,
            skipped_active: active,
            skipped_protected: old_inactive.saturating_sub(candidates),
            related: kind.related_names().into_iter().map(|n| (n, 0)).collect(),
            batches: 0,
            elapsed: 0.0,
        };
        if opts.dry_run {
            report.deleted = candidates;
            runner.db.read(|tx| count_related(tx, kind, &cutoff, &mut report.related))?;
        } else if candidates > 0 {
            let bar = out.progress(candidates, kind.name());
            delete_all(&mut runner, kind, &cutoff, opts.batch_size, &mut report, &bar)?;
            bar.finish_and_clear();
        }
        report.skipped = total.saturating_sub(report.deleted);
        report.elapsed = started.elapsed().as_secs_f64();
        tracing::info!("{}", report.line(opts.dry_run));
        reports.push(report);
    }
    Ok((reports, runner.stats))
}

/// What a real run would delete from the child tables.
fn count_related(tx: &mut Tx<'_>, kind: Kind, cutoff: &Value, related: &mut BTreeMap<&'static str, u64>) -> Result<()> {
    let t = kind.table();
    let sel = format!("SELECT id FROM {t} WHERE {}", kind.rule());
    let children = kind.chunked().iter().map(|c| (c.table, c.fk, c.name)).chain(kind.small_children().iter().copied());
    for (table, fk, name) in children {
        let n: u64 = tx.scalar(&format!("SELECT count(*) FROM {table} WHERE {fk} IN ({sel})"), std::slice::from_ref(cutoff))?;
        related.insert(name, n);
    }
    Ok(())
}

fn delete_all(
    runner: &mut Runner<'_>,
    kind: Kind,
    cutoff: &Value,
    batch_size: u64,
    report: &mut TypeReport,
    bar: &indicatif::ProgressBar,
) -> Result<()> {
    let t = kind.table();
    let rule = kind.rule();
    let next_sql = format!("SELECT id FROM {t} WHERE id > $2 AND {rule} ORDER BY id LIMIT $3");
    // The candidates of one batch (`$2..=$3` is the batch's id range).
    let sel = format!("SELECT id FROM {t} WHERE id BETWEEN $2 AND $3 AND {rule}");
    let mut batch = batch_size.max(1) as i64;
    let mut chunk = CHUNK_START;
    let mut last = 0i64;
    loop {
        runner.check_cancel(kind, report.deleted)?;
        let ids: Vec<i64> = runner.db.read(|tx| {
            tx.query(&next_sql, &[cutoff.clone(), Value::Int(last), Value::Int(batch)])?.iter().map(|r| r.col("id")).collect()
        })?;
        let (Some(&lo), Some(&hi)) = (ids.first(), ids.last()) else { break };
        let range = [cutoff.clone(), Value::Int(lo), Value::Int(hi)];

        if kind == Kind::Jobs {
            // Hosts point at their last job's summary without a foreign key.
            runner
                .write(|tx| tx.execute(&format!("UPDATE host SET last_job_host_summary_id = NULL WHERE last_job_id IN ({sel})"), &range))?;
        }
        for child in kind.chunked() {
            let sql =
                format!("DELETE FROM {c} WHERE id IN (SELECT id FROM {c} WHERE {fk} IN ({sel}) LIMIT $4)", c = child.table, fk = child.fk);
            loop {
                runner.check_cancel(kind, report.deleted)?;
                let params = [range[0].clone(), range[1].clone(), range[2].clone(), Value::Int(chunk)];
                let (n, took) = runner.write(|tx| tx.execute(&sql, &params))?;
                *report.related.entry(child.name).or_default() += n;
                let full = n as i64 >= chunk;
                chunk = adapt_chunk(chunk, took, full);
                if !full {
                    break;
                }
            }
        }
        runner.check_cancel(kind, report.deleted)?;
        let ((n, small), took) = runner.write(|tx| {
            let mut small = Vec::new();
            for (table, fk, name) in kind.small_children() {
                small.push((*name, tx.execute(&format!("DELETE FROM {table} WHERE {fk} IN ({sel})"), &range)?));
            }
            let n = tx.execute(&format!("DELETE FROM {t} WHERE id BETWEEN $2 AND $3 AND {rule}"), &range)?;
            clear_pointers(tx, kind, lo, hi)?;
            Ok((n, small))
        })?;
        for (name, c) in small {
            *report.related.entry(name).or_default() += c;
        }
        report.deleted += n;
        report.batches += 1;
        bar.inc(n);
        tracing::info!("{}: deleted {n} (ids {lo}..{hi}) in {:.3}s", kind.name().replace('_', " "), took.as_secs_f64());
        if took > BATCH_SLOW && batch > 1 {
            batch /= 2;
        }
        last = hi;
        super::test_pause("cleanup_jobs.batch");
    }
    Ok(())
}

fn sqlite_yield(took: Duration) -> Duration {
    (took * 2 / 5).clamp(Duration::from_millis(2), SQLITE_YIELD_MAX)
}

/// Grow the chunk when transactions are quick, shrink it when slow.
fn adapt_chunk(chunk: i64, took: Duration, full: bool) -> i64 {
    if took > CHUNK_TARGET * 2 {
        (chunk / 2).max(CHUNK_MIN)
    } else if full && took < CHUNK_TARGET / 2 {
        (chunk * 2).min(CHUNK_MAX)
    } else {
        chunk
    }
}

/// Null references (without foreign keys) to records of ids `lo..=hi` that no longer exist.
fn clear_pointers(tx: &mut Tx<'_>, kind: Kind, lo: i64, hi: i64) -> Result<()> {
    let t = kind.table();
    for (table, col) in kind.template_pointers() {
        tx.execute(
            &format!(
                "UPDATE {table} SET {col} = NULL WHERE {col} BETWEEN $1 AND $2 AND NOT EXISTS (SELECT 1 FROM {t} WHERE {t}.id = {table}.{col})"
            ),
            crate::params![lo, hi],
        )?;
    }
    if let Some(job_type) = kind.workflow_node_type() {
        tx.execute(
            &format!(
                "UPDATE workflow_job_node SET job_id = NULL WHERE job_type = $1 AND job_id BETWEEN $2 AND $3
                 AND NOT EXISTS (SELECT 1 FROM {t} WHERE {t}.id = workflow_job_node.job_id)"
            ),
            crate::params![job_type, lo, hi],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn awx_summary_lines() {
        let r = TypeReport {
            kind: Kind::ProjectUpdates,
            deleted: 120,
            skipped: 4,
            skipped_recent: 4,
            skipped_active: 0,
            skipped_protected: 0,
            related: BTreeMap::new(),
            batches: 1,
            elapsed: 0.0,
        };
        assert_eq!(r.line(false), "project updates: 120 deleted, 4 skipped.");
        assert_eq!(r.line(true), "project updates: 120 would be deleted, 4 would be skipped.");
    }

    #[test]
    fn chunks_adapt_within_bounds() {
        assert_eq!(adapt_chunk(5000, Duration::from_millis(10), true), 10_000);
        assert_eq!(adapt_chunk(5000, Duration::from_millis(10), false), 5000);
        assert_eq!(adapt_chunk(5000, Duration::from_millis(900), true), 2500);
        assert_eq!(adapt_chunk(CHUNK_MAX, Duration::from_millis(1), true), CHUNK_MAX);
        assert_eq!(adapt_chunk(CHUNK_MIN, Duration::from_secs(3), true), CHUNK_MIN);
    }

    #[test]
    fn sqlite_pauses_scale_with_the_transaction() {
        assert_eq!(sqlite_yield(Duration::from_millis(1)), Duration::from_millis(2));
        assert_eq!(sqlite_yield(Duration::from_millis(100)), Duration::from_millis(40));
        assert_eq!(sqlite_yield(Duration::from_secs(1)), SQLITE_YIELD_MAX);
    }

    #[test]
    fn rules_never_touch_active_records() {
        for k in Kind::ALL {
            let r = k.rule();
            assert!(r.starts_with("created < $1 AND status NOT IN ("), "{r}");
            assert!(r.contains("'pending'"), "{r}");
        }
        assert!(Kind::ProjectUpdates.rule().contains("last_update_id"));
        assert!(Kind::InventoryUpdates.rule().contains("GROUP BY inventory_source_id"));
    }
}
