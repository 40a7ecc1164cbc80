//! Cluster-wide settings stored in the database (`setting` table, one JSON value per key).
//!
//! Keys keep AWX's names in lower case so an AWX admin recognises them. Every known key is
//! declared in a registry (each domain module contributes its own slice to [`registry`]) with
//! its default, whether it is secret (stored encrypted like credential inputs and shown as
//! `$encrypted$`), and a one-line description shown by `awxm settings list`.

use serde_json::Value as Json;

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

const fn def(key: &'static str, default: &'static str, kind: Kind, help: &'static str) -> SettingDef {
    SettingDef { key, default, secret: false, help, kind }
}

/// Settings of the foundation and of subsystems without their own module yet.
pub const CORE: &[SettingDef] = &[
    def("install_uuid", "\"\"", Kind::Text, "Unique id of this installation (set on first use)"),
    def("tower_url_base", "\"https://awxm.example.com\"", Kind::Text, "Base URL used in notifications"),
    def("projects_root", "\"\"", Kind::Text, "Where project checkouts live (empty: <data_dir>/projects)"),
    def("job_output_dir", "\"\"", Kind::Text, "Where downloaded job output files are buffered (empty: <data_dir>/job_output)"),
    def("ssh_known_hosts", "\"\"", Kind::Text, "known_hosts file used to verify nodes' SSH host keys"),
];

/// Every known setting.
pub fn registry() -> Vec<SettingDef> {
    let mut all = CORE.to_vec();
    all.extend_from_slice(crate::inventory::run::SETTINGS);
    all.extend_from_slice(crate::runner::SETTINGS);
    all.extend_from_slice(crate::runner::job::REMOTE_SETTINGS);
    all.extend_from_slice(crate::cluster::SETTINGS);
    all.extend_from_slice(crate::license::SETTINGS);
    all.extend_from_slice(crate::notifications::SETTINGS);
    all.extend_from_slice(crate::analytics::SETTINGS);
    all.extend_from_slice(crate::cleanup::SETTINGS);
    all
}

pub fn lookup(key: &str) -> Option<SettingDef> {
    registry().into_iter().find(|d| d.key == key)
}

/// Refuse unknown keys, suggesting near matches.
pub fn known(key: &str) -> Result<SettingDef> {
    lookup(key).ok_or_else(|| {
        let near: Vec<&str> =
            registry().iter().map(|d| d.key).filter(|k| k.contains(key) || key.contains(k) || shared_prefix(k, key) >= 6).collect();
        let mut e = Error::data(format!("unknown setting {key:?}"));
        if !near.is_empty() {
            e = e.detail(format!("did you mean: {}", near.join(", ")));
        }
        e.detail("`awxm settings list` shows every setting")
    })
}

fn shared_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

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

fn default_of(d: &SettingDef) -> Json {
    serde_json::from_str(d.default).unwrap_or(Json::Null)
}

/// The stored value of `key` (decrypted when secret), or its default.
pub fn get(tx: &mut Tx<'_>, secrets: &Secrets, key: &str) -> Result<Json> {
    let d = known(key)?;
    let row = tx.query_opt("SELECT value, encrypted FROM setting WHERE key = $1", crate::params![key])?;
    match row {
        None => Ok(default_of(&d)),
        Some(r) => {
            let v: Json = r.col("value")?;
            let encrypted: bool = r.col("encrypted")?;
            let v = if encrypted {
                let plain = secrets.decrypt(v.as_str().unwrap_or_default(), key)?;
                serde_json::from_str(&plain).unwrap_or(Json::String(plain))
            } else {
                v
            };
            check(&d, &v).map_err(|p| stored_invalid(key, &p))
        }
    }
}

/// Whether a value is stored (as opposed to the default being in force).
pub fn is_set(tx: &mut Tx<'_>, key: &str) -> Result<bool> {
    Ok(tx.scalar_opt::<String>("SELECT key FROM setting WHERE key = $1", crate::params![key])?.is_some())
}

pub fn get_str(tx: &mut Tx<'_>, secrets: &Secrets, key: &str) -> Result<String> {
    Ok(match get(tx, secrets, key)? {
        Json::Null => String::new(),
        Json::String(s) => s,
        other => other.to_string(),
    })
}

pub fn get_bool(tx: &mut Tx<'_>, secrets: &Secrets, key: &str) -> Result<bool> {
    Ok(match get(tx, secrets, key)? {
        Json::Bool(b) => b,
        Json::Number(n) => n.as_i64().unwrap_or(0) != 0,
        Json::String(s) => matches!(s.to_lowercase().as_str(), "true" | "yes" | "on" | "1"),
        _ => false,
    })
}

