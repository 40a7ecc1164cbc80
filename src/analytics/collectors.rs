//! The collectors: AWX HEAD's keys, versions, formats and columns, over awxm's schema.
//!
//! JSON collectors return one document each (all of them go into one tarball); CSV collectors
//! stream rows from the database into a [`Splitter`] — a query per slice, rows written as they
//! arrive, never a table in memory.
//!
//! ## Unified ids
//! AWX keeps every job kind in one `main_unifiedjob` table (and every template kind in
//! `main_unifiedjobtemplate`), so ids are unique across kinds. awxm keeps jobs, project updates,
//! inventory updates and workflow jobs in separate tables with separate id sequences, so the
//! analytics tables would repeat ids. Every unified id in the CSV files is therefore
//! `awxm id × 10 + kind digit` (see [`UNIFIED_KINDS`]): job 42 is 421, project update 42 is
//! 422. `events_table.job_id`, `workflow_job_node_table.job_id`/`workflow_job_id` and the
//! template columns use the same mapping, so the tables join as AWX's do. Ids of single-table
//! objects (events, hosts, inventories, organizations, instance groups, workflow nodes) are
//! awxm's own. `polymorphic_ctype_id` is a fixed number per kind (AWX's are per-installation
//! content-type ids); `model` carries AWX's model name.

use serde_json::{Map, Value as Json, json};

use super::csv::{Col, Splitter};
use super::window::Slicing;
use crate::db::{Row, Tx, Value};
use crate::error::Result;
use crate::time::Timestamp;

/// (table, kind digit, polymorphic_ctype_id, AWX model name) of every unified job and template
/// kind.
pub const UNIFIED_KINDS: &[(&str, i64, i64, &str)] = &[
    ("job", 1, 101, "job"),
    ("project_update", 2, 102, "projectupdate"),
    ("inventory_update", 3, 103, "inventoryupdate"),
    ("workflow_job", 4, 104, "workflowjob"),
    ("job_template", 1, 201, "jobtemplate"),
    ("project", 2, 202, "project"),
    ("inventory_source", 3, 203, "inventorysource"),
    ("workflow_job_template", 4, 204, "workflowjobtemplate"),
    ("workflow_approval_template", 5, 205, "workflowapprovaltemplate"),
];

/// Facts about this installation that the config collector reports.
#[derive(Debug, Clone, Default)]
pub struct SystemInfo {
    pub install_uuid: String,
    pub system_uuid: String,
    pub tower_url_base: String,
    pub subscription_usage_model: String,
    /// The stored license (an object), if any.
    pub license: Json,
}

pub struct JsonArgs<'a> {
    pub since: Timestamp,
    pub until: Timestamp,
    pub collection_type: &'a str,
    pub info: &'a SystemInfo,
}

pub type JsonFn = fn(&mut Tx<'_>, &JsonArgs<'_>) -> Result<Json>;
/// Stream the rows of `(start, end]` into the splitter; `tick` is called once per row.
pub type CsvFn = fn(&mut Tx<'_>, &Timestamp, &Timestamp, &mut Splitter, &mut dyn FnMut()) -> Result<()>;

pub struct CsvSpec {
    pub slicing: Slicing,
    pub columns: &'static [&'static str],
    pub run: CsvFn,
    /// Counts the rows of the window `($1, $2]` (or the whole table when not `windowed`), for
    /// progress bars.
    pub count_sql: &'static str,
    pub windowed: bool,
}

pub enum Body {
    Json(JsonFn),
    Csv(CsvSpec),
}

pub struct Collector {
    pub key: &'static str,
    pub version: &'static str,
    pub description: &'static str,
    pub body: Body,
}

impl Collector {
    pub fn file_name(&self) -> String {
        match self.body {
            Body::Json(_) => format!("{}.json", self.key),
            Body::Csv(_) => format!("{}.csv", self.key),
        }
    }
}

