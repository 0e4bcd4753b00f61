// Trunk post-build hook: minifies the wasm-bindgen JS glue in release builds.
// Trunk's own minifier cannot parse the glue's `export default`, so it is done here
// with terser (pinned in tests/e2e/package.json, installed by scripts/setup.sh).
// Only whitespace and local names change: exported names and the property names the
// wasm module imports by are left alone, so inline embeds keep working.
import { createRequire } from "node:module";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("minify-glue: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const require = createRequire(new URL("../tests/e2e/package.json", import.meta.url));
const { minify } = require("terser");
const file = join(staging, "aims-readiness.js");
const source = await readFile(file, "utf8");
const result = await minify(source, { module: true, compress: true, mangle: true });
await writeFile(file, result.code);
console.log(`minify-glue: ${source.length} -> ${result.code.length} bytes`);
