// Trunk post-build hook (release builds only). Three size steps Trunk cannot do itself
// (and the integrity hashes in index.html updated to match), then the page's
// Content-Security-Policy, which needs the hash of Trunk's inline loader:
//
// 1. Minify the wasm-bindgen JS glue with terser. Trunk's own minifier cannot parse the
//    glue's `export default`. Only whitespace and local names change: exported names and
//    the property names the wasm module imports by stay, so inline embeds keep working.
// 2. Lay out the wasm functions for compression. The order of functions in the code
//    section does not change what the module does, but gzip only finds repeats within a
//    32 KB window, so putting look-alike functions next to each other shrinks the
//    download (about 4 KB gzip on this bundle). We name every function by its place in
//    a greedy nearest-neighbour chain (similarity = shared 4-byte shingles) and let
//    binaryen's `--reorder-functions-by-name` renumber the module, then drop the names.
//
// 3. Shorten the names the wasm module imports its JS functions by. wasm-bindgen names
//    each `__wbg_<name>_<16 hex digits>`; the hashes do not compress, and the names sit in
//    both files (about 3 KB gzip). Each becomes a short name in the import section and in
//    the glue's import object; the build fails if a name is not found exactly once.
//
// Tools are pinned in tests/e2e/package.json and installed by scripts/setup.sh.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { readFile, writeFile, rm, readdir, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run it through trunk)");
  process.exit(1);
}
const e2e = new URL("../tests/e2e/", import.meta.url);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const require = createRequire(new URL("package.json", e2e));

const glue = join(staging, "aims-readiness.js");
const wasm = join(staging, "aims-readiness_bg.wasm");
const before = { glue: await digest(glue), wasm: await digest(wasm) };
// AIMS_POST_BUILD_SKIP=layout,rename leaves steps out, to measure what each is worth
// (docs/size.md has the figures that justify keeping them).
const skip = new Set((process.env.AIMS_POST_BUILD_SKIP || "").split(",").filter(Boolean));
// Steps 2 and 3 rely on what wasm-bindgen emits (import names `__wbg_<name>_<hash>`
// from the module `./aims-readiness_bg.js`, each once in the glue's import object).
// They were checked against this version; any other stops the build until someone
// re-checks them.
const VERIFIED_WASM_BINDGEN = "0.2.130";
const lock = await readFile(new URL("../Cargo.lock", import.meta.url), "utf8");
const bindgen = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
if (!skip.has("rename") && bindgen !== VERIFIED_WASM_BINDGEN) {
  throw new Error(`post-build: the import renaming was verified with wasm-bindgen ${VERIFIED_WASM_BINDGEN}, ` +
    `Cargo.lock has ${bindgen}. Re-check it (build with and without AIMS_POST_BUILD_SKIP=rename, run ` +
    `the end-to-end tests, compare sizes as in docs/size.md), then update VERIFIED_WASM_BINDGEN.`);
}
await minifyGlue(glue);
if (!skip.has("layout")) await layOutFunctions(wasm);
if (!skip.has("rename")) await shortenImportNames(wasm, glue);
await updateIntegrity(join(staging, "index.html"), [
  [before.glue, await digest(glue)],
  [before.wasm, await digest(wasm)],
]);
await addContentSecurityPolicy(join(staging, "index.html"));
await minifyGuide(staging);
const languages = await writeLanguages(staging);
await writeServiceWorker(staging, languages);
await writeOfflinePackage(staging);

/**
 * The page's Content-Security-Policy (docs/security.md says what each directive is for).
 * Trunk writes the module loader as an inline script, so that one script is allowed by
 * its hash; everything else must come from the app's own origin. Release builds only:
 * `trunk serve` for development injects a live-reload script a policy would block.
 */
async function addContentSecurityPolicy(htmlFile) {
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
  const charset = "<meta charset=utf-8>";
  if (!html.includes(charset)) throw new Error("post-build: <meta charset=utf-8> not found in index.html");
  html = html.replace(charset, `${charset}<meta http-equiv=Content-Security-Policy content="${policy}">`);
  await writeFile(htmlFile, html);
}

/**
 * The guide (issue 15), one file per language, is loaded on first open from
 * `guide/<code>.json`: written without indentation (the reader does not need it), and
 * checked to parse.
 */
async function minifyGuide(dir) {
  for (const name of await readdir(join(dir, "guide"))) {
    const file = join(dir, "guide", name);
    const text = JSON.stringify(JSON.parse(await readFile(file, "utf8")));
    await writeFile(file, text);
    const gz = (gzipSync(Buffer.from(text), { level: 9 }).length / 1024).toFixed(1);
    console.log(`post-build: guide/${name} ${(text.length / 1024).toFixed(1)} KB (${gz} KB gzip), loaded on first open`);
  }
}

