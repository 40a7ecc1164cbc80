//! Automation Analytics: gather usage data into tarballs in AWX's format and ship them
//! (`awxm gather_analytics`; AWX's `awx/main/analytics/{core,collectors}.py`).
//!
//! One gather: resolve the window ([`window`]), run the JSON collectors into one tarball, then
//! each CSV collector slice by slice (each slice streamed from the database into split CSV
//! parts, one tarball per part, each with `config.json` and `manifest.json`), shipping each
//! tarball as soon as it is written ([`ship`]). Bookkeeping follows AWX HEAD — a per-collector
//! high-water mark in `automation_analytics_last_entries` and `automation_analytics_last_gather`
//! — with its defects fixed:
//! * a failed slice stops its collector, so later slices cannot move the mark past it (AWX
//!   went on and advanced over the hole);
//! * `automation_analytics_last_gather` advances only when everything shipped (AWX advanced it
//!   even after failed uploads);
//! * uploads are retried on 5xx and connection errors, and the exit status tells failure apart
//!   from success (AWX exited 0 either way);
//! * any license collects (AWX refused to gather at all, even `--dry-run`, under its own open
//!   license), and a plain run without `--ship` says that it did not ship;
//! * CSV parts are split *before* they pass the size limit, and the default limit (100 MB) keeps
//!   every tarball under the 100 MB upload limit even before compression.
//!
//! Bookkeeping is committed after each successful upload (an upload cannot be rolled back, so
//! the mark must record it at once); the collection itself only reads.

pub mod collectors;
pub mod csv;
pub mod package;
pub mod ship;
pub mod window;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use serde_json::{Value as Json, json};

use crate::context::Ctx;
use crate::crypto::Secrets;
use crate::db::{Db, Tx};
use crate::error::{Error, ErrorKind, Result};
use crate::settings::{self, Kind, Setting};
use crate::time::{self, Timestamp};
use collectors::{Body, COLLECTORS, Collector, JsonArgs, SystemInfo};
use package::{Member, MemberInfo, Source};

/// The largest `automation_analytics_max_table_size` / `--max-table-size`: 1 TiB.
pub const MAX_TABLE_SIZE: i64 = 1 << 40;

pub const LAST_GATHER: &str = "automation_analytics_last_gather";
pub const LAST_ENTRIES: &str = "automation_analytics_last_entries";

/// Analytics settings (AWX's names in lower case).
pub static INSIGHTS_TRACKING_STATE: Setting<bool> = Setting::new(
    "insights_tracking_state",
    "false",
    Kind::Bool,
    "Gather data for Automation Analytics; required by gather_analytics --ship",
);
pub static AUTOMATION_ANALYTICS_URL: Setting<String> = Setting::new(
    "automation_analytics_url",
    "\"\"",
    Kind::Text,
    "Where gather_analytics --ship uploads tarballs (e.g. https://console.redhat.com/api/ingress/v1/upload)",
);
pub static REDHAT_USERNAME: Setting<String> =
    Setting::new("redhat_username", "\"\"", Kind::Text, "User for the HTTP basic auth of analytics uploads");
pub static REDHAT_PASSWORD: Setting<String> =
    Setting::secret("redhat_password", "\"\"", Kind::Text, "Password for the HTTP basic auth of analytics uploads");
pub static SUBSCRIPTIONS_USERNAME: Setting<String> =
    Setting::new("subscriptions_username", "\"\"", Kind::Text, "Upload user used when redhat_username/redhat_password are not set");
pub static SUBSCRIPTIONS_PASSWORD: Setting<String> =
    Setting::secret("subscriptions_password", "\"\"", Kind::Text, "Upload password used when redhat_username/redhat_password are not set");
pub static AUTOMATION_ANALYTICS_GATHER_INTERVAL: Setting<i64> = Setting::new(
    "automation_analytics_gather_interval",
    "14400",
    Kind::Seconds { min: 1800.0, max: crate::time::MAX_SECONDS as f64, whole: true },
    "Seconds between gathers run with --scheduled (at least 1800)",
);
pub static LAST_GATHER_SETTING: Setting<Json> =
    Setting::new(LAST_GATHER, "null", Kind::Any, "End of the last gather whose tarballs all shipped (bookkeeping; unset to start over)");
