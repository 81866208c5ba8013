import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TestApp } from '../../test/harness.js';
import { createTestApp } from '../../test/harness.js';
import { postWebhook, regular, statusChange, statusItem, webhook } from '../../test/meta.js';
import { seededRandom } from '../../test/prng.js';

const PHONE_ID = '106540352242922';
const IN_NUMBER = '919876543210';
const BR_NUMBER = '5511987654321';
const WAMID = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=';

const CARD = {
  currency: 'USD',
  rates: [
    { market: 'IN', category: 'marketing', price: { amount: '0.0118', currency: 'USD' } },
    { market: 'IN', category: 'utility', price: { amount: '0.0014', currency: 'USD' } },
    { market: 'IN', category: 'authentication_international', price: { amount: '0.028', currency: 'USD' } },
    { market: 'BR', category: 'marketing', price: { amount: '0.0625', currency: 'USD' } },
    { market: 'NORTH_AMERICA', category: 'marketing', price: { amount: '0.025', currency: 'USD' } },
  ],
};

describe('charging delivered messages from status webhooks', () => {
  let t: TestApp;
  let accountId: string;

  const send = (...statuses: Record<string, unknown>[]) => postWebhook(t, webhook([statusChange(PHONE_ID, statuses)]));
  const entries = () => t.store.listLedgerEntries(accountId);
  async function balance(): Promise<string> {
    return (await t.partner('GET', `/v1/accounts/${accountId}`)).body.balance.amount;
  }

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount({ phone_number_id: PHONE_ID })).id;
    assert.equal((await t.partner('PUT', '/v1/rate-card', CARD)).status, 200);
    await t.partner('POST', `/v1/accounts/${accountId}/adjustments`, {
      amount: { amount: '10', currency: 'USD' },
      reason: 'Top-up',
      idempotency_key: 'top-1',
    });
  });
  afterEach(() => t.close());

  it('debits exactly the IN marketing price for a delivered regular marketing message, described and referenced', async () => {
    const res = await send(statusItem(WAMID, 'delivered', IN_NUMBER, regular('marketing')));
    assert.equal(res.status, 200);
    const [, debit] = await entries();
    assert.equal(debit?.amountMicros, -11_800n);
    assert.equal(debit?.kind, 'message');
    assert.equal(debit?.idempotencyKey, `meta:message:${WAMID}`);
    assert.equal(debit?.description, 'marketing message to India (IN)');
    assert.equal(debit?.reference, WAMID);
    assert.equal(await balance(), '9.9882');
    const charge = await t.store.getMessageCharge(accountId, WAMID);
    assert.equal(charge?.outcome, 'charged');
    assert.equal(charge?.priceMicros, 11_800n);
    assert.equal(charge?.ledgerEntryId, debit?.id);
    assert.equal(charge?.market, 'IN');
  });

  it("charges Meta's own sample sequence (sent with pricing, v24 delivered without) once, in the recipient's market", async () => {
    // Meta's verbatim examples: the marketing `sent`, then a status without pricing (v24.0).
    const sent = { id: WAMID, status: 'sent', timestamp: '1750030073', recipient_id: '16505551234',
      conversation: { id: '72b14d6bd5407799e66f64d1b338e567', expiration_timestamp: '1750116480', origin: { type: 'marketing' } },
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' } };
    await send(sent);
    assert.equal((await entries()).length, 1);
    await send({ id: WAMID, status: 'delivered', timestamp: '1750030080', recipient_id: '16505551234' });
    const [, debit] = await entries();
    assert.equal(debit?.amountMicros, -25_000n);
    assert.equal(debit?.description, 'marketing message to North America (US)');
  });

  it('changes nothing when the same payload is replayed', async () => {
    const payload = webhook([statusChange(PHONE_ID, [statusItem(WAMID, 'delivered', IN_NUMBER, regular('marketing'))])]);
    await postWebhook(t, payload);
    const before = await entries();
    const charge = await t.store.getMessageCharge(accountId, WAMID);
    for (let i = 0; i < 3; i++) assert.equal((await postWebhook(t, payload)).status, 200);
    assert.deepEqual(await entries(), before);
    assert.deepEqual(await t.store.getMessageCharge(accountId, WAMID), charge);
  });

  it('costs nothing for sent then failed', async () => {
    await send(statusItem(WAMID, 'sent', IN_NUMBER, regular('marketing')));
    await send({ ...statusItem(WAMID, 'failed', IN_NUMBER), errors: [{ code: 131049, title: 'not delivered' }] });
    assert.equal((await entries()).length, 1);
    const charge = await t.store.getMessageCharge(accountId, WAMID);
    assert.equal(charge?.outcome, null);
    assert.equal(charge?.lastStatus, 'failed');
  });

  it('charges once for a read that comes without delivered', async () => {
    await send(statusItem(WAMID, 'read', IN_NUMBER, regular('marketing')));
    await send(statusItem(WAMID, 'read', IN_NUMBER));
    assert.deepEqual((await entries()).map((entry) => entry.amountMicros), [10_000_000n, -11_800n]);
  });

  it('charges once for delivered then read', async () => {
    await send(statusItem(WAMID, 'sent', IN_NUMBER, regular('marketing')));
    await send(statusItem(WAMID, 'delivered', IN_NUMBER, regular('marketing')));
    await send(statusItem(WAMID, 'read', IN_NUMBER));
    assert.equal((await entries()).length, 2);
  });

  it('charges once whatever the order: read, then delivered without pricing, then sent with it', async () => {
    await send(statusItem(WAMID, 'read', IN_NUMBER));
    await send(statusItem(WAMID, 'delivered', IN_NUMBER));
    assert.equal((await entries()).length, 1, 'pricing unknown yet: nothing charged');
    await send(statusItem(WAMID, 'sent', IN_NUMBER, regular('marketing')));
    await send(statusItem(WAMID, 'sent', IN_NUMBER, regular('marketing')));
    assert.deepEqual((await entries()).map((entry) => entry.amountMicros), [10_000_000n, -11_800n]);
  });

  it('charges nothing for the free pricing types, and records them as free', async () => {
    const free = ['free_customer_service', 'free_entry_point', 'free_group_customer_service'];
    for (const [i, type] of free.entries()) {
      await send(statusItem(`wamid.free${i}`, 'delivered', IN_NUMBER, { billable: false, type, category: 'service' }));
    }
    await send(statusItem('wamid.old', 'delivered', IN_NUMBER, { billable: false, category: 'utility' }));
    assert.equal((await entries()).length, 1);
    for (const wamid of ['wamid.free0', 'wamid.free1', 'wamid.free2', 'wamid.old']) {
      assert.equal((await t.store.getMessageCharge(accountId, wamid))?.outcome, 'free', wamid);
    }
  });

  it('charges older payloads without pricing.type when billable is true', async () => {
    await send(statusItem(WAMID, 'delivered', BR_NUMBER, { billable: true, pricing_model: 'CBP', category: 'marketing' }));
    assert.equal((await entries())[1]?.amountMicros, -62_500n);
  });

  it('accepts both spellings of authentication-international', async () => {
    await send(statusItem('wamid.h', 'delivered', IN_NUMBER, regular('authentication-international')));
    await send(statusItem('wamid.u', 'delivered', IN_NUMBER, regular('authentication_international')));
    assert.deepEqual((await entries()).slice(1).map((entry) => entry.amountMicros), [-28_000n, -28_000n]);
    assert.equal((await entries())[1]?.description, 'authentication_international message to India (IN)');
  });

  it('records a billable message without a rate as unpriced, outside the ledger, listed for the statement', async () => {
    await send(statusItem(WAMID, 'delivered', BR_NUMBER, regular('utility')));
    await send(statusItem(WAMID, 'read', BR_NUMBER, regular('utility')));
    assert.equal((await entries()).length, 1);
    const unpriced = await t.store.listUnpricedMessages(accountId, { from: null, to: null, limit: 10 });
    assert.equal(unpriced.count, 1);
    assert.deepEqual(
      unpriced.newest.map(({ wamid, market, country, category, outcome }) => ({ wamid, market, country, category, outcome })),
      [{ wamid: WAMID, market: 'BR', country: 'BR', category: 'utility', outcome: 'unpriced' }],
    );
  });

  it('lets delivered messages take the balance below zero', async () => {
    await t.partner('POST', `/v1/accounts/${accountId}/adjustments`, {
      amount: { amount: '-9.99', currency: 'USD' },
      reason: 'Refund',
      idempotency_key: 'refund-1',
    });
    await send(statusItem(WAMID, 'delivered', IN_NUMBER, regular('marketing')));
    assert.equal(await balance(), '-0.0018');
  });

  it('processes every entry and change of a batch, a malformed change in the middle losing none of the others', async () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', changes: [statusChange(PHONE_ID, [statusItem('wamid.1', 'delivered', IN_NUMBER, regular('marketing'))])] },
        {
          id: '1',
          changes: [
            { field: 'messages', value: { statuses: [] } },
            statusChange(PHONE_ID, [
              statusItem('wamid.2', 'delivered', IN_NUMBER, regular('marketing')),
              { id: 'wamid.bad', status: 'delivered' },
              statusItem('wamid.3', 'read', BR_NUMBER, regular('marketing')),
            ]),
          ],
        },
        { id: '1', changes: [statusChange(PHONE_ID, [statusItem('wamid.4', 'delivered', IN_NUMBER, regular('utility'))])] },
      ],
    };
    const res = await postWebhook(t, body);
    assert.equal(res.status, 200);
    assert.deepEqual((await entries()).slice(1).map((entry) => entry.reference), ['wamid.1', 'wamid.2', 'wamid.3', 'wamid.4']);
    const stats = (await t.store.listWebhookStats()).map(({ name, key, count }) => `${name}/${key}=${count}`);
    assert.deepEqual(stats, ['invalid_change/messages=1', 'invalid_status/messages=1']);
  });

  it('acknowledges and counts statuses of an unknown phone_number_id', async () => {
    const res = await postWebhook(t, webhook([statusChange('555000', [statusItem(WAMID, 'delivered', IN_NUMBER, regular('marketing'))])]));
    assert.equal(res.status, 200);
    await postWebhook(t, webhook([statusChange('555000', [statusItem(WAMID, 'read', IN_NUMBER)])]));
    assert.equal((await entries()).length, 1);
    const [stat] = await t.store.listWebhookStats();
    assert.deepEqual({ name: stat?.name, key: stat?.key, count: stat?.count }, { name: 'unmatched_phone_number_id', key: '555000', count: 2 });
  });

  it('prices with the account markup and with a custom card at the time of delivery', async () => {
    await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'markup', markup_percent: '15' });
    await send(statusItem('wamid.m', 'delivered', IN_NUMBER, regular('marketing')));
    await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, {
      mode: 'custom',
      rates: [{ market: 'IN', category: 'marketing', price: { amount: '0.02', currency: 'USD' } }],
    });
    await send(statusItem('wamid.c', 'delivered', IN_NUMBER, regular('marketing')));
    await send(statusItem('wamid.cu', 'delivered', IN_NUMBER, regular('utility')));
    assert.deepEqual((await entries()).slice(1).map((entry) => entry.amountMicros), [-13_570n, -20_000n]);
    assert.equal((await t.store.getMessageCharge(accountId, 'wamid.cu'))?.outcome, 'unpriced');
  });

  it('keeps balance = sum of entries, one debit per delivered billable message, over a random stream with repeats', async () => {
    const random = seededRandom(20261125);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const messages = Array.from({ length: 60 }, (_, i) => ({
      wamid: `wamid.r${i}`,
      recipient: pick([IN_NUMBER, BR_NUMBER, '16505551234', '3725123456']),
      pricing: pick([regular('marketing'), regular('utility'), { billable: false, type: 'free_customer_service', category: 'service' }]),
    }));
    const delivered = new Set<string>();
    for (let batch = 0; batch < 40; batch++) {
      const statuses = Array.from({ length: 12 }, () => {
        const message = pick(messages);
        const status = pick(['sent', 'delivered', 'read', 'failed', 'read']);
        if (status === 'delivered' || status === 'read') delivered.add(message.wamid);
        return statusItem(message.wamid, status, message.recipient, random() < 0.6 ? message.pricing : undefined);
      });
      assert.equal((await send(...statuses)).status, 200);
    }
    const all = await entries();
    const sum = all.reduce((total, entry) => total + entry.amountMicros, 0n);
    const account = await t.store.getAccount(accountId);
    assert.equal(account?.balanceMicros, sum);
    assert.equal(all.at(-1)?.balanceAfterMicros, sum);
    const debited = all.filter((entry) => entry.kind === 'message').map((entry) => entry.reference);
    assert.ok(debited.length > 10, 'the stream charged messages');
    assert.equal(new Set(debited).size, debited.length, 'one debit per message');
    for (const wamid of debited) assert.ok(wamid && delivered.has(wamid), `${wamid} was delivered`);
    for (const message of messages) {
      const charge = await t.store.getMessageCharge(accountId, message.wamid);
      if (charge?.outcome === 'charged' && charge.priceMicros) assert.ok(debited.includes(message.wamid));
      if (charge?.outcome === 'free') assert.ok(!debited.includes(message.wamid));
    }
  });
});
