//! Cluster-wide settings stored in the database (`setting` table, one JSON value per key).
//!
//! Keys keep AWX's names in lower case so an AWX admin recognises them. Each setting is a
//! static [`Setting<T>`] defined in the module that uses it (`runner::job::MAX_FORKS`,
//! `cluster::AWX_ISOLATED_USERNAME`, …) with its default, whether it is secret (stored encrypted
//! like credential inputs and shown as `$encrypted$`), its [`Kind`] and a one-line description
//! shown by `awxm settings list`. Code reads one with [`get`], typed by the static:
//! `settings::get(tx, secrets, &MAX_FORKS)?` is an `i64`. The list of every setting (for
//! `awxm settings` and its key lookup) is [`crate::catalog`]; this module imports none of its users.

use std::marker::PhantomData;

use serde_json::{Map, Value as Json};

use crate::crypto::{REDACTED, Secrets};
use crate::db::Tx;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy)]
pub struct SettingDef {
    pub key: &'static str,
    /// Default as JSON text.
    pub default: &'static str,
    pub secret: bool,
    pub help: &'static str,
    /// The values allowed: checked by `awxm settings set` (exit 65) and when a stored value is
    /// read (exit 78).
    pub kind: Kind,
}

/// What a setting may hold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Text (numbers given are kept as their text).
    Text,
    /// true or false, in one of the forms AWX accepts (true/false, yes/no, on/off, 1/0, t/f, y/n).
    Bool,
    /// A whole number in `min..=max`.
    Int { min: i64, max: i64 },
    /// Like `Int`, or null (not set).
    OptInt { min: i64, max: i64 },
    /// Seconds in `min..=max`: a number, or a duration such as `12h` (stored as seconds).
    /// `whole`: fractions of a second are refused.
    Seconds { min: f64, max: f64, whole: bool },
    /// Text restricted to these values.
    Choice(&'static [&'static str]),
    /// An absolute path, or empty (the default): a relative one would depend on the directory
    /// each run starts in (cron, a service, a shell).
    Path,
    /// A mapping.
    Map,
    /// Any JSON value (bookkeeping, lists).
    Any,
}

/// The largest whole number a setting holds (AWX's integer columns): 2^31 − 1.
pub const INT_MAX: i64 = i32::MAX as i64;
/// Seconds up to [`crate::time::MAX_SECONDS`], whole.
pub const SECONDS: Kind = Kind::Seconds { min: 0.0, max: crate::time::MAX_SECONDS as f64, whole: true };
/// A count from 0.
pub const COUNT: Kind = Kind::Int { min: 0, max: INT_MAX };

/// A setting whose value reads as `T` (see [`Typed`] for which kinds give which type).
/// Declared as a static in the module that uses it and listed once in [`crate::catalog`]:
///
/// ```
/// use awxm::settings::{self, Setting};
/// pub static MAX_FORKS: Setting<i64> = Setting::new("max_forks", "200", settings::COUNT, "Upper limit for a job's forks");
/// // let forks: i64 = settings::get(tx, secrets, &MAX_FORKS)?;
/// ```
///
/// A type that does not fit the kind (`Setting<bool>` of an `Int`) does not compile:
///
/// ```compile_fail
/// use awxm::settings::{Kind, Setting};
/// pub static MAX_FORKS: Setting<bool> = Setting::new("max_forks", "200", Kind::Int { min: 0, max: 9 }, "");
/// ```
#[derive(Debug)]
pub struct Setting<T> {
    pub def: SettingDef,
    ty: PhantomData<fn() -> T>,
}

impl<T: Typed> Setting<T> {
    /// `default` is JSON text (`"200"`, `"\"template\""`, `"null"`).
    pub const fn new(key: &'static str, default: &'static str, kind: Kind, help: &'static str) -> Self {
        assert!(T::KINDS & kind.bit() != 0, "the setting's Rust type does not fit its kind");
        Setting { def: SettingDef { key, default, secret: false, help, kind }, ty: PhantomData }
    }

    /// A secret setting: stored encrypted, shown as `$encrypted$`, never taken from the command line.
    pub const fn secret(key: &'static str, default: &'static str, kind: Kind, help: &'static str) -> Self {
        let s = Self::new(key, default, kind, help);
        Setting { def: SettingDef { secret: true, ..s.def }, ty: PhantomData }
    }
}

