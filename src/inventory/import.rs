//! AWX's `inventory_import` algorithm, set-based.
//!
//! [`prepare`] turns a loaded inventory into what AWX's in-memory model would hold after its
//! filters (`--group-filter`/`--host-filter`, anchored at the start like Python's `re.match`),
//! `--exclude-empty-groups` (one pass), `_awx_description`, instance ids and enabled flags, and
//! rejects host names with inline Jinja. [`apply`] then loads the inventory's current state
//! with a handful of queries, diffs in memory and writes only the changes: bulk inserts
//! (`COPY` on PostgreSQL), bulk updates and deletes through temporary tables. A re-import of
//! unchanged data writes no rows.
//!
//! Semantics (AWX §1.5): hosts are matched across the whole inventory by instance id, then by
//! name (a host matched by instance id is renamed); variables merge unless `overwrite_vars`;
//! `all`'s variables always merge into the inventory's; with `overwrite`, only hosts, groups
//! and links this source imported before are removed (members that others added to a removed
//! group move up to its surviving parents, as AWX's signal does). `ungrouped`'s own
//! variables (rare) are kept on a stored group named `ungrouped`, which the exporter folds
//! back — AWX would have put them on every host.

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use regex::Regex;
use serde::Serialize;
use serde_json::Value as Json;

use super::model::{ALL, Inventory, UNGROUPED, Vars};
use crate::db::{Tx, Value};
use crate::error::{Error, ErrorKind, Result};

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub overwrite: bool,
    pub overwrite_vars: bool,
    pub enabled_var: Option<String>,
    pub enabled_value: Option<String>,
    pub group_filter: Option<Regex>,
    pub host_filter: Option<Regex>,
    pub exclude_empty_groups: bool,
    /// `--instance-id-var` alternatives, in order.
    pub instance_id_vars: Vec<String>,
}

/// Compile a filter the way Python's `re.match` applies it (anchored at the start only).
pub fn compile_filter(pattern: &str, option: &str) -> Result<Regex> {
    Regex::new(&format!("^(?:{pattern})")).map_err(|e| Error::usage(format!("invalid regular expression for {option}: {e}")))
}

#[derive(Debug, Clone)]
pub struct PHost {
    pub name: String,
    pub vars: Vars,
    pub vars_text: String,
    pub description: Option<String>,
    pub instance_id: String,
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct PGroup {
    pub name: String,
    pub vars: Vars,
    pub vars_text: String,
    pub description: Option<String>,
    /// Indexes into `Prepared::groups`.
    pub children: Vec<usize>,
    /// Indexes into `Prepared::hosts`.
    pub hosts: Vec<usize>,
}

/// What gets imported, after AWX's in-memory rules.
#[derive(Debug, Default)]
pub struct Prepared {
    pub all_vars: Vars,
    pub groups: Vec<PGroup>,
    pub hosts: Vec<PHost>,
    pub warnings: Vec<String>,
}

/// Walk a dotted path (`foo.bar`) through nested mappings.
fn dotted<'a>(vars: &'a Vars, path: &str) -> Option<&'a Json> {
    let mut parts = path.split('.');
    let mut cur = vars.get(parts.next()?)?;
    for p in parts {
        cur = cur.as_object()?.get(p)?;
    }
    Some(cur)
}

fn truthy(v: &Json) -> bool {
    match v {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64() != Some(0.0),
        Json::String(s) => !s.is_empty(),
        Json::Array(a) => !a.is_empty(),
        Json::Object(m) => !m.is_empty(),
    }
}

