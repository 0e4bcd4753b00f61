// Reports: the Statement of Applicability, the action plan, OSCAL, the
// printable readiness report as a PDF, crosswalks both ways, and comparing/merging a
// colleague's file, used as a person would, at desktop and phone width. The CSV and
// OSCAL the browser downloads must be byte-identical to what `aims-score` prints for
// the same export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot, axeSerious, hasHorizontalScroll, VIEWPORTS, watchErrors, openFixture, waitForStored, ROOT, ARTIFACTS } from './harness.mjs';

const FIXTURE = join(ROOT, 'tests/fixtures/assessment-v2.json');
const SCORER = join(ROOT, 'target/debug/aims-score');
const PYTHON = join(ROOT, '.tools/venv/bin/python');
let server, chrome, tmp;
before(async () => { server = await serve(); chrome = await launch(); tmp = await mkdtemp(join(tmpdir(), 'aims-reports-')); });
after(async () => { await chrome?.close(); await server?.close(); });

/** Clicks `button` and returns the downloaded file's bytes and name. */
async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(tmp, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  return { path, bytes: await readFile(path), name: d.suggestedFilename() };
}

const scorer = (...args) => execFileSync(SCORER, args);

/** A fresh page with the fixture imported and opened; returns the page and the id. */
async function opened(viewport = VIEWPORTS.desktop) {
  const context = await chrome.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const id = await openFixture(page, server.url);
  const go = async (screen) => {
    await page.goto(`${server.url}#/a/${id}/${screen}`);
    await page.waitForSelector('.aims-subtabs');
  };
  return { context, page, errors, id, go };
}

