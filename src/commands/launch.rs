//! `awxm launch TYPE NAME [prompts]`: put a job (or a project or inventory update) in the queue,
//! with AWX's launch-time prompts, and optionally wait for it.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::jobs::{JobKind, JobStatus, hooks};
use crate::launch::{self, Prompts, Unasked};
use crate::output::{Human, Report};
use crate::resources::{self, types};
use crate::runner::extravars;
use crate::runner::job;
use crate::taskmanager::{self, run::Turn};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[clap(rename_all = "snake_case")]
pub enum LaunchType {
    JobTemplate,
    Project,
    InventorySource,
    SystemJobTemplate,
    WorkflowJobTemplate,
}

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm launch job_template deploy                        # queue it; prints id and status at once
  awxm launch job_template deploy --wait                 # and wait: exit 0 only if it succeeded
  awxm launch job_template deploy -e version=2 --limit web1   # prompts the template asks for
  awxm launch project app --wait                         # a project update
  awxm launch inventory_source aws-hosts                 # an inventory update
  awxm launch system_job_template purge -e days=30       # a system job (awxm cleanup_jobs --days 30)
  awxm launch workflow_job_template release --wait       # a workflow job (see also `awxm run_workflow`)
  id=$(awxm launch job_template deploy --format json | jq .id); awxm job wait \"$id\"

The new job is pending; a task-manager cycle runs at once and starts it when nothing blocks it
and its instance groups have capacity (else it waits, and `awxm job list --status pending`
says why). What starts on this node is run by a supervisor process in the background; with
--wait this process runs it itself and exits with its result; a job's output is shown as it
comes (human format).

Prompts follow the template's ask_*_on_launch flags (AWX's): --extra-vars needs
ask_variables_on_launch, except the answers to an enabled survey (validated by AWX's survey
rules: required answers, types, lengths, ranges, choices; defaults fill unanswered questions), --limit ask_limit_on_launch,
--tags ask_tags_on_launch, --skip-tags ask_skip_tags_on_launch, --job-type
ask_job_type_on_launch, --verbosity ask_verbosity_on_launch, --inventory
ask_inventory_on_launch, --credential ask_credential_on_launch, --scm-branch
ask_scm_branch_on_launch, --diff ask_diff_mode_on_launch, --forks ask_forks_on_launch,
--timeout ask_timeout_on_launch, --instance-group ask_instance_groups_on_launch. System job
templates take -e days=N only (AWX's rule; older_than and granularity are accepted and
ignored). Workflow job templates take -e (ask_variables_on_launch, or its survey), --limit,
--inventory, --scm-branch, --tags and --skip-tags (their ask_*_on_launch flags); the workflow's
prompts override its nodes' as AWX does. A prompt the
template does not ask for is refused (exit 65, naming it) and nothing is created. (`run_job`
is the administrator's command: its flags override the template whatever it asks.)

EXIT STATUS:
  0 queued (without --wait), or the job succeeded; 1 it failed, errored or was canceled;
  65 a prompt the template does not ask for, or the template has no project or inventory;
  66 no such template.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"id\": 12, \"type\": \"job\", \"name\": \"deploy\", \"status\": \"pending\",
   \"job_explanation\": \"\"}")]
pub struct Args {
    /// What to launch
    #[arg(value_enum, value_name = "TYPE")]
    pub kind: LaunchType,
    /// Its name (or id)
    #[arg(value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::of_type_arg))]
    pub name: String,
    /// Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)
    #[arg(short = 'e', long = "extra-vars", value_name = "VARS")]
    pub extra_vars: Vec<String>,
    /// Host pattern
    #[arg(short, long, value_name = "PATTERN")]
    pub limit: Option<String>,
    /// Only tasks with these tags
    #[arg(short, long, value_name = "TAGS")]
    pub tags: Option<String>,
    /// Skip tasks with these tags
    #[arg(long, value_name = "TAGS")]
    pub skip_tags: Option<String>,
    /// run or check
    #[arg(long, value_name = "TYPE", value_parser = ["run", "check"])]
    pub job_type: Option<String>,
    /// Ansible verbosity 0-5
    #[arg(long, value_name = "N", value_parser = crate::cli::whole::<i64>(0, 5))]
    pub verbosity: Option<i64>,
    /// Another inventory
    #[arg(long, value_name = "INVENTORY", add = clap_complete::ArgValueCompleter::new(crate::complete::inventory))]
    pub inventory: Option<String>,
    /// Credentials instead of the template's (repeatable)
    #[arg(long = "credential", value_name = "CREDENTIAL", add = clap_complete::ArgValueCompleter::new(crate::complete::credential))]
    pub credentials: Vec<String>,
    /// Another branch of the project
    #[arg(long, value_name = "BRANCH")]
    pub scm_branch: Option<String>,
    /// Show file changes
    #[arg(long)]
    pub diff: bool,
    /// Parallel processes
    #[arg(long, value_name = "N", value_parser = crate::cli::whole::<i64>(0, crate::resources::types::INT_MAX))]
    pub forks: Option<i64>,
    /// Job timeout in seconds
    #[arg(long, value_name = "SECONDS", value_parser = crate::cli::whole::<i64>(0, crate::resources::types::INT_MAX))]
    pub timeout: Option<i64>,
    /// Run in this instance group
    #[arg(long, value_name = "GROUP", add = clap_complete::ArgValueCompleter::new(crate::complete::instance_group))]
    pub instance_group: Option<String>,
    /// Wait for the job to end (running it here when it starts on this node)
    #[arg(long)]
    pub wait: bool,
}

