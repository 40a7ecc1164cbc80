//! Inventory sources and their updates: the one owner of the `inventory_source` record (its
//! stored options, in ONE column list that loads, inserts and updates it) and of an
//! inventory update's life — [`start_update`] records it `running`, [`finish`] records how it
//! ended (status through [`crate::jobs`], explanation, traceback, counts, output; the source's
//! last-update fields follow through [`jobs::set_status`]).

use serde_json::Value as Json;

use super::import::{self, ImportOptions};
use crate::db::{FromRow, FromValue, Row, Tx, Value};
use crate::error::{Error, Result};
use crate::jobs::{self, Ending, JobKind, JobStatus};

/// The options as given (stored on the inventory source as text).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredOptions {
    pub overwrite: bool,
    pub overwrite_vars: bool,
    pub enabled_var: String,
    pub enabled_value: String,
    pub instance_id_var: String,
    pub host_filter: String,
    pub group_filter: String,
    pub exclude_empty_groups: bool,
    pub use_ansible_inventory: bool,
    pub timeout: Option<i64>,
    pub verbosity: i64,
}

impl StoredOptions {
    /// Compile into the importer's options (bad regexes are usage errors).
    pub fn import_options(&self) -> Result<ImportOptions> {
        let filter = |s: &str, opt: &str| -> Result<Option<regex::Regex>> {
            if s.is_empty() { Ok(None) } else { import::compile_filter(s, opt).map(Some) }
        };
        let opt = |s: &str| if s.is_empty() { None } else { Some(s.to_string()) };
        Ok(ImportOptions {
            overwrite: self.overwrite,
            overwrite_vars: self.overwrite_vars,
            enabled_var: opt(&self.enabled_var),
            enabled_value: opt(&self.enabled_value),
            group_filter: filter(&self.group_filter, "--group-filter")?,
            host_filter: filter(&self.host_filter, "--host-filter")?,
            exclude_empty_groups: self.exclude_empty_groups,
            instance_id_vars: self.instance_id_var.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        })
    }
}

/// What an import run stores on its source: the source kind and path, and the options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceConfig {
    /// file | script | directory | ansible-inventory | scm
    pub source: String,
    pub source_path: String,
    pub options: StoredOptions,
}

/// One stored column of a [`SourceConfig`]: its name, its value, and how it is read back.
struct Column {
    name: &'static str,
    get: fn(&SourceConfig) -> Value,
    set: fn(&mut SourceConfig, &Value) -> Result<()>,
}

fn put<T: FromValue>(slot: &mut T, v: &Value) -> Result<()> {
    *slot = T::from_value(v)?;
    Ok(())
}

/// THE column list of a [`SourceConfig`]: loads, inserts and updates all go through it.
const COLUMNS: &[Column] = &[
    Column { name: "source", get: |c| c.source.as_str().into(), set: |c, v| put(&mut c.source, v) },
    Column { name: "source_path", get: |c| c.source_path.as_str().into(), set: |c, v| put(&mut c.source_path, v) },
    Column { name: "enabled_var", get: |c| c.options.enabled_var.as_str().into(), set: |c, v| put(&mut c.options.enabled_var, v) },
    Column { name: "enabled_value", get: |c| c.options.enabled_value.as_str().into(), set: |c, v| put(&mut c.options.enabled_value, v) },
    Column {
        name: "instance_id_var",
        get: |c| c.options.instance_id_var.as_str().into(),
        set: |c, v| put(&mut c.options.instance_id_var, v),
    },
    Column { name: "host_filter", get: |c| c.options.host_filter.as_str().into(), set: |c, v| put(&mut c.options.host_filter, v) },
    Column { name: "group_filter", get: |c| c.options.group_filter.as_str().into(), set: |c, v| put(&mut c.options.group_filter, v) },
    Column {
        name: "exclude_empty_groups",
        get: |c| c.options.exclude_empty_groups.into(),
        set: |c, v| put(&mut c.options.exclude_empty_groups, v),
    },
    Column { name: "overwrite", get: |c| c.options.overwrite.into(), set: |c, v| put(&mut c.options.overwrite, v) },
    Column { name: "overwrite_vars", get: |c| c.options.overwrite_vars.into(), set: |c, v| put(&mut c.options.overwrite_vars, v) },
    Column {
        name: "use_ansible_inventory",
        get: |c| c.options.use_ansible_inventory.into(),
        set: |c, v| put(&mut c.options.use_ansible_inventory, v),
    },
    // No limit is stored as 0.
    Column {
        name: "timeout",
        get: |c| c.options.timeout.unwrap_or(0).into(),
        set: |c, v| {
            c.options.timeout = Some(i64::from_value(v)?).filter(|t| *t > 0);
            Ok(())
        },
    },
    Column { name: "verbosity", get: |c| c.options.verbosity.into(), set: |c, v| put(&mut c.options.verbosity, v) },
];