pub fn get_i64(tx: &mut Tx<'_>, secrets: &Secrets, key: &str) -> Result<i64> {
    match get(tx, secrets, key)? {
        Json::Number(n) => {
            n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)).ok_or_else(|| Error::config(format!("setting {key} is not an integer")))
        }
        Json::String(s) => s.trim().parse().map_err(|_| Error::config(format!("setting {key} is not an integer: {s:?}"))),
        Json::Null => Ok(0),
        other => Err(Error::config(format!("setting {key} is not an integer: {other}"))),
    }
}

pub fn get_f64(tx: &mut Tx<'_>, secrets: &Secrets, key: &str) -> Result<f64> {
    match get(tx, secrets, key)? {
        Json::Number(n) => n.as_f64().ok_or_else(|| Error::config(format!("setting {key} is not a number"))),
        Json::String(s) => s.trim().parse().map_err(|_| Error::config(format!("setting {key} is not a number: {s:?}"))),
        Json::Null => Ok(0.0),
        other => Err(Error::config(format!("setting {key} is not a number: {other}"))),
    }
}

/// Store `value` for `key` (encrypting secrets). Returns whether anything changed.
pub fn set(tx: &mut Tx<'_>, secrets: &Secrets, key: &str, value: &Json) -> Result<bool> {
    let d = known(key)?;
    if d.secret && value.as_str() == Some(REDACTED) {
        return Ok(false);
    }
    let checked = check(&d, value).map_err(|p| Error::data(format!("setting {key}: {p}")))?;
    let value = &checked;
    let old = tx.query_opt("SELECT value, encrypted FROM setting WHERE key = $1", crate::params![key])?;
    if let Some(r) = &old {
        let _ = r;
        // A stored value that no longer fits (exit 78 when read) is simply replaced.
        if get(tx, secrets, key).ok().as_ref() == Some(value) {
            return Ok(false);
        }
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

pub fn set_internal(tx: &mut Tx<'_>, key: &str, value: &Json) -> Result<()> {
    tx.execute(
        "INSERT INTO setting (key, value, encrypted, modified) VALUES ($1, $2, FALSE, $3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, modified = excluded.modified",
        crate::params![key, value.to_string(), crate::time::now_str()],
    )?;
    Ok(())
}

/// Remove the stored value (the default is back in force). Returns whether a value was removed.
pub fn unset(tx: &mut Tx<'_>, key: &str) -> Result<bool> {
    known(key)?;
    Ok(tx.execute("DELETE FROM setting WHERE key = $1", crate::params![key])? > 0)
}

/// How a value is shown: secrets as `$encrypted$`.
pub fn display(d: &SettingDef, v: &Json) -> Json {
    if d.secret && !v.is_null() && v.as_str() != Some("") { Json::String(REDACTED.to_string()) } else { v.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_default_fits_its_kind() {
        for d in registry() {
            let v = default_of(&d);
            assert!(check(&d, &v).is_ok(), "{}: default {} does not fit {:?}", d.key, d.default, d.kind);
        }
    }

    #[test]
    fn values_are_checked_and_normalised() {
        let k = |key: &str| lookup(key).unwrap();
        assert_eq!(check(&k("max_forks"), &json!("25")), Ok(json!(25)));
        assert!(check(&k("max_forks"), &json!("abc")).unwrap_err().contains("0 to 2147483647"));
        assert!(check(&k("max_forks"), &json!(-1)).unwrap_err().contains("out of range"));
        assert_eq!(check(&k("insights_tracking_state"), &json!("Yes")), Ok(json!(true)));
        assert_eq!(check(&k("insights_tracking_state"), &json!(0)), Ok(json!(false)));
        assert!(check(&k("insights_tracking_state"), &json!("maybe")).unwrap_err().contains("true or false"));
        assert_eq!(check(&k("default_job_timeout"), &json!("2h")), Ok(json!(7200)));
        assert!(check(&k("default_job_timeout"), &json!(1e23)).unwrap_err().contains("out of range"));
        assert!(check(&k("default_job_timeout"), &json!(1.5)).unwrap_err().contains("whole"));
        assert!(check(&k("job_termination_grace_period"), &json!(-5)).is_err());
        assert_eq!(check(&k("job_termination_grace_period"), &json!(0.5)), Ok(json!(0.5)));
        assert!(check(&k("allow_jinja_in_extra_vars"), &json!("sometimes")).is_err());
        assert_eq!(check(&k("system_task_abs_cpu"), &json!("")), Ok(Json::Null));
        assert!(check(&k("awx_task_env"), &json!([1])).is_err());
        assert_eq!(check(&k("tower_url_base"), &json!(5)), Ok(json!("5")));
    }
}
