//! Licensing: `license install|show|remove|keygen|sign`, `check_license` (AWX's validate()
//! fields, exit codes, e-mail alerts through a real SMTP server on loopback, de-duplication),
//! and the enforcement checks other commands call (inventory import, job launch).

use serde_json::{Value, json};

use crate::sinks::*;
use crate::support::*;

/// 2030-01-01T00:00:00Z.
const LICENSE_DATE: i64 = 1_893_456_000;
const DAY: i64 = 86_400;

fn users_yaml() -> &'static str {
    "users:
  - name: alice
    email: alice@example.test
    is_superuser: true
  - name: bob
    is_superuser: true
  - name: carol
    email: carol@example.test
  - name: dave
    email: dave@example.test
    is_superuser: true
    is_active: false
  - name: erin
    email: erin@example.test
    is_superuser: true
"
}

fn install(env: &TestEnv, doc: &Value) {
    let p = env.write("license.json", &serde_json::to_string_pretty(doc).unwrap());
    env.ok(&["license", "install", p.to_str().unwrap()]);
}

fn enterprise(count: i64) -> Value {
    json!({"subscription_name": "ACME ops", "sku": "AWXM-100", "support_level": "standard",
           "license_type": "enterprise", "instance_count": count, "license_date": LICENSE_DATE})
}

/// `--format json check_license ARGS` at time `now`: (exit code, JSON on stdout, stderr).
fn check(env: &TestEnv, now: &str, args: &[&str]) -> (i32, Value, String) {
    let out = env.cmd().env("AWXM_FAKE_NOW", now).args(["--format", "json", "check_license"]).args(args).output().expect("run awxm");
    let v = json_stdout_or_null(&["check_license"], &out.stdout);
    (out.status.code().unwrap_or(-1), v, stderr(&out))
}

const EARLY: &str = "2029-06-01T00:00:00Z";

db_test!(no_license_is_open_and_show_says_so, |env| {
    env.apply(&inventory_yaml("inv", "h", 3));
    let (code, v, _) = check(&env, EARLY, &["--warn-exit"]);
    assert_eq!(code, 0);
    assert_eq!((v["license_type"].as_str(), v["status"].as_str(), v["current_instances"].as_i64()), (Some("open"), Some("open"), Some(3)));
    assert!(env.ok(&["license", "show"]).contains("no license installed: open"));
    // AWX's --data: one line of JSON, no format_version.
    let data = env.ok(&["check_license", "--data"]);
    assert_eq!(data.lines().count(), 1);
    let d: Value = json_stdout(&["check_license", "--data"], data.as_bytes());
    assert_eq!(d["license_type"], "open");
    assert!(d.get("format_version").is_none());
    // The same line in every output format.
    for format in ["json", "yaml"] {
        assert_eq!(env.ok(&["--format", format, "check_license", "--data"]), data, "--format {format}");
    }
});

db_test!(host_count_is_distinct_lowercased_names_across_inventories, |env| {
    env.apply(
        "inventories:
  - name: a
    hosts: [{name: web1.example.test}, {name: WEB2.example.test}, {name: db1}]
  - name: b
    hosts: [{name: Web1.Example.Test}, {name: web2.example.test}, {name: db2}]
",
    );
    install(&env, &enterprise(10));
    let (_, v, _) = check(&env, EARLY, &[]);
    assert_eq!(v["current_instances"], 4, "{v}");
    assert_eq!(v["free_instances"], 6);
});