pub const COLLECTORS: &[Collector] = &[
    Collector { key: "config", version: "1.6", description: "General platform configuration", body: Body::Json(config) },
    Collector {
        key: "counts",
        version: "1.2",
        description: "Counts of objects such as organizations, inventories, and projects",
        body: Body::Json(counts),
    },
    Collector { key: "org_counts", version: "1.0", description: "Counts of users and teams by organization", body: Body::Json(org_counts) },
    Collector {
        key: "cred_type_counts",
        version: "1.0",
        description: "Counts of credentials by credential type",
        body: Body::Json(cred_type_counts),
    },
    Collector {
        key: "inventory_counts",
        version: "1.2",
        description: "Inventories, their inventory sources, and host counts",
        body: Body::Json(inventory_counts),
    },
    Collector {
        key: "projects_by_scm_type",
        version: "1.0",
        description: "Counts of projects by source control type",
        body: Body::Json(projects_by_scm_type),
    },
    Collector { key: "instance_info", version: "1.3", description: "Cluster topology and capacity", body: Body::Json(instance_info) },
    Collector { key: "query_info", version: "1.0", description: "Metadata about the analytics collected", body: Body::Json(query_info) },
    Collector {
        key: "events_table",
        version: "1.5",
        description: "Automation task records",
        body: Body::Csv(CsvSpec {
            slicing: Slicing::FourHour,
            columns: EVENT_COLUMNS,
            run: events_table,
            count_sql: "SELECT count(*) FROM job_event WHERE modified > $1 AND modified <= $2",
            windowed: true,
        }),
    },
    Collector {
        key: "unified_jobs_table",
        version: "1.4",
        description: "Data on jobs run",
        body: Body::Csv(CsvSpec {
            slicing: Slicing::FourHour,
            columns: UNIFIED_JOB_COLUMNS,
            run: unified_jobs_table,
            count_sql: UNIFIED_JOBS_COUNT,
            windowed: true,
        }),
    },
    Collector {
        key: "unified_job_template_table",
        version: "1.1",
        description: "Data on job templates",
        body: Body::Csv(CsvSpec {
            slicing: Slicing::Trivial,
            columns: UJT_COLUMNS,
            run: unified_job_template_table,
            count_sql:
                "SELECT (SELECT count(*) FROM job_template) + (SELECT count(*) FROM project) + (SELECT count(*) FROM inventory_source)
                        + (SELECT count(*) FROM workflow_job_template) + (SELECT count(*) FROM workflow_approval_template)",
            windowed: false,
        }),
    },
    Collector {
        key: "workflow_job_node_table",
        version: "1.0",
        description: "Data on workflow runs",
        body: Body::Csv(CsvSpec {
            slicing: Slicing::FourHour,
            columns: WJN_COLUMNS,
            run: workflow_job_node_table,
            count_sql: "SELECT count(*) FROM workflow_job_node WHERE modified > $1 AND modified <= $2",
            windowed: true,
        }),
    },
    Collector {
        key: "workflow_job_template_node_table",
        version: "1.0",
        description: "Data on workflows",
        body: Body::Csv(CsvSpec {
            slicing: Slicing::Trivial,
            columns: WJTN_COLUMNS,
            run: workflow_job_template_node_table,
            count_sql: "SELECT count(*) FROM workflow_job_template_node",
            windowed: false,
        }),
    },
];

pub fn lookup(key: &str) -> Option<&'static Collector> {
    COLLECTORS.iter().find(|c| c.key == key)
}

// ---------------------------------------------------------------- JSON collectors

fn os_release() -> (String, String, String) {
    let text = std::fs::read_to_string("/etc/os-release").or_else(|_| std::fs::read_to_string("/usr/lib/os-release")).unwrap_or_default();
    let field = |k: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(k).and_then(|r| r.strip_prefix('=')))
            .map(|v| v.trim().trim_matches('"').to_string())
            .unwrap_or_default()
    };
    (field("NAME"), field("VERSION_ID"), field("VERSION_CODENAME"))
}

fn install_type() -> &'static str {
    if crate::config::env_var("container").as_deref() == Some("oci") {
        "openshift"
    } else if crate::config::env_var("KUBERNETES_SERVICE_PORT").is_some() {
        "k8s"
    } else {
        "traditional"
    }
}

fn config(_tx: &mut Tx<'_>, a: &JsonArgs<'_>) -> Result<Json> {
    let lic = &a.info.license;
    let get = |k: &str| lic.get(k).cloned().unwrap_or(Json::Null);
    let get_or = |k: &str, d: Json| match lic.get(k) {
        Some(v) if !v.is_null() => v.clone(),
        _ => d,
    };
    let (dist, version, codename) = os_release();
    let system = {
        let os = std::env::consts::OS;
        let mut c = os.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    };
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").map(|s| s.trim().to_string()).unwrap_or_default();
    let mut m = Map::new();
    m.insert("platform".into(), json!({"system": system, "dist": [dist, version, codename], "release": release, "type": install_type()}));
    m.insert("install_uuid".into(), json!(a.info.install_uuid));
    m.insert("instance_uuid".into(), json!(a.info.system_uuid));
    m.insert("tower_url_base".into(), json!(a.info.tower_url_base));
    m.insert("tower_version".into(), json!(env!("CARGO_PKG_VERSION")));
    m.insert("license_type".into(), get_or("license_type", json!("open")));
    for k in [
        "license_date",
        "subscription_name",
        "sku",
        "support_level",
        "usage",
        "product_name",
        "valid_key",
        "satellite",
        "pool_id",
        "subscription_id",
        "account_number",
        "current_instances",
        "automated_instances",
        "automated_since",
        "trial",
        "grace_period_remaining",
        "compliant",
        "date_warning",
        "date_expired",
    ] {
        m.insert(k.into(), get(k));
    }
    m.insert("subscription_usage_model".into(), json!(a.info.subscription_usage_model));
    m.insert("free_instances".into(), get_or("free_instances", json!(0)));
    m.insert("total_licensed_instances".into(), get_or("instance_count", json!(0)));
    m.insert("license_expiry".into(), get_or("time_remaining", json!(0)));
    m.insert("pendo_tracking".into(), json!("off"));
    m.insert("authentication_backends".into(), json!([]));
    m.insert("logging_aggregators".into(), json!([]));
    m.insert("external_logger_enabled".into(), json!(false));
    m.insert("external_logger_type".into(), Json::Null);
    Ok(Json::Object(m))
}

fn count(tx: &mut Tx<'_>, sql: &str) -> Result<i64> {
    tx.scalar::<i64>(sql, &[])
}

/// `SELECT (a) + (b) + …` over the four job tables with `cond` (launch_type sync excluded).
fn unified_job_count(tx: &mut Tx<'_>, cond: &str) -> Result<i64> {
    let parts: Vec<String> = ["job", "project_update", "inventory_update", "workflow_job"]
        .iter()
        .map(|t| format!("(SELECT count(*) FROM {t} WHERE launch_type <> 'sync'{cond})"))
        .collect();
    count(tx, &format!("SELECT {}", parts.join(" + ")))
}

