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
step "clippy (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
# The builds for wasm32 (the full app's library and browser tests, the quick
# entry, the on-demand modules); clippy lints the engine they depend on too.
step "clippy (wasm32)" cargo clippy -p aims-readiness -p aims-quick -p aims-web -p aims-seal -p aims-reports --target wasm32-unknown-unknown --lib --tests --locked -- -D warnings
no_web_deps() {
  # The engine and the native scorer have no web crate for any target, and the app's
  # native build has none either.
  local found
  found=$( (cargo tree --locked -p aims-engine -p aims-score -p aims-options --target all -e normal,build,dev --prefix none;
            cargo tree --locked -e normal,build,dev --prefix none) | grep -Ei '^(yew|web-sys|gloo|wasm-bindgen|js-sys)' || true)
  if [ -n "$found" ]; then echo "web crates in the engine or a native build: $found"; return 1; fi
  echo "the engine's, the options' and the scorer's dependency trees (every target) and the native build have no web crate"
}
step "engine has no web dependencies" no_web_deps
stable_rust_only() {
  # The pinned stable toolchain builds everything with no unstable switch: no
  # #![feature] in the sources, no RUSTC_BOOTSTRAP and no -Z flag in any build
  # configuration (cargo, Trunk, the page, the scripts) or in the environment.
  local found=0
  if grep -rn '#!\[feature' src crates tests build.rs; then found=1; fi
  if grep -rnE 'RUSTC_BOOTSTRAP|(^|[^A-Za-z0-9_])-Z[a-z]' Cargo.toml crates/*/Cargo.toml Trunk.toml index.html .cargo scripts .ci \
      --exclude=test.sh; then found=1; fi
  if [ -n "${RUSTC_BOOTSTRAP:-}" ] || [[ "${RUSTFLAGS:-} ${CARGO_ENCODED_RUSTFLAGS:-}" == *-Z* ]]; then
    echo "the environment sets RUSTC_BOOTSTRAP or a -Z flag"; found=1
  fi
  if [ "$found" = 1 ]; then echo "unstable Rust switches found (above)"; return 1; fi
  echo "stable Rust only: no #![feature], RUSTC_BOOTSTRAP or -Z flag"
}
step "stable Rust only" stable_rust_only
step "native tests" cargo test --workspace --locked
# The full app builds the engine without its `registers` feature (Cargo.toml): what such
# a build does with a file that has registers.
step "native tests (engine without registers)" cargo test --locked -p aims-engine --no-default-features --test registers_format
step "guide content (links, explainers, as-of notes, sources list)" "$ROOT/.tools/venv/bin/python" tests/guide_check.py
step "published formats (JSON Schema)" "$ROOT/.tools/venv/bin/python" tests/schema/validate.py target/debug/aims-score
# OSCAL as GRC platforms read it: every export that imports (the fixtures and the hostile
# files) becomes an assessment-results document that compliance-trestle accepts, and
# each deliberately broken document is refused.
oscal_check() {
  local out; out="$(mktemp -d)"
  local n=0
  for f in tests/fixtures/assessment-v*.json tests/fixtures/hostile/*.json; do
    case "$f" in *.oscal.json) continue ;; esac
    target/debug/aims-score validate "$f" >/dev/null 2>&1 || continue
    target/debug/aims-score oscal "$f" > "$out/$(basename "$f")"
    n=$((n + 1))
  done
  "$ROOT/.tools/venv/bin/python" tests/oscal/validate.py "$out"/*.json tests/oscal/minimal-valid.json >/dev/null
  for bad in tests/oscal/broken/*.json; do
    if "$ROOT/.tools/venv/bin/python" tests/oscal/validate.py "$bad" >/dev/null 2>&1; then
      echo "the OSCAL validator accepted $bad"; return 1
    fi
  done
  rm -rf "$out"
  echo "$n OSCAL documents from aims-score validate with compliance-trestle; $(ls tests/oscal/broken/*.json | wc -l) broken ones are refused"
}
step "OSCAL (compliance-trestle)" oscal_check
step "browser tests (headless Chromium)" cargo test -p aims-readiness --target wasm32-unknown-unknown --test web --locked
step "release build" trunk build --release --offline --locked
step "size budget" node tests/e2e/size-budget.mjs dist --max 400 --quick-max 60
step "end-to-end (headless Chromium)" node --test --test-concurrency=1 tests/e2e/
# The same build deployed as a vendor does, in a folder of a site (docs/embedding.md):
# the tests where the address matters run again with the app under that folder.
step "end-to-end under a sub-folder (/widgets/aims/1.0.0/)" env AIMS_E2E_BASE=/widgets/aims/1.0.0/ \
  node --test --test-concurrency=1 tests/e2e/smoke.test.mjs tests/e2e/quick.test.mjs \
  tests/e2e/offline.test.mjs tests/e2e/embed.test.mjs tests/e2e/package.test.mjs
printf '\nall checks passed\n'