/// Python's `str()` of a value.
pub fn py_str(v: &Json) -> String {
    match v {
        Json::Null => "None".into(),
        Json::Bool(b) => if *b { "True" } else { "False" }.into(),
        Json::Number(n) => crate::pynum::py_str(n),
        Json::String(s) => s.clone(),
        Json::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Json::Object(m) => format!(
            "{{{}}}",
            m.iter().map(|(k, v)| format!("{}: {}", py_repr(&Json::String(k.clone())), py_repr(v))).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn py_repr(v: &Json) -> String {
    match v {
        Json::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        other => py_str(other),
    }
}

/// AWX's `_get_instance_id`: the first truthy value among the alternatives, as text.
pub fn instance_id(vars: &Vars, alternatives: &[String]) -> String {
    for alt in alternatives {
        if let Some(v) = dotted(vars, alt.trim())
            && truthy(v)
        {
            return py_str(v);
        }
    }
    String::new()
}

/// AWX's `_get_enabled`: None when the variable is absent (the flag is then left alone).
pub fn enabled(vars: &Vars, var: &str, value: Option<&str>) -> Option<bool> {
    let v = dotted(vars, var)?;
    Some(match value {
        Some(want) => py_str(v).to_lowercase() == want.to_lowercase(),
        None => truthy(v),
    })
}

/// AWX's `sanitize_jinja`: `{{ ... }}` or `{% ... %}` with something inside.
pub(crate) fn has_jinja(name: &str) -> bool {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"\{\{[^}]+\}\}|\{%[^%]+%\}").expect("static regex"));
    re.is_match(name)
}

/// Apply AWX's in-memory rules to a loaded inventory.
pub fn prepare(mut inv: Inventory, opts: &ImportOptions) -> Result<Prepared> {
    let gpass = |name: &str| opts.group_filter.as_ref().is_none_or(|r| r.is_match(name));
    let hpass = |name: &str| opts.host_filter.as_ref().is_none_or(|r| r.is_match(name));
    let n = inv.groups.len();
    // Groups AWX would create: every group with an entry of its own in the --list JSON
    // (non-empty) that passes the filter, plus children (passing the filter) of created
    // groups and of `all`.
    let mut imported = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    for g in 0..n {
        if g == ALL || g == UNGROUPED || !gpass(&inv.groups[g].name) {
            continue;
        }
        let grp = &inv.groups[g];
        let nonempty = !grp.hosts.is_empty() || !grp.children.is_empty() || !grp.vars.is_empty();
        if nonempty || inv.groups[ALL].children.contains(&g) {
            stack.push(g);
        }
    }
    while let Some(g) = stack.pop() {
        if imported[g] {
            continue;
        }
        imported[g] = true;
        for &c in &inv.groups[g].children {
            if c != ALL && c != UNGROUPED && !imported[c] && gpass(&inv.groups[c].name) {
                stack.push(c);
            }
        }
    }
    // Hosts: members of an imported group, of `ungrouped` or of `all`, passing the filter.
    let mut host_ok = vec![false; inv.hosts.len()];
    for (h, host) in inv.hosts.iter().enumerate() {
        if !hpass(&host.name) {
            continue;
        }
        host_ok[h] = host.groups.iter().any(|g| *g == ALL || *g == UNGROUPED || imported[*g]);
    }
    let mut warnings = std::mem::take(&mut inv.warnings);
    let mut host_index = vec![usize::MAX; inv.hosts.len()];
    let mut hosts = Vec::new();
    for (h, host) in inv.hosts.iter_mut().enumerate() {
        if !host_ok[h] {
            continue;
        }
        if has_jinja(&host.name) {
            let at = inv
                .files
                .get(host.origin.file as usize)
                .map(|f| if host.origin.line > 0 { format!("{f}:{}: ", host.origin.line) } else { format!("{f}: ") });
            return Err(Error::data(format!(
                "{}Inline Jinja variables are not allowed in host names: {}",
                at.unwrap_or_default(),
                host.name
            )));
        }
        let mut vars = std::mem::take(&mut host.vars);
        let description = vars.shift_remove("_awx_description").map(|d| py_str(&d));
        let iid = if opts.instance_id_vars.is_empty() { String::new() } else { instance_id(&vars, &opts.instance_id_vars) };
        if !opts.instance_id_vars.is_empty() && iid.is_empty() {
            warnings.push(format!("Host \"{}\" has no \"{}\" variable(s)", host.name, opts.instance_id_vars.join(",")));
        }
        let en = opts.enabled_var.as_deref().and_then(|v| enabled(&vars, v, opts.enabled_value.as_deref()));
        let vars_text = serde_json::to_string(&vars).map_err(|e| Error::internal(e.to_string()))?;
        host_index[h] = hosts.len();
        hosts.push(PHost { name: std::mem::take(&mut host.name), vars, vars_text, description, instance_id: iid, enabled: en });
    }
    let mut group_index = vec![usize::MAX; n];
    let mut groups: Vec<PGroup> = Vec::new();
    for g in 0..n {
        let keep_ungrouped = g == UNGROUPED && !inv.groups[g].vars.is_empty();
        if !imported[g] && !keep_ungrouped {
            continue;
        }
        let grp = &mut inv.groups[g];
        let mut vars = std::mem::take(&mut grp.vars);
        let description = vars.shift_remove("_awx_description").map(|d| py_str(&d));
        let vars_text = serde_json::to_string(&vars).map_err(|e| Error::internal(e.to_string()))?;
        group_index[g] = groups.len();
        groups.push(PGroup { name: grp.name.clone(), vars, vars_text, description, children: Vec::new(), hosts: Vec::new() });
    }
    for g in 0..n {
        let pg = group_index[g];
        if pg == usize::MAX || g == UNGROUPED {
            continue;
        }
        groups[pg].children =
            inv.groups[g].children.iter().filter(|c| **c != UNGROUPED).map(|c| group_index[*c]).filter(|c| *c != usize::MAX).collect();
        groups[pg].hosts = inv.groups[g].hosts.iter().map(|h| host_index[*h]).filter(|h| *h != usize::MAX).collect();
    }
    if opts.exclude_empty_groups {
        // Until nothing changes: a parent left empty by removing its empty children goes too
        // (AWX makes one pass and keeps such parents).
        loop {
            let empty: Vec<bool> = groups.iter().map(|g| g.children.is_empty() && g.hosts.is_empty() && g.vars.is_empty()).collect();
            if !empty.iter().any(|e| *e) {
                break;
            }
            let mut remap = vec![usize::MAX; groups.len()];
            let mut kept = Vec::new();
            for (i, g) in groups.into_iter().enumerate() {
                if !empty[i] {
                    remap[i] = kept.len();
                    kept.push(g);
                }
            }
            for g in &mut kept {
                g.children = g.children.iter().map(|c| remap[*c]).filter(|c| *c != usize::MAX).collect();
            }
            groups = kept;
        }
    }
    let all_vars = std::mem::take(&mut inv.groups[ALL].vars);
    // What is left of the model (indexes over 10^5 names) is not needed again, and this runs
    // once per process: skip the teardown.
    std::mem::forget(inv);
    Ok(Prepared { all_vars, groups, hosts, warnings })
}

#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub added: u64,
    pub updated: u64,
    pub removed: u64,
    pub unchanged: u64,
}

