#!/usr/bin/env bash
# Set up awxm on a fresh Debian machine and run its demo: install the Debian packages and the
# ansible-core virtualenv, build and install the binary, then load the demo resources (a
# superuser alice, a credential whose password is "secret") into a demo database of their own,
# put the demo project where it belongs, run the demo job and show it. The machine's default
# database is left untouched (nothing is created there): a real install starts clean.
set -euo pipefail
cd "$(dirname "$0")"
repo=$PWD

./scripts/install-deps.sh
cargo build --release --locked
if [ "$(id -u)" = 0 ]; then
  bindir=/usr/local/bin; confdir=/etc/awxm; demo_root=/var/lib/awxm-demo
else
  bindir="$HOME/.local/bin"; confdir="${XDG_CONFIG_HOME:-$HOME/.config}/awxm"
  demo_root="${XDG_DATA_HOME:-$HOME/.local/share}/awxm-demo"
fi
demo_dir="$demo_root/playbooks/demo"
mkdir -p "$bindir"
install -m 0755 target/release/awxm "$bindir/awxm"
echo "installed $bindir/awxm" >&2
awxm() { "$bindir/awxm" "$@"; }

# awxm runs ansible-playbook from the virtualenv made by install-deps.sh.
if [ ! -e "$confdir/awxm.yaml" ]; then
  mkdir -p "$confdir"
  printf 'ansible_bin_dir: %s\n' "$repo/.venv/bin" >"$confdir/awxm.yaml"
  echo "wrote $confdir/awxm.yaml (ansible_bin_dir: $repo/.venv/bin)" >&2
elif ! grep -q '^ansible_bin_dir:' "$confdir/awxm.yaml"; then
  export AWXM_ANSIBLE_BIN_DIR="$repo/.venv/bin"
  echo "note: add 'ansible_bin_dir: $repo/.venv/bin' to $confdir/awxm.yaml (or put ansible-playbook on PATH)" >&2
fi

# The demo's own database and key file: every awxm command below uses them, through the
# environment, instead of the defaults.
mkdir -p "$demo_root"
chmod 700 "$demo_root"
export AWXM_DATABASE_URL="sqlite://$demo_root/awxm.db" AWXM_SECRET_KEY_FILE="$demo_root/secret.key"
echo "demo database: $AWXM_DATABASE_URL (key $AWXM_SECRET_KEY_FILE); the default database is untouched" >&2

# The demo resources as DESIGN.md writes them ...
awxm apply -f fixtures/demo.yaml
# ... the demo project's playbooks where the project points (as non-root: in the data dir) ...
mkdir -p "$demo_dir"
cp -R fixtures/demo-project/. "$demo_dir/"
# ... the local demo host runs modules with ansible's own Python (no interpreter discovery) ...
# ... and a real SSH key for the demo credential instead of the "..." placeholder, which
# ssh-add would refuse (awxm loads it into the job's own ssh-agent).
keydir=$(mktemp -d)
trap 'rm -rf "$keydir"' EXIT
ssh-keygen -q -t ed25519 -N '' -C awxm-demo -f "$keydir/key"
{
  echo "projects:"
  echo "  - name: demo"
  echo "    local_path: $demo_dir"
  echo "inventories:"
  echo "  - name: web"
  echo "    hosts:"
  echo "      - name: web1.example.test"
  echo "        variables: {ansible_connection: local, ansible_python_interpreter: '{{ ansible_playbook_python }}'}"
  echo "credentials:"
  echo "  - name: deploy-key"
  echo "    kind: machine"
  echo "    inputs:"
  echo "      username: deploy"
  echo "      password: secret"
  echo "      become_password: \"...\""
  echo "      ssh_key_data: |"
  sed 's/^/        /' "$keydir/key"
} >"$keydir/override.yaml"
awxm apply -f "$keydir/override.yaml"
# An inventory directory (INI + YAML + group_vars/host_vars) read natively, as Ansible would.
awxm inventory_import --inventory-name demo-imported --create --source fixtures/inventories/dir/multi
awxm list inventories
awxm show job_template deploy

# The main job, end to end: live output, then the job as stored.
awxm run_job deploy
awxm job show "$(awxm --format json job list --limit 1 | "$repo/.venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["jobs"][0]["id"])')"

echo >&2
echo "The demo lives in $demo_root. To look around in it:" >&2
echo "  export AWXM_DATABASE_URL=$AWXM_DATABASE_URL AWXM_SECRET_KEY_FILE=$AWXM_SECRET_KEY_FILE" >&2
echo "Remove it with: rm -rf $demo_root" >&2
