//! The resource types `awxm apply` / `export` / `list` / `show` / `delete` know, described as
//! data: each type's table, name column and scalar fields. Sub-objects (inventory hosts and
//! groups, team members, template links, workflow nodes) are handled in `children.rs`.

/// How a field's value is checked, stored and exported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    /// A whole number in `min..=max` (AWX's model constraints).
    Int {
        min: i64,
        max: i64,
    },
    Bool,
    /// A number in `min..=max`.
    Float {
        min: f64,
        max: f64,
    },
    /// Text restricted to these values.
    Choice(&'static [&'static str]),
    /// Any JSON document, stored as text.
    Json,
    /// A survey spec: `{}` or a spec AWX would accept (`launch::survey::check_spec`), stored
    /// as JSON text.
    Survey,
    /// Variables: a mapping (or YAML/JSON text of one), stored as JSON text.
    Vars,
    /// A mapping whose secret keys are encrypted at rest and exported as `$encrypted$`.
    Secret,
    /// A URL whose password (`https://user:PASSWORD@host/…`) is encrypted at rest, in place,
    /// and exported as `$encrypted$` (see [`crate::crypto::url`]).
    SecretUrl,
    /// A reference to another object by name (the singular type), stored as its id.
    Ref(&'static str),
}

/// Default value of a field on creation (also: export omits values equal to it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Def {
    Text(&'static str),
    Int(i64),
    Bool(bool),
    Float(f64),
    Null,
    Json(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Key in the resource file; `a.b` is key `b` of the mapping `a`.
    pub key: &'static str,
    pub column: &'static str,
    pub kind: Kind,
    pub default: Def,
    /// Must be given when the object is created.
    pub required: bool,
    /// A required reference the database sets to null when the object it names is deleted
    /// (a job template's project): `null` is taken, so an export of that state applies again.
    pub null_ok: bool,
}

const fn fld(key: &'static str, column: &'static str, kind: Kind, default: Def) -> Field {
    Field { key, column, kind, default, required: false, null_ok: false }
}
const fn req(key: &'static str, column: &'static str, kind: Kind, default: Def) -> Field {
    Field { key, column, kind, default, required: true, null_ok: false }
}
/// A required reference that deleting what it names sets to null (see [`Field::null_ok`]).
const fn req_nulled_on_delete(key: &'static str, column: &'static str, kind: Kind) -> Field {
    Field { key, column, kind, default: Def::Null, required: true, null_ok: true }
}
const fn text(key: &'static str) -> Field {
    fld(key, key, Kind::Text, Def::Text(""))
}
const fn boolean(key: &'static str, d: bool) -> Field {
    fld(key, key, Kind::Bool, Def::Bool(d))
}
/// AWX's integer columns hold at most 2^31 − 1.
pub const INT_MAX: i64 = i32::MAX as i64;
const fn int(key: &'static str, d: i64, min: i64, max: i64) -> Field {
    fld(key, key, Kind::Int { min, max }, Def::Int(d))
}
/// A count or number of seconds: 0 to [`INT_MAX`] (AWX's `PositiveIntegerField`).
const fn count(key: &'static str, d: i64) -> Field {
    int(key, d, 0, INT_MAX)
}
/// A timeout in seconds (AWX's `IntegerField`: 0 uses the default, a negative value means no
/// timeout).
const fn timeout(key: &'static str) -> Field {
    int(key, 0, -INT_MAX, INT_MAX)
}
const fn reference(key: &'static str, target: &'static str) -> Field {
    fld(key, concat_id(key), Kind::Ref(target), Def::Null)
}
/// `organization` → `organization_id` (as a const fn we spell the common ones out).
const fn concat_id(key: &'static str) -> &'static str {
    match key.as_bytes() {
        b"organization" => "organization_id",
        b"inventory" => "inventory_id",
        b"project" => "project_id",
        b"credential" => "credential_id",
        _ => "invalid_reference_column",
    }
}

#[derive(Debug)]
pub struct ResourceType {
    /// Key in resource files (`inventories`).
    pub plural: &'static str,
    /// Name on the command line and in role assignments (`inventory`).
    pub singular: &'static str,
    pub table: &'static str,
    /// Column holding the unique name.
    pub key_column: &'static str,
    /// Key holding the name in resource files.
    pub key_field: &'static str,
    pub fields: &'static [Field],
    /// Keys handled by sub-object code.
    pub children: &'static [&'static str],
    /// Computed columns shown by `show` and `list` but never applied.
    pub readonly: &'static [Field],
    /// Keys shown as columns by `list` (besides id and name).
    pub list: &'static [&'static str],
}

