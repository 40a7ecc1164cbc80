#!/usr/bin/env bash
# Run the whole test suite: formatting, lints, unit tests and the integration tests (which run
# the real binary against SQLite and a throwaway PostgreSQL, real sshd, ansible-playbook, SMTP
# and HTTP servers on loopback). Extra arguments go to `cargo test` (e.g. a test name filter).
set -euo pipefail
cd "$(dirname "$0")"

./scripts/venv.sh --test
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings

pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then ./scripts/pg-test.sh stop "$pgdir" || true; fi
}
trap cleanup EXIT
if [ -z "${AWXM_TEST_POSTGRES_URL:-}" ]; then
  pgdir=$(mktemp -d /tmp/awxm-pg.XXXXXX)
  eval "$(./scripts/pg-test.sh start "$pgdir")"
  export AWXM_TEST_POSTGRES_URL="$DATABASE_URL"
fi
export AWXM_TEST_VENV="${AWXM_TEST_VENV:-$PWD/.venv}"
export AWXM_TEST_PYTHON="${AWXM_TEST_PYTHON:-$PWD/.venv-test/bin/python}"

cargo test --locked --all-targets "$@"
