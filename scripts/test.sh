#!/usr/bin/env bash
# Runs every check the project has, in the order a failure is cheapest to find.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh

step() {
  local name="$1"; shift
  printf '\n== %s\n' "$name"
  local start=$SECONDS
  "$@"
  printf '== %s: ok (%ss)\n' "$name" "$((SECONDS - start))"
}

step "format" cargo fmt --all -- --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --locked -- -D warnings
no_web_deps_natively() {
  # The engine and the native scorer must build without any web crate.
  local found
  found=$(cargo tree --locked -e normal,build,dev --prefix none | grep -Ei '^(yew|web-sys|gloo)' || true)
  if [ -n "$found" ]; then echo "web crates in the native build: $found"; return 1; fi
  echo "native dependency tree has no yew, web-sys or gloo"
}
step "native build has no web dependencies" no_web_deps_natively
no_unstable_features() {
  # .cargo/config.toml sets RUSTC_BOOTSTRAP for one size flag; our code stays stable Rust.
  if grep -rn '#!\[feature' src tests benches build.rs; then return 1; fi
  echo "no #![feature] in the sources"
}
step "sources use no unstable features" no_unstable_features
step "native tests" cargo test --locked
step "browser tests (headless Chromium)" cargo test --target wasm32-unknown-unknown --test web --locked
step "release build" trunk build --release --offline --locked
step "size budget" node tests/e2e/size-budget.mjs dist --max 155
step "end-to-end (headless Chromium)" node --test --test-concurrency=1 tests/e2e/
printf '\nall checks passed\n'
