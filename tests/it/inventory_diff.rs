//! The differential suite: for every source in fixtures/inventories/, `awxm inventory_import`
//! followed by `awxm inventory_export` must give what the real `ansible-inventory -i SOURCE
//! --list --export` gives (with AWX's environment): the same groups, hosts, children and
//! variables with their types. Host and child lists are compared as sets (the database keeps
//! no order within a group); variables exactly.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde_json::Value;

use crate::support::*;

fn ansible_env(cmd: &mut std::process::Command, tmp: &Path) {
    let bin = venv_bin();
    cmd.env("ANSIBLE_INVENTORY_UNPARSED_FAILED", "True")
        .env("ANSIBLE_INVENTORY_EXPORT", "True")
        .env("ANSIBLE_VERBOSE_TO_STDERR", "True")
        .env("ANSIBLE_HOST_PATTERN_MISMATCH", "error")
        .env("ANSIBLE_PYTHON_INTERPRETER", bin.join("python3"))
        .env("ANSIBLE_LOCAL_TEMP", tmp)
        .env("ANSIBLE_HOME", tmp)
        .env("ANSIBLE_DEPRECATION_WARNINGS", "False")
        .env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default()));
}

/// `ansible-inventory --list --export` of a source, cached per process (both backends of a
/// test compare against the same run).
pub fn ansible_list(source: &Path) -> Value {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Value>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(v) = cache.lock().expect("cache").get(source) {
        return v.clone();
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = if source.is_dir() { source.to_path_buf() } else { source.parent().expect("parent").to_path_buf() };
    let mut cmd = std::process::Command::new(venv_bin().join("ansible-inventory"));
    cmd.arg("-i").arg(source).arg("--playbook-dir").arg(&dir).arg("--list").arg("--export");
    ansible_env(&mut cmd, tmp.path());
    let out = cmd.output().expect("run ansible-inventory");
    assert!(out.status.success(), "ansible-inventory failed on {}: {}", source.display(), String::from_utf8_lossy(&out.stderr));
    let text = infinity_as_number(&String::from_utf8_lossy(&out.stdout));
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("ansible-inventory output is not JSON ({e}): {}", text));
    cache.lock().expect("cache").insert(source.to_path_buf(), v.clone());
    v
}

/// Python's json writes a float infinity as `Infinity`, which is not JSON; awxm keeps it as the
/// number `1e+999` (read back as infinity by every JSON reader, see src/pynum.rs). Rewrite the
/// bare tokens (outside strings) so the two compare.
fn infinity_as_number(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_str, mut escaped) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !in_str && rest.starts_with("Infinity") {
            out.push_str("1e+999");
            rest = &rest["Infinity".len()..];
            continue;
        }
        if in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
        } else if c == '"' {
            in_str = true;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The comparable shape of a `--list` document.
#[derive(Debug, PartialEq)]
struct Shape {
    groups: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>, Value)>,
    hostvars: BTreeMap<String, Value>,
}

fn shape(doc: &Value) -> Shape {
    let mut groups = BTreeMap::new();
    let mut hostvars = BTreeMap::new();
    let obj = doc.as_object().expect("object");
    let set = |v: Option<&Value>| -> BTreeSet<String> {
        v.and_then(Value::as_array).map(|a| a.iter().map(|x| x.as_str().expect("name").to_string()).collect()).unwrap_or_default()
    };
    let mut mentioned: BTreeSet<String> = BTreeSet::new();
    for (k, v) in obj {
        if k == "_meta" {
            for (h, vars) in v["hostvars"].as_object().expect("hostvars") {
                hostvars.insert(h.clone(), vars.clone());
            }
            continue;
        }
        let children = set(v.get("children"));
        mentioned.extend(children.iter().cloned());
        groups.insert(k.clone(), (set(v.get("hosts")), children, v.get("vars").cloned().unwrap_or(Value::Null)));
    }
    // Groups seen only in children lists (empty groups) exist too.
    for m in mentioned {
        groups.entry(m).or_insert_with(|| (BTreeSet::new(), BTreeSet::new(), Value::Null));
    }
    // Every group is in `all`; Ansible lists a group under `all` also when it was named there
    // explicitly and has another parent, which a database (like AWX's) does not record. Compare
    // `all`'s children as "the groups without another parent".
    let has_other_parent: BTreeSet<String> =
        groups.iter().filter(|(k, _)| k.as_str() != "all").flat_map(|(_, (_, c, _))| c.iter().cloned()).collect();
    if let Some(all) = groups.get_mut("all") {
        all.1.retain(|c| !has_other_parent.contains(c));
    }
    Shape { groups, hostvars }
}

