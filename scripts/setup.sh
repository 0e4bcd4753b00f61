#!/usr/bin/env bash
# Installs every tool the project needs on a fresh machine, pinned, into places the
# project controls. Idempotent: each step checks for the pinned version first, so a
# second run only prints "ok" lines and takes seconds.
#
# `--build-only` (what scripts/serve.sh uses) installs only what building and serving
# the app needs: the wasm32 target, Trunk, wasm-bindgen and the node build tools
# (wasm-opt, terser). The browsers, poppler and the Python validators are for the tests.
set -euo pipefail
BUILD_ONLY=0
[ "${1:-}" = "--build-only" ] && BUILD_ONLY=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"

mkdir -p "$TOOLS/bin"
export PATH="$TOOLS/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# 1. Rust targets and components.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "ok wasm32-unknown-unknown target"
else
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if rustup component list --installed | grep -q "^$component"; then
    say "ok $component"
  else
    rustup component add "$component"
  fi
done

# 2. Trunk and wasm-bindgen-cli, pinned, installed into .tools/ (git-ignored).
if [ "$("$TOOLS/bin/trunk" --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  say "ok trunk $TRUNK_VERSION"
else
  say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install --locked --root "$TOOLS" trunk --version "$TRUNK_VERSION"
fi
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "ok wasm-bindgen-cli $WASM_BINDGEN_VERSION"
else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # No --locked: the CLI's lock file names a crate version the registry here lacks.
  cargo install --root "$TOOLS" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 3. Node tooling: wasm-opt (binaryen 132) and terser for the build, playwright-core,
#    puppeteer-core, axe-core and age-encryption (an independent age implementation, for
#    the interoperability test) for the tests, pinned by tests/e2e/package-lock.json
#    (JavaScript packages only: no browser is downloaded). `npm ci` only runs when the
#    lock file changed.
E2E="$ROOT/tests/e2e"
STAMP="$E2E/node_modules/.lock-stamp"
if [ -f "$STAMP" ] && cmp -s "$STAMP" "$E2E/package-lock.json"; then
  say "ok node tooling (wasm-opt $(wasm-opt --version 2>/dev/null | awk '{print $3}'))"
else
  say "installing node tooling"
  (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$E2E/package-lock.json" "$STAMP"
fi
if [ "$BUILD_ONLY" = 1 ]; then
  say "build tools ready (the test tools come with scripts/test.sh)"
  exit 0
fi

# 4. Chromium and its driver, Firefox ESR (the offline package is checked in it) and
#    poppler-utils (pdftoppm/pdftotext: the printed report is checked as a PDF), from
#    Debian (no browser downloads are possible here).
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/firefox-esr ] \
  && [ -x /usr/bin/pdftoppm ] && [ -x /usr/bin/pdftotext ]; then
  say "ok $(/usr/bin/chromium --version 2>/dev/null | head -n1), $(/usr/bin/firefox-esr --version 2>/dev/null | head -n1), $(/usr/bin/pdftoppm -v 2>&1 | head -n1)"
else
  say "installing chromium, chromium-driver, firefox-esr and poppler-utils from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver firefox-esr poppler-utils >/dev/null
fi

# 5. Python validators for the formats we publish, pinned, in a project-local virtual
#    environment: jsonschema for our JSON Schemas, compliance-trestle (its models are
#    OSCAL 1.2.1) for the OSCAL assessment-results export (docs/oscal.md). About 15 s.
JSONSCHEMA_VERSION="4.26.0"
TRESTLE_VERSION="5.2.0"
VENV="$TOOLS/venv"
if [ "$("$VENV/bin/python" -c 'import jsonschema, trestle.oscal, importlib.metadata as m; print(m.version("jsonschema"), m.version("compliance-trestle"))' 2>/dev/null || true)" = "$JSONSCHEMA_VERSION $TRESTLE_VERSION" ]; then
  say "ok jsonschema $JSONSCHEMA_VERSION, compliance-trestle $TRESTLE_VERSION"
else
  say "installing jsonschema $JSONSCHEMA_VERSION and compliance-trestle $TRESTLE_VERSION into .tools/venv"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "jsonschema==$JSONSCHEMA_VERSION" "compliance-trestle==$TRESTLE_VERSION"
fi
