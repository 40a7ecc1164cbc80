//! AWX's `inventory_import` algorithm, set-based.
//!
//! [`prepare`] turns a loaded inventory into what AWX's in-memory model would hold after its
//! filters (`--group-filter`/`--host-filter`, anchored at the start like Python's `re.match`),
//! `--exclude-empty-groups` (one pass), `_awx_description`, instance ids and enabled flags, and
//! rejects host names with inline Jinja. [`apply`] then [`load`]s the inventory's current state
//! with a handful of queries, computes a [`Plan`] from it in memory ([`plan`], no database)
//! and [`write`]s only the changes: bulk inserts (`COPY` on PostgreSQL), bulk updates and
//! deletes through temporary tables. A re-import of unchanged data plans and writes no rows.
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
    pub description: Option<String>,
    pub instance_id: String,
    pub enabled: Option<bool>,
}

impl PHost {
    /// The variables as stored (JSON text). Made when needed, not in [`prepare`]: a new host's
    /// text is made while its row streams to the database, so on PostgreSQL it costs no time
    /// (the server is the slower end of the `COPY`).
    pub fn vars_text(&self) -> String {
        // A map of strings to JSON values always serialises.
        serde_json::to_string(&self.vars).unwrap_or_default()
    }
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
/// A name, description or instance id awxm stores as text: no NUL character (PostgreSQL
/// refuses it, SQLite would keep it; variables are stored as JSON, where it is escaped).
fn storable(text: &str, what: &str, name: &str) -> Result<()> {
    if text.contains('\0') {
        return Err(Error::data(format!(
            "{what} {name:?}: a name, description or instance id contains a NUL character, which awxm does not store"
        )));
    }
    Ok(())
}

/// AWX's in-memory rules over a loaded inventory: which groups and hosts are imported (the
/// filters), what their descriptions, instance ids and enabled flags are, and (with
/// `--exclude-empty-groups`) which empty groups go. Pure: no database.
pub fn prepare(mut inv: Inventory, opts: &ImportOptions) -> Result<Prepared> {
    let imported = imported_groups(&inv, opts);
    let mut warnings = std::mem::take(&mut inv.warnings);
    let (hosts, host_index) = prepare_hosts(&mut inv, opts, &imported, &mut warnings)?;
    let mut groups = prepare_groups(&mut inv, &imported, &host_index)?;
    if opts.exclude_empty_groups {
        groups = without_empty_groups(groups);
    }
    let all_vars = std::mem::take(&mut inv.groups[ALL].vars);
    // What is left of the model (indexes over 10^5 names) is not needed again, and this runs
    // once per process: skip the teardown.
    std::mem::forget(inv);
    Ok(Prepared { all_vars, groups, hosts, warnings })
}

/// The groups AWX would create: every group with an entry of its own in the --list JSON
/// (non-empty) that passes the filter, plus children (passing the filter) of created groups
/// and of `all`.
fn imported_groups(inv: &Inventory, opts: &ImportOptions) -> Vec<bool> {
    let gpass = |name: &str| opts.group_filter.as_ref().is_none_or(|r| r.is_match(name));
    let n = inv.groups.len();
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
    imported
}

/// The hosts to import: members of an imported group, of `ungrouped` or of `all`, passing the
/// filter, with AWX's description, instance id and enabled flag taken from their variables.
/// Also returns, for each model host, its index among them (`usize::MAX`: left out).
fn prepare_hosts(
    inv: &mut Inventory,
    opts: &ImportOptions,
    imported: &[bool],
    warnings: &mut Vec<String>,
) -> Result<(Vec<PHost>, Vec<usize>)> {
    let hpass = |name: &str| opts.host_filter.as_ref().is_none_or(|r| r.is_match(name));
    let mut host_index = vec![usize::MAX; inv.hosts.len()];
    let mut hosts = Vec::new();
    for (h, host) in inv.hosts.iter_mut().enumerate() {
        if !hpass(&host.name) || !host.groups.iter().any(|g| *g == ALL || *g == UNGROUPED || imported[*g]) {
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
        for text in [host.name.as_str(), description.as_deref().unwrap_or_default(), &iid] {
            storable(text, "host", &host.name)?;
        }
        host_index[h] = hosts.len();
        hosts.push(PHost { name: std::mem::take(&mut host.name), vars, description, instance_id: iid, enabled: en });
    }
    Ok((hosts, host_index))
}

/// The imported groups (and `ungrouped` when it has variables), with their children and hosts
/// as indexes into the prepared lists.
fn prepare_groups(inv: &mut Inventory, imported: &[bool], host_index: &[usize]) -> Result<Vec<PGroup>> {
    let n = inv.groups.len();
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
        for text in [grp.name.as_str(), description.as_deref().unwrap_or_default()] {
            storable(text, "group", &grp.name)?;
        }
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
    Ok(groups)
}

/// `--exclude-empty-groups`: until nothing changes, a parent left empty by removing its empty
/// children goes too (AWX makes one pass and keeps such parents).
fn without_empty_groups(mut groups: Vec<PGroup>) -> Vec<PGroup> {
    loop {
        let empty: Vec<bool> = groups.iter().map(|g| g.children.is_empty() && g.hosts.is_empty() && g.vars.is_empty()).collect();
        if !empty.iter().any(|e| *e) {
            return groups;
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

/// A stored host, as the import compares it.
#[derive(Debug, Clone, Default)]
pub struct DbHost {
    pub id: i64,
    pub name: String,
    pub instance_id: String,
    pub enabled: bool,
    pub vars_text: String,
}

/// A stored group, as the import compares it.
#[derive(Debug, Clone, Default)]
pub struct DbGroup {
    pub id: i64,
    pub variables: String,
}

/// What [`load`] reads: the inventory's current state, as far as an import looks at it.
#[derive(Debug, Default)]
pub struct State {
    /// The inventory's own variables (text as stored).
    pub inventory_vars: String,
    /// Groups by name.
    pub groups: HashMap<String, DbGroup>,
    pub hosts: Vec<DbHost>,
    /// Hosts and groups this source imported before (what `--overwrite` may remove).
    pub owned_hosts: HashSet<i64>,
    pub owned_groups: HashSet<i64>,
    /// Group-in-group links (parent, child).
    pub children: HashSet<(i64, i64)>,
    /// Host-in-group links (group, host).
    pub members: HashSet<(i64, i64)>,
}

/// A host or group of the plan: a stored row, or the one at this index of
/// `Prepared::hosts`/`Prepared::groups` that the plan inserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ref {
    Stored(i64),
    New(usize),
}

/// A changed host row: its new name, instance id, enabled flag and variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostUpdate {
    pub id: i64,
    pub name: String,
    pub instance_id: String,
    pub enabled: bool,
    pub variables: String,
}

/// Everything an import writes, computed from the stored [`State`] and the [`Prepared`]
/// inventory by [`plan`] without a database; [`write`] carries it out, in this order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// `--overwrite`: stored hosts and groups of this source the import no longer has (sorted).
    pub delete_hosts: Vec<i64>,
    pub delete_groups: Vec<i64>,
    /// Links of surviving groups of this source that the import no longer has (sorted).
    pub delete_memberships: Vec<(i64, i64)>,
    pub delete_children: Vec<(i64, i64)>,
    /// The inventory's merged variables, when they change.
    pub inventory_vars: Option<String>,
    /// (group id, new variables).
    pub update_groups: Vec<(i64, String)>,
    /// Indexes into `Prepared::groups`.
    pub insert_groups: Vec<usize>,
    /// Hosts matched by instance id under another name: (id, new name). Also in `update_hosts`.
    pub renames: Vec<(i64, String)>,
    pub update_hosts: Vec<HostUpdate>,
    /// Indexes into `Prepared::hosts`.
    pub insert_hosts: Vec<usize>,
    /// New links (parent, child) and (group, host), including the members and children of
    /// removed groups that move up to the removed group's surviving parents.
    pub add_children: Vec<(Ref, Ref)>,
    pub add_memberships: Vec<(Ref, Ref)>,
    /// Imported hosts and groups this source did not own yet.
    pub own_hosts: Vec<Ref>,
    pub own_groups: Vec<Ref>,
    pub hosts_unchanged: u64,
    pub groups_unchanged: u64,
}

impl Plan {
    /// The counts this plan reports once written.
    pub fn outcome(&self) -> Outcome {
        Outcome {
            hosts: Counts {
                added: self.insert_hosts.len() as u64,
                updated: self.update_hosts.len() as u64,
                removed: self.delete_hosts.len() as u64,
                unchanged: self.hosts_unchanged,
            },
            groups: Counts {
                added: self.insert_groups.len() as u64,
                updated: self.update_groups.len() as u64,
                removed: self.delete_groups.len() as u64,
                unchanged: self.groups_unchanged,
            },
            memberships: LinkCounts { added: self.add_memberships.len() as u64, removed: self.delete_memberships.len() as u64 },
            children: LinkCounts { added: self.add_children.len() as u64, removed: self.delete_children.len() as u64 },
            hosts_renamed: self.renames.len() as u64,
            inventory_variables_updated: self.inventory_vars.is_some(),
        }
    }

    /// Rows the plan writes (for the progress bar).
    fn work(&self) -> u64 {
        (self.delete_hosts.len()
            + self.delete_groups.len()
            + self.insert_groups.len()
            + self.update_groups.len()
            + self.insert_hosts.len()
            + self.update_hosts.len()) as u64
    }
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

/// Write the prepared inventory into inventory `inv` as source `source`: [`load`], [`plan`],
/// [`write`], then the inventory's counts. Runs inside the caller's transaction; any error
/// leaves the database as it was once the caller rolls back.
pub fn apply(tx: &mut Tx<'_>, inv: i64, source: i64, p: &Prepared, opts: &ImportOptions, mon: &Monitor<'_>) -> Result<Outcome> {
    tx.lock(&format!("inventory_{inv}_perform_update"))?;
    if super::smart::is_smart(tx, inv)? {
        return Err(Error::data(
            "Cannot create Host for Smart or Constructed Inventories: a smart inventory's hosts come from its host_filter",
        ));
    }
    let state = load(tx, inv, source)?;
    mon.check()?;
    let plan = plan(&state, p, opts)?;
    drop(state);
    mon.check()?;
    write(tx, inv, source, p, &plan, mon)?;
    super::counts::refresh(tx, inv)?;
    super::smart::rebuild(tx, None)?;
    mon.progress.finish_and_clear();
    Ok(plan.outcome())
}

// ---- load ----

/// Read the current state of inventory `inv` (and what source `source` owns) with a handful
/// of bulk queries.
pub fn load(tx: &mut Tx<'_>, inv: i64, source: i64) -> Result<State> {
    let mut s =
        State { inventory_vars: tx.scalar("SELECT variables FROM inventory WHERE id = $1", crate::params![inv])?, ..State::default() };
    tx.query_each("SELECT id, name, variables FROM inv_group WHERE inventory_id = $1", crate::params![inv], |r| {
        s.groups.insert(r.col("name")?, DbGroup { id: r.col("id")?, variables: r.col("variables")? });
        Ok(())
    })?;
    tx.query_each("SELECT id, name, instance_id, enabled, variables FROM host WHERE inventory_id = $1", crate::params![inv], |r| {
        s.hosts.push(DbHost {
            id: r.col("id")?,
            name: r.col("name")?,
            instance_id: r.col("instance_id")?,
            enabled: r.col("enabled")?,
            vars_text: r.col("variables")?,
        });
        Ok(())
    })?;
    tx.query_each("SELECT host_id FROM host_inventory_source WHERE inventory_source_id = $1", crate::params![source], |r| {
        s.owned_hosts.insert(r.col("host_id")?);
        Ok(())
    })?;
    tx.query_each("SELECT group_id FROM group_inventory_source WHERE inventory_source_id = $1", crate::params![source], |r| {
        s.owned_groups.insert(r.col("group_id")?);
        Ok(())
    })?;
    tx.query_each(
        "SELECT gc.parent_id AS parent_id, gc.child_id AS child_id FROM group_child gc JOIN inv_group g ON g.id = gc.parent_id WHERE g.inventory_id = $1",
        crate::params![inv],
        |r| {
            s.children.insert((r.col("parent_id")?, r.col("child_id")?));
            Ok(())
        },
    )?;
    tx.query_each(
        "SELECT gh.group_id AS group_id, gh.host_id AS host_id FROM group_host gh JOIN inv_group g ON g.id = gh.group_id WHERE g.inventory_id = $1",
        crate::params![inv],
        |r| {
            s.members.insert((r.col("group_id")?, r.col("host_id")?));
            Ok(())
        },
    )?;
    Ok(s)
}

// ---- plan ----

/// Compute what an import of `p` into the inventory whose state is `s` writes (AWX §1.5).
/// Fails (exit 65) when a host matched by instance id would be renamed onto a host that stays.
pub fn plan(s: &State, p: &Prepared, opts: &ImportOptions) -> Result<Plan> {
    let matched = match_hosts(s, p, opts);
    let removals = if opts.overwrite { removals(s, p, &matched) } else { Removals::default() };
    let mut plan = Plan { inventory_vars: inventory_vars(&s.inventory_vars, &p.all_vars)?, ..Plan::default() };
    let group_refs = plan_groups(&mut plan, s, p, opts);
    let host_refs = plan_hosts(&mut plan, s, p, opts, &matched);
    check_renames(&plan, s, &removals.hosts)?;
    plan_links(&mut plan, s, p, &group_refs, &host_refs, &removals);
    plan.own_hosts = host_refs.iter().copied().filter(|r| !matches!(r, Ref::Stored(id) if s.owned_hosts.contains(id))).collect();
    plan.own_groups = group_refs.iter().copied().filter(|r| !matches!(r, Ref::Stored(id) if s.owned_groups.contains(id))).collect();
    plan.delete_hosts = removals.hosts;
    plan.delete_groups = removals.groups;
    plan.delete_memberships = removals.memberships;
    plan.delete_children = removals.children;
    Ok(plan)
}

/// For each imported host, the stored host it updates (an index into `s.hosts`): by instance
/// id first (also hosts of this source imported before the instance id variable was
/// configured, by their variables), then by name; each stored host at most once.
fn match_hosts(s: &State, p: &Prepared, opts: &ImportOptions) -> Vec<Option<usize>> {
    let by_name: HashMap<&str, usize> = s.hosts.iter().enumerate().map(|(i, h)| (h.name.as_str(), i)).collect();
    let mut by_iid: HashMap<&str, usize> = HashMap::default();
    let mut legacy_iid: HashMap<String, usize> = HashMap::default();
    if !opts.instance_id_vars.is_empty() {
        for (i, h) in s.hosts.iter().enumerate() {
            if !h.instance_id.is_empty() {
                by_iid.entry(h.instance_id.as_str()).or_insert(i);
            } else if s.owned_hosts.contains(&h.id)
                && opts.instance_id_vars.iter().any(|v| h.vars_text.contains(v.trim().split('.').next().unwrap_or("")))
            {
                let iid = instance_id(&super::export::parse_vars_text(&h.vars_text), &opts.instance_id_vars);
                if !iid.is_empty() {
                    legacy_iid.entry(iid).or_insert(i);
                }
            }
        }
    }
    let mut matched: Vec<Option<usize>> = vec![None; p.hosts.len()];
    let mut taken = vec![false; s.hosts.len()];
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
    matched
}

/// What `--overwrite` removes, all sorted.
#[derive(Debug, Default)]
struct Removals {
    hosts: Vec<i64>,
    groups: Vec<i64>,
    memberships: Vec<(i64, i64)>,
    children: Vec<(i64, i64)>,
    /// Members and children that others put into a removed group, moved up to its surviving
    /// ancestors: (group, host) and (parent, child).
    reparent_members: Vec<(i64, i64)>,
    reparent_children: Vec<(i64, i64)>,
}

/// `--overwrite`: only hosts, groups and links this source imported before are removed;
/// members that others added to a removed group move up to its surviving parents.
fn removals(s: &State, p: &Prepared, matched: &[Option<usize>]) -> Removals {
    let mut r = Removals::default();
    let imported_group_names: HashSet<&str> = p.groups.iter().map(|g| g.name.as_str()).collect();
    let gname_by_id: HashMap<i64, &str> = s.groups.iter().map(|(n, g)| (g.id, n.as_str())).collect();
    let mut taken = vec![false; s.hosts.len()];
    for d in matched.iter().flatten() {
        taken[*d] = true;
    }
    let deleted_hosts: HashSet<i64> =
        s.hosts.iter().enumerate().filter(|(i, h)| !taken[*i] && s.owned_hosts.contains(&h.id)).map(|(_, h)| h.id).collect();
    let deleted_groups: HashSet<i64> = s
        .groups
        .iter()
        .filter(|(name, g)| s.owned_groups.contains(&g.id) && !imported_group_names.contains(name.as_str()))
        .map(|(_, g)| g.id)
        .collect();
    if !deleted_groups.is_empty() {
        let mut parents: HashMap<i64, Vec<i64>> = HashMap::default();
        for (pa, ch) in &s.children {
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
        for &g in &deleted_groups {
            let up = surviving(g);
            if up.is_empty() {
                continue;
            }
            for (mg, h) in &s.members {
                if *mg == g && !s.owned_hosts.contains(h) && !deleted_hosts.contains(h) {
                    for u in &up {
                        r.reparent_members.push((*u, *h));
                    }
                }
            }
            for (pa, c) in &s.children {
                if *pa == g && !deleted_groups.contains(c) && !gname_by_id.get(c).is_some_and(|n| imported_group_names.contains(n)) {
                    for u in &up {
                        if u != c {
                            r.reparent_children.push((*u, *c));
                        }
                    }
                }
            }
        }
    }
    // Links of surviving groups of this source that the import no longer has.
    let host_db_id: Vec<Option<i64>> = matched.iter().map(|m| m.map(|d| s.hosts[d].id)).collect();
    let import_children: HashSet<(&str, &str)> =
        p.groups.iter().flat_map(|g| g.children.iter().map(move |c| (g.name.as_str(), p.groups[*c].name.as_str()))).collect();
    let import_members: HashSet<(&str, i64)> =
        p.groups.iter().flat_map(|g| g.hosts.iter().filter_map(|h| host_db_id[*h].map(|id| (g.name.as_str(), id)))).collect();
    for (pa, c) in &s.children {
        let (Some(pn), Some(cn)) = (gname_by_id.get(pa), gname_by_id.get(c)) else { continue };
        if s.owned_groups.contains(pa)
            && !deleted_groups.contains(pa)
            && !deleted_groups.contains(c)
            && imported_group_names.contains(cn)
            && !import_children.contains(&(*pn, *cn))
        {
            r.children.push((*pa, *c));
        }
    }
    for (g, h) in &s.members {
        let Some(gn) = gname_by_id.get(g) else { continue };
        if s.owned_groups.contains(g)
            && !deleted_groups.contains(g)
            && s.owned_hosts.contains(h)
            && !deleted_hosts.contains(h)
            && !import_members.contains(&(*gn, *h))
        {
            r.memberships.push((*g, *h));
        }
    }
    r.hosts = deleted_hosts.into_iter().collect();
    r.groups = deleted_groups.into_iter().collect();
    for v in [&mut r.hosts, &mut r.groups] {
        v.sort_unstable();
    }
    for v in [&mut r.memberships, &mut r.children, &mut r.reparent_members, &mut r.reparent_children] {
        v.sort_unstable();
    }
    r
}

/// `all`'s variables always merge into the inventory's: the new text, when it changes.
fn inventory_vars(stored: &str, all_vars: &Vars) -> Result<Option<String>> {
    if all_vars.is_empty() {
        return Ok(None);
    }
    let old = super::export::parse_vars_text(stored);
    let mut merged = old.clone();
    for (k, v) in all_vars {
        merged.insert(k.clone(), v.clone());
    }
    if merged == old {
        return Ok(None);
    }
    serde_json::to_string(&merged).map(Some).map_err(|e| Error::internal(e.to_string()))
}

/// Groups are matched by name: variable updates and inserts. Returns each imported group's
/// [`Ref`].
fn plan_groups(plan: &mut Plan, s: &State, p: &Prepared, opts: &ImportOptions) -> Vec<Ref> {
    let mut refs = Vec::with_capacity(p.groups.len());
    for (i, g) in p.groups.iter().enumerate() {
        match s.groups.get(&g.name) {
            Some(db) => {
                match new_vars(&db.variables, &g.vars, &g.vars_text, opts.overwrite_vars) {
                    Some(v) => plan.update_groups.push((db.id, v)),
                    None => plan.groups_unchanged += 1,
                }
                refs.push(Ref::Stored(db.id));
            }
            None => {
                plan.insert_groups.push(i);
                refs.push(Ref::New(i));
            }
        }
    }
    refs
}

/// Hosts: updates (variables, instance id, enabled flag, renames) of matched hosts, inserts of
/// the others. Returns each imported host's [`Ref`].
fn plan_hosts(plan: &mut Plan, s: &State, p: &Prepared, opts: &ImportOptions, matched: &[Option<usize>]) -> Vec<Ref> {
    let mut refs = Vec::with_capacity(p.hosts.len());
    for (i, h) in p.hosts.iter().enumerate() {
        let Some(d) = matched[i] else {
            plan.insert_hosts.push(i);
            refs.push(Ref::New(i));
            continue;
        };
        let db = &s.hosts[d];
        refs.push(Ref::Stored(db.id));
        let vars = new_vars(&db.vars_text, &h.vars, &h.vars_text(), opts.overwrite_vars);
        let iid = if opts.instance_id_vars.is_empty() { db.instance_id.clone() } else { h.instance_id.clone() };
        let en = h.enabled.unwrap_or(db.enabled);
        if vars.is_none() && iid == db.instance_id && en == db.enabled && h.name == db.name {
            plan.hosts_unchanged += 1;
            continue;
        }
        if h.name != db.name {
            plan.renames.push((db.id, h.name.clone()));
        }
        plan.update_hosts.push(HostUpdate {
            id: db.id,
            name: h.name.clone(),
            instance_id: iid,
            enabled: en,
            variables: vars.unwrap_or_else(|| db.vars_text.clone()),
        });
    }
    refs
}

/// A rename onto the name of a host that stays is a conflict.
fn check_renames(plan: &Plan, s: &State, deleted: &[i64]) -> Result<()> {
    if plan.renames.is_empty() {
        return Ok(());
    }
    let by_name: HashMap<&str, i64> = s.hosts.iter().map(|h| (h.name.as_str(), h.id)).collect();
    let deleted: HashSet<i64> = deleted.iter().copied().collect();
    let renamed_ids: HashSet<i64> = plan.renames.iter().map(|(id, _)| *id).collect();
    for (id, new_name) in &plan.renames {
        if let Some(&other) = by_name.get(new_name.as_str())
            && other != *id
            && !deleted.contains(&other)
            && !renamed_ids.contains(&other)
        {
            let old = s.hosts.iter().find(|h| h.id == *id).map(|h| h.name.as_str()).unwrap_or("");
            return Err(Error::data(format!(
                "host {old:?} matched by instance id should be renamed to {new_name:?}, but another host of the inventory has that name (use --overwrite to remove stale hosts of this source)"
            )));
        }
    }
    Ok(())
}

/// New group-in-group and host-in-group links: the import's that are not stored yet, then the
/// moved-up ones of removed groups, each once.
fn plan_links(plan: &mut Plan, s: &State, p: &Prepared, groups: &[Ref], hosts: &[Ref], removals: &Removals) {
    let stored = |pair: (Ref, Ref), set: &HashSet<(i64, i64)>| match pair {
        (Ref::Stored(a), Ref::Stored(b)) => set.contains(&(a, b)),
        _ => false,
    };
    let mut seen: HashSet<(Ref, Ref)> = HashSet::default();
    for (gi, g) in p.groups.iter().enumerate() {
        for c in &g.children {
            let pair = (groups[gi], groups[*c]);
            if !stored(pair, &s.children) && seen.insert(pair) {
                plan.add_children.push(pair);
            }
        }
    }
    for (pa, c) in &removals.reparent_children {
        let pair = (Ref::Stored(*pa), Ref::Stored(*c));
        if !stored(pair, &s.children) && seen.insert(pair) {
            plan.add_children.push(pair);
        }
    }
    let mut seen: HashSet<(Ref, Ref)> = HashSet::default();
    for (gi, g) in p.groups.iter().enumerate() {
        for h in &g.hosts {
            let pair = (groups[gi], hosts[*h]);
            if !stored(pair, &s.members) && seen.insert(pair) {
                plan.add_memberships.push(pair);
            }
        }
    }
    for (g, h) in &removals.reparent_members {
        let pair = (Ref::Stored(*g), Ref::Stored(*h));
        if !stored(pair, &s.members) && seen.insert(pair) {
            plan.add_memberships.push(pair);
        }
    }
}

// ---- write ----

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

/// Update changed host rows.
fn update_hosts(tx: &mut Tx<'_>, rows: &[HostUpdate], now: &str) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    if rows.len() <= BULK {
        for u in rows {
            tx.execute(
                "UPDATE host SET name = $1, instance_id = $2, enabled = $3, variables = $4, modified = $5 WHERE id = $6",
                crate::params![u.name.as_str(), u.instance_id.as_str(), u.enabled, u.variables.as_str(), now, u.id],
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
        rows.iter().map(|u| {
            vec![
                Value::Int(u.id),
                Value::from(u.name.as_str()),
                Value::from(u.instance_id.as_str()),
                Value::Bool(u.enabled),
                Value::from(u.variables.as_str()),
            ]
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

/// Carry out `plan` (computed by [`plan`] from `p`) on inventory `inv` as source `source`:
/// deletions first, then the inventory's variables, groups, hosts (renames through temporary
/// names so that swaps cannot collide), links and ownership.
pub fn write(tx: &mut Tx<'_>, inv: i64, source: i64, p: &Prepared, plan: &Plan, mon: &Monitor<'_>) -> Result<()> {
    let now = crate::time::fmt(&crate::time::now());
    mon.progress.set_length(plan.work().max(1));

    delete_ids(tx, "host", &plan.delete_hosts)?;
    mon.tick(plan.delete_hosts.len() as u64);
    delete_ids(tx, "inv_group", &plan.delete_groups)?;
    mon.tick(plan.delete_groups.len() as u64);
    delete_pairs(tx, "group_host", "group_id", "host_id", &plan.delete_memberships)?;
    delete_pairs(tx, "group_child", "parent_id", "child_id", &plan.delete_children)?;
    mon.check()?;

    if let Some(v) = &plan.inventory_vars {
        tx.execute("UPDATE inventory SET variables = $1, modified = $2 WHERE id = $3", crate::params![v.as_str(), now.as_str(), inv])?;
    }

    update_groups(tx, &plan.update_groups, &now)?;
    // New rows get reserved ids: their links need them, and reading them back would cost a
    // query over every new row.
    let mut new_group_ids: Vec<i64> = vec![0; p.groups.len()];
    for (i, id) in plan.insert_groups.iter().zip(tx.reserve_ids("inv_group", plan.insert_groups.len())?) {
        new_group_ids[*i] = id;
    }
    tx.insert_many(
        "inv_group",
        &["id", "inventory_id", "name", "description", "variables", "created", "modified"],
        plan.insert_groups.iter().map(|i| {
            let g = &p.groups[*i];
            vec![
                Value::Int(new_group_ids[*i]),
                Value::Int(inv),
                Value::from(g.name.as_str()),
                Value::from(g.description.as_deref().unwrap_or("imported")),
                Value::from(g.vars_text.as_str()),
                Value::from(now.as_str()),
                Value::from(now.as_str()),
            ]
        }),
    )?;
    mon.tick((plan.update_groups.len() + plan.insert_groups.len()) as u64);
    mon.check()?;

    for (id, _) in &plan.renames {
        tx.execute("UPDATE host SET name = $1 WHERE id = $2", crate::params![format!("\u{1}awxm-rename-{id}"), *id])?;
    }
    update_hosts(tx, &plan.update_hosts, &now)?;
    mon.tick(plan.update_hosts.len() as u64);
    let mut new_host_ids: Vec<i64> = vec![0; p.hosts.len()];
    for (i, id) in plan.insert_hosts.iter().zip(tx.reserve_ids("host", plan.insert_hosts.len())?) {
        new_host_ids[*i] = id;
    }
    let tick_every = 4096usize;
    let mut n = 0usize;
    tx.insert_many(
        "host",
        &["id", "inventory_id", "name", "description", "enabled", "instance_id", "variables", "created", "modified"],
        plan.insert_hosts.iter().map(|i| {
            let h = &p.hosts[*i];
            n += 1;
            if n.is_multiple_of(tick_every) {
                mon.tick(tick_every as u64);
            }
            vec![
                Value::Int(new_host_ids[*i]),
                Value::Int(inv),
                Value::from(h.name.as_str()),
                Value::from(h.description.as_deref().unwrap_or("imported")),
                Value::Bool(h.enabled.unwrap_or(true)),
                Value::from(h.instance_id.as_str()),
                Value::from(h.vars_text()),
                Value::from(now.as_str()),
                Value::from(now.as_str()),
            ]
        }),
    )?;
    mon.tick((plan.insert_hosts.len() % tick_every) as u64);
    mon.check()?;

    let group_id = |r: &Ref| match r {
        Ref::Stored(id) => *id,
        Ref::New(i) => new_group_ids[*i],
    };
    let host_id = |r: &Ref| match r {
        Ref::Stored(id) => *id,
        Ref::New(i) => new_host_ids[*i],
    };
    tx.insert_many(
        "group_child",
        &["parent_id", "child_id"],
        plan.add_children.iter().map(|(a, b)| vec![Value::Int(group_id(a)), Value::Int(group_id(b))]),
    )?;
    tx.insert_many(
        "group_host",
        &["group_id", "host_id"],
        plan.add_memberships.iter().map(|(g, h)| vec![Value::Int(group_id(g)), Value::Int(host_id(h))]),
    )?;
    mon.check()?;

    tx.insert_many(
        "host_inventory_source",
        &["host_id", "inventory_source_id"],
        plan.own_hosts.iter().map(|h| vec![Value::Int(host_id(h)), Value::Int(source)]),
    )?;
    tx.insert_many(
        "group_inventory_source",
        &["group_id", "inventory_source_id"],
        plan.own_groups.iter().map(|g| vec![Value::Int(group_id(g)), Value::Int(source)]),
    )?;
    Ok(())
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

    // ---- plan: pure, from a stored state and a prepared inventory ----

    fn vars(v: Json) -> Vars {
        v.as_object().cloned().unwrap_or_default()
    }

    fn phost(name: &str, v: Json) -> PHost {
        let vars = vars(v);
        PHost { name: name.into(), vars, description: None, instance_id: String::new(), enabled: None }
    }

    fn pgroup(name: &str, v: Json, children: &[usize], hosts: &[usize]) -> PGroup {
        let vars = vars(v);
        let vars_text = serde_json::to_string(&vars).unwrap();
        PGroup { name: name.into(), vars, vars_text, description: None, children: children.to_vec(), hosts: hosts.to_vec() }
    }

    /// web (w1, w2) ⊃ db (d1); lonely ungrouped; `all` has x=1.
    fn prepared() -> Prepared {
        Prepared {
            all_vars: vars(json!({"x": 1})),
            groups: vec![pgroup("web", json!({"tier": "front"}), &[1], &[0, 1]), pgroup("db", json!({}), &[], &[2])],
            hosts: vec![phost("w1", json!({"a": 1})), phost("w2", json!({})), phost("d1", json!({"b": 2})), phost("lonely", json!({}))],
            warnings: Vec::new(),
        }
    }

    /// The state a database holds after importing `p` as the source: groups get ids 1.., hosts
    /// 101.., everything owned by the source.
    fn stored(p: &Prepared) -> State {
        let mut s = State { inventory_vars: serde_json::to_string(&p.all_vars).unwrap(), ..State::default() };
        for (i, g) in p.groups.iter().enumerate() {
            s.groups.insert(g.name.clone(), DbGroup { id: 1 + i as i64, variables: g.vars_text.clone() });
            s.owned_groups.insert(1 + i as i64);
            s.children.extend(g.children.iter().map(|c| (1 + i as i64, 1 + *c as i64)));
            s.members.extend(g.hosts.iter().map(|h| (1 + i as i64, 101 + *h as i64)));
        }
        for (i, h) in p.hosts.iter().enumerate() {
            let id = 101 + i as i64;
            s.hosts.push(DbHost {
                id,
                name: h.name.clone(),
                instance_id: h.instance_id.clone(),
                enabled: h.enabled.unwrap_or(true),
                vars_text: h.vars_text(),
            });
            s.owned_hosts.insert(id);
        }
        s
    }

    fn overwrite() -> ImportOptions {
        ImportOptions { overwrite: true, ..Default::default() }
    }

    #[test]
    fn first_import_inserts_everything_with_links_to_new_rows() {
        let p = prepared();
        let plan = plan(&State { inventory_vars: "{}".into(), ..State::default() }, &p, &ImportOptions::default()).unwrap();
        assert_eq!(plan.insert_groups, [0, 1]);
        assert_eq!(plan.insert_hosts, [0, 1, 2, 3]);
        assert_eq!(plan.add_children, [(Ref::New(0), Ref::New(1))]);
        assert_eq!(plan.add_memberships, [(Ref::New(0), Ref::New(0)), (Ref::New(0), Ref::New(1)), (Ref::New(1), Ref::New(2))]);
        assert_eq!(plan.own_hosts, (0..4).map(Ref::New).collect::<Vec<_>>());
        assert_eq!(plan.own_groups, [Ref::New(0), Ref::New(1)]);
        assert_eq!(plan.inventory_vars.as_deref(), Some("{\"x\":1}"));
        let o = plan.outcome();
        assert_eq!((o.hosts.added, o.groups.added, o.memberships.added, o.children.added), (4, 2, 3, 1));
        assert!(o.changed());
    }

    #[test]
    fn outcome_counts_every_list_and_work_counts_written_rows() {
        let n = |k: usize| vec![0i64; k];
        let pairs = |k: usize| vec![(0i64, 0i64); k];
        let refs = |k: usize| vec![(Ref::New(0), Ref::New(0)); k];
        let upd = HostUpdate { id: 1, name: String::new(), instance_id: String::new(), enabled: true, variables: String::new() };
        let plan = Plan {
            delete_hosts: n(1),
            delete_groups: n(2),
            delete_memberships: pairs(3),
            delete_children: pairs(4),
            inventory_vars: None,
            update_groups: vec![(1, String::new()); 5],
            insert_groups: vec![0; 6],
            renames: vec![(1, String::new()); 7],
            update_hosts: vec![upd; 8],
            insert_hosts: vec![0; 9],
            add_children: refs(10),
            add_memberships: refs(11),
            own_hosts: Vec::new(),
            own_groups: Vec::new(),
            hosts_unchanged: 12,
            groups_unchanged: 13,
        };
        let o = plan.outcome();
        assert_eq!(o.hosts, Counts { added: 9, updated: 8, removed: 1, unchanged: 12 });
        assert_eq!(o.groups, Counts { added: 6, updated: 5, removed: 2, unchanged: 13 });
        assert_eq!(o.memberships, LinkCounts { added: 11, removed: 3 });
        assert_eq!(o.children, LinkCounts { added: 10, removed: 4 });
        assert_eq!(o.hosts_renamed, 7);
        assert!(!o.inventory_variables_updated);
        assert!(Plan { inventory_vars: Some("{}".into()), ..Plan::default() }.outcome().inventory_variables_updated);
        // The progress bar counts host and group rows written, not links.
        assert_eq!(plan.work(), 1 + 2 + 6 + 5 + 9 + 8);
        assert_eq!(Plan { insert_hosts: vec![0; 3], ..Plan::default() }.work(), 3);
    }

    #[test]
    fn any_single_change_is_a_change() {
        let none = Outcome {
            hosts: Counts { unchanged: 5, ..Counts::default() },
            groups: Counts { unchanged: 2, ..Counts::default() },
            ..Outcome::default()
        };
        assert!(!none.changed());
        let setters: Vec<fn(&mut Outcome)> = vec![
            |o| o.hosts.added = 1,
            |o| o.hosts.updated = 1,
            |o| o.hosts.removed = 1,
            |o| o.groups.added = 1,
            |o| o.groups.updated = 1,
            |o| o.groups.removed = 1,
            |o| o.memberships.added = 1,
            |o| o.memberships.removed = 1,
            |o| o.children.added = 1,
            |o| o.children.removed = 1,
            |o| o.inventory_variables_updated = true,
        ];
        for (i, set) in setters.iter().enumerate() {
            let mut o = none.clone();
            set(&mut o);
            assert!(o.changed(), "change {i}");
        }
        // Renames are also host updates; a rename alone is not counted twice.
        assert!(!Outcome { hosts_renamed: 1, ..none.clone() }.changed());
    }

    #[test]
    fn unchanged_reimport_plans_nothing() {
        let p = prepared();
        for opts in [ImportOptions::default(), overwrite(), ImportOptions { overwrite: true, overwrite_vars: true, ..Default::default() }] {
            let plan = plan(&stored(&p), &p, &opts).unwrap();
            let want = Plan { hosts_unchanged: 4, groups_unchanged: 2, ..Plan::default() };
            assert_eq!(plan, want, "{opts:?}");
            assert!(!plan.outcome().changed());
        }
    }

    #[test]
    fn variables_merge_unless_overwrite_vars() {
        let old = prepared();
        let mut s = stored(&old);
        s.inventory_vars = "{\"y\":2}".into();
        let mut p = prepared();
        p.hosts[0] = phost("w1", json!({"c": 3}));
        p.groups[0] = pgroup("web", json!({"tier": "front"}), &[1], &[0, 1]);
        p.groups[1] = pgroup("db", json!({"engine": "pg"}), &[], &[2]);
        let merged = plan(&s, &p, &ImportOptions::default()).unwrap();
        assert_eq!(merged.update_hosts.len(), 1);
        assert_eq!(merged.update_hosts[0].variables, "{\"a\":1,\"c\":3}");
        assert_eq!(merged.update_groups, [(2, "{\"engine\":\"pg\"}".to_string())]);
        // `all`'s variables always merge into the inventory's, even with overwrite_vars.
        assert_eq!(merged.inventory_vars.as_deref(), Some("{\"y\":2,\"x\":1}"));
        let replaced = plan(&s, &p, &ImportOptions { overwrite_vars: true, ..Default::default() }).unwrap();
        assert_eq!(replaced.update_hosts[0].variables, "{\"c\":3}");
        assert_eq!(replaced.inventory_vars.as_deref(), Some("{\"y\":2,\"x\":1}"));
        // Without overwrite_vars, a host whose new variables are a subset of the stored ones
        // does not change; with it, the extra stored variable goes.
        let mut s2 = stored(&old);
        s2.hosts[0].vars_text = "{\"a\":1,\"z\":9}".into();
        assert!(plan(&s2, &old, &ImportOptions::default()).unwrap().update_hosts.is_empty());
        assert_eq!(
            plan(&s2, &old, &ImportOptions { overwrite_vars: true, ..Default::default() }).unwrap().update_hosts[0].variables,
            "{\"a\":1}"
        );
    }

    #[test]
    fn overwrite_removes_only_what_this_source_owns() {
        let p = prepared();
        let mut s = stored(&p);
        // Stale: host 201 and group 9 of this source; host 202 and group 10 someone else added.
        for (id, owned) in [(201, true), (202, false)] {
            s.hosts.push(DbHost { id, name: format!("old{id}"), enabled: true, vars_text: "{}".into(), ..Default::default() });
            if owned {
                s.owned_hosts.insert(id);
            }
        }
        s.groups.insert("gone".into(), DbGroup { id: 9, variables: "{}".into() });
        s.owned_groups.insert(9);
        s.groups.insert("manual".into(), DbGroup { id: 10, variables: "{}".into() });
        // Owned links the import no longer has: w2 out of web, db no longer under web (an
        // extra stored link web→manual is not the import's: manual is not imported).
        let mut p2 = prepared();
        p2.groups[0] = pgroup("web", json!({"tier": "front"}), &[], &[0]);
        s.children.insert((1, 10));
        let plan_keep = plan(&s, &p2, &ImportOptions::default()).unwrap();
        assert!(plan_keep.delete_hosts.is_empty() && plan_keep.delete_groups.is_empty());
        assert!(plan_keep.delete_memberships.is_empty() && plan_keep.delete_children.is_empty());
        let plan = plan(&s, &p2, &overwrite()).unwrap();
        assert_eq!(plan.delete_hosts, [201]);
        assert_eq!(plan.delete_groups, [9]);
        assert_eq!(plan.delete_memberships, [(1, 102)]);
        assert_eq!(plan.delete_children, [(1, 2)]);
        let o = plan.outcome();
        assert_eq!((o.hosts.removed, o.groups.removed, o.memberships.removed, o.children.removed), (1, 1, 1, 1));
    }

    #[test]
    fn overwrite_moves_members_of_removed_groups_up_to_surviving_parents() {
        let p = prepared();
        let mut s = stored(&p);
        // web(1) ⊃ mid(9, this source's, not imported again) ⊃ leaf(10, added by hand), and
        // mid holds host 202 (added by hand) and 101 (this source's, stays elsewhere).
        s.groups.insert("mid".into(), DbGroup { id: 9, variables: "{}".into() });
        s.owned_groups.insert(9);
        s.groups.insert("leaf".into(), DbGroup { id: 10, variables: "{}".into() });
        s.hosts.push(DbHost { id: 202, name: "manual".into(), enabled: true, vars_text: "{}".into(), ..Default::default() });
        s.children.extend([(1, 9), (9, 10)]);
        s.members.extend([(9, 202), (9, 101)]);
        let plan = plan(&s, &p, &overwrite()).unwrap();
        assert_eq!(plan.delete_groups, [9]);
        assert!(plan.delete_hosts.is_empty());
        assert_eq!(plan.add_children, [(Ref::Stored(1), Ref::Stored(10))]);
        // Only the host this source does not own moves up.
        assert_eq!(plan.add_memberships, [(Ref::Stored(1), Ref::Stored(202))]);
        // Without --overwrite nothing is removed and nothing moves.
        let keep = super::plan(&s, &p, &ImportOptions::default()).unwrap();
        assert!(keep.delete_groups.is_empty() && keep.add_children.is_empty() && keep.add_memberships.is_empty());
    }

    #[test]
    fn instance_ids_match_before_names_and_rename() {
        let opts = ImportOptions { instance_id_vars: vec!["iid".into()], ..Default::default() };
        let mut old = prepared();
        old.hosts[0].instance_id = "i-1".into();
        let s = stored(&old);
        // w1 (i-1) now appears as "w1-renamed"; a new host named "w1" has another instance id.
        let mut p = prepared();
        p.hosts[0] = PHost { instance_id: "i-1".into(), ..phost("w1-renamed", json!({"a": 1})) };
        p.hosts.push(PHost { instance_id: "i-9".into(), ..phost("w1", json!({})) });
        let plan = plan(&s, &p, &opts).unwrap();
        assert_eq!(plan.renames, [(101, "w1-renamed".to_string())]);
        assert_eq!(
            plan.update_hosts,
            [HostUpdate { id: 101, name: "w1-renamed".into(), instance_id: "i-1".into(), enabled: true, variables: "{\"a\":1}".into() }]
        );
        assert_eq!(plan.insert_hosts, [4]);
        assert_eq!(plan.outcome().hosts_renamed, 1);
        // The stored membership of 101 in web is kept, not re-added.
        assert!(!plan.add_memberships.contains(&(Ref::Stored(1), Ref::Stored(101))));

        // Renaming onto a host that stays is refused.
        let mut p = prepared();
        p.hosts[0] = PHost { instance_id: "i-1".into(), ..phost("w2", json!({"a": 1})) };
        p.hosts.remove(1);
        for g in &mut p.groups {
            g.hosts = g.hosts.iter().filter(|h| **h != 1).map(|h| if *h > 1 { h - 1 } else { *h }).collect();
        }
        let err = super::plan(&s, &p, &opts).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Data);
        assert!(err.message.contains("\"w1\" matched by instance id should be renamed to \"w2\""), "{}", err.message);
        // With --overwrite the other host (this source's, no longer imported) goes away first.
        let ok = super::plan(&s, &p, &ImportOptions { overwrite: true, ..opts.clone() }).unwrap();
        assert_eq!(ok.delete_hosts, [102]);
        assert_eq!(ok.renames, [(101, "w2".to_string())]);
    }

    #[test]
    fn legacy_hosts_match_by_instance_id_in_their_variables() {
        let p0 = prepared();
        let mut s = stored(&p0);
        s.hosts[0].vars_text = "{\"iid\":\"i-7\"}".into();
        let opts = ImportOptions { instance_id_vars: vec!["iid".into()], ..Default::default() };
        let mut p = prepared();
        p.hosts[0] = PHost { instance_id: "i-7".into(), ..phost("w1-new", json!({"iid": "i-7"})) };
        let plan = plan(&s, &p, &opts).unwrap();
        assert_eq!(plan.renames, [(101, "w1-new".to_string())]);
        assert_eq!(plan.update_hosts[0].instance_id, "i-7");
    }

    #[test]
    fn only_this_sources_hosts_match_by_instance_id_in_their_variables() {
        // The same legacy host, but added by someone else: matched by name only, so the
        // imported host under a new name is a new host.
        let p0 = prepared();
        let mut s = stored(&p0);
        s.hosts[0].vars_text = "{\"iid\":\"i-7\"}".into();
        s.owned_hosts.remove(&101);
        let opts = ImportOptions { instance_id_vars: vec!["iid".into()], ..Default::default() };
        let mut p = prepared();
        p.hosts[0] = PHost { instance_id: "i-7".into(), ..phost("w1-new", json!({"iid": "i-7"})) };
        let plan = plan(&s, &p, &opts).unwrap();
        assert!(plan.renames.is_empty());
        assert_eq!(plan.insert_hosts, [0]);
    }

    #[test]
    fn each_stored_host_is_matched_once() {
        // Two imported hosts with the instance id of one stored host: the first gets it, the
        // second is matched by its name (d1's row), and the old name goes to nobody.
        let opts = ImportOptions { instance_id_vars: vec!["iid".into()], ..Default::default() };
        let mut old = prepared();
        old.hosts[0].instance_id = "i-1".into();
        let s = stored(&old);
        let mut p = prepared();
        p.hosts[0] = PHost { instance_id: "i-1".into(), ..phost("w1", json!({"a": 1})) };
        p.hosts[2] = PHost { instance_id: "i-1".into(), ..phost("d1", json!({"b": 2})) };
        let plan = plan(&s, &p, &opts).unwrap();
        assert!(plan.renames.is_empty());
        assert!(plan.insert_hosts.is_empty());
        assert_eq!(plan.update_hosts.iter().map(|u| (u.id, u.instance_id.as_str())).collect::<Vec<_>>(), [(103, "i-1")]);
        // Without --instance-id-var, stored instance ids are kept and names match.
        let plan = super::plan(&s, &prepared(), &ImportOptions::default()).unwrap();
        assert!(plan.update_hosts.is_empty() && plan.insert_hosts.is_empty());
    }

    #[test]
    fn hosts_may_swap_names() {
        let opts = ImportOptions { instance_id_vars: vec!["iid".into()], ..Default::default() };
        let mut old = prepared();
        old.hosts[0].instance_id = "i-1".into();
        old.hosts[1].instance_id = "i-2".into();
        let s = stored(&old);
        let mut p = prepared();
        p.hosts[0] = PHost { instance_id: "i-1".into(), ..phost("w2", json!({"a": 1})) };
        p.hosts[1] = PHost { instance_id: "i-2".into(), ..phost("w1", json!({})) };
        let plan = plan(&s, &p, &opts).unwrap();
        assert_eq!(plan.renames, [(101, "w2".to_string()), (102, "w1".to_string())]);
    }

    #[test]
    fn removed_groups_hand_members_up_past_removed_parents() {
        let p = prepared();
        let mut s = stored(&p);
        // web(1) ⊃ outer(8) ⊃ mid(9), both this source's and gone; mid holds the hand-added
        // host 202 and group leaf(10), and db(2), which the import places elsewhere.
        for (name, id, owned) in [("outer", 8, true), ("mid", 9, true), ("leaf", 10, false)] {
            s.groups.insert(name.into(), DbGroup { id, variables: "{}".into() });
            if owned {
                s.owned_groups.insert(id);
            }
        }
        s.hosts.push(DbHost { id: 202, name: "manual".into(), enabled: true, vars_text: "{}".into(), ..Default::default() });
        s.children.extend([(1, 8), (8, 9), (9, 10), (9, 2)]);
        s.members.insert((9, 202));
        // Hand-added members of groups that stay do not move: host 203 and group leaf2 (11)
        // in db.
        s.hosts.push(DbHost { id: 203, name: "manual203".into(), enabled: true, vars_text: "{}".into(), ..Default::default() });
        s.groups.insert("leaf2".into(), DbGroup { id: 11, variables: "{}".into() });
        s.members.insert((2, 203));
        s.children.insert((2, 11));
        let plan = plan(&s, &p, &overwrite()).unwrap();
        assert_eq!(plan.delete_groups, [8, 9]);
        assert_eq!(plan.add_children, [(Ref::Stored(1), Ref::Stored(10))]);
        assert_eq!(plan.add_memberships, [(Ref::Stored(1), Ref::Stored(202))]);
        assert!(plan.delete_children.is_empty() && plan.delete_memberships.is_empty());
        // A removed group at the top hands nothing up.
        let mut s = stored(&p);
        s.groups.insert("top".into(), DbGroup { id: 9, variables: "{}".into() });
        s.owned_groups.insert(9);
        s.hosts.push(DbHost { id: 202, name: "manual".into(), enabled: true, vars_text: "{}".into(), ..Default::default() });
        s.members.insert((9, 202));
        let plan = super::plan(&s, &p, &overwrite()).unwrap();
        assert_eq!(plan.delete_groups, [9]);
        assert!(plan.add_memberships.is_empty() && plan.add_children.is_empty());
    }

    #[test]
    fn members_moved_up_are_added_once_and_only_when_missing() {
        let p = prepared();
        let mut s = stored(&p);
        // web(1) ⊃ mid(9), mid2(8), both this source's and gone; both hold the hand-added leaf
        // group (10) and host 202; web already holds 203 and leaf2 (11), also in mid.
        for (name, id, owned) in [("mid", 9, true), ("mid2", 8, true), ("leaf", 10, false), ("leaf2", 11, false)] {
            s.groups.insert(name.into(), DbGroup { id, variables: "{}".into() });
            if owned {
                s.owned_groups.insert(id);
            }
        }
        for id in [202, 203] {
            s.hosts.push(DbHost { id, name: format!("manual{id}"), enabled: true, vars_text: "{}".into(), ..Default::default() });
        }
        s.children.extend([(1, 9), (1, 8), (9, 10), (8, 10), (9, 11), (1, 11)]);
        s.members.extend([(9, 202), (8, 202), (9, 203), (1, 203)]);
        let plan = plan(&s, &p, &overwrite()).unwrap();
        assert_eq!(plan.delete_groups, [8, 9]);
        assert_eq!(plan.add_children, [(Ref::Stored(1), Ref::Stored(10))]);
        assert_eq!(plan.add_memberships, [(Ref::Stored(1), Ref::Stored(202))]);
    }

    #[test]
    fn links_are_planned_once() {
        // A host someone put into a removed group that the import now also puts into the
        // parent: one new membership. A group listing a child or host twice: one link.
        let mut p = prepared();
        p.hosts.push(phost("manual", json!({})));
        p.groups[0] = pgroup("web", json!({"tier": "front"}), &[1, 1], &[0, 1, 4, 4]);
        let mut s = stored(&prepared());
        s.groups.insert("mid".into(), DbGroup { id: 9, variables: "{}".into() });
        s.owned_groups.insert(9);
        s.hosts.push(DbHost { id: 202, name: "manual".into(), enabled: true, vars_text: "{}".into(), ..Default::default() });
        s.children.insert((1, 9));
        s.members.insert((9, 202));
        let plan = plan(&s, &p, &overwrite()).unwrap();
        assert_eq!(plan.add_memberships, [(Ref::Stored(1), Ref::Stored(202))]);
        assert!(plan.add_children.is_empty());
        s.children.remove(&(1, 2));
        let plan = super::plan(&s, &p, &overwrite()).unwrap();
        assert_eq!(plan.add_children, [(Ref::Stored(1), Ref::Stored(2))]);
    }

    #[test]
    fn overwrite_keeps_links_of_groups_and_hosts_it_does_not_own() {
        let p = prepared();
        let mut s = stored(&p);
        // Someone else put lonely (104) into web and made manual(10) a child of web; db (2) is
        // also in manual. None of it is this source's to remove.
        s.groups.insert("manual".into(), DbGroup { id: 10, variables: "{}".into() });
        s.owned_hosts.remove(&104);
        s.members.insert((1, 104));
        s.children.extend([(1, 10), (10, 2)]);
        s.members.insert((10, 103));
        let plan = plan(&s, &p, &overwrite()).unwrap();
        // (The import claims lonely as this source's from now on.)
        assert_eq!(plan, Plan { hosts_unchanged: 4, groups_unchanged: 2, own_hosts: vec![Ref::Stored(104)], ..Plan::default() });
        // The same links owned by this source (lonely imported into web before) go.
        s.owned_hosts.insert(104);
        let plan = super::plan(&s, &p, &overwrite()).unwrap();
        assert_eq!(plan.delete_memberships, [(1, 104)]);
        assert!(plan.delete_children.is_empty());
    }

    #[test]
    fn enabled_is_left_alone_when_the_variable_is_absent() {
        let p0 = prepared();
        let mut s = stored(&p0);
        s.hosts[1].enabled = false;
        // No enabled value: w2 stays disabled, nothing changes.
        assert!(plan(&s, &p0, &ImportOptions::default()).unwrap().update_hosts.is_empty());
        let mut p = prepared();
        p.hosts[1].enabled = Some(true);
        p.hosts[2].enabled = Some(true);
        let plan = plan(&s, &p, &ImportOptions::default()).unwrap();
        assert_eq!(plan.update_hosts.len(), 1);
        assert_eq!((plan.update_hosts[0].id, plan.update_hosts[0].enabled), (102, true));
    }

    #[test]
    fn groups_and_hosts_move_between_parents() {
        let p0 = prepared();
        let s = stored(&p0);
        // db moves from under web to top level under a new group "back"; d1 moves into web.
        let mut p = prepared();
        p.groups[0] = pgroup("web", json!({"tier": "front"}), &[], &[0, 1, 2]);
        p.groups[1] = pgroup("db", json!({}), &[], &[]);
        p.groups.push(pgroup("back", json!({}), &[1], &[]));
        let plan = plan(&s, &p, &overwrite()).unwrap();
        assert_eq!(plan.insert_groups, [2]);
        assert_eq!(plan.add_children, [(Ref::New(2), Ref::Stored(2))]);
        assert_eq!(plan.delete_children, [(1, 2)]);
        assert_eq!(plan.add_memberships, [(Ref::Stored(1), Ref::Stored(103))]);
        assert_eq!(plan.delete_memberships, [(2, 103)]);
        assert_eq!(plan.own_groups, [Ref::New(2)]);
        assert!(plan.own_hosts.is_empty());
    }
}
