// Shared by the statement benchmarks: a file-backed store holding one account with `count`
// ledger entries, bulk-inserted through a second connection (not one HTTP call each).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../packages/server/src/app.js';
import { openAccount } from '../packages/server/src/domain/accounts.js';
import { systemClock } from '../packages/server/src/domain/clock.js';
import { mintWidgetSession } from '../packages/server/src/domain/sessions.js';
import { openSqliteStore } from '../packages/server/src/store/sqlite/sqlite-store.js';

export const FIRST_AT = Date.parse('2024-01-01T00:00:00Z');
export const STEP_MS = 30_000;

export interface Bench {
  app: ReturnType<typeof createApp>;
  accountId: string;
  secret: string;
  db: Database.Database;
  close(): Promise<void>;
}

/** Seeds `count` entries (30 s apart from 2024-01-01) and returns an app over them. */
export async function seedLedger(count: number): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'wa-bench-'));
  const file = join(dir, 'bench.db');
  const store = openSqliteStore({ file });
  const account = await openAccount(store, systemClock, { name: 'Bench', currency: 'USD', wabaId: '1', phoneNumberId: '1' });

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros,
    balance_after_micros, description, reference, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const details = JSON.stringify({ category: 'marketing', market: 'IN', priced: true });
  let balance = 0n;
  const started = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const topup = i % 50 === 0;
      const amount = topup ? 100_000_000n : -(10_000n + BigInt(i % 7_000));
      balance += amount;
      insert.run(
        `le_bench_${i}`,
        account.id,
        `k${i}`,
        topup ? 'credit' : 'debit',
        topup ? 'topup' : 'message',
        amount,
        balance,
        topup ? 'Top-up by card' : 'marketing message to India (IN)',
        topup ? `pi_${i}` : `wamid.HBgL${i}`,
        topup ? null : details,
        FIRST_AT + i * STEP_MS,
      );
    }
  });
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000));
  db.prepare('UPDATE accounts SET balance_micros = ? WHERE id = ?').run(balance, account.id);
  console.error(`seeded ${count} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { clientSecret } = await mintWidgetSession(store, systemClock, { accountId: account.id, permissions: ['statement:export'], ttlSeconds: 86_400 });
  const app = createApp({ store, clock: systemClock, config: { secretKey: 'sk_bench', allowedOrigins: [] } });
  return {
    app,
    accountId: account.id,
    secret: clientSecret,
    db,
    async close() {
      db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
