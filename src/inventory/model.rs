//! The in-memory inventory, with the rules of Ansible's `InventoryData`, `Group` and `Host`:
//! implicit `all` and `ungrouped`, de-duplicated ordered memberships, cycle checks, variable
//! names looked up as groups first, `ansible_group_priority` kept apart, and `reconcile` (every
//! parentless group under `all`, group-less hosts in `ungrouped`). Loaders fill it; the importer
//! and the exporter read it.

use std::collections::HashSet;

use super::fxhash::{FxHashMap, FxHashSet};

use serde_json::{Map, Value as Json};

pub type Vars = Map<String, Json>;

/// Index of the implicit `all` group.
pub const ALL: usize = 0;
/// Index of the implicit `ungrouped` group.
pub const UNGROUPED: usize = 1;

/// Where a host was first defined (for messages).
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub file: u32,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub vars: Vars,
    pub children: Vec<usize>,
    pub parents: Vec<usize>,
    pub hosts: Vec<usize>,
    pub priority: i64,
}

#[derive(Debug, Clone)]
pub struct Host {
    pub name: String,
    pub vars: Vars,
    /// Groups this host is a direct member of, in order.
    pub groups: Vec<usize>,
    pub origin: Origin,
}

/// Variables Ansible never exports (`C.INTERNAL_STATIC_VARS`).
pub const INTERNAL_VARS: &[&str] = &[
    "ansible_async_path",
    "ansible_collection_name",
    "ansible_config_file",
    "ansible_dependent_role_names",
    "ansible_diff_mode",
    "ansible_facts",
    "ansible_forks",
    "ansible_inventory_sources",
    "ansible_limit",
    "ansible_play_batch",
    "ansible_play_hosts",
    "ansible_play_hosts_all",
    "ansible_play_role_names",
    "ansible_playbook_python",
    "ansible_role_name",
    "ansible_role_names",
    "ansible_run_tags",
    "ansible_skip_tags",
    "ansible_verbosity",
    "ansible_version",
    "inventory_dir",
    "inventory_file",
    "inventory_hostname",
    "inventory_hostname_short",
    "groups",
    "group_names",
    "hostvars",
    "playbook_dir",
    "play_hosts",
    "role_name",
    "role_names",
    "role_path",
    "role_uuid",
];

#[derive(Debug, Clone)]
pub struct Inventory {
    pub groups: Vec<Group>,
    group_index: FxHashMap<String, usize>,
    pub hosts: Vec<Host>,
    host_index: FxHashMap<String, usize>,
    members: FxHashSet<(u32, u32)>,
    /// Source files read (for `Origin`).
    pub files: Vec<String>,
    pub warnings: Vec<String>,
    /// Groups with characters outside `[A-Za-z0-9_]` already warned about (one warning per run).
    warned_group_chars: bool,
}

impl Default for Inventory {
    fn default() -> Self {
        Self::new()
    }
}

/// Python's `int()` applied to an inventory value (for `ansible_group_priority`).
pub fn py_int(v: &Json) -> Option<i64> {
    match v {
        Json::Bool(b) => Some(*b as i64),
        Json::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f.trunc() as i64)),
        Json::String(s) => {
            let t = s.trim();
            let (neg, digits) = match t.strip_prefix('-') {
                Some(r) => (true, r),
                None => (false, t.strip_prefix('+').unwrap_or(t)),
            };
            if digits.is_empty()
                || digits.starts_with('_')
                || digits.ends_with('_')
                || digits.contains("__")
                || !digits.chars().all(|c| c.is_ascii_digit() || c == '_')
            {
                return None;
            }
            let n: i64 = digits.replace('_', "").parse().ok()?;
            Some(if neg { -n } else { n })
        }
        _ => None,
    }
}

impl Inventory {
    pub fn new() -> Inventory {
        let mut inv = Inventory {
            groups: Vec::new(),
            group_index: FxHashMap::default(),
            hosts: Vec::new(),
            host_index: FxHashMap::default(),
            members: FxHashSet::default(),
            files: Vec::new(),
            warnings: Vec::new(),
            warned_group_chars: false,
        };
        inv.add_group("all");
        inv.add_group("ungrouped");
        // Cannot fail: two fresh groups.
        let _ = inv.add_child_group(ALL, UNGROUPED);
        inv
    }

    pub fn warn(&mut self, msg: impl Into<String>) {
        let m = msg.into();
        if self.warnings.len() < 1000 && !self.warnings.contains(&m) {
            self.warnings.push(m);
        }
    }

