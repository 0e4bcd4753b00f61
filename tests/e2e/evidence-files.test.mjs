// Evidence files kept in the browser (issue 22, parts 4 and 8): a person attaches two
// files to evidence records, downloads one back, sees the space they take, exports the
// audit pack with both, deletes everything, imports the pack and finds the assessment
// and both files again, byte for byte. A file over 50 MB and a full browser are refused
// with what happened, and nothing already kept changes; the files are encrypted at rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, open, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { serve, launch, screenshot, watchErrors, setLock, ROOT } from './harness.mjs';

let server, chrome;
before(async () => { server = await serve(); chrome = await launch(); });
after(async () => { await chrome?.close(); await server?.close(); });

const FIXTURE = `${ROOT}/tests/fixtures/assessment-v3-registers.json`;
const FILES_DB = 'aims.default.v1.files';

/** What the browser's files database holds: each value's bytes, as latin-1 text. */
async function keptBlobs(page) {
  return page.evaluate(async (name) => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    if (!db.objectStoreNames.contains('files')) { db.close(); return []; }
    const values = await new Promise((ok, ko) => { const r = db.transaction('files').objectStore('files').getAll(); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    db.close();
    const texts = [];
    for (const v of values) texts.push(new TextDecoder('latin1').decode(await v.arrayBuffer()));
    return texts;
  }, FILES_DB);
}

/** The bytes of the download a click on `selector` starts. */
async function downloaded(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { bytes: await readFile(await d.path()), name: d.suggestedFilename(), path: await d.path() };
}

/** The entries of the zip at `path`, read by Python's zipfile: name → bytes. */
function zipEntries(path) {
  const out = execFileSync('python3', ['-c', `
import base64, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))
`, path], { maxBuffer: 64 * 1024 * 1024 });
  return Object.fromEntries(Object.entries(JSON.parse(out)).map(([n, b]) => [n, Buffer.from(b, 'base64')]));
}

/** A fresh browser context with the registers fixture imported: its page, the errors it reports, the assessment's id. */
async function withFixture() {
  const context = await chrome.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.setInputFiles('input[type=file]', FIXTURE);
  await page.waitForSelector('.aims-cards .aims-card');
  const id = (await page.locator('.aims-card a').first().getAttribute('href')).split('/')[2];
  return { context, page, errors, id };
}

async function evidenceScreen(page, id) {
  await page.goto(`${server.url}#/a/${id}/evidence`);
  await page.waitForSelector('tr:has-text("AI policy v2")');
}

test('evidence files: kept encrypted, downloaded, packed, deleted with everything and restored from the pack', async () => {
  const { context, page, errors, id } = await withFixture();

  // The fixture's policy record names a file this browser never had: the pack is made
  // without it, and says so.
  await page.goto(`${server.url}#/a/${id}/results`);
  const without = await downloaded(page, 'button:has-text("Export audit pack")');
  assert.ok(!Object.keys(zipEntries(without.path)).some((n) => n.startsWith('evidence/')));
  await page.waitForSelector('text=/The audit pack was made without the file of “AI policy v2”: it is not in this browser/');

  // The screen says so too, at the record; the files' total counts none.
  await evidenceScreen(page, id);
  await page.waitForSelector('tr:has-text("AI policy v2") .aims-tag:has-text("not in this browser")');
  await page.waitForFunction(() => /^Files kept with this assessment: 0 KB/.test(document.querySelector('#aims-ev-space')?.textContent || ''));
  // Taken off the record, then two files attached.
  await page.click('tr:has-text("AI policy v2") button[data-action=unfile]');
  await page.waitForSelector('text=The file is no longer part of “AI policy v2”.');
  const policy = Buffer.concat([Buffer.from('%PDF-1.7 the signed AI policy '), randomBytes(300_000)]);
  const notes = Buffer.concat([Buffer.from('Interview notes: the support lead '), randomBytes(1_500_000)]);
  await page.setInputFiles('tr:has-text("AI policy v2") input[type=file]', { name: 'ai-policy-v2.pdf', mimeType: 'application/pdf', buffer: policy });
  await page.waitForSelector('text=/“ai-policy-v2.pdf” \\(293 KB\\) is kept in this browser with “AI policy v2”/');
  await page.setInputFiles('tr:has-text("Interview with the support lead") input[type=file]', { name: 'notes.txt', mimeType: 'text/plain', buffer: notes });
  await page.waitForSelector('text=/“notes.txt” \\(1.4 MB\\) is kept/');
  await page.waitForFunction(() => /Files kept with this assessment: 1.7 MB .* The browser lets this site use .*; .* is in use/.test(document.querySelector('#aims-ev-space')?.textContent || ''));
  await screenshot(page, 'evidence-files-desktop');

  // At rest, the files are encrypted: neither's words are in the database.
  const blobs = await keptBlobs(page);
  assert.equal(blobs.length, 2);
  assert.ok(blobs.every((b) => !b.includes('the signed AI policy') && !b.includes('Interview notes')), 'encrypted at rest');

  // Downloaded back from its record, byte for byte.
  const back = await downloaded(page, 'tr:has-text("AI policy v2") button[data-action=open_file]');
  assert.equal(back.name, 'ai-policy-v2.pdf');
  assert.ok(back.bytes.equals(policy));

  // Over 50 MB: refused, nothing changed.
  await page.click('button[data-action=new]');
  await page.fill('.aims-register-form [name=title]', 'Model card');
  await page.click('.aims-register-form button[type=submit]');
  await page.waitForSelector('text=Saved “Model card”.');
  const huge = join(await mkdtemp(join(tmpdir(), 'aims-')), 'huge.bin');
  const handle = await open(huge, 'w');
  await handle.truncate(51 * 1024 * 1024);
  await handle.close();
  await page.setInputFiles('tr:has-text("Model card") input[type=file]', huge);
  await page.waitForSelector('text=/“huge.bin” is larger than 50 MB/');
  // A browser that is full: refused, nothing kept, nothing already kept changed.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === 'files') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.setInputFiles('tr:has-text("Model card") input[type=file]', { name: 'card.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF model card') });
  await page.waitForSelector('text=/The browser has no room left for “card.pdf”. Nothing was kept/');
  assert.equal(await page.locator('tr:has-text("Model card") input[type=file]').count(), 1, 'the record keeps no file');
  assert.equal((await keptBlobs(page)).length, 2);
  await page.reload();
  await page.waitForSelector('tr:has-text("AI policy v2")');
  assert.ok((await downloaded(page, 'tr:has-text("Interview with the support lead") button[data-action=open_file]')).bytes.equals(notes));

  // The audit pack holds both, once each, under their first item's folder.
  await page.goto(`${server.url}#/a/${id}/results`);
  const pack = await downloaded(page, 'button:has-text("Export audit pack")');
  assert.match(pack.name, /audit-pack.*\.zip$/);
  const entries = zipEntries(pack.path);
  const evidence = Object.keys(entries).filter((n) => n.startsWith('evidence/')).sort();
  assert.deepEqual(evidence.map((n) => n.replace(/\/[0-9a-f-]{36}-/, '/')), ['evidence/5.2/ai-policy-v2.pdf', 'evidence/8.4/notes.txt']);
  assert.ok(entries[evidence[0]].equals(policy) && entries[evidence[1]].equals(notes));
  const manifest = JSON.parse(entries['manifest.json']);
  assert.deepEqual(manifest.files.filter((f) => f.role === 'evidence').map((f) => f.supports), [['5.2', 'A.2.2'], ['8.4']]);

  // Everything deleted: the files go too.
  await page.goto(server.url);
  await page.click('button:has-text("Delete all my data")');
  assert.match(await page.locator('[role=alertdialog]').textContent(), /the evidence files kept in this browser \(Undo does not bring these back/);
  await page.click('button:has-text("Yes, delete everything")');
  await page.waitForFunction(() => document.querySelectorAll('.aims-cards .aims-card').length === 0);
  await page.waitForTimeout(300);
  assert.deepEqual(await keptBlobs(page), []);

  // The pack imported: the assessment and both files back, byte for byte.
  await page.setInputFiles('input[type=file]', pack.path);
  await page.waitForSelector('.aims-cards .aims-card');
  await evidenceScreen(page, id);
  assert.ok((await downloaded(page, 'tr:has-text("AI policy v2") button[data-action=open_file]')).bytes.equals(policy));
  assert.ok((await downloaded(page, 'tr:has-text("Interview with the support lead") button[data-action=open_file]')).bytes.equals(notes));
  assert.match(await page.textContent('.aims-subtabs'), /AI systems \(2\).*Risks \(3\).*Evidence \(3\)/s);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The records database's value under `key`, as kept (a string in clear, an object sealed). */
async function storedRecord(page, key) {
  return page.evaluate(async (key) => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('aims.default.v1.'); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    const value = await new Promise((ok, ko) => { const r = db.transaction('records').objectStore('records').get(key); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    db.close();
    return typeof value === 'string' ? value : value && 'sealed';
  }, key);
}

test('a kept file in a second tab, and under the passphrase lock: its key sealed with the records, the file read once unlocked', async () => {
  const PASS = 'correct horse battery staple files';
  const { context, page, errors, id } = await withFixture();
  await evidenceScreen(page, id);
  const notes = Buffer.from('Interview notes kept under the lock '.repeat(5000));
  await page.setInputFiles('tr:has-text("Interview with the support lead") input[type=file]', { name: 'notes.txt', mimeType: 'text/plain', buffer: notes });
  await page.waitForSelector('tr:has-text("Interview with the support lead") button[data-action=open_file]');
  const sha = await page.getAttribute('tr:has-text("Interview with the support lead") button[data-action=open_file]', 'data-sha');
  // Another tab sees the record's file and reads it.
  const other = await context.newPage();
  watchErrors(other, errors);
  await evidenceScreen(other, id);
  assert.ok((await downloaded(other, 'tr:has-text("Interview with the support lead") button[data-action=open_file]')).bytes.equals(notes));
  await other.close();
  // Without the lock, the file's key record is in clear (the file itself never is).
  assert.match(await storedRecord(page, `aims.default.v1.f.${sha}`), /"key":"[0-9a-f]{64}"/);
  await setLock(page, server.url, PASS);
  assert.equal(await storedRecord(page, `aims.default.v1.f.${sha}`), 'sealed', 'the key is encrypted with the records');
  await page.reload();
  await page.fill('#aims-lock-pass', PASS);
  await page.press('#aims-lock-pass', 'Enter');
  await page.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
  await evidenceScreen(page, id);
  assert.ok((await downloaded(page, 'tr:has-text("Interview with the support lead") button[data-action=open_file]')).bytes.equals(notes));
  assert.deepEqual(errors, []);
  await context.close();
});
