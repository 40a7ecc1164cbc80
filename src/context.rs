//! The context every command receives: resolved configuration, output settings, the secret
//! key, and a way to open the database (opened only by commands that need it).

use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::cli::Access;
use crate::config::Config;
use crate::crypto::{CreateKey, Secrets};
use crate::db::{Db, DbOptions};
use crate::error::Result;
use crate::output::Output;

pub struct Ctx {
    pub config: Config,
    pub out: Output,
    pub secrets: Secrets,
    pub profile_sql: bool,
    pub verbosity: u8,
    /// What the command may do to the state on disk (see `Command::access`).
    pub access: Access,
    cancel: Arc<AtomicBool>,
    warned_mode: Cell<bool>,
}

impl Ctx {
    /// A context for a command that may create the database (use [`Ctx::with_access`] to say
    /// otherwise).
    pub fn new(config: Config, out: Output, profile_sql: bool, verbosity: u8) -> Ctx {
        let secrets = Secrets::new(config.secret_key_file.clone());
        let ctx = Ctx {
            config,
            out,
            secrets,
            profile_sql,
            verbosity,
            access: Access::Create,
            cancel: Arc::new(AtomicBool::new(false)),
            warned_mode: Cell::new(false),
        };
        ctx.with_access(Access::Create)
    }

    pub fn with_access(self, access: Access) -> Ctx {
        // A missing key may be created only once `db()` has seen that the database holds no
        // secret; a read-only command never creates it.
        self.secrets.set_create(if access == Access::Read { CreateKey::Never } else { CreateKey::Unchecked });
        Ctx { access, ..self }
    }

    /// Open (and migrate) the database. Only a `Create` command creates a missing database
    /// (file 0600, directories 0700) or schema; the others exit 66. A command that writes
    /// refuses to run (78) while the key file is missing but the database holds secrets.
    pub fn db(&self) -> Result<Db> {
        let opts = DbOptions {
            lock_timeout: self.config.lock_timeout,
            profile: self.profile_sql,
            create: self.access == Access::Create,
            pg: self.config.pg_options(),
        };
        let mut db = Db::connect(&self.config.database_url, opts)?;
        if let Some(mode) = db.sqlite_file().and_then(crate::db::group_or_other_access)
            && !self.warned_mode.replace(true)
        {
            self.out.warn(format!(
                "the database {} is readable by group or others (mode {mode:o}): it holds secrets and job output; chmod 600 it",
                db.sqlite_file().map(|p| p.display().to_string()).unwrap_or_default()
            ));
        }
        if self.access != Access::Read {
            if !self.secrets.key_file_exists() && db.read(crate::crypto::holds_secrets)? {
                return Err(crate::crypto::missing_key_error(self.secrets.path()));
            }
            self.secrets.set_create(CreateKey::Allowed);
        }
        Ok(db)
    }

    pub fn now(&self) -> crate::time::Timestamp {
        crate::time::now()
    }

    /// Turn SIGINT/SIGTERM into a flag that long-running commands poll (they then stop
    /// cleanly: children killed, records finalised, exit 128 + the signal: 130 SIGINT, 143
    /// SIGTERM). Commands that never call this keep the default behaviour (the process dies;
    /// an open transaction is rolled back).
    pub fn cancel_on_signals(&self) -> Result<Arc<AtomicBool>> {
        for sig in crate::signals::TERMINATING {
            signal_hook::flag::register(sig, Arc::clone(&self.cancel))
                .and_then(|_| crate::signals::record(sig))
                .map_err(|e| crate::error::Error::internal(format!("installing a signal handler: {e}")))?;
        }
        Ok(Arc::clone(&self.cancel))
    }

    /// The process-wide cancel flag (raised by the signals of [`Ctx::cancel_on_signals`], and
    /// by a task's cancel flag through `jobs::cancel::watch`).
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(std::sync::atomic::Ordering::Relaxed)
    }
}
