//! Schedules (issue 17): AWX's rules and messages, occurrences equal to python-dateutil's (the
//! library AWX uses), the resource round trip, the tick (exactly once under concurrent ticks,
//! missed runs, max_lateness, skip rules recorded) and the tick inside the dispatcher.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::*;

/// Rules across DST changes (both hemispheres, a 30-minute shift), leap days, month ends,
/// BYSETPOS, BYWEEKNO/BYYEARDAY, EXRULE, several RRULEs, COUNT/UNTIL (also a naive UNTIL),
/// the ordinals AWX's check lets through, and old DTSTARTs that are fast-forwarded.
const CORPUS: &[(&str, &str)] = &[
    ("DTSTART;TZID=Europe/Berlin:20260320T023000 RRULE:FREQ=DAILY;INTERVAL=1", "2026-03-27T00:00:00Z"),
    ("DTSTART;TZID=Europe/Berlin:20260320T023000 RRULE:FREQ=DAILY;INTERVAL=1", "2026-10-23T00:00:00Z"),
    ("DTSTART;TZID=Europe/Berlin:20260101T000000 RRULE:FREQ=HOURLY;INTERVAL=1", "2026-10-24T22:30:00Z"),
    ("DTSTART;TZID=Europe/Berlin:20260101T000000 RRULE:FREQ=HOURLY;INTERVAL=1", "2026-03-28T23:30:00Z"),
    ("DTSTART;TZID=Europe/Berlin:20260101T000000 RRULE:FREQ=MINUTELY;INTERVAL=7", "2026-03-29T00:45:00Z"),
    ("DTSTART;TZID=America/New_York:20260101T013000 RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=1,2,3;BYMINUTE=30", "2026-11-01T00:00:00Z"),
    ("DTSTART;TZID=America/New_York:20260101T020000 RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=SU", "2026-03-01T00:00:00Z"),
    ("DTSTART;TZID=Australia/Sydney:20260101T023000 RRULE:FREQ=DAILY;INTERVAL=1", "2026-04-03T00:00:00Z"),
    ("DTSTART;TZID=Australia/Sydney:20260101T023000 RRULE:FREQ=DAILY;INTERVAL=1", "2026-10-02T00:00:00Z"),
    ("DTSTART;TZID=Australia/Lord_Howe:20260101T014500 RRULE:FREQ=DAILY;INTERVAL=1", "2026-10-02T00:00:00Z"),
    ("DTSTART:20240101T120000Z RRULE:FREQ=YEARLY;INTERVAL=1;BYMONTH=2;BYMONTHDAY=29", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240131T090000Z RRULE:FREQ=MONTHLY;INTERVAL=1", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=29,30,31", "2024-01-15T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,WE;BYSETPOS=1,3", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=+1MO,-1FR", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=YEARLY;INTERVAL=1;BYWEEKNO=1,53;BYDAY=MO", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=YEARLY;INTERVAL=1;BYYEARDAY=1,100,-1", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO", "2024-01-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5", "2023-12-01T00:00:00Z"),
    ("DTSTART:20240101T090000Z RRULE:FREQ=DAILY;INTERVAL=1;UNTIL=20240104T090000Z", "2023-12-01T00:00:00Z"),
    ("DTSTART;TZID=America/New_York:20200601T120000 RRULE:FREQ=HOURLY;INTERVAL=1;UNTIL=20200601T170000", "2020-06-01T00:00:00Z"),
    (
        "DTSTART:20240101T090000Z RRULE:FREQ=DAILY;INTERVAL=1 RRULE:FREQ=HOURLY;INTERVAL=6;COUNT=6 EXRULE:FREQ=DAILY;INTERVAL=1;BYDAY=SA,SU",
        "2024-01-01T00:00:00Z",
    ),
    ("DTSTART:20240101T090000Z RRULE:FREQ=DAILY;INTERVAL=1;BYDAY=MO,FR EXRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2024-01-01T00:00:00Z"),
    ("DTSTART:20150101T000000Z RRULE:FREQ=MINUTELY;INTERVAL=7", "2026-12-07T06:00:00Z"),
    ("DTSTART:20150101T000000Z RRULE:FREQ=HOURLY;INTERVAL=5;BYMINUTE=0,30", "2026-12-07T06:00:00Z"),
    ("DTSTART;TZID=Europe/Berlin:20150101T013000 RRULE:FREQ=DAILY;INTERVAL=3", "2026-10-20T06:00:00Z"),
    ("DTSTART;TZID=Europe/Berlin:20150105T090000 RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", "2026-12-07T06:00:00Z"),
    ("DTSTART:20150101T000000Z RRULE:FREQ=MINUTELY;INTERVAL=1;BYHOUR=3;BYMINUTE=0,15", "2026-12-07T06:00:00Z"),
    ("DTSTART;TZID=UTC:20260101T000000 RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=6,18", "2026-02-27T00:00:00Z"),
];

