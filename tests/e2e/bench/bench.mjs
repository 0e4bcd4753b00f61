// Part of scripts/bench.sh: page-load timings and download sizes for this project and a
// SurveyJS page with the same 70-item questionnaire, plus the native and browser
// figures collected before; writes docs/performance.md.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { serve, launch, startAssessment, ROOT, DIST } from '../harness.mjs';

// The test command's size ceilings, read from scripts/test.sh so the table never goes stale.
const TEST_SH = await readFile(new URL('../../../scripts/test.sh', import.meta.url), 'utf8');
const CEILING_KB = TEST_SH.match(/size-budget\.mjs dist --max ([\d.]+)/)?.[1] ?? '?';
const QUICK_CEILING_KB = Number(TEST_SH.match(/--quick-max (\d+)/)?.[1] ?? 60);

const [OUT, PEER] = process.argv.slice(2);
const RUNS = 20;

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// --- Sizes -----------------------------------------------------------------------
/** The quick entry's files (its stylesheet is inline). */
const QUICK = ['quick.html', 'aims-quick.js', 'aims-quick_bg.wasm'];
/** The quick build's stylesheet for embeds: not part of the full app's download. */
const QUICK_FILES = [...QUICK, 'aims-quick.css'];
/** The full app's modules loaded on demand (docs/size.md), not part of its download. */
const MODULES = ['aims-seal.js', 'aims-seal_bg.wasm', 'aims-reports.js', 'aims-reports_bg.wasm'];
/** The full app: every top-level file of dist/ but the offline copy, the quick entry and the modules. */
async function distSize() {
  let total = 0;
  for (const f of await readdir(DIST, { withFileTypes: true })) {
    if (f.isFile() && f.name !== 'aims-readiness-offline.html' && !QUICK_FILES.includes(f.name) && !MODULES.includes(f.name)) total += gz(await readFile(join(DIST, f.name)));
  }
  return total;
}
async function quickSize() {
  let total = 0;
  for (const f of QUICK) total += gz(await readFile(join(DIST, f)));
  return total;
}

