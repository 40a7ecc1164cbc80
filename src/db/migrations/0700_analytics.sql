-- gather_analytics: the windowed collectors select rows by time ranges ((start, end] slices of
-- four hours) and stream them in index order, so each slice is an index range scan, never a
-- scan of the whole table.
CREATE INDEX job_event_modified ON job_event(modified, id);
CREATE INDEX project_update_created ON project_update(created);
CREATE INDEX inventory_update_created ON inventory_update(created);
CREATE INDEX workflow_job_created ON workflow_job(created);
CREATE INDEX workflow_job_node_modified ON workflow_job_node(modified, id);
