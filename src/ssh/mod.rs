//! The SSH transport: the only module that knows the ssh2 crate (libssh2).
//!
//! Everything that reaches a node goes through [`Conn`]:
//! - [`Conn::connect`]: TCP connect with a timeout, handshake, host-key verification against an
//!   OpenSSH `known_hosts` file ([`known_hosts`]; policy `strict` or `accept-new`; a changed key
//!   is always refused), authentication (private key with passphrase, ssh-agent, password /
//!   keyboard-interactive), keepalives. [`Conn::reconnect`] repeats it with the same settings.
//! - [`Conn::exec`]: run a command, get exit status, stdout and stderr, with an optional timeout
//!   that kills the remote process group; [`Conn::start_detached`] starts a process that survives
//!   the connection; [`Conn::signal_group`] / [`Conn::process_alive`] reach it later.
//! - SFTP (`sftp.rs`): upload/download of files, bytes and whole trees preserving modes, reading
//!   a remote file from a byte offset, stat, mkdir -p, remove.
//! - [`fan_out`]: one operation on many nodes in parallel with a bounded number of workers.
//!
//! Errors are [`SshError`]s whose [`SshErrorKind`] maps onto awxm's exit codes (unreachable 69,
//! authentication / changed host key 77, unknown host key 78, missing remote file 66).
//! Secrets (passwords, keys, passphrases) never appear in `Debug` output or error messages.

mod conn;
mod fanout;
pub mod known_hosts;
mod sftp;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

pub use conn::{Conn, ExecOutput};
pub use fanout::fan_out;
pub use sftp::{RemoteStat, TransferStats};

use crate::error::{Error, ErrorKind};

/// What to do with a host whose key is not in known_hosts yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HostKeyPolicy {
    /// Refuse unknown hosts (the default).
    #[default]
    Strict,
    /// Record the key of a host seen for the first time; refuse changed keys.
    AcceptNew,
}

impl HostKeyPolicy {
    pub fn parse(s: &str) -> Option<HostKeyPolicy> {
        match s {
            "strict" => Some(HostKeyPolicy::Strict),
            "accept-new" => Some(HostKeyPolicy::AcceptNew),
            _ => None,
        }
    }
}

/// Connection settings shared by every node of one run.
#[derive(Debug, Clone)]
pub struct Options {
    /// TCP connect + handshake + authentication must finish within this.
    pub connect_timeout: Duration,
    /// Each blocking operation afterwards (channel open, SFTP request) must answer within this.
    pub io_timeout: Duration,
    /// Send a keepalive when the connection has been idle this long (0: never).
    pub keepalive: Duration,
    pub known_hosts: PathBuf,
    pub host_key_policy: HostKeyPolicy,
}

impl Options {
    pub fn new(known_hosts: PathBuf, host_key_policy: HostKeyPolicy) -> Options {
        Options {
            connect_timeout: Duration::from_secs(10),
            io_timeout: Duration::from_secs(60),
            keepalive: Duration::from_secs(15),
            known_hosts,
            host_key_policy,
        }
    }
}

/// How to authenticate. Tried in this order: the private key, the password (password or
/// keyboard-interactive), then — only when neither is given — the ssh-agent and the user's
/// default key files (`~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`).
#[derive(Clone, Default)]
pub struct Auth {
    /// PEM / OpenSSH private key text.
    pub private_key: Option<String>,
    pub passphrase: Option<String>,
    pub password: Option<String>,
    /// The agent socket (default: `$SSH_AUTH_SOCK`) used when no key or password is given.
    pub agent_socket: Option<PathBuf>,
    /// Default identity files tried when no key or password is given.
    pub identity_files: Vec<PathBuf>,
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("private_key", &self.private_key.as_ref().map(|_| crate::crypto::REDACTED))
            .field("passphrase", &self.passphrase.as_ref().map(|_| crate::crypto::REDACTED))
            .field("password", &self.password.as_ref().map(|_| crate::crypto::REDACTED))
            .field("agent_socket", &self.agent_socket)
            .field("identity_files", &self.identity_files)
            .finish()
    }
}

impl Auth {
    /// Agent and default key files of the user running awxm (no credential).
    pub fn from_environment() -> Auth {
        let home = crate::config::env_var("HOME").map(PathBuf::from);
        Auth {
            agent_socket: crate::config::env_var("SSH_AUTH_SOCK").map(PathBuf::from),
            identity_files: home
                .map(|h| ["id_ed25519", "id_ecdsa", "id_rsa"].iter().map(|n| h.join(".ssh").join(n)).filter(|p| p.is_file()).collect())
                .unwrap_or_default(),
            ..Auth::default()
        }
    }

