// Addresses, as a person uses them: reload keeps the screen (and the item), back and
// forward move between screens and items opened by navigation, a link to one item opens
// it focused in a fresh tab, unknown addresses give the not-found screen, and the two
// in-page embeds never touch the host page's address or history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, hasHorizontalScroll, axeSerious, DIST, VIEWPORTS, startAssessment, watchErrors } from './harness.mjs';

let server, host, chrome;
before(async () => {
  server = await serve();
  host = await serve(DIST); // the example host pages are in examples/
  chrome = await launch();
});
after(async () => { await chrome?.close(); await server?.close(); await host?.close(); });

const hash = (page) => page.evaluate(() => location.hash);
const h1 = (page) => page.locator('h1').first().textContent();
const focusedItem = (page) => page.evaluate(() => document.activeElement?.closest('.aims-item')?.dataset.item ?? null);
const tab = (page, name) => page.locator('.aims-tab', { hasText: name });
/** Waits until the address is `want` (routes change after the click's task). */
async function at(page, want) {
  await page.waitForFunction((w) => (w instanceof RegExp ? false : location.hash === w), want, { timeout: 5000 }).catch(() => {});
  return hash(page);
}

async function newAssessment(context, name) {
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.goto(server.url);
  await page.fill('#aims-new-name', name);
  await startAssessment(page);
  const id = (await hash(page)).match(/^#\/a\/([^/]+)\/assess$/)?.[1];
  assert.ok(id, `a new assessment has its address (got ${await hash(page)})`);
  return { page, errors, id };
}

test('reload keeps every screen, and the item in view on Assess', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const { page, errors, id } = await newAssessment(context, 'Reload check');
  // Working on an item puts it in the address (replaced, not pushed).
  const length = await page.evaluate(() => history.length);
  await page.click('.aims-item[data-item="4.3"] input[value="2"]');
  assert.equal(await at(page, `#/a/${id}/assess/4.3`), `#/a/${id}/assess/4.3`);
  await page.keyboard.press('n');
  assert.equal(await at(page, `#/a/${id}/assess/4.4`), `#/a/${id}/assess/4.4`);
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  assert.equal(await at(page, `#/a/${id}/assess/4.2`), `#/a/${id}/assess/4.2`);
  assert.equal(await page.evaluate(() => history.length), length, 'moving between items adds no history entries');
  await page.reload();
  await page.waitForSelector('.aims-item');
  assert.equal(await focusedItem(page), '4.2', 'the item is focused again after reload');
  assert.equal(await page.locator('.aims-item[data-item="4.3"] input[value="2"]').isChecked(), true);
  for (const [name, title] of [['Scope', 'Scope and AI roles'], ['Documents', 'Mandatory documents'], ['Results', 'Results'], ['Assessments', 'Your assessments']]) {
    await tab(page, name).click();
    await page.waitForSelector('h1');
    const before = await hash(page);
    await page.reload();
    await page.waitForSelector('h1');
    assert.equal(await hash(page), before, `${name}: same address after reload`);
    assert.equal(await h1(page), title, `${name}: same screen after reload`);
  }
  // The quick check is a build of its own, at its own address: the page loads again
  // with it, and again after a reload; back returns to the full app's screen.
  await tab(page, 'Quick check').click();
  await page.waitForSelector('.aims-quick-question');
  assert.equal(await hash(page), '#/quick');
  await page.reload();
  await page.waitForSelector('.aims-quick-question');
  assert.equal(await hash(page), '#/quick', 'quick check: same address after reload');
  await page.goBack();
  await page.waitForSelector('h1:has-text("Your assessments")');
  assert.deepEqual(errors, []);
  await context.close();
});

