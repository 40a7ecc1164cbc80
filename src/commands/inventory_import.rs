//! `awxm inventory_import`: import an Ansible inventory into the database (AWX's
//! `awx-manage inventory_import`, with native readers and a set-based import).

use std::path::PathBuf;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::inventory::run::{self, ImportReport, Request, StoredOptions, Target};
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(
    group = clap::ArgGroup::new("inventory").required(true).args(["inventory_name", "inventory_id"]),
    after_long_help = "\
EXAMPLES:
  awxm inventory_import --inventory-name web --source /etc/ansible/hosts
  awxm inventory_import --inventory-name web --create --organization Ops --source inventories/prod/
  awxm inventory_import --inventory-id 3 --source ./ec2.py --overwrite --instance-id-var ec2_id
  awxm inventory_import --inventory-name web --source hosts.yml --dry-run --format json
  ansible-inventory -i aws_ec2.yml --list --export | awxm inventory_import --inventory-name cloud --source -

SOURCES:
  INI, YAML and JSON inventories, `--list` JSON (file or `-` for stdin), executable inventory
  scripts (`--list`, and `--host` per host when `_meta` is missing), directories of those (read in
  Ansible's order, with its ignore rules), and `group_vars/`/`host_vars/` next to the source are
  read natively, exactly as `ansible-inventory -i SOURCE --list --export` would read them.
  Inventory plugin configurations (`plugin: ...`, constructed) and TOML go through
  `ansible-inventory` with AWX's environment; --use-ansible-inventory does that for any source.
  A source that cannot be parsed exits 65 naming file:line; nothing is written.

WHAT IT DOES (AWX's algorithm):
  The run is recorded as an inventory source (found by inventory and path, or --source-name) and
  an inventory update, whose final status (successful, failed, error, canceled) is recorded even
  when the import fails or is interrupted. Hosts are matched by --instance-id-var, then by name;
  variables merge unless --overwrite-vars; `all` variables merge into the inventory's; with
  --overwrite, hosts, groups and memberships that this source imported before and that are gone
  from the source are removed (others' objects are left alone). Everything is written in one
  transaction under a per-inventory lock: a second import of the same inventory waits
  (--lock-timeout), and a failing import changes nothing (the source keeps its stored options;
  a successful run stores its own). Re-run a stored source with
  `awxm inventory_update SOURCE_NAME`.
  The license and the organization's max_hosts are checked before reading and again before
  committing: a violation (no license, an expired or over-count trial, max_hosts exceeded) exits 1,
  and the update is marked error with license_error or org_host_limit_error.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"dry_run\": false,
   \"inventory\": {\"id\": 1, \"name\": \"web\", \"created\": false},
   \"inventory_source\": {\"id\": 2, \"name\": \"web - hosts\", \"created\": true},
   \"inventory_update\": {\"id\": 7, \"status\": \"successful\"},      (null in a dry run)
   \"source\": \"/etc/ansible/hosts\", \"method\": \"ini\",
   \"hosts\": {\"added\": 12, \"updated\": 3, \"removed\": 0, \"unchanged\": 85},
   \"groups\": {\"added\": 2, \"updated\": 0, \"removed\": 0, \"unchanged\": 10},
   \"memberships\": {\"added\": 14, \"removed\": 0}, \"children\": {\"added\": 1, \"removed\": 0},
   \"hosts_renamed\": 0, \"inventory_variables_updated\": false, \"warnings\": [],
   \"load_elapsed\": 0.05, \"write_elapsed\": 0.12, \"elapsed\": 0.18}
  `method` is one of ini, yaml, json, script, directory, host-list, stdin, ansible-inventory."
)]
pub struct Args {
    /// Destination inventory, by name
    #[arg(long, value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::inventory))]
    pub inventory_name: Option<String>,
    /// Destination inventory, by id
    #[arg(long, value_name = "ID", value_parser = crate::cli::whole::<i64>(1, i64::MAX))]
    pub inventory_id: Option<i64>,
    /// Inventory file, directory, executable script, `-` (stdin), or a host list `a,b,`
    #[arg(long, value_name = "PATH")]
    pub source: String,
    /// Remove hosts, groups and memberships this source imported before and no longer has
    #[arg(long)]
    pub overwrite: bool,
    /// Replace the variables of existing hosts and groups instead of merging them
    #[arg(long)]
    pub overwrite_vars: bool,
    /// Host variable (dotted path, e.g. status.power) deciding whether a host is enabled
    #[arg(long, value_name = "VAR")]
    pub enabled_var: Option<String>,
    /// Value of --enabled-var meaning "enabled" (compared as text, case-insensitively)
    #[arg(long, value_name = "VALUE", requires = "enabled_var")]
    pub enabled_value: Option<String>,
    /// Import only groups whose name matches (anchored at the start)
    #[arg(long, value_name = "REGEX")]
    pub group_filter: Option<String>,
    /// Import only hosts whose name matches (anchored at the start)
    #[arg(long, value_name = "REGEX")]
    pub host_filter: Option<String>,
    /// Leave out groups without hosts, child groups and variables
    #[arg(long)]
    pub exclude_empty_groups: bool,
    /// Host variable(s) holding an immutable instance id (dotted paths, comma-separated fallbacks)
    #[arg(long, value_name = "VAR[,VAR...]")]
    pub instance_id_var: Option<String>,
    /// Create the inventory if it does not exist
    #[arg(long)]
    pub create: bool,
    /// Organization of an inventory created by --create (created if missing) [default: Default]
    #[arg(long, value_name = "ORG", requires = "create")]
    pub organization: Option<String>,
    /// Name of the inventory source record [default: "INVENTORY - FILENAME"]
    #[arg(long, value_name = "NAME")]
    pub source_name: Option<String>,
    /// Seconds the source (script, ansible-inventory) may take [default: setting default_inventory_update_timeout]
    #[arg(long, value_name = "SECONDS", value_parser = crate::cli::whole::<u64>(0, crate::time::MAX_SECONDS as i64))]
    pub timeout: Option<u64>,
    /// Read the source through ansible-inventory even when awxm can read it natively
    #[arg(long)]
    pub use_ansible_inventory: bool,
    /// ansible-inventory to run for plugin sources [default: from PATH]
    #[arg(long, value_name = "PATH", env = "AWXM_ANSIBLE_INVENTORY")]
    pub ansible_inventory: Option<PathBuf>,
    /// Virtualenv whose bin/ansible-inventory is used (AWX's --venv)
    #[arg(long, value_name = "DIR", conflicts_with = "ansible_inventory")]
    pub venv: Option<PathBuf>,
    /// Compute and report the changes, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Deprecated (AWX): has no effect
    #[arg(long, hide = true)]
    pub keep_vars: bool,
    /// Deprecated (AWX): has no effect
    #[arg(long, hide = true)]
    pub custom: bool,
}

impl Report for ImportReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let target = format!("inventory {:?}", self.inventory.name);
        let head = if self.dry_run {
            format!("Dry run (nothing written): importing {} ({}) into {target} would change:", self.source, self.method)
        } else {
            let upd = self.inventory_update.as_ref().map(|u| format!(", update {}", u.id)).unwrap_or_default();
            format!(
                "Imported {} ({}) into {target} in {:.2}s (source {:?}{upd})",
                self.source, self.method, self.elapsed, self.inventory_source.name
            )
        };
        out.line(head)?;
        let c = |x: &crate::inventory::import::Counts| {
            format!("{} added, {} updated, {} removed, {} unchanged", x.added, x.updated, x.removed, x.unchanged)
        };
        out.pairs([
            (
                "  hosts",
                c(&self.hosts) + &if self.hosts_renamed > 0 { format!(" ({} renamed)", self.hosts_renamed) } else { String::new() },
            ),
            ("  groups", c(&self.groups)),
            ("  memberships", format!("{} added, {} removed", self.memberships.added, self.memberships.removed)),
            ("  group links", format!("{} added, {} removed", self.children.added, self.children.removed)),
            ("  inventory vars", if self.inventory_variables_updated { "updated".to_string() } else { "unchanged".to_string() }),
        ])
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ImportReport> {
    if args.keep_vars {
        ctx.out.warn("--keep-vars is deprecated and has no effect");
    }
    if args.custom {
        ctx.out.warn("--custom is deprecated and has no effect");
    }
    let target = match (args.inventory_name, args.inventory_id) {
        (Some(n), None) => Target::Name(n),
        (None, Some(i)) => Target::Id(i),
        _ => return Err(Error::usage("--inventory-name and --inventory-id are mutually exclusive")),
    };
    if args.create && matches!(target, Target::Id(_)) {
        return Err(Error::usage("--create needs --inventory-name"));
    }
    let ansible_inventory = match (args.ansible_inventory, args.venv) {
        (Some(p), _) => Some(p),
        (None, Some(v)) => Some(v.join("bin").join("ansible-inventory")),
        (None, None) => None,
    };
    let options = StoredOptions {
        overwrite: args.overwrite,
        overwrite_vars: args.overwrite_vars,
        enabled_var: args.enabled_var.unwrap_or_default(),
        enabled_value: args.enabled_value.unwrap_or_default(),
        instance_id_var: args.instance_id_var.unwrap_or_default(),
        host_filter: args.host_filter.unwrap_or_default(),
        group_filter: args.group_filter.unwrap_or_default(),
        exclude_empty_groups: args.exclude_empty_groups,
        use_ansible_inventory: args.use_ansible_inventory,
        timeout: args.timeout.map(|t| t as i64),
        verbosity: i64::from(ctx.verbosity),
    };
    // Bad filters are usage errors before anything is touched.
    options.import_options()?;
    let report = run::run(
        ctx,
        Request {
            target,
            create: args.create,
            organization: args.organization,
            source: args.source,
            source_name: args.source_name,
            source_id: None,
            options,
            source_vars: Default::default(),
            ansible_inventory,
            dry_run: args.dry_run,
            launch_type: "manual",
            update_id: None,
        },
    )?;
    warn_all(ctx, &report.warnings);
    Ok(report)
}

/// Show the warnings of a run on stderr (at most 20 of them).
pub fn warn_all(ctx: &Ctx, warnings: &[String]) {
    for w in warnings.iter().take(20) {
        ctx.out.warn(w);
    }
    if warnings.len() > 20 {
        ctx.out.warn(format!("... and {} more warnings (see --format json)", warnings.len() - 20));
    }
}
