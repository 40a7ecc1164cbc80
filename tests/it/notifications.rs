//! Notification templates: `notification test|list` against a real SMTP server and a real HTTP
//! server on loopback, and `notify_job` (what run_job calls) for job success and failure.

use serde_json::{Value, json};

use crate::sinks::*;
use crate::support::*;

fn templates_yaml(smtp_port: u16, webhook_url: &str) -> String {
    format!(
        "organizations:
  - name: Ops
notification_templates:
  - name: ops-mail
    organization: Ops
    notification_type: email
    notification_configuration:
      host: 127.0.0.1
      port: {smtp_port}
      username: mailer
      password: mail-Pw-77
      sender: awxm@example.test
      recipients: [ops@example.test, oncall@example.test]
      timeout: 5
  - name: hook
    notification_type: webhook
    notification_configuration:
      url: {webhook_url}
      username: hookuser
      password: hook-Pw-88
      headers: {{X-Custom: yes-please}}
"
    )
}

db_test!(notification_test_sends_through_email_and_webhook_and_records_it, |env| {
    let smtp = SmtpSink::start_with(&env.path().join("mail"), &["--user", "mailer", "--password", "mail-Pw-77"]);
    let http = HttpSink::start(&env.path().join("http"));
    env.apply(&templates_yaml(smtp.port, &http.url("/hooks/awxm")));
    // Secrets are encrypted at rest and shown as $encrypted$.
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM notification_template WHERE notification_configuration LIKE '%-Pw-%'"), 0);
    // Webhook headers usually carry a token: encrypted too.
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM notification_template WHERE notification_configuration LIKE '%yes-please%'"), 0);
    let shown = env.json(&["show", "notification_template", "hook"]);
    assert_eq!(shown["notification_configuration"]["password"], "$encrypted$");
    assert_eq!(shown["notification_configuration"]["headers"], "$encrypted$");
    // Re-applying the export keeps the stored secrets.
    let exported = env.cmd().args(["export", "notification_templates"]).output().unwrap();
    assert!(exported.status.success(), "{}", stderr(&exported));
    let again = env.write("again.yaml", &String::from_utf8_lossy(&exported.stdout));
    env.ok(&["apply", "-f", again.to_str().unwrap()]);

    let r = env.json(&["notification", "test", "ops-mail"]);
    assert_eq!((r["status"].as_str(), r["notifications_sent"].as_i64()), (Some("successful"), Some(1)), "{r}");
    assert_eq!(r["recipients"], "ops@example.test, oncall@example.test");
    let m = smtp.index();
    assert_eq!(m.len(), 1);
    assert_eq!((m[0]["auth_user"].as_str(), m[0]["from"].as_str()), (Some("mailer"), Some("awxm@example.test")));
    assert_eq!(m[0]["to"], json!(["ops@example.test", "oncall@example.test"]));
    assert!(smtp.subject(&m[0]).starts_with("awxm notification test"), "{}", smtp.subject(&m[0]));

    let r = env.json(&["notification", "test", "hook"]);
    assert_eq!(r["status"], "successful", "{r}");
    let reqs = http.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!((reqs[0]["method"].as_str(), reqs[0]["path"].as_str()), (Some("POST"), Some("/hooks/awxm")));
    assert_eq!(reqs[0]["headers"]["authorization"], format!("Basic {}", b64("hookuser:hook-Pw-88")));
    assert_eq!(reqs[0]["headers"]["x-custom"], "yes-please");
    assert_eq!(reqs[0]["headers"]["content-type"], "application/json");
    assert!(reqs[0]["body"]["body"].as_str().unwrap().starts_with("awxm test notification"), "{}", reqs[0]["body"]);

    // A password inside the URL: encrypted at rest in place, shown as $encrypted$, used.
    let with_pw = http.url("/hooks/in-url").replacen("http://", "http://urluser:url-Pw-99@", 1);
    env.apply(&format!(
        "notification_templates:\n  - name: urlhook\n    notification_type: webhook\n    notification_configuration: {{url: '{with_pw}'}}\n"
    ));
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM notification_template WHERE notification_configuration LIKE '%url-Pw-99%'"), 0);
    let shown = env.json(&["show", "notification_template", "urlhook"]);
    assert_eq!(shown["notification_configuration"]["url"], with_pw.replace("url-Pw-99", "$encrypted$"), "{shown}");
    let r = env.json(&["notification", "test", "urlhook"]);
    assert_eq!(r["status"], "successful", "{r}");
    let reqs = http.requests();
    assert_eq!(reqs[1]["path"], "/hooks/in-url");
    assert_eq!(reqs[1]["headers"]["authorization"], format!("Basic {}", b64("urluser:url-Pw-99")), "the password was decrypted");
    env.sql_exec("DELETE FROM notification WHERE notification_template_id = (SELECT id FROM notification_template WHERE name = 'urlhook')");

    let list = env.json(&["notification", "list"]);
    let rows = list["items"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0]["notification_template"].as_str(), rows[0]["status"].as_str()), (Some("hook"), Some("successful")));
    assert_eq!(rows[1]["notification_type"], "email");
    assert_eq!(env.json(&["notification", "list", "--template", "ops-mail"])["items"].as_array().unwrap().len(), 1);
    assert_status(&env.run(&["notification", "test", "nope"]), 66, &["test a missing template"]);
});

