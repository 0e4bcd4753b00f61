// The release build loads, renders the product, and talks to no host but its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, recordRequests, screenshot, VIEWPORTS, watchErrors } from './harness.mjs';

let server, chrome;
before(async () => { server = await serve(); chrome = await launch(); });
after(async () => { await chrome?.close(); await server?.close(); });

test('the page renders the product title and requests nothing off-origin', async () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await chrome.browser.newPage({ viewport });
    const urls = recordRequests(page);
    const errors = [];
    watchErrors(page, errors);
    await page.goto(server.url);
    // On a phone the header keeps the logo on screen and the product's name for screen
    // readers only (docs: the one-row header).
    await page.waitForSelector(name === 'phone' ? '.aims-logo' : '.aims-brand-name', { timeout: 15000 });
    assert.equal(await page.textContent('.aims-brand-name'), 'AIMS Readiness');
    assert.match(await page.locator('.aims-top').ariaSnapshot(), /AIMS Readiness/, 'the name is in the accessibility tree');
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

test('the Content-Security-Policy is in force: the app runs under it, injected code does not', async () => {
  const page = await chrome.browser.newPage();
  const errors = watchErrors(page);
  const violations = [];
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await page.waitForSelector('h1');
  const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  for (const directive of ["default-src 'none'", "'wasm-unsafe-eval'", "connect-src 'self'", "form-action 'none'", "base-uri 'none'", "object-src 'none'"]) {
    assert.ok(policy.includes(directive), `${directive} in ${policy}`);
  }
  assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/, 'no inline scripts but the hashed loader');
  // The widget's styles apply (adopted, not an inline <style>).
  assert.equal(await page.locator('.aims-brand-name').evaluate((el) => getComputedStyle(el).fontWeight), '700');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'the app itself violates nothing');
  // Something injected is refused.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.head.append(s);
    const img = document.createElement('img');
    img.src = 'https://tracker.example/pixel.gif';
    document.body.append(img);
  });
  await page.waitForFunction(() => window.cspViolations.length >= 2, null, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => window.injected), undefined, 'the injected script did not run');
  violations.push(...await page.evaluate(() => window.cspViolations));
  assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join(', '));
  assert.ok(violations.some((v) => v.startsWith('img-src')), violations.join(', '));
  errors.length = 0; // the two refusals above were expected
  await page.close();
});
