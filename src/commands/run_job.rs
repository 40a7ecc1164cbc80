//! `awxm run_job TEMPLATE`: launch a job from a job template and supervise it to the end.

use serde::Serialize;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::jobs::{self, Ending, JobKind, JobResult, JobStatus, hooks};
use crate::output::{Format, Human, Report};
use crate::resources::{self, types};
use crate::runner::extravars;
use crate::runner::inventory::InventoryFormat;
use crate::runner::job::{self, Overrides, RunOptions};
use crate::taskmanager::{self, run::Turn};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm run_job deploy                                  # live output, exit 0 only if it succeeded
  awxm run_job deploy --limit web1 -e version=2 -e @vars.yml --check --diff
  awxm run_job deploy --tags config --skip-tags restart --forks 20 -vv
  awxm run_job deploy --timeout 600 --format json      # just the result document
  awxm run_job deploy --no-follow                      # print the id, wait, print the summary
  id=$(awxm run_job deploy --detach --format json | jq .id)   # leave it running
  awxm job cancel \"$id\"
  awxm run_job deploy --instance-group remote --no-wait   # on an isolated node, or fail at once

The job takes the template's options; launch-time flags override them (--extra-vars merge
over the template's extra vars, later -e over earlier). The project is synced first when it is
a git project that updates on launch (or has no checkout yet). ansible-playbook runs in its own
process group under a pseudo-terminal, with AWX's command line and environment; passwords
(SSH, become, vault, key passphrase) are typed into the terminal from the credentials, never
put in argv or the environment. Known secret values are replaced by $encrypted$ in everything
stored or shown.

Ctrl-C or SIGTERM cancels the job cleanly (status canceled, nothing left running); so does
`awxm job cancel ID` from another shell. The timeout (--timeout, else the template's, else the
setting default_job_timeout; negative: none) stops the job with SIGTERM, then SIGKILL after
job_termination_grace_period seconds; the job fails with \"Job terminated due to timeout\".
Jobs whose supervising awxm died are marked failed by the next task-manager cycle on this
node (any launch, the end of any task, the dispatcher) or heartbeat.

The job goes through the queue (see `awxm launch --help`): it waits while another job of the
template runs (unless allow_simultaneous), while its project or inventory updates, or for
capacity, saying why; this process then runs it. run_job's flags override the template
whatever its ask_*_on_launch flags say (it is the administrator's command).

Jobs whose template is in an isolated instance group (or launched with --instance-group G
naming one) run on the node of that group with the most free capacity, over SSH: the job's
directory is copied there, ansible-playbook runs detached from the connection, and its output
and events are polled back every awx_isolated_check_interval seconds. With no node free the job
stays pending (its job_explanation says why) until one is; --no-wait fails it instead. A node
unreachable for isolated_node_grace_period seconds ends the job as error.

Before the job is created the license is checked (an expired or over-count trial refuses the
launch, exit 1); the template's started/success/error notification templates are sent.

Settings: default_job_timeout, max_forks, allow_jinja_in_extra_vars, awx_task_env,
awx_isolation_base_path, awx_cleanup_paths, job_termination_grace_period,
awx_isolated_check_interval, isolated_node_grace_period.
ansible-playbook is found in ansible_bin_dir (config file, or AWXM_ANSIBLE_BIN_DIR) or on PATH.

EXIT STATUS:
  0 the job succeeded (or was launched, with --detach); 1 it failed, errored or was canceled.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"id\": 12, \"status\": \"successful\", \"rc\": 0,
   \"started\": \"2026-01-02T03:04:05.000000Z\", \"finished\": \"...\", \"elapsed\": 3.21,
   \"execution_node\": \"node1\", \"job_explanation\": \"\",
   \"host_summaries\": {\"web1\": {\"ok\": 3, \"changed\": 1, \"failures\": 0, \"dark\": 0,
                                  \"skipped\": 0, \"rescued\": 0, \"ignored\": 0}},
   \"event_count\": 17}
  status is one of successful, failed, error, canceled (pending with --detach).
  --format jsonl: each event as it is stored (the `job events` object), one per line, then this
  document on the last line.")]
pub struct Args {
    /// Job template (name, or id)
    #[arg(value_name = "TEMPLATE", add = clap_complete::ArgValueCompleter::new(crate::complete::job_template))]
    pub template: Option<String>,
    /// Limit the run to these hosts or groups (Ansible pattern)
    #[arg(short, long, value_name = "PATTERN")]
    pub limit: Option<String>,
    /// Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)
    #[arg(short = 'e', long = "extra-vars", value_name = "VARS")]
    pub extra_vars: Vec<String>,
    /// Only run tasks with these tags (comma-separated)
    #[arg(short, long, value_name = "TAGS")]
    pub tags: Option<String>,
    /// Skip tasks with these tags
    #[arg(long, value_name = "TAGS")]
    pub skip_tags: Option<String>,
    /// run, or check (dry run)
    #[arg(long, value_name = "TYPE", value_parser = ["run", "check"])]
    pub job_type: Option<String>,
    /// Shortcut for --job-type check
    #[arg(long, conflicts_with = "job_type")]
    pub check: bool,
    /// Ansible verbosity 0-5
    #[arg(long, value_name = "N", value_parser = crate::cli::whole::<i64>(0, 5))]
    pub verbosity: Option<i64>,
    /// Parallel processes (0: Ansible's default)
    #[arg(long, value_name = "N", value_parser = crate::cli::whole::<i64>(0, crate::resources::types::INT_MAX))]
    pub forks: Option<i64>,
    /// Show file changes (ansible-playbook --diff)
    #[arg(long)]
    pub diff: bool,
    /// Stop the job after this many seconds (0: template/setting default; negative: none)
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true, value_parser = crate::cli::whole::<i64>(-crate::resources::types::INT_MAX, crate::resources::types::INT_MAX))]
    pub timeout: Option<i64>,
    /// Do not show the output: print the job id, wait, then print the result
    #[arg(long, conflicts_with = "detach")]
    pub no_follow: bool,
    /// Return at once and leave the job running in the background
    #[arg(long)]
    pub detach: bool,
    /// Run in this instance group instead of the template's (an isolated group runs the job on one of its nodes)
    #[arg(long, value_name = "GROUP", add = clap_complete::ArgValueCompleter::new(crate::complete::instance_group))]
    pub instance_group: Option<String>,
    /// Fail at once when no isolated node has capacity for the job (instead of waiting, pending)
    #[arg(long)]
    pub no_wait: bool,
    /// Keep the job's private data directory (its path is stored in the job's work_dir)
    #[arg(long)]
    pub keep_artifacts: bool,
    /// How the inventory is given to ansible-playbook
    #[arg(long, value_enum, default_value_t, value_name = "FORMAT")]
    pub inventory_format: InventoryFormat,
    /// Internal: supervise an already created job (used by --detach)
    #[arg(long, hide = true, value_name = "JOB_ID")]
    pub supervise: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct RunJobReport {
    #[serde(flatten)]
    pub result: JobResult,
    #[serde(skip)]
    pub mode: Mode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Followed,
    NoFollow,
    Detached,
}

