#!/usr/bin/env bash
# Builds the release package a vendor hosts: aims-readiness-<version>.zip (the version
# is the workspace's, in Cargo.toml). Unzipped into any folder of a static host it is
# the app at that folder, as it is:
#
#   index.html, aims-readiness.js, aims-readiness_bg.wasm, aims-readiness-element.js,
#   aims-seal.*, aims-reports.* (loaded on demand), quick.html, aims-quick.*,
#   sw.js, i18n/, guide/, aims-readiness-offline.html   the files to host
#   examples/                                           the three host pages
#   docs/embedding.md, docs/security.md                 how to embed it, what it keeps
#   LICENSE, CHANGELOG.md                               licence and changes
#   SHA256SUMS                                          `sha256sum -c SHA256SUMS` checks them
#
# usage: scripts/package.sh [--no-build] [--out DIR]   (default DIR: target/package)
# --no-build packages the release build already in dist/ (the test command's).
# The zip is reproducible: files in name order, each dated from the last commit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

build=1
out="$ROOT/target/package"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    *) echo "usage: scripts/package.sh [--no-build] [--out DIR]" >&2; exit 2 ;;
  esac
done

version="$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml", "rb"))["workspace"]["package"]["version"])')"
name="aims-readiness-$version"
if [ "$build" = 1 ]; then
  bash scripts/setup.sh
  trunk build --release --offline --locked
fi
if [ ! -f dist/index.html ] || ! grep -q "aims-readiness:" dist/sw.js; then
  echo "package: dist/ holds no release build (run without --no-build)" >&2
  exit 1
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R dist/. "$stage/"
mkdir -p "$stage/docs"
cp docs/embedding.md docs/security.md "$stage/docs/"
cp LICENSE CHANGELOG.md "$stage/"
(cd "$stage" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs -d '\n' sha256sum > SHA256SUMS)

mkdir -p "$out"
rm -f "$out/$name.zip"
epoch="$(git log -1 --format=%ct 2>/dev/null || echo 315532800)"
python3 - "$stage" "$out/$name.zip" "$epoch" <<'PY'
import os, sys, time, zipfile
stage, target, epoch = sys.argv[1], sys.argv[2], int(sys.argv[3])
# Zip dates are local wall-clock fields from 1980 on; the commit's UTC time, as is.
stamp = time.gmtime(max(epoch, 315532800))[:6]
files = sorted(os.path.relpath(os.path.join(d, f), stage).replace(os.sep, "/")
               for d, _, names in os.walk(stage) for f in names)
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for rel in files:
        info = zipfile.ZipInfo(rel, stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(stage, rel), "rb") as f:
            z.writestr(info, f.read(), compresslevel=9)
PY
size="$(du -k "$out/$name.zip" | cut -f1)"
echo "package: $out/$name.zip (${size} KB, $(wc -l < "$stage/SHA256SUMS") files in SHA256SUMS)"