// --- The floor: a plain static page showing the same first question -------------------
async function buildStatic(dir) {
  const catalog = JSON.parse(await readFile(join(ROOT, 'assets/catalog/iso42001.json'), 'utf8'));
  const q = catalog.quick[0];
  const options = ['Yes, and we can show it', 'Partly', 'No', 'Not sure']
    .map((text, i) => `<label><input type="radio" name="q" value="${i}"> ${text}</label><br>`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Static first question</title></head><body><p>Question 1 of 15</p><form><fieldset><legend>${q.topic}<h1>${q.question}</h1></legend>
<p>${q.help}</p>${options}</fieldset><button type="submit">Next</button></form></body></html>`;
  await writeFile(join(dir, 'index.html'), html);
}

// --- The SurveyJS page -------------------------------------------------------------
async function buildPeer() {
  const catalog = JSON.parse(await readFile(join(ROOT, 'assets/catalog/iso42001.json'), 'utf8'));
  const levels = ['Nothing in place', 'Ad hoc', 'Partly done or planned', 'Defined and operating', 'Measured', 'Continually improved'];
  const pages = catalog.groups.filter((g) => !catalog.groups.some((c) => c.parent === g.id)).map((g) => ({
    name: g.id,
    title: `${g.id} ${g.title}`,
    elements: catalog.items.filter((i) => i.group === g.id).map((i) => ({
      type: 'radiogroup', name: i.id, title: `${i.id} ${i.title}: ${i.question}`, description: i.explanation,
      choices: levels.map((text, value) => ({ value, text: `${value} – ${text}` })),
    })),
  }));
  const survey = { title: 'ISO/IEC 42001 readiness', showProgressBar: 'top', pages };
  await writeFile(join(PEER, 'survey.json'), JSON.stringify(survey));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SurveyJS peer</title><link rel="stylesheet" href="node_modules/survey-core/survey-core.fontless.min.css"></head>
<body><div id="survey"></div>
<script src="node_modules/survey-core/survey.core.min.js"></script>
<script src="node_modules/survey-js-ui/survey-js-ui.min.js"></script>
<script>fetch('survey.json').then((r) => r.json()).then((json) => {
  const model = new Survey.Model(json);
  // Scoring as the peer would add it: a weighted mean over answered levels.
  model.onValueChanged.add((s) => { const v = Object.values(s.data); window.score = v.reduce((a, b) => a + Math.min(b, 3) / 3, 0) / 70; });
  model.render(document.getElementById('survey'));
});</script></body></html>`;
  await writeFile(join(PEER, 'index.html'), html);
  // The same 70 questions on one page, for the answering benchmark.
  const onePage = { ...survey, pages: [{ name: 'all', elements: pages.flatMap((p) => p.elements) }] };
  await writeFile(join(PEER, 'survey-one-page.json'), JSON.stringify(onePage));
  await writeFile(join(PEER, 'one-page.html'), html.replace("fetch('survey.json')", "fetch('survey-one-page.json')"));
  const files = ['index.html', 'survey.json', 'node_modules/survey-core/survey.core.min.js',
    'node_modules/survey-js-ui/survey-js-ui.min.js', 'node_modules/survey-core/survey-core.fontless.min.css'];
  let total = 0, runtime = 0;
  for (const f of files) {
    const n = gz(await readFile(join(PEER, f)));
    total += n;
    if (f.startsWith('node_modules')) runtime += n;
  }
  return { total, runtime };
}

// --- Cold loads ----------------------------------------------------------------------
/**
 * Milliseconds from navigation start to the first enabled radio button of a question,
 * and to the moment the page's own build has rendered it (quick.html shows a
 * pre-rendered first question before its build arrives; on every other page both are
 * the same moment).
 */
async function firstQuestion(browser, url, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((sel) => {
    const check = () => {
      const el = document.querySelector(sel);
      if (!el || el.disabled) return;
      window.__firstQuestion ??= performance.now();
      if (!document.querySelector('[data-aims-pre]')) window.__built ??= performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__built, null, { timeout: 30000 });
  const t = await page.evaluate(() => [window.__firstQuestion, window.__built]);
  await context.close();
  return t;
}

// --- Answering with all 70 items on one screen ----------------------------------------
const CLICKS = 40, WARM_UP = 3;
/**
 * Milliseconds from pressing the mouse on a level to the next frame, for CLICKS answers
 * spread over the 70 items (after WARM_UP clicks that are not counted, on both sides
 * alike). Real mouse clicks (Playwright), so focus moves as it does for a person. The
 * time runs from `pointerdown` to a task queued from the first animation frame after
 * the `click`, i.e. after that frame's style, layout and paint.
 */
async function clickToPaint(page, radios) {
  await page.evaluate(([selector]) => {
    const inputs = [...document.querySelectorAll(selector)];
    // Question k (spread over all 70), level 1..4 by turns: every click changes an answer.
    for (let k = 0; k < 70 * 4; k++) {
      const question = (k * 17) % 70, level = 1 + (k % 4);
      inputs[question * 6 + level].closest('label').dataset.bench ??= String(k);
    }
    window.benchTimes = [];
    let start = 0;
    document.addEventListener('pointerdown', () => { start = performance.now(); }, true);
    document.addEventListener('click', (event) => {
      // A click on a label also clicks its input: count the input's click only.
      if (!(event.target instanceof HTMLInputElement)) return;
      const from = start;
      requestAnimationFrame(() => setTimeout(() => window.benchTimes.push(performance.now() - from), 0));
    }, true);
  }, [radios]);
  for (let k = 0; k < CLICKS + WARM_UP; k++) {
    // The level is scrolled into view first and the page left to settle, so the figure
    // is what answering costs, not what scrolling to the item costs (on both pages).
    const target = page.locator(`[data-bench="${k}"]`);
    await target.scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    await target.click();
    await page.waitForFunction((n) => window.benchTimes.length === n, k + 1);
  }
  return page.evaluate((warmUp) => window.benchTimes.slice(warmUp), WARM_UP);
}

async function oursClicks(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('#aims-new-name', 'Bench');
  await startAssessment(page);
  await page.click('.aims-chip:has-text("Everything")');
  await page.waitForFunction(() => document.querySelectorAll('.aims-item').length === 70);
  const times = await clickToPaint(page, '.aims-item input[type=radio]');
  await context.close();
  return times;
}

// --- The lock on the browser's copy (issue 25) ------------------------------------------
const LOCK_PASS = 'bench passphrase for the lock 2026';

/** The median time from a level clicked to its record's write reaching the database (put), over 20 clicks. */
async function clickToPut(page) {
  await page.evaluate(() => {
    window.benchPuts = [];
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (String(key).includes('.a.')) window.benchPuts.push(performance.now());
      return put.apply(this, [value, key]);
    };
  });
  const times = [];
  for (let k = 0; k < 20; k++) {
    times.push(await page.evaluate(async (level) => {
      const n = window.benchPuts.length;
      const input = document.querySelector(`.aims-item[data-item="4.1"] input[value="${level}"]`);
      const from = performance.now();
      input.click();
      while (window.benchPuts.length === n) await new Promise((ok) => setTimeout(ok, 0));
      return window.benchPuts[n] - from;
    }, 2 + (k % 2)));
  }
  return median(times);
}

/**
 * 200 assessments in the database; a save's cost without and with the lock; the lock set
 * (every record re-encrypted); the time from pressing Unlock to the list of 200.
 */
async function lockFigures(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const fixture = await readFile(join(ROOT, 'tests/fixtures/assessment-v3.json'), 'utf8');
  const id = JSON.parse(fixture).assessment.id;
  await page.goto(url);
  await page.waitForSelector('#aims-new-name');
  await page.evaluate(async ({ fixture, id }) => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('aims.default.v1.'); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    const tx = db.transaction('records', 'readwrite');
    for (let k = 0; k < 200; k++) {
      const copy = `bench-${String(k).padStart(3, '0')}-${id.slice(13)}`;
      tx.objectStore('records').put(fixture.split(id).join(copy), `aims.default.v1.a.${copy}`);
    }
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  }, { fixture, id });
  await page.reload();
  await page.waitForSelector('.aims-cards .aims-card');
  await page.locator('.aims-cards .aims-card a').first().click();
  await page.waitForSelector('.aims-item[data-item="4.1"]');
  const saveOpen = await clickToPut(page);
  await page.goto(`${url}#/`);
  await page.click('button:has-text("Passphrase lock…")');
  await page.fill('#aims-seal-pass', LOCK_PASS);
  await page.fill('#aims-seal-again', LOCK_PASS);
  const setFrom = Date.now();
  await page.click('button:has-text("Set the lock")');
  await page.waitForSelector('text=The lock is set.', { timeout: 60000 });
  const setMs = Date.now() - setFrom;
  await page.reload();
  await page.waitForSelector('#aims-lock-pass', { timeout: 60000 });
  await page.fill('#aims-lock-pass', LOCK_PASS);
  const unlockMs = await page.evaluate(async () => {
    const from = performance.now();
    document.querySelector('.aims-lock button[type=submit]').click();
    while (!document.querySelector('.aims-cards .aims-card')) await new Promise((ok) => requestAnimationFrame(ok));
    return performance.now() - from;
  });
  const listed = await page.locator('.aims-cards .aims-card').count();
  await page.locator('.aims-cards .aims-card a').first().click();
  await page.waitForSelector('.aims-item[data-item="4.1"]');
  const saveLocked = await clickToPut(page);
  await context.close();
  return { saveOpen, saveLocked, setMs, unlockMs, listed };
}

/**
 * Issue 22's figures in the browser: each register screen drawn with 50 AI systems, 500
 * risks and 2,000 evidence records (from the click on its tab to its first page of 100
 * rows on screen);
 * an audit pack with 100 MB of evidence files (two of 50 MB, the most a file may be):
 * the time from the click to the download, the longest the page went without a frame
 * meanwhile, and the reports module's memory after it (it never shrinks: its peak).
 */
async function registerFigures(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const doc = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/assessment-v3-registers.json'), 'utf8'));
  const a = doc.assessment;
  const copies = (list, n, change) => Array.from({ length: n }, (_, k) => change({ ...structuredClone(list[k % list.length]), id: crypto.randomUUID() }, k));
  a.ai_systems = copies(a.ai_systems, 50, (x, k) => ({ ...x, name: `System ${k}` }));
  a.risks = copies(a.risks, 500, (x, k) => ({ ...x, title: `Risk ${k}`, source: { system: a.ai_systems[k % 50].id } }));
  a.evidence = copies(a.evidence, 2000, (x, k) => ({ ...x, title: `Evidence ${k}`, file: null }));
  for (const s of a.ai_systems) if (s.impact_assessment) for (const e of s.impact_assessment.effects || []) delete e.risk;
  await page.goto(url);
  await page.waitForSelector('.aims-drop');
  await page.setInputFiles('input[type=file]', { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForSelector('.aims-cards .aims-card', { timeout: 60000 });
  const id = (await page.locator('.aims-card a').first().getAttribute('href')).split('/')[2];
  await page.goto(`${url}#/a/${id}/systems`);
  await page.waitForSelector('.aims-registers-body table', { timeout: 60000 });
  const screens = {}, times = { risks: [], evidence: [], systems: [] };
  for (let round = 0; round < 5; round++) for (const [screen, last] of [['risks', 'Risk 99'], ['evidence', 'Evidence 99'], ['systems', 'System 49']]) {
    times[screen].push(await page.evaluate(async ([screen, last]) => {
      const from = performance.now();
      document.querySelector(`a[data-screen=${screen}]`).click();
      while (!document.querySelector('.aims-registers-body')?.textContent.includes(last)) await new Promise((ok) => setTimeout(ok, 0));
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      return performance.now() - from;
    }, [screen, last]));
  }
  // The median of five rounds (the first visit of each screen included).
  for (const [screen, list] of Object.entries(times)) screens[screen] = [...list].sort((x, y) => x - y)[2];
  // The pack: two records of the ordinary fixture, 50 MB each.
  await page.goto(url);
  await page.click('button:has-text("Delete all my data")');
  await page.click('button:has-text("Yes, delete everything")');
  await page.setInputFiles('input[type=file]', join(ROOT, 'tests/fixtures/assessment-v3-registers.json'));
  await page.waitForSelector('.aims-cards .aims-card');
  const small = (await page.locator('.aims-card a').first().getAttribute('href')).split('/')[2];
  await page.goto(`${url}#/a/${small}/evidence`);
  await page.waitForSelector('tr:has-text("AI policy v2")');
  await page.click('tr:has-text("AI policy v2") button[data-action=unfile]');
  const big = join(OUT, 'evidence-50mb.bin');
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 7));
  for (const [row, name] of [['AI policy v2', 'policy.bin'], ['Interview with the support lead', 'notes.bin']]) {
    await page.setInputFiles(`tr:has-text("${row}") input[type=file]`, big);
    await page.waitForSelector(`tr:has-text("${row}") button[data-action=open_file]`, { timeout: 60000 });
  }
  await page.goto(`${url}#/a/${small}/results`);
  await page.evaluate(() => {
    window.benchGap = 0;
    let last = performance.now();
    const frame = (t) => { window.benchGap = Math.max(window.benchGap, t - last); last = t; window.benchFrames = requestAnimationFrame(frame); };
    window.benchFrames = requestAnimationFrame(frame);
  });
  const from = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click('button:has-text("Export audit pack")')]);
  const packMs = Date.now() - from;
  const packBytes = (await readFile(await download.path())).length;
  const gapMs = await page.evaluate(() => { cancelAnimationFrame(window.benchFrames); return window.benchGap; });
  const memoryMb = await page.evaluate(async () => (await (await import('./aims-reports.js')).default()).memory.buffer.byteLength / 2 ** 20);
  await context.close();
  return { screens, packMs, packMb: packBytes / 2 ** 20, gapMs, memoryMb };
}