impl Report for RunJobReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let r = &self.result;
        if self.mode == Mode::Detached {
            return out.line(format!(
                "job {} launched ({}); `awxm job show {}` for its state, `awxm job cancel {}` to stop it",
                r.id, r.status, r.id, r.id
            ));
        }
        if self.mode == Mode::NoFollow && !r.host_summaries.is_empty() {
            out.table(
                &["HOST", "OK", "CHANGED", "FAILURES", "UNREACHABLE", "SKIPPED", "RESCUED", "IGNORED"],
                r.host_summaries.iter().map(|(h, c)| {
                    vec![
                        h.clone(),
                        c.ok.to_string(),
                        c.changed.to_string(),
                        c.failures.to_string(),
                        c.dark.to_string(),
                        c.skipped.to_string(),
                        c.rescued.to_string(),
                        c.ignored.to_string(),
                    ]
                }),
            )?;
        }
        let rc = r.rc.map(|c| format!(", rc {c}")).unwrap_or_default();
        let why = if r.job_explanation.is_empty() { String::new() } else { format!(": {}", r.job_explanation) };
        out.line(format!("job {} {}{rc} in {:.2}s on {}{why}", r.id, r.status, r.elapsed, r.execution_node))
    }
    fn exit_code(&self) -> u8 {
        match (self.mode, self.result.status) {
            (Mode::Detached, _) => 0,
            (_, JobStatus::Successful) => 0,
            _ => 1,
        }
    }
}

fn overrides(args: &Args) -> Result<Overrides> {
    let mut extra = serde_json::Map::new();
    for e in &args.extra_vars {
        for (k, v) in extravars::parse_arg(e)? {
            extra.insert(k, v);
        }
    }
    Ok(Overrides {
        limit: args.limit.clone(),
        extra_vars: extra,
        job_tags: args.tags.clone(),
        skip_tags: args.skip_tags.clone(),
        job_type: if args.check { Some("check".into()) } else { args.job_type.clone() },
        verbosity: args.verbosity,
        forks: args.forks,
        diff_mode: args.diff.then_some(true),
        timeout: args.timeout,
        launch_type: None,
        instance_group_id: None,
        inventory_id: None,
        credential_ids: None,
        scm_branch: None,
        start_args: None,
    })
}

/// Start `awxm run_job --supervise ID` in its own session, detached from this terminal: the
/// job's waiter, which runs it once the task manager starts it.
fn spawn_supervisor(ctx: &Ctx, id: i64, args: &Args) -> Result<u32> {
    let mut c = taskmanager::run::awxm_command(ctx)?;
    c.arg("run_job").arg("--supervise").arg(id.to_string()).arg("--inventory-format").arg(match args.inventory_format {
        InventoryFormat::Script => "script",
        InventoryFormat::Json => "json",
    });
    if args.keep_artifacts {
        c.arg("--keep-artifacts");
    }
    if args.no_wait {
        c.arg("--no-wait");
    }
    let child = c.spawn().map_err(|e| Error::internal(format!("cannot start the job supervisor: {e}")))?;
    Ok(child.id())
}

