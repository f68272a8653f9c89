// An administrator invites a colleague without JavaScript; the colleague opens the mailed link,
// chooses a password and is logged in; the administrator then disables the account.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, logIn, mailTo, ADMIN, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an administrator invites a colleague, who chooses a password from the mailed link (JavaScript off)', async () => {
  const admin = await browser.newContext({ javaScriptEnabled: false });
  const { page, errors } = await open(admin, '/login', { javaScript: false });
  await logIn(page, ADMIN);
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.waitForURL(/\/admin\/accounts$/);
  const address = `colleague-${Date.now()}@unodc.example`;
  await page.getByLabel('Email address').fill(address);
  await page.getByLabel('Name shown for the account').fill('New Colleague');
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await Promise.all([page.waitForURL(/\/admin\/accounts/), page.getByRole('button', { name: 'Send the invitation' }).click()]);
  assert.match(await page.locator('main').innerText(), new RegExp(`New Colleague \\(${address.replace(/[.]/g, '\\.')}\\), Viewer`));

  const mail = await mailTo(address);
  const link = mail.match(/https?:\/\/\S+\/invitations\/accept\?token=[0-9a-f]+/)[0];
  const colleague = await browser.newContext({ javaScriptEnabled: false });
  const own = (await open(colleague, new URL(link).pathname + new URL(link).search, { javaScript: false })).page;
  assert.match(await own.locator('.lede').innerText(), /Welcome, New Colleague/);
  await own.getByLabel('New password').fill('a sentence I will remember');
  await Promise.all([own.waitForURL(/\/my-work$/), own.getByRole('button', { name: 'Create my account' }).click()]);
  assert.match(await own.locator('.user-menu').innerText(), /New Colleague \(viewer\)/);

  // Disabled by the administrator, the colleague's next page is a visitor's.
  await page.reload();
  await Promise.all([
    page.waitForURL(/\/admin\/accounts/),
    page.getByRole('button', { name: 'Disable New Colleague' }).click(),
  ]);
  await page.getByRole('button', { name: 'Enable New Colleague' }).waitFor();
  await own.goto(`${BASE_URL}/my-work`);
  assert.equal(await own.getByRole('link', { name: 'Log in' }).first().isVisible(), true);
  assert.deepEqual(errors, []);
  await colleague.close();
  await admin.close();
});
