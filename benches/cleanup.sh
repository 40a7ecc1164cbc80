#!/usr/bin/env bash
# Benchmarks of cleanup_stdout and cleanup_jobs (issue 9). Builds --release, generates its own
# data in a temp dir, times the runs and prints the figures.
#
#   benches/cleanup.sh                      # both, SQLite
#   FILES=200000 JOBS=10000 EVENTS_PER_JOB=100 benches/cleanup.sh
#   AWXM_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres benches/cleanup.sh
#       (also on PostgreSQL: a throwaway database is created on that server and dropped)
#
# Targets: cleanup_stdout over 200,000 files of which half are old < 3 s; cleanup_jobs deleting
# 10,000 jobs with 1,000,000 events < 30 s on SQLite, no transaction holding the database > 2 s
# (the longest transaction is awxm's own measure, from BEGIN to COMMIT; a concurrent writer
# probe measures how long other writers had to wait meanwhile).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (figures are wall times; busy machines inflate them)"

FILES=${FILES:-200000}
JOBS=${JOBS:-10000}
EVENTS_PER_JOB=${EVENTS_PER_JOB:-100}
KEPT_JOBS=${KEPT_JOBS:-1000}
PARTS=${PARTS:-"stdout jobs"}   # which benchmarks to run

cargo build --release --locked --quiet
BIN=$PWD/target/release/awxm
WORK=$(mktemp -d /tmp/awxm-bench-cleanup.XXXXXX)
PGDB=""
cleanup() {
  rm -rf /dev/shm/awxm-bench-job_output.* 2>/dev/null || true
  if [ -n "$PGDB" ]; then psql -q "$AWXM_BENCH_POSTGRES_URL" -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data AWXM_SECRET_KEY_FILE=$WORK/secret.key
unset AWXM_CONFIG AWXM_FORMAT AWXM_LOG

# Print "wall_seconds max_rss_kib cpu_seconds" of a /usr/bin/time -v log (CPU = user + system:
# less sensitive than wall time to other load on the machine).
time_figures() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; w=s}
              /User time|System time/ {c+=$2}
              /Maximum resident set size/ {m=$2} END {printf "%.2f %d %.2f", w, m, c}' "$1"
}
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {'d': d}))" "$@"; }

# ---------------------------------------------------------------------------------------------
# Where the files go: the temp dir's file system and, when present, tmpfs (/dev/shm) — the
# latter isolates awxm's own cost from the device's (e.g. ext4 mounted with online `discard`
# waits for a TRIM per freed file).
STDOUT_DIRS=${STDOUT_DIRS:-"$WORK $( [ -d /dev/shm ] && echo /dev/shm )"}
[[ " $PARTS " == *" stdout "* ]] || STDOUT_DIRS=""
for base in $STDOUT_DIRS; do
  OUT=$(mktemp -d "$base/awxm-bench-job_output.XXXXXX")
  : >"$OUT/.awxm-job-output"  # the marker awxm writes into job-output directories it creates
  fs=$(stat -f -c %T "$OUT")
  opts=$(findmnt -n -o OPTIONS -T "$OUT" 2>/dev/null | tr ',' '\n' | grep -x discard || true)
  echo "== cleanup_stdout: $FILES files, half of them 40 days old, in $base ($fs${opts:+, $opts})"
  python3 - "$OUT" "$FILES" <<'PY'
import os, sys, time
d, n = sys.argv[1], int(sys.argv[2])
old = time.time() - 40 * 86400
body = b"TASK [ping] ****\nok: [web1]\n" * 36  # ~1 KiB
for i in range(n):
    p = os.path.join(d, "job-%d-%08x.out" % (i, i * 2654435761 % 2**32))
    fd = os.open(p, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, body)
    os.close(fd)
    if i % 2 == 0:
        os.utime(p, (old, old))
PY
  sync
  /usr/bin/time -v "$BIN" --format json cleanup_stdout --dir "$OUT" --days 30 --dry-run >"$WORK/dry.json" 2>"$WORK/dry.time"
  read -r dwall drss dcpu <<<"$(time_figures "$WORK/dry.time")"
  /usr/bin/time -v "$BIN" --format json cleanup_stdout --dir "$OUT" --days 30 >"$WORK/stdout.json" 2>"$WORK/stdout.time"
  read -r wall rss cpu <<<"$(time_figures "$WORK/stdout.time")"
  removed=$(json "$WORK/stdout.json" "d['removed']['files']")
  kept=$(json "$WORK/stdout.json" "d['kept']['files']")
  left=$(find "$OUT" -maxdepth 1 -type f | wc -l)
  echo "dry run (scan only): ${dwall} s wall, ${dcpu} s CPU, peak RSS ${drss} KiB"
  echo "real run: removed $removed, kept $kept (files left: $left) in ${wall} s wall, ${cpu} s CPU, peak RSS ${rss} KiB (target < 3 s)"
  rm -rf "$OUT"
done

# ---------------------------------------------------------------------------------------------
OLD=2020-01-01T00:00:00.000000Z
NEW=2100-01-01T00:00:00.000000Z
TOTAL_EVENTS=$((JOBS * EVENTS_PER_JOB))

# The data, in SQL both backends understand (recursive CTEs, || concatenation).
seed_sql() {
  cat <<SQL
INSERT INTO job_template (id, name, created, modified) VALUES (1, 'bench', '$OLD', '$OLD');
INSERT INTO job (id, name, job_template_id, status, created, modified)
  SELECT n, 'bench', 1, 'successful', '$OLD', '$OLD' FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $JOBS) SELECT n FROM c) s;