pub static LAST_ENTRIES_SETTING: Setting<Json> =
    Setting::new(LAST_ENTRIES, "{}", Kind::Any, "Per collector: end of the last slice shipped (bookkeeping; unset to start over)");
pub static INSIGHTS_AGENT_MIME: Setting<String> = Setting::new(
    "insights_agent_mime",
    "\"application/vnd.redhat.tower.tower_payload+tgz\"",
    Kind::Text,
    "Content type of the uploaded file part",
);
pub static INSIGHTS_CERT_PATH: Setting<String> = Setting::new(
    "insights_cert_path",
    "\"\"",
    Kind::Text,
    "PEM bundle of CAs that verify the upload server (empty: the system's trust store)",
);
pub static AUTOMATION_ANALYTICS_CONNECT_TIMEOUT: Setting<f64> = Setting::new(
    "automation_analytics_connect_timeout",
    "31",
    Kind::Seconds { min: 0.0, max: 86400.0, whole: false },
    "Seconds to wait for the upload server to accept a connection",
);
pub static AUTOMATION_ANALYTICS_READ_TIMEOUT: Setting<f64> = Setting::new(
    "automation_analytics_read_timeout",
    "31",
    Kind::Seconds { min: 0.0, max: 86400.0, whole: false },
    "Seconds an upload may wait on one read or write of the connection",
);
pub static AUTOMATION_ANALYTICS_UPLOAD_RETRIES: Setting<i64> = Setting::new(
    "automation_analytics_upload_retries",
    "3",
    Kind::Int { min: 0, max: 100 },
    "Retries of an upload after a 5xx answer or a connection problem",
);
pub static AUTOMATION_ANALYTICS_RETRY_BACKOFF: Setting<f64> = Setting::new(
    "automation_analytics_retry_backoff",
    "2",
    Kind::Seconds { min: 0.0, max: 3600.0, whole: false },
    "Seconds before the first upload retry (doubled for each further one)",
);
pub static AUTOMATION_ANALYTICS_MAX_TABLE_SIZE: Setting<i64> = Setting::new(
    "automation_analytics_max_table_size",
    "100000000",
    Kind::Int { min: 1, max: MAX_TABLE_SIZE },
    "Largest CSV part in bytes; bigger tables are split (keeps each tarball under the upload limit)",
);
pub static SUBSCRIPTION_USAGE_MODEL: Setting<String> = Setting::new(
    "subscription_usage_model",
    "\"\"",
    Kind::Choice(&["", "unique_managed_hosts"]),
    "Reported in config.json (AWX: '' or unique_managed_hosts)",
);

/// gzip level of the tarballs (fast: CSV compresses well even at low levels, and a full gather of
/// a large event table is dominated by compression).
const GZIP_LEVEL: u32 = 1;

/// What the command asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub ship: bool,
    /// Only gather when `automation_analytics_gather_interval` has passed since the last gather.
    pub scheduled: bool,
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub output_dir: Option<PathBuf>,
    pub max_table_size: Option<u64>,
    /// Keep the tarballs even when everything shipped.
    pub keep: bool,
}

/// Settings one gather uses.
#[derive(Debug, Clone)]
struct Conf {
    tracking: bool,
    url: String,
    username: String,
    password: String,
    mime: String,
    cert_path: String,
    connect_timeout: f64,
    read_timeout: f64,
    retries: i64,
    backoff: f64,
    max_table_size: i64,
    interval: i64,
}

