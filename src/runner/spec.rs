//! Everything a job run needs, read from the database once: the job's options (copied from its
//! template at launch, with launch-time overrides), its inventory, project and decrypted
//! credentials. From it come AWX's `ansible-playbook` command line (§7.4), the password prompt
//! table (§7.6) and the list of secret values to redact.

use serde_json::{Map, Value as Json};

use super::inventory::Inventory;
use super::process::Prompts;
use crate::crypto::Secrets;
use crate::db::Tx;
use crate::error::{Error, Result};

/// A machine credential's inputs (decrypted).
#[derive(Debug, Clone, Default)]
pub struct Machine {
    pub name: String,
    pub username: String,
    pub password: String,
    pub ssh_key_data: String,
    pub ssh_key_unlock: String,
    pub become_method: String,
    pub become_username: String,
    pub become_password: String,
}

/// A vault credential's inputs (decrypted).
#[derive(Debug, Clone, Default)]
pub struct Vault {
    pub name: String,
    pub vault_password: String,
    pub vault_id: String,
}

/// A credential of a kind run_job does not inject (reported in the output).
#[derive(Debug, Clone)]
pub struct Other {
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone, Default)]
pub struct JobSpec {
    pub id: i64,
    pub name: String,
    pub launch_type: String,
    pub job_type: String,
    pub template_id: Option<i64>,
    pub template_name: String,
    pub inventory_id: Option<i64>,
    pub project_id: Option<i64>,
    pub playbook: String,
    pub limit: String,
    pub forks: i64,
    pub verbosity: i64,
    pub job_tags: String,
    pub skip_tags: String,
    pub start_at_task: String,
    pub force_handlers: bool,
    pub become_enabled: bool,
    pub diff_mode: bool,
    pub timeout: i64,
    pub extra_vars: Map<String, Json>,
    pub template_extra_vars: Map<String, Json>,
    /// Survey password answers (for redaction).
    pub survey_passwords: Vec<String>,
    pub machine: Option<Machine>,
    pub vaults: Vec<Vault>,
    pub others: Vec<Other>,
    pub inventory: Option<Inventory>,
    /// An ad hoc command's module (empty for a playbook job) and its arguments.
    pub module_name: String,
    pub module_args: String,
    /// The template's `use_fact_cache`: give the run the hosts' stored facts, keep what it gathers.
    pub use_fact_cache: bool,
    /// The inventory hosts' stored facts (with `use_fact_cache`).
    pub facts: Vec<super::facts::HostFacts>,
}

fn vars(text: &str) -> Map<String, Json> {
    match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    }
}

/// A credential's inputs with secret fields decrypted.
pub fn decrypt_inputs(secrets: &Secrets, inputs: &str) -> Result<Map<String, Json>> {
    let mut m = vars(inputs);
    for (k, v) in m.iter_mut() {
        if let Json::String(s) = v {
            if crate::crypto::is_encrypted(s) {
                *s = secrets.decrypt(s, k)?;
            } else if crate::crypto::url::is_url_key(k) {
                // A password inside a URL is encrypted in place (crypto::url).
                *s = crate::crypto::url::revealed(secrets, k, s)?;
            }
        }
    }
    Ok(m)
}

