//! PostgreSQL connections as libpq makes them: the URL forms, the `PG*` environment variables,
//! the TLS modes (`sslmode` disable/allow/prefer/require/verify-ca/verify-full with
//! `sslrootcert`, `sslcert`, `sslkey`, `sslcrl` and libpq's default files under
//! `~/.postgresql/`), passwords from the URL, `database_password_file`, `PGPASSWORD` or the
//! password file (`~/.pgpass`, `PGPASSFILE`), several hosts with `target_session_attrs`.
//!
//! The environment is not read here: `config.rs` hands over the `PG*` variables and `HOME` in
//! [`PgOptions`]. Each host is tried in turn (as libpq does) with the TLS attempts its
//! `sslmode` calls for; the errors name the host and say what to change.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use openssl::ssl::{SslConnector, SslContextBuilder, SslMethod, SslVerifyMode, SslVersion};
use openssl::x509::store::X509StoreBuilder;
use openssl::x509::{X509, X509Crl};
use postgres::config::SslMode as CrateSslMode;
use postgres::tls::{MakeTlsConnect, TlsConnect};

use crate::error::{Error, ErrorKind, Result};

/// What the process environment contributes to PostgreSQL connections (filled by `config.rs`).
#[derive(Debug, Clone, Default)]
pub struct PgOptions {
    /// libpq's environment variables (`PGHOST`, `PGSSLMODE`, …) and `HOME`.
    pub env: BTreeMap<String, String>,
    /// `database_password_file`: a file holding the password (e.g. a systemd credential).
    pub password_file: Option<PathBuf>,
}

/// The libpq environment variables awxm honours, by connection parameter.
pub const ENV_VARS: &[(&str, &str)] = &[
    ("host", "PGHOST"),
    ("hostaddr", "PGHOSTADDR"),
    ("port", "PGPORT"),
    ("dbname", "PGDATABASE"),
    ("user", "PGUSER"),
    ("password", "PGPASSWORD"),
    ("passfile", "PGPASSFILE"),
    ("application_name", "PGAPPNAME"),
    ("connect_timeout", "PGCONNECT_TIMEOUT"),
    ("options", "PGOPTIONS"),
    ("sslmode", "PGSSLMODE"),
    ("sslrootcert", "PGSSLROOTCERT"),
    ("sslcert", "PGSSLCERT"),
    ("sslkey", "PGSSLKEY"),
    ("sslcrl", "PGSSLCRL"),
    ("sslsni", "PGSSLSNI"),
    ("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION"),
    ("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION"),
    ("target_session_attrs", "PGTARGETSESSIONATTRS"),
    ("channel_binding", "PGCHANNELBINDING"),
    ("gssencmode", "PGGSSENCMODE"),
    ("client_encoding", "PGCLIENTENCODING"),
];

/// Connection parameters libpq knows and awxm uses.
const KNOWN: &[&str] = &[
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "passfile",
    "application_name",
    "fallback_application_name",
    "connect_timeout",
    "options",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_count",
    "tcp_user_timeout",
    "sslmode",
    "requiressl",
    "sslcompression",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "sslpassword",
    "sslcrl",
    "sslsni",
    "ssl_min_protocol_version",
    "ssl_max_protocol_version",
    "target_session_attrs",
    "channel_binding",
    "gssencmode",
    "client_encoding",
    "load_balance_hosts",
    "krbsrvname",
    "gsslib",
];

/// libpq parameters awxm refuses (rather than silently ignoring them).
const UNSUPPORTED: &[&str] = &["service", "replication", "requirepeer", "sslcrldir", "sslcertmode", "require_auth", "gssdelegation"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SslMode {
    Disable,
    Allow,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    fn parse(s: &str) -> Result<SslMode> {
        Ok(match s {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => {
                return Err(Error::config(format!("invalid sslmode {s:?}: use disable, allow, prefer, require, verify-ca or verify-full")));
            }
        })
    }
    fn name(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Allow => "allow",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SessionAttrs {
    Any,
    ReadWrite,
    ReadOnly,
    Primary,
    Standby,
    PreferStandby,
}

/// Decode `%XX` escapes (libpq's URI decoding).
fn percent_decode(s: &str) -> Result<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3).filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()));
            let Some(hex) = hex else {
                return Err(Error::config(format!("invalid percent-encoded token in the database URL near {:?}", &s[i..])));
            };
            let v = u8::from_str_radix(hex, 16).map_err(|_| Error::config("invalid percent-encoded token in the database URL"))?;
            if v == 0 {
                return Err(Error::config("forbidden value %00 in the database URL"));
            }
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| Error::config("the database URL decodes to invalid UTF-8"))
}

/// Parse a `postgres://` / `postgresql://` URL into libpq's connection parameters.
pub fn parse_url(url: &str) -> Result<BTreeMap<String, String>> {
    let rest = url
        .strip_prefix("postgresql://")
        .or_else(|| url.strip_prefix("postgres://"))
        .ok_or_else(|| Error::config("a PostgreSQL URL starts with postgres:// or postgresql://"))?;
    let mut params = BTreeMap::new();
    let (before_query, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match before_query.find('/') {
        Some(i) => (&before_query[..i], Some(&before_query[i + 1..])),
        None => (before_query, None),
    };
    // libpq: user credentials end at the first '@'.
    let hostspec = match authority.find('@') {
        Some(i) => {
            let creds = &authority[..i];
            let (user, password) = match creds.split_once(':') {
                Some((u, p)) => (u, Some(p)),
                None => (creds, None),
            };
            if !user.is_empty() {
                params.insert("user".to_string(), percent_decode(user)?);
            }
            if let Some(p) = password
                && !p.is_empty()
            {
                params.insert("password".to_string(), percent_decode(p)?);
            }
            &authority[i + 1..]
        }
        None => authority,
    };
    if !hostspec.is_empty() {
        let mut hosts = Vec::new();
        let mut ports = Vec::new();
        for part in hostspec.split(',') {
            let (host, port) = if let Some(inner) = part.strip_prefix('[') {
                let (h, after) =
                    inner.split_once(']').ok_or_else(|| Error::config(format!("missing ']' in the database URL host {part:?}")))?;
                let port = match after {
                    "" => "",
                    p => p.strip_prefix(':').ok_or_else(|| Error::config(format!("unexpected {p:?} after the IPv6 address {h}")))?,
                };
                (h.to_string(), port.to_string())
            } else {
                match part.split_once(':') {
                    Some((h, p)) => (percent_decode(h)?, p.to_string()),
                    None => (percent_decode(part)?, String::new()),
                }
            };
            hosts.push(host);
            ports.push(percent_decode(&port)?);
        }
        if hosts.iter().any(|h| !h.is_empty()) {
            params.insert("host".to_string(), hosts.join(","));
        }
        if ports.iter().any(|p| !p.is_empty()) {
            params.insert("port".to_string(), ports.join(","));
        }
    }
    if let Some(db) = path
        && !db.is_empty()
    {
        params.insert("dbname".to_string(), percent_decode(db)?);
    }
    if let Some(q) = query {
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) =
                pair.split_once('=').ok_or_else(|| Error::config(format!("missing '=' in the database URL parameter {pair:?}")))?;
            let (mut k, mut v) = (percent_decode(k)?, percent_decode(v)?);
            // libpq's JDBC compatibility: ssl=true means sslmode=require.
            if k == "ssl" && v == "true" {
                k = "sslmode".into();
                v = "require".into();
            }
            if UNSUPPORTED.contains(&k.as_str()) {
                return Err(Error::config(format!("the connection parameter {k:?} is not supported by awxm")));
            }
            if !KNOWN.contains(&k.as_str()) {
                return Err(Error::config(format!("invalid database URL parameter {k:?}")));
            }
            params.insert(k, v);
        }
    }
    Ok(params)
}

