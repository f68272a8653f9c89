// Browser tests of the staff workflow: logging in, recording progress on an obligation, assigning
// the work, what a viewer may do, moving a session. Each test works on its own obligation or session of the demo data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, hydrated, logIn, BASE_URL, STAFF, ADMIN, VIEWER } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The path of the n-th report on the obligations page (0 = the earliest deadline). */
async function reportPath(page, n) {
  await page.goto(`${BASE_URL}/obligations?kind=report`);
  const link = page.locator('table.obligations tbody tr a').nth(n);
  return new URL(await link.getAttribute('href'), BASE_URL).pathname;
}

test('visitors read an obligation and its dates but get no form', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, errors } = await open(context, '/obligations', { javaScript: false });
  const path = await reportPath(page, 0);
  await page.goto(`${BASE_URL}${path}`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1 }).waitFor());
  // The earliest report is due at the General Assembly's 75th session, opened 15 September 2020.
  const facts = await page.locator('.facts').innerText();
  assert.match(facts, /Session opens\s+15 September 2020\s+Submit by\s+7 July 2020\s+Issue by\s+4 August 2020/);
  assert.equal(await page.getByRole('button', { name: 'Record' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Log in' }).count(), 2, 'header and page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript, staff log in and record progress; a stale page is refused', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, errors } = await open(context, '/login', { javaScript: false });
  await logIn(page, STAFF);
  assert.match(await page.locator('.user-menu').innerText(), /editor/);
  const path = await reportPath(page, 0);
  await page.goto(`${BASE_URL}${path}`);
  const stale = await context.newPage();
  await stale.goto(`${BASE_URL}${path}`);

  // No step is chosen to begin with, and a step's own fields show only once it is.
  assert.equal(await page.locator('input[name="to"]:checked').count(), 0);
  assert.equal(await page.getByLabel('Deferred to').isVisible(), false);
  await page.getByLabel('Deferred', { exact: true }).check();
  assert.equal(await page.getByLabel('Deferred to').isVisible(), true);
  await page.getByLabel('In preparation', { exact: true }).check();
  assert.equal(await page.getByLabel('Deferred to').isVisible(), false);
  await page.getByLabel(/^Note/).fill('Drafting started');
  await page.getByLabel(/^Staff only/).check();
  await Promise.all([page.waitForURL(`${BASE_URL}${path}**`), page.getByRole('button', { name: 'Record' }).click()]);
  const history = await page.locator('ol.history').innerText();
  assert.match(history, /Pending → In preparation/);
  assert.match(history, /Internal note \(staff only\): Drafting started/);
  assert.match(history, new RegExp(STAFF));
  // Visitors do not see the internal note.
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const outside = (await open(visitor, path, { javaScript: false })).page;
  const seen = await outside.locator('ol.history').innerText();
  assert.match(seen, /Pending → In preparation/);
  assert.doesNotMatch(seen, /Drafting started/);
  await visitor.close();

  // The second tab still shows version 1: refused, and the form comes back as it was filled.
  await stale.getByLabel('Submitted', { exact: true }).check();
  await stale.getByLabel(/^Note/).fill('Also drafting');
  await stale.getByLabel(/^Everyone/).check();
  await Promise.all([stale.waitForURL(/__err=/), stale.getByRole('button', { name: 'Record' }).click()]);
  assert.match(await stale.getByRole('alert').innerText(), /Someone else changed/);
  assert.equal(await stale.getByLabel(/^Note/).inputValue(), 'Also drafting');
  assert.equal(await stale.getByLabel('Submitted', { exact: true }).isChecked(), true);
  assert.equal(await stale.getByLabel(/^Everyone/).isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with JavaScript, recording progress updates the page in place', async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context, '/login');
  await hydrated(page);
  await logIn(page, STAFF);
  // The login redirected inside the app; the header learnt who is logged in all the same.
  await page.locator('.user-menu', { hasText: 'editor' }).waitFor();
  const path = await reportPath(page, 1);
  await page.goto(`${BASE_URL}${path}`);
  await hydrated(page);
  let loads = 0;
  page.on('load', () => { loads += 1; });

  await page.getByLabel('In preparation', { exact: true }).check();
  await page.getByRole('button', { name: 'Record' }).click();
  await page.locator('ol.history', { hasText: 'Pending → In preparation' }).waitFor();
  assert.match(await page.locator('.facts .status').innerText(), /In preparation/);
  // Said in a live region, for screen-reader users who cannot see the page change.
  await page.getByRole('status').filter({ hasText: 'Recorded: In preparation.' }).waitFor();

  // The refreshed form carries the new version: the next step goes through too.
  await page.getByLabel('Submitted', { exact: true }).check();
  await page.getByRole('button', { name: 'Record' }).click();
  await page.locator('ol.history', { hasText: 'In preparation → Submitted' }).waitFor();
  assert.equal(loads, 0, 'no page load: the form was sent by the hydrated app');

  // Issuing needs the symbol: the refusal is shown, and nothing changes.
  await page.getByLabel('Issued', { exact: true }).check();
  await page.getByLabel('Document symbol').waitFor();
  await page.getByRole('button', { name: 'Record' }).click();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'symbol' }).waitFor());
  assert.match(await page.locator('.facts .status').innerText(), /Submitted/);
  // Chromium logs the refused request (422) as a console error; that one is expected.
  const refused = errors.filter((e) => /status of 422/.test(e));
  assert.equal(refused.length, 1);
  assert.deepEqual(errors.filter((e) => !refused.includes(e)), []);
  await context.close();
});

