-- @SQLITE ONLY@
-- One id space for every kind of unified job (see 1000): each kind table keeps AUTOINCREMENT,
-- and every insert into one of them raises the counters of all of them, so the next id of any
-- kind is above every id of every kind. (PostgreSQL: one shared sequence, 1002.)
INSERT INTO sqlite_sequence (name, seq) SELECT 'job', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'job');
INSERT INTO sqlite_sequence (name, seq) SELECT 'project_update', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'project_update');
INSERT INTO sqlite_sequence (name, seq) SELECT 'inventory_update', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'inventory_update');
INSERT INTO sqlite_sequence (name, seq) SELECT 'system_job', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'system_job');
INSERT INTO sqlite_sequence (name, seq) SELECT 'workflow_job', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'workflow_job');
UPDATE sqlite_sequence SET seq = (SELECT max(x) FROM (
    SELECT COALESCE(max(seq), 0) AS x FROM sqlite_sequence WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job')
    UNION ALL SELECT COALESCE(max(id), 0) FROM job
    UNION ALL SELECT COALESCE(max(id), 0) FROM project_update
    UNION ALL SELECT COALESCE(max(id), 0) FROM inventory_update
    UNION ALL SELECT COALESCE(max(id), 0) FROM system_job
    UNION ALL SELECT COALESCE(max(id), 0) FROM workflow_job
)) WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job');
CREATE TRIGGER job_shared_id AFTER INSERT ON job BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job') AND seq < NEW.id;
END;
CREATE TRIGGER project_update_shared_id AFTER INSERT ON project_update BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job') AND seq < NEW.id;
END;
CREATE TRIGGER inventory_update_shared_id AFTER INSERT ON inventory_update BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job') AND seq < NEW.id;
END;
CREATE TRIGGER system_job_shared_id AFTER INSERT ON system_job BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job') AND seq < NEW.id;
END;
CREATE TRIGGER workflow_job_shared_id AFTER INSERT ON workflow_job BEGIN
    UPDATE sqlite_sequence SET seq = NEW.id WHERE name IN ('job', 'project_update', 'inventory_update', 'system_job', 'workflow_job') AND seq < NEW.id;
END;
