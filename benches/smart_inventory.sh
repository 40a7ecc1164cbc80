#!/usr/bin/env bash
# Benchmark: rebuilding a smart inventory's membership over N hosts with stored facts (issue 19:
# 100,000 hosts, a filter on facts, under 2 s on SQLite).
#
#   benches/smart_inventory.sh [N]          default 100000
#   AWXM_BENCH_BIN=PATH benches/smart_inventory.sh   # measure that binary, do not build
#
# Builds --release, creates a throwaway SQLite database with an organization, two inventories
# and N hosts (inserted with SQL: nothing but a job stores facts) whose ansible_facts are a
# realistic ~0.9 KB document (distribution, processors, mounts, interfaces, a local fact), then
# times, each the fastest of AWXM_BENCH_REPEAT (default 3) runs:
#   1. apply of a smart inventory whose filter is on facts: the rebuild selects about a third
#      of the hosts from an empty membership (inserts);
#   2. apply of a changed filter (deletes and inserts);
#   3. apply of the same filter again: nothing changes, no rebuild;
#   4. a host_filter preview: `awxm inventory hosts NAME --filter …` (computed, not stored).
# "rebuild" is awxm's own figure for the rebuild inside the transaction (logged with -v);
# "command" the whole command's wall time (start, migrations check, parse, commit).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
repeat=${AWXM_BENCH_REPEAT:-3}
if [ -n "${AWXM_BENCH_BIN:-}" ]; then
  BIN=$AWXM_BENCH_BIN
else
  cargo build --release --locked --quiet
  BIN=$PWD/target/release/awxm
fi
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 command" >&2; exit 1; }
WORK=$(mktemp -d /tmp/awxm-bench-smart.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data AWXM_SECRET_KEY_FILE=$WORK/secret.key
export AWXM_DATABASE_URL=sqlite://$WORK/awxm.db
unset AWXM_CONFIG AWXM_FORMAT AWXM_LOG

cat > "$WORK/base.yaml" <<'EOF'
organizations:
  - name: Eng
inventories:
  - name: fleet
    organization: Eng
  - name: lab
    organization: Eng
EOF
"$BIN" apply -f "$WORK/base.yaml" >/dev/null

# N hosts in two inventories; facts vary with the host number.
sqlite3 "$WORK/awxm.db" >/dev/null <<EOF
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO host (inventory_id, name, description, variables, ansible_facts, ansible_facts_modified, created, modified)
SELECT (SELECT id FROM inventory WHERE name = CASE WHEN i % 10 = 0 THEN 'lab' ELSE 'fleet' END),
       printf('host%06d.example.com', i), '', '{"ansible_host": "10.0.0.1"}',
       json_object(
         'ansible_distribution', CASE i % 3 WHEN 0 THEN 'Ubuntu' WHEN 1 THEN 'RedHat' ELSE 'Debian' END,
         'ansible_distribution_version', CASE i % 3 WHEN 0 THEN '22.04' WHEN 1 THEN '9.3' ELSE '12' END,
         'ansible_os_family', CASE i % 3 WHEN 0 THEN 'Debian' WHEN 1 THEN 'RedHat' ELSE 'Debian' END,
         'ansible_processor_vcpus', 1 << (i % 4),
         'ansible_memtotal_mb', 2048 * (1 + i % 8),
         'ansible_processor', json_array('0', 'GenuineIntel', 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz', '1', 'GenuineIntel', 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz'),
         'ansible_hostname', printf('host%06d', i),
         'ansible_fqdn', printf('host%06d.example.com', i),
         'ansible_default_ipv4', json_object('address', printf('10.%d.%d.%d', i / 65536 % 256, i / 256 % 256, i % 256), 'interface', 'eth0', 'gateway', '10.0.0.1', 'netmask', '255.0.0.0'),
         'ansible_mounts', json_array(
             json_object('mount', '/', 'device', '/dev/sda1', 'fstype', 'ext4', 'size_total', 107374182400, 'size_available', 53687091200),
             json_object('mount', '/boot', 'device', '/dev/sda2', 'fstype', 'ext4', 'size_total', 1073741824, 'size_available', 536870912)),
         'ansible_interfaces', json_array('lo', 'eth0', 'eth1'),
         'ansible_kernel', '5.15.0-91-generic',
         'ansible_python_version', '3.10.12',
         'ansible_local', json_object('app', json_object('tier', CASE i % 5 WHEN 0 THEN 'db' ELSE 'web' END, 'port', 8080))),
       '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'
FROM n;
EOF
bytes=$(sqlite3 "$WORK/awxm.db" "SELECT avg(length(ansible_facts)) FROM host")
echo "hosts: $N, average facts document: ${bytes%.*} bytes"

smart() {
  printf 'inventories:\n  - name: ubuntu\n    organization: Eng\n    kind: smart\n    host_filter: %s\n' "$1" > "$WORK/smart.yaml"
}
# Runs "$@" AWXM_BENCH_REPEAT times; prints the fastest command time and its rebuild figure.
# RESET (a shell snippet) runs before each repetition.
measure() {
  local label=$1 reset=$2; shift 2
  local best="" best_rebuild=""
  for _ in $(seq "$repeat"); do
    eval "$reset"
    local t0 t1 log
    t0=$(date +%s.%N)
    log=$("$@" 2>&1 >/dev/null)
    t1=$(date +%s.%N)
    local t; t=$(echo "$t1 - $t0" | bc)
    local r; r=$(sed -n 's/.*smart inventories rebuilt: .* in \([0-9.]*\) s .*/\1/p' <<<"$log" | tail -1)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; best_rebuild=${r:-none}; fi
  done
  if [ "$best_rebuild" = none ]; then best_rebuild="(none)"; else best_rebuild="$best_rebuild s"; fi
  printf '%-58s command %6.3f s   rebuild %s\n' "$label" "$best" "$best_rebuild"
}
F1='ansible_facts__ansible_distribution=Ubuntu and ansible_facts__ansible_processor_vcpus=4'
F2='(ansible_facts__ansible_local__app__tier=db or ansible_facts__ansible_processor[]=1) and name__icontains=example'
clear_members="sqlite3 '$WORK/awxm.db' 'DELETE FROM smart_inventory_membership; DELETE FROM inventory WHERE kind = \"smart\"'"

smart "$F1"
measure "1. new smart inventory, filter on facts (from empty)" "$clear_members" "$BIN" -v apply -f "$WORK/smart.yaml"
echo "   members: $(sqlite3 "$WORK/awxm.db" "SELECT count(*) FROM smart_inventory_membership")"
smart "$F2"
measure "2. changed filter (deletes + inserts)" "smart '$F1'; $BIN apply -f $WORK/smart.yaml >/dev/null; smart '$F2'" "$BIN" -v apply -f "$WORK/smart.yaml"
echo "   members: $(sqlite3 "$WORK/awxm.db" "SELECT count(*) FROM smart_inventory_membership")"
measure "3. same filter again (nothing to change)" ":" "$BIN" -v apply -f "$WORK/smart.yaml"
measure "4. preview: inventory hosts --filter (computed only)" ":" "$BIN" --format json inventory hosts ubuntu --filter "$F1"
