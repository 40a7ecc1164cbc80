#!/usr/bin/env bash
# Benchmark: awxm inventory_import vs ansible-inventory --list, on generated inventories.
#
#   benches/inventory_import.sh [SIZES...]        default: 10000 100000
#
# For each size N it writes an INI inventory of N hosts (one group per 100 hosts, groups nested
# under parents of 10, parents under one top group, 3 variables per host, group variables) and
# times, with CPU time (user+sys) and peak memory (/usr/bin/time -v):
#   1. ansible-inventory -i FILE --list --export   (AWX's environment; the venv's ansible-core)
#   2. awxm inventory_import into SQLite: first import, then a re-import with no change
#   3. the same into PostgreSQL (a throwaway server from scripts/pg-test.sh, or the one named by
#      AWXM_BENCH_POSTGRES_URL — its public schema is dropped!)
# and checks that the re-import wrote no rows. Each awxm measurement is repeated
# AWXM_BENCH_REPEAT times (default 5) on a fresh database whose schema already exists, in rounds
# that alternate the backends; the fastest run and the median are reported, and the ratio
# PostgreSQL / SQLite as the median of the rounds' ratios (the machine may be shared);
# ansible-inventory runs once.
# AWXM_BENCH_SKIP_ANSIBLE=1 skips step 1 (slow at 100k), AWXM_BENCH_SKIP_PG=1 step 3;
# AWXM_BENCH_BIN=PATH measures that awxm binary instead of building this checkout.
# With the throwaway server, the PostgreSQL server's CPU time of each run is shown too (from
# /proc: the postmaster's own and its reaped backends'); compare PostgreSQL with SQLite by the
# printed ratios: on a loaded machine absolute times grow, the ratios much less.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
repeat=${AWXM_BENCH_REPEAT:-5}

if [ -n "${AWXM_BENCH_BIN:-}" ]; then
  awxm=$AWXM_BENCH_BIN
else
  cargo build --release --quiet
  awxm=$root/target/release/awxm
fi
venv=${AWXM_TEST_VENV:-$root/.venv}
work=$(mktemp -d /tmp/awxm-bench.XXXXXX)
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then "$root/scripts/pg-test.sh" stop "$pgdir" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

gen() { # gen N FILE
  python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
groups = (n + 99) // 100
with open(path, "w") as f:
    f.write("[all:vars]\nntp_server=ntp.example.com\n\n")
    for g in range(groups):
        f.write(f"[g{g:05d}]\n")
        for h in range(g * 100, min(n, (g + 1) * 100)):
            f.write(f"host{h:07d}.example.com ansible_host=10.{h >> 16 & 255}.{h >> 8 & 255}.{h & 255} rack={h % 40} role=\"web server\"\n")
        f.write(f"\n[g{g:05d}:vars]\nzone=z{g % 7}\n\n")
    parents = (groups + 9) // 10
    for p in range(parents):
        f.write(f"[p{p:04d}:children]\n")
        for g in range(p * 10, min(groups, (p + 1) * 10)):
            f.write(f"g{g:05d}\n")
        f.write("\n")
    f.write("[top:children]\n")
    for p in range(parents):
        f.write(f"p{p:04d}\n")
PY
}

# CPU seconds (user+sys) the throwaway PostgreSQL server used so far: the postmaster's own,
# its reaped children's and its live children's; 0 when the server is not ours.
server_cpu() {
  [ -n "$pgdir" ] || { echo 0; return; }
  local pm
  pm=$(head -1 "$pgdir/data/postmaster.pid")
  python3 - "$pm" <<'PY'
import os, sys
pm = sys.argv[1]
hz = os.sysconf("SC_CLK_TCK")
def fields(pid):
    try:
        s = open(f"/proc/{pid}/stat").read()
    except OSError:
        return None
    return s[s.rindex(")") + 2:].split()
total = 0
f = fields(pm)
if f:
    total += sum(int(x) for x in f[11:15])  # utime stime cutime cstime
for pid in os.listdir("/proc"):
    if pid.isdigit() and pid != pm:
        g = fields(pid)
        if g and g[1] == pm:
            total += int(g[11]) + int(g[12])
print(total / hz)
PY
}

# run CMD... : runs it under /usr/bin/time; leaves "seconds peak_kb cpu_seconds server_cpu_seconds"
# in $work/run.txt and the command's stdout in $work/out.json
run() {
  local log=$work/time.log before after
  before=$(server_cpu)
  /usr/bin/time -v -o "$log" "$@" >"$work/out.json" 2>"$work/err.log" || { cat "$work/err.log" >&2; return 1; }
  after=$(server_cpu)
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$log")
  python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))), $rss, $cpu, round($after - $before, 2))" >"$work/run.txt"
}

# report LABEL SECONDS KB [CPU [SERVER_CPU]]
report() {
  local extra=""
  [ -n "${4:-}" ] && extra=$(printf '  cpu %6.2f s' "$4")
  [ -n "${5:-}" ] && extra="$extra$(printf ' + server %5.2f s' "$5")"
  printf '%-46s %9.2f s %8.1f MB%s\n' "$1" "$2" "$(python3 -c "print($3/1024)")" "$extra"
}

awx_env=(env ANSIBLE_INVENTORY_UNPARSED_FAILED=True ANSIBLE_INVENTORY_EXPORT=True ANSIBLE_VERBOSE_TO_STDERR=True
  ANSIBLE_HOST_PATTERN_MISMATCH=error ANSIBLE_LOCAL_TEMP=$work ANSIBLE_HOME=$work)

