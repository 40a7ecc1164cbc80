//! `awxm delete TYPE NAME_OR_ID`: delete one object.

use serde::Serialize;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report, confirm};
use crate::resources::{self, types};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm delete inventory old-web          # asks for confirmation on a terminal
  awxm delete job_template 12 --yes      # for scripts

Sub-objects go with the object (an inventory's hosts and groups, a template's links); objects
that only refer to it lose the reference (a job template's inventory becomes empty). An
organization still used by other objects is not deleted (exit 65).

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"type\": \"inventory\", \"id\": 4, \"name\": \"old-web\", \"deleted\": true}
  Deleting a git project also removes the checkout awxm made for it, reported as
  \"removed_checkout\": \"/var/lib/awxm/projects/_3__app\" (a manual project's directory is never touched).")]
pub struct Args {
    /// Type (singular or plural)
    #[arg(value_name = "TYPE", add = clap_complete::ArgValueCandidates::new(crate::complete::type_names))]
    pub kind: String,
    /// Name, or id when no object has that name
    #[arg(value_name = "NAME_OR_ID", add = clap_complete::ArgValueCompleter::new(crate::complete::of_type_arg))]
    pub name: String,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Serialize)]
pub struct DeleteReport {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: i64,
    pub name: String,
    pub deleted: bool,
    /// A git project's checkout directory removed with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed_checkout: Option<String>,
}

impl Report for DeleteReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        if self.deleted {
            out.line(format!("deleted {} {:?} (id {})", self.kind.replace('_', " "), self.name, self.id))?;
            if let Some(dir) = &self.removed_checkout {
                out.line(format!("removed its checkout {dir}"))?;
            }
            Ok(())
        } else {
            out.line("nothing deleted")
        }
    }
    fn exit_code(&self) -> u8 {
        if self.deleted { 0 } else { 1 }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<DeleteReport> {
    if args.kind == "schedule" || args.kind == "schedules" {
        let mut db = ctx.db()?;
        let s = db.read(|tx| crate::schedule::resolve(tx, &args.name))?;
        if !args.yes && !confirm(&format!("Delete schedule {:?} (id {})?", s.name, s.id))? {
            return Ok(DeleteReport { kind: "schedule".into(), id: s.id, name: s.name, deleted: false, removed_checkout: None });
        }
        db.write(|tx| crate::schedule::resource::delete(tx, s.id))?;
        return Ok(DeleteReport { kind: "schedule".into(), id: s.id, name: s.name, deleted: true, removed_checkout: None });
    }
    let rt = types::find(&args.kind)
        .ok_or_else(|| Error::usage(format!("unknown type {:?} (expected one of: {}, schedule)", args.kind, types::names().join(", "))))?;
    let mut db = ctx.db()?;
    let (id, name) = db.read(|tx| resources::resolve(tx, rt, &args.name))?;
    if !args.yes && !confirm(&format!("Delete {} {name:?} (id {id})?", rt.singular.replace('_', " ")))? {
        return Ok(DeleteReport { kind: rt.singular.into(), id, name, deleted: false, removed_checkout: None });
    }
    let checkout = db.write(|tx| {
        tx.lock(&format!("awxm:{}:{id}", rt.singular))?;
        // Resolve again inside the transaction: it may have gone meanwhile.
        let name = resources::name_by_id(tx, rt, id)?
            .ok_or_else(|| Error::not_found(format!("{} {id} was deleted meanwhile", rt.singular.replace('_', " "))))?;
        // A git project's checkout goes with it (after the commit, below).
        let checkout = if rt.singular == "project" {
            let root = crate::runner::projects_root(ctx, tx)?;
            crate::runner::project::owned_checkout(tx, &root, id)?
        } else {
            None
        };
        resources::delete(tx, rt, id, &name)?;
        Ok(checkout)
    })?;
    if let Some(dir) = &checkout {
        crate::runner::project::remove_checkout(dir)?;
    }
    Ok(DeleteReport { kind: rt.singular.into(), id, name, deleted: true, removed_checkout: checkout.map(|d| d.display().to_string()) })
}
