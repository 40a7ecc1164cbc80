#!/usr/bin/env bash
# The dispatcher: launch → running latency with an idle dispatcher, and throughput of N
# empty-playbook jobs, on SQLite and (with AWXM_BENCH_POSTGRES_URL, a dedicated database whose
# public schema is dropped) PostgreSQL. Jobs are launched as node "launcher" into an instance
# group holding only node "d", so only d's dispatcher can start them: the latency is the
# wake-up, the cycle and the supervisor's start (job.created → job.started, from the database).
#
#   benches/dispatcher.sh [LATENCY_RUNS] [JOBS]     # defaults 20 and 200; targets: median < 300 ms
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}; jobs=${2:-200}
bin=${AWXM_BENCH_BIN:-target/release/awxm}
[ -n "${AWXM_BENCH_BIN:-}" ] || cargo build --release -q
venv=${AWXM_BENCH_VENV:-$PWD/.venv}
work=$(mktemp -d); trap 'kill "${disp:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/project"
printf -- '- hosts: all\n  gather_facts: false\n  tasks: []\n' > "$work/project/site.yml"
cat > "$work/lat.py" <<'PY'
import sys, datetime
rows = [l.split() for l in sys.stdin if l.strip()]
p = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
lat = sorted((p(b) - p(a)).total_seconds() * 1000 for a, b in rows)
print(f"  launch -> running: median {lat[len(lat)//2]:.0f} ms, min {lat[0]:.0f}, max {lat[-1]:.0f} ({len(lat)} jobs)")
PY
export AWXM_ANSIBLE_BIN_DIR=$venv/bin AWXM_DATA_DIR=$work/data AWXM_SECRET_KEY_FILE=$work/key
sql() { case $AWXM_DATABASE_URL in sqlite://*) python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "${AWXM_DATABASE_URL#sqlite://}" "$1" ;; *) psql -qtA "$AWXM_DATABASE_URL" -c "$1" ;; esac; }
rows() { case $AWXM_DATABASE_URL in sqlite://*) python3 -c "import sqlite3,sys; [print(*r) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]" "${AWXM_DATABASE_URL#sqlite://}" "$1" ;; *) psql -qtA -F " " "$AWXM_DATABASE_URL" -c "$1" ;; esac; }
run() {
  export AWXM_DATABASE_URL=$1
  AWXM_NODE_NAME=d "$bin" heartbeat >/dev/null
  cat > "$work/res.yaml" <<EOF
instance_groups:
  - name: g
    instances: [d]
projects:
  - name: p
    local_path: $work/project
inventories:
  - name: inv
    variables: {ansible_connection: local, ansible_python_interpreter: $venv/bin/python}
    hosts:
      - name: h1
job_templates:
  - name: t
    project: p
    playbook: site.yml
    inventory: inv
    allow_simultaneous: true
    instance_groups: [g]
EOF
  "$bin" apply --file "$work/res.yaml" >/dev/null
  AWXM_NODE_NAME=d "$bin" dispatcher >/dev/null 2>&1 & disp=$!
  sleep 2
  for _ in $(seq "$runs"); do
    id=$(AWXM_NODE_NAME=launcher "$bin" --format json launch job_template t | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    AWXM_NODE_NAME=launcher "$bin" job wait "$id" >/dev/null
  done
  rows "SELECT created, started FROM job WHERE started IS NOT NULL ORDER BY id" | python3 "$work/lat.py"
  start=$(date +%s.%N)
  for _ in $(seq "$jobs"); do AWXM_NODE_NAME=launcher "$bin" launch job_template t >/dev/null; done
  last=$(sql "SELECT max(id) FROM job")
  AWXM_NODE_NAME=launcher "$bin" job wait --timeout 3600 "$last" >/dev/null || true
  while [ "$(sql "SELECT count(*) FROM job WHERE finished IS NULL")" != 0 ]; do sleep 0.5; done
  end=$(date +%s.%N)
  python3 -c "import sys; n=int(sys.argv[1]); s=float(sys.argv[3])-float(sys.argv[2]); print(f'  throughput: {n} jobs in {s:.1f} s = {n/s*60:.0f} jobs/min')" "$jobs" "$start" "$end"
  kill "$disp"; wait "$disp" 2>/dev/null || true
}
echo "SQLite:"; run "sqlite://$work/awxm.db"
if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
  psql -q "$AWXM_BENCH_POSTGRES_URL" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  echo "PostgreSQL:"; run "$AWXM_BENCH_POSTGRES_URL"
fi
