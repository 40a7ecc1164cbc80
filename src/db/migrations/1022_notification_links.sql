-- Notification templates attached to organizations, projects, inventory sources and system job
-- templates (AWX's notification_templates_started/_success/_error, and an organization's
-- _approvals), which jobs of every kind inherit (issue 19, part 4; reference §9.1).
CREATE TABLE organization_notification (
    organization_id BIGINT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    notification_template_id BIGINT NOT NULL REFERENCES notification_template(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    PRIMARY KEY (organization_id, notification_template_id, event)
);
CREATE INDEX organization_notification_nt ON organization_notification(notification_template_id);
CREATE TABLE project_notification (
    project_id BIGINT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    notification_template_id BIGINT NOT NULL REFERENCES notification_template(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    PRIMARY KEY (project_id, notification_template_id, event)
);
CREATE INDEX project_notification_nt ON project_notification(notification_template_id);
CREATE TABLE inventory_source_notification (
    inventory_source_id BIGINT NOT NULL REFERENCES inventory_source(id) ON DELETE CASCADE,
    notification_template_id BIGINT NOT NULL REFERENCES notification_template(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    PRIMARY KEY (inventory_source_id, notification_template_id, event)
);
CREATE INDEX inventory_source_notification_nt ON inventory_source_notification(notification_template_id);
CREATE TABLE system_job_template_notification (
    system_job_template_id BIGINT NOT NULL REFERENCES system_job_template(id) ON DELETE CASCADE,
    notification_template_id BIGINT NOT NULL REFERENCES notification_template(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    PRIMARY KEY (system_job_template_id, notification_template_id, event)
);
CREATE INDEX system_job_template_notification_nt ON system_job_template_notification(notification_template_id);
