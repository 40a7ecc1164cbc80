-- The task system (issue 15): every kind of unified job (job, project update, inventory update,
-- system job, workflow job; ad hoc commands and approvals to come) shares one id space and one
-- queue. Ids of existing updates and workflow jobs are moved above every job id, with every
-- reference to them, so that no two unified jobs of any kind share an id. (1001/1002 make new
-- ids come from one shared counter on each backend.)
CREATE TABLE migration_id_shift (m BIGINT NOT NULL);
INSERT INTO migration_id_shift (m)
SELECT 1 + max(x) FROM (
    SELECT COALESCE(max(id), 0) AS x FROM job
    UNION ALL SELECT COALESCE(max(id), 0) FROM project_update
    UNION ALL SELECT COALESCE(max(id), 0) FROM inventory_update
    UNION ALL SELECT COALESCE(max(id), 0) FROM workflow_job
) s;

-- Project updates: + m. job.project_update_id is a foreign key: set it aside first.
CREATE TABLE migration_job_pu AS SELECT id, project_update_id FROM job WHERE project_update_id IS NOT NULL;
UPDATE job SET project_update_id = NULL WHERE project_update_id IS NOT NULL;
UPDATE project_update SET id = id + (SELECT m FROM migration_id_shift);
UPDATE job SET project_update_id = (SELECT p.project_update_id + (SELECT m FROM migration_id_shift) FROM migration_job_pu p WHERE p.id = job.id)
WHERE id IN (SELECT id FROM migration_job_pu);
UPDATE project SET last_update_id = last_update_id + (SELECT m FROM migration_id_shift) WHERE last_update_id IS NOT NULL;
UPDATE project SET last_job_id = last_job_id + (SELECT m FROM migration_id_shift) WHERE last_job_id IS NOT NULL;

-- Inventory updates: + 2m.
UPDATE inventory_update SET id = id + 2 * (SELECT m FROM migration_id_shift);
UPDATE inventory_source SET last_update_id = last_update_id + 2 * (SELECT m FROM migration_id_shift) WHERE last_update_id IS NOT NULL;

-- Workflow jobs: + 3m. Their nodes point at them (NOT NULL): copy each workflow job to its new
-- id, move the nodes over, then delete the old row.
INSERT INTO workflow_job (id, name, workflow_job_template_id, organization_id, launch_type, status, failed, cancel_flag,
    started, finished, elapsed, extra_vars, job_explanation, created, modified)
SELECT id + 3 * (SELECT m FROM migration_id_shift), name, workflow_job_template_id, organization_id, launch_type, status, failed,
    cancel_flag, started, finished, elapsed, extra_vars, job_explanation, created, modified
FROM workflow_job;
UPDATE workflow_job_node SET workflow_job_id = workflow_job_id + 3 * (SELECT m FROM migration_id_shift);
DELETE FROM workflow_job WHERE id < 3 * (SELECT m FROM migration_id_shift);
UPDATE workflow_job_template SET last_job_id = last_job_id + 3 * (SELECT m FROM migration_id_shift) WHERE last_job_id IS NOT NULL;
UPDATE workflow_job_node SET job_id = job_id + (SELECT m FROM migration_id_shift) WHERE job_type = 'project_update' AND job_id IS NOT NULL;
UPDATE workflow_job_node SET job_id = job_id + 2 * (SELECT m FROM migration_id_shift) WHERE job_type = 'inventory_update' AND job_id IS NOT NULL;
UPDATE workflow_job_node SET job_id = job_id + 3 * (SELECT m FROM migration_id_shift) WHERE job_type = 'workflow_job' AND job_id IS NOT NULL;
DROP TABLE migration_job_pu;
DROP TABLE migration_id_shift;

