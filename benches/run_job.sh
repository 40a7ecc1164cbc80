#!/usr/bin/env bash
# run_job benchmark: a playbook over 200 local hosts x 5 tasks, timed as
#   1. bare ansible-playbook,
#   2. awxm run_job (SQLite),
#   3. ansible-runner run (installed into a separate venv under /tmp when possible),
# alternating, ROUNDS times each (median reported); then the event-ingestion replay rate: the
# events of a real run replicated to ~200,000 events and stored with `awxm job ingest` into a
# fresh SQLite database, then into PostgreSQL. Peak memory via /usr/bin/time -v.
#
#   benches/run_job.sh [ROUNDS]        (default 3; 0 = only the replay; HOSTS=200 FORKS=20
#                                       REPLAY=200000 to change; AWXM_BENCH_BIN=PATH measures
#                                       that awxm binary instead of building this checkout)
# Wall times on a busy machine are noisy; the CPU seconds (user+sys of the whole process tree)
# are printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
rounds=${1:-3}
hosts=${HOSTS:-200}
forks=${FORKS:-20}
replay=${REPLAY:-200000}

./scripts/venv.sh
if [ -n "${AWXM_BENCH_BIN:-}" ]; then
  awxm=$AWXM_BENCH_BIN
else
  cargo build --release --locked --quiet
  awxm="$repo/target/release/awxm"
fi
venv="$repo/.venv"
py="$venv/bin/python"

