//! `awxm inventory_update SOURCE_NAME`: re-run a stored inventory source with its stored
//! options (what AWX's inventory sync does), or list its past updates.

use serde::Serialize;
use serde_json::Value as Json;

use crate::context::Ctx;
use crate::db::{FromRow, Row};
use crate::error::Result;
use crate::inventory::run::{self, ImportReport};
use crate::inventory::source::InventorySource;
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm inventory_update \"web - hosts\"                 # re-import the stored source
  awxm inventory_update \"web - hosts\" --dry-run       # what would change
  awxm inventory_update \"web - hosts\" --history       # past updates, newest first
  awxm inventory_update web-sync --format json

A source is created by `awxm inventory_import` (named \"INVENTORY - FILENAME\" unless
--source-name is given) or by `awxm apply` (inventory_sources). Its stored options apply:
overwrite, overwrite_vars, enabled_var, enabled_value, instance_id_var, host_filter,
group_filter, exclude_empty_groups, use_ansible_inventory, timeout; its source_vars are passed
to scripts and ansible-inventory as environment variables. A source of type scm reads
source_path inside its project's checkout. Run it from a systemd timer to keep an inventory in
sync (see contrib/systemd/awxm-inventory-update@.timer); a run while another import of the
same inventory holds the lock waits up to --lock-timeout and then exits 75.

JSON OUTPUT (--format json):
  a run: the same document as `awxm inventory_import` (see its --help).
  --history: {\"format_version\": 1, \"inventory_source\": {\"id\", \"name\", \"inventory\", \"source\",
   \"source_path\", \"status\"}, \"updates\": [{\"id\", \"status\", \"launch_type\", \"started\", \"finished\",
   \"elapsed\", \"counts\": {...}, \"explanation\"}]}")]
pub struct Args {
    /// The inventory source (name or id)
    #[arg(add = clap_complete::ArgValueCompleter::new(crate::complete::inventory_source))]
    pub source_name: String,
    /// List past updates of the source instead of running it
    #[arg(long)]
    pub history: bool,
    /// With --history: how many updates to show (at least 1)
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = crate::cli::whole::<u64>(1, crate::resources::types::INT_MAX))]
    pub limit: u64,
    /// Compute and report the changes, write nothing
    #[arg(long, conflicts_with = "history")]
    pub dry_run: bool,
    /// Seconds the source may take, overriding the stored timeout
    #[arg(long, value_name = "SECONDS", conflicts_with = "history", value_parser = crate::cli::whole::<u64>(0, crate::time::MAX_SECONDS as i64))]
    pub timeout: Option<u64>,
    /// ansible-inventory to run for plugin sources [default: from PATH]
    #[arg(long, value_name = "PATH", env = "AWXM_ANSIBLE_INVENTORY")]
    pub ansible_inventory: Option<std::path::PathBuf>,
}

#[derive(Debug, Serialize)]
pub struct SourceInfo {
    pub id: i64,
    pub name: String,
    pub inventory: String,
    pub source: String,
    pub source_path: String,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct UpdateRow {
    pub id: i64,
    pub status: String,
    pub launch_type: String,
    pub started: Option<String>,
    pub finished: Option<String>,
    pub elapsed: f64,
    pub counts: Json,
    pub explanation: String,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum UpdateReport {
    Run(ImportReport),
    History { inventory_source: SourceInfo, updates: Vec<UpdateRow> },
}

impl Report for UpdateReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            UpdateReport::Run(r) => r.human(out),
            UpdateReport::History { inventory_source: s, updates } => {
                out.line(format!("{} ({} {}), inventory {:?}, status {}", s.name, s.source, s.source_path, s.inventory, s.status))?;
                if updates.is_empty() {
                    return out.line("no updates yet");
                }
                let num = |c: &Json, a: &str, b: &str| c.get(a).and_then(|x| x.get(b)).and_then(Json::as_u64).unwrap_or(0).to_string();
                out.table(
                    &["ID", "STATUS", "STARTED", "ELAPSED", "HOSTS +", "HOSTS ~", "HOSTS -", "GROUPS +", "GROUPS -", "EXPLANATION"],
                    updates.iter().map(|u| {
                        vec![
                            u.id.to_string(),
                            u.status.clone(),
                            u.started.clone().unwrap_or_default(),
                            format!("{:.2}s", u.elapsed),
                            num(&u.counts, "hosts", "added"),
                            num(&u.counts, "hosts", "updated"),
                            num(&u.counts, "hosts", "removed"),
                            num(&u.counts, "groups", "added"),
                            num(&u.counts, "groups", "removed"),
                            u.explanation.chars().take(60).collect(),
                        ]
                    }),
                )
            }
        }
    }
    fn exit_code(&self) -> u8 {
        0
    }
}

