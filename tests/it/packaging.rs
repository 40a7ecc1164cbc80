//! Packaging: the `cargo deb` metadata in Cargo.toml installs every file it should (binary, man
//! pages, completions, systemd units, sysusers.d, config), the units agree on one user and one
//! state directory, and `systemd-analyze verify` accepts them (where systemd-analyze exists).
//! A built .deb is checked by `scripts/deb.sh`, which runs `built_deb_holds_the_shipped_files`
//! with `AWXM_TEST_DEB` set.
// A skipped check says so on stderr (cargo test shows it with --nocapture).
#![allow(clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::*;

fn units_dir() -> PathBuf {
    repo().join("contrib/systemd")
}

/// `(name, text)` of every unit file in contrib/systemd.
fn units() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(units_dir())
        .expect("contrib/systemd")
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("service" | "timer")))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    assert!(v.len() >= 10, "{v:?}");
    v
}

/// The values of `key=` in a unit's text (every occurrence, comments skipped).
fn values(text: &str, key: &str) -> Vec<String> {
    text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.strip_prefix(&format!("{key}="))).map(|v| v.trim().to_string()).collect()
}

#[test]
fn units_run_as_one_user_with_one_state_directory() {
    for (name, text) in units().iter().filter(|(n, _)| n.ends_with(".service")) {
        for (key, want) in [
            ("User", "awxm"),
            ("Group", "awxm"),
            ("StateDirectory", "awxm"),
            ("StateDirectoryMode", "0750"),
            ("ConfigurationDirectory", "awxm"),
        ] {
            assert_eq!(values(text, key), [want], "{name}: {key}");
        }
        let exec = values(text, "ExecStart");
        assert_eq!(exec.len(), 1, "{name}");
        assert!(exec[0].starts_with("/usr/bin/awxm "), "{name}: {exec:?}");
        // RestartPreventExitStatus means nothing without Restart=.
        if !values(text, "RestartPreventExitStatus").is_empty() {
            let restart = values(text, "Restart");
            assert!(restart.len() == 1 && restart[0] != "no", "{name}: RestartPreventExitStatus without Restart=");
        }
        // Home directories are protected only where nothing lives there: the awxm user's home is
        // the state directory (sysusers.d), and /etc/awxm/awxm.yaml names every path.
        assert!(values(text, "Environment").iter().all(|e| !e.starts_with("HOME=")), "{name}");
    }
    let names: BTreeSet<String> = units().into_iter().map(|(n, _)| n).collect();
    for timer in names.iter().filter(|n| n.ends_with(".timer")) {
        assert!(names.contains(&timer.replace(".timer", ".service")), "{timer} has no service");
    }
    let sysusers = std::fs::read_to_string(repo().join("contrib/sysusers.d/awxm.conf")).unwrap();
    let user: Vec<&str> = sysusers.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    assert_eq!(user.len(), 1, "{sysusers}");
    assert!(user[0].starts_with("u awxm - ") && user[0].contains(" /var/lib/awxm "), "{}", user[0]);
    let config = std::fs::read_to_string(repo().join("contrib/awxm.yaml")).unwrap();
    for line in ["data_dir: /var/lib/awxm", "secret_key_file: /var/lib/awxm/secret.key", "known_hosts: /var/lib/awxm/known_hosts"] {
        assert!(config.lines().any(|l| l == line), "contrib/awxm.yaml lacks {line}");
    }
}

/// The packaged config file is one awxm reads: `awxm config` resolves its paths.
#[test]
fn packaged_config_file_is_valid() {
    let env = TestEnv::sqlite();
    let out = env
        .cmd()
        .env("AWXM_CONFIG", repo().join("contrib/awxm.yaml"))
        .env_remove("AWXM_DATABASE_URL")
        .env_remove("AWXM_SECRET_KEY_FILE")
        .args(["--format", "json", "config"])
        .output()
        .unwrap();
    assert_status(&out, 0, &["config"]);
    let v: Value = json_stdout(&["config"], &out.stdout);
    let text = v.to_string();
    assert!(text.contains("sqlite:///var/lib/awxm/awxm.db"), "{text}");
    assert_eq!(
        (v["data_dir"].as_str(), v["secret_key_file"].as_str(), v["known_hosts"].as_str()),
        (Some("/var/lib/awxm"), Some("/var/lib/awxm/secret.key"), Some("/var/lib/awxm/known_hosts")),
        "{text}"
    );
}

#[test]
fn units_pass_systemd_analyze_verify() {
    let Ok(out) = Command::new("systemd-analyze").arg("--version").output() else {
        eprintln!("skipped: no systemd-analyze on this machine");
        return;
    };
    assert!(out.status.success());
    // Copies whose ExecStart is the binary under test (verify checks that it is executable).
    let tmp = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_awxm");
    let mut files = Vec::new();
    for (name, text) in units() {
        let p = tmp.path().join(&name);
        std::fs::write(&p, text.replace("/usr/bin/awxm", bin)).unwrap();
        files.push(p);
    }
    let verify = |files: &[PathBuf]| Command::new("systemd-analyze").args(["verify", "--man=no"]).args(files).output().unwrap();
    let out = verify(&files);
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "systemd-analyze verify: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    // The check can fail here: an unknown key and a missing binary are reported.
    let bad = tmp.path().join("awxm-bad.service");
    std::fs::write(&bad, "[Service]\nType=oneshot\nRestartPrevent=2\nExecStart=/nonexistent/awxm heartbeat\n").unwrap();
    let out = verify(&[bad]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("RestartPrevent") && err.contains("/nonexistent/awxm"), "{err}");
}

