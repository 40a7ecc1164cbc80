//! The clap tree: global options and one variant per subcommand. `command()` is the single
//! source for `--help`, the man pages and the shell completions.

use std::path::PathBuf;

use clap::{ArgAction, Args, CommandFactory, Parser, Subcommand};

use crate::commands;
use crate::output::{ColorChoice, Format};

/// EXIT STATUS and ENVIRONMENT sections, shown by `--help` and in `awxm(1)`.
pub const AFTER_HELP: &str = "\
EXIT STATUS:
   0  success
   1  the work ran and its outcome is a failure (job failed, license invalid, upload refused, node down);
      the --jq filter failed on the output
   2  usage error (bad option or --jq filter; a prompt was needed but no terminal and no --yes)
   3  check_license --warn-exit: the license is in the warning zone (>= 90% of hosts, < 30 days left)
      (check_license --nagios follows the plugin convention instead: 0 OK, 1 WARNING, 2 CRITICAL,
      3 UNKNOWN)
  65  bad input data (the message names file:line)
  66  an input file or a named object does not exist; no database where a read-only command looks
  69  a service is unreachable (database, node, SMTP server, upload endpoint)
  70  internal error (a bug: please report it)
  73  an output file already exists and is not overwritten (license keygen --out)
  74  I/O error
  75  temporary failure: another run holds the lock; try again later
  77  permission denied
  78  configuration error (bad config file or key file, key file missing while the database holds
      secrets, database schema newer than awxm)
 130  interrupted (SIGINT); 143 terminated (SIGTERM)

ENVIRONMENT:
  AWXM_DATABASE_URL    database URL (sqlite:///path/awxm.db or postgres://user@host:port/db)
  AWXM_CONFIG          config file (YAML); default /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml
  AWXM_FORMAT          output format: human, json or yaml
  AWXM_LOCK_TIMEOUT    seconds to wait for a lock held by another run
  AWXM_SECRET_KEY_FILE key file for secrets at rest (default /etc/awxm/secret.key as root)
  AWXM_LOG             log filter (tracing EnvFilter syntax), overrides -v/-q
  AWXM_NODE_NAME       this node's instance hostname (default: the machine's hostname)
  AWXM_ANSIBLE_BIN_DIR directory holding ansible-playbook (default: found on PATH)
  AWXM_KNOWN_HOSTS     known_hosts file for nodes' SSH host keys (--known-hosts)
  AWXM_HOST_KEY_POLICY strict or accept-new (--host-key-policy)
  SSH_AUTH_SOCK        ssh-agent used for nodes without a credential
  SYSTEM_TASK_FORKS_CPU, SYSTEM_TASK_FORKS_MEM, SYSTEM_TASK_ABS_CPU, SYSTEM_TASK_ABS_MEM,
  SYSTEM_TASK_FORKS_CAPACITY  capacity overrides (win over the settings of those names)
  NO_COLOR             no colour (--color auto), also when CLICOLOR_FORCE is set
  CLICOLOR_FORCE       colour even when not on a terminal (--color auto), unless it is 0
  TERM                 dumb: no colour (--color auto)";

#[derive(Debug, Parser)]
#[command(
    name = "awxm",
    version,
    about = "Admin toolkit for Ansible automation: AWX's awx-manage as one fast binary",
    long_about = "awxm manages Ansible automation from the shell, cron and systemd: import inventories, queue \
and run playbooks for job templates (dependencies, blocking, capacity, a dispatcher service), probe \
isolated nodes, ship analytics, check the license, purge old output and copy objects. State lives in \
SQLite (default) or PostgreSQL (clusters).",
    after_long_help = AFTER_HELP,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db
    #[arg(long, global = true, env = "AWXM_DATABASE_URL", value_name = "URL", hide_env_values = true)]
    pub database: Option<String>,
    /// Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]
    #[arg(long, global = true, env = "AWXM_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(short = 'o', long, global = true, env = "AWXM_FORMAT", value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Filter the JSON output with a jq expression, as gh --jq: strings print raw, other
    /// values as compact JSON, one per line (implies --format json; with -o jsonl each line is
    /// filtered). Example: awxm list organizations --jq '.items[].name'
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,
    /// More logging on stderr (-v info, -vv debug, -vvv trace)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// Only errors on stderr
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is
    /// set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Same as --color never
    #[arg(long, global = true, conflicts_with = "color")]
    pub no_color: bool,
    /// Never draw progress bars
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]
    #[arg(long, global = true, env = "AWXM_LOCK_TIMEOUT", value_name = "SECONDS", value_parser = seconds(0.0, MAX_LOCK_TIMEOUT))]
    pub lock_timeout: Option<f64>,
    /// Log every SQL statement with its duration to stderr
    #[arg(long, global = true)]
    pub profile_sql: bool,
    /// known_hosts file for nodes' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]
    #[arg(long, global = true, env = "AWXM_KNOWN_HOSTS", value_name = "FILE")]
    pub known_hosts: Option<PathBuf>,
    /// Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]
    #[arg(long, global = true, env = "AWXM_HOST_KEY_POLICY", value_name = "POLICY", value_parser = ["strict", "accept-new"])]
    pub host_key_policy: Option<String>,
}

