//! `awxm launch TYPE NAME [prompts]`: put a job (or a project or inventory update) in the queue,
//! with AWX's launch-time prompts, and optionally wait for it.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::jobs::{JobKind, JobStatus, hooks};
use crate::output::{Human, Report};
use crate::resources::{self, types};
use crate::runner::extravars;
use crate::runner::job::{self, Overrides};
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
--wait this process runs it itself and exits with its result.

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
    #[arg(value_name = "NAME")]
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
    #[arg(long, value_name = "INVENTORY")]
    pub inventory: Option<String>,
    /// Credentials instead of the template's (repeatable)
    #[arg(long = "credential", value_name = "CREDENTIAL")]
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
    #[arg(long, value_name = "GROUP")]
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

/// The prompts given, each with the flag that must allow it.
fn prompts_given(a: &Args) -> Vec<(&'static str, &'static str)> {
    let mut v = Vec::new();
    let mut add = |given: bool, prompt: &'static str, ask: &'static str| {
        if given {
            v.push((prompt, ask));
        }
    };
    add(a.limit.is_some(), "--limit", "ask_limit_on_launch");
    add(a.tags.is_some(), "--tags", "ask_tags_on_launch");
    add(a.skip_tags.is_some(), "--skip-tags", "ask_skip_tags_on_launch");
    add(a.job_type.is_some(), "--job-type", "ask_job_type_on_launch");
    add(a.verbosity.is_some(), "--verbosity", "ask_verbosity_on_launch");
    add(a.inventory.is_some(), "--inventory", "ask_inventory_on_launch");
    add(!a.credentials.is_empty(), "--credential", "ask_credential_on_launch");
    add(a.scm_branch.is_some(), "--scm-branch", "ask_scm_branch_on_launch");
    add(a.diff, "--diff", "ask_diff_mode_on_launch");
    add(a.forks.is_some(), "--forks", "ask_forks_on_launch");
    add(a.timeout.is_some(), "--timeout", "ask_timeout_on_launch");
    add(a.instance_group.is_some(), "--instance-group", "ask_instance_groups_on_launch");
    v
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

/// Check the prompts against the template and build the job's overrides (nothing written).
fn job_overrides(tx: &mut Tx<'_>, secrets: &crate::crypto::Secrets, a: &Args, tid: i64, name: &str) -> Result<Overrides> {
    let mut start_args = None;
    let t = tx.query_one("SELECT * FROM job_template WHERE id = $1", crate::params![tid])?;
    let mut refused: Vec<String> = Vec::new();
    for (prompt, ask) in prompts_given(a) {
        if !t.col::<bool>(ask)? {
            refused.push(format!("{prompt} ({ask} is false)"));
        }
    }
    let mut extra = extra_vars(a)?;
    let ask_vars: bool = t.col("ask_variables_on_launch")?;
    let spec: Json = serde_json::from_str(&t.col::<String>("survey_spec")?).unwrap_or(Json::Null);
    let survey = t.col::<bool>("survey_enabled")? && spec.as_object().is_some_and(|m| !m.is_empty());
    if survey {
        // The survey's questions are always asked; other variables need ask_variables_on_launch.
        let unknown = crate::launch::survey::unknown_variables(&spec, &extra);
        if !unknown.is_empty() && !ask_vars {
            refused.push(format!("--extra-vars {} (not in the survey, and ask_variables_on_launch is false)", unknown.join(", ")));
        }
        match crate::launch::survey::apply(&spec, &extra) {
            Ok(answers) => extra.extend(answers),
            Err(errors) => {
                return Err(Error::data(format!("job template {name:?}: the survey refuses the answers: {}", errors.join("; "))));
            }
        }
        // Password answers are kept encrypted (start_args), never in extra_vars.
        let mut hidden = serde_json::Map::new();
        for var in crate::launch::survey::password_variables(&spec) {
            if let Some(v) = extra.get_mut(&var) {
                hidden.insert(var.clone(), std::mem::replace(v, Json::from(crate::crypto::REDACTED)));
            }
        }
        if !hidden.is_empty() {
            start_args = Some(secrets.encrypt(&Json::Object(hidden).to_string(), "start_args")?);
        }
    } else if !extra.is_empty() && !ask_vars {
        refused.push("--extra-vars (ask_variables_on_launch is false)".into());
    }
    if !refused.is_empty() {
        return Err(Error::data(format!("job template {name:?} does not ask for {} on launch", refused.join(", "))));
    }
    let mut ov = Overrides {
        limit: a.limit.clone(),
        extra_vars: extra,
        job_tags: a.tags.clone(),
        skip_tags: a.skip_tags.clone(),
        job_type: a.job_type.clone(),
        verbosity: a.verbosity,
        forks: a.forks,
        diff_mode: a.diff.then_some(true),
        timeout: a.timeout,
        launch_type: Some("manual".into()),
        instance_group_id: None,
        inventory_id: None,
        credential_ids: None,
        scm_branch: a.scm_branch.clone(),
        start_args,
    };
    if let Some(g) = &a.instance_group {
        ov.instance_group_id = Some(resources::resolve(tx, &types::INSTANCE_GROUP, g)?.0);
    }
    if let Some(i) = &a.inventory {
        ov.inventory_id = Some(resources::resolve(tx, &types::INVENTORY, i)?.0);
    }
    if !a.credentials.is_empty() {
        ov.credential_ids =
            Some(a.credentials.iter().map(|c| Ok(resources::resolve(tx, &types::CREDENTIAL, c)?.0)).collect::<Result<_>>()?);
    }
    let mut missing = Vec::new();
    if t.col::<Option<i64>>("project_id")?.is_none() {
        missing.push("project");
    }
    if t.col::<Option<i64>>("inventory_id")?.is_none() && ov.inventory_id.is_none() {
        missing.push("inventory (and none was given with --inventory)");
    }
    if !missing.is_empty() {
        return Err(Error::data(format!("job template {name:?} cannot be launched: it has no {}", missing.join(" and no "))));
    }
    Ok(ov)
}

pub fn run(ctx: &Ctx, args: Args) -> Result<LaunchReport> {
    let mut db = ctx.db()?;
    let workflow_prompts = ["--limit", "--inventory", "--scm-branch", "--tags", "--skip-tags"];
    let given = prompts_given(&args);
    if args.kind == LaunchType::WorkflowJobTemplate {
        let other: Vec<&str> = given.iter().map(|g| g.0).filter(|p| !workflow_prompts.contains(p)).collect();
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
            let ov = job_overrides(tx, &ctx.secrets, &args, tid, &name)?;
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
        if turn == Turn::Run {
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
