import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import Stripe from 'stripe';
import { createManualClock } from '../../domain/clock.js';
import type { TestApp } from '../../test/harness.js';
import { createTestApp } from '../../test/harness.js';
import { StripePaymentProvider } from './stripe.js';

const WEBHOOK_SECRET = 'whsec_test_0123456789abcdef';
const stripe = new Stripe('sk_test_unused');
const server = setupServer();

describe('Stripe provider', () => {
  let t: TestApp;
  let created: URLSearchParams[];
  let accountId: string;

  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());
  beforeEach(async () => {
    created = [];
    server.use(
      http.post('https://api.stripe.com/v1/checkout/sessions', async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        created.push(form);
        return HttpResponse.json({
          id: `cs_test_${created.length}`,
          object: 'checkout.session',
          url: `https://checkout.stripe.com/c/pay/cs_test_${created.length}`,
          expires_at: Number(form.get('expires_at')),
          currency: form.get('line_items[0][price_data][currency]'),
          amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
          payment_status: 'unpaid',
        });
      }),
    );
    const clock = createManualClock(new Date());
    const provider = new StripePaymentProvider({ secretKey: 'sk_test_123', webhookSecret: WEBHOOK_SECRET, now: () => clock.now() });
    t = createTestApp({ clock, paymentProvider: provider });
    accountId = (await t.openAccount()).id;
  });
  afterEach(async () => {
    server.resetHandlers();
    await t.close();
  });

  const openTopup = async () => {
    const secret = await t.mintSession(accountId, ['topup']);
    const res = await t.widget(secret, 'POST', '/v1/topups', { amount: { amount: '25.00', currency: 'USD' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  const sessionEvent = (type: string, session: Record<string, unknown>) =>
    JSON.stringify({
      id: `evt_${type}`,
      object: 'event',
      type,
      api_version: '2025-01-27',
      created: Math.floor(Date.now() / 1000),
      data: { object: { object: 'checkout.session', currency: 'usd', amount_total: 2500, payment_status: 'paid', ...session } },
    });
  const postWebhook = (payload: string, signature = stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })) =>
    t.app.request('/webhooks/payments/stripe', { method: 'POST', body: payload, headers: { 'Stripe-Signature': signature } });

  it('opens a Checkout Session in minor units with our reference and expiry', async () => {
    const topup = await openTopup();
    assert.equal(topup.checkout_url, 'https://checkout.stripe.com/c/pay/cs_test_1');
    const form = created[0];
    assert.ok(form);
    assert.equal(form.get('mode'), 'payment');
    assert.equal(form.get('line_items[0][price_data][unit_amount]'), '2500');
    assert.equal(form.get('line_items[0][price_data][currency]'), 'usd');
    assert.equal(form.get('metadata[reference]'), topup.id);
    assert.equal(form.get('client_reference_id'), topup.id);
    assert.equal(form.get('success_url'), 'http://localhost/checkout/complete?popup=1');
    assert.equal(Number(form.get('expires_at')) * 1000, new Date(topup.expires_at).getTime());
  });

  it('credits a checkout.session.completed (paid) once, however often it is delivered', async () => {
    const topup = await openTopup();
    const payload = sessionEvent('checkout.session.completed', { id: 'cs_test_1' });
    const results = await Promise.all([postWebhook(payload), postWebhook(payload)]);
    assert.deepEqual(results.map((r) => r.status), [200, 200]);
    assert.equal((await t.store.getPayment(topup.id))?.status, 'succeeded');
    assert.equal((await t.store.getAccount(accountId))?.balanceMicros, 25_000_000n);
    const [entry] = await t.store.listLedgerEntries(accountId);
    assert.equal(entry?.idempotencyKey, 'payment:stripe:cs_test_1');
  });

  it('waits for async payments, and maps failure and expiry', async () => {
    const topup = await openTopup();
    await postWebhook(sessionEvent('checkout.session.completed', { id: 'cs_test_1', payment_status: 'unpaid' }));
    assert.equal((await t.store.getPayment(topup.id))?.status, 'pending');
    await postWebhook(sessionEvent('checkout.session.async_payment_failed', { id: 'cs_test_1', payment_status: 'unpaid' }));
    assert.equal((await t.store.getPayment(topup.id))?.status, 'failed');

    const second = await openTopup();
    await postWebhook(sessionEvent('checkout.session.expired', { id: 'cs_test_2', payment_status: 'unpaid' }));
    assert.equal((await t.store.getPayment(second.id))?.status, 'expired');
    const third = await openTopup();
    await postWebhook(sessionEvent('checkout.session.async_payment_succeeded', { id: 'cs_test_3' }));
    assert.equal((await t.store.getPayment(third.id))?.status, 'succeeded');
    assert.equal((await t.store.getAccount(accountId))?.balanceMicros, 25_000_000n);
  });

  it('refuses a bad signature with 400 and acknowledges events it does not act on', async () => {
    await openTopup();
    const payload = sessionEvent('checkout.session.completed', { id: 'cs_test_1' });
    const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });
    const res = await postWebhook(payload, forged);
    assert.equal(res.status, 400);
    assert.equal((await t.store.getAccount(accountId))?.balanceMicros, 0n);
    const other = await postWebhook(sessionEvent('customer.created', { id: 'cus_1' }));
    assert.equal(other.status, 200);
  });

  it('serves no sandbox checkout or sandbox webhook with a real provider', async () => {
    assert.equal((await t.app.request('/sandbox/checkout/cs_test_1')).status, 404);
    assert.equal((await t.app.request('/webhooks/payments/sandbox', { method: 'POST', body: '{}' })).status, 404);
  });

  it('refuses an amount Stripe cannot charge exactly', async () => {
    const provider = new StripePaymentProvider({ secretKey: 'sk_test_123', webhookSecret: WEBHOOK_SECRET });
    await assert.rejects(
      provider.createCheckout({
        amountMicros: 25_005_000n,
        currency: 'USD',
        description: 'x',
        reference: 'tu_x',
        successUrl: 'https://a.example/ok',
        cancelUrl: 'https://a.example/no',
        expiresAt: new Date(Date.now() + 3_600_000),
      }),
      /Stripe cannot charge USD amounts that are not whole steps/,
    );
  });
});