impl GlobalArgs {
    /// `--color`, with `--no-color` as `never`.
    pub fn color_choice(&self) -> ColorChoice {
        if self.no_color { ColorChoice::Never } else { self.color.unwrap_or_default() }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or update resources from YAML/JSON files, idempotently, by name
    Apply(commands::apply::Args),
    /// Write resources back as a resource file (secrets shown as $encrypted$)
    Export(commands::export::Args),
    /// List the objects of one type
    List(commands::list::Args),
    /// Show one object with all its fields
    Show(commands::show::Args),
    /// Delete one object (asks first on a terminal)
    Delete(commands::delete::Args),
    /// Copy a template, inventory, project, credential or notification template with its sub-objects
    #[command(name = "deep_copy", alias = "deep-copy")]
    DeepCopy(commands::deep_copy::Args),
    /// Read and change cluster-wide settings stored in the database
    Settings(commands::settings::Args),
    /// Launch a job from a job template and supervise it (live output, exit 0 on success)
    #[command(name = "run_job", alias = "run-job")]
    RunJob(commands::run_job::Args),
    /// Run one Ansible module over an inventory's hosts, recorded and supervised like a job
    #[command(name = "ad_hoc", alias = "ad-hoc")]
    AdHoc(commands::ad_hoc::Args),
    /// Queue a job, project/inventory update or system job from its template; --wait to wait for it
    Launch(commands::launch::Args),
    /// The service that runs the queue on this node: wakes on launches, heartbeats, restarts safely
    Dispatcher(commands::dispatcher::Args),
    /// Schedules: list them, show one with its next runs and skips, preview a rule
    Schedule(commands::schedule::Args),
    /// Launch due schedules: one tick with --once (a timer or cron), else a tick loop (the dispatcher ticks too)
    Scheduler(commands::scheduler::Args),
    /// Run one task-manager cycle: start what may start, explain what waits
    #[command(name = "task_manager", alias = "task-manager")]
    TaskManager(commands::task_manager::Args),
    /// Sync a git project's checkout
    #[command(name = "project_update", alias = "project-update")]
    ProjectUpdate(commands::project_update::Args),
    /// Inspect, wait for, relaunch and cancel jobs: list, show, stdout, events, wait, relaunch, cancel
    Job(commands::job::Args),
    /// Internal: guards a job's processes (started by run_job)
    #[command(name = "job-guard", hide = true)]
    JobGuard(commands::job_guard::Args),
    /// Validate the license against the hosts in use; alert superusers by e-mail
    #[command(name = "check_license", alias = "check-license")]
    CheckLicense(commands::check_license::Args),
    /// Install, show or remove the license; create signing keys and sign licenses
    License(commands::license::Args),
    /// Send a test notification; list the notifications sent
    Notification(commands::notification::Args),
    /// Collect usage analytics into AWX-format tarballs and upload them (--ship)
    #[command(name = "gather_analytics", alias = "gather-analytics")]
    GatherAnalytics(commands::gather_analytics::Args),
    /// Purge old buffered job-output files from the job-output directory
    #[command(name = "cleanup_stdout", alias = "cleanup-stdout")]
    CleanupStdout(commands::cleanup_stdout::Args),
    /// Delete old jobs, updates, workflow jobs and notifications (AWX's rules, in batches)
    #[command(name = "cleanup_jobs", alias = "cleanup-jobs")]
    CleanupJobs(commands::cleanup_jobs::Args),
    /// Show the resolved configuration and where it came from
    Config(commands::config::Args),
    /// Print a shell completion script
    Completions(commands::completions::Args),
    /// Import an Ansible inventory (file, directory, script, plugin) into an inventory
    #[command(name = "inventory_import", alias = "inventory-import")]
    InventoryImport(Box<commands::inventory_import::Args>),
    /// Re-run a stored inventory source, or list its past updates
    #[command(name = "inventory_update", alias = "inventory-update")]
    InventoryUpdate(commands::inventory_update::Args),
    /// Print a stored inventory as ansible-inventory --list JSON (works as an inventory script)
    #[command(name = "inventory_export", alias = "inventory-export")]
    InventoryExport(commands::inventory_export::Args),
    /// Inspect an inventory: its hosts (a smart inventory's members, or a host_filter preview)
    Inventory(commands::inventory::Args),
    /// Register or deregister cluster nodes (instances)
    Instance(commands::instance::Args),
    /// Record this node's heartbeat and capacity; mark lost nodes and reap their jobs
    #[command(alias = "cluster_node_heartbeat")]
    Heartbeat(commands::heartbeat::Args),
    /// Probe isolated and execution nodes over SSH in parallel and record their capacity
    #[command(name = "isolated_heartbeat", alias = "isolated-heartbeat")]
    IsolatedHeartbeat(commands::isolated_heartbeat::Args),
    /// Show the cluster: version, nodes with capacity and heartbeat, instance groups
    Ping(commands::ping::Args),
    /// Prometheus metrics (AWX's /api/v2/metrics) on stdout or for node_exporter's textfile collector
    Metrics(commands::metrics::Args),
    /// Connect to one node over SSH and run ansible-playbook --version there
    #[command(name = "test_isolated_connection", alias = "test-isolated-connection")]
    TestIsolatedConnection(commands::test_isolated_connection::Args),
    /// Launch a workflow job and follow it: node progress as it happens, exit 0 if it succeeded
    #[command(name = "run_workflow", alias = "run-workflow")]
    RunWorkflow(commands::run_workflow::Args),
    /// Workflow approvals: list them, approve or deny one
    Approval(commands::approval::Args),
}

/// What a command may do to the state on disk. Every subcommand chooses explicitly in
/// [`Command::access`] (no wildcard arm, so a new command must choose too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Never writes the database (it may migrate an existing one's schema) and never creates
    /// the database, its directory or the secret key: no database → exit 66.
    Read,
    /// Writes to what must already exist (a job, a template, a stored object): no database →
    /// exit 66. May create the key file while the database holds no secret.
    Write,
    /// May create the database (and its directory), and the key file while the database holds
    /// no secret.
    Create,
}

