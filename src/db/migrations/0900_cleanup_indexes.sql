-- cleanup_jobs: indexes that keep deletes of old records from scanning whole tables.
-- Deleting a project update sets job.project_update_id to NULL (foreign key): find those jobs.
CREATE INDEX IF NOT EXISTS cleanup_job_project_update ON job(project_update_id);
-- Workflow job nodes point at the job they spawned (no foreign key); cleanup clears them.
CREATE INDEX IF NOT EXISTS cleanup_workflow_job_node_job ON workflow_job_node(job_type, job_id);
