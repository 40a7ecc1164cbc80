-- The dispatcher (issue 16): which process serves each node and when it last ran a cycle, for
-- `awxm dispatcher status` and for naming the running one when a second is refused.
ALTER TABLE instance ADD COLUMN dispatcher_pid BIGINT;
ALTER TABLE instance ADD COLUMN dispatcher_started TEXT;
ALTER TABLE instance ADD COLUMN dispatcher_last_cycle TEXT;
