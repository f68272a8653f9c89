// Browser tests of the front page, in Debian's headless Chromium driven by playwright-core.
// BASE_URL points at a running server loaded with the seed report (scripts/test.sh does that).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const rows = (page) => page.locator('table.resolutions tbody tr');

test('the list renders with JavaScript disabled and the GET form filters it', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, errors } = await open(context, '/', { javaScript: false });
  await assert.doesNotReject(page.getByRole('heading', { name: 'Resolutions and decisions' }).waitFor());
  assert.equal(await rows(page).count(), 14);
  assert.match(await page.locator('.count').innerText(), /Showing 14 of 14/);

  await page.getByRole('searchbox', { name: /Filter/ }).fill('wildlife');
  await Promise.all([page.waitForURL(/\?q=wildlife/), page.getByRole('button', { name: 'Filter' }).click()]);
  assert.equal(await rows(page).count(), 1);
  assert.match(await rows(page).first().innerText(), /Resolution 28\/3/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('after hydration, typing narrows the list without a navigation', async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context, '/');
  await page.waitForFunction(() => window.__mtHydrated === true || document.body.dataset.hydrated === 'true',
    null, { timeout: 20000 });
  // A navigation would wipe this marker.
  await page.evaluate(() => { window.__sameDocument = 'yes'; });
  // history.replaceState (which keeps ?q= in the address bar) is a same-document navigation;
  // a reload or a form submission would fire 'load' again.
  let loads = 0;
  page.on('load', () => { loads += 1; });

  const box = page.getByRole('searchbox', { name: /Filter/ });
  await box.pressSequentially('cyber', { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('table.resolutions tbody tr').length === 1);
  assert.match(await rows(page).first().innerText(), /cybercrime/i);
  assert.match(await page.locator('.count').innerText(), /Showing 1 of 14/);

  await box.fill('');
  await box.press('End');
  await box.pressSequentially('general assembly', { delay: 10 });
  await page.waitForFunction(() => document.querySelectorAll('table.resolutions tbody tr').length === 6);

  assert.equal(await page.evaluate(() => window.__sameDocument), 'yes');
  assert.equal(loads, 0);
  assert.match(page.url(), /\?q=general\+assembly$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown path answers 404 with the app page', async () => {
  const context = await browser.newContext();
  const { page } = await open(context, '/no-such-page');
  const response = await page.request.get(`${BASE_URL}/no-such-page`);
  assert.equal(response.status(), 404);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Page not found' }).waitFor());
  await context.close();
});
