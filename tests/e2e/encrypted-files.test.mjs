// Encrypted files in the browser (issue: lock and encrypt, part 1): Results → "Export
// encrypted…" writes an age file that another implementation (typage, the
// `age-encryption` npm package) opens to exactly the plain export; the list of
// assessments imports an age file after asking for its passphrase, whoever encrypted
// it; a wrong passphrase, a damaged file and Cancel change nothing. The code for all of
// it is an on-demand module (`aims-seal`): the test checks it is not loaded before it
// is needed. And the files other tools read (OSCAL, CISO Assistant) come from the other
// on-demand module, `aims-reports`, with the network off once it has been loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Encrypter, Decrypter } from 'age-encryption';
import { serve, launch, watchErrors, openFixture, axeSerious, hasHorizontalScroll, screenshot, VIEWPORTS, ROOT } from './harness.mjs';

const PASSPHRASE = 'violet tractor puzzle ember 7';
let server, chrome, tmp;
before(async () => { server = await serve(); chrome = await launch(); tmp = await mkdtemp(join(tmpdir(), 'aims-sealed-')); });
after(async () => { await chrome?.close(); await server?.close(); });

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click()]);
  const path = join(tmp, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  return { path, bytes: await readFile(path), name: d.suggestedFilename() };
}

/** The file names the page has asked the server for. */
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname.split('/').pop()));
  return seen;
}

async function typage(bytes, passphrase = PASSPHRASE) {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  return Buffer.from(await d.decrypt(bytes));
}

test('export encrypted: weak and differing passphrases are refused; typage opens the file to the plain export', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const asked = requests(page);
  const id = await openFixture(page, server.url);
  await page.goto(`${server.url}#/a/${id}/results`);
  await page.waitForSelector('.aims-subtabs');
  assert.ok(!asked.some((f) => f.startsWith('aims-seal')), 'the module is not loaded before it is needed');
  const plain = await download(page, () => page.click('button:has-text("Export JSON")'));

  await page.click('button:has-text("Export encrypted…")');
  await page.waitForSelector('#aims-seal-pass');
  assert.ok(asked.includes('aims-seal_bg.wasm'), 'loaded when asked for');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'aims-seal-pass', 'the keyboard is in the first field');
  const submit = page.locator('.aims-seal button[type=submit]');
  await page.fill('#aims-seal-pass', 'password');
  await page.fill('#aims-seal-again', 'password');
  assert.match(await page.textContent('[data-aims-strength]'), /too weak/);
  assert.ok(await submit.isDisabled(), 'a very weak passphrase cannot be used');
  await page.fill('#aims-seal-pass', PASSPHRASE);
  await page.fill('#aims-seal-again', `${PASSPHRASE}x`);
  assert.match(await page.textContent('[data-aims-strength]'), /^Strength: strong \(about \d+ bits\)\.$/);
  assert.match(await page.textContent('[data-aims-mismatch]'), /differ/);
  assert.ok(await submit.isDisabled(), 'the two must match');
  await page.fill('#aims-seal-again', PASSPHRASE);
  assert.ok(await submit.isEnabled());
  assert.deepEqual(await axeSerious(page), [], 'no serious accessibility problem in the form');
  await screenshot(page, 'sealed-export-form');
  const sealed = await download(page, () => submit.click());
  assert.match(sealed.name, /\.json\.age$/);
  assert.ok(sealed.bytes.subarray(0, 22).equals(Buffer.from('age-encryption.org/v1\n')), 'a binary age file');
  assert.ok(!sealed.bytes.includes(Buffer.from('"assessment"')), 'nothing readable in it');
  assert.deepEqual(await typage(sealed.bytes), plain.bytes, 'typage opens it to the plain export, byte for byte');
  await assert.rejects(typage(sealed.bytes, 'not the passphrase at all 123'));
  await page.waitForFunction(() => !document.querySelector('#aims-seal-pass'), null, { timeout: 5000 });
  await writeFile(join(tmp, 'sealed-by-app.age'), sealed.bytes);
  assert.deepEqual(errors, []);
  await context.close();
});