fn counts(tx: &mut Tx<'_>, _a: &JsonArgs<'_>) -> Result<Json> {
    current_counts(tx)
}

/// AWX's `counts` collector (also what `awxm metrics` reports): objects per type, hosts
/// (all, active), running/pending unified jobs, database connections.
pub fn current_counts(tx: &mut Tx<'_>) -> Result<Json> {
    let mut m = Map::new();
    for (key, table) in [
        ("organization", Some("organization")),
        ("team", Some("team")),
        ("user", Some("auth_user")),
        ("inventory", Some("inventory")),
        ("credential", Some("credential")),
        ("project", Some("project")),
        ("job_template", Some("job_template")),
        ("workflow_job_template", Some("workflow_job_template")),
        ("host", Some("host")),
        ("schedule", None),
        ("notification_template", Some("notification_template")),
    ] {
        let n = match table {
            Some(t) => count(tx, &format!("SELECT count(*) FROM {t}"))?,
            None => 0,
        };
        m.insert(key.into(), json!(n));
    }
    let mut inv = Map::new();
    inv.insert("normal".into(), json!(0));
    inv.insert("smart".into(), json!(0));
    tx.query_each("SELECT kind, count(*) AS n FROM inventory GROUP BY kind ORDER BY kind", &[], |r| {
        let kind: String = r.col("kind")?;
        let n: i64 = r.col("n")?;
        inv.insert(if kind.is_empty() { "normal".into() } else { kind }, json!(n));
        Ok(())
    })?;
    m.insert("inventories".into(), Json::Object(inv));
    m.insert("unified_job".into(), json!(unified_job_count(tx, "")?));
    m.insert(
        "active_host_count".into(),
        json!(count(
            tx,
            "SELECT count(DISTINCT lower(h.name)) FROM host h WHERE NOT EXISTS (
                SELECT 1 FROM host_inventory_source his JOIN inventory_source s ON s.id = his.inventory_source_id
                WHERE his.host_id = h.id AND s.source IN ('controller', 'tower'))"
        )?),
    );
    // awxm has no web sessions.
    m.insert("active_sessions".into(), json!(0));
    m.insert("active_user_sessions".into(), json!(0));
    m.insert("active_anonymous_sessions".into(), json!(0));
    m.insert("running_jobs".into(), json!(unified_job_count(tx, " AND status IN ('running', 'waiting')")?));
    m.insert("pending_jobs".into(), json!(unified_job_count(tx, " AND status = 'pending'")?));
    m.insert("database_connections".into(), json!(tx.database_connections()?));
    Ok(Json::Object(m))
}

fn org_counts(tx: &mut Tx<'_>, _a: &JsonArgs<'_>) -> Result<Json> {
    let mut m = Map::new();
    tx.query_each(
        "SELECT o.id, o.name,
            (SELECT count(*) FROM auth_user u WHERE
                EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.object_type = 'organization' AND ra.object_id = o.id AND ra.user_id = u.id)
                OR EXISTS (SELECT 1 FROM role_assignment ra JOIN team_member tm ON tm.team_id = ra.team_id
                           WHERE ra.object_type = 'organization' AND ra.object_id = o.id AND tm.user_id = u.id)) AS users,
            (SELECT count(*) FROM team t WHERE t.organization_id = o.id) AS teams
         FROM organization o ORDER BY o.id",
        &[],
        |r| {
            let id: i64 = r.col("id")?;
            m.insert(id.to_string(), json!({"name": r.col::<String>("name")?, "users": r.col::<i64>("users")?, "teams": r.col::<i64>("teams")?}));
            Ok(())
        },
    )?;
    Ok(Json::Object(m))
}

/// awxm's credential kinds in the role of AWX's managed credential types: (kind, type id, name).
pub const CREDENTIAL_TYPES: &[(&str, i64, &str)] = &[
    ("machine", 1, "Machine"),
    ("scm", 2, "Source Control"),
    ("vault", 3, "Vault"),
    ("net", 4, "Network"),
    ("cloud", 5, "Cloud"),
    ("insights", 6, "Insights"),
    ("kubernetes", 7, "OpenShift or Kubernetes API Bearer Token"),
    ("galaxy", 8, "Ansible Galaxy/Automation Hub API Token"),
    ("registry", 9, "Container Registry"),
    ("external", 10, "External"),
    ("token", 11, "Token"),
];

fn cred_type_counts(tx: &mut Tx<'_>, _a: &JsonArgs<'_>) -> Result<Json> {
    let mut by_kind = std::collections::BTreeMap::new();
    tx.query_each("SELECT kind, count(*) AS n FROM credential GROUP BY kind", &[], |r| {
        by_kind.insert(r.col::<String>("kind")?, r.col::<i64>("n")?);
        Ok(())
    })?;
    let mut m = Map::new();
    for (kind, id, name) in CREDENTIAL_TYPES {
        m.insert(id.to_string(), json!({"name": name, "credential_count": by_kind.remove(*kind).unwrap_or(0), "managed": true}));
    }
    // Kinds this awxm does not know (written by a newer one): numbered after the known ones.
    for (id, (kind, n)) in (CREDENTIAL_TYPES.len() as i64 + 1..).zip(by_kind) {
        m.insert(id.to_string(), json!({"name": kind, "credential_count": n, "managed": false}));
    }
    Ok(Json::Object(m))
}