fn preview_awxm(rule: &str, after: &str) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_awxm"))
        .args(["--format", "json", "schedule", "preview", rule, "--count", "12", "--after", after])
        .env_remove("AWXM_CONFIG")
        .output()
        .expect("run awxm");
    assert_status(&out, 0, &["schedule", "preview", rule]);
    json_stdout(&["schedule", "preview"], &out.stdout)
}

/// An ISO 8601 time as an instant and its offset (dateutil writes +00:00 where awxm writes Z).
fn instant(s: &str) -> (chrono::DateTime<chrono::Utc>, i32) {
    let t = chrono::DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    (t.with_timezone(&chrono::Utc), t.offset().local_minus_utc())
}

#[test]
fn preview_equals_python_dateutil_on_the_corpus() {
    let cases: Vec<Value> = CORPUS.iter().map(|(r, a)| json!({"rrule": r, "after": a, "count": 12})).collect();
    let mut py = std::process::Command::new(test_python())
        .arg(repo().join("tests/scripts/rrule_reference.py"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run the dateutil reference");
    use std::io::Write;
    py.stdin.take().unwrap().write_all(Value::Array(cases).to_string().as_bytes()).unwrap();
    let out = py.wait_with_output().unwrap();
    assert!(out.status.success(), "reference failed");
    let expected: Vec<Value> = serde_json::from_slice(&out.stdout).expect("reference JSON");
    for ((rule, after), want) in CORPUS.iter().zip(expected) {
        assert!(want.get("error").is_none(), "dateutil refuses {rule}: {want}");
        let got = preview_awxm(rule, after);
        for key in ["local", "utc"] {
            let g: Vec<_> = got[key].as_array().unwrap().iter().map(|v| instant(v.as_str().unwrap())).collect();
            let w: Vec<_> = want[key].as_array().unwrap().iter().map(|v| instant(v.as_str().unwrap())).collect();
            assert!(!w.is_empty(), "{rule} after {after}: the reference has no occurrence");
            assert_eq!(g, w, "{rule} after {after} ({key}):\nawxm:     {got}\ndateutil: {want}");
        }
    }
}

#[test]
fn preview_refuses_a_bad_rule_with_awx_messages() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_awxm"))
        .args(["schedule", "preview", "DTSTART:20300115T120000Z RRULE:FREQ=DAILY;COUNT=1000"])
        .env_remove("AWXM_CONFIG")
        .output()
        .unwrap();
    assert_status(&out, 65, &["schedule", "preview"]);
    let err = stderr(&out);
    assert!(err.contains("INTERVAL required in rrule: RRULE:FREQ=DAILY;COUNT=1000"), "{err}");
    assert!(err.contains("COUNT > 999 is unsupported"), "{err}");
}

/// Keep the data dir in the test dir and use the test venv's Ansible; pin the clock.
fn config(env: &TestEnv) -> std::path::PathBuf {
    let p = env.path().join("awxm.yaml");
    if !p.exists() {
        std::fs::write(&p, format!("data_dir: {}\nansible_bin_dir: {}\n", env.path().join("data/awxm").display(), venv_bin().display()))
            .unwrap();
    }
    p
}

fn at(env: &TestEnv, now: &str, args: &[&str]) -> std::process::Output {
    env.cmd().env("AWXM_CONFIG", config(env)).env("AWXM_FAKE_NOW", now).args(args).output().expect("run awxm")
}

fn json_at(env: &TestEnv, now: &str, args: &[&str]) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let out = at(env, now, &a);
    assert_status(&out, 0, &a);
    json_stdout(&a, &out.stdout)
}

fn apply_at(env: &TestEnv, now: &str, yaml: &str) -> Value {
    let p = env.write(&format!("apply-{}.yaml", uuid::Uuid::new_v4().simple()), yaml);
    json_at(env, now, &["apply", "-f", p.to_str().unwrap()])
}

