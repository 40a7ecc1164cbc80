//! Reading an inventory source into the model: which reader handles what, in Ansible's order.
//!
//! A file goes through the plugin chain Ansible enables by default — script (executable), auto
//! (a `.yml`/`.yaml` plugin config), yaml (no extension, `.yml`, `.yaml`, `.json`), ini
//! (anything but `.toml`), toml — and the first that succeeds wins. A directory is read entry by
//! entry in sorted order, skipping what Ansible ignores (hidden names, `group_vars`,
//! `host_vars`, `vars_plugins`, and `.pyc .pyo .swp .bak ~ .rpm .md .txt .rst .orig .cfg
//! .retry`), recursively. Then `group_vars/`/`host_vars/` next to the source apply.
//!
//! Plugin configs (`plugin: aws_ec2`, `constructed`, ...) and TOML need Ansible itself: when
//! a source contains one, the whole source is read through `ansible-inventory --list
//! --export` with AWX's environment (`--use-ansible-inventory` forces that for any source).
//!
//! Stricter than Ansible: a file no reader can parse is an error (65), also inside a
//! directory — Ansible only warns there, and an import with `--overwrite` would then delete
//! everything that file used to define.

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use super::model::Inventory;
use super::process::{self, RunOpts};
use super::{ini, script, vars_files, yaml_inv};
use crate::error::{Error, ErrorKind};

/// How a source was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    Ini,
    Yaml,
    Json,
    Script,
    Directory,
    HostList,
    Stdin,
    AnsibleInventory,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Ini => "ini",
            Method::Yaml => "yaml",
            Method::Json => "json",
            Method::Script => "script",
            Method::Directory => "directory",
            Method::HostList => "host-list",
            Method::Stdin => "stdin",
            Method::AnsibleInventory => "ansible-inventory",
        }
    }

    /// The `inventory_source.source` value for this method.
    pub fn source_kind(self) -> &'static str {
        match self {
            Method::Script => "script",
            Method::Directory => "directory",
            Method::AnsibleInventory => "ansible-inventory",
            _ => "file",
        }
    }
}

#[derive(Clone, Default)]
pub struct LoadOptions {
    pub run: RunOpts,
    /// `ansible-inventory` to use for plugin sources (default: from PATH).
    pub ansible_inventory: Option<PathBuf>,
    /// Read every source through `ansible-inventory`.
    pub force_ansible: bool,
    /// awxm's verbosity (ansible-inventory gets `-v` flags to match).
    pub verbosity: u8,
}

pub struct Loaded {
    pub inventory: Inventory,
    pub method: Method,
    /// Why ansible-inventory was used (a plugin file found in the source).
    pub delegated_because: Option<String>,
}

/// A file that needs Ansible itself.
struct NeedsAnsible(String);

enum Failure {
    Error(Error),
    Ansible(NeedsAnsible),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Error(e)
    }
}

