//! Who may do what: AWX's role-based access control over the `role_assignment` table.
//!
//! A user holds a role on an object directly (a `role_assignment` row with its `user_id`) or
//! through a team whose member it is (a `team_member` row, or the `member`/`admin` role on the
//! team). Roles imply each other as in AWX's implicit role fields (`awx/main/models`, parent
//! roles): a superuser holds every role; an organization's `admin` holds its `member`,
//! `execute`, `auditor`-free `read` and every `*_admin` role, and those give `admin` on the
//! objects of the organization (`inventory_admin` → inventory `admin`, …); an object's `admin`
//! holds its `use`/`update`/`execute`/`read`; a system auditor holds every `read`. Roles given to
//! a team are held by everyone holding the team's `member` role, which includes the team's
//! admins and the admins of its organization, as in AWX.
//!
//! The operator running awxm without `--as` is treated as a superuser ([`Access::operator`]).

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::db::Tx;
use crate::error::{Error, Result};

/// Where an implied role comes from (a parent role in AWX's terms).
#[derive(Debug, Clone, Copy)]
enum Parent {
    /// Another role on the same object.
    Same(&'static str),
    /// A role on the object's organization.
    Org(&'static str),
    /// A role on the organization of a job template's inventory (AWX keeps this for `read`).
    InventoryOrg(&'static str),
    /// The system auditor flag of the user.
    SystemAuditor,
}

use Parent::{InventoryOrg, Org, Same, SystemAuditor};

/// The parents of a role, from AWX's `ImplicitRoleField(parent_role=...)` definitions.
/// Superusers (AWX's `singleton:system_administrator`) hold every role and are handled apart.
fn parents(object_type: &str, role: &str) -> &'static [Parent] {
    match (object_type, role) {
        ("organization", "admin") => &[],
        ("organization", "auditor") => &[SystemAuditor],
        (
            "organization",
            "execute" | "project_admin" | "inventory_admin" | "credential_admin" | "workflow_admin" | "notification_admin"
            | "job_template_admin" | "approval" | "member",
        ) => &[Same("admin")],
        ("organization", "read") => &[
            Same("member"),
            Same("auditor"),
            Same("execute"),
            Same("project_admin"),
            Same("inventory_admin"),
            Same("workflow_admin"),
            Same("notification_admin"),
            Same("credential_admin"),
            Same("job_template_admin"),
            Same("approval"),
        ],
        ("team", "admin") => &[Org("admin")],
        ("team", "member") => &[Same("admin")],
        ("team", "read") => &[Org("auditor"), Same("member")],
        ("credential", "admin") => &[Org("credential_admin")],
        ("credential", "use") => &[Same("admin")],
        ("credential", "read") => &[SystemAuditor, Org("auditor"), Same("use"), Same("admin")],
        ("project", "admin") => &[Org("project_admin")],
        ("project", "use" | "update") => &[Same("admin")],
        ("project", "read") => &[Org("auditor"), SystemAuditor, Same("use"), Same("update")],
        ("inventory", "admin") => &[Org("inventory_admin")],
        ("inventory", "update" | "adhoc") => &[Same("admin")],
        ("inventory", "use") => &[Same("adhoc")],
        ("inventory", "read") => &[Org("auditor"), Same("update"), Same("use"), Same("admin")],
        ("job_template", "admin") => &[Org("job_template_admin")],
        ("job_template", "execute") => &[Same("admin"), Org("execute")],
        ("job_template", "read") => &[Org("auditor"), InventoryOrg("auditor"), Same("execute"), Same("admin")],
        ("workflow_job_template", "admin") => &[Org("workflow_admin")],
        ("workflow_job_template", "execute") => &[Same("admin"), Org("execute")],
        ("workflow_job_template", "read") => &[SystemAuditor, Org("auditor"), Same("execute"), Same("admin"), Same("approval")],
        ("workflow_job_template", "approval") => &[Org("approval"), Same("admin")],
        ("instance_group", "admin") => &[],
        ("instance_group", "use") => &[Same("admin")],
        ("instance_group", "read") => &[SystemAuditor, Same("use"), Same("admin")],
        _ => &[],
    }
}

/// The table holding objects of a type that has roles.
fn table(object_type: &str) -> Option<&'static str> {
    Some(match object_type {
        "organization" => "organization",
        "team" => "team",
        "credential" => "credential",
        "project" => "project",
        "inventory" => "inventory",
        "job_template" => "job_template",
        "workflow_job_template" => "workflow_job_template",
        "notification_template" => "notification_template",
        "instance_group" => "instance_group",
        _ => return None,
    })
}

/// One held role: (object type, object id, role).
type Grant = (String, i64, String);

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub is_superuser: bool,
    pub is_system_auditor: bool,
}

