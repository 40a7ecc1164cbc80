#!/usr/bin/env bash
# Create (or refresh) ./.venv with ansible-core and the test helpers from PyPI.
# Uses Debian's python3 (pyenv shims confuse Ansible's interpreter discovery).
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)
stamp=.venv/.requirements.sha256
want=$(sha256sum scripts/requirements.txt | cut -d' ' -f1)
if [ -x .venv/bin/ansible-playbook ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "setting up .venv (ansible-core and test helpers from PyPI)..." >&2
"$py" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements.txt
echo "$want" >"$stamp"
.venv/bin/ansible-playbook --version | head -1 >&2
