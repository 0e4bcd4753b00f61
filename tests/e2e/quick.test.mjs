// The quick readiness check as a first-time visitor, keyboard only, then into the full
// assessment with the answers carried over as estimates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, axeSerious, hasHorizontalScroll, VIEWPORTS, startAssessment, watchErrors, answerWithKeyboard } from './harness.mjs';

let server, chrome;
before(async () => { server = await serve(); chrome = await launch(); });
after(async () => { await chrome?.close(); await server?.close(); });

test('a visitor finishes the quick check with the keyboard and continues into the full assessment', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${server.url}?mode=quick`);
  await page.waitForSelector('.aims-quick-question');
  assert.match(await page.textContent('.aims-quick .aims-muted'), /^Question 1 of 15$/);
  assert.deepEqual(await axeSerious(page), [], 'quick question screen');
  await screenshot(page, 'quick-question-desktop');

  // Yes (0 arrows) for the 3 foundations, Partly (1) for most, No (2) and Not sure (3) for some.
  const plan = [0, 1, 0, 1, 0, 2, 1, 1, 3, 1, 2, 1, 1, 0, 1];
  for (const [i, steps] of plan.entries()) {
    assert.match(await page.textContent('.aims-quick .aims-muted'), new RegExp(`^Question ${i + 1} of 15$`));
    await answerWithKeyboard(page, steps);
  }
  await page.waitForSelector('.aims-band');
  // Points: yes ×4 = 8, partly ×8 = 8, no ×2 = 0, not sure ×1 = 0 → 16 of 30 = 53.3 %.
  assert.equal(await page.textContent('.aims-band-value'), 'Foundations in progress');
  assert.match(await page.textContent('.aims-band-pct'), /^53\.3 % \(16 of 30 points/);
  assert.match(await page.textContent('.aims-band-label'), /Indicative/);
  assert.match(await page.textContent('.aims-quick'), /not an audit/);
  const focus = await page.locator('.aims-focus > li').count();
  assert.equal(focus, 3, 'three areas to work on first');
  assert.match(await page.locator('.aims-focus-topic').first().textContent(), /Risk treatment|Data|Information/);
  assert.equal(await page.locator('button:has-text("Share this summary")').count(), 0, 'no share button without a configured target');
  assert.deepEqual(await axeSerious(page), [], 'quick result screen');
  await screenshot(page, 'quick-result-desktop');

  // Reload: the answers are kept, the result is still there.
  await page.reload();
  await page.waitForSelector('.aims-band');
  assert.match(await page.textContent('.aims-band-pct'), /^53\.3 %/);

  // Continue: a full assessment opens with estimates on the mapped items.
  await page.keyboard.press('Tab');
  await page.locator('button:has-text("Continue with the full assessment")').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.aims-item');
  const estimates = await page.locator('.aims-tag--estimate').count();
  assert.ok(estimates >= 3, `context items carry estimates (${estimates})`);
  // q02 (context: 4.1, 4.2) was "Partly" → level 2 estimate, confirmable.
  const first = page.locator('.aims-item').first();
  assert.equal(await first.locator('input[type=radio]:checked').getAttribute('value'), '2');
  await first.locator('button:has-text("Confirm this estimate")').click();
  await page.waitForFunction(() => !document.querySelector('.aims-item')?.querySelector('.aims-tag--estimate'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the quick check fits a 320 px screen', async () => {
  const context = await chrome.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?mode=quick`);
  await page.waitForSelector('.aims-quick-question');
  assert.equal(await hasHorizontalScroll(page), false);
  await screenshot(page, 'quick-question-320');
  await context.close();
});

test('the dark theme passes the same accessibility scan', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${server.url}?mode=quick`);
  await page.waitForSelector('.aims-quick-question');
  assert.equal(await page.locator('.aims-app[data-theme=auto]').count(), 1, 'follows the system setting by default');
  assert.deepEqual(await axeSerious(page), [], 'dark quick question');
  await page.locator('.aims-option').first().click();
  assert.deepEqual(await axeSerious(page), [], 'dark, with an answer chosen');
  await page.goto(`${server.url}?theme=dark&accent=%23ffa94d`);
  await page.waitForSelector('h1');
  await page.fill('#aims-new-name', 'Dark');
  await startAssessment(page);
  await page.locator('.aims-item').first().locator('input[value="3"]').check();
  assert.deepEqual(await axeSerious(page), [], 'dark assess with a light accent');
  await page.locator('.aims-tab', { hasText: 'Results' }).click();
  assert.deepEqual(await axeSerious(page), [], 'dark results');
  await screenshot(page, 'results-dark-desktop');
  await context.close();
});
