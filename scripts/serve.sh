#!/usr/bin/env bash
# Serves the release build on http://127.0.0.1:8080 (set PORT to change it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
# Only what the build needs (the wasm32 target, Trunk, wasm-bindgen, wasm-opt, terser):
# the first run on a fresh clone takes about 12 minutes on 2 cores (README), later ones
# seconds before the build.
bash scripts/setup.sh --build-only
PORT="${PORT:-8080}"
echo "serve: building the release bundle; open http://127.0.0.1:$PORT/ when Trunk says it is serving"
exec trunk serve --release --offline --address 127.0.0.1 --port "$PORT"
