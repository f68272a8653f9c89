// The overview's figures: drawn on the server, so there with JavaScript off; scaled to a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['390 px', { width: 390, height: 844 }]]) {
  test(`the overview draws its charts without JavaScript and fits the screen (${name})`, async () => {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false });
    const { page, errors } = await open(context, '/overview', { javaScript: false });
    await assert.doesNotReject(page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor());
    // The month-by-month chart always has points; it is an image named by its title.
    const chart = page.getByRole('img', { name: /Reports overdue, month by month/ });
    const box = await chart.locator('svg').boundingBox();
    assert.ok(box && box.width > 200 && box.width <= viewport.width, `chart ${box?.width}px wide`);
    // Its numbers, for screen readers and anyone who wants them, one click away.
    await page.getByText('The figures of “Reports overdue, month by month” as a table').click();
    const rows = page.getByRole('table', { name: 'Reports overdue, month by month' }).locator('tbody tr');
    // The first of each of 24 months, and today (unless today is a first of the month).
    assert.equal(await rows.count(), new Date().getUTCDate() === 1 ? 24 : 25);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
