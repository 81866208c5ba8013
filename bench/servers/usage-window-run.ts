/**
 * GET /v1/usage/24h at a given number of recipients in the window, in its own process: a portfolio
 * of four numbers whose `recipients` customers were reached over the last 24 h (and a quarter as
 * many more the day before, not yet pruned), bulk-inserted at schema version 11; the store then
 * opens and migrates, so the roll-up of migration 0012 is filled from them as on an upgrade (timed).
 * Then the medians of the store's count, of the route, and of `GET /v1/balance` as the reference,
 * and the prune of the day before the window.
 * Prints one JSON line.
 *   node --import tsx bench/servers/usage-window-run.ts <sqlite|postgres> [recipients=1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { createApp } from '../../packages/server/src/app.js';
import { createManualClock, systemClock } from '../../packages/server/src/domain/clock.js';
import { mintWidgetSession } from '../../packages/server/src/domain/sessions.js';
import type { Store } from '../../packages/server/src/store/store.js';
import { migrate as migrateSqlite } from '../../packages/server/src/store/sqlite/migrate.js';
import { migrations as sqliteMigrations } from '../../packages/server/src/store/sqlite/migrations/index.js';
import { openSqliteStore } from '../../packages/server/src/store/sqlite/sqlite-store.js';
import { migrate as migratePostgres } from '../../packages/server/src/store/postgres/migrate.js';
import { migrations as postgresMigrations } from '../../packages/server/src/store/postgres/migrations/index.js';
import { openPostgresStore } from '../../packages/server/src/store/postgres/postgres-store.js';
import type { Db } from '../../packages/server/src/store/postgres/db.js';

const ENGINE = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const RECIPIENTS = Number(process.argv[3] ?? 1_000_000);
const SAMPLE_MS = Number(process.env['WA_BENCH_USAGE_SAMPLE_MS'] ?? 1500);
const DAY = 86_400_000;
const PORTFOLIO = 'bench-portfolio';
const KEY = `bp:${PORTFOLIO}`;
const ACCOUNTS = ['acc_usage_0', 'acc_usage_1', 'acc_usage_2', 'acc_usage_3'];
const BEFORE_ROLLUP = 12;

const now = Date.now();
/**
 * Customer `i` (of `total`): last counted spread evenly over the window, or over the day before it
 * for the last quarter; every fifth one entered the window some hours before; in number `i % 4`.
 */
const older = Math.ceil(RECIPIENTS / 4);
const total = RECIPIENTS + older;

const seedStarted = performance.now();
const { open } = ENGINE === 'postgres' ? await seedPostgres() : await seedSqlite();
const seedSeconds = (performance.now() - seedStarted) / 1000;

const migrateStarted = performance.now();
const { store, close } = open();
await store.ping();
const migrateSeconds = (performance.now() - migrateStarted) / 1000;

// Moved a second before each usage read: the route's window ends at the whole second, and the
// store remembers a count until the next charge, so each read asks a new question and counts.
const clock = createManualClock(systemClock.now());
const app = createApp({ store, clock, config: { secretKey: 'sk_bench', allowedOrigins: [] } });
const { clientSecret } = await mintWidgetSession(store, clock, { accountId: ACCOUNTS[0]!, permissions: [], ttlSeconds: 86_400 });
const headers = { Authorization: `Bearer ${clientSecret}` };

async function medianMs(work: () => Promise<void>): Promise<{ ms: number; samples: number }> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  const until = performance.now() + SAMPLE_MS;
  while (samples.length < 15 || (performance.now() < until && samples.length < 2000)) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { ms: Number(samples[samples.length >> 1]!.toFixed(3)), samples: samples.length };
}

let counted = 0;
let asked = 0;
const countMs = await medianMs(async () => {
  // A window a millisecond earlier each time: never one the store remembers.
  const at = Date.now() - asked++;
  const counts = await store.countUsage({ portfolioKey: KEY, accountIds: ACCOUNTS, since: new Date(at - DAY), newSince: new Date(at - 3_600_000) });
  counted = counts.uniqueCustomers;
});
const get = (path: string, step = 0) => async () => {
  clock.advance(step);
  const res = await app.request(path, { headers });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  await res.text();
};
const usageMs = await medianMs(get('/v1/usage/24h', 1000));
const balanceMs = await medianMs(get('/v1/balance'));
// The retention pruner's step over the day before the window: the roll-up's delete triggers included.
const pruneStarted = performance.now();
const pruned = await store.pruneUsage(new Date(Date.now() - DAY - 500));
const pruneSeconds = (performance.now() - pruneStarted) / 1000;
await close();

console.log(
  JSON.stringify({
    engine: ENGINE,
    recipients: RECIPIENTS,
    rowsInTables: total,
    counted,
    seedSeconds: Number(seedSeconds.toFixed(1)),
    migrateSeconds: Number(migrateSeconds.toFixed(2)),
    countUsageMs: countMs.ms,
    usageGetMs: usageMs.ms,
    balanceGetMs: balanceMs.ms,
    usageOverBalance: Number((usageMs.ms / balanceMs.ms).toFixed(2)),
    samples: usageMs.samples,
    pruned,
    pruneSeconds: Number(pruneSeconds.toFixed(2)),
  }),
);

