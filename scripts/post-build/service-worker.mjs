// Fills in the service worker (assets/sw.js, docs/security.md): its version, a hash of
// every file it may cache, so any change of the app installs a new worker; and its list
// of files cached at install.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Writes version and file list into `staging/sw.js` and minifies it with terser's
 * `minify` (its comments are for readers of assets/sw.js, not for every visitor);
 * `languages` are the codes besides English.
 */
export async function writeServiceWorker(staging, languages, minify) {
  // The reports module draws the register screens, the comparison and the crosswalks and
  // writes the audit pack: an organization working offline needs them without having
  // opened each once online, so it is cached at install like the app itself.
  const files = ["index.html", "aims-readiness.js", "aims-readiness_bg.wasm", "aims-readiness-element.js", "guide/en.json",
    "quick.html", "aims-quick.js", "aims-quick_bg.wasm", "aims-quick.css", "aims-reports.js", "aims-reports_bg.wasm"];
  // Other languages are cached when first used, not at install (only the chosen
  // language is downloaded); they still change the version.
  // So is the encryption module, cached when first loaded.
  const onDemand = [...languages.flatMap((code) => [`i18n/${code}.json`, `guide/${code}.json`]),
    ...["aims-seal"].flatMap((m) => [`${m}.js`, `${m}_bg.wasm`])];
  const hash = createHash("sha256");
  for (const f of [...files, ...onDemand]) hash.update(await readFile(join(staging, f)));
  const version = hash.digest("hex").slice(0, 16);
  const file = join(staging, "sw.js");
  let sw = await readFile(file, "utf8");
  for (const placeholder of ["'__AIMS_VERSION__'", "const FILES = ['./'];"]) {
    if (!sw.includes(placeholder)) throw new Error(`post-build: ${placeholder} not found in sw.js`);
  }
  // The page is cached as `./`, the address it is visited at, not as index.html.
  sw = sw.replace("'__AIMS_VERSION__'", JSON.stringify(version))
    .replace("const FILES = ['./'];", `const FILES = ${JSON.stringify(["./", ...files.slice(1)])};`);
  const small = (await minify(sw, { compress: true, mangle: true })).code;
  await writeFile(file, small);
  console.log(`post-build: service worker version ${version}, ${sw.length} -> ${small.length} bytes`);
}
