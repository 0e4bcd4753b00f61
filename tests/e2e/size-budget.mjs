// Fails when everything the browser downloads for the app (HTML, JS, wasm, CSS, catalog;
// not the example host pages copied into dist/examples)
// exceeds the budget, gzip -9. Prints every file's figure either way.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dir = process.argv.filter((a) => !a.startsWith('--'))[2] || 'dist';
const reportOnly = process.argv.includes('--report-only');

async function files(d) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const p = join(d, entry.name);
    if (entry.isDirectory()) out.push(...await files(p));
    else out.push(p);
  }
  return out;
}

let raw = 0, gz = 0;
for (const file of (await files(dir)).filter((f) => !f.includes('/.stage/') && !f.includes('/examples/')).sort()) {
  const body = await readFile(file);
  const g = gzipSync(body, { level: 9 }).length;
  raw += body.length; gz += g;
  console.log(`${(body.length / 1024).toFixed(1).padStart(8)} KB raw ${(g / 1024).toFixed(1).padStart(8)} KB gzip  ${file}`);
}
console.log(`total: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip -9 (budget ${BUDGET_BYTES / 1024} KB)`);
if (gz > BUDGET_BYTES) {
  console.error(`size budget exceeded by ${((gz - BUDGET_BYTES) / 1024).toFixed(1)} KB${reportOnly ? ' (report only)' : ''}`);
  if (!reportOnly) process.exit(1);
}
