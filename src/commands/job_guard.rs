//! `awxm job-guard` (hidden): the process between a job's supervising awxm and
//! ansible-playbook, which makes sure nothing of the job outlives it (see `runner::process::guard`).

use std::path::PathBuf;
use std::time::Duration;

use crate::context::Ctx;
use crate::error::Result;
use crate::output::Streamed;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  (internal) awxm run_job starts: awxm job-guard --grace 5 --cleanup /tmp/awx_12_ab12cd34 -- ansible-playbook ...

Runs the command as its child and stays a child subreaper for it: when the command exits, or
when this process gets SIGTERM/SIGINT/SIGHUP (also when the supervising awxm dies), every
remaining descendant gets SIGTERM, then SIGKILL after --grace seconds. Exits with the
command's exit code (128+n when killed by signal n).")]
pub struct Args {
    /// Seconds between SIGTERM and SIGKILL when stopping
    #[arg(long, default_value_t = 5.0, value_parser = crate::cli::seconds(0.0, 3600.0))]
    pub grace: f64,
    /// The job's private data directory, removed if the supervising awxm dies
    #[arg(long, value_name = "DIR")]
    pub cleanup: Option<PathBuf>,
    /// The program to run, and its arguments
    #[arg(required = true, last = true)]
    pub command: Vec<String>,
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<Streamed> {
    let (program, rest) = args.command.split_first().map(|(p, r)| (PathBuf::from(p), r.to_vec())).unwrap_or_default();
    let parent = nix::unistd::getppid();
    let rc = crate::runner::process::guard(&program, &rest, Duration::from_secs_f64(args.grace.clamp(0.0, 3600.0)))?;
    // Orphaned: the supervisor is gone and will not clean up; nobody else will use the directory.
    if let Some(dir) = &args.cleanup
        && nix::unistd::getppid() != parent
        && dir.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("awx_"))
    {
        let _ = std::fs::remove_dir_all(dir);
    }
    Ok(Streamed(u8::try_from(rc).unwrap_or(255)))
}
