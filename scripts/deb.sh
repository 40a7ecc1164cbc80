#!/usr/bin/env bash
# Build the Debian package (target/debian/awxm_<version>-1_<arch>.deb) with cargo-deb, then
# check its file list and control files (tests/it/packaging.rs, built_deb_holds_the_shipped_files)
# and print the sizes of the binary and the package.
# cargo-deb comes from crates.io: `cargo install cargo-deb --locked` (pin with --version).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null || { echo "cargo-deb is not installed: cargo install cargo-deb --locked" >&2; exit 69; }
target=${CARGO_TARGET_DIR:-target}
cargo deb --locked "$@" >&2
deb=$(ls -t "$target"/debian/awxm_*.deb | head -1)
case $deb in /*) ;; *) deb=$PWD/$deb ;; esac
AWXM_TEST_DEB=$deb cargo test --test it packaging:: -- --nocapture >&2
ls -l "$target/release/awxm" "$deb" | awk '{print $5, $9}'