test('back and forward move between screens and navigator jumps, and never leave the app', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const { page, errors, id } = await newAssessment(context, 'History check');
  await page.click('.aims-nav-group:has-text("A.6.2")');
  assert.equal(await at(page, `#/a/${id}/assess/A.6.2.2`), `#/a/${id}/assess/A.6.2.2`);
  await page.click('.aims-item[data-item="A.6.2.4"] input[value="1"]');
  assert.equal(await at(page, `#/a/${id}/assess/A.6.2.4`), `#/a/${id}/assess/A.6.2.4`);
  await tab(page, 'Results').click();
  assert.equal(await at(page, `#/a/${id}/results`), `#/a/${id}/results`);
  await page.goBack();
  assert.equal(await at(page, `#/a/${id}/assess/A.6.2.4`), `#/a/${id}/assess/A.6.2.4`);
  await page.waitForSelector('.aims-item[data-item="A.6.2.4"]');
  await page.waitForFunction(() => document.activeElement?.closest('.aims-item')?.dataset.item === 'A.6.2.4', null, { timeout: 5000 }).catch(() => {});
  assert.equal(await focusedItem(page), 'A.6.2.4', 'back brings the item back into view, focused');
  await page.goBack();
  assert.equal(await at(page, `#/a/${id}/assess`), `#/a/${id}/assess`);
  await page.waitForSelector('.aims-item[data-item="4.1"]');
  assert.match(await page.locator('h2.aims-h2').first().textContent(), /^4 Context/);
  await page.goBack();
  assert.equal(await at(page, `#/a/${id}/profile`), `#/a/${id}/profile`, 'the scope step came first');
  await page.waitForSelector('.aims-profile');
  await page.goBack();
  assert.equal(await at(page, '#/'), '#/');
  assert.equal(await h1(page), 'Your assessments', 'back from the assessment is the home screen, still in the app');
  await page.goForward();
  await page.goForward();
  assert.equal(await at(page, `#/a/${id}/assess`), `#/a/${id}/assess`);
  await page.waitForSelector('.aims-item');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link to one item opens it focused in a fresh tab; unknown addresses say what is missing', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone });
  const { page: first, errors, id } = await newAssessment(context, 'Deep link check');
  await first.close();
  const page = await context.newPage();
  watchErrors(page, errors);
  await page.goto(`${server.url}#/a/${id}/assess/A.6.2.4`);
  await page.waitForSelector('.aims-item[data-item="A.6.2.4"]');
  await page.waitForFunction(() => document.activeElement?.closest('.aims-item')?.dataset.item === 'A.6.2.4', null, { timeout: 5000 }).catch(() => {});
  assert.equal(await focusedItem(page), 'A.6.2.4');
  const inView = await page.locator('.aims-item[data-item="A.6.2.4"]').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });
  assert.ok(inView, 'the item is scrolled into view');
  assert.equal(await hasHorizontalScroll(page), false);
  await screenshot(page, 'deep-link-phone');

  for (const [address, says] of [
    ['#/a/no-such-assessment/results', /No assessment with the id “no-such-assessment”/],
    [`#/a/${id}/assess/A.2.9`, /no clause requirement or Annex A control with the id “A\.2\.9”/],
    ['#/no/such/page', /no page at this address/],
    ['#results', /no page at this address/],
  ]) {
    await page.goto(`${server.url}${address}`);
    await page.waitForSelector('.aims-missing');
    assert.equal(await h1(page), 'Not found', address);
    assert.match(await page.locator('.aims-lead').textContent(), says, address);
    assert.equal(await hasHorizontalScroll(page), false);
  }
  await screenshot(page, 'not-found-phone');
  await page.click('a:has-text("Go to your assessments")');
  await page.waitForSelector('.aims-card');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Runs the whole quick check inside `scope`, then continues into a full assessment and visits its tabs. */
async function quickCheckAndOn(scope) {
  for (let i = 0; i < 15; i++) {
    await scope.locator('.aims-option', { hasText: 'Partly' }).first().click();
    await scope.locator('button[type=submit]').click();
  }
  await scope.locator('.aims-band').waitFor();
  await scope.locator('button', { hasText: 'Share this summary' }).click();
  await scope.locator('button', { hasText: 'Continue with the full assessment' }).click();
  await scope.locator('.aims-item').first().waitFor();
  await scope.locator('.aims-item').first().locator('input[value="2"]').click();
  await scope.locator('.aims-tab', { hasText: 'Results' }).click();
  await scope.locator('.aims-verdict').waitFor();
  await scope.locator('.aims-tab', { hasText: 'Assessments' }).click();
  await scope.locator('.aims-card').first().waitFor();
}