-- What the queue needs on every kind (AWX's UnifiedJob fields).
ALTER TABLE job ADD COLUMN dependencies_processed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE job ADD COLUMN allow_simultaneous BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job ADD COLUMN waiter_pid BIGINT;
ALTER TABLE job ADD COLUMN waiter_node TEXT NOT NULL DEFAULT '';

ALTER TABLE project_update ADD COLUMN controller_node TEXT NOT NULL DEFAULT '';
ALTER TABLE project_update ADD COLUMN instance_group_id BIGINT REFERENCES instance_group(id) ON DELETE SET NULL;
ALTER TABLE project_update ADD COLUMN task_impact BIGINT NOT NULL DEFAULT 1;
ALTER TABLE project_update ADD COLUMN dependencies_processed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE project_update ADD COLUMN canceled_on TEXT;
ALTER TABLE project_update ADD COLUMN waiter_pid BIGINT;
ALTER TABLE project_update ADD COLUMN waiter_node TEXT NOT NULL DEFAULT '';

ALTER TABLE inventory_update ADD COLUMN controller_node TEXT NOT NULL DEFAULT '';
ALTER TABLE inventory_update ADD COLUMN instance_group_id BIGINT REFERENCES instance_group(id) ON DELETE SET NULL;
ALTER TABLE inventory_update ADD COLUMN task_impact BIGINT NOT NULL DEFAULT 1;
ALTER TABLE inventory_update ADD COLUMN dependencies_processed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE inventory_update ADD COLUMN canceled_on TEXT;
ALTER TABLE inventory_update ADD COLUMN waiter_pid BIGINT;
ALTER TABLE inventory_update ADD COLUMN waiter_node TEXT NOT NULL DEFAULT '';
ALTER TABLE inventory_update ADD COLUMN verbosity BIGINT NOT NULL DEFAULT 1;

ALTER TABLE workflow_job ADD COLUMN dependencies_processed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE workflow_job ADD COLUMN canceled_on TEXT;

-- dependent_jobs: job_id must wait for depends_on_id (both unified job ids, of any kind).
CREATE TABLE unified_job_dependency (
    job_id BIGINT NOT NULL,
    depends_on_id BIGINT NOT NULL,
    PRIMARY KEY (job_id, depends_on_id)
);
CREATE INDEX unified_job_dependency_on ON unified_job_dependency(depends_on_id);

-- System jobs (AWX's SystemJobTemplate / SystemJob): awxm's own maintenance commands.
CREATE TABLE system_job_template (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    organization_id BIGINT REFERENCES organization(id) ON DELETE SET NULL,
    job_type TEXT NOT NULL,  -- cleanup_jobs | cleanup_stdout | gather_analytics | check_license
    extra_vars TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'never updated',
    last_job_id BIGINT,
    last_job_run TEXT,
    last_job_failed BOOLEAN NOT NULL DEFAULT FALSE,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);

CREATE TABLE system_job (
    id @ID@,
    name TEXT NOT NULL DEFAULT '',
    system_job_template_id BIGINT REFERENCES system_job_template(id) ON DELETE SET NULL,
    organization_id BIGINT REFERENCES organization(id) ON DELETE SET NULL,
    job_type TEXT NOT NULL DEFAULT '',
    extra_vars TEXT NOT NULL DEFAULT '{}',
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
    task_impact BIGINT NOT NULL DEFAULT 5,
    dependencies_processed BOOLEAN NOT NULL DEFAULT TRUE,
    job_args TEXT NOT NULL DEFAULT '',
    job_env TEXT NOT NULL DEFAULT '{}',
    stdout TEXT NOT NULL DEFAULT '',
    rc BIGINT,
    pid BIGINT,
    waiter_pid BIGINT,
    waiter_node TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX system_job_template_ref ON system_job(system_job_template_id, id);
CREATE INDEX system_job_status ON system_job(status);
CREATE INDEX system_job_finished ON system_job(finished);
CREATE INDEX system_job_created ON system_job(created);
CREATE INDEX workflow_job_status ON workflow_job(status);

-- Launch-time prompts a job template accepts (AWX's ask_*_on_launch).
ALTER TABLE job_template ADD COLUMN ask_variables_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_limit_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_tags_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_skip_tags_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_job_type_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_verbosity_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_inventory_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_credential_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_scm_branch_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_diff_mode_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_forks_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_timeout_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN ask_instance_groups_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE job_template ADD COLUMN prevent_instance_group_fallback BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE inventory ADD COLUMN prevent_instance_group_fallback BOOLEAN NOT NULL DEFAULT FALSE;

-- Instance groups of inventories and organizations (AWX's order: template → inventory →
-- organization → default).
CREATE TABLE inventory_instance_group (
    inventory_id BIGINT NOT NULL REFERENCES inventory(id) ON DELETE CASCADE,
    instance_group_id BIGINT NOT NULL REFERENCES instance_group(id) ON DELETE CASCADE,
    position BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (inventory_id, instance_group_id)
);
CREATE INDEX inventory_instance_group_ig ON inventory_instance_group(instance_group_id);
CREATE TABLE organization_instance_group (
    organization_id BIGINT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    instance_group_id BIGINT NOT NULL REFERENCES instance_group(id) ON DELETE CASCADE,
    position BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (organization_id, instance_group_id)
);
CREATE INDEX organization_instance_group_ig ON organization_instance_group(instance_group_id);
