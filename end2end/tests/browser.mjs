// Launches Debian's Chromium (not a downloaded build) headless, with the flags this machine needs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
// A server started with `serve --demo` on the whole demo (`make run`'s data: corpus and
// illustrative progress), which scripts/test.sh starts besides: the demo banner, and the
// overview with every figure drawn.
export const DEMO_BASE_URL = (process.env.DEMO_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens a page and collects everything the console and the page report as errors. */
export async function open(context, path, { javaScript = true, base = BASE_URL } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('requestfailed', (req) => {
    // With JavaScript off, Chromium refuses the bundle's modulepreload and reports it as a
    // "csp" failure: that is the browser honouring the setting, not a broken page.
    if (!javaScript && req.failure()?.errorText === 'csp') return;
    // Leaving a page cancels what it was still loading; that is the navigation, not a fault.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`requestfailed: ${req.url()} (${req.failure()?.errorText})`);
  });
  await page.goto(`${base}${path}`);
  return { page, errors };
}

/** Waits until the page is hydrated (the header's marker island sets it in an effect, browser-side only). */
export function hydrated(page) {
  return page.waitForFunction(() => document.body.dataset.hydrated === 'true', null, { timeout: 20000 });
}

/** The demo accounts scripts/test.sh creates, and their password. */
export const STAFF = 'staff@example.org';
export const ADMIN = 'admin@example.org';
export const VIEWER = 'viewer@example.org';
export const PASSWORD = process.env.E2E_PASSWORD ?? 'e2e test password';

/** Logs in through the login page and waits for the obligations page it leads to. */
export async function logIn(page, email) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL(/\/obligations$/),
    page.getByRole('button', { name: 'Log in' }).click(),
  ]);
}

// The server `scripts/test.sh` starts has no SMTP: it writes every mail as an .eml file here.
const OUTBOX = process.env.OUTBOX_DIR ?? '.data/outbox';

/** The text of the newest .eml addressed to `address`, quoted-printable undone. */
export async function mailTo(address) {
  for (let i = 0; i < 100; i++) {
    const files = (() => { try { return readdirSync(OUTBOX); } catch { return []; } })()
      .filter((f) => f.endsWith('.eml'))
      .map((f) => join(OUTBOX, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (text.includes(`To: ${address}`)) {
        return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${address} in ${OUTBOX}`);
}


const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations axe finds on the page, one line each: rule, impact, and where. */
export async function violations(page) {
  // Run through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** What is wrong on the page now: axe's violations, and sideways scrolling. */
export async function problems(page, path) {
  const found = (await violations(page)).map((line) => `${path}: ${line}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) found.push(`${path}: ${overflow}px wider than the screen`);
  return found;
}

/** axe's violations and sideways scrolling on each of `paths`, hydrated, in `context`. */
export async function audit(context, paths, { base = BASE_URL } = {}) {
  const found = [];
  for (const path of paths) {
    const { page } = await open(context, path, { base });
    await hydrated(page);
    found.push(...await problems(page, path));
    await page.close();
  }
  return found;
}
