//! The HTTP notification services AWX sends to besides webhooks: Slack, Mattermost,
//! Rocket.Chat, PagerDuty and Grafana, each with AWX's configuration fields (reference §9.4)
//! and the message its backend sends:
//!
//! | type | request | sent |
//! |---|---|---|
//! | `slack` | per channel, `POST {api_url}/chat.postMessage` (Bearer `token`): `{"channel", "text": subject}`, or with `hex_color` `{"channel", "attachments": [{"color", "text"}]}`; an answer `{"ok": false}` fails | the channels that took it |
//! | `mattermost` | `POST mattermost_url`: `{"text": subject}` + `channel`, `username`, `icon_url` when set | 1 |
//! | `rocketchat` | `POST rocketchat_url`: `{"text": subject}` + `username`, `icon_url` when set | 1 |
//! | `pagerduty` | `POST {api_url}/generic/2010-04-15/create_event.json`: `{"service_key", "event_type": "trigger", "description": subject, "details": body, "client": client_name}` (what pygerduty's `trigger_incident` sends) | 1 |
//! | `grafana` | `POST {grafana_url}/api/annotations` (Bearer `grafana_key`): `{"text": subject, "time", "timeEnd" (ms, the job's start and end), "tags": annotation_tags, "isRegion", "dashboardId", "panelId" (when set)}` | 1 |
//!
//! `api_url` (Slack: `https://slack.com/api`, PagerDuty: `https://events.pagerduty.com`) is
//! awxm's, for a proxy or a test server. `*_no_verify_ssl` / `grafana_no_verify_ssl` disable
//! certificate checks. Secrets (`token`, `grafana_key`, `service_key`) are encrypted at rest.

use std::time::Duration;

use serde_json::{Map, Value as Json, json};

use super::SendError;
use super::webhook::{self, WebhookConfig};

fn text(c: &Map<String, Json>, k: &str) -> String {
    match c.get(k) {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn flag(c: &Map<String, Json>, k: &str) -> bool {
    matches!(c.get(k), Some(Json::Bool(true)))
}

/// AWX's message for missing fields (a Python list).
fn required(c: &Map<String, Json>, keys: &[&str]) -> Result<(), String> {
    let missing: Vec<String> = keys.iter().filter(|k| text(c, k).trim().is_empty()).map(|k| format!("'{k}'")).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("Missing required fields for Notification Configuration: [{}].", missing.join(", ")))
    }
}

fn http_url(url: &str, field: &str) -> Result<(), String> {
    if url.starts_with("http://") || url.starts_with("https://") { Ok(()) } else { Err(format!("{field} {url:?} is not an http(s) URL")) }
}

fn post(url: String, headers: Vec<(String, String)>, verify_tls: bool) -> WebhookConfig {
    WebhookConfig {
        url,
        method: "POST".into(),
        username: String::new(),
        password: String::new(),
        headers,
        verify_tls,
        timeout: Duration::from_secs(30),
    }
}

fn bad(m: String) -> SendError {
    SendError { unreachable: false, message: m }
}

