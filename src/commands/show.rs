//! `awxm show TYPE NAME_OR_ID`: one object with all its fields.

use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report};
use crate::resources::{self, types};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm show inventory web
  awxm show job_template 3 --format json
  awxm show host web/web1.example.com      (INVENTORY/HOST: variables, facts, smart inventories)

JSON OUTPUT (--format json):
  The object as `export` writes it (every field, defaults included; secrets as $encrypted$) plus
  id, created, modified and the type's computed fields.")]
pub struct Args {
    /// Type (singular or plural)
    #[arg(value_name = "TYPE", add = clap_complete::ArgValueCandidates::new(crate::complete::type_names))]
    pub kind: String,
    /// Name, or id when no object has that name
    #[arg(value_name = "NAME_OR_ID", add = clap_complete::ArgValueCompleter::new(crate::complete::of_type_arg))]
    pub name: String,
}

pub struct ShowReport(pub Map<String, Json>);

impl serde::Serialize for ShowReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl Report for ShowReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let text = crate::yaml::to_string(&Json::Object(self.0.clone()));
        out.write_raw(text.as_bytes())
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ShowReport> {
    if args.kind == "schedule" || args.kind == "schedules" {
        let mut db = ctx.db()?;
        let m = db.read(|tx| {
            let s = crate::schedule::resolve(tx, &args.name)?;
            crate::commands::schedule::item(tx, &s, true)
        })?;
        return Ok(ShowReport(m));
    }
    if args.kind == "host" || args.kind == "hosts" {
        return show_host(ctx, &args.name);
    }
    let rt = types::find(&args.kind)
        .ok_or_else(|| Error::usage(format!("unknown type {:?} (expected one of: {}, schedule)", args.kind, types::names().join(", "))))?;
    let mut db = ctx.db()?;
    let doc = db.read(|tx| {
        let (id, _) = resources::resolve(tx, rt, &args.name)?;
        let mut m = resources::computed(tx, rt, id)?;
        for (_, doc) in resources::export(tx, rt, Some(id), true)? {
            for (k, v) in doc {
                m.insert(k, v);
            }
        }
        Ok(m)
    })?;
    Ok(ShowReport(doc))
}

/// `show host INVENTORY/HOST`: one host (of that inventory, or a member of that smart
/// inventory) with its variables, stored facts and the smart inventories it belongs to.
fn show_host(ctx: &Ctx, spec: &str) -> Result<ShowReport> {
    let (inv, host) = spec
        .rsplit_once('/')
        .filter(|(i, h)| !i.is_empty() && !h.is_empty())
        .ok_or_else(|| Error::usage(format!("a host is named INVENTORY/HOST, not {spec:?}")))?;
    let mut db = ctx.db()?;
    db.read(|tx| {
        let (inv_id, inv_name) = resources::resolve(tx, &types::INVENTORY, inv)?;
        let id = crate::inventory::smart::host_by_name(tx, inv_id, host)?
            .ok_or_else(|| Error::not_found(format!("no host {host:?} in inventory {inv_name:?}")))?;
        let r = tx.query_one(
            "SELECT h.id AS id, h.name AS name, i.name AS inventory, h.description AS description, h.enabled AS enabled,
                    h.instance_id AS instance_id, h.variables AS variables, h.ansible_facts AS ansible_facts,
                    h.ansible_facts_modified AS ansible_facts_modified, h.last_job_id AS last_job_id,
                    h.has_active_failures AS has_active_failures, h.created AS created, h.modified AS modified
             FROM host h JOIN inventory i ON i.id = h.inventory_id WHERE h.id = $1",
            crate::params![id],
        )?;
        let json = |t: String| -> Json { serde_json::from_str(&t).unwrap_or(Json::String(t)) };
        let mut m = Map::new();
        m.insert("id".into(), Json::from(r.col::<i64>("id")?));
        m.insert("name".into(), Json::String(r.col("name")?));
        m.insert("inventory".into(), Json::String(r.col("inventory")?));
        m.insert("description".into(), Json::String(r.col("description")?));
        m.insert("enabled".into(), Json::Bool(r.col("enabled")?));
        m.insert("instance_id".into(), Json::String(r.col("instance_id")?));
        m.insert("variables".into(), Json::Object(crate::inventory::export::parse_vars_text(&r.col::<String>("variables")?)));
        m.insert("ansible_facts".into(), json(r.col("ansible_facts")?));
        m.insert("ansible_facts_modified".into(), r.col::<Option<String>>("ansible_facts_modified")?.map_or(Json::Null, Json::String));
        m.insert("last_job".into(), r.col::<Option<i64>>("last_job_id")?.map_or(Json::Null, Json::from));
        m.insert("has_active_failures".into(), Json::Bool(r.col("has_active_failures")?));
        let smart: Vec<Json> = tx
            .query(
                "SELECT i.name AS name FROM smart_inventory_membership s JOIN inventory i ON i.id = s.inventory_id
                 WHERE s.host_id = $1 ORDER BY i.name",
                crate::params![id],
            )?
            .iter()
            .map(|row| row.col::<String>("name").map(Json::String))
            .collect::<Result<_>>()?;
        m.insert("smart_inventories".into(), Json::Array(smart));
        m.insert("created".into(), Json::String(r.col("created")?));
        m.insert("modified".into(), Json::String(r.col("modified")?));
        Ok(ShowReport(m))
    })
}
