// `aims-readiness-offline.html`: the whole app in one file that opens from disk
// (`file://`) and makes no request at all. Module scripts loaded by URL do not work from
// `file://`, so the JS glue and the wasm module ride along as inert text blocks; a small
// loader imports the glue from a blob URL and instantiates the module from the decoded
// bytes. Its own Content-Security-Policy allows exactly that.
import { createHash } from "node:crypto";
import { readFile, writeFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Writes the package into `staging` from the final glue, wasm, languages and guides there. */
export async function writeOfflinePackage(staging) {
  const glue = await readFile(join(staging, "aims-readiness.js"), "utf8");
  const wasmBytes = await readFile(join(staging, "aims-readiness_bg.wasm"));
  if (/<\/script/i.test(glue)) throw new Error("post-build: the glue contains </script>; it cannot be inlined");
  // Every language and guide rides along as inert JSON the app reads instead of
  // fetching it. `<` is escaped so no text in them can close the block.
  const inert = async (file) => (await readFile(join(staging, file), "utf8")).replaceAll("<", "\\u003c");
  let blocks = `<script id=aims-data-guide-en type=application/json>${await inert("guide/en.json")}</script>`;
  for (const name of (await readdir(join(staging, "i18n"))).sort()) {
    const code = name.replace(/\.json$/, "");
    blocks += `<script id=aims-data-lang-${code} type=application/json>${await inert(`i18n/${name}`)}</script>` +
      `<script id=aims-data-guide-${code} type=application/json>${await inert(`guide/${name}`)}</script>`;
  }
  const loader = [
    "const text = (id) => document.getElementById(id).textContent;",
    "const url = URL.createObjectURL(new Blob([text('aims-glue')], { type: 'text/javascript' }));",
    "const { default: init } = await import(url);",
    "const bytes = Uint8Array.from(atob(text('aims-wasm')), (c) => c.charCodeAt(0));",
    "await init({ module_or_path: bytes });",
  ].join("\n");
  const hash = createHash("sha256").update(loader).digest("base64");
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${hash}' blob: 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src data:",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  const html = `<!doctype html><html lang=en><head><meta charset=utf-8>` +
    `<meta http-equiv=Content-Security-Policy content="${policy}">` +
    `<meta content="width=device-width,initial-scale=1" name=viewport>` +
    `<title>AIMS Readiness (offline copy) – ISO/IEC 42001 readiness assessment</title><link href=data:, rel=icon></head>` +
    `<body style=margin:0><div data-aims-app><p style="font:16px system-ui,sans-serif;padding:2rem;color:#566076">Loading the readiness assessment…</p></div>` +
    `<script id=aims-glue type=text/plain>${glue}</script>` +
    `<script id=aims-wasm type=text/plain>${wasmBytes.toString("base64")}</script>` +
    blocks +
    `<script type=module>${loader}</script></body></html>`;
  await writeFile(join(staging, "aims-readiness-offline.html"), html);
  const gz = (gzipSync(Buffer.from(html), { level: 9 }).length / 1024).toFixed(1);
  console.log(`post-build: offline package ${(html.length / 1024).toFixed(1)} KB (${gz} KB gzip)`);
}
