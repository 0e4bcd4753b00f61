// The lock on the browser's copy (issue 25, docs/security.md): with a passphrase set,
// what the browser keeps is encrypted (no marker written before can be found in the
// raw stored values), the app opens on a lock screen, locks itself after the idle time
// and when Lock is pressed (every tab), unlocking one tab leaves the others locked,
// changing and removing the passphrase survive an interruption, and a lost passphrase
// is explained, not a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors, axeSerious, hasHorizontalScroll, screenshot, VIEWPORTS, openLockSettings, setLock as setLockAt } from './harness.mjs';

let server, chrome;
before(async () => { server = await serve(); chrome = await launch(); });
after(async () => { await chrome?.close(); await server?.close(); });

const PASS = 'correct horse battery staple lock';
const NEXT = 'a different long passphrase 2026';
const MARKERS = ['Marker Org QX7', 'MARKER-NOTE-93 untreated bias risk', 'Lockable review QX7'];

/**
 * Everything the origin keeps, as text: localStorage's values, and every value of every
 * IndexedDB database (strings as they are, bytes decoded as UTF-8, objects walked), so
 * a marker kept in clear anywhere is found.
 */
async function rawStorage(page) {
  return page.evaluate(async () => {
    const parts = Object.entries(localStorage).flat();
    const walk = (v) => {
      if (typeof v === 'string') parts.push(v);
      else if (v instanceof Uint8Array || v instanceof ArrayBuffer) parts.push(new TextDecoder().decode(v));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { parts.push(k); walk(x); }
    };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((ok, ko) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = ko; });
      for (const store of db.objectStoreNames) {
        const read = (what) => new Promise((ok, ko) => { const r = db.transaction(store).objectStore(store)[what](); r.onsuccess = () => ok(r.result); r.onerror = ko; });
        (await read('getAllKeys')).forEach((k) => parts.push(String(k)));
        (await read('getAll')).forEach(walk);
      }
      db.close();
    }
    return parts.join('\n');
  });
}

/** Starts an assessment holding the markers (its name, organization and a note). */
async function assessmentWithMarkers(page) {
  await page.goto(server.url);
  await page.fill('#aims-new-name', MARKERS[2]);
  await page.fill('#aims-new-org', MARKERS[0]);
  // (In any language: the new-assessment form's own button, then the scope step's.)
  await page.click('form:has(#aims-new-name) button[type=submit]');
  await page.waitForSelector('.aims-profile');
  await page.click('.aims-profile-continue');
  await page.waitForSelector('.aims-item');
  const item = page.locator('.aims-item[data-item="4.1"]');
  await item.locator('input[value="3"]').check();
  await item.locator('textarea[id$="-notes"]').fill(MARKERS[1]);
  await item.locator('textarea[id$="-notes"]').blur();
  await page.waitForTimeout(300);
  const raw = await rawStorage(page);
  for (const m of MARKERS) assert.ok(raw.includes(m), `before the lock, "${m}" is kept in clear (the scan can see it)`);
}

/** Opens the lock's settings from the home screen. */
const openSettings = (page) => openLockSettings(page, server.url);

/** Sets the lock with `passphrase` from the home screen. */
const setLock = (page, passphrase = PASS) => setLockAt(page, server.url, passphrase);

const lockScreen = (page) => page.waitForSelector('h1:has-text("This browser\'s copy is locked")', { timeout: 15000 });

async function unlock(page, passphrase = PASS) {
  await page.fill('#aims-lock-pass', passphrase);
  await page.press('#aims-lock-pass', 'Enter');
}

