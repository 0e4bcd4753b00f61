// Trunk post-build hook (release builds only): turns what Trunk staged into what is
// deployed. Each job is a module in scripts/post-build/; this file only finds the inputs
// and runs the jobs in an order that matters:
//
// 1. Size steps Trunk cannot do itself, on the JS glue and the wasm module: terser on
//    the glue, the gzip-aware function layout, shorter import names (docs/size.md has
//    what each saves).
// 2. index.html: the integrity attributes Trunk wrote, pointed at the new bytes of both
//    files; then the Content-Security-Policy, which hashes Trunk's inline loader.
// 3. The guide and the other languages' files.
// 4. The service worker, whose version hashes the files above.
// 5. The single-file offline package, which inlines them all.
//
// AIMS_POST_BUILD_SKIP=layout,rename leaves the optional size steps out, to measure
// what each is worth (docs/size.md has the figures that justify keeping them).
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyGlue } from "./post-build/minify-glue.mjs";
import { layOutFunctions } from "./post-build/function-layout.mjs";
import { checkWasmBindgenVersion, shortenImportNames } from "./post-build/import-names.mjs";
import { digest, updateIntegrity } from "./post-build/integrity.mjs";
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

const glue = join(staging, "aims-readiness.js");
const wasm = join(staging, "aims-readiness_bg.wasm");
const html = join(staging, "index.html");
const before = { glue: await digest(glue), wasm: await digest(wasm) };
if (!skip.has("rename")) checkWasmBindgenVersion(await readFile(join(root, "Cargo.lock"), "utf8"));
await minifyGlue(glue, minify);
if (!skip.has("layout")) await layOutFunctions(wasm, wasmOpt);
if (!skip.has("rename")) await shortenImportNames(wasm, glue);
await updateIntegrity(html, [
  [before.glue, await digest(glue)],
  [before.wasm, await digest(wasm)],
]);
await addContentSecurityPolicy(html);
await minifyGuide(staging);
const languages = await writeLanguages(staging, join(root, "assets"));
await writeServiceWorker(staging, languages, minify);
await writeOfflinePackage(staging);
