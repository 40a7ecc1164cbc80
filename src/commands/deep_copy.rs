//! `awxm deep_copy TYPE NAME_OR_ID [--name NEW] [--as USER]`: copy an object with its
//! sub-objects as AWX's `/copy/` endpoints do; `--check` answers AWX's `can_copy` question.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::context::Ctx;
use crate::deep_copy::{self, access, naming};
use crate::error::Result;
use crate::output::{Human, Report};
use crate::rbac::Access;
use crate::resources;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm deep_copy inventory web                         # copy named \"web @ 3:07:09 PM\"
  awxm deep_copy job_template deploy --name deploy-staging
  awxm deep_copy workflow_job_template release --as bob --format json
  awxm deep_copy --check job_template deploy --as bob   # may bob copy it? (exit 0 yes, 1 no)

TYPES:
  job_template, inventory, project, credential, workflow_job_template, notification_template
  (plural names are accepted too).

WHAT IS COPIED (as AWX copies):
  inventory              variables, hosts, groups, host/group variables, memberships and group
                         nesting; not inventory sources, jobs or host facts
  job_template           every option, survey; labels, instance groups and credentials are
                         attached (shared, not duplicated); not notification attachments
  project                every option; an SCM project gets its own checkout directory
                         (_<id>__<name> beside the original's; run project_update on it); a
                         manual project keeps its playbook directory
  credential             inputs, secrets decrypted and encrypted again under fresh nonces
  workflow_job_template  options, survey, labels, nodes with their prompts and credentials,
                         success/failure/always edges; each approval node gets its own copy
                         of its approval template (\"<name> copy\")
  notification_template  type and configuration (secrets re-encrypted), messages
  The copy has no job history and no role assignments, except that the --as user becomes its
  admin. Everything happens in one transaction.

PERMISSIONS (--as USER; without it the operator acts as a superuser):
  The user must read the original and be allowed to add such an object with its values:
  inventory: inventory_admin on its organization; project: project_admin on its organization
  and use on its credential; credential: admin or credential_admin on its organization;
  notification_template: notification_admin on its organization; job_template: use on its
  inventory and project, and use on every attached credential; workflow_job_template:
  workflow_admin on its organization and use on its inventory. Roles imply each other as in AWX
  (organization admin holds every role in it, admin holds use/execute/read, team members hold
  the team's roles). A refusal exits 77 with AWX's message. A workflow copy blanks the node
  inventories, templates and credentials the user may not use, and reports them.

NAMING:
  Without --name the copy is named as AWX's UI names copies, \"<name> @ <h:mm:ss AM|PM>\" in local
  time (TZ honoured; noon shows as 12 PM). The original's own name is refused (exit 65, AWX's
  message), and so is a name another object of the type has.

JSON OUTPUT (--format json):
  Copy: {\"format_version\": 1, \"type\": \"inventory\", \"dry_run\": false, \"id\": 9,
   \"name\": \"web @ 3:07:09 PM\", \"original\": {\"id\": 3, \"name\": \"web\"}, \"as_user\": null,
   \"admin_granted\": false, \"copied\": {\"hosts\": 2, \"groups\": 1, \"group_hosts\": 2, \"group_children\": 0}}
  `copied` counts sub-objects per kind: inventory hosts, groups, group_hosts, group_children;
  job_template credentials, labels, instance_groups; credential and notification_template
  secrets_reencrypted; workflow_job_template labels, nodes, edges, node_credentials,
  approval_templates. Projects add \"local_path\". Workflows add \"dropped\": {\"templates\": [],
  \"credentials\": [], \"inventories\": []} (names blanked in the copy's nodes).
  --check: {\"format_version\": 1, \"type\": ..., \"id\": 3, \"name\": \"web\", \"as_user\": \"bob\",
   \"can_copy\": false, \"message\": \"You do not have permission to perform this action.\",
   \"reason\": \"user \\\"bob\\\" needs ...\"}; workflows add can_copy_without_user_input,
   templates_unable_to_copy, credentials_unable_to_copy, inventories_unable_to_copy.

EXIT STATUS:
  0 copied (--check: may copy); 1 --check: may not copy; 65 bad or taken name; 66 no such object
  or user; 77 copy refused (or the user cannot even read the original).")]
pub struct Args {
    /// Type of the object (job_template, inventory, project, credential, workflow_job_template, notification_template)
    #[arg(value_name = "TYPE")]
    pub kind: String,
    /// Name, or id when no object has that name
    #[arg(value_name = "NAME_OR_ID", add = clap_complete::ArgValueCompleter::new(crate::complete::of_type_arg))]
    pub name: String,
    /// Name of the copy [default: "<name> @ <h:mm:ss AM|PM>"]
    #[arg(long = "name", value_name = "NEW_NAME", conflicts_with = "check")]
    pub new_name: Option<String>,
    /// Act as this user (name or id): AWX's permission checks apply and the user becomes admin of the copy
    #[arg(long = "as", value_name = "USER")]
    pub as_user: Option<String>,
    /// Only answer whether the copy is allowed (AWX's can_copy); copy nothing
    #[arg(long)]
    pub check: bool,
    /// Make the copy and report it, then roll everything back
    #[arg(long, conflicts_with = "check")]
    pub dry_run: bool,
}

#[derive(Debug, Serialize)]
pub struct ObjectRef {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct CopyReport {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub dry_run: bool,
    pub id: i64,
    pub name: String,
    pub original: ObjectRef,
    pub as_user: Option<String>,
    pub admin_granted: bool,
    pub copied: Map<String, Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropped: Option<access::Unusable>,
}

impl Report for CopyReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let what = self.kind.replace('_', " ");
        let counts: Vec<String> = self.copied.iter().map(|(k, v)| format!("{} {}", k.replace('_', " "), crate::output::cell(v))).collect();
        out.line(format!(
            "{}copied {what} {:?} (id {}) to {:?} (id {}){}",
            if self.dry_run { "dry run (rolled back): " } else { "" },
            self.original.name,
            self.original.id,
            self.name,
            self.id,
            if counts.is_empty() { String::new() } else { format!(": {}", counts.join(", ")) }
        ))?;
        if let Some(p) = &self.local_path
            && !p.is_empty()
        {
            out.line(format!("local path: {p}"))?;
        }
        if let Some(d) = &self.dropped {
            for (label, list) in [("templates", &d.templates), ("credentials", &d.credentials), ("inventories", &d.inventories)] {
                if !list.is_empty() {
                    out.line(format!("dropped from the copy's nodes ({} may not use them): {label} {}", self.who(), list.join(", ")))?;
                }
            }
        }
        if self.admin_granted {
            out.line(format!("{} is admin of the copy", self.who()))?;
        }
        Ok(())
    }
}

impl CopyReport {
    fn who(&self) -> String {
        self.as_user.as_deref().map(|u| format!("user {u}")).unwrap_or_else(|| "the operator".into())
    }
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: i64,
    pub name: String,
    pub as_user: Option<String>,
    pub can_copy: bool,
    pub message: Option<String>,
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub can_copy_without_user_input: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub templates_unable_to_copy: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials_unable_to_copy: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inventories_unable_to_copy: Option<Vec<String>>,
}

impl Report for CheckReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let who = self.as_user.as_deref().map(|u| format!("user {u}")).unwrap_or_else(|| "the operator".into());
        let what = self.kind.replace('_', " ");
        if self.can_copy {
            out.line(format!("{who} may copy {what} {:?}", self.name))?;
        } else {
            out.line(format!("{who} may not copy {what} {:?}: {}", self.name, self.message.as_deref().unwrap_or_default()))?;
            if let Some(r) = &self.reason {
                out.line(format!("  {r}"))?;
            }
        }
        for (label, list) in [
            ("templates", &self.templates_unable_to_copy),
            ("credentials", &self.credentials_unable_to_copy),
            ("inventories", &self.inventories_unable_to_copy),
        ] {
            if let Some(l) = list
                && !l.is_empty()
            {
                out.line(format!("  {label} the copy's nodes would lose: {}", l.join(", ")))?;
            }
        }
        Ok(())
    }
    fn exit_code(&self) -> u8 {
        if self.can_copy { 0 } else { 1 }
    }
}

/// The report of either mode.
pub enum DeepCopyReport {
    Copy(CopyReport),
    Check(CheckReport),
}

impl Serialize for DeepCopyReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            DeepCopyReport::Copy(r) => r.serialize(s),
            DeepCopyReport::Check(r) => r.serialize(s),
        }
    }
}

