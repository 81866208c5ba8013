/**
 * The balance read at scale, in its own process: one account with 10 message debits in the runway's
 * window and one with `entries` (1,000,000 by default), spread over the last 7 UTC days, bulk-inserted
 * through a second connection (the ledger's trigger keeps the daily roll-up, as for any append).
 * Times `GET /v1/balance` through the app for each: every read after a write elsewhere, so that no
 * read is answered from the store's memo of committed reads, and also the remembered read.
 * Prints one JSON line.
 *   node --import tsx bench/servers/runway-run.ts [entries=1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../../packages/server/src/app.js';
import { openAccount } from '../../packages/server/src/domain/accounts.js';
import { systemClock } from '../../packages/server/src/domain/clock.js';
import { mintWidgetSession } from '../../packages/server/src/domain/sessions.js';
import { openSqliteStore } from '../../packages/server/src/store/sqlite/sqlite-store.js';

const LARGE = Number(process.argv[2] ?? 1_000_000);
const SMALL = 10;
const RUNS = 300;
const WINDOW_MS = 6 * 86_400_000;

const dir = mkdtempSync(join(tmpdir(), 'wa-bench-runway-'));
const file = join(dir, 'bench.db');
const store = openSqliteStore({ file });
const clock = systemClock;
const open = (name: string, phone: string) => openAccount(store, clock, { name, currency: 'USD', wabaId: '1', phoneNumberId: phone });
const small = await open('Ten a week', '1');
const large = await open('A million a week', '2');
const scratch = await open('Written between reads', '3');

const seedStarted = performance.now();
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = OFF');
const insert = db.prepare(`INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros,
  balance_after_micros, description, reference, details, created_at) VALUES (?, ?, ?, 'debit', 'message', ?, ?, 'marketing message', NULL, NULL, ?)`);
const seed = db.transaction((accountId: string, from: number, to: number, count: number, start: number, balance: { micros: bigint }) => {
  // From the start of the window (six days ago) to now, evenly: every day of the basis holds some.
  for (let i = from; i < to; i++) {
    const amount = -(10_000n + BigInt(i % 7_000));
    balance.micros += amount;
    insert.run(`le_${accountId}_${i}`, accountId, `k${i}`, amount, balance.micros, start + Math.floor((i * WINDOW_MS) / count));
  }
});
for (const [account, count] of [[small, SMALL], [large, LARGE]] as const) {
  const balance = { micros: 1_000_000_000_000n };
  const start = Date.now() - WINDOW_MS;
  for (let from = 0; from < count; from += 50_000) seed(account.id, from, Math.min(count, from + 50_000), count, start, balance);
  db.prepare('UPDATE accounts SET balance_micros = ? WHERE id = ?').run(balance.micros, account.id);
}
db.close();
const seedSeconds = (performance.now() - seedStarted) / 1000;

const app = createApp({ store, clock, config: { secretKey: 'sk_bench', allowedOrigins: [] } });
/** Medians of both accounts' reads, taken in alternation so that the machine's drifting load falls on both alike. */
async function medians(remembered: boolean) {
  const sessions = await Promise.all(
    [small, large].map(async (account) => (await mintWidgetSession(store, clock, { accountId: account.id, ttlSeconds: 3600 })).clientSecret),
  );
  const samples: number[][] = [[], []];
  const bodies: { runway: { days: number | null; average_daily_spend: { amount: string } } }[] = [];
  for (let i = 0; i < RUNS + 20; i++) {
    for (const [n, secret] of sessions.entries()) {
      if (!remembered) await store.updateLowBalanceThreshold(scratch.id, BigInt(i), clock.now());
      const started = performance.now();
      const res = await app.request('/v1/balance', { headers: { Authorization: `Bearer ${secret}` } });
      bodies[n] = (await res.json()) as (typeof bodies)[number];
      if (res.status !== 200) throw new Error(`GET /v1/balance answered ${res.status}`);
      if (i >= 20) samples[n]!.push(performance.now() - started);
    }
  }
  const read = (n: number) => {
    const sorted = samples[n]!.sort((a, b) => a - b);
    return { medianMicros: Math.round(sorted[sorted.length >> 1]! * 1000), averageDailySpend: bodies[n]!.runway.average_daily_spend.amount, days: bodies[n]!.runway.days };
  };
  return { small: read(0), large: read(1) };
}
const result = {
  entries: { small: SMALL, large: LARGE },
  seedSeconds: Number(seedSeconds.toFixed(1)),
  afterWrite: await medians(false),
  remembered: await medians(true),
};
await store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
