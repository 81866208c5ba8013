import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import postgres from 'postgres';
import { dropSchema, newTestSchema, postgresSkipReason } from '../../test/stores.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openPostgresStore } from './postgres-store.js';
import type { Db } from './db.js';

const DAY = 86_400_000;
const AT = Date.parse('2025-03-10T12:00:00.000Z');
const TODAY = Math.floor(AT / DAY);

const skip = postgresSkipReason();

describe('the daily debit roll-up on PostgreSQL (migration 0009)', { skip }, () => {
  const url = process.env['DATABASE_URL'] ?? '';
  const schema = newTestSchema();
  after(() => dropSchema(url, schema));

  it('is filled from the entries already in the ledger when the migration runs, then kept by every append', async () => {
    const sql = postgres(url, { max: 1, connection: { search_path: schema }, onnotice: () => {}, types: { bigint: postgres.BigInt } });
    try {
      await sql`CREATE SCHEMA ${sql(schema)}`;
      await migrate(sql as unknown as Db, migrations.filter((m) => m.version < 9));
      await sql`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, balance_micros, created_at, updated_at)
        VALUES ('acc_1', 'T', 'USD', '1', '1', 0, ${AT}, ${AT})`;
      const insert = (id: string, type: string, amount: bigint, at: number) =>
        sql`INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros, description, created_at)
          VALUES (${id}, 'acc_1', ${id}, ${type}, 'message', ${amount}, 0, 'x', ${at})`;
      // Two debits whose day adds up past 2^63 micro-units: the backfill sums as numeric.
      await insert('le_1', 'debit', -5_000_000_000_000_000_000n, AT);
      await insert('le_2', 'debit', -5_000_000_000_000_000_000n, AT + 60_000);
      await insert('le_3', 'credit', 9_000n, AT);
      await insert('le_4', 'debit', -100n, AT - 3 * DAY);
    } finally {
      await sql.end({ timeout: 5 });
    }
    const store = openPostgresStore({ url, schema, maxConnections: 2 });
    try {
      assert.equal(await store.sumDailyDebits('acc_1', 'message', TODAY, TODAY), 10_000_000_000_000_000_000n);
      assert.equal(await store.sumDailyDebits('acc_1', 'message', TODAY - 6, TODAY), 10_000_000_000_000_000_100n);
      await store.appendLedgerEntry(
        { id: 'le_5', accountId: 'acc_1', idempotencyKey: 'k5', kind: 'message', amountMicros: -7n, description: 'x', reference: null, createdAt: new Date(AT) },
        () => {},
      );
      assert.equal(await store.sumDailyDebits('acc_1', 'message', TODAY, TODAY), 10_000_000_000_000_000_007n);
    } finally {
      await store.close();
    }
  });
});
