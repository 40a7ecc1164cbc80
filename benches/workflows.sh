#!/usr/bin/env bash
# One workflow-manager step over 100 running workflows of 100 nodes each (issue 18), on SQLite
# (and PostgreSQL with AWXM_BENCH_POSTGRES_URL: its public schema is dropped, use a dedicated
# database). Each workflow is a chain s0 → s1 → … → s49 (success edges) where every s_i also
# has a failure child f_i: 100 nodes, 99 edges. s0–s23 ran (successful), f0–f23 are marked
# do-not-run, s24's job has just ended successful: the step must load all 10,000 nodes, mark
# f24 do-not-run and spawn s25's job in every workflow (100 jobs created). A second step then
# finds nothing to do (every workflow waits for its new job): the steady-state cost of a cycle.
# This node has no capacity, so no job starts; the figure is the step's own `elapsed` (the
# `workflows` part of `awxm task_manager --format json`).
#
#   benches/workflows.sh            # target: a step under 0.5 s on SQLite, 1 s on PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${AWXM_BENCH_BIN:-target/release/awxm}
[ -n "${AWXM_BENCH_BIN:-}" ] || cargo build --release -q
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export AWXM_SECRET_KEY_FILE=$work/key AWXM_NODE_NAME=bench AWXM_DATA_DIR=$work/data
ts="'2026-01-01T00:00:00.000000Z'"
sql="UPDATE instance SET capacity = 0 WHERE hostname = 'bench';
CREATE TABLE bench_nums AS WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 99) SELECT n FROM c;
INSERT INTO workflow_job (name, workflow_job_template_id, status, launch_type, extra_vars, allow_simultaneous, started, created, modified)
  SELECT 'w', (SELECT id FROM workflow_job_template WHERE name = 'w'), 'running', 'manual', '{}', TRUE, $ts, $ts, $ts FROM bench_nums;
INSERT INTO workflow_job_node (workflow_job_id, identifier, unified_job_template_type, unified_job_template_id, do_not_run, created, modified)
  SELECT w.id, CASE WHEN k.n < 50 THEN 's' || k.n ELSE 'f' || (k.n - 50) END, 'job_template',
         (SELECT id FROM job_template WHERE name = 't'), k.n >= 50 AND k.n < 74, $ts, $ts
  FROM workflow_job w CROSS JOIN bench_nums k;
CREATE INDEX bench_node_ident ON workflow_job_node(workflow_job_id, identifier);
INSERT INTO workflow_job_node_edge (from_node_id, to_node_id, kind)
  SELECT a.id, b.id, 'success' FROM bench_nums k
  JOIN workflow_job_node a ON a.identifier = 's' || k.n
  JOIN workflow_job_node b ON b.workflow_job_id = a.workflow_job_id AND b.identifier = 's' || (k.n + 1) WHERE k.n < 49;
INSERT INTO workflow_job_node_edge (from_node_id, to_node_id, kind)
  SELECT a.id, b.id, 'failure' FROM bench_nums k
  JOIN workflow_job_node a ON a.identifier = 's' || k.n
  JOIN workflow_job_node b ON b.workflow_job_id = a.workflow_job_id AND b.identifier = 'f' || k.n WHERE k.n < 50;
INSERT INTO job (name, job_template_id, launch_type, status, failed, job_explanation, started, finished, created, modified)
  SELECT 'node-' || n.id, n.unified_job_template_id, 'workflow', 'successful', FALSE, '', $ts, $ts, $ts, $ts
  FROM workflow_job_node n JOIN bench_nums k ON n.identifier = 's' || k.n WHERE k.n < 25;
CREATE INDEX bench_job_name ON job(name);
UPDATE workflow_job_node SET job_type = 'job', job_id = (SELECT j.id FROM job j WHERE j.name = 'node-' || workflow_job_node.id)
  WHERE id IN (SELECT n.id FROM workflow_job_node n JOIN bench_nums k ON n.identifier = 's' || k.n WHERE k.n < 25);
DROP INDEX bench_job_name;
DROP INDEX bench_node_ident;
DROP TABLE bench_nums;"
run() {
  local url=$1
  export AWXM_DATABASE_URL=$url
  cat >"$work/res.yaml" <<YAML
projects:
  - name: p
    scm_type: manual
inventories:
  - name: inv
job_templates:
  - name: t
    project: p
    inventory: inv
    playbook: site.yml
    allow_simultaneous: true
workflow_job_templates:
  - name: w
YAML
  "$bin" apply --file "$work/res.yaml" >/dev/null
  "$bin" instance register bench --node-type hybrid >/dev/null 2>&1 || true
  case $url in
    sqlite://*) python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()" "${url#sqlite://}" "$sql" ;;
    *) psql -q "$url" -v ON_ERROR_STOP=1 -c "$sql" >/dev/null ;;
  esac
  for pass in first second; do
    "$bin" task_manager --format json | python3 -c "
import json, sys
w = json.load(sys.stdin)['workflows']
print(f\"  $pass step: {w['elapsed']:.3f} s, {w['advanced']} workflows, {len(w['spawned'])} jobs spawned, {w['do_not_run']} nodes marked do-not-run\")"
  done
}
echo "SQLite:"; run "sqlite://$work/awxm.db"
if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
  psql -q "$AWXM_BENCH_POSTGRES_URL" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  echo "PostgreSQL:"; run "$AWXM_BENCH_POSTGRES_URL"
fi
