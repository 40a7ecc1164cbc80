#!/usr/bin/env bash
# Launch → running overhead of the queue: a foreground `awxm launch job_template t --wait` of a
# job with an empty playbook, against running the same job directly with a build that has no
# queue (AWXM_BENCH_BASELINE_BIN, e.g. the previous release's `run_job`), each on its own
# SQLite database. Needs farm-bench-like timing: prints the median wall time of each over N runs.
#
#   AWXM_BENCH_BASELINE_BIN=/path/to/old/awxm benches/launch.sh [RUNS]   # target: < 100 ms more
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
bin=${AWXM_BENCH_BIN:-target/release/awxm}
base=${AWXM_BENCH_BASELINE_BIN:?set AWXM_BENCH_BASELINE_BIN to an awxm without the queue}
venv=${AWXM_BENCH_VENV:-.venv}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project"
printf -- '- hosts: all\n  gather_facts: false\n  tasks: []\n' > "$work/project/site.yml"
cat > "$work/res.yaml" <<EOF
projects:
  - name: p
    local_path: $work/project
inventories:
  - name: inv
    variables: {ansible_connection: local}
    hosts:
      - name: h1
job_templates:
  - name: t
    project: p
    playbook: site.yml
    inventory: inv
EOF
export AWXM_ANSIBLE_BIN_DIR=$PWD/$venv/bin AWXM_DATA_DIR=$work/data AWXM_NODE_NAME=bench
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() { # label db args...
  local label=$1 db=$2; shift 2
  export AWXM_DATABASE_URL=sqlite://$db AWXM_SECRET_KEY_FILE=$db.key
  "$@" >/dev/null 2>&1 || true # warm-up
  for _ in $(seq "$runs"); do
    local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
  done | median | sed "s/^/$label median ms: /"
}
AWXM_DATABASE_URL=sqlite://$work/a.db AWXM_SECRET_KEY_FILE=$work/a.db.key "$bin" apply --file "$work/res.yaml" >/dev/null
AWXM_DATABASE_URL=sqlite://$work/b.db AWXM_SECRET_KEY_FILE=$work/b.db.key "$base" apply --file "$work/res.yaml" >/dev/null
time_runs "launch --wait (queue)" "$work/a.db" "$bin" launch job_template t --wait
time_runs "run_job (queue)      " "$work/a.db" "$bin" run_job t
time_runs "run_job (no queue)   " "$work/b.db" "$base" run_job t
