// The single-file offline package in Firefox ESR (Debian's), opened from disk: it renders,
// a person can start an assessment, and Results says that Firefox cannot keep it in a
// shared file. Driven over WebDriver BiDi with puppeteer-core
// (no browser download; the executable is Debian's). It keeps an evidence file there too
// (IndexedDB and WebCrypto from file://).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ARTIFACTS, DIST, ROOT } from './harness.mjs';

/**
 * Opens the offline package in a fresh Firefox, runs `use(page)` there, then checks that
 * the page reported no error.
 */
async function inFirefox(use) {
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX_BIN || '/usr/bin/firefox-esr',
    headless: true, protocol: 'webDriverBiDi',
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`file://${join(DIST, 'aims-readiness-offline.html')}`);
    await page.waitForSelector('.aims-brand-name', { timeout: 20000 });
    await use(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
}

test('the offline package renders and works in Firefox ESR from file://', () => inFirefox(async (page) => {
  assert.equal(await page.evaluate(() => document.querySelector('h1')?.textContent), 'Your assessments');
  await page.type('#aims-new-name', 'Firefox review');
  await page.click('button[type=submit]');
  await page.waitForSelector('.aims-profile', { timeout: 10000 });
  await page.click('.aims-profile-continue');
  await page.waitForSelector('.aims-item', { timeout: 10000 });
  // Firefox cannot keep an assessment in a file the person chooses: Results says so.
  await page.evaluate(() => [...document.querySelectorAll('.aims-tab')].find((t) => t.textContent === 'Results').click());
  await page.waitForSelector('.aims-shared', { timeout: 10000 });
  const shared = await page.evaluate(() => document.querySelector('.aims-shared').textContent);
  assert.match(shared, /cannot keep an assessment in a file you choose/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('.aims-shared button').length), 0);
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'offline-package-firefox.png') });
}));

test('the offline package keeps an evidence file in Firefox ESR from file://', () => inFirefox(async (page) => {
  await (await page.$('input[type=file]')).uploadFile(join(ROOT, 'tests/fixtures/assessment-v3-registers.json'));
  await page.waitForSelector('.aims-cards .aims-card', { timeout: 20000 });
  const id = await page.evaluate(() => document.querySelector('.aims-card a').getAttribute('href').split('/')[2]);
  await page.evaluate((id) => { location.hash = `#/a/${id}/evidence`; }, id);
  await page.waitForSelector('input[data-action=attach]', { timeout: 20000 });
  await (await page.$('input[data-action=attach]')).uploadFile(join(ROOT, 'README.md'));
  await page.waitForFunction(() => document.querySelectorAll('button[data-action=open_file]').length === 2, { timeout: 20000 });
  const body = await page.evaluate(() => document.querySelector('.aims-registers-body').textContent);
  assert.match(body, /“README\.md” \(\d+ KB\) is kept in this browser with “Interview with the support lead”/);
}));
