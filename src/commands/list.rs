//! `awxm list TYPE`: the objects of one type.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report, cell};
use crate::resources::{self, types};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm list inventories
  awxm list job_template --format json | jq '.items[].name'

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"type\": \"inventory\", \"items\": [{\"id\": 1, \"name\": \"web\", ...}]}
  Each item holds the object's fields as `export` writes them plus id, created, modified and
  computed fields (e.g. total_hosts, capacity).")]
pub struct Args {
    /// Type: organization, user, team, credential, project, inventory, inventory_source, instance,
    /// instance_group, notification_template, job_template, workflow_job_template,
    /// system_job_template, schedule, role
    #[arg(value_name = "TYPE")]
    pub kind: String,
}

#[derive(Debug, Serialize)]
pub struct ListReport {
    #[serde(rename = "type")]
    pub kind: String,
    pub items: Vec<Json>,
    #[serde(skip)]
    pub columns: Vec<String>,
}

impl Report for ListReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        if self.items.is_empty() {
            return out.line(format!("no {} objects", self.kind.replace('_', " ")));
        }
        let headers: Vec<String> = self.columns.iter().map(|c| c.to_uppercase()).collect();
        let hdr: Vec<&str> = headers.iter().map(|s| s.as_str()).collect();
        out.table(&hdr, self.items.iter().map(|it| self.columns.iter().map(|c| cell(it.get(c).unwrap_or(&Json::Null))).collect::<Vec<_>>()))
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ListReport> {
    let mut db = ctx.db()?;
    if args.kind == "role" || args.kind == "roles" {
        let items = db.read(resources::roles::export)?;
        let columns = ["user", "team", "role", "organization", "team", "credential", "project", "inventory", "job_template"];
        let mut cols: Vec<String> = Vec::new();
        for c in columns {
            if !cols.iter().any(|x| x == c) && items.iter().any(|i| i.get(c).is_some()) {
                cols.push(c.to_string());
            }
        }
        return Ok(ListReport { kind: "role".into(), items, columns: cols });
    }
    if args.kind == "schedule" || args.kind == "schedules" {
        let items = db.read(|tx| {
            let all = crate::schedule::resource::all(tx)?;
            all.iter().map(|s| crate::commands::schedule::item(tx, s, false).map(Json::Object)).collect::<Result<Vec<_>>>()
        })?;
        let columns = ["id", "name", "enabled", "timezone", "next_run"].map(String::from).to_vec();
        return Ok(ListReport { kind: "schedule".into(), items, columns });
    }
    let rt = types::find(&args.kind).ok_or_else(|| {
        Error::usage(format!("unknown type {:?} (expected one of: {}, schedule, role)", args.kind, types::names().join(", ")))
    })?;
    let items = db.read(|tx| {
        let mut out = Vec::new();
        for (id, doc) in resources::export(tx, rt, None, true)? {
            let mut m: Map<String, Json> = resources::computed(tx, rt, id)?;
            for (k, v) in doc {
                if !rt.children.contains(&k.as_str()) {
                    m.insert(k, v);
                }
            }
            out.push(Json::Object(m));
        }
        Ok(out)
    })?;
    let mut columns = vec!["id".to_string(), rt.key_field.to_string()];
    columns.extend(rt.list.iter().map(|s| s.to_string()));
    Ok(ListReport { kind: rt.singular.to_string(), items, columns })
}
