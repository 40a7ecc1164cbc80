//! The fact cache of jobs whose template has `use_fact_cache` (AWX's `start_job_fact_cache` /
//! `finish_job_fact_cache`): before the run, each inventory host's stored `ansible_facts` is
//! written as JSON to `artifacts/<job id>/fact_cache/<host name>` (mode 0600), the directory
//! Ansible's `jsonfile` cache plugin reads (`ANSIBLE_CACHE_PLUGIN=jsonfile`,
//! `ANSIBLE_CACHE_PLUGIN_CONNECTION`); hosts whose facts are older than
//! `ansible_fact_cache_timeout` seconds (when > 0) are left out. After the run, a file whose
//! modification time changed (Ansible wrote facts: `gather_facts`, `set_fact: cacheable=true`)
//! replaces the host's facts and stamps `ansible_facts_modified`; a file we wrote that is gone
//! (`meta: clear_facts`) empties them; invalid JSON is skipped. The new facts are stored in the
//! transaction that records the job's end, with the smart inventories' memberships.

use std::collections::BTreeMap;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::Value as Json;

use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::settings::{self, Setting};

pub static ANSIBLE_FACT_CACHE_TIMEOUT: Setting<i64> = Setting::new(
    "ansible_fact_cache_timeout",
    "0",
    settings::SECONDS,
    "Jobs with use_fact_cache get only facts stored within this many seconds (0: all stored facts)",
);

/// One host's stored facts, as given to a run.
#[derive(Debug, Clone, PartialEq)]
pub struct HostFacts {
    pub id: i64,
    pub name: String,
    /// The stored document (JSON text); `None` when it is older than the timeout (not written).
    pub facts: Option<String>,
}

/// The stored facts of the hosts of the job's inventory (`ids`: host id by name).
pub fn load(tx: &mut Tx<'_>, secrets: &Secrets, ids: &std::collections::HashMap<String, i64>) -> Result<Vec<HostFacts>> {
    let timeout = settings::get(tx, secrets, &ANSIBLE_FACT_CACHE_TIMEOUT)?;
    let oldest = (timeout > 0).then(|| crate::time::fmt(&(crate::time::now() - chrono::Duration::seconds(timeout))));
    let mut out = Vec::with_capacity(ids.len());
    let mut by_id: BTreeMap<i64, &String> = ids.iter().map(|(n, id)| (*id, n)).collect();
    let list: Vec<i64> = by_id.keys().copied().collect();
    for chunk in list.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let params: Vec<crate::db::Value> = chunk.iter().map(|i| crate::db::Value::from(*i)).collect();
        tx.query_each(
            &format!("SELECT id, ansible_facts, ansible_facts_modified FROM host WHERE id IN ({})", marks.join(", ")),
            &params,
            |r| {
                let id: i64 = r.col("id")?;
                let modified: Option<String> = r.col("ansible_facts_modified")?;
                let fresh = match &oldest {
                    None => true,
                    Some(o) => modified.as_ref().is_some_and(|m| m >= o),
                };
                if let Some(name) = by_id.remove(&id) {
                    out.push(HostFacts { id, name: name.clone(), facts: fresh.then(|| r.col::<String>("ansible_facts")).transpose()? });
                }
                Ok(())
            },
        )?;
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// A name that stays a file inside the cache directory.
fn safe_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\0'])
}

/// The two layouts of Ansible's `jsonfile` cache: up to ansible-core 2.18 a file named after
/// the host holding the facts; from 2.19 a file `s1_<host>` holding `{"__payload__": "<JSON
/// text>"}` whose values may carry data tags (`{"value": …, "tags": […], "__ansible_type": …}`).
/// Both are written (each Ansible reads only its own), and whichever the run changed is read
/// back, its tags removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Payload1,
    Plain,
}

impl Layout {
    const ALL: [Layout; 2] = [Layout::Payload1, Layout::Plain];

    fn file(self, host: &str) -> String {
        match self {
            Layout::Payload1 => format!("s1_{host}"),
            Layout::Plain => host.to_string(),
        }
    }

    fn encode(self, facts: &str) -> String {
        match self {
            Layout::Payload1 => serde_json::json!({ "__payload__": facts }).to_string(),
            Layout::Plain => facts.to_string(),
        }
    }

    fn decode(self, bytes: &[u8]) -> Option<Json> {
        let doc: Json = serde_json::from_slice(bytes).ok()?;
        let mut doc = match self {
            Layout::Plain => doc,
            Layout::Payload1 => serde_json::from_str(doc.get("__payload__")?.as_str()?).ok()?,
        };
        untag(&mut doc);
        crate::pynum::normalize(&mut doc);
        Some(doc)
    }
}

