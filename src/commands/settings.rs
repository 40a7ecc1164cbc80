//! `awxm settings list|get|set|unset`: cluster-wide settings stored in the database.

use std::io::Read;

use serde::Serialize;
use serde_json::Value as Json;

use crate::catalog;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report, cell};
use crate::settings as store;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm settings list
  awxm settings get tower_url_base
  awxm settings set tower_url_base https://awx.example.com
  printf '%s' \"$PASSWORD\" | awxm settings set email_host_password -
  awxm settings unset tower_url_base

VALUE is read as a YAML scalar (true, 25, text) or JSON ({\"a\": 1}) and checked against the
setting's type and range (`settings list --format json` shows them as `allowed`): a value that
does not fit exits 65 and stores nothing. Durations take seconds or 90m, 12h, 7d, 2w, 1h30m. Secret
settings are never taken from the command line: give `-` to read stdin, or leave VALUE out to be
prompted. They are stored encrypted and shown as $encrypted$.

JSON OUTPUT (--format json):
  list: {\"format_version\": 1, \"count\": N, \"items\": [{\"key\": ..., \"value\": ..., \"default\": ..., \"is_set\": bool, \"secret\": bool, \"help\": ..., \"allowed\": ...}]}
  get/set/unset: {\"format_version\": 1, \"key\": ..., \"value\": ..., \"is_set\": bool, \"changed\": bool}")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Every setting with its value and default
    List,
    /// One setting's value
    Get { key: String },
    /// Store a value
    Set {
        key: String,
        /// The value (YAML scalar or JSON); `-` reads stdin; omitted for secrets: prompt
        #[arg(allow_negative_numbers = true)]
        value: Option<String>,
    },
    /// Remove the stored value (the default applies again)
    Unset { key: String },
}

#[derive(Debug, Serialize)]
pub struct SettingRow {
    pub key: String,
    pub value: Json,
    pub default: Json,
    pub is_set: bool,
    pub secret: bool,
    pub help: String,
    /// The values the setting takes (type and range).
    pub allowed: String,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum SettingsReport {
    List {
        count: usize,
        #[serde(rename = "items")]
        settings: Vec<SettingRow>,
    },
    One {
        key: String,
        value: Json,
        is_set: bool,
        changed: bool,
    },
}

impl Report for SettingsReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            SettingsReport::List { settings, .. } => out.table(
                &["KEY", "VALUE", "SET", "DESCRIPTION"],
                settings
                    .iter()
                    .map(|s| vec![s.key.clone(), cell(&s.value), if s.is_set { "yes".into() } else { "default".into() }, s.help.clone()]),
            ),
            SettingsReport::One { value, .. } => out.line(cell(value)),
        }
    }
}

fn parse_value(text: &str) -> Result<Json> {
    crate::yaml::parse_one(text, "<value>")
}

pub fn run(ctx: &Ctx, args: Args) -> Result<SettingsReport> {
    let mut db = ctx.db()?;
    match args.action {
        Action::List => {
            let rows = db.read(|tx| {
                let mut rows = Vec::new();
                let mut defs = catalog::ALL.to_vec();
                defs.sort_by_key(|d| d.key);
                for d in defs {
                    let v = store::value(tx, &ctx.secrets, d)?;
                    rows.push(SettingRow {
                        key: d.key.into(),
                        value: store::display(d, &v),
                        default: store::default_of(d),
                        is_set: store::is_set(tx, d)?,
                        secret: d.secret,
                        help: d.help.into(),
                        allowed: d.kind.allowed(),
                    });
                }
                Ok(rows)
            })?;
            Ok(SettingsReport::List { count: rows.len(), settings: rows })
        }
        Action::Get { key } => db.read(|tx| {
            let d = catalog::known(&key)?;
            let v = store::value(tx, &ctx.secrets, d)?;
            Ok(SettingsReport::One { value: store::display(d, &v), is_set: store::is_set(tx, d)?, key, changed: false })
        }),
        Action::Set { key, value } => {
            let d = catalog::known(&key)?;
            let text = match value.as_deref() {
                Some("-") => {
                    let mut s = String::new();
                    std::io::stdin().read_to_string(&mut s).map_err(|e| Error::io(format!("reading stdin: {e}")))?;
                    s.trim_end_matches(['\n', '\r']).to_string()
                }
                Some(v) if d.secret => {
                    let _ = v;
                    return Err(Error::usage(format!(
                        "{key} is secret and is never taken from the command line; use `awxm settings set {key} -` and give it on stdin, or leave the value out to be prompted"
                    )));
                }
                Some(v) => v.to_string(),
                None if d.secret => {
                    if !crate::output::can_prompt() {
                        return Err(Error::usage(format!("no value for {key}: give `-` to read it from stdin")));
                    }
                    dialoguer::Password::new()
                        .with_prompt(format!("Value for {key}"))
                        .interact()
                        .map_err(|e| Error::new(crate::error::ErrorKind::Interrupted, format!("prompt aborted: {e}")))?
                }
                None => return Err(Error::usage(format!("no value given for {key}"))),
            };
            // Secrets are stored as the text given; other values are typed like YAML.
            let v = if d.secret { Json::String(text) } else { parse_value(&text)? };
            // Checked before the database is touched: a bad value writes nothing (exit 65).
            let v = store::check(d, &v).map_err(|p| Error::data(format!("setting {key}: {p}")))?;
            let changed = db.write(|tx| store::store(tx, &ctx.secrets, d, &v))?;
            Ok(SettingsReport::One { value: store::display(d, &v), key, is_set: true, changed })
        }
        Action::Unset { key } => {
            let d = catalog::known(&key)?;
            let changed = db.write(|tx| store::unset(tx, d))?;
            let v = store::default_of(d);
            Ok(SettingsReport::One { key, value: v, is_set: false, changed })
        }
    }
}
