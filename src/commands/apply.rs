//! `awxm apply -f FILE...`: create or update resources, idempotently, in one transaction.

use std::io::Read;
use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{Human, Report};
use crate::resources::{self, Action, Change, Item, types};
use crate::yaml::{Node, NodeKind};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm apply -f site.yaml
  awxm export | awxm apply -f -          # a round trip changes nothing
  awxm apply -f new.yaml --dry-run       # report what would change

FILE SHAPE:
  A mapping from plural type name to a list of objects; related objects are named by `name`.
  Types: organizations, users, teams, credentials, projects, inventories (with hosts and
  groups), inventory_sources, instances, instance_groups, notification_templates,
  job_templates, workflow_job_templates (with nodes), system_job_templates, schedules
  (see SCHEDULES), roles. Job templates, inventories and
  organizations take `instance_groups: [names]`, tried in that order when a job is placed (an
  instance group defined in the same apply may be named). Several YAML documents may be
  given in one file. Secret credential inputs are encrypted at rest; `$encrypted$` keeps the
  stored secret. Refused before anything is written (exit 65, file:line): nesting deeper
  than 100 levels, a file over 256 MiB, a key given twice in one mapping, a format_version
  other than 1, a user whose name and username differ, a workflow whose links close a cycle;
  a NUL character in a name or other text is refused too (exit 65, nothing written).

SURVEYS (job_templates, workflow_job_templates):
  `survey_spec` is {} (no survey) or {name, description, spec: [question, ...]}, checked as
  AWX checks it, with AWX's messages. A question has `type` (text, textarea, password,
  multiplechoice, multiselect, integer, float), `question_name`, `variable` (unique) and
  `required` (true/false); `default` must fit the type (text for text and choice types, an
  integer for integer, a number for float; '' fits all); `min`/`max` are integers (text
  length or number bounds); choice types need `choices` (a list or lines of text) and their
  default must be among them (one line for multiplechoice). At launch a required question
  must be answered; an unanswered one gets its default only if the default passes the
  question's rules. A password question may not have a default (awxm stores no secret in a
  template); password answers are kept encrypted and shown as $encrypted$.

SCHEDULES:
  A schedule names its template (`unified_job_template: {type: job_template, name: deploy}`, or
  one key `job_template: deploy`, `project`, `inventory_source`, `system_job_template`,
  `workflow_job_template`) and is matched by template and name. `rrule` is AWX's rule
  (`awxm schedule --help`), checked with AWX's messages; `enabled` (true), `description`,
  `max_lateness` (seconds, 0 = no limit: skip an occurrence found later than that), and the
  prompts the template asks for: `extra_data`, `inventory`, `credentials`, `limit`,
  `scm_branch`, `job_tags`, `skip_tags`, `job_type`, `verbosity`, `forks`, `timeout`,
  `diff_mode` (a system job takes `extra_data: {days: N}`; projects with SCM and inventory
  sources take none; a manual project cannot be scheduled).

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"dry_run\": false, \"created\": N, \"updated\": N, \"unchanged\": N,
   \"removed\": N, \"changes\": [{\"type\": \"inventory\", \"name\": \"web\", \"action\": \"created\"}]}
  `changes` lists every object of the files with its action (created, updated, unchanged, removed).

An invalid file exits 65 naming file, line and field, and writes nothing.")]
pub struct Args {
    /// Resource file (YAML or JSON); `-` reads stdin. May be repeated.
    #[arg(short = 'f', long = "file", value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Compute and report the changes, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Serialize)]
pub struct ApplyReport {
    pub dry_run: bool,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub changes: Vec<Change>,
}

impl Report for ApplyReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let changed: Vec<&Change> = self.changes.iter().filter(|c| c.action != Action::Unchanged).collect();
        if !changed.is_empty() {
            out.table(
                &["TYPE", "NAME", "ACTION"],
                changed.iter().map(|c| vec![c.kind.clone(), c.name.clone(), format!("{:?}", c.action).to_lowercase()]),
            )?;
        }
        out.line(format!(
            "{}{} created, {} updated, {} unchanged, {} removed",
            if self.dry_run { "dry run (nothing written): " } else { "" },
            self.created,
            self.updated,
            self.unchanged,
            self.removed
        ))
    }
}

/// A parsed input: its name (for messages) and documents.
pub struct Source {
    pub name: String,
    pub docs: Vec<Node>,
}

/// The largest resource file read (a wrong path such as /dev/urandom, or `yes |`, must not
/// fill the memory).
pub const MAX_INPUT: u64 = 256 << 20;

