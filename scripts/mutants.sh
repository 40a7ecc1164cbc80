#!/usr/bin/env bash
# Mutation testing of awxm's pure domain code with cargo-mutants (not part of CI: it rebuilds
# the crate once per mutant). Only the unit tests of the mutated file's module run
# (`cargo test --lib cluster::capacity::`), so each mutant takes seconds, not minutes.
#
#   scripts/mutants.sh                               every file below, one run per file
#   scripts/mutants.sh src/cluster/capacity.rs ...   only those files
#   scripts/mutants.sh --iterate FILE ...            retest only what the last run of FILE
#                                                    missed (after adding tests); the counts
#                                                    accumulate
#   scripts/mutants.sh --summary                     print the table of the last runs only
#
# Needs `cargo install cargo-mutants --locked`. Each file is one cargo-mutants run, so a
# finished file's results stay usable when a later one is interrupted: its outcome lists are in
# mutants.out/<file>/ (caught.txt, missed.txt, timeout.txt, unviable.txt, accumulated over
# --iterate runs; cargo-mutants' own output of the last run below it), and the table of every
# file run so far is printed at the end. Builds go to $MUTANTS_TARGET_DIR
# (default /tmp/awxm-mutants-target, kept between runs so only awxm itself is rebuilt); the
# mutated copy of the tree is a scratch directory under $TMPDIR; target/ is not copied. The run
# is niced (19): the machine is shared.
#
# A mutant that survives gets a unit test that kills it, or a line in scripts/mutants-allow.txt:
# its description as cargo-mutants prints it (`src/x.rs:LINE:COL: replace … in fn`), a tab, and
# the one-line reason it cannot be caught (an equivalent mutant, e.g. a clamp whose bound is
# never reached). Entries match exactly, line and column included (one function can hold the
# same operator twice); an entry that no longer matches any mutant (code moved) is reported
# as stale, to be updated from the new --list.
set -euo pipefail
cd "$(dirname "$0")/.."

out=mutants.out
allow=scripts/mutants-allow.txt
all_files=(
  src/cluster/capacity.rs
  src/runner/redact.rs
  src/inventory/pattern.rs
  src/yaml.rs
  src/inventory/import.rs
  src/cluster/placement.rs
)

# Which mutants of a file are "pure domain code" (a regex on the names `--list` prints; empty:
# the whole file).
select_re() {
  case "$1" in
    # The formulas; Tuning::load and setting_opt read settings through the database (covered
    # by the integration tests).
    src/cluster/capacity.rs)
      echo '(replace| in) (Tuning::default|cpu_capacity|mem_capacity|combined|compute|measure_local|job_impact|project_update_impact)( |$)' ;;
    # The YAML 1.1 scalar resolvers (what Ansible's PyYAML types a plain scalar as) and the
    # writer's "may this string be written plain" check built on them. The rest of yaml.rs
    # drives the parser and writes text.
    src/yaml.rs)
      echo '(replace| in) (is_null_scalar|is_bool_scalar|scalar_to_json|resolve_plain|days_in_month|resolve_timestamp|split_sign|radix_value|zero|resolve_int|sexagesimal_part|float_value|resolve_float|plain_ok|pyyaml_radix_without_digits)( |$)' ;;
    # The pure plan of inventory_import (State + Prepared -> Plan); load/write touch the db.
    src/inventory/import.rs)
      echo '(replace| in) (plan|match_hosts|removals|inventory_vars|plan_groups|plan_hosts|check_renames|plan_links|new_vars|Plan::outcome|Plan::work|Outcome::changed)( |$)' ;;
    *) echo '' ;;
  esac
}

# The table of every file that has results, from the outcome lists.
summary() {
  printf '\n%-28s %7s %7s %8s %9s %8s %8s\n' file caught missed timeout unviable allowed caught%
  for f in "$@"; do
    acc="$out/$(slug "$f")"
    [ -f "$acc/caught.txt" ] || continue
    c=$(count "$acc/caught.txt") m=$(count "$acc/missed.txt") t=$(count "$acc/timeout.txt") u=$(count "$acc/unviable.txt")
    a=$(grep -c "^$(q "$f"):" "$allow" 2>/dev/null || true)
    pct=-
    [ $((c + m + t)) -eq 0 ] || pct=$((100 * c / (c + m + t)))
    printf '%-28s %7s %7s %8s %9s %8s %8s\n' "$f" "$c" "$m" "$t" "$u" "${a:-0}" "$pct"
  done
  for f in "$@"; do
    acc="$out/$(slug "$f")"
    [ -s "$acc/missed.txt" ] || [ -s "$acc/timeout.txt" ] || continue
    echo
    echo "$f: missed / timeout (kill each with a unit test, or allow-list it with a reason):"
    cat "$acc/missed.txt" "$acc/timeout.txt" 2>/dev/null | sed 's/^/  /'
  done
}
q() { printf '%s' "$1" | sed 's/[][\.*^$()+?{}|]/\\&/g'; }
slug() { printf '%s' "${1#src/}" | tr '/' '_' | sed 's/\.rs$//'; }
count() { if [ -f "$1" ]; then grep -c . "$1" || true; else echo 0; fi; }

