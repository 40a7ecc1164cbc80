//! The database layer: SQLite (embedded default) and PostgreSQL (clusters), chosen by URL.
//!
//! Queries are written once with `$1` placeholders and run on both backends (`$N` is rewritten
//! to `?N` for SQLite). Every write happens inside [`Db::write`], one transaction that commits
//! only when the closure returns `Ok`: on SQLite it is `BEGIN IMMEDIATE` (writers serialise on
//! the database lock, waiting up to `--lock-timeout`), on PostgreSQL a normal transaction plus
//! advisory locks where a command must not run twice on one object ([`Tx::lock`]). Locks that
//! must outlive one transaction are [`Db::session_lock`]s. Only this module contains
//! backend-specific code.

mod copy;
mod migrate;
pub mod pgconn;
mod value;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub use pgconn::PgOptions;
pub use value::{FromRow, FromValue, Row, Value};

use crate::error::{Error, ErrorKind, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DbKind {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct DbOptions {
    pub lock_timeout: Duration,
    /// Log every statement with its duration (target `awxm::sql`).
    pub profile: bool,
    /// libpq's environment and the password file, for PostgreSQL.
    pub pg: PgOptions,
    /// Create a missing SQLite database (file 0600, directories 0700) and the schema of an
    /// empty database. Without it a missing database or schema is exit 66 and nothing is
    /// created; an existing older schema is still migrated.
    pub create: bool,
}

impl Default for DbOptions {
    fn default() -> Self {
        DbOptions { lock_timeout: Duration::from_secs(30), profile: false, pg: PgOptions::default(), create: true }
    }
}

/// How [`Db::reconnect_with_backoff`] waits between attempts: `first`, doubling up to `max`;
/// it gives up after `give_up_after` (never if `None`).
#[derive(Debug, Clone)]
pub struct Backoff {
    pub first: Duration,
    pub max: Duration,
    pub give_up_after: Option<Duration>,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff { first: Duration::from_secs(1), max: Duration::from_secs(30), give_up_after: None }
    }
}

/// The hint under "no database" errors.
const WHERE_HINT: &str = "`awxm config` shows where awxm looks for the database; a command that writes (e.g. `awxm apply`) creates it";

/// The permission bits of `path` that give group or others access, if any.
pub fn group_or_other_access(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then_some(mode)
}

enum Backend {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Client>),
}

pub struct Db {
    backend: Backend,
    url: String,
    opts: DbOptions,
    pg_cache: HashMap<String, postgres::Statement>,
    sqlite_path: Option<PathBuf>,
    reconnects: u32,
}

/// Replace the passwords of a URL with `****`: the one after the user name, and libpq's
/// `password` and `sslpassword` parameters.
pub fn redact_url(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let mut out = match base.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@').and_then(|(creds, host)| Some((creds.split_once(':')?.0, host))) {
            Some((user, host)) => format!("{scheme}://{user}:****@{host}"),
            None => base.to_string(),
        },
        None => base.to_string(),
    };
    if let Some(q) = query {
        let params: Vec<String> = q
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") || k.eq_ignore_ascii_case("sslpassword") => format!("{k}=****"),
                _ => kv.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&params.join("&"));
    }
    out
}

fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let rest = rest.split('?').next().unwrap_or(rest);
    if rest.is_empty() {
        return None;
    }
    Some(PathBuf::from(rest))
}

/// A stable 64-bit key for advisory locks.
fn lock_key(name: &str) -> i64 {
    use sha2::Digest;
    let d = sha2::Sha256::digest(name.as_bytes());
    i64::from_be_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}

/// Rewrite `$N` placeholders to SQLite's `?N`, leaving quoted text alone.
fn to_sqlite_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None => {
                if c == '\'' || c == '"' {
                    quote = Some(c);
                    out.push(c);
                } else if c == '$' && chars.peek().is_some_and(|n| n.is_ascii_digit()) {
                    out.push('?');
                } else {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn classify_sqlite(e: rusqlite::Error, sql: &str) -> Error {
    use rusqlite::ErrorCode;
    if let rusqlite::Error::SqliteFailure(f, msg) = &e {
        let text = msg.clone().unwrap_or_else(|| f.to_string());
        match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                return Error::temp(format!(
                    "the database is busy (locked by another awxm run): {text}; try again or raise --lock-timeout"
                ));
            }
            ErrorCode::ConstraintViolation => return Error::data(format!("database constraint violated: {text}")),
            ErrorCode::CannotOpen | ErrorCode::NotADatabase | ErrorCode::PermissionDenied | ErrorCode::ReadOnly => {
                return Error::unavailable(format!("cannot use the SQLite database: {text}"));
            }
            ErrorCode::DiskFull | ErrorCode::SystemIoFailure => return Error::io(format!("SQLite I/O error: {text}")),
            _ => {}
        }
    }
    Error::internal(format!("SQL error: {e}")).detail(format!("in: {}", sql.trim()))
}

fn classify_pg(e: postgres::Error, sql: &str) -> Error {
    use postgres::error::SqlState;
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        let msg = match db.detail() {
            Some(d) => format!("{}: {d}", db.message()),
            None => db.message().to_string(),
        };
        if *code == SqlState::UNIQUE_VIOLATION
            || *code == SqlState::FOREIGN_KEY_VIOLATION
            || *code == SqlState::CHECK_VIOLATION
            || *code == SqlState::NOT_NULL_VIOLATION
        {
            return Error::data(format!("database constraint violated: {msg}"));
        }
        // Class 08 (connection exception) and 57P01-57P03 (the server shuts down, crashed or
        // is starting): the connection is gone; nothing of the transaction was committed.
        if code.code().starts_with("08")
            || *code == SqlState::ADMIN_SHUTDOWN
            || *code == SqlState::CRASH_SHUTDOWN
            || *code == SqlState::CANNOT_CONNECT_NOW
        {
            return Error::unavailable(format!("lost the connection to PostgreSQL: {msg}"));
        }
        if *code == SqlState::READ_ONLY_SQL_TRANSACTION {
            return Error::unavailable(format!("PostgreSQL is read-only (a standby, after a failover?): {msg}"));
        }
        if *code == SqlState::LOCK_NOT_AVAILABLE
            || *code == SqlState::T_R_SERIALIZATION_FAILURE
            || *code == SqlState::T_R_DEADLOCK_DETECTED
            || *code == SqlState::QUERY_CANCELED
        {
            return Error::temp(format!("the database is busy: {msg}; try again"));
        }
        return Error::internal(format!("SQL error: {msg}")).detail(format!("in: {}", sql.trim()));
    }
    // tokio-postgres keeps its error kinds private: closed and I/O errors mean the connection is gone.
    if e.is_closed() || e.to_string().starts_with("error communicating with the server") {
        return Error::unavailable(format!("lost the connection to PostgreSQL: {e}"));
    }
    Error::unavailable(format!("PostgreSQL error: {e}"))
}

