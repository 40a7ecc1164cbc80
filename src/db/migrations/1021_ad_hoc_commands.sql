-- Ad hoc commands (issue 19): an ad hoc command is a job row whose `module_name` is set. Its
-- whole life — queue, pty, prompts, events, host summaries, redaction, timeout, cancel — is a
-- job's; only the command line differs (`ansible -m MODULE -a ARGS PATTERN`). `job list`
-- shows it as type ad_hoc_command.
ALTER TABLE job ADD COLUMN module_name TEXT NOT NULL DEFAULT '';
ALTER TABLE job ADD COLUMN module_args TEXT NOT NULL DEFAULT '';