fn load_conf(tx: &mut Tx<'_>, s: &Secrets) -> Result<Conf> {
    let mut username = settings::get(tx, s, &REDHAT_USERNAME)?;
    let mut password = settings::get(tx, s, &REDHAT_PASSWORD)?;
    if username.is_empty() || password.is_empty() {
        let su = settings::get(tx, s, &SUBSCRIPTIONS_USERNAME)?;
        let sp = settings::get(tx, s, &SUBSCRIPTIONS_PASSWORD)?;
        if !su.is_empty() && !sp.is_empty() {
            tracing::info!("using subscriptions_username/subscriptions_password for the upload");
            username = su;
            password = sp;
        }
    }
    Ok(Conf {
        tracking: settings::get(tx, s, &INSIGHTS_TRACKING_STATE)?,
        url: settings::get(tx, s, &AUTOMATION_ANALYTICS_URL)?,
        username,
        password,
        mime: settings::get(tx, s, &INSIGHTS_AGENT_MIME)?,
        cert_path: settings::get(tx, s, &INSIGHTS_CERT_PATH)?,
        connect_timeout: settings::get(tx, s, &AUTOMATION_ANALYTICS_CONNECT_TIMEOUT)?,
        read_timeout: settings::get(tx, s, &AUTOMATION_ANALYTICS_READ_TIMEOUT)?,
        retries: settings::get(tx, s, &AUTOMATION_ANALYTICS_UPLOAD_RETRIES)?,
        backoff: settings::get(tx, s, &AUTOMATION_ANALYTICS_RETRY_BACKOFF)?,
        max_table_size: settings::get(tx, s, &AUTOMATION_ANALYTICS_MAX_TABLE_SIZE)?,
        interval: settings::get(tx, s, &AUTOMATION_ANALYTICS_GATHER_INTERVAL)?,
    })
}

fn seconds(key: &str, v: f64) -> Result<Duration> {
    if !v.is_finite() || v < 0.0 {
        return Err(Error::config(format!("setting {key} must be a number of seconds ≥ 0, not {v}")));
    }
    Ok(Duration::from_secs_f64(v))
}

/// The gates of `--ship` (AWX's order: tracking switch, then URL and credentials).
fn shipper(conf: &Conf) -> Result<ship::Shipper> {
    if !conf.tracking {
        return Err(Error::config(
            "Automation Analytics is not enabled (insights_tracking_state is false); use --dry-run to gather locally without sending",
        )
        .detail("enable it with: awxm settings set insights_tracking_state true"));
    }
    if conf.url.is_empty() {
        return Err(Error::config("automation_analytics_url is not set; use --dry-run to gather locally without sending"));
    }
    if !(conf.url.starts_with("https://") || conf.url.starts_with("http://")) {
        return Err(Error::config(format!("automation_analytics_url {:?} is not an http:// or https:// URL", conf.url)));
    }
    if conf.username.is_empty() || conf.password.is_empty() {
        return Err(Error::config(
            "no upload credentials: set redhat_username and redhat_password (or subscriptions_username and subscriptions_password)",
        ));
    }
    let retries = u32::try_from(conf.retries.max(0)).unwrap_or(u32::MAX);
    ship::Shipper::new(ship::ShipConfig {
        url: conf.url.clone(),
        username: conf.username.clone(),
        password: conf.password.clone(),
        mime: conf.mime.clone(),
        ca_bundle: if conf.cert_path.is_empty() { None } else { Some(PathBuf::from(&conf.cert_path)) },
        connect_timeout: seconds("automation_analytics_connect_timeout", conf.connect_timeout)?,
        read_timeout: seconds("automation_analytics_read_timeout", conf.read_timeout)?,
        retries,
        backoff: seconds("automation_analytics_retry_backoff", conf.backoff)?,
    })
}

/// `automation_analytics_last_entries` as collector key → time.
fn read_last_entries(tx: &mut Tx<'_>) -> Result<BTreeMap<String, Timestamp>> {
    let mut out = BTreeMap::new();
    let v = match settings::get_internal(tx, LAST_ENTRIES)? {
        // AWX stores a JSON object inside a text value; accept both.
        Some(Json::String(s)) => serde_json::from_str(&s).unwrap_or(Json::Null),
        Some(v) => v,
        None => Json::Null,
    };
    if let Json::Object(m) = v {
        for (k, v) in m {
            // A stale non-time entry is ignored (AWX falls back the same way).
            if let Some(t) = v.as_str().and_then(time::parse) {
                out.insert(k, t);
            }
        }
    }
    Ok(out)
}

fn read_last_gather(tx: &mut Tx<'_>) -> Result<Option<Timestamp>> {
    Ok(settings::get_internal(tx, LAST_GATHER)?.and_then(|v| v.as_str().and_then(time::parse)))
}

fn write_last_entries(db: &mut Db, entries: &BTreeMap<String, Timestamp>) -> Result<()> {
    let v: serde_json::Map<String, Json> = entries.iter().map(|(k, t)| (k.clone(), Json::String(time::fmt(t)))).collect();
    db.write(|tx| settings::set_internal(tx, LAST_ENTRIES, &Json::Object(v)))
}