/** FNV-1a (64-bit) of the keys, each followed by a newline, as build.rs computes it. */
function keysHash(keys) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of encoder.encode(keys.map((k) => `${k}\n`).join(""))) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/**
 * German and French (issue 16): `i18n/<code>.json` holds the messages as a list in the
 * order of their sorted keys (the order build.rs compiles English in; build.rs has
 * checked that every translation has exactly the English keys and placeholders) and the
 * catalog's texts (`assets/catalog/iso42001.<code>.json`). English is in the wasm.
 */
async function writeLanguages(dir) {
  const root = new URL("../", import.meta.url);
  const english = JSON.parse(await readFile(new URL("assets/i18n/en.json", root), "utf8"));
  const keys = Object.keys(english).sort();
  await mkdir(join(dir, "i18n"), { recursive: true });
  const codes = [];
  for (const name of (await readdir(new URL("assets/i18n/", root))).sort()) {
    const code = name.replace(/\.json$/, "");
    if (code === "en" || !name.endsWith(".json")) continue;
    const messages = JSON.parse(await readFile(new URL(`assets/i18n/${name}`, root), "utf8"));
    const catalog = JSON.parse(await readFile(new URL(`assets/catalog/iso42001.${code}.json`, root), "utf8"));
    const missing = keys.filter((k) => typeof messages[k] !== "string");
    if (missing.length) throw new Error(`post-build: ${name} lacks ${missing.join(", ")}`);
    const text = JSON.stringify({ keys: keysHash(keys), messages: keys.map((k) => messages[k]), catalog });
    await writeFile(join(dir, "i18n", `${code}.json`), text);
    const gz = (gzipSync(Buffer.from(text), { level: 9 }).length / 1024).toFixed(1);
    console.log(`post-build: i18n/${code}.json ${(text.length / 1024).toFixed(1)} KB (${gz} KB gzip), loaded only when chosen`);
    codes.push(code);
  }
  return codes;
}

/**
 * Fills the service worker's version (a hash of the files it caches, so any change of
 * the app makes a new version) and its list of files (assets/sw.js).
 */
async function writeServiceWorker(dir, languages) {
  const files = ["index.html", "aims-readiness.js", "aims-readiness_bg.wasm", "aims-readiness-element.js", "guide/en.json"];
  // Other languages are cached when first used, not at install (only the chosen
  // language is downloaded); they still change the version.
  const onDemand = languages.flatMap((code) => [`i18n/${code}.json`, `guide/${code}.json`]);
  const hash = createHash("sha256");
  for (const f of [...files, ...onDemand]) hash.update(await readFile(join(dir, f)));
  const version = hash.digest("hex").slice(0, 16);
  const file = join(dir, "sw.js");
  let sw = await readFile(file, "utf8");
  for (const placeholder of ["'__AIMS_VERSION__'", "const FILES = ['./'];"]) {
    if (!sw.includes(placeholder)) throw new Error(`post-build: ${placeholder} not found in sw.js`);
  }
  sw = sw.replace("'__AIMS_VERSION__'", JSON.stringify(version))
    .replace("const FILES = ['./'];", `const FILES = ${JSON.stringify(["./", ...files.slice(1)])};`);
  await writeFile(file, sw);
  console.log(`post-build: service worker version ${version}`);
}

/**
 * `aims-readiness-offline.html`: the whole app in one file that opens from disk
 * (`file://`) and makes no request at all. The JS glue and the wasm module ride along as
 * inert text blocks; a small loader imports the glue from a blob URL and instantiates
 * the module from the decoded bytes. Its own Content-Security-Policy allows exactly that.
 */