/// The permissions of one actor, loaded once per command.
pub struct Access {
    user: Option<User>,
    held: HashSet<Grant>,
    /// Organization of an object, by (type, id); `None` when it has none.
    orgs: HashMap<(&'static str, i64), Option<i64>>,
}

impl Access {
    /// The operator running awxm (no `--as`): a superuser.
    pub fn operator() -> Access {
        Access { user: None, held: HashSet::new(), orgs: HashMap::new() }
    }

    /// The permissions of a user, by username (or id when no user has that name). An unknown
    /// user is 66; an inactive one cannot act (77), as in AWX where it cannot log in.
    pub fn for_user(tx: &mut Tx<'_>, name_or_id: &str) -> Result<Access> {
        let sql = "SELECT id, username, is_superuser, is_system_auditor, is_active FROM auth_user WHERE ";
        let mut row = tx.query_opt(&format!("{sql}username = $1"), crate::params![name_or_id])?;
        if row.is_none()
            && let Ok(id) = name_or_id.parse::<i64>()
        {
            row = tx.query_opt(&format!("{sql}id = $1"), crate::params![id])?;
        }
        let row = row.ok_or_else(|| Error::not_found(format!("no user named {name_or_id:?}")))?;
        let user = User {
            id: row.col("id")?,
            username: row.col("username")?,
            is_superuser: row.col("is_superuser")?,
            is_system_auditor: row.col("is_system_auditor")?,
        };
        if !row.col::<bool>("is_active")? {
            return Err(Error::permission(format!("user {:?} is inactive and cannot act", user.username)));
        }
        let mut access = Access { user: Some(user.clone()), held: HashSet::new(), orgs: HashMap::new() };
        if user.is_superuser {
            return Ok(access);
        }
        access.load_grants(tx, user.id)?;
        Ok(access)
    }

    /// Load the user's own grants and those of every team whose roles it holds (a fixpoint:
    /// team roles may make the user a member of further teams).
    fn load_grants(&mut self, tx: &mut Tx<'_>, user_id: i64) -> Result<()> {
        let own = tx.query("SELECT object_type, object_id, role FROM role_assignment WHERE user_id = $1", crate::params![user_id])?;
        let own: Vec<Grant> =
            own.iter().map(|r| Ok((r.col("object_type")?, r.col("object_id")?, r.col("role")?))).collect::<Result<_>>()?;
        let mut by_team: HashMap<i64, Vec<Grant>> = HashMap::new();
        tx.query_each("SELECT team_id, object_type, object_id, role FROM role_assignment WHERE team_id IS NOT NULL", &[], |r| {
            by_team.entry(r.col("team_id")?).or_default().push((r.col("object_type")?, r.col("object_id")?, r.col("role")?));
            Ok(())
        })?;
        let mut all_teams = Vec::new();
        tx.query_each("SELECT id, organization_id FROM team", &[], |r| {
            let id: i64 = r.col("id")?;
            self.orgs.insert(("team", id), r.col("organization_id")?);
            all_teams.push(id);
            Ok(())
        })?;
        let mut teams: BTreeSet<i64> = tx
            .query("SELECT team_id FROM team_member WHERE user_id = $1", crate::params![user_id])?
            .iter()
            .map(|r| r.col("team_id"))
            .collect::<Result<_>>()?;
        loop {
            self.held = own.iter().cloned().collect();
            for t in &teams {
                self.held.extend(by_team.get(t).into_iter().flatten().cloned());
            }
            let mut grown = teams.clone();
            for &t in &all_teams {
                if !grown.contains(&t) && self.has_role(tx, "team", t, "member")? {
                    grown.insert(t);
                }
            }
            if grown == teams {
                return Ok(());
            }
            teams = grown;
        }
    }

