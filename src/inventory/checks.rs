//! The license and organization host-limit checks of an import (AWX's `check_license` and
//! `check_org_host_limit`), run at AWX's two points: before the source is read (a violation
//! aborts at once, marking the update) and again inside the import transaction after the last
//! write (a violation rolls the whole import back, then marks the update). The rules themselves
//! live in `crate::license::enforce`.

use super::source::Violation;
use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::Result;
use crate::license::enforce::{self, Verdict};

/// The inventory update flag a violation sets: `license_error` or `org_host_limit_error`.
pub fn flag(v: &Verdict) -> Option<Violation> {
    v.violation.as_ref().map(|v| if v.kind.is_license_error() { Violation::License } else { Violation::OrgHostLimit })
}

/// Both checks as `tx` sees the database. `inventory` is `None` while the inventory does not
/// exist yet (`--create`): only the license is checked then.
pub fn run(tx: &mut Tx<'_>, secrets: &Secrets, inventory: Option<i64>) -> Result<Verdict> {
    let mut found = enforce::check_import(tx, secrets)?;
    if let (None, Some(inv)) = (&found.violation, inventory) {
        let org = enforce::check_org_host_limit(tx, secrets, inv)?;
        found.warnings.extend(org.warnings);
        found.violation = org.violation;
    }
    Ok(found)
}
