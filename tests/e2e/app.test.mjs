// The full assessment, driven as a person would: mouse and keyboard, reload, export,
// delete with undo, import, a broken import; axe-core and screenshots on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot, axeSerious, hasHorizontalScroll, recordRequests, VIEWPORTS, startAssessment, watchErrors, storedKeys, storedEntries, ROOT } from './harness.mjs';

let server, chrome, tmp;
before(async () => { server = await serve(); chrome = await launch(); tmp = await mkdtemp(join(tmpdir(), 'aims-e2e-')); });
after(async () => { await chrome?.close(); await server?.close(); });

const item = (page, id) => page.locator('.aims-item', { has: page.locator('.aims-item-id', { hasText: new RegExp(`^${id.replace(/\./g, '\\.')}$`) }) });
const levelOf = async (page, id) => item(page, id).locator('input[type=radio]:checked').getAttribute('value').catch(() => null);
/** Waits until `selector` matches exactly `n` elements (Yew renders asynchronously). */
async function count(page, selector, n) {
  await page.waitForFunction(([sel, want]) => document.querySelectorAll(sel).length === want, [selector, n], { timeout: 5000 })
    .catch(() => {});
  return page.locator(selector).count();
}
const tab = (page, name) => page.locator('.aims-tab', { hasText: name });

async function newPage(viewport = VIEWPORTS.desktop) {
  const context = await chrome.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  const urls = recordRequests(page);
  await page.goto(server.url);
  await page.waitForSelector('h1');
  return { page, context, errors, urls };
}

async function exportFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = join(tmp, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { path, text: await readFile(path, 'utf8'), name: download.suggestedFilename() };
}

