// Developer tool: screenshots of the report screens (SoA, plan, report, crosswalks,
// compare) with the v2 fixture imported, at desktop and phone widths.
// node tests/e2e/tools/shoot-reports.mjs OUTDIR
import { serve, launch, VIEWPORTS, openFixture } from '../harness.mjs';
const out = process.argv[2] || '/tmp/shots';
const server = await serve();
const chrome = await launch();
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  const page = await chrome.browser.newPage({ viewport });
  page.on('pageerror', (e) => console.log('pageerror', String(e)));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  const id = await openFixture(page, server.url);
  for (const screen of ['results', 'soa', 'plan', 'report', 'crosswalks', 'compare']) {
    await page.goto(`${server.url}#/a/${id}/${screen}`);
    await page.waitForSelector('.aims-subtabs');
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${screen}-${name}.png`, fullPage: ['crosswalks', 'compare'].includes(screen) });
  }
  await page.close();
}
await chrome.close();
await server.close();
