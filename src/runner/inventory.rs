//! The inventory given to `ansible-playbook`, rendered from the database as AWX's
//! `Inventory.get_script_data(hostvars=True, towervars=True)` builds it (§7.3): only enabled
//! hosts, ordered by name; `all.vars` = inventory variables, `all.hosts` = hosts in no group,
//! `all.children` = every group; one entry per group with `hosts`, `children` and `vars`;
//! `_meta.hostvars` with each host's variables plus `remote_tower_enabled`/`remote_tower_id`.
//!
//! Written either as an executable inventory script (AWX's way; Ansible's `script` plugin runs
//! it once with `--list`) or as a JSON file in the `yaml` inventory plugin's shape.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::{Map, Value as Json, json};

use crate::db::Tx;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum InventoryFormat {
    /// An executable script printing the inventory JSON (what AWX gives ansible)
    #[default]
    Script,
    /// A JSON file read by Ansible's yaml inventory plugin
    Json,
}

/// An inventory as read from the database.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    pub id: i64,
    pub name: String,
    pub vars: Map<String, Json>,
    /// Enabled hosts by name: (id, variables).
    pub hosts: BTreeMap<String, (i64, Map<String, Json>)>,
    /// Groups by name.
    pub groups: BTreeMap<String, Group>,
}

/// A group: (variables, member hosts, child groups).
pub type Group = (Map<String, Json>, BTreeSet<String>, BTreeSet<String>);

fn vars(text: &str) -> Map<String, Json> {
    match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    }
}

impl Inventory {
    pub fn load(tx: &mut Tx<'_>, id: i64) -> Result<Inventory> {
        let row = tx
            .query_opt("SELECT name, variables FROM inventory WHERE id = $1", crate::params![id])?
            .ok_or_else(|| Error::not_found(format!("no inventory with id {id}")))?;
        let mut inv = Inventory { id, name: row.col("name")?, vars: vars(&row.col::<String>("variables")?), ..Default::default() };
        if crate::inventory::smart::is_smart(tx, id)? {
            // AWX §7.1: the members (enabled ones, by name) directly under `all`, no groups.
            tx.query_each(
                "SELECT h.id AS id, h.name AS name, h.variables AS variables FROM smart_inventory_membership m
                 JOIN host h ON h.id = m.host_id WHERE m.inventory_id = $1 AND h.enabled ORDER BY h.name",
                crate::params![id],
                |r| {
                    inv.hosts.insert(r.col("name")?, (r.col("id")?, vars(&r.col::<String>("variables")?)));
                    Ok(())
                },
            )?;
            return Ok(inv);
        }
        let mut host_names: HashMap<i64, String> = HashMap::new();
        tx.query_each("SELECT id, name, variables FROM host WHERE inventory_id = $1 AND enabled ORDER BY name", crate::params![id], |r| {
            let hid: i64 = r.col("id")?;
            let name: String = r.col("name")?;
            host_names.insert(hid, name.clone());
            inv.hosts.insert(name, (hid, vars(&r.col::<String>("variables")?)));
            Ok(())
        })?;
        let mut group_names: HashMap<i64, String> = HashMap::new();
        tx.query_each("SELECT id, name, variables FROM inv_group WHERE inventory_id = $1 ORDER BY name", crate::params![id], |r| {
            let gid: i64 = r.col("id")?;
            let name: String = r.col("name")?;
            group_names.insert(gid, name.clone());
            inv.groups.insert(name, (vars(&r.col::<String>("variables")?), BTreeSet::new(), BTreeSet::new()));
            Ok(())
        })?;
        tx.query_each(
            "SELECT gh.group_id, gh.host_id FROM group_host gh JOIN inv_group g ON g.id = gh.group_id WHERE g.inventory_id = $1",
            crate::params![id],
            |r| {
                if let (Some(g), Some(h)) = (group_names.get(&r.col::<i64>("group_id")?), host_names.get(&r.col::<i64>("host_id")?))
                    && let Some(entry) = inv.groups.get_mut(g)
                {
                    entry.1.insert(h.clone());
                }
                Ok(())
            },
        )?;
        tx.query_each(
            "SELECT gc.parent_id, gc.child_id FROM group_child gc JOIN inv_group g ON g.id = gc.parent_id WHERE g.inventory_id = $1",
            crate::params![id],
            |r| {
                if let (Some(p), Some(c)) = (group_names.get(&r.col::<i64>("parent_id")?), group_names.get(&r.col::<i64>("child_id")?))
                    && let Some(entry) = inv.groups.get_mut(p)
                {
                    entry.2.insert(c.clone());
                }
                Ok(())
            },
        )?;
        Ok(inv)
    }

    /// Host name → host id (to attach events and summaries to hosts).
    pub fn host_ids(&self) -> HashMap<String, i64> {
        self.hosts.iter().map(|(n, (id, _))| (n.clone(), *id)).collect()
    }

