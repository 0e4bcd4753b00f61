// Subresource integrity after the size steps. Trunk writes an `integrity` attribute
// (sha384) into index.html for the glue and the wasm as it built them; the size steps
// then rewrite both files, and a browser refuses a file whose digest does not match. So
// the digests are taken before the size steps and swapped for the new ones after.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";

/** The subresource-integrity value Trunk writes (sha384, base64) for `file`. */
export async function digest(file) {
  return `sha384-${createHash("sha384").update(await readFile(file)).digest("base64")}`;
}

/**
 * Replaces each `[old, now]` digest in `htmlFile`; a digest that is not there stops the
 * build (Trunk changed how it writes them, and the page would no longer load).
 */
export async function updateIntegrity(htmlFile, replacements) {
  let html = await readFile(htmlFile, "utf8");
  for (const [old, now] of replacements) {
    if (!html.includes(old)) throw new Error(`post-build: ${old} not found in index.html`);
    html = html.replaceAll(old, now);
  }
  await writeFile(htmlFile, html);
}