/// One host to try.
#[derive(Debug, Clone)]
struct Target {
    /// A host name or address, or a socket directory (starts with `/`).
    host: String,
    hostaddr: Option<std::net::IpAddr>,
    port: u16,
}

impl Target {
    fn is_unix(&self) -> bool {
        self.host.starts_with('/') && self.hostaddr.is_none()
    }
    fn display(&self) -> String {
        if self.host.contains(':') { format!("[{}]:{}", self.host, self.port) } else { format!("{}:{}", self.host, self.port) }
    }
}

/// Where a password came from (named in errors, never the password itself).
#[derive(Debug, Clone)]
enum PwSource {
    Url,
    File(PathBuf),
    Env,
    PassFile(PathBuf),
}

impl PwSource {
    fn describe(&self) -> String {
        match self {
            PwSource::Url => "the database URL".into(),
            PwSource::File(p) => format!("database_password_file {}", p.display()),
            PwSource::Env => "PGPASSWORD".into(),
            PwSource::PassFile(p) => format!("the password file {}", p.display()),
        }
    }
}

/// Resolved settings of one connection (URL over environment over libpq's defaults).
pub struct ConnInfo {
    targets: Vec<Target>,
    user: String,
    dbname: String,
    password: Option<(String, PwSource)>,
    passfile: PathBuf,
    application_name: String,
    options: Option<String>,
    connect_timeout: Option<Duration>,
    keepalives: bool,
    keepalives_idle: Duration,
    keepalives_interval: Duration,
    keepalives_count: u32,
    tcp_user_timeout: Option<Duration>,
    /// Shared with the connector built when a server agrees to TLS (see [`LazyTls`]).
    pub tls: Arc<TlsSettings>,
    session_attrs: SessionAttrs,
    channel_binding: postgres::config::ChannelBinding,
    load_balance: bool,
}

#[derive(Debug, Clone)]
enum RootCert {
    None,
    File(PathBuf),
    System,
}

fn bool_param(k: &str, v: &str) -> Result<bool> {
    match v {
        "1" | "on" | "true" | "yes" => Ok(true),
        "0" | "off" | "false" | "no" => Ok(false),
        _ => Err(Error::config(format!("invalid value {v:?} for {k}: use 1 or 0"))),
    }
}

fn secs_param(k: &str, v: &str) -> Result<i64> {
    v.trim().parse::<i64>().map_err(|_| Error::config(format!("invalid value {v:?} for {k}: an integer number of seconds")))
}

fn tls_version(k: &str, v: &str) -> Result<Option<SslVersion>> {
    Ok(Some(match v {
        "" => return Ok(None),
        "TLSv1" => SslVersion::TLS1,
        "TLSv1.1" => SslVersion::TLS1_1,
        "TLSv1.2" => SslVersion::TLS1_2,
        "TLSv1.3" => SslVersion::TLS1_3,
        _ => return Err(Error::config(format!("invalid {k} {v:?}: use TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3"))),
    }))
}

fn os_user() -> String {
    nix::unistd::User::from_uid(nix::unistd::geteuid()).ok().flatten().map(|u| u.name).unwrap_or_else(|| "root".into())
}

fn home_dir(opts: &PgOptions) -> Option<PathBuf> {
    opts.env.get("HOME").map(PathBuf::from).or_else(|| nix::unistd::User::from_uid(nix::unistd::geteuid()).ok().flatten().map(|u| u.dir))
}

/// libpq's default socket directory (Debian's build; `/tmp` elsewhere).
fn default_socket_dir() -> String {
    if Path::new("/var/run/postgresql").is_dir() { "/var/run/postgresql".into() } else { "/tmp".into() }
}

/// A non-empty parameter of the resolved URL.
fn param<'a>(p: &'a BTreeMap<String, String>, k: &str) -> Option<&'a str> {
    p.get(k).map(String::as_str).filter(|v| !v.is_empty())
}

/// The hosts to try, in order: `host`, `hostaddr` and `port` (lists of equal length, or one port).
fn targets<'a>(get: &impl Fn(&str) -> Option<&'a str>) -> Result<Vec<Target>> {
    // Hosts and ports.
    let hosts: Vec<String> = match get("host") {
        Some(h) => h.split(',').map(|s| if s.is_empty() { default_socket_dir() } else { s.to_string() }).collect(),
        None => vec![default_socket_dir()],
    };
    let hostaddrs: Vec<Option<std::net::IpAddr>> = match get("hostaddr") {
        Some(a) => a
            .split(',')
            .map(|s| {
                if s.is_empty() {
                    Ok(None)
                } else {
                    s.parse().map(Some).map_err(|_| Error::config(format!("invalid hostaddr {s:?}: an IP address")))
                }
            })
            .collect::<Result<_>>()?,
        None => Vec::new(),
    };
    let hosts = if get("host").is_none() && !hostaddrs.is_empty() {
        hostaddrs.iter().map(|a| a.map(|a| a.to_string()).unwrap_or_else(default_socket_dir)).collect()
    } else {
        hosts
    };
    if !hostaddrs.is_empty() && hostaddrs.len() != hosts.len() {
        return Err(Error::config(format!("{} hosts but {} hostaddrs in the database URL", hosts.len(), hostaddrs.len())));
    }
    let ports: Vec<u16> = match get("port") {
        Some(ps) => ps
            .split(',')
            .map(|s| {
                if s.is_empty() {
                    Ok(5432)
                } else {
                    s.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(|| Error::config(format!("invalid port {s:?}")))
                }
            })
            .collect::<Result<_>>()?,
        None => vec![5432],
    };
    if ports.len() != 1 && ports.len() != hosts.len() {
        return Err(Error::config(format!("{} ports for {} hosts in the database URL", ports.len(), hosts.len())));
    }
    Ok(hosts
        .iter()
        .enumerate()
        .map(|(i, h)| Target {
            host: h.clone(),
            hostaddr: hostaddrs.get(i).copied().flatten(),
            port: if ports.len() == 1 { ports[0] } else { ports[i] },
        })
        .collect())
}

/// The password and where it came from: URL > database_password_file > PGPASSWORD (the
/// password file is read per host, later).
fn password<'a>(get: &impl Fn(&str) -> Option<&'a str>, url_password: bool, opts: &PgOptions) -> Result<Option<(String, PwSource)>> {
    let password_file_value = match &opts.password_file {
        Some(path) => Some((read_password_file(path)?, path.clone())),
        None => None,
    };
    Ok(match get("password") {
        Some(pw) if url_password => Some((pw.to_string(), PwSource::Url)),
        Some(pw) => match &password_file_value {
            Some((v, path)) => Some((v.clone(), PwSource::File(path.clone()))),
            None => Some((pw.to_string(), PwSource::Env)),
        },
        None => password_file_value.as_ref().map(|(v, path)| (v.clone(), PwSource::File(path.clone()))),
    })
}