const TEMPLATES: &str = "
organizations: [{name: ops}]
projects:
  - {name: app, organization: ops, scm_type: git, scm_url: 'file:///nonexistent'}
  - {name: manual, organization: ops}
inventories: [{name: inv, organization: ops}]
job_templates:
  - name: deploy
    project: app
    inventory: inv
    playbook: site.yml
    ask_limit_on_launch: true
    ask_variables_on_launch: true
system_job_templates:
  - {name: purge, job_type: cleanup_jobs}
";

db_test!(rules_are_refused_with_awx_messages_at_the_file_line_and_nothing_is_written, |env| {
    apply_at(&env, "2027-01-01T00:00:00Z", TEMPLATES);
    let before = env.row_counts();
    let bad = env.write(
        "bad.yaml",
        "schedules:\n  - name: ok\n    job_template: deploy\n    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=DAILY;INTERVAL=1'\n  - name: nightly\n    job_template: deploy\n    rrule: 'DTSTART:20270101T000000 RRULE:FREQ=SECONDLY'\n",
    );
    let out = at(&env, "2027-01-01T00:00:00Z", &["apply", "-f", bad.to_str().unwrap()]);
    assert_status(&out, 65, &["apply", "bad"]);
    let err = stderr(&out);
    assert!(err.contains("bad.yaml:7"), "{err}");
    assert!(err.contains("DTSTART cannot be a naive datetime.  Specify ;TZINFO= or YYYYMMDDTHHMMSSZZ."), "{err}");
    assert!(err.contains("INTERVAL required in rrule: RRULE:FREQ=SECONDLY"), "{err}");
    assert_eq!(env.row_counts(), before, "nothing written");

    // Prompts the template does not ask for; a manual project; both at the schedule's line.
    let bad = env.write(
        "bad2.yaml",
        "schedules:\n  - name: tagged\n    job_template: deploy\n    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=DAILY;INTERVAL=1'\n    job_tags: x\n",
    );
    let out = at(&env, "2027-01-01T00:00:00Z", &["apply", "-f", bad.to_str().unwrap()]);
    assert_status(&out, 65, &["apply", "bad2"]);
    assert!(stderr(&out).contains("bad2.yaml:2") && stderr(&out).contains("tags (ask_tags_on_launch is false)"), "{}", stderr(&out));
    let bad = env.write(
        "bad3.yaml",
        "schedules:\n  - name: sync\n    project: manual\n    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=DAILY;INTERVAL=1'\n",
    );
    let out = at(&env, "2027-01-01T00:00:00Z", &["apply", "-f", bad.to_str().unwrap()]);
    assert_status(&out, 65, &["apply", "bad3"]);
    assert!(stderr(&out).contains("Manual Project cannot have a schedule set."), "{}", stderr(&out));
    assert_eq!(env.row_counts(), before, "nothing written");
});

