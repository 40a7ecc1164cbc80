#!/usr/bin/env bash
# One scheduler tick over 10,000 enabled schedules, 100 of them due, on SQLite (and PostgreSQL
# with AWXM_BENCH_POSTGRES_URL: its public schema is dropped, use a dedicated database). The
# due ones launch 100 system jobs; this node has no capacity, so the task-manager cycle after
# the tick starts nothing (it only places and explains them). Reported: the tick's own time
# (`elapsed`) and the whole command's.
#
#   benches/scheduler.sh            # target: a tick under 0.5 s on SQLite, 1 s on PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${AWXM_BENCH_BIN:-target/release/awxm}
[ -n "${AWXM_BENCH_BIN:-}" ] || cargo build --release -q
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export AWXM_SECRET_KEY_FILE=$work/key AWXM_NODE_NAME=bench AWXM_DATA_DIR=$work/data
run() {
  local url=$1
  export AWXM_DATABASE_URL=$url
  printf 'system_job_templates:\n  - {name: purge, job_type: cleanup_jobs}\n' >"$work/res.yaml"
  "$bin" apply --file "$work/res.yaml" >/dev/null
  "$bin" instance register bench --node-type hybrid >/dev/null 2>&1 || true
  # 10,000 daily schedules; 100 (every 100th) are due a minute ago, after the previous tick.
  local gen="UPDATE instance SET capacity = 0 WHERE hostname = 'bench';
INSERT INTO scheduler_state (id, last_run) VALUES (1, '2000-01-01T00:00:00.000000Z');
INSERT INTO schedule (name, system_job_template_id, rrule, timezone, dtstart, next_run, extra_data, created, modified)
  SELECT 's' || n, t.id, 'DTSTART:20260101T000000Z RRULE:FREQ=DAILY;INTERVAL=1', 'UTC', '2026-01-01T00:00:00.000000Z',
         CASE WHEN n % 100 = 0 THEN '2000-01-01T00:01:00.000000Z' ELSE '2999-01-01T00:00:00.000000Z' END, '{\"days\": 30}',
         '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'
  FROM system_job_template t CROSS JOIN (SELECT a.k * 100 + b.k + 1 AS n FROM
    (WITH RECURSIVE r(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM r WHERE k < 99) SELECT k FROM r) a CROSS JOIN
    (WITH RECURSIVE r(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM r WHERE k < 99) SELECT k FROM r) b) ns;"
  case $url in
    sqlite://*) python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()" "${url#sqlite://}" "$gen" ;;
    *) psql -q "$url" -c "$gen" ;;
  esac
  local t0 t1
  t0=$(date +%s.%N)
  "$bin" scheduler --once --format json >"$work/tick.json"
  t1=$(date +%s.%N)
  python3 - "$work/tick.json" "$t0" "$t1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"  tick: {r['elapsed']:.3f} s, {len(r['launched'])} launched, {len(r['skipped'])} skipped; "
      f"whole command (with the task-manager cycle): {float(sys.argv[3]) - float(sys.argv[2]):.3f} s")
PY
}
echo "SQLite:"; run "sqlite://$work/awxm.db"
if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
  psql -q "$AWXM_BENCH_POSTGRES_URL" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  echo "PostgreSQL:"; run "$AWXM_BENCH_POSTGRES_URL"
fi
