//! `awxm inventory_export NAME [--list | --host HOST]`: a stored inventory in
//! `ansible-inventory --list --export` JSON — which is also the inventory script contract, so
//! a two-line wrapper makes any stored inventory usable with `ansible-playbook -i`.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::inventory::export::{self, ExportOptions};
use crate::output::Streamed;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm inventory_export web > web.json
  awxm inventory_export web --host web1.example.com
  diff <(ansible-inventory -i hosts --list --export) <(awxm inventory_export web)

AS AN INVENTORY SCRIPT:
  awxm inventory_export web --script > web-inventory && chmod +x web-inventory
  ansible-playbook -i web-inventory site.yml
  The generated script runs `awxm inventory_export web \"$@\"`, so Ansible's `--list` and `--host H`
  calls are answered from the database. awxm finds the database as always: --database,
  AWXM_DATABASE_URL, or the config file (/etc/awxm/awxm.yaml, ~/.config/awxm/awxm.yaml); --script
  writes the database URL into the script unless it holds a password. AWXM_INVENTORY may name the
  inventory instead of the argument.

OUTPUT:
  Always the JSON Ansible reads (never wrapped in a format_version document, whatever --format
  says): groups with hosts, children and vars; `all` with its children and the inventory's
  variables; `ungrouped`; `_meta.hostvars`. Keys are sorted and indented like Python's json
  module, so the output diffs cleanly against ansible-inventory. Disabled hosts are left out
  (as AWX's script export does) unless --all-hosts is given. `--host H` prints H's own variables.")]
pub struct Args {
    /// The inventory (name or id)
    #[arg(env = "AWXM_INVENTORY", value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::inventory))]
    pub name: String,
    /// Print the whole inventory (the default)
    #[arg(long, conflicts_with_all = ["host", "script"])]
    pub list: bool,
    /// Print one host's variables
    #[arg(long, value_name = "HOST", conflicts_with = "script")]
    pub host: Option<String>,
    /// Include disabled hosts
    #[arg(long)]
    pub all_hosts: bool,
    /// Print an executable inventory script that answers from this inventory
    #[arg(long)]
    pub script: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Streamed> {
    let mut db = ctx.db()?;
    let (id, name) = db.read(|tx| crate::resources::resolve(tx, &crate::resources::types::INVENTORY, &args.name))?;
    if args.script {
        let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "awxm".into());
        let url = db.url().to_string();
        let redacted = crate::db::redact_url(&url);
        let db_arg = if redacted == url { format!(" --database {}", crate::ssh::shell_quote(&url)) } else { String::new() };
        let script = format!(
            "#!/bin/sh\n# Ansible inventory script: inventory {name:?} stored by awxm.\n# ansible-playbook -i THIS_FILE site.yml\nexec {}{db_arg} inventory_export {} \"$@\"\n",
            crate::ssh::shell_quote(&exe),
            crate::ssh::shell_quote(&name)
        );
        ctx.out.raw(script.as_bytes()).map_err(|e| Error::io(format!("writing to stdout: {e}")))?;
        return Ok(Streamed(0));
    }
    let doc = db.read(|tx| match &args.host {
        Some(h) => export::host_json(tx, id, h),
        None => export::list_json(tx, id, &ExportOptions { include_disabled: args.all_hosts }),
    })?;
    let mut text = export::py_dumps(&doc);
    text.push('\n');
    ctx.out.json_text(&text).map_err(|e| Error::io(format!("writing to stdout: {e}")))?;
    Ok(Streamed(0))
}