db_test!(schedules_round_trip_and_keep_wall_clock_time_across_dst, |env| {
    let now = "2026-03-28T12:00:00Z";
    apply_at(&env, now, TEMPLATES);
    let file = "
schedules:
  - name: nightly
    unified_job_template: {type: job_template, name: deploy}
    rrule: 'DTSTART;TZID=Europe/Berlin:20260301T023000 RRULE:FREQ=DAILY;INTERVAL=1'
    description: every night
    limit: web
    extra_data: {version: 2}
    max_lateness: 600
  - name: nightly
    system_job_template: purge
    rrule: 'DTSTART;TZID=America/New_York:20200601T120000 RRULE:FREQ=HOURLY;INTERVAL=1;UNTIL=20200601T170000'
    extra_data: {days: 30}
    enabled: false
";
    let r = apply_at(&env, now, file);
    assert_eq!(r["created"], 2, "{r}");
    // A name is unique per template: two schedules named nightly; `show` wants the id.
    let out = at(&env, now, &["schedule", "show", "nightly"]);
    assert_status(&out, 2, &["schedule", "show", "nightly"]);
    assert!(stderr(&out).contains("several schedules are named"), "{}", stderr(&out));

    let list = json_at(&env, now, &["schedule", "list"]);
    assert_eq!(list["count"], 2, "{list}");
    let jt = list["items"].as_array().unwrap().iter().find(|i| i["unified_job_template"]["type"] == "job_template").unwrap().clone();
    // 2026-03-29 02:30 does not exist in Berlin: the next run is the 30th, 02:30 CEST.
    assert_eq!(jt["next_run"], "2026-03-30T00:30:00.000000Z", "{jt}");
    assert_eq!(jt["timezone"], "Europe/Berlin");
    assert_eq!(jt["dtstart"], "2026-03-01T01:30:00.000000Z");
    assert_eq!(jt["dtend"], Value::Null);
    let id = jt["id"].to_string();
    let shown = json_at(&env, now, &["schedule", "show", &id]);
    assert_eq!(shown["next"]["utc"].as_array().unwrap().len(), 10, "{shown}");
    assert_eq!(shown["next"]["local"][0], "2026-03-30T02:30:00+02:00");
    assert_eq!(shown["limit"], "web");
    // Autumn: 02:30 on 2026-10-25 runs once, at its first (CEST) instant.
    let autumn = json_at(&env, "2026-10-24T12:00:00Z", &["schedule", "show", &id]);
    assert_eq!(autumn["next"]["utc"][0], "2026-10-25T00:30:00Z", "{autumn}");
    assert_eq!(autumn["next"]["utc"][1], "2026-10-26T01:30:00Z", "{autumn}");

    // The naive UNTIL was stored in UTC; a disabled schedule has no next run.
    let sys = list["items"].as_array().unwrap().iter().find(|i| i["unified_job_template"]["type"] == "system_job_template").unwrap();
    assert!(sys["rrule"].as_str().unwrap().ends_with("UNTIL=20200601T210000Z"), "{sys}");
    assert_eq!(sys["dtend"], "2020-06-01T21:00:00.000000Z");
    assert_eq!(sys["next_run"], Value::Null);

    // export | apply changes nothing; the export names templates as awxkit does.
    let exported = at(&env, now, &["export", "schedules"]);
    assert_status(&exported, 0, &["export"]);
    let text = stdout(&exported);
    assert!(text.contains("unified_job_template:") && text.contains("type: system_job_template"), "{text}");
    let p = env.write("exported.yaml", &text);
    let again = json_at(&env, now, &["apply", "-f", p.to_str().unwrap()]);
    assert_eq!(again["unchanged"], 2, "{again}");
    assert_eq!(again["updated"], 0, "{again}");
    // A deep copy of the template leaves its schedules behind (AWX).
    let out = at(&env, now, &["deep_copy", "job_template", "deploy", "--name", "deploy2"]);
    assert_status(&out, 0, &["deep_copy"]);
    assert_eq!(env.sql_count("SELECT count(*) FROM schedule"), 2);
    // Deleting the template deletes its schedules.
    let out = at(&env, now, &["delete", "job_template", "deploy", "--yes"]);
    assert_status(&out, 0, &["delete"]);
    assert_eq!(env.sql_count("SELECT count(*) FROM schedule"), 1);
});

/// The schedule of the tick tests: every 5 minutes from 2027-01-01 00:00 UTC.
const EVERY_5: &str = "
schedules:
  - name: purge-often
    system_job_template: purge
    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=MINUTELY;INTERVAL=5'
    extra_data: {days: 30}
";

