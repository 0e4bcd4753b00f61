// The release package as a vendor uses it (scripts/package.sh, docs/embedding.md): made
// from the release build, unzipped into a folder of a static host, checked with
// `sha256sum -c SHA256SUMS`, and working there: the app, its version, an example page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { serve, launch, screenshot, watchErrors, ROOT, VIEWPORTS } from './harness.mjs';

const VERSION = /\[workspace\.package\]\nversion = "([^"]+)"/.exec(await readFile(join(ROOT, 'Cargo.toml'), 'utf8'))?.[1];
let chrome, folder, server;

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

before(async () => {
  assert.ok(VERSION, 'the workspace version in Cargo.toml');
  const out = await mkdtemp(join(tmpdir(), 'aims-package-'));
  execFileSync('bash', [join(ROOT, 'scripts/package.sh'), '--no-build', '--out', out], { stdio: 'pipe' });
  folder = join(out, 'unpacked');
  execFileSync('python3', ['-m', 'zipfile', '-e', join(out, `aims-readiness-${VERSION}.zip`), folder]);
  server = await serve(folder);
  chrome = await launch();
});
after(async () => { await chrome?.close(); await server?.close(); });

test('the package holds the files to host, the examples, the docs, the licence and their checksums', async () => {
  const files = await filesUnder(folder);
  for (const f of ['index.html', 'aims-readiness.js', 'aims-readiness_bg.wasm', 'aims-readiness-element.js', 'sw.js',
    'aims-readiness-offline.html', 'aims-seal.js', 'aims-seal_bg.wasm', 'aims-reports.js', 'aims-reports_bg.wasm', 'guide/en.json', 'i18n/de.json', 'examples/iframe-host.html',
    'examples/inline-host.html', 'examples/element-host.html', 'docs/embedding.md', 'docs/security.md',
    'LICENSE', 'CHANGELOG.md', 'SHA256SUMS']) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  // Every other file is listed once, and `sha256sum -c` agrees with all of them.
  const listed = (await readFile(join(folder, 'SHA256SUMS'), 'utf8')).trim().split('\n').map((l) => l.slice(66));
  assert.deepEqual(listed, files.filter((f) => f !== 'SHA256SUMS'));
  execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: folder });
  // A file changed after packaging is caught.
  const copy = await mkdtemp(join(tmpdir(), 'aims-tampered-'));
  execFileSync('cp', ['-R', `${folder}/.`, copy]);
  await writeFile(join(copy, 'sw.js'), '// changed\n', { flag: 'a' });
  assert.throws(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: copy, stdio: 'pipe' }));
});

test('unzipped into a folder of a static host, the app and the examples work there and say their version', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.waitForSelector('.aims-app h1');
  assert.equal((await page.textContent('.aims-version')).trim(), `Version ${VERSION}`);
  await screenshot(page, 'package-home-desktop');
  assert.ok(requests.every((u) => u.startsWith(server.url) || u.startsWith('data:')), `everything from the folder: ${requests.join(', ')}`);
  await page.goto(`${server.url}examples/element-host.html`);
  await page.locator('aims-readiness .aims-quick-question').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