/// TLS: the mode (explicit, or implied by `sslrootcert=system`), the root certificate, the
/// revocation list and the client certificate with its key (libpq's default files in `pgdir`).
#[allow(clippy::type_complexity)]
fn tls<'a>(
    get: &impl Fn(&str) -> Option<&'a str>,
    pgdir: Option<&Path>,
) -> Result<(SslMode, RootCert, Option<PathBuf>, Option<(PathBuf, PathBuf)>)> {
    let explicit_mode = match (get("sslmode"), get("requiressl")) {
        (Some(m), _) => Some(SslMode::parse(m)?),
        (None, Some(r)) if bool_param("requiressl", r)? => Some(SslMode::Require),
        _ => None,
    };
    let rootcert = match get("sslrootcert") {
        Some("system") => RootCert::System,
        Some(f) => {
            let path = PathBuf::from(f);
            if explicit_mode != Some(SslMode::Disable) && !path.is_file() {
                return Err(Error::config(format!("root certificate file {} (sslrootcert) does not exist", path.display())));
            }
            RootCert::File(path)
        }
        None => match pgdir.map(|d| d.join("root.crt")) {
            Some(p) if p.is_file() => RootCert::File(p),
            _ => RootCert::None,
        },
    };
    let sslmode = match (&rootcert, explicit_mode) {
        (RootCert::System, None) => SslMode::VerifyFull,
        (RootCert::System, Some(m)) if m != SslMode::VerifyFull && m != SslMode::Disable => {
            return Err(Error::config(format!(
                "weak sslmode {:?} may not be used with sslrootcert=system (use \"verify-full\")",
                m.name()
            )));
        }
        (_, m) => m.unwrap_or(SslMode::Prefer),
    };
    if matches!(sslmode, SslMode::VerifyCa | SslMode::VerifyFull) && matches!(rootcert, RootCert::None) {
        return Err(Error::config(format!(
            "sslmode={} needs the certificate of the CA that signed the server's certificate: give sslrootcert=FILE (or sslrootcert=system) in the URL, PGSSLROOTCERT, or put it in {}",
            sslmode.name(),
            pgdir.unwrap_or(Path::new("")).join("root.crt").display()
        )));
    }
    let crl = match get("sslcrl") {
        Some(f) => {
            let path = PathBuf::from(f);
            if sslmode != SslMode::Disable && !path.is_file() {
                return Err(Error::config(format!("certificate revocation list {} (sslcrl) does not exist", path.display())));
            }
            Some(path)
        }
        None => pgdir.map(|d| d.join("root.crl")).filter(|p| p.is_file()),
    };
    let client_cert = if sslmode == SslMode::Disable {
        None
    } else {
        let cert = match get("sslcert") {
            Some(f) => {
                let path = PathBuf::from(f);
                if !path.is_file() {
                    return Err(Error::config(format!("client certificate file {} (sslcert) does not exist", path.display())));
                }
                Some(path)
            }
            None => pgdir.map(|d| d.join("postgresql.crt")).filter(|p| p.is_file()),
        };
        match cert {
            Some(cert) => {
                let key = match get("sslkey") {
                    Some(f) => PathBuf::from(f),
                    None => pgdir.map(|d| d.join("postgresql.key")).unwrap_or_default(),
                };
                check_key_file(&cert, &key)?;
                Some((cert, key))
            }
            None => None,
        }
    };
    Ok((sslmode, rootcert, crl, client_cert))
}

impl ConnInfo {
    /// URL parameters, then the environment, then libpq's defaults.
    pub fn resolve(url: &str, opts: &PgOptions) -> Result<ConnInfo> {
        let mut p = parse_url(url)?;
        for (param, var) in ENV_VARS {
            if !p.contains_key(*param)
                && let Some(v) = opts.env.get(*var).filter(|v| !v.is_empty())
            {
                p.insert(param.to_string(), v.clone());
            }
        }
        // PGPASSWORD fills `password` above; remember whether the URL gave it.
        let url_password = parse_url(url)?.contains_key("password");
        let get = |k: &str| param(&p, k);
        let home = home_dir(opts);
        let pgdir = home.as_ref().map(|h| h.join(".postgresql"));

        let targets = targets(&get)?;

        let user = get("user").map(str::to_string).unwrap_or_else(os_user);
        let dbname = get("dbname").map(str::to_string).unwrap_or_else(|| user.clone());

        let password = password(&get, url_password, opts)?;
        let passfile = get("passfile").map(PathBuf::from).unwrap_or_else(|| home.clone().unwrap_or_default().join(".pgpass"));

        let application_name = get("application_name").or(get("fallback_application_name")).unwrap_or("awxm").to_string();
        let connect_timeout = match get("connect_timeout") {
            // libpq: zero or negative waits forever; otherwise at least 2 seconds.
            Some(v) => match secs_param("connect_timeout", v)? {
                n if n <= 0 => None,
                n => Some(Duration::from_secs(n.max(2) as u64)),
            },
            None => None,
        };
        let keepalives = get("keepalives").map(|v| bool_param("keepalives", v)).transpose()?.unwrap_or(true);
        let secs = |k: &str, default: u64| -> Result<Duration> {
            Ok(match get(k) {
                Some(v) => Duration::from_secs(secs_param(k, v)?.max(1) as u64),
                None => Duration::from_secs(default),
            })
        };
        let keepalives_idle = secs("keepalives_idle", 60)?;
        let keepalives_interval = secs("keepalives_interval", 10)?;
        let keepalives_count = match get("keepalives_count") {
            Some(v) => secs_param("keepalives_count", v)?.clamp(1, 1000) as u32,
            None => 6,
        };
        let tcp_user_timeout = match get("tcp_user_timeout") {
            Some(v) => match secs_param("tcp_user_timeout", v)? {
                n if n <= 0 => None,
                n => Some(Duration::from_millis(n as u64)),
            },
            None => None,
        };

        let (sslmode, rootcert, crl, client_cert) = tls(&get, pgdir.as_deref())?;
        let sslsni = get("sslsni").map(|v| bool_param("sslsni", v)).transpose()?.unwrap_or(true);
        let min_tls = match get("ssl_min_protocol_version") {
            Some(v) => tls_version("ssl_min_protocol_version", v)?,
            None => Some(SslVersion::TLS1_2),
        };
        let max_tls = get("ssl_max_protocol_version").map(|v| tls_version("ssl_max_protocol_version", v)).transpose()?.flatten();

        let session_attrs = match get("target_session_attrs").unwrap_or("any") {
            "any" => SessionAttrs::Any,
            "read-write" => SessionAttrs::ReadWrite,
            "read-only" => SessionAttrs::ReadOnly,
            "primary" => SessionAttrs::Primary,
            "standby" => SessionAttrs::Standby,
            "prefer-standby" => SessionAttrs::PreferStandby,
            o => {
                return Err(Error::config(format!(
                    "invalid target_session_attrs {o:?}: use any, read-write, read-only, primary, standby or prefer-standby"
                )));
            }
        };
        let channel_binding = match get("channel_binding").unwrap_or("prefer") {
            "disable" => postgres::config::ChannelBinding::Disable,
            "prefer" => postgres::config::ChannelBinding::Prefer,
            "require" => postgres::config::ChannelBinding::Require,
            o => return Err(Error::config(format!("invalid channel_binding {o:?}: use disable, prefer or require"))),
        };
        if let Some(g) = get("gssencmode")
            && g == "require"
        {
            return Err(Error::config("gssencmode=require: awxm does not support GSSAPI encryption; use TLS (sslmode)"));
        }
        if let Some(enc) = get("client_encoding")
            && !matches!(enc.to_ascii_uppercase().as_str(), "UTF8" | "UTF-8" | "AUTO")
        {
            return Err(Error::config(format!("client_encoding {enc:?}: awxm always talks UTF8 to PostgreSQL")));
        }
        let load_balance = match get("load_balance_hosts").unwrap_or("disable") {
            "disable" => false,
            "random" => true,
            o => return Err(Error::config(format!("invalid load_balance_hosts {o:?}: use disable or random"))),
        };
        Ok(ConnInfo {
            targets,
            user,
            dbname,
            password,
            passfile,
            application_name,
            options: get("options").map(str::to_string),
            connect_timeout,
            keepalives,
            keepalives_idle,
            keepalives_interval,
            keepalives_count,
            tcp_user_timeout,
            tls: Arc::new(TlsSettings {
                sslmode,
                rootcert,
                crl,
                client_cert,
                sslpassword: get("sslpassword").map(str::to_string),
                sslsni,
                min_tls,
                max_tls,
            }),
            session_attrs,
            channel_binding,
            load_balance,
        })
    }
}

