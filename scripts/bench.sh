#!/usr/bin/env bash
# The benchmark: builds the release, then prints one table (first-load bytes per asset;
# navigation to a usable widget, keystroke -> preview beside SurveyJS's and a 10k-row
# paste in headless Chromium; the native core: golden blocks, findings, the paste parser,
# escaping) and Lighthouse on the demo page alone, with the widget and with SurveyJS in
# its place (median of 3 runs each; LIGHTHOUSE_RUNS=n to change), and writes every
# number to target/bench.json. Installs what is missing first, and SurveyJS 2.5.38 from
# npm into target/peer-surveyjs. A report, not a gate: the build logs go to stderr, the
# tables to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser >&2
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
mkdir -p target

printf '\n== trunk build --release\n' >&2
trunk build --release >&2

printf '\n== native benchmark\n' >&2
cargo run --locked --profile bench --example bench -- --json target/bench-native.json >&2

printf '\n== the SurveyJS peer page (npm, into target/)\n' >&2
bash scripts/peer-surveyjs/setup.sh target/peer-surveyjs >&2

printf '\n== browser benchmark (headless Chromium) and Lighthouse\n' >&2
node scripts/bench.mjs dist --native target/bench-native.json --peer target/peer-surveyjs \
  --lighthouse-runs "${LIGHTHOUSE_RUNS:-3}" --out target/bench.json