INSERT INTO job (id, name, job_template_id, status, created, modified)
  SELECT $JOBS + n, 'bench', 1, 'successful', '$NEW', '$NEW' FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $KEPT_JOBS) SELECT n FROM c) s;
INSERT INTO job_event (job_id, counter, uuid, event, event_data, host_name, task, stdout, start_line, end_line, created, modified)
  SELECT n / $EVENTS_PER_JOB + 1, n % $EVENTS_PER_JOB + 1, 'e-' || n, 'runner_on_ok',
         '{"host": "web' || (n % 50) || '", "task": "ping", "res": {"ping": "pong", "changed": false}}',
         'web' || (n % 50), 'ping', 'ok: [web' || (n % 50) || ']', (n % $EVENTS_PER_JOB) * 2, (n % $EVENTS_PER_JOB) * 2 + 2, '$OLD', '$OLD'
  FROM (WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < $TOTAL_EVENTS - 1) SELECT n FROM c) s;
INSERT INTO job_event (job_id, counter, uuid, event, created, modified)
  SELECT $JOBS + 1 + n / 10, n % 10 + 1, 'k-' || n, 'runner_on_ok', '$NEW', '$NEW'
  FROM (WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < $KEPT_JOBS * 10 - 1) SELECT n FROM c) s;
INSERT INTO job_host_summary (job_id, host_name, ok, created, modified)
  SELECT n, 'web1', 1, '$OLD', '$OLD' FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $JOBS + $KEPT_JOBS) SELECT n FROM c) s;
SQL
}

run_cleanup_jobs() { # URL LABEL
  local url=$1 label=$2
  # A concurrent writer: one short write transaction every 50 ms; reports its longest wait.
  local stop=$WORK/probe.stop
  rm -f "$stop"
  local probe_pid=""
  if [ "$label" = sqlite ]; then
    python3 - "${url#sqlite://}" "$stop" >"$WORK/probe.out" <<'PY' &
import sqlite3, sys, time, os
db, stop = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db, timeout=60, isolation_level=None)
worst = 0.0
n = 0
while not os.path.exists(stop):
    t = time.monotonic()
    c.execute("BEGIN IMMEDIATE")
    c.execute("INSERT INTO setting (key, value, encrypted, modified) VALUES ('bench_probe', '0', 0, 'x') "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    c.execute("COMMIT")
    worst = max(worst, time.monotonic() - t)
    n += 1
    time.sleep(0.05)
print("%.3f %d" % (worst, n))
PY
    probe_pid=$!
  fi
  /usr/bin/time -v "$BIN" --database "$url" --format json cleanup_jobs --jobs >"$WORK/jobs.json" 2>"$WORK/jobs.time"
  touch "$stop"
  local probe="n/a (PostgreSQL writers do not queue behind each other)"
  if [ -n "$probe_pid" ]; then
    wait "$probe_pid"
    read -r pw pn <"$WORK/probe.out"
    probe="longest wait ${pw} s over $pn writes"
  fi
  read -r wall rss cpu <<<"$(time_figures "$WORK/jobs.time")"
  echo "deleted $(json "$WORK/jobs.json" "d['deleted']") jobs, $(json "$WORK/jobs.json" "d['types'][0]['related']['job_events']") events," \
       "kept $(json "$WORK/jobs.json" "d['skipped']") jobs"
  echo "  ${wall} s wall, ${cpu} s CPU, peak RSS ${rss} KiB; $(json "$WORK/jobs.json" "d['transactions']") transactions," \
       "longest $(json "$WORK/jobs.json" "round(d['longest_transaction_seconds'], 3)") s (target: < 30 s total, < 2 s each)"
  echo "  concurrent writer probe: $probe"
}

[[ " $PARTS " == *" jobs "* ]] || exit 0
echo
echo "== cleanup_jobs on SQLite: $JOBS old jobs with $TOTAL_EVENTS events (+ $KEPT_JOBS recent jobs kept)"
DB=$WORK/bench.db
"$BIN" --database "sqlite://$DB" settings list >/dev/null
t0=$(date +%s.%N)
{ echo "PRAGMA synchronous=OFF; BEGIN;"; seed_sql; echo "COMMIT;"; } | sqlite3 "$DB"
echo "(generated in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s, database $(du -m "$DB" | cut -f1) MiB)"
run_cleanup_jobs "sqlite://$DB" sqlite
left=$(sqlite3 "$DB" "SELECT count(*) FROM job_event")
echo "  events left: $left (the recent jobs' $((KEPT_JOBS * 10)))"

if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
  echo
  echo "== cleanup_jobs on PostgreSQL: $JOBS old jobs with $TOTAL_EVENTS events (+ $KEPT_JOBS recent jobs kept)"
  PGDB=awxm_bench_$$
  psql -q "$AWXM_BENCH_POSTGRES_URL" -c "CREATE DATABASE $PGDB" >/dev/null
  PGURL="${AWXM_BENCH_POSTGRES_URL%/*}/$PGDB"
  "$BIN" --database "$PGURL" settings list >/dev/null
  t0=$(date +%s.%N)
  { echo "BEGIN;"; seed_sql; echo "COMMIT; ANALYZE;"; } | psql -q -v ON_ERROR_STOP=1 "$PGURL" >/dev/null
  echo "(generated in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s)"
  run_cleanup_jobs "$PGURL" postgres
fi
