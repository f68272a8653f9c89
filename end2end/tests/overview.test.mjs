// The overview's three figures on the whole demo (the server `serve --demo` on `make run`'s
// data, DEMO_BASE_URL): drawn on the server as SVG, so there with JavaScript off as well as on,
// each named by its title, scaled to the screen, and with its numbers as a table one click away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, hydrated, DEMO_BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FIGURES = [
  // The demo defers reports to sessions ahead (CCPCJ 36, HRC 64 and 65, GA 82).
  { title: 'Reports due at the coming sessions, by status', rows: (n) => n >= 1 },
  // The first of each of 24 months, and today (unless today is a first of the month).
  { title: 'Reports overdue, month by month', rows: (n) => n === (new Date().getUTCDate() === 1 ? 24 : 25) },
  // The demo's issued reports, by body.
  { title: 'Reports issued in time (by their issue-by date), by body', rows: (n) => n >= 1 },
];

const SIZES = [['desktop', { width: 1280, height: 900 }], ['390 px', { width: 390, height: 844 }]];

for (const [name, viewport] of SIZES) {
  for (const javaScript of [false, true]) {
    const how = `${name}, JavaScript ${javaScript ? 'on' : 'off'}`;
    test(`the overview draws its three charts, each with its table, and fits the screen (${how})`, async () => {
      const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript });
      const { page, errors } = await open(context, '/overview', { javaScript, base: DEMO_BASE_URL });
      if (javaScript) await hydrated(page);
      await assert.doesNotReject(page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor());
      assert.match(await page.locator('.lede').innerText(), /judged on \d{1,2} \w+ \d{4}/);
      for (const { title, rows } of FIGURES) {
        // An image named by its title (and summary), drawn as SVG that fits the screen.
        const chart = page.getByRole('img', { name: new RegExp(title.replace(/[()]/g, '\\$&')) });
        assert.equal(await chart.count(), 1, `${title}: one chart`);
        const svg = chart.locator('svg');
        assert.equal(await svg.count(), 1, `${title}: drawn as SVG`);
        const box = await svg.boundingBox();
        assert.ok(box && box.width > 200 && box.x >= 0 && box.x + box.width <= viewport.width,
          `${title}: chart ${box?.x}+${box?.width}px in ${viewport.width}`);
        assert.ok(box.height > 100, `${title}: chart ${box.height}px high`);
        assert.ok(await svg.locator('rect, path, polyline, polygon, line, circle').count() > 0, `${title}: marks drawn`);
        // Its numbers, for screen readers and anyone who wants them, one click away.
        const table = page.getByRole('table', { name: title });
        assert.equal(await table.isVisible(), false, `${title}: table folded`);
        await page.getByText(`The figures of “${title}” as a table`).click();
        assert.ok(await table.isVisible(), `${title}: table unfolded`);
        const count = await table.locator('tbody tr').count();
        assert.ok(rows(count), `${title}: ${count} rows`);
        const tableBox = await table.boundingBox();
        assert.ok(tableBox.x + tableBox.width <= viewport.width, `${title}: table ${tableBox.width}px wide`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
