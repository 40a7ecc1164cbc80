//! `awxm license install|show|remove|keygen|sign`: the installed license and its signing keys.

use std::io::Read;
use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::commands::check_license::{problems, summary_rows};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::license::{self, SigStatus, signature};
use crate::output::{Human, Report, confirm};
use crate::settings;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm license install acme.json         # check (and verify the signature), then store it
  awxm license show
  awxm license remove --yes              # back to open: everything allowed
  awxm license keygen --out signing.pem  # an Ed25519 key pair for signing licenses
  awxm license sign --key signing.pem acme.json > acme.signed.json
  awxm settings set license_public_key 'MCowBQYDK2VwAyEA...'   # then only signed licenses install

A license is a JSON object with AWX's fields:
  {\"subscription_name\": \"ACME ops\", \"sku\": \"AWXM-100\", \"support_level\": \"standard\",
   \"license_type\": \"enterprise\",   # enterprise | trial | developer | open
   \"instance_count\": 100,           # licensed hosts; -1 = unlimited
   \"license_date\": 1893456000,      # expiry: epoch seconds, or \"2030-01-01\"
   \"trial\": false,                  # default: license_type == trial; a trial has no grace period
   \"grace_period\": 2592000,         # optional: seconds (or \"30d\") an expired license keeps working
   \"signature\": \"<base64>\"}         # optional Ed25519 signature
Other fields are kept and shown.

SIGNATURES: the signature covers the document without its `signature` member, keys sorted,
compact JSON (reformatting a signed file keeps it valid). With license_public_key set (base64,
hex or PEM, or a list of keys during a rotation), a license whose signature does not verify is
refused (exit 65), and so is an unsigned one unless license_allow_unsigned is true. The stored
license is checked again on every use: changing the key makes a license signed with the old
key UNLICENSED. Without a key, signatures are not checked. Keys from
`openssl genpkey -algorithm ed25519` work too.

JSON OUTPUT (--format json):
  install/show: {\"format_version\": 1, \"installed\": true, \"license\": {<stored document>},
                 \"validation\": {<check_license fields>}, \"warnings\": [...]}
  remove: {\"format_version\": 1, \"removed\": true}
  keygen: {\"format_version\": 1, \"private_key_file\": \"...\", \"public_key\": \"<base64>\", \"public_key_pem\": \"...\"}
  sign:   {\"format_version\": 1, \"license\": {<signed document>}} (human mode prints the document alone)")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Check a license file (and its signature) and install it
    Install {
        /// The license (JSON); `-` reads stdin
        file: PathBuf,
    },
    /// Show the installed license and its validation
    Show,
    /// Remove the installed license (everything is allowed again: open)
    Remove {
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
    /// Create an Ed25519 key pair for signing licenses
    Keygen {
        /// Where to write the private key (PEM, mode 0600; must not exist)
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Sign a license file with a private key and print the signed document
    Sign {
        /// Private key (PEM from `license keygen` or openssl, or base64)
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// The license (JSON); `-` reads stdin
        file: PathBuf,
    },
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum LicenseReport {
    Shown {
        installed: bool,
        license: Option<Map<String, Json>>,
        validation: Map<String, Json>,
        warnings: Vec<String>,
        #[serde(skip)]
        rows: Vec<(String, String)>,
        #[serde(skip)]
        just_installed: bool,
    },
    Removed {
        removed: bool,
    },
    Keys {
        private_key_file: String,
        public_key: String,
        public_key_pem: String,
    },
    Signed {
        license: Map<String, Json>,
    },
}

impl Report for LicenseReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            LicenseReport::Shown { installed, rows, warnings, just_installed, .. } => {
                if *just_installed {
                    out.line("license installed")?;
                } else if !installed {
                    out.line("no license installed: open (everything allowed)")?;
                    return Ok(());
                }
                out.pairs(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
                for w in warnings {
                    out.line(format!("warning: {w}"))?;
                }
                Ok(())
            }
            LicenseReport::Removed { removed } => {
                out.line(if *removed { "license removed: open (everything allowed)" } else { "no license was installed" })
            }
            LicenseReport::Keys { private_key_file, public_key, .. } => {
                out.line(format!("private key written to {private_key_file} (keep it secret)"))?;
                out.line(format!("public key: {public_key}"))?;
                out.line(format!("to require licenses signed with it: awxm settings set license_public_key '{public_key}'"))
            }
            LicenseReport::Signed { license } => out.line(serde_json::to_string_pretty(license).unwrap_or_default()),
        }
    }
}

fn read_input(path: &PathBuf) -> Result<(String, String)> {
    if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(|e| Error::io(format!("reading stdin: {e}")))?;
        Ok((crate::yaml::utf8_text(b, "<stdin>")?, "<stdin>".into()))
    } else {
        let name = path.display().to_string();
        Ok((crate::yaml::utf8_text(fs_err::read(path)?, &name)?, name))
    }
}

fn shown(doc: Option<Map<String, Json>>, v: &license::Validation, just_installed: bool) -> LicenseReport {
    LicenseReport::Shown {
        installed: doc.is_some(),
        license: doc,
        validation: v.to_map(),
        warnings: problems(v),
        rows: summary_rows(v),
        just_installed,
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<LicenseReport> {
    match args.action {
        Action::Install { file } => {
            let (text, name) = read_input(&file)?;
            let mut db = ctx.db()?;
            db.write(|tx| {
                tx.lock("awxm:license")?;
                let keys = license::public_keys(tx, &ctx.secrets)?;
                let allow = settings::get(tx, &ctx.secrets, &license::LICENSE_ALLOW_UNSIGNED)?;
                let (doc, sig) = license::parse_file(&text, &name, &keys, allow)?;
                if sig == SigStatus::NotChecked {
                    ctx.out.warn("the license is signed, but no license_public_key is set: the signature was not checked");
                }
                settings::set_internal(tx, license::STORE_KEY, &Json::Object(doc.clone()))?;
                let hosts = license::count_hosts(tx)?;
                let v = license::validate(Some(&doc), Ok(sig), hosts, crate::time::now().timestamp());
                Ok(shown(Some(doc), &v, true))
            })
        }
        Action::Show => {
            let mut db = ctx.db()?;
            db.read(|tx| {
                let doc = license::stored(tx)?;
                let v = license::current(tx, &ctx.secrets)?;
                Ok(shown(doc, &v, false))
            })
        }
        Action::Remove { yes } => {
            let mut db = ctx.db()?;
            let present = db.read(|tx| Ok(license::stored(tx)?.is_some()))?;
            if !present {
                return Ok(LicenseReport::Removed { removed: false });
            }
            if !yes && !confirm("Remove the installed license (everything will be allowed: open)?")? {
                return Ok(LicenseReport::Removed { removed: false });
            }
            let removed = db.write(|tx| {
                tx.lock("awxm:license")?;
                settings::unset_internal(tx, license::STORE_KEY)
            })?;
            Ok(LicenseReport::Removed { removed })
        }
        Action::Keygen { out } => {
            let key = signature::generate();
            let pem = signature::private_key_pem(&key);
            write_private(&out, &pem)?;
            let pk = key.verifying_key();
            Ok(LicenseReport::Keys {
                private_key_file: out.display().to_string(),
                public_key: signature::public_key_b64(&pk),
                public_key_pem: signature::public_key_pem(&pk),
            })
        }
        Action::Sign { key, file } => {
            let key_text = fs_err::read_to_string(&key)?;
            let sk = signature::parse_private_key(&key_text).map_err(|e| Error::data(format!("{}: {e}", key.display())))?;
            let (text, name) = read_input(&file)?;
            // The terms must be valid; the signature policy does not apply to signing.
            let (mut doc, _) = license::parse_file(&text, &name, &[], true)?;
            signature::sign(&mut doc, &sk);
            Ok(LicenseReport::Signed { license: doc })
        }
    }
}

fn write_private(path: &PathBuf, pem: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::new(crate::error::ErrorKind::CantCreate, format!("{}: already exists (not overwriting a key)", path.display()))
        } else {
            Error::io_at(path, &e)
        }
    })?;
    f.write_all(pem.as_bytes()).and_then(|_| f.sync_all()).map_err(|e| Error::io_at(path, &e))
}
