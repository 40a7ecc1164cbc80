//! The `schedules` resource of `awxm apply` and `awxm export`.
//!
//! ```yaml
//! schedules:
//!   - name: nightly
//!     unified_job_template: {type: job_template, name: deploy}   # or: job_template: deploy
//!     rrule: "DTSTART;TZID=Europe/Berlin:20270101T023000 RRULE:FREQ=DAILY;INTERVAL=1"
//!     extra_data: {version: 2}        # prompts, checked against the template's ask_* flags
//!     limit: web
//!     max_lateness: 600               # awxm's: skip an occurrence found more than 600 s late
//! ```
//!
//! A schedule's name is unique within its template (AWX), so an object is matched by
//! template and name. The rule is validated with AWX's messages (exit 65 at the file's line)
//! and stored after AWX's UNTIL coercion; `timezone`, `dtstart`, `dtend` and `next_run` are
//! computed on every write.

use serde_json::{Map, Value as Json};

use super::{COLUMNS, Schedule, TARGET_KINDS, Target, compute, rule};
use crate::db::{Tx, Value};
use crate::error::{Error, Result};
use crate::launch::Prompts;
use crate::resources::{Action, Item, types};

/// Keys of a schedule object.
const KEYS: &[&str] = &[
    "name",
    "description",
    "unified_job_template",
    "job_template",
    "project",
    "inventory_source",
    "system_job_template",
    "workflow_job_template",
    "enabled",
    "rrule",
    "max_lateness",
    "extra_data",
    "inventory",
    "credentials",
    "limit",
    "scm_branch",
    "job_tags",
    "skip_tags",
    "job_type",
    "verbosity",
    "forks",
    "timeout",
    "diff_mode",
];

/// `char_prompts` keys: text ones and whole-number ones (with their ranges).
const TEXT_PROMPTS: &[&str] = &["limit", "scm_branch", "job_tags", "skip_tags", "job_type"];
const INT_PROMPTS: &[(&str, i64, i64)] = &[("verbosity", 0, 5), ("forks", 0, types::INT_MAX), ("timeout", 0, types::INT_MAX)];

/// The template an item names: `unified_job_template: {type, name}` or one `<type>: name` key.
fn target(tx: &mut Tx<'_>, item: &Item<'_>) -> Result<Target> {
    let mut found: Vec<(&str, String, Vec<&str>)> = Vec::new();
    if let Some(v) = item.data.get("unified_job_template") {
        let m = v.as_object().ok_or_else(|| item.err(&["unified_job_template"], "must be a mapping {type, name}"))?;
        let kind = m.get("type").and_then(Json::as_str).ok_or_else(|| item.err(&["unified_job_template"], "needs a type"))?;
        let name = m.get("name").and_then(Json::as_str).ok_or_else(|| item.err(&["unified_job_template"], "needs a name"))?;
        let Some((singular, _)) = TARGET_KINDS.iter().find(|(s, _)| *s == kind) else {
            let kinds: Vec<&str> = TARGET_KINDS.iter().map(|(s, _)| *s).collect();
            return Err(item.err(&["unified_job_template", "type"], format!("must be one of: {}", kinds.join(", "))));
        };
        found.push((singular, name.to_string(), vec!["unified_job_template", "name"]));
    }
    for (singular, _) in TARGET_KINDS {
        if let Some(v) = item.data.get(*singular) {
            let name = v.as_str().ok_or_else(|| item.err(&[singular], "must be the name of a template"))?;
            found.push((singular, name.to_string(), vec![singular]));
        }
    }
    match found.len() {
        0 => Err(item.err(
            &[],
            "missing its template: unified_job_template: {type, name}, or one of job_template, project, inventory_source, system_job_template, workflow_job_template",
        )),
        1 => {
            let (singular, name, path) = &found[0];
            let rt = types::find(singular).ok_or_else(|| Error::internal("schedule target type"))?;
            let id = crate::resources::id_by_name(tx, rt, name)?
                .ok_or_else(|| item.err(path, format!("no {} named {name:?}", singular.replace('_', " "))))?;
            Target::new(singular, id).ok_or_else(|| Error::internal("schedule target"))
        }
        _ => Err(item.err(&[], "names more than one template (give exactly one)")),
    }
}