#[derive(Debug, Serialize)]
pub struct LaunchReport {
    pub format_version: u32,
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    pub status: JobStatus,
    pub job_explanation: String,
    #[serde(skip)]
    pub waited: bool,
}

impl Report for LaunchReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let why = if self.job_explanation.is_empty() { String::new() } else { format!(": {}", self.job_explanation) };
        out.line(format!("{} {} ({}) {}{why}", self.kind.replace('_', " "), self.id, self.name, self.status))
    }
    fn exit_code(&self) -> u8 {
        u8::from(self.waited && self.status != JobStatus::Successful)
    }
}

/// The job-template prompt options given.
fn given_flags(a: &Args) -> Vec<&'static str> {
    [
        (a.limit.is_some(), "--limit"),
        (a.tags.is_some(), "--tags"),
        (a.skip_tags.is_some(), "--skip-tags"),
        (a.job_type.is_some(), "--job-type"),
        (a.verbosity.is_some(), "--verbosity"),
        (a.inventory.is_some(), "--inventory"),
        (!a.credentials.is_empty(), "--credential"),
        (a.scm_branch.is_some(), "--scm-branch"),
        (a.diff, "--diff"),
        (a.forks.is_some(), "--forks"),
        (a.timeout.is_some(), "--timeout"),
        (a.instance_group.is_some(), "--instance-group"),
    ]
    .into_iter()
    .filter_map(|(given, flag)| given.then_some(flag))
    .collect()
}

fn extra_vars(a: &Args) -> Result<Map<String, Json>> {
    let mut extra = Map::new();
    for e in &a.extra_vars {
        for (k, v) in extravars::parse_arg(e)? {
            extra.insert(k, v);
        }
    }
    Ok(extra)
}

/// The prompts of a workflow launch.
fn workflow_given(a: &Args) -> Result<crate::workflow::Given> {
    Ok(crate::workflow::Given {
        extra_vars: extra_vars(a)?,
        limit: a.limit.clone(),
        inventory: a.inventory.clone(),
        scm_branch: a.scm_branch.clone(),
        job_tags: a.tags.clone(),
        skip_tags: a.skip_tags.clone(),
    })
}

/// The prompts given on the command line, names resolved.
fn prompts(tx: &mut Tx<'_>, a: &Args) -> Result<Prompts> {
    let mut p = Prompts {
        extra_vars: extra_vars(a)?,
        limit: a.limit.clone(),
        job_tags: a.tags.clone(),
        skip_tags: a.skip_tags.clone(),
        job_type: a.job_type.clone(),
        verbosity: a.verbosity,
        scm_branch: a.scm_branch.clone(),
        diff_mode: a.diff.then_some(true),
        forks: a.forks,
        timeout: a.timeout,
        ..Prompts::default()
    };
    if let Some(g) = &a.instance_group {
        p.instance_group_id = Some(resources::resolve(tx, &types::INSTANCE_GROUP, g)?.0);
    }
    if let Some(i) = &a.inventory {
        p.inventory_id = Some(resources::resolve(tx, &types::INVENTORY, i)?.0);
    }
    if !a.credentials.is_empty() {
        p.credential_ids = Some(a.credentials.iter().map(|c| Ok(resources::resolve(tx, &types::CREDENTIAL, c)?.0)).collect::<Result<_>>()?);
    }
    Ok(p)
}

