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
#      AWXM_BENCH_POSTGRES_URL)
# and checks that the re-import wrote no rows. Set AWXM_BENCH_SKIP_ANSIBLE=1 to skip step 1
# (slow at 100k) or AWXM_BENCH_SKIP_PG=1 to skip step 3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)

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
  python3 - "$1" "$2" <<'EOF'
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
EOF
}

# measure LABEL CMD... -> prints "LABEL  seconds  peakMB", returns the command's status
measure() {
  local label=$1; shift
  local log=$work/time.log
  /usr/bin/time -v -o "$log" "$@" >"$work/out.json" 2>"$work/err.log" || { cat "$work/err.log" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  # m:ss.cc or h:mm:ss -> seconds
  local secs
  secs=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
  printf '%-46s %9.2f s %8.1f MB\n' "$label" "$secs" "$(python3 -c "print($rss/1024)")"
  echo "$secs" >"$work/last.secs"
}

awx_env=(env ANSIBLE_INVENTORY_UNPARSED_FAILED=True ANSIBLE_INVENTORY_EXPORT=True ANSIBLE_VERBOSE_TO_STDERR=True
  ANSIBLE_HOST_PATTERN_MISMATCH=error ANSIBLE_LOCAL_TEMP=$work ANSIBLE_HOME=$work)

if [ "${AWXM_BENCH_SKIP_PG:-}" != 1 ]; then
  if [ -n "${AWXM_BENCH_POSTGRES_URL:-}" ]; then
    pg_url=$AWXM_BENCH_POSTGRES_URL
  else
    pgdir=$(mktemp -d /tmp/awxm-bench-pg.XXXXXX)
    eval "$("$root/scripts/pg-test.sh" start "$pgdir")"
    pg_url=$DATABASE_URL
  fi
fi

echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); $("$venv/bin/ansible-inventory" --version | head -1)"
for n in "${sizes[@]}"; do
  inv=$work/hosts-$n.ini
  gen "$n" "$inv"
  echo
  echo "== $n hosts ($(( (n + 99) / 100 )) groups, $(du -h "$inv" | cut -f1) INI) =="
  ansible_secs=""
  if [ "${AWXM_BENCH_SKIP_ANSIBLE:-}" != 1 ]; then
    measure "ansible-inventory --list --export" "${awx_env[@]}" "$venv/bin/ansible-inventory" -i "$inv" --list --export
    ansible_secs=$(cat "$work/last.secs")
  fi
  backends=("sqlite:///$work/bench-$n.db")
  [ -n "${pg_url:-}" ] && backends+=("$pg_url")
  for url in "${backends[@]}"; do
    kind=${url%%:*}
    if [ "$kind" = postgres ]; then
      psql "$url" -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1 || true
    fi
    # The database exists (schema created) before the timed runs: "first" is the inventory's
    # first import, not the database's first use.
    env AWXM_DATABASE_URL="$url" AWXM_SECRET_KEY_FILE="$work/secret.key" "$awxm" list inventories >/dev/null
    common=(env AWXM_DATABASE_URL="$url" AWXM_SECRET_KEY_FILE="$work/secret.key" "$awxm" --format json --no-progress
      inventory_import --inventory-name "bench$n" --create --overwrite --source "$inv")
    measure "awxm import into $kind (first)" "${common[@]}"
    first=$(cat "$work/last.secs")
    python3 -c "import json,sys; r=json.load(open('$work/out.json')); print('    hosts added %d, groups added %d, load %.2fs, write %.2fs' % (r['hosts']['added'], r['groups']['added'], r['load_seconds'], r['write_seconds']))"
    if [ -n "$ansible_secs" ]; then
      python3 -c "print('    %.1fx faster than ansible-inventory --list alone' % ($ansible_secs / $first))"
    fi
    measure "awxm import into $kind (re-import, no change)" "${common[@]}"
    python3 - "$work/out.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
writes = sum(r[k][c] for k in ("hosts", "groups") for c in ("added", "updated", "removed")) \
    + sum(r[k][c] for k in ("memberships", "children") for c in ("added", "removed")) + int(r["inventory_variables_updated"])
print("    rows written: %d (unchanged hosts %d, groups %d), load %.2fs, write %.2fs"
      % (writes, r["hosts"]["unchanged"], r["groups"]["unchanged"], r["load_seconds"], r["write_seconds"]))
EOF
  done
done
