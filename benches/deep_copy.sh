#!/usr/bin/env bash
# Benchmark of deep_copy (issue 10): copy of an inventory with 100,000 hosts, 1,000 groups,
# 200,000 memberships (and 999 group nesting links). Builds --release, generates the inventory
# directly in a fresh database, times RUNS copies (each on a fresh copy of the seeded database
# on SQLite) and prints the figures.
#
#   benches/deep_copy.sh
#   NHOSTS=200000 NGROUPS=2000 RUNS=5 benches/deep_copy.sh
#   AWXM_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres benches/deep_copy.sh
#       (also on PostgreSQL: a throwaway database is created on that server and dropped)
#
# Target: < 3 s on SQLite for the default size. Needs python3 (and psql for PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

NHOSTS=${NHOSTS:-100000}
NGROUPS=${NGROUPS:-1000}
RUNS=${RUNS:-3}

cargo build --release --locked --quiet
BIN=$PWD/target/release/awxm
WORK=$(mktemp -d /tmp/awxm-bench-deep-copy.XXXXXX)
PGDB=""
cleanup() {
  if [ -n "$PGDB" ]; then psql -q "$AWXM_BENCH_POSTGRES_URL" -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data AWXM_SECRET_KEY_FILE=$WORK/secret.key
unset AWXM_CONFIG AWXM_FORMAT AWXM_LOG

# Print "wall_seconds max_rss_kib cpu_seconds" of a /usr/bin/time -v log (cpu = user + system:
# on a busy shared machine the wall time is mostly waiting for a core).
time_figures() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; w=s}
              /User time|System time/ {c+=$2}
              /Maximum resident set size/ {m=$2} END {printf "%.2f %d %.2f", w, m, c}' "$1"
}

T=2026-01-01T00:00:00.000000Z
# Host n is in groups (n mod G)+1 and ((7n+3) mod G)+1, always two different groups (their
# difference 6n+3 is odd, G even), so 2 * NHOSTS memberships (NGROUPS must be even); group k > 1 is a child of group
# (k-1)/10+1. Ids are those of a fresh database. SQL both backends understand.
seed_sql() {
  local seq_h="(WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $NHOSTS) SELECT n FROM c) s"
  local seq_g="(WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $NGROUPS) SELECT n FROM c) s"
  cat <<SQL
INSERT INTO organization (name, created, modified) VALUES ('Bench', '$T', '$T');
INSERT INTO inventory (name, organization_id, variables, created, modified) VALUES ('big', 1, '{"env": "bench"}', '$T', '$T');
INSERT INTO host (inventory_id, name, variables, created, modified)
  SELECT 1, 'host' || n || '.example.test',
         '{"ansible_host": "10.' || (n / 65536) || '.' || ((n / 256) % 256) || '.' || (n % 256) || '", "idx": ' || n || '}', '$T', '$T'
  FROM $seq_h;
INSERT INTO inv_group (inventory_id, name, variables, created, modified)
  SELECT 1, 'group' || n, '{"g": ' || n || '}', '$T', '$T' FROM $seq_g;
INSERT INTO group_host (group_id, host_id) SELECT (n % $NGROUPS) + 1, n FROM $seq_h;
INSERT INTO group_host (group_id, host_id) SELECT ((n * 7 + 3) % $NGROUPS) + 1, n FROM $seq_h;
INSERT INTO group_child (parent_id, child_id) SELECT (n - 1) / 10 + 1, n FROM $seq_g WHERE n > 1;
UPDATE inventory SET total_hosts = $NHOSTS, total_groups = $NGROUPS WHERE id = 1;
SQL
}

# run_copies LABEL URL PREPARE_CMD: times RUNS copies; PREPARE_CMD resets the database before each.
run_copies() {
  local label=$1 url=$2 prepare=$3 walls=() i
  for i in $(seq 1 "$RUNS"); do
    eval "$prepare"
    /usr/bin/time -v "$BIN" --database "$url" --format json deep_copy inventory big --name "big copy" \
      >"$WORK/copy.json" 2>"$WORK/copy.time" || { cat "$WORK/copy.time"; exit 1; }
    read -r wall rss cpu <<<"$(time_figures "$WORK/copy.time")"
    walls+=("$wall")
    echo "  run $i: ${wall} s wall, ${cpu} s CPU (awxm), peak RSS ${rss} KiB; load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
  done
  python3 - "$WORK/copy.json" "$NHOSTS" "$NGROUPS" "$label" "${walls[@]}" <<'PY'
import json, sys, statistics
d = json.load(open(sys.argv[1]))
hosts, groups, label = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
walls = sorted(float(w) for w in sys.argv[5:])
c = d["copied"]
want = {"hosts": hosts, "groups": groups, "group_hosts": 2 * hosts, "group_children": groups - 1, "instance_groups": 0}
assert c == want, f"copied {c}, expected {want}"
print(f"{label}: copied {c['hosts']} hosts, {c['groups']} groups, {c['group_hosts']} memberships, "
      f"{c['group_children']} nesting links; best {walls[0]:.2f} s, median {statistics.median(walls):.2f} s"
      + (" (target < 3 s)" if label == "SQLite" else " (no target)"))
PY
}

echo "== deep_copy inventory: $NHOSTS hosts, $NGROUPS groups, $((2 * NHOSTS)) memberships"
DB=$WORK/seed.db
echo "{}" | "$BIN" --database "sqlite://$DB" apply -f - >/dev/null  # the schema
seed_sql >"$WORK/seed.sql"
python3 - "$DB" "$WORK/seed.sql" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(open(sys.argv[2]).read())
c.commit()
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
c.close()
PY
echo "SQLite:"
run_copies "SQLite" "sqlite://$WORK/run.db" 'rm -f "$WORK"/run.db*; cp "$DB" "$WORK/run.db"'

if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
  PGDB=awxm_bench_$$
  psql -q "$AWXM_BENCH_POSTGRES_URL" -c "CREATE DATABASE $PGDB" >/dev/null
  PGURL=$(python3 -c 'import sys; u=sys.argv[1]; b,_,q=u.partition("?"); print(b.rsplit("/",1)[0]+"/"+sys.argv[2]+("?"+q if q else ""))' "$AWXM_BENCH_POSTGRES_URL" "$PGDB")
  echo "{}" | "$BIN" --database "$PGURL" apply -f - >/dev/null  # the schema (a read-only command creates none)
  psql -q "$PGURL" -v ON_ERROR_STOP=1 -f "$WORK/seed.sql" >/dev/null
  psql -q "$PGURL" -c "VACUUM ANALYZE" >/dev/null
  echo "PostgreSQL:"
  run_copies "PostgreSQL" "$PGURL" \
    'psql -q "$PGURL" -c "DELETE FROM inventory WHERE name = '"'"'big copy'"'"'" >/dev/null'
fi
