// A delegate subscribes to a filtered list with JavaScript off, and confirms from the mail: the
// server (`scripts/test.sh` starts it without SMTP) writes every mail as an .eml file under
// .data/outbox/, which is where a new user of `make run` reads them too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, mailTo, audit } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const width of [1280, 390, 360]) {
  test(`subscribe from a filtered list without JavaScript and confirm from the mail (${width} px)`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const { page, errors } = await open(context, '/obligations?body=ccpcj&status=pending', { javaScript: false });
    await page.getByRole('link', { name: 'Email me these deadlines' }).click();
    await page.waitForURL(/\/subscribe\?body=ccpcj&status=pending$/);
    assert.match(await page.locator('.lede').innerText(), /body “ccpcj”, status “pending”/);
    // A mistyped address: the form comes back with the problem, by its field, and what was typed.
    await page.getByLabel('Email address').fill('delegate at mission');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /There is a problem/);
    assert.match(await page.locator('#email-error').innerText(), /correct format/);
    assert.equal(await page.getByLabel('Email address').inputValue(), 'delegate at mission');
    const address = `delegate-${width}-${Date.now()}@mission.example`;
    await page.getByLabel('Email address').fill(address);
    await page.getByLabel('Daily').check();
    await page.getByLabel('Weeks ahead').fill('8');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.waitForURL(/\/subscriptions\/sent$/);
    assert.equal(await page.locator('h1').innerText(), 'Check your email');
    const mail = await mailTo(address);
    const link = mail.match(/https?:\/\/\S+\/subscriptions\/confirm\?token=[0-9a-f]+/)[0];
    assert.ok(link.includes('/subscriptions/confirm?token='), link);
    // axe-core on the pages a real token opens (the suite's audit sees only their refusals);
    // axe runs in the page, so in a context with JavaScript.
    const axe = await browser.newContext({ viewport: { width, height: 900 } });
    const path = (url) => { const u = new URL(url); return u.pathname + u.search; };
    assert.deepEqual(await audit(axe, [path(link)]), [], 'confirm page');
    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/\/subscriptions\/manage\?token=.*notice=confirmed/);
    const text = await page.locator('main').innerText();
    assert.match(text, /Your subscription is confirmed/);
    assert.match(text, new RegExp(address.replace(/[.]/g, '\\.')));
    assert.match(text, /every day, deadlines in the next 8 weeks/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(overflow, 0, 'no sideways scrolling');
    assert.deepEqual(await audit(axe, [path(page.url())]), [], 'manage page');
    await axe.close();
    // The refused form's 422 is the answer the test asked for.
    assert.deepEqual(errors.filter((e) => !e.includes('status of 422')), []);
    await context.close();
  });
}