fn inventory_counts(tx: &mut Tx<'_>, _a: &JsonArgs<'_>) -> Result<Json> {
    let mut sources: std::collections::HashMap<i64, Vec<Json>> = std::collections::HashMap::new();
    tx.query_each(
        "SELECT s.inventory_id, s.name, s.source,
            (SELECT count(*) FROM host_inventory_source his WHERE his.inventory_source_id = s.id) AS num_hosts
         FROM inventory_source s ORDER BY s.inventory_id, s.id",
        &[],
        |r| {
            sources.entry(r.col("inventory_id")?).or_default().push(
                json!({"name": r.col::<String>("name")?, "source": r.col::<String>("source")?, "num_hosts": r.col::<i64>("num_hosts")?}),
            );
            Ok(())
        },
    )?;
    let mut m = Map::new();
    tx.query_each(
        "SELECT i.id, i.name, i.kind, i.total_hosts, (SELECT count(*) FROM host h WHERE h.inventory_id = i.id) AS host_count FROM inventory i ORDER BY i.id",
        &[],
        |r| {
            let id: i64 = r.col("id")?;
            let kind: String = r.col("kind")?;
            let v = if kind == "smart" {
                json!({"name": r.col::<String>("name")?, "kind": kind, "hosts": r.col::<i64>("total_hosts")?, "sources": 0, "source_list": []})
            } else {
                let list = sources.remove(&id).unwrap_or_default();
                json!({"name": r.col::<String>("name")?, "kind": kind, "hosts": r.col::<i64>("host_count")?, "sources": list.len(), "source_list": list})
            };
            m.insert(id.to_string(), v);
            Ok(())
        },
    )?;
    Ok(Json::Object(m))
}

fn projects_by_scm_type(tx: &mut Tx<'_>, _a: &JsonArgs<'_>) -> Result<Json> {
    let mut m = Map::new();
    for t in ["manual", "git", "svn", "insights", "archive"] {
        m.insert(t.into(), json!(0));
    }
    tx.query_each("SELECT scm_type, count(*) AS n FROM project GROUP BY scm_type ORDER BY scm_type", &[], |r| {
        let t: String = r.col("scm_type")?;
        m.insert(if t.is_empty() { "manual".into() } else { t }, json!(r.col::<i64>("n")?));
        Ok(())
    })?;
    Ok(Json::Object(m))
}

fn instance_info(tx: &mut Tx<'_>, _a: &JsonArgs<'_>) -> Result<Json> {
    let mut m = Map::new();
    tx.query_each(
        "SELECT i.hostname, i.uuid, i.version, i.capacity, i.cpu, i.memory, i.managed_by_policy, i.enabled, i.node_type,
            COALESCE((SELECT sum(j.task_impact) FROM job j WHERE j.execution_node = i.hostname AND j.status IN ('running', 'waiting')), 0)
            + (SELECT count(*) FROM project_update p WHERE p.execution_node = i.hostname AND p.status IN ('running', 'waiting'))
            + (SELECT count(*) FROM inventory_update u WHERE u.execution_node = i.hostname AND u.status IN ('running', 'waiting')) AS consumed
         FROM instance i ORDER BY i.hostname",
        &[],
        |r| {
            let hostname: String = r.col("hostname")?;
            let uuid: String = r.col("uuid")?;
            let capacity: i64 = r.col("capacity")?;
            let consumed: i64 = r.col("consumed")?;
            let key = if uuid.is_empty() { hostname } else { uuid.clone() };
            m.insert(
                key,
                json!({
                    "uuid": uuid,
                    "version": r.col::<String>("version")?,
                    "capacity": capacity,
                    "cpu": format!("{:.1}", r.col::<f64>("cpu")?),
                    "memory": r.col::<i64>("memory")?,
                    "managed_by_policy": r.col::<bool>("managed_by_policy")?,
                    "enabled": r.col::<bool>("enabled")?,
                    "consumed_capacity": consumed,
                    "remaining_capacity": capacity - consumed,
                    "node_type": r.col::<String>("node_type")?,
                }),
            );
            Ok(())
        },
    )?;
    Ok(Json::Object(m))
}

fn query_info(_tx: &mut Tx<'_>, a: &JsonArgs<'_>) -> Result<Json> {
    Ok(json!({
        "last_run": super::csv::python_str(&a.since),
        "current_time": super::csv::python_str(&a.until),
        "collection_type": a.collection_type,
    }))
}

// ---------------------------------------------------------------- CSV collectors

fn window(start: &Timestamp, end: &Timestamp) -> [Value; 2] {
    [Value::from(start), Value::from(end)]
}

pub const EVENT_COLUMNS: &[&str] = &[
    "id",
    "created",
    "modified",
    "job_created",
    "uuid",
    "parent_uuid",
    "event",
    "task_action",
    "resolved_action",
    "resolved_role",
    "playbook_on_stats",
    "failed",
    "changed",
    "playbook",
    "play",
    "task",
    "role",
    "job_id",
    "host_id",
    "host_name",
    "start",
    "end",
    "duration",
    "warnings",
    "deprecations",
];

