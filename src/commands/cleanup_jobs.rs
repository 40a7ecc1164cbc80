//! `awxm cleanup_jobs`: delete old jobs, updates, workflow jobs and notifications (AWX's
//! `awx-manage cleanup_jobs`), in short transactions.

use std::time::Instant;

use serde::Serialize;

use crate::cleanup::jobs::{self, CleanupOptions, DEFAULT_BATCH_SIZE, DEFAULT_DAYS, Kind, MAX_DAYS, TxStats, TypeReport};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Deletes records created more than --days days ago, with AWX's rules: a job, update or
workflow job that is new, pending, waiting or running is never deleted; neither is a
project's or an inventory source's last update (its last_update_id and its latest update),
nor a pending notification. A job goes with its events, host summaries, credential links and
notifications; a workflow job with its nodes. Without a type flag every type is cleaned.

Work happens in batches of --batch-size records in id order; each batch, and each chunk of
its events (sized to about a quarter of a second), is its own short transaction, so the
database stays usable meanwhile and an interrupted run (Ctrl-C, SIGTERM) keeps everything
committed so far — run it again to finish. Two runs never overlap: the second waits up to
--lock-timeout for the first, then exits 75. --dry-run counts with the very same rules.

One line per type is printed, as AWX does:
  jobs: 120 deleted, 4 skipped.
  project updates: 3 would be deleted, 2 would be skipped.      (--dry-run)
\"skipped\" counts every record not deleted: recent ones plus old ones that are kept.

EXAMPLES:
  awxm cleanup_jobs                          # everything older than 90 days
  awxm cleanup_jobs --days 30 --jobs --dry-run
  awxm cleanup_jobs --days 120 --batch-size 500
  systemd: contrib/systemd/awxm-cleanup-jobs.{service,timer} (weekly, as AWX's schedule)

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"dry_run\": false, \"days\": 90, \"cutoff\": \"2026-01-01T00:00:00.000000Z\",
   \"batch_size\": 1000,
   \"types\": [{\"type\": \"jobs\",          (jobs | project_updates | inventory_updates | workflow_jobs | notifications)
              \"deleted\": 120,            (dry run: would be deleted)
              \"skipped\": 4, \"skipped_recent\": 3, \"skipped_active\": 1, \"skipped_protected\": 0,
              \"related\": {\"job_events\": 5000, \"job_host_summaries\": 240, \"job_credentials\": 120, \"notifications\": 2},
              \"batches\": 1, \"elapsed\": 0.4}],
   \"deleted\": 120, \"skipped\": 4,
   \"transactions\": 5, \"longest_transaction_seconds\": 0.12, \"transaction_seconds\": 0.3,
   \"elapsed\": 0.5}")]
pub struct Args {
    /// Delete records created more than N days ago
    #[arg(long, value_name = "N", default_value_t = DEFAULT_DAYS, value_parser = crate::cli::whole::<u64>(0, i64::MAX))]
    pub days: u64,
    /// Only report what would be deleted
    #[arg(long)]
    pub dry_run: bool,
    /// Clean playbook jobs
    #[arg(long)]
    pub jobs: bool,
    /// Clean project updates
    #[arg(long)]
    pub project_updates: bool,
    /// Clean inventory updates
    #[arg(long)]
    pub inventory_updates: bool,
    /// Clean workflow jobs
    #[arg(long)]
    pub workflow_jobs: bool,
    /// Clean notifications
    #[arg(long)]
    pub notifications: bool,
    /// Records deleted per transaction
    #[arg(long, value_name = "N", default_value_t = DEFAULT_BATCH_SIZE, value_parser = crate::cli::whole::<u64>(1, 1_000_000))]
    pub batch_size: u64,
}

#[derive(Debug, Serialize)]
pub struct CleanupJobsReport {
    pub dry_run: bool,
    pub days: u64,
    pub cutoff: String,
    pub batch_size: u64,
    pub types: Vec<TypeReport>,
    pub deleted: u64,
    pub skipped: u64,
    #[serde(flatten)]
    pub stats: TxStats,
    pub elapsed: f64,
}

impl Report for CleanupJobsReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        for t in &self.types {
            out.line(t.line(self.dry_run))?;
        }
        Ok(())
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<CleanupJobsReport> {
    let started = Instant::now();
    if args.days > MAX_DAYS {
        return Err(Error::usage(format!("--days specified is too large. Try something less than {MAX_DAYS} (about 270 years).")));
    }
    let cutoff = chrono::TimeDelta::try_days(args.days as i64)
        .and_then(|d| ctx.now().checked_sub_signed(d))
        .ok_or_else(|| Error::usage(format!("--days specified is too large. Try something less than {MAX_DAYS} (about 270 years).")))?;
    let selected: Vec<Kind> = [
        (args.jobs, Kind::Jobs),
        (args.project_updates, Kind::ProjectUpdates),
        (args.inventory_updates, Kind::InventoryUpdates),
        (args.workflow_jobs, Kind::WorkflowJobs),
        (args.notifications, Kind::Notifications),
    ]
    .into_iter()
    .filter_map(|(on, k)| on.then_some(k))
    .collect();
    let kinds = if selected.is_empty() { Kind::ALL.to_vec() } else { selected };

    let mut db = ctx.db()?;
    let _lock = db.session_lock("awxm:cleanup_jobs")?;
    crate::cleanup::test_pause("cleanup_jobs.locked");
    let cancel = ctx.cancel_on_signals()?;
    let cancelled = move || cancel.load(std::sync::atomic::Ordering::Relaxed);
    let opts = CleanupOptions { cutoff, dry_run: args.dry_run, batch_size: args.batch_size };
    let (types, stats) = jobs::cleanup(&mut db, &kinds, &opts, &ctx.out, &cancelled)?;
    Ok(CleanupJobsReport {
        dry_run: args.dry_run,
        days: args.days,
        cutoff: crate::time::fmt(&cutoff),
        batch_size: args.batch_size,
        deleted: types.iter().map(|t| t.deleted).sum(),
        skipped: types.iter().map(|t| t.skipped).sum(),
        types,
        stats,
        elapsed: started.elapsed().as_secs_f64(),
    })
}
