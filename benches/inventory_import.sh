#!/usr/bin/env bash
# Benchmark: awxm inventory_import vs ansible-inventory --list, on generated inventories.
#
#   benches/inventory_import.sh [SIZES...]        default: 10000 100000
#
# For each size N it writes an INI inventory of N hosts (one group per 100 hosts, groups nested
# under parents of 10, parents under one top group, 3 variables per host, group variables) and
# times, with peak memory (/usr/bin/time -v):
#   1. ansible-inventory -i FILE --list --export   (AWX's environment; the venv's ansible-core)
#   2. awxm inventory_import into SQLite: first import, then a re-import with no change
#   3. the same into PostgreSQL (a throwaway server from scripts/pg-test.sh, or the one named by
#      AWXM_BENCH_POSTGRES_URL — its public schema is dropped!)
# and checks that the re-import wrote no rows. Each awxm measurement is repeated
# AWXM_BENCH_REPEAT times (default 3) on a fresh database whose schema already exists, and the
# fastest run is reported (the machine may be shared); ansible-inventory runs once.
# AWXM_BENCH_SKIP_ANSIBLE=1 skips step 1 (slow at 100k), AWXM_BENCH_SKIP_PG=1 step 3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
repeat=${AWXM_BENCH_REPEAT:-3}

cargo build --release --quiet
awxm=$root/target/release/awxm
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

# run CMD... : runs it under /usr/bin/time; leaves "seconds peak_kb" in $work/run.txt and the
# command's stdout in $work/out.json
run() {
  local log=$work/time.log
  /usr/bin/time -v -o "$log" "$@" >"$work/out.json" 2>"$work/err.log" || { cat "$work/err.log" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))), $rss)" >"$work/run.txt"
}

# report LABEL SECONDS KB
report() {
  printf '%-46s %9.2f s %8.1f MB\n' "$1" "$2" "$(python3 -c "print($3/1024)")"
}

# less A B: A < B
less() { python3 -c "import sys; sys.exit(0 if $1 < $2 else 1)"; }

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
  for kind in "${backends[@]}"; do
    first_s=""; first_kb=0; re_s=""; re_kb=0
    for _ in $(seq "$repeat"); do
      if [ "$kind" = postgres ]; then
        url=$pg_url
        psql "$url" -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1
      else
        rm -rf "$work"/bench.db*
        url="sqlite:///$work/bench.db"
      fi
      env AWXM_DATABASE_URL="$url" AWXM_SECRET_KEY_FILE="$work/secret.key" "$awxm" list inventories >/dev/null
      cmd=(env AWXM_DATABASE_URL="$url" AWXM_SECRET_KEY_FILE="$work/secret.key" "$awxm" --format json --no-progress
        inventory_import --inventory-name "bench$n" --create --overwrite --source "$inv")
      run "${cmd[@]}"
      read -r secs kb <"$work/run.txt"
      if [ -z "$first_s" ] || less "$secs" "$first_s"; then first_s=$secs; first_kb=$kb; cp "$work/out.json" "$work/first.json"; fi
      run "${cmd[@]}"
      read -r secs kb <"$work/run.txt"
      if [ -z "$re_s" ] || less "$secs" "$re_s"; then re_s=$secs; re_kb=$kb; cp "$work/out.json" "$work/re.json"; fi
    done
    report "awxm import into $kind (first)" "$first_s" "$first_kb"
    python3 - "$work/first.json" "$ansible_secs" "$first_s" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("    hosts added %d, groups added %d; reading %.2fs, writing %.2fs"
      % (r["hosts"]["added"], r["groups"]["added"], r["load_seconds"], r["write_seconds"]))
ansible, ours = float(sys.argv[2]), float(sys.argv[3])
if ansible:
    print("    %.1fx faster than ansible-inventory --list alone" % (ansible / ours))
PY
    report "awxm import into $kind (re-import, no change)" "$re_s" "$re_kb"
    python3 - "$work/re.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
writes = sum(r[k][c] for k in ("hosts", "groups") for c in ("added", "updated", "removed"))
writes += sum(r[k][c] for k in ("memberships", "children") for c in ("added", "removed"))
writes += int(r["inventory_variables_updated"])
print("    rows written: %d (unchanged hosts %d, groups %d); reading %.2fs, comparing %.2fs"
      % (writes, r["hosts"]["unchanged"], r["groups"]["unchanged"], r["load_seconds"], r["write_seconds"]))
PY
  done
done