async function peerClicks(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}one-page.html`);
  await page.waitForFunction(() => document.querySelectorAll('.sd-question').length === 70, null, { timeout: 30000 });
  const times = await clickToPaint(page, '.sd-question input[type=radio]');
  await context.close();
  return times;
}

const staticDir = join(OUT, 'static');
await (await import('node:fs/promises')).mkdir(staticDir, { recursive: true });
await buildStatic(staticDir);
// The static page beside ours, on the same server.
const ours = await serve(DIST, { dir: staticDir, at: '/static-floor/' });
const peer = await serve(PEER);
const peerSize = await buildPeer();
const chrome = await launch();
const QUESTION = '.aims-quick-options input[type=radio]';
const oursTimes = [], oursBuiltTimes = [], peerTimes = [], floorTimes = [];
// Each page once, uncounted: the browser's first loads of a run (its caches, its
// compiler warming up) are slower for whichever page comes first. Then the quick entry
// and the static page in turn, each round starting with the other, and the SurveyJS
// page on its own afterwards: interleaved, the page loaded right after SurveyJS (half a
// second of script, then a context to close) started on a busier machine.
const quickLoad = async () => {
  const [first, built] = await firstQuestion(chrome.browser, `${ours.url}quick.html`, QUESTION);
  oursTimes.push(first);
  oursBuiltTimes.push(built);
};
const floorLoad = async () => {
  floorTimes.push((await firstQuestion(chrome.browser, `${ours.root}static-floor/`, 'input[type=radio]'))[0]);
};
const peerLoad = async () => {
  peerTimes.push((await firstQuestion(chrome.browser, peer.url, '.sd-question input[type=radio], .sd-item__control'))[0]);
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
for (const load of [quickLoad, floorLoad, peerLoad]) await load();
oursTimes.length = oursBuiltTimes.length = floorTimes.length = peerTimes.length = 0;
for (let i = 0; i < RUNS; i++) {
  for (const load of i % 2 ? [floorLoad, quickLoad] : [quickLoad, floorLoad]) {
    await load();
    await settle();
  }
}
for (let i = 0; i < RUNS; i++) {
  await peerLoad();
  await settle();
}
const oursClick = await oursClicks(chrome.browser, ours.url);
const peerClick = await peerClicks(chrome.browser, peer.url);
const lock = await lockFigures(chrome.browser, ours.url);
const registers = await registerFigures(chrome.browser, ours.url);
await chrome.close(); await ours.close(); await peer.close();

// --- Figures collected by scripts/bench.sh -------------------------------------------
const native = await readFile(join(OUT, 'native.txt'), 'utf8').catch(() => '');
const nativeRow = native.split('\n').find((l) => l.includes('score_full_assessment')) || '';
// divan prints: name  fastest │ slowest │ median │ mean │ samples │ iters
const nativeMedian = nativeRow.split('│')[2]?.trim() || 'n/a';
const toMicros = (text) => {
  const m = /([\d.]+)\s*(ns|µs|us|ms)/.exec(text);
  if (!m) return NaN;
  return Number(m[1]) * ({ ns: 0.001, 'µs': 1, us: 1, ms: 1000 }[m[2]]);
};
const browser = await readFile(join(OUT, 'browser.txt'), 'utf8').catch(() => '');
const bench = Object.fromEntries([...browser.matchAll(/BENCH (\w+) ([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));

const oursSize = await distSize();
const oursQuickSize = await quickSize();
const offline = await readFile(join(DIST, 'aims-readiness-offline.html'));
const offlineRaw = offline.length, offlineGz = gz(offline);
const oursMedian = median(oursTimes), peerMedian = median(peerTimes);
const floorMedian = median(floorTimes), oursBuiltMedian = median(oursBuiltTimes);
const oursClickMedian = median(oursClick), peerClickMedian = median(peerClick);
const oursClickMax = Math.max(...oursClick);
const rows = [
  ['Download of the quick entry (quick.html with its CSS inline, its JS and wasm), gzip -9', `${kb(oursQuickSize)} KB`, `${kb(peerSize.total)} KB (runtime alone ${kb(peerSize.runtime)} KB)`, (oursQuickSize / peerSize.total).toFixed(2), `≤ ${QUICK_CEILING_KB} KB`, oursQuickSize <= QUICK_CEILING_KB * 1024],
  ['Download of the full app, gzip -9 (HTML, JS, wasm, CSS, catalog)', `${kb(oursSize)} KB`, `${kb(peerSize.total)} KB`, (oursSize / peerSize.total).toFixed(2), `≤ 200 KB (ceiling ${CEILING_KB} KB, size.md)`, oursSize <= 200 * 1024],
  ['Single-file offline package (dist/aims-readiness-offline.html, not part of the download above)', `${kb(offlineRaw)} KB raw, ${kb(offlineGz)} KB gzip`, '–', '–', '–', true],
  [`Navigation → first question usable, quick entry, median of ${RUNS} cold loads`, `${oursMedian.toFixed(0)} ms`, `${peerMedian.toFixed(0)} ms`, (oursMedian / peerMedian).toFixed(2), '≤ 0.3 × SurveyJS', oursMedian <= peerMedian * 0.3],
  ['The same against a plain static page with the same first question (the floor)', `${oursMedian.toFixed(0)} ms`, `static page ${floorMedian.toFixed(0)} ms`, (oursMedian / floorMedian).toFixed(2), '≤ 1.3 × static page', oursMedian <= floorMedian * 1.3],
  ['Quick entry: its build has taken over (the pre-rendered first question answered so far is kept; "Next" works from here)', `${oursBuiltMedian.toFixed(0)} ms`, `static page ${floorMedian.toFixed(0)} ms`, (oursBuiltMedian / floorMedian).toFixed(2), '– (reported)', true],
  [`Click on a level → next paint, all 70 items on one screen, median of ${CLICKS}`, `${oursClickMedian.toFixed(1)} ms`, `${peerClickMedian.toFixed(1)} ms`, (oursClickMedian / peerClickMedian).toFixed(2), '≤ 0.4 × SurveyJS', oursClickMedian <= peerClickMedian * 0.4],
  [`Slowest of those ${CLICKS} clicks`, `${oursClickMax.toFixed(1)} ms`, `${Math.max(...peerClick).toFixed(1)} ms`, '–', '≤ 50 ms', oursClickMax <= 50],
  ['Re-scoring a 70-item assessment, native (divan median)', nativeMedian, '–', '–', '< 20 µs', toMicros(nativeMedian) < 20],
  ['Re-scoring after an answer, in the browser', `${bench.rescore_browser_us ?? 'n/a'} µs`, '–', '–', '< 200 µs', bench.rescore_browser_us < 200],
  ['The same with 50 AI systems, 500 risks and 2,000 evidence records in the registers (issue 22)', `${bench.rescore_registers_browser_us ?? 'n/a'} µs`, '–', '–', '≤ 2,000 µs', bench.rescore_registers_browser_us <= 2000],
  ['A register screen drawn with 50 AI systems, 500 risks and 2,000 evidence records: systems / risks / evidence (click on its tab → its table on screen)', ['systems', 'risks', 'evidence'].map((k) => `${registers.screens[k].toFixed(0)} ms`).join(' / '), '–', '–', '≤ 100 ms each', Object.values(registers.screens).every((ms) => ms <= 100)],
  [`Audit pack with 100 MB of evidence files (two of 50 MB): click → download (${registers.packMb.toFixed(1)} MB)`, `${(registers.packMs / 1000).toFixed(1)} s`, '–', '–', '≤ 20 s', registers.packMs <= 20000],
  ['The same: the longest the page went without a frame meanwhile (a progress bar moves)', `${registers.gapMs.toFixed(0)} ms`, '–', '–', '– (reported)', true],
  ['The same: the reports module\'s wasm memory after it (its peak)', `${registers.memoryMb.toFixed(0)} MB`, '–', '–', '≤ 2 × 50 MB + 32 MB', registers.memoryMb <= 132],
  ['Saving an assessment (browser: the copy in memory; the database after)', `${bench.save_ms ?? 'n/a'} ms`, '–', '–', '< 2 ms', bench.save_ms < 2],
  ['200 saves committed to the browser database (IndexedDB)', `${bench.save_committed_ms ?? 'n/a'} ms`, '–', '–', '< 2,000 ms', bench.save_committed_ms < 2000],
  ['Lock: pressing Unlock → the list of 200 assessments shown (key derivation, 200 records decrypted, first render)', `${lock.unlockMs.toFixed(0)} ms (${lock.listed} shown of 200)`, '–', '–', '≤ 1,500 ms', lock.unlockMs <= 1500 && lock.listed > 0],
  ['Lock: a click on a level → its record written to the database, without the lock / with it (median of 20)', `${lock.saveOpen.toFixed(1)} ms / ${lock.saveLocked.toFixed(1)} ms (${lock.saveLocked >= lock.saveOpen ? '+' : '−'}${Math.abs(lock.saveLocked - lock.saveOpen).toFixed(1)} ms)`, '–', '–', '≤ +5 ms', lock.saveLocked - lock.saveOpen <= 5],
  ['Lock: setting it with 200 assessments (key derivation, every record encrypted, one transaction)', `${lock.setMs} ms`, '–', '–', '– (reported)', true],
  ['Home screen with 200 saved assessments (list + render)', `${bench.home_200_ms ?? 'n/a'} ms`, '–', '–', '< 100 ms', bench.home_200_ms < 100],
  ['wasm linear memory with 200 assessments loaded', `${bench.wasm_memory_mb ?? 'n/a'} MB`, '–', '–', '< 8 MB', bench.wasm_memory_mb < 8],
];
const cpu = os.cpus()[0]?.model || 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const table = [
  '| figure | aims-readiness | SurveyJS 2.5.38 page | ratio | budget | met |',
  '|---|---|---|---|---|---|',
  ...rows.map(([name, a, b, ratio, budget, met]) => `| ${name} | ${a} | ${b} | ${ratio} | ${budget} | ${met ? 'yes' : '**no**'} |`),
].join('\n');
const doc = `# Performance

