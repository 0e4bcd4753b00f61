// The register screens (issue 22): a person registers two AI systems, sets the risk
// criteria, adds risks with controls and evidence, sees each change kept after a
// reload and in the export, deletes and undoes, and finds a wrong entry named at its
// field. In German at phone width without sideways scroll, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, screenshot, axeSerious, hasHorizontalScroll, VIEWPORTS, watchErrors, openFixture, waitForStored } from './harness.mjs';

let server, chrome;
before(async () => { server = await serve(); chrome = await launch(); });
after(async () => { await chrome?.close(); await server?.close(); });

/** The export the app downloads, parsed. */
async function exported(page) {
  await page.click('.aims-tab:has-text("Results")');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export JSON")')]);
  return JSON.parse(await readFile(await d.path(), 'utf8'));
}

/** What the Results screen lists as standing in the way (blockers and warnings). */
async function standingInTheWay(page) {
  await page.click('.aims-tab:has-text("Results")');
  await page.waitForSelector('.aims-blocker-stage');
  return (await page.locator('.aims-blocker-stage').allTextContents()).join('\n');
}

/** Fills the open register form's fields by name and sends it. */
async function fill(page, fields) {
  for (const [name, value] of Object.entries(fields)) {
    const el = page.locator(`.aims-register-form [name="${name}"]`);
    const tag = await el.evaluate((e) => e.tagName + (e.type === 'checkbox' ? ':checkbox' : ''));
    if (tag === 'SELECT') await el.selectOption(value);
    else if (tag.endsWith(':checkbox')) await el.setChecked(value);
    else await el.fill(value);
  }
  await page.click('.aims-register-form button[type=submit]');
}