/// The parts of `event_data` the events table shows (borrowed: no copies of big results).
#[derive(serde::Deserialize, Default)]
struct EventData<'a> {
    #[serde(borrow, default)]
    task_action: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    resolved_action: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    resolved_role: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    start: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    end: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    duration: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    res: Option<&'a serde_json::value::RawValue>,
}

#[derive(serde::Deserialize, Default)]
struct EventRes<'a> {
    #[serde(borrow, default)]
    warnings: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    deprecations: Option<&'a serde_json::value::RawValue>,
}

/// A JSON value read as PostgreSQL's `jsonb_to_record(...)` reads it into a `text` column: a
/// string's content, any other value's JSON text, NULL for null or absence.
fn json_text(v: Option<&serde_json::value::RawValue>) -> Option<std::borrow::Cow<'_, str>> {
    let raw = v?.get();
    if raw == "null" {
        return None;
    }
    if raw.starts_with('"') {
        return serde_json::from_str::<std::borrow::Cow<'_, str>>(raw).ok();
    }
    Some(std::borrow::Cow::Borrowed(raw))
}

fn opt_text(out: &mut Splitter, v: Option<&str>) {
    match v {
        Some(s) => out.text(s),
        None => out.null(),
    }
}

/// PostgreSQL's jsonb text form: keys ordered by length then bytes, `", "` and `": "`.
pub fn jsonb_text(v: &Json) -> String {
    fn sorted(v: &Json) -> Json {
        match v {
            Json::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.as_bytes().cmp(b.as_bytes())));
                let mut out = Map::new();
                for k in keys {
                    out.insert(k.clone(), sorted(&m[k]));
                }
                Json::Object(out)
            }
            Json::Array(a) => Json::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    let v = sorted(v);
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, JsonbFormatter);
    let _ = serde::Serialize::serialize(&v, &mut ser);
    String::from_utf8(out).unwrap_or_default()
}

struct JsonbFormatter;

impl serde_json::ser::Formatter for JsonbFormatter {
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
}

fn events_table(tx: &mut Tx<'_>, start: &Timestamp, end: &Timestamp, out: &mut Splitter, tick: &mut dyn FnMut()) -> Result<()> {
    // Streamed in index order (modified, id): each slice is one index range scan.
    tx.query_each(
        "SELECT e.id, e.created, e.modified, j.created AS job_created, e.uuid, e.parent_uuid, e.event, e.event_data, e.failed, e.changed,
                e.playbook, e.play, e.task, e.role, e.job_id, e.host_id, e.host_name
         FROM job_event e JOIN job j ON j.id = e.job_id
         WHERE e.modified > $1 AND e.modified <= $2
         ORDER BY e.modified, e.id",
        &window(start, end),
        |r| {
            write_event(r, out)?;
            tick();
            Ok(())
        },
    )?;
    Ok(())
}

fn write_event(r: &Row, out: &mut Splitter) -> Result<()> {
    let event: String = r.col("event")?;
    let data_text = match r.col_value("event_data")? {
        Value::Text(s) => s.as_str(),
        _ => "",
    };
    let data: EventData<'_> = serde_json::from_str(data_text).unwrap_or_default();
    out.value(r.col_value("id")?, Col::Int);
    out.value(r.col_value("created")?, Col::Time);
    out.value(r.col_value("modified")?, Col::Time);
    out.value(r.col_value("job_created")?, Col::Time);
    out.value(r.col_value("uuid")?, Col::Text);
    out.value(r.col_value("parent_uuid")?, Col::Text);
    out.text(&event);
    opt_text(out, json_text(data.task_action).as_deref());
    opt_text(out, json_text(data.resolved_action).as_deref());
    opt_text(out, json_text(data.resolved_role).as_deref());
    if event == "playbook_on_stats" {
        match serde_json::from_str::<Json>(data_text) {
            Ok(Json::Object(mut m)) => {
                m.remove("artifact_data");
                out.text(&jsonb_text(&Json::Object(m)));
            }
            _ => out.null(),
        }
    } else {
        out.null();
    }
    out.value(r.col_value("failed")?, Col::Bool);
    out.value(r.col_value("changed")?, Col::Bool);
    out.value(r.col_value("playbook")?, Col::Text);
    out.value(r.col_value("play")?, Col::Text);
    out.value(r.col_value("task")?, Col::Text);
    out.value(r.col_value("role")?, Col::Text);
    out.opt_int(r.col::<Option<i64>>("job_id")?.map(|id| id * 10 + 1));
    out.value(r.col_value("host_id")?, Col::Int);
    out.value(r.col_value("host_name")?, Col::Text);
    for t in [json_text(data.start), json_text(data.end)] {
        match t.as_deref() {
            Some(s) if super::csv::is_time(s) => out.time(s),
            _ => out.null(),
        }
    }
    opt_text(out, json_text(data.duration).as_deref());
    let res: EventRes<'_> = match data.res {
        Some(raw) if raw.get().starts_with('{') => serde_json::from_str(raw.get()).unwrap_or_default(),
        _ => EventRes::default(),
    };
    opt_text(out, res.warnings.map(|w| w.get()));
    opt_text(out, res.deprecations.map(|d| d.get()));
    out.end_row()
}

pub const UNIFIED_JOB_COLUMNS: &[&str] = &[
    "id",
    "polymorphic_ctype_id",
    "model",
    "organization_id",
    "organization_name",
    "execution_environment_image",
    "inventory_id",
    "inventory_name",
    "created",
    "name",
    "unified_job_template_id",
    "launch_type",
    "schedule_id",
    "execution_node",
    "controller_node",
    "cancel_flag",
    "status",
    "failed",
    "started",
    "finished",
    "elapsed",
    "job_explanation",
    "instance_group_id",
    "installed_collections",
    "ansible_version",
    "forks",
];

