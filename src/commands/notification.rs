//! `awxm notification test|list`: send a test message through a notification template, and
//! list the notifications sent.

use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::notifications::{self, Outcome};
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm notification test ops-mail        # send a test message, record it, report the result
  awxm notification list
  awxm notification list --job 42 --format json

Notification templates are resources (see `awxm apply --help`), e.g.:
  notification_templates:
    - name: ops-mail
      notification_type: email
      notification_configuration: {host: smtp.example.com, port: 587, use_tls: true,
        username: awxm, password: secret, sender: awxm@example.com, recipients: [ops@example.com]}
    - name: chat
      notification_type: webhook
      notification_configuration: {url: https://hooks.example.com/x, http_method: POST,
        username: '', password: '', headers: {X-Token: abc}, disable_ssl_verification: false}
  job_templates:
    - name: deploy
      notification_templates_started: [chat]
      notification_templates_success: [chat]
      notification_templates_error: [ops-mail, chat]
Email configuration: host, port (25), username, password, use_tls (STARTTLS), use_ssl (SMTPS),
sender, recipients, timeout (30 s), ca_file (PEM of extra trusted CAs). Webhook: url,
http_method (POST or PUT), username/password (basic auth), headers, disable_ssl_verification,
timeout. Secrets in the configuration (password, token, ...) are stored encrypted. Every send is
recorded (status, error, notifications_sent, recipients, subject, body); a failed notification
never changes a job's result.

EXIT STATUS (test): 0 sent; 1 the service refused it (e.g. HTTP 500, SMTP 550) or the template
is misconfigured; 66 no such template; 69 the service could not be reached.

JSON OUTPUT (--format json):
  test: {\"format_version\": 1, \"id\": 7, \"notification_template\": \"ops-mail\", \"notification_type\": \"email\",
         \"status\": \"successful|failed\", \"error\": \"\", \"notifications_sent\": 1,
         \"recipients\": \"ops@example.com\", \"subject\": \"...\"}
  list: {\"format_version\": 1, \"count\": N, \"items\": [{\"id\", \"notification_template\", \"job_id\", \"status\",
         \"notification_type\", \"notifications_sent\", \"recipients\", \"subject\", \"error\", \"created\"}]}")]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Send a test message through a notification template
    Test {
        /// Template name (or id)
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// List recorded notifications, newest first
    List {
        /// Only this template's notifications
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        /// Only this job's notifications
        #[arg(long, value_name = "ID")]
        job: Option<i64>,
        /// At most this many
        #[arg(long, default_value_t = 50, value_parser = crate::cli::whole::<i64>(0, crate::resources::types::INT_MAX))]
        limit: i64,
    },
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub id: i64,
    pub notification_template: Option<String>,
    pub job_id: Option<i64>,
    pub status: String,
    pub notification_type: String,
    pub notifications_sent: i64,
    pub recipients: String,
    pub subject: String,
    pub error: String,
    pub created: String,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum NotificationReport {
    Test(Outcome),
    List {
        count: usize,
        #[serde(rename = "items")]
        notifications: Vec<Row>,
    },
}

impl Report for NotificationReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            NotificationReport::Test(o) => {
                if o.status == "successful" {
                    out.line(format!(
                        "sent {} test notification via {:?} to {}",
                        o.notification_type, o.notification_template, o.recipients
                    ))
                } else {
                    out.line(format!("{} notification via {:?} failed: {}", o.notification_type, o.notification_template, o.error))
                }
            }
            NotificationReport::List { notifications, .. } => out.table(
                &["ID", "TEMPLATE", "JOB", "STATUS", "TYPE", "SENT", "RECIPIENTS", "SUBJECT", "ERROR"],
                notifications.iter().map(|n| {
                    vec![
                        n.id.to_string(),
                        n.notification_template.clone().unwrap_or_default(),
                        n.job_id.map(|j| j.to_string()).unwrap_or_default(),
                        n.status.clone(),
                        n.notification_type.clone(),
                        n.notifications_sent.to_string(),
                        n.recipients.clone(),
                        n.subject.clone(),
                        n.error.clone(),
                    ]
                }),
            ),
        }
    }

    fn exit_code(&self) -> u8 {
        match self {
            NotificationReport::Test(o) if o.status != "successful" => {
                if o.unreachable {
                    69
                } else {
                    1
                }
            }
            _ => 0,
        }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<NotificationReport> {
    let mut db = ctx.db()?;
    match args.action {
        Action::Test { name } => Ok(NotificationReport::Test(notifications::send_test(&mut db, &ctx.secrets, &name)?)),
        Action::List { template, job, limit } => {
            let rows = db.read(|tx| {
                let tid = match &template {
                    Some(t) => Some(crate::resources::resolve(tx, &crate::resources::types::NOTIFICATION_TEMPLATE, t)?.0),
                    None => None,
                };
                let rows = tx.query(
                    "SELECT n.id, t.name AS notification_template, n.job_id, n.status, n.notification_type, n.notifications_sent, n.recipients, n.subject, n.error, n.created
                     FROM notification n LEFT JOIN notification_template t ON t.id = n.notification_template_id
                     WHERE (CAST($1 AS BIGINT) IS NULL OR n.notification_template_id = $1) AND (CAST($2 AS BIGINT) IS NULL OR n.job_id = $2)
                     ORDER BY n.id DESC LIMIT $3",
                    crate::params![tid, job, limit.max(0)],
                )?;
                rows.iter()
                    .map(|r| {
                        Ok(Row {
                            id: r.col("id")?,
                            notification_template: r.col("notification_template")?,
                            job_id: r.col("job_id")?,
                            status: r.col("status")?,
                            notification_type: r.col("notification_type")?,
                            notifications_sent: r.col("notifications_sent")?,
                            recipients: r.col("recipients")?,
                            subject: r.col("subject")?,
                            error: r.col("error")?,
                            created: r.col("created")?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()
            })?;
            Ok(NotificationReport::List { count: rows.len(), notifications: rows })
        }
    }
}
