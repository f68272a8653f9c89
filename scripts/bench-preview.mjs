// Benchmark of the import page's live preview in headless Chromium: how long the extractor
// compiled to wasm (`preview_html`, public/import-preview.js) takes to re-extract and re-render a
// resolution, as it does on each edit. Run against a server (`make run`, or scripts/test.sh's):
//   BASE_URL=http://127.0.0.1:3000 node scripts/bench-preview.mjs [runs]
// Figures go in docs/benchmarks.md ("Live import preview").
import { readFileSync } from 'node:fs';
import { launch, BASE_URL } from '../end2end/tests/browser.mjs';

const runs = Number(process.argv[2] ?? 200);
const texts = [
  ['E/RES/2021/24 (20 operative paragraphs, 26 KB)', 'data/corpus/texts/11-e-res-2021-24.txt'],
  ['A/RES/77/237 (85 operative paragraphs, 91 KB)', 'data/corpus/texts/03-a-res-77-237.txt'],
];

const browser = await launch();
const page = await browser.newPage();
await page.goto(`${BASE_URL}/login`);
for (const [name, file] of texts) {
  const text = readFileSync(file, 'utf8');
  const result = await page.evaluate(async ({ text, runs }) => {
    const module = await import('/preview/mandate-preview.js');
    const started = performance.now();
    await module.default({ module_or_path: '/preview/mandate-preview.wasm' });
    const load = performance.now() - started;
    const times = [];
    let summary = '';
    for (let i = 0; i < runs; i += 1) {
      // Each run a different text, as an edit makes it.
      const edited = `${text}\n${' '.repeat(i % 7)}`;
      const t = performance.now();
      summary = JSON.parse(module.preview_html(edited, '[]')).summary;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return { load, first: times[0], median: at(0.5), p95: at(0.95), max: times.at(-1), summary };
  }, { text, runs });
  console.log(`${name}: ${result.summary}`);
  console.log(`  module load ${result.load.toFixed(1)} ms; per edit (${runs} runs): median ${result.median.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms, max ${result.max.toFixed(2)} ms`);
}
await browser.close();
