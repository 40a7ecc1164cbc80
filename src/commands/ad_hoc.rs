//! `awxm ad_hoc INVENTORY -m MODULE [-a ARGS]`: run one Ansible module over an inventory's hosts,
//! recorded and supervised like a job.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::Format;
use crate::rbac::Access;
use crate::resources::{self, types};
use crate::runner::adhoc::{self, Request};
use crate::runner::extravars;
use crate::runner::inventory::InventoryFormat;
use crate::runner::job::RunOptions;

use super::run_job::{Mode, RunJobReport};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm ad_hoc web -m ping                              # every host of inventory web
  awxm ad_hoc web -m command -a 'uptime' --limit 'db*' --credential ssh-key
  awxm ad_hoc web -m service -a 'name=nginx state=restarted' --become --forks 20
  awxm ad_hoc web -m shell -a 'df -h' --format json    # just the result document
  awxm ad_hoc web -m ping --as bob                     # AWX's permission check for user bob

An ad hoc command (AWX's) runs `ansible -m MODULE -a ARGS PATTERN` with the inventory's hosts,
through the queue like a job (impact min(hosts, forks or 5) + 1; it waits for capacity and for
an update of its inventory), under a pseudo-terminal with the machine credential's passwords
typed in, never in argv. Its output, events and host summaries are stored like a job's and
shown by `awxm job list|show|stdout|events` (type ad_hoc_command); secrets are redacted;
Ctrl-C, SIGTERM or `awxm job cancel ID` cancel it; the timeout stops it.

AWX's rules: the module must be in the setting ad_hoc_commands (AWX's list: command, shell,
yum, apt, apt_key, apt_repository, apt_rpm, service, group, user, mount, ping, selinux, setup,
win_ping, win_service, win_updates, win_group, win_user); command and shell need arguments;
extra variables named ansible_* are refused; the limit defaults to all; the credential must be
a machine credential; module arguments may not hold Jinja templates unless
allow_jinja_in_extra_vars is always. With --as USER: the user needs the adhoc role on the
inventory (an inventory or organization admin has it) and use of the credential. No inventory
source is synced first (AWX).

EXIT STATUS:
  0 every host succeeded; 1 it failed, errored or was canceled; 65 refused by AWX's rules;
  66 no such inventory or credential; 77 --as USER may not run it.

JSON OUTPUT (--format json): as run_job's:
  {\"format_version\": 1, \"id\": 14, \"status\": \"successful\", \"rc\": 0, \"started\", \"finished\", \"elapsed\",
   \"execution_node\", \"job_explanation\", \"host_summaries\": {\"web1\": {\"ok\": 1, ...}}, \"event_count\": 5}")]
pub struct Args {
    /// Inventory (name, or id)
    #[arg(value_name = "INVENTORY")]
    pub inventory: String,
    /// Module to run
    #[arg(short = 'm', long = "module-name", value_name = "MODULE", default_value = "command")]
    pub module_name: String,
    /// Module arguments
    #[arg(short = 'a', long = "args", value_name = "ARGS", default_value = "")]
    pub module_args: String,
    /// Host pattern [default: all]
    #[arg(short, long, value_name = "PATTERN", default_value = "")]
    pub limit: String,
    /// Machine credential (name, or id)
    #[arg(long, value_name = "CREDENTIAL")]
    pub credential: Option<String>,
    /// Run with privilege escalation
    #[arg(short, long = "become")]
    pub become_enabled: bool,
    /// Parallel processes (0: Ansible's default)
    #[arg(short, long, value_name = "N", default_value_t = 0, value_parser = crate::cli::whole::<i64>(0, crate::resources::types::INT_MAX))]
    pub forks: i64,
    /// Ansible verbosity 0-5
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = crate::cli::whole::<i64>(0, 5))]
    pub verbosity: i64,
    /// Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)
    #[arg(short = 'e', long = "extra-vars", value_name = "VARS")]
    pub extra_vars: Vec<String>,
    /// Check mode: report what would change
    #[arg(short = 'C', long)]
    pub check: bool,
    /// Show file changes
    #[arg(short = 'D', long)]
    pub diff: bool,
    /// Timeout in seconds (0: the setting default_job_timeout; negative: none)
    #[arg(long, value_name = "SECONDS", default_value_t = 0, allow_negative_numbers = true,
          value_parser = crate::cli::whole::<i64>(-crate::resources::types::INT_MAX, crate::resources::types::INT_MAX))]
    pub timeout: i64,
    /// Act as this user (name or id): AWX's permission checks apply
    #[arg(long = "as", value_name = "USER")]
    pub as_user: Option<String>,
    /// Fail at once instead of waiting when no capacity is free
    #[arg(long)]
    pub no_wait: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<RunJobReport> {
    let mut db = ctx.db()?;
    let mut extra = serde_json::Map::new();
    for e in &args.extra_vars {
        for (k, v) in extravars::parse_arg(e)? {
            extra.insert(k, v);
        }
    }
    let id = db.write(|tx| {
        let (inventory_id, _) = resources::resolve(tx, &types::INVENTORY, &args.inventory)?;
        let credential_id = match &args.credential {
            Some(c) => Some(resources::resolve(tx, &types::CREDENTIAL, c)?.0),
            None => None,
        };
        if let Some(user) = &args.as_user {
            let mut access = Access::for_user(tx, user)?;
            if !access.has_role(tx, "inventory", inventory_id, "adhoc")? {
                return Err(Error::permission(format!(
                    "user {user} may not run ad hoc commands on inventory {:?} (needs its adhoc role)",
                    args.inventory
                )));
            }
            if let Some(c) = credential_id
                && !access.can_use(tx, "credential", c)?
            {
                return Err(Error::permission(format!(
                    "user {user} may not use credential {:?}",
                    args.credential.clone().unwrap_or_default()
                )));
            }
        }
        let req = Request {
            inventory_id,
            module_name: args.module_name.clone(),
            module_args: args.module_args.clone(),
            limit: args.limit.clone(),
            credential_id,
            become_enabled: args.become_enabled,
            forks: args.forks,
            verbosity: args.verbosity,
            extra_vars: extra.clone(),
            check: args.check,
            diff: args.diff,
            timeout: args.timeout,
        };
        crate::jobs::hooks::before_launch(ctx, tx, 0)?;
        adhoc::create(tx, &ctx.secrets, &req)
    })?;
    ctx.cancel_on_signals()?;
    let follow = ctx.out.format == Format::Human;
    let mut sink = crate::runner::live_sink(&ctx.out);
    let opts = RunOptions {
        keep_artifacts: false,
        inventory_format: InventoryFormat::Script,
        live: if follow { Some(&mut sink) } else { None },
        no_wait: args.no_wait,
    };
    let result = super::run_job::wait_and_run(ctx, &mut db, id, opts)?;
    Ok(RunJobReport { result, mode: if follow { Mode::Followed } else { Mode::NoFollow } })
}