pub fn run(ctx: &Ctx, args: Args) -> Result<LaunchReport> {
    let mut db = ctx.db()?;
    let workflow_prompts = ["--limit", "--inventory", "--scm-branch", "--tags", "--skip-tags"];
    let given = given_flags(&args);
    if args.kind == LaunchType::WorkflowJobTemplate {
        let other: Vec<&str> = given.iter().copied().filter(|p| !workflow_prompts.contains(p)).collect();
        if !other.is_empty() {
            return Err(Error::data(format!("workflow job templates take no {} prompt", other.join(", "))));
        }
    } else if args.kind != LaunchType::JobTemplate && !given.is_empty() {
        return Err(Error::data("only job templates take these launch-time prompts"));
    }
    if matches!(args.kind, LaunchType::Project | LaunchType::InventorySource) && !args.extra_vars.is_empty() {
        return Err(Error::data("project and inventory updates take no extra variables"));
    }
    let projects_root = db.read(|tx| crate::runner::projects_root(ctx, tx))?;
    let (kind, id) = db.write(|tx| match args.kind {
        LaunchType::JobTemplate => {
            let (tid, name) = resources::resolve(tx, &types::JOB_TEMPLATE, &args.name)?;
            let p = prompts(tx, &args)?;
            let (ov, _) = launch::job_overrides(tx, &ctx.secrets, &p, tid, &name, Unasked::Refuse, "manual")?;
            hooks::before_launch(ctx, tx, tid)?;
            Ok((JobKind::Job, job::create_job(tx, tid, &ov)?))
        }
        LaunchType::Project => {
            let (pid, _) = resources::resolve(tx, &types::PROJECT, &args.name)?;
            Ok((JobKind::ProjectUpdate, crate::runner::project::create_update(tx, &projects_root, pid, "manual")?))
        }
        LaunchType::InventorySource => {
            let (sid, _) = resources::resolve(tx, &types::INVENTORY_SOURCE, &args.name)?;
            Ok((JobKind::InventoryUpdate, crate::inventory::source::create_update(tx, sid, "manual")?))
        }
        LaunchType::SystemJobTemplate => {
            let (tid, _) = resources::resolve(tx, &types::SYSTEM_JOB_TEMPLATE, &args.name)?;
            Ok((JobKind::SystemJob, crate::runner::system::create(tx, tid, &extra_vars(&args)?, "manual")?))
        }
        LaunchType::WorkflowJobTemplate => {
            let (tid, name) = resources::resolve(tx, &types::WORKFLOW_JOB_TEMPLATE, &args.name)?;
            let p = crate::workflow::check_prompts(tx, tid, &name, &workflow_given(&args)?)?;
            hooks::before_launch(ctx, tx, tid)?;
            Ok((JobKind::WorkflowJob, crate::workflow::create(tx, tid, &p, "manual")?))
        }
    })?;
    follow(ctx, &mut db, kind, id, args.wait)
}

/// After a launch: wait for it (running it here once started) or just kick the task manager;
/// the report of where it stands.
pub fn follow(ctx: &Ctx, db: &mut crate::db::Db, kind: JobKind, id: i64, wait: bool) -> Result<LaunchReport> {
    if wait {
        ctx.cancel_on_signals()?;
        let turn = taskmanager::run::wait_turn(ctx, db, kind, id, false)?;
        if turn == Turn::Run && kind == JobKind::Job && ctx.out.format == crate::output::Format::Human {
            // A job run here shows its output as it comes, as `run_job` does.
            let mut sink = crate::runner::live_sink(&ctx.out);
            let opts =
                job::RunOptions { keep_artifacts: false, inventory_format: Default::default(), live: Some(&mut sink), no_wait: false };
            job::run(ctx, db, id, opts)?;
        } else if turn == Turn::Run {
            crate::commands::task_manager::run_task(ctx, db, kind, id)?;
        }
    } else {
        taskmanager::run::kick(ctx, db)?;
    }
    let r = db.read(|tx| {
        tx.query_one(&format!("SELECT name, status, job_explanation FROM {} WHERE id = $1", kind.table()), crate::params![id])
    })?;
    Ok(LaunchReport {
        format_version: 1,
        id,
        kind: kind.table(),
        name: r.col("name")?,
        status: r.col("status")?,
        job_explanation: r.col("job_explanation")?,
        waited: wait,
    })
}
