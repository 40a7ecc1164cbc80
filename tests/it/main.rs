//! The one integration-test binary: every test runs the real `awxm` binary.
//! Database tests run on SQLite and on PostgreSQL (see `db_test!` in support).

#[macro_use]
mod support;

mod ad_hoc;
mod analytics;
mod cleanup;
mod completion;
mod deep_copy;
mod disk_state;
mod dispatcher;
mod ergonomics;
mod foundation;
mod generated;
mod heartbeat;
mod input_files;
mod inventory;
mod inventory_diff;
mod isolated_jobs;
mod jq;
mod license;
mod metrics;
mod notifications;
mod numeric;
mod packaging;
mod pgconn;
mod queue;
mod run_job;
mod schedules;
mod schemas;
mod sinks;
mod smart;
mod snapshots;
mod ssh;
mod workflows;
