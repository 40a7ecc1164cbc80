#!/usr/bin/env bash
# Install the Debian packages awxm needs (as root; a no-op for packages already present) and the
# Python virtualenv with ansible-core. `--test` adds what the test suite needs (sshd, PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(ca-certificates git pkg-config libssl-dev python3-venv openssh-client)
if [ "${1:-}" = "--test" ]; then
  pkgs+=(openssh-server postgresql time util-linux)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is not installed: install the Rust toolchain (https://rustup.rs) first" >&2
  exit 1
fi
./scripts/venv.sh "$@"
