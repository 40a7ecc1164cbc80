//! Checks that run inside the import transaction: once before anything is written and once
//! after everything is written (AWX runs its license and per-organization host-limit checks
//! at exactly these two points). An error from either rolls the whole import back and is
//! recorded on the inventory update. The license work (issue 8) plugs in here.

use crate::db::Tx;
use crate::error::Result;

/// What the import is about to do, for checks that want to look ahead.
pub struct Pending<'a> {
    pub inventory_id: i64,
    /// Names of the hosts about to be created.
    pub new_hosts: Vec<&'a str>,
}

/// Before the first write.
pub fn before_write(_tx: &mut Tx<'_>, _pending: &Pending<'_>) -> Result<()> {
    Ok(())
}

/// After the last write, in the same transaction.
pub fn after_write(_tx: &mut Tx<'_>, _inventory_id: i64) -> Result<()> {
    Ok(())
}