test('with the lock set, nothing written before can be read in storage; the lock screen opens with the passphrase only', async () => {
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await assessmentWithMarkers(page);
  await openSettings(page);
  // Before the lock: the plain warning and the export offered.
  assert.match(await page.textContent('.aims-lock'), /A forgotten passphrase cannot be recovered/);
  const download = page.waitForEvent('download');
  await page.click('button:has-text("Export every assessment (1, one file each)")');
  assert.match((await download).suggestedFilename(), /^lockable-review-qx7-1\.json$/);
  // A very weak passphrase is refused.
  await page.fill('#aims-seal-pass', 'password');
  await page.fill('#aims-seal-again', 'password');
  assert.equal(await page.isDisabled('button:has-text("Set the lock")'), true);
  await screenshot(page, 'lock-settings-off-desktop');
  await page.click('button:has-text("Close")');
  await setLock(page);
  await screenshot(page, 'lock-settings-on-desktop');
  assert.deepEqual(await axeSerious(page), []);
  let raw = await rawStorage(page);
  for (const m of MARKERS) assert.ok(!raw.includes(m), `with the lock on, "${m}" is nowhere in storage`);
  // The header offers Lock; the tab goes on working, and what it saves is encrypted too.
  await page.click('button:has-text("Close")');
  await page.goto(`${server.url}#/`);
  await page.locator('.aims-cards .aims-card a').first().click();
  const item = page.locator('.aims-item[data-item="4.2"]');
  await item.locator('textarea[id$="-notes"]').fill('MARKER-AFTER-LOCK 77');
  await item.locator('textarea[id$="-notes"]').blur();
  await page.waitForTimeout(300);
  assert.ok(!(await rawStorage(page)).includes('MARKER-AFTER-LOCK 77'), 'a save with the lock on is encrypted');
  // A reload opens on the lock screen, with nothing readable.
  await page.reload();
  await lockScreen(page);
  raw = await rawStorage(page);
  for (const m of [...MARKERS, 'MARKER-AFTER-LOCK 77']) assert.ok(!raw.includes(m), `while locked, "${m}" is nowhere in storage`);
  assert.ok(!(await page.textContent('body')).includes(MARKERS[2]), 'the lock screen shows no assessment');
  assert.deepEqual(await axeSerious(page), []);
  await screenshot(page, 'lock-screen-desktop');
  // A wrong passphrase says so; the right one opens everything as it was.
  await unlock(page, 'not the passphrase at all');
  await page.waitForSelector('text=This passphrase does not open them. Nothing was changed.', { timeout: 15000 });
  await unlock(page);
  // (The reload kept the address: the assessment's screen opens again.)
  await page.waitForSelector('.aims-item[data-item="4.1"]', { timeout: 15000 });
  assert.equal(await page.locator('.aims-item[data-item="4.1"] textarea[id$="-notes"]').inputValue(), MARKERS[1]);
  assert.equal(await page.locator('.aims-item[data-item="4.2"] textarea[id$="-notes"]').inputValue(), 'MARKER-AFTER-LOCK 77');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Lock locks every tab; unlocking one leaves the other locked', async () => {
  const context = await chrome.browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  // (The tab in front: a background tab's timers are slowed to one a second.)
  await a.bringToFront();
  await assessmentWithMarkers(a);
  await setLock(a);
  // Tab B, opened after, starts on the lock screen; unlocked, both work.
  await b.bringToFront();
  await b.goto(server.url);
  await lockScreen(b);
  await unlock(b);
  await b.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
  await a.bringToFront();
  await a.goto(`${server.url}#/`);
  await a.click('.aims-top button:has-text("Lock")');
  await lockScreen(a);
  await lockScreen(b);
  await unlock(a);
  await a.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
  await b.waitForTimeout(500);
  assert.equal(await b.locator('#aims-lock-pass').count(), 1, 'the other tab stays locked');
  assert.equal(await b.locator('.aims-cards').count(), 0);
  await context.close();
});

test('the lock closes itself after the idle time; use keeps it open', async () => {
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await assessmentWithMarkers(page);
  await setLock(page);
  await page.click('button:has-text("Close")');
  // Used after 10 minutes: not locked at 20.
  await page.clock.fastForward('10:00');
  await page.mouse.click(5, 5);
  await page.clock.fastForward('10:00');
  await page.waitForTimeout(1000); // (a lock would reload the page by now)
  assert.equal(await page.locator('#aims-lock-pass').count(), 0, 'used 10 minutes ago: still open');
  assert.equal(await page.locator('.aims-cards .aims-card').count(), 1, 'the list is still there');
  await page.clock.fastForward('06:00');
  await lockScreen(page);
  await context.close();
});

test('the idle time chosen is the one kept and used', async () => {
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await assessmentWithMarkers(page);
  await setLock(page);
  await page.selectOption('#aims-lock-idle', '5');
  await page.waitForSelector('text=Saved: the lock closes after 5 minutes without use.');
  await page.click('button:has-text("Close")');
  await openSettings(page);
  assert.equal(await page.inputValue('#aims-lock-idle'), '5', 'kept');
  await page.click('button:has-text("Close")');
  await page.clock.fastForward('06:00');
  await lockScreen(page);
  await context.close();
});