test('Statement of Applicability: defects, a reason in one click, CSV identical to aims-score', async () => {
  const { context, page, errors, go } = await opened();
  await go('soa');
  const summary = await page.textContent('.aims-soa-summary');
  assert.match(summary, /^44 defects/);
  const a22 = page.locator('.aims-soa-table tbody tr', { hasText: 'A.2.2' });
  assert.equal(await a22.getAttribute('data-defect'), 'true');
  await a22.locator('button:has-text("Use the risk-treatment reason")').click();
  await page.waitForFunction(() => document.querySelector('.aims-soa-summary').textContent.startsWith('43 defects'));
  assert.equal(await a22.getAttribute('data-defect'), 'false');
  assert.match(await a22.textContent(), /risk treatment, 6\.1\.3/);
  // The excluded-without-justification control stays highlighted with its defect.
  assert.match(await page.locator('.aims-soa-table tbody tr', { hasText: 'A.10.3' }).textContent(), /Excluded without a justification/);
  // Title block: prepared by and scope are saved with the assessment.
  await page.fill('#aims-soa-by', 'Jana Novak, AI governance lead');
  await page.press('#aims-soa-by', 'Tab');
  await page.fill('#aims-soa-scope', 'Customer-support chatbot and fraud scoring, EU operations');
  await page.press('#aims-soa-scope', 'Tab');
  // The approval: who, when, which version.
  await page.fill('#aims-soa-approver', 'Dr. Lena Vogt, Managing Director');
  await page.press('#aims-soa-approver', 'Tab');
  await page.fill('#aims-soa-approved', '2026-11-20');
  await page.press('#aims-soa-approved', 'Tab');
  await page.fill('#aims-soa-version', '1.2');
  await page.press('#aims-soa-version', 'Tab');
  await waitForStored(page, '"version":"1.2"');
  await page.reload();
  await page.waitForSelector('#aims-soa-by');
  assert.equal(await page.inputValue('#aims-soa-by'), 'Jana Novak, AI governance lead');
  assert.equal(await page.inputValue('#aims-soa-approver'), 'Dr. Lena Vogt, Managing Director');
  assert.equal(await page.inputValue('#aims-soa-approved'), '2026-11-20');
  assert.equal(await page.inputValue('#aims-soa-version'), '1.2');

  const csv = await download(page, 'button:has-text("Download CSV")');
  assert.match(csv.name, /\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  // The same export through the native scorer gives the same bytes.
  await go('results');
  const exported = await download(page, 'button:has-text("Export JSON")');
  assert.ok(scorer('soa', exported.path, '--format', 'csv').equals(csv.bytes), 'browser CSV = aims-score soa CSV');
  const soaJson = JSON.parse(scorer('soa', exported.path).toString());
  assert.deepEqual(soaJson.approval, { approver: 'Dr. Lena Vogt, Managing Director', approved: '2026-11-20', version: '1.2' });
  const oscal = await download(page, 'button:has-text("Export OSCAL")');
  assert.ok(scorer('oscal', exported.path).equals(oscal.bytes), 'browser OSCAL = aims-score oscal');
  // A real OSCAL implementation (compliance-trestle) accepts it.
  const oscalPath = join(tmp, 'browser-oscal.json');
  await writeFile(oscalPath, oscal.bytes);
  execFileSync(PYTHON, [join(ROOT, 'tests/oscal/validate.py'), oscalPath]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('action plan: owner and due date edited inline, overdue flagged, CSV identical to aims-score', async () => {
  const { context, page, errors, go } = await opened();
  await go('plan');
  assert.match(await page.textContent('.aims-lead'), /tasks: \d+ before Stage 1, \d+ before Stage 2/);
  // Tasks about the whole management system (its scope) come first, without an item.
  assert.match(await page.locator('.aims-plan-group').first().textContent(), /^The management system as a whole/);
  assert.match(await page.locator('.aims-plan-task').first().textContent(), /State the scope of the AI management system/);
  const first = page.locator('.aims-plan-task', { has: page.locator('input[id$=-owner]') }).first();
  const title = await first.locator('.aims-link').textContent();
  await first.locator('input[id$=-owner]').fill('Sam Berger');
  await first.locator('input[id$=-owner]').press('Tab');
  await first.locator('input[type=date]').fill('2020-01-31');
  await first.locator('input[type=date]').press('Tab');
  await page.waitForSelector('.aims-plan-task[data-overdue=true]');
  assert.match(await page.locator('.aims-plan-task[data-overdue=true]').first().textContent(), /Overdue/);
  // Grouping by control objective splits A.6 into A.6.1 and A.6.2.
  await page.click('label:has-text("Control objective")');
  await page.waitForSelector('section[aria-label^="A.6.2 "]');
  assert.equal(await page.locator('section[aria-label^="A.6 "]').count(), 0);
  // The link goes to the item.
  await page.locator('.aims-plan-task .aims-link', { hasText: title }).first().click();
  await page.waitForSelector('.aims-item');
  await go('plan');
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  const csv = await download(page, 'button:has-text("Download CSV")');
  assert.match(csv.bytes.toString('utf8'), /Sam Berger,2020-01-31,Yes/);
  await go('results');
  const exported = await download(page, 'button:has-text("Export JSON")');
  assert.ok(scorer('plan', exported.path, '--format', 'csv', '--today', today).equals(csv.bytes), 'browser CSV = aims-score plan CSV');
  assert.deepEqual(errors, []);
  await context.close();
});

test('CISO Assistant: the two CSVs the app downloads are the ones aims-score prints', async () => {
  const { context, page, errors, go } = await opened();
  await go('results');
  const exported = await download(page, 'button:has-text("Export JSON")');
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  // One press, two files: the assessment and the action plan.
  const files = [];
  page.on('download', (d) => files.push(d));
  await page.click('button:has-text("Export for CISO Assistant")');
  for (let i = 0; i < 50 && files.length < 2; i++) await page.waitForTimeout(100);
  assert.equal(files.length, 2, 'two downloads');
  const read = async (d) => { const path = join(tmp, `${Date.now()}-${d.suggestedFilename()}`); await d.saveAs(path); return { name: d.suggestedFilename(), bytes: await readFile(path) }; };
  const [audit, plan] = await Promise.all(files.map(read));
  assert.match(audit.name, /ciso-assistant-audit.*\.csv$/);
  assert.match(plan.name, /ciso-assistant-plan.*\.csv$/);
  assert.ok(scorer('ciso-assistant', exported.path).equals(audit.bytes), 'browser audit CSV = aims-score ciso-assistant');
  assert.ok(scorer('ciso-assistant', exported.path, '--plan', '--today', today).equals(plan.bytes), 'browser plan CSV = aims-score ciso-assistant --plan');
  assert.equal(audit.bytes.toString('utf8').split('\r\n').filter(Boolean).length, 68, 'a header and 67 requirements');
  assert.deepEqual(errors, []);
  await context.close();
});

test('audit pack: the zip the app downloads is the one aims-score writes; it imports again, and a hostile one is refused', async () => {
  const { context, page, errors, go } = await opened();
  await go('results');
  const exported = await download(page, 'button:has-text("Export JSON")');
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  const pack = await download(page, 'button:has-text("Export audit pack (.zip)")');
  assert.match(pack.name, /audit-pack.*\.zip$/);
  const native = join(tmp, 'native-pack.zip');
  scorer('pack', exported.path, '-o', native, '--today', today);
  assert.ok((await readFile(native)).equals(pack.bytes), 'browser pack = aims-score pack, byte for byte');
  assert.match(scorer('verify-pack', pack.path).toString(), /^ok: /);
  // Encrypted: the export form offers the pack beside the assessment.
  await page.click('button:has-text("Export encrypted…")');
  await page.check('#aims-seal-pack');
  await page.fill('#aims-seal-pass', 'correct horse battery staple pack');
  await page.fill('#aims-seal-again', 'correct horse battery staple pack');
  const sealedPack = await download(page, '.aims-seal button[type=submit]');
  assert.match(sealedPack.name, /audit-pack.*\.zip\.age$/);
  const packPass = join(tmp, 'sealed-pack-pass.txt');
  await writeFile(packPass, 'correct horse battery staple pack\n');
  assert.match(scorer('verify-pack', sealedPack.path, '--passphrase-file', packPass).toString(), /^ok: /);
  // In a fresh browser: the pack imports as the assessment it holds.
  const fresh = await chrome.browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(server.url);
  await other.setInputFiles('input[type=file]', pack.path);
  await other.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
  await other.locator('.aims-card a').first().click();
  await other.waitForSelector('.aims-item');
  await other.click('.aims-tab:has-text("Results")');
  const again = await download(other, 'button:has-text("Export JSON")');
  assert.ok(again.bytes.equals(exported.bytes), 'the imported pack exports as the original, byte for byte');
  // A pack that names a file outside itself: refused with the reason, nothing added.
  const hostile = join(tmp, 'hostile.zip');
  execFileSync(PYTHON, ['-c', `import zipfile,sys
src=zipfile.ZipFile(sys.argv[1]); dst=zipfile.ZipFile(sys.argv[2],'w')
for i in src.infolist(): dst.writestr(i.filename, src.read(i.filename))
dst.writestr('../evil.txt', 'x'); dst.close()`, pack.path, hostile]);
  await other.goto(server.url);
  await other.setInputFiles('input[type=file]', hostile);
  await other.waitForSelector('text=/outside its own folders/', { timeout: 15000 });
  assert.equal(await other.locator('.aims-cards .aims-card').count(), 1, 'nothing added');
  assert.deepEqual(otherErrors, []);
  await fresh.close();
  // An encrypted pack (aims-score encrypt): its passphrase, then the pack's checks.
  const passFile = join(tmp, 'pack-pass.txt');
  await writeFile(passFile, 'correct horse battery staple pack\n');
  const sealed = join(tmp, 'pack.zip.age');
  scorer('encrypt', pack.path, '-o', sealed, '--passphrase-file', passFile);
  const third = await chrome.browser.newContext();
  const page3 = await third.newPage();
  await page3.goto(server.url);
  await page3.setInputFiles('input[type=file]', sealed);
  await page3.fill('#aims-open-pass', 'correct horse battery staple pack');
  await page3.press('#aims-open-pass', 'Enter');
  await page3.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
  await third.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('readiness report prints to a PDF with every section, on a sensible number of pages', async () => {
  const { context, page, errors, go } = await opened();
  await go('report');
  await page.emulateMedia({ media: 'print' });
  const pdf = join(tmp, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  assert.ok(pages >= 6 && pages <= 20, `page count ${pages}`);
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  for (const heading of ['AI management system readiness: Example Analytics GmbH', 'Summary',
    'What stands between you and each audit stage', 'Top gaps', 'Statement of Applicability',
    'Mandatory documents']) {
    assert.ok(text.includes(heading), `PDF has "${heading}"`);
  }
  // The headline as the results screen shows it.
  assert.match(text, /\d+ of \d+ requirements conform today/);
  // No navigation in print.
  assert.ok(!text.includes('Quick check'), 'no navigation chrome in the PDF');
  assert.ok(!text.includes('Download CSV'), 'no buttons in the PDF');
  // Pages as images, to look at (tests/e2e/artifacts/report-page-N.png).
  await mkdir(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', pdf, join(ARTIFACTS, 'report-page')]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('crosswalks both ways: from an article or function back to items, judgement marked', async () => {
  const { context, page, errors, go } = await opened();
  await go('crosswalks');
  await page.selectOption('#aims-cw-ref', 'Art. 9');
  await page.waitForSelector('.aims-crosswalks td:has-text("Our judgement")');
  assert.match(await page.textContent('.aims-crosswalks .aims-stat'), /Over \d+ in-scope items/);
  const rows = await page.locator('.aims-crosswalks tbody tr').count();
  assert.ok(rows >= 3, `items covering Art. 9: ${rows}`);
  await page.click('label:has-text("NIST AI RMF")');
  await page.selectOption('#aims-cw-ref', 'GOVERN 1');
  await page.waitForSelector('.aims-crosswalks td:has-text("Published crosswalk")');
  assert.ok(await page.locator('.aims-crosswalks tbody tr', { hasText: '4.1 ' }).count() === 1, '4.1 covers GOVERN 1.1');
  await page.click('label:has-text("ISO/IEC 27001")');
  await page.selectOption('#aims-cw-ref', '9.2.1');
  await page.waitForSelector('.aims-crosswalks td:has-text("Same clause")');
  // An item's link opens it in the assessment (the app's router, so embeds follow too).
  await page.click('.aims-crosswalks a[data-item="9.2.1"]');
  await page.waitForSelector('.aims-item[data-item="9.2.1"]');
  assert.match(page.url(), /\/assess\/9\.2\.1$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file with registers: checked by the reports module, kept, exported and packed unchanged', async () => {
  const REGISTERS = join(ROOT, 'tests/fixtures/assessment-v3-registers.json');
  const context = await chrome.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(server.url);
  await page.waitForSelector('.aims-drop');
  await page.setInputFiles('input[type=file]', REGISTERS);
  await page.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
  assert.ok(asked.includes('aims-reports_bg.wasm'), 'the module read the registers');
  await page.locator('.aims-card a').first().click();
  await page.waitForSelector('.aims-item');
  await page.click('.aims-tab:has-text("Results")');
  const original = await readFile(REGISTERS);
  const exported = await download(page, 'button:has-text("Export JSON")');
  assert.ok(exported.bytes.equals(original), 'exported byte for byte as imported');
  // Saved with them: after a reload, the same again.
  await page.reload();
  await page.waitForSelector('.aims-subtabs');
  const again = await download(page, 'button:has-text("Export JSON")');
  assert.ok(again.bytes.equals(original), 'kept in the browser with its registers');
  // The audit pack carries them, and aims-score verifies it.
  const pack = await download(page, 'button:has-text("Export audit pack (.zip)")');
  assert.match(scorer('verify-pack', pack.path).toString(), /^ok: /);
  const inside = execFileSync(PYTHON, ['-c', "import zipfile,sys; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('assessment.json'))", pack.path]);
  assert.ok(inside.equals(original), 'the pack holds the assessment with its registers');
  // A register the module refuses: the reason with its path, nothing added.
  const broken = JSON.parse(original.toString());
  broken.assessment.id = 'another-assessment';
  broken.assessment.risks[0].likelihood = 9;
  const brokenPath = join(tmp, 'broken-registers.json');
  await writeFile(brokenPath, JSON.stringify(broken));
  await page.goto(server.url);
  await page.setInputFiles('input[type=file]', brokenPath);
  await page.waitForSelector('text=/could not be read/', { timeout: 15000 });
  assert.match(await page.textContent('main'), /assessment\.risks\[0\]\.likelihood: 9 is not a whole number from 1 to 5/);
  assert.equal(await page.locator('.aims-cards .aims-card').count(), 1, 'nothing added');
  assert.deepEqual(errors, []);
  await context.close();
});

/** The colleague's copy of the fixture: A.6.2.4 raised to 4, one more document, 5.2 answered higher. */
async function colleagueFile() {
  const theirs = JSON.parse(await readFile(FIXTURE, 'utf8'));
  theirs.assessment.updated = '2026-12-15T09:00:00Z';
  theirs.assessment.items['A.6.2.4'].maturity = 4;
  theirs.assessment.items['A.6.2.4'].evidence = ['Validation report VR-7'];
  theirs.assessment.items['5.2'].maturity = 3;
  const missing = Object.entries(theirs.assessment.documents).find(([, v]) => !v)[0];
  theirs.assessment.documents[missing] = true;
  const file = join(tmp, 'colleague.json');
  await writeFile(file, JSON.stringify(theirs));
  return file;
}

test('compare with a colleague file: per-group deltas, item changes, merge item by item', async () => {
  const { context, page, errors, go } = await opened();
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname.split('/').pop()));
  const file = await colleagueFile();
  await go('compare');
  // The comparison is drawn by the reports module, loaded only once there is one to show.
  assert.ok(!asked.some((f) => f.startsWith('aims-reports')), 'not loaded before it is needed');
  await page.setInputFiles('#aims-compare-file', file);
  await page.waitForSelector('.aims-merge');
  assert.ok(asked.includes('aims-reports_bg.wasm'));
  assert.match(await page.textContent('.aims-compare'), /2 up, 0 down/);
  assert.match(await page.textContent('.aims-compare'), /1 gained, 0 lost/);
  assert.match(await page.textContent('.aims-compare-overall'), /\+\d/);
  assert.match(await page.textContent('#aims-merge-title'), /3 differences/);
  await screenshot(page, 'compare-merge-desktop');
  // Nothing changed yet; take theirs for A.6.2.4, take it back, and take it again.
  const row = page.locator('.aims-merge-row', { hasText: 'A.6.2.4' });
  await row.locator('button:has-text("Take theirs")').click();
  await row.locator('button:has-text("Keep mine")').click();
  await row.locator('button:has-text("Take theirs")').click();
  await row.locator('button:has-text("Keep mine")').waitFor();
  // The document row takes theirs too, by keyboard.
  const doc = page.locator('.aims-merge-row[data-taken=false] button[data-merge=document]');
  await doc.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.aims-merge-row[data-taken=true] button[data-merge=document]');
  await page.goto(page.url().replace('/compare', '/assess/A.6.2.4'));
  await page.waitForSelector('.aims-item[data-item="A.6.2.4"]');
  assert.equal(await page.locator('.aims-item[data-item="A.6.2.4"] input[value="4"]').isChecked(), true);
  // Their answer came with the evidence it rests on: their record, linked to A.6.2.4.
  assert.deepEqual(await page.locator('.aims-item[data-item="A.6.2.4"] .aims-evidence li span').allTextContents(), ['Validation report VR-7']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the comparison speaks German in a German browser', async () => {
  const context = await chrome.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const id = await openFixture(page, server.url);
  await page.goto(`${server.url}#/a/${id}/compare`);
  await page.waitForSelector('.aims-app[lang=de] .aims-subtabs');
  await page.setInputFiles('#aims-compare-file', await colleagueFile());
  await page.waitForSelector('.aims-merge');
  assert.match(await page.textContent('.aims-compare'), /2 höher, 0 niedriger/);
  assert.match(await page.textContent('#aims-merge-title'), /3 Unterschiede/);
  await page.setViewportSize(VIEWPORTS.phone);
  assert.equal(await hasHorizontalScroll(page), false, 'the comparison scrolls sideways at phone width');
  assert.deepEqual(await axeSerious(page), []);
  await screenshot(page, 'de-compare-merge-phone');
  assert.match(await page.textContent('.aims-compare-overall'), /\d,\d\u00a0%|\d\u00a0%/);
  assert.equal(await page.locator('.aims-merge-row button:has-text("Übernehmen")').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`report screens at ${name} width: no sideways scroll, no serious accessibility problem`, async () => {
    const { context, page, errors, go } = await opened(viewport);
    for (const screen of ['soa', 'plan', 'report', 'crosswalks', 'compare']) {
      await go(screen);
      assert.equal(await hasHorizontalScroll(page), false, `${screen} scrolls sideways at ${name}`);
      assert.deepEqual(await axeSerious(page), [], `${screen} at ${name}`);
      await screenshot(page, `${screen}-${name}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
