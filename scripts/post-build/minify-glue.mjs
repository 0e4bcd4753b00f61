// Minifies the wasm-bindgen JS glue with terser. Trunk's own minifier cannot parse the
// glue's `export default`, so without this step the glue ships as written. Only
// whitespace and local names change: exported names and the property names the wasm
// module imports by stay, so inline embeds keep working.
import { readFile, writeFile, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Minifies `glueFile` in place with terser's `minify` (passed in: it is a pinned tool).
 * The custom element's loader goes through it too: its comments are for readers of
 * assets/aims-readiness-element.js, and its export (`mount`) keeps its name.
 */
export async function minifyGlue(glueFile, minify) {
  const source = await inlineSnippets(glueFile, await readFile(glueFile, "utf8"));
  const result = await minify(source, { module: true, compress: true, mangle: true });
  await writeFile(glueFile, result.code);
  console.log(`post-build: ${basename(glueFile)} ${source.length} -> ${result.code.length} bytes`);
}

/**
 * The glue's `inline_js` snippets (`import { … } from './snippets/<crate>/inline<N>.js'`,
 * each a handful of exported functions: src/ui/services/records.rs) written into the
 * glue itself, and their folder removed: one file less to fetch and to cache, and the
 * offline package, which imports the glue from a blob URL, could not fetch it at all.
 */
async function inlineSnippets(glueFile, source) {
  const imports = [...source.matchAll(/^import \{[^}]*\} from '(\.\/snippets\/[^']+\.js)';$/gm)];
  for (const [statement, path] of imports) {
    const snippet = await readFile(join(dirname(glueFile), path), "utf8");
    if (/^\s*import\b/m.test(snippet)) throw new Error(`post-build: ${path} imports something; it cannot be inlined`);
    source = source.replace(statement, snippet.replace(/^export (function|const|class)\b/gm, "$1"));
  }
  if (imports.length) await rm(join(dirname(glueFile), "snippets"), { recursive: true, force: true });
  return source;
}