impl Db {
    /// Open the database named by `url` and migrate its schema.
    pub fn connect(url: &str, opts: DbOptions) -> Result<Db> {
        let mut db = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let client = connect_pg(url, &opts.pg)?;
            Db {
                backend: Backend::Postgres(Box::new(client)),
                url: url.to_string(),
                opts,
                pg_cache: HashMap::new(),
                sqlite_path: None,
                reconnects: 0,
            }
        } else if let Some(path) = sqlite_path(url) {
            let conn = open_sqlite(&path, &opts)?;
            Db {
                backend: Backend::Sqlite(conn),
                url: url.to_string(),
                opts,
                pg_cache: HashMap::new(),
                sqlite_path: Some(path),
                reconnects: 0,
            }
        } else {
            return Err(Error::config(format!(
                "unsupported database URL {:?}: use sqlite:///path/to/awxm.db or postgres://user@host:port/db",
                redact_url(url)
            )));
        };
        let create = db.opts.create;
        migrate::run(&mut db, create)?;
        Ok(db)
    }

    /// Open an existing database only to read it, as shell completion does: never a file,
    /// directory or schema created, no migration, no write (SQLite opened read-only, no
    /// journal-mode change; PostgreSQL sessions read-only). A missing database is exit 66.
    pub fn open_read_only(url: &str, opts: DbOptions) -> Result<Db> {
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let mut client = connect_pg(url, &opts.pg)?;
            client.batch_execute("SET default_transaction_read_only = on").map_err(|e| classify_pg(e, "SET"))?;
            Backend::Postgres(Box::new(client))
        } else if let Some(path) = sqlite_path(url) {
            if !path.is_file() {
                return Err(Error::not_found(format!("no database at {}", path.display())));
            }
            let conn = rusqlite::Connection::open_with_flags(
                &path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| Error::unavailable(format!("cannot open the SQLite database {}: {e}", path.display())))?;
            conn.busy_timeout(opts.lock_timeout.min(Duration::from_millis(i32::MAX as u64)))
                .map_err(|e| classify_sqlite(e, "busy_timeout"))?;
            Backend::Sqlite(conn)
        } else {
            return Err(Error::config(format!("unsupported database URL {:?}", redact_url(url))));
        };
        let sqlite_path = sqlite_path(url).filter(|_| matches!(backend, Backend::Sqlite(_)));
        Ok(Db { backend, url: url.to_string(), opts, pg_cache: HashMap::new(), sqlite_path, reconnects: 0 })
    }

    pub fn kind(&self) -> DbKind {
        match self.backend {
            Backend::Sqlite(_) => DbKind::Sqlite,
            Backend::Postgres(_) => DbKind::Postgres,
        }
    }

    pub fn url_redacted(&self) -> String {
        redact_url(&self.url)
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn options(&self) -> &DbOptions {
        &self.opts
    }

    /// The SQLite database file, if this is SQLite.
    pub fn sqlite_file(&self) -> Option<&Path> {
        self.sqlite_path.as_deref()
    }

    /// Run `f` in a write transaction; commit on `Ok`, roll back on `Err`.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        self.transaction(true, true, f)
    }

    /// A write transaction that commits only when `commit` is true (for `--dry-run`: the
    /// same code runs, takes the same locks, and everything is rolled back).
    pub fn write_maybe<T>(&mut self, commit: bool, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        self.transaction(true, commit, f)
    }

    /// Run `f` in a read transaction (a consistent snapshot); nothing is committed.
    pub fn read<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        self.transaction(false, false, f)
    }

    fn transaction<T>(&mut self, write: bool, commit: bool, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let profile = self.opts.profile;
        let lock_timeout = self.opts.lock_timeout;
        match &mut self.backend {
            Backend::Sqlite(conn) => {
                let behaviour = if write { rusqlite::TransactionBehavior::Immediate } else { rusqlite::TransactionBehavior::Deferred };
                let started = Instant::now();
                let t = conn.transaction_with_behavior(behaviour).map_err(|e| {
                    let err = classify_sqlite(e, "BEGIN");
                    if err.kind == ErrorKind::TempFail {
                        Error::temp(format!(
                            "the SQLite database is locked by another awxm run; gave up after {:.1}s (--lock-timeout)",
                            started.elapsed().as_secs_f64()
                        ))
                    } else {
                        err
                    }
                })?;
                let mut tx = Tx { inner: TxInner::Sqlite(&t), profile, lock_timeout };
                let out = f(&mut tx);
                drop(tx);
                let out = out?;
                if commit {
                    crate::cleanup::test_pause("db.commit");
                    t.commit().map_err(|e| classify_sqlite(e, "COMMIT"))?;
                } else {
                    t.rollback().map_err(|e| classify_sqlite(e, "ROLLBACK"))?;
                }
                Ok(out)
            }
            Backend::Postgres(client) => {
                let t = client.transaction().map_err(|e| classify_pg(e, "BEGIN"))?;
                let mut tx = Tx { inner: TxInner::Postgres(t, &mut self.pg_cache), profile, lock_timeout };
                let out = f(&mut tx)?;
                let TxInner::Postgres(t, _) = tx.inner else { return Err(Error::internal("transaction kind changed")) };
                if commit {
                    crate::cleanup::test_pause("db.commit");
                    t.commit().map_err(|e| classify_pg(e, "COMMIT"))?;
                } else {
                    t.rollback().map_err(|e| classify_pg(e, "ROLLBACK"))?;
                }
                Ok(out)
            }
        }
    }

    /// A lock held until the guard is dropped, across transactions and even while no
    /// transaction is open: a lock file on SQLite (`<db>.locks/NAME`), a session advisory lock
    /// on a dedicated PostgreSQL connection. Both vanish if the process dies. Waiting past
    /// `--lock-timeout` is a temporary failure (exit 75).
    pub fn session_lock(&self, name: &str) -> Result<SessionLock> {
        self.acquire(name, false)?.ok_or_else(|| lock_busy(name, self.opts.lock_timeout))
    }

    /// [`Db::session_lock`] without waiting: `None` when another process holds it.
    pub fn try_session_lock(&self, name: &str) -> Result<Option<SessionLock>> {
        self.acquire(name, true)
    }

    fn acquire(&self, name: &str, once: bool) -> Result<Option<SessionLock>> {
        let deadline = Instant::now().checked_add(self.opts.lock_timeout);
        match &self.backend {
            Backend::Sqlite(_) => {
                let db_path = self.sqlite_path.as_ref().ok_or_else(|| Error::internal("SQLite without a path"))?;
                let dir = PathBuf::from(format!("{}.locks", db_path.display()));
                fs_err::create_dir_all(&dir)?;
                let safe: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
                let path = dir.join(format!("{safe}-{:016x}.lock", lock_key(name)));
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&path)
                    .map_err(|e| Error::io_at(&path, &e))?;
                loop {
                    match file.try_lock() {
                        Ok(()) => return Ok(Some(SessionLock { _inner: SessionInner::File(file), name: name.to_string() })),
                        Err(std::fs::TryLockError::WouldBlock) => {}
                        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io_at(&path, &e)),
                    }
                    if once || deadline.is_some_and(|d| Instant::now() >= d) {
                        return Ok(None);
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            Backend::Postgres(_) => {
                let mut client = connect_pg(&self.url, &self.opts.pg)?;
                let key = lock_key(name);
                loop {
                    let got: bool = client
                        .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
                        .map_err(|e| classify_pg(e, "pg_try_advisory_lock"))?
                        .get(0);
                    if got {
                        return Ok(Some(SessionLock { _inner: SessionInner::Pg(Box::new(client)), name: name.to_string() }));
                    }
                    if once || deadline.is_some_and(|d| Instant::now() >= d) {
                        return Ok(None);
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    }

    /// Listen for [`Db::notify`] on `channel`: PostgreSQL `LISTEN` on a dedicated connection;
    /// on SQLite a Unix datagram socket in `<db>.locks/wake-<channel>/` that notifiers write to.
    pub fn listen(&self, channel: &str) -> Result<Listener> {
        match &self.backend {
            Backend::Sqlite(_) => {
                let dir = self.wake_dir(channel)?;
                fs_err::create_dir_all(&dir)?;
                let path = dir.join(format!("{}.sock", std::process::id()));
                let _ = std::fs::remove_file(&path);
                let sock = std::os::unix::net::UnixDatagram::bind(&path).map_err(|e| Error::io_at(&path, &e))?;
                Ok(Listener::Socket(sock, path))
            }
            Backend::Postgres(_) => {
                let mut client = connect_pg(&self.url, &self.opts.pg)?;
                client.batch_execute(&format!("LISTEN {channel}")).map_err(|e| classify_pg(e, "LISTEN"))?;
                Ok(Listener::Pg(Box::new(client)))
            }
        }
    }

    fn wake_dir(&self, channel: &str) -> Result<PathBuf> {
        let db_path = self.sqlite_path.as_ref().ok_or_else(|| Error::internal("SQLite without a path"))?;
        Ok(PathBuf::from(format!("{}.locks", db_path.display())).join(format!("wake-{channel}")))
    }

    /// Wake every [`Listener`] on `channel` (best effort: a listener that is gone is skipped;
    /// on SQLite its socket file is removed).
    pub fn notify(&mut self, channel: &str) -> Result<()> {
        match self.kind() {
            DbKind::Postgres => self.write(|tx| {
                tx.execute(&format!("NOTIFY {channel}"), &[])?;
                Ok(())
            }),
            DbKind::Sqlite => {
                let dir = self.wake_dir(channel)?;
                let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(()) };
                let sock = std::os::unix::net::UnixDatagram::unbound().map_err(|e| Error::io(format!("a wake-up socket: {e}")))?;
                sock.set_nonblocking(true).map_err(|e| Error::io(format!("a wake-up socket: {e}")))?;
                for e in entries.flatten() {
                    let path = e.path();
                    if let Err(err) = sock.send_to(b"w", &path)
                        && err.kind() == std::io::ErrorKind::ConnectionRefused
                    {
                        let _ = std::fs::remove_file(&path);
                    }
                }
                Ok(())
            }
        }
    }

    /// Open another connection to the same database (for a worker thread).
    pub fn reconnect(&self) -> Result<Db> {
        Db::connect(&self.url, self.opts.clone())
    }

    /// How often this `Db` has re-established its PostgreSQL connection.
    pub fn reconnects(&self) -> u32 {
        self.reconnects
    }

    /// Replace a lost PostgreSQL connection: try to connect again, waiting `backoff` between
    /// attempts (saying so on stderr each time), until it works, `give_up_after` has passed
    /// (the last error), a non-transient error occurs (configuration, authentication), or
    /// `cancel` is set (exit 130). Prepared statements of the old connection are forgotten.
    /// A no-op on SQLite.
    pub fn reconnect_with_backoff(&mut self, backoff: &Backoff, cancel: &AtomicBool) -> Result<()> {
        if self.kind() != DbKind::Postgres {
            return Ok(());
        }
        let started = Instant::now();
        let mut delay = backoff.first;
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(Error::new(ErrorKind::Interrupted, "interrupted while reconnecting to PostgreSQL"));
            }
            match pgconn::connect_once(&self.url, &self.opts.pg) {
                Ok(client) => {
                    self.backend = Backend::Postgres(Box::new(client));
                    self.pg_cache.clear();
                    self.reconnects += 1;
                    tracing::warn!("reconnected to PostgreSQL ({}) after {:.1}s", redact_url(&self.url), started.elapsed().as_secs_f64());
                    return Ok(());
                }
                Err(e) if e.kind == ErrorKind::Unavailable => {
                    if backoff.give_up_after.is_some_and(|g| started.elapsed() + delay > g) {
                        return Err(e.context(format!("gave up reconnecting to PostgreSQL after {:.0}s", started.elapsed().as_secs_f64())));
                    }
                    tracing::warn!("{}; retrying in {:.1}s", e.message, delay.as_secs_f64());
                    let until = Instant::now() + delay;
                    while Instant::now() < until && !cancel.load(Ordering::Relaxed) {
                        std::thread::sleep(Duration::from_millis(50).min(until.saturating_duration_since(Instant::now())));
                    }
                    delay = (delay * 2).min(backoff.max);
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Run `f` (whole transactions, e.g. one dispatcher pass) and, when it fails because
    /// PostgreSQL went away (exit-69 errors: a restart, a failover, a network cut), reconnect
    /// with [`Db::reconnect_with_backoff`] and run it again. The failed transaction was rolled
    /// back by the server, so `f` starts from the committed state; if the connection died
    /// during `COMMIT` the outcome is unknown, so `f` must tolerate its own work being there.
    /// Other errors are returned as they are. On SQLite `f` runs once.
    pub fn with_reconnect<T>(&mut self, backoff: &Backoff, cancel: &AtomicBool, mut f: impl FnMut(&mut Db) -> Result<T>) -> Result<T> {
        loop {
            match f(self) {
                Err(e) if e.kind == ErrorKind::Unavailable && self.kind() == DbKind::Postgres => {
                    tracing::warn!("lost the connection to PostgreSQL ({}): {}; reconnecting", redact_url(&self.url), e.message);
                    self.reconnect_with_backoff(backoff, cancel)?;
                }
                other => return other,
            }
        }
    }
}

fn lock_busy(name: &str, timeout: Duration) -> Error {
    Error::temp(format!(
        "another awxm run holds the lock {name:?}; gave up after {:.1}s (--lock-timeout); try again later",
        timeout.as_secs_f64()
    ))
}

enum SessionInner {
    File(std::fs::File),
    Pg(#[allow(dead_code)] Box<postgres::Client>),
}

/// A wake-up channel ([`Db::listen`]).
pub enum Listener {
    Pg(Box<postgres::Client>),
    Socket(std::os::unix::net::UnixDatagram, PathBuf),
}

impl Listener {
    /// Wait up to `timeout` for a notification; true when one (or more) came.
    pub fn wait(&mut self, timeout: Duration) -> Result<bool> {
        match self {
            Listener::Pg(client) => {
                use postgres::fallible_iterator::FallibleIterator;
                let mut n = client.notifications();
                let got = n.timeout_iter(timeout).next().map_err(|e| classify_pg(e, "waiting for a notification"))?.is_some();
                // Several notifications wake once.
                while let Ok(Some(_)) = n.iter().next() {}
                Ok(got)
            }
            Listener::Socket(sock, path) => {
                let path: &Path = path;
                sock.set_read_timeout(Some(timeout.max(Duration::from_millis(1)))).map_err(|e| Error::io_at(path, &e))?;
                let mut buf = [0u8; 16];
                match sock.recv(&mut buf) {
                    Ok(_) => {
                        let _ = sock.set_nonblocking(true);
                        while sock.recv(&mut buf).is_ok() {}
                        let _ = sock.set_nonblocking(false);
                        Ok(true)
                    }
                    Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => Ok(false),
                    Err(e) => Err(Error::io_at(path, &e)),
                }
            }
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Listener::Socket(_, path) = self {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Guard of a [`Db::session_lock`]; the lock is released on drop.
pub struct SessionLock {
    _inner: SessionInner,
    pub name: String,
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        if let SessionInner::File(f) = &self._inner {
            let _ = f.unlock();
        }
    }
}

fn open_sqlite(path: &Path, opts: &DbOptions) -> Result<rusqlite::Connection> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    let exists = match std::fs::symlink_metadata(path) {
        Ok(_) => true,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error::unavailable(format!("cannot use the SQLite database {}: {e}", path.display()))),
    };
    if !exists && !opts.create {
        return Err(Error::not_found(format!("no database at {}", path.display())).detail(WHERE_HINT));
    }
    if !exists {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
            && !dir.exists()
        {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| Error::unavailable(format!("cannot create the database directory {}: {e}", dir.display())))?;
        }
        // Created here with mode 0600 (whatever the umask), so SQLite finds an empty file and
        // gives its -wal and -shm files the same mode. It holds secrets and job output.
        match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::unavailable(format!("cannot create the SQLite database {}: {e}", path.display()))),
        }
    }
    // Never SQLITE_OPEN_CREATE: the file exists now (a file removed meanwhile is an error).
    let flags = rusqlite::OpenFlags::default() - rusqlite::OpenFlags::SQLITE_OPEN_CREATE;
    let conn = rusqlite::Connection::open_with_flags(path, flags)
        .map_err(|e| Error::unavailable(format!("cannot open the SQLite database {}: {e}", path.display())))?;
    // SQLite counts the busy timeout in milliseconds as a C int.
    conn.busy_timeout(opts.lock_timeout.min(Duration::from_millis(i32::MAX as u64))).map_err(|e| classify_sqlite(e, "busy_timeout"))?;
    // journal_mode returns a row; it may be busy while another process migrates.
    let mode: String =
        conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)).map_err(|e| classify_sqlite(e, "PRAGMA journal_mode"))?;
    if mode.to_lowercase() != "wal" {
        tracing::warn!("SQLite database {} is in {mode} mode, not WAL", path.display());
    }
    conn.execute_batch("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;")
        .map_err(|e| classify_sqlite(e, "PRAGMA"))?;
    conn.set_prepared_statement_cache_capacity(256);
    Ok(conn)
}

fn connect_pg(url: &str, pg: &PgOptions) -> Result<postgres::Client> {
    pgconn::connect(url, pg)
}

enum TxInner<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(postgres::Transaction<'a>, &'a mut HashMap<String, postgres::Statement>),
}

/// `COPY table (columns) FROM STDIN (FORMAT binary)` of `rows` on PostgreSQL, stopping at the
/// first row that is an error (the caller's checks; the `COPY` is then abandoned). Returns
/// the rows sent.
fn pg_copy<I, R>(t: &mut postgres::Transaction<'_>, table: &str, columns: &[&str], rows: I) -> Result<u64>
where
    I: IntoIterator<Item = Result<R>>,
    R: AsRef<[Value]>,
{
    use std::io::Write;
    let types = copy::wire_types(t, table, columns).map_err(|e| match e {
        copy::TypesError::Db(e) => classify_pg(e, table),
        copy::TypesError::Unsupported(why) => Error::internal(format!("COPY into {table}: {why}")),
    })?;
    let sql = format!("COPY {table} ({}) FROM STDIN (FORMAT binary)", columns.join(", "));
    let mut w = t.copy_in(&sql).map_err(|e| classify_pg(e, &sql))?;
    let broken = |e: std::io::Error| Error::internal(format!("COPY into {table}: {e}"));
    w.write_all(copy::BINARY_HEADER).map_err(broken)?;
    let mut buf = Vec::new();
    let mut n = 0u64;
    for row in rows {
        let row = row?;
        copy::binary_row(&mut buf, row.as_ref(), &types).map_err(|e| Error::internal(format!("COPY into {table}: {e}")))?;
        w.write_all(&buf).map_err(broken)?;
        n += 1;
    }
    w.write_all(copy::BINARY_TRAILER).map_err(broken)?;
    w.finish().map_err(|e| classify_pg(e, &sql))?;
    Ok(n)
}

/// A fresh SQLite database in a temporary directory, for unit tests (the directory goes when the
/// returned guard is dropped).
#[cfg(test)]
pub(crate) fn temp_sqlite() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let db = Db::connect(&url, DbOptions::default()).expect("connect");
    (dir, db)
}

/// From this many rows on, `insert_many_ignore` stages PostgreSQL rows with `COPY`.
const COPY_MIN_ROWS: usize = 256;

/// An open transaction. All SQL goes through it.
pub struct Tx<'a> {
    inner: TxInner<'a>,
    profile: bool,
    lock_timeout: Duration,
}

