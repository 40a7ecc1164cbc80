-- @POSTGRES ONLY@ (SQLite keeps the foreign keys of 0100_init: its checks are in-process index
-- lookups and cost little.)
--
-- PostgreSQL checks a foreign key with one query per inserted row (an internal trigger), which
-- made three quarters of an inventory import's time: 100,000 hosts bring 500,000 such checks
-- (host → inventory, group_host → inv_group and host, host_inventory_source → host and
-- inventory_source). These five foreign keys become statement-level triggers over transition
-- tables that do the same work set-based:
--   * after INSERT: lock the distinct referenced rows FOR KEY SHARE (what the foreign key's
--     check does, so that a concurrent delete waits for us or makes us fail) and fail with
--     SQLSTATE 23503 (foreign_key_violation) when one is missing;
--   * after an UPDATE that changes the referencing column (row-level, only when it changed):
--     the same check for that row;
--   * after DELETE of referenced rows: delete the referencing rows (ON DELETE CASCADE).
-- Like the foreign keys they replace, they rely on READ COMMITTED (awxm's only isolation
-- level): each statement of the functions sees what other transactions committed.
-- Referenced ids never change (identity keys), so updates of `id` are not followed.

ALTER TABLE host DROP CONSTRAINT host_inventory_id_fkey;
ALTER TABLE group_host DROP CONSTRAINT group_host_group_id_fkey;
ALTER TABLE group_host DROP CONSTRAINT group_host_host_id_fkey;
ALTER TABLE host_inventory_source DROP CONSTRAINT host_inventory_source_host_id_fkey;
ALTER TABLE host_inventory_source DROP CONSTRAINT host_inventory_source_inventory_source_id_fkey;

-- TG_ARGV: referencing column, referenced table.
CREATE FUNCTION awxm_fk_check_rows() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    want BIGINT;
    got BIGINT;
BEGIN
    EXECUTE format('SELECT count(DISTINCT %I) FROM awxm_new', TG_ARGV[0]) INTO want;
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I r WHERE r.id = ANY (ARRAY(SELECT DISTINCT %I FROM awxm_new)) FOR KEY SHARE OF r) s',
                   TG_ARGV[1], TG_ARGV[0]) INTO got;
    IF got <> want THEN
        RAISE foreign_key_violation USING
            MESSAGE = format('insert or update on table "%s" violates foreign key constraint "%s_%s_fkey"', TG_TABLE_NAME, TG_TABLE_NAME, TG_ARGV[0]),
            DETAIL = format('%s of %s row(s) not present in table "%s".', want - got, want, TG_ARGV[1]);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE FUNCTION awxm_fk_check_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    ref BIGINT := (to_jsonb(NEW) ->> TG_ARGV[0])::BIGINT;
    found BIGINT;
BEGIN
    EXECUTE format('SELECT id FROM %I WHERE id = $1 FOR KEY SHARE', TG_ARGV[1]) INTO found USING ref;
    IF found IS NULL THEN
        RAISE foreign_key_violation USING
            MESSAGE = format('insert or update on table "%s" violates foreign key constraint "%s_%s_fkey"', TG_TABLE_NAME, TG_TABLE_NAME, TG_ARGV[0]),
            DETAIL = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[0], ref, TG_ARGV[1]);
    END IF;
    RETURN NULL;
END
$fn$;

-- TG_ARGV: referencing table, referencing column.
CREATE FUNCTION awxm_fk_cascade() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format('DELETE FROM %I WHERE %I IN (SELECT id FROM awxm_old)', TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER host_inventory_id_fkey AFTER INSERT ON host REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('inventory_id', 'inventory');
CREATE TRIGGER host_inventory_id_fkey_upd AFTER UPDATE OF inventory_id ON host
    FOR EACH ROW WHEN (OLD.inventory_id IS DISTINCT FROM NEW.inventory_id) EXECUTE FUNCTION awxm_fk_check_row('inventory_id', 'inventory');
CREATE TRIGGER host_inventory_id_fkey_del AFTER DELETE ON inventory REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('host', 'inventory_id');

CREATE TRIGGER group_host_group_id_fkey AFTER INSERT ON group_host REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('group_id', 'inv_group');
CREATE TRIGGER group_host_group_id_fkey_upd AFTER UPDATE OF group_id ON group_host
    FOR EACH ROW WHEN (OLD.group_id IS DISTINCT FROM NEW.group_id) EXECUTE FUNCTION awxm_fk_check_row('group_id', 'inv_group');
CREATE TRIGGER group_host_group_id_fkey_del AFTER DELETE ON inv_group REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('group_host', 'group_id');

CREATE TRIGGER group_host_host_id_fkey AFTER INSERT ON group_host REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('host_id', 'host');
CREATE TRIGGER group_host_host_id_fkey_upd AFTER UPDATE OF host_id ON group_host
    FOR EACH ROW WHEN (OLD.host_id IS DISTINCT FROM NEW.host_id) EXECUTE FUNCTION awxm_fk_check_row('host_id', 'host');
CREATE TRIGGER group_host_host_id_fkey_del AFTER DELETE ON host REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('group_host', 'host_id');

CREATE TRIGGER host_inventory_source_host_id_fkey AFTER INSERT ON host_inventory_source REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('host_id', 'host');
CREATE TRIGGER host_inventory_source_host_id_fkey_upd AFTER UPDATE OF host_id ON host_inventory_source
    FOR EACH ROW WHEN (OLD.host_id IS DISTINCT FROM NEW.host_id) EXECUTE FUNCTION awxm_fk_check_row('host_id', 'host');
CREATE TRIGGER host_inventory_source_host_id_fkey_del AFTER DELETE ON host REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('host_inventory_source', 'host_id');

CREATE TRIGGER host_inventory_source_inventory_source_id_fkey AFTER INSERT ON host_inventory_source REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('inventory_source_id', 'inventory_source');
CREATE TRIGGER host_inventory_source_inventory_source_id_fkey_upd AFTER UPDATE OF inventory_source_id ON host_inventory_source
    FOR EACH ROW WHEN (OLD.inventory_source_id IS DISTINCT FROM NEW.inventory_source_id)
    EXECUTE FUNCTION awxm_fk_check_row('inventory_source_id', 'inventory_source');
CREATE TRIGGER host_inventory_source_inventory_source_id_fkey_del AFTER DELETE ON inventory_source REFERENCING OLD TABLE AS awxm_old
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_cascade('host_inventory_source', 'inventory_source_id');