test('import an encrypted file: wrong passphrase and Cancel change nothing; the right one imports it, from typage too', async () => {
  const fixture = await readFile(join(ROOT, 'tests/fixtures/assessment-v2.json'));
  const e = new Encrypter();
  e.setPassphrase(PASSPHRASE);
  const byTypage = join(tmp, 'from-typage.json.age');
  await writeFile(byTypage, await e.encrypt(fixture));
  const damaged = join(tmp, 'damaged.json.age');
  await writeFile(damaged, (await readFile(byTypage)).subarray(0, 180));

  for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
    const context = await chrome.browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('.aims-drop');
    const saved = () => page.locator('.aims-cards .aims-card').count();

    // Cancel: the form goes, nothing is imported.
    await page.setInputFiles('input[data-testid=import-file]', byTypage);
    await page.waitForSelector('#aims-open-pass');
    assert.match(await page.textContent('#aims-open-title'), /“from-typage\.json\.age” is encrypted/);
    await page.click('.aims-seal button:has-text("Cancel")');
    await page.waitForFunction(() => !document.querySelector('#aims-open-pass'));
    assert.equal(await saved(), 0);

    // A wrong passphrase: said in the form, which stays; nothing imported.
    await page.setInputFiles('input[data-testid=import-file]', byTypage);
    await page.fill('#aims-open-pass', 'not the passphrase at all 123');
    await page.click('.aims-seal button[type=submit]');
    await page.waitForSelector('.aims-seal .aims-alert--error');
    assert.match(await page.textContent('.aims-seal .aims-alert--error'), /does not open the file\. Nothing was changed\./);
    assert.equal(await saved(), 0);
    if (viewport === VIEWPORTS.phone) {
      assert.ok(!(await hasHorizontalScroll(page)), 'no sideways scroll at phone width');
      await screenshot(page, 'sealed-import-wrong-phone');
    }

    // The right one: imported and listed.
    await page.fill('#aims-open-pass', PASSPHRASE);
    await page.press('#aims-open-pass', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('.aims-cards .aims-card').length === 1, null, { timeout: 30000 });
    assert.ok(!(await page.$('#aims-open-pass')), 'the form is gone');

    // A damaged file is said to be damaged.
    await page.setInputFiles('input[data-testid=import-file]', damaged);
    await page.fill('#aims-open-pass', PASSPHRASE);
    await page.click('.aims-seal button[type=submit]');
    await page.waitForSelector('.aims-seal .aims-alert--error');
    assert.match(await page.textContent('.aims-seal .aims-alert--error'), /damaged or cut short/);
    assert.equal(await saved(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  }

  // What the app encrypted itself imports too (written by the first test).
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.aims-drop');
  await page.setInputFiles('input[data-testid=import-file]', join(tmp, 'sealed-by-app.age'));
  await page.fill('#aims-open-pass', PASSPHRASE);
  await page.click('.aims-seal button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('.aims-cards .aims-card').length === 1, null, { timeout: 30000 });
  await context.close();
});

test('in German the forms speak German', async () => {
  const context = await chrome.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.aims-drop');
  await page.setInputFiles('input[data-testid=import-file]', join(tmp, 'sealed-by-app.age'));
  await page.waitForSelector('#aims-open-pass');
  assert.match(await page.textContent('.aims-seal'), /ist verschlüsselt.*Öffnen und importieren/s);
  await context.close();
});

test('OSCAL and CISO Assistant files come from their module, which then works with the network off', async () => {
  const context = await chrome.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const asked = requests(page);
  const id = await openFixture(page, server.url);
  await page.goto(`${server.url}#/a/${id}/results`);
  await page.waitForSelector('.aims-subtabs');
  assert.ok(!asked.some((f) => f.startsWith('aims-reports')), 'not loaded before it is needed');
  const oscal = await download(page, () => page.click('button:has-text("Export OSCAL")'));
  assert.ok(JSON.parse(oscal.bytes.toString())['assessment-results'], 'an OSCAL document');
  assert.ok(asked.includes('aims-reports_bg.wasm'));
  await context.setOffline(true);
  const [first] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button:has-text("Export for CISO Assistant")'),
  ]);
  assert.match(first.suggestedFilename(), /ciso-assistant-audit.*\.csv$/);
  await context.close();
});