    pub fn user(&self) -> Option<&User> {
        self.user.as_ref()
    }

    pub fn username(&self) -> Option<&str> {
        self.user.as_ref().map(|u| u.username.as_str())
    }

    /// Superusers and the operator may do anything.
    pub fn is_superuser(&self) -> bool {
        self.user.as_ref().is_none_or(|u| u.is_superuser)
    }

    fn is_system_auditor(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_system_auditor)
    }

    /// The organization of an object (cached).
    fn org_of(&mut self, tx: &mut Tx<'_>, object_type: &str, id: i64) -> Result<Option<i64>> {
        let Some(table) = table(object_type).filter(|t| *t != "organization" && *t != "instance_group") else { return Ok(None) };
        if let Some(o) = self.orgs.get(&(table, id)) {
            return Ok(*o);
        }
        let org: Option<Option<i64>> = tx.scalar_opt(&format!("SELECT organization_id FROM {table} WHERE id = $1"), crate::params![id])?;
        let org = org.flatten();
        self.orgs.insert((table, id), org);
        Ok(org)
    }

    /// Whether the actor holds `role` on the object, directly or by implication.
    pub fn has_role(&mut self, tx: &mut Tx<'_>, object_type: &str, id: i64, role: &str) -> Result<bool> {
        if self.is_superuser() {
            return Ok(true);
        }
        let mut seen: HashSet<(String, i64, &'static str)> = HashSet::new();
        let mut todo: Vec<(String, i64, String)> = vec![(object_type.to_string(), id, role.to_string())];
        while let Some((otype, oid, r)) = todo.pop() {
            if self.held.contains(&(otype.clone(), oid, r.clone())) {
                return Ok(true);
            }
            for p in parents(&otype, &r) {
                let next = match *p {
                    SystemAuditor => {
                        if self.is_system_auditor() {
                            return Ok(true);
                        }
                        continue;
                    }
                    Same(pr) => Some((otype.clone(), oid, pr)),
                    Org(pr) => self.org_of(tx, &otype, oid)?.map(|o| ("organization".to_string(), o, pr)),
                    InventoryOrg(pr) => {
                        let org: Option<Option<i64>> = tx.scalar_opt(
                            "SELECT i.organization_id FROM job_template j JOIN inventory i ON i.id = j.inventory_id WHERE j.id = $1",
                            crate::params![oid],
                        )?;
                        org.flatten().map(|o| ("organization".to_string(), o, pr))
                    }
                };
                if let Some((t, i, pr)) = next
                    && seen.insert((t.clone(), i, pr))
                {
                    todo.push((t, i, pr.to_string()));
                }
            }
        }
        Ok(false)
    }

    /// AWX's `can_read`: the object is in the actor's visible set.
    pub fn can_read(&mut self, tx: &mut Tx<'_>, object_type: &str, id: i64) -> Result<bool> {
        if self.is_superuser() || self.is_system_auditor() {
            return Ok(true);
        }
        match object_type {
            // Notification templates have no roles of their own: they are visible to the
            // notification admins and auditors of their organization.
            "notification_template" => {
                match self.org_of(tx, object_type, id)? {
                    Some(org) => Ok(self.has_role(tx, "organization", org, "notification_admin")?
                        || self.has_role(tx, "organization", org, "auditor")?),
                    None => Ok(false),
                }
            }
            _ => self.has_role(tx, object_type, id, "read"),
        }
    }

    /// AWX's `can_use` on credentials, inventories, projects and instance groups.
    pub fn can_use(&mut self, tx: &mut Tx<'_>, object_type: &str, id: i64) -> Result<bool> {
        self.has_role(tx, object_type, id, "use")
    }

    /// AWX's `can_start` of a unified job template (license not checked): `execute` on job and
    /// workflow templates, `update` on projects, `update` on an inventory source's inventory.
    pub fn can_start(&mut self, tx: &mut Tx<'_>, kind: &str, id: i64) -> Result<bool> {
        if self.is_superuser() {
            return Ok(true);
        }
        match kind {
            "job_template" | "workflow_job_template" => self.has_role(tx, kind, id, "execute"),
            "project" => self.has_role(tx, "project", id, "update"),
            "inventory_source" => {
                let inv: Option<i64> = tx.scalar_opt("SELECT inventory_id FROM inventory_source WHERE id = $1", crate::params![id])?;
                match inv {
                    Some(inv) => self.has_role(tx, "inventory", inv, "update"),
                    None => Ok(false),
                }
            }
            _ => Ok(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    fn db() -> (tempfile::TempDir, Db) {
        crate::db::temp_sqlite()
    }

    const NOW: &str = "2026-01-01T00:00:00.000000Z";

    /// Two organizations, objects in each, users and a team.
    fn fixture(tx: &mut Tx<'_>) {
        tx.batch(&format!(
            "INSERT INTO organization (id, name, created, modified) VALUES (1, 'Ops', '{NOW}', '{NOW}'), (2, 'Dev', '{NOW}', '{NOW}'),
               (3, 'QA', '{NOW}', '{NOW}');
             INSERT INTO auth_user (id, username, is_superuser, is_system_auditor, is_active, created, modified) VALUES
               (1, 'root', TRUE, FALSE, TRUE, '{NOW}', '{NOW}'), (2, 'orgadmin', FALSE, FALSE, TRUE, '{NOW}', '{NOW}'),
               (3, 'bob', FALSE, FALSE, TRUE, '{NOW}', '{NOW}'), (4, 'audit', FALSE, TRUE, TRUE, '{NOW}', '{NOW}'),
               (5, 'gone', FALSE, FALSE, FALSE, '{NOW}', '{NOW}'), (6, 'carol', FALSE, FALSE, TRUE, '{NOW}', '{NOW}');
             INSERT INTO team (id, name, organization_id, created, modified) VALUES (1, 'ops-team', 1, '{NOW}', '{NOW}'),
               (2, 'inner', 2, '{NOW}', '{NOW}');
             INSERT INTO team_member (team_id, user_id) VALUES (1, 6);
             INSERT INTO credential (id, name, organization_id, kind, created, modified) VALUES (1, 'key', 1, 'machine', '{NOW}', '{NOW}');
             INSERT INTO inventory (id, name, organization_id, created, modified) VALUES (1, 'web', 1, '{NOW}', '{NOW}'),
               (2, 'dev', 2, '{NOW}', '{NOW}'), (3, 'qa', 3, '{NOW}', '{NOW}');
             INSERT INTO project (id, name, organization_id, created, modified) VALUES (1, 'p', 1, '{NOW}', '{NOW}');
             INSERT INTO job_template (id, name, organization_id, project_id, inventory_id, created, modified)
               VALUES (1, 'deploy', 2, 1, 1, '{NOW}', '{NOW}');
             INSERT INTO role_assignment (user_id, team_id, object_type, object_id, role, created) VALUES
               (2, NULL, 'organization', 1, 'admin', '{NOW}'),
               (3, NULL, 'inventory', 2, 'use', '{NOW}'),
               (NULL, 1, 'credential', 1, 'use', '{NOW}'),
               (NULL, 1, 'team', 2, 'member', '{NOW}'),
               (NULL, 2, 'organization', 2, 'inventory_admin', '{NOW}');"
        ))
        .unwrap();
    }

    fn with<T>(f: impl FnOnce(&mut Tx<'_>) -> T) -> T {
        let (_dir, mut db) = db();
        db.write(|tx| {
            fixture(tx);
            Ok(f(tx))
        })
        .unwrap()
    }

    #[test]
    fn superusers_and_the_operator_hold_everything() {
        with(|tx| {
            assert!(Access::operator().has_role(tx, "inventory", 1, "admin").unwrap());
            let mut root = Access::for_user(tx, "root").unwrap();
            assert!(root.is_superuser());
            assert!(root.has_role(tx, "organization", 2, "admin").unwrap());
        });
    }

    #[test]
    fn organization_admin_holds_the_objects_of_its_organization_only() {
        with(|tx| {
            let mut a = Access::for_user(tx, "orgadmin").unwrap();
            for (t, id, r) in [
                ("inventory", 1, "admin"),
                ("inventory", 1, "use"),
                ("inventory", 1, "read"),
                ("credential", 1, "use"),
                ("project", 1, "update"),
            ] {
                assert!(a.has_role(tx, t, id, r).unwrap(), "{t} {id} {r}");
            }
            assert!(a.has_role(tx, "organization", 1, "inventory_admin").unwrap());
            assert!(!a.has_role(tx, "inventory", 3, "read").unwrap());
            assert!(!a.has_role(tx, "organization", 2, "member").unwrap());
            // Team admin through the organization: holds the team's roles too (ops-team is a
            // member of inner, which is inventory admin in Dev).
            assert!(a.has_role(tx, "team", 1, "member").unwrap());
            assert!(a.has_role(tx, "inventory", 2, "admin").unwrap());
            // The job template is in Dev, but its inventory's organization is Ops: no read from
            // admin (only from auditor, as in AWX).
            assert!(!a.has_role(tx, "job_template", 1, "read").unwrap());
        });
    }

    #[test]
    fn use_does_not_imply_admin_and_read_follows_use() {
        with(|tx| {
            let mut b = Access::for_user(tx, "bob").unwrap();
            assert!(b.can_use(tx, "inventory", 2).unwrap());
            assert!(b.can_read(tx, "inventory", 2).unwrap());
            assert!(!b.has_role(tx, "inventory", 2, "admin").unwrap());
            assert!(!b.has_role(tx, "inventory", 2, "update").unwrap());
            assert!(!b.can_read(tx, "inventory", 1).unwrap());
        });
    }

    #[test]
    fn team_roles_reach_members_and_nested_teams() {
        with(|tx| {
            let mut c = Access::for_user(tx, "carol").unwrap();
            assert!(c.can_use(tx, "credential", 1).unwrap());
            // ops-team is a member of inner, which is inventory admin in Dev.
            assert!(c.has_role(tx, "inventory", 2, "admin").unwrap());
            assert!(!c.has_role(tx, "inventory", 1, "read").unwrap());
        });
    }

    #[test]
    fn system_auditors_read_everything_and_change_nothing() {
        with(|tx| {
            let mut a = Access::for_user(tx, "audit").unwrap();
            assert!(a.can_read(tx, "inventory", 1).unwrap());
            assert!(a.can_read(tx, "credential", 1).unwrap());
            assert!(a.has_role(tx, "organization", 2, "auditor").unwrap());
            assert!(!a.can_use(tx, "credential", 1).unwrap());
            assert!(!a.has_role(tx, "organization", 1, "inventory_admin").unwrap());
        });
    }

    #[test]
    fn unknown_and_inactive_users() {
        with(|tx| {
            assert_eq!(Access::for_user(tx, "nobody").err().unwrap().kind, crate::error::ErrorKind::NotFound);
            assert_eq!(Access::for_user(tx, "gone").err().unwrap().kind, crate::error::ErrorKind::Permission);
            assert_eq!(Access::for_user(tx, "3").unwrap().username(), Some("bob"));
        });
    }
}
