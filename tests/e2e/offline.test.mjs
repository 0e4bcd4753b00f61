// Offline after the first visit (the service worker, assets/sw.js), and a new version
// that waits until the person chooses to switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot, startAssessment, watchErrors, BASE, DIST, VIEWPORTS } from './harness.mjs';

let server, chrome;
before(async () => { server = await serve(); chrome = await launch(); });
after(async () => { await chrome?.close(); await server?.close(); });

const swReady = (page) => page.evaluate(async () => { await navigator.serviceWorker.ready; return true; });

test('after the first visit the app loads and works with the network off, every route included', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('h1');
  assert.equal(await swReady(page), true);
  await page.fill('#aims-new-name', 'Offline review');
  await startAssessment(page);
  const assess = page.url();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.aims-item');
  await page.locator('.aims-item').first().locator('input[value="2"]').check();
  await page.goto(assess.replace(/\/assess$/, '/results'));
  await page.waitForSelector('.aims-verdict');
  await page.goto(assess.replace(/\/assess$/, '/documents'));
  await page.waitForSelector('.aims-doclist');
  await page.goto(`${server.url}?mode=quick`);
  await page.waitForSelector('.aims-quick-question');
  await page.goto(`${server.url}#/no/such/page`);
  await page.waitForSelector('.aims-missing');
  // The guide (a separate file, never opened online in this test) was cached at install.
  await page.goto(`${server.url}#/guide/glossary/evidence`);
  await page.waitForSelector('#aims-g-evidence');
  // So was the reports module: a register screen, never opened online, works offline.
  await page.goto(assess.replace(/\/assess$/, '/risks'));
  await page.waitForSelector('.aims-criteria-form');
  await context.setOffline(false);
  // Nothing but the app's own files is cached: no assessment data in the cache.
  // Paths inside the app's folder (BASE), written from its root.
  const cached = await page.evaluate(async (base) => {
    const names = await caches.keys();
    const urls = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push('/' + new URL(r.url).pathname.slice(base.length));
    return urls.sort();
  }, BASE);
  assert.deepEqual(cached, ['/', '/aims-quick.css', '/aims-quick.js', '/aims-quick_bg.wasm', '/aims-readiness-element.js', '/aims-readiness.js',
    '/aims-readiness_bg.wasm', '/aims-reports.js', '/aims-reports_bg.wasm', '/guide/en.json', '/quick.html']);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a German visitor's language is kept offline after the first visit", async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone, locale: 'de-DE' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('.aims-app[lang=de] h1');
  assert.equal(await swReady(page), true);
  // The page asked the worker to keep German (fetched before the worker existed).
  await page.waitForFunction(async (base) => {
    for (const name of await caches.keys()) {
      const paths = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
      if (paths.includes(`${base}i18n/de.json`) && paths.includes(`${base}guide/de.json`)) return true;
    }
    return false;
  }, BASE, { timeout: 10000 });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.aims-app[lang=de] h1');
  await page.goto(`${server.url}#/guide/glossary`);
  try {
    await page.waitForSelector('.aims-app[lang=de] .aims-glossary');
  } catch (error) {
    // Say what the page showed and what the worker had kept, to tell a missing file from
    // a slow one.
    const seen = await page.evaluate(async () => ({
      main: document.querySelector('main')?.textContent?.slice(0, 300),
      controlled: Boolean(navigator.serviceWorker.controller),
      caches: await Promise.all((await caches.keys()).map(async (n) => [n, (await (await caches.open(n)).keys()).map((r) => r.url)])),
    }));
    throw new Error(`${error.message}\n${JSON.stringify(seen, null, 2)}`);
  }
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new version installs beside the old one and the page switches only when the person chooses', async () => {
  const deploy = await mkdtemp(join(tmpdir(), 'aims-deploy-'));
  const site = await serve(deploy, DIST);
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(site.url);
    await swReady(page);
    await page.reload(); // now controlled by the first version
    await page.waitForSelector('h1');
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
    await page.fill('#aims-new-name', 'Mid-edit');
    await page.evaluate(() => { window.stillHere = true; });
    // A new deployment: its service worker differs (another version).
    const built = await readFile(join(DIST, 'sw.js'), 'utf8');
    const version = /["'`]([0-9a-f]{16})["'`]/.exec(built)?.[1];
    assert.ok(version, 'the built worker names its version');
    const sw = built.replaceAll(version, 'feedfacefeedface');
    assert.match(sw, /feedfacefeedface/);
    await writeFile(join(deploy, 'sw.js'), sw);
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
    await page.waitForSelector('.aims-update');
    assert.match(await page.textContent('.aims-update'), /A new version of this tool is ready/);
    assert.equal(await page.evaluate(() => window.stillHere), true, 'no switch without the person');
    assert.equal(await page.inputValue('#aims-new-name'), 'Mid-edit', 'the edit in progress is untouched');
    await screenshot(page, 'update-ready-phone');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Switch to the new version")')]);
    await page.waitForSelector('h1');
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches, [`aims-readiness:${BASE}:feedfacefeedface`], 'the old version\'s cache is gone');
    assert.equal(await page.locator('.aims-update').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('the quick entry opens offline on the second visit, and "Continue" then opens the full app', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}quick.html`);
  await page.waitForSelector('.aims-quick-question');
  assert.equal(await swReady(page), true, 'the quick entry registers the app\'s service worker');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.aims-quick-question');
  for (let i = 0; i < 15; i++) {
    await page.locator('.aims-option', { hasText: 'Partly' }).first().click();
    await page.locator('button[type=submit]').click();
  }
  await page.waitForSelector('.aims-band');
  await page.click('button:has-text("Continue with the full assessment")');
  await page.waitForSelector('.aims-item');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the service worker answers only the app\'s own pages: the examples and the site\'s other pages show themselves', async () => {
  // A page of the vendor's site in the app's folder (inside the worker's scope) and one
  // at the site's root, served beside the app.
  const site = await mkdtemp(join(tmpdir(), 'aims-site-'));
  const page = (title) => `<!doctype html><html lang=en><head><meta charset=utf-8><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
  await writeFile(join(site, 'pricing.html'), page('Acme pricing'));
  const server2 = await serve(site, DIST, { dir: site, at: '/' });
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  try {
    await tab.goto(server2.url);
    await swReady(tab);
    await tab.reload(); // now controlled by the worker
    await tab.waitForSelector('h1');
    assert.equal(await tab.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
    const scope = await tab.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(new URL(scope).pathname, BASE, 'the worker\'s scope is the app\'s folder');
    const shows = async (url, title) => {
      await tab.goto(url);
      assert.equal(await tab.title(), title, `${url} shows itself`);
      assert.equal(await tab.locator('[data-aims-app]').count(), 0, `${url} is not replaced by the app`);
    };
    await shows(`${server2.url}examples/element-host.html`, 'Example vendor portal – custom element');
    await tab.locator('aims-readiness .aims-quick-question').waitFor(); // its widget works
    await shows(`${server2.url}examples/iframe-host.html`, 'Example vendor portal – iframe widget');
    await shows(`${server2.url}pricing.html?plan=team`, 'Acme pricing');
    await shows(`${server2.root}pricing.html`, 'Acme pricing');
    const missing = await tab.goto(`${server2.url}no-such-page.html`);
    assert.equal(missing.status(), 404, 'an unknown address in the folder is the server\'s 404, not the app');
    // The app's own pages, with any query, are the app.
    await tab.goto(`${server2.url}index.html?mode=quick`);
    await tab.waitForSelector('.aims-quick-question');
    await context.setOffline(true);
    // Offline the worker still does not answer for other pages: the browser's own
    // offline error, never the app in their place.
    await assert.rejects(tab.goto(`${server2.url}pricing.html`), /ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
    await assert.rejects(tab.goto(`${server2.url}examples/inline-host.html`), /ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
    // The app itself still opens offline, at the folder and as index.html (in a new tab:
    // this one shows the browser's error page).
    const app = await context.newPage();
    await app.goto(server2.url);
    await app.waitForSelector('.aims-app h1');
    await app.goto(`${server2.url}index.html?mode=quick`);
    await app.waitForSelector('.aims-quick-question');
    await context.setOffline(false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server2.close();
  }
});

test('the single-file offline copy opens from disk and works with no request at all', async () => {
  const { copyFile, mkdtemp: mk } = await import('node:fs/promises');
  const disk = await mk(join(tmpdir(), 'aims-disk-'));
  const file = join(disk, 'aims-readiness-offline.html');
  await copyFile(join(DIST, 'aims-readiness-offline.html'), file);
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`);
  await page.waitForSelector('h1');
  assert.equal(await page.textContent('h1'), 'Your assessments');
  assert.equal(await page.locator('a:has-text("Use it offline")').count(), 0, 'the copy does not offer itself');
  await page.fill('#aims-new-name', 'Air-gapped review');
  await startAssessment(page);
  await page.locator('.aims-item[data-item="4.1"] input[value="3"]').check();
  await page.reload();
  await page.waitForSelector('.aims-item[data-item="4.1"]');
  assert.equal(await page.locator('.aims-item[data-item="4.1"] input[value="3"]').isChecked(), true, 'kept across a reload from disk');
  await page.locator('.aims-tab', { hasText: 'Results' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export JSON")')]);
  const exported = join(disk, download.suggestedFilename());
  await download.saveAs(exported);
  const doc = JSON.parse(await readFile(exported, 'utf8'));
  assert.equal(doc.assessment.items['4.1'].maturity, 3);
  assert.match(doc.generator, /^aims-readiness \d+\.\d+\.\d+$/, 'the export names the version that wrote it');
  // The on-demand modules ride along too, read from the copy's inline blocks: OSCAL, and
  // an encrypted export.
  const [oscal] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export OSCAL")')]);
  assert.match(oscal.suggestedFilename(), /oscal.*\.json$/);
  await page.click('button:has-text("Export encrypted…")');
  await page.fill('#aims-seal-pass', 'violet tractor puzzle ember 7');
  await page.fill('#aims-seal-again', 'violet tractor puzzle ember 7');
  const [sealed] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('.aims-seal button[type=submit]')]);
  assert.match(sealed.suggestedFilename(), /\.json\.age$/);
  const sealedPath = join(disk, sealed.suggestedFilename());
  await sealed.saveAs(sealedPath);
  await page.locator('.aims-tab', { hasText: 'Assessments' }).click();
  await page.setInputFiles('input[type=file]', exported);
  await page.click('button:has-text("Keep both")');
  await page.waitForFunction(() => document.querySelectorAll('.aims-card').length === 2);
  // And the encrypted one opens there too.
  await page.setInputFiles('input[type=file]', sealedPath);
  await page.fill('#aims-open-pass', 'violet tractor puzzle ember 7');
  await page.click('.aims-seal button[type=submit]');
  await page.click('button:has-text("Keep both")', { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('.aims-card').length === 3);
  await screenshot(page, 'offline-package-phone');
  // The guide is inlined in the copy: it opens without any request.
  await page.locator('.aims-tab', { hasText: 'Guide' }).click();
  await page.waitForSelector('.aims-guide h1');
  await page.click('.aims-subtab:has-text("Glossary")');
  await page.waitForSelector('.aims-glossary');
  // So are German and French: switching needs no request either.
  await page.click('#aims-lang-fr');
  await page.waitForSelector('.aims-app[lang=fr] .aims-glossary');
  await page.click('#aims-lang-de');
  await page.waitForSelector('.aims-app[lang=de] .aims-glossary');
  // The quick check's build rides along too: from the tab, through to the result and
  // back into the full app with the answers carried over.
  await page.locator('.aims-tab', { hasText: 'Schnellcheck' }).click();
  await page.waitForSelector('.aims-app[lang=de] .aims-quick-question');
  assert.equal(await page.locator('style[data-aims-styles]').count(), 1);
  assert.notEqual(await page.locator('.aims-option').first().evaluate((el) => getComputedStyle(el).borderTopStyle), 'none', 'styled');
  for (let i = 0; i < 15; i++) {
    await page.locator('.aims-option').nth(1).click();
    await page.locator('button[type=submit]').click();
  }
  await page.waitForSelector('.aims-band');
  await page.click('button:has-text("Mit der vollständigen Bewertung fortfahren")');
  await page.waitForSelector('.aims-item');
  assert.ok(await page.locator('.aims-tag--estimate').count() >= 3, 'the answers carried over as estimates');
  const elsewhere = requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(elsewhere, [], 'no request at all');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the app offers the offline copy on its own page', async () => {
  const page = await chrome.browser.newPage();
  await page.goto(server.url);
  const link = page.locator('a:has-text("Use it offline")');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), 'aims-readiness-offline.html');
  const response = await page.request.get(`${server.url}aims-readiness-offline.html`);
  assert.equal(response.status(), 200, 'the release build has it beside the page');
  await page.close();
});