pub const CREDENTIAL_KINDS: &[&str] =
    &["machine", "scm", "vault", "net", "cloud", "insights", "kubernetes", "galaxy", "registry", "external", "token"];
pub const NODE_TYPES: &[&str] = &["control", "hybrid", "execution", "isolated"];
pub const NOTIFICATION_TYPES: &[&str] = &["email", "webhook", "slack", "mattermost", "rocketchat", "pagerduty", "grafana", "irc", "twilio"];

pub const ORGANIZATION: ResourceType = ResourceType {
    plural: "organizations",
    singular: "organization",
    table: "organization",
    key_column: "name",
    key_field: "name",
    fields: &[text("description"), count("max_hosts", 0)],
    children: &[
        "instance_groups",
        "notification_templates_started",
        "notification_templates_success",
        "notification_templates_error",
        "notification_templates_approvals",
    ],
    readonly: &[],
    list: &["description", "max_hosts"],
};

pub const USER: ResourceType = ResourceType {
    plural: "users",
    singular: "user",
    table: "auth_user",
    key_column: "username",
    key_field: "name",
    fields: &[
        text("email"),
        text("first_name"),
        text("last_name"),
        boolean("is_superuser", false),
        boolean("is_system_auditor", false),
        boolean("is_active", true),
    ],
    children: &[],
    readonly: &[],
    list: &["email", "is_superuser"],
};

pub const TEAM: ResourceType = ResourceType {
    plural: "teams",
    singular: "team",
    table: "team",
    key_column: "name",
    key_field: "name",
    fields: &[req("organization", "organization_id", Kind::Ref("organization"), Def::Null), text("description")],
    children: &["members"],
    readonly: &[],
    list: &["organization"],
};

pub const CREDENTIAL: ResourceType = ResourceType {
    plural: "credentials",
    singular: "credential",
    table: "credential",
    key_column: "name",
    key_field: "name",
    fields: &[
        text("description"),
        reference("organization", "organization"),
        req("kind", "kind", Kind::Choice(CREDENTIAL_KINDS), Def::Text("machine")),
        fld("inputs", "inputs", Kind::Secret, Def::Json("{}")),
    ],
    children: &[],
    readonly: &[],
    list: &["kind", "organization"],
};

pub const PROJECT: ResourceType = ResourceType {
    plural: "projects",
    singular: "project",
    table: "project",
    key_column: "name",
    key_field: "name",
    fields: &[
        text("description"),
        reference("organization", "organization"),
        fld("scm_type", "scm_type", Kind::Choice(&["manual", "git"]), Def::Text("manual")),
        fld("scm_url", "scm_url", Kind::SecretUrl, Def::Text("")),
        text("scm_branch"),
        text("scm_refspec"),
        boolean("scm_clean", false),
        boolean("scm_delete_on_update", false),
        boolean("scm_update_on_launch", false),
        count("scm_update_cache_timeout", 0),
        reference("credential", "credential"),
        text("local_path"),
        boolean("allow_override", false),
        timeout("timeout"),
    ],
    children: &["notification_templates_started", "notification_templates_success", "notification_templates_error"],
    readonly: &[text("status"), text("scm_revision"), text("last_job_run")],
    list: &["scm_type", "local_path", "status"],
};

pub const INVENTORY: ResourceType = ResourceType {
    plural: "inventories",
    singular: "inventory",
    table: "inventory",
    key_column: "name",
    key_field: "name",
    fields: &[
        text("description"),
        reference("organization", "organization"),
        fld("variables", "variables", Kind::Vars, Def::Json("{}")),
        fld("kind", "kind", Kind::Choice(&["", "smart", "constructed"]), Def::Text("")),
        text("host_filter"),
        boolean("prevent_instance_group_fallback", false),
    ],
    children: &["hosts", "groups", "instance_groups"],
    readonly: &[
        count("total_hosts", 0),
        count("total_groups", 0),
        count("hosts_with_active_failures", 0),
        count("total_inventory_sources", 0),
    ],
    list: &["organization", "total_hosts", "total_groups"],
};

pub const INVENTORY_SOURCE: ResourceType = ResourceType {
    plural: "inventory_sources",
    singular: "inventory_source",
    table: "inventory_source",
    key_column: "name",
    key_field: "name",
    fields: &[
        text("description"),
        req("inventory", "inventory_id", Kind::Ref("inventory"), Def::Null),
        fld("source", "source", Kind::Choice(&["file", "script", "directory", "ansible-inventory", "scm"]), Def::Text("file")),
        text("source_path"),
        fld("source_project", "source_project_id", Kind::Ref("project"), Def::Null),
        fld("source_vars", "source_vars", Kind::Vars, Def::Json("{}")),
        text("enabled_var"),
        text("enabled_value"),
        text("instance_id_var"),
        text("host_filter"),
        text("group_filter"),
        boolean("exclude_empty_groups", false),
        boolean("overwrite", false),
        boolean("overwrite_vars", false),
        boolean("use_ansible_inventory", false),
        timeout("timeout"),
        int("verbosity", 1, 0, 2),
        boolean("update_on_launch", false),
        count("update_cache_timeout", 0),
    ],
    children: &["notification_templates_started", "notification_templates_success", "notification_templates_error"],
    readonly: &[text("status"), text("last_job_run")],
    list: &["inventory", "source", "source_path", "status"],
};

