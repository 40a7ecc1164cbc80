//! Notification templates (email, webhook, and the services of `services.rs`: Slack,
//! Mattermost, Rocket.Chat, PagerDuty, Grafana) and the notifications sent through them.
//!
//! Templates are resources (`notification_templates` in a resource file) whose
//! `notification_configuration` holds AWX's fields for the type; its secret keys (`password`,
//! ...) are encrypted at rest and decrypted here. Every send is recorded as a row of the
//! `notification` table (status, error, notifications_sent, recipients, subject, body), first as
//! `pending`, then `successful` or `failed`. Sending never fails the caller: [`notify_job`]
//! returns outcomes, it does not return errors, so a job's result never depends on it.
//!
//! Messages: AWX's defaults without the URL (awxm has no web UI), or the template's `messages`
//! (`{"started": {"message": ..., "body": ...}, "success": ..., "error": ...}`) with `{{ path }}`
//! placeholders over the job's data (`job.id`, `job.name`, `job.status`, `job_friendly_name`,
//! `job_summary`, `job_metadata`, ...). Only plain substitution is supported, no Jinja filters
//! or blocks; an unknown name renders as an empty string.

pub mod email;
pub mod services;
pub mod webhook;

use serde::Serialize;
use serde_json::{Map, Value as Json, json};

use crate::crypto::Secrets;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::resources::types;

/// The notification types awxm can send.
pub const SUPPORTED_TYPES: &[&str] = &["email", "webhook", "slack", "mattermost", "rocketchat", "pagerduty", "grafana"];