/// The deb assets as cargo-deb expands them: (source, destination, mode), globs expanded, a
/// destination ending in `/` joined with the file name; conf-files; maintainer-scripts.
fn deb_metadata() -> (Vec<(String, String, String)>, Vec<String>, String) {
    let script = r#"
import glob, json, os, tomllib
m = tomllib.load(open("Cargo.toml", "rb"))["package"]["metadata"]["deb"]
out = []
for src, dest, mode in m["assets"]:
    files = [src] if src.startswith("target/") else sorted(glob.glob(src))
    assert files, "no file matches " + src
    for f in files:
        out.append([f, dest + os.path.basename(f) if dest.endswith("/") else dest, mode])
print(json.dumps({"assets": out, "conf_files": m.get("conf-files", []), "scripts": m.get("maintainer-scripts", "")}))
"#;
    let out = Command::new(test_python()).args(["-c", script]).current_dir(repo()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let assets = v["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a[0].as_str().unwrap().to_string(), a[1].as_str().unwrap().to_string(), a[2].as_str().unwrap().to_string()))
        .collect();
    let conf = v["conf_files"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect();
    (assets, conf, v["scripts"].as_str().unwrap().to_string())
}

/// What the package must install: destination → source.
fn expected_files() -> BTreeMap<String, String> {
    let mut want = BTreeMap::new();
    want.insert("usr/bin/awxm".to_string(), "target/release/awxm".to_string());
    for entry in std::fs::read_dir(repo().join("man")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        want.insert(format!("usr/share/man/man1/{name}"), format!("man/{name}"));
    }
    for entry in std::fs::read_dir(repo().join("schemas")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        want.insert(format!("usr/share/awxm/schemas/{name}"), format!("schemas/{name}"));
    }
    for (name, _) in units() {
        want.insert(format!("lib/systemd/system/{name}"), format!("contrib/systemd/{name}"));
    }
    for (dest, src) in [
        ("usr/share/bash-completion/completions/awxm", "completions/awxm.bash"),
        ("usr/share/zsh/vendor-completions/_awxm", "completions/_awxm"),
        ("usr/share/fish/vendor_completions.d/awxm.fish", "completions/awxm.fish"),
        ("usr/lib/sysusers.d/awxm.conf", "contrib/sysusers.d/awxm.conf"),
        ("etc/awxm/awxm.yaml", "contrib/awxm.yaml"),
    ] {
        want.insert(dest.to_string(), src.to_string());
    }
    want
}

#[test]
fn deb_metadata_installs_every_shipped_file() {
    let (assets, conf, scripts) = deb_metadata();
    let have: BTreeMap<String, String> = assets.iter().map(|(s, d, _)| (d.clone(), s.clone())).collect();
    assert_eq!(have.len(), assets.len(), "two assets with one destination: {assets:?}");
    for (dest, src) in expected_files() {
        assert_eq!(have.get(&dest), Some(&src), "{dest}");
        if !src.starts_with("target/") {
            assert!(repo().join(&src).is_file(), "{src}");
        }
    }
    for (src, dest, mode) in &assets {
        let want = if dest.starts_with("usr/bin/") { "755" } else { "644" };
        assert_eq!(mode, want, "{src} -> {dest}");
    }
    assert_eq!(conf, ["/etc/awxm/awxm.yaml"]);
    let postinst = repo().join(&scripts).join("postinst");
    let text = std::fs::read_to_string(&postinst).unwrap();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&postinst).unwrap().permissions().mode() & 0o111, 0o111, "postinst is not executable");
    assert!(text.contains("systemd-sysusers awxm.conf") && text.contains("install -d -o awxm -g awxm -m 0750 /var/lib/awxm"), "{text}");
    let sh = Command::new("sh").arg("-n").arg(&postinst).output().unwrap();
    assert!(sh.status.success(), "postinst: {}", String::from_utf8_lossy(&sh.stderr));
}

/// The file list of a built package (`scripts/deb.sh` builds it and sets AWXM_TEST_DEB).
#[test]
fn built_deb_holds_the_shipped_files() {
    let Some(deb) = std::env::var_os("AWXM_TEST_DEB").map(PathBuf::from) else {
        eprintln!("skipped: AWXM_TEST_DEB is not set (scripts/deb.sh builds the package and sets it)");
        return;
    };
    let out = Command::new("dpkg-deb").arg("--contents").arg(&deb).output().expect("dpkg-deb");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listing = String::from_utf8_lossy(&out.stdout);
    // "-rw-r--r-- root/root  1234 2026-01-01 00:00 ./usr/bin/awxm"
    let files: BTreeMap<String, String> = listing
        .lines()
        .filter(|l| l.starts_with('-'))
        .map(|l| {
            let path = l.split_whitespace().last().unwrap().trim_start_matches("./").to_string();
            (path, l[..10].to_string())
        })
        .collect();
    for dest in expected_files().keys() {
        // cargo-deb compresses man pages.
        let found = files.get(dest).or_else(|| files.get(&format!("{dest}.gz")));
        let mode = found.unwrap_or_else(|| panic!("{dest} is not in {}:\n{listing}", deb.display()));
        let want = if dest == "usr/bin/awxm" { "-rwxr-xr-x" } else { "-rw-r--r--" };
        assert_eq!(mode, want, "{dest}");
    }
    let control = Command::new("dpkg-deb").arg("--info").arg(&deb).output().unwrap();
    let info = String::from_utf8_lossy(&control.stdout);
    assert!(info.contains("Package: awxm") && info.contains("postinst") && info.contains("conffiles"), "{info}");
    let size = std::fs::metadata(Path::new(&deb)).unwrap().len();
    eprintln!("{}: {} bytes", deb.display(), size);
}
