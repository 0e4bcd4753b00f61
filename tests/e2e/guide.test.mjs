// Guidance: reached from the quick-check result, from the home screen and
// from an item; glossary terms from where they appear; back returns; the guide is a
// separate file fetched on first open only, and it works offline after that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, axeSerious, hasHorizontalScroll, VIEWPORTS, watchErrors, recordRequests, startAssessment, answerWithKeyboard } from './harness.mjs';

let server, chrome;
before(async () => { server = await serve(); chrome = await launch(); });
after(async () => { await chrome?.close(); await server?.close(); });

test('guide from the quick-check result and from an item, back returns, at phone width', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const urls = recordRequests(page);
  await page.goto(`${server.url}?mode=quick`);
  await page.waitForSelector('.aims-quick-question');
  assert.ok(!urls.some((u) => u.includes('guide/')), 'the guide is not part of the first load');
  for (let i = 0; i < 15; i++) await answerWithKeyboard(page, 1);
  await page.waitForSelector('.aims-band');
  await page.click('text=What does this mean?');
  await page.waitForSelector('.aims-guide h1');
  assert.equal(await page.textContent('.aims-guide h1'), 'What ISO/IEC 42001 is about');
  assert.ok(urls.some((u) => u.endsWith('/guide/en.json')), 'the guide was fetched on first open');
  assert.equal(await hasHorizontalScroll(page), false);
  assert.deepEqual(await axeSerious(page), [], 'about page');
  await screenshot(page, 'guide-about-phone');
  // A glossary link inside the text, then back.
  await page.locator('.aims-guide .aims-glossary-link').first().click();
  await page.waitForSelector('.aims-glossary');
  assert.match(await page.evaluate(() => location.hash), /^#\/guide\/glossary\//);
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.match(focused, /^aims-g-/, 'the term is focused');
  await page.goBack();
  await page.waitForSelector('.aims-guide h1');
  assert.equal(await page.textContent('.aims-guide h1'), 'What ISO/IEC 42001 is about');
  await page.goBack();
  await page.waitForSelector('.aims-band');

  // Frameworks: the comparison table and the items each framework maps to.
  await page.goto(`${server.url}#/guide/frameworks`);
  await page.waitForSelector('.aims-comparison');
  assert.ok(await page.locator('#aims-g-eu-ai-act .aims-guide-articles li').count() >= 8);
  assert.match(await page.textContent('#aims-g-eu-ai-act'), /as of|As of/);
  assert.equal(await hasHorizontalScroll(page), false);
  assert.deepEqual(await axeSerious(page), [], 'frameworks page');
  await screenshot(page, 'guide-frameworks-phone');
  await page.goto(`${server.url}#/guide/certification`);
  await page.waitForSelector('#aims-g-stage-1-audit');
  await screenshot(page, 'guide-certification-phone');
  assert.equal(await hasHorizontalScroll(page), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('from an item to its group explainer and from a level legend to the glossary (offline: offline.test.mjs)', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.fill('#aims-new-name', 'Guide check');
  await startAssessment(page);
  const card = page.locator('.aims-item').first();
  await card.locator('summary').click();
  await card.locator('text=What clause or group 4 is about').click();
  await page.waitForSelector('#aims-g-4');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'aims-g-4');
  // Items in the explainer link back to the open assessment.
  await page.locator('#aims-g-4 .aims-guide-items a').first().click();
  await page.waitForSelector('.aims-item');
  await page.goBack();
  await page.waitForSelector('#aims-g-4');
  await page.goBack();
  await page.waitForSelector('.aims-item');
  await page.locator('.aims-item').first().locator('.aims-term-link').first().click();
  await page.waitForSelector('#aims-g-maturity-level');
  await screenshot(page, 'guide-glossary-desktop');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown guide page or anchor says not found or shows the page', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  await page.goto(`${server.url}#/guide/no-such-page`);
  await page.waitForSelector('.aims-missing');
  // An anchor with selector characters is cleaned, not run: the page still shows.
  await page.goto(`${server.url}#/guide/glossary/%22%5D%3Balert(1)`);
  await page.waitForSelector('.aims-glossary');
  await context.close();
});
