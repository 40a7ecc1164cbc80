//! Webhook notifications: a JSON body sent with POST (or PUT) to a URL, with optional basic
//! auth and custom headers (AWX's `url`, `http_method`, `username`, `password`, `headers`,
//! `disable_ssl_verification`). Any status outside 2xx is a failed notification.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Map, Value as Json};

use super::SendError;

#[derive(Debug, Clone, PartialEq)]
pub struct WebhookConfig {
    pub url: String,
    /// POST or PUT.
    pub method: String,
    pub username: String,
    pub password: String,
    pub headers: Vec<(String, String)>,
    pub verify_tls: bool,
    pub timeout: Duration,
}

impl WebhookConfig {
    /// From a webhook template's (decrypted) configuration.
    pub fn from_notification(c: &Map<String, Json>) -> Result<WebhookConfig, String> {
        let s = |k: &str| match c.get(k) {
            Some(Json::String(s)) => s.clone(),
            Some(Json::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        let url = s("url");
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(if url.is_empty() { "no url".into() } else { format!("url {url:?} is not an http(s) URL") });
        }
        let method = match s("http_method").to_uppercase().as_str() {
            "" | "POST" => "POST".to_string(),
            "PUT" => "PUT".to_string(),
            other => return Err(format!("http_method {other:?} is not POST or PUT")),
        };
        let headers = match c.get("headers") {
            None | Some(Json::Null) => vec![],
            Some(Json::Object(m)) => m
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        match v {
                            Json::String(s) => s.clone(),
                            other => other.to_string(),
                        },
                    )
                })
                .collect(),
            Some(other) => return Err(format!("headers must be a mapping of header names to values, not {other}")),
        };
        let verify_tls = !matches!(c.get("disable_ssl_verification"), Some(Json::Bool(true)));
        let timeout = c.get("timeout").and_then(|t| t.as_f64()).filter(|t| *t > 0.0).unwrap_or(30.0);
        Ok(WebhookConfig {
            url,
            method,
            username: s("username"),
            password: s("password"),
            headers,
            verify_tls,
            timeout: crate::time::seconds_in(timeout, 0.0, 86_400.0)
                .ok_or_else(|| format!("timeout must be a number of seconds from 0 to 86400, not {timeout}"))?,
        })
    }
}

/// The URL with any password in it replaced by `****` (for records and messages).
pub fn redact(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        if let Some((creds, host)) = authority.rsplit_once('@') {
            let user = creds.split_once(':').map(|(u, _)| format!("{u}:****")).unwrap_or_else(|| creds.to_string());
            return format!("{scheme}://{user}@{host}{tail}");
        }
    }
    url.to_string()
}

/// Send `body` as JSON. Returns the number of notifications sent (1).
pub fn send(cfg: &WebhookConfig, body: &Json) -> Result<u64, SendError> {
    request(cfg, body, "webhook").map(|_| 1)
}

/// Send `body` as JSON with `cfg`'s method, headers and authentication; a 2xx answer gives its
/// body (at most 64 KiB), anything else a failure naming `what` (`webhook`, `Slack`, ...).
pub fn request(cfg: &WebhookConfig, body: &Json, what: &str) -> Result<String, SendError> {
    let tls =
        ureq::tls::TlsConfig::builder().root_certs(ureq::tls::RootCerts::PlatformVerifier).disable_verification(!cfg.verify_tls).build();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(cfg.timeout))
        .http_status_as_error(false)
        .tls_config(tls)
        .user_agent(format!("awxm/{}", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent();
    let data = serde_json::to_string(body).unwrap_or_default();
    let mut has_content_type = false;
    macro_rules! build {
        ($req:expr) => {{
            let mut r = $req;
            for (k, v) in &cfg.headers {
                has_content_type |= k.eq_ignore_ascii_case("content-type");
                r = r.header(k.as_str(), v.as_str());
            }
            if !has_content_type {
                r = r.header("Content-Type", "application/json");
            }
            if !cfg.username.is_empty() || !cfg.password.is_empty() {
                r = r.header("Authorization", format!("Basic {}", B64.encode(format!("{}:{}", cfg.username, cfg.password))));
            }
            r.send(data.as_str())
        }};
    }
    let res = if cfg.method == "PUT" { build!(agent.put(cfg.url.as_str())) } else { build!(agent.post(cfg.url.as_str())) };
    match res {
        Ok(mut resp) => {
            let status = resp.status().as_u16();
            let text = resp.body_mut().with_config().limit(65_536).read_to_string().unwrap_or_default();
            if (200..300).contains(&status) {
                Ok(text)
            } else {
                let snippet: String = text.trim().chars().take(200).collect();
                Err(SendError {
                    unreachable: false,
                    message: if snippet.is_empty() {
                        format!("Error sending {what} notification: {status}")
                    } else {
                        format!("Error sending {what} notification: {status}: {snippet}")
                    },
                })
            }
        }
        Err(e) => Err(SendError { unreachable: true, message: format!("Error sending {what} notification: {e}") }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn configuration() {
        let c = json!({"url": "https://hooks.example.test/x", "http_method": "put", "headers": {"X-Token": "abc", "X-N": 3},
                       "disable_ssl_verification": true});
        let w = WebhookConfig::from_notification(c.as_object().unwrap()).unwrap();
        assert_eq!(w.method, "PUT");
        assert!(!w.verify_tls);
        assert_eq!(w.headers, vec![("X-Token".to_string(), "abc".to_string()), ("X-N".to_string(), "3".to_string())]);
        assert!(WebhookConfig::from_notification(json!({"url": "ftp://x"}).as_object().unwrap()).is_err());
        assert!(WebhookConfig::from_notification(json!({"url": "http://x", "http_method": "GET"}).as_object().unwrap()).is_err());
    }

    #[test]
    fn passwords_in_urls_are_redacted() {
        assert_eq!(redact("https://u:pw@h.example/x?q=a:b@c"), "https://u:****@h.example/x?q=a:b@c");
        assert_eq!(redact("http://h/x@y"), "http://h/x@y");
    }

    #[test]
    fn connection_refused_is_unreachable() {
        // Bind then drop a listener: the port is closed.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let w = WebhookConfig::from_notification(json!({"url": format!("http://127.0.0.1:{port}/h"), "timeout": 5}).as_object().unwrap())
            .unwrap();
        let e = send(&w, &json!({"a": 1})).unwrap_err();
        assert!(e.unreachable, "{e:?}");
    }
}
