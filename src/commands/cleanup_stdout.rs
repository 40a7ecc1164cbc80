//! `awxm cleanup_stdout`: purge old buffered job-output files (AWX's `purge_old_stdout_files`).

use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use crate::cleanup::human_age;
use crate::cleanup::stdout::{self, PurgeOptions, PurgeReport};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report, human_bytes};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Removes regular files directly inside the job-output directory (where `awxm job stdout ID
--download` buffers complete job output, as AWX's JOBOUTPUT_ROOT) whose modification time is
older than the threshold. It never follows a symlink (a link is neither removed through nor
followed; its target is untouched), never descends into or removes a sub-directory, and never
leaves the directory: the directory is opened once (a symlink naming the directory itself is
resolved then) and every stat and unlink is relative to that descriptor. Files that vanish meanwhile or cannot be removed are reported as skipped
with the reason; the run still succeeds (a warning names files that could not be removed).
A missing default directory means there is nothing to purge. Two runs on one directory never
overlap: the second waits up to --lock-timeout, then exits 75.

Directory: --dir, else the setting job_output_dir, else job_output_dir from the config file
(default /var/lib/awxm/job_output as root). A --dir other than that configured directory must
hold the marker file .awxm-job-output (awxm writes it when it creates a job-output directory),
else it is refused (exit 2) unless --force is given. System directories (/, /etc, /usr, /bin,
/sbin, /lib*, /boot, /dev, /proc, /sys, /run, /var, /var/lib, /var/log, /var/tmp, /root, /home,
/srv, /opt, /tmp, /mnt, /media, the user's home) are always refused: exit 2 when named by
--dir, 78 when configured. Age: --older-than or --days, else the setting
local_stdout_expire_time (seconds; default 2592000 = 30 days, as AWX).

EXAMPLES:
  awxm cleanup_stdout                       # files older than 30 days
  awxm cleanup_stdout --days 7 --dry-run    # what would go
  awxm cleanup_stdout --older-than 12h --dir /srv/awxm/job_output
  systemd: contrib/systemd/awxm-cleanup-stdout.{service,timer} (daily)

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"directory\": \"/var/lib/awxm/job_output\", \"exists\": true, \"dry_run\": false,
   \"older_than_seconds\": 2592000, \"cutoff\": \"2026-01-01T00:00:00.000000Z\",
   \"removed\": {\"files\": 120, \"bytes\": 5242880},      (dry run: would be removed)
   \"kept\": {\"files\": 4, \"bytes\": 1024},              (regular files newer than the cutoff)
   \"skipped\": {\"files\": 1, \"bytes\": 10},             (old files that vanished or could not be removed)
   \"skipped_reasons\": {\"permission denied\": 1},
   \"skipped_files\": [{\"name\": \"job-7-x.out\", \"reason\": \"permission denied\", \"bytes\": 10}],
   \"skipped_files_truncated\": false,                  (only the first 1000 are listed)
   \"ignored\": {\"directories\": 1, \"symlinks\": 2, \"other\": 0},
   \"elapsed\": 0.01}")]
pub struct Args {
    /// Remove files older than N days
    #[arg(long, value_name = "N", conflicts_with = "older_than", value_parser = crate::cli::whole::<u64>(0, crate::time::MAX_DAYS))]
    pub days: Option<u64>,
    /// Remove files older than DURATION (30d, 12h, 90m, 1h30m, 45s, 2w or seconds)
    #[arg(long, value_name = "DURATION", value_parser = crate::time::parse_duration)]
    pub older_than: Option<Duration>,
    /// Only report what would be removed
    #[arg(long)]
    pub dry_run: bool,
    /// The directory to purge [default: setting job_output_dir, else the config's job_output_dir]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Purge a --dir that is neither the configured job-output directory nor marked as one
    /// (never a system directory)
    #[arg(long)]
    pub force: bool,
}

