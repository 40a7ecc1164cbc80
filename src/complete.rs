//! Dynamic shell completion (clap_complete's `CompleteEnv`): the shell's hook runs
//! `COMPLETE=bash awxm -- WORDS…`; clap completes commands, options and fixed values from the
//! command tree (hidden commands, options and aliases left out), and the object names of
//! `show TYPE NAME`, `run_job TEMPLATE`, `inventory_import --inventory-name`, … come from
//! [`names`]: the database the command would use (`--database`, `--config`, `AWXM_*`, the
//! config file, the default, as `Config::resolve`), opened read-only ([`Db::open_read_only`]:
//! no file, directory or schema created, no migration, no write). Any error gives no
//! candidates, silently: completion must never print an error into the shell.
//!
//! `awxm completions SHELL` prints the registration script (the same as `COMPLETE=SHELL awxm`,
//! calling `awxm` from `PATH`); the copies in `completions/` are those scripts.

use std::ffi::{OsStr, OsString};
use std::time::Duration;

use clap_complete::CompletionCandidate;
use clap_complete::env::EnvCompleter;

use crate::config::{Config, Overrides};
use crate::db::{Db, DbOptions};
use crate::resources::types;

/// The environment variable that turns a run into a completion request.
pub const VAR: &str = "COMPLETE";
/// The most names offered for one word.
pub const MAX_CANDIDATES: i64 = 1000;
/// The longest wait for a locked SQLite database while completing.
const LOCK_WAIT: Duration = Duration::from_millis(300);

/// Answer a completion request (`COMPLETE` set to a shell's name) and exit; return for a
/// normal run (also when `COMPLETE` holds anything else: a stray variable must not break awxm).
pub fn handle_request() {
    let Some(shell) = crate::config::env_var(VAR) else { return };
    let stem = std::path::Path::new(&shell).file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    if clap_complete::env::Shells::builtins().completer(&stem).is_none() {
        return;
    }
    clap_complete::CompleteEnv::with_factory(crate::cli::command).var(VAR).bin("awxm").completer("awxm").complete();
}

/// The registration script for `shell` (what `COMPLETE=SHELL awxm` prints).
pub fn registration(shell: clap_complete::Shell) -> Vec<u8> {
    use clap_complete::env::{Bash, Elvish, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::Elvish => &Elvish,
        clap_complete::Shell::PowerShell => &Powershell,
        // A shell clap adds later: the bash hook is the closest.
        _ => &Bash,
    };
    let mut buf = Vec::new();
    if completer.write_registration(VAR, "awxm", "awxm", "awxm", &mut buf).is_err() {
        buf.clear();
    }
    buf
}

/// What a word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An object of the type given by the command's `TYPE` argument (`show`, `delete`,
    /// `deep_copy`, `launch`).
    OfTypeArg,
    /// An object of one resource type (singular name: `job_template`, `inventory`).
    Type(&'static str),
    /// A schedule.
    Schedule,
}

/// The words typed before the one being completed (the shell passes them after `--`; bash and
/// zsh say which word is current in `_CLAP_COMPLETE_INDEX`, fish passes words up to it).
fn words_before_current() -> Vec<OsString> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let Some(pos) = args.iter().position(|a| a == "--") else { return Vec::new() };
    let mut words = args[pos + 1..].to_vec();
    match crate::config::env_var("_CLAP_COMPLETE_INDEX").and_then(|i| i.parse::<usize>().ok()) {
        Some(i) if i <= words.len() => words.truncate(i),
        _ => {
            words.pop();
        }
    }
    words
}

/// The command line so far, parsed as far as it goes: global options and the subcommands.
struct Typed {
    database: Option<String>,
    config: Option<std::path::PathBuf>,
    /// The innermost subcommand's `TYPE` argument, if it has one.
    kind: Option<String>,
}

fn typed(words: Vec<OsString>) -> Option<Typed> {
    let matches = crate::cli::command().ignore_errors(true).try_get_matches_from(words).ok()?;
    let raw = |m: &clap::ArgMatches, id: &str| -> Option<OsString> {
        m.try_get_raw(id).ok().flatten().and_then(|mut v| v.next()).map(|v| v.to_os_string())
    };
    let (mut database, mut config, mut kind) = (None, None, None);
    let mut m = Some(&matches);
    while let Some(cur) = m {
        database = raw(cur, "database").or(database);
        config = raw(cur, "config").or(config);
        kind = raw(cur, "kind").or(kind);
        m = cur.subcommand().map(|(_, sub)| sub);
    }
    Some(Typed {
        database: database.and_then(|d| d.into_string().ok()),
        config: config.map(std::path::PathBuf::from),
        kind: kind.and_then(|k| k.into_string().ok()),
    })
}