async function seedSqlite(): Promise<{ open(): { store: Store; close(): Promise<void> } }> {
  const dir = mkdtempSync(join(tmpdir(), 'wa-bench-usage-'));
  const file = join(dir, 'bench.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  migrateSqlite(db, sqliteMigrations.filter((m) => m.version < BEFORE_ROLLUP));
  const account = db.prepare(`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, business_portfolio_id, balance_micros, created_at, updated_at)
    VALUES (?, 'Bench', 'USD', '1', ?, ?, 1000000000, ?, ?)`);
  ACCOUNTS.forEach((id, n) => account.run(id, `pn_${n}`, PORTFOLIO, now - 10 * DAY + n, now - 10 * DAY + n));
  // The same spread as lastCountedAt()/enteredWindowAt(), in SQL: one statement per table.
  db.prepare(`WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @total - 1),
      spread (i, last) AS (SELECT i, CASE WHEN i < @recipients THEN @now - 1 - (i * (@day - 1000)) / @recipients
                                          ELSE @now - @day - 1000 - ((i - @recipients) * (@day - 2000)) / @older END FROM n)
    INSERT INTO usage_portfolio_recipients (portfolio_key, recipient, last_counted_at, entered_window_at)
      SELECT @key, CAST(919000000000 + i AS TEXT), last, CASE WHEN i % 5 = 0 THEN last - (i % 17) * 3600000 ELSE last END FROM spread`)
    .run({ total: BigInt(total), recipients: BigInt(RECIPIENTS), older: BigInt(older), now: BigInt(now), day: BigInt(DAY), key: KEY });
  db.prepare(`INSERT INTO usage_account_recipients (account_id, recipient, last_counted_at)
      SELECT json_extract(@accounts, '$[' || ((CAST(recipient AS INTEGER) - 919000000000) % 4) || ']'), recipient, last_counted_at
        FROM usage_portfolio_recipients`)
    .run({ accounts: JSON.stringify(ACCOUNTS) });
  db.close();
  return {
    open() {
      const store = openSqliteStore({ file });
      return {
        store,
        async close() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

async function seedPostgres(): Promise<{ open(): { store: Store; close(): Promise<void> } }> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set');
  const schema = `bench_usage_${process.pid}`;
  const sql = postgres(url, { max: 1, connection: { search_path: schema }, onnotice: () => {}, types: { bigint: postgres.BigInt } });
  try {
    await sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`;
    await sql`CREATE SCHEMA ${sql(schema)}`;
    await migratePostgres(sql as unknown as Db, postgresMigrations.filter((m) => m.version < BEFORE_ROLLUP));
    for (const [n, id] of ACCOUNTS.entries()) {
      await sql`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, business_portfolio_id, balance_micros, created_at, updated_at)
        VALUES (${id}, 'Bench', 'USD', '1', ${`pn_${n}`}, ${PORTFOLIO}, 1000000000, ${now - 10 * DAY + n}, ${now - 10 * DAY + n})`;
    }
    // The same spread as on SQLite.
    await sql`INSERT INTO usage_portfolio_recipients (portfolio_key, recipient, last_counted_at, entered_window_at)
      SELECT ${KEY}::text, (919000000000 + i)::text, last, CASE WHEN i % 5 = 0 THEN last - (i % 17) * 3600000 ELSE last END
      FROM (SELECT i, CASE WHEN i < ${RECIPIENTS}::bigint THEN ${now}::bigint - 1 - (i * ${DAY - 1000}::bigint) / ${RECIPIENTS}::bigint
                           ELSE ${now}::bigint - ${DAY}::bigint - 1000 - ((i - ${RECIPIENTS}::bigint) * ${DAY - 2000}::bigint) / ${older}::bigint END AS last
            FROM generate_series(0::bigint, ${total - 1}::bigint) AS i) AS s`;
    await sql`INSERT INTO usage_account_recipients (account_id, recipient, last_counted_at)
      SELECT (${sql.array(ACCOUNTS)}::text[])[i % 4 + 1], recipient, last_counted_at
      FROM (SELECT (recipient::bigint - 919000000000) AS i, recipient, last_counted_at FROM usage_portfolio_recipients) AS s`;
    await sql`VACUUM ANALYZE usage_portfolio_recipients`;
    await sql`VACUUM ANALYZE usage_account_recipients`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  return {
    open() {
      const store = openPostgresStore({ url, schema, maxConnections: 4 });
      return {
        store,
        async close() {
          await store.close();
          const drop = postgres(url, { max: 1, onnotice: () => {} });
          await drop`DROP SCHEMA IF EXISTS ${drop(schema)} CASCADE`;
          await drop.end({ timeout: 5 });
        },
      };
    },
  };
}
