// Shared helpers for the end-to-end suite: a static server for the release build and
// a headless Chromium launched from Debian's package (no browser downloads here).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The folder the release build is served under: the root of an origin, or with
 * AIMS_E2E_BASE a sub-folder of a site as a vendor deploys it (`/widgets/aims/1.0.0/`).
 * scripts/test.sh runs the deployment-sensitive tests both ways.
 */
export const BASE = process.env.AIMS_E2E_BASE || '/';

/**
 * Serves folders (first match wins) on 127.0.0.1 with a random port: each one given as
 * a path is served under BASE, as the app's folder (DIST, or files put beside it); one
 * given as `{ dir, at }` under the folder `at` (`'/'`: the site's own pages). `url` is
 * the app's address (origin + BASE), `root` the origin's root.
 */
export async function serve(...dirs) {
  const roots = (dirs.length ? dirs : [DIST]).map((d) => (typeof d === 'string' ? { dir: d, at: BASE } : d));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const { dir, at } of roots) {
      if (!path.startsWith(at)) continue;
      const inside = '/' + path.slice(at.length);
      const rel = normalize(inside.endsWith('/') ? inside + 'index.html' : inside).replace(/^(\.\.[/\\])+/, '');
      try {
        const body = await readFile(join(dir, rel));
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] || 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch { /* try the next root */ }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${BASE}`, root: `${origin}/`, origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Debian Chromium (Playwright gives it a fresh temporary profile). */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: () => browser.close() };
}

/** Records every request a page makes, so a test can assert none leaves the origin. */
export function recordRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Saves a screenshot under tests/e2e/artifacts (git-ignored; kept as CI artifacts). */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The two widths every screen is checked at. */
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } };

const AXE_SOURCE = await readFile(join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (and open shadow roots); returns serious and critical violations. */
export async function axeSerious(page, context) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated through the DevTools protocol rather than added as a <script>: the
    // app's Content-Security-Policy (rightly) refuses inline scripts.
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx || document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, context);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Whether the page scrolls sideways (it must not, down to 320 px). */
export async function hasHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/**
 * Presses "Start assessment" on the home screen (name and organization filled in
 * before), then goes through the scope step to the items.
 */
export async function startAssessment(page) {
  await page.click('button:has-text("Start assessment")');
  await page.waitForSelector('.aims-profile');
  await page.click('.aims-profile-continue');
  await page.waitForSelector('.aims-item');
}

/**
 * Collects into `errors` every uncaught page error and every Content-Security-Policy
 * violation the page reports (the app's policy is in index.html; a violation means
 * something it loads or does is not its own), so a test's `errors` must stay empty.
 */
export function watchErrors(page, errors = []) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(`CSP: ${m.text()}`);
  });
  return errors;
}

/** Answers the current question with the keyboard: Tab into the options, arrows to pick, Enter. */
export async function answerWithKeyboard(page, steps) {
  await page.keyboard.press('Tab');
  // In a radio group with nothing chosen, Space picks the focused (first) option,
  // then each arrow press moves to and picks the next one.
  await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/**
 * Imports the frozen version-2 fixture (tests/fixtures/assessment-v2.json) on the home
 * screen at `url` and opens it, in any language; returns the assessment's id.
 */
export async function openFixture(page, url) {
  await page.goto(url);
  await page.setInputFiles('input[type=file]', join(ROOT, 'tests/fixtures/assessment-v2.json'));
  await page.locator('.aims-card a').first().click();
  await page.waitForSelector('.aims-item');
  return (await page.evaluate(() => location.hash)).split('/')[2];
}

/**
 * Every record the app keeps under `start`, as sorted `[key, value]` pairs:
 * localStorage's (the quick check's answers, the language) and the browser database's
 * (assessments, their index, the backup count: one IndexedDB database per namespace,
 * `services::records`).
 */
export async function storedEntries(page, start = 'aims.') {
  return page.evaluate(async (start) => {
    const entries = Object.entries(localStorage).filter(([k]) => k.startsWith(start));
    for (const { name } of await indexedDB.databases()) {
      if (!name.startsWith('aims.')) continue;
      const db = await new Promise((ok, ko) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = ko; });
      if (db.objectStoreNames.contains('records')) {
        const read = (what) => new Promise((ok, ko) => {
          const r = db.transaction('records').objectStore('records')[what]();
          r.onsuccess = () => ok(r.result);
          r.onerror = ko;
        });
        const [keys, values] = [await read('getAllKeys'), await read('getAll')];
        keys.forEach((k, i) => { if (k.startsWith(start)) entries.push([k, values[i]]); });
      }
      db.close();
    }
    return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }, start);
}

/** The keys of [`storedEntries`]. */
export async function storedKeys(page, start = 'aims.') {
  return (await storedEntries(page, start)).map(([k]) => k);
}

/**
 * Waits until a record the app keeps holds `text`: a test that reloads right after an
 * edit waits for the browser database to have it, as a person's reload comes long
 * after the write (which is asynchronous) has committed.
 */
export async function waitForStored(page, text, start = 'aims.') {
  for (let i = 0; i < 100; i++) {
    if ((await storedEntries(page, start)).some(([, v]) => String(v).includes(text))) return;
    await page.waitForTimeout(20);
  }
  throw new Error(`nothing stored holds ${JSON.stringify(text)}`);
}

/** Opens the passphrase lock's settings from the home screen of the app at `url`. */
export async function openLockSettings(page, url) {
  await page.goto(`${url}#/`);
  await page.click('button:has-text("Passphrase lock…")');
  await page.waitForSelector('.aims-lock');
}

/** Sets the passphrase lock with `passphrase` from the home screen of the app at `url`. */
export async function setLock(page, url, passphrase) {
  await openLockSettings(page, url);
  await page.fill('#aims-seal-pass', passphrase);
  await page.fill('#aims-seal-again', passphrase);
  await page.click('button:has-text("Set the lock")');
  await page.waitForSelector('text=The lock is set.', { timeout: 15000 });
}