fn read_password_file(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::config(format!("database_password_file {}: {e}", path.display())))?;
    if meta.mode() & 0o007 != 0 {
        return Err(Error::config(format!(
            "database_password_file {} is readable by everyone; make it readable by awxm's user only (chmod 0600 or 0400)",
            path.display()
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| Error::config(format!("database_password_file {}: {e}", path.display())))?;
    let pw = text.lines().next().unwrap_or("");
    if pw.is_empty() {
        return Err(Error::config(format!("database_password_file {} is empty", path.display())));
    }
    Ok(pw.to_string())
}

/// libpq's checks of a client key: it exists with the certificate, is a regular file and is
/// not open to others (0600 or less if owned by the user, 0640 or less if owned by root).
fn check_key_file(cert: &Path, key: &Path) -> Result<()> {
    let meta = std::fs::metadata(key).map_err(|e| {
        Error::config(format!("certificate {} is present, but not its private key file {}: {e}", cert.display(), key.display()))
    })?;
    if !meta.is_file() {
        return Err(Error::config(format!("private key file {} is not a regular file", key.display())));
    }
    let mode = meta.mode();
    let me = nix::unistd::geteuid().as_raw();
    let bad = (meta.uid() == me && mode & 0o077 != 0) || (meta.uid() == 0 && mode & 0o037 != 0);
    if bad {
        return Err(Error::config(format!(
            "private key file {} has group or world access; file must have permissions u=rw (0600) or less if owned by the current user, or permissions u=rw,g=r (0640) or less if owned by root",
            key.display()
        )));
    }
    Ok(())
}

/// A line of a password file split into its five fields (`\:` and `\\` unescaped); `None` for
/// comments and lines with fewer fields.
fn pgpass_fields(line: &str) -> Option<[String; 5]> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut fields: Vec<String> = Vec::with_capacity(5);
    let mut cur = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                cur.push(n);
            }
        } else if c == ':' && fields.len() < 4 {
            fields.push(std::mem::take(&mut cur));
        } else if c == ':' {
            break; // the password ends at an unescaped ':'
        } else {
            cur.push(c);
        }
    }
    if fields.len() < 4 {
        return None;
    }
    fields.push(cur);
    fields.try_into().ok()
}

/// The escaped-field match of libpq: `*` matches anything; a field `\*` means a literal star.
fn pgpass_match(line: &str, want: [&str; 4]) -> Option<String> {
    // Re-scan to tell a bare `*` from an escaped one.
    let raw: Vec<&str> = {
        let mut v = Vec::new();
        let mut start = 0;
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() && v.len() < 4 {
            if b[i] == b'\\' {
                i += 2;
                continue;
            }
            if b[i] == b':' {
                v.push(&line[start..i]);
                start = i + 1;
            }
            i += 1;
        }
        v
    };
    let fields = pgpass_fields(line)?;
    for i in 0..4 {
        if raw.get(i) == Some(&"*") {
            continue;
        }
        if fields[i] != want[i] {
            return None;
        }
    }
    Some(fields[4].clone())
}

/// Look the password up in the password file as libpq does. `Err` carries why the file was
/// ignored (libpq's warnings), to name in the "password needed" error.
fn pgpass_lookup(file: &Path, host: &str, port: u16, db: &str, user: &str) -> std::result::Result<Option<String>, String> {
    let meta = match std::fs::metadata(file) {
        Ok(m) => m,
        Err(_) => return Ok(None),
    };
    if !meta.is_file() {
        return Err(format!("password file {} is not a plain file", file.display()));
    }
    if meta.mode() & 0o077 != 0 {
        return Err(format!(
            "password file {} has group or world access and was ignored; permissions should be u=rw (0600) or less",
            file.display()
        ));
    }
    let text = std::fs::read_to_string(file).map_err(|e| format!("password file {}: {e}", file.display()))?;
    // libpq matches "localhost" for the default socket directory.
    let host = if host.is_empty() || host == default_socket_dir() { "localhost" } else { host };
    let port = port.to_string();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(pw) = pgpass_match(line, [host, &port, db, user])
            && !pw.is_empty()
        {
            return Ok(Some(pw));
        }
    }
    Ok(None)
}

/// A captured certificate verification failure (OpenSSL's reason).
type VerifyFailure = Arc<Mutex<Option<String>>>;

/// The TLS settings of a connection.
pub struct TlsSettings {
    pub sslmode: SslMode,
    rootcert: RootCert,
    crl: Option<PathBuf>,
    client_cert: Option<(PathBuf, PathBuf)>,
    sslpassword: Option<String>,
    sslsni: bool,
    min_tls: Option<SslVersion>,
    max_tls: Option<SslVersion>,
}

fn tls_setup_error(e: openssl::error::ErrorStack) -> Error {
    Error::config(format!("TLS setup: {e}"))
}

fn tls_connector(tls: &TlsSettings, verify_failed: &VerifyFailure) -> Result<postgres_openssl::MakeTlsConnector> {
    let mut b = SslConnector::builder(SslMethod::tls_client()).map_err(tls_setup_error)?;
    configure_tls(&mut b, tls, verify_failed)?;
    let mut connector = postgres_openssl::MakeTlsConnector::new(b.build());
    let (hostname_check, sni) = (tls.sslmode == SslMode::VerifyFull, tls.sslsni);
    connector.set_callback(move |c, _domain| {
        c.set_verify_hostname(hostname_check);
        c.set_use_server_name_indication(sni);
        Ok(())
    });
    Ok(connector)
}

