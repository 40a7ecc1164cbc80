-- @POSTGRES ONLY@ (SQLite keeps its foreign keys: there a check is an in-process lookup.)
--
-- More foreign keys an inventory import fills become triggers like those of 0310/1050. A
-- foreign key checks every inserted row with one query, even when the column is NULL:
--   * host.last_job_id → job: NULL on every host an import creates; 100,000 new hosts paid
--     ~40 ms for 100,000 queued checks that found nothing to check;
--   * inv_group.inventory_id, group_child.parent_id/child_id, group_inventory_source.group_id/
--     inventory_source_id: ~20 ms for an import's 1,100 groups, their nesting and ownership.
-- Each becomes:
--   * after INSERT: one more key for the table's statement-level check (1050; NULLs skipped);
--   * after an UPDATE that changes it: that row's check, with the FOR KEY SHARE lock the
--     foreign key took (host.last_job_id, set per host at each job's end, has its own
--     function with a plan prepared once per session);
--   * after DELETE of referenced rows: what the foreign key's ON DELETE did (CASCADE, or for
--     last_job_id SET NULL), in one statement for all the deleted rows.
ALTER TABLE host DROP CONSTRAINT host_last_job_id_fkey;
ALTER TABLE inv_group DROP CONSTRAINT inv_group_inventory_id_fkey;
ALTER TABLE group_child DROP CONSTRAINT group_child_parent_id_fkey;
ALTER TABLE group_child DROP CONSTRAINT group_child_child_id_fkey;
ALTER TABLE group_inventory_source DROP CONSTRAINT group_inventory_source_group_id_fkey;
ALTER TABLE group_inventory_source DROP CONSTRAINT group_inventory_source_inventory_source_id_fkey;

CREATE FUNCTION awxm_host_last_job_check() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM 1 FROM job WHERE id = NEW.last_job_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'insert or update on table "host" violates foreign key constraint "host_last_job_id_fkey"',
            DETAIL = format('Key (last_job_id)=(%s) is not present in table "job".', NEW.last_job_id);
    END IF;
    RETURN NULL;
END
$fn$;

-- TG_ARGV: referencing table, referencing column.
CREATE FUNCTION awxm_fk_set_null() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format('UPDATE %1$I SET %2$I = NULL WHERE %2$I IN (SELECT id FROM awxm_old)', TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$fn$;

-- host.last_job_id → job ON DELETE SET NULL
DROP TRIGGER host_fkeys ON host;
CREATE TRIGGER host_fkeys AFTER INSERT ON host REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('inventory_id', 'inventory', 'last_job_id', 'job');
CREATE TRIGGER host_last_job_id_fkey_upd AFTER UPDATE OF last_job_id ON host
    FOR EACH ROW WHEN (NEW.last_job_id IS NOT NULL AND NEW.last_job_id IS DISTINCT FROM OLD.last_job_id)
    EXECUTE FUNCTION awxm_host_last_job_check();
CREATE TRIGGER host_last_job_id_fkey_del AFTER DELETE ON job REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_set_null('host', 'last_job_id');

-- inv_group.inventory_id → inventory ON DELETE CASCADE
CREATE TRIGGER inv_group_fkeys AFTER INSERT ON inv_group REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('inventory_id', 'inventory');
CREATE TRIGGER inv_group_inventory_id_fkey_upd AFTER UPDATE OF inventory_id ON inv_group
    FOR EACH ROW WHEN (OLD.inventory_id IS DISTINCT FROM NEW.inventory_id) EXECUTE FUNCTION awxm_fk_check_row('inventory_id', 'inventory');
CREATE TRIGGER inv_group_inventory_id_fkey_del AFTER DELETE ON inventory REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('inv_group', 'inventory_id');

-- group_child.parent_id, child_id → inv_group ON DELETE CASCADE
CREATE TRIGGER group_child_fkeys AFTER INSERT ON group_child REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('parent_id', 'inv_group', 'child_id', 'inv_group');
CREATE TRIGGER group_child_parent_id_fkey_upd AFTER UPDATE OF parent_id ON group_child
    FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION awxm_fk_check_row('parent_id', 'inv_group');
CREATE TRIGGER group_child_child_id_fkey_upd AFTER UPDATE OF child_id ON group_child
    FOR EACH ROW WHEN (OLD.child_id IS DISTINCT FROM NEW.child_id) EXECUTE FUNCTION awxm_fk_check_row('child_id', 'inv_group');
CREATE TRIGGER group_child_parent_id_fkey_del AFTER DELETE ON inv_group REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('group_child', 'parent_id');
CREATE TRIGGER group_child_child_id_fkey_del AFTER DELETE ON inv_group REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('group_child', 'child_id');

-- group_inventory_source.group_id → inv_group, inventory_source_id → inventory_source, ON DELETE CASCADE
CREATE TRIGGER group_inventory_source_fkeys AFTER INSERT ON group_inventory_source REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('group_id', 'inv_group', 'inventory_source_id', 'inventory_source');
CREATE TRIGGER group_inventory_source_group_id_fkey_upd AFTER UPDATE OF group_id ON group_inventory_source
    FOR EACH ROW WHEN (OLD.group_id IS DISTINCT FROM NEW.group_id) EXECUTE FUNCTION awxm_fk_check_row('group_id', 'inv_group');
CREATE TRIGGER group_inventory_source_inventory_source_id_fkey_upd AFTER UPDATE OF inventory_source_id ON group_inventory_source
    FOR EACH ROW WHEN (OLD.inventory_source_id IS DISTINCT FROM NEW.inventory_source_id)
    EXECUTE FUNCTION awxm_fk_check_row('inventory_source_id', 'inventory_source');
CREATE TRIGGER group_inventory_source_group_id_fkey_del AFTER DELETE ON inv_group REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('group_inventory_source', 'group_id');
CREATE TRIGGER group_inventory_source_inventory_source_id_fkey_del AFTER DELETE ON inventory_source REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('group_inventory_source', 'inventory_source_id');
