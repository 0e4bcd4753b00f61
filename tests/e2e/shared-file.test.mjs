// Working together through a shared file (File System Access API): two colleagues,
// each in a browser context of their own (separate storage, as two computers), keep one
// assessment in one file on disk. The browser's file pickers are dialogs of the
// operating system that no test can click, so each context's picker is replaced by one
// that hands out the same file on disk; everything after the picker (writing after each
// change, noticing a colleague's save, merging item by item, conflicts) is the app's
// own code against a real file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, VIEWPORTS, watchErrors, startAssessment, axeSerious, screenshot } from './harness.mjs';

let server, chrome, dir;
before(async () => {
  server = await serve();
  chrome = await launch();
  dir = await mkdtemp(join(tmpdir(), 'aims-shared-'));
});
after(async () => { await chrome?.close(); await server?.close(); });

const FILE = 'team-review.json';

/**
 * A colleague's browser: its pickers hand out `path`. `gate.closed` makes reading the
 * file wait until `gate.open()`, to hold one side's check while the other saves.
 */
async function colleague(path) {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const gate = {
    waiting: null,
    release: null,
    close() { this.waiting = new Promise((resolve) => { this.release = resolve; }); },
    open() { this.release?.(); this.waiting = null; },
  };
  await context.exposeBinding('aimsSharedRead', async () => {
    await gate.waiting;
    const text = await readFile(path, 'utf8').catch(() => '');
    return { text, modified: sharedModified };
  });
  await context.exposeBinding('aimsSharedWrite', async (_, text) => {
    await writeFile(path, text);
    // File times in milliseconds, always moving on (two saves in one millisecond
    // would otherwise look like none).
    sharedModified = Math.max(sharedModified + 1, Date.now());
  });
  await context.addInitScript((name) => {
    const handle = {
      name,
      async getFile() {
        const { text, modified } = await window.aimsSharedRead();
        return new File([text], name, { type: 'application/json', lastModified: modified });
      },
      async createWritable() {
        let data = '';
        return { async write(text) { data += text; }, async close() { await window.aimsSharedWrite(data); } };
      },
    };
    window.showSaveFilePicker = async () => handle;
    window.showOpenFilePicker = async () => [handle];
  }, FILE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { context, page, errors, gate };
}
let sharedModified = 0;

const onDisk = async (path) => JSON.parse(await readFile(path, 'utf8'));
const level = (doc, id) => doc.assessment.items[id]?.maturity;
async function waitForDisk(path, check, what) {
  for (let i = 0; i < 100; i++) {
    const doc = await onDisk(path).catch(() => null);
    if (doc && check(doc)) return doc;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the shared file never showed ${what}`);
}
const answer = (page, id, value) => page.locator(`.aims-item[data-item="${id}"] input[value="${value}"]`).check();
const tab = (page, name) => page.locator('.aims-tab').getByText(name, { exact: true }).click();

test('two colleagues keep one assessment in one file: saves, merges and a conflict', async () => {
  const path = join(dir, FILE);
  const a = await colleague(path);
  const b = await colleague(path);

  // A starts the assessment and keeps it in the shared file.
  await a.page.goto(server.url);
  await a.page.fill('#aims-new-name', 'Team review');
  await startAssessment(a.page);
  await answer(a.page, '4.1', 3);
  await tab(a.page, 'Results');
  await a.page.click('button:has-text("Keep in a shared file…")');
  await a.page.waitForSelector(`.aims-shared:has-text("Kept in ${FILE}")`);
  assert.deepEqual(await axeSerious(a.page), [], 'results with the shared-file panel');
  await screenshot(a.page, 'shared-file-kept-desktop');
  let doc = await waitForDisk(path, (d) => level(d, '4.1') === 3, '4.1 at level 3');
  assert.equal(doc.assessment.name, 'Team review');

  // B opens the same file in a browser of their own, and answers another item.
  await b.page.goto(server.url);
  await b.page.click('button:has-text("Open a shared file…")');
  await b.page.waitForSelector('.aims-item[data-item="4.1"]');
  assert.equal(await b.page.locator('.aims-item[data-item="4.1"] input[value="3"]').isChecked(), true);
  await answer(b.page, '4.2', 2);
  doc = await waitForDisk(path, (d) => level(d, '4.2') === 2, "B's 4.2 at level 2");
  assert.equal(level(doc, '4.1'), 3, "A's answer is still there");

  // A notices B's save and takes it in, without touching anything.
  await a.page.waitForSelector(`.aims-notice:has-text("Merged what was saved in ${FILE}: 4.2")`);
  await tab(a.page, 'Assess');
  assert.equal(await a.page.locator('.aims-item[data-item="4.2"] input[value="2"]').isChecked(), true);

  // Both change 4.3 at once: A's check is held while B saves, so A finds B's version
  // and its own unsaved change to the same field. A keeps its own and is told.
  a.gate.close();
  await answer(a.page, '4.3', 1);
  await answer(b.page, '4.3', 4);
  await waitForDisk(path, (d) => level(d, '4.3') === 4, "B's 4.3 at level 4");
  a.gate.open();
  const notice = a.page.locator('.aims-notice', { hasText: 'Changed on both sides, your version was kept' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /4\.3/);
  assert.equal(await a.page.locator('.aims-item[data-item="4.3"] input[value="1"]').isChecked(), true);
  // A's merged version goes into the file; B takes it in on its next check.
  doc = await waitForDisk(path, (d) => level(d, '4.3') === 1, "A's merged 4.3");
  assert.equal(level(doc, '4.2'), 2);
  await b.page.waitForFunction(() => document.querySelector('.aims-item[data-item="4.3"] input[value="1"]')?.checked);

  // A file that is not an assessment stops the sharing, and nothing is written over it.
  await writeFile(path, 'not an assessment');
  sharedModified += 1000;
  await a.page.waitForSelector(`.aims-notice:has-text("${FILE} can no longer be used")`);
  await answer(a.page, '4.4', 2);
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(await readFile(path, 'utf8'), 'not an assessment', 'nothing was written over it');

  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test('where the browser cannot keep files, the panel says so and offers export', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.phone });
  await context.addInitScript(() => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.equal(await page.locator('button:has-text("Open a shared file…")').count(), 0);
  await page.fill('#aims-new-name', 'Solo');
  await startAssessment(page);
  await tab(page, 'Results');
  const panel = page.locator('.aims-shared');
  assert.match(await panel.textContent(), /cannot keep an assessment in a file you choose.*Firefox and Safari cannot/);
  assert.equal(await panel.locator('button').count(), 0);
  assert.deepEqual(await axeSerious(page), []);
  await context.close();
});