fn b64(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}

db_test!(webhook_500_and_unreachable_services_are_recorded_as_failed, |env| {
    let http = HttpSink::start(&env.path().join("http"));
    let down = closed_port();
    env.apply(&format!(
        "notification_templates:
  - name: broken
    notification_type: webhook
    notification_configuration: {{url: '{}'}}
  - name: gone
    notification_type: webhook
    notification_configuration: {{url: 'http://127.0.0.1:{down}/x', timeout: 5}}
  - name: nomail
    notification_type: email
    notification_configuration: {{host: 127.0.0.1, port: {down}, sender: a@example.test, recipients: [b@example.test], timeout: 5}}
",
        http.url("/status/500")
    ));
    let out = env.run(&["--format", "json", "notification", "test", "broken"]);
    assert_status(&out, 1, &["test broken"]);
    let r: Value = json_stdout(&["notification", "test"], &out.stdout);
    assert_eq!(r["status"], "failed");
    assert!(r["error"].as_str().unwrap().contains("500"), "{r}");
    assert_eq!(http.requests().len(), 1, "the server got the request");

    let out = env.run(&["notification", "test", "gone"]);
    assert_status(&out, 69, &["test unreachable webhook"]);
    let out = env.run(&["notification", "test", "nomail"]);
    assert_status(&out, 69, &["test unreachable SMTP"]);
    assert!(stdout(&out).contains(&format!("127.0.0.1:{down}")), "{}", stdout(&out));

    let rows = env.json(&["notification", "list"])["items"].as_array().unwrap().clone();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["status"] == "failed" && r["notifications_sent"] == 0 && !r["error"].as_str().unwrap().is_empty()));
});

// ---- notify_job: what run_job calls when a job starts and finishes ----

fn job_setup(env: &TestEnv, smtp_port: u16, http: &HttpSink) -> (i64, i64) {
    env.apply(&templates_yaml(smtp_port, &http.url("/hooks/jobs")));
    env.apply(
        "projects:
  - name: demo
    organization: Ops
    scm_type: manual
    local_path: /srv/demo
inventories:
  - name: web
    organization: Ops
    hosts: [{name: web1}, {name: web2}]
job_templates:
  - name: deploy
    project: demo
    playbook: site.yml
    inventory: web
    extra_vars: {db_password: extra-secret-value}
    notification_templates_started: [hook]
    notification_templates_success: [hook]
    notification_templates_error: [ops-mail, hook]
",
    );
    let jt = env.sql_count("SELECT id FROM job_template WHERE name = 'deploy'");
    let mk = |status: &str, failed: bool| {
        env.sql_exec(&format!(
            "INSERT INTO job (name, job_template_id, status, failed, started, finished, elapsed, playbook, extra_vars, created, modified)
             VALUES ('deploy', {jt}, '{status}', {failed}, '2026-05-01T10:00:00.000000Z', '2026-05-01T10:01:00.000000Z', 60,
                     'site.yml', '{{\"db_password\": \"extra-secret-value\"}}', '2026-05-01T10:00:00.000000Z', '2026-05-01T10:01:00.000000Z')"
        ));
        let id = env.sql_count("SELECT MAX(id) FROM job");
        for (h, ok, changed, failures, dark) in [("web1", 3, 1, 0, 0), ("web2", 2, 0, i64::from(failed), 0)] {
            env.sql_exec(&format!(
                "INSERT INTO job_host_summary (job_id, host_name, ok, changed, failures, dark, processed, failed, created, modified)
                 VALUES ({id}, '{h}', {ok}, {changed}, {failures}, {dark}, 1, {}, '2026-05-01', '2026-05-01')",
                failures > 0
            ));
        }
        id
    };
    (mk("successful", false), mk("failed", true))
}