#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct LinkCounts {
    pub added: u64,
    pub removed: u64,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Outcome {
    pub hosts: Counts,
    pub groups: Counts,
    /// Host-in-group links.
    pub memberships: LinkCounts,
    /// Group-in-group links.
    pub children: LinkCounts,
    pub hosts_renamed: u64,
    pub inventory_variables_updated: bool,
}

impl Outcome {
    pub fn changed(&self) -> bool {
        self.hosts.added + self.hosts.updated + self.hosts.removed + self.groups.added + self.groups.updated + self.groups.removed > 0
            || self.memberships.added + self.memberships.removed + self.children.added + self.children.removed > 0
            || self.inventory_variables_updated
    }
}

struct DbHost {
    id: i64,
    name: String,
    instance_id: String,
    enabled: bool,
    vars_text: String,
}

/// The new variables of an object, or None when they do not change.
fn new_vars(old_text: &str, new: &Vars, new_text: &str, overwrite_vars: bool) -> Option<String> {
    if old_text == new_text {
        return None;
    }
    let old = super::export::parse_vars_text(old_text);
    if overwrite_vars {
        if &old == new { None } else { Some(new_text.to_string()) }
    } else {
        let mut merged = old.clone();
        for (k, v) in new {
            merged.insert(k.clone(), v.clone());
        }
        if merged == old { None } else { Some(serde_json::to_string(&merged).unwrap_or_default()) }
    }
}

/// Progress and cancellation for [`apply`].
pub struct Monitor<'a> {
    pub progress: &'a indicatif::ProgressBar,
    pub cancelled: &'a dyn Fn() -> bool,
}

impl Monitor<'_> {
    fn check(&self) -> Result<()> {
        if (self.cancelled)() { Err(Error::new(ErrorKind::Interrupted, "interrupted")) } else { Ok(()) }
    }
    fn tick(&self, n: u64) {
        self.progress.inc(n);
    }
}

/// Below this many rows, plain statements; above, a temporary table and one statement.
const BULK: usize = 64;

/// Delete rows of `table` by id.
fn delete_ids(tx: &mut Tx<'_>, table: &str, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    if ids.len() <= BULK {
        for id in ids {
            tx.execute(&format!("DELETE FROM {table} WHERE id = $1"), crate::params![*id])?;
        }
        return Ok(());
    }
    tx.batch("CREATE TEMP TABLE awxm_import_ids (id BIGINT PRIMARY KEY)")?;
    tx.insert_many("awxm_import_ids", &["id"], ids.iter().map(|i| vec![Value::Int(*i)]))?;
    tx.execute(&format!("DELETE FROM {table} WHERE id IN (SELECT id FROM awxm_import_ids)"), &[])?;
    tx.batch("DROP TABLE awxm_import_ids")?;
    Ok(())
}

/// Delete (a, b) pairs from a link table with columns `ca`, `cb`.
fn delete_pairs(tx: &mut Tx<'_>, table: &str, ca: &str, cb: &str, pairs: &[(i64, i64)]) -> Result<()> {
    if pairs.is_empty() {
        return Ok(());
    }
    if pairs.len() <= BULK {
        for (a, b) in pairs {
            tx.execute(&format!("DELETE FROM {table} WHERE {ca} = $1 AND {cb} = $2"), crate::params![*a, *b])?;
        }
        return Ok(());
    }
    tx.batch("CREATE TEMP TABLE awxm_import_pairs (a BIGINT NOT NULL, b BIGINT NOT NULL, PRIMARY KEY (a, b))")?;
    tx.insert_many("awxm_import_pairs", &["a", "b"], pairs.iter().map(|(a, b)| vec![Value::Int(*a), Value::Int(*b)]))?;
    tx.execute(
        &format!("DELETE FROM {table} WHERE EXISTS (SELECT 1 FROM awxm_import_pairs p WHERE p.a = {table}.{ca} AND p.b = {table}.{cb})"),
        &[],
    )?;
    tx.batch("DROP TABLE awxm_import_pairs")?;
    Ok(())
}

