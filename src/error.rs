//! One error type for the whole binary. Its [`ErrorKind`] decides the exit code, chosen where the
//! error arises (never by parsing message strings). Context lines (e.g. `file:line: problem`) are
//! printed under the one-line message.

use std::fmt;

/// Exit codes, documented in README.md and `awxm(1)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// 1: the work ran and its outcome is a failure.
    Failure,
    /// 2: usage error.
    Usage,
    /// 65: bad input data.
    Data,
    /// 66: input or object not found.
    NotFound,
    /// 69: a service is unreachable (database, node, SMTP, upload endpoint).
    Unavailable,
    /// 70: internal error (a bug).
    Internal,
    /// 73: cannot create an output file.
    CantCreate,
    /// 74: an I/O error.
    Io,
    /// 75: temporary failure (a lock is held); retry later.
    TempFail,
    /// 77: permission denied.
    Permission,
    /// 78: configuration error.
    Config,
    /// 128 + the signal: interrupted (130 SIGINT, 143 SIGTERM, 129 SIGHUP; 130 for an aborted prompt).
    Interrupted,
}

impl ErrorKind {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Failure => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Data => 65,
            ErrorKind::NotFound => 66,
            ErrorKind::Unavailable => 69,
            ErrorKind::Internal => 70,
            ErrorKind::CantCreate => 73,
            ErrorKind::Io => 74,
            ErrorKind::TempFail => 75,
            ErrorKind::Permission => 77,
            ErrorKind::Config => 78,
            ErrorKind::Interrupted => crate::signals::interrupted_exit_code(),
        }
    }
}

#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// Extra lines printed under the message (locations, hints).
    pub details: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), details: Vec::new() }
    }
    pub fn failure(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Failure, m)
    }
    pub fn usage(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, m)
    }
    pub fn data(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Data, m)
    }
    pub fn not_found(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, m)
    }
    pub fn unavailable(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unavailable, m)
    }
    pub fn internal(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, m)
    }
    pub fn temp(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::TempFail, m)
    }
    pub fn permission(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Permission, m)
    }
    pub fn config(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, m)
    }
    pub fn io(m: impl Into<String>) -> Self {
        Self::new(ErrorKind::Io, m)
    }
    /// An I/O error on `path`, classified: a missing file is 66, anything else 74.
    pub fn io_at(path: impl AsRef<std::path::Path>, e: &std::io::Error) -> Self {
        let kind = match e.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            std::io::ErrorKind::PermissionDenied => ErrorKind::Permission,
            _ => ErrorKind::Io,
        };
        Self::new(kind, format!("{}: {}", path.as_ref().display(), e))
    }
    /// Data error located in an input: `file:line: problem`.
    pub fn at(file: &str, line: usize, problem: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Data, format!("{file}:{line}: {problem}"))
    }
    pub fn detail(mut self, line: impl Into<String>) -> Self {
        self.details.push(line.into());
        self
    }
    /// Prefix the message with context ("while doing X: ...").
    pub fn context(mut self, ctx: impl fmt::Display) -> Self {
        self.message = format!("{ctx}: {}", self.message);
        self
    }
    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        // fs_err's messages already name the path.
        let kind = match e.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            std::io::ErrorKind::PermissionDenied => ErrorKind::Permission,
            _ => ErrorKind::Io,
        };
        Error::new(kind, e.to_string())
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::data(format!("invalid JSON: {e}"))
    }
}

/// Extension to attach context to results of foreign error types.
pub trait ResultExt<T> {
    fn ctx(self, kind: ErrorKind, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T, E: fmt::Display> ResultExt<T> for std::result::Result<T, E> {
    fn ctx(self, kind: ErrorKind, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| Error::new(kind, format!("{}: {e}", what())))
    }
}

/// Shorthand for early returns: `bail!(data, "bad {}", x)`.
#[macro_export]
macro_rules! bail {
    ($kind:ident, $($arg:tt)*) => {
        return Err($crate::error::Error::$kind(format!($($arg)*)))
    };
}