    /// `ansible-inventory --list` / inventory-script JSON.
    pub fn script_data(&self) -> Json {
        let grouped: BTreeSet<&String> = self.groups.values().flat_map(|(_, hosts, _)| hosts.iter()).collect();
        let mut top = Map::new();
        let mut all = Map::new();
        let ungrouped: Vec<&String> = self.hosts.keys().filter(|h| !grouped.contains(h)).collect();
        all.insert("hosts".into(), json!(ungrouped));
        all.insert("children".into(), json!(self.groups.keys().collect::<Vec<_>>()));
        if !self.vars.is_empty() {
            all.insert("vars".into(), Json::Object(self.vars.clone()));
        }
        top.insert("all".into(), Json::Object(all));
        for (name, (gvars, hosts, children)) in &self.groups {
            let mut g = Map::new();
            g.insert("hosts".into(), json!(hosts));
            g.insert("children".into(), json!(children));
            if !gvars.is_empty() {
                g.insert("vars".into(), Json::Object(gvars.clone()));
            }
            top.insert(name.clone(), Json::Object(g));
        }
        let mut hostvars = Map::new();
        for (name, (id, hvars)) in &self.hosts {
            let mut v = hvars.clone();
            v.insert("remote_tower_enabled".into(), json!("true"));
            v.insert("remote_tower_id".into(), json!(id));
            hostvars.insert(name.clone(), Json::Object(v));
        }
        top.insert("_meta".into(), json!({ "hostvars": hostvars }));
        Json::Object(top)
    }

    /// The same inventory in the yaml plugin's shape (`all: {hosts: {h: vars}, children: …}`).
    pub fn yaml_plugin_data(&self) -> Json {
        let mut hosts = Map::new();
        for (name, (id, hvars)) in &self.hosts {
            let mut v = hvars.clone();
            v.insert("remote_tower_enabled".into(), json!("true"));
            v.insert("remote_tower_id".into(), json!(id));
            hosts.insert(name.clone(), Json::Object(v));
        }
        let mut children = Map::new();
        for (name, (gvars, ghosts, gchildren)) in &self.groups {
            let mut g = Map::new();
            if !ghosts.is_empty() {
                g.insert("hosts".into(), Json::Object(ghosts.iter().map(|h| (h.clone(), Json::Null)).collect()));
            }
            if !gchildren.is_empty() {
                g.insert("children".into(), Json::Object(gchildren.iter().map(|c| (c.clone(), Json::Null)).collect()));
            }
            if !gvars.is_empty() {
                g.insert("vars".into(), Json::Object(gvars.clone()));
            }
            children.insert(name.clone(), Json::Object(g));
        }
        let mut all = Map::new();
        all.insert("hosts".into(), Json::Object(hosts));
        if !children.is_empty() {
            all.insert("children".into(), Json::Object(children));
        }
        if !self.vars.is_empty() {
            all.insert("vars".into(), Json::Object(self.vars.clone()));
        }
        json!({ "all": all })
    }

    /// The file to write under `inventory/` and its content: (file name, content, executable).
    pub fn render(&self, format: InventoryFormat) -> (&'static str, String, bool) {
        match format {
            InventoryFormat::Script => {
                let data = self.script_data().to_string();
                // A quoted here-document copies the JSON verbatim; the delimiter cannot occur
                // in compact JSON on a line of its own.
                let script = format!(
                    "#!/bin/sh\n# awxm inventory script (Ansible calls it with --list)\ncat <<'AWXM_INVENTORY_EOF'\n{data}\nAWXM_INVENTORY_EOF\n"
                );
                ("hosts", script, true)
            }
            InventoryFormat::Json => ("hosts.json", self.yaml_plugin_data().to_string(), false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Inventory {
        let mut inv = Inventory { id: 1, name: "web".into(), ..Default::default() };
        inv.vars.insert("env".into(), json!("prod"));
        inv.hosts.insert("a".into(), (10, Map::new()));
        inv.hosts.insert("b".into(), (11, vars(r#"{"x": 1}"#)));
        inv.groups.insert("g".into(), (Map::new(), ["a".to_string()].into(), BTreeSet::new()));
        inv.groups.insert("empty".into(), (Map::new(), BTreeSet::new(), BTreeSet::new()));
        inv
    }

    #[test]
    fn script_data_shape() {
        let d = sample().script_data();
        assert_eq!(d["all"]["hosts"], json!(["b"]));
        assert_eq!(d["all"]["children"], json!(["empty", "g"]));
        assert_eq!(d["all"]["vars"], json!({"env": "prod"}));
        assert_eq!(d["g"]["hosts"], json!(["a"]));
        assert_eq!(d["_meta"]["hostvars"]["b"], json!({"x": 1, "remote_tower_enabled": "true", "remote_tower_id": 11}));
    }

    #[test]
    fn script_is_a_heredoc() {
        let (name, text, exec) = sample().render(InventoryFormat::Script);
        assert_eq!((name, exec), ("hosts", true));
        assert!(text.starts_with("#!/bin/sh\n"));
        assert!(text.ends_with("\nAWXM_INVENTORY_EOF\n"));
    }
}
