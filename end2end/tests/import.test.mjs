// Browser tests of the import and the review queue: an editor uploads a published Akoma Ntoso
// file, a PDF and a Word file (made here from the repository's texts), sees the preview (live in
// the browser with JavaScript, the server's without), imports, reviews (corrects a target,
// rejects one, confirms the rest) and finds the tracked obligations, with their dates, on the
// public finder; a viewer reads the review and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

// These tests add documents: scripts/test.sh gives them a server and database of their own
// (IMPORT_BASE_URL), so that the other tests see the seed report alone. Each test file runs in
// a process of its own, so the address is set before the helpers read it.
if (process.env.IMPORT_BASE_URL) process.env.BASE_URL = process.env.IMPORT_BASE_URL;
const { launch, open, hydrated, logIn, problems, BASE_URL, STAFF, VIEWER } = await import('./browser.mjs');

const DATA = new URL('../../data/corpus/', import.meta.url);
const original = (name) => new URL(`originals/${name}`, DATA).pathname;
const corpusText = (name) => readFileSync(new URL(`texts/${name}`, DATA), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A .docx of `text`, one Word paragraph a line (what Word makes of a pasted text). */
async function docxOf(text) {
  const escape = (line) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text.split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`).join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Uploads a file on /import; the page is then the draft's. */
async function upload(page, symbol, file) {
  await page.goto(`${BASE_URL}/import`);
  await page.getByLabel('Document symbol').fill(symbol);
  await page.getByLabel('Adoption date (optional)').fill('2021-07-22');
  await page.getByLabel('Upload a file').setInputFiles(file);
  await Promise.all([
    page.waitForURL(/\/import\/drafts\/\d+$/),
    page.getByRole('button', { name: 'Upload and preview' }).click(),
  ]);
}

async function importDraft(page) {
  await Promise.all([
    page.waitForURL(/\/review\/\d+$/),
    page.getByRole('button', { name: 'Import as proposed mandates' }).click(),
  ]);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

test('an Akoma Ntoso file is previewed live, imported, reviewed and then public', async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context, '/login');
  await logIn(page, STAFF);
  await upload(page, 'E/RES/2021/21', original('09-e-res-2021-21.xml'));
  await page.waitForFunction(() => document.documentElement.dataset.livePreview === 'on');
  assert.match(await page.locator('#preview-counts').innerText(), /1 resolution or decision, 3 mandates, 1 of them a report/);
  assert.ok(await page.locator('#preview mark').count() >= 3);
  assert.deepEqual(await problems(page, 'draft page'), []);
  // The preview follows the text as it is edited, in the browser: paragraph 6 made to ask
  // nothing has one mandate fewer, and put back has it again.
  const text = page.locator('#text');
  const edit = (from, to) => text.evaluate((area, [a, b]) => {
    area.value = area.value.replace(a, b);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, [from, to]);
  await edit('6. Also requests', '6. Also notes');
  await page.waitForFunction(() => /, 2 mandates, 1 of them a report/.test(document.getElementById('preview-counts').textContent));
  await edit('6. Also notes', '6. Also requests');
  await page.waitForFunction(() => /, 3 mandates, 1 of them a report/.test(document.getElementById('preview-counts').textContent));
  assert.match(await page.locator('#preview').innerText(), /Commission on Crime Prevention and Criminal Justice/);
  const documentId = await importDraft(page);
  await hydrated(page);
  assert.match(await page.locator('main').innerText(), /3 mandates wait for review/);
  assert.deepEqual(await problems(page, 'review page'), []);

  // Correct the report's target session, reject one mandate, confirm the rest.
  const mandates = page.locator('article.review-mandate');
  assert.equal(await mandates.count(), 3);
  const report = mandates.filter({ hasText: /Reporting\s*yes/ }).first();
  await report.getByText('Correct', { exact: true }).click();
  await report.locator('input[id^="correct-"][name="target_session"]').fill('35');
  await Promise.all([
    page.waitForURL(new RegExp(`/review/${documentId}\\??$`)),
    report.getByRole('button', { name: 'Save the correction and confirm' }).click(),
  ]);
  await page.locator('article.review-mandate').filter({ hasText: /Reporting\s*no/ }).first()
    .getByRole('button', { name: 'Reject' }).click();
  await page.getByText('1 mandate waits for review').waitFor();
  await page.getByRole('button', { name: 'Confirm the proposed mandate as found' }).click();
  await page.getByText('Every mandate is reviewed.').waitFor();
  const history = await page.locator('main').innerText();
  assert.match(history, /corrected by .*target session: 29 → 35|corrected by .*target session: .* → 35/);
  assert.match(history, /rejected by/);

  // The two tracked mandates are public, the report with the dates of the Commission's 35th session.
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const outside = (await open(visitor, '/obligations?body=ccpcj&session=35', { javaScript: false })).page;
  const rows = await outside.locator('table.obligations tbody').innerText();
  // The seed report asks nothing of the 35th session: the row is the corrected report.
  assert.equal(await outside.locator('table.obligations tbody tr').count(), 1);
  assert.match(rows, /\d{1,2} [A-Z][a-z]+ 202[67]/, 'the dates of the 35th session');
  assert.deepEqual(errors, []);
  await visitor.close();
  await context.close();
});

test('without JavaScript, a PDF and a Word file come in with the server preview', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, errors } = await open(context, '/login', { javaScript: false });
  await logIn(page, STAFF);
  await upload(page, 'S/2021/523', original('16-s-2021-523.pdf'));
  assert.match(await page.locator('#preview-counts').innerText(), /1 mandate/);
  assert.equal(await page.locator('#preview-live').isVisible(), false, 'no live preview without JavaScript');
  // Editing the text and asking for the preview again: the server previews the edited text.
  const text = page.locator('#text');
  const before = await text.inputValue();
  const after = before.replace('Decides to remain actively seized of the matter.',
    'Requests the Secretary-General to report to the Security Council within six months on the matter, and decides to remain actively seized of the matter.');
  assert.notEqual(after, before);
  await text.fill(after);
  await Promise.all([page.waitForURL(/\/import\/drafts\/\d+$/), page.getByRole('button', { name: 'Update the preview' }).click()]);
  assert.match(await page.locator('#preview-counts').innerText(), /2 mandates/);
  const pdf = await importDraft(page);
  await page.getByRole('button', { name: /^Confirm all 2 proposed mandates/ }).click();
  await page.waitForURL(new RegExp(`/review/${pdf}\\??$`));
  assert.match(await page.locator('main').innerText(), /Every mandate is reviewed/);

  // A Word file made from the repository's text of E/RES/2021/23.
  await upload(page, 'E/RES/2021/23', { name: 'resolution.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await docxOf(corpusText('10-e-res-2021-23.txt')) });
  assert.match(await page.locator('main').innerText(), /From resolution\.docx \(Word \(\.docx\)\)/);
  assert.match(await page.locator('#preview-counts').innerText(), /1 mandate/);
  await importDraft(page);
  assert.deepEqual(errors, []);
  // A file that is no document is refused (415) with the form kept.
  await page.goto(`${BASE_URL}/import`);
  await page.getByLabel('Document symbol').fill('E/RES/2021/99');
  await page.getByLabel('Upload a file').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\n0000', 'binary') });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await page.getByText('There is a problem').waitFor();
  assert.equal(await page.getByLabel('Document symbol').inputValue(), 'E/RES/2021/99');
  assert.match(await page.locator('.error-summary').innerText(), /cannot be read here/);
  assert.deepEqual(errors, ['console: Failed to load resource: the server responded with a status of 415 (Unsupported Media Type)']);
  await context.close();
});

test('a viewer reads the review queue and changes nothing', async () => {
  const context = await browser.newContext();
  const { page } = await open(context, '/login');
  await logIn(page, VIEWER);
  await page.goto(`${BASE_URL}/import`);
  assert.equal(await page.getByRole('button', { name: 'Upload and preview' }).count(), 0);
  assert.match(await page.locator('main').innerText(), /not allowed/);
  await page.goto(`${BASE_URL}/review/1`);
  await page.getByRole('heading', { name: 'Review of E/2019/30' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Confirm' }).count(), 0);
  assert.equal(await page.getByText('Record the adopted symbol').count(), 0);
  const refused = await page.evaluate(async () => (await fetch('/api/confirm_all', {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: 'document_id=1',
  })).status);
  assert.equal(refused, 403);
  await context.close();
});