/// Move collector `key`'s mark to `t` unless it is already later.
fn advance(db: &mut Db, entries: &mut BTreeMap<String, Timestamp>, key: &str, t: Timestamp) -> Result<()> {
    let new = match entries.get(key) {
        Some(old) if *old >= t => return Ok(()),
        _ => t,
    };
    entries.insert(key.to_string(), new);
    write_last_entries(db, entries)
}

/// The installation's identity: `install_uuid` (created on first use) and the uuid of this node
/// (its instance's uuid when it has one, else the install uuid), plus what config.json reports.
fn system_info(db: &mut Db, ctx: &Ctx) -> Result<SystemInfo> {
    let node = ctx.config.node_name.clone();
    db.write(|tx| {
        let mut install = settings::get(tx, &ctx.secrets, &settings::INSTALL_UUID)?;
        if install.is_empty() {
            install = uuid::Uuid::new_v4().to_string();
            settings::set(tx, &ctx.secrets, &settings::INSTALL_UUID, install.clone())?;
        }
        let node_uuid: Option<String> = tx.scalar_opt("SELECT uuid FROM instance WHERE hostname = $1", crate::params![node.as_str()])?;
        let system_uuid = node_uuid.filter(|u| !u.is_empty()).unwrap_or_else(|| install.clone());
        let license = match settings::get_internal(tx, "license")? {
            Some(Json::String(s)) => serde_json::from_str(&s).unwrap_or(Json::Null),
            Some(v @ Json::Object(_)) => v,
            _ => Json::Null,
        };
        Ok(SystemInfo {
            install_uuid: install,
            system_uuid,
            tower_url_base: settings::get(tx, &ctx.secrets, &settings::TOWER_URL_BASE)?,
            subscription_usage_model: settings::get(tx, &ctx.secrets, &SUBSCRIPTION_USAGE_MODEL)?,
            license,
        })
    })
}

/// One tarball in the report.
#[derive(Debug, Clone, Serialize)]
pub struct TarballReport {
    pub path: String,
    pub size: u64,
    /// The collector(s) whose data it holds (besides config).
    pub collectors: Vec<String>,
    pub members: Vec<MemberInfo>,
    /// The slice `(start, end]` of a CSV tarball.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Rows of a CSV tarball.
    pub rows: Option<u64>,
    pub shipped: bool,
    /// Whether the file is still on disk after the run.
    pub kept: bool,
    pub upload: Option<ship::Outcome>,
}

/// One collector in the report.
#[derive(Debug, Clone, Serialize)]
pub struct CollectorReport {
    pub key: String,
    pub version: String,
    pub format: String,
    pub start: String,
    pub end: String,
    pub slices: usize,
    pub rows: Option<u64>,
    pub tarballs: usize,
    /// Its bookkeeping mark after the run (ship mode).
    pub last_entry: Option<String>,
    /// `ok`, `empty`, `failed` (an upload failed; later slices were not gathered) or `gathered` (dry run).
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GatherReport {
    /// `ship` or `dry_run`.
    pub mode: String,
    /// The collection type: `manual`, `scheduled` or `dry_run` (AWX's `dry-run` in the tarball).
    pub collection_type: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub output_dir: String,
    pub url: Option<String>,
    pub tarballs: Vec<TarballReport>,
    pub collectors: Vec<CollectorReport>,
    pub shipped: usize,
    pub failed: usize,
    /// Set when nothing was gathered, with the reason (e.g. a scheduled run that is not due).
    pub skipped: Option<String>,
    pub last_gather: Option<String>,
    pub warnings: Vec<String>,
    #[serde(skip)]
    pub unreachable_only: bool,
}

impl GatherReport {
    pub fn exit_code(&self) -> u8 {
        if self.failed == 0 {
            0
        } else if self.unreachable_only {
            ErrorKind::Unavailable.exit_code()
        } else {
            ErrorKind::Failure.exit_code()
        }
    }
}

/// Removes the staging directory however the gather ends.
struct Stage(PathBuf);

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn create_private_dir(path: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if path.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(path).map_err(|e| Error::io_at(path, &e))
}

/// Parse `100M`, `2G`, `512KiB`, `1000000` (bytes).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(s.len());
    let (num, unit) = (&s[..split], s[split..].trim());
    let n: f64 = num.parse().ok()?;
    let mult: f64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let v = n * mult;
    if !v.is_finite() || !(1.0..=MAX_TABLE_SIZE as f64).contains(&v) {
        return None;
    }
    Some(v as u64)
}