fn explain(want: &Shape, got: &Shape) -> String {
    let mut out = String::new();
    for (g, w) in &want.groups {
        match got.groups.get(g) {
            None => out.push_str(&format!("missing group {g}: {w:?}\n")),
            Some(x) if x != w => out.push_str(&format!("group {g}:\n  ansible: {w:?}\n  awxm:    {x:?}\n")),
            _ => {}
        }
    }
    for g in got.groups.keys() {
        if !want.groups.contains_key(g) {
            out.push_str(&format!("extra group {g}: {:?}\n", got.groups[g]));
        }
    }
    for (h, w) in &want.hostvars {
        match got.hostvars.get(h) {
            None => out.push_str(&format!("missing hostvars {h}: {w}\n")),
            Some(x) if x != w => out.push_str(&format!("hostvars {h}:\n  ansible: {w}\n  awxm:    {x}\n")),
            _ => {}
        }
    }
    for h in got.hostvars.keys() {
        if !want.hostvars.contains_key(h) {
            out.push_str(&format!("extra hostvars {h}: {}\n", got.hostvars[h]));
        }
    }
    out
}

/// Import `rel` (under fixtures/inventories) and compare the export with ansible-inventory.
pub fn differential(env: &TestEnv, rel: &str) {
    let src = fixture(&format!("inventories/{rel}"));
    // `--list` JSON files: ansible reads them through a script that prints them.
    let oracle_src = if rel.starts_with("json/") {
        let script = env.path().join("print-list.sh");
        std::fs::write(&script, format!("#!/bin/sh\nif [ \"$1\" = --host ]; then echo '{{}}'; else exec cat '{}'; fi\n", src.display()))
            .expect("write script");
        let mut p = std::fs::metadata(&script).expect("meta").permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut p, 0o755);
        std::fs::set_permissions(&script, p).expect("chmod");
        script
    } else {
        src.clone()
    };
    let want = ansible_list(&oracle_src);
    let import = || {
        let out = env
            .cmd()
            .env("PATH", format!("{}:{}", venv_bin().display(), std::env::var("PATH").unwrap_or_default()))
            .env("ANSIBLE_LOCAL_TEMP", env.path())
            .env("ANSIBLE_HOME", env.path())
            .args(["--format", "json", "inventory_import", "--inventory-name", "diff", "--create", "--source"])
            .arg(&src)
            .output()
            .expect("run awxm");
        assert_status(&out, 0, &["inventory_import", rel]);
        json_stdout(&["inventory_import"], &out.stdout)
    };
    import();
    let export = env.ok(&["inventory_export", "diff"]);
    let got: Value = json_stdout(&["inventory_export"], export.as_bytes());
    let (w, g) = (shape(&want), shape(&got));
    if w != g {
        panic!("{rel}: awxm differs from ansible-inventory:\n{}", explain(&w, &g));
    }
    // A second import of the same source changes nothing.
    let again = import();
    for k in ["hosts", "groups"] {
        assert_eq!(
            again[k]["added"].as_u64().unwrap_or(9) + again[k]["updated"].as_u64().unwrap_or(9),
            0,
            "{rel}: re-import changed {k}: {again}"
        );
    }
}