db_test!(usage_89_90_91_percent_exit_codes_and_alerts, |env| {
    let sink = SmtpSink::start(&env.path().join("mail"));
    use_smtp(&env, sink.port);
    env.apply(users_yaml());
    install(&env, &enterprise(100));

    env.apply(&inventory_yaml("inv", "host", 89));
    let (code, v, _) = check(&env, EARLY, &["--warn-exit", "--notify"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(
        (v["status"].as_str(), v["usage_percent"].as_f64(), v["free_instances"].as_i64()),
        (Some("compliant"), Some(89.0), Some(11))
    );
    assert_eq!(v["alerts"], json!([]));

    env.apply(&inventory_yaml("inv", "host", 90));
    let (code, v, _) = check(&env, EARLY, &["--warn-exit", "--notify"]);
    assert_eq!(code, 3, "90% is a warning: {v}");
    assert_eq!(v["status"], "warning");
    assert_eq!(v["alerts"], json!([]), "exactly 90% is not over 90%: no alert");
    // Without --warn-exit a warning exits 0.
    assert_eq!(check(&env, EARLY, &[]).0, 0);
    assert!(sink.index().is_empty());

    env.apply(&inventory_yaml("inv", "host", 91));
    let (code, v, _) = check(&env, EARLY, &["--warn-exit", "--notify"]);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["alerts"][0]["sent"], true, "{v}");
    assert_eq!(v["alerts"][0]["recipients"], json!(["alice@example.test", "erin@example.test"]));
    let mails = sink.index();
    assert_eq!(mails.len(), 1);
    // Active superusers with an address only; from default_from_email.
    assert_eq!(mails[0]["to"], json!(["alice@example.test", "erin@example.test"]));
    assert_eq!(mails[0]["from"], "awxm@example.test");
    assert_eq!(sink.subject(&mails[0]), "awxm: host usage over 90% (91 of 100 licensed hosts)");
    let text = body(&sink.text(&mails[0]));
    assert!(text.contains("91 of the 100 licensed hosts are in use (91%)") && text.contains("ACME ops"), "{text}");

    // Over the licensed count: not compliant, exit 1 even without --warn-exit.
    env.apply(&inventory_yaml("inv", "host", 101));
    let (code, v, _) = check(&env, EARLY, &[]);
    assert_eq!(
        (code, v["status"].as_str(), v["compliant"].as_bool(), v["free_instances"].as_i64()),
        (1, Some("not_compliant"), Some(false), Some(0))
    );
    // The human table.
    let out = env.cmd().env("AWXM_FAKE_NOW", EARLY).arg("check_license").output().unwrap();
    assert_status(&out, 1, &["check_license"]);
    let h = stdout(&out);
    assert!(h.contains("not_compliant") && h.contains("101 of 100 (101%), 0 free"), "{h}");
});

db_test!(expiry_warning_expired_and_grace_period, |env| {
    env.apply(&inventory_yaml("inv", "h", 5));
    install(&env, &enterprise(100));

    // 31 days before: fine.
    let (code, v, _) = check(&env, "2029-12-01T00:00:00Z", &["--warn-exit"]);
    assert_eq!((code, v["date_warning"].as_bool(), v["time_remaining"].as_i64()), (0, Some(false), Some(31 * DAY)));
    // 12 days before: warning.
    let (code, v, _) = check(&env, "2029-12-20T00:00:00Z", &["--warn-exit"]);
    assert_eq!(code, 3, "{v}");
    assert_eq!((v["date_warning"].as_bool(), v["date_expired"].as_bool(), v["compliant"].as_bool()), (Some(true), Some(false), Some(true)));
    assert_eq!(v["grace_period_remaining"], 42 * DAY);
    assert!(v["warnings"][0].as_str().unwrap().contains("expires on 2030-01-01"), "{v}");
    // Exactly at the date: expired.
    let (code, v, _) = check(&env, "2030-01-01T00:00:00Z", &[]);
    assert_eq!((code, v["date_expired"].as_bool(), v["time_remaining"].as_i64()), (1, Some(true), Some(0)));
    // 10 days after: expired, 20 days of grace left.
    let (code, v, _) = check(&env, "2030-01-11T00:00:00Z", &[]);
    assert_eq!((code, v["status"].as_str(), v["grace_period_remaining"].as_i64()), (1, Some("expired"), Some(20 * DAY)));
    let out = env.cmd().env("AWXM_FAKE_NOW", "2030-01-11T00:00:00Z").arg("check_license").output().unwrap();
    assert!(stdout(&out).contains("grace period  20 days left"), "{}", stdout(&out));
    // After the grace period.
    let (_, v, _) = check(&env, "2030-02-11T00:00:00Z", &[]);
    assert_eq!(v["grace_period_remaining"], -11 * DAY);
    // A trial has no grace period.
    let mut t = enterprise(100);
    t["license_type"] = json!("trial");
    install(&env, &t);
    let (_, v, _) = check(&env, "2030-01-11T00:00:00Z", &[]);
    assert_eq!((v["trial"].as_bool(), v["grace_period_remaining"].as_i64()), (Some(true), Some(-10 * DAY)));
});

db_test!(signatures_valid_tampered_unsigned, |env| {
    let key = env.path().join("signing.pem");
    let k = env.json(&["license", "keygen", "--out", key.to_str().unwrap()]);
    let public = k["public_key"].as_str().unwrap().to_string();
    assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    // keygen never overwrites a key.
    assert_status(&env.run(&["license", "keygen", "--out", key.to_str().unwrap()]), 73, &["keygen twice"]);
    env.ok(&["settings", "set", "license_public_key", &public]);

    let plain = env.write("plain.json", &serde_json::to_string_pretty(&enterprise(50)).unwrap());
    let signed_text = env.ok(&["license", "sign", "--key", key.to_str().unwrap(), plain.to_str().unwrap()]);
    let signed = env.write("signed.json", &signed_text);
    // In JSON the signed document comes wrapped (human mode prints it alone).
    let wrapped = env.json(&["license", "sign", "--key", key.to_str().unwrap(), plain.to_str().unwrap()]);
    assert_eq!(wrapped["license"], serde_json::from_str::<Value>(&signed_text).unwrap());

    // Valid.
    let r = env.json(&["license", "install", signed.to_str().unwrap()]);
    assert_eq!(r["validation"]["signature_status"], "verified", "{r}");
    assert_eq!(r["validation"]["instance_count"], 50);

    // Tampered: a bigger host count under the same signature.
    let tampered = env.write("tampered.json", &signed_text.replace("\"instance_count\": 50", "\"instance_count\": 5000"));
    let out = env.run(&["license", "install", tampered.to_str().unwrap()]);
    assert_status(&out, 65, &["install tampered"]);
    assert!(stderr(&out).contains("tampered.json:") && stderr(&out).contains("bad license signature"), "{}", stderr(&out));
    // Reformatted (reindented, reordered) is still valid.
    let doc: serde_json::Map<String, Value> = serde_json::from_str(&signed_text).unwrap();
    let mut keys: Vec<_> = doc.keys().cloned().collect();
    keys.reverse();
    let reordered: serde_json::Map<String, Value> = keys.into_iter().map(|k| (k.clone(), doc[&k].clone())).collect();
    let re = env.write("reordered.json", &serde_json::to_string(&reordered).unwrap());
    env.ok(&["license", "install", re.to_str().unwrap()]);

    // Unsigned: refused unless allowed.
    let out = env.run(&["license", "install", plain.to_str().unwrap()]);
    assert_status(&out, 65, &["install unsigned"]);
    assert!(stderr(&out).contains("not signed"), "{}", stderr(&out));
    // A refused install leaves the installed license alone.
    assert_eq!(env.json(&["license", "show"])["validation"]["instance_count"], 50);
    env.ok(&["settings", "set", "license_allow_unsigned", "true"]);
    let r = env.json(&["license", "install", plain.to_str().unwrap()]);
    assert_eq!(r["validation"]["signature_status"], "unsigned");
    env.ok(&["settings", "set", "license_allow_unsigned", "false"]);
    // The stored license is checked on every use: unsigned is now UNLICENSED (exit 1).
    let (code, v, _) = check(&env, EARLY, &[]);
    assert_eq!((code, v["license_type"].as_str(), v["status"].as_str()), (1, Some("UNLICENSED"), Some("unlicensed")), "{v}");

    // A stored license altered in the database is not trusted either.
    env.ok(&["license", "install", signed.to_str().unwrap()]);
    env.sql_exec("UPDATE setting SET value = REPLACE(value, '\"instance_count\":50', '\"instance_count\":9000') WHERE key = 'license'");
    let (code, v, _) = check(&env, EARLY, &[]);
    assert_eq!((code, v["status"].as_str()), (1, Some("unlicensed")), "{v}");

    // Removing the license: open again.
    assert_eq!(env.json(&["license", "remove", "--yes"])["removed"], true);
    assert_eq!(check(&env, EARLY, &[]).1["license_type"], "open");
    assert_eq!(env.json(&["license", "remove", "--yes"])["removed"], false, "nothing left to remove");
});

db_test!(openssl_keys_interoperate, |env| {
    let dir = env.path();
    let ok = |args: &[&str]| assert!(std::process::Command::new("openssl").args(args).current_dir(dir).status().unwrap().success());
    ok(&["genpkey", "-algorithm", "ed25519", "-out", "ossl.pem"]);
    ok(&["pkey", "-in", "ossl.pem", "-pubout", "-out", "ossl.pub"]);
    let public = std::fs::read_to_string(dir.join("ossl.pub")).unwrap();
    env.run_stdin(&["settings", "set", "license_public_key", "-"], &public);
    let plain = env.write("l.json", &enterprise(7).to_string());
    let signed = env.ok(&["license", "sign", "--key", "ossl.pem", plain.to_str().unwrap()]);
    let r = env.run_stdin(&["--format", "json", "license", "install", "-"], &signed);
    assert_status(&r, 0, &["install signed with an openssl key"]);
    let v: Value = json_stdout(&["license", "install"], &r.stdout);
    assert_eq!(v["validation"]["signature_status"], "verified");
});

db_test!(invalid_license_files_exit_65_with_the_line, |env| {
    let p = env.write("bad.json", "{\n  \"license_type\": \"enterprise\",\n  \"instance_count\": 10,\n  \"license_date\": \"soon\"\n}\n");
    let out = env.run(&["license", "install", p.to_str().unwrap()]);
    assert_status(&out, 65, &["install bad"]);
    assert!(stderr(&out).contains("bad.json:4: license_date"), "{}", stderr(&out));
    let p = env.write("bad2.json", "{\"license_type\": \"enterprise\",\n\"instance_count\": 10,,}");
    assert_status(&env.run(&["license", "install", p.to_str().unwrap()]), 65, &["install broken JSON"]);
    assert_status(&env.run(&["license", "install", "/nonexistent/l.json"]), 66, &["install missing"]);
    assert_eq!(check(&env, EARLY, &[]).1["license_type"], "open");
});

db_test!(alerts_are_not_repeated_until_the_state_changes_or_the_interval_passes, |env| {
    let sink = SmtpSink::start(&env.path().join("mail"));
    use_smtp(&env, sink.port);
    env.apply(users_yaml());
    install(&env, &enterprise(100));
    env.apply(&inventory_yaml("inv", "host", 95));
    let subjects = |sink: &SmtpSink| sink.index().iter().map(|m| sink.subject(m)).collect::<Vec<_>>();

    assert_eq!(check(&env, EARLY, &["--notify"]).1["alerts"][0]["sent"], true);
    // Same state: not again.
    let (_, v, _) = check(&env, EARLY, &["--notify"]);
    assert_eq!(v["alerts"][0]["sent"], false);
    assert!(v["alerts"][0]["skipped"].as_str().unwrap().contains("already sent"), "{v}");
    assert_eq!(sink.index().len(), 1);
    // A day later, still quiet (interval 7d by default) ...
    assert_eq!(check(&env, "2029-06-02T00:00:00Z", &["--notify"]).1["alerts"][0]["sent"], false);
    // ... eight days later it is sent again.
    assert_eq!(check(&env, "2029-06-09T00:00:00Z", &["--notify"]).1["alerts"][0]["sent"], true);
    assert_eq!(sink.index().len(), 2);
    // State change: over the count.
    env.apply(&inventory_yaml("inv", "host", 102));
    assert_eq!(check(&env, "2029-06-09T01:00:00Z", &["--notify"]).1["alerts"][0]["state"], "exceeded");
    assert_eq!(sink.index().len(), 3);
    // The condition clears, then comes back: sent again.
    env.apply(&inventory_yaml("inv", "host", 10));
    assert_eq!(check(&env, "2029-06-09T02:00:00Z", &["--notify"]).1["alerts"], json!([]));
    env.apply(&inventory_yaml("inv", "host", 102));
    assert_eq!(check(&env, "2029-06-09T03:00:00Z", &["--notify"]).1["alerts"][0]["sent"], true);
    assert_eq!(sink.index().len(), 4);
    // Expiry: expiring, then expired (a state change), each once.
    env.apply(&inventory_yaml("inv", "host", 10));
    let (code, v, _) = check(&env, "2029-12-20T00:00:00Z", &["--notify", "--warn-exit"]);
    assert_eq!((code, v["alerts"][0]["state"].as_str()), (3, Some("expiring")));
    assert_eq!(check(&env, "2029-12-21T00:00:00Z", &["--notify"]).1["alerts"][0]["sent"], false);
    assert_eq!(check(&env, "2030-01-02T00:00:00Z", &["--notify"]).1["alerts"][0]["state"], "expired");
    assert_eq!(check(&env, "2030-01-03T00:00:00Z", &["--notify"]).1["alerts"][0]["sent"], false);
    let s = subjects(&sink);
    assert_eq!(s.len(), 6, "{s:?}");
    assert!(s[4].starts_with("awxm: license will expire soon (in 12 days"), "{s:?}");
    assert!(s[5].starts_with("awxm: license has expired"), "{s:?}");
    // A shorter interval repeats sooner; tower_admin_alerts=false stops alerts.
    env.ok(&["settings", "set", "license_alert_interval", "1h"]);
    assert_eq!(check(&env, "2030-01-03T02:00:00Z", &["--notify"]).1["alerts"][0]["sent"], true);
    env.ok(&["settings", "set", "tower_admin_alerts", "false"]);
    let (_, v, _) = check(&env, "2030-01-05T00:00:00Z", &["--notify"]);
    assert!(v["alerts"][0]["skipped"].as_str().unwrap().contains("tower_admin_alerts"), "{v}");
    assert_eq!(sink.index().len(), 7);
});

db_test!(smtp_down_exits_69_naming_the_server_and_retries_next_run, |env| {
    let port = closed_port();
    use_smtp(&env, port);
    env.apply(users_yaml());
    install(&env, &enterprise(100));
    env.apply(&inventory_yaml("inv", "host", 99));
    let (code, v, err) = check(&env, EARLY, &["--notify"]);
    assert_eq!(code, 69, "{v} {err}");
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    assert_eq!(v["error"]["exit_code"], 69);
    // Nothing was recorded as sent: once the server is up the alert goes out.
    let sink = SmtpSink::start(&env.path().join("mail"));
    env.ok(&["settings", "set", "email_port", &sink.port.to_string()]);
    assert_eq!(check(&env, EARLY, &["--notify"]).1["alerts"][0]["sent"], true);
    assert_eq!(sink.index().len(), 1);
});

db_test!(alerts_over_starttls_with_authentication, |env| {
    let dir = env.path();
    // A test CA and a server certificate for 127.0.0.1 signed by it.
    std::fs::write(dir.join("ext.cnf"), "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n").unwrap();
    for args in [
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
            "-days",
            "2",
            "-subj",
            "/CN=awxm test CA",
        ][..],
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "smtp.key",
            "-out",
            "smtp.csr",
            "-subj",
            "/CN=127.0.0.1",
        ][..],
        &[
            "x509",
            "-req",
            "-in",
            "smtp.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "smtp.crt",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ][..],
    ] {
        let o = std::process::Command::new("openssl").args(args).current_dir(dir).output().unwrap();
        assert!(o.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    }
    let crt = dir.join("smtp.crt");
    let key = dir.join("smtp.key");
    let sink = SmtpSink::start_with(
        &dir.join("mail"),
        &["--user", "mailer", "--password", "s3cret-pw", "--tls-cert", crt.to_str().unwrap(), "--tls-key", key.to_str().unwrap()],
    );
    use_smtp(&env, sink.port);
    env.ok(&["settings", "set", "email_use_tls", "true"]);
    env.ok(&["settings", "set", "email_host_user", "mailer"]);
    env.run_stdin(&["settings", "set", "email_host_password", "-"], "s3cret-pw");
    env.apply(users_yaml());
    install(&env, &enterprise(10));
    env.apply(&inventory_yaml("inv", "host", 10));

    // The self-signed certificate is not trusted without the CA file.
    let (code, _, err) = check(&env, EARLY, &["--notify"]);
    assert_eq!(code, 69, "{err}");
    env.ok(&["settings", "set", "email_tls_ca_file", dir.join("ca.crt").to_str().unwrap()]);
    let (code, v, err) = check(&env, EARLY, &["--notify", "--warn-exit"]);
    assert_eq!(code, 3, "{v} {err}");
    let m = sink.index();
    assert_eq!(m.len(), 1);
    assert_eq!((m[0]["tls"].as_bool(), m[0]["auth_user"].as_str()), (Some(true), Some("mailer")));
    // The password is stored encrypted.
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM setting WHERE key = 'email_host_password' AND value LIKE '%s3cret-pw%'"), 0);
});

// ---- enforcement, through the library on the test database ----

fn now_epoch() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

fn lic(kind: &str, count: i64, days_left: i64) -> Value {
    json!({"license_type": kind, "instance_count": count, "license_date": now_epoch() + days_left * DAY})
}

fn insert_hosts(tx: &mut awxm::db::Tx<'_>, inv: i64, names: &[String]) {
    for n in names {
        tx.execute(
            "INSERT INTO host (inventory_id, name, created, modified) VALUES ($1, $2, '2026-01-01', '2026-01-01')",
            awxm::params![inv, n.as_str()],
        )
        .unwrap();
    }
}

db_test!(import_check_rolls_back_on_a_trial_violation, |env| {
    env.apply(&inventory_yaml("inv", "old", 8));
    let inv = env.sql_count("SELECT id FROM inventory WHERE name = 'inv'");
    let secrets = lib_secrets(&env);
    let mut db = lib_db(&env);
    let new: Vec<String> = (0..5).map(|i| format!("new{i}")).collect();

    // Open: anything goes.
    let r = db.write(|tx| {
        awxm::license::enforce::check_import(tx, &secrets)?.into_result()?;
        insert_hosts(tx, inv, &new[..1]);
        awxm::license::enforce::check_import(tx, &secrets)?.into_result()
    });
    assert_eq!(r.unwrap(), Vec::<String>::new());
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM host"), 9);

    // A trial of 10: the check before loading passes, the one after (11 hosts) fails, and the
    // import's transaction is rolled back.
    install(&env, &lic("trial", 10, 30));
    let r = db.write(|tx| {
        let before = awxm::license::enforce::check_import(tx, &secrets)?.into_result()?;
        assert!(before.is_empty());
        insert_hosts(tx, inv, &new[1..3]);
        awxm::license::enforce::check_import(tx, &secrets)?.into_result()
    });
    let e = r.unwrap_err();
    assert_eq!((e.message.as_str(), e.exit_code()), ("License count exceeded!", 1));
    assert_eq!(e.details, vec!["Number of licensed instances exceeded, would bring available instances to 11, system is licensed for 10."]);
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM host"), 9, "rolled back");

    // An enterprise license only warns.
    install(&env, &lic("enterprise", 10, 30));
    let warnings = db
        .write(|tx| {
            insert_hosts(tx, inv, &new[1..3]);
            awxm::license::enforce::check_import(tx, &secrets)?.into_result()
        })
        .unwrap();
    assert_eq!(warnings, vec!["Number of licensed instances exceeded, would bring available instances to 11, system is licensed for 10."]);

    // An expired trial refuses before anything is loaded.
    install(&env, &lic("trial", 100, -1));
    let v = db.read(|tx| awxm::license::enforce::check_import(tx, &secrets)).unwrap();
    let viol = v.violation.unwrap();
    assert_eq!((viol.message.as_str(), viol.kind.is_license_error()), ("License has expired!", true));
});

db_test!(org_host_limit_check, |env| {
    env.apply("organizations:\n  - name: Small\n    max_hosts: 3\n");
    env.apply("inventories:\n  - name: a\n    organization: Small\n    hosts: [{name: h1}, {name: h2}]\n  - name: b\n    organization: Small\n    hosts: [{name: h2}, {name: h3}]\n");
    let inv = env.sql_count("SELECT id FROM inventory WHERE name = 'b'");
    let secrets = lib_secrets(&env);
    let mut db = lib_db(&env);
    // Open: no limit is applied (AWX).
    assert!(db.read(|tx| awxm::license::enforce::check_org_host_limit(tx, &secrets, inv)).unwrap().violation.is_none());
    install(&env, &lic("enterprise", 100, 30));
    assert!(db.read(|tx| awxm::license::enforce::check_org_host_limit(tx, &secrets, inv)).unwrap().violation.is_none());
    let e = db
        .write(|tx| {
            insert_hosts(tx, inv, &["h4".to_string()]);
            awxm::license::enforce::check_org_host_limit(tx, &secrets, inv)?.into_result()
        })
        .unwrap_err();
    assert_eq!(e.message, "Host limit for organization exceeded!");
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM host WHERE name = 'h4'"), 0);
});

db_test!(job_launch_check_refuses_an_expired_trial, |env| {
    env.apply(&inventory_yaml("inv", "h", 5));
    let secrets = lib_secrets(&env);
    let mut db = lib_db(&env);
    let launch = |db: &mut awxm::db::Db| db.read(|tx| awxm::license::enforce::check_job_launch(tx, &secrets)).unwrap();
    assert_eq!(launch(&mut db), Default::default());

    install(&env, &lic("trial", 10, -1));
    let e = launch(&mut db).into_result().unwrap_err();
    assert_eq!((e.message.as_str(), e.exit_code()), ("License has expired.", 1));

    install(&env, &lic("trial", 4, 30));
    assert_eq!(launch(&mut db).violation.unwrap().message, "Host count exceeds available instances.");

    // Enterprise: expired within the grace period launches silently; after it, a warning.
    install(&env, &lic("enterprise", 10, -1));
    assert_eq!(launch(&mut db), Default::default());
    install(&env, &lic("enterprise", 10, -40));
    let v = launch(&mut db);
    assert_eq!((v.violation, v.warnings), (None, vec!["License has expired.".to_string()]));
});

use std::os::unix::fs::PermissionsExt;

db_test!(concurrent_notify_runs_send_an_alert_once, |env| {
    let sink = SmtpSink::start(&env.path().join("mail"));
    use_smtp(&env, sink.port);
    env.apply(users_yaml());
    install(&env, &enterprise(10));
    env.apply(&inventory_yaml("inv", "host", 10));
    let children: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_awxm"))
                .env("AWXM_DATABASE_URL", &env.url)
                .env("AWXM_SECRET_KEY_FILE", env.secret_key())
                .env("AWXM_FAKE_NOW", EARLY)
                .env("HOME", env.path())
                .env("XDG_CONFIG_HOME", env.path().join("config"))
                .args(["check_license", "--notify"])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(sink.index().len(), 1);
});

/// `out` exited with `code` and its stderr holds every one of `needles`.
#[track_caller]
fn exits_saying(out: &std::process::Output, code: i32, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in stderr: {err}");
    }
}