const UNIFIED_JOB_TYPES: &[Col] = &[
    Col::Int,
    Col::Int,
    Col::Text,
    Col::Int,
    Col::Text,
    Col::Text,
    Col::Int,
    Col::Text,
    Col::Time,
    Col::Text,
    Col::Int,
    Col::Text,
    Col::Int,
    Col::Text,
    Col::Text,
    Col::Bool,
    Col::Text,
    Col::Bool,
    Col::Time,
    Col::Time,
    Col::Elapsed,
    Col::Text,
    Col::Int,
    Col::Json,
    Col::Text,
    Col::Int,
];

const IN_WINDOW: &str = "((x.created > $1 AND x.created <= $2) OR (x.finished > $1 AND x.finished <= $2)) AND x.launch_type <> 'sync'";

const UNIFIED_JOBS_COUNT: &str = "SELECT
    (SELECT count(*) FROM job x WHERE ((x.created > $1 AND x.created <= $2) OR (x.finished > $1 AND x.finished <= $2)) AND x.launch_type <> 'sync')
  + (SELECT count(*) FROM project_update x WHERE ((x.created > $1 AND x.created <= $2) OR (x.finished > $1 AND x.finished <= $2)) AND x.launch_type <> 'sync')
  + (SELECT count(*) FROM inventory_update x WHERE ((x.created > $1 AND x.created <= $2) OR (x.finished > $1 AND x.finished <= $2)) AND x.launch_type <> 'sync')
  + (SELECT count(*) FROM workflow_job x WHERE ((x.created > $1 AND x.created <= $2) OR (x.finished > $1 AND x.finished <= $2)) AND x.launch_type <> 'sync')";

fn unified_jobs_sql() -> String {
    format!(
        "SELECT * FROM (
            SELECT x.id * 10 + 1 AS id, 101 AS polymorphic_ctype_id, 'job' AS model, x.organization_id AS organization_id,
                   o.name AS organization_name, NULL AS execution_environment_image, x.inventory_id AS inventory_id, inv.name AS inventory_name, x.created AS created, x.name AS name,
                   x.job_template_id * 10 + 1 AS unified_job_template_id, x.launch_type AS launch_type, NULL AS schedule_id, x.execution_node AS execution_node,
                   x.controller_node AS controller_node, x.cancel_flag AS cancel_flag, x.status AS status, x.failed AS failed,
                   x.started AS started, x.finished AS finished, x.elapsed AS elapsed, x.job_explanation AS job_explanation,
                   x.instance_group_id AS instance_group_id, NULL AS installed_collections, NULL AS ansible_version, x.forks AS forks
            FROM job x LEFT JOIN organization o ON o.id = x.organization_id LEFT JOIN inventory inv ON inv.id = x.inventory_id
            WHERE {IN_WINDOW}
          UNION ALL
            SELECT x.id * 10 + 2, 102, 'projectupdate', p.organization_id, o.name, NULL, NULL, NULL, x.created, x.name,
                   x.project_id * 10 + 2, x.launch_type, NULL, x.execution_node, '', x.cancel_flag, x.status, x.failed,
                   x.started, x.finished, x.elapsed, x.job_explanation, NULL, NULL, NULL, NULL
            FROM project_update x LEFT JOIN project p ON p.id = x.project_id LEFT JOIN organization o ON o.id = p.organization_id
            WHERE {IN_WINDOW}
          UNION ALL
            SELECT x.id * 10 + 3, 103, 'inventoryupdate', inv.organization_id, o.name, NULL, x.inventory_id, inv.name, x.created, x.name,
                   x.inventory_source_id * 10 + 3, x.launch_type, NULL, x.execution_node, '', x.cancel_flag, x.status, x.failed,
                   x.started, x.finished, x.elapsed, x.job_explanation, NULL, NULL, NULL, NULL
            FROM inventory_update x LEFT JOIN inventory inv ON inv.id = x.inventory_id LEFT JOIN organization o ON o.id = inv.organization_id
            WHERE {IN_WINDOW}
          UNION ALL
            SELECT x.id * 10 + 4, 104, 'workflowjob', x.organization_id, o.name, NULL, NULL, NULL, x.created, x.name,
                   x.workflow_job_template_id * 10 + 4, x.launch_type, NULL, '', '', x.cancel_flag, x.status, x.failed,
                   x.started, x.finished, x.elapsed, x.job_explanation, NULL, NULL, NULL, NULL
            FROM workflow_job x LEFT JOIN organization o ON o.id = x.organization_id
            WHERE {IN_WINDOW}
        ) u ORDER BY id"
    )
}

/// One CSV row: each of `columns` (the SELECT names them as the CSV header does) read by name.
fn write_typed(r: &Row, columns: &[&str], types: &[Col], out: &mut Splitter) -> Result<()> {
    for (name, col) in columns.iter().zip(types) {
        out.value(r.col_value(name)?, *col);
    }
    out.end_row()
}

