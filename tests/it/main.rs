//! The one integration-test binary: every test runs the real `awxm` binary.
//! Database tests run on SQLite and on PostgreSQL (see `db_test!` in support).

#[macro_use]
mod support;

mod foundation;
mod generated;
mod inventory;
mod inventory_diff;
