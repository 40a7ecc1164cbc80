//! An inventory's computed counts (AWX's `update_computed_fields`): total hosts and groups,
//! hosts with active failures, inventory sources and those whose last job failed. Every
//! writer that changes what they count (imports, `apply`, job results, deep copies, updates
//! that fail) refreshes them here.

use crate::db::Tx;
use crate::error::Result;

/// Recount inventory `inv` and store the counts; writes (and returns true) only when one
/// changed.
pub fn refresh(tx: &mut Tx<'_>, inv: i64) -> Result<bool> {
    let r = tx.query_one(
        "SELECT (SELECT count(*) FROM host WHERE inventory_id = $1),
                (SELECT count(*) FROM inv_group WHERE inventory_id = $1),
                (SELECT count(*) FROM host WHERE inventory_id = $1 AND has_active_failures),
                (SELECT count(*) FROM inventory_source WHERE inventory_id = $1),
                (SELECT count(*) FROM inventory_source WHERE inventory_id = $1 AND last_job_failed)",
        crate::params![inv],
    )?;
    let (hosts, groups, failing, sources, failed_sources): (i64, i64, i64, i64, i64) =
        (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
    let n = tx.execute(
        "UPDATE inventory SET total_hosts = $1, total_groups = $2, hosts_with_active_failures = $3, has_active_failures = $4,
                total_inventory_sources = $5, has_inventory_sources = $6, inventory_sources_with_failures = $7
         WHERE id = $8 AND (total_hosts <> $1 OR total_groups <> $2 OR hosts_with_active_failures <> $3 OR has_active_failures <> $4
                OR total_inventory_sources <> $5 OR has_inventory_sources <> $6 OR inventory_sources_with_failures <> $7)",
        crate::params![hosts, groups, failing, failing > 0, sources, sources > 0, failed_sources, inv],
    )?;
    Ok(n > 0)
}
