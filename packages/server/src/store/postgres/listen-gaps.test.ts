import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import postgres from 'postgres';
import { noOverdraft } from '../../domain/ledger.js';
import { createLiveEventBus } from '../../live/live-events.js';
import { publishStoreChanges } from '../../live/publish-store-changes.js';
import { eventually } from '../../test/eventually.js';
import { dropSchema, newTestSchema, postgresSkipReason, STORE_TEST_AT, storeTestAccount } from '../../test/stores.js';
import type { StoreChange } from '../changes.js';
import { openPostgresStore } from './postgres-store.js';

const skip = postgresSkipReason();

describe('PostgreSQL changes across a lost listening connection', { skip }, () => {
  it('tells a gap once it listens again, hears changes after it, and open widgets get their state afresh', async () => {
    const url = process.env['DATABASE_URL'] ?? '';
    const schema = newTestSchema();
    const store = openPostgresStore({ url, schema, maxConnections: 2 });
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await store.ready;
      await store.createAccount(storeTestAccount('acc_1', '111'));
      const bus = createLiveEventBus();
      const pushed: string[] = [];
      bus.subscribe('acc_1', (event) => pushed.push(event.type));
      const stopPublishing = publishStoreChanges({
        store,
        bus,
        balanceOf: async (account) => ({ balance: String(account.balanceMicros) }),
        phoneStatusOf: async () => ({ quality: {}, quota: {} }),
        logError: (message, error) => assert.fail(`${message}: ${String(error)}`),
      });
      let gaps = 0;
      store.changes.onGap(() => (gaps += 1));
      const heard: StoreChange[] = [];
      store.changes.subscribe((change) => heard.push(change));

      // What a failover or a network cut does to the connection that LISTENs for this schema's changes.
      const cut = await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query ILIKE ${`listen "wa_changes_${schema}"`}`;
      assert.equal(cut.length, 1, 'the listening connection was found');
      await eventually(() => gaps === 1, 'the gap');
      assert.equal(heard.length, 0, 'no change was made');
      await eventually(() => pushed.includes('balance') && pushed.includes('quality') && pushed.includes('quota'), 'fresh widget state');

      await store.appendLedgerEntry(
        { id: 'le_1', accountId: 'acc_1', idempotencyKey: 'k1', kind: 'adjustment', amountMicros: 5n, description: 'x', reference: null, createdAt: STORE_TEST_AT },
        noOverdraft,
      );
      await eventually(() => heard.some((change) => change.kind === 'ledger'), 'a change after the reconnect');
      assert.equal(gaps, 1);
      stopPublishing();
    } finally {
      await admin.end({ timeout: 5 });
      await store.close();
      await dropSchema(url, schema);
    }
  });
});