/// Wait for the job's turn (printing why it waits), then run it here; a job that another
/// process ran is followed to its end.
pub fn wait_and_run(ctx: &Ctx, db: &mut crate::db::Db, id: i64, opts: RunOptions<'_>) -> Result<JobResult> {
    let turn = taskmanager::run::wait_turn(ctx, db, JobKind::Job, id, opts.no_wait)?;
    match turn {
        Turn::Run => job::run(ctx, db, id, opts),
        Turn::Done(_) => db.read(|tx| jobs::load_result(tx, id)),
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<RunJobReport> {
    // Checked here, not by clap (`required_unless_present`): the internal --supervise is left out
    // of the completion scripts, and nothing visible may refer to it.
    if args.template.is_none() && args.supervise.is_none() {
        return Err(Error::usage("a job template is required: awxm run_job TEMPLATE"));
    }
    let mut db = ctx.db()?;
    if let Some(id) = args.supervise {
        ctx.cancel_on_signals()?;
        let opts =
            RunOptions { keep_artifacts: args.keep_artifacts, inventory_format: args.inventory_format, live: None, no_wait: args.no_wait };
        let result = wait_and_run(ctx, &mut db, id, opts)?;
        return Ok(RunJobReport { result, mode: Mode::NoFollow });
    }
    let name = args.template.clone().ok_or_else(|| Error::usage("a job template is required"))?;
    let ov = overrides(&args)?;
    let node = ctx.config.node_name.clone();
    let (reaped, leftovers) = db.write(|tx| {
        let mut r = jobs::reap_local_orphans(tx, JobKind::Job, &node)?;
        let left = jobs::leftovers(tx, &r)?;
        r.extend(jobs::reap_local_orphans(tx, JobKind::ProjectUpdate, &node)?);
        Ok((r, left))
    })?;
    jobs::clean_leftovers(&leftovers);
    if !reaped.is_empty() {
        ctx.out.warn(format!("marked {} job(s) failed whose awxm process had died: {:?}", reaped.len(), reaped));
    }
    let id = db.write(|tx| {
        let (tid, _) = resources::resolve(tx, &types::JOB_TEMPLATE, &name)?;
        let mut ov = ov.clone();
        if let Some(g) = &args.instance_group {
            ov.instance_group_id = Some(resources::resolve(tx, &types::INSTANCE_GROUP, g)?.0);
        }
        hooks::before_launch(ctx, tx, tid)?;
        job::create_job(tx, tid, &ov)
    })?;

    if args.detach {
        match spawn_supervisor(ctx, id, &args) {
            Ok(pid) => {
                db.write(|tx| {
                    tx.execute(
                        "UPDATE job SET waiter_pid = $1, waiter_node = $2 WHERE id = $3",
                        crate::params![i64::from(pid), node.as_str(), id],
                    )?;
                    Ok(())
                })?;
            }
            Err(e) => {
                db.write(|tx| jobs::record_end(tx, JobKind::Job, id, &Ending::explained(JobStatus::Error, e.message.as_str())))?;
                return Err(e);
            }
        }
        let result = db.read(|tx| jobs::load_result(tx, id))?;
        return Ok(RunJobReport { result, mode: Mode::Detached });
    }

    ctx.cancel_on_signals()?;
    let human = ctx.out.format == Format::Human;
    let follow = human && !args.no_follow;
    if human && args.no_follow {
        ctx.out.stream(&id.to_string()).map_err(|e| Error::io(format!("writing to stdout: {e}")))?;
    }
    let mut sink = crate::runner::live_sink(&ctx.out);
    let opts = RunOptions {
        keep_artifacts: args.keep_artifacts,
        inventory_format: args.inventory_format,
        live: if follow { Some(&mut sink) } else { None },
        no_wait: args.no_wait,
    };
    // --format jsonl: every event as it is stored (like ansible-runner --json), then the summary.
    let streamer = if ctx.out.format == Format::Jsonl {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (conn, out, flag) = (db.reconnect()?, ctx.out.clone(), stop.clone());
        Some((stop, std::thread::spawn(move || super::job::stream_events(conn, out, id, &flag))))
    } else {
        None
    };
    let result = wait_and_run(ctx, &mut db, id, opts);
    if let Some((stop, handle)) = streamer {
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        match handle.join() {
            Ok(Err(e)) => ctx.out.warn(format!("streaming the events of job {id}: {}", e.message)),
            Err(_) => ctx.out.warn(format!("streaming the events of job {id} stopped")),
            Ok(Ok(())) => {}
        }
    }
    Ok(RunJobReport { result: result?, mode: if follow { Mode::Followed } else { Mode::NoFollow } })
}
