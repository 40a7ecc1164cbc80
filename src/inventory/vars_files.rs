//! `group_vars/` and `host_vars/` next to an inventory source, as Ansible's `host_group_vars`
//! vars plugin finds them: for each group and host, the first of `NAME/` (a directory, read
//! recursively in sorted order), `NAME`, `NAME.yml`, `NAME.yaml`, `NAME.json`; file values
//! override the inventory's own values for the same key.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use super::model::{Inventory, Vars};
use super::yaml_inv;
use crate::error::Error;

const EXTS: &[&str] = &["", ".yml", ".yaml", ".json"];

/// The entries of one `*_vars` directory, read once (a lookup per host would mean four
/// `stat` calls per host).
struct VarsDir {
    dir: PathBuf,
    names: HashSet<String>,
}

impl VarsDir {
    fn open(base: &Path, sub: &str) -> Result<Option<VarsDir>, Error> {
        let dir = base.join(sub);
        if !dir.is_dir() {
            return Ok(None);
        }
        let mut names = HashSet::new();
        for e in fs_err::read_dir(&dir)? {
            let e = e?;
            names.insert(e.file_name().to_string_lossy().into_owned());
        }
        Ok(Some(VarsDir { dir, names }))
    }

    /// `DataLoader.find_vars_files(dir, name)`.
    fn find(&self, name: &str) -> Result<Vec<PathBuf>, Error> {
        let simple = !name.contains('/');
        for ext in EXTS {
            let file = format!("{name}{ext}");
            let path = self.dir.join(&file);
            let exists = if simple { self.names.contains(&file) } else { path.exists() };
            if !exists {
                continue;
            }
            if path.is_dir() {
                let mut out = Vec::new();
                dir_files(&path, &mut out)?;
                return Ok(out);
            }
            return Ok(vec![path]);
        }
        Ok(Vec::new())
    }
}

fn dir_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let mut names: Vec<String> = Vec::new();
    for e in fs_err::read_dir(dir)? {
        names.push(e?.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    for n in names {
        if n.starts_with('.') || n.ends_with('~') {
            continue;
        }
        let p = dir.join(&n);
        let ext = Path::new(&n).extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
        if p.is_dir() && ext.is_empty() {
            dir_files(&p, out)?;
        } else if p.is_file() && (ext.is_empty() || EXTS.contains(&ext.as_str())) {
            out.push(p);
        }
    }
    Ok(())
}

/// Read one vars file: a mapping, or nothing for an empty file.
pub fn read_vars_file(path: &Path) -> Result<Option<Vars>, Error> {
    let shown = path.display().to_string();
    let bytes = fs_err::read(path)?;
    if bytes.starts_with(b"$ANSIBLE_VAULT") {
        return Err(Error::data(format!(
            "{shown}: the file is vault-encrypted; awxm cannot read it without the vault password (encrypt single values with !vault instead)"
        )));
    }
    let text = crate::yaml::utf8_text(bytes, &shown)?;
    let value = match yaml_inv::load(&text, &shown)? {
        yaml_inv::Loaded::Empty => return Ok(None),
        yaml_inv::Loaded::Json(v) => v,
        yaml_inv::Loaded::Yaml(n) => n.to_json_ansible(&shown)?,
    };
    match value {
        Json::Null => Ok(None),
        Json::Object(m) if m.is_empty() => Ok(None),
        Json::Object(m) => Ok(Some(m)),
        Json::Bool(false) => Ok(None),
        Json::String(s) if s.is_empty() => Ok(None),
        Json::Array(a) if a.is_empty() => Ok(None),
        Json::Number(n) if n.as_f64() == Some(0.0) => Ok(None),
        other => Err(Error::data(format!(
            "{shown}: failed to combine variables, expected dicts but got a '{}' and a 'dict'",
            match other {
                Json::Array(_) => "list",
                Json::String(_) => "str",
                Json::Number(_) => "int",
                _ => "bool",
            }
        ))),
    }
}

fn load_all(files: &[PathBuf]) -> Result<Vars, Error> {
    let mut data = Vars::new();
    for f in files {
        if let Some(m) = read_vars_file(f)? {
            for (k, v) in m {
                data.insert(k, v);
            }
        }
    }
    Ok(data)
}

fn safe_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('/') && !name.split('/').any(|c| c == "..")
}

/// Apply `BASE/group_vars` and `BASE/host_vars` to every group and host.
pub fn apply(inv: &mut Inventory, base: &Path) -> Result<(), Error> {
    if let Some(gv) = VarsDir::open(base, "group_vars")? {
        for g in 0..inv.groups.len() {
            let name = inv.groups[g].name.clone();
            if !safe_name(&name) {
                continue;
            }
            let files = gv.find(&name)?;
            if files.is_empty() {
                continue;
            }
            for (k, v) in load_all(&files)? {
                inv.groups[g].vars.insert(k, v);
            }
        }
    }
    if let Some(hv) = VarsDir::open(base, "host_vars")? {
        for h in 0..inv.hosts.len() {
            if !safe_name(&inv.hosts[h].name) {
                continue;
            }
            let files = hv.find(&inv.hosts[h].name)?;
            if files.is_empty() {
                continue;
            }
            for (k, v) in load_all(&files)? {
                inv.hosts[h].vars.insert(k, v);
            }
        }
    }
    Ok(())
}