/// Candidates for the word `current` naming a `target`: never an error, never a new file.
pub fn names(target: Target, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(word) = current.to_str() else { return Vec::new() };
    let Some(typed) = typed(words_before_current()) else { return Vec::new() };
    // bash (the only hook that sets the completion type) puts the reply in the line as it is:
    // the word arrives as typed (`Beta\ O`, `'Beta O`) and a name goes back quoted.
    let bash = crate::config::env_var("_CLAP_COMPLETE_COMP_TYPE").is_some();
    let (prefix, quote) = if bash { bash_unquote(word) } else { (word.to_string(), None) };
    let found = lookup(target, typed.kind.as_deref(), typed.database, typed.config, &prefix).unwrap_or_default();
    found.into_iter().map(|n| if bash { bash_quote(&n, quote) } else { n }).map(CompletionCandidate::new).collect()
}

/// A word as bash passes it → (its text, the quote it opens with).
fn bash_unquote(word: &str) -> (String, Option<char>) {
    if let Some(q) = word.chars().next().filter(|c| *c == '\'' || *c == '"') {
        return (word[1..].to_string(), Some(q));
    }
    let mut out = String::new();
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    (out, None)
}

/// A name as bash should insert it: in the quote the word opened, else with backslashes.
fn bash_quote(name: &str, quote: Option<char>) -> String {
    match quote {
        Some('\'') if !name.contains('\'') => format!("'{name}'"),
        Some('"') if !name.contains(['"', '\\', '$', '`']) => format!("\"{name}\""),
        _ => {
            let mut out = String::new();
            for c in name.chars() {
                if !(c.is_alphanumeric() || "-_./@:%+,=".contains(c)) {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        }
    }
}

/// The (table, name column) a target's names live in.
fn table_of(target: Target, kind: Option<&str>) -> Option<(&'static str, &'static str)> {
    let schedule = ("schedule", "name");
    match target {
        Target::Schedule => Some(schedule),
        Target::Type(t) => types::find(t).map(|rt| (rt.table, rt.key_column)),
        Target::OfTypeArg => match kind? {
            "schedule" | "schedules" => Some(schedule),
            k => types::find(k).map(|rt| (rt.table, rt.key_column)),
        },
    }
}

/// Names starting with `prefix` from the database the command would use, read-only.
pub fn lookup(
    target: Target,
    kind: Option<&str>,
    database: Option<String>,
    config: Option<std::path::PathBuf>,
    prefix: &str,
) -> Option<Vec<String>> {
    let (table, column) = table_of(target, kind)?;
    let overrides = Overrides { config, database, ..Overrides::default() };
    let config = Config::resolve(&overrides).ok()?;
    let mut pg = config.pg_options();
    // An unreachable server must not hang the shell.
    pg.env.entry("PGCONNECT_TIMEOUT".to_string()).or_insert_with(|| "2".to_string());
    let opts = DbOptions { lock_timeout: LOCK_WAIT, profile: false, pg, create: false };
    let mut db = Db::open_read_only(&config.database_url, opts).ok()?;
    // The table and column come from the resource model, never from the command line.
    let n = prefix.chars().count();
    let sql =
        format!("SELECT DISTINCT {column} AS name FROM {table} WHERE substr({column}, 1, {n}) = $1 ORDER BY 1 LIMIT {MAX_CANDIDATES}");
    db.read(|tx| {
        let mut out = Vec::new();
        tx.query_each(&sql, crate::params![prefix.to_string()], |r| {
            out.push(r.col::<String>("name")?);
            Ok(())
        })?;
        Ok(out)
    })
    .ok()
}

/// `TYPE` words of `show`/`delete`: the resource types and schedules.
pub fn type_names() -> Vec<CompletionCandidate> {
    types::names().into_iter().chain(["schedule"]).map(CompletionCandidate::new).collect()
}

/// Completer of a `TYPE NAME` pair's name.
pub fn of_type_arg(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::OfTypeArg, current)
}
pub fn job_template(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Type("job_template"), current)
}
pub fn workflow_job_template(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Type("workflow_job_template"), current)
}
pub fn inventory(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Type("inventory"), current)
}
pub fn inventory_source(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Type("inventory_source"), current)
}
pub fn project(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Type("project"), current)
}
pub fn instance(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Type("instance"), current)
}
pub fn instance_group(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Type("instance_group"), current)
}
pub fn credential(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Type("credential"), current)
}
pub fn schedule(current: &OsStr) -> Vec<CompletionCandidate> {
    names(Target::Schedule, current)
}

#[cfg(test)]
mod tests {
    use super::{bash_quote, bash_unquote};

    #[test]
    fn bash_words_round_trip() {
        assert_eq!(bash_unquote(r"Beta\ O"), ("Beta O".to_string(), None));
        assert_eq!(bash_unquote("'Beta O"), ("Beta O".to_string(), Some('\'')));
        assert_eq!(bash_unquote("\"B"), ("B".to_string(), Some('"')));
        assert_eq!(bash_unquote("plain"), ("plain".to_string(), None));
        assert_eq!(bash_quote("Beta Org", None), r"Beta\ Org");
        assert_eq!(bash_quote("it's", None), r"it\'s");
        assert_eq!(bash_quote("Beta Org", Some('\'')), "'Beta Org'");
        assert_eq!(bash_quote("it's", Some('\'')), r"it\'s");
        assert_eq!(bash_quote("a b", Some('"')), "\"a b\"");
        assert_eq!(bash_quote("web-1.example.com", None), "web-1.example.com");
    }
}
