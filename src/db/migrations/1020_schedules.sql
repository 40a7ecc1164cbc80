-- Schedules (issue 17): AWX's Schedule model. A schedule belongs to exactly one template of one
-- kind (one nullable foreign key per kind, CASCADE: the schedule goes with its template); its
-- name is unique per template. `dtstart`, `dtend`, `next_run` are computed from `rrule` (UTC,
-- the storage form of crate::time). The launch prompts are AWX's: `extra_data`, `inventory`,
-- `char_prompts` (limit, scm_branch, job_tags, skip_tags, diff_mode, job_type, verbosity, forks,
-- timeout) and credentials (schedule_credential). `max_lateness` (seconds, 0 = no limit) is
-- awxm's: an occurrence found later than that is skipped, with its reason recorded.
CREATE TABLE schedule (
    id @ID@,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    job_template_id BIGINT REFERENCES job_template(id) ON DELETE CASCADE,
    project_id BIGINT REFERENCES project(id) ON DELETE CASCADE,
    inventory_source_id BIGINT REFERENCES inventory_source(id) ON DELETE CASCADE,
    system_job_template_id BIGINT REFERENCES system_job_template(id) ON DELETE CASCADE,
    workflow_job_template_id BIGINT REFERENCES workflow_job_template(id) ON DELETE CASCADE,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    rrule TEXT NOT NULL,
    timezone TEXT NOT NULL DEFAULT '',
    dtstart TEXT,
    dtend TEXT,
    next_run TEXT,
    extra_data TEXT NOT NULL DEFAULT '{}',
    inventory_id BIGINT REFERENCES inventory(id) ON DELETE SET NULL,
    char_prompts TEXT NOT NULL DEFAULT '{}',
    max_lateness BIGINT NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    CHECK ((CASE WHEN job_template_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN project_id IS NULL THEN 0 ELSE 1 END)
         + (CASE WHEN inventory_source_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN system_job_template_id IS NULL THEN 0 ELSE 1 END)
         + (CASE WHEN workflow_job_template_id IS NULL THEN 0 ELSE 1 END) = 1)
);
CREATE UNIQUE INDEX schedule_job_template_name ON schedule (job_template_id, name) WHERE job_template_id IS NOT NULL;
CREATE UNIQUE INDEX schedule_project_name ON schedule (project_id, name) WHERE project_id IS NOT NULL;
CREATE UNIQUE INDEX schedule_inventory_source_name ON schedule (inventory_source_id, name) WHERE inventory_source_id IS NOT NULL;
CREATE UNIQUE INDEX schedule_system_job_template_name ON schedule (system_job_template_id, name) WHERE system_job_template_id IS NOT NULL;
CREATE UNIQUE INDEX schedule_workflow_job_template_name ON schedule (workflow_job_template_id, name) WHERE workflow_job_template_id IS NOT NULL;
-- The tick reads due schedules by next_run.
CREATE INDEX schedule_next_run ON schedule (next_run);

CREATE TABLE schedule_credential (
    schedule_id BIGINT NOT NULL REFERENCES schedule(id) ON DELETE CASCADE,
    credential_id BIGINT NOT NULL REFERENCES credential(id) ON DELETE CASCADE,
    position BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (schedule_id, credential_id)
);

-- Occurrences a tick did not launch, with the reason (AWX only logs them): shown by
-- `awxm schedule show`; the newest few per schedule are kept.
CREATE TABLE schedule_skip (
    id @ID@,
    schedule_id BIGINT NOT NULL REFERENCES schedule(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    recorded TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX schedule_skip_schedule ON schedule_skip (schedule_id, id);

-- AWX's `schedule_last_run`: the previous tick's time (one row).
CREATE TABLE scheduler_state (
    id BIGINT PRIMARY KEY,
    last_run TEXT NOT NULL
);

-- The schedule a job was launched by.
ALTER TABLE job ADD COLUMN schedule_id BIGINT REFERENCES schedule(id) ON DELETE SET NULL;
ALTER TABLE project_update ADD COLUMN schedule_id BIGINT REFERENCES schedule(id) ON DELETE SET NULL;
ALTER TABLE inventory_update ADD COLUMN schedule_id BIGINT REFERENCES schedule(id) ON DELETE SET NULL;
ALTER TABLE system_job ADD COLUMN schedule_id BIGINT REFERENCES schedule(id) ON DELETE SET NULL;
ALTER TABLE workflow_job ADD COLUMN schedule_id BIGINT REFERENCES schedule(id) ON DELETE SET NULL;