/// The prompts an item gives, as stored: extra_data, inventory id, char_prompts, credentials.
struct Given {
    extra_data: Option<Map<String, Json>>,
    inventory: Option<Option<i64>>,
    char_prompts: Map<String, Json>,
    credentials: Option<Vec<i64>>,
}

fn given(tx: &mut Tx<'_>, item: &Item<'_>) -> Result<Given> {
    let extra_data = match item.data.get("extra_data") {
        None => None,
        Some(v) => Some(crate::resources::parse_vars(v, item.file).map_err(|m| item.err(&["extra_data"], m))?),
    };
    let inventory = match item.data.get("inventory") {
        None => None,
        Some(Json::Null) => Some(None),
        Some(Json::String(n)) => Some(Some(
            crate::resources::id_by_name(tx, &types::INVENTORY, n)?
                .ok_or_else(|| item.err(&["inventory"], format!("no inventory named {n:?}")))?,
        )),
        Some(_) => return Err(item.err(&["inventory"], "must be the name of an inventory")),
    };
    let credentials = match item.data.get("credentials") {
        None => None,
        Some(Json::Array(names)) => {
            let mut ids = Vec::new();
            for (i, n) in names.iter().enumerate() {
                let at = i.to_string();
                let name = n.as_str().ok_or_else(|| item.err(&["credentials", &at], "must be the name of a credential"))?;
                ids.push(
                    crate::resources::id_by_name(tx, &types::CREDENTIAL, name)?
                        .ok_or_else(|| item.err(&["credentials", &at], format!("no credential named {name:?}")))?,
                );
            }
            Some(ids)
        }
        Some(_) => return Err(item.err(&["credentials"], "must be a list of credential names")),
    };
    let mut char_prompts = Map::new();
    for k in TEXT_PROMPTS {
        match item.data.get(*k) {
            None | Some(Json::Null) => {}
            Some(Json::String(s)) => {
                if *k == "job_type" && s != "run" && s != "check" {
                    return Err(item.err(&[k], "must be run or check"));
                }
                char_prompts.insert(k.to_string(), Json::String(s.clone()));
            }
            Some(_) => return Err(item.err(&[k], "must be a string")),
        }
    }
    for (k, min, max) in INT_PROMPTS {
        match item.data.get(*k) {
            None | Some(Json::Null) => {}
            Some(v) => match v.as_i64() {
                Some(n) if (*min..=*max).contains(&n) => {
                    char_prompts.insert(k.to_string(), Json::from(n));
                }
                _ => return Err(item.err(&[k], format!("must be a whole number from {min} to {max}, not {v}"))),
            },
        }
    }
    match item.data.get("diff_mode") {
        None | Some(Json::Null) => {}
        Some(Json::Bool(b)) => {
            char_prompts.insert("diff_mode".into(), Json::Bool(*b));
        }
        Some(_) => return Err(item.err(&["diff_mode"], "must be true or false")),
    }
    Ok(Given { extra_data, inventory, char_prompts, credentials })
}