impl Command {
    pub fn access(&self) -> Access {
        use Access::{Create, Read, Write};
        use commands::{job, license, notification, settings};
        let unless_dry = |dry: bool, a: Access| if dry { Read } else { a };
        match self {
            Command::Apply(a) => unless_dry(a.dry_run, Create),
            Command::Export(_) | Command::List(_) | Command::Show(_) => Read,
            Command::Delete(_) => Write,
            Command::DeepCopy(a) => unless_dry(a.dry_run || a.check, Write),
            Command::Settings(a) => match a.action {
                settings::Action::List | settings::Action::Get { .. } => Read,
                settings::Action::Set { .. } | settings::Action::Unset { .. } => Create,
            },
            Command::RunJob(_) | Command::ProjectUpdate(_) | Command::Launch(_) | Command::TaskManager(_) | Command::AdHoc(_) => Write,
            // Preview never opens the database.
            Command::Schedule(_) => Read,
            // Creates the scheduler's state row on its first tick.
            Command::Scheduler(_) => Write,
            // Its heartbeat registers the node.
            Command::Dispatcher(a) => match a.action {
                Some(commands::dispatcher::Action::Status) => Read,
                None => Create,
            },
            Command::Job(a) => match a.action {
                job::Action::List { .. } | job::Action::Show { .. } | job::Action::Stdout { .. } | job::Action::Events { .. } => Read,
                job::Action::Wait { .. } => Read,
                job::Action::Ingest { .. } | job::Action::Cancel { .. } | job::Action::Relaunch { .. } => Write,
            },
            // Never opens the database.
            Command::JobGuard(_) => Read,
            // --notify records the alerts it sent.
            Command::CheckLicense(a) => {
                if a.notify {
                    Write
                } else {
                    Read
                }
            }
            Command::License(a) => match a.action {
                license::Action::Install { .. } => Create,
                license::Action::Remove { .. } => Write,
                // Show reads; keygen and sign never open the database.
                license::Action::Show | license::Action::Keygen { .. } | license::Action::Sign { .. } => Read,
            },
            Command::Notification(a) => match a.action {
                notification::Action::Test { .. } => Write,
                notification::Action::List { .. } => Read,
            },
            // Without --ship it is a dry run: tarballs only, no bookkeeping.
            Command::GatherAnalytics(a) => {
                if a.ship {
                    Write
                } else {
                    Read
                }
            }
            // Deletes files, not rows: it only reads settings from the database.
            Command::CleanupStdout(_) => Read,
            Command::CleanupJobs(a) => unless_dry(a.dry_run, Write),
            Command::Config(_) | Command::Completions(_) => Read,
            Command::InventoryImport(a) => unless_dry(a.dry_run, Create),
            Command::InventoryUpdate(a) => unless_dry(a.dry_run || a.history, Write),
            Command::InventoryExport(_) | Command::Inventory(_) => Read,
            Command::Instance(a) => match a.action {
                commands::instance::Action::Register { .. } => Create,
                commands::instance::Action::Deregister { .. } => Write,
            },
            // A node's first heartbeat registers it.
            Command::Heartbeat(a) => unless_dry(a.dry_run, Create),
            Command::IsolatedHeartbeat(_) => Write,
            Command::Ping(_) | Command::TestIsolatedConnection(_) | Command::Metrics(_) => Read,
            Command::RunWorkflow(_) => Write,
            Command::Approval(a) => match a.action {
                commands::approval::Action::List { .. } => Read,
                commands::approval::Action::Approve { .. } | commands::approval::Action::Deny { .. } => Write,
            },
        }
    }
}

