#!/usr/bin/env bash
# Benchmark of `awxm gather_analytics`: a full gather (every collector, the whole 4-week window,
# tarballs written) over 10,000 jobs and 1,000,000 job events on SQLite.
# Targets (issue 7): under 15 s wall time, under 150 MB peak memory (max RSS).
#   usage: benches/gather_analytics.sh [JOBS] [EVENTS_PER_JOB]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-10000}
per_job=${2:-100}

cargo build --release --quiet
bin=$PWD/target/release/awxm
work=$(mktemp -d /tmp/awxm-bench-analytics.XXXXXX)
trap 'rm -rf "$work"' EXIT
export AWXM_DATABASE_URL="sqlite://$work/awxm.db" AWXM_SECRET_KEY_FILE="$work/secret.key" XDG_DATA_HOME="$work/data"

"$bin" apply -f fixtures/demo.yaml >/dev/null   # migrates; gives an organization, inventory, project, job template

echo "generating $jobs jobs and $((jobs * per_job)) job events ..."
gen_start=$(date +%s.%N)
python3 - "$work/awxm.db" "$jobs" "$per_job" <<'PY'
import sqlite3, sys, time
db, jobs, per_job = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = sqlite3.connect(db)
c.execute("PRAGMA journal_mode=WAL")
c.execute("PRAGMA synchronous=OFF")
base = int(time.time()) - 27 * 86400          # jobs spread over the last 27 days
step = max(1, (27 * 86400 - 3600) // jobs)
ts = "strftime('%Y-%m-%dT%H:%M:%S', {}, 'unixepoch') || '.000000Z'"
c.execute(f"""
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {jobs})
INSERT INTO job (id, name, job_template_id, organization_id, launch_type, status, failed, started, finished, elapsed,
                 execution_node, inventory_id, project_id, playbook, forks, task_impact, created, modified)
SELECT x, 'deploy', 1, 1, 'manual', CASE WHEN x % 10 = 0 THEN 'failed' ELSE 'successful' END, x % 10 = 0,
       {ts.format(f'{base} + x * {step} + 1')}, {ts.format(f'{base} + x * {step} + {per_job + 2}')}, {per_job + 1}.0,
       'node1', 1, 1, 'site.yml', 5, 2,
       {ts.format(f'{base} + x * {step}')}, {ts.format(f'{base} + x * {step} + {per_job + 2}')}
FROM n""")
c.execute(f"""
WITH RECURSIVE k(y) AS (SELECT 1 UNION ALL SELECT y + 1 FROM k WHERE y < {per_job})
INSERT INTO job_event (job_id, counter, uuid, parent_uuid, event, event_data, failed, changed, host_id, host_name,
                       playbook, play, role, task, stdout, start_line, end_line, created, modified)
SELECT j.id, k.y, printf('%08x-0000-4000-8000-%012x', j.id, k.y), printf('%08x-0000-4000-8000-%012x', j.id, 0),
       CASE WHEN k.y = {per_job} THEN 'playbook_on_stats' ELSE 'runner_on_ok' END,
       CASE WHEN k.y = {per_job}
            THEN json_object('playbook', 'site.yml', 'changed', json_object('web1', 3), 'ok', json_object('web1', {per_job - 1}),
                             'failures', json_object(), 'artifact_data', json_object('x', 1))
            ELSE json_object('task_action', 'ansible.builtin.command', 'resolved_action', 'ansible.builtin.command',
                             'task', printf('task %d', k.y), 'host', 'web1.example.test',
                             'start', strftime('%Y-%m-%dT%H:%M:%S', j.ts + k.y, 'unixepoch') || '.123456',
                             'end', strftime('%Y-%m-%dT%H:%M:%S', j.ts + k.y, 'unixepoch') || '.623456',
                             'duration', 0.5,
                             'res', json_object('changed', json('true'), 'rc', 0, 'stdout', printf('output of task %d', k.y),
                                                'cmd', 'echo hello', 'warnings', json_array(), 'deprecations', json_array()))
       END,
       0, k.y % 3 = 0, 1, 'web1.example.test', 'site.yml', 'all', '', printf('task %d', k.y),
       printf('TASK [task %d] ****\nok: [web1.example.test]\n', k.y), k.y * 2, k.y * 2 + 2,
       {ts.format('j.ts + k.y')}, {ts.format('j.ts + k.y')}
FROM (SELECT id, {base} + id * {step} AS ts FROM job WHERE id <= {jobs}) j CROSS JOIN k""")
c.commit()
PY
gen_end=$(date +%s.%N)
printf 'generated in %.1f s; database %s\n' "$(echo "$gen_end - $gen_start" | bc)" "$(du -h "$work/awxm.db" | cut -f1)"

out="$work/out"
/usr/bin/time -v "$bin" --format json gather_analytics --dry-run --output-dir "$out" >"$work/report.json" 2>"$work/time.txt" || {
  cat "$work/time.txt"; exit 1; }
wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
rss_kb=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
user=$(grep 'User time' "$work/time.txt" | awk '{print $NF}')
sys=$(grep 'System time' "$work/time.txt" | awk '{print $NF}')
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
rows = {c["key"]: c["rows"] for c in r["collectors"] if c["format"] == "csv"}
print(f"tarballs: {len(r['tarballs'])}, {sum(t['size'] for t in r['tarballs']) / 1e6:.1f} MB compressed")
print("rows: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
PY
echo "full gather (dry run, 4-week window): wall ${wall} (target < 15 s), CPU ${user} s user + ${sys} s sys, peak RSS $((rss_kb / 1024)) MB (target < 150 MB)"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall time is CPU time plus waiting for a core)"
