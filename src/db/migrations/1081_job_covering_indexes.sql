-- Counts over every job read each job's row, and on SQLite a row keeps up to a page of its
-- inline stdout beside the other columns: `awxm metrics` took 0.6 s and a cleanup_jobs dry run
-- 1 s at 120,000 jobs of 20 KB output. These indexes hold every column those counts read, so
-- the counts read only the index (SQLite's covering index; PostgreSQL's index-only scan):
--   metrics: jobs by status (launch_type <> 'sync'), and by node, launch type and status;
--   cleanup_jobs: jobs created before the cutoff by status, and their ids for related rows
--   (id is in the key for PostgreSQL; SQLite has it as the rowid anyway).
-- Each replaces the index that had the same leading column.
DROP INDEX job_status;
CREATE INDEX job_status ON job(status, launch_type);
DROP INDEX job_execution_node;
CREATE INDEX job_execution_node ON job(execution_node, launch_type, status);
DROP INDEX job_created;
CREATE INDEX job_created ON job(created, status, id);