if [ "${1:-}" = "--summary" ]; then
  summary "${all_files[@]}"
  exit 0
fi
iterate=()
if [ "${1:-}" = "--iterate" ]; then
  iterate=(--iterate)
  shift
fi
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("${all_files[@]}")
if ! cargo mutants --version >/dev/null 2>&1; then
  echo "cargo-mutants is not installed: cargo install cargo-mutants --locked" >&2
  exit 1
fi

# The allow-list as --exclude-re options: each description, regex-quoted.
exclude=()
allowed=()
if [ -f "$allow" ]; then
  while IFS=$'\t' read -r desc reason; do
    [ -z "$desc" ] || [ "${desc:0:1}" = "#" ] && continue
    if [ -z "${reason:-}" ]; then
      echo "$allow: no reason (after a tab) for: $desc" >&2
      exit 1
    fi
    re="^$(q "$desc")\$"
    exclude+=(--exclude-re "$re")
    allowed+=("$re")
  done <"$allow"
fi

target_dir=${MUTANTS_TARGET_DIR:-${TMPDIR:-/tmp}/awxm-mutants-target}
# One run at a time per build directory: two trees building into it overwrite each other's
# test binary (the artifact name does not depend on the tree's path), and each would test the
# other's mutant.
mkdir -p "$target_dir"
exec 9>"$target_dir/mutants.lock"
if ! flock -n 9; then
  echo "another scripts/mutants.sh run is using $target_dir (set MUTANTS_TARGET_DIR for a second one)" >&2
  exit 1
fi
status=0
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "no such file: $f" >&2; exit 1; }
  re=$(select_re "$f")
  sel=(--file "$f")
  [ -z "$re" ] || sel+=(--re "$re")
  # Allow-list entries for this file that match nothing any more.
  listed=$(cargo mutants --list "${sel[@]}" 2>/dev/null)
  for r in "${allowed[@]}"; do
    case "$r" in "^$(q "$f")"*) ;; *) continue ;; esac
    grep -Eq "$r" <<<"$listed" || echo "stale allow-list entry (matches no mutant of $f): $r" >&2
  done
  acc="$out/$(slug "$f")"
  d="$acc/mutants.out"
  mkdir -p "$acc"
  # The outcome of every mutant of the file so far, kept in $acc/*.txt: cargo-mutants'
  # own lists only hold the last run (--iterate skips what an earlier run caught).
  if [ ${#iterate[@]} -gt 0 ] && [ ! -f "$acc/caught.txt" ] && [ -d "$d" ]; then
    for k in caught unviable; do { cat "$d/$k.txt" "$d/previously_$k.txt" 2>/dev/null || true; } | sort -u >"$acc/$k.txt"; done
  fi
  echo "== $f: $(grep -c . <<<"$listed") mutants before the allow-list"
  # Only the unit tests of the file's own module run: a mutant counts as caught when the tests
  # next to the code catch it (and each run takes a second instead of the whole --lib suite).
  module=$(printf '%s' "${f#src/}" | sed 's/\.rs$//; s/\/mod$//; s/\//::/g')
  env -u CARGO_TARGET_DIR nice -n 19 cargo mutants "${sel[@]}" "${exclude[@]}" \
    "${iterate[@]}" --output "$acc" --copy-target=false \
    --cargo-arg="--target-dir=$target_dir" --cargo-arg=--lib \
    --cargo-arg=--config=profile.test.package.awxm.debug=0 \
    --test-tool cargo --cargo-test-arg="$module::" --minimum-test-timeout 30 --timeout-multiplier 3 ||
    status=$?
  if [ ${#iterate[@]} -gt 0 ]; then
    for k in caught unviable; do { cat "$acc/$k.txt" "$d/$k.txt" 2>/dev/null || true; } | sort -u >"$acc/$k.tmp" && mv "$acc/$k.tmp" "$acc/$k.txt"; done
    for k in missed timeout; do cp "$d/$k.txt" "$acc/$k.txt" 2>/dev/null || : >"$acc/$k.txt"; done
  else
    for k in caught missed timeout unviable; do cp "$d/$k.txt" "$acc/$k.txt" 2>/dev/null || : >"$acc/$k.txt"; done
  fi
  # cargo-mutants 27 applies neither --re nor --exclude-re to "delete field" mutants: drop
  # allow-listed ones from the missed list here.
  if [ -f "$allow" ]; then
    { grep -v '^#' "$allow" | cut -f1 | grep -vxF -f - "$acc/missed.txt" || true; } >"$acc/missed.tmp"
    mv "$acc/missed.tmp" "$acc/missed.txt"
  fi
  summary "$f"
done

[ ${#files[@]} -le 1 ] || summary "${files[@]}"
# cargo-mutants exits 2 when mutants were missed, 3 on timeouts: pass that on.
exit "$status"
