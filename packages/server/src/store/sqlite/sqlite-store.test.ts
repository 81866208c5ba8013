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
import { mintWidgetSession, authenticateWidgetSession } from '../../domain/sessions.js';
import { adjustBalance } from '../../domain/ledger.js';
import { systemClock } from '../../domain/clock.js';

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

  it('keeps on the ledger only the indexes its queries use: each costs every append a B-tree write', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const indexes = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger_entries' AND sql IS NOT NULL ORDER BY name")
      .all()
      .map((row) => row.name);
    // Statement pages and balance before a seq; time bounds and totals; the kind and type filters.
    // (The runway's by_account_kind_time went with migration 0013: the runway reads the daily roll-up.)
    assert.deepEqual(indexes, ['ledger_entries_by_account', 'ledger_entries_by_account_kind', 'ledger_entries_by_account_time', 'ledger_entries_by_account_type']);
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

describe('SQLite reads remembered between commits', () => {
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

  it("never serves a revoked session or an old balance after another connection's commit", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wa-db-')), 'wa.db');
    const serving = openSqliteStore({ file });
    const other = openSqliteStore({ file });
    await serving.createAccount(storeTestAccount('acc_1', '111'));
    const { clientSecret, session } = await mintWidgetSession(serving, systemClock, { accountId: 'acc_1' });
    // Read twice, so that the answers are remembered.
    for (let i = 0; i < 2; i++) {
      assert.equal((await authenticateWidgetSession(serving, systemClock, clientSecret)).id, session.id);
      assert.equal((await serving.getAccount('acc_1'))?.balanceMicros, 0n);
    }
    await other.revokeWidgetSession(session.id, new Date());
    await adjustBalance(other, systemClock, {
      accountId: 'acc_1',
      amount: { micros: 5_000_000n, currency: 'USD' },
      reason: 'credit from the other connection',
      idempotencyKey: 'other-1',
    });
    await nextTurn();
    await assert.rejects(authenticateWidgetSession(serving, systemClock, clientSecret), /unknown, expired or revoked/);
    assert.equal((await serving.getAccount('acc_1'))?.balanceMicros, 5_000_000n);
    await other.close();
    await serving.close();
  });

  it("sees its own writes on the very next read", async () => {
    const store = openSqliteStore({ file: ':memory:' });
    await store.createAccount(storeTestAccount('acc_1', '111'));
    const { clientSecret, session } = await mintWidgetSession(store, systemClock, { accountId: 'acc_1' });
    assert.equal((await authenticateWidgetSession(store, systemClock, clientSecret)).id, session.id);
    assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 0n);
    await store.revokeWidgetSession(session.id, new Date());
    await adjustBalance(store, systemClock, { accountId: 'acc_1', amount: { micros: 1n, currency: 'USD' }, reason: 'x', idempotencyKey: 'k' });
    await assert.rejects(authenticateWidgetSession(store, systemClock, clientSecret), /unknown, expired or revoked/);
    assert.equal((await store.getAccount('acc_1'))?.balanceMicros, 1n);
    await store.close();
  });

  it("keeps other accounts' reads and every session in memory while one account is charged, and that account's read fresh", async () => {
    const store = openSqliteStore({ file: ':memory:' });
    await store.createAccount(storeTestAccount('acc_a', '111'));
    await store.createAccount(storeTestAccount('acc_b', '222'));
    const { session } = await mintWidgetSession(store, systemClock, { accountId: 'acc_b' });
    // A memoized read answers with the very object it remembered: identity tells a hit from a load.
    const b = await store.getAccount('acc_b');
    const sessionRead = await store.findWidgetSession(session.secretHash);
    const runwayB = await store.sumDailyDebits('acc_b', 'message', 0, 1_000_000);
    assert.equal(await store.getAccount('acc_b'), b, 'a hit');

    const at = new Date();
    const charge = (wamid: string) => ({
      wamid,
      decide: () => ({
        charge: {
          accountId: 'acc_a', wamid, recipient: '15550001111', market: 'US', country: 'US', isGroup: false, lastStatus: 'delivered',
          pricingType: 'regular', category: 'marketing', billable: true, deliveredAt: at, failedAt: null, outcome: 'charged' as const,
          priceMicros: 5n, ledgerEntryId: null, createdAt: at, updatedAt: at,
        },
        ledgerEntry: { id: `le_${wamid}`, accountId: 'acc_a', idempotencyKey: `msg:${wamid}`, kind: 'message' as const, amountMicros: -5n, description: 'x', reference: wamid, createdAt: at },
        usage: null,
        marketingDelivery: null,
      }),
    });
    assert.equal((await store.getAccount('acc_a'))?.balanceMicros, 0n);
    await store.applyMessageStatuses('acc_a', [charge('wamid.1'), charge('wamid.2')]);
    await adjustBalance(store, systemClock, { accountId: 'acc_a', amount: { micros: 1n, currency: 'USD' }, reason: 'x', idempotencyKey: 'k' });
    await store.countWebhookEvent('handled', 'messages', at);
    assert.equal((await store.getAccount('acc_a'))?.balanceMicros, -9n, "the charged account's read is fresh");
    assert.equal(await store.getAccount('acc_b'), b, "another account's read stays in memory");
    assert.equal(await store.findWidgetSession(session.secretHash), sessionRead, 'and so does the session');
    assert.equal(await store.sumDailyDebits('acc_b', 'message', 0, 1_000_000), runwayB);

    // A write that does not say what it changes forgets everything.
    await store.updateLowBalanceThreshold('acc_a', 1n, at);
    assert.notEqual(await store.getAccount('acc_b'), b);
    await store.close();
  });
});
