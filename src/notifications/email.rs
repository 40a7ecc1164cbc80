//! Sending e-mail over SMTP (lettre, blocking transport): the license alerts use the server in
//! settings (AWX's Django names, lower case); e-mail notification templates carry their own
//! server in `notification_configuration` (AWX's `host`, `port`, `username`, `password`,
//! `use_tls`, `use_ssl`, `sender`, `recipients`, `timeout`).

use std::time::Duration;

use lettre::Transport;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::SmtpTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use serde_json::{Map, Value as Json};

use super::SendError;
use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::settings::{self, Kind, Setting};

pub static EMAIL_HOST: Setting<String> =
    Setting::new("email_host", "\"localhost\"", Kind::Text, "SMTP server for administrator mail (license alerts)");
pub static EMAIL_PORT: Setting<i64> = Setting::new("email_port", "25", Kind::Int { min: 1, max: 65535 }, "SMTP server port");
pub static EMAIL_HOST_USER: Setting<String> =
    Setting::new("email_host_user", "\"\"", Kind::Text, "SMTP user name (empty: no authentication)");
pub static EMAIL_HOST_PASSWORD: Setting<String> = Setting::secret("email_host_password", "\"\"", Kind::Text, "SMTP password");
pub static EMAIL_USE_TLS: Setting<bool> =
    Setting::new("email_use_tls", "false", Kind::Bool, "Upgrade the SMTP connection with STARTTLS (required when true)");
pub static EMAIL_USE_SSL: Setting<bool> =
    Setting::new("email_use_ssl", "false", Kind::Bool, "Connect to the SMTP server over TLS (SMTPS, usually port 465)");
pub static DEFAULT_FROM_EMAIL: Setting<String> =
    Setting::new("default_from_email", "\"awxm@localhost\"", Kind::Text, "Sender address of administrator mail");
pub static EMAIL_TIMEOUT: Setting<f64> =
    Setting::new("email_timeout", "30", Kind::Seconds { min: 0.0, max: 86400.0, whole: false }, "Seconds to wait for the SMTP server");
pub static EMAIL_TLS_CA_FILE: Setting<String> = Setting::new(
    "email_tls_ca_file",
    "\"\"",
    Kind::Text,
    "PEM file of extra CA certificates trusted for the SMTP server's TLS certificate",
);

/// How to reach an SMTP server.
#[derive(Debug, Clone, PartialEq)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub username: String,
    pub password: String,
    /// STARTTLS (required).
    pub use_tls: bool,
    /// Implicit TLS (SMTPS).
    pub use_ssl: bool,
    pub timeout: Duration,
    /// Extra trusted CA certificates (PEM file).
    pub ca_file: String,
}

