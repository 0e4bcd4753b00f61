// `aims-readiness-offline.html`: the whole app in one file that opens from disk
// (`file://`) and makes no request at all. Module scripts loaded by URL do not work from
// `file://`, so the JS glue and the wasm module of both builds ride along as inert text
// blocks; a small loader picks the build as index.html's does (the quick check for
// `#/quick` or `?mode=quick`, else the full app), imports its glue from a blob URL and
// instantiates its module from the decoded bytes. The quick build's stylesheet is inline
// (the full app carries its own). Its own Content-Security-Policy allows exactly that.
import { createHash } from "node:crypto";
import { readFile, writeFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Writes the package into `staging` from the final glue, wasm, languages and guides there. */
export async function writeOfflinePackage(staging) {
  const builds = {};
  // The full app's on-demand modules ride along too; the app reads their blocks itself
  // (src/ui/services/on_demand.rs) when a person first asks for one.
  for (const [id, name] of [["aims", "aims-readiness"], ["aims-quick", "aims-quick"], ["aims-seal", "aims-seal"], ["aims-reports", "aims-reports"]]) {
    const glue = await readFile(join(staging, `${name}.js`), "utf8");
    if (/<\/script/i.test(glue)) throw new Error(`post-build: ${name}.js contains </script>; it cannot be inlined`);
    const wasm = (await readFile(join(staging, `${name}_bg.wasm`))).toString("base64");
    builds[id] = `<script id=${id}-glue type=text/plain>${glue}</script><script id=${id}-wasm type=text/plain>${wasm}</script>`;
  }
  const quickStyles = await readFile(join(staging, "aims-quick.css"), "utf8");
  if (quickStyles.includes("</")) throw new Error("post-build: aims-quick.css cannot be inlined");
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
    "const quick = location.hash === '#/quick' || (new URLSearchParams(location.search).get('mode') === 'quick' && ['', '#'].includes(location.hash));",
    "const id = quick ? 'aims-quick' : 'aims';",
    "const url = URL.createObjectURL(new Blob([text(`${id}-glue`)], { type: 'text/javascript' }));",
    "const app = await import(url);",
    "const bytes = Uint8Array.from(atob(text(`${id}-wasm`)), (c) => c.charCodeAt(0));",
    "await app.default({ module_or_path: bytes });",
    "if (quick) app.start();",
  ].join("\n");
  const sha = (text) => createHash("sha256").update(text).digest("base64");
  const hash = sha(loader);
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${hash}' blob: 'wasm-unsafe-eval'`,
    `style-src 'self' 'sha256-${sha(quickStyles)}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src data:",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  const html = `<!doctype html><html lang=en><head><meta charset=utf-8>` +
    `<meta http-equiv=Content-Security-Policy content="${policy}">` +
    `<meta content="width=device-width,initial-scale=1" name=viewport>` +
    `<title>AIMS Readiness (offline copy) – ISO/IEC 42001 readiness assessment</title><link href=data:, rel=icon>` +
    `<style data-aims-styles>${quickStyles}</style></head>` +
    `<body style=margin:0><div data-aims-app><p style="font:16px system-ui,sans-serif;padding:2rem;color:#566076">Loading the readiness assessment…</p></div>` +
    Object.values(builds).join("") +
    blocks +
    `<script type=module>${loader}</script></body></html>`;
  await writeFile(join(staging, "aims-readiness-offline.html"), html);
  const gz = (gzipSync(Buffer.from(html), { level: 9 }).length / 1024).toFixed(1);
  console.log(`post-build: offline package ${(html.length / 1024).toFixed(1)} KB (${gz} KB gzip)`);
}
