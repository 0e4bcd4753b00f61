#!/usr/bin/env bash
# The benchmark (not part of the test command): builds the release bundle and measures
# every performance figure for this project and for an equivalent SurveyJS
# page in one run, then writes the table to docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

echo "bench: release build"
trunk build --release --offline >/dev/null

echo "bench: native scoring (divan)"
cargo bench -p aims-engine --bench scoring 2>/dev/null | tee "$OUT/native.txt"

echo "bench: browser figures (wasm-bindgen-test, release profile)"
cargo test -p aims-readiness --release --target wasm32-unknown-unknown --test browser_bench -- --nocapture 2>&1 | tee "$OUT/browser.txt" | grep BENCH || true

echo "bench: SurveyJS peer (npm packages into a temporary folder, nothing committed)"
PEER="$OUT/surveyjs"
mkdir -p "$PEER"
if [ ! -f "$PEER/node_modules/survey-js-ui/package.json" ]; then
  (cd "$PEER" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error survey-core@2.5.38 survey-js-ui@2.5.38)
fi

echo "bench: load times, sizes, table"
node tests/e2e/bench/bench.mjs "$OUT" "$PEER"