impl Report for DeepCopyReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        match self {
            DeepCopyReport::Copy(r) => r.human(out),
            DeepCopyReport::Check(r) => r.human(out),
        }
    }
    fn exit_code(&self) -> u8 {
        match self {
            DeepCopyReport::Copy(r) => r.exit_code(),
            DeepCopyReport::Check(r) => r.exit_code(),
        }
    }
}

fn actor(tx: &mut crate::db::Tx<'_>, as_user: Option<&str>) -> Result<Access> {
    match as_user {
        Some(u) => Access::for_user(tx, u),
        None => Ok(Access::operator()),
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<DeepCopyReport> {
    let rt = deep_copy::copy_type(&args.kind)?;
    let mut db = ctx.db()?;
    if args.check {
        return db.read(|tx| {
            let (id, name) = resources::resolve(tx, rt, &args.name)?;
            let mut access = actor(tx, args.as_user.as_deref())?;
            let denial = access::check(tx, &mut access, rt.singular, id, &name)?;
            // AWX answers 403 instead of can_copy=false when the user cannot even read it.
            if let Some(d) = &denial
                && !access.can_read(tx, rt.singular, id)?
            {
                return Err(deep_copy::refusal(d.clone()));
            }
            let mut report = CheckReport {
                kind: rt.singular,
                id,
                name,
                as_user: access.username().map(str::to_string),
                can_copy: denial.is_none(),
                message: denial.as_ref().map(|d| d.message.clone()),
                reason: denial.map(|d| d.detail),
                can_copy_without_user_input: None,
                templates_unable_to_copy: None,
                credentials_unable_to_copy: None,
                inventories_unable_to_copy: None,
            };
            if rt.singular == "workflow_job_template" {
                let u = access::workflow_unusable(tx, &mut access, id)?;
                report.can_copy_without_user_input = Some(report.can_copy && u.is_empty());
                report.templates_unable_to_copy = Some(u.templates);
                report.credentials_unable_to_copy = Some(u.credentials);
                report.inventories_unable_to_copy = Some(u.inventories);
            }
            Ok(DeepCopyReport::Check(report))
        });
    }
    let now = ctx.now();
    let report = db.write_maybe(!args.dry_run, |tx| {
        let (id, original) = resources::resolve(tx, rt, &args.name)?;
        tx.lock(&format!("awxm:{}:{id}", rt.singular))?;
        let mut access = actor(tx, args.as_user.as_deref())?;
        let new_name = args.new_name.clone().unwrap_or_else(|| naming::default_name(&original, &now));
        let outcome = deep_copy::copy(tx, &ctx.secrets, &mut access, rt, id, &original, &new_name)?;
        Ok(CopyReport {
            kind: rt.singular,
            dry_run: args.dry_run,
            id: outcome.id,
            name: outcome.name,
            original: ObjectRef { id, name: original },
            as_user: access.username().map(str::to_string),
            admin_granted: outcome.admin_granted,
            copied: outcome.copied,
            local_path: outcome.local_path,
            dropped: outcome.dropped,
        })
    })?;
    Ok(DeepCopyReport::Copy(report))
}