impl FromRow for SourceConfig {
    fn from_row(r: &Row) -> Result<Self> {
        let mut c = SourceConfig::default();
        for col in COLUMNS {
            (col.set)(&mut c, r.col_value(col.name)?).map_err(|e| Error::internal(format!("column {}: {}", col.name, e.message)))?;
        }
        Ok(c)
    }
}

impl SourceConfig {
    fn values(&self) -> Vec<Value> {
        COLUMNS.iter().map(|c| (c.get)(self)).collect()
    }

    /// Make this the configuration of source `id`, writing (and touching `modified`) only
    /// when something changed.
    pub fn save(&self, tx: &mut Tx<'_>, id: i64) -> Result<()> {
        let n = COLUMNS.len();
        let set: Vec<String> = COLUMNS.iter().enumerate().map(|(i, c)| format!("{} = ${}", c.name, i + 1)).collect();
        let sql = format!(
            "UPDATE inventory_source SET {set}, modified = ${m} WHERE id = ${id_p} AND NOT ({same})",
            set = set.join(", "),
            m = n + 1,
            id_p = n + 2,
            same = set.join(" AND "),
        );
        let mut params = self.values();
        params.push(crate::time::now_str().into());
        params.push(id.into());
        tx.execute(&sql, &params)?;
        Ok(())
    }

    /// A new source `name` of inventory `inventory_id` with this configuration; returns its id.
    pub fn insert(&self, tx: &mut Tx<'_>, name: &str, description: &str, inventory_id: i64) -> Result<i64> {
        let n = COLUMNS.len();
        let cols: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        let placeholders: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
        let sql = format!(
            "INSERT INTO inventory_source ({cols}, name, description, inventory_id, created, modified)
             VALUES ({placeholders}, ${a}, ${b}, ${c}, ${d}, ${d}) RETURNING id",
            cols = cols.join(", "),
            placeholders = placeholders.join(", "),
            a = n + 1,
            b = n + 2,
            c = n + 3,
            d = n + 4,
        );
        let mut params = self.values();
        params.extend([name.into(), description.into(), inventory_id.into(), crate::time::now_str().into()]);
        tx.insert(&sql, &params)
    }
}

/// A stored inventory source, with what `inventory_update` needs to run it again.
#[derive(Debug, Clone, PartialEq)]
pub struct InventorySource {
    pub id: i64,
    pub name: String,
    pub inventory_id: i64,
    /// The inventory's name.
    pub inventory: String,
    pub source_project_id: Option<i64>,
    /// Environment for scripts and ansible-inventory, as stored (YAML or JSON text).
    pub source_vars: String,
    /// The status of its last update (`never updated` before the first).
    pub status: String,
    pub config: SourceConfig,
}

impl FromRow for InventorySource {
    fn from_row(r: &Row) -> Result<Self> {
        Ok(InventorySource {
            id: r.col("id")?,
            name: r.col("name")?,
            inventory_id: r.col("inventory_id")?,
            inventory: r.col("inventory")?,
            source_project_id: r.col("source_project_id")?,
            source_vars: r.col("source_vars")?,
            status: r.col("status")?,
            config: SourceConfig::from_row(r)?,
        })
    }
}

impl InventorySource {
    /// The source named `name_or_id` (a name wins over an id); not found: exit 66.
    pub fn load(tx: &mut Tx<'_>, name_or_id: &str) -> Result<InventorySource> {
        let config: Vec<String> = COLUMNS.iter().map(|c| format!("s.{0} AS {0}", c.name)).collect();
        let sql = format!(
            "SELECT s.id AS id, s.name AS name, s.inventory_id AS inventory_id, i.name AS inventory, s.source_project_id AS source_project_id,
                s.source_vars AS source_vars, s.status AS status, {}
             FROM inventory_source s JOIN inventory i ON i.id = s.inventory_id WHERE s.name = $1 OR s.id = $2 ORDER BY (s.name = $1) DESC",
            config.join(", ")
        );
        let by_id = name_or_id.parse::<i64>().ok();
        tx.query_opt_as(&sql, crate::params![name_or_id, by_id.unwrap_or(-1)])?
            .ok_or_else(|| Error::not_found(format!("no inventory source named {name_or_id:?}")))
    }
}