/// The latest inventory update: (status, license_error, org_host_limit_error).
fn last_update(env: &TestEnv) -> (String, bool, bool) {
    let mut db = lib_db(env);
    db.read(|tx| {
        let r = tx.query_one("SELECT status, license_error, org_host_limit_error FROM inventory_update ORDER BY id DESC LIMIT 1", &[])?;
        Ok((r.col("status")?, r.col("license_error")?, r.col("org_host_limit_error")?))
    })
    .unwrap()
}

db_test!(inventory_import_enforces_the_license_and_the_organization_limit, |env| {
    env.apply(&inventory_yaml("inv", "old", 8));
    let ini = |name: &str, hosts: &[&str]| env.write(name, &format!("[web]\n{}\n", hosts.join("\n")));
    let import =
        |src: &std::path::Path, inv: &str| env.run(&["inventory_import", "--inventory-name", inv, "--source", src.to_str().unwrap()]);
    let hosts = || env.sql_count("SELECT COUNT(*) FROM host");

    // A trial of 10: 8 + 5 new hosts is over the count, so the import is rolled back and flagged.
    install(&env, &lic("trial", 10, 30));
    let five = ini("five.ini", &["n1", "n2", "n3", "n4", "n5"]);
    let out = import(&five, "inv");
    exits_saying(&out, 1, &["License count exceeded!", "would bring available instances to 13, system is licensed for 10"]);
    assert_eq!(hosts(), 8, "rolled back");
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM inv_group WHERE name = 'web'"), 0);
    assert_eq!(last_update(&env), ("error".to_string(), true, false));
    // Within the count it goes through.
    let two = ini("two.ini", &["n1", "n2"]);
    exits_saying(&import(&two, "inv"), 0, &[]);
    assert_eq!((hosts(), last_update(&env)), (10, ("successful".to_string(), false, false)));

    // An expired trial refuses before the source is even read (this one does not exist).
    install(&env, &lic("trial", 100, -1));
    let out = import(&env.path().join("missing.ini"), "inv");
    exits_saying(&out, 1, &["License has expired!"]);
    assert_eq!(last_update(&env), ("error".to_string(), true, false));

    // An enterprise license over its count only warns.
    install(&env, &lic("enterprise", 5, 30));
    let out = import(&ini("three.ini", &["n3"]), "inv");
    exits_saying(&out, 0, &["Number of licensed instances exceeded"]);
    assert_eq!(hosts(), 11);

    // The organization's max_hosts: 3 allowed, the import would make 4.
    install(&env, &lic("enterprise", 100, 30));
    env.apply("organizations:\n  - name: Small\n    max_hosts: 3\ninventories:\n  - name: small\n    organization: Small\n    hosts: [{name: s1}]\n");
    let out = import(&ini("four.ini", &["s2", "s3", "s4"]), "small");
    exits_saying(&out, 1, &["Host limit for organization exceeded!", "has 4 hosts; its limit (max_hosts) is 3"]);
    assert_eq!(env.sql_count("SELECT COUNT(*) FROM host h JOIN inventory i ON i.id = h.inventory_id WHERE i.name = 'small'"), 1);
    assert_eq!(last_update(&env), ("error".to_string(), false, true));
    exits_saying(&import(&ini("two-more.ini", &["s2", "s3"]), "small"), 0, &[]);
});

