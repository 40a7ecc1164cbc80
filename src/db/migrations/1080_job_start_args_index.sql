-- Before a writing command may create a missing key file, crypto::holds_secrets looks for an
-- encrypted value in every column that stores one. job is the one such table without bound
-- (a row per run, its stdout inline), and that look was a full scan of it at the start of
-- every writing command while no key file existed: 20 ms per 20,000 jobs on SQLite, 70 ms
-- per 200,000 on PostgreSQL, more from a cold cache. start_args is non-empty only when it
-- holds a job's encrypted survey answers, so this index holds only those jobs; the query says
-- the same predicate (SQLite uses a partial index only then).
CREATE INDEX job_start_args_set ON job(id) WHERE start_args <> '';
