// Developer tool: screenshots of the main screens at desktop and phone widths.
// node tests/e2e/tools/shoot.mjs OUTDIR
import { serve, launch, VIEWPORTS } from '../harness.mjs';
const out = process.argv[2] || '/tmp/shots';
const server = await serve();
const chrome = await launch();
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  const page = await chrome.browser.newPage({ viewport });
  page.on('pageerror', (e) => console.log('pageerror', String(e)));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await page.goto(server.url);
  await page.waitForSelector('h1');
  await page.fill('#aims-new-name', 'Screenshot review');
  await page.fill('#aims-new-org', 'Example GmbH');
  await page.click('button[type=submit]');
  await page.waitForSelector('.aims-profile');
  await page.click('#aims-role-ai_customer');
  await page.click('#aims-ms-iso27001');
  await page.screenshot({ path: `${out}/profile-${name}.png`, fullPage: true });
  await page.click('.aims-profile-continue');
  await page.waitForSelector('.aims-item');
  await page.locator('.aims-item').nth(0).locator('input[value="3"]').check();
  await page.locator('.aims-item').nth(1).locator('input[value="1"]').check();
  await page.screenshot({ path: `${out}/assess-${name}.png`, fullPage: false });
  await page.click('text=Results');
  await page.waitForSelector('.aims-verdict');
  await page.screenshot({ path: `${out}/results-${name}.png`, fullPage: true });
  await page.click('.aims-tab >> text=Documents');
  await page.screenshot({ path: `${out}/documents-${name}.png`, fullPage: false });
  await page.click('.aims-tab >> text=Assessments');
  await page.screenshot({ path: `${out}/home-${name}.png`, fullPage: true });
  await page.click('.aims-tab >> text=Quick check');
  await page.screenshot({ path: `${out}/quick-${name}.png`, fullPage: false });
  // All 70 items on one screen, a deep link, and the not-found screen.
  await page.click('.aims-tab:text-is("Assess")');
  await page.click('.aims-chip:has-text("Everything")');
  await page.waitForFunction(() => document.querySelectorAll('.aims-item').length === 70);
  await page.screenshot({ path: `${out}/everything-${name}.png`, fullPage: false });
  const id = (await page.evaluate(() => location.hash)).split('/')[2];
  await page.goto(`${server.url}#/a/${id}/assess/A.6.2.4`);
  await page.waitForSelector('.aims-item[data-item="A.6.2.4"]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/deep-link-${name}.png`, fullPage: false });
  await page.goto(`${server.url}#/a/nobody/results`);
  await page.waitForSelector('.aims-missing');
  await page.screenshot({ path: `${out}/not-found-${name}.png`, fullPage: false });
  await page.close();
}
await chrome.close();
await server.close();
