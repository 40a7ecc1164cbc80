//! `awxm scheduler [--once]`: the scheduler tick, for a timer or cron, or as a loop.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report};
use crate::schedule::tick::{self, Tick};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm scheduler --once                      # one tick: launch what is due (cron, a systemd timer)
  * * * * * awxm scheduler --once -q         # crontab: every minute
  awxm scheduler                             # tick every schedule_tick_seconds until stopped

The dispatcher already ticks every schedule_tick_seconds (30); use this command where no
dispatcher runs. A tick launches each due schedule once (launch_type scheduled, the schedule's
prompts, the schedule recorded on the job, extra vars awx_schedule_id/awx_schedule_name), then
runs a task-manager cycle. Ticks at the same moment (two cron entries, several nodes of a
cluster) never launch one occurrence twice: a tick holds the scheduler lock, and a schedule's
next run is advanced by a conditional update before it launches.

Missed runs (AWX's rules): only occurrences after the previous tick launch, at most one per
schedule per tick, so after an outage each schedule fires once, late, and further missed
occurrences are dropped. A schedule's max_lateness (seconds, 0 = no limit) skips an
occurrence found later than that. Not launched, and recorded with the reason where `awxm
schedule show` lists it: occurrences missed before the previous tick or before the first tick
of a database, later than max_lateness, of a template with schedule_max_jobs (10) jobs
active, of a project or inventory source inside its cache timeout, or whose launch failed.

EXIT STATUS:
  0 the tick ran (or another tick held the lock: nothing to do); 130/143 the loop was stopped.

JSON OUTPUT (--format json; the loop prints its last tick when stopped):
  {\"format_version\": 1, \"ran\": true, \"now\": \"2027-01-01T01:30:05.000000Z\", \"previous\": \"...\",
   \"launched\": [{\"schedule_id\", \"schedule\", \"occurrence\", \"job_id\", \"type\"}],
   \"skipped\": [{\"schedule_id\", \"schedule\", \"occurrence\", \"reason\"}], \"elapsed\": 0.012}
  (elapsed: seconds of the tick itself, without the task-manager cycle that follows)")]
pub struct Args {
    /// Run one tick and exit
    #[arg(long)]
    pub once: bool,
}

#[derive(Debug, Serialize)]
pub struct TickReport {
    #[serde(flatten)]
    pub tick: Tick,
    #[serde(skip)]
    pub looped: bool,
}

impl Report for TickReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let t = &self.tick;
        if !t.ran {
            return out.line("another scheduler tick is running: nothing done");
        }
        for l in &t.launched {
            out.line(format!(
                "schedule {} ({}): launched {} {} for {}",
                l.schedule_id,
                l.schedule,
                l.kind.replace('_', " "),
                l.job_id,
                l.occurrence
            ))?;
        }
        for s in &t.skipped {
            out.line(format!("schedule {} ({}): skipped {}: {}", s.schedule_id, s.schedule, s.occurrence, s.reason))?;
        }
        out.line(format!("{} launched, {} skipped", t.launched.len(), t.skipped.len()))
    }
    fn exit_code(&self) -> u8 {
        if self.looped { crate::signals::interrupted_exit_code() } else { 0 }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<TickReport> {
    let mut db = ctx.db()?;
    if args.once {
        return Ok(TickReport { tick: tick::run(ctx, &mut db, true)?, looped: false });
    }
    ctx.cancel_on_signals()?;
    let mut last = Tick::default();
    while !ctx.cancelled() {
        last = tick::run(ctx, &mut db, true)?;
        for l in &last.launched {
            tracing::info!("schedule {} ({}) launched {} {}", l.schedule_id, l.schedule, l.kind, l.job_id);
        }
        for s in &last.skipped {
            tracing::warn!("schedule {} ({}): occurrence {} skipped: {}", s.schedule_id, s.schedule, s.occurrence, s.reason);
        }
        let every = db.read(|tx| crate::settings::get(tx, &ctx.secrets, &crate::schedule::SCHEDULE_TICK_SECONDS))?;
        let until = Instant::now() + Duration::from_secs(every.max(1) as u64);
        while !ctx.cancelled() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    Ok(TickReport { tick: last, looped: true })
}