/// A Rust type a setting reads as. `KINDS`: the kinds (bits of [`Kind::bit`]) whose checked
/// values it decodes. Text and choices read as `String` (null as ""), booleans as `bool`, whole
/// numbers and whole seconds as `i64`, any seconds or numbers as `f64`, `OptInt` as
/// `Option<i64>`, mappings as a JSON map, `Any` as JSON.
pub trait Typed: Sized {
    const KINDS: u16;
    /// The value of a checked (normalised) JSON value.
    fn decode(v: Json) -> Option<Self>;
    fn encode(self) -> Json;
}

impl Kind {
    /// One bit per kind (whole and fractional seconds apart), for [`Typed::KINDS`].
    pub const fn bit(&self) -> u16 {
        match self {
            Kind::Text => 1,
            Kind::Bool => 2,
            Kind::Int { .. } => 4,
            Kind::OptInt { .. } => 8,
            Kind::Seconds { whole: true, .. } => 16,
            Kind::Seconds { whole: false, .. } => 32,
            Kind::Choice(_) => 64,
            Kind::Map => 128,
            Kind::Any => 256,
            Kind::Path => 512,
        }
    }
}

impl Typed for String {
    const KINDS: u16 = 1 | 64 | 512;
    fn decode(v: Json) -> Option<Self> {
        match v {
            Json::String(s) => Some(s),
            Json::Null => Some(String::new()),
            _ => None,
        }
    }
    fn encode(self) -> Json {
        Json::String(self)
    }
}

impl Typed for bool {
    const KINDS: u16 = 2;
    fn decode(v: Json) -> Option<Self> {
        v.as_bool()
    }
    fn encode(self) -> Json {
        Json::Bool(self)
    }
}

impl Typed for i64 {
    const KINDS: u16 = 4 | 16;
    fn decode(v: Json) -> Option<Self> {
        v.as_i64()
    }
    fn encode(self) -> Json {
        Json::from(self)
    }
}

impl Typed for f64 {
    const KINDS: u16 = 4 | 16 | 32;
    fn decode(v: Json) -> Option<Self> {
        v.as_f64()
    }
    fn encode(self) -> Json {
        serde_json::Number::from_f64(self).map(Json::Number).unwrap_or(Json::Null)
    }
}

impl Typed for Option<i64> {
    const KINDS: u16 = 8;
    fn decode(v: Json) -> Option<Self> {
        if v.is_null() { Some(None) } else { v.as_i64().map(Some) }
    }
    fn encode(self) -> Json {
        self.map(Json::from).unwrap_or(Json::Null)
    }
}

impl Typed for Map<String, Json> {
    const KINDS: u16 = 128;
    fn decode(v: Json) -> Option<Self> {
        match v {
            Json::Object(m) => Some(m),
            _ => None,
        }
    }
    fn encode(self) -> Json {
        Json::Object(self)
    }
}

impl Typed for Json {
    const KINDS: u16 = 0x1ff;
    fn decode(v: Json) -> Option<Self> {
        Some(v)
    }
    fn encode(self) -> Json {
        self
    }
}

/// Settings of the foundation.
pub static INSTALL_UUID: Setting<String> =
    Setting::new("install_uuid", "\"\"", Kind::Text, "Unique id of this installation (set on first use)");
pub static TOWER_URL_BASE: Setting<String> =
    Setting::new("tower_url_base", "\"https://awxm.example.com\"", Kind::Text, "Base URL used in notifications");
pub static PROJECTS_ROOT: Setting<String> =
    Setting::new("projects_root", "\"\"", Kind::Path, "Where project checkouts live (empty: <data_dir>/projects)");
pub static JOB_OUTPUT_DIR: Setting<String> =
    Setting::new("job_output_dir", "\"\"", Kind::Path, "Where downloaded job output files are buffered (empty: <data_dir>/job_output)");
pub static SSH_KNOWN_HOSTS: Setting<String> =
    Setting::new("ssh_known_hosts", "\"\"", Kind::Path, "known_hosts file used to verify nodes' SSH host keys");

impl Kind {
    /// What the kind allows, for messages.
    pub fn allowed(&self) -> String {
        match self {
            Kind::Text => "text".into(),
            Kind::Bool => "true or false".into(),
            Kind::Int { min, max } => format!("a whole number from {min} to {max}"),
            Kind::OptInt { min, max } => format!("a whole number from {min} to {max}, or null"),
            Kind::Seconds { min, max, whole } => {
                format!("{}seconds from {min} to {max}, or a duration such as 12h", if *whole { "whole " } else { "" })
            }
            Kind::Choice(options) => format!("one of: {}", options.iter().map(|o| format!("{o:?}")).collect::<Vec<_>>().join(", ")),
            Kind::Map => "a mapping".into(),
            Kind::Any => "any value".into(),
            Kind::Path => "an absolute path, or empty for the default".into(),
        }
    }
}