/// A list given as a list or as comma/newline-separated text.
fn list(c: &Map<String, Json>, k: &str) -> Vec<String> {
    match c.get(k) {
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
        Some(Json::String(s)) => s.split([',', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
        _ => vec![],
    }
}

/// Milliseconds since the epoch of an RFC 3339 time (or now).
fn millis(v: Option<&Json>) -> i64 {
    v.and_then(Json::as_str).and_then(crate::time::parse).unwrap_or_else(crate::time::now).timestamp_millis()
}

/// Whom a service template notifies (for the `notification` record).
pub fn recipients(kind: &str, c: &Map<String, Json>) -> String {
    match kind {
        "slack" => list(c, "channels").join(", "),
        "mattermost" => webhook::redact(&text(c, "mattermost_url")),
        "rocketchat" => webhook::redact(&text(c, "rocketchat_url")),
        "pagerduty" => format!("PagerDuty {} ({})", text(c, "subdomain"), text(c, "client_name")),
        "grafana" => webhook::redact(&text(c, "grafana_url")),
        _ => String::new(),
    }
}

/// Send `subject` (and `body`, and the job document for Grafana's times) through a service.
pub fn send(kind: &str, c: &Map<String, Json>, subject: &str, body: &str, job: &Json) -> Result<u64, SendError> {
    let cfg_err = |e: String| bad(format!("bad {kind} configuration: {e}"));
    match kind {
        "slack" => {
            required(c, &["token"]).map_err(cfg_err)?;
            let channels = list(c, "channels");
            if channels.is_empty() {
                return Err(cfg_err("No values specified for field 'channels'".into()));
            }
            let api = text(c, "api_url");
            let api = if api.is_empty() { "https://slack.com/api".to_string() } else { api.trim_end_matches('/').to_string() };
            http_url(&api, "api_url").map_err(cfg_err)?;
            let auth = vec![("Authorization".to_string(), format!("Bearer {}", text(c, "token")))];
            let color = text(c, "hex_color");
            let mut sent = 0;
            let mut errors = Vec::new();
            for ch in &channels {
                let msg = if color.is_empty() {
                    json!({"channel": ch, "text": subject})
                } else {
                    json!({"channel": ch, "attachments": [{"color": color, "text": subject}]})
                };
                match webhook::request(&post(format!("{api}/chat.postMessage"), auth.clone(), true), &msg, "Slack") {
                    Ok(answer) => match serde_json::from_str::<Json>(&answer) {
                        Ok(a) if a.get("ok") == Some(&Json::Bool(false)) => {
                            errors.push(format!("{ch}: {}", a.get("error").and_then(Json::as_str).unwrap_or("refused")))
                        }
                        _ => sent += 1,
                    },
                    Err(e) => errors.push(format!("{ch}: {}", e.message)),
                }
            }
            if sent == 0 { Err(bad(format!("Error sending Slack notification: {}", errors.join("; ")))) } else { Ok(sent) }
        }
        "mattermost" | "rocketchat" => {
            let url = text(c, &format!("{kind}_url"));
            required(c, &[&format!("{kind}_url")]).map_err(cfg_err)?;
            http_url(&url, &format!("{kind}_url")).map_err(cfg_err)?;
            let mut msg = json!({"text": subject});
            let extra: &[(&str, &str)] = if kind == "mattermost" {
                &[("mattermost_channel", "channel"), ("mattermost_username", "username"), ("mattermost_icon_url", "icon_url")]
            } else {
                &[("rocketchat_username", "username"), ("rocketchat_icon_url", "icon_url")]
            };
            for (field, key) in extra {
                let v = text(c, field);
                if !v.is_empty() {
                    msg[*key] = Json::String(v);
                }
            }
            let name = if kind == "mattermost" { "Mattermost" } else { "Rocket.Chat" };
            webhook::request(&post(url, vec![], !flag(c, &format!("{kind}_no_verify_ssl"))), &msg, name).map(|_| 1)
        }
        "pagerduty" => {
            required(c, &["subdomain", "token", "service_key", "client_name"]).map_err(cfg_err)?;
            let api = text(c, "api_url");
            let api = if api.is_empty() { "https://events.pagerduty.com".to_string() } else { api.trim_end_matches('/').to_string() };
            http_url(&api, "api_url").map_err(cfg_err)?;
            // The body is the job's metadata (JSON text): sent as an object when it is one.
            let details = serde_json::from_str::<Json>(body).unwrap_or_else(|_| Json::String(body.to_string()));
            let msg = json!({"service_key": text(c, "service_key"), "event_type": "trigger", "description": subject,
                             "details": details, "client": text(c, "client_name")});
            let auth = vec![("Authorization".to_string(), format!("Token token={}", text(c, "token")))];
            webhook::request(&post(format!("{api}/generic/2010-04-15/create_event.json"), auth, true), &msg, "PagerDuty").map(|_| 1)
        }
        "grafana" => {
            required(c, &["grafana_url", "grafana_key"]).map_err(cfg_err)?;
            let base = text(c, "grafana_url").trim_end_matches('/').to_string();
            http_url(&base, "grafana_url").map_err(cfg_err)?;
            let mut msg = json!({
                "text": subject,
                "time": millis(job.get("started")),
                "timeEnd": millis(job.get("finished")),
                "isRegion": c.get("isRegion").and_then(Json::as_bool).unwrap_or(true),
                "tags": list(c, "annotation_tags"),
            });
            for k in ["dashboardId", "panelId"] {
                if let Some(n) = c.get(k).and_then(|v| v.as_i64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))) {
                    msg[k] = Json::from(n);
                }
            }
            let auth = vec![("Authorization".to_string(), format!("Bearer {}", text(c, "grafana_key")))];
            webhook::request(&post(format!("{base}/api/annotations"), auth, !flag(c, "grafana_no_verify_ssl")), &msg, "Grafana").map(|_| 1)
        }
        other => Err(bad(format!("notification type {other:?} is not a service awxm sends to"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(v: Json) -> Map<String, Json> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn missing_fields_are_named_as_awx_names_them() {
        let e = send("pagerduty", &cfg(json!({"subdomain": "x"})), "s", "b", &Json::Null).unwrap_err();
        assert_eq!(
            e.message,
            "bad pagerduty configuration: Missing required fields for Notification Configuration: ['token', 'service_key', 'client_name']."
        );
        let e = send("slack", &cfg(json!({"token": "t", "channels": []})), "s", "b", &Json::Null).unwrap_err();
        assert!(e.message.contains("No values specified for field 'channels'"), "{e}");
        let e = send("grafana", &cfg(json!({"grafana_url": "ftp://g", "grafana_key": "k"})), "s", "b", &Json::Null).unwrap_err();
        assert!(e.message.contains("not an http(s) URL"), "{e}");
    }

    #[test]
    fn recipients_never_show_secrets() {
        let c = cfg(json!({"subdomain": "acme", "client_name": "awxm", "service_key": "SECRET", "token": "T"}));
        assert_eq!(recipients("pagerduty", &c), "PagerDuty acme (awxm)");
        assert_eq!(recipients("slack", &cfg(json!({"channels": ["#ops", "#dev"]}))), "#ops, #dev");
    }
}
