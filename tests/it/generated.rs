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

/// Every man page: `awxm.1`, `awxm-<sub>[-<subsub>].1` for each visible (sub)command, as
/// clap_mangen names them, with the help's trailing text split into sections.
fn man_pages() -> BTreeMap<String, Vec<u8>> {
    fn walk(cmd: &clap::Command, want: &mut BTreeMap<String, Vec<u8>>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, want);
        }
        let man = clap_mangen::Man::new(cmd.clone());
        let mut buf = Vec::new();
        man.render(&mut buf).expect("render man page");
        let page = String::from_utf8(buf).expect("UTF-8 man page");
        want.insert(man.get_filename(), sections_from_extra(&page).into_bytes());
    }
    let mut cmd = awxm::cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut want = BTreeMap::new();
    walk(&cmd, &mut want);
    want
}

/// A heading line of the help's trailing text: `EXIT STATUS:`, `JSON OUTPUT (--format json):`
/// (upper-case words, then an optional parenthesis, then a colon ending the line) → (title, the
/// parenthesis).
fn heading(line: &str) -> Option<(&str, Option<&str>)> {
    let label = line.strip_suffix(':')?;
    let (title, paren) = match label.find(" (") {
        Some(i) => (&label[..i], Some(&label[i + 1..])),
        None => (label, None),
    };
    let upper = title.len() >= 2 && title.chars().all(|c| c.is_ascii_uppercase() || c == ' ') && !title.starts_with(' ');
    upper.then_some((title, paren))
}

/// clap_mangen puts `after_long_help` in one "EXTRA" section; make each of its headings
/// (EXAMPLES, EXIT STATUS, ENVIRONMENT, JSON OUTPUT, …) a section of its own, its text kept as
/// written (no-fill: columns stay aligned). Text before the first heading becomes NOTES.
fn sections_from_extra(page: &str) -> String {
    const EXTRA: &str = "\n.SH EXTRA\n";
    let Some(start) = page.find(EXTRA) else { return page.to_string() };
    let body_start = start + EXTRA.len();
    let end = page[body_start..].find("\n.SH ").map(|i| body_start + i + 1).unwrap_or(page.len());
    let mut out = page[..start + 1].to_string();
    let mut open = false;
    for line in page[body_start..end].lines() {
        if let Some((title, paren)) = heading(line) {
            if open {
                out.push_str(".fi\n");
            }
            out.push_str(&format!(".SH \"{title}\"\n.nf\n"));
            if let Some(p) = paren {
                out.push_str(p);
                out.push('\n');
            }
            open = true;
        } else {
            if !open {
                if line.trim().is_empty() {
                    continue;
                }
                out.push_str(".SH NOTES\n.nf\n");
                open = true;
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    if open {
        out.push_str(".fi\n");
    }
    out.push_str(&page[end..]);
    out
}

#[test]
fn man_pages_are_current() {
    compare(&repo().join("man"), man_pages(), "man pages");
}

#[test]
fn man_pages_have_exit_status_and_environment_sections() {
    let pages = man_pages();
    let sections = |name: &str| -> Vec<String> {
        let page = String::from_utf8(pages[name].clone()).unwrap();
        page.lines().filter_map(|l| l.strip_prefix(".SH ")).map(|t| t.trim_matches('"').to_string()).collect()
    };
    let top = sections("awxm.1");
    for want in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS", "EXIT STATUS", "ENVIRONMENT", "VERSION"] {
        assert!(top.iter().any(|s| s == want), "awxm.1 has no {want} section: {top:?}");
    }
    assert!(!top.iter().any(|s| s == "EXTRA"), "{top:?}");
    let cl = sections("awxm-check_license.1");
    for want in ["EXAMPLES", "EXIT STATUS", "NAGIOS OUTPUT", "JSON OUTPUT"] {
        assert!(cl.iter().any(|s| s == want), "awxm-check_license.1 has no {want} section: {cl:?}");
    }
    // No page keeps an EXTRA section, and the exit codes stay in columns (no-fill).
    for (name, page) in &pages {
        let page = String::from_utf8_lossy(page);
        assert!(!page.contains("\n.SH EXTRA\n"), "{name}");
        assert_eq!(page.matches("\n.nf\n").count(), page.matches("\n.fi\n").count(), "{name}");
    }
    let page = String::from_utf8(pages["awxm.1"].clone()).unwrap();
    let exit = &page[page.find(".SH \"EXIT STATUS\"\n.nf\n").unwrap()..];
    assert!(exit.lines().nth(2).unwrap().trim_start().starts_with("0  success"), "{exit}");
    // A man reader renders them as sections, where one is installed.
    if let Ok(out) = std::process::Command::new("man").arg("--version").output()
        && out.status.success()
    {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("awxm.1");
        std::fs::write(&p, &pages["awxm.1"]).unwrap();
        let out =
            std::process::Command::new("man").env("MANWIDTH", "100").env("MAN_KEEP_FORMATTING", "0").arg("-l").arg(&p).output().unwrap();
        // Without a terminal man still emboldens by overstriking (X backspace X): undo it.
        let mut text = String::new();
        for c in String::from_utf8_lossy(&out.stdout).chars() {
            if c == '\u{8}' {
                text.pop();
            } else {
                text.push(c);
            }
        }
        assert!(text.lines().any(|l| l == "EXIT STATUS") && text.lines().any(|l| l == "ENVIRONMENT"), "{text}");
    }
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