const IGNORED_EXTS: &[&str] = &[".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".cfg", ".retry"];

/// Ansible's `IGNORED` pattern for directory entries.
pub fn ignored(name: &str) -> bool {
    name.starts_with('.') || matches!(name, "host_vars" | "group_vars" | "vars_plugins") || IGNORED_EXTS.iter().any(|e| name.ends_with(e))
}

fn ext_of(path: &Path) -> String {
    // os.path.splitext: the extension of the last component, "" for a leading-dot name.
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let trimmed = name.trim_start_matches('.');
    match trimmed.rfind('.') {
        Some(i) => trimmed[i..].to_string(),
        None => String::new(),
    }
}

/// Read `source` (a path, `-` for stdin, or a comma-separated host list).
pub fn load(source: &str, opts: &LoadOptions) -> Result<Loaded, Error> {
    if source == "-" {
        let bytes = process::read_source(process::Input::Stdin, &opts.run)?;
        let text = crate::yaml::utf8_text(bytes, "<stdin>")?;
        let mut inv = Inventory::new();
        load_text(&mut inv, &text, "<stdin>")?;
        inv.reconcile();
        inv.finish_for_export();
        return Ok(Loaded { inventory: inv, method: Method::Stdin, delegated_because: None });
    }
    let path = Path::new(source);
    if !path.exists() && !path.is_symlink() {
        if source.contains(',') {
            let mut inv = Inventory::new();
            host_list(&mut inv, source);
            inv.reconcile();
            inv.finish_for_export();
            return Ok(Loaded { inventory: inv, method: Method::HostList, delegated_because: None });
        }
        return Err(Error::not_found(format!("Source does not exist: {source}")));
    }
    if opts.force_ansible {
        return ansible_inventory(path, opts, None);
    }
    let mut inv = Inventory::new();
    let result = if path.is_dir() {
        load_dir(&mut inv, path, opts, &mut Vec::new()).map(|_| Method::Directory)
    } else {
        load_file(&mut inv, path, opts)
    };
    match result {
        Ok(method) => {
            opts.run.check()?;
            inv.reconcile();
            let base = if path.is_dir() { path.to_path_buf() } else { path.parent().map(Path::to_path_buf).unwrap_or_default() };
            vars_files::apply(&mut inv, &base)?;
            inv.finish_for_export();
            Ok(Loaded { inventory: inv, method, delegated_because: None })
        }
        Err(Failure::Ansible(NeedsAnsible(why))) => ansible_inventory(path, opts, Some(why)),
        Err(Failure::Error(e)) => Err(e),
    }
}

/// `host_list` plugin: `a,b:2222,c`.
fn host_list(inv: &mut Inventory, source: &str) {
    let fid = inv.file_id("<host list>");
    for h in source.split(',') {
        let h = h.trim();
        if h.is_empty() {
            continue;
        }
        let (name, port) = match super::pattern::parse_address(h) {
            Some((n, p)) if !n.contains('[') => (n, p),
            _ => (h.to_string(), None),
        };
        if inv.host(&name).is_none() {
            let ug = Some(super::model::UNGROUPED);
            inv.add_host(&name, ug, port, super::model::Origin { file: fid, line: 0 });
        }
    }
}

/// Text from stdin: `--list` JSON, a YAML/JSON inventory, or INI.
fn load_text(inv: &mut Inventory, text: &str, what: &str) -> Result<(), Error> {
    if let Ok(mut v) = serde_json::from_str::<Json>(text)
        && script::is_list_form(&v)
    {
        crate::pynum::normalize(&mut v);
        return script::parse_list(inv, &v, what, None);
    }
    if let Ok(l) = yaml_inv::load(text, what) {
        let is_map = match &l {
            yaml_inv::Loaded::Json(v) => v.is_object(),
            yaml_inv::Loaded::Yaml(n) => matches!(n.kind, crate::yaml::NodeKind::Map(_)),
            yaml_inv::Loaded::Empty => false,
        };
        match yaml_inv::parse(inv, &l, what) {
            Ok(()) => return Ok(()),
            Err(e) if is_map => return Err(e),
            Err(_) => {}
        }
    }
    ini::parse(inv, text, what)
}

fn load_dir(inv: &mut Inventory, dir: &Path, opts: &LoadOptions, visiting: &mut Vec<PathBuf>) -> Result<(), Failure> {
    // A symlink back to an enclosing directory would recurse forever: read each directory once.
    let real = fs_err::canonicalize(dir).map_err(Error::from)?;
    if visiting.contains(&real) {
        inv.warn(format!("{}: directory already being read (symlink loop), skipped", dir.display()));
        return Ok(());
    }
    visiting.push(real);
    let mut names: Vec<std::ffi::OsString> = Vec::new();
    for e in fs_err::read_dir(dir).map_err(Error::from)? {
        names.push(e.map_err(Error::from)?.file_name());
    }
    // Python sorts the byte strings.
    names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
    for n in names {
        let name = n.to_string_lossy();
        if ignored(&name) {
            continue;
        }
        opts.run.check()?;
        let p = dir.join(&n);
        if p.is_dir() {
            load_dir(inv, &p, opts, visiting)?;
        } else if p.exists() {
            load_file(inv, &p, opts)?;
        }
    }
    visiting.pop();
    Ok(())
}

/// One file through the plugin chain.
fn load_file(inv: &mut Inventory, path: &Path, opts: &LoadOptions) -> Result<Method, Failure> {
    let shown = path.display().to_string();
    let ext = ext_of(path);
    let mut failures: Vec<(u8, Error)> = Vec::new(); // (priority, error)

    // script
    if process::is_runnable(path) {
        match script::load_script(inv, path, &opts.run) {
            Ok(()) => return Ok(Method::Script),
            Err(e) if matches!(e.kind, ErrorKind::Interrupted | ErrorKind::Failure) => return Err(e.into()),
            Err(e) => failures.push((3, e)),
        }
    }
    if ext == ".toml" {
        return Err(Failure::Ansible(NeedsAnsible(format!("{shown} is a TOML inventory"))));
    }
    let bytes = process::read_source(process::Input::File(path), &opts.run)?;
    let yaml_ok = ext.is_empty() || matches!(ext.as_str(), ".yml" | ".yaml" | ".json");
    if yaml_ok {
        match std::str::from_utf8(&bytes) {
            Ok(text) => match yaml_inv::load(text, &shown) {
                Ok(loaded) => {
                    // auto: a plugin configuration.
                    if matches!(ext.as_str(), ".yml" | ".yaml")
                        && let Some(p) = plugin_name(&loaded, &shown)
                    {
                        return Err(Failure::Ansible(NeedsAnsible(format!("{shown} configures the inventory plugin {p:?}"))));
                    }
                    if let yaml_inv::Loaded::Json(v) = &loaded
                        && script::is_list_form(v)
                    {
                        match script::parse_list(inv, v, &shown, None) {
                            Ok(()) => return Ok(Method::Json),
                            Err(e) => failures.push((2, e)),
                        }
                    } else {
                        let is_map = match &loaded {
                            yaml_inv::Loaded::Json(v) => v.is_object(),
                            yaml_inv::Loaded::Yaml(n) => matches!(n.kind, crate::yaml::NodeKind::Map(_)),
                            yaml_inv::Loaded::Empty => false,
                        };
                        match yaml_inv::parse(inv, &loaded, &shown) {
                            Ok(()) => return Ok(if matches!(loaded, yaml_inv::Loaded::Json(_)) { Method::Json } else { Method::Yaml }),
                            Err(e) => failures.push((if is_map || !ext.is_empty() { 2 } else { 0 }, e)),
                        }
                    }
                }
                Err(e) => failures.push((if ext.is_empty() { 0 } else { 2 }, e)),
            },
            Err(e) => failures.push((if ext.is_empty() { 0 } else { 2 }, crate::yaml::utf8_error(&bytes, e, &shown))),
        }
    }
    // ini
    match ini::decode(&bytes, &shown).and_then(|text| ini::parse(inv, &text, &shown)) {
        Ok(()) => return Ok(Method::Ini),
        Err(e) => failures.push((1, e)),
    }
    let best = failures.into_iter().enumerate().max_by_key(|(i, (p, _))| (*p, usize::MAX - *i)).map(|(_, (_, e))| e);
    Err(Failure::Error(best.unwrap_or_else(|| Error::data(format!("{shown}: no inventory reader could parse this file")))))
}

/// The truthy `plugin:` of a YAML document, if any.
fn plugin_name(loaded: &yaml_inv::Loaded, file: &str) -> Option<String> {
    let doc = match loaded {
        yaml_inv::Loaded::Json(v) => yaml_inv::Doc::J(v),
        yaml_inv::Loaded::Yaml(n) => yaml_inv::Doc::Y(n),
        yaml_inv::Loaded::Empty => return None,
    };
    if !doc.is_map() {
        return None;
    }
    let p = doc.get("plugin", file).ok()??;
    if !p.truthy(file).ok()? {
        return None;
    }
    Some(p.to_json(file).ok().map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())).unwrap_or_default())
}

