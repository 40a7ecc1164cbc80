//! Checked-in generated files (completions/, man/) must match what the code generates.
//! Regenerate with `AWXM_BLESS=1 cargo test --test it generated`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::repo;

fn bless() -> bool {
    std::env::var("AWXM_BLESS").as_deref() == Ok("1")
}

fn compare(dir: &Path, want: BTreeMap<String, Vec<u8>>, what: &str) {
    let mut problems = Vec::new();
    if bless() {
        std::fs::create_dir_all(dir).expect("mkdir");
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let p = entry.expect("entry").path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            if !want.contains_key(&name) {
                std::fs::remove_file(&p).expect("remove stale file");
            }
        }
        for (name, bytes) in &want {
            std::fs::write(dir.join(name), bytes).expect("write generated file");
        }
        return;
    }
    for (name, bytes) in &want {
        match std::fs::read(dir.join(name)) {
            Ok(have) if &have == bytes => {}
            Ok(_) => problems.push(format!("{name} differs")),
            Err(_) => problems.push(format!("{name} is missing")),
        }
    }
    if let Ok(rd) = std::fs::read_dir(dir) {
        for entry in rd {
            let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
            if !want.contains_key(&name) {
                problems.push(format!("{name} is stale (no such command any more)"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{what} in {} are out of date: {}\nrun `AWXM_BLESS=1 cargo test --test it generated`",
        dir.display(),
        problems.join(", ")
    );
}

#[test]
fn completions_are_current() {
    use clap_complete::{Generator, Shell};
    let mut want = BTreeMap::new();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell] {
        want.insert(shell.file_name("awxm"), awxm::commands::completions::render(shell));
    }
    compare(&repo().join("completions"), want, "completion scripts");
}

#[test]
fn man_pages_are_current() {
    let tmp = tempfile::tempdir().expect("tempdir");
    clap_mangen::generate_to(awxm::cli::command(), tmp.path()).expect("render man pages");
    let mut want = BTreeMap::new();
    for entry in std::fs::read_dir(tmp.path()).expect("read dir") {
        let p = entry.expect("entry").path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        want.insert(name, std::fs::read(&p).expect("read page"));
    }
    compare(&repo().join("man"), want, "man pages");
}

#[test]
fn every_subcommand_has_examples_and_help() {
    let cmd = awxm::cli::command();
    for sub in cmd.get_subcommands() {
        assert!(sub.get_about().is_some(), "{} has no description", sub.get_name());
        let long = sub.get_after_long_help().map(|s| s.to_string()).unwrap_or_default();
        assert!(long.contains("EXAMPLES"), "{} has no EXAMPLES in its long help", sub.get_name());
    }
}