fn sqlite_row(row: &rusqlite::Row<'_>, columns: &value::Columns) -> Result<Row> {
    let mut values = Vec::with_capacity(columns.len());
    for i in 0..columns.len() {
        values.push(value::from_sqlite(row.get_ref(i).map_err(|e| Error::internal(format!("reading column {i}: {e}")))?));
    }
    Ok(Row::new(values, columns.clone()))
}

fn pg_row(row: &postgres::Row, columns: &value::Columns) -> Result<Row> {
    let mut values = Vec::with_capacity(row.len());
    for i in 0..row.len() {
        values.push(value::from_pg(row, i)?);
    }
    Ok(Row::new(values, columns.clone()))
}

fn pg_params(params: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    params.iter().map(|p| p as &(dyn postgres::types::ToSql + Sync)).collect()
}

/// Refuse a text value with a NUL character, alike on both backends: PostgreSQL's text cannot
/// hold it (it failed there as an internal error), SQLite would keep it. JSON documents are
/// stored with it escaped, so only a raw string (a name, a description) meets this.
fn no_nul(params: &[Value]) -> Result<()> {
    if params.iter().any(|p| matches!(p, Value::Text(s) if s.contains('\0'))) {
        return Err(Error::data("a text value contains a NUL character (U+0000), which awxm does not store"));
    }
    Ok(())
}