/// Remove Ansible's data tags: a tagged value `{"value": v, "tags": […], "__ansible_type": …}`
/// becomes `v`.
fn untag(v: &mut Json) {
    match v {
        Json::Object(m) => {
            if m.contains_key("__ansible_type")
                && let Some(inner) = m.get_mut("value")
            {
                let mut inner = inner.take();
                untag(&mut inner);
                *v = inner;
                return;
            }
            for x in m.values_mut() {
                untag(x);
            }
        }
        Json::Array(a) => a.iter_mut().for_each(untag),
        _ => {}
    }
}

/// The cache directory of one run and what was written into it.
#[derive(Debug)]
pub struct FactCache {
    pub dir: PathBuf,
    /// Every host of the inventory: id, name, and per layout the modification time of the file
    /// written (None: not written, the facts were stale).
    hosts: Vec<(i64, String, [Option<SystemTime>; 2])>,
    /// Where the cache of a run on an isolated node was copied back to: there, a file changed
    /// when its bytes differ from what was written (Ansible writes indented JSON, never our
    /// compact text), since copying does not keep modification times.
    fetched: Option<PathBuf>,
}

/// A host's facts after the run.
#[derive(Debug, Clone, PartialEq)]
pub struct FactUpdate {
    pub host_id: i64,
    /// The new document (JSON text); `{}` when Ansible cleared them.
    pub facts: String,
}

fn mtime(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// A cache file after the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    Unchanged,
    Changed,
    Missing,
}

impl FactCache {
    /// Create `dir` (0700) and write each host's facts there (0600).
    pub fn write(dir: &Path, hosts: &[HostFacts]) -> Result<FactCache> {
        std::fs::DirBuilder::new().mode(0o700).create(dir).map_err(|e| Error::io_at(dir, &e))?;
        let mut out = FactCache { dir: dir.to_path_buf(), hosts: Vec::with_capacity(hosts.len()), fetched: None };
        for h in hosts {
            if !safe_name(&h.name) {
                tracing::warn!("facts for host {:?} could not be cached (the name is not a file name)", h.name);
                continue;
            }
            let mut written = [None, None];
            if let Some(text) = &h.facts {
                for (i, layout) in Layout::ALL.iter().enumerate() {
                    let p = dir.join(layout.file(&h.name));
                    let mut f =
                        std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&p).map_err(|e| Error::io_at(&p, &e))?;
                    std::io::Write::write_all(&mut f, layout.encode(text).as_bytes()).map_err(|e| Error::io_at(&p, &e))?;
                    drop(f);
                    written[i] = mtime(&p);
                }
            }
            out.hosts.push((h.id, h.name.clone(), written));
        }
        Ok(out)
    }

    /// The run's cache directory was copied back from its node to `dir`.
    pub fn fetched(&mut self, dir: PathBuf) {
        self.fetched = Some(dir);
    }

    fn after(&self, file: &str, written: Option<SystemTime>) -> After {
        let same = match &self.fetched {
            None => match mtime(&self.dir.join(file)) {
                None => return After::Missing,
                Some(now) => written == Some(now),
            },
            Some(f) => match std::fs::read(f.join(file)) {
                Err(_) => return After::Missing,
                Ok(now) => written.is_some() && std::fs::read(self.dir.join(file)).is_ok_and(|before| before == now),
            },
        };
        if same { After::Unchanged } else { After::Changed }
    }

    /// What the run changed: files (re)written by Ansible, and files it removed.
    pub fn collect(&self) -> Vec<FactUpdate> {
        let mut out = Vec::new();
        let read_dir = self.fetched.as_ref().unwrap_or(&self.dir);
        for (id, name, written) in &self.hosts {
            let mut update = None;
            let mut cleared = false;
            for (i, layout) in Layout::ALL.iter().enumerate() {
                let file = layout.file(name);
                match self.after(&file, written[i]) {
                    After::Unchanged => {}
                    After::Missing => cleared |= written[i].is_some(),
                    After::Changed if update.is_none() => match std::fs::read(read_dir.join(&file)).ok().and_then(|b| layout.decode(&b)) {
                        Some(doc) => update = Some(doc.to_string()),
                        None => tracing::warn!("facts for host {name:?}: the cache file {file} is not readable JSON; ignored"),
                    },
                    After::Changed => {}
                }
            }
            match update {
                Some(facts) => out.push(FactUpdate { host_id: *id, facts }),
                None if cleared => out.push(FactUpdate { host_id: *id, facts: "{}".into() }),
                None => {}
            }
        }
        out
    }
}