pub const INSTANCE: ResourceType = ResourceType {
    plural: "instances",
    singular: "instance",
    table: "instance",
    key_column: "hostname",
    key_field: "hostname",
    fields: &[
        fld("node_type", "node_type", Kind::Choice(NODE_TYPES), Def::Text("hybrid")),
        boolean("enabled", true),
        boolean("managed_by_policy", true),
        fld("capacity_adjustment", "capacity_adjustment", Kind::Float { min: 0.0, max: 1.0 }, Def::Float(1.0)),
        text("ip_address"),
        fld("ssh.host", "ssh_host", Kind::Text, Def::Text("")),
        fld("ssh.port", "ssh_port", Kind::Int { min: 1, max: 65535 }, Def::Int(22)),
        fld("ssh.user", "ssh_user", Kind::Text, Def::Text("")),
        fld("ssh.credential", "ssh_credential_id", Kind::Ref("credential"), Def::Null),
        text("ansible_bin_dir"),
        text("work_dir"),
    ],
    children: &[],
    readonly: &[
        count("capacity", 0),
        fld("cpu", "cpu", Kind::Float { min: 0.0, max: f64::MAX }, Def::Float(0.0)),
        int("memory", 0, 0, i64::MAX),
        count("cpu_capacity", 0),
        count("mem_capacity", 0),
        text("version"),
        text("errors"),
        text("last_seen"),
        text("last_isolated_check"),
    ],
    list: &["node_type", "enabled", "capacity", "last_seen"],
};

pub const INSTANCE_GROUP: ResourceType = ResourceType {
    plural: "instance_groups",
    singular: "instance_group",
    table: "instance_group",
    key_column: "name",
    key_field: "name",
    fields: &[
        boolean("is_isolated", false),
        boolean("is_container_group", false),
        reference("credential", "credential"),
        int("policy_instance_percentage", 0, 0, 100),
        count("policy_instance_minimum", 0),
        fld("policy_instance_list", "policy_instance_list", Kind::Json, Def::Json("[]")),
        count("max_concurrent_jobs", 0),
        count("max_forks", 0),
    ],
    children: &["instances", "controller"],
    readonly: &[],
    list: &["is_isolated"],
};

pub const NOTIFICATION_TEMPLATE: ResourceType = ResourceType {
    plural: "notification_templates",
    singular: "notification_template",
    table: "notification_template",
    key_column: "name",
    key_field: "name",
    fields: &[
        text("description"),
        reference("organization", "organization"),
        req("notification_type", "notification_type", Kind::Choice(NOTIFICATION_TYPES), Def::Text("email")),
        fld("notification_configuration", "notification_configuration", Kind::Secret, Def::Json("{}")),
        fld("messages", "messages", Kind::Json, Def::Json("null")),
    ],
    children: &[],
    readonly: &[],
    list: &["notification_type", "organization"],
};

pub const JOB_TEMPLATE: ResourceType = ResourceType {
    plural: "job_templates",
    singular: "job_template",
    table: "job_template",
    key_column: "name",
    key_field: "name",
    fields: &[
        text("description"),
        reference("organization", "organization"),
        fld("job_type", "job_type", Kind::Choice(&["run", "check"]), Def::Text("run")),
        reference("inventory", "inventory"),
        req_nulled_on_delete("project", "project_id", Kind::Ref("project")),
        req("playbook", "playbook", Kind::Text, Def::Text("")),
        text("scm_branch"),
        count("forks", 0),
        fld("limit", "job_limit", Kind::Text, Def::Text("")),
        int("verbosity", 0, 0, 5),
        fld("extra_vars", "extra_vars", Kind::Vars, Def::Json("{}")),
        text("job_tags"),
        text("skip_tags"),
        text("start_at_task"),
        boolean("force_handlers", false),
        boolean("become_enabled", false),
        boolean("diff_mode", false),
        boolean("allow_simultaneous", false),
        timeout("timeout"),
        boolean("use_fact_cache", false),
        text("host_config_key"),
        boolean("survey_enabled", false),
        fld("survey_spec", "survey_spec", Kind::Survey, Def::Json("{}")),
        int("job_slice_count", 1, 1, INT_MAX),
        boolean("ask_variables_on_launch", false),
        boolean("ask_limit_on_launch", false),
        boolean("ask_tags_on_launch", false),
        boolean("ask_skip_tags_on_launch", false),
        boolean("ask_job_type_on_launch", false),
        boolean("ask_verbosity_on_launch", false),
        boolean("ask_inventory_on_launch", false),
        boolean("ask_credential_on_launch", false),
        boolean("ask_scm_branch_on_launch", false),
        boolean("ask_diff_mode_on_launch", false),
        boolean("ask_forks_on_launch", false),
        boolean("ask_timeout_on_launch", false),
        boolean("ask_instance_groups_on_launch", false),
        boolean("prevent_instance_group_fallback", false),
    ],
    children: &[
        "credentials",
        "labels",
        "instance_groups",
        "notification_templates_started",
        "notification_templates_success",
        "notification_templates_error",
    ],
    readonly: &[text("status"), text("last_job_run"), boolean("last_job_failed", false)],
    list: &["project", "playbook", "inventory", "status"],
};

