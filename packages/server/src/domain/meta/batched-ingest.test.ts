import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { prepareMessageStatus } from '../billing/record-status.js';
import type { MessageCharge } from '../billing/message-charge.js';
import type { LiveEvent } from '../../live/live-events.js';
import type { TestApp } from '../../test/harness.js';
import { createTestApp } from '../../test/harness.js';
import { postWebhook, regular, statusChange, statusItem, WABA_ID, webhook } from '../../test/meta.js';
import { retentionSteps } from '../retention/retention.js';
import type { Store } from '../../store/store.js';
import { messagesChangeHandler } from './messages-handler.js';

const PHONE_NUMBER_ID = '106540352242922';
const CUSTOMER = '919876543210';
const PRICE = 11_800n;

describe('status webhooks in batches, concurrently, and large', () => {
  let t: TestApp;
  let accountId: string;
  const deliver = (...wamids: string[]) =>
    postWebhook(t, webhook([statusChange(PHONE_NUMBER_ID, wamids.map((wamid) => statusItem(wamid, 'delivered', CUSTOMER, regular('marketing'))))]));
  const balance = async () => (await t.store.getAccount(accountId))?.balanceMicros;

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount({ phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID })).id;
    await t.partner('PUT', '/v1/rate-card', {
      currency: 'USD',
      rates: [{ market: 'IN', category: 'marketing', price: { amount: '0.0118', currency: 'USD' } }],
    });
  });
  afterEach(() => t.close());

  it('charges every message exactly once when webhooks with repeats arrive concurrently', async () => {
    const responses = await Promise.all(
      Array.from({ length: 120 }, (_, i) => deliver(`wamid.C${i % 80}`, `wamid.C${(i * 7) % 80}`)),
    );
    assert.ok(responses.every((res) => res.status === 200));
    const entries = await t.store.listLedgerEntries(accountId);
    assert.equal(entries.length, 80);
    assert.equal(new Set(entries.map((entry) => entry.reference)).size, 80);
    assert.equal(await balance(), -80n * PRICE);
    assert.equal(entries.at(-1)?.balanceAfterMicros, -80n * PRICE);
  });

  it('applies the statuses of one change each in its own savepoint: one that fails leaves the others', async () => {
    const account = (await t.store.getAccount(accountId))!;
    const ok = (wamid: string) => prepareMessageStatus(t.store, t.clock, account, {
      wamid, status: 'delivered', at: null, recipient: CUSTOMER, isGroup: false, pricing: { type: 'regular', category: 'marketing', billable: true },
    });
    const first = (await ok('wamid.S1'))!;
    const last = (await ok('wamid.S3'))!;
    const failing = {
      wamid: 'wamid.S2',
      decide: (current: MessageCharge | null) => {
        const write = first.decide(current);
        // A debit whose idempotency key collides with S1's is written, then the status fails.
        return write && { ...write, charge: { ...write.charge, wamid: 'wamid.S2', accountId: 'acc_missing' } };
      },
    };
    const outcomes = await t.store.applyMessageStatuses(accountId, [first, failing, last]);
    assert.deepEqual(outcomes.map((outcome) => outcome.ok), [true, false, true]);
    assert.equal((await t.store.getMessageCharge(accountId, 'wamid.S2')), null);
    assert.deepEqual((await t.store.listLedgerEntries(accountId)).map((entry) => entry.reference), ['wamid.S1', 'wamid.S3']);
  });

  it('writes nothing, not even the frequency cap, for a status of a settled message', async () => {
    await deliver('wamid.R1');
    const account = (await t.store.getAccount(accountId))!;
    const repeat = await prepareMessageStatus(t.store, t.clock, account, {
      wamid: 'wamid.R1', status: 'read', at: null, recipient: CUSTOMER, isGroup: false, pricing: null,
    });
    assert.equal(repeat, null);
    const check = await t.partner('POST', `/v1/accounts/${accountId}/marketing-sends`, { recipient: `+${CUSTOMER}` });
    assert.equal(check.status, 200, 'the first delivery was counted toward the cap');
  });

  it('answers a webhook of thousands of statuses once stored, and other requests while it is applied after', async () => {
    const statuses = Array.from({ length: 2_000 }, (_, i) => statusItem(`wamid.B${i}`, 'delivered', CUSTOMER, regular('marketing')));
    const res = await postWebhook(t, webhook([statusChange(PHONE_NUMBER_ID, statuses)]));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { received: 1, queued: true });
    assert.deepEqual(await t.store.webhookInbox.count(), { waiting: 1, failed: 0 }, 'kept until applied');
    const order: string[] = [];
    const applied = t.inbox.settled().then(() => order.push('applied'));
    const health = await t.app.request('/healthz');
    order.push('health');
    await applied;
    assert.equal(health.status, 200);
    assert.deepEqual(order, ['health', 'applied']);
    assert.equal(await balance(), -2_000n * PRICE);
    assert.deepEqual(await t.store.webhookInbox.count(), { waiting: 0, failed: 0 });
  });

  it('coalesces the balance pushes of a burst: one at once, one with the final balance when the interval ends', async () => {
    const heard: LiveEvent[] = [];
    t.liveEvents.subscribe(accountId, (event) => heard.push(event));
    for (let i = 0; i < 5; i++) await deliver(`wamid.P${i}`);
    const balances = () => heard.filter((event) => event.type === 'balance').map((event) => (event.data as { balance: { amount: string } }).balance.amount);
    // Pushes follow committed changes (on PostgreSQL through NOTIFY, a moment after each commit), so which balance
    // the first push shows depends on the engine; what holds on both: five charges make at most two pushes, the
    // first within the burst's interval and the last with the final balance once the interval ends.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const pushed = balances();
    assert.ok(pushed.length >= 1 && pushed.length <= 2, `pushed ${JSON.stringify(pushed)}`);
    assert.equal(pushed.at(-1), '-0.059');
  });

  it('reads the account and its prices once for the webhooks of one turn, and afresh in the next', async () => {
    const reads: string[] = [];
    const counted = new Proxy(t.store, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        if (name === 'findAccountByPhoneNumberId' || name === 'getAccountPricing') {
          return (...args: unknown[]) => (reads.push(name), value.apply(target, args));
        }
        return value.bind(target);
      },
    }) as Store;
    const handle = messagesChangeHandler({ store: counted, clock: t.clock });
    const change = (wamid: string) => ({
      wabaId: WABA_ID,
      field: 'messages',
      value: statusChange(PHONE_NUMBER_ID, [statusItem(wamid, 'delivered', CUSTOMER, regular('marketing'))])['value'],
      receivedAt: t.clock.now(),
    });
    await Promise.all([handle(change('wamid.T1')), handle(change('wamid.T2')), handle(change('wamid.T3'))]);
    assert.deepEqual(reads, ['findAccountByPhoneNumberId', 'getAccountPricing']);
    await t.partner('PUT', '/v1/rate-card', {
      currency: 'USD',
      rates: [{ market: 'IN', category: 'marketing', price: { amount: '0.02', currency: 'USD' } }],
    });
    await handle(change('wamid.T4'));
    assert.equal(reads.length, 4);
    const amounts = (await t.store.listLedgerEntries(accountId)).map((entry) => [entry.reference, entry.amountMicros]).sort();
    assert.deepEqual(amounts, [['wamid.T1', -PRICE], ['wamid.T2', -PRICE], ['wamid.T3', -PRICE], ['wamid.T4', -20_000n]]);
  });

  it('prunes usage only in the pruner, never inside a webhook', async () => {
    const usageStep = retentionSteps(t.store).find((step) => step.name === 'usage_recipients')!;
    const pruneUsage = () => usageStep.prune(t.clock.now(), 1_000);
    await deliver('wamid.U1');
    t.clock.advance(49 * 3600 * 1000);
    await deliver('wamid.U2');
    const since = new Date(t.clock.now().getTime() - 72 * 3600 * 1000);
    const counted = () => t.store.countUsage({ portfolioKey: `acc:${accountId}`, accountIds: [accountId], since, newSince: since });
    assert.equal((await counted()).uniqueCustomers, 1);
    assert.equal(await pruneUsage(), 0, 'the same customer: its row was touched again');
    await postWebhook(t, webhook([statusChange(PHONE_NUMBER_ID, [statusItem('wamid.U3', 'delivered', '5511987654321', regular('marketing'))])]));
    t.clock.advance(49 * 3600 * 1000);
    await deliver('wamid.U4');
    assert.equal((await counted()).uniqueCustomers, 2, 'a webhook prunes nothing');
    assert.equal(await pruneUsage(), 2);
  });
});