impl<'a> Tx<'a> {
    pub fn kind(&self) -> DbKind {
        match self.inner {
            TxInner::Sqlite(_) => DbKind::Sqlite,
            TxInner::Postgres(..) => DbKind::Postgres,
        }
    }

    fn log(&self, sql: &str, started: Instant, rows: Option<u64>) {
        if self.profile {
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let sql = sql.split_whitespace().collect::<Vec<_>>().join(" ");
            match rows {
                Some(n) => tracing::info!(target: "awxm::sql", "{ms:8.3} ms  {n:>6} rows  {sql}"),
                None => tracing::info!(target: "awxm::sql", "{ms:8.3} ms  {sql}"),
            }
        }
    }

    fn pg_statement(
        t: &mut postgres::Transaction<'a>,
        cache: &mut HashMap<String, postgres::Statement>,
        sql: &str,
    ) -> Result<postgres::Statement> {
        if let Some(s) = cache.get(sql) {
            return Ok(s.clone());
        }
        let s = t.prepare(sql).map_err(|e| classify_pg(e, sql))?;
        if cache.len() > 512 {
            cache.clear();
        }
        cache.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    /// Execute a statement; returns the number of rows changed.
    pub fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        no_nul(params)?;
        let started = Instant::now();
        let n = match &mut self.inner {
            TxInner::Sqlite(t) => {
                let q = to_sqlite_sql(sql);
                let mut stmt = t.prepare_cached(&q).map_err(|e| classify_sqlite(e, sql))?;
                stmt.execute(rusqlite::params_from_iter(params.iter())).map_err(|e| classify_sqlite(e, sql))? as u64
            }
            TxInner::Postgres(t, cache) => {
                let stmt = Self::pg_statement(t, cache, sql)?;
                t.execute(&stmt, &pg_params(params)).map_err(|e| classify_pg(e, sql))?
            }
        };
        self.log(sql, started, Some(n));
        Ok(n)
    }

