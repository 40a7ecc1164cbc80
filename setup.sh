#!/usr/bin/env bash
# Set up awxm on a fresh Debian machine and run its main job on the embedded SQLite default:
# install the Debian packages and the ansible-core virtualenv, build and install the binary,
# load the demo resources and show the result.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-deps.sh
cargo build --release --locked
if [ "$(id -u)" = 0 ]; then bindir=/usr/local/bin; else bindir="$HOME/.local/bin"; fi
mkdir -p "$bindir"
install -m 0755 target/release/awxm "$bindir/awxm"
echo "installed $bindir/awxm" >&2
awxm() { "$bindir/awxm" "$@"; }

awxm apply -f fixtures/demo.yaml
awxm list inventories
awxm show job_template deploy