/// Set what kind of source `id` turned out to be (read as a script, a directory, …).
pub fn set_kind(tx: &mut Tx<'_>, id: i64, kind: &str) -> Result<()> {
    tx.execute("UPDATE inventory_source SET source = $1 WHERE id = $2", crate::params![kind, id])?;
    Ok(())
}

/// What a new inventory update is about.
#[derive(Debug, Clone)]
pub struct NewUpdate<'a> {
    pub inventory_id: i64,
    pub inventory_name: &'a str,
    pub source_id: i64,
    pub source_name: &'a str,
    /// The source kind and path as read in this run.
    pub kind: &'a str,
    pub path: &'a str,
    pub overwrite: bool,
    pub overwrite_vars: bool,
    pub launch_type: &'a str,
    pub execution_node: &'a str,
    /// The recorded environment (JSON text, secrets redacted).
    pub env: &'a str,
}

/// Record a new inventory update, `running` under this process; returns its id.
pub fn start_update(tx: &mut Tx<'_>, u: &NewUpdate<'_>) -> Result<i64> {
    let argv: Vec<String> = std::env::args().collect();
    let name: String = format!("{} - {}", u.inventory_name, u.source_name).chars().take(512).collect();
    let now = crate::time::now_str();
    let id = tx.insert(
        "INSERT INTO inventory_update (name, inventory_source_id, inventory_id, launch_type, status, source, source_path, overwrite, overwrite_vars,
            execution_node, job_args, job_env, pid, created, modified)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
        crate::params![
            name.as_str(),
            u.source_id,
            u.inventory_id,
            u.launch_type,
            u.kind,
            u.path,
            u.overwrite,
            u.overwrite_vars,
            u.execution_node,
            Json::from(argv).to_string(),
            u.env,
            std::process::id() as i64,
            now.as_str()
        ],
    )?;
    jobs::set_status(tx, JobKind::InventoryUpdate, id, JobStatus::Running, None)?;
    Ok(id)
}

/// Queue an update of stored source `source_id` (`pending`; the task manager starts it, after
/// its project's update for an `scm` source). Refuses a source that cannot be re-run (exit 65)
/// before writing anything.
pub fn create_update(tx: &mut Tx<'_>, source_id: i64, launch_type: &str) -> Result<i64> {
    let s = InventorySource::load(tx, &source_id.to_string())?;
    super::run::stored_request(tx, &s, "manual", None)?;
    let name: String = format!("{} - {}", s.inventory, s.name).chars().take(512).collect();
    let now = crate::time::now_str();
    let id = tx.insert(
        "INSERT INTO inventory_update (name, inventory_source_id, inventory_id, launch_type, status, source, source_path, overwrite,
            overwrite_vars, task_impact, dependencies_processed, created, modified)
         VALUES ($1, $2, $3, $4, 'new', $5, $6, $7, $8, 1, FALSE, $9, $9) RETURNING id",
        crate::params![
            name.as_str(),
            s.id,
            s.inventory_id,
            launch_type,
            s.config.source.as_str(),
            s.config.source_path.as_str(),
            s.config.options.overwrite,
            s.config.options.overwrite_vars,
            now.as_str()
        ],
    )?;
    jobs::set_status(tx, JobKind::InventoryUpdate, id, JobStatus::Pending, None)?;
    Ok(id)
}

/// Run queued update `update_id` (claimed by this process) to its end.
pub fn run_stored_update(ctx: &crate::context::Ctx, update_id: i64) -> Result<super::run::ImportReport> {
    let mut db = ctx.db()?;
    let req = db.read(|tx| {
        let r = tx.query_one("SELECT inventory_source_id, launch_type FROM inventory_update WHERE id = $1", crate::params![update_id])?;
        let sid: Option<i64> = r.col("inventory_source_id")?;
        let sid = sid.ok_or_else(|| Error::not_found(format!("inventory update {update_id} has no inventory source any more")))?;
        let s = InventorySource::load(tx, &sid.to_string())?;
        super::run::stored_request(tx, &s, super::run::launch_type_static(&r.col::<String>("launch_type")?), Some(update_id))
    });
    match req {
        Ok(req) => super::run::run(ctx, req),
        Err(e) => {
            let why = e.message.clone();
            db.write(|tx| jobs::record_end(tx, JobKind::InventoryUpdate, update_id, &Ending::explained(JobStatus::Error, why.as_str())))?;
            Err(e)
        }
    }
}

