import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import postgres from 'postgres';
import { seededRandom } from '../../test/prng.js';
import { dropSchema, newTestSchema, postgresSkipReason, STORE_TEST_AT } from '../../test/stores.js';
import { countedStatus, expectedBuckets, plainCounts, ROLLUP_TABLES, UsageRows } from '../../test/usage-rows.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openPostgresStore } from './postgres-store.js';
import type { Db } from './db.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Math.floor(STORE_TEST_AT.getTime() / DAY) * DAY;

const skip = postgresSkipReason();

describe('the usage roll-up on PostgreSQL (migration 0012)', { skip }, () => {
  const url = process.env['DATABASE_URL'] ?? '';
  const schema = newTestSchema();
  after(() => dropSchema(url, schema));
  const connect = () => postgres(url, { max: 1, connection: { search_path: schema }, onnotice: () => {} });

  async function rollupTables(): Promise<ReturnType<typeof expectedBuckets>> {
    const sql = connect();
    try {
      const lines = async (query: string) => (await sql.unsafe(query)).map((row) => Object.values(row).join(' ')).sort();
      return { portfolio: await lines(ROLLUP_TABLES.portfolio), entered: await lines(ROLLUP_TABLES.entered), account: await lines(ROLLUP_TABLES.account) };
    } finally {
      await sql.end({ timeout: 5 });
    }
  }

  it('is filled from the recipients already there, then holds exactly the non-empty buckets of the rows through writes and prunes', async () => {
    const random = seededRandom(7);
    const instant = () => T0 + Math.floor(random() * 3 * 24) * HOUR + [0, -1, 1, Math.floor(random() * HOUR)][Math.floor(random() * 4)]!;
    const rows = new UsageRows();
    const sql = connect();
    try {
      await sql`CREATE SCHEMA ${sql(schema)}`;
      await migrate(sql as unknown as Db, migrations.filter((m) => m.version < 12));
      await sql`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, balance_micros, created_at, updated_at)
        VALUES ('acc_1', 'T', 'USD', '1', '1', 0, ${T0}, ${T0})`;
      for (let i = 0; i < 200; i++) {
        const [key, accountId] = i % 3 === 0 ? ['acc:acc_2', 'acc_2'] : ['bp:1', 'acc_1'];
        const last = instant();
        const entered = last - (i % 4) * 7 * 60_000;
        await sql`INSERT INTO usage_portfolio_recipients (portfolio_key, recipient, last_counted_at, entered_window_at) VALUES (${key}, ${`r${i}`}, ${last}, ${entered})`;
        await sql`INSERT INTO usage_account_recipients (account_id, recipient, last_counted_at) VALUES (${accountId}, ${`r${i}`}, ${last})`;
        rows.portfolio.set(`${key}|r${i}`, { key, last, entered });
        rows.account.set(`${accountId}|r${i}`, { id: accountId, last });
      }
    } finally {
      await sql.end({ timeout: 5 });
    }

    const store = openPostgresStore({ url, schema, maxConnections: 2 });
    try {
      await store.ping();
      assert.deepEqual(await rollupTables(), expectedBuckets(rows), 'filled by the migration');
      const query = { portfolioKey: 'bp:1', accountIds: ['acc_1', 'acc_2'], since: new Date(T0 + 30 * HOUR + 1), newSince: new Date(T0 + 53 * HOUR) };
      assert.deepEqual(plainCounts(await store.countUsage(query)), rows.count(query));

      const touches = Array.from({ length: 150 }, (_, i) => ({ recipient: `r${Math.floor(random() * 260)}`, at: instant(), wamid: `wamid.${i}` }));
      await store.applyMessageStatuses('acc_1', touches.map((t) => countedStatus(t.wamid, 'acc_1', 'bp:1', t.recipient, t.at)));
      for (const t of touches) rows.touch('bp:1', 'acc_1', t.recipient, t.at);
      assert.deepEqual(await rollupTables(), expectedBuckets(rows), 'kept by the writes');

      await store.pruneUsage(new Date(T0 + 40 * HOUR + 123));
      rows.prune(T0 + 40 * HOUR + 123);
      assert.deepEqual(await rollupTables(), expectedBuckets(rows), 'kept by the prune');
      assert.deepEqual(plainCounts(await store.countUsage(query)), rows.count(query));
    } finally {
      await store.close();
    }
  });
});
