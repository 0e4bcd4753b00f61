// The browser database (IndexedDB) behind the store: the first start after the upgrade
// moves a store written by the previous build (tests/fixtures/localstorage-store.json,
// captured from that build's localStorage) into it with nothing lost and says so once;
// a full database keeps what it held and says the change is unsaved; two tabs see each
// other's changes; "Delete all my data" empties both places.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watchErrors, storedEntries, storedKeys, startAssessment, ROOT } from './harness.mjs';

let server, chrome, fixture;
before(async () => {
  server = await serve();
  chrome = await launch();
  fixture = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/localstorage-store.json'), 'utf8'));
});
after(async () => { await chrome?.close(); await server?.close(); });

/** A page whose localStorage holds the previous build's store before the app starts. */
async function withOldStore(context) {
  const page = await context.newPage();
  await page.goto(`${server.url}sw.js`); // same origin, no app: write the old store first
  await page.evaluate((entries) => { for (const [k, v] of entries) localStorage.setItem(k, v); }, fixture);
  return page;
}

const cards = (page) => page.locator('.aims-cards .aims-card');

test("the previous build's store moves into the database once, with nothing lost", async () => {
  const context = await chrome.browser.newContext();
  const page = await withOldStore(context);
  const errors = watchErrors(page);
  const names = fixture.filter(([k]) => k.startsWith('aims.default.v1.a.')).map(([, v]) => JSON.parse(v).assessment.name).sort();
  assert.ok(names.length >= 2, 'the fixture holds assessments');
  await page.goto(server.url);
  await page.waitForSelector('.aims-notice');
  assert.match(await page.textContent('.aims-notice'), new RegExp(`Your ${names.length} saved assessments were moved into this browser's database`));
  assert.deepEqual((await cards(page).allTextContents()).map((t) => names.find((n) => t.includes(n))).sort(), names);
  const stored = await storedEntries(page);
  const local = await page.evaluate(() => Object.keys(localStorage).sort());
  // Every assessment, byte for byte, now in the database; localStorage keeps only what
  // the quick entry reads itself (its answers, the language).
  for (const [key, value] of fixture.filter(([k]) => k.startsWith('aims.default.v1.a.'))) {
    assert.deepEqual(stored.find(([k]) => k === key), [key, value], `${key} moved as it was`);
    assert.ok(!local.includes(key), `${key} left localStorage`);
  }
  for (const [key, value] of fixture.filter(([k]) => /\.(quick|lang)$/.test(k))) {
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), value, `${key} stays`);
  }
  // Once: a reload says nothing and shows the same.
  await page.reload();
  await page.waitForSelector('.aims-cards .aims-card');
  assert.equal(await page.locator('.aims-notice').count(), 0, 'said once');
  assert.equal(await cards(page).count(), names.length);
  // An answer in a moved assessment is saved in the database.
  await cards(page).first().locator('a').first().click();
  await page.waitForSelector('.aims-item[data-item="4.1"]');
  await page.locator('.aims-item[data-item="4.1"] input[value="4"]').check();
  await page.reload();
  await page.waitForSelector('.aims-item[data-item="4.1"]');
  assert.equal(await page.locator('.aims-item[data-item="4.1"] input[value="4"]').isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused write keeps what the database held, and the change is said to be unsaved', async () => {
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.fill('#aims-new-name', 'Quota review');
  await startAssessment(page);
  await page.locator('.aims-item[data-item="4.1"] input[value="2"]').check();
  await page.waitForTimeout(300);
  const kept = await storedEntries(page, 'aims.default.v1.a.');
  assert.equal(kept.length, 1);
  // From now on the browser refuses every write: each transaction aborts, as it does
  // when the origin's quota is used up. (Chromium's quota override, Storage.
  // overrideQuotaForOrigin, does not reach a database that is already open.)
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      this.transaction.abort();
      return request;
    };
  });
  await page.locator('.aims-item[data-item="4.2"] input[value="3"]').check();
  const banner = page.locator('.aims-alert--error[role=alert]');
  await banner.waitFor({ timeout: 10000 });
  assert.match(await banner.textContent(), /Not saved\..*refused to store/);
  assert.equal(await page.locator('.aims-item[data-item="4.2"] input[value="3"]').isChecked(), true, 'the answer stays on screen');
  assert.deepEqual(await storedEntries(page, 'aims.default.v1.a.'), kept, 'the database holds what it held');
  // After a reload: what was refused is gone (the banner said so), what was kept is there.
  await page.reload();
  await page.waitForSelector('.aims-item[data-item="4.2"]');
  assert.equal(await page.locator('.aims-item[data-item="4.2"] input[value="3"]').isChecked(), false, 'what was refused was not kept');
  assert.equal(await page.locator('.aims-item[data-item="4.1"] input[value="2"]').isChecked(), true, 'what was kept is there');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs see each other\'s changes through the database', async () => {
  const context = await chrome.browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) { await p.goto(server.url); await p.waitForSelector('h1'); }
  await a.fill('#aims-new-name', 'Made in tab A');
  await startAssessment(a);
  await b.waitForFunction(() => document.querySelectorAll('.aims-cards .aims-card').length === 1, null, { timeout: 5000 });
  assert.match(await b.textContent('.aims-cards .aims-card'), /Made in tab A/);
  await context.close();
});

test('"Delete all my data" empties the database and localStorage', async () => {
  const context = await chrome.browser.newContext();
  const page = await withOldStore(context);
  await page.goto(server.url);
  await page.waitForSelector('.aims-cards .aims-card');
  assert.ok((await storedKeys(page)).length > 0);
  await page.click('button:has-text("Delete all my data")');
  await page.click('button:has-text("Yes, delete everything")');
  await page.waitForFunction(() => document.querySelectorAll('.aims-cards .aims-card').length === 0);
  await page.waitForTimeout(300);
  assert.deepEqual(await storedKeys(page), []);
  await page.reload();
  await page.waitForSelector('h1');
  assert.equal(await cards(page).count(), 0, 'nothing comes back');
  await context.close();
});
