#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
# Usage: scripts/setup.sh [--browser]   (--browser: also Chromium, chromedriver, Playwright)
# Sources: crates.io (cargo install), npm (package-lock.json) and Debian apt only.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

step() { printf '\n== %s\n' "$*"; }
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Tools we install are built without LTO: it halves their cold install time on 2 cores.
export CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "rustup component add $component"
    rustup component add "$component"
  fi
done

if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (~4-9 min cold)"
  # --locked fails here: a locked transitive version is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! has_version trunk "trunk $TRUNK_VERSION"; then
  step "cargo install trunk $TRUNK_VERSION (~15-25 min cold)"
  # trunk 0.22.1 declares a newer rust-version than this toolchain; it builds and works.
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version --force
fi

# npm: binaryen's wasm-opt for Trunk, Playwright (no browser download: Debian's Chromium).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "apt-get install chromium chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

# Trunk runs cargo offline: fetch the locked dependencies first (instant when present).
cargo fetch --locked --quiet
