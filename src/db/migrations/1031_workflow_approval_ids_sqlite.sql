-- @SQLITE ONLY@
-- Approvals join the one id space (see 1001): every kind table's insert raises all six counters.
INSERT INTO sqlite_sequence (name, seq) SELECT 'workflow_approval', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'workflow_approval');
UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job', 'workflow_approval')) WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job', 'workflow_approval');
DROP TRIGGER IF EXISTS job_shared_id;
CREATE TRIGGER job_shared_id AFTER INSERT ON job BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job', 'workflow_approval') AND seq < NEW.id;
END;
DROP TRIGGER IF EXISTS project_update_shared_id;
CREATE TRIGGER project_update_shared_id AFTER INSERT ON project_update BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job', 'workflow_approval') AND seq < NEW.id;
END;
DROP TRIGGER IF EXISTS inventory_update_shared_id;
CREATE TRIGGER inventory_update_shared_id AFTER INSERT ON inventory_update BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job', 'workflow_approval') AND seq < NEW.id;
END;
DROP TRIGGER IF EXISTS system_job_shared_id;
CREATE TRIGGER system_job_shared_id AFTER INSERT ON system_job BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job', 'workflow_approval') AND seq < NEW.id;
END;
DROP TRIGGER IF EXISTS workflow_job_shared_id;
CREATE TRIGGER workflow_job_shared_id AFTER INSERT ON workflow_job BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job', 'workflow_approval') AND seq < NEW.id;
END;
DROP TRIGGER IF EXISTS workflow_approval_shared_id;
CREATE TRIGGER workflow_approval_shared_id AFTER INSERT ON workflow_approval BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job', 'workflow_approval') AND seq < NEW.id;
END;