/// Check the TLS settings as building a connector would (protocol versions, root
/// certificates, CRLs, the client certificate, its key and passphrase), on a context that
/// loads nothing else.
fn check_tls(tls: &TlsSettings) -> Result<()> {
    let mut b = SslContextBuilder::new(SslMethod::tls_client()).map_err(tls_setup_error)?;
    configure_tls(&mut b, tls, &VerifyFailure::default())
}

/// Everything of a TLS context but the connector's defaults.
fn configure_tls(b: &mut SslContextBuilder, tls: &TlsSettings, verify_failed: &VerifyFailure) -> Result<()> {
    let setup = tls_setup_error;
    b.set_min_proto_version(tls.min_tls).map_err(setup)?;
    b.set_max_proto_version(tls.max_tls).map_err(setup)?;
    let verify = !matches!(tls.rootcert, RootCert::None);
    if verify {
        let store = root_store(&tls.rootcert)?;
        let crls = match &tls.crl {
            Some(path) => load_crls(path)?,
            None => Vec::new(),
        };
        b.set_cert_store(store);
        let slot = Arc::clone(verify_failed);
        b.set_verify_callback(SslVerifyMode::PEER, move |ok, ctx| {
            let mut reason = None;
            if !ok {
                reason = Some(ctx.error().error_string().to_string());
            } else if let Some(cert) = ctx.current_cert() {
                reason = crl_refusal(ctx, cert, &crls);
            }
            match reason {
                Some(r) => {
                    if let Ok(mut s) = slot.lock() {
                        s.get_or_insert(r);
                    }
                    false
                }
                None => true,
            }
        });
    } else {
        b.set_verify(SslVerifyMode::NONE);
    }
    if let Some((cert, key)) = &tls.client_cert {
        b.set_certificate_chain_file(cert).map_err(|e| Error::config(format!("client certificate {}: {e}", cert.display())))?;
        let pkey = client_key(key, tls.sslpassword.as_deref())?;
        b.set_private_key(&pkey).map_err(setup)?;
        b.check_private_key()
            .map_err(|e| Error::config(format!("private key {} does not match certificate {}: {e}", key.display(), cert.display())))?;
    }
    Ok(())
}

/// A connector built only when the server agrees to TLS. Building an OpenSSL connector loads
/// the CA bundle of OpenSSL's default paths (25 ms per connection on Debian) though awxm
/// verifies against a store of its own or not at all; with `sslmode=prefer` or `allow` and a
/// server without TLS it is never needed. The settings were checked before ([`check_tls`]):
/// a bad file is a configuration error either way.
struct LazyTls {
    tls: Arc<TlsSettings>,
    verify_failed: VerifyFailure,
}

impl MakeTlsConnect<postgres::Socket> for LazyTls {
    type Stream = postgres_openssl::TlsStream<postgres::Socket>;
    type TlsConnect = LazyTlsConnect;
    type Error = std::convert::Infallible;

    fn make_tls_connect(&mut self, domain: &str) -> std::result::Result<LazyTlsConnect, Self::Error> {
        Ok(LazyTlsConnect { tls: Arc::clone(&self.tls), verify_failed: Arc::clone(&self.verify_failed), domain: domain.to_string() })
    }
}

struct LazyTlsConnect {
    tls: Arc<TlsSettings>,
    verify_failed: VerifyFailure,
    domain: String,
}

type TlsFuture = std::pin::Pin<
    Box<
        dyn std::future::Future<
                Output = std::result::Result<postgres_openssl::TlsStream<postgres::Socket>, Box<dyn std::error::Error + Send + Sync>>,
            > + Send,
    >,
>;

impl TlsConnect<postgres::Socket> for LazyTlsConnect {
    type Stream = postgres_openssl::TlsStream<postgres::Socket>;
    type Error = Box<dyn std::error::Error + Send + Sync>;
    type Future = TlsFuture;

    fn connect(self, stream: postgres::Socket) -> TlsFuture {
        let connector = tls_connector(&self.tls, &self.verify_failed)
            .map_err(|e| Box::<dyn std::error::Error + Send + Sync>::from(e.message))
            .and_then(|mut m| MakeTlsConnect::<postgres::Socket>::make_tls_connect(&mut m, &self.domain).map_err(Into::into));
        match connector {
            Ok(c) => Box::pin(TlsConnect::connect(c, stream)),
            Err(e) => Box::pin(std::future::ready(Err(e))),
        }
    }
}

fn root_store(rootcert: &RootCert) -> Result<openssl::x509::store::X509Store> {
    let setup = |e: openssl::error::ErrorStack| Error::config(format!("TLS setup: {e}"));
    let mut store = X509StoreBuilder::new().map_err(setup)?;
    match rootcert {
        RootCert::System => store.set_default_paths().map_err(setup)?,
        RootCert::File(path) => {
            let pem = std::fs::read(path).map_err(|e| Error::config(format!("root certificate file {}: {e}", path.display())))?;
            let certs = X509::stack_from_pem(&pem)
                .map_err(|e| Error::config(format!("root certificate file {}: not PEM certificates: {e}", path.display())))?;
            if certs.is_empty() {
                return Err(Error::config(format!("root certificate file {} holds no certificate", path.display())));
            }
            for c in certs {
                store.add_cert(c).map_err(setup)?;
            }
        }
        RootCert::None => {}
    }
    Ok(store.build())
}

/// Every CRL of a PEM file (libpq loads them all), else one DER CRL.
fn load_crls(crl: &Path) -> Result<Vec<X509Crl>> {
    let mut crls: Vec<X509Crl> = Vec::new();
    let bytes = std::fs::read(crl).map_err(|e| Error::config(format!("certificate revocation list {}: {e}", crl.display())))?;
    const BEGIN: &str = "-----BEGIN X509 CRL-----";
    let text = String::from_utf8_lossy(&bytes);
    for block in text.split(BEGIN).skip(1) {
        let pem = format!("{BEGIN}{block}");
        let crl_obj =
            X509Crl::from_pem(pem.as_bytes()).map_err(|e| Error::config(format!("certificate revocation list {}: {e}", crl.display())))?;
        crls.push(crl_obj);
    }
    if crls.is_empty() {
        let crl_obj = X509Crl::from_der(&bytes)
            .map_err(|e| Error::config(format!("certificate revocation list {}: neither PEM nor DER CRLs: {e}", crl.display())))?;
        crls.push(crl_obj);
    }
    Ok(crls)
}

