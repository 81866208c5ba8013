import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { TestApp } from '../../test/harness.js';
import { createTestApp } from '../../test/harness.js';
import { postWebhook, regular, statusChange, statusItem, WABA_ID, webhook } from '../../test/meta.js';
import { eventually } from '../../test/eventually.js';
import { openTestStore } from '../../test/stores.js';
import type { Store } from '../../store/store.js';
import type { MetaWebhookEnvelope } from './envelope.js';
import { INBOX_GIVE_UP_MS, INBOX_LEASE_MS, MetaWebhookInbox } from './webhook-inbox.js';

const PHONE_NUMBER_ID = '106540352242933';
const CUSTOMER = '919876543210';
const PRICE = 11_800n;

/** `target` (a store, or a part of one) whose `method` fails once (or `times`) as a busy SQLite database does, then works. */
function busyOnce<T extends object>(target: T, method: keyof T, times = 1): T {
  let failures = times;
  return new Proxy(target, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      if (name === method) {
        return (...args: unknown[]) => {
          if (failures-- > 0) return Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}

/** `store` with some of its parts (`webhookInbox`) replaced. */
function withParts(store: Store, parts: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      if (Object.hasOwn(parts, name)) return parts[name as keyof Store];
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('the Meta webhook inbox', () => {
  let t: TestApp;
  let accountId: string;

  async function setUp(store?: Store, inboxLeaseMs?: number): Promise<void> {
    t = createTestApp({ ...(store ? { store } : {}), ...(inboxLeaseMs ? { inboxLeaseMs } : {}) });
    accountId = (await t.openAccount({ phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID })).id;
    await t.partner('PUT', '/v1/rate-card', {
      currency: 'USD',
      rates: [{ market: 'IN', category: 'marketing', price: { amount: '0.0118', currency: 'USD' } }],
    });
  }
  afterEach(() => t.close());

  const delivered = (...wamids: string[]) =>
    webhook([statusChange(PHONE_NUMBER_ID, wamids.map((wamid) => statusItem(wamid, 'delivered', CUSTOMER, regular('marketing'))))]);
  const balance = async () => (await t.store.getAccount(accountId))?.balanceMicros;
  const entries = async () => (await t.store.listLedgerEntries(accountId)).map((entry) => entry.reference);

  it('applies, once its lease has run out, a webhook stored by an instance that died applying it, and charges nothing twice', async () => {
    await setUp();
    const body = JSON.stringify(delivered('wamid.L1', 'wamid.L2'));
    // The dead instance stored it, answered Meta and applied half of it.
    await t.store.webhookInbox.add({ id: 'mwh_dead', body, receivedAt: t.clock.now() }, new Date(t.clock.now().getTime() + INBOX_LEASE_MS));
    await postWebhook(t, delivered('wamid.L1'));
    assert.equal(await t.inbox.sweep(), 0, 'still leased to the instance that stored it');
    t.clock.advance(INBOX_LEASE_MS);
    assert.equal(await t.inbox.sweep(), 1);
    assert.deepEqual(await entries(), ['wamid.L1', 'wamid.L2']);
    assert.equal(await balance(), -2n * PRICE);
    assert.deepEqual(await t.store.webhookInbox.count(), { waiting: 0, failed: 0 }, 'deleted once applied');
  });

  it('renews the lease while it applies, so that another instance takes the webhook only if this one died', async () => {
    const leaseMs = 60;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const base = openTestStore();
    let renewals = 0;
    const inboxPart = base.webhookInbox;
    const counted = withParts(base, {
      webhookInbox: new Proxy(inboxPart, {
        get(target, name, receiver) {
          const value: unknown = Reflect.get(target, name, receiver);
          if (typeof value !== 'function') return value;
          if (name === 'renewLease') return async (...args: unknown[]) => (await value.apply(target, args), (renewals += 1));
          return value.bind(target);
        },
      }),
    });
    const slow = new Proxy(counted, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (name === 'applyMessageStatuses' && typeof value === 'function') return async (...args: unknown[]) => (await gate, value.apply(target, args));
        return value;
      },
    });
    await setUp(slow, leaseMs);
    const other = new MetaWebhookInbox({ store: base, clock: t.clock, leaseMs });
    const taken: string[] = [];
    other.connect(async () => (taken.push('applied'), { received: 1, retryLater: false }));
    const envelope = delivered('wamid.N1') as MetaWebhookEnvelope;
    await t.inbox.accept(JSON.stringify(envelope), envelope, t.clock.now());
    try {
      for (let i = 0; i < 3; i++) {
        // The lease would have run out twice over; the next renewal (every 20 ms of real time) moves it past the clock's now.
        t.clock.advance(2 * leaseMs);
        const seen = renewals;
        await eventually(() => renewals >= seen + 2, 'the lease renewed while the webhook is applied');
        assert.equal(await other.sweep(), 0, 'still held by the instance applying it');
      }
    } finally {
      release();
    }
    await t.inbox.settled();
    assert.deepEqual(taken, []);
    assert.equal(await balance(), -PRICE);
    assert.deepEqual(await t.store.webhookInbox.count(), { waiting: 0, failed: 0 });
  });

  it('puts a webhook back for a later attempt when the database was busy, and applies it then', async () => {
    await setUp(busyOnce(openTestStore(), 'applyMessageStatuses'));
    const envelope = delivered('wamid.R1') as MetaWebhookEnvelope;
    await t.inbox.accept(JSON.stringify(envelope), envelope, t.clock.now());
    await t.inbox.settled();
    assert.equal(await balance(), 0n);
    assert.deepEqual(await t.store.webhookInbox.count(), { waiting: 1, failed: 0 });
    assert.equal(await t.inbox.sweep(), 0, 'not due before its retry delay');
    t.clock.advance(10_000);
    assert.equal(await t.inbox.sweep(), 1);
    assert.equal(await balance(), -PRICE);
    assert.deepEqual(await t.store.webhookInbox.count(), { waiting: 0, failed: 0 });
  });

  it('answers 503 (Meta redelivers) when a large webhook cannot be stored on a busy database', async () => {
    const store = openTestStore();
    await setUp(withParts(store, { webhookInbox: busyOnce(store.webhookInbox, 'add') }));
    const wamids = Array.from({ length: 2_000 }, (_, i) => `wamid.B${i}`);
    const res = await postWebhook(t, delivered(...wamids));
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'retry_later');
    const again = await postWebhook(t, delivered(...wamids));
    assert.deepEqual(again.body, { received: 1, queued: true });
    await t.inbox.settled();
    assert.equal(await balance(), -2_000n * PRICE);
  });

  it('gives up on a stored body that is no webhook, and on one still failing after 7 days, keeping both', async () => {
    await setUp(busyOnce(openTestStore(), 'applyMessageStatuses', Number.POSITIVE_INFINITY));
    await t.store.webhookInbox.add({ id: 'mwh_garbled', body: '{"entry":', receivedAt: t.clock.now() }, t.clock.now());
    assert.equal(await t.inbox.sweep(), 1);
    assert.deepEqual(await t.store.webhookInbox.count(), { waiting: 0, failed: 1 });
    const envelope = delivered('wamid.G1') as MetaWebhookEnvelope;
    await t.inbox.accept(JSON.stringify(envelope), envelope, t.clock.now());
    await t.inbox.settled();
    t.clock.advance(INBOX_GIVE_UP_MS);
    assert.equal(await t.inbox.sweep(), 1);
    assert.deepEqual(await t.store.webhookInbox.count(), { waiting: 0, failed: 2 });
    assert.equal(await t.inbox.sweep(), 0);
  });
});
