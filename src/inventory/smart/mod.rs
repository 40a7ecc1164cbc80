//! Smart inventories (AWX §7): an inventory of `kind: smart` owns no hosts; its hosts are the
//! real hosts of other inventories that its `host_filter` selects (`filter.rs` parses AWX's
//! SmartFilter language, `eval.rs` evaluates it), limited to the smart inventory's organization
//! when it has one, one host per name (the lowest id wins, AWX's `DISTINCT ON (name)`).
//!
//! The selection is cached in `smart_inventory_membership` (AWX's SmartInventoryMembership),
//! which [`rebuild`] recomputes — every smart inventory in one pass over the hosts — and which
//! every writer of hosts or facts calls in its own transaction (inventory_import, apply, the
//! fact cache, deep_copy); a job against a smart inventory rebuilds it first (AWX's pre-run
//! step), so filters on things that change without those writers (`last_job__status`) are
//! current when it matters.

pub mod eval;
pub mod filter;

use std::collections::HashMap;

use eval::{Candidate, GroupData, HostData, InventoryData, JobData, OrganizationData};
use filter::Relation;
pub use filter::{Expr, FilterError, parse};

use crate::db::{Tx, Value};
use crate::error::{Error, Result};

/// A bad filter as an error (exit 65), naming the position of the problem.
pub fn check(text: &str) -> Result<Expr> {
    parse(text).map_err(|e| with_pointer(Error::data(format!("{e}")), text, e.pos))
}

/// `err` with two detail lines: the filter, and a caret under the character at `pos` (1-based).
pub fn with_pointer(err: Error, text: &str, pos: usize) -> Error {
    let (line, caret) = pointer(text, pos);
    err.detail(line).detail(caret)
}

/// The filter (on one line) and a caret line under the character at `pos` (1-based).
pub fn pointer(text: &str, pos: usize) -> (String, String) {
    let flat: String = text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let pad: String = " ".repeat(pos.saturating_sub(1));
    (flat, format!("{pad}^"))
}

/// A smart inventory to compute.
#[derive(Debug, Clone)]
pub struct Smart {
    pub id: i64,
    pub organization_id: Option<i64>,
    /// None when the stored filter does not parse (it selects nothing).
    pub expr: Option<Expr>,
}

/// One selected host.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub id: i64,
    pub name: String,
    pub inventory_id: i64,
    pub enabled: bool,
}

/// The smart inventories (all, or `only`), with their parsed filters.
pub fn load_smart(tx: &mut Tx<'_>, only: Option<i64>) -> Result<Vec<Smart>> {
    let mut out = Vec::new();
    let (cond, params): (&str, Vec<Value>) = match only {
        Some(id) => (" AND id = $1", vec![Value::from(id)]),
        None => ("", Vec::new()),
    };
    tx.query_each(
        &format!("SELECT id, host_filter, organization_id FROM inventory WHERE kind = 'smart' AND NOT pending_deletion{cond} ORDER BY id"),
        &params,
        |r| {
            let id: i64 = r.col("id")?;
            let text: String = r.col("host_filter")?;
            let expr = match parse(&text) {
                Ok(e) => Some(e),
                Err(e) => {
                    tracing::warn!("smart inventory {id}: stored {e}; it selects no hosts");
                    None
                }
            };
            out.push(Smart { id, organization_id: r.col("organization_id")?, expr });
            Ok(())
        },
    )?;
    Ok(out)
}

