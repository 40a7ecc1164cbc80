-- awxm schema: AWX's data model, trimmed (see ARCHITECTURE.md "Data model").
-- Neutral dialect: @ID@ = auto-increment primary key. Times are UTC text (RFC 3339, fixed width).
-- JSON documents (variables, inputs, event_data, ...) are text.

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,             -- JSON; for secret settings a JSON string "$encrypted$..."
    encrypted BOOLEAN NOT NULL DEFAULT FALSE,
    modified TEXT NOT NULL
);

CREATE TABLE organization (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    max_hosts BIGINT NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);

CREATE TABLE auth_user (
    id @ID@,
    username TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    is_superuser BOOLEAN NOT NULL DEFAULT FALSE,
    is_system_auditor BOOLEAN NOT NULL DEFAULT FALSE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);

CREATE TABLE team (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    organization_id BIGINT NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
    description TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX team_org ON team(organization_id);

CREATE TABLE team_member (
    team_id BIGINT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES auth_user(id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_member_user ON team_member(user_id);

-- A role on one object, held by a user or a team. object_type is the singular resource type
-- (organization, team, credential, project, inventory, job_template, workflow_job_template,
-- instance_group, notification_template).
CREATE TABLE role_assignment (
    id @ID@,
    user_id BIGINT REFERENCES auth_user(id) ON DELETE CASCADE,
    team_id BIGINT REFERENCES team(id) ON DELETE CASCADE,
    object_type TEXT NOT NULL,
    object_id BIGINT NOT NULL,
    role TEXT NOT NULL,
    created TEXT NOT NULL,
    CHECK ((user_id IS NULL) <> (team_id IS NULL))
);
CREATE UNIQUE INDEX role_assignment_user ON role_assignment(user_id, object_type, object_id, role) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX role_assignment_team ON role_assignment(team_id, object_type, object_id, role) WHERE team_id IS NOT NULL;
CREATE INDEX role_assignment_object ON role_assignment(object_type, object_id);

CREATE TABLE credential (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    organization_id BIGINT REFERENCES organization(id) ON DELETE RESTRICT,
    kind TEXT NOT NULL,               -- machine | scm | vault | net | cloud | insights | ...
    inputs TEXT NOT NULL DEFAULT '{}',-- JSON; secret fields hold "$encrypted$AESGCM$..."
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX credential_org ON credential(organization_id);

CREATE TABLE project (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    organization_id BIGINT REFERENCES organization(id) ON DELETE RESTRICT,
    scm_type TEXT NOT NULL DEFAULT 'manual',  -- manual | git
    scm_url TEXT NOT NULL DEFAULT '',
    scm_branch TEXT NOT NULL DEFAULT '',
    scm_refspec TEXT NOT NULL DEFAULT '',
    scm_clean BOOLEAN NOT NULL DEFAULT FALSE,
    scm_delete_on_update BOOLEAN NOT NULL DEFAULT FALSE,
    scm_update_on_launch BOOLEAN NOT NULL DEFAULT FALSE,
    scm_update_cache_timeout BIGINT NOT NULL DEFAULT 0,
    credential_id BIGINT REFERENCES credential(id) ON DELETE SET NULL,
    local_path TEXT NOT NULL DEFAULT '',
    scm_revision TEXT NOT NULL DEFAULT '',
    allow_override BOOLEAN NOT NULL DEFAULT FALSE,
    timeout BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'never updated',
    last_job_id BIGINT,
    last_job_run TEXT,
    last_job_failed BOOLEAN NOT NULL DEFAULT FALSE,
    last_update_id BIGINT,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX project_org ON project(organization_id);
CREATE INDEX project_cred ON project(credential_id);

CREATE TABLE project_update (
    id @ID@,
    name TEXT NOT NULL DEFAULT '',
    project_id BIGINT REFERENCES project(id) ON DELETE CASCADE,
    launch_type TEXT NOT NULL DEFAULT 'manual',
    job_type TEXT NOT NULL DEFAULT 'check',
    status TEXT NOT NULL DEFAULT 'new',
    failed BOOLEAN NOT NULL DEFAULT FALSE,
    cancel_flag BOOLEAN NOT NULL DEFAULT FALSE,
    started TEXT,
    finished TEXT,
    elapsed DOUBLE PRECISION NOT NULL DEFAULT 0,
    scm_type TEXT NOT NULL DEFAULT '',
    scm_url TEXT NOT NULL DEFAULT '',
    scm_branch TEXT NOT NULL DEFAULT '',
    scm_revision TEXT NOT NULL DEFAULT '',
    local_path TEXT NOT NULL DEFAULT '',
    execution_node TEXT NOT NULL DEFAULT '',
    job_explanation TEXT NOT NULL DEFAULT '',
    result_traceback TEXT NOT NULL DEFAULT '',
    job_args TEXT NOT NULL DEFAULT '',
    job_env TEXT NOT NULL DEFAULT '{}',
    stdout TEXT NOT NULL DEFAULT '',
    pid BIGINT,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX project_update_project ON project_update(project_id, id);
CREATE INDEX project_update_finished ON project_update(finished);
CREATE INDEX project_update_status ON project_update(status);

CREATE TABLE inventory (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    organization_id BIGINT REFERENCES organization(id) ON DELETE RESTRICT,
    variables TEXT NOT NULL DEFAULT '{}',
    kind TEXT NOT NULL DEFAULT '',            -- '' | smart | constructed
    host_filter TEXT NOT NULL DEFAULT '',
    total_hosts BIGINT NOT NULL DEFAULT 0,
    hosts_with_active_failures BIGINT NOT NULL DEFAULT 0,
    total_groups BIGINT NOT NULL DEFAULT 0,
    has_active_failures BOOLEAN NOT NULL DEFAULT FALSE,
    total_inventory_sources BIGINT NOT NULL DEFAULT 0,
    inventory_sources_with_failures BIGINT NOT NULL DEFAULT 0,
    has_inventory_sources BOOLEAN NOT NULL DEFAULT FALSE,
    pending_deletion BOOLEAN NOT NULL DEFAULT FALSE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX inventory_org ON inventory(organization_id);

CREATE TABLE instance (
    id @ID@,
    hostname TEXT NOT NULL UNIQUE,
    uuid TEXT NOT NULL DEFAULT '',
    ip_address TEXT NOT NULL DEFAULT '',
    node_type TEXT NOT NULL DEFAULT 'hybrid',   -- control | hybrid | execution | isolated
    version TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL DEFAULT 0,
    capacity_adjustment DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    cpu DOUBLE PRECISION NOT NULL DEFAULT 0,
    memory BIGINT NOT NULL DEFAULT 0,
    cpu_capacity BIGINT NOT NULL DEFAULT 0,
    mem_capacity BIGINT NOT NULL DEFAULT 0,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    managed_by_policy BOOLEAN NOT NULL DEFAULT TRUE,
    errors TEXT NOT NULL DEFAULT '',
    last_seen TEXT,
    last_health_check TEXT,
    last_isolated_check TEXT,
    ssh_host TEXT NOT NULL DEFAULT '',
    ssh_port BIGINT NOT NULL DEFAULT 22,
    ssh_user TEXT NOT NULL DEFAULT '',
    ssh_credential_id BIGINT REFERENCES credential(id) ON DELETE SET NULL,
    ansible_bin_dir TEXT NOT NULL DEFAULT '',
    work_dir TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);

CREATE TABLE instance_group (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    controller_id BIGINT REFERENCES instance_group(id) ON DELETE SET NULL,
    credential_id BIGINT REFERENCES credential(id) ON DELETE SET NULL,
    is_isolated BOOLEAN NOT NULL DEFAULT FALSE,
    is_container_group BOOLEAN NOT NULL DEFAULT FALSE,
    policy_instance_percentage BIGINT NOT NULL DEFAULT 0,
    policy_instance_minimum BIGINT NOT NULL DEFAULT 0,
    policy_instance_list TEXT NOT NULL DEFAULT '[]',
    max_concurrent_jobs BIGINT NOT NULL DEFAULT 0,
    max_forks BIGINT NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);

CREATE TABLE instance_group_instance (
    instance_group_id BIGINT NOT NULL REFERENCES instance_group(id) ON DELETE CASCADE,
    instance_id BIGINT NOT NULL REFERENCES instance(id) ON DELETE CASCADE,
    PRIMARY KEY (instance_group_id, instance_id)
);
CREATE INDEX instance_group_instance_instance ON instance_group_instance(instance_id);

CREATE TABLE label (
    id @ID@,
    name TEXT NOT NULL,
    organization_id BIGINT REFERENCES organization(id) ON DELETE CASCADE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE UNIQUE INDEX label_name_org ON label(name, organization_id);

CREATE TABLE notification_template (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    organization_id BIGINT REFERENCES organization(id) ON DELETE RESTRICT,
    notification_type TEXT NOT NULL,           -- email | webhook | ...
    notification_configuration TEXT NOT NULL DEFAULT '{}',  -- JSON; secrets encrypted
    messages TEXT NOT NULL DEFAULT 'null',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);

CREATE TABLE job_template (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    organization_id BIGINT REFERENCES organization(id) ON DELETE SET NULL,
    job_type TEXT NOT NULL DEFAULT 'run',      -- run | check
    inventory_id BIGINT REFERENCES inventory(id) ON DELETE SET NULL,
    project_id BIGINT REFERENCES project(id) ON DELETE SET NULL,
    playbook TEXT NOT NULL DEFAULT '',
    scm_branch TEXT NOT NULL DEFAULT '',
    forks BIGINT NOT NULL DEFAULT 0,
    job_limit TEXT NOT NULL DEFAULT '',
    verbosity BIGINT NOT NULL DEFAULT 0,
    extra_vars TEXT NOT NULL DEFAULT '{}',
    job_tags TEXT NOT NULL DEFAULT '',
    skip_tags TEXT NOT NULL DEFAULT '',
    start_at_task TEXT NOT NULL DEFAULT '',
    force_handlers BOOLEAN NOT NULL DEFAULT FALSE,
    become_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    diff_mode BOOLEAN NOT NULL DEFAULT FALSE,
    allow_simultaneous BOOLEAN NOT NULL DEFAULT FALSE,
    timeout BIGINT NOT NULL DEFAULT 0,
    use_fact_cache BOOLEAN NOT NULL DEFAULT FALSE,
    host_config_key TEXT NOT NULL DEFAULT '',
    survey_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    survey_spec TEXT NOT NULL DEFAULT '{}',
    job_slice_count BIGINT NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'never updated',
    current_job_id BIGINT,
    last_job_id BIGINT,
    last_job_run TEXT,
    last_job_failed BOOLEAN NOT NULL DEFAULT FALSE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX job_template_inventory ON job_template(inventory_id);
CREATE INDEX job_template_project ON job_template(project_id);

CREATE TABLE job_template_credential (
    job_template_id BIGINT NOT NULL REFERENCES job_template(id) ON DELETE CASCADE,
    credential_id BIGINT NOT NULL REFERENCES credential(id) ON DELETE CASCADE,
    position BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (job_template_id, credential_id)
);
CREATE INDEX job_template_credential_cred ON job_template_credential(credential_id);

CREATE TABLE job_template_label (
    job_template_id BIGINT NOT NULL REFERENCES job_template(id) ON DELETE CASCADE,
    label_id BIGINT NOT NULL REFERENCES label(id) ON DELETE CASCADE,
    PRIMARY KEY (job_template_id, label_id)
);
CREATE INDEX job_template_label_label ON job_template_label(label_id);

CREATE TABLE job_template_instance_group (
    job_template_id BIGINT NOT NULL REFERENCES job_template(id) ON DELETE CASCADE,
    instance_group_id BIGINT NOT NULL REFERENCES instance_group(id) ON DELETE CASCADE,
    position BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (job_template_id, instance_group_id)
);
CREATE INDEX job_template_instance_group_ig ON job_template_instance_group(instance_group_id);

-- event: started | success | error (AWX's notification_templates_started/_success/_error)
CREATE TABLE job_template_notification (
    job_template_id BIGINT NOT NULL REFERENCES job_template(id) ON DELETE CASCADE,
    notification_template_id BIGINT NOT NULL REFERENCES notification_template(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    PRIMARY KEY (job_template_id, notification_template_id, event)
);
CREATE INDEX job_template_notification_nt ON job_template_notification(notification_template_id);

CREATE TABLE job (
    id @ID@,
    name TEXT NOT NULL DEFAULT '',
    job_template_id BIGINT REFERENCES job_template(id) ON DELETE SET NULL,
    organization_id BIGINT REFERENCES organization(id) ON DELETE SET NULL,
    launch_type TEXT NOT NULL DEFAULT 'manual',
    status TEXT NOT NULL DEFAULT 'new',
    failed BOOLEAN NOT NULL DEFAULT FALSE,
    cancel_flag BOOLEAN NOT NULL DEFAULT FALSE,
    started TEXT,
    finished TEXT,
    canceled_on TEXT,
    elapsed DOUBLE PRECISION NOT NULL DEFAULT 0,
    job_explanation TEXT NOT NULL DEFAULT '',
    result_traceback TEXT NOT NULL DEFAULT '',
    execution_node TEXT NOT NULL DEFAULT '',
    controller_node TEXT NOT NULL DEFAULT '',
    instance_group_id BIGINT REFERENCES instance_group(id) ON DELETE SET NULL,
    job_type TEXT NOT NULL DEFAULT 'run',
    inventory_id BIGINT REFERENCES inventory(id) ON DELETE SET NULL,
    project_id BIGINT REFERENCES project(id) ON DELETE SET NULL,
    project_update_id BIGINT REFERENCES project_update(id) ON DELETE SET NULL,
    playbook TEXT NOT NULL DEFAULT '',
    scm_branch TEXT NOT NULL DEFAULT '',
    scm_revision TEXT NOT NULL DEFAULT '',
    forks BIGINT NOT NULL DEFAULT 0,
    job_limit TEXT NOT NULL DEFAULT '',
    verbosity BIGINT NOT NULL DEFAULT 0,
    extra_vars TEXT NOT NULL DEFAULT '{}',
    job_tags TEXT NOT NULL DEFAULT '',
    skip_tags TEXT NOT NULL DEFAULT '',
    start_at_task TEXT NOT NULL DEFAULT '',
    force_handlers BOOLEAN NOT NULL DEFAULT FALSE,
    become_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    diff_mode BOOLEAN NOT NULL DEFAULT FALSE,
    timeout BIGINT NOT NULL DEFAULT 0,
    use_fact_cache BOOLEAN NOT NULL DEFAULT FALSE,
    job_args TEXT NOT NULL DEFAULT '',
    job_cwd TEXT NOT NULL DEFAULT '',
    job_env TEXT NOT NULL DEFAULT '{}',
    artifacts TEXT NOT NULL DEFAULT '{}',
    rc BIGINT,
    pid BIGINT,
    work_dir TEXT NOT NULL DEFAULT '',
    stdout TEXT NOT NULL DEFAULT '',
    emitted_events BIGINT NOT NULL DEFAULT 0,
    task_impact BIGINT NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX job_template_ref ON job(job_template_id, id);
CREATE INDEX job_status ON job(status);
CREATE INDEX job_finished ON job(finished);
CREATE INDEX job_created ON job(created);
CREATE INDEX job_execution_node ON job(execution_node, status);

CREATE TABLE job_credential (
    job_id BIGINT NOT NULL REFERENCES job(id) ON DELETE CASCADE,
    credential_id BIGINT NOT NULL REFERENCES credential(id) ON DELETE CASCADE,
    PRIMARY KEY (job_id, credential_id)
);
CREATE INDEX job_credential_cred ON job_credential(credential_id);

CREATE TABLE job_event (
    id @ID@,
    job_id BIGINT NOT NULL REFERENCES job(id) ON DELETE CASCADE,
    counter BIGINT NOT NULL,
    uuid TEXT NOT NULL DEFAULT '',
    parent_uuid TEXT NOT NULL DEFAULT '',
    event TEXT NOT NULL,
    event_data TEXT NOT NULL DEFAULT '{}',
    failed BOOLEAN NOT NULL DEFAULT FALSE,
    changed BOOLEAN NOT NULL DEFAULT FALSE,
    host_id BIGINT,
    host_name TEXT NOT NULL DEFAULT '',
    playbook TEXT NOT NULL DEFAULT '',
    play TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    task TEXT NOT NULL DEFAULT '',
    stdout TEXT NOT NULL DEFAULT '',
    verbosity BIGINT NOT NULL DEFAULT 0,
    start_line BIGINT NOT NULL DEFAULT 0,
    end_line BIGINT NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE UNIQUE INDEX job_event_counter ON job_event(job_id, counter);
CREATE INDEX job_event_uuid ON job_event(job_id, uuid);
CREATE INDEX job_event_created ON job_event(created);

CREATE TABLE inv_group (
    id @ID@,
    inventory_id BIGINT NOT NULL REFERENCES inventory(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    variables TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    UNIQUE (inventory_id, name)
);

CREATE TABLE host (
    id @ID@,
    inventory_id BIGINT NOT NULL REFERENCES inventory(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    instance_id TEXT NOT NULL DEFAULT '',
    variables TEXT NOT NULL DEFAULT '{}',
    last_job_id BIGINT REFERENCES job(id) ON DELETE SET NULL,
    last_job_host_summary_id BIGINT,
    has_active_failures BOOLEAN NOT NULL DEFAULT FALSE,
    ansible_facts TEXT NOT NULL DEFAULT '{}',
    ansible_facts_modified TEXT,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    UNIQUE (inventory_id, name)
);
CREATE INDEX host_instance_id ON host(inventory_id, instance_id);
CREATE INDEX host_last_job ON host(last_job_id);

CREATE TABLE group_host (
    group_id BIGINT NOT NULL REFERENCES inv_group(id) ON DELETE CASCADE,
    host_id BIGINT NOT NULL REFERENCES host(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, host_id)
);
CREATE INDEX group_host_host ON group_host(host_id);

CREATE TABLE group_child (
    parent_id BIGINT NOT NULL REFERENCES inv_group(id) ON DELETE CASCADE,
    child_id BIGINT NOT NULL REFERENCES inv_group(id) ON DELETE CASCADE,
    PRIMARY KEY (parent_id, child_id)
);
CREATE INDEX group_child_child ON group_child(child_id);

CREATE TABLE inventory_source (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    inventory_id BIGINT NOT NULL REFERENCES inventory(id) ON DELETE CASCADE,
    source TEXT NOT NULL DEFAULT 'file',       -- file | script | directory | ansible-inventory | scm
    source_path TEXT NOT NULL DEFAULT '',
    source_project_id BIGINT REFERENCES project(id) ON DELETE SET NULL,
    source_vars TEXT NOT NULL DEFAULT '{}',
    enabled_var TEXT NOT NULL DEFAULT '',
    enabled_value TEXT NOT NULL DEFAULT '',
    instance_id_var TEXT NOT NULL DEFAULT '',
    host_filter TEXT NOT NULL DEFAULT '',
    group_filter TEXT NOT NULL DEFAULT '',
    exclude_empty_groups BOOLEAN NOT NULL DEFAULT FALSE,
    overwrite BOOLEAN NOT NULL DEFAULT FALSE,
    overwrite_vars BOOLEAN NOT NULL DEFAULT FALSE,
    use_ansible_inventory BOOLEAN NOT NULL DEFAULT FALSE,
    timeout BIGINT NOT NULL DEFAULT 0,
    verbosity BIGINT NOT NULL DEFAULT 1,
    update_on_launch BOOLEAN NOT NULL DEFAULT FALSE,
    update_cache_timeout BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'never updated',
    last_update_id BIGINT,
    last_job_run TEXT,
    last_job_failed BOOLEAN NOT NULL DEFAULT FALSE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX inventory_source_inventory ON inventory_source(inventory_id);

CREATE TABLE host_inventory_source (
    host_id BIGINT NOT NULL REFERENCES host(id) ON DELETE CASCADE,
    inventory_source_id BIGINT NOT NULL REFERENCES inventory_source(id) ON DELETE CASCADE,
    PRIMARY KEY (host_id, inventory_source_id)
);
CREATE INDEX host_inventory_source_src ON host_inventory_source(inventory_source_id);

CREATE TABLE group_inventory_source (
    group_id BIGINT NOT NULL REFERENCES inv_group(id) ON DELETE CASCADE,
    inventory_source_id BIGINT NOT NULL REFERENCES inventory_source(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, inventory_source_id)
);
CREATE INDEX group_inventory_source_src ON group_inventory_source(inventory_source_id);

CREATE TABLE inventory_update (
    id @ID@,
    name TEXT NOT NULL DEFAULT '',
    inventory_source_id BIGINT REFERENCES inventory_source(id) ON DELETE CASCADE,
    inventory_id BIGINT REFERENCES inventory(id) ON DELETE CASCADE,
    launch_type TEXT NOT NULL DEFAULT 'manual',
    status TEXT NOT NULL DEFAULT 'new',
    failed BOOLEAN NOT NULL DEFAULT FALSE,
    cancel_flag BOOLEAN NOT NULL DEFAULT FALSE,
    started TEXT,
    finished TEXT,
    elapsed DOUBLE PRECISION NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    source_path TEXT NOT NULL DEFAULT '',
    overwrite BOOLEAN NOT NULL DEFAULT FALSE,
    overwrite_vars BOOLEAN NOT NULL DEFAULT FALSE,
    execution_node TEXT NOT NULL DEFAULT '',
    job_explanation TEXT NOT NULL DEFAULT '',
    result_traceback TEXT NOT NULL DEFAULT '',
    job_args TEXT NOT NULL DEFAULT '',
    job_env TEXT NOT NULL DEFAULT '{}',
    stdout TEXT NOT NULL DEFAULT '',
    license_error BOOLEAN NOT NULL DEFAULT FALSE,
    org_host_limit_error BOOLEAN NOT NULL DEFAULT FALSE,
    counts TEXT NOT NULL DEFAULT '{}',
    pid BIGINT,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX inventory_update_source ON inventory_update(inventory_source_id, id);
CREATE INDEX inventory_update_finished ON inventory_update(finished);
CREATE INDEX inventory_update_status ON inventory_update(status);

CREATE TABLE job_host_summary (
    id @ID@,
    job_id BIGINT NOT NULL REFERENCES job(id) ON DELETE CASCADE,
    host_id BIGINT REFERENCES host(id) ON DELETE SET NULL,
    host_name TEXT NOT NULL,
    changed BIGINT NOT NULL DEFAULT 0,
    dark BIGINT NOT NULL DEFAULT 0,
    failures BIGINT NOT NULL DEFAULT 0,
    ignored BIGINT NOT NULL DEFAULT 0,
    ok BIGINT NOT NULL DEFAULT 0,
    processed BIGINT NOT NULL DEFAULT 0,
    rescued BIGINT NOT NULL DEFAULT 0,
    skipped BIGINT NOT NULL DEFAULT 0,
    failed BOOLEAN NOT NULL DEFAULT FALSE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    UNIQUE (job_id, host_name)
);
CREATE INDEX job_host_summary_host ON job_host_summary(host_id);

CREATE TABLE notification (
    id @ID@,
    notification_template_id BIGINT REFERENCES notification_template(id) ON DELETE CASCADE,
    job_id BIGINT REFERENCES job(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'pending',    -- pending | successful | failed
    error TEXT NOT NULL DEFAULT '',
    notifications_sent BIGINT NOT NULL DEFAULT 0,
    notification_type TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX notification_template_ref ON notification(notification_template_id);
CREATE INDEX notification_job ON notification(job_id);
CREATE INDEX notification_created ON notification(created);

CREATE TABLE workflow_job_template (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    organization_id BIGINT REFERENCES organization(id) ON DELETE SET NULL,
    inventory_id BIGINT REFERENCES inventory(id) ON DELETE SET NULL,
    extra_vars TEXT NOT NULL DEFAULT '{}',
    job_limit TEXT NOT NULL DEFAULT '',
    scm_branch TEXT NOT NULL DEFAULT '',
    allow_simultaneous BOOLEAN NOT NULL DEFAULT FALSE,
    survey_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    survey_spec TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'never updated',
    last_job_id BIGINT,
    last_job_run TEXT,
    last_job_failed BOOLEAN NOT NULL DEFAULT FALSE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);

CREATE TABLE workflow_job_template_label (
    workflow_job_template_id BIGINT NOT NULL REFERENCES workflow_job_template(id) ON DELETE CASCADE,
    label_id BIGINT NOT NULL REFERENCES label(id) ON DELETE CASCADE,
    PRIMARY KEY (workflow_job_template_id, label_id)
);

CREATE TABLE workflow_approval_template (
    id @ID@,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    timeout BIGINT NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);

-- A node runs exactly one of: a job template, a project update, an inventory source update, a
-- nested workflow, or an approval.
CREATE TABLE workflow_job_template_node (
    id @ID@,
    workflow_job_template_id BIGINT NOT NULL REFERENCES workflow_job_template(id) ON DELETE CASCADE,
    identifier TEXT NOT NULL,
    job_template_id BIGINT REFERENCES job_template(id) ON DELETE SET NULL,
    project_id BIGINT REFERENCES project(id) ON DELETE SET NULL,
    inventory_source_id BIGINT REFERENCES inventory_source(id) ON DELETE SET NULL,
    workflow_template_id BIGINT REFERENCES workflow_job_template(id) ON DELETE SET NULL,
    approval_template_id BIGINT REFERENCES workflow_approval_template(id) ON DELETE SET NULL,
    inventory_id BIGINT REFERENCES inventory(id) ON DELETE SET NULL,
    extra_data TEXT NOT NULL DEFAULT '{}',
    job_type TEXT NOT NULL DEFAULT '',
    job_limit TEXT NOT NULL DEFAULT '',
    job_tags TEXT NOT NULL DEFAULT '',
    skip_tags TEXT NOT NULL DEFAULT '',
    scm_branch TEXT NOT NULL DEFAULT '',
    verbosity BIGINT,
    diff_mode BOOLEAN,
    all_parents_must_converge BOOLEAN NOT NULL DEFAULT FALSE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    UNIQUE (workflow_job_template_id, identifier)
);

-- kind: success | failure | always
CREATE TABLE workflow_node_edge (
    from_node_id BIGINT NOT NULL REFERENCES workflow_job_template_node(id) ON DELETE CASCADE,
    to_node_id BIGINT NOT NULL REFERENCES workflow_job_template_node(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (from_node_id, to_node_id, kind)
);
CREATE INDEX workflow_node_edge_to ON workflow_node_edge(to_node_id);

CREATE TABLE workflow_node_credential (
    node_id BIGINT NOT NULL REFERENCES workflow_job_template_node(id) ON DELETE CASCADE,
    credential_id BIGINT NOT NULL REFERENCES credential(id) ON DELETE CASCADE,
    PRIMARY KEY (node_id, credential_id)
);

CREATE TABLE workflow_job_template_notification (
    workflow_job_template_id BIGINT NOT NULL REFERENCES workflow_job_template(id) ON DELETE CASCADE,
    notification_template_id BIGINT NOT NULL REFERENCES notification_template(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    PRIMARY KEY (workflow_job_template_id, notification_template_id, event)
);

CREATE TABLE workflow_job (
    id @ID@,
    name TEXT NOT NULL DEFAULT '',
    workflow_job_template_id BIGINT REFERENCES workflow_job_template(id) ON DELETE SET NULL,
    organization_id BIGINT REFERENCES organization(id) ON DELETE SET NULL,
    launch_type TEXT NOT NULL DEFAULT 'manual',
    status TEXT NOT NULL DEFAULT 'new',
    failed BOOLEAN NOT NULL DEFAULT FALSE,
    cancel_flag BOOLEAN NOT NULL DEFAULT FALSE,
    started TEXT,
    finished TEXT,
    elapsed DOUBLE PRECISION NOT NULL DEFAULT 0,
    extra_vars TEXT NOT NULL DEFAULT '{}',
    job_explanation TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX workflow_job_finished ON workflow_job(finished);

CREATE TABLE workflow_job_node (
    id @ID@,
    workflow_job_id BIGINT NOT NULL REFERENCES workflow_job(id) ON DELETE CASCADE,
    identifier TEXT NOT NULL DEFAULT '',
    unified_job_template_type TEXT NOT NULL DEFAULT '',
    unified_job_template_id BIGINT,
    job_type TEXT NOT NULL DEFAULT '',          -- job | project_update | inventory_update | workflow_job
    job_id BIGINT,
    do_not_run BOOLEAN NOT NULL DEFAULT FALSE,
    all_parents_must_converge BOOLEAN NOT NULL DEFAULT FALSE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX workflow_job_node_wj ON workflow_job_node(workflow_job_id);
CREATE INDEX workflow_job_node_created ON workflow_job_node(created);

CREATE TABLE workflow_job_node_edge (
    from_node_id BIGINT NOT NULL REFERENCES workflow_job_node(id) ON DELETE CASCADE,
    to_node_id BIGINT NOT NULL REFERENCES workflow_job_node(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (from_node_id, to_node_id, kind)
);