/// `v` checked against the setting's kind: the value to store (booleans as JSON booleans,
/// durations as seconds, numbers given as text as numbers), or the problem (naming the value
/// and what is allowed).
pub fn check(d: &SettingDef, v: &Json) -> std::result::Result<Json, String> {
    let bad = |what: &str| format!("{v} is {what} (allowed: {})", d.kind.allowed());
    let whole = |n: f64, min: i64, max: i64| -> std::result::Result<Json, String> {
        if !n.is_finite() || n.fract() != 0.0 {
            return Err(bad("not a whole number"));
        }
        // (The magnitude check first: near 2^63 a float cannot tell the bounds apart.)
        if n.abs() >= 9.0e18 || n < min as f64 || n > max as f64 {
            return Err(bad("out of range"));
        }
        Ok(Json::from(n as i64))
    };
    let number = |v: &Json| -> Option<f64> {
        match v {
            Json::Number(n) => n.as_f64(),
            Json::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
    };
    match d.kind {
        Kind::Any => Ok(v.clone()),
        Kind::Text => match v {
            Json::String(_) | Json::Null => Ok(v.clone()),
            Json::Number(_) | Json::Bool(_) => Ok(Json::String(v.to_string())),
            _ => Err(bad("not text")),
        },
        Kind::Path => match v {
            Json::String(s) if s.is_empty() || s.starts_with('/') => Ok(v.clone()),
            Json::Null => Ok(Json::String(String::new())),
            Json::String(_) => Err(bad("not an absolute path")),
            _ => Err(bad("not text")),
        },
        Kind::Map => match v {
            Json::Object(_) => Ok(v.clone()),
            Json::Null => Ok(Json::Object(Default::default())),
            _ => Err(bad("not a mapping")),
        },
        Kind::Bool => {
            let text = match v {
                Json::Bool(b) => return Ok(Json::Bool(*b)),
                Json::Number(n) => n.to_string(),
                Json::String(s) => s.trim().to_ascii_lowercase(),
                _ => return Err(bad("not true or false")),
            };
            match text.as_str() {
                "true" | "t" | "yes" | "y" | "on" | "1" => Ok(Json::Bool(true)),
                "false" | "f" | "no" | "n" | "off" | "0" => Ok(Json::Bool(false)),
                _ => Err(bad("not true or false")),
            }
        }
        Kind::Choice(options) => match v {
            Json::String(s) if options.contains(&s.as_str()) => Ok(v.clone()),
            Json::Null if options.contains(&"") => Ok(Json::String(String::new())),
            _ => Err(bad("not allowed")),
        },
        Kind::Int { min, max } | Kind::OptInt { min, max } => {
            if matches!(d.kind, Kind::OptInt { .. }) && (v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty())) {
                return Ok(Json::Null);
            }
            if let Json::Number(n) = v
                && let Some(i) = n.as_i64()
            {
                return if (min..=max).contains(&i) { Ok(Json::from(i)) } else { Err(bad("out of range")) };
            }
            match number(v) {
                Some(n) => whole(n, min, max),
                None => Err(bad("not a whole number")),
            }
        }
        Kind::Seconds { min, max, whole: want_whole } => {
            let secs = match v {
                Json::Number(n) => n.as_f64(),
                Json::String(s) => crate::time::duration_secs(s),
                _ => None,
            }
            .ok_or_else(|| bad("not a number of seconds"))?;
            if !secs.is_finite() || secs < min || secs > max {
                return Err(bad("out of range"));
            }
            if want_whole {
                whole(secs, min as i64, max as i64)
            } else {
                Ok(serde_json::Number::from_f64(secs).map(Json::Number).unwrap_or(Json::Null))
            }
        }
    }
}

/// A stored value that no longer fits its setting (written by an older awxm or by hand): exit 78.
fn stored_invalid(key: &str, problem: &str) -> Error {
    Error::config(format!("stored setting {key}: {problem}"))
        .detail(format!("fix it with `awxm settings set {key} VALUE`, or `awxm settings unset {key}` for the default"))
}

/// The default as a stored value reads (a duration such as `"7d"` as its seconds).
pub fn default_of(d: &SettingDef) -> Json {
    let raw = serde_json::from_str(d.default).unwrap_or(Json::Null);
    check(d, &raw).unwrap_or(raw)
}