    /// Execute several statements separated by `;` (no parameters).
    pub fn batch(&mut self, sql: &str) -> Result<()> {
        let started = Instant::now();
        match &mut self.inner {
            TxInner::Sqlite(t) => t.execute_batch(sql).map_err(|e| classify_sqlite(e, sql))?,
            TxInner::Postgres(t, _) => t.batch_execute(sql).map_err(|e| classify_pg(e, sql))?,
        }
        self.log(sql, started, None);
        Ok(())
    }

    /// Run a query and collect its rows.
    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let mut out = Vec::new();
        self.query_each(sql, params, |r| {
            out.push(r.clone());
            Ok(())
        })?;
        Ok(out)
    }

    /// Run a query and call `f` for each row as it arrives (never holding all rows).
    pub fn query_each(&mut self, sql: &str, params: &[Value], mut f: impl FnMut(&Row) -> Result<()>) -> Result<u64> {
        no_nul(params)?;
        let started = Instant::now();
        let mut n = 0u64;
        match &mut self.inner {
            TxInner::Sqlite(t) => {
                let q = to_sqlite_sql(sql);
                let mut stmt = t.prepare_cached(&q).map_err(|e| classify_sqlite(e, sql))?;
                let cols: value::Columns = stmt.column_names().map(Box::from).collect();
                let mut rows = stmt.query(rusqlite::params_from_iter(params.iter())).map_err(|e| classify_sqlite(e, sql))?;
                while let Some(r) = rows.next().map_err(|e| classify_sqlite(e, sql))? {
                    f(&sqlite_row(r, &cols)?)?;
                    n += 1;
                }
            }
            TxInner::Postgres(t, cache) => {
                use postgres::fallible_iterator::FallibleIterator;
                let stmt = Self::pg_statement(t, cache, sql)?;
                let cols: value::Columns = stmt.columns().iter().map(|c| Box::from(c.name())).collect();
                let mut it = t.query_raw(&stmt, pg_params(params)).map_err(|e| classify_pg(e, sql))?;
                while let Some(r) = it.next().map_err(|e| classify_pg(e, sql))? {
                    f(&pg_row(&r, &cols)?)?;
                    n += 1;
                }
            }
        }
        self.log(sql, started, Some(n));
        Ok(n)
    }

    pub fn query_opt(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        let mut first = None;
        self.query_each(sql, params, |r| {
            if first.is_none() {
                first = Some(r.clone());
            }
            Ok(())
        })?;
        Ok(first)
    }

    pub fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Row> {
        self.query_opt(sql, params)?.ok_or_else(|| Error::internal("query returned no row").detail(format!("in: {}", sql.trim())))
    }

    /// Run a query and build a `T` from each row, by column names.
    pub fn query_as<T: FromRow>(&mut self, sql: &str, params: &[Value]) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.query_each(sql, params, |r| {
            out.push(T::from_row(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row as a `T`, if there is one.
    pub fn query_opt_as<T: FromRow>(&mut self, sql: &str, params: &[Value]) -> Result<Option<T>> {
        self.query_opt(sql, params)?.as_ref().map(T::from_row).transpose()
    }

    /// The first column of the first row.
    pub fn scalar<T: FromValue>(&mut self, sql: &str, params: &[Value]) -> Result<T> {
        self.query_one(sql, params)?.get(0)
    }

    /// The first column of the first row, if there is a row.
    pub fn scalar_opt<T: FromValue>(&mut self, sql: &str, params: &[Value]) -> Result<Option<T>> {
        match self.query_opt(sql, params)? {
            Some(r) => r.get(0).map(Some),
            None => Ok(None),
        }
    }

    /// `INSERT ... RETURNING id` → the new id.
    pub fn insert(&mut self, sql: &str, params: &[Value]) -> Result<i64> {
        self.scalar(sql, params)
    }

    /// Reserve `n` ids of `table`'s identity column `id` for rows the caller inserts with
    /// explicit ids (so that it knows them without reading them back): values of the identity
    /// sequence on PostgreSQL (not necessarily contiguous), the next `n` above the largest id
    /// ever used on SQLite (whose write transaction holds the database lock; inserting them
    /// moves `AUTOINCREMENT` past them).
    pub fn reserve_ids(&mut self, table: &str, n: usize) -> Result<Vec<i64>> {
        if n == 0 {
            return Ok(Vec::new());
        }
        match self.kind() {
            DbKind::Postgres => {
                // The sequence once: looking it up per row would cost more than the rows.
                let seq: i64 = self.scalar("SELECT pg_get_serial_sequence($1, 'id')::regclass::oid::bigint", crate::params![table])?;
                // Without a concurrent writer the n values are one block: then two numbers come
                // back instead of n rows. Otherwise those values are left unused (a gap, as a
                // rolled-back insert leaves) and n more are read one by one.
                let r = self.query_one(
                    "SELECT min(v) AS lo, max(v) AS hi, count(*) AS n FROM (SELECT nextval($1::bigint::oid::regclass) AS v FROM generate_series(1, $2)) s",
                    crate::params![seq, n as i64],
                )?;
                let (lo, hi, got): (i64, i64, i64) = (r.col("lo")?, r.col("hi")?, r.col("n")?);
                if hi - lo + 1 == got {
                    return Ok((lo..=hi).collect());
                }
                let mut ids = Vec::with_capacity(n);
                self.query_each(
                    "SELECT nextval($1::bigint::oid::regclass) FROM generate_series(1, $2)",
                    crate::params![seq, n as i64],
                    |r| {
                        ids.push(r.get(0)?);
                        Ok(())
                    },
                )?;
                Ok(ids)
            }
            DbKind::Sqlite => {
                // `table` is one of the caller's fixed table names, never input.
                let last: i64 = self.scalar(
                    &format!("SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = $1), 0), COALESCE((SELECT max(id) FROM {table}), 0))"),
                    crate::params![table],
                )?;
                Ok((last + 1..=last + n as i64).collect())
            }
        }
    }

    /// Insert many rows fast: one prepared statement on SQLite, `COPY ... FROM STDIN` on
    /// PostgreSQL. Returns the number of rows inserted.
    pub fn insert_many<I>(&mut self, table: &str, columns: &[&str], rows: I) -> Result<u64>
    where
        I: IntoIterator<Item = Vec<Value>>,
    {
        let started = Instant::now();
        let mut n = 0u64;
        match &mut self.inner {
            TxInner::Sqlite(t) => {
                // Many rows per statement: SQLite's per-statement work (bind, step, reset) then
                // counts once per batch instead of once per row.
                let ncol = columns.len().max(1);
                let batch = (30_000 / ncol).clamp(1, 64);
                let values = |rows: usize| -> String {
                    (0..rows)
                        .map(|r| format!("({})", (1..=ncol).map(|c| format!("?{}", r * ncol + c)).collect::<Vec<_>>().join(", ")))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let one = format!("INSERT INTO {table} ({}) VALUES {}", columns.join(", "), values(1));
                let many = format!("INSERT INTO {table} ({}) VALUES {}", columns.join(", "), values(batch));
                let mut pending: Vec<Vec<Value>> = Vec::with_capacity(batch);
                for row in rows {
                    no_nul(&row)?;
                    pending.push(row);
                    if pending.len() == batch {
                        let mut stmt = t.prepare_cached(&many).map_err(|e| classify_sqlite(e, &many))?;
                        stmt.execute(rusqlite::params_from_iter(pending.iter().flatten())).map_err(|e| classify_sqlite(e, &many))?;
                        n += batch as u64;
                        pending.clear();
                    }
                }
                if !pending.is_empty() {
                    let mut stmt = t.prepare_cached(&one).map_err(|e| classify_sqlite(e, &one))?;
                    for row in &pending {
                        stmt.execute(rusqlite::params_from_iter(row.iter())).map_err(|e| classify_sqlite(e, &one))?;
                        n += 1;
                    }
                }
            }
            TxInner::Postgres(t, _) => n = pg_copy(t, table, columns, rows.into_iter().map(|row| no_nul(&row).map(|()| row)))?,
        }
        self.log(&format!("bulk insert into {table}"), started, Some(n));
        Ok(n)
    }

    /// Insert rows given flat (`columns.len()` values per row), skipping rows that collide with
    /// the unique key `conflict` (`ON CONFLICT (…) DO NOTHING`), so inserting the same rows
    /// twice is harmless. SQLite: one prepared statement executed per row (the fastest way
    /// there); PostgreSQL: from [`COPY_MIN_ROWS`] rows on, `COPY` into a session-local staging
    /// table and one `INSERT … SELECT`, below that multi-row INSERTs of up to 200 rows. Returns
    /// the rows inserted.
    pub fn insert_many_ignore(&mut self, table: &str, columns: &[&str], conflict: &[&str], values: &[Value]) -> Result<u64> {
        let started = Instant::now();
        let width = columns.len();
        if width == 0 || !values.len().is_multiple_of(width) {
            return Err(Error::internal(format!("insert into {table}: {} values for {width} columns", values.len())));
        }
        no_nul(values)?;
        let mut n = 0u64;
        let tail = format!(" ON CONFLICT ({}) DO NOTHING", conflict.join(", "));
        match &mut self.inner {
            TxInner::Sqlite(t) => {
                let placeholders: Vec<String> = (1..=width).map(|i| format!("?{i}")).collect();
                let sql = format!("INSERT INTO {table} ({}) VALUES ({}){tail}", columns.join(", "), placeholders.join(", "));
                let mut stmt = t.prepare_cached(&sql).map_err(|e| classify_sqlite(e, &sql))?;
                for row in values.chunks(width) {
                    n += stmt.execute(rusqlite::params_from_iter(row.iter())).map_err(|e| classify_sqlite(e, &sql))? as u64;
                }
            }
            TxInner::Postgres(t, _) if values.len() / width >= COPY_MIN_ROWS => {
                // COPY into a session-local staging table, then one set-based INSERT … SELECT:
                // one round trip for the rows instead of one per 200, no 4000-parameter plans.
                let cols = columns.join(", ");
                let stage = format!("awxm_stage_{table}");
                let create = format!(
                    "CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS AS SELECT {cols} FROM {table} WITH NO DATA; TRUNCATE {stage}"
                );
                t.batch_execute(&create).map_err(|e| classify_pg(e, &create))?;
                // `values` passed the NUL check above.
                pg_copy(t, &stage, columns, values.chunks(width).map(Ok))?;
                let insert = format!("INSERT INTO {table} ({cols}) SELECT {cols} FROM {stage}{tail}");
                n = t.execute(insert.as_str(), &[]).map_err(|e| classify_pg(e, &insert))?;
            }
            TxInner::Postgres(t, cache) => {
                const ROWS: usize = 200;
                for chunk in values.chunks(width * ROWS) {
                    let rows = chunk.len() / width;
                    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
                    for r in 0..rows {
                        sql.push_str(if r == 0 { "(" } else { ", (" });
                        for c in 0..width {
                            if c > 0 {
                                sql.push_str(", ");
                            }
                            sql.push_str(&format!("${}", r * width + c + 1));
                        }
                        sql.push(')');
                    }
                    sql.push_str(&tail);
                    let stmt = Self::pg_statement(t, cache, &sql)?;
                    n += t.execute(&stmt, &pg_params(chunk)).map_err(|e| classify_pg(e, &sql))?;
                }
            }
        }
        self.log(&format!("bulk insert (ignoring conflicts) into {table}"), started, Some(n));
        Ok(n)
    }

    /// Take the lock `name` for the rest of the transaction if nobody holds it (PostgreSQL
    /// advisory transaction lock); false when another transaction holds it. On SQLite the write
    /// transaction already excludes every other writer: always true.
    pub fn try_lock(&mut self, name: &str) -> Result<bool> {
        match &mut self.inner {
            TxInner::Sqlite(_) => Ok(true),
            TxInner::Postgres(t, _) => {
                let key = lock_key(name);
                Ok(t.query_one("SELECT pg_try_advisory_xact_lock($1)", &[&key])
                    .map_err(|e| classify_pg(e, "pg_try_advisory_xact_lock"))?
                    .get(0))
            }
        }
    }

    /// Serialise with other runs on `name` until the transaction ends (PostgreSQL advisory
    /// transaction lock; on SQLite the write transaction already holds the database lock).
    pub fn lock(&mut self, name: &str) -> Result<()> {
        match &mut self.inner {
            TxInner::Sqlite(_) => Ok(()),
            TxInner::Postgres(t, _) => {
                let key = lock_key(name);
                let deadline = Instant::now().checked_add(self.lock_timeout);
                loop {
                    let got: bool = t
                        .query_one("SELECT pg_try_advisory_xact_lock($1)", &[&key])
                        .map_err(|e| classify_pg(e, "pg_try_advisory_xact_lock"))?
                        .get(0);
                    if got {
                        return Ok(());
                    }
                    if deadline.is_some_and(|d| Instant::now() >= d) {
                        return Err(lock_busy(name, self.lock_timeout));
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    }

    /// Connections open to this database: sessions on it in `pg_stat_activity` on PostgreSQL,
    /// always 1 on SQLite (for analytics' `counts.database_connections`).
    pub fn database_connections(&mut self) -> Result<i64> {
        match self.kind() {
            DbKind::Sqlite => Ok(1),
            DbKind::Postgres => self.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()", &[]),
        }
    }

    /// The id of the row just inserted is returned by [`Tx::insert`]; this returns the list of
    /// ids for a name column after a bulk insert: `name -> id`.
    pub fn id_map(&mut self, sql: &str, params: &[Value]) -> Result<HashMap<String, i64>> {
        let mut m = HashMap::new();
        self.query_each(sql, params, |r| {
            m.insert(r.get::<String>(1)?, r.get::<i64>(0)?);
            Ok(())
        })?;
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_rewritten_outside_quotes() {
        assert_eq!(to_sqlite_sql("SELECT $1, '$2', \"$3\" WHERE a = $10"), "SELECT ?1, '$2', \"$3\" WHERE a = ?10");
    }

    #[test]
    fn urls_are_redacted() {
        assert_eq!(redact_url("postgres://u:secret@h:5432/db"), "postgres://u:****@h:5432/db");
        assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(
            redact_url("postgres://u:s3cret@h:5/db?password=p2&sslmode=require&sslpassword=p3"),
            "postgres://u:****@h:5/db?password=****&sslmode=require&sslpassword=****"
        );
        assert_eq!(redact_url("postgres://h/db?user=u&PASSWORD=x"), "postgres://h/db?user=u&PASSWORD=****");
    }

    #[test]
    fn sqlite_urls() {
        assert_eq!(sqlite_path("sqlite:///var/lib/a.db"), Some(PathBuf::from("/var/lib/a.db")));
        assert_eq!(sqlite_path("sqlite:rel.db"), Some(PathBuf::from("rel.db")));
        assert_eq!(sqlite_path("mysql://x"), None);
    }

    #[test]
    fn a_nul_in_a_text_value_is_bad_input_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::connect(&format!("sqlite://{}/t.db", dir.path().display()), DbOptions::default()).unwrap();
        db.write(|tx| tx.batch("CREATE TABLE t (a TEXT)")).unwrap();
        let bad = Value::from("a\0b");
        type Try<'f> = &'f dyn Fn(&mut Tx<'_>) -> Result<u64>;
        let tries: [Try<'_>; 3] = [
            &|tx| tx.execute("INSERT INTO t (a) VALUES ($1)", std::slice::from_ref(&bad)),
            &|tx| tx.insert_many("t", &["a"], [vec![Value::from("ok")], vec![bad.clone()]]),
            &|tx| tx.insert_many_ignore("t", &["a"], &["a"], std::slice::from_ref(&bad)),
        ];
        for f in tries {
            let e = db.write(f).unwrap_err();
            assert_eq!(e.kind, crate::error::ErrorKind::Data, "{e}");
            assert!(e.message.contains("NUL character"), "{e}");
        }
        assert_eq!(db.read(|tx| tx.scalar::<i64>("SELECT count(*) FROM t", &[])).unwrap(), 0);
        // Escaped inside a JSON document it is stored.
        db.write(|tx| tx.execute("INSERT INTO t (a) VALUES ($1)", &[Value::from(serde_json::json!({"k": "a\0b"}).to_string())])).unwrap();
    }

    #[test]
    fn insert_many_batches_rows_on_sqlite() {
        let dir = std::env::temp_dir().join(format!("awxm-db-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let url = format!("sqlite://{}/t.db", dir.display());
        let mut db = Db::connect(&url, DbOptions::default()).unwrap();
        for n in [0usize, 1, 64, 130] {
            let got = db
                .write_maybe(false, |tx| {
                    tx.batch("CREATE TEMP TABLE bt (a BIGINT, b TEXT)")?;
                    let inserted =
                        tx.insert_many("bt", &["a", "b"], (0..n).map(|i| vec![Value::Int(i as i64), Value::from(format!("v{i}"))]))?;
                    let sum: i64 = tx.scalar("SELECT COALESCE(sum(a), 0) FROM bt WHERE b = 'v' || a", &[])?;
                    Ok((inserted, sum))
                })
                .unwrap();
            assert_eq!(got, (n as u64, (0..n as i64).sum::<i64>()), "{n} rows");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn rows_are_read_by_column_name() {
        struct Org {
            id: i64,
            name: String,
            hosts: i64,
        }
        impl FromRow for Org {
            fn from_row(r: &Row) -> Result<Self> {
                Ok(Org { id: r.col("id")?, name: r.col("name")?, hosts: r.col("hosts")? })
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display()), DbOptions::default()).unwrap();
        let orgs = db
            .write(|tx| {
                tx.execute("INSERT INTO organization (name, created, modified) VALUES ('ops', '', '')", &[])?;
                // Column order differs from the struct's; an alias names an expression.
                tx.query_as::<Org>("SELECT 7 AS hosts, name, id FROM organization", &[])
            })
            .unwrap();
        assert_eq!((orgs[0].id > 0, orgs[0].name.as_str(), orgs[0].hosts), (true, "ops", 7));
        let row = db.read(|tx| tx.query_one("SELECT name, id FROM organization", &[])).unwrap();
        assert_eq!(row.iter().map(|(c, _)| c).collect::<Vec<_>>(), ["name", "id"]);
        let e = row.col::<String>("nope").unwrap_err();
        assert!(e.message.contains("no column nope") && e.message.contains("name, id"), "{}", e.message);
        let e = row.col::<i64>("name").unwrap_err();
        assert!(e.message.contains("column name"), "{}", e.message);
    }

    #[test]
    fn insert_many_ignore_skips_conflicts() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display()), DbOptions::default()).unwrap();
        let rows: Vec<Value> = vec![Value::Int(1), "a".into(), Value::Int(2), "b".into()];
        let n = db
            .write(|tx| {
                tx.batch("CREATE TABLE t (k BIGINT NOT NULL UNIQUE, v TEXT NOT NULL)")?;
                let first = tx.insert_many_ignore("t", &["k", "v"], &["k"], &rows)?;
                let again = tx.insert_many_ignore("t", &["k", "v"], &["k"], &rows)?;
                Ok((first, again, tx.scalar::<i64>("SELECT count(*) FROM t", &[])?))
            })
            .unwrap();
        assert_eq!(n, (2, 0, 2));
        assert!(db.write(|tx| tx.insert_many_ignore("t", &["k", "v"], &["k"], &rows[..3])).is_err());
    }

    #[test]
    fn reserved_ids_are_not_reused_on_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display()), DbOptions::default()).unwrap();
        let got = db
            .write(|tx| {
                tx.batch("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT NOT NULL)")?;
                tx.insert_many("t", &["v"], (0..3).map(|_| vec![Value::from("a")]))?;
                tx.execute("DELETE FROM t WHERE id = 3", &[])?;
                let ids = tx.reserve_ids("t", 2)?;
                tx.insert_many("t", &["id", "v"], ids.iter().map(|i| vec![Value::Int(*i), Value::from("b")]))?;
                let next = tx.insert("INSERT INTO t (v) VALUES ('c') RETURNING id", &[])?;
                Ok((ids, next, tx.reserve_ids("t", 0)?))
            })
            .unwrap();
        assert_eq!(got, (vec![4, 5], 6, vec![]));
    }
}