for (const [kind, pageName] of [['inline mount()', 'inline-host.html'], ['custom element', 'element-host.html']]) {
  test(`${kind}: the host page's address and history stay as they were`, async () => {
    const page = await chrome.browser.newPage({ viewport: { width: 900, height: 900 } });
    const errors = [];
    watchErrors(page, errors);
    await page.goto(`${host.url}examples/${pageName}`);
    const widget = page.locator('#aims-widget');
    await widget.locator('.aims-quick-question').waitFor();
    const before = await page.evaluate(() => ({ href: location.href, length: history.length }));
    await quickCheckAndOn(widget);
    const afterwards = await page.evaluate(() => ({ href: location.href, length: history.length }));
    assert.deepEqual(afterwards, before);
    const workers = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    assert.equal(workers, 0, 'no service worker on the host page (it is the host\'s origin)');
    assert.equal((await page.evaluate(() => window.received)).length, 1, 'the share event reached the host');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('custom element: hostile CSS at 320 px, share event, attribute changes, removal', async () => {
  const page = await chrome.browser.newPage({ viewport: { width: 320, height: 800 } });
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${host.url}examples/element-host.html`);
  const widget = page.locator('aims-readiness');
  await widget.locator('.aims-quick-question').waitFor();
  const style = await widget.locator('.aims-quick-question').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, font: s.fontFamily, transform: s.textTransform, display: s.display };
  });
  assert.notEqual(style.color, 'rgb(204, 0, 0)', 'the host colour does not reach in');
  assert.doesNotMatch(style.font, /Comic/);
  assert.equal(style.transform, 'none');
  assert.equal(style.display, 'block');
  assert.equal(await widget.locator('button[type=submit]').evaluate((el) => getComputedStyle(el).visibility), 'visible');
  assert.equal(await widget.locator('.aims-option').first().evaluate((el) => getComputedStyle(el).borderTopLeftRadius), '6px', '--aims-radius from the host');
  assert.equal(await widget.locator('.aims-app').evaluate((el) => getComputedStyle(el).getPropertyValue('--aims-accent').trim()), '#0b7285', 'accent attribute');
  assert.equal(await hasHorizontalScroll(page), false, 'no sideways scroll at 320 px');
  await screenshot(page, 'embed-element-question-320');

  for (let i = 0; i < 15; i++) {
    await widget.locator('.aims-option', { hasText: i % 3 === 0 ? 'Yes, and we can show it' : 'Partly' }).first().click();
    await widget.locator('button[type=submit]').click();
  }
  await widget.locator('.aims-band').waitFor();
  assert.deepEqual(await page.evaluate(() => window.received), [], 'nothing dispatched before Share');
  await widget.locator('button', { hasText: 'Share this summary' }).click();
  await page.waitForFunction(() => window.received.length === 1);
  const [payload] = await page.evaluate(() => window.received);
  assert.equal(payload.type, 'aims-readiness/quick-summary');
  assert.equal(payload.band, 'most_elements_in_place');
  assert.doesNotMatch(JSON.stringify(payload), /"(yes|partly|no|not_sure)"/, 'no individual answers');
  await screenshot(page, 'embed-element-result-320');

  // An attribute change re-renders with the new option; the answers stay.
  await page.evaluate(() => document.querySelector('aims-readiness').setAttribute('theme', 'dark'));
  await widget.locator('.aims-app[data-theme=dark]').waitFor();
  await widget.locator('.aims-band').waitFor();
  assert.equal(await widget.locator('.aims-app').count(), 1, 'one widget, not two');
  // The element's `language` attribute fixes the language (loaded from the element's
  // folder), hides the menu and keeps the answers; the HTML `lang` attribute does not.
  await page.evaluate(() => document.querySelector('aims-readiness').setAttribute('lang', 'fr'));
  await page.evaluate(() => document.querySelector('aims-readiness').setAttribute('language', 'de'));
  await widget.locator('.aims-app[lang=de] .aims-band').waitFor();
  assert.equal(await widget.locator('.aims-lang').count(), 0, 'no language menu when the host fixed it');
  await page.evaluate(() => document.querySelector('aims-readiness').removeAttribute('language'));
  await widget.locator('.aims-lang').waitFor();

  // Removed from the page, it cleans up; added again, it comes back.
  await page.evaluate(() => { window.kept = document.querySelector('aims-readiness'); window.kept.remove(); });
  await page.waitForFunction(() => window.kept.shadowRoot.childElementCount === 0, null, { timeout: 5000 });
  await page.evaluate(() => document.body.append(window.kept));
  await widget.locator('.aims-band').waitFor();
  assert.equal(await widget.locator('.aims-app').count(), 1);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('aims.')).sort());
  assert.deepEqual(keys, ['aims.acme-element.v1.quick'], 'namespaced storage');
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone the header is one row: the screens scroll sideways, the current one in view', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone });
  const { page, errors, id } = await newAssessment(context, 'Phone header');
  for (const screen of [`a/${id}/profile`, `a/${id}/results`, 'guide/about', `a/${id}/documents`]) {
    await page.goto(`${server.url}#/${screen}`);
    await page.waitForSelector('.aims-tab[aria-current]');
    await page.waitForTimeout(200);
    const top = await page.locator('.aims-top').boundingBox();
    assert.ok(top.height <= 90, `the header takes ${top.height} px`);
    const bar = await page.locator('.aims-tabs ul').boundingBox();
    const current = await page.locator('.aims-tabs .aims-tab[aria-current]').boundingBox();
    assert.ok(current.x >= bar.x - 1 && current.x + current.width <= bar.x + bar.width + 1, `the current screen's tab is in view (${screen})`);
    assert.equal(await hasHorizontalScroll(page), false);
  }
  // Languages as short codes on screen, their names for screen readers.
  assert.equal(await page.getByRole('button', { name: 'Deutsch' }).count(), 1);
  assert.deepEqual(await axeSerious(page, '.aims-top'), []);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.waitForSelector('.aims-app[lang=de] .aims-tab[aria-current]');
  await screenshot(page, 'header-phone-de');
  assert.deepEqual(errors, []);
  await context.close();
});
