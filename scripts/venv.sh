#!/usr/bin/env bash
# Create (or refresh) ./.venv, the virtualenv that runs users' playbooks, with exactly the
# packages pinned (with hashes) in scripts/requirements.lock. `--test` also makes ./.venv-test
# with the test-only helpers of scripts/requirements-test.lock (aiosmtpd for the SMTP sink).
# A venv is rebuilt from scratch when its lock changes. Uses Debian's python3 (pyenv shims
# confuse Ansible's interpreter discovery). Refresh the locks with scripts/lock-venv.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)

# make_venv DIR LOCK CHECK: (re)install DIR from LOCK unless its stamp matches; CHECK is a file
# under DIR that must exist.
make_venv() {
  local dir=$1 lock=$2 check=$3 want
  local stamp=$dir/.requirements.sha256
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ -e "$dir/$check" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "setting up $dir from $lock (PyPI)..." >&2
  rm -rf "$dir"
  "$py" -m venv "$dir"
  "$dir/bin/pip" install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$lock"
  echo "$want" >"$stamp"
  "$dir/bin/pip" --disable-pip-version-check freeze | tr '\n' ' ' >&2
  echo >&2
}

make_venv .venv scripts/requirements.lock bin/ansible-playbook
if [ "${1:-}" = "--test" ]; then
  make_venv .venv-test scripts/requirements-test.lock bin/python
fi