/// The value of `setting`: the stored one (decrypted when secret, checked against its kind:
/// exit 78 when it no longer fits), or its default.
pub fn get<T: Typed>(tx: &mut Tx<'_>, secrets: &Secrets, setting: &Setting<T>) -> Result<T> {
    let d = &setting.def;
    // (Checked again: a default may be given in another form, such as "7d" for seconds.)
    let v = check(d, &value(tx, secrets, d)?).map_err(|p| stored_invalid(d.key, &p))?;
    T::decode(v).ok_or_else(|| stored_invalid(d.key, &format!("not {}", d.kind.allowed())))
}

/// Store `value` for `setting` (checked against its kind; secrets encrypted). Returns whether
/// anything changed.
pub fn set<T: Typed>(tx: &mut Tx<'_>, secrets: &Secrets, setting: &Setting<T>, value: T) -> Result<bool> {
    store(tx, secrets, &setting.def, &value.encode())
}

/// The stored value of `d` as JSON (decrypted when secret, checked), or its default: for code
/// that handles settings whatever their type (`awxm settings`).
pub fn value(tx: &mut Tx<'_>, secrets: &Secrets, d: &SettingDef) -> Result<Json> {
    let key = d.key;
    let row = tx.query_opt("SELECT value, encrypted FROM setting WHERE key = $1", crate::params![key])?;
    match row {
        None => Ok(default_of(d)),
        Some(r) => {
            let v: Json = r.col("value")?;
            let encrypted: bool = r.col("encrypted")?;
            let v = if encrypted {
                let plain = secrets.decrypt(v.as_str().unwrap_or_default(), key)?;
                serde_json::from_str(&plain).unwrap_or(Json::String(plain))
            } else {
                v
            };
            check(d, &v).map_err(|p| stored_invalid(key, &p))
        }
    }
}

/// Whether a value is stored (as opposed to the default being in force).
pub fn is_set(tx: &mut Tx<'_>, d: &SettingDef) -> Result<bool> {
    Ok(tx.scalar_opt::<String>("SELECT key FROM setting WHERE key = $1", crate::params![d.key])?.is_some())
}

/// Store `value` for `d` (checked against its kind, exit 65; secrets encrypted). Returns
/// whether anything changed.
pub fn store(tx: &mut Tx<'_>, secrets: &Secrets, d: &SettingDef, value: &Json) -> Result<bool> {
    let key = d.key;
    if d.secret && value.as_str() == Some(REDACTED) {
        return Ok(false);
    }
    let checked = check(d, value).map_err(|p| Error::data(format!("setting {key}: {p}")))?;
    let value = &checked;
    // A URL setting is stored and shown as it is: a password inside it would be in clear.
    if crate::crypto::url::is_url_key(key)
        && let Some(url) = value.as_str()
        && crate::crypto::url::has_password(url)
    {
        return Err(Error::data(format!(
            "setting {key}: the URL holds a password, which would be stored and shown in clear; give the URL without it and the password in its own setting"
        )));
    }
    // A stored value that no longer fits (exit 78 when read) is simply replaced.
    if is_set(tx, d)? && self::value(tx, secrets, d).ok().as_ref() == Some(value) {
        return Ok(false);
    }
    let (stored, encrypted) = if d.secret {
        let plain = match value {
            Json::String(s) => s.clone(),
            other => other.to_string(),
        };
        (Json::String(secrets.encrypt(&plain, key)?), true)
    } else {
        (value.clone(), false)
    };
    tx.execute(
        "INSERT INTO setting (key, value, encrypted, modified) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, encrypted = excluded.encrypted, modified = excluded.modified",
        crate::params![key, stored.to_string(), encrypted, crate::time::now_str()],
    )?;
    Ok(true)
}

/// Internal bookkeeping values (not in the registry): analytics last-entry times, alert state …
pub fn get_internal(tx: &mut Tx<'_>, key: &str) -> Result<Option<Json>> {
    tx.scalar_opt::<Json>("SELECT value FROM setting WHERE key = $1", crate::params![key])
}

/// Remove an internal key; true when it was there.
pub fn unset_internal(tx: &mut Tx<'_>, key: &str) -> Result<bool> {
    Ok(tx.execute("DELETE FROM setting WHERE key = $1", crate::params![key])? > 0)
}

