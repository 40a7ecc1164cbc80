//! The license and organization host-limit checks of an import (AWX's `check_license` and
//! `check_org_host_limit`), run at AWX's two points: before the source is read (a violation
//! aborts at once, marking the update) and again inside the import transaction after the last
//! write (a violation rolls the whole import back, then marks the update). The rules themselves
//! live in `crate::license::enforce`.

use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::license::enforce::{self, Violation};

/// What the checks found: warnings (soft violations) and at most one hard violation.
#[derive(Debug, Default)]
pub struct Found {
    pub warnings: Vec<String>,
    pub violation: Option<Violation>,
}

impl Found {
    /// The violation as the import's error (exit 1, AWX's message with the numbers under it).
    pub fn error(&self) -> Option<Error> {
        self.violation.as_ref().map(|v| Error::failure(v.message.clone()).detail(v.detail.clone()))
    }

    /// The inventory update flag a violation sets: `license_error` or `org_host_limit_error`.
    pub fn flag(&self) -> Option<&'static str> {
        self.violation.as_ref().map(|v| if v.kind.is_license_error() { "license_error" } else { "org_host_limit_error" })
    }
}

/// Both checks as `tx` sees the database. `inventory` is `None` while the inventory does not
/// exist yet (`--create`): only the license is checked then.
pub fn run(tx: &mut Tx<'_>, secrets: &Secrets, inventory: Option<i64>) -> Result<Found> {
    let lic = enforce::check_import(tx, secrets)?;
    let mut found = Found { warnings: lic.warnings, violation: lic.violation };
    if let (None, Some(inv)) = (&found.violation, inventory) {
        let org = enforce::check_org_host_limit(tx, secrets, inv)?;
        found.warnings.extend(org.warnings);
        found.violation = org.violation;
    }
    Ok(found)
}
