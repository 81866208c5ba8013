import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { hashSecret } from '../../domain/ids.js';
import { dropSchema, newTestSchema, postgresSkipReason } from '../../test/stores.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openPostgresStore } from './postgres-store.js';
import { migrations as sqliteMigrations } from '../sqlite/migrations/index.js';

const skip = postgresSkipReason();
if (skip) console.log(skip);

describe('PostgreSQL schema', { skip }, () => {
  const url = process.env['DATABASE_URL'] ?? '';
  const schema = newTestSchema();
  let sql: postgres.Sql;

  before(async () => {
    // Three instances starting at once on an empty schema: each migration must run exactly once.
    const stores = [0, 1, 2].map(() => openPostgresStore({ url, schema, maxConnections: 2 }));
    await Promise.all(stores.map((store) => store.ready));
    await Promise.all(stores.map((store) => store.close()));
    sql = postgres(url, { max: 1, connection: { search_path: schema }, onnotice: () => {} });
    await sql`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, balance_micros, created_at, updated_at)
      VALUES ('acc_1', 'x', 'USD', '1', '1', 5, 0, 0)`;
    await sql`INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros, description, created_at)
      VALUES ('le_1', 'acc_1', 'k', 'credit', 'adjustment', 5, 5, 'x', 0)`;
  });
  after(async () => {
    await sql?.end({ timeout: 5 });
    await dropSchema(url, schema);
  });

  it('has the versions and names of the SQLite migrations, each applied once', async () => {
    assert.deepEqual(
      migrations.map(({ version, name }) => ({ version, name })),
      sqliteMigrations.map(({ version, name }) => ({ version, name })),
    );
    const rows = await sql`SELECT version, name FROM schema_migrations ORDER BY version`;
    assert.deepEqual([...rows], migrations.map(({ version, name }) => ({ version, name })));
  });

  it('makes the ledger append-only: updates, deletes and truncation raise', async () => {
    await assert.rejects(sql`UPDATE ledger_entries SET amount_micros = 6`, /append-only/);
    await assert.rejects(sql`DELETE FROM ledger_entries`, /append-only/);
    await assert.rejects(sql`TRUNCATE ledger_entries`, /append-only|cannot truncate/);
    const [row] = await sql`SELECT count(*)::int AS n FROM ledger_entries`;
    assert.equal(row?.['n'], 1);
  });

  it('refuses a credit with a negative amount, and malformed details', async () => {
    await assert.rejects(
      sql`INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros, description, created_at)
        VALUES ('le_2', 'acc_1', 'k2', 'credit', 'adjustment', -5, 0, 'x', 0)`,
      /check constraint/,
    );
    await assert.rejects(
      sql`INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros, description, details, created_at)
        VALUES ('le_3', 'acc_1', 'k3', 'credit', 'adjustment', 5, 10, 'x', '{not json', 0)`,
      /json/i,
    );
  });

  it('stores money as bigint micro-units', async () => {
    const rows = await sql`SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = ${schema} AND column_name LIKE '%micros' ORDER BY table_name, column_name`;
    assert.ok(rows.length >= 8);
    for (const row of rows) assert.equal(row['data_type'], 'bigint', String(row['column_name']));
  });
});

describe('PostgreSQL migrations of a database already in use', { skip }, () => {
  const url = process.env['DATABASE_URL'] ?? '';

  it('hashes payment-link tokens in place, and applies 7 to 10 after an 11 already applied', async () => {
    const schema = newTestSchema();
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(`CREATE SCHEMA ${schema}`);
      const old = postgres(url, { max: 1, connection: { search_path: schema }, onnotice: () => {} });
      const token = 'plt_the-token-a-payer-holds';
      try {
        // As the first PostgreSQL release left a database: 1–6 and 11.
        await migrate(old, migrations.filter((m) => m.version <= 6 || m.version === 11), () => 0);
        await old`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, balance_micros, created_at, updated_at)
          VALUES ('acc_1', 'x', 'USD', '1', '1', 0, 0, 0)`;
        await old`INSERT INTO payment_links (id, account_id, token, amount_micros, currency, status, created_at, expires_at)
          VALUES ('pl_1', 'acc_1', ${token}, 5, 'USD', 'open', 0, 1)`;
      } finally {
        await old.end({ timeout: 5 });
      }
      const store = openPostgresStore({ url, schema, maxConnections: 2 });
      try {
        assert.equal((await store.findPaymentLinkByTokenHash(hashSecret(token)))?.id, 'pl_1');
      } finally {
        await store.close();
      }
      const versions = await sql`SELECT version FROM ${sql(schema)}.schema_migrations ORDER BY applied_at, version`;
      const applied = versions.map((row) => row['version']);
      assert.deepEqual(applied.slice(applied.indexOf(11) + 1, applied.indexOf(11) + 5), [7, 8, 9, 10]);
    } finally {
      await sql.end({ timeout: 5 });
      await dropSchema(url, schema);
    }
  });
});