/// Why `cert` is refused under sslcrl, if it is.
fn crl_refusal(ctx: &openssl::x509::X509StoreContextRef, cert: &openssl::x509::X509Ref, crls: &[X509Crl]) -> Option<String> {
    // sslcrl, as libpq's CRL_CHECK_ALL: each certificate of the chain needs a CRL
    // from its issuer (signed by it, checked against the chain being verified), and
    // is refused when that CRL revokes it. A self-signed trust anchor is exempt.
    let same = |a: &openssl::x509::X509NameRef, b: &openssl::x509::X509NameRef| a.try_cmp(b).is_ok_and(|o| o.is_eq());
    let issuer_key =
        ctx.chain().and_then(|c| c.iter().find(|ca| same(ca.subject_name(), cert.issuer_name())).and_then(|ca| ca.public_key().ok()));
    let self_signed =
        same(cert.subject_name(), cert.issuer_name()) && cert.public_key().ok().is_some_and(|k| cert.verify(&k).unwrap_or(false));
    if !crls.is_empty() && !self_signed {
        let from_issuer: Vec<&X509Crl> = crls.iter().filter(|crl| same(crl.issuer_name(), cert.issuer_name())).collect();
        let signed: Vec<&&X509Crl> =
            from_issuer.iter().filter(|crl| issuer_key.as_ref().is_some_and(|k| crl.verify(k).unwrap_or(false))).collect();
        if from_issuer.is_empty() {
            return Some("no certificate revocation list from the certificate's issuer in sslcrl".to_string());
        } else if signed.is_empty() {
            return Some("the certificate revocation list (sslcrl) is not signed by the certificate's issuer".to_string());
        } else if !signed.iter().any(|crl| {
            // In force now: lastUpdate passed, nextUpdate (when given) not yet.
            openssl::asn1::Asn1Time::days_from_now(0)
                .is_ok_and(|now| crl.last_update() <= now && crl.next_update().is_none_or(|next| next > now))
        }) {
            return Some("the certificate revocation list (sslcrl) has expired or is not yet valid".to_string());
        } else if signed.iter().any(|crl| matches!(crl.get_by_cert(&cert.to_owned()), openssl::x509::CrlStatus::Revoked(_))) {
            return Some("certificate revoked (sslcrl)".to_string());
        }
    }
    None
}

/// The client key, decrypted with `sslpassword`. As libpq: an encrypted key without
/// sslpassword is an error, never a prompt on the terminal (OpenSSL's default passphrase
/// callback would ask there).
fn client_key(key: &Path, sslpassword: Option<&str>) -> Result<openssl::pkey::PKey<openssl::pkey::Private>> {
    let pem = std::fs::read(key).map_err(|e| Error::config(format!("private key file {}: {e}", key.display())))?;
    match sslpassword {
        Some(pass) => openssl::pkey::PKey::private_key_from_pem_passphrase(&pem, pass.as_bytes())
            .map_err(|e| Error::config(format!("private key file {} (with sslpassword): {e}", key.display()))),
        None => {
            let mut asked = false;
            let pkey = openssl::pkey::PKey::private_key_from_pem_callback(&pem, |_| {
                asked = true;
                Ok(0)
            });
            match pkey {
                Ok(k) => Ok(k),
                Err(_) if asked => {
                    Err(Error::config(format!("private key file {} is encrypted; give its passphrase in sslpassword", key.display())))
                }
                Err(e) => Err(Error::config(format!("private key file {}: {e}", key.display()))),
            }
        }
    }
}

