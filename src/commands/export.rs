//! `awxm export [TYPE...]`: write resources back in the resource-file shape.

use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report};
use crate::resources::{self, types};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm export > backup.yaml
  awxm export inventory job_template --format json
  awxm export | awxm apply -f -          # changes nothing

Output is YAML (or JSON with --format json) in the shape `awxm apply` reads; secret inputs are
shown as $encrypted$, and applying $encrypted$ keeps the stored secret. Types are written in
dependency order; objects by name; schedules (by template, then name) under `schedules`; role
assignments under `roles`.")]
pub struct Args {
    /// Types to export (singular or plural, e.g. inventory job_templates roles) [default: all]
    #[arg(value_name = "TYPE")]
    pub types: Vec<String>,
}

pub struct ExportReport(pub Map<String, Json>);

impl serde::Serialize for ExportReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl Report for ExportReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let text = crate::yaml::to_string(&Json::Object(self.0.clone()));
        out.write_raw(text.as_bytes())
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExportReport> {
    let mut wanted: Vec<&'static types::ResourceType> = Vec::new();
    let mut roles = args.types.is_empty();
    let mut schedules = args.types.is_empty();
    for t in &args.types {
        if t == "role" || t == "roles" {
            roles = true;
            continue;
        }
        if t == "schedule" || t == "schedules" {
            schedules = true;
            continue;
        }
        let rt = types::find(t)
            .ok_or_else(|| Error::usage(format!("unknown type {t:?} (expected one of: {}, schedule, role)", types::names().join(", "))))?;
        wanted.push(rt);
    }
    if args.types.is_empty() {
        wanted = types::ALL.to_vec();
    }
    let mut db = ctx.db()?;
    let doc = db.read(|tx| {
        let mut doc = Map::new();
        for rt in types::ALL.iter().filter(|t| wanted.iter().any(|w| w.singular == t.singular)) {
            let items: Vec<Json> = resources::export(tx, rt, None, false)?.into_iter().map(|(_, d)| Json::Object(d)).collect();
            if !items.is_empty() || !args.types.is_empty() {
                doc.insert(rt.plural.to_string(), Json::Array(items));
            }
        }
        if schedules {
            let s = crate::schedule::resource::export(tx)?;
            if !s.is_empty() || !args.types.is_empty() {
                doc.insert("schedules".into(), Json::Array(s));
            }
        }
        if roles {
            let r = resources::roles::export(tx)?;
            if !r.is_empty() || !args.types.is_empty() {
                doc.insert("roles".into(), Json::Array(r));
            }
        }
        Ok(doc)
    })?;
    Ok(ExportReport(doc))
}
