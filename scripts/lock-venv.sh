#!/usr/bin/env bash
# Regenerate the virtualenv lock files from their inputs, pinning every package (transitive ones
# included) to an exact version with hashes for every PyPI file of that version:
#   scripts/requirements.in      -> scripts/requirements.lock       (./.venv, runs playbooks)
#   scripts/requirements-test.in -> scripts/requirements-test.lock  (./.venv-test, test helpers)
# pip-tools runs from a throwaway virtualenv, never from the project's. Use the Python the venvs
# use (Debian 12's python3, 3.11), so environment markers resolve as they will at install time.
# `--upgrade` takes the newest versions the inputs allow; without it pins already in a lock stay.
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)
tools=$(mktemp -d /tmp/awxm-lock.XXXXXX)
trap 'rm -rf "$tools"' EXIT
"$py" -m venv "$tools"
"$tools/bin/pip" install --quiet --disable-pip-version-check 'pip-tools>=7.4,<8'
# Hashes come from the index only (PyPI unless pip is configured otherwise), not local wheel dirs.
unset PIP_FIND_LINKS
for name in requirements requirements-test; do
  CUSTOM_COMPILE_COMMAND=scripts/lock-venv.sh "$tools/bin/pip-compile" --quiet --generate-hashes \
    --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --resolver=backtracking \
    --output-file "scripts/$name.lock" "$@" "scripts/$name.in"
done