    pub fn file_id(&mut self, path: &str) -> u32 {
        if let Some(i) = self.files.iter().position(|f| f == path) {
            return i as u32;
        }
        self.files.push(path.to_string());
        (self.files.len() - 1) as u32
    }

    pub fn group(&self, name: &str) -> Option<usize> {
        self.group_index.get(name).copied()
    }

    pub fn host(&self, name: &str) -> Option<usize> {
        self.host_index.get(name).copied()
    }

    /// Add a group if missing; returns its index.
    pub fn add_group(&mut self, name: &str) -> usize {
        if let Some(i) = self.group_index.get(name) {
            return *i;
        }
        if !self.warned_group_chars && !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            self.warned_group_chars = true;
            self.warn("Invalid characters were found in group names but not replaced");
        }
        let i = self.groups.len();
        self.groups.push(Group {
            name: name.to_string(),
            vars: Vars::new(),
            children: Vec::new(),
            parents: Vec::new(),
            hosts: Vec::new(),
            priority: 1,
        });
        self.group_index.insert(name.to_string(), i);
        i
    }

    /// Ansible's `InventoryData.add_host`: create the host (with `ansible_port` from the
    /// pattern) if new, then add it to `group`. A port given for an existing host is ignored,
    /// as Ansible does.
    pub fn add_host(&mut self, name: &str, group: Option<usize>, port: Option<i64>, origin: Origin) -> usize {
        let h = match self.host_index.get(name) {
            Some(i) => *i,
            None => {
                let mut vars = Vars::new();
                if let Some(p) = port.filter(|p| *p != 0) {
                    vars.insert("ansible_port".into(), Json::from(p));
                }
                let i = self.hosts.len();
                self.hosts.push(Host { name: name.to_string(), vars, groups: Vec::new(), origin });
                self.host_index.insert(name.to_string(), i);
                i
            }
        };
        if let Some(g) = group {
            self.add_host_to_group(g, h);
        }
        h
    }

    pub fn add_host_to_group(&mut self, g: usize, h: usize) -> bool {
        if self.members.insert((g as u32, h as u32)) {
            self.groups[g].hosts.push(h);
            self.hosts[h].groups.push(g);
            true
        } else {
            false
        }
    }

    fn remove_host_from_group(&mut self, g: usize, h: usize) {
        if self.members.remove(&(g as u32, h as u32)) {
            self.groups[g].hosts.retain(|x| *x != h);
            self.hosts[h].groups.retain(|x| *x != g);
        }
    }

    /// All ancestors of a group (not including itself).
    pub fn ancestors(&self, g: usize) -> HashSet<usize> {
        let mut seen = HashSet::new();
        let mut stack: Vec<usize> = self.groups[g].parents.clone();
        while let Some(p) = stack.pop() {
            if seen.insert(p) {
                stack.extend(self.groups[p].parents.iter().copied());
            }
        }
        seen
    }

    /// Ansible's `Group.add_child_group`, with its loop checks.
    pub fn add_child_group(&mut self, parent: usize, child: usize) -> Result<bool, String> {
        if parent == child {
            return Err("can't add group to itself".to_string());
        }
        if self.groups[parent].children.contains(&child) {
            return Ok(false);
        }
        if self.ancestors(parent).contains(&child) {
            return Err(format!(
                "Adding group '{}' as child to '{}' creates a recursive dependency loop.",
                self.groups[child].name, self.groups[parent].name
            ));
        }
        self.groups[parent].children.push(child);
        if !self.groups[child].parents.contains(&parent) {
            self.groups[child].parents.push(parent);
        }
        Ok(true)
    }

    /// `InventoryData.add_child(group, child)`: `child` names a group, else a host.
    pub fn add_child(&mut self, parent: &str, child: &str) -> Result<bool, String> {
        let p = self.group(parent).ok_or_else(|| format!("{parent} is not a known group"))?;
        if let Some(c) = self.group(child) {
            self.add_child_group(p, c)
        } else if let Some(h) = self.host(child) {
            Ok(self.add_host_to_group(p, h))
        } else {
            Err(format!("{child} is not a known host nor group"))
        }
    }

    /// `InventoryData.set_variable`: the name is looked up among groups first, then hosts.
    pub fn set_variable(&mut self, entity: &str, key: &str, value: Json) -> Result<(), String> {
        if let Some(g) = self.group(entity) {
            self.set_group_var(g, key, value)
        } else if let Some(h) = self.host(entity) {
            self.hosts[h].vars.insert(key.to_string(), value);
            Ok(())
        } else {
            Err(format!("Could not identify group or host named {entity}"))
        }
    }

    pub fn set_group_var(&mut self, g: usize, key: &str, value: Json) -> Result<(), String> {
        if key == "ansible_group_priority" {
            let p = py_int(&value).ok_or_else(|| format!("invalid literal for int(): {value}"))?;
            self.groups[g].priority = p;
        } else {
            self.groups[g].vars.insert(key.to_string(), value);
        }
        Ok(())
    }

    pub fn set_host_var(&mut self, h: usize, key: &str, value: Json) {
        self.hosts[h].vars.insert(key.to_string(), value);
    }

    /// `InventoryData.reconcile_inventory`.
    pub fn reconcile(&mut self) {
        for g in 0..self.groups.len() {
            if g != ALL && self.groups[g].parents.is_empty() {
                let _ = self.add_child_group(ALL, g);
            }
        }
        let mut both: Vec<String> = Vec::new();
        for h in 0..self.hosts.len() {
            if self.group_index.contains_key(&self.hosts[h].name) && both.len() < 20 {
                both.push(self.hosts[h].name.clone());
            }
            let in_ungrouped = self.members.contains(&(UNGROUPED as u32, h as u32));
            let others = self.hosts[h].groups.iter().any(|g| *g != ALL && *g != UNGROUPED);
            if in_ungrouped && others {
                self.remove_host_from_group(UNGROUPED, h);
            } else if !in_ungrouped && !others {
                self.add_host_to_group(UNGROUPED, h);
            }
        }
        for n in both {
            self.warn(format!("Found both group and host with same name: {n}"));
        }
    }

    pub fn is_member(&self, g: usize, h: usize) -> bool {
        self.members.contains(&(g as u32, h as u32))
    }

    /// Drop the variables Ansible never exports, and put a non-default group priority back
    /// as `ansible_group_priority` (what `ansible-inventory --list --export` shows).
    pub fn finish_for_export(&mut self) {
        let internal: HashSet<&str> = INTERNAL_VARS.iter().copied().collect();
        for g in &mut self.groups {
            if g.vars.keys().any(|k| internal.contains(k.as_str())) {
                g.vars.retain(|k, _| !internal.contains(k.as_str()));
            }
            if g.priority != 1 {
                g.vars.insert("ansible_group_priority".into(), Json::from(g.priority));
            }
        }
        for h in &mut self.hosts {
            if h.vars.keys().any(|k| internal.contains(k.as_str())) {
                h.vars.retain(|k, _| !internal.contains(k.as_str()));
            }
        }
    }

    pub fn origin_text(&self, o: &Origin) -> String {
        match self.files.get(o.file as usize) {
            Some(f) if o.line > 0 => format!("{f}:{}", o.line),
            Some(f) => f.clone(),
            None => String::from("<input>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconcile_places_groups_and_hosts() {
        let mut inv = Inventory::new();
        let web = inv.add_group("web");
        let eu = inv.add_group("eu");
        inv.add_child_group(web, eu).unwrap();
        inv.add_host("h1", Some(UNGROUPED), None, Origin::default());
        inv.add_host("h1", Some(eu), Some(22), Origin::default());
        inv.add_host("h2", Some(ALL), None, Origin::default());
        inv.reconcile();
        let names = |v: &[usize]| v.iter().map(|g| inv.groups[*g].name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&inv.groups[ALL].children), ["ungrouped", "web"]);
        assert_eq!(inv.groups[UNGROUPED].hosts, vec![1]);
        assert!(inv.hosts[0].vars.is_empty(), "port of an existing host is ignored");
    }

    #[test]
    fn loops_are_refused() {
        let mut inv = Inventory::new();
        let a = inv.add_group("a");
        let b = inv.add_group("b");
        inv.add_child_group(a, b).unwrap();
        assert!(inv.add_child_group(b, a).unwrap_err().contains("recursive"));
        assert!(inv.add_child_group(a, a).is_err());
    }

    #[test]
    fn priority_is_kept_apart() {
        let mut inv = Inventory::new();
        let g = inv.add_group("g");
        inv.set_variable("g", "ansible_group_priority", Json::from("5")).unwrap();
        assert!(inv.groups[g].vars.is_empty());
        inv.finish_for_export();
        assert_eq!(inv.groups[g].vars["ansible_group_priority"], 5);
        assert!(inv.set_variable("g", "ansible_group_priority", Json::from("x")).is_err());
    }
}
