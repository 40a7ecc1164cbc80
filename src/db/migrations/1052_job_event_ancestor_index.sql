-- job_event(job_id, uuid) serves one lookup: marking an event's ancestors (its playbook, play
-- and task start events) changed or failed at the job's end. Every other event paid for an
-- entry at a random place in it: on PostgreSQL the index cost ~0.8 s of 5 s for 200,000
-- events. It now holds only the ancestors; the queries say the same predicate (written
-- exactly alike: SQLite uses a partial index only then).
DROP INDEX job_event_uuid;
CREATE INDEX job_event_uuid ON job_event(job_id, uuid)
    WHERE event IN ('playbook_on_start', 'playbook_on_play_start', 'playbook_on_task_start');
