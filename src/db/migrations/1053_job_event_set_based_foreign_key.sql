-- @POSTGRES ONLY@ (SQLite keeps its foreign key: there a check is an in-process lookup.)
--
-- job_event.job_id → job: the foreign key checked each stored event with a query of its own,
-- ~0.6 s of 5 s for 200,000 events, every one of them naming the same job. Like the keys of
-- 0310/1050/1051 it becomes triggers: after INSERT the statement-level check (one job, one
-- probe and one lock); after an UPDATE of job_id that row's check; after DELETE of jobs their
-- events go (ON DELETE CASCADE) in one statement for all the deleted jobs.
ALTER TABLE job_event DROP CONSTRAINT job_event_job_id_fkey;
CREATE TRIGGER job_event_fkeys AFTER INSERT ON job_event REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('job_id', 'job');
CREATE TRIGGER job_event_job_id_fkey_upd AFTER UPDATE OF job_id ON job_event
    FOR EACH ROW WHEN (OLD.job_id IS DISTINCT FROM NEW.job_id) EXECUTE FUNCTION awxm_fk_check_row('job_id', 'job');
CREATE TRIGGER job_event_job_id_fkey_del AFTER DELETE ON job REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('job_event', 'job_id');
