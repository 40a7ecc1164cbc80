#!/usr/bin/env bash
# Mutation testing of awxm's pure domain code with cargo-mutants (not part of CI: it rebuilds
# the crate once per mutant). Only the unit tests run (`cargo test --lib`), so each mutant
# takes seconds, not minutes.
#
#   scripts/mutants.sh                 every file below
#   scripts/mutants.sh src/cluster/capacity.rs ...   only those files
#
# Needs `cargo install cargo-mutants --locked`. Results go to mutants.out/ (caught, missed,
# timeout, unviable); the summary per file is printed at the end. A mutant that survives gets a
# unit test that kills it, or a line in scripts/mutants-allow.txt: its description as
# cargo-mutants prints it, a tab, and the one-line reason it cannot be caught (an equivalent
# mutant, e.g. a capacity clamp whose bound is never reached).
set -euo pipefail
cd "$(dirname "$0")/.."

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(
    src/cluster/capacity.rs
    src/cluster/placement.rs
    src/runner/redact.rs
    src/inventory/pattern.rs
    src/yaml.rs
    src/inventory/import.rs
  )
fi
if ! cargo mutants --version >/dev/null 2>&1; then
  echo "cargo-mutants is not installed: cargo install cargo-mutants --locked" >&2
  exit 1
fi

args=()
for f in "${files[@]}"; do args+=(--file "$f"); done
# yaml.rs: the YAML 1.1 scalar resolvers (what Ansible's PyYAML would type a plain scalar as);
# import.rs: the pure plan of inventory_import. The rest of those files reads and writes.
args+=(--re 'yaml\.rs.*(resolve|scalar|is_|parse_int|parse_float|sexagesimal|plain_ok)|import\.rs.*(plan|match_hosts|removals|inventory_vars|check_renames|Plan::)|capacity\.rs|placement\.rs|redact\.rs|pattern\.rs')

allow=scripts/mutants-allow.txt
exclude=()
if [ -f "$allow" ]; then
  while IFS=$'\t' read -r desc _reason; do
    [ -z "$desc" ] || [ "${desc:0:1}" = "#" ] && continue
    exclude+=(--exclude-re "$(printf '%s' "$desc" | sed 's/[][\.*^$()+?{}|]/\\&/g')")
  done <"$allow"
fi

status=0
cargo mutants "${args[@]}" "${exclude[@]}" --test-tool cargo --cargo-test-arg=--lib --timeout-multiplier 3 || status=$?

# Per file: caught / missed (from the outcome lists cargo-mutants writes).
echo
echo "file                                caught  missed  timeout  unviable"
for f in "${files[@]}"; do
  c=$(grep -c "^$f:" mutants.out/caught.txt 2>/dev/null || true)
  m=$(grep -c "^$f:" mutants.out/missed.txt 2>/dev/null || true)
  t=$(grep -c "^$f:" mutants.out/timeout.txt 2>/dev/null || true)
  u=$(grep -c "^$f:" mutants.out/unviable.txt 2>/dev/null || true)
  printf '%-35s %6s %7s %8s %9s\n' "$f" "${c:-0}" "${m:-0}" "${t:-0}" "${u:-0}"
done
exit "$status"
