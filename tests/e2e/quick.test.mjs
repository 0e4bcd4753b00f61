// The quick readiness check as a first-time visitor, keyboard only, then into the full
// assessment with the answers carried over as estimates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, screenshot, axeSerious, hasHorizontalScroll, VIEWPORTS, startAssessment, watchErrors, answerWithKeyboard, ROOT } from './harness.mjs';

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

/** Every request the page makes, by path inside the app's folder. */
function requestedFiles(page, base) {
  const files = [];
  page.on('request', (r) => files.push(new URL(r.url()).pathname.slice(new URL(base).pathname.length)));
  return files;
}

for (const [entry, path] of [['quick.html', 'quick.html'], ['index.html?mode=quick', '?mode=quick']]) {
  test(`the quick entry (${entry}) loads the small build alone, and the full app only on "Continue"`, async () => {
    const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const files = requestedFiles(page, server.url);
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('.aims-quick-question');
    assert.ok(files.includes('aims-quick_bg.wasm'), files.join(', '));
    for (let i = 0; i < 15; i++) {
      await page.locator('.aims-option', { hasText: i < 5 ? 'Yes, and we can show it' : 'Partly' }).first().click();
      await page.locator('button[type=submit]').click();
    }
    await page.waitForSelector('.aims-band');
    assert.equal(await page.textContent('.aims-band-value'), 'Most elements in place');
    assert.match(await page.textContent('.aims-band-pct'), /^66\.7 % \(20 of 30 points/);
    assert.deepEqual(await axeSerious(page), [], 'quick entry result, phone');
    await screenshot(page, `quick-entry-result-phone-${entry.replace(/\W+/g, '-')}`);
    assert.deepEqual(files.filter((f) => f.startsWith('aims-readiness')), [], 'nothing of the full app before "Continue"');
    await page.click('button:has-text("Continue with the full assessment")');
    await page.waitForSelector('.aims-item');
    assert.ok(files.includes('aims-readiness_bg.wasm'), 'the full app loads on "Continue"');
    assert.ok(await page.locator('.aims-tag--estimate').count() >= 3, 'the answers carried over as estimates');
    assert.match(page.url(), /#\/a\/[^/]+\/assess$/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the quick entry speaks the visitor\'s language and switches with no request', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'de-DE' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}quick.html`);
  await page.waitForSelector('.aims-app[lang=de] .aims-quick-question');
  assert.match(await page.textContent('.aims-quick .aims-muted'), /^Frage 1 von 15$/);
  await screenshot(page, 'quick-entry-question-de-desktop');
  const files = requestedFiles(page, server.url);
  await page.click('#aims-lang-fr');
  await page.waitForSelector('.aims-app[lang=fr] .aims-quick-question');
  assert.equal(await page.getAttribute('#aims-lang-fr', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'aims-lang-fr', 'focus stays on the language chosen');
  assert.deepEqual(files, [], 'the quick entry carries its three languages');
  // The choice is kept for the full app too.
  assert.equal(await page.evaluate(() => localStorage.getItem('aims.default.v1.lang')), 'fr');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Holds the quick build's wasm back until the returned function is called. */
async function holdQuickBuild(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/aims-quick_bg.wasm', async (route) => { await gate; await route.continue(); });
  return release;
}

test('quick.html shows its first question before the build arrives, and keeps an answer given then', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  let release = await holdQuickBuild(page);
  await page.goto(`${server.url}quick.html`, { waitUntil: 'commit' });
  await page.waitForSelector('[data-aims-pre] .aims-quick-question');
  assert.match(await page.textContent('.aims-quick .aims-muted'), /^Question 1 of 15$/);
  assert.equal(await page.isVisible('[data-aims-wait]'), false, 'no "Loading…" beside the question');
  assert.equal(await page.isEnabled('[data-aims-pre] input[value=partly]'), true);
  assert.equal(await page.isDisabled('[data-aims-pre] button[type=submit]'), true, 'Next waits for the build');
  assert.deepEqual(await axeSerious(page), [], 'the pre-rendered first screen');
  const before = await page.innerHTML('[data-aims-pre]');
  release();
  await page.waitForSelector('[data-aims-pre]', { state: 'detached' });
  assert.equal(await page.innerHTML('#aims-root'), before, 'the build renders exactly the pre-rendered screen');

  // An answer given before the build arrives is kept, with the focus on it.
  await page.evaluate(() => localStorage.clear());
  release = await holdQuickBuild(page);
  await page.goto(`${server.url}quick.html`, { waitUntil: 'commit' });
  await page.locator('[data-aims-pre] .aims-option', { hasText: 'Partly' }).click();
  release();
  await page.waitForSelector('[data-aims-pre]', { state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.value === 'partly');
  assert.equal(await page.isChecked('input[value=partly]'), true);
  assert.match(await page.evaluate(() => localStorage.getItem('aims.default.v1.quick')), /"q01":"partly"/);
  await page.locator('button[type=submit]').click();
  assert.match(await page.textContent('.aims-quick .aims-muted'), /^Question 2 of 15$/);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [who, options, setUp] of [
  ['a German browser', { locale: 'de-DE' }, null],
  ['a language chosen before', { locale: 'en-US' }, () => localStorage.setItem('aims.default.v1.lang', 'fr')],
  ['answers kept from a visit before', { locale: 'en-US' }, () => localStorage.setItem('aims.default.v1.quick', '{"answers":{"q01":"yes"}}')],
  ['options in the address', { locale: 'en-US', query: '?theme=dark' }, null],
]) {
  test(`quick.html shows no English first question to ${who}: it waits for the build`, async () => {
    const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone, locale: options.locale });
    const page = await context.newPage();
    if (setUp) {
      await page.goto(`${server.url}quick.html`);
      await page.waitForSelector('[data-aims-pre]', { state: 'detached' });
      await page.evaluate(setUp);
    }
    const release = await holdQuickBuild(page);
    await page.goto(`${server.url}quick.html${options.query ?? ''}`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-aims-wait]', { state: 'visible' });
    assert.equal(await page.isVisible('.aims-quick-question'), false, 'the pre-rendered question is hidden');
    // "Loading…" in the language the check will speak.
    const waiting = { 'a German browser': 'Der Schnellcheck wird geladen…', 'a language chosen before': 'Chargement du diagnostic rapide…' }[who] ?? 'Loading the quick check…';
    assert.equal(await page.locator('[data-aims-wait]').innerText(), waiting);
    release();
    await page.waitForSelector('.aims-app .aims-quick-question:visible, .aims-band');
    const lang = await page.getAttribute('.aims-app', 'lang');
    assert.equal(lang, { 'a German browser': 'de', 'a language chosen before': 'fr' }[who] ?? 'en');
    if (who.startsWith('answers')) assert.match(await page.textContent('.aims-quick .aims-muted'), /^Question 2 of 15$/);
    await context.close();
  });
}

test('the quick entry\'s part of the stylesheet draws every screen exactly as the whole sheet does', async () => {
  const whole = await readFile(join(ROOT, 'assets/styles.css'), 'utf8');
  for (const [viewport, options] of [[VIEWPORTS.desktop, { locale: 'en-US' }], [VIEWPORTS.phone, { locale: 'de-DE', colorScheme: 'dark' }]]) {
    const context = await chrome.browser.newContext({ viewport, ...options });
    const page = await context.newPage();
    await page.goto(`${server.url}quick.html`);
    await page.waitForSelector('[data-aims-pre]', { state: 'detached' });
    // The whole sheet as an adopted sheet (the page's policy allows only its own inline
    // style), swapped in for the page's part and back.
    await page.evaluate((css) => { window.wholeSheet = new CSSStyleSheet(); window.wholeSheet.replaceSync(css); }, whole);
    const useWhole = (on) => page.evaluate((on) => {
      document.querySelector('style[data-aims-styles]').sheet.disabled = on;
      document.adoptedStyleSheets = on ? [window.wholeSheet] : [];
    }, on);
    const compare = async (screen) => {
      const part = await page.textContent('style[data-aims-styles]');
      assert.ok(part.length < whole.length / 2, 'the page carries a part of the sheet');
      const drawn = await page.screenshot({ fullPage: true, animations: 'disabled' });
      await useWhole(true);
      const wholeDrawn = await page.screenshot({ fullPage: true, animations: 'disabled' });
      await useWhole(false);
      assert.ok(drawn.equals(wholeDrawn), `${screen} at ${viewport.width} px differs with the whole stylesheet`);
    };
    await compare('the first question');
    for (let i = 0; i < 15; i++) {
      await page.locator('.aims-option').nth(i % 4).click();
      if (i === 0) await compare('a question answered');
      await page.locator('button[type=submit]').click();
    }
    await page.waitForSelector('.aims-band');
    await compare('the result');
    await context.close();
  }
});