async function writeOfflinePackage(dir) {
  const glue = await readFile(join(dir, "aims-readiness.js"), "utf8");
  const wasmBytes = await readFile(join(dir, "aims-readiness_bg.wasm"));
  if (/<\/script/i.test(glue)) throw new Error("post-build: the glue contains </script>; it cannot be inlined");
  // The guide rides along as inert JSON the app reads instead of fetching it. `<` is
  // escaped so no text in it can close the block.
  // Every language and guide rides along as inert JSON the app reads instead of
  // fetching it. `<` is escaped so no text in them can close the block.
  const inert = async (file) => (await readFile(join(dir, file), "utf8")).replaceAll("<", "\\u003c");
  let blocks = `<script id=aims-data-guide-en type=application/json>${await inert("guide/en.json")}</script>`;
  for (const name of (await readdir(join(dir, "i18n"))).sort()) {
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
  await writeFile(join(dir, "aims-readiness-offline.html"), html);
  const gz = (gzipSync(Buffer.from(html), { level: 9 }).length / 1024).toFixed(1);
  console.log(`post-build: offline package ${(html.length / 1024).toFixed(1)} KB (${gz} KB gzip)`);
}

/** The subresource-integrity value Trunk writes (sha384, base64) for `file`. */
async function digest(file) {
  return `sha384-${createHash("sha384").update(await readFile(file)).digest("base64")}`;
}

/** Trunk wrote integrity attributes for the files as they were; point them at the new bytes. */
async function updateIntegrity(htmlFile, replacements) {
  let html = await readFile(htmlFile, "utf8");
  for (const [old, now] of replacements) {
    if (!html.includes(old)) throw new Error(`post-build: ${old} not found in index.html`);
    html = html.replaceAll(old, now);
  }
  await writeFile(htmlFile, html);
}

async function minifyGlue(file) {
  const { minify } = require("terser");
  const source = await readFile(file, "utf8");
  const result = await minify(source, { module: true, compress: true, mangle: true });
  await writeFile(file, result.code);
  console.log(`post-build: JS glue ${source.length} -> ${result.code.length} bytes`);
}

async function layOutFunctions(file) {
  const bytes = await readFile(file);
  const module = parseModule(bytes);
  const order = similarityChain(module.bodies);
  const named = withFunctionNames(bytes, module, order);
  const namedFile = `${file}.named`;
  await writeFile(namedFile, named);
  const wasmOpt = new URL("node_modules/.bin/wasm-opt", e2e).pathname;
  execFileSync(wasmOpt, [
    "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
    "--reorder-functions-by-name", "--strip-debug", "--strip-producers",
    namedFile, "-o", file,
  ], { stdio: "inherit" });
  await rm(namedFile);
  const after = await readFile(file);
  const count = parseModule(after).bodies.length;
  if (count !== module.bodies.length) {
    throw new Error(`post-build: function count changed (${module.bodies.length} -> ${count})`);
  }
  const gz = (b) => (gzipSync(b, { level: 9 }).length / 1024).toFixed(1);
  console.log(`post-build: wasm function layout ${gz(bytes)} -> ${gz(after)} KB gzip`);
}

async function shortenImportNames(wasmFile, glueFile) {
  const bytes = await readFile(wasmFile);
  let glue = await readFile(glueFile, "utf8");
  const module = parseModule(bytes);
  const section = module.sections.find((s) => s.id === 2);
  if (!section) throw new Error("post-build: the wasm module has no import section");
  const imports = readImports(bytes, section.start);
  const out = [...encodeLeb(imports.length)];
  const pushName = (text) => {
    const name = encoder.encode(text);
    out.push(...encodeLeb(name.length), ...name);
  };
  const JS_MODULE = "./aims-readiness_bg.js";
  let renamed = 0;
  for (const { module: moduleName, field, description } of imports) {
    let name = field;
    if (moduleName === JS_MODULE && /^__wbg_\w+$/.test(field)) {
      name = shortName(renamed++);
      const pattern = new RegExp(`\\b${field}\\b`, "g");
      const found = glue.match(pattern)?.length ?? 0;
      if (found !== 1) throw new Error(`post-build: import ${field} found ${found} times in the glue`);
      glue = glue.replace(pattern, name);
    }
    pushName(moduleName);
    pushName(name);
    out.push(...description);
  }
  if (renamed < 50) {
    throw new Error(`post-build: only ${renamed} imports named __wbg_… from ${JS_MODULE}: ` +
      "wasm-bindgen changed how it names imports; fix shortenImportNames or drop it (docs/size.md)");
  }
  const body = Uint8Array.from(out);
  const rebuilt = Buffer.concat([
    bytes.subarray(0, section.from),
    Uint8Array.from([2, ...encodeLeb(body.length)]),
    body,
    bytes.subarray(section.end),
  ]);
  await writeFile(wasmFile, rebuilt);
  await writeFile(glueFile, glue);
  console.log(`post-build: ${renamed} import names shortened`);
}

/** `i` as a JS identifier made of letters: a..z, A..Z, then two letters, and so on. */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return `$${name}`;
}

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/** The sections (id, start, end), the number of imported functions and each body. */
function parseModule(bytes) {
  const sections = [];
  let importedFunctions = 0;
  const bodies = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    sections.push({ id, from: at, start, end });
    if (id === 2) importedFunctions = readImports(bytes, start).filter((i) => i.kind === 0).length;
    if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [length, bodyStart] = leb(bytes, p);
        bodies.push(bytes.subarray(bodyStart, bodyStart + length));
        p = bodyStart + length;
      }
    }
    at = end;
  }
  return { sections, importedFunctions, bodies };
}

