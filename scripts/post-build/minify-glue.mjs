// Minifies the wasm-bindgen JS glue with terser. Trunk's own minifier cannot parse the
// glue's `export default`, so without this step the glue ships as written. Only
// whitespace and local names change: exported names and the property names the wasm
// module imports by stay, so inline embeds keep working.
import { readFile, writeFile } from "node:fs/promises";

/** Minifies `glueFile` in place with terser's `minify` (passed in: it is a pinned tool). */
export async function minifyGlue(glueFile, minify) {
  const source = await readFile(glueFile, "utf8");
  const result = await minify(source, { module: true, compress: true, mangle: true });
  await writeFile(glueFile, result.code);
  console.log(`post-build: JS glue ${source.length} -> ${result.code.length} bytes`);
}