macro_rules! diff_test {
    ($($name:ident => $rel:expr),* $(,)?) => {
        $(db_test!($name, |env| { $crate::inventory_diff::differential(&env, $rel); });)*
    };
}

diff_test! {
    ini_basic => "ini/basic.ini",
    ini_ranges => "ini/ranges.ini",
    ini_literal_types => "ini/literal_types.ini",
    ini_quoting => "ini/quoting.ini",
    ini_vars_sections => "ini/vars_sections.ini",
    ini_children_forward => "ini/children_forward.ini",
    ini_ports => "ini/ports.ini",
    ini_group_priority => "ini/group_priority.ini",
    ini_all_section => "ini/all_section.ini",
    ini_comments_crlf => "ini/comments_crlf.ini",
    ini_group_name_chars => "ini/group_name_chars.ini",
    ini_host_group_same_name => "ini/host_group_same_name.ini",
    ini_internal_vars => "ini/internal_vars.ini",
    ini_empty_groups => "ini/empty_groups.ini",
    ini_unicode => "ini/unicode.ini",
    ini_duplicate_hosts => "ini/duplicate_hosts.ini",
    ini_non_utf8_comment => "ini/non_utf8_comment.ini",
    ini_no_extension => "ini/hosts",
    ini_big_range => "ini/big_range.ini",
    ini_big_numbers => "ini/big_numbers.ini",
    yaml_basic => "yaml/basic.yml",
    yaml_scalar_typing => "yaml/scalar_typing.yml",
    yaml_tags => "yaml/tags.yml",
    yaml_anchors_merge => "yaml/anchors_merge.yml",
    yaml_ranges_ports => "yaml/ranges_ports.yml",
    yaml_null_values => "yaml/null_values.yml",
    yaml_duplicate_keys => "yaml/duplicate_keys.yml",
    yaml_string_sections => "yaml/string_sections.yml",
    yaml_top_level_groups => "yaml/top_level_groups.yml",
    yaml_big_numbers => "yaml/big_numbers.yml",
    yaml_unexpected_keys => "yaml/unexpected_keys.yml",
    yaml_json_inventory => "yaml/json_inventory.json",
    yaml_unicode => "yaml/unicode.yml",
    yaml_multiline => "yaml/multiline.yml",
    yaml_priority => "yaml/priority.yml",
    yaml_no_extension => "yaml/inventory",
    yaml_deep_nesting => "yaml/deep_nesting.yml",
    script_with_meta => "script/with_meta.py",
    script_no_meta => "script/no_meta.sh",
    script_legacy_shapes => "script/legacy_shapes.py",
    json_list_form => "json/list_form.json",
    json_list_no_meta => "json/list_no_meta.json",
    json_big_numbers => "json/big_numbers.json",
    dir_multi => "dir/multi",
    dir_ini_with_vars => "dir/ini_with_vars",
    plugin_constructed => "plugin/constructed",
    plugin_toml => "plugin/hosts.toml",
}

// README: `diff <(ansible-inventory -i SRC --list --export) <(awxm inventory_export INV)` is
// clean: the text too, UTF-8 as ansible-core 2.19 prints it (not \u escapes).
#[test]
fn export_text_diffs_cleanly_with_ansible_inventory() {
    let env = TestEnv::sqlite();
    let src = env.write("utf8.ini", "[ä]\nö\nΩ x=1 u=\"é\"\n");
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut cmd = std::process::Command::new(venv_bin().join("ansible-inventory"));
    cmd.arg("-i").arg(&src).arg("--list").arg("--export");
    ansible_env(&mut cmd, tmp.path());
    let out = cmd.output().expect("run ansible-inventory");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    env.ok(&["inventory_import", "--inventory-name", "u", "--create", "--source", src.to_str().unwrap()]);
    let ours = env.ok(&["inventory_export", "u"]);
    assert_eq!(ours.trim_end(), String::from_utf8_lossy(&out.stdout).trim_end());
}
