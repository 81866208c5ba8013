/**
 * The statement at scale, in its own process so its memory is its own: seeds `entries` ledger
 * entries (seed-ledger.ts), times the first and a deep page (median of 15), then streams the whole
 * CSV export, sampling memory. Prints one JSON line.
 *   node --import tsx bench/servers/statement-run.ts [entries=1000000]
 */
import { seedLedger } from '../seed-ledger.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const RUNS = 15;
const seedStarted = performance.now();
const bench = await seedLedger(COUNT);
const seedSeconds = (performance.now() - seedStarted) / 1000;
const headers = { Authorization: `Bearer ${bench.secret}` };
const minSeq = bench.db.prepare('SELECT min(seq) FROM ledger_entries').pluck().get() as number;
const row = bench.db.prepare('SELECT created_at FROM ledger_entries WHERE seq = ?').get(minSeq + 50) as { created_at: number };
// The cursor is opaque to clients; the benchmark builds the one of the oldest page to jump there.
const deepCursor = Buffer.from(JSON.stringify([row.created_at, minSeq + 50])).toString('base64url');

async function medianMs(query: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const started = performance.now();
    const res = await bench.app.request(`/v1/statement?${query}`, { headers });
    const body = (await res.json()) as { entries: unknown[] };
    if (res.status !== 200 || body.entries.length === 0) throw new Error(`${query}: ${res.status}`);
    if (i >= 3) samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1]!;
}

const firstPageMs = await medianMs('limit=50');
const deepPageMs = await medianMs(`limit=50&cursor=${deepCursor}`);

const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = base.heapUsed;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
}, 20);
const started = performance.now();
const res = await bench.app.request('/v1/statement?format=csv', { headers });
if (res.status !== 200 || !res.body) throw new Error(`csv: ${res.status}`);
let bytes = 0;
let lines = 0;
let chunks = 0;
for await (const chunk of res.body) {
  bytes += chunk.byteLength;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  // Let the sampler run between chunks, as a network write would.
  if (++chunks % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
}
const csvSeconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await bench.close();
if (lines - 1 !== COUNT) throw new Error(`the CSV held ${lines - 1} rows, expected ${COUNT}`);
process.stdout.write(
  `${JSON.stringify({
    entries: COUNT,
    seedSeconds: Number(seedSeconds.toFixed(1)),
    firstPageMs: Number(firstPageMs.toFixed(2)),
    deepPageMs: Number(deepPageMs.toFixed(2)),
    csv: { rows: lines - 1, bytes, seconds: Number(csvSeconds.toFixed(2)), rssGrowthBytes: peakRss - base.rss, heapGrowthBytes: peakHeap - base.heapUsed, peakRssBytes: peakRss },
  })}\n`,
);
