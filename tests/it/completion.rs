//! Dynamic shell completion: the shell's hook runs `COMPLETE=SHELL awxm -- WORDS…` and object
//! names come from the database the command would use, read-only; with no database there are
//! no candidates and nothing is created.

use crate::support::*;

/// Ask awxm for the candidates of the last word, as `shell`'s hook does.
fn complete(env: &TestEnv, shell: &str, words: &[&str]) -> Vec<String> {
    let mut c = env.cmd();
    c.env("COMPLETE", shell);
    if shell != "fish" {
        // bash and zsh say which word is being completed (0 is `awxm`); fish cuts at it.
        c.env("_CLAP_COMPLETE_INDEX", words.len().to_string());
    }
    let out = c.arg("--").arg("awxm").args(words).output().unwrap();
    assert_status(&out, 0, words);
    assert_eq!(stderr(&out), "", "{shell} {words:?}");
    // zsh's lines are `value:description`.
    stdout(&out).lines().map(|l| if shell == "zsh" { l.split(':').next().unwrap_or(l) } else { l }.to_string()).collect()
}

fn names(env: &TestEnv, shell: &str, words: &[&str]) -> Vec<String> {
    complete(env, shell, words).into_iter().filter(|w| !w.starts_with('-')).collect()
}

db_test!(object_names_complete_from_the_database, |env| {
    let dir = env.path().join("project");
    env.write("project/site.yml", "- hosts: all\n  tasks: []\n");
    env.apply(&format!(
        "organizations:\n  - name: Alpha\n  - name: Beta\n  - name: Bravo\ninventories:\n  - name: prod\n  - name: stage\n\
         projects:\n  - name: p\n    local_path: {}\njob_templates:\n  - name: deploy\n    project: p\n    playbook: site.yml\n    inventory: prod\n",
        dir.display()
    ));
    for shell in ["bash", "zsh", "fish"] {
        assert_eq!(names(&env, shell, &["show", "organization", ""]), ["Alpha", "Beta", "Bravo"], "{shell}");
        // A prefix filters; the type may be plural or dashed as `show` takes it.
        assert_eq!(names(&env, shell, &["show", "organizations", "B"]), ["Beta", "Bravo"], "{shell}");
        assert_eq!(names(&env, shell, &["delete", "inventory", "st"]), ["stage"], "{shell}");
        assert_eq!(names(&env, shell, &["run_job", "de"]), ["deploy"], "{shell}");
        assert_eq!(names(&env, shell, &["launch", "job_template", ""]), ["deploy"], "{shell}");
        assert_eq!(names(&env, shell, &["deep_copy", "job-template", "d"]), ["deploy"], "{shell}");
        assert_eq!(names(&env, shell, &["inventory_import", "--inventory-name", "p"]), ["prod"], "{shell}");
        assert_eq!(names(&env, shell, &["project_update", ""]), ["p"], "{shell}");
        assert!(names(&env, shell, &["show", "organization", "Z"]).is_empty(), "{shell}");
        // The TYPE word itself.
        assert!(names(&env, shell, &["show", "inv"]).contains(&"inventory".to_string()), "{shell}");
    }
    // A name with a space: bash gets it quoted as the word was typed; zsh and fish quote it themselves.
    env.apply("organizations:\n  - name: Gamma Ray\n");
    let bash = |word: &str| -> String {
        let out = env
            .cmd()
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", "3")
            .env("_CLAP_COMPLETE_COMP_TYPE", "9")
            .args(["--", "awxm", "show", "organization", word])
            .output()
            .unwrap();
        stdout(&out)
    };
    assert_eq!(bash("Ga"), "Gamma\\ Ray");
    assert_eq!(bash("Gamma\\ R"), "Gamma\\ Ray");
    assert_eq!(bash("'Ga"), "'Gamma Ray'");
    assert_eq!(names(&env, "fish", &["show", "organization", "Ga"]), ["Gamma Ray"]);
    // --database on the command line is the database asked (here: one that does not exist).
    let other = format!("sqlite://{}", env.path().join("elsewhere/other.db").display());
    assert!(names(&env, "bash", &["--database", &other, "show", "organization", ""]).is_empty());
    assert!(!env.path().join("elsewhere").exists(), "completion created a directory");
    // Completing changes nothing in the database.
    let before = env.row_counts();
    names(&env, "bash", &["show", "organization", ""]);
    assert_eq!(env.row_counts(), before);
});

#[test]
fn no_database_no_candidates_and_nothing_created() {
    let env = TestEnv::sqlite();
    let listing = || -> Vec<String> {
        let mut v: Vec<String> = walk(env.path());
        v.sort();
        v
    };
    let before = listing();
    for shell in ["bash", "zsh", "fish"] {
        assert!(names(&env, shell, &["show", "organization", ""]).is_empty(), "{shell}");
        assert!(names(&env, shell, &["run_job", ""]).is_empty(), "{shell}");
    }
    // Nor from the default location (no AWXM_DATABASE_URL: the XDG data directory).
    let out = env
        .cmd()
        .env_remove("AWXM_DATABASE_URL")
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "3")
        .args(["--", "awxm", "show", "organization", ""])
        .output()
        .unwrap();
    assert_status(&out, 0, &["default database"]);
    assert!(!stdout(&out).lines().any(|l| !l.starts_with('-')), "{}", stdout(&out));
    // A broken config file: still silent, still nothing.
    env.write("bad.yaml", "nonsense: [");
    let out = env
        .cmd()
        .env("AWXM_CONFIG", env.path().join("bad.yaml"))
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "3")
        .args(["--", "awxm", "show", "organization", ""])
        .output()
        .unwrap();
    assert_status(&out, 0, &["bad config"]);
    assert_eq!(stderr(&out), "");
    std::fs::remove_file(env.path().join("bad.yaml")).unwrap();
    assert_eq!(listing(), before, "completion created files");
    // The registration script is what `completions SHELL` prints, and a stray COMPLETE value
    // that names no shell is ignored.
    let script = env.cmd().env("COMPLETE", "bash").output().unwrap();
    assert_eq!(stdout(&script), stdout(&env.run(&["completions", "bash"])));
    let out = env.cmd().env("COMPLETE", "1").args(["completions", "fish"]).output().unwrap();
    assert_status(&out, 0, &["COMPLETE=1"]);
    assert!(stdout(&out).contains("COMPLETE=fish awxm"), "{}", stdout(&out));
    // --format json typed on the command line wraps the same script (checked against
    // schemas/completions.json); AWXM_FORMAT does not, so `completions bash > FILE` stays a script.
    let doc = env.json(&["completions", "bash"]);
    assert_eq!((doc["shell"].as_str(), doc["script"].as_str()), (Some("bash"), Some(stdout(&script).as_str())), "{doc}");
    let out = env.cmd().env("AWXM_FORMAT", "json").args(["completions", "bash"]).output().unwrap();
    assert_eq!(stdout(&out), stdout(&script));
    let out = env.cmd().args(["--jq", ".shell", "completions", "zsh"]).output().unwrap();
    assert_eq!(stdout(&out).trim(), "zsh");
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        out.push(p.display().to_string());
        if p.is_dir() {
            out.extend(walk(&p));
        }
    }
    out
}