/// Locate `ansible-inventory`.
pub fn find_ansible_inventory(given: Option<&Path>) -> Result<PathBuf, Error> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let c = dir.join("ansible-inventory");
            if c.is_file() {
                return Ok(c);
            }
        }
    }
    Err(Error::unavailable(
        "ansible-inventory was not found on PATH (needed for inventory plugin sources); install ansible-core or pass --ansible-inventory PATH",
    ))
}

/// AWX's environment for `ansible-inventory` (`STANDARD_INVENTORY_UPDATE_ENV`).
pub const ANSIBLE_ENV: &[(&str, &str)] = &[
    ("ANSIBLE_INVENTORY_UNPARSED_FAILED", "True"),
    ("ANSIBLE_INVENTORY_EXPORT", "True"),
    ("ANSIBLE_VERBOSE_TO_STDERR", "True"),
    ("ANSIBLE_HOST_PATTERN_MISMATCH", "error"),
];

/// Read a source through `ansible-inventory -i SRC --playbook-dir DIR --list --export`.
fn ansible_inventory(path: &Path, opts: &LoadOptions, why: Option<String>) -> Result<Loaded, Error> {
    let bin = find_ansible_inventory(opts.ansible_inventory.as_deref())?;
    let src = path.display().to_string();
    let pb_dir = if path.is_dir() { path.to_path_buf() } else { path.parent().map(Path::to_path_buf).unwrap_or_default() };
    let pb = pb_dir.display().to_string();
    let mut args: Vec<String> = vec!["-i".into(), src.clone(), "--playbook-dir".into(), pb, "--list".into(), "--export".into()];
    if opts.verbosity > 0 {
        args.push(format!("-{}", "v".repeat((2 * opts.verbosity as usize + 1).min(5))));
    }
    let mut run = opts.run.clone();
    for (k, v) in ANSIBLE_ENV {
        run.env.push((k.to_string(), v.to_string()));
    }
    // Ansible refuses to start without a UTF-8 locale (cron often has none).
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|k| crate::config::env_var(k)).unwrap_or_default().to_lowercase();
    if !(locale.contains("utf-8") || locale.contains("utf8")) {
        run.env.push(("LC_ALL".into(), "C.UTF-8".into()));
    }
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let what = format!("ansible-inventory -i {src}");
    let out = process::run(&bin, &argv, None, &run)?;
    if out.status != 0 {
        let mut e = Error::data(format!("{what} failed (rc={})", out.status));
        for l in process::stderr_tail(&out.stderr, 15) {
            e = e.detail(l);
        }
        return Err(e);
    }
    let data = script::parse_output(&out, &what)?;
    let mut inv = Inventory::new();
    script::parse_list(&mut inv, &data, &what, None)?;
    // The output's own warnings (deprecations) are ansible's business; keep its stderr short.
    for l in process::stderr_tail(&out.stderr, 5) {
        if l.contains("WARNING") {
            inv.warn(l.trim_start_matches("stderr: ").to_string());
        }
    }
    inv.reconcile();
    inv.finish_for_export();
    Ok(Loaded { inventory: inv, method: Method::AnsibleInventory, delegated_because: why })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_rules() {
        for n in [".git", "group_vars", "host_vars", "x.txt", "a.retry", "b~", "c.md", "d.cfg"] {
            assert!(ignored(n), "{n}");
        }
        for n in ["hosts", "a.yml", "b.ini", "c.json", "script.py", "group_vars.yml"] {
            assert!(!ignored(n), "{n}");
        }
    }

    #[test]
    fn extensions_like_splitext() {
        assert_eq!(ext_of(Path::new("/a/b.yml")), ".yml");
        assert_eq!(ext_of(Path::new("/a/.hidden")), "");
        assert_eq!(ext_of(Path::new("/a/x.tar.gz")), ".gz");
        assert_eq!(ext_of(Path::new("/a/hosts")), "");
    }
}