fn unified_jobs_table(tx: &mut Tx<'_>, start: &Timestamp, end: &Timestamp, out: &mut Splitter, tick: &mut dyn FnMut()) -> Result<()> {
    tx.query_each(&unified_jobs_sql(), &window(start, end), |r| {
        write_typed(r, UNIFIED_JOB_COLUMNS, UNIFIED_JOB_TYPES, out)?;
        tick();
        Ok(())
    })?;
    Ok(())
}

pub const UJT_COLUMNS: &[&str] = &[
    "id",
    "polymorphic_ctype_id",
    "model",
    "execution_environment_image",
    "created",
    "modified",
    "created_by_id",
    "modified_by_id",
    "name",
    "current_job_id",
    "last_job_id",
    "last_job_failed",
    "last_job_run",
    "next_job_run",
    "next_schedule_id",
    "status",
];

const UJT_TYPES: &[Col] = &[
    Col::Int,
    Col::Int,
    Col::Text,
    Col::Text,
    Col::Time,
    Col::Time,
    Col::Int,
    Col::Int,
    Col::Text,
    Col::Int,
    Col::Int,
    Col::Bool,
    Col::Time,
    Col::Time,
    Col::Int,
    Col::Text,
];

const UJT_SQL: &str = "SELECT * FROM (
    SELECT t.id * 10 + 1 AS id, 201 AS polymorphic_ctype_id, 'jobtemplate' AS model, NULL AS execution_environment_image, t.created AS created, t.modified AS modified,
           NULL AS created_by_id, NULL AS modified_by_id, t.name AS name, t.current_job_id * 10 + 1 AS current_job_id,
           t.last_job_id * 10 + 1 AS last_job_id, t.last_job_failed AS last_job_failed, t.last_job_run AS last_job_run,
           NULL AS next_job_run, NULL AS next_schedule_id, t.status AS status
    FROM job_template t
  UNION ALL
    SELECT p.id * 10 + 2, 202, 'project', NULL, p.created, p.modified, NULL, NULL, p.name, NULL,
           p.last_update_id * 10 + 2, p.last_job_failed, p.last_job_run, NULL, NULL, p.status
    FROM project p
  UNION ALL
    SELECT s.id * 10 + 3, 203, 'inventorysource', NULL, s.created, s.modified, NULL, NULL, s.name, NULL,
           s.last_update_id * 10 + 3, s.last_job_failed, s.last_job_run, NULL, NULL, s.status
    FROM inventory_source s
  UNION ALL
    SELECT w.id * 10 + 4, 204, 'workflowjobtemplate', NULL, w.created, w.modified, NULL, NULL, w.name, NULL,
           w.last_job_id * 10 + 4, w.last_job_failed, w.last_job_run, NULL, NULL, w.status
    FROM workflow_job_template w
  UNION ALL
    SELECT a.id * 10 + 5, 205, 'workflowapprovaltemplate', NULL, a.created, a.modified, NULL, NULL, a.name, NULL,
           NULL, FALSE, NULL, NULL, NULL, 'never updated'
    FROM workflow_approval_template a
) u ORDER BY id";

fn unified_job_template_table(tx: &mut Tx<'_>, _s: &Timestamp, _e: &Timestamp, out: &mut Splitter, tick: &mut dyn FnMut()) -> Result<()> {
    tx.query_each(UJT_SQL, &[], |r| {
        write_typed(r, UJT_COLUMNS, UJT_TYPES, out)?;
        tick();
        Ok(())
    })?;
    Ok(())
}

pub const WJN_COLUMNS: &[&str] = &[
    "id",
    "created",
    "modified",
    "job_id",
    "unified_job_template_id",
    "workflow_job_id",
    "inventory_id",
    "success_nodes",
    "failure_nodes",
    "always_nodes",
    "do_not_run",
    "all_parents_must_converge",
];

pub const WJTN_COLUMNS: &[&str] = &[
    "id",
    "created",
    "modified",
    "unified_job_template_id",
    "workflow_job_template_id",
    "inventory_id",
    "success_nodes",
    "failure_nodes",
    "always_nodes",
    "all_parents_must_converge",
];

/// Consecutive rows of one node (a node LEFT JOINed with its edges) folded into one CSV row.
/// `head` columns (by name) come before the three edge arrays, `tail` after; the edge kind and
/// target are the columns `edge_kind` and `edge_to`.
struct NodeFolder<'a> {
    head: &'a [(&'a str, Col)],
    tail: &'a [(&'a str, Col)],
    current: Option<(Row, [Vec<i64>; 3])>,
}

impl NodeFolder<'_> {
    fn push(&mut self, r: &Row, out: &mut Splitter, tick: &mut dyn FnMut()) -> Result<()> {
        let id: i64 = r.col("id")?;
        let same = matches!(&self.current, Some((row, _)) if row.col::<i64>("id").ok() == Some(id));
        if !same {
            self.flush(out, tick)?;
            self.current = Some((r.clone(), [Vec::new(), Vec::new(), Vec::new()]));
        }
        let kind: Option<String> = r.col("edge_kind")?;
        let to: Option<i64> = r.col("edge_to")?;
        if let (Some(kind), Some(to), Some((_, edges))) = (kind, to, self.current.as_mut()) {
            let slot = match kind.as_str() {
                "success" => 0,
                "failure" => 1,
                _ => 2,
            };
            edges[slot].push(to);
        }
        Ok(())
    }

    fn flush(&mut self, out: &mut Splitter, tick: &mut dyn FnMut()) -> Result<()> {
        if let Some((row, mut edges)) = self.current.take() {
            for (name, col) in self.head {
                out.value(row.col_value(name)?, *col);
            }
            for e in edges.iter_mut() {
                e.sort_unstable();
                e.dedup();
                out.id_array(e);
            }
            for (name, col) in self.tail {
                out.value(row.col_value(name)?, *col);
            }
            out.end_row()?;
            tick();
        }
        Ok(())
    }
}