db_test!(a_due_schedule_launches_exactly_once_under_concurrent_ticks, |env| {
    apply_at(&env, "2027-01-01T00:01:00Z", TEMPLATES);
    apply_at(&env, "2027-01-01T00:01:00Z", EVERY_5);
    // The first tick of a database only records its time.
    let first = json_at(&env, "2027-01-01T00:01:30Z", &["scheduler", "--once"]);
    assert_eq!(first["launched"], json!([]), "{first}");
    // Eight ticks at once, after the 00:05 occurrence.
    let children: Vec<_> = (0..8)
        .map(|_| {
            env.std_cmd()
                .env("AWXM_CONFIG", config(&env))
                .env("AWXM_FAKE_NOW", "2027-01-01T00:05:30Z")
                .args(["--format", "json", "scheduler", "--once"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut launched = 0;
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert_status(&out, 0, &["scheduler", "--once"]);
        let v: Value = json_stdout(&["scheduler"], &out.stdout);
        launched += v["launched"].as_array().unwrap().len();
    }
    assert_eq!(launched, 1, "one occurrence, one launch");
    assert_eq!(env.sql_count("SELECT count(*) FROM system_job WHERE launch_type = 'scheduled' AND schedule_id IS NOT NULL"), 1);
    assert_eq!(env.sql_count("SELECT count(*) FROM schedule WHERE next_run = '2027-01-01T00:10:00.000000Z'"), 1);
    // The job is a real system job: it runs to its end.
    wait_until("the scheduled system job ends", Duration::from_secs(60), || {
        env.sql_count("SELECT count(*) FROM system_job WHERE status IN ('successful', 'failed', 'error')") == 1
    });
    assert_eq!(env.sql_count("SELECT count(*) FROM system_job WHERE status = 'successful'"), 1);
});

db_test!(missed_runs_fire_once_late_and_skips_are_recorded_with_their_reason, |env| {
    apply_at(&env, "2027-01-01T00:01:00Z", TEMPLATES);
    apply_at(
        &env,
        "2027-01-01T00:01:00Z",
        &format!(
            "{EVERY_5}  - name: strict
    system_job_template: purge
    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=MINUTELY;INTERVAL=5'
    max_lateness: 60
  - name: deploys
    job_template: deploy
    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=MINUTELY;INTERVAL=5'
    limit: web
"
        ),
    );
    json_at(&env, "2027-01-01T00:01:30Z", &["scheduler", "--once"]);
    // At most one running job per template from schedules: the job template is at its limit.
    let out = at(&env, "2027-01-01T00:01:30Z", &["settings", "set", "schedule_max_jobs", "1"]);
    assert_status(&out, 0, &["settings", "set"]);
    env.sql_exec(
        "INSERT INTO job (name, job_template_id, status, launch_type, created, modified)
         SELECT 'deploy', id, 'pending', 'manual', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z' FROM job_template",
    );
    // An hour without ticks: each schedule fires (at most) once, late; 12 occurrences are not
    // launched one by one.
    let t = json_at(&env, "2027-01-01T01:02:00Z", &["scheduler", "--once"]);
    let launched = t["launched"].as_array().unwrap();
    assert_eq!(launched.len(), 1, "{t}");
    assert_eq!(launched[0]["schedule"], "purge-often");
    assert_eq!(launched[0]["occurrence"], "2027-01-01T00:05:00.000000Z");
    let skipped = t["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2, "{t}");
    let reason = |name: &str| skipped.iter().find(|s| s["schedule"] == name).unwrap()["reason"].as_str().unwrap().to_string();
    assert!(reason("strict").contains("more than its max_lateness of 60 s"), "{t}");
    assert!(
        reason("deploys").contains(
            "Job template deploy could not be started because there are more than 1 other jobs from that template waiting to run"
        ),
        "{t}"
    );
    // Every schedule's next run is computed from now: the missed ones are dropped.
    assert_eq!(env.sql_count("SELECT count(*) FROM schedule WHERE next_run = '2027-01-01T01:05:00.000000Z'"), 3);
    // The skip is visible where people look.
    let strict_id = env.sql_count("SELECT id FROM schedule WHERE name = 'strict'").to_string();
    let shown = json_at(&env, "2027-01-01T01:02:00Z", &["schedule", "show", &strict_id]);
    assert_eq!(shown["skipped"][0]["occurrence"], "2027-01-01T00:05:00.000000Z", "{shown}");
    // The job template's scheduled job carries the schedule's prompts and AWX's variables.
    env.sql_exec("UPDATE job SET status = 'canceled' WHERE launch_type = 'manual'");
    let t = json_at(&env, "2027-01-01T01:05:10Z", &["scheduler", "--once"]);
    assert_eq!(t["launched"].as_array().unwrap().len(), 3, "{t}");
    let job = env.sql_count("SELECT id FROM job WHERE launch_type = 'scheduled'");
    let shown = json_at(&env, "2027-01-01T01:05:10Z", &["job", "show", &job.to_string()]);
    assert_eq!(shown["limit"], "web", "{shown}");
    assert_eq!(shown["extra_vars"]["awx_schedule_name"], "deploys", "{shown}");
    assert_eq!(shown["launch_type"], "scheduled");
});

db_test!(ticks_further_apart_than_the_period_launch_the_newest_occurrence_within_max_lateness, |env| {
    apply_at(&env, "2027-01-01T00:01:00Z", TEMPLATES);
    apply_at(
        &env,
        "2027-01-01T00:01:00Z",
        "schedules:
  - name: strict
    system_job_template: purge
    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=MINUTELY;INTERVAL=5'
    max_lateness: 120
",
    );
    json_at(&env, "2027-01-01T00:01:30Z", &["scheduler", "--once"]);
    // A tick every half hour (cron): the 00:05 occurrence is 25 min late, the 00:30 one 60 s:
    // the 00:30 one launches, every time.
    for (now, occurrence) in
        [("2027-01-01T00:31:00Z", "2027-01-01T00:30:00.000000Z"), ("2027-01-01T01:01:00Z", "2027-01-01T01:00:00.000000Z")]
    {
        let t = json_at(&env, now, &["scheduler", "--once"]);
        let launched = t["launched"].as_array().unwrap();
        assert_eq!(launched.len(), 1, "{t}");
        assert_eq!(launched[0]["occurrence"], occurrence, "{t}");
        assert_eq!(t["skipped"], json!([]), "{t}");
    }
    // Three minutes after the newest occurrence is too late: skipped, with the reason.
    let t = json_at(&env, "2027-01-01T01:33:00Z", &["scheduler", "--once"]);
    assert_eq!(t["launched"], json!([]), "{t}");
    assert!(t["skipped"][0]["reason"].as_str().unwrap().contains("more than its max_lateness of 120 s"), "{t}");
    assert_eq!(env.sql_count("SELECT count(*) FROM system_job WHERE launch_type = 'scheduled'"), 2);
});

db_test!(the_dispatcher_runs_the_tick, |env| {
    apply_at(&env, "2027-01-01T00:01:00Z", TEMPLATES);
    apply_at(&env, "2027-01-01T00:01:00Z", EVERY_5);
    // The previous tick was before the 00:05 occurrence (a database in service).
    env.sql_exec("INSERT INTO scheduler_state (id, last_run) VALUES (1, '2027-01-01T00:04:00.000000Z')");
    let d = env
        .std_cmd()
        .env("AWXM_CONFIG", config(&env))
        .env("AWXM_FAKE_NOW", "2027-01-01T00:05:30Z")
        .args(["dispatcher"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("the dispatcher launched and ran the scheduled job", Duration::from_secs(60), || {
        env.sql_count("SELECT count(*) FROM system_job WHERE launch_type = 'scheduled' AND status = 'successful'") == 1
    });
    nix_kill(d.id());
    let out = d.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(143), "{}", String::from_utf8_lossy(&out.stderr));
});

fn nix_kill(pid: u32) {
    let _ = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status();
}

db_test!(a_schedule_launches_a_workflow, |env| {
    apply_at(&env, "2027-01-01T00:01:00Z", TEMPLATES);
    apply_at(
        &env,
        "2027-01-01T00:01:00Z",
        "
workflow_job_templates:
  - name: nightly-flow
    ask_limit_on_launch: true
    nodes:
      - {identifier: purge, system_job_template: purge}
schedules:
  - name: flow
    workflow_job_template: nightly-flow
    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=MINUTELY;INTERVAL=5'
    limit: web
",
    );
    // A prompt the workflow template does not ask for is refused when applied.
    let bad = env.write(
        "bad.yaml",
        "schedules:\n  - name: flow2\n    workflow_job_template: nightly-flow\n    rrule: 'DTSTART:20270101T000000Z RRULE:FREQ=DAILY;INTERVAL=1'\n    scm_branch: dev\n",
    );
    let out = at(&env, "2027-01-01T00:01:00Z", &["apply", "-f", bad.to_str().unwrap()]);
    assert_status(&out, 65, &["apply", "bad"]);
    assert!(stderr(&out).contains("ask_scm_branch_on_launch is false"), "{}", stderr(&out));
    json_at(&env, "2027-01-01T00:01:30Z", &["scheduler", "--once"]);
    let t = json_at(&env, "2027-01-01T00:05:30Z", &["scheduler", "--once"]);
    assert_eq!(t["launched"][0]["type"], "workflow_job", "{t}");
    assert_eq!(
        env.sql_count(
            "SELECT count(*) FROM workflow_job WHERE launch_type = 'scheduled' AND schedule_id IS NOT NULL AND job_limit = 'web'"
        ),
        1
    );
    wait_until("the scheduled workflow ends", Duration::from_secs(60), || {
        env.sql_count("SELECT count(*) FROM workflow_job WHERE status IN ('successful', 'failed', 'error')") == 1
    });
    assert_eq!(env.sql_count("SELECT count(*) FROM workflow_job WHERE status = 'successful'"), 1);
});