struct Run<'a> {
    ctx: &'a Ctx,
    db: Db,
    opts: &'a Options,
    shipper: Option<ship::Shipper>,
    dir: PathBuf,
    stage: PathBuf,
    base: String,
    until: Timestamp,
    entries: BTreeMap<String, Timestamp>,
    report: GatherReport,
    any_failed: bool,
    all_unreachable: bool,
}

impl Run<'_> {
    fn cancelled(&self) -> Result<()> {
        if self.ctx.cancelled() {
            return Err(Error::new(ErrorKind::Interrupted, "interrupted; tarballs written so far are kept"));
        }
        Ok(())
    }

    /// Package `members` (+ manifest), ship it in ship mode; returns whether it shipped (true
    /// in a dry run).
    fn package_and_ship(
        &mut self,
        members: &[Member],
        collectors: Vec<String>,
        slice: Option<(Timestamp, Timestamp, u64)>,
    ) -> Result<bool> {
        let built = package::build(&self.dir, &self.stage, &self.base, &self.until, members, GZIP_LEVEL)?;
        let mut t = TarballReport {
            path: built.path.display().to_string(),
            size: built.size,
            collectors,
            members: built.members,
            start: slice.map(|s| time::fmt(&s.0)),
            end: slice.map(|s| time::fmt(&s.1)),
            rows: slice.map(|s| s.2),
            shipped: false,
            kept: true,
            upload: None,
        };
        let mut ok = true;
        if let Some(shipper) = &self.shipper {
            let ctx = self.ctx;
            let outcome = shipper.ship(&built.path, &|| ctx.cancelled());
            ok = outcome.ok;
            t.shipped = outcome.ok;
            if !outcome.ok {
                self.any_failed = true;
                self.all_unreachable &= outcome.unreachable;
                self.ctx.out.warn(format!("{}: {} (kept)", built.path.display(), outcome.error.as_deref().unwrap_or("upload failed")));
            }
            t.upload = Some(outcome);
        }
        self.report.tarballs.push(t);
        Ok(ok)
    }

    fn run_json(&mut self, interval: &window::Interval, info: &SystemInfo, config_json: &Json) -> Result<()> {
        // The tarball carries AWX's spelling (`dry-run`).
        let collection_type = self.report.collection_type.replace('_', "-");
        let mut members = Vec::new();
        let mut keys = Vec::new();
        let jsons: Vec<&Collector> = COLLECTORS.iter().filter(|c| matches!(c.body, Body::Json(_))).collect();
        let entries = self.entries.clone();
        let until = interval.until;
        let docs = self.db.read(|tx| {
            let mut docs = Vec::new();
            for c in &jsons {
                let Body::Json(f) = c.body else { continue };
                let since = interval.start_for(c.key, &entries);
                let v = if c.key == "config" {
                    config_json.clone()
                } else {
                    f(tx, &JsonArgs { since, until, collection_type: &collection_type, info })
                        .map_err(|e| e.context(format!("collector {}", c.key)))?
                };
                docs.push((c, since, v));
            }
            Ok(docs)
        })?;
        for (c, since, v) in &docs {
            members.push(Member {
                name: c.file_name(),
                version: c.version.into(),
                source: Source::Bytes(package::python_json(v).into_bytes()),
            });
            keys.push(c.key.to_string());
            self.report.collectors.push(CollectorReport {
                key: c.key.into(),
                version: c.version.into(),
                format: "json".into(),
                start: time::fmt(since),
                end: time::fmt(&until),
                slices: 1,
                rows: None,
                tarballs: 1,
                last_entry: None,
                status: if self.shipper.is_some() { "failed".into() } else { "gathered".into() },
            });
        }
        let ok = self.package_and_ship(&members, keys.clone(), None)?;
        if self.shipper.is_some() && ok {
            for k in &keys {
                let new = match self.entries.get(k) {
                    Some(old) if *old >= until => *old,
                    _ => until,
                };
                self.entries.insert(k.clone(), new);
            }
            write_last_entries(&mut self.db, &self.entries)?;
            for c in self.report.collectors.iter_mut().filter(|c| c.format == "json") {
                c.status = "ok".into();
                c.last_entry = self.entries.get(&c.key).map(time::fmt);
            }
        }
        Ok(())
    }

    fn run_csv(
        &mut self,
        c: &Collector,
        spec: &collectors::CsvSpec,
        interval: &window::Interval,
        config_bytes: &[u8],
        max: u64,
    ) -> Result<()> {
        let start = interval.start_for(c.key, &self.entries);
        let slices = window::slices(spec.slicing, start, interval.until);
        let mut rep = CollectorReport {
            key: c.key.into(),
            version: c.version.into(),
            format: "csv".into(),
            start: time::fmt(&start),
            end: time::fmt(&interval.until),
            slices: slices.len(),
            rows: Some(0),
            tarballs: 0,
            last_entry: None,
            status: "empty".into(),
        };
        let pb = if self.ctx.out.progress && !slices.is_empty() {
            let total = self.db.read(|tx| {
                if spec.windowed {
                    tx.scalar::<i64>(spec.count_sql, &[crate::db::Value::from(&start), crate::db::Value::from(&interval.until)])
                } else {
                    tx.scalar::<i64>(spec.count_sql, &[])
                }
            })?;
            self.ctx.out.progress(total.max(0) as u64, c.key)
        } else {
            indicatif::ProgressBar::hidden()
        };
        let ship = self.shipper.is_some();
        for (s, e) in slices {
            self.cancelled()?;
            let mut splitter = csv::Splitter::new(&self.stage, &c.file_name(), spec.columns, max);
            let ctx = self.ctx;
            let mut n = 0u64;
            let mut interrupted = false;
            let mut tick = || {
                pb.inc(1);
                n += 1;
                if n.is_multiple_of(4096) && ctx.cancelled() {
                    interrupted = true;
                }
            };
            self.db
                .read(|tx| (spec.run)(tx, &s, &e, &mut splitter, &mut tick))
                .map_err(|err| err.context(format!("collector {} ({} to {})", c.key, time::fmt(&s), time::fmt(&e))))?;
            if interrupted {
                self.cancelled()?;
            }
            let parts = splitter.finish()?;
            if parts.is_empty() {
                if ship {
                    advance(&mut self.db, &mut self.entries, c.key, e)?;
                }
                continue;
            }
            let mut slice_ok = true;
            for part in &parts {
                rep.rows = Some(rep.rows.unwrap_or(0) + part.rows);
                let members = vec![
                    Member { name: c.file_name(), version: c.version.into(), source: Source::File(part.path.clone()) },
                    Member { name: "config.json".into(), version: config_version().into(), source: Source::Bytes(config_bytes.to_vec()) },
                ];
                let ok = self.package_and_ship(&members, vec![c.key.to_string()], Some((s, e, part.rows)));
                let _ = fs_err::remove_file(&part.path);
                rep.tarballs += 1;
                if !ok? {
                    slice_ok = false;
                    break;
                }
            }
            for part in &parts {
                let _ = std::fs::remove_file(&part.path);
            }
            if !slice_ok {
                // Stop this collector: its mark stays at the end of the last slice shipped, so
                // the next run sends this slice again (AWX went on and could skip it).
                rep.status = "failed".into();
                break;
            }
            rep.status = if ship { "ok".into() } else { "gathered".into() };
            if ship {
                advance(&mut self.db, &mut self.entries, c.key, e)?;
            }
        }
        pb.finish_and_clear();
        if ship {
            rep.last_entry = self.entries.get(c.key).map(time::fmt);
        }
        self.report.collectors.push(rep);
        Ok(())
    }
}