db_test!(notify_job_sends_started_success_and_failure_with_host_stats, |env| {
    use awxm::notifications::{JobEvent, notify_job};
    let smtp = SmtpSink::start_with(&env.path().join("mail"), &["--user", "mailer", "--password", "mail-Pw-77"]);
    let http = HttpSink::start(&env.path().join("http"));
    let (ok_job, failed_job) = job_setup(&env, smtp.port, &http);
    let secrets = lib_secrets(&env);
    let mut db = lib_db(&env);

    let o = notify_job(&mut db, &secrets, ok_job, JobEvent::Started);
    assert_eq!(o.len(), 1);
    let o = notify_job(&mut db, &secrets, ok_job, JobEvent::Success);
    assert_eq!((o.len(), o[0].status.as_str()), (1, "successful"));
    let reqs = http.requests();
    assert_eq!(reqs.len(), 2);
    let b = &reqs[1]["body"];
    assert_eq!((b["id"].as_i64(), b["name"].as_str(), b["status"].as_str()), (Some(ok_job), Some("deploy"), Some("successful")));
    assert_eq!(
        b["hosts"]["web1"],
        json!({"failed": false, "changed": 1, "dark": 0, "failures": 0, "ignored": 0, "ok": 3, "processed": 1, "rescued": 0, "skipped": 0})
    );
    assert_eq!(b["host_status_counts"]["ok"], 5);
    assert!(b["summary"].as_str().unwrap().starts_with(&format!("Job #{ok_job} 'deploy' successful: 2 hosts, ok=5 changed=1 failed=0")));
    assert!(smtp.index().is_empty(), "mail is for errors only");

    let o = notify_job(&mut db, &secrets, failed_job, JobEvent::Error);
    assert_eq!(
        o.iter().map(|x| (x.notification_template.as_str(), x.status.as_str())).collect::<Vec<_>>(),
        vec![("hook", "successful"), ("ops-mail", "successful")]
    );
    let m = smtp.index();
    assert_eq!(m.len(), 1);
    assert_eq!(smtp.subject(&m[0]), format!("Job #{failed_job} 'deploy' failed"));
    let text = body(&smtp.text(&m[0]));
    assert!(text.contains("failed=1") && text.contains("web2"), "{text}");
    assert_eq!(http.requests()[2]["body"]["status"], "failed");
    // Secrets in extra_vars never leave in a notification.
    assert!(!smtp.text(&m[0]).contains("extra-secret-value"));
    assert!(!serde_json::to_string(&http.requests()).unwrap().contains("extra-secret-value"));

    // Rows with the job.
    assert_eq!(env.sql_count(&format!("SELECT COUNT(*) FROM notification WHERE job_id = {failed_job} AND status = 'successful'")), 2);
    assert_eq!(env.json(&["notification", "list", "--job", &ok_job.to_string()])["items"].as_array().unwrap().len(), 2);
});

db_test!(notify_job_never_fails_the_caller, |env| {
    use awxm::notifications::{JobEvent, notify_job};
    let http = HttpSink::start(&env.path().join("http"));
    let (_, failed_job) = job_setup(&env, closed_port(), &http);
    // The webhook now answers 500 too.
    env.apply(&format!(
        "notification_templates:\n  - name: hook\n    notification_type: webhook\n    notification_configuration: {{url: '{}'}}\n",
        http.url("/status/500")
    ));
    let secrets = lib_secrets(&env);
    let mut db = lib_db(&env);
    let o = notify_job(&mut db, &secrets, failed_job, JobEvent::Error);
    assert_eq!(o.len(), 2);
    assert!(o.iter().all(|x| x.status == "failed" && !x.error.is_empty()), "{o:?}");
    assert_eq!(env.sql_count(&format!("SELECT COUNT(*) FROM notification WHERE job_id = {failed_job} AND status = 'failed'")), 2);
    // The job itself is untouched.
    assert_eq!(env.sql_count(&format!("SELECT COUNT(*) FROM job WHERE id = {failed_job} AND status = 'failed'")), 1);
    // A job without templates, or no such job: nothing, no panic.
    assert!(notify_job(&mut db, &secrets, failed_job + 1000, JobEvent::Success).is_empty());
});

