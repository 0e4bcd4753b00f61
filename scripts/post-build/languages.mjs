// The files each language is loaded from at run time (docs/i18n.md). English is compiled
// into the wasm; every other language is downloaded only when chosen, from
// `i18n/<code>.json`, and the guide, in every language, on first open of a guidance page,
// from `guide/<code>.json`.
import { readFile, writeFile, readdir, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const encoder = new TextEncoder();

/**
 * The guide files Trunk copied into `staging/guide/`, rewritten without indentation (the
 * reader does not need it), which also checks that each parses.
 */
export async function minifyGuide(staging) {
  for (const name of await readdir(join(staging, "guide"))) {
    const file = join(staging, "guide", name);
    const text = JSON.stringify(JSON.parse(await readFile(file, "utf8")));
    await writeFile(file, text);
    console.log(`post-build: guide/${name} ${kb(text)} KB (${gzipKb(text)} KB gzip), loaded on first open`);
  }
}

/**
 * Writes `staging/i18n/<code>.json` for every language in `assets/i18n/` but English:
 * the fingerprint of the message keys, the messages as a list in the order of their
 * sorted keys (the order build.rs compiles English in; build.rs has checked that every
 * translation has exactly the English keys and placeholders) and the catalog's texts
 * (`assets/catalog/iso42001.<code>.json`). Returns the language codes written.
 */
export async function writeLanguages(staging, assets) {
  const english = JSON.parse(await readFile(join(assets, "i18n", "en.json"), "utf8"));
  // The other builds' messages (the quick entry's `quick.*` and `band.*`, the
  // encrypted files' module's `seal.*`, the reports module's `comparison.*` and `crosswalks.*`) are compiled
  // into them, not into the app: the same keys crates/engine/build.rs's OTHER_BUILDS
  // leaves out.
  const otherBuilds = ["quick.", "band.", "seal.", "comparison.", "crosswalks.", "registers.", "guidepage."];
  const keys = Object.keys(english).filter((k) => !otherBuilds.some((p) => k.startsWith(p))).sort();
  await mkdir(join(staging, "i18n"), { recursive: true });
  const codes = [];
  for (const name of (await readdir(join(assets, "i18n"))).sort()) {
    const code = name.replace(/\.json$/, "");
    if (code === "en" || !name.endsWith(".json")) continue;
    const messages = JSON.parse(await readFile(join(assets, "i18n", name), "utf8"));
    const catalog = JSON.parse(await readFile(join(assets, "catalog", `iso42001.${code}.json`), "utf8"));
    const missing = keys.filter((k) => typeof messages[k] !== "string");
    if (missing.length) throw new Error(`post-build: ${name} lacks ${missing.join(", ")}`);
    const text = JSON.stringify({ keys: keysHash(keys), messages: keys.map((k) => messages[k]), catalog });
    await writeFile(join(staging, "i18n", `${code}.json`), text);
    console.log(`post-build: i18n/${code}.json ${kb(text)} KB (${gzipKb(text)} KB gzip), loaded only when chosen`);
    codes.push(code);
  }
  return codes;
}

/**
 * FNV-1a (64-bit) of the keys, each followed by a newline: the fingerprint
 * crates/engine/build.rs compiles into the wasm as `KEYS_HASH`. The app refuses a
 * language file carrying another (an old cached copy), which would otherwise show texts
 * under the wrong keys.
 */
function keysHash(keys) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of encoder.encode(keys.map((k) => `${k}\n`).join(""))) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

const kb = (text) => (text.length / 1024).toFixed(1);
const gzipKb = (text) => (gzipSync(Buffer.from(text), { level: 9 }).length / 1024).toFixed(1);
