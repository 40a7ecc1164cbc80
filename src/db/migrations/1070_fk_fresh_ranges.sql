-- @POSTGRES ONLY@ (the statement-level foreign key checks of 0310/1050 exist only there.)
--
-- An inventory import inserts 100,000 hosts, then 100,000 memberships and 100,000 ownership
-- rows that reference them. 1050 proved each of the two reference sets with a range scan over
-- the 100,000 new host rows (~25 ms each), to see that every id exists and is the
-- transaction's own. The host insert itself already knows that: when its ids form one dense
-- range, every id of the range exists and is ours, until the transaction deletes a host or
-- changes an id.
--
-- So a table's statement-level check may name, after its (column, referenced table) pairs,
-- the table's own key column (an odd last argument): the ids the statement inserted are then
-- noted, when dense, in the transaction-local setting awxm.fresh_<table> as
-- "<transaction id>:<lo>:<hi>" (a savepoint rolled back takes its changes with it, as for
-- any setting). A check of references into that table whose ids all lie in the noted range
-- needs no lookup. Any DELETE, TRUNCATE or UPDATE OF id on the table forgets the range.
-- Only host notes its ids: it is the table referenced by the import's large link inserts.

CREATE OR REPLACE FUNCTION awxm_fk_check_rows() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    n INT := TG_NARGS / 2;
    agg TEXT := '';
    stats BIGINT[];
    col TEXT;
    ref TEXT;
    lo BIGINT;
    hi BIGINT;
    rows BIGINT;
    inrange BIGINT;
    foreign_rows BOOLEAN;
    ids BIGINT[];
    want BIGINT;
    got BIGINT;
    others BIGINT[];
    locked BIGINT;
    fresh TEXT[];
    own TEXT := CASE WHEN TG_NARGS % 2 = 1 THEN TG_ARGV[TG_NARGS - 1] END;
BEGIN
    FOR i IN 0 .. n - 1 LOOP
        agg := agg || format('%1$smin(%2$I), max(%2$I), count(%2$I)', CASE WHEN i > 0 THEN ', ' ELSE '' END, TG_ARGV[2 * i]);
    END LOOP;
    IF own IS NOT NULL THEN
        agg := agg || format('%1$smin(%2$I), max(%2$I), count(%2$I)', CASE WHEN n > 0 THEN ', ' ELSE '' END, own);
    END IF;
    EXECUTE format('SELECT ARRAY[%s] FROM awxm_new', agg) INTO stats;
    FOR i IN 0 .. n - 1 LOOP
        col := TG_ARGV[2 * i];
        ref := TG_ARGV[2 * i + 1];
        lo := stats[3 * i + 1];
        hi := stats[3 * i + 2];
        rows := stats[3 * i + 3];
        CONTINUE WHEN lo IS NULL;
        -- Every referenced id inside the range of ids this transaction inserted into the
        -- referenced table, densely and with none deleted since: nothing to look up.
        fresh := string_to_array(current_setting('awxm.fresh_' || ref, true), ':');
        CONTINUE WHEN cardinality(fresh) = 3 AND fresh[1] = pg_current_xact_id()::text
            AND fresh[2]::bigint <= lo AND hi <= fresh[3]::bigint;
        -- Referenced ids no more spread out than the rows: one range scan may prove them all.
        IF hi - lo < rows THEN
            EXECUTE format('SELECT count(*), bool_or(r.xmin <> pg_current_xact_id()::xid) FROM %I r WHERE r.id BETWEEN $1 AND $2', ref)
                INTO inrange, foreign_rows USING lo, hi;
            CONTINUE WHEN inrange = hi - lo + 1 AND NOT foreign_rows;
        END IF;
        -- The distinct ids as one array parameter: the plan then knows how many there are (an
        -- array from a subquery is guessed at 10 elements, and a small table was scanned once
        -- per element).
        IF lo = hi THEN
            ids := ARRAY[lo];
        ELSE
            EXECUTE format('SELECT ARRAY(SELECT DISTINCT %1$I FROM awxm_new WHERE %1$I IS NOT NULL)', col) INTO ids;
        END IF;
        want := cardinality(ids);
        EXECUTE format('SELECT count(*), array_agg(r.id) FILTER (WHERE r.xmin <> pg_current_xact_id()::xid) FROM %I r WHERE r.id = ANY ($1)', ref)
            INTO got, others USING ids;
        IF got = want AND others IS NOT NULL THEN
            -- What the foreign key's own check does: a concurrent delete of these rows waits
            -- for us, or it has committed, and then the row is not locked and the count falls short.
            EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I r WHERE r.id = ANY ($1) FOR KEY SHARE OF r) s', ref)
                INTO locked USING others;
            got := got - (cardinality(others) - locked);
        END IF;
        IF got <> want THEN
            RAISE foreign_key_violation USING
                MESSAGE = format('insert or update on table "%s" violates foreign key constraint "%s_%s_fkey"', TG_TABLE_NAME, TG_TABLE_NAME, col),
                DETAIL = format('%s of %s row(s) not present in table "%s".', want - got, want, ref);
        END IF;
    END LOOP;
    -- This statement's own ids, when they form one dense range: noted for the checks of rows
    -- that reference them (extending the range noted before when it continues it).
    IF own IS NOT NULL THEN
        lo := stats[3 * n + 1];
        hi := stats[3 * n + 2];
        rows := stats[3 * n + 3];
        IF lo IS NOT NULL AND hi - lo + 1 = rows THEN
            fresh := string_to_array(current_setting('awxm.fresh_' || TG_TABLE_NAME, true), ':');
            IF cardinality(fresh) = 3 AND fresh[1] = pg_current_xact_id()::text AND fresh[3]::bigint + 1 = lo THEN
                lo := fresh[2]::bigint;
            END IF;
            PERFORM set_config('awxm.fresh_' || TG_TABLE_NAME, format('%s:%s:%s', pg_current_xact_id(), lo, hi), true);
        END IF;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE FUNCTION awxm_fk_forget_fresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM set_config('awxm.fresh_' || TG_TABLE_NAME, '', true);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER host_forget_fresh AFTER DELETE OR TRUNCATE OR UPDATE OF id ON host
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_forget_fresh();

DROP TRIGGER host_fkeys ON host;
CREATE TRIGGER host_fkeys AFTER INSERT ON host REFERENCING NEW TABLE AS awxm_new
    FOR EACH STATEMENT EXECUTE FUNCTION awxm_fk_check_rows('inventory_id', 'inventory', 'last_job_id', 'job', 'id');
