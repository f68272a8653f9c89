// The real release bundle as served: hashed names in the page, brotli and gzip copies that
// decode to the very file, cached for good; and a browser that hydrates from the brotli copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { launch, open, hydrated, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** GET with the given Accept-Encoding; the body as sent (not decoded). */
function raw(path, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    get(`${BASE_URL}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function bundlePaths() {
  const html = (await raw('/')).body.toString();
  const wasm = html.match(/\/pkg\/mandate-tracker\.[0-9a-f]{16}\.wasm/)?.[0];
  const js = html.match(/\/pkg\/mandate-tracker\.[0-9a-f]{16}\.js/)?.[0];
  assert.ok(wasm && js, 'the page links the bundle under hashed names');
  return { wasm, js };
}

test('the bundle is sent as brotli or gzip, decodes to the file, and is immutable', async () => {
  const { wasm, js } = await bundlePaths();
  for (const path of [wasm, js]) {
    const plain = await raw(path);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ]) {
      const sent = await raw(path, accept);
      assert.equal(sent.headers['content-encoding'], encoding, `${path} with ${accept}`);
      assert.equal(sent.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(sent.headers.vary, 'accept-encoding');
      assert.ok(sent.body.length < plain.body.length / 2, `${path} ${encoding} is much smaller`);
      assert.ok(decode(sent.body).equals(plain.body), `${path} ${encoding} decodes to the file`);
    }
  }
  assert.ok((await raw(wasm)).body.subarray(0, 4).equals(Buffer.from('\0asm')));
  const css = await raw('/main.css', 'br');
  assert.equal(css.headers['content-encoding'], 'br');
  assert.equal(css.headers['cache-control'], 'no-cache');
});

test('the browser loads the hashed bundle and hydrates', async () => {
  const context = await browser.newContext();
  const bundle = [];
  context.on('response', async (res) => {
    if (/\/pkg\/mandate-tracker\.[0-9a-f]{16}\.(js|wasm)$/.test(res.url())) {
      bundle.push({ url: res.url(), status: res.status(), headers: await res.allHeaders() });
    }
  });
  const { page, errors } = await open(context, '/');
  await hydrated(page);
  assert.deepEqual(bundle.map((r) => r.url.split('.').pop()).sort(), ['js', 'wasm']);
  for (const r of bundle) {
    assert.equal(r.status, 200, r.url);
    // Chromium asks for brotli; what it got decoded and ran (the page hydrated).
    assert.match(r.headers['content-encoding'] ?? 'none', /^(br|gzip)$/, r.url);
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
  }
  assert.deepEqual(errors, []);
  await context.close();
});