pub fn set_internal(tx: &mut Tx<'_>, key: &str, value: &Json) -> Result<()> {
    tx.execute(
        "INSERT INTO setting (key, value, encrypted, modified) VALUES ($1, $2, FALSE, $3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, modified = excluded.modified",
        crate::params![key, value.to_string(), crate::time::now_str()],
    )?;
    Ok(())
}

/// Remove the stored value (the default is back in force). Returns whether a value was removed.
pub fn unset(tx: &mut Tx<'_>, d: &SettingDef) -> Result<bool> {
    unset_internal(tx, d.key)
}

/// How a value is shown: secrets as `$encrypted$`, and so is a password inside a URL setting
/// (one stored before `settings set` refused them).
pub fn display(d: &SettingDef, v: &Json) -> Json {
    if d.secret && !v.is_null() && v.as_str() != Some("") {
        return Json::String(REDACTED.to_string());
    }
    match v.as_str() {
        Some(url) if crate::crypto::url::is_url_key(d.key) => Json::String(crate::crypto::url::shown(url)),
        _ => v.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{Db, DbOptions};

    static WHOLE: Setting<i64> = Setting::new("license_alert_interval", "\"7d\"", SECONDS, "");
    static FRACTION: Setting<f64> =
        Setting::new("job_termination_grace_period", "5", Kind::Seconds { min: 0.0, max: 60.0, whole: false }, "");
    static OPT: Setting<Option<i64>> = Setting::new("system_task_abs_cpu", "null", Kind::OptInt { min: 0, max: 9 }, "");
    static MAP: Setting<Map<String, Json>> = Setting::new("awx_task_env", "{}", Kind::Map, "");
    static SECRET: Setting<String> = Setting::secret("email_host_password", "\"\"", Kind::Text, "");

    #[test]
    fn paths_are_absolute_or_empty() {
        let d = &JOB_OUTPUT_DIR.def;
        assert_eq!(check(d, &Json::from("/var/lib/awxm/out")), Ok(Json::from("/var/lib/awxm/out")));
        assert_eq!(check(d, &Json::from("")), Ok(Json::from("")));
        assert_eq!(check(d, &Json::Null), Ok(Json::from("")));
        for rel in [".", "out", "./out", "~/out"] {
            let e = check(d, &Json::from(rel)).unwrap_err();
            assert!(e.contains("not an absolute path"), "{rel}: {e}");
        }
    }

    #[test]
    fn typed_reads_and_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display()), DbOptions::default()).unwrap();
        let secrets = Secrets::new(dir.path().join("key"));
        db.write(|tx| {
            // Defaults, in their Rust type (a duration default in seconds).
            assert_eq!(get(tx, &secrets, &WHOLE)?, 7 * 86400);
            assert_eq!(get(tx, &secrets, &FRACTION)?, 5.0);
            assert_eq!(get(tx, &secrets, &OPT)?, None);
            assert!(get(tx, &secrets, &MAP)?.is_empty());
            assert_eq!(get(tx, &secrets, &SECRET)?, "");
            // Stored values, checked by the kind.
            assert!(set(tx, &secrets, &WHOLE, 5400)?);
            assert!(!set(tx, &secrets, &WHOLE, 5400)?);
            assert_eq!(get(tx, &secrets, &WHOLE)?, 5400);
            assert!(set(tx, &secrets, &FRACTION, 0.5)?);
            assert_eq!(get(tx, &secrets, &FRACTION)?, 0.5);
            assert!(set(tx, &secrets, &FRACTION, 61.0).unwrap_err().message.contains("out of range"));
            assert!(set(tx, &secrets, &OPT, Some(3))?);
            assert_eq!(get(tx, &secrets, &OPT)?, Some(3));
            assert!(set(tx, &secrets, &SECRET, "pw".to_string())?);
            assert_eq!(get(tx, &secrets, &SECRET)?, "pw");
            let raw: String = tx.scalar("SELECT value FROM setting WHERE key = 'email_host_password'", &[])?;
            assert!(!raw.contains("pw\""), "{raw}");
            // A stored value that no longer fits is a configuration error (exit 78).
            tx.execute("UPDATE setting SET value = '\"soon\"' WHERE key = 'license_alert_interval'", &[])?;
            let e = get(tx, &secrets, &WHOLE).unwrap_err();
            assert_eq!(e.kind, crate::error::ErrorKind::Config);
            assert!(e.message.contains("stored setting license_alert_interval"), "{}", e.message);
            Ok(())
        })
        .unwrap();
    }
}
