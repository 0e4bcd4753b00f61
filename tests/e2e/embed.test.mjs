// The two embeddings a vendor uses: an iframe on another origin (postMessage to the
// configured origin only) and an inline mount in a shadow root on a hostile page
// (a DOM CustomEvent). Nothing is sent before "Share", and never an answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, screenshot, hasHorizontalScroll, DIST, watchErrors } from './harness.mjs';

let app, host, chrome;
before(async () => {
  app = await serve(DIST); // the widget's origin
  host = await serve(DIST); // the vendor portal's origin (another port = another origin), its pages in examples/
  chrome = await launch();
});
after(async () => { await chrome?.close(); await app?.close(); await host?.close(); });

const SUMMARY_KEYS = ['band', 'low_confidence', 'percent', 'top_areas', 'type', 'version'];
const ANSWER_WORDS = /"(yes|partly|no|not_sure)"/;

function checkSummary(payload) {
  assert.deepEqual(Object.keys(payload).sort(), SUMMARY_KEYS, 'only the documented summary fields');
  assert.equal(payload.type, 'aims-readiness/quick-summary');
  assert.equal(payload.version, 1);
  assert.equal(typeof payload.percent, 'number');
  assert.equal(payload.top_areas.length, 3);
  for (const area of payload.top_areas) assert.deepEqual(Object.keys(area).sort(), ['id', 'items', 'topic']);
  assert.doesNotMatch(JSON.stringify(payload), ANSWER_WORDS, 'no individual answers');
}

/** Clicks through the 15 questions inside `scope` (a frame or the page's widget). */
async function finishQuickCheck(scope, choose = (i) => (i % 3 === 0 ? 'Yes, and we can show it' : 'Partly')) {
  for (let i = 0; i < 15; i++) {
    await scope.locator('.aims-option', { hasText: choose(i) }).first().click();
    await scope.locator('button[type=submit]').click();
  }
  await scope.locator('.aims-band').waitFor();
}