impl SourceInfo {
    fn of(s: &InventorySource) -> SourceInfo {
        SourceInfo {
            id: s.id,
            name: s.name.clone(),
            inventory: s.inventory.clone(),
            source: s.config.source.clone(),
            source_path: s.config.source_path.clone(),
            status: s.status.clone(),
        }
    }
}

impl FromRow for UpdateRow {
    fn from_row(r: &Row) -> Result<Self> {
        let counts: String = r.col("counts")?;
        Ok(UpdateRow {
            id: r.col("id")?,
            status: r.col("status")?,
            launch_type: r.col("launch_type")?,
            started: r.col("started")?,
            finished: r.col("finished")?,
            elapsed: r.col("elapsed")?,
            counts: serde_json::from_str(&counts).unwrap_or(Json::Object(Default::default())),
            explanation: r.col("job_explanation")?,
        })
    }
}

fn history(ctx: &Ctx, s: &InventorySource, limit: u64) -> Result<UpdateReport> {
    let mut db = ctx.db()?;
    let updates = db.read(|tx| {
        tx.query_as::<UpdateRow>(
            "SELECT id, status, launch_type, started, finished, elapsed, counts, job_explanation FROM inventory_update
             WHERE inventory_source_id = $1 ORDER BY id DESC LIMIT $2",
            crate::params![s.id, limit as i64],
        )
    })?;
    Ok(UpdateReport::History { inventory_source: SourceInfo::of(s), updates })
}

pub fn run(ctx: &Ctx, args: Args) -> Result<UpdateReport> {
    let s = ctx.db()?.read(|tx| InventorySource::load(tx, &args.source_name))?;
    if args.history {
        return history(ctx, &s, args.limit);
    }
    let mut req = ctx.db()?.read(|tx| run::stored_request(tx, &s, "manual", None))?;
    if let Some(t) = args.timeout {
        req.options.timeout = Some(t as i64);
    }
    req.ansible_inventory = args.ansible_inventory;
    req.dry_run = args.dry_run;
    if !req.dry_run {
        // Through the queue: one update of a source at a time (AWX's rule), after the source
        // project's update for an scm source; then it runs here.
        let mut db = ctx.db()?;
        ctx.cancel_on_signals()?;
        let id = db.write(|tx| crate::inventory::source::create_update(tx, s.id, "manual"))?;
        let turn = crate::taskmanager::run::wait_turn(ctx, &mut db, crate::jobs::JobKind::InventoryUpdate, id, false)?;
        if let crate::taskmanager::run::Turn::Done(status) = turn {
            let why: String = db.read(|tx| tx.scalar("SELECT job_explanation FROM inventory_update WHERE id = $1", crate::params![id]))?;
            if ctx.cancelled() {
                return Err(crate::error::Error::new(crate::error::ErrorKind::Interrupted, format!("inventory update {id} {status}")));
            }
            return Err(crate::error::Error::new(crate::error::ErrorKind::Failure, format!("inventory update {id} {status}: {why}")));
        }
        req.update_id = Some(id);
    }
    let report = run::run(ctx, req)?;
    super::inventory_import::warn_all(ctx, &report.warnings);
    Ok(UpdateReport::Run(report))
}
