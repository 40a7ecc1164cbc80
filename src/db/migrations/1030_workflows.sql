-- Workflows that run (issue 18): what a running workflow job and its nodes need (AWX §4), the
-- workflow templates' launch prompts, system job template nodes, and the approvals.

-- A workflow job keeps its launch prompts; the queue's columns as on every kind.
ALTER TABLE workflow_job ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job ADD COLUMN inventory_id BIGINT REFERENCES inventory(id) ON DELETE SET NULL;
ALTER TABLE workflow_job ADD COLUMN job_limit TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job ADD COLUMN scm_branch TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job ADD COLUMN job_tags TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job ADD COLUMN skip_tags TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job ADD COLUMN allow_simultaneous BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workflow_job ADD COLUMN result_traceback TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job ADD COLUMN execution_node TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job ADD COLUMN controller_node TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job ADD COLUMN instance_group_id BIGINT;
ALTER TABLE workflow_job ADD COLUMN task_impact BIGINT NOT NULL DEFAULT 0;
ALTER TABLE workflow_job ADD COLUMN pid BIGINT;
ALTER TABLE workflow_job ADD COLUMN waiter_pid BIGINT;
ALTER TABLE workflow_job ADD COLUMN waiter_node TEXT NOT NULL DEFAULT '';

-- A job node carries its template node's prompts (the credentials as a JSON list of ids) and the
-- artifacts its parents passed down (AWX's ancestor_artifacts).
ALTER TABLE workflow_job_node ADD COLUMN inventory_id BIGINT;
ALTER TABLE workflow_job_node ADD COLUMN extra_data TEXT NOT NULL DEFAULT '{}';
ALTER TABLE workflow_job_node ADD COLUMN prompt_job_type TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job_node ADD COLUMN job_limit TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job_node ADD COLUMN job_tags TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job_node ADD COLUMN skip_tags TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job_node ADD COLUMN scm_branch TEXT NOT NULL DEFAULT '';
ALTER TABLE workflow_job_node ADD COLUMN verbosity BIGINT;
ALTER TABLE workflow_job_node ADD COLUMN diff_mode BOOLEAN;
ALTER TABLE workflow_job_node ADD COLUMN credentials TEXT NOT NULL DEFAULT '[]';
ALTER TABLE workflow_job_node ADD COLUMN ancestor_artifacts TEXT NOT NULL DEFAULT '{}';
CREATE INDEX workflow_job_node_edge_to ON workflow_job_node_edge(to_node_id);

-- AWX's workflow template prompts (ask_*_on_launch).
ALTER TABLE workflow_job_template ADD COLUMN ask_variables_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workflow_job_template ADD COLUMN ask_limit_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workflow_job_template ADD COLUMN ask_inventory_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workflow_job_template ADD COLUMN ask_scm_branch_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workflow_job_template ADD COLUMN ask_tags_on_launch BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workflow_job_template ADD COLUMN ask_skip_tags_on_launch BOOLEAN NOT NULL DEFAULT FALSE;

-- A node may run a system job template.
ALTER TABLE workflow_job_template_node ADD COLUMN system_job_template_id BIGINT REFERENCES system_job_template(id) ON DELETE SET NULL;

-- Approvals (AWX's WorkflowApproval): a unified job kind (one id space, 1031/1032) that waits
-- for a person; never placed by the task manager.
CREATE TABLE workflow_approval (
    id @ID@,
    name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    workflow_approval_template_id BIGINT REFERENCES workflow_approval_template(id) ON DELETE SET NULL,
    workflow_job_id BIGINT REFERENCES workflow_job(id) ON DELETE SET NULL,
    launch_type TEXT NOT NULL DEFAULT 'workflow',
    status TEXT NOT NULL DEFAULT 'new',
    failed BOOLEAN NOT NULL DEFAULT FALSE,
    cancel_flag BOOLEAN NOT NULL DEFAULT FALSE,
    started TEXT,
    finished TEXT,
    canceled_on TEXT,
    elapsed DOUBLE PRECISION NOT NULL DEFAULT 0,
    job_explanation TEXT NOT NULL DEFAULT '',
    result_traceback TEXT NOT NULL DEFAULT '',
    timeout BIGINT NOT NULL DEFAULT 0,
    expires TEXT,
    timed_out BOOLEAN NOT NULL DEFAULT FALSE,
    approved_or_denied_by TEXT,
    execution_node TEXT NOT NULL DEFAULT '',
    controller_node TEXT NOT NULL DEFAULT '',
    instance_group_id BIGINT,
    task_impact BIGINT NOT NULL DEFAULT 0,
    dependencies_processed BOOLEAN NOT NULL DEFAULT TRUE,
    pid BIGINT,
    waiter_pid BIGINT,
    waiter_node TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX workflow_approval_status ON workflow_approval(status);
CREATE INDEX workflow_approval_workflow ON workflow_approval(workflow_job_id);

-- Notifications of workflow jobs and approvals (notification.job_id references job only).
ALTER TABLE notification ADD COLUMN unified_job_id BIGINT;
