// Developer tool: viewport screenshots of the guidance pages at phone and desktop width,
// a few screens down each page. node tests/e2e/tools/shoot-guide.mjs OUTDIR
import { serve, launch, VIEWPORTS } from '../harness.mjs';
const out = process.argv[2] || '/tmp/shots';
const server = await serve();
const chrome = await launch();
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  const page = await chrome.browser.newPage({ viewport });
  page.on('pageerror', (e) => console.log('pageerror', String(e)));
  for (const p of ['about', 'frameworks', 'certification', 'clauses', 'glossary']) {
    await page.goto(`${server.url}#/guide/${p}`);
    await page.waitForSelector('.aims-guide h1');
    for (const [i, y] of [0, 1, 3].entries()) {
      await page.evaluate((k) => window.scrollTo(0, k * window.innerHeight), y);
      await page.waitForTimeout(100);
      await page.screenshot({ path: `${out}/guide-${p}-${i}-${name}.png` });
    }
  }
  await page.close();
}
await chrome.close();
await server.close();
