// Languages: English needs no language file; German and French are fetched
// only when chosen (or preferred by the browser); switching mid-assessment keeps the
// route and every answer; a vendor can fix the language; exports stay language-neutral;
// every screen is screenshotted in German and French at phone width (German strings are
// long) and checked for sideways scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot, hasHorizontalScroll, VIEWPORTS, watchErrors, recordRequests, openFixture } from './harness.mjs';

let server, chrome, tmp;
before(async () => { server = await serve(); chrome = await launch(); tmp = await mkdtemp(join(tmpdir(), 'aims-i18n-')); });
after(async () => { await chrome?.close(); await server?.close(); });

const languageFiles = (urls) => urls.filter((u) => /\/(i18n|guide)\/[a-z]{2}\.json$/.test(u));

async function exportText(page) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('.aims-results button:has-text("JSON")')]);
  const path = join(tmp, `${Date.now()}.json`);
  await d.saveAs(path);
  return readFile(path, 'utf8');
}

test('English first load fetches no language file; switching mid-assessment keeps the route and the answers', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const urls = recordRequests(page);
  const id = await openFixture(page, server.url);
  assert.deepEqual(languageFiles(urls), [], 'no language file for an English visitor');
  assert.equal(await page.getAttribute('.aims-app', 'lang'), 'en');
  // Answer an item, go to it, then switch to German.
  await page.goto(`${server.url}#/a/${id}/assess/A.6.2.4`);
  await page.locator('.aims-item[data-item="A.6.2.4"] input[value="4"]').check();
  const english = await exportText(await (async () => { await page.goto(`${server.url}#/a/${id}/results`); await page.waitForSelector('.aims-results'); return page; })());
  await page.goto(`${server.url}#/a/${id}/assess/A.6.2.4`);
  await page.waitForSelector('.aims-item[data-item="A.6.2.4"]');
  const hash = await page.evaluate(() => location.hash);
  await page.click('#aims-lang-de');
  await page.waitForSelector('.aims-app[lang=de]');
  assert.equal(await page.evaluate(() => location.hash), hash, 'the route stays');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'aims-lang-de', 'focus back on the pressed button');
  assert.equal(await page.locator('.aims-item[data-item="A.6.2.4"] input[value="4"]').isChecked(), true, 'the answer stays');
  assert.match(await page.textContent('.aims-tabs'), /Bewertung|Auswertung|Ergebnisse/);
  assert.deepEqual(languageFiles(urls).map((u) => new URL(u).pathname), ['/i18n/de.json']);
  // The item's own texts are German too, and its id and official title stay.
  assert.match(await page.textContent('.aims-item[data-item="A.6.2.4"] .aims-item-title'), /A\.6\.2\.4 AI system verification and validation/);
  // French, then back to German without a second download; reload keeps the choice.
  await page.click('#aims-lang-fr');
  await page.waitForSelector('.aims-app[lang=fr]');
  await page.click('#aims-lang-de');
  await page.waitForSelector('.aims-app[lang=de]');
  assert.equal(languageFiles(urls).filter((u) => u.endsWith('/i18n/de.json')).length, 1, 'German fetched once');
  await page.reload();
  await page.waitForSelector('.aims-app[lang=de] .aims-item[data-item="A.6.2.4"]');
  // Exports stay language-neutral: the same file as in English.
  await page.goto(`${server.url}#/a/${id}/results`);
  await page.waitForSelector('.aims-results');
  assert.equal(await exportText(page), english, 'export in German = export in English');
  // Numbers follow the language: a decimal comma, a no-break space before %; plurals by
  // Intl.PluralRules.
  assert.match(await page.textContent('.aims-stat-value'), /^\d+(,\d)?\u00a0%$/);
  await page.goto(`${server.url}#/a/${id}/plan`);
  await page.waitForSelector('.aims-plan');
  assert.match(await page.textContent('.aims-plan .aims-lead'), /^\d+ Aufgaben:/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser that prefers German starts in German; a vendor can fix French', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone, locale: 'de-DE' });
  const page = await context.newPage();
  const urls = recordRequests(page);
  await page.goto(server.url);
  await page.waitForSelector('.aims-app[lang=de] h1');
  assert.deepEqual(languageFiles(urls).map((u) => new URL(u).pathname), ['/i18n/de.json']);
  await page.close();
  const fixed = await context.newPage();
  await fixed.goto(`${server.url}?lang=fr&mode=quick`);
  await fixed.waitForSelector('.aims-app[lang=fr] .aims-quick-question');
  assert.equal(await fixed.locator('.aims-lang').count(), 0, 'no language menu when the vendor fixed it');
  await context.close();
});

for (const lang of ['de', 'fr']) {
  test(`every screen in ${lang} at phone width: no sideways scroll, screenshots`, async () => {
    const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone, locale: lang });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const id = await openFixture(page, server.url);
    await page.waitForSelector(`.aims-app[lang=${lang}] .aims-item`);
    const screens = ['', 'quick', `a/${id}/profile`, `a/${id}/assess`, `a/${id}/documents`, `a/${id}/results`,
      `a/${id}/soa`, `a/${id}/plan`, `a/${id}/report`, `a/${id}/crosswalks`, `a/${id}/compare`,
      'guide/about', 'guide/frameworks', 'guide/certification', 'guide/clauses', 'guide/glossary'];
    for (const s of screens) {
      await page.goto(`${server.url}#/${s}`);
      await page.waitForSelector('main h1');
      await page.waitForTimeout(50);
      assert.equal(await hasHorizontalScroll(page), false, `${lang} ${s || 'home'} scrolls sideways`);
      await screenshot(page, `${lang}-${(s || 'home').replace(`a/${id}/`, '').replaceAll('/', '-')}-phone`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