fn config_version() -> &'static str {
    COLLECTORS.iter().find(|c| c.key == "config").map(|c| c.version).unwrap_or("1.6")
}

/// Run one gather (see the module docs).
pub fn gather(ctx: &Ctx, opts: &Options) -> Result<GatherReport> {
    let mut db = ctx.db()?;
    let conf = db.read(|tx| load_conf(tx, &ctx.secrets))?;
    let shipper = if opts.ship { Some(shipper(&conf)?) } else { None };
    let collection_type = match (opts.ship, opts.scheduled) {
        (true, true) => "scheduled",
        (true, false) => "manual",
        (false, _) => "dry-run",
    };
    let dir = match &opts.output_dir {
        Some(d) => d.clone(),
        None => ctx.config.data_dir.join("analytics"),
    };
    let mut report = GatherReport {
        mode: if opts.ship { "ship".into() } else { "dry_run".into() },
        collection_type: collection_type.replace('-', "_"),
        since: None,
        until: None,
        output_dir: dir.display().to_string(),
        url: if opts.ship { Some(crate::db::redact_url(&conf.url)) } else { None },
        tarballs: Vec::new(),
        collectors: Vec::new(),
        shipped: 0,
        failed: 0,
        skipped: None,
        last_gather: None,
        warnings: Vec::new(),
        unreachable_only: false,
    };

    // One gather at a time, cluster-wide (the lock lives in the shared database).
    let _lock = db.session_lock("gather_analytics")?;
    ctx.cancel_on_signals()?;
    let now = ctx.now();
    let (stored_last_gather, entries) = db.read(|tx| Ok((read_last_gather(tx)?, read_last_entries(tx)?)))?;
    report.last_gather = stored_last_gather.as_ref().map(time::fmt);

    if opts.scheduled
        && let Some(last) = stored_last_gather
    {
        let interval = conf.interval.max(1800);
        let next = last + chrono::Duration::seconds(interval);
        if now < next {
            report.skipped = Some(format!(
                "not due: the last gather ended at {}, automation_analytics_gather_interval is {interval}s; next after {}",
                time::fmt(&last),
                time::fmt(&next)
            ));
            return Ok(report);
        }
    }

    let computed = window::compute(opts.since, opts.until, now, stored_last_gather);
    for w in &computed.warnings {
        ctx.out.warn(w);
    }
    report.warnings = computed.warnings.clone();
    let Some(interval) = computed.interval else {
        return Err(Error::usage(computed.warnings.last().cloned().unwrap_or_else(|| "empty collection interval".into())));
    };
    report.since = interval.since.as_ref().map(time::fmt);
    report.until = Some(time::fmt(&interval.until));

    let max = match opts.max_table_size {
        Some(m) => m,
        None if conf.max_table_size > 0 => conf.max_table_size as u64,
        None => return Err(Error::config("automation_analytics_max_table_size must be a positive number of bytes")),
    };

    let info = system_info(&mut db, ctx)?;
    create_private_dir(&dir)?;
    let stage_path = dir.join(format!(".stage-{}-{}", std::process::id(), uuid::Uuid::new_v4().simple()));
    create_private_dir(&stage_path)?;
    let _stage = Stage(stage_path.clone());

    let config_json = {
        let Body::Json(f) = COLLECTORS[0].body else { return Err(Error::internal("config collector missing")) };
        let since = interval.start_for("config", &entries);
        db.read(|tx| f(tx, &JsonArgs { since, until: interval.until, collection_type, info: &info }))?
    };
    let config_bytes = package::python_json(&config_json).into_bytes();

    let mut run = Run {
        ctx,
        db,
        opts,
        shipper,
        dir,
        stage: stage_path.clone(),
        base: package::base_name(&info.system_uuid, &interval.until),
        until: interval.until,
        entries,
        report,
        any_failed: false,
        all_unreachable: true,
    };
    run.run_json(&interval, &info, &config_json)?;
    for c in COLLECTORS {
        if let Body::Csv(spec) = &c.body {
            run.run_csv(c, spec, &interval, &config_bytes, max)?;
        }
    }

    let ship = run.shipper.is_some();
    let mut report = run.report;
    report.shipped = report.tarballs.iter().filter(|t| t.shipped).count();
    report.failed = report.tarballs.iter().filter(|t| t.upload.as_ref().is_some_and(|u| !u.ok)).count();
    report.unreachable_only = run.any_failed && run.all_unreachable;
    if ship && !run.any_failed {
        if !run.opts.keep {
            for t in &mut report.tarballs {
                fs_err::remove_file(&t.path)?;
                t.kept = false;
            }
        }
        // Only a gather whose every tarball shipped moves the last-gather time (AWX moved it
        // even after failures).
        if stored_last_gather.is_none_or(|old| interval.until > old) {
            run.db.write(|tx| settings::set_internal(tx, LAST_GATHER, &json!(time::fmt(&interval.until))))?;
            report.last_gather = Some(time::fmt(&interval.until));
        }
    }
    Ok(report)
}