/// AWX's checks of a schedule's template and prompts (reference §3.1, §3.7).
fn check_target(tx: &mut Tx<'_>, item: &Item<'_>, target: Target, s: &Schedule, creds: &Option<Vec<i64>>) -> Result<()> {
    let any_char = !s.char_prompts.is_empty() || s.inventory_id.is_some() || creds.is_some();
    match target {
        Target::JobTemplate(tid) => {
            let mut p = Prompts { extra_vars: s.extra_data.clone(), inventory_id: s.inventory_id, ..Default::default() };
            let c = &s.char_prompts;
            let text = |k: &str| c.get(k).and_then(Json::as_str).map(str::to_string);
            p.limit = text("limit");
            p.job_tags = text("job_tags");
            p.skip_tags = text("skip_tags");
            p.job_type = text("job_type");
            p.scm_branch = text("scm_branch");
            p.verbosity = c.get("verbosity").and_then(Json::as_i64);
            p.forks = c.get("forks").and_then(Json::as_i64);
            p.timeout = c.get("timeout").and_then(Json::as_i64);
            p.diff_mode = c.get("diff_mode").and_then(Json::as_bool);
            p.credential_ids = creds.clone();
            let refused = crate::launch::refused(tx, tid, &p)?;
            if !refused.is_empty() {
                let list: Vec<String> = refused.iter().map(|r| r.trim_start_matches("--").to_string()).collect();
                return Err(item.err(&[], format!("the job template does not prompt on launch for {}", list.join(", "))));
            }
        }
        Target::Project(pid) => {
            let scm: String = tx.scalar("SELECT scm_type FROM project WHERE id = $1", crate::params![pid])?;
            if scm.is_empty() || scm == "manual" {
                return Err(item.err(&[], "Manual Project cannot have a schedule set."));
            }
            if any_char || !s.extra_data.is_empty() {
                return Err(item.err(&[], "a project update takes no prompts (Field is not configured to prompt on launch.)"));
            }
        }
        Target::InventorySource(_) => {
            if any_char || !s.extra_data.is_empty() {
                return Err(item.err(&[], "an inventory update takes no prompts (Field is not configured to prompt on launch.)"));
            }
        }
        Target::SystemJobTemplate(_) => {
            if any_char {
                return Err(item.err(&[], "a system job takes only extra_data (days)"));
            }
            crate::runner::system::check_vars(&s.extra_data).map_err(|m| item.err(&["extra_data"], m))?;
        }
        Target::WorkflowJobTemplate(tid) => {
            let allowed = ["limit", "scm_branch", "job_tags", "skip_tags"];
            if creds.is_some() || s.char_prompts.keys().any(|k| !allowed.contains(&k.as_str())) {
                return Err(
                    item.err(&[], "a workflow job template takes only extra_data, inventory, limit, scm_branch, job_tags and skip_tags")
                );
            }
            let name = target.name(tx)?;
            let g = workflow_given(tx, s)?;
            crate::workflow::check_prompts(tx, tid, &name, &g).map_err(|e| item.err(&[], e.message))?;
        }
    }
    Ok(())
}

/// A schedule's prompts as a workflow launch takes them.
pub fn workflow_given(tx: &mut Tx<'_>, s: &Schedule) -> Result<crate::workflow::Given> {
    let text = |k: &str| s.char_prompts.get(k).and_then(Json::as_str).map(str::to_string);
    let inventory = match s.inventory_id {
        Some(i) => crate::resources::name_by_id(tx, &types::INVENTORY, i)?,
        None => None,
    };
    Ok(crate::workflow::Given {
        extra_vars: s.extra_data.clone(),
        limit: text("limit"),
        inventory,
        scm_branch: text("scm_branch"),
        job_tags: text("job_tags"),
        skip_tags: text("skip_tags"),
    })
}