impl SmtpConfig {
    /// `host:port`, for messages.
    pub fn server(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    /// The server of the settings (`email_host`, ...).
    pub fn from_settings(tx: &mut Tx<'_>, secrets: &Secrets) -> Result<SmtpConfig> {
        let port = settings::get(tx, secrets, &EMAIL_PORT)?;
        let timeout = settings::get(tx, secrets, &EMAIL_TIMEOUT)?;
        let cfg = SmtpConfig {
            host: settings::get(tx, secrets, &EMAIL_HOST)?,
            port: u16::try_from(port).map_err(|_| Error::config(format!("setting email_port: {port} is not a port number")))?,
            username: settings::get(tx, secrets, &EMAIL_HOST_USER)?,
            password: settings::get(tx, secrets, &EMAIL_HOST_PASSWORD)?,
            use_tls: settings::get(tx, secrets, &EMAIL_USE_TLS)?,
            use_ssl: settings::get(tx, secrets, &EMAIL_USE_SSL)?,
            timeout: Duration::from_secs_f64(if timeout > 0.0 { timeout } else { 30.0 }),
            ca_file: settings::get(tx, secrets, &EMAIL_TLS_CA_FILE)?,
        };
        cfg.check().map_err(|e| Error::config(format!("email settings: {e}")))?;
        Ok(cfg)
    }

    /// The server of an e-mail notification template's (decrypted) configuration.
    pub fn from_notification(c: &Map<String, Json>) -> std::result::Result<SmtpConfig, String> {
        let s = |k: &str| match c.get(k) {
            Some(Json::String(s)) => s.clone(),
            Some(Json::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        let b = |k: &str| match c.get(k) {
            Some(Json::Bool(b)) => *b,
            Some(Json::String(s)) => matches!(s.to_lowercase().as_str(), "true" | "yes" | "on" | "1"),
            _ => false,
        };
        let port = match c.get("port") {
            None | Some(Json::Null) => 25,
            Some(Json::Number(n)) => n.as_u64().and_then(|p| u16::try_from(p).ok()).ok_or(format!("port {n} is not a port number"))?,
            Some(Json::String(p)) => p.trim().parse::<u16>().map_err(|_| format!("port {p:?} is not a port number"))?,
            Some(other) => return Err(format!("port {other} is not a port number")),
        };
        let timeout = c.get("timeout").and_then(|t| t.as_f64().or_else(|| t.as_str().and_then(|s| s.parse().ok()))).unwrap_or(30.0);
        let cfg = SmtpConfig {
            host: s("host"),
            port,
            username: s("username"),
            password: s("password"),
            use_tls: b("use_tls"),
            use_ssl: b("use_ssl"),
            timeout: Duration::from_secs_f64(if timeout > 0.0 { timeout } else { 30.0 }),
            ca_file: s("ca_file"),
        };
        cfg.check()?;
        Ok(cfg)
    }

    fn check(&self) -> std::result::Result<(), String> {
        if self.host.trim().is_empty() {
            return Err("no SMTP host".into());
        }
        if self.use_tls && self.use_ssl {
            return Err("use_tls (STARTTLS) and use_ssl (SMTPS) are mutually exclusive".into());
        }
        Ok(())
    }
}

/// One message to send.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

fn tls_parameters(cfg: &SmtpConfig) -> std::result::Result<TlsParameters, SendError> {
    let bad = |m: String| SendError { unreachable: false, message: m };
    let mut b = TlsParameters::builder(cfg.host.clone());
    if !cfg.ca_file.trim().is_empty() {
        let pem = fs_err::read(cfg.ca_file.trim()).map_err(|e| bad(format!("reading the CA file: {e}")))?;
        let cert = Certificate::from_pem(&pem).map_err(|e| bad(format!("CA file {}: {e}", cfg.ca_file)))?;
        b = b.add_root_certificate(cert);
    }
    b.build().map_err(|e| bad(format!("TLS setup: {e}")))
}

fn mailbox(addr: &str, what: &str) -> std::result::Result<Mailbox, SendError> {
    addr.trim()
        .parse::<Mailbox>()
        .map_err(|e| SendError { unreachable: false, message: format!("{what} {addr:?} is not an e-mail address: {e}") })
}

/// Send one message to all its recipients. Returns the number of messages sent (1).
pub fn send(cfg: &SmtpConfig, mail: &Mail) -> std::result::Result<u64, SendError> {
    let mut builder = Message::builder().from(mailbox(&mail.from, "sender")?).subject(mail.subject.clone());
    if mail.to.is_empty() {
        return Err(SendError { unreachable: false, message: "no recipients".into() });
    }
    for to in &mail.to {
        builder = builder.to(mailbox(to, "recipient")?);
    }
    let date: std::time::SystemTime = crate::time::now().into();
    let message = builder
        .date(date)
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| SendError { unreachable: false, message: format!("building the message: {e}") })?;

    let tls = if cfg.use_ssl {
        Tls::Wrapper(tls_parameters(cfg)?)
    } else if cfg.use_tls {
        Tls::Required(tls_parameters(cfg)?)
    } else {
        Tls::None
    };
    let mut transport = SmtpTransport::builder_dangerous(cfg.host.clone()).port(cfg.port).tls(tls).timeout(Some(cfg.timeout));
    if !cfg.username.is_empty() {
        transport = transport.credentials(Credentials::new(cfg.username.clone(), cfg.password.clone()));
    }
    let transport = transport.build();
    match transport.send(&message) {
        Ok(_) => Ok(1),
        Err(e) => {
            let unreachable = !e.is_response() && !e.is_permanent() && !e.is_transient();
            let mut text = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                let st = s.to_string();
                if !text.contains(&st) {
                    text = format!("{text}: {st}");
                }
                src = s.source();
            }
            Err(SendError { unreachable, message: text })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn notification_configuration_is_read_like_awx() {
        let c = json!({"host": "mail.example.test", "port": "587", "username": "u", "password": "p", "use_tls": true,
                       "sender": "a@example.test", "recipients": ["b@example.test"], "timeout": 5});
        let cfg = SmtpConfig::from_notification(c.as_object().unwrap()).unwrap();
        assert_eq!((cfg.server().as_str(), cfg.use_tls, cfg.use_ssl), ("mail.example.test:587", true, false));
        assert_eq!(cfg.timeout, Duration::from_secs(5));
        let both = json!({"host": "h", "use_tls": true, "use_ssl": true});
        assert!(SmtpConfig::from_notification(both.as_object().unwrap()).unwrap_err().contains("mutually exclusive"));
        assert!(SmtpConfig::from_notification(json!({"port": 25}).as_object().unwrap()).unwrap_err().contains("no SMTP host"));
    }

    #[test]
    fn bad_addresses_are_refused_before_connecting() {
        let cfg = SmtpConfig::from_notification(json!({"host": "127.0.0.1", "port": 1}).as_object().unwrap()).unwrap();
        let m = Mail { from: "not an address".into(), to: vec!["x@example.test".into()], subject: "s".into(), body: "b".into() };
        let e = send(&cfg, &m).unwrap_err();
        assert!(!e.unreachable && e.message.contains("sender"), "{e}");
    }
}
