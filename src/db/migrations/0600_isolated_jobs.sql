-- Jobs run on isolated nodes (issue 6): the job's directory on its node while it may still
-- exist there ('' once removed), so that isolated_heartbeat can reap what a lost node left.
ALTER TABLE job ADD COLUMN isolated_dir TEXT NOT NULL DEFAULT '';
