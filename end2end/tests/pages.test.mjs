// Browser tests of the per-session and per-resolution pages, with JavaScript on and off, at
// desktop and phone widths: what is due at a session with its dates and links, and a
// resolution's paragraphs with each mandate marked and linked to its obligation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, hydrated } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SIZES = [{ name: 'desktop', width: 1280, height: 900 }, { name: '390 px', width: 390, height: 844 }];
const WRITTEN_OUT = /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;

async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const size of SIZES) {
  for (const javaScript of [false, true]) {
    const how = `${size.name}, JavaScript ${javaScript ? 'on' : 'off'}`;

    test(`a session lists what is due there, with its dates, and each row leads to its obligation (${how})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: size });
      const { page, errors } = await open(context, '/sessions/ccpcj/29', { javaScript });
      if (javaScript) await hydrated(page);
      assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /twenty-ninth/i);
      const facts = await page.locator('dl.facts').innerText();
      assert.match(facts, /Documents due/);
      assert.match(facts, /Documents issued by/);
      assert.match(facts, WRITTEN_OUT, 'dates written out');
      const rows = page.locator('table.obligations tbody tr');
      const count = await rows.count();
      assert.ok(count >= 4, `${count} rows`);
      const first = rows.first();
      assert.match(await first.locator('td[data-label="Status"]').innerText(), /Pending|In preparation|Submitted|Issued/);
      assert.ok(await first.locator('.badge').isVisible(), 'urgency as a badge');
      assert.ok(await sideways(page) <= 0, 'nothing scrolls sideways');
      // The finder and CSV links carry the session's filter.
      assert.match(await page.locator('.downloads a').first().getAttribute('href'), /body=ccpcj&session=29/);

      const link = first.locator('td[data-label="Source"] a');
      const source = (await link.innerText()).trim();
      await Promise.all([page.waitForURL(/\/obligations\/\d+$/), link.click()]);
      assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), source);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test(`a resolution marks each mandate in its paragraph and links it to its obligation (${how})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: size });
      const { page, errors } = await open(context, '/', { javaScript });
      if (javaScript) await hydrated(page);
      const label = page.locator('td[data-label="Label"] a', { hasText: '28/3' }).first();
      await Promise.all([page.waitForURL(/\/resolutions\/\d+$/), label.click()]);
      assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /28\/3/);
      const operative = page.locator('ol.paragraphs li.operative');
      assert.ok(await operative.count() >= 10, 'operative paragraphs');
      const marked = page.locator('ol.paragraphs li.operative', { has: page.locator('mark') });
      assert.ok(await marked.count() >= 1, 'clauses marked in their paragraph');
      const paragraph = marked.first();
      const clause = (await paragraph.locator('mark').first().innerText()).trim();
      const link = paragraph.locator('ul.mandates a').first();
      assert.match(await paragraph.locator('ul.mandates li').first().innerText(), / — (Pending|In preparation|Submitted|Issued|Ongoing)/);
      assert.ok(await sideways(page) <= 0, 'nothing scrolls sideways');
      await Promise.all([page.waitForURL(/\/obligations\/\d+$/), link.click()]);
      // The obligation page quotes the mandate's own words, which the paragraph marked.
      const quote = (await page.locator('blockquote.quote').innerText()).trim();
      assert.ok(clause.includes(quote) || quote.includes(clause.slice(0, 40)), `${quote} / ${clause}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