/// Create or update one schedule from a resource-file object. Returns its name and action.
pub fn apply(tx: &mut Tx<'_>, item: &Item<'_>) -> Result<(String, Action)> {
    for k in item.data.keys() {
        if !KEYS.contains(&k.as_str()) {
            return Err(item.err(&[k], format!("unknown field (expected one of: {})", KEYS.join(", "))));
        }
    }
    let name = match item.data.get("name") {
        Some(Json::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(_) => return Err(item.err(&["name"], "must be a non-empty string")),
        None => return Err(item.err(&[], "missing required field \"name\"")),
    };
    let target = target(tx, item)?;
    let old = tx
        .query_opt(
            &format!("SELECT {COLUMNS} FROM schedule WHERE {} = $1 AND name = $2", target.column()),
            crate::params![target.id(), name.as_str()],
        )?
        .map(|r| Schedule::from_row(&r))
        .transpose()?;
    let g = given(tx, item)?;
    let mut s = old.clone().unwrap_or(Schedule {
        id: 0,
        name: name.clone(),
        description: String::new(),
        target,
        enabled: true,
        rrule: String::new(),
        timezone: String::new(),
        dtstart: None,
        dtend: None,
        next_run: None,
        extra_data: Map::new(),
        inventory_id: None,
        char_prompts: Map::new(),
        max_lateness: 0,
        created: String::new(),
        modified: String::new(),
    });
    let parsed = merge_given(item, &mut s, old.is_some(), g.extra_data, g.inventory, g.char_prompts)?;
    let old_creds = match &old {
        Some(o) => o.credential_ids(tx)?,
        None => None,
    };
    let creds = if item.data.contains_key("credentials") { g.credentials.filter(|c| !c.is_empty()) } else { old_creds.clone() };
    check_target(tx, item, target, &s, &creds)?;
    let c = compute(&parsed, s.enabled, crate::time::now());
    let (id, action) = save(tx, &name, target, &s, old.as_ref(), &c, old_creds == creds)?;
    // Computed fields follow the rule and the clock, without counting as a change.
    tx.execute(
        "UPDATE schedule SET timezone = $1, dtstart = $2, dtend = $3, next_run = $4 WHERE id = $5",
        crate::params![c.timezone.as_str(), c.dtstart, c.dtend, c.next_run, id],
    )?;
    if creds != old_creds {
        save_credentials(tx, id, creds.as_deref().unwrap_or_default())?;
    }
    Ok((name, action))
}

/// The fields a file gives, over the stored schedule `s` (or the new one): description,
/// enabled, max_lateness, the rule (required for a new schedule), extra data, inventory and
/// prompts (prompts given replace the stored ones: a file states the schedule's prompts).
/// Returns the parsed rule.
fn merge_given(
    item: &Item<'_>,
    s: &mut Schedule,
    stored: bool,
    extra_data: Option<Map<String, Json>>,
    inventory: Option<Option<i64>>,
    char_prompts: Map<String, Json>,
) -> Result<rule::Rule> {
    if let Some(v) = item.data.get("description") {
        s.description = v.as_str().ok_or_else(|| item.err(&["description"], "must be a string"))?.to_string();
    }
    if let Some(v) = item.data.get("enabled") {
        s.enabled = v.as_bool().ok_or_else(|| item.err(&["enabled"], "must be true or false"))?;
    }
    if let Some(v) = item.data.get("max_lateness") {
        s.max_lateness = v.as_i64().filter(|n| (0..=types::INT_MAX).contains(n)).ok_or_else(|| {
            item.err(&["max_lateness"], format!("must be a whole number of seconds from 0 to {}, not {v}", types::INT_MAX))
        })?;
    }
    let rule_text = match item.data.get("rrule") {
        Some(Json::String(r)) => r.clone(),
        Some(_) => return Err(item.err(&["rrule"], "must be a string")),
        None if stored => s.rrule.clone(),
        None => return Err(item.err(&[], "missing required field \"rrule\"")),
    };
    let parsed = rule::parse(&rule_text).map_err(|msgs| item.err(&["rrule"], msgs.join("; ")))?;
    s.rrule = parsed.text.clone();
    if let Some(e) = extra_data {
        s.extra_data = e;
    }
    if let Some(i) = inventory {
        s.inventory_id = i;
    }
    let prompt_keys = TEXT_PROMPTS.iter().copied().chain(INT_PROMPTS.iter().map(|(k, _, _)| *k)).chain(["diff_mode"]);
    for k in prompt_keys {
        if item.data.contains_key(k) {
            s.char_prompts.remove(k);
        }
    }
    s.char_prompts.extend(char_prompts);
    Ok(parsed)
}

/// Insert schedule `s`, or update the stored one `old` when a field differs (`same_creds`:
/// its credentials are unchanged). Returns its id and what happened.
fn save(
    tx: &mut Tx<'_>,
    name: &str,
    target: Target,
    s: &Schedule,
    old: Option<&Schedule>,
    c: &super::Computed,
    same_creds: bool,
) -> Result<(i64, Action)> {
    let now = crate::time::now_str();
    let extra = Json::Object(s.extra_data.clone()).to_string();
    let chars = Json::Object(s.char_prompts.clone()).to_string();
    Ok(match old {
        None => {
            let id = tx.insert(
                &format!(
                    "INSERT INTO schedule (name, description, {}, enabled, rrule, timezone, dtstart, dtend, next_run, extra_data, inventory_id,
                       char_prompts, max_lateness, created, modified)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
                    target.column()
                ),
                crate::params![
                    name,
                    s.description.as_str(),
                    target.id(),
                    s.enabled,
                    s.rrule.as_str(),
                    c.timezone.as_str(),
                    c.dtstart.clone(),
                    c.dtend.clone(),
                    c.next_run.clone(),
                    extra.as_str(),
                    s.inventory_id,
                    chars.as_str(),
                    s.max_lateness,
                    now.as_str()
                ],
            )?;
            (id, Action::Created)
        }
        Some(o) => {
            let same = o.description == s.description
                && o.enabled == s.enabled
                && o.rrule == s.rrule
                && o.extra_data == s.extra_data
                && o.inventory_id == s.inventory_id
                && o.char_prompts == s.char_prompts
                && o.max_lateness == s.max_lateness
                && same_creds;
            if !same {
                tx.execute(
                    "UPDATE schedule SET description = $1, enabled = $2, rrule = $3, extra_data = $4, inventory_id = $5, char_prompts = $6,
                       max_lateness = $7, modified = $8 WHERE id = $9",
                    crate::params![
                        s.description.as_str(),
                        s.enabled,
                        s.rrule.as_str(),
                        extra.as_str(),
                        s.inventory_id,
                        chars.as_str(),
                        s.max_lateness,
                        now.as_str(),
                        o.id
                    ],
                )?;
            }
            (o.id, if same { Action::Unchanged } else { Action::Updated })
        }
    })
}

