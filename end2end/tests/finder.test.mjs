// Browser tests of the finder (/obligations): filtering and searching with JavaScript off (a GET
// form: full page loads) and on (public/finder.js applies the filters and replaces the results in
// place, the address following), at desktop and phone widths, a shared link opened in a fresh
// context, and a phone-width layout that does not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, hydrated, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const rows = (page) => page.locator('table.obligations tbody tr');

for (const [width, javaScript] of [[1280, false], [1280, true], [390, false], [390, true]]) {
  test(`filters and words narrow the list (${width} px, JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });
    const { page, errors } = await open(context, '/obligations', { javaScript });
    if (javaScript) await hydrated(page);
    await assert.doesNotReject(page.getByRole('heading', { name: /^63 obligations/ }).waitFor());
    // With JavaScript the results are replaced in place: this page is never reloaded.
    if (javaScript) await page.evaluate(() => { window.stillThisPage = true; });

    await page.getByLabel('Body').selectOption('ccpcj');
    await page.getByLabel('Kind').selectOption('report');
    await page.getByLabel('Words').fill('implementation');
    await Promise.all([
      page.waitForURL(/\/obligations\?.*q=implementation/),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ]);
    await assert.doesNotReject(page.getByRole('heading', { name: /^\d+ obligations?$/ }).waitFor());
    const count = await rows(page).count();
    assert.ok(count >= 1 && count < 13, `${count} rows`);
    assert.ok(await page.locator('mark').count() >= 1, 'matched words are marked');
    for (const row of await rows(page).all()) {
      assert.match(await row.innerText(), /Commission on Crime Prevention and Criminal Justice/);
    }
    if (javaScript) {
      assert.equal(await page.evaluate(() => window.stillThisPage), true, 'updated in place');
      assert.match(await page.getByRole('status').last().innerText(), /^\d+ obligations?/);
      // Back returns to the previous filter, in place as well.
      await page.goBack();
      await assert.doesNotReject(page.getByRole('heading', { name: /^\d+ obligations?$/ }).waitFor());
      assert.equal(await page.evaluate(() => window.stillThisPage), true, 'Back in place');
      await page.goForward();
      await page.getByRole('heading', { name: /^\d+ obligations?$/ }).waitFor();
      await page.waitForFunction(() => location.search.includes('q=implementation'));
      await page.waitForFunction((n) => document.querySelectorAll('table.obligations tbody tr').length === n, count);
    }
    // The form keeps what was chosen.
    assert.equal(await page.getByLabel('Body').inputValue(), 'ccpcj');
    assert.equal(await page.getByLabel('Words').inputValue(), 'implementation');

    // The address alone gives the same list to someone else.
    const shared = page.url();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const other = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const fresh = await other.newPage();
    await fresh.goto(shared);
    assert.equal(await rows(fresh).count(), count);
    await other.close();
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a value that makes no sense is named by its field, and the page says 422', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${BASE_URL}/obligations?session=abc&q=crime`);
  assert.equal(response.status(), 422);
  assert.match(await page.locator('.error-summary').first().innerText(), /There is a problem/);
  assert.match(await page.locator('#session-error').innerText(), /whole number/);
  assert.equal(await page.getByLabel('Words').inputValue(), 'crime');
  await context.close();
});

test('at 390 px the finder stacks and nothing scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, errors } = await open(context, '/obligations?sort=source');
  await hydrated(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  // Table rows become stacked cards: a cell is as wide as its row.
  const cell = await page.locator('table.obligations tbody tr').first().locator('td').first().boundingBox();
  assert.ok(cell.width > 300, `cell ${cell.width}px wide`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 390 px no public page scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  for (const path of ['/', '/calendar', '/sessions/ccpcj/29', '/obligations/1', '/resolutions/1', '/overview', '/login']) {
    const { page, errors } = await open(context, path, { javaScript: false });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, [], path);
    await page.close();
  }
  await context.close();
});
