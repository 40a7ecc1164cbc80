//! The clap tree: global options and one variant per subcommand. `command()` is the single
//! source for `--help`, the man pages and the shell completions.

use std::path::PathBuf;

use clap::{ArgAction, Args, CommandFactory, Parser, Subcommand};

use crate::commands;
use crate::output::Format;

/// EXIT STATUS and ENVIRONMENT sections, shown by `--help` and in `awxm(1)`.
pub const AFTER_HELP: &str = "\
EXIT STATUS:
   0  success
   1  the work ran and its outcome is a failure (job failed, license invalid, upload refused, node down)
   2  usage error (bad option; a prompt was needed but there is no terminal and no --yes)
  65  bad input data (the message names file:line)
  66  an input file or a named object does not exist
  69  a service is unreachable (database, node, SMTP server, upload endpoint)
  70  internal error (a bug: please report it)
  74  I/O error
  75  temporary failure: another run holds the lock; try again later
  77  permission denied
  78  configuration error (bad config file, key file, or database schema newer than awxm)
 130  interrupted (SIGINT); 143 terminated (SIGTERM)

ENVIRONMENT:
  AWXM_DATABASE_URL    database URL (sqlite:///path/awxm.db or postgres://user@host:port/db)
  AWXM_CONFIG          config file (YAML); default /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml
  AWXM_FORMAT          output format: human, json or yaml
  AWXM_LOCK_TIMEOUT    seconds to wait for a lock held by another run
  AWXM_SECRET_KEY_FILE key file for secrets at rest (default /etc/awxm/secret.key as root)
  AWXM_LOG             log filter (tracing EnvFilter syntax), overrides -v/-q
  AWXM_NODE_NAME       this node's instance hostname (default: the machine's hostname)
  NO_COLOR             disable colour";

#[derive(Debug, Parser)]
#[command(
    name = "awxm",
    version,
    about = "Admin toolkit for Ansible automation: AWX's awx-manage as one fast binary",
    long_about = "awxm manages Ansible automation from the shell, cron and systemd: import inventories, run \
playbooks for job templates, probe isolated nodes, ship analytics, check the license, purge old output \
and copy objects. State lives in SQLite (default) or PostgreSQL (clusters).",
    after_long_help = AFTER_HELP,
    propagate_version = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db
    #[arg(long, global = true, env = "AWXM_DATABASE_URL", value_name = "URL", hide_env_values = true)]
    pub database: Option<String>,
    /// Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]
    #[arg(long, global = true, env = "AWXM_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, global = true, env = "AWXM_FORMAT", value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// More logging on stderr (-v info, -vv debug, -vvv trace)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// Only errors on stderr
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Never draw progress bars
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Seconds to wait for a lock held by another run before exiting 75 [default: 30]
    #[arg(long, global = true, env = "AWXM_LOCK_TIMEOUT", value_name = "SECONDS")]
    pub lock_timeout: Option<f64>,
    /// Log every SQL statement with its duration to stderr
    #[arg(long, global = true)]
    pub profile_sql: bool,
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
    /// Read and change cluster-wide settings stored in the database
    Settings(commands::settings::Args),
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
    fn help_documents_exit_codes() {
        assert!(super::AFTER_HELP.contains("75  temporary failure"));
    }
}