test('an administrator moves a session and its deadlines follow', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, errors } = await open(context, '/login', { javaScript: false });
  await logIn(page, ADMIN);
  await page.goto(`${BASE_URL}/calendar`);
  const row = page.getByRole('row', { name: /thirtieth session/ }).first();
  await row.getByText('Change').click();
  await row.getByLabel('Opens on', { exact: true }).fill('2021-06-14');
  await row.getByLabel('Closes on', { exact: true }).fill('2021-06-18');
  await row.getByLabel(/^Note/).fill('Moved by the Bureau');
  await Promise.all([page.waitForURL(/\/calendar/), row.getByRole('button', { name: /Save/ }).click()]);
  assert.match(await page.getByRole('row', { name: /thirtieth session/ }).first().innerText(), /14 June 2021/);

  // A future session, added to the Commission's calendar.
  const commission = page.getByRole('region', { name: 'Commission on Crime Prevention and Criminal Justice' });
  await commission.getByText('Add a session').click();
  // (The calendar file has the Commission's sessions up to the 37th; the form offers the 38th.)
  await commission.getByLabel('Label (e.g. thirty-fifth session)').fill('thirty-eighth session');
  await commission.getByLabel('Opens on', { exact: true }).last().fill('2029-05-14');
  await Promise.all([page.waitForURL(/\/calendar/), commission.getByRole('button', { name: 'Add the session' }).click()]);
  assert.match(await page.getByRole('row', { name: /thirty-eighth session/ }).innerText(), /14 May 2029/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('staff see the calendar without its edit forms', async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context, '/login');
  await hydrated(page);
  await logIn(page, STAFF);
  await page.goto(`${BASE_URL}/calendar`);
  await hydrated(page);
  assert.ok(await page.getByRole('row').count() > 10);
  assert.equal(await page.getByText('Change').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript, an administrator assigns the work, the focal point finds it in My work, and a viewer changes nothing', async () => {
  const admin = await browser.newContext({ javaScriptEnabled: false });
  const { page, errors } = await open(admin, '/login', { javaScript: false });
  await logIn(page, ADMIN);
  const path = await reportPath(page, 2);
  await page.goto(`${BASE_URL}${path}`);
  await page.getByLabel('Responsible office').fill('Justice Section');
  await page.getByLabel('Focal point', { exact: true }).selectOption({ label: 'E2E editor' });
  await Promise.all([
    page.waitForURL(`${BASE_URL}${path}**`),
    page.getByRole('button', { name: 'Save office and focal point' }).click(),
  ]);
  assert.equal(await page.getByLabel('Responsible office').inputValue(), 'Justice Section');
  assert.match(await page.locator('.facts').first().innerText(), /Responsible office\s+Justice Section/);
  assert.deepEqual(errors, []);
  await admin.close();

  const editor = await browser.newContext({ javaScriptEnabled: false });
  const mine = (await open(editor, '/login', { javaScript: false })).page;
  await logIn(mine, STAFF);
  await mine.getByRole('link', { name: 'My work' }).click();
  await mine.waitForURL(/\/my-work$/);
  const row = mine.locator('table.obligations tbody tr', { has: mine.locator(`a[href="${path}"]`) });
  assert.match(await row.innerText(), /You are its focal point; office: Justice Section/);
  await editor.close();

  const viewer = await browser.newContext({ javaScriptEnabled: false });
  const reader = (await open(viewer, '/login', { javaScript: false })).page;
  await logIn(reader, VIEWER);
  await reader.goto(`${BASE_URL}${path}`);
  const main = await reader.locator('main').innerText();
  assert.match(main, /changes nothing/);
  assert.match(main, /Focal point\s+E2E editor/);
  assert.equal(await reader.getByRole('button', { name: 'Record' }).count(), 0);
  assert.equal(await reader.getByRole('button', { name: 'Save office and focal point' }).count(), 0);
  assert.equal(await reader.getByRole('button', { name: 'Follow this obligation' }).count(), 1);
  await viewer.close();
});