test('iframe: summary goes by postMessage to the configured origin, only after Share', async () => {
  const page = await chrome.browser.newPage({ viewport: { width: 520, height: 900 } });
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${host.url}examples/iframe-host.html?app=${encodeURIComponent(app.url)}`);
  const frame = page.frameLocator('#aims-frame');
  await frame.locator('.aims-quick-question').waitFor();
  assert.equal(await frame.locator('.aims-tabs').count(), 0, 'quick-only embed shows no app tabs');
  assert.equal(await frame.locator('.aims-app[data-theme=dark]').count(), 1, 'theme option applied');
  const accent = await frame.locator('.aims-app').evaluate((el) => getComputedStyle(el).getPropertyValue('--aims-accent').trim());
  assert.equal(accent, '#ffa94d', 'accent option applied');
  const scroll = await frame.locator('html').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  assert.equal(scroll, false, 'no sideways scroll in a 400×600 iframe');
  await finishQuickCheck(frame);
  await screenshot(page, 'embed-iframe-result');
  assert.deepEqual(await page.evaluate(() => window.received), [], 'nothing posted before Share');
  assert.equal(await frame.locator('a.aims-btn', { hasText: 'Talk to Acme' }).getAttribute('href'), '/contact');
  await frame.locator('button', { hasText: 'Share this summary' }).click();
  await page.waitForFunction(() => window.received.length === 1);
  const [payload] = await page.evaluate(() => window.received);
  checkSummary(payload);
  // 5 × yes + 10 × partly = 20 of 30 points.
  assert.equal(payload.band, 'most_elements_in_place');
  assert.equal(payload.percent, 66.7);
  assert.deepEqual(errors, []);
  await page.close();
});

test('iframe: a different configured origin receives the summary, this page does not', async () => {
  const page = await chrome.browser.newPage();
  await page.goto(`${host.url}examples/iframe-host.html?app=${encodeURIComponent(app.url)}&share-origin=${encodeURIComponent('https://portal.example.com')}`);
  const frame = page.frameLocator('#aims-frame');
  await frame.locator('.aims-quick-question').waitFor();
  await finishQuickCheck(frame);
  await frame.locator('button', { hasText: 'Share this summary' }).click();
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.received), [], 'postMessage targets only the configured origin');
  await page.close();
});

test('iframe: without share-origin there is no share button and nothing is sent', async () => {
  const page = await chrome.browser.newPage();
  await page.goto(`${app.url}?mode=quick`);
  await page.locator('.aims-quick-question').waitFor();
  await finishQuickCheck(page);
  assert.equal(await page.locator('button', { hasText: 'Share this summary' }).count(), 0);
  await page.close();
});

test('inline: shadow root on a hostile page, CustomEvent only after Share, namespaced storage', async () => {
  const page = await chrome.browser.newPage({ viewport: { width: 320, height: 800 } });
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${host.url}examples/inline-host.html?ns=vendor-one`);
  const widget = page.locator('#aims-widget');
  await widget.locator('.aims-quick-question').waitFor();
  // The host's CSS (red Comic Sans 22px, yellow backgrounds, hidden buttons) does not reach in.
  const style = await widget.locator('.aims-quick-question').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, font: s.fontFamily, transform: s.textTransform, background: s.backgroundColor, display: s.display };
  });
  assert.notEqual(style.color, 'rgb(204, 0, 0)');
  assert.doesNotMatch(style.font, /Comic/);
  assert.equal(style.transform, 'none');
  assert.equal(style.display, 'block');
  const button = await widget.locator('button[type=submit]').evaluate((el) => getComputedStyle(el).visibility);
  assert.equal(button, 'visible');
  const radius = await widget.locator('.aims-option').first().evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
  assert.equal(radius, '6px', 'host theming through --aims-radius reaches the widget');
  // And the widget's styles do not leak out into the host page.
  const hostHeader = await page.locator('#portal-header p').evaluate((el) => getComputedStyle(el).color);
  assert.equal(hostHeader, 'rgb(204, 0, 0)');
  assert.equal(await hasHorizontalScroll(page), false, 'no sideways scroll at 320 px');
  await screenshot(page, 'embed-inline-question-320');

  await finishQuickCheck(widget);
  assert.deepEqual(await page.evaluate(() => window.received), [], 'nothing dispatched before Share');
  await widget.locator('button', { hasText: 'Share this summary' }).click();
  await page.waitForFunction(() => window.received.length === 1);
  checkSummary((await page.evaluate(() => window.received))[0]);
  await screenshot(page, 'embed-inline-result-320');

  // Another vendor namespace on the same origin starts empty; the first keeps its answers.
  await page.goto(`${host.url}examples/inline-host.html?ns=vendor-two`);
  await widget.locator('.aims-quick-question').waitFor();
  assert.match(await widget.locator('.aims-quick .aims-muted').first().textContent(), /^Question 1 of 15$/);
  await page.goto(`${host.url}examples/inline-host.html?ns=vendor-one`);
  await widget.locator('.aims-band').waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('aims.')).sort());
  assert.deepEqual(keys, ['aims.vendor-one.v1.quick']);
  // The quick entry carries its three languages: German needs no request.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await widget.locator('#aims-lang-de').click();
  await widget.locator('.aims-app[lang=de] .aims-band').waitFor();
  assert.deepEqual(requests, [], 'switching the quick check\'s language asks for nothing');
  // "Continue" puts the full app in the same place, in German, its language file from
  // the widget's folder (the `assets` option), wherever the app is deployed.
  const languageFile = page.waitForResponse((r) => r.url().endsWith('/i18n/de.json'));
  await widget.locator('[data-act=continue]').click();
  const response = await languageFile;
  assert.equal(response.url(), `${host.url}i18n/de.json`);
  assert.equal(response.status(), 200);
  await widget.locator('.aims-app[lang=de] .aims-item').first().waitFor();
  assert.ok(await widget.locator('.aims-tag--estimate').count() >= 3, 'the answers carried over as estimates');
  assert.equal(await widget.locator('.aims-quick-question').count(), 0, 'the quick entry is gone');
  assert.deepEqual(errors, []);
  await page.close();
});

test('iframe: the deployer\'s aims-embed.json decides which host origins may receive a share', async () => {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(join(tmpdir(), 'aims-policy-'));
  const widget = await serve(dir, DIST); // the widget's origin, with the policy beside it
  try {
    for (const [listed, expectShare] of [[['https://portal.example.com'], false], [[host.origin], true]]) {
      await writeFile(join(dir, 'aims-embed.json'), JSON.stringify({ share_origins: listed }));
      const page = await chrome.browser.newPage({ viewport: { width: 520, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(`${host.url}examples/iframe-host.html?app=${encodeURIComponent(widget.url)}`);
      const frame = page.frameLocator('#aims-frame');
      await frame.locator('.aims-quick-question').waitFor();
      await finishQuickCheck(frame);
      const shareButtons = await frame.locator('button', { hasText: 'Share this summary' }).count();
      assert.equal(shareButtons, expectShare ? 1 : 0, `policy ${listed}: share button ${expectShare ? 'shown' : 'hidden'}`);
      if (expectShare) {
        await frame.locator('button', { hasText: 'Share this summary' }).click();
        await page.waitForFunction(() => window.received.length === 1);
      } else {
        await page.waitForTimeout(200);
        assert.deepEqual(await page.evaluate(() => window.received), [], 'nothing sent to a host the policy does not list');
      }
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    await widget.close();
  }
});
