// Shortens the names the wasm module imports its JS functions by. wasm-bindgen names
// each `__wbg_<name>_<16 hex digits>`; the hashes do not compress, and every name sits
// in both files. Each becomes a short name (`$a`, `$b`, …) in the import section and in
// the glue's import object.
//
// This relies on what wasm-bindgen emits: import names `__wbg_<name>_<hash>` from the
// module `./aims-readiness_bg.js`, each written once in the glue. So the build stops
// when Cargo.lock names a wasm-bindgen other than the one this was checked with, when a
// name is not found exactly once in the glue, and when fewer than 50 imports follow that
// naming; an upgrade then fails loudly instead of shipping a broken or bigger bundle.
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { IMPORT_SECTION, encodeLeb, parseModule, readImports } from "./wasm-binary.mjs";

/** The wasm-bindgen version the renaming was checked against. */
const VERIFIED_WASM_BINDGEN = "0.2.130";

const encoder = new TextEncoder();

/** Stops the build unless `cargoLock` (the text of Cargo.lock) pins the verified wasm-bindgen. */
export function checkWasmBindgenVersion(cargoLock) {
  const bindgen = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(cargoLock)?.[1];
  if (bindgen !== VERIFIED_WASM_BINDGEN) {
    throw new Error(`post-build: the import renaming was verified with wasm-bindgen ${VERIFIED_WASM_BINDGEN}, ` +
      `Cargo.lock has ${bindgen}. Re-check it (build with and without AIMS_POST_BUILD_SKIP=rename, run ` +
      `the end-to-end tests, compare sizes as in docs/size.md), then update VERIFIED_WASM_BINDGEN.`);
  }
}

/**
 * Renames wasm-bindgen's imports in `wasmFile` and `glueFile`, both in place. The glue
 * provides them as the module `./<glue's name>_bg.js`; fewer renamed imports than
 * `expectedAtLeast` means wasm-bindgen changed its naming.
 */
export async function shortenImportNames(wasmFile, glueFile, expectedAtLeast) {
  const JS_MODULE = `./${basename(glueFile, ".js")}_bg.js`;
  const bytes = await readFile(wasmFile);
  let glue = await readFile(glueFile, "utf8");
  const module = parseModule(bytes);
  const section = module.sections.find((s) => s.id === IMPORT_SECTION);
  if (!section) throw new Error("post-build: the wasm module has no import section");
  const imports = readImports(bytes, section.start);
  const out = [...encodeLeb(imports.length)];
  const pushName = (text) => {
    const name = encoder.encode(text);
    out.push(...encodeLeb(name.length), ...name);
  };
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
  if (renamed < expectedAtLeast) {
    throw new Error(`post-build: only ${renamed} imports named __wbg_… from ${JS_MODULE}: ` +
      "wasm-bindgen changed how it names imports; fix shortenImportNames or drop it (docs/size.md)");
  }
  const body = Uint8Array.from(out);
  const rebuilt = Buffer.concat([
    bytes.subarray(0, section.from),
    Uint8Array.from([IMPORT_SECTION, ...encodeLeb(body.length)]),
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
