import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Hono } from 'hono';
import { createApp } from '../../app.js';
import type { ManualClock } from '../../domain/clock.js';
import { createManualClock } from '../../domain/clock.js';
import type { WebhookChange } from '../../domain/meta/webhook-change.js';
import { qualityWebhookHandlers } from '../../domain/quality/webhook-handlers.js';
import type { Store } from '../../store/store.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { seededRandom } from '../../test/prng.js';
import { SECRET_KEY } from '../../test/harness.js';
import { seedDemo } from '../seed.js';
import { qualityUpdateWebhook, statusWebhook } from './payloads.js';
import { metaSignature } from './signature.js';
import type { DeliverRequest } from './simulator.js';
import { createDemoSimulator, DEMO_RECIPIENTS, META_WEBHOOK_PATH } from './simulator.js';

const APP_SECRET = 'test-app-secret';
const NUMBER = {
  wabaId: '102290129340398',
  phoneNumberId: '106540352242922',
  displayDigits: '15550104477',
  displayPhoneNumber: '+1 555-010-4477',
  verifiedName: 'Acme Coffee',
};

interface Received {
  body: any;
  signatureValid: boolean;
}

/** A tiny stand-in for `POST /webhooks/meta`: checks the signature as Meta's receiver must. */
function webhookStandIn(received: Received[], onChange?: (change: WebhookChange) => Promise<void>) {
  return new Hono().post(META_WEBHOOK_PATH, async (c) => {
    const raw = await c.req.text();
    const expected = Buffer.from(`sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`);
    const given = Buffer.from(c.req.header('X-Hub-Signature-256') ?? '');
    const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
    const body = JSON.parse(raw);
    received.push({ body, signatureValid });
    if (!signatureValid) return c.json({ error: { code: 'invalid_signature', message: 'bad signature' } }, 401);
    for (const entry of body.entry) {
      for (const change of entry.changes) {
        await onChange?.({ wabaId: entry.id, field: change.field, value: change.value, receivedAt: new Date() });
      }
    }
    return c.text('ok', 200);
  });
}

describe('simulated Meta payloads', () => {
  it('signs the raw body with the app secret as X-Hub-Signature-256', () => {
    const body = '{"object":"whatsapp_business_account","entry":[]}';
    assert.equal(
      metaSignature('test-app-secret', body),
      `sha256=${createHmac('sha256', 'test-app-secret').update(body, 'utf8').digest('hex')}`,
    );
    assert.match(metaSignature('s', 'x'), /^sha256=[0-9a-f]{64}$/);
  });

  it('builds a messages status webhook in Meta’s shape, with per-message pricing', () => {
    const payload = statusWebhook(NUMBER, {
      wamid: 'wamid.X',
      status: 'sent',
      recipientId: '919876543210',
      category: 'marketing',
      withPricing: true,
      at: new Date('2025-06-15T23:27:53Z'),
    });
    assert.deepEqual(payload, {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550104477', phone_number_id: '106540352242922' },
                statuses: [
                  {
                    id: 'wamid.X',
                    status: 'sent',
                    timestamp: '1750030073',
                    recipient_id: '919876543210',
                    pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
                  },
                ],
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
  });

  it('builds a phone_number_quality_update naming the number by display digits only', () => {
    const payload = qualityUpdateWebhook(NUMBER, { event: 'UPGRADE', tier: 'TIER_100K', oldTier: 'TIER_10K', at: new Date(1748454394_000) });
    assert.deepEqual(payload, {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          time: 1748454394,
          changes: [
            {
              value: {
                display_phone_number: '15550104477',
                event: 'UPGRADE',
                old_limit: 'TIER_10K',
                current_limit: 'TIER_100K',
                max_daily_conversations_per_business: 'TIER_100K',
              },
              field: 'phone_number_quality_update',
            },
          ],
        },
      ],
    });
  });
});

