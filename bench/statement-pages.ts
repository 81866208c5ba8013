// Times statement pages at the start, middle and end of a 1,000,000-entry ledger:
// keyset pagination should make them cost the same.
//   node --import tsx bench/statement-pages.ts [entries]
import { seedLedger } from './seed-ledger.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const RUNS = 20;
const bench = await seedLedger(COUNT);

// The cursor is opaque to clients; the benchmark builds one at a chosen seq to jump there.
function cursorAt(seq: number): string {
  const row = bench.db.prepare('SELECT created_at FROM ledger_entries WHERE seq = ?').get(seq) as { created_at: number };
  return Buffer.from(JSON.stringify([row.created_at, seq])).toString('base64url');
}
const maxSeq = bench.db.prepare('SELECT max(seq) FROM ledger_entries').pluck().get() as number;
const minSeq = bench.db.prepare('SELECT min(seq) FROM ledger_entries').pluck().get() as number;

async function time(label: string, query: string): Promise<void> {
  const request = () => bench.app.request(`/v1/statement?${query}`, { headers: { Authorization: `Bearer ${bench.secret}` } });
  for (let i = 0; i < 3; i++) await (await request()).text();
  const samples: number[] = [];
  let entries = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await request();
    const body = (await res.json()) as { entries: unknown[] };
    samples.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
    entries = body.entries.length;
  }
  samples.sort((a, b) => a - b);
  const median = samples[RUNS >> 1]!;
  console.log(`${label.padEnd(44)} median ${median.toFixed(2)} ms  (min ${samples[0]!.toFixed(2)}, max ${samples.at(-1)!.toFixed(2)}, ${entries} entries)`);
}

const mid = minSeq + Math.floor((maxSeq - minSeq) / 2);
console.log(`${COUNT} entries, limit 50, ${RUNS} runs each`);
await time('first page', 'limit=50');
await time('middle page (cursor at the middle seq)', `limit=50&cursor=${cursorAt(mid)}`);
await time('last page (cursor 50 from the start)', `limit=50&cursor=${cursorAt(minSeq + 50)}`);
await time('first page, kind=topup (2 % of entries)', 'limit=50&kind=topup');
await time('middle page, kind=topup', `limit=50&kind=topup&cursor=${cursorAt(mid)}`);
await time('last page, kind=topup', `limit=50&kind=topup&cursor=${cursorAt(minSeq + 50 * 50)}`);
await time('from/to range in the middle of the year', 'limit=50&from=2024-06-01&to=2024-07-01');
await time('200 entries', `limit=200&cursor=${cursorAt(mid)}`);
await bench.close();