/// How one attempt failed, as far as choosing the next attempt and the exit code go.
enum Failure {
    /// The server asked for a password and we have none.
    NoPassword,
    /// The certificate could not be verified (reason).
    Untrusted(String),
    /// The server does not speak TLS but TLS was required.
    NoTls,
    /// The TLS handshake failed for another reason.
    Tls,
    /// The server answered with an error (authentication, pg_hba, unknown database…).
    Server(postgres::error::SqlState),
    /// The server is not what target_session_attrs asks for.
    WrongRole(&'static str),
    /// Network level.
    Network,
}

fn classify(e: &postgres::Error, verify_failed: &VerifyFailure) -> Failure {
    use std::error::Error as _;
    if let Some(db) = e.as_db_error() {
        return Failure::Server(db.code().clone());
    }
    let source = e.source().map(|s| s.to_string()).unwrap_or_default();
    if source == "password missing" {
        return Failure::NoPassword;
    }
    if let Some(reason) = verify_failed.lock().ok().and_then(|s| s.clone()) {
        return Failure::Untrusted(reason);
    }
    // tokio-postgres keeps its error kinds private; its messages are fixed.
    let text = e.to_string();
    if text.starts_with("error performing TLS handshake") {
        if source == "server does not support TLS" {
            return Failure::NoTls;
        }
        return Failure::Tls;
    }
    Failure::Network
}

/// Connect to the first host that accepts us, as libpq does. When every host failed for a
/// transient reason (unreachable, the server is starting) the whole round is tried twice more.
pub fn connect(url: &str, opts: &PgOptions) -> Result<postgres::Client> {
    let mut delay = Duration::from_millis(250);
    let mut round = 0;
    loop {
        round += 1;
        match connect_round(url, opts) {
            Ok(c) => return Ok(c),
            Err((e, true)) if round < 3 => {
                tracing::info!("{}; retrying", e.message);
                std::thread::sleep(delay);
                delay *= 2;
            }
            Err((e, _)) => return Err(e),
        }
    }
}

/// One round over the hosts, without retries (for callers that do their own backoff).
pub fn connect_once(url: &str, opts: &PgOptions) -> Result<postgres::Client> {
    connect_round(url, opts).map_err(|(e, _)| e)
}

/// `Err((error, transient))`.
fn connect_round(url: &str, opts: &PgOptions) -> std::result::Result<postgres::Client, (Error, bool)> {
    let info = ConnInfo::resolve(url, opts).map_err(|e| (e, false))?;
    let mut order: Vec<usize> = (0..info.targets.len()).collect();
    if info.load_balance {
        crate::crypto::shuffle(&mut order);
    }
    let passes: &[SessionAttrs] = if info.session_attrs == SessionAttrs::PreferStandby {
        &[SessionAttrs::Standby, SessionAttrs::Any]
    } else {
        std::slice::from_ref(&info.session_attrs)
    };
    let mut errors: Vec<Error> = Vec::new();
    let mut transient = true;
    for attrs in passes {
        for &i in &order {
            let t = &info.targets[i];
            match connect_target(&info, t, *attrs) {
                Ok(c) => return Ok(c),
                Err((e, tr)) => {
                    transient &= tr;
                    errors.push(e);
                }
            }
        }
    }
    // One host: its error. Several: the most telling error, with every host's as details.
    if errors.len() == 1 {
        return Err((errors.remove(0), transient));
    }
    let rank = |e: &Error| match e.kind {
        ErrorKind::Config => 0,
        ErrorKind::Permission => 1,
        _ => 2,
    };
    let best = errors.iter().enumerate().min_by_key(|(_, e)| rank(e)).map(|(i, _)| i).unwrap_or(0);
    let details: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
    let first = errors.swap_remove(best);
    let mut out = Error::new(first.kind, format!("no PostgreSQL host accepted the connection: {}", first.message));
    for d in details {
        out = out.detail(d);
    }
    Err((out, transient))
}

fn connect_target(info: &ConnInfo, t: &Target, attrs: SessionAttrs) -> std::result::Result<postgres::Client, (Error, bool)> {
    let mut cfg = postgres::Config::new();
    cfg.user(&info.user).dbname(&info.dbname).application_name(&info.application_name).port(t.port);
    if t.is_unix() {
        cfg.host_path(&t.host);
    } else {
        cfg.host(&t.host);
        if let Some(a) = t.hostaddr {
            cfg.hostaddr(a);
        }
    }
    if let Some(o) = &info.options {
        cfg.options(o);
    }
    if let Some(d) = info.connect_timeout {
        cfg.connect_timeout(d);
    }
    if let Some(d) = info.tcp_user_timeout {
        cfg.tcp_user_timeout(d);
    }
    cfg.keepalives(info.keepalives)
        .keepalives_idle(info.keepalives_idle)
        .keepalives_interval(info.keepalives_interval)
        .keepalives_retries(info.keepalives_count)
        .channel_binding(info.channel_binding);
    // The password: as resolved, else the password file's entry for this host.
    let mut pw_source = None;
    let mut passfile_problem = None;
    if let Some((pw, src)) = &info.password {
        cfg.password(pw.as_bytes());
        pw_source = Some(src.clone());
    } else {
        match pgpass_lookup(&info.passfile, &t.host, t.port, &info.dbname, &info.user) {
            Ok(Some(pw)) => {
                cfg.password(pw.as_bytes());
                pw_source = Some(PwSource::PassFile(info.passfile.clone()));
            }
            Ok(None) => {}
            Err(problem) => {
                tracing::warn!("{problem}");
                passfile_problem = Some(problem);
            }
        }
    }
    // TLS attempts by sslmode (none over Unix sockets, as libpq).
    let attempts: &[CrateSslMode] = if t.is_unix() {
        &[CrateSslMode::Disable]
    } else {
        match info.tls.sslmode {
            SslMode::Disable => &[CrateSslMode::Disable],
            SslMode::Allow => &[CrateSslMode::Disable, CrateSslMode::Require],
            SslMode::Prefer => &[CrateSslMode::Prefer, CrateSslMode::Disable],
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => &[CrateSslMode::Require],
        }
    };
    let where_ = t.display();
    let tls = &info.tls;
    // A bad TLS file is a configuration error before any attempt, as it always was; the
    // connector itself is built when an attempt negotiates TLS (see LazyTls).
    if attempts.iter().any(|m| *m != CrateSslMode::Disable) {
        check_tls(tls).map_err(|e| (e, false))?;
    }
    let mut last: Option<(Error, bool)> = None;
    for (n, mode) in attempts.iter().enumerate() {
        cfg.ssl_mode(*mode);
        let verify_failed: VerifyFailure = Arc::new(Mutex::new(None));
        let connected = if *mode == CrateSslMode::Disable {
            cfg.connect(postgres::NoTls)
        } else {
            cfg.connect(LazyTls { tls: Arc::clone(tls), verify_failed: Arc::clone(&verify_failed) })
        };
        let (failure, err) = match connected {
            Ok(mut client) => match check_session_attrs(&mut client, attrs) {
                Ok(()) => return Ok(client),
                Err(f) => (f, None),
            },
            Err(e) => (classify(&e, &verify_failed), Some(e)),
        };
        let text = err.as_ref().map(pg_error_text).unwrap_or_default();
        let more_attempts = n + 1 < attempts.len();
        let transient = match &failure {
            Failure::Network => true,
            Failure::Server(code) => *code == postgres::error::SqlState::CANNOT_CONNECT_NOW,
            _ => false,
        };
        let error = match failure {
            Failure::NoPassword => {
                let mut e = Error::config(format!(
                    "PostgreSQL asked for a password for user {} at {where_}; give it in ~/.pgpass, PGPASSFILE, PGPASSWORD or database_password_file",
                    info.user
                ));
                if let Some(p) = &passfile_problem {
                    e = e.detail(p.clone());
                }
                return Err((e, false));
            }
            Failure::Untrusted(reason) => {
                let root = match &info.tls.rootcert {
                    RootCert::File(p) => p.display().to_string(),
                    RootCert::System => "the system's trusted CAs".into(),
                    RootCert::None => "none".into(),
                };
                Error::permission(format!(
                    "the TLS certificate of PostgreSQL at {where_} could not be verified (sslmode={}, root certificate {root}): {reason}",
                    info.tls.sslmode.name()
                ))
            }
            Failure::NoTls => Error::unavailable(format!(
                "PostgreSQL at {where_} does not accept TLS connections, but sslmode={} requires TLS",
                info.tls.sslmode.name()
            )),
            Failure::Tls => Error::unavailable(format!("TLS with PostgreSQL at {where_} failed: {text}")),
            Failure::Server(code) => {
                use postgres::error::SqlState;
                let msg = format!("PostgreSQL at {where_} refused the connection: {text}");
                if code == SqlState::INVALID_PASSWORD {
                    let from = pw_source.as_ref().map(|s| format!(" (password from {})", s.describe())).unwrap_or_default();
                    Error::permission(format!("{msg}{from}"))
                } else if code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
                    Error::permission(msg)
                } else {
                    Error::unavailable(msg)
                }
            }
            Failure::WrongRole(what) => Error::unavailable(format!("PostgreSQL at {where_} {what}")),
            Failure::Network => Error::unavailable(format!("cannot connect to PostgreSQL at {where_}: {text}")),
        };
        // allow: plain refused by the server → TLS; prefer: TLS failed → plain.
        let retry = more_attempts && matches!(error.kind, ErrorKind::Unavailable | ErrorKind::Permission) && err.is_some();
        // Keep the more telling error of the two attempts (a refused password over a
        // "no encryption" pg_hba miss), the first one on a tie.
        let better = |new: &Error, old: &Error| new.kind == ErrorKind::Permission && old.kind != ErrorKind::Permission;
        match &last {
            Some((old, _)) if !better(&error, old) => {}
            _ => last = Some((error, transient)),
        }
        if !retry {
            break;
        }
    }
    Err(last.unwrap_or_else(|| (Error::internal("no connection attempt was made"), false)))
}

/// The crate's error text with the server's message (no password is ever in it).
fn pg_error_text(e: &postgres::Error) -> String {
    use std::error::Error as _;
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => match e.source() {
            Some(s) => format!("{e}: {s}").replace(": : ", ": "),
            None => e.to_string(),
        },
    }
}

