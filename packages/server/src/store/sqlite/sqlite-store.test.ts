import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { DomainError } from '../../domain/errors.js';
import type { NewLedgerEntry } from '../../domain/ledger.js';
import { noOverdraft } from '../../domain/ledger.js';
import type { Store } from '../store.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openSqliteStore } from './sqlite-store.js';

const AT = new Date('2025-01-15T10:00:00.000Z');

function newAccount(id: string, phoneNumberId: string) {
  return {
    id,
    name: 'Test',
    currency: 'USD',
    wabaId: '1',
    phoneNumberId,
    displayPhoneNumber: null,
    verifiedName: null,
    businessPortfolioId: null,
    lowBalanceThresholdMicros: null,
    createdAt: AT,
  };
}

function entry(key: string, amountMicros: bigint, accountId = 'acc_1'): NewLedgerEntry {
  return {
    id: `le_${key}`,
    accountId,
    idempotencyKey: key,
    kind: 'adjustment',
    amountMicros,
    description: `entry ${key}`,
    reference: null,
    createdAt: AT,
  };
}

describe('SQLite store', () => {
  let store: Store;
  beforeEach(async () => {
    store = openSqliteStore({ file: ':memory:' });
    await store.createAccount(newAccount('acc_1', '111'));
  });
  afterEach(() => store.close());

  it('round-trips money beyond 2^53 exactly as bigint', async () => {
    const big = 900_000_000_000_000_123n;
    await store.appendLedgerEntry(entry('big', big), () => {});
    const account = await store.getAccount('acc_1');
    assert.equal(account?.balanceMicros, big);
    const [stored] = await store.listLedgerEntries('acc_1');
    assert.equal(stored?.amountMicros, big);
    assert.equal(stored?.balanceAfterMicros, big);
  });

  it('returns the existing entry, flagged replayed, for a repeated idempotency key', async () => {
    const first = await store.appendLedgerEntry(entry('k', 5n), noOverdraft);
    const again = await store.appendLedgerEntry({ ...entry('k', 99n), id: 'le_other' }, noOverdraft);
    assert.equal(first.replayed, false);
    assert.equal(again.replayed, true);
    assert.deepEqual(again.entry, first.entry);
    assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 5n);
  });

  it('rolls back everything when the policy refuses', async () => {
    await store.appendLedgerEntry(entry('a', 5n), noOverdraft);
    await assert.rejects(store.appendLedgerEntry(entry('b', -6n), noOverdraft), (error: unknown) => {
      return error instanceof DomainError && error.code === 'insufficient_balance';
    });
    assert.equal((await store.listLedgerEntries('acc_1')).length, 1);
    assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 5n);
  });

  it('lets a permissive policy take the balance below zero', async () => {
    const { entry: debit } = await store.appendLedgerEntry(entry('msg', -10_700n), () => {});
    assert.equal(debit.type, 'debit');
    assert.equal(debit.balanceAfterMicros, -10_700n);
  });

  it('refuses entries for an unknown account with not_found', async () => {
    await assert.rejects(store.appendLedgerEntry(entry('x', 1n, 'acc_nope'), noOverdraft), (error: unknown) => {
      return error instanceof DomainError && error.kind === 'not_found';
    });
  });

  it('refuses a second account with the same phone_number_id as a conflict', async () => {
    await assert.rejects(store.createAccount(newAccount('acc_2', '111')), (error: unknown) => {
      return error instanceof DomainError && error.code === 'phone_number_taken';
    });
  });

  it('lists accounts by creation time then id, strictly after the cursor', async () => {
    await store.createAccount(newAccount('acc_0', '222'));
    await store.createAccount({ ...newAccount('acc_a', '333'), createdAt: new Date(AT.getTime() - 1) });
    const all = await store.listAccounts({ limit: 10 });
    assert.deepEqual(all.map((a) => a.id), ['acc_a', 'acc_0', 'acc_1']);
    const after = await store.listAccounts({ limit: 10, after: { createdAt: AT, id: 'acc_0' } });
    assert.deepEqual(after.map((a) => a.id), ['acc_1']);
  });

  it('finds a widget session by the hash of its secret', async () => {
    const session = {
      id: 'wss_1',
      secretHash: 'ab'.repeat(32),
      accountId: 'acc_1',
      permissions: ['topup' as const],
      expiresAt: new Date(AT.getTime() + 60_000),
      createdAt: AT,
      revokedAt: null,
    };
    await store.createWidgetSession(session);
    assert.deepEqual(await store.findWidgetSession(session.secretHash), session);
    assert.equal(await store.findWidgetSession('cd'.repeat(32)), null);
  });
});

describe('SQLite schema', () => {
  it('applies migrations once, recording them, and reopens an existing file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wa-db-')), 'nested', 'wa.db');
    const first = openSqliteStore({ file });
    await first.createAccount(newAccount('acc_1', '111'));
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
