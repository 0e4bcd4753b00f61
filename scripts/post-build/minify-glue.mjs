// Minifies the wasm-bindgen JS glue with terser. Trunk's own minifier cannot parse the
// glue's `export default`, so without this step the glue ships as written. Only
// whitespace and local names change: exported names and the property names the wasm
// module imports by stay, so inline embeds keep working.
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";

/**
 * Minifies `glueFile` in place with terser's `minify` (passed in: it is a pinned tool).
 * The custom element's loader goes through it too: its comments are for readers of
 * assets/aims-readiness-element.js, and its export (`mount`) keeps its name.
 */
export async function minifyGlue(glueFile, minify) {
  const source = await readFile(glueFile, "utf8");
  const result = await minify(source, { module: true, compress: true, mangle: true });
  await writeFile(glueFile, result.code);
  console.log(`post-build: ${basename(glueFile)} ${source.length} -> ${result.code.length} bytes`);
}