pub const WORKFLOW_JOB_TEMPLATE: ResourceType = ResourceType {
    plural: "workflow_job_templates",
    singular: "workflow_job_template",
    table: "workflow_job_template",
    key_column: "name",
    key_field: "name",
    fields: &[
        text("description"),
        reference("organization", "organization"),
        reference("inventory", "inventory"),
        fld("extra_vars", "extra_vars", Kind::Vars, Def::Json("{}")),
        fld("limit", "job_limit", Kind::Text, Def::Text("")),
        text("scm_branch"),
        boolean("allow_simultaneous", false),
        boolean("survey_enabled", false),
        fld("survey_spec", "survey_spec", Kind::Survey, Def::Json("{}")),
        boolean("ask_variables_on_launch", false),
        boolean("ask_limit_on_launch", false),
        boolean("ask_inventory_on_launch", false),
        boolean("ask_scm_branch_on_launch", false),
        boolean("ask_tags_on_launch", false),
        boolean("ask_skip_tags_on_launch", false),
    ],
    children: &[
        "nodes",
        "labels",
        "notification_templates_started",
        "notification_templates_success",
        "notification_templates_error",
        "notification_templates_approvals",
    ],
    readonly: &[text("status"), text("last_job_run")],
    list: &["organization", "status"],
};

/// AWX's system job templates: awxm's own maintenance commands, run through the queue.
pub const SYSTEM_JOB_TEMPLATE: ResourceType = ResourceType {
    plural: "system_job_templates",
    singular: "system_job_template",
    table: "system_job_template",
    key_column: "name",
    key_field: "name",
    fields: &[
        text("description"),
        reference("organization", "organization"),
        req("job_type", "job_type", Kind::Choice(crate::runner::system::JOB_TYPES), Def::Text("")),
        fld("extra_vars", "extra_vars", Kind::Vars, Def::Json("{}")),
    ],
    children: &["notification_templates_started", "notification_templates_success", "notification_templates_error"],
    readonly: &[text("status"), text("last_job_run"), boolean("last_job_failed", false)],
    list: &["job_type", "status"],
};

/// Types in dependency order: apply creates them in this order, export writes them so.
pub const ALL: &[&ResourceType] = &[
    &ORGANIZATION,
    &USER,
    &TEAM,
    &CREDENTIAL,
    &PROJECT,
    &INVENTORY,
    &INVENTORY_SOURCE,
    &INSTANCE,
    &INSTANCE_GROUP,
    &NOTIFICATION_TEMPLATE,
    &JOB_TEMPLATE,
    // Before workflows: a workflow node may run a system job template.
    &SYSTEM_JOB_TEMPLATE,
    &WORKFLOW_JOB_TEMPLATE,
];

/// Find a type by singular or plural name (`inventory`, `inventories`, `job-template`).
pub fn find(name: &str) -> Option<&'static ResourceType> {
    let n = name.replace('-', "_");
    ALL.iter().copied().find(|t| t.singular == n || t.plural == n)
}

pub fn names() -> Vec<&'static str> {
    ALL.iter().map(|t| t.singular).collect()
}

/// Whether an input or configuration key holds a secret (AWX's `secret: true` fields, and a
/// webhook's `headers`, which usually carry a token). A secret that is not a string (the
/// `headers` mapping) is encrypted as its JSON text.
pub fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    [
        "password",
        "secret",
        "token",
        "key_data",
        "key_unlock",
        "passphrase",
        "api_key",
        "private_key",
        "service_key",
        "grafana_key",
        "headers",
    ]
    .iter()
    .any(|s| k.contains(s))
}
