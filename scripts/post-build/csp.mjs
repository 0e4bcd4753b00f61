// The page's Content-Security-Policy (docs/security.md says what each directive is for),
// as a meta element in index.html. Trunk writes the module loader as an inline script,
// so that one script is allowed by its sha256; everything else must come from the app's
// own origin. Release builds only: `trunk serve` for development injects a live-reload
// script a policy would block.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";

/** Adds the policy to `htmlFile`, right after its charset declaration. */
export async function addContentSecurityPolicy(htmlFile) {
  let html = await readFile(htmlFile, "utf8");
  const loader = /<script type=module>([\s\S]*?)<\/script>/.exec(html);
  if (!loader) throw new Error("post-build: Trunk's inline module loader was not found in index.html");
  const hash = createHash("sha256").update(loader[1]).digest("base64");
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval'`,
    "style-src 'self'",
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
  if (!html.includes(charset)) throw new Error("post-build: <meta charset=utf-8> not found in index.html");
  html = html.replace(charset, `${charset}<meta http-equiv=Content-Security-Policy content="${policy}">`);
  await writeFile(htmlFile, html);
}
