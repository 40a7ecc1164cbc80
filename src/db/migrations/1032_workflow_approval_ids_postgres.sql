-- @POSTGRES ONLY@
-- Approvals join the one id space (see 1002): their ids come from the shared sequence.
ALTER TABLE workflow_approval ALTER COLUMN id DROP IDENTITY;
ALTER TABLE workflow_approval ALTER COLUMN id SET DEFAULT nextval('unified_job_id_seq');
