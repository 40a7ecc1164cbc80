//! The context every command receives: resolved configuration, output settings, the secret
//! key, and a way to open the database (opened only by commands that need it).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::config::Config;
use crate::crypto::Secrets;
use crate::db::{Db, DbOptions};
use crate::error::Result;
use crate::output::Output;

pub struct Ctx {
    pub config: Config,
    pub out: Output,
    pub secrets: Secrets,
    pub profile_sql: bool,
    pub verbosity: u8,
    cancel: Arc<AtomicBool>,
}

impl Ctx {
    pub fn new(config: Config, out: Output, profile_sql: bool, verbosity: u8) -> Ctx {
        let secrets = Secrets::new(config.secret_key_file.clone());
        Ctx { config, out, secrets, profile_sql, verbosity, cancel: Arc::new(AtomicBool::new(false)) }
    }

    /// Open (and migrate) the database.
    pub fn db(&self) -> Result<Db> {
        Db::connect(
            &self.config.database_url,
            DbOptions { lock_timeout: self.config.lock_timeout, profile: self.profile_sql, pg: self.config.pg_options() },
        )
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

    pub fn cancelled(&self) -> bool {
        self.cancel.load(std::sync::atomic::Ordering::Relaxed)
    }
}