Measured by \`scripts/bench.sh\` on ${date}: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB,
headless Debian Chromium, pages served from 127.0.0.1. The SurveyJS page is the same
70-item questionnaire (titles, questions and explanations from our catalog, one page per
clause or control objective) built with survey-core and survey-js-ui 2.5.38 and the
fontless stylesheet, as a vendor would build it without this product.

${table}

Raw load times (ms): quick entry ${oursTimes.map((t) => t.toFixed(0)).join(', ')};
quick entry's build taken over ${oursBuiltTimes.map((t) => t.toFixed(0)).join(', ')};
static page ${floorTimes.map((t) => t.toFixed(0)).join(', ')};
SurveyJS ${peerTimes.map((t) => t.toFixed(0)).join(', ')}.

Raw click-to-paint times (ms): aims-readiness ${oursClick.map((t) => t.toFixed(1)).join(', ')};
SurveyJS ${peerClick.map((t) => t.toFixed(1)).join(', ')}.

What the download is made of: [size.md](size.md).

How each figure is taken:
- sizes: every file the page downloads, gzip -9 (the test command enforces both
  ceilings, see \`tests/e2e/size-budget.mjs\`);
- first question: a fresh browser context per load; a MutationObserver installed before
  the page's own scripts records \`performance.now()\` when the first radio button of a
  question exists and is enabled. Ours: the quick entry (\`quick.html\`, the same build
  \`?mode=quick\` and the full app's \`#/quick\` load); the floor: a
  plain static HTML page with the same first question and its four options, served by
  the same server; each page once uncounted, then the quick entry and the static page
  in turn ${RUNS} times (each round starting with the other), then the SurveyJS page
  ${RUNS} times, the machine left 300 ms to settle after each load. \`quick.html\` carries its
  first question pre-rendered for an English visitor with nothing saved (everyone else
  sees "Loading…" until the build renders), and asks for its build from its module
  script, without preload hints (measured: they held the first question back by about
  20 ms, the build's download competing with the page); an option chosen before the
  build arrives is kept. The second quick-entry figure is when the build has rendered
  over the pre-rendered question (from then on "Next" works);
- click to next paint: ours with "Everything" (70 cards) on the Assess screen of a new
  assessment, SurveyJS with the same 70 questions on one page; real mouse clicks on a
  level's label, ${WARM_UP} uncounted warm-up clicks each, then ${CLICKS} clicks spread
  over the items, each on another level than before, each level scrolled into view and
  the page left to settle before its click; the time runs from \`pointerdown\`
  to a task queued from the first animation frame after the \`click\` (after its
  style, layout and paint), so one frame (16.7 ms at 60 Hz) is the floor for both pages;
- native re-scoring: \`cargo bench --bench scoring\` (divan), \`score\` over a fully answered
  70-item assessment;
- browser figures: \`tests/browser_bench.rs\` in release mode, \`performance.now()\` over
  5,000 edit + re-score rounds, 200 saves into the browser database as the app opens it
  (each returns once the copy has it; the time until the database has committed all 200
  is its own row), a first render of the home screen listing 200 saved assessments, and
  the wasm memory size with all 200 loaded;
- the full app's download leaves out its on-demand modules (aims-seal, aims-reports),
  as the size step does.
`;
await writeFile(join(ROOT, 'docs/performance.md'), doc);
console.log(table);