db_test!(nagios_mode_follows_the_plugin_convention, |env| {
    // `check_license --nagios ARGS` at `now`: (exit code, stdout).
    let nagios = |now: &str, extra: &[&str]| {
        let out = env.cmd().env("AWXM_FAKE_NOW", now).args(extra).args(["check_license", "--nagios"]).output().expect("run awxm");
        assert_eq!(stdout(&out).lines().count(), 1, "one status line: {}", stdout(&out));
        (out.status.code().unwrap_or(-1), stdout(&out).trim_end().to_string())
    };
    env.apply(&inventory_yaml("inv", "host", 89));
    let (code, line) = nagios(EARLY, &[]);
    assert_eq!(code, 0, "{line}");
    assert_eq!(line, "LICENSE OK - no license installed (open), 89 hosts | hosts=89;;;0;");
    install(&env, &enterprise(100));
    let left = 214 * DAY; // from EARLY (2029-06-01) to LICENSE_DATE
    let (code, line) = nagios(EARLY, &[]);
    assert_eq!(code, 0, "{line}");
    assert_eq!(
        line,
        format!(
            "LICENSE OK - compliant: 89 of 100 licensed hosts in use, expires 2030-01-01 00:00 UTC (in 214 days) | hosts=89;89;100;0;100 free_hosts=11;;;0; usage=89%;;;0;100 time_remaining={left}s;2592000:;0:;;"
        )
    );
    // The format does not change a plugin's line.
    assert_eq!(nagios(EARLY, &["--format", "json"]), (0, line));
    env.apply(&inventory_yaml("inv", "host", 90));
    let (code, line) = nagios(EARLY, &[]);
    assert_eq!(code, 1, "{line}");
    assert!(line.starts_with("LICENSE WARNING - warning: 90 of 100 licensed hosts are in use (90%) | hosts=90;89;100;0;100"), "{line}");
    env.apply(&inventory_yaml("inv", "host", 101));
    let (code, line) = nagios(EARLY, &[]);
    assert_eq!(code, 2, "{line}");
    assert!(line.starts_with("LICENSE CRITICAL - not_compliant: 101 hosts are in use, the license covers 100 |"), "{line}");
    env.apply(&inventory_yaml("inv", "host", 5));
    let (code, line) = nagios("2030-01-11T00:00:00Z", &[]);
    assert_eq!(code, 2, "{line}");
    assert!(
        line.starts_with("LICENSE CRITICAL - expired: the license expired on 2030-01-01 00:00 UTC; grace period: 20 days left |"),
        "{line}"
    );
    // awxm cannot tell: UNKNOWN (3), the reason in the line, whatever the error's own exit code.
    let gone = format!("sqlite://{}", env.path().join("nowhere/awxm.db").display());
    let (code, line) = nagios(EARLY, &["--database", &gone]);
    assert_eq!(code, 3, "{line}");
    assert!(line.starts_with("LICENSE UNKNOWN - ") && line.contains("nowhere/awxm.db"), "{line}");
    let bad = env.write("bad.yaml", "no_such_key: 1\n");
    let (code, line) = nagios(EARLY, &["--config", bad.to_str().unwrap()]);
    assert_eq!(code, 3, "{line}");
    assert!(line.starts_with("LICENSE UNKNOWN - ") && line.contains("no_such_key"), "{line}");
    // --nagios is its own output: not with --data or --warn-exit.
    assert_status(&env.run(&["check_license", "--nagios", "--data"]), 2, &["--nagios --data"]);
});