fn workflow_job_node_table(tx: &mut Tx<'_>, start: &Timestamp, end: &Timestamp, out: &mut Splitter, tick: &mut dyn FnMut()) -> Result<()> {
    let mut f = NodeFolder {
        head: &[
            ("id", Col::Int),
            ("created", Col::Time),
            ("modified", Col::Time),
            ("job_id", Col::Int),
            ("unified_job_template_id", Col::Int),
            ("workflow_job_id", Col::Int),
            ("inventory_id", Col::Int),
        ],
        tail: &[("do_not_run", Col::Bool), ("all_parents_must_converge", Col::Bool)],
        current: None,
    };
    tx.query_each(
        "SELECT n.id, n.created, n.modified,
            CASE n.job_type WHEN 'job' THEN n.job_id * 10 + 1 WHEN 'project_update' THEN n.job_id * 10 + 2
                 WHEN 'inventory_update' THEN n.job_id * 10 + 3 WHEN 'workflow_job' THEN n.job_id * 10 + 4 ELSE NULL END AS job_id,
            CASE n.unified_job_template_type
                 WHEN 'job_template' THEN n.unified_job_template_id * 10 + 1 WHEN 'project' THEN n.unified_job_template_id * 10 + 2
                 WHEN 'inventory_source' THEN n.unified_job_template_id * 10 + 3
                 WHEN 'workflow_job_template' THEN n.unified_job_template_id * 10 + 4
                 WHEN 'workflow_approval_template' THEN n.unified_job_template_id * 10 + 5 ELSE NULL END AS unified_job_template_id,
            n.workflow_job_id * 10 + 4 AS workflow_job_id, NULL AS inventory_id,
            e.kind AS edge_kind, e.to_node_id AS edge_to, n.do_not_run, n.all_parents_must_converge
         FROM workflow_job_node n LEFT JOIN workflow_job_node_edge e ON e.from_node_id = n.id
         WHERE n.modified > $1 AND n.modified <= $2
         ORDER BY n.modified, n.id",
        &window(start, end),
        |r| f.push(r, out, tick),
    )?;
    f.flush(out, tick)
}

fn workflow_job_template_node_table(
    tx: &mut Tx<'_>,
    _s: &Timestamp,
    _e: &Timestamp,
    out: &mut Splitter,
    tick: &mut dyn FnMut(),
) -> Result<()> {
    let mut f = NodeFolder {
        head: &[
            ("id", Col::Int),
            ("created", Col::Time),
            ("modified", Col::Time),
            ("unified_job_template_id", Col::Int),
            ("workflow_job_template_id", Col::Int),
            ("inventory_id", Col::Int),
        ],
        tail: &[("all_parents_must_converge", Col::Bool)],
        current: None,
    };
    tx.query_each(
        "SELECT n.id, n.created, n.modified,
            COALESCE(n.job_template_id * 10 + 1, n.project_id * 10 + 2, n.inventory_source_id * 10 + 3,
                     n.workflow_template_id * 10 + 4, n.approval_template_id * 10 + 5) AS unified_job_template_id,
            n.workflow_job_template_id * 10 + 4 AS workflow_job_template_id, n.inventory_id,
            e.kind AS edge_kind, e.to_node_id AS edge_to, n.all_parents_must_converge
         FROM workflow_job_template_node n LEFT JOIN workflow_node_edge e ON e.from_node_id = n.id
         ORDER BY n.id",
        &[],
        |r| f.push(r, out, tick),
    )?;
    f.flush(out, tick)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonb_orders_keys_like_postgres() {
        let v = json!({"changed": {"h": 1}, "ok": {"h": 2}, "dark": {}});
        assert_eq!(jsonb_text(&v), r#"{"ok": {"h": 2}, "dark": {}, "changed": {"h": 1}}"#);
    }

    #[test]
    fn event_data_text_fields() {
        let d: EventData<'_> =
            serde_json::from_str(r#"{"task_action": "ansible.builtin.ping", "duration": 0.25, "resolved_role": null, "x": [1]}"#).unwrap();
        assert_eq!(json_text(d.task_action).as_deref(), Some("ansible.builtin.ping"));
        assert_eq!(json_text(d.duration).as_deref(), Some("0.25"));
        assert_eq!(json_text(d.resolved_role), None);
        assert_eq!(json_text(d.start), None);
    }

    #[test]
    fn every_collector_has_a_unique_key_and_config_is_first() {
        assert_eq!(COLLECTORS[0].key, "config");
        let mut keys: Vec<&str> = COLLECTORS.iter().map(|c| c.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), COLLECTORS.len());
        for c in COLLECTORS {
            if let Body::Csv(spec) = &c.body {
                assert!(c.key.ends_with("_table"));
                assert_eq!(spec.windowed, spec.count_sql.contains("$1"));
            }
        }
        assert_eq!(UNIFIED_JOB_COLUMNS.len(), UNIFIED_JOB_TYPES.len());
        assert_eq!(UJT_COLUMNS.len(), UJT_TYPES.len());
    }
}