test('an interrupted change or removal leaves the previous passphrase and every record', async () => {
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await assessmentWithMarkers(page);
  await setLock(page);
  const before = await rawStorage(page);
  // The browser fails the re-encryption's transaction half-way (each write aborts it).
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      if (window.__failWrites) this.transaction.abort();
      return request;
    };
    window.__failWrites = true;
  });
  await page.click('button:has-text("Change the passphrase…")');
  await page.fill('#aims-lock-current', PASS);
  await page.fill('#aims-seal-pass', NEXT);
  await page.fill('#aims-seal-again', NEXT);
  await page.click('.aims-lock button[type=submit]');
  await page.waitForSelector('text=/The lock could not be changed .*Nothing was changed/', { timeout: 15000 });
  await page.click('button:has-text("Cancel")');
  await page.click('button:has-text("Remove the lock…")');
  await page.fill('#aims-lock-current', PASS);
  await page.click('.aims-lock button[type=submit]');
  await page.waitForSelector('text=/The lock could not be changed .*Nothing was changed/', { timeout: 15000 });
  assert.equal(await rawStorage(page), before, 'the stored copy is byte for byte as it was');
  // A change interrupted by the tab closing before its transaction: the old passphrase holds.
  await page.evaluate(() => { window.__failWrites = false; });
  await page.click('button:has-text("Cancel")');
  await page.click('button:has-text("Change the passphrase…")');
  await page.fill('#aims-lock-current', PASS);
  await page.fill('#aims-seal-pass', NEXT);
  await page.fill('#aims-seal-again', NEXT);
  await page.click('.aims-lock button[type=submit]');
  await page.close();
  const again = await context.newPage();
  await again.goto(server.url);
  await lockScreen(again);
  await unlock(again, NEXT);
  const outcome = await Promise.race([
    again.waitForSelector('.aims-cards .aims-card', { timeout: 15000 }).then(() => 'new'),
    again.waitForSelector('text=This passphrase does not open them.', { timeout: 15000 }).then(() => 'old'),
  ]);
  if (outcome === 'old') {
    await unlock(again, PASS);
    await again.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
  }
  assert.match(await again.textContent('.aims-cards'), /Lockable review QX7/, `all there with the ${outcome} passphrase`);
  // The change itself, then the removal: the old passphrase no longer opens; without
  // the lock everything is in clear again and the app opens with no lock screen.
  const current = outcome === 'new' ? NEXT : PASS;
  const next = outcome === 'new' ? PASS : NEXT;
  await openSettings(again);
  await again.click('button:has-text("Change the passphrase…")');
  await again.fill('#aims-lock-current', current);
  await again.fill('#aims-seal-pass', next);
  await again.fill('#aims-seal-again', next);
  await again.click('.aims-lock button[type=submit]');
  await again.waitForSelector('text=The passphrase is changed.', { timeout: 15000 });
  await again.reload();
  await lockScreen(again);
  await unlock(again, current);
  await again.waitForSelector('text=This passphrase does not open them.', { timeout: 15000 });
  await unlock(again, next);
  await again.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
  await openSettings(again);
  await again.click('button:has-text("Remove the lock…")');
  await again.fill('#aims-lock-current', next);
  await again.click('.aims-lock button[type=submit]');
  await again.waitForSelector('text=The lock is removed', { timeout: 15000 });
  assert.ok((await rawStorage(again)).includes(MARKERS[1]), 'in clear again');
  await again.reload();
  await again.waitForSelector('.aims-cards .aims-card');
  assert.equal(await again.locator('#aims-lock-pass').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lost passphrase is explained, and the locked data can be deleted to start again', async () => {
  const context = await chrome.browser.newContext({ locale: 'de-DE', viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await assessmentWithMarkers(page);
  await page.goto(`${server.url}#/`);
  await page.click('button:has-text("Sperre mit Passphrase…")');
  await page.fill('#aims-seal-pass', PASS);
  await page.fill('#aims-seal-again', PASS);
  await page.click('button:has-text("Sperre einrichten")');
  await page.waitForSelector('text=Die Sperre ist eingerichtet.', { timeout: 15000 });
  assert.equal(await hasHorizontalScroll(page), false, 'the settings: no sideways scroll at 360 px');
  await screenshot(page, 'lock-settings-on-phone-de');
  await page.reload();
  await page.waitForSelector('h1:has-text("Die Kopie in diesem Browser ist gesperrt")', { timeout: 15000 });
  assert.equal(await hasHorizontalScroll(page), false, 'no sideways scroll at 360 px');
  await page.click('summary:has-text("Passphrase vergessen?")');
  assert.match(await page.textContent('.aims-lock-forgot'), /lässt sich nicht wiederherstellen/);
  await screenshot(page, 'lock-forgot-phone-de');
  await page.click('button:has-text("Die gesperrten Bewertungen löschen (1)…")');
  await page.click('button:has-text("Ja, endgültig löschen")');
  await page.waitForSelector('#aims-new-name', { timeout: 15000 });
  assert.equal(await page.locator('.aims-cards .aims-card').count(), 0, 'started again');
  assert.ok(!(await rawStorage(page)).includes(MARKERS[2]));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an embed does not offer the lock (off by default there)', async () => {
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}sw.js`); // any page of the origin, to hold the frame
  await page.setContent(`<iframe id="f" src="${server.url}index.html?mode=full&namespace=vendor-lock" style="width:1000px;height:900px"></iframe>`);
  const frame = page.frameLocator('#f');
  await frame.locator('#aims-new-name').waitFor();
  assert.equal(await frame.locator('button:has-text("Delete all my data…")').count(), 1, 'the data section is there');
  assert.equal(await frame.locator('button:has-text("Passphrase lock…")').count(), 0, 'without the lock');
  await context.close();
});

test('a write made for a key the database no longer has is refused, not stored unreadable', async () => {
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  await assessmentWithMarkers(page);
  // As when another tab set the lock a moment ago and this one has not heard yet.
  await page.evaluate(async () => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('aims.default.v1.'); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    const tx = db.transaction('records', 'readwrite');
    tx.objectStore('records').put({ id: 'another-key' }, 'lock');
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  });
  const before = await rawStorage(page);
  await page.locator('.aims-item[data-item="4.2"] input[value="2"]').check();
  await page.locator('.aims-alert--error[role=alert]').waitFor({ timeout: 10000 });
  assert.equal(await rawStorage(page), before, 'nothing was written');
  await context.close();
});