test('a person completes, keeps, exports, deletes and re-imports an assessment', async () => {
  const { page, context, errors, urls } = await newPage();

  // Create.
  await page.fill('#aims-new-name', 'Board readiness review');
  await page.fill('#aims-new-org', 'Example Analytics GmbH');
  await startAssessment(page);
  assert.equal(await page.textContent('h2.aims-h2'), '4 Context of the organization (4 items)');

  // Unanswered, the hint shows what audit-ready looks like for the item.
  assert.match(await item(page, '4.1').locator('.aims-hint').textContent(), /^Not answered yet\. Level 3/);
  // Mouse: 4.1 at level 3.
  await item(page, '4.1').locator('input[value="3"]').check();
  assert.equal(await levelOf(page, '4.1'), '3');
  assert.match(await item(page, '4.1').locator('.aims-hint').textContent(), /^Level 3:/);

  // Keyboard: from 4.1's level group, "n" jumps to 4.2, arrows choose a level.
  await item(page, '4.1').locator('input[value="3"]').focus();
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.aims-item')?.querySelector('.aims-item-id')?.textContent), '4.2');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await levelOf(page, '4.2'), '2');
  await page.keyboard.press('n');
  await page.keyboard.press('ArrowRight');
  assert.equal(await levelOf(page, '4.3'), '1');
  await page.keyboard.press('p');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.aims-item')?.querySelector('.aims-item-id')?.textContent), '4.2');
  assert.match(await page.textContent('.aims-progress-text'), /^3 of 70 in-scope items answered/);

  // Evidence, owner, due date on 4.1.
  await item(page, '4.1').locator('input[name=evidence]').fill('Context analysis v2 (DMS-114)');
  await item(page, '4.1').locator('text=Add').click();
  await item(page, '4.1').locator('input[id$="-owner"]').fill('Head of AI governance');
  await item(page, '4.1').locator('input[type=date]').fill('2027-03-31');

  // Exclude A.7.5 with a justification; first without one it is flagged.
  await page.click('.aims-nav-group:has-text("A.7")');
  // An applicable control needs a reason too; a one-click pick gives one.
  assert.equal(await item(page, 'A.7.2').locator('.aims-tag', { hasText: 'Reason missing' }).count(), 1);
  await item(page, 'A.7.2').locator('.aims-picks button', { hasText: 'Required by a law or regulation that applies to us' }).click();
  assert.equal(await item(page, 'A.7.2').locator('textarea[id$="-just"]').inputValue(), 'Required by a law or regulation that applies to us');
  // A.2.2 carries out clause 5.2: its card says so before anyone excludes it.
  await page.click('.aims-nav-group:has-text("A.2")');
  assert.match(await item(page, 'A.2.2').locator('[data-conflict="5.2"]').textContent(), /Clause 5\.2, which is mandatory, is carried out through this control/);
  await page.click('.aims-nav-group:has-text("A.7")');
  const reasonTag = item(page, 'A.7.2').locator('.aims-tag', { hasText: 'Reason missing' });
  await reasonTag.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  assert.equal(await reasonTag.count(), 0, 'the reason tag goes once a reason is given');
  await item(page, 'A.7.5').locator('input[role=switch]').uncheck();
  assert.equal(await item(page, 'A.7.5').locator('.aims-tag--error').count(), 1, 'an exclusion without a reason is flagged');
  await item(page, 'A.7.5').locator('textarea[id$="-just"]').fill('We only use supplier models and prepare no training data.');
  assert.equal(await item(page, 'A.7.5').locator('.aims-tag', { hasText: 'Excluded' }).count(), 1);
  assert.equal(await page.textContent('.aims-progress-text'), '3 of 69 in-scope items answered (4.3 %) · not counted: 1 excluded as not applicable, with a justification');
  await screenshot(page, 'assess-desktop');
  assert.deepEqual(await axeSerious(page), [], 'assess screen: no serious or critical axe violations');

  // Filters.
  await page.click('.aims-chip:has-text("All clauses")');
  await page.click('.aims-chip:has-text("Unanswered only")');
  assert.equal(await count(page, '.aims-item', 29), 29);
  await page.click('.aims-chip:has-text("All items")');

  // Documents.
  await tab(page, 'Documents').click();
  await page.check('#aims-doc-scope');
  await page.check('#aims-doc-ai-policy');
  // A present document records its version and approval date.
  await page.fill('#aims-docmeta-scope-v', '2.0');
  await page.press('#aims-docmeta-scope-v', 'Tab');
  await page.fill('#aims-docmeta-scope-a', '2026-10-15');
  await page.press('#aims-docmeta-scope-a', 'Tab');
  // 22 documents of clauses 4–10 and 27 of Annex A controls, less the one of A.7.5,
  // which is excluded with a reason; each says when an auditor asks for it.
  assert.match(await page.textContent('.aims-figure-inline'), /^2 of 48 present/);
  assert.match(await page.locator('.aims-doc', { has: page.locator('.aims-doc-title', { hasText: 'Internal audit programme' }) }).textContent(), /Design: needed before Stage 1/);
  assert.match(await page.locator('.aims-doc', { has: page.locator('.aims-doc-title', { hasText: 'Internal audit results' }) }).textContent(), /Record: needed before Stage 2/);
  assert.match(await page.locator('.aims-doc', { hasText: 'A.7.5' }).textContent(), /Not required while A\.7\.5 is excluded/);
  await screenshot(page, 'documents-desktop');
  assert.deepEqual(await axeSerious(page), [], 'documents screen');

  // Results.
  await tab(page, 'Results').click();
  assert.equal(await page.textContent('.aims-verdict-value'), 'Not ready for Stage 1');
  // Blockers in two lists, by the audit stage they stand before.
  const stage1 = await page.locator('.aims-blocker-stage', { has: page.locator('h3', { hasText: /^Before Stage 1 \(\d+\)$/ }) }).textContent();
  const stage2 = await page.locator('.aims-blocker-stage', { has: page.locator('h3', { hasText: /^Before Stage 2 \(\d+\)$/ }) }).textContent();
  assert.match(stage1, /4\.3 Determining the scope of the AI management system: level 1; before Stage 1 it must conform \(level 3 with evidence\)/);
  assert.match(stage1, /4\.4 AI management system: not answered yet/);
  assert.match(stage1, /A\.2\.2 AI policy: applicable, but the reason for including it is not written down/);
  assert.doesNotMatch(stage1, /A\.7\.2 [^:]*: applicable, but the reason/, 'A.7.2 has its reason');
  // Every applicable control needs a status before Stage 1 (the SoA must state it).
  assert.match(stage1, /A\.7\.2 Data for development and enhancement of AI system: not answered yet/);
  assert.match(stage2, /4\.2 Understanding the needs and expectations of interested parties: level 2; level 3 is needed/);
  const overall = await page.locator('.aims-stat').first().textContent();
  // Conformity today: only 4.1 (level 3 with evidence) conforms, 1 of 69 = 1.4 %.
  assert.match(overall, /^Conformity today/);
  assert.match(overall, /1\.4 %/);
  assert.match(overall, /1 of 69 requirements conform today/);
  assert.match(overall, /1 control excluded \(N\/A\), not counted/);
  // Implementation maturity: 4.1 → 1, 4.2 → 2/3, 4.3 → 1/3 over 69 = 2/69 = 2.9 %.
  const maturity = await page.locator('.aims-stat', { hasText: 'Implementation maturity' }).last().textContent();
  assert.match(maturity, /2\.9 %/);
  assert.equal(await page.locator('.aims-svg').count(), 2);
  await screenshot(page, 'results-desktop');
  assert.deepEqual(await axeSerious(page), [], 'results screen');

  // Reload: the same screen, everything still there.
  await page.reload();
  await page.waitForSelector('.aims-verdict-value');
  assert.match(await page.locator('.aims-stat').first().textContent(), /1\.4 %/);
  await tab(page, 'Assessments').click();
  await page.waitForSelector('.aims-card');
  assert.match(await page.textContent('.aims-card'), /Board readiness review/);
  assert.match(await page.textContent('.aims-card'), /1\.4 % conform today \(1 of 69\)/);
  await screenshot(page, 'home-desktop');
  assert.deepEqual(await axeSerious(page), [], 'home screen');
  await page.click('.aims-card >> text=Open');
  await page.waitForSelector('.aims-item');
  assert.equal(await levelOf(page, '4.1'), '3');
  assert.equal(await levelOf(page, '4.2'), '2');
  assert.equal(await item(page, '4.1').locator('.aims-evidence li').count(), 1);
  await page.click('.aims-nav-group:has-text("A.7")');
  assert.equal(await item(page, 'A.7.5').locator('textarea[id$="-just"]').inputValue(), 'We only use supplier models and prepare no training data.');

  // Export.
  await tab(page, 'Results').click();
  const exported = await exportFrom(page, page.locator('button', { hasText: 'Export JSON' }));
  assert.match(exported.name, /^board-readiness-review-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(exported.text);
  assert.equal(doc.format, 'aims-readiness/assessment');
  assert.equal(doc.assessment.items['4.1'].maturity, 3);
  // The reference typed on the card is an undated evidence record supporting 4.1; the
  // item keeps no free text of its own.
  assert.deepEqual(doc.assessment.items['4.1'].evidence, []);
  const linked = doc.assessment.evidence.filter((r) => r.supports.includes('4.1'));
  assert.deepEqual(linked.map((r) => [r.title, r.location, r.kind, r.date]), [
    ['Context analysis v2 (DMS-114)', 'Context analysis v2 (DMS-114)', 'document', null],
  ]);
  assert.equal(doc.assessment.items['4.1'].due, '2027-03-31');
  assert.equal(doc.assessment.items['A.7.5'].applicable, false);
  assert.deepEqual(doc.assessment.documents.scope, { present: true, version: '2.0', approved: '2026-10-15' });

  // Delete with confirmation, undo, delete again. A confirmation left open closes when
  // the person goes to another screen.
  await tab(page, 'Assessments').click();
  await page.click('.aims-card >> text=Delete');
  assert.equal(await count(page, '.aims-confirm', 1), 1);
  await tab(page, 'Results').click();
  await tab(page, 'Assessments').click();
  assert.equal(await count(page, '.aims-confirm', 0), 0, 'the confirmation closed');
  await page.click('.aims-card >> text=Delete');
  await page.click('button:has-text("Yes, delete")');
  assert.equal(await count(page, '.aims-card', 0), 0);
  await page.click('.aims-notice >> text=Undo');
  assert.equal(await count(page, '.aims-card', 1), 1);
  await page.click('.aims-card >> text=Delete');
  await page.click('button:has-text("Yes, delete")');
  assert.equal(await count(page, '.aims-card', 0), 0);

  // Import the exported file: it comes back identical.
  await page.setInputFiles('input[type=file]', exported.path);
  await page.waitForSelector('.aims-card');
  const again = await exportFrom(page, page.locator('.aims-card >> text=Export'));
  assert.equal(again.text, exported.text, 'export → import → export is identical');

  // Importing it a second time asks: replace or keep both.
  await page.setInputFiles('input[type=file]', exported.path);
  await page.click('button:has-text("Keep both")');
  assert.equal(await count(page, '.aims-card', 2), 2);

  // Rename in place: the field starts with the current name, Enter saves, the list shows it.
  await page.locator('.aims-card:has-text("(imported)")').locator('button:has-text("Rename")').click();
  assert.equal(await page.inputValue('.aims-card input[name=name]'), 'Board readiness review (imported)');
  await page.fill('.aims-card input[name=name]', 'Board review 2027');
  await page.keyboard.press('Enter');
  await page.locator('.aims-card:has-text("Board review 2027")').waitFor();
  assert.equal(await count(page, '.aims-card input[name=name]', 0), 0, 'the rename form closes');

  // A broken file: the error is shown and nothing saved changes.
  const before = JSON.stringify(await storedEntries(page));
  const broken = join(tmp, 'broken.json');
  const bad = JSON.parse(exported.text);
  bad.assessment.items['A.6.2.4'].maturity = 7;
  bad.assessment.items['8.2'].applicable = false;
  await writeFile(broken, JSON.stringify(bad));
  await page.setInputFiles('input[type=file]', broken);
  await page.locator('.aims-drop .aims-alert', { hasText: 'A.6.2.4' }).waitFor();
  const alert = await page.textContent('.aims-drop .aims-alert');
  assert.match(alert, /was not imported/);
  assert.match(alert, /Nothing you had saved has been changed/);
  assert.match(alert, /A\.6\.2\.4 AI system verification and validation — assessment\.items\.A\.6\.2\.4\.maturity: 7 is not a level 0–5/);
  assert.match(alert, /8\.2 AI risk assessment — .*clause requirements are mandatory/);
  await writeFile(broken, '{"format": "aims-readiness/assessment", oops');
  await page.setInputFiles('input[type=file]', broken);
  // The panel is replaced asynchronously once the new file has been read.
  await page.locator('.aims-drop .aims-alert', { hasText: 'not valid JSON' }).waitFor({ timeout: 5000 });
  const after = JSON.stringify(await storedEntries(page));
  assert.equal(after, before, 'a failed import leaves storage untouched');
  assert.equal(await count(page, '.aims-card', 2), 2);
  await screenshot(page, 'import-error-desktop');

  assert.deepEqual(errors, []);
  assert.deepEqual(urls.filter((u) => !u.startsWith(server.origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  await context.close();
});

test('every screen works on a 360 px phone without sideways scrolling', async () => {
  const { page, context, errors } = await newPage(VIEWPORTS.phone);
  assert.equal(await hasHorizontalScroll(page), false, 'home');
  await page.fill('#aims-new-name', 'Phone check');
  await startAssessment(page);
  await item(page, '4.1').locator('input[value="2"]').check();
  // All 70 cards at once (rendered lazily near the viewport) must not widen the page.
  await page.click('.aims-chip:has-text("Everything")');
  assert.equal(await count(page, '.aims-item', 70), 70);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  assert.equal(await hasHorizontalScroll(page), false, 'all 70 items scroll sideways at 360 px');
  await page.click('.aims-chip:has-text("All clauses")');
  for (const [name, screen] of [['assess', null], ['documents', 'Documents'], ['results', 'Results'], ['home', 'Assessments'], ['quick', 'Quick check']]) {
    if (screen) await tab(page, screen).click();
    // The quick check is its own build: the page loads again with it.
    await page.waitForSelector(name === 'quick' ? '.aims-quick-question' : 'h1');
    assert.equal(await hasHorizontalScroll(page), false, `${name} scrolls sideways at 360 px`);
    await screenshot(page, `${name}-phone`);
  }
  assert.deepEqual(await axeSerious(page), [], 'quick check screen');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupt saved entry is shown as broken beside a good one, and can be rescued or deleted', async () => {
  const { page, context, errors } = await newPage();
  await page.fill('#aims-new-name', 'Good one');
  await startAssessment(page);
  await page.evaluate(() => localStorage.setItem('aims.default.v1.a.damaged', '{"format": "aims-readiness/assessment", "trunc'));
  await tab(page, 'Assessments').click();
  await page.reload();
  await page.waitForSelector('.aims-card');
  assert.equal(await count(page, '.aims-card', 2), 2);
  const broken = page.locator('.aims-card--broken');
  assert.match(await broken.textContent(), /An unreadable saved assessment.*damaged.*not valid JSON/);
  assert.match(await page.locator('.aims-card:not(.aims-card--broken)').textContent(), /Good one/);
  const rescued = await exportFrom(page, broken.locator('button', { hasText: 'Download as stored' }));
  assert.equal(rescued.text, '{"format": "aims-readiness/assessment", "trunc');
  await broken.locator('button', { hasText: 'Delete' }).click();
  assert.equal(await count(page, '.aims-card', 1), 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('aims.default.v1.a.damaged')), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second tab sees assessments another tab creates and deletes, without a reload', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const [a, b] = [await context.newPage(), await context.newPage()];
  const errors = [];
  for (const p of [a, b]) { watchErrors(p, errors); await p.goto(server.url); await p.waitForSelector('h1'); }
  await b.fill('#aims-new-name', 'Made in tab B');
  await startAssessment(b);
  assert.equal(await count(a, '.aims-card', 1), 1, 'tab A lists it');
  assert.match(await a.textContent('.aims-card'), /Made in tab B/);
  await tab(b, 'Assessments').click();
  await b.click('.aims-card >> text=Delete');
  await b.click('button:has-text("Yes, delete")');
  assert.equal(await count(a, '.aims-card', 0), 0, 'and drops it when tab B deletes it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the scope step: roles, a suggested exclusion confirmed and one rejected, systems, reuse, a control of our own', async () => {
  const { page, context, errors } = await newPage();
  await page.fill('#aims-new-name', 'Uses AI only');
  await page.click('button:has-text("Start assessment")');
  await page.waitForSelector('.aims-profile');
  assert.equal(await page.locator('h1').textContent(), 'Scope and AI roles');
  assert.match(await page.textContent('.aims-profile'), /No suggestion for your roles/);
  // An organization that only uses AI it buys: development controls are suggested.
  await page.check('#aims-role-ai_customer');
  await page.waitForSelector('.aims-suggestion');
  const suggested = await page.locator('.aims-suggestion').evaluateAll((els) => els.map((e) => e.dataset.item));
  assert.deepEqual(suggested, ['A.6.1.2', 'A.6.1.3', 'A.6.2.3', 'A.7.2', 'A.7.6']);
  await page.locator('.aims-suggestion[data-item="A.6.1.2"] button', { hasText: 'Exclude with this reason' }).click();
  await page.locator('.aims-suggestion[data-item="A.7.2"] button', { hasText: 'Keep it applicable' }).click();
  assert.equal(await count(page, '.aims-suggestion', 3), 3, 'confirmed and rejected ones are no longer suggested');
  // Nothing else was excluded by the suggestion list.
  // The AI systems are the register's: the scope screen lists those in scope and links
  // to the register, where they are added with their role, stage and impact assessment.
  assert.equal(await page.locator('.aims-systems li').count(), 0);
  await page.click('a:has-text("Add or change them in the register")');
  await page.waitForSelector('.aims-registers-body');
  assert.match(page.url(), /\/systems$/);
  await page.goBack();
  await page.waitForSelector('.aims-profile');
  await page.check('#aims-ms-iso27001');
  await page.fill('#aims-ctl-id', 'ORG-1');
  await page.fill('#aims-ctl-title', 'Prompt logging for customer chats');
  await page.fill('#aims-ctl-source', 'Customer contract');
  await page.click('button:has-text("Add control")');
  assert.match(await page.locator('.aims-table').textContent(), /ORG-1.*Prompt logging for customer chats.*Customer contract/);
  assert.deepEqual(await axeSerious(page), [], 'scope screen');
  await screenshot(page, 'profile-desktop');
  await page.click('.aims-profile-continue');
  await page.waitForSelector('.aims-item');
  // The confirmed exclusion carries the suggested reason; the rejected one stays in scope.
  await page.click('.aims-nav-group:has-text("A.6.1")');
  assert.equal(await item(page, 'A.6.1.2').locator('input[role=switch]').isChecked(), false);
  assert.match(await item(page, 'A.6.1.2').locator('textarea[id$="-just"]').inputValue(), /^We only use AI systems we obtain from others/);
  assert.equal(await item(page, 'A.6.1.3').locator('input[role=switch]').isChecked(), true);
  assert.match(await page.textContent('.aims-progress-text'), /^0 of 69 in-scope items answered/);
  // ISO/IEC 27001 runs already: internal audit says so and can be recorded as reused.
  await page.click('.aims-nav-group:has-text("9")');
  const audit = item(page, '9.2.1');
  assert.match(await audit.locator('.aims-reuse').textContent(), /Usually shared with your ISO\/IEC 27001/);
  await audit.locator('.aims-reuse input').check();
  assert.equal(await item(page, '4.1').count(), 0);
  // All of it is in the export.
  await tab(page, 'Results').click();
  const exported = await exportFrom(page, page.locator('button', { hasText: 'Export JSON' }));
  const doc = JSON.parse(exported.text);
  assert.equal(doc.format_version, 3);
  assert.deepEqual(doc.assessment.profile, { roles: ['ai_customer'], ai_systems: [], scope_note: '', management_systems: ['iso27001'], declined_suggestions: ['A.7.2'] });
  assert.equal(doc.assessment.items['9.2.1'].reused, true);
  assert.equal(doc.assessment.items['A.6.1.2'].applicable, false);
  assert.equal(doc.assessment.additional_controls[0].id, 'ORG-1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Delete all my data" says what goes, empties the app\'s storage, and can be undone', async () => {
  const { page, context, errors } = await newPage(VIEWPORTS.phone);
  for (const name of ['First review', 'Second review']) {
    await page.fill('#aims-new-name', name);
    await startAssessment(page);
    await tab(page, 'Assessments').click();
    await page.waitForSelector('.aims-card');
  }
  await tab(page, 'Quick check').click();
  await page.locator('.aims-option', { hasText: 'Partly' }).first().click();
  // Back from the quick check's build to the full app's screens.
  await page.goBack();
  await tab(page, 'Assessments').click();
  const before = (await storedKeys(page, 'aims.default.')).length;
  assert.ok(before >= 4, `two assessments, the index and the quick answers are stored (${before} keys)`);
  await page.click('button:has-text("Delete all my data")');
  const what = await page.locator('[role=alertdialog]').textContent();
  assert.match(what, /2 saved assessment\(s\): (First review, Second review|Second review, First review)/);
  assert.match(what, /your quick-check answers/);
  await screenshot(page, 'delete-all-phone');
  await page.click('button:has-text("Yes, delete everything")');
  assert.equal(await count(page, '.aims-card', 0), 0);
  assert.deepEqual(await storedKeys(page), [], 'nothing of the app is left, in localStorage or the database');
  await page.click('.aims-notice >> text=Undo');
  assert.equal(await count(page, '.aims-card', 2), 2, 'undo brings both back');
  await page.reload();
  assert.equal(await count(page, '.aims-card', 2), 2, 'and they are stored again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs on one assessment: each shows the other\'s answers live, and neither loses one', async () => {
  const context = await chrome.browser.newContext({ viewport: VIEWPORTS.desktop });
  const a = await context.newPage();
  const errors = watchErrors(a);
  await a.goto(server.url);
  await a.fill('#aims-new-name', 'Shared review');
  await startAssessment(a);
  const address = a.url();
  const b = await context.newPage();
  watchErrors(b, errors);
  await b.goto(address);
  await b.waitForSelector('.aims-item[data-item="4.1"]');
  // Tab A answers 4.1; tab B shows it without a reload.
  await item(a, '4.1').locator('input[value="3"]').check();
  await b.waitForFunction(() => document.querySelector('.aims-item[data-item="4.1"] input[value="3"]')?.checked, null, { timeout: 5000 });
  // Tab B answers 4.2; tab A shows it.
  await item(b, '4.2').locator('input[value="2"]').check();
  await a.waitForFunction(() => document.querySelector('.aims-item[data-item="4.2"] input[value="2"]')?.checked, null, { timeout: 5000 });
  // A third tab finds both answers saved.
  const c = await context.newPage();
  watchErrors(c, errors);
  await c.goto(address);
  await c.waitForSelector('.aims-item[data-item="4.2"]');
  assert.equal(await levelOf(c, '4.1'), '3');
  assert.equal(await levelOf(c, '4.2'), '2');
  // Deleted in tab C while open in tab A: tab A says so and keeps the answers.
  await tab(c, 'Assessments').click();
  await c.click('.aims-card >> text=Delete');
  await c.click('button:has-text("Yes, delete")');
  await a.waitForSelector('.aims-notice[data-error=true]');
  assert.match(await a.textContent('.aims-notice'), /was deleted in another tab/);
  assert.equal(await levelOf(a, '4.1'), '3', 'still open with its answers');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after 30 changes without an export, a reminder says the exported file is the real backup', async () => {
  const { page, context, errors } = await newPage(VIEWPORTS.phone);
  await page.fill('#aims-new-name', 'Backup check');
  await startAssessment(page);
  // 29 changes were saved before this page was opened (the count is kept in storage;
  // one an earlier build left in localStorage is moved into the database, the larger
  // count kept).
  await page.evaluate(() => localStorage.setItem('aims.default.v1.backup', '29'));
  await page.reload();
  await page.waitForSelector('.aims-item');
  assert.equal(await page.locator('.aims-backup').count(), 0, 'no reminder at 29');
  await item(page, '4.1').locator('input[value="2"]').check();
  await page.waitForSelector('.aims-backup');
  assert.match(await page.textContent('.aims-backup'), /^30 changes since your last export\. Browsers can clear/);
  await screenshot(page, 'backup-reminder-phone');
  const exported = await exportFrom(page, page.locator('.aims-backup button', { hasText: 'Export now' }));
  assert.match(exported.name, /^backup-check-/);
  await page.waitForSelector('.aims-backup', { state: 'detached' });
  assert.deepEqual(await storedEntries(page, 'aims.default.v1.backup'), [['aims.default.v1.backup', '0']], 'counting starts again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile text in an imported file stays inert text on every screen', async () => {
  const { page, context, errors } = await newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const hostile = join(ROOT, 'tests/fixtures/hostile');
  await page.setInputFiles('input[type=file]', join(hostile, '11-html-in-owner.json'));
  await page.waitForSelector('.aims-card');
  await page.click('.aims-card >> text=Open');
  await page.waitForSelector('.aims-item[data-item="4.1"]');
  assert.equal(await item(page, '4.1').locator('input[id$="-owner"]').inputValue(), '<img src=x onerror=alert(1)>');
  await tab(page, 'Results').click();
  await page.waitForSelector('.aims-verdict');
  assert.equal(await page.locator('img').count(), 0, 'no element was made from the text');
  await tab(page, 'Assessments').click();
  await page.setInputFiles('input[type=file]', join(hostile, '09-script-in-notes.json'));
  await page.click('button:has-text("Replace")');
  await page.click('.aims-card >> text=Open');
  await page.waitForSelector('.aims-item[data-item="4.1"]');
  assert.equal(await item(page, '4.1').locator('textarea[id$="-notes"]').inputValue(), '<script>alert(1)</script>');
  assert.deepEqual(dialogs, [], 'nothing ran');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a whole session makes no request after the first load, and none to another origin', async () => {
  const { page, context, errors, urls } = await newPage();
  await page.waitForLoadState('networkidle');
  const firstLoad = urls.length;
  assert.ok(urls.every((u) => u.startsWith(server.origin + '/') || u.startsWith('data:')), urls.join(', '));
  // Create, scope, answer every item, documents, results, print view, export, import, quick check.
  await page.fill('#aims-new-name', 'Egress check');
  await page.click('button:has-text("Start assessment")');
  await page.waitForSelector('.aims-profile');
  await page.check('#aims-role-ai_customer');
  await page.click('.aims-profile-continue');
  await page.waitForSelector('.aims-item');
  await page.click('.aims-chip:has-text("Everything")');
  assert.equal(await count(page, '.aims-item', 70), 70);
  for (const id of await page.locator('.aims-item').evaluateAll((els) => els.map((e) => e.dataset.item))) {
    await item(page, id).locator('input[value="3"]').check();
  }
  assert.match(await page.textContent('.aims-progress-text'), /^70 of 70 in-scope items answered/);
  await tab(page, 'Documents').click();
  await page.check('#aims-doc-scope');
  await tab(page, 'Results').click();
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('.aims-verdict');
  await page.emulateMedia({ media: 'screen' });
  const exported = await exportFrom(page, page.locator('button', { hasText: 'Export JSON' }));
  await tab(page, 'Assessments').click();
  await page.setInputFiles('input[type=file]', exported.path);
  await page.click('button:has-text("Keep both")');
  await count(page, '.aims-card', 2);
  const beforeQuick = urls.length;
  assert.deepEqual(urls.slice(firstLoad).filter((u) => !u.startsWith('blob:')), [], 'nothing was requested after the first load');
  // The quick check is a build of its own: the page loads again with it, asking for the
  // app's own files and nothing else.
  await tab(page, 'Quick check').click();
  await page.locator('.aims-option', { hasText: 'Partly' }).first().click();
  const quick = urls.slice(beforeQuick).map((u) => new URL(u)).filter((u) => u.protocol !== 'blob:');
  assert.ok(quick.length > 0, 'the page loaded again');
  const own = ['', 'index.html', 'aims-quick.js', 'aims-quick_bg.wasm', 'aims-quick.css', 'sw.js'];
  for (const u of quick) assert.ok(u.origin === server.origin && own.includes(u.pathname.split('/').pop()), `${u} is not one of the app's own files`);
  assert.deepEqual(errors, [], 'no page error and no CSP violation on any screen');
  await context.close();
});