/// Update changed host rows: (id, name, instance_id, enabled, variables).
fn update_hosts(tx: &mut Tx<'_>, rows: &[(i64, String, String, bool, String)], now: &str) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    if rows.len() <= BULK {
        for (id, name, iid, en, vars) in rows {
            tx.execute(
                "UPDATE host SET name = $1, instance_id = $2, enabled = $3, variables = $4, modified = $5 WHERE id = $6",
                crate::params![name.as_str(), iid.as_str(), *en, vars.as_str(), now, *id],
            )?;
        }
        return Ok(());
    }
    tx.batch(
        "CREATE TEMP TABLE awxm_import_hosts (id BIGINT PRIMARY KEY, name TEXT NOT NULL, instance_id TEXT NOT NULL, enabled BOOLEAN NOT NULL, variables TEXT NOT NULL)",
    )?;
    tx.insert_many(
        "awxm_import_hosts",
        &["id", "name", "instance_id", "enabled", "variables"],
        rows.iter().map(|(id, n, i, e, v)| {
            vec![Value::Int(*id), Value::from(n.as_str()), Value::from(i.as_str()), Value::Bool(*e), Value::from(v.as_str())]
        }),
    )?;
    tx.execute(
        "UPDATE host SET name = u.name, instance_id = u.instance_id, enabled = u.enabled, variables = u.variables, modified = $1
         FROM awxm_import_hosts u WHERE host.id = u.id",
        crate::params![now],
    )?;
    tx.batch("DROP TABLE awxm_import_hosts")?;
    Ok(())
}

/// Update changed group variables: (id, variables).
fn update_groups(tx: &mut Tx<'_>, rows: &[(i64, String)], now: &str) -> Result<()> {
    if rows.len() <= BULK {
        for (id, vars) in rows {
            tx.execute("UPDATE inv_group SET variables = $1, modified = $2 WHERE id = $3", crate::params![vars.as_str(), now, *id])?;
        }
        return Ok(());
    }
    tx.batch("CREATE TEMP TABLE awxm_import_groups (id BIGINT PRIMARY KEY, variables TEXT NOT NULL)")?;
    tx.insert_many("awxm_import_groups", &["id", "variables"], rows.iter().map(|(id, v)| vec![Value::Int(*id), Value::from(v.as_str())]))?;
    tx.execute(
        "UPDATE inv_group SET variables = u.variables, modified = $1 FROM awxm_import_groups u WHERE inv_group.id = u.id",
        crate::params![now],
    )?;
    tx.batch("DROP TABLE awxm_import_groups")?;
    Ok(())
}

