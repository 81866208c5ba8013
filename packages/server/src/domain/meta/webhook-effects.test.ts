import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LiveEvent } from '../../live/live-events.js';
import type { TestApp } from '../../test/harness.js';
import { createTestApp } from '../../test/harness.js';
import { postWebhook, regular, statusChange, statusItem, WABA_ID, webhook } from '../../test/meta.js';
import { eventually } from '../../test/eventually.js';

const PHONE_NUMBER_ID = '106540352242922';
const CUSTOMER = '919876543210';

describe('what a delivered message changes besides the balance', () => {
  let t: TestApp;
  let accountId: string;
  const deliver = (wamid: string, category = 'marketing') =>
    postWebhook(t, webhook([statusChange(PHONE_NUMBER_ID, [statusItem(wamid, 'delivered', CUSTOMER, regular(category))])]));

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount({ phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, display_phone_number: '+1 555-010-4477' })).id;
    await t.partner('PUT', '/v1/rate-card', {
      currency: 'USD',
      rates: [
        { market: 'IN', category: 'marketing', price: { amount: '0.0118', currency: 'USD' } },
        { market: 'IN', category: 'utility', price: { amount: '0.0014', currency: 'USD' } },
      ],
    });
  });
  afterEach(() => t.close());

  it('shows the debit in the statement with its category, market and message id', async () => {
    await deliver('wamid.S1');
    const secret = await t.mintSession(accountId);
    const statement = await t.widget(secret, 'GET', '/v1/statement');
    assert.equal(statement.status, 200);
    const [entry] = statement.body.entries;
    assert.equal(entry.kind, 'message');
    assert.deepEqual(entry.amount, { amount: '-0.0118', currency: 'USD' });
    assert.equal(entry.reference, 'wamid.S1');
    assert.deepEqual(entry.details, { category: 'marketing', market: 'IN', message_id: 'wamid.S1', priced: true });
  });

  it('lists a delivered message with no rate in the statement as unpriced, outside the ledger, within the range', async () => {
    await deliver('wamid.N1', 'authentication');
    await deliver('wamid.N1', 'authentication');
    const secret = await t.mintSession(accountId);
    const statement = await t.widget(secret, 'GET', '/v1/statement');
    assert.deepEqual(statement.body.entries, []);
    assert.equal(statement.body.unpriced_messages.count, 1);
    const [message] = statement.body.unpriced_messages.newest;
    assert.equal(message.message_id, 'wamid.N1');
    assert.equal(message.category, 'authentication');
    assert.equal(message.market, 'IN');
    const later = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const outside = await t.widget(secret, 'GET', `/v1/statement?from=${encodeURIComponent(later)}`);
    assert.equal(outside.body.unpriced_messages.count, 0);
  });

  it('charges a message even when a partner adjustment used its ledger key as idempotency key', async () => {
    const adjustment = await t.partner('POST', `/v1/accounts/${accountId}/adjustments`, {
      amount: { amount: '1.00', currency: 'USD' },
      reason: 'collides on purpose',
      idempotency_key: 'meta:message:wamid.K1',
    });
    assert.equal(adjustment.status, 201);
    assert.equal(adjustment.body.idempotency_key, 'meta:message:wamid.K1');
    await deliver('wamid.K1');
    const account = await t.partner('GET', `/v1/accounts/${accountId}`);
    assert.deepEqual(account.body.balance, { amount: '0.9882', currency: 'USD' });
  });

  it('counts a delivered marketing message toward the frequency cap, even without a send check', async () => {
    const secret = await t.mintSession(accountId, ['frequency_cap:write']);
    await t.widget(secret, 'PUT', '/v1/frequency-cap', { enabled: true, max_messages: 1, window_hours: 24 });
    await deliver('wamid.F1');
    await deliver('wamid.F1');
    const check = await t.partner('POST', `/v1/accounts/${accountId}/marketing-sends`, { recipient: `+${CUSTOMER}` });
    assert.equal(check.status, 200);
    assert.equal(check.body.allowed, false);
    assert.ok(check.body.next_allowed_at);
  });

  it('does not count a utility message toward the marketing cap', async () => {
    const secret = await t.mintSession(accountId, ['frequency_cap:write']);
    await t.widget(secret, 'PUT', '/v1/frequency-cap', { enabled: true, max_messages: 1, window_hours: 24 });
    await deliver('wamid.U1', 'utility');
    const check = await t.partner('POST', `/v1/accounts/${accountId}/marketing-sends`, { recipient: `+${CUSTOMER}` });
    assert.equal(check.body.allowed, true);
  });

  it('pushes the new balance to open widgets once per charged message, not for its repeats', async () => {
    const heard: LiveEvent[] = [];
    t.liveEvents.subscribe(accountId, (event) => heard.push(event));
    await deliver('wamid.L1');
    await deliver('wamid.L1');
    // Committed changes are heard a moment later (through PostgreSQL's NOTIFY on that engine).
    await eventually(() => heard.some((event) => event.type === 'balance'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const balances = heard.filter((event) => event.type === 'balance');
    assert.equal(balances.length, 1);
    assert.deepEqual((balances[0]!.data as { balance: unknown }).balance, { amount: '-0.0118', currency: 'USD' });
  });

  it('pushes the new limit and timeline to open widgets when Meta reports a limit change', async () => {
    const heard: LiveEvent[] = [];
    t.liveEvents.subscribe(accountId, (event) => heard.push(event));
    const update = {
      field: 'phone_number_quality_update',
      value: { display_phone_number: '15550104477', event: 'ONBOARDING', max_daily_conversations_per_business: 'TIER_2K' },
    };
    const res = await postWebhook(t, { object: 'whatsapp_business_account', entry: [{ id: WABA_ID, changes: [update] }] });
    assert.equal(res.status, 200);
    await eventually(() => heard.some((event) => event.type === 'quota'));
    const quota = heard.find((event) => event.type === 'quota');
    const quality = heard.find((event) => event.type === 'quality');
    assert.ok(quota && quality, 'both quota and quality were pushed');
    assert.equal((quota.data as { tier: string }).tier, 'TIER_2K');
    assert.equal((quota.data as { limit: number }).limit, 2000);
    assert.equal((quality.data as { history: { event: string }[] }).history[0]?.event, 'ONBOARDING');
  });
});