db_test!(slack_mattermost_rocketchat_pagerduty_and_grafana_get_awx_shaped_requests, |env| {
    let http = HttpSink::start(&env.path().join("http"));
    let base = http.url("");
    let base = base.trim_end_matches('/');
    env.apply(&format!(
        "notification_templates:
  - name: slack
    notification_type: slack
    notification_configuration: {{token: xoxb-Sl4ck-T0ken, channels: ['#ops', '#dev'], hex_color: '#ff0000', api_url: '{base}/slack'}}
  - name: mm
    notification_type: mattermost
    notification_configuration: {{mattermost_url: '{base}/mm', mattermost_no_verify_ssl: false, mattermost_channel: ops, mattermost_username: awxm}}
  - name: rc
    notification_type: rocketchat
    notification_configuration: {{rocketchat_url: '{base}/rc', rocketchat_no_verify_ssl: false}}
  - name: pd
    notification_type: pagerduty
    notification_configuration: {{subdomain: acme, token: Pd-T0ken, service_key: Pd-Serv1ce, client_name: awxm, api_url: '{base}/pd'}}
  - name: graf
    notification_type: grafana
    notification_configuration: {{grafana_url: '{base}/graf', grafana_key: Gr4f-Key, annotation_tags: [awxm, deploy], dashboardId: 7, isRegion: true}}
  - name: broken
    notification_type: pagerduty
    notification_configuration: {{subdomain: acme}}
"
    ));
    // Secrets are encrypted at rest.
    for secret in ["xoxb-Sl4ck-T0ken", "Pd-T0ken", "Pd-Serv1ce", "Gr4f-Key"] {
        assert_eq!(
            env.sql_count(&format!("SELECT count(*) FROM notification_template WHERE notification_configuration LIKE '%{secret}%'")),
            0
        );
    }
    for name in ["slack", "mm", "rc", "pd", "graf"] {
        let r = env.json(&["notification", "test", name]);
        assert_eq!(r["status"], "successful", "{name}: {r}");
    }
    let reqs = http.requests();
    let at = |p: &str| reqs.iter().filter(|r| r["path"].as_str().unwrap_or_default().starts_with(p)).cloned().collect::<Vec<Value>>();
    let slack = at("/slack/chat.postMessage");
    assert_eq!(slack.len(), 2, "one message per channel: {reqs:?}");
    assert_eq!(slack[0]["headers"]["authorization"], "Bearer xoxb-Sl4ck-T0ken");
    assert_eq!(slack[0]["body"]["channel"], "#ops");
    assert_eq!(slack[0]["body"]["attachments"][0]["color"], "#ff0000");
    assert!(slack[0]["body"]["attachments"][0]["text"].as_str().unwrap().contains("notification test"), "{slack:?}");
    let mm = &at("/mm")[0];
    assert_eq!(mm["body"]["channel"], "ops");
    assert_eq!(mm["body"]["username"], "awxm");
    assert!(mm["body"]["text"].as_str().unwrap().contains("notification test"));
    let rc = &at("/rc")[0];
    assert!(rc["body"].get("username").is_none() && rc["body"]["text"].is_string(), "{rc}");
    let pd = &at("/pd/generic/2010-04-15/create_event.json")[0];
    assert_eq!(pd["body"]["service_key"], "Pd-Serv1ce");
    assert_eq!(pd["body"]["event_type"], "trigger");
    assert_eq!(pd["body"]["client"], "awxm");
    assert!(pd["body"]["description"].as_str().unwrap().contains("notification test"));
    let g = &at("/graf/api/annotations")[0];
    assert_eq!(g["headers"]["authorization"], "Bearer Gr4f-Key");
    assert_eq!(g["body"]["tags"], json!(["awxm", "deploy"]));
    assert_eq!(g["body"]["dashboardId"], 7);
    assert!(g["body"]["time"].as_i64().unwrap() > 1_600_000_000_000, "{g}");
    // A bad configuration fails the notification with AWX's message, recorded.
    let out = env.run(&["--format", "json", "notification", "test", "broken"]);
    let r: Value = json_stdout(&["notification", "test"], &out.stdout);
    assert_eq!(r["status"], "failed", "{r}");
    assert!(
        r["error"]
            .as_str()
            .unwrap()
            .contains("Missing required fields for Notification Configuration: ['token', 'service_key', 'client_name']."),
        "{r}"
    );
    // The records never show a secret.
    let list = env.ok(&["notification", "list", "--format", "json"]);
    for secret in ["xoxb-Sl4ck-T0ken", "Pd-T0ken", "Pd-Serv1ce", "Gr4f-Key"] {
        assert!(!list.contains(secret), "{secret} in {list}");
    }
});