/// The hosts each of `smarts` selects now (AWX §7.3), in the same order as `smarts`; each
/// list sorted by host name.
pub fn compute(tx: &mut Tx<'_>, smarts: &[Smart]) -> Result<Vec<Vec<Member>>> {
    let mut needs: Vec<Relation> = Vec::new();
    for s in smarts {
        if let Some(e) = &s.expr {
            e.relations(&mut needs);
        }
    }
    if smarts.iter().all(|s| s.expr.is_none()) {
        return Ok(vec![Vec::new(); smarts.len()]);
    }
    let need = |r: Relation| needs.contains(&r);

    let mut inventories: HashMap<i64, InventoryData> = HashMap::new();
    tx.query_each("SELECT id, name, description, kind, variables, organization_id FROM inventory", &[], |r| {
        inventories.insert(
            r.col("id")?,
            InventoryData {
                name: r.col("name")?,
                description: r.col("description")?,
                kind: r.col("kind")?,
                variables: r.col("variables")?,
                organization_id: r.col("organization_id")?,
            },
        );
        Ok(())
    })?;
    let mut orgs: HashMap<i64, OrganizationData> = HashMap::new();
    if need(Relation::Organization) {
        tx.query_each("SELECT id, name, description FROM organization", &[], |r| {
            orgs.insert(r.col("id")?, OrganizationData { name: r.col("name")?, description: r.col("description")? });
            Ok(())
        })?;
    }
    let mut groups: HashMap<i64, Vec<GroupData>> = HashMap::new();
    if need(Relation::Groups) {
        tx.query_each(
            "SELECT gh.host_id AS host_id, g.id AS id, g.name AS name, g.description AS description, g.variables AS variables
             FROM group_host gh JOIN inv_group g ON g.id = gh.group_id",
            &[],
            |r| {
                groups.entry(r.col("host_id")?).or_default().push(GroupData {
                    id: r.col("id")?,
                    name: r.col("name")?,
                    description: r.col("description")?,
                    variables: r.col("variables")?,
                });
                Ok(())
            },
        )?;
    }
    let mut jobs: HashMap<i64, JobData> = HashMap::new();
    if need(Relation::LastJob) {
        tx.query_each(
            "SELECT id, name, status, failed FROM job WHERE id IN (SELECT last_job_id FROM host WHERE last_job_id IS NOT NULL)",
            &[],
            |r| {
                jobs.insert(r.col("id")?, JobData { name: r.col("name")?, status: r.col("status")?, failed: r.col("failed")? });
                Ok(())
            },
        )?;
    }

    let sql = format!(
        "SELECT id, name, description, enabled, instance_id, {}, has_active_failures, created, modified, ansible_facts_modified,
                inventory_id, last_job_id, {} FROM host",
        if need(Relation::Variables) { "variables" } else { "'' AS variables" },
        if need(Relation::Facts) { "ansible_facts" } else { "'' AS ansible_facts" },
    );
    // Per smart inventory: name → the lowest matching host id (and its data).
    let mut best: Vec<HashMap<String, Member>> = vec![HashMap::new(); smarts.len()];
    let mut h = HostData::default();
    tx.query_each(&sql, &[], |r| {
        h.id = r.col("id")?;
        h.name = r.col("name")?;
        h.description = r.col("description")?;
        h.enabled = r.col("enabled")?;
        h.instance_id = r.col("instance_id")?;
        h.variables = r.col("variables")?;
        h.has_active_failures = r.col("has_active_failures")?;
        h.created = r.col("created")?;
        h.modified = r.col("modified")?;
        h.facts_modified = r.col("ansible_facts_modified")?;
        h.inventory_id = r.col("inventory_id")?;
        h.last_job_id = r.col("last_job_id")?;
        h.facts = r.col("ansible_facts")?;
        let inv = inventories.get(&h.inventory_id);
        let mut c = Candidate::new(&h);
        c.inventory = inv;
        c.groups = groups.get(&h.id).map(Vec::as_slice).unwrap_or(&[]);
        c.organization = inv.and_then(|i| i.organization_id).and_then(|o| orgs.get(&o));
        c.last_job = h.last_job_id.and_then(|j| jobs.get(&j));
        for (s, set) in smarts.iter().zip(best.iter_mut()) {
            let Some(expr) = &s.expr else { continue };
            if let Some(org) = s.organization_id
                && inv.and_then(|i| i.organization_id) != Some(org)
            {
                continue;
            }
            if set.get(&h.name).is_some_and(|m| m.id < h.id) {
                continue;
            }
            if eval::matches(&c, expr) {
                set.insert(h.name.clone(), Member { id: h.id, name: h.name.clone(), inventory_id: h.inventory_id, enabled: h.enabled });
            }
        }
        Ok(())
    })?;
    Ok(best
        .into_iter()
        .map(|m| {
            let mut v: Vec<Member> = m.into_values().collect();
            v.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
            v
        })
        .collect())
}