fn plural(n: u64, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

#[derive(Debug, Serialize)]
pub struct CleanupStdoutReport(PurgeReport);

impl Report for CleanupStdoutReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let r = &self.0;
        let dir = r.directory.display();
        if !r.exists {
            return out.line(format!("nothing to do: {dir} does not exist"));
        }
        let files = |n: u64| plural(n, "file");
        let verb = if r.dry_run { "would remove" } else { "removed" };
        out.line(format!(
            "{verb} {} ({}) older than {} from {dir}",
            files(r.removed.files),
            human_bytes(r.removed.bytes),
            human_age(Duration::from_secs(r.older_than_seconds))
        ))?;
        out.line(format!("kept {} ({})", files(r.kept.files), human_bytes(r.kept.bytes)))?;
        if r.skipped.files > 0 {
            out.line(format!("skipped {} ({}):", files(r.skipped.files), human_bytes(r.skipped.bytes)))?;
            for s in &r.skipped_files {
                out.line(format!("  {}: {}", s.name, s.reason))?;
            }
            if r.skipped_files_truncated {
                out.line(format!("  … and {} more", r.skipped.files - r.skipped_files.len() as u64))?;
            }
        }
        let i = &r.ignored;
        if i.directories + i.symlinks + i.other > 0 {
            let parts: Vec<String> = [
                (i.directories, "directory", "directories"),
                (i.symlinks, "symlink", "symlinks"),
                (i.other, "other entry", "other entries"),
            ]
            .into_iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") })
            .collect();
            out.line(format!("left alone (not regular files): {}", parts.join(", ")))?;
        }
        Ok(())
    }
}

/// The configured job-output directory (setting, else config file); the config file's when the
/// database cannot be read.
fn configured_dir(ctx: &Ctx) -> PathBuf {
    let setting = ctx.db().and_then(|mut db| db.read(|tx| crate::settings::get(tx, &ctx.secrets, &crate::settings::JOB_OUTPUT_DIR))).ok();
    match setting {
        Some(s) if !s.trim().is_empty() => PathBuf::from(s.trim()),
        _ => ctx.config.job_output_dir.clone(),
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<CleanupStdoutReport> {
    let age = args.older_than.or(args.days.map(|d| Duration::from_secs(d.saturating_mul(86_400))));
    let homes: Vec<PathBuf> = [
        crate::config::env_var("HOME").map(PathBuf::from),
        nix::unistd::User::from_uid(nix::unistd::getuid()).ok().flatten().map(|u| u.dir),
    ]
    .into_iter()
    .flatten()
    .filter(|h| !h.as_os_str().is_empty())
    .collect();
    // A --dir with a marker (or --force) needs no database; else compare with the configured one.
    if let Some(dir) = &args.dir
        && let Err(why) = stdout::check_dir(dir, None, args.force, &homes)
    {
        let configured = configured_dir(ctx);
        if stdout::check_dir(dir, Some(&configured), args.force, &homes).is_err() {
            return Err(Error::usage(format!("refusing to purge {}: {why}", dir.display()))
                .detail("name the job output directory, or add --force for another directory (system directories are always refused)"));
        }
    }
    let (dir, older_than) = if let (Some(dir), Some(age)) = (&args.dir, age) {
        (dir.clone(), age)
    } else {
        let mut db = ctx.db()?;
        let (setting_dir, setting_age) = db.read(|tx| {
            Ok((
                crate::settings::get(tx, &ctx.secrets, &crate::settings::JOB_OUTPUT_DIR)?,
                crate::settings::get(tx, &ctx.secrets, &stdout::LOCAL_STDOUT_EXPIRE_TIME)?,
            ))
        })?;
        let dir = args.dir.clone().unwrap_or_else(|| {
            if setting_dir.trim().is_empty() { ctx.config.job_output_dir.clone() } else { PathBuf::from(setting_dir.trim()) }
        });
        let age = match age {
            Some(a) => a,
            None if setting_age < 0 => {
                return Err(Error::config(format!("setting local_stdout_expire_time is negative ({setting_age})")));
            }
            None => Duration::from_secs(setting_age as u64),
        };
        (dir, age)
    };
    if args.dir.is_none()
        && let Err(why) = stdout::check_dir(&dir, Some(&dir), false, &homes)
    {
        return Err(Error::config(format!("refusing to purge the configured job output directory: {why}"))
            .detail("set job_output_dir (the setting or the config file) to a directory of its own"));
    }
    let opts = PurgeOptions {
        older_than,
        now: ctx.now(),
        dry_run: args.dry_run,
        must_exist: args.dir.is_some(),
        lock_timeout: ctx.config.lock_timeout,
    };
    let report = stdout::purge(&dir, &opts, &ctx.out)?;
    let problems = report.problems();
    if problems > 0 {
        ctx.out.warn(format!("{problems} old file(s) in {} could not be removed (see the report's skipped files)", dir.display()));
    }
    Ok(CleanupStdoutReport(report))
}