impl Command {
    /// Why `--jq` cannot filter this command's output (it prints text, not JSON), if so.
    pub fn jq_refusal(&self) -> Option<&'static str> {
        use commands::job;
        match self {
            Command::InventoryExport(a) if a.script => Some("inventory_export --script prints a shell script, not JSON"),
            Command::CheckLicense(a) if a.nagios => Some("check_license --nagios prints a plugin line, not JSON"),
            Command::Job(a) if matches!(a.action, job::Action::Stdout { follow: true, .. }) => {
                Some("job stdout --follow prints the job's text output, not JSON (job events --follow --jq filters its events)")
            }
            _ => None,
        }
    }
}

pub use crate::config::MAX_LOCK_TIMEOUT;

/// A clap value parser for a number of seconds in `min..=max`: a number (fractions allowed) or a
/// duration such as `90m` (the one duration parser, [`crate::time::parse_duration`]). Anything
/// else — NaN, infinity, out of range, not a number — is a usage error (exit 2) naming the value
/// and the allowed range.
pub fn seconds(min: f64, max: f64) -> impl Fn(&str) -> Result<f64, String> + Clone + Send + Sync + 'static {
    move |s: &str| {
        let range = || format!("allowed: {min} to {max} seconds");
        let v = crate::time::duration_secs(s)
            .ok_or_else(|| format!("{s:?} is not a number of seconds or a duration such as 90m ({})", range()))?;
        if v.is_finite() && v >= min && v <= max { Ok(v) } else { Err(format!("{s} is out of range ({})", range())) }
    }
}

/// A clap value parser for a number (fractions allowed) in `min..=max`: NaN, infinity, out of
/// range or not a number is a usage error (exit 2) naming the value and the allowed range.
pub fn number(min: f64, max: f64) -> impl Fn(&str) -> Result<f64, String> + Clone + Send + Sync + 'static {
    move |s: &str| {
        let v: f64 = s.trim().parse().map_err(|_| format!("{s:?} is not a number (allowed: {min} to {max})"))?;
        if v.is_finite() && v >= min && v <= max { Ok(v) } else { Err(format!("{s} is out of range (allowed: {min} to {max})")) }
    }
}