pub fn input(m: &Map<String, Json>, key: &str) -> String {
    match m.get(key) {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

impl JobSpec {
    pub fn load(tx: &mut Tx<'_>, secrets: &Secrets, id: i64) -> Result<JobSpec> {
        let r = tx
            .query_opt(
                "SELECT j.name AS name, j.launch_type AS launch_type, j.job_type AS job_type, j.job_template_id AS job_template_id,
                        COALESCE(t.name, '') AS template_name, j.inventory_id AS inventory_id, j.project_id AS project_id,
                        j.playbook AS playbook, j.job_limit AS job_limit, j.forks AS forks, j.verbosity AS verbosity, j.job_tags AS job_tags,
                        j.skip_tags AS skip_tags, j.start_at_task AS start_at_task, j.force_handlers AS force_handlers,
                        j.become_enabled AS become_enabled, j.diff_mode AS diff_mode, j.timeout AS timeout, j.extra_vars AS extra_vars,
                        COALESCE(t.extra_vars, '{}') AS template_extra_vars, j.start_args AS start_args,
                        j.module_name AS module_name, j.module_args AS module_args,
                        j.use_fact_cache AS use_fact_cache
                 FROM job j LEFT JOIN job_template t ON t.id = j.job_template_id WHERE j.id = $1",
                crate::params![id],
            )?
            .ok_or_else(|| Error::not_found(format!("no job with id {id}")))?;
        let mut spec = JobSpec {
            id,
            name: r.col("name")?,
            launch_type: r.col("launch_type")?,
            job_type: r.col("job_type")?,
            template_id: r.col("job_template_id")?,
            template_name: r.col("template_name")?,
            inventory_id: r.col("inventory_id")?,
            project_id: r.col("project_id")?,
            playbook: r.col("playbook")?,
            limit: r.col("job_limit")?,
            forks: r.col("forks")?,
            verbosity: r.col("verbosity")?,
            job_tags: r.col("job_tags")?,
            skip_tags: r.col("skip_tags")?,
            start_at_task: r.col("start_at_task")?,
            force_handlers: r.col("force_handlers")?,
            become_enabled: r.col("become_enabled")?,
            diff_mode: r.col("diff_mode")?,
            timeout: r.col("timeout")?,
            extra_vars: vars(&r.col::<String>("extra_vars")?),
            template_extra_vars: vars(&r.col::<String>("template_extra_vars")?),
            module_name: r.col("module_name")?,
            module_args: r.col("module_args")?,
            use_fact_cache: r.col("use_fact_cache")?,
            ..Default::default()
        };
        // Survey password answers: their real values replace the "$encrypted$" in extra_vars,
        // and are redacted from everything stored.
        let start_args: String = r.col("start_args")?;
        if !start_args.is_empty() {
            for (k, v) in vars(&secrets.decrypt(&start_args, "start_args")?) {
                if let Some(text) = v.as_str() {
                    spec.survey_passwords.push(text.to_string());
                }
                spec.extra_vars.insert(k, v);
            }
        }
        let creds = tx.query(
            "SELECT c.name, c.kind, c.inputs FROM job_credential l JOIN credential c ON c.id = l.credential_id WHERE l.job_id = $1 ORDER BY c.id",
            crate::params![id],
        )?;
        for c in creds {
            let name: String = c.col("name")?;
            let kind: String = c.col("kind")?;
            let inputs = decrypt_inputs(secrets, &c.col::<String>("inputs")?)?;
            match kind.as_str() {
                "machine" => {
                    if spec.machine.is_some() {
                        return Err(Error::data(format!("job {id} has more than one machine credential")));
                    }
                    spec.machine = Some(Machine {
                        name,
                        username: input(&inputs, "username"),
                        password: input(&inputs, "password"),
                        ssh_key_data: input(&inputs, "ssh_key_data"),
                        ssh_key_unlock: input(&inputs, "ssh_key_unlock"),
                        become_method: input(&inputs, "become_method"),
                        become_username: input(&inputs, "become_username"),
                        become_password: input(&inputs, "become_password"),
                    });
                }
                "vault" => {
                    spec.vaults.push(Vault { name, vault_password: input(&inputs, "vault_password"), vault_id: input(&inputs, "vault_id") })
                }
                _ => spec.others.push(Other { name, kind }),
            }
        }
        if let Some(inv) = spec.inventory_id {
            let inv = Inventory::load(tx, inv)?;
            if spec.use_fact_cache {
                spec.facts = super::facts::load(tx, secrets, &inv.host_ids())?;
            }
            spec.inventory = Some(inv);
        }
        Ok(spec)
    }

    /// An ad hoc command (`ansible -m …`), not a playbook run.
    pub fn is_ad_hoc(&self) -> bool {
        !self.module_name.is_empty()
    }

    /// The options both `ansible-playbook` and `ansible` start with, in AWX's order: check
    /// mode, the machine credential's user (and --ask-pass), --become.
    fn leading_args(&self, m: &Machine) -> Vec<String> {
        let mut a = Vec::new();
        if self.job_type == "check" {
            a.push("--check".to_string());
        }
        user_args(m, &mut a);
        if self.become_enabled {
            a.push("--become".into());
        }
        a
    }

    /// AWX's ad hoc options (reference §6.3), in its order; the host pattern comes last.
    pub fn ad_hoc_options(&self) -> Vec<String> {
        let m = self.machine.clone().unwrap_or_default();
        let mut a = self.leading_args(&m);
        become_args(&m, &mut a);
        if self.forks > 0 {
            a.push(format!("--forks={}", self.forks));
        }
        if self.diff_mode {
            a.push("--diff".into());
        }
        if self.verbosity > 0 {
            a.push(format!("-{}", "v".repeat(self.verbosity.min(5) as usize)));
        }
        a
    }

    /// Every secret value this job knows (for redaction).
    pub fn secrets(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(m) = &self.machine {
            out.extend([m.password.clone(), m.ssh_key_data.clone(), m.ssh_key_unlock.clone(), m.become_password.clone()]);
        }
        for v in &self.vaults {
            out.push(v.vault_password.clone());
        }
        out.extend(self.survey_passwords.iter().cloned());
        out.retain(|s| !s.is_empty() && s != "ASK");
        out
    }

    /// Refuse what AWX refuses: "ASK" passwords (no launch-time prompting here), Jinja in
    /// usernames and become options, two vault credentials with the same id.
    pub fn validate(&self) -> Result<()> {
        if let Some(m) = &self.machine {
            for (k, v) in [("password", &m.password), ("ssh_key_unlock", &m.ssh_key_unlock), ("become_password", &m.become_password)] {
                if v == "ASK" {
                    return Err(Error::data(format!(
                        "credential {:?}: {k} is ASK (prompt on launch), which awxm cannot prompt for; store the value",
                        m.name
                    )));
                }
            }
            for (k, v) in [("username", &m.username), ("become_method", &m.become_method), ("become_username", &m.become_username)] {
                if v.contains("{{") || v.contains("{%") {
                    return Err(Error::data(format!("credential {:?}: {k} must not contain Jinja templates", m.name)));
                }
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for v in &self.vaults {
            if !ids.insert(v.vault_id.as_str()) {
                return Err(Error::data(if v.vault_id.is_empty() {
                    "multiple vault credentials without a vault id were specified".to_string()
                } else {
                    format!("multiple vault credentials were specified with --vault-id {}@prompt", v.vault_id)
                }));
            }
        }
        Ok(())
    }

    /// AWX's `build_args` options, in its order (without inventory, extra vars and playbook).
    pub fn options(&self, max_forks: i64, warnings: &mut Vec<String>) -> Vec<String> {
        let m = self.machine.clone().unwrap_or_default();
        let mut a = self.leading_args(&m);
        if self.diff_mode {
            a.push("--diff".into());
        }
        become_args(&m, &mut a);
        for v in &self.vaults {
            if v.vault_password.is_empty() {
                continue;
            }
            if v.vault_id.is_empty() {
                a.push("--ask-vault-pass".into());
            } else {
                a.push("--vault-id".into());
                a.push(format!("{}@prompt", v.vault_id));
            }
        }
        if self.forks > 0 {
            let mut forks = self.forks;
            if max_forks > 0 && forks > max_forks {
                warnings.push(format!("forks {forks} exceeds max_forks {max_forks}; using {max_forks}"));
                forks = max_forks;
            }
            a.push(format!("--forks={forks}"));
        }
        if self.force_handlers {
            a.push("--force-handlers".into());
        }
        if !self.limit.is_empty() {
            a.push("-l".into());
            a.push(self.limit.clone());
        }
        if self.verbosity > 0 {
            a.push(format!("-{}", "v".repeat(self.verbosity.min(5) as usize)));
        }
        if !self.job_tags.is_empty() {
            a.push("-t".into());
            a.push(self.job_tags.clone());
        }
        if !self.skip_tags.is_empty() {
            a.push(format!("--skip-tags={}", self.skip_tags));
        }
        if !self.start_at_task.is_empty() {
            a.push(format!("--start-at-task={}", self.start_at_task));
        }
        a
    }

    /// AWX's password prompt table (§7.6), only for passwords this job has.
    pub fn prompts(&self) -> Result<Prompts> {
        let mut p = Prompts::new();
        let m = self.machine.clone().unwrap_or_default();
        if !m.ssh_key_unlock.is_empty() {
            p.add(r"Enter passphrase for .*:[ \t]*$", &m.ssh_key_unlock)?;
            p.add(r"Bad passphrase, try again for .*:[ \t]*$", "")?;
        }
        if !m.become_password.is_empty() {
            let mut methods: Vec<String> =
                ["sudo", "su", "pbrun", "pfexec", "dzdo", "pmrun", "runas", "enable", "doas", "ksu", "machinectl", "sesu"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
            if !m.become_method.is_empty() && !methods.contains(&m.become_method) {
                methods.push(m.become_method.clone());
            }
            for method in methods {
                for name in [method.clone(), method.to_uppercase()] {
                    p.add(&format!(r"{}\s+password.*:[ \t]*$", regex::escape(&name)), &m.become_password)?;
                }
            }
            p.add(r"BECOME password.*:[ \t]*$", &m.become_password)?;
        }
        if !m.password.is_empty() {
            p.add(r"SSH password:[ \t]*$", &m.password)?;
            p.add(r"Password:[ \t]*$", &m.password)?;
        }
        for v in &self.vaults {
            if v.vault_password.is_empty() {
                continue;
            }
            if v.vault_id.is_empty() {
                p.add(r"Vault password:[ \t]*$", &v.vault_password)?;
            } else {
                p.add(&format!(r"Vault password \({}\):[ \t]*$", regex::escape(&v.vault_id)), &v.vault_password)?;
            }
        }
        Ok(p)
    }

    /// AWX's meta variables (`awx_*` and `tower_*`) overlaid by the job's extra vars.
    pub fn extra_vars_with_meta(&self, project_revision: &str) -> Map<String, Json> {
        let mut meta = Map::new();
        let mut put = |k: &str, v: Json| {
            for prefix in ["awx", "tower"] {
                meta.insert(format!("{prefix}_{k}"), v.clone());
            }
        };
        put("job_id", Json::from(self.id));
        put("job_launch_type", Json::from(self.launch_type.clone()));
        put("project_revision", Json::from(project_revision));
        if let Some(t) = self.template_id {
            put("job_template_id", Json::from(t));
            put("job_template_name", Json::from(self.template_name.clone()));
        }
        if let Some(inv) = &self.inventory {
            put("inventory_id", Json::from(inv.id));
            put("inventory_name", Json::from(inv.name.clone()));
        }
        for (k, v) in &self.extra_vars {
            meta.insert(k.clone(), v.clone());
        }
        meta
    }
}

/// The machine credential's user and whether ansible asks for its password (AWX's order: after
/// `--check`), shared by playbook runs and ad hoc commands.
fn user_args(m: &Machine, a: &mut Vec<String>) {
    a.push("-u".into());
    a.push(if m.username.is_empty() { "root".into() } else { m.username.clone() });
    if !m.password.is_empty() {
        a.push("--ask-pass".into());
    }
}

/// The machine credential's become method, user and whether ansible asks for its password.
fn become_args(m: &Machine, a: &mut Vec<String>) {
    if !m.become_method.is_empty() {
        a.push("--become-method".into());
        a.push(m.become_method.clone());
    }
    if !m.become_username.is_empty() {
        a.push("--become-user".into());
        a.push(m.become_username.clone());
    }
    if !m.become_password.is_empty() {
        a.push("--ask-become-pass".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> JobSpec {
        JobSpec {
            id: 7,
            job_type: "check".into(),
            become_enabled: true,
            forks: 500,
            limit: "web".into(),
            verbosity: 9,
            job_tags: "a,b".into(),
            skip_tags: "c".into(),
            machine: Some(Machine {
                username: "deploy".into(),
                password: "pw".into(),
                become_method: "sudo".into(),
                become_password: "bpw".into(),
                ..Default::default()
            }),
            vaults: vec![
                Vault { name: "v1".into(), vault_password: "vp".into(), vault_id: String::new() },
                Vault { name: "v2".into(), vault_password: "vp2".into(), vault_id: "prod".into() },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn options_follow_awx_order_and_never_contain_secrets() {
        let mut w = Vec::new();
        let a = spec().options(200, &mut w);
        assert_eq!(
            a,
            [
                "--check",
                "-u",
                "deploy",
                "--ask-pass",
                "--become",
                "--become-method",
                "sudo",
                "--ask-become-pass",
                "--ask-vault-pass",
                "--vault-id",
                "prod@prompt",
                "--forks=200",
                "-l",
                "web",
                "-vvvvv",
                "-t",
                "a,b",
                "--skip-tags=c"
            ]
        );
        assert_eq!(w.len(), 1);
        for s in spec().secrets() {
            assert!(!a.contains(&s));
        }
        // Without a machine credential AWX passes -u root.
        let bare = JobSpec::default().options(200, &mut w);
        assert_eq!(bare, ["-u", "root"]);
    }

    #[test]
    fn prompts_answer_the_right_password() {
        let mut p = spec().prompts().unwrap();
        assert_eq!(p.check(b"SSH password: "), Some("pw\n".into()));
        assert_eq!(p.check(b"BECOME password[defaults to SSH password]: "), Some("bpw\n".into()));
        assert_eq!(p.check(b"Vault password (prod): "), Some("vp2\n".into()));
        assert_eq!(p.check(b"Vault password: "), Some("vp\n".into()));
        assert_eq!(p.check(b"[sudo via ansible, key=x] password: "), None);
        assert_eq!(p.check(b"SUDO password: "), Some("bpw\n".into()));
    }

    #[test]
    fn duplicate_vault_ids_are_refused() {
        let mut s = spec();
        s.vaults.push(Vault { name: "v3".into(), vault_password: "x".into(), vault_id: "prod".into() });
        assert!(s.validate().unwrap_err().message.contains("--vault-id prod@prompt"));
    }

    #[test]
    fn meta_vars_are_overridden_by_extra_vars() {
        let mut s = spec();
        s.extra_vars.insert("awx_job_id".into(), Json::from("mine"));
        let v = s.extra_vars_with_meta("abc");
        assert_eq!(v["awx_job_id"], "mine");
        assert_eq!(v["tower_job_id"], 7);
        assert_eq!(v["awx_project_revision"], "abc");
    }
}
