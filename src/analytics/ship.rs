//! Uploading a tarball (AWX's `ship`): one `multipart/form-data` POST with the file in the
//! field `file` (file name = tarball name, part type = `insights_agent_mime`), HTTP basic auth,
//! `User-Agent: awxm/<version>`, TLS verified against the system roots or the CA bundle in
//! `insights_cert_path`, connect and read timeouts. Unlike AWX, a 5xx answer or a connection
//! problem (refused, reset, timed out) is retried with exponential backoff; any status ≥ 300
//! is a failure that names the status and the start of the body. Redirects are not followed
//! (a POST body cannot be replayed safely), so a 3xx is a failure too.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct ShipConfig {
    pub url: String,
    pub username: String,
    pub password: String,
    pub mime: String,
    /// PEM bundle of trusted CAs; `None`: the system's roots.
    pub ca_bundle: Option<PathBuf>,
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    /// Extra attempts after the first one (for 5xx and connection problems).
    pub retries: u32,
    /// Wait before the first retry; doubled each time, at most one minute.
    pub backoff: Duration,
}

/// What happened to one upload.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Outcome {
    pub ok: bool,
    /// HTTP status of the last answer, if there was one.
    pub status: Option<u16>,
    /// Start of the body of a failed answer.
    pub body: Option<String>,
    pub error: Option<String>,
    pub attempts: u32,
    /// The endpoint could not be reached (as opposed to refusing the upload).
    #[serde(skip)]
    pub unreachable: bool,
}

pub struct Shipper {
    agent: ureq::Agent,
    cfg: ShipConfig,
    auth: String,
}

const BODY_SHOWN: usize = 512;

impl Shipper {
    pub fn new(cfg: ShipConfig) -> Result<Shipper> {
        let roots = match &cfg.ca_bundle {
            None => ureq::tls::RootCerts::PlatformVerifier,
            Some(path) => {
                let pem = fs_err::read(path)
                    .map_err(|e| Error::config(format!("cannot read the CA bundle insights_cert_path = {}: {e}", path.display())))?;
                let mut certs = Vec::new();
                for item in ureq::tls::parse_pem(&pem) {
                    match item {
                        Ok(ureq::tls::PemItem::Certificate(c)) => certs.push(c),
                        Ok(_) => {}
                        Err(e) => return Err(Error::config(format!("invalid PEM in {}: {e}", path.display()))),
                    }
                }
                if certs.is_empty() {
                    return Err(Error::config(format!("no certificate in the CA bundle {}", path.display())));
                }
                ureq::tls::RootCerts::Specific(Arc::new(certs))
            }
        };
        let tls = ureq::tls::TlsConfig::builder().root_certs(roots).build();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .tls_config(tls)
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(user_agent())
            .timeout_connect(Some(cfg.connect_timeout))
            .timeout_per_read(Some(cfg.read_timeout))
            .timeout_per_write(Some(cfg.read_timeout))
            .build()
            .into();
        use base64::Engine;
        let auth = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", cfg.username, cfg.password)));
        // The MIME type must be valid before any upload starts.
        ureq::unversioned::multipart::Part::bytes(b"")
            .mime_str(&cfg.mime)
            .map_err(|e| Error::config(format!("insights_agent_mime {:?} is not a MIME type: {e}", cfg.mime)))?;
        Ok(Shipper { agent, cfg, auth })
    }

    /// Upload one tarball, retrying transient failures. `cancelled` stops the retries.
    pub fn ship(&self, path: &Path, cancelled: &dyn Fn() -> bool) -> Outcome {
        let mut out = Outcome::default();
        let mut wait = self.cfg.backoff;
        loop {
            out.attempts += 1;
            let (retry, result) = self.attempt(path);
            match result {
                Ok(status) => {
                    out.ok = true;
                    out.status = Some(status);
                    out.error = None;
                    out.body = None;
                    out.unreachable = false;
                }
                Err(a) => {
                    out.status = a.status;
                    out.body = a.body;
                    out.error = Some(a.message);
                    out.unreachable = a.unreachable;
                }
            }
            if out.ok || !retry || out.attempts > self.cfg.retries || cancelled() {
                return out;
            }
            tracing::info!(
                "upload of {} failed ({}); retrying in {:.1}s",
                path.display(),
                out.error.as_deref().unwrap_or("?"),
                wait.as_secs_f64()
            );
            let deadline = std::time::Instant::now() + wait;
            while std::time::Instant::now() < deadline {
                if cancelled() {
                    return out;
                }
                std::thread::sleep(Duration::from_millis(50).min(wait));
            }
            wait = (wait * 2).min(Duration::from_secs(60));
        }
    }