/// Why a send failed.
#[derive(Debug, Clone)]
pub struct SendError {
    /// The service could not be reached (connection, TLS, timeout), as opposed to one that
    /// answered with a refusal.
    pub unreachable: bool,
    pub message: String,
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A job's notification events (AWX's `notification_templates_started/_success/_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobEvent {
    Started,
    Success,
    Error,
}

impl JobEvent {
    /// The `event` value of `job_template_notification`.
    pub fn as_str(self) -> &'static str {
        match self {
            JobEvent::Started => "started",
            JobEvent::Success => "success",
            JobEvent::Error => "error",
        }
    }

    /// The event a job status triggers: `running` → started, `successful` → success,
    /// `failed`/`error`/`canceled` → error; other statuses none.
    pub fn for_status(status: &str) -> Option<JobEvent> {
        match status {
            "running" => Some(JobEvent::Started),
            "successful" => Some(JobEvent::Success),
            "failed" | "error" | "canceled" => Some(JobEvent::Error),
            _ => None,
        }
    }
}

/// A notification template with its configuration decrypted.
#[derive(Debug, Clone)]
pub struct Template {
    pub id: i64,
    pub name: String,
    pub notification_type: String,
    pub config: Map<String, Json>,
    pub messages: Json,
}

fn decrypt_config(secrets: &Secrets, stored: &Json) -> Result<Map<String, Json>> {
    let mut out = Map::new();
    if let Json::Object(m) = stored {
        for (k, v) in m {
            match v {
                Json::String(u) if crate::crypto::url::is_url_key(k) => {
                    out.insert(k.clone(), Json::String(crate::crypto::url::revealed(secrets, k, u)?));
                }
                Json::String(s) if types::is_secret_key(k) => {
                    let plain = secrets.decrypt(s, k)?;
                    // A mapping (a webhook's `headers`) was encrypted as its JSON text.
                    let value = match serde_json::from_str::<Json>(&plain) {
                        Ok(m @ Json::Object(_)) if k == "headers" => m,
                        _ => Json::String(plain),
                    };
                    out.insert(k.clone(), value);
                }
                other => {
                    out.insert(k.clone(), other.clone());
                }
            }
        }
    }
    Ok(out)
}

const TEMPLATE_COLUMNS: &str = "id, name, notification_type, notification_configuration, messages";

fn template_from_row(secrets: &Secrets, r: &crate::db::Row) -> Result<Template> {
    let stored: Json = r.col("notification_configuration")?;
    Ok(Template {
        id: r.col("id")?,
        name: r.col("name")?,
        notification_type: r.col("notification_type")?,
        config: decrypt_config(secrets, &stored)?,
        messages: r.col("messages")?,
    })
}

/// A template by name (or id when no template has that name); missing → exit 66.
pub fn load_template(tx: &mut Tx<'_>, secrets: &Secrets, name_or_id: &str) -> Result<Template> {
    let (id, _) = crate::resources::resolve(tx, &types::NOTIFICATION_TEMPLATE, name_or_id)?;
    let r = tx.query_one(&format!("SELECT {TEMPLATE_COLUMNS} FROM notification_template WHERE id = $1"), crate::params![id])?;
    template_from_row(secrets, &r)
}

/// What to send: a subject line, a text body, and the JSON a webhook posts.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    pub subject: String,
    pub body: String,
    pub webhook_body: Json,
}

/// The result of one notification.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Row id in the `notification` table (None only if recording failed).
    pub id: Option<i64>,
    pub notification_template: String,
    pub notification_type: String,
    pub status: String,
    pub error: String,
    pub notifications_sent: u64,
    pub recipients: String,
    pub subject: String,
    #[serde(skip)]
    pub unreachable: bool,
}

fn recipients_of(config: &Map<String, Json>) -> Vec<String> {
    match config.get("recipients") {
        Some(Json::Array(a)) => a.iter().filter_map(|v| v.as_str()).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
        Some(Json::String(s)) => s.split([',', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
        _ => vec![],
    }
}

/// Who a template sends to (for the record): e-mail recipients or the webhook URL.
pub fn recipients_text(t: &Template) -> String {
    match t.notification_type.as_str() {
        "email" => recipients_of(&t.config).join(", "),
        "webhook" => webhook::redact(t.config.get("url").and_then(|u| u.as_str()).unwrap_or_default()),
        other => services::recipients(other, &t.config),
    }
}

/// Send `msg` through `t` (no database access). Returns the number of notifications sent.
pub fn deliver(t: &Template, msg: &Outgoing) -> std::result::Result<u64, SendError> {
    let bad = |m: String| SendError { unreachable: false, message: m };
    match t.notification_type.as_str() {
        "email" => {
            let cfg = email::SmtpConfig::from_notification(&t.config).map_err(|e| bad(format!("bad email configuration: {e}")))?;
            let from = t.config.get("sender").and_then(|s| s.as_str()).unwrap_or_default().to_string();
            if from.trim().is_empty() {
                return Err(bad("bad email configuration: no sender".into()));
            }
            let to = recipients_of(&t.config);
            if to.is_empty() {
                return Err(bad("bad email configuration: no recipients".into()));
            }
            let mail = email::Mail { from, to, subject: msg.subject.clone(), body: msg.body.clone() };
            email::send(&cfg, &mail).map_err(|e| SendError { message: format!("{} (SMTP server {})", e.message, cfg.server()), ..e })
        }
        "webhook" => {
            let cfg = webhook::WebhookConfig::from_notification(&t.config).map_err(|e| bad(format!("bad webhook configuration: {e}")))?;
            webhook::send(&cfg, &msg.webhook_body)
        }
        "slack" | "mattermost" | "rocketchat" | "pagerduty" | "grafana" => {
            services::send(&t.notification_type, &t.config, &msg.subject, &msg.webhook_body.to_string(), &msg.webhook_body)
        }
        other => Err(bad(format!("notification type {other:?} is not supported by awxm (only {})", SUPPORTED_TYPES.join(", ")))),
    }
}

/// Send through `t` and record the notification (pending first, then the result), each in its
/// own short transaction. Never returns an error: failures end up in the outcome and the row.
pub fn send_and_record(db: &mut Db, t: &Template, job_id: Option<i64>, msg: &Outgoing) -> Outcome {
    let recipients = recipients_text(t);
    let body_text = if matches!(t.notification_type.as_str(), "webhook" | "pagerduty" | "grafana") {
        serde_json::to_string_pretty(&msg.webhook_body).unwrap_or_default()
    } else {
        msg.body.clone()
    };
    let now = crate::time::now_str();
    let id = db
        .write(|tx| {
            tx.insert(
                "INSERT INTO notification (notification_template_id, job_id, status, notification_type, recipients, subject, body, created, modified)
                 VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $7) RETURNING id",
                crate::params![t.id, job_id, t.notification_type.as_str(), recipients.as_str(), msg.subject.as_str(), body_text.as_str(), now.as_str()],
            )
        })
        .map_err(|e| tracing::warn!("recording a notification of template {:?}: {e}", t.name))
        .ok();
    let result = deliver(t, msg);
    let (status, error, sent, unreachable) = match &result {
        Ok(n) => ("successful", String::new(), *n, false),
        Err(e) => ("failed", e.message.clone(), 0, e.unreachable),
    };
    if let Err(e) = &result {
        tracing::warn!("notification template {:?} failed: {}", t.name, e.message);
    }
    if let Some(id) = id {
        let done = db.write(|tx| {
            tx.execute(
                "UPDATE notification SET status = $1, error = $2, notifications_sent = $3, modified = $4 WHERE id = $5",
                crate::params![status, error.as_str(), sent as i64, crate::time::now_str(), id],
            )
        });
        if let Err(e) = done {
            tracing::warn!("recording the result of notification {id}: {e}");
        }
    }
    Outcome {
        id,
        notification_template: t.name.clone(),
        notification_type: t.notification_type.clone(),
        status: status.into(),
        error,
        notifications_sent: sent,
        recipients,
        subject: msg.subject.clone(),
        unreachable,
    }
}

/// The test message of `awxm notification test` (AWX's "Tower Notification Test").
pub fn test_message(t: &Template) -> Outgoing {
    let node = crate::config::hostname();
    let subject = format!("awxm notification test {} ({})", t.id, t.name);
    let body = format!("awxm test notification {} from {node}", t.id);
    Outgoing { webhook_body: json!({"body": body, "subject": subject}), subject, body }
}

/// Send a test message through a template and record it (no job).
pub fn send_test(db: &mut Db, secrets: &Secrets, name_or_id: &str) -> Result<Outcome> {
    let t = db.read(|tx| load_template(tx, secrets, name_or_id))?;
    Ok(send_and_record(db, &t, None, &test_message(&t)))
}

// ---- job notifications ----

/// Replace `{{ path.to.value }}` with values from `ctx` (strings as is, others as JSON,
/// missing as empty).
pub fn render(template: &str, ctx: &Json) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else { break };
        out.push_str(&rest[..start]);
        let expr = rest[start + 2..start + 2 + len].trim();
        let valid = !expr.is_empty() && expr.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.');
        if valid {
            let mut v = Some(ctx);
            for part in expr.split('.') {
                v = v.and_then(|x| x.get(part));
            }
            match v {
                Some(Json::String(s)) => out.push_str(s),
                Some(Json::Null) | None => {}
                Some(other) => out.push_str(&other.to_string()),
            }
        } else {
            out.push_str(&rest[start..start + 4 + len]);
        }
        rest = &rest[start + 4 + len..];
    }
    out.push_str(rest);
    out
}

/// The data of a job that notifications show: AWX's `notification_data()` without the URL
/// and without extra_vars (which may hold secrets), plus per-host stats and a summary.
pub fn job_context(tx: &mut Tx<'_>, job_id: i64) -> Result<Json> {
    let r = tx
        .query_opt(
            "SELECT j.id, j.name, j.status, j.started, j.finished, j.elapsed, j.job_explanation, j.result_traceback, j.launch_type,
                    j.playbook, j.job_limit, j.execution_node, j.job_type, j.module_name, i.name AS inventory, p.name AS project,
                    t.name AS job_template
             FROM job j LEFT JOIN inventory i ON i.id = j.inventory_id LEFT JOIN project p ON p.id = j.project_id
                        LEFT JOIN job_template t ON t.id = j.job_template_id
             WHERE j.id = $1",
            crate::params![job_id],
        )?
        .ok_or_else(|| Error::not_found(format!("no job {job_id}")))?;
    let mut hosts = Map::new();
    let mut totals: [i64; 8] = [0; 8];
    let mut failed_hosts = 0;
    tx.query_each(
        "SELECT host_name, changed, dark, failures, ignored, ok, processed, rescued, skipped, failed
         FROM job_host_summary WHERE job_id = $1 ORDER BY host_name",
        crate::params![job_id],
        |h| {
            let vals: Vec<i64> = ["changed", "dark", "failures", "ignored", "ok", "processed", "rescued", "skipped"]
                .iter()
                .map(|c| h.col::<i64>(c))
                .collect::<Result<_>>()?;
            for (t, v) in totals.iter_mut().zip(&vals) {
                *t += v;
            }
            let failed: bool = h.col("failed")?;
            failed_hosts += failed as i64;
            hosts.insert(
                h.col("host_name")?,
                json!({"failed": failed, "changed": vals[0], "dark": vals[1], "failures": vals[2], "ignored": vals[3],
                       "ok": vals[4], "processed": vals[5], "rescued": vals[6], "skipped": vals[7]}),
            );
            Ok(())
        },
    )?;
    let id: i64 = r.col("id")?;
    let name: String = r.col("name")?;
    let status: String = r.col("status")?;
    let friendly = if r.col::<String>("module_name")?.is_empty() { "Job" } else { "AdHoc Command" };
    let summary = format!(
        "{friendly} #{id} '{name}' {status}: {} hosts, ok={} changed={} failed={} unreachable={} skipped={} rescued={} ignored={}",
        hosts.len(),
        totals[4],
        totals[0],
        totals[2],
        totals[1],
        totals[7],
        totals[6],
        totals[3]
    );
    let traceback: String = r.col("result_traceback")?;
    let explanation: String = r.col("job_explanation")?;
    let job = json!({
        "id": id,
        "name": name,
        "status": status,
        "friendly_name": friendly,
        "started": r.col::<Option<String>>("started")?,
        "finished": r.col::<Option<String>>("finished")?,
        "elapsed": r.col::<f64>("elapsed")?,
        "job_explanation": explanation,
        "traceback": traceback,
        "launch_type": r.col::<String>("launch_type")?,
        "playbook": r.col::<String>("playbook")?,
        "limit": r.col::<String>("job_limit")?,
        "execution_node": r.col::<String>("execution_node")?,
        "job_type": r.col::<String>("job_type")?,
        "inventory": r.col::<Option<String>>("inventory")?,
        "project": r.col::<Option<String>>("project")?,
        "job_template": r.col::<Option<String>>("job_template")?,
        "summary": summary,
        "host_status_counts": {"hosts": hosts.len(), "failed_hosts": failed_hosts, "ok": totals[4], "changed": totals[0],
                               "failures": totals[2], "dark": totals[1], "skipped": totals[7], "rescued": totals[6],
                               "ignored": totals[3], "processed": totals[5]},
        "hosts": hosts,
    });
    let metadata = serde_json::to_string_pretty(&job).unwrap_or_default();
    Ok(json!({"job": job, "job_friendly_name": friendly, "job_summary": summary, "job_metadata": metadata, "url": ""}))
}

/// The notification templates of workflow template `template` for `event` (`started`,
/// `success`, `error`, or `approvals`), by name: its own and its organization's, each once
/// (AWX, reference §9.1).
pub fn workflow_templates(tx: &mut Tx<'_>, secrets: &Secrets, template: i64, event: &str) -> Result<Vec<Template>> {
    let rows = tx.query(
        &format!(
            "SELECT {} FROM notification_template nt WHERE nt.id IN (
               SELECT x.notification_template_id FROM workflow_job_template_notification x
                WHERE x.workflow_job_template_id = $1 AND x.event = $2
               UNION SELECT x.notification_template_id FROM organization_notification x
                JOIN workflow_job_template t ON t.organization_id = x.organization_id WHERE t.id = $1 AND x.event = $2)
             ORDER BY nt.name",
            TEMPLATE_COLUMNS.split(", ").map(|c| format!("nt.{c}")).collect::<Vec<_>>().join(", ")
        ),
        crate::params![template, event],
    )?;
    rows.iter().map(|r| template_from_row(secrets, r)).collect()
}

/// The notification templates a project update, inventory update or system job (`$1`) reaches
/// for an event (`$2`), each once (AWX, reference §9.1): a project update its project's and the
/// project's organization's; an inventory update its source's and the source's inventory's
/// organization's; a system job its template's.
fn update_template_sets(kind: crate::jobs::JobKind) -> Option<&'static str> {
    use crate::jobs::JobKind;
    Some(match kind {
        JobKind::ProjectUpdate => {
            "SELECT x.notification_template_id FROM project_notification x JOIN project_update u ON u.project_id = x.project_id
              WHERE u.id = $1 AND x.event = $2
             UNION SELECT x.notification_template_id FROM organization_notification x JOIN project p ON p.organization_id = x.organization_id
              JOIN project_update u ON u.project_id = p.id WHERE u.id = $1 AND x.event = $2"
        }
        JobKind::InventoryUpdate => {
            "SELECT x.notification_template_id FROM inventory_source_notification x
              JOIN inventory_update u ON u.inventory_source_id = x.inventory_source_id WHERE u.id = $1 AND x.event = $2
             UNION SELECT x.notification_template_id FROM organization_notification x JOIN inventory i ON i.organization_id = x.organization_id
              JOIN inventory_source s ON s.inventory_id = i.id JOIN inventory_update u ON u.inventory_source_id = s.id
              WHERE u.id = $1 AND x.event = $2"
        }
        JobKind::SystemJob => {
            "SELECT x.notification_template_id FROM system_job_template_notification x
              JOIN system_job j ON j.system_job_template_id = x.system_job_template_id WHERE j.id = $1 AND x.event = $2"
        }
        _ => return None,
    })
}

/// The data notifications show for a project update, inventory update or system job: its
/// common fields (AWX's base `notification_data()`), a summary line and its friendly name.
pub fn unified_context(tx: &mut Tx<'_>, kind: crate::jobs::JobKind, id: i64) -> Result<Json> {
    let r = tx
        .query_opt(
            &format!(
                "SELECT id, name, status, started, finished, elapsed, job_explanation, result_traceback, launch_type, execution_node
                 FROM {} WHERE id = $1",
                kind.table()
            ),
            crate::params![id],
        )?
        .ok_or_else(|| Error::not_found(format!("no {} {id}", kind.table())))?;
    let friendly = match kind {
        crate::jobs::JobKind::ProjectUpdate => "Project Update",
        crate::jobs::JobKind::InventoryUpdate => "Inventory Update",
        crate::jobs::JobKind::SystemJob => "System Job",
        crate::jobs::JobKind::WorkflowJob => "Workflow Job",
        _ => "Job",
    };
    let name: String = r.col("name")?;
    let status: String = r.col("status")?;
    let summary = format!("{friendly} #{id} '{name}' {status}");
    let job = json!({
        "id": id, "name": name, "status": status, "friendly_name": friendly, "type": kind.table(),
        "started": r.col::<Option<String>>("started")?, "finished": r.col::<Option<String>>("finished")?,
        "elapsed": r.col::<f64>("elapsed")?, "job_explanation": r.col::<String>("job_explanation")?,
        "traceback": r.col::<String>("result_traceback")?, "launch_type": r.col::<String>("launch_type")?,
        "execution_node": r.col::<String>("execution_node")?, "summary": summary,
    });
    let metadata = serde_json::to_string_pretty(&job).unwrap_or_default();
    Ok(json!({"job": job, "job_friendly_name": friendly, "job_summary": summary, "job_metadata": metadata, "url": ""}))
}

/// Send the notifications of `event` for a project update, inventory update or system job (the
/// templates of [`update_template_sets`]), each recorded and linked to it. Never fails.
pub fn notify_unified(db: &mut Db, secrets: &Secrets, kind: crate::jobs::JobKind, id: i64, event: JobEvent) -> Vec<Outcome> {
    let Some(sets) = update_template_sets(kind) else { return vec![] };
    let prepared = db.read(|tx| {
        let rows = tx.query(
            &format!(
                "SELECT {} FROM notification_template nt WHERE nt.id IN ({sets}) ORDER BY nt.name",
                TEMPLATE_COLUMNS.split(", ").map(|c| format!("nt.{c}")).collect::<Vec<_>>().join(", ")
            ),
            crate::params![id, event.as_str()],
        )?;
        let templates = rows.iter().map(|r| template_from_row(secrets, r)).collect::<Result<Vec<_>>>()?;
        if templates.is_empty() {
            return Ok((templates, Json::Null));
        }
        Ok((templates, unified_context(tx, kind, id)?))
    });
    let (templates, ctx) = match prepared {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!("{} {id}: cannot prepare {} notifications: {e}", kind.table(), event.as_str());
            return vec![];
        }
    };
    templates
        .iter()
        .map(|t| {
            let out = send_and_record(db, t, None, &job_message(t, event, &ctx));
            link_unified_job(db, out.id, id);
            out
        })
        .collect()
}

/// Record that notification `id` was sent for unified job `job` (a workflow job or an
/// approval, which `notification.job_id` cannot reference).
pub fn link_unified_job(db: &mut Db, id: Option<i64>, job: i64) {
    if let Some(id) = id
        && let Err(e) = db.write(|tx| tx.execute("UPDATE notification SET unified_job_id = $1 WHERE id = $2", crate::params![job, id]))
    {
        tracing::warn!("recording notification {id} of job {job}: {e}");
    }
}

/// The message for a job event: the template's custom `messages` for that event, or AWX's
/// defaults without the URL.
pub fn job_message(t: &Template, event: JobEvent, ctx: &Json) -> Outgoing {
    let job = &ctx["job"];
    let default_subject = format!(
        "{} #{} '{}' {}",
        ctx["job_friendly_name"].as_str().unwrap_or("Job"),
        job["id"],
        job["name"].as_str().unwrap_or_default(),
        job["status"].as_str().unwrap_or_default()
    );
    let default_body = format!(
        "{} #{} had status {}.\n\n{}\n\n{}\n",
        ctx["job_friendly_name"].as_str().unwrap_or("Job"),
        job["id"],
        job["status"].as_str().unwrap_or_default(),
        ctx["job_summary"].as_str().unwrap_or_default(),
        ctx["job_metadata"].as_str().unwrap_or_default()
    );
    let custom = t.messages.get(event.as_str());
    let pick =
        |key: &str| custom.and_then(|c| c.get(key)).and_then(|v| v.as_str()).filter(|s| !s.trim().is_empty()).map(|s| render(s, ctx));
    let subject = pick("message").unwrap_or(default_subject);
    let body = pick("body");
    let webhook_body = match &body {
        // A custom webhook body is a JSON document after substitution; text that is not JSON
        // is sent as {"body": text}.
        Some(b) => serde_json::from_str(b).unwrap_or_else(|_| json!({"body": b})),
        None => job.clone(),
    };
    Outgoing { subject, body: body.unwrap_or(default_body), webhook_body }
}

/// The notification templates a job (`$1`) reaches for an event (`$2`), AWX's union (reference
/// §9.1), each once: its job template's own, the job template's project's and the job
/// template's organization's; an ad hoc command (no template) its inventory's organization's.
const JOB_TEMPLATE_SETS: &str = "
    SELECT x.notification_template_id FROM job_template_notification x JOIN job j ON j.job_template_id = x.job_template_id
     WHERE j.id = $1 AND x.event = $2
    UNION SELECT x.notification_template_id FROM project_notification x
     JOIN job_template t ON t.project_id = x.project_id JOIN job j ON j.job_template_id = t.id WHERE j.id = $1 AND x.event = $2
    UNION SELECT x.notification_template_id FROM organization_notification x
     JOIN job_template t ON t.organization_id = x.organization_id JOIN job j ON j.job_template_id = t.id WHERE j.id = $1 AND x.event = $2
    UNION SELECT x.notification_template_id FROM organization_notification x
     JOIN inventory i ON i.organization_id = x.organization_id JOIN job j ON j.inventory_id = i.id
     WHERE j.id = $1 AND x.event = $2 AND j.module_name <> ''";

/// Send the notifications of `event` for job `job_id`: every notification template the job
/// reaches for that event (its template's, project's and organization's, once each), each recorded in the `notification` table. Never fails:
/// problems are logged and recorded, and the outcomes returned for the caller to report.
pub fn notify_job(db: &mut Db, secrets: &Secrets, job_id: i64, event: JobEvent) -> Vec<Outcome> {
    let prepared = db.read(|tx| {
        let templates = {
            let rows = tx.query(
                &format!(
                    "SELECT {} FROM notification_template nt WHERE nt.id IN ({JOB_TEMPLATE_SETS}) ORDER BY nt.name",
                    TEMPLATE_COLUMNS.split(", ").map(|c| format!("nt.{c}")).collect::<Vec<_>>().join(", ")
                ),
                crate::params![job_id, event.as_str()],
            )?;
            rows.iter().map(|r| template_from_row(secrets, r)).collect::<Result<Vec<_>>>()?
        };
        if templates.is_empty() {
            return Ok((templates, Json::Null));
        }
        Ok((templates, job_context(tx, job_id)?))
    });
    let (templates, ctx) = match prepared {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!("job {job_id}: cannot prepare {} notifications: {e}", event.as_str());
            return vec![];
        }
    };
    templates.iter().map(|t| send_and_record(db, t, Some(job_id), &job_message(t, event, &ctx))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_substitutes_paths() {
        let ctx = json!({"job": {"id": 7, "name": "deploy", "hosts": {"a": {"ok": 1}}}, "x": null});
        assert_eq!(render("{{ job.name }} #{{job.id}}: {{ job.hosts.a }} {{ nope }}{{x}}", &ctx), "deploy #7: {\"ok\":1} ");
        assert_eq!(render("{% if %} {{ a b }} {{ unclosed", &ctx), "{% if %} {{ a b }} {{ unclosed");
    }

    #[test]
    fn events_for_statuses() {
        assert_eq!(JobEvent::for_status("running"), Some(JobEvent::Started));
        assert_eq!(JobEvent::for_status("successful"), Some(JobEvent::Success));
        assert_eq!(JobEvent::for_status("canceled"), Some(JobEvent::Error));
        assert_eq!(JobEvent::for_status("pending"), None);
    }

    fn template(kind: &str, messages: Json) -> Template {
        Template { id: 1, name: "t".into(), notification_type: kind.into(), config: Map::new(), messages }
    }

    #[test]
    fn default_and_custom_messages() {
        let ctx = json!({"job": {"id": 3, "name": "deploy", "status": "failed"}, "job_friendly_name": "Job",
                         "job_summary": "Job #3 'deploy' failed: 1 hosts", "job_metadata": "{}", "url": ""});
        let m = job_message(&template("email", Json::Null), JobEvent::Error, &ctx);
        assert_eq!(m.subject, "Job #3 'deploy' failed");
        assert!(m.body.contains("Job #3 'deploy' failed: 1 hosts"));
        assert!(!m.body.contains("http"));
        assert_eq!(m.webhook_body["name"], "deploy");
        let custom = json!({"error": {"message": "FAIL {{ job.name }}", "body": "{\"text\": \"{{ job_summary }}\"}"}});
        let m = job_message(&template("webhook", custom.clone()), JobEvent::Error, &ctx);
        assert_eq!(m.subject, "FAIL deploy");
        assert_eq!(m.webhook_body, json!({"text": "Job #3 'deploy' failed: 1 hosts"}));
        // Another event falls back to the defaults.
        assert_eq!(job_message(&template("webhook", custom), JobEvent::Success, &ctx).subject, "Job #3 'deploy' failed");
    }
}
