// The release build loads, renders the product, and talks to no host but its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, recordRequests, screenshot, VIEWPORTS } from './harness.mjs';

let server, chrome;
before(async () => { server = await serve(); chrome = await launch(); });
after(async () => { await chrome?.close(); await server?.close(); });

test('the page renders the product title and requests nothing off-origin', async () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await chrome.browser.newPage({ viewport });
    const urls = recordRequests(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.waitForSelector('.aims-brand-name', { timeout: 15000 });
    assert.equal(await page.textContent('.aims-brand-name'), 'AIMS Readiness');
    assert.equal(await page.textContent('h1'), 'Your assessments');
    await page.waitForLoadState('networkidle');
    const foreign = urls.filter((u) => !u.startsWith(server.origin + '/') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'every request goes to the page\'s own origin');
    assert.ok(urls.some((u) => u.endsWith('.wasm')), 'the wasm module was loaded from the origin');
    assert.deepEqual(errors, []);
    await screenshot(page, `smoke-${name}`);
    await page.close();
  }
});
