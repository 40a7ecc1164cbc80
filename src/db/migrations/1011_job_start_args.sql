-- Survey password answers (AWX's start_args): encrypted under the key, never in extra_vars
-- (which holds "$encrypted$" for them) nor in any output.
ALTER TABLE job ADD COLUMN start_args TEXT NOT NULL DEFAULT '';