db_test!(organization_and_project_notifications_are_inherited_once, |env| {
    let http = HttpSink::start(&env.path().join("http"));
    let proj = env.path().join("proj");
    std::fs::create_dir_all(&proj).unwrap();
    std::fs::write(proj.join("site.yml"), "- hosts: all\n  gather_facts: false\n  tasks:\n    - ping:\n").unwrap();
    let py = "/usr/bin/python3";
    env.apply(&format!(
        "organizations:
  - name: ops
    notification_templates_success: [org-hook, shared]
notification_templates:
  - {{name: org-hook, notification_type: webhook, notification_configuration: {{url: '{org}'}}}}
  - {{name: proj-hook, notification_type: webhook, notification_configuration: {{url: '{proj_url}'}}}}
  - {{name: shared, notification_type: webhook, notification_configuration: {{url: '{shared}'}}}}
projects:
  - name: p
    organization: ops
    local_path: {dir}
    notification_templates_success: [proj-hook]
inventories:
  - name: inv
    organization: ops
    variables: {{ansible_connection: local, ansible_python_interpreter: {py}}}
    hosts: [{{name: h1}}]
job_templates:
  - name: t
    organization: ops
    project: p
    playbook: site.yml
    inventory: inv
    notification_templates_success: [shared]
",
        org = http.url("/org"),
        proj_url = http.url("/proj"),
        shared = http.url("/shared"),
        dir = proj.display()
    ));
    // Exported and applied back unchanged.
    let exported = env.ok(&["export", "organization", "project"]);
    assert!(exported.contains("notification_templates_success:"), "{exported}");
    let cfg =
        env.write("awxm.yaml", &format!("data_dir: {}\nansible_bin_dir: {}\n", env.path().join("data").display(), venv_bin().display()));
    let run = |args: &[&str]| {
        let out = env.cmd().env("AWXM_CONFIG", &cfg).args(args).output().unwrap();
        assert_status(&out, 0, args);
    };
    // A job: its template's, its project's and its organization's, the shared one once.
    run(&["run_job", "t"]);
    let paths = |reqs: &[Value]| {
        let mut p: Vec<String> = reqs.iter().map(|r| r["path"].as_str().unwrap().to_string()).collect();
        p.sort();
        p
    };
    wait_until("the job's notifications", std::time::Duration::from_secs(20), || http.requests().len() >= 3);
    assert_eq!(paths(&http.requests()), ["/org", "/proj", "/shared"]);
    // An ad hoc command: its inventory's organization's.
    run(&["ad_hoc", "inv", "-m", "ping"]);
    wait_until("the ad hoc command's notifications", std::time::Duration::from_secs(20), || http.requests().len() >= 5);
    let reqs = http.requests();
    assert_eq!(paths(&reqs[3..]), ["/org", "/shared"]);
    assert_eq!(env.sql_count("SELECT count(*) FROM notification WHERE status = 'successful'"), 5);

    // A project update (its project's and the organization's), an inventory update (its
    // source's and the inventory's organization's) and a system job (its template's only).
    let repo = env.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::write(repo.join("site.yml"), "- hosts: all\n  tasks: []\n").unwrap();
    for args in [&["init", "-q"][..], &["add", "."], &["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x"]] {
        assert!(std::process::Command::new("git").args(args).current_dir(&repo).status().unwrap().success());
    }
    let inv_file = env.write("hosts.ini", "web1\nweb2\n");
    env.apply(&format!(
        "notification_templates:
  - {{name: src-hook, notification_type: webhook, notification_configuration: {{url: '{src}'}}}}
  - {{name: sys-hook, notification_type: webhook, notification_configuration: {{url: '{sys}'}}}}
projects:
  - {{name: g, organization: ops, scm_type: git, scm_url: 'file://{repo}'}}
inventory_sources:
  - {{name: file-src, inventory: inv, source: file, source_path: '{inv_file}', notification_templates_success: [src-hook]}}
system_job_templates:
  - {{name: purge, job_type: cleanup_jobs, notification_templates_success: [sys-hook]}}
",
        src = http.url("/src"),
        sys = http.url("/sys"),
        repo = repo.display(),
        inv_file = inv_file.display()
    ));
    let before = http.requests().len();
    run(&["launch", "project", "g", "--wait"]);
    wait_until("the project update's notifications", std::time::Duration::from_secs(20), || http.requests().len() >= before + 2);
    assert_eq!(paths(&http.requests()[before..]), ["/org", "/shared"]);
    let before = http.requests().len();
    run(&["launch", "inventory_source", "file-src", "--wait"]);
    wait_until("the inventory update's notifications", std::time::Duration::from_secs(20), || http.requests().len() >= before + 3);
    assert_eq!(paths(&http.requests()[before..]), ["/org", "/shared", "/src"]);
    let before = http.requests().len();
    run(&["launch", "system_job_template", "purge", "--wait"]);
    wait_until("the system job's notification", std::time::Duration::from_secs(20), || http.requests().len() > before);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(paths(&http.requests()[before..]), ["/sys"]);
    // Linked to their jobs.
    assert_eq!(env.sql_count("SELECT count(*) FROM notification WHERE unified_job_id IS NOT NULL"), 6);
});
