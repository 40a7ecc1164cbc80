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

JSON OUTPUT (--format json):
  The object as `export` writes it (every field, defaults included; secrets as $encrypted$) plus
  id, created, modified and the type's computed fields.")]
pub struct Args {
    /// Type (singular or plural)
    #[arg(value_name = "TYPE")]
    pub kind: String,
    /// Name, or id when no object has that name
    #[arg(value_name = "NAME_OR_ID")]
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
