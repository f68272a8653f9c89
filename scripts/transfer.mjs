// Bytes a first visit transfers per page: the HTML and the style sheet, script and wasm it
// links, each fetched as a browser does (Accept-Encoding: gzip, deflate, br, zstd), counted as
// sent (body bytes, headers excluded). For docs/benchmarks.md.
//
//   BASE_URL=http://127.0.0.1:3000 node scripts/transfer.mjs / /obligations /calendar /login
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const base = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const accept = process.env.ACCEPT_ENCODING ?? 'gzip, deflate, br, zstd';

function fetchRaw(path) {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers: { 'accept-encoding': accept } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const kinds = [
  ['css', /href="(\/[^"]+\.css)"/],
  ['js', /href="(\/pkg\/[^"]+\.js)"/],
  ['wasm', /href="(\/pkg\/[^"]+\.wasm)"/],
];

console.log('| page | HTML | CSS | JS | wasm | total |');
console.log('|---|---|---|---|---|---|');
for (const path of process.argv.slice(2)) {
  const page = await fetchRaw(path);
  const decode = { br: brotliDecompressSync, gzip: gunzipSync }[page.headers['content-encoding']];
  const html = (decode ? decode(page.body) : page.body).toString();
  const cells = [`${page.body.length} (${page.headers['content-encoding'] ?? 'plain'})`];
  let total = page.body.length;
  for (const [kind, pattern] of kinds) {
    const link = html.match(pattern)?.[1];
    if (!link) { cells.push('—'); continue; }
    const file = await fetchRaw(link);
    total += file.body.length;
    cells.push(`${file.body.length} (${file.headers['content-encoding'] ?? 'plain'})`);
  }
  console.log(`| \`${path}\` | ${cells.join(' | ')} | **${total}** |`);
}