describe('demo simulator', () => {
  let clock: ManualClock;
  let received: Received[];
  let deliver: DeliverRequest;

  beforeEach(() => {
    clock = createManualClock();
    received = [];
    const standIn = webhookStandIn(received);
    deliver = (path, init) => standIn.request(path, init);
  });

  it('posts signed status webhooks: sent first, then delivered or read, pricing on exactly two of them', async () => {
    const simulator = createDemoSimulator({ number: NUMBER, appSecret: APP_SECRET, clock, deliver, random: seededRandom(7) });
    for (let i = 0; i < 80; i++) await simulator.tick();
    assert.equal(received.length, 80);
    assert.ok(received.every((r) => r.signatureValid));
    const byMessage = new Map<string, { status: string; pricing?: { type: string; category: string; pricing_model: string } }[]>();
    for (const { body } of received) {
      assert.equal(body.entry[0].id, NUMBER.wabaId);
      assert.equal(body.entry[0].changes[0].field, 'messages');
      const status = body.entry[0].changes[0].value.statuses[0];
      byMessage.set(status.id, [...(byMessage.get(status.id) ?? []), status]);
      assert.ok(DEMO_RECIPIENTS.includes(status.recipient_id));
      if (status.pricing) {
        assert.equal(status.pricing.type, 'regular');
        assert.equal(status.pricing.pricing_model, 'PMP');
        assert.ok(['marketing', 'utility', 'authentication'].includes(status.pricing.category));
      }
    }
    const statuses = new Set<string>();
    for (const events of byMessage.values()) {
      assert.equal(events[0]?.status, 'sent');
      assert.ok(events.filter((event) => event.pricing).length <= 2);
      assert.ok(events[0]?.pricing);
      events.forEach((event) => statuses.add(event.status));
    }
    assert.deepEqual([...statuses].sort(), ['delivered', 'read', 'sent']);
  });

  it('runs on an interval until stopped, and not at all with interval 0', async () => {
    const simulator = createDemoSimulator({ number: NUMBER, appSecret: APP_SECRET, clock, deliver });
    simulator.start(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(received.length, 0);
    simulator.start(5);
    // on a busy machine 60 ms may hold a single tick: wait for the ticks themselves, not for an amount of time
    while (received.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    simulator.stop();
    // a tick already posting when stopped may still land: count once those have
    await new Promise((resolve) => setTimeout(resolve, 30));
    const count = received.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(received.length, count);
  });

  it('reports a refused webhook instead of throwing', async () => {
    const problems: string[] = [];
    const simulator = createDemoSimulator({
      number: NUMBER,
      appSecret: 'not-the-secret',
      clock,
      deliver,
      onError: (message) => problems.push(message),
    });
    await simulator.tick();
    assert.equal(received[0]?.signatureValid, false);
    assert.deepEqual(problems, ['simulator: /webhooks/meta answered 401']);
  });

  it("serves the demo number's fields as the Graph stand-in, and only that number", async () => {
    const simulator = createDemoSimulator({ number: NUMBER, appSecret: APP_SECRET, clock });
    assert.deepEqual(await simulator.graph.getPhoneNumber(NUMBER.phoneNumberId), {
      displayPhoneNumber: '+1 555-010-4477',
      verifiedName: 'Acme Coffee',
      qualityRating: 'GREEN',
      messagingLimitTier: 'TIER_10K',
      nameStatus: 'APPROVED',
      status: 'CONNECTED',
    });
    await assert.rejects(simulator.graph.getPhoneNumber('1'));
  });
});

describe('POST /demo/quality', () => {
  let store: Store;
  let clock: ManualClock;
  beforeEach(() => {
    store = openSqliteStore({ file: ':memory:' });
    clock = createManualClock();
  });
  afterEach(() => store.close());

  it('changes the simulated number; the tier travels as a signed webhook and the rating through a Graph read', async () => {
    const account = await seedDemo(store, clock);
    assert.ok(account);
    const received: Received[] = [];
    const handlers = qualityWebhookHandlers({ store });
    const standIn = webhookStandIn(received, async (change) => handlers[change.field]?.({ ...change, receivedAt: clock.now() }));
    const simulator = createDemoSimulator({ number: NUMBER, appSecret: APP_SECRET, clock });
    const app = createApp({
      store,
      clock,
      config: { secretKey: SECRET_KEY, allowedOrigins: [], metaAppSecret: APP_SECRET },
      demo: { accountId: account.id, simulator },
      metaGraph: simulator.graph,
    });
    simulator.connect((path, init) => (path === META_WEBHOOK_PATH ? standIn.request(path, init) : app.request(path, init)));

    const session = (await (await app.request('/demo/session', { method: 'POST' })).json()) as { client_secret: string };
    const auth = { Authorization: `Bearer ${session.client_secret}` };
    assert.equal(((await (await app.request('/v1/quality', { headers: auth })).json()) as { rating: string }).rating, 'GREEN');

    clock.advance(5_000);
    const res = await app.request('/demo/quality', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rating: 'YELLOW', tier: 'TIER_100K' }),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { rating: 'YELLOW', tier: 'TIER_100K' });
    assert.equal(received.length, 1);
    assert.ok(received[0]?.signatureValid);
    assert.equal(received[0]?.body.entry[0].changes[0].field, 'phone_number_quality_update');

    const quality = (await (await app.request('/v1/quality', { headers: auth })).json()) as { rating: string; history: unknown[] };
    assert.equal(quality.rating, 'YELLOW');
    assert.deepEqual(quality.history, [
      { at: '2025-01-15T10:00:05.000Z', event: 'QUALITY_CHANGED', rating: 'YELLOW', tier: null, source: 'graph' },
      { at: '2025-01-15T10:00:05.000Z', event: 'UPGRADE', rating: null, tier: 'TIER_100K', source: 'webhook' },
    ]);
    const quota = (await (await app.request('/v1/quota', { headers: auth })).json()) as { tier: string; limit: number };
    assert.deepEqual([quota.tier, quota.limit], ['TIER_100K', 100000]);

    const bad = await app.request('/demo/quality', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"rating":"PURPLE"}' });
    assert.equal(bad.status, 400);
  });
});
