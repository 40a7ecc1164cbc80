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
}

const fn def(key: &'static str, default: &'static str, secret: bool, help: &'static str) -> SettingDef {
    SettingDef { key, default, secret, help }
}

/// Settings of the foundation and of subsystems without their own module yet.
pub const CORE: &[SettingDef] = &[
    def("install_uuid", "\"\"", false, "Unique id of this installation (set on first use)"),
    def("tower_url_base", "\"https://awxm.example.com\"", false, "Base URL used in notifications"),
    def("projects_root", "\"\"", false, "Where project checkouts live (empty: <data_dir>/projects)"),
    def("job_output_dir", "\"\"", false, "Where downloaded job output files are buffered (empty: <data_dir>/job_output)"),
    def("ssh_known_hosts", "\"\"", false, "known_hosts file used to verify nodes' SSH host keys"),
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
            let v: Json = r.get(0)?;
            let encrypted: bool = r.get(1)?;
            if encrypted {
                let plain = secrets.decrypt(v.as_str().unwrap_or_default(), key)?;
                Ok(serde_json::from_str(&plain).unwrap_or(Json::String(plain)))
            } else {
                Ok(v)
            }
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
            n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)).ok_or_else(|| Error::data(format!("setting {key} is not an integer")))
        }
        Json::String(s) => s.trim().parse().map_err(|_| Error::data(format!("setting {key} is not an integer: {s:?}"))),
        Json::Null => Ok(0),
        other => Err(Error::data(format!("setting {key} is not an integer: {other}"))),
    }
}

pub fn get_f64(tx: &mut Tx<'_>, secrets: &Secrets, key: &str) -> Result<f64> {
    match get(tx, secrets, key)? {
        Json::Number(n) => n.as_f64().ok_or_else(|| Error::data(format!("setting {key} is not a number"))),
        Json::String(s) => s.trim().parse().map_err(|_| Error::data(format!("setting {key} is not a number: {s:?}"))),
        Json::Null => Ok(0.0),
        other => Err(Error::data(format!("setting {key} is not a number: {other}"))),
    }
}

/// Store `value` for `key` (encrypting secrets). Returns whether anything changed.
pub fn set(tx: &mut Tx<'_>, secrets: &Secrets, key: &str, value: &Json) -> Result<bool> {
    let d = known(key)?;
    if d.secret && value.as_str() == Some(REDACTED) {
        return Ok(false);
    }
    let old = tx.query_opt("SELECT value, encrypted FROM setting WHERE key = $1", crate::params![key])?;
    if let Some(r) = &old {
        let current = get(tx, secrets, key)?;
        let _ = r;
        if &current == value {
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
