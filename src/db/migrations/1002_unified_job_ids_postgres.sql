-- @POSTGRES ONLY@
-- One id space for every kind of unified job (see 1000): one sequence gives the ids of all kind
-- tables. (SQLite: shared AUTOINCREMENT counters, 1001.)
CREATE SEQUENCE unified_job_id_seq;
SELECT setval('unified_job_id_seq', (SELECT 1 + max(x) FROM (
    SELECT 0 AS x
    UNION ALL SELECT COALESCE(max(id), 0) FROM job
    UNION ALL SELECT COALESCE(max(id), 0) FROM project_update
    UNION ALL SELECT COALESCE(max(id), 0) FROM inventory_update
    UNION ALL SELECT COALESCE(max(id), 0) FROM system_job
    UNION ALL SELECT COALESCE(max(id), 0) FROM workflow_job
) s), false);
ALTER TABLE job ALTER COLUMN id DROP IDENTITY;
ALTER TABLE job ALTER COLUMN id SET DEFAULT nextval('unified_job_id_seq');
ALTER TABLE project_update ALTER COLUMN id DROP IDENTITY;
ALTER TABLE project_update ALTER COLUMN id SET DEFAULT nextval('unified_job_id_seq');
ALTER TABLE inventory_update ALTER COLUMN id DROP IDENTITY;
ALTER TABLE inventory_update ALTER COLUMN id SET DEFAULT nextval('unified_job_id_seq');
ALTER TABLE system_job ALTER COLUMN id DROP IDENTITY;
ALTER TABLE system_job ALTER COLUMN id SET DEFAULT nextval('unified_job_id_seq');
ALTER TABLE workflow_job ALTER COLUMN id DROP IDENTITY;
ALTER TABLE workflow_job ALTER COLUMN id SET DEFAULT nextval('unified_job_id_seq');