/// A clap value parser for a whole number in `min..=max`, as any integer type: out of range or
/// not a whole number is a usage error (exit 2) naming the value and the allowed range.
pub fn whole<T>(min: i64, max: i64) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static
where
    T: TryFrom<i64> + Clone + Send + Sync + 'static,
{
    move |s: &str| {
        let range = format!("allowed: {min} to {max}");
        let v: i128 = s.trim().parse().map_err(|_| format!("{s:?} is not a whole number ({range})"))?;
        if v < i128::from(min) || v > i128::from(max) {
            return Err(format!("{s} is out of range ({range})"));
        }
        T::try_from(v as i64).map_err(|_| format!("{s} is out of range ({range})"))
    }
}

/// Whether `--format` was typed on the command line (not taken from `AWXM_FORMAT`).
pub fn format_on_command_line(matches: &clap::ArgMatches) -> bool {
    let mut m = Some(matches);
    while let Some(cur) = m {
        if cur.try_get_raw("format").ok().flatten().is_some() && cur.value_source("format") == Some(clap::parser::ValueSource::CommandLine)
        {
            return true;
        }
        m = cur.subcommand().map(|(_, sub)| sub);
    }
    false
}

/// The whole command tree (for help, man pages and completions).
pub fn command() -> clap::Command {
    Cli::command()
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        super::command().debug_assert();
    }

    #[test]
    fn dry_runs_and_readers_never_create_state() {
        use super::Access::{Create, Read, Write};
        use clap::Parser;
        let cases: &[(&[&str], super::Access)] = &[
            (&["list", "inventories"], Read),
            (&["job", "stdout", "1"], Read),
            (&["settings", "get", "x"], Read),
            (&["settings", "set", "x", "y"], Create),
            (&["apply", "-f", "a.yaml"], Create),
            (&["apply", "--dry-run", "-f", "a.yaml"], Read),
            (&["cleanup_jobs", "--dry-run"], Read),
            (&["cleanup_jobs"], Write),
            (&["run_job", "t"], Write),
            (&["check_license"], Read),
            (&["check_license", "--notify"], Write),
            (&["gather_analytics"], Read),
            (&["gather_analytics", "--ship"], Write),
        ];
        for (args, want) in cases {
            let cli = super::Cli::try_parse_from(std::iter::once(&"awxm").chain(args.iter())).unwrap();
            assert_eq!(cli.command.access(), *want, "{args:?}");
        }
    }

    #[test]
    fn completion_leaves_out_internal_commands_and_options() {
        // What the shells' hook gets (clap_complete's engine over the full tree).
        let complete = |words: &[&str]| -> Vec<String> {
            let mut cmd = super::command();
            cmd.build();
            let args: Vec<std::ffi::OsString> = std::iter::once("awxm").chain(words.iter().copied()).map(Into::into).collect();
            clap_complete::engine::complete(&mut cmd, args, words.len(), None)
                .unwrap()
                .into_iter()
                .filter(|c| !c.is_hide_set())
                .map(|c| c.get_value().to_string_lossy().into_owned())
                .collect()
        };
        let names = complete(&[""]);
        assert!(names.iter().any(|n| n == "run_job") && names.iter().any(|n| n == "metrics"), "{names:?}");
        assert!(!names.iter().any(|n| n == "job-guard" || n == "run-job"), "{names:?}");
        let run_job = complete(&["run_job", "--"]);
        assert!(run_job.iter().any(|n| n == "--no-follow") && !run_job.iter().any(|n| n == "--supervise"), "{run_job:?}");
        let tm = complete(&["task_manager", "--"]);
        assert!(tm.iter().any(|n| n == "--once") && !tm.iter().any(|n| n == "--run"), "{tm:?}");
        assert!(!complete(&["inventory_import", "--k"]).iter().any(|n| n == "--keep-vars"));
        // The full tree still has them (they work, they are only not offered).
        let full = super::command();
        assert!(full.find_subcommand("job-guard").is_some());
        assert!(full.find_subcommand("run_job").unwrap().get_arguments().any(|a| a.get_id() == "supervise"));
    }

    #[test]
    fn help_documents_exit_codes() {
        assert!(super::AFTER_HELP.contains("75  temporary failure"));
    }
}
