#!/usr/bin/env bash
# Serves the demo (the handbook page with the widget) at http://127.0.0.1:8080,
# rebuilding on change. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