/// Write the prepared inventory into inventory `inv` as source `source`. Runs inside the
/// caller's transaction; any error leaves the database as it was once the caller rolls back.
pub fn apply(tx: &mut Tx<'_>, inv: i64, source: i64, p: &Prepared, opts: &ImportOptions, mon: &Monitor<'_>) -> Result<Outcome> {
    let now = crate::time::fmt(&crate::time::now());
    let mut out = Outcome::default();
    tx.lock(&format!("inventory_{inv}_perform_update"))?;

    // ---- current state: a handful of bulk queries ----
    let inv_vars_text: String = tx.scalar("SELECT variables FROM inventory WHERE id = $1", crate::params![inv])?;
    let mut db_groups: HashMap<String, (i64, String)> = HashMap::default();
    tx.query_each("SELECT id, name, variables FROM inv_group WHERE inventory_id = $1", crate::params![inv], |r| {
        db_groups.insert(r.get(1)?, (r.get(0)?, r.get(2)?));
        Ok(())
    })?;
    let mut db_hosts: Vec<DbHost> = Vec::new();
    tx.query_each("SELECT id, name, instance_id, enabled, variables FROM host WHERE inventory_id = $1", crate::params![inv], |r| {
        db_hosts.push(DbHost { id: r.get(0)?, name: r.get(1)?, instance_id: r.get(2)?, enabled: r.get(3)?, vars_text: r.get(4)? });
        Ok(())
    })?;
    let max_host_id = db_hosts.iter().map(|h| h.id).max().unwrap_or(0);
    let mut owned_hosts: HashSet<i64> = HashSet::default();
    tx.query_each("SELECT host_id FROM host_inventory_source WHERE inventory_source_id = $1", crate::params![source], |r| {
        owned_hosts.insert(r.get(0)?);
        Ok(())
    })?;
    let mut owned_groups: HashSet<i64> = HashSet::default();
    tx.query_each("SELECT group_id FROM group_inventory_source WHERE inventory_source_id = $1", crate::params![source], |r| {
        owned_groups.insert(r.get(0)?);
        Ok(())
    })?;
    let mut db_children: HashSet<(i64, i64)> = HashSet::default();
    tx.query_each(
        "SELECT gc.parent_id, gc.child_id FROM group_child gc JOIN inv_group g ON g.id = gc.parent_id WHERE g.inventory_id = $1",
        crate::params![inv],
        |r| {
            db_children.insert((r.get(0)?, r.get(1)?));
            Ok(())
        },
    )?;
    let mut db_members: HashSet<(i64, i64)> = HashSet::default();
    tx.query_each(
        "SELECT gh.group_id, gh.host_id FROM group_host gh JOIN inv_group g ON g.id = gh.group_id WHERE g.inventory_id = $1",
        crate::params![inv],
        |r| {
            db_members.insert((r.get(0)?, r.get(1)?));
            Ok(())
        },
    )?;
    mon.check()?;

    // ---- match imported hosts to stored hosts: instance id, then name ----
    let by_name: HashMap<&str, usize> = db_hosts.iter().enumerate().map(|(i, h)| (h.name.as_str(), i)).collect();
    let mut by_iid: HashMap<&str, usize> = HashMap::default();
    let mut legacy_iid: HashMap<String, usize> = HashMap::default();
    if !opts.instance_id_vars.is_empty() {
        for (i, h) in db_hosts.iter().enumerate() {
            if !h.instance_id.is_empty() {
                by_iid.entry(h.instance_id.as_str()).or_insert(i);
            } else if owned_hosts.contains(&h.id)
                && opts.instance_id_vars.iter().any(|v| h.vars_text.contains(v.trim().split('.').next().unwrap_or("")))
            {
                // Hosts imported before the instance id variable was configured.
                let iid = instance_id(&super::export::parse_vars_text(&h.vars_text), &opts.instance_id_vars);
                if !iid.is_empty() {
                    legacy_iid.entry(iid).or_insert(i);
                }
            }
        }
    }
    let mut matched: Vec<Option<usize>> = vec![None; p.hosts.len()];
    let mut taken = vec![false; db_hosts.len()];
    for (i, h) in p.hosts.iter().enumerate() {
        if h.instance_id.is_empty() {
            continue;
        }
        let cand = legacy_iid.get(&h.instance_id).copied().or_else(|| by_iid.get(h.instance_id.as_str()).copied());
        if let Some(d) = cand
            && !taken[d]
        {
            taken[d] = true;
            matched[i] = Some(d);
        }
    }
    for (i, h) in p.hosts.iter().enumerate() {
        if matched[i].is_some() {
            continue;
        }
        if let Some(&d) = by_name.get(h.name.as_str())
            && !taken[d]
        {
            taken[d] = true;
            matched[i] = Some(d);
        }
    }

    // ---- what --overwrite removes ----
    let imported_group_names: HashSet<&str> = p.groups.iter().map(|g| g.name.as_str()).collect();
    let mut del_hosts: Vec<i64> = Vec::new();
    let mut del_groups: Vec<i64> = Vec::new();
    let mut deleted_group_set: HashSet<i64> = HashSet::default();
    let mut del_members: Vec<(i64, i64)> = Vec::new();
    let mut del_children: Vec<(i64, i64)> = Vec::new();
    let mut reparent_members: Vec<(i64, i64)> = Vec::new();
    let mut reparent_children: Vec<(i64, i64)> = Vec::new();
    // DB ids of imported hosts (matched ones; new ones get ids later).
    let host_db_id: Vec<Option<i64>> = matched.iter().map(|m| m.map(|d| db_hosts[d].id)).collect();
    if opts.overwrite {
        let deleted_hosts: HashSet<i64> =
            db_hosts.iter().enumerate().filter(|(i, h)| !taken[*i] && owned_hosts.contains(&h.id)).map(|(_, h)| h.id).collect();
        del_hosts.extend(deleted_hosts.iter().copied());
        let deleted_groups: HashSet<i64> = db_groups
            .iter()
            .filter(|(name, (id, _))| owned_groups.contains(id) && !imported_group_names.contains(name.as_str()))
            .map(|(_, (id, _))| *id)
            .collect();
        del_groups.extend(deleted_groups.iter().copied());
        deleted_group_set = deleted_groups.clone();
        // Members others put into a removed group move up to its surviving ancestors.
        if !deleted_groups.is_empty() {
            let mut parents: HashMap<i64, Vec<i64>> = HashMap::default();
            for (pa, ch) in &db_children {
                parents.entry(*ch).or_default().push(*pa);
            }
            let surviving = |g: i64| -> Vec<i64> {
                let mut out = Vec::new();
                let mut seen = HashSet::default();
                let mut stack: Vec<i64> = parents.get(&g).cloned().unwrap_or_default();
                while let Some(x) = stack.pop() {
                    if !seen.insert(x) {
                        continue;
                    }
                    if deleted_groups.contains(&x) {
                        stack.extend(parents.get(&x).cloned().unwrap_or_default());
                    } else {
                        out.push(x);
                    }
                }
                out
            };
            let gname_by_id: HashMap<i64, &str> = db_groups.iter().map(|(n, (id, _))| (*id, n.as_str())).collect();
            for &g in &deleted_groups {
                let up = surviving(g);
                if up.is_empty() {
                    continue;
                }
                for (mg, h) in &db_members {
                    if *mg == g && !owned_hosts.contains(h) && !deleted_hosts.contains(h) {
                        for u in &up {
                            reparent_members.push((*u, *h));
                        }
                    }
                }
                for (pa, c) in &db_children {
                    if *pa == g && !deleted_groups.contains(c) && !gname_by_id.get(c).is_some_and(|n| imported_group_names.contains(n)) {
                        for u in &up {
                            if u != c {
                                reparent_children.push((*u, *c));
                            }
                        }
                    }
                }
            }
        }
        // Links of surviving groups of this source that the import no longer has.
        let import_children: HashSet<(&str, &str)> =
            p.groups.iter().flat_map(|g| g.children.iter().map(move |c| (g.name.as_str(), p.groups[*c].name.as_str()))).collect();
        let import_members: HashSet<(&str, i64)> =
            p.groups.iter().flat_map(|g| g.hosts.iter().filter_map(|h| host_db_id[*h].map(|id| (g.name.as_str(), id)))).collect();
        let gname_by_id: HashMap<i64, &str> = db_groups.iter().map(|(n, (id, _))| (*id, n.as_str())).collect();
        for (pa, c) in &db_children {
            let (Some(pn), Some(cn)) = (gname_by_id.get(pa), gname_by_id.get(c)) else { continue };
            if owned_groups.contains(pa)
                && !deleted_groups.contains(pa)
                && !deleted_groups.contains(c)
                && imported_group_names.contains(cn)
                && !import_children.contains(&(*pn, *cn))
            {
                del_children.push((*pa, *c));
            }
        }
        for (g, h) in &db_members {
            let Some(gn) = gname_by_id.get(g) else { continue };
            if owned_groups.contains(g)
                && !deleted_groups.contains(g)
                && owned_hosts.contains(h)
                && !deleted_hosts.contains(h)
                && !import_members.contains(&(*gn, *h))
            {
                del_members.push((*g, *h));
            }
        }
    }
    mon.check()?;

    // ---- inventory variables: always a merge ----
    let mut inv_vars_new: Option<String> = None;
    if !p.all_vars.is_empty() {
        let old = super::export::parse_vars_text(&inv_vars_text);
        let mut merged = old.clone();
        for (k, v) in &p.all_vars {
            merged.insert(k.clone(), v.clone());
        }
        if merged != old {
            inv_vars_new = Some(serde_json::to_string(&merged).map_err(|e| Error::internal(e.to_string()))?);
        }
    }

    // ---- groups ----
    let mut group_updates: Vec<(i64, String)> = Vec::new();
    let mut group_inserts: Vec<usize> = Vec::new();
    for (i, g) in p.groups.iter().enumerate() {
        match db_groups.get(&g.name) {
            Some((id, old)) if !deleted_group_set.contains(id) => match new_vars(old, &g.vars, &g.vars_text, opts.overwrite_vars) {
                Some(v) => {
                    group_updates.push((*id, v));
                    out.groups.updated += 1;
                }
                None => out.groups.unchanged += 1,
            },
            _ => {
                group_inserts.push(i);
                out.groups.added += 1;
            }
        }
    }

    // ---- hosts ----
    let mut host_updates: Vec<(i64, String, String, bool, String)> = Vec::new();
    let mut renames: Vec<(i64, String)> = Vec::new();
    let mut host_inserts: Vec<usize> = Vec::new();
    for (i, h) in p.hosts.iter().enumerate() {
        let Some(d) = matched[i] else {
            host_inserts.push(i);
            continue;
        };
        let db = &db_hosts[d];
        let vars = new_vars(&db.vars_text, &h.vars, &h.vars_text, opts.overwrite_vars);
        let iid = if opts.instance_id_vars.is_empty() { db.instance_id.clone() } else { h.instance_id.clone() };
        let en = h.enabled.unwrap_or(db.enabled);
        if vars.is_none() && iid == db.instance_id && en == db.enabled && h.name == db.name {
            out.hosts.unchanged += 1;
            continue;
        }
        if h.name != db.name {
            renames.push((db.id, h.name.clone()));
        }
        out.hosts.updated += 1;
        host_updates.push((db.id, h.name.clone(), iid, en, vars.unwrap_or_else(|| db.vars_text.clone())));
    }
    out.hosts.added = host_inserts.len() as u64;
    out.hosts.removed = del_hosts.len() as u64;
    out.groups.removed = del_groups.len() as u64;
    out.hosts_renamed = renames.len() as u64;
    // A rename onto the name of a host that stays is a conflict.
    if !renames.is_empty() {
        let deleted: HashSet<i64> = del_hosts.iter().copied().collect();
        let renamed_ids: HashSet<i64> = renames.iter().map(|(id, _)| *id).collect();
        for (id, new_name) in &renames {
            if let Some(&d) = by_name.get(new_name.as_str()) {
                let other = db_hosts[d].id;
                if other != *id && !deleted.contains(&other) && !renamed_ids.contains(&other) {
                    let old = db_hosts.iter().find(|h| h.id == *id).map(|h| h.name.as_str()).unwrap_or("");
                    return Err(Error::data(format!(
                        "host {old:?} matched by instance id should be renamed to {new_name:?}, but another host of the inventory has that name (use --overwrite to remove stale hosts of this source)"
                    )));
                }
            }
        }
    }
    let total =
        (del_hosts.len() + del_groups.len() + group_inserts.len() + group_updates.len() + host_inserts.len() + host_updates.len()) as u64;
    mon.progress.set_length(total.max(1));

    // ---- write: deletions first ----
    delete_ids(tx, "host", &del_hosts)?;
    mon.tick(del_hosts.len() as u64);
    delete_ids(tx, "inv_group", &del_groups)?;
    mon.tick(del_groups.len() as u64);
    delete_pairs(tx, "group_host", "group_id", "host_id", &del_members)?;
    delete_pairs(tx, "group_child", "parent_id", "child_id", &del_children)?;
    out.memberships.removed = del_members.len() as u64;
    out.children.removed = del_children.len() as u64;
    mon.check()?;

    if let Some(v) = &inv_vars_new {
        tx.execute("UPDATE inventory SET variables = $1, modified = $2 WHERE id = $3", crate::params![v.as_str(), now.as_str(), inv])?;
        out.inventory_variables_updated = true;
    }

    // Groups.
    update_groups(tx, &group_updates, &now)?;
    tx.insert_many(
        "inv_group",
        &["inventory_id", "name", "description", "variables", "created", "modified"],
        group_inserts.iter().map(|i| {
            let g = &p.groups[*i];
            vec![
                Value::Int(inv),
                Value::from(g.name.as_str()),
                Value::from(g.description.as_deref().unwrap_or("imported")),
                Value::from(g.vars_text.as_str()),
                Value::from(now.as_str()),
                Value::from(now.as_str()),
            ]
        }),
    )?;
    mon.tick((group_updates.len() + group_inserts.len()) as u64);
    let mut group_id: HashMap<String, i64> = HashMap::default();
    tx.query_each("SELECT id, name FROM inv_group WHERE inventory_id = $1", crate::params![inv], |r| {
        group_id.insert(r.get(1)?, r.get(0)?);
        Ok(())
    })?;
    mon.check()?;

    // Hosts: renames go through temporary names so that swaps cannot collide.
    if !renames.is_empty() {
        for (id, _) in &renames {
            tx.execute("UPDATE host SET name = $1 WHERE id = $2", crate::params![format!("\u{1}awxm-rename-{id}"), *id])?;
        }
    }
    update_hosts(tx, &host_updates, &now)?;
    mon.tick(host_updates.len() as u64);
    let tick_every = 4096usize;
    let mut n = 0usize;
    tx.insert_many(
        "host",
        &["inventory_id", "name", "description", "enabled", "instance_id", "variables", "created", "modified"],
        host_inserts.iter().map(|i| {
            let h = &p.hosts[*i];
            n += 1;
            if n.is_multiple_of(tick_every) {
                mon.tick(tick_every as u64);
            }
            vec![
                Value::Int(inv),
                Value::from(h.name.as_str()),
                Value::from(h.description.as_deref().unwrap_or("imported")),
                Value::Bool(h.enabled.unwrap_or(true)),
                Value::from(h.instance_id.as_str()),
                Value::from(h.vars_text.as_str()),
                Value::from(now.as_str()),
                Value::from(now.as_str()),
            ]
        }),
    )?;
    mon.tick((host_inserts.len() % tick_every) as u64);
    mon.check()?;
    let mut ids: Vec<Option<i64>> = host_db_id;
    if !host_inserts.is_empty() {
        let mut new_ids: HashMap<String, i64> = HashMap::with_capacity_and_hasher(host_inserts.len(), Default::default());
        tx.query_each("SELECT id, name FROM host WHERE inventory_id = $1 AND id > $2", crate::params![inv, max_host_id], |r| {
            new_ids.insert(r.get(1)?, r.get(0)?);
            Ok(())
        })?;
        for i in &host_inserts {
            ids[*i] = new_ids.get(&p.hosts[*i].name).copied();
            if ids[*i].is_none() {
                return Err(Error::internal(format!("host {:?} vanished after insert", p.hosts[*i].name)));
            }
        }
    }

    // ---- links ----
    let gid = |name: &str| group_id.get(name).copied();
    let mut new_children: Vec<(i64, i64)> = Vec::new();
    let mut seen: HashSet<(i64, i64)> = HashSet::default();
    for g in &p.groups {
        let Some(pa) = gid(&g.name) else { continue };
        for c in &g.children {
            if let Some(ci) = gid(&p.groups[*c].name)
                && !db_children.contains(&(pa, ci))
                && seen.insert((pa, ci))
            {
                new_children.push((pa, ci));
            }
        }
    }
    for (pa, c) in &reparent_children {
        if !db_children.contains(&(*pa, *c)) && seen.insert((*pa, *c)) {
            new_children.push((*pa, *c));
        }
    }
    out.children.added = new_children.len() as u64;
    tx.insert_many("group_child", &["parent_id", "child_id"], new_children.iter().map(|(a, b)| vec![Value::Int(*a), Value::Int(*b)]))?;

    let mut new_members: Vec<(i64, i64)> = Vec::new();
    let mut seen: HashSet<(i64, i64)> = HashSet::default();
    for g in &p.groups {
        let Some(gi) = gid(&g.name) else { continue };
        for h in &g.hosts {
            if let Some(hi) = ids[*h]
                && !db_members.contains(&(gi, hi))
                && seen.insert((gi, hi))
            {
                new_members.push((gi, hi));
            }
        }
    }
    for (g, h) in &reparent_members {
        if !db_members.contains(&(*g, *h)) && seen.insert((*g, *h)) {
            new_members.push((*g, *h));
        }
    }
    out.memberships.added = new_members.len() as u64;
    tx.insert_many("group_host", &["group_id", "host_id"], new_members.iter().map(|(a, b)| vec![Value::Int(*a), Value::Int(*b)]))?;
    mon.check()?;

    // Ownership: everything imported now belongs to this source too.
    let own_h: Vec<i64> = ids.iter().flatten().copied().filter(|id| !owned_hosts.contains(id)).collect();
    tx.insert_many(
        "host_inventory_source",
        &["host_id", "inventory_source_id"],
        own_h.iter().map(|h| vec![Value::Int(*h), Value::Int(source)]),
    )?;
    let own_g: Vec<i64> = p.groups.iter().filter_map(|g| gid(&g.name)).filter(|id| !owned_groups.contains(id)).collect();
    tx.insert_many(
        "group_inventory_source",
        &["group_id", "inventory_source_id"],
        own_g.iter().map(|g| vec![Value::Int(*g), Value::Int(source)]),
    )?;

    crate::resources::children::update_inventory_counts(tx, inv)?;

    mon.progress.finish_and_clear();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::model::Origin;
    use serde_json::json;

    fn sample() -> Inventory {
        let mut inv = Inventory::new();
        let web = inv.add_group("web");
        let db = inv.add_group("db");
        let empty = inv.add_group("empty");
        let _ = empty;
        inv.add_child_group(web, db).unwrap();
        let h = inv.add_host("w1", Some(web), None, Origin::default());
        inv.set_host_var(h, "id", json!({"aws": "i-1"}));
        inv.set_host_var(h, "on", json!("False"));
        inv.add_host("d1", Some(db), None, Origin::default());
        inv.add_host("lonely", Some(UNGROUPED), None, Origin::default());
        inv.groups[ALL].vars.insert("x".into(), json!(1));
        inv.reconcile();
        inv
    }

    #[test]
    fn filters_and_empty_groups() {
        let opts = ImportOptions {
            group_filter: Some(compile_filter("web|empty", "--group-filter").unwrap()),
            exclude_empty_groups: true,
            ..Default::default()
        };
        let p = prepare(sample(), &opts).unwrap();
        assert_eq!(p.groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["web"]);
        // d1 was only in the filtered-out group.
        assert_eq!(p.hosts.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(), ["w1", "lonely"]);
        assert_eq!(p.all_vars["x"], json!(1));
    }

    #[test]
    fn instance_ids_and_enabled() {
        let opts = ImportOptions {
            instance_id_vars: vec!["missing".into(), "id.aws".into()],
            enabled_var: Some("on".into()),
            enabled_value: Some("false".into()),
            ..Default::default()
        };
        let p = prepare(sample(), &opts).unwrap();
        assert_eq!(p.hosts[0].instance_id, "i-1");
        assert_eq!(p.hosts[0].enabled, Some(true));
        assert_eq!(p.hosts[1].enabled, None);
        assert_eq!(enabled(&json!({"a": {"b": 0}}).as_object().unwrap().clone(), "a.b", None), Some(false));
        assert_eq!(enabled(&json!({"a": "false"}).as_object().unwrap().clone(), "a", None), Some(true));
        assert_eq!(py_str(&json!(true)), "True");
    }

    #[test]
    fn jinja_detection_like_awx() {
        assert!(has_jinja("web{{ n }}") && has_jinja("{% if x %}") && has_jinja("{{x}}"));
        assert!(!has_jinja("a{{b") && !has_jinja("{{}}") && !has_jinja("web{1:2}"));
    }

    #[test]
    fn jinja_in_host_names_is_refused() {
        let mut inv = Inventory::new();
        inv.add_host("web{{ n }}", Some(UNGROUPED), None, Origin::default());
        assert!(prepare(inv, &ImportOptions::default()).unwrap_err().message.contains("Jinja"));
    }

    #[test]
    fn variable_merge() {
        let new: Vars = json!({"a": 1}).as_object().unwrap().clone();
        assert_eq!(new_vars("{\"a\":1}", &new, "{\"a\":1}", false), None);
        assert_eq!(new_vars("{\"b\":2,\"a\":1}", &new, "{\"a\":1}", false), None);
        assert_eq!(new_vars("{\"b\":2}", &new, "{\"a\":1}", false), Some("{\"b\":2,\"a\":1}".into()));
        assert_eq!(new_vars("{\"b\":2}", &new, "{\"a\":1}", true), Some("{\"a\":1}".into()));
        assert_eq!(new_vars("a: 1\n", &new, "{\"a\":1}", true), None);
    }
}
