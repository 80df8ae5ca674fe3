#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find. Installs what is missing
# first. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (host) -D warnings"
cargo clippy --all-targets --locked -- -D warnings

step "cargo clippy (wasm32) -D warnings"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "cargo test (native: checklist core, golden blocks, proptest)"
cargo test --locked

step "markdownlint: the golden blocks in GitHub's format (tests/golden/*.md)"
# Which files and rules: .markdownlint-cli2.jsonc. --no: the locked devDependency, never a download.
npx --no markdownlint-cli2

step "wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --locked --target wasm32-unknown-unknown --test web

step "trunk build --release"
trunk build --release

step "Playwright end-to-end on the release build"
npx playwright test

step "bundle size"
node scripts/size-report.mjs dist --check

step "keystroke timing"
node scripts/keystroke-report.mjs dist

step "long tasks while mounting, CPU slowed 4× (a report)"
node scripts/long-task-report.mjs dist

step "native benchmark (escaping 1 MB, the block in each format)"
cargo run --locked --profile bench --example bench

step "all checks passed"
