//! The unified job queue (issue 15): one id space for every kind of job, the migration of a
//! database written by the previous release, launching, the task manager's dependencies,
//! blocking, capacity and cascades.

use crate::support::*;

/// Put the previous release's database (fixtures/previous-release, written by awxm at 9e7eaa9
/// with make.sh there) in place of this test's database.
fn load_previous_release(env: &TestEnv) {
    match env.backend {
        Backend::Sqlite => {
            let path = env.url.trim_start_matches("sqlite://");
            std::fs::copy(fixture("previous-release/awxm.db"), path).expect("copy the fixture database");
        }
        Backend::Postgres => {
            let sql = std::fs::read_to_string(fixture("previous-release/postgres.sql")).expect("read the fixture dump");
            env.sql_exec(&sql);
        }
    }
}

db_test!(a_database_of_the_previous_release_migrates_with_its_history, |env| {
    load_previous_release(&env);
    // Before: ids overlap between kinds (jobs 1-2, project updates 1-3, inventory update 1).
    assert_eq!(env.sql_count("SELECT count(*) FROM job WHERE id IN (1, 2)"), 2);
    assert_eq!(env.sql_count("SELECT count(*) FROM project_update WHERE id IN (1, 2, 3)"), 3);
    let events = env.sql_count("SELECT count(*) FROM job_event");
    assert!(events > 10, "the fixture has the jobs' events ({events})");

    // Any command migrates it (a read-only one too: the schema exists).
    let list = env.json(&["job", "list"]);
    let jobs = list["jobs"].as_array().or(list["items"].as_array()).expect("job list");
    assert_eq!(jobs.len(), 2, "{list}");

    // One id space: no id is used by two kinds.
    let union = "SELECT id FROM job UNION ALL SELECT id FROM project_update UNION ALL SELECT id FROM inventory_update \
                 UNION ALL SELECT id FROM system_job UNION ALL SELECT id FROM workflow_job";
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM ({union}) u")), 6);
    assert_eq!(env.sql_count(&format!("SELECT count(DISTINCT id) FROM ({union}) u")), 6);
    // Jobs kept their ids, so their events, host summaries and credentials still belong to them.
    assert_eq!(env.sql_count("SELECT count(*) FROM job_event WHERE job_id IN (1, 2)"), events);
    assert_eq!(env.sql_count("SELECT count(*) FROM job_host_summary WHERE job_id IN (1, 2)"), 2);
    // References follow the moved updates: each job's dependency is a project update of its project.
    assert_eq!(
        env.sql_count(
            "SELECT count(*) FROM job j JOIN project_update p ON p.id = j.project_update_id \
             WHERE p.launch_type = 'dependency' AND p.project_id = j.project_id"
        ),
        2
    );
    assert_eq!(
        env.sql_count("SELECT count(*) FROM project pr JOIN project_update p ON p.id = pr.last_update_id WHERE p.launch_type = 'manual'"),
        1
    );
    assert_eq!(
        env.sql_count("SELECT count(*) FROM inventory_source s JOIN inventory_update u ON u.id = s.last_update_id WHERE u.inventory_source_id = s.id"),
        1
    );
    // New rows of any kind take ids above every old id.
    let max_before = env.sql_count(&format!("SELECT max(id) FROM ({union}) u"));
    env.sql_exec("INSERT INTO project_update (status, created, modified) VALUES ('new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    env.sql_exec("INSERT INTO job (status, created, modified) VALUES ('new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    env.sql_exec(
        "INSERT INTO system_job (status, created, modified) VALUES ('new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    );
    assert_eq!(env.sql_count(&format!("SELECT count(*) FROM ({union}) u WHERE id > {max_before}")), 3);
    assert_eq!(env.sql_count(&format!("SELECT count(DISTINCT id) FROM ({union}) u")), 9);
    // The history reads as before.
    let shown = env.json(&["job", "show", "1"]);
    assert_eq!(shown["status"], "successful", "{shown}");
});
