// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) next to each FILE given, for the
// server to send as they are (tower-http ServeDir's precompressed files): compressing once at
// build time costs nothing per request and allows the slowest, best settings.
// A compressed copy that would not be smaller is not written (and an old one is removed), so
// the server then sends the file itself.
//
//   node scripts/compress.mjs FILE...
//
// Node's own zlib: no package to install.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const text = /\.(js|css|svg|txt|html|json)$/;

for (const file of process.argv.slice(2)) {
  const raw = readFileSync(file);
  const variants = {
    br: brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: text.test(file)
          ? constants.BROTLI_MODE_TEXT
          : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gz: gzipSync(raw, { level: 9 }),
  };
  const sizes = [`${raw.length} B`];
  for (const [ext, bytes] of Object.entries(variants)) {
    if (bytes.length < raw.length) {
      writeFileSync(`${file}.${ext}`, bytes);
      sizes.push(`${ext} ${bytes.length} B`);
    } else {
      rmSync(`${file}.${ext}`, { force: true });
    }
  }
  console.error(`compress: ${file}: ${sizes.join(', ')}`);
}
