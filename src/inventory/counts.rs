//! An inventory's computed counts (AWX's `update_computed_fields`): total hosts and groups,
//! hosts with active failures, inventory sources and those whose last job failed. Every
//! writer that changes what they count (imports, `apply`, job results, deep copies, updates
//! that fail) refreshes them here.

use crate::db::Tx;
use crate::error::Result;

/// Recount inventory `inv` and store the counts; writes (and returns true) only when one
/// changed.
pub fn refresh(tx: &mut Tx<'_>, inv: i64) -> Result<bool> {
    // A smart inventory counts its members (AWX §8.1); it has no groups or sources.
    let sql = if super::smart::is_smart(tx, inv)? {
        "SELECT (SELECT count(*) FROM smart_inventory_membership WHERE inventory_id = $1) AS total_hosts,
                0 AS total_groups,
                (SELECT count(*) FROM smart_inventory_membership m JOIN host h ON h.id = m.host_id
                 WHERE m.inventory_id = $1 AND h.has_active_failures) AS failing_hosts,
                0 AS total_sources, 0 AS failed_sources"
    } else {
        // The hosts once for both of their counts: an import's 100,000 new hosts are not
        // all-visible yet, so each scan of them visits the table.
        "SELECT h.total_hosts, (SELECT count(*) FROM inv_group WHERE inventory_id = $1) AS total_groups, h.failing_hosts,
                (SELECT count(*) FROM inventory_source WHERE inventory_id = $1) AS total_sources,
                (SELECT count(*) FROM inventory_source WHERE inventory_id = $1 AND last_job_failed) AS failed_sources
         FROM (SELECT count(*) AS total_hosts, count(*) FILTER (WHERE has_active_failures) AS failing_hosts
               FROM host WHERE inventory_id = $1) h"
    };
    let r = tx.query_one(sql, crate::params![inv])?;
    let (hosts, groups, failing, sources, failed_sources): (i64, i64, i64, i64, i64) =
        (r.col("total_hosts")?, r.col("total_groups")?, r.col("failing_hosts")?, r.col("total_sources")?, r.col("failed_sources")?);
    let n = tx.execute(
        "UPDATE inventory SET total_hosts = $1, total_groups = $2, hosts_with_active_failures = $3, has_active_failures = $4,
                total_inventory_sources = $5, has_inventory_sources = $6, inventory_sources_with_failures = $7
         WHERE id = $8 AND (total_hosts <> $1 OR total_groups <> $2 OR hosts_with_active_failures <> $3 OR has_active_failures <> $4
                OR total_inventory_sources <> $5 OR has_inventory_sources <> $6 OR inventory_sources_with_failures <> $7)",
        crate::params![hosts, groups, failing, failing > 0, sources, sources > 0, failed_sources, inv],
    )?;
    Ok(n > 0)
}
