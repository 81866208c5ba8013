import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createApp } from '../app.js';
import type { ManualClock } from '../domain/clock.js';
import { createManualClock } from '../domain/clock.js';
import { PERMISSIONS } from '../domain/sessions.js';
import type { Store } from '../store/store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { createTestApp, SECRET_KEY } from '../test/harness.js';
import { DEMO_PHONE_NUMBER_ID, seedDemo } from './seed.js';

describe('demo seed', () => {
  let store: Store;
  let clock: ManualClock;
  beforeEach(() => {
    store = openSqliteStore({ file: ':memory:' });
    clock = createManualClock();
  });
  afterEach(() => store.close());

  it('opens Acme Coffee Roasters with 8323.87 USD through the ledger on first start', async () => {
    const account = await seedDemo(store, clock);
    assert.ok(account);
    assert.equal(account.name, 'Acme Coffee Roasters');
    assert.equal(account.verifiedName, 'Acme Coffee');
    assert.equal(account.displayPhoneNumber, '+1 555-010-4477');
    assert.equal(account.balanceMicros, 8_323_870_000n);
    assert.equal(account.lowBalanceThresholdMicros, 100_000_000n);
    const entries = await store.listLedgerEntries(account.id);
    assert.deepEqual(
      entries.map((e) => [e.idempotencyKey, e.amountMicros]),
      [['adjustment:demo-seed-opening-balance', 8_323_870_000n]],
    );
  });

  it('finds the same account on later starts and credits it only once', async () => {
    const first = await seedDemo(store, clock);
    const second = await seedDemo(store, clock);
    assert.equal(second?.id, first?.id);
    assert.equal(second?.balanceMicros, 8_323_870_000n);
    assert.equal((await store.listAccounts({ limit: 10 })).length, 1);
  });

  it('stays out of a database that already holds other accounts', async () => {
    const t = createTestApp();
    await t.openAccount();
    assert.equal(await seedDemo(t.store, t.clock), null);
    assert.equal(await t.store.findAccountByPhoneNumberId(DEMO_PHONE_NUMBER_ID), null);
    await t.close();
  });
});

describe('POST /demo/session', () => {
  it('mints an all-permission session for the demo account that reads its balance', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const clock = createManualClock();
    const account = await seedDemo(store, clock);
    assert.ok(account);
    const app = createApp({
      store,
      clock,
      config: { secretKey: SECRET_KEY, allowedOrigins: [] },
      demo: { accountId: account.id },
    });
    const res = await app.request('/demo/session', { method: 'POST' });
    assert.equal(res.status, 201);
    const session = (await res.json()) as { client_secret: string; account_id: string; permissions: string[] };
    assert.equal(session.account_id, account.id);
    assert.deepEqual(session.permissions, [...PERMISSIONS]);
    const balance = await app.request('/v1/balance', { headers: { Authorization: `Bearer ${session.client_secret}` } });
    assert.deepEqual(((await balance.json()) as { balance: unknown }).balance, { amount: '8323.87', currency: 'USD' });
    await store.close();
  });

  it('does not exist outside demo mode', async () => {
    const t = createTestApp();
    const res = await t.app.request('/demo/session', { method: 'POST' });
    assert.equal(res.status, 404);
    await t.close();
  });
});
