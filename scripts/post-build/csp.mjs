// The pages' Content-Security-Policy (docs/security.md says what each directive is for),
// as a meta element in index.html and quick.html. Each page loads its build with one
// inline module script; quick.html also has an inline check and inline styles (its
// pre-rendered first screen). Each inline script and style is allowed by its sha256;
// everything else must come from the app's own origin. Release builds only: `trunk serve` for development injects a live-reload
// script a policy would block.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";

/** Adds the policy to `htmlFile`, right after its charset declaration. */
export async function addContentSecurityPolicy(htmlFile) {
  let html = await readFile(htmlFile, "utf8");
  const loaders = [...html.matchAll(/<script type=module>([\s\S]*?)<\/script>/g)];
  if (loaders.length !== 1) throw new Error(`post-build: ${htmlFile} needs exactly one inline module loader, has ${loaders.length}`);
  const hashes = (re) => [...html.matchAll(re)].map((m) => ` 'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`).join("");
  const scripts = hashes(/<script(?: type=module)?>([\s\S]*?)<\/script>/g);
  const styles = hashes(/<style[^>]*>([\s\S]*?)<\/style>/g);
  const policy = [
    "default-src 'none'",
    `script-src 'self'${scripts} 'wasm-unsafe-eval'`,
    `style-src 'self'${styles}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  // A policy in a meta element covers only what follows it: it goes right after the
  // charset declaration, which has to stay first.
  const charset = "<meta charset=utf-8>";
  if (!html.includes(charset)) throw new Error(`post-build: <meta charset=utf-8> not found in ${htmlFile}`);
  html = html.replace(charset, `${charset}<meta http-equiv=Content-Security-Policy content="${policy}">`);
  await writeFile(htmlFile, html);
}