/// Store the facts a run changed (one statement per host, in the caller's transaction), then
/// the smart inventories that filter on them.
pub fn store(tx: &mut Tx<'_>, updates: &[FactUpdate]) -> Result<()> {
    if updates.is_empty() {
        return Ok(());
    }
    let now = crate::time::now_str();
    for u in updates {
        tx.execute(
            "UPDATE host SET ansible_facts = $1, ansible_facts_modified = $2 WHERE id = $3",
            crate::params![u.facts.as_str(), now.as_str(), u.host_id],
        )?;
    }
    crate::inventory::smart::rebuild(tx, None)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_changed_removed_and_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("fact_cache");
        let hosts = vec![
            HostFacts { id: 1, name: "same".into(), facts: Some(r#"{"a": 1}"#.into()) },
            HostFacts { id: 2, name: "changed".into(), facts: Some("{}".into()) },
            HostFacts { id: 3, name: "cleared".into(), facts: Some(r#"{"b": 2}"#.into()) },
            HostFacts { id: 4, name: "stale".into(), facts: None },
            HostFacts { id: 5, name: "new".into(), facts: None },
            HostFacts { id: 6, name: "../escape".into(), facts: Some("{}".into()) },
            HostFacts { id: 7, name: "garbage".into(), facts: Some("{}".into()) },
        ];
        let cache = FactCache::write(&dir, &hosts).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("same")).unwrap(), r#"{"a": 1}"#);
        assert_eq!(std::fs::read_to_string(dir.join("s1_same")).unwrap(), r#"{"__payload__":"{\"a\": 1}"}"#);
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(dir.join("same")).unwrap().permissions().mode() & 0o777, 0o600);
        assert!(!dir.join("stale").exists());
        assert!(!tmp.path().join("escape").exists());
        assert!(cache.collect().is_empty(), "nothing changed yet");
        std::thread::sleep(std::time::Duration::from_millis(20));
        // ansible-core < 2.19 rewrites "changed" and removes "cleared"; 2.19 writes "s1_new".
        std::fs::write(dir.join("changed"), r#"{"ansible_distribution": "Ubuntu", "n": 1e3}"#).unwrap();
        std::fs::remove_file(dir.join("cleared")).unwrap();
        std::fs::write(
            dir.join("s1_new"),
            r#"{"__payload__": "{\"x\": {\"value\": true, \"tags\": [], \"__ansible_type\": \"_AnsibleTaggedInt\"}, \"l\": [{\"value\": \"a\", \"tags\": [{\"__ansible_type\": \"TrustedAsTemplate\"}], \"__ansible_type\": \"_AnsibleTaggedStr\"}]}"}"#,
        )
        .unwrap();
        std::fs::write(dir.join("garbage"), "not json").unwrap();
        assert_eq!(
            cache.collect(),
            vec![
                FactUpdate { host_id: 2, facts: r#"{"ansible_distribution":"Ubuntu","n":1000.0}"#.into() },
                FactUpdate { host_id: 3, facts: "{}".into() },
                FactUpdate { host_id: 5, facts: r#"{"x":true,"l":["a"]}"#.into() },
            ]
        );
        // 2.19 removing its own file clears the facts too.
        std::fs::remove_file(dir.join("s1_same")).unwrap();
        assert_eq!(cache.collect()[0], FactUpdate { host_id: 1, facts: "{}".into() });
    }

    #[test]
    fn a_copy_from_a_node_is_compared_by_content() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("fact_cache");
        let hosts = vec![
            HostFacts { id: 1, name: "same".into(), facts: Some(r#"{"a": 1}"#.into()) },
            HostFacts { id: 2, name: "changed".into(), facts: Some("{}".into()) },
            HostFacts { id: 3, name: "cleared".into(), facts: Some("{}".into()) },
            HostFacts { id: 4, name: "new".into(), facts: None },
        ];
        let mut cache = FactCache::write(&dir, &hosts).unwrap();
        let copy = tmp.path().join("copy");
        std::fs::create_dir(&copy).unwrap();
        // Copied back later (new modification times), "same" with the same bytes.
        std::thread::sleep(std::time::Duration::from_millis(20));
        for f in ["same", "s1_same", "changed", "s1_changed", "s1_cleared"] {
            std::fs::copy(dir.join(f), copy.join(f)).unwrap();
        }
        std::fs::write(copy.join("s1_changed"), r#"{"__payload__": "{\"b\": 2}"}"#).unwrap();
        std::fs::write(copy.join("new"), "[]").unwrap();
        cache.fetched(copy);
        assert_eq!(
            cache.collect(),
            vec![
                FactUpdate { host_id: 2, facts: r#"{"b":2}"#.into() },
                FactUpdate { host_id: 3, facts: "{}".into() },
                FactUpdate { host_id: 4, facts: "[]".into() },
            ]
        );
    }
}