    pub fn has_secret(&self) -> bool {
        self.private_key.is_some() || self.password.is_some()
    }
}

/// One node to connect to.
#[derive(Debug, Clone)]
pub struct Target {
    /// The name used in messages (the instance hostname).
    pub name: String,
    /// Address or DNS name to connect to.
    pub host: String,
    pub port: u16,
    pub user: String,
    pub auth: Auth,
}

impl Target {
    /// `user@host:port`, plus the instance name when it differs from the host.
    pub fn describe(&self) -> String {
        let base = format!("{}@{}:{}", self.user, self.host, self.port);
        if self.name.is_empty() || self.name == self.host { base } else { format!("{base} ({})", self.name) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SshErrorKind {
    /// DNS name did not resolve.
    Resolve,
    /// TCP connection refused or network unreachable.
    Connect,
    /// No answer within the timeout (connect, handshake or an operation).
    Timeout,
    /// SSH protocol failure (handshake, channel, disconnect).
    Protocol,
    /// The host's key is not in known_hosts and the policy is strict.
    HostKeyUnknown,
    /// The host presented a key different from the recorded one.
    HostKeyChanged,
    /// The host's key is marked @revoked.
    HostKeyRevoked,
    /// Authentication failed.
    Auth,
    /// A remote file or directory does not exist.
    NotFound,
    /// The remote side refused access to a file.
    Permission,
    /// Any other SFTP failure.
    Sftp,
    /// A local file could not be read or written.
    LocalIo,
}

/// An SSH failure, with a message naming the node.
#[derive(Debug, Clone)]
pub struct SshError {
    pub kind: SshErrorKind,
    pub message: String,
    pub details: Vec<String>,
}

impl SshError {
    pub fn new(kind: SshErrorKind, message: impl Into<String>) -> SshError {
        SshError { kind, message: message.into(), details: Vec::new() }
    }
    pub fn detail(mut self, d: impl Into<String>) -> SshError {
        self.details.push(d.into());
        self
    }
    /// Whether a later attempt may succeed (the node may come back): worth a reconnect.
    pub fn is_transient(&self) -> bool {
        matches!(self.kind, SshErrorKind::Connect | SshErrorKind::Timeout | SshErrorKind::Protocol | SshErrorKind::Resolve)
    }
}

impl fmt::Display for SshError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SshError {}

impl From<SshError> for Error {
    fn from(e: SshError) -> Error {
        let kind = match e.kind {
            SshErrorKind::Resolve | SshErrorKind::Connect | SshErrorKind::Timeout | SshErrorKind::Protocol => ErrorKind::Unavailable,
            SshErrorKind::HostKeyUnknown => ErrorKind::Config,
            SshErrorKind::HostKeyChanged | SshErrorKind::HostKeyRevoked | SshErrorKind::Auth | SshErrorKind::Permission => {
                ErrorKind::Permission
            }
            SshErrorKind::NotFound => ErrorKind::NotFound,
            SshErrorKind::Sftp | SshErrorKind::LocalIo => ErrorKind::Io,
        };
        let mut err = Error::new(kind, e.message);
        err.details = e.details;
        err
    }
}

pub type SshResult<T> = std::result::Result<T, SshError>;

/// Quote a string for a POSIX shell (single quotes; `'` becomes `'\''`; words of only safe
/// characters stay as they are). The one shell quoting of awxm: remote commands, a job's
/// `env/cmdline`, the script of `inventory_export --script`.
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b)) {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("abc/d-1.txt"), "abc/d-1.txt");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("--forks=5"), "--forks=5");
        assert_eq!(shell_quote("a b'c"), r"'a b'\''c'");
        assert_eq!(shell_quote("$(x)"), "'$(x)'");
    }

    #[test]
    fn secrets_are_not_in_debug_output() {
        let a = Auth { password: Some("hunter2".into()), private_key: Some("KEYDATA".into()), ..Auth::default() };
        let d = format!("{a:?}");
        assert!(!d.contains("hunter2") && !d.contains("KEYDATA"), "{d}");
    }

    #[test]
    fn error_kinds_map_to_exit_codes() {
        let code = |k| Error::from(SshError::new(k, "x")).exit_code();
        assert_eq!(code(SshErrorKind::Connect), 69);
        assert_eq!(code(SshErrorKind::Timeout), 69);
        assert_eq!(code(SshErrorKind::HostKeyUnknown), 78);
        assert_eq!(code(SshErrorKind::HostKeyChanged), 77);
        assert_eq!(code(SshErrorKind::Auth), 77);
        assert_eq!(code(SshErrorKind::NotFound), 66);
    }
}