pub fn read_source(path: &PathBuf) -> Result<Source> {
    let (name, bytes) = if path.as_os_str() == "-" {
        let b = read_capped(std::io::stdin().lock(), "<stdin>", MAX_INPUT).map_err(|e| Error::io(format!("reading stdin: {e}")))?;
        ("<stdin>".to_string(), b)
    } else {
        let name = path.display().to_string();
        let f = std::fs::File::open(path).map_err(|e| Error::io_at(path, &e))?;
        (name.clone(), read_capped(f, &name, MAX_INPUT).map_err(|e| Error::io_at(path, &e))?)
    };
    let bytes = bytes?;
    let text = crate::yaml::utf8_text(bytes, &name)?;
    let mut docs = crate::yaml::parse_documents(&text, &name)?;
    for doc in &docs {
        check_storable(doc, &name)?;
    }
    // A JSON file (`awxm export --format json`) is read with JSON's number syntax.
    if serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok() {
        docs.iter_mut().for_each(crate::yaml::mark_json_floats);
    }
    Ok(Source { name, docs })
}

/// At most `cap` bytes of `r`: the bytes, or a data error when there are more.
fn read_capped(r: impl Read, name: &str, cap: u64) -> std::io::Result<Result<Vec<u8>>> {
    let mut b = Vec::new();
    r.take(cap + 1).read_to_end(&mut b)?;
    if b.len() as u64 > cap {
        return Ok(Err(Error::data(format!("{name}: larger than {}; a resource file is read whole", crate::output::human_bytes(cap)))));
    }
    Ok(Ok(b))
}

/// The deepest nesting a resource file may have (the file's own levels included). Stored
/// documents (variables, extra vars, survey specs) are read back with serde_json, which
/// stops at 128 levels; a deeper value would be stored and then break `list`, `show` and
/// `export`.
pub const MAX_DEPTH: usize = 100;

/// Refuse what awxm could not read back, or would read differently from what was written:
/// nesting deeper than [`MAX_DEPTH`], and a key given twice in one mapping (YAML readers keep
/// the last silently; a second `variables:` further down would drop the first). (A NUL
/// character is refused where it would be stored as text, by the database layer; inside
/// variables it is stored escaped, as JSON.)
fn check_storable(doc: &Node, file: &str) -> Result<()> {
    let mut stack = vec![(doc, 1usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(Error::at(file, node.line, format!("nested deeper than {MAX_DEPTH} levels")));
        }
        match &node.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Seq(items) => stack.extend(items.iter().map(|n| (n, depth + 1))),
            NodeKind::Map(pairs) => {
                let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::with_capacity(pairs.len());
                for (k, _) in pairs.iter().filter(|(k, _)| !crate::yaml::is_merge_key(k)) {
                    if let Some(key) = k.as_str()
                        && let Some(first) = seen.insert(key, k.line)
                    {
                        return Err(Error::at(file, k.line, format!("{key:?} is given twice in one mapping (first at line {first})")));
                    }
                }
                stack.extend(pairs.iter().flat_map(|(k, v)| [(k, depth + 1), (v, depth + 1)]));
            }
        }
    }
    Ok(())
}

struct Pending<'a> {
    rt: Option<&'static resources::ResourceType>,
    /// An item of `schedules` (else, without a type, of `roles`).
    schedule: bool,
    item: Item<'a>,
}

/// Split documents into items per type, checking the top-level shape.
fn collect<'a>(sources: &'a [Source]) -> Result<Vec<Pending<'a>>> {
    let mut out = Vec::new();
    for src in sources {
        for doc in &src.docs {
            if doc.is_null() {
                continue;
            }
            let NodeKind::Map(pairs) = &doc.kind else {
                return Err(Error::at(
                    &src.name,
                    doc.line,
                    "a resource file is a mapping from type (e.g. inventories) to a list of objects",
                ));
            };
            for (k, v) in pairs {
                let key = k.as_str().unwrap_or_default();
                if key == "format_version" {
                    if v.as_str() != Some("1") {
                        return Err(Error::at(&src.name, v.line, "format_version: this awxm reads resource files of format_version 1"));
                    }
                    continue;
                }
                let rt = if key == "roles" || key == "schedules" {
                    None
                } else {
                    Some(types::ALL.iter().copied().find(|t| t.plural == key).ok_or_else(|| {
                        let known: Vec<&str> = types::ALL.iter().map(|t| t.plural).chain(["schedules", "roles"]).collect();
                        Error::at(&src.name, k.line, format!("unknown resource type {key:?} (expected one of: {})", known.join(", ")))
                    })?)
                };
                let items: Vec<&Node> = match &v.kind {
                    NodeKind::Seq(items) => items.iter().collect(),
                    _ if v.is_null() => Vec::new(),
                    _ => return Err(Error::at(&src.name, v.line, format!("{key}: expected a list of objects"))),
                };
                for (i, node) in items.into_iter().enumerate() {
                    let label = format!("{key}[{i}]");
                    let data = match node.to_json(&src.name)? {
                        Json::Object(m) => m,
                        _ => return Err(Error::at(&src.name, node.line, format!("{label}: expected a mapping"))),
                    };
                    out.push(Pending { rt, schedule: key == "schedules", item: Item { file: &src.name, node, data, label } });
                }
            }
        }
    }
    Ok(out)
}