fn check_session_attrs(client: &mut postgres::Client, attrs: SessionAttrs) -> std::result::Result<(), Failure> {
    let one = |client: &mut postgres::Client, sql: &str| -> std::result::Result<String, Failure> {
        let msgs = client.simple_query(sql).map_err(|_| Failure::Network)?;
        for m in msgs {
            if let postgres::SimpleQueryMessage::Row(r) = m {
                return Ok(r.get(0).unwrap_or_default().to_string());
            }
        }
        Err(Failure::Network)
    };
    match attrs {
        SessionAttrs::Any => Ok(()),
        SessionAttrs::ReadWrite | SessionAttrs::ReadOnly => {
            let ro = one(client, "SHOW transaction_read_only")? == "on";
            match (attrs, ro) {
                (SessionAttrs::ReadWrite, true) => Err(Failure::WrongRole("is read-only (target_session_attrs=read-write)")),
                (SessionAttrs::ReadOnly, false) => Err(Failure::WrongRole("is not read-only (target_session_attrs=read-only)")),
                _ => Ok(()),
            }
        }
        SessionAttrs::Primary | SessionAttrs::Standby | SessionAttrs::PreferStandby => {
            let standby = one(client, "SELECT pg_is_in_recovery()")? == "t";
            match (attrs, standby) {
                (SessionAttrs::Primary, true) => Err(Failure::WrongRole("is a standby (target_session_attrs=primary)")),
                (SessionAttrs::Standby | SessionAttrs::PreferStandby, false) => {
                    Err(Failure::WrongRole("is not a standby (target_session_attrs=standby)"))
                }
                _ => Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(url: &str) -> BTreeMap<String, String> {
        parse_url(url).unwrap()
    }

    #[test]
    fn url_forms() {
        let m = p("postgres://awx:p%40ss@db1:5433,db2/awx?sslmode=verify-full&sslrootcert=/etc/ca.crt");
        assert_eq!(m["user"], "awx");
        assert_eq!(m["password"], "p@ss");
        assert_eq!(m["host"], "db1,db2");
        assert_eq!(m["port"], "5433,");
        assert_eq!(m["dbname"], "awx");
        assert_eq!(m["sslmode"], "verify-full");
        let m = p("postgresql://[::1]:5432/db");
        assert_eq!(m["host"], "::1");
        let m = p("postgres://%2Fvar%2Frun%2Fpostgresql/awx");
        assert_eq!(m["host"], "/var/run/postgresql");
        let m = p("postgres:///awx?host=/tmp&ssl=true");
        assert_eq!(m["host"], "/tmp");
        assert_eq!(m["sslmode"], "require");
        assert!(p("postgres://").is_empty());
        assert!(parse_url("postgres://h/db?bogus=1").unwrap_err().message.contains("bogus"));
        assert!(parse_url("postgres://h/db?service=x").unwrap_err().message.contains("not supported"));
        assert!(parse_url("postgres://h/d%zz").is_err());
    }

    #[test]
    fn env_fills_what_the_url_leaves_out() {
        let mut env = BTreeMap::new();
        for (k, v) in [("PGHOST", "envhost"), ("PGPORT", "6000"), ("PGUSER", "envuser"), ("PGAPPNAME", "mine"), ("HOME", "/nonexistent")] {
            env.insert(k.to_string(), v.to_string());
        }
        let opts = PgOptions { env, password_file: None };
        let i = ConnInfo::resolve("postgres:///db", &opts).unwrap();
        assert_eq!((i.targets[0].host.as_str(), i.targets[0].port), ("envhost", 6000));
        assert_eq!(i.user, "envuser");
        assert_eq!(i.dbname, "db");
        assert_eq!(i.application_name, "mine");
        assert_eq!(i.tls.sslmode, SslMode::Prefer);
        let i = ConnInfo::resolve("postgres://u@h:7/x?application_name=z&sslmode=disable", &opts).unwrap();
        assert_eq!((i.targets[0].host.as_str(), i.targets[0].port, i.user.as_str()), ("h", 7, "u"));
        assert_eq!(i.application_name, "z");
        assert_eq!(i.tls.sslmode, SslMode::Disable);
        let none = PgOptions { env: [("HOME".to_string(), "/nonexistent".to_string())].into(), password_file: None };
        assert_eq!(ConnInfo::resolve("postgres://h/x", &none).unwrap().application_name, "awxm");
        let e = ConnInfo::resolve("postgres://h/x?sslmode=verify-ca", &none).err().unwrap();
        assert_eq!(e.kind, ErrorKind::Config);
        assert!(e.message.contains("root.crt"), "{}", e.message);
        let e = ConnInfo::resolve("postgres://h/x?sslmode=require&sslrootcert=system", &none).err().unwrap();
        assert!(e.message.contains("weak sslmode"), "{}", e.message);
        assert_eq!(ConnInfo::resolve("postgres://h/x?sslrootcert=system", &none).unwrap().tls.sslmode, SslMode::VerifyFull);
    }

    #[test]
    fn pgpass_matching_follows_libpq() {
        let f = |line: &str, want: [&str; 4]| pgpass_match(line, want);
        assert_eq!(f("db:5432:awx:awx:s3cret", ["db", "5432", "awx", "awx"]).as_deref(), Some("s3cret"));
        assert_eq!(f("db:5432:awx:awx:s3cret", ["db", "5433", "awx", "awx"]), None);
        assert_eq!(f("*:*:*:awx:pw", ["any", "1", "x", "awx"]).as_deref(), Some("pw"));
        assert_eq!(f("*:*:*:bob:pw", ["any", "1", "x", "awx"]), None);
        // escapes: a host with ':' (IPv6), a password with ':' and '\'
        assert_eq!(f("\\:\\:1:5432:*:*:a\\:b\\\\c", ["::1", "5432", "x", "y"]).as_deref(), Some("a:b\\c"));
        // an escaped star is a literal star
        assert_eq!(f("\\*:*:*:*:pw", ["db", "1", "x", "y"]), None);
        assert_eq!(f("\\*:*:*:*:pw", ["*", "1", "x", "y"]).as_deref(), Some("pw"));
        // the password ends at an unescaped ':'
        assert_eq!(f("h:1:d:u:pw:extra", ["h", "1", "d", "u"]).as_deref(), Some("pw"));
        assert_eq!(f("# h:1:d:u:pw", ["# h", "1", "d", "u"]), None);
        assert_eq!(f("h:1:d", ["h", "1", "d", "u"]), None);
    }

    #[test]
    fn pgpass_file_permissions_are_checked() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(&file, "# comment\nh:5432:d:u:first\nh:5432:d:u:second\n").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(pgpass_lookup(&file, "h", 5432, "d", "u").unwrap().as_deref(), Some("first"));
        assert_eq!(pgpass_lookup(&file, "h", 5433, "d", "u").unwrap(), None);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(pgpass_lookup(&file, "h", 5432, "d", "u").unwrap_err().contains("group or world access"));
        assert_eq!(pgpass_lookup(&dir.path().join("missing"), "h", 5432, "d", "u").unwrap(), None);
    }

    #[test]
    fn password_file_is_its_first_line_and_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("pw");
        std::fs::write(&f, "s3:cr\\et\r\nignored\n").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o400)).unwrap();
        assert_eq!(read_password_file(&f).unwrap(), "s3:cr\\et");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(read_password_file(&f).unwrap_err().message.contains("readable by everyone"));
        let e = read_password_file(&dir.path().join("missing")).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Config);
    }

    #[test]
    fn client_key_permissions_are_checked() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (cert, key) = (dir.path().join("c.crt"), dir.path().join("c.key"));
        std::fs::write(&cert, "x").unwrap();
        assert!(check_key_file(&cert, &key).unwrap_err().message.contains("not its private key"));
        std::fs::write(&key, "x").unwrap();
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(check_key_file(&cert, &key).unwrap_err().message.contains("group or world access"));
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
        check_key_file(&cert, &key).unwrap();
    }
}
