//! Schedules: AWX's `Schedule` model and `awx_periodic_scheduler` (reference §3).
//!
//! - `rule.rs` parses, validates and expands rules (RFC 5545 as AWX accepts it, expanded as
//!   dateutil does, wall-clock in DTSTART's zone).
//! - `resource.rs` is the `schedules` resource of `apply`/`export` (a schedule is named
//!   within its template, so it is matched by template and name).
//! - `tick.rs` is the tick: due schedules launch once each, under the scheduler lock, and
//!   what is not launched is recorded with its reason (`schedule_skip`).
//!
//! This module holds the stored schedule (`Schedule`, read by column name), its template
//! (`Target`, one of five kinds), the computed fields and the skip log.

pub mod resource;
pub mod rule;
pub mod tick;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value as Json};

use crate::db::{Row, Tx};
use crate::error::{Error, Result};
use crate::settings::{Kind, Setting};

/// AWX's `SCHEDULE_MAX_JOBS`: a job or workflow template with this many active jobs is not
/// launched by a schedule (the occurrence is skipped and recorded).
pub static SCHEDULE_MAX_JOBS: Setting<i64> = Setting::new(
    "schedule_max_jobs",
    "10",
    Kind::Int { min: 1, max: 1_000_000 },
    "A schedule does not launch a job template or workflow template that already has this many jobs pending, waiting or running (AWX's SCHEDULE_MAX_JOBS); the skipped occurrence is recorded with its reason.",
);

/// How often the dispatcher runs the scheduler tick.
pub static SCHEDULE_TICK_SECONDS: Setting<i64> = Setting::new(
    "schedule_tick_seconds",
    "30",
    Kind::Seconds { min: 1.0, max: 3600.0, whole: true },
    "Seconds between two scheduler ticks in the dispatcher (AWX's awx_periodic_scheduler runs every 30 s).",
);

/// Skips kept per schedule (the newest).
pub const SKIPS_KEPT: i64 = 20;

/// The template a schedule launches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    JobTemplate(i64),
    Project(i64),
    InventorySource(i64),
    SystemJobTemplate(i64),
    WorkflowJobTemplate(i64),
}

/// Each kind: its singular type name and its column on `schedule`.
pub const TARGET_KINDS: &[(&str, &str)] = &[
    ("job_template", "job_template_id"),
    ("project", "project_id"),
    ("inventory_source", "inventory_source_id"),
    ("system_job_template", "system_job_template_id"),
    ("workflow_job_template", "workflow_job_template_id"),
];

impl Target {
    pub fn new(singular: &str, id: i64) -> Option<Target> {
        Some(match singular {
            "job_template" => Target::JobTemplate(id),
            "project" => Target::Project(id),
            "inventory_source" => Target::InventorySource(id),
            "system_job_template" => Target::SystemJobTemplate(id),
            "workflow_job_template" => Target::WorkflowJobTemplate(id),
            _ => return None,
        })
    }

    pub fn id(self) -> i64 {
        match self {
            Target::JobTemplate(i)
            | Target::Project(i)
            | Target::InventorySource(i)
            | Target::SystemJobTemplate(i)
            | Target::WorkflowJobTemplate(i) => i,
        }
    }

    pub fn singular(self) -> &'static str {
        match self {
            Target::JobTemplate(_) => "job_template",
            Target::Project(_) => "project",
            Target::InventorySource(_) => "inventory_source",
            Target::SystemJobTemplate(_) => "system_job_template",
            Target::WorkflowJobTemplate(_) => "workflow_job_template",
        }
    }

    pub fn column(self) -> &'static str {
        TARGET_KINDS.iter().find(|(s, _)| *s == self.singular()).map(|(_, c)| *c).unwrap_or("job_template_id")
    }

    /// The target of a stored schedule row.
    pub fn of_row(row: &Row) -> Result<Target> {
        for (singular, column) in TARGET_KINDS {
            if let Some(id) = row.col::<Option<i64>>(column)? {
                return Target::new(singular, id).ok_or_else(|| Error::internal("schedule target"));
            }
        }
        Err(Error::internal("a schedule without a template"))
    }

    /// The template's name.
    pub fn name(self, tx: &mut Tx<'_>) -> Result<String> {
        let rt = crate::resources::types::find(self.singular()).ok_or_else(|| Error::internal("schedule target type"))?;
        Ok(crate::resources::name_by_id(tx, rt, self.id())?.unwrap_or_else(|| format!("#{}", self.id())))
    }
}

/// The columns every reader of a schedule selects.
pub const COLUMNS: &str = "id, name, description, job_template_id, project_id, inventory_source_id, system_job_template_id, \
     workflow_job_template_id, enabled, rrule, timezone, dtstart, dtend, next_run, extra_data, inventory_id, char_prompts, \
     max_lateness, created, modified";

/// A stored schedule.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub target: Target,
    pub enabled: bool,
    pub rrule: String,
    pub timezone: String,
    pub dtstart: Option<String>,
    pub dtend: Option<String>,
    pub next_run: Option<String>,
    pub extra_data: Map<String, Json>,
    pub inventory_id: Option<i64>,
    pub char_prompts: Map<String, Json>,
    pub max_lateness: i64,
    pub created: String,
    pub modified: String,
}

fn json_map(text: &str) -> Map<String, Json> {
    match serde_json::from_str(text) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    }
}

