import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { withinBalanceRange } from '../../domain/ledger.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openSqliteStore } from './sqlite-store.js';

const DAY = 86_400_000;
const AT = Date.parse('2025-03-10T12:00:00.000Z');
const TODAY = Math.floor(AT / DAY);

describe('the daily debit roll-up', () => {
  it('sums the debits of a kind per UTC day as they are appended, credits and other kinds apart', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    await store.createAccount({ id: 'acc_1', name: 'T', currency: 'USD', wabaId: '1', phoneNumberId: '1', displayPhoneNumber: null, verifiedName: null, businessPortfolioId: null, lowBalanceThresholdMicros: null, createdAt: new Date(AT) });
    const append = (key: string, kind: 'message' | 'adjustment', amountMicros: bigint, at: number) =>
      store.appendLedgerEntry({ id: `le_${key}`, accountId: 'acc_1', idempotencyKey: key, kind, amountMicros, description: key, reference: null, createdAt: new Date(at) }, withinBalanceRange);
    // In time order: the append stamps an entry no earlier than the account's previous one.
    await append('e', 'message', -4_000n, AT - DAY);
    await append('a', 'message', -1_000n, AT);
    await append('b', 'message', -2_000n, AT + 1);
    await append('b', 'message', -2_000n, AT + 1); // a replay appends nothing
    await append('c', 'message', 5_000n, AT);
    await append('d', 'adjustment', -7_000n, AT);
    assert.equal(await store.sumDailyDebits('acc_1', 'message', TODAY, TODAY), 3_000n);
    assert.equal(await store.sumDailyDebits('acc_1', 'message', TODAY - 1, TODAY), 7_000n);
    assert.equal(await store.sumDailyDebits('acc_1', 'adjustment', TODAY - 6, TODAY), 7_000n);
    assert.equal(await store.sumDailyDebits('acc_1', 'message', TODAY + 1, TODAY + 7), 0n);
    await store.close();
  });

  it('is filled from the entries already in the ledger when the migration runs', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wa-daily-')), 'db.sqlite');
    const db = new Database(file);
    migrate(db, migrations.filter((m) => m.version < 9));
    db.prepare(`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, balance_micros, created_at, updated_at)
      VALUES ('acc_1', 'T', 'USD', '1', '1', 0, ?, ?)`).run(AT, AT);
    const insert = db.prepare(`INSERT INTO ledger_entries (id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros, description, created_at)
      VALUES (?, 'acc_1', ?, ?, 'message', ?, 0, 'x', ?)`);
    insert.run('le_1', 'k1', 'debit', -1_500n, AT);
    insert.run('le_2', 'k2', 'debit', -2_500n, AT + 60_000);
    insert.run('le_3', 'k3', 'credit', 9_000n, AT);
    insert.run('le_4', 'k4', 'debit', -100n, AT - 3 * DAY);
    db.close();
    const store = openSqliteStore({ file });
    assert.equal(await store.sumDailyDebits('acc_1', 'message', TODAY, TODAY), 4_000n);
    assert.equal(await store.sumDailyDebits('acc_1', 'message', TODAY - 6, TODAY), 4_100n);
    await store.close();
  });
});

describe('the daily debit roll-up past 64 bits', () => {
  it('keeps a day whose debits add up to more than 2^63 micro-units exact, and the appends succeed', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    await store.createAccount({ id: 'acc_1', name: 'T', currency: 'USD', wabaId: '1', phoneNumberId: '1', displayPhoneNumber: null, verifiedName: null, businessPortfolioId: null, lowBalanceThresholdMicros: null, createdAt: new Date(AT) });
    const huge = 999_999_999_999_000_123n;
    for (let i = 0; i < 20; i++) {
      await store.appendLedgerEntry(
        { id: `le_${i}`, accountId: 'acc_1', idempotencyKey: `k${i}`, kind: 'adjustment', amountMicros: i % 2 ? -huge : huge, description: 'x', reference: null, createdAt: new Date(AT + i) },
        withinBalanceRange,
      );
    }
    assert.equal(await store.sumDailyDebits('acc_1', 'adjustment', TODAY, TODAY), 10n * huge);
    await store.close();
  });
});