/// Recompute the membership of every smart inventory (or only `only`) and store what changed,
/// with the inventories' counts; returns how many inventories changed. Cheap when there is no
/// smart inventory.
pub fn rebuild(tx: &mut Tx<'_>, only: Option<i64>) -> Result<usize> {
    let started = std::time::Instant::now();
    let smarts = load_smart(tx, only)?;
    if smarts.is_empty() {
        return Ok(0);
    }
    let sets = compute(tx, &smarts)?;
    let computed = started.elapsed();
    let (mut changed, mut members_total) = (0, 0);
    for (s, members) in smarts.iter().zip(sets) {
        members_total += members.len();
        if store(tx, s.id, members.iter().map(|m| m.id).collect())? {
            changed += 1;
        }
        super::counts::refresh(tx, s.id)?;
    }
    tracing::info!(
        "smart inventories rebuilt: {} ({} changed, {members_total} memberships) in {:.3} s ({:.3} s selecting)",
        smarts.len(),
        changed,
        started.elapsed().as_secs_f64(),
        computed.as_secs_f64()
    );
    Ok(changed)
}

/// Make inventory `inv`'s membership exactly `new`; returns whether anything changed.
fn store(tx: &mut Tx<'_>, inv: i64, mut new: Vec<i64>) -> Result<bool> {
    let mut old: Vec<i64> = Vec::new();
    tx.query_each("SELECT host_id FROM smart_inventory_membership WHERE inventory_id = $1", crate::params![inv], |r| {
        old.push(r.col("host_id")?);
        Ok(())
    })?;
    old.sort_unstable();
    new.sort_unstable();
    new.dedup();
    if old == new {
        return Ok(false);
    }
    let removed: Vec<i64> = old.iter().copied().filter(|h| new.binary_search(h).is_err()).collect();
    let added: Vec<i64> = if removed.len() > 1000 {
        // Many removals: replacing the whole set is cheaper than deleting row by row.
        tx.execute("DELETE FROM smart_inventory_membership WHERE inventory_id = $1", crate::params![inv])?;
        new
    } else {
        for h in &removed {
            tx.execute("DELETE FROM smart_inventory_membership WHERE inventory_id = $1 AND host_id = $2", crate::params![inv, *h])?;
        }
        new.into_iter().filter(|h| old.binary_search(h).is_err()).collect()
    };
    if !added.is_empty() {
        tx.insert_many(
            "smart_inventory_membership",
            &["inventory_id", "host_id"],
            added.into_iter().map(|h| vec![Value::from(inv), Value::from(h)]),
        )?;
    }
    Ok(true)
}

/// The stored members of smart inventory `inv` (as of the last rebuild), by name.
pub fn members(tx: &mut Tx<'_>, inv: i64) -> Result<Vec<Member>> {
    let mut out = Vec::new();
    tx.query_each(
        "SELECT h.id AS id, h.name AS name, h.inventory_id AS inventory_id, h.enabled AS enabled
         FROM smart_inventory_membership m JOIN host h ON h.id = m.host_id WHERE m.inventory_id = $1 ORDER BY h.name, h.id",
        crate::params![inv],
        |r| {
            out.push(Member { id: r.col("id")?, name: r.col("name")?, inventory_id: r.col("inventory_id")?, enabled: r.col("enabled")? });
            Ok(())
        },
    )?;
    Ok(out)
}

/// The id of the host named `name` in inventory `inv`: its own host, or for a smart inventory
/// the member of that name.
pub fn host_by_name(tx: &mut Tx<'_>, inv: i64, name: &str) -> Result<Option<i64>> {
    if is_smart(tx, inv)? {
        tx.scalar_opt(
            "SELECT h.id FROM smart_inventory_membership m JOIN host h ON h.id = m.host_id WHERE m.inventory_id = $1 AND h.name = $2",
            crate::params![inv, name],
        )
    } else {
        tx.scalar_opt("SELECT id FROM host WHERE inventory_id = $1 AND name = $2", crate::params![inv, name])
    }
}

/// Whether inventory `inv` is a smart one.
pub fn is_smart(tx: &mut Tx<'_>, inv: i64) -> Result<bool> {
    Ok(tx.scalar_opt::<String>("SELECT kind FROM inventory WHERE id = $1", crate::params![inv])?.as_deref() == Some("smart"))
}

#[cfg(test)]
mod tests;
