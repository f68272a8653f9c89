// axe-core (the accessibility engine behind Lighthouse and the browsers' audits) on every public
// page, and on the staff pages as a logged-in editor sees them, hydrated, at desktop width, at
// 390 and at 360 px: no violation of any rule it checks, and no sideways scrolling at any width
// (at 360 px with JavaScript off too); and on pages of the demo site, with its banner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, logIn, audit, ADMIN, BASE_URL, DEMO_BASE_URL } from './browser.mjs';

const PAGES = [
  '/',
  '/?q=cyber',
  '/obligations',
  '/obligations?body=ccpcj&kind=report&q=implementation',
  '/obligations?session=abc',
  '/obligations/1',
  '/resolutions/1',
  '/sessions/ccpcj/29',
  '/calendar',
  '/overview',
  '/login',
  '/subscribe?body=ccpcj&status=pending',
  '/subscriptions/sent',
  '/subscriptions/confirm?token=0',
  '/subscriptions/unsubscribe?token=0',
  '/invitations/accept?token=0',
  '/no-such-page',
];
// What staff see besides: the obligation page with its status form and work panel, My work, the
// notice settings, the accounts page, the outbox of mails written to disk.
const STAFF_PAGES = ['/obligations', '/obligations/1', '/resolutions/1', '/calendar', '/my-work', '/account/notices', '/admin/accounts', '/outbox', '/import', '/review/1'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SIZES = [
  ['desktop', { width: 1280, height: 900 }],
  ['390 px', { width: 390, height: 844 }],
  ['360 px', { width: 360, height: 740 }],
];

for (const [name, viewport] of SIZES) {
  test(`axe-core finds nothing on the public pages (${name})`, async () => {
    const context = await browser.newContext({ viewport });
    assert.deepEqual(await audit(context, PAGES), []);
    await context.close();
  });

  test(`axe-core finds nothing on the staff pages (${name})`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await logIn(page, ADMIN);
    // The audit sees what staff see: the obligation page has its work panel.
    await page.goto(`${BASE_URL}/obligations/1`);
    await page.getByRole('button', { name: 'Save office and focal point' }).waitFor();
    await page.close();
    assert.deepEqual(await audit(context, STAFF_PAGES), []);
    await context.close();
  });
}

test('nothing scrolls sideways at 360 px with JavaScript off, on any public page', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const wider = [];
  for (const path of PAGES) {
    const { page } = await open(context, path, { javaScript: false });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) wider.push(`${path}: ${overflow}px wider than the screen`);
    await page.close();
  }
  assert.deepEqual(wider, []);
  await context.close();
});

// The demo site (`serve --demo`, as `make run` serves it) says so on every page: its banner is
// audited with the page, at each width.
for (const [name, viewport] of SIZES) {
  test(`axe-core finds nothing on the demo site's pages, with the demo banner (${name})`, async () => {
    const context = await browser.newContext({ viewport });
    const { page } = await open(context, '/', { base: DEMO_BASE_URL });
    const banner = page.getByRole('complementary', { name: 'About the data' });
    assert.match(await banner.innerText(), /Demo data\./);
    await page.close();
    assert.deepEqual(await audit(context, ['/', '/obligations', '/obligations?urgency=at_risk', '/overview', '/calendar'], { base: DEMO_BASE_URL }), []);
    await context.close();
  });
}
