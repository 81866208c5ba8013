import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openAccount } from '../../domain/accounts.js';
import { createManualClock } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { noOverdraft } from '../../domain/ledger.js';
import { readStatement, statementCsv } from '../../domain/statement.js';
import type { LedgerSnapshotRead } from '../statement-store.js';
import type { Store } from '../store.js';
import type { StoreKind } from '../../test/stores.js';
import { newTestSchema, openTestStore, postgresSkipReason } from '../../test/stores.js';
import { openSqliteStore } from './sqlite-store.js';

const T = new Date('2025-01-15T10:00:00.000Z').getTime();

const postgresSkip = postgresSkipReason();

for (const kind of ['sqlite', 'postgres'] as const satisfies readonly StoreKind[]) {
  describe(`a consistent statement (${kind})`, { skip: kind === 'postgres' ? postgresSkip : false }, () => {
    let dir: string;
    let schema: string;
    let store: Store;
    let accountId: string;
    /** Another instance on the same database. */
    const secondInstance = (): Store =>
      kind === 'sqlite' ? openSqliteStore({ file: join(dir, 'wa.db') }) : openTestStore(kind, { schema, keepSchema: true });

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'wa-statement-'));
      schema = newTestSchema();
      store = kind === 'sqlite' ? openSqliteStore({ file: join(dir, 'wa.db') }) : openTestStore(kind, { schema });
      accountId = (await openAccount(store, createManualClock(), { name: 'Ledger', currency: 'USD', wabaId: '1', phoneNumberId: '2' })).id;
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const credit = (on: Store, micros: bigint, at: number) =>
      on.appendLedgerEntry(
        {
          id: newId('le'),
          accountId,
          idempotencyKey: newId('k'),
          kind: 'adjustment',
          amountMicros: micros,
          description: 'credit',
          reference: null,
          createdAt: new Date(at),
        },
        noOverdraft,
      );

    // better-sqlite3 writes synchronously, so the other instance's append lands exactly between two
    // reads of the snapshot; PostgreSQL's cannot be placed so, see the next test.
    it('reads a page, its balances and its day totals from one snapshot while another instance appends', { skip: kind !== 'sqlite' }, async () => {
      for (let i = 1; i <= 3; i++) await credit(store, 1_000_000n, T + i * 1000);
      const otherInstance = secondInstance();
      let appended = false;
      const appendOnce = () => {
        if (appended) return;
        appended = true;
        // better-sqlite3 runs the write to completion here, on the other connection, before returning.
        void credit(otherInstance, 5_000_000n, T + 10_000);
      };
      // Another instance commits right after the page is read, wherever the page is read from.
      const racing = new Proxy(store, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          if (name === 'listLedgerPage') {
            return async (...args: Parameters<Store['listLedgerPage']>) => {
              const page = await target.listLedgerPage(...args);
              appendOnce();
              return page;
            };
          }
          if (name === 'readLedgerSnapshot') {
            return <R>(read: LedgerSnapshotRead<R>) =>
              target.readLedgerSnapshot((ledger) =>
                read({
                  ...ledger,
                  *listLedgerPage(query) {
                    const page = yield* ledger.listLedgerPage(query);
                    appendOnce();
                    return page;
                  },
                }),
              );
          }
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      try {
        const statement = await readStatement(racing, { accountId, from: null, to: null, limit: 50 });
        assert.ok(appended);
        assert.equal(statement.entries.length, 3);
        assert.equal(statement.closingMicros, statement.entries[0]?.balanceAfterMicros);
        const dayTotal = statement.dailyTotals[0];
        assert.equal(statement.closingMicros - statement.openingMicros, dayTotal?.creditsMicros);
        assert.equal((await readStatement(store, { accountId, from: null, to: null, limit: 50 })).entries.length, 4);
      } finally {
        await otherInstance.close();
      }
    });

    it('agrees with itself on every read while another instance keeps appending', async () => {
      for (let i = 1; i <= 3; i++) await credit(store, 1_000_000n, T + i * 1000);
      const otherInstance = secondInstance();
      let writing = true;
      let appended = 0;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          await credit(otherInstance, 1_000_000n, T + 10_000 + i);
          appended++;
        }
      })();
      try {
        for (let round = 0; round < 40; round++) {
          const statement = await readStatement(store, { accountId, from: null, to: null, limit: 500 });
          const sum = statement.entries.reduce((total, entry) => total + entry.amountMicros, 0n);
          assert.equal(statement.openingMicros, 0n);
          assert.equal(statement.closingMicros, statement.entries[0]?.balanceAfterMicros);
          assert.equal(statement.closingMicros, sum);
          const days = statement.dailyTotals.reduce((total, day) => total + day.creditsMicros + day.debitsMicros, 0n);
          assert.equal(days, sum);
        }
      } finally {
        writing = false;
        await writer;
        await otherInstance.close();
      }
      assert.ok(appended > 0, 'the other instance appended while the statements were read');
    });

    it('exports the ledger as committed when the export starts, not what is appended while it streams', async () => {
      await credit(store, 1_000_000n, T);
      const to = new Date(T + 1000);
      for (const range of [{ from: null, to }, { from: null, to: null }]) {
        const committed = (await store.listLedgerEntries(accountId)).filter((entry) => !range.to || entry.createdAt < range.to);
        const chunks = await statementCsv(store, { accountId, ...range });
        const header = await chunks.next();
        await credit(store, 2_000_000n, T + 2000);
        const rows: string[] = [String(header.value)];
        for await (const chunk of chunks) rows.push(chunk);
        const lines = rows.join('').trim().split(/\r?\n/);
        assert.equal(lines.length, 1 + committed.length, JSON.stringify(range));
        assert.match(lines[1] ?? '', /^2025-01-15T10:00:00\.000Z,credit,/);
      }
    });

    it('stamps an entry no earlier than the one before it, so a time bound is one seq bound', async () => {
      // The writer that read its clock first (at +500 ms) commits second: its entry must not land
      // before the one already committed at +600 ms.
      await credit(store, 1_000_000n, T + 600);
      const late = await credit(store, 2_000_000n, T + 500);
      assert.equal(late.entry.createdAt.getTime(), T + 600);
      const entries = await store.listLedgerEntries(accountId);
      assert.deepEqual(entries.map((entry) => entry.createdAt.getTime()), [T + 600, T + 600]);

      const from = new Date(T + 600);
      const since = await readStatement(store, { accountId, from, to: null, limit: 50 });
      assert.equal(since.entries.length, 2);
      assert.ok(since.entries.every((entry) => entry.createdAt.getTime() >= from.getTime()));
      assert.equal(since.openingMicros, 0n);
      const before = await readStatement(store, { accountId, from: null, to: from, limit: 50 });
      assert.deepEqual([before.entries.length, before.closingMicros], [0, 0n]);
      const day = since.dailyTotals[0];
      assert.equal(day?.creditsMicros, since.closingMicros - since.openingMicros);
    });
  });
}