    /// One POST. Returns whether a failure is worth retrying, and the result.
    fn attempt(&self, path: &Path) -> (bool, std::result::Result<u16, Attempt>) {
        use ureq::unversioned::multipart::{Form, Part};
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let part = match Part::file(path) {
            Ok(p) => p.file_name(&name),
            Err(e) => return (false, Err(Attempt::local(format!("cannot read {}: {e}", path.display())))),
        };
        let part = match part.mime_str(&self.cfg.mime) {
            Ok(p) => p,
            Err(e) => return (false, Err(Attempt::local(format!("insights_agent_mime: {e}")))),
        };
        let form = Form::new().part("file", part);
        let res = self.agent.post(&self.cfg.url).header("Authorization", &self.auth).send(form);
        match res {
            Ok(mut resp) => {
                let status = resp.status().as_u16();
                if status < 300 {
                    // Drain a little of the body so the connection closes cleanly.
                    let _ = resp.body_mut().as_reader().take(64 * 1024).read_to_end(&mut Vec::new());
                    return (false, Ok(status));
                }
                let mut buf = Vec::new();
                let _ = resp.body_mut().as_reader().take(BODY_SHOWN as u64 + 1).read_to_end(&mut buf);
                let mut body = String::from_utf8_lossy(&buf).into_owned();
                if body.len() > BODY_SHOWN {
                    let mut cut = BODY_SHOWN;
                    while !body.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    body.truncate(cut);
                    body.push('…');
                }
                let body = body.trim().to_string();
                let message = if body.is_empty() {
                    format!("upload failed with status {status}")
                } else {
                    format!("upload failed with status {status}: {body}")
                };
                (status >= 500, Err(Attempt { status: Some(status), body: Some(body), message, unreachable: false }))
            }
            Err(e) => {
                let (retry, unreachable) = classify(&e);
                (retry, Err(Attempt { status: None, body: None, message: describe(&e, &self.cfg), unreachable }))
            }
        }
    }
}

struct Attempt {
    status: Option<u16>,
    body: Option<String>,
    message: String,
    unreachable: bool,
}

impl Attempt {
    fn local(message: String) -> Attempt {
        Attempt { status: None, body: None, message, unreachable: false }
    }
}

/// (worth retrying, endpoint unreachable)
fn classify(e: &ureq::Error) -> (bool, bool) {
    match e {
        // rustls reports certificate problems as InvalidData I/O errors: not transient.
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => (false, true),
        ureq::Error::Io(_) | ureq::Error::Timeout(_) | ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => (true, true),
        ureq::Error::Protocol(_) => (true, true),
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => (false, true),
        _ => (false, false),
    }
}

fn describe(e: &ureq::Error, cfg: &ShipConfig) -> String {
    match e {
        ureq::Error::Timeout(kind) => format!(
            "no answer from {} within the timeout ({kind}; connect {}s, read {}s)",
            crate::db::redact_url(&cfg.url),
            cfg.connect_timeout.as_secs_f64(),
            cfg.read_timeout.as_secs_f64()
        ),
        ureq::Error::Rustls(err) => format!("TLS error talking to {}: {err}", crate::db::redact_url(&cfg.url)),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
            let hint = if cfg.ca_bundle.is_some() {
                "check insights_cert_path"
            } else {
                "if the server's CA is not in the system trust store, set insights_cert_path to its PEM bundle"
            };
            format!("TLS error talking to {}: {io} ({hint})", crate::db::redact_url(&cfg.url))
        }
        other => format!("cannot reach {}: {other}", crate::db::redact_url(&cfg.url)),
    }
}

pub fn user_agent() -> String {
    format!("awxm/{}", env!("CARGO_PKG_VERSION"))
}
