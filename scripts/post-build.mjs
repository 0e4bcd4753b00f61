// Trunk post-build hook (release builds only): turns what Trunk staged into what is
// deployed. Each job is a module in scripts/post-build/; this file only finds the inputs
// and runs the jobs in an order that matters:
//
// 1. Size steps Trunk cannot do itself, on each build's JS glue and wasm module (the
//    full app, the quick entry, the full app's on-demand modules): terser on the glue, the gzip-aware function layout
//    (the full app), shorter import names (docs/size.md has what each saves).
// 2. quick.html with its stylesheet inline and its first screen pre-rendered, and the
//    stylesheet as a file for the quick build's other places (crates/quick/src/page.rs,
//    written by its example `quick_page`, native, from the same view code).
// 3. index.html and quick.html: the Content-Security-Policy, which hashes each page's
//    inline scripts and styles.
// 4. The guide and the other languages' files.
// 5. The service worker, whose version hashes the files above.
// 6. The single-file offline package, which inlines them all.
//
// AIMS_POST_BUILD_SKIP=layout,rename leaves the optional size steps out, to measure
// what each is worth (docs/size.md has the figures that justify keeping them).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyGlue } from "./post-build/minify-glue.mjs";
import { layOutFunctions } from "./post-build/function-layout.mjs";
import { checkWasmBindgenVersion, shortenImportNames } from "./post-build/import-names.mjs";
import { addContentSecurityPolicy } from "./post-build/csp.mjs";
import { minifyGuide, writeLanguages } from "./post-build/languages.mjs";
import { writeServiceWorker } from "./post-build/service-worker.mjs";
import { writeOfflinePackage } from "./post-build/offline-package.mjs";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run it through trunk)");
  process.exit(1);
}
const root = fileURLToPath(new URL("../", import.meta.url));
// terser and wasm-opt are pinned in tests/e2e/package.json and installed by
// scripts/setup.sh.
const e2e = join(root, "tests", "e2e");
const { minify } = createRequire(join(e2e, "package.json"))("terser");
const wasmOpt = join(e2e, "node_modules", ".bin", "wasm-opt");
const skip = new Set((process.env.AIMS_POST_BUILD_SKIP || "").split(",").filter(Boolean));

if (!skip.has("rename")) checkWasmBindgenVersion(await readFile(join(root, "Cargo.lock"), "utf8"));
// Each build, and the fewest wasm-bindgen imports it has (fewer: wasm-bindgen changed
// how it names them).
for (const { name, layout, imports } of [
  { name: "aims-readiness", layout: true, imports: 50 },
  { name: "aims-quick", layout: false, imports: 20 },
  { name: "aims-seal", layout: false, imports: 5 },
  // (no browser imports of its own: nothing to rename)
  { name: "aims-reports", layout: false, imports: 0 },
]) {
  const glue = join(staging, `${name}.js`);
  const wasm = join(staging, `${name}_bg.wasm`);
  await minifyGlue(glue, minify);
  if (layout && !skip.has("layout")) await layOutFunctions(wasm, wasmOpt);
  if (!skip.has("rename") && imports > 0) await shortenImportNames(wasm, glue, imports);
}
await minifyGlue(join(staging, "aims-readiness-element.js"), minify);
execFileSync("cargo", ["run", "--quiet", "-p", "aims-quick", "--example", "quick_page", "--", join(root, "quick.html"), staging], { cwd: root, stdio: "inherit" });
for (const page of ["index.html", "quick.html"]) await addContentSecurityPolicy(join(staging, page));
await minifyGuide(staging);
const languages = await writeLanguages(staging, join(root, "assets"));
await writeServiceWorker(staging, languages, minify);
await writeOfflinePackage(staging);
