// Streams the CSV export of a 1,000,000-entry ledger through the app and reports throughput and
// memory: heap growth should stay small and flat while the output is hundreds of megabytes.
//   node --expose-gc --import tsx bench/statement-csv.ts [entries]
import { seedLedger } from './seed-ledger.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const bench = await seedLedger(COUNT);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = base.heapUsed;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
}, 20);

const retained: number[] = [];
const started = performance.now();
const res = await bench.app.request('/v1/statement?format=csv', { headers: { Authorization: `Bearer ${bench.secret}` } });
if (res.status !== 200 || !res.body) throw new Error(`status ${res.status}`);
let bytes = 0;
let lines = 0;
let chunks = 0;
for await (const chunk of res.body) {
  bytes += chunk.byteLength;
  chunks++;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  // Let the sampler run between chunks, as a network write would.
  if (chunks % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  // What the stream keeps alive, as opposed to garbage not yet collected.
  if (gc && chunks % 100 === 0) {
    gc();
    retained.push(process.memoryUsage().heapUsed - base.heapUsed);
  }
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`${lines - 1} rows (+ header), ${mb(bytes)} in ${chunks} chunks, ${seconds.toFixed(2)} s`);
console.log(`${Math.round((lines - 1) / seconds).toLocaleString('en')} rows/s, ${mb(bytes / seconds)}/s`);
console.log(`heap used: before ${mb(base.heapUsed)}, peak ${mb(peakHeap)} incl. uncollected garbage (growth ${mb(peakHeap - base.heapUsed)})`);
if (retained.length > 0) {
  console.log(`heap retained after gc, every 100 chunks: ${retained.map((n) => (n / 1024 / 1024).toFixed(1)).join(' ')} MB`);
}
console.log(`rss: before ${mb(base.rss)}, peak ${mb(peakRss)} (growth ${mb(peakRss - base.rss)})`);
if (lines - 1 !== COUNT) throw new Error(`expected ${COUNT} rows`);
await bench.close();