/// A license or host-limit violation flag of an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Violation {
    License,
    OrgHostLimit,
}

impl Violation {
    fn column(self) -> &'static str {
        match self {
            Violation::License => "license_error",
            Violation::OrgHostLimit => "org_host_limit_error",
        }
    }
}

/// How an inventory update ended.
#[derive(Debug, Clone)]
pub struct UpdateEnd {
    /// Final status, explanation and traceback.
    pub ending: Ending,
    /// The run's warnings, stored as the update's output.
    pub stdout: String,
    /// What was imported (JSON text), for a successful run.
    pub counts: Option<String>,
    pub violation: Option<Violation>,
}

/// Record how update `id` ended, inside the caller's transaction: output, counts, violation
/// flag, then the final status through [`jobs::record_end`] (which moves the source's status,
/// `last_update`, `last_job_failed` and `last_job_run` along); the inventory's counts of
/// failed sources are refreshed when they may have changed. Returns the status the update
/// has afterwards; an update that already ended is left as it was.
pub fn finish(tx: &mut Tx<'_>, id: i64, end: &UpdateEnd) -> Result<JobStatus> {
    let r = tx
        .query_opt(
            "SELECT u.status AS status, u.inventory_id AS inventory_id, s.last_job_failed AS was_failed
             FROM inventory_update u LEFT JOIN inventory_source s ON s.id = u.inventory_source_id WHERE u.id = $1",
            crate::params![id],
        )?
        .ok_or_else(|| Error::not_found(format!("no inventory update with id {id}")))?;
    let current: JobStatus = r.col("status")?;
    if current.is_final() {
        // An earlier ending wins, with everything it recorded.
        return Ok(current);
    }
    let inventory: Option<i64> = r.col("inventory_id")?;
    let was_failed: Option<bool> = r.col("was_failed")?;
    tx.execute(
        "UPDATE inventory_update SET stdout = $1, counts = COALESCE($2, counts) WHERE id = $3",
        crate::params![end.stdout.as_str(), end.counts.as_deref(), id],
    )?;
    if let Some(v) = end.violation {
        // One of two fixed column names (never input).
        tx.execute(&format!("UPDATE inventory_update SET {} = TRUE WHERE id = $1", v.column()), crate::params![id])?;
    }
    let status = jobs::record_end(tx, JobKind::InventoryUpdate, id, &end.ending)?;
    if let Some(inv) = inventory
        && (status.is_failure() || was_failed == Some(true))
    {
        // The inventory's count of sources with failures.
        super::counts::refresh(tx, inv)?;
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    fn db() -> (tempfile::TempDir, Db) {
        crate::db::temp_sqlite()
    }

    fn inventory(tx: &mut Tx<'_>) -> Result<i64> {
        let now = crate::time::now_str();
        tx.insert(
            "INSERT INTO inventory (name, description, variables, created, modified) VALUES ('inv', '', '{}', $1, $1) RETURNING id",
            crate::params![now.as_str()],
        )
    }

    /// Every column differs from its default, so a column the list forgot to save or load fails.
    fn config() -> SourceConfig {
        SourceConfig {
            source: "script".into(),
            source_path: "/srv/inv.sh".into(),
            options: StoredOptions {
                overwrite: true,
                overwrite_vars: true,
                enabled_var: "status".into(),
                enabled_value: "up".into(),
                instance_id_var: "uuid".into(),
                host_filter: "^web".into(),
                group_filter: "^g".into(),
                exclude_empty_groups: true,
                use_ansible_inventory: true,
                timeout: Some(30),
                verbosity: 3,
            },
        }
    }

    #[test]
    fn a_config_saved_loads_back_the_same() {
        let (_d, mut db) = db();
        db.write(|tx| {
            let inv = inventory(tx)?;
            let c = config();
            let id = c.insert(tx, "src", "imported", inv)?;
            let s = InventorySource::load(tx, "src")?;
            assert_eq!((s.id, s.name.as_str(), s.inventory.as_str(), s.status.as_str()), (id, "src", "inv", "never updated"));
            assert_eq!(s.config, c);
            assert_eq!(InventorySource::load(tx, &id.to_string())?.id, id, "by id");
            // An update writes every column; no limit is stored as 0.
            let mut changed = SourceConfig::default();
            changed.options.verbosity = 1;
            changed.save(tx, id)?;
            assert_eq!(InventorySource::load(tx, "src")?.config, changed);
            assert_eq!(tx.scalar::<i64>("SELECT timeout FROM inventory_source WHERE id = $1", crate::params![id])?, 0);
            // Saving the same configuration writes nothing.
            tx.execute("UPDATE inventory_source SET modified = 'then' WHERE id = $1", crate::params![id])?;
            changed.save(tx, id)?;
            assert_eq!(tx.scalar::<String>("SELECT modified FROM inventory_source WHERE id = $1", crate::params![id])?, "then");
            let e = InventorySource::load(tx, "nope").unwrap_err();
            assert_eq!(e.kind, crate::error::ErrorKind::NotFound);
            Ok(())
        })
        .expect("transaction");
    }

    #[test]
    fn an_update_starts_running_and_finishes_on_its_source() {
        let (_d, mut db) = db();
        db.write(|tx| {
            let inv = inventory(tx)?;
            let sid = config().insert(tx, "src", "", inv)?;
            let new = NewUpdate {
                inventory_id: inv,
                inventory_name: "inv",
                source_id: sid,
                source_name: "src",
                kind: "script",
                path: "/srv/inv.sh",
                overwrite: true,
                overwrite_vars: false,
                launch_type: "manual",
                execution_node: "n1",
                env: "{}",
            };
            let failed = start_update(tx, &new)?;
            let r = tx.query_one("SELECT status, name, pid FROM inventory_update WHERE id = $1", crate::params![failed])?;
            assert_eq!(r.col::<String>("status")?, "running");
            assert_eq!(r.col::<String>("name")?, "inv - src");
            assert_eq!(r.col::<i64>("pid")?, std::process::id() as i64);
            let end = UpdateEnd {
                ending: Ending { status: JobStatus::Failed, explanation: Some("bad".into()), traceback: Some("bad\nline 3".into()) },
                stdout: "w1\nw2".into(),
                counts: None,
                violation: Some(Violation::OrgHostLimit),
            };
            assert_eq!(finish(tx, failed, &end)?, JobStatus::Failed);
            let r = tx.query_one(
                "SELECT status, job_explanation, result_traceback, stdout, org_host_limit_error, license_error FROM inventory_update WHERE id = $1",
                crate::params![failed],
            )?;
            assert_eq!(r.col::<String>("status")?, "failed");
            assert_eq!(r.col::<String>("job_explanation")?, "bad");
            assert_eq!(r.col::<String>("result_traceback")?, "bad\nline 3");
            assert_eq!(r.col::<String>("stdout")?, "w1\nw2");
            assert!(r.col::<bool>("org_host_limit_error")? && !r.col::<bool>("license_error")?);
            let s = tx.query_one("SELECT status, last_update_id, last_job_failed FROM inventory_source WHERE id = $1", crate::params![sid])?;
            assert_eq!((s.col::<String>("status")?, s.col::<i64>("last_update_id")?, s.col::<bool>("last_job_failed")?), ("failed".into(), failed, true));
            assert_eq!(tx.scalar::<i64>("SELECT inventory_sources_with_failures FROM inventory WHERE id = $1", crate::params![inv])?, 1);

            let ok = start_update(tx, &new)?;
            let end = UpdateEnd { ending: Ending::new(JobStatus::Successful), stdout: String::new(), counts: Some("{\"hosts\": 1}".into()), violation: None };
            assert_eq!(finish(tx, ok, &end)?, JobStatus::Successful);
            assert_eq!(tx.scalar::<String>("SELECT counts FROM inventory_update WHERE id = $1", crate::params![ok])?, "{\"hosts\": 1}");
            let s = tx.query_one("SELECT status, last_update_id, last_job_failed FROM inventory_source WHERE id = $1", crate::params![sid])?;
            assert_eq!((s.col::<String>("status")?, s.col::<i64>("last_update_id")?, s.col::<bool>("last_job_failed")?), ("successful".into(), ok, false));
            assert_eq!(tx.scalar::<i64>("SELECT inventory_sources_with_failures FROM inventory WHERE id = $1", crate::params![inv])?, 0);
            // A finished update stays as it ended, output and counts included.
            assert_eq!(finish(tx, failed, &end)?, JobStatus::Failed);
            let r = tx.query_one("SELECT stdout, counts FROM inventory_update WHERE id = $1", crate::params![failed])?;
            assert_eq!((r.col::<String>("stdout")?, r.col::<String>("counts")?), ("w1\nw2".into(), "{}".into()));
            Ok(())
        })
        .expect("transaction");
    }
}
