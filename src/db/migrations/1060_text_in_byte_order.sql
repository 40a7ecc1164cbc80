-- @POSTGRES ONLY@
-- Text compares byte by byte on PostgreSQL as it does on SQLite (BINARY), whatever collation
-- the database was created with: names sort the same on both backends (`list`, `export`,
-- `--order-by name`), and unique names and their indexes compare with memcmp instead of the
-- locale's rules (on an en_US.UTF-8 database every host-name index entry of an import paid
-- for a locale comparison). Every text column of every table; a table created later says
-- COLLATE "C" itself (a test checks that none is left out).
DO $$
DECLARE
    c RECORD;
BEGIN
    FOR c IN
        SELECT col.table_name, col.column_name
        FROM information_schema.columns col
        JOIN information_schema.tables t ON t.table_schema = col.table_schema AND t.table_name = col.table_name
        WHERE col.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND col.data_type = 'text'
          AND col.collation_name IS DISTINCT FROM 'C'
        ORDER BY col.table_name, col.ordinal_position
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"', c.table_name, c.column_name);
    END LOOP;
END $$;
