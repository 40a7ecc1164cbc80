//! `awxm inventory hosts NAME`: the hosts of an inventory — for a smart inventory, the hosts
//! its host_filter selects now (or those a `--filter` would select: a preview before `apply`).

use serde::Serialize;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::inventory::smart;
use crate::output::{Human, Report};
use crate::resources::{self, types};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm inventory hosts web
  awxm inventory hosts ubuntu-hosts --format json | jq -r '.hosts[].name'
  awxm inventory hosts ubuntu-hosts --filter 'ansible_facts__ansible_distribution=Ubuntu and groups__name=web'

HOST FILTERS (smart inventories, AWX's language):
  key=value terms joined by `and` / `or` (lower case; `and` binds tighter) with parentheses.
  Unquoted values are typed (null, true, false, integers, floats); \"quoted\" ones are strings.
  Keys: search=TEXT (name or description), inventory__search=TEXT, Django field lookups on the
  host (name, description, enabled, instance_id, variables, id, has_active_failures, groups__name,
  inventory__name, inventory__organization__name, last_job__status, … with __exact, __iexact,
  __contains, __icontains, __startswith, __endswith (and i-), __regex, __iregex, __gt, __gte, __lt,
  __lte, __isnull), and ansible_facts__a__b=v / ansible_facts__a[]=v (JSON containment on the
  host's stored facts). Hosts are limited to the smart inventory's organization and listed once
  per name (the lowest id wins). A bad filter exits 65 with the position of the problem.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"inventory\": \"ubuntu-hosts\", \"kind\": \"smart\", \"host_filter\": \"…\",
   \"hosts\": [{\"id\": 4, \"name\": \"web1\", \"inventory\": \"prod\", \"enabled\": true}]}")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// List an inventory's hosts (a smart inventory's members, computed now)
    Hosts {
        /// The inventory (name or id)
        #[arg(value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::inventory))]
        name: String,
        /// Preview this host_filter instead of the stored one (smart inventories only)
        #[arg(long, value_name = "FILTER")]
        filter: Option<String>,
    },
}

#[derive(Debug, Serialize)]
pub struct HostRow {
    pub id: i64,
    pub name: String,
    pub inventory: String,
    pub enabled: bool,
}

#[derive(Debug, Serialize)]
pub struct HostsReport {
    pub inventory: String,
    pub kind: String,
    pub host_filter: String,
    pub hosts: Vec<HostRow>,
}

impl Report for HostsReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        if self.hosts.is_empty() {
            return out.line(format!("inventory {:?} has no hosts", self.inventory));
        }
        out.table(
            &["ID", "NAME", "INVENTORY", "ENABLED"],
            self.hosts.iter().map(|h| vec![h.id.to_string(), h.name.clone(), h.inventory.clone(), h.enabled.to_string()]),
        )
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<HostsReport> {
    let Action::Hosts { name, filter } = args.action;
    let expr = filter.as_deref().map(smart::check).transpose()?;
    let mut db = ctx.db()?;
    db.read(|tx| {
        let (id, inv_name) = resources::resolve(tx, &types::INVENTORY, &name)?;
        let row = tx.query_one("SELECT kind, host_filter, organization_id FROM inventory WHERE id = $1", crate::params![id])?;
        let (kind, stored): (String, String) = (row.col("kind")?, row.col("host_filter")?);
        let names = resources::name_map(tx, &types::INVENTORY)?;
        let inv_of = |i: i64| names.get(&i).cloned().unwrap_or_default();
        let hosts = if kind == "smart" {
            let expr = match expr {
                Some(e) => Some(e),
                None => Some(smart::check(&stored).map_err(|e| e.context(format!("inventory {inv_name:?}: stored host_filter")))?),
            };
            let s = smart::Smart { id, organization_id: row.col("organization_id")?, expr };
            let sets = smart::compute(tx, std::slice::from_ref(&s))?;
            sets.into_iter()
                .flatten()
                .map(|m| HostRow { id: m.id, inventory: inv_of(m.inventory_id), name: m.name, enabled: m.enabled })
                .collect()
        } else {
            if expr.is_some() {
                return Err(Error::usage(format!(
                    "--filter previews a smart inventory's host_filter; {inv_name:?} is not a smart inventory"
                )));
            }
            let mut v = Vec::new();
            tx.query_each("SELECT id, name, enabled FROM host WHERE inventory_id = $1 ORDER BY name, id", crate::params![id], |r| {
                v.push(HostRow { id: r.col("id")?, name: r.col("name")?, inventory: inv_name.clone(), enabled: r.col("enabled")? });
                Ok(())
            })?;
            v
        };
        let host_filter = filter.clone().unwrap_or(stored);
        Ok(HostsReport { inventory: inv_name, kind, host_filter, hosts })
    })
}
