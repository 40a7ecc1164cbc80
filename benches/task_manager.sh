#!/usr/bin/env bash
# One task-manager cycle over 10,000 pending jobs of 100 templates, 1,000 of them blocked (a job
# of their template runs), on SQLite (and PostgreSQL with AWXM_BENCH_POSTGRES_URL: its public
# schema is dropped, use a dedicated database). This node has no capacity left, so nothing
# starts and every pending job is placed and explained: the whole pending pass is measured.
# The first cycle writes 9,000 explanations; the second finds them unchanged.
#
#   benches/task_manager.sh            # target: a cycle under 0.5 s on SQLite, 1 s on PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${AWXM_BENCH_BIN:-target/release/awxm}
[ -n "${AWXM_BENCH_BIN:-}" ] || cargo build --release -q
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export AWXM_SECRET_KEY_FILE=$work/key AWXM_NODE_NAME=bench AWXM_DATA_DIR=$work/data
run() {
  local url=$1
  export AWXM_DATABASE_URL=$url
  python3 - "$work/res.yaml" <<'PY'
import sys
lines = ["projects:", "  - name: p", "    scm_type: manual", "inventories:", "  - name: inv", "job_templates:"]
for i in range(100):
    lines += [f"  - name: t{i}", "    project: p", "    inventory: inv", "    playbook: site.yml"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
  "$bin" apply --file "$work/res.yaml" >/dev/null
  "$bin" instance register bench --node-type hybrid >/dev/null 2>&1 || true
  local sql="UPDATE instance SET capacity = 0 WHERE hostname = 'bench';
INSERT INTO job (name, job_template_id, status, task_impact, dependencies_processed, execution_node, controller_node, pid, created, modified)
  SELECT name, id, 'running', 2, TRUE, 'bench', 'bench', 1, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z' FROM job_template WHERE id % 10 = 0;"
  local gen="INSERT INTO job (name, job_template_id, project_id, inventory_id, status, task_impact, dependencies_processed, created, modified)
  SELECT t.name, t.id, t.project_id, t.inventory_id, 'pending', 2, TRUE, '2026-01-02T00:00:00.000000Z', '2026-01-02T00:00:00.000000Z'
  FROM job_template t CROSS JOIN (SELECT 1 AS k"
  for i in $(seq 2 100); do gen="$gen UNION ALL SELECT $i"; done
  gen="$gen) n;"
  case $url in
    sqlite://*) python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.executescript(sys.argv[3]); c.commit()" "${url#sqlite://}" "$sql" "$gen" ;;
    *) psql -q "$url" -c "$sql" -c "$gen" ;;
  esac
  for pass in first second; do
    "$bin" task_manager --format json | python3 -c "import json,sys; r=json.load(sys.stdin); print(f\"  $pass cycle: {r['elapsed']:.3f} s, {len(r['waiting'])} waiting, {len(r['started'])} started\")"
  done
}
echo "SQLite:"; run "sqlite://$work/awxm.db"
if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
  psql -q "$AWXM_BENCH_POSTGRES_URL" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  echo "PostgreSQL:"; run "$AWXM_BENCH_POSTGRES_URL"
fi