work=$(mktemp -d /tmp/awxm-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project"
export AWXM_DATABASE_URL="sqlite://$work/awxm.db" AWXM_SECRET_KEY_FILE="$work/secret.key" AWXM_ANSIBLE_BIN_DIR="$venv/bin"
export HOME="$work" ANSIBLE_PYTHON_INTERPRETER="$py"

cat >"$work/project/site.yml" <<'EOF'
- hosts: all
  gather_facts: false
  tasks:
    - name: say hello
      debug: {msg: "hello {{ inventory_hostname }}"}
    - name: remember something
      set_fact: {bench_value: "{{ inventory_hostname | length }}"}
    - name: check it
      assert: {that: [bench_value | int > 0], quiet: true}
    - name: run a module
      ping:
    - name: report
      debug: {var: bench_value}
EOF

# Inventory for bare ansible-playbook / ansible-runner, and the same hosts for awxm.
{
  echo "[bench]"
  for i in $(seq 1 "$hosts"); do echo "host$i"; done
  echo "[all:vars]"
  echo "ansible_connection=local"
  echo "ansible_python_interpreter=$py"
} >"$work/hosts.ini"
{
  echo "projects: [{name: bench, local_path: $work/project}]"
  echo "inventories:"
  echo "  - name: bench"
  echo "    variables: {ansible_connection: local, ansible_python_interpreter: $py}"
  echo "    hosts:"
  for i in $(seq 1 "$hosts"); do echo "      - name: host$i"; done
  echo "job_templates: [{name: bench, project: bench, playbook: site.yml, inventory: bench, forks: $forks}]"
} >"$work/resources.yaml"
"$awxm" apply -f "$work/resources.yaml" >/dev/null

# ansible-runner in its own venv (optional).
runner_venv=/tmp/awxm-bench-runner-venv
runner=""
if [ -x "$runner_venv/bin/ansible-runner" ] || { python3 -m venv "$runner_venv" >/dev/null 2>&1 &&
  "$runner_venv/bin/pip" install --quiet --disable-pip-version-check ansible-runner 'ansible-core>=2.19,<2.20' >/dev/null 2>&1; }; then
  runner="$runner_venv/bin/ansible-runner"
  mkdir -p "$work/runner/project" "$work/runner/inventory" "$work/runner/env"
  cp "$work/project/site.yml" "$work/runner/project/"
  cp "$work/hosts.ini" "$work/runner/inventory/hosts"
  echo "--forks=$forks" >"$work/runner/env/cmdline"
else
  echo "ansible-runner: could not be installed into $runner_venv; skipped" >&2
fi

timed() { # name command... -> appends "seconds maxrss_kb cpu_seconds" to $work/<name>.times
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.out" "$@" >"$work/$name.out" 2>&1 || true
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$work/time.out" >"$work/time.line" && mv "$work/time.line" "$work/time.out"
  cat "$work/time.out" >>"$work/$name.times"
}

if [ "$rounds" -gt 0 ]; then
for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds ..." >&2
  (cd "$work/project" && timed ansible_playbook "$venv/bin/ansible-playbook" -i "$work/hosts.ini" --forks="$forks" site.yml)
  timed awxm_run_job "$awxm" run_job bench --no-follow
  if [ -n "$runner" ]; then
    rm -rf "$work/runner/artifacts"
    timed ansible_runner env PATH="$runner_venv/bin:$PATH" "$runner" run "$work/runner" -p site.yml
  fi
done
grep -q "successful" "$work/awxm_run_job.out" || { echo "awxm run_job failed:" >&2; tail -20 "$work/awxm_run_job.out" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "== $hosts hosts x 5 tasks, forks $forks, $rounds rounds; load average: $(cut -d' ' -f1-3 /proc/loadavg) =="
echo "   (median wall seconds, median CPU seconds of the tree, max RSS of its largest process)"
for name in ansible_playbook awxm_run_job ansible_runner; do
  [ -f "$work/$name.times" ] || continue
  secs=$(cut -d' ' -f1 "$work/$name.times" | median)
  rss=$(cut -d' ' -f2 "$work/$name.times" | sort -n | tail -1)
  cpu=$(cut -d' ' -f3 "$work/$name.times" | median)
  printf '%-18s %8.2f s wall  %8.2f s CPU  %7d KB\n' "$name" "$secs" "$cpu" "$rss"
done
base=$(cut -d' ' -f1 "$work/ansible_playbook.times" | median)
mine=$(cut -d' ' -f1 "$work/awxm_run_job.times" | median)
awk -v a="$mine" -v b="$base" 'BEGIN {printf "awxm / ansible-playbook: %.3f (target <= 1.10)\n", a / b}'
if [ -f "$work/ansible_runner.times" ]; then
  rr=$(cut -d' ' -f1 "$work/ansible_runner.times" | median)
  awk -v a="$mine" -v b="$rr" 'BEGIN {printf "awxm / ansible-runner:    %.3f (target < 1)\n", a / b}'
fi
events=$("$awxm" --format json job show 1 | "$py" -c 'import json,sys; print(json.load(sys.stdin)["event_count"])')
echo "events per run: $events"
fi

# ---- event ingestion replay ----
"$awxm" run_job bench --no-follow --keep-artifacts --format json >"$work/kept.json"
id=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/kept.json")
dir=$("$awxm" --format json job show "$id" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["work_dir"])')
"$py" - "$dir/artifacts/$id/job_events.jsonl" "$work/replay.jsonl" "$replay" <<'EOF'
import json, sys, uuid
src, dst, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
events = [json.loads(l) for l in open(src)]
n = 0
with open(dst, 'w') as out:
    while n < want:
        for e in events:
            if n >= want:
                break
            n += 1
            e = dict(e, counter=n, uuid=str(uuid.uuid4()))
            out.write(json.dumps(e, ensure_ascii=False, separators=(',', ':')) + '\n')
EOF
rm -rf "$dir"
size=$(du -m "$work/replay.jsonl" | cut -f1)
# replay_into LABEL URL-MAKER: 3 runs, each into a fresh database made by the function named
# URL-MAKER (it prints the database URL).
replay_into() {
  local label=$1 make_url=$2
  echo
  echo "== event ingestion replay into $label: $replay events ($size MB), 3 runs into fresh databases; load average: $(cut -d' ' -f1-3 /proc/loadavg) =="
  for r in 1 2 3; do
    AWXM_DATABASE_URL=$("$make_url")
    export AWXM_DATABASE_URL
    "$awxm" apply -f "$work/resources.yaml" >/dev/null
    # A job row to ingest into (a run that fails at once: its playbook is missing).
    "$awxm" apply -f - >/dev/null <<EOF
job_templates: [{name: replay, project: bench, playbook: missing.yml, inventory: bench}]
EOF
    "$awxm" run_job replay --format json >/dev/null 2>&1 || true
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.out" "$awxm" --format json job ingest 1 --events "$work/replay.jsonl" >"$work/ingest.json"
    "$py" - "$work/ingest.json" "$work/time.out" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
wall, rss, user, sys_ = open(sys.argv[2]).read().split()
cpu = float(user) + float(sys_)
print(f"{r['events_read']} events stored in {r['seconds']:.2f} s: {r['events_per_second']:.0f} events/s "
      f"(awxm CPU {cpu:.2f} s = {r['events_read'] / cpu:.0f} events per awxm CPU second; max RSS {rss} KB)")
EOF
  done
  echo "(target >= 50000 events/s)"
  second=$("$awxm" --format json job ingest 1 --events "$work/replay.jsonl" | "$py" -c 'import json,sys; r=json.load(sys.stdin); print(r["events_inserted"], round(r["events_per_second"]))')
  echo "re-ingesting the same file: inserted, events/s = $second (idempotent)"
}

sqlite_url() {
  rm -f "$work"/replay.db*
  echo "sqlite://$work/replay.db"
}
replay_into SQLite sqlite_url

# PostgreSQL: a throwaway server (scripts/pg-test.sh), or the server of AWXM_BENCH_POSTGRES_URL
# (a database awxm_bench_replay is dropped and created there). AWXM_BENCH_SKIP_PG=1 skips it.
if [ -z "${AWXM_BENCH_SKIP_PG:-}" ]; then
  pgdir=""
  if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
    pg_base=${AWXM_BENCH_POSTGRES_URL%/*}
  else
    pgdir=$(mktemp -d /tmp/awxm-bench-pg.XXXXXX)
    eval "$(./scripts/pg-test.sh start "$pgdir")"
    pg_base=${DATABASE_URL%/*}
    trap 'rm -rf "$work"; ./scripts/pg-test.sh stop "$pgdir" >/dev/null 2>&1 || true' EXIT
  fi
  pg_url() {
    psql -q "$pg_base/postgres" -c "DROP DATABASE IF EXISTS awxm_bench_replay" -c "CREATE DATABASE awxm_bench_replay" >/dev/null
    echo "$pg_base/awxm_bench_replay"
  }
  replay_into PostgreSQL pg_url
fi
