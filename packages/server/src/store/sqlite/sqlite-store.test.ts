import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openSqliteStore } from './sqlite-store.js';
import { storeTestAccount } from '../../test/stores.js';



// The store's behaviour (money, idempotency, policies, accounts, sessions) is tested on both engines
// by ../store-contract.test.ts; what follows is SQLite's own.
describe('SQLite schema', () => {
  it('applies migrations once, recording them, and reopens an existing file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wa-db-')), 'nested', 'wa.db');
    const first = openSqliteStore({ file });
    await first.createAccount(storeTestAccount('acc_1', '111'));
    await first.close();
    const second = openSqliteStore({ file });
    assert.equal((await second.getAccount('acc_1'))?.id, 'acc_1');
    await second.close();

    const db = new Database(file);
    assert.deepEqual(migrate(db, migrations), []);
    const versions = db.prepare('SELECT version FROM schema_migrations').all();
    assert.deepEqual(versions, migrations.map((migration) => ({ version: migration.version })));
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  it('makes the ledger append-only: updates and deletes raise', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    db.prepare(
      `INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, balance_micros, created_at, updated_at)
       VALUES ('acc_1', 'x', 'USD', '1', '1', 0, 0, 0)`,
    ).run();
    db.prepare(
      `INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros, description, created_at)
       VALUES ('le_1', 'acc_1', 'k', 'credit', 'adjustment', 5, 5, 'x', 0)`,
    ).run();
    assert.throws(() => db.prepare('UPDATE ledger_entries SET amount_micros = 6').run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM ledger_entries').run(), /append-only/);
    assert.throws(
      () =>
        db
          .prepare(
            `INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros, description, created_at)
             VALUES ('le_2', 'acc_1', 'k2', 'credit', 'adjustment', -5, 0, 'x', 0)`,
          )
          .run(),
      /CHECK/,
    );
    db.close();
  });
});