/** A length-prefixed UTF-8 name at `p`; returns [name, next offset]. */
function readName(bytes, p) {
  const [length, start] = leb(bytes, p);
  return [decoder.decode(bytes.subarray(start, start + length)), start + length];
}

/** Every import of the import section whose payload starts at `start`. */
function readImports(bytes, start) {
  let [count, p] = leb(bytes, start);
  const imports = [];
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, p] = readName(bytes, p);
    [field, p] = readName(bytes, p);
    const from = p;
    p = skipImportDescription(bytes, p);
    imports.push({ module, field, kind: bytes[from], description: bytes.subarray(from, p) });
  }
  return imports;
}

/** The offset after the import description (kind byte and its type) at `p`. */
function skipImportDescription(bytes, p) {
  const skipLimits = () => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
  };
  const kind = bytes[p++];
  if (kind === 0) [, p] = leb(bytes, p);
  else if (kind === 1) { p++; skipLimits(); }
  else if (kind === 2) skipLimits();
  else if (kind === 3) p += 2;
  else if (kind === 4) { p++; [, p] = leb(bytes, p); }
  else throw new Error(`post-build: unknown import kind ${kind}`);
  return p;
}

/**
 * A greedy chain through the function bodies: start at the first, always step to the
 * unplaced body sharing the largest fraction (Jaccard) of 4-byte shingles. Shingles that
 * occur in more than 1000 bodies are ignored (they say nothing and cost time). Ties go
 * to the lower index, so the layout is deterministic.
 */
function similarityChain(bodies) {
  const K = 4, COMMON = 1000;
  const shingles = bodies.map((body) => {
    const set = new Set();
    for (let i = 0; i + K <= Math.max(body.length, K); i++) {
      set.add(((body[i] << 24) | (body[i + 1] << 16) | (body[i + 2] << 8) | body[i + 3]) >>> 0);
    }
    return [...set];
  });
  const postings = new Map();
  shingles.forEach((set, f) => {
    for (const s of set) {
      let list = postings.get(s);
      if (!list) postings.set(s, (list = []));
      list.push(f);
    }
  });
  const placed = new Uint8Array(bodies.length);
  const shared = new Int32Array(bodies.length);
  const order = [];
  let next = 0;
  let firstUnplaced = 0;
  for (let step = 0; step < bodies.length; step++) {
    const current = next;
    placed[current] = 1;
    order.push(current);
    const touched = [];
    for (const s of shingles[current]) {
      const list = postings.get(s);
      if (list.length > COMMON) continue;
      for (const f of list) {
        if (placed[f]) continue;
        if (shared[f] === 0) touched.push(f);
        shared[f]++;
      }
    }
    let best = -1, bestScore = -1;
    for (const f of touched) {
      const c = shared[f];
      const score = c / (shingles[current].length + shingles[f].length - c + 1);
      if (score > bestScore || (score === bestScore && f < best)) { best = f; bestScore = score; }
      shared[f] = 0;
    }
    if (best < 0) {
      while (firstUnplaced < bodies.length && placed[firstUnplaced]) firstUnplaced++;
      best = firstUnplaced;
    }
    next = best;
  }
  return order;
}

/** `bytes` without any name section, plus one naming defined function i by its rank. */
function withFunctionNames(bytes, module, order) {
  const rank = new Array(order.length);
  order.forEach((f, r) => { rank[f] = r; });
  const entries = [...encodeLeb(order.length)];
  for (let f = 0; f < order.length; f++) {
    const name = encoder.encode(`f${String(rank[f]).padStart(6, "0")}`);
    entries.push(...encodeLeb(module.importedFunctions + f), ...encodeLeb(name.length), ...name);
  }
  const subsection = [1, ...encodeLeb(entries.length), ...entries];
  const payload = [4, ...encoder.encode("name"), ...subsection];
  const nameSection = Uint8Array.from([0, ...encodeLeb(payload.length), ...payload]);
  const kept = module.sections
    .filter((s) => !(s.id === 0 && isNameSection(bytes, s.start)))
    .map((s) => bytes.subarray(s.from, s.end));
  return Buffer.concat([bytes.subarray(0, 8), ...kept, nameSection]);
}

function isNameSection(bytes, start) {
  return readName(bytes, start)[0] === "name";
}