test('registers: systems, criteria, risks and evidence are added, kept, exported; a delete is undone', async () => {
  const context = await chrome.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const id = await openFixture(page, server.url);
  // With nothing in the registers, the risk register's emptiness holds 6.1.2 and 8.2.
  assert.match(await standingInTheWay(page), /The risk register is empty, or every risk in it is closed \(6\.1\.2, 8\.2\)/);
  await page.click('.aims-tab:has-text("Registers")');
  await page.waitForSelector('.aims-registers-body .aims-subtabs');
  assert.match(page.url(), new RegExp(`#/a/${id}/systems$`));
  assert.match(await page.textContent('.aims-registers-body'), /No AI system recorded yet/);
  // Two systems; the first without a name is refused at its field.
  await page.click('button[data-action=new]');
  await fill(page, { name: '', owner: 'Head of HR', role: 'ai_customer', stage: 'deployment', eu_ai_act: 'high_risk_4' });
  await page.waitForSelector('#aims-reg-name-problem');
  assert.equal(await page.getAttribute('#aims-reg-name', 'aria-invalid'), 'true');
  await fill(page, { name: 'CV screening' });
  await page.waitForSelector('text=Saved “CV screening”.');
  await page.click('button[data-action=new]');
  await fill(page, { name: 'Support chatbot', role: 'ai_provider', stage: 'operation_and_monitoring', eu_ai_act: 'transparency', data_categories: 'Chat transcripts\nOrder history' });
  await page.waitForSelector('text=Saved “Support chatbot”.');
  assert.match(await page.textContent('.aims-subtabs'), /AI systems \(2\)/);
  // The CV screening's impact assessment: a harm, approved; the harm becomes a risk.
  await page.click('tr:has-text("CV screening") button[data-action=impact]');
  await page.waitForSelector('text=Impact assessment of CV screening');
  await fill(page, {
    intended_use: 'Ranks applications for a recruiter to read first.',
    'effects.0.kind': 'harm', 'effects.0.description': 'Qualified older applicants ranked low',
    'effects.0.severity': '4', 'effects.0.likelihood': '3',
    'approval.by': 'Jana Novak, AI governance lead', 'approval.on': '2026-11-30',
  });
  await page.waitForSelector('tr:has-text("CV screening") >> text=Approved 2026-11-30');
  await page.click('tr:has-text("CV screening") button[data-action=impact]');
  await page.click('button[data-action=harm_risk]');
  await page.waitForSelector('text=/added to the risk register/');
  await screenshot(page, 'registers-systems-desktop');
  // Risks: the criteria, then three risks with controls.
  await page.click('a[data-screen=risks]');
  await page.waitForSelector('.aims-criteria-form');
  assert.match(page.url(), /\/risks$/);
  await page.selectOption('.aims-criteria-form [name=likelihoods]', '5');
  await page.selectOption('.aims-criteria-form [name=consequences]', '5');
  await page.fill('.aims-criteria-form [name=acceptance]', '6');
  await page.click('.aims-criteria-form button[type=submit]');
  await page.waitForSelector('text=5 × 5 matrix; accepted up to 6.');
  const risks = [
    { title: 'Bias against older applicants', 'source.system': 'CV screening', likelihood: '3', consequence: '4', treatment: 'modify', controls: 'A.7.4\nA.6.2.4', 'acceptance.by': 'Jana Novak', 'acceptance.on': '2026-12-01' },
    { title: 'Chatbot promises refunds', 'source.system': 'Support chatbot', likelihood: '4', consequence: '3', treatment: 'modify', controls: 'A.9.2' },
    { title: 'Training data beyond consent', 'source.annex_c': 'Privacy', likelihood: '2', consequence: '2', treatment: 'retain' },
  ];
  for (const r of risks) {
    await page.click('button[data-action=new]');
    const system = r['source.system'];
    const fields = { ...r };
    if (system) fields['source.system'] = await page.locator(`.aims-register-form [name="source.system"] option:has-text("${system}")`).getAttribute('value');
    await fill(page, fields);
    await page.waitForSelector(`text=Saved “${r.title}”.`);
  }
  // A clause is not a control: said at the field, nothing saved.
  await page.click('button[data-action=new]');
  await fill(page, { title: 'Wrong control', 'source.annex_c': 'Safety', likelihood: '1', consequence: '1', controls: '5.2' });
  await page.waitForSelector('#aims-reg-controls-problem');
  assert.match(await page.textContent('#aims-reg-controls-problem'), /"5\.2" is not an Annex A control/);
  await page.click('.aims-register-form button[data-action=cancel]');
  assert.match(await page.textContent('.aims-subtabs'), /Risks \(4\)/);
  assert.ok(await page.locator('.aims-heat td[data-above=true]').count() > 0, 'the heat map marks cells above the acceptance level');
  await screenshot(page, 'registers-risks-desktop');
  // Evidence: the fixture's 31 free-text references are undated records now; one more
  // record, deleted and undone.
  await page.click('a[data-screen=evidence]');
  await page.waitForSelector('button[data-action=new]');
  await page.click('button[data-action=new]');
  await fill(page, { title: 'Bias test report', kind: 'record', owner: 'Data science lead', date: '2026-11-15', review_by: '2027-11-15', supports: 'A.7.4\n6.1.2' });
  await page.waitForSelector('text=Saved “Bias test report”.');
  await page.click('tr:has-text("Bias test report") button[data-action=delete]');
  await page.waitForSelector('text=Deleted “Bias test report”.');
  assert.match(await page.textContent('.aims-subtabs'), /Evidence \(31\)/);
  await page.click('button[data-action=undo]');
  await page.waitForSelector('tr:has-text("Bias test report")');
  // Kept: after a reload, and in the export.
  await waitForStored(page, 'Bias test report');
  await page.reload();
  await page.waitForSelector('tr:has-text("Bias test report")');
  // The figures follow the records: the chatbot has no impact assessment, the harm made
  // into a risk has no treatment, the refunds risk no accepted residual risk; the
  // accepted risk and the one within the acceptance level ask nothing.
  const after = await standingInTheWay(page);
  assert.doesNotMatch(after, /The risk register is empty/);
  assert.match(after, /AI system “Support chatbot” has no approved impact assessment/);
  assert.doesNotMatch(after, /AI system “CV screening”/);
  assert.match(after, /Risk “Qualified older applicants ranked low” is above the acceptance level without a treatment and a control/);
  assert.match(after, /Nobody named has accepted the remaining risk of “Chatbot promises refunds”/);
  assert.doesNotMatch(after, /Bias against older applicants|Training data beyond consent/);
  await screenshot(page, 'registers-findings-desktop');
  const doc = await exported(page);
  const a = doc.assessment;
  assert.deepEqual(a.ai_systems.map((s) => s.name), ['CV screening', 'Support chatbot']);
  assert.deepEqual(a.ai_systems[1].data_categories, ['Chat transcripts', 'Order history']);
  assert.deepEqual(a.risk_criteria, { likelihoods: 5, consequences: 5, acceptance: 6 });
  assert.deepEqual(a.risks.map((r) => r.controls), [[], ['A.7.4', 'A.6.2.4'], ['A.9.2'], []]);
  // The risk made from the harm, linked both ways.
  assert.deepEqual(a.risks[0].source, { harm: { system: a.ai_systems[0].id, effect: 0 } });
  assert.equal(a.ai_systems[0].impact_assessment.effects[0].risk, a.risks[0].id);
  assert.deepEqual(a.ai_systems[0].impact_assessment.approval, { by: 'Jana Novak, AI governance lead', on: '2026-11-30' });
  assert.equal(a.risks[1].source.system, a.ai_systems[0].id);
  assert.match(a.risks[0].id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(a.evidence.length, 32);
  assert.deepEqual(a.evidence.filter((e) => e.title === 'Bias test report').map((e) => e.supports), [['A.7.4', '6.1.2']]);
  assert.ok(a.evidence.filter((e) => e.title !== 'Bias test report').every((e) => e.date === null && e.location === e.title));
  assert.ok(Object.values(a.items).every((i) => i.evidence.length === 0), 'items link records, they keep no references');
  // Each item's card links to what the registers hold about it.
  await page.goto(`${server.url}#/a/${id}/assess/A.7.4`);
  const card = page.locator('.aims-item[data-item="A.7.4"] .aims-item-registers');
  await card.waitFor();
  assert.equal(await card.textContent(), '1 evidence record · treats 1 risk');
  await screenshot(page, 'registers-item-links-desktop');
  await card.locator('a:has-text("1 evidence record")').click();
  await page.waitForSelector('tr:has-text("Bias test report")');
  assert.match(page.url(), new RegExp(`#/a/${id}/evidence/A\\.7\\.4$`));
  assert.equal(await page.locator('#aims-reg-filter').inputValue(), 'item:A.7.4', 'the evidence of that item, filtered');
  // A new record from the card supports that item from the start.
  await page.goto(`${server.url}#/a/${id}/assess/A.7.4`);
  await page.click('.aims-item[data-item="A.7.4"] a:has-text("Record evidence for A.7.4 in the register")');
  await page.waitForSelector('.aims-register-form');
  assert.match(page.url(), new RegExp(`#/a/${id}/evidence/A\\.7\\.4/new$`));
  assert.equal(await page.inputValue('.aims-register-form [name=supports]'), 'A.7.4');
  await fill(page, { title: 'Data quality checklist', kind: 'document', location: 'DMS-230' });
  await page.waitForSelector('text=Saved “Data quality checklist”.');
  // Another item's card links that record by its title (offered among the field's
  // suggestions) and unlinks it again; the record stays in the register.
  await page.goto(`${server.url}#/a/${id}/assess/8.2`);
  const c82 = page.locator('.aims-item[data-item="8.2"]');
  await c82.waitFor();
  assert.ok((await page.locator('#aims-evidence-titles option').evaluateAll((o) => o.map((x) => x.value))).includes('Bias test report'));
  const before82 = await c82.locator('.aims-evidence li').count();
  await c82.locator('input[name=evidence]').fill('Bias test report');
  await c82.locator('button[type=submit]').click();
  await c82.locator('.aims-evidence li:has-text("Bias test report")').waitFor();
  assert.equal(await c82.locator('.aims-evidence li').count(), before82 + 1);
  let again = await exported(page);
  assert.deepEqual(again.assessment.evidence.find((e) => e.title === 'Bias test report').supports, ['8.2', 'A.7.4', '6.1.2']);
  assert.equal(again.assessment.evidence.length, 33, 'linked, not copied');
  await page.goto(`${server.url}#/a/${id}/assess/8.2`);
  await c82.locator('.aims-evidence li:has-text("Bias test report")').waitFor();
  await c82.locator('button[aria-label="Unlink evidence Bias test report"]').click();
  await c82.locator('.aims-evidence li:has-text("Bias test report")').waitFor({ state: 'detached' });
  again = await exported(page);
  assert.deepEqual(again.assessment.evidence.find((e) => e.title === 'Bias test report').supports, ['A.7.4', '6.1.2']);
  // The scope screen lists the register's systems in scope (the register replaced its
  // own list of names).
  await page.goto(`${server.url}#/a/${id}/profile`);
  await page.waitForSelector('.aims-profile');
  assert.deepEqual(await page.locator('.aims-systems li').allTextContents(), ['CV screening', 'Support chatbot']);
  await page.goto(`${server.url}#/a/${id}/assess/6.1.4`);
  assert.match(await page.locator('.aims-item[data-item="6.1.4"] .aims-item-registers').textContent(), /2 AI systems in scope/);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`register screens at ${name} width in German: no sideways scroll, no serious accessibility problem`, async () => {
    const context = await chrome.browser.newContext({ viewport, locale: 'de-DE' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('.aims-drop');
    await page.setInputFiles('input[type=file]', new URL('../fixtures/assessment-v3-registers.json', import.meta.url).pathname);
    await page.waitForSelector('.aims-cards .aims-card', { timeout: 15000 });
    const id = (await page.locator('.aims-card a').first().getAttribute('href')).split('/')[2];
    for (const screen of ['systems', 'risks', 'evidence']) {
      await page.goto(`${server.url}#/a/${id}/${screen}`);
      await page.waitForSelector('.aims-registers-body .aims-subtabs');
      await page.click('button[data-action=new]');
      await page.waitForSelector('.aims-register-form');
      assert.equal(await hasHorizontalScroll(page), false, `${screen} scrolls sideways at ${name}`);
      assert.deepEqual(await axeSerious(page), [], `${screen} at ${name}`);
      await screenshot(page, `de-registers-${screen}-${name}`);
    }
    // An impact assessment's form too.
    await page.goto(`${server.url}#/a/${id}/systems`);
    await page.waitForSelector('.aims-registers-body .aims-subtabs');
    await page.locator('button[data-action=impact]').first().click();
    await page.waitForSelector('.aims-register-form[data-action=impact_save]');
    assert.equal(await hasHorizontalScroll(page), false, `the impact assessment scrolls sideways at ${name}`);
    assert.deepEqual(await axeSerious(page), [], `the impact assessment at ${name}`);
    await screenshot(page, `de-registers-impact-${name}`);
    assert.match(await page.textContent('.aims-subtabs'), /KI-Systeme \(2\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
