import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { seededRandom } from '../../test/prng.js';
import { STORE_TEST_AT } from '../../test/stores.js';
import { countedStatus, expectedBuckets, plainCounts, ROLLUP_TABLES, UsageRows } from '../../test/usage-rows.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openSqliteStore } from './sqlite-store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Math.floor(STORE_TEST_AT.getTime() / DAY) * DAY;

function rollupTables(file: string): ReturnType<typeof expectedBuckets> {
  const db = new Database(file, { readonly: true });
  try {
    const lines = (query: string) => db.prepare<[], Record<string, unknown>>(query).all().map((row) => Object.values(row).join(' ')).sort();
    return { portfolio: lines(ROLLUP_TABLES.portfolio), entered: lines(ROLLUP_TABLES.entered), account: lines(ROLLUP_TABLES.account) };
  } finally {
    db.close();
  }
}

describe('the usage roll-up on SQLite (migration 0012)', () => {
  it('is filled from the recipients already there, then holds exactly the non-empty buckets of the rows through writes and prunes', async () => {
    const random = seededRandom(7);
    const instant = () => T0 + Math.floor(random() * 3 * 24) * HOUR + [0, -1, 1, Math.floor(random() * HOUR)][Math.floor(random() * 4)]!;
    const rows = new UsageRows();
    const file = join(mkdtempSync(join(tmpdir(), 'wa-usage-')), 'db.sqlite');
    const db = new Database(file);
    migrate(db, migrations.filter((m) => m.version < 12));
    db.prepare(`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, balance_micros, created_at, updated_at)
      VALUES ('acc_1', 'T', 'USD', '1', '1', 0, ?, ?)`).run(T0, T0);
    const portfolio = db.prepare('INSERT INTO usage_portfolio_recipients (portfolio_key, recipient, last_counted_at, entered_window_at) VALUES (?, ?, ?, ?)');
    const account = db.prepare('INSERT INTO usage_account_recipients (account_id, recipient, last_counted_at) VALUES (?, ?, ?)');
    for (let i = 0; i < 200; i++) {
      const [key, accountId] = i % 3 === 0 ? ['acc:acc_2', 'acc_2'] : ['bp:1', 'acc_1'];
      const last = instant();
      const entered = last - (i % 4) * 7 * 60_000;
      portfolio.run(key, `r${i}`, last, entered);
      account.run(accountId, `r${i}`, last);
      rows.portfolio.set(`${key}|r${i}`, { key, last, entered });
      rows.account.set(`${accountId}|r${i}`, { id: accountId, last });
    }
    db.close();

    const store = openSqliteStore({ file });
    try {
      assert.deepEqual(rollupTables(file), expectedBuckets(rows), 'filled by the migration');
      const query = { portfolioKey: 'bp:1', accountIds: ['acc_1', 'acc_2'], since: new Date(T0 + 30 * HOUR + 1), newSince: new Date(T0 + 53 * HOUR) };
      assert.deepEqual(plainCounts(await store.countUsage(query)), rows.count(query));

      const touches = Array.from({ length: 150 }, (_, i) => ({ recipient: `r${Math.floor(random() * 260)}`, at: instant(), wamid: `wamid.${i}` }));
      await store.applyMessageStatuses('acc_1', touches.map((t) => countedStatus(t.wamid, 'acc_1', 'bp:1', t.recipient, t.at)));
      for (const t of touches) rows.touch('bp:1', 'acc_1', t.recipient, t.at);
      assert.deepEqual(rollupTables(file), expectedBuckets(rows), 'kept by the writes');

      await store.pruneUsage(new Date(T0 + 40 * HOUR + 123));
      rows.prune(T0 + 40 * HOUR + 123);
      assert.deepEqual(rollupTables(file), expectedBuckets(rows), 'kept by the prune');
      assert.deepEqual(plainCounts(await store.countUsage(query)), rows.count(query));
    } finally {
      await store.close();
    }
  });
});