/// Apply parsed sources inside `tx`. Shared by `apply` and tests.
pub fn apply_sources(tx: &mut crate::db::Tx<'_>, secrets: &crate::crypto::Secrets, sources: &[Source]) -> Result<Vec<Change>> {
    let pending = collect(sources)?;
    let mut changes = Vec::new();
    // Every object applied, with its change's index, for the late links below.
    let mut applied: Vec<(usize, &'static resources::ResourceType, i64, &Item<'_>)> = Vec::new();
    for rt in types::ALL {
        let mine: Vec<&Pending<'_>> = pending.iter().filter(|p| p.rt.is_some_and(|t| t.singular == rt.singular)).collect();
        // Names must be unique within one apply.
        let mut seen: Map<String, Json> = Map::new();
        for p in &mine {
            let name = p.item.name(rt)?;
            if let Some(first) = seen.get(&name) {
                return Err(p.item.err(&[rt.key_field], format!("{name:?} is defined twice (first at {})", first.as_str().unwrap_or("?"))));
            }
            seen.insert(name, Json::String(format!("{}:{}", p.item.file, p.item.node.line)));
        }
        // Own rows first, then sub-objects (which may name objects of the same type).
        let mut done = Vec::with_capacity(mine.len());
        for p in &mine {
            if rt.singular == "inventory" {
                resources::children::check_inventory_kind(tx, &p.item, &p.item.name(rt)?)?;
            }
            let (id, action) = resources::upsert(tx, secrets, rt, &p.item)?;
            done.push((id, action));
        }
        for (p, (id, action)) in mine.iter().zip(done) {
            let children_changed = resources::children::apply(tx, secrets, rt, id, &p.item)?;
            let action = if action == Action::Unchanged && children_changed { Action::Updated } else { action };
            applied.push((changes.len(), rt, id, &p.item));
            changes.push(Change { kind: rt.singular.to_string(), name: p.item.name(rt)?, action });
        }
    }
    // Links to objects of a later type (an inventory's or organization's instance groups),
    // once every type's rows exist: a file may define an instance group and reference it.
    for (i, rt, id, item) in applied {
        if resources::children::apply_late(tx, rt, id, item)? && changes[i].action == Action::Unchanged {
            changes[i].action = Action::Updated;
        }
    }
    // Schedules after every template they may name (each matched by template and name).
    for p in pending.iter().filter(|p| p.schedule) {
        let (name, action) = crate::schedule::resource::apply(tx, &p.item)?;
        changes.push(Change { kind: "schedule".into(), name, action });
    }
    for p in pending.iter().filter(|p| p.rt.is_none() && !p.schedule) {
        let (name, action) = resources::roles::apply(tx, &p.item)?;
        changes.push(Change { kind: "role".into(), name, action });
    }
    // Hosts, groups, inventories (their filters) or organizations changed: smart inventories
    // follow, in this transaction.
    if changes.iter().any(|c| c.action != Action::Unchanged && matches!(c.kind.as_str(), "inventory" | "organization")) {
        crate::inventory::smart::rebuild(tx, None)?;
    }
    Ok(changes)
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ApplyReport> {
    let sources = args.files.iter().map(read_source).collect::<Result<Vec<_>>>()?;
    let mut db = ctx.db()?;
    let changes = db.write_maybe(!args.dry_run, |tx| {
        tx.lock("awxm:apply")?;
        apply_sources(tx, &ctx.secrets, &sources)
    })?;
    let count = |a: Action| changes.iter().filter(|c| c.action == a).count();
    Ok(ApplyReport {
        dry_run: args.dry_run,
        created: count(Action::Created),
        updated: count(Action::Updated),
        unchanged: count(Action::Unchanged),
        removed: count(Action::Removed),
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_read_up_to_a_cap() {
        assert_eq!(read_capped(&b"abcd"[..], "f", 4).unwrap().unwrap(), b"abcd");
        let e = read_capped(&b"abcde"[..], "f.yml", 4).unwrap().unwrap_err();
        assert!(e.to_string().contains("f.yml: larger than 4 B"), "{e}");
    }

    #[test]
    fn nesting_awxm_could_not_read_back_is_refused_at_its_line() {
        let doc = |text: &str| crate::yaml::parse_documents(text, "r.yml").unwrap().remove(0);
        let nest = |n: usize| format!("inventories:\n  - name: a\n    variables: {{a: {}{}}}\n", "[".repeat(n), "]".repeat(n));
        // The document, the list, the item, the variables and their key: four levels above `a`'s value.
        check_storable(&doc(&nest(MAX_DEPTH - 5)), "r.yml").unwrap();
        let e = check_storable(&doc(&nest(MAX_DEPTH)), "r.yml").unwrap_err();
        assert!(e.to_string().contains(&format!("r.yml:3: nested deeper than {MAX_DEPTH} levels")), "{e}");
    }
}