pg_url=""
if [ "${AWXM_BENCH_SKIP_PG:-}" != 1 ]; then
  if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
    pg_url=$AWXM_BENCH_POSTGRES_URL
  else
    pgdir=$(mktemp -d /tmp/awxm-bench-pg.XXXXXX)
    eval "$("$root/scripts/pg-test.sh" start "$pgdir")"
    pg_url=$DATABASE_URL
  fi
fi

ansible_version=$("$venv/bin/ansible-inventory" --version 2>/dev/null | sed -n 1p)
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); $ansible_version"
for n in "${sizes[@]}"; do
  inv=$work/hosts-$n.ini
  gen "$n" "$inv"
  echo
  echo "== $n hosts ($(( (n + 99) / 100 )) groups, $(du -h "$inv" | cut -f1) INI) =="
  ansible_secs=0
  if [ "${AWXM_BENCH_SKIP_ANSIBLE:-}" != 1 ]; then
    run "${awx_env[@]}" "$venv/bin/ansible-inventory" -i "$inv" --list --export
    read -r ansible_secs kb <"$work/run.txt"
    report "ansible-inventory --list --export" "$ansible_secs" "$kb"
  fi
  backends=(sqlite)
  [ -n "$pg_url" ] && backends+=(postgres)
  # Rounds alternate the backends (SQLite, PostgreSQL, SQLite, ...) so that each ratio compares
  # two runs made close together: a shared machine's speed drifts between rounds.
  rm -f "$work"/times-*
  for round in $(seq "$repeat"); do
    for kind in "${backends[@]}"; do
      if [ "$kind" = postgres ]; then
        url=$pg_url
        psql "$url" -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1
      else
        rm -rf "$work"/bench.db*
        url="sqlite:///$work/bench.db"
      fi
      echo "{}" | env AWXM_DATABASE_URL="$url" AWXM_SECRET_KEY_FILE="$work/secret.key" "$awxm" apply -f - >/dev/null  # the schema, untimed
      cmd=(env AWXM_DATABASE_URL="$url" AWXM_SECRET_KEY_FILE="$work/secret.key" "$awxm" --format json --no-progress
        inventory_import --inventory-name "bench$n" --create --overwrite --source "$inv")
      run "${cmd[@]}"
      echo "$round $(cat "$work/run.txt")" >>"$work/times-$kind-first"
      cp "$work/out.json" "$work/first-$kind-$round.json"
      run "${cmd[@]}"
      echo "$round $(cat "$work/run.txt")" >>"$work/times-$kind-re"
      cp "$work/out.json" "$work/re-$kind-$round.json"
    done
  done
  python3 - "$work" "$ansible_secs" "${backends[@]}" <<'PY'
import json, statistics, sys
work, ansible = sys.argv[1], float(sys.argv[2])
kinds = sys.argv[3:]

def runs(kind, phase):
    rows = [line.split() for line in open(f"{work}/times-{kind}-{phase}")]
    return [(int(r[0]), float(r[1]), float(r[2]), float(r[3]), float(r[4])) for r in rows]

def report(label, rows, server):
    best = min(rows, key=lambda r: r[1])
    extra = "  cpu %6.2f s" % best[3] + (" + server %5.2f s" % best[4] if server else "")
    print("%-46s %9.2f s %8.1f MB%s   (median %.2f s)" % (label, best[1], best[2] / 1024, extra, statistics.median(r[1] for r in rows)))
    return best[0]

for kind in kinds:
    r = report("awxm import into %s (first)" % kind, runs(kind, "first"), kind == "postgres")
    d = json.load(open(f"{work}/first-{kind}-{r}.json"))
    print("    hosts added %d, groups added %d; reading %.2fs, writing %.2fs"
          % (d["hosts"]["added"], d["groups"]["added"], d["load_elapsed"], d["write_elapsed"]))
    if ansible:
        print("    %.1fx faster than ansible-inventory --list alone" % (ansible / min(x[1] for x in runs(kind, "first"))))
    r = report("awxm import into %s (re-import, no change)" % kind, runs(kind, "re"), kind == "postgres")
    d = json.load(open(f"{work}/re-{kind}-{r}.json"))
    writes = sum(d[k][c] for k in ("hosts", "groups") for c in ("added", "updated", "removed"))
    writes += sum(d[k][c] for k in ("memberships", "children") for c in ("added", "removed"))
    writes += int(d["inventory_variables_updated"])
    print("    rows written: %d (unchanged hosts %d, groups %d); reading %.2fs, comparing %.2fs"
          % (writes, d["hosts"]["unchanged"], d["groups"]["unchanged"], d["load_elapsed"], d["write_elapsed"]))
    assert writes == 0, "the re-import wrote rows"

if "postgres" in kinds:
    def ratios(phase):
        s, p = runs("sqlite", phase), runs("postgres", phase)
        return sorted(b[1] / a[1] for a, b in zip(s, p))
    f, r = ratios("first"), ratios("re")
    print("  PostgreSQL / SQLite, round by round: first import median %.2fx (%.2f-%.2f; target <= 1.5x), re-import median %.2fx (%.2f-%.2f)"
          % (statistics.median(f), f[0], f[-1], statistics.median(r), r[0], r[-1]))
PY
done
