// Minifies the wasm-bindgen JS glue with terser. Trunk's own minifier cannot parse the
// glue's `export default`, so without this step the glue ships as written. Only
// whitespace and local names change: exported names and the property names the wasm
// module imports by stay, so inline embeds keep working.
import { readFile, writeFile, rm, rmdir } from "node:fs/promises";
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
 * The glue's `inline_js` snippets (`./snippets/<crate>/inline<N>.js` or a file of the crate,
 * each a handful of exported functions: src/ui/services/records.rs, crates/seal/src/lock.js) written into the glue itself, and
 * their folder removed: one file less to fetch and to cache, and the offline package,
 * which imports the glue from a blob URL, could not fetch it at all. wasm-bindgen
 * imports a snippet twice: by name (`import { a, b } from '…'`) for the functions it
 * wraps, and as a namespace (`import * as import1 from "…"`) that the wasm module
 * imports the others from; the first becomes the snippet's functions, the second an
 * object of them.
 */
async function inlineSnippets(glueFile, source) {
  const paths = new Set([...source.matchAll(/from ['"](\.\/snippets\/[^'"]+\.js)['"]/g)].map((m) => m[1]));
  for (const path of paths) {
    const snippet = await readFile(join(dirname(glueFile), path), "utf8");
    if (/^\s*import\b/m.test(snippet)) throw new Error(`post-build: ${path} imports something; it cannot be inlined`);
    const names = [...snippet.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]);
    const body = snippet.replace(/^export (async )?function\b/gm, "$1function");
    if (/^export\b/m.test(body)) throw new Error(`post-build: ${path} exports something other than functions`);
    const quoted = path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    const named = new RegExp(`^import \\{[^}]*\\} from ['"]${quoted}['"];?$`, "m");
    const namespace = new RegExp(`^import \\* as (\\w+) from ['"]${quoted}['"];?$`, "gm");
    if (!named.test(source)) throw new Error(`post-build: no named import of ${path} in ${basename(glueFile)}`);
    source = source.replace(named, () => body)
      .replace(namespace, (_, id) => `const ${id} = { ${names.join(", ")} };`);
    // (The path stays as a key of the wasm module's import object: a name, not a file.)
    if (new RegExp(`from ['"]${quoted}`).test(source)) throw new Error(`post-build: ${basename(glueFile)} still imports ${path}`);
  }
  // Only this glue's snippets go (`snippets/<crate>-<hash>/`): another build's are
  // inlined when its own glue comes through here.
  for (const path of paths) {
    const folder = path.split("/").slice(0, 3).join("/");
    await rm(join(dirname(glueFile), folder), { recursive: true, force: true });
  }
  // (The folder itself once it is empty.)
  if (paths.size) await rmdir(join(dirname(glueFile), "snippets")).catch(() => {});
  return source;
}
