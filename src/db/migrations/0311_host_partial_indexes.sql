-- Index only the hosts these indexes are for: a fresh import leaves last_job_id NULL and
-- instance_id empty on every host, and 100,000 hosts made 200,000 index entries nobody looks
-- up. Deleting a job (`last_job_id = …`, ON DELETE SET NULL) still finds its hosts through
-- host_last_job (both backends prove `IS NOT NULL` from `=`); a lookup by instance id adds
-- `instance_id <> ''`.
DROP INDEX host_last_job;
CREATE INDEX host_last_job ON host(last_job_id) WHERE last_job_id IS NOT NULL;
DROP INDEX host_instance_id;
CREATE INDEX host_instance_id ON host(inventory_id, instance_id) WHERE instance_id <> '';