/// Replace schedule `id`'s credentials with `creds`, in order.
fn save_credentials(tx: &mut Tx<'_>, id: i64, creds: &[i64]) -> Result<()> {
    tx.execute("DELETE FROM schedule_credential WHERE schedule_id = $1", crate::params![id])?;
    for (i, cid) in creds.iter().enumerate() {
        tx.execute(
            "INSERT INTO schedule_credential (schedule_id, credential_id, position) VALUES ($1, $2, $3)",
            crate::params![id, *cid, i as i64],
        )?;
    }
    Ok(())
}

/// One schedule in the resource-file shape (defaults omitted unless `all`).
pub fn document(tx: &mut Tx<'_>, s: &Schedule, all: bool) -> Result<Map<String, Json>> {
    let mut d = Map::new();
    d.insert("name".into(), Json::String(s.name.clone()));
    d.insert("unified_job_template".into(), serde_json::json!({"type": s.target.singular(), "name": s.target.name(tx)?}));
    d.insert("rrule".into(), Json::String(s.rrule.clone()));
    if all || !s.description.is_empty() {
        d.insert("description".into(), Json::String(s.description.clone()));
    }
    if all || !s.enabled {
        d.insert("enabled".into(), Json::Bool(s.enabled));
    }
    if all || s.max_lateness != 0 {
        d.insert("max_lateness".into(), Json::from(s.max_lateness));
    }
    if all || !s.extra_data.is_empty() {
        d.insert("extra_data".into(), Json::Object(s.extra_data.clone()));
    }
    if let Some(i) = s.inventory_id {
        let name = crate::resources::name_by_id(tx, &types::INVENTORY, i)?.unwrap_or_else(|| format!("#{i}"));
        d.insert("inventory".into(), Json::String(name));
    }
    if let Some(ids) = s.credential_ids(tx)? {
        let mut names = Vec::new();
        for i in ids {
            names.push(Json::String(crate::resources::name_by_id(tx, &types::CREDENTIAL, i)?.unwrap_or_else(|| format!("#{i}"))));
        }
        d.insert("credentials".into(), Json::Array(names));
    }
    for (k, v) in &s.char_prompts {
        d.insert(k.clone(), v.clone());
    }
    Ok(d)
}

/// Every schedule, ordered by template kind, template name and schedule name.
pub fn all(tx: &mut Tx<'_>) -> Result<Vec<Schedule>> {
    let mut out: Vec<(usize, String, Schedule)> = Vec::new();
    for r in tx.query(&format!("SELECT {COLUMNS} FROM schedule ORDER BY id"), &[])? {
        let s = Schedule::from_row(&r)?;
        let kind = TARGET_KINDS.iter().position(|(k, _)| *k == s.target.singular()).unwrap_or(0);
        let t = s.target.name(tx)?;
        out.push((kind, t, s));
    }
    out.sort_by(|a, b| (a.0, &a.1, &a.2.name).cmp(&(b.0, &b.1, &b.2.name)));
    Ok(out.into_iter().map(|(_, _, s)| s).collect())
}

/// The `schedules` list of `awxm export`.
pub fn export(tx: &mut Tx<'_>) -> Result<Vec<Json>> {
    all(tx)?.iter().map(|s| document(tx, s, false).map(Json::Object)).collect()
}

/// Delete one schedule (its credentials and skips go with it).
pub fn delete(tx: &mut Tx<'_>, id: i64) -> Result<()> {
    tx.execute("DELETE FROM schedule WHERE id = $1", &[Value::Int(id)])?;
    Ok(())
}