impl Schedule {
    pub fn from_row(r: &Row) -> Result<Schedule> {
        Ok(Schedule {
            id: r.col("id")?,
            name: r.col("name")?,
            description: r.col("description")?,
            target: Target::of_row(r)?,
            enabled: r.col("enabled")?,
            rrule: r.col("rrule")?,
            timezone: r.col("timezone")?,
            dtstart: r.col("dtstart")?,
            dtend: r.col("dtend")?,
            next_run: r.col("next_run")?,
            extra_data: json_map(&r.col::<String>("extra_data")?),
            inventory_id: r.col("inventory_id")?,
            char_prompts: json_map(&r.col::<String>("char_prompts")?),
            max_lateness: r.col("max_lateness")?,
            created: r.col("created")?,
            modified: r.col("modified")?,
        })
    }

    pub fn load(tx: &mut Tx<'_>, id: i64) -> Result<Schedule> {
        let r = tx
            .query_opt(&format!("SELECT {COLUMNS} FROM schedule WHERE id = $1"), crate::params![id])?
            .ok_or_else(|| Error::not_found(format!("no schedule with id {id}")))?;
        Schedule::from_row(&r)
    }

    /// The credentials prompted, in order (None: the template's).
    pub fn credential_ids(&self, tx: &mut Tx<'_>) -> Result<Option<Vec<i64>>> {
        let ids: Vec<i64> = tx
            .query("SELECT credential_id FROM schedule_credential WHERE schedule_id = $1 ORDER BY position", crate::params![self.id])?
            .iter()
            .map(|r| r.col("credential_id"))
            .collect::<Result<_>>()?;
        Ok(if ids.is_empty() { None } else { Some(ids) })
    }

    /// The job-template prompts this schedule gives.
    pub fn prompts(&self, tx: &mut Tx<'_>) -> Result<crate::launch::Prompts> {
        let c = &self.char_prompts;
        let text = |k: &str| c.get(k).and_then(Json::as_str).map(str::to_string);
        let int = |k: &str| c.get(k).and_then(Json::as_i64);
        Ok(crate::launch::Prompts {
            extra_vars: self.extra_data.clone(),
            limit: text("limit"),
            job_tags: text("job_tags"),
            skip_tags: text("skip_tags"),
            job_type: text("job_type"),
            verbosity: int("verbosity"),
            inventory_id: self.inventory_id,
            credential_ids: self.credential_ids(tx)?,
            scm_branch: text("scm_branch"),
            diff_mode: c.get("diff_mode").and_then(Json::as_bool),
            forks: int("forks"),
            timeout: int("timeout"),
            instance_group_id: None,
        })
    }
}

/// Find a schedule by id, or by name when that name is unique (a name is unique only within
/// its template: an ambiguous name is refused, listing the candidates).
pub fn resolve(tx: &mut Tx<'_>, name_or_id: &str) -> Result<Schedule> {
    let rows = tx.query(&format!("SELECT {COLUMNS} FROM schedule WHERE name = $1 ORDER BY id"), crate::params![name_or_id])?;
    match rows.len() {
        1 => return Schedule::from_row(&rows[0]),
        0 => {}
        _ => {
            let mut which = Vec::new();
            for r in &rows {
                let s = Schedule::from_row(r)?;
                which.push(format!("{} (of {} {:?})", s.id, s.target.singular().replace('_', " "), s.target.name(tx)?));
            }
            return Err(Error::usage(format!("several schedules are named {name_or_id:?}: give the id, one of {}", which.join(", "))));
        }
    }
    if let Ok(id) = name_or_id.parse::<i64>()
        && let Some(r) = tx.query_opt(&format!("SELECT {COLUMNS} FROM schedule WHERE id = $1"), crate::params![id])?
    {
        return Schedule::from_row(&r);
    }
    Err(Error::not_found(format!("no schedule named {name_or_id:?}")))
}

/// The computed fields of a rule (AWX's `update_computed_fields`).
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub timezone: String,
    pub dtstart: Option<String>,
    pub dtend: Option<String>,
    pub next_run: Option<String>,
}

pub fn compute(rule: &rule::Rule, enabled: bool, now: DateTime<Utc>) -> Computed {
    Computed {
        timezone: rule.timezone(),
        dtstart: rule.first().map(|o| crate::time::fmt(&o.utc)),
        dtend: rule.last().map(|o| crate::time::fmt(&o.utc)),
        next_run: if enabled { rule.next_run(now).map(|t| crate::time::fmt(&t)) } else { None },
    }
}

/// Record an occurrence a tick did not launch, keeping the newest [`SKIPS_KEPT`].
pub fn record_skip(tx: &mut Tx<'_>, schedule_id: i64, occurrence: &str, reason: &str) -> Result<()> {
    tracing::info!("schedule {schedule_id}: occurrence {occurrence} not launched: {reason}");
    tx.execute(
        "INSERT INTO schedule_skip (schedule_id, occurrence, recorded, reason) VALUES ($1, $2, $3, $4)",
        crate::params![schedule_id, occurrence, crate::time::now_str(), reason],
    )?;
    tx.execute(
        "DELETE FROM schedule_skip WHERE schedule_id = $1 AND id NOT IN
           (SELECT id FROM schedule_skip WHERE schedule_id = $1 ORDER BY id DESC LIMIT $2)",
        crate::params![schedule_id, SKIPS_KEPT],
    )?;
    Ok(())
}

/// The recorded skips of a schedule, newest first.
pub fn skips(tx: &mut Tx<'_>, schedule_id: i64) -> Result<Vec<Json>> {
    tx.query("SELECT occurrence, recorded, reason FROM schedule_skip WHERE schedule_id = $1 ORDER BY id DESC", crate::params![schedule_id])?
        .iter()
        .map(|r| {
            Ok(serde_json::json!({
                "occurrence": r.col::<String>("occurrence")?,
                "recorded": r.col::<String>("recorded")?,
                "reason": r.col::<String>("reason")?,
            }))
        })
        .collect()
}
